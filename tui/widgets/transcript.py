"""The chat transcript: questions and the answers kb gives, oldest at the top.

An answer card shows the answer's text lines (count, notes), the departments by
role, then its tasks as a selectable TaskList.  A full-text fallback answer
(``Answer.exact`` False) gets the ``-inexact`` class and its own border title,
so it never looks like an exact rule answer.
"""

from __future__ import annotations

import re

from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.widgets.roles import ROLE_ORDER, ROLE_STYLES, role_name
from tui.widgets.task_list import TaskList

#: A numbered task line of ``Answer.text`` ("3. 三（一）2 …"): shown as list items instead.
_TASK_LINE = re.compile(r"^\d+\.\s")

WELCOME = (
    "在下方输入问题，按 Enter 提问；↑/↓ 翻看历史问题。例如：\n"
    "  交通局牵头哪些任务　·　配合的呢　·　秸秆禁烧由谁负责\n"
    "  哪些任务涉及VOCs　·　PM2.5要下降多少\n"
    "左侧是部门列表（输入可筛选，简称和错别字也能识别）；F1 查看帮助。"
)


def split_answer_text(text: str, n_tasks: int) -> tuple[list[str], list[str]]:
    """The lines of an answer's text before and after its numbered task lines."""
    lines = text.splitlines()
    if not n_tasks:
        return lines, []
    numbered = [i for i, line in enumerate(lines) if _TASK_LINE.match(line)]
    if not numbered:
        return lines, []
    return lines[: numbered[0]], [line for line in lines[numbered[-1] + 1 :]]


def departments_by_role(answer) -> dict[str, list[str]]:
    """Role → the answer's departments that hold it in at least one of the answer's tasks."""
    out: dict[str, list[str]] = {}
    for name in answer.departments:
        roles = {r for t in answer.tasks for r in t.roles_of(name)}
        for role in ROLE_ORDER:
            if role in roles:
                out.setdefault(role, []).append(name)
    return out


def roles_line(by_role: dict[str, list[str]]) -> Content:
    """``牵头：A、B ｜ 配合：C`` with each name in its role's style."""
    parts: list = []
    for role in ROLE_ORDER:
        names = by_role.get(role)
        if not names:
            continue
        if parts:
            parts.append(("　｜　", "$text-muted"))
        parts.append(f"{role_name(role)}：")
        for i, name in enumerate(names):
            if i:
                parts.append("、")
            parts.append((name, ROLE_STYLES[role]))
    return Content.assemble(*parts)


class QuestionBubble(Static):
    """A question as asked."""

    def __init__(self, question: str) -> None:
        super().__init__(Content.assemble(("问：", "bold"), question), classes="question", markup=False)
        self.question = question


class AnswerCard(Vertical):
    """The answer to one question; shows 正在回答… until ``show_answer`` is called."""

    def __init__(self, question: str) -> None:
        super().__init__(classes="answer -pending")
        self.question = question
        self.answer = None
        """The kb.qa.Answer shown, once it has arrived."""
        self.border_title = "正在回答…"

    def compose(self):
        yield Static("正在回答…（索引就绪后立即作答）", classes="answer-head")

    def show_answer(self, answer) -> None:
        """Render ``answer`` (a kb.qa.Answer) in the card."""
        self.answer = answer
        self.remove_class("-pending")
        self.add_class("-exact" if answer.exact else "-inexact")
        if not answer.tasks:
            self.add_class("-empty")
        self.border_title = "规则答案" if answer.exact else "全文检索（非精确匹配）"
        head, tail = split_answer_text(answer.text, len(answer.tasks))
        self.query_one(".answer-head", Static).update(Content("\n".join(head)))
        widgets = []
        by_role = departments_by_role(answer) if answer.tasks else {}
        if by_role:
            widgets.append(Static(roles_line(by_role), classes="answer-roles"))
        if answer.candidates and not any(c in answer.text for c in answer.candidates):
            widgets.append(Static(Content("可选：" + "、".join(answer.candidates)), classes="answer-note"))
        if answer.tasks:
            exclude = answer.departments[0] if len(answer.departments) == 1 else None
            widgets.append(TaskList.of_tasks(answer.tasks, answer.roles, exclude, classes="answer-tasks"))
        if tail:
            widgets.append(Static(Content("\n".join(tail)), classes="answer-note"))
        self.mount_all(widgets)

    def show_error(self, message: str) -> None:
        """Show a one-line problem instead of an answer."""
        self.remove_class("-pending")
        self.add_class("-error")
        self.border_title = "出错了"
        self.query_one(".answer-head", Static).update(Content(message))

    @property
    def task_list(self) -> TaskList | None:
        """The answer's task list, if it has tasks."""
        found = self.query(TaskList)
        return found.first() if found else None


class Transcript(VerticalScroll):
    """Questions and answer cards, newest at the bottom; the oldest turns go beyond MAX_TURNS."""

    MAX_TURNS = 12
    """Answers kept on screen: layout time grows with the transcript, and the last dozen answers are what people scroll back to."""

    def compose(self):
        yield Static(WELCOME, classes="welcome", markup=False)

    def add_turn(self, question: str) -> AnswerCard:
        """Add ``question`` (no bubble when blank) and an empty answer card; return the card."""
        card = AnswerCard(question)
        cards = self.cards
        if len(cards) >= self.MAX_TURNS:
            # Drop the oldest turn: its card and the bubble before it.
            old = cards[0]
            children = list(self.children)
            before = children[children.index(old) - 1]
            stale = [old] + ([before] if isinstance(before, QuestionBubble) else [])
            self.remove_children(stale)
        if question.strip():
            self.mount(QuestionBubble(question))
        self.mount(card)
        self.scroll_end(animate=False)
        return card

    @property
    def cards(self) -> list[AnswerCard]:
        """The answer cards, oldest first."""
        return list(self.query(AnswerCard))
