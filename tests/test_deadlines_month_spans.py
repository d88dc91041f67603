"""A span of months (or quarters) inside one year with the unit written once — ``2012年1-12月``, ``2024年3—6月``,
``2025年1至3季度`` — is a range, its end the last month's (quarter's) end; before, only ``2012年`` was read (the whole
year, kind during), so a 2024年3—6月 task counted as due at year's end.  Rows: (clause, expected, why); written before
the code."""

import pytest

from kb.parser.deadlines import parse_deadlines, tag_time_limits

ROWS = [
    ("2012年1-12月", [("2012年1-12月", "range", "2012-01-01", "2012-12-31")],
     "a time label's value: the twelve months of one year"),
    ("2024年3—6月开展专项整治。", [("2024年3—6月", "range", "2024-03-01", "2024-06-30")],
     "an em dash; the end is June's end, not the year's"),
    ("2023年7~9月完成摸底排查。", [("2023年7~9月", "range", "2023-07-01", "2023-09-30")], "a tilde joiner"),
    ("2025年1至3月，集中开展宣传。", [("2025年1至3月", "range", "2025-01-01", "2025-03-31")], "至 as the joiner"),
    ("2024年1-3季度完成。", [("2024年1-3季度", "range", "2024-01-01", "2024-09-30")], "quarters written once"),
    ("2024年6-3月开展。", [("2024年", "during", "2024-01-01", "2024-12-31")],
     "a span running backwards is no span: the year alone, as before (no guessed range)"),
    ("2024年1月-12月", [("2024年1月-12月", "range", "2024-01-01", "2024-12-31")], "control: 月 written twice, as before"),
    ("2024年12月底前完成。", [("2024年12月底前", "by", None, "2024-12-31")], "control: one month"),
    ("2024年完成1-2个试点。", [("2024年", "during", "2024-01-01", "2024-12-31")],
     "control: a count after the year is no month (no 月 after it)"),
]


@pytest.mark.parametrize(("clause", "expected", "why"), ROWS, ids=[r[0] for r in ROWS])
def test_a_month_span_in_one_year(clause, expected, why):
    got = [(d.text, d.kind, d.start or None, d.end) for d in parse_deadlines(clause)]
    assert got == expected, why


def test_a_time_label_reads_the_span():
    """The time label's words go through the same grammar (tag.time_words → tag_time_limits)."""
    got = [(d.kind, d.end) for *_, d in tag_time_limits("2012年1-12月")]
    assert got == [("range", "2012-12-31")]
