"""The parser chain: raw text → Document and Tasks, one small rule at a time.

``RULES`` lists the rules in the order they run, like markdown-it's core chain.
Each rule takes the ``ParseState`` and changes it in place:

    page marks → task tables out → cleanup → structure → split at tags → roles → implied
    → clauses → deadlines → targets → table rows → labels → table labels → page sources

The page and table rules (``pages.py``, ``tables.py``) read what ingestion writes for
PDF pages and tables; on plain text they find nothing and do nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kb.model import ROLES, Document, Task
from kb.parser import cleanup, deadlines, pages, roles, structure, tables, targets
from kb.registry import Registry, load_registry


@dataclass(slots=True)
class Piece:
    """A task-to-be: a block's text up to and including one tag (or the whole block)."""

    block: structure.Block
    """The paragraph it comes from."""
    text: str
    """Its text, tag included."""
    body: str
    """Its text without the tag."""
    tag: roles.Tag | None = None
    """The tag closing it, if any."""
    warnings: list[str] = field(default_factory=list)
    """Problems met in it."""


@dataclass(slots=True)
class ParseState:
    """Everything the rules share while parsing one document."""

    text: str
    """The raw text."""
    doc: Document
    """The document being filled."""
    registry: Registry
    """Canonical department names."""
    paragraphs: list[str] = field(default_factory=list)
    """Cleaned paragraphs."""
    outline: structure.Outline | None = None
    """Title, parts, sections, blocks."""
    pieces: list[Piece] = field(default_factory=list)
    """Blocks split at their tags."""
    tasks: list[Task] = field(default_factory=list)
    """The result."""
    tables: list[tables.TaskTable] = field(default_factory=list)
    """Task tables taken out of the text (dialect D)."""
    page_marks: list[int] = field(default_factory=list)
    """Where pages 2, 3 … start in ``reduced_text`` (PDF), else empty."""
    reduced_text: str = ""
    """The raw text reduced to letters and digits, for finding a task's page."""


def rule_cleanup(state: ParseState) -> None:
    """Undo the PDF/web debris; one paragraph per entry."""
    state.paragraphs = cleanup.clean_paragraphs(state.text)
    if not state.paragraphs:
        state.doc.warnings.append("the file holds no text")


def rule_structure(state: ParseState) -> None:
    """Title, preface, parts, sections and blocks."""
    o = structure.outline(state.paragraphs, state.doc.id)
    state.outline = o
    state.doc.title, state.doc.preface = o.title, o.preface
    state.doc.parts, state.doc.sections = o.parts, o.sections


def rule_split_at_tags(state: ParseState) -> None:
    """Cut every block after each of its tags: a tag closes the text before it."""
    vocab = roles.load_vocabulary()
    for block in state.outline.blocks:
        spans, warnings = roles.find_tags(block.text, state.registry, vocab)
        start = 0
        for span in spans:
            chunk = block.text[start : span.end]
            body = block.text[start : span.start].rstrip()
            if body.strip() or start == 0:
                state.pieces.append(Piece(block, chunk.strip(), body.strip(), span.tag, list(span.tag.warnings)))
            elif state.pieces:  # a tag right after a tag: read it as part of the previous one
                state.pieces[-1].warnings.append(f"tag without text before it: {span.tag.text}")
            start = span.end
        rest = block.text[start:].strip()
        if rest or not spans:
            state.pieces.append(Piece(block, rest, rest))
        if warnings:
            state.pieces[-1].warnings.extend(warnings)


def rule_tasks(state: ParseState) -> None:
    """One Task per piece, with its roles, in order; labels come later."""
    for piece in state.pieces:
        b, tag = piece.block, piece.tag
        title = b.title if piece.text.startswith(b.text[:10]) else structure.heading_title(piece.body)
        task = Task(
            id="", doc=state.doc.id, label="", part=b.part, part_title=b.part_title,
            section=b.section, section_title=b.section_title,
            kind="task" if tag else b.kind, title=title, text=piece.text, body=piece.body,
            warnings=piece.warnings,
        )
        if tag:
            task.tag = tag.text
            for role in ROLES:
                setattr(task, role, tag.roles[role])
            task.subunits, task.notes = tag.subunits, tag.notes
        state.tasks.append(task)


def rule_implied(state: ParseState) -> None:
    """A note naming implementers of every task applies to its task and the rest of the part."""
    implied: list[str] = []
    part = None
    for task, piece in zip(state.tasks, state.pieces):
        if task.part != part:
            part, implied = task.part, []
        if piece.tag and piece.tag.implied:
            implied = list(dict.fromkeys(implied + piece.tag.implied))
        if implied and task.kind == "task":
            task.implied = list(implied)


def rule_clauses(state: ParseState) -> None:
    """Split each task's text (without tag, without item marker) into sentences."""
    for task in state.tasks:
        body = task.body
        if task.kind == "measure":
            m = structure.SECTION_RE.match(body)
            body = m.group(2) if m else body
        else:
            m = structure.ITEM_RE.match(body)
            body = m.group(2) if m else body
        task.clauses = split_clauses(body)


def split_clauses(text: str) -> list[str]:
    """Sentences of ``text``: cut after 。！？ outside brackets and quotes."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "（(〔【《“":
            depth += 1
        elif c in "）)〕】》”":
            depth = max(0, depth - 1)
            if c == "”" and depth == 0 and i > 0 and text[i - 1] in "。！？":
                out.append(text[start : i + 1])
                start = i + 1
        elif c in "。！？" and depth == 0:
            nxt = text[i + 1 : i + 2]
            if nxt == "”":
                continue
            out.append(text[start : i + 1])
            start = i + 1
    if text[start:].strip():
        out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def rule_deadlines(state: ParseState) -> None:
    """Deadlines of every clause, rolled up to the task."""
    for task in state.tasks:
        deadlines.apply_deadlines(task)


def rule_targets(state: ParseState) -> None:
    """Numeric targets of every clause, rolled up to the task."""
    for task in state.tasks:
        targets.apply_targets(task)


def rule_labels(state: ParseState) -> None:
    """Number paragraphs within their section (or part) and give each its label and id."""
    containers: dict[tuple[str, str | None], list[Task]] = {}
    for task in state.tasks:
        if task.kind == "measure":
            task.label = task.section or task.part
            containers.setdefault((task.part, task.label), []).append(task)
            continue
        containers.setdefault((task.part, task.section), []).append(task)
    given = {id(t): p.block.number for t, p in zip(state.tasks, state.pieces)}
    for (part, section), tasks in containers.items():
        numbered = [t for t in tasks if t.kind != "measure"]
        # Numbers the text gives (1. 2. …) are used when they are all there and distinct.
        numbers = [given[id(t)] for t in numbered]
        if None in numbers or len(set(numbers)) != len(numbers):
            numbers = list(range(1, len(numbered) + 1))
        prefix = section or part
        for task, n in zip(numbered, numbers):
            task.label = prefix if len(numbered) == 1 and prefix else f"{prefix}{n}"
    seen: dict[str, int] = {}
    for task in state.tasks:
        p = structure.numeral_value(task.part)
        s = structure.numeral_value(task.section[len(task.part) + 1 : -1]) if task.section else 0
        base = f"{state.doc.id}#{p}.{s}"
        seen[base] = seen.get(base, 0) + 1
        task.id = base if task.kind == "measure" else f"{base}.{seen[base]}"


#: The parser's rules, in the order they run.
RULES: list[Callable[[ParseState], None]] = [
    pages.rule_page_marks,
    tables.rule_find_tables,
    rule_cleanup,
    rule_structure,
    rule_split_at_tags,
    rule_tasks,
    rule_implied,
    rule_clauses,
    rule_deadlines,
    rule_targets,
    tables.rule_table_tasks,
    rule_labels,
    tables.rule_table_labels,
    pages.rule_page_sources,
]


def parse_document(text: str, doc_id: str = "plan", path: str = "", registry: Registry | None = None) -> tuple[Document, list[Task]]:
    """Parse one plan's text into its Document and its Tasks (every paragraph, in order)."""
    state = ParseState(text=text, doc=Document(id=doc_id, title=doc_id, path=path, sha256=""), registry=registry or load_registry())
    for rule in RULES:
        rule(state)
    return state.doc, state.tasks
