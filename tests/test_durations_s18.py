"""How long work runs, and when it ends (session 18, helper values6).

Confident wrong answers seen on fresh plans (the causes, never their wording): 活动持续多久 of 活动为期1年 said the plan
writes no length; 消费季活动持续多久 of 从2024年5月1日开始，历时3个月 gave 从2024年5月1日开始 (its 1日 read as a length);
什么时候结束 of a length with a start said nothing of an end.  Decision: a length (为期, 历时, 持续, 用…时间) is said as the
plan writes it; with the start its sentence states, the end is reckoned (kb.parser.deadlines.duration_end) and said as kb's
reckoning; without a start — or about that long (两年左右) — the length, and that no end date is written (an end asked is
then not answered).  A sentence stating its end (至2024年底结束) answers an end asked with that limit, as before.

Rows written before the code.  Plans: holdout12 cm (上海崇明 入市试点 2023, a real plan nobody tuned on for lengths); the
plan written here carries the real wordings of 专项整治 notices (集中整治为期3个月, 开展为期半年的…集中整治, 用两年左右时间).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_sessions import first_question_asker

ROOT = Path(__file__).resolve().parent.parent
FILES = {"rushi": ROOT / "tests/fixtures/holdout12/cm_rushi_huchongfubanfa2023-16.txt"}

#: 市级 实施方案, 牵头单位 labels: lengths with and without a start, one about, one glued to its sentence's start.
CAMPAIGN = """某市商贸提升行动实施方案
一、主要任务
（一）开展专项整治。集中整治为期3个月。（牵头单位：市公安局）
（二）开展提升活动。品质提升活动为期1年，自2021年3月起。（牵头单位：市商务局）
（三）推进示范创建。用两年左右时间，建成一批示范街区。（牵头单位：市商务局）
（四）开展消费季活动。消费季活动从2024年5月1日开始，历时3个月。（牵头单位：市商务局）
（五）开展交通秩序整治。自2023年4月起，在全市开展为期半年的交通秩序集中整治。（牵头单位：市公安局）
"""

#: 市级 整治方案 (a city's 2013 notice and a town's 整治月, as news reported their wording): a start with no year
#: (自2月20日起) and lengths said with 利用/集中…时间.
SWEEP = """某市城乡环境卫生综合整治工作方案
一、整治时间
自2月20日起，利用40天时间在全市范围内开展城乡环境卫生集中整治。
二、整治内容
（一）城区环境卫生。重点清理街道垃圾、雪堆和绿化带内杂物。（牵头单位：市住建局、市综合执法局）
（二）开展整治月活动。各镇集中一个月的时间，开展以“整洁、文明、有序”为目标的环境综合整治月活动。（牵头单位：市农工委）
"""

#: The same notice as a one-year plan (its title names 2013): the start's year is proved by the title.
SWEEP2013 = SWEEP.replace("某市城乡环境卫生综合整治工作方案", "某市2013年城乡环境卫生综合整治工作方案")

TEXTS = {"campaign": CAMPAIGN, "sweep": SWEEP, "sweep2013": SWEEP2013}


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    root = tmp_path_factory.mktemp("durations_s18")
    return first_question_asker(root, TEXTS, lambda corpus: str(FILES[corpus]))


ROWS = [
    ("campaign", "品质提升活动持续多久？", "answered", ["为期1年", "2022年2月28日"], ["没有写明"],
     "一（二） 为期1年, 自2021年3月起: the length, and the end reckoned (was: no length written)"),
    ("campaign", "品质提升活动什么时候结束？", "answered", ["2022年2月28日", "推算"], [],
     "一（二） the end reckoned from the start and the length, said as kb's reckoning"),
    ("campaign", "消费季活动持续多久？", "answered", ["历时3个月"], ["从2024年5月1日开始："],
     "一（四） 历时3个月 (从2024年5月1日开始 was given as the length)"),
    ("campaign", "消费季活动什么时候结束？", "answered", ["2024年7月31日"], [], "一（四） 2024-05-01 + 3个月"),
    ("campaign", "交通秩序集中整治持续多长时间？", "answered", ["为期半年"], ["没有写明"], "一（五） 为期半年 inside the sentence"),
    ("campaign", "交通秩序集中整治什么时候结束？", "answered", ["2023年9月30日"], [], "一（五） 2023年4月起 + 半年"),
    ("campaign", "示范创建要用多长时间？", "answered", ["两年左右"], [], "一（三） the title names the work its sentence dates"),
    ("campaign", "示范创建什么时候结束？", "not_in_plan", ["两年左右", "没有写明结束日期"], ["推算"],
     "一（三） about two years, no start: the length and no end — never a reckoned day"),
    ("campaign", "集中整治持续多久？", "answered", ["为期3个月"], [], "一（一） (and 一（五）, which names 集中整治 too)"),
    ("sweep", "城乡环境卫生集中整治持续多长时间？", "answered", ["利用40天时间"], ["没有写明"], "一 利用40天时间"),
    ("sweep", "城乡环境卫生集中整治什么时候结束？", "not_in_plan", ["利用40天时间", "自2月20日起", "没有写明结束日期"],
     ["推算"], "一 a start with no year: no day can be reckoned — the length and the start said, no end"),
    ("sweep2013", "城乡环境卫生集中整治什么时候结束？", "answered", ["2013年3月31日", "年份据方案标题为2013年", "推算"], [],
     "一 自2月20日起 in a plan titled 某市2013年…: starts 2013-02-20, 40 days → 2013-03-31, the year's proof said"),
    ("sweep", "环境综合整治月活动持续多久？", "answered", ["集中一个月的时间"], [], "二（二） 集中一个月的时间"),
    ("rushi", "入市试点工作为期多久？", "answered", ["为期两年"], ["这项"],
     "五 …从2023年4月启动，至2024年底结束，为期两年 (the title holds 入市试点工作: 没有写明“这项”的时长 was said)"),
    ("rushi", "入市试点工作什么时候结束？", "answered", ["2024年底"], ["推算"],
     "must not change: the sentence states its end (至2024年底结束), no reckoning"),
]


def test_rows_are_distinct():
    assert len({(r[0], r[1]) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("corpus,question,status,has,has_not,why", ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS])
def test_duration_row(ask, corpus, question, status, has, has_not, why):
    answer = ask(corpus, question)
    text = answer.text
    assert answer.status == status, f"{why}\n{text}"
    for word in has:
        assert word in text, f"{word!r} missing — {why}\n{text}"
    said = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("原文"))
    for word in has_not:
        assert word not in said, f"{word!r} present — {why}\n{text}"


#: The parser (kb.parser.deadlines.find_durations): clause → (words, months, days, about) of each length.
PARSE_ROWS = [
    ("集中整治为期3个月。", [("为期3个月", 3, 0, False)], "为期 + months"),
    ("消费季活动从2024年5月1日开始，历时3个月。", [("历时3个月", 3, 0, False)], "历时"),
    ("自2023年4月起，在全市开展为期半年的交通秩序集中整治。", [("为期半年", 6, 0, False)], "半年 inside the sentence"),
    ("用两年左右时间，建成一批示范街区。", [("用两年左右时间", 24, 0, True)], "用…时间, about"),
    ("活动为期一年半。", [("为期一年半", 18, 0, False)], "一年半"),
    ("宣传周活动为期7天。", [("为期7天", 0, 7, False)], "days"),
    ("用3年建成示范区。", [], "用 without 时间 is no length said"),
    ("自2月20日起，利用40天时间开展集中整治。", [("利用40天时间", 0, 40, False)], "利用…时间"),
    ("各镇集中一个月的时间，开展整治月活动。", [("集中一个月的时间", 1, 0, False)], "集中…的时间"),
    ("集中力量开展3个月专项行动。", [], "集中 without a number right after it"),
    ("持续推进城市更新。", [], "持续 without a number"),
    ("3个月内完成整改。", [], "a limit (内), not a length"),
]


@pytest.mark.parametrize("clause,expected,why", PARSE_ROWS, ids=[r[0][:16] for r in PARSE_ROWS])
def test_parse_row(clause, expected, why):
    from kb.parser.deadlines import find_durations

    assert [(d.text, d.months, d.days, d.approx) for _, _, d in find_durations(clause)] == expected, why


END_ROWS = [
    ("2021-03-01", 12, 0, False, "2022-02-28", "a year from the first of a month"),
    ("2024-05-01", 3, 0, False, "2024-07-31", "three months"),
    ("2023-04-01", 6, 0, False, "2023-09-30", "half a year"),
    ("2024-03-01", 0, 7, False, "2024-03-07", "a week of days"),
    ("2024-03-01", 24, 0, True, None, "about two years: no day reckoned"),
]


@pytest.mark.parametrize("start,months,days,approx,end,why", END_ROWS, ids=[r[5] for r in END_ROWS])
def test_end_row(start, months, days, approx, end, why):
    from kb.parser.deadlines import Duration, duration_end

    assert duration_end(start, Duration("", months, days, approx)) == end, why
