"""Markdown (.md) plans: the marks of the format taken off, the words kept, so the parser reads the plan as the same
plan written in plain text.

* front matter (``---`` / ``文号: …`` / ``---`` at the top): the document's reference fields, one ``key：value`` line each
  (the parser keeps such lines out of the plan's text: structure.is_reference_line);
* ``#`` … ``######`` heading marks, ``**``/``__`` emphasis, ``>`` quote marks, ``-``/``*``/``+`` bullets, links' targets,
  images, HTML comments, rules (``---``/``***``) and setext underlines: no words of the plan;
* a pipe table (``| 序号 | 工作任务 |`` with its ``|---|`` line): its rows tab-separated, as every reader writes a table.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*---\s*$")
_FIELD = re.compile(r"^\s*([^:：\s][^:：]{0,19}?)\s*[:：]\s*(.*?)\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s{0,3}=+\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def front_matter(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the front matter's fields as ``key：value`` lines, the lines after it); ([], lines) when the text opens with no
    front matter (a ``---`` line, then ``key: value`` lines, then ``---``)."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not _FENCE.match(lines[start]):
        return [], lines
    fields = []
    for end in range(start + 1, min(len(lines), start + 41)):
        if _FENCE.match(lines[end]):
            return fields, lines[end + 1:]
        m = _FIELD.match(lines[end])
        if lines[end].strip() and not m:
            return [], lines  # (a rule over a paragraph, not front matter)
        if m and m.group(2):
            fields.append(f"{m.group(1)}：{m.group(2).strip(chr(34) + chr(39))}")
    return [], lines


def _table_row(line: str) -> str | None:
    """A pipe table's row as tab-separated cells, or None for a line that is no such row."""
    text = line.strip()
    if not (text.startswith("|") and text.endswith("|") and text.count("|") >= 3):
        return None
    return "\t".join(cell.strip() for cell in text[1:-1].split("|"))


def markdown_plain(text: str) -> str:
    """The words of a Markdown plan, one paragraph a line as plain text writes them (see the module)."""
    fields, lines = front_matter(_COMMENT.sub("", text).split("\n"))
    out = list(fields)
    for line in lines:
        if _TABLE_SEPARATOR.match(line) and "-" in line and "|" in line:
            continue
        row = _table_row(line)
        if row is not None:
            out.append(row)
            continue
        if _RULE.match(line):
            out.append("")
            continue
        m = _HEADING.match(line)
        line = m.group(1) if m else line
        line = _BULLET.sub("", _QUOTE.sub("", line))
        line = _LINK.sub(r"\1", _IMAGE.sub("", line))
        line = _EMPHASIS.sub(r"\2", line)
        out.append(line)
    return "\n".join(out)
