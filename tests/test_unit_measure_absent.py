"""A figure of a unit asked by a word the plan never writes (数据专区运营单位的收费标准是多少) is not in the plan — since
session 13 it was answered with the unit's task count (多少 read as a count: 运营单位涉及的任务共 3 项, holdout15-final o06).
A count of the unit's tasks, or a word the plan writes, is answered as before.  Plans: the bundled plan and one written
by hand; expectations by hand."""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

PLAN = """某市公共数据专区建设实施方案
一、重点任务
（一）建立运营机制。专区运营单位负责专区日常运营，2023年底前建成运营平台。（运营单位负责）
（二）加强数据治理。市大数据局会同运营单位建立数据质量反馈机制。（市大数据局牵头，运营单位配合）
"""


@pytest.fixture(scope="module")
def session():
    doc, tasks = parse_document(PLAN, "zq")
    return Session(plan=Plan([doc], tasks))


ROWS = [
    ("运营单位的收费标准是多少？", "not_in_plan", "收费标准", "收费 is no word of the plan: a value of the unit it does not state"),
    ("运营单位的服务费是多少", "not_in_plan", "服务费", "the same with another word"),
    ("运营单位负责多少项任务", "answered", "2 项", "a count of the unit's tasks (sole 1, support 1) — unchanged"),
    ("运营单位有多少项任务", "answered", "2 项", "the same in other words"),
]


@pytest.mark.parametrize("question,status,says,why", ROWS, ids=[r[0] for r in ROWS])
def test_unit_measure(session, question, status, says, why):
    answer = session.ask(question)
    assert answer.status == status, (why, answer.text)
    assert says in answer.text, (why, answer.text)
