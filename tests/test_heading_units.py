"""Responsibilities written at the level of headings and item heads (session 14, heads2).  Table-driven: plan text →
the roles of each task → why; every expectation written BEFORE the code (ROUTED.md heads2, causes 4, 5, 6, 9).

1. A unit as the item's heading — ``（二十一）市公安局。负责…`` / ``3.市财政局：负责…`` / a paragraph opening ``县教育局：`` —
   is the sole doer of the item's duties, read as a duty entry (role_source ``duty``, dialect G's reading) when the
   plan is written this way (two or more such heads); a topic heading, a unit that is a sentence's subject (市发改委要…),
   a quoted body (国务院办公厅印发…) and a lone unit before a colon keep their reading.
2. A heading's tag (``（省发改委总牵头）``) adds only the units an item's own tag does not name: the item's tag decides
   the role of every unit it names (one unit, one role per task).
3. A tag line alone right under an annex's or section's title, items following, is that heading's tag, reaching the
   paragraphs under it; it makes no task of its own.
4. A carry-forward note (``以下各项工作均需…落实``) reaches every later item of the plan, tagged or not.
"""

from __future__ import annotations

import pytest

from kb.parser import parse_document

ROLE_NAMES = ("lead", "support", "guide", "sole", "shared", "implied")


def _roles(t) -> dict[str, list[str]]:
    return {r: list(getattr(t, r)) for r in ROLE_NAMES if getattr(t, r)}


def _by_start(text: str, starts: list[str]):
    doc, tasks = parse_document(text, "t")
    found = {}
    for s in starts:
        hits = [t for t in tasks if t.text.startswith(s)]
        assert len(hits) == 1, (s, [t.text[:20] for t in tasks])
        found[s] = hits[0]
    return doc, tasks, found


# ------------------------------------------------------------------ 1. a unit as the item's heading

#: (plan text, {task start: roles}, {task start: role_source}, why)
UNIT_HEADS = [
    ("某市推进道路交通安全工作实施方案\n一、总体要求\n坚持安全第一。\n二、部门职责\n"
     "（一）市公安局。负责对道路交通违法行为进行查处。\n（二）市财政局。负责落实工作经费保障。\n"
     "（三）市交通运输局。负责客运车辆源头管理，配合市公安局做好联合执法。\n",
     {"（一）市公安局": {"sole": ["市公安局"]}, "（二）市财政局": {"sole": ["市财政局"]},
      "（三）市交通运输局": {"sole": ["市交通运输局"]}},
     {"（一）市公安局": "duty", "（三）市交通运输局": "duty"},
     "市 level, （n）unit。 items: the unit is the sole doer; a 配合 inside its duties names whom it helps, no role"),
    ("某县义务教育优质均衡发展实施方案\n一、工作目标\n到2025年全县通过国家评估认定。\n二、主要措施\n"
     "1.县财政局：负责统筹教育经费；会同县发改局做好项目申报。\n2.县教育局：负责学校布局调整。\n"
     "3.县人社局、县编办：负责教师编制和招聘。\n",
     {"1.县财政局": {"lead": ["县财政局"], "support": ["县发改局"]}, "2.县教育局": {"sole": ["县教育局"]},
      "3.县人社局": {"shared": ["县人社局", "县编办"]}},
     {"1.县财政局": "duty", "3.县人社局": "duty"},
     "县 level, numbered n.unit： items outside a duty part; two units heading one item share it; the head's own "
     "负责…；会同Y is read as X负责…；会同Y (X lead, Y support: fixheads, review R8)"),
    ("某区垃圾分类工作方案\n一、工作任务\n做好分类投放。\n二、职责分工\n区城管局：负责统筹协调垃圾分类工作。\n"
     "区教育局：负责在学校开展分类教育。\n区商务委：负责督促商场超市落实分类。\n",
     {"区城管局": {"sole": ["区城管局"]}, "区教育局": {"sole": ["区教育局"]}, "区商务委": {"sole": ["区商务委"]}},
     {"区城管局": "duty"},
     "区 level, unnumbered paragraphs of a duty part opening unit："),
    # 苏州 防台风 应急响应: 市防指成员单位职责 as published (JS data of a public repository, paragraphs verbatim; the
    # plan's title and part heading here are ours) — a real plan outside Shanghai in form 1, no numbering.
    ("苏州市防台风应急响应\n一、市防指成员单位职责\n"
     "各成员单位服从市防指统一指挥，及时高效执行各项指令；按照职责分工，负责本系统、本行业防台风工作。\n"
     "水务局：组织指导水旱灾害防治体系建设；负责水情、工情的监测预报及预警信息发布；组织开展水利工程日常检查等。\n"
     "教育局：负责全市学校的防台安全工作，督促做好学校及学科类培训机构停课、师生安置转移等工作。做好学校防台风宣传，提高师生防范意识和自我防护能力。\n"
     "工信局：负责保障抢险救灾无线电专用频率使用安全；组织对防御台风无线电台站使用情况进行监督检查；配合做好防御台风抢险救灾所需物资器材的生产保障工作。\n"
     "公安局：负责维护防台抢险秩序和灾区社会治安，负责道路交通临时管制；依法查处盗窃、哄抢防汛、防台风器材、物料及破坏水利、水文、通信设施的案件。\n"
     "财政局：负责安排抢险救灾、应急抢修、险工隐患处理、水毁工程修复等经费，并对资金的使用进行监管。\n",
     {"水务局": {"sole": ["水务局"]}, "教育局": {"sole": ["教育局"]}, "工信局": {"sole": ["工信局"]},
      "公安局": {"sole": ["公安局"]}, "财政局": {"sole": ["财政局"]}},
     {"水务局": "duty", "财政局": "duty"},
     "real (苏州): unit： paragraphs of a 成员单位职责 part; a 配合 inside 工信局's duties gives nobody else a role"),
]


@pytest.mark.parametrize("text, expected, sources, why", UNIT_HEADS, ids=[c[3][:40] for c in UNIT_HEADS])
def test_unit_as_the_item_heading(text, expected, sources, why):
    doc, _, found = _by_start(text, list(expected))
    assert {s: _roles(t) for s, t in found.items()} == expected, why
    assert {s: found[s].role_source for s in sources} == sources, why
    assert all(t.kind == "task" for t in found.values()), why
    assert doc.tagged, "a plan written this way is tagged by its unit heads"


#: (plan text, task start, roles it must keep, why) — rows that must NOT change
NOT_UNIT_HEADS = [
    ("某市推进道路交通安全工作实施方案\n一、部门职责\n（一）市公安局。负责查处违法行为。\n（二）市财政局。负责经费保障。\n"
     "二、保障措施\n（一）加强组织领导。建立联席会议制度。\n",
     "（一）加强组织领导", {}, "a heading naming a topic gives no unit"),
    ("某市物流业发展实施意见\n一、主要任务\n（一）市发改委要加强统筹，做好物流项目储备。每年更新项目库。\n（二）市商务局要完善商贸物流网络。扩大覆盖范围。\n",
     "（一）市发改委要", None, "a unit that is the subject of a sentence (市发改委要…) is read as before, no duty head"),
    ("某市物流业发展实施意见\n一、主要任务\n（一）由市发改委牵头，市财政局配合，做好项目储备。每年更新项目库。\n（二）由市商务局负责完善商贸网络。扩大覆盖范围。\n",
     "（一）由市发改委牵头", None, "由X牵头 is the prose reader's, no duty head"),
    ("某市贯彻落实意见\n一、背景\n（一）国务院办公厅印发《关于加快发展物流业的意见》。要求各地抓好落实。\n"
     "（二）省政府办公厅印发实施方案。明确了任务。\n",
     "（一）国务院办公厅印发", None, "a quoted body (X印发《…》) is no unit heading an item"),
    ("某省药品集中采购试点方案\n一、组织形式\n（一）参加企业。经批准上市的药品生产企业均可参加。\n（二）成立联合采购办公室。在领导小组领导下开展工作。\n"
     "1.监督组。负责对采购工作进行监督。\n2.专家组。负责评审论证。\n",
     "（一）参加企业", {}, "things a topic heading names (企业, 组) and a body being set up (成立…办公室) are no doers"),
    ("某省排查整治方案\n一、排查方式\n1.各市自查。各市组织力量开展自查。\n2.省级核查。采取调阅资料等方式。\n"
     "二、时间安排\n（一）各市自查阶段。4月15日前完成自查。\n（二）省级核查阶段。5月15日前完成核查。\n",
     "1.各市自查", {}, "a group word before its work (各市自查。, 各市自查阶段。) is a topic, no doer"),
    ("某区城市更新实施方案\n一、任务\n（一）推进更新。做好工作。（区建管委负责）\n二、保障措施\n（一）区财政局：落实资金保障。按季度拨付。\n",
     "（一）区财政局", {}, "a lone unit before a colon outside a duty part is no plan written by unit heads"),
]


@pytest.mark.parametrize("text, start, expected, why", NOT_UNIT_HEADS, ids=[c[3][:40] for c in NOT_UNIT_HEADS])
def test_not_a_unit_heading(text, start, expected, why):
    _, _, found = _by_start(text, [start])
    task = found[start]
    assert task.role_source != "duty", why
    if expected is not None:
        assert _roles(task) == expected, why


# ------------------------------------------------------------------ 2. a heading's tag over an item's own tag

HEADING_OVER_OWN = [
    ("（省能源局牵头，省发改委配合）", {"lead": ["省能源局"], "support": ["省发改委"]},
     "the item names the heading's unit as support: support only, never lead too"),
    ("（省发改委、省经信委牵头，省环保厅配合）", {"lead": ["省发改委", "省经信委"], "support": ["省环保厅"]},
     "the item names the heading's unit as lead: unchanged"),
    ("（省经信委负责）", {"lead": ["省发改委"], "shared": ["省经信委"]},
     "the item does not name the heading's unit: the heading adds it as lead (as before)"),
    ("", {"lead": ["省发改委"]}, "an item without a tag takes the heading's roles (as before)"),
    ("（省环保厅牵头，省发改委参与）", {"lead": ["省环保厅"], "support": ["省发改委"]},
     "参与: the item's own word for the heading's unit wins"),
]


@pytest.mark.parametrize("tag, expected, why", HEADING_OVER_OWN, ids=[c[2][:40] for c in HEADING_OVER_OWN])
def test_heading_tag_adds_only_units_the_item_does_not_name(tag, expected, why):
    text = f"浙江省大气污染防治行动计划分工方案\n一、加快调整能源结构（省发改委总牵头）\n（一）控制煤炭消费。制定控制方案。{tag}\n"
    _, tasks = parse_document(text, "t")
    task = next(t for t in tasks if t.text.startswith("（一）"))
    assert _roles(task) == expected, why
    named = [n for r in ROLE_NAMES if r != "implied" for n in getattr(task, r)]
    assert len(named) == len(set(named)), "one unit, one role per task"


def test_heading_with_lead_and_support_over_an_item_tag():
    # 市 level: a section heading's tag names a lead and a support; the item's tag names the support as its lead
    text = ("某市营商环境行动方案\n一、重点任务\n（一）优化审批服务（市政务服务局牵头，市发改委配合）\n"
            "1.推行一网通办。全面推行。（市发改委牵头）\n2.压缩审批时限。压缩到5个工作日。\n")
    _, tasks = parse_document(text, "t")
    by = {t.text[:2]: t for t in tasks}
    assert _roles(by["1."]) == {"lead": ["市发改委", "市政务服务局"]}, "市发改委 leads by its item's tag, not support too"
    assert _roles(by["2."]) == {"lead": ["市政务服务局"], "support": ["市发改委"]}, "an untagged item: the heading's"


# ------------------------------------------------------------------ 3. a tag line under an annex's or section's title

TAG_LINE_UNDER_TITLE = [
    ("某县新型城镇化专项行动方案\n一、总体要求\n做好工作。\n附件1\n城市更新专项行动清单\n(县自然资源局牵头)\n"
     "1.开展城市体检。全面开展城市体检评估。\n2.推进老旧小区改造。完成改造10个。\n",
     {"1.开展城市体检": {"lead": ["县自然资源局"]}, "2.推进老旧小区改造": {"lead": ["县自然资源局"]}},
     "县 level, ASCII brackets: the tag line under an annex title reaches its items"),
    ("某市乡村振兴行动计划\n一、重点任务\n（一）产业振兴行动\n（市农业农村局牵头，市商务局配合）\n"
     "1.发展特色产业。培育龙头企业。\n2.拓展销售渠道。发展农村电商。（市商务局牵头）\n（二）人才振兴行动\n3.培育新型农民。每年培训1000人。\n",
     {"1.发展特色产业": {"lead": ["市农业农村局"], "support": ["市商务局"]},
      "2.拓展销售渠道": {"lead": ["市商务局", "市农业农村局"]},
      "3.培育新型农民": {}},
     "市 level, a section's tag line: its items take it; an item's own tag decides its units; the next section not"),
    ("某区民生实事方案\n一、工作要求\n确保年底前完成。\n附件\n重点项目清单\n（牵头单位：区卫健委）\n1.新建社区卫生服务站2个。\n2.开展家庭医生签约服务。\n",
     {"1.新建社区卫生服务站": {"lead": ["区卫健委"]}, "2.开展家庭医生签约服务": {"lead": ["区卫健委"]}},
     "区 level, a labelled bracket line under an annex title"),
]


@pytest.mark.parametrize("text, expected, why", TAG_LINE_UNDER_TITLE, ids=[c[2][:40] for c in TAG_LINE_UNDER_TITLE])
def test_tag_line_under_a_title_is_the_heading_tag(text, expected, why):
    _, tasks, found = _by_start(text, list(expected))
    assert {s: _roles(t) for s, t in found.items()} == expected, why
    assert not any(t.text.lstrip("(（").startswith(("县自然资源局牵头", "市农业农村局牵头", "牵头单位")) for t in tasks), \
        "the tag line is no task"


def test_label_line_under_a_section_line_without_items_stays_the_item():
    # 蔡甸 style (fixture 07): （一）地区生产总值增长7%以上 / 责任单位：X — the section line is the item itself
    text = "某区工作报告责任分解\n一、主要目标\n（一）地区生产总值增长7%以上\n责任单位：区发改局\n（二）城镇新增就业3000人\n责任单位：区人社局\n"
    _, tasks = parse_document(text, "t")
    got = [(t.text, _roles(t)) for t in tasks]
    assert got == [("（一）地区生产总值增长7%以上", {"sole": ["区发改局"]}), ("（二）城镇新增就业3000人", {"sole": ["区人社局"]})]


def test_label_block_opening_a_cut_text_stays_where_it_was():
    # a page of a longer plan (tagsblind9 03: the text opens with the label lines of an item on the page before):
    # under no title, the block is no heading's tag and is not dropped
    text = "责任单位:市卫生局\n支持单位:市人社局\n25、加强村卫生室建设。政府重点加强投入。\n责任单位:市卫生局\n支持单位:市财政局\n"
    _, tasks = parse_document(text, "t")
    assert [t.lead for t in tasks] == [["市卫生局"], ["市卫生局"]]
    assert tasks[1].support == ["市财政局"]


# ------------------------------------------------------------------ 4. carry-forward notes over untagged items

CARRY = [
    ("某市蓝天保卫战行动方案\n一、重点任务\n1.调整产业结构。淘汰落后产能。（市发改委牵头，市经信局配合。以下各项工作均需各区县政府落实，不再列出）\n"
     "2.推进燃煤治理。完成锅炉改造。\n3.加强扬尘管控。严格工地管理。（市住建局负责）\n",
     {"1.调整产业结构": {"lead": ["市发改委"], "support": ["市经信局"], "implied": ["各区县政府"]},
      "2.推进燃煤治理": {"implied": ["各区县政府"]},
      "3.加强扬尘管控": {"sole": ["市住建局"], "implied": ["各区县政府"]}},
     "市 level: the untagged numbered item 2 is in the range the note covers"),
    ("某县碧水行动计划\n一、主要任务\n（一）治理黑臭水体。完成整治。（县住建局牵头，县生态环境局配合。以下各项工作均需要各乡镇负责）\n"
     "（二）保护饮用水源。划定保护区。\n（三）治理农业面源污染。减少化肥用量。（县农业农村局负责）\n",
     {"（二）保护饮用水源": {"implied": ["各乡镇"]}, "（三）治理农业面源污染": {"sole": ["县农业农村局"], "implied": ["各乡镇"]}},
     "县 level, （n）items: an inline-heading item without a tag is covered too"),
    ("某区净土行动方案\n一、背景\n土壤污染形势严峻。\n二、重点任务\n1.开展土壤详查。完成详查。（区生态环境局牵头。以下各项工作均需各街道落实，不再列出）\n"
     "2.管控建设用地。严格准入。\n",
     {"土壤污染形势严峻": {}, "2.管控建设用地": {"implied": ["各街道"]}},
     "a paragraph BEFORE the note is outside its range"),
]


@pytest.mark.parametrize("text, expected, why", CARRY, ids=[c[2][:40] for c in CARRY])
def test_carry_forward_reaches_untagged_items(text, expected, why):
    _, _, found = _by_start(text, list(expected))
    assert {s: _roles(t) for s, t in found.items()} == expected, why


#: A note AFTER the items it covers (上述任务由各区县落实, 以上各项工作均由各街道负责落实): its units are implied for the
#: items above it in the section or part it closes (the whole body when it stands alone after the last part's items).
CARRY_BACK = [
    ("某市蓝天保卫战行动方案\n一、重点任务\n1.调整产业结构。淘汰落后产能。（市发改委牵头，市经信局配合）\n"
     "2.推进燃煤治理。完成锅炉改造。\n上述任务由各区县政府负责落实。\n二、保障措施\n3.加强组织领导。建立工作专班。\n",
     {"1.调整产业结构": {"lead": ["市发改委"], "support": ["市经信局"], "implied": ["各区县政府"]},
      "2.推进燃煤治理": {"implied": ["各区县政府"]}, "3.加强组织领导": {}},
     "市 level, 上述任务由X负责落实 after a part's items: those items, not the next part's"),
    ("某县人居环境整治方案\n一、主要任务\n（一）垃圾治理\n1.建立收运体系。配齐收运车辆。（县城管局牵头）\n"
     "2.开展集中清理。清理积存垃圾。（县农业农村局牵头）\n以上各项工作均由各乡镇人民政府组织落实。\n（二）污水治理\n"
     "3.建设处理设施。新建处理站5座。（县住建局牵头）\n",
     {"1.建立收运体系": {"lead": ["县城管局"], "implied": ["各乡镇人民政府"]},
      "2.开展集中清理": {"lead": ["县农业农村局"], "implied": ["各乡镇人民政府"]},
      "3.建设处理设施": {"lead": ["县住建局"]}},
     "县 level, 以上各项工作均由X组织落实 closing a section: its items only"),
    ("某区平安建设方案\n一、重点任务\n1.加强治安防控。完善防控体系。（区公安分局负责）\n2.化解矛盾纠纷。（区司法局负责）\n"
     "以上各项任务的落实情况要定期报告。\n",
     {"1.加强治安防控": {"sole": ["区公安分局"]}},
     "a sentence about the tasks that names no implementer is no note"),
]


@pytest.mark.parametrize("text, expected, why", CARRY_BACK, ids=[c[2][:40] for c in CARRY_BACK])
def test_note_after_the_items_it_covers(text, expected, why):
    _, _, found = _by_start(text, list(expected))
    assert {s: _roles(t) for s, t in found.items()} == expected, why


#: A unit alone on a section's heading line outside a duty part, over its items (重点任务分解 grouped by unit).
SECTION_UNIT_LINES = [
    ("某县重点工作任务分解方案\n一、工作任务\n（一）县发改局\n1.推进重大项目建设。完成投资50亿元。\n2.做好项目谋划。储备项目100个。\n"
     "（二）县财政局\n3.加强资金保障。足额拨付资金。\n",
     {"1.推进重大项目建设": {"sole": ["县发改局"]}, "2.做好项目谋划": {"sole": ["县发改局"]},
      "3.加强资金保障": {"sole": ["县财政局"]}},
     "县 level: the unit heading a section does its untagged items"),
    ("某区重点工作任务分解方案\n一、工作任务\n（一）区住建局\n1.推进老旧小区改造。完成改造20个。（区住建局牵头，各街道配合）\n"
     "（二）区城管局、区市场监管局\n2.整治占道经营。开展专项整治行动。\n",
     {"1.推进老旧小区改造": {"lead": ["区住建局"], "support": ["各街道"]},
      "2.整治占道经营": {"shared": ["区城管局", "区市场监管局"]}},
     "区 level: an item's own tag wins; two units heading a section share its items"),
    ("某市城市管理工作方案\n一、工作任务\n（一）市容环境\n1.整治背街小巷。完成整治50条。\n（二）市城管局\n2.加强执法。开展执法行动。\n",
     {"1.整治背街小巷": {}, "2.加强执法": {}},
     "市 level: one unit line among topic lines is no plan written by unit heads"),
]


@pytest.mark.parametrize("text, expected, why", SECTION_UNIT_LINES, ids=[c[2][:40] for c in SECTION_UNIT_LINES])
def test_unit_alone_on_a_section_line(text, expected, why):
    _, _, found = _by_start(text, list(expected))
    assert {s: _roles(t) for s, t in found.items()} == expected, why


#: A unit as a part's heading (一、市发改委：负责… / 一、县财政局 over items): the part's untagged paragraphs are its duties.
PART_UNIT_HEADS = [
    # (lines of 30 characters or fewer are read as part headings by structure.py, their duties lost: notes-heads2)
    ("某市创建工作职责分工方案\n一、市发改委：负责统筹协调创建工作，牵头制定年度创建计划并组织实施，定期调度进展。\n"
     "二、市财政局：负责落实创建资金，加强资金监管，确保专款专用，按季度拨付到位。\n"
     "三、市教育局：负责校园环境整治，做好宣传教育，组织师生参与创建活动并开展评比。\n",
     {"负责统筹协调": {"sole": ["市发改委"]}, "负责落实创建资金": {"sole": ["市财政局"]},
      "负责校园环境整治": {"sole": ["市教育局"]}},
     "市 level, 一、X：duties — the part's paragraph is the unit's duty"),
    ("某县重点工作分解方案\n一、县财政局\n1.加强资金保障。足额拨付资金。\n2.推进预算改革。完成绩效评价。\n二、县住建局\n"
     "3.推进棚户区改造。完成改造500户。（县住建局牵头，各乡镇配合）\n",
     {"1.加强资金保障": {"sole": ["县财政局"]}, "2.推进预算改革": {"sole": ["县财政局"]},
      "3.推进棚户区改造": {"lead": ["县住建局"], "support": ["各乡镇"]}},
     "县 level, 一、X alone over items; an item's own tag keeps its roles"),
    ("某区重点任务清单\n一、区发改局（12项）\n1.推进项目建设。完成投资。\n2.做好项目储备。储备项目。\n二、区财政局（5项）\n3.加强资金保障。足额拨付。\n",
     {"1.推进项目建设": {}, "3.加强资金保障": {}},
     "a unit's name with a count (一、区发改局（12项）) stays unread (README F: a unit's name alone is not read as a lead)"),
]


@pytest.mark.parametrize("text, expected, why", PART_UNIT_HEADS, ids=[c[2][:40] for c in PART_UNIT_HEADS])
def test_unit_as_a_part_heading(text, expected, why):
    _, _, found = _by_start(text, list(expected))
    assert {s: _roles(t) for s, t in found.items()} == expected, why


def test_the_nearest_heading_tag_decides_a_unit_both_name():
    # 省 level: the part's tag names 省发改委 lead over all; the section's names it support beside 省能源局's lead —
    # under the section, the section's tag decides (the nearest heading, as for headings naming units in words)
    text = ("浙江省大气污染防治行动计划分工方案\n一、加快调整能源结构（省发改委总牵头）\n（一）发展清洁能源（省能源局牵头，省发改委配合）\n"
            "1.推进天然气利用。扩大供气范围。\n二、其他\n2.加强宣传。开展宣传活动。\n")
    _, tasks = parse_document(text, "t")
    task = next(t for t in tasks if t.text.startswith("1."))
    assert _roles(task) == {"lead": ["省能源局"], "support": ["省发改委"]}
    assert task.heading_tag == "（省能源局牵头，省发改委配合）" and task.tag == "（省能源局牵头，省发改委配合）"


#: A carry-forward note in a paragraph of its own BEFORE the items (not inside a tag).
CARRY_PARAGRAPH = [
    ("某市碧水行动方案\n一、重点任务\n以下各项工作均需各区县政府落实，不再列出。\n1.治理黑臭水体。完成整治。（市住建局牵头）\n"
     "2.保护饮用水源。划定保护区。（市生态环境局负责）\n",
     {"1.治理黑臭水体": {"lead": ["市住建局"], "implied": ["各区县政府"]},
      "2.保护饮用水源": {"sole": ["市生态环境局"], "implied": ["各区县政府"]},
      "以下各项工作": {}},
     "市 level: the note's units are implied for the later items; the note itself is no task"),
    ("某县碧水行动方案\n一、重点任务\n各项工作均要认真落实，确保取得实效。\n1.治理黑臭水体。完成整治。（县住建局牵头）\n",
     {"1.治理黑臭水体": {"lead": ["县住建局"]}},
     "县 level: a sentence naming no implementer is no note"),
]


@pytest.mark.parametrize("text, expected, why", CARRY_PARAGRAPH, ids=[c[2][:40] for c in CARRY_PARAGRAPH])
def test_carry_forward_note_in_a_paragraph(text, expected, why):
    _, _, found = _by_start(text, list(expected))
    assert {s: _roles(t) for s, t in found.items()} == expected, why
