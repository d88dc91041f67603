"""The Whoosh index of the plan: the only module of kb that imports whoosh.

One Whoosh document per paragraph of the plan: the title (boosted) and body
segmented by ``PlanAnalyzer`` (the plan's own vocabulary, see
kb/qa/tokenizer.py), and structured fields for each role's departments, the
sub-units, deadline years and target metrics, so that "every task X leads" is
one exhaustive query (``PlanIndex.ids_with``), not a top-k.

The index lives in ``kb.store.cache_dir()/index-<key>``.  For a plan read
from the store (``kb.store.StoredPlan``) ``key`` names the corpus (its folder)
with the vocabulary files, this code and ``SCHEMA_VERSION``, and the index is
*updated per plan*: the documents of a plan whose file was added, changed or
removed are added or deleted, nothing else (``sync``).  Each Whoosh document
carries its plan's store key (field ``plan``); the marker ``kb-index.json``
records which plan keys the index holds at which Whoosh generation.  For any
other Plan (built in memory) the key hashes the whole content, as before.

A first build writes into a temporary folder and renames it into place; an
update is one Whoosh commit (deletes and adds together) under Whoosh's write
lock, after which the marker is rewritten.  A process killed between the two
leaves a marker of an older generation: the next run reads the plan keys from
the index itself.  An index that fails to open (damaged table of contents, a
missing marker, a document count that differs, a symbolic link or a file at
its path) is removed and rebuilt with a one-line notice.

Whoosh unpickles its table of contents (the schema): kb only opens an index in
a cache directory that ``kb.store.usable_cache_dir`` accepts (owned by the
user, not writable by others).  Without one, the index is built in memory.

The vocabulary (jieba's words of the plans, see kb/qa/tokenizer.py) lives in
the analyzer stored with the schema.  A plan added later brings its new words:
they join the vocabulary, and the paragraphs already indexed that hold one of
them are indexed again, so the index is the same as a fresh build's (apart
from words of plans removed since, which stay: harmless extra tokens).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as windex
from whoosh.analysis.acore import Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.query import And, Or, Phrase, Term

from kb.errors import KbError, reason
from kb.model import ROLES
from kb.plan_rows import index_fields
from kb.qa.text import fold, is_cjk
from kb.qa.tokenizer import Segmenter, vocabulary_from_texts

#: Bump when the schema, the analyzer or what is indexed changes.
SCHEMA_VERSION = 5

#: File written last into a finished build; an index folder without it is broken.
MARKER = "kb-index.json"

_QA_DIR = Path(__file__).resolve().parent
_DATA_DIR = _QA_DIR.parent / "data"

#: Structured fields holding each role's departments: every role of the model (a role added there
#: is indexed with no change here), then the implied implementers.
ROLE_FIELDS = (*ROLES, "implied")


class PlanAnalyzer(Analyzer):
    """Whoosh analyzer over ``Segmenter``: small, picklable (Whoosh stores it in its TOC), imports nothing heavy.

    Every CJK character is also emitted on its own, so a query token that occurs
    in a paragraph as a substring always matches it.  A token's position is the
    ordinal of the text unit it starts at (a CJK character or a Latin run such as
    ``pm2.5``), numbered in order; a word shares the position of its first
    character.  Consecutive units thus have consecutive positions whatever words
    overlap them, which is what ``PlanIndex.phrase_ids`` relies on.
    """

    def __init__(self, segmenter: Segmenter) -> None:
        self.segmenter = segmenter
        self.memo: dict | None = None
        """While a build runs: folded text → its spans (copies of a paragraph are segmented once)."""

    def __getstate__(self):
        return {"segmenter": self.segmenter}

    def __setstate__(self, state) -> None:
        self.segmenter = state["segmenter"]
        self.memo = None

    def __eq__(self, other) -> bool:
        return isinstance(other, PlanAnalyzer) and self.segmenter.words == other.segmenter.words

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        text = fold(value)
        memo = self.memo
        spans = memo.get(text) if memo is not None else None
        if spans is None:
            unit = unit_positions(text)
            # In position order (a word first, then the characters it starts with): positions never go back.
            spans = [(tok, start, end, unit[start]) for tok, start, end in
                     sorted(self._spans(text, mode), key=lambda sp: (unit[sp[1]], -(sp[2] - sp[1])))]
            if memo is not None and len(memo) < 2000:  # copies of a paragraph: bounded memory
                memo[text] = spans
        for tok, start, end, upos in spans:
            t.text = tok
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = tok
            if positions:
                t.pos = start_pos + upos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t

    def _spans(self, text: str, mode: str):
        # The same stream at index and query time (``mode`` is ignored): phrase
        # queries then see the same positions on both sides.
        emitted_chars: set[int] = set()
        for tok, start, end in self.segmenter.spans(text):
            if len(tok) > 1 and not tok.isascii():
                for k in range(start, end):
                    if k not in emitted_chars:
                        emitted_chars.add(k)
                        yield text[k], k, k + 1
            elif len(tok) == 1:
                emitted_chars.add(start)
            yield tok, start, end


def unit_positions(text: str) -> list[int]:
    """For each character offset, the ordinal of its unit (a Latin/digit run counts as one)."""
    out = [0] * len(text)
    u = -1
    prev_word = False
    for i, ch in enumerate(text):
        word = ch.isascii() and (ch.isalnum() or ch == ".")
        if not (word and prev_word):
            u += 1
        out[i] = u
        prev_word = word
    return out


def _runs(text: str, cut: set[int]) -> list[str]:
    """The runs of ``text`` made of index units' characters (CJK, Latin letters, digits, inner dots), split at
    any other character and at the offsets ``cut``."""
    runs, run = [], []
    for k, ch in enumerate(text + " "):
        if k in cut or not (is_cjk(ch) or (ch.isascii() and (ch.isalnum() or ch == "."))):
            word = "".join(run).strip(".")
            if word:
                runs.append(word)
            run = []
        else:
            run.append(ch)
    return runs


def unit_tokens(segmenter: Segmenter, text: str) -> list[str]:
    """The text as phrase units: each CJK character, each Latin/digit run (other characters dropped)."""
    latin = {start: tok for tok, start, _ in segmenter.spans(text) if tok.isascii()}
    out = []
    i = 0
    while i < len(text):
        if i in latin:
            out.append(latin[i])
            i += len(latin[i])
            continue
        if is_cjk(text[i]):
            out.append(text[i])
        i += 1
    return out


@dataclass(slots=True)
class Hit:
    """One search result."""

    task_id: str
    """Id of the task (paragraph) found."""
    score: float
    """Whoosh's BM25F score."""
    terms: list[str]
    """Query tokens found in the paragraph."""


@dataclass(slots=True)
class IndexState:
    """What ``kb index`` reports."""

    path: Path
    """The index folder for the current plan."""
    state: str
    """``ready``, ``stale`` (some plans to add or delete: done on next use), ``missing``, ``broken``
    or ``memory`` (no usable cache directory: built in memory when needed)."""
    documents: int = 0
    """Paragraphs indexed."""
    vocabulary: int = 0
    """Words of the stored vocabulary."""
    built: str | None = None
    """When the build finished (ISO time, UTC)."""
    build_seconds: float | None = None
    """How long the build took."""
    plans: int = 0
    """Plans (documents) indexed."""
    pending: int = 0
    """Plans to add, change or delete before the index matches the corpus."""


def _fixed_terms(plan) -> list[str]:
    """The vocabulary terms that do not come from the paragraphs: registry names and aliases, topic words."""
    terms: list[str] = []
    reg = getattr(plan, "registry", None)
    if reg is not None and hasattr(reg, "departments"):
        for dep in reg.departments.values():
            terms.append(dep.name)
            terms.extend(dep.aliases)
    terms.extend(_topic_terms())
    return [t for t in terms if t]


def _task_terms(tasks) -> list[str]:
    """Vocabulary terms of some paragraphs: their departments, sub-units and target metrics."""
    terms: dict[str, None] = {}
    for t in tasks:
        for name in t.departments("any") + t.implied:
            terms[name] = None
        for subs in t.subunits.values():
            terms.update(dict.fromkeys(subs))
        for tg in t.targets:
            terms[tg.metric] = None
    return [t for t in terms if t]


def _topic_terms() -> list[str]:
    """Synonyms of kb/data/topics.yaml, read without validation (the answerer validates it)."""
    path = _DATA_DIR / "topics.yaml"
    if not path.exists():
        return []
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    out = []
    for group in data.get("topics", []) or []:
        if isinstance(group, list):
            out.extend(str(w) for w in group)
    return out



def _code_fingerprint() -> bytes:
    """What names an index folder besides its corpus: ``SCHEMA_VERSION`` and the files that decide its
    tokens (the segmenter, the fold, the vocabulary's topic words and department names).

    Not this file: editing how the index is searched or updated must not re-index 1,000 plans (~20
    minutes), so a change of what is indexed or of ``PlanAnalyzer`` bumps ``SCHEMA_VERSION``.  What each
    plan's documents hold is keyed per plan (``plan_keys``)."""
    h = hashlib.sha256(f"schema {SCHEMA_VERSION}\0".encode())
    for f in sorted(_QA_DIR.glob("*.py")) + sorted(_DATA_DIR.glob("*.yaml")):
        if f.name in ("tokenizer.py", "text.py", "topics.yaml") or f.name.startswith("departments"):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.digest()


def content_key(plan) -> str:
    """Hash of what the index is made of: tasks, vocabulary files, this code, SCHEMA_VERSION."""
    h = hashlib.sha256(_code_fingerprint())
    for t in plan.tasks:
        _hash_task(h, t)
    return h.hexdigest()[:24]


def _hash_task(h, t) -> None:
    h.update("\0".join([t.id, t.label, t.kind, t.title or "", t.text, *_role_values(t)]).encode())
    h.update(repr([(d.start, d.end) for d in t.deadlines]).encode())
    h.update(repr([g.metric for g in t.targets]).encode())


def _role_values(task) -> list[str]:
    return [",".join(getattr(task, r)) for r in ROLE_FIELDS] + [json.dumps(task.subunits, ensure_ascii=False, sort_keys=True)]


def _stored(plan) -> bool:
    """True for a plan read from the store: its index is kept per corpus and updated plan by plan."""
    return hasattr(plan, "refs") and hasattr(plan, "store")


def plan_keys(plan) -> dict[str, str]:
    """Document id → the key of its indexed content: the digest of its documents' fields the store computed
    when it parsed the plan (``kb.plan_rows.index_digest``: a change of the parsing rules that leaves them
    alone re-indexes nothing), else a hash of its paragraphs."""
    if _stored(plan):
        return plan.index_digests()
    hashes: dict[str, object] = {}
    for t in plan.tasks:
        _hash_task(hashes.setdefault(t.doc, hashlib.sha256()), t)
    out = {d.id: hashes[d.id].hexdigest()[:32] if d.id in hashes else "empty" for d in plan.documents}
    for doc, h in hashes.items():
        out.setdefault(doc, h.hexdigest()[:32])
    return out


def _document_tasks(plan, doc_id: str) -> list:
    if _stored(plan):
        key = next(r.key for r in plan.refs if r.doc_id == doc_id)
        return plan.tasks_where("t.plan = ? ORDER BY t.seq", (key,))
    return [t for t in plan.tasks if t.doc == doc_id]


def _schema(analyzer: PlanAnalyzer) -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        doc=ID(stored=True),
        plan=ID(stored=True),
        seq=STORED(),
        label=ID(stored=True),
        kind=ID(stored=True),
        title=TEXT(analyzer=analyzer, phrase=True, field_boost=3.0),
        body=TEXT(analyzer=analyzer, phrase=True),
        metrics=TEXT(analyzer=analyzer, phrase=False, field_boost=2.0),
        **{r: KEYWORD(commas=True) for r in ROLE_FIELDS},
        subunits=KEYWORD(commas=True),
        years=KEYWORD(commas=True),
    )


class PlanIndex:
    """An open index of one plan (search it; close it when done)."""

    def __init__(self, ix, path: Path | None, info: dict, searcher=None) -> None:
        self._ix = ix
        self.path = path
        """The index folder (None for an index held in memory)."""
        self.info = info
        """The marker's content: plan keys, documents, vocabulary size, build time."""
        self.analyzer: PlanAnalyzer = ix.schema["body"].analyzer
        """The analyzer the index was built with (queries use it too)."""
        self._searcher = searcher if searcher is not None else ix.searcher()
        _keep_term_lookups(self._searcher)
        self._doc_rank = {d: n for n, d in enumerate(info.get("docs", []))}

    def close(self) -> None:
        """Release the searcher's files."""
        self._searcher.close()
        self._ix.close()

    def tokens(self, text: str) -> list[str]:
        """``text`` segmented as the index segments queries."""
        return self.analyzer.segmenter.tokens(text)

    def search(self, text: str, limit: int | None = 10, *, require_all: bool = False,
               stop: frozenset[str] = frozenset(), kinds: tuple[str, ...] = ()) -> list[Hit]:
        """Ranked paragraphs for free text.

        Every token of ``text`` (but ``stop``) is looked up in title, body and
        metrics.  ``require_all`` keeps only paragraphs holding every token
        (exhaustive with ``limit=None``); otherwise paragraphs holding all the
        tokens rank first and partial matches follow.
        """
        terms = [t for t in dict.fromkeys(self.tokens(text)) if t not in stop]
        if not terms:
            return []
        per_term = [Or([Term("title", t), Term("body", t), Term("metrics", t)]) for t in terms]
        query = And(per_term) if require_all or len(per_term) == 1 else Or([And(per_term, boost=4.0), *per_term])
        if kinds:
            query = And([query, Or([Term("kind", k) for k in kinds])])
        results = self._searcher.search(query, limit=limit, terms=True)
        hits = []
        for r in results:
            matched = {t.decode() if isinstance(t, bytes) else t for f, t in r.matched_terms() if f in ("title", "body", "metrics")}
            found = [t for t in terms if t in matched]
            hits.append(Hit(r["id"], r.score, found))
        return hits

    def query_phrases(self, text: str, stop: frozenset[str] = frozenset()) -> list[str]:
        """The phrases ``kb search`` looks for in ``text`` (folded, in order, without repeats).

        A query word is a phrase, never a bag of its characters: 高铁站, a word no paragraph holds,
        must not find paragraphs holding 高 or 站.  Words are cut where the user cut them (spaces,
        punctuation: characters the index has no token for).  A word the plan holds as written is
        one phrase (不合格, 存在的问题).  A word it does not hold is cut again at each character of
        ``stop`` standing alone there (the segmenter emits it as a token of its own, covered by no
        word of the plan's vocabulary): 在秸秆和禁烧 looks for 秸秆 and 禁烧, 秸秆的 for 秸秆.  A word
        of nothing but such characters is dropped (``[]`` when nothing is left).
        """
        phrases: dict[str, None] = {}
        for part in text.split():
            folded = fold(part)
            for word in _runs(folded, set()):
                if all(ch in stop for ch in word):
                    continue
                if any(ch in stop for ch in word) and not self._holds(word):
                    cut = {start for tok, start, end in self.analyzer.segmenter.spans(word)
                           if end - start == 1 and tok in stop}
                    phrases.update(dict.fromkeys(_runs(word, cut)))
                else:
                    phrases[word] = None
        return list(phrases)

    def _holds(self, phrase: str) -> bool:
        """True when some paragraph holds ``phrase`` as written."""
        query = self._phrase_query(phrase)
        return query is not None and bool(self._searcher.search(query, limit=1))

    def _phrase_query(self, phrase: str):
        """``phrase``'s index units at consecutive positions in the title or body (one unit: that token in the
        title, body or metrics); None when it has no unit."""
        units = unit_tokens(self.analyzer.segmenter, phrase)
        if not units:
            return None
        if len(units) == 1:
            return Or([Term("title", units[0]), Term("body", units[0]), Term("metrics", units[0])])
        return Or([Phrase("title", units), Phrase("body", units)])

    def search_phrases(self, phrases: list[str], limit: int | None = 10) -> list[Hit]:
        """Ranked paragraphs holding every phrase of ``phrases`` (``query_phrases``), each as written.

        A phrase is its index units (CJK characters, Latin/digit runs) at consecutive positions
        in the title or the body (``PlanAnalyzer``), a phrase of one unit that token in the title,
        body or metrics: the hits are the paragraphs a plain-text search for every phrase would
        find, ranked by Whoosh's BM25F.  ``Hit.terms`` are the phrases (all of them matched).
        """
        per_phrase = [q for q in map(self._phrase_query, phrases) if q is not None]
        if not per_phrase:
            return []
        query = per_phrase[0] if len(per_phrase) == 1 else And(per_phrase)
        results = self._searcher.search(query, limit=limit)
        return [Hit(r["id"], r.score, list(phrases)) for r in results]

    def phrase_ids(self, text: str) -> list[str]:
        """Ids of every paragraph holding ``text`` as a phrase (tokens in order), in plan order."""
        words = unit_tokens(self.analyzer.segmenter, fold(text))
        if not words:
            return []
        query = Or([Phrase("title", words), Phrase("body", words)]) if len(words) > 1 else Or(
            [Term("title", words[0]), Term("body", words[0])])
        return self._in_order(self._searcher.search(query, limit=None))

    def ids_with(self, field: str, value: str) -> list[str]:
        """Ids of every paragraph whose structured ``field`` holds ``value`` (exhaustive, plan order)."""
        if field not in (*ROLE_FIELDS, "subunits", "years", "kind", "label", "doc"):
            raise KbError(f"检索索引中没有结构字段 {field!r}")
        return self._in_order(self._searcher.search(Term(field, value), limit=None, sortedby=None))

    def _in_order(self, results) -> list[str]:
        rank = self._doc_rank
        found = [(rank.get(r["doc"], len(rank)), r.get("seq", 0), r["id"]) for r in results]
        return [tid for _, _, tid in sorted(found)]

    @property
    def doc_count(self) -> int:
        """Number of paragraphs indexed."""
        return self._ix.doc_count()


class _KeptTerms:
    """A segment's term table (Whoosh's ``W3TermsReader``) that looks each term up once.

    A question's search asks the table about the same few dozen terms many times over: whether each
    (field, term) is there, its document frequency for BM25 and for ordering the query tree
    (``estimate_size``, several times per term), its term info to read its postings.  Each lookup hashes
    the key and reads the table's file; on the bundled plan that was a third of a topic question's search.
    A segment never changes once written, so each answer is kept for the life of the searcher (the
    segments of an index updated later get a new searcher and new tables).  The answers are the
    table's own, so the search finds and scores exactly as before.
    """

    __slots__ = ("_terms", "_kept")

    def __init__(self, terms) -> None:
        self._terms = terms
        self._kept: dict[tuple, tuple] = {}

    def _ask(self, how: str, fieldname: str, tbytes: bytes):
        key = (how, fieldname, tbytes)
        kept = self._kept.get(key)
        if kept is None:
            try:
                kept = (True, getattr(self._terms, how)(fieldname, tbytes))
            except Exception as exc:  # noqa: BLE001 - a term not there (KeyError, TermNotFound): raised again as is
                kept = (False, type(exc), exc.args)
            self._kept[key] = kept
        if kept[0]:
            return kept[1]
        raise kept[1](*kept[2])

    def __contains__(self, term) -> bool:
        key = ("in", *term)
        kept = self._kept.get(key)
        if kept is None:
            kept = self._kept[key] = (True, term in self._terms)
        return kept[1]

    def term_info(self, fieldname, tbytes):
        return self._ask("term_info", fieldname, tbytes)

    def frequency(self, fieldname, tbytes):
        return self._ask("frequency", fieldname, tbytes)

    def doc_frequency(self, fieldname, tbytes):
        return self._ask("doc_frequency", fieldname, tbytes)

    def matcher(self, fieldname, tbytes, format_, scorer=None):
        # W3TermsReader.matcher, with the kept term info (a matcher only reads it)
        terms = self._terms
        return terms._codec.postings_reader(terms._postfile, self.term_info(fieldname, tbytes), format_,
                                            term=(fieldname, tbytes), scorer=scorer)

    def __getattr__(self, name):
        return getattr(self._terms, name)


def _keep_term_lookups(searcher) -> None:
    """Give each segment reader of ``searcher`` a ``_KeptTerms`` table (Whoosh's own table kept otherwise)."""
    from whoosh.codec.whoosh3 import W3TermsReader

    for reader, _ in searcher.reader().leaf_readers():
        terms = getattr(reader, "_terms", None)
        if type(terms) is W3TermsReader:
            reader._terms = _KeptTerms(terms)


def index_path(plan) -> Path:
    """Where the index of ``plan`` lives (whether built or not)."""
    from kb.store import cache_dir

    return cache_dir() / f"index-{index_key(plan)}"


def index_key(plan) -> str:
    """The name of the index: the corpus (a stored plan's folders) or the whole content (any other plan)."""
    if not _stored(plan):
        return content_key(plan)
    h = hashlib.sha256(_code_fingerprint())
    for folder in sorted({str(Path(r.path).resolve().parent) for r in plan.refs}):
        h.update(folder.encode() + b"\0")
    if len(plan.refs) == 1:  # one file given as the corpus: not the same index as its folder's
        h.update(b"file\0" + Path(plan.refs[0].path).name.encode())
    return h.hexdigest()[:24]


def _open_dir(path: Path):
    """The Whoosh index in folder ``path``, its segment files read from the file as needed.

    Not Whoosh's default (``open_dir``: the compound segment file memory-mapped): a reader then copies
    each segment's postings out of the map into a ``BytesIO`` (whoosh.filedb.compound.CompoundStorage),
    so opening the index of 1,000 plans held its 130 MB twice (mapped pages and the copies: 270 MB, the
    TUI's peak at its first screen) and took 0.3-0.4 s; read through the file it holds 32 MB, opens in
    0.1 s (measured on the bench corpus, README "Many plans").  But every posting read then is a seek and a
    read of the file: on a small index, whose copy costs little memory, that made the warm answers of the
    bundled plan's topic questions 1.5-2.5 ms slower (p95 9.8 → 11 ms).  So an index under
    ``MAP_BELOW_BYTES`` is opened as Whoosh opens it, a larger one through the file.
    """
    from whoosh.filedb.filestore import FileStorage

    try:
        size = sum(f.stat().st_size for f in path.iterdir() if f.is_file())
    except OSError:
        size = MAP_BELOW_BYTES  # (unreadable here: the open below says what is wrong)
    return FileStorage(str(path), supports_mmap=size < MAP_BELOW_BYTES).open_index()


#: Index size (bytes, all its files) under which the segment files are memory-mapped and copied into memory
#: (Whoosh's default, fastest to search); the bundled plan's index is ~0.3 MB, 1,000 plans' ~130 MB.
MAP_BELOW_BYTES = 16 * 1024 * 1024


def _read_marker(path: Path) -> dict:
    info = json.loads((path / MARKER).read_text(encoding="utf-8"))
    if not isinstance(info, dict) or not isinstance(info.get("plans"), dict):
        raise ValueError("marker without its plan list")
    return info


def _pending(info: dict, keys: dict[str, str]) -> tuple[list[str], list[str]]:
    """(documents to delete, documents to add) to go from the index's plans to ``keys``."""
    have = info.get("plans", {})
    drop = [d for d, k in have.items() if keys.get(d) != k]
    add = [d for d, k in keys.items() if have.get(d) != k]
    return drop, add


def state(plan) -> IndexState:
    """The state of the index of ``plan`` without building or updating it."""
    from kb.store import cache_problem

    path = index_path(plan)
    if cache_problem(path.parent) is not None:
        return IndexState(path, "memory")
    if not path.exists() and not path.is_symlink():
        return IndexState(path, "missing")
    try:
        if path.is_symlink() or not path.is_dir():
            raise ValueError("not a folder")
        info = _read_marker(path)
        ix = _open_dir(path)
        docs = ix.doc_count()
        generation = ix.latest_generation()
        ix.close()
        if info.get("generation") == generation and docs != info.get("documents"):
            raise ValueError("document count differs")
    except Exception:  # noqa: BLE001 - any failure to open means broken
        return IndexState(path, "broken")
    drop, add = _pending(info, plan_keys(plan))
    pending = len(set(drop) | set(add))
    return IndexState(path, "stale" if pending else "ready", docs, info.get("vocabulary", 0), info.get("built"),
                      info.get("build_seconds"), len(info.get("plans", {})), pending)


#: Seconds per paragraph a build takes, until one was measured on this machine (see ``estimate``).
DEFAULT_RATE = 0.0025


def estimate(paragraphs: int) -> float:
    """Rough seconds to index ``paragraphs`` paragraphs, from the last build measured here."""
    from kb.store import cache_dir

    try:
        rate = float(json.loads((cache_dir() / "index-rate.json").read_text(encoding="utf-8"))["seconds_per_paragraph"])
    except (OSError, ValueError, KeyError, TypeError):
        rate = DEFAULT_RATE
    return 1.0 + paragraphs * rate


def _record_rate(paragraphs: int, seconds: float) -> None:
    from kb.store import atomic_write_bytes, usable_cache_dir

    folder = usable_cache_dir()
    if folder is None or paragraphs < 500:
        return
    try:
        atomic_write_bytes(folder / "index-rate.json",
                           json.dumps({"seconds_per_paragraph": seconds / paragraphs}).encode())
    except OSError:
        pass


#: Builds or updates expected to take longer than this (seconds) are announced with an estimate.
ANNOUNCE_AFTER = 3.0

#: A full build of at least this many paragraphs runs Whoosh's writer in one process per CPU (at most
#: four) unless ``procs`` says otherwise; smaller builds would spend more on starting the processes.
PARALLEL_PARAGRAPHS = 5000


def build_procs(paragraphs: int, procs: int | None = None) -> int:
    """Writer processes of a full build of ``paragraphs`` paragraphs: ``procs`` when given, else by size."""
    if procs is not None:
        return max(1, procs)
    return min(os.cpu_count() or 1, 4) if paragraphs >= PARALLEL_PARAGRAPHS else 1


def open_index(plan, *, rebuild: bool = False, progress=None, notice=None, procs: int | None = None) -> PlanIndex:
    """Open the index of ``plan``: built first when missing or broken, updated when plans changed.

    ``progress(step)`` hears about a build's steps (``kb.store.Step``: a str with
    ``done``/``total``); ``notice(msg)`` gets one line when a broken index is
    replaced, or when a long build starts (with an estimate of its duration).
    ``procs``: Whoosh writer processes of a full build (default: ``build_procs``).
    Without a usable cache directory the index is built in memory.
    """
    from kb.store import usable_cache_dir

    folder = usable_cache_dir()
    if folder is None:
        return _memory_index(plan, progress, notice)
    path = folder / f"index-{index_key(plan)}"
    try:
        if rebuild:
            _remove(path)
        elif path.exists() or path.is_symlink():
            try:
                if path.is_symlink() or not path.is_dir():
                    raise ValueError("a symbolic link or a file where the index folder belongs")
                return _open_synced(path, plan, progress, notice, procs)
            except _WRITE_ERRORS:
                raise
            except Exception as exc:  # noqa: BLE001 - a broken index is rebuilt, whatever broke it
                if notice:
                    notice(f"无法打开 {path} 的搜索索引（{exc.__class__.__name__}），正在重建")
                _remove(path)
        _announce(plan, None, notice)
        build(plan, path, progress=progress, procs=procs)
        return _open(path)
    except _WRITE_ERRORS as exc:
        # Read-only or full: the index of this run lives in memory.
        from kb.store import cache_unwritable

        cache_unwritable(folder, exc)
        return _memory_index(plan, progress, None)


class _WriteError(OSError):
    """Writing the index failed for want of space or permission."""


def _is_write_error(exc: BaseException) -> bool:
    import errno

    return isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EROFS, errno.EDQUOT)


_WRITE_ERRORS = (PermissionError, _WriteError)


def _announce(plan, paragraphs: int | None, notice) -> None:
    if paragraphs is None:
        paragraphs = _count_paragraphs(plan)
    seconds = estimate(paragraphs)
    if seconds >= ANNOUNCE_AFTER:
        message = f"正在建立搜索索引（{paragraphs} 段，约需 {seconds:.0f} 秒；`kb index` 可预先建立）…"
        if notice:
            notice(message)
        else:
            import sys

            print(f"kb: {message}", file=sys.stderr)


def _count_paragraphs(plan) -> int:
    if _stored(plan):
        return sum(n for (n,) in plan.store.query(
            f"SELECT ntasks FROM plans WHERE key IN ({','.join('?' * len(plan.refs))})", [r.key for r in plan.refs]))
    return len(plan.tasks)


def _open(path: Path) -> PlanIndex:
    info = _read_marker(path)
    ix = _open_dir(path)
    # The document count is checked on the searcher the questions use: ``ix.doc_count()`` opened a reader
    # of every segment of its own (150 ms at 1,000 plans, paid again by the searcher).
    searcher = ix.searcher()
    try:
        if info.get("generation") == ix.latest_generation() and searcher.doc_count() != info.get("documents"):
            raise ValueError("document count differs from the build's record")
        if info.get("generation") != ix.latest_generation():
            # Killed between a commit and the marker's rewrite: read the plans from the index itself.
            info = _resync_marker(ix, path, info)
    except BaseException:
        searcher.close()
        ix.close()
        raise
    return PlanIndex(ix, path, info, searcher)


def _resync_marker(ix, path: Path, info: dict) -> dict:
    with ix.searcher() as s:
        plans: dict[str, str] = {}
        for fields in s.all_stored_fields():
            plans.setdefault(fields["doc"], fields["plan"])
        docs = s.doc_count()
    order = [d for d in info.get("docs", []) if d in plans] + sorted(d for d in plans if d not in info.get("docs", []))
    info = dict(info, plans={d: plans[d] for d in order}, docs=order, documents=docs, generation=ix.latest_generation())
    _write_marker(path, info)
    return info


def _write_marker(path: Path, info: dict) -> None:
    from kb.store import atomic_write_bytes

    atomic_write_bytes(path / MARKER, json.dumps(info, ensure_ascii=False).encode("utf-8"))


def _open_synced(path: Path, plan, progress, notice, procs: int | None) -> PlanIndex:
    ix = _open(path)
    keys = plan_keys(plan)
    drop, add = _pending(ix.info, keys)
    if not drop and not add and ix.info.get("docs") == list(keys):
        return ix
    ix.close()
    sync(path, plan, progress=progress, notice=notice, procs=procs)
    return _open(path)


def _words_of(tasks, fixed: list[str]) -> set[str]:
    texts = [t.text for t in tasks] + [t.title for t in tasks if t.title]
    return vocabulary_from_texts(texts, fixed + _task_terms(tasks))


def _add(writer, tasks, plan_key: str) -> None:
    for n, t in enumerate(tasks):
        _add_one(writer, t, n, plan_key)


def sync(path: Path, plan, progress=None, notice=None, procs: int | None = None) -> float:
    """Bring the index at ``path`` to ``plan``: delete and add the documents of changed plans only."""
    from kb.store import Step

    say = progress or _terminal_progress()
    started = time.perf_counter()
    ix = _open_dir(path)
    writer = ix.writer(timeout=600.0, delay=0.25)
    try:
        # Under the write lock: another process may have done the same update meanwhile.
        info = _read_marker(path)
        if info.get("generation") != ix.latest_generation():
            info = _resync_marker(ix, path, info)
        keys = plan_keys(plan)
        drop, add = _pending(info, keys)
        fixed = _fixed_terms(plan)
        analyzer = writer.schema["body"].analyzer
        old_words = set(analyzer.segmenter.words)
        added_tasks = {d: _document_tasks(plan, d) for d in add}
        paragraphs = sum(len(v) for v in added_tasks.values())
        if paragraphs:
            _announce(plan, paragraphs, notice)
        say(Step(f"正在提取新方案的词表（{len(add)} 个方案）…", 0, max(paragraphs, 1)))
        # Compared as the segmenter keeps words (folded, at most MAX_WORD characters): a longer target
        # metric was "new" at every update and re-indexed a paragraph of every plan.
        new_words = set(Segmenter(_words_of([t for ts in added_tasks.values() for t in ts], fixed)).words) - old_words \
            if add else set()
        # Paragraphs already indexed that hold a new word are indexed again with it.
        again = _holding(plan, new_words, skip=set(add)) if new_words else {}
        if new_words:
            _set_words(writer.schema, old_words | new_words)
        analyzer = writer.schema["body"].analyzer
        analyzer.memo = {}
        # One query per thousand terms: Whoosh opens a new reader of every segment for each delete_by_term
        # (1,001 deletes took 160 s at 1,000 plans).
        _delete_all(writer, "doc", drop)
        _delete_all(writer, "id", list(again))
        done = 0
        total = paragraphs + len(again)
        for d in add:
            _add(writer, added_tasks[d], keys[d])
            done += len(added_tasks[d])
            say(Step(f"正在写入索引 {done}/{total} 段", done, total))
        for tid, (t, seq, key) in again.items():
            _add_one(writer, t, seq, key)
        say(Step("正在合并索引…", total, total))
        # An update adds one small segment; merging at every update could rewrite big segments
        # (tens of seconds at 1,000 plans), so segments are merged only once they pile up.
        from whoosh.writing import NO_MERGE

        writer.commit(mergetype=None if len(ix._segments()) > 12 else NO_MERGE)
        analyzer.memo = None
    except BaseException:
        writer.cancel()
        ix.close()
        raise
    ix.close()
    ix = _open_dir(path)
    seconds = time.perf_counter() - started
    info = dict(info, plans=dict(keys), docs=list(keys), documents=ix.doc_count(), generation=ix.latest_generation(),
                vocabulary=len(ix.schema["body"].analyzer.segmenter.words),
                updated=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    ix.close()
    _write_marker(path, info)
    _record_rate(total, seconds)
    say("索引已就绪")
    return seconds


def _delete_all(writer, field: str, values: list[str], chunk: int = 1000) -> None:
    """Delete the documents whose ``field`` is one of ``values``, a thousand values a query."""
    for i in range(0, len(values), chunk):
        part = values[i:i + chunk]
        writer.delete_by_query(Or([Term(field, v) for v in part]) if len(part) > 1 else Term(field, part[0]))


def _add_one(writer, t, seq: int, key: str) -> None:
    # The fields are kb.plan_rows.index_fields: the digest that keys a stored plan's documents hashes them.
    writer.add_document(plan=key, **index_fields(t, seq))


def _holding(plan, words: set[str], skip: set[str]) -> dict:
    """Task id → (task, seq, plan key) of paragraphs outside ``skip`` documents whose text holds one of ``words``."""
    import re

    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    keys = plan_keys(plan)
    out = {}
    if _stored(plan):
        # The store keeps every paragraph's folded title and body: scan those, load only the hits.
        by_key = {r.key: r.doc_id for r in plan.refs if r.doc_id not in skip}
        hits = [(p, s) for p, s, text in plan.store.cursor("SELECT plan, seq, text FROM folded")
                if p in by_key and pattern.search(text)]
        for (p, s), t in zip(hits, plan.tasks_at(hits)):
            out[t.id] = (t, s, keys[by_key[p]])
        return out
    for d in keys:
        if d in skip:
            continue
        for seq, t in enumerate(_document_tasks(plan, d)):
            if pattern.search(fold(f"{t.title or ''}\n{t.body or t.text}")):
                out[t.id] = (t, seq, keys[d])
    return out


def _set_words(schema, words) -> None:
    segmenter = Segmenter(words)
    for name in ("title", "body", "metrics"):
        schema[name].analyzer.segmenter = segmenter
        schema[name].analyzer.memo = None


def _terminal_progress():
    from kb.store import terminal_progress

    return terminal_progress()


#: How ``kb index --progress-lines`` writes a step on stderr: the mark, done, total, the message.
PROGRESS_MARK = "kb-progress"


def _remove(path: Path) -> None:
    # Rename first so a concurrent reader never sees a half-deleted folder under the live name.
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        try:
            os.unlink(path)
        except OSError:
            pass
        return
    trash = path.with_name(f".trash-{path.name}-{os.getpid()}-{time.monotonic_ns()}")
    try:
        os.replace(path, trash)
    except OSError:
        return
    shutil.rmtree(trash, ignore_errors=True)


def _private_ram_storage():
    """Whoosh's in-memory storage, but spilling its posting pool into a folder of its own.

    Whoosh's ``RamStorage`` writes its temporary files under ``$TMPDIR/MAIN.tmp``, one folder
    for every process on the machine: two in-memory builds at once (two kb processes with an
    unusable cache) deleted each other's files.  Here each storage gets a private 0700 folder
    (``mkdtemp``), removed when the storage is collected or the process ends.
    """
    import weakref

    from whoosh.filedb.filestore import FileStorage, RamStorage

    class PrivateRamStorage(RamStorage):
        def __init__(self) -> None:
            super().__init__()
            self.temp_root = tempfile.mkdtemp(prefix="kb-index-")
            weakref.finalize(self, shutil.rmtree, self.temp_root, True)

        def temp_storage(self, name=None):
            folder = tempfile.mkdtemp(dir=self.temp_root, prefix=f"{name or 'tmp'}-")
            return FileStorage(folder).create()

    return PrivateRamStorage()


def _new_index(storage_dir: Path | None, plan, say, procs: int):
    """Create an index of ``plan`` (in ``storage_dir``, or in memory) and fill it; return (ix, info)."""
    from kb.store import Step

    keys = plan_keys(plan)
    docs = list(keys)
    total = _count_paragraphs(plan)
    say(Step("正在提取方案词表（首次建索引）…", 0, total))
    # Two streaming passes over the tasks (a stored plan of 1,000 files never holds them all):
    # the distinct texts for jieba, then the documents for Whoosh.
    texts: dict[str, None] = {}
    terms: dict[str, None] = {}
    for t in plan.iter_tasks():
        texts[t.text] = None
        if t.title:
            texts[t.title] = None
        terms.update(dict.fromkeys(_task_terms([t])))
    words = vocabulary_from_texts(list(texts), _fixed_terms(plan) + list(terms))
    del texts
    analyzer = PlanAnalyzer(Segmenter(words))
    if storage_dir is None:
        ix = _private_ram_storage().create_index(_schema(analyzer))
    else:
        ix = windex.create_in(str(storage_dir), _schema(analyzer))
    writer = ix.writer(procs=procs, multisegment=procs > 1) if procs > 1 else ix.writer()
    writer_analyzer = writer.schema["body"].analyzer
    writer_analyzer.memo = {}
    done = 0
    seq: dict[str, int] = {}
    for t in plan.iter_tasks():
        n = seq[t.doc] = seq.get(t.doc, -1) + 1
        _add_one(writer, t, n, keys.get(t.doc, ""))
        done += 1
        if done % 50 == 0 or done == total:
            say(Step(f"正在写入索引 {done}/{total} 段", done, total))
    say(Step("正在合并索引…", total, total))
    writer.commit()
    writer_analyzer.memo = None
    analyzer.memo = None
    info = {
        "key": storage_dir.name if storage_dir is not None else "memory",
        "schema": SCHEMA_VERSION,
        "documents": ix.doc_count(),
        "vocabulary": len(words),
        "plans": keys,
        "docs": docs,
        "generation": ix.latest_generation(),
    }
    return ix, info


def _memory_index(plan, progress, notice) -> PlanIndex:
    say = progress or _terminal_progress()
    _announce(plan, None, notice)
    started = time.perf_counter()
    ix, info = _new_index(None, plan, say, 1)
    info.update(built=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                build_seconds=round(time.perf_counter() - started, 3))
    say("索引已就绪")
    return PlanIndex(ix, None, info)


def build(plan, path: Path, progress=None, procs: int | None = None) -> float:
    """Build the index of ``plan`` into ``path`` atomically; return the seconds taken."""
    say = progress or _terminal_progress()
    procs = build_procs(_count_paragraphs(plan), procs)
    started = time.perf_counter()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".build-{path.name}-"))
    except OSError as exc:
        if _is_write_error(exc):
            raise _WriteError(exc.errno, reason(exc)) from exc
        raise
    try:
        ix, info = _new_index(tmp, plan, say, procs)
        ix.close()
        seconds = time.perf_counter() - started
        info.update(key=path.name, built=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    build_seconds=round(seconds, 3))
        (tmp / MARKER).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        try:
            os.rename(tmp, path)
        except OSError:
            # Another process finished the same build first: theirs is as good as ours.
            if not (path / MARKER).exists():
                raise
            shutil.rmtree(tmp, ignore_errors=True)
        _record_rate(info["documents"], seconds)
        say("索引已就绪")
        return seconds
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if _is_write_error(exc) and not isinstance(exc, _WriteError):
            raise _WriteError(exc.errno, reason(exc)) from exc
        raise
