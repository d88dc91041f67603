"""``kb ingest FILE…``: print the clean text kb reads from each file, to check it before trusting it."""

from __future__ import annotations

import sys

from kb.errors import KbError


def add_arguments(parser, name: str) -> None:
    """Options of ``kb ingest``."""
    parser.add_argument("files", metavar="FILE", nargs="+", help="方案文件：.pdf .docx .html .xlsx .doc .wps .txt ……")
    parser.add_argument("--no-cache", action="store_true", help="重新读取文件，不使用提取缓存")


def run(args) -> int:
    """Print each file's text; a file that cannot be read is one line on stderr (exit 2), the others are printed."""
    from kb.ingest import read_document
    from kb.safetext import escape, escape_line

    out = sys.stdout
    status = 0
    many = len(args.files) > 1
    for name in args.files:
        problem = _path_problem(name)
        if problem:
            # (read_document judges a path by its extension first: a folder or a missing file without one
            # was said to be "a kind of file kb does not read")
            print(f"kb: {problem}", file=sys.stderr)
            status = 2
            continue
        try:
            extracted = read_document(name, use_cache=not args.no_cache)
        except KbError as exc:
            print(f"kb: {exc}", file=sys.stderr)
            status = 2
            continue
        for w in extracted.warnings:
            print(f"kb: 警告：{escape_line(name)}: {escape_line(w)}", file=sys.stderr)
        if many:
            out.write(f"==> {escape_line(name)} ({_describe(extracted)}) <==\n")
        pages = extracted.text.split("\f")
        if extracted.pages and not pages[-1].strip():
            pages.pop()  # the text ends with the last page's form feed
        for number, page in enumerate(pages, 1):
            if extracted.pages:
                # Each PDF page is headed 〔第N页〕 (the text itself holds a form feed at its end).
                out.write(f"〔第{number}页〕\n")
            for line in page.strip("\n").split("\n") if extracted.pages else page.rstrip("\n").split("\n"):
                out.write(escape(line) + "\n")  # tabs between table cells are kept
        if many:
            out.write("\n")
    return status


def _path_problem(name: str) -> str | None:
    """What is wrong with ``name`` before it is read: missing, or a folder; None when it is a file to try."""
    from pathlib import Path

    from kb.safetext import escape_line

    path = Path(name)
    try:
        if path.is_dir():
            return f"{escape_line(name)} 是文件夹：kb ingest 读取方案文件（要读取文件夹中的全部方案：kb --corpus {escape_line(name)} tasks）"
        if not path.exists():
            return f"无法读取 {escape_line(name)}：不存在（请检查路径）"
    except OSError as exc:  # a name the system refuses (too long …)
        from kb.errors import reason

        return f"无法读取 {escape_line(name)}：{reason(exc)}（请检查路径）"
    return None


def _describe(extracted) -> str:
    parts = [extracted.format]
    if extracted.encoding != "binary":
        parts.append(extracted.encoding)
    if extracted.pages:
        parts.append(f"{extracted.pages} 页")
    if extracted.tables:
        parts.append(f"{extracted.tables} 个表格")
    return "，".join(parts)
