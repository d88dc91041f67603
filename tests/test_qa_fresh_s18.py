"""Fresh questions, session 18 (reading8): tests/fixtures/qa/fresh_s18.yaml — 40 questions written before kb ran on two
fixture plans no row had used.  Each row: a plan, a
question or a conversation, the Query slots, then what the answer must and must not say — and why; an ``xfail`` row
names a cause still open (strict)."""

from __future__ import annotations

import pytest

from question_rows import QuestionRows

SET = QuestionRows("fresh_s18.yaml")
DATA, PLANS, ROWS = SET.data, SET.plans, SET.rows


@pytest.mark.parametrize("row", SET.params())
def test_fresh_s18(row):
    SET.check(row)


def test_every_row_says_why_and_names_a_plan():
    assert not SET.incomplete()
