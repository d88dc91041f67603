"""A unit-like heading that names the PROJECT an item builds, and what unit heads do to the rest of the plan
(session 14, fixheads; review R5, R8).  Table-driven: plan text → the roles of each task → why; every expectation
written BEFORE the code.

1. ``（一）县疾控中心。新建县疾控中心业务楼1栋…``: the heading names the thing the item builds — the item's own text names
   it again as the object of a building verb (新建/迁建/改造/扩建/建设/配备…) — so it is the project, not the doer.
2. Heads count toward "a plan written this way" only when their text reads as duties (opens with 负责/承担/牵头/要/
   主要职责…) or they sit in a duty part: two topic-like heads ``（一）县物流中心。完成冷链仓库建设。`` do not make it.
3. Unit heads do not switch off the prose reading of the plan's other paragraphs: ``市财政局要将创建经费纳入年度预算。``
   keeps its sole 市财政局 as in a plan with no heads.
"""

from __future__ import annotations

import pytest

from kb.parser import parse_document

ROLE_NAMES = ("lead", "support", "guide", "sole", "shared", "implied")


def _roles(t) -> dict[str, list[str]]:
    return {r: list(getattr(t, r)) for r in ROLE_NAMES if getattr(t, r)}


def _found(text: str, starts: list[str]) -> dict:
    _, tasks = parse_document(text, "t")
    found = {}
    for s in starts:
        hits = [t for t in tasks if t.text.startswith(s)]
        assert len(hits) == 1, (s, [t.text[:20] for t in tasks])
        found[s] = _roles(hits[0])
    return found


#: (plan text, {task start: roles}, why)
PROJECTS = [
    ("某县2022年卫生健康重点项目实施方案\n一、建设项目\n"
     "（一）县疾控中心。新建县疾控中心业务楼1栋，2022年底前主体完工。\n"
     "（二）县急救中心。迁建县急救中心，配备救护车10辆。\n（三）县妇幼保健院。改造门诊楼。\n"
     "二、保障措施\n（四）加强资金保障。县财政局要统筹安排建设资金。\n",
     {"（一）县疾控中心": {}, "（二）县急救中心": {}, "（三）县妇幼保健院": {}, "（四）加强资金保障": {"sole": ["县财政局"]}},
     "县 project list (review R5 probe): the heads are what is built; the plan stays untagged, its prose duty read"),
    ("某市2023年文化体育设施建设工作方案\n一、重点项目\n1.市体育中心：扩建市体育中心主体育场，2023年底前建成。\n"
     "2.市文化中心：改造提升市文化中心大剧院。\n3.市政务服务中心：建设市政务服务中心二期工程。\n"
     "二、保障措施\n（一）强化项目调度。市发改委要加强重点项目调度。\n",
     {"1.市体育中心": {}, "2.市文化中心": {}, "3.市政务服务中心": {}, "（一）强化项目调度": {"sole": ["市发改委"]}},
     "市 level, n.X： form, other building verbs (扩建/改造提升/建设) — each head is named again as what is built"),
    ("某区2022年民生实事项目实施方案\n一、项目清单\n（一）区社区卫生服务中心。新建1所区社区卫生服务中心。\n"
     "（二）区养老服务中心。建成区养老服务中心并投入运营。\n二、职责分工\n（三）区民政局。负责养老服务中心运营监管。\n"
     "（四）区卫健委。负责社区卫生服务中心建设。\n",
     {"（一）区社区卫生服务中心": {}, "（二）区养老服务中心": {}, "（三）区民政局": {"sole": ["区民政局"]},
      "（四）区卫健委": {"sole": ["区卫健委"]}},
     "区 level: a numeral between the verb and the name (新建1所X) is still X built; the duty part's heads keep theirs"),
    ("某县2022年基层公共服务设施建设实施方案\n一、建设内容\n（一）乡镇综合文化站。新建乡镇综合文化站3个，2022年底前投入使用。\n"
     "（二）村卫生室。标准化改造村卫生室20个。\n（三）县便民服务中心。新建县便民服务中心1个，2022年10月底前建成。\n"
     "（四）乡镇派出所。改造业务用房5处。\n二、职责分工\n（五）县文旅局。负责综合文化站建设的指导和验收。\n"
     "（六）县卫健局。负责村卫生室改造。\n",
     {"（三）县便民服务中心": {}, "（五）县文旅局": {"sole": ["县文旅局"]}, "（六）县卫健局": {"sole": ["县卫健局"]}},
     "the review's uhead probe: a plan written with duty heads elsewhere does not make the built 便民服务中心 its doer"),
    ("某县推进城乡供水一体化工作方案\n一、主要任务\n（一）县水利局。负责新建县第二水厂，2023年底前建成。\n"
     "（二）县住建局。负责改造老旧供水管网30公里。\n",
     {"（一）县水利局": {"sole": ["县水利局"]}, "（二）县住建局": {"sole": ["县住建局"]}},
     "awkward: a duty head whose text builds something ELSE (新建县第二水厂) stays the doer — only the head named again "
     "as the object built is a project"),
    ("某县现代物流园区建设工作方案\n一、建设任务\n（一）县物流中心。完成冷链仓库主体工程。\n"
     "（二）县会展中心。完成展馆装修工程。\n二、保障措施\n（三）加强要素保障。县自然资源局要优先保障项目用地。\n",
     {"（一）县物流中心": {}, "（二）县会展中心": {}, "（三）加强要素保障": {"sole": ["县自然资源局"]}},
     "heads whose text reads as no duty (完成…工程), outside a duty part, do not make a plan written this way"),
]


@pytest.mark.parametrize("text, expected, why", PROJECTS, ids=[c[2][:40] for c in PROJECTS])
def test_a_heading_naming_what_the_item_builds_is_no_doer(text, expected, why):
    assert _found(text, list(expected)) == expected, why


#: (plan text, {task start: roles}, why)
HEADS_KEEP_PROSE = [
    ("某市创建全国文明城市工作方案\n一、工作目标\n2024年成功创建全国文明城市。\n二、成员单位职责\n"
     "1.市委宣传部：负责创建工作的统筹协调，会同市文明办制定年度工作计划。\n2.市文明办：负责日常工作，配合市委宣传部做好宣传发动。\n"
     "3.市公安局：负责社会治安综合治理，2024年6月底前完成重点区域监控全覆盖。\n4.市城管局：负责市容环境整治。\n"
     "三、保障措施\n（一）加强组织领导。市政府成立创建工作领导小组，市长任组长。\n"
     "（二）强化经费保障。市财政局要将创建经费纳入年度预算。\n（三）严格督查考核。市委督查室负责对各单位工作推进情况进行督查。\n",
     {"3.市公安局": {"sole": ["市公安局"]}, "4.市城管局": {"sole": ["市城管局"]},
      "（二）强化经费保障": {"sole": ["市财政局"]}, "（三）严格督查考核": {"sole": ["市委督查室"]}},
     "市 level (review R8 probe): the heads' duties are read AND the 保障措施 paragraphs keep their prose duties"),
    ("某县农村人居环境整治工作方案\n一、部门职责\n（一）县农业农村局。负责整治工作的统筹推进。\n"
     "（二）县住建局。承担农村危房改造工作。\n二、保障措施\n县财政局负责落实整治资金。县生态环境局要加强农村污水治理监管。\n",
     {"（一）县农业农村局": {"sole": ["县农业农村局"]}, "（二）县住建局": {"sole": ["县住建局"]},
      "县财政局负责": {"shared": ["县财政局", "县生态环境局"]}},
     "县 level, an unnumbered paragraph of two duty sentences keeps its prose reading beside the unit heads"),
    ("某区文明养犬管理工作方案\n一、职责分工\n区公安分局：负责犬只登记和违法查处。\n区城管局：负责流浪犬收容。\n"
     "二、工作要求\n由区委宣传部牵头，开展文明养犬宣传。\n",
     {"区公安分局": {"sole": ["区公安分局"]}, "区城管局": {"sole": ["区城管局"]},
      "由区委宣传部牵头": {"lead": ["区委宣传部"]}},
     "区 level, unnumbered unit： heads: a 由X牵头 paragraph elsewhere keeps X lead"),
]


@pytest.mark.parametrize("text, expected, why", HEADS_KEEP_PROSE, ids=[c[2][:40] for c in HEADS_KEEP_PROSE])
def test_unit_heads_keep_the_prose_reading_of_other_paragraphs(text, expected, why):
    assert _found(text, list(expected)) == expected, why


#: (plan text, {task start: roles}, why) — a unit-headed item read by the prose reader as ``X负责…`` with X = the head
HEAD_AS_SUBJECT = [
    ("某市创建全国文明城市工作方案\n一、工作目标\n2024年成功创建全国文明城市。\n二、成员单位职责\n"
     "1.市委宣传部：负责创建工作的统筹协调，会同市文明办制定年度工作计划。\n2.市文明办：负责日常工作，配合市委宣传部做好宣传发动。\n"
     "3.市公安局：负责社会治安综合治理。\n",
     {"1.市委宣传部": {"lead": ["市委宣传部"], "support": ["市文明办"]}, "2.市文明办": {"sole": ["市文明办"]},
      "3.市公安局": {"sole": ["市公安局"]}},
     "市 level (review R8): 负责…，会同Y → head lead, Y support, as 市委宣传部负责…，会同市文明办… reads; 负责A，配合Y做好B "
     "stays the head's own (the prose reader makes no lead of Y there: honest)"),
    ("某县学校安全工作方案\n一、部门职责\n（一）县教育局。负责校园安全日常管理，会同县公安局开展校园周边治理。\n"
     "（二）县市场监管局。负责学校食堂食品安全监管，会同有关部门开展联合检查。\n",
     {"（一）县教育局": {"lead": ["县教育局"], "support": ["县公安局"]},
      "（二）县市场监管局": {"lead": ["县市场监管局"], "support": ["有关部门"]}},
     "县 level （n）X。 form; 会同有关部门 reads as the paragraph 县市场监管局负责…，会同有关部门… reads in a plan without "
     "heads (lead, the group as written support — first written as sole, changed to the prose reader's convention)"),
    ("某区河长制工作方案\n一、职责分工\n区水务局：负责河道日常管护；会同区生态环境局开展水质监测。\n"
     "区城管局：负责沿河环境卫生整治。\n",
     {"区水务局": {"lead": ["区水务局"], "support": ["区生态环境局"]}, "区城管局": {"sole": ["区城管局"]}},
     "区 level, unnumbered X： paragraphs; 会同 in the later ；part is the head's (session 14's 负责…；会同 decision)"),
]


@pytest.mark.parametrize("text, expected, why", HEAD_AS_SUBJECT, ids=[c[2][:40] for c in HEAD_AS_SUBJECT])
def test_a_unit_headed_item_is_read_with_its_head_as_subject(text, expected, why):
    assert _found(text, list(expected)) == expected, why
