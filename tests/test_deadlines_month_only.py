"""Month-only limits in a time cell or a time label line (session 16, labels5; ROUTED (j)).

A 完成时间 / 完成时限 / 时间节点 cell of a task table, or a ``完成时间：…`` line under an item, holding a month without a
year (``3月``, ``6月底``, ``9月底前``, ``3月份``) takes the year the plan PROVES (``core.rule_yearless_limits``: the title
of a one-year plan, ``2016年…工作要点``) — a task table's rows as the text's items (the rows were built after that rule
ran, so a table plan's ``3月`` stayed undated).  Words that set no date stay as they are: ``全年`` (the year's work:
ongoing, no date), ``长期坚持`` / ``持续推进`` (no limit, README "Deadline and target rules"), ``每季度`` / ``每月`` alone
in a time cell (a limit of every quarter: ``recurring``, no date — it was read as ongoing words).  A plan of two years
(``2016—2017年``) or one without a year gives a bare month no year (honest: the words, no date).

Rows: (plan, the item's first words, expected deadlines as (words, kind, end), why) — written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _deadlines(text: str, start: str) -> list[tuple[str, str, str | None]]:
    _, tasks = parse_document(text, "d")
    (task,) = [t for t in tasks if t.text.startswith(start)]
    return [(d.text, d.kind, d.end) for d in task.deadlines]


def _table(title: str, rows: list[tuple[str, str, str]], time_label: str = "完成时间", unit_label: str = "责任单位") -> str:
    lines = [title, "", f"序号\t工作任务\t{unit_label}\t{time_label}"]
    lines += [f"{i}\t{task}\t{unit}\t{when}" for i, (task, unit, when) in enumerate(rows, 1)]
    return "\n".join(lines) + "\n"


CITY_2016 = "某市2016年深化改革工作要点"
PROVINCE_2019 = "某省2019年营商环境优化工作要点"
COUNTY_TWO = "某县2016—2017年安全生产工作要点"
COUNTY_NONE = "某县安全生产专项整治工作方案"

TABLE_ROWS = [
    (CITY_2016, [("制定年度考核办法", "市发改委", "3月")], "制定年度", [("3月", "by", "2016-03-31")],
     "a bare month in a table of a one-year plan: the title's year (it stayed undated: rows are built late)"),
    (CITY_2016, [("开展专项检查", "市监察局", "6月底")], "开展专项", [("6月底", "by", "2016-06-30")], "6月底: the month's end"),
    (CITY_2016, [("完成隐患整改", "市住建局", "9月底前")], "完成隐患", [("9月底前", "by", "2016-09-30")], "9月底前"),
    (PROVINCE_2019, [("出台实施细则", "省发展改革委", "3月份")], "出台实施", [("3月份", "by", "2019-03-31")],
     "3月份 at 省 level, another year"),
    (PROVINCE_2019, [("上线服务平台", "省政务服务中心", "6月30日前")], "上线服务", [("6月30日前", "by", "2019-06-30")], "a day"),
    (PROVINCE_2019, [("完成年度评估", "省统计局", "年底前")], "完成年度", [("年底前", "by", "2019-12-31")], "the year's end"),
    (CITY_2016, [("开展宣传教育活动", "市委宣传部", "全年")], "开展宣传", [("全年", "ongoing", None)],
     "全年: the year's work, no date guessed (unchanged)"),
    (CITY_2016, [("落实主体责任", "各区县政府", "长期坚持")], "落实主体", [],
     "长期坚持 sets no limit (README decision; the words stay in the tag)"),
    (CITY_2016, [("报送工作进展", "市发改委", "每季度")], "报送工作", [("每季度", "recurring", None)],
     "每季度 alone in a time cell: a limit of every quarter, no date (it was ongoing words)"),
    (CITY_2016, [("通报工作情况", "市政府办公室", "每月")], "通报工作", [("每月", "recurring", None)], "每月 alike"),
    (CITY_2016, [("报送年度总结", "市发改委", "每年12月底前")], "报送年度", [("每年12月底前", "recurring", None)],
     "a recurring limit with its point: unchanged, no year given"),
    (COUNTY_TWO, [("制定考核办法", "县安监局", "3月")], "制定考核", [("3月", "by", None)],
     "a two-year plan gives a bare month no year (honest)"),
    (COUNTY_NONE, [("制定考核办法", "县安监局", "6月底前")], "制定考核", [("6月底前", "by", None)], "no year anywhere"),
    (CITY_2016, [("完成管网改造", "市住建局", "2017年6月底前")], "完成管网", [("2017年6月底前", "by", "2017-06-30")],
     "a dated cell keeps its own year"),
]


@pytest.mark.parametrize(("title", "rows", "item", "expected", "why"), TABLE_ROWS,
                         ids=[f"table-{r[2]}-{r[4][:10]}" for r in TABLE_ROWS])
def test_a_time_cell_month_takes_the_plans_proved_year(title, rows, item, expected, why):
    assert _deadlines(_table(title, rows), item) == expected, why


def test_a_time_limit_column_of_another_name():
    """完成时限 / 时间节点 columns read alike (a 区 plan)."""
    text = _table("某区2020年城市管理工作要点", [("整治背街小巷", "区城管局", "10月底前")], time_label="完成时限")
    assert _deadlines(text, "整治背街") == [("10月底前", "by", "2020-10-31")]
    text = _table("某区2020年城市管理工作要点", [("整治背街小巷", "区城管局", "11月")], time_label="时间节点")
    assert _deadlines(text, "整治背街") == [("11月", "by", "2020-11-30")]


LINES = "{}\n\n一、强化责任落实\n1.{}。\n责任单位：县安监局\n完成时间：{}\n2.做好其他工作。\n责任单位：县安监局\n"

LINE_ROWS = [
    ("某县2016年安全生产工作要点", "制定考核办法", "3月", [("3月", "by", "2016-03-31")], "a time label line: the title's year"),
    ("某县2016年安全生产工作要点", "开展宣传教育", "全年", [("全年", "ongoing", None)], "全年 stays ongoing"),
    ("某县2016年安全生产工作要点", "报送工作进展", "每季度", [("每季度", "recurring", None)], "每季度 alone: recurring"),
    ("某县2016年安全生产工作要点", "推进标准化建设", "持续推进", [], "持续推进 sets no limit"),
    ("某县2016—2017年安全生产工作要点", "制定考核办法", "3月", [("3月", "by", None)], "two years: honest"),
]


@pytest.mark.parametrize(("title", "task", "when", "expected", "why"), LINE_ROWS,
                         ids=[f"line-{r[1]}-{r[2]}" for r in LINE_ROWS])
def test_a_time_line_month(title, task, when, expected, why):
    assert _deadlines(LINES.format(title, task, when), f"1.{task[:3]}") == expected, why
