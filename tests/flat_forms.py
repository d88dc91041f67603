"""A task table's text form as a web page copied or a PDF's extraction gives it: one cell a paragraph.

kb's ingest writes each table it reads as tab-separated rows (kb/ingest/__init__.py).  ``one_cell_a_paragraph``
turns those rows into what the same table becomes when it reaches kb as text: the cells in row order, each on a
paragraph of its own, empty cells left out (a copied page writes nothing for them), a merged cell written once
(the grid repeats it in each row it covers; a copied page gives it on its first row only) and, optionally, a
header cell broken at a bracket or a year range (``重点任务（2024-`` / ``2026）``, as a narrow column wraps it)."""

from __future__ import annotations

import re

#: A header cell a narrow column wraps: after the bracket's first year and its dash (重点任务（2024- / 2026）), or
#: before an opening bracket (完成时限 / （2024年）).
_WRAP_RE = re.compile(r"^(.+?[（(](?:19|20)\d\d[-—－~～至])(.+)$|^(.+?)([（(].+)$")
#: A header cell broken before its opening bracket (完成时限 / （2024年）).
_BEFORE_BRACKET_RE = re.compile(r"^(.+?)([（(].+)$")


def broken_header_cell(cell: str, before_bracket: bool = False) -> list[str]:
    """A header cell as a narrow column wraps it: one or two pieces (``before_bracket``: always before its bracket)."""
    if before_bracket and (m := _BEFORE_BRACKET_RE.match(cell)):
        return list(m.groups())
    m = _WRAP_RE.match(cell)
    if not m:
        return [cell]
    return [m.group(1), m.group(2)] if m.group(1) else [m.group(3), m.group(4)]


def table_blocks(text: str) -> list[tuple[int, int]]:
    """(first line, line after) of each run of two or more tab-separated lines."""
    lines = text.split("\n")
    out, start = [], None
    for i, ln in enumerate(lines + [""]):
        if "\t" in ln and start is None:
            start = i
        elif "\t" not in ln and start is not None:
            if i - start >= 2:
                out.append((start, i))
            start = None
    return out


def one_cell_a_paragraph(text: str, *, break_header: bool | str = False, merged_once: bool = True) -> str:
    """``text`` with each tab-separated table written one cell a paragraph (blank lines between paragraphs)."""
    lines = text.split("\n")
    pieces: list[str] = []
    at = 0
    for start, end in table_blocks(text):
        pieces.extend(lines[at:start])
        rows = [ln.split("\t") for ln in lines[start:end]]
        cells: list[str] = []
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                cell = cell.strip()
                if not cell:
                    continue
                above = rows[r - 1][c].strip() if r > 1 and c < len(rows[r - 1]) else None
                if merged_once and cell == above:
                    continue  # a merged cell: the copied page writes it once
                if r == 0 and break_header:
                    cells.extend(broken_header_cell(cell, break_header == "before bracket"))
                else:
                    cells.append(cell)
        pieces.append("\n\n".join(cells))
        at = end
    pieces.extend(lines[at:])
    text = "\n".join(pieces)
    # every paragraph apart from the next by a blank line (the form a page copied gives)
    return re.sub(r"\n(?=\S)", "\n\n", re.sub(r"\n{2,}", "\n", text))


def self_numbered(text: str, style: str = "（{}）") -> str:
    """``text`` with each tab-separated task table's 序号 column taken out and each row's task cell opening with its
    number instead (``（3）推进…``, ``3、推进…``): a table that numbers its rows inside its cells."""
    from kb.parser.tables import header_columns

    lines = text.split("\n")
    for start, end in table_blocks(text):
        header = lines[start].split("\t")
        columns = header_columns(header)
        if "number" not in columns or "task" not in columns:
            continue
        # the row's first text column whose cells are its own, not a merged cell repeated down the rows (a name column
        # holds the row's number when each row has its own: 内容 before 2024年工作任务; 事项 merged over rows does not)
        rows = [lines[k].split("\t") for k in range(start + 1, end)]
        texts = sorted(c for c in (columns.get("name"), columns["task"]) if c is not None)
        num = columns["number"]
        task = next((c for c in texts if not any(r[c].strip() and r[c] == q[c] for q, r in zip(rows, rows[1:])
                                                 if len(q) == len(r) == len(header))), columns["task"])
        for k in range(start, end):
            cells = lines[k].split("\t")
            if len(cells) != len(header):
                continue
            if k > start and cells[num].strip().isdigit():
                cells[task] = style.format(cells[num].strip()) + cells[task]
            lines[k] = "\t".join(c for x, c in enumerate(cells) if x != num)
    return "\n".join(lines)
