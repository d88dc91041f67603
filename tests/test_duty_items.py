"""One-sentence items of a duty list (成员单位工作职责, 职责分工) are items, never empty section headings.

A plan writes ``（四）市水务局：负责城市供水…。`` or ``（九）供电公司负责…。`` — one unit's duties in one sentence after a
section marker.  structure.is_section_heading took the second for a heading with no body (and, outside a duty part,
the first too): the duties were lost and 供电公司负责什么 found nothing.  ``structure.duty_item`` says them apart;
heading-like short titles stay headings.  And a heading that names a group (``（一）各成员单位职责``) over
``市水务局：负责…`` lines gave every line to 各成员单位: a group names no doer, each line names its own.

Lines of real plans: 某市城市供水事故应急预案 (2.5 各成员单位职责: 市供电公司：…, 市消防支队：…, 市公安局：…), 某县自然
灾害应急预案 2023 (县民政局：…, 乡村振兴服务中心：…, 县减灾委其他成员单位按照职责…，协助做好有关工作。), 某县防汛抗旱
应急预案 2022 (县自然资源局：…) — their words, under the section markers this shape writes."""

import pytest

from kb.parser import parse_document
from kb.parser.structure import is_section_heading

HEADINGS = [
    ("（四）市水务局：负责城市供水保障，指导供水企业做好应急供水。", False, "a unit, its colon and a duty sentence: an item"),
    ("（十二）市供电公司：负责保障事故地区和供水系统电力供应。", False, "a company is a unit (real line)"),
    ("（九）供电公司负责电力供应保障和抢修。", False, "a whole sentence: a unit and a role word"),
    ("（八）各县区人民政府负责本辖区保障工作。", False, "a group of governments is units too"),
    ("（六）市公安局要负责维护现场治安秩序。", False, "a modal before the role word"),
    ("（十）县减灾委其他成员单位协助做好有关工作。", False, "the role word later in the predicate (real line, shortened)"),
    ("（四）加强组织领导", True, "a short title: a heading"),
    ("（二）强化责任落实。", True, "a title with a full stop names no unit: a heading"),
    ("（一）各地要加强组织领导。", True, "no role word, 各地 ends like no unit: a heading"),
    ("（二）市发展改革委牵头的任务。", True, "F: the work named after 的 — a heading over the unit's tasks"),
    ("（三）市财政局：", True, "nothing after the colon: G's head over the unit's duties below"),
    ("（一）指导思想：以人民为中心。", True, "the words before the colon name no unit"),
    ("（一）市发展改革委加强统筹协调。", True, "a unit but no role word: kept a heading (its paragraphs may follow)"),
]


@pytest.mark.parametrize(("line", "heading", "why"), HEADINGS, ids=[h[0][:16] for h in HEADINGS])
def test_section_heading_or_duty_item(line, heading, why):
    assert is_section_heading(line) is heading, why


DUTY_PLAN = """某市城市供水事故应急预案
一、总则
为做好城市供水事故应急工作，制定本预案。
二、成员单位工作职责
（一）市水务局：根据突发事件处置需要，及时组织各类专家、技术人员投入应急抢修。负责事发时应急水源供给保障协调。
（二）市公安局：负责应急区域治安维护和交通管制，维护社会治安，确保群众疏散和各项强制隔离措施的落实。
（三）市供电公司负责保障事故地区和供水系统电力供应。
（四）市消防支队负责应急供水车辆对指定位置的送水。
（五）县自然资源局：负责因暴雨、洪水引发地质灾害的调查、监测、防治、预警预报及其他相关工作。
三、保障措施
（一）加强组织领导
各成员单位要高度重视。
"""


def test_duty_part_one_sentence_items():
    _, tasks = parse_document(DUTY_PLAN, "t")
    duties = {t.label: t.departments() for t in tasks if t.part == "二"}
    assert duties == {"二（一）": ["市水务局"], "二（二）": ["市公安局"], "二（三）": ["市供电公司"],
                      "二（四）": ["市消防支队"], "二（五）": ["县自然资源局"]}
    assert next(t for t in tasks if t.label == "二（三）").text == "（三）市供电公司负责保障事故地区和供水系统电力供应。"
    # the short title over its paragraph stays a heading
    assert [(t.label, t.section_title) for t in tasks if t.part == "三"] == [("三（一）", "加强组织领导")]


GROUP_PLAN = """某县自然灾害应急预案
一、组织体系及职责
（一）各成员单位职责
县民政局：支持引导社会力量参与抢险救灾、救灾捐赠等工作；督促指导乡（镇、街道）及时将符合条件的受灾人员纳入临时救助或最低生活保障范围。
乡村振兴服务中心：负责统计报告因灾致贫、因灾返贫情况，评估自然灾害对扶贫工作产生的影响。
市供电公司：负责保障事故地区和供水系统电力供应。
二、保障措施
（一）加强组织领导
各部门要高度重视。
"""


def test_group_heading_names_no_doer():
    _, tasks = parse_document(GROUP_PLAN, "t")
    assert [(t.label, t.sole) for t in tasks if t.part == "一"] == [
        ("一（一）1", ["县民政局"]), ("一（一）2", ["乡村振兴服务中心"]), ("一（一）3", ["市供电公司"])]


def test_unit_named_in_its_own_section_heading_still_heads():
    """（三）市财政局的职责 names its doer: the paragraphs under it are the unit's (as before)."""
    _, tasks = parse_document("某市方案\n一、职责\n（三）市财政局的职责\n落实资金保障。\n", "t")
    assert [(t.label, t.sole) for t in tasks] == [("一（三）", ["市财政局"])]


def test_one_line_duty_has_no_unit_title():
    """G's one-line duty (（四）区水务局：按照…) names its doer first: the unit is no title of the task — an answer named
    the task 三（四） 区水务局 and said nothing of its duties (奉贤 2021: 21 such lines; 46 tasks of 3 fixture plans)."""
    _, tasks = parse_document(open("tests/fixtures/plans/32_fengxian_gongyuanchengshi_2021.txt", encoding="utf-8").read(), "t")
    t = next(t for t in tasks if t.label == "三（四）")
    assert (t.title, t.sole, t.section_title) == (None, ["区水务局"], "区水务局")
    assert t.text.startswith("(四)区水务局：按照水务规划要求")
    from kb.qa.text import task_head
    assert task_head(t).startswith("(四)区水务局：按照水务规划要求")
