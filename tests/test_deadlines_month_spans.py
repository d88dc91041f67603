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


# Session 14 (labels3): months written in Chinese numerals, and spans without a year.  Written before the code.
CHINESE = [
    ("2012年三月至九月完成改造。", [("2012年三月至九月", "range", "2012-03-01", "2012-09-30")],
     "Chinese-numeral months: the span ends with September, not with the year (was 2012年, during)"),
    ("2012年一至六月，开展摸底排查。", [("2012年一至六月", "range", "2012-01-01", "2012-06-30")], "月 written once"),
    ("二〇一二年一至十二月", [("二〇一二年一至十二月", "range", "2012-01-01", "2012-12-31")],
     "a time label's value all in Chinese numerals"),
    ("2013年十月至十二月集中整治。", [("2013年十月至十二月", "range", "2013-10-01", "2013-12-31")], "十 and 十二"),
    ("2012年九至三月开展。", [("2012年", "during", "2012-01-01", "2012-12-31")],
     "a span running backwards is no span: the year alone, as for digits"),
]


@pytest.mark.parametrize(("clause", "expected", "why"), CHINESE, ids=[r[0] for r in CHINESE])
def test_a_span_of_chinese_months(clause, expected, why):
    got = [(d.text, d.kind, d.start or None, d.end) for d in parse_deadlines(clause)]
    assert got == expected, why


UNDATED = [
    ("1—6月完成摸底排查。", [("1—6月", "by")], "a span without a year: due by its last month, the plan's year (as 6月底前)"),
    ("一至六月，全面开展宣传。", [("一至六月", "by")], "Chinese numerals, 月 once"),
    ("3月至9月开展专项整治。", [("3月至9月", "by")], "月 written twice"),
    ("今年1-6月完成投资5亿元。", [("1-6月", "by")], "今年 before it: still the plan's year, no dates given"),
    ("完成1-2个试点。", [], "control: a count, no month"),
    ("全市1-6号楼完成改造。", [], "control: building numbers"),
    ("每年1-3月开展检查。", [], "control: a span that recurs every year is no limit (as 每年10月1日前 is kept apart)"),
    ("6-3月开展。", [], "control: backwards"),
]


@pytest.mark.parametrize(("clause", "expected", "why"), UNDATED, ids=[r[0] for r in UNDATED])
def test_a_span_without_a_year(clause, expected, why):
    got = [(d.text, d.kind) for *_, d in tag_time_limits(clause)]
    assert got == expected, why
    assert all(d.start is None and d.end is None for *_, d in tag_time_limits(clause)), "no year, no dates"


def test_a_span_without_a_year_in_a_sentence_is_no_limit():
    """In a body sentence a span of months without a year reports (1至5月累计增长5%, tests/test_deadlines.py): only the
    words of a tag, a time label, a field or a heading read it as a limit."""
    from kb.parser.deadlines import find_undated

    assert find_undated("1—6月完成摸底排查。") == []
    assert [d.text for *_, d in find_undated("1—6月完成摸底排查。", spans=True)] == ["1—6月"]


CHINESE_POINTS = [
    ("2012年三月底前完成摸底。", [("2012年三月底前", "by", None, "2012-03-31")],
     "a month in Chinese numerals with 底前: by March's end (was 2012年, the whole year)"),
    ("二〇一三年十二月底前建成。", [("二〇一三年十二月底前", "by", None, "2013-12-31")], "all in Chinese numerals"),
    ("2012年十月，开展专项检查。", [("2012年十月", "during", "2012-10-01", "2012-10-31")], "a month alone: during it"),
    ("2012年三月至九月完成改造。", [("2012年三月至九月", "range", "2012-03-01", "2012-09-30")], "control: the span"),
]


@pytest.mark.parametrize(("clause", "expected", "why"), CHINESE_POINTS, ids=[r[0] for r in CHINESE_POINTS])
def test_a_chinese_month_in_a_dated_limit(clause, expected, why):
    got = [(d.text, d.kind, d.start or None, d.end) for d in parse_deadlines(clause)]
    assert got == expected, why
