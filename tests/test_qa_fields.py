"""The fields helper's causes (issue #11, session 10), each a mechanism of the genre, table-driven: (plan, question,
status, words the answer must hold, words it must not hold, why).  Expected answers were written from the plan texts
below before kb was run on them; the plans are written here in the shapes the blind set met (no row copies a blind
plan), plus 国办发〔2018〕117号 (tests/fixtures/plans/46, a fixture of the repository) as a real plan of shape 1 and 2.

1. An ordinal uses the plan's own item numbers: a plan whose measures are top-level ``一、…十二、`` (no sections) has its
   measures as its parts (``Document.item_parts``); its preamble is 引言, its closing words 结语 — no numbered items.
2. Two deadlines in one paragraph: the when-answer takes the clause holding the question's words; recurring limits
   (每年2月底前, 每季度末, 每半年报送) are deadlines of kind ``recurring``.
3. A dated requirement of a cover notice (各区要在…前报送…) answers a when-question.
4. A phrase that is a heading's clause is no unit; a heading typed with other punctuation names its section.
5. Tag fields (适用范围) are searched by topic questions; 措施九适用于哪个片区 reads the named item's field.
6. A list-valued goal (建设成为A中心、B中心和C中心): 要发展成为哪几个中心 answers the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_sessions import first_question_asker

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"

#: Measures numbered 一、…十二、 at the top level, each one paragraph with its heading joined by a comma; two preamble
#: paragraphs, three closing paragraphs with no marker (the shape of the blind set's HTML plan).
FTZ_LONG = """关于进一步支持中国（江南）自由贸易试验区高质量发展的若干措施

为深入实施自由贸易试验区提升战略，推动中国（江南）自由贸易试验区（以下简称自贸试验区）在更高起点上深化改革开放，结合本省实际，制定以下措施。

各片区要对照本措施，抓紧细化落实。

一、支持开展跨境贸易便利化试点，对符合条件的企业实行“两步申报”“提前申报”等通关模式，压缩整体通关时间。（负责部门：省商务厅、南州海关，适用范围：自贸试验区）
二、扩大跨境电商综合试验，支持建设跨境电商海外仓，对新建海外仓按投资额给予补助。（负责部门：省商务厅，适用范围：西港片区）
三、推进离岸贸易发展，支持银行为真实合规的离岸转手买卖提供跨境资金结算便利。（负责部门：人民银行省分行、省外汇管理局，适用范围：东湖片区）
四、放宽外资准入限制，在增值电信等领域试点放宽外资股比限制。（负责部门：省通信管理局，适用范围：自贸试验区）
五、开展数据跨境流动试点，探索建立数据出境负面清单管理制度。（负责部门：省委网信办，适用范围：东湖片区）
六、支持融资租赁发展，对在片区新设立的融资租赁公司给予一次性奖励。（负责部门：省地方金融管理局，适用范围：西港片区）
七、优化人才服务，为外籍高层次人才办理工作许可开辟绿色通道。（负责部门：省科技厅、省公安厅，适用范围：自贸试验区）
八、推进生物医药研发用物品通关便利，对研发用物品实行白名单管理。（负责部门：南州海关、省药监局，适用范围：北山片区）
九、支持建设国际船舶登记中心，简化船舶登记手续。（负责部门：省交通运输厅，适用范围：西港片区）
十、强化知识产权保护，设立知识产权快速维权中心。（负责部门：省市场监管局，适用范围：北山片区）
十一、完善争端解决机制，支持设立国际商事调解组织。（负责部门：省司法厅，适用范围：自贸试验区）
十二、加强风险防控，建立健全跨境资金流动监测体系。（负责部门：省外汇管理局、省地方金融管理局，适用范围：自贸试验区）

各有关部门要按照职责分工，加强协同配合，确保各项措施落地见效。

各片区管委会要建立工作台账，定期报送进展情况。

本措施自印发之日起施行，有效期至2027年12月31日。
"""

#: The same measures with an inline heading closed by 。 (``三、推进离岸贸易发展。支持…``): parts opened inline.
FTZ_INLINE = """关于进一步支持中国（江南）自由贸易试验区高质量发展的若干措施

为深入实施自由贸易试验区提升战略，推动中国（江南）自由贸易试验区（以下简称自贸试验区）在更高起点上深化改革开放，结合本省实际，制定以下措施。

各片区要对照本措施，抓紧细化落实。

一、支持开展跨境贸易便利化试点。对符合条件的企业实行“两步申报”“提前申报”等通关模式，压缩整体通关时间。（负责部门：省商务厅、南州海关，适用范围：自贸试验区）
二、扩大跨境电商综合试验。支持建设跨境电商海外仓，对新建海外仓按投资额给予补助。（负责部门：省商务厅，适用范围：西港片区）
三、推进离岸贸易发展。支持银行为真实合规的离岸转手买卖提供跨境资金结算便利。（负责部门：人民银行省分行、省外汇管理局，适用范围：东湖片区）
四、放宽外资准入限制。在增值电信等领域试点放宽外资股比限制。（负责部门：省通信管理局，适用范围：自贸试验区）
五、开展数据跨境流动试点。探索建立数据出境负面清单管理制度。（负责部门：省委网信办，适用范围：东湖片区）
六、支持融资租赁发展。对在片区新设立的融资租赁公司给予一次性奖励。（负责部门：省地方金融管理局，适用范围：西港片区）
七、优化人才服务。为外籍高层次人才办理工作许可开辟绿色通道。（负责部门：省科技厅、省公安厅，适用范围：自贸试验区）
八、推进生物医药研发用物品通关便利。对研发用物品实行白名单管理。（负责部门：南州海关、省药监局，适用范围：北山片区）
九、支持建设国际船舶登记中心。简化船舶登记手续。（负责部门：省交通运输厅，适用范围：西港片区）
十、强化知识产权保护。设立知识产权快速维权中心。（负责部门：省市场监管局，适用范围：北山片区）
十一、完善争端解决机制。支持设立国际商事调解组织。（负责部门：省司法厅，适用范围：自贸试验区）
十二、加强风险防控。建立健全跨境资金流动监测体系。（负责部门：省外汇管理局、省地方金融管理局，适用范围：自贸试验区）

各有关部门要按照职责分工，加强协同配合，确保各项措施落地见效。

各片区管委会要建立工作台账，定期报送进展情况。

本措施自印发之日起施行，有效期至2027年12月31日。
"""

#: A plan with a cover notice (a dated requirement in it), a goal listing five 中心, sections whose headings have two
#: clauses (one joined by 、), and an unmarked closing paragraph with a dated and a recurring limit.
UAV = """临江市人民政府办公室关于印发临江市无人机产业发展行动方案的通知

各区人民政府，市政府各部门：
现将《临江市无人机产业发展行动方案》印发给你们，请认真贯彻执行。各区要在2018年9月30日前报送本区实施细则。

临江市人民政府办公室
2018年6月12日

临江市无人机产业发展行动方案

为加快培育无人机产业集群，制定本方案。

一、发展目标
到2020年，全市无人机产业规模突破100亿元，把临江建设成为全国重要的无人机研发中心、制造中心、测试认证中心、飞行服务中心和人才培训中心。

二、重点任务
（一）壮大整机制造，培育龙头企业。
1.引进整机龙头企业3家以上。（牵头单位：市招商局，配合单位：各区政府）
2.支持本地企业扩大产能。（牵头单位：市工信局）
（二）完善配套体系，补齐关键零部件短板。
3.推动飞控系统、动力电池等核心部件本地化配套。（牵头单位：市工信局，配合单位：市科技局）
（三）拓展应用场景、推动示范应用。
4.在农林植保、电力巡检等领域开展示范应用。（牵头单位：市农业农村局，配合单位：市供电公司）
5.2019年底前建成低空飞行服务站2个。（牵头单位：市交通运输局）
（四）延伸产业链条，打造检测维修中心。
6.建设无人机检测认证平台。（牵头单位：市市场监管局）
7.培育专业维修服务企业。（牵头单位：市工信局，配合单位：市人社局）

三、保障措施
（一）加强组织领导。成立市无人机产业发展领导小组，统筹推进各项工作。（牵头单位：市发展改革委）
（二）加大资金支持。设立无人机产业发展专项资金。（牵头单位：市财政局）

各区、各有关部门要将本方案落实情况于2018年12月31日前报市发展改革委。此后，每年2月底前报送上一年度工作进展情况。
"""

#: Parts whose titles have two clauses (一、壮大市场主体，优化市场环境) over numbered items.
PARTS = """某县优化营商环境三年行动方案

为持续优化营商环境，制定本方案。

一、壮大市场主体，优化市场环境
1.推进企业开办便利化。（牵头单位：县市场监管局）
2.降低企业用电成本。（牵头单位：县发展改革局）
二、提升政务服务，打造数字政府
3.推行“一网通办”。（牵头单位：县政务服务中心）
4.建设县级数据共享平台。（牵头单位：县大数据局）
三、加强组织保障
5.建立工作专班。（牵头单位：县政府办）
"""

JILI = "46_jili_guobanfa2018-117.txt"
#: 国发〔2018〕38号 (tests/fixtures/plans/13): measures tagged （负责部门：…，适用范围：X自贸试验区）; rows written from its
#: text by hand before kb ran on them (an untuned check of 5).
ZIMAO = "13_zimaoqu_guofa2018-38.txt"
#: 国发〔2019〕3号 (tests/fixtures/plans/12): a goal listing five 中心, section headings of two clauses.
ZONGBAO = "12_zongbao_guofa2019-3.txt"


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    files = {"ftz_long": FTZ_LONG, "ftz_inline": FTZ_INLINE, "uav": UAV, "parts": PARTS}
    return first_question_asker(tmp_path_factory.mktemp("fieldplans"), files, lambda corpus: PLANS / corpus)


def _check(answer, status, present, absent):
    """The status, the words the answer holds, and the words its first line (what it states, before 出处/原文) must not
    hold."""
    assert answer.status == status, answer.text
    for word in present:
        assert word in answer.text, (word, answer.text)
    head = answer.text.split("\n", 1)[0]
    for word in absent:
        assert word not in head, (word, answer.text)


# ---------------------------------------------------------------- 1. the plan's own item numbers

def _parsed(text: str, name: str = "plan"):
    from kb.parser import parse_document

    return parse_document(text, doc_id=name)


STRUCTURE = [
    (FTZ_LONG, ["引言1", "引言2", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
                "结语1", "结语2", "结语3"], True,
     "measures 一、…十二、 too long for part headings are the parts; preamble 引言, closing words 结语 (were 1…17)"),
    (FTZ_INLINE, ["引言1", "引言2", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
                  "结语1", "结语2", "结语3"], True,
     "inline headings (三、推进离岸贸易发展。…): the closing paragraphs are no paragraphs 十二2–十二4 of the last measure"),
    ("某市关于加强学校食品安全的若干措施\n\n一、落实主体责任，学校校长是食品安全第一责任人。（责任单位：市教育局）\n"
     "二、加强日常监管，每学期开展一次全覆盖检查。（责任单位：市市场监管局）\n"
     "三、强化社会监督，建立陪餐制度。（责任单位：市教育局）\n（配合单位：各区政府）\n各区要抓好落实。\n",
     ["一", "二", "三1", "三2", "结语"], True,
     "a tag line right after the last measure stays with it (three short measures suffice); the unmarked line closes"),
    ("某县农村人居环境整治方案\n\n一、总体要求\n到2025年，农村人居环境明显改善。\n二、重点任务\n"
     "1.推进厕所革命。（牵头单位：县农业农村局）\n2.治理生活垃圾。（牵头单位：县住建局）\n三、保障措施\n"
     "加强组织领导。\n各乡镇要抓好落实。\n",
     ["一", "二1", "二2", "三1", "三2"], False,
     "control: parts with short headings over numbered items are no item parts; the closing stays in 三"),
    ("某区优化营商环境的若干措施\n\n一、压缩开办时间，企业开办1个工作日内办结。（牵头单位：区市场监管局）\n"
     "二、降低用地成本，工业用地弹性出让。（牵头单位：区规划资源局）\n另行制定细则。\n"
     "三、提升审批效率，推行告知承诺制。（牵头单位：区政务服务办）\n本措施自发布之日起施行。\n",
     ["一", "二1", "二2", "三1", "三2"], False,
     "control: a middle measure with a paragraph after it — the parts are not one paragraph each, nothing is moved"),
]


@pytest.mark.parametrize("text,labels,item_parts,why", STRUCTURE, ids=[r[-1][:24] for r in STRUCTURE])
def test_top_level_items_are_the_plans_items(text, labels, item_parts, why):
    doc, tasks = _parsed(text)
    assert [t.label for t in tasks] == labels, why
    assert doc.item_parts is item_parts, why


ORDINALS = [
    ("ftz_long", "第3项措施是什么", "answered", ["三", "推进离岸贸易发展"], ["引言"],
     "the plan's item 三, not the paragraph at position 3 (the preamble's two paragraphs are no items)"),
    ("ftz_long", "第十二条措施是什么", "answered", ["十二", "加强风险防控"], ["结语"], "the last measure"),
    ("ftz_long", "第13项措施是什么", "not_in_plan", ["12"], ["各片区管委会"],
     "past the last measure: not in the plan (was the closing paragraph at position 13)"),
    ("ftz_long", "第1项措施是什么", "answered", ["跨境贸易便利化"], ["为深入实施"], "item 一, not the preamble"),
    ("ftz_inline", "第3项措施是什么", "answered", ["三", "离岸"], [], "inline headings: the same numbers"),
    ("ftz_inline", "第13项措施是什么", "not_in_plan", ["12"], [], "inline headings: past the last"),
    (JILI, "第30项措施是什么", "answered", ["三十", "免督查"], [], "国办发〔2018〕117号: its 30th measure"),
    (JILI, "第31项措施是什么", "not_in_plan", ["30"], ["二十九"],
     "there are 30 measures: none is the 31st (was 二十九, the paragraph at position 31)"),
]


@pytest.mark.parametrize("plan,question,status,present,absent,why", ORDINALS, ids=[f"{r[0][:6]}-{r[1]}" for r in ORDINALS])
def test_ordinals_use_the_plans_numbers(ask, plan, question, status, present, absent, why):
    _check(ask(plan, question), status, present, absent)


# ---------------------------------------------------------------- 2. recurring deadlines, the clause asked

RECURRING = [
    ("从2019年起，各有关部门于每年2月底前，研究提出名单", [("recurring", "每年2月底前")],
     "the start stays no deadline (session 9); the yearly limit is one, recurring"),
    ("每年12月10日前完成年度评估", [("recurring", "每年12月10日前")], "a day of every year"),
    ("每季度末报送进展情况", [("recurring", "每季度末")], "the end of every quarter"),
    ("每季度结束后10日内报送统计数据", [("recurring", "每季度结束后10日内")], "a span after each quarter: not a bare 10日内"),
    ("每半年报送一次工作进展", [("recurring", "每半年")], "a report due each half year"),
    ("每月5日前上报", [("recurring", "每月5日前")], "a day of every month"),
    ("于2018年12月31日前报送，此后每年3月底前报送", [("by", "2018年12月31日前"), ("recurring", "每年3月底前")],
     "a dated limit and a recurring one in one clause: both, in order"),
    ("请各责任单位于每季度末月20日前将完成情况报县政府", [("recurring", "每季度末月20日前")],
     "a day of each quarter's last month (大竹 2016's form)"),
    ("形成每月例会制度、通报制度", [], "a meeting's frequency; 通报制度 is a noun: no report due"),
    ("每年安排专项资金1000万元", [], "how often, not by when: no deadline"),
    ("每季度召开一次联席会议", [], "a frequency of meeting: no limit"),
    ("次年3月底前完成清算", [], "次年 is no recurrence and no dated limit (unchanged)"),
    ("自2019年7月1日起，提前实施国六排放标准", [("from", "自2019年7月1日起")], "a start of work done once (unchanged)"),
]


@pytest.mark.parametrize("clause,expected,why", RECURRING, ids=[r[0][:12] for r in RECURRING])
def test_recurring_deadlines(clause, expected, why):
    from kb.model import Task
    from kb.parser.deadlines import apply_deadlines

    task = Task(id="x", doc="x", label="1", part="", part_title="", section=None, section_title=None, kind="task",
                title=None, text=clause, clauses=[clause])
    apply_deadlines(task)
    assert [(d.kind, d.text) for d in task.deadlines] == expected, why


WHEN = [
    (JILI, "每年什么时候提出拟予督查激励的地方名单", "answered", ["每年2月底前"], ["2018年12月31日"],
     "the clause holding the words is the yearly one (was the first date of the paragraph)"),
    (JILI, "激励措施实施办法什么时候报送国务院办公厅", "answered", ["2018年12月31日前"], ["每年2月底前"],
     "a unit named as the recipient is a word of the requirement, not a department whose tasks are listed"),
    (JILI, "各有关部门要在什么时候前报送实施办法", "answered", ["2018年12月31日前"], [],
     "a closing paragraph with no item marker answers a when-question"),
    ("uav", "每年什么时候报送工作进展情况", "answered", ["每年2月底前"], ["2018年12月31日"], "the recurring clause"),
    ("uav", "本方案落实情况什么时候报送", "answered", ["2018年12月31日前"], ["每年2月底前"],
     "the question's own words (落实情况) pick the clause, though 落实 is read as a role"),
    ("uav", "各区要在什么时候前报送实施细则", "answered", ["2018年9月30日前", "出处：通知"], ["每年2月底前"],
     "3: the cover notice's dated requirement, said as the notice's (was the body's 每年2月底前); cited by its "
     "paragraph's label 通知 since 754aae5 (the notice's paragraphs are read apart, labelled 通知N)"),
    ("uav", "实施细则什么时候报送", "answered", ["2018年9月30日前"], [], "3: the same, asked shorter"),
    ("uav", "低空飞行服务站什么时候建成", "answered", ["2019年底前"], ["2018年9月30日"],
     "control: a task's own deadline is not displaced by the cover's"),
]


@pytest.mark.parametrize("plan,question,status,present,absent,why", WHEN, ids=[f"{r[0][:6]}-{r[1]}" for r in WHEN])
def test_when_answers_take_the_clause_asked(ask, plan, question, status, present, absent, why):
    _check(ask(plan, question), status, present, absent)


# ---------------------------------------------------------------- 4. heading phrases are no units

HEADINGS = [
    ("uav", "打造检测维修中心包括哪些任务", "answered", ["二（四）6", "二（四）7"], ["分配任务"],
     "the second clause of （四）延伸产业链条，打造检测维修中心 (it ends in 中心, a unit's ending): the section"),
    (ZONGBAO, "打造检测维修中心包括哪些任务", "answered", ["四（四）14", "四（四）15", "四（四）16"], ["分配任务"],
     "国发〔2019〕3号: （四）延伸产业链条，打造检测维修中心 (was 方案没有给“打造检测维修中心”分配任务)"),
    ("uav", "拓展应用场景，推动示范应用有哪些任务", "answered", ["二（三）4", "二（三）5"], [],
     "the heading 拓展应用场景、推动示范应用 typed with ，"),
    ("uav", "补齐关键零部件短板有哪些任务", "answered", ["二（二）"], [], "control: a clause the reader matched before"),
    ("parts", "壮大市场主体、优化市场环境有哪些任务", "answered", ["一1", "一2", "共 2 项"], ["不涉及"],
     "a part title typed with 、 for ， (was 'the plans do not concern 壮大市', a place read in 壮大市场)"),
    ("parts", "提升政务服务打造数字政府包括哪些任务", "answered", ["二3", "二4", "共 2 项"], [],
     "a part title typed with no punctuation: the part, not a narrower topic within it"),
    ("parts", "打造数字政府有哪些任务", "answered", ["二3", "二4"], [], "a part title's second clause, all the topic"),
    ("parts", "加强组织保障有哪些任务", "answered", ["三"], [], "control: a whole part title"),
    ("uav", "市工信局牵头哪些任务", "answered", ["二（一）2", "二（二）", "二（四）7"], [], "control: a unit of the plan"),
    ("uav", "市区道路施工有哪些任务", "not_in_plan", [], ["分配任务"],
     "a phrase shaped like a unit only by its start (市…) is no unit: never 'the plan assigns it nothing'"),
]


@pytest.mark.parametrize("plan,question,status,present,absent,why", HEADINGS, ids=[r[1] for r in HEADINGS])
def test_heading_phrases_are_no_units(ask, plan, question, status, present, absent, why):
    _check(ask(plan, question), status, present, absent)


# ---------------------------------------------------------------- 5. tag fields

FIELDS = [
    ("ftz_long", "针对西港片区的措施有哪些", "answered", ["二", "六", "九", "共 3 项"], [],
     "适用范围：西港片区 stands only in the tags (was not_in_plan)"),
    ("ftz_long", "北山片区有哪些措施", "answered", ["八", "十", "共 2 项"], [], "(was not understood)"),
    ("ftz_long", "只适用于东湖片区的措施", "answered", ["三", "五", "共 2 项"], [], "control: the field reader"),
    ("ftz_long", "东湖片区的措施由谁负责", "answered", ["省委网信办", "省外汇管理局"], [],
     "who-question over the field's measures: each of them"),
    ("ftz_long", "南湖片区有哪些措施", "not_in_plan", [], [], "no field or text holds it"),
    ("ftz_long", "措施九适用于哪个片区", "answered", ["西港片区"], ["东湖"], "the field of a named item (措施九)"),
    ("ftz_long", "第五项措施的适用范围是什么", "answered", ["东湖片区"], [], "the field of 第五项"),
    ("ftz_inline", "措施九适用于哪个片区", "answered", ["西港片区"], [], "inline headings alike"),
    (ZIMAO, "针对重庆自贸试验区的措施有哪些", "answered", ["（三十三）", "（三十四）", "共 2 项"], [],
     "国发〔2018〕38号: the two measures whose 适用范围 is 重庆自贸试验区"),
    (ZIMAO, "陕西自贸试验区有哪些措施", "answered", ["（三十一）", "（三十二）", "共 2 项"], [], "国发〔2018〕38号"),
    (ZIMAO, "措施三十适用于哪个自贸试验区", "answered", ["河南自贸试验区"], [], "国发〔2018〕38号: （三十）'s field"),
    (ZIMAO, "第四十五条措施的适用范围是什么", "answered", ["浙江自贸试验区"], [], "国发〔2018〕38号: （四十五）"),
    (ZIMAO, "第十六项适用于哪里", "answered", ["浙江自贸试验区"], [], "国发〔2018〕38号: （十六）"),
    ("uav", "第7项的适用范围是什么", "not_in_plan", ["适用范围"], [],
     "an item with no such field: the plan does not label it (its item named)"),
]


@pytest.mark.parametrize("plan,question,status,present,absent,why", FIELDS, ids=[f"{r[0][:6]}-{r[1]}" for r in FIELDS])
def test_tag_fields(ask, plan, question, status, present, absent, why):
    _check(ask(plan, question), status, present, absent)


# ---------------------------------------------------------------- 6. a list-valued goal

GOALS = [
    ("uav", "要发展成为哪几个中心", "answered",
     ["无人机研发中心", "制造中心", "测试认证中心", "飞行服务中心", "人才培训中心", "共 5 个"], ["全国重要的无人机研发中心"],
     "the goal clause's list of 中心 (was not understood)"),
    ("uav", "临江要建设哪些中心", "answered", ["共 5 个"], [], "asked with another verb"),
    (ZONGBAO, "综合保税区要发展成为哪几个中心", "answered",
     ["加工制造中心、研发设计中心、物流分拨中心、检测维修中心、销售服务中心", "共 5 个"], [],
     "国发〔2019〕3号: the goal's list (国家产业创新中心、国家技术创新中心 of 7. stand in no goal clause)"),
    ("uav", "要建成哪几个基地", "not_in_plan", [], [], "no goal lists 基地"),
    ("ftz_long", "要打造哪些中心", "not_in_plan", [], [],
     "国际船舶登记中心 and 知识产权快速维权中心 stand in two measures, in no list: no goal list"),
]


@pytest.mark.parametrize("plan,question,status,present,absent,why", GOALS, ids=[f"{r[0][:6]}-{r[1]}" for r in GOALS])
def test_goal_lists(ask, plan, question, status, present, absent, why):
    _check(ask(plan, question), status, present, absent)


GOAL_CLAUSES = [
    ("把临江建设成为全国重要的无人机研发中心、制造中心和人才培训中心", "中心", ["无人机研发中心", "制造中心", "人才培训中心"],
     "the first item after its last 的"),
    ("打造区域性物流枢纽、商贸枢纽及信息枢纽", "枢纽", ["区域性物流枢纽", "商贸枢纽", "信息枢纽"], "及 before the last"),
    ("建设国家级检测中心", "中心", [], "one item is no list"),
    ("成立无人机产业中心、加强人才培养", "中心", [], "no goal verb before the list"),
    ("建成技术研发平台、中试平台、检验检测中心", "平台", ["技术研发平台", "中试平台"], "the run of the noun asked"),
]


@pytest.mark.parametrize("clause,noun,items,why", GOAL_CLAUSES, ids=[r[0][:10] for r in GOAL_CLAUSES])
def test_goal_items(clause, noun, items, why):
    from kb.qa.exec_goals import goal_items
    from kb.qa.query import load_shapes

    assert goal_items(clause, noun, load_shapes()["goal_verbs"]) == items, why


# ---------------------------------------------------------------- past dates of a signed document are narrative

#: A reply letter signed 2005年6月20日 recounting what happened (a visit, money granted, a start) before the limits it sets.
REPLY = """国务院办公厅关于南州省请求支持老工业基地调整改造有关问题的复函

南州省人民政府：
你省《关于请求支持老工业基地调整改造的请示》收悉。经国务院同意，现函复如下：
一、关于资金支持问题。中央财政近年来对你省给予了大力支持，其中2003年安排了专项资金20亿元。从2002年开始，国家发展改革委会同有关部门对你省老工业基地调整改造项目予以倾斜。2005年3月8日，国务院有关部门赴你省开展了专题调研。
二、关于后续工作。请你省于2005年9月底前将调整改造规划报国家发展改革委。自2006年起，国家发展改革委会同财政部研究安排专项资金。

国务院办公厅
2005年6月20日
"""

PAST = [
    ("一", [], "2003年安排了 (a past grant), 从2002年开始 (a past start), a visit on 2005年3月8日 (a day before signing): none"),
    ("二", [("by", "2005年9月底前"), ("from", "自2006年起")], "control: the limits the letter sets, after the day it is signed"),
]


@pytest.mark.parametrize("label,expected,why", PAST, ids=[r[0] for r in PAST])
def test_past_dates_of_a_signed_document_are_no_deadlines(label, expected, why):
    _, tasks = _parsed(REPLY)
    task = next(t for t in tasks if t.label == label)
    assert [(d.kind, d.text) for d in task.deadlines] == expected, why


def test_a_limit_of_the_signing_year_stays():
    """建立工作机制（2021年8月） in a plan signed 2021年9月9日: a schedule drafted before signing, kept (a month, not a past
    day or year); a 完成时限 line is never dropped."""
    from kb.model import Deadline
    from kb.parser.deadlines import before_issue

    assert not before_issue(Deadline("2021年8月", "during", "2021-08-01", "2021-08-31"), "2021-09-09")
    assert before_issue(Deadline("2020年12月31日", "during", "2020-12-31", "2020-12-31"), "2021-09-09")
    assert before_issue(Deadline("2021年3月5日", "during", "2021-03-05", "2021-03-05"), "2021-09-09")
    assert not before_issue(Deadline("2021年底前", "by", None, "2021-12-31"), "2021-09-09")
    assert before_issue(Deadline("从2019年起", "from", "2019-01-01", None), "2021-09-09")
    assert not before_issue(Deadline("每年2月底前", "recurring", None, None), "2021-09-09")

