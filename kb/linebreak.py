"""Chinese line breaking: where a line of Chinese text may be broken, and wrapping to a width.

One function for every place kb lays out text itself: the TUI's answer and
task texts (tui/widgets/wrapped.py) and the row heights of xlsx exports
(Excel and Word wrap cells themselves; kb estimates how many lines they take).

Rules (the usual ones of Chinese typesetting; characters in kb/data/linebreak.yaml):

- Between two CJK characters a line may break.
- A closing punctuation mark (``、，。；：）》”%`` …) never starts a line: it stays
  with what precedes it.  An opening mark (``（《“`` …) or a comparator (``≥``)
  never ends a line: it stays with what follows.
- A run of Latin letters and digits (``PM2.5``, ``VOCs``, ``2020``, ``27.9``) is
  never broken, and a number keeps the unit or date word that follows it
  (``85%``, ``2020年``, ``19.5%``, ``10蒸吨/小时``): ``到202`` / ``0年`` cannot happen.
- A space may end a line (it hangs past the width; callers strip it).
- A unit wider than the line (a very long Latin word) is cut where it must be.

``wrap(text, width)`` returns the lines; ``line_breaks(text, width)`` the offsets
where lines start, for callers that keep styles on the text (the TUI).
Widths are display cells: a CJK or full-width character counts 2
(``display_width``), or whatever ``measure`` says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from kb.data import DATA_DIR, read_versioned_yaml
from kb.errors import KbError

__all__ = ["display_width", "line_breaks", "wrap", "count_lines", "leading_piece", "Rules", "rules"]

_KEYS = {"version", "no_line_start", "no_line_end", "number_suffixes"}


def display_width(text: str) -> int:
    """Width of ``text`` in terminal/spreadsheet cells: CJK and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(slots=True, frozen=True)
class Rules:
    """The line-breaking classes, read from linebreak.yaml (and the target units of targets.yaml)."""

    no_line_start: frozenset[str]
    """Characters that may not start a line (closing punctuation)."""
    no_line_end: frozenset[str]
    """Characters that may not end a line (opening punctuation, comparators)."""
    unit_pattern: re.Pattern
    """Matches, at a position right after a number, the unit or date word it keeps on its line."""
    piece_pattern: re.Pattern
    """One piece no break may enter: a Latin/digit word (with the unit after a number), else one character."""


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The rules, read and checked once per process; a damaged file is a one-line KbError."""
    path = DATA_DIR / "linebreak.yaml"
    data = read_versioned_yaml(path, "line-breaking rules")
    if set(data) != _KEYS:
        raise KbError(f"{path}：应恰好有这些键：{', '.join(sorted(_KEYS))}；请从代码仓库恢复这个文件")
    for key in _KEYS - {"version"}:
        words = data[key]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise KbError(f"{path}：“{key}”应为非空字符串的列表；请从代码仓库恢复这个文件")
    units = list(data["number_suffixes"]) + _target_units()
    alternation = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True))
    return Rules(
        frozenset(data["no_line_start"]),
        frozenset(data["no_line_end"]),
        re.compile(f"(?:{alternation})"),
        re.compile(f"{_WORD.pattern}(?:(?<=[0-9０-９])(?:{alternation}))?|.", re.S),
    )


def _target_units() -> list[str]:
    """The units of numeric targets (kb/data/targets.yaml), so one list says what a unit is."""
    data = read_versioned_yaml(DATA_DIR / "targets.yaml", "deadline and target vocabulary")
    units = data.get("units")
    return [u for u in units if isinstance(u, str) and u] if isinstance(units, list) else []


#: Characters a Latin/digit word starts with (only there is the word pattern tried: most text is CJK).
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                        "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ")

#: A run that is never broken: Latin letters and digits, with the marks inside a number or word (2.5, 1,000, I/M, PM2.5).
_WORD = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+(?:[.．,/_\-'][0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+)*")


def _atoms(text: str, r: Rules) -> list[list[int]]:
    """``text`` cut into [start, end] pieces no line break may enter, glued by the punctuation rules.

    A closing mark joins the piece before it; a piece after an opening mark joins that mark.
    """
    glued: list[list[int]] = []
    no_start, no_end = r.no_line_start, r.no_line_end
    match = r.piece_pattern.match
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        b = match(text, i).end() if ch in _WORD_CHARS else i + 1
        if glued and (ch in no_start or text[glued[-1][1] - 1] in no_end):
            glued[-1][1] = b
        else:
            glued.append([i, b])
        i = b
    return glued


def leading_piece(text: str) -> str:
    """The first piece of ``text`` no line break may enter (``2022年``, ``PM2.5``, ``甲，``, ``（甲``): what a
    typesetter could not have put at the end of the line before, so a line that stopped short of the margin by
    less than this piece's width was full (kb/parser/cleanup.py reads text copied out of a PDF so)."""
    if not text:
        return ""
    a, b = _atoms(text[:40], rules())[0]
    return text[a:b]


def line_breaks(text: str, width: int, measure: Callable[[str], int] | None = None) -> list[int]:
    """Offsets in ``text`` where each line starts (the first is 0) when it is wrapped to ``width`` cells.

    ``text`` is one paragraph (callers split on new lines).  ``measure`` gives a
    character's width (default ``display_width``); it is asked once per distinct
    character (the TUI wraps every line it draws with this, so it must be quick).
    """
    measure = measure or display_width
    width = max(int(width), 1)
    starts = [0]
    if len(text) * 2 <= width:  # the usual short line: nothing to break whatever the characters
        return starts
    cache: dict[str, int] = {}
    cells = []
    for ch in text:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = measure(ch)
        cells.append(w)
    if sum(cells) <= width:
        return starts
    used = 0
    for a, b in _atoms(text, rules()):
        w = cells[a] if b == a + 1 else sum(cells[a:b])
        if used + w <= width:
            used += w
            continue
        if used and text[a:b].isspace():  # a space hangs at the end of a line (shown lines are right-stripped)
            used += w
            continue
        if used:
            starts.append(a)
            used = 0
        if w <= width:
            used = w
            continue
        # A piece wider than the line: cut it by characters (still not before a closing mark).
        no_start = rules().no_line_start
        for k in range(a, b):
            if used + cells[k] > width and used and text[k] not in no_start:
                starts.append(k)
                used = 0
            used += cells[k]
    return starts


def wrap(text: str, width: int, measure: Callable[[str], int] | None = None) -> list[str]:
    """The lines of ``text`` wrapped to ``width`` cells (its own new lines kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        starts = line_breaks(paragraph, width, measure)
        ends = starts[1:] + [len(paragraph)]
        lines += [paragraph[a:b] for a, b in zip(starts, ends)]
    return lines


def count_lines(text: str, width: int, measure: Callable[[str], int] | None = None) -> int:
    """How many lines ``text`` takes wrapped to ``width`` cells (at least 1)."""
    return max(1, sum(len(line_breaks(p, width, measure)) for p in str(text).split("\n")))
