"""Session.index_elsewhere: while another process builds the index, only questions that need it wait.

The TUI builds a missing index in a child process (minutes at 1,000 plans); meanwhile
``ensure_index`` raises IndexNotReady instead of building a second one in the app, and
the question is asked again once the index is open — with the conversation as it was.
"""

from __future__ import annotations

import pytest

from kb.qa import Session
from kb.qa.session import IndexNotReady


@pytest.fixture(scope="module")
def waiting(plan):
    session = Session(plan=plan, strict=True)
    session.index_elsewhere = True
    return session


@pytest.mark.parametrize(
    "question, needs_index, why",
    [
        ("交通局牵头哪些任务", False, "a department's duties come from the roles"),
        ("市公安局配合哪些任务", False, "the same, another role"),
        ("三（三）9是什么", False, "a label is a lookup"),
        ("方案有几个部分", False, "the plan's structure"),
        ("秸秆禁烧由谁负责", False, "a term the plan's headings and terms hold (kb.qa.plan_terms)"),
        ("哪些任务涉及VOCs", False, "the same, listed"),
        ("国六标准什么时候实施", True, "a topic beyond the learned terms is found through the index"),
        ("如何推进清洁取暖", True, "the same, a how-question"),
        ("天气怎么样", True, "not understood: its 相关条目 come from the index"),
    ],
)
def test_only_questions_that_search_wait(waiting, question, needs_index, why):
    if needs_index:
        with pytest.raises(IndexNotReady):
            waiting.ask(question)
    else:
        assert waiting.ask(question).status == "answered", why


def test_a_question_that_waits_leaves_the_conversation_as_it_was(plan):
    session = Session(plan=plan)
    session.index_elsewhere = True
    session.ask("交通局牵头哪些任务")
    with pytest.raises(IndexNotReady):  # not answered by the generic fallback either
        session.ask("国六标准什么时候实施")
    follow = session.ask("配合的呢")  # still 交通局's: the topic question left no trace
    assert [t.id for t in follow.tasks] == [t.id for t in plan.tasks_of("市交通运输局", "support")]
    session.index_elsewhere = False  # the index is open now: the question is asked again
    assert session.ask("国六标准什么时候实施").status == "answered"
