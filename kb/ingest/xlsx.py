"""XLSX task tables → clean text (openpyxl), read like DOCX tables.

Each sheet with content is one table: its used rows, tab-separated; a merged range is
filled into every cell it covers (a 牵头单位 merged down several rows applies to each),
except a range across the whole width, which is a section heading written once.  A
sheet's name stands before its table when the workbook has several sheets.
"""

from __future__ import annotations

import io

from kb.errors import KbError
from kb.ingest.ooxml import check_package, open_failed
from kb.ingest.text import render_table, tidy


def read_xlsx(raw: bytes, where: str):
    """Read every sheet of a workbook as a table; KbError for a file that is no XLSX or holds nothing."""
    from kb.ingest import Extracted

    wb = _open(raw, where)
    parts: list[str] = []
    tables = 0
    try:
        sheets = [ws for ws in wb.worksheets if ws.max_row and ws.max_column]
        for ws in sheets:
            rows = _rows(ws)
            if not any(any(r) for r in rows):
                continue
            if len(sheets) > 1:
                parts.append(ws.title)
            parts.append(render_table(rows))
            tables += 1
    finally:
        wb.close()
    text = tidy("\n".join(parts))
    if not text.strip():
        raise KbError(f"{where}：工作簿中的工作表都是空的；请重新保存任务表")
    return Extracted(text=text, format="xlsx", tables=tables)


def _open(raw: bytes, where: str):
    import openpyxl

    check_package(raw, where, "XLSX", "xl/workbook.xml", "请把表格重新另存为 XLSX")
    try:
        # Not read-only: merged ranges are only known to a fully loaded sheet.
        return openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as exc:
        raise open_failed(where, "XLSX", exc, "Excel 或 WPS") from exc


def _rows(ws) -> list[list[str]]:
    width = ws.max_column
    grid = [["" if v is None else _value(v) for v in row] for row in ws.iter_rows(values_only=True)]
    for rng in ws.merged_cells.ranges:
        top, left = rng.min_row - 1, rng.min_col - 1
        if top >= len(grid):
            continue
        value = grid[top][left]
        across = rng.min_col == 1 and rng.max_col >= width
        for r in range(rng.min_row - 1, min(rng.max_row, len(grid))):
            for c in range(rng.min_col - 1, rng.max_col):
                if (r, c) != (top, left) and c < len(grid[r]):
                    grid[r][c] = "" if across else value
    return grid


def _value(v) -> str:
    import datetime

    if isinstance(v, datetime.datetime):
        return f"{v.year}年{v.month}月{v.day}日"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
