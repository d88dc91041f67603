"""Question reading, session 16: tests/fixtures/qa/reading_s16.yaml (个 opening the first word, a follow-up naming
another plan, plans compared by target year or task count, outcome and where/how asks; typology, a person heading
and split doer topics as open rows).  Each row: a plan (or a folder of plans loaded together), a question or a
conversation, the Query slots, then what the answer must and must not say — and why (figures read by hand from the
plans); an ``xfail`` row names a cause still open (strict)."""

from __future__ import annotations

import pytest

from question_rows import QuestionRows

SET = QuestionRows("reading_s16.yaml")
DATA, PLANS, ROWS, plan_of = SET.data, SET.plans, SET.rows, SET.plan_of


@pytest.mark.parametrize("row", SET.params())
def test_reading_s16(row):
    SET.check(row)


def test_every_row_says_why_and_names_a_plan():
    assert len(SET.rows) >= 40
    assert not SET.incomplete()
