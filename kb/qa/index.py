"""The Whoosh index of the plan: the only module of kb that imports whoosh.

One Whoosh document per paragraph of the plan: the title (boosted) and body
segmented by ``PlanAnalyzer`` (the plan's own vocabulary, see
kb/qa/tokenizer.py), and structured fields for each role's departments, the
sub-units, deadline years and target metrics, so that "every task X leads" is
one exhaustive query (``PlanIndex.ids_with``), not a top-k.

The index lives in ``kb.store.cache_dir()/index-<key>``, ``key`` being a hash of
the plan's content, the vocabulary files and ``SCHEMA_VERSION``: any change to
the corpus, the parsing rules or this code's schema gives a new key and a new
build.  A build writes into a temporary folder and renames it into place, so a
build killed halfway or two processes building at once never leave a broken
index; an index that fails to open is removed and rebuilt with a one-line notice.
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
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.query import And, Or, Phrase, Term

from kb.errors import KbError
from kb.model import ROLES
from kb.qa.text import fold, is_cjk
from kb.qa.tokenizer import Segmenter, vocabulary_from_texts

#: Bump when the schema, the analyzer or what is indexed changes.
SCHEMA_VERSION = 4

#: File written last into a finished build; an index folder without it is broken.
MARKER = "kb-index.json"

_QA_DIR = Path(__file__).resolve().parent
_DATA_DIR = _QA_DIR.parent / "data"

#: Structured fields: name → how to read its values from a Task.
ROLE_FIELDS = (*ROLES, "implied")


class PlanAnalyzer(Analyzer):
    """Whoosh analyzer over ``Segmenter``: small, picklable, imports nothing heavy.

    Every CJK character is also emitted on its own, so a query token that occurs
    in a paragraph as a substring always matches it.  A token's position is the
    ordinal of the text unit it starts at (a CJK character or a Latin run such as
    ``pm2.5``), numbered in order; a word shares the position of its first
    character.  Consecutive units thus have consecutive positions whatever words
    overlap them, which is what ``PlanIndex.phrase_ids`` relies on.
    """

    def __init__(self, segmenter: Segmenter) -> None:
        self.segmenter = segmenter

    def __eq__(self, other) -> bool:
        return isinstance(other, PlanAnalyzer) and self.segmenter.words == other.segmenter.words

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        text = fold(value)
        unit = unit_positions(text)
        # In position order (a word first, then the characters it starts with): positions never go back.
        spans = sorted(self._spans(text, mode), key=lambda sp: (unit[sp[1]], -(sp[2] - sp[1])))
        for tok, start, end in spans:
            t.text = tok
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = tok
            if positions:
                t.pos = start_pos + unit[start]
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
    """``ready``, ``missing`` or ``broken``."""
    documents: int = 0
    """Paragraphs indexed."""
    vocabulary: int = 0
    """Words of the stored vocabulary."""
    built: str | None = None
    """When the build finished (ISO time, UTC)."""
    build_seconds: float | None = None
    """How long the build took."""


def vocabulary_terms(plan) -> list[str]:
    """Terms that must stay whole tokens: department names, sub-units, aliases, topic words, titles."""
    terms: list[str] = []
    reg = getattr(plan, "registry", None)
    if reg is not None and hasattr(reg, "departments"):
        for dep in reg.departments.values():
            terms.append(dep.name)
            terms.extend(dep.aliases)
    terms.extend(plan.departments())
    terms.extend(plan.subunits())
    for t in plan.tasks:
        for tg in t.targets:
            terms.append(tg.metric)
    terms.extend(_topic_terms())
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


def content_key(plan) -> str:
    """Hash of what the index is made of: tasks, vocabulary files, this code, SCHEMA_VERSION."""
    h = hashlib.sha256(f"schema {SCHEMA_VERSION}\0".encode())
    for f in sorted(_QA_DIR.glob("*.py")) + sorted(_DATA_DIR.glob("*.yaml")):
        if f.name in ("index.py", "tokenizer.py", "text.py", "topics.yaml") or f.name.startswith("departments"):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    for t in plan.tasks:
        h.update("\0".join([t.id, t.label, t.kind, t.title or "", t.text, *_role_values(t)]).encode())
        h.update(repr([(d.start, d.end) for d in t.deadlines]).encode())
        h.update(repr([g.metric for g in t.targets]).encode())
    return h.hexdigest()[:24]


def _role_values(task) -> list[str]:
    return [",".join(getattr(task, r)) for r in ROLE_FIELDS] + [json.dumps(task.subunits, ensure_ascii=False, sort_keys=True)]


def _schema(analyzer: PlanAnalyzer) -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        doc=ID(stored=True),
        label=ID(stored=True),
        kind=ID(stored=True),
        title=TEXT(analyzer=analyzer, phrase=True, field_boost=3.0),
        body=TEXT(analyzer=analyzer, phrase=True),
        metrics=TEXT(analyzer=analyzer, phrase=False, field_boost=2.0),
        lead=KEYWORD(commas=True),
        guide=KEYWORD(commas=True),
        support=KEYWORD(commas=True),
        sole=KEYWORD(commas=True),
        shared=KEYWORD(commas=True),
        implied=KEYWORD(commas=True),
        subunits=KEYWORD(commas=True),
        years=KEYWORD(commas=True),
    )


def _years(task) -> list[str]:
    years = set()
    for d in task.deadlines:
        for iso in (d.start, d.end):
            if iso:
                years.add(iso[:4])
    return sorted(years)


class PlanIndex:
    """An open index of one plan (search it; close it when done)."""

    def __init__(self, ix, path: Path, info: dict) -> None:
        self._ix = ix
        self.path = path
        """The index folder."""
        self.info = info
        """The marker's content: key, documents, vocabulary size, build time."""
        self.analyzer: PlanAnalyzer = ix.schema["body"].analyzer
        """The analyzer the index was built with (queries use it too)."""
        self._searcher = ix.searcher()

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

    def phrase_ids(self, text: str) -> list[str]:
        """Ids of every paragraph holding ``text`` as a phrase (tokens in order), in plan order."""
        words = unit_tokens(self.analyzer.segmenter, fold(text))
        if not words:
            return []
        query = Or([Phrase("title", words), Phrase("body", words)]) if len(words) > 1 else Or(
            [Term("title", words[0]), Term("body", words[0])])
        return sorted((r["id"] for r in self._searcher.search(query, limit=None)), key=self._order)

    def ids_with(self, field: str, value: str) -> list[str]:
        """Ids of every paragraph whose structured ``field`` holds ``value`` (exhaustive, index order)."""
        if field not in (*ROLE_FIELDS, "subunits", "years", "kind", "label", "doc"):
            raise KbError(f"检索索引中没有结构字段 {field!r}")
        results = self._searcher.search(Term(field, value), limit=None, sortedby=None)
        return sorted((r["id"] for r in results), key=self._order)

    def _order(self, task_id: str) -> int:
        return self.info.get("order", {}).get(task_id, 0)

    @property
    def doc_count(self) -> int:
        """Number of paragraphs indexed."""
        return self._ix.doc_count()


def index_path(plan) -> Path:
    """Where the index of ``plan`` lives (whether built or not)."""
    from kb.store import cache_dir

    return cache_dir() / f"index-{content_key(plan)}"


def state(plan) -> IndexState:
    """The state of the index of ``plan`` without building it."""
    path = index_path(plan)
    if not path.exists():
        return IndexState(path, "missing")
    try:
        info = json.loads((path / MARKER).read_text(encoding="utf-8"))
        ix = windex.open_dir(str(path))
        docs = ix.doc_count()
        ix.close()
    except Exception:  # noqa: BLE001 - any failure to open means broken
        return IndexState(path, "broken")
    return IndexState(path, "ready", docs, info.get("vocabulary", 0), info.get("built"), info.get("build_seconds"))


def open_index(plan, *, rebuild: bool = False, progress=None, notice=None) -> PlanIndex:
    """Open the index of ``plan``, building it first when missing, stale or broken.

    ``progress(msg)`` hears about a build's steps; ``notice(msg)`` gets the
    one-line message when a broken index is replaced.
    """
    path = index_path(plan)
    if path.exists() and not rebuild:
        try:
            return _open(path)
        except Exception as exc:  # noqa: BLE001 - a broken index is rebuilt, whatever broke it
            if notice:
                notice(f"search index at {path} could not be opened ({exc.__class__.__name__}); rebuilding it")
            _remove(path)
    elif path.exists():
        _remove(path)
    build(plan, path, progress=progress)
    return _open(path)


def _open(path: Path) -> PlanIndex:
    info = json.loads((path / MARKER).read_text(encoding="utf-8"))
    ix = windex.open_dir(str(path))
    if ix.doc_count() != info.get("documents"):
        ix.close()
        raise ValueError("document count differs from the build's record")
    return PlanIndex(ix, path, info)


def _remove(path: Path) -> None:
    # Rename first so a concurrent reader never sees a half-deleted folder under the live name.
    trash = path.with_name(f".trash-{path.name}-{os.getpid()}-{time.monotonic_ns()}")
    try:
        os.replace(path, trash)
    except OSError:
        return
    shutil.rmtree(trash, ignore_errors=True)


def build(plan, path: Path, progress=None) -> float:
    """Build the index of ``plan`` into ``path`` atomically; return the seconds taken."""
    say = progress or (lambda msg: None)
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path.parent)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".build-{path.name}-"))
    try:
        say("正在提取方案词表（首次建索引）…")
        texts = [t.text for t in plan.tasks] + [t.title for t in plan.tasks if t.title]
        words = vocabulary_from_texts(texts, vocabulary_terms(plan))
        analyzer = PlanAnalyzer(Segmenter(words))
        ix = windex.create_in(str(tmp), _schema(analyzer))
        say(f"正在写入索引（{len(plan.tasks)} 段）…")
        writer = ix.writer()
        order = {}
        for n, t in enumerate(plan.tasks):
            order[t.id] = n
            writer.add_document(
                id=t.id,
                doc=t.doc,
                label=t.label,
                kind=t.kind,
                title=t.title or "",
                body=t.body or t.text,
                metrics=" ".join(f"{g.metric} {g.scope or ''}" for g in t.targets),
                **{r: ",".join(getattr(t, r)) for r in ROLE_FIELDS},
                subunits=",".join(s for subs in t.subunits.values() for s in subs),
                years=",".join(_years(t)),
            )
        writer.commit()
        ix.close()
        seconds = time.perf_counter() - started
        info = {
            "key": path.name,
            "schema": SCHEMA_VERSION,
            "documents": len(plan.tasks),
            "vocabulary": len(words),
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(seconds, 3),
            "order": order,
        }
        (tmp / MARKER).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        try:
            os.rename(tmp, path)
        except OSError:
            # Another process finished the same build first: theirs is as good as ours.
            if not (path / MARKER).exists():
                raise
            shutil.rmtree(tmp, ignore_errors=True)
        say("索引已就绪")
        return seconds
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _sweep(folder: Path, older_than: float = 3600.0) -> None:
    """Remove leftovers of builds killed halfway (temporary folders older than an hour)."""
    now = time.time()
    for p in folder.glob(".build-index-*"):
        try:
            if now - p.stat().st_mtime > older_than:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass
    for p in folder.glob(".trash-index-*"):
        shutil.rmtree(p, ignore_errors=True)
