"""Deadline rules: (clause, expected [(text, kind, start, end)], why) rows, and the bundled plan's deadlines."""

import pytest

from kb.parser.deadlines import parse_deadlines

CASES = [
    ("到2020年，完成排污许可管理。", [("到2020年", "by", None, "2020-12-31")], "到 YEAR: by the end of the year"),
    ("2020年年底前基本完成。", [("2020年年底前", "by", None, "2020-12-31")], "年底前"),
    ("到2020年底，全面完成。", [("到2020年底", "by", None, "2020-12-31")], "到 YEAR 底"),
    ("2020年底前完成。", [("2020年底前", "by", None, "2020-12-31")], "年底前 without the second 年"),
    ("2020年前完成整治。", [("2020年前", "by", None, "2020-12-31")], "年前 read as by that year"),
    ("2019年9月底前完成。", [("2019年9月底前", "by", None, "2019-09-30")], "month end"),
    ("2020年2月底前完成。", [("2020年2月底前", "by", None, "2020-02-29")], "leap-year month end"),
    ("2020年6月30日前完成。", [("2020年6月30日前", "by", None, "2020-06-30")], "a day"),
    ("2020年，全市基本淘汰开启式干洗机。", [("2020年", "during", "2020-01-01", "2020-12-31")], "a year opening the clause: during"),
    ("2019年基本淘汰老旧车辆。", [("2019年", "during", "2019-01-01", "2019-12-31")], "year before a verb: during"),
    ("2019年10月开展检查。", [("2019年10月", "during", "2019-10-01", "2019-10-31")], "a month: during the month"),
    ("自2019年7月1日起，提前实施国六排放标准。", [("自2019年7月1日起", "from", "2019-07-01", None)], "自…起: from"),
    ("从2019年7月起实施。", [("从2019年7月起", "from", "2019-07-01", None)], "from a month"),
    ("2018至2020年，全市加油站抽检覆盖率达到95%以上。", [("2018至2020年", "range", "2018-01-01", "2020-12-31")], "a range"),
    ("2018年至2020年开展。", [("2018年至2020年", "range", "2018-01-01", "2020-12-31")], "a range with both 年"),
    ("2018—2020年开展。", [("2018—2020年", "range", "2018-01-01", "2020-12-31")], "a range with a dash"),
    ("较考核基准年（2015年）下降27.9%以上。", [], "baseline year in brackets"),
    ("重度污染天数比率较2015年下降25%以上。", [], "较 YEAR is a baseline"),
    ("以2015年为基准，下降10%。", [], "以…为基准 is a baseline"),
    ("落实《四川省“十三五”能源发展规划》。", [], "title without digits"),
    ("落实《自贡市2018年度大气污染防治实施方案》。", [], "a year inside a title"),
    ("执行GB 18352.6-2016标准。", [], "a standard's year has no 年"),
    ("到２０２０年，完成。", [("到２０２０年", "by", None, "2020-12-31")], "full-width digits"),
    ("到2020年，完成；2019年底前启动。", [("到2020年", "by", None, "2020-12-31"), ("2019年底前", "by", None, "2019-12-31")], "two deadlines in text order"),
    ("2019年13月完成。", [("2019年", "during", "2019-01-01", "2019-12-31")], "an impossible month is not a date"),
    ("每年开展一次检查。", [], "每年 is a frequency"),
]


def test_no_duplicate_rows():
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("clause,expected,why", CASES, ids=[c[2] for c in CASES])
def test_deadline_rule(clause, expected, why):
    got = [(d.text, d.kind, d.start, d.end) for d in parse_deadlines(clause)]
    assert got == expected, why


def test_clause_index_is_kept():
    assert parse_deadlines("到2020年，完成。", 3)[0].clause == 3


def test_bundled_plan_deadlines(plan):
    by_label = {t.label: [(d.text, d.kind, d.start, d.end) for d in t.deadlines] for t in plan.tasks if t.deadlines}
    assert by_label == {
        "二": [("到2020年", "by", None, "2020-12-31")],
        "三（一）4": [("2020年年底前", "by", None, "2020-12-31")],
        "三（一）5": [("到2020年", "by", None, "2020-12-31")],
        "三（一）7": [("到2020年", "by", None, "2020-12-31")],
        "三（一）12": [("2020年", "during", "2020-01-01", "2020-12-31")],
        "三（一）15": [("到2020年", "by", None, "2020-12-31")],
        "三（一）17": [("2020年年底前", "by", None, "2020-12-31")],
        "三（二）1": [("到2020年", "by", None, "2020-12-31")],
        "三（三）4": [("自2019年7月1日起", "from", "2019-07-01", None)],
        "三（三）8": [("2019年", "during", "2019-01-01", "2019-12-31")],
        "三（三）11": [("2018至2020年", "range", "2018-01-01", "2020-12-31")],
        "三（三）15": [("2019年", "during", "2019-01-01", "2019-12-31")],
        "三（四）4": [("到2020年", "by", None, "2020-12-31")],
        "三（五）2": [("到2020年", "by", None, "2020-12-31")],
    }
