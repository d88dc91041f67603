"""A task table's unit column headed with a role LABEL that tables.yaml's column words do not list (相关责任部门,
其他责任单位, 协作部门, 协助单位, 督办单位, 实施时间): the header is read with the one reading of role labels kb has
(roles.yaml labels / label_forms, ``RoleVocabulary.label_kind``): a support label supports, a responsible label is a
责任单位 column (after a lead column: the supporting units), a checker's label (督办单位) is a field — never a doer —
and a time label is the deadline column.

Before: tagsblind12 徐汇 (one cell a line, 牵头部门 | 相关责任部门): 相关责任部门 named no column, so the units of every row
had nowhere to go, every row of 14 was a misfit (no roles, warned).  Forms of my own at 区/县/市/省 level, in the three
text forms a table reaches kb (one cell a line with a wrapped header, bars, tabs); expectations written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _tasks(text: str):
    return parse_document(text, "t")[1]


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:14] for t in tasks])
    return hits[0]


def _one_cell_a_line(header: list[str], rows: list[list[str]]) -> str:
    return "某区重点工作任务分解表\n\n" + "\n\n".join(header + [c for r in rows for c in r]) + "\n"


#: 徐汇's layout (区): 项目 and 类别 columns no row fills, 牵头/部门 and 完成/时间 wrapped over two lines.
XUHUI_FORM = _one_cell_a_line(
    ["序号", "项目", "类别", "具 体 内 容", "牵头", "部门", "相关责任部门", "完成", "时间"],
    [["1", "继续全面推进素质教育", "区教育局", "各街道办事处", "2025年"],
     ["2", "加强0- 3岁婴幼儿早期教育", "区教育局", "区卫生健康委等相关部门,各街道办事处", "2025年"],
     ["3", "完成第二中学等新建、扩建项目", "区机管局", "区教育局、区规划资源局、区财政局", "2024年"],
     ["4", "健全社区学院、社区学校和社区教学点三级网络,实现社区教育的全覆盖", "区教育局", "区科委等相关部门", "2025年"]])

#: (text, opening of the row, expected lead, expected support, expected sole, why)
CASES = [
    (XUHUI_FORM, "继续全面推进素质教育", ["区教育局"], ["各街道办事处"], [],
     "区, one cell a line: 相关责任部门 after 牵头部门 is a responsible label qualified (相关) — the supporting units"),
    (XUHUI_FORM, "加强0- 3岁婴幼儿早期教育", ["区教育局"], ["区卫生健康委", "各街道办事处"], [],
     "the 等相关部门 tail is no unit of its own; the comma joins two lists of one cell"),
    (XUHUI_FORM, "完成第二中学等新建、扩建项目", ["区机管局"], ["区教育局", "区规划资源局", "区财政局"], [],
     "a work sentence holding 、 stays the task; its lead is the 牵头 cell"),
    (XUHUI_FORM, "健全社区学院、社区学校和社区教学点三级网络", ["区教育局"], ["区科委"], [],
     "tagsblind12 徐汇 表1-119's shape: the sentence is the task (was: task text `2010年`, sentence among the units)"),
    ("某县重点任务清单\n序号 | 工作内容 | 牵头单位 | 其他责任单位 | 完成时限 |\n"
     "1 | 推进县城污水管网改造 | 县住建局 | 县发改局、县财政局 | 2025年底前 |\n"
     "2 | 完善农村养老服务体系 | 县民政局 | 县卫健局 | 2024年底前 |\n",
     "推进县城污水管网改造", ["县住建局"], ["县发改局", "县财政局"], [],
     "县, bars: 其他责任单位 after 牵头单位 supports"),
    ("某市重点工作分工表\n序号\t重点任务\t主责部门\t协作部门\t时限\n"
     "1\t建设城市交通监测平台\t市交通运输局\t市公安局、市大数据局\t2024年6月底前\n"
     "2\t推进老旧小区改造\t市住建局\t市财政局\t2024年12月底前\n",
     "建设城市交通监测平台", ["市交通运输局"], ["市公安局", "市大数据局"], [],
     "市, tabs: 协作部门 is a support label (roles.yaml label_forms)"),
    ("某省重点任务分工\n序号\t工作任务\t协助单位\t完成时限\n"
     "1\t完善全省社会信用体系\t省市场监管局、省税务局\t2024年底前\n"
     "2\t推进数字政府建设\t省数据局\t2025年底前\n",
     "完善全省社会信用体系", [], ["省市场监管局", "省税务局"], [],
     "省, tabs: a support column alone — support, no lead (none is named)"),
]


@pytest.mark.parametrize("text,opening,lead,support,sole,why", CASES, ids=[c[-1][:24] for c in CASES])
def test_role_label_header(text, opening, lead, support, sole, why):
    task = _row(_tasks(text), opening)
    assert (task.lead, task.support, task.sole) == (lead, support, sole), why
    assert not task.warnings, why


def test_checker_column_is_a_field():
    """督办单位 (a body that checks the work, roles.yaml label_forms field): kept as the row's field, never a role."""
    text = ("某区重点工作任务分解表\n序号\t工作任务\t牵头单位\t督办单位\t完成时限\n"
            "1\t推进背街小巷环境整治\t区城管局\t区政府督查室\t2024年底前\n"
            "2\t完善社区养老服务\t区民政局\t区政府督查室\t2025年底前\n")
    task = _row(_tasks(text), "推进背街小巷环境整治")
    assert task.lead == ["区城管局"] and not task.support and not task.sole and not task.shared
    assert task.fields.get("督办单位") == "区政府督查室"


def test_time_label_is_the_deadline():
    """实施时间 (a time label, roles.yaml label_forms time): the deadline column."""
    text = ("某县年度任务分解表\n序号\t工作任务\t责任单位\t实施时间\n"
            "1\t完成农村公路提质改造50公里\t县交通运输局\t2024年10月底前\n"
            "2\t新建村级综合服务中心3个\t县民政局\t2024年12月底前\n")
    task = _row(_tasks(text), "完成农村公路提质改造")
    assert task.sole == ["县交通运输局"]
    assert [d.text for d in task.deadlines] == ["2024年10月底前"]


def test_unlisted_unit_column_stays_a_field():
    """A column named by no column word and no role label (联系部门): its units are no role — kept as the field."""
    text = ("某市任务分工表\n序号\t工作任务\t牵头单位\t联系部门\t完成时限\n"
            "1\t推进城市更新行动\t市住建局\t市发改委\t2025年底前\n"
            "2\t完善公共文化服务\t市文广旅局\t市财政局\t2024年底前\n")
    task = _row(_tasks(text), "推进城市更新行动")
    assert task.lead == ["市住建局"] and not task.support
    assert task.fields.get("联系部门") == "市发改委"
