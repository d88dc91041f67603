"""A time limit inside a responsibility tag without a year (tagsblind7 cause 4: 湘西 2020 `(牵头单位:…;责任单位:…,6月底完成)`)
is the task's deadline, read by the same finders as the body's `6月底前` (kb.parser.deadlines: no dates of its own — the
plan's year is taken where the body's is); and a period that is the CONDITION of a benefit (tagsblind7 cause 5: 西安 2018
`自签约之日起两年内完成全部投资的，按…给予补助`) is no deadline.

Each row: a tagged item (or a body sentence) → the task's deadline texts and roles → why.  Written before the code
(session 12, prose3); awkward rows: a month that is no limit, a count of units, a recurring report, a duty with the
same period (no condition)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

TAG_ROWS = [
    ("(牵头单位:州行政审批服务局;责任单位:州司法局,6月底完成)", ["6月底"],
     {"lead": ["州行政审批服务局"], "support": ["州司法局"]}, "a yearless month + 完成 in a labelled tag: the deadline"),
    ("（牵头单位：市民政局；责任单位：市财政局，9月底前完成）", ["9月底前"],
     {"lead": ["市民政局"], "support": ["市财政局"]}, "…月底前完成"),
    ("（市交通局牵头，市财政局配合，10月底前）", ["10月底前"], {"lead": ["市交通局"], "support": ["市财政局"]},
     "a verb tag with a bare limit"),
    ("（牵头单位：市民政局；责任单位：市财政局，2021年6月底前完成）", ["2021年6月底前"],
     {"lead": ["市民政局"], "support": ["市财政局"]}, "with a year (read before too)"),
    ("（牵头单位：市民政局，年底前完成）", ["年底前"], {"lead": ["市民政局"]}, "the year's end without a year"),
    ("（牵头单位：市商务局；责任单位：各区政府，每年6月底前报送）", ["每年6月底前"],
     {"lead": ["市商务局"], "support": ["各区政府"]}, "a recurring limit"),
    ("（牵头单位：市商务局，详见3月印发的实施细则）", [], {"lead": ["市商务局"]},
     "a month that is no limit (no 底/末/前): a note, no deadline"),
    ("（牵头单位：市商务局，配合单位：市财政局等6个部门）", [], {"lead": ["市商务局"], "support": ["市财政局"]},
     "a count of units is no time"),
]

BODY_ROWS = [
    ("对新引进的重点项目，自签约之日起两年内完成全部投资的，按实际投资额的5%给予补助。", [],
     "a period that is the condition of a benefit (…的，按…给予) sets no limit on the plan's work"),
    ("在本方案印发之日起30日内完成备案的，给予一次性奖励。", [], "a condition again (…内…的，给予)"),
    ("项目单位要自签约之日起两年内完成全部投资。", ["签约之日起两年内"], "the same period as a duty: a deadline"),
    ("各区要在3年内完成老旧小区改造。", ["3年内"], "a plain period"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("tag", "times", "roles", "why"), TAG_ROWS, ids=[r[0][:16] for r in TAG_ROWS])
def test_tag_time_limit(tag, times, roles, why):
    text = f"某方案\n一、主要任务\n1.做好审批事项承接工作。{tag}\n2.加强监督管理工作。（牵头单位：市监察局）\n"
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if t.text.startswith("1.")]
    assert [d.text for d in task.deadlines] == times, why
    assert _roles(task) == roles, why


@pytest.mark.parametrize(("sentence", "times", "why"), BODY_ROWS, ids=[r[0][:16] for r in BODY_ROWS])
def test_conditional_period(sentence, times, why):
    _, tasks = parse_document(f"某方案\n一、主要任务\n（一）做好工作。{sentence}\n", "p")
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    assert [d.text for d in task.deadlines] == times, why
