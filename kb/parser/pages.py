"""Pages: where each task starts in a PDF, for citing ``第3页`` next to its label.

Ingestion writes ``\\f`` where a PDF page ends (``kb.ingest``).  ``rule_page_marks`` (first
in the chain, before cleanup drops the marks) notes where each page starts in the text
reduced to its letters and digits; ``rule_page_sources`` (last) finds each task's opening
words in that reduced text, in order, and gives the task the page they stand on.  Reducing
to letters and digits makes the search blind to what cleanup changes (spaces, line breaks,
editor markers), so a paragraph rejoined across a page break is cited by its first page.
"""

from __future__ import annotations

from bisect import bisect_right

#: Characters of a task's opening looked for (enough to be unique in a plan).
OPENING = 24


def reduce(text: str) -> str:
    """Letters and digits only (CJK included)."""
    return "".join(c for c in text if c.isalnum())


def rule_page_marks(state) -> None:
    """Offsets (in the reduced text) where pages 2, 3 … start."""
    if "\f" not in state.text:
        return
    marks, size = [], 0
    chunks = state.text.split("\f")
    for chunk in chunks[:-1]:
        size += len(reduce(chunk))
        marks.append(size)
    state.page_marks = marks
    state.reduced_text = reduce(state.text)


def rule_page_sources(state) -> None:
    """Each task read from the text gets ``第N页`` (a table row keeps its row citation first)."""
    if not state.page_marks:
        return
    text, pos = state.reduced_text, 0
    for task in state.tasks:
        key = reduce(task.body or task.text)[:OPENING]
        if not key:
            continue
        at = text.find(key, pos)
        if at < 0:
            continue
        pos = at + len(key)
        page = f"第{bisect_right(state.page_marks, at) + 1}页"
        if task.source is None:
            task.source = page
        elif "页" not in task.source:
            task.source = f"{page}，{task.source}"
