"""The prose reading of a tagged plan is gated per PART, not per plan (review-diff R2/R5b/R8, session 15).

A plan that assigns its work by tags, label lines, heading tags, duty sections or a task table used to read EVERY
untagged paragraph with the tagged-plan forms only (由X牵头 / X牵头… / 由X负责), and with a task table nothing at all —
so one tag, or a table read for the first time, silenced the stated duties of its other parts
(``市财政局要将创建经费纳入年度预算。`` in 保障措施 lost its sole 市财政局).  Now:

* a part holding an item its tags (tag, label line, heading tag, duty section, carry-forward note) or a table's row
  cover is the plan's tagged work: its untagged paragraphs are read as before — the tagged forms only, and nothing in
  a plan with a task table (its body restates the table's rows: a second reading would count a task twice);
* every OTHER paragraph (a part no tag or row reaches: 保障措施, 组织实施, a notice's paragraph with no part) keeps the
  reading it would get in a plan without tags — the prose forms and the subject reader — its kind unchanged (it is no
  tagged task: the plan's task counts stay).

Plans written for these tests (their own words; 省/市/县/区, tags, label lines, heading tags, a task table, a note),
every expected value written before the code ran."""

from __future__ import annotations

import pytest

from kb.model import ROLES
from kb.parser import parse_document


def _roles(task) -> dict:
    return {k: getattr(task, k) for k in (*ROLES, "implied") if getattr(task, k)}


def _task(text: str, start: str):
    _, tasks = parse_document(text, "g")
    hits = [t for t in tasks if start in t.text]
    assert len(hits) == 1, [t.text[:20] for t in tasks]
    return hits[0]


#: Each a plan whose 一 is its tagged work, in one of the ways plans tag; ``{}`` is a paragraph of 二、保障措施.
TAGGED = {
    "tags": ("某市2024年优化营商环境工作要点\n一、重点任务\n（一）深化一网通办。推进高频事项全程网办。（市政务服务局牵头，市大数据局配合）\n"
             "（二）优化纳税服务。压缩办税时间。（市税务局负责）\n二、保障措施\n（一）抓好落实。{}\n"),
    "label lines": ("某县农村供水保障实施方案\n一、重点任务\n1.实施管网改造。改造老旧管网50公里。\n牵头单位：县水利局\n配合单位：县财政局\n"
                    "2.提升水质。新建水质检测中心1个。\n责任单位：县卫健局\n二、保障措施\n（一）抓好落实。{}\n"),
    "heading tag": ("某省清洁能源行动计划\n一、调整能源结构（省发展改革委牵头）\n1.控制煤炭消费。压减燃煤总量。\n2.发展光伏发电。新增装机100万千瓦。\n"
                    "二、保障措施\n（一）抓好落实。{}\n"),
    "note": ("某市大气污染防治行动方案\n一、重点任务\n1.治理扬尘。加强工地扬尘管控。（市住建局牵头，市城管局配合，县（市、区）政府负责落实。以下均需县（市、区）政府落实，不再列出）\n"
             "2.治理燃煤。淘汰燃煤小锅炉。（市生态环境局负责）\n二、保障措施\n（一）抓好落实。{}\n"),
    "task table": ("某县2024年农村人居环境整治工作方案\n一、重点任务\n（一）推进垃圾分类。在全县推行农村生活垃圾分类。\n"
                   "（二）推进厕所革命。改造农村户厕2000户。\n二、保障措施\n（一）抓好落实。{}\n附件\n重点任务分工表\n"
                   "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t推进垃圾分类\t县城管局\t各乡镇人民政府\t2024年12月\n"
                   "2\t推进厕所革命\t县农业农村局\t县卫健局、各乡镇人民政府\t2024年11月\n"),
}

#: (a paragraph of a part no tag or row covers, its roles as in a plan without tags, why)
OPEN = [
    ("市财政局要将创建经费纳入年度预算。", {"sole": ["市财政局"]}, "X要…: the unit's stated duty (review R8's probe, the brief)"),
    ("县委督查室负责对各乡镇工作推进情况进行督查通报。", {"sole": ["县委督查室"]}, "X负责…: a bare 负责 outside the tagged work"),
    ("区发展改革委负责统筹协调，会同区商务委建立工作台账。", {"lead": ["区发展改革委"], "support": ["区商务委"]},
     "X负责…，会同Y…: X leads, Y supports (session 14's 会同 decision)"),
    ("省教育厅、省财政厅要加大资金投入。", {"shared": ["省教育厅", "省财政厅"]}, "two units' duty: shared"),
    ("县水利局负责工程建设，县审计局负责对资金使用情况进行审计监督。", {"shared": ["县水利局", "县审计局"]},
     "two 负责 clauses of one paragraph: shared, as in a plan without tags"),
    ("由县住建局牵头，县自然资源局配合，做好用地保障。", {"lead": ["县住建局"], "support": ["县自然资源局"]},
     "由X牵头，Y配合 (a tagged-plan form too: unchanged)"),
    ("成立由市政府分管领导牵头的工作专班。", {}, "control: a body being set up names no doer"),
    ("企业要落实安全生产主体责任。", {}, "control: a kind of body is no unit of the plan"),
    ("区城管执法局依法对违法行为实施处罚。", {}, "control: outside a duty part a subject with no role word gives no role"),
]


@pytest.mark.parametrize("plan", list(TAGGED), ids=list(TAGGED))
@pytest.mark.parametrize(("para", "expected", "why"), OPEN, ids=[r[0][:10] for r in OPEN])
def test_a_part_no_tag_covers_reads_as_a_plan_without_tags(plan, para, expected, why):
    doc, tasks = parse_document(TAGGED[plan].format(para), "g")
    (task,) = [t for t in tasks if para[:8] in t.text]
    assert _roles(task) == expected, why
    # (its kind is kept — an inline-heading item stays a measure, as the tagged-plan forms left it before: the plan's
    # tasks proper are counted as before)
    assert task.kind == "measure", why
    _, bare = parse_document("某市工作方案\n一、保障措施\n（一）抓好落实。" + para + "\n", "u")
    assert _roles(next(t for t in bare if para[:8] in t.text)) == expected, "the same reading as in a plan without tags"


#: (a plan's template, an untagged item standing BESIDE its tagged items, expected roles, why): the part is the plan's
#: tagged work — read as before (tagged forms only; nothing beside a task table).
COVERED = [
    ("tags", "（三）提升审批效率。区行政审批局要压缩审批时限。", {},
     "an untagged item among tagged items: its tag may be missing or the item an aside — left honest (no role)"),
    ("tags", "（三）完善机制。市发展改革委负责统筹协调，会同市商务局建立台账。", {},
     "X会同Y beside tagged items stays unread (session 13, r9-c-wufei-lead's reason)"),
    ("tags", "（三）完善机制。由市商务局牵头建立联席会议制度。", {"lead": ["市商务局"]},
     "由X牵头 is read beside tagged items, as before (session 9)"),
    ("label lines", "3.加强监测。县疾控中心要加强水质监测。", {}, "beside items with label lines: honest"),
    ("task table", "（三）推进污水治理。由县住建局牵头推进农村生活污水治理。", {},
     "a part the table's rows restate: its paragraphs are not read (宝山 2019: a restated row counted twice)"),
]


@pytest.mark.parametrize(("plan", "item", "expected", "why"), COVERED, ids=[f"{r[0]}-{r[1][3:9]}" for r in COVERED])
def test_an_item_beside_tagged_items_is_read_as_before(plan, item, expected, why):
    text = TAGGED[plan].format("各单位要加强协作。")
    anchor = "\n二、保障措施"
    text = text.replace(anchor, "\n" + item + anchor, 1)
    task = _task(text, item[:10])
    assert _roles(task) == expected, why


def test_the_tagged_items_keep_their_roles():
    """The tags, label lines, heading tags, notes and rows give what they gave (a control of every template)."""
    para = "市财政局要将创建经费纳入年度预算。"
    expected = {
        "tags": [{"lead": ["市政务服务局"], "support": ["市大数据局"]}, {"sole": ["市税务局"]}],
        "label lines": [{"lead": ["县水利局"], "support": ["县财政局"]}, {"sole": ["县卫健局"]}],
        "heading tag": [{"lead": ["省发展改革委"]}, {"lead": ["省发展改革委"]}],
        "note": [{"lead": ["市住建局"], "support": ["市城管局"], "shared": ["县（市、区）政府"],
                  "implied": ["县（市、区）政府"]},  # (its own 负责落实 and the note)
                 {"sole": ["市生态环境局"], "implied": ["县（市、区）政府"]}],
        "task table": [{"lead": ["县城管局"], "support": ["各乡镇人民政府"]},
                       {"lead": ["县农业农村局"], "support": ["县卫健局", "各乡镇人民政府"]}],
    }
    for plan, want in expected.items():
        _, tasks = parse_document(TAGGED[plan].format(para), "g")
        got = [_roles(t) for t in tasks if t.part == "一" and t.kind == "task"]
        assert got == want, plan


#: A notice with no parts and a task table as its attachment (tagsblind9 tb9_18's shape, reworded): the notice's
#: paragraph of X负责… sentences is covered by no row.
NOTICE = ("某区人民政府办公室关于印发2024年重点工作目标任务分解的通知\n区政府各部门，各街道办事处：\n"
          "现将目标任务分解如下。区委办公室负责将目标任务完成情况纳入综合考评；区统计局负责对各部门完成的经济类数据进行审核。"
          "各部门要明确责任，抓好落实。\n附件\n2024年重点工作目标任务分解表\n序号\t任务名称\t牵头部门\t配合部门\n"
          "1\t地区生产总值增长6%\t区发改局\t区统计局\n2\t新增城镇就业3000人\t区人社局\t各街道办事处\n")


def test_a_notice_beside_its_task_table_keeps_its_stated_duties():
    task = _task(NOTICE, "区委办公室负责")
    assert _roles(task) == {"shared": ["区委办公室", "区统计局", "各部门"]}, \
        ("R2: the table rows restate none of it — each unit's clause is its duty, as in a plan without tags (各部门要…: "
         "a collective subject read as one group, session 11's decision)")
    alone = NOTICE.split("\n附件")[0] + "\n"
    assert _roles(_task(alone, "区委办公室负责")) == _roles(task), "the reading of the notice without its table"
    _, tasks = parse_document(NOTICE, "g")
    rows = [_roles(t) for t in tasks if t.kind == "task"]
    assert {"lead": ["区发改局"], "support": ["区统计局"]} in rows and len(rows) == 2, "the table's rows as before"


#: The unit-headed plan of review R8 (fixheads made its heads leave the other parts open): a control.
DUTY_HEADS = ("某市创建全国文明城市工作方案\n一、工作目标\n2024年成功创建全国文明城市。\n二、成员单位职责\n"
              "1.市委宣传部：负责创建工作的统筹协调，会同市文明办制定年度工作计划。\n2.市公安局：负责社会治安综合治理。\n"
              "三、保障措施\n（一）强化经费保障。市财政局要将创建经费纳入年度预算。\n"
              "（二）严格督查考核。市委督查室负责对各单位工作推进情况进行督查。\n")


def test_unit_heads_leave_the_other_parts_open():
    assert _roles(_task(DUTY_HEADS, "（一）强化经费")) == {"sole": ["市财政局"]}
    assert _roles(_task(DUTY_HEADS, "（二）严格督查")) == {"sole": ["市委督查室"]}


#: A task table restating the body in other words (宝山 2019's shape, reworded): no row is linked to the paragraph, yet
#: the part is the table's work — its prose is not read a second time.
LOOSE = ("某区2019年生活垃圾分类工作实施方案\n一、重点任务\n（一）加强源头管理。深入开展生活垃圾分类达标街镇创建活动，"
         "其余单位的分类推进由街镇牵头，区绿化市容局配合落实。\n二、保障措施\n（一）抓好落实。区财政局要落实分类经费。\n附件\n任务分工表\n"
         "序号\t工作任务\t牵头部门\t配合部门\n1\t深入开展生活垃圾分类达标、示范街镇创建\t各街镇\t区绿化市容局\n")


def test_a_part_a_table_restates_in_other_words_stays_unread():
    assert _roles(_task(LOOSE, "（一）加强源头")) == {}, "the row restates it (8 letters shared): read once, as the row"
    assert _roles(_task(LOOSE, "（一）抓好落实")) == {"sole": ["区财政局"]}, "保障措施: no row restates it"


#: (a paragraph of a plan WITHOUT tags, its roles, why): words that open or break no unit's name — met when the gate opened
#: the other parts of tagged plans to the subject reader (session 15: gov.cn 无废城市, 上海 交通光伏 2023, 宝山 2019,
#: 上海 交通精细化 2024, 汉阴 2022), reworded; levels varied.
NOT_NAMES = [
    ("——坚持政府引导、市场主体。加强政府统筹引导。", {}, "a dash of a list and 坚持 (a principle): 坚持政府 is no unit"),
    ("坚持政府引导和市场主导相结合，提升治理水平。", {}, "坚持… opens no name"),
    ("实施方案报送生态环境部，经生态环境部会同有关部门组织专家评审通过后实施。", {},
     "经X会同Y…评审后: an approval step (a central ministry after 经), no name 经生态环境部"),
    ("经发局负责招商引资工作。", {"sole": ["经发局"]}, "control: 经发局 is a name"),
    ("既有车站厕所改造新增第三卫生间，三年累计改造新增71个。", {}, "厕所 ends in 所 but is a place the plan builds"),
    ("四是区财政局、区发展改革委要落实资金。", {}, "an enumeration word glued to the name (四是X): no name read — honest"),
    ("认真组织实施.市政府办公室负责督查。", {}, "a sentence mark inside a name (glued text): no name"),
    ("按照上级要求，县自然资源局等部门分别牵头制定了《专项行动方案》。", {}, "牵头制定了《…》: work reported done, no duty"),
    ("县自然资源局要牵头制定专项行动方案。", {"lead": ["县自然资源局"]}, "control: the same work still to do"),
]


@pytest.mark.parametrize(("para", "expected", "why"), NOT_NAMES, ids=[r[0][:8] for r in NOT_NAMES])
def test_words_that_open_no_name(para, expected, why):
    assert _roles(_task("某市工作方案\n一、保障措施\n（一）抓好落实。" + para + "\n", para[:8])) == expected, why


#: (an item of a duty part — its title naming duties — of a plan WITHOUT tags, its roles, why): the sentence stating the
#: item's work is the one after its title (the title was read as the subject's sentence: no one named), and a unit the
#: prose form read as the subject of a ；-part of its own stays beside the subject (holdout13 沪交法〔2025〕175号 一（二）,
#: 山东 2019 五（二） — reworded).
DUTY_TITLED = [
    ("（二）部门工作职责。市、区交通运输部门负责公路超限运输许可；市公安交管部门负责特型机动车临时号牌核发。",
     {"shared": ["市、区交通运输部门", "市公安交管部门"]}, "two parts, two subjects: shared (it was the second alone, sole)"),
    ("（二）加强组织协调，明确职责分工。各市政府是本次行动的责任主体，要明确总负责人。省生态环境厅要加强统筹协调。",
     {"shared": ["各市政府", "省生态环境厅"]}, "the subject after the title, a later sentence's unit added (it was 各市政府 sole)"),
    ("（二）部门职责。县市场监管局要加强涉水产品质量监管，配合县卫健局做好水质检测。", {"sole": ["县市场监管局"]},
     "X要A，配合Y做好B after a title (it was no role): X's duty (the 配合 decision)"),
    ("（二）部门职责。各街道、镇作为辖区管理的责任主体，负责组织落实分类投放。居民区垃圾原则上由本区环卫企业负责清运。",
     {"shared": ["各街道", "各镇"]}, "control: an inner 由X负责 never replaces the subject"),
]


@pytest.mark.parametrize(("para", "expected", "why"), DUTY_TITLED, ids=[r[0][3:10] for r in DUTY_TITLED])
def test_a_titled_item_of_a_duty_part(para, expected, why):
    assert _roles(_task("某市工作方案\n一、职责分工\n" + para + "\n", para[:8])) == expected, why
