"""Word documents (python-docx): a title, header lines, a heading per role and bordered tables.

Fonts follow Chinese official documents: body 仿宋, headings 黑体, title 宋体, set
through ``w:eastAsia`` (and theme fonts removed) so that Word and WPS render the
Chinese text with them; Latin text uses Times New Roman.  Pages are A4
landscape (the tables are wide) with 第 X 页，共 Y 页 in the footer (PAGE and
NUMPAGES fields).  Imported only when a docx is written.

Print layout (a 局长 reads these on paper):
- Columns empty in every row of a table are left out; 章节 and 任务 are not
  columns: the task division table has a full-width row per section, and the
  heading sentence starts 任务内容 in bold.
- Widths are planned from the text (a CJK character of 五号 is 0.37 cm): 序号 fits
  its longest label on one line and never wraps; a department column is at least
  as wide as its longest department name and every header fits on one line;
  任务内容 gets the rest of the page.
- Rows never split across pages; the header row repeats on every page.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from kb.export.content import (
    COUNT_HEADERS,
    DEPARTMENT_KEYS,
    Column,
    DutyExport,
    MatrixExport,
    TableExport,
    display_width,
    join_cell,
)
from kb.model import ROLE_NAMES
from kb.numerals import chinese_number

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "宋体"
TABLE_SIZE = Pt(10.5)  # 五号
PAGE_WIDTH, PAGE_HEIGHT = Cm(29.7), Cm(21.0)
MARGIN = Cm(1.5)
SIDE_MARGIN = Cm(1.5)

#: Width of one display cell (half a CJK character) of 五号 text, and a cell's left+right padding, in cm.
CELL_CM = 10.5 / 72 * 2.54 / 2
PAD_CM = 0.45
#: Widest a column other than 任务内容 may be planned, in cm, by kind of column.
CAPS_CM = {"units": 5.2, "deadlines": 2.4, "starts": 2.4, "targets": 4.2, "doc": 3.6}
#: Share of the page width 任务内容 keeps at least (the other columns shrink, never below their longest word).
TEXT_SHARE = 0.5
#: Line pitch of table text: 五号 at a fixed 13 pt, as printed 分工表 are set (CJK fonts' "single" is ~1.4×).
TABLE_LINE = Pt(13)


#: Rows of up to this many lines never split across pages; a longer row may break at a page's foot.  A row that
#: cannot split moves whole to the next page and leaves its height blank below the last row: a 32-line goal row of
#: 国发〔2018〕42号 left page 1 nearly empty.  A quarter of the table's lines per page keeps every page at least
#: three quarters full while most rows (1–8 lines) stay whole, as printed 分工表 keep them.
KEEP_WHOLE_LINES = int((PAGE_HEIGHT - 2 * MARGIN) / TABLE_LINE / 4)

#: Columns of the docx matrix: counts, then the task labels per role (a grid of dozens of columns cannot be read on paper).
_MATRIX_LIST_HEADERS = {"lead": "牵头任务", "guide": "指导任务", "support": "配合任务", "sole": "负责任务", "shared": "共同负责任务"}


#: Role words of the merged department column: the department cells' keys (DEPARTMENT_KEYS), 责任单位 as 负责.
_UNIT_LABELS = {"lead": ROLE_NAMES["lead"], "guide": ROLE_NAMES["guide"], "support": ROLE_NAMES["support"],
                "responsible": ROLE_NAMES["sole"]}

#: Where a department cell may break between names: after 、, before the （共同负责） note.
_NAME_BREAK = re.compile(f"、|(?=（{ROLE_NAMES['shared']}）)")

#: Columns that are not columns on paper: 职责 is the group heading, 章节 a section row, 任务 the bold start of 任务内容.
_NOT_ON_PAPER = {"role", "section", "title"}


def duty_docx(export: DutyExport) -> bytes:
    """A duty list: title, header lines, then per role a heading (一、牵头（8 项）) and a table."""
    doc = _document(export.title, export.exported)
    _title(doc, export.title, export.meta)
    for i, group in enumerate(export.groups):
        doc.add_heading(f"{_numeral(i)}、{group.heading}", level=1)  # role words only: XML-safe
        columns = _non_empty([c for c in export.columns if c.key not in _NOT_ON_PAPER], group.rows)
        _task_table(doc, columns, group.rows, sections=False)
    return _save(doc)


def table_docx(table: TableExport) -> bytes:
    """The task division table: title, header lines, one table with a row per section."""
    doc = _document(table.title, table.exported)
    _title(doc, table.title, table.meta)
    columns = _non_empty([c for c in table.columns if c.key not in _NOT_ON_PAPER], table.rows)
    _task_table(doc, columns, table.rows, sections=True)
    return _save(doc)


def plan_widths(columns: list[Column], rows: list[list[str]], usable_cm: float) -> list[float]:
    """Column widths in cm for ``rows`` of cell texts: see the module docstring."""

    def cm(cells: int) -> float:
        return cells * CELL_CM + PAD_CM

    def lines_of(i: int) -> list[str]:
        return [line for r in rows for line in r[i].split("\n") if line]

    widths: list[float] = []
    least: list[float] = []  # below this a column would break a word (a name, a header) or grow too tall
    for i, col in enumerate(columns):
        header = cm(display_width(col.header)) + 0.2  # headers on one line, with room to spare
        lines = lines_of(i)
        longest = max((display_width(line) for line in lines), default=0)
        cap = CAPS_CM.get(col.key, 4.0)
        if col.key == "label":
            floor = max(header, cm(longest))
        elif col.key == "text":
            floor = 0.0  # the rest, below
        elif col.key in DEPARTMENT_KEYS or col.key == "units":
            # the longest name (市自然资源和规划局) unbroken; a very long one (…应急指挥部成员单位) may wrap
            names = [n for line in lines for n in _NAME_BREAK.split(line) if n]
            floor = max([header] + [min(cm(display_width(n)), cap) for n in names])
        else:
            floor = max(header, min(cm(longest), cap * 0.75))
        least.append(floor)
        widths.append(floor if col.key in ("label", "text") else max(floor, min(cm(longest), cap)))
    if any(c.key == "text" for c in columns):
        i = next(i for i, c in enumerate(columns) if c.key == "text")
        want = usable_cm * TEXT_SHARE
        short = want - (usable_cm - sum(widths))
        if short > 0:  # give 任务内容 its share from what the others have above their floors
            spare = sum(w - f for w, f in zip(widths, least))
            take = min(short, spare)
            widths = [w - (w - f) * take / spare if spare else w for w, f in zip(widths, least)]
        widths[i] = max(usable_cm - sum(widths), 0.0)
    else:
        scale = usable_cm / sum(widths) if sum(widths) > usable_cm else 1.0
        widths = [w * scale for w in widths]
    return widths


def _units_text(row, keys: list[str]) -> str:
    """The departments of a row in one cell, a line per role: ``牵头：A、B`` / ``配合：C`` / ``负责：D``."""
    lines = []
    for key in keys:
        value = row.cells.get(key)
        if value:
            lines.append(f"{_UNIT_LABELS[key]}：{join_cell(key, value)}")
    return "\n".join(lines)


def _task_table(doc, columns: list[Column], rows, sections: bool) -> None:
    """A table of task rows; ``sections``: a full-width row before each new section.

    The department columns (牵头单位, 配合单位, 责任单位) become one column with a
    line per role: three narrow columns of long name lists made rows several
    times taller than their text (and the table twice as many pages).
    """
    unit_keys = [c.key for c in columns if c.key in DEPARTMENT_KEYS]
    if unit_keys:
        first = next(i for i, c in enumerate(columns) if c.key in DEPARTMENT_KEYS)
        other = columns[first].header.startswith("其他")
        merged = Column("units", "其他单位" if other else "责任单位", 0)
        columns = [c for c in columns if c.key not in DEPARTMENT_KEYS]
        columns.insert(first, merged)
    texts = [
        [_units_text(r, unit_keys) if c.key == "units" else cell_text(c.key, r.cells.get(c.key, "")) for c in columns]
        for r in rows
    ]
    usable = (PAGE_WIDTH - 2 * SIDE_MARGIN) / 360000  # EMU → cm
    widths = plan_widths(columns, texts, usable)
    body: list = []
    last = None
    for row, values in zip(rows, texts):
        place = row.cells.get("section") or ""
        if sections and place and place != last:
            body.append(place)
            last = place
        heading = row.task.title if row.task.title and row.task.text.startswith(row.task.title) else ""
        body.append((values, heading))
    _table(doc, [c.header for c in columns], body, widths, [c.key for c in columns])


def matrix_docx(matrix: MatrixExport) -> bytes:
    """The matrix for paper: per department its counts and the labels of its tasks per role."""
    doc = _document(matrix.title, matrix.exported)
    _title(doc, matrix.title, matrix.meta)
    list_roles = [r for r in matrix.roles if any(row.counts[r] for row in matrix.rows)]
    headers = ["单位", *(COUNT_HEADERS[k] for k in (*matrix.roles, "total")), *(_MATRIX_LIST_HEADERS[r] for r in list_roles)]
    rows = []
    for row in matrix.rows:
        # (a row counts one plan's tasks when several are loaded: another plan's body of the same name is its own row)
        labels = {r: [label for t, label in zip(matrix.tasks, matrix.labels)
                      if (row.plan is None or t.doc == row.plan) and r in t.roles_of(row.department)]
                  for r in list_roles}
        rows.append([row.display, *(row.count_text(k) for k in (*matrix.roles, "total")), *("、".join(labels[r]) for r in list_roles)])
    # (a count saying its rows, 13（21 行）, needs about half again the width of a bare number to stay on one line)
    shares = [2.6] + [1.5 if matrix.rows_said else 0.9] * (len(matrix.roles) + 1) + [4.0] * len(list_roles)
    usable = (PAGE_WIDTH - 2 * SIDE_MARGIN) / 360000
    _table(doc, headers, rows, [usable * s / sum(shares) for s in shares])
    return _save(doc)


# ---------------------------------------------------------------- building blocks


#: Characters XML 1.0 cannot hold (python-docx refuses them); tab, new line and return are kept.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cell_text(key: str, value: str | list[str]) -> str:
    """A cell as text: departments joined with 、, deadlines and targets one per line."""
    return join_cell(key, value, "\n")


def xml_safe(text: str) -> str:
    """``text`` without the control characters a Word document cannot hold."""
    return _NOT_XML.sub("", text)


#: python-docx refuses core properties longer than this (ValueError).
MAX_CORE_PROPERTY = 255


def core_text(text: str) -> str:
    """``text`` cut to fit a core property (a long department name in the title), ending in …."""
    return text if len(text) <= MAX_CORE_PROPERTY else text[: MAX_CORE_PROPERTY - 1] + "…"


def _numeral(i: int) -> str:
    """The heading numeral of the ``i``-th group (0 → 一; 10 → 十一, where digits stood before)."""
    return chinese_number(i + 1)


def _non_empty(columns: list[Column], rows) -> list[Column]:
    """The columns with text in at least one row (序号 always kept)."""
    return [c for c in columns if c.key == "label" or any(r.cells.get(c.key) for r in rows)]


def _set_fonts(element, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Set the Latin and East Asian fonts of a style or run element, dropping theme fonts that override them."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _style(doc, name: str, east_asia: str, size: Pt, bold: bool | None = None) -> None:
    style = doc.styles[name]
    style.font.size = size
    style.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        style.font.bold = bold
    _set_fonts(style.element, east_asia)


def _document(title: str, exported):
    doc = Document()
    doc.core_properties.title = core_text(xml_safe(title))
    doc.core_properties.author = "kb"
    doc.core_properties.created = doc.core_properties.modified = datetime.combine(exported, time())
    _style(doc, "Normal", BODY_FONT, Pt(12))
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia"), "zh-CN")
    doc.styles["Normal"].element.get_or_add_rPr().append(lang)
    _style(doc, "Title", TITLE_FONT, Pt(20), bold=True)
    _style(doc, "Heading 1", HEADING_FONT, Pt(14), bold=False)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    _page_numbers(section.footer.paragraphs[0])
    return doc


def _page_numbers(paragraph) -> None:
    """第 PAGE 页，共 NUMPAGES 页, as Word fields so every page shows its own number."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" 页，共 ")
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(" 页")


def _field(paragraph, instruction: str) -> None:
    def fld_char(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run("1")  # shown until the field is updated
    fld_char("end")


def _title(doc, title: str, meta: list[tuple[str, str]]) -> None:
    heading = doc.add_paragraph(xml_safe(title), style="Title")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for label, text in meta:
        doc.add_paragraph(xml_safe(f"{label}：{text}"))


def _table(doc, headers: list[str], rows: list, widths_cm: list[float], keys: list[str] | None = None) -> None:
    """A bordered table (Table Grid) with a bold, shaded header row repeated on every page.

    ``rows``: lists of cell texts, or (cell texts, heading that starts the 任务内容 cell in bold),
    or a string — a full-width section row.  A row of up to KEEP_WHOLE_LINES lines never splits across pages,
    a longer one may; 序号 never wraps.
    """
    keys = keys or [""] * len(headers)
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(w) for w in widths_cm]
    for i, width in enumerate(widths):
        table.columns[i].width = width
    for r, item in enumerate([headers, *rows]):
        row = table.rows[r]
        values = [item] if isinstance(item, str) else item[0] if isinstance(item, tuple) else item
        _row_properties(row, header=r == 0, whole=r == 0 or row_lines(values, widths_cm) <= KEEP_WHOLE_LINES)
        if isinstance(item, str):  # a section row across the table
            merged = row.cells[0].merge(row.cells[-1]) if len(headers) > 1 else row.cells[0]
            paragraph = merged.paragraphs[0]
            _compact(paragraph)
            paragraph.paragraph_format.keep_with_next = True  # never alone at the foot of a page
            run = paragraph.add_run(xml_safe(item))
            run.font.size = TABLE_SIZE
            run.bold = True
            _shade(merged, "F2F2F2")
            continue
        values, heading = item if isinstance(item, tuple) else (item, "")
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            _compact(paragraph)
            value = xml_safe(value)
            if r and keys[c] == "text" and heading and value.startswith(heading):
                bold = paragraph.add_run(heading)
                bold.font.size = TABLE_SIZE
                bold.bold = True
                value = value[len(heading):]
            run = paragraph.add_run(value)
            run.font.size = TABLE_SIZE
            if r == 0:
                run.bold = True
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _shade(cell, "D9E1F2")
            if keys[c] == "label" or r == 0:
                _no_wrap(cell)
    doc.add_paragraph()


def row_lines(values: list[str], widths_cm: list[float]) -> int:
    """Lines the tallest cell of a row takes, estimated: each of its lines of text (\\n) over the cell's width in
    display cells (CJK 2), at least one line each."""
    tallest = 1
    for value, width in zip(values, widths_cm):
        per_line = max(1, int((width - PAD_CM) / CELL_CM))
        lines = sum(max(1, -(-display_width(part) // per_line)) for part in str(value).split("\n"))
        tallest = max(tallest, lines)
    return tallest


def _row_properties(row, header: bool, whole: bool) -> None:
    """The header row repeats on every page; a row kept ``whole`` never splits across pages (a longer one may)."""
    trpr = row._tr.get_or_add_trPr()
    if whole:
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "true")
        trpr.append(cant)
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        trpr.append(repeat)


def _no_wrap(cell) -> None:
    """Keep the cell's text on one line (序号, headers: their columns are planned wide enough)."""
    tcpr = cell._tc.get_or_add_tcPr()
    no_wrap = OxmlElement("w:noWrap")
    tcpr.append(no_wrap)


def _compact(paragraph) -> None:
    """Single line spacing, no space after: table text as dense as a printed 分工表."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = TABLE_LINE


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    from kb.export.files import reproducible_zip

    return reproducible_zip(buf.getvalue())  # $SOURCE_DATE_EPOCH: byte-identical files
