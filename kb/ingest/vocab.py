"""The ingest vocabulary (``kb/data/ingest.yaml``), read and validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError

INGEST_PATH = Path(__file__).resolve().parent.parent / "data" / "ingest.yaml"


@dataclass(slots=True, frozen=True)
class IngestVocabulary:
    """What the readers recognise in published files."""

    page_number: tuple[re.Pattern, ...]
    """A page number or running footer line, matched whole."""
    article_selectors: tuple[str, ...]
    """``#id``, ``.class`` or tag names of article containers, in order of trust."""
    drop_tags: frozenset[str]
    """HTML tags that never hold the article."""
    drop_words: tuple[str, ...]
    """Words of an id or class that mark page furniture (nav, share, footer …)."""
    min_article_chars: int
    """CJK characters outside links an article needs."""
    title_marks: tuple[str, ...] = ()
    """Words of an id or class that mark the element holding the page's title (``<p class="title">``)."""
    page_metadata_labels: tuple[str, ...] = ()
    """Labels of a web page's fields about the article (文章来源, 发布时间 …): a line of them is no paragraph."""
    publication_labels: tuple[str, ...] = ()
    """The labels among those whose date is the page's publication date (发布时间, 发文日期 …)."""
    site_identifiers: tuple[re.Pattern, ...] = ()
    """A web site's identifiers in its footer (网站标识码, ICP 备案 and 公网安备 numbers): a line holding one is footer."""
    site_footer_fields: tuple[tuple[str, ...], ...] = ()
    """A site footer's fields, each as its spellings (主办单位/主办, 技术支持, 版权所有 …): three on one line are a footer."""


@lru_cache(maxsize=1)
def load_vocabulary(path: str | None = None) -> IngestVocabulary:
    """Read and validate ``ingest.yaml``."""
    from kb.data import read_versioned_yaml

    src = Path(path) if path else INGEST_PATH
    data = read_versioned_yaml(src, "ingest vocabulary")

    def strings(key: str) -> list[str]:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise KbError(f"{src}：“{key}”应为非空字符串的列表；请修正，或从代码仓库恢复这个文件")
        return value

    def compiled(key: str) -> list[re.Pattern]:
        out = []
        for p in strings(key):
            try:
                out.append(re.compile(p))
            except re.error as exc:
                raise KbError(f"{src}：{key} 中 {p!r} 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
        return out

    patterns = compiled("page_number_patterns")
    selectors = strings("article_selectors")
    for s in selectors:
        if not re.fullmatch(r"[#.]?[A-Za-z][\w\-]*", s):
            raise KbError(f"{src}：article_selectors 中 {s!r} 不是“#id”“.class”或标签名；请修正，或从代码仓库恢复这个文件")
    minimum = data.get("min_article_chars")
    if not isinstance(minimum, int) or minimum < 1:
        raise KbError(f"{src}：“min_article_chars”应为正整数；请修正，或从代码仓库恢复这个文件")
    if not set(strings("publication_labels")) <= set(strings("page_metadata_labels")):
        raise KbError(f"{src}：publication_labels 中的每个词都应在 page_metadata_labels 中；请修正，或从代码仓库恢复这个文件")
    identifiers = compiled("site_identifiers")
    fields = tuple(tuple(w for w in entry.split("|") if w) for entry in strings("site_footer_fields"))
    return IngestVocabulary(
        tuple(patterns), tuple(selectors), frozenset(strings("drop_tags")),
        tuple(w.lower() for w in strings("drop_words")), minimum, tuple(w.lower() for w in strings("title_marks")),
        tuple(sorted(strings("page_metadata_labels"), key=len, reverse=True)), tuple(strings("publication_labels")),
        tuple(identifiers), fields,
    )
