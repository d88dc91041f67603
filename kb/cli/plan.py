"""``kb tasks``, ``kb depts`` and ``kb duties``: the parsed plan as lists."""

from __future__ import annotations

import itertools
import sys

from kb.errors import KbError
from kb.model import ROLE_NAMES
from kb.safetext import json_dumps


#: Chinese role words accepted by --role (besides the English keys), → the role key.
ROLE_WORDS = {
    "牵头": "lead", "配合": "support", "负责": "sole", "单独负责": "sole", "按职责分工负责": "shared", "共同负责": "shared",
    "分工负责": "shared", "落实": "implied", "指导": "guide", "全部": "any", "任何": "any",
}


def role_value(text: str) -> str:
    """A --role value: a role key (lead …) or its Chinese word (牵头 …) → the key; else a one-line error."""
    import argparse

    from kb.duties import ROLE_CHOICES

    role = ROLE_WORDS.get(text.strip(), text.strip())
    if role not in ROLE_CHOICES:
        known = "、".join(w for w, r in ROLE_WORDS.items() if r in ROLE_CHOICES)
        raise argparse.ArgumentTypeError(f"不认识的职责 {text!r}：可用 {known}（或 {', '.join(ROLE_CHOICES)}）")
    return role


def add_arguments(parser, name: str) -> None:
    """Options of the three commands."""
    if name == "duties":
        parser.add_argument("department", metavar="DEPT", help="部门名称或简称（交通局、发改委……）")
        parser.add_argument(
            "--role",
            default="any",
            type=role_value,
            metavar="ROLE",
            help="只列出这一职责的任务：牵头、配合、单独负责（负责）、共同负责（按职责分工负责）、落实、指导，或 全部（默认）；也可写 lead、support 等",
        )
    parser.add_argument("--json", action="store_true", help="输出 JSON（中文不转义）")


def run(args) -> int:
    """Dispatch to the command."""
    from kb.store import load_plan

    plan = load_plan(args.corpus)
    if args.command in ("tasks", "depts"):
        report_warnings(plan)
    return {"tasks": _tasks, "depts": _depts, "duties": _duties}[args.command](plan, args)


def report_warnings(plan) -> None:
    """Print the parser's warnings, one line each naming the document and paragraph."""
    for doc in plan.documents:
        for w in doc.warnings:
            print(f"kb: 警告：{doc.id}: {w}", file=sys.stderr)
    for t in plan.warned_tasks():
        for w in t.warnings:
            print(f"kb: 警告：{t.doc} {t.label}: {w}", file=sys.stderr)


def _dump(obj) -> None:
    sys.stdout.write(json_dumps(obj, indent=1) + "\n")


class _Streamed(list):
    """A list the JSON encoder walks without holding it: the tasks of 1,000 plans are written one by one.  Never
    empty (``of`` gives ``[]`` for no item): the encoder asks only whether it is, to write ``[]``."""

    def __init__(self, items) -> None:
        super().__init__()
        self._items = items

    def __iter__(self):
        return iter(self._items)

    def __bool__(self) -> bool:
        return True

    @classmethod
    def of(cls, items) -> "_Streamed | list":
        """``items`` streamed, or ``[]`` when there is none: json's encoder writes a list's ``[`` together with its
        first item, so an empty stream claiming items printed ``"tasks": ]`` (a plan kb read no task in)."""
        items = iter(items)
        first = next(items, _NONE)
        if first is _NONE:
            return []
        return cls(itertools.chain((first,), items))


_NONE = object()


def _tasks(plan, args) -> int:
    from kb.duties import describe_departments, plan_name, plan_ref

    several = len(plan.documents) > 1
    if args.json:
        docs = [d.to_dict() for d in plan.documents]
        refs = {d.id: plan_ref(d) for d in plan.documents}
        tasks = _Streamed.of(dict(t.to_dict(), plan=refs.get(t.doc)) if several else t.to_dict()
                             for t in plan.iter_tasks())
        obj = {"document": docs[0] if len(docs) == 1 else None, "documents": docs, "tasks": tasks}
        # indent=1 makes json use its pure-Python encoder, which iterates the list as it writes.
        out = sys.stdout
        from kb.safetext import json_chunks

        for chunk in json_chunks(obj, indent=1):
            out.write(chunk)
        out.write("\n")
        return 0
    out = sys.stdout
    docs = list(plan.documents)
    position = {d.id: i for i, d in enumerate(docs)}
    shown = 0

    def header_until(last: int) -> None:
        # Headers of the documents up to index ``last`` (a document without tasks still gets its header).
        nonlocal shown
        while shown <= last:
            out.write(f"# {docs[shown].name}  ({docs[shown].id})\n")
            shown += 1

    names = {d.id: f"\t{plan_name(d)}" for d in docs} if several else {}  # with several plans every line names its plan
    current = None
    for t in plan.iter_tasks():  # corpus order: each document's tasks together
        if t.doc != current:
            current = t.doc
            header_until(position.get(t.doc, shown - 1))
        head = t.title or _snippet(t.body)
        deps = describe_departments(t)
        where = f"\t〔{t.source}〕" if t.source else ""  # PDF page or table row (kb/ingest)
        out.write(f"{t.label}\t{head}" + (f"\t（{deps}）" if deps else "") + where + names.get(t.doc, "") + "\n")
    header_until(len(docs) - 1)
    return 0


def _snippet(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _depts(plan, args) -> int:
    from kb.duties import department_counts, plan_name, plan_ref, plans_of

    rows = department_counts(plan)
    unknown = _unregistered(plan)
    for name in unknown:
        print(f"kb: 警告：{name} 不在发文单位的部门名录中（kb/data/departments-*.yaml），按原文保留", file=sys.stderr)
    subunits = plan.subunits()
    several = len(plan.documents) > 1
    per_plan = [(doc, dict(department_counts(sub))) for doc, sub in plans_of(plan)] if several else []
    if args.json:
        departments = []
        for n, c in rows:
            entry = {"name": n, **c, "parent": subunits.get(n), "registered": n not in unknown}
            if several:
                entry["plans"] = [dict(plan_ref(doc), **counts[n]) for doc, counts in per_plan if n in counts]
            departments.append(entry)
        out = {"departments": departments}
        if several:
            out["plans"] = [dict(plan_ref(doc), departments=len(counts)) for doc, counts in per_plan]
        _dump(out)
        return 0
    out = sys.stdout
    roles = plan.roles_held()
    if several:
        out.write(f"# 全部 {len(plan.documents)} 个方案合计\n")
    _depts_table(out, rows, roles, subunits, unknown)
    for doc, counts in per_plan:
        out.write(f"\n# {plan_name(doc)}\n")
        sub_rows = [(n, c) for n, c in counts.items()]
        _depts_table(out, sub_rows, roles, subunits, unknown)
    if unknown:
        out.write("* 不在部门名录中（按原文保留）\n")
    return 0


def _depts_table(out, rows, roles, subunits, unknown) -> None:
    """One table of departments: a role column (and 落实（隐含）) only when some row of this table counts it, as
    the exports' columns follow ``roles_given`` (a plan of bare 负责 lists has no column of zeros for 牵头);
    合计 always.  ``--json`` keeps every key."""
    counted = [r for r in roles if any(c.get(r, 0) for _, c in rows)]
    implied = any(c.get("implied", 0) for _, c in rows)
    out.write("\t".join(["部门", *(ROLE_NAMES[r] for r in counted), "合计", *(["落实（隐含）"] if implied else [])]) + "\n")
    for name, c in rows:
        label = f"{name}（{subunits[name]}）" if name in subunits else name
        mark = " *" if name in unknown else ""
        cells = [*(str(c.get(r, 0)) for r in counted), str(c["total"]), *([str(c["implied"])] if implied else [])]
        out.write("\t".join([f"{label}{mark}", *cells]) + "\n")


def _unregistered(plan) -> list[str]:
    """Names of plans read with an issuer vocabulary that the vocabulary does not know (plans of
    issuers without one keep every name as written: nothing to report)."""
    from kb.registry import plan_registry

    reg = plan_registry(plan)
    with_registry = {d.id for d in plan.documents if d.registry}
    if not reg.departments or not with_registry:
        return []
    names: dict[str, None] = {}
    for t in plan.tasks:
        if t.doc in with_registry:
            for n in [*t.departments("any"), *t.implied, *(s for subs in t.subunits.values() for s in subs)]:
                names.setdefault(n, None)
    return [n for n in names if n not in reg.departments]


def _duties(plan, args) -> int:
    from kb.duties import resolve_or_fail

    res = resolve_or_fail(args.department, plan)
    if args.json:
        return _duties_json(plan, args, res)
    return _duties_text(plan, args, res)


def _duties_text(plan, args, res) -> int:
    """The duty list as text, from ``kb.duties.duty_lines`` (a stored plan prints strings it rendered when
    it parsed the plan: 19,000 lines at 1,000 plans without building a task for them).  Over several plans or
    spellings the counts of numbered items are each plan's, counted from the department's tasks (built)."""
    from kb.duties import GROUP_ORDER, GROUP_TITLES, count_said, duty_lines, place_body, plan_name, written_as

    department = res.name
    held = plan.roles_held()
    shown = [r for r in GROUP_ORDER if r == "implied" or r in held]  # as duty_list: roles nobody holds are left out
    wanted = shown if args.role == "any" else [r for r in shown if r == args.role]
    body, spellings = place_body(plan, department)  # (once: the lines and the note on spellings both need it)
    lines = duty_lines(plan, department, (body, spellings))
    by_role: dict[str, list] = {r: [] for r in shown}
    for line in lines:
        if line.role in by_role:
            by_role[line.role].append(line)
    parent = plan.subunits().get(department)
    name = department + (f"（{parent}）" if parent else "")
    note = "" if res.how == "exact" else f"（按“{args.department}”解析）"
    if len(spellings) > 1:
        # 浦东新区政府 and 浦东新区 are one body: say how the plan writes it on the tasks listed
        note += written_as(body.tasks_of(department, "any"), spellings)  # (written_as counts a task once)
    # The plan's numbered items, as kb depts, kb ask and the exports count them: a 任务分工表 序号 over several rows is
    # one item and its rows are the lines, so a count that differs says both (牵头 13 项（21 行）).
    several = len(plan.document_ids()) > 1
    doc_items: dict[str, dict[str, int]] = {}  # (over several plans or spellings: each plan's items, from its tasks)
    if several or len(spellings) > 1:
        from kb.model import item_count

        for r in shown:
            per: dict[str, list] = {}
            for t in body.tasks_of(department, r):
                per.setdefault(t.doc, []).append(t)
            for doc_id, tasks in per.items():
                doc_items.setdefault(doc_id, {})[r] = item_count(tasks)
        items = {r: sum(c.get(r, 0) for c in doc_items.values()) for r in shown}
    else:
        items = plan.role_counts().get(department, {})
    counts = {r: count_said(items.get(r, len(v)), len(v)) for r, v in by_role.items() if v}
    found = any(by_role[r] for r in wanted)
    out = sys.stdout
    parts: list[str] = []
    if several:
        # Over several plans the list is grouped by plan (a department rarely means the same body in two plans).
        per_doc: dict[str, dict[str, list]] = {}
        for line in lines:
            if line.role in by_role:
                per_doc.setdefault(line.doc, {r: [] for r in shown})[line.role].append(line)
        docs = {d.id: d for d in plan.document_headers()} if per_doc else {}
        chosen = [(doc_id, per_doc[doc_id]) for doc_id in plan.document_ids()
                  if doc_id in per_doc and any(per_doc[doc_id][r] for r in wanted)]
        parts.append(f"{name}{note}：{_counts_of(counts, GROUP_TITLES) or '方案未分配任务'}（{len(chosen)} 个方案）\n")
        for doc_id, groups in chosen:
            own = {r: count_said(doc_items.get(doc_id, {}).get(r, len(v)), len(v)) for r, v in groups.items() if v}
            parts.append(f"\n# {plan_name(docs[doc_id])}：{_counts_of(own, GROUP_TITLES)}\n")
            _duty_lines(parts, groups, wanted, GROUP_TITLES, own)
    else:
        parts.append(f"{name}{note}：{_counts_of(counts, GROUP_TITLES) or '方案未分配任务'}\n")
        _duty_lines(parts, by_role, wanted, GROUP_TITLES, counts)
    out.write("".join(parts))
    if not found:
        raise KbError(_no_tasks(name, args.role), exit_code=1)
    return 0


def _duty_lines(parts: list[str], groups: dict[str, list], wanted: list[str], titles, counts: dict[str, str]) -> None:
    """The groups of ``wanted`` roles that have lines, each under its title and its count as said (``counts``: one
    for every role with lines)."""
    for role in wanted:
        lines = groups.get(role)
        if not lines:
            continue
        parts.append(f"\n【{titles[role]}】{counts[role]}\n")
        for line in lines:
            parts.append(f"  {line.label}\t{line.heading}" + (f"\t（{line.others}）" if line.others else "") + "\n")
            if line.facts:
                parts.append(f"  \t{line.facts}\n")


def _counts_of(counts: dict[str, str], titles) -> str:
    return "，".join(f"{titles[r].split('（')[0]} {counts[r]}" for r in titles if counts.get(r))


def _duties_json(plan, args, res) -> int:
    from kb.duties import duty_list, plan_ref, plans_of

    duties = duty_list(plan, res.name, args.role, every_group=True)
    several = len(plan.documents) > 1
    per_plan = [(doc, duty_list(sub, res.name, args.role, every_group=True)) for doc, sub in plans_of(plan)] if several else []
    per_plan = [(doc, d) for doc, d in per_plan if d.groups]
    refs = {d.id: plan_ref(d) for d in plan.documents}
    out = {
        "department": duties.department,
        "query": args.department,
        "resolved_by": res.how,
        "parent": duties.parent,
        "role": args.role,
        "counts": duties.counts,
        "groups": {role: [t.id for t in tasks] for role, tasks in duties.groups.items()},
        "tasks": [dict(t.to_dict(), roles=list(dict.fromkeys(r for n in duties.spellings for r in t.roles_of(n))),
                       **({"plan": refs.get(t.doc)} if several else {}))
                  for t in {t.id: t for t in duties.tasks}.values()],
    }
    if len(duties.spellings) > 1:
        out["spellings"] = list(duties.spellings)  # one place's body written several ways: the list unions them
    if several:
        out["plans"] = [dict(plan_ref(doc), counts=d.counts, groups={r: [t.id for t in ts] for r, ts in d.groups.items()})
                        for doc, d in per_plan]
    _dump(out)
    if not duties.groups:
        raise KbError(_no_tasks(res.name, args.role), exit_code=1)
    return 0


def _no_tasks(name: str, role: str) -> str:
    """The one line for a department without tasks (of that role)."""
    from kb.duties import GROUP_TITLES

    what = "" if role == "any" else GROUP_TITLES.get(role, role).split("（")[0]
    return f"方案没有给 {name} 分配{what}任务"
