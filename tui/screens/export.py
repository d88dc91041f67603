"""The export dialog: what to export, the format, where; writes through kb.export and shows the path."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Select, Static

from kb.errors import KbError
from kb.export import FORMATS, default_filename, export_duty_list, export_table, export_tasks, plan_name
from kb.duties import count_said
from kb.model import item_count
from tui.widgets.footer import KbFooter
from tui.widgets.safe_input import SafeInput

def _chinese_select_overlay() -> None:
    """The open list of a Select says how to close it in Chinese (Textual's footer showed "Dismiss menu")."""
    from textual.widgets._select import SelectOverlay

    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "关闭列表", key_display="Esc")]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()  # computed when the class was made


_chinese_select_overlay()

#: Subject keys that are not a department's duty list.
TABLE, MATRIX, ANSWER = "table", "matrix", "answer"


def subject_options(departments: list[str], answer=None) -> list[tuple[str, str]]:
    """(label, key) choices: the current answer's tasks (if any), each department's duty list, the table and the matrix."""
    options = []
    if answer is not None and answer.tasks:
        # the answer's count: numbered items (as its head says), the rows exported after where they are more
        items, rows = item_count(answer.tasks), len(answer.tasks)
        said = count_said(items, rows, "with_rows_inline")
        options.append((f"当前答案：{answer_title(answer)}（{said}）", ANSWER))
    options += [(f"{name} 责任清单", f"dept:{name}") for name in departments]
    options += [("任务分工表（全部任务）", TABLE), ("分工矩阵（部门 × 任务）", MATRIX)]
    return options


def answer_title(answer, limit: int = 30) -> str:
    """What an exported answer is called: its question (cut to ``limit`` characters), without end punctuation."""
    title = " ".join(answer.question.split()).rstrip("？?。！!")
    return title if len(title) <= limit else title[:limit] + "…"


def default_path(plan, subject: str, fmt: str, folder: Path, answer=None) -> Path:
    """Where ``subject`` in ``fmt`` is written unless the user says otherwise."""
    if subject.startswith("dept:"):
        return folder / default_filename(subject[5:], fmt, "duties")
    if subject == ANSWER and answer is not None:
        return folder / default_filename(answer_title(answer), fmt, "tasks")
    kind = "matrix" if subject == MATRIX and fmt != "xlsx" else "table"
    return folder / default_filename(plan_name(plan), fmt, kind)


class ExportDialog(ModalScreen):
    """Choose subject, format and path, then 导出; the result line says what was written or what went wrong."""

    BINDINGS = [Binding("escape", "app.pop_screen", "关闭", id="close-export", key_display="Esc")]

    def __init__(
        self, plan, departments: list[str], subject: str | None = None, folder: Path | None = None, answer=None
    ) -> None:
        super().__init__()
        self.plan = plan
        self.answer = answer if answer is not None and answer.tasks else None
        """The answer whose tasks may be exported (the current one), if it has tasks."""
        self.options = subject_options(departments, self.answer)
        self.subject = subject or (self.options[0][1] if self.options else TABLE)
        self.fmt = FORMATS[0]
        self.folder = folder or Path.cwd()
        self._default = ""
        self.written: Path | None = None
        """The last file written, once an export succeeded."""

    def compose(self):
        with Vertical(id="export-dialog"):
            yield Label("内容", classes="export-label")
            yield Select(self.options, value=self.subject, allow_blank=False, id="export-subject", compact=True)
            yield Label("格式", classes="export-label")
            with RadioSet(id="export-format", compact=True):
                for fmt in FORMATS:
                    yield RadioButton(fmt, value=fmt == self.fmt, name=fmt)
            yield Label("保存到", classes="export-label")
            yield SafeInput(id="export-path", compact=True)
            yield Checkbox("覆盖已有文件", id="export-force", compact=True)
            yield Static("", id="export-result", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("导出", variant="primary", id="export-go", compact=True)
                yield Button("关闭", id="export-close", compact=True)
        yield KbFooter()

    def on_mount(self) -> None:
        self.query_one("#export-dialog").border_title = "导出"
        self._refresh_default()

    def _refresh_default(self) -> None:
        """Put the default path in the box unless the user typed their own."""
        box = self.query_one("#export-path", Input)
        new = str(default_path(self.plan, self.subject, self.fmt, self.folder, self.answer))
        if not box.value or box.value == self._default:
            box.value = new
        self._default = new

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str):
            self.subject = event.value
            self._refresh_default()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.fmt = event.pressed.name or FORMATS[0]
        self._refresh_default()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-close":
            self.app.pop_screen()
        else:
            self.export()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.export()

    @work(exclusive=True, group="export")
    async def export(self) -> None:
        """Write the file (in a thread: xlsx and docx take a moment) and show the outcome."""
        result = self.query_one("#export-result", Static)
        result.set_classes("")
        result.update("正在导出…")
        path = self.query_one("#export-path", Input).value.strip() or None
        force = self.query_one("#export-force", Checkbox).value
        subject, fmt = self.subject, self.fmt
        try:
            if subject.startswith("dept:"):
                written = await asyncio.to_thread(export_duty_list, self.plan, subject[5:], fmt, path, force)
            elif subject == ANSWER and self.answer is not None:
                written = await asyncio.to_thread(
                    export_tasks, self.plan, self.answer.tasks, fmt, path, force, answer_title(self.answer)
                )
            else:
                written = await asyncio.to_thread(export_table, self.plan, fmt, path, force, subject == MATRIX)
        except KbError as exc:
            result.add_class("-error")
            result.update(f"未能导出：{exc}")
            return
        self.written = written
        result.add_class("-ok")
        result.update(f"已写入：{written}")
        self.app.notify(str(written), title="已导出", markup=False)
        remember = getattr(self.app, "remember_export_folder", None)
        if remember is not None:
            remember(written.parent)
