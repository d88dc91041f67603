"""Question reading, session 18 (reading8): tests/fixtures/qa/reading_s18.yaml — units compared by a who-word, a
plan's scope asked, a task's document asked, denials naming the user's words, counts of nothing.  Each row: a plan, a
question or a conversation, the Query slots, then what the answer must and must not say — and why; an ``xfail`` row
names a cause still open (strict)."""

from __future__ import annotations

import pytest

from question_rows import QuestionRows

SET = QuestionRows("reading_s18.yaml")
DATA, PLANS, ROWS = SET.data, SET.plans, SET.rows


@pytest.mark.parametrize("row", SET.params())
def test_reading_s18(row):
    SET.check(row)


def test_every_row_says_why_and_names_a_plan():
    assert not SET.incomplete()
