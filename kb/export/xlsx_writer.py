"""Excel workbooks (openpyxl): a title row, one header-lines row, then a filterable table.

Every sheet: bold frozen header row with an autofilter, column widths fitted to
the text (a CJK character counts 2), wrapped text with row heights estimated
from it (Excel does not grow rows of merged or wrapped cells by itself), A4
landscape fitted to the page width, the header row repeated on every printed
page and page numbers in the footer.  Imported only when an xlsx is written.
"""

from __future__ import annotations

import io
import math
from datetime import datetime, time

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kb.export.content import Column, DutyExport, MatrixExport, TableExport, display_width, join_cell
from kb.linebreak import count_lines
from kb.export.text import matrix_grid

FONT_NAME = "宋体"
#: Points a wrapped line of 11 pt text takes: the taller of the applications kb's workbooks meet — Excel/WPS
#: set 宋体 11 pt lines 14.25 pt apart, LibreOffice sets them 16.0 pt apart when a Noto CJK font stands in for
#: 宋体 (measured through soffice --convert-to pdf: Noto Sans CJK SC 16.0, Noto Serif CJK SC 15.8).  A height
#: estimated at 14.4 cut the last line of cells of several short lines (targets, deadlines, the header lines)
#: in LibreOffice.
LINE_HEIGHT = 16.0
WIDEST_COLUMN = 255  # Excel's widest column: a column grows (up to this) until its tallest row fits Excel's highest
HEADER_ROW = 3  # row 1: title, row 2: header lines
MAX_ROW_HEIGHT = 409.0  # points: Excel's highest row

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center")

# Cell styles, registered once per workbook as named styles: assigning a name is
# about three times faster than setting font, border and alignment on each cell,
# which dominates writing a sheet.
BODY, HEADER, STACKED_HEADER, MARK, TOTAL = "kb 正文", "kb 表头", "kb 竖排表头", "kb 标记", "kb 合计"


def _named_styles() -> list[NamedStyle]:
    body = Font(name=FONT_NAME, size=11)
    bold = Font(name=FONT_NAME, size=11, bold=True)
    header = dict(font=bold, fill=_HEADER_FILL, border=_BORDER)
    return [
        NamedStyle(BODY, font=body, border=_BORDER, alignment=_WRAP_TOP),
        NamedStyle(HEADER, alignment=Alignment(wrap_text=True, horizontal="center", vertical="center"), **header),
        # Task labels read top-down in narrow matrix columns.
        NamedStyle(STACKED_HEADER, alignment=Alignment(text_rotation=255, horizontal="center", vertical="center"), **header),
        NamedStyle(MARK, font=body, border=_BORDER, alignment=_CENTER),
        NamedStyle(TOTAL, font=bold, border=_BORDER, alignment=_CENTER),
    ]


def cell_text(key: str, value: str | list[str]) -> str:
    """A cell as text: departments joined with 、, deadlines and targets one per line."""
    return join_cell(key, value, "\n")


def duty_xlsx(export: DutyExport) -> bytes:
    """A duty list as a workbook with one sheet, 责任清单 (the 职责 column says the role)."""
    return _save(_rows_workbook(export, "责任清单"))


def table_xlsx(table: TableExport, matrix: MatrixExport | None = None) -> bytes:
    """The task division table (sheet 任务分工表), and the matrix as a second sheet (分工矩阵) if given."""
    wb = _rows_workbook(table, "任务分工表")
    if matrix is not None:
        _matrix_sheet(wb.create_sheet("分工矩阵"), matrix)
    return _save(wb)


def matrix_xlsx(matrix: MatrixExport) -> bytes:
    """The matrix alone, as a workbook with the sheet 分工矩阵."""
    wb = _workbook(matrix.title, matrix.exported)
    ws = wb.active
    ws.title = "分工矩阵"
    _matrix_sheet(ws, matrix)
    return _save(wb)


# ---------------------------------------------------------------- sheets


def _rows_workbook(export: DutyExport | TableExport, sheet: str) -> Workbook:
    """A workbook whose first sheet, named ``sheet``, holds the export's title, meta line and rows under its columns."""
    wb = _workbook(export.title, export.exported)
    ws = wb.active
    ws.title = sheet
    rows = [[cell_text(c.key, row.cells.get(c.key, "")) for c in export.columns] for row in export.rows]
    _table_sheet(ws, export.title, export.meta, export.columns, rows)
    return wb


def _workbook(title: str, exported) -> Workbook:
    wb = Workbook()
    _normal_font(wb, Font(name=FONT_NAME, size=11, charset=GB2312))
    wb.properties.title = title
    wb.properties.creator = "kb"
    stamp = datetime.combine(exported, time())
    wb.properties.created = wb.properties.modified = stamp
    for style in _named_styles():
        wb.add_named_style(style)
    return wb


#: The font character set of 宋体's Chinese fonts (GB2312): the applications choose a stand-in font by it.
GB2312 = 134


def _normal_font(wb: Workbook, font: Font) -> None:
    """Make ``font`` the workbook's Normal style font (openpyxl's default is Calibri).

    A column's width is counted in digits of the Normal style's font (ECMA-376, ``col@width``), and kb
    counts a CJK character as two of them.  With 宋体 11 pt a digit is 8 px and a CJK character 15 px in
    Excel/WPS (a column of 8.38 is 72 px), so two digits hold it; with Calibri's 7 px digits a CJK
    character took 2.14 units, a line held fewer characters than kb counted and a long cell could lose
    its last line.  (openpyxl has no public setter: its font table and the Normal style are set here,
    before any cell is written.)
    """
    from copy import copy

    from openpyxl.utils.indexed_list import IndexedList

    wb._fonts = IndexedList([font])
    normal = next(s for s in wb._named_styles if s.name == "Normal")
    normal.font = copy(font)


def _save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    from kb.export.files import reproducible_zip

    return reproducible_zip(buf.getvalue())  # $SOURCE_DATE_EPOCH: byte-identical files


#: Excel refuses (and "repairs") cells longer than this.
MAX_CELL = 32767
TRUNCATED = "…（超出 Excel 单元格长度上限，其余见原文）"


def _put(ws: Worksheet, row: int, col: int, value) -> object:
    """Set a cell; strings are kept as text (a leading = never becomes a formula), cut to Excel's limit."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > MAX_CELL:
            value = value[: MAX_CELL - len(TRUNCATED)] + TRUNCATED
    cell.value = value
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` characters wide (kb.linebreak's Chinese rules, CJK counts 2).

    A column ``width`` holds ``width`` digits of the default font less the cell's
    margins (about one digit); a CJK character of 宋体 11 pt is two digits wide.
    """
    return count_lines(str(text), max(int(math.floor(width - 1)), 2))


#: Points above and below a cell's text (its top and bottom margins and the border).
ROW_PADDING = 4.0


def row_height(values: list[str], widths: list[float]) -> float:
    """Height (points) of a row whose cells hold ``values`` in columns ``widths`` wide: the lines of its tallest
    cell (wrapped by ``_lines``: a CJK character two digits wide) at ``LINE_HEIGHT``, plus the padding;
    Excel's highest row at most (a longer cell is cut there, as Excel cuts it)."""
    lines = max((_lines(value, width) for value, width in zip(values, widths)), default=1)
    return min(LINE_HEIGHT * lines + ROW_PADDING, MAX_ROW_HEIGHT)


def _title_rows(ws: Worksheet, title: str, meta: list[tuple[str, str]], ncols: int, total_width: float,
                first: int = 1) -> None:
    """Row 1: the title; row 2: the header lines; both merged across columns ``first`` .. ``first + ncols - 1``."""
    last = get_column_letter(first + ncols - 1)
    start = get_column_letter(first)
    _put(ws, 1, first, title).font = Font(name=FONT_NAME, size=16, bold=True)
    ws.cell(1, first).alignment = _CENTER
    ws.row_dimensions[1].height = 28
    text = "\n".join(f"{label}：{value}" for label, value in meta)
    cell = _put(ws, 2, first, text)
    cell.font = Font(name=FONT_NAME, size=11)
    cell.alignment = _WRAP_TOP
    ws.row_dimensions[2].height = row_height([text], [total_width])
    if ncols > 1:
        ws.merge_cells(f"{start}1:{last}1")
        ws.merge_cells(f"{start}2:{last}2")


#: Points across an A4 landscape page inside kb's margins (0.5″ left and right): 11.69″ − 1″.
PRINTED_WIDTH = (11.69 - 1.0) * 72
#: Pixels of a digit of the Normal font as the widest application kb's workbooks meet sets it (Excel/WPS: 8 px
#: for 宋体 11 pt; LibreOffice with a Noto CJK stand-in fitted 14 matrix columns where 8 px predicts 15).
PRINTED_DIGIT_PX = 9


def printed_width(width: float) -> float:
    """Points a column ``width`` digits wide takes on paper at 100 % (its digits and 5 px of cell margins, 96 px to
    the inch), counted with ``PRINTED_DIGIT_PX``: at least what the applications print."""
    return (width * PRINTED_DIGIT_PX + 5) * 0.75


def first_page_columns(widths: list[float]) -> int:
    """How many of the columns ``widths`` fit on the first page across of a sheet printed at 100 % (the matrix)."""
    total, n = 0.0, 0
    for width in widths:
        total += printed_width(width)
        if total > PRINTED_WIDTH:
            break
        n += 1
    return max(n, 1)


def _header_row(ws: Worksheet, headers: list[str], stacked_from: int | None = None) -> None:
    """The table's header row; columns from ``stacked_from`` on get vertical text."""
    for col, header in enumerate(headers, 1):
        stacked = stacked_from is not None and col >= stacked_from
        _put(ws, HEADER_ROW, col, header).style = STACKED_HEADER if stacked else HEADER


def _page_setup(ws: Worksheet, last_col: str, last_row: int, title_cols: str | None = None) -> None:
    """Frozen, filterable header; A4 landscape, fitted to the width, header row on every page, page numbers."""
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{max(last_row, HEADER_ROW)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    if title_cols:
        ws.print_title_cols = title_cols
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Inches.  The footer (第 1 页，共 3 页) sits 0.3″ from the edge in a 0.75″ margin: never cut.
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _table_sheet(ws: Worksheet, title: str, meta, columns: list[Column], rows: list[list[str]]) -> None:
    # Columns empty in every row are left out (as on paper in docx); 序号 always stays.
    keep = [i for i, col in enumerate(columns) if col.key == "label" or any(r[i] for r in rows)]
    columns = [columns[i] for i in keep]
    rows = [[r[i] for i in keep] for r in rows]
    widths = _fitted_widths(columns, rows)
    _title_rows(ws, title, meta, len(columns), sum(widths))
    _header_row(ws, [c.header for c in columns])
    for r, values in enumerate(rows, HEADER_ROW + 1):
        for c, value in enumerate(values, 1):
            _put(ws, r, c, value).style = BODY
        ws.row_dimensions[r].height = row_height(values, widths)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    last_col = get_column_letter(len(columns))
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    _page_setup(ws, last_col, HEADER_ROW + len(rows))


def _fitted_widths(columns: list[Column], rows: list[list[str]]) -> list[float]:
    """Column widths: each fitted to its text up to its cap; then, for a row that would need more than
    Excel's highest row, its tallest column widened (up to Excel's widest, WIDEST_COLUMN) until the row
    fits (a task of 760 characters, 奉贤 2021's 二（三）5, takes 27 lines in 60 digits, 25 in 64); only a
    cell beyond Excel's limits is cut."""
    widths: list[float] = []
    for i, col in enumerate(columns):
        longest = max([display_width(col.header)] + [display_width(line) for r in rows for line in r[i].split("\n")])
        widths.append(min(max(longest, 6), col.max_width) + 2)
    most = int((MAX_ROW_HEIGHT - ROW_PADDING) // LINE_HEIGHT)
    for values in rows:
        while True:
            lines = [_lines(v, widths[c]) for c, v in enumerate(values)]
            tallest = max(range(len(values)), key=lambda c: lines[c])
            if lines[tallest] <= most or widths[tallest] >= WIDEST_COLUMN:
                break
            # as wide as the lines over the most suggest (then checked again): a few steps, not one per digit
            widths[tallest] = min(WIDEST_COLUMN, max(widths[tallest] + 2, math.ceil(widths[tallest] * lines[tallest] / most)))
    return widths


def _matrix_sheet(ws: Worksheet, matrix: MatrixExport) -> None:
    headers, rows = matrix_grid(matrix)
    ncounts = len(matrix.roles) + 2  # 单位 + a column per role held + 合计
    name_width = min(max([display_width(h) for h in headers[:1]] + [display_width(r[0]) for r in rows]) + 2, 40)
    # (a count saying its rows, 13（21 行）, widens its column: printed whole, not cut or wrapped)
    count_widths = [max([8] + [display_width(r[c]) + 2 for r in rows]) for c in range(1, ncounts)]
    widths = [name_width] + count_widths + [4.5] * len(matrix.tasks)
    # The unit column is printed on every page across (print_title_cols A:A): a title or header line written in it
    # was printed again, cut to its width, on each page after the first (说明：牵＝牵头，配＝配合，责＝负责，共＝).  So
    # they stand from column B, merged over the columns of the first page only (no piece of them on the next one).
    across = first_page_columns(widths) - 1
    if across >= 1:
        _title_rows(ws, matrix.title, matrix.meta, across, sum(widths[1:1 + across]), first=2)
    else:  # (a unit column as wide as the page: nothing beside it to hold them)
        _title_rows(ws, matrix.title, matrix.meta, 1, widths[0])
    _header_row(ws, headers, stacked_from=ncounts + 1)
    longest_label = max((len(label) for label in matrix.labels), default=2)
    ws.row_dimensions[HEADER_ROW].height = max(LINE_HEIGHT * 2, 13.0 * longest_label + 6)
    keys = (*matrix.roles, "total")
    for r, (values, row) in enumerate(zip(rows, matrix.rows), HEADER_ROW + 1):
        for c, value in enumerate(values, 1):
            # a count is a number (the plan's numbered items: sums and sorting work); its rows, where they are more,
            # are its format's words (shows 13（21 行）, holds 13)
            count = row.counts[keys[c - 2]] if 1 < c <= ncounts else None
            cell = _put(ws, r, c, value if count is None else count)
            cell.style = BODY if c == 1 else TOTAL if c == ncounts else MARK
            if count is not None and value != str(count):
                cell.number_format = '0"' + value[len(str(count)):] + '"'
        if _lines(values[0], name_width) > 1:  # a name wider than its column wraps: the row holds every line
            ws.row_dimensions[r].height = row_height([values[0]], [name_width])
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"{get_column_letter(ncounts + 1)}{HEADER_ROW + 1}"
    _page_setup(ws, get_column_letter(len(headers)), HEADER_ROW + len(rows), title_cols="A:A")
    # Dozens of task columns do not fit one page width: print across pages at full size.
    ws.sheet_properties.pageSetUpPr.fitToPage = False
