"""Responsibility tags: find them and read the departments and roles they name.

A tag closes the text before it: ``（…）``, or ``〔…〕`` when its content holds
``（）``, standing after the end of a sentence, optionally followed by ``。``::

    …加强秸秆禁烧。（市生态环境局、市农业农村局按职责分工负责）

Inside, segments separated by ``，；。`` are role lists (departments joined by
``、`` and ended by a role word from ``kb/data/roles.yaml``) or notes.  A bracket
after a department names a sub-unit: ``市发展改革委（市能源办）``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError
from kb.model import ROLES
from kb.registry import Registry

ROLES_PATH = Path(__file__).resolve().parent.parent / "data" / "roles.yaml"

SENTENCE_END = "。；！？;!?"
OPENERS, CLOSERS = "（(〔【", "）)〕】"


@dataclass(slots=True)
class RoleVocabulary:
    """The role words and note patterns of ``roles.yaml``."""

    role_words: list[tuple[str, str]]
    """(word, role) pairs, longest word first."""
    implied_notes: list[re.Pattern]
    """Patterns with a ``units`` group naming implementers of every following task."""
    department_re: re.Pattern
    """Matches a name ending like a department (局, 委, 办 …)."""


@lru_cache(maxsize=1)
def load_vocabulary(path: str | None = None) -> RoleVocabulary:
    """Read and validate ``roles.yaml``."""
    from kb.data import read_versioned_yaml

    src = Path(path) if path else ROLES_PATH
    data = read_versioned_yaml(src, "role vocabulary")
    roles = data.get("roles")
    if not isinstance(roles, dict) or set(roles) != set(ROLES):
        raise KbError(f"{src}: 'roles' must list words for exactly {', '.join(ROLES)}")
    words: dict[str, str] = {}
    for role, ws in roles.items():
        if not isinstance(ws, list) or not all(isinstance(w, str) and w for w in ws):
            raise KbError(f"{src}: roles.{role} must be a list of words")
        for w in ws:
            if w in words:
                raise KbError(f"{src}: role word {w} is listed under both {words[w]} and {role}")
            words[w] = role
    notes = []
    for i, note in enumerate(data.get("implied_notes") or []):
        try:
            pattern = re.compile(note["pattern"])
        except (KeyError, TypeError, re.error) as exc:
            raise KbError(f"{src}: implied_notes[{i}] needs a valid regex 'pattern' ({exc})") from exc
        if "units" not in pattern.groupindex:
            raise KbError(f"{src}: implied_notes[{i}] pattern needs a (?P<units>…) group")
        notes.append(pattern)
    suffixes = data.get("department_suffixes") or []
    if not suffixes or not all(isinstance(s, str) for s in suffixes):
        raise KbError(f"{src}: department_suffixes must be a non-empty list")
    dep_re = re.compile("(?:" + "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True))) + r")(?:（[^）]*）)?$")
    return RoleVocabulary(sorted(words.items(), key=lambda kv: -len(kv[0])), notes, dep_re)


@dataclass(slots=True)
class Tag:
    """A parsed responsibility tag."""

    text: str
    """The tag as written, brackets included."""
    roles: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in ROLES})
    """Role → canonical department names, in tag order."""
    subunits: dict[str, list[str]] = field(default_factory=dict)
    """Department → sub-units written in brackets after it."""
    notes: list[str] = field(default_factory=list)
    """Segments that are not role lists."""
    implied: list[str] = field(default_factory=list)
    """Implementers named by a note for this and every following task of the part."""
    warnings: list[str] = field(default_factory=list)
    """Problems: unknown role word, names not in the registry."""
    unknown_names: list[str] = field(default_factory=list)
    """Names kept as written because the registry does not know them."""

    @property
    def has_roles(self) -> bool:
        """True when at least one department has a role."""
        return any(self.roles.values())


def split_top(text: str, seps: str) -> list[str]:
    """Split ``text`` at ``seps`` that are outside brackets."""
    parts, depth, cur = [], 0, []
    for c in text:
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
        if c in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _split_subunit(item: str) -> tuple[str, list[str]]:
    """``市发展改革委（市能源办）`` → (``市发展改革委``, [``市能源办``])."""
    m = re.fullmatch(r"(.+?)[（(]([^（）()]+)[)）]", item)
    if not m:
        return item, []
    return m.group(1).strip(), [s.strip() for s in re.split("[、，,]", m.group(2)) if s.strip()]


def parse_tag_content(content: str, registry: Registry, vocab: RoleVocabulary | None = None) -> Tag:
    """Read the roles and notes of a tag's content (without its brackets)."""
    vocab = vocab or load_vocabulary()
    tag = Tag(text=content)
    for segment in split_top(content, "，。；,;"):
        note_units = _implied_units(segment, vocab)
        if note_units is not None:
            tag.notes.append(segment)
            tag.implied.extend(_canonical(u, registry, tag) for u in note_units)
            continue
        role = next(((w, r) for w, r in vocab.role_words if segment.endswith(w)), None)
        if role is None:
            tag.notes.append(segment)
            if any(vocab.department_re.search(i) for i in split_top(segment, "、")):
                tag.warnings.append(f"tag segment without a known role word (牵头/配合/负责/按职责分工负责): {segment}")
            continue
        word, role_name = role
        names = segment[: -len(word)]
        for item in split_top(names, "、,"):
            name, subs = _split_subunit(item)
            if not name:
                continue
            canonical = _canonical(name, registry, tag)
            if canonical not in tag.roles[role_name]:
                tag.roles[role_name].append(canonical)
            if subs:
                bucket = tag.subunits.setdefault(canonical, [])
                bucket.extend(_canonical(s, registry, tag) for s in subs if s not in bucket)
    return tag


def _implied_units(segment: str, vocab: RoleVocabulary) -> list[str] | None:
    for pattern in vocab.implied_notes:
        m = pattern.search(segment)
        if m:
            return split_top(m.group("units"), "、,")
    return None


def _canonical(name: str, registry: Registry, tag: Tag) -> str:
    canonical = registry.canonical(name)
    if canonical is not None:
        return canonical
    if name not in tag.unknown_names:
        tag.unknown_names.append(name)
        tag.warnings.append(f"department not in the registry (kept as written): {name}")
    return name


@dataclass(slots=True)
class TagSpan:
    """Where a tag stands in a paragraph."""

    start: int
    """Index of its opening bracket."""
    end: int
    """Index just after it (after a following ``。`` too)."""
    tag: Tag
    """What it says."""


def find_tags(text: str, registry: Registry, vocab: RoleVocabulary | None = None) -> tuple[list[TagSpan], list[str]]:
    """Every responsibility tag of a paragraph, and warnings for tag-like brackets that do not parse.

    A bracket group is a tag when it stands after a sentence end (or at the start)
    and its content has a role list.  Mid-paragraph tags are accepted (they close
    the text before them); at the paragraph's end a group that looks like a tag
    but does not parse, or an unclosed bracket holding role words, is reported.
    """
    vocab = vocab or load_vocabulary()
    spans: list[TagSpan] = []
    warnings: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in "（(〔【" and (i == 0 or text[i - 1] in SENTENCE_END):
            close = _matching_close(text, i)
            if close is None:
                rest = text[i + 1 :]
                if any(rest.endswith(w) or w + "，" in rest for w, _ in vocab.role_words):
                    tag = parse_tag_content(rest, registry, vocab)
                    warnings.append(f"unclosed bracket in tag: {text[i:i + 40]}")
                    if tag.has_roles:
                        tag.text = text[i:]
                        spans.append(TagSpan(i, n, tag))
                break
            content = text[i + 1 : close]
            end = close + 1
            if end < n and text[end] == "。":
                end += 1
            tag = parse_tag_content(content, registry, vocab)
            if tag.has_roles:
                tag.text = text[i : close + 1]
                spans.append(TagSpan(i, end, tag))
                i = end
                continue
            if end >= n and (tag.warnings or _looks_like_tag(content, vocab)):
                warnings.append(f"bracket at the end looks like a responsibility tag but names no role: {text[i:close + 1]}")
            i = close + 1
            continue
        i += 1
    return spans, warnings


def _looks_like_tag(content: str, vocab: RoleVocabulary) -> bool:
    items = split_top(content, "、，,")
    return bool(items) and all(vocab.department_re.search(x) for x in items[:1])


def _matching_close(text: str, start: int) -> int | None:
    depth = 0
    for j in range(start, len(text)):
        c = text[j]
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth -= 1
            if depth == 0:
                return j
    return None
