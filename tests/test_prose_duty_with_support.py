"""Who leads and who supports in a unit's duty sentence (session 14, prose5; tagsblind9's rows that passed only through an
alt), table-driven, written BEFORE the code — wordings, levels (省/市/区/县, bare 部门) and dialects varied:

- `X负责会同Y…` / `X负责，会同Y…`: 会同 right after 负责 is X's — X leads, Y supports (it was X sole, Y dropped);
- `X要…；负责…；会同Y…`: a 会同 part with no subject of its own in a later `；` part is the paragraph's subject's, and a unit
  a 会同 makes lead leads even when an earlier part said it 负责 (it was sole beside the support: two readings at once);
- `X负责配合Y…`: X supports, and Y — when it is a unit — leads (the unit the others support leads: README, session 13);
  `X负责配合做好…` (no one named) and `X负责配合有关部门…` (vague) give support alone;
- `X要…，Y要配合…` in ONE sentence: Y supports the statement's one other doer, which leads; across a full stop each
  sentence keeps its own role (README "The unit the others support leads": not across sentences);
- `X要<its own work>，积极参与、主动配合<a piece of work>`: the modal states X's duty (sole); a 配合 further in the predicate
  gives support only when it names whom X supports (`全力配合区级部门做好…` stays support, `区财政局要积极配合做好…` too: the
  predicate opens with it).
Controls that must NOT change: a purpose clause (为落实X部署，…), a body asked (争取X支持), 市政府要求 (no doer), a kind of body,
`X负责A，配合Y做好B` (X's own duty first: not proved to be support)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

UNTAGGED = "某市关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{s}\n"


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


def _item(text: str, sentence: str):
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    return task


# (sentence of an untagged plan's item, its roles, why)
ROWS = [
    # 负责会同 / 负责，会同
    ("公安部门负责会同民政部门清理规范门楼牌编号。", {"lead": ["公安部门"], "support": ["民政部门"]},
     "负责会同: the 会同 is the subject's (tagsblind9 12 5., reworded)"),
    ("区财政局负责会同区审计局开展绩效评价。", {"lead": ["区财政局"], "support": ["区审计局"]}, "负责会同, 区 level"),
    ("省自然资源厅负责会同省林业局、省水利厅编制保护规划。",
     {"lead": ["省自然资源厅"], "support": ["省林业局", "省水利厅"]}, "负责会同 + a list, 省 level"),
    ("县住建局负责，并会同县应急管理局开展燃气安全检查。", {"lead": ["县住建局"], "support": ["县应急管理局"]},
     "负责，并会同 (already read: unchanged)"),
    # 会同 in a later ； part
    ("市财政局负责资金保障；会同市审计局开展绩效评价。", {"lead": ["市财政局"], "support": ["市审计局"]},
     "X负责…；会同Y…: X leads what Y supports — not sole beside a support"),
    ("民政部门要清理和规范街路巷的命名，此项工作在3月底前完成；负责街路巷牌的安装；会同公安机关清理、编制门牌号。",
     {"lead": ["民政部门"], "support": ["公安机关"]}, "会同 two parts after the subject's modal (tagsblind9 13, reworded)"),
    ("市卫生健康委要加强疫情监测；同时会同市疾控中心做好流行病学调查。",
     {"lead": ["市卫生健康委"], "support": ["市疾控中心"]}, "同时会同 in the second part"),
    ("企业要建立安全台账；会同属地街道做好隐患排查。", {}, "control: a kind of body as the subject: nobody leads"),
    ("为落实省政府部署，市发展改革委会同市财政局制定管理办法。",
     {"lead": ["市发展改革委"], "support": ["市财政局"]}, "control: a purpose clause names no doer (unchanged)"),
    ("区文旅局积极争取市文旅局支持，负责举办文化节。", {"sole": ["区文旅局"]},
     "control: the body asked (争取X支持) gets no role (unchanged)"),
    ("市政府要求，各区政府负责本辖区道路保洁。", {"sole": ["各区政府"]}, "control: X要求 names no doer (unchanged)"),
    # 负责配合
    ("市政、城管部门负责配合民政部门做好地名牌的安装。",
     {"lead": ["民政部门"], "support": ["市政部门", "城管部门"]}, "负责配合Y: support, Y leads (tagsblind9 12 8., reworded)"),
    ("区城管局负责配合区住建局做好违法建筑拆除。", {"lead": ["区住建局"], "support": ["区城管局"]}, "负责配合Y, 区 level"),
    ("省商务厅负责配合省发展改革委，做好项目申报。", {"lead": ["省发展改革委"], "support": ["省商务厅"]},
     "负责配合Y，…: Y ends at the comma"),
    ("县公安局负责配合做好交通疏导。", {"support": ["县公安局"]}, "负责配合 with no one named: support alone"),
    ("区住建局负责配合上级部门做好检查。", {"support": ["区住建局"]},
     "负责配合 a body relative to the reader (上级部门: vague_prose_names): support, no lead"),
    ("市财政局负责配合有关部门做好资金保障。", {"support": ["市财政局"]}, "负责配合 a vague group: support, no lead"),
    ("市公安局负责交通疏导，配合市交通委做好车辆分流。", {"sole": ["市公安局"]},
     "control: its own duty first, a support further on — not proved (unchanged)"),
    # 要 as a duty verb; 配合 further in the predicate
    ("工商部门要提供相关信息资源，积极参与、主动配合实有人口信息采集工作。", {"sole": ["工商部门"]},
     "要 + its own work; 配合 names no one it supports: the duty is its own (tagsblind9 13, reworded)"),
    ("县税务局要做好数据比对，积极配合全县普查工作。", {"sole": ["县税务局"]}, "the same, 县 level"),
    ("区财政局要积极配合做好经费保障。", {"support": ["区财政局"]}, "control: the predicate opens with 配合 (unchanged)"),
    ("市场监管部门要加强抽检，公安机关要配合做好案件查处。", {"lead": ["市场监管部门"], "support": ["公安机关"]},
     "X要…，Y要配合…: one sentence, Y supports its one other doer"),
    ("区教育局要加强校园安全管理，区公安分局要积极配合。", {"lead": ["区教育局"], "support": ["区公安分局"]},
     "the same, 区 level, 配合 closing the sentence"),
    ("市场监管部门要加强抽检。公安机关要配合做好案件查处。", {"sole": ["市场监管部门"], "support": ["公安机关"]},
     "control: two sentences — each keeps its own role (README: not across sentences)"),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:10] for r in ROWS])
def test_duty_sentence_roles(sentence, expected, why):
    task = _item(UNTAGGED.format(s=sentence), sentence)
    assert _roles(task) == expected, why


# (a paragraph of a 部门职责 part in a tagged plan, its roles, why): a later sentence whose subject is a named unit with a
# role said outright (a modal, 牵头, 配合 …) adds that unit — each sentence its own role (not across sentences);
# a kind of body adds nobody, a collective group the plan addresses is read as one group (session 11)
DUTY_PART = [
    ("县卫健委负责医疗救治。县财政局要保障救治经费。", {"shared": ["县卫健委", "县财政局"]},
     "a second sentence with its own modal subject: two units own the paragraph (shared, none alone)"),
    ("县公安局负责治安管理。县民政局要配合做好安置工作。", {"sole": ["县公安局"], "support": ["县民政局"]},
     "across a full stop each sentence keeps its role: 县民政局 supports, 县公安局 keeps sole"),
    ("县教育局负责学校安全。企业要落实主体责任。", {"sole": ["县教育局"]}, "control: a kind of body (企业) adds nobody"),
    ("县应急局负责统筹协调。有关部门要按职责做好相关工作。", {"shared": ["县应急局", "有关部门"]},
     "a collective group the plan addresses with a modal (有关部门要…) is read as one group (session 11 decision), as in a plan "
     "without tags — the first reading of this row (nobody added) was corrected to that decision"),
]


@pytest.mark.parametrize(("paragraph", "expected", "why"), DUTY_PART, ids=[r[0][:8] for r in DUTY_PART])
def test_later_sentences_of_a_duty_part(paragraph, expected, why):
    text = ("某县关于推进工作的实施方案\n一、主要任务\n（一）推进老旧小区改造。（县住建局牵头，县财政局配合）\n"
            f"二、部门职责\n{paragraph}\n")
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if t.text.startswith(paragraph[:6])]
    assert _roles(task) == expected, why


def test_a_duty_section_of_a_tagged_plan():
    """The same sentences inside a 部门职责 part of a tagged plan are read as in an untagged plan (a duty part states
    duties): `X要…，Y要配合…` and `X负责会同Y…`."""
    text = ("某县关于推进工作的实施方案\n一、主要任务\n（一）推进老旧小区改造。（县住建局牵头，县财政局配合）\n"
            "二、部门职责\n县民政局负责会同县公安局清理规范门牌编号。\n县市场监管局要加强抽检，县公安局要配合做好案件查处。\n")
    _, tasks = parse_document(text, "p")
    by = {t.text[:6]: _roles(t) for t in tasks}
    assert by["县民政局负责"] == {"lead": ["县民政局"], "support": ["县公安局"]}
    assert by["县市场监管局"] == {"lead": ["县市场监管局"], "support": ["县公安局"]}
    assert by["（一）推进老"] == {"lead": ["县住建局"], "support": ["县财政局"]}


# (a paragraph of a plan without tags that a prose form reads — X负责… — and the units its other clauses name, why):
# written before the code (session 14, prose5).  A comma clause right after the prose form's own clause, opened by a
# named unit with a modal (`X负责A，Y要B` / `X负责A，Y要配合B`), is the same statement; across a full stop each sentence
# keeps its own role — the supported unit leads only when the supporting sentence names it.
PROSE_READ = [
    ("县公安局负责治安管理。县民政局要配合做好安置工作。", {"sole": ["县公安局"], "support": ["县民政局"]},
     "two sentences, the second names no one it supports: each keeps its role (README: not across sentences)"),
    ("县公安局负责治安管理。县民政局要配合县公安局做好安置工作。", {"lead": ["县公安局"], "support": ["县民政局"]},
     "the supporting sentence names the unit it supports: that unit leads"),
    ("县公安局负责治安管理，县民政局要配合做好安置工作。", {"lead": ["县公安局"], "support": ["县民政局"]},
     "one sentence: Y supports its one other doer, which leads (it was X sole, Y dropped)"),
    ("县公安局负责治安管理，县民政局要做好安置工作。", {"shared": ["县公安局", "县民政局"]},
     "one sentence, two owners: shared (it was X sole, Y dropped)"),
    ("县公安局负责治安管理，企业要落实主体责任。", {"sole": ["县公安局"]}, "control: a kind of body adds nobody"),
    ("县公安局负责治安管理，发现问题要及时报告。", {"sole": ["县公安局"]}, "control: no subject in the clause"),
]


@pytest.mark.parametrize(("paragraph", "expected", "why"), PROSE_READ, ids=[r[0][:12] for r in PROSE_READ])
def test_other_clauses_of_a_prose_read_paragraph(paragraph, expected, why):
    task = _item(UNTAGGED.format(s=paragraph), paragraph)
    assert _roles(task) == expected, why
