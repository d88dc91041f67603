"""最早 / 最晚 questions (issue #11, session 12; blind holdout12 wf16, o27 and the lead's own rows): the aggregate word
is never a topic word; with a topic, the topic's limits answer (not the plan's latest task: a confident answer to
another question); without one, the plan's earliest/latest tasks — and when no task naming a unit has a limit, the
paragraphs that state one, shown apart (方案的任务没有规定时限 alone hid them: the plan seemed to set no limit).

Rows: (plan, question, status, words the answer must hold, words it must not hold, why) — written before kb ran.
"""

from __future__ import annotations

import pytest

from plan_sessions import first_question_asker

#: Dated requirements in paragraphs naming no unit (a 街镇 rectification plan's phases), one tagged item without a date.
PHASES = """2026年某区违法建筑整治实施方案

一、工作目标
全区完成违法建筑整治任务300万平方米。

二、主要任务
（一）分类处置
1.各街镇对存量违法建筑逐一建档，原则上需在2026年年底前完成整治；体量特别大的，可延至2027年底前。
2.各街镇每月10日前报送上月整治进展。

三、时间安排
2026年3月底前完成20%年度任务量，6月底前完成60%年度任务量。

四、保障措施
（一）加强督办。区城管执法局牵头开展通报和考核。（牵头单位：区城管执法局）
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("extreme"), {"phases": PHASES}, lambda corpus: None)


ROWS = [
    ("phases", "违法建筑体量特别大的，最晚什么时候整治完？", "answered", ["2027年底前"], ["2026年3月底前"],
     "a topic with 最晚: the limits of the paragraph about it (二（一）1), not the plan's extreme"),
    ("phases", "存量违法建筑最晚什么时候完成整治", "answered", ["2027年底前"], [],
     "最晚 of a topic whose paragraph sets 2026年年底前 and, for the largest, 2027年底前: the latest (holdout12 wf16)"),
    ("phases", "存量违法建筑什么时候完成整治", "answered", ["2026年年底前"], [],
     "control: without 最晚 the clause fitting the words best"),
    ("phases", "最晚的截止时间是哪天", "not_in_plan", ["写明责任单位的任务没有规定时限", "段落", "2027年底前"], [],
     "no task naming a unit has a limit; the paragraphs that state one are shown apart (the latest), not as tasks"),
    ("phases", "最早要完成的是什么", "not_in_plan", ["2026年3月底前"], ["2027年底前"],
     "the earliest limit of the paragraphs (每月10日前 recurs and has no single end)"),
    (None, "重污染天气应急预案最晚什么时候修订完成", None, ["重污染天气"], ["时限最晚的任务共"],
     "bundled plan: a topic with 最晚 asks that topic's time — listing the plan's 10 latest tasks answered another question"),
    (None, "火星基地最晚什么时候建成", "not_in_plan", ["火星基地"], ["时限最晚的任务共"],
     "bundled plan: a topic the plan does not hold — the plan's 10 latest tasks answered it before (confident wrong)"),
    (None, "时间最紧、最早要交差的是哪几项", "answered", ["时限最早的任务共 2 项"], [],
     "最紧 is an earliest word, 交差 a filler (shapes extreme_fillers): no topic is left, the plan's earliest"),
    (None, "最晚的任务什么时候完成", "answered", ["时限最晚的任务共 10 项", "2020年年底前"], [],
     "bundled plan, no topic: the plan's latest tasks (10 due by the end of 2020, counted in the plan)"),
    (None, "截至2020年底要完成哪些任务", "answered", ["共 12 项"], ["没有在2020年12月31日到期"],
     "cumulative (截至) lists all 12 due by the day, and never says no item is due on it — 10 are (review-qa P6)"),
    (None, "PM2.5和PM10分别下降多少", None, ["PM2.5：", "27.9%", "没有写明：PM10"], ["PM10：二", "pm10", "pm2.5"],
     "分别 over a plan that writes no PM10: PM2.5's target for PM2.5, PM10 not stated (it was given PM2.5's; review-qa P5);"
     " the items named as asked, not folded"),
    (None, "时限最早的任务有哪些", "answered", ["时限最早的任务共 2 项", "三（三）8", "三（三）15"], [],
     "bundled plan: the two tasks due within 2019"),
]


@pytest.mark.parametrize("corpus,question,status,held,absent,why", ROWS)
def test_extreme_deadline_questions(ask, corpus, question, status, held, absent, why):
    a = ask(corpus, question)
    if status:
        assert a.status == status, (why, a.text)
    for word in held:
        assert word in a.text, (why, a.text)
    said = "\n".join(line for line in a.text.splitlines() if not line.startswith("原文"))
    for word in absent:
        assert word not in said, (why, a.text)
