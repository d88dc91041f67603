"""A recurring limit with a start year (``2020年起，每年2月底前完成上述工作``) keeps its start: kind ``recurring``, start the
first day of that year (or month), no end — so "从2020年起 / 2020年起每年什么时候" finds it (holdout11 jx05: 自2020年起实施的任务
共 0 项, a false count).  The start's words are the deadline's when they stand right before the limit (only punctuation
between); the start alone stays no deadline of its own (README: a start from which work recurs sets no limit).

Table-driven: clause → (text, kind, start, end) of every recurring limit → why.  Expectations written before the code."""

from __future__ import annotations

import pytest

from kb.model import Deadline
from kb.parser.deadlines import find_recurring
from kb.select import DateSpan

CASES = [
    ("2020年起，每年2月底前完成上述工作。", [("2020年起，每年2月底前", "recurring", "2020-01-01", None)],
     "holdout11 jx 四（二）: the start right before the limit"),
    ("2020年起，国家卫生健康委每年3月底前完成上述工作。", [("每年3月底前", "recurring", "2020-01-01", None)],
     "jx 四（三）: a subject between — the limit's own words, the start kept as its date"),
    ("从2019年起，各有关部门于每年2月底前研究提出拟予督查激励的地方名单", [("每年2月底前", "recurring", "2019-01-01", None)],
     "国办发〔2018〕117号 (fixture 46)"),
    ("自2021年7月起，每季度末报送工作进展。", [("自2021年7月起，每季度末", "recurring", "2021-07-01", None)],
     "a start month"),
    ("每年2月底前完成上年度考核。", [("每年2月底前", "recurring", None, None)], "control: no start, no date"),
    ("2019年底前完成首次考核，每年2月底前报送结果。", [("每年2月底前", "recurring", None, None)],
     "control: a by-date before the limit is no start"),
    ("2015年以来，每年2月底前报送。", [("每年2月底前", "recurring", None, None)], "control: 以来 is a past reference"),
]


@pytest.mark.parametrize("clause,expected,why", CASES, ids=[c[2][:40] for c in CASES])
def test_recurring_start(clause, expected, why):
    got = [(d.text, d.kind, d.start, d.end) for _, _, d in find_recurring(clause)]
    assert got == expected, why


@pytest.mark.parametrize("year,test,selected", [
    (2020, "starts", True), (2021, "starts", False), (2019, "starts", False),
    (2021, "active", True), (2019, "active", False), (2020, "due", False)])
def test_the_date_test_reads_the_start(year, test, selected):
    """kb.select's one date test: 2020年起 (starts) selects the limit starting in 2020; it runs in 2021 (active); it is
    due on no day (no end)."""
    d = Deadline("2020年起，每年2月底前", "recurring", "2020-01-01", None)
    assert DateSpan.year(year, test).holds(d) is selected
