"""The question input: an Input with shell-like history on ↑ / ↓; PageUp / PageDown scroll the answers above."""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Input

from tui.widgets.safe_input import SafeInput


class QuestionInput(SafeInput):
    """Where questions are typed; ↑ / ↓ walk through the questions asked before."""

    BINDINGS = [
        Binding("up", "history(-1)", "上一个问题", show=False, id="history-previous"),
        Binding("down", "history(1)", "下一个问题", show=False, id="history-next"),
        Binding("pageup", "scroll_answers(-1)", "上翻答案", show=False, id="answers-page-up"),
        Binding("pagedown", "scroll_answers(1)", "下翻答案", show=False, id="answers-page-down"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = []
        """Questions submitted, oldest first (no blank ones, no immediate repeats)."""
        self._cursor: int = 0
        self._draft: str = ""

    def _watch_value(self, value: str) -> None:
        # Input sets its virtual size through a reactive that lays out the whole screen again:
        # a layout pass on every key and on every Enter (the input cleared), before the answer's
        # own.  The input's size never depends on its text (no auto width here), so the virtual
        # size (what it scrolls sideways over) is set without asking for a layout.
        # The rest is Input's own: the Changed message (the Ask view starts reading the question
        # vocabulary on the first one), the cursor and the selection.
        if self.styles.auto_dimensions:
            super()._watch_value(value)
            return
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        self._suggestion = ""
        if self.suggester and value:
            self.run_worker(self.suggester._get_suggestion(self, value))
        validation_result = self.validate(value) if "changed" in self.validate_on else None
        self.post_message(self.Changed(self, value, validation_result))
        if self._initial_value:
            self.cursor_position = len(self.value)
            self._initial_value = False
        else:
            self.selection = self.selection

    def remember(self, question: str) -> None:
        """Add ``question`` to the history and reset the walk to the end."""
        if question.strip() and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self._cursor = len(self.history)
        self._draft = ""

    def action_scroll_answers(self, direction: int) -> None:
        """Scroll the transcript above by a page (the focus stays in the input, ready for the next question)."""
        from tui.widgets.transcript import Transcript

        found = self.screen.query(Transcript)
        if found:
            transcript = found.first()
            if direction < 0:
                transcript.scroll_page_up(animate=False)
            else:
                transcript.scroll_page_down(animate=False)

    def action_history(self, step: int) -> None:
        """Show the previous (``-1``) or next (``1``) question of the history."""
        if not self.history:
            return
        if self._cursor == len(self.history):
            self._draft = self.value  # what was being typed comes back after the newest entry
        self._cursor = max(0, min(len(self.history), self._cursor + step))
        self.value = self.history[self._cursor] if self._cursor < len(self.history) else self._draft
        self.cursor_position = len(self.value)
