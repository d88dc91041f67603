"""A question longer than the limit (shapes.yaml ``question_limit``, characters other than white space) is not read:
the answer says it is too long, how long it is and the limit (answers.yaml ``question_too_long``).  Before, a pasted
page of 10,000 characters answered 请输入一个关于方案的问题 — as if nothing had been asked — and a question cut to its
first 400 characters could answer those alone, a reading of words the user did not ask on their own.

Rows written before the code (input → expected → why)."""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session
from kb.qa.query import load_shapes

TEXT = """关于加强城市桥梁安全管理的实施方案
一、主要任务
（一）实施分类养护。养护工程分为预防养护、修复养护、专项养护和应急养护，按等级确定养护计划（市交通委负责）。
"""

LIMIT = 400

#: (question, too long?, why)
ROWS = [
    ("养护工程由谁负责", False, "an ordinary question"),
    ("养" * LIMIT, False, "exactly the limit: read (what it asks is another matter)"),
    ("养" * (LIMIT + 1), True, "one character over the limit"),
    ("养护工程" * 2500, True, "the 10,000-character paste of the report"),
    ("养护工程由谁负责" + " " * 2000, False, "white space does not count: the question is 8 characters"),
    ("养护工程由谁负责" + "。" * LIMIT, True, "punctuation counts: 408 characters were typed"),
]


@pytest.fixture(scope="module")
def plan():
    doc, tasks = parse_document(TEXT, "bridges")
    return Plan([doc], tasks)


def test_the_limit_is_data():
    assert load_shapes()["question_limit"] == LIMIT


@pytest.mark.parametrize("question,too_long,why", ROWS, ids=[f"{len(r[0])}-{r[2][:20]}" for r in ROWS])
def test_a_long_question_is_said_too_long(plan, question, too_long, why):
    answer = Session(plan=plan).ask(question)
    said = "问题太长" in answer.text
    assert said is too_long, f"{why} | kb: {answer.text[:120]}"
    if too_long:
        typed = len("".join(question.split()))
        assert answer.status == "not_understood" and not answer.tasks, why
        assert f"{typed} 字" in answer.text and f"{LIMIT} 字" in answer.text, answer.text
        assert "请输入一个关于方案的问题" not in answer.text, why
