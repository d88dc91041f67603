"""共同负责 typed back by users (issue #11, session 9): kb's own name of the shared role (duty lists, answers, exports,
the TUI badge 共; it was 按职责分工负责) is the shared role when the question names at most one department or is a
follow-up that keeps one; with two or more departments 共同 stays the joint word and 负责 the any-role word
(A和B共同负责哪些任务: tasks both take part in, any role).  Mechanism: kb/qa/question.py ``_shared_alone`` (words in
kb/data/intents.yaml ``shared_alone``) and ``Query.shared_word`` for a follow-up kept on several departments.

Every figure below was counted by hand from the plan files before the rule was run on them:
- bundled plan (corpus/zigong-blue-sky-plan.txt): 市住房城乡建设局 is named in 14 task tags — lead 4 (lines 26, 37, 57,
  66 of the file), 按职责分工负责 3 (lines 51, 56, 61: 三（三）13, 三（四）1, 三（四）6), support 7; 市住房城乡建设局 and
  市交通运输局 both in 7 tags (lines 24, 47, 50, 51, 56, 57, 61); both shared in 3 (51, 56, 61).
- 国发〔2018〕42号 (tests/fixtures/plans/02_nongjihua_guofa2018-42.txt, not tuned on): every tag says 列第一位者为牵头单位,
  so no unit is shared anywhere; 科技部 is in 4 tags (first in none), 科技部 and 交通运输部 together in 1.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NONGJI = ROOT / "tests/fixtures/plans/02_nongjihua_guofa2018-42.txt"


@cache
def plan_of(alias: str):
    from kb.store import load_plan

    return load_plan() if alias == "zigong" else load_plan(str(NONGJI))


# (plan, question, Query slots read (subset of Query.to_dict(); [] / "" / False must stay empty), why)
READING = [
    ("zigong", "住建局共同负责哪些任务", {"roles": ["shared"], "departments": [{"name": "市住房城乡建设局", "role": "shared"}]},
     "one department + 共同负责: kb's own name of the shared role"),
    ("zigong", "住建局共同负责的任务有几项", {"roles": ["shared"], "act": "count"}, "the same, counted"),
    ("zigong", "那共同负责的呢", {"roles": ["shared"], "shared_word": True, "refers": True},
     "a follow-up naming no department: shared, marked so that two kept departments read it jointly again"),
    ("zigong", "住建局按职责分工负责哪些任务", {"roles": ["shared"], "shared_word": False},
     "control: the plan's own words for the role, as before"),
    ("zigong", "住建局和交通局共同负责哪些任务",
     {"roles": [], "departments": [{"name": "市住房城乡建设局", "role": "any"}, {"name": "市交通运输局", "role": "any"}]},
     "control: two departments joined by 和 — 共同 the joint word, 负责 any role (tasks both take part in)"),
    ("zigong", "住建局与交通局共同负责几项任务", {"roles": [], "act": "count"}, "control: 与 joins them the same way"),
    ("zigong", "住建局和交通局共同牵头哪些任务", {"roles": ["lead"]}, "control: 共同牵头 is joint + lead, untouched"),
    ("zigong", "秸秆禁烧由哪些部门共同负责", {"roles": [], "over": "topic_who", "shared_word": False},
     "control: no department and no follow-up — a who-question of a topic keeps every role"),
    ("zigong", "住建局单独负责哪些任务", {"roles": ["sole"]}, "control: the other role word of the pair"),
    ("nongji", "科技部共同负责哪些任务", {"roles": ["shared"]}, "an unseen plan: the same reading"),
    ("nongji", "科技部和交通运输部共同负责哪些任务", {"roles": []}, "an unseen plan: two departments, joint"),
]


@pytest.mark.parametrize("alias, question, slots, why", READING, ids=[f"{r[0]}:{r[1]}" for r in READING])
def test_reading(alias, question, slots, why):
    from kb.qa import Session

    got = Session(plan=plan_of(alias), strict=True).read_query(question).to_dict()
    for slot, want in slots.items():
        assert got.get(slot, type(want)()) == want, (slot, got, why)


# (plan, conversation, intent, number of the answer's own items, labels (subset, [] = not checked), words in the
#  answer's text, words NOT in it, why)
ANSWERS = [
    ("zigong", ["住建局共同负责哪些任务"], "department_tasks", 3, ["三（三）13", "三（四）1", "三（四）6"],
     ["共同负责的任务共 3 项"], ["涉及的任务共 14 项"], "the 3 shared tasks, not all 14"),
    ("zigong", ["住建局牵头哪些任务", "那共同负责的呢"], "department_tasks", 3, ["三（三）13", "三（四）1", "三（四）6"],
     ["共同负责的任务共 3 项"], [], "the follow-up keeps 住建局 and asks the shared role"),
    ("zigong", ["住建局牵头哪些任务", "那按职责分工负责的呢"], "department_tasks", 3, [], ["共同负责的任务共 3 项"], [],
     "control: the plan's words give the same 3"),
    ("zigong", ["住建局共同负责几项任务"], "department_count", 3, [], ["3 项"], [], "counted"),
    ("zigong", ["住建局负责哪些任务"], "department_tasks", 14, [], ["共 14 项"], [], "control: 负责 alone is any role"),
    ("zigong", ["住建局和交通局共同负责哪些任务"], "joint_tasks", 7, [], ["共同涉及的任务共 7 项"], ["共同共同"],
     "two departments: tasks both take part in (any role), 7 by hand"),
    ("zigong", ["住建局和交通局共同牵头哪些任务", "那共同负责的呢"], "joint_tasks", 7, [], ["共 7 项"], ["共同共同"],
     "a follow-up kept on two departments: joint + any role again, as the whole question would be"),
    ("zigong", ["住建局和交通局共同牵头哪些任务", "那按职责分工负责的呢"], "joint_tasks", 3, [],
     ["共同负责的任务共 3 项"], ["共同共同"], "both shared (3 by hand); the head no longer says 共同共同负责"),
    ("nongji", ["科技部共同负责哪些任务"], None, 0, [], ["没有给任何部门分配“共同负责”职责"], ["共 4 项"],
     "unseen plan: every tag names its first unit the lead, no unit is shared — never 科技部's 4 tasks"),
    ("nongji", ["科技部负责哪些任务"], "department_tasks", 4, [], [], [], "control: any role, 4 by hand"),
    ("nongji", ["科技部和交通运输部共同负责哪些任务"], "joint_tasks", 1, [], [], [], "unseen plan: both take part in 1"),
]


@pytest.mark.parametrize("alias, conversation, intent, count, labels, words, absent, why", ANSWERS,
                         ids=[f"{r[0]}:{'/'.join(r[1])}" for r in ANSWERS])
def test_answers(alias, conversation, intent, count, labels, words, absent, why):
    from kb.qa import Session

    session = Session(plan=plan_of(alias), strict=True)
    for question in conversation:
        answer = session.ask(question)
    if intent is not None:
        assert answer.intent == intent, (answer.intent, answer.text, why)
    assert len(answer.tasks) == count, (answer.text, why)
    got = [t.label for t in answer.tasks]
    assert all(lab in got for lab in labels), (got, why)
    for w in words:
        assert w in answer.text, (w, answer.text, why)
    for w in absent:
        assert w not in answer.text, (w, answer.text, why)
