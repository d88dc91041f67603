"""kb/numerals: one reading and one writing of Chinese numerals for parser, ingest, qa and export."""

import pytest

from kb.numerals import chinese_number, cn_number

READ = [
    # text, value, why
    ("一", 1, "a digit"),
    ("十", 10, "十 alone"),
    ("十二", 12, "十 without a tens digit"),
    ("二十", 20, "tens without units"),
    ("二十一", 21, "tens and units"),
    ("一百零五", 105, "零 between 百 and units"),
    ("一百二十", 120, "百 and tens"),
    ("两", 2, "两 is 2 (两项)"),
    ("二〇二三", 2023, "a year digit by digit"),
    ("15", 15, "ASCII digits"),
    ("", 0, "empty: no digits, 0 (callers test for a numeral first)"),
    ("第三", None, "not a numeral"),
    ("十x", None, "a foreign character"),
]


@pytest.mark.parametrize("text,value,why", READ)
def test_cn_number(text, value, why):
    assert cn_number(text) == value, why


WRITE = [
    (1, "一", "a digit"),
    (10, "十", "not 一十"),
    (12, "十二", "not 一十二"),
    (20, "二十", ""),
    (99, "九十九", ""),
    (100, "一百", ""),
    (105, "一百零五", "零 for a missing tens digit"),
    (110, "一百一十", "一十 after 百"),
    (0, "0", "below 1: digits"),
    (1000, "1000", "above 999: digits"),
]


@pytest.mark.parametrize("n,text,why", WRITE)
def test_chinese_number(n, text, why):
    assert chinese_number(n) == text, why


def test_round_trip_1_to_999():
    assert all(cn_number(chinese_number(n)) == n for n in range(1, 1000))


def test_heading_numerals_of_the_parser_and_export_agree():
    """The parser's numeral_value and heading numbering, and the export's group numerals, are this module's."""
    from kb.export.docx_writer import _numeral
    from kb.parser.structure import numeral_value

    assert [numeral_value(chinese_number(n)) for n in range(1, 40)] == list(range(1, 40))
    assert numeral_value("") == 0 and numeral_value("第") == 0
    assert [_numeral(i) for i in (0, 9, 10, 11)] == ["一", "十", "十一", "十二"]
