"""Question reading, session 15: tests/fixtures/qa/reading_s15.yaml (其中第N个方面 over the sections just listed, 由谁+
verb from a list of doer verbs, 不是牵头而是配合 of one unit, the other-role list numbered by items, out-of-scope nouns of
a unit kept).  Each row: a plan, a question or a conversation, the Query slots, then what the answer must and must not
say — and why (rows written before the mechanisms; figures read by hand from the plans).  Bad input rows below."""

from __future__ import annotations

import pytest

from question_rows import QuestionRows

SET = QuestionRows("reading_s15.yaml")
DATA, PLANS, ROWS, plan_of = SET.data, SET.plans, SET.rows, SET.plan_of


@pytest.mark.parametrize("row", SET.params())
def test_reading_s15(row):
    SET.check(row)


def test_every_row_says_why_and_names_a_plan():
    assert len(SET.rows) >= 40
    assert not SET.incomplete(folders=False)


#: Bad input asked after an outline answer (the conversation holds listed sections): each answered plainly — a status,
#: one printable text, no traceback — and never read as 第N个方面 of the list.
BAD = [
    ("重点任务" * 2500, "not_understood", "10,000 characters: said too long, never read in part"),
    ("第三个方面\x00\x07\x1b[31m有几项任务", None, "control characters: never echoed raw"),
    ("第二个方面 AND OR NOT (\"*?", None, "Whoosh syntax: no query error"),
    ("第二个方面\udcff\udcfe是什么", None, "invalid UTF-8 (surrogate escapes of a pipe): no UnicodeError"),
    ("", "not_understood", "nothing asked"),
]


@pytest.mark.parametrize("question, status, why", BAD, ids=[b[2][:30] for b in BAD])
def test_bad_input_after_an_outline(question, status, why):
    from kb.qa import Session

    session = Session(plan=plan_of("zigong"), strict=True)
    session.ask("重点任务包括哪几个方面")
    answer = session.ask(question)
    assert answer.text and isinstance(answer.text, str), why
    assert not any(ord(c) < 32 and c not in "\n\t" for c in answer.text), (why, answer.text[:200])
    assert "\udcff" not in answer.text, why
    if status:
        assert answer.status == status, (why, answer.text[:200])
