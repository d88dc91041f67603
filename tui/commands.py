"""Command palette providers: departments, tasks, and asking what was typed."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape as escape_markup

from kb.duties import department_counts
from tui.widgets.department_list import counts_line
from tui.widgets.task_list import task_heading


class DepartmentCommands(Provider):
    """部门：open a department's duty list."""

    def _rows(self):
        return department_counts(self.app.plan)

    async def discover(self) -> Hits:
        for name, counts in self._rows()[:10]:
            yield DiscoveryHit(Content(f"部门：{name}"), partial(self.app.show_department, name), help=counts_line(counts))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, counts in self._rows():
            text = f"部门：{name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(escape_markup(text)), partial(self.app.show_department, name), help=counts_line(counts))


class TaskCommands(Provider):
    """任务：open a task's detail by label or title."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        # Streamed from the store (not every task kept in memory at 1,000 plans); the palette
        # shows hits as they come and drops this search when the query changes.
        for task in self.app.plan.iter_tasks():
            text = f"任务：{task.label} {task_heading(task)}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(escape_markup(text)), partial(self.app.open_task, task.id))


class AskCommand(Provider):
    """提问：ask what was typed as a question."""

    async def search(self, query: str) -> Hits:
        if query.strip():
            text = f"提问：{query.strip()}"
            yield Hit(0.01, Content(text), partial(self.app.ask, query.strip()), help="在问答页回答这个问题")  # typed text, not markup


class PlanCommands(Provider):
    """方案：show one plan of several (any of them, also those the picker does not list)."""

    def _titles(self):
        from tui.app import plan_titles

        plan = getattr(self.app, "full_plan", self.app.plan)
        return plan_titles(plan) if len(plan.document_ids()) > 1 else []

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for doc_id, title in self._titles():
            text = f"方案：{title or doc_id}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(escape_markup(text)), partial(self.app.pick_plan, doc_id),
                          help="只看这个方案的部门、职责和问答")

