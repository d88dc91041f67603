"""Chinese line breaking on screen: Textual wraps every text with kb's rules.

Textual (through rich) breaks lines at spaces and folds a "word" that does not
fit at any cell, and a Chinese sentence has no spaces: it was folded wherever
the width ran out (``不低于8`` / ``5%``, ``到202`` / ``0年``, a line starting
with ``、``).  ``install()`` makes Textual's text wrapping ask
``kb.linebreak.line_breaks`` instead — the same function that sizes the rows
of xlsx exports — so answers, task texts, lists and dialogs follow the usual
Chinese rules at whatever width the terminal has, resizes included.

It replaces the one name ``textual.content`` looks its wrapping function up
under (``divide_line``, rich's, with the same signature); textual is pinned
in pyproject.toml and tests/test_tui_linebreak.py checks the hook is in use.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len

from kb.linebreak import line_breaks


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets where ``text`` is broken to fit ``width`` cells (rich's ``divide_line`` contract: 0 left out)."""
    return list(_breaks(text, width))


@lru_cache(maxsize=8192)
def _breaks(text: str, width: int) -> tuple[int, ...]:
    # Textual wraps the same lines again and again (heights at several widths, every refresh):
    # remember the answers, they depend on nothing else.
    return tuple(line_breaks(text, width, cell_len)[1:])


def install() -> None:
    """Make Textual wrap text with kb's Chinese line-breaking rules (idempotent)."""
    import textual.content

    textual.content.divide_line = divide_line
