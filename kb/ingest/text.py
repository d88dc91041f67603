"""Plain text files, and the text conventions every reader shares.

``read_text`` decodes a ``.txt`` plan.  The helpers below are what the other readers
use to write their result in the one text form the parser reads (see ``kb.ingest``):
joining lines wrapped inside a paragraph or a table cell, and writing a table as
tab-separated rows.
"""

from __future__ import annotations

import re
import unicodedata

from kb.errors import KbError

#: Characters that end a sentence: a wrapped line ending with one ends its paragraph.
SENTENCE_END = "。！？；：!?;:…"

def read_text(raw: bytes, where: str):
    """Decode a text plan: UTF-8 (with or without BOM), else GB18030 (covers GBK/GB2312)."""
    from kb.ingest import Extracted

    text, encoding = decode_text(raw, where)
    return Extracted(text=text, format="txt", encoding=encoding)


def decode_text(raw: bytes, where: str) -> tuple[str, str]:
    """(text, encoding) of a plan's text bytes; a binary file or an unknown encoding is a KbError."""
    if b"\x00" in raw[:65536]:
        raise KbError(f"{where}：像是二进制文件，不是方案正文（请另存为 UTF-8 或 GBK 文本）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not looks_chinese(text):
            break
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise KbError(f"{where}：无法按 UTF-8 或 GBK/GB18030 解码（请转换为 UTF-8）")


def looks_chinese(text: str) -> bool:
    """True if most non-space characters are CJK, ASCII or CJK punctuation (sanity check after GB18030)."""
    sample = [c for c in text[:20000] if not c.isspace()]
    if not sample:
        return True
    good = sum(1 for c in sample if c < "\x7f" or "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
    return good / len(sample) > 0.9


def join_wrapped(previous: str, line: str) -> str:
    """Join a line wrapped inside a paragraph: CJK continues with no space, Latin words keep one."""
    if not previous:
        return line
    if not line:
        return previous
    a, b = previous[-1], line[0]
    if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
        return f"{previous} {line}"
    return previous + line


def cell_text(value) -> str:
    """A table cell as one line: its wrapped lines joined, tabs and odd spaces made single spaces."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text.strip():
        # (a cell listing its units one a line is a list: 县水务局 / 县住建局 → 县水务局、县住建局; a wrapped line goes on)
        from kb.parser.tables import join_cell_lines

        out = join_cell_lines(text.split("\n"))
    else:
        out = text.strip()
    out = re.sub(r"[\t\u00a0\u3000 ]+", " ", out).strip()
    return "".join(c for c in out if unicodedata.category(c) != "Cc")


def is_spanning(row: list[str]) -> bool:
    """True for a row whose cells all hold one text (a merged cell across the table: a heading)."""
    filled = [c for c in row if c]
    return len(row) > 1 and bool(filled) and len(set(filled)) == 1 and (len(filled) == len(row) or len(filled) == 1)


def render_table(rows: list[list[str]], keep_columns: bool = False) -> str:
    """A table as text: one line per row, cells joined by tabs, a blank line before and after.

    Empty rows and (unless ``keep_columns``) empty columns are dropped; a row spanning the whole table (a merged section
    heading) is written once in its first cell.  A table of one column is a framed box
    of paragraphs, not a table: its cells are written as paragraphs.
    """
    raw = [["" if c is None else str(c) for c in r] for r in rows]
    raw = [r for r in raw if any(c.strip() for c in r)]
    if not raw:
        return ""
    width = max(len(r) for r in raw)
    raw = [r + [""] * (width - len(r)) for r in raw]
    filled = [j for j in range(width) if any(r[j].strip() for r in raw)]
    # keep_columns: every column stays (a PDF table's part on one page may leave one empty).
    keep = list(range(width)) if keep_columns and len(filled) > 1 else filled
    if len(keep) <= 1:
        # A frame around text (old CMS pages put whole articles in one cell): its lines stay lines.
        return "\n" + "\n".join(r[keep[0]].strip("\n") for r in raw if r[keep[0]].strip()) + "\n"
    rows = [[cell_text(r[j]) for j in keep] for r in raw]
    lines = []
    for r in rows:
        if is_spanning(r):
            r = [next(c for c in r if c)] + [""] * (len(r) - 1)
        lines.append("\t".join(r))
    return "\n" + "\n".join(lines) + "\n\n"


def tidy(text: str) -> str:
    """Final form of an extracted text: Unix newlines, no trailing spaces, no blank lines but
    the one before and after each table (tab-separated rows), which ends it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.rstrip(" \u3000\u00a0") for ln in text.split("\n")]
    blank = [not ln.strip(" \u3000\u00a0") for ln in lines]
    following = [""] * (len(lines) + 1)  # the next non-blank line after each index
    for i in range(len(lines) - 1, -1, -1):
        following[i] = following[i + 1] if blank[i] else lines[i]
    out: list[str] = []
    for i, ln in enumerate(lines):
        if blank[i]:
            prev = out[-1] if out else ""
            nxt = following[i + 1]
            if not out or not prev or ("\t" not in prev and "\t" not in nxt):
                continue
            ln = ""
        out.append(ln)
    return "\n".join(out).strip("\n") + "\n"
