"""The xlsx 分工矩阵 as printed: its title and header lines never printed in pieces on the pages after the first.

The matrix prints at 100 % across several pages, the unit column (A) repeated on each (print_title_cols A:A).  Before
session 13 the title and the header lines stood in A1/A2, merged over 20 columns: LibreOffice (soffice --convert-to pdf,
looked at as PNGs) printed A2 again on every page across, cut to column A's width (说明：牵＝牵头，配＝配合，责＝负责，共＝),
and the piece of the title merged past the first page (…实施方案》分工矩阵) on the second.  Now they stand from column B,
merged over the columns of the first page only.

Hand-observed figure: the bundled plan's matrix printed by LibreOffice 7.4 (Noto CJK standing in for 宋体) holds columns
A–N on its first page (unit, 5 counts, 三（一）1–8); its second page starts at O (三（一）9).  So the merge must end at N
or before — and not much before, or the title is centred over a fraction of the page.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from kb.export import render_table
from kb.model import Plan
from kb.parser import parse_document

PLANS = Path(__file__).parent / "fixtures" / "plans"


def _plan(path: Path) -> Plan:
    doc, tasks = parse_document(path.read_text("utf-8"), path.stem, str(path))
    return Plan([doc], tasks)


def _matrix(plan):
    return load_workbook(io.BytesIO(render_table(plan, "xlsx", matrix=True)))["分工矩阵"]


def _title_merges(ws):
    return sorted((str(r) for r in ws.merged_cells.ranges if r.min_row <= 2), key=lambda s: s[1:2])


#: (plan, merged ranges of rows 1–2 expected, why) — a wide matrix's title and header lines from B, ending on page 1
ROWS = [
    (None, ["B1:M1", "B2:M2"],
     "bundled plan, 70 columns: LibreOffice printed A–N on page 1; kb's estimate (9 px a digit) stops one column short"),
    ("89_guangzhou_jiatingyisheng_2023.txt", None,
     "plan 89: counts saying rows (22（33 行）) widen the count columns: fewer task columns fit, still from B"),
    ("13_zimaoqu_guofa2018-38.txt", None, "a central plan with ministries' long names in column A"),
]


@pytest.mark.parametrize("name,merges,why", ROWS, ids=[r[0] or "bundled" for r in ROWS])
def test_title_and_header_lines_never_in_the_repeated_column(name, merges, why, plan, fixed_export_date):
    ws = _matrix(plan if name is None else _plan(PLANS / name))
    assert ws.print_title_cols == "$A:$A", why
    assert ws["A1"].value is None and ws["A2"].value is None, f"{why}: column A is printed on every page"
    assert "分工矩阵" in ws["B1"].value and ws["B2"].value.startswith("方案："), why
    found = _title_merges(ws)
    if merges is not None:
        assert found == merges, why
    # every merged column on the first page: the widths LibreOffice printed (≥ 8 px a digit + 5 px, 96 px an inch)
    # of A .. the merge's end within A4 landscape less 1″ of margins
    end = column_index_from_string(found[0].split(":")[1].rstrip("1"))
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, end + 1)]
    assert sum((w * 8 + 5) * 0.75 for w in widths) <= (11.69 - 1) * 72, f"{why}: the merge runs onto page 2"
    assert end >= 4, f"{why}: the title is centred over the first page, not over a column or two"


def test_header_lines_row_holds_its_lines(plan, fixed_export_date):
    """Row 2's height holds every header line wrapped in the merged width (three lines: 方案, 导出日期, 说明)."""
    ws = _matrix(plan)
    lines = ws["B2"].value.split("\n")
    assert [line.split("：")[0] for line in lines] == ["方案", "导出日期", "说明"]
    assert ws.row_dimensions[2].height >= 16.0 * len(lines)


def test_narrow_matrix_is_merged_over_all_its_columns(fixed_export_date):
    """A matrix narrower than a page: the title over every column after A (nothing to cut)."""
    text = "\n".join(["某县试点工作方案", "", "一、主要任务", "",
                      "（一）摸底。（县农业农村局牵头，县财政局配合）", "",
                      "（二）整治。（县生态环境局牵头）", ""]) + "\n"
    doc, tasks = parse_document(text, "p", "p.txt")
    ws = _matrix(Plan([doc], tasks))
    last = get_column_letter(ws.max_column)
    assert _title_merges(ws) == [f"B1:{last}1", f"B2:{last}2"]
