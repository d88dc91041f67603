"""Task tables that reached the text flattened one cell a paragraph (web page or PDF extraction).

A 任务分工表 copied from a web page often arrives as ``序号`` / ``任务名称`` / ``任务内容`` / ``牵头部门`` /
``配合部门`` / ``时间节点`` each on its own paragraph, the rows running on.  This module finds such a
table and regroups its cells into rows, so that the task-table rules (``kb.parser.tables``) read it
like any other table: one definition of a row → task for DOCX, PDF, HTML and flattened text.

* **Header**: a run of three or more short paragraphs (or lines) that each name a column with the
  words of ``kb/data/tables.yaml`` (every cell, 参考文件/备注 included: the run ends at the first cell
  that names none), holding a 序号 column, a task column and someone responsible or a deadline.
  The number of columns is the number of header cells.  A table without a 序号 column is not
  regrouped (its rows could not be told apart) and stays text.
* **Rows** start at the 序号 cells: the paragraphs ``1``, ``2``, ``3`` … in order.  The paragraphs
  between two numbers are the cells of the row before (its columns after 序号), then any rows
  spanning the table (``行动二：…``, ``一、…``: headings), then the cells of the next row's columns
  before 序号 (静安 2023 puts 任务类型 first).  A repeat of the header (a page break) is dropped.
* **Cells to columns**: every way of giving the paragraphs, in order, to the columns is scored by
  its departures from one paragraph per cell, each costing 1: a column without a paragraph (a
  merged cell: it takes the value of the row above, within the same heading, and says so), a
  cell on two paragraphs without a sign that it wrapped (a paragraph ending in 、，or an open
  bracket continues the next one at no cost), a cell ending in 、 or ，(it should have gone on),
  and a paragraph that does not look like its column (a time cell that is no date, a unit cell
  whose names do not end like units, a name cell that is a sentence) costs 3.  The cheapest way
  wins.  When several ways cost the same and put a paragraph in different columns (宝山 2019's row
  14: ``区机管局`` / ``区绿化市容局`` / ``区党政机关、公共机构`` under 牵头部门 and 配合部门), that
  paragraph's column is not known: it is given no role, the task says so in a warning and the
  document counts such rows in a warning.  Nothing is guessed.
* The table ends after the last row's columns are filled (a cell that wrapped goes on); what
  follows stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kb.parser.messages import warning


def align_row(cells: list[str], kinds: list[str], unit_like, time_like, columns_of: dict[int, str]):
    """A row with fewer cells than its header (a web table copied as text leaves out the cells a merged
    cell covers) → its cells in their columns (None for a column it has no cell for), or None when the
    cheapest ways disagree on a cell or no way gives the task column a cell."""
    layout = [("col", c) for c in range(len(kinds))]
    ways = _align(cells, layout, kinds, unit_like, time_like, columns_of)
    if not ways:
        return None
    certain, uncertain = _agree(ways, len(cells))
    if uncertain:
        return None
    out: list[str | None] = [None] * len(kinds)
    for x, (_, col) in sorted(certain.items()):
        out[col] = cells[x] if out[col] is None else out[col] + "\n" + cells[x]
    return out


#: Column kinds, by the columns of tables.yaml (``name``: an earlier task column, see header_columns).
_KIND = {"number": "number", "task": "task", "name": "name", "lead": "unit", "support": "unit",
         "responsible": "unit", "leader": "person", "deadline": "time", "other": "other"}
def column_kinds(header: list[str], columns: dict[str, int], vocab=None) -> list[str]:
    """The kind of each header column (``_KIND``), a remarks column (tables.yaml ``remark_headers``: 备注, 说明) ``remark``."""
    kinds = ["other"] * len(header)
    for col, idx in columns.items():
        if idx < len(kinds):
            kinds[idx] = _KIND.get(col, "other")
    remarks = frozenset(getattr(vocab, "remark_headers", ()) or ())
    for idx, cell in enumerate(header):
        if kinds[idx] == "other" and re.sub(r"[\s:：]", "", cell) in remarks:
            kinds[idx] = "remark"
    return kinds


#: Rows spanning the table: a part (一、), a section (（一）), 行动一：, 第一部分, 专项一：.
_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]"
                         r"|(?:行动|专项|任务|第)[一二三四五六七八九十\d]{1,3}(?:部分|章|节)?[：:、])")
#: A heading line of the plan's own text: its words after the 一、/（一） marker (a table often repeats
#: them, unmarked, as its rows spanning the table: 建立健全“光伏+”推进机制 over rows 30–48).
_TEXT_HEADING_RE = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*"
                              r"([^。；;：:\n]{4,30}?)[。]?[ \t\u3000]*$", re.M)
_CONTINUES_RE = re.compile(r"[、，,（(《“]$")
_SENTENCE_RE = re.compile(r"[。；;！？]")
#: A paragraph closing a list item inside a cell (修订《A条例》；) — the cell goes on in the next paragraph.
_LIST_ITEM_END_RE = re.compile(r"[；;]$")
#: A paragraph that is a note under a cell (注：以…为准。): the cell before it goes on.
_CELL_NOTE_RE = re.compile(r"^\s*(?:注|备注|说明)\s*[：:]")
#: A paragraph wholly in brackets (（列在首位的为牵头部门）): a note under the cell before it, part of that cell.
_BRACKET_NOTE_RE = re.compile(r"^\s*[（(][^（）()\n]{2,40}[)）]\s*$")
#: A page's number standing alone between a table's cells (— 2 —, - 3 -, 第2页, 第2页共5页): never a cell.  A bare number is
#: a 序号, never taken for one.
_PAGE_MARK_RE = re.compile(r"^[ \t\u3000]*(?:[-—–－―]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－―]+"
                           r"|第[ \t\u3000]*\d{1,4}[ \t\u3000]*页(?:[ \t\u3000]*[，,、/]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*页)?)"
                           r"[ \t\u3000]*$")
_CAPTION_END_RE = re.compile(r"(?:表|清单|台账|方案|计划)$")
_HEADER_MAX = 14
_MISMATCH = 3
_CAP = 6
#: What a column without a paragraph costs: a task is never missing; a lead cell is merged over rows
#: less often than the others (a row of a 牵头 table names its lead), so its absence costs 2; a field's
#: cell (备注, 职权类型) is the one most often left empty, so its absence costs 0.5.
_MISSING = {"task": 9.0, "lead": 2.0, "other": 0.5}  # optimal ways kept per state (ties beyond this are not needed to see that a paragraph is uncertain)


@dataclass(slots=True)
class FlatRow:
    """A regrouped row: its 序号 (0 for a heading row), its cells by header column, notes and warnings."""

    number: int
    """The row's 序号; 0 for a row spanning the table (a heading)."""
    cells: list[str]
    """One cell per header column (the heading's text in the first cell of a heading row)."""
    notes: list[str] = field(default_factory=list)
    """What the regrouping inferred (a merged cell taken from the row above)."""
    warnings: list[str] = field(default_factory=list)
    """What it could not decide (a paragraph whose column is not known)."""
    paragraphs: int = 0
    """How many paragraphs its own cells were written on (0 for a heading or a second line)."""
    units_unplaced: list[str] = field(default_factory=list)
    """The unit paragraphs it writes whose column is not known (no role given): a row of the table all the same — a
    task whose unit is said uncertain, never a paragraph set apart (holdout13 jx18: 35 rows counted 34)."""
    misfit: bool = False
    """Its paragraphs fit the header's columns by shape in no cheapest reading (``_misfit``): no cell placed, no role."""
    own: list[str] = field(default_factory=list)
    """The paragraphs it writes after its 序号 (its own cells, as written)."""


@dataclass(slots=True)
class FlatTable:
    """A flattened table found in the text: where it stands and its rows."""

    start: int
    """Index of its first header paragraph in the paragraph list."""
    end: int
    """Index just after its last paragraph."""
    header: list[str]
    """The header cells as written."""
    rows: list[FlatRow]
    """Its rows in order, headings included."""
    cell_columns: int = 0
    """How many columns a row fills with one paragraph each when no cell is merged, wraps or is a field's (序号
    and fields such as 备注 left out: 内容 + unit columns + work columns)."""
    cost: float = 0.0
    """What its cheapest reading costs (``_align``'s departures from one paragraph a cell, over its rows)."""


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(first line, line after, text) of each paragraph: lines between blank lines.  A text without
    blank lines has a paragraph per line."""
    lines = text.split("\n")
    if sum(1 for ln in lines if not ln.strip()) * 4 < len(lines):
        return [(i, i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    out, start = [], None
    for i, ln in enumerate(lines + [""]):
        if ln.strip() and start is None:
            start = i
        elif not ln.strip() and start is not None:
            out.append((start, i, "\n".join(x.strip() for x in lines[start:i])))
            start = None
    return out


#: A line of a table copied one cell a line whose cells each close with a bar (``序号 |`` / ``重点工作 |``, a web
#: page's table as a text converter writes it when its cells hold paragraphs), or open and close with one (``| 序号 |``).
_CELL_BAR_RE = re.compile(r"^(?:[ \t\u3000]*[|｜](?=[^|｜\n]*\S))?([^|｜\n]*\S)[ \t\u3000]*[|｜][ \t\u3000]*$")
_SPACES_RE = re.compile(r"[ \u3000]+")


#: A line that is a bar alone (``|``, ``||``): an empty cell of a table copied one cell a line.
_EMPTY_BAR_CELL_RE = re.compile(r"^[ \t\u3000]*[|｜]{1,2}[ \t\u3000]*$")


def cells_one_a_line(text: str) -> str:
    """Runs of three or more lines that each hold one cell closed by a bar (``序号 |``) lose the bars, so
    the table is read like any table flattened one cell a line.  A lone line ending in a bar stays.  A bare bar line
    (``|``, ``||``) between two such lines is an empty cell: written ``—`` (an empty cell said, which the regrouping
    gives to no one and never fills from the row above)."""
    if "|" not in text and "｜" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (not _EMPTY_BAR_CELL_RE.match(lines[j]) and _CELL_BAR_RE.match(lines[j])
                                  or j > i and _EMPTY_BAR_CELL_RE.match(lines[j]) and j + 1 < len(lines)
                                  and _CELL_BAR_RE.match(lines[j + 1]) and not _EMPTY_BAR_CELL_RE.match(lines[j + 1])):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                out[k] = "—" if _EMPTY_BAR_CELL_RE.match(lines[k]) else _CELL_BAR_RE.match(lines[k]).group(1).strip()
        i = max(j, i + 1)
    return "\n".join(out)


#: The longest cell of a table of targets' rows (a name, a unit, a figure, an attribute: never a sentence).
_TARGET_CELL_MAX = 40
_TARGET_FIGURE_MAX = 16


def flattened_target_tables(text: str, target_header, names: tuple[str, ...]) -> str:
    """A table of targets that reached the text one cell a paragraph (``指标名称`` / ``单位`` / ``2022年`` / ``2025年`` /
    ``数字经济核心产业增加值占GDP比重`` / ``%`` / ``7.5`` / ``10`` …) → its rows as tab lines, so that it is read like the same
    table from a page, Word or Excel (a value table whose rows carry their targets: kb/parser/tables.py rule_target_rows)
    — before, its header cell was an item and the rest one glued paragraph.  ``target_header(cells)`` tells its header
    (tables.yaml ``target_tables``).  The header is the longest run of header cells from an indicator word (a 序号 line
    before it joins); the rows are the runs of as many paragraphs after it whose cells are short — the name no figure
    and no sentence, a 序号 counting up from 1, the other cells short — two rows at least; the table ends at the first
    run that is not a row (what follows stays text).  Nothing else is touched."""
    if not any(n in text for n in names):
        return text
    lines = text.split("\n")
    paras = [(k, ln.strip()) for k, ln in enumerate(lines) if ln.strip()]
    if len(paras) < 9:
        return text
    out = list(lines)
    drop: set[int] = set()
    i = 0
    while i < len(paras):
        header = None
        if re.sub(r"\s", "", paras[i][1]) not in names:
            i += 1
            continue
        for start in (i - 1, i) if i else (i,):
            for end in range(min(len(paras), start + 12), start + 2, -1):
                cells = [p for _, p in paras[start:end]]
                if all(len(c) <= 12 for c in cells) and (found := target_header(cells)) is not None:
                    header = (start, end, found)
                    break
            if header:
                break
        if header is None:
            i += 1
            continue
        start, end, found = header
        width = end - start
        rows: list[list[str]] = []
        k = end
        while k + width <= len(paras):
            cells = [p for _, p in paras[k : k + width]]
            if not _target_row(cells, found, len(rows) + 1):
                break
            rows.append(cells)
            k += width
        if len(rows) < 2:
            i += 1
            continue
        first = paras[start][0]
        out[first] = "\t".join(p for _, p in paras[start:end]) + "\n" + "\n".join("\t".join(r) for r in rows)
        drop.update(n for n, _ in paras[start + 1 : k])
        drop.update(n for n in range(first + 1, paras[k - 1][0] + 1) if not lines[n].strip())
        i = k
    if not drop:
        return text
    return "\n".join(ln for n, ln in enumerate(out) if n not in drop)


def _target_row(cells: list[str], header, serial: int) -> bool:
    """Whether ``cells`` are a row of a table of targets under ``header`` (tables.TargetHeader): a 序号 that is ``serial``
    when the header has one, a name that is no figure and no sentence, short cells, a short figure cell."""
    if header.name == 1 and cells[0] != str(serial):
        return False
    name = cells[header.name]
    if re.fullmatch(r"[\d.%％]+", name) or re.search(r"[。；;：:]", name):
        return False
    if any(len(c) > _TARGET_CELL_MAX or "。" in c for c in cells):
        return False
    return all(len(cells[i]) <= _TARGET_FIGURE_MAX for i in range(header.name + 1, len(cells)))


def split_spaced_rows(text: str, vocab, header_columns, is_task_header) -> str:
    """A task table whose rows reached the text one row a line with the cells separated by spaces
    (``序号 重点工作任务 主要责任单位 协同配合单位`` / ``1 加快推进… 区发改委 区财政局、区住建局``: a PDF's or a
    web page's table copied as text) → one cell a paragraph, so that ``find_flattened`` regroups it (and
    cleanup, which removes spaces next to CJK characters, does not glue its cells together).

    The header is a line of three or more words separated by spaces, each naming a column (a 序号 column,
    a task column and someone responsible or a deadline).  The table's lines are the ones after it that
    start with the next 序号 (``1 ``, ``2 ``…), short lines between them (a row spanning the table:
    ``一、扩大有效投资``) and repeats of the header; it ends at the first other line.  Each row is split at
    its spaces; which word goes to which column is ``find_flattened``'s work (a cell holding a space is
    two paragraphs of one cell there)."""
    numbers = [w for w, col in vocab.words if col == "number"]
    if not numbers or not re.search(rf"(?:^|[ \u3000])(?:{'|'.join(map(re.escape, numbers))})[ \u3000]+\S", text, re.M):
        return text
    lines = text.split("\n")
    body = text.rstrip("\n").split("\n")  # paragraphs as _paragraphs will see them: by blank lines, else one a line
    blank_mode = sum(1 for ln in body if not ln.strip()) * 4 >= len(body)
    sep = "\n\n" if blank_mode else "\n"
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        found = _spaced_header(line, vocab, header_columns, is_task_header) if "\t" not in line else None
        if found is None:
            out.append(line)
            i += 1
            continue
        before, words = found
        block = ([before] if before else []) + [sep.join(words)]
        expect = 1
        j = end = i + 1
        while j < len(lines):
            cur = lines[j].strip()
            first = _SPACES_RE.split(cur, maxsplit=1)
            if not cur:
                j += 1
                continue
            if first[0] == str(expect) and len(first) == 2:
                block.append(sep.join(_quantities_joined(_SPACES_RE.split(cur))))
                expect += 1
            elif _letter_spaced(_SPACES_RE.split(cur), frozenset(words)) == words:
                pass  # the header repeated (a page break)
            elif (len(cur) <= 40 and not _SENTENCE_RE.search(cur) and not first[0].isdigit()
                  and not all(header_columns([w], vocab) for w in _SPACES_RE.split(cur))):
                block.append(cur)  # a row spanning the table (or what follows it: find_flattened ends the table)
            else:
                break
            j = end = j + 1
        if expect <= 2:  # a header line and at most one row: no table
            out.append(line)
            i += 1
            continue
        out.append(sep.join(block))
        if blank_mode and end < len(lines) and lines[end].strip():
            out.append("")
        i = end
    return "\n".join(out)


#: A glued table's first row number standing as a cell of its own (`` 1 `` / ``|1|``): no line without one is read as a
#: glued table.
_GLUED_FIRST_ROW_RE = re.compile(r"[ \u3000|｜]\d{1,3}[ \u3000|｜]")
#: The bar a glued table's cells are joined by (序号|重点任务|…).
_BAR_RE = re.compile(r"[|｜]")


def glued_tables(text: str, vocab, header_columns, is_task_header) -> str:
    """Task tables glued into one line each (``_glued_rows``) → tab-separated rows between blank lines (every row as
    wide as the header: read exactly, as ingestion writes a table), else — cells joined by spaces, some holding a
    space or empty — a header line and a line a row for ``split_spaced_rows``; other lines unchanged."""
    if not _GLUED_FIRST_ROW_RE.search(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        glued = _glued_rows(line, vocab, header_columns, is_task_header) if "\t" not in line else None
        if glued is None:
            out.append(line)
        elif all(len(r) == len(glued[1]) for r in glued[2:]):
            out.extend(([glued[0], ""] if glued[0] else []) + ["\t".join(r) for r in glued[1:]] + [""])
        elif not _BAR_RE.search(line):
            out.extend([" ".join([glued[0], *glued[1]]).strip()] + [" ".join(r) for r in glued[2:]])
        else:
            out.append(line)
    return "\n".join(out)


def _glued_rows(line: str, vocab, header_columns, is_task_header) -> list | None:
    """A whole task table glued into one line, its cells separated by spaces (``序号 重点任务 牵头单位 完成时限 1 开展…
    区城管局 2024年10月底前 2 推进… …``, or its cells joined by bars: a page's table copied without its line breaks;
    tagsblind9 (b), (d)) → [the text
    before it, its header words, each row's words…]; None for any other line.  A row starts at the next row
    number (1, then 2, 3 …) only once the row before holds a cell for every column but one (a figure cell, 3, before
    the row's last cells is no row).  Each line is then read as ``split_spaced_rows`` reads a table a row a line."""
    if not _GLUED_FIRST_ROW_RE.search(line):
        return None
    if _BAR_RE.search(line):
        words = [w.strip() for w in _BAR_RE.split(line.strip().strip("|｜"))]  # (cells joined by bars keep their spaces)
    else:
        words = _letter_spaced(_SPACES_RE.split(line.strip()), frozenset(w for w, _ in vocab.words))
    numbers = {w for w, col in vocab.words if col == "number"}
    for start, word in enumerate(words):
        if word not in numbers:
            continue
        end = start + 1
        while end < len(words) and len(words[end]) <= _HEADER_MAX and header_columns([words[end]], vocab):
            end += 1
        header = words[start:end]
        # (the first row's number right after the header: 1, or N on a page continuing the table — 24, 25 …)
        if len(header) < 3 or end >= len(words) - 1 or not re.fullmatch(r"[1-9]\d{0,2}", words[end]):
            continue
        columns = header_columns(header, vocab)
        if "number" not in columns or not is_task_header(columns):
            continue
        first = int(words[end])
        rows: list[list[str]] = [[words[end]]]
        for w in words[end + 1 :]:
            if w == str(first + len(rows)) and len(rows[-1]) - 1 >= len(header) - 2:
                rows.append([w])
            else:
                rows[-1].append(w)
        if len(rows) < 2 or any(len(r) < 3 for r in rows):
            return None
        return [" ".join(words[:start]), header, *rows]
    return None


#: A page footer a text layer glues into a line (—1—, — 2 —).
_PAGE_FOOTER_RE = re.compile(r"—\s*\d{1,3}\s*—")
#: A heading row glued at the end of the row before it (二、产业优化升级): a part numeral, 、, a short name.
_GLUED_HEADING_RE = re.compile(r"[一二三四五六七八九十]{1,3}、[^。；;，,、\d]{1,24}$")
#: What a row number is never followed by: a digit or a measure (12%, 2025年, 6万元: a figure of the task's text).
_NOT_ROW_NUMBER_NEXT = "0123456789%％.．、年月日号万亿千百个项家人元吨亩公米倍次条座所批期届"
#: How a glued row's time cell opens: a figure or a time word (2024年底前, 全年, 长期坚持, 每季度).
_TIME_START_RE = re.compile(r"\d|全年|年内|年底|年末|[上下]半年|长期|持续|常态|每[年月季]|第?[一二三四]季度")
#: The first characters of a unit's name written right after another's (市…, 县…, 各…): a boundary between two cells.
_UNIT_OPENERS = "省市县区镇乡街各"
_CELL_SEPARATORS = "、，,；;"


def glued_header_tables(text: str, vocab, header_columns, is_task_header, unit_like, time_like) -> tuple[str, int]:
    """Task tables glued into ONE line with no delimiter at all (a PDF's text layer that lost every cell boundary:
    ``序号主要工作任务第一责任单位主要责任单位一、主要发展指标1地区生产总值…。市发展改革委各县(市、区)政府2…``) → a header
    line and a line a row, tab-separated (read exactly, as ingestion writes a table), and the number of rows whose cells
    could not be cut.  The header is a number word followed by known column words run together (``_glued_header``); the
    rows start at 1, 2, 3 … in order, each right after a unit's name or a time (or a heading row 二、… glued after one);
    a row's cells are cut only where proved (``_glued_row_cells``), else its whole text is its task cell and it gives no
    role.  Page footers (—2—) inside the line are dropped."""
    numbers = [w for w, col in vocab.words if col == "number"]
    if not any(n in text for n in numbers):
        return text, 0
    out: list[str] = []
    uncut = 0
    for line in text.split("\n"):
        found = _glued_header_table(line, numbers, vocab, header_columns, is_task_header, unit_like, time_like) \
            if "\t" not in line and len(line) >= 30 else None
        if found is None:
            out.append(line)
            continue
        before, rows, missed = found
        uncut += missed
        out.extend(([before, ""] if before.strip() else []) + ["\t".join(r) for r in rows] + [""])
    return "\n".join(out), uncut


def _glued_header(line: str, at: int, vocab) -> tuple[list[str], int]:
    """The column words run together from ``at`` (each may open with a qualifier of tables.yaml: 区政府分管领导), longest
    word first: (cells, the position after them)."""
    words = [w for w, _ in vocab.words]
    cells: list[str] = []
    k = at
    while k < len(line) and len(cells) < _HEADER_MAX:
        rest = line[k:]
        qual = vocab.qualifier.match(rest) if vocab.qualifier else None
        for start in ([qual.end()] if qual and qual.end() else []) + [0]:
            word = next((w for w in words if rest.startswith(w, start)), None)
            if word:
                cells.append(rest[: start + len(word)])
                k += start + len(word)
                break
        else:
            break
    return cells, k


def _glued_header_table(line, numbers, vocab, header_columns, is_task_header, unit_like, time_like):
    """(text before the table, its rows with the header first, rows not cut) for a line holding a glued task table, else
    None."""
    firsts = _first_characters(vocab)
    for number in numbers:
        at = line.find(number)
        while at >= 0:
            if line[at + len(number): at + len(number) + 1] not in firsts:
                at = line.find(number, at + 1)
                continue  # (秩序, 程序…: nothing glued after it opens a column word — the common case, one look)
            cells, end = _glued_header(line, at + len(number), vocab)
            header = [number, *cells]
            columns = header_columns(header, vocab) if len(cells) >= 2 else {}
            if columns.get("number") == 0 and is_task_header(columns):
                rows = _glued_rows_after(line[end:], header, columns, unit_like, time_like)
                # (one row only: the next row number came after no unit's name — the rows are not told apart, and the
                # row's text, cut only where proved, is still a table's, never a paragraph read for prose duties)
                if rows is not None and sum(1 for r in rows if r[0]) >= 1:
                    missed = sum(1 for r in rows if r[0] and r[-1] == "\x00")
                    rows = [r[:-1] if r[-1] == "\x00" else r for r in rows]
                    return line[:at], [header] + rows, missed
            at = line.find(number, at + 1)
    return None


@lru_cache(maxsize=4)
def _first_characters(vocab) -> frozenset[str]:
    """The characters a column word (or a qualifier before one: 2024年…, 区政府…, 具体…) may open with."""
    return frozenset(w[0] for w, _ in vocab.words) | frozenset("0123456789省市县区镇乡具年")


def _ends_a_row(segment: str, unit_like, time_like) -> bool:
    """Whether a row's text can end here: its last name is a unit's (or a time), after any heading glued after it."""
    segment = _GLUED_HEADING_RE.sub("", segment).rstrip()
    last = re.split(f"[{_CELL_SEPARATORS}。]", segment)[-1] if segment else ""
    return bool(last) and (unit_like(last) or time_like(last))


def _glued_rows_after(body: str, header: list[str], columns: dict[str, int], unit_like, time_like):
    """The rows of a glued table's text after its header: [number, cells…] each (a heading row: [heading, "", …]); a row
    not cut ends with a "\x00" mark.  None when row 1 does not start it (after a heading at most)."""
    body = _PAGE_FOOTER_RE.sub("", body)
    width = len(header)
    # (row 1 opens the table — or, on a page continuing the table (上接第三版), the first row number N of that page,
    # the rows then N+1, N+2 … as row 1's would be)
    lead = re.match(r"(?:[一二三四五六七八九十]{1,3}、[^。；;，,、\d]{1,24}?)?(?=(?P<n>[1-9]\d{0,2})(?!\d))", body)
    if lead is None or body[lead.end() + len(lead.group("n")): lead.end() + len(lead.group("n")) + 1] in _NOT_ROW_NUMBER_NEXT:
        return None
    first = int(lead.group("n"))
    rows: list[list[str]] = []
    if lead.group(0):
        rows.append([lead.group(0)] + [""] * (width - 1))
    starts = [lead.end()]
    expect = first + 1
    k = lead.end() + len(str(first))
    while True:
        mark = str(expect)
        k = body.find(mark, k)
        if k < 0:
            break
        nxt = body[k + len(mark): k + len(mark) + 1]
        if (nxt and nxt not in _NOT_ROW_NUMBER_NEXT and not body[k - 1].isdigit()
                and _ends_a_row(body[starts[-1] + len(str(expect - 1)): k], unit_like, time_like)):
            starts.append(k)
            expect += 1
        k += len(mark)
    for n, start in enumerate(starts, 1):
        end = starts[n] if n < len(starts) else len(body)
        number = str(first + n - 1)
        text = body[start + len(number): end]
        heading = _GLUED_HEADING_RE.search(text) if n < len(starts) else None
        if heading:
            text = text[: heading.start()]
        cells = _glued_row_cells(text, header, columns, unit_like, time_like, first + n)
        rows.append([number, *cells] if cells else [number, *_uncut(text, header, columns), "\x00"])
        if heading:
            rows.append([heading.group()] + [""] * (width - 1))
    return rows


#: How a time cell a text layer glued to its neighbours opens: a year (2024年, 2023-2025), a month, a time word.
_GLUED_TIME_OPEN_RE = re.compile(r"(?:19|20)\d\d\s*(?:年|[-—–~至])|\d{1,2}月|全年|年内|年底|年末|[上下]半年|长期|持续|常态|每[年月季]|第?[一二三四]季度")
#: How it ends (底前, 6月, 2024年, 季度, 长期坚持 …).
_GLUED_TIME_END_RE = re.compile(r"(?:前|底|末|内|月|日|年|季度|旬|止|完成|推进|坚持|长期|持续|常态化)$")
#: What never opens the cell after a time (a time's own closing characters: 底前 cut after 底 leaves 前…).
_TIME_TAIL = "前后内止底末中旬"
#: A figure cell (12470, 3.5, 95%).
_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?[%％]?")
#: A row of short cells glued after its number: digits, then letters (2312470劳动保障局, 12024年6月底前市发改委).
_GLUED_CELLS_LINE_RE = re.compile(r"^\s*\d{1,3}[\s\d.%％]*[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _work_verbs() -> tuple[str, ...]:
    from kb.parser.tables import load_vocabulary

    return load_vocabulary().work_verbs


def _time_cell(cell: str, time_like) -> bool:
    return bool(_GLUED_TIME_OPEN_RE.match(cell) and _GLUED_TIME_END_RE.search(cell)) and time_like(cell)


def _unit_cell(cell: str, unit_like, verbs: tuple[str, ...] = ()) -> bool:
    """A glued row's unit cell: unit-shaped, opening with no digit, no time's closing character and no work verb
    (推进老旧小区改造市住建局 is a task running into a unit)."""
    return len(cell) >= 2 and not cell[0].isdigit() and cell[0] not in _TIME_TAIL and not cell.startswith(verbs) \
        and unit_like(cell)


def _glued_cuts(rest: str, kinds: list[str], unit_like, time_like, limit: int = 2) -> list[list[str]]:
    """Every way (at most ``limit``) ``rest`` cuts into one cell per kind (figure, time, unit) in order."""
    if not kinds:
        return [[]] if not rest else []
    kind, more = kinds[0], kinds[1:]
    found: list[list[str]] = []
    for i in range(1, len(rest) + 1):
        cell, after = rest[:i], rest[i:]
        if more and not after or not more and after:
            continue
        if after and kind in ("time",) and after[0] in _TIME_TAIL:
            continue  # (2024年6月底 | 前市发改委: the time goes on)
        if kind == "figure":
            ok = _FIGURE_RE.fullmatch(cell) is not None and not (after and (after[0].isdigit() and more[0] != "time"))
        elif kind == "time":
            ok = _time_cell(cell, time_like)
        else:
            ok = _unit_cell(cell, unit_like, _work_verbs()) and (not more or more[0] != "unit" or after[0] in _UNIT_OPENERS)
        if not ok:
            continue
        for tail in _glued_cuts(after, more, unit_like, time_like, limit):
            found.append([cell, *tail])
            if len(found) >= limit:
                return found
    return found


def glued_cell_line(line: str, number: int, kinds: list[str], unit_like, time_like) -> list[str] | None:
    """A row's short cells a text layer ran together on one line after its number (``2312470劳动保障局`` → 23 | 12470 |
    劳动保障局, ``12024年6月底前市发改委`` → 1 | 2024年6月底前 | 市发改委) → [number, cells…] for the columns ``kinds``
    (figure, time, unit, in the header's order), or None unless the line opens with ``number`` (the 序号 that runs on)
    and the rest cuts exactly one way: a figure's digits, a time that opens with a year or a time word and ends like
    one, unit-shaped names (two unit columns cut where the next name opens like a unit: 县…, 各…)."""
    words = [w for w in re.split(r"[ \t\u3000]+", line.strip()) if w]
    text = "".join(words)
    mark = str(number)
    if not text.startswith(mark) or len(text) == len(mark):
        return None
    cuts = _glued_cuts(text[len(mark):], kinds, unit_like, time_like)
    if len(cuts) != 1:
        return None
    # (a space the line holds is a cell boundary, never inside a cell: ``1 推进老旧小区改造 市住建局`` is a row written
    # with spaces, its task no unit's name)
    bounds = {sum(map(len, words[:k])) for k in range(1, len(words))}
    edges = {len(mark)}
    for cell in cuts[0]:
        edges.add(max(edges) + len(cell))
    return [mark, *cuts[0]] if bounds <= edges else None


def _short_columns(header: list[str], columns: dict[str, int], vocab) -> list[str] | None:
    """The kinds of a header's columns after its text columns (序号 | 项目 | 数量 | 责任单位 → figure, unit) when it is
    序号, then the text (a name and a task at most), then only figure, time and unit columns; else None."""
    kinds = {idx: _KIND.get(col, "other") for col, idx in columns.items()}
    if kinds.get(0) != "number":
        return None
    k = 1
    while k < len(header) and kinds.get(k) in ("task", "name"):
        k += 1
    if k == 1 or k == len(header) or columns.get("task", 0) >= k:
        return None
    short: list[str] = []
    for i in range(k, len(header)):
        kind = kinds.get(i, "other")
        if kind == "other" and any(re.sub(r"\s", "", header[i]).startswith(w) for w in vocab.figure_headers):
            kind = "figure"
        if kind not in ("figure", "time", "unit"):
            return None
        short.append(kind)
    return short if "unit" in short else None


def _header_of_line(line: str, vocab, header_columns, is_task_header):
    """(header cells, columns) of a line that is a task table's header — its words apart (spaces, bars) or run together
    (序号项目数量责任单位) — else None."""
    text = re.sub(r"[\s|｜]+", "", line)
    if not text or len(text) > 60:
        return None
    for number in (w for w, col in vocab.words if col == "number"):
        if text.startswith(number):
            cells, end = _glued_header(text, len(number), vocab)
            header = [number, *cells]
            if end == len(text) and len(cells) >= 2:
                columns = header_columns(header, vocab)
                if columns.get("number") == 0 and is_task_header(columns):
                    return header, columns
    return None


_SENTENCE_END_RE = re.compile(r"[。；;！？!?]$")
#: Lines of text with no glued row after which a glued table has ended.
_GLUED_GAP_MAX = 8


def _rows_by_layout(before: list[str], gaps: list[list[str]], after: list[str]) -> tuple[list[str], int] | None:
    """(each row's task lines joined, how many of ``after`` the last row takes) by the one layout the table's lines
    prove, else None.  ``before``: the lines between the header and row 1's glued line; ``gaps``: between two glued
    lines; ``after``: those after the last (blank lines aside, up to the table's reach)."""
    def ends(seg: list[str]) -> bool:
        return bool(seg) and _SENTENCE_END_RE.search(seg[-1]) is not None

    def first_sentence(seg: list[str]) -> list[str] | None:
        k = next((k for k, ln in enumerate(seg) if _SENTENCE_END_RE.search(ln)), None)
        return seg[: k + 1] if k is not None else None

    def joined(segs) -> list[str]:
        return ["".join(seg) for seg in segs]

    if not before:  # after its glued line: each row's text follows it, the last one's up to its first stop
        last = first_sentence(after)
        if last is None or not all(gaps):
            return None
        return joined([*gaps, last]), len(last)
    rows_before = [before, *gaps]
    if all(rows_before) and (not after or all(ends(s) for s in rows_before)):
        return joined(rows_before), 0  # before its glued line: each row's text closes a sentence, or nothing follows
    if ends(before):
        return None
    heads, tails = [before], []
    for gap in gaps:  # around it: each gap holds one stop, the text before it the row above's, after it the next row's
        stops = [k for k, ln in enumerate(gap) if _SENTENCE_END_RE.search(ln)]
        if len(stops) != 1 or stops[0] == len(gap) - 1:
            return None
        tails.append(gap[: stops[0] + 1])
        heads.append(gap[stops[0] + 1:])
    last = first_sentence(after)
    if last is None:
        return None
    tails.append(last)
    return joined(h + t for h, t in zip(heads, tails)), len(last)


def glued_row_lines_joined(text: str, vocab, header_columns, is_task_header) -> str:
    """A task table whose text layer lost every cell boundary but kept its rows one a line (a header line of column words,
    ``序号工作任务责任单位完成时限`` or spaced, then ``1推进…。市住建局2024年6月底前`` / ``2…``) → the header and its rows on
    one line, as ``glued_header_tables`` reads a table glued into one line (its cuts only where proved, else the row's
    whole text its task and a warning).  Before, the lines ran together into one paragraph with every row's units in it,
    silently.  Only rows opening with the next number (1, 2, 3 …) right before a letter, each holding a sentence's stop,
    with no space, tab or bar (a row written with those is another reader's); a short heading row (二、…) between them."""
    if not re.search(r"(?m)^\d{1,3}[\u4e00-\u9fff]", text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = _header_of_line(lines[i], vocab, header_columns, is_task_header) \
            if "\t" not in lines[i] and len(lines[i]) <= 80 else None
        rows: list[str] = []
        j = i + 1
        while found and j < len(lines):
            line = lines[j].strip()
            m = re.match(r"(\d{1,3})(?=[\u4e00-\u9fff])", line)
            if m and int(m.group(1)) == len([r for r in rows if r[0].isdigit()]) + 1 and "。" in line \
                    and not re.search(r"[\s|｜]", line):
                rows.append(line)
            elif rows and _HEADING_RE.match(line) and len(line) <= 30 and not _SENTENCE_RE.search(line):
                rows.append(line)
            else:
                break
            j += 1
        if sum(1 for r in rows if r[0].isdigit()) < 2:
            out.append(lines[i])
            i += 1
            continue
        out.append("".join(found[0]) + "".join(rows))
        i = j
    return "\n".join(out)


#: How far past a glued table's last row its later rows are looked for (lines), and how many row numbers on.
_GLUED_LEFT_LINES = 60
_GLUED_LEFT_SKIP = 3


def _glued_rows_left(lines: list[str], j: int, last: int, kinds: list[str], unit_like, time_like) -> int:
    """How many lines from ``j`` on are rows glued like the table's (their number a few past ``last``, the rest cut one way)
    though the table's rows stopped at ``last``."""
    found, expect = 0, last
    for line in lines[j : j + _GLUED_LEFT_LINES]:
        line = line.strip()
        if not line or not _GLUED_CELLS_LINE_RE.match(line):
            continue
        for n in range(expect + 1, expect + 2 + _GLUED_LEFT_SKIP):
            if glued_cell_line(line, n, kinds, unit_like, time_like):
                found, expect = found + 1, n
                break
    return found


def glued_cell_lines(text: str, vocab, header_columns, is_task_header, unit_like, time_like) -> tuple[str, int]:
    """A task table whose text layer ran each row's SHORT cells together on one line (序号, 数量 or 完成时限, units:
    ``2312470劳动保障局``) with the row's task on lines of its own → a header line and a tab-separated row a line (read
    exactly, as ingestion writes a table), and the number of glued rows left as they were because the layout of their
    task lines was not proved (kb warns: they give no role).

    The header is a line naming 序号, the task column, then only figure, time and unit columns (``_short_columns``).  A
    glued row is a line opening with the next row number whose rest cuts one way only (``glued_cell_line``).  The other
    lines go with the rows by one layout for the whole table (``_rows_by_layout``): after their glued line, before it, or
    around it (a task wrapped over two lines with its short cells centred between them)."""
    if not re.search(r"(?m)^[ \t\u3000]*\d{1,3}[\s\d.%％]*[\u4e00-\u9fff]", text):
        return text, 0
    lines = text.split("\n")
    out: list[str] = []
    unproved = 0
    i = 0
    while i < len(lines):
        found = _header_of_line(lines[i], vocab, header_columns, is_task_header) \
            if "\t" not in lines[i] and len(lines[i]) <= 80 else None
        kinds = _short_columns(*found, vocab) if found else None
        if not kinds:
            out.append(lines[i])
            i += 1
            continue
        header, columns = found
        glued: list[tuple[int, list[str]]] = []  # (line index, cells)
        texts: list[list[tuple[int, str]]] = [[]]
        headings: dict[int, list[str]] = {}  # rows spanning the table (一、…) before glued row N
        j = i + 1
        while j < len(lines):
            line = lines[j].strip()
            if "\t" in line:
                break
            cells = glued_cell_line(line, len(glued) + 1, kinds, unit_like, time_like) \
                if line and _GLUED_CELLS_LINE_RE.match(line) else None
            if cells:
                glued.append((j, cells))
                texts.append([])
            elif line and _header_of_line(line, vocab, header_columns, is_task_header) == found:
                pass  # the header repeated (a page break)
            elif line and (glued or not texts[0]) and _HEADING_RE.match(line) and len(line) <= 30 and not _SENTENCE_RE.search(line):
                headings.setdefault(len(glued) + 1, []).append(line)  # a row spanning the table, between two rows
            elif line:
                if len(texts[-1]) >= _GLUED_GAP_MAX:
                    break
                texts[-1].append((j, line))
            j += 1
        if len(glued) < 2:
            out.append(lines[i])
            i += 1
            continue
        plain = [[ln for _, ln in seg] for seg in texts]
        laid = _rows_by_layout(plain[0], plain[1:-1], plain[-1])
        end = glued[-1][0] + 1
        # (rows glued the same way after the table's last proved row — its numbering broken by a row not cut: a unit not
        # unit-shaped, a row missing — are said, never left to run into the text silently)
        unproved += _glued_rows_left(lines, end, len(glued), kinds, unit_like, time_like)
        if laid is None:
            unproved += len(glued)
            out.extend(lines[i:end])
            i = end
            continue
        rows, taken = laid
        if taken:
            end = texts[-1][taken - 1][0] + 1
        text_columns = len(header) - len(kinds)
        out.append("")
        out.append("\t".join(header))
        for n, ((_, cells), task) in enumerate(zip(glued, rows), 1):
            out.extend(headings.get(n, []))
            out.append("\t".join([cells[0], *(task if c == columns["task"] else "" for c in range(1, text_columns)), *cells[1:]]))
        out.append("")
        i = end
    return "\n".join(out), unproved


def _uncut(text: str, header: list[str], columns: dict[str, int]) -> list[str]:
    """A row whose cells are not proved: its whole text in its task cell, every other cell empty (no role)."""
    cells = [""] * (len(header) - 1)
    cells[columns["task"] - 1] = text
    return cells


def _glued_row_cells(text: str, header: list[str], columns: dict[str, int], unit_like, time_like,
                     next_number: int | None = None) -> list[str] | None:
    """A glued row's cells after its number, or None when they are not proved: the header's text columns come first and
    its unit columns after (a time column last, a person column never); the task text ends at its last 。 and all after
    it is units (and the time); the unit names run together (no 、，between them) exactly once at each boundary between
    two unit columns — at a name ending like a unit (longer than two characters) followed by one opening like a unit (市…,
    县…, 各…)."""
    kinds = {idx: _KIND.get(col, "other") for col, idx in columns.items()}
    order = [kinds.get(i, "other") for i in range(1, len(header))]
    units = [i for i, k in enumerate(order) if k == "unit"]
    if not units or "person" in order or any(k in ("task", "name", "other") for k in order[units[0]:] if k != "time"):
        return None
    if "time" in order and order.index("time") != len(order) - 1:
        return None
    stop = text.rfind("。")
    if stop < 0:
        return None
    task, rest = text[: stop + 1], text[stop + 1:]
    # A table's ONE unit column may write its cell with role words and ；between them (X、Y牵头；Z配合；W落实): that cell
    # is read by the role cell's reader (tables._row_tag → roles.cell_segments), each of its segments naming units.
    def cell_like(piece: str) -> bool:
        return unit_like(piece) or (len(units) == 1 and _duty_cell(piece, unit_like))

    for inner in re.finditer("。", task[:-1]):
        after = re.match(r"[^。\d]+(?=\d)", task[inner.end():])
        if after and cell_like(after.group()):
            return None  # (units then a number inside the task text: a row boundary not found — two rows in one)
        if after and next_number and re.match(rf"{next_number}(?![{_NOT_ROW_NUMBER_NEXT}])", task[inner.end() + after.end():]):
            return None  # (the next row's number after a sentence inside the task text: two rows in one)
    time = ""
    if order[-1] == "time":
        # (the time opens with a figure or a time word: 县交通运输局2024年底前 is never cut after 县, a one-character name)
        cut = next((i for i in range(1, len(rest)) if not rest[i - 1].isdigit() and _TIME_START_RE.match(rest[i:])
                    and time_like(rest[i:]) and cell_like(rest[:i])), None)
        if cut is None:
            return None
        rest, time = rest[:cut], rest[cut:]
    if not rest or "。" in rest:
        return None
    if len(units) == 1 and _duty_cell(rest, unit_like):
        bounds = []
    else:
        bounds = _glue_points(rest, unit_like)
        if bounds is None or len(bounds) != len(units) - 1:
            return None
    pieces = [rest[a:b] for a, b in zip([0, *bounds], [*bounds, len(rest)])]
    if not all(cell_like(p.strip(_CELL_SEPARATORS)) for p in pieces):
        return None
    cells = [""] * len(order)
    text_cols = [i for i, k in enumerate(order) if k in ("task", "name", "other")]
    cells[columns["task"] - 1 if columns["task"] - 1 in text_cols else text_cols[-1]] = task
    for i, piece in zip(units, pieces):
        cells[i] = piece.strip(_CELL_SEPARATORS)
    if time:
        cells[-1] = time
    return cells


def _duty_cell(cell: str, unit_like) -> bool:
    """Whether ``cell`` is one duty cell written in role segments joined by ；/; (``X、Y牵头；Z配合；W落实``): two segments
    or more, each naming units only (``unit_like`` reads a segment's role word off its names, as the role cell's reader
    does), no name running into another."""
    parts = [p.strip(_CELL_SEPARATORS + " ") for p in _top_split(cell, "；;")]
    return len(parts) >= 2 and all(p and unit_like(p) and _glue_points(p, unit_like) == [] for p in parts)


def _top_split(text: str, separators: str) -> list[str]:
    """``text`` split at ``separators`` outside brackets."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "（(〔【[":
            depth += 1
        elif c in "）)〕】]":
            depth = max(0, depth - 1)
        elif c in separators and not depth:
            out.append(text[start:i])
            start = i + 1
    return out + [text[start:]]


def _glue_points(rest: str, unit_like) -> list[int] | None:
    """Where two unit names run together in ``rest`` (outside brackets, no separator between them); None when a run of
    names could be cut at two places (not proved)."""
    points: list[int] = []
    depth = 0
    start = 0
    for i, c in enumerate(rest + "、"):
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth = max(0, depth - 1)
        if depth or (c not in _CELL_SEPARATORS and i < len(rest)):
            continue
        piece = rest[start:i]
        cuts = [j for j in range(3, len(piece) - 1) if piece[j] in _UNIT_OPENERS and _open_bracket(piece[:j]) is False
                and unit_like(piece[:j]) and unit_like(piece[j:])]
        if len(cuts) > 1:
            return None
        points.extend(start + j for j in cuts)
        start = i + 1
    return points


#: A number standing alone between two words of a row, before a measure word (城镇新增就业 1100 万人以上: a PDF's or a
#: page's spacing around digits), is part of one cell's quantity, not a cell of its own.
_BARE_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_MEASURE_START_RE = re.compile(r"^(?:[万亿千百]|个|家|人|名|项|座|所|套|台|辆|户|公里|千米|米|吨|亩|公顷|平方|立方|元|%|％|倍|次|条|处|批|张)")


def _quantities_joined(words: list[str]) -> list[str]:
    """A row's words with each ``text number measure…`` run joined (the 序号, the first word, stays apart)."""
    out = words[:2]
    k = 2
    while k < len(words):
        w = words[k]
        if (_BARE_NUMBER_RE.fullmatch(w) and k + 1 < len(words) and _MEASURE_START_RE.match(words[k + 1])
                and not _BARE_NUMBER_RE.fullmatch(out[-1])):
            out[-1] += w + words[k + 1]
            k += 2
            continue
        out.append(w)
        k += 1
    return out


def _letter_spaced(words: list[str], known: frozenset[str] = frozenset()) -> list[str]:
    """Runs of two or more one-character words joined: a letter-spaced header cell (``工 作 任 务``,
    ``序 号``, as typesetting spreads a short column name over a wide cell) is one word.  Two letter-spaced
    cells side by side (``序 号 指 标``) are cut into ``known`` column words when the run is made of them."""
    out: list[str] = []
    run: list[str] = []
    for w in words + [""]:
        if len(w) == 1 and "\u4e00" <= w <= "\u9fff":
            run.append(w)
            continue
        if len(run) >= 2:
            out.extend(_cut_known("".join(run), known))
        else:
            out.extend(run)
        run = []
        if w:
            out.append(w)
    return out


def _cut_known(chars: str, known: frozenset[str]) -> list[str]:
    """``序号指标`` → [``序号``, ``指标``] when the characters are a sequence of known words, else [chars]."""
    best: list[list[str] | None] = [None] * (len(chars) + 1)
    best[0] = []
    for end in range(1, len(chars) + 1):
        for start in range(end):
            if best[start] is not None and chars[start:end] in known:
                best[end] = best[start] + [chars[start:end]]
                break
    return best[-1] if best[-1] else [chars]


def _spaced_header(line: str, vocab, header_columns, is_task_header):
    """(the text before it, the header words) when ``line`` is, or ends in, a header of column words
    separated by spaces starting with 序号 (a cover notice flattened onto one line may run into it:
    ``… 常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位``), else None.  A letter-spaced
    column name (``序号 工 作 任 务 牵头负责部门``) is one word."""
    words = _letter_spaced(_SPACES_RE.split(line.strip()), frozenset(w for w, _ in vocab.words))
    numbers = {w for w, col in vocab.words if col == "number"}
    for start in range(max(0, len(words) - _HEADER_MAX), len(words) - 2):
        if words[start] not in numbers:
            continue
        tail = words[start:]
        if not all(len(w) <= _HEADER_MAX and header_columns([w], vocab) for w in tail):
            continue
        columns = header_columns(tail, vocab)
        if "number" in columns and is_task_header(columns):
            return " ".join(words[:start]), tail
    return None


_CN_ORDINALS = "一二三四五六七八九十"


#: A bracketed note closing a header cell (重点任务（2024-2026）, 完成时限（2024年）): not counted in its length.
_NOTE_RE = re.compile(r"[（(][^（）()]{1,12}[)）]$")
_CN_DIGIT = {c: n for n, c in enumerate("一二三四五六七八九", 1)}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def year_column(cell: str, vocab) -> bool:
    """A header cell naming one year's work (2024年工作项目, 2025年计划): tables.yaml year_column_header."""
    pattern = getattr(vocab, "year_column", None)
    return bool(pattern and pattern.match(cell))


def _numeral(text: str) -> int | None:
    """1 for 1, 一, ①; 12 for 十二 …; None for anything else."""
    if text.isdigit():
        return int(text)
    if text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGIT.get(text)
    if (tens and tens not in _CN_DIGIT) or (ones and ones not in _CN_DIGIT):
        return None
    return _CN_DIGIT.get(tens, 1) * 10 + _CN_DIGIT.get(ones, 0)


def _numbering(text: str, numbering) -> tuple[int, int] | None:
    """(family, number) of the numbering opening a paragraph (tables.yaml row_numbering), else None."""
    flat = text.strip()
    for family, pattern in enumerate(numbering):
        m = pattern.match(flat)
        if m:
            number = _numeral(m.group(1))
            return (family, number) if number else None
    return None


def _open_bracket(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _wrapped_header(paras, i, vocab, header_columns, numbering) -> tuple[list[str], int] | None:
    """The cells of a header laid out one a paragraph from paragraph ``i``, a cell the column wrapped joined again
    (``重点任务（2024-`` / ``2026）``: a bracket left open; ``责任`` / ``单位``): (cells, index after), or None when ``i``
    opens none (its first cell names no column).  A cell names a column, a year's work (2024年工作项目) or is a short
    name without figures or quotes (主要方向); the run ends at the first paragraph that is none (a row's cell)."""
    exact = {w for w, _ in vocab.words}
    cells: list[str] = []
    widths: set[int] = set()  # lengths of the first pieces of words the column wrapped (牵头 / 部门: 2)
    j = i
    while j < len(paras) and len(cells) <= _HEADER_MAX:
        text, take = _squashed(paras[j][2]), 1
        while _open_bracket(text) and j + take < len(paras) and take < 3:
            text, take = text + _squashed(paras[j + take][2]), take + 1
        if take == 1 and j + 1 < len(paras) and joins_broken_word(text, _squashed(paras[j + 1][2]), vocab, header_columns, exact):
            widths.add(len(text))
            text, take = text + _squashed(paras[j + 1][2]), 2
        if cells and _NOTE_RE.fullmatch(text) and not _numbering(text, numbering):
            cells[-1] += text  # a cell's note the column wrapped before its bracket (重点任务 / （2024-2026）)
            j += take
            continue
        named = bool(header_columns([text], vocab))
        bare = vocab.qualifier.sub("", text, count=1) if vocab.qualifier else text
        if (not text or len(_NOTE_RE.sub("", text)) > _HEADER_MAX or _SENTENCE_RE.search(text) or _open_bracket(text)
                or (_CAPTION_END_RE.search(text) and bare not in exact and not year_column(text, vocab))
                or _numbering(text, numbering) or _HEADING_RE.match(text) or re.fullmatch(r"[\d.．、]+", text)
                or not (named or year_column(text, vocab) or unknown_header_cell(text))):
            break
        if not cells and not named:
            return None
        cells.append(text)
        j += take
    cells = [c for c, _ in _wrapped_words_joined([(c, 1) for c in cells], widths, vocab, header_columns)]
    return (cells, j) if cells else None


def _wrapped_words_joined(cells: list[tuple[str, int]], widths: set[int], vocab, header_columns) -> list[tuple[str, int]]:
    """Header cells (cell, paragraphs it takes) with a word the column wrapped after a whole column word joined again
    (``任务`` / ``分类``: 任务 names a column alone, so ``joins_broken_word`` keeps them apart) — only when the header shows
    its columns wrap at that width (``widths``: ``牵头`` / ``部门`` was joined, a first piece of 2 characters): the first
    piece that long, the second no longer and naming no column, together naming the first piece's column.  A header
    whose words are whole (指标 | 单位 | 目标值) keeps its cells."""
    out: list[tuple[str, int]] = []
    for cell, take in cells:
        if out and widths:
            first, taken = out[-1]
            names = header_columns([first], vocab)
            if (len(first) in widths and len(cell) <= len(first) and _WORD_PIECE_RE.fullmatch(first)
                    and _WORD_PIECE_RE.fullmatch(cell) and names and not header_columns([cell], vocab)
                    and header_columns([first + cell], vocab) == names):
                out[-1] = (first + cell, taken + take)
                continue
        out.append((cell, take))
    return out


def _numbered_rows(paras, start, numbering, unit_like, time_like, width) -> tuple[int, list[tuple[int, int]]] | None:
    """The rows after a header at ``start``, told apart by the numbering their cells open with: (family, [(paragraph,
    number)…]).  A family's run: its first number stands right after the header (only other families' paragraphs
    between: category and direction cells, headings), no row runs over three times the header's width, the last row
    holds a unit or time paragraph, and either every row holds one before the next number (the numbers may start again
    at 1 after another family's paragraph: a new group) or the numbers run on over the table without starting again
    (a row whose unit and name cells are merged with the row above's is its task cell alone) with one row at least
    holding a unit or time paragraph before the next.  Steps （1）（2） inside one cell hold no unit between them and start
    again in the next row's cell: no rows.  The family with the most rows wins (two at least); a tie goes to the finer
    numbering (the later in tables.yaml)."""
    marks = [_numbering(paras[k][2], numbering) for k in range(len(paras))]
    cells = [marks[k] is None and (unit_like(paras[k][2].replace("\n", "")) or time_like(paras[k][2].replace("\n", "")))
             for k in range(len(paras))]
    best = None
    for family in range(len(numbering)):
        k = start
        while k < len(paras) and k - start < 3 and (marks[k] and marks[k][0] != family
                                                   or not marks[k] and _name_cell(paras[k][2], unit_like, time_like)):
            k += 1  # (category, direction or name cells of the first row, a heading)
        if k >= len(paras) or not marks[k] or marks[k][0] != family:
            continue
        # (runs_on "restart": the numbers run on, and start again at 1 after another numbering's paragraph — a new
        # category — though the row before holds no unit: its units merged with the row above's)
        for runs_on in (False, True, "restart"):
            rows = [(k, marks[k][1])]
            cell = other = adjacent = restarted = False
            inner = 0
            for x in range(k + 1, len(paras)):
                if x - rows[-1][0] > 3 * width:
                    break
                m = marks[x]
                if m and m[0] == family and not cell and not other and m[1] <= rows[-1][1]:
                    continue  # steps （1）（2） inside a later cell of the row (a year's plan), before its units: no row
                if m and m[0] == family:
                    follows = m[1] == rows[-1][1] + 1
                    restart = runs_on == "restart" and m[1] == 1 and other
                    if runs_on and not (follows or restart) or not runs_on and not (cell and (follows or (m[1] == 1 and other))):
                        break
                    adjacent = adjacent or (not cell and x == rows[-1][0] + 1)
                    restarted = restarted or restart
                    rows.append((x, m[1]))
                    inner += cell
                    cell = other = False
                elif m:
                    other = True
                else:
                    cell = cell or cells[x]
            if not cell:
                rows.pop()  # (the last row shows no cell: not a row of this table)
            if runs_on and not inner:
                continue
            if runs_on == "restart" and (adjacent or not restarted):
                continue  # (（1） right after （2） with nothing between: steps inside one cell, no rows starting again)
            if len(rows) >= 2 and (best is None or len(rows) >= len(best[1])):
                best = (family, rows)
    return best


def _name_cell(text: str, unit_like, time_like, verbs: tuple[str, ...] = ()) -> bool:
    """A paragraph that may be a row's name or category cell: short, no sentence, no time, and no unit — unless it opens
    with a work verb of tables.yaml (完善在线监测平台 ends like a unit, 平台, but names the work)."""
    flat = text.replace("\n", "").strip()
    return (len(flat) <= 30 and not _SENTENCE_RE.search(flat) and not time_like(flat)
            and (not unit_like(flat) or bool(verbs) and flat.startswith(verbs)))


def _row_start(paras, k, previous, before, numbering, family, unit_like, time_like, verbs=()) -> int:
    """The first paragraph of the row whose numbered cell is paragraph ``k`` (``previous``: the paragraph of the row
    before's, or the header's last): up to ``before`` paragraphs right before it are its cells of the columns before
    (its category and direction, given on the first row of their group) when they open with another numbering
    (（一）, 1、), or when they are short names (“光伏+铁路”工程) standing right after the row before's end — a unit or time
    cell, a numbered cell, the header.  Anything else before it is the row before's."""
    first = k
    while first - 1 > previous and k - (first - 1) <= before:
        mark = _numbering(paras[first - 1][2], numbering)
        if mark and mark[0] != family:
            first -= 1
            continue
        if mark or not _name_cell(paras[first - 1][2], unit_like, time_like, verbs):
            break
        ahead = first - 2
        end_before = ahead <= previous or _numbering(paras[ahead][2], numbering) is not None \
            or unit_like(paras[ahead][2].replace("\n", "")) or time_like(paras[ahead][2].replace("\n", ""))
        if not end_before:
            break
        first -= 1
    return first


def self_numbered_rows(text: str, vocab, header_columns, is_task_header, unit_like, time_like) -> str:
    """A task table one cell a paragraph WITHOUT a 序号 column (a web page copied, a PDF's extraction: ``任务分类`` /
    ``主要方向`` / ``重点任务（2024-`` / ``2026）`` / … / ``牵头部门`` / ``配合部门`` then ``（一）…`` / ``1、…`` / ``（1）…`` /
    cells …) → the same table with a 序号: its header (recognised by its column words, a cell the column wrapped joined
    again, year columns and short unnamed names allowed) gets a 序号 cell, and each row a number paragraph before its
    first cell, so ``find_flattened`` places the cells by their kinds like any flattened table.  The rows are told apart
    by the numbering their cells open with (``_numbered_rows``); a row's first cell is its numbered task cell or, when
    the header has columns before the task column, the numbered cells right before it of other families (its category
    and direction, given on the first row of their group: merged cells).  The number is the row's own when its
    numbering runs on over the table, else the row's place in it.  A table whose rows number themselves in no way
    stays text."""
    numbering = getattr(vocab, "row_numbering", ())
    if not numbering or len(re.findall(r"^[ \t\u3000]*(?:\d{1,2}[、．.]|[（(]\d{1,2}[)）]|[（(]?[一二三四五六七八九十]{1,3}[)）、．.]|[①-⑳])",
                                      text, re.M)) < 2:
        return text  # (the common case: one search)
    paras = _paragraphs(text)
    edits: list[tuple[int, int, list[str]]] = []  # (first line, line after, paragraphs written there)
    i = 0
    while i < len(paras):
        if len(_NOTE_RE.sub("", _squashed(paras[i][2]))) > _HEADER_MAX or not header_columns([_squashed(paras[i][2])], vocab):
            i += 1
            continue
        found = _wrapped_header(paras, i, vocab, header_columns, numbering)
        cells, end = found if found else ([], i)
        columns = header_columns(cells, vocab) if len(cells) >= 3 else {}
        named = sum(1 for c in cells if header_columns([c], vocab))
        if (not columns or "number" in columns or not is_task_header(columns) or named * 2 < len(cells)
                or len(set(cells)) != len(cells)):
            i += 1
            continue
        rows = _numbered_rows(paras, end, numbering, unit_like, time_like, len(cells))
        if rows is None:
            i += 1
            continue
        family, marked = rows
        # the cells a row may have before its numbered one (category, direction, name): as many as the first row has
        # (a table's first row holds every merged cell)
        before = min(marked[0][0] - end, columns["task"])
        own = [n for _, n in marked] == list(range(marked[0][1], marked[0][1] + len(marked)))
        edits.append((paras[i][0], paras[end - 1][1], ["序号", *cells]))
        previous = end - 1
        for place, (k, number) in enumerate(marked, 1):
            first = _row_start(paras, k, previous, before, numbering, family, unit_like, time_like,
                               getattr(vocab, "work_verbs", ()))
            edits.append((paras[first][0], paras[first][0], [str(number if own else place)]))
            previous = k
        i = marked[-1][0] + 1
    if not edits:
        return text
    lines = text.split("\n")
    blank = sum(1 for ln in lines if not ln.strip()) * 4 >= len(lines)
    for first, after, cells in reversed(edits):
        written = "\n\n".join(cells).split("\n") if blank else cells
        lines[first:after] = written + ([""] if blank and after == first else [])
    return "\n".join(lines)


def marked_row_number(text: str, marks: str) -> tuple[str, int] | None:
    """(mark, number) of a row-number cell (``3``, or ``*1`` with a mark of tables.yaml row_marks; mark "" when it has
    none), else None.  The one definition of a row-number cell, flattened or not (``tables.row_number``)."""
    flat = text.strip()
    mark = flat[0] if flat[:1] and flat[0] in marks else ""
    digits = flat[len(mark):].strip()
    return (mark, int(digits)) if digits.isascii() and digits.isdigit() and len(digits) <= 3 else None


def _numbered(text: str, marks: str) -> int | None:
    """The row number a paragraph is (``marked_row_number``'s number), else None."""
    found = marked_row_number(text, marks)
    return found[1] if found else None


#: A category row of a table without its header (品质宜居, 安全韧性, 创新动能（8项）): a short name alone between two rows —
#: no punctuation but a bracket after it.
_CATEGORY_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff“”]{1,14}(?:[（(][^（）()。；，]{1,8}[)）])?")


def headerless_tables(text: str, vocab, header_columns, unit_like, time_like) -> tuple[str, frozenset[str]]:
    """A task table pasted one cell a paragraph WITHOUT its header row (an annex: ``1`` / task / unit / time, ``2`` / …):
    a run of three or more rows numbered 1, 2, 3 … (a number may carry a mark: ``*1``) whose numbers stand a fixed
    number of paragraphs apart (the period of most rows) is a table of that many columns.  A category row (``品质宜居``:
    a short name alone, right before a row's number, making its gap one longer) stands between rows.  Its columns are
    named from what their cells hold: the column whose cells (most of them; ``—`` left out) are units is the 责任单位
    (when only one is), one whose cells are time words the 完成时限, one of measures (``%``, ``㎡/人``) the 计量单位.
    Of the text columns, one right after the row number before a longer one (an indicator's name, then its explanation)
    is the row's item: with no time column, ``指标名称`` then ``说明`` (the row is written name first, no deadline from its
    words); with one, the name column before the 工作任务.  Else the longest text is the 工作任务.  A header of those
    words is put before row 1 (before its category row), so ``find_flattened`` reads the rows like any flattened table.
    A second column of units stays a field (备注…): with no header, whether it leads or supports is not known.  Nothing
    is done when a header stands before row 1.  Returns the text and the category rows' words (headings of the table)."""
    marks = getattr(vocab, "row_marks", "")
    mark = f"[{re.escape(marks)}]?" if marks else ""

    def alone(n: int) -> str:  # the row number n alone on its line, a mark allowed before it
        return rf"^[ \t\u3000]*{mark}[ \t\u3000]*{n}[ \t\u3000]*$"

    if not re.search(alone(1), text, re.M) or not re.search(alone(3), text, re.M):
        return text, frozenset()
    paras = _paragraphs(text)
    inserts: list[tuple[int, list[str]]] = []
    categories: set[str] = set()
    k = 0
    while k < len(paras):
        if (_numbered(paras[k][2], marks) != 1 or _has_header_before(paras, k, vocab, header_columns)
                or _column_word_before(paras, k, vocab, header_columns)):
            k += 1
            continue
        positions, expect, j = [k], 2, k + 1
        while j < len(paras) and j - positions[-1] <= 14:
            if _numbered(paras[j][2], marks) == expect:
                positions.append(j)
                expect += 1
            j += 1
        gaps = [b - a for a, b in zip(positions, positions[1:])]
        if len(positions) < 3 or not gaps:
            k += 1
            continue
        period = max(set(gaps), key=gaps.count)

        def category(x: int) -> bool:
            flat = paras[x][2].replace("\n", "").strip()
            return (bool(_CATEGORY_RE.fullmatch(flat)) and not unit_like(flat) and not time_like(flat)
                    and not header_columns([flat], vocab))

        # a longer gap whose last paragraph, right before the next number, is a category row (the rows of a gap just
        # one longer are the table's too: their cells are the period's)
        titled = {p for p, g in zip(positions, gaps) if g > period and category(p + g - 1)}
        spans = {p for p, g in zip(positions, gaps) if g == period + 1 and p in titled}
        regular = sum(1 for g in gaps if g == period) + len(spans)
        if period < 3 or regular * 5 < len(gaps) * 3:
            k += 1
            continue
        rows = [[paras[p + c][2] for c in range(1, period)] for p, g in zip(positions, gaps) if g == period or p in spans]
        kinds = []
        for c in range(period - 1):
            cells = [r[c].replace("\n", "") for r in rows if not _EMPTY_CELL_RE.match(r[c].strip())]
            if cells and sum(1 for x in cells if unit_like(x)) * 10 >= len(cells) * 7:
                kinds.append("unit")
            elif cells and sum(1 for x in cells if time_like(x)) * 10 >= len(cells) * 7:
                kinds.append("time")
            elif cells and sum(1 for x in cells if _is_measure(x, vocab)) * 10 >= len(cells) * 7:
                kinds.append("measure")
            else:
                kinds.append("text")
        texts = [c for c, kind in enumerate(kinds) if kind == "text"]
        if not texts or not any(kind in ("unit", "time") for kind in kinds):
            k = positions[-1] + 1
            continue

        def length(c: int) -> float:
            return sum(len(r[c]) for r in rows) / len(rows)

        task = max(texts, key=length)
        units = [c for c, kind in enumerate(kinds) if kind == "unit"]
        times = [c for c, kind in enumerate(kinds) if kind == "time"]
        # the genre's habit (序号 / 名称 / 解释… / 单位 / 责任单位 / 备注): a text column right after the row number, before a
        # longer text column, is the item's name — however long its cells (a name with its brackets, ~35 characters)
        item = 0 if texts[0] == 0 and (task != 0 or not times and len(texts) > 1) else None
        if item == task:  # (no time column: the name, then the longest of the other text columns describes it)
            task = max(texts[1:], key=length)
        names, spare = [], iter(_CN_ORDINALS)
        # (one remark column is 备注; several are 备注一, 备注二 …)
        spares = sum(1 for c, kind in enumerate(kinds) if c not in (item, task) and not (kind == "unit" and len(units) == 1)
                     and not (kind == "time" and c == times[0]) and kind != "measure")
        for c, kind in enumerate(kinds):
            if c == item:
                names.append("名称" if times else "指标名称")
            elif c == task:
                names.append("工作任务" if times or item is None else "说明")
            elif kind == "unit" and len(units) == 1:
                names.append("责任单位")
            elif kind == "time" and c == times[0]:
                names.append("完成时限")
            elif kind == "measure" and "计量单位" not in names:
                names.append("计量单位")
            else:
                names.append("备注" + (next(spare, "") if spares > 1 else ""))
        # a category row before row 1 — not the annex's title right under its caption (附件 / 城市安全韧性指标)
        at = k - 1 if k > 1 and category(k - 1) and not vocab.caption.match(paras[k - 2][2].strip()) else k
        categories.update(paras[p + gaps[n] - 1][2].replace("\n", "").strip() for n, p in enumerate(positions[:-1]) if p in titled)
        if at < k:
            categories.add(paras[at][2].replace("\n", "").strip())
        inserts.append((paras[at][0], ["序号", *names]))
        k = positions[-1] + 1
    if not inserts:
        return text, frozenset()
    lines = text.split("\n")
    blank = sum(1 for ln in lines if not ln.strip()) * 4 >= len(lines)
    for line_no, header in reversed(inserts):
        lines[line_no:line_no] = ("\n\n".join(header) + "\n").split("\n") if blank else header
    return "\n".join(lines), frozenset(categories)


def _is_measure(cell: str, vocab) -> bool:
    """A cell naming a measure (%, ㎡/人, 个/千人, 岁, 万㎡): measure words of tables.yaml, joined by /."""
    words = getattr(vocab, "measure_words", ())
    flat = cell.strip()
    if not words or not flat or len(flat) > 8:
        return False
    pattern = _measure_re(words)
    return bool(pattern.fullmatch(flat))


@lru_cache(maxsize=4)
def _measure_re(words: tuple[str, ...]) -> re.Pattern:
    one = "(?:" + "|".join(map(re.escape, words)) + ")+"
    return re.compile(rf"{one}(?:[/／]{one})*")


def _column_word_before(paras, k, vocab, header_columns) -> bool:
    """True when a 序号 cell stands among the few paragraphs before row 1 (``序号`` / ``单位名称`` / ``联系人`` …): the table
    has a header, and one that names no task table (a contact list) — no header is to be inferred."""
    numbers = {w for w, col in vocab.words if col == "number"}
    return any(_squashed(paras[x][2]) in numbers for x in range(max(0, k - _HEADER_MAX), k))


def _has_header_before(paras, k, vocab, header_columns) -> bool:
    """True when a header of column words ends right before paragraph ``k`` (``find_flattened`` reads that table)."""
    from kb.parser.tables import is_task_header

    for start in range(max(0, k - 2 * _HEADER_MAX), k):
        header, end = _header_at(paras, start, vocab, header_columns, is_task_header)
        if header is not None and end <= k:
            return True
    return False


def find_flattened(text: str, vocab, header_columns, is_task_header, unit_like, time_like,
                   categories: frozenset[str] = frozenset()) -> list[tuple[int, int, FlatTable]]:
    """The flattened task tables of ``text``: (first line, line after, table) each.  ``categories``: the category rows
    ``headerless_tables`` found (written like the text's own headings: rows spanning the table)."""
    numbers = [w for w, col in vocab.words if col == "number"]
    # (a header word may be letter-spaced: ``序  号``)
    spaced = "|".join("[ \t\u3000]*".join(map(re.escape, w)) for w in numbers)
    if not numbers or not re.search(rf"^[ \t\u3000]*(?:{spaced})[ \t\u3000]*$", text, re.M):
        return []  # no 序号 cell standing alone on a line: no flattened table (the common case, one search)
    unit_like, time_like = lru_cache(maxsize=None)(unit_like), lru_cache(maxsize=None)(time_like)
    headings = frozenset(m.group(1).strip() for m in _TEXT_HEADING_RE.finditer(text)) | categories
    paras = _paragraphs(text)
    found = []
    i = 0
    while i < len(paras):
        header, j = _header_at(paras, i, vocab, header_columns, is_task_header, headings)
        if header is None:
            i += 1
            continue
        table = None
        for start, cells, body in _header_readings(paras, i, j, header[0], vocab, header_columns, is_task_header, headings):
            read = _regroup(paras, start, body, (cells, header_columns(cells, vocab)), unit_like, time_like, headings, vocab,
                            header_columns)
            if read is not None and (table is None or (_misfits(read), read.cost) < (_misfits(table), table.cost)):
                table = read
        if table is None:
            i = j
            continue
        found.append((paras[table.start][0], paras[table.end - 1][1], table))
        i = table.end
    return found


def _misfits(table: FlatTable) -> int:
    """How many of a reading's rows fit its header in no way, or hold a paragraph whose column is not known."""
    return sum(1 for row in table.rows if row.number and (row.misfit or row.warnings))


def _header_readings(paras, i, j, cells, vocab, header_columns, is_task_header, headings):
    """The ways of reading the header found at ``i`` (its cells ``cells``, rows from ``j``): (first paragraph, cells, first
    paragraph after it) each, the header as found first.  A category column before 序号 whose own header word names no
    column (篇章, 板块: the paragraph right before the 序号 cell, short, header-like) is one more column; and the
    paragraphs the header run took right before row 1's ``1`` may be row 1's cells before its 序号 (the category a merged
    column gives on its first row: 发展目标 names a column, so it read as a sixth header cell) — or a row spanning the
    table.  ``find_flattened`` keeps the reading whose rows fit their columns best (``_misfits``): a reading other than
    the header as found wins only where it places more rows, or as many at a lower cost (fewer paragraphs missing from
    or added to their cells, row after row) — counts and shapes agree, nothing is guessed; a tie keeps the header as
    found.  A known field's word (备注, 完成情况) or a unit, person or time column's is never taken for row 1's cell."""
    yield i, cells, j
    numbers = {w for w, col in vocab.words if col == "number"}
    if not cells or cells[0] not in numbers:
        return
    row_one = j < len(paras) and _numbered(_squashed(paras[j][2]), getattr(vocab, "row_marks", "")) == 1
    before = _squashed(paras[i - 1][2]) if i > 0 else ""
    category = bool(before) and (unknown_header_cell(before) and not header_columns([before], vocab)
                                 and not _HEADING_RE.match(before) and before not in headings
                                 and _numbered(before, getattr(vocab, "row_marks", "")) is None)
    # (the last header cell, one paragraph, standing right before row 1's 1, may be row 1's own cell — a category or a
    # row spanning the table names an area or a task's kind, never a unit, a person or a deadline column)
    last = cells[-1]
    named = header_columns([last], vocab)
    own = (row_one and _squashed(paras[j - 1][2]) == last and len(cells) > 3
           and not any(col in named for col in ("number", "lead", "support", "responsible", "leader", "deadline", "other")))
    trimmed = cells[:-1]
    fits = own and "number" in header_columns(trimmed, vocab) and is_task_header(header_columns(trimmed, vocab))
    if category and fits:
        yield i - 1, [before] + trimmed, j - 1
    if category:
        yield i - 1, [before] + cells, j
    if fits:
        yield i, trimmed, j - 1
    grouped = _group_header(cells, vocab, header_columns, is_task_header)
    if grouped is not None:
        yield i, grouped, j


def _group_header(cells, vocab, header_columns, is_task_header) -> list[str] | None:
    """A header of two rows flattened one cell a line: the first row's cells, a group cell among them (责任单位 over its
    sub-columns), then the second row's sub-columns (牵头单位 / 配合单位) — the cells with the trailing lead/support words in
    the group cell's place; None when the header is not so written (the sub-columns must close the run, after a column
    that follows the group cell)."""
    columns = header_columns(cells, vocab)
    group = columns.get("responsible")
    tail = 0
    while tail < len(cells) and set(header_columns([cells[len(cells) - 1 - tail]], vocab)) & {"lead", "support"}:
        tail += 1
    if group is None or tail < 2 or group >= len(cells) - tail - 1:
        return None
    regrouped = cells[:group] + cells[len(cells) - tail:] + cells[group + 1: len(cells) - tail]
    named = header_columns(regrouped, vocab)
    return regrouped if "number" in named and is_task_header(named) else None


_WHITE_RE = re.compile(r"\s+")


def _squashed(text: str) -> str:
    """A header cell without its inner white space (``行使  主体``, ``责任\n单位``, ``完成 时限``: a cell's
    words spread or wrapped by the page)."""
    return _WHITE_RE.sub("", text)


#: A header cell's bracketed note wrapped onto its own line (``(单位)``, ``（部门）``, ``（2024年）``).
_WRAPPED_NOTE_RE = re.compile(r"[（(](?![一二三四五六七八九十\d]+[)）])[^（）()\s]{1,8}[)）]")  # (never a numbering: （一）)
#: A piece of a header word the page broke (``责任`` / ``单位``): a few CJK characters, nothing else.
_WORD_PIECE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}")


def joins_broken_word(first: str, second: str, vocab, header_columns, exact) -> bool:
    """True when two neighbouring header pieces are one word the page broke or letter-spaced (``责任`` / ``单位``,
    ``序`` / ``号``): both a few CJK characters, together naming a column, one of them naming none — and the first
    naming none or together a column word exactly (``exact``: the vocabulary's words; never ``工作任务`` + ``责任``).
    Used for a flattened header (a piece a paragraph) and a header split at runs of spaces (tables.py)."""
    joined = first + second
    # (or a period the header's qualifier names, figures and all: 1-6月 / 完成情况, 截至6月底 / 完成情况)
    period = bool(getattr(vocab, "progress_period", None) and vocab.progress_period.fullmatch(first))
    return bool((_WORD_PIECE_RE.fullmatch(first) or period) and _WORD_PIECE_RE.fullmatch(second)
                and header_columns([joined], vocab)
                and (joined in exact or not header_columns([first], vocab))
                and (not header_columns([first], vocab) or not header_columns([second], vocab)))


def _header_cells(paras, i, vocab, header_columns, first_named: bool = False,
                  headings: frozenset = frozenset()) -> list[tuple[str, bool, int]]:
    """The run of header-like paragraphs from ``i``: (cell without white space, names a column, paragraphs it
    takes) each.  A header word the page broke over two paragraphs (``责任`` / ``单位``, ``序`` / ``号``) is one
    cell when together they are a column word and apart one of them names none.  Header-like: short, no
    sentence, no number, no heading (``一、…``), no table caption (重点任务分工表)."""
    exact = {w for w, _ in vocab.words}
    out: list[tuple[str, bool, int]] = []
    j = i
    while j < len(paras) and len(out) <= _HEADER_MAX:
        text = _squashed(paras[j][2])
        take = 1
        if j + 1 < len(paras):
            nxt = _squashed(paras[j + 1][2])
            if joins_broken_word(text, nxt, vocab, header_columns, exact):
                text, take = text + nxt, 2
            elif header_columns([text], vocab) and _WRAPPED_NOTE_RE.fullmatch(nxt):
                text, take = text + nxt, 2  # (责任股室 / (单位): a bracketed note the cell wrapped onto a line of its own)
        bare = vocab.qualifier.sub("", text, count=1) if vocab.qualifier else text
        if (not text or len(_NOTE_RE.sub("", text)) > _HEADER_MAX or _SENTENCE_RE.search(text)
                or (_CAPTION_END_RE.search(text) and bare not in exact and not year_column(text, vocab))
                or re.fullmatch(r"[\d.．、]+", text) or _HEADING_RE.match(text)
                or _numbered(text, getattr(vocab, "row_marks", "")) is not None
                or (text in headings and not header_columns([text], vocab))):
            break
        named = bool(header_columns([text], vocab))
        if first_named and not out and not named:
            break  # (a header starts with a column word: most paragraphs are no header's start, and end here)
        out.append((text, named, take))
        j += take
    return out


#: A header cell naming no column of tables.yaml is a column's name (职权类型, 行使层级, 追责情形): short, no quote,
#: bracket or figure — a row spanning the table right after the header (推进实施“光伏+”示范工程) is none.
_UNKNOWN_HEADER_MAX = 8
_UNKNOWN_NOT_HEADER_RE = re.compile(r"[“”\"‘’'《》（）()\d、，,]")


def unknown_header_cell(cell: str) -> bool:
    """A header cell naming no column of tables.yaml that is a column's name all the same (职权类型, 权力责任事项): short,
    no quote, bracket or figure."""
    return len(cell) <= _UNKNOWN_HEADER_MAX and not _UNKNOWN_NOT_HEADER_RE.search(cell)


def _header_at(paras, i, vocab, header_columns, is_task_header, headings=frozenset()):
    """The header starting at paragraph ``i``: ((cells, columns), index after it), else (None, i).

    Its cells each name a column (a run of column words, 序号 among them); or, when the run of short
    paragraphs from a 序号 cell reaches the first row's ``1`` (or its first row number N on a page continuing the
    table: 24, 25 …), every paragraph of that run is a cell, those naming no column of tables.yaml (职权类型, 行使层级,
    类别, 说明) fields of the row: a 权责清单's header is read to its end, so its rows keep their width."""
    run = _header_cells(paras, i, vocab, header_columns, first_named=True, headings=headings)
    if not run or not run[0][1]:
        return None, i
    known = 0
    while known < len(run) and run[known][1]:
        known += 1
    cells = [c for c, _, _ in run[:known]]
    taken = sum(t for _, _, t in run[:known])
    numbers = {w for w, col in vocab.words if col == "number"}
    after = i + sum(t for _, _, t in run)
    first = after
    while first < len(paras) and first < after + 3 and (_HEADING_RE.match(_squashed(paras[first][2]))
                                                         or _squashed(paras[first][2]) in headings):
        first += 1  # (a part line 一、… or a category row may stand between the header and row 1)
    if (known < len(run) and run[0][0] in numbers and first < len(paras)
            and (_numbered(_squashed(paras[first][2]), getattr(vocab, "row_marks", "")) or 0) >= 1
            and sum(1 for _, named, _ in run if named) * 2 > len(run)
            and all(named or (unknown_header_cell(c) and c not in headings) or year_column(c, vocab) for c, named, _ in run)):
        cells = [c for c, _, _ in run]  # the whole run is the header: it ends where row 1 starts
        taken = after - i
    if len(cells) < 3:
        return None, i
    columns = header_columns(cells, vocab)
    if "number" not in columns or not is_task_header(columns) or len(set(cells)) != len(cells):
        return None, i
    return (cells, columns), i + taken


def _regroup(paras, start, body, header, unit_like, time_like, headings=frozenset(), vocab=None,
             header_columns=None) -> FlatTable | None:
    """The table's rows (``_regroup_read``), read again when its unit columns show where a unit paragraph stands: a
    paragraph that is, in half the rows read with certainty, the whole cell of one unit column and of no other (各区
    under 实施主体 row after row) costs 1 more in another unit column — a row with fewer unit paragraphs than unit
    columns (its 牵头 merged with the row above's) then no longer reads 各区 as its 牵头."""
    table = _regroup_read(paras, start, body, header, unit_like, time_like, headings, vocab, header_columns)
    homes = _unit_homes(table, header[1]) if table is not None else {}
    if homes:
        table = _regroup_read(paras, start, body, header, unit_like, time_like, headings, vocab, header_columns, homes) or table
    if table is not None:
        _warn_missing_support(table, header[1])
        _lone_lead_unplaced(table, header[1])
        _unproved(table, header[1], unit_like)
    return table


def _lone_lead_unplaced(table: FlatTable, columns: dict[str, int]) -> None:
    """A table whose lead column comes after another unit column (责任单位 | 牵头单位, 配合单位 | 牵头单位) and whose every
    other row (three at least) writes that column's cell: a row writing one unit cell for the two is not placed — its
    paragraph is the earlier column's (its 牵头 missing) or the lead's (the earlier cell empty), and a cell merged from
    the row above is not proved either.  No role: the units are unplaced and the row warns (tagsblind9 莲都: a row's
    责任单位 cell was read as its 牵头 and the row above's 责任单位 carried as its 配合)."""
    lead = columns.get("lead")
    num = columns["number"]
    if lead is None:
        return
    earlier = [idx for col, idx in columns.items() if _KIND.get(col) == "unit" and num < idx < lead]
    if not earlier:
        return
    numbered = [row for row in table.rows if row.number and not row.misfit]

    def carried(row: FlatRow, c: int) -> bool:
        return any(n.startswith(f"{table.header[c]}：") and "合并单元格" in n for n in row.notes)

    def own(row: FlatRow, c: int) -> bool:
        return bool(row.cells[c]) and not carried(row, c)

    for row in numbered:
        if row.warnings or not own(row, lead) or any(own(row, c) for c in earlier):
            continue
        others = [r for r in numbered if r is not row]
        if len(others) < 3 or not all(own(r, c) for r in others for c in earlier):
            continue
        unplaced = [row.cells[lead]]
        row.cells[lead] = ""
        for c in earlier:
            row.cells[c] = ""
        row.notes = [n for n in row.notes if not any(n.startswith(f"{table.header[c]}：") for c in earlier)]
        row.units_unplaced = list(dict.fromkeys(row.units_unplaced + unplaced))
        choices = "或".join(table.header[c] for c in earlier + [lead])
        row.warnings.append(warning("flat_cell_uncertain", number=row.number, cells="”“".join(unplaced), choices=choices))


def _unproved(table: FlatTable, columns: dict[str, int], unit_like) -> None:
    """A table whose rows mostly (half at least) fit its header in no reading (``_misfit``) is not read as that header
    says: the header itself is not proved (a cell of row 1 taken for a header cell slides every row by one), so the
    rows that happen to fit get no role either — their paragraphs are the row's text, their units unplaced."""
    numbered = [row for row in table.rows if row.number]
    misfits = sum(1 for row in numbered if row.misfit)
    if not misfits or misfits * 2 < len(numbered):
        return
    num = columns["number"]
    task_col = columns.get("task", num + 1)
    for row in numbered:
        if row.misfit:
            continue
        text, units = _unplaced(row.own, unit_like)
        row.cells = [cell if c <= num else "" for c, cell in enumerate(row.cells)]
        row.cells[task_col] = text
        row.units_unplaced, row.misfit = units, True
        row.notes = [n for n in row.notes if "合并单元格" not in n or n.split("：", 1)[0] in table.header[: num + 1]]
        row.warnings = [warning("flat_row_unproved", number=row.number, misfits=misfits, rows=len(numbered))]


def _warn_missing_support(table: FlatTable, columns: dict[str, int]) -> None:
    """A 配合 column filled in nearly every row (three in four at least, four rows at least) that a row lacks: its cell
    is likely merged with the row above's (a copied page writes a merged cell once), or empty — the text cannot tell.
    Such a row gets a warning naming the row above's 配合 (never across a heading row) and no role from it."""
    c = columns.get("support")
    if c is None:
        return
    numbered = [row for row in table.rows if row.number]
    filled = sum(1 for row in numbered if row.cells[c])
    if filled < 4 or filled * 4 < len(numbered) * 3 or filled == len(numbered):
        return
    above = ""
    for row in table.rows:
        if not row.number:
            above = ""  # (a merged cell never runs across a heading row)
            continue
        if row.cells[c]:
            above = row.cells[c]
        elif above and not any(table.header[c] in w for w in row.warnings):
            row.warnings.append(warning("flat_cell_merged_unknown_support", number=row.number, column=table.header[c],
                                        value=above))


def _unit_homes(table: FlatTable, columns: dict[str, int]) -> dict[str, int]:
    """Paragraph text → the one unit column whose whole cell it is in half the certain rows at least (two at least;
    never taken from the row above, never in another unit column): a column's recurring value (各区 under 实施主体), not
    a unit that leads two rows of twelve and may support a third."""
    unit_cols = [idx for col, idx in columns.items() if _KIND.get(col) == "unit"]
    seen: dict[str, dict[int, int]] = {}
    certain = 0
    for row in table.rows:
        if not row.number or row.warnings:
            continue
        certain += 1
        for c in unit_cols:
            value = row.cells[c]
            if value and not any(n.startswith(f"{table.header[c]}：") and "合并单元格" in n for n in row.notes):
                seen.setdefault(value, {}).setdefault(c, 0)
                seen[value][c] += 1
    return {v: next(iter(cols)) for v, cols in seen.items()
            if len(cols) == 1 and sum(cols.values()) >= 2 and sum(cols.values()) * 2 >= certain}


def _regroup_read(paras, start, body, header, unit_like, time_like, headings=frozenset(), vocab=None,
                  header_columns=None, homes=None) -> FlatTable | None:
    """The table's rows (``_regroup_once``), read again when a paragraph opening with a work verb was taken for a
    unit though it is the row's 内容 (``建设…监测平台`` after a merged 内容 row: it ends like a unit, 台).  The table's
    own unit names decide: a work-verb paragraph longer than every unit name its unit columns hold in the first
    reading (verb-opening names aside) is no unit, so its row's paragraphs fill 内容 + units + work columns without a
    merged cell.  A unit named with such a verb (建设管理处) is no longer than its table's unit names and stays one."""
    table = _regroup_once(paras, start, body, header, unit_like, time_like, headings, vocab, header_columns, homes=homes)
    verbs = getattr(vocab, "work_verbs", ())
    if table is None or not verbs:
        return table
    unit_cols = [idx for col, idx in header[1].items() if _KIND.get(col) == "unit"]
    content_cols = [idx for col, idx in header[1].items() if _KIND.get(col) in ("name", "task")]
    lead_col = header[1].get("lead", header[1].get("responsible"))
    names = [n for row in table.rows if row.number for c in unit_cols for n in re.split(r"[、，,]", row.cells[c]) if n]
    # A lead cell of a row whose 内容 was merged though the row's paragraphs fill 内容 + units + work columns one
    # each: it could be the row's 内容 (城市交通监测平台, no verb) — no unit when longer than every other unit name.
    suspects = {row.cells[lead_col] for row in table.rows
                if row.number and lead_col is not None and row.paragraphs == table.cell_columns
                and any(n.startswith(tuple(f"{table.header[c]}：" for c in content_cols)) and "合并单元格" in n
                        for n in row.notes)}
    candidates = [n for n in names if n.startswith(verbs) or n in suspects]
    # A row's 内容 that the table writes elsewhere as a unit cell of its own (设施运行处 as row 2's 配合) is that unit: its
    # row's 内容 is merged (设施运行处 / 交通建设处 / 综合规划处 / … under a merged 内容 read 内容 = 设施运行处).
    whole = {row.cells[c] for row in table.rows if row.number for c in unit_cols if row.cells[c] and row.cells[c] in names}
    units_named = frozenset(row.cells[c] for row in table.rows if row.number for c in content_cols
                            if row.cells[c] in whole and not any("合并单元格" in n and n.startswith(f"{table.header[c]}：")
                                                                 for n in row.notes))
    if units_named:
        table = _regroup_once(paras, start, body, header, unit_like, time_like, headings, vocab, header_columns,
                              units_named, homes)
        if table is None:
            return None
    if not candidates:
        return table  # (the common case: one reading)

    def longest_but(name: str) -> int:
        return max((len(n) for n in names if n != name and not n.startswith(verbs) and n not in suspects), default=0)

    def no_unit(line: str) -> bool:
        flat = line.replace("\n", "").strip()
        first = re.split(r"[、，,]", flat)[0]
        return (flat.startswith(verbs) or flat in suspects) and len(first) > longest_but(first)

    if not any(no_unit(n) for n in candidates):
        return table

    def table_unit_like(line: str) -> bool:
        return not no_unit(line) and unit_like(line)

    return _regroup_once(paras, start, body, header, table_unit_like, time_like, headings, vocab, header_columns,
                         units_named, homes)


def _regroup_once(paras, start, body, header, unit_like, time_like, headings=frozenset(), vocab=None,
                  header_columns=None, units_named: frozenset = frozenset(), homes=None) -> FlatTable | None:
    """The table's rows; ``units_named``: names its unit columns hold elsewhere (never a row's 内容 or work text)."""
    cells_h, columns = header
    n_cols = len(cells_h)
    kinds = column_kinds(cells_h, columns, vocab)
    num = columns["number"]
    col_names = {idx: col for col, idx in columns.items()}
    for idx in range(num):
        if idx not in col_names:
            # a column before 序号 naming no column of tables.yaml (分类, 篇章): the row's category — a name, merged
            kinds[idx] = col_names[idx] = "name"
    if vocab is not None and "lead" in columns and "responsible" in columns:
        from kb.parser.tables import joined_roles_of

        if "support" in joined_roles_of(cells_h[columns["responsible"]], vocab):
            # 配合/责任单位 beside 牵头单位: its cell is a 配合 cell when the row has a lead — a row without one names none,
            # never the row above's (tables7 s18)
            col_names[columns["responsible"]] = "support"
    merged_cols = {idx for idx, col in col_names.items() if may_merge(col)}  # (by the header's own names)
    if "lead" not in columns and "responsible" in columns:
        col_names[columns["responsible"]] = "lead"  # the main unit column (as in tables._aligned_rows)
    if vocab is not None:
        for idx, cell in enumerate(cells_h):
            if idx not in col_names and header_columns(cells_h[: idx + 1], vocab).get("task") == idx:
                # a third column of work (内容 | 2024年工作任务 | 2025年工作计划): text of the row, kept as a field; a
                # row lacking it is missing a cell (cost 1), not an empty remark
                kinds[idx] = col_names[idx] = "text"
    pre, post = list(range(num)), list(range(num + 1, n_cols))
    item_cols = frozenset()
    if vocab is not None:
        from kb.parser.tables import names_items

        item_cols = frozenset(idx for idx in range(n_cols) if kinds[idx] == "task" and names_items(cells_h[idx], vocab))
    # Paragraphs after the header, a repeated header dropped; the 序号 paragraphs in order.
    seq: list[tuple[int, str]] = []
    k = body
    while k < len(paras):
        if _PAGE_MARK_RE.match(paras[k][2]):
            k += 1  # (a page's number between a row's cells: a page break inside the row, no cell — tests/test_flat_page_break.py)
            continue
        if _squashed(paras[k][2]) == cells_h[0] or (vocab is not None and _squashed(paras[k][2]) in cells_h[0]):
            if vocab is not None:
                run = _header_cells(paras, k, vocab, header_columns)
                if [c for c, _, _ in run[:n_cols]] == cells_h:
                    k += sum(t for _, _, t in run[:n_cols])
                    continue
            elif [p[2].replace("\n", "") for p in paras[k : k + n_cols]] == cells_h:
                k += n_cols
                continue
        seq.append((k, paras[k][2]))
        k += 1
    numbers: list[int] = []
    expect = base = 1
    marks = getattr(vocab, "row_marks", "")
    first = next((x for x in range(min(4, len(seq))) if not _HEADING_RE.match(seq[x][1])), None)
    if first is not None and (_numbered(seq[first][1], marks) or 0) > 1:
        expect = _numbered(seq[first][1], marks)  # (a table whose rows go on numbering from an earlier one: （4）, （5）…)
    base = expect
    for pos, (_, text) in enumerate(seq):
        if _numbered(text, marks) == expect:
            numbers.append(pos)
            expect += 1
    if len(numbers) < 2:
        return None
    rows: list[FlatRow] = []
    merges = merged_cols.__contains__
    heading_open = True  # a merged cell never runs across a heading row
    last: dict[int, str] = {}
    above: list[str] = []  # the cells of the row just above (written or carried): a merged cell runs on unbroken

    def lines_of(a, b):
        return [seq[x][1] for x in range(a, b)]

    # Before row 1: headings, then row 1's columns before 序号.
    runs_on: str | None = None  # (a unit line right after the last row's reading: its unit list runs on)
    segments = [(None, lines_of(0, numbers[0]), [], pre)]
    for r, pos in enumerate(numbers):
        nxt = numbers[r + 1] if r + 1 < len(numbers) else None
        if nxt is None:
            tail = lines_of(pos + 1, len(seq))
            used = _last_row_extent(tail, len(post))
            used = _extend_last_row(tail, used, post, kinds, unit_like, time_like, col_names, headings)
            segments.append((base + r, tail[:used], post, []))
            end_pos = pos + 1 + used
            # (the lines right after the last row's reading are units (a short name then a unit): its unit list runs on
            # beyond what was read — its unit cells are not proved empty, so none is carried from the row above)
            after = [ln.replace("\n", "").strip() for ln in tail[used: used + 2]]
            runs_on = next((a for a in after[:1] if unit_like(a) or (
                len(after) > 1 and _short_name(a, time_like) and unit_like(after[1]))), None) \
                if any(kinds[c] == "unit" for c in post) else None
        else:
            segments.append((base + r, lines_of(pos + 1, nxt), post, pre))
    pending_pre: dict[int, str] = {}
    pending_notes: list[str] = []
    pending_warn: list[str] = []
    # Rows under a merged 序号 (and name): a segment holding the lines of several rows, each from the task column on.
    numbered_lines = _task_numbered(segments, vocab)
    subs: dict[int, list[list[str]]] = {}
    for k, (number, lines, cols_after, cols_before) in enumerate(segments):
        if number is not None and not cols_before:
            split = _sub_rows(lines, cols_after, kinds, unit_like, time_like, col_names, headings, units_named, numbered_lines)
            if split:
                segments[k] = (number, split[0], cols_after, cols_before)
                subs[k] = split[1:]
    # (once, after the sub-rows are cut: each row's alignment reads the same numbered paragraphs)
    row_numbered = _task_numbered(segments, vocab)
    costed = [_align(lines, [("col", c) for c in cols_after] + [("head", None)] + [("col", c) for c in cols_before],
                     kinds, unit_like, time_like, col_names, headings, with_cost=True, units_named=units_named,
                     numbered=row_numbered, homes=homes)
              for _, lines, cols_after, cols_before in segments]
    aligned = [found[1] if found else None for found in costed]
    # (what the cheapest readings cost over the table: how two readings of its header compare, ``find_flattened``)
    reading_cost = sum(found[0] if found else _MISSING["task"] for found in costed)
    lead_col = next((idx for idx, name in col_names.items() if name == "lead"), None)
    # A row's lead cell may be merged with the row above's (a copied page writes it once) or the row may have no
    # supporting units: one unit paragraph is then its lead or its support, and the text cannot tell.  The readings
    # with a missing lead as likely as a missing support are kept beside the others, so such a paragraph is undecided.
    # Only in a table that shows it merges its lead cells: a row after the first whose cheapest readings all give its
    # lead cell no paragraph (its lead is the row above's).  A table writing every row's lead (宝山 2019) keeps its rows'
    # single units as their leads.
    merges_lead = lead_col is not None and any(
        number is not None and number != base and ways and not _agree(ways, len(lines))[1]
        and all(("col", lead_col) not in way for way in ways)
        for (number, lines, _, _), ways in zip(segments, aligned))
    unit_roles = merges_lead and any(name in ("support", "responsible") and idx != lead_col for idx, name in col_names.items())
    even = ([_align(lines, [("col", c) for c in cols_after] + [("head", None)] + [("col", c) for c in cols_before],
                    kinds, unit_like, time_like, col_names, headings, units_named=units_named,
                    numbered=row_numbered, missing={**_MISSING, "lead": 1.0}, homes=homes)
             for _, lines, cols_after, cols_before in segments] if unit_roles else [None] * len(segments))
    habit = _lead_habit(aligned, segments, lead_col)
    # (a 实施主体 / 责任单位 column beside 牵头 and 配合 columns is no second support column — tables._row_tag reads it as the
    # units carrying the row out — so a paragraph undecided between 配合 and 实施主体 stays undecided: a warning, no role)
    for k_seg, ((number, lines, cols_after, cols_before), ways, even_ways) in enumerate(zip(segments, aligned, even)):
        habit_note = None
        if ways is not None and habit is not None and _agree(ways, len(lines))[1] \
                and all(("col", lead_col) in w for w in ways):  # (how many paragraphs the lead has, not whether it has any)
            # Undecided between the lead and the next unit column: the table's own habit decides when every
            # decided row has one paragraph in its lead cell (a 配合 cell listing its units one a paragraph).
            # (never against a lead paragraph that says it goes on: 区政府办公室、区绿化市容局、 / 区规划资源局 stays undecided)
            kept = [w for w in ways if sum(1 for slot in w if slot == ("col", lead_col)) == habit
                    and not any(slot == ("col", lead_col) and _CONTINUES_RE.search(lines[x].rstrip()) for x, slot in enumerate(w))]
            if kept and not _agree(kept, len(lines))[1]:
                ways = kept
                habit_note = f"{cells_h[lead_col]}按本表各行的写法读作一段（其余各段属于后面的单位列）"
        if ways is not None and even_ways and number is not None and lead_col in last and not heading_open:
            decided = not _agree(ways, len(lines))[1]
            ways = ways + [w for w in even_ways if w not in ways]
            if decided and _agree(ways, len(lines))[1]:
                habit_note = "；".join(filter(None, [habit_note, f"本行的{cells_h[lead_col]}可能与上一行合并（复制的网页或PDF只写一次），"
                                                               f"也可能本行没有其他单位：不能确定"]))
        if ways is None:
            # Nothing fits (no task text): the row stays text-only, its cells joined, no roles.
            if number is not None:
                row_cells = [""] * n_cols
                row_cells[num] = str(number)
                task_col = columns.get("task", post[0] if post else num)
                row_cells[task_col] = "".join(lines)
                rows.append(FlatRow(number, row_cells, [], [f"表格第{number}项的单元格未能对应到各列：全文放入任务内容，未读取职责"]))
            continue
        certain, uncertain = _agree(ways, len(lines))
        heads = [lines[x] for x in range(len(lines)) if certain.get(x) == ("head", None)]
        by_col: dict[int, list[str]] = {}
        for x, (what, col) in sorted(certain.items()):
            if what == "col":
                by_col.setdefault(col, []).append(lines[x])
        unsure = [lines[x] for x in uncertain]
        # (a short name between unit lines is a unit: undecided between two unit columns, it is kept among the units)
        short_units = {ln for ln, b in zip(lines, _between_units(lines, unit_like, time_like)) if b}
        misfit = number is not None and _misfit(ways, lines, kinds, unit_like, cols_after, time_like,
                                                     getattr(vocab, "work_verbs", ()), item_cols)
        own_lines = [lines[x] for x in range(len(lines)) if any(w[x][0] == "col" and w[x][1] in cols_after for w in ways)]
        if misfit:
            # The row's cells do not fit the header by shape in any cheapest reading (its task would be a unit list,
            # a unit column a sentence): nothing places them, so no column is given — its words are the row's text,
            # its units unplaced (kept, no role), and it says so.  Never the row above's cells either.
            by_col = {c: v for c, v in by_col.items() if c not in cols_after}
            text, unsure = _unplaced(own_lines, unit_like)
            by_col[columns.get("task", cols_after[0] if cols_after else num)] = [text]
        if number is not None:
            row_cells = [""] * n_cols
            row_cells[num] = seq[numbers[number - base]][1].strip()  # as written (*1: the mark kept)
            notes, warns = list(pending_notes), list(pending_warn)
            for c in pre:
                row_cells[c] = pending_pre.get(c, "")
            if (any(row_cells[c] and row_cells[c] != last.get(c) for c in pre if kinds[c] == "name")
                    and any(by_col.get(c) for c in cols_after if kinds[c] == "unit")):
                # a new category (written on this row, not the one above's) over a row writing units of its own: a unit
                # cell it lacks is not taken from the group above (静安 2023 merges a whole unit block across a category,
                # rows writing no unit at all; a row writing one unit of two columns proves no merge)
                last = {c: v for c, v in last.items() if c in pre or kinds[c] != "unit"}
            for c in cols_after:
                row_cells[c] = _join(by_col.get(c, []), kinds[c])
            filled_somewhere = {col for w in ways for what, col in w if what == "col"}
            # The table's last row, the text ending inside it, lacking a cell no row merges that every row above writes
            # (落实措施): cut off by the text's end (a page excerpt, 将社会救助纳入国), not merged — it takes no cell from above.
            earlier = [r.cells for r in rows if r.number]
            # (or holding nothing but its task and name cells — every other cell missing, two or more: cut or merged is
            # not provable, so nothing is carried either)
            last_at_end = k_seg == len(segments) - 1 and end_pos >= len(seq) and len(earlier) >= 2
            running_on = runs_on if k_seg == len(segments) - 1 else None
            bare = [c for c in cols_after if kinds[c] not in ("task", "name") and not row_cells[c] and c not in filled_somewhere]
            cut_off = last_at_end and (
                [c for c in bare if kinds[c] in ("other", "remark", "text") and all(e[c] for e in earlier)]
                or (len(bare) >= 2 and len(bare) == sum(1 for c in cols_after if kinds[c] not in ("task", "name"))
                    and any(kinds[c] == "unit" for c in bare) and bare))
            merged_units, lacking = False, []
            for c in pre + cols_after:
                if misfit and c in cols_after:
                    continue  # (a row that fits no reading takes no cell from the row above)
                if row_cells[c]:
                    last[c] = row_cells[c]
                elif c in cols_after and c in filled_somewhere:
                    continue  # a way gives this column an uncertain paragraph: not a merged cell
                elif c in last and not heading_open and merges(c) and not cut_off and not (running_on and kinds[c] == "unit"):
                    row_cells[c] = last[c]
                    notes.append(f"{cells_h[c]}：{last[c]}（合并单元格，取自上一行）")
                    merged_units = merged_units or kinds[c] == "unit"
                elif c in last and not heading_open and kinds[c] == "unit":
                    lacking.append(c)
            own_units = any(by_col.get(c) for c in cols_after if kinds[c] == "unit") or bool(unsure)
            carried = [c for c in lacking if c < len(above) and above[c]]
            if merged_units and not own_units and carried == lacking:
                # A row writing no unit paragraph at all: its whole unit block is the row above's (a copied page gives a
                # merged cell once) — its 配合 too, carried and said like the others, when the row just above holds that
                # cell (a merged cell runs on unbroken: never over a row whose own cell in that column is unknown)
                # (tests/test_flat_merged_carry.py).
                for c in lacking:
                    row_cells[c] = last[c]
                    notes.append(f"{cells_h[c]}：{last[c]}（合并单元格，取自上一行）")
            elif merged_units:
                # A unit column that never merges (配合) is empty in a row whose other unit cells are the row above's
                # (a merged cell a copied page gives once) though the row writes a unit of its own: it may be merged
                # over this row too, or empty — not known.
                warns.extend(warning("flat_cell_merged_unknown", number=number, column=cells_h[c], value=last[c])
                             for c in lacking)
            if running_on:
                warns.append(warning("flat_row_units_run_on", number=number, line=running_on))
            if cut_off:
                # (its roles read from the unit cells it does write are said read — 崇川 row 26 lacks only 说明)
                warns.append(warning("flat_row_cut_off_units_own" if own_units else "flat_row_cut_off",
                                     number=number, column=cells_h[cut_off[0]]))
            # (a remark cell the cheapest reading still gives a unit-like line: kept as the remark, said — never a role)
            warns.extend(warning("flat_remark_unit", number=number, column=cells_h[c], value=row_cells[c])
                         for c in cols_after if kinds[c] == "remark" and not misfit
                         and any(unit_like(ln.replace("\n", "")) for ln in by_col.get(c, [])))
            if misfit:
                warns.append(warning("flat_row_misfit", number=number, header="、".join(cells_h[c] for c in cols_after)))
            elif unsure:
                choices = "或".join(dict.fromkeys(cells_h[col] for ways_ in ways for x, (w, col) in enumerate(ways_) if w == "col" and lines[x] in unsure))
                warns.append(warning("flat_cell_uncertain", number=number, cells="”“".join(unsure), choices=choices))
            if habit_note:
                notes.append(habit_note)
            own = sum(1 for what, col in certain.values() if what == "col" and col in cols_after) + len(unsure)
            rows.append(FlatRow(number, row_cells, notes, warns, own,
                                units_unplaced=[ln.replace("\n", "") for ln in unsure if unit_like(ln) or ln in short_units],
                                misfit=misfit,
                                own=own_lines))
            above = row_cells
            heading_open = False
            for chunk in subs.get(k_seg, []):
                rows.append(_sub_row_of(number, chunk, row_cells, cols_after, kinds, unit_like, time_like, col_names,
                                        headings, units_named, numbered_lines, cells_h, merges))
            sub = _sub_row(heads, cols_after, kinds, unit_like, time_like, col_names) if not cols_before else None
            if sub is not None:
                heads = []
                sub_cells, sub_notes = list(row_cells), []
                for c in cols_after:
                    if sub[c] is not None:
                        sub_cells[c] = sub[c]
                    elif row_cells[c] and merges(c):
                        sub_notes.append(f"{cells_h[c]}：{row_cells[c]}（合并单元格，取自上一行）")
                    else:
                        sub_cells[c] = ""
                rows.append(FlatRow(number, sub_cells, sub_notes, []))
        for h in heads:
            cells = [""] * n_cols
            cells[0] = h.replace("\n", "")
            rows.append(FlatRow(0, cells))
            heading_open = True
            last, above = {}, []
        pending_pre = {c: _join(by_col.get(c, []), kinds[c]) for c in cols_before}
        pending_notes, pending_warn = [], []
        # A short name with no unit ending right after this row's unit lines, read as the next row's category (领域): it
        # may be this row's last unit, abbreviated (省人口计生) — not proved either way, so the next row says so.
        for x in range(1, len(lines)):
            col, before = certain.get(x), certain.get(x - 1)
            flat = lines[x].replace("\n", "").strip()
            if (col and col[0] == "col" and col[1] in cols_before and kinds[col[1]] == "name" and before
                    and before[0] == "col" and before[1] in cols_after and kinds[before[1]] == "unit"
                    and _short_name(flat, time_like) and not unit_like(flat)
                    and number is not None):
                pending_warn.append(warning("flat_name_after_units", number=number + 1, column=cells_h[col[1]], cell=flat))
        if number is None and unsure:
            pending_warn.append(warning("flat_cell_uncertain_first", cells="”“".join(unsure)))
    end_index = seq[end_pos - 1][0] + 1 if end_pos > 0 else body
    return FlatTable(start, end_index, cells_h, rows, sum(1 for kind in kinds if kind not in ("number", "other", "remark")),
                     reading_cost)


def _unplaced(lines: list[str], unit_like) -> tuple[str, list[str]]:
    """A row whose cells are not placed: (its text — EVERY paragraph it writes, in order, joined by ；: which of them is
    the work is not proved, so none leaves the text (tagsblind12 徐汇 表1-119: a sentence taken for units left the task
    ``2010年``) —, its unit paragraphs: named by the row, no role, also kept in the field of units not placed)."""
    flat = [ln.replace("\n", "") for ln in lines]
    return "；".join(flat), list(dict.fromkeys(ln for ln in flat if unit_like(ln)))


def _misfit(ways, lines: list[str], kinds: list[str], unit_like, cols: list[int], time_like=None, verbs=(),
            item_cols: frozenset = frozenset()) -> bool:
    """True when a cheapest reading puts a paragraph where its shape does not fit: a unit list (or one unit: no figure —
    加装电梯700台 ends like a unit, 台 — and no work verb opening it; in a column naming items, 项目名称, a single name may be
    a thing built: 区文化馆) or a time alone (2023年底前) in the task column, or anything but units (or an empty mark, —)
    in a unit column.  Such a row's cells are not placed by the
    header: its roles are not proved (tagsblind9 莲都: a row read one cell off had a unit as its task and its 责任单位
    list as its lead).  A short name between two unit lines (``_between_units``) fits a unit column."""
    between = _between_units(lines, unit_like, time_like or (lambda _: False))
    for way in ways:
        # (a time alone in the task column only while the row's time column is left empty: 2000年底以前建成小区改造完成率
        # is an indicator's name, time words and all)
        timeless = any(kinds[c] == "time" for c in cols) and not any(what == "col" and kinds[col] == "time" for what, col in way)
        for x, (what, col) in enumerate(way):
            if what != "col" or col not in cols:
                continue
            if x and way[x - 1] == (what, col) and _BRACKET_NOTE_RE.match(lines[x]):
                continue  # (a bracketed note under the cell's first line: the cell's own note)
            flat = lines[x].replace("\n", "").strip()
            single = col in item_cols and not re.search(f"[{_CELL_SEPARATORS}]", flat)
            if kinds[col] == "task" and (unit_like(flat) and not single and not re.search(r"\d", flat)
                                         and not flat.startswith(tuple(verbs))
                                         or timeless and time_like is not None and time_like(flat) and len(flat) <= 30):
                return True
            if kinds[col] == "unit" and not unit_like(flat) and not _EMPTY_CELL_RE.match(flat) and not between[x]:
                return True
    return False


def _task_numbered(segments, vocab) -> tuple[frozenset[str], int | None]:
    """The paragraphs that open their row by their numbering, and their column: when every row (two at least) holds a
    paragraph opening with the same numbering of tables.yaml row_numbering (（1）…, 1、…: a table that numbers its rows
    inside a cell, ``self_numbered_rows``), those paragraphs and the column they stand in on the first row — after the
    paragraphs of other numberings before it there (its category and direction: a table's first row has all its
    merged cells).  Else (empty, None)."""
    numbering = getattr(vocab, "row_numbering", ()) if vocab is not None else ()
    rows = [(lines, cols) for number, lines, cols, _ in segments if number is not None]
    if not numbering or len(rows) < 2:
        return frozenset(), None
    families = [{m[0] for m in (_numbering(ln, numbering) for ln in lines) if m} for lines, _ in rows]
    common = set.intersection(*families)
    if len(common) != 1:
        return frozenset(), None
    family = common.pop()

    def own(ln: str) -> bool:
        return (_numbering(ln, numbering) or (None,))[0] == family

    first, cols = rows[0]
    at = next(x for x, ln in enumerate(first) if own(ln))
    # (before it on the first row: numbered cells, or a name the category's number was wrapped off: （一） / 道路品质提升)
    if at >= len(cols) or not all(_numbering(ln, numbering) or (len(ln) <= 30 and not _SENTENCE_RE.search(ln))
                                  for ln in first[:at]):
        return frozenset(), None
    # (a row's first such paragraph: steps （1）（2） in a later cell of the row — its year's plan — are that cell's)
    return frozenset(next(ln for ln in lines if own(ln)) for lines, _ in rows), cols[at]


def _task_like(line: str, unit_like, time_like) -> bool:
    """A paragraph that can only be a task cell: a sentence or a long text, no unit list, no time, not written empty."""
    flat = line.replace("\n", "").strip()
    return (not _EMPTY_CELL_RE.match(flat) and not unit_like(flat) and not time_like(flat)
            and (bool(_SENTENCE_RE.search(flat)) or len(flat) > 30))


def _sub_rows(lines, cols_after, kinds, unit_like, time_like, col_names, headings, units_named, numbered):
    """A row's paragraphs read as the row and the rows under its merged 序号 (广州 2023's 附件2: 序号 1 and 工作事项 merged over
    three rows, each with its own 主要内容, 牵头, 配合 …): [row's lines, next row's lines, …], or None.  A next row starts
    at a paragraph that can only be a task cell standing right after a unit, time or empty cell; each next row fills
    the columns from the task column on.  Taken only when every part is read with certainty and the parts together
    cost less than the paragraphs read as one row (a text column after the units — 2025年工作计划 — is no next row)."""
    tasks = [c for c in cols_after if kinds[c] == "task"]
    if not tasks or len(lines) < len(cols_after) + 2:
        return None
    own_cols = [c for c in cols_after if c >= tasks[0]]

    def ends_cell(x: int) -> bool:
        flat = lines[x].replace("\n", "").strip()
        return bool(_EMPTY_CELL_RE.match(flat) or unit_like(flat) or time_like(flat))

    starts = [x for x in range(2, len(lines)) if _task_like(lines[x], unit_like, time_like) and ends_cell(x - 1)]
    if not starts:
        return None
    parts = [lines[a:b] for a, b in zip([0, *starts], [*starts, len(lines)])]
    total = 0.0
    for n, part in enumerate(parts):
        layout = [("col", c) for c in (cols_after if n == 0 else own_cols)]
        result = _align(part, layout, kinds, unit_like, time_like, col_names, headings, with_cost=True,
                        units_named=units_named, numbered=numbered)
        if result is None or _agree(result[1], len(part))[1]:
            return None
        total += result[0] + 0.5
    whole = _align_cost(lines, [("col", c) for c in cols_after] + [("head", None)], kinds, unit_like, time_like, col_names,
                        headings)
    return parts if total < whole else None


def _sub_row_of(number, lines, above, cols_after, kinds, unit_like, time_like, col_names, headings, units_named, numbered,
                cells_h, merges) -> FlatRow:
    """A row under a merged 序号: its cells from the task column on, the merged columns before (its name) the row
    above's; a column of the row above's that may merge (a lead or 责任单位, a deadline — ``may_merge``) it has no
    paragraph for is taken, and said (大竹 2016's row 5: 责任单位 merged over both lines)."""
    tasks = [c for c in cols_after if kinds[c] == "task"]
    own_cols = [c for c in cols_after if c >= tasks[0]]
    ways = _align(lines, [("col", c) for c in own_cols], kinds, unit_like, time_like, col_names, headings,
                  units_named=units_named, numbered=numbered)
    certain, _ = _agree(ways, len(lines))
    by_col: dict[int, list[str]] = {}
    for x, (_, col) in sorted(certain.items()):
        by_col.setdefault(col, []).append(lines[x])
    cells, notes = list(above), []
    notes.extend(f"{cells_h[c]}：{above[c]}（合并单元格，取自上一行）" for c in cols_after if c not in own_cols and above[c])
    for c in own_cols:
        cells[c] = _join(by_col.get(c, []), kinds[c])
        if not cells[c] and above[c] and merges(c):
            cells[c] = above[c]
            notes.append(f"{cells_h[c]}：{above[c]}（合并单元格，取自上一行）")
    return FlatRow(number, cells, notes, [], len(lines))


def _lead_habit(aligned, segments, lead_col) -> int | None:
    """1 when every row whose paragraphs are certain has exactly one paragraph in its lead cell (at least three
    such rows), else None: the table writes one lead a row, so an undecided paragraph after it belongs to the next
    unit column."""
    if lead_col is None:
        return None
    counts = []
    for (number, lines, _, _), ways in zip(segments, aligned):
        if number is None or not ways or _agree(ways, len(lines))[1]:
            continue
        counts.append(sum(1 for slot in ways[0] if slot == ("col", lead_col)))
    return 1 if len(counts) >= 3 and set(counts) == {1} else None


def _sub_row(lines, cols_after, kinds, unit_like, time_like, col_names) -> list[str | None] | None:
    """The paragraphs after a row's cells and before the next 序号, read as a second line of that row under its
    merged cells (大竹 2016's row 5: ``开工建设县老年养护楼。`` / ``县民政局`` / ``5月底前动工`` then ``开工建设老年大学。`` /
    ``12月底前``, 序号 and 责任单位 merged over both): two or more paragraphs, none marked as a heading, that fill
    the task column and at least one unit or time column with certainty.  A row spanning the table is one
    paragraph and holds no unit or time cell.  Their cells by column (None where the row above's merged cell
    stands), else None."""
    if len(lines) < 2 or any(_HEADING_RE.match(ln) for ln in lines):
        return None
    layout = [("col", c) for c in cols_after]
    ways = _align(lines, layout, kinds, unit_like, time_like, col_names)
    if not ways:
        return None
    certain, uncertain = _agree(ways, len(lines))
    if uncertain:
        return None
    out: list[str | None] = [None] * (max(cols_after) + 1)
    for x, (_, col) in sorted(certain.items()):
        out[col] = lines[x] if out[col] is None else out[col] + "\n" + lines[x]
    filled = {c for c in cols_after if out[c] is not None}
    if not any(kinds[c] == "task" for c in filled) or not any(kinds[c] in ("unit", "time") for c in filled):
        return None
    if any(kinds[c] in ("unit", "time") and _fit(out[c], kinds[c], unit_like, time_like) for c in filled):
        return None  # a unit or time cell that is none: no row
    return [(_join(out[c].split("\n"), kinds[c]) if out[c] is not None else None) if c in cols_after else None
            for c in range(len(out))]


def may_merge(column: str) -> bool:
    """Whether a row that lacks a cell of ``column`` takes the row above's (a merged cell).  Every row names who
    is responsible and most a deadline, so a lead, responsible, leader, deadline or name cell the row lacks is
    merged over it; a row is often without supporting units or a remark, so a 配合单位 or a field's cell it
    lacks is empty — never the row above's (row N's 配合单位 given to row N+1 would be a wrong answer)."""
    return column in ("lead", "responsible", "leader", "deadline", "name")


def _extend_last_row(tail, used, post, kinds, unit_like, time_like, col_names, headings) -> int:
    """The last row takes the next paragraphs too when they fill its empty columns at a lower cost (a row
    split at its spaces: ``持续提升…污水管`` / ``网提升项目…`` / ``张云峰`` / ``规划建设局`` / ``全年``, its task
    cell on three paragraphs); a paragraph after the table fits no empty column and is left out."""
    layout = [("col", c) for c in post] + [("head", None)]
    best_used, best_cost = used, _align_cost(tail[:used], layout, kinds, unit_like, time_like, col_names, headings)
    for extra in range(1, len(post) + 1):
        if used + extra > len(tail):
            break
        cost = _align_cost(tail[: used + extra], layout, kinds, unit_like, time_like, col_names, headings)
        if cost < best_cost:
            best_used, best_cost = used + extra, cost
    return best_used


def _align_cost(lines, layout, kinds, unit_like, time_like, col_names, headings) -> float:
    """The cost of the cheapest way (``_align``), infinite when none gives the task column a line."""
    result = _align(lines, layout, kinds, unit_like, time_like, col_names, headings, with_cost=True)
    return result[0] if result is not None else float("inf")


def _last_row_extent(tail: list[str], n_after: int) -> int:
    """How many paragraphs after the last 序号 belong to the table: one per column, and the next
    one whenever a paragraph ends in a sign that it goes on."""
    used, cells = 0, 0
    while used < len(tail) and cells < n_after:
        if not (used and _CONTINUES_RE.search(tail[used - 1].rstrip())):
            cells += 1
        used += 1
    while used < len(tail) and _CONTINUES_RE.search(tail[used - 1].rstrip()):
        used += 1
    return used


def _join(lines: list[str], kind: str) -> str:
    pieces = [ln.strip() for ln in "\n".join(lines).split("\n") if ln.strip()]
    if kind == "unit":
        # units one a paragraph are a list; a name the page cut (市人力资源 / 和社会保障局) is one name
        from kb.parser.tables import join_cell_lines

        return join_cell_lines(pieces)
    parts: list[str] = []
    for ln in pieces:
        if parts and kind == "person" and not _CONTINUES_RE.search(parts[-1]):
            parts.append("、")
        parts.append(ln)
    return "".join(parts)


#: A person's name as a 分管领导 cell writes it (赵强, 何海平): two or three characters, nothing else.
_PERSON_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,3}")
#: A cell written as empty (—, /, 无): it fits any column but the task's.
_EMPTY_CELL_RE = re.compile(r"^(?:[—\-－―–/／]{1,2}|无|暂无|空)$")


def _fit(line: str, kind: str, unit_like, time_like) -> float:
    """What it costs to put ``line`` in a column of ``kind``."""
    flat = line.replace("\n", "")
    if _EMPTY_CELL_RE.match(flat.strip()):
        return _MISMATCH if kind in ("task", "number") else 0
    if kind == "number" or re.fullmatch(r"\d{1,3}", flat.strip()):
        # a 序号 cell is a number and a number alone is a 序号 (a row whose merged cells are left out)
        return 0 if kind == "number" and re.fullmatch(r"\d{1,3}", flat.strip()) else _MISMATCH
    if kind == "unit":
        return 0 if unit_like(flat) else _MISMATCH
    if kind == "time":
        return 0 if time_like(flat) else _MISMATCH
    if kind == "person":
        # 责任领导: people (叶林, 张三、李四) or posts (常务副县长), never a list of units or a sentence
        return 0 if len(flat) <= 20 and not unit_like(flat) and not _SENTENCE_RE.search(flat) else _MISMATCH
    if kind == "name":
        if _HEADING_RE.match(flat):
            return 2  # 行动二：… between two rows is a heading row, not a row's name
        # (a short name may close with a full stop: 强化监管评价。 — not a clause of a sentence: 党政机关、公共机构…全覆盖，…。)
        bare = flat.strip()[:-1] if flat.strip().endswith("。") and len(flat.strip()) <= 16 and not re.search(r"[，,、]", flat) \
            else flat
        if len(flat) > 30 or _SENTENCE_RE.search(bare) or time_like(flat):
            return _MISMATCH
        return 1 if unit_like(flat) else 0  # a group's name may end like a unit (产业园区)
    if kind == "other":
        # 备注, 职权类型, 责任事项: no list of units (a 行使主体 cell is not a field's; an empty 备注 is left out, 0.5)
        return 1 if unit_like(flat) else 0
    if kind == "remark":
        # a remarks column (tables.yaml remark_headers: 备注, 说明) holds notes, never a unit's name: a unit line after the
        # unit cell's lines goes on that cell (图书馆 under 文化宣传股 / 文化馆 before 备注 was the remark, its unit lost)
        return _MISMATCH if unit_like(flat) else 0
    if kind == "text" and unit_like(flat):
        return _MISMATCH  # a second column of work holds no unit (a 配合 cell's last unit is not 2024年工作任务)
    if kind in ("task", "text"):
        # a list of units is no task, however long (市发展改革委、市住房城乡建设管理委、…、各区政府)
        return 1 if unit_like(flat) or (time_like(flat) and len(flat) <= 30) else 0
    return 0


#: A short line that may be a unit's abbreviated name (省人口计生, 市新闻出版, 人口计生): ideographs only, no unit ending.
_SHORT_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,7}")


def _between_units(lines: list[str], unit_like, time_like) -> list[bool]:
    """For each line: whether it is a short name with no unit ending (省人口计生) written BETWEEN two unit lines — a unit of
    the cell those lines are in (a page writing one unit a line abbreviates some: 广东 妇女发展规划 目标责任分解书), never a
    cell of its own (the next row's 领域), never the line closing the unit list."""
    flat = [ln.replace("\n", "").strip() for ln in lines]
    unit = [unit_like(f) for f in flat]
    return [0 < k < len(flat) - 1 and unit[k - 1] and unit[k + 1] and not unit[k] and _short_name(f, time_like)
            for k, f in enumerate(flat)]


def _short_name(line: str, time_like) -> bool:
    """A short line of ideographs that may be a unit's abbreviated name: opening with a place's level (省人口计生, 市新闻出版 —
    never a person, 吴宇凡, or a year column's words, 平台二期上线), no time, no heading, not opening with a work verb
    (健全推进机制 is a category's or a task's words)."""
    return bool(_SHORT_NAME_RE.fullmatch(line)) and line[0] in _LEVEL_OPENERS and not time_like(line) \
        and not _HEADING_RE.match(line) and not line.startswith(_work_verbs())


#: The characters a place's level opens a unit's name with (省人口计生, 市新闻出版).
_LEVEL_OPENERS = "省市县区州旗镇乡"


def _align(lines: list[str], layout: list[tuple[str, int | None]], kinds: list[str], unit_like, time_like,
           columns_of: dict[int, str] | None = None, headings: frozenset = frozenset(), with_cost: bool = False,
           units_named: frozenset = frozenset(), numbered: tuple = (frozenset(), None), missing: dict | None = None,
           homes: dict[str, int] | None = None):
    """The cheapest ways of giving ``lines`` in order to the slots of ``layout``: a list of ways, each
    a list of (what, column) per line; None when no way gives the task column a line.  ``headings``:
    the words of the text's own headings (a line repeating one is written like a heading row)."""
    n, m = len(lines), len(layout)
    columns_of = columns_of or {}
    # (a table with a person column (分管领导): a person's name, 赵强, is that column's — no task, though it fits one)
    person_col = any(kinds[c] == "person" for what, c in layout if what == "col")
    marked = [bool(_HEADING_RE.match(ln)) for ln in lines]
    known = [ln.replace("\n", "").strip() in headings for ln in lines]
    # (a short name between two unit lines is a unit: 0 in a unit column, a mismatch in any other)
    between = _between_units(lines, unit_like, time_like)
    # A line written like a heading costs more in any cell but a name (a name may repeat a heading's words):
    # 2 for a marked one (行动五：…), 3 for the words of one of the text's headings (no task restates one).
    fits = [[(0 if kinds[c] == "unit" else _MISMATCH) if what == "col" and between[k] else
             _fit(ln, kinds[c], unit_like, time_like) + ((2 if marked[k] else 3 if known[k] else 0) if kinds[c] != "name" else 0)
             + (_MISMATCH if kinds[c] in ("name", "task", "text") and ln.replace("\n", "").strip() in units_named else 0)
             + (_MISMATCH if ln in numbered[0] and c != numbered[1] else 0)
             + (1 if homes and kinds[c] == "unit" and homes.get(ln.replace("\n", "").strip(), c) != c else 0)
             + (1 if person_col and kinds[c] in ("task", "text") and _PERSON_NAME_RE.fullmatch(ln.strip())
                and not unit_like(ln.strip()) else 0)
             if what == "col" else 0 for what, c in layout] for k, ln in enumerate(lines)]
    # A heading's own words without its marker are a heading row at a small cost: a name cell repeating
    # them (任务类型 before 序号, as 静安 2023 writes it) stays a name cell.
    heading_cost = [0 if m else 1 if h else 2 for m, h in zip(marked, known)]
    # the line's cell continues on the next: a sign at its end, or the next line is the next step of a numbered list
    # (1.… / 2.…, （1）… / （2）…: a cell holding several numbered paragraphs)
    steps = [_step_number(ln) for ln in lines]
    # (or a list item closing with ；, or the next line a note of the cell, 注：… — tests/test_flat_cell_lines.py)
    goes_on = [bool(_CONTINUES_RE.search(ln.rstrip())) or (k + 1 < len(lines) and steps[k] is not None
                                                           and steps[k + 1] == steps[k] + 1)
               or bool(_LIST_ITEM_END_RE.search(ln.rstrip()))
               or (k + 1 < len(lines) and bool(_CELL_NOTE_RE.match(lines[k + 1]) or _BRACKET_NOTE_RE.match(lines[k + 1])))
               for k, ln in enumerate(lines)]
    # a cell should not end on it: a line ending in 、，, or a numbered step whose next step follows
    ends_open = [bool(re.search(r"[、，,]$", ln.rstrip())) or (goes_on[k] and steps[k] is not None)
                 for k, ln in enumerate(lines)]
    bracket_note = [bool(_BRACKET_NOTE_RE.match(ln)) for ln in lines]
    memo: dict[tuple[int, int], tuple[float, list[list[tuple[str, int | None]]]]] = {}

    def take_cost(i: int, j: int, take: int) -> float:
        what, col = layout[j]
        if what == "head":
            return sum(heading_cost[i : i + take])
        if take == 0:
            name = columns_of.get(col, "other")
            # (of two fields' columns the later is the one left empty: 责任事项 filled, 备注 empty)
            return (missing or _MISSING).get(name, 1.0) - (0.001 * col if name == "other" else 0)
        cost = fits[i][j] + (1 if ends_open[i + take - 1] else 0)
        for x in range(i + 1, i + take):
            # (a bracketed note under a cell's first line is that cell's, whatever the column: no mismatch)
            cost += (0 if bracket_note[x] else fits[x][j]) + (0 if goes_on[x - 1] else 1)
        return cost

    def best(i: int, j: int):
        if (i, j) in memo:
            return memo[(i, j)]
        if j == m:
            result = (0.0, [[]]) if i == n else (float("inf"), [])
            memo[(i, j)] = result
            return result
        costs = []
        for take in range(0, n - i + 1):
            rest_cost = best(i + take, j + 1)[0]
            if rest_cost != float("inf"):
                costs.append((take_cost(i, j, take) + rest_cost, take))
        if not costs:
            memo[(i, j)] = (float("inf"), [])
            return memo[(i, j)]
        low = min(c for c, _ in costs)
        slot = layout[j]
        ways = [[slot] * take + w for c, take in costs if c == low for w in best(i + take, j + 1)[1]][:_CAP]
        memo[(i, j)] = (low, ways)
        return memo[(i, j)]

    cost, ways = best(0, 0)
    task_slots = [("col", c) for what, c in layout if what == "col" and kinds[c] == "task"]
    if not ways or any(slot not in w for w in ways for slot in task_slots):
        return None
    return (cost, ways) if with_cost else ways


_STEP_RE = re.compile(r"^(?:(\d{1,2})[.．、](?!\d)|[（(](\d{1,2})[)）])")


def _step_number(line: str) -> int | None:
    """The number of a numbered step opening ``line`` (``2.推进…``, ``（2）推进…``), else None."""
    m = _STEP_RE.match(line.strip())
    return int(m.group(1) or m.group(2)) if m else None


def _agree(ways, n: int):
    """Lines whose slot every cheapest way agrees on, and the others."""
    certain, uncertain = {}, []
    for x in range(n):
        slots = {w[x] for w in ways}
        if len(slots) == 1:
            certain[x] = next(iter(slots))
        else:
            uncertain.append(x)
    return certain, uncertain
