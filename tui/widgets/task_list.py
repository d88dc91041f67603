"""A selectable list of tasks (label + title), optionally in groups with headings.

Used by the answers of the Ask view and by the duty list.  Choosing a task
(Enter or click) posts ``TaskList.TaskChosen``; the screen opens its detail.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kb.duties import describe_departments
from kb.duties import task_heading as _kb_heading
from kb.model import Task
from tui.widgets.roles import ROLE_BADGES, ROLE_STYLES


#: Seconds a typed number waits for its next digit (12 is 1 then 2).
NUMBER_PAUSE = 0.6


def task_heading(task: Task) -> str:
    """What names a task in one line: its title, else its first clause (kb.duties.task_heading)."""
    return _kb_heading(task)


def task_prompt(task: Task, roles: list[str] | None = None, exclude: str | None = None, facts: bool = False) -> Content:
    """A task as a list item: badges for ``roles``, label, title; its departments dimmed below.

    ``facts``: also its dates (开始时间, 完成时限) and targets (目标指标), as duty lists show them.
    """
    parts: list[tuple[str, str] | str] = []
    for role in roles or []:
        if role in ROLE_BADGES:
            parts += [(f"[{ROLE_BADGES[role]}]", ROLE_STYLES[role]), " "]
    parts += [(task.label, "bold $text-primary"), " ", task_heading(task)]
    others = describe_departments(task, exclude)
    if others:
        parts += ["\n", (others, "$text-muted")]
    if facts and (task.deadlines or task.targets):
        from kb.export.content import target_texts, time_facts  # (not on the way to the first screen)
    if facts and task.deadlines:
        for label, text in time_facts(task):
            parts += ["\n", (f"{label}：", "bold $text-secondary"), text]
    if facts and task.targets:
        parts += ["\n", ("目标指标：", "bold $text-secondary"), "；".join(target_texts(task))]
    return Content.assemble(*parts)


class TaskList(OptionList):
    """Tasks as options whose ids are the task ids; group headings are disabled options."""

    NUMBER_PAUSE = NUMBER_PAUSE

    @dataclass
    class TaskChosen(Message):
        """A task of the list was chosen (Enter or click)."""

        task_id: str
        """Id of the chosen task."""

    def __init__(self, *, id: str | None = None, classes: str | None = None, options: list[Option] | None = None) -> None:
        super().__init__(*(options or []), id=id, classes=classes)
        self.task_ids: list[str] = []
        """Ids of the tasks listed, in list order (headings not included)."""

    @classmethod
    def of_tasks(cls, tasks: list[Task], roles: dict[str, list[str]] | None = None, exclude: str | None = None, **kwargs) -> "TaskList":
        """A new list of ``tasks``, filled before it is mounted (one layout instead of two)."""
        roles = roles or {}
        options = [Option(task_prompt(t, roles.get(t.id), exclude), id=t.id) for t in tasks]
        task_list = cls(options=options, **kwargs)
        task_list.task_ids = [t.id for t in tasks]
        return task_list

    def show_groups(
        self, groups: list[tuple[str | None, list[Task], dict[str, list[str]]]], exclude: str | None = None, facts: bool = False
    ) -> None:
        """Replace the options with ``groups`` of (heading or None, tasks, task id → roles to badge); ``facts`` as task_prompt."""
        options: list[Option] = []
        self.task_ids = []
        for heading, tasks, roles in groups:
            if heading:
                options.append(Option(Content.styled(heading, "bold"), disabled=True))
            for task in tasks:
                # The same task may stand in two groups; option ids must stay unique.
                option_id = task.id if task.id not in self.task_ids else f"{task.id}@{len(options)}"
                options.append(Option(task_prompt(task, roles.get(task.id), exclude, facts), id=option_id))
                self.task_ids.append(task.id)
        self.set_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        self.highlighted = first

    def show_tasks(self, tasks: list[Task], roles: dict[str, list[str]] | None = None, exclude: str | None = None) -> None:
        """Replace the options with ``tasks`` (no headings)."""
        self.show_groups([(None, tasks, roles or {})], exclude)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.TaskChosen(event.option.id.split("@", 1)[0]))

    def numbers(self) -> dict[int, str]:
        """Item number → task id, in list order."""
        return {n: task_id for n, task_id in enumerate(self.task_ids, 1)}

    def on_key(self, event) -> None:
        number_key(self, event)


def number_key(widget, event) -> None:
    """A number key on ``widget`` (which has ``numbers()``) opens the item of that number;
    several digits typed in a row make one number."""
    if event.character and event.character.isdigit():
        event.stop()
        widget._typed = getattr(widget, "_typed", "") + event.character
        timer = getattr(widget, "_number_timer", None)
        if timer is not None:
            timer.stop()
        widget._number_timer = widget.set_timer(widget.NUMBER_PAUSE, lambda: open_typed_number(widget))


def open_typed_number(widget) -> None:
    """Open the task whose number was typed on ``widget`` (a number no item has is said, not guessed)."""
    typed, widget._typed = getattr(widget, "_typed", ""), ""
    if not typed:
        return
    task_id = widget.numbers().get(int(typed))
    if task_id is None:
        widget.app.notify(f"没有第 {typed} 项", severity="warning")
        return
    widget.post_message(TaskList.TaskChosen(task_id))
