"""Sweeps over the whole plan: every task can be found by its title or a phrase of it, every
deadline by its task, every target by its metric (and scope) — the answer names that task
and states the value.  The reference is the parsed plan itself; the question set
(test_qa_questions.py) holds the hand-counted expectations."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def index(plan):
    from kb.qa import Session

    session = Session(plan=plan)
    yield session.ensure_index()
    session.close()


def _ask(plan, index, question):
    from kb.qa import Session

    session = Session(plan=plan, strict=True)
    session._index = index  # one open index for the whole sweep
    return session.ask(question)


def test_every_title_answers_who(plan, index):
    tasks = [t for t in plan.tasks if t.kind == "task" and t.title]
    assert tasks
    for t in tasks:
        for template in ("{x}由谁负责", "{x}的牵头单位是谁", "{x}归哪个部门管", "谁负责{x}"):
            answer = _ask(plan, index, template.format(x=t.title))
            assert answer.intent == "topic_who" and t.id in [x.id for x in answer.tasks], (template, t.label)


def test_phrases_of_untitled_tasks_answer_who(plan, index):
    for t in plan.tasks:
        if t.kind != "task" or t.title:
            continue
        for phrase in [p for p in re.split(r"[，。；、]", t.body) if 4 <= len(p) <= 16][:3]:
            answer = _ask(plan, index, f"{phrase}由谁负责")
            assert t.id in [x.id for x in answer.tasks], (phrase, t.label)


def test_every_deadline_by_its_task(plan, index):
    tasks = [t for t in plan.tasks if t.kind == "task" and t.deadlines]
    assert tasks, "the parser reads the plan's deadlines (a sweep over none would pass)"
    for t in tasks:
        head = t.title or re.split(r"[，。；]", t.body)[0]
        for template in ("{x}什么时候完成", "{x}的时限是什么", "{x}要在哪年完成"):
            answer = _ask(plan, index, template.format(x=head))
            assert answer.intent == "topic_deadline" and [x.id for x in answer.tasks] == [t.id], (template, t.label)
            assert t.deadlines[0].text in answer.text


def test_every_target_by_its_metric(plan, index):
    pairs = [(t, tg) for t in plan.tasks for tg in t.targets]
    assert pairs, "the parser reads the plan's targets (a sweep over none would pass)"
    for t, tg in pairs:
        questions = [f"{tg.metric}是多少", f"{tg.metric}的目标"]
        if tg.scope:
            questions.append(f"{tg.scope.split('、')[0]}的{tg.metric}要达到多少")
        for q in questions:
            answer = _ask(plan, index, q)
            assert answer.intent == "target" and t.id in [x.id for x in answer.tasks], q
            assert f"{tg.value:g}{tg.unit}" in answer.text.split("原文")[0], q
