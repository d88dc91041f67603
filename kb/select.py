"""One selection over the plan's tasks, shared by ``kb ask``, ``kb grep`` filters and exports.

Before this module, "what is a task" and "is this task due in 2019" were decided in
three places that disagreed (``kb grep --year 2019`` listed 4 tasks, ``kb ask
2019年要完成哪些任务`` 2).  Now there is one definition of each:

- a **task** is a paragraph carrying a responsibility tag (``Task.kind == "task"``);
  paragraphs of 一、二、四 are other paragraphs of the plan (``is_task``); what the plan-wide lists and shares of
  duties count (``duty_items``) adds, in a document written without tags, its items whose prose names a unit
  (``has_units``);
- an **item** is what counts count: a task, or the rows of one 任务分工表 序号 (with the body
  paragraph they restate) together (``item_groups``);
- a **deadline's period** is ``start..end``: a ``by`` deadline (到2020年) is its due date
  alone, ``during`` its year/month, ``range`` its span, ``from`` (自2019年7月1日起) runs on
  without end;
- a task is **due** in a span when a deadline's end falls in it (``from`` deadlines are
  never "due"); it is **active** in a span when a deadline's period meets it (what
  ``kb grep --year`` selects); it **starts** in a span when a ``from`` deadline starts in it;
- a span **by a day** (2020年底前, 截至2020年底, ``--due-before``) is read one of two ways, and every consumer says
  which (``choose_dated``, ``DUE_READINGS``): ``cumulative`` — every item due on or before the day — or ``limit`` —
  where the plan writes that day as a limit (some item of it is due that very day), the items due on it, those
  due earlier apart (``DatedChoice.earlier``); else cumulative.  ``kb grep --due-before`` is cumulative and
  ``--due-on`` the limit; ``kb ask`` reads its question's words (截至/累计: cumulative; 前/底前: limit).

Imports nothing heavy: ``kb grep`` loads it on its fast path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.model import ANNEX_LEVEL_MARK, Deadline, Plan, Task, item_key

#: How a date span selects deadlines (see the module docstring).
DATE_TESTS = ("due", "active", "starts", "node")

#: How a span by a day (no first day) reads: every item due by the day, or the items due on it where the plan writes it.
DUE_READINGS = ("cumulative", "limit")


def is_task(task: Task) -> bool:
    """True for a task proper: a paragraph that carries a responsibility tag."""
    return task.kind == "task"


def item_groups(tasks: list[Task]) -> list[list[Task]]:
    """``tasks`` grouped by the plan's numbered items (``item_key``), in order of each item's first task: what a count
    or a list of tasks counts (a 任务分工表 item written over 1–4 rows is one item; its rows are shown under it)."""
    groups: dict[tuple[str, str], list[Task]] = {}
    for t in tasks:
        groups.setdefault(item_key(t), []).append(t)
    return list(groups.values())


def plan_tasks(plan: Plan, docs: list[str] | None = None) -> list[Task]:
    """The tasks proper of the plan (of the documents ``docs`` only, when given), in plan order."""
    return [t for t in plan.tasks if is_task(t) and (not docs or t.doc in docs)]


def duty_items(plan: Plan, docs: list[str] | None = None) -> list[Task]:
    """What the plan-wide lists and shares of duties count (of the documents ``docs`` only, when given), in plan order:
    the tasks proper, and in a document written WITHOUT tags its paragraphs whose prose names a unit in a role
    (``has_units``) — the items a department's list, kb duties and the division table name there.  The parser keeps
    such a paragraph's kind (its sections and topics are read as the plan's items, README "Which paragraph is a task"),
    so 方案有哪些任务 said 共 0 项 and 哪些任务没有配合单位 said no unit was read while X负责哪些任务 listed them (holdout17 d07,
    fixture 116 奉贤).  The plan's own count adds its numbered work items naming nobody (kb.qa.exec_topics
    .exec_all_tasks); dates keep their own pool (``dated_items``: every dated paragraph of such a document)."""
    untagged = {d.id for d in plan.documents if not d.tagged}
    return [t for t in plan.tasks
            if (is_task(t) or t.doc in untagged and has_units(t)) and (not docs or t.doc in docs)]


def has_units(task: Task) -> bool:
    """The plan gives ``task`` a unit in a role (lead, guide, support, sole, shared): implied implementers of a
    carry-forward note alone are none."""
    return bool(task.lead or task.guide or task.support or task.sole or task.shared)


def dated_items(plan: Plan, docs: list[str] | None = None) -> list[Task]:
    """What a date question chooses from: the tasks proper (``plan_tasks``); in a document with no task proper at all (a
    plan that names no units, 奉贤 2023: its dated phases 2023年9月底前，全面排查… are paragraphs), its paragraphs that
    state a time — the plan's dated requirements all the same.  So a date is never said to be in no item while such a
    text writes it.  A document whose tasks name units keeps its tasks alone (a goal's 到2025年 is no task's limit:
    questions_mechanisms.yaml m6-deadline-ty-none)."""
    tasks = [t for t in plan.tasks if not docs or t.doc in docs]
    task_docs = {t.doc for t in tasks if is_task(t)}
    return [t for t in tasks if is_task(t) or (t.doc not in task_docs and t.deadlines)]


def schedule_steps(plan: Plan) -> list[Task]:
    """The dated paragraphs of the plan's schedule that are no tasks proper: a paragraph with a limit under a part or a
    section titled as a schedule (targets.yaml ``schedule_headings``: 实施步骤, 时间安排, 进度安排 …) — 2025年6月，各区县完成
    燃气隐患排查…; 2025年9月，完成重大隐患整改 — in a plan whose tasks are tagged (``dated_items`` keeps the tasks alone
    there).  A date question that no task falls due on answers with them (dates7 s18: 2025年6月要完成哪些 said no task has a
    limit while the 时间安排 wrote that month's step); a goal's 到2025年 stays out."""
    from kb.parser.deadlines import schedule_heading

    return [t for t in plan.tasks if not is_task(t) and t.deadlines
            and (schedule_heading(t.part_title) or schedule_heading(t.section_title))]


@dataclass(slots=True)
class DateSpan:
    """A span of days a question or a filter names, and how deadlines are tested against it."""

    first: str | None
    """ISO date the span starts (None: no lower bound, 2020年底前)."""
    last: str | None
    """ISO date the span ends (None: no upper bound, 2019年起)."""
    test: str = "due"
    """One of DATE_TESTS: ``due`` (a deadline ends in the span), ``active`` (a deadline's period meets
    it), ``starts`` (a ``from`` deadline, or a recurring limit with its start, starts in it) or ``node`` (a date the deadline names — its start or its
    end — falls in it: 哪些任务有2019年的时间节点 counts 自2019年7月1日起 as well as 2019年底前)."""
    text: str = ""
    """The words that named it (2019年, 2020年底前), for answers."""

    @classmethod
    def year(cls, year: int, test: str = "due", text: str = "") -> DateSpan:
        """The calendar year ``year``."""
        return cls(f"{year:04d}-01-01", f"{year:04d}-12-31", test, text or f"{year}年")

    @classmethod
    def by(cls, day: str, text: str = "") -> DateSpan:
        """Due on or before ``day`` (ISO): ``--due-before``, 截至2020年底."""
        return cls(None, day, "due", text)

    @classmethod
    def on(cls, day: str, text: str = "") -> DateSpan:
        """Due on ``day`` (ISO) itself: ``--due-on``, a limit the plan writes (2020年年底前)."""
        return cls(day, day, "due", text)

    @property
    def by_day(self) -> bool:
        """True for a span by a day (no first day: 2020年底前), the one a reading (``DUE_READINGS``) applies to."""
        return self.test == "due" and self.first is None and self.last is not None

    def holds(self, deadline: Deadline) -> bool:
        """True if ``deadline`` passes this span's test."""
        if self.test == "due":
            return deadline_due(deadline, self.first, self.last)
        if self.test == "starts":
            return deadline_starts(deadline, self.first, self.last)
        if self.test == "node":
            return deadline_node(deadline, self.first, self.last)
        return deadline_active(deadline, self.first, self.last)

    def selects(self, task: Task) -> bool:
        """True if some deadline of ``task`` passes."""
        return any(self.holds(d) for d in task.deadlines)


@dataclass(slots=True)
class DatedChoice:
    """The tasks a date span chooses under a reading (``choose_dated``)."""

    tasks: list[Task]
    """The tasks chosen, in their order."""
    earlier: list[Task] = field(default_factory=list)
    """Under the ``limit`` reading of a limit the plan writes: the tasks due before it (said apart, never hidden)."""
    limit: str | None = None
    """The ISO day the tasks are due on, when the span was read as the plan's limit; None when read cumulatively."""


def written_limit(span: DateSpan, pool) -> str | None:
    """The day a span by a day ends (2019年8月底前 → 2019-08-31) when some task of ``pool`` (the plan's dated items) is
    due on that very day — a limit the plan writes, whatever its words (2020年年底前, 到2020年) — else None."""
    if not span.by_day:
        return None
    on = DateSpan.on(span.last)
    return span.last if any(on.selects(t) for t in pool) else None


def choose_dated(tasks, span: DateSpan, reading: str, pool=()) -> DatedChoice:
    """The tasks of ``tasks`` that ``span`` selects, read as ``reading`` (``DUE_READINGS``) — the date choice of
    ``kb ask``'s lists (plan-wide, a department's, joint, a section's).  ``kb grep``/``kb export`` read a day the same
    two ways through their spans: ``--due-before`` ``DateSpan.by`` (cumulative), ``--due-on`` ``DateSpan.on`` (the
    limit; no fallback to cumulative when nothing is due that day).

    ``limit``: where ``span`` is by a day some task of ``pool`` is due on, the tasks due on it, and apart those the
    span selects that are not (due earlier); else, and for any other span, every task the span selects."""
    if reading not in DUE_READINGS:
        raise ValueError(f"reading {reading!r} is none of {DUE_READINGS}")
    chosen = [t for t in tasks if span.selects(t)]
    limit = written_limit(span, pool) if reading == "limit" else None
    if limit is None:
        return DatedChoice(chosen)
    on = DateSpan.on(limit)
    return DatedChoice([t for t in chosen if on.selects(t)], [t for t in chosen if not on.selects(t)], limit)


def deadline_due(d: Deadline, first: str | None, last: str | None) -> bool:
    """The deadline ends within first..last (a ``from`` deadline has no end and is never due)."""
    if d.kind == "from" or not d.end:
        return False
    return (first is None or d.end >= first) and (last is None or d.end <= last)


def deadline_active(d: Deadline, first: str | None, last: str | None) -> bool:
    """The deadline's period (start..end; ``by``: its end alone; ``from``: no end) meets first..last."""
    start = d.start or d.end
    if start is None:
        return False
    return (last is None or start <= last) and (d.end is None or first is None or d.end >= first)


def deadline_node(d: Deadline, first: str | None, last: str | None) -> bool:
    """A date the deadline names — its start (自2019年7月1日起) or its end (2019年底前) — within first..last."""
    return any(x and (first is None or x >= first) and (last is None or x <= last) for x in (d.start, d.end))


def deadline_starts(d: Deadline, first: str | None, last: str | None) -> bool:
    """A ``from`` deadline (自2019年7月1日起), or a recurring limit with its start (2020年起，每年2月底前), starting within
    first..last."""
    if d.kind not in ("from", "recurring") or not d.start:
        return False
    return (first is None or d.start >= first) and (last is None or d.start <= last)


def holds_role(task: Task, name: str, role: str) -> bool:
    """True if department ``name`` has ``role`` in ``task``.

    ``role`` is a model role (lead, support, sole, shared, guide when the plan has it),
    ``implied`` (the plan's note makes it implement), ``any`` (a tag role) or
    ``any+implied`` (a tag role or implied: ``kb grep --dept`` and ``kb duties``).
    """
    roles = task.roles_of(name)
    if role == "any":
        return any(r != "implied" for r in roles)
    if role == "any+implied":
        return bool(roles)
    return role in roles


@dataclass(slots=True)
class Selection:
    """Which tasks: every condition given must hold (the one filter of qa, grep and exports)."""

    roles: list[tuple[str, str]] = field(default_factory=list)
    """(department, role) pairs that must all hold (see ``holds_role``)."""
    sections: list[str] = field(default_factory=list)
    """Labels of parts (三), sections (三（二）) or tasks; the task must fall under one of them."""
    dates: DateSpan | None = None
    """A span some deadline must pass, if any."""
    has_deadline: bool | None = None
    """True: some deadline; False: none; None: either."""
    has_target: bool = False
    """The task states at least one numeric target."""
    docs: list[str] = field(default_factory=list)
    """Document ids the task must come from (empty: any)."""
    tasks_only: bool = True
    """Only tasks proper (``is_task``); False for every paragraph (grep searches them all)."""

    def accepts(self, task: Task) -> bool:
        """True if ``task`` passes every condition."""
        if self.tasks_only and not is_task(task):
            return False
        if self.docs and task.doc not in self.docs:
            return False
        if any(not holds_role(task, name, role) for name, role in self.roles):
            return False
        if self.sections and not any(in_section(task, s) for s in self.sections):
            return False
        if self.dates is not None and not self.dates.selects(task):
            return False
        if self.has_deadline is not None and bool(task.deadlines) != self.has_deadline:
            return False
        if self.has_target and not task.targets:
            return False
        return True

    def select(self, plan: Plan) -> list[Task]:
        """The tasks of ``plan`` passing, in plan order."""
        return [t for t in plan.tasks if self.accepts(t)]

    def select_from(self, tasks) -> list[Task]:
        """The tasks of ``tasks`` passing, in their order (a store lookup narrows, this decides: exports)."""
        return [t for t in tasks if self.accepts(t)]


#: Every paragraph (no condition): what exports take when no filter is given.
EVERY_PARAGRAPH = Selection(tasks_only=False)


def normalize_section(text: str) -> str:
    """A section as typed (``三(二)``, ``三、``, `` 三（二） ``) → the plan's form (``三（二）``)."""
    text = "".join(text.split())
    text = text.replace("(", "（").replace(")", "）")
    return text.rstrip("、.．。，,")


def in_section(task: Task, section: str) -> bool:
    """True if ``task`` is the part, section or task ``section`` names (normalised form), or stands in a section of the
    annex part it names (附件·二 holds 附件·二（一）…)."""
    return section in (task.part, task.section, task.label) or under_heading(section, task.section)


def under_heading(label: str, section: str | None) -> bool:
    """A task of section ``section`` stands under the heading ``label``: that section, or a section of the annex's own
    part ``label`` names (附件·二 over 附件·二（一）, 附件·二（二）: an annex written in two heading levels)."""
    return bool(section) and (section == label or ANNEX_LEVEL_MARK in label and section.startswith(label + "（"))


def annex_part_over(plan, task: Task) -> tuple[str, str] | None:
    """(label, title) of the annex's own part a task of a nested annex section stands under (附件·六, 筑牢安全防护体系（5分）
    over 附件·六（一）-78), None for any other task: the task itself keeps only its section's title."""
    section = task.section or ""
    if ANNEX_LEVEL_MARK not in section:
        return None
    outer = section.split("（", 1)[0]
    for doc_id, _, sections in plan.document_outlines():
        if doc_id == task.doc:
            return next(((label, title) for label, title in sections if label == outer), None)
    return None


def heading_line(label: str, title: str) -> str:
    """How an answer writes a heading: ``三（一）调整产业结构``, ``附件·二（一）政务服务``, and a numeral label with 、 —
    ``三、重点任务``, ``附件·二、数字治理``."""
    return f"{label}{title}" if "（" in label or "(" in label else f"{label}、{title}"
