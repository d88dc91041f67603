"""Denials and new question shapes, session 17: tests/fixtures/qa/asks_s17.yaml.  Each row: a plan, a question, the
Query slots, what the answer must and must not say — and why (read by hand from the plans); an ``xfail`` row names a
cause still open (strict)."""

from __future__ import annotations

import pytest

from question_rows import QuestionRows

SET = QuestionRows("asks_s17.yaml")
DATA, PLANS, ROWS, plan_of = SET.data, SET.plans, SET.rows, SET.plan_of


@pytest.mark.parametrize("row", SET.params())
def test_asks_s17(row):
    SET.check(row)


def test_every_row_says_why_and_names_a_plan():
    assert len(SET.rows) >= 10
    assert not SET.incomplete(folders=True, question=False)
