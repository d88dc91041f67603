"""A time limit written in a heading is the deadline of the items under it that state none of their own.

holdout13 (session 12, cause 1): ``（二）建设及试运行阶段（2025年年底前）`` alone over its paragraph, ``二、近期任务（2024—2025年）``,
``第一阶段：2024年底前`` over numbered items, ``（一）2025年重点任务`` — the items under such a heading had no deadline, so kb said
"方案没有规定…完成时限" while the source line it printed showed the date (dk06, dk07, dk08, dk14, mp07), and the year written only
in a heading was not among the plan's words, so "2025年要完成哪些任务" was told the plan does not reach 2025 (dk01, c3a).

The rule (kb/parser/deadlines.py ``heading_limits``, kb/parser/core.py ``rule_heading_deadlines``): a heading's limit is a
time limit standing at the heading's start (``2025年重点任务``), at its end (``第一阶段：2024年底前``, ``…阶段（2025年年底前）``)
or alone in brackets (``第一阶段（2024年1月—3月）：动员部署``); a year inside the heading's words describes them
(``巩固2020年脱贫攻坚成果``) and is no limit.  Headings are parts, sections, and heading lines inside them (a short line
with no sentence end standing alone, ``第一阶段：2024年底前``, up to the next such line).  An item's own limit
wins; the nearest heading wins over the ones above it.  The deadline says the heading it came from (``Deadline.heading``).

Every expectation was written by hand before the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.parser.deadlines import heading_limits

#: (heading as written, the limits it gives the items under it, why)
HEADINGS = [
    ("建设筹备阶段（2024年年底前）", ["2024年年底前"], "a phase with its limit in closing brackets (holdout13 dk)"),
    ("近期任务（2024—2025年）", ["2024—2025年"], "a range in closing brackets"),
    ("第一阶段：2024年底前", ["2024年底前"], "after a colon, at the end"),
    ("2025年重点任务", ["2025年"], "a year opening the heading: the tasks of that year"),
    ("二〇二五年重点工作", ["二〇二五年"], "a year in Chinese numerals"),
    ("2023年全区经济社会发展的主要预期目标", ["2023年"], "a district's targets of the year (蔡甸 2023)"),
    ("远期目标（到2035年）", ["到2035年"], "到 a year, in brackets"),
    ("动员部署阶段（3月底前）", ["3月底前"], "a month without a year: the plan's words, no dates"),
    ("第一阶段（2024年1月—3月）：动员部署", ["2024年1月—3月"], "a bracket holding only the limit, mid-heading"),
    ("2024—2025年：全面推进", ["2024—2025年"], "a range opening the heading"),
    ("组织实施阶段（2023年7月-2024年10月）", ["2023年7月-2024年10月"], "ASCII hyphen range (holdout12 cm)"),
    ("巩固2020年脱贫攻坚成果", [], "a year inside the heading's words describes them: no limit"),
    ("开展“2024年质量提升年”活动", [], "a year inside a quoted name"),
    ("贯彻落实2023年中央经济工作会议精神", [], "a year naming a meeting"),
    ("健全低空飞行服务管理体系", [], "no date at all"),
    ("加快推进2025年底前完成的项目建设", [], "a limit inside the words, neither start nor end nor bracketed"),
]


@pytest.mark.parametrize("heading,expected,why", HEADINGS, ids=[h[2] for h in HEADINGS])
def test_heading_limits(heading, expected, why):
    assert [d.text for d in heading_limits(heading)] == expected, why


def _plan(text: str, doc_id: str) -> Plan:
    doc, tasks = parse_document(text, doc_id, f"{doc_id}.txt")
    return Plan([doc], tasks)


#: 市 level, bracket tags: a part's range, a section's year below it, an item's own limit.
CITY = "\n".join([
    "某市推进城市更新行动实施方案", "",
    "一、总体目标", "",
    "到2027年，全市城市更新体系基本建立。", "",
    "二、近期任务（2024—2025年）", "",
    "（一）2025年重点任务", "",
    "1.推进老旧小区改造，完成改造面积25400㎡。（市住房城乡建设局牵头，市财政局配合）", "",
    "2.2024年6月底前完成背街小巷整治。（市城管局负责）", "",
    "（二）完善配套设施", "",
    "加快建设社区养老服务设施。（市民政局牵头）", "",
    "三、远期任务（到2030年）", "",
    "全面完成城市更新任务。（市住房城乡建设局牵头）", "",
    "四、保障措施", "",
    "（一）加强组织领导。成立工作专班，统筹推进各项工作。", "",
]) + "\n"

#: 县 level, labelled tags (（责任单位：…）), phase lines standing alone over numbered items.
COUNTY = "\n".join([
    "某县农村人居环境整治实施方案", "",
    "一、工作目标", "",
    "全面提升农村人居环境质量。", "",
    "二、实施步骤", "",
    "第一阶段：2024年底前", "",
    "1.完成全县农村户厕摸底排查。（责任单位：县农业农村局）", "",
    "2.制定改厕工作方案。（责任单位：县农业农村局、县卫生健康局）", "",
    "第二阶段：2025年6月底前", "",
    "3.全面推进改厕工程建设，2025年3月底前完成首批验收。（责任单位：各乡镇人民政府）", "",
    "4.开展长效管护。", "",
    "三、保障措施", "",
    "加强资金保障。", "",
]) + "\n"

#: 区 level, untagged prose: phase sections; a section whose year describes its words.
DISTRICT = "\n".join([
    "某区关于开展燃气安全专项整治的工作方案", "",
    "一、工作安排", "",
    "（一）动员部署阶段（3月底前）", "",
    "制定专项行动方案，召开动员部署会。", "",
    "（二）集中整治阶段（2024年4月—10月）", "",
    "开展集中整治，全面排查安全隐患。", "",
    "（三）巩固2020年脱贫攻坚成果", "",
    "持续开展帮扶工作。", "",
    "二、工作要求", "",
    "各单位要高度重视，确保整治取得实效。", "",
]) + "\n"

#: 省 level, bracket tags: phase sections over numbered items.
PROVINCE = "\n".join([
    "某省数字政府建设三年行动方案", "",
    "一、重点任务", "",
    "（一）试点阶段（2024年底前）", "",
    "1.在3个市开展试点。（省政务服务数据管理局牵头）", "",
    "2.建设省级统一平台。（省政务服务数据管理局负责）", "",
    "（二）推广阶段（2025年1月—2026年6月）", "",
    "1.全面推广试点经验。（各市人民政府负责）", "",
    "2.2026年3月底前完成平台迁移。（省政务服务数据管理局负责）", "",
    "二、保障措施", "",
    "落实资金保障。（省财政厅负责）", "",
]) + "\n"

DK = Path(__file__).parent / "fixtures" / "holdout13" / "dk_dikong_hujiaokong2024-870.txt"

#: plan → [(the paragraph's first characters, [(deadline text, kind, end, heading it came from or "")]), …], why.
#: Every paragraph of each plan is listed, in order.
PLANS = {
    "city": (CITY, [
        ("到2027年", [("到2027年", "by", "2027-12-31", "")]),
        ("1.推进老旧小区", [("2025年", "during", "2025-12-31", "二（一）2025年重点任务")]),
        ("2.2024年6月底前", [("2024年6月底前", "by", "2024-06-30", "")]),
        ("加快建设社区养老", [("2024—2025年", "range", "2025-12-31", "二、近期任务（2024—2025年）")]),
        ("全面完成城市更新", [("到2030年", "by", "2030-12-31", "三、远期任务（到2030年）")]),
        ("（一）加强组织领导", []),
    ], "the section's year wins over the part's range; an own limit wins over both; a plain part gives none"),
    "county": (COUNTY, [
        ("全面提升", []),
        ("第一阶段：2024年底前", [("2024年底前", "by", "2024-12-31", "")]),
        ("1.完成全县", [("2024年底前", "by", "2024-12-31", "第一阶段：2024年底前")]),
        ("2.制定改厕", [("2024年底前", "by", "2024-12-31", "第一阶段：2024年底前")]),
        ("第二阶段：2025年6月底前", [("2025年6月底前", "by", "2025-06-30", "")]),
        ("3.全面推进改厕", [("2025年3月底前", "by", "2025-03-31", "")]),
        ("4.开展长效管护", [("2025年6月底前", "by", "2025-06-30", "第二阶段：2025年6月底前")]),
        ("加强资金保障", []),
    ], "a phase line reaches the items after it up to the next phase line, not past its part"),
    "district": (DISTRICT, [
        ("制定专项行动方案", [("3月底前", "by", None, "一（一）动员部署阶段（3月底前）")]),
        ("开展集中整治", [("2024年4月—10月", "range", "2024-10-31", "一（二）集中整治阶段（2024年4月—10月）")]),
        ("持续开展帮扶", []),
        ("各单位要高度重视", []),
    ], "an untagged plan's phases; a year describing a heading's words is no limit"),
    "province": (PROVINCE, [
        ("1.在3个市", [("2024年底前", "by", "2024-12-31", "一（一）试点阶段（2024年底前）")]),
        ("2.建设省级", [("2024年底前", "by", "2024-12-31", "一（一）试点阶段（2024年底前）")]),
        ("1.全面推广", [("2025年1月—2026年6月", "range", "2026-06-30", "一（二）推广阶段（2025年1月—2026年6月）")]),
        ("2.2026年3月底前", [("2026年3月底前", "by", "2026-03-31", "")]),
        ("落实资金保障", []),
    ], "a phase section's limit reaches each of its items without one"),
    "dk": (None, [
        ("为贯彻落实", []),
        ("依托城市空中交通", []), ("推进空域基础", []), ("加快建设本市", []), ("按照全市低空", []),
        ("推动开展本市", []), ("推动加快引进", []), ("依托“上海市", []), ("支持相关企业", []),
        ("按照“示范先行", []),
        ("持续推进低空飞行", [("2024年年底前", "by", "2024-12-31", "二（一）建设筹备阶段（2024年年底前）")]),
        ("健全军地民协同", [("2025年年底前", "by", "2025-12-31", "二（二）建设及试运行阶段（2025年年底前）")]),
        ("全面形成全市", [("2027年年底前", "by", "2027-12-31", "二（三）优化提升阶段（2027年年底前）")]),
        ("展望未来", [("2027年年底前", "by", "2027-12-31", "二（三）优化提升阶段（2027年年底前）")]),
        ("本市行业管理部门", []),
    ], "holdout13 dk: each phase's paragraphs are due by the phase's limit (二（三）'s closing 展望未来 stands under it too)"),
}


@pytest.fixture(scope="module")
def parsed():
    out = {}
    for name, (text, _, _) in PLANS.items():
        out[name] = _plan(text if text is not None else DK.read_text(encoding="utf-8"), name)
    return out


@pytest.mark.parametrize("name", list(PLANS))
def test_items_take_their_heading_limit(parsed, name):
    _, expected, why = PLANS[name]
    got = [(t.text[: len(prefix)], [(d.text, d.kind, d.end, d.heading) for d in t.deadlines])
           for t, (prefix, _) in zip(parsed[name].tasks, expected)]
    assert len(parsed[name].tasks) == len(expected), [t.text[:12] for t in parsed[name].tasks]
    assert got == expected, why


def test_a_heading_limit_stands_for_the_whole_item(parsed):
    """A heading's limit is the whole item's (like a tag's): its clause index is past the item's clauses."""
    for plan in parsed.values():
        for t in plan.tasks:
            for d in t.deadlines:
                if d.heading:
                    assert d.clause == len(t.clauses), (t.label, d)


#: plan, target metric start, the year it applies by, why
TARGET_YEARS = [
    ("dk", "划设低空飞行航线", [2025, 2027], "二（二） 150条 by 2025, 二（三） 400条 by 2027: the phases' years"),
    ("city", "完成改造面积", [2025], "25400㎡ is a target; its year is its section's 2025"),
]


@pytest.mark.parametrize("name,metric,years,why", TARGET_YEARS, ids=[r[3][:40] for r in TARGET_YEARS])
def test_targets_take_the_heading_year(parsed, name, metric, years, why):
    got = [tg.year for t in parsed[name].tasks for tg in t.targets if tg.metric.startswith(metric)]
    assert got == years, why


CAIDIAN = Path(__file__).parent / "fixtures" / "plans" / "07_caidian_2023_zeren.txt"


def test_a_year_heading_dates_the_targets_under_it():
    """蔡甸 2023 (a found plan): ``一、2023年全区经济社会发展的主要预期目标`` over （一）地区生产总值增长7%以上 … （三）: each of the
    three is 2023's (during the year), cited from the part; the cover's own limit (2023年1月15日前) stays its own."""
    plan = _plan(CAIDIAN.read_text(encoding="utf-8"), "caidian")
    got = [(t.label, [(d.text, d.kind, d.start, d.end, d.heading) for d in t.deadlines]) for t in plan.tasks if t.part == "一"]
    part = "一、2023年全区经济社会发展的主要预期目标"
    assert got == [(label, [("2023年", "during", "2023-01-01", "2023-12-31", part)]) for label in ("一（一）", "一（二）", "一（三）")]
    assert [(d.text, d.heading) for t in plan.tasks for d in t.deadlines if "1月15日" in d.text] == [("2023年1月15日前", "")]



#: (line, a phase line standing alone?, why) — kb/parser/cleanup.py ``phase_line``: such a line is never joined to the
#: line after it (it was: ``1.试点阶段（2024年底前）`` + ``（1）在3个市开展试点。`` made one paragraph whose limit was its own,
#: and （2） after it got none).
PHASE_LINES = [
    ("第一阶段：2024年底前", True, "a phase word, a colon, a limit"),
    ("1.试点阶段（2024年底前）", True, "numbered, the limit alone in closing brackets"),
    ("2.推广阶段（2025年1月—2026年6月）", True, "a range in brackets"),
    ("部署阶段：3月底前", True, "a month without a year"),
    ("第一阶段：动员部署", False, "no limit: the line may run on"),
    ("各区要在2024年底前", False, "a sentence a PDF wrapped at its date: no phase word, no bracket"),
    ("完成排查（2024年底前），", False, "a comma: a sentence's"),
    ("按照示范先行、以点带面的要求分阶段推进各项工作（2024年底前）", False, "too long for a heading line"),
    ("推进（GDP）核算改革", False, "a bracket holding no limit"),
]


@pytest.mark.parametrize("line,expected,why", PHASE_LINES, ids=[p[2] for p in PHASE_LINES])
def test_phase_lines(line, expected, why):
    from kb.parser.cleanup import phase_line

    assert phase_line(line) is expected, why


#: 市 level, bracket tags: numbered phase lines right above （1）（2） sub-items, and an unnumbered phase line above
#: unnumbered paragraphs (the forms cleanup joined to the first item under them).
GLUED = "\n".join([
    "某市数字政府建设三年行动方案", "",
    "一、重点任务", "",
    "（一）分步推进", "",
    "1.试点阶段（2024年底前）", "",
    "（1）在3个区开展试点。（市大数据局牵头）", "",
    "（2）建设市级统一平台。（市大数据局负责）", "",
    "2.推广阶段（2025年1月—2026年6月）", "",
    "（1）全面推广试点经验。（各区人民政府负责）", "",
    "二、实施步骤", "",
    "第一阶段：2024年底前", "",
    "完成调查摸底，制定工作方案。", "",
    "召开动员部署会议。", "",
]) + "\n"

GLUED_EXPECTED = [
    ("1.试点阶段（2024年底前）", [("2024年底前", "")]),
    ("（1）在3个区开展试点", [("2024年底前", "1.试点阶段（2024年底前）")]),
    ("（2）建设市级统一平台", [("2024年底前", "1.试点阶段（2024年底前）")]),
    ("2.推广阶段（2025年1月—2026年6月）", [("2025年1月—2026年6月", "")]),
    ("（1）全面推广试点经验", [("2025年1月—2026年6月", "2.推广阶段（2025年1月—2026年6月）")]),
    ("第一阶段：2024年底前", [("2024年底前", "")]),
    ("完成调查摸底", [("2024年底前", "第一阶段：2024年底前")]),
    ("召开动员部署会议", [("2024年底前", "第一阶段：2024年底前")]),
]


def test_phase_lines_stand_alone_and_reach_every_item_under_them():
    plan = _plan(GLUED, "glued")
    got = [(t.text[: len(prefix)], [(d.text, d.heading) for d in t.deadlines])
           for t, (prefix, _) in zip(plan.tasks, GLUED_EXPECTED)]
    assert len(plan.tasks) == len(GLUED_EXPECTED), [t.text[:12] for t in plan.tasks]
    assert got == GLUED_EXPECTED
    assert [t.lead + t.sole for t in plan.tasks[1:3]] == [["市大数据局"], ["市大数据局"]]  # (the tags stay the items')


def test_a_heading_start_gives_targets_their_from_year():
    """A heading's start (``（2025年起）``) is the targets' ``from_year`` (said 自2025年起), never ``year`` (by 2025); a
    heading's ``到2026年`` is their year."""
    plan = _plan("\n".join(["某市绿化工作方案", "", "一、重点任务", "",
                            "（一）持续推进阶段（2025年起）", "", "新增绿地面积100公顷。", "",
                            "（二）近期目标（到2026年）", "", "新增绿地面积200公顷。", ""]) + "\n", "green")
    got = [(t.label, [(g.value, g.year, g.from_year) for g in t.targets]) for t in plan.tasks]
    assert got == [("一（一）", [(100.0, None, 2025)]), ("一（二）", [(200.0, 2026, None)])]


#: 县 level, label lines without a full stop (责任单位：…) right above the next phase line: the phase line was glued to
#: the label line (the label lost, the phase's limit given to item 2).
LABELLED = "\n".join([
    "某县农村改厕工作方案", "",
    "一、实施步骤", "",
    "第一阶段：2024年底前", "",
    "1.完成全县农村户厕摸底排查。", "",
    "责任单位：县农业农村局", "",
    "2.制定改厕工作方案。", "",
    "责任单位：县农业农村局、县卫生健康局", "",
    "第二阶段：2025年6月底前", "",
    "3.开展长效管护。", "",
    "责任单位：各乡镇人民政府", "",
]) + "\n"


def test_a_phase_line_after_a_label_line_stands_alone():
    plan = _plan(LABELLED, "labelled")
    got = [(t.text[:8], t.sole + t.shared + t.lead, [(d.text, d.heading) for d in t.deadlines]) for t in plan.tasks]
    assert got == [
        ("第一阶段：202", [], [("2024年底前", "")]),
        ("1.完成全县农村", ["县农业农村局"], [("2024年底前", "第一阶段：2024年底前")]),
        ("2.制定改厕工作", ["县农业农村局", "县卫生健康局"], [("2024年底前", "第一阶段：2024年底前")]),
        ("第二阶段：202", [], [("2025年6月底前", "")]),
        ("3.开展长效管护", ["各乡镇人民政府"], [("2025年6月底前", "第二阶段：2025年6月底前")]),
    ]

