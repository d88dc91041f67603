"""Reading kb/data/intents.yaml and kb/data/topics.yaml: the words questions are read with.

Both files are versioned (``version: 1``) and validated here, with an error
naming the file and key.  The validated vocabulary is cached as JSON in the
cache folder under a hash of the files' bytes, so a question does not pay for
the YAML parser on every run (JSON, never pickle: a file planted in the cache
must not run code; a cached file that does not read back is parsed again).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError, reason
from kb.qa.text import fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
INTENTS_PATH = DATA_DIR / "intents.yaml"
TOPICS_PATH = DATA_DIR / "topics.yaml"

#: Keys of intents.yaml holding a flat list of words.
WORD_LISTS = ("prefixes", "suffixes", "count", "joint", "joiners", "who", "when", "due", "target", "pronouns",
              "ordinal_units", "stopwords", "separators", "department_endings", "ranking", "generic_departments", "list", "respectively", "target_list", "numeric_target_words", "openers", "not_name_start", "within", "has_deadline", "no_deadline", "section_marks", "at_least", "topic_generic", "task_nouns", "role_joiners", "section_units", "section_ordinal_units", "chitchat", "part_units", "department_starts", "department_target", "document_kinds", "plan_pointers", "shared_alone", "division_verbs", "kind_verbs", "kind_words", "role_nouns", "partner_verbs", "word_opening_classifiers", "classifier_takers", "ordinal_not_units", "label_asks", "label_words")
DATE_KEYS = ("by_before", "period_end", "within", "by_after", "from_after", "range")
ROLE_KEYS = ("lead", "support", "sole", "shared", "implied", "any", "guide")
ITEM_ASKS = ("field", "deadline", "target", "departments", "text")
STRUCTURE_KINDS = ("multi_lead", "single_lead", "no_support", "no_lead", "single_department", "lead_count",
                   "lead_no_support", "support_no_lead", "has_support", "has_lead", "no_roles", "has_roles")


@dataclass(slots=True)
class Vocabulary:
    """The question vocabulary, folded (see kb.qa.text.fold) and sorted longest first."""

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Key of WORD_LISTS → its words."""
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Role (ROLE_KEYS) → words naming it."""
    topic_before: tuple[str, ...] = ()
    """Words standing before a topic in a topic-list question (涉及 …)."""
    topic_after: tuple[str, ...] = ()
    """Words standing after it (… 相关)."""
    overview: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    """Overview kind → (question words, part-title words)."""
    item_asks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """What is asked of one listed item → words asking it."""
    dates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Words around a year in a question (DATE_KEYS), as written (not folded: they are pattern parts)."""
    structure: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Kind of sharing-out question (multi_lead, single_lead, no_support) → words asking it."""
    topics: tuple[tuple[str, ...], ...] = ()
    """Synonym groups of topics.yaml, folded."""
    spellings: dict[str, str] = field(default_factory=dict)
    """Folded topic word → as topics.yaml writes it (VOCs), for answers."""
    help: str = ""
    """Answer to an empty question."""

    def unit_shaped(self, word: str) -> bool:
        """``word`` is shaped as a unit's name: three characters or more, a level prefix (``department_starts``: 市, 区 …)
        and a department ending (局, 委 …) — 区教育局.  Such a word in a question names what is asked about, never how."""
        return (len(word) >= 3 and word.startswith(self.words["department_starts"])
                and word.endswith(self.words["department_endings"]))

    def synonyms(self, term: str) -> tuple[str, ...]:
        """Every spelling of the topic group ``term`` (folded) belongs to, else just ``term``."""
        for group in self.topics:
            if term in group:
                return group
        return (term,)


def _sorted(words) -> tuple[str, ...]:
    folded = {fold(w) for w in words}
    folded.discard("")
    return tuple(sorted(folded, key=lambda w: (-len(w), w)))


def _word_list(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise KbError(f"{where} 应为词语列表；请修正，或从代码仓库恢复这个文件")
    return [str(v) for v in value]


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise KbError(f"{where} 应为“键: 值”的映射；请修正，或从代码仓库恢复这个文件")
    return value


def _read(path: Path) -> dict:
    from kb.data import read_versioned_yaml

    return read_versioned_yaml(path, "question vocabulary")


def parse_vocabulary(intents: dict, topics: dict, where: str = "intents.yaml", topics_where: str = "topics.yaml") -> Vocabulary:
    """Validate the two files' data and fold it into a Vocabulary."""
    missing = [k for k in (*WORD_LISTS, "roles", "topic_list", "overview", "item_asks", "help") if k not in intents]
    if missing:
        raise KbError(f"{where}：缺少键 {'、'.join(missing)}；请修正，或从代码仓库恢复这个文件")
    voc = Vocabulary()
    for key in WORD_LISTS:
        voc.words[key] = _sorted(_word_list(intents[key], f"{where}：{key}"))
    roles = _mapping(intents["roles"], f"{where}：roles")
    for key in ROLE_KEYS:
        if key not in roles:
            raise KbError(f"{where}：roles 缺少 {key}；请修正，或从代码仓库恢复这个文件")
    unknown = set(roles) - set(ROLE_KEYS)
    if unknown:
        raise KbError(f"{where}：roles 中不认识的职责 {'、'.join(sorted(unknown))}（只能用 {', '.join(ROLE_KEYS)}）；请修正，或从代码仓库恢复这个文件")
    voc.roles = {k: _sorted(_word_list(roles[k], f"{where}：roles.{k}")) for k in ROLE_KEYS}
    tl = _mapping(intents["topic_list"], f"{where}：topic_list")
    voc.topic_before = _sorted(_word_list(tl.get("before", []), f"{where}：topic_list.before"))
    voc.topic_after = _sorted(_word_list(tl.get("after", []), f"{where}：topic_list.after"))
    for kind, spec in _mapping(intents["overview"], f"{where}：overview").items():
        spec = _mapping(spec, f"{where}：overview.{kind}")
        voc.overview[str(kind)] = (
            _sorted(_word_list(spec.get("ask"), f"{where}：overview.{kind}.ask")),
            _sorted(_word_list(spec.get("part"), f"{where}：overview.{kind}.part")),
        )
    asks = _mapping(intents["item_asks"], f"{where}：item_asks")
    for key in ITEM_ASKS:
        voc.item_asks[key] = _sorted(_word_list(asks.get(key, []), f"{where}：item_asks.{key}"))
    dates = _mapping(intents.get("dates"), f"{where}：dates")
    for key in DATE_KEYS:
        voc.dates[key] = tuple(_word_list(dates.get(key), f"{where}：dates.{key}"))
    unknown = set(dates) - set(DATE_KEYS)
    if unknown:
        raise KbError(f"{where}：dates 中不认识的键 {'、'.join(sorted(unknown))}（只能用 {', '.join(DATE_KEYS)}）；请修正，或从代码仓库恢复这个文件")
    structure = _mapping(intents.get("structure", {}), f"{where}：structure")
    unknown = set(structure) - set(STRUCTURE_KINDS)
    if unknown:
        raise KbError(f"{where}：structure 中不认识的类别 {'、'.join(sorted(unknown))}（只能用 {', '.join(STRUCTURE_KINDS)}）；请修正，或从代码仓库恢复这个文件")
    voc.structure = {k: _sorted(_word_list(v, f"{where}：structure.{k}")) for k, v in structure.items()}
    if not isinstance(intents["help"], str) or not intents["help"].strip():
        raise KbError(f"{where}：help 应为帮助答案的文字；请修正，或从代码仓库恢复这个文件")
    voc.help = intents["help"].strip()
    groups = topics.get("topics")
    if not isinstance(groups, list):
        raise KbError(f"{topics_where}：应有“topics”列表（每项为一组同义词）；请修正，或从代码仓库恢复这个文件")
    out = []
    for i, group in enumerate(groups):
        words = _word_list(group, f"{topics_where}：topics[{i}]")
        if not words:
            raise KbError(f"{topics_where}：topics[{i}] 是空的一组（请删去或补上词语）")
        out.append(_sorted(words))
        for w in words:
            voc.spellings.setdefault(fold(w), w)
    voc.topics = tuple(out)
    return voc


@lru_cache(maxsize=2)
def load_vocabulary(intents_path: str | None = None, topics_path: str | None = None) -> Vocabulary:
    """The validated vocabulary, from the JSON cache when the files have not changed."""
    ipath = Path(intents_path) if intents_path else INTENTS_PATH
    tpath = Path(topics_path) if topics_path else TOPICS_PATH
    try:
        iraw, traw = ipath.read_bytes(), tpath.read_bytes()
    except OSError as exc:
        raise KbError(f"{exc.filename}：无法读取提问词表（{reason(exc)}）；请从代码仓库恢复 kb/data") from exc
    key = hashlib.sha256(b"vocab 4\0" + Path(__file__).read_bytes() + b"\0" + iraw + b"\0" + traw).hexdigest()[:24]
    from kb.store import atomic_write_bytes, cache_unwritable, usable_cache_dir

    folder = usable_cache_dir()
    cached = folder / f"vocab-{key}.json" if folder is not None else None
    if cached is not None:
        try:
            from kb.model import from_dict

            return from_dict(Vocabulary, json.loads(cached.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            pass  # missing or damaged: parsed again and rewritten
    voc = parse_vocabulary(_read(ipath), _read(tpath), str(ipath), str(tpath))
    if cached is not None:
        from dataclasses import asdict

        try:
            atomic_write_bytes(cached, json.dumps(asdict(voc), ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            cache_unwritable(folder, exc)
    return voc
