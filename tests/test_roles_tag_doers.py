"""Who a tag names and with which role, when the tag's wording is not one role word per list (ROUTED s17, tagsblind13
causes (a)–(f), routed to tags7 as mechanisms).  Rows written by hand BEFORE the code, on forms of the genre at every
level (省/市/县/区), both bracket widths and every separator (；;，,、):

(a) names after ``X牵头，`` with no verb of their own (``由X牵头，A、B`` / ``X牵头，A、B`` / ``责任单位：X牵头，A、B``) are the
    others of the lead's work — support; they were dropped (a bare tag) or read as sharing the work (a label's value);
(b) a segment ``Y负责法制审查工作`` (units, a role word, then the work) gives Y its role — it was a note, Y dropped;
(c) 责任单位 beside 牵头单位 in one tag name the other doers: support (controls at every width and separator);
(d) every wording of the first-is-lead legend (首位单位为牵头单位, 排在首位的, 列第一位者, 第一个为, the noun before or
    after, 下同) is the rule, as data (roles.yaml lead_rules);
(e) 和/及/与 between two unit names splits them, never inside one name (县交通与建设局, 人力资源和社会保障局): a split
    only where both sides end like a unit;
(f) one collective unit with a shared role word (各乡镇分工负责) is responsible alone — never shared with itself.
Rows that must NOT change: a 共同负责 list, 牵头 inside a name, names before the lead's segment, 负责同志/负责人."""

from __future__ import annotations

import pytest

from kb.parser import parse_document, roles
from kb.registry import registry_for

REG = registry_for("", "")
KEYS = ("lead", "support", "sole", "shared", "guide")


def _tag(content: str, rule: str | None = None) -> dict:
    rules = roles.DocumentRules()
    if rule:
        rules.lead_rule = rule
    tag = roles.parse_tag_content(content, REG, rules=rules)
    return {k: v for k, v in tag.roles.items() if v}


def _task_roles(tag: str) -> dict:
    """The roles the plan's first item ends with when ``tag`` closes it (after every rule of the parser)."""
    _, tasks = parse_document("某地2024年重点工作实施方案\n一、重点任务\n1.推进甲工作，完成乙。" + tag
                              + "\n2.推进丙工作。（市商务局负责）\n", "p")
    return {k: getattr(tasks[0], k) for k in KEYS if getattr(tasks[0], k)}


# (tag content, expected roles of the tag, why)
TAG_ROWS = [
    # (a) names after the lead's segment, no verb of their own: support
    ("由市发展改革委牵头，市财政局、市商务局", {"lead": ["市发展改革委"], "support": ["市财政局", "市商务局"]},
     "a: 市, 由X牵头，A、B — the others of the lead's work"),
    ("县应急局牵头，县公安局、县消防救援大队", {"lead": ["县应急局"], "support": ["县公安局", "县消防救援大队"]},
     "a: 县, X牵头，A、B"),
    ("省农业农村厅牵头;省财政厅、省自然资源厅", {"lead": ["省农业农村厅"], "support": ["省财政厅", "省自然资源厅"]},
     "a: 省, half-width semicolon"),
    ("区住建委牵头、区规划资源局、区生态环境局", {"lead": ["区住建委"], "support": ["区规划资源局", "区生态环境局"]},
     "a: 区, a 、 after the role word"),
    ("市X局牵头，市Y局配合，市Z局", {"lead": ["市X局"], "support": ["市Y局", "市Z局"]},
     "a: a name after the support segment is one more of the others"),
    ("责任单位：由市发展改革委牵头，市财政局、市商务局", {"lead": ["市发展改革委"], "support": ["市财政局", "市商务局"]},
     "a: inside a 责任单位 value the names after the lead support it (they were sole → shared)"),
    ("责任单位:县住建局牵头,县财政局", {"lead": ["县住建局"], "support": ["县财政局"]}, "a: ASCII colon and comma"),
    # must not change
    ("市财政局、市商务局，市发展改革委牵头", {"lead": ["市财政局", "市商务局", "市发展改革委"]},
     "control: names BEFORE the role word take it (A、B，C牵头)"),
    ("市发展改革委牵头，市财政局、市商务局配合", {"lead": ["市发展改革委"], "support": ["市财政局", "市商务局"]},
     "control: the common form"),
    ("市发展改革委、市财政局共同负责", {"sole": ["市发展改革委", "市财政局"]},
     "control: a 共同负责 list (several responsible: shared after settle_responsible)"),
    ("责任单位：市财政局、市商务局", {"sole": ["市财政局", "市商务局"]}, "control: a lone 责任单位 list, no lead"),
    ("县牵头协调小组办公室负责", {"sole": ["县牵头协调小组办公室"]}, "control: 牵头 inside a body's name"),
    ("市X局牵头，各项目牵头单位", {"lead": ["市X局"], "support": ["各项目牵头单位"]},
     "a: 牵头 inside a group's name after the lead's segment is no role word"),
    ("县应急局牵头，确保按期完成", {"lead": ["县应急局"]}, "control: a clause of no units stays a note"),
    # (b) units + role word + the work: the units' role
    ("县应急局牵头，县公安局负责法制审查工作", {"lead": ["县应急局"], "support": ["县公安局"]},
     "b: 县, ，Y负责…工作 gives Y its role: a part of the led work, beside the lead — support"),
    ("市交通委牵头，市财政局配合，市司法局负责合法性审核", {"lead": ["市交通委"], "support": ["市财政局", "市司法局"]},
     "b: 市, after a support segment"),
    ("省发展改革委牵头；省财政厅负责资金保障，省自然资源厅配合",
     {"lead": ["省发展改革委"], "support": ["省财政厅", "省自然资源厅"]}, "b: 省, full-width semicolon"),
    ("区城管局牵头,区财政局、区审计局负责经费保障和审计监督工作", {"lead": ["区城管局"], "support": ["区财政局", "区审计局"]},
     "b: 区, several units before 负责"),
    ("市X局负责统筹协调，市Y局配合", {"sole": ["市X局"], "support": ["市Y局"]},
     "b: the first segment too (X负责…，Y配合: the task makes X lead, roles.supported_lead)"),
    ("县生态环境局牵头，县水利局负责技术指导", {"lead": ["县生态环境局"], "support": ["县水利局"]},
     "b: the name ends before 负责; beside the lead a part of its work: support (was guide 县水利局负责技术: made up)"),
    ("县水利局负责技术指导", {"guide": ["县水利局"]}, "b: no lead — the role word closing the work names the role"),
    ("市住建委牵头，市交通委负责协调配合", {"lead": ["市住建委"], "support": ["市交通委"]}, "b: 负责协调配合: support"),
    ("区城管局牵头，区绿化局负责指导", {"lead": ["区城管局"], "guide": ["区绿化局"]}, "control: 负责指导 is a role word"),
    ("省林业局负责技术服务和质量监督，省农业农村厅配合", {"sole": ["省林业局"], "support": ["省农业农村厅"]},
     "b: no lead, no role word closing the work: 负责's role"),
    ("县应急局牵头，县公安局负责同志带队", {"lead": ["县应急局"]}, "control: 负责同志 is a person, no role"),
    ("县应急局牵头，确保县公安局负责人到岗", {"lead": ["县应急局"]}, "control: a clause opening with a verb names no unit"),
    ("县应急局牵头，请县公安局负责现场警戒", {"lead": ["县应急局"]},
     "control: 请X负责 asks a body outside the plan's authority (no name opens with 请) — honest: not read"),
    ("市局特种设备安全监察处牵头，执法稽查处配合；区市场监管局组织落实。以下均需区市场监管局落实，市局执法总队负责化学工业区内的相关监管工作，不再单独列出",
     {"lead": ["市局特种设备安全监察处"], "support": ["执法稽查处", "区市场监管局"]},
     "control: a unit with its work inside a carry-forward note speaks of every later task, no doer of this one "
     "(tagsblind7 04's form)"),
    ("市水务局牵头,市工信委配合,各县(市)区政府负责落实。以下均需各县(市)区政府落实,区政府无相关工作职能的,由市政府直属责任部门负责相关工作,不再列出",
     {"lead": ["市水务局"], "support": ["市工信委"], "sole": ["各县(市)区政府"]},
     "control: a condition inside a carry-forward note (tagsblind9 08's form)"),
    ("省生长改造委牵头卖力", {"lead": ["省生长改造委"]}, "b: a spun mirror's 牵头负责 (tagsblind10 16): the role word leads"),
    # (c) 责任单位 beside 牵头单位: support
    ("牵头单位:市发改委;责任单位:市财政局、市商务局、市工信局、市住建局等",
     {"lead": ["市发改委"], "support": ["市财政局", "市商务局", "市工信局", "市住建局"]}, "c: 市, ASCII ; and :, 等 tail"),
    ("牵头单位：县发改局；责任单位：县财政局、县商务局、县工信局、各乡镇（街道）等",
     {"lead": ["县发改局"], "support": ["县财政局", "县商务局", "县工信局", "各乡镇（街道）"]}, "c: 县, full width, a group"),
    ("牵头单位：省发展改革委，责任单位：省财政厅，省商务厅", {"lead": ["省发展改革委"], "support": ["省财政厅", "省商务厅"]},
     "c: 省, commas between the fields and between the names"),
    ("责任单位：区商务委；牵头单位：区发改委", {"lead": ["区发改委"], "support": ["区商务委"]}, "c: 区, the lead label second"),
    ("牵头单位:县发改局;责任单位:县教体、县卫健、县人社、县医保等",
     {"lead": ["县发改局"], "support": ["县教体", "县卫健", "县人社", "县医保"]},
     "c: short names of county bureaus inside a list (县教体、县卫健): names as written, never dropped as cut short — only "
     "a list's LAST name can be cut by the text's end"),
    # (d) the first-is-lead legend in every wording
    ("市发改委、市财政局负责，首位单位为牵头单位，下同", {"lead": ["市发改委"], "support": ["市财政局"]}, "d: 首位单位为牵头单位"),
    ("省发展改革委、省财政厅负责。排在首位的为牵头单位，下同", {"lead": ["省发展改革委"], "support": ["省财政厅"]}, "d: 排在首位的"),
    ("县发改局、县财政局、县商务局负责，列第一位者为牵头单位", {"lead": ["县发改局"], "support": ["县财政局", "县商务局"]},
     "d: 列第一位者"),
    ("区发改委、区财政局负责，第一个为牵头单位，下同", {"lead": ["区发改委"], "support": ["区财政局"]}, "d: 第一个为"),
    ("市发改委、市财政局负责；责任单位中排在首位的为牵头单位", {"lead": ["市发改委"], "support": ["市财政局"]},
     "d: the noun before (责任单位中…)"),
    ("市发改委、市财政局负责，首位责任单位为牵头部门", {"lead": ["市发改委"], "support": ["市财政局"]}, "d: 首位责任单位"),
    ("市发改委、市财政局负责，排在第一位的单位是牵头单位", {"lead": ["市发改委"], "support": ["市财政局"]}, "d: …是牵头单位"),
    ("县发改局、县财政局(首位为牵头单位,下同)", {"lead": ["县发改局"], "support": ["县财政局"]},
     "d: the legend in a bracket closing a bare list"),
    ("市发改委、市财政局负责，把安全放在首位", {"sole": ["市发改委", "市财政局"]}, "control: 首位 with no 牵头 is no rule"),
    # (e) 和/及/与 between two names of units
    ("公安部门和县交通与建设局负责", {"sole": ["公安部门", "县交通与建设局"]}, "e: split at 和 only, 与 inside a name"),
    ("县交通与建设局负责", {"sole": ["县交通与建设局"]}, "e: one name holding 与"),
    ("市人力资源和社会保障局负责", {"sole": ["市人力资源和社会保障局"]}, "e: one name holding 和"),
    ("区发改委和区财政局负责", {"sole": ["区发改委", "区财政局"]}, "e control: two units"),
    ("省住房和城乡建设厅与省交通运输厅负责", {"sole": ["省住房和城乡建设厅", "省交通运输厅"]}, "e: 与 splits, 和 inside"),
    ("县文化与旅游局、县教育与体育局负责", {"sole": ["县文化与旅游局", "县教育与体育局"]}, "e: 与 inside two names of a list"),
    ("市X局牵头，党委和政府配合", {"lead": ["市X局"], "support": ["党委和政府"]}, "e control: 党委和政府 one body as written"),
    # (f) one collective unit never shared with itself (roles._one_role_each)
    ("各乡镇分工负责", {"sole": ["各乡镇"]}, "f: 县-level group, 分工负责"),
    ("各区按职责分工负责", {"sole": ["各区"]}, "f: 区"),
    ("国务院各部门分别负责", {"sole": ["国务院各部门"]}, "f: one group with 分别负责 (was shared with itself)"),
    ("各县（市、区）人民政府按职责分工负责", {"sole": ["各县（市、区）人民政府"]}, "f: a group holding 、 in brackets"),
    ("市民政局、市财政局按职责分工负责", {"shared": ["市民政局", "市财政局"]}, "f control: two units share"),
    ("县发改局牵头，各乡镇分工负责", {"lead": ["县发改局"], "support": ["各乡镇"]}, "f control: after a lead: support"),
]


@pytest.mark.parametrize(("content", "expected", "why"), TAG_ROWS, ids=[r[2][:30] for r in TAG_ROWS])
def test_tag_roles(content, expected, why):
    assert _tag(content) == expected, why


# (the tag closing item 1, in brackets of a width; the roles item 1 ends with after every parser rule, why)
TASK_ROWS = [
    ("（由市发展改革委牵头，市财政局、市商务局）", {"lead": ["市发展改革委"], "support": ["市财政局", "市商务局"]}, "a full width"),
    ("(县应急局牵头,县公安局、县消防救援大队)", {"lead": ["县应急局"], "support": ["县公安局", "县消防救援大队"]}, "a half width"),
    ("（责任单位：由区发改委牵头，区财政局、区商务委）", {"lead": ["区发改委"], "support": ["区财政局", "区商务委"]},
     "a label value: no more shared"),
    ("（县应急局牵头，县公安局负责法制审查工作）", {"lead": ["县应急局"], "support": ["县公安局"]},
     "b beside a lead: a part of the led work, support"),
    ("(省发展改革委牵头;省财政厅负责资金保障,省自然资源厅配合)",
     {"lead": ["省发展改革委"], "support": ["省财政厅", "省自然资源厅"]}, "b half width"),
    ("（县农业农村局牵头，县财政局负责落实）", {"lead": ["县农业农村局"], "shared": ["县财政局"]},
     "b control: 负责落实 closing the segment carries the work out — shared beside the lead (session 13)"),
    ("(牵头单位:市发改委;责任单位:市财政局、市商务局、市工信局、市住建局等)",
     {"lead": ["市发改委"], "support": ["市财政局", "市商务局", "市工信局", "市住建局"]}, "c half width"),
    ("（市发改委、市财政局负责，首位单位为牵头单位，下同）", {"lead": ["市发改委"], "support": ["市财政局"]}, "d"),
    ("（公安部门和县交通与建设局负责）", {"shared": ["公安部门", "县交通与建设局"]}, "e"),
    ("（各乡镇分工负责）", {"sole": ["各乡镇"]}, "f"),
    ("(各街道按职责分工负责)", {"sole": ["各街道"]}, "f half width"),
    ("（国务院各部门分别负责，年内持续推进）", {"sole": ["国务院各部门"]}, "f with a time word"),
    ("（市民政局、市财政局按职责分工负责）", {"shared": ["市民政局", "市财政局"]}, "f control: two units share"),
    ("（市X局指导，市Y局按职责分工负责）", {"guide": ["市X局"], "sole": ["市Y局"]}, "f: beside a guide, one doer alone"),
    ("（市X局负责统筹协调，市Y局配合）", {"lead": ["市X局"], "support": ["市Y局"]}, "b: the unit the others support leads"),
    ("（牵头单位：县发改局；责任单位：县教体、县卫健、县人社、县医保等）",
     {"lead": ["县发改局"], "support": ["县教体", "县卫健", "县人社", "县医保"]}, "c: short names kept"),
]


@pytest.mark.parametrize(("tag", "expected", "why"), TASK_ROWS, ids=[r[2][:24] for r in TASK_ROWS])
def test_task_roles(tag, expected, why):
    assert _task_roles(tag) == expected, why


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("1.推进甲。（首位单位为牵头单位，下同）（县农业农村局、县自然资源局、县交通运输局）",
     {"lead": ["县农业农村局"], "support": ["县自然资源局", "县交通运输局"]}),
    ("1.推进甲。(排在首位的为牵头单位,下同)(市农业农村委、市规划资源局)", {"lead": ["市农业农村委"], "support": ["市规划资源局"]}),
])
def test_legend_bracket_then_a_bare_list(paragraph, expected):
    """d: the legend in a bracket of its own, the list in the next (probes-s17): the list is read under it, and so is a
    later item's bare list; a bracket right after an office (报送县政府（县政府办公室）) stays no tag."""
    _, tasks = parse_document("某县2024年工作方案\n一、重点任务\n" + paragraph + "\n2.推进乙，报送县政府（县政府办公室）。\n"
                              "3.推进丙。（县住建局、县交通局）\n", "p")
    got = [{k: getattr(t, k) for k in KEYS if getattr(t, k)} for t in tasks]
    assert got[0] == expected
    assert got[1] == {}
    assert got[2] == {"lead": ["县住建局"], "support": ["县交通局"]}


@pytest.mark.parametrize(("line", "expected"), [
    ("试点单位：第一批：城关镇、河口镇（2025年3月底前）；第二批：青山乡、白水乡（2025年9月底前）",
     {"shared": ["城关镇", "河口镇", "青山乡", "白水乡"]}),
    ("试点地区：甲区、乙区", {"shared": ["甲区", "乙区"]}),
    ("责任单位：县住建局、县交通局", {"lead": ["县住建局"], "support": ["县交通局"]}),
])
def test_legend_ranks_no_pilot_places_and_no_batches(line, expected):
    """d: under the legend a 责任单位 list is ranked, the places of a pilot and a list by batch are not (probes-s17: the
    legend recognised made 城关镇 of 第一批 lead)."""
    _, tasks = parse_document("某县2025年工作方案\n首位单位为牵头单位，下同。\n一、重点任务\n（一）推进甲。\n" + line + "\n", "p")
    assert {k: getattr(tasks[-1], k) for k in KEYS if getattr(tasks[-1], k)} == expected


def test_legend_in_a_later_tag_covers_later_bare_lists():
    """d: the legend stated once (下同) covers the later items' 负责 lists; before it no lead is guessed."""
    _, tasks = parse_document("某县2024年工作方案\n一、重点任务\n1.推进甲。（县财政局、县商务局负责）\n"
                              "2.推进乙。（县发改局、县财政局负责，首位单位为牵头单位，下同）\n3.推进丙。（县住建局、县交通局负责）\n", "p")
    got = [{k: getattr(t, k) for k in KEYS if getattr(t, k)} for t in tasks]
    assert got == [{"shared": ["县财政局", "县商务局"]}, {"lead": ["县发改局"], "support": ["县财政局"]},
                   {"lead": ["县住建局"], "support": ["县交通局"]}]


@pytest.mark.parametrize(("text", "rule"), [
    ("首位单位为牵头单位，下同", "first_is_lead"),
    ("排在首位的为牵头单位", "first_is_lead"),
    ("排在首位的责任单位为牵头单位", "first_is_lead"),
    ("列第一位者为牵头单位", "first_is_lead"),
    ("第一个为牵头单位", "first_is_lead"),
    ("责任单位中第一个为牵头单位", "first_is_lead"),
    ("各项任务中位列首位的部门为牵头部门", "first_is_lead"),
    ("列首位的是牵头单位", "first_is_lead"),
    ("无牵头单位的，责任单位即为牵头单位", "responsible_is_lead"),
    ("同责单位，无先后大小责任之分", "equal"),
    ("坚持把安全放在首位", None),
    ("第一责任人为主要负责同志", None),
    ("各地要把这项工作列为第一位的任务", None),
])
def test_lead_rule_wordings(text, rule):
    """d: the rule as data — every wording of the legend, nothing else."""
    rules = roles.DocumentRules()
    assert rules.read(text, roles.load_vocabulary()) == rule
