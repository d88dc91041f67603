"""Prose roles beyond ``X负责`` at a paragraph's start (session 9, prose helper; blind sets holdout8 A/B/G and
tagsblind4 3/4/5): the subject of a duty paragraph, ``由X牵头`` in an untagged paragraph of a tagged plan, a unit's
name ending at its suffix, a sub-heading alone on its line as its task's title, items numbered straight through
several sections.  Table-driven: text → roles → why; controls that must NOT change are rows too."""

import pytest

from kb.parser import parse_document
from kb.parser.roles import load_vocabulary, name_end, opening_subject

ROLE_KEYS = ("lead", "guide", "support", "sole", "shared")


def _roles(task):
    return {k: getattr(task, k) for k in ROLE_KEYS if getattr(task, k)}


def _task(text, start):
    _, tasks = parse_document(text, "t")
    hits = [t for t in tasks if t.text.startswith(start)]
    assert len(hits) == 1, [t.text[:20] for t in tasks]
    return hits[0]


UNTAGGED = "关于进一步加强本区某项工作的方案\n\n一、工作目标\n\n到2026年底，实现规范管理。\n\n三、职责分工\n\n{}\n\n四、保障措施\n\n{}\n"
TAGGED = ("某区工作方案\n\n一、主要任务\n\n1.加强管理。（区交通委牵头，区公安分局配合）\n\n2.推进建设。（区建管委负责）\n\n"
          "三、职责分工\n\n{}\n\n四、保障措施\n\n{}\n")

# (paragraph in a duty part, expected roles, why)
DUTY_CASES = [
    ("1.区城管执法局依法对违法倾倒的行为实施行政处罚。", {"sole": ["区城管执法局"]},
     "a unit opening a duty paragraph with no 负责 verb: the subject does it (依法 …实施处罚)"),
    ("2.区房管局指导、协调各街道做好住宅小区的管理工作。", {"guide": ["区房管局"]},
     "指导 as the predicate's first verb after the subject: guide"),
    ("3.区建设和管理委员会承担消纳场所的建设管理。", {"sole": ["区建设和管理委员会"]},
     "承担 … (not 承担…职责); a suffix inside the name (委|员会) is passed: no predicate word follows it"),
    ("4.区绿化市容局建立监管机制，落实日常巡查。", {"sole": ["区绿化市容局"]},
     "区绿化市|容局: 市 is a suffix but 容 opens no predicate, so the name runs to 局"),
    ("5.各街道、镇作为辖区管理的责任主体，负责组织落实分类投放。居民区垃圾原则上由本区环卫企业负责清运。",
     {"shared": ["各街道", "各镇"]},
     "the inner 由X负责 clause never replaces the paragraph's subject; 各 governs 镇 too; two units share"),
    ("6.区市场监管局是市场管理的主体，负责督促市场落实管理责任。", {"sole": ["区市场监管局"]},
     "X是…主体，负责…"),
    ("7.区发展改革委负责牵头组织开展项目评估。", {"lead": ["区发展改革委"]},
     "X…负责牵头组织开展…: lead, as the verb says"),
    ("8.区财政局负责落实所需经费。", {"sole": ["区财政局"]}, "X负责 (the prose form of before): unchanged"),
    ("9.企业要落实分类责任。", {}, "control: 企业 is no unit of the plan"),
    ("10.各地要加强宣传。", {"sole": ["各地"]}, "各地要…: a collective subject (session 11: the lead's decision — the plan's collective subjects are read as one group; was a control)"),
    ("11.有关部门依法做好监管。", {"sole": ["有关部门"]}, "有关部门…: a collective subject (session 11: the lead's decision — the plan's collective subjects are read as one group; was a control)"),
    ("12.加强日常监督检查，区城管执法局依法查处。", {}, "control: the paragraph does not open with a unit"),
]


@pytest.mark.parametrize(("para", "expected", "why"), DUTY_CASES, ids=[c[2][:30] for c in DUTY_CASES])
@pytest.mark.parametrize("plan", [UNTAGGED, TAGGED], ids=["untagged plan", "tagged plan"])
def test_duty_paragraph_subject(plan, para, expected, why):
    t = _task(plan.format(para, "各部门要加强协同配合。"), para[:8])
    assert _roles(t) == expected, why
    assert (t.role_source == "prose") == bool(expected), why


# (paragraph outside a duty part, in a plan WITHOUT tags, expected roles, why): today's stricter forms + the two
# forms that say the subject does the work.
PLAIN_CASES = [
    ("区环保局建立监管机制，负责日常监督检查。", {"sole": ["区环保局"]},
     "X建立…，负责…: the 负责 clause has no subject of its own, the sentence's subject does it"),
    ("区市场监管局是市场管理的主体，负责督促市场落实责任。", {"sole": ["区市场监管局"]}, "X是…主体，负责…"),
    ("区城管执法局依法对违法行为实施处罚。", {}, "outside a duty part a subject with no role word gives no role"),
    ("区房管局指导各街道做好管理工作。", {"guide": ["区房管局"]},
     "指导 opening the predicate of a named office: guide (session 11: the lead's brief — a plain action verb of a unit "
     "subject gives its duty in a plan without tags; was a control)"),
    ("省级人民政府应根据需要，成立相应的应急工作指挥部，负责领导本地区工作。", {"sole": ["省级人民政府"]},
     "X应…: setting the 指挥部 up is the province's duty (session 10, duty_modals); the 负责 clause after the body being "
     "set up is the 指挥部's and gives no role of its own (国办函〔2005〕57号)"),
    ("各部门要加强协同配合，负责落实。", {"sole": ["各部门"]}, "各部门要…: a collective subject (session 11: the lead's decision — the plan's collective subjects are read as one group; was a control)"),
]


@pytest.mark.parametrize(("para", "expected", "why"), PLAIN_CASES, ids=[c[2][:30] for c in PLAIN_CASES])
def test_subject_outside_duty_parts(para, expected, why):
    t = _task(UNTAGGED.format("区财政局负责经费保障。", para), para[:8])
    assert _roles(t) == expected, why


# (paragraph of a plan WITHOUT tags, outside a duty part, expected roles, why): a modal after the subject states its
# duty (session 10, duty_modals in roles.yaml; 崇明 燃气事故应急预案 2023, 松江 公益林 2026).
MODAL_CASES = [
    ("区建设管理委应充分利用监管平台，实施动态监测。", {"sole": ["区建设管理委"]}, "X应…: the unit's duty"),
    ("区级林业部门要强化政策宣贯力度。", {"sole": ["区级林业部门"]}, "X要…"),
    ("区卫生健康委应当做好医疗救护。", {"sole": ["区卫生健康委"]}, "X应当…"),
    ("区交通委、区公安分局要加强道路巡查。", {"shared": ["区交通委", "区公安分局"]}, "two units: shared"),
    ("发布预警信息的区建设管理委应立即宣布解除预警。", {"sole": ["区建设管理委"]},
     "a relative clause (…的) before the subject is no part of its name"),
    ("当燃气事故风险已经解除，区建设管理委应立即宣布解除预警。", {"sole": ["区建设管理委"]},
     "a 当… clause of condition before the subject"),
    ("一旦出现跨区影响的态势，区建设管理委应当及时向毗邻省市通报。", {"sole": ["区建设管理委"]}, "一旦… before the subject"),
    ("区住房保障局（以下简称“区房管局”）应当建立台账。", {"sole": ["区住房保障局"]},
     "（以下简称…） after the name is no part of it; the name as written first (the short form: its second name)"),
    ("燃气企业应落实应急处置队伍的建设。", {}, "control: an enterprise is no unit of the plan (modal_subject_not)"),
    ("事发单位应向属地政府报告事故信息。", {}, "control: the party an accident befalls is no named unit"),
    ("科研单位要健全完善内部管理制度。", {}, "control: a kind of body (科研单位, 职业院校, 专利代理机构, 试点地区), no named unit"),
    ("专利代理机构应当按照委托人的委托办理专利事务。", {}, "control: a regulation's kind of body"),
    ("省级人民政府有关部门要加强监测。", {"sole": ["省级人民政府有关部门"]}, "a collective subject by level (session 11: the lead's decision — the plan's collective subjects are read as one group; was a control)"),
    ("中央和地方各级政府要增加投入。", {}, "control: 各级 governments are no body"),
    ("各省（区、市）人民政府要统筹建立名录库。", {"sole": ["各省（区、市）人民政府"]},
     "各X政府要… addresses all provinces as doers (国发〔2019〕5号), as 各地要… (session 11: the lead's decision — the plan's collective subjects are read as one group; was a control)"),
    ("不按照本预案规定和指挥部要求采取措施的，依法追究责任。", {}, "control: a condition, no subject"),
    ("区财政局研究制定资金政策。", {"sole": ["区财政局"]},
     "a named office + a plain action verb (研究制定): its duty (session 11: the lead's brief, holdout10 cause 2; was a control)"),
    ("由街镇组织实施的公益林抚育工作收回到区级林业部门实施。", {},
     "control: 由X组织实施的Y is a relative clause (what X organised), no role of X (organized-by)"),
    ("国务院办公厅是全国工作的主管单位，地方各级人民政府办公厅是本地区工作的主管单位，主管单位负责推进工作。", {},
     "control: clauses naming several subjects' places (X是…，Y是…): none of them owns the paragraph alone"),
    ("区级林业部门作为收回工作的统筹主体，要切实履行牵头抓总职责，加强统筹协调。", {"lead": ["区级林业部门"]},
     "履行牵头抓总职责 in the predicate (predicate_roles): lead"),
    ("街镇林业部门作为原有工作的实施主体，要严格落实属地责任，全力配合区级部门做好工作交接。", {"support": ["街镇林业部门"]},
     "全力配合… in the predicate: support"),
    ("区财政局要积极配合做好经费保障。", {"support": ["区财政局"]}, "积极配合: support"),
    ("各成员单位要按照职责分工，互通信息，密切配合。", {}, "control: a 各X group is no named unit (国函〔2018〕144号)"),
    ("区公安分局要建立配合单位名录。", {"sole": ["区公安分局"]}, "control: 配合单位 is a noun, no support (a modal duty)"),
    ("区城运应急委办公室是日常办事机构，日常工作由区城运中心、区应急局共同承担。", {"shared": ["区城运中心", "区应急局"]},
     "由X、Y共同承担: shared (shared-by)"),
    ("本预案的具体解释工作由区建设管理委会同有关部门承担。", {"lead": ["区建设管理委"], "support": ["有关部门"]},
     "由X会同Y承担 after a topic (…工作由X会同Y): the lead is what follows 由"),
    ("中国（上海）自由贸易试验区管委会会同区商务委制定办法。", {"lead": ["中国（上海）自由贸易试验区管委会"], "support": ["区商务委"]},
     "control: 由 inside 自由贸易 is no 由 of a clause"),
]


@pytest.mark.parametrize(("para", "expected", "why"), MODAL_CASES, ids=[c[2][:30] for c in MODAL_CASES])
@pytest.mark.parametrize("plan", [UNTAGGED.replace("三、职责分工", "三、工作安排")], ids=["untagged plan"])
def test_modal_duty_of_the_subject(plan, para, expected, why):
    t = _task(plan.format("区财政局负责经费保障。", para), para[:8])
    assert _roles(t) == expected, why


def test_modal_duty_in_a_tagged_plan():
    """Session 16 (tests/test_prose_sentences.py): a paragraph of a part no tag covers (四、保障措施) is read sentence by
    sentence — its one sentence's unit does it; a paragraph with no marker of its own beside the tagged items (it may be a
    tagged item's other paragraph) stays unread, as before."""
    t = _task(TAGGED.replace("三、职责分工", "三、工作安排").format("x", "区建设管理委应加强监测。"), "区建设管理委应")
    assert _roles(t) == {"sole": ["区建设管理委"]}, "outside the tagged work: the unit's modal duty (was {} before)"
    beside = TAGGED.replace("2.推进建设。（区建管委负责）", "2.推进建设。（区建管委负责）\n\n区建设管理委应加强监测。")
    t = _task(beside.format("x", "y"), "区建设管理委应")
    assert _roles(t) == {}, "a paragraph with no marker beside the tagged items: read for 由X/牵头 forms only"


def test_a_bare_duty_in_a_tagged_plan():
    """区政府负责本辖区的组织实施 (a control of session 9: no role in a tagged plan) — in 四、保障措施, a part no tag covers, its
    one sentence's doer (session 16), the paragraph's kind kept (no task proper is added to the plan's count); a paragraph
    with no marker beside the tagged items still none."""
    t = _task(TAGGED.format("x", "区政府负责本辖区的组织实施。"), "区政府负责")
    assert _roles(t) == {"sole": ["区政府"]} and t.kind == "paragraph"
    beside = TAGGED.replace("2.推进建设。（区建管委负责）", "2.推进建设。（区建管委负责）\n\n区政府负责本辖区的组织实施。")
    t = _task(beside.format("x", "y"), "区政府负责")
    assert _roles(t) == {}, "a paragraph with no marker beside the tagged items"


DUTY_LIST = ("某区处置燃气事故应急预案\n\n2　组织体系\n\n2.5.1　职能部门\n\n{}\n\n（1）指导事发地政府处置燃气事故。\n\n"
             "（2）组织编制应急预案。\n\n（3）组织应急演练，区科委负责提供通信保障。\n\n2.6　专家机构\n\n（1）组建专家库，提供咨询。\n")


@pytest.mark.parametrize(("lead_in", "items", "why"), [
    ("区建设管理委员会（以下简称“区建设管理委”）是本区燃气的行政主管单位，负责燃气应急管理。主要履行以下职责：",
     {"sole": ["区建设管理委员会"]}, "the sub-items after 主要履行以下职责： are the subject's duties"),
    ("区建设管理委、区应急局是本区燃气应急的主管单位，负责燃气应急管理。职责如下：",
     {"shared": ["区建设管理委", "区应急局"]}, "two subjects: each sub-item shared"),
    ("区建设管理委是本区燃气的行政主管单位，负责燃气应急管理。", {},
     "control: a lead-in that opens no list of duties gives its sub-items nothing"),
    ("各部门应履行以下职责：", {"sole": ["各部门"]}, "a collective subject's list of duties (session 11: the lead's decision — the plan's collective subjects are read as one group; was a control)"),
], ids=["list after 以下职责", "two subjects", "control: no opener", "collective subject"])
def test_duty_list_after_its_subject(lead_in, items, why):
    _, tasks = parse_document(DUTY_LIST.format(lead_in), "t")
    first = next(t for t in tasks if t.text.startswith("（1）指导"))
    second = next(t for t in tasks if t.text.startswith("（2）组织编制"))
    assert _roles(first) == items, why
    assert _roles(second) == items, why
    third = next(t for t in tasks if t.text.startswith("（3）组织应急演练"))
    assert _roles(third) == {"sole": ["区科委"]}, "a sub-item naming its own unit (区科委负责…) keeps its own reading"
    other = next(t for t in tasks if t.text.startswith("（1）组建专家库"))
    assert _roles(other) == {}, "the list ends at the next heading"


# (untagged paragraph of a TAGGED plan, expected roles, why)
TAGGED_PROSE_CASES = [
    ("由区发展改革委、区财政局、区交通委牵头，会同相关部门和各街镇，建立工作推进机制。",
     {"lead": ["区发展改革委", "区财政局", "区交通委"]},
     "a closing paragraph with no tag whose own sentence says 由A、B、C牵头 (the vague 相关部门 no support)"),
    ("其余单位的分类推进由街镇牵头，区绿化市容局配合落实。", {"lead": ["街镇"], "support": ["区绿化市容局"]},
     "由街镇牵头 (a two-character unit of short_unit_names), ，Y配合 support"),
    ("由区规划资源局制定配套政策。", {"sole": ["区规划资源局"]}, "由X制定…: X does it"),
    ("成立由区交通委牵头，区公安分局参加组成的工作专班。", {},
     "control: 成立由X牵头…组成的专班 describes a body of several being set up, not who does the paragraph"),
    ("成立由区交通委牵头，区财政局、区公安分局等部门共同参与的推进机制，统筹推进试点工作。", {},
     "control: in a tagged plan a body being set up (成立由X牵头…的推进机制) is no task of the paragraph"),
    ("各区要加强组织领导。", {}, "control: no role form"),
    ("本方案共梳理出三十项工作举措，由十五个部门牵头落实。", {},
     "control: a count of units (十五个部门) names no unit (lead session 9: it was read as the lead 十五个部门)"),
]


@pytest.mark.parametrize(("para", "expected", "why"), TAGGED_PROSE_CASES, ids=[c[2][:30] for c in TAGGED_PROSE_CASES])
def test_untagged_paragraph_of_a_tagged_plan(para, expected, why):
    t = _task(TAGGED.format("区财政局负责经费保障。", para), para[:8])
    assert _roles(t) == expected, why
    assert (t.kind == "task") == bool(expected), "a paragraph given roles in a tagged plan is a task"


def test_tagged_paragraph_is_read_by_its_tag_only():
    t = _task(TAGGED.format("区财政局负责经费保障。", "x"), "1.加强管理")
    assert _roles(t) == {"lead": ["区交通委"], "support": ["区公安分局"]} and t.role_source == "tag"


# (name as a prose group caught it, where the unit's name ends, why)
NAME_END_CASES = [
    ("南桥镇选择停车矛盾突出的住宅小区", 3, "a verb phrase after the unit suffix is no part of the name"),
    ("各省（区、市）政府要建立省级政府办公厅", 9, "要 after 政府: the name ended"),
    ("区绿化市容局", None, "区绿化市|容局: no predicate word after 市"),
    ("区建设和管理委员会", None, "委|员会"),
    ("区政府应急管理办公室", None, "应急 goes on a name (predicate_start_not)"),
    ("区委组织部", None, "组织 is no predicate word (区委组织部)"),
    ("区应急联动中心通过组织各方力量", 7, "通过 opens a predicate (崇明 燃气预案 2023)"),
    ("公安分局立即设置警戒", 4, "立即 opens a predicate"),
]


@pytest.mark.parametrize(("name", "end", "why"), NAME_END_CASES, ids=[c[0] for c in NAME_END_CASES])
def test_name_end(name, end, why):
    assert name_end(name, load_vocabulary()) == end, why


def test_last_unit_of_a_list_stops_at_its_suffix():
    plan = "停车方案\n\n一、主要任务\n\n（一）开展试点。由区建管委会同区公安分局、南桥镇选择停车矛盾突出的住宅小区开展共享停车试点。\n"
    t = _task(plan, "（一）开展试点")
    assert _roles(t) == {"lead": ["区建管委"], "support": ["区公安分局", "南桥镇"]}


def test_opening_subject_controls():
    v = load_vocabulary()
    assert opening_subject("区城管执法局依法对…实施行政处罚。", v) == (["区城管执法局"], "依法对…实施行政处罚。")
    assert opening_subject("由区城管执法局负责。", v) is None  # 由X: the prose forms
    assert opening_subject("企业要落实主体责任。", v) is None
    assert opening_subject("加强巡查，区城管执法局依法查处。", v) is None


SECTION_PLAN = ("方案\n\n二、主要任务\n\n(一)解决居民区装修垃圾积压现象\n\n各街道、镇要全面排查居民区装修垃圾积压情况，限期清运。\n\n"
                "（二）其他\n\n开展行动。加强巡查。\n\n（三）加强监管\n\n加强日常巡查，发现问题及时处置。\n\n严格执法，依法查处。\n")


@pytest.mark.parametrize(("start", "title", "why"), [
    ("各街道、镇要全面排查", "解决居民区装修垃圾积压现象", "a heading alone on its line (ASCII brackets) over one body: its title"),
    ("开展行动", "开展行动", "a body whose first sentence is a title keeps it"),
    ("加强日常巡查", None, "a section of several paragraphs: the heading is the section's title, not each one's"),
])
def test_sub_heading_is_the_title(start, title, why):
    t = _task(SECTION_PLAN, start)
    assert t.title == title, why
    assert not t.text.startswith("(") and not t.text.startswith("（"), "the body is the task's text"


def test_items_numbered_straight_through_sections_keep_their_numbers():
    plan = ("某区方案\n\n一、主要任务\n\n（四）加强管理\n\n11.加强巡查。（区城管执法局负责）\n\n12.加强执法。（区城管执法局负责）\n\n"
            "（五）推进建设\n\n围绕设施建设，重点做好以下工作。\n\n13.建设设施。（区建管委负责）\n\n"
            "14.完善网络，加强维护管理，确保运行。\n\n（区建管委负责）\n\n15.加强宣传。（区委宣传部负责）\n\n"
            "（六）其他\n\n说明一。\n\n1.做好保障。（区财政局负责）\n")
    _, tasks = parse_document(plan, "t")
    assert [t.label for t in tasks] == ["一（四）11", "一（四）12", "一（五）引言", "一（五）13", "一（五）14", "一（五）15",
                                        "一（六）引言", "一（六）1"], \
        "a section numbered from 1 after a lead-in: its 引言, and the items keep the plan's numbers (1.做好保障 is 一（六）1)"


def test_article_heading_stands_alone():
    """An article's heading alone on its line (``第五条 管理部门``, 沪奉府规〔2024〕4号, read untuned) is no part of the
    article's first paragraph: glued, the prose reader took 管理部门区绿化市容局 for the unit (a confident wrong name)."""
    plan = ("奉贤区景观照明管理实施意见\n\n第五条 管理部门\n\n区绿化市容局负责全区景观照明的指导、协调、监管。\n\n"
            "第六条 规划实施方案\n\n各街镇人民政府是区域管理责任单位，在区绿化市容局的指导下，负责辖区内设施的管理工作。\n")
    _, tasks = parse_document(plan, "t")
    assert [(t.text, _roles(t)) for t in tasks] == [
        ("第五条管理部门", {}), ("区绿化市容局负责全区景观照明的指导、协调、监管。", {"sole": ["区绿化市容局"]}),
        ("第六条规划实施方案", {}),
        ("各街镇人民政府是区域管理责任单位，在区绿化市容局的指导下，负责辖区内设施的管理工作。", {"sole": ["各街镇人民政府"]}),
    ]


TABLE_PLAN = ("某区工作方案\n\n一、主要任务\n\n1.推进分类减量。其余单位的分类推进由街镇牵头，区绿化市容局配合落实。\n\n"
              "附件\n\n任务分工表\n\n序号\t任务\t牵头单位\t配合单位\n1\t推进分类减量\t街镇\t区绿化市容局\n"
              "2\t建设回收网点\t区商务委\t各街镇\n")


def test_a_plan_with_a_task_table_reads_no_body_prose():
    """A plan that assigns its tasks in a task table: the body paragraph restates row 1, so its 由街镇牵头 is not read
    again: no role is read from prose, each row gives its roles once (a department's tasks were counted twice: holdout4
    宝山 31 → 32 when it was)."""
    _, tasks = parse_document(TABLE_PLAN, "t")
    assert not [t.label for t in tasks if t.role_source == "prose"]
    assert sorted((t.lead, t.support) for t in tasks if t.lead) == [(["区商务委"], ["各街镇"]), (["街镇"], ["区绿化市容局"])]


TIME_LINE_PLAN = ("某区实施方案\n\n三、实施步骤\n\n（一）明确事项收回节点\n\n区级林业部门与各街镇做好沟通对接。\n\n"
                  "完成时限：2025年12月。\n\n（二）加强事项资金保障\n\n加强沟通，与区财政局研究制定政策。\n\n{}\n")


@pytest.mark.parametrize(("line", "deadlines", "why"), [
    ("完成时限：2026年1月。", ["2026年1月"], "a line of time labels only closes the item above: its time limit"),
    ("完成时间：2026年6月底前。", ["2026年6月底前"], "another time label"),
    ("时间节点：2026年3月底。", ["2026年3月底"], "时间节点"),
], ids=["完成时限", "完成时间", "时间节点"])
def test_time_line_closes_the_item_above(line, deadlines, why):
    doc, tasks = parse_document(TIME_LINE_PLAN.format(line), "t")
    item = next(t for t in tasks if t.text.startswith("加强沟通"))
    assert [d.text for d in item.deadlines] == deadlines, why
    assert not any(t.text.startswith(line[:4]) for t in tasks), "the line itself is no task"
    assert not item.warnings and not item.tag and _roles(item) == {}, "no roles, no warning"
    assert not doc.tagged, "a time line gives no roles: the plan stays untagged (its prose is read)"
    first = next(t for t in tasks if t.text.startswith("区级林业部门与"))
    assert [d.text for d in first.deadlines] == ["2025年12月"]


def test_time_line_with_units_is_a_label_line_and_without_item_a_paragraph():
    tagged = TIME_LINE_PLAN.format("牵头单位：区财政局\n\n完成时限：2026年1月。")
    _, tasks = parse_document(tagged, "t")
    item = next(t for t in tasks if t.text.startswith("加强沟通"))
    assert item.lead == ["区财政局"] and [d.text for d in item.deadlines] == ["2026年1月"], "label lines as before"
    _, tasks = parse_document("某区实施方案\n\n三、实施步骤\n\n完成时限：2026年1月。\n", "t")
    assert any(t.text.startswith("完成时限") and t.warnings for t in tasks), "control: no item above: a paragraph, warned"


# (paragraph of a 预案 without tags, expected roles, why): a document of duties (duty_documents) — a named unit's
# paragraph gives it its role whatever the verb, as in a duty part; the same paragraph in a 方案 gives nothing.
YUAN = "某区处置燃气事故应急预案\n\n8　预案管理\n\n{}\n"
FANG = "某区燃气安全工作方案\n\n八、工作安排\n\n{}\n"
DUTY_DOCUMENT_CASES = [
    ("区建设管理委根据实际情况，适时评估修订本预案。", {"sole": ["区建设管理委"]}, "a plain verb after 根据…"),
    ("区建设管理委将本区制定的应急预案报市住建委备案。", {"sole": ["区建设管理委"]}, "将…报…备案: the filer"),
    ("区融媒体中心等部门做好新闻媒体协调和服务工作。", {"sole": ["区融媒体中心"]}, "等部门 tail dropped"),
    ("区政府对本行政区域内各类燃气事故的应对负有属地管理责任。", {"sole": ["区政府"]}, "对…负有…责任"),
    ("区应急联动中心通过组织、调度各方力量，对突发事件进行先期处置。", {"sole": ["区应急联动中心"]}, "通过… 进行"),
    ("区房管局指导、协调各街道做好燃气安全工作。", {"guide": ["区房管局"]}, "指导 first: guide, as in a duty part"),
    ("燃气企业及时判断可能引发停气的时间。", {}, "control: an enterprise"),
    ("各乡镇组织协调应急队伍开展应急处置。", {}, "control: a 各X group"),
    ("事故调查组由燃气、应急、公安等部门派员组成。", {}, "control: a body's make-up, no unit opens it"),
]


@pytest.mark.parametrize(("para", "expected", "why"), DUTY_DOCUMENT_CASES, ids=[c[2][:30] for c in DUTY_DOCUMENT_CASES])
def test_duty_document_subject(para, expected, why):
    assert _roles(_task(YUAN.format(para), para[:8])) == expected, why
    if expected and "指导" not in para:
        # in a 方案 only a named office whose predicate opens with an action verb, or with one manner clause and then
        # one, is read (session 11, prose2: 区融媒体中心等部门做好…, 区建设管理委根据实际情况，适时评估修订… — were controls);
        # 将…报… / 对…负有 / 通过… open no action verb and give nothing there
        plain = {"sole": [para[:para.index("等部门")] if "等部门" in para else para[:6]]} \
            if para.startswith(("区融媒体中心", "区建设管理委根据")) else {}
        assert _roles(_task(FANG.format(para), para[:8])) == plain, "in a 方案 only a plain action verb gives a role"



def test_short_form_is_the_second_name():
    t = _task(UNTAGGED.replace("三、职责分工", "三、工作安排").format("x", "区住房保障局（以下简称“区房管局”）应当建立台账。"),
              "区住房保障局")
    assert t.subunits == {"区住房保障局": ["区房管局"]}
    t = _task(UNTAGGED.replace("三、职责分工", "三、工作安排").format("x", "区住房保障局应当建立台账（以下简称“台账”）。"),
              "区住房保障局")
    assert t.subunits == {}, "control: a short form of something else in the sentence is no name of the subject"
