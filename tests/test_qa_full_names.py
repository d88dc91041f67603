"""A department's full name asked of a plan that writes its short name (holdout10 gz04, session 11: the cover notice of
广州 家庭医生 2023 writes 市人力资源社会保障局, its table 市人社局; the question 市人力资源社会保障局需要配合哪些任务 was read
as 市人力资源社会 — 保障 of 保障措施 cut the name — and answered 0 tasks).  Mechanisms: a word of the question's
vocabulary followed by a department's ending inside a name is part of the name (kb/qa/question.py scan); a usual
abbreviation (kb/data/shapes.yaml ``name_pieces``: 人社 = 人力资源社会保障) is matched both ways.

The plan below is our own (units as the 广州 plan writes them); every expected list was read off it by hand."""

from __future__ import annotations

from functools import cache

import pytest

PLAN = """某市推进家庭医生签约服务实施方案
一、重点任务
1.优化签约服务团队。推动二级以上医院医师参与签约服务。（市卫生健康委牵头，市人社局、市医保局配合）
2.拓宽家庭医生职业上升通道。落实职称评审改革。（市人社局牵头，市卫生健康委配合）
3.发挥基本医保支持作用。完善医保支付方式。（市医保局牵头，市卫生健康委、市财政局配合）
二、保障措施
（一）加强组织领导。各区要把签约服务摆上重要日程。
"""


@cache
def _plan(tmp: str):
    from pathlib import Path

    from kb.store import load_plan

    path = Path(tmp) / "jiatingyisheng.txt"
    path.write_text(PLAN, encoding="utf-8")
    return load_plan(str(path))


# (question, departments, task labels, why)
CASES = [
    ("市人力资源社会保障局配合哪些任务", ["市人社局"], ["一1"], "the full name of the plan's 市人社局 (保障 is inside the name)"),
    ("市人力资源和社会保障局牵头哪些任务", ["市人社局"], ["一2"], "the full name with 和"),
    ("人力资源社会保障局配合哪些任务", ["市人社局"], ["一1"], "the full name without the level"),
    ("市医疗保障局牵头哪些任务", ["市医保局"], ["一3"], "医疗保障 = 医保"),
    ("市卫生健康委员会牵头哪些任务", ["市卫生健康委"], ["一1"], "control: a full name already matched"),
    ("市人社局配合哪些任务", ["市人社局"], ["一1"], "control: the plan's own name"),
    ("区人力资源社会保障局配合哪些任务", [], [], "another level's body is not the plan's 市人社局"),
]


@pytest.mark.parametrize(("question", "departments", "labels", "why"), CASES, ids=[c[3] for c in CASES])
def test_full_name_asked_of_a_short_name(tmp_path_factory, question, departments, labels, why):
    from kb.qa import Session

    plan = _plan(str(tmp_path_factory.getbasetemp()))
    answer = Session(plan=plan, strict=True).ask(question)
    assert answer.departments == departments, why
    assert [t.label for t in answer.tasks] == labels, why


def test_the_measures_part_is_still_asked_by_its_word(tmp_path_factory):
    from kb.qa import Session

    plan = _plan(str(tmp_path_factory.getbasetemp()))
    answer = Session(plan=plan, strict=True).ask("保障措施有哪些")
    assert [t.label for t in answer.tasks] == ["二（一）"], "保障 before no department ending still names the part"
