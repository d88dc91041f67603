"""An Input that shows the control characters put into it, escaped, instead of hiding them.

Textual inserts whatever is pasted (or typed with a character no key binding takes), controls
included; kb's last line filter (tui/controls.py) then drops them from the screen, so an ESC or
a bidi override was in the question but invisible.  Here they become visible text as kb shows
them everywhere else (kb.safetext.escape: ``\\x1b``, ``<U+202E>``): what is on screen is what
is asked or used.
"""

from __future__ import annotations

from textual.widgets import Input

from kb.safetext import escape


class SafeInput(Input):
    """Input whose inserted text has its control and bidi characters escaped (visible)."""

    def insert(self, text: str, index: int) -> None:
        super().insert(escape(text, keep=""), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(escape(text, keep=""), start, end)
