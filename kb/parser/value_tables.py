"""Value tables: a table that is no task table (no role column) whose rows are named by one column and hold figures in
the others — ``序号 | 街镇 | 2026年任务量 | 3月底前完成20% | …`` — read as rows × columns.

kb/parser/tables.py writes such a table's rows as lines of cells joined by ``｜`` (``1｜马陆镇｜122.52｜24.50``), one
paragraph a row, the header row first; ``read_value_table`` reads those rows back: the header's row-name column
(kb/data/value_tables.yaml ``row_name_headers``), each row's cells labelled by their headers.  A row is read only when
its cells line up with the header (the same number of cells): the ``｜`` line keeps no empty cell, so a row with one
(``合计｜4.5｜9000`` under five headers) cannot be placed and is left unread, never guessed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "value_tables.yaml"

#: A cell holding a figure: a number, maybe with a unit or a percent sign after it (0, 122.52, 20%, 1.2万亩) — never a
#: date or a header opening with one (2026年任务量, 3月底前完成20%).
_FIGURE = re.compile(r"^[-+]?[0-9０-９][0-9０-９,，.．]*\s*(?:%|％|‰)?[^\s0-9０-９年月日号]{0,4}$")
#: A header's bracketed note (（万亩）, （管委会）) and spaces, taken off to read what it names.
_NOTE = re.compile(r"[（(][^（）()]*[）)]|\s+")


@dataclass(slots=True, frozen=True)
class Words:
    """The vocabulary of value tables (kb/data/value_tables.yaml)."""

    row_name_headers: tuple[str, ...]
    """Header cells naming the rows (街镇, 乡镇, 区, 单位, 指标)."""
    total_names: tuple[str, ...]
    """Row names that are a sum of the other rows (合计, 总计)."""
    largest: tuple[str, ...]
    """Words asking for the largest figure of a column (最大, 最多)."""
    smallest: tuple[str, ...]
    """Words asking for the smallest figure of a column (最小, 最少)."""
    count_asks: tuple[str, ...]
    """Words asking how many rows (几个, 多少个)."""
    which_asks: tuple[str, ...]
    """Words asking which row (哪个)."""
    table_words: tuple[str, ...]
    """Words naming a table (表, 清单): a count of rows is asked of the table only when one is written."""
    box_titles: tuple[str, ...]
    """Words opening a box's title line (专栏): the paragraphs after it are its items."""


@functools.lru_cache(maxsize=1)
def load_words(path: str | None = None) -> Words:
    """The vocabulary, read once (an unreadable file or a missing or malformed list is one line naming the file)."""
    from kb.data import read_versioned_yaml
    from kb.errors import KbError

    src = Path(path) if path else DATA
    data = read_versioned_yaml(src, "value table vocabulary")
    lists = {}
    for key in Words.__slots__:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise KbError(f"{src}：{key} 应为词的列表；请修复文件，或从代码仓库恢复")
        lists[key] = tuple(value)
    return Words(**lists)


@dataclass(slots=True)
class ValueRow:
    """One row of a value table."""

    key: str
    """Who wrote the row (the paragraph's task id)."""
    name: str
    """The cell of the row-name column (安亭镇, 森林覆盖率)."""
    cells: list[tuple[str, str]] = field(default_factory=list)
    """(header, cell) of every column but the serial number and the row name, in table order; empty cells kept."""
    total: bool = False
    """The row is the table's sum (合计, 总计): no row of its kind."""


@dataclass(slots=True)
class ValueTable:
    """A value table read from its rows."""

    header: list[str]
    """The header row's cells as written."""
    name_column: int
    """Index of the row-name column in ``header``."""
    header_key: str
    """Who wrote the header row (its paragraph's task id)."""
    rows: list[ValueRow] = field(default_factory=list)
    """The rows whose cells line up with the header, in table order (sum rows included, marked ``total``)."""
    unread: list[str] = field(default_factory=list)
    """Keys of the rows whose cells do not line up with the header (not read)."""

    @property
    def name_header(self) -> str:
        """The row-name column's header (街镇)."""
        return self.header[self.name_column]

    def figure_columns(self) -> list[str]:
        """Headers of the columns whose cells of the named rows are all figures."""
        named = [r for r in self.rows if not r.total]
        out = []
        for k, (h, _) in enumerate(named[0].cells if named else []):
            if all(_FIGURE.match(r.cells[k][1].strip()) for r in named):
                out.append(h)
        return out


def header_core(header: str) -> str:
    """What a header names, its bracketed note and spaces taken off (建设面积（万亩） → 建设面积)."""
    return _NOTE.sub("", header)


def header_unit(header: str) -> str:
    """The unit a header's bracket gives its figures (建设面积（万亩） → 万亩; 单位：亩 → 亩), else ""."""
    m = re.search(r"[（(](?:单位[:：])?([^（）()]{1,6})[）)]\s*$", header)
    return m.group(1) if m else ""


def cells_of(line: str) -> list[str]:
    """The cells of a ``｜`` row (as kb/parser/tables.py writes a table that is no task table)."""
    return [c.strip() for c in line.split("｜")]


def _row_name_column(header: list[str], words: Words) -> int | None:
    for k, cell in enumerate(header):
        core = header_core(cell)
        if core in words.row_name_headers or (len(core) <= 6 and any(
                core.endswith(w) and len(w) >= 2 for w in words.row_name_headers)):
            return k
    return None


def read_value_table(lines: list[tuple[str, str]], words: Words | None = None) -> ValueTable | None:
    """The value table written by ``lines`` — (key, ``｜`` row) of consecutive paragraphs, the header first — or None
    when they are no value table: no header cell names the rows, a header cell is a figure, or no column of the read
    rows holds figures only."""
    words = words or load_words()
    if len(lines) < 2:
        return None
    header_key, header_line = lines[0]
    header = cells_of(header_line)
    if len(header) < 2 or any(not c or _FIGURE.match(c) for c in header):
        return None
    at = _row_name_column(header, words)
    if at is None:
        return None
    serial = 0 if at > 0 and header_core(header[0]) in ("序号", "编号", "序") else None
    table = ValueTable(header, at, header_key)
    for key, line in lines[1:]:
        cells = cells_of(line)
        if len(cells) != len(header):
            table.unread.append(key)
            continue
        name = cells[at]
        total = any(name.replace(" ", "") == t or (serial is not None and cells[serial].replace(" ", "") == t)
                    for t in words.total_names)
        table.rows.append(ValueRow(key, name, [(header[k], c) for k, c in enumerate(cells) if k not in (at, serial)],
                                   total))
    if not [r for r in table.rows if not r.total] or not table.figure_columns():
        return None
    return table
