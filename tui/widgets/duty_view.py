"""A department's duty list (责任清单): its tasks grouped by role, as kb.duties lists them."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from kb.duties import GROUP_ORDER, GROUP_TITLES, count_said, duty_list
from kb.model import item_count, table_row_count
from tui.widgets.roles import ROLE_STYLES, role_name
from tui.widgets.task_list import TaskList


class DutyView(Vertical):
    """Header with the counts per role, then the grouped task list."""

    def __init__(self, plan, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan = plan
        self.department: str | None = None
        """The department shown, or None before one is chosen."""

    def compose(self):
        yield Static("在左侧选择一个部门（或输入部门名筛选），查看它牵头、配合的全部任务。", id="duty-header", markup=False)
        yield TaskList(id="duty-tasks")

    def set_plan(self, plan) -> None:
        """Another plan is shown: its duty lists from now on (the department in view, if it has tasks there)."""
        self.plan = plan
        if self.department is not None:
            self.show(self.department)

    def show(self, department: str) -> None:
        """Show the duty list of ``department`` (canonical name or sub-unit)."""
        self.department = department
        duties = duty_list(self.plan, department, every_group=True)  # a task in every group of a role it holds
        parts: list = [(department, "bold")]
        if duties.parent:
            parts.append(f"（写在 {duties.parent} 名下）")
        # counts are the plan's numbered items (as kb depts, kb duties, the answers and the exports say them); a
        # 任务分工表 序号 over several rows lists each row, and the rows are said where they are more
        rows = table_row_count({t.id: t for t in duties.tasks}.values())
        parts.append(f"　共 {duties.total} 项任务" + count_said(duties.total, rows, "rows_after") + "\n")
        first = True
        for role in GROUP_ORDER:
            n = duties.counts.get(role, 0)
            if not n:
                continue
            parts += ["" if first else "　", (f"{role_name(role)} {n}", ROLE_STYLES[role])]
            first = False
        if not duties.total and not any(duties.counts.values()):
            parts.append("方案没有给这个部门分配任务。")
        self.query_one("#duty-header", Static).update(Content.assemble(*parts))
        groups = [(f"{GROUP_TITLES[role]}（{_count(tasks)}）", tasks, {}) for role, tasks in duties.groups.items()]
        # one place's body written several ways (浦东新区 / 浦东新区政府): each line names its units as written
        self.query_one(TaskList).show_groups(groups, exclude=department if len(duties.spellings) < 2 else None,
                                             facts=True)


def _count(tasks) -> str:
    """A group's count in its title: its numbered items (``8``, the header's figure), with the rows listed where they
    are more (``13 项，21 行``)."""
    items = item_count(tasks)
    return str(items) if items == len(tasks) else count_said(items, len(tasks), "with_rows_inline")
