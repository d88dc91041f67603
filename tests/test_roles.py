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


# (tag content, shared, sole, implied, why) — notes that name the implementers of this and every later task (A5)
IMPLIED_NOTE_CASES = [
    ("责任单位:省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。",
     ["省发展改革委", "省市场监管局"], [], ["相关市(州)人民政府"],
     "ASCII commas cut the note into segments: its first segment is the note, not a fifth shared unit"),
    ("责任单位：省商务厅。具体任务均涉及各市（州）人民政府，不再做分工",
     [], ["省商务厅"], ["各市（州）人民政府"], "full-width commas, no 下同"),
    ("责任单位：省商务厅。具体任务均涉及各市（州）人民政府不再做分工",
     [], ["省商务厅"], ["各市（州）人民政府"], "no comma before 不再做分工"),
    ("省商务厅负责，各市（州）人民政府配合", [], ["省商务厅"], [], "a support list is no implied note"),
]


@pytest.mark.parametrize("content,shared,sole,implied,why", IMPLIED_NOTE_CASES, ids=[c[-1] for c in IMPLIED_NOTE_CASES])
def test_implied_note_rows(content, shared, sole, implied, why):
    tag = parse_tag_content(content, REG)
    assert (tag.roles["shared"], tag.roles["sole"], tag.implied) == (shared, sole, implied), why


def test_unknown_name_warns():
    tag = parse_tag_content("市新设局牵头", REG)
    assert tag.warnings == ["部门不在发文单位的部门名录中（按原文保留）：市新设局"]


def test_unknown_role_word_warns():
    tag = parse_tag_content("市生态环境局督办", REG)
    assert not tag.has_roles
    assert any("没有可识别的职责词" in w for w in tag.warnings)


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
        ("三（一）", ["市公安局"], []),  # the section's one paragraph, cut at its tags: 三（一）, 三（一）-2 (test_piece_labels)
        ("三（一）-2", ["市民政局"], ["市财政局"]),
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


# F without a bracket: a heading that names the units of the tasks under it in its own words
# (task lists grouped by lead unit, 政府工作报告任务清单 / 重点工作任务清单).
# (heading title, expected {role: names} or None (no such heading), why)
from kb.parser.roles import read_heading_roles  # noqa: E402
from kb.registry import Registry  # noqa: E402

HEADING_CASES = [
    ("县示范区管委会牵头工作(8项)", {"lead": ["县示范区管委会"]}, "X牵头工作 with an ASCII-bracket count"),
    ("市发展改革委牵头的任务", {"lead": ["市发展改革委"]}, "X牵头的任务"),
    ("县发展和改革局牵头工作（共12项）", {"lead": ["县发展和改革局"]}, "full-width count with 共"),
    ("县财政局负责的工作", {"sole": ["县财政局"]}, "负责 names a unit alone responsible, as in a tag"),
    ("由县住建局牵头的重点工作", {"lead": ["县住建局"]}, "由 is no part of the name"),
    ("县发改局、县财政局牵头工作（5项）", {"lead": ["县发改局", "县财政局"]}, "a list of units leads together"),
    ("县发改局牵头、县财政局配合的工作", {"lead": ["县发改局"], "support": ["县财政局"]}, "lead and support in one heading"),
    ("各乡镇负责的工作事项", {"sole": ["各乡镇"]}, "a generic group may be named responsible"),
    ("区教育局牵头落实的工作", {"lead": ["区教育局"]}, "a role word with the verb of the work (牵头落实)"),
    ("县发改局牵头（6项）", {"lead": ["县发改局"]}, "units + role word + a count"),
    ("市卫生健康委牵头", None, "a role word closing the heading is a principle, not a list"),
    ("部门协同配合", None, "a principle heading: 部门 ends like a unit but nothing follows the role word"),
    ("社会参与", None, "a principle heading"),
    ("建立牵头抓总机制", None, "牵头抓总 in another sense: no names, and 机制 is no word for the work"),
    ("强化牵头部门责任", None, "牵头 inside a phrase about duties"),
    ("各牵头单位负责的工作", None, "各牵头单位 names a role, not a unit"),
    ("牵头工作（8项）", None, "a role word with no names"),
    ("县长牵头工作", None, "a person is no unit"),
    ("加强组织领导", None, "an ordinary heading"),
    ("确保政策落实", None, "落实 after words that are no units (weak role word)"),
    ("明确牵头单位和配合单位的职责", None, "labels talked about, no units"),
    ("县发改局牵头工作推进机制", None, "something other than the work follows the role word"),
    ("加快推进重点项目建设（县发改局牵头）", None, "a bracket tag is the other rule (F with a bracket)"),
]


def test_no_duplicate_heading_rows():
    assert len({c[0] for c in HEADING_CASES}) == len(HEADING_CASES)


@pytest.mark.parametrize("title,expected,why", HEADING_CASES, ids=[c[0] for c in HEADING_CASES])
def test_heading_names_the_units(title, expected, why):
    tag = read_heading_roles(title, Registry())
    got = None if tag is None else {role: names for role, names in tag.roles.items() if names}
    assert got == expected, why


def test_heading_named_lead_covers_its_tasks_unless_they_name_their_own():
    text = ("2025年县政府工作报告任务清单\n一、县发展和改革局牵头工作(3项)\n1.推进重大项目建设。\n"
            "2.争取中央预算内投资项目。（县财政局配合）\n3.开展招商引资。（县商务局牵头）\n"
            "二、县教育局牵头的任务\n（一）学前教育\n1.新建幼儿园2所。\n（二）县卫健局负责的工作\n2.建设县医院新院区。\n"
            "三、建立牵头抓总机制\n1.各牵头单位要加强统筹。\n")
    doc, tasks = parse_document(text, "p")
    assert doc.tagged and doc.parts[0] == ("一", "县发展和改革局牵头工作(3项)")
    assert [(t.body[:6], t.lead, t.support, t.sole, t.role_source, t.heading_tag) for t in tasks] == [
        ("1.推进重大", ["县发展和改革局"], [], [], "heading", "县发展和改革局牵头"),
        ("2.争取中央", ["县发展和改革局"], ["县财政局"], [], "tag", "县发展和改革局牵头"),  # only a support of its own
        ("3.开展招商", ["县商务局"], [], [], "tag", None),  # its own lead wins
        ("1.新建幼儿", ["县教育局"], [], [], "heading", "县教育局牵头"),
        ("2.建设县医", [], [], ["县卫健局"], "heading", "县卫健局负责"),  # the section's heading before the part's
        ("1.各牵头单", [], [], [], None, None),
    ]


def test_heading_named_lead_makes_a_plan_without_brackets_tagged():
    doc, tasks = parse_document("某县任务清单\n一、县发改局牵头工作\n1.推进项目建设。\n2.开展招商引资。\n", "p")
    assert doc.tagged and not any("方案没有职责标注" in w for w in doc.warnings)
    assert [t.lead for t in tasks] == [["县发改局"], ["县发改局"]]


def test_heading_with_both_its_own_words_and_a_bracket_tag():
    # 一、X牵头工作（Y配合）: the bracket is read as F, the words before it as the named lead.
    _, tasks = parse_document("某县任务清单\n一、县发改局牵头工作（县财政局配合）\n1.推进项目建设。\n", "p")
    assert [(t.lead, t.support, t.role_source) for t in tasks] == [(["县发改局"], ["县财政局"], "heading")]
