"""The kb terminal interface (Textual): ask, browse duties, read tasks, export.

Thin by design: every answer comes from kb.qa.Session, every list from kb.duties
and the plan, every file from kb.export.  This module wires screens and
workers together.
"""

from __future__ import annotations

import asyncio
import gc
import re
import sys
import threading
from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import ThemeProvider

from kb.errors import KbError
from tui import config, linebreak
from tui.commands import AskCommand, DepartmentCommands, PlanCommands, TaskCommands
from tui.screens.main import MainScreen

# The other screens (export, help, overview, task detail) are imported when first opened:
# their imports (kb.export, markdown) are not on the way to the first screen.

THEMES = {"dark": "textual-dark", "light": "textual-light"}

linebreak.install()  # Chinese line breaking for every text the app shows

#: Control characters other than tab and new line: never put on the clipboard (a paste could run them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plan_titles(plan) -> list[tuple[str, str]]:
    """(document id, name) of the plans (``kb.model.Document.name``), escaped for the screen (a stored plan reads
    only its headers)."""
    from kb.safetext import escape

    return [(doc_id, escape(name)) for doc_id, name in plan.document_names()]


def plans_title(plan) -> str:
    """The header's subtitle: the plan's title, a few plans' titles, or how many plans there are."""
    titles = plan_titles(plan)
    if len(titles) <= 3:
        return "、".join(title for _, title in titles)
    return f"{len(titles)} 个方案"


def answer_plain_text(question: str, answer) -> str:
    """An answer as plain text to paste elsewhere: the question, then the answer's text with its labels."""
    lines = [f"问：{question}"] if question.strip() else []
    lines.append(answer.text)
    return _CONTROL.sub("", "\n".join(lines)) + "\n"


class KbApp(App):
    """kb's TUI for one plan (a parsed kb.model.Plan)."""

    CSS_PATH = "kb.tcss"
    TITLE = "kb"
    COMMANDS = App.COMMANDS | {DepartmentCommands, TaskCommands, PlanCommands, AskCommand}
    COMMAND_PALETTE_DISPLAY = "^p"
    #: Below 100 columns the side bar narrows (class -narrow on the app) to leave answers room.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("f1,question_mark", "help", "帮助", id="help"),
        Binding("ctrl+o", "overview", "总览", id="overview"),
        Binding("ctrl+s", "export", "导出", id="export"),
        Binding("ctrl+y", "copy_answer", "复制", id="copy-answer"),
        Binding("ctrl+t", "toggle_theme", "主题", id="toggle-theme", show=False),
        Binding("ctrl+p", "command_palette", "命令", id="command-palette", priority=True, show=False),
        Binding("ctrl+q", "quit", "退出", id="quit", priority=True, show=False),
    ]

    index_status: reactive[str] = reactive("")
    """One line about the search index while it is opened or built ("" once ready)."""

    def __init__(
        self,
        plan,
        *,
        session=None,
        theme: str | None = None,
        export_folder: Path | None = None,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        from kb.qa import Session
        from kb.safetext import escape_data

        plan = escape_data(plan)  # controls and bidi overrides from the plan shown as \x1b, <U+202E>
        self.plan = plan
        """The plan shown (text from data escaped, see kb.safetext)."""
        self.session = session or Session(plan=plan, notice=self._index_notice)
        self.full_plan = plan
        """Every plan loaded; ``plan`` is the one picked (or this one: all of them)."""
        self.plan_id: str | None = None
        """Id of the document picked in the plan picker, None for all plans."""
        self._sessions = {None: self.session}
        """The conversation every question goes through (keeps context)."""
        self.last_answer = None
        """The most recent kb.qa.Answer shown."""
        self._index_builds: list = []
        """Child processes building an index now (tui.indexer.IndexBuild), stopped when the app ends."""
        self._index_build_stopped = False
        self.index_ready = asyncio.Event()
        """Set once the index is open (or failed to open): questions wait for it."""
        self._ask_lock = asyncio.Lock()
        self._prepared: dict[int, threading.Event] = {}
        """Sessions (their id) whose question vocabulary is being read (prepare_questions), set when read."""
        self.settings_path = settings_path
        """Where the remembered settings are read and written (None: tui.config.config_path())."""
        self.settings = config.load(settings_path)
        """Theme and last export folder, remembered between runs."""
        self._start_theme = THEMES.get(theme, theme) if theme else self.settings.theme
        self._theme_ready = False
        remembered = Path(self.settings.export_folder) if self.settings.export_folder else None
        if export_folder is None and remembered is not None and remembered.is_dir():
            export_folder = remembered
        self.export_folder: Path = export_folder or config.documents_folder()
        """Default folder of the export dialog: the last one used, else the user's documents folder."""
        self.sub_title = plans_title(plan)

    def get_line_filters(self):
        """Textual's filters, then DropControls: no control character from data reaches the terminal."""
        from tui.controls import DropControls

        if not hasattr(self, "_drop_controls"):
            self._drop_controls = DropControls()
        return [*super().get_line_filters(), self._drop_controls]

    def get_default_screen(self) -> Screen:
        return MainScreen(self.plan)

    def on_mount(self) -> None:
        if self._start_theme in self.available_themes:
            self.theme = self._start_theme
        else:
            self.theme = THEMES["dark"]
        self._theme_ready = True
        self.session.index_elsewhere = True  # until the worker opens it: no question builds it meanwhile
        self.open_index()
        # Said only when opening takes a while: a status line shown and hidden again
        # laid the screen out twice at every start.
        self.set_timer(1.0, self._say_index_opening)
        if not self.is_headless:
            self.set_interval(2.0, self._exit_if_terminal_gone)

    def on_unmount(self) -> None:
        gc.unfreeze()  # give what the app held back to the collector (tests run many apps)
        for done in self._prepared.values():
            done.set()  # (a vocabulary read cancelled before it ran keeps no question waiting)
        self._index_build_stopped = True
        for build in list(self._index_builds):
            build.stop()

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
        """Open the search index off the UI thread; a missing or stale one is built in a child process.

        Building (minutes at 1,000 plans) in this process held the GIL and starved the screen:
        ``python -m tui.indexer`` builds it instead, its progress shown in the status line, and
        this worker then opens the finished index.  A plan that is not read from the store (no
        corpus a child could read), or an index kept in memory, is still built here.
        """
        def progress(message: str) -> None:
            self.call_from_thread(setattr, self, "index_status", f"⏳ {message}（首次使用需建立索引，可先输入问题）")

        session = self.session
        try:
            self._build_index_elsewhere(session.plan, progress)
            if self._index_build_stopped:
                return  # the app is closing: do not start building here instead
            session.index_elsewhere = False  # (a question now waits for this open, or this build, under the lock)
            session.ensure_index(progress=progress)
        except KbError as exc:
            self.call_from_thread(self.notify, str(exc), title="检索索引不可用", severity="error", markup=False)
        finally:
            session.index_elsewhere = False
            if not self._index_build_stopped:
                self.call_from_thread(self._index_opened)

    def prepare_questions(self) -> None:
        """Read the question vocabulary and import the rules of the current session, once, off the UI thread.

        Called when the user starts typing a question (the first change of the question input):
        a question takes seconds to type, and reading them then (~40 ms) makes the first
        answer as quick as the others without putting that work before the first screen.
        A question asked before it is done waits for it (``_ask``).
        """
        session = self.session
        if id(session) not in self._prepared:
            done = self._prepared[id(session)] = threading.Event()
            self._prepare(session, done)

    @work(thread=True, group="prepare")
    def _prepare(self, session, done: threading.Event) -> None:
        try:
            session.read("")
            import kb.qa.executors  # noqa: F401
        except KbError:
            pass  # a damaged vocabulary file: the first question says so
        finally:
            done.set()

    def _ask(self, question: str):
        """``session.ask`` (in a thread), after the vocabulary read prepare_questions started, if any:
        the same modules imported by two threads at once could meet half-initialised."""
        session = self.session
        done = self._prepared.get(id(session))
        if done is not None:
            done.wait()
        return session.ask(question)

    def _build_index_elsewhere(self, plan, progress) -> None:
        """Build or update ``plan``'s index in a child process when it needs it (see ``open_index``)."""
        from tui.indexer import IndexBuild, corpus_of

        corpus = corpus_of(plan)
        if corpus is None or self._index_build_stopped:
            return
        from kb.qa import index as qaindex

        if qaindex.state(plan).state not in ("missing", "stale", "broken"):
            return  # ready (opened below), or kept in memory (built below, in this process)

        def step(text: str, done: int, total: int) -> None:
            bar = f"{done * 100 // total:3d}% " if total else ""
            progress(f"{bar}{text}")

        progress("正在建立检索索引（后台进程）…")
        build = IndexBuild(corpus, step, self._index_notice)
        self._index_builds.append(build)
        if self._index_build_stopped:  # the app closed while the child was starting
            build.stop()
        try:
            if not build.wait() and not self._index_build_stopped:
                # The child failed: say why; the index is then opened (built if need be) in this process.
                self.call_from_thread(self.notify, build.error or "建立索引失败", title="检索索引",
                                      severity="warning", markup=False)
        finally:
            self._index_builds.remove(build)

    def use_plan(self, doc_id: str | None) -> None:
        """Show one plan of the corpus (its document id) or all of them (None): lists, answers and exports follow."""
        if doc_id == self.plan_id:
            return
        from kb.model import Plan
        from kb.qa import Session

        full = self.full_plan
        if doc_id is None:
            plan = full
        else:
            plan = Plan(
                documents=[d for d in full.documents if d.id == doc_id],
                tasks=full.document_tasks(doc_id),
                registry=full.registry,
            )
        self.plan_id, self.plan = doc_id, plan
        self.last_answer = None
        self.sub_title = plans_title(plan)
        session = self._sessions.get(doc_id)
        if session is None:
            session = self._sessions[doc_id] = Session(plan=plan, notice=self._index_notice)
            self.index_ready.clear()
            self.index_status = "正在打开所选方案的检索索引…"
            self.session = session
            session.index_elsewhere = True
            self.open_index()
        self.session = session
        self.main_screen.set_plan(plan)

    def pick_plan(self, doc_id: str) -> None:
        """Show plan ``doc_id`` (the palette's 方案：…): the picker shows it too, listed or not."""
        from textual.widgets import Select

        from tui.screens.main import plan_options

        main = self._back_to_main()
        picker = main.query("#plan-picker")
        if picker:
            select = picker.first(Select)
            options = plan_options(self.full_plan)
            if doc_id not in {value for _, value in options}:
                title = dict(plan_titles(self.full_plan)).get(doc_id) or doc_id
                select.set_options([*options, (f"方案：{title}", doc_id)])
            select.value = doc_id  # (its Changed message calls use_plan)
        self.use_plan(doc_id)

    def _say_index_opening(self) -> None:
        if not self.index_ready.is_set() and not self.index_status:
            self.index_status = "正在打开检索索引…"

    def _index_opened(self) -> None:
        self.index_status = ""
        self.index_ready.set()
        # The plan, the index and the screens live as long as the app: move them out of
        # the collector's reach so a full collection does not stall an answer (~100 ms).
        # (No gc.collect() first: it took ~0.1 s of the first screen; the little garbage
        # frozen with them is a few kB.)  After the next refresh: the index now opens while
        # the first screen is being built, and its widgets are to be frozen too.
        self.call_after_refresh(self._freeze)

    def _freeze(self) -> None:
        if not self._index_build_stopped:  # (not once the app has ended: on_unmount unfroze)
            gc.freeze()

    @work(group="answers")
    async def answer_question(self, question: str, card) -> None:
        """Answer ``question`` into ``card``, in order of asking.

        While the index is being opened or built (minutes at 1,000 plans) a question that
        needs none — a department's duties — is answered at once; one that needs it
        (IndexNotReady) keeps its 正在回答… card until the index is open, then is asked again.
        """
        from kb.qa.session import IndexNotReady
        from tui.widgets.transcript import Transcript

        async with self._ask_lock:
            try:
                try:
                    answer = await asyncio.to_thread(self._ask, question)
                except IndexNotReady:
                    await self.index_ready.wait()
                    answer = await asyncio.to_thread(self._ask, question)
            except KbError as exc:
                mounting = card.show_error(str(exc))
            else:
                self.last_answer = answer
                mounting = card.set_answer(answer)
            transcript = self.main_screen.query_one(Transcript)
            if card.parent is None:
                # Mounted whole, with its answer, and opened at its question: one layout, one render.
                await transcript.place(question, card)
            else:
                # A card shown while the index was opening (正在回答…), filled in now.
                if mounting is not None:
                    await mounting
                transcript.open_at(card)

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
        from tui.screens.task_detail import TaskDetailScreen

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
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_overview(self) -> None:
        """Open the plan overview."""
        from tui.screens.overview import OverviewScreen

        if not isinstance(self.screen, OverviewScreen):
            self.push_screen(OverviewScreen(self.plan))

    def action_export(self) -> None:
        """Open the export dialog for the department in view (else the task table)."""
        from tui.screens.export import ExportDialog
        from tui.screens.task_detail import TaskDetailScreen

        if isinstance(self.screen, ExportDialog):
            return
        from kb.duties import department_counts

        names = [name for name, _ in department_counts(self.plan)]
        current = self.main_screen.current_department
        if isinstance(self.screen, TaskDetailScreen):
            lead = self.screen.task_shown.departments("any")
            current = lead[0] if lead else current
        answer = self.last_answer if self.last_answer is not None and self.last_answer.tasks else None
        if current in names:
            subject = f"dept:{current}"
        elif answer is not None and not isinstance(self.screen, TaskDetailScreen):
            subject = "answer"
        else:
            subject = "table"
        self.push_screen(ExportDialog(self.plan, names, subject, self.export_folder, answer))

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme (from any theme: dark ones go light, light ones dark)."""
        self.theme = THEMES["dark"] if not self.current_theme.dark else THEMES["light"]

    def watch_theme(self, theme: str) -> None:
        # Whichever control changed it (Ctrl+T, the palette's theme list), remember it.
        if self._theme_ready and theme != self.settings.theme:
            self.settings.theme = theme
            config.save(self.settings, self.settings_path)

    def remember_export_folder(self, folder: Path) -> None:
        """Propose ``folder`` for the next export, in this run and the next ones."""
        self.export_folder = folder
        self.settings.export_folder = str(folder)
        config.save(self.settings, self.settings_path)

    def action_copy_answer(self) -> None:
        """Copy the current answer (question and answer text with its labels) to the clipboard (OSC 52)."""
        answer = self.last_answer
        if answer is None:
            self.notify("还没有答案可复制：先提一个问题。", severity="warning")
            return
        text = answer_plain_text(answer.question, answer)
        self.copy_to_clipboard(text)
        self.notify("已复制当前答案（终端支持 OSC 52 时可直接粘贴）", title="复制")

    def action_command_palette(self) -> None:
        """The command palette, with a Chinese prompt."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="搜索部门、任务或操作；也可直接输入问题…"))

    def search_themes(self) -> None:
        """The theme list of the palette, with a Chinese prompt (the choice is remembered, as Ctrl+T's)."""
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="搜索配色主题…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # kb's own commands, in Chinese, instead of Textual's English ones.
        yield SystemCommand("总览", "方案目标、全部数值指标和各部门任务数（Ctrl+O）", self.action_overview)
        yield SystemCommand("导出", "导出责任清单、任务分工表、分工矩阵或当前答案（Ctrl+S）", self.action_export)
        yield SystemCommand("复制答案", "把当前答案（含条目编号）复制到剪贴板（Ctrl+Y）", self.action_copy_answer)
        yield SystemCommand("帮助", "怎么提问，按键说明（F1）", self.action_help)
        yield SystemCommand("切换浅色 / 深色", "在浅色和深色主题之间切换（Ctrl+T）", self.action_toggle_theme)
        yield SystemCommand("选择配色主题", "从全部配色主题中选择，下次启动沿用", self.search_themes)
        yield SystemCommand("退出", "退出 kb（Ctrl+Q）", self.exit)
