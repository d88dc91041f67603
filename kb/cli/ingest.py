"""``kb ingest FILE…``: print the clean text kb reads from each file, to check it before trusting it."""

from __future__ import annotations

import sys

from kb.errors import KbError


def add_arguments(parser, name: str) -> None:
    """Options of ``kb ingest``."""
    parser.add_argument("files", metavar="FILE", nargs="+", help="plan files: .pdf .docx .html .xlsx .doc .wps .txt …")
    parser.add_argument("--no-cache", action="store_true", help="read the files again instead of using the extraction cache")


def run(args) -> int:
    """Print each file's text; a file that cannot be read is one line on stderr (exit 2), the others are printed."""
    from kb.ingest import read_document
    from kb.ingest.text import escape_line

    out = sys.stdout
    status = 0
    many = len(args.files) > 1
    for name in args.files:
        try:
            extracted = read_document(name, use_cache=not args.no_cache)
        except KbError as exc:
            print(f"kb: {exc}", file=sys.stderr)
            status = 2
            continue
        for w in extracted.warnings:
            print(f"kb: warning: {escape_line(name)}: {escape_line(w)}", file=sys.stderr)
        if many:
            out.write(f"==> {escape_line(name)} ({_describe(extracted)}) <==\n")
        page = 1
        for line in extracted.text.split("\n"):
            # Page ends are shown as a line 〔第N页〕 (the text itself holds a form feed there).
            pieces = line.split("\f")
            for k, piece in enumerate(pieces):
                if k:
                    page += 1
                    out.write(f"〔第{page}页〕\n")
                if piece or len(pieces) == 1:
                    out.write(escape_line(piece) + "\n")
        if many:
            out.write("\n")
    return status


def _describe(extracted) -> str:
    parts = [extracted.format]
    if extracted.pages:
        parts.append(f"{extracted.pages} 页")
    if extracted.tables:
        parts.append(f"{extracted.tables} 个表格")
    return "，".join(parts)
