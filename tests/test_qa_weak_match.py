"""A topic found only in part is no answer (issue #11, session 12; blind holdout12 cm15, o13): a unit's name asked is
what is asked, never the asker's phrasing, and a number asked never falls back to the units of a task because the
question holds 参加 or 负责.

Rows: (question, status, words the answer must hold, words it must not hold, why) — written before kb ran.
"""

from __future__ import annotations

import pytest

from plan_sessions import first_question_asker

PILOT = """某区集体建设用地入市试点工作方案

一、组织架构
成立区试点工作领导小组，成员由区发展改革委、区教育局、区财政局、区规划资源局及各乡镇主要负责同志组成。

二、主要任务
（一）制订配套文件。区规划资源局牵头，区财政局配合，形成本区入市管理办法等配套文件。（牵头单位：区规划资源局；配合单位：区财政局）
（二）开展地块摸底。对各乡镇集体经营性建设用地逐一摸底。（责任单位：区农业农村委）
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("weak"), {"pilot": PILOT}, lambda corpus: None)


ROWS = [
    ("区教育局负责哪个配套文件？", "not_in_plan", ["区教育局"], ["牵头：区规划资源局"],
     "区教育局 is only a member of the 领导小组: the 配套文件 task led by 区规划资源局 answered another question"),
    ("区规划资源局负责哪个配套文件", "answered", ["制订配套文件"], [],
     "control: the unit holds the task"),
    ("有多少个乡镇参加这次试点？", "not_in_plan", [], ["区农业农村委", "牵头：区规划资源局"],
     "a number asked (多少个乡镇) the plan does not state: never a task's units because of 参加"),
    ("制订配套文件由谁牵头", "answered", ["区规划资源局"], [], "control: a who-question of a topic"),
]


@pytest.mark.parametrize("question,status,held,absent,why", ROWS)
def test_weak_topic_match_is_no_answer(ask, question, status, held, absent, why):
    a = ask("pilot", question)
    assert a.status == status, (why, a.text)
    for word in held:
        assert word in a.text, (why, a.text)
    said = a.text.split("相关条目")[0]  # (what is said, before the block of loosely related entries)
    for word in absent:
        assert word not in said, (why, a.text)


#: A purpose clause opening the plan names bodies (为贯彻落实X部、Y部…要求) that do nothing; the duty sentence names a
#: level list (市、区交通运输部门) — holdout13 dj08 answered 由为贯彻落实交通运输部、公安部负责.
CLAUSES = """某市大件运输一件事工作方案

为贯彻落实交通运输部、公安部关于高效办成大件运输一件事的要求，推动公路超限运输许可和临时号牌联办，制定本方案。

一、工作内容
（一）部门工作职责。市、区交通运输部门负责公路超限运输许可审批办理；市公安交管部门负责临时号牌核发。
"""


@pytest.fixture(scope="module")
def ask_clauses(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("clauses"), {"clauses": CLAUSES}, lambda corpus: None)


CLAUSE_ROWS = [
    ("公路超限运输许可由哪个部门负责办理", ["市、区交通运输部门"], ["为贯彻", "交通运输部、公安部"],
     "the duty sentence's subject, a level list; the purpose clause (为贯彻落实…) names no doer"),
    ("临时号牌由谁核发", ["市公安交管部门"], ["交通运输部门"], "control: the second clause's subject"),
]


@pytest.mark.parametrize("question,held,absent,why", CLAUSE_ROWS)
def test_clause_doer_is_no_purpose_clause(ask_clauses, question, held, absent, why):
    a = ask_clauses("clauses", question)
    assert a.status == "answered", (why, a.text)
    for word in held:
        assert word in a.text, (why, a.text)
    said = a.text.split("相关条目")[0]
    for word in absent:
        assert word not in said.split("原文")[0], (why, a.text)


#: Members of two bodies, and a list joined by 以及 (review-qa P1, P3: regressions of the session's named sets).
MEMBERS = """某区老旧小区改造工作方案

一、组织领导
成立区老旧小区改造工作领导小组，成员由区发展改革委、区教育局以及区财政局主要负责同志组成。
领导小组下设工作专班，由区房管局、区规划资源局、区城管执法局有关人员组成。
全面推行行政执法公示制度、执法全过程记录制度以及重大执法决定法制审核制度（以下统称“三项制度”）。

二、主要任务
（一）制定改造计划。（牵头单位：区住房城乡建设管理委）
"""


@pytest.fixture(scope="module")
def ask_members(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("members"), {"members": MEMBERS}, lambda corpus: None)


MEMBER_ROWS = [
    ("工作专班由哪些单位组成", "answered", ["区房管局", "区规划资源局", "区城管执法局", "组成"], ["负责"],
     "all three units (区城管执法局有关人员: 有关人员 follows a name) and the sentence's verb 组成, never 负责 (review-qa P2)"),
    ("工作专班的成员有哪些", None, [], ["区发展改革委", "区教育局"],
     "the plan's only 成员由… sentence is the 领导小组's: never another body's members (was the answer)"),
    ("“三项制度”是哪三项", "answered", ["重大执法决定法制审核制度"], ["制度以"], "以及 joins the last member whole"),
]


@pytest.mark.parametrize("question,status,held,absent,why", MEMBER_ROWS)
def test_members_of_the_body_asked(ask_members, question, status, held, absent, why):
    a = ask_members("members", question)
    if status:
        assert a.status == status, (why, a.text)
    for word in held:
        assert word in a.text, (why, a.text)
    said = a.text.split("相关条目")[0].split("原文")[0]  # (what is said, before the quotes)
    for word in absent:
        assert word not in said, (why, a.text)
