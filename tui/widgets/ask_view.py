"""The Ask view: transcript above, index status, question input at the bottom."""

from __future__ import annotations

from dataclasses import dataclass

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from tui.widgets.question_input import QuestionInput
from tui.widgets.transcript import AnswerCard, Transcript


class AskView(Vertical):
    """Where questions are asked; posts ``AskView.QuestionAsked`` for each Enter."""

    @dataclass
    class QuestionAsked(Message):
        """A question was submitted; ``card`` waits for its answer."""

        question: str
        """The question as typed."""
        card: AnswerCard
        """The card that shows the answer."""

    def compose(self):
        yield Transcript(id="transcript")
        yield Static("", id="index-status", markup=False)
        yield QuestionInput(placeholder="输入问题，按 Enter 提问（例如：交通局牵头哪些任务）", id="question")

    def on_mount(self) -> None:
        self.watch(self.app, "index_status", self._show_index_status)

    def _show_index_status(self, status: str) -> None:
        label = self.query_one("#index-status", Static)
        label.update(status)
        label.display = bool(status)

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, QuestionInput) and event.value:
            prepare = getattr(self.app, "prepare_questions", None)
            if prepare is not None:
                prepare()  # the user starts asking: read the question vocabulary meanwhile

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not isinstance(event.input, QuestionInput):
            return
        event.stop()
        question = event.value
        event.input.remember(question)
        event.input.value = ""
        if self.open_numbered(question):
            return
        self.post_message(self.QuestionAsked(question, self._new_card(question)))

    def _new_card(self, question: str) -> AnswerCard:
        """The card of ``question``: mounted now (正在回答…) only while the index is not open yet.

        Otherwise the answer takes milliseconds: the card is mounted once, with its answer
        (kb.tui.app.KbApp.answer_question), instead of mounted empty and laid out again.
        """
        card = AnswerCard(question)
        ready = getattr(self.app, "index_ready", None)
        if ready is None or not ready.is_set():
            self.query_one(Transcript).add_turn(question, card)
        return card

    def open_numbered(self, typed: str) -> bool:
        """A bare number typed in the input opens that item of the last answer; True if it did."""
        typed = typed.strip()
        if not typed.isdigit():
            return False
        cards = [c for c in self.query_one(Transcript).cards if c.task_ids]
        if not cards:
            return False
        task_id = cards[-1].numbers().get(int(typed))
        if task_id is None:
            self.app.notify(f"上一个答案没有第 {typed} 项", severity="warning")
            return True
        from tui.widgets.task_list import TaskList

        self.post_message(TaskList.TaskChosen(task_id))
        return True

    def ask(self, question: str) -> AnswerCard:
        """Submit ``question`` as if typed (command palette, tests)."""
        box = self.query_one(QuestionInput)
        box.remember(question)
        card = self._new_card(question)
        self.post_message(self.QuestionAsked(question, card))
        return card
