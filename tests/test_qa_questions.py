"""The question set: questions → intent and the EXACT set of tasks (by label).

Expected sets were counted by hand from corpus/zigong-blue-sky-plan.txt
(lines 9–77: the tags closing each paragraph of 三、重点任务; deadlines and
targets from the sentences), never pasted from kb's own output.  Each row is
(question, intent, expected labels separated by spaces; "" = no tasks).
"""

from __future__ import annotations

from collections import Counter

import pytest

# ---- Hand-counted sets, reused by several phrasings --------------------------------
LEAD_JT = "三（一）13 三（一）14 三（三）1 三（三）2 三（三）6 三（三）8 三（三）9 三（三）14"  # 市交通运输局 牵头 8
SUPPORT_JT = "三（一）16 三（三）12 三（三）15 三（三）16 三（四）2 三（四）3 三（四）4"  # 市交通运输局 配合 7
ANY_JT = LEAD_JT + " " + SUPPORT_JT + " 三（三）4 三（三）13 三（四）1 三（四）6"  # 19
LEAD_FG = "三（一）7 三（一）18 三（一）21 三（二）1 三（二）2 三（二）4 三（二）5 三（五）2"  # 市发展改革委 牵头 8
SUPPORT_FG = "三（一）1 三（一）2 三（一）3 三（一）4 三（一）8 三（一）9 三（二）6 三（二）7 三（三）1 三（三）2 三（三）9 三（三）10"
LEAD_ST = ("三（一）1 三（一）4 三（一）5 三（一）6 三（一）7 三（一）8 三（一）10 三（一）16 三（一）17 三（一）18 三（一）21 "
           "三（三）5 三（三）6 三（三）7 三（三）8 三（三）12 三（三）14 三（三）15 三（三）16 三（四）5 三（六）1 三（六）2 三（六）3 三（六）4")
SUPPORT_ST = "三（一）2 三（一）3 三（一）9 三（一）12 三（一）13 三（一）14 三（二）3 三（二）4 三（三）9 三（四）7 三（四）8 三（四）12 三（五）4"
LEAD_JX = ("三（一）2 三（一）3 三（一）4 三（一）6 三（一）9 三（一）14 三（一）21 三（二）2 三（二）3 三（三）3 三（三）9 "
           "三（三）10 三（四）5 三（六）3")
SUPPORT_JX = ("三（一）1 三（一）5 三（一）7 三（一）8 三（一）10 三（一）16 三（一）17 三（一）18 三（二）1 三（二）4 三（二）5 "
              "三（二）6 三（二）7 三（三）5 三（三）11 三（三）14 三（四）12")
ANY_JX = LEAD_JX + " " + SUPPORT_JX + " 三（一）19 三（三）4 三（四）6"  # 市经济和信息化局 14 + 17 + 3 shared = 34
SUPPORT_ZJ = "三（一）2 三（一）4 三（一）16 三（一）18 三（三）9 三（三）12 三（四）5"
ANY_ZJ = SUPPORT_ZJ + " 三（一）11 三（二）7 三（四）2 三（四）11 三（三）13 三（四）1 三（四）6"  # 14
LEAD_CG = "三（四）3 三（四）4 三（四）7 三（四）8"
ANY_CG = LEAD_CG + " 三（一）15 三（四）2 三（四）10"
LEAD_SJ = "三（二）6 三（二）7 三（三）7 三（三）11"
SUPPORT_SJ = "三（一）3 三（一）4 三（一）6 三（一）10 三（一）11 三（一）12 三（一）16 三（二）2 三（二）3 三（三）5 三（三）6 三（三）10 三（三）14 三（三）16"
LEAD_GA = "三（三）5 三（三）6 三（三）8 三（三）14"
SUPPORT_GA = "三（一）4 三（一）16 三（三）1 三（三）2 三（三）7 三（三）9 三（三）11 三（三）15 三（三）16 三（四）2 三（四）3 三（四）4 三（四）10"
LEAD_NY = "三（一）7 三（二）1 三（二）2 三（二）4 三（二）5"  # 市能源办 (under 市发展改革委)
SUPPORT_NY = "三（一）3 三（二）7 三（三）9"
SUPPORT_CZ = "三（一）3 三（一）4 三（一）11 三（二）1 三（二）3 三（三）8 三（三）9 三（三）14 三（五）2"
ANY_NY = LEAD_NY + " " + SUPPORT_NY  # every task naming 市发展改革委（市能源办）: 8
LEAD_ZR = "三（三）1 三（四）12"
ANY_ZR = "三（一）1 三（一）3 三（一）4 三（三）1 三（三）12 三（三）13 三（四）6 三（四）11 三（四）12"
LEAD_YJ = "三（一）2 三（二）2"
ANY_YJ = "三（一）2 三（一）3 三（一）4 三（二）2 三（三）11 三（四）9 三（四）10 三（四）12"
LEAD_NN = "三（五）1 三（五）2 三（五）4"
ANY_NN = "三（三）12 三（三）13 三（五）1 三（五）2 三（五）3 三（五）4"
ANY_SW = "三（一）4 三（三）12 三（三）13 三（四）1 三（四）5 三（四）6"
ANY_KJ = "三（一）19 三（一）21 三（二）6"
ANY_SWJ = "三（一）12 三（一）19 三（三）4 三（三）8"  # 市商务局
GROUP = "三（六）1 三（六）2 三（六）3 三（六）4"  # 市重污染天气应急指挥部成员单位 配合
SHARED = "三（一）15 三（一）19 三（三）4 三（三）13 三（四）1 三（四）6 三（四）9 三（五）3"
ALL_TASKS = " ".join(
    [f"三（一）{n}" for n in range(1, 22)] + [f"三（二）{n}" for n in range(1, 8)] + [f"三（三）{n}" for n in range(1, 17)]
    + [f"三（四）{n}" for n in range(1, 13)] + [f"三（五）{n}" for n in range(1, 5)] + [f"三（六）{n}" for n in range(1, 5)]
)
MULTI_LEAD = ("三（一）2 三（一）4 三（一）6 三（一）7 三（一）14 三（一）18 三（一）21 三（二）2 三（二）7 三（三）1 三（三）2 "
              "三（三）5 三（三）6 三（三）7 三（三）8 三（三）9 三（三）14 三（四）5 三（五）2 三（六）2 三（六）3")  # 21
THREE_LEADS = "三（一）21 三（二）2 三（三）5 三（三）6 三（三）8 三（三）14"  # three lead departments, none has four
# Joint: 市生态环境局 and 市经济和信息化局 both lead.
JOINT_ST_JX = "三（一）4 三（一）6 三（一）21 三（四）5 三（六）3"
JOINT_JT_GA = "三（三）6 三（三）8 三（三）14"  # 交通 & 公安 both lead
JOINT_JT_GA_ANY = "三（一）16 三（三）1 三（三）2 三（三）4 三（三）6 三（三）8 三（三）9 三（三）14 三（三）15 三（三）16 三（四）2 三（四）3 三（四）4"
# Topics (title + body, synonyms of kb/data/topics.yaml), from grep of the plan lines.
T_VOCS = "三（一）8 三（一）9 三（一）10 三（一）11 三（一）14 三（一）16 三（一）20 三（六）3"
T_DUST = "三（四）1 三（四）2 三（四）3 三（四）5 三（四）6 三（四）11"
T_STRAW = "三（五）1 三（五）2 三（五）3"
T_DIESEL = "三（三）8 三（三）14 三（三）16"
T_BOILER = "三（一）7 三（一）17 三（二）3 三（二）4"
T_FIREWORKS = "三（四）9 三（四）10"
T_REMOTE = "三（三）6 三（三）15 三（三）16"
T_GAS = "三（一）6 三（二）1 三（三）9"
T_HEAVY = "三（四）4 三（四）5 三（六）4"
T_NONROAD = "三（三）12 三（三）13"
T_VEHICLE = "三（三）1 三（三）4 三（三）5 三（三）6 三（三）7 三（三）16"
# Deadlines (by hand: 到2020年 / 2020年年底前 / 2020年， / 2019年… / 2018至2020年 / 自2019年7月1日起).
DUE_2019 = "三（三）8 三（三）15"
DUE_IN_2020 = "三（一）4 三（一）5 三（一）7 三（一）12 三（一）15 三（一）17 三（二）1 三（三）11 三（四）4 三（五）2"
DUE_BY_2020 = DUE_IN_2020 + " " + DUE_2019
# A year alone lists what falls due in it; a note names what runs during it without falling due
# (自2019年7月1日起 三（三）4, 2018至2020年 三（三）11), the rest of what `kb grep --year` selects.
YEAR_2019 = DUE_2019
YEAR_2020 = DUE_IN_2020
TIMED = DUE_BY_2020 + " 三（三）4"  # every task with a deadline (13)
UNTIMED = " ".join(label for label in ALL_TASKS.split() if label not in TIMED.split())  # the other 51

def _question_rows() -> list[tuple[str, str, str | None]]:
    """The rows of tests/fixtures/qa/questions.yaml as (question, intent, labels joined or None)."""
    from pathlib import Path

    import yaml

    data = yaml.safe_load((Path(__file__).parent / "fixtures" / "qa" / "questions.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 1
    return [(r["q"], r["intent"], None if r["labels"] is None else " ".join(r["labels"])) for r in data["rows"]]


#: (question, intent, expected labels separated by spaces; "" = no tasks; None = not understood),
#: from tests/fixtures/qa/questions.yaml.  The constants above name the hand-counted sets the
#: YAML rows were written from (other tests reuse them).
QUESTIONS = _question_rows()


@pytest.fixture(scope="module")
def session_factory(plan):
    from kb.qa import Session

    return lambda: Session(plan=plan, strict=True)


def test_question_set_has_no_duplicates():
    counts = Counter(q for q, _, _ in QUESTIONS)
    assert [q for q, n in counts.items() if n > 1] == []
    assert len(QUESTIONS) >= 100


def test_every_intent_of_the_issue_is_covered():
    intents = {i for _, i, _ in QUESTIONS}
    for needed in ("department_tasks", "department_count", "joint_tasks", "department_unknown", "role_shared",
                   "topic_who", "topic_tasks", "topic_deadline", "deadline_list", "target", "overview_requirements",
                   "overview_goals", "search"):
        assert needed in intents


@pytest.mark.parametrize("question,intent,expected", QUESTIONS, ids=[f"q{n:03d}" for n in range(len(QUESTIONS))])
def test_question(plan, session_factory, question, intent, expected):
    answer = session_factory().ask(question)
    assert answer.intent == intent, answer.text
    labels = [t.label for t in answer.tasks]
    assert len(labels) == len(set(labels)), "a task listed twice"
    if expected is None:  # not understood: said plainly first, related entries apart, none of them the answer
        assert answer.exact is False and answer.status == "not_understood"
        assert answer.text.startswith("没有读懂这个问题")
        assert labels == [] and answer.related
        assert answer.text.index("相关条目") > answer.text.index("可以这样问")
        return
    assert answer.status in ("answered", "not_in_plan"), answer.status
    assert answer.exact is True
    assert sorted(labels) == sorted(expected.split()), answer.text
    if intent in ("department_tasks", "department_count", "joint_tasks", "topic_tasks", "topic_count",
                  "deadline_list", "role_shared", "role_sole", "structure_multi_lead", "structure_no_support",
                  "structure_no_lead", "structure_single_department", "structure_lead_count"):
        # (a role the unit holds in no task is said without a count since session 18 — 方案没有安排X牵头的任务。 —
        # its other tasks listed after it; 共 0 项 beside that list read as a contradiction)
        assert f"共 {len(labels)} 项" in answer.text or (
            not labels and answer.status == "not_in_plan" and "没有安排" in answer.text), answer.text
    for t in answer.tasks:
        assert t.label in answer.text
    assert answer.to_dict()["tasks"] == [t.to_dict() for t in answer.tasks]


# The other departments (by hand from the tags of the tasks listed above).
PARTNERS = [
    ("哪些部门和交通局共同牵头", ["市生态环境局", "市公安局", "市经济和信息化局", "市自然资源和规划局", "市口岸物流办"]),
    ("哪些单位配合交通局", ["市生态环境局", "市发展改革委", "市公安局", "市市场监管局", "市财政局", "市商务局",
                    "市住房城乡建设局", "市机关事务管理局", "市经济和信息化局"]),
    ("市能源办和哪些部门共同牵头", ["市生态环境局", "市应急局", "市经济和信息化局"]),
]


@pytest.mark.parametrize("question,partners", PARTNERS)
def test_department_partners(session_factory, question, partners):
    answer = session_factory().ask(question)
    assert answer.intent == "department_partners"
    # the answer's departments are the partners (the department asked about is the question's)
    assert sorted(answer.departments) == sorted(partners)
    assert f"共 {len(partners)} 个" in answer.text


RANKINGS = [
    ("哪个部门牵头的任务最多", "市生态环境局", "牵头任务最多的是市生态环境局（24 项）"),
    ("配合任务最多的部门是哪个", "市经济和信息化局", "配合任务最多的是市经济和信息化局（17 项）"),
    ("哪个部门参与的任务最多", "市生态环境局", "涉及任务最多的是市生态环境局（41 项）"),  # 24+13+1+3
    ("一共有多少个部门", "市生态环境局", "方案给 24 个部门（单位）分配了任务，另有下属单位 市能源办（属市发展改革委）"),
]


@pytest.mark.parametrize("question,first,words", RANKINGS)
def test_department_rankings(session_factory, question, first, words):
    answer = session_factory().ask(question)
    assert answer.departments[0] == first
    assert words in answer.text


# Numbers the answer must state (and must not: another scope's or level's value), read from the plan by hand.
STATED = [
    ("PM2.5要下降多少", ["27.9%", "31.4%", "2015", "力争", "主城区"], []),
    ("荣县的机械化清扫率", ["70%", "荣县"], ["85%"]),
    ("道路机械化清扫率要达到多少", ["85%", "70%"], []),
    ("重污染天气红色预警减排比例是多少", ["30%"], ["10%", "20%"]),
    ("秸秆综合利用率要达到多少", ["88%"], []),
    ("天然气消费比重要提高到多少", ["16.19%"], ["20%"]),
    ("加油站抽检覆盖率目标", ["95%"], []),
    ("优良天数比率要达到多少", ["72.1%"], ["27.9%"]),
    ("油气回收率要达到多少？", ["80%"], []),
    ("二氧化硫排放要削减多少", ["18.98%", "2015"], ["8.61%"]),
    ("国六标准什么时候实施", ["2019年7月1日"], []),
    ("开启式干洗机哪年淘汰", ["2020年"], []),
    ("“散乱污”企业整治什么时候完成", ["2020年年底前"], []),
    ("遥感监测网络的建设时限", ["2019年"], []),
    ("干洗机淘汰的时间", ["干洗机", "2020年"], []),
    ("PM2.5的基准年是哪年", ["2015"], []),
    ("重度及以上污染天数", ["25%", "2015"], []),
    ("新车环保监管谁牵头", ["新车环保监管的牵头单位", "自贡海关"], []),
    ("垃圾分类有哪些任务", ["没有涉及“垃圾分类”的条目", "共 0 项"], ["以下是最相关的条目"]),
    ("组织保障有哪些", ["没有“组织保障”这一项", "共 0 项"], ["无组织排放"]),
    ("交通局共有多少项任务，其中牵头多少", ["共 19 项", "牵头 8 项", "共同负责 4 项", "配合 7 项"], []),
    # the note of a year-only question names what else `kb grep --year 2019` selects (kb/select.py)
    ("2019年要完成哪些任务", ["共 2 项", "另有 2 项在2019年内执行", "三（三）4", "三（三）11"], []),
]


@pytest.mark.parametrize("question,present,absent", STATED)
def test_answer_states_the_numbers(plan, session_factory, question, present, absent):
    text = session_factory().ask(question).text
    head = text.split("原文：")[0]  # the quoted sentence may name the other values
    for word in present:
        assert word in text, text
    for word in absent:
        assert word not in head, text
