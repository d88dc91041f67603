"""How often and how long a plan says something is done are time requirements to say (session 11, structure; holdout10
gz27, lt09, ch3.3): `每季度至少主动联系1次`, `建设周期一般为3至5年` were answered `方案没有规定…的完成时限` /
`没有写明…的长度` — honest-looking but false.  ``kb.qa.exec_topics.stated_times`` finds, in the clauses about the words
asked, a frequency (an every-word of shapes.yaml ``time_every`` … N次) or a span (N年, N至M年, N个月, N个工作日: shapes.yaml
``time_span_units``); a when- or how-long question with no due date answers it, said as the plan's words.

Expected values written by hand before the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session
from kb.store import parse_in_memory

OWN = "\n".join([
    "关于加强社区安全管理的工作方案", "",
    "一、主要任务", "",
    "（一）开展安全巡查。街道每月至少组织1次安全巡查，发现隐患及时整改。（各街道负责）", "",
    "（二）推进试点建设。试点项目建设周期一般为2至3年，原则上不超过3年。（区住建局牵头）", "",
    "（三）加强宣传。组织开展安全宣传活动，编制三年滚动宣传计划。（区应急局牵头）", "",
]) + "\n"

H10 = Path(__file__).parent / "fixtures" / "holdout10"


@pytest.fixture(scope="module")
def plans():
    doc, tasks = parse_document(OWN, "sq", "sq.txt")
    return {"own": Plan([doc], tasks),
            "gz": parse_in_memory([H10 / "gz_jiatingyisheng_2023.article.html"]),
            "lt": parse_in_memory([H10 / "sh_lingtan_yuanqu_2026.txt"])}


#: (plan, question, words the answer holds, why)
ROWS = [
    ("own", "安全巡查多久组织一次", "每月至少组织1次", "a frequency: every-word … N次"),
    ("own", "试点项目建设周期多长", "2至3年", "a span asked with 周期…多长 (a time, not a length)"),
    ("gz", "家庭医生多长时间至少要主动联系一次签约居民？", "每季度至少主动联系1次", "gz27 (holdout10)"),
    ("lt", "市级零碳园区建设周期一般多长", "3至5年", "lt09 (holdout10)"),
    ("lt", "市级零碳园区建设周期多长？", "3至5年", "ch3.3 (holdout10), asked alone"),
]


@pytest.mark.parametrize("which,question,words,why", ROWS, ids=[r[1] for r in ROWS])
def test_stated_times_are_said(plans, which, question, words, why):
    answer = Session(plan=plans[which]).ask(question)
    assert words in answer.text and answer.status == "answered", f"{why} | kb: {answer.text}"


def test_no_time_stays_honest(plans):
    """Control: a task stating no time keeps the plain answer that the plan sets none — `三年滚动宣传计划` names a plan,
    not a span (a span is said after or before a word of duration: shapes.yaml time_span_before / time_span_after;
    questions_refusals.yaml r-when-gd-platform, 官渡 2016's 三年滚动投资计划, failed without them)."""
    answer = Session(plan=plans["own"]).ask("安全宣传活动什么时候开展")
    assert answer.status == "not_in_plan" and "没有规定" in answer.text, answer.text
