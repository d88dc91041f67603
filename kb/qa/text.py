"""Folding text for comparison: the same function for questions and plan text.

A question typed as ``ＰＭ２．５要下降多少？`` and the plan's ``细颗粒物（PM2.5）``
must meet on common ground: NFKC (full-width → half-width), lower case, no
spaces, no quotation marks or book-title marks (``“散乱污”企业`` → ``散乱污企业``).
Substring tests on folded text are how topic questions stay exhaustive.
"""

from __future__ import annotations

import unicodedata

#: Characters dropped when folding: quotes and title marks carry no meaning for matching.
_DROP = dict.fromkeys(map(ord, "“”‘’\"'《》〈〉「」『』`"), None)


def fold(text: str) -> str:
    """``text`` in comparable form: NFKC, lower case, no whitespace, no quotes."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_DROP)
    return "".join(text.split())


def simplify(text: str, known: frozenset[str] | set[str] = frozenset()) -> str:
    """Traditional characters → simplified with OpenCC's t2s data, full-width forms folded by ``fold`` later.

    OpenCC takes ~50 ms to load: it is loaded only when ``text`` holds a CJK character
    outside ``known`` (the plan's and the vocabulary's characters), so ordinary questions never pay.
    """
    if not any(map(is_cjk, set(text).difference(known))):  # (each character tested once, the known ones in C)
        return text
    return _converter().convert(text)


def _converter():
    global _T2S
    if _T2S is None:
        import opencc

        _T2S = opencc.OpenCC("t2s")
    return _T2S


_T2S = None


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph (the characters the plans are written in)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def snippet(text: str, width: int = 36) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[:width] + "…"


def task_head(task) -> str:
    """What names a task in an answer: its title, else the start of its body."""
    if task.title:
        return task.title
    text = task.body or task.text
    # (a measure numbered at the plan's top level: its label is that number.  ``part`` is read last, only for such a
    # text: a stored task's list row holds title, label and body, and reading ``part`` fetches its brief row)
    if task.label and text.startswith(task.label + "、") and task.part == task.label:
        text = text[len(task.label) + 1:]
    return snippet(text)


def longest_first(words) -> list[str]:
    """``words`` without repeats, longest first and, among words of one length, in code-point order.

    The first word of such a list that a question holds is what it is read as (天气预报 before 天气; of two words of
    one length standing in one question, always the same one): ordering a set by length alone left equal lengths
    in the set's order, which changes with PYTHONHASHSEED — the same question read two ways in two processes.
    """
    return sorted(set(words), key=lambda w: (-len(w), w))


#: Brackets and quotes a list's separators inside do not split (（允许…，允许…）, “…、…”).
_OPENERS, _CLOSERS = "（(〔【《“", "）)〕】》”"


def split_outside_brackets(text: str, seps: str) -> list[str]:
    """``text`` split at each character of ``seps`` standing outside brackets and quotes, each part stripped, empty
    parts dropped (A、B（C、D）、E → A, B（C、D）, E): the items of a plan's lists (kb.qa.named_sets, kb.qa.distributive)."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and c in seps:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [p.strip() for p in out if p.strip()]


# One definition of Chinese numerals for every layer (kb/numerals.py); qa modules import them from here.
from kb.numerals import CN_DIGITS, cn_number  # noqa: E402,F401
