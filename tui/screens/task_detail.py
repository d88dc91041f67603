"""Task detail: section path, full text with departments by role, deadlines, targets, neighbours."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, OptionList, Static
from textual.widgets.option_list import Option

from kb.model import Task
from tui.widgets.footer import KbFooter
from tui.widgets.roles import ROLE_ORDER, ROLE_STYLES, role_name
from tui.widgets.task_list import task_heading
from tui.widgets.task_text import highlighted_text

_KINDS = {"by": "之前完成", "during": "当年内", "from": "起实施", "range": "期间"}


def section_neighbours(tasks: list[Task], task: Task) -> tuple[Task | None, Task | None]:
    """The tasks before and after ``task`` in its section (its part when it has no section)."""
    def same_place(t: Task) -> bool:
        return t.doc == task.doc and t.part == task.part and t.section == task.section and t.kind == task.kind

    siblings = [t for t in tasks if same_place(t)]
    i = next(i for i, t in enumerate(siblings) if t.id == task.id)
    return (siblings[i - 1] if i else None, siblings[i + 1] if i + 1 < len(siblings) else None)


def task_departments(task: Task) -> list[tuple[str, str]]:
    """(department, its first role) for every department of the task, in role order (sub-units after their parent)."""
    seen: dict[str, str] = {}
    for role in ROLE_ORDER:
        for name in getattr(task, role, []):
            seen.setdefault(name, role)
            for sub in task.subunits.get(name, []):
                seen.setdefault(sub, role)
    return list(seen.items())


def short(text: str, limit: int = 16) -> str:
    """``text`` cut to ``limit`` characters (… marks a cut)."""
    text = text.rstrip("…")
    return text if len(text) <= limit else text[:limit] + "…"


def requirement(target) -> str:
    """A target's requirement as officials read it: ``≥ 80%``."""
    return f"{target.comparator} {format_number(target.value)}{target.unit}"


#: The columns of a target in the tables listing targets (the task's, the overview's), as ``target_cells`` fills them.
TARGET_COLUMNS = ("指标", "方向", "要求", "基准年", "范围", "年份", "力争")


def target_cells(target) -> tuple[str, ...]:
    """A target's row under ``TARGET_COLUMNS``; "—" where the plan states nothing."""
    return (
        target.metric,
        target.direction or "—",
        requirement(target),
        str(target.baseline_year) if target.baseline_year else "—",
        target.scope or "—",
        str(target.year) if target.year else f"{target.from_year}起" if target.from_year else "—",  # (a start: 2019起)
        "是" if target.stretch else "",
    )


def format_number(value: float) -> str:
    """27.9 → ``27.9``, 30.0 → ``30``."""
    return f"{value:g}"


class TaskDetailScreen(Screen):
    """Everything about one task; ←/→ walk the section, Esc goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back", key_display="Esc"),
        Binding("left,[", "neighbour(-1)", "上一项", id="previous-task"),
        Binding("right,]", "neighbour(1)", "下一项", id="next-task"),
        Binding("d", "focus_departments", "部门职责", id="task-departments"),
    ]

    def __init__(self, plan, task: Task) -> None:
        super().__init__()
        self.plan = plan
        self.task_shown = task
        """The task shown."""

    def compose(self):
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(id="detail-path", markup=False)
            yield Static(id="detail-title", markup=False)
            yield Static(id="detail-text", markup=False)
            yield Static(id="detail-roles", markup=False)
            yield Static("查看部门职责（D；选中后按 Enter）", classes="detail-heading")
            yield OptionList(id="detail-departments", compact=True)
            yield Static("完成时限", classes="detail-heading")
            yield DataTable(id="detail-deadlines", show_cursor=False, zebra_stripes=True)
            yield Static("目标指标", classes="detail-heading")
            yield DataTable(id="detail-targets", show_cursor=False, zebra_stripes=True)
            with Horizontal(id="detail-neighbours"):
                yield Button("", id="previous", classes="neighbour", compact=True)
                yield Button("", id="next", classes="neighbour", compact=True)
        yield KbFooter()

    def on_mount(self) -> None:
        self.show(self.task_shown)

    def show(self, task: Task) -> None:
        """Fill the screen with ``task``."""
        self.task_shown = task
        self.sub_title = task.label
        self.query_one("#detail-path", Static).update(Content(" › ".join([*task.section_path, task.label])))
        self.query_one("#detail-title", Static).update(
            Content.assemble((task.label, "bold $text-primary"), " ", (task.title or "", "bold"))
        )
        self.query_one("#detail-text", Static).update(highlighted_text(task))
        self.query_one("#detail-roles", Static).update(self._roles(task))
        departments = self.query_one("#detail-departments", OptionList)
        departments.set_options(
            Option(Content.assemble((name, ROLE_STYLES[role]), f"（{role_name(role)}）的全部职责"), id=name)
            for name, role in task_departments(task)
        )
        self._fill_deadlines(task)
        self._fill_targets(task)
        previous, following = section_neighbours(self.plan.part_tasks(task.doc, task.part), task)
        for button_id, neighbour, arrow in (("#previous", previous, "← 上一项"), ("#next", following, "下一项 →")):
            button = self.query_one(button_id, Button)
            button.disabled = neighbour is None
            button.label = f"{arrow} {neighbour.label} {short(task_heading(neighbour))}" if neighbour else f"{arrow}：无"
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    def _roles(self, task: Task) -> Content:
        lines = []
        for role in ROLE_ORDER:
            names = getattr(task, role)
            if not names:
                continue
            shown = [f"{n}（{'、'.join(task.subunits[n])}）" if task.subunits.get(n) else n for n in names]
            lines.append(Content.assemble((f"{role_name(role)}：", "bold"), ("、".join(shown), ROLE_STYLES[role])))
        if not lines:
            lines.append(Content("本段没有写明责任单位。"))
        return Content("\n").join(lines)

    def _fill_deadlines(self, task: Task) -> None:
        table = self.query_one("#detail-deadlines", DataTable)
        table.clear(columns=True)
        table.add_columns("原文", "类型", "开始", "截止")
        for d in task.deadlines:
            table.add_row(d.text, _KINDS.get(d.kind, d.kind), d.start or "—", d.end or "—")
        if not task.deadlines:
            table.add_row("无明确时限", "", "", "")

    def _fill_targets(self, task: Task) -> None:
        table = self.query_one("#detail-targets", DataTable)
        table.clear(columns=True)
        table.add_columns(*TARGET_COLUMNS)
        for t in task.targets:
            table.add_row(*target_cells(t))
        if not task.targets:
            table.add_row("无数值目标", "", "", "", "", "", "")

    def action_focus_departments(self) -> None:
        """Move to the list of the task's departments (Enter shows one's duty list)."""
        departments = self.query_one("#detail-departments", OptionList)
        departments.focus()
        if departments.highlighted is None and departments.option_count:
            departments.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "detail-departments" and event.option.id:
            event.stop()
            self.app.show_department(event.option.id)

    def action_neighbour(self, step: int) -> None:
        """Show the previous (-1) or next (1) task of the section."""
        previous, following = section_neighbours(self.plan.part_tasks(self.task_shown.doc, self.task_shown.part), self.task_shown)
        target = previous if step < 0 else following
        if target is not None:
            self.show(target)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_neighbour(-1 if event.button.id == "previous" else 1)
