"""A small dictionary tokenizer: the index's and the queries' segmentation.

jieba is used once, when the index is built, to find the words of the plan
(``vocabulary_from_texts``); the words are stored with the index.  Indexing and
querying then both segment with ``Segmenter`` over that stored vocabulary, so
the two sides always cut text the same way and a query never loads jieba's
dictionary (~0.5 s a process).

Segmentation emits, at each character, every vocabulary word starting there
(longest first), like jieba's search mode: ``国六排放标准`` gives 国六, 排放标准,
排放, 标准.  A CJK character covered by no word is emitted alone; runs of Latin
letters and digits (``pm2.5``, ``vocs``, ``2020``) are single tokens.  Positions
are numbered in emission order, so phrase queries see tokens in text order.
"""

from __future__ import annotations

from kb.qa.text import fold, is_cjk

#: Longest vocabulary word kept (department names run to ~16 characters).
MAX_WORD = 16


class Segmenter:
    """Dictionary segmentation over a fixed vocabulary (picklable, pure Python)."""

    __slots__ = ("words", "lengths")

    def __init__(self, words=()) -> None:
        self.words: frozenset[str] = frozenset(fold(w) for w in words if w and len(fold(w)) <= MAX_WORD)
        """Folded vocabulary words (2+ characters are useful; single ones are implicit)."""
        lengths: dict[str, list[int]] = {}
        for w in self.words:
            if len(w) > 1:
                lengths.setdefault(w[0], set()).add(len(w))  # type: ignore[union-attr]
        self.lengths: dict[str, tuple[int, ...]] = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
        """First character → word lengths starting with it, longest first."""

    def __getstate__(self):
        return {"words": sorted(self.words)}

    def __setstate__(self, state) -> None:
        Segmenter.__init__(self, state["words"])

    def spans(self, text: str):
        """Yield (token, start, end) over folded ``text``, in order of start then length (longest first)."""
        n = len(text)
        covered_to = 0
        i = 0
        while i < n:
            ch = text[i]
            if _is_word_char(ch):
                j = i + 1
                while j < n and _is_word_char(text[j]):
                    j += 1
                word = text[i:j].strip(".")  # dots belong inside a token (pm2.5), not around it
                if word:
                    lead = i + text[i:j].index(word)
                    yield word, lead, lead + len(word)
                covered_to = max(covered_to, j)
                i = j
                continue
            if is_cjk(ch):
                found = False
                for length in self.lengths.get(ch, ()):
                    end = i + length
                    if end <= n and text[i:end] in self.words:
                        yield text[i:end], i, end
                        found = True
                        covered_to = max(covered_to, end)
                if not found and i >= covered_to:
                    yield ch, i, i + 1
            i += 1

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text`` (folded first), in order."""
        return [tok for tok, _, _ in self.spans(fold(text))]


def _is_word_char(ch: str) -> bool:
    """Latin letters, digits and the dot of ``pm2.5`` form one token."""
    return ch.isascii() and (ch.isalnum() or ch == ".")


def vocabulary_from_texts(texts, extra=()) -> set[str]:
    """Words of ``texts`` found by jieba (precise and search mode), plus ``extra`` terms.

    Only called while building an index: this is the one place jieba runs.
    """
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    words: set[str] = set()
    for term in extra:
        t = fold(term)
        if len(t) > 1:
            words.add(t)
            jieba.add_word(t)
    for text in dict.fromkeys(texts):  # copies of one text are segmented once
        folded = fold(text)
        for w in jieba.cut_for_search(folded, HMM=True):
            if len(w) > 1 and all(is_cjk(c) for c in w):
                words.add(w)
        for w in jieba.cut(folded, HMM=False):
            if len(w) > 1 and all(is_cjk(c) for c in w):
                words.add(w)
    return words
