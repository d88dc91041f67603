"""The structured answer (``Result``) and its one renderer for CLI text, JSON and the TUI.

An executor builds a ``Result``: heading lines, groups of
numbered items (a task with its label, plan, departments by role, deadlines and targets,
or a free line such as a department's counts), notes, and a separate block of related
entries (相关条目) that is never the answer itself.  ``render_text`` turns it into the
text ``kb ask`` prints; ``Result.to_dict`` is its JSON; the TUI lays out the same groups
and items as widgets (tui/widgets/transcript.py) — nobody parses answer text back.

Wording of dates, targets and department lists follows how officials write
(``2019年12月31日前``, ``其他牵头单位：…`` under a department's own lead list); the words
live in kb/data/answers.yaml.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

from kb.model import Deadline, Target, Task
from kb.listing import SHOWN_ROLES, describe_departments, role_lines
from kb.qa.text import snippet, task_head

#: Document id → name (``kb.model.Document.name``) while a Session answers with several plans loaded: ``compose`` names each task item's
#: plan as it renders, so ``Session._finish`` does not render the answer a second time to add them (8,000
#: lines twice for a department's list at 1,000 plans).
PLAN_TITLES: ContextVar[dict | None] = ContextVar("kb_plan_titles", default=None)


@dataclass(slots=True)
class Item:
    """One numbered line of an answer: a task, or a free line (a department with its counts)."""

    n: int | None = None
    """The number shown (第N项 refers to it); None for a line that is not numbered."""
    task: Task | None = None
    """The task, for a task line."""
    text: str = ""
    """A free line's text; for a task line, what follows its label and title (e.g. ``：…``), if anything."""
    exclude: str | None = None
    """The department whose own list this is: left out of the roles shown, its co-holders named 其他…单位."""
    deadlines: list[Deadline] = field(default_factory=list)
    """Deadlines shown after the task (时限：…)."""
    targets: list[Target] = field(default_factory=list)
    """Targets shown after the task."""
    plan: str | None = None
    """The name of the plan the task comes from (``Document.name``), when several plans are loaded."""
    departments: bool = True
    """Show the task's departments by role."""
    under: bool = False
    """A further row of the numbered item above it (a 任务分工表 序号 written over several rows): shown indented, no
    number of its own (``kb.select.item_groups``)."""

    @property
    def label(self) -> str:
        """The task's label (三（一）2), or '' for a free line."""
        return self.task.label if self.task else ""

    def to_dict(self) -> dict:
        """JSON form: number, label, task id, plan, title, roles (role → names), deadlines, targets, text."""
        t = self.task
        return {
            "n": self.n,
            "label": self.label,
            "task": t.id if t else None,
            "plan": self.plan,
            "title": head_of(t) if t else None,
            "roles": roles_of(t, self.exclude) if t and self.departments else {},
            "deadlines": [official_deadline(d) for d in self.deadlines],
            "targets": [target_words(t, tg) for tg in self.targets] if t else [],
            "text": self.text,
            "under": self.under,
        }


@dataclass(slots=True)
class Group:
    """Items under one heading (【牵头】8 项), or without one."""

    title: str | None = None
    """The group's heading, None for the answer's single list."""
    items: list[Item] = field(default_factory=list)
    """Its lines, in order."""
    tail: str = ""
    """Words after the heading (``8 项``, ``牵头的任务共 8 项：``)."""


@dataclass(slots=True)
class Result:
    """What an answer says, before it is laid out."""

    heading: list[str] = field(default_factory=list)
    """Lines before the items (the count, what was understood, a plain statement)."""
    groups: list[Group] = field(default_factory=list)
    """The items, grouped."""
    notes: list[str] = field(default_factory=list)
    """Lines after the items."""
    related: list[Item] = field(default_factory=list)
    """相关条目: loosely related entries, shown apart after the statement; never the answer."""
    related_title: str = ""
    """The related block's own title when it is not the full-text 相关条目 (answers.yaml ``related_title``): the tasks
    where a unit holds another role than the one asked, the paragraphs naming a unit the plan gives no task."""

    @property
    def items(self) -> list[Item]:
        """Every item of every group, in order."""
        return [i for g in self.groups for i in g.items]

    @property
    def tasks(self) -> list[Task]:
        """The numbered tasks in number order (what 第N项 refers to)."""
        return [i.task for i in self.items if i.task is not None and i.n is not None]

    def to_dict(self) -> dict:
        """JSON form of the structure."""
        return {
            "heading": list(self.heading),
            "groups": [{"title": g.title, "tail": g.tail, "items": [i.to_dict() for i in g.items]} for g in self.groups],
            "notes": list(self.notes),
            "related": [i.to_dict() for i in self.related],
            "related_title": self.related_title,
        }


# ---------------------------------------------------------------- wording

def _words() -> dict:
    from kb.qa.wording import load_answer_words

    return load_answer_words()


def head_of(task: Task) -> str:
    """What names a task: its title, else the start of its body."""
    return task_head(task)


def official_date(iso: str) -> str:
    """``2019-12-31`` → ``2019年12月31日`` (how officials write a date)."""
    try:
        y, m, d = (int(x) for x in iso[:10].split("-"))
    except ValueError:
        return iso
    return f"{y}年{m}月{d}日"


def official_deadline(d: Deadline) -> str:
    """A deadline as the plan states it, with its meaning in officials' words when that adds something.

    ``2020年年底前`` stays as written; ``2019年`` (during) reads ``2019年内``; a ``by`` deadline
    whose words name no day gets its day (``到2020年`` → ``到2020年（2020年12月31日前）``).
    """
    w = _words()["deadline"]
    if d.kind == "by" and d.end:
        day = official_date(d.end)
        return d.text if day in d.text or d.text.endswith("前") else w["by"].format(text=d.text, day=day)
    if d.kind == "during" and (d.start or d.end):
        year = (d.start or d.end)[:4]
        return d.text if "内" in d.text or "年" not in d.text[-1:] else w["during"].format(text=d.text, year=year)
    return d.text


def deadline_meaning(d: Deadline) -> str:
    """What a deadline means, in officials' words (``2019年12月31日前完成``, ``2019年内``, ``自2019年7月1日起``)."""
    w = _words()["deadline"]
    if d.kind == "by" and d.end:
        return w["meaning_by"].format(day=official_date(d.end))
    if d.kind == "during":
        # (a year is said as the year; a month, a quarter, a season or a day as its days — 2025年6月 was glossed
        # 2025年内 and 2019年秋冬季, which runs into 2020, too: dates7 s18)
        whole_year = not (d.start and d.end) or (d.start[5:] == "01-01" and d.end[5:] == "12-31" and d.start[:4] == d.end[:4])
        if whole_year:
            return w["meaning_during"].format(year=(d.start or d.end or "")[:4])
        if d.start == d.end:
            return official_date(d.start)
        return w["meaning_range"].format(first=official_date(d.start), last=official_date(d.end))
    if d.kind == "from" and d.start:
        return w["meaning_from"].format(day=official_date(d.start))
    if d.start and d.end:
        return w["meaning_range"].format(first=official_date(d.start), last=official_date(d.end))
    return d.text


def target_words(task: Task, tg: Target) -> str:
    """A target as officials read it: metric (scope): value with comparator (较基准年，到年份).

    The value is said once (no ``（目标：≥27.9%）`` after ``下降27.9%以上``).
    """
    comparator = {"≥": "以上", "≤": "以下", ">": "超过", "<": "低于", "=": ""}.get(tg.comparator, tg.comparator)
    value = f"{tg.value:g}{tg.unit}"
    head = f"{tg.metric}" + (f"（{tg.scope}）" if tg.scope else "")
    how = (tg.direction or "") + value + (comparator if tg.comparator in ("≥", "≤") else "")
    if tg.comparator in (">", "<"):
        how = comparator + how
    if getattr(tg, "written", ""):  # 超过一半, 10个左右: the plan's words, never a number kb derived from them
        how = (tg.direction or "") + tg.written
    how = ("力争" if tg.stretch else "") + how
    extra = []
    if tg.baseline_year:
        extra.append(f"较{tg.baseline_year}年")
    # (a target whose own clause holds a limit of no date — 全年完成5.7万亩 — is not dated by the item's other limits:
    # 到2020年 of the next sentence is no year of it; session 17)
    undated_own = any(d.clause == tg.clause and not d.end for d in task.deadlines)
    year = tg.year or (None if tg.from_year or undated_own else _task_year(task))
    if year:
        extra.append(f"到{year}年")
    elif tg.from_year:
        extra.append(f"自{tg.from_year}年起")  # (a start: never "by" it)
    elif undated_own:
        extra.extend(d.text for d in task.deadlines if d.clause == tg.clause and not d.end)
    if tg.stretch:
        extra.append("力争目标")
    return f"{head}：{how}" + (f"（{'，'.join(extra)}）" if extra else "")


def _task_year(task: Task) -> int | None:
    ends = [d.end for d in task.deadlines if d.end]
    return int(max(ends)[:4]) if ends else None


def roles_of(task: Task, exclude: str | None = None) -> dict[str, list[str]]:
    """Role word → names (sub-units in brackets); ``exclude``'s co-holders under 其他牵头单位 / 其他配合单位 …
    (kb.listing.role_lines: one definition for answers, kb duties and the TUI)."""
    return role_lines(task, exclude)


def describe(task: Task, exclude: str | None = None) -> str:
    """``牵头：A、B；配合：C`` (``其他牵头单位：B`` when ``exclude`` leads too): kb.listing.describe_departments, the one
    line kb duties and the TUI print as well."""
    return describe_departments(task, exclude)


def item_line(item: Item) -> str:
    """One item as a line of text."""
    if item.task is None:
        return (f"{item.n}. " if item.n is not None else "") + item.text
    t = item.task
    line = (f"{item.n}. " if item.n is not None else "   " if item.under else "") + f"{t.label} {head_of(t)}"
    if item.plan:
        line += f"〔{item.plan}〕"
    deps = describe(t, item.exclude) if item.departments else ""
    if deps:
        line += f"（{deps}）"
    if item.text:
        line += item.text
    limits = [d for d in item.deadlines if d.kind != "from"]
    if limits:
        line += "；时限：" + "、".join(official_deadline(d) for d in limits)
    if starts := [d for d in item.deadlines if d.kind == "from"]:
        line += "；开始时间：" + "、".join(official_deadline(d) for d in starts)  # (a start is no time limit)
    if item.targets:
        line += "；目标：" + "；".join(target_words(t, tg) for tg in item.targets)
    return line


def render_text(result: Result) -> str:
    """The answer as ``kb ask`` prints it."""
    lines = list(result.heading)
    for g in result.groups:
        if g.title:
            lines.append(f"【{g.title}】{g.tail}")
        lines.extend([item_line(i) for i in g.items])
    lines.extend(result.notes)
    if result.related:
        lines.append(result.related_title or _words()["related_title"])
        lines.extend(item_line(i) for i in result.related)
    return "\n".join(lines)


# ---------------------------------------------------------------- building a Result from lines


def task_line(n: int, task: Task, *, exclude: str | None = None, deadlines=False, text: str = "",
              departments: bool = True) -> Item:
    """One numbered task of an answer (``deadlines=True``: every deadline of the task shown)."""
    shown = list(task.deadlines) if deadlines is True else list(deadlines or [])
    return Item(n, task, text=text, exclude=exclude, deadlines=shown, departments=departments)


def numbered(tasks: list[Task], start: int = 1, *, exclude: str | None = None, deadlines=False, text: str = "",
             departments: bool = True) -> list[Item]:
    """``tasks`` as numbered items from ``start`` (as ``task_line`` makes each)."""
    if deadlines is True:
        return [task_line(n, t, exclude=exclude, deadlines=True, text=text, departments=departments)
                for n, t in enumerate(tasks, start)]
    # (the same items without a call and keywords per task: a department's list holds 8,000 at 1,000 plans)
    shown = list(deadlines or [])
    return [Item(n, t, text, exclude, shown.copy(), [], None, departments) for n, t in enumerate(tasks, start)]


def numbered_items(tasks: list[Task], start: int = 1, *, exclude: str | None = None, deadlines=False) -> list[Item]:
    """``tasks`` numbered by the plan's numbered items (``kb.select.item_groups``) from ``start``: an item's first task
    takes the number, its further rows follow it unnumbered (``Item.under``)."""
    from kb.select import item_groups

    out: list[Item] = []
    for n, group in enumerate(item_groups(tasks), start):
        for k, t in enumerate(group):
            item = task_line(n, t, exclude=exclude, deadlines=deadlines)
            if k:
                item.n, item.under = None, True
            out.append(item)
    return out


def rows_note(tasks: list[Task]) -> str:
    """What follows a count of ``tasks``' numbered items (``kb.model.item_count``) where a 任务分工表 writes some over
    several rows: answers.yaml ``item_rows`` (the rows, listed under their item); where a paragraph cut at its tags
    writes some in several clauses, each with its units (``Task.item`` of the pieces): ``item_pieces``; "" where each
    task is an item."""
    from kb.select import item_groups

    groups = [g for g in item_groups(tasks) if len(g) > 1]
    if any(" 序号" in g[0].item for g in groups):
        return _words()["item_rows"].format(rows=len(tasks))
    # (only groups the parser made of one paragraph's pieces, Task.item set: tasks sharing an id — two documents in one
    # file numbered alike, ROUTED items2 (6), not done — are no clauses of one item)
    pieces = [g for g in groups if g[0].item]
    if not pieces:
        return ""
    return _words()["item_pieces"].format(items=len(pieces), pieces=sum(len(g) for g in pieces))


def item_pieces(plan, task: Task) -> list[Task]:
    """The tasks of the plan's item ``task`` is the first of, when a paragraph cut at its tags wrote it (``Task.item``
    names the item by its first piece's label: kb.parser.core._group_pieces): every piece in order, each with its own
    units; ``[task]`` for any other task."""
    if not task.item or task.item != task.label or task.kind != "task":
        return [task]
    pieces = [t for t in plan.part_tasks(task.doc, task.part) if t.item == task.item and t.kind == "task"]
    return pieces if len(pieces) > 1 and pieces[0].id == task.id else [task]


def pieces_lines(pieces: list[Task], role: str | None = None) -> list[str]:
    """One line per clause of an item written in several (``item_pieces``): its label, its words, its units as the
    plan tags that clause — never one clause's units as the item's.  ``role``: the role asked, said first."""
    from kb.model import ROLE_NAMES

    words = _words()["item_pieces_line"]
    out = []
    for k, t in enumerate(pieces, 1):
        units = describe(t) or words["none"]
        # (a role asked that this clause does not name: said so before its units, never left to be guessed)
        said = words["asked_none"].format(role=ROLE_NAMES[role]) if role and not getattr(t, role) else ""
        out.append(words["line"].format(k=k, label=t.label, text=snippet(t.body or t.text, 30), said=said, units=units))
    return out


def item_firsts(tasks: list[Task]) -> list[Task]:
    """The first row of each numbered item of ``tasks``: what a list numbered by items (``numbered_items``) numbers,
    and so what 第N项 after it names."""
    from kb.select import item_groups

    return [group[0] for group in item_groups(tasks)]


def target_line(task: Task, tg: Target) -> str:
    """A target as officials read it, after its task's label."""
    return f"{task.label} " + target_words(task, tg)


class GroupLine(str):
    """A group heading among the lines an executor builds (【牵头】8 项)."""

    __slots__ = ()


class Composed(str):
    """Answer text built from a Result (``.result``)."""

    result = None


def compose(lines) -> Composed:
    """Lines (text, Items, GroupLines) as a Result: text before the first item is the heading, a GroupLine
    opens a group, free text after the last item is a note."""
    result = Result()
    group = None
    seen_item = False
    for line in lines:
        if isinstance(line, GroupLine):
            title, _, tail = line.lstrip("【").partition("】")
            group = Group(title, tail=tail)
            result.groups.append(group)
            seen_item = True
            continue
        if not isinstance(line, str):  # an Item
            if group is None:
                group = Group()
                result.groups.append(group)
            group.items.append(line)
            seen_item = True
            continue
        if not seen_item:
            result.heading.append(line)
        elif group is not None:
            group.items.append(Item(None, None, text=line))
    # free lines after the last task item are notes
    if result.groups:
        last = result.groups[-1].items
        while last and last[-1].task is None and last[-1].n is None:
            result.notes.insert(0, last.pop().text)
    titles = PLAN_TITLES.get()
    if titles:
        for item in result.items + result.related:
            if item.task is not None:
                item.plan = titles.get(item.task.doc)
    composed = Composed(render_text(result))
    composed.result = result
    return composed


def departments_of(tasks: list[Task]) -> list[str]:
    """Every department holding any role in ``tasks``: task by task, the units responsible before the 配合 units
    (an answer's departments)."""
    seen: dict[str, None] = {}
    for t in tasks:
        for r in SHOWN_ROLES:  # (the units responsible before the 配合 units, as the answer's text names them)
            for n in getattr(t, r):
                seen.setdefault(n, None)
    return list(seen)
