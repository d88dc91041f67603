"""Duty lists (责任清单): the tasks of one department, grouped by role.

Shared by ``kb duties``, the exporter, the question answerer and the TUI so that
all of them list the same tasks in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.errors import KbError
from kb.model import ROLE_NAMES, ROLES, Plan, Task
from kb.registry import Resolution, resolve_department

#: Order of the groups of a duty list: 牵头, 指导, 单独负责, 按职责分工负责, 配合, then 落实 (implied).
GROUP_ORDER = ("lead", "guide", "sole", "shared", "support", "implied")

#: Headings of the groups as officials write them.
GROUP_TITLES = {
    "lead": "牵头",
    "guide": "指导",
    "sole": "单独负责",
    "shared": "按职责分工负责",
    "support": "配合",
    "implied": "落实（方案要求各项工作均需落实）",
}

ROLE_CHOICES = (*ROLES, "implied", "any")


@dataclass(slots=True)
class DutyList:
    """The tasks of one department, grouped by role."""

    department: str
    """Canonical name (or sub-unit) the list is for."""
    parent: str | None
    """For a sub-unit: the department it is written under in the tags."""
    groups: dict[str, list[Task]] = field(default_factory=dict)
    """Role → tasks, in GROUP_ORDER; a task stands in the first group it qualifies for."""
    counts: dict[str, int] = field(default_factory=dict)
    """Role → number of tasks with that role (a task counts once per role it has)."""

    @property
    def tasks(self) -> list[Task]:
        """Every task of the list, group by group."""
        return [t for role in GROUP_ORDER for t in self.groups.get(role, [])]

    @property
    def total(self) -> int:
        """Number of distinct tasks in the list."""
        return len({t.id for t in self.tasks})


def resolve_or_fail(name: str, plan: Plan) -> Resolution:
    """Resolve a department name, raising KbError (one line, closest names) if it does not resolve."""
    res = resolve_department(name, plan)
    if not res.ok:
        raise KbError(res.message())
    return res


def duty_list(plan: Plan, department: str, role: str = "any", *, every_group: bool = False) -> DutyList:
    """The duty list of ``department`` (canonical name or sub-unit) for ``role`` (ROLE_CHOICES).

    ``every_group``: a task stands in every group of a role the department holds
    in it (as in exports, the TUI and ``kb duties``: each group's count is its
    heading's count, 落实 64 lists 64 tasks); otherwise only in the first.
    """
    if role not in ROLE_CHOICES:
        raise KbError(f"不认识的职责 {role!r}：可用 {', '.join(ROLE_CHOICES)}")
    roles = GROUP_ORDER if role == "any" else (role,)
    parent = plan.subunits().get(department)
    result = DutyList(department, parent)
    placed: set[str] = set()
    held = plan.roles_held()
    for r in GROUP_ORDER:
        if r != "implied" and r not in held:
            continue  # a role nobody in the plan holds (指导 in most plans) has no count or group
        tasks = plan.tasks_of(department, r)
        result.counts[r] = len(tasks)
        if r not in roles:
            continue
        group = list(tasks) if every_group else [t for t in tasks if t.id not in placed]
        placed.update(t.id for t in group)
        if group:
            result.groups[r] = group
    return result


def other_departments(task: Task, department: str) -> dict[str, list[str]]:
    """The task's departments by role, without ``department`` itself (nor its parent/sub-unit line)."""
    out: dict[str, list[str]] = {}
    for r in ROLES:
        names = [n for n in getattr(task, r) if n != department and department not in task.subunits.get(n, ())]
        if names:
            out[r] = names
    return out


#: Marks that end the first clause of a paragraph (outside brackets).
_CLAUSE_END = "，；。：！？"
_OPEN, _CLOSE = "（(《“「【〔", "）)》”」】〕"


def task_heading(task: Task, limit: int = 40) -> str:
    """What names a task in a list: its title, else its first clause (up to the first ，；。 outside brackets).

    Cut to ``limit`` characters with … (duty lists, the TUI, exports' 任务 column).
    """
    if task.title:
        return task.title
    text = task.body or task.text
    depth, end = 0, len(text)
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in _CLAUSE_END and depth == 0:
            end = i
            break
    head = text[:end].strip()
    return head if len(head) <= limit else head[:limit] + "…"


def describe_departments(task: Task, exclude: str | None = None) -> str:
    """``牵头：A、B；配合：C`` for a task, sub-units in brackets, ``exclude`` left out."""
    parts = []
    for r in ROLES:
        names = []
        for n in getattr(task, r):
            if exclude is not None and (n == exclude or exclude in task.subunits.get(n, ())):
                continue
            subs = task.subunits.get(n)
            names.append(f"{n}（{'、'.join(subs)}）" if subs else n)
        if names:
            parts.append(f"{ROLE_NAMES[r]}：{'、'.join(names)}")
    return "；".join(parts)


def plan_name(doc) -> str:
    """How listings name a plan: ``《title》（file）`` (the file name it was read from, else its id)."""
    from pathlib import PurePath

    file = PurePath(doc.path).name if doc.path else doc.id
    return f"《{doc.title}》（{file}）"


def plan_ref(doc) -> dict:
    """A plan in JSON: id, title and file."""
    from pathlib import PurePath

    return {"id": doc.id, "title": doc.title, "file": PurePath(doc.path).name if doc.path else doc.id}


def plans_of(plan: Plan) -> list[tuple[object, Plan]]:
    """Each document of a folder with a Plan of its own tasks, in corpus order."""
    out = []
    for doc in plan.documents:
        out.append((doc, Plan(documents=[doc], tasks=plan.document_tasks(doc.id), registry=plan.registry)))
    return out


def department_counts(plan: Plan) -> list[tuple[str, dict[str, int]]]:
    """Every department and sub-unit with its number of tasks per role, sorted by total (any role but implied).

    Roles are those of ``Plan.roles_held`` (指导 only when the plan uses it)."""
    names = plan.departments() + [s for s in plan.subunits() if s not in plan.departments()]
    roles = plan.roles_held()
    rows = []
    counted = plan.role_counts()  # one pass (a stored plan: summed per-plan counts, no task read)
    for name in names:
        mine = counted.get(name, {})
        counts = {r: mine.get(r, 0) for r in (*roles, "implied")}
        counts["total"] = mine.get("any", 0)
        rows.append((name, counts))
    order = {n: i for i, n in enumerate(names)}
    rows.sort(key=lambda row: (-row[1]["total"], -row[1]["implied"], order[row[0]]))
    return rows
