"""Word documents (python-docx): a title, header lines, a heading per role and bordered tables.

Fonts follow Chinese official documents: body 仿宋, headings 黑体, title 宋体, set
through ``w:eastAsia`` (and theme fonts removed) so that Word and WPS render the
Chinese text with them; Latin text uses Times New Roman.  Pages are A4
landscape (the tables are wide) with 第 X 页，共 Y 页 in the footer (PAGE and
NUMPAGES fields).  Columns empty in every row of a document are left out: paper
is narrow.  Imported only when a docx is written.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from kb.export.content import COUNT_HEADERS, Column, DutyExport, MatrixExport, TableExport, join_cell

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "宋体"
TABLE_SIZE = Pt(10.5)  # 五号
PAGE_WIDTH, PAGE_HEIGHT = Cm(29.7), Cm(21.0)
MARGIN = Cm(1.8)

_NUMERALS = "一二三四五六七八九十"

#: Columns of the docx matrix: counts, then the task labels per role (a grid of dozens of columns cannot be read on paper).
_MATRIX_LIST_HEADERS = {"lead": "牵头任务", "guide": "指导任务", "support": "配合任务", "sole": "负责任务", "shared": "分工负责任务"}


def duty_docx(export: DutyExport) -> bytes:
    """A duty list: title, header lines, then per role a heading (一、牵头（8 项）) and a table."""
    doc = _document(export.title, export.exported)
    _title(doc, export.title, export.meta)
    columns = _non_empty([c for c in export.columns if c.key != "role"], export.rows)
    for i, group in enumerate(export.groups):
        doc.add_heading(f"{_numeral(i)}、{group.heading}", level=1)  # role words only: XML-safe
        rows = [[cell_text(c.key, r.cells.get(c.key, "")) for c in columns] for r in group.rows]
        _table(doc, [c.header for c in columns], rows, [c.share for c in columns])
    return _save(doc)


def table_docx(table: TableExport) -> bytes:
    """The task division table: title, header lines, one table."""
    doc = _document(table.title, table.exported)
    _title(doc, table.title, table.meta)
    columns = _non_empty(table.columns, table.rows)
    rows = [[cell_text(c.key, r.cells.get(c.key, "")) for c in columns] for r in table.rows]
    _table(doc, [c.header for c in columns], rows, [c.share for c in columns])
    return _save(doc)


def matrix_docx(matrix: MatrixExport) -> bytes:
    """The matrix for paper: per department its counts and the labels of its tasks per role."""
    doc = _document(matrix.title, matrix.exported)
    _title(doc, matrix.title, matrix.meta)
    list_roles = [r for r in matrix.roles if any(row.counts[r] for row in matrix.rows)]
    headers = ["单位", *(COUNT_HEADERS[k] for k in (*matrix.roles, "total")), *(_MATRIX_LIST_HEADERS[r] for r in list_roles)]
    rows = []
    for row in matrix.rows:
        labels = {r: [t.label for t in matrix.tasks if r in t.roles_of(row.department)] for r in list_roles}
        rows.append([row.display, *(str(row.counts[k]) for k in (*matrix.roles, "total")), *("、".join(labels[r]) for r in list_roles)])
    shares = [2.6] + [0.9] * (len(matrix.roles) + 1) + [4.0] * len(list_roles)
    _table(doc, headers, rows, shares)
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
    return _NUMERALS[i] if i < len(_NUMERALS) else str(i + 1)


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
    section.left_margin = section.right_margin = MARGIN
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


def _table(doc, headers: list[str], rows: list[list[str]], shares: list[float]) -> None:
    """A bordered table (Table Grid) with a bold, shaded header row repeated on every page."""
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    usable = PAGE_WIDTH - 2 * MARGIN
    widths = [int(usable * s / sum(shares)) for s in shares]
    for i, width in enumerate(widths):
        table.columns[i].width = width
    for r, values in enumerate([headers, *rows]):
        row = table.rows[r]
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(xml_safe(value))
            run.font.size = TABLE_SIZE
            if r == 0:
                run.bold = True
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _shade(cell, "D9E1F2")
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    doc.add_paragraph()


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
