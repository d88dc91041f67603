"""A two-line header whose second line names a unit column and a PERSON column under one group cell (``责任单位及责任人``
merged over ``牵头单位 | 责任领导``, the other header cells merged down — a web page repeats them in the second row, Word
and Excel too): the second line is the header (a person is never a unit), never a task row.

Before (tables7, session 18): the second header line was read as a row — a task ``重点工作任务`` whose unit was
``牵头单位`` — and the units under the group cell were read as 责任单位 (负责) whatever the second line said.
Expectations written before the code (kb/parser/tables.py ``_sub_header``)."""

from __future__ import annotations

import pytest

from kb.ingest import read_document
from kb.parser import parse_document

PAGE = """<html><head><meta charset="utf-8"><title>某县2024年重点工作任务分解表</title></head><body><div id="zoom">
<p>某县2024年重点工作任务分解表</p>
<table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">重点工作任务</td><td colspan="2">GROUP</td><td rowspan="2">完成时限</td></tr>
<tr><td>UNIT</td><td>PERSON</td></tr>
<tr><td>1</td><td>推进县城老旧小区改造，完成12个小区改造。</td><td>县住建局</td><td>张某某</td><td>2024年11月底前</td></tr>
<tr><td>2</td><td>新建城乡养老服务站5个。</td><td>县民政局</td><td>李某某</td><td>2024年10月底前</td></tr>
<tr><td>3</td><td>实施农村公路提质改造30公里。</td><td>县交通运输局、县财政局</td><td>王某某</td><td>2024年12月底前</td></tr>
</table></div></body></html>
"""

#: (group cell, unit header, person header, roles of the three rows as (lead, sole, shared), why)
SHAPES = [
    ("责任单位及责任人", "牵头单位", "责任领导",
     [(["县住建局"], [], []), (["县民政局"], [], []), (["县交通运输局", "县财政局"], [], [])],
     "牵头单位 under the group: the units lead; 责任领导 a person, no unit"),
    ("责任单位及责任人", "责任单位", "责任人",
     [([], ["县住建局"], []), ([], ["县民政局"], []), ([], [], ["县交通运输局", "县财政局"])],
     "责任单位 | 责任人: responsible units (one sole, several shared); the person no unit"),
    ("责任主体", "责任单位", "责任领导",
     [([], ["县住建局"], []), ([], ["县民政局"], []), ([], [], ["县交通运输局", "县财政局"])],
     "another group word"),
]


@pytest.mark.parametrize(("group", "unit", "person", "roles", "why"), SHAPES, ids=[s[4][:30] for s in SHAPES])
def test_second_header_line_with_a_person_column(tmp_path, group, unit, person, roles, why):
    path = tmp_path / "p.html"
    path.write_text(PAGE.replace("GROUP", group).replace("UNIT", unit).replace("PERSON", person), encoding="utf-8")
    _, tasks = parse_document(read_document(path, use_cache=False).text, "p")
    rows = [t for t in tasks if t.source and "表" in t.source]
    assert [t.body for t in rows] == ["推进县城老旧小区改造，完成12个小区改造。", "新建城乡养老服务站5个。", "实施农村公路提质改造30公里。"], \
        (why, [t.text for t in rows])
    assert [(t.lead, t.sole, t.shared) for t in rows] == roles, why
    names = {n for t in rows for n in t.lead + t.support + t.sole + t.shared}
    assert not names & {"张某某", "李某某", "王某某", unit, person}, (why, names)
    assert [d.text for d in rows[0].deadlines] == ["2024年11月底前"], why


def test_tab_rows_second_header_line_repeating_the_merged_cells():
    """The same header as tab rows (a PDF's cells: the merged cells' text in both header lines)."""
    text = ("某县2024年重点工作任务分解表\n\n"
            "序号\t重点工作任务\t责任单位及责任人\t\t完成时限\n"
            "序号\t重点工作任务\t牵头单位\t责任领导\t完成时限\n"
            "1\t推进县城老旧小区改造，完成12个小区改造。\t县住建局\t张某某\t2024年11月底前\n"
            "2\t新建城乡养老服务站5个。\t县民政局\t李某某\t2024年10月底前\n\n")
    _, tasks = parse_document(text, "p")
    assert [(t.body, t.lead, t.sole) for t in tasks if t.source] == [
        ("推进县城老旧小区改造，完成12个小区改造。", ["县住建局"], []), ("新建城乡养老服务站5个。", ["县民政局"], [])]


def test_a_data_row_of_column_words_is_no_header():
    """control: a row under the header whose cells are not all column words is a row."""
    text = ("某县任务表\n\n序号\t重点工作任务\t牵头单位\t完成时限\n"
            "1\t完善牵头单位考核办法。\t县考核办\t2024年6月底前\n2\t新建城乡养老服务站5个。\t县民政局\t2024年10月底前\n\n")
    _, tasks = parse_document(text, "p")
    assert [(t.body, t.lead) for t in tasks if t.source] == [("完善牵头单位考核办法。", ["县考核办"]),
                                                              ("新建城乡养老服务站5个。", ["县民政局"])]
