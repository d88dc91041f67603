"""Question reading and answer wording, session 17: tests/fixtures/qa/reading_s17.yaml (a person title such as 负责同志
is no role verb, no literal None in an answer, a batch asked, a yes/no ask of a limit, a unit's sole items in its 牵头
list, every unit of a quoted subject in the heading, the first-is-lead rule asked, how-asks).  Each row: a plan, a
question or a conversation, the Query slots, then what the answer must and must not say — and why (figures read by
hand from the plans); an ``xfail`` row names a cause still open (strict)."""

from __future__ import annotations

import pytest

from question_rows import QuestionRows

SET = QuestionRows("reading_s17.yaml")
DATA, PLANS, ROWS, plan_of = SET.data, SET.plans, SET.rows, SET.plan_of


@pytest.mark.parametrize("row", SET.params())
def test_reading_s17(row):
    SET.check(row)


def test_every_row_says_why_and_names_a_plan():
    assert len(SET.rows) >= 40
    assert not SET.incomplete()
