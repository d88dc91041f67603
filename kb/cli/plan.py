"""``kb tasks``, ``kb depts`` and ``kb duties``: the parsed plan as lists."""

from __future__ import annotations

from kb.safetext import json_dumps
import sys

from kb.errors import KbError
from kb.model import ROLE_NAMES


def add_arguments(parser, name: str) -> None:
    """Options of the three commands."""
    if name == "duties":
        parser.add_argument("department", metavar="DEPT", help="department name or alias (交通局, 发改委 …)")
        parser.add_argument(
            "--role",
            default="any",
            choices=["lead", "guide", "support", "sole", "shared", "implied", "any"],
            help="only tasks with this role (default: any)",
        )
    parser.add_argument("--json", action="store_true", help="print JSON (Chinese unescaped)")


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
            print(f"kb: warning: {doc.id}: {w}", file=sys.stderr)
    for t in plan.tasks:
        for w in t.warnings:
            print(f"kb: warning: {t.doc} {t.label}: {w}", file=sys.stderr)


def _dump(obj) -> None:
    sys.stdout.write(json_dumps(obj, indent=1) + "\n")


def _tasks(plan, args) -> int:
    if args.json:
        docs = [d.to_dict() for d in plan.documents]
        _dump({"document": docs[0] if len(docs) == 1 else None, "documents": docs, "tasks": [t.to_dict() for t in plan.tasks]})
        return 0
    from kb.duties import describe_departments

    out = sys.stdout
    for doc in plan.documents:
        out.write(f"# {doc.title}  ({doc.id})\n")
        for t in plan.tasks:
            if t.doc != doc.id:
                continue
            head = t.title or _snippet(t.body)
            deps = describe_departments(t)
            where = f"\t〔{t.source}〕" if t.source else ""  # PDF page or table row (kb/ingest)
            out.write(f"{t.label}\t{head}" + (f"\t（{deps}）" if deps else "") + where + "\n")
    return 0


def _snippet(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _depts(plan, args) -> int:
    from kb.duties import department_counts

    rows = department_counts(plan)
    unknown = _unregistered(plan)
    for name in unknown:
        print(f"kb: warning: {name} is not in the issuer's department vocabulary (kb/data/departments-*.yaml); kept as written", file=sys.stderr)
    subunits = plan.subunits()
    if args.json:
        _dump({"departments": [
            {"name": n, **c, "parent": subunits.get(n), "registered": n not in unknown} for n, c in rows
        ]})
        return 0
    out = sys.stdout
    roles = plan.roles_held()
    out.write("\t".join(["部门", *(ROLE_NAMES[r] for r in roles), "合计", "落实（隐含）"]) + "\n")
    for name, c in rows:
        label = f"{name}（{subunits[name]}）" if name in subunits else name
        mark = " *" if name in unknown else ""
        out.write("\t".join([f"{label}{mark}", *(str(c[r]) for r in roles), str(c["total"]), str(c["implied"])]) + "\n")
    if unknown:
        out.write("* 不在部门名录中（按原文保留）\n")
    return 0


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
    from kb.duties import GROUP_TITLES, describe_departments, duty_list, resolve_or_fail

    res = resolve_or_fail(args.department, plan)
    duties = duty_list(plan, res.name, args.role)
    if args.json:
        _dump({
            "department": duties.department,
            "query": args.department,
            "resolved_by": res.how,
            "parent": duties.parent,
            "role": args.role,
            "counts": duties.counts,
            "groups": {role: [t.id for t in tasks] for role, tasks in duties.groups.items()},
            "tasks": [dict(t.to_dict(), roles=t.roles_of(duties.department)) for t in duties.tasks],
        })
        return 0
    out = sys.stdout
    name = duties.department + (f"（{duties.parent}）" if duties.parent else "")
    note = "" if res.how == "exact" else f"（按“{args.department}”解析）"
    counts = "，".join(f"{GROUP_TITLES[r].split('（')[0]} {duties.counts[r]} 项" for r in GROUP_TITLES if duties.counts.get(r))
    out.write(f"{name}{note}：{counts or '方案未分配任务'}\n")
    for role, tasks in duties.groups.items():
        out.write(f"\n【{GROUP_TITLES[role]}】{len(tasks)} 项\n")
        for t in tasks:
            head = t.title or _snippet(t.body)
            others = describe_departments(t, exclude=duties.department)
            out.write(f"  {t.label}\t{head}" + (f"\t（{others}）" if others else "") + "\n")
    if not duties.groups:
        raise KbError(f"the plan assigns no tasks to {name} with role {args.role}", exit_code=1)
    return 0
