"""The words that caption an annex after a plan's body (附件, 附表, 附录): one definition, kb/data/tables.yaml
``annex_words``, for the parser (cleanup's caption lines, the body's end, the attachments list, table captions, the
annexes registered) and the questions (附表1有几项, 附录里有哪些).  A light module: the question reader uses it without
importing the parser."""

from __future__ import annotations

import re
from functools import lru_cache

from kb.errors import KbError
from kb.lazypattern import LazyPattern


def _words_of(data: dict, src: object = "kb/data/tables.yaml") -> tuple[str, ...]:
    """The caption words of tables.yaml's mapping ``data`` (``src`` names the file in the error)."""
    words = data.get("annex_words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and len(w.strip()) >= 2 for w in words):
        raise KbError(f"{src}：annex_words 应为附件标题词的列表（附件、附表……，每个至少两个字）；请修正，或从代码仓库恢复这个文件")
    return tuple(w.strip() for w in words)


@lru_cache(maxsize=1)
def annex_words() -> tuple[str, ...]:
    """The caption words as the file lists them; the first (附件) is the general word: 附件有几项 asks every annex,
    附表有几项 the annexes captioned 附表."""
    from kb.data import DATA_DIR, load_cached_yaml

    path = DATA_DIR / "tables.yaml"
    return load_cached_yaml(path, "task table vocabulary", lambda data: _words_of(data, path))


def word_pattern(words: tuple[str, ...] | None = None) -> str:
    """A non-capturing alternation of the caption words, spaces allowed between their characters (附 表 1 of a PDF)."""
    longest = sorted(words or annex_words(), key=len, reverse=True)
    return "(?:" + "|".join(r"\s*".join(map(re.escape, w)) for w in longest) + ")"


def caption_word(text: str, words: tuple[str, ...] | None = None) -> str | None:
    """The caption word ``text`` opens with, spaces dropped (``附 表1`` → 附表), else None."""
    bare = re.sub(r"\s", "", text)
    return next((w for w in sorted(words or annex_words(), key=len, reverse=True) if bare.startswith(w)), None)


class AnnexPattern(LazyPattern):
    """A ``LazyPattern`` in which ``{annex_word}`` stands for the caption words (``word_pattern``), put in when the
    pattern is first used: a module's pattern of captions reads tables.yaml only when a line or question needs it."""

    __slots__ = ()

    def __getattr__(self, name: str):
        compiled = self._compiled
        if compiled is None:
            pattern, flags = self._source
            compiled = self._compiled = re.compile(pattern.replace("{annex_word}", word_pattern()), flags)
        return getattr(compiled, name)
