"""Who/when reading of questions: the causes the holdout13 blind set found (report causes 3, 5, 6), review-qa P8 of
session 12, and the brief of session 13 (reading3).

Rows: (plan, question or turns — the last one answered —, status or None, words the answer must hold, words it must
not hold before any quoted or related block, why).  Written before the code; every expectation read by hand from the
plan text above it.  The plans vary the level (县/区/市), the dialect (a labelled tag with a 完成时限 field, bracketed
牵头/配合 tags, prose duties, a 由A会同B sentence inside a tagged item) and the wording of the questions.

Mechanisms:
- a who-question about a clause takes its doer from the sentence saying so with a duty verb (负责, 牵头, 承担) over one
  that only names bodies with another verb, and never from a purpose or basis clause (为…, 根据…);
- 落实 in a question names no role of its own (plans give it to carry-forward notes): the unit's tasks of every role;
- X会同哪些部门 asks whom the named lead works with: the units after its 会同 in the plan's sentence (and the support
  units of the tasks it leads);
- a when-word inside the object asked (…反馈评定时间、路段、等级的结果) is a word of that object, no when-question;
- a who-question's topic must stand in the plan as asked: a task holding one verb of it (制定) answers nothing;
- a ranking of departments of a level (哪个区级部门…最多) ranks only the names of that level, or says the plan has none;
- chat: a follow-up after an answer that the plan gives no one the role asked keeps the department asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_sessions import first_question_asker

ROOT = Path(__file__).resolve().parent.parent

#: 县级 plan: a purpose clause naming provincial bodies, prose duties, a labelled tag with 完成时限, 由A会同B inside
#: tagged items, bracketed 牵头/配合 tags.
ROADS = """某县农村公路养护工作实施方案

为贯彻落实省交通运输厅、省财政厅关于农村公路管理养护和县道养护计划编制的要求，结合本县实际，制定本方案。

一、部门职责
县交通运输局负责县道养护计划编制和养护资金拨付；县财政局负责养护资金的预算安排；各乡镇人民政府负责乡道、村道的日常养护。县审计局对县道养护计划编制情况开展审计。

二、重点任务
（一）组建工作专班。由县交通运输局会同县财政局、县自然资源局等部门组建养护工作专班，制定养护考核办法。（责任单位：县交通运输局、县财政局。完成时限：2025年6月）
（二）开展路况评定。每年开展一次路况评定，向省交通运输厅反馈评定时间、路段、等级的结果。（牵头单位：县交通运输局；配合单位：各乡镇人民政府）
（三）推进危桥改造。县交通运输局会同县应急管理局完成危桥改造10座。（牵头单位：县交通运输局；配合单位：县应急管理局；完成时限：2026年底前）
（四）规范养护工程管理。县公路管理站负责审核养护工程开工时间和施工方案。（责任单位：县公路管理站）
"""

#: 市级 plan with 区级 units (a ranking by level): 市住房城乡建设管理委 leads 4, 区住房保障局 supports 3, 区财政局 2.
HOUSING = """某市保障性住房建设工作方案

一、主要任务
（一）编制年度计划。（牵头单位：市住房城乡建设管理委；配合单位：区住房保障局、区财政局）
（二）落实建设用地。（牵头单位：市住房城乡建设管理委；配合单位：市规划资源局）
（三）推进项目开工。（牵头单位：市住房城乡建设管理委；配合单位：区住房保障局）
（四）加强资金保障。（牵头单位：市财政局；配合单位：区财政局、区住房保障局、各街道办事处）
（五）完善分配管理。（牵头单位：市住房城乡建设管理委）
"""

#: 区级 plan: untagged measures whose doer stands after 由 with any verb (routed holdout14 cause: 应由船舶检验机构检验合格),
#: tagged tasks with a 实施部门 label, a 会同 sentence in 保障措施.
SHIPS = """某区内河航运安全提升工作方案

一、工作目标
到2025年底，全区内河船舶安全事故起数下降10%。

二、重点任务
（一）严格船舶检验。新建、改建船舶应由船舶检验机构检验合格，取得检验证书后方可营运。
（二）加强码头管理。码头经营人应当建立安全管理制度，由区交通运输管理所负责日常监督检查。
（三）规范事故调查。发生水上交通事故的，由区海事处依法组织调查处理。
（四）推进智慧监管。建设内河船舶动态监控平台，2024年底前完成一期建设。（牵头部门：区交通委；实施部门：区大数据中心）
（五）开展安全培训。每年组织船员安全培训不少于2次。（牵头部门：区交通委；配合部门：区应急局）

三、保障措施
（一）加强组织领导。区交通委会同区应急局建立联席会议制度。（牵头部门：区交通委）
（二）强化资金保障。区财政局将所需经费纳入年度预算。（牵头部门：区财政局）
"""

#: A plan stating 2027 only (a year follow-up after a refused year: holdout13 c3b).
CHARGE = """某县充电基础设施建设行动方案

一、工作目标
到2027年，全县累计建成公共充电桩500个，实现乡镇充电站全覆盖。

二、重点任务
（一）推进公共充电站建设。（牵头单位：县发展改革局；配合单位：县住建局）
"""

TEXTS = {"roads": ROADS, "housing": HOUSING, "ships": SHIPS, "charge": CHARGE}
FILES = {
    "fengxian": ROOT / "tests/fixtures/plans/116_fengxian_tingche_gongxiang_2016.txt",
    "huangpu": ROOT / "tests/fixtures/plans/22_huangpu_kezaishengnengyuan_2025.txt",
    "lishui": ROOT / "tests/fixtures/plans/08_lishui_2023_zerenfenjie.txt",
    "changshu": ROOT / "tests/fixtures/plans/62_changshu_renwufenjie_2018.txt",
    "wucheng": ROOT / "tests/fixtures/plans/47_wucheng_gaozhiliang_2025.txt",
    "dj": ROOT / "tests/fixtures/holdout13/dj_dajianyunshu_hujiaofa2025-175.txt",
    "panhuo": ROOT / "tests/fixtures/holdout12/jdpd_panhuo_jiafufa2022-13.txt",
    "zigong": None,
}


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("s13"), TEXTS, lambda corpus: FILES[corpus])


def _said(text: str) -> str:
    """What the answer says, before quoted text and loosely related entries."""
    return text.split("相关条目")[0].split("原文")[0].split("供参考")[0]


# (plan, question, status, held, absent, why)
ROWS = [
    # ---- 1. the doer of a clause: the duty verb's sentence, never a purpose clause
    ("roads", "县道养护计划编制由谁负责", "answered", ["县交通运输局"], ["县审计局", "省交通运输厅"],
     "一 县交通运输局负责县道养护计划编制 (负责) over 县审计局对县道养护计划编制情况开展审计 (another verb) and the "
     "purpose clause 为贯彻落实省交通运输厅…县道养护计划编制的要求"),
    ("roads", "养护资金的预算安排由哪个部门负责", "answered", ["县财政局"], ["县交通运输局", "省财政厅"],
     "一 县财政局负责养护资金的预算安排 — the second clause of the duty sentence"),
    ("roads", "乡道村道日常养护谁负责", "answered", ["各乡镇人民政府"], ["县交通运输局"],
     "一 各乡镇人民政府负责乡道、村道的日常养护 (the question drops the 、)"),
    ("dj", "公路超限运输许可由哪个部门负责办理", "answered", ["市、区交通运输部门"], ["为贯彻", "交通运输部、公安部负责"],
     "holdout13 dj08: 一（二）市、区交通运输部门负责公路超限运输许可…审批办理 — the preamble's 为贯彻落实交通运输部、"
     "公安部… is a purpose clause"),
    ("dj", "特型机动车临时行驶车号牌由谁核发", "answered", ["市公安交管部门"], ["市、区交通运输部门负责"],
     "一（二）市公安交管部门负责特型机动车临时行驶车号牌核发"),
    # ---- 2. 落实 names no role; 会同哪个部门 asks the named lead's partners
    ("roads", "县交通运输局落实哪些任务", "answered", ["共 4 项", "组建工作专班", "开展路况评定", "推进危桥改造"],
     ["共 0 项"],
     "县交通运输局 is 责任单位 of (一), 牵头 of (二)(三) and the subject of 一's first duty sentence (kb reads 一 as its "
     "item: first written 共 3 项, missing that paragraph): the tasks it carries out, every role (was 落实的任务共 0 项)"),
    ("roads", "县应急管理局要落实几项任务", "answered", ["1 项"], ["共 0 项"],
     "配合 of (三) only: one task it takes part in"),
    ("dj", "市交通委落实的任务有哪些", "answered", ["共 3 项", "部署实施阶段"], ["共 0 项"],
     "holdout13 dj19's reading: 市交通委 is a 责任部门 of 三（一）（二）（三）"),
    ("roads", "县交通运输局会同哪些部门组建养护工作专班", "answered", ["县财政局", "县自然资源局"],
     ["县应急管理局", "共 0 项"],
     "(一) 由县交通运输局会同县财政局、县自然资源局等部门组建养护工作专班 — the units after its 会同 in that sentence"),
    ("roads", "县交通运输局会同哪个部门推进危桥改造", "answered", ["县应急管理局"], ["县财政局", "县自然资源局"],
     "(三) 县交通运输局会同县应急管理局完成危桥改造10座 (also its 配合 unit)"),
    ("dj", "市交通委会同哪个部门落实工作专班？", "answered", ["市公安局"], ["共 0 项", "市大数据中心"],
     "holdout13 dj19: 三（一）由市交通委会同市公安局等部门落实工作专班"),
    ("roads", "县财政局会同哪些部门推进危桥改造", None, [], ["县应急管理局", "县交通运输局会同"],
     "县财政局 works with no one on 危桥改造 (it is 县交通运输局 that 会同s 县应急管理局): never another lead's partners"),
    ("roads", "各乡镇人民政府配合哪些任务", "answered", ["开展路况评定", "共 1 项"], [], "control: a role word stays a role"),
    # ---- 3. a when-word inside the object asked
    ("roads", "谁负责向省交通运输厅反馈评定时间、路段、等级的结果", "answered", ["县交通运输局"], ["时限", "2025年6月"],
     "(二) 向省交通运输厅反馈评定时间、路段、等级的结果: a who-question — 时间 is one of the things reported"),
    ("dj", "谁负责向交通运输部门反馈对公路三类大件运输许可通行时间、路线、速度的意见？", "answered",
     ["市、区公安交管部门"], ["时限", "2025年3月"],
     "holdout13 dj20: 一（二）市、区公安交管部门负责向交通运输部门反馈…许可通行时间、路线、速度的意见"),
    ("roads", "养护工程开工时间和施工方案由谁审核", "answered", ["县公路管理站"], ["时限"],
     "(四) 县公路管理站负责审核养护工程开工时间和施工方案: 开工时间 is what is checked"),
    ("roads", "组建工作专班的完成时限是什么", "answered", ["2025年6月"], [], "control: 完成时限 asks when"),
    ("roads", "危桥改造什么时候完成", "answered", ["2026年底前"], [], "control: 什么时候 asks when"),
    # ---- 4. a who-question's topic stands in the plan as asked
    ("panhuo", "谁负责制定具体办法", None, [], ["区经委", "区财政局"],
     "review-qa P8: the plan writes 办法 nowhere; 四（五）14 holds only 制定 (…自行制定镇级奖励机制)"),
    ("panhuo", "具体办法由谁制定", None, [], ["区经委", "区财政局"], "the same, the verb after 由谁"),
    ("roads", "谁负责制定补助标准", None, [], ["县交通运输局", "县财政局"],
     "the plan writes no 补助 and no 标准: (一)'s 制定养护考核办法 holds only the verb"),
    ("roads", "谁负责制定养护考核办法", "answered", ["县交通运输局"], [], "control: (一) writes it"),
    # ---- 5. a ranking of departments of one level
    ("housing", "哪个区级部门参与最多", "answered", ["区住房保障局", "3 项"], ["最多的是市住房城乡建设管理委"],
     "区住房保障局 supports (一)(三)(四): 3; 区财政局 2; the 市 units are no 区级部门 (市住房城乡建设管理委 leads 4)"),
    ("housing", "哪个市级部门牵头最多", "answered", ["市住房城乡建设管理委", "4 项"], [],
     "(一)(二)(三)(五) — 市财政局 leads 1"),
    ("housing", "配合任务最多的区级单位是哪个", "answered", ["区住房保障局"], ["各街道办事处（"],
     "the same ranking by 配合: 区住房保障局 3, 区财政局 2"),
    ("housing", "哪个县级部门参与最多", "not_in_plan", ["县级"], ["最多的是"],
     "the plan names no 县 unit: never a ranking of all"),
    ("panhuo", "哪个区级部门参与最多", "answered", ["区规划资源局", "区经委"], ["各街镇"],
     "holdout-style: 各街镇 (11) is no 区级部门; 区经委 11 (1 sole + 10 shared) … read from kb depts: 区经委 11, "
     "区规划资源局 10"),
    ("zigong", "哪个部门牵头最多", "answered", ["最多的是"], [], "control: no level, every department ranked"),
    ("panhuo", "区级部门有哪些", "answered", ["区经委：", "未计入区级", "区属国企"], ["区属国企：", "各街镇："],
     "区属国企 and 区内各相关行政审批部门 open with 区 but name no 区级 body: said apart (shapes level_not_next)"),
    # ---- routed from holdout14: the doer after 由 with a verb of its own (passive 由X + verb)
    ("ships", "新建船舶由谁检验", "answered", ["船舶检验机构"], ["区交通委", "区大数据中心"],
     "二（一）新建、改建船舶应由船舶检验机构检验合格 — untagged; 二（四）'s units answer another question"),
    ("ships", "船舶检验合格由哪个机构负责", "answered", ["船舶检验机构"], ["区交通委"], "the same, asked with 负责"),
    ("ships", "码头日常监督检查由谁负责", "answered", ["区交通运输管理所"], ["没有涉及"],
     "二（二）由区交通运输管理所负责日常监督检查 (a 所)"),
    ("ships", "水上交通事故由谁调查处理", "answered", ["区海事处"], ["区交通委"],
     "二（三）由区海事处依法组织调查处理 (a 处; 依法 between the name and the verb)"),
    ("ships", "联席会议制度由谁建立", "answered", ["区交通委"], [], "control: 三（一）'s tag and its sentence agree"),
]


@pytest.mark.parametrize("corpus,question,status,held,absent,why", ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS])
def test_reading(ask, corpus, question, status, held, absent, why):
    a = ask(corpus, question)
    if status:
        assert a.status == status, (why, a.text)
    for word in held:
        assert word in a.text, (why, a.text)
    said = _said(a.text)
    for word in absent:
        assert word not in said, (why, a.text)


# (plan, turns, status of the last, held, absent, why)
CHATS = [
    ("dj", ["市大数据中心牵头哪些任务", "那配合的呢"], "not_in_plan", ["市大数据中心", "配合"], ["请输入一个关于方案的问题"],
     "the plan gives no one 牵头 nor 配合 (only 责任部门 lists): the follow-up keeps 市大数据中心 and says the plan gives "
     "no 配合 role, with what it does hold (was: the help text)"),
    ("roads", ["县应急管理局牵头哪些任务", "那配合的呢"], "answered", ["推进危桥改造", "共 1 项"], [],
     "县应急管理局 leads nothing (0, its other role said); 配合: (三)"),
    ("roads", ["县公路管理站牵头哪些任务", "县应急管理局呢"], None, ["县应急管理局"], ["县公路管理站"],
     "another department, the role kept (牵头): 县应急管理局 leads nothing either — said of it, not of 县公路管理站"),
    ("ships", ["开展安全培训", "这项由哪个部门负责"], "answered", ["区交通委", "区应急局"], ["请输入一个关于方案的问题"],
     "这项 points at the one item listed (二（五）): its units (was the help text)"),
    ("ships", ["区交通委牵头哪些任务", "这两项属于哪个部分"], None, ["二、重点任务", "三、保障措施"], ["没有涉及"],
     "the items listed (二（四）（五）, 三（一）) by their parts (was 没有涉及“这两项属于”)"),
    ("ships", ["区交通委牵头哪些任务", "这些任务属于哪个部分", "第一项由哪个部门配合"], None, ["区大数据中心"], ["有 2 处"],
     "第一项 still points at the list (二（四）, its 实施部门 as kb reads it) after a part question"),
    ("ships", ["区交通委牵头哪些任务", "其中哪些有时限"], "answered", ["推进智慧监管", "2024年底前"], ["开展安全培训："],
     "control: 其中 narrows the list"),
    ("ships", ["区交通委牵头哪些任务", "其中哪些有配合部门"], "answered", ["上一个回答中", "开展安全培训"],
     ["最多的是", "强化资金保障"],
     "routed holdout14 (其中 scope): the listed items naming a 配合 unit — was a ranking of every department (二（四）"
     "writes 实施部门, no 配合部门: how kb reads that label is tables2's decision, so it is not asserted here)"),
    ("ships", ["哪些任务有牵头单位"], "answered", ["推进智慧监管", "强化资金保障"], ["最多的是", "严格船舶检验"],
     "the plan's tasks naming a 牵头 unit (二（四）（五）, 三（一）（二）), not a ranking of departments"),
    ("ships", ["区交通委牵头哪些任务", "其中哪些属于保障措施"], "answered", ["加强组织领导"], ["推进智慧监管", "没有"],
     "the listed items under 三、保障措施 (三（一）) — was 没有…“属于保障措施”"),
    ("ships", ["内河船舶动态监控平台由谁牵头", "实施部门呢"], "answered", ["区大数据中心"], [],
     "routed holdout14 (实施部门呢): 二（四）'s tag writes 实施部门：区大数据中心"),
    ("ships", ["区交通委牵头哪些任务", "实施部门是谁"], "answered", ["区大数据中心", "没有写明实施部门"], [],
     "each listed item's 实施部门 as its tag writes it; 二（五）, 三（一） write none"),
    ("charge", ["到2025年累计建成多少个公共充电桩", "2027年呢"], "answered", ["500"], ["方案正文的条目", "没有写到2027年"],
     "the first refused (the plan writes no 2025), the follow-up asks the same of 2027: 一 到2027年…累计建成公共充电桩500个 "
     "(holdout13 c3b answered a plan-wide deadline list)"),
    ("charge", ["到2025年累计建成多少个公共充电桩", "2030年呢"], "not_in_plan", ["2030"], ["500"],
     "the same of 2030, which the plan does not state either: refused again, never 2027's figure"),
    ("roads", ["给县交通运输局写一封催办邮件", "那县财政局呢"], None, [], ["县财政局负责养护资金的预算安排。邮件"],
     "a refused writing request: its ellipsis is no license to write; the unit's duties or a refusal, never a letter"),
]


@pytest.mark.parametrize("corpus,turns,status,held,absent,why", CHATS, ids=[f"{r[0]}:{'/'.join(r[1])}" for r in CHATS])
def test_chat(tmp_path, corpus, turns, status, held, absent, why):
    from kb.qa import Session

    path = FILES.get(corpus)
    if corpus in TEXTS:
        path = tmp_path / f"{corpus}.txt"
        path.write_text(TEXTS[corpus], encoding="utf-8")
    session = Session(None if path is None else str(path), strict=True)
    for turn in turns[:-1]:
        session.ask(turn)
    a = session.ask(turns[-1])
    if status:
        assert a.status == status, (why, a.text)
    for word in held:
        assert word in a.text, (why, a.text)
    for word in absent:
        assert word not in _said(a.text), (why, a.text)


#: Fresh questions of session 13 (reading3, step 7) over fixture plans, written with their answers read by hand from the
#: plan files BEFORE kb was run on them (first score in FRESH_FIRST_SCORE); the rows kb still fails are marked in
#: FRESH_OPEN (strict xfail: each says why), the others pass.
FRESH = [
    # 116 奉贤 停车资源共享 (prose duties, 由X制定, 由X会同Y, 报X批准)
    ("fengxian", "住宅小区停车共享协议由谁制定", "answered", ["区静态交通领导小组办公室"], [],
     "五（三）1 由区静态交通领导小组办公室制定住宅小区停车共享协议和管理规范 (and 六（一）1)"),
    ("fengxian", "南桥新城范围内的道路停车方案由哪些部门制定", "answered", ["公安", "交通部门"], ["区交通委"],
     "四 4 南桥新城范围内，由公安、交通部门梳理资源，制定道路停车方案"),
    ("fengxian", "新城以外各镇的停车方案报谁批准", "answered", ["区交通委"], [],
     "四 4 新城以外各镇、街道…编制停车方案，报区交通委批准"),
    ("fengxian", "区静态交通领导小组办公室会同哪些部门开展停车共享示范", "answered", ["机管局", "房管局", "南桥镇"], [],
     "六（二）由区静态交通领导小组办公室会同机管局、房管局、南桥镇选择…开展停车资源共享示范项目创建"),
    ("fengxian", "谁负责对各街镇停车设施共享利用工作进行年度考核", "answered", ["区静态交通领导小组办公室"], ["各街镇负责"],
     "六（一）1 区静态交通领导小组办公室…负责制定明确的年度计划…并对各街镇停车设施共享利用工作进行年度考核"),
    ("fengxian", "共享停车资源信息由谁公示", "answered", ["街镇"], [],
     "五（三）3 第一 由街镇会同停车经营服务企业对…停车资源信息予以公示"),
    ("fengxian", "申请条件由谁复核", "answered", ["街镇"], [], "五（三）3 第三 由街镇会同停车经营服务企业…予以复核"),
    ("fengxian", "哪个单位负责开展本区域停车共享实施工作", "answered", ["各街镇"], [],
     "六（一）3 各街镇是停车共享工作实施的主体，负责开展本区域停车共享实施工作"),
    ("fengxian", "区运管部门负责哪些工作", "answered", ["道路停车管理"], [],
     "六（一）2 区运管部门加强道路停车管理的指导…调整住宅小区周边道路停车收费办法"),
    ("fengxian", "夜间停车收费的时间段是什么时候", None, ["18"], ["方案没有规定"],
     "六（一）2 夜间停车(18：00—次日8：00点)实行收费管理; 四 4 18点至次日的8点按次收费 — a time of day, not a due date"),
    ("fengxian", "南桥镇周边的共享协商机制由谁配合建立", "answered", ["区属停车经营服务公司"], [],
     "五（二）南桥镇及其周边地区由区属停车经营服务公司配合建立共享协商机制"),
    ("fengxian", "谁负责制定停车收费标准和停放时限", "answered", ["区静态交通领导小组办公室"], ["方案没有规定"],
     "五（三）1 由区静态交通领导小组办公室制定…协议和管理规范，明确…停车收费标准、停放时限 — 时限 is a thing it sets"),
    ("fengxian", "专业停车经营服务公司由谁组建", "answered", ["交能集团"], [],
     "二 一是 …(由交能集团组建专业停车经营服务公司)"),
    # 22 黄浦 可再生能源 (责任单位 lists, no lead; prose 会同 in 保障措施)
    ("huangpu", "区发展改革委会同哪些单位督促推进可再生能源任务建设", "answered", ["有关单位"], ["共 0 项"],
     "二 区发展改革委会同有关单位督促推进可再生能源任务建设 — the plan names no unit: 有关单位 as written"),
    ("huangpu", "谁整体部署和系统推进全区可再生能源开发建设", "answered", ["区发展改革委"], [],
     "二 区发展改革委整体部署和系统推进全区可再生能源开发建设相关工作"),
    ("huangpu", "热泵应用由哪些部门负责", "answered", ["区建管委", "区房管局"], [], "一（七）责任单位：区建管委、区房管局"),
    ("huangpu", "区投促办负责哪些任务", "answered", ["积极发展绿色金融", "强化光伏建设资金保障", "共 2 项"], [],
     "一（八）区投促办 alone; 一（九）among five"),
    ("huangpu", "区投促办落实几项任务", "answered", ["2 项"], ["共 0 项"], "the same, asked with 落实"),
    ("huangpu", "区发展改革委会同哪些部门", "answered", ["有关单位"], ["共 0 项"],
     "二's one 会同 sentence (no task of the plan gives anyone 牵头/配合)"),
    ("huangpu", "哪个区级部门参与最多", "answered", ["最多的是区发展改革委"], [],
     "区发展改革委 is in 一（一）–（六）、（九）、（十）: 8 of 10 task tags, more than any other"),
    ("huangpu", "谁负责每年向区委区政府报告贯彻落实情况", "answered", ["区发展改革委"], [],
     "二 区发展改革委会同有关单位督促推进…，每年向区委、区政府报告贯彻落实情况"),
    ("huangpu", "区财政局参与哪些任务", "answered", ["强化光伏建设资金保障", "共 1 项"], [], "一（九）only"),
    # 08 丽水 责任分解 (label lines, 列第一位为牵头 from item 4, 分别牵头)
    ("lishui", "固定资产投资增长10%由哪个部门牵头", "answered", ["市发改委"], [],
     "4 责任单位：市发改委、市经信局… (列第一位为牵头或汇总单位)"),
    ("lishui", "城乡居民收入增速的任务由谁牵头", "answered", ["市人力社保局", "市农业农村局"], [],
     "6 责任单位：市人力社保局、市农业农村局分别牵头"),
    ("lishui", "市经信局落实哪些任务", "answered", ["规上工业增加值", "固定资产投资", "招商引资"], ["共 0 项"],
     "2 (alone), 4 and 10 (listed after the first): every role"),
    ("lishui", "哪个市级部门参与最多", "answered", ["最多的是市发改委"], [],
     "市发改委 in 1, 4, 8, 9, 10: 5 items, more than any other 市 unit"),
    ("lishui", "招商引资百千行动由哪些单位负责", "answered", ["市双招双引办", "丽水开发区管委会"], [],
     "10 责任单位：市双招双引办、市发改委、市经信局,各县(市、区)政府、丽水开发区管委会"),
    ("lishui", "城镇新增就业由哪个部门牵头", "answered", ["市人力社保局", "市发改委"], [],
     "9 城镇新增就业、节能减排降碳… 责任单位：市人力社保局、市发改委分别牵头 — which one leads which is not said"),
    # 62 常熟 任务分解表 (names with no level prefix: 发改委, 经信委)
    ("changshu", "哪个部门牵头最多", "answered", ["经信委", "科技局"], [],
     "经信委 3、5、7 and 科技局 4、6、7: 3 each; 发改委 1、7: 2"),
    ("changshu", "哪个市级部门牵头最多", None, ["经信委"], ["方案中没有市级部门"],
     "a 常熟市 plan whose units write no level (经信委 is the city's): never a false 没有市级部门"),
    ("changshu", "固定资产投资额550亿元由哪些部门负责", "answered", ["发改委", "经信委", "科技局"], [],
     "7 …全社会固定资产投资额550亿元… 发改委、经信委、科技局"),
    # 47 婺城 (a part heading names its lead)
    ("wucheng", "强化科技创新由哪个部门牵头", "answered", ["区科技局"], [], "一、强化科技创新(区科技局牵头)"),
]

FRESH_CHATS = [
    ("huangpu", ["热泵应用由哪些部门负责", "那绿色金融呢"], "answered", ["区投促办"], [], "一（八）积极发展绿色金融"),
    ("huangpu", ["区投促办负责哪些任务", "这两项属于哪个部分"], None, ["一、主要任务"], ["没有涉及"],
     "一（八）一（九）are both under 一、主要任务"),
    ("huangpu", ["区发展改革委牵头哪些任务", "那配合的呢"], None, ["区发展改革委"], ["请输入一个关于方案的问题"],
     "the plan gives no one 牵头 or 配合: both said of 区发展改革委, with what it holds"),
    ("lishui", ["市财政局负责哪些任务", "那市商务局呢"], "answered", ["社会消费品零售总额"], [], "5 责任单位：市商务局"),
    ("lishui", ["市发改委负责几项任务", "分别是哪些"], "answered", ["生产总值", "居民消费价格"], [],
     "1, 4, 8, 9, 10 listed"),
    ("fengxian", ["区静态交通领导小组办公室负责哪些工作", "那各街镇呢"], None, ["各街镇"], ["区静态交通领导小组办公室负责"],
     "the same asked of 各街镇 (六（一）3 and the steps by 街镇)"),
]

#: Rows of FRESH / FRESH_CHATS kb does not answer yet: question → why (strict xfail: a pass is reported).
FRESH_OPEN: dict[str, str] = {
    "专业停车经营服务公司由谁组建": "the thing asked, a company's name, is resolved to the unit 区停车经营服务公司 and the "
                             "question goes unread (unit-name resolution of a thing built, not a doer)",
}


@pytest.mark.parametrize("corpus,question,status,held,absent,why", FRESH, ids=[f"{r[0]}:{r[1]}" for r in FRESH])
def test_fresh(ask, request, corpus, question, status, held, absent, why):
    if question in FRESH_OPEN:
        request.applymarker(pytest.mark.xfail(strict=True, raises=AssertionError, reason=FRESH_OPEN[question]))
    test_reading(ask, corpus, question, status, held, absent, why)


@pytest.mark.parametrize("corpus,turns,status,held,absent,why", FRESH_CHATS,
                         ids=[f"{r[0]}:{'/'.join(r[1])}" for r in FRESH_CHATS])
def test_fresh_chat(tmp_path, request, corpus, turns, status, held, absent, why):
    if turns[-1] in FRESH_OPEN:
        request.applymarker(pytest.mark.xfail(strict=True, raises=AssertionError, reason=FRESH_OPEN[turns[-1]]))
    test_chat(tmp_path, corpus, turns, status, held, absent, why)
