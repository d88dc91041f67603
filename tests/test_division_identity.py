"""A bureau's division written with its bureau in some tags (市交通委科技信息处) and bare in others (科技信息处) is ONE unit
of the plan; a 、-list after a bureau+division shares the bureau (市交通委科技信息处、港务监管处: two divisions of 市交通委);
two bureaus' divisions of one name (市公安局办公室, 市交通委办公室) are never merged, and a bare name that may mean
either is asked back.  kb.registry.split_division cuts a name, kb.duties.place_body is the one identity every list uses
(questions, ``kb duties``, exports, the TUI).  Decision: README "Units written with their divisions".

The plans are written for these tests in three levels (市/县/省) and two dialects (labels, verbs); every expected answer
was written by hand before kb ran on them.
"""

from __future__ import annotations

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session
from kb.registry import split_division

#: (name, expected (parent, division) or None, why)
SPLITS = [
    ("市交通委科技信息处", ("市交通委", "科技信息处"), "a 委 and its 处"),
    ("县农业农村局种植业科", ("县农业农村局", "种植业科"), "a county 局 and its 科"),
    ("市局特种设备安全监察处", ("市局", "特种设备安全监察处"), "a plan of the bureau itself: 市局"),
    ("市卫生健康委员会办公室", ("市卫生健康委员会", "办公室"), "the longest bureau: 委员会, not 委"),
    ("市政府办公厅秘书处", ("市政府办公厅", "秘书处"), "the 厅's division, not 市政府's"),
    ("区委组织部干部科", ("区委组织部", "干部科"), "a 部 of the party committee and its 科"),
    ("市局反垄断和价格监督检查办公室", ("市局", "反垄断和价格监督检查办公室"), "a long division name"),
    ("省畜牧兽医局畜牧股", ("省畜牧兽医局", "畜牧股"), "股 ends a division"),
    ("市政府办公室", None, "a government's office is a body of its own (市政府办公室), no division"),
    ("县人民政府办公室", None, "the same with 人民政府"),
    ("区委办公室", None, "a party committee's office is a body of its own"),
    ("新华街道办事处", None, "办事处 is a street office, 事处 no division"),
    ("科技信息处", None, "a bare division: nothing before it"),
    ("市交通委", None, "a bureau"),
    ("市交通委（科技信息处）", None, "a bracket is kb.registry.bureau_divisions'"),
    ("各有关处室", None, "a group word"),
    ("反垄断和价格监督检查办公室", None, "no bureau's ending before the division"),
    ("区静态交通领导小组办公室", None, "领导小组 is no bureau ending (the office is the group's own body)"),
    ("市交通委信息中心", ("市交通委", "信息中心"), "中心 after a bureau: its centre"),
    ("市委宣传部网信办", ("市委宣传部", "网信办"), "办 after a bureau: its office"),
    ("国务院扶贫办", None, "the State Council's offices are bodies of their own"),
    ("市政府金融办", None, "a government's office"),
    ("市大数据中心", None, "no bureau's name before 中心"),
    ("市发展改革委市能源办", None, "a level opens the second name: an office of its own"),
]


@pytest.mark.parametrize(("name", "expected", "why"), SPLITS, ids=[s[0] for s in SPLITS])
def test_split_division(name, expected, why):
    assert split_division(name) == expected, why


CITY = "\n".join([
    "某市交通运输精细化管理实施方案", "", "一、主要任务", "",
    "1.推进智慧交通建设。（责任单位：市交通委科技信息处、港务监管处）", "",
    "2.完善数据共享机制。（责任单位：科技信息处）", "",
    "3.加强港口监管。（牵头单位：港务监管处；配合单位：市交通委办公室）", "",
    "4.强化治安保障。（牵头单位：市公安局办公室；配合单位：科技信息处）", "",
    "5.做好信息报送。（牵头单位：办公室）", "",
    "6.推进综合执法。（牵头单位：市交通委执法总队、科技信息处）", "",
    "7.优化货运组织。（市交通委货运处牵头，市交通委（科技信息处）配合）", ""]) + "\n"

COUNTY = "\n".join([
    "某县农业农村工作要点", "", "一、重点工作", "",
    "1.加强耕地保护。（县农业农村局耕地保护科、种植业科、畜牧股牵头，县自然资源局配合）", "",
    "2.推进种业振兴。（种植业科牵头）", "",
    "3.防控动物疫病。（畜牧股牵头，县市场监管局配合）", "",
    "4.开展执法检查。（县自然资源局执法监察科牵头，县农业农村局耕地保护科配合）", "",
    "5.规范土地流转。（县农业农村局办公室牵头，县自然资源局办公室配合）", ""]) + "\n"

PROVINCE = "\n".join([
    "某省市场监管局特种设备安全监管工作方案", "", "一、重点任务", "",
    "（一）开展隐患排查。（省局特种设备安全监察处牵头，执法稽查处、信用监督管理处按职责分工负责）", "",
    "（二）加强质量监管。（省局产品质量安全监督管理处牵头，特种设备安全监察处配合）", "",
    "（三）强化信用约束。（信用监督管理处负责）", "",
    "（四）做好综合保障。（省政府办公厅牵头，省政府配合）", "",
    "（五）加强督查考核。（省政府办公室牵头）", ""]) + "\n"

PLANS = {"city": CITY, "county": COUNTY, "province": PROVINCE}

#: (plan, question, status, labels of the answer's tasks (ask_back: the candidates), why) — written by hand before the run.
ROWS = [
    ("city", "科技信息处牵头几项", "answered", ["一6"], "the one it leads (bare)"),
    ("city", "科技信息处有哪些任务", "answered", ["一6", "一2", "一1", "一4", "一7"],
     "every spelling: 市交通委科技信息处 (一1), bare (一2, 一4, 一6), 市交通委（科技信息处） (一7); by role groups"),
    ("city", "市交通委科技信息处有哪些任务", "answered", ["一6", "一2", "一1", "一4", "一7"],
     "asked with its bureau: the bare spellings too (the plan writes 科技信息处 under 市交通委 only)"),
    ("city", "科技信息处配合哪些任务", "answered", ["一4", "一7"], "bare and bracketed supports"),
    ("city", "港务监管处负责哪些任务", "answered", ["一3", "一1"], "its lead and the shared 、-list item"),
    ("city", "市交通委港务监管处有哪些任务", "answered", ["一3", "一1"],
     "never written so: the 、-list 市交通委科技信息处、港务监管处 gives it 市交通委"),
    ("city", "办公室牵头哪些任务", "ask_back", ["市交通委办公室", "市公安局办公室"], "市交通委办公室, 市公安局办公室 and a bare 办公室: ask which"),
    ("city", "市交通委办公室有哪些任务", "answered", ["一3"], "never 市公安局办公室's, nor the bare one of unknown bureau"),
    ("city", "市公安局办公室牵头哪些任务", "answered", ["一4"], "the other bureau's office"),
    ("city", "市公安局牵头哪些任务", "answered", ["一4"], "the bureau: its office's lead"),
    ("city", "市交通委牵头哪些任务", "answered", ["一3", "一6", "一7"],
     "the bureau: its divisions' leads (港务监管处, 科技信息处, 货运处); 执法总队 is no division"),
    ("city", "货运处牵头几项", "answered", ["一7"], "asked bare, written only with its bureau"),
    ("county", "种植业科牵头哪些任务", "answered", ["一1", "一2"], "the 、-list shares 县农业农村局"),
    ("county", "县农业农村局种植业科牵头哪些任务", "answered", ["一1", "一2"], "asked with the bureau the list gives it"),
    ("county", "畜牧股牵头几项", "answered", ["一1", "一3"], "股, third in the list"),
    ("county", "耕地保护科有哪些任务", "answered", ["一1", "一4"], "written with its bureau in both"),
    ("county", "执法监察科牵头哪些任务", "answered", ["一4"], "another bureau's division"),
    ("county", "办公室牵头哪些任务", "ask_back", ["县农业农村局办公室", "县自然资源局办公室"], "two bureaus' 办公室, no bare one: ask which"),
    ("county", "县自然资源局有哪些任务", "answered", ["一4", "一1", "一5"],
     "its own support (一1, 一5 as 办公室) and its division's lead (一4)"),
    ("county", "县农业农村局牵头哪些任务", "answered", ["一1", "一2", "一3", "一5"],
     "its divisions' leads, bare ones of the 、-list included"),
    ("province", "特种设备安全监察处牵头哪些任务", "answered", ["一（一）"], "省局特种设备安全监察处 leads (一)"),
    ("province", "特种设备安全监察处有哪些任务", "answered", ["一（一）", "一（二）"], "lead as 省局…, support bare"),
    ("province", "信用监督管理处有哪些任务", "answered", ["一（三）", "一（一）"],
     "bare in both (a list after a comma, another role: no bureau given)"),
    ("province", "省政府牵头哪些任务", "not_in_plan", [], "省政府办公厅/办公室 are bodies of their own, not 省政府's"),
    ("province", "省政府办公厅牵头哪些任务", "answered", ["一（四）"], "its own lead"),
]


def _session(key):
    doc, tasks = parse_document(PLANS[key], key, f"{key}.txt")
    return Session(plan=Plan([doc], tasks), strict=True)


@pytest.mark.parametrize(("key", "question", "status", "labels", "why"), ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_division_questions(key, question, status, labels, why):
    answer = _session(key).ask(question)
    assert answer.status == status, (why, answer.text)
    if status == "ask_back":
        assert answer.candidates == labels, (why, answer.text)
    else:
        assert [t.label for t in answer.tasks] == labels, (why, answer.text)


def test_ambiguous_bare_division_is_said():
    """The bare 办公室 of 一5 is in no bureau's list: the ask-back says the plan writes it alone as well."""
    answer = _session("city").ask("办公室牵头哪些任务")
    assert answer.status == "ask_back", answer.text
    assert answer.candidates == ["市交通委办公室", "市公安局办公室"], answer.text
    assert "一5" in answer.text, answer.text


def test_written_as_names_the_spellings():
    """The answer for one unit of several spellings says how the plan writes it, item by item."""
    text = _session("city").ask("科技信息处有哪些任务").text
    assert "“市交通委科技信息处”1 项" in text and "“科技信息处”3 项" in text, text


def test_duty_list_uses_the_same_identity():
    """``kb duties`` / exports / the TUI: duty_list through place_body gives the question's tasks."""
    from kb.duties import duty_list

    doc, tasks = parse_document(CITY, "city", "city.txt")
    plan = Plan([doc], tasks)
    listed = duty_list(plan, "科技信息处", every_group=True)
    assert sorted({t.label for t in listed.tasks}) == ["一1", "一2", "一4", "一6", "一7"]
    assert [t.label for t in duty_list(plan, "市交通委办公室").tasks] == ["一3"]
    # the ambiguous bare name lists only the tasks written so (no bureau's office joins it)
    assert [t.label for t in duty_list(plan, "办公室").tasks] == ["一5"]


def test_the_bureau_chosen_after_asking_back():
    """办公室 → asked which → 市公安局办公室: that office's lead, never the bare one's nor 市交通委办公室's."""
    session = _session("city")
    assert session.ask("办公室牵头哪些任务").status == "ask_back"
    answer = session.ask("市公安局办公室")
    assert answer.status == "answered" and [t.label for t in answer.tasks] == ["一4"], answer.text


#: A plan of one bureau written by its divisions (市局 = the bureau writing the plan), as 上海市市场监管局's 2023 plan on
#: 燃气 (tagsblind7 tb7_04) writes them: 、-lists after 市局+division hold divisions of 14 characters.
OWN_BUREAU = "\n".join([
    "某市市场监管局专项整治工作方案", "", "一、重点任务", "",
    "1.加强制造环节监管。（市局特种设备安全监察处牵头，执法稽查处、信用监督管理处按职责分工负责）", "",
    "2.加强经营环节监管。（市局产品质量安全监督管理处牵头，特种设备安全监察处、信用监督管理处按职责分工负责）", "",
    "3.加强监管执法。（市局特种设备安全监察处、产品质量安全监督管理处、网络交易和市场规范监督管理处、信用监督管理处"
    "按职责分工负责）", "",
    "4.加强宣传教育。（市局新闻宣传处牵头，信用监督管理处、特种设备安全监察处按职责分工负责）", ""]) + "\n"

OWN_ROWS = [
    ("特种设备安全监察处有哪些任务", ["一1", "一3", "一2", "一4"], "lead 1, shared 3 as 市局…; support 2, 4 bare"),
    ("市局信用监督管理处配合几项", ["一1", "一2", "一4"],
     "never written so: the 、-list of 一3 (after a 14-character division) gives it 市局"),
    ("新闻宣传处牵头几项", ["一4"], "asked bare, written with 市局 only"),
    ("市局牵头哪些任务", ["一1", "一2", "一4"], "the bureau: its divisions' leads, each spelling said"),
]


@pytest.mark.parametrize(("question", "labels", "why"), OWN_ROWS, ids=[r[0] for r in OWN_ROWS])
def test_own_bureau_divisions(question, labels, why):
    doc, tasks = parse_document(OWN_BUREAU, "own", "own.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask(question)
    assert answer.status == "answered", (why, answer.text)
    assert [t.label for t in answer.tasks] == labels, (why, answer.text)


def test_joint_question_uses_each_body():
    """A和B共同… : each name with every spelling of its body (a division bare and with its bureau)."""
    doc, tasks = parse_document(OWN_BUREAU, "own", "own.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask("特种设备安全监察处和产品质量安全监督管理处共同涉及哪些任务")
    assert [t.label for t in answer.tasks] == ["一2", "一3"], answer.text


LEVELS = "\n".join([
    "某市人才工作要点", "", "一、重点工作", "",
    "1.实施技能人才项目。（牵头单位：市人力资源和社会保障局，配合单位：各区、县级市）", "",
    "2.实施引才项目。（牵头单位：市委组织部，配合单位：市人力资源和社会保障局）", ""]) + "\n"

#: (question, status, departments read, why) — a level written before a name the plan writes at another level.
LEVEL_ROWS = [
    ("区人力资源和社会保障局牵头哪些任务", "not_in_plan", [], "区 ≠ the plan's 市: never the city bureau's list"),
    ("县人力资源和社会保障局牵头哪些任务", "not_in_plan", [], "县 the same"),
    ("各区人力资源和社会保障局牵头哪些任务", "not_in_plan", [], "each district's, not the city's"),
    ("市人力资源和社会保障局牵头哪些任务", "answered", ["市人力资源和社会保障局"], "control: the plan's own level"),
    ("人力资源和社会保障局牵头哪些任务", "answered", ["市人力资源和社会保障局"], "control: no level written"),
    ("区委组织部牵头哪些任务", "not_in_plan", [], "control (already so): 区委 ≠ 市委"),
]


@pytest.mark.parametrize(("question", "status", "departments", "why"), LEVEL_ROWS, ids=[r[0] for r in LEVEL_ROWS])
def test_level_written_before_a_name(question, status, departments, why):
    doc, tasks = parse_document(LEVELS, "lv", "lv.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask(question)
    assert answer.status == status, (why, answer.text)
    assert answer.departments == departments, (why, answer.text)


CENTRES = "\n".join([
    "某市交通数据治理工作方案", "", "一、主要任务", "",
    "1.建设数据平台。（牵头单位：市交通委信息中心；配合单位：道运中心）", "",
    "2.完善数据标准。（牵头单位：信息中心）", "",
    "3.加强运输监管。（牵头单位：市交通委运行处、道运中心）", ""]) + "\n"

#: (question, status, labels, why): an office or centre written after its bureau is the bureau's; one written bare
#: after a division in a 、-list (道运中心) is no division of that bureau (such names are often bodies of their own).
CENTRE_ROWS = [
    ("信息中心牵头哪些任务", "answered", ["一1", "一2"], "written with its bureau and bare: one unit"),
    ("道运中心有哪些任务", "answered", ["一3", "一1"], "its own tasks only"),
    ("市交通委配合哪些任务", "not_in_plan", [], "道运中心 after 市交通委运行处 is not 市交通委's: no 配合 of the bureau"),
    ("市交通委牵头哪些任务", "answered", ["一1", "一2", "一3"], "its centre's (with and without the bureau) and its division's leads"),
]


@pytest.mark.parametrize(("question", "status", "labels", "why"), CENTRE_ROWS, ids=[r[0] for r in CENTRE_ROWS])
def test_offices_and_centres(question, status, labels, why):
    doc, tasks = parse_document(CENTRES, "dc", "dc.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask(question)
    assert answer.status == status, (why, answer.text)
    assert [t.label for t in answer.tasks] == labels, (why, answer.text)


def test_department_list_counts_one_unit_once():
    """kb depts, the TUI's list, rankings and the all-departments export (kb.duties.department_counts): one row per unit
    — 科技信息处, 市交通委科技信息处 and 市交通委（科技信息处） are one row under the bureau+division name, its items counted
    once; 办公室 of two bureaus stays three rows as written; 港务监管处 (written one way only) is unchanged."""
    from kb.duties import department_counts

    doc, tasks = parse_document(CITY, "city", "city.txt")
    rows = dict(department_counts(Plan([doc], tasks)))
    assert set(rows) == {"市交通委科技信息处", "港务监管处", "市交通委办公室", "市公安局办公室", "办公室", "市交通委执法总队",
                         "市交通委货运处"}
    tech = rows["市交通委科技信息处"]
    assert (tech["total"], tech["lead"], tech["support"], tech["sole"], tech["shared"]) == (5, 1, 2, 1, 1)
    assert rows["港务监管处"]["total"] == 2 and rows["办公室"]["total"] == 1
