"""Where a unit sits (its office, its address) is no part of a plan: kb says the plan does not say, as it does of a
person or a telephone number (shapes.yaml ``person``) — holdout14 o23 (`…在哪里办公`) listed the bureau's 24 tasks.
A where-question about the plan's own work stays a question of the plan.  Expectations written before the change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plan_sessions import first_question_asker

ROOT = Path(__file__).resolve().parent.parent

COUNTY = "\n".join([
    "某县农村人居环境整治实施方案", "", "一、重点任务", "",
    "（一）推进厕所改造。2024年底前完成农户厕所改造500户。（县农业农村局牵头，各乡镇配合）", "",
    "（二）治理生活污水。在县城东区建设污水处理站1座。（县住房城乡建设局负责）", "",
]) + "\n"

# (corpus, question, status, words the answer holds, why)
ROWS = [
    (None, "市生态环境局在哪里办公", "not_in_plan", [], "a unit's office: not in any plan"),
    (None, "市交通运输局的办公地址是什么", "not_in_plan", [], "its address"),
    ("county", "县农业农村局办公地点在哪", "not_in_plan", [], "a county bureau's office"),
    ("county", "县住房城乡建设局在哪儿办公", "not_in_plan", [], "在哪儿办公"),
    ("county", "污水处理站建在哪里", None, ["县城东区"], "a where-question of the plan's own work is answered"),
    (None, "市交通运输局牵头哪些任务", "answered", ["共 8 项"], "the unit's duties, asked plainly"),
    ("county", "县住房城乡建设局在哪些任务中负责", "answered", ["共 1 项"], "在哪些任务 is no place asked (no 办公室在哪 word)"),
]


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("address"), {"county": COUNTY}, lambda name: None)


@pytest.mark.parametrize(("corpus", "question", "status", "held", "why"), ROWS, ids=[r[1] for r in ROWS])
def test_where_a_unit_sits_is_not_in_the_plan(ask, corpus, question, status, held, why):
    a = ask(corpus or "bundled", question)
    if status:
        assert a.status == status, (why, a.status, a.text)
    assert all(w in a.text for w in held), (why, a.text)
    if status == "not_in_plan":
        assert not a.tasks, (why, a.text)
