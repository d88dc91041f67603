"""The kb terminal interface (Textual): ask, browse duties, read tasks, export.

Thin by design: every answer comes from kb.qa.Session, every list from kb.duties
and the plan, every file from kb.export.  This module wires screens and
workers together.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from kb.errors import KbError
from tui.commands import AskCommand, DepartmentCommands, TaskCommands
from tui.screens.export import ExportDialog
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.overview import OverviewScreen
from tui.screens.task_detail import TaskDetailScreen

THEMES = {"dark": "textual-dark", "light": "textual-light"}


class KbApp(App):
    """kb's TUI for one plan (a parsed kb.model.Plan)."""

    CSS_PATH = "kb.tcss"
    TITLE = "kb"
    COMMANDS = App.COMMANDS | {DepartmentCommands, TaskCommands, AskCommand}
    #: Below 100 columns the side bar narrows (class -narrow on the app) to leave answers room.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("f1,question_mark", "help", "帮助", id="help"),
        Binding("ctrl+o", "overview", "总览", id="overview"),
        Binding("ctrl+s", "export", "导出", id="export"),
        Binding("ctrl+t", "toggle_theme", "主题", id="toggle-theme"),
    ]

    index_status: reactive[str] = reactive("正在打开检索索引…")
    """One line about the search index while it is opened or built ("" once ready)."""

    def __init__(self, plan, *, session=None, theme: str = "dark", export_folder: Path | None = None) -> None:
        super().__init__()
        from kb.qa import Session
        from kb.safetext import escape_data

        plan = escape_data(plan)  # controls and bidi overrides from the plan shown as \x1b, <U+202E>
        self.plan = plan
        """The plan shown (text from data escaped, see kb.safetext)."""
        self.session = session or Session(plan=plan, notice=self._index_notice)
        """The conversation every question goes through (keeps context)."""
        self.last_answer = None
        """The most recent kb.qa.Answer shown."""
        self.index_ready = asyncio.Event()
        """Set once the index is open (or failed to open): questions wait for it."""
        self._ask_lock = asyncio.Lock()
        self._start_theme = THEMES.get(theme, theme)
        self.export_folder = export_folder
        """Default folder of the export dialog (None: the current directory)."""
        self.sub_title = "、".join(d.title for d in plan.documents)

    def get_line_filters(self):
        """Textual's filters, then DropControls: no control character from data reaches the terminal."""
        from tui.controls import DropControls

        if not hasattr(self, "_drop_controls"):
            self._drop_controls = DropControls()
        return [*super().get_line_filters(), self._drop_controls]

    def get_default_screen(self) -> Screen:
        return MainScreen(self.plan)

    def on_mount(self) -> None:
        self.theme = self._start_theme
        self.open_index()
        if not self.is_headless:
            self.set_interval(2.0, self._exit_if_terminal_gone)

    def on_unmount(self) -> None:
        gc.unfreeze()  # give what the app held back to the collector (tests run many apps)

    def _exit_if_terminal_gone(self) -> None:
        # A closed terminal window does not always deliver SIGHUP, and Textual's input
        # thread then spins on EOF at full CPU forever: leave instead.
        import termios

        try:
            termios.tcgetattr(sys.__stdin__.fileno())
        except (termios.error, OSError, ValueError, AttributeError):
            self.exit(return_code=1)

    # ---------------------------------------------------------------- index and answers
    def _index_notice(self, message: str) -> None:
        self.call_from_thread(self.notify, message, title="检索索引", severity="warning", markup=False)

    @work(thread=True, exclusive=True, group="index")
    def open_index(self) -> None:
        """Open the search index, building it the first time, off the UI thread."""
        def progress(message: str) -> None:
            self.call_from_thread(setattr, self, "index_status", f"⏳ {message}（首次使用需建立索引，可先输入问题）")

        try:
            self.session.ensure_index(progress=progress)
            # Read the question vocabulary and import the rules now, off the UI thread,
            # so the first question is as quick as the others.
            self.session.read("")
            import kb.qa.intents  # noqa: F401
        except KbError as exc:
            self.call_from_thread(self.notify, str(exc), title="检索索引不可用", severity="error", markup=False)
        finally:
            self.call_from_thread(self._index_opened)

    def _index_opened(self) -> None:
        self.index_status = ""
        self.index_ready.set()
        # The plan, the index and the screens live as long as the app: move them out of
        # the collector's reach so a full collection does not stall an answer (~100 ms).
        gc.collect()
        gc.freeze()

    @work(group="answers")
    async def answer_question(self, question: str, card) -> None:
        """Answer ``question`` into ``card`` once the index is ready, in order of asking."""
        await self.index_ready.wait()
        async with self._ask_lock:
            try:
                answer = await asyncio.to_thread(self.session.ask, question)
            except KbError as exc:
                card.show_error(str(exc))
                return
        self.last_answer = answer
        card.show_answer(answer)
        card.parent.scroll_end(animate=False)

    # ---------------------------------------------------------------- navigation
    @property
    def main_screen(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def _back_to_main(self) -> MainScreen:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        return self.screen

    def open_task(self, task_id: str) -> None:
        """Open the detail screen of task ``task_id``."""
        task = self.plan.task(task_id)
        if task is None:
            self.notify(f"找不到任务 {task_id}", severity="warning", markup=False)
            return
        if isinstance(self.screen, TaskDetailScreen):
            self.screen.show(task)
        else:
            self.push_screen(TaskDetailScreen(self.plan, task))

    def show_department(self, name: str) -> None:
        """Show ``name``'s duty list on the main screen."""
        self._back_to_main().show_department(name)

    def ask(self, question: str):
        """Ask ``question`` on the main screen; return the answer card."""
        return self._back_to_main().ask(question)

    # ---------------------------------------------------------------- actions
    def action_help(self) -> None:
        """Open the help screen (F1 / ?)."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_overview(self) -> None:
        """Open the plan overview."""
        if not isinstance(self.screen, OverviewScreen):
            self.push_screen(OverviewScreen(self.plan))

    def action_export(self) -> None:
        """Open the export dialog for the department in view (else the task table)."""
        if isinstance(self.screen, ExportDialog):
            return
        from kb.duties import department_counts

        names = [name for name, _ in department_counts(self.plan)]
        current = self.main_screen.current_department
        if isinstance(self.screen, TaskDetailScreen):
            lead = self.screen.task_shown.departments("any")
            current = lead[0] if lead else current
        subject = f"dept:{current}" if current in names else "table"
        self.push_screen(ExportDialog(self.plan, names, subject, self.export_folder))

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme."""
        self.theme = THEMES["light"] if self.theme == THEMES["dark"] else THEMES["dark"]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("总览", "方案目标、指标和各部门任务数", self.action_overview)
        yield SystemCommand("导出", "导出责任清单、任务分工表或分工矩阵", self.action_export)
        yield SystemCommand("帮助", "怎么提问，按键说明", self.action_help)
        yield SystemCommand("切换主题", "浅色 / 深色", self.action_toggle_theme)
        yield from super().get_system_commands(screen)
