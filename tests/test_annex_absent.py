"""An annex asked of plans that hold none (the bundled plan has no 附件): said so, never read as something else.

Found by the lead in the TUI (80×24) at the end of session 10: after 交通局牵头哪些任务, 附件有几条 answered the 8 tasks
again (read as a bare follow-up), and asked first it answered "请输入一个关于方案的问题" — both at df4d622 too.
Expected answers written before the run.
"""
from __future__ import annotations

import pytest

from kb.qa import Session

ROWS = [
    # (turns, status of the last answer, words it must hold, why)
    (["交通局牵头哪些任务", "附件有几条"], "not_in_plan", ["没有附件", "“附件”"],
     "after a department list: not a follow-up repeating it"),
    (["附件有几条"], "not_in_plan", ["没有附件"], "asked first: said, not 'please ask a question'"),
    (["附件2里有哪些任务"], "not_in_plan", ["“附件2”"], "a numbered annex"),
    (["交通局牵头哪些任务", "配合的呢"], "answered", ["配合的任务共 7 项"], "control: a follow-up stays a follow-up"),
]


@pytest.mark.parametrize("turns,status,words,why", ROWS, ids=[r[3][:24] for r in ROWS])
def test_annex_asked_of_a_plan_without_one(turns, status, words, why):
    session = Session()
    for turn in turns:
        answer = session.ask(turn)
    assert answer.status == status, (why, answer.text)
    assert not answer.tasks or status == "answered", (why, answer.text)
    for w in words:
        assert w in answer.text, (why, w, answer.text)
