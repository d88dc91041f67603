"""A limit written without a year (3月底前, 三月底前, 6月30日前, 年底前, a body's 年底完成) takes a year only where the plan
PROVES it (session 15, prose6; README "Deadline and target rules"):

1. the item states it earlier: a dated limit of one year before it in the item — a year of work (``2024年，…`` /
   ``2024年内``) or a month or day of that year (``2024年6月底前…，9月底前…``) — never a whole-year target
   (``到2025年…``, ``2025年底前…``: a multi-year plan's goal, and its 6月底前 is this year's);
2. else its heading names one year of work (``二、2024年重点工作``, ``（一）2025年工作安排``) — the nearest heading;
3. else the plan is a one-year plan: its title names one year as the plan's (``2024年优化营商环境工作要点``), no span
   (``2024—2026年``), no target (``到2025年``), no plan of several years (``三年行动``, ``规划``, ``十四五``).

Else the limit stays as before — kind ``by``, the words, no date (honest: the plan's year is not guessed).  A body's
``年底完成`` (the year's end before a verb of completion, no 前) is a limit only where a year is so proved (before, in a
sentence, it was none: ``年初建账…年底交账`` is no limit).  Rows: (plan text, the item's first words, expected deadlines
as (words, kind, end), why) — written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _deadlines(text: str, start: str) -> list[tuple[str, str, str | None]]:
    _, tasks = parse_document(text, "d")
    (task,) = [t for t in tasks if t.text.startswith(start)]
    return [(d.text, d.kind, d.end) for d in task.deadlines]


ONE_YEAR = "某市2024年优化营商环境工作要点\n一、重点任务\n{}\n"
SPAN = "某市2024—2026年优化营商环境行动计划\n一、重点任务\n{}\n"
TARGET = "某市推进数字政府建设到2025年行动方案\n一、重点任务\n{}\n"
THREE = "某区2024年老旧小区改造三年行动方案\n一、重点任务\n{}\n"
NO_YEAR = "某县农村人居环境整治工作方案\n一、重点任务\n{}\n"
HEADED = "某县农村人居环境整治工作方案\n一、2025年重点工作\n{}\n"
HEADED_IN_ONE_YEAR = "某市2024年优化营商环境工作要点\n一、2025年工作安排\n{}\n"

ROWS = [
    # 3. a one-year plan's title
    (ONE_YEAR, "（一）出台细则。3月底前出台实施细则。", [("3月底前", "by", "2024-03-31")], "the title's one year"),
    (ONE_YEAR, "（一）出台细则。三月底前出台实施细则。", [("三月底前", "by", "2024-03-31")],
     "a month in Chinese numerals without a year (it was not read at all)"),
    (ONE_YEAR, "（一）上线系统。6月30日前完成系统上线。", [("6月30日前", "by", "2024-06-30")], "a day"),
    (ONE_YEAR, "（一）专项检查。年底前完成专项检查。", [("年底前", "by", "2024-12-31")], "the year's end"),
    (ONE_YEAR, "（一）主体工程。年底完成主体工程建设。", [("年底", "by", "2024-12-31")],
     "年底 before a verb of completion in a proved year: a limit"),
    (ONE_YEAR, "（一）年度账目。坚持年初建账、年底交账。", [], "年底 with no verb of completion: no limit"),
    (ONE_YEAR, "（一）定期报送。每年3月底前报送上年度情况。", [("每年3月底前", "recurring", None)], "recurring: unchanged"),
    (ONE_YEAR, "（一）下年计划。次年3月底前报送。", [], "次年: not the plan's year (unchanged, none)"),
    (ONE_YEAR, "（一）建设项目。2025年6月底前建成投用。", [("2025年6月底前", "by", "2025-06-30")], "a dated limit keeps its year"),
    # 2. a heading of one year
    (HEADED, "（一）出台细则。3月底前出台实施细则。", [("3月底前", "by", "2025-03-31")], "the part's heading: 2025年重点工作"),
    (HEADED_IN_ONE_YEAR, "（一）出台细则。3月底前出台实施细则。", [("3月底前", "by", "2025-03-31")],
     "the nearest statement wins: the heading's 2025 over the title's 2024"),
    # 1. the item's own year
    (NO_YEAR, "（一）口袋公园。2024年，新建口袋公园10个，年底前完成验收。",
     [("2024年", "during", "2024-12-31"), ("年底前", "by", "2024-12-31")], "a year of work earlier in the item"),
    (NO_YEAR, "（一）主体工程。2024年启动建设，年底完成主体工程。",
     [("2024年", "during", "2024-12-31"), ("年底", "by", "2024-12-31")], "年底完成 after the item's year"),
    (NO_YEAR, "（一）分步实施。2024年6月底前完成选址，9月底前开工建设。",
     [("2024年6月底前", "by", "2024-06-30"), ("9月底前", "by", "2024-09-30")], "a month of one year before it"),
    (SPAN, "（一）数字化。到2025年，建成一体化平台；6月底前出台实施方案。",
     [("到2025年", "by", "2025-12-31"), ("6月底前", "by", None)],
     "a whole-year target proves no year of a month (a multi-year plan: this year's June, unstated)"),
    (NO_YEAR, "（一）分年推进。2024年完成试点，2025年全面推广，6月底前出台方案。",
     [("2024年", "during", "2024-12-31"), ("2025年", "during", "2025-12-31"), ("6月底前", "by", None)],
     "two years stated before it: not proved"),
    # not proved: honest
    (NO_YEAR, "（一）出台细则。3月底前出台实施细则。", [("3月底前", "by", None)], "no year anywhere: the words, no date"),
    (NO_YEAR, "（一）主体工程。年底完成主体工程建设。", [], "年底完成 with no year proved: none, as before"),
    (SPAN, "（一）出台细则。3月底前出台实施细则。", [("3月底前", "by", None)], "a span of years in the title"),
    (TARGET, "（一）出台细则。3月底前出台实施细则。", [("3月底前", "by", None)], "到2025年 in the title is a target"),
    (THREE, "（一）出台细则。3月底前出台实施细则。", [("3月底前", "by", None)], "a three-year plan starting 2024"),
]


@pytest.mark.parametrize(("plan", "item", "expected", "why"), ROWS, ids=[f"{r[1][3:9]}-{r[3][:12]}" for r in ROWS])
def test_a_yearless_limit_takes_a_proved_year(plan, item, expected, why):
    assert _deadlines(plan.format(item), item[:6]) == expected, why


MORE = [
    (NO_YEAR, "（一）绩效考核。2019年12月底前完成首次考核。2020年起，每年2月底前各地完成考核，3月底前汇总分析。",
     [("2019年12月底前", "by", "2019-12-31"), ("2020年起，每年2月底前", "recurring", None), ("3月底前", "by", None)],
     "after a recurring limit the month may recur with it: not proved (国卫 2019's form)"),
    (NO_YEAR, "（一）分步实施。2024年9月底前完成选址，3月底前完成立项。",
     [("2024年9月底前", "by", "2024-09-30"), ("3月底前", "by", None)],
     "a month before the item's stated one is no month of that year (the next year's, or an earlier step): not proved"),
]


@pytest.mark.parametrize(("plan", "item", "expected", "why"), MORE, ids=[r[3][:12] for r in MORE])
def test_an_item_year_is_not_carried_where_unproved(plan, item, expected, why):
    assert _deadlines(plan.format(item), item[:6]) == expected, why
