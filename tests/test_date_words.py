"""One date test, chosen by the question's words (session 11, structure; holdout10 fx10, mp03, mp04).

Decision: a date named with 前 / 底前 / 之前 / 以前 (`2024年3月底前要完成什么`) asks the items due on that day when the
plan writes it as a limit (session 12: some item is due on it; earlier items are named in a note), else what is due by
that day (≤, earlier ones included, said so); 截至 / 截止 / 累计 ask ≤ always (as `kb grep --due-before`); a year or a month named alone (`2024年要完成什么`,
`2024年3月要完成什么`, `哪些任务2024年3月到期`) asks what falls due in it (= that period).  The items asked from are
``kb.select.dated_items``: the tasks proper, or in a document whose tasks state no time, its dated paragraphs — so a date
the text writes is never answered `方案的任务都没有规定完成时限`.

Plans written for these tests; expected labels written by hand before the code."""

from __future__ import annotations

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

TAGGED = "\n".join([
    "关于推进某项工作的实施方案", "",
    "一、主要任务", "",
    "1.开展摸底排查。2023年9月底前完成全面排查。（市住建局牵头）", "",
    "2.完成集中整治。2024年3月底前完成集中整治。（市住建局牵头，市财政局配合）", "",
    "3.开展回头看。2024年6月前开展回头看。（市应急局牵头）", "",
    "4.建立长效机制。2024年底前建立长效管理制度。（市住建局牵头）", "",
]) + "\n"

UNTAGGED = "\n".join([
    "某区燃气安全整治工作方案", "",
    "总体要求", "", "全面排查燃气安全风险隐患。", "",
    "工作安排", "",
    "（一）排查阶段。2023年9月底前，全面排查风险隐患。", "",
    "（二）整治阶段。2024年3月底前，全面完成专项整治。", "",
    "工作要求", "", "（一）加强领导。各单位要高度重视。", "",
]) + "\n"

UNDATED = "\n".join([
    "某区燃气安全整治工作方案", "", "一、主要任务", "", "（一）全面排查。排查燃气风险隐患。", "",
]) + "\n"


def _plan(text):
    doc, tasks = parse_document(text, "p", "p.txt")
    return Plan([doc], tasks)


#: (plan, question, labels expected, why)
ROWS = [
    (TAGGED, "2024年3月底前要完成什么", ["一2"],
     "底前 of a limit the plan writes (一2 2024年3月底前): the items due on it; 一1 (2023年9月底前) in the note (session 12)"),
    (TAGGED, "截至2024年3月底要完成什么", ["一1", "一2"], "截至: everything due by 2024-03-31, the 2023 item too (≤)"),
    (TAGGED, "2024年5月底前要完成什么", ["一1", "一2"], "底前 of a day no item is due on: ≤ 2024-05-31, said so"),
    (TAGGED, "2024年3月要完成什么", ["一2"], "a month alone: due in March 2024 (=)"),
    (TAGGED, "哪些任务2024年3月到期", ["一2"], "a month alone with 到期: due in it"),
    (TAGGED, "2024年要完成哪些任务", ["一2", "一3", "一4"], "a year alone: due in 2024"),
    (TAGGED, "2024年6月底前要完成哪些任务", ["一3"], "底前 of June, a limit the plan writes (一3 2024年6月前): 一3 alone"),
    (UNTAGGED, "2023年9月底前要完成什么工作", ["二（一）"], "no task names a unit: the dated paragraphs answer"),
    (UNTAGGED, "2024年3月要完成什么", ["二（二）"], "a month alone, on the dated paragraphs"),
]


@pytest.mark.parametrize("text,question,labels,why", ROWS, ids=[f"{r[1]}|{r[3][:20]}" for r in ROWS])
def test_date_questions(text, question, labels, why):
    answer = Session(plan=_plan(text)).ask(question)
    assert [t.label for t in answer.tasks] == labels, f"{why} | kb: {answer.text}"


def test_no_date_anywhere_is_said():
    answer = Session(plan=_plan(UNDATED)).ask("哪些任务有时限要求")
    assert answer.status == "not_in_plan" and "没有规定完成时限" in answer.text, answer.text


def test_untagged_dated_plan_is_not_said_undated():
    answer = Session(plan=_plan(UNTAGGED)).ask("哪些任务有时限要求")
    assert "没有规定完成时限" not in answer.text and [t.label for t in answer.tasks] == ["二（一）", "二（二）"], answer.text
