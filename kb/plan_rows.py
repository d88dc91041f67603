"""The rows the store keeps for one plan file (see ``kb.store``), and the task row's format.

Everything that decides what a plan's rows hold lives here or in the modules
this one calls (the parser, the folds, the duty-list wording), and all of those
are part of ``kb.store.rules_fingerprint``: changing any of them re-parses every
plan, while changing how the store is read (kb/store.py) does not.

A task's row is the JSON array of its dataclass fields' values in field order
(``task_values``), rebuilt with ``kb.model.from_values``: an array decodes in
about half the time of the same object with its keys, and the fields still
drive it, so a field added to ``Task`` is stored with no change here.

Besides the task itself the rows hold what listings print, rendered once at
parse time so that listing 19,000 duty-list lines at 1,000 plans reads strings
instead of building tasks (kb/listing.py): ``tasks.heading`` (``task_heading``),
``tasks.facts`` (``duty_facts``) and, per department holding a role,
``roles.others`` (``describe_departments`` without that department);
and grep's units as written (``texts.original``, empty when folding changes nothing).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kb.errors import KbError
from kb.model import ROLES, Document, Plan, Task, field_values


def plan_key(rules: str, doc_id: str, sha256: str) -> str:
    """Key of one plan's rows: its file name (task ids start with it), its bytes' hash and the rules."""
    return hashlib.sha256(f"{rules}\0{doc_id}\0{sha256}".encode()).hexdigest()[:32]


def parse_file(path: str, doc_id: str, raw: bytes, sha256: str, rules: str) -> dict:
    """Read (kb.ingest: PDF, DOCX, web page, table or text) and parse one plan file into the rows the store keeps."""
    doc, tasks = parse(Path(path), raw, doc_id)
    doc.sha256 = sha256
    return plan_rows(plan_key(rules, doc_id, sha256), doc, tasks)


def parse(path: Path, raw: bytes, doc_id: str) -> tuple[Document, list[Task]]:
    """The document and tasks of one plan file's bytes; a KbError (one line) when it cannot be read."""
    from kb.ingest import read_document
    from kb.parser import parse_document

    extracted = read_document(path, raw)  # PDF, DOCX, web page, table or text → clean text
    text = extracted.text
    if not text.strip():
        raise KbError(f"{path}：文件是空的（请放入方案正文，或把它移出方案文件夹）")
    doc, tasks = parse_document(text, doc_id=doc_id, path=str(path))
    doc.encoding, doc.format = extracted.encoding, extracted.format
    doc.warnings.extend(extracted.warnings)
    return doc, tasks


def task_row(task: Task) -> str:
    """A task's stored form: the JSON array of its field values (see the module docstring)."""
    return json.dumps(field_values(task), ensure_ascii=False, separators=(",", ":"))


def plan_rows(key: str, doc: Document, tasks: list[Task]) -> dict:
    """The rows of one plan (see ``kb.store``'s docstring), ready for ``Store.add``."""
    from kb.listing import describe_departments, duty_facts, task_heading
    from kb.fold import fold as grep_fold
    from kb.qa.text import fold as qa_fold

    departments: dict[str, None] = {}
    subunits: dict[str, str] = {}
    rows: dict[str, list] = {"tasks": [], "roles": [], "deadlines": [], "targets": [], "texts": []}
    for seq, t in enumerate(tasks):
        rows["tasks"].append((key, seq, t.id, t.label, t.kind, t.part, t.section, len(t.targets), len(t.warnings),
                              task_row(t), task_heading(t), duty_facts(t)))
        for name in t.departments("any") + t.implied:
            departments.setdefault(name, None)
        for parent, subs in t.subunits.items():
            for sub in subs:
                subunits.setdefault(sub, parent)
        others: dict[str, str] = {}
        for role in (*ROLES, "implied"):
            holders: dict[str, None] = {}
            for name in getattr(t, role):
                holders[name] = None
                for sub in t.subunits.get(name, ()):
                    holders[sub] = None
            for name in holders:
                if name not in others:
                    others[name] = describe_departments(t, exclude=name)
                rows["roles"].append((name, role, key, seq, others[name]))
        rows["deadlines"].extend((key, seq, n, d.kind, d.start, d.end) for n, d in enumerate(t.deadlines))
        rows["targets"].extend((key, seq, n, g.metric, g.value, g.unit, g.year) for n, g in enumerate(t.targets))
        units = "\n".join([*t.clauses, *([t.tag] if t.tag else [])])
        folded_units = grep_fold(units)[0]
        rows["texts"].append((key, seq, qa_fold(f"{t.title or ''}\n{t.body or t.text}"),
                              folded_units, len(t.clauses) + (1 if t.tag else 0), qa_fold(t.title or ""),
                              1 if t.tag else 0, qa_fold(t.text), "" if units == folded_units else units))
    held = [r for r in ROLES if any(getattr(t, r) for t in tasks)]
    rows["plan"] = (key, doc.id, doc.sha256, json.dumps(doc.to_dict(), ensure_ascii=False), len(tasks),
                    json.dumps(list(departments), ensure_ascii=False), json.dumps(subunits, ensure_ascii=False),
                    json.dumps(held), json.dumps(Plan(tasks=tasks).role_counts(), ensure_ascii=False),
                    "".join(sorted(set(doc.title).union(*(t.text for t in tasks)))))
    return rows
