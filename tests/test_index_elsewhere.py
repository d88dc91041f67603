"""Session.index_elsewhere: while another process builds the index, only questions that need it wait.

The TUI builds a missing index in a child process (minutes at 1,000 plans); meanwhile
``ensure_index`` raises IndexNotReady instead of building a second one in the app, and
the question is asked again once the index is open — with the conversation as it was.
"""

from __future__ import annotations

import pytest

from test_qa_questions import LEAD_JT, SUPPORT_GA, SUPPORT_JT

from kb.qa import Session
from kb.qa.session import IndexNotReady

#: Tasks of 三、重点任务 whose paragraph says VOCs or 挥发性有机物, found by hand (grep over the bundled plan,
#: lines 16–19, 22, 24, 28 of 三（一） and 76 of 三（六）).
VOCS = "三（一）8 三（一）9 三（一）10 三（一）11 三（一）14 三（一）16 三（一）20 三（六）3"


@pytest.fixture(scope="module")
def waiting(plan):
    session = Session(plan=plan, strict=True)
    session.index_elsewhere = True
    return session


@pytest.mark.parametrize(
    "question, needs_index, labels, said, why",
    [
        ("交通局牵头哪些任务", False, LEAD_JT, "共 8 项", "a department's duties come from the roles"),
        ("市公安局配合哪些任务", False, SUPPORT_GA, "共 13 项", "the same, another role"),
        ("三（三）9是什么", False, "三（三）9", "加大新能源车船推广", "a label is a lookup"),
        ("方案有几个部分", False, "", "4 个部分", "the plan's structure: 总体要求, 工作目标, 重点任务, 保障措施"),
        ("秸秆禁烧由谁负责", False, "三（五）3", "市农业农村局", "a term the plan's headings and terms hold (kb.qa.plan_terms)"),
        ("哪些任务涉及VOCs", False, VOCS, "共 8 项", "the same, listed"),
        ("国六标准什么时候实施", True, None, None, "a topic beyond the learned terms is found through the index"),
        ("如何推进清洁取暖", True, None, None, "the same, a how-question"),
        ("天气怎么样", True, None, None, "not understood: its 相关条目 come from the index"),
    ],
)
def test_only_questions_that_search_wait(waiting, question, needs_index, labels, said, why):
    """Expected labels and words written by hand from the bundled plan (tests/test_qa_questions.py's lists)."""
    if needs_index:
        with pytest.raises(IndexNotReady):
            waiting.ask(question)
    else:
        answer = waiting.ask(question)
        assert answer.status == "answered", why
        assert [t.label for t in answer.tasks] == labels.split(), why
        assert said in answer.text, why


def test_a_question_that_waits_leaves_the_conversation_as_it_was(plan):
    session = Session(plan=plan)
    session.index_elsewhere = True
    session.ask("交通局牵头哪些任务")
    with pytest.raises(IndexNotReady):  # not answered by the generic fallback either
        session.ask("国六标准什么时候实施")
    follow = session.ask("配合的呢")  # still 交通局's: the topic question left no trace
    assert [t.label for t in follow.tasks] == SUPPORT_JT.split()  # by hand, not from kb
    session.index_elsewhere = False  # the index is open now: the question is asked again
    again = session.ask("国六标准什么时候实施")
    # by hand: the plan's line 42 (三（三）4) 自2019年7月1日起，提前实施国六排放标准
    assert again.status == "answered" and [t.label for t in again.tasks] == ["三（三）4"] and "2019年7月1日" in again.text
