"""An item whose text writes who is responsible in a way kb did not read (a label kb does not know — 牵头督办单位：,
主抓部门：, 责任单位:见附表 — or a role word in a form no rule reads: 牵头负责：X、Y) is never said to name no unit: the
answers say kb did not read its units and quote the mark (请以原文为准) — "方案未写明责任单位" / "该条没有写明牵头、配合或责任单位"
/ "未写明它的职责" stay for items that write no such mark (routed from holdout15 to lookup2, cause 2).

Mechanism: kb.qa.wording.unit_mark (a label …单位：/…部门：/…主体： or 牵头/负责 in the item's text; words in answers.yaml)
and units_unsaid, used by every answer that lists an item's units.  The plan is written for these tests; expected words
written by hand before the code."""

from __future__ import annotations

import pytest

from kb.cli import main

PLAN = "\n".join([
    "某市统计工作方案", "", "一、主要任务", "", "（一）完善统计制度", "",
    "1.建立统计数据质量控制制度，规范数据采集。（6月底完成，牵头督办单位：市统计局）", "",
    "2.推进统计执法检查常态化。（年底前完成；主抓部门：市统计局）", "",
    "3.开展统计普法宣传活动。（责任单位:见附表）", "",
    "4.加强统计人员业务培训。（牵头负责：市统计局、市人力资源社会保障局）", "",
    "5.加强统计宣传教育工作。", "",
    "6.开展统计调查项目清理。（由市统计局牵头，各有关部门配合）", ""]) + "\n"

#: (question, words the answer holds, words it must not hold, why)
ROWS = [
    ("建立统计数据质量控制制度由谁负责", ["kb 没有读出", "牵头督办单位：", "请以原文为准"], ["方案没有写明"],
     "a label kb does not know: not read, never 'the plan does not say'"),
    ("推进统计执法检查常态化由谁负责", ["kb 没有读出", "主抓部门："], ["方案没有写明"], "another unknown label"),
    ("开展统计普法宣传活动由谁负责", ["kb 没有读出", "责任单位:"], ["方案没有写明"],
     "a known label pointing elsewhere (见附表): the plan says where, kb does not"),
    ("加强统计宣传教育工作由谁负责", ["方案没有写明", "该条没有写明牵头、配合或责任单位"], ["kb 没有读出"],
     "no mark at all: the plan names no unit (control)"),
    ("开展统计调查项目清理由谁负责", ["市统计局"], ["kb 没有读出", "方案没有写明"], "units read (control)"),
    ("一（一）1的责任单位是什么", ["kb 没有读出责任单位", "牵头督办单位："], ["方案未写明责任单位"],
     "the item's unit line"),
    ("一（一）5的责任单位是什么", ["方案未写明责任单位"], ["kb 没有读出"], "the item's unit line, no mark (control)"),
    ("统计执法检查的时限", ["年底前", "kb 没有读出责任单位"], ["方案未写明责任单位"], "the source line of a deadline answer"),
    ("市人力资源社会保障局负责哪些任务", ["kb 没有读出它在这些条目中的职责"], ["未写明它的职责"],
     "a unit written inside the unread mark: its items' title says kb did not read its role"),
]


@pytest.mark.parametrize(("question", "held", "absent", "why"), ROWS, ids=[r[0] for r in ROWS])
def test_an_unread_mark_is_said_so(tmp_path, capsys, question, held, absent, why):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert main(["--corpus", str(tmp_path), "ask", question]) == 0
    out, _ = capsys.readouterr()
    for word in held:
        assert word in out, (why, word, out)
    for word in absent:
        assert word not in out, (why, word, out)


#: (item text, the mark said, why) — kb.qa.wording.unit_mark
MARKS = [
    ("1.建立制度。（6月底完成，牵头督办单位：市统计局）", "牵头督办单位：", "a label's whole name"),
    ("2.推进执法。（主抓部门：市统计局）", "主抓部门：", "a label of no role word"),
    ("3.开展培训。（牵头负责：市统计局）", "牵头", "a role word in a form no rule reads"),
    ("4.开展培训。（各有关单位负责）", "负责", "a role word in a bracket, a tag's place"),
    ("7.各区建立技师区域负责制，负责养护技术把关。", None,
     "负责 in a prose sentence (people's duties, a1 白玉兰 三（四）): the plan names no unit — test_qa_precise"),
    ("5.加强宣传教育工作。", None, "no mark"),
    ("6.完善考核，考核结果作为评价依据。", None, "no mark: 考核 alone is no responsibility"),
]


@pytest.mark.parametrize(("text", "mark", "why"), MARKS, ids=[r[0][:6] for r in MARKS])
def test_unit_mark(text, mark, why):
    from kb.qa.wording import unit_mark

    assert unit_mark(text) == mark, why
