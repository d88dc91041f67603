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
``tasks.facts`` (``duty_facts``) and, per department holding a role, the
``roles`` row with the task's label, heading and facts and ``others``
(``describe_departments`` without that department): one narrow row per line, so
a duty list reads no task row; and the task's list row (``list_row``: its label, title and
departments), so a department's list of tasks reads no task row either; and grep's units as written (``texts.original``,
empty when folding changes nothing).

Texts a question scans with a substring test are each in a narrow table of their own
(``folded``, ``titles``, ``plain``): a scan of one column of a wide row read the whole row.
The plan's learned topic terms (kb/qa/plan_terms.py) are rows of ``terms`` (one per term and
plan, indexed on the term), so a question looks up its own words instead of merging every
plan's terms.  ``plans.indexed`` is the digest of what the search index holds of the plan
(``index_fields``): the index is keyed by it, so a change of the parsing rules that leaves a
plan's indexed fields alone re-indexes nothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kb.errors import KbError
from kb.model import ROLES, Document, Plan, Task, field_values, search_cells


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


#: Task fields that hold the paragraph's text in its other forms (as written, split, its tag, labelled fields,
#: where it was read, the parser's warnings): what a list of tasks does not show.  Every other field is also
#: kept in the task's brief row (``brief_row``), so that a list of 8,000 tasks (a department's at 1,000 plans)
#: is built without decoding their text (``kb.store.StoredTask``); ``body`` stays in it for the answers'
#: heading of a task without a title (kb.qa.text.task_head).
TEXT_FIELDS = frozenset({"text", "clauses", "tag", "fields", "warnings", "source", "role_source", "heading_tag", "column"})


def brief_fields() -> list[str]:
    """The Task fields of its brief row, in field order (every field but ``TEXT_FIELDS``)."""
    from dataclasses import fields

    return [f.name for f in fields(Task) if f.init and f.name not in TEXT_FIELDS]


def brief_row(task: Task) -> str:
    """A task's brief row: the JSON array of the values of ``brief_fields`` (see ``TEXT_FIELDS``)."""
    from dataclasses import fields

    values = field_values(task)  # (every init field, in field order)
    names = [f.name for f in fields(Task) if f.init]
    return json.dumps([v for name, v in zip(names, values) if name not in TEXT_FIELDS], ensure_ascii=False,
                      separators=(",", ":"))


#: Task fields of a task's list row (``list_row``): what a list of tasks shows of each — its label, what names
#: it, its plan, its departments by role and the numbered item it is a row of (what a list counts by).  A department's list at 1,000 plans (8,000 tasks) is built from
#: these alone (``kb.store.StoredTask``); every other field is read when first used.
LIST_FIELDS = ("id", "doc", "label", "title", *ROLES, "implied", "subunits", "item")


def list_row(task: Task) -> str:
    """A task's list row: the JSON array of the values of ``LIST_FIELDS``, then an object of the fields that name
    a task without a title instead (``kb.qa.text.task_head``: its ``body``, or its ``text`` when the body is
    empty), empty for a task with a title.  Kept in each of the task's ``roles`` rows."""
    names = {} if task.title else {"body": task.body} if task.body else {"body": task.body, "text": task.text}
    return json.dumps([*(getattr(task, n) for n in LIST_FIELDS), names], ensure_ascii=False, separators=(",", ":"))


def index_fields(task: Task, seq: int) -> dict:
    """The fields of ``task`` as the search index (kb/qa/index.py) stores it, but its plan key."""
    return dict(
        id=task.id, doc=task.doc, seq=seq, label=task.label, kind=task.kind, title=task.title or "",
        body=task.body or task.text, metrics=" ".join(f"{g.metric} {g.scope or ''}" for g in task.targets),
        **{r: ",".join(getattr(task, r)) for r in (*ROLES, "implied")},
        subunits=",".join(s for subs in task.subunits.values() for s in subs),
        years=",".join(sorted({iso[:4] for d in task.deadlines for iso in (d.start, d.end) if iso})),
    )


#: What a plan says but its file: the document's and each task's fields left out of ``content_digest`` (the file's
#: name, place, bytes and format, and where in the file a task was read, which a web page and its text number apart).
FILE_FIELDS = frozenset({"id", "doc", "path", "sha256", "encoding", "format", "source", "warnings"})


def content_digest(doc, tasks: list[Task]) -> str:
    """Digest of what a plan says — its document's and every task's fields (``to_dict``) but those of its file
    (``FILE_FIELDS``): two files of one plan (its text and its web page, a copy under another name) have one digest
    (``kb.store.same_plans``); a plan differing in one cell of a table has another."""
    h = hashlib.sha256()
    for fields in (doc.to_dict(), *(t.to_dict() for t in tasks)):
        kept = {k: v for k, v in fields.items() if k not in FILE_FIELDS}
        h.update(json.dumps(kept, ensure_ascii=False, sort_keys=True, default=str).encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


def index_digest(tasks: list[Task]) -> str:
    """Digest of everything the search index holds of a plan's tasks (their ``index_fields``, in order)."""
    h = hashlib.sha256()
    for seq, t in enumerate(tasks):
        h.update(json.dumps(index_fields(t, seq), ensure_ascii=False, sort_keys=True).encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


#: Marks a stored count of a role's task rows (``lead#rows``) beside its count of numbered items (``lead``).
ROWS_MARK = "#rows"


def stored_role_counts(plan: Plan) -> dict[str, dict[str, int]]:
    """What ``plans.counts`` keeps of a plan: ``Plan.role_counts`` (numbered items: what counts say) and, under
    ``<role>#rows``, the task rows of each role (what the store's ``roles`` rows are checked against)."""
    items, rows = plan.role_counts(), plan.role_counts(rows=True)
    return {name: {**counts, **{f"{r}{ROWS_MARK}": n for r, n in rows.get(name, {}).items()}} for name, counts in items.items()}


def plan_rows(key: str, doc: Document, tasks: list[Task]) -> dict:
    """The rows of one plan (see ``kb.store``'s docstring), ready for ``Store.add``."""
    from kb.listing import describe_departments, duty_facts, task_heading
    from kb.fold import fold as grep_fold
    from kb.qa.text import fold as qa_fold

    departments: dict[str, None] = {}
    subunits: dict[str, str] = {}
    rows: dict[str, list] = {"tasks": [], "roles": [], "deadlines": [], "targets": [], "texts": [], "folded": [],
                             "titles": [], "plain": [], "terms": []}
    for seq, t in enumerate(tasks):
        heading, facts = task_heading(t), duty_facts(t)
        rows["tasks"].append((key, seq, t.id, t.label, t.kind, t.part, t.section, len(t.targets), len(t.warnings),
                              heading, facts, brief_row(t), task_row(t)))
        for name in t.departments("any") + t.implied:
            departments.setdefault(name, None)
        for parent, subs in t.subunits.items():
            for sub in subs:
                subunits.setdefault(sub, parent)
        others: dict[str, str] = {}
        item = list_row(t)
        for role in (*ROLES, "implied"):
            holders: dict[str, None] = {}
            for name in getattr(t, role):
                holders[name] = None
                for sub in t.subunits.get(name, ()):
                    holders[sub] = None
            for name in holders:
                if name not in others:
                    others[name] = describe_departments(t, exclude=name)
                rows["roles"].append((name, role, key, seq, others[name], t.label, heading, facts, item))
        rows["deadlines"].extend((key, seq, n, d.kind, d.start, d.end) for n, d in enumerate(t.deadlines))
        rows["targets"].extend((key, seq, n, g.metric, g.value, g.unit, g.year, g.scope, t.id)
                               for n, g in enumerate(t.targets))
        units = "\n".join([*t.clauses, *([t.tag] if t.tag else [])])
        folded_units = grep_fold(units)[0]
        rows["texts"].append((key, seq, folded_units, len(t.clauses) + (1 if t.tag else 0), 1 if t.tag else 0,
                              "" if units == folded_units else units))
        cells = f"\n{search_cells(t)}" if t.column else ""  # (a task table's row: its other cells, kb.model.search_cells)
        rows["folded"].append((key, seq, qa_fold(f"{t.title or ''}\n{t.body or t.text}") + qa_fold(cells)))
        title = qa_fold(t.title or "")
        if title:
            rows["titles"].append((key, seq, title))
        rows["plain"].append((key, seq, qa_fold(t.text) + qa_fold(cells)))
    seq_of = {t.id.removeprefix(f"{doc.id}#"): n for n, t in enumerate(tasks)}
    heading_titles = dict(doc.parts) | dict(doc.sections)
    for term, ids in (doc.terms or {}).items():
        label = (doc.term_headings or {}).get(term)
        rows["terms"].append((term, key, json.dumps([seq_of[i] for i in ids if i in seq_of]), label,
                              heading_titles.get(label, "") if label is not None else None))
    held = [r for r in ROLES if any(getattr(t, r) for t in tasks)]
    headings = "\n".join(qa_fold(title) for _, title in (*doc.parts, *doc.sections))
    # (columns in the store's order: the narrow ones first, so that reading a title does not read a document)
    rows["plan"] = (key, doc.id, doc.sha256, content_digest(doc, tasks), len(tasks), doc.title, doc.name, doc.registry, index_digest(tasks), json.dumps(held),
                    headings, json.dumps(list(departments), ensure_ascii=False), json.dumps(subunits, ensure_ascii=False),
                    json.dumps(stored_role_counts(Plan(tasks=tasks)), ensure_ascii=False),
                    "".join(sorted(set(doc.title).union(*(t.text for t in tasks)))),
                    json.dumps(doc.to_dict(), ensure_ascii=False))
    return rows
