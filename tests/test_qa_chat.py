"""Conversations (follow-ups refer to the previous turn) and bad input that must never raise."""

from __future__ import annotations

import json

import pytest


def _conversations() -> dict[str, list[tuple[str, str, str | None]]]:
    """tests/fixtures/qa/conversations.yaml: name → turns of (question, intent, labels joined; None = not checked)."""
    from pathlib import Path

    import yaml

    data = yaml.safe_load((Path(__file__).parent / "fixtures" / "qa" / "conversations.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 1
    return {name: [(t["q"], t["intent"], None if t["labels"] is None else " ".join(t["labels"])) for t in turns]
            for name, turns in data["conversations"].items()}


CONVERSATIONS = _conversations()


@pytest.mark.parametrize("name", list(CONVERSATIONS))
def test_conversation(plan, name):
    from kb.qa import Session

    session = Session(plan=plan, strict=True)
    for question, intent, expected in CONVERSATIONS[name]:
        answer = session.ask(question)
        assert answer.intent == intent, (question, answer.text)
        if expected is not None:
            assert sorted(t.label for t in answer.tasks) == sorted(expected.split()), (question, answer.text)


def test_ambiguous_answer_names_the_candidates(plan):
    from kb.qa import Session

    answer = Session(plan=plan, strict=True).ask("市务局牵头哪些任务")
    assert answer.candidates == ["市水务局", "市商务局"]
    assert "市水务局" in answer.text and "市商务局" in answer.text
    assert answer.tasks == []


def test_unknown_department_says_so(plan):
    from kb.qa import Session

    answer = Session(plan=plan, strict=True).ask("市教育局牵头哪些任务")
    assert "方案没有给“市教育局”分配任务" in answer.text
    assert answer.to_dict()["tasks"] == []


def test_answer_order_is_the_numbered_order(plan):
    """a.tasks is in answer order: the n-th line of the text is the n-th task."""
    from kb.qa import Session

    answer = Session(plan=plan, strict=True).ask("城管局负责什么")
    numbered = [line for line in answer.text.splitlines() if line[:1].isdigit()]
    assert [line.split(" ")[1] for line in numbered] == [t.label for t in answer.tasks]
    assert answer.roles[answer.tasks[0].id] == ["lead"]
    assert answer.roles["zigong-blue-sky-plan#3.1.15"] == ["shared"]


BAD_INPUT = [
    "",
    "   ",
    "\t\n",
    "？",
    "。。。",
    "的",
    "x" * 10000,
    "交通局牵头哪些任务" * 1200,
    "AND OR NOT * ? : ( ) \" ~ ^ [ ] \\",
    "title:秸秆 AND (lead:交通局 OR NOT 公安局)",
    "秸秆* 禁烧? \"扬尘",
    "[2019 TO 2020]",
    "SELECT * FROM tasks WHERE lead = '交通局'; DROP TABLE tasks;--",
    "' OR 1=1 --",
    "😀😀😀",
    "交通局😀牵头哪些任务",
    "ＰＭ２．５",
    "２０２０年",
    "第０项",
    "第999项的时限",
    "\x00\x01\x02",
    "<script>alert(1)</script>",
    "🚗🚗 哪些任务涉及 🚗",
    "市市市市市市市市局",
    "局局局",
    "和和和共同牵头",
    "1e308",
    "None",
    "你好",
    "谢谢！",
    "help",
]


@pytest.mark.parametrize("text", BAD_INPUT, ids=[f"bad{n:02d}" for n in range(len(BAD_INPUT))])
def test_bad_input_never_raises(plan, text):
    from kb.qa import Session

    session = Session(plan=plan, strict=True)
    session.ask("交通局牵头哪些任务")  # with context, too
    answer = session.ask(text)
    assert answer.text
    json.dumps(answer.to_dict(), ensure_ascii=False)
    if not text.strip() or text in ("你好", "谢谢！", "help"):
        assert answer.intent == "help"
    if answer.intent == "search":
        assert answer.exact is False


def test_non_string_question_is_read_as_text(plan):
    from kb.qa import Session

    assert Session(plan=plan, strict=True).ask(None).intent == "help"


def test_a_failing_rule_does_not_end_the_conversation(plan, monkeypatch):
    from kb.qa import Session, executors

    def broken(question, query, env):
        raise RuntimeError("boom")

    monkeypatch.setitem(executors.DISPATCH, "topic_who", broken)
    notices = []
    session = Session(plan=plan, notice=notices.append)
    answer = session.ask("秸秆禁烧由谁负责")
    assert answer.exact is False and answer.intent == "search"
    assert len(notices) == 1 and "RuntimeError: boom" in notices[0]
    with pytest.raises(RuntimeError):
        Session(plan=plan, strict=True).ask("秸秆禁烧由谁负责")
