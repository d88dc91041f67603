"""A unit written with its internal divisions in brackets (市交通委（计划财务处）): one unit as written, never cut to
the bureau; a question by the bureau or by a division finds it (kb.registry.bureau_divisions, kb.duties.place_body).
Decision: README "Units written with their divisions".  Plans written for these tests; answers written by hand first.
"""

from __future__ import annotations

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session
from kb.registry import bureau_divisions

NAMES = [
    ("市交通委（计划财务处）", ("市交通委", ("计划财务处",)), "a division of the bureau"),
    ("市交通委（科信处、宣传处）", ("市交通委", ("科信处", "宣传处")), "two divisions of one bureau"),
    ("市卫生健康委（办公室）", ("市卫生健康委", ("办公室",)), "办公室 ends like a division"),
    ("市交通委(运行处)", ("市交通委", ("运行处",)), "ASCII brackets"),
    ("市发展改革委（市能源办）", None, "an office with a name of its own: a sub-unit, as before"),
    ("市交通委（市交通指挥中心）", None, "a centre of its own"),
    ("区政府（各处室）", None, "各处室 names no division"),
    ("市住建局（牵头）", None, "a role mark, no division"),
    ("市交通委", None, "no bracket"),
]


@pytest.mark.parametrize(("name", "expected", "why"), NAMES, ids=[n[0] for n in NAMES])
def test_bureau_divisions(name, expected, why):
    assert bureau_divisions(name) == expected, why


TAGGED = "\n".join([
    "某市交通运输工作方案", "", "一、主要任务", "",
    "1.推进站点改造。（牵头单位：市交通委（运行处）；配合单位：市交通委（货运处）、市财政局）", "",
    "2.完善资金保障。（牵头单位：市交通委（计划财务处）；配合单位：市发展改革委（市能源办））", "",
    "3.加强宣传引导。（牵头单位：市交通委（科信处、宣传处））", "",
    "4.规范运输市场。（牵头单位：市交通委；配合单位：各区政府）", ""]) + "\n"
TABLE = "\n".join([
    "某市交通工作方案", "", "序号\t重点任务\t牵头单位\t配合单位",
    "1\t推进站点改造\t市交通委（运行处）\t市交通委（货运处）、市财政局",
    "2\t完善资金保障\t市交通委（计划财务处）\t市发展改革委（市能源办）",
    "3\t加强宣传引导\t市交通委（科信处、宣传处）\t/",
    "4\t规范运输市场\t市交通委\t各区政府", ""])


@pytest.mark.parametrize("text", [TAGGED, TABLE], ids=["tags", "table cells"])
def test_names_as_written(text):
    doc, tasks = parse_document(text, "jt", "jt.txt")
    assert [(t.lead, t.support) for t in tasks] == [
        (["市交通委（运行处）"], ["市交通委（货运处）", "市财政局"]),
        (["市交通委（计划财务处）"], ["市发展改革委"]),
        (["市交通委（科信处、宣传处）"], []),
        (["市交通委"], ["各区政府"])]
    assert tasks[1].subunits == {"市发展改革委": ["市能源办"]}  # a sub-unit of its own, unchanged
    assert tasks[0].subunits == {}


@pytest.mark.parametrize(("question", "labels", "said", "why"), [
    ("市交通委牵头哪些任务", ["一1", "一2", "一3", "一4"], "“市交通委（计划财务处）”1 项", "the bureau: every division written"),
    ("市交通委配合哪些任务", ["一1"], "“市交通委（货运处）”1 项", "only its supporting division counts in the note"),
    ("计划财务处牵头哪些任务", ["一2"], "", "a division asked alone"),
    ("宣传处牵头哪些任务", ["一3"], "", "one of two divisions in one bracket"),
    ("货运处配合哪些任务", ["一1"], "", "the supporting division"),
    ("市交通委（运行处）牵头哪些任务", ["一1"], "", "the name as written: that division only"),
])
def test_questions(question, labels, said, why):
    doc, tasks = parse_document(TAGGED, "jt", "jt.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask(question)
    assert answer.status == "answered", (why, answer.text)
    assert [t.label for t in answer.tasks] == labels, (why, answer.text)
    assert said in answer.text, (why, answer.text)
    if "市交通委配合" in question:
        assert "运行处" not in answer.text.split("：")[0], answer.text
