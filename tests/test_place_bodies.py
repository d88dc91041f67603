"""A place written as a unit and the same place's government are one body in questions (lead notes 23:40, session 9).

The parser keeps unit names exactly as written (the gold convention): ``牵头单位：浦东新区、徐汇区、…、嘉定区政府`` gives the
units 浦东新区, 徐汇区 … 嘉定区政府 (no 政府 added to the names before the last).  A question about 浦东新区 or 浦东新区政府
(or 浦东新区人民政府) finds the tasks of every spelling the plan writes, each answer line naming the unit as written —
kb.registry.place_spellings / government_twins, kb.qa.exec_departments._duties.  Controls: 市X局 is never 区X局, a body of a
place (松江区税务局) is not the place, 各区政府 is a group, 临港新片区 is no local government.  Expected rows written by
hand from the texts before kb was run on them."""

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session
from kb.registry import government_twins, place_spellings

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"

# (name, its place spellings, why)
SPELLING_CASES = [
    ("浦东新区", ("浦东新区", "浦东新区政府", "浦东新区人民政府"), "a district written bare"),
    ("浦东新区政府", ("浦东新区", "浦东新区政府", "浦东新区人民政府"), "the district's government"),
    ("松江区人民政府", ("松江区", "松江区政府", "松江区人民政府"), "人民政府"),
    ("某县", ("某县", "某县政府", "某县人民政府"), "a county"),
    ("绵阳市", ("绵阳市", "绵阳市政府", "绵阳市人民政府"), "a city of a province's plan"),
    ("松江区税务局", (), "a body of the place is not the place"),
    ("区财政局", (), "a level body"),
    ("市财政局", (), "a level body"),
    ("各区政府", (), "各: a group"),
    ("本区", (), "本: a pointer"),
    ("区政府", (), "no place before the level word"),
    ("市政府", (), "no place before the level word"),
    ("区县政府", (), "level words only"),
    ("临港新片区", (), "a 片区 is no local government"),
    ("临港新片区管委会", (), "管委会 of a 片区"),
    ("示范区", (), "示范区"),
    ("经开区", (), "a development zone"),
    ("县（市、区）政府", (), "a group of levels"),
    ("区政府办公室", (), "an office"),
]


@pytest.mark.parametrize("name,spellings,why", SPELLING_CASES, ids=[c[0] for c in SPELLING_CASES])
def test_place_spellings(name, spellings, why):
    assert place_spellings(name) == spellings, why


def test_government_twins_only_add_unwritten_spellings():
    twins = government_twins(["浦东新区", "浦东新区政府", "青浦区政府", "松江区税务局", "各区政府"])
    # 浦东新区 and 浦东新区政府 are both written: each resolves to itself, only 人民政府 is added (to the first written)
    assert twins == {"浦东新区人民政府": "浦东新区", "青浦区": "青浦区政府", "青浦区人民政府": "青浦区政府"}


CONTROL_PLAN = """关于推进某某工作的实施方案
一、重点任务
1.推进甲项工作。（牵头单位：松江区、青浦区政府。配合单位：松江区税务局）
2.推进乙项工作。（牵头单位：松江区政府）
3.推进丙项工作。（牵头单位：松江区税务局）
4.推进丁项工作。（牵头单位：各区政府）
5.推进戊项工作。（牵头单位：市财政局）
6.推进己项工作。（牵头单位：区财政局）
7.推进庚项工作。（牵头单位：临港新片区管委会。配合单位：青浦区人民政府）
"""

# (question, departments of the answer, task numbers (the items' own numbers), why) — written before the run
CONTROL_CASES = [
    ("松江区牵头哪些任务", ["松江区"], ["1", "2"], "written 松江区 (1) and 松江区政府 (2): one body"),
    ("松江区政府牵头哪些任务", ["松江区政府"], ["1", "2"], "the same body asked by its government"),
    ("松江区人民政府牵头哪些任务", ["松江区"], ["1", "2"], "人民政府, a spelling the plan does not write"),
    ("松江区税务局牵头哪些任务", ["松江区税务局"], ["3"], "a body of the place is not the place (松江区 ≠ 松江区税务局)"),
    ("松江区税务局配合哪些任务", ["松江区税务局"], ["1"], "its own support only"),
    ("青浦区牵头哪些任务", ["青浦区政府"], ["1"], "a bare place the plan writes only with 政府 / 人民政府"),
    ("青浦区有哪些任务", ["青浦区政府"], ["1", "7"], "青浦区政府 leads 1, 青浦区人民政府 supports 7"),
    ("各区政府牵头哪些任务", ["各区政府"], ["4"], "各区政府 is a group, none of the districts"),
    ("市财政局牵头哪些任务", ["市财政局"], ["5"], "市X局 never matches 区X局"),
    ("区财政局牵头哪些任务", ["区财政局"], ["6"], "区X局 never matches 市X局"),
    ("临港新片区管委会牵头哪些任务", ["临港新片区管委会"], ["7"], "a 片区's 管委会 is no place's government"),
]


@pytest.fixture(scope="module")
def control_session():
    doc, tasks = parse_document(CONTROL_PLAN, "places", "places.txt")
    return Session(plan=Plan(documents=[doc], tasks=tasks), strict=True)


def _number(task) -> str:
    return task.text.split(".", 1)[0]


@pytest.mark.parametrize("question,departments,numbers,why", CONTROL_CASES, ids=[c[0] for c in CONTROL_CASES])
def test_control_questions(control_session, question, departments, numbers, why):
    answer = control_session.ask(question)
    assert answer.status == "answered", (why, answer.text)
    assert answer.departments == departments, why
    assert [_number(t) for t in answer.tasks] == numbers, (why, answer.text)


def test_each_line_names_the_unit_as_written(control_session):
    text = control_session.ask("松江区牵头哪些任务").text
    assert "（方案写作“松江区”1 项、“松江区政府”1 项）共 2 项" in text
    assert "牵头：松江区、青浦区政府" in text and "牵头：松江区政府" in text


# 沪府办〔2021〕36号 (fixture 71), counted by hand from its tags: 浦东新区 as written leads 四（一）1, 四（一）2, 四（二）4,
# 四（二）5, 四（三）8, as 浦东新区政府 四（二）6, and supports 四（一）3; 闵行区 as written leads 1, 2, 8 and supports 3, 9,
# as 闵行区政府 leads 5, 7; 松江区 as written leads 10, 11, 12, as 松江区政府 8; 徐汇区 only as written (lead 1, 2;
# support 3); 临港新片区管委会 leads 10, 11, 12 and supports 9.
PARK_CASES = [
    ("浦东新区牵头哪些任务", ["四（一）1", "四（一）2", "四（二）4", "四（二）5", "四（二）6", "四（三）8"]),
    ("浦东新区政府牵头哪些任务", ["四（一）1", "四（一）2", "四（二）4", "四（二）5", "四（二）6", "四（三）8"]),
    ("浦东新区配合哪些任务", ["四（一）3"]),
    ("闵行区政府牵头哪些任务", ["四（一）1", "四（一）2", "四（二）5", "四（三）7", "四（三）8"]),
    ("闵行区配合哪些任务", ["四（一）3", "四（三）9"]),
    ("松江区政府牵头哪些任务", ["四（三）8", "四（四）10", "四（四）11", "四（四）12"]),
    ("徐汇区政府牵头哪些任务", ["四（一）1", "四（一）2"]),
    ("临港新片区管委会牵头哪些任务", ["四（四）10", "四（四）11", "四（四）12"]),
]


@pytest.fixture(scope="module")
def park_session():
    path = PLANS / "71_huancheng_shengtaigongyuandai_2021.txt"
    doc, tasks = parse_document(path.read_text("utf-8"), path.stem, str(path))
    return Session(plan=Plan(documents=[doc], tasks=tasks), strict=True)


@pytest.mark.parametrize("question,labels", PARK_CASES, ids=[c[0] for c in PARK_CASES])
def test_park_plan(park_session, question, labels):
    answer = park_session.ask(question)
    assert answer.status == "answered", answer.text
    assert sorted(t.label for t in answer.tasks) == sorted(labels), answer.text


def test_park_plan_keeps_names_as_written(park_session):
    task = next(t for t in park_session.plan.tasks if t.label == "四（二）4")
    assert task.lead == ["浦东新区", "普陀区政府", "地产集团"]
    text = park_session.ask("浦东新区政府牵头哪些任务").text
    assert "（方案写作“浦东新区政府”1 项、“浦东新区”5 项）共 6 项" in text


def test_the_plans_own_place_stays_no_body():
    """泸州市 of a 泸州 plan is the plan's place (a question's 泸州市 is no topic and no unit); 泸州市政府 still finds the
    tasks the plan writes 泸州市人民政府 on, and a district of it (江阳区) is one body with 江阳区政府."""
    text = ("泸州市推进某某工作实施方案\n一、重点任务\n1.推进甲项工作。（牵头单位：泸州市人民政府）\n"
            "2.推进乙项工作。（牵头单位：江阳区政府）\n")
    doc, tasks = parse_document(text, "luzhou", "luzhou.txt")
    session = Session(plan=Plan(documents=[doc], tasks=tasks), strict=True)
    known = session._lex().known
    assert "泸州市" not in known
    assert known["泸州市政府"] == "泸州市人民政府" and known["江阳区"] == "江阳区政府"
    assert [_number(t) for t in session.ask("泸州市政府牵头哪些任务").tasks] == ["1"]
    assert [_number(t) for t in session.ask("江阳区牵头哪些任务").tasks] == ["2"]


def test_park_partners_over_both_spellings(park_session):
    """Partner answers take the tasks of both spellings and never name the body asked as its own partner; partners are
    named as written (普陀区 on 四（一）1/2, 普陀区政府 on 四（二）4: not merged — counted by hand)."""
    answer = park_session.ask("与浦东新区共同牵头的部门有哪些")
    assert [t.label for t in answer.tasks] == ["四（一）1", "四（一）2", "四（二）4", "四（二）5", "四（三）8"]
    assert sorted(answer.departments) == sorted(["市绿化市容局", "徐汇区", "长宁区", "普陀区", "宝山区", "闵行区", "嘉定区政府",
                                                 "普陀区政府", "地产集团", "闵行区政府", "嘉定区", "松江区政府"])
    answer = park_session.ask("浦东新区政府牵头的任务中哪些部门配合")
    assert len(answer.tasks) == 6 and "市绿化市容局（4 项）" in answer.text and len(answer.departments) == 9
    assert "浦东新区牵头的 6 项任务中" in park_session.ask("浦东新区牵头的任务有哪些量化目标").text
