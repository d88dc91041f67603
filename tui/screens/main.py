"""The main screen: departments on the left, Ask and Duties tabs on the right."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Select, TabbedContent, TabPane

from kb.duties import department_counts
from tui.widgets.ask_view import AskView
from tui.widgets.department_list import DepartmentList
from tui.widgets.duty_view import DutyView
from tui.widgets.footer import KbFooter
from tui.widgets.question_input import QuestionInput
from tui.widgets.task_list import TaskList


#: The plan picker's value for every plan at once.
ALL_PLANS = "*"


#: Plans the picker lists at most; with more, the command palette (Ctrl+P, 方案：…) finds any of them.
PICKER_PLANS = 50


def plan_options(plan) -> list[tuple[str, str]]:
    """The plan picker's choices: all plans, then each plan by its title (the first PICKER_PLANS of them)."""
    from tui.app import plan_titles

    titles = plan_titles(plan)
    options = [(f"全部方案（{len(titles)} 个）", ALL_PLANS)]
    options += [(f"方案：{title or doc_id}", doc_id) for doc_id, title in titles[:PICKER_PLANS]]
    return options


class MainScreen(Screen):
    """Where officials ask and browse their duties."""

    AUTO_FOCUS = "#question"
    """The question input has the focus from the start (one focus change, not two: each one
    re-lays out the footer)."""

    BINDINGS = [
        Binding("ctrl+l", "focus_question", "提问", id="focus-question", show=False),
        Binding("ctrl+g", "focus_filter", "筛选", id="focus-departments"),
        Binding("ctrl+b", "toggle_sidebar", "部门栏", id="toggle-sidebar"),
    ]

    def __init__(self, plan) -> None:
        super().__init__()
        self.plan = plan
        self._resumed = False

    def compose(self):
        # The breakpoint class (-narrow / -wide) from the start: set by the first Resize it
        # restyled every widget of the screen once more.  (No rule styles the screen itself by
        # it: the widgets composed below are styled with it when mounted.)
        breakpoints = self.app.HORIZONTAL_BREAKPOINTS or []
        self.add_class(*self._get_breakpoint_classes(self.app.size.width, breakpoints), update=False)
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="side"):
                if len(self.plan.document_ids()) > 1:
                    # Several plans loaded: pick one, or all (every list then names each task's plan).
                    yield Select(plan_options(self.plan), value=ALL_PLANS, allow_blank=False, id="plan-picker", compact=True)
                yield DepartmentList(self.plan, department_counts(self.plan), id="sidebar")
            with TabbedContent(id="tabs", initial="ask"):
                with TabPane("问答", id="ask"):
                    yield AskView(id="ask-view")
                with TabPane("职责", id="duties"):
                    yield DutyView(self.plan, id="duty-view")
        yield KbFooter()


    def on_screen_resume(self, event) -> None:
        # Textual restyles every widget of a screen when it is resumed (the theme may have changed
        # while it was covered).  The first resume follows the mount, whose styles are fresh: that
        # restyle (every node once more) is skipped.  (Handlers run most derived class first.)
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    # ---------------------------------------------------------------- actions
    def action_focus_question(self) -> None:
        """Go back to the question input (Ask tab)."""
        self.query_one(TabbedContent).active = "ask"
        self.query_one(QuestionInput).focus()

    def action_focus_filter(self) -> None:
        """Focus the department filter, showing the side bar if hidden."""
        sidebar = self.query_one("#side")
        sidebar.display = True
        sidebar.query_one("#dept-filter", Input).focus()

    def action_toggle_sidebar(self) -> None:
        """Show or hide the department side bar (more room for answers at 80 columns)."""
        sidebar = self.query_one("#side")
        sidebar.display = not sidebar.display

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "plan-picker":
            event.stop()
            self.app.use_plan(None if event.value == ALL_PLANS else event.value)

    def set_plan(self, plan) -> None:
        """Show ``plan`` (one plan of the corpus, or all): departments and duties follow; answers stay above."""
        self.plan = plan
        self.query_one(DepartmentList).set_rows(plan, department_counts(plan))
        self.query_one(DutyView).set_plan(plan)

    def show_department(self, name: str) -> None:
        """Show ``name``'s duty list in the Duties tab and focus it."""
        self.query_one(DutyView).show(name)
        self.query_one(TabbedContent).active = "duties"
        self.query_one("#duty-tasks", TaskList).focus()

    def ask(self, question: str):
        """Ask ``question`` in the Ask tab (from the command palette); return its answer card."""
        self.query_one(TabbedContent).active = "ask"
        return self.query_one(AskView).ask(question)

    @property
    def current_department(self) -> str | None:
        """The department in view: the Duties tab's, else the one the last answer is about."""
        if self.query_one(TabbedContent).active == "duties":
            return self.query_one(DutyView).department
        answer = getattr(self.app, "last_answer", None)
        if answer is not None and len(answer.departments) == 1:
            return answer.departments[0]
        return self.query_one(DutyView).department

    # ---------------------------------------------------------------- messages
    def on_department_list_department_selected(self, event: DepartmentList.DepartmentSelected) -> None:
        self.show_department(event.name)

    def on_task_list_task_chosen(self, event: TaskList.TaskChosen) -> None:
        self.app.open_task(event.task_id)

    def on_ask_view_question_asked(self, event: AskView.QuestionAsked) -> None:
        self.app.answer_question(event.question, event.card)
