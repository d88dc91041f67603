"""The last guard between data and the terminal: no control character leaves a rendered line.

Text from the plan is escaped before it becomes widgets (``KbApp`` shows
``kb.safetext.escape_data(plan)``: ``\\x1b``, ``<U+202E>``), so the layout counts
the visible escapes.  Anything that slips past — a question pasted with an ESC,
an exception message, a widget added later — is caught here: this line filter
drops C0/C1 controls and bidi overrides from every segment the compositor
sends to the terminal (they take no cell, so the layout is unchanged), and kb's
own styling, which Textual emits from styles, never from segment text, is
untouched.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.filter import LineFilter

from kb.safetext import BIDI, CONTROLS

_DROP = {c: None for c in CONTROLS + BIDI}
#: Any character the filter drops (one search per line: lines are almost always clean).
_ANY = re.compile("[" + "".join(re.escape(chr(c)) for c in CONTROLS + BIDI) + "]")


class DropControls(LineFilter):
    """Removes control and bidi characters from the text of rendered segments."""

    def apply(self, segments: list[Segment], background) -> list[Segment]:
        # Every line drawn passes here: the usual clean line costs one search, not a copy.
        if _ANY.search("".join([seg.text for seg in segments if not seg.control])) is None:
            return segments
        out = []
        for seg in segments:
            if seg.control:  # Textual's own control segments
                out.append(seg)
                continue
            cleaned = seg.text.translate(_DROP)
            out.append(seg if cleaned == seg.text else Segment(cleaned, seg.style, seg.control))
        return out
