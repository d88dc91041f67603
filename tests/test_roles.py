"""Responsibility tags: table-driven rows (paragraph, expected roles, why), plus registry resolution."""

import pytest

from kb.parser import parse_document
from kb.parser.roles import find_tags, parse_tag_content
from kb.registry import load_registry, resolve_department

REG = load_registry()

# (tag content, lead, support, sole, shared, subunits, why)
TAG_CASES = [
    ("市生态环境局牵头，市经济和信息化局配合", ["市生态环境局"], ["市经济和信息化局"], [], [], {}, "plain lead and support"),
    ("市经济和信息化局、市应急局牵头，市发展改革委、市生态环境局配合", ["市经济和信息化局", "市应急局"], ["市发展改革委", "市生态环境局"], [], [], {}, "lists split on 、"),
    ("市经济和信息化局牵头", ["市经济和信息化局"], [], [], [], {}, "only a lead part"),
    ("市生态环境局负责", [], [], ["市生态环境局"], [], {}, "sole responsibility"),
    ("市城管执法局、市市场监管局按职责分工负责", [], [], [], ["市城管执法局", "市市场监管局"], {}, "按职责分工负责 wins over 负责"),
    ("市发展改革委（市能源办）牵头，市经济和信息化局配合", ["市发展改革委"], ["市经济和信息化局"], [], [], {"市发展改革委": ["市能源办"]}, "sub-unit in brackets"),
    ("市住房城乡建设局、市市场监管局牵头，市发展改革委（市能源办）、市经济和信息化局配合", ["市住房城乡建设局", "市市场监管局"], ["市发展改革委", "市经济和信息化局"], [], [], {"市发展改革委": ["市能源办"]}, "sub-unit in a support list"),
    ("市市场监管局牵头，市发展改革委、市经济和信息化局、科技局配合", ["市市场监管局"], ["市发展改革委", "市经济和信息化局", "市科技局"], [], [], {}, "name without 市 resolves"),
    ("市公安局、市交通运输局、市生态环境局牵头，市财政局、商务局配合", ["市公安局", "市交通运输局", "市生态环境局"], ["市财政局", "市商务局"], [], [], {}, "商务局 without 市"),
    ("市生态环境局牵头，市重污染天气应急指挥部成员单位配合", ["市生态环境局"], ["市重污染天气应急指挥部成员单位"], [], [], {}, "a group is a department"),
    ("市生态环境局、市公安局、自贡海关牵头，市经济和信息化局配合", ["市生态环境局", "市公安局", "自贡海关"], ["市经济和信息化局"], [], [], {}, "an agency without 市"),
    ("市交通局牵头；市住建局配合", ["市交通运输局"], ["市住房城乡建设局"], [], [], {}, "aliases and ； as separator"),
    ("市生态环境局牵头负责，市公安局参与", ["市生态环境局"], ["市公安局"], [], [], {}, "牵头负责 / 参与 variants"),
    ("市新设局牵头", ["市新设局"], [], [], [], {}, "a name the registry lacks is kept as written"),
]


def test_no_duplicate_tag_rows():
    assert len({c[0] for c in TAG_CASES}) == len(TAG_CASES)


@pytest.mark.parametrize("content,lead,support,sole,shared,subunits,why", TAG_CASES, ids=[c[-1] for c in TAG_CASES])
def test_tag_roles(content, lead, support, sole, shared, subunits, why):
    tag = parse_tag_content(content, REG)
    assert tag.roles == {"lead": lead, "guide": [], "support": support, "sole": sole, "shared": shared}, why
    assert tag.subunits == subunits, why


def test_guide_role():
    tag = parse_tag_content("商务部指导，供销合作总社参与", REG)
    assert tag.roles["guide"] == ["商务部"]
    assert tag.roles["support"] == ["供销合作总社"]


def test_implied_note():
    tag = parse_tag_content(
        "市生态环境局牵头，市发展改革委、各区县政府、高新区管委会配合。各项工作均需各区县政府、高新区管委会落实，以下不再列出", REG
    )
    assert tag.roles["support"] == ["市发展改革委", "各区县政府", "高新区管委会"]
    assert tag.implied == ["各区县政府", "高新区管委会"]
    assert tag.notes == ["各项工作均需各区县政府、高新区管委会落实", "以下不再列出"]
    assert tag.warnings == []


def test_unknown_name_warns():
    tag = parse_tag_content("市新设局牵头", REG)
    assert tag.warnings == ["department not in the registry (kept as written): 市新设局"]


def test_unknown_role_word_warns():
    tag = parse_tag_content("市生态环境局督办", REG)
    assert not tag.has_roles
    assert any("known role word" in w for w in tag.warnings)


# (paragraph, number of tags found, warnings expected, why)
FIND_CASES = [
    ("加强秸秆禁烧。（市生态环境局、市农业农村局按职责分工负责）", 1, False, "round brackets at the end"),
    ("促进煤炭清洁利用。〔市应急局、市发展改革委（市能源办）牵头，市市场监管局配合〕", 1, False, "〔〕 when the tag holds （）"),
    ("推进高耗煤项目改造。〔市生态环境局、市发展改革委（市能源办）牵头，市经济和信息化局配合〕。", 1, False, "tag followed by 。"),
    ("强化“三线一单”（生态保护红线、环境质量底线）约束。（市生态环境局牵头）", 1, False, "an ordinary bracket mid-sentence is not a tag"),
    ("甲任务。（市公安局牵头）乙任务。（市民政局牵头）", 2, False, "a tag mid-paragraph closes the text before it"),
    ("单位地区生产总值（GDP）二氧化碳排放下降。", 0, False, "no tag"),
    ("任务文本。（市生态环境局牵头，市公安局配合", 1, True, "unclosed bracket is reported and still read"),
    ("任务文本。（市生态环境局督办）", 0, True, "tag-like bracket with an unknown role word is reported"),
    ("任务文本。（以下简称“方案”）", 0, False, "a plain note in brackets is not reported"),
]


@pytest.mark.parametrize("text,count,warns,why", FIND_CASES, ids=[c[-1] for c in FIND_CASES])
def test_find_tags(text, count, warns, why):
    spans, warnings = find_tags(text, REG)
    assert len(spans) == count, why
    tag_warnings = warnings + [w for s in spans for w in s.tag.warnings]
    assert bool(tag_warnings) == warns, (why, tag_warnings)


def test_mid_paragraph_tag_makes_two_tasks():
    _, tasks = parse_document("标题实施方案\n三、重点任务\n（一）第一节。\n甲任务。（市公安局牵头）乙任务。（市民政局牵头，市财政局配合）")
    assert [(t.label, t.lead, t.support) for t in tasks] == [
        ("三（一）1", ["市公安局"], []),
        ("三（一）2", ["市民政局"], ["市财政局"]),
    ]
    assert tasks[1].text == "乙任务。（市民政局牵头，市财政局配合）"


# (typed, canonical or None, how)
RESOLVE_CASES = [
    ("市交通运输局", "市交通运输局", "exact"),
    ("交通运输局", "市交通运输局", "alias"),
    ("交通局", "市交通运输局", "alias"),
    ("发改委", "市发展改革委", "alias"),
    ("经信局", "市经济和信息化局", "alias"),
    ("住建局", "市住房城乡建设局", "alias"),
    ("城管局", "市城管执法局", "alias"),
    ("市监局", "市市场监管局", "alias"),
    ("市环保局", "市生态环境局", "alias"),
    ("市能源办", "市能源办", "exact"),
    ("能源办", "市能源办", "alias"),
    ("市交通运输居", "市交通运输局", "fuzzy"),
    ("市生态环竟局", "市生态环境局", "fuzzy"),
    ("住建居", "市住房城乡建设局", "fuzzy"),
    ("发改未", "市发展改革委", "fuzzy"),
    ("市林业局", None, "unknown"),
    ("市财正局", None, "unknown"),
    ("ＳＨＩ交通局", None, "unknown"),
    ("市教育局", None, "unknown"),
    ("  交通局？", "市交通运输局", "alias"),
    ("", None, "unknown"),
]


@pytest.mark.parametrize("typed,expected,how", RESOLVE_CASES, ids=[c[0] or "empty" for c in RESOLVE_CASES])
def test_resolve_department(typed, expected, how, plan):
    res = resolve_department(typed, plan)
    assert (res.name, res.how) == (expected, how)


def test_unknown_department_names_closest(plan):
    res = resolve_department("市教育局", plan)
    assert res.candidates and "市教育局" in res.message()
