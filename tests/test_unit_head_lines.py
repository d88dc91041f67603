"""A unit's name alone on a line above its numbered items (session 16, labels5; ROUTED (m), tagsblind12 (f)).

``县卫生局`` on a line, then ``1.…`` ``2.…`` ``3.…``, then ``县教育局``, then ``1.…`` ``2.…`` — a 任务分解 written unit by
unit: each unit heads the items under it until the next unit line (the doer of each: one unit sole, several shared,
``role_source="duty"`` as G's duty sections).  The shape must be PROVED before it is read: a paragraph that is only a
unit's name (no sentence, no role word), followed by a run of numbered items whose numbering starts at 1, and at least
two such unit lines in the container, each restarting the numbering (the restart shows the line opens a list of its
own).  The unit line is the items' heading (``Task.heading_tag``), no task of its own.  Else nothing is read (honest:
the items stay without roles).  Items numbered 一、 or （一） under such lines are read by the outline as parts and
sections (short ones as headings) before this rule sees them: structure.py's (notes-labels5), not read here.

Rows: (plan, {item's first words: roles}, why) — written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _read(text: str) -> dict[str, dict[str, list[str]]]:
    _, tasks = parse_document(text, "d")
    return {t.text[:6]: {r: getattr(t, r) for r in ("lead", "support", "sole", "shared") if getattr(t, r)} for t in tasks}


COUNTY = """某县2016年卫生计生工作任务分解

县卫生局
1.深化医药卫生体制改革，全面推进县级公立医院综合改革；
2.加强基层医疗卫生机构建设
3.完善分级诊疗制度，推进家庭医生签约服务。
县教育局
1.推进学前教育发展，新建幼儿园3所；
2.改善农村学校办学条件。
"""

CITY = """某市2020年重点工作任务分解方案

一、重点任务
市发展改革委
1.编制年度重大项目计划。
2.推进重点项目建设，全年完成投资100亿元。
市财政局、市税务局
1.落实减税降费政策。
2.加强预算绩效管理
"""

ONE_LINE = """某县2016年卫生计生工作任务分解

县卫生局
1.深化医药卫生体制改革。
2.加强基层医疗卫生机构建设。
"""

NO_RESTART = """某县2016年卫生计生工作任务分解

县卫生局
1.深化医药卫生体制改革。
2.加强基层医疗卫生机构建设。
县教育局
3.推进学前教育发展。
4.改善农村学校办学条件。
"""

NOT_UNITS = """某县2016年卫生计生工作任务分解

工作目标
1.深化医药卫生体制改革。
2.加强基层医疗卫生机构建设。
主要措施
1.推进学前教育发展。
2.改善农村学校办学条件。
"""

ROWS = [
    (COUNTY, {"1.深化医药": {"sole": ["县卫生局"]}, "2.加强基层": {"sole": ["县卫生局"]}, "3.完善分级": {"sole": ["县卫生局"]},
              "1.推进学前": {"sole": ["县教育局"]}, "2.改善农村": {"sole": ["县教育局"]}},
     "县: each unit line heads the items under it until the next (items ending ； or with no stop alike)"),
    (CITY, {"1.编制年度": {"sole": ["市发展改革委"]}, "2.推进重点": {"sole": ["市发展改革委"]},
            "1.落实减税": {"shared": ["市财政局", "市税务局"]}, "2.加强预算": {"shared": ["市财政局", "市税务局"]}},
     "市, inside a part: two units on a line share their items"),
    (ONE_LINE, {"1.深化医药": {}, "2.加强基层": {}}, "one unit line only: not proved (a plan's opening line?) — honest"),
    (NO_RESTART, {"1.深化医药": {}, "3.推进学前": {}}, "the numbering runs on past the unit line: not proved — honest"),
    (NOT_UNITS, {"1.深化医药": {}, "1.推进学前": {}}, "lines that are no unit's name: nothing"),
]


@pytest.mark.parametrize(("plan", "expected", "why"), ROWS, ids=[r[2][:16] for r in ROWS])
def test_a_unit_line_heads_its_items(plan, expected, why):
    got = _read(plan)
    assert {k: got.get(k) for k in expected} == expected, why


def test_the_unit_line_is_no_task():
    _, tasks = parse_document(COUNTY, "d")
    assert [t.text[:4] for t in tasks] == ["1.深化", "2.加强", "3.完善", "1.推进", "2.改善"]
    assert {t.heading_tag for t in tasks} == {"县卫生局", "县教育局"}


PARTS_FORM = """某县2016年卫生计生工作任务分解

县卫生局
一、深化医药卫生体制改革，全面推进县级公立医院综合改革；
二、加强基层医疗卫生机构建设
三、完善分级诊疗制度，推进家庭医生签约服务，年底前签约率达到30%；
四、做好重大疾病防控工作。
县教育局
一、推进学前教育发展，新建幼儿园3所；
二、改善农村学校办学条件。
三、加强教师队伍建设
"""

PARTS_NOT_PROVED = """某县2016年卫生计生工作方案

一、总体要求
坚持以人民健康为中心。
二、重点任务
县卫生局
一、深化医药卫生体制改革；
二、加强基层医疗卫生机构建设
"""

PARTS_ROWS = [
    (PARTS_FORM, {"一、深化医药": {"sole": ["县卫生局"]}, "二、加强基层": {"sole": ["县卫生局"]},
                  "三、完善分级": {"sole": ["县卫生局"]}, "四、做好重大": {"sole": ["县卫生局"]},
                  "一、推进学前": {"sole": ["县教育局"]}, "二、改善农村": {"sole": ["县教育局"]},
                  "三、加强教师": {"sole": ["县教育局"]}},
     "items numbered 一、 under unit lines: every item a task of its line's unit, short ones too (they were part headings)"),
    (PARTS_NOT_PROVED, {"县卫生局": {}}, "one unit line inside a plan with parts of its own: not proved, outline unchanged (the line stays an item without roles)"),
]


@pytest.mark.parametrize(("plan", "expected", "why"), PARTS_ROWS, ids=[r[2][:16] for r in PARTS_ROWS])
def test_unit_lines_over_top_level_items(plan, expected, why):
    got = _read(plan)
    assert {k: got.get(k) for k in expected} == expected, why


def test_top_level_items_keep_their_text_and_order():
    _, tasks = parse_document(PARTS_FORM, "d")
    assert [t.text[:2] for t in tasks] == ["一、", "二、", "三、", "四、", "一、", "二、", "三、"]
