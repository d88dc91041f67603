"""A row of a table one cell a line whose cells fit no column by shape (a misfit: kb/parser/flattened.py ``_misfit``) keeps
EVERY paragraph it writes in its task text — as written, in order — and no role; its unit paragraphs are also kept in the
field of units not placed.  A paragraph holding a sentence is never a unit list: its words cut at a level character
(健全社|区学院: the 区 of 社区) are no units (kb/parser/tables.py ``_unit_like`` judges a cell's names as written, never
cut as glued units).

Regression of b563fb1 (tagsblind12-final, 徐汇 表1-119): the work sentence 健全社区学院、…,实现社区教育的全覆盖 was read
as a unit list (健全社 and 区学院 end like units), went into the field of units not placed, and the task's text was
only ``2010年``.  Forms of my own (县/市/区); expectations written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from kb.parser.tables import _unit_like

#: (cell, unit list?, why)
UNIT_CELLS = [
    ("健全社区学院、社区学校和社区教学点三级网络,实现社区教育的全覆盖", False,
     "a sentence: 健全社区学院 is one written name (never 健全社|区学院), the other clauses end like no unit"),
    ("完善街区治理、城区管理,推进社区服务全覆盖", False, "clauses of work, however 区 stands in them"),
    ("加强社区学院建设", False, "a work sentence ending in 建设"),
    ("区民政局、区财政局", True, "control: two units"),
    ("人口计生委等相关部门,13个街道、镇", True, "control: units, a group and a count of places"),
    ("市发改委市财政局", True, "control: units glued with a level character still form a unit cell"),
    ("县委组织部、县委宣传部", True, "control: party organs"),
    ("社区学院", True, "control: a body named 社区学院 is a unit (written alone, it is one name)"),
]


@pytest.mark.parametrize("cell,expected,why", UNIT_CELLS, ids=[c[0][:12] for c in UNIT_CELLS])
def test_unit_like_reads_names_as_written(cell, expected, why):
    assert _unit_like(cell) is expected, why


def _one_cell_a_line(title: str, header: list[str], rows: list[list[str]]) -> str:
    return title + "\n\n" + "\n\n".join(header + [c for r in rows for c in r]) + "\n"


#: (text, row number, paragraphs expected in the task text in order, units expected in the unplaced field, why)
MISFITS = [
    (_one_cell_a_line("某县重点工作任务分解表", ["序号", "工作任务", "牵头单位", "完成时限"],
                      [["1", "推进县城污水管网改造", "县住建局", "2025年底前"],
                       ["2", "县教育局", "健全社区学院、社区学校和社区教学点三级网络,实现社区教育的全覆盖", "2025年底前"],
                       ["3", "完善养老服务体系", "县民政局", "2024年底前"]]),
     2, ["县教育局", "健全社区学院、社区学校和社区教学点三级网络,实现社区教育的全覆盖", "2025年底前"], ["县教育局"],
     "县: the unit written before the work (cells out of order): the sentence stays the task's text, never a unit"),
    (_one_cell_a_line("某市重点任务分工表", ["序号", "重点任务", "责任单位", "完成时间"],
                      [["1", "建设城市交通监测平台", "市交通运输局", "2024年"],
                       ["2", "市卫生健康委、市医保局", "完善分级诊疗制度,推进城区医联体建设", "2025年"],
                       ["3", "推进老旧小区改造", "市住建局", "2024年"]]),
     2, ["市卫生健康委、市医保局", "完善分级诊疗制度,推进城区医联体建设", "2025年"], ["市卫生健康委、市医保局"],
     "市: a unit list in the task's place and a sentence with 城区 in the unit's: every paragraph in the text"),
]


@pytest.mark.parametrize("text,number,paragraphs,units,why", MISFITS, ids=[m[-1][:10] for m in MISFITS])
def test_misfit_row_keeps_every_paragraph(text, number, paragraphs, units, why):
    tasks = parse_document(text, "t")[1]
    row = next(t for t in tasks if t.label.endswith(str(number)) and t.kind == "task" and "表" not in t.text[:1])
    assert row.text == "；".join(paragraphs), why
    assert not (row.lead or row.support or row.sole or row.shared), why
    assert row.fields.get("单位（不能确定属于哪一列）") == "、".join(units), why
    assert any("对不上" in w for w in row.warnings), why
    others = [t for t in tasks if t is not row and t.kind == "task"]
    assert all(t.lead or t.sole for t in others), "the rows that fit keep their roles"
