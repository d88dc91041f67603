"""NFKC folding of grep's text, character by character, with a map back to the original offsets.

``kb grep`` matches pattern and text folded (``ＰＭ２．５`` finds ``PM2.5``) and prints
the original with the matched spans mapped back.  The store keeps every task's
units folded by ``fold`` (``texts.grep``), so this module is part of the store's
rules fingerprint (``kb.store.ROW_SOURCES``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# NFKC folding tables shared by every call: char -> folded string, and chars whose
# folded form is not one character (they need the slow path with an offset map).
_FOLD_SEEN: set[str] = set()
_FOLD_TABLE: dict[int, str] = {}
_FOLD_EXPANDING: set[str] = set()


def _learn(chars: Iterable[str]) -> None:
    for c in chars:
        _FOLD_SEEN.add(c)
        folded = unicodedata.normalize("NFKC", c)
        if folded != c:
            _FOLD_TABLE[ord(c)] = folded
            if len(folded) != 1:
                _FOLD_EXPANDING.add(c)


def learn(texts: Iterable[str]) -> None:
    """Fill the folding table for every character of ``texts`` at once (then ``fold(..., learned=True)``)."""
    new = set("".join(texts)).difference(_FOLD_SEEN)
    if new:
        _learn(new)


def fold(text: str, learned: bool = False) -> tuple[str, list[int] | None]:
    """NFKC-fold ``text`` character by character; return (folded, origin).

    ``origin[i]`` is the index in ``text`` of the character that produced
    ``folded[i]``; it is None when every character folds to exactly one, so that
    offsets are the same in both strings (the usual case, done by str.translate).
    ``learned``: the characters of ``text`` were passed to ``learn`` already.
    """
    if text.isascii():
        return text, None
    if not learned:
        new = set(text).difference(_FOLD_SEEN)
        if new:
            _learn(new)
    if not _FOLD_EXPANDING or _FOLD_EXPANDING.isdisjoint(text):
        return text.translate(_FOLD_TABLE), None
    pieces: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        f = _FOLD_TABLE.get(ord(c), c)
        pieces.append(f)
        origin.extend([i] * len(f))
    return "".join(pieces), origin
