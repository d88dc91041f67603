"""Overview: the plan's general requirements and goals, its numeric targets, and who does most."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from kb.duties import department_counts
from tui.screens.task_detail import TARGET_COLUMNS, target_cells
from tui.widgets.bar_chart import BarChart
from tui.widgets.footer import KbFooter


def goal_paragraphs(plan) -> list:
    """The plan's paragraphs that are neither tasks nor measures (its requirements and goals)."""
    return [t for t in plan.iter_tasks() if t.kind == "paragraph"]


def chart_rows(plan) -> list[tuple[str, int, int]]:
    """(department, led, supported) for departments leading or supporting a task, most first."""
    rows = [(name, c["lead"], c["support"]) for name, c in department_counts(plan) if c["lead"] or c["support"]]
    return sorted(rows, key=lambda r: -(r[1] + r[2]))


class OverviewScreen(Screen):
    """The plan at a glance."""

    BINDINGS = [Binding("escape", "app.pop_screen", "返回", id="back", key_display="Esc")]

    def __init__(self, plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self):
        plan = self.plan
        yield Header()
        with VerticalScroll(id="overview"):
            titles = "、".join(d.name for d in plan.documents)
            # One pass over the tasks (streamed from the store: 75,000 at 1,000 plans are not kept).
            paragraphs, assigned, goals = 0, 0, []
            for t in plan.iter_tasks():
                paragraphs += 1
                assigned += bool(t.departments("any"))
                if t.kind == "paragraph":
                    goals.append(t)
            yield Static(
                Content.assemble((titles, "bold"), f"\n共 {paragraphs} 段，其中写明责任单位的任务 {assigned} 项，"
                                 f"涉及 {len(department_counts(plan))} 个部门或单位。"),
                id="overview-title",
            )
            yield Static("总体要求与工作目标", classes="detail-heading")
            for t in goals:
                yield Static(Content.assemble((f"{t.label}、{t.part_title}\n", "bold"), t.text), classes="goal")
            yield Static("数值目标", classes="detail-heading")
            table = DataTable(id="overview-targets", show_cursor=False, zebra_stripes=True)
            yield table
            yield Static("各部门牵头、配合任务数", classes="detail-heading")
            yield BarChart(chart_rows(plan), id="overview-chart")
        yield KbFooter()

    def on_mount(self) -> None:
        table = self.query_one("#overview-targets", DataTable)
        table.add_columns("条目", *TARGET_COLUMNS)
        rows = 0
        for task in self.plan.with_targets():
            for t in task.targets:
                table.add_row(task.label, *target_cells(t))
                rows += 1
        if not rows:
            table.add_row("—", "方案中没有识别出数值目标", "", "", "", "", "", "")
