"""The division matrix (任务分工表 矩阵) marks a division written two ways (科技信息处, 市交通委科技信息处, 市交通委（科技信息处）)
in every column its one row counts: kb.duties.department_counts counts the unit once (kb.registry.division_units), and
the marks follow the same identity — else the printed counts read impossible (``2（1 行）``, ``1（0 行）``: more items than
rows marked) and the twins' columns stay blank (review-rest problem 1, session 13).  A division of two bureaus (办公室)
stays rows as written (no unit) — control.

Plans written for these tests (tag and label dialects, 市 and 县); marks and counts read by hand before the code ran."""

from __future__ import annotations

import pytest

from kb.export.content import build_matrix
from kb.model import Plan
from kb.parser import parse_document

TAGS = "\n".join([
    "某市智慧交通建设实施方案", "", "一、主要任务", "",
    "（一）建设数据平台。（市交通委科技信息处牵头，市公安局配合）", "",
    "（二）完善信息系统。（科技信息处牵头，市交通委港务监管处配合）", "",
    "（三）推进港口监管。（港务监管处牵头，科技信息处配合）", "",
    "（四）加强宣传。（市交通委牵头）", ""]) + "\n"

BRACKETS = "\n".join([
    "某市交通数据工作方案", "", "一、主要任务", "",
    "（一）建设平台。（市交通委（科技信息处）牵头，市公安局配合）", "",
    "（二）完善标准。（科技信息处牵头）", "",
    "（三）共享数据。（市公安局牵头，市交通委科技信息处配合）", ""]) + "\n"

COUNTY = "\n".join([
    "某县农业工作要点", "", "一、重点工作", "",
    "1.推进种植结构调整。（牵头单位：县农业农村局种植业科；配合单位：县财政局）", "",
    "2.完善统计报送。（牵头单位：种植业科）", "",
    "3.加强资金监管。（牵头单位：县财政局；配合单位：种植业科）", "",
    "4.建设办公系统。（牵头单位：县农业农村局办公室；配合单位：县财政局办公室）", "",
    "5.做好信息报送。（牵头单位：办公室）", ""]) + "\n"

#: (plan, row, counts {role: items}, marks per task column, why)
ROWS = [
    (TAGS, "市交通委科技信息处", {"lead": 2, "support": 1, "total": 3}, ["牵", "牵", "配", ""],
     "written with its bureau (一（一）) and bare (一（二）一（三）): one row, every column marked"),
    (TAGS, "市交通委港务监管处", {"lead": 1, "support": 1, "total": 2}, ["", "配", "牵", ""],
     "the same for the other division"),
    (TAGS, "市交通委", {"lead": 1, "support": 0, "total": 1}, ["", "", "", "牵"], "control: the bureau's own row"),
    (BRACKETS, "市交通委科技信息处", {"lead": 2, "support": 1, "total": 3}, ["牵", "牵", "配"],
     "a bracketed spelling, a bare one and the bureau+division: one row"),
    (COUNTY, "县农业农村局种植业科", {"lead": 2, "support": 1, "total": 3}, ["牵", "牵", "配", "", ""],
     "a county 科 in labels"),
    (COUNTY, "办公室", {"lead": 1, "support": 0, "total": 1}, ["", "", "", "", "牵"],
     "control: 办公室 of two bureaus is no one unit — its row holds the bare item only"),
    (COUNTY, "县农业农村局办公室", {"lead": 1, "support": 0, "total": 1}, ["", "", "", "牵", ""], "control"),
]


@pytest.mark.parametrize(("text", "name", "counts", "marks", "why"), ROWS, ids=[f"{r[0][2:6]}-{r[1]}" for r in ROWS])
def test_marks_follow_the_counted_unit(text, name, counts, marks, why):
    doc, tasks = parse_document(text, "mx", "mx.txt")
    matrix = build_matrix(Plan([doc], tasks))
    row = next((r for r in matrix.rows if r.department == name), None)
    assert row is not None, (why, [r.department for r in matrix.rows])
    assert {k: row.counts.get(k, 0) for k in counts} == counts, why
    assert row.marks == marks, why
    # never more rows marked than... nor fewer: each count matches its marked columns (one row per item here)
    assert {k: row.rows.get(k, 0) for k in counts} == counts, why
