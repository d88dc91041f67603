"""Which task a tag belongs to, and roles written in prose (issues #11/#9), table-driven on small synthetic plans.

Expected answers were written by hand before kb ran on them.  A tag line — a label line (牵头单位：X) or a bracket
tag alone on its line — closes the WHOLE item above it: its numbered / titled / inline-heading first paragraph, its
body paragraphs and its sub-items （1）…（n） are one task (shared/dialects.md C).  A heading's tag is cited by the
items that take their roles from it.  Prose roles (dialect E) are read at every level of a plan without tags."""

import json
from pathlib import Path

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import continues

HEAD = "某区某某实施方案\n一、重点任务\n"
KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: getattr(t, k) for k in KEYS if getattr(t, k)}


def _tasks(body: str):
    _, tasks = parse_document(HEAD + body, "p")
    return tasks


# (plan body, expected [(text, roles)] of EVERY task/paragraph in order, why)
LINE_CASES = [
    ("1.推进甲。正文一。\n（牵头单位：区X局；配合单位：区Y局）\n",
     [("1.推进甲。正文一。", {"lead": ["区X局"], "support": ["区Y局"]})], "a one-paragraph body"),
    ("1.推进甲。正文一。\n正文二。\n（牵头单位：区X局；配合单位：区Y局）\n",
     [("1.推进甲。正文一。正文二。", {"lead": ["区X局"], "support": ["区Y局"]})], "a two-paragraph body: one task, the titled item included"),
    ("1.推进甲。\n正文一。\n正文二。\n正文三。\n责任单位：区Z局\n2.推进乙。\n",
     [("1.推进甲。正文一。正文二。正文三。", {"sole": ["区Z局"]}), ("2.推进乙。", {})], "a three-paragraph body; the next item untouched"),
    ("1.推进甲。\n（1）子项一。\n（2）子项二。\n（3）子项三。\n（区X局牵头，区Y局配合）\n",
     [("1.推进甲。（1）子项一。（2）子项二。（3）子项三。", {"lead": ["区X局"], "support": ["区Y局"]})],
     "a bracket tag on its own line after sub-items: the group is one task, counted once"),
    ("1.推进甲。正文。\n（区X局负责）\n2.推进乙。正文。\n（区Y局牵头）\n",
     [("1.推进甲。正文。", {"sole": ["区X局"]}), ("2.推进乙。正文。", {"lead": ["区Y局"]})], "bracket tag lines, item by item"),
    ("1.推进甲。正文。\n2.推进乙。正文。\n（区Y局牵头）\n",
     [("1.推进甲。正文。", {}), ("2.推进乙。正文。", {"lead": ["区Y局"]})], "a tag line closes the item above only, not earlier numbered items"),
    ("1.推进甲（区W局牵头）。\n（1）子项一。\n（2）子项二。\n牵头单位：区X局\n",
     [("1.推进甲（区W局牵头）。", {"lead": ["区W局"]}), ("（1）子项一。（2）子项二。", {"lead": ["区X局"]})],
     "the walk stops at an item with its own tag"),
    ("（一）加强管理。正文一。\n正文二。\n牵头单位：区X局\n",
     [("（一）加强管理。正文一。正文二。", {"lead": ["区X局"]})], "an inline-heading item and its continuation paragraph"),
    ("（一）加强管理\n正文一。\n正文二。\n（区X局牵头）\n",
     [("正文一。正文二。", {"lead": ["区X局"]})], "a section whose heading is the item's title: every paragraph under it"),
    ("（一）地区生产总值增长7%左右\n责任单位：区发展改革委\n",
     [("（一）地区生产总值增长7%左右", {"sole": ["区发展改革委"]})], "a label line right under a section line: the section line is the item"),
]


@pytest.mark.parametrize("body,expected,why", LINE_CASES, ids=[c[-1] for c in LINE_CASES])
def test_tag_line_closes_the_whole_item(body, expected, why):
    tasks = _tasks(body)
    assert [(t.text, _roles(t)) for t in tasks] == expected, why
    assert all(t.kind == "task" for t in tasks if _roles(t))


def test_tag_line_labels_and_sources():
    tasks = _tasks("1.推进甲。正文。\n正文二。\n（区X局负责）\n2.推进乙。\n（1）子一。\n（2）子二。\n牵头单位：区Y局\n")
    assert [(t.label, t.role_source) for t in tasks] == [("一1", "tag"), ("一2", "label line")]
    assert [t.tag for t in tasks] == ["（区X局负责）", "牵头单位：区Y局"]


# (tag content as written after an item, expected roles, why)
LABEL_CASES = [
    ("（牵头部门：区X局；实施部门：区C局、区D局）", {"lead": ["区X局"], "shared": ["区C局", "区D局"]},
     "实施部门 after a lead label carries the work out with the lead leading (shared, never 配合: session 13's one "
     "decision for implementer columns and labels, README Task tables), and it starts a new field"),
    ("（实施部门：区C局、区D局）", {"shared": ["区C局", "区D局"]}, "实施部门 alone: every responsible unit (two units: shared, no lead guessed)"),
    ("（牵头单位：区X局；参与部门：区C局）", {"lead": ["区X局"], "support": ["区C局"]}, "参与部门 is support"),
    ("（牵头单位：区X局；监管部门：区C局、各街道）", {"lead": ["区X局"], "support": ["区C局", "各街道"]},
     "an unknown label ending in 部门 after ； starts a new field (read as responsible: support after a lead)"),
    ("（牵头单位：区X局，建设主体：各镇政府）", {"lead": ["区X局"], "support": ["各镇政府"]}, "an unknown label ending in 主体 after ，"),
    ("（牵头单位：区X局；配合单位：区C局；完成时限：2025年底）", {"lead": ["区X局"], "support": ["区C局"]}, "control: known labels"),
]


@pytest.mark.parametrize("tag,expected,why", LABEL_CASES, ids=[c[-1] for c in LABEL_CASES])
def test_labels_after_a_semicolon(tag, expected, why):
    tasks = _tasks("1.推进甲。正文。\n" + tag + "\n")
    assert len(tasks) == 1 and _roles(tasks[0]) == expected, why
    unknown = "监管部门" in tag or "建设主体" in tag
    assert any("标签不在词表中" in w for w in tasks[0].warnings) == unknown


def test_heading_tag_is_cited_by_its_items():
    _, tasks = parse_document("某市行动计划\n一、加快调整能源结构（市发改委总牵头）\n1.控制煤炭消费。（市经信委牵头）\n2.发展清洁能源。\n"
                              "二、县示范区管委会牵头工作(2项)\n3.建设园区。\n4.引进项目。（县商务局配合）\n三、其他\n5.丁。\n", "p")
    assert [(t.tag, t.heading_tag, t.role_source, _roles(t)) for t in tasks] == [
        ("（市经信委牵头）", "（市发改委总牵头）", "tag", {"lead": ["市经信委", "市发改委"]}),
        ("（市发改委总牵头）", "（市发改委总牵头）", "heading", {"lead": ["市发改委"]}),
        ("县示范区管委会牵头工作(2项)", "县示范区管委会牵头", "heading", {"lead": ["县示范区管委会"]}),
        ("（县商务局配合）", "县示范区管委会牵头", "tag", {"lead": ["县示范区管委会"], "support": ["县商务局"]}),
        (None, None, None, {}),
    ]


# Prose (dialect E), a plan without tags: (paragraph under a numbered section, expected roles, why)
PROSE_CASES = [
    ("1.完善制度。区交通委负责制定实施细则。", {"sole": ["区交通委"]}, "X负责… in a numbered item"),
    ("2.开展试点。区发展改革委牵头开展试点评估工作。", {"lead": ["区发展改革委"]}, "X牵头开展…"),
    ("3.健全机制。区住建委会同区财政局、区审计局制定资金管理办法。", {"lead": ["区住建委"], "support": ["区财政局", "区审计局"]},
     "X会同Y… in a numbered item"),
    ("4.组织验收。项目完成后，由区农业农村委组织验收。", {"sole": ["区农业农村委"]}, "由X组织验收 after a comma"),
    ("5.落实责任。各镇政府负责属地管理，区城管局负责指导监督。", {"sole": ["各镇政府"], "guide": ["区城管局"]},
     "two X负责 in one sentence: the one doing the work is responsible alone, X负责指导… guides (6059dce); before, both shared"),
    ("6.协同推进。区科委牵头，区经信委、区商务委配合，共同推进产业升级。", {"lead": ["区科委"], "support": ["区经信委", "区商务委"]},
     "X牵头，Y配合 in prose"),
    ("（1）区教育局负责统筹协调。", {"sole": ["区教育局"]}, "a sub-item's marker is no part of the name"),
    ("（2）由区财政局负责资金保障。", {"sole": ["区财政局"]}, "由X负责…"),
    ("7.加强培训。企业负责人要参加安全培训，落实负责任的态度。", {}, "负责人 / 负责任 are no role"),
    ("8.强化管理。有关部门负责做好配合工作。", {}, "a vague name (有关部门) gets no role"),
    ("（3）对区规划局负责的项目加强审查。", {}, "X负责的… is a relative clause, no assignment"),
    ("9.建立机制。建立牵头抓总机制，强化牵头部门责任。", {}, "牵头 without a unit before it"),
    ("10.制定办法。请区司法局会同区财政局研究制定办法。", {"lead": ["区司法局"], "support": ["区财政局"]}, "请 is no part of the name"),
    ("11.明确机构。要设立专门工作机构或者明确相关机构负责。", {}, "a phrase ending in 机构 is no unit"),
    ("12.落实责任。并指定专门机构具体负责。", {}, "并指定… is no unit"),
    ("第五条 区市场监管局负责本办法的组织实施。", {"sole": ["区市场监管局"]}, "a 第N条 marker is no part of the name"),
    ("13.资金清算。对占用的贷款，由区农商银行会同区国资公司及时清算。", {"lead": ["区农商银行"], "support": ["区国资公司"]},
     "由X会同Y after a comma, Y ended by an adverb"),
    ("14.分工协作。区商务委及区经信委、区财政局按照各自职能分工，负责应急供应。",
     {"shared": ["区商务委", "区经信委", "区财政局"]}, "按照各自职能分工，负责 is shared; X及Y are two units"),
    ("15.宣传引导。区人力资源和社会保障局负责宣传。", {"sole": ["区人力资源和社会保障局"]}, "和 inside a name stays"),
    ("16.证书管理。各院校按规定实施（技工院校由区人社局负责），并加强监督。", {}, "an aside in brackets assigns no task of the paragraph"),
]


@pytest.mark.parametrize("paragraph,expected,why", PROSE_CASES, ids=[c[-1] for c in PROSE_CASES])
def test_prose_roles_at_every_level(paragraph, expected, why):
    doc, tasks = parse_document("某区某某实施方案\n一、主要任务\n（一）加强监管\n" + paragraph + "\n", "p")
    assert not doc.tagged and len(tasks) == 1
    assert _roles(tasks[0]) == expected, why
    assert tasks[0].role_source == ("prose" if expected else None)


def test_prose_lead_in_and_numbered_items_alike():
    doc, tasks = parse_document("某区某某实施方案\n一、总体要求\n区住建委会同区财政局制定推进计划。\n二、主要任务\n"
                                "1.区住建委会同区财政局制定推进计划。\n", "p")
    assert [_roles(t) for t in tasks] == [{"lead": ["区住建委"], "support": ["区财政局"]}] * 2


# The same prose forms in unnumbered paragraphs of a part without sections: (paragraph, expected roles, why)
UNNUMBERED_CASES = [
    ("区交通委负责制定实施细则，各镇政府负责属地管理。", {"shared": ["区交通委", "各镇政府"]},
     "X负责… in a plain paragraph (two units: shared, A2)"),
    ("区发展改革委牵头开展试点评估工作。", {"lead": ["区发展改革委"]}, "X牵头开展… in a plain paragraph"),
    ("区住建委会同区财政局制定资金管理办法。", {"lead": ["区住建委"], "support": ["区财政局"]}, "X会同Y… in a plain paragraph"),
    ("项目建成后，由区农业农村委组织验收。", {"sole": ["区农业农村委"]}, "由X组织验收 in a plain paragraph"),
    ("加强宣传引导，营造良好氛围。", {}, "control: no unit, no role"),
]


@pytest.mark.parametrize("paragraph,expected,why", UNNUMBERED_CASES, ids=[c[-1] for c in UNNUMBERED_CASES])
def test_prose_roles_in_unnumbered_paragraphs(paragraph, expected, why):
    doc, tasks = parse_document("某区某某工作方案\n一、工作任务\n" + paragraph + "\n", "p")
    assert not doc.tagged and len(tasks) == 1
    assert _roles(tasks[0]) == expected, why


def test_a_tagged_plan_reads_an_untagged_item_as_its_own():
    """Session 16 (sentence by sentence): an untagged numbered item beside tagged items states its own duty (it was no role); a
    paragraph with no marker of its own there still reads none."""
    _, tasks = parse_document(HEAD + "1.区交通委负责制定细则。\n2.推进乙。（区Y局负责）\n", "p")
    assert _roles(tasks[0]) == {"sole": ["区交通委"]} and tasks[1].sole == ["区Y局"]
    _, tasks = parse_document(HEAD + "1.推进乙。（区Y局负责）\n区交通委负责制定细则。\n", "p")
    assert tasks[0].sole == ["区Y局"] and _roles(tasks[1]) == {}


# A prose-only real plan: 国家粮食应急预案 (国办函〔2005〕57号, gov.cn), rows written by hand before kb ran on it.
PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
PROSE_GOLD = json.loads((PLANS / "gold_prose.json").read_text("utf-8"))


@pytest.mark.parametrize("row", PROSE_GOLD, ids=[r["quote"][:12] for r in PROSE_GOLD])
def test_prose_plan_rows(row, _cache={}):
    if row["doc"] not in _cache:
        _cache[row["doc"]] = parse_document((PLANS / row["doc"]).read_text("utf-8"), Path(row["doc"]).stem)
    doc, tasks = _cache[row["doc"]]
    assert not doc.tagged
    hits = [t for t in tasks if row["quote"] in t.text]
    assert len(hits) == 1
    assert {k: getattr(hits[0], k) for k in KEYS} == {k: row[k] for k in KEYS}
    assert hits[0].role_source == ("prose" if any(row[k] for k in KEYS) else None)


def test_prose_plan_gives_no_other_roles():
    """Every paragraph of the plan given roles is a row of the gold (no confident extra roles)."""
    doc, tasks = parse_document((PLANS / "51_liangshi_yingji_guobanhan2005-57.txt").read_text("utf-8"), "p")
    with_roles = [t for t in tasks if _roles(t)]
    assert len(with_roles) == sum(1 for r in PROSE_GOLD if any(r[k] for k in KEYS)) == 23  # (21 before session 11 read collective subjects, 22 after; 21 since session 16: 本预案由国务院办公厅负责解释 is no task; 23 since session 18, prose9 045e6d7: the second sentence's subject is a doer — 省级人民政府应根据…建立健全粮食应急保障系统, 指挥部应给予表彰和奖励; two gold rows added by the lead, read by hand)
    assert all(any(r["quote"] in t.text for r in PROSE_GOLD) for t in with_roles)


# Decimal-numbered headings (预案/办法: 1 总则, 2.1.3 …职责, 4.3.2 …): a short one stands alone, a decimal-numbered
# line starts a paragraph; amounts (1.5亿元) and dates (5月底前) at a line start stay fragments.
# (previous line, line, joined?, why)
DECIMAL_CASES = [
    ("3.2应急报告", "国家发展改革委会同商务部建立制度。", False, "a short decimal heading stands alone"),
    ("1总则", "1.1编制目的及依据", False, "a number heading, then a decimal one"),
    ("2.1.3国家粮食应急工作指挥部成员单位职责", "（1）国家发展改革委负责协调。", False, "a longer decimal heading"),
    ("及时报告有关情况", "4.3.2省级指挥部要采取措施。", False, "a decimal-numbered clause starts a paragraph"),
    ("全年投资增加到", "1.5亿元。", True, "an amount is a fragment"),
    ("全市在", "5月底前完成。", True, "a date is a fragment"),
    ("计划于2023年", "10月31日前完成。", True, "a date with two digits is a fragment"),
]


@pytest.mark.parametrize("previous,line,joined,why", DECIMAL_CASES, ids=[c[-1] for c in DECIMAL_CASES])
def test_decimal_headings_stand_alone(previous, line, joined, why):
    assert continues(previous, line) == joined, why
