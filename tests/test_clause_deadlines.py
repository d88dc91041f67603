"""A deadline belongs to the clause holding it (session 11, structure; holdout10 fx04/fx05).

One sentence with two actions and two limits (`A于X前完成…，B于Y前报送…`, `每月15日前报送进展情况，2024年3月底前报送工作总结`)
gave both limits to each action.  ``kb.parser.deadlines.deadline_spans`` cuts a sentence at its commas and gives each
deadline the comma-clause holding it and the undated ones after it (those before the first dated one go to it); a
when-question is answered by the deadlines whose own span holds the words asked.

Expected values written by hand before the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.model import Task
from kb.parser.deadlines import apply_deadlines, deadline_spans
from kb.qa import Session

#: (sentence, {deadline text: its span}, why)
SPANS = [
    ("市交通局于2024年6月底前完成停车泊位普查，市财政局于2024年12月底前拨付补助资金。",
     {"2024年6月底前": "市交通局于2024年6月底前完成停车泊位普查", "2024年12月底前": "市财政局于2024年12月底前拨付补助资金。"},
     "two actions, two limits: each its own comma-clause"),
    ("各单位明确1名联系人，每月15日前报送整治进展情况，2024年3月底前报送专项整治工作总结，报至区管理中心。",
     {"每月15日前": "各单位明确1名联系人，每月15日前报送整治进展情况",
      "2024年3月底前": "2024年3月底前报送专项整治工作总结，报至区管理中心。"},
     "an undated clause before the first date goes to it; one after a date stays with that date"),
    ("2024年底前，完成首批改造，启动第二批改造。",
     {"2024年底前": "2024年底前，完成首批改造，启动第二批改造。"}, "one limit: the whole sentence"),
]


@pytest.mark.parametrize("sentence,expected,why", SPANS, ids=[s[2] for s in SPANS])
def test_deadline_spans(sentence, expected, why):
    task = Task(id="t", doc="t", label="1", part="", part_title="", section=None, section_title=None, kind="paragraph",
                title=None, text=sentence, clauses=[sentence])
    apply_deadlines(task)  # (dated, recurring, relative: every kind the parser reads)
    dls = task.deadlines
    spans = deadline_spans(sentence, dls)
    assert {d.text: spans[i] for i, d in enumerate(dls)} == expected, why


PLAN = "\n".join([
    "关于规范停车秩序的工作方案", "",
    "一、主要任务", "",
    "（一）开展普查。市交通局于2024年6月底前完成停车泊位普查，市财政局于2024年12月底前拨付补助资金。", "",
    "（二）加强报送。各区明确1名联系人，每月10日前报送工作进展情况，2025年1月底前报送年度工作总结。", "",
]) + "\n"

FX = Path(__file__).parent / "fixtures" / "holdout10" / "fx_yanglao_ranqi_2023.txt"

#: (plan, question, words the answer holds, words it must not hold, why)
ASKS = [
    ("own", "补助资金什么时候拨付", ["2024年12月底前"], ["2024年6月"], "拨付补助资金 is the second clause's"),
    ("own", "停车泊位普查什么时候完成", ["2024年6月底前"], ["2024年12月"], "普查 is the first clause's"),
    ("own", "年度工作总结什么时候报送", ["2025年1月底前"], ["每月10日"], "工作总结 after the second date"),
    ("own", "工作进展情况什么时候报送", ["每月10日前"], ["2025年1月"], "进展情况 with the monthly limit"),
    ("fx", "专项整治工作总结什么时候报送", ["2024年3月底前"], ["每月15日"], "fx04 (holdout10)"),
    ("fx", "整治进展情况什么时候报送", ["每月15日前"], ["2024年3月"], "fx05's clause (holdout10), asked as a when"),
]


@pytest.fixture(scope="module")
def plans():
    own = Plan(*(lambda d, t: ([d], t))(*parse_document(PLAN, "tc", "tc.txt")))
    fx = Plan(*(lambda d, t: ([d], t))(*parse_document(FX.read_text(encoding="utf-8"), "fx", "fx.txt")))
    return {"own": own, "fx": fx}


@pytest.mark.parametrize("which,question,holds,lacks,why", ASKS, ids=[a[1] for a in ASKS])
def test_when_answers_the_clause_asked(plans, which, question, holds, lacks, why):
    text = Session(plan=plans[which]).ask(question).text
    first = text.split("\n", 1)[0]
    for w in holds:
        assert w in first, f"{why} | kb: {text}"
    for w in lacks:
        assert w not in first, f"{why} | kb: {text}"
