"""Precise statements where kb used to be honest but weak (issue #11, session 10, honest helper).

The lead's untuned checks found answers that said "not understood" (plus a related block), or stated a list before
saying that the asked role is empty, where kb holds what it needs for a precise statement.  Each is a mechanism of the
genre, tested here on two plans written for these rows (one tagged 牵头/配合, one prose plan assigning no unit), on the
bundled plan, the shared plan 05 and the fixture plans a9_baiyulan (a prose plan: kb reads one duty from it, 绿化指导站 in 五（三）):

1. ``X牵头哪些任务`` where X only supports, or is only named in passing: the first sentence says the plan gives X the
   lead of no task (not_in_plan, 共 0 项), then — apart, under its own title — the tasks where X holds another role
   (each with its roles), or the paragraphs naming it.  ``Answer.tasks`` stays empty: they are not the answer.
2. ``X有哪些任务 / X负责什么 / X负责哪些工作`` where kb read no unit roles at all, or X is named only in passing:
   understood as a department question (never "not understood", never a topic list of the paragraphs naming it as
   if they were its tasks); the answer says the plan assigns X no task (or none to any unit) and lists apart the
   paragraphs naming X.  A unit the plan never names: not_in_plan, with the closest names it has, or — in a plan
   assigning no unit — saying so.
3. ``<task words>由谁负责 / 谁牵头`` where the task found names no unit: not_in_plan, the task's label said, never a
   unit of a neighbouring task.
4. Sizes and amounts (面积多大, 规模多大, 有多长, 多少亩, 投资多少): value questions answered from a clause holding the
   question's words in a unit of the measure asked, else not_in_plan — never a number of another kind (a count of
   parks for an area).

Rows: (plan, question, status, words the answer must hold, words it must not hold, titles of the related block
(None: not checked), why).  The expected answers were written from the plan texts before kb was run on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_sessions import first_question_asker

FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: A tagged plan (牵头单位/配合单位 tags): 区财政局 and 区市场监管局 only support, 区城市更新中心 and the
#: 领导小组 are named in passing, 二（五） and 三（二） name no unit.
TAGGED = """某区老旧小区综合改造三年行动方案（2025—2027年）

为改善居民居住条件，制定本方案。

一、工作目标

到2027年底，完成老旧小区综合改造120个，惠及居民约3.5万户。

二、重点任务

（一）实施加装电梯工程。三年新增加装电梯300台，优先保障高层老旧住宅。（牵头单位：区住房保障局；配合单位：区市场监管局、各街道办事处）

（二）改造小区供水管网。结合区城市更新中心的管网普查，更新改造供水管道45公里，改造范围覆盖全区12个街道。（牵头单位：区水务局；配合单位：区住房保障局）

（三）建设社区养老服务站。新建社区养老服务站15个，总建筑面积约6000平方米，总投资约1.2亿元。（牵头单位：区民政局；配合单位：区财政局、区住房保障局）

（四）增设停车泊位。利用小区边角地增设停车泊位2000个，新建立体停车库3座，占地约20亩。（牵头单位：区交通委；配合单位：区公安分局）

（五）开展小区微更新。鼓励居民参与小区公共空间设计，打造一批“美丽楼道”和“口袋花园”。

三、保障措施

（一）加强组织领导。成立区老旧小区改造工作领导小组，定期研究解决重大问题。

（二）强化资金保障。统筹安排改造资金，积极争取市级补助资金。
"""

#: A prose plan that assigns no unit: 县农业农村局 and 县供销社 are named in passing only.
PROSE = """某县农村人居环境整治提升工作方案

为持续改善农村人居环境，建设宜居宜业和美乡村，制定本方案。

一、主要目标

到2026年底，全县农村卫生厕所普及率达到95%以上，生活垃圾收运处置体系覆盖所有行政村。

二、重点任务

（一）推进农村厕所革命。新改建农村户用卫生厕所2000户，配套建设公共厕所50座。

（二）治理农村生活污水。建设农村生活污水处理设施30处，铺设污水管网60公里，处理规模达到每日3000立方米。

（三）提升村容村貌。开展村庄清洁行动，清理房前屋后杂物，依托县供销社的回收体系建设废旧物资回收网点。

（四）完善长效管护机制。建立村级保洁员队伍，参照县农业农村局发布的管护标准，落实管护经费。

三、保障措施

加强督查考核，将农村人居环境整治纳入乡镇年度考核。
"""

SHARED = FIXTURES / "plans" / "05_guangzhou_rencaijiju_2012.txt"
BAIYULAN = FIXTURES / "qa" / "plans" / "a9_baiyulan_2024.txt"


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    files = {"tagged": TAGGED, "prose": PROSE}
    paths = {"shared": SHARED, "baiyulan": BAIYULAN, "bundled": None}
    return first_question_asker(tmp_path_factory.mktemp("s10plans"), files, paths.__getitem__)


def _check(a, status, held, absent, related, why):
    assert a.status == status, (why, a.text)
    for word in held:
        assert word in a.text, (why, word, a.text)
    for word in absent:
        assert word not in a.text, (why, word, a.text)
    if related is not None:
        from kb.qa.text import task_head

        # (each named by its label or the start of its title: a long title is cut with …)
        shown = [(t.label, task_head(t)) for t in a.related]
        assert len(shown) == len(related) and all(x == label or head.rstrip("…").startswith(x) or x.startswith(head.rstrip("…"))
                                                  for x, (label, head) in zip(related, shown)), (why, a.text)


# ---------------------------------------------------------------- 1. a role the unit does not hold: said first

ROLE_NOT_HELD = [
    ("tagged", "区财政局牵头哪些任务", "not_in_plan", ["没有安排区财政局牵头的任务", "区财政局在方案中配合 1 项"],
     [], ["建设社区养老服务站"], "二（三） names it among the 配合 units; no tag makes it lead"),
    ("tagged", "区市场监管局牵头哪些任务", "not_in_plan", ["没有安排区市场监管局牵头的任务"], [],
     ["实施加装电梯工程"], "二（一）: 配合 only"),
    ("tagged", "区城市更新中心牵头哪些任务", "not_in_plan", ["kb 没有读到区城市更新中心牵头的任务"],
     ["涉及“区城市更新中心”的任务共", "方案没有"],
     ["改造小区供水管网"], "named in passing in 二（二） (结合区城市更新中心的管网普查): no role anywhere — not a topic list"),
    ("bundled", "市财政局牵头哪些任务", "not_in_plan", ["没有安排市财政局牵头的任务", "市财政局在方案中配合 9 项"], [],
     ["严控“两高”行业产能", "加快“散乱污”企业整治", "推进建筑装饰行业VOCs综合治理", "加快发展清洁能源", "开展燃煤锅炉综合整治",
      "加快淘汰老旧车辆", "加大新能源车船推广", "开展柴油货车污染整治", "推进农业秸秆综合利用"],
     "the nine tags naming 市财政局, all among the 配合 units (corpus lines 11 12 19 31 33 46 47 52 70)"),
    ("bundled", "市气象局配合哪些任务", "not_in_plan", ["没有安排市气象局配合的任务", "市气象局在方案中牵头 1 项"], [], ["加强空气质量预测研判"],
     "it leads one task (line 75) and supports none"),
    ("shared", "市司法局牵头哪些任务", "not_in_plan", ["没有安排市司法局牵头的任务", "市司法局在方案中配合 1 项"], [],
     ["民主法治人才项目"], "26. （牵头单位：市委政法委，配合单位：…市司法局…）"),
    ("shared", "市规划局牵头哪些任务", "not_in_plan", ["没有安排市规划局牵头的任务"], [], ["人才公寓"],
     "38. （牵头单位：市住房保障办，配合单位：市规划局、市国土房管局…）"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "related", "why"), ROLE_NOT_HELD,
                         ids=[f"{c}-{q}" for c, q, *_ in ROLE_NOT_HELD])
def test_a_role_not_held_is_said_first_then_its_other_tasks_apart(ask, corpus, question, status, held, absent,
                                                                   related, why):
    a = ask(corpus, question)
    _check(a, status, held, absent, related, why)
    assert a.tasks == [], (why, "the other tasks are no answer to the role asked")
    first = a.text.splitlines()[0]
    # (said without a count since session 18: 共 0 项 beside the list that follows read as a contradiction)
    assert "没有安排" in first or "没有读到" in first, (why, "the empty role is the first statement", a.text)


def test_the_other_tasks_show_the_role_held(ask):
    """Each task of the block names its units by role, so the unit's own role in it is read off the line."""
    a = ask("tagged", "区财政局牵头哪些任务")
    line = next(x for x in a.text.splitlines() if "建设社区养老服务站" in x)
    assert "配合：区财政局" in line, a.text
    assert a.text.index("区财政局在方案中配合 1 项") < a.text.index("建设社区养老服务站"), a.text


CONTROLS_1 = [
    ("tagged", "区住房保障局配合哪些任务", "answered", ["共 2 项"], ["没有安排"], None, "二（二）, 二（三）"),
    ("tagged", "区住房保障局牵头哪些任务", "answered", ["共 1 项", "实施加装电梯工程"], ["没有安排"], None, "二（一）"),
    ("shared", "市司法局有哪些任务", "answered", ["民主法治人才项目"], ["没有安排"], None, "any role: its one task"),
    ("bundled", "市教育局牵头哪些任务", "not_in_plan", ["方案没有给“市教育局”分配任务"], [], [],
     "a name the bundled plan never writes: the closest names, no block"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "related", "why"), CONTROLS_1,
                         ids=[f"{c}-{q}" for c, q, *_ in CONTROLS_1])
def test_controls_of_held_roles(ask, corpus, question, status, held, absent, related, why):
    _check(ask(corpus, question), status, held, absent, related, why)


# ---------------------------------------------------------------- 2. a unit given no task, or a plan giving none

UNASSIGNED = [
    ("tagged", "区城市更新中心有哪些任务", "not_in_plan", ["kb 没有读到方案给“区城市更新中心”安排的任务", "出现"],
     ["涉及“区城市更新中心”的任务共", "方案没有给"],
     ["改造小区供水管网"], "named in 二（二） only, in passing"),
    ("tagged", "区城市更新中心负责什么", "not_in_plan", ["区城市更新中心"], [], ["改造小区供水管网"], "same, 负责什么"),
    ("tagged", "区老旧小区改造工作领导小组负责什么", "not_in_plan", ["区老旧小区改造工作领导小组"], [], ["加强组织领导"],
     "三（一） 成立区老旧小区改造工作领导小组: set up, given no task"),
    ("tagged", "区教育局有哪些任务", "not_in_plan", ["方案没有给“区教育局”分配任务"], [], [],
     "never named: the closest names the plan has"),
    ("prose", "县农业农村局有哪些任务", "not_in_plan", ["没有读到任何责任单位"], ["没有读懂"], ["完善长效管护机制"],
     "二（四） 参照县农业农村局发布的管护标准: named; the plan assigns no unit at all"),
    ("prose", "县农业农村局负责什么", "not_in_plan", ["没有读到任何责任单位"], ["没有读懂"], ["完善长效管护机制"], "same"),
    pytest.param("prose", "县供销社负责哪些工作", "not_in_plan", ["没有读到任何责任单位"], ["没有读懂"], ["二（三）"],
                 "二（三） 依托县供销社的回收体系: named in passing",
                 marks=pytest.mark.xfail(strict=True, reason="known gap: 社 is no unit ending (合作社 is a topic); a "
                                         "name shaped only by its level prefix (县…) stays a topic word")),
    ("prose", "县农业农村局牵头哪些任务", "not_in_plan", ["kb 没有读到县农业农村局牵头的任务", "没有读到任何责任单位"],
     ["没有读懂"], ["完善长效管护机制"], "the lead asked: none, first; the plan gives no unit any role"),
    ("prose", "县水利局有哪些任务", "not_in_plan", ["方案没有给“县水利局”分配任务", "没有读到任何责任单位"], ["没有读懂"], [],
     "never named, and the plan names no unit with a role"),
    ("shared", "市人才工作领导小组负责什么", "not_in_plan", ["市人才工作领导小组"], [],
     ["健全党管人才领导体制和工作格局", "加强组织领导"],
     "40. 在现有市人才工作领导小组…; 43. 市人才工作领导小组负责…统筹协调 — the tags give both tasks to 市委组织部"),
    ("baiyulan", "上海市园科院有哪些任务", "not_in_plan", ["kb 没有读到方案给“上海市园科院”安排的任务"], ["没有读懂"],
     ["五（三）"], "五（三） 上海市园科院、上海辰山植物园…等单位发挥…优势 (the section's one paragraph, titled by its heading since the "
     "附件2 caption after it stands apart — 3bcfd3e; before, 五（三）1): a list "
     "closed by 等单位 before a plain verb is not read (prose2's open point), so kb says what it read, never 'the plan "
     "assigns it nothing' (since session 11 the plan's 绿化指导站 has a duty: the plan has units, the line names this one)"),
    ("baiyulan", "上海市园林绿化行业协会负责什么", "not_in_plan", ["kb 没有读到方案给“上海市园林绿化行业协会”安排的任务"],
     ["没有读懂"], ["三（三）"],
     "三（三） 通过长三角城市生态园林协作联席会议、上海市园林绿化行业协会等平台…: a platform, given no task"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "related", "why"), UNASSIGNED,
                         ids=[f"{c}-{q}" for c, q, *_ in UNASSIGNED])
def test_a_unit_given_no_task_is_a_department_question(ask, corpus, question, status, held, absent, related, why):
    a = ask(corpus, question)
    _check(a, status, held, absent, related, why)
    assert a.tasks == [], (why, a.text)
    assert a.intent.startswith("department"), (why, a.intent)


# ---------------------------------------------------------------- 3. who, of a task naming no unit

WHO_NONE = [
    ("tagged", "小区微更新由谁负责", "not_in_plan", ["二（五）", "没有写明"], ["区交通委", "区公安分局", "区民政局"],
     "二（五） 开展小区微更新: no tag; the neighbouring 二（四）'s units are no answer"),
    ("tagged", "小区微更新谁牵头", "not_in_plan", ["二（五）", "没有写明"], ["区交通委", "区公安分局"], "same, 谁牵头"),
    ("prose", "农村生活污水治理由谁负责", "not_in_plan", ["二（二）", "没有写明"], ["没有读懂"],
     "二（二） 治理农村生活污水: no unit"),
    ("prose", "村容村貌提升谁牵头", "not_in_plan", ["二（三）", "没有写明"], ["县供销社", "没有读懂"],
     "二（三） 提升村容村貌: 县供销社 is named for its 回收体系, not as responsible"),
    ("baiyulan", "白玉兰养管技术培训由谁负责", "not_in_plan", ["三（四）", "没有写明"], ["没有读懂"],
     "三（四） 加强白玉兰养管技术培训: no unit named"),
    ("baiyulan", "白玉兰苗源储备谁牵头", "not_in_plan", ["没有给任何部门分配“牵头”职责"], ["协会", "联席会议"],
     "三（三） 做好白玉兰等玉兰属植物苗源储备: the 联席会议 and 协会 are platforms, never the responsible units; since "
     "session 11 the plan gives one unit a duty (绿化指导站 负责), none a lead, and says so"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "why"), WHO_NONE,
                         ids=[f"{c}-{q}" for c, q, *_ in WHO_NONE])
def test_who_of_a_task_naming_no_unit(ask, corpus, question, status, held, absent, why):
    a = ask(corpus, question)
    _check(a, status, held, absent, None, why)
    assert a.tasks == [] and a.departments == [], (why, a.text)


def test_a_role_word_inside_a_units_name_asks_no_role(ask):
    """绿化指导站负责什么: 指导 is part of the unit's name, no 指导 (guide) asked — the plan gives it one duty in prose
    (五（三） …绿化指导站积极推进新优品种示范应用…, read since session 11); before, kb answered that no unit is given
    a 指导 role."""
    a = ask("baiyulan", "绿化指导站负责什么")
    assert a.status == "answered", a.text
    assert [t.label for t in a.tasks] == ["五（三）"], a.text  # (the section's one paragraph, titled by its heading)
    assert "指导”职责" not in a.text, a.text


def test_who_then_a_follow_up_keeps_the_task(ask):
    """The task named stays the conversation's: 什么时候完成 next is about it (as after a task setting no time)."""
    from kb.qa import Session

    session = Session(str(BAIYULAN), strict=True)
    a = session.ask("白玉兰养管技术培训由谁负责")
    assert a.status == "not_in_plan", a.text
    assert [t.label for t in session.context.tasks] == ["三（四）"], session.context.tasks


WHO_CONTROLS = [
    ("tagged", "加装电梯工程由谁负责", "answered", ["区住房保障局"], ["没有写明"], "二（一）: its lead"),
    ("tagged", "社区养老服务站谁牵头", "answered", ["区民政局"], ["没有写明"], "二（三）: its lead"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "why"), WHO_CONTROLS,
                         ids=[f"{c}-{q}" for c, q, *_ in WHO_CONTROLS])
def test_who_controls(ask, corpus, question, status, held, absent, why):
    _check(ask(corpus, question), status, held, absent, None, why)


# ---------------------------------------------------------------- 4. sizes and amounts

SIZES = [
    ("tagged", "社区养老服务站面积多大", "answered", ["6000平方米"], ["15个"],
     "二（三） 总建筑面积约6000平方米 — 新建社区养老服务站15个 counts them, it is no area"),
    ("tagged", "社区养老服务站投资多少", "answered", ["1.2亿元"], ["15个", "6000平方米"], "二（三） 总投资约1.2亿元"),
    ("tagged", "供水管道有多长", "answered", ["45公里"], [], "二（二） 更新改造供水管道45公里"),
    ("tagged", "立体停车库占地多少亩", "answered", ["20亩"], [], "二（四） 新建立体停车库3座，占地约20亩"),
    ("tagged", "立体停车库规模多大", "answered", ["3座"], ["没有读懂", "2000个"],
     "二（四） 新建立体停车库3座 — the clause holding the words; 停车泊位2000个 is another thing"),
    ("tagged", "加装电梯投资多少", "not_in_plan", [], ["1.2亿元", "300台"],
     "二（一） states no sum; 1.2亿元 is 二（三）'s"),
    ("tagged", "加装电梯面积多大", "not_in_plan", [], ["300台", "6000平方米"], "二（一） states no area"),
    ("prose", "污水处理设施规模多大", "answered", ["3000立方米"], ["没有读懂"],
     "二（二） 处理规模达到每日3000立方米"),
    ("prose", "污水管网有多长", "answered", ["60公里"], [], "二（二） 铺设污水管网60公里"),
    ("prose", "公共厕所投资多少", "not_in_plan", [], ["50座", "没有读懂"], "no sum anywhere in the plan"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "why"), SIZES,
                         ids=[f"{c}-{q}" for c, q, *_ in SIZES])
def test_sizes_and_amounts_are_value_questions(ask, corpus, question, status, held, absent, why):
    a = ask(corpus, question)
    _check(a, status, held, absent, None, why)
    if status == "not_in_plan":
        assert a.tasks == [], (why, a.text)


def test_a_role_no_one_holds_lists_the_units_tasks_apart():
    """Plan 31 writes only 责任单位 lists (shared): 牵头 is given to no one — said first — then the 5 tasks naming
    市规划资源局 (grep: 5 mentions, all in 责任单位 tags) apart, never as the answer."""
    from kb.qa import Session

    a = Session(str(FIXTURES / "plans" / "31_shanghai_gongyuan_tizhi_2026.txt"), strict=True).ask("市规划资源局牵头哪些任务")
    assert a.status == "not_in_plan", a.text
    assert a.text.splitlines()[0] == "方案没有给任何部门分配“牵头”职责。市规划资源局在方案中共同负责 5 项。", a.text
    assert a.tasks == [] and len(a.related) == 5, a.text
    assert all("市规划资源局" in t.shared for t in a.related), a.text


#: A plan without tags whose items name their units in prose (市X局牵头，市Y局配合。): kb reads the roles onto the items,
#: which stay paragraphs (no tag) — a who-question must find them all the same; item 3 names no unit.
PROSE_ROLES = """某市数字乡村建设工作方案

为加快数字乡村建设，制定本方案。

一、重点任务

1.推进涉农数据共享。建设全市统一的涉农数据共享平台。市大数据局牵头，市农业农村局配合。

2.发展智慧农业。建设智慧农业示范基地10个。市农业农村局负责。

3.开展数字技能培训。面向农民开展数字技能培训，每年培训5000人次。

二、保障措施

各区要加强组织领导，抓好贯彻落实。
"""

WHO_PROSE = [
    ("涉农数据共享由谁负责", "answered", ["市大数据局", "市农业农村局"], ["没有写明"], ["市大数据局", "市农业农村局"],
     "item 1: 市大数据局牵头，市农业农村局配合 — the lead first"),
    ("智慧农业谁牵头", "answered", ["市农业农村局"], ["没有写明", "市大数据局"], ["市农业农村局"],
     "item 2: 市农业农村局负责 (its one unit answers 谁牵头)"),
    ("数字技能培训由谁负责", "not_in_plan", ["开展数字技能培训", "没有写明"], ["市农业农村局", "市大数据局"], [],
     "item 3 names no unit; items 1 and 2 are its neighbours"),
]


@pytest.mark.parametrize(("question", "status", "held", "absent", "departments", "why"), WHO_PROSE,
                         ids=[q for q, *_ in WHO_PROSE])
def test_who_in_a_plan_of_prose_roles(tmp_path_factory, question, status, held, absent, departments, why):
    from kb.qa import Session

    path = tmp_path_factory.mktemp("proseroles") / "plan.txt"
    path.write_text(PROSE_ROLES, encoding="utf-8")
    a = Session(str(path), strict=True).ask(question)
    _check(a, status, held, absent, None, why)
    assert a.departments == departments, (why, a.departments, a.text)
    if held[0] in a.text and len(held) > 1 and status == "answered":
        assert a.text.index(held[0]) < a.text.index(held[1]), (why, "the unit responsible first", a.text)


#: A tagged plan whose item titles open with a character the scan takes for a question or modal word (有序…, 应用…).
EDGES = """某市家庭医生签约服务扩面提质实施方案

为推进家庭医生签约服务，制定本方案。

一、重点任务

（一）有序扩大家庭医生来源。鼓励二级以上医院医师到基层提供签约服务。（牵头单位：市卫生健康委；配合单位：市人力资源社会保障局）

（二）应用场景建设。拓展家庭医生签约服务的数字化应用场景。（牵头单位：市大数据局；配合单位：市卫生健康委）
"""

EDGE_ROWS = [
    ("有序扩大家庭医生来源的配合单位是谁", "有序扩大家庭医生来源", "（一）: 有 is the word's, not 有哪些's (the lead's 01:0x check)"),
    ("应用场景建设由谁负责", "应用场景建设", "（二）: 应 is the word's, not a modal"),
    ("秸秆禁烧由谁负责", "秸秆禁烧", "control: no character before the word"),
]


@pytest.mark.parametrize(("question", "topic", "why"), EDGE_ROWS, ids=[q for q, *_ in EDGE_ROWS])
def test_a_reader_cuts_no_character_off_a_word(tmp_path_factory, question, topic, why):
    from kb.qa import Session

    path = tmp_path_factory.mktemp("edges") / "plan.txt"
    path.write_text(EDGES, encoding="utf-8")
    q = Session(str(path), strict=True).read_query(question)
    assert topic in q.topic, (why, q.topic)
