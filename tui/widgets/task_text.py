"""A task's text with its departments highlighted in their roles' styles."""

from __future__ import annotations

from textual.content import Content

from kb.model import Task
from tui.widgets.roles import ROLE_ORDER, ROLE_STYLES


def _spellings(name: str) -> list[str]:
    """How a canonical name may be written in the text (科技局 for 市科技局)."""
    return [name, name[1:]] if name.startswith("市") and len(name) > 3 else [name]


def highlighted_text(task: Task) -> Content:
    """``task.text`` with every written department name styled by its role in the task.

    A name holding two roles takes the first in ROLE_ORDER; longer names are
    matched first so 市发展改革委 does not swallow its sub-unit's brackets.
    """
    text = task.text
    names: list[tuple[str, str]] = []
    for role in ROLE_ORDER:
        for name in getattr(task, role):
            for sub in [name, *task.subunits.get(name, [])]:
                names += [(spelling, role) for spelling in _spellings(sub)]
    names.sort(key=lambda nr: -len(nr[0]))
    taken = [False] * len(text)
    spans: list[tuple[int, int, str]] = []
    for spelling, role in names:
        start = text.find(spelling)
        while start != -1:
            end = start + len(spelling)
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                spans.append((start, end, role))
            start = text.find(spelling, end)
    content = Content(text)
    for start, end, role in spans:
        content = content.stylize(ROLE_STYLES[role], start, end)
    return content
