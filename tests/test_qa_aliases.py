"""Every spelling of every department (registry aliases, names with and without 市) in
many phrasings gives that department's list for the role asked — the same list as
``Plan.tasks_of`` (the parsed tags), so phrasing and alias handling never change an answer."""

from __future__ import annotations

import pytest

TEMPLATES = [
    ("{d}牵头哪些任务", "lead"),
    ("{d}配合什么工作", "support"),
    ("请问{d}负责牵头的工作有哪些？", "lead"),
    ("{d}参与了几项任务", "any"),  # 参与/参加: any role
    ("{d}参加哪些工作", "any"),
    ("{d}有哪些职责", "any"),
    ("我想知道{d}协助哪些工作", "support"),
    ("{d}主要负责哪些任务?", "lead"),
    ("{d}牵头的任务有多少项", "lead"),
    ("{d}涉及哪些任务", "any"),
    ("{d}作为配合单位的任务", "support"),
    ("{d}在哪些任务中是牵头单位", "lead"),
    ("{d}负责牵头的具体工作", "lead"),
    ("请列出{d}的全部任务", "any"),
    ("{d}需要配合开展哪些工作", "support"),
    ("{d}在方案中的职责是什么", "any"),
]


def _spellings():
    from kb.registry import known_names
    from kb.store import load_plan

    plan = load_plan()
    return sorted((s, c) for s, c in known_names(plan).items() if c not in ("各区县政府", "高新区管委会"))


@pytest.mark.parametrize("spelling,canonical", _spellings())
def test_every_spelling_in_every_phrasing(plan, spelling, canonical):
    from kb.qa import Session

    for template, role in TEMPLATES:
        question = template.format(d=spelling)
        answer = Session(plan=plan, strict=True).ask(question)
        assert answer.departments == [canonical], question
        assert sorted(t.id for t in answer.tasks) == sorted(t.id for t in plan.tasks_of(canonical, role)), question
