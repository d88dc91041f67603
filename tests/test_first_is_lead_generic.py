"""(labels6, s17 cause 2) A plan's first-is-lead rule makes the FIRST listed unit lead whatever it is — a generic group
too (相关乡镇人民政府, 各街道, 各区人民政府): the plan's own words (注：主要责任单位第一个为牵头单位，其余为主要配合单位) are
the proof.  Before, a generic group listed first "led by no position": the row read 共同负责 and kb said no unit of it
leads — against the legend (holdout17 ptB rows 13/16/18/42: 相关乡镇人民政府 first).

The one exception is a rule SCOPED to a class of units (``县直部门中列在首位的为牵头部门``: among the county's own
departments): a group outside that class (各乡镇人民政府) is not what it ranks, so it leads by no position (unchanged).
The same decision for a table's rows (a legend beside it, a cell's own rule) and for a tag's bare list (A2).
Rows: (plan, {opening: (lead, support, shared)}, why) — written before the code (kb/parser/roles.py
``rule_ranks_any_unit``, tables.py ``_row_tag``, roles.py ``_assign``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

TABLE = ("序号\t重点任务\t主要责任单位\t完成时限\n"
         "1\t开展畜禽养殖场关闭拆除工作。\t{a}\t2016年6月\n"
         "2\t实施城乡生活污水处置工程。\t{b}\t2016年10月\n")

CASES = [
    ("某区2016年生态环保工作要点\n\n" + TABLE.format(a="相关乡镇人民政府、区环土局、区农发局", b="区交建局、相关乡镇人民政府") +
     "\n注：主要责任单位第一个为牵头单位，其余为主要配合单位。\n",
     {"开展畜禽养殖场关闭拆除工作": (["相关乡镇人民政府"], ["区环土局", "区农发局"], []),
      "实施城乡生活污水处置工程": (["区交建局"], ["相关乡镇人民政府"], [])},
     "区, legend under the table (noun before 第一个): the generic group listed first leads, as the legend says"),
    ("某县2017年农村环境整治重点任务分工表\n说明：表中排在第一位的单位为牵头单位。\n\n" +
     TABLE.format(a="各乡镇人民政府、县农业农村局", b="县住建局、各乡镇人民政府") + "\n",
     {"开展畜禽养殖场关闭拆除工作": (["各乡镇人民政府"], ["县农业农村局"], []),
      "实施城乡生活污水处置工程": (["县住建局"], ["各乡镇人民政府"], [])},
     "县, legend above the table (排在第一位的…为牵头单位): 各乡镇人民政府 first leads"),
    ("某市2018年重点任务分工表\n\n" + TABLE.format(a="各区人民政府、市住建局", b="市生态环境局") +
     "\n注：牵头单位为列第一位的单位，其余为配合单位。\n",
     {"开展畜禽养殖场关闭拆除工作": (["各区人民政府"], ["市住建局"], [])},
     "市, the other word order (牵头单位为列第一位的单位): the rule, and the generic first leads"),
    ("某县2024年社会救助分工方案\n\n序号\t重点任务\t负责单位\t完成时限\n"
     "1\t开展畜禽养殖场关闭拆除工作。\t各乡镇人民政府、县民政局、县财政局（县直部门中列在首位的为牵头部门）\t2024年底前\n",
     {"开展畜禽养殖场关闭拆除工作": ([], [], ["各乡镇人民政府", "县民政局", "县财政局"])},
     "scoped rule (县直部门中…): the towns are no county department it ranks — no lead by position (unchanged)"),
    ("某区2016年生态环保工作要点\n\n" + TABLE.format(a="相关乡镇人民政府、区环土局", b="区交建局") + "\n",
     {"开展畜禽养殖场关闭拆除工作": ([], [], ["相关乡镇人民政府", "区环土局"])},
     "control: no rule anywhere — no lead is guessed (shared)"),
    ("某省2019年农村人居环境整治实施方案\n\n一、重点任务\n"
     "（一）推进农村厕所革命。（各市人民政府、省农业农村厅、省卫生健康委负责。列第一位者为牵头单位，下同）\n"
     "（二）推进生活垃圾治理。（省住房城乡建设厅、各市人民政府负责）\n",
     {"（一）推进农村厕所革命": (["各市人民政府"], ["省农业农村厅", "省卫生健康委"], []),
      "（二）推进生活垃圾治理": (["省住房城乡建设厅"], ["各市人民政府"], [])},
     "省, a tag's bare list (A2) under 列第一位者为牵头单位: the generic first leads there too — one decision"),
    ("某市2019年城市管理实施方案\n\n一、重点任务\n"
     "（一）推进背街小巷整治。（各区政府、市城管委负责）\n",
     {"（一）推进背街小巷整治": ([], [], ["各区政府", "市城管委"])},
     "control, a tag with no rule: shared as before"),
]


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:12] for t in tasks])
    return hits[0]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_the_rule_makes_the_first_unit_lead_whatever_it_is(text, expected, why):
    _, tasks = parse_document(text, "t")
    for opening, (lead, support, shared) in expected.items():
        t = _row(tasks, opening)
        assert (t.lead, t.support, t.shared) == (lead, support, shared), (why, t.lead, t.support, t.shared, t.sole)


@pytest.mark.parametrize(("text", "ranks_any"), [
    ("注：主要责任单位第一个为牵头单位，其余为主要配合单位。", True),
    ("列第一位者为牵头单位，下同", True),
    ("排在第一位的部门为牵头部门", True),
    ("责任部门中第一个为牵头部门", True),  # (the column's own noun: the whole list)
    ("县直部门中列在首位的为牵头部门，有关部门按职责分工负责，下同", False),
    ("县政府部门中列在首位的为牵头部门", False),
    ("市级部门中排在第一位的为牵头部门", False),
])
def test_which_rules_rank_any_unit(text, ranks_any):
    from kb.parser import roles

    assert roles.rule_ranks_any_unit(text) is ranks_any, text
