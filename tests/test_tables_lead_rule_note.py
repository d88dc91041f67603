"""(ROUTED holdout17 → tables5 (h)) A task table's lead rule written in a note beside it (``注：主要责任单位第一个为牵头
单位``, ``排在第一位的为牵头单位``, under or above the table) or once in the plan (its cover notice) is the table's: a row's
responsible cell listing several units, with no lead column, has its first unit lead and the others support.  Before, a
table read only a rule written in one of its own cells: every unit came out shared, and kb said no unit leads.  The noun
may stand BEFORE 第一个 (主要责任单位第一个为牵头单位: roles.yaml lead_rules.first_is_lead, both word orders).
Expectations written before the code (kb/parser/tables.py ``_table_rows`` / ``TaskTable.lines_after``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

TABLE = ("序号\t重点任务\t主要责任单位\t完成时限\n"
         "1\t推进城市更新行动，改造老旧小区100个。\t{a}\t2024年底前\n"
         "2\t实施新一轮农村公路提升工程。\t{b}\t2024年10月底前\n")

# (text, {opening: (lead, support, shared)}, why)
CASES = [
    ("某市2024年重点任务分工表\n\n" + TABLE.format(a="市住建局、市财政局、各区政府", b="市交通运输局、市农业农村局") +
     "\n注：主要责任单位第一个为牵头单位。\n",
     {"推进城市更新行动": (["市住建局"], ["市财政局", "各区政府"], []),
      "实施新一轮农村公路提升工程": (["市交通运输局"], ["市农业农村局"], [])},
     "市: the note UNDER the table, the noun before 第一个"),
    ("某县2024年重点任务分工表\n说明：表中主要责任单位排在第一位的为牵头单位。\n\n" +
     TABLE.format(a="县住建局、县财政局", b="县交通运输局、各乡镇") + "\n",
     {"推进城市更新行动": (["县住建局"], ["县财政局"], []),
      "实施新一轮农村公路提升工程": (["县交通运输局"], ["各乡镇"], [])},
     "县: the note ABOVE the table (排在第一位的)"),
    ("关于印发某区2024年重点任务分工方案的通知\n各街道，区政府各部门：\n现将分工方案印发给你们，各项任务中列第一位者为牵头单位，"
     "请认真抓好落实。\n某区人民政府\n2024年2月1日\n\n" + TABLE.format(a="区住建局、区财政局", b="区交通运输局、区农业农村局") + "\n",
     {"推进城市更新行动": (["区住建局"], ["区财政局"], []),
      "实施新一轮农村公路提升工程": (["区交通运输局"], ["区农业农村局"], [])},
     "区: the rule stated once in the cover notice before the table"),
    ("某市2024年重点任务分工表\n\n" + TABLE.format(a="市住建局、市财政局", b="市交通运输局") + "\n",
     {"推进城市更新行动": ([], [], ["市住建局", "市财政局"])},
     "control: no rule — no lead is guessed (shared, as before)"),
    ("某市2024年重点任务分工表\n\n" + TABLE.format(a="各区政府、市住建局", b="市交通运输局") + "\n注：主要责任单位第一个为牵头单位。\n",
     {"推进城市更新行动": (["各区政府"], ["市住建局"], [])},
     "a generic group listed first leads too: the note says the first unit leads (s17 labels6, holdout17 ptB)"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_a_lead_rule_beside_the_table(text, expected, why):
    doc, tasks = parse_document(text, "t")
    for opening, (lead, support, shared) in expected.items():
        hits = [t for t in tasks if t.text.startswith(opening)]
        assert len(hits) == 1, (why, opening, [t.text[:12] for t in tasks])
        t = hits[0]
        assert (t.lead, t.support, t.shared) == (lead, support, shared), (why, t.lead, t.support, t.shared, t.sole)


def test_the_noun_before_the_first_one_states_the_rule():
    from kb.parser import roles

    vocab = roles.load_vocabulary()
    for text in ("注：主要责任单位第一个为牵头单位。", "主要责任单位第一位为牵头单位", "责任部门中第一个为牵头部门"):
        assert roles.DocumentRules().read(text, vocab) == "first_is_lead", text
    assert roles.DocumentRules().read("第一个试点单位为示范点", vocab) is None
