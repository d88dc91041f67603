"""An item cut into pieces at its tags (kb.parser.core.rule_split_at_tags: 1.打造…。…（A牵头，B配合）…（C牵头，A配合）) is
ONE item of the plan: its pieces keep their own roles (right for unit lists), but what counts count
(``kb.model.item_key`` / ``kb.select.item_groups``) and what a who / when question about the ITEM (its title, its label)
answers gather every piece — each clause with its own roles, said per clause when they differ.  Before: item-level
questions answered from the first piece only (the second clause's lead shown as 配合, or missing), and section counts
counted pieces as tasks (6 for 4 items).

The plans are written by hand for this test, in three dialects (verb brackets at 省 level, labelled brackets at 市 level,
verb brackets at 县 level in an unnumbered section); the expectations were written before the code.
"""

import pytest

from kb.model import Plan, item_count
from kb.parser import parse_document
from kb.qa import Session
from kb.select import item_groups

# 省, verb brackets, numbered items 1. 2. …; item 1 has two tags, item 3 three.
PROVINCE = """江西省现代物流体系建设行动计划
为加快构建现代物流体系，制定本行动计划。
一、总体要求
到2025年，基本建成现代物流体系。
二、重点任务
（一）完善物流基础设施
1.打造国际物流网络。加快建设国际航空货运枢纽，拓展国际货运航线。（省发展改革委牵头，省商务厅配合）完善中欧班列运营机制，稳定开行线路。（省交通运输厅牵头，省发展改革委、省商务厅配合）
2.建设国家物流枢纽。推进南昌陆港型国家物流枢纽建设。（省发展改革委牵头，省交通运输厅配合）
3.发展多式联运。推进铁水联运、公铁联运发展，2024年底前开通5条铁水联运线路。（省交通运输厅牵头，南昌铁路局配合）推广标准化运载单元。（省交通运输厅、省市场监管局按职责分工负责）提升港口集疏运能力。（省交通运输厅牵头）
4.完善城乡配送网络。建设县乡村三级物流配送体系。（省商务厅牵头，省邮政管理局配合）
（二）培育物流市场主体
1.壮大龙头企业。支持物流企业兼并重组。（省商务厅牵头，省国资委配合）
三、保障措施
加强组织领导，各地要建立工作机制。
"""

# 市, labelled brackets, items by inline heading （一）（二）… in parts; （二） has two tags.
CITY = """某市推动制造业数字化转型实施方案
一、主要任务
（一）建设工业互联网平台。培育5个市级工业互联网平台。（牵头单位：市工业和信息化局；配合单位：市科技局）
（二）推进企业上云用数。实施企业上云行动，2025年底前新增上云企业1000家。（牵头单位：市工业和信息化局；配合单位：市大数据局）建设数字化转型促进中心。（牵头单位：市大数据局；配合单位：市财政局）
（三）强化人才支撑。引进数字化转型人才。（牵头单位：市人力资源社会保障局）
二、保障措施
（一）加强组织领导。建立工作专班。
"""

# 县, verb brackets, unnumbered paragraphs under a section: the first paragraph holds two tags, the second one.
COUNTY = """某县农村人居环境整治提升工作方案
一、重点任务
（一）推进农村厕所革命
扎实推进农村户厕改造，新改建户厕500户。（县农业农村局牵头，县卫生健康局配合）加强农村公厕管护，建立长效机制。（县住房城乡建设局牵头，县农业农村局配合）
开展农村厕所粪污治理。（县生态环境局牵头）
"""


def _plan(text: str, doc_id: str) -> Plan:
    doc, tasks = parse_document(text, doc_id)
    return Plan([doc], tasks)


@pytest.fixture(scope="module")
def plans():
    return {"province": _plan(PROVINCE, "p"), "city": _plan(CITY, "c"), "county": _plan(COUNTY, "x")}


def _tagged(plan: Plan, section: str):
    return [t for t in plan.tasks if t.kind == "task" and t.section == section]


# (plan, section → expected pieces (tasks), expected items → why)
COUNT_ROWS = [
    ("province", "二（一）", 7, 4, "items 1 (2 tags) 2 (1) 3 (3) 4 (1): 7 pieces, 4 items"),
    ("province", "二（二）", 1, 1, "one item, one tag"),
    ("city", "一（二）", 2, 1, "an inline-heading item with two labelled brackets: one item"),
    ("county", "一（一）", 3, 2, "unnumbered paragraphs: the first holds two tags — one item, the second another"),
]


@pytest.mark.parametrize("which, section, pieces, items, why", COUNT_ROWS)
def test_items_not_pieces(plans, which, section, pieces, items, why):
    tagged = _tagged(plans[which], section)
    assert len(tagged) == pieces, why
    assert item_count(tagged) == items, why
    assert len(item_groups(tagged)) == items, why


def test_pieces_keep_their_own_roles(plans):
    """Unit lists stay per clause: 省交通运输厅 leads the second clause of item 1, 省发展改革委 supports it."""
    plan = plans["province"]
    first, second = [t for t in plan.tasks if t.section == "二（一）" and t.kind == "task"][:2]
    assert first.lead == ["省发展改革委"] and second.lead == ["省交通运输厅"]
    assert "省发展改革委" in second.support


#: (plan, question, status, the answer holds, it must not hold, why) — by hand, before the code.
ASK_ROWS = [
    ("province", "打造国际物流网络这项任务的牵头单位是哪些？", "answered", ["省发展改革委", "省交通运输厅", "二（一）1-2"], [],
     "the item by its title: both clauses' leads, each clause with its roles (was: the first clause's lead only)"),
    ("province", "打造国际物流网络由谁负责", "answered", ["省发展改革委", "省交通运输厅", "省商务厅"], [],
     "who, no role asked: every clause's units"),
    ("province", "二（一）1的牵头单位是谁", "answered", ["省发展改革委", "省交通运输厅"], [],
     "the item by its label: every piece (二（一）1 and 二（一）1-2)"),
    ("province", "发展多式联运由谁牵头", "answered", ["省交通运输厅", "省市场监管局"], [],
     "three clauses: two led by 省交通运输厅, one shared (no lead) — said per clause"),
    ("province", "建设国家物流枢纽由谁牵头", "answered", ["省发展改革委"], ["第一句", "第二句"],
     "control: an item of one tag is answered as before, no clause wording"),
    ("province", "谁负责完善中欧班列运营机制", "answered", ["省交通运输厅"], ["加快建设国际航空货运枢纽"],
     "control: a clause asked by its own words is that clause only"),
    ("province", "完善物流基础设施有几项任务", "answered", ["4"], ["共 7 项"],
     "a section count counts items, not pieces"),
    ("province", "重点任务包括哪几个方面", "answered", ["（4 项任务）", "（1 项任务）"], ["（7 项任务）"],
     "the structure answer counts items per section"),
    ("city", "推进企业上云用数由哪个部门牵头", "answered", ["市工业和信息化局", "市大数据局"], [],
     "labelled brackets, inline-heading item: both clauses' leads"),
    ("city", "一（二）的牵头单位是谁", "answered", ["市工业和信息化局", "市大数据局"], [],
     "the same item by its label"),
]


@pytest.mark.parametrize("which, question, status, holds, lacks, why", ASK_ROWS, ids=[r[1] for r in ASK_ROWS])
def test_item_questions_gather_pieces(plans, which, question, status, holds, lacks, why):
    answer = Session(plan=plans[which]).ask(question)
    assert answer.status == status, (why, answer.text)
    for word in holds:
        assert word in answer.text, (why, word, answer.text)
    for word in lacks:
        assert word not in answer.text, (why, word, answer.text)


def test_per_clause_roles_said_apart(plans):
    """Where the clauses' roles differ, the answer says whose is which: never 省交通运输厅 as 配合 of the item."""
    text = Session(plan=plans["province"]).ask("打造国际物流网络这项任务的牵头单位是哪些？").text
    lines = text.splitlines()
    second = next(ln for ln in lines if "二（一）1-2" in ln)
    assert "省交通运输厅" in second and "牵头" in second, text
    first = next(ln for ln in lines if "（二（一）1）" in ln)
    assert "省发展改革委" in first and "省交通运输厅" not in first, text
