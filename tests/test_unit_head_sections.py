"""(labels6, s17 cause 3) Items numbered （一）（二）… under a line that is only a unit's name, restarting under each line:

    一、重点任务 / 市发展改革委 / （一）编制…。 / （二）… / 市财政局 / （一）落实…。 / （二）…

The outline read each short （一） item as a SECTION heading (no task: 7 items became 2 paragraphs, the unit lines, with the
items' titles as their sections), before any rule saw them.  Where the shape is PROVED — within one part, from the first
unit line to the part's end, every paragraph a unit line or an item （一）（二）… numbered from （一） under each line, two
lines or more, no （N） item of the part before the first line — the items are paragraphs of the part, numbered as
written, and each unit line heads the items under it (rule_unit_lines: one unit sole, several shared; the line is their
heading_tag, no task of its own).  Anything else is left as it was (no roles guessed).
Rows: (plan, {item's first words: roles} or None when no roles may be given, number of items, why) — written before
the code (kb/parser/core.py ``rule_unit_line_sections``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

CITY = """某市2023年优化营商环境重点任务分工方案

一、重点任务
市发展改革委
（一）编制年度优化营商环境工作要点，报市政府审定后印发实施。
（二）牵头开展营商环境评价，及时通报评价结果。
（三）建立健全营商环境问题线索收集、转办、督办机制。
市财政局
（一）落实各项减税降费政策，确保政策红利直达市场主体。
（二）加快财政资金拨付进度。
市市场监管局
（一）深化商事制度改革，推行经营范围规范化登记。
（二）推进“双随机、一公开”监管全覆盖。
二、保障措施
加强组织领导，各单位要高度重视。
"""

COUNTY = """某县2024年农村人居环境整治工作任务分解

一、工作任务
各单位按照分工抓好落实，确保各项任务按期完成。
县农业农村局
（一）统筹推进农村人居环境整治。制定年度工作计划，组织开展村庄清洁行动，每季度通报进展。
（二）推进农村厕所改造。新改建农村户用卫生厕所500座以上。
县住建局、县生态环境局
（一）推进农村生活污水治理。完成10个行政村生活污水治理任务。
二、工作要求
各乡镇要加强组织领导。
"""

DISTRICT_RUN_ON = """某区2023年重点工作分工

一、重点工作
区发展改革委
（一）编制年度重点项目计划。
（二）推进重大项目建设。
区财政局
（三）落实减税降费政策。
（四）加快资金拨付。
"""

DISTRICT_ONE_LINE = """某区2023年重点工作分工

一、重点工作
区发展改革委
（一）编制年度重点项目计划。
（二）推进重大项目建设。
二、保障措施
加强组织领导。
"""

DISTRICT_ITEM_FIRST = """某区2023年重点工作分工

一、重点工作
（一）强化统筹协调，建立工作专班。
区发展改革委
（一）编制年度重点项目计划。
区财政局
（一）落实减税降费政策。
"""

COLON = CITY.replace("市发展改革委\n", "市发展改革委：\n").replace("市财政局\n", "市财政局：\n").replace("市市场监管局\n", "市市场监管局：\n")
COLON_ITEMS = """某区2024年重点工作任务分解

一、重点工作
区教育局：
1.推进学前教育普及普惠，新增公办幼儿园学位600个。
2.实施义务教育学校新改扩建工程。
区卫生健康委、区医保局：
1.深化紧密型医联体建设。
二、工作要求
各单位要按照分工抓好落实。
"""

ROWS = [
    (CITY, {"（一）编制年度": {"sole": ["市发展改革委"]}, "（二）牵头开展": {"sole": ["市发展改革委"]},
            "（三）建立健全": {"sole": ["市发展改革委"]}, "（一）落实各项": {"sole": ["市财政局"]},
            "（二）加快财政": {"sole": ["市财政局"]}, "（一）深化商事": {"sole": ["市市场监管局"]},
            "（二）推进“双": {"sole": ["市市场监管局"]}}, 7,
     "市: three unit lines over （一）… restarting — every item kept, headed by its line's unit"),
    (COUNTY, {"（一）统筹推进": {"sole": ["县农业农村局"]}, "（二）推进农村": {"sole": ["县农业农村局"]},
              "（一）推进农村": {"shared": ["县住建局", "县生态环境局"]}}, 3,
     "县: an opening paragraph before the first line; items with a heading sentence and a body; two units on a line share"),
    (COLON, {"（一）编制年度": {"sole": ["市发展改革委"]}, "（二）牵头开展": {"sole": ["市发展改革委"]},
             "（三）建立健全": {"sole": ["市发展改革委"]}, "（一）落实各项": {"sole": ["市财政局"]},
             "（二）加快财政": {"sole": ["市财政局"]}, "（一）深化商事": {"sole": ["市市场监管局"]},
             "（二）推进“双": {"sole": ["市市场监管局"]}}, 7,
     "市: the unit lines closing with a colon (市发展改革委：) head their items alike"),
    (DISTRICT_RUN_ON, None, None, "区: the numbering runs on past the second line (（三）) — not proved, no roles guessed"),
    (DISTRICT_ONE_LINE, None, None, "区: one unit line only — not proved, no roles guessed"),
    (DISTRICT_ITEM_FIRST, None, None, "区: a （一） item of the part before the first line — not proved, no roles guessed"),
]


@pytest.mark.parametrize(("text", "expected", "count", "why"), ROWS, ids=[r[3][:30] for r in ROWS])
def test_unit_lines_over_section_numbered_items(text, expected, count, why):
    _, tasks = parse_document(text, "d")
    if expected is None:
        assert not any(t.departments("any") for t in tasks), (why, [(t.text[:8], t.departments("any")) for t in tasks])
        return
    got = {t.text[:7]: {r: getattr(t, r) for r in ("lead", "support", "sole", "shared") if getattr(t, r)}
           for t in tasks if t.text.startswith("（")}
    assert got == expected, why
    items = [t for t in tasks if t.text.startswith("（")]
    assert len(items) == count, why
    assert all(t.role_source == "duty" and t.heading_tag for t in items), why
    # the unit lines are headings, no tasks of their own; the next part is untouched
    assert not any(t.text.rstrip("：") in ("市财政局", "县农业农村局") for t in tasks), why
    assert any(t.part == "二" for t in tasks), why


def test_colon_unit_lines_over_items_numbered_1():
    """区, 1. items under unit lines closing with a colon (rule_unit_lines): each line's units do its items."""
    _, tasks = parse_document(COLON_ITEMS, "d")
    got = [(t.text[:6], t.sole, t.shared) for t in tasks if t.text[:1].isdigit()]
    assert got == [("1.推进学前", ["区教育局"], []), ("2.实施义务", ["区教育局"], []),
                   ("1.深化紧密", [], ["区卫生健康委", "区医保局"])], got
    assert not any(t.text.endswith("：") for t in tasks), [t.text for t in tasks]
