"""The partners after 会同 are kept (tagsblind9 cause routed to prose4: 会同 partners dropped in prose paragraphs).
`X会同Y…` gives X lead and Y support; the support list used to end only before a closed list of verbs (研究, 制定, 开展 …),
so `X会同Y起草…`, `X会同Y于2025年底前…`, `X会同Y每年…`, `X要会同Y抓好…` read no partner (and a modal made X alone
responsible: sole, a wrong answer to 谁配合).  Now Y ends where a unit's name ends and a predicate opens (roles.yaml
`predicate_start`, `action_verbs`, `action_adverbs`, and 于/每 of time) — the mechanism `name_cuts` uses for subjects.
An item whose tag names X lead gains the partners its opening sentence names beyond the tag; an untagged paragraph of
a tagged plan stays unread for 会同 (the tags give that plan's tasks).

Each row: a sentence → the roles of its item in a plan without tags (in a tagged plan, untagged: none) → why.  Written before the code (session 13, prose4): levels 省/市/区/县, verbs outside the old list, a modal, a time
phrase, a 等部门 tail; awkward rows: a relative clause (…制定的办法), a name opening with 应急 (no modal)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    ("市发展改革委会同市财政局起草管理办法。", {"lead": ["市发展改革委"], "support": ["市财政局"]}, "起草: a verb not in the old list"),
    ("市发展改革委要会同市财政局、市统计局抓好监测评估。", {"lead": ["市发展改革委"], "support": ["市财政局", "市统计局"]},
     "要会同…抓好: a modal no longer leaves X alone (sole)"),
    ("市住房城乡建设委会同市规划资源局于2025年底前完成编制工作。",
     {"lead": ["市住房城乡建设委"], "support": ["市规划资源局"]}, "于 + a date after the partner"),
    ("市交通委会同市公安局每年开展一次专项检查。", {"lead": ["市交通委"], "support": ["市公安局"]}, "每年 after the partner"),
    ("市商务委会同市市场监管局定期通报检查情况。", {"lead": ["市商务委"], "support": ["市市场监管局"]}, "定期 (an adverb)"),
    ("市教委会同市卫生健康委细化实施方案。", {"lead": ["市教委"], "support": ["市卫生健康委"]}, "细化"),
    ("市科委将会同市经济信息化委根据需要修订认定办法。", {"lead": ["市科委"], "support": ["市经济信息化委"]},
     "将会同…根据: a commitment, then a manner word"),
    ("市农业农村委会同市林业局、市水务局等部门深入推进乡村振兴。",
     {"lead": ["市农业农村委"], "support": ["市林业局", "市水务局"]}, "a 等部门 tail is no part of a name"),
    ("县人社局会同县教育局、县财政局开展职业技能培训。", {"lead": ["县人社局"], "support": ["县教育局", "县财政局"]},
     "县 level, the old list (unchanged)"),
    ("省交通运输厅会同省应急管理厅起草执法检查方案。", {"lead": ["省交通运输厅"], "support": ["省应急管理厅"]},
     "应急 opens a name (predicate_start_not): the partner is not cut at 应"),
    ("区文旅局会同区商务委细化促消费措施。", {"lead": ["区文旅局"], "support": ["区商务委"]}, "区 level"),
    ("按照市发展改革委会同市财政局制定的办法执行。", {}, "a relative clause (…制定的办法): no role"),
    ("市交通委会同市住房城乡建设管理委细化停车管理办法。", {"lead": ["市交通委"], "support": ["市住房城乡建设管理委"]},
     "乡|建设 is no cut: 建设管理委 goes on to an office's ending before the predicate"),
    ("省财政厅会同省教育厅、省住房城乡建设厅于每年3月底前修订办法。",
     {"lead": ["省财政厅"], "support": ["省教育厅", "省住房城乡建设厅"]}, "乡|建设厅、: an office's name in a list"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


def _item(text: str, sentence: str):
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    return task


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:10] for r in ROWS])
def test_partners_in_a_plan_without_tags(sentence, expected, why):
    task = _item(f"某市关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{sentence}\n", sentence)
    assert _roles(task) == expected, why


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:10] for r in ROWS])
def test_an_untagged_item_of_a_tagged_plan(sentence, expected, why):
    """An untagged ITEM of a tagged plan states its own duty, read sentence by sentence (session 16, tests/test_prose_sentences.py:
    an item of its own beside tagged items — （一）做好工作。X会同Y… — is no other paragraph of a tagged item; before, it
    was read for no role); a paragraph continuing an item (no marker of its own) beside them stays unread."""
    task = _item(f"某市关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{sentence}\n"
                 "（二）加强督查。定期通报工作进展。（责任单位：市政府办公厅）\n", sentence)
    assert _roles(task) == expected, why
    task = _item(f"某市关于推进工作的实施方案\n一、主要任务\n（一）加强督查。定期通报工作进展。（责任单位：市政府办公厅）\n"
                 f"{sentence}\n", sentence)
    assert _roles(task) == {}, "a paragraph with no marker of its own beside tagged items: read as before"


TAGGED = [
    ("（一）完善制度。市发展改革委会同市财政局、市审计局起草管理办法。（市发展改革委牵头）",
     {"lead": ["市发展改革委"], "support": ["市财政局", "市审计局"]},
     "the tag names the lead the prose names: the prose's partners beyond the tag support it"),
    ("（一）完善制度。区民政局会同区财政局起草管理办法。（牵头单位：区民政局；配合单位：区财政局、各街道）",
     {"lead": ["区民政局"], "support": ["区财政局", "各街道"]}, "partners the tag already lists: nothing added"),
    ("（一）完善制度。市发展改革委会同市财政局起草管理办法。（市商务委牵头）",
     {"lead": ["市商务委"]}, "the prose lead is not the tag's lead: the tag alone"),
]


@pytest.mark.parametrize(("item", "expected", "why"), TAGGED, ids=[r[0][5:13] for r in TAGGED])
def test_partners_beside_a_tag_naming_the_lead(item, expected, why):
    task = _item(f"某市关于推进工作的实施方案\n一、主要任务\n{item}\n", item[:8])
    assert _roles(task) == expected, why


def test_a_tail_of_functional_departments_is_no_name():
    """`由X会同Y等相关职能部门对…核提意见` (holdout12 cm 四（八）3, reworded, in a plan without tags): 等相关职能部门 is a
    tail, as 等有关部门."""
    sentence = "由区规划资源局会同区农业农村委等相关职能部门对入市方案核提意见。"
    task = _item(f"某区关于试点工作的实施方案\n一、主要任务\n（一）做好工作。{sentence}\n", sentence)
    assert _roles(task) == {"lead": ["区规划资源局"], "support": ["区农业农村委"]}


#: A 会同 clause with no subject of its own after a comma: the sentence's subject leads it (菏泽 2009 扩大内需投资项目管理
#: 办法: `发展改革部门是…综合部门,主要负责…,会同有关行业主管部门对项目开工及建设进度进行调度` read 发展改革部门 sole, the
#: partners dropped).  Rows written before the code; wordings varied (市/区/县, 并会同, 同时会同, a modal first clause).
SUBJECTLESS = [
    ("发展改革部门是项目建设管理的综合部门，主要负责项目申报和综合协调，会同有关行业主管部门对项目建设进度进行调度。",
     {"lead": ["发展改革部门"], "support": ["有关行业主管部门"]}, "the blind-found form, reworded"),
    ("市财政局负责专项资金拨付，并会同市审计局开展绩效评价。", {"lead": ["市财政局"], "support": ["市审计局"]}, "并会同"),
    ("区住房城乡建设委负责推进老旧小区改造，同时会同区规划资源局做好规划审批。",
     {"lead": ["区住房城乡建设委"], "support": ["区规划资源局"]}, "同时会同"),
    ("县农业农村局要加强技术指导，会同县财政局落实补贴资金。", {"lead": ["县农业农村局"], "support": ["县财政局"]},
     "a modal first clause"),
    ("企业要建立安全台账，会同属地街道做好隐患排查。", {}, "a kind of body as the subject: nobody leads"),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), SUBJECTLESS, ids=[r[0][:10] for r in SUBJECTLESS])
def test_a_subjectless_with_clause_is_the_subjects(sentence, expected, why):
    task = _item(f"某市关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{sentence}\n", sentence)
    assert _roles(task) == expected, why
