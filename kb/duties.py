"""Duty lists (责任清单): the tasks of one department, grouped by role.

Shared by ``kb duties``, the exporter, the question answerer and the TUI so that
all of them list the same tasks in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.errors import KbError
from kb.model import ROLE_NAMES, ROLES, Plan, Task, item_count
from kb.registry import (Resolution, ambiguous_division, division_spellings, division_twins, division_units,
                         one_body_units, same_body_names,
                         place_spellings, resolve_department)

# How a task reads in a duty list is kb/listing.py (the store renders it into its rows at parse time).
from kb.listing import describe_departments, duty_facts, task_heading  # noqa: E402,F401

#: Order of the groups of a duty list: 牵头, 指导, 单独负责, 共同负责, 配合, then 落实 (implied).
GROUP_ORDER = ("lead", "guide", "sole", "shared", "support", "implied")

#: Headings of the groups as officials write them.
GROUP_TITLES = {
    "lead": "牵头",
    "guide": "指导",
    "sole": "单独负责",  # sole is one unit alone (README A2): true since session 9
    "shared": "共同负责",  # several units responsible together, or 按职责分工负责
    "support": "配合",
    "implied": "落实（方案要求各项工作均需落实）",
}

ROLE_CHOICES = (*ROLES, "implied", "any")


def count_said(items: int, rows: int, form: str = "with_rows", **fields) -> str:
    """A count as every list says it: ``8 项``, or ``13 项（21 行）`` when a 任务分工表 writes some of the numbered items
    (``kb.model.item_count``) over several rows — the rows are what the list shows.  ``form``: the entry of
    answers.yaml ``item_count`` (``with_rows``, ``group_rows``, ``cell_rows`` …) said when the rows are more; when they
    are not, its bare counterpart (``items``, ``group``, ``cell``), or "" for a form that only says the rows."""
    words = count_words()
    if items == rows:
        bare = _BARE.get(form)
        return words[bare].format(items=items, **fields) if bare else ""
    return words[form].format(items=items, rows=rows, **fields)


#: Each form of answers.yaml ``item_count`` → what it says when the rows are no more than the items.
_BARE = {"items": "items", "with_rows": "items", "with_rows_inline": "items", "group_rows": "group", "cell_rows": "cell"}


def count_words() -> dict:
    """answers.yaml ``item_count``: the forms of a count of numbered items with its rows."""
    from kb.qa.wording import load_answer_words

    return load_answer_words()["item_count"]


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
    """Role → number of the plan's numbered items with that role (``kb.model.item_key``: a 任务分工表 序号 over several
    rows is one; an item counts once per role it has)."""
    spellings: tuple[str, ...] = ()
    """The spellings of one place's body the plan writes whose tasks the list unions (``place_body``:
    浦东新区, 浦东新区政府), ``department`` first; just ``(department,)`` for any other name."""

    @property
    def tasks(self) -> list[Task]:
        """Every task of the list, group by group."""
        return [t for role in GROUP_ORDER for t in self.groups.get(role, [])]

    @property
    def total(self) -> int:
        """Number of distinct numbered items in the list (``kb.model.item_key``: a 任务分工表 序号 over rows is one)."""
        return item_count(self.tasks)


@dataclass(slots=True)
class DutyLine:
    """One task of a department's duty list as ``kb duties`` prints it (kb/listing.py's wording)."""

    role: str
    """The role (GROUP_ORDER) the department holds in the task; a task with two roles has two lines."""
    doc: str
    """Id of the task's document."""
    label: str
    """The task's label (``三（一）2``)."""
    heading: str
    """``task_heading``: the title, else the first clause."""
    others: str
    """``describe_departments`` without the department itself (empty when it is alone)."""
    facts: str
    """``duty_facts``: deadlines and targets, or empty."""


class SpellingsPlan:
    """The plan, with several spellings of one body (国土房管局 / 市国土房管局; 浦东新区 / 浦东新区政府) holding the
    union of their tasks; every other attribute is the plan's own."""

    def __init__(self, plan, names: tuple[str, ...], docs: set[str]):
        # (a folder of plans: only within the documents that write the spellings — 发展改革委 of a State
        # Council plan is not 市发展改革委 of a city's)
        self._plan, self._names, self._docs = plan, names, docs

    def __getattr__(self, attr):
        return getattr(self._plan, attr)

    def tasks_of(self, name: str, role: str = "any") -> list[Task]:
        if name not in self._names:
            return self._plan.tasks_of(name, role)
        seen: dict[str, Task] = {}
        for n in self._names:
            for t in self._plan.tasks_of(n, role):
                if t.doc in self._docs:
                    seen.setdefault(t.id, t)
        return sorted(seen.values(), key=self._plan.position)


def docs_of(plan, name: str) -> set[str]:
    """Ids of the documents in which ``name`` holds a role or implements a task."""
    return {t.doc for r in ("any", "implied") for t in plan.tasks_of(name, r)}


def _may_have_divisions(name: str) -> bool:
    """False for a place's body (its spellings are place_spellings'), so those questions never read the plan's names
    for divisions."""
    return not place_spellings(name)


def place_body(plan, name: str):
    """(plan, spellings): a place and its government are one body (浦东新区 / 浦东新区政府 / 浦东新区人民政府,
    kb.registry.place_spellings), and so are a bureau and the bureau with its divisions in brackets as the plan
    writes them (市交通委 / 市交通委（计划财务处） / 市交通委（运行处）; a division asked alone, 计划财务处, is the
    names holding it: kb.registry.division_spellings) — the plan's names are kept as written, so the plan answering with the tasks of every
    spelling it writes, and those spellings (``name`` first); ``(plan, (name,))`` for any other name.

    The one definition behind every department list: questions (kb.qa.exec_departments), ``kb duties``
    (``duty_list``/``duty_lines``), the exports and the TUI."""
    docs = {n: docs_of(plan, n) for n in place_spellings(name) if n != name}
    if _may_have_divisions(name):
        # a bureau and its divisions as the plan writes them (市交通委 / 市交通委（计划财务处）): one body the same way
        # (a division of two bureaus asked bare, 办公室 of 市交通委办公室 and 市公安局办公室, is no one body: as written)
        ambiguous = ambiguous_division(plan, name) is not None
        if not ambiguous:
            docs.update((n, docs_of(plan, n)) for n in division_spellings(name, plan.departments()))
            # and a division written after its bureau without a bracket (市交通委科技信息处 / 科技信息处 / 市交通委; a
            # 、-list's bare divisions sharing the bureau: kb.registry.division_twins)
            docs.update((n, docs_of(plan, n)) for n in division_twins(plan, name) if n not in docs)
        # and a short form written beside the full name (市交通局 / 市交通运输局: kb.registry.same_body_names)
        docs.update((n, docs_of(plan, n)) for n in same_body_names(plan.departments(), name) if n not in docs)
    twins = tuple(n for n, d in docs.items() if d)
    if not twins:
        return plan, (name,)
    spellings = (name, *twins)
    # (each spelling's documents read once: a twin's were read to find it)
    return SpellingsPlan(plan, spellings, docs_of(plan, name).union(*(docs[n] for n in twins))), spellings


def written_as(tasks: list[Task], spellings: tuple[str, ...], roles: tuple[str, ...] | None = None) -> str:
    """（方案写作“浦东新区”5 项、“浦东新区政府”1 项）: how the plan names the one body on the tasks listed
    (empty for a single spelling), in numbered items with the rows where they are more (``count_said``);
    ``roles``: count a spelling only where it holds one of them (a list of 配合 tasks does not count
    市交通委（运行处） leading one of them)."""
    if len(spellings) < 2:
        return ""
    tasks = list({t.id: t for t in tasks}.values())  # (a task listed under two roles is one row)
    written = [(n, [t for t in tasks if (set(t.roles_of(n)) & set(roles) if roles else t.roles_of(n))])
               for n in spellings]
    said = "、".join(f"“{n}”{count_said(item_count(ts), len(ts))}" for n, ts in written if ts)
    return f"（方案写作{said}）" if said else ""


def duty_lines(plan: Plan, department: str, placed: tuple | None = None) -> list[DutyLine]:
    """Every line of ``department``'s duty list: role by role (GROUP_ORDER), each in corpus order.

    A plan in the store reads the lines it rendered when it parsed the plan (no
    task is built: 19,000 lines at 1,000 plans); any other plan renders them here.

    A place asked by one spelling lists the tasks of every spelling the plan writes (``place_body``); those lines
    name every unit as the plan writes it (the body itself included: which spelling a task uses shows).
    ``placed``: ``place_body(plan, department)`` when the caller has it already (``kb duties`` says the spellings).
    """
    plan, spellings = placed or place_body(plan, department)
    if len(spellings) > 1:
        return [DutyLine(r, t.doc, t.label, task_heading(t), describe_departments(t), duty_facts(t))
                for r in GROUP_ORDER for t in plan.tasks_of(department, r)]
    if getattr(plan, "uses_store", lambda: False)():
        rows = plan.listing_rows(department)
        if rows is not None:
            rank = {r: n for n, r in enumerate(GROUP_ORDER)}
            rows.sort(key=lambda row: rank.get(row[0], len(rank)))  # stable: corpus order within a role
            return [DutyLine(*row) for row in rows if row[0] in rank]
    return [DutyLine(r, t.doc, t.label, task_heading(t), describe_departments(t, exclude=department), duty_facts(t))
            for r in GROUP_ORDER for t in plan.tasks_of(department, r)]


def resolve_or_fail(name: str, plan: Plan) -> Resolution:
    """Resolve a department name, raising KbError (one line, closest names) if it does not resolve — or if it is a
    bare division the plan writes under two or more bureaus (办公室: the choices, as a question asks back)."""
    res = plan_name_as_written(name, plan) or resolve_department(name, plan)
    if not res.ok:
        raise KbError(res.message())
    said = division_choices(plan, res.name)
    if said is not None:
        from kb.qa.wording import load_answer_words

        raise KbError(said + load_answer_words()["division_name_one"])
    return res


def division_choices(plan, name: str, meant: list[str] | None = None) -> str | None:
    """What a bare division of two or more bureaus is (方案中有不止一个单位的“办公室”：市交通委办公室（1 项）、
    市公安局办公室（1 项）。另有 1 项只写“办公室”…), else None: the one text a question's ask-back, ``kb duties`` and
    ``kb export`` say — never one bureau's list, nor the bare items alone, under the shared name.
    ``meant``: ``ambiguous_division(plan, name)`` when the caller has it."""
    meant = ambiguous_division(plan, name) if meant is None else meant
    if not meant:
        return None
    from kb.qa.wording import load_answer_words

    words = load_answer_words()
    counts = "、".join(f"{n}（{item_count(place_body(plan, n)[0].tasks_of(n, 'any'))} 项）" for n in meant)
    text = words["division_ambiguous"].format(name=name, names=counts)
    bare = plan.tasks_of(name, "any")
    if bare:
        text += words["division_bare"].format(name=name, count=item_count(bare), labels="、".join(t.label for t in bare))
    return text


def plan_name_as_written(name: str, plan: Plan) -> Resolution | None:
    """``resolve_department``'s answer when ``name`` is a department or sub-unit the plan writes (the plan's own
    names come first there), found without reading the issuers' vocabularies (YAML, at 1,000 plans one
    registry per issuer); None otherwise."""
    from kb.registry import normalize_name

    key = normalize_name(name)
    if not key or key != name:
        return None
    for written in (*plan.departments(), *plan.subunits()):
        if normalize_name(written) == key:
            return Resolution(written, "exact" if written == key else "alias", [], name)
    return None


def duty_list(plan: Plan, department: str, role: str = "any", *, every_group: bool = False) -> DutyList:
    """The duty list of ``department`` (canonical name or sub-unit) for ``role`` (ROLE_CHOICES).

    ``every_group``: a task stands in every group of a role the department holds
    in it (as in exports, the TUI and ``kb duties``: each group's count is its
    heading's count, 落实 64 lists 64 tasks); otherwise only in the first.
    """
    if role not in ROLE_CHOICES:
        raise KbError(f"不认识的职责 {role!r}：可用 {', '.join(ROLE_CHOICES)}")
    roles = GROUP_ORDER if role == "any" else (role,)
    plan, spellings = place_body(plan, department)  # 浦东新区政府: the tasks written 浦东新区 too
    parent = plan.subunits().get(department)
    result = DutyList(department, parent, spellings=spellings)
    placed: set[str] = set()
    held = plan.roles_held()
    for r in GROUP_ORDER:
        if r != "implied" and r not in held:
            continue  # a role nobody in the plan holds (指导 in most plans) has no count or group
        tasks = plan.tasks_of(department, r)
        result.counts[r] = item_count(tasks)  # (the plan's numbered items: 序号 rows count once)
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


def plan_name(doc) -> str:
    """How listings name a plan: ``《name》（file）`` (``Document.name``; the file name it was read from, else its id)."""
    from pathlib import PurePath

    file = PurePath(doc.path).name if doc.path else doc.id
    return f"《{doc.name}》（{file}）"


def plan_ref(doc) -> dict:
    """A plan in JSON: id, title (the document's, a cover notice's when there is one), name (``Document.name``)
    and file."""
    from pathlib import PurePath

    return {"id": doc.id, "title": doc.title, "name": doc.name, "file": PurePath(doc.path).name if doc.path else doc.id}


def plans_of(plan: Plan) -> list[tuple[object, Plan]]:
    """Each document of a folder with a Plan of its own tasks, in corpus order."""
    out = []
    for doc in plan.documents:
        out.append((doc, Plan(documents=[doc], tasks=plan.document_tasks(doc.id), registry=plan.registry)))
    return out


def department_counts(plan: Plan) -> list[tuple[str, dict[str, int]]]:
    """Every department and sub-unit with its number of numbered items per role (``Plan.role_counts``), sorted by total
    (any role but implied).

    Roles are those of ``Plan.roles_held`` (指导 only when the plan uses it)."""
    names = plan.departments() + [s for s in plan.subunits() if s not in plan.departments()]
    roles = plan.roles_held()
    rows = []
    counted = plan.role_counts()  # one pass (a stored plan: summed per-plan counts, no task read)
    # (one division written two ways or more — 科技信息处 / 市交通委科技信息处 — is one row, its items counted once: the
    # identity of kb.duties.place_body for questions and duty lists)
    units = division_units(plan)
    # (and a short form written beside the full name: one row under the full name — kb.registry.one_body_units)
    units.update((n, u) for n, u in one_body_units(plan.departments()).items() if n not in units)
    members: dict[str, list[str]] = {}
    for name, unit in units.items():
        members.setdefault(unit, []).append(name)
    for name in names:
        if units.get(name, name) != name:
            continue
        if name in members:
            union = {r: {t.id: t for m in members[name] for t in plan.tasks_of(m, r)} for r in (*roles, "implied", "any")}
            counts = {r: item_count(union[r].values()) for r in (*roles, "implied")}
            counts["total"] = item_count(union["any"].values())
        else:
            mine = counted.get(name, {})
            counts = {r: mine.get(r, 0) for r in (*roles, "implied")}
            counts["total"] = mine.get("any", 0)
        rows.append((name, counts))
    order = {n: i for i, n in enumerate(names)}
    rows.sort(key=lambda row: (-row[1]["total"], -row[1]["implied"], order[row[0]]))
    return rows
