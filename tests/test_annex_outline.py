"""An annex with its own outline of two heading levels (``一、`` then ``（一）`` under each: a 考评指标 annex, a 任务清单 by
field) keeps both levels: ``一、`` opens an annex part (``附件·二``), ``（一）`` a section under it (``附件·二（一）``), a
numbered paragraph an item (``附件·二（一）-6``).  Flattened to one level keyed by the number, （一） under 一、 and （一）
under 二、 were ONE section — a real 考评办法 (holdout15 包头) answered "第二部分下的条目共 16 项" where the part holds 15
(confident wrong counts).  An annex with one level (only 一、 or only （一）) keeps its labels (``附件1（一）-2``), as
tests/test_annex.py writes them.

Table-driven, expectations written by hand before the code: (why, annex text, labels, annex outline).  The plans are
written for these rows (a 县 考评 annex numbered straight through, a 区 task list numbered per section, a 省 annex whose
sections are numbered across its parts, a 市 plan with a one-level second annex) — not the document the cause was
found in."""

from __future__ import annotations

import pytest

from kb.model import Plan
from kb.parser.core import parse_document
from kb.qa import Session

HEAD = """某市推进政务服务提质增效行动方案

一、总体要求
到2025年，政务服务事项全部实现网上可办。

二、主要任务
1.推进一网通办。市政务服务办牵头，各区政府配合。
2.推进一件事改革。市政务服务办负责。
"""
BODY = [("一", "一"), ("二1", "二"), ("二2", "二")]

#: A 县 考评指标 annex: three parts with scores, sections under each, items numbered straight through the annex.
COUNTY_ANNEX = """
附件
某县数字乡村建设考评指标

一、乡村数字基础设施（30分）
（一）网络覆盖（15分）
1．实现行政村5G网络全覆盖。（9月底完成，牵头考核单位：县工信局）
2．推进农村光纤宽带提速。（6月底完成，牵头考核单位：县工信局）
3．建设乡村物联网感知节点200个。（12月底完成，牵头考核单位：县农业农村局）
（二）信息终端（15分）
4．推广益农信息社终端。（持续推进，牵头考核单位：县农业农村局）
5．建设村级便民服务自助终端。（10月底完成，牵头考核单位：县政务服务中心）
二、数字治理（40分）
（一）政务服务（20分）
6．推动政务服务事项村级全程网办。（6月底完成，牵头考核单位：县政务服务中心）
7．建设乡镇政务服务一张网。（9月底完成，牵头考核单位：县政务服务中心、县大数据局）
（二）基层治理（20分）
8．建设县域社会治理综合平台。（12月底完成，牵头考核单位：县委政法委）
9．推进雪亮工程向村组延伸。（10月底完成，牵头考核单位：县公安局）
10．完善网格化管理信息系统。（6月底完成，牵头考核单位：县委政法委）
三、数字经济（30分）
（一）农村电商（30分）
11．建设县级电商公共服务中心。（6月底完成，牵头考核单位：县商务局）
12．培育农村电商示范村10个。（12月底完成，牵头考核单位：县商务局）
"""

COUNTY_LABELS = ["附件·一（一）-1", "附件·一（一）-2", "附件·一（一）-3", "附件·一（二）-4", "附件·一（二）-5",
                 "附件·二（一）-6", "附件·二（一）-7", "附件·二（二）-8", "附件·二（二）-9", "附件·二（二）-10",
                 "附件·三（一）-11", "附件·三（一）-12"]

COUNTY_OUTLINE = [("附件·一", "乡村数字基础设施（30分）"), ("附件·一（一）", "网络覆盖（15分）"),
                  ("附件·一（二）", "信息终端（15分）"), ("附件·二", "数字治理（40分）"), ("附件·二（一）", "政务服务（20分）"),
                  ("附件·二（二）", "基层治理（20分）"), ("附件·三", "数字经济（30分）"), ("附件·三（一）", "农村电商（30分）")]

#: A 区 task list annex (附件1) whose items restart at 1 in every section, a part whose items stand right under it (no
#: section), then a one-level 附件2.
DISTRICT_ANNEXES = """
附件1
某区2025年营商环境改革重点任务清单
一、优化政务服务
（一）深化一网通办
1.推行企业开办一日办结。（责任单位：区市场监管局）
2.推行不动产登记一窗受理。（责任单位：区规划资源局）
（二）推进一件事改革
1.推行出生一件事。（责任单位：区卫生健康委）
二、优化监管执法
1.推行非现场监管。（责任单位：区城管执法局）
2.推行包容审慎监管。（责任单位：区市场监管局）
三、优化要素保障
（一）强化用地保障
1.推行标准地出让。（责任单位：区规划资源局）
附件2
重点改革事项
一、企业服务
1.建立企业服务专员制度。
二、群众服务
1.建立一老一小服务清单。
"""

DISTRICT_LABELS = ["附件1·一（一）-1", "附件1·一（一）-2", "附件1·一（二）-1", "附件1·二-1", "附件1·二-2",
                   "附件1·三（一）-1", "附件2（一）-1", "附件2（二）-1"]

#: A 省 indicator annex whose sections are numbered across its parts (（一）（二） under 一、, （三） under 二、).
PROVINCE_ANNEX = """
附件
某省公立医院绩效考核指标
一、医疗质量
（一）功能定位
1.门诊人次数与出院人次数比。
2.日间手术占择期手术比例。
（二）质量安全
3.手术患者并发症发生率。
二、运营效率
（三）资源效率
4.每名执业医师日均住院工作负担。
5.每百张病床药师人数。
"""

PARSE_CASES = [
    # (why, annex text after HEAD, labels of the annex's tasks, the annex's entries in Document.sections)
    ("县 考评 annex, two levels, items numbered straight through: （一） under 一、 and （一） under 二、 are two sections",
     COUNTY_ANNEX, COUNTY_LABELS, COUNTY_OUTLINE),
    ("区 task list, items restarting per section; items right under a part (二、) belong to the part; 附件2 has one level "
     "and keeps its labels",
     DISTRICT_ANNEXES, DISTRICT_LABELS,
     [("附件1·一", "优化政务服务"), ("附件1·一（一）", "深化一网通办"), ("附件1·一（二）", "推进一件事改革"),
      ("附件1·二", "优化监管执法"), ("附件1·三", "优化要素保障"), ("附件1·三（一）", "强化用地保障"),
      ("附件2（一）", "企业服务"), ("附件2（二）", "群众服务")]),
    ("省 annex numbering its sections across parts: still nested (（三） is under 二、)",
     PROVINCE_ANNEX, ["附件·一（一）-1", "附件·一（一）-2", "附件·一（二）-3", "附件·二（三）-4", "附件·二（三）-5"],
     [("附件·一", "医疗质量"), ("附件·一（一）", "功能定位"), ("附件·一（二）", "质量安全"), ("附件·二", "运营效率"),
      ("附件·二（三）", "资源效率")]),
    ("control: one level of 一、 headings keeps 附件（一）-1 (tests/test_annex.py)",
     "\n附件\n示范场景清单\n一、企业服务\n1.推行企业开办一日办结。\n二、群众服务\n1.推行出生一件事。\n",
     ["附件（一）-1", "附件（二）-1"], [("附件（一）", "企业服务"), ("附件（二）", "群众服务")]),
    ("control: one level of （一） headings keeps 附件1（一）-1",
     "\n附件1\n重点项目\n（一）基础设施\n1.新建公厕20座。\n（二）公共服务\n1.建设便民服务站3个。\n",
     ["附件1（一）-1", "附件1（二）-1"], [("附件1（一）", "基础设施"), ("附件1（二）", "公共服务")]),
]


def _annex_sections(doc) -> list[tuple[str, str]]:
    cites = tuple(c for c, _ in doc.annexes)
    return [s for s in doc.sections if s[0].startswith(cites)]


@pytest.mark.parametrize("why,tail,labels,outline", PARSE_CASES, ids=[c[0][:40] for c in PARSE_CASES])
def test_annex_keeps_its_own_outline(why, tail, labels, outline):
    doc, tasks = parse_document(HEAD + tail, "p")
    got = [t.label for t in tasks]
    assert got[: len(BODY)] == [b[0] for b in BODY], why
    assert got[len(BODY):] == labels, why
    assert doc.parts == [("一", "总体要求"), ("二", "主要任务")], why
    assert _annex_sections(doc) == outline, why
    assert len({t.id for t in tasks}) == len(tasks), "ids stay distinct"


def test_nested_section_task_fields():
    """A task under 附件·二（二）: part = the annex's cite (what every annex lookup keys on), section = the nested label,
    section_title its own heading, section_path the annex and the section under its part (二（二）)."""
    doc, tasks = parse_document(HEAD + COUNTY_ANNEX, "p")
    t = next(t for t in tasks if t.label == "附件·二（二）-9")
    assert (t.part, t.part_title, t.section, t.section_title) == ("附件", "某县数字乡村建设考评指标", "附件·二（二）",
                                                                  "基层治理（20分）")
    assert t.lead == ["县公安局"]
    assert t.section_path == ["附件、某县数字乡村建设考评指标", "二（二）基层治理（20分）"]


def test_attachments_line_and_caption_of_one_annex_are_one_annex():
    """``附件：`` + the title after the body's last paragraph, then the ``附件`` caption + the title again (the shape of
    a 考评办法 as published): ONE annex — listed twice it was counted twice (附件…（12 条）、附件…（12 条）)."""
    tail = "\n附件：\n某县数字乡村建设考评指标\n" + COUNTY_ANNEX
    doc, tasks = parse_document(HEAD + tail, "p")
    assert doc.annexes == [("附件", "某县数字乡村建设考评指标")]
    assert [t.label for t in tasks][len(BODY):] == COUNTY_LABELS


def _session(text: str) -> Session:
    doc, tasks = parse_document(text, "p")
    return Session(plan=Plan([doc], tasks), strict=True)


COUNTY_PLAN = """某县2024年数字乡村建设考评办法

一、考评对象
各乡镇人民政府，县直有关部门。

二、考评内容
《某县数字乡村发展行动计划》确定的重点任务。

三、考评方式
（一）考评实行百分制，每半年考评一次。
（二）各牵头考核单位对照考评指标打分，报县数字乡村专班汇总。

四、结果运用
考评结果纳入年度目标责任考核。
""" + COUNTY_ANNEX

PART2 = COUNTY_LABELS[5:10]

# (question, labels of the answer's items in order, words in the answer, words NOT in it, why) — written by hand
COUNTY_ASKED = [
    ("数字治理有几项指标", PART2, ["共 5 项", "数字治理（40分）"], ["共 10 项", "附件·一"],
     "an annex part by its title: its two sections' items, none of another part's （一）/（二）"),
    ("数字治理部分有哪些指标", PART2, ["数字治理"], [], "same, as a list"),
    ("基层治理有哪些指标", COUNTY_LABELS[7:10], ["共 3 项"], [], "a nested section by its title: its 3 items only"),
    ("网络覆盖有几项", COUNTY_LABELS[0:3], ["共 3 项"], [], "（一） of 一、 alone, not 二（一） and 三（一） too"),
    ("附件第二部分有几项", PART2, ["共 5 项", "数字治理"], ["考评内容"],
     "附件 + 第二部分: the annex's part 二, never the body's 二、考评内容"),
    ("第二部分有几项", ["二"], ["考评内容"], ["数字治理"], "control: no 附件 named, the body's part 二"),
    ("附件二（一）有几项", COUNTY_LABELS[5:7], ["共 2 项"], [], "part 二's （一） as typed, without the dot"),
    ("附件·二（二）-9由谁牵头考核", ["附件·二（二）-9"], ["县公安局"], [], "a nested label typed back"),
    ("《某县数字乡村建设考评指标》里有哪些指标", COUNTY_LABELS, ["共 12 项"], [], "the annex by its whole title"),
    ("县委政法委牵头考核哪些指标", ["附件·二（二）-8", "附件·二（二）-10"], ["共 2 项"], [], "control: roles as before"),
]


@pytest.mark.parametrize("question,labels,words,absent,why", COUNTY_ASKED, ids=[r[0] for r in COUNTY_ASKED])
def test_questions_over_an_annex_outline(question, labels, words, absent, why):
    a = _session(COUNTY_PLAN).ask(question)
    assert [t.label for t in a.tasks] == labels, (a.text, why)
    for w in words:
        assert w in a.text, (w, a.text, why)
    for w in absent:
        assert w not in a.text, (w, a.text, why)


# A number that names several places of the annex (（一） stands under 一、, 二、 and 三、) is said, never merged.
AMBIGUOUS = [
    ("附件（一）有几项", ["附件·一（一）", "附件·二（一）", "附件·三（一）"], "（一） under three parts"),
    ("附件中（二）包括哪些", ["附件·一（二）", "附件·二（二）"], "（二） under two parts"),
]


@pytest.mark.parametrize("question,places,why", AMBIGUOUS, ids=[r[0] for r in AMBIGUOUS])
def test_an_ambiguous_annex_number_is_said(question, places, why):
    a = _session(COUNTY_PLAN).ask(question)
    assert a.status != "answered" or not a.tasks, (a.text, why)
    for p in places:
        assert p in a.text, (p, a.text, why)
    assert "共 0 项" not in a.text and "没有涉及" not in a.text, (a.text, why)


def test_parts_answer_counts_the_annex_once():
    a = _session(COUNTY_PLAN.replace("\n附件\n", "\n附件：\n某县数字乡村建设考评指标\n\n附件\n", 1)).ask("方案分为哪几个部分")
    assert "分为 4 个部分" in a.text, a.text
    assert a.text.count("（12 条）") == 1, a.text


# An annex asked by its title or cite as a whole (review-qadiff R2, brief item 3): its items, or what kb holds — never
# "方案没有写“目标任务”的部分" when an annex of that title is there, never a topic "附件说" that no item holds (共 0 项).
R2_PLAN = """某区2025年民生实事项目推进工作方案

一、总体要求
坚持以人民为中心，办好群众身边的民生实事。

二、保障措施
（一）加强组织领导。各责任单位要明确分管领导。
（二）强化督查考核。区政府督查室按季度通报进展。

附件：某区2025年民生实事目标任务分解表

某区人民政府办公室
2025年2月20日

附件
某区2025年民生实事目标任务分解表
1.新建社区食堂10个。（责任单位：区民政局；完成时限：10月底前）
2.改造老旧小区20个。（责任单位：区住房城乡建设局；完成时限：12月底前）
3.新增公办幼儿园学位800个。（责任单位：区教育局；完成时限：9月底前）
"""

R2_LABELS = ["附件-1", "附件-2", "附件-3"]

# (plan, question, labels of the answer's items, words in it, words not in it, why)
TITLE_ASKED = [
    (R2_PLAN, "某区2025年民生实事目标任务分解表一共多少项", R2_LABELS, ["共 3 项"], ["方案没有写", "2025年内"],
     "the whole title with its year: the annex (the year is a word of the title, no date filter; 目标任务 no missing part)"),
    (R2_PLAN, "附件说了什么", R2_LABELS, ["某区2025年民生实事目标任务分解表"], ["共 0 项"], "附件 + a content ask"),
    (COUNTY_PLAN, "附件的主要内容是什么", COUNTY_LABELS, ["共 12 项"], [], "附件 + 主要内容"),
    (COUNTY_PLAN, "《某县数字乡村建设考评指标》讲了什么", COUNTY_LABELS, ["共 12 项"], [], "the title in 《》 + 讲了什么"),
    (COUNTY_PLAN, "考评指标有几项", COUNTY_LABELS, ["共 12 项"], ["量化目标"],
     "a tail of the title holding a list word (考评指标: 指标 in shapes.yaml list_tails) names the annex (was: the plan's "
     "2 numeric targets)"),
    (HEAD + DISTRICT_ANNEXES, "附件2说了什么", ["附件2（一）-1", "附件2（二）-1"], ["重点改革事项"], ["附件1"],
     "the second annex by its cite"),
    (HEAD + DISTRICT_ANNEXES, "附件1第二部分有哪些", ["附件1·二-1", "附件1·二-2"], ["优化监管执法"], ["主要任务"],
     "附件1's own part 二 (its items stand right under it), never the body's 二、主要任务"),
]


@pytest.mark.parametrize("plan,question,labels,words,absent,why", TITLE_ASKED, ids=[r[1] for r in TITLE_ASKED])
def test_an_annex_asked_by_its_title_or_cite(plan, question, labels, words, absent, why):
    a = _session(plan).ask(question)
    assert [t.label for t in a.tasks] == labels, (a.text, why)
    for w in words:
        assert w in a.text, (w, a.text, why)
    for w in absent:
        assert w not in a.text, (w, a.text, why)


def test_a_table_annex_named_by_its_title_is_no_missing_part():
    """Fixture 63 (大竹 2016): the annex 2016年民生实事目标任务分解表 is a table kb reads as rows of a document of no parts;
    asked by its title, the answer may quote the plan, never "方案没有写“目标任务”的部分" (review-qadiff R2)."""
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures/plans/63_dazhu_minshengshishi_2016.txt").read_text(encoding="utf-8")
    a = _session(text).ask("2016年民生实事目标任务分解表一共多少项？")
    assert "方案没有写" not in a.text, a.text
    control = _session(R2_PLAN).ask("这个方案的保障措施有哪些")
    assert "加强组织领导" in control.text, control.text


def test_follow_ups_name_the_annex_part():
    """这些指标属于哪个部分 after a list of annex items names the annex's own part over their section (holdout15 c3b: the
    part 六、筑牢安全防护体系 was missing), and 其中哪些属于 + an annex part's title keeps the items under it."""
    s = _session(COUNTY_PLAN)
    first = s.ask("县政务服务中心牵头考核哪些指标")
    assert [t.label for t in first.tasks] == ["附件·一（二）-5", "附件·二（一）-6", "附件·二（一）-7"], first.text
    where = s.ask("这些指标属于哪个部分")
    assert "附件·二、数字治理（40分）" in where.text and "附件·一、乡村数字基础设施（30分）" in where.text, where.text
    within = s.ask("其中哪些属于数字治理")
    assert [t.label for t in within.tasks] == ["附件·二（一）-6", "附件·二（一）-7"], within.text


# The outline of an annex asked with a structure word: its parts (each with its sections and items counted) or one
# part's sections — never its items listed, never the body's parts.  (question, words in order, words not in it, why)
OUTLINE_ASKED = [
    ("附件分为哪几个部分", ["分为 3 个部分（共 12 项）", "附件·一、乡村数字基础设施（30分）（2 个方面，5 项）",
                     "附件·二、数字治理（40分）（2 个方面，5 项）", "附件·三、数字经济（30分）（1 个方面，2 项）"],
     ["考评对象", "附件·一（一）-1"], "the annex's three parts, hand-counted 5 + 5 + 2"),
    ("《某县数字乡村建设考评指标》分为哪几个部分", ["分为 3 个部分"], ["考评对象"], "the annex by its title"),
    ("考评指标分为哪几个部分", ["分为 3 个部分"], ["考评对象", "量化目标"], "the annex by a tail of its title"),
    ("考评指标分几大项？各多少分？", ["分为 3 个部分", "数字治理（40分）"], ["考评对象"], "分几大项 asks the outline"),
    ("数字治理包括哪几个方面", ["包括 2 个方面（共 5 项）", "附件·二（一）政务服务（20分）（2 项）",
                       "附件·二（二）基层治理（20分）（3 项）"], ["网络覆盖"], "an annex part by its title: its sections"),
    ("附件的第二部分包括哪几个方面", ["包括 2 个方面（共 5 项）"], ["考评内容"], "an annex part by its number"),
    ("方案分为哪几个部分", ["分为 4 个部分", "四、结果运用", "附件“某县数字乡村建设考评指标”（12 条）"], ["数字治理"],
     "control: the body's parts, the annex said apart"),
    ("考评方式包括哪几个方面", ["“三、考评方式”包括 2 个方面"], ["附件"], "control: a body part's sections"),
]


@pytest.mark.parametrize("question,words,absent,why", OUTLINE_ASKED, ids=[r[0] for r in OUTLINE_ASKED])
def test_the_outline_of_an_annex(question, words, absent, why):
    a = _session(COUNTY_PLAN).ask(question)
    at = 0
    for w in words:
        assert w in a.text[at:], (w, a.text, why)
        at = a.text.index(w, at)
    for w in absent:
        assert w not in a.text, (w, a.text, why)


def test_an_annex_of_one_level_is_listed_with_its_sections():
    """附件2 of the district plan has one level (一、 headings only): 附件2包括哪几个方面 names its two headings."""
    a = _session(HEAD + DISTRICT_ANNEXES).ask("附件2包括哪几个方面")
    assert "包括 2 个方面" in a.text and "附件2（一）企业服务（1 项）" in a.text and "附件2（二）群众服务（1 项）" in a.text, a.text


# A heading's score asked (考评指标 headings close with their score, （40分）): the score its title states — never its
# items counted (holdout15 bt09 answered 占多少分 with "下的条目共 16 项"), never a heading whose title is only a word of
# what the question names, never a score someone got.  (plan, question, words in the answer, words not in it, why)
SCORE_ASKED = [
    (COUNTY_PLAN, "数字治理占多少分", ["数字治理（40分）", "40分"], ["共 5 项"], "an annex part by its title"),
    (COUNTY_PLAN, "基层治理几分", ["基层治理（20分）", "20分"], [], "a nested section, 几分"),
    (COUNTY_PLAN, "网络覆盖的分值是多少", ["15分"], [], "分值是多少"),
    (COUNTY_PLAN, "数字治理部分一共多少分", ["40分"], [], "部分 and 一共 around the title"),
    (COUNTY_PLAN, "一体化政务服务平台建设占几分", [], ["政务服务（20分）", "20分"],
     "a heading (政务服务) that is only a word of what is named is not asked: no score of another heading"),
    (COUNTY_PLAN, "数字治理得了多少分", [], ["的分值为"], "a score someone got is an outcome, never the heading's"),
]


@pytest.mark.parametrize("plan,question,words,absent,why", SCORE_ASKED, ids=[r[1] for r in SCORE_ASKED])
def test_a_heading_score(plan, question, words, absent, why):
    a = _session(plan).ask(question)
    for w in words:
        assert w in a.text, (w, a.text, why)
    for w in absent:
        assert w not in a.text, (w, a.text, why)
