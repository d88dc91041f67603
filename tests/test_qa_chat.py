"""Conversations (follow-ups refer to the previous turn) and bad input that must never raise."""

from __future__ import annotations

import json

import pytest

from test_qa_questions import ANY_CG, ANY_ZJ, LEAD_GA, LEAD_JT, SUPPORT_GA, SUPPORT_JT, T_VOCS

ANY_GA = LEAD_GA + " " + SUPPORT_GA + " 三（三）4 三（四）9"  # 市公安局: 4 + 13 + 2 shared = 19

# Each conversation: turns of (question, intent, expected labels; None = don't check the set).
CONVERSATIONS = {
    "department then its other role": [
        ("交通局牵头哪些任务", "department_tasks", LEAD_JT),
        ("配合的呢", "department_tasks", SUPPORT_JT),
        ("那它配合哪些？", "department_tasks", SUPPORT_JT),
        ("牵头几项", "department_count", LEAD_JT),
        ("第二项谁牵头", "item_departments", "三（一）14"),
        ("第二项的时限", "item_deadline", "三（一）14"),
        ("第8项是什么", "item_text", "三（三）14"),
        ("第九项是什么", "item", ""),
    ],
    "same question, another department": [
        ("交通局牵头哪些任务", "department_tasks", LEAD_JT),
        ("住建局呢", "department_tasks", "三（一）11 三（二）7 三（四）2 三（四）11"),
        ("那城管局呢？", "department_tasks", "三（四）3 三（四）4 三（四）7 三（四）8"),
    ],
    "ambiguous name, then the choice": [
        ("市务局牵头哪些任务", "department_ambiguous", ""),
        ("市商务局", "department_tasks", "三（一）12"),
    ],
    "topic then follow-ups on its task": [
        ("秸秆禁烧由谁负责", "topic_who", "三（五）3"),
        ("什么时候完成？", "context_deadline", "三（五）3"),
        ("配合的呢", "context_departments", "三（五）3"),
    ],
    "duty list then an item": [
        ("城管局负责什么", "department_tasks", ANY_CG),
        ("第一项是什么", "item_text", "三（四）3"),
        ("第5项谁负责", "item_departments", "三（一）15"),
    ],
    "topic list then an item": [
        ("哪些任务涉及VOCs", "topic_tasks", T_VOCS),
        ("第3项谁牵头", "item_departments", "三（一）10"),
    ],
    "an unknown department does not break the thread": [
        ("交通局牵头哪些任务", "department_tasks", LEAD_JT),
        ("市教育局呢", "department_unknown", ""),
        ("那它配合哪些", "department_tasks", SUPPORT_JT),
    ],
    "其中 narrows the previous list, and keeps narrowing the same one": [
        ("哪些任务涉及扬尘", "topic_tasks", "三（四）1 三（四）2 三（四）3 三（四）5 三（四）6 三（四）11"),
        ("其中城管局牵头的有哪些", "department_tasks", "三（四）3"),
        ("其中住建局配合的呢", "department_tasks", "三（四）5"),
        ("第一项是什么", "item_text", "三（四）5"),
    ],
    "其中…参与 narrows to every role of the department": [
        ("哪些任务涉及扬尘", "topic_tasks", "三（四）1 三（四）2 三（四）3 三（四）5 三（四）6 三（四）11"),
        ("其中住建局参与的呢", "department_tasks", "三（四）1 三（四）2 三（四）5 三（四）6 三（四）11"),
        ("其中城管局参加了哪些", "department_tasks", "三（四）2 三（四）3"),
    ],
    "其中 + a role after a department's whole list": [
        ("住建局参与哪些任务", "department_tasks", ANY_ZJ),
        ("其中牵头的有哪些", "department_tasks", "三（一）11 三（二）7 三（四）2 三（四）11"),
        ("那配合的呢", "department_tasks", "三（一）2 三（一）4 三（一）16 三（一）18 三（三）9 三（三）12 三（四）5"),
    ],
    "这些任务中哪些有时限 keeps the previous list": [
        ("公安局参与的任务有哪些", "department_tasks", ANY_GA),
        ("这些任务中哪些有时限", "context_deadline", "三（一）4 三（三）4 三（三）8 三（三）11 三（三）15 三（四）4"),
    ],
    "其中 twice, then no deadline among them": [
        ("哪些任务涉及VOCs", "topic_tasks", T_VOCS),
        ("其中经信局参与的有哪些", "department_tasks", "三（一）8 三（一）9 三（一）10 三（一）14 三（一）16 三（六）3"),
        ("其中有时限的呢", "context_deadline", ""),
    ],
    "a stretch target, then a short question about a topic's task": [
        ("PM2.5要下降多少", "target", "二"),
        ("力争目标呢", "target", "二"),
        ("二氧化硫呢", "target", "二"),
        ("秸秆综合利用由谁负责", "topic_who", "三（五）2 三（五）3"),
        ("配合单位有哪些", "context_departments", "三（五）2 三（五）3"),
        ("完成时限是什么", "context_deadline", "三（五）2 三（五）3"),
        ("哪个部门牵头的任务最多", "department_list", ""),
    ],
    "the listed tasks' deadlines": [
        ("市城管执法局牵头哪些任务", "department_tasks", "三（四）3 三（四）4 三（四）7 三（四）8"),
        ("它配合几项？", "department_count", "三（四）2 三（四）10"),
        ("那按职责分工负责的呢", "department_tasks", "三（一）15"),
        ("这些任务的时限呢", "context_deadline", "三（一）15"),
    ],
    "a topic's target and deadline": [
        ("秸秆综合利用由谁牵头", "topic_who", "三（五）2 三（五）3"),  # both say 秸秆综合利用
        ("它的目标是多少", "context_target", "三（五）2"),  # 三（五）3 has none
        ("时限呢", "context_deadline", "三（五）2 三（五）3"),
    ],
    "X呢 after topic questions asks the same about X": [
        ("秸秆禁烧由谁负责", "topic_who", "三（五）3"),
        ("那扬尘呢", "topic_who", "三（四）1 三（四）3 三（四）5 三（四）6"),
        ("国六标准什么时候实施", "topic_deadline", "三（三）4"),
        ("老旧车辆呢", "topic_deadline", "三（三）8"),
        ("哪些任务涉及VOCs", "topic_tasks", T_VOCS),
        ("扬尘呢", "topic_tasks", "三（四）1 三（四）2 三（四）3 三（四）5 三（四）6 三（四）11"),
        ("交通局牵头哪些任务", "department_tasks", LEAD_JT),
        ("换成公安局", "department_tasks", "三（三）5 三（三）6 三（三）8 三（三）14"),
    ],
    "another scope of the same target": [
        ("荣县的机械化清扫率", "target", "三（四）4"),
        ("富顺县呢", "target", "三（四）4"),
        ("PM2.5要下降多少", "target", "二"),
        ("SO2呢", "target", "二"),
    ],
    "a new department question replaces the old one": [
        ("发改委牵头哪些任务", "department_tasks", None),
        ("交通局配合哪些任务", "department_tasks", SUPPORT_JT),
        ("牵头的呢", "department_tasks", LEAD_JT),
    ],
}


@pytest.mark.parametrize("name", list(CONVERSATIONS))
def test_conversation(plan, name):
    from kb.qa import Session

    if any(i in ("context_target", "target") for _, i, _ in CONVERSATIONS[name]) and not any(t.targets for t in plan.tasks):
        pytest.skip("the parser does not fill Task.targets yet")
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
    from kb.qa import Session, intents

    def broken(turn):
        raise RuntimeError("boom")

    monkeypatch.setattr(intents, "RULES", (broken,))
    notices = []
    session = Session(plan=plan, notice=notices.append)
    answer = session.ask("秸秆禁烧由谁负责")
    assert answer.exact is False and answer.intent == "search"
    assert len(notices) == 1 and "RuntimeError: boom" in notices[0]
    with pytest.raises(RuntimeError):
        Session(plan=plan, strict=True).ask("秸秆禁烧由谁负责")
