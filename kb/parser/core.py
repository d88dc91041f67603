"""The parser chain: raw text → Document and Tasks, one small rule at a time.

``RULES`` lists the rules in the order they run, like markdown-it's core chain.
Each rule takes the ``ParseState`` and changes it in place:

    script (traditional → simplified) → page marks → task tables out → cleanup → structure → a table's title line
    → issuer vocabulary → split at tags (A, B; A2 rules in document order) → tasks → label lines (C) → heading tags (F)
    → implied (A5) → clauses → prose roles (E) → prose ordering a tag → plan-wide support (A5) → deadlines → targets → table rows → labels
    → table labels → page sources → the plan's own topic terms

The dialect names (A–F) are those of ``shared/dialects.md``; the words of every rule are in
``kb/data/roles.yaml``.  The page and table rules (``pages.py``, ``tables.py``) read what
ingestion writes for PDF pages and tables; on plain text they find nothing and do nothing.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kb.model import ROLES, Document, Task
from kb.parser import cleanup, deadlines, pages, roles, script, structure, tables, targets
from kb.parser.messages import warning
from kb.registry import Registry, registry_for


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
    label_line: bool = False
    """True for a label line (牵头单位：X on its own line, dialect C): its roles go to the item above."""
    duty_line: bool = False
    """True for a paragraph that is only a duty statement (``roles.duty_line``: 此项工作由X主办，Y协办。): like a label line
    its roles go to the item right above it (``rule_label_lines``); with no item proved above, it stays a paragraph read
    as before, and its ``tag`` is dropped."""
    time_line: roles.Tag | None = None
    """A line of time labels only (``完成时限：2025年12月。`` under an item): its time words go to the item above, which
    it closes like a label line; no roles, so the plan stays untagged."""


@dataclass(slots=True)
class ParseState:
    """Everything the rules share while parsing one document."""

    text: str
    """The raw text."""
    doc: Document
    """The document being filled."""
    registry: Registry | None
    """The issuer's vocabulary (None until ``rule_registry`` picks it from the title)."""
    rules: roles.DocumentRules = field(default_factory=roles.DocumentRules)
    """Rules the plan states once for all its tags (A2), in document order."""
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
    page_fields: list[str] = field(default_factory=list)
    """A web page's metadata rows written with bars, taken out of the text as ``key：value`` (the preface's)."""
    page_marks: list[int] = field(default_factory=list)
    """Where pages 2, 3 … start in ``reduced_text`` (PDF), else empty."""
    reduced_text: str = ""
    """The raw text reduced to letters and digits, for finding a task's page."""
    task_tags: dict[int, roles.Tag] = field(default_factory=dict)
    line_heading_tags: dict[str, tuple[str, roles.Tag]] = field(default_factory=dict)
    """Part or section label → (the line as written, its Tag): a tag line alone right under the heading's title, over
    the paragraphs it heads (``附件1`` / ``…清单`` / ``(县自然资源局牵头)``) — the heading's tag, as ``Outline.heading_tags``."""
    plan_wide: tuple[list[str], list[str], frozenset[int]] | None = None
    """The plan-wide notes ``rule_plan_wide_support`` read — (units supporting every task, units responsible for the tasks
    naming none, ids of the tasks it saw) — for the task table's rows built after it (``rule_plan_wide_table_rows``)."""
    time_lines: dict[int, roles.Tag] = field(default_factory=dict)
    unit_headed: set[int] = field(default_factory=set)
    """ids of the tasks ``rule_unit_heads`` gave their heading's units: they do not make the plan tagged — the prose
    reading of the paragraphs no head covers stays that of a plan without tags (review R5/R8)."""
    """The time-only label line (``Piece.time_line``) of each item it closed, by id of the item's task."""
    """id of a Task → the Tag it took its roles from (its own, or a label line's)."""


def rule_script(state: ParseState) -> None:
    """A plan a mirror converted to traditional script is read back as simplified, one character for one."""
    if script.is_traditional(state.text):
        state.text = script.to_simplified(state.text)
        state.doc.warnings.append(warning("traditional_script"))


def rule_cleanup(state: ParseState) -> None:
    """Undo the PDF/web debris; one paragraph per entry."""
    state.paragraphs = cleanup.clean_paragraphs(state.text)
    if not state.paragraphs and not state.tables:
        # (a file that is one task table has no paragraph left once the table is taken out: it has text — tagsblind11 略阳)
        state.doc.warnings.append(warning("no_text"))


def rule_structure(state: ParseState) -> None:
    """Title, preface, parts, sections and blocks."""
    o = structure.outline(state.paragraphs, state.doc.id)
    state.outline = o
    state.doc.title, state.doc.preface = o.title, o.preface
    state.doc.closing = "\n".join(o.closing) or None
    state.doc.cover = "\n".join(o.cover) or None
    state.doc.plan_title = o.plan_title
    state.doc.parts, state.doc.sections = o.parts, o.sections
    state.doc.annexes = o.annexes
    state.doc.item_parts = o.item_parts
    state.doc.divisions = o.divisions


def rule_registry(state: ParseState) -> None:
    """The vocabulary of the issuer the title names (else none: names as written)."""
    if state.registry is None:
        state.registry = registry_for(state.doc.title, state.doc.preface)
    state.doc.registry = state.registry.name or ""


def rule_split_at_tags(state: ParseState) -> None:
    """Cut every block after each of its tags: a tag closes the text before it.

    A lead rule stated outside any tag (a cover notice before the body) applies to the whole
    plan; one stated in a tag applies from that tag on.  A block that is a label line (C) is
    one piece marked ``label_line``.
    """
    vocab = roles.load_vocabulary()
    state.rules.text = "\n".join(state.paragraphs)  # (places named with their level prove a list's bare places)
    state.rules.read(state.doc.preface or "", vocab)
    state.rules.read(state.doc.cover or "", vocab)  # a cover notice may state the lead rule for the whole plan
    blocks = state.outline.blocks
    # a plan that closes its items with bare unit brackets as a habit (西安 2018): those brackets are its tags
    # (the body: the blocks under a part — or every block of a plan with no parts, 湖北 2008's page of items 11、12、13、)
    parted = any(b.part for b in blocks)
    state.rules.bare_lists = roles.bare_bracket_habit((b.text for b in blocks if b.part or not parted), vocab, state.registry)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        if not block.part:  # a cover notice before the first part may state the lead rule
            state.rules.read(block.text, vocab)
        end = _label_block_end(blocks, i - 1, vocab)
        if end > i - 1:
            # Consecutive label lines (牵头单位：X / 责任单位：Y / 实施时间：Z) are one tag.
            lines = [b.text for b in blocks[i - 1 : end]]
            i = end
            contents = [_unbracketed(ln) for ln in lines]
            tag = roles.parse_tag_content("；".join(contents), state.registry, vocab, state.rules)
            tag.text = "\n".join(lines)
            if tag.has_roles:
                state.pieces.append(Piece(block, tag.text, "", tag, list(tag.warnings), label_line=True))
                continue
            if tag.time_words and not tag.warnings and all(
                    (vocab.label_kind(k) or vocab.shape_kind(k)) in ("time", "field") for k in tag.fields):
                # 完成时限：2025年12月。 under an item: the item's time limit (松江 公益林 2026)
                state.pieces.append(Piece(block, tag.text, tag.text, None, [], time_line=tag))
                continue
            block_warnings = tag.warnings or [warning("label_line_without_unit", text=block.text[:40])]
            state.pieces.append(Piece(block, tag.text, tag.text, None, list(block_warnings)))
            continue
        duty = None if structure.ITEM_RE.match(block.text) or structure.SUBITEM_RE.match(block.text) else \
            roles.duty_line(block.text, state.registry, vocab)
        if duty is not None:
            # 此项工作由X主办，Y协办。 on its own after an item (E-line): the item's roles, no work of its own
            state.pieces.append(Piece(block, block.text.strip(), block.text.strip(), duty, [], duty_line=True))
            continue
        spans, warnings = roles.find_tags(block.text, state.registry, vocab, state.rules)
        if len(spans) == 1 and spans[0].start == 0 and not block.text[spans[0].end :].strip():
            # A tag on a line of its own (（市X局牵头，市Y局配合） under an item): like a label line (C), it
            # closes the item above, not a task of its own.
            tag = spans[0].tag
            state.pieces.append(Piece(block, tag.text, "", tag, list(tag.warnings) + warnings, label_line=True))
            continue
        start = 0
        for span in spans:
            chunk = block.text[start : span.end]
            body = block.text[start : span.start].rstrip()
            if body.strip() or start == 0:
                state.pieces.append(Piece(block, chunk.strip(), body.strip(), span.tag, list(span.tag.warnings)))
            elif state.pieces:  # a tag right after a tag: read it as part of the previous one
                state.pieces[-1].warnings.append(warning("tag_without_text", tag=span.tag.text))
            start = span.end
        rest = block.text[start:].strip()
        if rest or not spans:
            state.pieces.append(Piece(block, rest, rest))
        if warnings:
            state.pieces[-1].warnings.extend(warnings)
    state.doc.lead_rule, state.doc.lead_rule_text = state.rules.lead_rule, state.rules.lead_rule_text


def _unbracketed(line: str) -> str:
    """A label line's content: without the bracket around it, also when a full stop follows the bracket
    (``（责任单位：县供电公司）。`` — the stop kept the bracket in, and the doubled bracket hid the label)."""
    s = line.strip()
    inner = s.rstrip("。；;.")
    if inner and inner[0] in roles.OPENERS and inner[-1] in roles.CLOSERS:
        return inner[1:-1]
    return line


def _label_block_end(blocks: list[structure.Block], i: int, vocab: roles.RoleVocabulary) -> int:
    """End (exclusive) of the block of label lines opening at ``blocks[i]``, else ``i``: consecutive lines of one
    section each opening with a label — a known one (``roles.is_label_line``: 牵头单位, 完成时限, 实施时间 …) or one known
    by its shape only (``roles.is_shape_label_line``: 工作要求, 督导领导) — with at least one known among them.  A shape
    alone (工作要求：各单位要…) is a paragraph; a web page's metadata (发布时间：2023-02-21) and a phase line (第二阶段：…,
    cleanup.phase_line) are none."""
    end, known = i, False
    # (one part too: 一、X / 完成时限：… / 二、Y / 完成时限：… — two parts' lines in no section were one block of one item)
    while end < len(blocks) and (end == i or (blocks[end].section, blocks[end].part) == (blocks[i].section, blocks[i].part)):
        text = blocks[end].text
        if cleanup.is_page_metadata(text) or cleanup.phase_line(text):
            break  # (第二阶段：2025年6月底前 heads the items below it: no field of the item above)
        if roles.is_label_line(text, vocab):
            known = True
        elif not roles.is_shape_label_line(text, vocab) and not (known and cleanup.sub_duty_line(text)):
            break  # (其中，C负责… after 责任单位：A、B、C: the label's note, read with it — no paragraph of its own)
        end += 1
    return end if known else i


def rule_tasks(state: ParseState) -> None:
    """One Task per piece, with its roles, in order; labels come later.  Label lines make no task."""
    for piece in state.pieces:
        b, tag = piece.block, (None if piece.duty_line else piece.tag)  # (a duty line's roles are its item's, if any)
        title = b.title if piece.text.startswith(b.text[:10]) else structure.heading_title(piece.body)
        task = Task(
            id="", doc=state.doc.id, label="", part=b.part, part_title=b.part_title,
            section=b.section, section_title=b.section_title,
            kind="task" if tag else b.kind, title=title, text=piece.text, body=piece.body,
            warnings=piece.warnings,
        )
        if tag:
            _take_tag(task, tag, "label line" if piece.label_line else "tag")
            state.task_tags[id(task)] = tag
        state.tasks.append(task)


def _take_tag(task: Task, tag: roles.Tag, source: str) -> None:
    task.tag = tag.text
    for role in ROLES:
        setattr(task, role, list(tag.roles[role]))
    task.subunits = {k: list(v) for k, v in tag.subunits.items()}
    task.notes, task.fields = list(tag.notes), dict(tag.fields)
    task.role_source = source


def rule_label_lines(state: ParseState) -> None:
    """C: a tag line (a label line 牵头单位：X, or a tag alone on its line) closes the item above it: the item's
    paragraphs back to where it starts (its numbered, titled or inline-heading first paragraph, over its body
    paragraphs and sub-items （1）…（n）) become ONE task with the line's roles (dialects.md C: one line after
    four numbered sub-items covers the whole group); the line itself is no task."""
    tasks, pieces = [], []
    for k, (task, piece) in enumerate(zip(state.tasks, state.pieces)):
        if piece.duty_line:
            _close_with_duty_line(tasks, pieces, task, piece, state.pieces[k + 1 :], state.time_lines)
            continue
        if piece.time_line is not None:
            n = _item_start(tasks, pieces, piece.block)
            if n is None:  # no item above: the line stays a paragraph, as a label line naming no unit
                task.warnings.append(warning("label_line_without_unit", text=piece.text[:40]))
                tasks.append(task)
                pieces.append(piece)
                continue
            item, item_piece = _merge_item(tasks[n:], pieces[n:])
            del tasks[n:], pieces[n:]
            item.fields.update(piece.time_line.fields)
            state.time_lines[id(item)] = piece.time_line
            tasks.append(item)
            pieces.append(Piece(item_piece.block, item.text, item.body, None, list(item.warnings),
                                time_line=piece.time_line))  # closed: a later tag line starts below it
            continue
        if not piece.label_line:
            n = _continued_item(tasks, pieces, piece)
            if n is not None:
                # 15.研究制定建设标准… / 在总结评估…的基础上，科学谋划…。（牵头单位：X）: the tag closes the item's last
                # paragraph, and the item is the numbered paragraph with its body (沪府办〔2021〕36号).
                item, item_piece = _merge_item(tasks[n:] + [task], pieces[n:] + [piece])
                del tasks[n:], pieces[n:]
                _take_tag(item, piece.tag, "tag")
                item.kind = "task"
                state.task_tags.pop(id(task), None)
                state.task_tags[id(item)] = piece.tag
                tasks.append(item)
                pieces.append(Piece(item_piece.block, item.text, item.body, piece.tag, list(item.warnings)))
                continue
            tasks.append(task)
            pieces.append(piece)
            continue
        n = _item_start(tasks, pieces, piece.block)
        if n is None and _heads_what_follows(piece, state.pieces[k + 1 :]):
            # 附件1 / 城市更新专项行动清单 / (县自然资源局牵头) / 1.… 2.…: the line is its heading's tag, no task
            state.line_heading_tags[task.section or task.part] = (piece.text.strip(), piece.tag)
            state.task_tags.pop(id(task), None)
            continue
        heading = state.outline.section_lines.get(task.section or "")
        if n is None and heading and not any(t.section == task.section for t in tasks):
            # （一）地区生产总值增长7%以上 / 责任单位：X — the section line is the item itself.
            task.text = task.body = heading
            task.title = task.section_title
            tasks.append(task)
            pieces.append(piece)
            continue
        if n is None:
            task.warnings.append(warning("label_line_without_item"))
            tasks.append(task)
            pieces.append(piece)
            continue
        n = _own_sub_item(n, pieces, state.pieces[k + 1 :])
        item, item_piece = _merge_item(tasks[n:], pieces[n:])
        del tasks[n:], pieces[n:]
        _take_tag(item, piece.tag, "label line" if roles.is_label_line(piece.block.text) else "tag")
        item.kind = "task"
        item.warnings.extend(w for w in piece.warnings if w not in item.warnings)
        state.task_tags.pop(id(task), None)
        state.task_tags[id(item)] = piece.tag
        tasks.append(item)
        # closed by its tag line: a later tag line starts below it (a second sub-item's 牵头单位 took the whole item)
        pieces.append(Piece(item_piece.block, item.text, item.body, piece.tag, list(item.warnings)))
    state.tasks, state.pieces = tasks, pieces


def _close_with_duty_line(tasks: list[Task], pieces: list[Piece], task: Task, piece: Piece, after: list[Piece],
                          time_lines: dict[int, roles.Tag]) -> None:
    """E-line: a duty line (``Piece.duty_line``) gives its roles to the item right above it — its opening paragraph
    (numbered, inline-heading or titled: ``_starts_item``) and body paragraphs, as a label line does — and is no task.
    With no item proved above it (a heading or a part's start, a tag closing the item above, the text's start) it stays
    the paragraph it was, read as before: which work it speaks of is not proved, and it is never a heading's tag.  The
    plan stays untagged by it (``state.task_tags``): the other paragraphs keep the reading they had.  A limit the line
    states (…，2024年6月底前完成。) is the item's, read as a 完成时限 line's (``time_lines``)."""
    n = _item_start(tasks, pieces, piece.block)
    if n is None or not _starts_item(pieces[n].block):
        tasks.append(task)
        pieces.append(Piece(piece.block, piece.text, piece.body, None, list(piece.warnings)))
        return
    n = _own_sub_item(n, pieces, after)
    item, item_piece = _merge_item(tasks[n:], pieces[n:])
    del tasks[n:], pieces[n:]
    _take_tag(item, piece.tag, "label line")
    item.kind = "task"
    if piece.tag.time_words:
        time_lines[id(item)] = piece.tag
    tasks.append(item)
    pieces.append(Piece(item_piece.block, item.text, item.body, piece.tag, list(item.warnings)))


def _heads_what_follows(piece: Piece, after: list[Piece]) -> bool:
    """A tag line with no item above it (right under an annex's, part's or section's title) that heads the paragraphs
    after it: the next paragraph stands in the same part and section and is no tag or time line of its own.  A section
    line followed by its tag line and then the next section (（一）地区生产总值增长7%以上 / 责任单位：X / （二）…) is an item
    with its label line, not a heading's tag."""
    if not after or piece.tag is None or not (piece.block.section or piece.block.part):
        return False  # (a label block opening a text cut from a longer one closes an item of the page before)
    nxt = after[0]
    if nxt.label_line or nxt.time_line is not None:
        return False
    return (nxt.block.part, nxt.block.section) == (piece.block.part, piece.block.section)


def _own_sub_item(n: int, pieces: list[Piece], after: list[Piece]) -> int:
    """Where the item a tag line closes starts, given ``n`` (``_item_start``): at the last sub-item above the line
    (``(1)…`` / 牵头单位：X) when another sub-item follows the line — sub-items closed by tag lines of their own are
    items of their own, and the item's opening paragraph (``3、…``) stays a paragraph; else ``n`` (one tag line under
    several sub-items covers the whole item: dialects.md C)."""
    if not after or not structure.SUBITEM_RE.match(after[0].block.text) or after[0].block.section != pieces[-1].block.section:
        return n
    last = next((j for j in range(len(pieces) - 1, n - 1, -1) if structure.SUBITEM_RE.match(pieces[j].block.text)), None)
    return n if last is None else last


def _starts_item(block: structure.Block) -> bool:
    """True for a paragraph that opens an item: numbered (``1.``), an inline-heading item (``（一）加强管理。…``) or
    a titled paragraph (``加大区域产业布局调整力度。…``) — never a sub-item （1）, which belongs to the item above."""
    if structure.SUBITEM_RE.match(block.text):
        return False
    return block.kind == "measure" or bool(structure.ITEM_RE.match(block.text)) or block.title is not None


def _item_start(tasks: list[Task], pieces: list[Piece], block: structure.Block) -> int | None:
    """Index of the first task of the item a tag line ``block`` closes, or None when no untagged text of its
    place stands right above it.  The item runs back over untagged paragraphs of the same part and section to
    the paragraph that opens it (``_starts_item``, included); with none, back to the previous tag or the start
    of the section (a section whose heading is the item's title: every paragraph under it).  An inline-heading
    item's continuation paragraphs stand in no section: the walk from them reaches the item itself."""
    i = len(tasks) - 1
    while i >= 0:
        t, p = tasks[i], pieces[i]
        if p.tag is not None or p.label_line or p.time_line is not None or t.part != block.part:
            break
        if p.block.kind == "measure" and block.section is None and t.section:
            return i
        if t.section != block.section:
            break
        if _starts_item(p.block):
            return i
        i -= 1
    return i + 1 if i + 1 < len(tasks) else None


def _continued_item(tasks: list[Task], pieces: list[Piece], piece: Piece) -> int | None:
    """Index of the first task of the item an inline tag closes from a later paragraph, or None: the tag closes the
    first text of a plain paragraph (no number, no inline heading, no title of its own: a body paragraph), and right
    above it in its part and section stand untagged paragraphs back to a paragraph that opens an item (``1.…``,
    ``（一）加强管理。…``).  Without such an opening paragraph nothing is merged: an untagged lead-in above tagged
    paragraphs stays a paragraph."""
    block = piece.block
    if (piece.tag is None or _starts_item(block) or _marked(block) or not block.text.startswith(piece.text[:10])):
        return None
    n = _item_start(tasks, pieces, block)
    if n is None or n >= len(tasks) or not _starts_item(pieces[n].block) or any(_marked(p.block) for p in pieces[n + 1:]):
        return None
    return n


def _marked(block: structure.Block) -> bool:
    """True for a paragraph opening with a marker (a sub-item （1）, a number): it is an item or sub-item of its own
    (2.推进…建设。 / (1)…（tag） / (2)…（tag）: each sub-item is a task, the lead-in stays a paragraph)."""
    return bool(structure.SUBITEM_RE.match(block.text) or structure.ITEM_RE.match(block.text))


def _merge_item(tasks: list[Task], pieces: list[Piece]) -> tuple[Task, Piece]:
    """The paragraphs of one item as one task (its first paragraph's place, number and title; texts joined)."""
    first, piece = tasks[0], pieces[0]
    if len(tasks) == 1:
        return first, piece
    first.text = "".join(t.text for t in tasks)
    first.body = "".join(t.body for t in tasks)
    for t in tasks[1:]:
        first.warnings.extend(w for w in t.warnings if w not in first.warnings)
    return first, Piece(piece.block, first.text, first.body, None, list(first.warnings))


def rule_heading_tags(state: ParseState) -> None:
    """F: a tag on a part or section heading (（省发改委总牵头）) applies to every task under it,
    besides the tasks' own tags.  A heading that names the units in its own words, without a bracket
    (一、县示范区管委会牵头工作(8项), （二）市发展改革委牵头的任务: task lists grouped by lead unit), gives
    its roles to every task under it that names no lead or responsible unit of its own; the nearest
    such heading (the section's before the part's) wins."""
    vocab = roles.load_vocabulary()
    parsed: dict[str, roles.Tag] = {}
    named: dict[str, roles.Tag | None] = {}
    for task in state.tasks:
        own = any(getattr(task, role) for role in ("lead", "sole", "shared"))
        # the section's tag before the part's: the nearest heading decides a unit both name (one unit, one role)
        for key in (task.section, task.part) if state.outline.heading_tags or state.line_heading_tags else ():
            if key and key in state.line_heading_tags:
                text, tag = state.line_heading_tags[key]
                _add_heading_roles(task, tag, text)
                continue
            text = state.outline.heading_tags.get(key) if key else None
            if not text:
                continue
            if text not in parsed:
                parsed[text] = roles.parse_tag_content(text[1:-1], state.registry, vocab, state.rules)
            _add_heading_roles(task, parsed[text], text)
        if own:
            continue
        titles = (task.section_title if task.kind != "measure" else None, task.part_title)
        for title in titles:
            if not title:
                continue
            if title not in named:
                named[title] = roles.read_heading_roles(title, state.registry, vocab, state.rules)
            tag = named[title]
            if tag is not None:
                _add_heading_roles(task, tag, tag.text, cite=title)
                break


def _add_heading_roles(task: Task, tag: roles.Tag, text: str, cite: str | None = None) -> None:
    """The heading's roles on ``task``; a plain paragraph given roles so is a task (README: a paragraph is a
    task when the plan gives it roles — a tag, a label line, a heading's tag), counted and dated like any
    other (婺城 2025: 一、强化科技创新(区科技局牵头) over a paragraph with its 2025 target).  An inline-heading
    item (``measure``) keeps its kind: its label is its marker.  A task with no tag of its own cites the
    heading's (``Task.tag``: the bracket as written, or ``cite``, the heading that names the units in its own
    words), so an answer can say where its roles come from; ``role_source`` stays ``heading``.

    The heading adds only units the task does not name yet: the item's own tag decides the role of every unit it
    names (一、…（省发改委总牵头） over ``（省能源局牵头，省发改委配合）``: 省发改委 supports that item, it does not lead it
    too — one unit, one role per task)."""
    if task.kind == "paragraph" and any(tag.roles[role] for role in ROLES):
        task.kind = "task"
    if task.tag is None and any(tag.roles[role] for role in ROLES):
        task.tag = cite or text
    task.heading_tag = task.heading_tag or text  # (the nearest heading's: rule_heading_tags reads the section's first)
    named = set(task.departments("any"))
    for role in ROLES:
        for name in tag.roles[role]:
            if name not in named:
                getattr(task, role).append(name)
                named.add(name)
    # a carry-forward note in the heading's tag (以下均需相关乡镇配合，不再列出 / 以下均需X落实): the items under the heading
    for name in tag.implied_support:
        if name not in task.departments("any"):
            task.support.append(name)
    if task.kind == "task":
        task.implied.extend(n for n in tag.implied if n not in task.implied and n not in task.departments("any"))
    task.role_source = task.role_source or "heading"


def rule_section_titles(state: ParseState) -> None:
    """A section heading alone on its line with no full stop (``(一)解决居民区装修垃圾积压现象``, ASCII or full-width
    brackets) over ONE unnumbered paragraph with no title of its own (a long first sentence): the heading is that
    task's title and the paragraph its text (the title was lost).  A body whose first sentence is a title keeps it
    (``（二）其他`` over ``开展行动。…``), and a section of several paragraphs keeps theirs: the heading is their
    section's title (``Task.section_title``), not each one's."""
    by_section: dict[str, list[int]] = {}
    for i, task in enumerate(state.tasks):
        if (task.section and task.section in state.outline.section_lines and task.kind != "measure"
                and task.section not in state.outline.duty_heads):  # （一）区建管委 names the doer, not the work
            by_section.setdefault(task.section, []).append(i)
    for section, members in by_section.items():
        if len(members) != 1:
            continue
        task, piece = state.tasks[members[0]], state.pieces[members[0]]
        if piece.block.number is None and task.section_title and task.title is None:
            task.title = task.section_title


def rule_duty_sections(state: ParseState) -> None:
    """G: in a duty part (四、职责分工), the units heading a section (（一）区建管委, （一）区发展改革委：…) are
    responsible for its paragraphs, read by the tag reader as ``X负责``; a paragraph's own tag wins."""
    heads = state.outline.duty_heads
    if not heads:
        return
    vocab = roles.load_vocabulary()
    for task in state.tasks:
        head = heads.get(task.section or "")
        if not head or task.departments("any"):
            continue
        tag = roles.parse_tag_content(f"{head}负责", state.registry, vocab, state.rules)
        for role in ROLES:
            setattr(task, role, list(tag.roles[role]))
        task.subunits = {k: list(v) for k, v in tag.subunits.items()}
        task.warnings.extend(w for w in tag.warnings if w not in task.warnings)
        task.heading_tag = state.outline.section_lines.get(task.section)  # （一）区建管委; None for a one-line duty
        task.kind, task.role_source = "task", "duty"


#: A unit heading an item: the words before the item's first 。 or colon (（二十一）市公安局。负责… / 3.市财政局：负责…).
_UNIT_HEAD_RE = re.compile(r"^(?P<head>[^。：:，,；;！？（(“]{2,40})(?P<mark>[。：:])(?P<rest>.+)$", re.S)
#: A field's name shaped like a unit (联系单位, 主办单位, 牵头部门, 成员单位 before a colon): a label, no doer.
_FIELD_HEAD_RE = re.compile(r"^(?!各|有关|相关)[^、]{0,4}(?:单位|部门)$")


@dataclass(frozen=True, slots=True)
class HeadWords:
    """The words of kb/data/heads.yaml (unit headings and notes after the items they cover)."""

    body_endings: tuple[str, ...]
    """How the name of a body that heads an item ends (局, 委, 政府 …)."""
    name_opening_verbs: tuple[str, ...]
    """Verbs that set a body up (成立 …): a heading opening with one names work, no doer."""
    earlier_items_notes: tuple[re.Pattern, ...]
    """Notes after the items they cover (上述任务由X负责落实), each with a ``units`` group."""
    building_verbs: tuple[str, ...] = ()
    """Verbs of building (新建, 改造 …): a heading the item names again as their object is the project built."""
    duty_openings: tuple[str, ...] = ()
    """How a head's text reading as duties opens (负责, 承担, 要 …)."""


_HEAD_WORDS: HeadWords | None = None


def load_head_words(path: str | None = None) -> HeadWords:
    """Read and check kb/data/heads.yaml (``path`` for another copy); the bundled file is read once."""
    global _HEAD_WORDS
    if path is None and _HEAD_WORDS is not None:
        return _HEAD_WORDS
    from kb.data import read_versioned_yaml
    from kb.errors import KbError

    src = Path(path) if path else Path(__file__).parent.parent / "data" / "heads.yaml"
    data = read_versioned_yaml(src, "unit heading words")
    words = []
    for key in ("body_endings", "name_opening_verbs", "earlier_items_notes", "building_verbs", "duty_openings"):
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
            raise KbError(f"{src}：{key} 应为非空的词语列表；请修正，或从代码仓库恢复这个文件")
        words.append(tuple(value))
    notes = []
    for k, pattern in enumerate(words[2]):
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise KbError(f"{src}：earlier_items_notes[{k}] 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
        if "units" not in compiled.groupindex:
            raise KbError(f"{src}：earlier_items_notes[{k}] 需要一个 (?P<units>…) 分组；请修正，或从代码仓库恢复这个文件")
        notes.append(compiled)
    found = HeadWords(words[0], words[1], tuple(notes), words[3], words[4])
    if path is None:
        _HEAD_WORDS = found
    return found


def _unit_head(task: Task, piece: Piece, vocab: roles.RoleVocabulary) -> str | None:
    """The units heading ``task`` as its doer, or None: an item whose marker (（一） / 1. / （1）) is followed by units
    alone before a 。 or colon and then the item's words (``（二十一）市公安局。负责对…`` / ``3.市财政局：负责…；…``), or a
    paragraph opening with units and a colon (``县教育局：负责…``).  A topic (（一）加强组织领导。), a sentence's subject
    (市发改委要…: no mark after the name), a quoted body (国务院办公厅印发《…》。), a field (联系单位：市财政局 — a value of
    units after the colon, or a field's name) are none."""
    text = task.text.strip()
    marked = False
    for pattern in (structure.SECTION_RE, structure.ITEM_RE):
        m = pattern.match(text)
        if m:
            text, marked = m.group(2).strip(), True
            break
    else:
        m = structure.SUBITEM_RE.match(text)
        if m:
            text, marked = text[m.end():].strip(), True
    m = _UNIT_HEAD_RE.match(text)
    if m is None or (m.group("mark") == "。" and not marked):
        return None
    head, rest = m.group("head").strip(), m.group("rest").strip().rstrip("。；;")
    names = head.split("、")
    if not rest or not roles.names_units(head, vocab) or any(_FIELD_HEAD_RE.match(n) for n in names):
        return None
    words = load_head_words()
    endings, openings = words.body_endings, words.name_opening_verbs
    if not all(n.endswith(endings) and not n.startswith(openings) for n in names):
        return None  # every name ends like a body (市公安局 / 县编办 / 各乡镇), not a topic's thing (参加企业。, 各市自查阶段。)
    if roles.is_label_line(task.text.strip(), vocab):
        return None
    if m.group("mark") != "。" and roles.names_units(rest, vocab) and not any(w in rest for w in roles.PROSE_WORDS):
        return None  # (联系单位：市财政局 — a field and its value; a duty ending like a unit, …进行查处, is no value)
    if _builds(rest, names, words.building_verbs):
        return None  # （一）县疾控中心。新建县疾控中心业务楼…: the project the item builds, not its doer
    return head


#: Between a building verb and the name it builds: a count (新建1所, 新建一个) or a short qualifier, no punctuation.
_BUILT_GAP = r"[^。：:，,；;、！？]{0,6}?"


def _builds(rest: str, names: list[str], verbs: tuple[str, ...]) -> bool:
    """An item's text names one of its heading's ``names`` again as the object of a building verb (``新建县疾控中心…``,
    ``迁建县急救中心``, ``新建1所区社区卫生服务中心``, also without the level: ``改造文化中心``) — the heading names the project."""
    for name in names:
        bare = name[1:] if name[:1] in "省市县区" and len(name) > 3 else name
        forms = "|".join(re.escape(n) for n in dict.fromkeys((name, bare)))
        if re.search(f"(?:{'|'.join(map(re.escape, verbs))}){_BUILT_GAP}(?:{forms})", rest):
            return True
    return False


def _reads_as_duties(task: Task, head: str, vocab: roles.RoleVocabulary) -> bool:
    """An item a unit heads whose text reads as duties — it opens with a duty word (负责, 承担, 要 …: heads.yaml
    ``duty_openings``) — or that stands in a duty part: only such heads make a plan written with unit heads."""
    if _in_duty_part(task, vocab):
        return True
    text = task.text
    at = text.find(head)
    rest = text[at + len(head):].lstrip("。：: ") if at >= 0 else ""
    return rest.startswith(load_head_words().duty_openings)


def _section_unit_line(state: ParseState, section: str, vocab: roles.RoleVocabulary) -> str | None:
    """The units a section's heading line names alone, outside a duty part (``（一）县发改局`` over the section's
    items; a duty part's are G's, ``Outline.duty_heads``), else None — the names checked as an item's unit heading."""
    line = state.outline.section_lines.get(section)
    m = structure.SECTION_RE.match(line.strip()) if line and section not in state.outline.duty_heads else None
    if m is None:
        return None
    return _units_alone(m.group(2).strip().rstrip("。：:"), vocab)


def _units_alone(head: str, vocab: roles.RoleVocabulary) -> str | None:
    """``head`` when it is names of bodies only (as an item's unit heading is checked), else None."""
    words = load_head_words()
    names = head.split("、")
    if not roles.names_units(head, vocab) or any(_FIELD_HEAD_RE.match(n) for n in names):
        return None
    if not all(n.endswith(words.body_endings) and not n.startswith(words.name_opening_verbs) for n in names):
        return None
    return head


#: The most characters a line that is only a unit's name (or a few, 、-joined) holds.
_UNIT_LINE_MAX = 40


def _unit_line(task: Task, piece: Piece, vocab: roles.RoleVocabulary) -> str | None:
    """The units of a paragraph that is only their names (``县卫生局``, ``市财政局、市税务局``): unnumbered, untagged, no
    sentence or role word, names of bodies only (``_units_alone``); else None."""
    if (task.kind != "paragraph" or task.tag or task.role_source or task.departments("any")
            or piece.block.number is not None):
        return None
    return _bare_unit_line(task.text, vocab)


def _unit_line_runs(state: ParseState, vocab: roles.RoleVocabulary) -> list[tuple[int, str, list[int]]]:
    """(index of the line, its units, indices of its items) for every unit line heading a run of numbered items in a
    container PROVED to be written unit by unit: two or more unit lines (``_unit_line``), each followed at once by items
    numbered from 1 on, one after another (pieces of one item alike), up to the next unit line or the container's end —
    the numbering restarting under each line shows each opens a list of its own.  Anything else in the container (an
    unnumbered paragraph between, numbering running on past a line, a numbered item before the first line) proves
    nothing: none."""
    by_container: dict[tuple[str, str | None], list[int]] = {}
    for i, task in enumerate(state.tasks):
        if task.kind != "measure":
            by_container.setdefault((task.part, task.section), []).append(i)
    found = []
    for members in by_container.values():
        runs: list[tuple[int, str, list[int]]] = []
        ok = True
        for i in members:
            units = _unit_line(state.tasks[i], state.pieces[i], vocab)
            if units:
                runs.append((i, units, []))
                continue
            block = state.pieces[i].block
            if not runs or block.number is None:
                ok = ok and not runs and block.number is None  # (paragraphs before the first line: an opening)
                if runs:
                    break
                continue
            items = runs[-1][2]
            last = state.pieces[items[-1]].block if items else None
            if last is block or (last is None and block.number == 1) or (last is not None and block.number == last.number + 1):
                items.append(i)
            else:
                ok = False
                break
        if ok and len(runs) >= 2 and all(items for _, _, items in runs):
            found.extend(runs)
    return found


def rule_unit_line_outline(state: ParseState) -> None:
    """The outline of a body written unit by unit with items numbered 一、二、…: ``市卫生局`` alone on a line, then
    ``一、…`` … ``七、…``, then ``市教育局``, then ``一、…`` — the outline read each 一、 as a part (the short ones as part
    headings with no paragraph, the unit lines as paragraphs of the part before).  Where the shape is PROVED — two or more
    lines that are only units' names (``_units_alone``), each followed at once by items numbered from 一 on, one after
    another, every paragraph of the body from the first such line to its end in those runs, and no 一、 paragraph of the
    body outside them — the body is one list: every line and item a paragraph of no part, each item numbered as written
    (``rule_unit_lines`` then gives each line's units the items under it).  Else the outline stays as it is."""
    o = state.outline
    if o is None or o.annexes or o.divisions or not o.parts:
        return
    vocab = roles.load_vocabulary()
    texts = [b.text for b in o.blocks]
    start = next((k for k, p in enumerate(state.paragraphs) if _bare_unit_line(p, vocab)), None)
    if start is None:
        return
    body = state.paragraphs[start:]
    closing = set(o.closing)
    while body and body[-1] in closing:
        body = body[:-1]  # (the signature and date after the last item: the closing's)
    numbers: list[int | None] = []
    lines = 0
    expect = 0
    for p in body:
        if _bare_unit_line(p, vocab):
            if expect == 1:
                return  # (a unit line with no item under it)
            lines, expect = lines + 1, 1
            numbers.append(None)
            continue
        m = structure.PART_RE.match(p) or structure.TOP_ITEM_RE.match(p)
        if m is None or structure.numeral_value(m.group(1)) != expect:
            return
        numbers.append(expect)
        expect += 1
    if lines < 2 or expect == 1:
        return
    if any(structure.PART_RE.match(p) or structure.TOP_ITEM_RE.match(p) for p in state.paragraphs[:start]):
        return  # (a part of the body's own before the lines: not one list)
    first = next((k for k, t in enumerate(texts) if t in body), len(texts))
    kept = [b for b in o.blocks[:first] if b.text not in body]
    o.blocks = kept + [structure.Block("", "", None, None, n, "paragraph", p, None) for p, n in zip(body, numbers)]
    o.parts, o.sections, o.heading_tags, o.section_lines, o.item_parts = [], [], {}, {}, False
    state.doc.parts, state.doc.sections, state.doc.item_parts = [], [], False


def rule_unit_line_sections(state: ParseState) -> None:
    """Items numbered （一）（二）… under lines that are only units' names, restarting under each line (``市发展改革委`` /
    ``（一）编制…。`` / ``（二）…`` / ``市财政局`` / ``（一）…``): the outline read each short item as a SECTION heading (no
    task: the items vanished, the unit lines became paragraphs of the last one).  Where the shape is PROVED within one
    part — from the first unit line (``_bare_unit_line``) to the part's end every paragraph a unit line or an item
    numbered （一）, （二）… from （一） under each line, two lines or more, no （N） item of the part before the first line —
    the part's blocks from that line on are rebuilt as paragraphs of the part, each item numbered as written, and the
    part's sections dropped; ``rule_unit_lines`` then gives each line's units the items under it.  Else nothing changes
    (``rule_unit_line_outline`` does the same for 一、 items over a whole body)."""
    o = state.outline
    if o is None or o.divisions:
        return
    vocab = roles.load_vocabulary()
    paras = state.paragraphs
    i = 0
    while i < len(paras):
        run = _unit_line_section_run(paras, i, vocab)
        if run is None:
            i += 1
            continue
        if _rebuild_unit_line_part(state, run):
            i = run[-1][0] + 1
        else:
            i += 1


def _unit_line_section_run(paras: list[str], i: int, vocab: roles.RoleVocabulary) -> list[tuple[int, int | None]] | None:
    """(paragraph index, item number or None for a unit line) of the run of unit lines and （N） items from ``i``, or None
    when paragraph ``i`` opens none that is whole (two lines or more, each with items （一）… in order under it)."""
    if not _bare_unit_line(paras[i], vocab):
        return None
    run: list[tuple[int, int | None]] = []
    expect, lines, j = 0, 0, i
    while j < len(paras):
        p = paras[j].strip()
        if _bare_unit_line(p, vocab):
            if expect == 1:
                return None  # (a unit line with no item under it)
            lines, expect = lines + 1, 1
            run.append((j, None))
        elif (m := structure.SECTION_RE.match(p)) and structure.numeral_value(m.group(1)) == expect:
            run.append((j, expect))
            expect += 1
        else:
            break
        j += 1
    if lines < 2 or expect == 1:
        return None
    if j < len(paras) and structure.SECTION_RE.match(paras[j].strip()):
        return None  # (（三） under the second line: the numbering runs on — one list, not one per unit)
    return run


def _rebuild_unit_line_part(state: ParseState, run: list[tuple[int, int | None]]) -> bool:
    """Rebuild the outline's blocks of the part holding ``run`` (``rule_unit_line_sections``) when the run reaches the
    part's end and no （N） item of the part stands before it; True when done."""
    o, paras = state.outline, state.paragraphs
    texts = {paras[k] for k, _ in run}
    first = next((k for k, b in enumerate(o.blocks) if b.text == paras[run[0][0]]), None)
    if first is None:
        return False
    part, part_title = o.blocks[first].part, o.blocks[first].part_title
    if part.startswith(structure.ANNEX_LEVEL_MARK) or any(b.part == part for b in o.blocks[:first] if b.section):
        return False
    # the paragraph after the run: none of this part's (its end: the next part's heading, the closing, an annex)
    after = run[-1][0] + 1
    if after < len(paras) and any(b.text == paras[after] and b.part == part for b in o.blocks[first:]):
        return False
    # no （N） item of the part before its first unit line (between the part's heading and the line)
    for p in reversed(paras[: run[0][0]]):
        m = structure.PART_RE.match(p.strip())
        if m and m.group(1) == part:
            break
        if structure.SECTION_RE.match(p.strip()):
            return False
    rest = o.blocks[first:]
    if any(b.part == part and b.text not in texts and b.section is None for b in rest):
        return False  # (a paragraph of the part the run does not account for)
    new = [structure.Block(part, part_title, None, None, n, "paragraph", paras[k], None) for k, n in run]
    o.blocks = o.blocks[:first] + new + [b for b in rest if b.part != part]
    own = [label for label, _ in o.sections if label.startswith(part + "（")]
    o.sections = [(label, title) for label, title in o.sections if label not in own]
    for key in own:
        o.section_lines.pop(key, None)
        o.heading_tags.pop(key, None)
    state.doc.sections = o.sections
    return True


def _bare_unit_line(text: str, vocab: roles.RoleVocabulary) -> str | None:
    """The units of a paragraph that is only their names (``县卫生局``, ``市财政局、市税务局``; a colon may close it:
    ``市财政局：`` heads the items under it alike), else None."""
    text = text.strip()
    if text[-1:] in "：:" and len(text) > 1:
        text = text[:-1]
    if (not text or len(text) > _UNIT_LINE_MAX or re.search(r"[。；;，,：:！？!?（）()\s\d]", text)
            or vocab.role_end.search(text) or structure.PART_RE.match(text)):
        return None
    return _units_alone(text, vocab)


def _give_head_duty(task: Task, tag: roles.Tag, heading: str | None, state: ParseState, warnings: bool = False) -> None:
    """``task`` takes the roles of the ``X负责`` its heading (a unit line, a unit's heading) states: one definition for
    rule_unit_lines and rule_unit_heads; ``warnings``: the tag's warnings go on the task too (rule_unit_heads)."""
    for role in ROLES:
        setattr(task, role, list(tag.roles[role]))
    task.subunits = {k: list(v) for k, v in tag.subunits.items()}
    if warnings:
        task.warnings.extend(w for w in tag.warnings if w not in task.warnings)
    task.heading_tag = heading
    task.kind, task.role_source = "task", "duty"
    state.unit_headed.add(id(task))


def rule_unit_lines(state: ParseState) -> None:
    """A unit's name alone on a line above its numbered items (``县卫生局`` / 1.… 2.… / ``县教育局`` / 1.…): each unit heads
    the items under it, read as G's duty sections read theirs (``X负责``: one unit sole, several shared;
    ``role_source="duty"``; the line is the items' ``heading_tag``) — only where the shape is proved
    (``_unit_line_runs``).  The line is a heading, no task of its own (it was a task with no roles)."""
    vocab = roles.load_vocabulary()
    runs = _unit_line_runs(state, vocab)
    if not runs:
        return
    for line, units, items in runs:
        tag = roles.parse_tag_content(f"{units}负责", state.registry, vocab, state.rules)
        if not any(tag.roles[role] for role in ROLES):
            continue
        for i in items:
            task = state.tasks[i]
            if task.tag or task.role_source or task.departments("any"):
                continue  # (an item's own tag decides)
            _give_head_duty(task, tag, state.tasks[line].text.strip(), state)
    drop = {line for line, _, _ in runs}
    state.tasks = [t for k, t in enumerate(state.tasks) if k not in drop]
    state.pieces = [p for k, p in enumerate(state.pieces) if k not in drop]


def rule_unit_heads(state: ParseState) -> None:
    """A unit as the item's heading (dialects.md E "unit-as-heading", G outside a duty part): ``（二十一）市公安局。负责对…``,
    ``3.市财政局：负责…``, a paragraph ``县教育局：负责…`` — the units heading an item without roles of its own are the doers
    of its duties, read as G's duty sections read theirs (``X负责``: one unit sole, several shared; a 配合/会同 inside the
    duties names whom the unit works with and gives no role; ``role_source="duty"``).  Only in a plan written this way:
    two or more items so headed (G's duty heads counted), so a lone ``区财政局：落实资金保障`` stays a paragraph; a plan
    read so is tagged (``rule_prose``)."""
    vocab = roles.load_vocabulary()
    found = []
    heads: set[str] = set()  # the items and sections so headed
    lines: dict[str, str | None] = {}
    part_heads: dict[str, str | None] = {}
    for task, piece in zip(state.tasks, state.pieces):
        section = task.section if task.kind != "measure" else None
        if section and section not in lines:
            lines[section] = _section_unit_line(state, section, vocab)
            if lines[section]:
                heads.add(section)
        if task.part and task.part_title and task.part not in part_heads:
            part_heads[task.part] = _units_alone(task.part_title, vocab)
            if part_heads[task.part]:
                heads.add(f"part {task.part}")
        if task.tag or task.role_source or task.departments("any") or task.kind not in ("paragraph", "measure"):
            continue
        head, line = _unit_head(task, piece, vocab), None
        if head and _reads_as_duties(task, head, vocab):
            heads.add(f"{task.part}{task.section}{task.text[:20]}")
        elif section and lines[section]:
            # （一）县发改局 alone on its line over the section's items: the line is the task's heading_tag, as G's
            head, line = lines[section], state.outline.section_lines[section]
        elif part_heads.get(task.part) and not (section and section in state.outline.section_lines):
            # 一、市发改委：负责… / 一、县财政局 over 1.… 2.…: the part's title names its doer (a section of its own
            # under it, a topic's, decides for its items)
            head = part_heads[task.part]
        if head:
            found.append((task, head, line))
    if len(heads) + len(state.outline.duty_heads) < 2:
        return
    for task, head, line in found:
        tag = roles.parse_tag_content(f"{head}负责", state.registry, vocab, state.rules)
        if not any(tag.roles[role] for role in ROLES):
            continue
        _give_head_duty(task, tag, line, state, warnings=True)
        if line is None:
            _head_as_subject(task, head, state, vocab)


def rule_implied(state: ParseState) -> None:
    """A5: a note naming implementers of every task applies to its task and every later task — and to every later
    ITEM of the plan's work, tagged or not: an untagged numbered item (``2.推进燃煤治理。…``) or inline-heading item
    (``（二）保护饮用水源。…``) between tagged ones is in the range the note covers (``以下各项工作均需各区县政府落实``), and
    given its implementers it is a task.  The plan's work is the parts holding a task with roles of its own: the items of
    a part where nothing is assigned (四、保障措施 1.加强组织领导。…) are not reached."""
    worked = {t.part for t in state.tasks if t.kind == "task" and t.departments("any")}
    _earlier_items_notes(state, worked)
    implied: list[str] = []
    vocab = None
    for task, piece in zip(state.tasks, state.pieces):
        tag = state.task_tags.get(id(task))
        if (tag is None and task.kind == "paragraph" and not task.role_source and not task.departments("any")
                and len(task.text) <= 100 and not _marked(piece.block)):
            # the note in a paragraph of its own before the items (以下各项工作均需各区县政府落实，不再列出。)
            vocab = vocab or roles.load_vocabulary()
            if any(p.search(task.text) for p in vocab.implied_notes):
                note = roles.parse_tag_content(task.text.strip().rstrip("。；;"), state.registry, vocab, state.rules)
                from kb.registry import EMPTY

                note.implied = [n for n in note.implied if roles.looks_like_unit(n, vocab, state.registry or EMPTY)]
                if note.implied and not any(note.roles[role] for role in ROLES):  # (各项工作均要认真落实: no units)
                    tag = note
                    task.role_source = "note"
        if tag and tag.implied:
            implied = list(dict.fromkeys(implied + tag.implied))
        if not implied or task.role_source == "note":
            continue
        if task.kind == "task":
            task.implied = list(implied)
        elif task.part in worked and (task.kind == "measure" or task.kind == "paragraph" and _marked(piece.block)):
            task.implied = list(implied)
            task.kind = "task" if task.kind == "paragraph" else task.kind


def _covered_item(task: Task, piece: Piece) -> bool:
    """An item of the plan's work a carry-forward note reaches: a task, an inline-heading item, a numbered paragraph."""
    return task.kind in ("task", "measure") or task.kind == "paragraph" and _marked(piece.block)


def _earlier_items_notes(state: ParseState, worked: set[str]) -> None:
    """A5 backwards: a paragraph of its own after the items it covers (``上述任务由各区县政府负责落实``, heads.yaml
    ``earlier_items_notes``) makes its units implied for the items above it in the section it closes, else in its part,
    else in the whole body (a note standing alone after the last part's items); a numbered paragraph so reached is a
    task.  The note itself is no task: ``role_source="note"``, its units in no role of its own (the prose reader took
    it for a task whose sole doer the units were)."""
    patterns = load_head_words().earlier_items_notes
    vocab = None
    for i, (task, piece) in enumerate(zip(state.tasks, state.pieces)):
        opens = piece.block.text.startswith(task.text[:10])  # (else the words after a tag inside the item's paragraph)
        if task.kind != "paragraph" or task.tag or task.role_source or task.departments("any") or opens and _marked(piece.block):
            continue
        m = next((m for p in patterns if (m := p.match(task.text.strip()))), None)
        if m is None:
            continue
        vocab = vocab or roles.load_vocabulary()
        tag = roles.parse_tag_content(f"{m.group('units')}负责", state.registry, vocab, state.rules)
        units = [n for role in ROLES for n in tag.roles[role]]
        if not units:
            continue
        above = [(t, p) for t, p in zip(state.tasks[:i], state.pieces[:i]) if _covered_item(t, p)]
        for scope in ("section", "part", None):
            key = getattr(task, scope) if scope else None
            if scope and not key:
                continue
            covered = [(t, p) for t, p in above if scope is None or getattr(t, scope) == key]
            if covered:
                break
        for t, p in covered:
            if t.part not in worked and t.kind != "task":
                continue
            t.implied = list(dict.fromkeys(t.implied + units))
            if t.kind == "paragraph":
                t.kind = "task"
        task.role_source = "note"


def rule_plan_wide_support(state: ParseState) -> None:
    """A5: a note naming the supporting units of every task (方案中各项任务的配合单位为X) gives them ``support`` on every
    task — stated in the cover notice, the preface, a paragraph without roles (以上各项任务的配合单位均为…) or the closing
    words; in a tag, on its task and every later one.  A unit the task names already keeps its own role, and so do the
    task's own units: run after ``rule_prose_orders_tag``, whose rule (the unit the others support leads) reads ONE
    statement — a plan-wide note is another, so ``（市园林局负责）`` stays sole."""
    # (text, where it stands): the cover notice, preface and closing words cover every task; a paragraph's `以上任务…`
    # only the tasks before it (scope ``above``)
    # (a `以下均需X配合` note, scope ``below``: the tasks after the paragraph; after a cover notice or a preface every task,
    # after the closing words none)
    places = [(text, len(state.tasks), after) for text, after in
              ((state.doc.cover, -1), (state.doc.preface, -1), (state.doc.closing, len(state.tasks))) if text]
    places += [(t.text, i, i) for i, t in enumerate(state.tasks) if t.kind == "paragraph" and not state.task_tags.get(id(t))]
    support: list[str] = []
    above: list[tuple[int, list[str]]] = []
    below: list[tuple[int, list[str]]] = []
    unmarked: list[str] = []
    for text, at, after in places:
        for role, scope, names in roles.plan_wide_notes(text, state.registry):
            if role == "responsible":
                unmarked.extend(n for n in names if n not in unmarked)
            elif scope == "above":
                above.append((at, names))
            elif scope == "below":
                below.append((after, names))
                if after >= 0 and after < len(state.tasks):
                    state.tasks[after].role_source = state.tasks[after].role_source or "note"
            else:
                support.extend(n for n in names if n not in support)
    for i, task in enumerate(state.tasks):
        tag = state.task_tags.get(id(task))
        if tag and tag.implied_support:
            support = list(dict.fromkeys(support + tag.implied_support))
        if task.kind != "task":
            continue
        given = list(dict.fromkeys(support + [n for at, names in above if i < at for n in names]
                                   + [n for after, names in below if i > after for n in names]))
        if given:
            named = set(task.departments("any"))
            task.support.extend(n for n in given if n not in named)
        _unmarked(task, unmarked)
    state.plan_wide = (support, unmarked, frozenset(id(t) for t in state.tasks))


def _unmarked(task: Task, unmarked: list[str]) -> None:
    """未注明的，由X负责落实: a task naming no unit responsible is X's (shared when several: rule_one_unit_sole)."""
    if unmarked and not (task.lead or task.sole or task.shared or task.guide):
        named = set(task.departments("any"))
        task.sole.extend(n for n in unmarked if n not in named)


def rule_plan_wide_table_rows(state: ParseState) -> None:
    """The task table's rows (``tables.rule_table_tasks``, built after ``rule_plan_wide_support``) are tasks of the plan too:
    the plan-wide notes of every task (除特别注明的外，X都是配合单位; 未注明的，由X负责落实) reach them as they reach the text's
    tasks — never a note of the tasks above a paragraph (以上任务…: which rows it covers is not said)."""
    if state.plan_wide is None:
        return
    support, unmarked, seen = state.plan_wide
    for task in state.tasks:
        if id(task) in seen or task.kind != "task":
            continue
        if support:
            named = set(task.departments("any"))
            task.support.extend(n for n in support if n not in named)
        _unmarked(task, unmarked)


def _give_prose_roles(task: Task, tag) -> None:
    """The roles a prose reading found become the task's (``role_source="prose"``)."""
    for role in ROLES:
        setattr(task, role, list(tag.roles[role]))
    task.subunits = {k: list(v) for k, v in tag.subunits.items()}
    task.notes = list(tag.notes)
    task.role_source = "prose"


def _role_tables(state: ParseState) -> list:
    """The task tables with a column of units (牵头/配合/责任单位): a table of items naming no unit (an indicator system:
    一级指标 | … | 指标说明) assigns no task, so the plan's prose is read as in a plan without tags."""
    return [t for t in state.tables if any(c in t.columns for c in tables._UNIT_COLUMNS)]


def _opening_sentence(task: Task) -> list[str]:
    """The sentence that states an item's work: its first clause, or the second when the first is the item's title
    (``（一）部署实施。``)."""
    if not task.clauses:
        return []
    titled = task.title and task.clauses[0].rstrip("。；; ").endswith(task.title.rstrip("。；; "))
    return task.clauses[1:2] if titled else task.clauses[:1]


def _prose_in_tagged_plan(state: ParseState) -> None:
    """E in a tagged plan: a paragraph with no roles of its own (no tag, label line, heading's or duty section's
    roles, table row) whose own sentence says ``由X牵头`` / ``X牵头…`` / ``由X负责`` / ``由X制定…``
    (``roles.TAGGED_PLAN_FORMS``) gives X that role — the plan's closing ``由A、B、C牵头，会同相关部门和各区政府…``,
    ``由街镇牵头协调…`` inside an untagged numbered item.  A paragraph carrying a tag is read by its tag only, and a
    body being set up (``成立由X牵头…的推进机制``) gives no role here."""
    if _role_tables(state):
        # A plan that assigns its tasks in a task table: the body's paragraphs restate the table's rows, so their
        # prose would count a task twice (宝山 2019: 三（一）1's 由街镇（园区）牵头 is the table's row too).
        return
    vocab = roles.load_vocabulary()
    for task in state.tasks:
        if task.tag or task.role_source or task.departments("any") or task.kind == "measure" and not task.clauses:
            continue
        tag = roles.read_prose(task.clauses, state.registry, vocab, forms=roles.TAGGED_PLAN_FORMS,
                               tasks_only=True)
        if tag is None:
            continue
        _give_prose_roles(task, tag)
        if task.kind == "paragraph":
            task.kind = "task"


#: How many letters a table row and a paragraph must share in a row to count as the row restating the paragraph.
_RESTATED_WINDOW = 8


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _table_restated(state: ParseState) -> set[int]:
    """ids of the text's paragraphs a row of a role table restates, loosely: the row's task or name cell shares
    ``_RESTATED_WINDOW`` letters in a row with the paragraph (a cell shorter than that, 4 letters or more: the whole cell
    stands in it) — looser than ``tables._matching_task`` on purpose (宝山 2019's rows restate its body in other words),
    since a paragraph so named is left unread (the honest side)."""
    tables_ = _role_tables(state)
    if not tables_:
        return set()
    texts = [(id(t), _letters(t.text)) for t in state.tasks]
    windows: dict[str, set[int]] = {}
    for key, text in texts:
        for i in range(len(text) - _RESTATED_WINDOW + 1):
            windows.setdefault(text[i:i + _RESTATED_WINDOW], set()).add(key)
    named: set[int] = set()
    for table in tables_:
        for _, cells, _ in table.rows:
            for col in ("task", "name"):
                at = table.columns.get(col)
                cell = _letters(cells[at]) if at is not None and at < len(cells) else ""
                if len(cell) >= _RESTATED_WINDOW:
                    for i in range(len(cell) - _RESTATED_WINDOW + 1):
                        named |= windows.get(cell[i:i + _RESTATED_WINDOW], set())
                elif len(cell) >= 4:
                    named |= {key for key, text in texts if cell in text}
    return named


def _sentences_in_tagged_plan(state: ParseState) -> None:
    """E in a tagged plan, after its tagged forms: a paragraph that no tag, label line, heading, duty section, table row or
    carry-forward note covers, and that the tagged forms left unread, is read sentence by sentence
    (``roles.read_sentences``: each sentence its doer, the roles their union, given only when every duty sentence's doer
    is proved a unit — else the paragraph stays unread, honest).  Where: a part none of the plan's tagged work stands in
    (四、保障措施, 组织实施, a paragraph of no part); in a part of the tagged work an ITEM of its own (numbered, or opened by
    an inline heading) — an unmarked paragraph there may be a tagged item's other paragraph or an aside — and nothing in
    a part a task table's rows restate (宝山 2019).  Its kind is kept (a measure stays a measure: the plan's tasks proper
    are counted as before).  Session 15's per-part gate, reverted, read such paragraphs as ONE duty (review-diff s15
    R1–R8: receivers and checkers made sole, the mechanism's 牵头 given to the subject)."""
    vocab = roles.load_vocabulary()
    restated = _table_restated(state)
    covered = {t.part for t in state.tasks
               if id(t) in restated or t.implied or t.tag
               or t.role_source in ("tag", "label line", "heading", "note")
               or t.role_source == "duty" and id(t) not in state.unit_headed}
    restating = {t.part for t in state.tasks if id(t) in restated}
    for task, piece in zip(state.tasks, state.pieces):
        if (task.tag or task.role_source or task.departments("any") or not task.clauses or id(task) in restated
                or task.part in restating or _in_duty_part(task, vocab)):
            continue
        if task.part in covered and not (task.kind == "measure" or _marked(piece.block)):
            continue
        sentences = task.clauses
        if task.title and sentences[0].rstrip("。；; ").endswith(task.title.rstrip("。；; ")):
            sentences = sentences[1:]  # （一）抓好落实。…: the item's title states no duty
        tag = roles.read_sentences(sentences, state.registry, vocab)
        if tag is not None:
            _give_prose_roles(task, tag)


def rule_prose(state: ParseState) -> None:
    """E: a plan with no tag at all still has its paragraphs as tasks; roles stated in prose
    (X会同Y…, 由X牵头) are read where unambiguous and marked ``role_source="prose"``."""
    if (state.task_tags or state.outline.heading_tags or _role_tables(state) or state.outline.duty_heads
            or any(t.role_source == "heading" or t.role_source == "duty" and id(t) not in state.unit_headed
                   for t in state.tasks)):
        _prose_in_tagged_plan(state)
        _sentences_in_tagged_plan(state)
        return
    # (items a unit heads — （一）市公安局。负责… — do not make the plan tagged here: its other paragraphs keep their prose
    # reading, 市财政局要将创建经费纳入年度预算 sole as in a plan without heads; rule_unit_heads_tag_the_plan tags it after)
    state.doc.tagged = False
    if state.tasks and not state.unit_headed:
        state.doc.warnings.append(warning("no_tags"))
    vocab = roles.load_vocabulary()
    for task in state.tasks:
        if id(task) in state.unit_headed or task.tag:  # (an item a duty line closed: its roles are the line's)
            continue
        tag = roles.read_prose(task.clauses, state.registry, vocab)
        if tag is None:
            continue
        _give_prose_roles(task, tag)


def rule_prose_orders_tag(state: ParseState) -> None:
    """Who leads an item whose tag (or label line) names no lead.  The unit the tag's other units support leads
    (``roles.supported_lead``: ``（X负责，Y配合）``, ``责任单位：X；配合单位：Y`` → X lead; tagsblind8 cause 4, the shared
    gold's convention — a task table's 责任单位/配合单位 columns are tables.py's and not read so here).  Then prose inside
    the item (holdout13 cause 5): when the tag still names no lead, the item's own words that order units (``roles.ORDERING_FORMS``: ``由市交通委会同市公安局等部门落实工作专班``, ``由X牵头，Y配合``,
    ``由X负责，Y配合``) make their lead lead and their supporters support, provided the lead is a responsible unit of the tag
    (``roles.order_by_prose``, the one rule of how the two combine) — read in the item's opening sentence after its title
    (the sentence that states the item's work; a later 会同 orders one step of it); a body being set up (``成立由X牵头…的专班``) orders
    nothing; a tag that names the prose's lead gains the partners the prose names beyond it (tagsblind9: 会同 partners were
    dropped).  The task keeps its tag as the source of its roles; the prose read is added to its notes."""
    vocab = roles.load_vocabulary()
    for task in state.tasks:
        if not task.tag or task.role_source not in ("tag", "label line"):
            continue
        holders = {role: list(getattr(task, role)) for role in ROLES}
        if roles.supported_lead(holders):
            task.lead, task.sole, task.shared = holders["lead"], holders["sole"], holders["shared"]
            continue
        if not (task.lead or task.sole or task.shared) or not task.clauses:
            continue
        # only the item's opening sentence (after its title) states how its work is divided: a 会同 in a later sentence
        # orders one step of it (黄浦 2025 二: …。…，区发展改革委会同有关单位督促推进…, under 责任单位：区发展改革委、各相关部门…)
        found = roles.read_prose(_opening_sentence(task), state.registry, vocab, forms=roles.ORDERING_FORMS, tasks_only=True)
        if found is None:
            found = _dividing_sentence(task, holders, state, vocab)
        if found is None:
            continue
        if roles.order_by_prose(holders, found.roles):  # (holders as read: supported_lead moved none)
            for role in ROLES:
                setattr(task, role, holders[role])
            task.notes = list(dict.fromkeys(task.notes + found.notes))


def _dividing_sentence(task: Task, holders: dict[str, list[str]], state: ParseState, vocab: roles.RoleVocabulary):
    """A LATER sentence of the item that divides exactly the units its tag lists (ROUTED s17 (3): ``…。由X牵头，Y、Z等部门配合，
    2024年底前完成。`` under ``责任单位：X、Y、Z``): its ordering reading, else None.  Exactly: the sentence's lead and named
    partners are the tag's responsible units, all of them — a later 会同 of a vague group or of some of the units orders one
    step of the work (黄浦 2025 …，区发展改革委会同有关单位督促推进…), not the item."""
    responsible = set(holders.get("sole") or []) | set(holders.get("shared") or [])
    if len(responsible) < 2 or holders.get("lead"):
        return None
    opening = _opening_sentence(task)
    for sentence in task.clauses:
        if sentence in opening:
            continue
        found = roles.read_prose([sentence], state.registry, vocab, forms=roles.ORDERING_FORMS, tasks_only=True)
        if found is None or not found.roles["lead"]:
            continue
        named = set(found.roles["lead"]) | {n for n in found.roles["support"] if not roles.is_generic(n)}
        if named == responsible:
            return found
    return None


def rule_one_unit_sole(state: ParseState) -> None:
    """``sole`` is ONE unit alone: a task whose responsible units are several, with no lead among them or under a
    lead (``（A、B负责）``, ``责任单位：A、B``, a table cell ``A、B``, ``X牵头，A、B负责落实``), or one under a lead
    (``X牵头，Y负责落实``), has them ``shared`` each
    (``roles.settle_responsible``, the one place of the rule, run after every form has given its roles)."""
    for task in state.tasks:
        if len(task.sole) < 2 and not (task.sole and (task.shared or task.lead)):
            continue
        holders = {"lead": task.lead, "sole": task.sole, "shared": task.shared}
        if roles.settle_responsible(holders):
            task.sole, task.shared = holders["sole"], holders["shared"]


def _in_duty_part(task: Task, vocab: roles.RoleVocabulary) -> bool:
    """The task stands in a part or section whose title names duties (三、职责分工, （四）工作职责) — not an item whose
    OWN heading says so (``（二）加强组织协调，明确职责分工。各市政府是…责任主体，要…。省生态环境厅要…；省有关部门要…``: an
    item of 保障措施 about dividing the work, read as any other paragraph — sentence by sentence, gated, in a tagged plan:
    ROUTED s17 (7); a duty part's looser reading made 省生态环境厅 share it, 山东 2019 fixture 85)."""
    section = task.section_title if task.kind != "measure" else None
    return any(t and vocab.duty_part_re.search(t) for t in (task.part_title, section))


def rule_subject_roles(state: ParseState) -> None:
    """E/G: a paragraph opened by a unit as its subject (``opening_subject``) gives that unit its role.

    In a duty part (职责分工, 工作职责 …) whatever the verb (``区X局依法对…实施行政处罚`` sole, ``区Y局指导、协调各街道…``
    guide, ``区Z局承担…`` sole), in tagged plans too (a duty part states duties; a paragraph's own tag, a heading's or
    a duty section's roles win); a ``由X负责`` clause INSIDE such a paragraph never replaces its subject (``各街道、镇
    作为…责任主体，负责…。…由本区环卫企业负责清运`` → 各街道、镇: the prose reading is dropped when it names no unit of
    the subject).  Elsewhere, in plans without tags, where the sentence says so: ``X建立…，负责…`` / ``X是…主体，负责…``
    (X responsible), ``X…负责牵头组织开展…`` (X lead), a modal ``X应…``, a named unit's plain action verb (``市交通委加快
    布局…``: roles.yaml ``action_verbs``), each sentence of the paragraph read (``roles.read_subjects``); a paragraph the
    prose forms read keeps their reading and gains the units its other sentences name (``_more_subjects``); in a
    document of duties (``duty_documents``: a 预案) a named unit's paragraph whatever the verb."""
    vocab = roles.load_vocabulary()
    duties = not state.doc.tagged and bool(vocab.duty_documents.search(state.doc.plan_title or state.doc.title or ""))
    for task in state.tasks:
        if task.role_source not in (None, "prose") or task.tag or not task.clauses:
            continue
        duty = _in_duty_part(task, vocab)
        if not duty and not state.doc.tagged and task.role_source == "prose":
            _more_subjects(task, roles.read_subjects(task.clauses, state.registry, vocab, clauses=False, plain=True))
            _clauses_beside_prose(task, state, vocab)
            continue
        if not duty and state.doc.tagged:
            continue
        if duty:  # (a paragraph prose read outside a duty part was read above)
            tag = roles.read_subject(task.clauses[0], state.registry, vocab, duty=duty,
                                     plain=not state.doc.tagged and task.clauses[0].rstrip().endswith(roles._SENTENCE_ENDS))
            if tag is not None and duty and tag.roles["sole"]:
                # X要加强抽检，Y要配合做好…: Y supports the sentence's one doer, which leads (one statement)
                helpers = roles.said_supporters(task.clauses[0], tag.roles["sole"], state.registry, vocab)
                if helpers:
                    tag.roles["lead"], tag.roles["sole"] = tag.roles["sole"], []
                    tag.roles["support"].extend(helpers)
            if tag is not None and duty:
                _later_sentences(task, tag, state, vocab)
        else:  # a paragraph may place several bodies in a row, one a sentence; its first may be the item's title
            tag = roles.read_subjects(task.clauses, state.registry, vocab, plain=True)
        if tag is None and duties:
            # a 预案 states what each named unit does: its subject's role whatever the verb, as in a duty part
            tag = roles.read_subject(task.clauses[0], state.registry, vocab, duty=True)
            if tag is not None and any(vocab.modal_subject_not.search(n) for r in ROLES for n in tag.roles[r]):
                tag = None
        if tag is None:
            continue
        names = [n for role in ROLES for n in tag.roles[role]]
        if task.role_source == "prose" and any(n in task.departments("any") for n in names):
            # the prose forms already read the subject (X负责…, X牵头…，Y配合); a duty part's later sentences' own units
            # (X负责…。Y要…) are added, as in a plan with tags
            if duty:
                _more_subjects(task, tag)
            continue
        _give_prose_roles(task, tag)
        if state.doc.tagged and task.kind == "paragraph":
            task.kind = "task"
    _duty_lists(state, vocab)


def _head_as_subject(task: Task, head: str, state: ParseState, vocab: roles.RoleVocabulary) -> None:
    """An item its unit heads (``1.市委宣传部：负责…，会同市文明办制定…``) read by the prose reader as ``X负责…`` with X =
    the head: when the reading makes the head's units its leads and names supporters (会同Y: Y support), those are the
    item's roles; any other reading (配合Y做好…: the head alone, 会同有关部门: nobody named) leaves the head's duty reading."""
    at = task.text.find(head)
    rest = task.text[at + len(head):].lstrip("。：: ") if at >= 0 else ""
    if not rest.startswith("负责"):
        return
    found = roles.read_prose([head + rest], state.registry, vocab, tasks_only=True)
    if found is None or not found.roles["support"] or any(found.roles.get(r) for r in ("sole", "shared", "guide", "implied")):
        return
    heads = [n for role in ROLES for n in getattr(task, role)]
    if sorted(found.roles["lead"]) != sorted(heads) or set(found.roles["support"]) & set(heads):
        return
    task.sole, task.shared = [], []
    task.lead, task.support = list(found.roles["lead"]), list(found.roles["support"])
    task.notes = list(dict.fromkeys(task.notes + found.notes))


def rule_unit_heads_tag_the_plan(state: ParseState) -> None:
    """A plan whose items its units head (``rule_unit_heads``) is a tagged plan for its readers — once the prose and
    subject readings ran over its other paragraphs as over a plan without tags (those readings are gated on
    ``doc.tagged``; a head covers its own item only)."""
    if state.unit_headed:
        state.doc.tagged = True


def _later_sentences(task: Task, tag, state: ParseState, vocab) -> None:
    """A duty part's paragraph read for its first sentence's subject: a LATER sentence opened by a named unit whose role
    is said outright (``县财政局要保障…``, ``县民政局要配合…``: ``roles.read_subject(said=True)``) adds that unit with its role —
    each sentence its own (not across sentences: no lead is made); several responsible units share later
    (``rule_one_unit_sole``).  A kind of body or a vague group adds nobody."""
    named = {n for role in ROLES for n in tag.roles[role]}
    for sentence in task.clauses[1:]:
        later = roles.read_subject(sentence, state.registry, vocab, said=True)
        if later is None:
            continue
        for role in ROLES:
            fresh = [n for n in later.roles[role] if n not in named]
            tag.roles[role].extend(fresh)
            named.update(fresh)


def _more_subjects(task: Task, tag) -> None:
    """Units a paragraph read by a prose form places beside its own in other sentences or parts (``X负责…；Y负责…；Z配合…``):
    the ones it has not named yet keep the subject reader's role; a unit that a support names (``…，Y配合X``) leads."""
    if tag is None:
        return
    named = set(task.departments("any"))
    fresh = {role: [n for n in tag.roles[role] if n not in named] for role in ROLES}
    for role in ROLES:
        getattr(task, role).extend(fresh[role])
    # (the note of the unit's own sentence names it too: only a supporting sentence naming it makes it lead — not across
    # sentences otherwise: `X负责…。Y要配合做好…` keeps X sole)
    if fresh["support"] and len(task.sole) == 1 and any(task.sole[0] in n and not n.startswith(task.sole[0])
                                                         for n in tag.notes):
        task.lead.append(task.sole.pop())


def _clauses_beside_prose(task: Task, state: ParseState, vocab) -> None:
    """A paragraph a prose form read (``X负责A，…``): a clause after a comma of the SAME sentence part, opened by a named
    unit with its role said outright (``，Y要B`` / ``，Y要配合B``: ``roles.read_subject(said=True)``), is the same statement —
    Y is added (several responsible units share later, ``rule_one_unit_sole``), and a Y supporting no one else named makes
    the part's one responsible unit lead.  Only in a part opened by a unit the prose form read (a part opened by a time
    clause — ``…启动后，X要…`` — is left as the form read it: 国办函〔2005〕57号 4.3.2)."""
    named = set(task.departments("any"))
    for sentence in task.clauses:
        opener: list[str] = []
        for clause, said, topic in roles._sentence_clauses(sentence):
            if not said:
                found = roles.opening_subject(clause, vocab)
                opener = list(found[0]) if found and set(found[0]) <= named else []
                continue
            if not opener:
                continue
            tag = roles.read_subject(clause, state.registry, vocab, said=True, plain=True, topic=topic)
            if tag is None:
                continue
            fresh = {role: [n for n in tag.roles[role] if n not in named] for role in ROLES}
            if fresh["support"] and task.sole == opener and len(opener) == 1 and not any(
                    fresh[r] for r in ROLES if r != "support") and roles._supports_no_other(clause, opener[0], vocab):
                task.lead.append(task.sole.pop())
            for role in ROLES:
                getattr(task, role).extend(fresh[role])
                named.update(fresh[role])


_SUB_ITEM_RE = re.compile(r"^\s*[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]")  # （1） / an article's （一）


def _duty_lists(state: ParseState, vocab) -> None:
    """A paragraph whose subject was read and which closes opening a list of its duties (``区建设管理委是…主管单位，
    负责…。主要履行以下职责：``, ``duty_list_opener``) gives its responsible units to the sub-items （1）…（n） right after
    it that have no role of their own: each is that unit's work (崇明 燃气事故应急预案 2023, 2.5.1).  The list ends at the
    first paragraph that is no sub-item."""
    owner = None
    for task in state.tasks:
        if owner is not None and _SUB_ITEM_RE.match(task.text) and task.part == owner.part:
            if not task.tag and not any(getattr(task, k) for k in ROLES):
                for k in ("sole", "shared"):
                    setattr(task, k, list(getattr(owner, k)))
                task.subunits = {k: list(v) for k, v in owner.subunits.items()}
                task.role_source = owner.role_source
                continue
        owner = None
        if task.role_source == "prose" and (task.sole or task.shared) and vocab.duty_list_opener.search(task.text.rstrip()):
            owner = task


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
    """Deadlines of every clause, rolled up to the task; then the time words of its tag (A7, 完成时限).

    Relative limits (5年内) are resolved only where the plan states their start (2012年起5年内).  A clause's date past on
    the day the document is signed (``_issue_date``; an earlier year, or an earlier single day) is narrative, no limit:
    其中2003年安排了…, 从2002年开始, 2004年8月5日 in a reply letter's account (``deadlines.before_issue``)."""
    start = deadlines.stated_start(state.paragraphs)
    issued = _issue_date(state.doc) or _signed_last(state.tasks)
    for task in state.tasks:
        deadlines.apply_deadlines(task, start)
        for tag in (state.task_tags.get(id(task)), state.time_lines.get(id(task))):
            if tag is None:
                continue
            # time labels' words and fields stating a limit (目标任务：年底完成…), in the tag's order
            said = [(w, False) for w in tag.time_words] + [(w, True) for w in tag.limit_fields]
            if tag.limit_fields:
                said.sort(key=lambda x: tag.text.find(x[0]))
            batched = [(words, batch, units) for batch, units, times in tag.batches for words in times]
            for words, in_field in said:
                read = deadlines.field_limits if in_field else deadlines.tag_deadlines
                found = read(words, len(task.clauses), start)
                whose = next((b for b in batched if b[0] == words), None) if not in_field else None
                if whose:  # (a batch's own limit: 第三批：其他区直部门，2018年12月底前完成 — the batch's, with its units)
                    batched.remove(whose)
                    for d in found:
                        d.batch, d.units = whose[1], list(whose[2])
                task.deadlines.extend(found)
        if task.deadlines and not task.tag and cleanup.is_signing_line(task.text or ""):
            # 平潭综合实验区管委会2017年9月1日 standing as a paragraph: the date signs the document — never a limit
            # (有没有规定完成时限 on a plan with none answered "1 项", this line; holdout17 d09, session 17)
            task.deadlines = []
        if issued:  # (a clause's dates only: a tag's or a 完成时限 line's limit is stated as one)
            task.deadlines = [d for d in task.deadlines
                              if d.clause >= len(task.clauses) or not deadlines.before_issue(d, issued)]


def _year_in_item(before: list) -> int | None | bool:
    """The year the item's dated limits before a yearless one prove (a year of work — 2024年，… / 2024年内 — or a month or
    day of one year: 2024年6月底前…，9月底前…), None when they prove none, False when they name different years (two years
    stated before it: not proved, whatever the heading or title says).  A whole-year target (到2025年, 2025年底前) proves
    no year of a month (a multi-year plan's goal; its 6月底前 is this year's)."""
    years = set()
    for d in before:
        if d.kind == "recurring":
            return False  # (2020年起，每年2月底前…，3月底前…: the later month may recur with it)
        if not d.end or d.kind not in ("by", "during", "range"):
            continue
        first = (d.start or d.end)[:4]
        if first != d.end[:4]:
            return False  # (a span over two years)
        if d.kind == "by" and d.end[5:] == "12-31" and "月" not in d.text:
            years.add(("target", d.end[:4]))
            continue
        years.add(("work", d.end[:4]))
    work = {y for kind, y in years if kind == "work"}
    if len({y for _, y in years}) > 1:
        return False
    return int(work.pop()) if work else None


def _stated_year(task: Task, plan_year: int | None) -> int | None:
    """The year a heading over the task (its section's title, then its part's: the nearest naming a year decides) or, when
    none names one, the plan's title proves (``deadlines.year_of_work``)."""
    for heading in (task.section_title, task.part_title):
        if heading and deadlines.year_of_work(heading) is not None:
            return deadlines.year_of_work(heading)
        if heading and re.search(r"(?:19|20)\d{2}年", deadlines.fold(heading)):
            return None  # (a heading naming a target or a span: the year of its items is not proved)
    return plan_year


def rule_yearless_limits(state: ParseState) -> None:
    """A limit written without a year (3月底前, 三月底前, 6月30日前, 年底前) takes the year the plan PROVES — the item's own
    dated limits before it (``_year_in_item``), else the nearest heading naming one year of work, else the title of a
    one-year plan (``deadlines.year_of_work``: 2024年…工作要点; not 2024—2026年, 到2025年, 三年行动) — as its ``end``; else
    it stays the words with no date (the plan's year is never guessed).  A sentence's ``年底完成`` (the year's end before a
    verb of completion, ``deadlines.year_end_limits``) is a limit only where its year is so proved."""
    plan_year = deadlines.year_of_work(state.doc.plan_title or state.doc.title or "")
    for task in state.tasks:
        stated = _stated_year(task, plan_year)
        for i, clause in enumerate(task.clauses):
            if any(d.clause == i and ("年底" in d.text or "年末" in d.text) for d in task.deadlines):
                continue
            for _, _, found in deadlines.year_end_limits(clause, i):
                at = sum(1 for d in task.deadlines if d.clause <= i)
                found.end = _proved_end(found, task.deadlines[:at], stated)
                if found.end:
                    task.deadlines.insert(at, found)
        for k, d in enumerate(task.deadlines):
            if d.kind == "by" and d.end is None:
                d.end = _proved_end(d, task.deadlines[:k], stated)


def _proved_end(d, before: list, stated: int | None) -> str | None:
    """The end of the yearless limit ``d`` in the year proved for it (``rule_yearless_limits``), or None.  A day the item's
    own year gives is never before a limit stated before it (2019年12月底前完成…。…3月底前… is no March of 2019)."""
    year = _year_in_item(before)
    if year is False:
        return None
    end = deadlines.yearless_end(d.text, year or stated) if (year or stated) else None
    if end and year and any(x.end and x.end > end for x in before):
        return None
    return end


#: Marks ending a sentence: a paragraph holding one is an item, never a heading line.
_SENTENCE_MARKS = frozenset("。！？；;!?")
#: A heading line is this short at most (``第一阶段：2024年底前``, ``二、第二阶段（2025年1月—2026年6月）``).
_HEADING_LINE_MAX = 40
#: The numbering that opens a paragraph (1. / （1） / ①): a line numbered as the paragraph after it is its sibling item.
_ITEM_MARK_RES = (structure.ITEM_RE, _SUB_ITEM_RE, re.compile(r"^\s*[①-⑳]"))


def _item_mark(text: str) -> int | None:
    """Which numbering opens ``text`` (an index of ``_ITEM_MARK_RES``), None for none."""
    return next((k for k, r in enumerate(_ITEM_MARK_RES) if r.match(text)), None)


def _heading_line(task: Task, after: Task | None) -> bool:
    """A paragraph that is a heading inside its section or part (``第一阶段：2024年底前`` alone over numbered items): short,
    no sentence mark, no tag, no document title, and not numbered as the paragraph after it (``1.完成摸底排查（2024年底前）`` over
    ``2.制定方案`` is an item without its full stop, not a heading over item 2)."""
    text = task.text.strip()
    if task.kind == "measure" or task.tag or not text or len(text) > _HEADING_LINE_MAX or _SENTENCE_MARKS & set(text):
        return False
    if not task.part or cleanup.is_title(text):
        return False  # (the opening is under no heading; a plan's title left in it, 2026年…实施方案, names the plan)
    mark = _item_mark(text)
    return mark is None or after is None or _item_mark(after.text.strip()) != mark


def rule_heading_deadlines(state: ParseState) -> None:
    """A time limit in a heading is the deadline of the items under it that state none of their own (holdout13 dk:
    ``（二）建设及试运行阶段（2025年年底前）`` over its paragraph; ``二、近期任务（2024—2025年）``; ``第一阶段：2024年底前`` alone over
    numbered items, up to the next heading line of its section or part).  The nearest heading wins (a heading line,
    then the section's title, then the part's); an item's own limit wins over all (``deadlines.heading_limits`` says
    which dates of a heading are its limits).  The deadline keeps the heading as written (``Deadline.heading``) and
    stands for the whole item (``clause`` = the number of its clauses, as a tag's); a date past on the day the
    document is signed (2022年工作回顾) is none, as in a clause."""
    start = deadlines.stated_start(state.paragraphs)
    issued = _issue_date(state.doc)
    read: dict[str, list] = {}

    def limits(heading: str) -> list:
        if heading not in read:
            found = deadlines.heading_limits(heading, start)
            read[heading] = [d for d in found if not (issued and deadlines.before_issue(d, issued))]
        return read[heading]

    line: tuple[tuple, str, list] | None = None  # (the container, the heading line, its limits) in force
    tasks = state.tasks
    for k, task in enumerate(tasks):
        where = (task.part, task.section)
        if line is not None and line[0] != where:
            line = None
        if _heading_line(task, tasks[k + 1] if k + 1 < len(tasks) else None):
            heading = task.text.strip()
            line = (where, heading, limits(heading)) if limits(heading) else None
            continue
        if task.deadlines:
            continue
        # (the heading as cited, its limits), nearest first
        headings = [line[1:]] if line is not None else []
        if task.section and task.section_title and task.kind != "measure":
            headings.append((f"{task.section}{task.section_title}", limits(task.section_title)))
        if task.part and task.part_title:
            headings.append((f"{task.part}、{task.part_title}", limits(task.part_title)))
        for heading, found in headings:
            if found:
                n = len(task.clauses)
                task.deadlines = [replace(d, clause=n, heading=heading) for d in found]
                break


def _issue_date(doc) -> str | None:
    """The ISO date the document is signed (its closing's date: 国务院办公厅 2018年12月6日; else the date closing its cover
    notice), None when the text states none — the day before which every date of the text is past."""
    for text in (doc.closing or "", (doc.cover or "").split("\n")[-1]):
        m = structure.WHOLE_DATE_RE.search(text)
        if m and (day := structure.iso_date(m.group(0))):
            return day
    return None


def _signed_last(tasks) -> str | None:
    """The ISO date of a signing line standing as the text's last paragraph (国务院办公厅二〇〇四年十月十五日（本文有删减）:
    a note after the date kept it out of the closing) — the day the document is signed, as a closing's date is."""
    last = tasks[-1] if tasks else None
    if last is None or last.tag or not cleanup.is_signing_line(last.text or ""):
        return None
    m = None
    for m in structure.WHOLE_DATE_RE.finditer(last.text):
        pass
    return structure.iso_date(m.group(0)) if m else None


def rule_targets(state: ParseState) -> None:
    """Numeric targets of every clause, rolled up to the task.  A target whose paragraph names no year takes the year of
    its heading's limit (``rule_heading_deadlines``: 累计划设航线不少于150条 under ``（二）…阶段（2025年年底前）`` is 2025's)."""
    for task in state.tasks:
        targets.apply_targets(task)
        heading = next((d for d in task.deadlines if d.heading and (d.end or d.start)), None)
        if heading is not None:
            when = targets.year_of(heading)  # (a heading's start: the target's from_year, as a clause's)
            for target in task.targets:
                if target.year is None and target.from_year is None:
                    targets.set_time(target, when)


from kb.model import OPENING_LABEL  # noqa: E402  (the label of a plan's opening paragraphs: one definition)


def _lead_in_count(numbers: list[int | None]) -> int:
    """How many unnumbered paragraphs open a section whose other paragraphs carry the plan's own numbers, rising —
    from 1 (具体如下： then 1.《…》 2.《…》) or straight through from the section before (（五） over a lead-in, 13., 14.,
    15.); 0 otherwise (then the numbers are used when all there and distinct, else positions).  The lead-in is the
    section's 引言, so 四（一）2 is the item the plan numbers 2.: labelled by position, the lead-in was 四（一）1 and every
    item one further — an official citing 四（一）3 meant another document (holdout12 cm01–03)."""
    k = 0
    while k < len(numbers) and numbers[k] is None:
        k += 1
    rest = numbers[k:]
    if not k or not rest or None in rest or any(b <= a for a, b in zip(rest, rest[1:])):
        return 0
    return k


#: The label of a carry-forward note standing between a container's numbered items (以下各项工作均需X配合，不再列出).
NOTE_LABEL = "说明"


def _label_notes(numbered: list[Task], given: dict[int, int | None], prefix: str) -> list[Task]:
    """A carry-forward note in a paragraph of its own (``role_source`` note: 以下各项均由X落实，不再一一列出) among a
    container's numbered items is no item: it is labelled apart — before the first item as the container's 引言, else
    ``说明`` — and the items keep their own numbers (it made them numbered by paragraph: 1. cited 一2).  Returns the
    paragraphs left to number."""
    notes = [t for t in numbered if t.role_source == "note" and t.kind == "paragraph" and given[id(t)] is None]
    rest = [t for t in numbered if t not in notes]
    if not notes or not rest or None in [given[id(t)] for t in rest]:
        return numbered
    first = numbered.index(rest[0])
    before = [t for t in notes if numbered.index(t) < first]
    after = [t for t in notes if numbered.index(t) > first]
    for group, word in ((before, OPENING_LABEL), (after, NOTE_LABEL)):
        for k, task in enumerate(group, 1):
            task.label = f"{prefix}{word}" + (str(k) if len(group) > 1 else "")
    return rest


def rule_labels(state: ParseState) -> None:
    """Number paragraphs within their section (or part) and give each its label and id."""
    containers: dict[tuple[str, str | None], list[Task]] = {}
    annexes = {cite for cite, _ in state.outline.annexes} if state.outline else set()
    cites = [c for c, _ in state.outline.divisions] if state.outline else []
    for task in state.tasks:
        if task.kind == "measure":
            task.label = task.section or task.part
            containers.setdefault((task.part, task.label), []).append(task)
            continue
        containers.setdefault((task.part, task.section), []).append(task)
    given = {id(t): p.block.number for t, p in zip(state.tasks, state.pieces)}
    given_block = {id(t): id(p.block) for t, p in zip(state.tasks, state.pieces)}
    for (part, section), tasks in containers.items():
        numbered = [t for t in tasks if t.kind != "measure"]
        numbered = _label_notes(numbered, given, section or part)
        # Numbers the text gives (1. 2. …) are used when they are all there and distinct.
        numbers = [given[id(t)] for t in numbered]
        prefix = section or part
        lead_in = _lead_in_count(numbers) if section else 0
        if lead_in:
            # Items numbered straight through several sections (13, 14, 15 under （五）) after a lead-in paragraph
            # keep the plan's numbers; the lead-in before them is the section's 引言 (as a plan's opening is).
            for k, task in enumerate(numbered[:lead_in], 1):
                task.label = f"{prefix}{OPENING_LABEL}" + (str(k) if lead_in > 1 else "")
            for task, n in zip(numbered[lead_in:], numbers[lead_in:]):
                task.label = f"{prefix}{n}"
            continue
        pieces = _pieces_of_items(numbers, [given_block[id(t)] for t in numbered])
        if pieces is not None:
            # an item the plan numbers (11、) cut at its tags into several tasks (湖北 2008: …(省发改委、…)。加快推进…(…)。):
            # the plan's number stays, the later pieces are 11-2, 11-3 … (not every item renumbered 1, 2 … from the top)
            for task, label in zip(numbered, pieces):
                task.label = f"{prefix}{label}"
            continue
        marks = [_sub_mark(t.text) for t in numbered]
        blocks_of = [given_block[id(t)] for t in numbered]
        run_on = None if part in annexes or part == structure.CLOSING_PART or not (
            section or _marked_sub_items_only(numbers, marks)) else _own_numbers_between(numbers, blocks_of, marks)
        if run_on is not None:
            # items the plan numbers (1. … 24. straight through its sections) with unnumbered paragraphs between them (a
            # 专栏 box, an item's further paragraphs): each item keeps its own number, a paragraph after item n is n-2 —
            # by position 15.加强大中小企业融通发展 was 二（六）1, and no official finds it so
            for task, label in zip(numbered, run_on):
                task.label = f"{prefix}{label}"
            continue
        piece = [1] * len(numbered)
        own = None not in numbers and len(set(numbers)) == len(numbers)  # the plan's own numbers, all there and distinct
        if not own:
            # Numbered by paragraph, not by task: the pieces one paragraph was cut into at its tags are one item
            # (_group_pieces) and share its number, the later ones -2, -3 … (1, 1-2, 2 — as numbered items 11, 11-2);
            # numbered straight through, the section's 2nd paragraph was cited 3.
            numbers, piece = _paragraph_numbers([given_block[id(t)] for t in numbered])
        single = len(set(numbers)) == 1  # one paragraph (or one item): cited by the container's own label
        if single and own and numbers[0] != 1 and section:
            single = False  # one item the plan numbers 10 (its numbering runs on across sections): 二（一）10, never 二（一）
        if part in annexes:
            # An annex's paragraphs are cited like an annex table's rows (附件1-3, 附件-2, 附件1（一）-3): never as
            # items of the body's last part.
            for task, n, k in zip(numbered, numbers, piece):
                task.label = f"{prefix}-{n}" + _piece_suffix(k)
            continue
        if part == structure.NOTICE_PART:
            # A cover notice's own requirements: 通知一, 通知二 … by the notice's numbers; a further paragraph of item 一
            # 通知一-2 (the notice is no part of the plan: never 引言3, nor the plan's 一)
            _label_notice(numbered, [given[id(t)] for t in numbered])
            continue
        if part == structure.CLOSING_PART:
            # The closing words after the last item of a plan whose parts are its items: 结语, 结语1, 结语2 …
            for task, n, k in zip(numbered, numbers, piece):
                task.label = (part if single else f"{part}{n}") + _piece_suffix(k)
            continue
        if prefix in cites and None in [given[id(t)] for t in numbered]:
            # a document's paragraphs before its first part, in a file holding several: its opening (行动计划引言)
            prefix = f"{prefix}{OPENING_LABEL}"
        elif not prefix and state.doc.parts and None in [given[id(t)] for t in numbered]:
            # Paragraphs before the plan's first part (为深入贯彻…, 总的要求是…) are its opening, not items 1, 2:
            # 引言, 引言1, 引言2 … (a plan without parts numbers its paragraphs 1, 2 … as before).
            prefix = OPENING_LABEL
        for task, n, k in zip(numbered, numbers, piece):
            # an inline-heading item cut at its tags keeps its label: 一（二）, 一（二）-2 (not 一（二）1, 一（二）2)
            task.label = (prefix if single and prefix else f"{prefix}{n}") + _piece_suffix(k)
    _group_pieces(state.tasks, [given_block.get(id(t), id(t)) for t in state.tasks])
    seen: dict[str, int] = {}
    by_cite = sorted(((c, k) for k, c in enumerate(cites, 1)), key=lambda ck: len(ck[0]), reverse=True)
    for task in state.tasks:
        # (in a file holding several documents the id names the document first — #2.3.1.5 — as its label does)
        division = next(((c, k) for c, k in by_cite if task.part.startswith(c)), None)
        numeral = task.part[len(division[0]):] if division else task.part
        p = structure.numeral_value(numeral)
        s = structure.section_ordinal(task.part, task.section)
        base = f"{state.doc.id}#{division[1]}.{p}.{s}" if division else f"{state.doc.id}#{p}.{s}"
        seen[base] = seen.get(base, 0) + 1
        task.id = base if task.kind == "measure" else f"{base}.{seen[base]}"


def _label_notice(tasks: list[Task], numbers: list[int | None]) -> None:
    """Label a cover notice's paragraphs (``structure.NOTICE_PART``) by the notice's own numbers: 通知一, 通知二 …, the
    paragraphs after item n (its further paragraphs, a piece cut at a tag) 通知n-2, 通知n-3 …"""
    from kb.numerals import chinese_number

    if not any(numbers):
        # an ordinary cover's dated requirements (no numbers of its own): 通知, or 通知1, 通知2 … when several
        for k, task in enumerate(tasks, 1):
            task.label = structure.NOTICE_PART + (str(k) if len(tasks) > 1 else "")
        return
    item, k = "", 1
    for task, n in zip(tasks, numbers):
        if n and chinese_number(n) != item:  # (a piece of the same item cut at a tag goes on as 通知一-2)
            item, k = chinese_number(n), 1
        else:
            k += 1
        task.label = f"{structure.NOTICE_PART}{item}" + (f"-{k}" if k > 1 else "")


def _group_pieces(tasks: list[Task], blocks: list[int]) -> None:
    """The tasks one paragraph was cut into at its tags (rule_split_at_tags: 1.打造…。…（A牵头）…（B牵头，A配合）) are ONE
    item of the plan: each keeps its own roles, and ``Task.item`` names the item by its first piece's label, so what
    counts count and what a question about the item answers (``kb.model.item_key``, ``kb.select.item_groups``) take
    them together.  A task a task table already placed under its 序号 keeps that item."""
    held: dict[int, list[Task]] = {}
    for task, block in zip(tasks, blocks):
        held.setdefault(block, []).append(task)
    for pieces in held.values():
        if len(pieces) < 2 or sum(1 for t in pieces if t.kind == "task") < 2:
            continue
        for t in pieces:
            t.item = t.item or pieces[0].label


def _paragraph_numbers(blocks: list[int]) -> tuple[list[int], list[int]]:
    """For tasks in plan order, the ordinal of the paragraph (block) each comes from and which piece of it it is:
    blocks A A B → ([1, 1, 2], [1, 2, 1])."""
    numbers: list[int] = []
    piece: list[int] = []
    ordinal: dict[int, int] = {}
    count: dict[int, int] = {}
    for block in blocks:
        ordinal.setdefault(block, len(ordinal) + 1)
        count[block] = count.get(block, 0) + 1
        numbers.append(ordinal[block])
        piece.append(count[block])
    return numbers, piece


#: A sub-item's own mark opening its paragraph: （8）, (8), 8）, ①.
_SUB_MARK_RE = re.compile(r"^\s*(?:[（(](\d{1,2})[)）]|(\d{1,2})[)）]|([①-⑳]))")


def _sub_mark(text: str) -> tuple[str, int, str] | None:
    """(kind, value, as cited) of the sub-item mark opening ``text`` — ``("paren", 8, "（8）")``, ``("circled", 1, "①")``
    — or None."""
    m = _SUB_MARK_RE.match(text)
    if m is None:
        return None
    if m.group(3):
        return "circled", ord(m.group(3)) - ord("①") + 1, m.group(3)
    n = int(m.group(1) or m.group(2))
    return "paren", n, f"（{n}）"


def _marked_sub_items_only(numbers: list[int | None], marks: list) -> bool:
    """A part's paragraphs (no sections) that are items the plan numbers (1. 2.) with, after the first, only marked
    sub-items ((1) / ①) between them: numbered as a section's are (``_own_numbers_between``) — else by position."""
    first = next((k for k, n in enumerate(numbers) if n is not None), None)
    if first is None or first > 0:
        return False
    rest = [m for n, m in zip(numbers, marks) if n is None]
    return bool(rest) and all(rest)


def _own_numbers_between(numbers: list[int | None], blocks: list[int], marks: list | None = None) -> list[str] | None:
    """Labels (without the container's prefix) of a section's tasks when its numbered paragraphs carry the plan's own
    numbers, rising, with unnumbered paragraphs among them: the item's number for its first task, ``n-2``, ``n-3`` …
    for the next tasks up to the next numbered item (pieces of the item, its further paragraphs, a 专栏 after it), and
    ``引言`` (``引言1`` …) for unnumbered paragraphs before the first item.  None unless some paragraph is unnumbered,
    the numbers rise from block to block (repeated only within one block) and either two or more items are numbered
    or the one numbered item runs on (not 1) — a lone ``1.`` among unnumbered paragraphs proves no numbering."""
    if None not in numbers or all(n is None for n in numbers):
        return None
    items: list[int] = []
    seen_block: dict[int, int] = {}
    for n, block in zip(numbers, blocks):
        if n is None:
            continue
        if block in seen_block:
            if seen_block[block] != n:
                return None
            continue
        if items and n <= items[-1]:
            return None
        seen_block[block] = n
        items.append(n)
    if len(items) < 2 and items[0] == 1:
        return None
    labels: list[str] = []
    lead = 0
    while numbers[lead] is None:
        lead += 1
    labels += [OPENING_LABEL + (str(k) if lead > 1 else "") for k in range(1, lead + 1)]
    marks = marks or [None] * len(numbers)
    current, k = None, 0
    risen: dict[str, int] = {}  # (the last value of each kind of sub-item mark under the current item)
    sub, sub_block, sub_k = None, None, 0
    paren = None  # (the label of the item's last （N） sub-item: a ① after it is ITS sub-item, 1（1）①)
    for n, mark, block in zip(numbers[lead:], marks[lead:], blocks[lead:]):
        if n is not None and n != current:
            current, k, risen, sub, paren = n, 1, {}, None, None
            labels.append(str(n))
            continue
        k += 1
        if n is None and mark and mark[1] > risen.get(mark[0], 0):
            # a sub-item the plan numbers (（8）, ①): cited by the item's number and its own — 3（8）, as printed
            risen[mark[0]], sub_block, sub_k = mark[1], block, 1
            if mark[0] == "paren":
                paren = sub = f"{current}{mark[2]}"
                risen.pop("circled", None)  # (①② restart under each （N）)
            else:
                sub = f"{paren or current}{mark[2]}"
            labels.append(sub)
        elif n is None and sub and block == sub_block:
            sub_k += 1
            labels.append(f"{sub}-{sub_k}")  # (a later piece of the sub-item cut at its tags)
        else:
            sub = None
            labels.append(f"{current}-{k}")
    return labels


def _piece_suffix(k: int) -> str:
    """What a label says after its item's number for the k-th piece of the item: nothing for the first, -k after."""
    return "" if k == 1 else f"-{k}"


def _pieces_of_items(numbers: list, blocks: list[int]) -> list[str] | None:
    """Labels of the tasks of a container whose numbered items (11、12、) some tags cut into several tasks: the item's own
    number for its first task, ``11-2``, ``11-3`` … for the next; None unless every number is given, the numbers are
    distinct across items and repeated only within one block (a piece of that item)."""
    if None in numbers or len(set(numbers)) == len(numbers):
        return None
    block_of: dict[object, int] = {}
    pieces: dict[object, int] = {}
    out = []
    for n, block in zip(numbers, blocks):
        if block_of.setdefault(n, block) != block:
            return None  # the same number on two items: not the plan's numbering
        pieces[n] = pieces.get(n, 0) + 1
        out.append(f"{n}" if pieces[n] == 1 else f"{n}-{pieces[n]}")
    return out


def rule_terms(state: ParseState) -> None:
    """The topics the plan names in its headings and task titles (kb/qa/plan_terms.py), for questions."""
    from kb.qa.plan_terms import learn_terms

    state.doc.terms, state.doc.term_headings = learn_terms(state.doc, state.tasks)


#: The parser's rules, in the order they run.
RULES: list[Callable[[ParseState], None]] = [
    rule_script,
    pages.rule_page_marks,
    tables.rule_find_tables,
    rule_cleanup,
    rule_structure,
    tables.rule_page_fields,
    rule_unit_line_outline,
    rule_unit_line_sections,
    tables.rule_table_title,
    rule_registry,
    rule_split_at_tags,
    rule_tasks,
    rule_label_lines,
    rule_heading_tags,
    rule_section_titles,
    rule_duty_sections,
    rule_unit_lines,
    rule_unit_heads,
    rule_implied,
    rule_clauses,
    rule_prose,
    rule_prose_orders_tag,
    rule_plan_wide_support,
    rule_subject_roles,
    rule_unit_heads_tag_the_plan,
    rule_deadlines,
    rule_heading_deadlines,
    rule_targets,
    tables.rule_target_rows,
    tables.rule_table_tasks,
    rule_plan_wide_table_rows,
    rule_yearless_limits,  # (after the task table's rows: a 完成时间 cell's 3月 takes the plan's year as a line's does)
    rule_labels,
    tables.rule_table_labels,
    rule_one_unit_sole,
    pages.rule_page_sources,
    rule_terms,
]


def parse_document(text: str, doc_id: str = "plan", path: str = "", registry: Registry | None = None) -> tuple[Document, list[Task]]:
    """Parse one plan's text into its Document and its Tasks (every paragraph, in order).

    ``registry`` forces a department vocabulary; by default the issuer's (if any) is used."""
    state = ParseState(text=text, doc=Document(id=doc_id, title=doc_id, path=path, sha256=""), registry=registry)
    for rule in RULES:
        rule(state)
    return state.doc, state.tasks
