"""Finding the corpus, reading its files, and the store of parsed plans.

``load_plan()`` is what every command calls.  Parsed plans are kept in one
SQLite file in the cache directory (``store.sqlite3``, WAL mode: many readers,
one writer), one set of rows per plan file keyed by the hash of the file's
bytes, its name and the parsing rules (``rules_fingerprint``):

- ``plans``: the document (JSON of ``Document.to_dict``), its departments and sub-units, and the digest of what it
  says (``content``: two files of one plan in a corpus are read once, ``StoredPlan.same_plans``);
- ``tasks``: every paragraph as the JSON array of its field values (``kb.plan_rows.task_row``,
  rebuilt with ``kb.model.from_values``, so a field added to the model needs no change
  here), with its id, label, part and section as columns, and its duty-list heading and
  deadline/target line as ``kb duties`` prints them (kb/listing.py);
- ``roles`` (department, role, task, and the task's other departments as that department's
  duty list prints them) indexed on the department (a sub-unit gets the rows of the
  department it is written under); ``deadlines``; ``targets``;
- ``texts``: the folded search text of every task (title and body, as the
  question answerer compares them), grep's NFKC-folded units and its units as written, so
  substring searches run inside SQLite and grep prints without building task objects.

The rows are made by kb/plan_rows.py; ``rules_fingerprint`` hashes only the code and data
that decide them (``ROW_SOURCES``, kb/parser, kb/ingest, kb/data but ``NOT_ROW_DATA``).

A plan's rows are written once, in one transaction, when its file is first
seen; changing or removing a file deletes that plan's rows and nothing else.
``load_plan`` returns a ``StoredPlan``: a ``kb.model.Plan`` whose lookups
(``tasks_of``, ``task``, ``departments`` …) read only the rows they need;
``plan.tasks`` loads every task on first use.  A ``files`` table remembers each
file's size, mtime and inode with its hash, so a warm run hashes nothing.

Nothing read from the cache is executed: rows are text, numbers and JSON.
A store of another schema version, or one SQLite reports damaged, is removed
and rebuilt with one line on stderr.  A cache directory that cannot be used
(read-only, full, not a directory, or unsafe: owned by someone else or
writable by others, which matters because Whoosh unpickles its table of
contents) makes kb answer from memory, saying so in one line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from kb.errors import KbError, reason
from kb.model import OPTIONAL_ROLES, ROLES, Document, Plan, Task, distinct_names, from_values
from kb.plan_rows import (LIST_FIELDS, ROWS_MARK, TEXT_FIELDS, brief_fields, content_digest, parse, parse_file,
                          plan_key)

#: Files of a corpus folder that are read as plans (kb.ingest reads each format).
PLAN_SUFFIXES = (".txt", ".md", ".text", ".pdf", ".docx", ".html", ".htm", ".shtml", ".xhtml", ".xlsx", ".doc", ".wps", ".xls")

#: Which file of one plan is read when a corpus holds it twice (its text and its web page; ``same_plans``): the first
#: group holding the file's suffix wins, then corpus order — plain text is the plan as written, a web page or a
#: PDF carries its extraction's debris.
SAME_PLAN_PREFERENCE = ((".txt", ".text", ".md"), (".docx", ".doc", ".wps", ".xlsx", ".xls"),
                        (".html", ".htm", ".shtml", ".xhtml"), (".pdf",))


def _preference(path: str) -> int:
    suffix = os.path.splitext(path)[1].lower()
    return next((n for n, group in enumerate(SAME_PLAN_PREFERENCE) if suffix in group), len(SAME_PLAN_PREFERENCE))


#: Version of the store's tables; a store with another ``PRAGMA user_version`` is rebuilt.
SCHEMA_VERSION = 11

#: Marks the SQLite file as kb's (``PRAGMA application_id``): "kbST".
APPLICATION_ID = 0x6B625354

#: Name of the store file in the cache directory.
STORE_NAME = "store.sqlite3"

#: Temporary files of kb's own naming older than this (seconds) are leftovers of a killed run.
STALE_TMP_SECONDS = 300.0

#: A file whose mtime is this close (ns) to when it was hashed is hashed again next time
#: (it may have been written again within the clock's granularity, as git's "racy" files).
RACY_NS = 3_000_000_000

#: Parse new plans in worker processes when at least this many are new.
PARALLEL_FROM = 8

_KB_DIR = Path(__file__).resolve().parent

_SAID: set[str] = set()


def say_once(message: str) -> None:
    """Print ``kb: message`` on stderr once per process."""
    if message not in _SAID:
        _SAID.add(message)
        print(f"kb: {message}", file=sys.stderr)


# ---------------------------------------------------------------------------
# The corpus


def bundled_corpus() -> Path:
    """The corpus shipped with kb: ``corpus/`` of the source tree, else the installed copy."""
    source_tree = _KB_DIR.parent / "corpus"
    if source_tree.is_dir():
        return source_tree
    try:
        import kb_corpus  # installed by `pip install .` from corpus/
    except ImportError as exc:  # pragma: no cover - broken install
        raise KbError("找不到自带的方案：请重新安装 kb，或用 --corpus 给出方案文件") from exc
    return Path(next(iter(kb_corpus.__path__)))


def resolve_corpus(corpus: str | os.PathLike | None = None) -> Path:
    """The corpus to read: ``corpus``, else ``$KB_CORPUS``, else the bundled one."""
    chosen = corpus or os.environ.get("KB_CORPUS") or None
    if chosen is None:
        return bundled_corpus()
    path = Path(chosen).expanduser()
    if not path.exists():
        raise KbError(f"找不到方案：{path}（请用 --corpus 给出方案文件或存放方案的文件夹）")
    return path


def corpus_files(corpus: str | os.PathLike | None = None) -> list[Path]:
    """The plan files of a corpus, sorted by name."""
    path = resolve_corpus(corpus)
    kind = _path_kind(path)
    if kind == "file":
        return [path]
    if kind != "folder":
        raise KbError(f"{path} 是{kind}，不是方案文件或文件夹（请用 --corpus 给出方案）")
    from kb.ingest import plan_files

    try:
        files = plan_files(path)  # warns about files of a kind kb does not read
    except OSError as exc:
        raise KbError(f"无法读取方案文件夹 {path}：{reason(exc)}（请检查权限）") from None
    if not files:
        raise KbError(f"{path} 中没有方案文件（.txt、.pdf、.docx、.html……）：请放入方案，或用 --corpus 给出文件")
    return files


def document_ids(files: list[Path]) -> list[str]:
    """The document id of each plan file: task ids start with it, answers and listings name the plan by it.

    A file's stem (``plan`` of ``plan.txt``); when another plan file of the same folder has the same stem
    (``plan.txt`` and ``plan.md``, a PDF and the text made from it), the whole name of each such file
    (``plan.txt``, ``plan.md``).  Decided by the folder, not by the files asked for: a file read alone has the
    id it has in its folder's corpus, so its stored rows (keyed by the id) serve both, and two processes reading
    it both ways never take each other's rows for obsolete.  Unique within a folder (names are), so within any
    corpus kb reads (one file or one folder).
    """
    if not files:
        return []
    placed = [os.path.split(os.fspath(f)) for f in files]  # (folder, name) of each file, split once
    names_by_folder: dict[str, list[str]] = {}
    for folder, name in placed:
        names_by_folder.setdefault(folder, []).append(name)
    ids_by_folder = {}
    for folder, names in names_by_folder.items():
        siblings = set(names)
        if len(files) == 1:  # one file read alone: its folder's other plan files decide its id too
            from kb.ingest import plan_files

            try:
                siblings.update(p.name for p in plan_files(Path(folder or "."), warn=lambda message: None))
            except OSError:
                pass  # a folder kb may not list: the stem
        ids_by_folder[folder] = unique_ids(siblings)
    return [ids_by_folder[folder][name] for folder, name in placed]


def unique_ids(names) -> dict[str, str]:
    """File name → document id for the plan files ``names`` of one folder: the stem, or the whole name for every
    file whose stem another file's id shares (``plan.txt`` + ``plan.md``; also ``plan.txt`` + ``plan.txt.md``, whose
    stem is the first one's name — so the ids settle in a few rounds, and names are unique, so they do settle)."""
    ids = {name: _stem(name) for name in names}
    while True:
        seen: dict[str, int] = {}
        for i in ids.values():
            seen[i] = seen.get(i, 0) + 1
        clash = [n for n, i in ids.items() if seen[i] > 1 and i != n]
        if not clash:
            return ids
        for n in clash:
            ids[n] = n


def _stem(name: str) -> str:
    """``Path(name).stem`` without making a Path (1,000 files a run)."""
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def check_corpus_path(corpus: str | os.PathLike | None = None) -> Path:
    """The corpus path, refused in one line when it is not a plan file or a folder kb may list.

    Quiet (no warnings about the files inside): ``kb.cli.main`` calls it before
    every command, so that one reading the plan lazily (``kb chat`` on empty
    input) still says that the corpus is a FIFO or a device.
    """
    path = resolve_corpus(corpus)
    kind = _path_kind(path)
    if kind == "folder":
        try:
            next(iter(path.iterdir()), None)
        except OSError as exc:
            raise KbError(f"无法读取方案文件夹 {path}：{reason(exc)}（请检查权限）") from None
    elif kind != "file":
        raise KbError(f"{path} 是{kind}，不是方案文件或文件夹（请用 --corpus 给出方案）")
    return path


def _path_kind(path: Path) -> str:
    """"file", "folder", or what else ``path`` is (a FIFO, a device …), following symlinks."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise KbError(f"无法读取方案 {path}：{reason(exc)}（请检查路径和权限）") from None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


def decode_plan(raw: bytes, where: str) -> tuple[str, str]:
    """Decode a text plan's bytes; return (text, encoding) — see ``kb.ingest.text.decode_text``."""
    from kb.ingest.text import decode_text

    return decode_text(raw, where)


#: The files (besides kb/parser and kb/ingest) whose code decides a plan's rows: the model, the rows
#: themselves, the issuer vocabularies' reader, the folds (grep's and the question answerer's), the
#: plan's own topic terms the parser learns (kb/qa/plan_terms.py, with kb/select.py) and the
#: duty-list wording rendered into the rows.  How the store is read (kb/store.py) is not among them:
#: changing it re-parses nothing.
ROW_SOURCES = ("model.py", "plan_rows.py", "registry.py", "data/__init__.py", "fold.py", "qa/text.py",
               "qa/plan_terms.py", "select.py", "listing.py", "export/content.py")

#: Files of kb/data that only the question answerer, the TUI and the exporters' layout read: their
#: wording does not reach a plan's rows, so editing them re-parses nothing (every other YAML file of
#: kb/data is part of the fingerprint, including ones added later).
NOT_ROW_DATA = frozenset({"answers.yaml", "intents.yaml", "shapes.yaml", "topics.yaml", "linebreak.yaml"})


def rules_fingerprint() -> str:
    """Hash of everything that decides a plan's rows: kb/parser, kb/ingest, ``ROW_SOURCES``, kb/data's YAML
    (but ``NOT_ROW_DATA``)."""
    h = hashlib.sha256()
    files = [_KB_DIR / name for name in ROW_SOURCES] + sorted((_KB_DIR / "parser").glob("*.py"))
    files += [f for f in sorted((_KB_DIR / "data").glob("*.yaml")) if f.name not in NOT_ROW_DATA]
    files += sorted((_KB_DIR / "ingest").glob("*.py"))
    for f in files:
        if f.exists():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def corpus_key(files: list[Path]) -> tuple[str, list[bytes]]:
    """Content key of a corpus under the current rules, and the files' bytes."""
    h = hashlib.sha256(rules_fingerprint().encode())
    raws = []
    for f in files:
        raws.append(_read(f))
        h.update(f.name.encode() + b"\0" + hashlib.sha256(raws[-1]).digest())
    return h.hexdigest()[:32], raws


def _read(f: Path) -> bytes:
    try:
        return f.read_bytes()
    except OSError as exc:
        raise KbError(f"无法读取 {f}：{reason(exc)}（请检查路径和权限）") from exc


# ---------------------------------------------------------------------------
# The cache directory


def cache_dir() -> Path:
    """Where kb keeps its caches: ``$KB_CACHE_DIR``, else ``$XDG_CACHE_HOME/kb``, else ``~/.cache/kb``."""
    if os.environ.get("KB_CACHE_DIR"):
        return Path(os.environ["KB_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kb"


def cache_problem(path: Path | None = None) -> str | None:
    """Why the cache directory cannot be used (one line), or None when it can.

    A missing directory is created with mode 0700.  Refused, as ssh refuses a key
    file others could have written: a directory owned by another user, or
    writable by group or others (kb's caches must not hold a file someone else
    planted).  Also unusable: not a directory, not writable.
    """
    path = path or cache_dir()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:
        return f"缓存目录 {path} 不是文件夹（请删除它，或用 KB_CACHE_DIR 另指一个文件夹）"
    except OSError as exc:
        return f"无法创建缓存目录 {path}（{reason(exc)}）"
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"无法读取缓存目录 {path}（{reason(exc)}）"
    if not stat.S_ISDIR(st.st_mode):
        return f"缓存目录 {path} 不是文件夹（请删除它，或用 KB_CACHE_DIR 另指一个文件夹）"
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return f"缓存目录 {path} 属于另一个用户（uid {st.st_uid}），不使用它（请用 KB_CACHE_DIR 指定自己的文件夹）"
    if st.st_mode & 0o022:
        return (f"缓存目录 {path} 他人可写（权限 {stat.S_IMODE(st.st_mode):04o}），不使用它"
                f"（请执行 chmod 700 {path}）")
    if not os.access(path, os.W_OK | os.X_OK):
        return f"缓存目录 {path} 不可写（只读）"
    return None


_UNWRITABLE: set[str] = set()


def usable_cache_dir() -> Path | None:
    """The cache directory when kb may write and trust it; otherwise None, said once on stderr."""
    path = cache_dir()
    if str(path) in _UNWRITABLE:
        return None
    problem = cache_problem(path)
    if problem is not None:
        say_once(f"{problem}；本次在内存中作答，不写缓存")
        return None
    sweep_leftovers(path)
    return path


def cache_unwritable(path: Path, exc: BaseException) -> None:
    """Say once that writing the cache failed (full disk, read-only mount …); kb goes on from memory."""
    if str(path) in _UNWRITABLE:
        return
    _UNWRITABLE.add(str(path))
    why = _sqlite_reason(exc) if isinstance(exc, CacheWriteError) else reason(exc)
    say_once(f"缓存目录 {path} 无法写入（{why}）；本次在内存中作答，不写缓存")


_SWEPT: set[str] = set()


def sweep_leftovers(folder: Path, older_than: float = STALE_TMP_SECONDS) -> list[Path]:
    """Remove what killed runs of kb left in the cache: its own temporaries older than ``older_than``.

    Only kb's own names: ``.NAME.*.tmp`` of ``atomic_write_bytes``, ``.build-index-*``
    and ``.trash-index-*`` folders of the index, and the pickles of kb < store 1
    (``plan-*.pickle``, ``vocab-*.pickle``), which kb never reads any more.
    """
    if str(folder) in _SWEPT:
        return []
    _SWEPT.add(str(folder))
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        name = e.name
        ours_tmp = name.startswith(".") and name.endswith(".tmp") and (
            name.startswith((".plan-", ".vocab-", f".{STORE_NAME}", ".kb-")))
        ours_dir = name.startswith((".build-index-", ".trash-index-"))
        old_pickle = (name.startswith(("plan-", "vocab-")) and name.endswith(".pickle"))
        if not (ours_tmp or ours_dir or old_pickle):
            continue
        try:
            age = now - e.stat(follow_symlinks=False).st_mtime
            if age < older_than and not old_pickle:
                continue
            if e.is_dir(follow_symlinks=False):
                import shutil

                shutil.rmtree(e.path, ignore_errors=True)
            else:
                os.unlink(e.path)
            removed.append(Path(e.path))
        except OSError:
            pass
    return removed


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ---------------------------------------------------------------------------
# Rows of one plan: kb/plan_rows.py (its source is part of the rules fingerprint)


def _parse_job(args) -> dict | str:
    """Worker-process entry: the rows of one file, or the one-line error (a KbError does not travel well)."""
    try:
        return parse_file(*args)
    except KbError as exc:
        return str(exc)


def _parse_jobs(jobs: list) -> list:
    """Worker-process entry for a few files (one message each way for them)."""
    return [_parse_job(job) for job in jobs]


#: Files sent to a worker at a time, and chunks of them in flight per worker (sent, or parsed and not yet written).
PARSE_CHUNK = 4
CHUNKS_IN_FLIGHT = 2


def _parsed_in_order(pool, jobs: list, workers: int):
    """The rows of each job (``_parse_job``), in the jobs' order, with at most ``CHUNKS_IN_FLIGHT`` chunks per worker
    sent and not yet taken: ``pool.map`` sent every job at once, so whenever the writer (this process) was slower than
    the workers the rows of hundreds of parsed plans (~0.5 MB each) waited in its memory — 240–320 MB at 1,000 plans
    while each plan's commit also filled the trigram indexes."""
    from collections import deque

    chunks = (jobs[i:i + PARSE_CHUNK] for i in range(0, len(jobs), PARSE_CHUNK))
    flying = deque()
    for chunk in chunks:
        flying.append(pool.submit(_parse_jobs, chunk))
        if len(flying) >= workers * CHUNKS_IN_FLIGHT:
            yield from flying.popleft().result()
    while flying:
        yield from flying.popleft().result()


# ---------------------------------------------------------------------------
# The SQLite store

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ino INTEGER, sha256 TEXT, hashed_ns INTEGER);
CREATE TABLE plans(key TEXT PRIMARY KEY, doc_id TEXT, sha256 TEXT, content TEXT NOT NULL, ntasks INTEGER, title TEXT NOT NULL, name TEXT NOT NULL,
                   registry TEXT,
                   indexed TEXT NOT NULL, roles TEXT NOT NULL, headings TEXT NOT NULL, departments TEXT NOT NULL,
                   subunits TEXT NOT NULL, counts TEXT NOT NULL, chars TEXT NOT NULL, document TEXT NOT NULL);
CREATE TABLE tasks(plan TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT, label TEXT, kind TEXT, part TEXT, section TEXT,
                   targets INTEGER, warnings INTEGER, heading TEXT NOT NULL, facts TEXT NOT NULL, brief TEXT NOT NULL,
                   data TEXT NOT NULL);
CREATE UNIQUE INDEX tasks_key ON tasks(plan, seq);
CREATE INDEX tasks_id ON tasks(id);
CREATE INDEX tasks_label ON tasks(label);
CREATE INDEX tasks_part ON tasks(part);
CREATE TABLE roles(department TEXT NOT NULL, role TEXT NOT NULL, plan TEXT NOT NULL, seq INTEGER NOT NULL,
                   others TEXT NOT NULL, label TEXT NOT NULL, heading TEXT NOT NULL, facts TEXT NOT NULL,
                   item TEXT NOT NULL, PRIMARY KEY (department, role, plan, seq)) WITHOUT ROWID;
CREATE INDEX roles_plan ON roles(plan);
CREATE TABLE deadlines(plan TEXT NOT NULL, seq INTEGER NOT NULL, n INTEGER, kind TEXT, start TEXT, end TEXT);
CREATE INDEX deadlines_plan ON deadlines(plan, seq);
CREATE INDEX deadlines_end ON deadlines(end);
CREATE TABLE targets(plan TEXT NOT NULL, seq INTEGER NOT NULL, n INTEGER, metric TEXT, value REAL, unit TEXT, year INTEGER,
                     scope TEXT, task TEXT NOT NULL);
CREATE INDEX targets_plan ON targets(plan, seq);
CREATE TABLE texts(plan TEXT NOT NULL, seq INTEGER NOT NULL, grep TEXT NOT NULL, units INTEGER, tagged INTEGER NOT NULL,
                   original TEXT NOT NULL);
CREATE UNIQUE INDEX texts_key ON texts(plan, seq);
CREATE TABLE folded(id INTEGER PRIMARY KEY AUTOINCREMENT, plan TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL);
CREATE UNIQUE INDEX folded_key ON folded(plan, seq);
CREATE TABLE titles(plan TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL);
CREATE UNIQUE INDEX titles_key ON titles(plan, seq);
CREATE TABLE plain(id INTEGER PRIMARY KEY AUTOINCREMENT, plan TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL);
CREATE UNIQUE INDEX plain_key ON plain(plan, seq);
CREATE TABLE terms(term TEXT NOT NULL, plan TEXT NOT NULL, seqs TEXT NOT NULL, heading TEXT, heading_title TEXT);
CREATE INDEX terms_term ON terms(term);
CREATE INDEX terms_plan ON terms(plan);
"""

#: Tables whose ``text`` has a trigram index (``<table>_grams``, SQLite's FTS5 ``trigram`` tokenizer): which rows may
#: hold a word of 3+ characters is looked up, not found by reading every row — at 1,000 plans ``folded`` and ``plain``
#: hold 10–12 M characters each, and each word a question looks for read all of them (60–240 ms a word).  The index
#: only narrows: every row it gives is tested with ``instr`` as before.  Without FTS5 or its trigram tokenizer
#: (SQLite < 3.34) the store is made without it and every lookup reads the rows.
#:
#: The index is filled after the rows are written (``Store.fill_grams``), not by an insert trigger: a trigger indexed
#: each plan in its own commit, and 2 × 1,000 small FTS5 commits cost a first build of 1,000 plans ~30 % more CPU and
#: 3× the writer's peak memory.  ``meta`` key ``grams:<table>`` holds the rowid up to which every row is indexed
#: (``gram_mark``); rowids only grow (AUTOINCREMENT: a deleted row's rowid is never given again), so the rows above the
#: mark are exactly those not indexed yet, and a lookup reads them all besides the rows the index gives — a reader
#: never trusts a half-filled index, whether a build is under way, was killed, or the cache is read-only.
GRAM_TABLES = ("folded", "plain")

#: Rows indexed per transaction by ``Store.fill_grams`` (a killed fill keeps the batches it committed).
GRAM_BATCH_ROWS = 10_000


def gram_mark(table: str) -> str:
    """The ``meta`` key holding the rowid up to which every row of ``table`` is in its trigram index."""
    return f"grams:{table}"


def _mark_sql(table: str) -> str:
    """SQL for the rowid up to which ``table``'s index is filled (0 without the mark: nothing is trusted)."""
    return f"coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{gram_mark(table)}'), 0)"


def _fill_batch(db, table: str, batch: int, top: int) -> bool:
    """Index the next ``batch`` rows of ``table`` above its mark (``gram_mark``) and move the mark up to the last of
    them — from the first row, the index emptied, when the mark is missing; whether every row up to ``top`` (the last
    row when the fill began) is now indexed (rows another process adds meanwhile: its own fill)."""
    grams, key = f"{table}_grams", gram_mark(table)
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None or not row[0].isdigit():
        db.execute(f"INSERT INTO {grams}({grams}) VALUES ('delete-all')")
        start = 0
    else:
        start = int(row[0])
    last = db.execute(f"SELECT rowid FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ?",
                      (start, batch - 1)).fetchone()
    end = last[0] if last else max(start, db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    db.execute(f"INSERT INTO {grams}(rowid, text) SELECT rowid, text FROM {table} "
               "WHERE rowid > ? AND rowid <= ?", (start, end))
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(end)))
    return last is None or end >= top


def _gram_statements(table: str) -> list[str]:
    """The trigram index of ``table``'s ``text`` (external content: the text is not stored twice) and the trigger
    taking a deleted row out of it when the row was indexed (rows are never updated)."""
    grams = f"{table}_grams"
    return [
        f"CREATE VIRTUAL TABLE {grams} USING fts5(text, content='{table}', content_rowid='rowid', "
        "tokenize='trigram case_sensitive 1', detail='none', columnsize=0)",
        f"CREATE TRIGGER {grams}_remove AFTER DELETE ON {table} WHEN old.rowid <= {_mark_sql(table)} BEGIN "
        f"INSERT INTO {grams}({grams}, rowid, text) VALUES ('delete', old.rowid, old.text); END",
    ]


#: Characters GLOB reads as wildcards: a word holding one is looked for by reading the rows.
_GLOB_CHARS = frozenset("*?[]")


def gram_indexable(word: str) -> bool:
    """Whether the trigram index finds every row holding ``word``: 3 characters or more (a trigram index holds no
    shorter piece) and no GLOB wildcard."""
    return len(word) >= 3 and not _GLOB_CHARS.intersection(word)


#: Tables holding rows of one plan each (column ``plan``), besides ``plans`` itself.
_PLAN_TABLES = ("tasks", "roles", "deadlines", "targets", "texts", "folded", "titles", "plain", "terms")

#: The columns a plan's rows fill, for tables with a column of their own before them (the rowid of a trigram table).
_INSERT_COLUMNS = {"folded": "(plan, seq, text)", "plain": "(plan, seq, text)"}

_TABLES = ("meta", "files", "plans", *_PLAN_TABLES)


#: ``meta`` key prefix marking since when (seconds since the epoch) a plan no remembered file makes any more.
_OBSOLETE = "obsolete:"

#: A plan unreachable this long (seconds) is deleted (``Store.collect``): longer than any command reads a plan.
OBSOLETE_AFTER = 600.0


def _grams_in(names: set[str]) -> frozenset[str]:
    """The tables of ``GRAM_TABLES`` whose trigram index and its trigger are among ``names`` (of a store's schema)."""
    return frozenset(t for t in GRAM_TABLES if {f"{t}_grams", f"{t}_grams_remove"} <= names)


def _gram_where(store: "Store", table: str, alias: str, groups) -> tuple[list[str], list]:
    """SQL conditions (and their parameters) narrowing the rows ``alias`` of ``table`` to those its trigram index gives
    for each group of words (any word of a group: their union) and those not indexed yet (above ``gram_mark``, read in
    the same statement: the same snapshot as the index) — for a group whose every word the index finds
    (``gram_indexable``); nothing for the others, nor when ``table`` has no index.  The caller still tests each row
    (``instr``): the index only keeps the rows that cannot match from being read."""
    if table not in store.grams:
        return [], []
    where, params = [], []
    for group in groups:
        if group and all(gram_indexable(w) for w in group):
            # (one IN list: ``rowid IN (…) OR rowid > mark`` made SQLite look the words up twice, 10–25 % slower)
            where.append(f"{alias}.rowid IN ("
                         + " UNION ".join(f"SELECT rowid FROM {table}_grams WHERE text GLOB ?" for _ in group)
                         + f" UNION ALL SELECT rowid FROM {table} WHERE rowid > {_mark_sql(table)})")
            params.extend(f"*{w}*" for w in group)
    return where, params


def _create_grams(db) -> frozenset[str]:
    """Create the trigram indexes of ``GRAM_TABLES`` (inside the creating transaction); none when this SQLite has no
    FTS5 or no trigram tokenizer — the store then reads the rows for every word."""
    import sqlite3

    db.execute("SAVEPOINT grams")
    try:
        for table in GRAM_TABLES:
            for statement in _gram_statements(table):
                db.execute(statement)
            db.execute("INSERT INTO meta VALUES (?, '0')", (gram_mark(table),))
    except sqlite3.OperationalError:
        db.execute("ROLLBACK TO grams")
        db.execute("RELEASE grams")
        return frozenset()
    db.execute("RELEASE grams")
    return frozenset(GRAM_TABLES)


class StoreDamaged(Exception):
    """The store file is not a usable kb store (damaged, another version, not SQLite)."""


class RowsMissing(StoreDamaged):
    """Fewer rows of a plan than it was written with (a row deleted, a write cut short), or a plan's rows gone while
    they were read (another process found its file changed and removed them)."""


class OtherVersion(StoreDamaged):
    """The store was written by a kb with another ``SCHEMA_VERSION``."""


#: Where ``Task.fields`` (a row's other cells) stands in a task's stored row (``kb.plan_rows.task_row``: the values of
#: the init fields in field order).
_FIELDS_AT = [f.name for f in dataclasses.fields(Task) if f.init].index("fields")


class Store:
    """The SQLite file of parsed plans (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STORE_NAME
        """The SQLite file."""
        self.db = None
        self.grams: frozenset[str] = frozenset()
        """The tables of ``GRAM_TABLES`` with their trigram index in this store."""
        self._open()

    # ------------------------------------------------------------ opening
    def _connect(self):
        import sqlite3

        if self.path.is_symlink():
            raise StoreDamaged("缓存库是一个符号链接")
        db = sqlite3.connect(str(self.path), timeout=60.0, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 60000")
        # In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits, which a
        # cache re-parses next run.  FULL would wait for the disk on each of 1,000 plans' commits.
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    def _open(self) -> None:
        import sqlite3

        try:
            db = self._connect()
            try:
                self._check_or_create(db)
            except BaseException:
                db.close()
                raise
        except (sqlite3.DatabaseError, StoreDamaged) as exc:
            if isinstance(exc, sqlite3.OperationalError) and _is_write_error(exc):
                raise
            if isinstance(exc, OtherVersion):
                say_once(f"缓存库 {self.path} 来自另一版本的 kb（{exc}），正在重建")
            else:
                say_once(f"缓存库 {self.path} 已损坏（{_reason(exc)}），正在重建")
            self.remove_files()
            db = self._connect()
            self._check_or_create(db)
        self.db = db

    def _check_or_create(self, db) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app = db.execute("PRAGMA application_id").fetchone()[0]
        if version == SCHEMA_VERSION and app == APPLICATION_ID:
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
            if not set(_TABLES) <= names:
                raise StoreDamaged("缺少数据表")
            self.grams = _grams_in(names)
            return
        if app == APPLICATION_ID and version != SCHEMA_VERSION:
            raise OtherVersion(f"结构版本 {version}，本版 kb 读取结构版本 {SCHEMA_VERSION}")
        if version != 0 or app != 0:
            raise StoreDamaged("不是 kb 的缓存库")
        # A new file: create the tables (a concurrent creator may win the race; then check again).
        db.execute("PRAGMA journal_mode = WAL")
        try:
            db.execute("BEGIN IMMEDIATE")
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise StoreDamaged("有 kb 不认识的数据表")
                for statement in _SCHEMA.strip().split(";"):
                    if statement.strip():
                        db.execute(statement)
                self.grams = _create_grams(db)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            else:  # (another process created it meanwhile)
                self.grams = _grams_in({r[0] for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")})
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def remove_files(self) -> None:
        """Delete the store file and SQLite's side files (the next open creates a new store)."""
        if self.db is not None:
            try:
                self.db.close()
            except Exception:  # noqa: BLE001 - closing a damaged database may fail; it is deleted anyway
                pass
            self.db = None
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass

    def close(self) -> None:
        """Close the connection."""
        if self.db is not None:
            self.db.close()
            self.db = None

    # ------------------------------------------------------------ reading
    def query(self, sql: str, params=()) -> list:
        """Rows of ``sql``; damage found here is a StoreDamaged (so is a store closed meanwhile: another thread of
        this process found it damaged and removed it)."""
        import sqlite3

        db = self.db
        if db is None:
            raise StoreDamaged("缓存库已关闭")
        try:
            return db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(_reason(exc)) from exc

    def cursor(self, sql: str, params=()):
        """An iterator over the rows of ``sql`` (for streaming)."""
        import sqlite3

        db = self.db
        if db is None:
            raise StoreDamaged("缓存库已关闭")
        try:
            yield from db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(_reason(exc)) from exc

    def meta(self, key: str) -> str | None:
        """A value of the ``meta`` table."""
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    # ------------------------------------------------------------ writing
    def set_meta(self, key: str, value: str) -> None:
        """Set a value of the ``meta`` table."""
        self._write(lambda db: db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value)))

    def forget_meta(self, prefix: str) -> None:
        """Delete the ``meta`` values whose key starts with ``prefix``."""
        self._write(lambda db: db.execute("DELETE FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)))

    def add(self, rows: dict, file_row: tuple | None = None) -> None:
        """Write one plan's rows in one transaction (nothing when another process wrote them first), with the
        ``files`` row of the file they were read from: a plan is never in the store without the file that makes it
        reachable, or another process's collection (``collect``) would take it for obsolete and delete it before
        this process remembers the file."""
        key = rows["plan"][0]

        def write(db) -> None:
            if file_row is not None:
                db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", file_row)
            if db.execute("SELECT 1 FROM plans WHERE key = ?", (key,)).fetchone():
                return
            db.execute(f"INSERT INTO plans VALUES ({_marks(len(rows['plan']))})", rows["plan"])
            for table in _PLAN_TABLES:
                if rows[table]:
                    db.executemany(f"INSERT INTO {table}{_INSERT_COLUMNS.get(table, '')} "
                                   f"VALUES ({_marks(len(rows[table][0]))})", rows[table])

        self._write(write)

    def fill_grams(self, batch: int = 0) -> None:
        """Index the rows above each trigram index's mark (``gram_mark``), ``batch`` rows (``GRAM_BATCH_ROWS``) per
        transaction, each moving the mark up to its last row: the rows a build wrote, or a killed fill left.  Without
        the mark (a store damaged by hand) the index is emptied and filled again from the first row.  Nothing is
        written when every row is indexed; a cache that cannot be written is left as it is (its readers read the rows
        above the mark)."""
        batch = batch or GRAM_BATCH_ROWS
        for table in sorted(self.grams):
            key = gram_mark(table)
            top = self.query(f"SELECT max(rowid) FROM {table}")[0][0] or 0
            mark = self.query("SELECT value FROM meta WHERE key = ?", (key,))
            if mark and mark[0][0].isdigit() and int(mark[0][0]) >= top:
                continue
            try:
                while not self._write(lambda db: _fill_batch(db, table, batch, top)):
                    pass
            except CacheWriteError:
                return

    def collect(self, rules: str) -> None:
        """Delete the rows of the plans no remembered file makes any more (a file changed or was removed, or the rules
        changed), the per-corpus memos, and set the rules — in one transaction: what is reachable is read in the
        same snapshot as what is deleted (read before, a plan another process added meanwhile looked unreachable).

        Under the same rules a plan is deleted only once it has been unreachable for ``OBSOLETE_AFTER`` seconds
        (marked in ``meta`` when first found so): another process may be reading it (it read the file before it
        changed), or may have remembered the file's older hash after this one remembered its newer (each process
        remembers what it hashed), which the next scan of that folder corrects.  New rules delete every old plan at
        once (their rows' pages are reused by the new ones)."""
        def write(db) -> None:
            # (a file's id is its stem, or its name when another file of its folder has the same stem: both count)
            reachable = set()
            for path, sha in db.execute("SELECT path, sha256 FROM files"):
                name = os.path.basename(path)
                reachable.add(plan_key(rules, name, sha))
                reachable.add(plan_key(rules, _stem(name), sha))
            row = db.execute("SELECT value FROM meta WHERE key = 'rules'").fetchone()
            same_rules = row is not None and row[0] == rules
            marks = {k[len(_OBSOLETE):]: v for k, v in db.execute(
                "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?", (len(_OBSOLETE), _OBSOLETE))}
            now = time.time()
            stored = [key for (key,) in db.execute("SELECT key FROM plans").fetchall()]
            doomed = []
            for key in stored:
                if key in reachable:
                    if key in marks:
                        db.execute("DELETE FROM meta WHERE key = ?", (_OBSOLETE + key,))
                    continue
                if same_rules and OBSOLETE_AFTER > 0:
                    try:
                        since = float(marks[key])
                    except (KeyError, ValueError):
                        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_OBSOLETE + key, repr(now)))
                        continue
                    if 0 <= now - since < OBSOLETE_AFTER:
                        continue
                doomed.append(key)
            if doomed and len(doomed) * 2 >= len(stored):
                # Most rows go (new rules: all of them): the trigram indexes are emptied at once and the rows that
                # stay are indexed again by the next fill, instead of taking each deleted row out of them (at 1,000
                # plans 3.8 s of CPU against 0.6 s).
                for table in sorted(self.grams):
                    db.execute(f"INSERT INTO {table}_grams({table}_grams) VALUES ('delete-all')")
                    db.execute("INSERT OR REPLACE INTO meta VALUES (?, '0')", (gram_mark(table),))
            for key in doomed:
                for table in _PLAN_TABLES:
                    db.execute(f"DELETE FROM {table} WHERE plan = ?", (key,))
                db.execute("DELETE FROM plans WHERE key = ?", (key,))
                db.execute("DELETE FROM meta WHERE key = ?", (_OBSOLETE + key,))
            prefix = "corpus:"  # (per-corpus unions over the plans: the corpora changed)
            db.execute("DELETE FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", ("rules", rules))

        self._write(write)

    def forget(self, keys) -> None:
        """Delete the rows of the plans ``keys`` (a file changed or left every corpus)."""
        keys = list(keys)
        if not keys:
            return

        def write(db) -> None:
            for key in keys:
                for table in _PLAN_TABLES:
                    db.execute(f"DELETE FROM {table} WHERE plan = ?", (key,))
                db.execute("DELETE FROM plans WHERE key = ?", (key,))

        self._write(write)

    def record_files(self, rows: list[tuple], gone: list[str]) -> None:
        """Remember files' stat and hash (``rows``) and forget files no longer there (``gone``)."""
        def write(db) -> None:
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", rows)
            db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in gone])

        self._write(write)

    def _write(self, work):
        """``work(db)`` in one write transaction; what it returns."""
        import sqlite3

        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                done = work(db)
                db.execute("COMMIT")
                return done
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if _is_write_error(exc):
                raise CacheWriteError(str(exc)) from exc
            raise StoreDamaged(_reason(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(_reason(exc)) from exc


class CacheWriteError(OSError):
    """SQLite could not write (read-only file or mount, full disk)."""


#: SQLite's words for a failed write (in its message, English whatever the locale) → the user's words.
_SQLITE_REASONS = (("readonly", "文件或文件系统是只读的"), ("read-only", "文件或文件系统是只读的"),
                   ("disk is full", "磁盘已满"), ("disk i/o", "输入/输出错误（磁盘或网络盘出错）"),
                   ("unable to open", "无法打开缓存库文件"), ("locked", "缓存库正被另一个进程长时间占用"))


def _sqlite_reason(exc: BaseException) -> str:
    """Why SQLite could not write, in Chinese (``_SQLITE_REASONS``), else its own words."""
    text = str(exc).lower()
    return next((words for key, words in _SQLITE_REASONS if key in text), None) or reason(exc)


def _is_write_error(exc) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("readonly", "read-only", "disk is full", "disk i/o", "unable to open", "locked"))


def _reason(exc: BaseException) -> str:
    return str(exc) or exc.__class__.__name__


# ---------------------------------------------------------------------------
# Loading a corpus


class PlanRef:
    """One file of the corpus as the store knows it."""

    __slots__ = ("key", "doc_id", "path", "order")

    def __init__(self, key: str, doc_id: str, path: str, order: int) -> None:
        self.key, self.doc_id, self.path, self.order = key, doc_id, path, order


def load_plan(corpus: str | os.PathLike | None = None, *, use_cache: bool = True, progress=None) -> Plan:
    """The plans of the corpus: a ``StoredPlan`` over the store, or a parsed ``Plan`` in memory.

    Files not yet in the store are parsed (in worker processes when there are
    many) and written, one transaction per plan.  ``progress(step)`` hears
    about it (a ``Step``: a str with ``done``/``total``).  Without a usable cache
    directory (or with ``use_cache=False``) every file is parsed in memory.
    Warnings found while parsing are kept on the documents and tasks; they are
    not printed here.
    """
    files = corpus_files(corpus)
    folder = usable_cache_dir() if use_cache else None
    if folder is not None:
        for attempt in (1, 2):
            try:
                return _load_stored(folder, files, progress)
            except CacheWriteError as exc:
                cache_unwritable(folder, exc)
                break
            except StoreDamaged as exc:
                if attempt == 2:
                    say_once(f"{folder} 中的缓存库无法使用（{exc}）；本次在内存中作答")
                    break
                say_once(f"缓存库 {folder / STORE_NAME} 已损坏（{exc}），正在重建")
                _remove_store(folder)
            except OSError as exc:
                cache_unwritable(folder, exc)
                break
    return parse_in_memory(files)


def _remove_store(folder: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{folder / STORE_NAME}{suffix}")
        except FileNotFoundError:
            pass
        except OSError:
            pass


def parse_in_memory(files: list[Path]) -> Plan:
    """Parse every file into a Plan held in memory (no cache).

    One unreadable file of a folder is said in one line and left out; the rest is read.
    """
    from kb.registry import load_registry

    plan = Plan(registry=load_registry())
    parsed, digests = [], []
    for f, doc_id in zip(files, document_ids(files)):
        raw = _read(f)
        try:
            doc, tasks = parse(f, raw, doc_id)
        except KbError as exc:
            if len(files) == 1:
                raise
            print(f"kb: 警告：已跳过 {exc}", file=sys.stderr)
            continue
        doc.sha256 = hashlib.sha256(raw).hexdigest()
        parsed.append((doc, tasks, PlanRef("", doc_id, str(f), len(parsed))))
        digests.append(content_digest(doc, tasks))
    groups: dict[str, list[int]] = {}
    for i, digest in enumerate(digests):
        groups.setdefault(digest, []).append(i)
    kept = {r.path for r in _one_file_a_plan([g for g in groups.values() if len(g) > 1], [p[2] for p in parsed])}
    for doc, tasks, ref in parsed:
        if ref.path in kept:
            plan.documents.append(doc)
            plan.tasks.extend(tasks)
    if not plan.documents:
        raise KbError("方案文件夹中没有一个方案能读取（见上面各行）：请修复或替换这些文件")
    return plan


def _load_stored(folder: Path, files: list[Path], progress) -> "StoredPlan":
    import sqlite3

    try:
        store = Store(folder)
    except sqlite3.OperationalError as exc:
        raise CacheWriteError(str(exc)) from exc
    rules = rules_fingerprint()
    refs, hashed, gone, raws = _scan(store, files, rules)
    if store.meta("rules") != rules:
        # New parsing rules: every plan is parsed again.  The old rules' rows go first, so that the new rows
        # reuse their pages (deleted after, they left the file at twice its size: 1.2 GB at 1,000 plans).
        _collect(store, rules)
    known = {r[0] for r in store.query("SELECT key FROM plans")}
    missing = [r for r in refs if r.key not in known]
    if missing:
        failed = _add_plans(store, missing, raws, rules, progress, single=len(refs) == 1)
        if failed:
            # Not stored: an unreadable file is said again on every run until it is fixed.
            refs = [r for r in refs if r.key not in failed]
            for n, r in enumerate(refs):
                r.order = n
            if not refs:
                raise KbError("方案文件夹中没有一个方案能读取（见上面各行）：请修复或替换这些文件")
    if hashed or gone:
        store.record_files(hashed, gone)
    if hashed or gone or store.meta("rules") != rules:
        _collect(store, rules)
    store.fill_grams()
    if len(refs) > 1:
        refs = _one_file_a_plan(StoredPlan(store, refs, rules).same_plans(), refs)
    return StoredPlan(store, refs, rules)


def say_same_plan(path: str, first: str) -> None:
    """One line on stderr: the file ``path`` is left out, being the plan ``first`` already read."""
    print(f"kb: 警告：已跳过 {path}：与 {first} 是同一方案（标题和各条内容相同），只读一次", file=sys.stderr)


def _one_file_a_plan(same: list[list[int]], refs: list[PlanRef]) -> list[PlanRef]:
    """``refs`` without the files that repeat a plan an earlier file of the corpus holds (said on stderr, every
    run, as an unreadable file is): a folder holding a plan's text and its web page, or a copy under another name,
    would list every task twice and double every count.  ``same``: groups of positions in ``refs`` of one plan."""
    dropped = set()
    for group in same:
        kept = min(group, key=lambda i: (_preference(refs[i].path), i))
        for i in group:
            if i != kept:
                say_same_plan(refs[i].path, refs[kept].path)
                dropped.add(i)
    if not dropped:
        return refs
    kept = [r for i, r in enumerate(refs) if i not in dropped]
    for n, r in enumerate(kept):
        r.order = n
    return kept


def _collect(store: Store, rules: str) -> None:
    """Delete the rows of plans no remembered file has any more (``Store.collect``)."""
    store.collect(rules)


def _scan(store: Store, files: list[Path], rules: str):
    """PlanRefs of ``files`` from the stat cache; files whose stat changed are read and hashed.

    One ``lstat`` per file (a folder's real path is resolved once, a symbolic link is followed by a ``stat``):
    at 1,000 plans ``Path.resolve`` per file cost more than the rest of a warm ``kb grep``.
    """
    known = {}
    for path, size, mtime, ino, sha, hashed_ns in store.query("SELECT * FROM files"):
        known[path] = (size, mtime, ino, sha, hashed_ns)
    real_folders: dict[str, str] = {}
    refs, hashed, raws, present = [], [], {}, set()
    for f, doc_id in zip(files, document_ids(files)):
        try:
            path, st = _real_path_and_stat(f, real_folders)
            seen = known.get(path)
            if seen and seen[:3] == (st.st_size, st.st_mtime_ns, st.st_ino) and seen[4] - st.st_mtime_ns > RACY_NS:
                sha, raw = seen[3], None
            else:
                raw = f.read_bytes()
        except FileNotFoundError as exc:
            if len(files) > 1:
                continue  # removed from the folder since it was listed (by another process): no longer a plan of it
            raise KbError(f"无法读取 {f}：{reason(exc)}（请检查路径和权限）") from exc
        except OSError as exc:
            raise KbError(f"无法读取 {f}：{reason(exc)}（请检查路径和权限）") from exc
        present.add(path)
        if raw is not None:
            sha = hashlib.sha256(raw).hexdigest()
            hashed.append((path, st.st_size, st.st_mtime_ns, st.st_ino, sha, time.time_ns()))
            raws[str(f)] = (raw, hashed[-1])  # (the file's row is written with its plan's: ``Store.add``)
        refs.append(PlanRef(plan_key(rules, doc_id, sha), doc_id, str(f), len(refs)))
    # Files of these folders the store remembers but that are gone now.
    folders = set(real_folders.values())
    gone = [p for p in known if p not in present and os.path.dirname(p) in folders and not os.path.lexists(p)]
    return refs, hashed, gone, raws


def _real_path_and_stat(f: Path, real_folders: dict[str, str]):
    """(the file's path in its folder's real path, ``f.stat()``) with the folder's real path resolved once per folder;
    a symbolic link keeps its own name (the plan's id) and has its target's stat."""
    path = os.fspath(f)
    folder, name = os.path.split(path)  # (not ``f.parent``: a Path made per file)
    real = real_folders.get(folder)
    if real is None:
        real = real_folders[folder] = os.path.realpath(folder)
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        # The link's own place and name (its name is the plan's id, ``document_ids``; keyed by the target's
        # name, the plan was taken for obsolete and forgotten by the run that added it), the target's stat.
        st = os.stat(path)
    return os.path.join(real, name), st


class Step(str):
    """A progress message that also says how far: ``done`` of ``total`` (a plain str to old callers)."""

    done: int
    total: int

    def __new__(cls, message: str, done: int = 0, total: int = 0):
        self = super().__new__(cls, message)
        self.done, self.total = done, total
        return self


def terminal_progress():
    """A progress bar on stderr when it is a terminal (``kb index``, ``kb ask`` building), else nothing."""
    if not sys.stderr.isatty():
        return lambda step: None
    last = [0.0]

    def show(step) -> None:
        done, total = getattr(step, "done", 0), getattr(step, "total", 0)
        now = time.monotonic()
        if total and done < total and now - last[0] < 0.2:
            return
        last[0] = now
        if total:
            width = 30
            filled = int(width * min(done, total) / total)
            bar = "█" * filled + "░" * (width - filled)
            sys.stderr.write(f"\r\x1b[2Kkb: [{bar}] {done}/{total} {str(step)[:40]}")
        else:
            sys.stderr.write(f"\r\x1b[2Kkb: {step}")
        if str(step) in ("索引已就绪", "方案已读入"):
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _add_plans(store: Store, missing: list[PlanRef], raws: dict, rules: str, progress, single: bool = False) -> set[str]:
    """Parse and store the plans ``missing``; return the keys of files that could not be read (said in one line each)."""
    if progress is None and len(missing) >= PARALLEL_FROM and sys.stderr.isatty():
        say_once(f"正在读取 {len(missing)} 个新方案并写入缓存（首次读取，之后只读新增或改动的方案）…")
    say = progress or (terminal_progress() if len(missing) >= PARALLEL_FROM else (lambda step: None))
    jobs = []
    file_rows = {}
    for ref in missing:
        raw, file_rows[ref.key] = raws.get(ref.path) or (None, None)
        if raw is None:
            raw = _read(Path(ref.path))
        jobs.append((ref.path, ref.doc_id, raw, hashlib.sha256(raw).hexdigest(), rules))
    total = len(jobs)
    failed: set[str] = set()

    def take(ref: PlanRef, rows) -> None:
        if isinstance(rows, str):  # a file that cannot be read
            if single:
                raise KbError(rows)
            print(f"kb: 警告：已跳过 {rows}", file=sys.stderr)
            failed.add(ref.key)
        else:
            store.add(rows, file_rows.get(ref.key))

    say(Step(f"正在读取方案 0/{total}", 0, total))
    if total >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor

        workers = min(os.cpu_count() or 2, 4)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for done, (ref, rows) in enumerate(zip(missing, _parsed_in_order(pool, jobs, workers)), 1):
                take(ref, rows)
                say(Step(f"正在读取方案 {done}/{total}", done, total))
        say(Step("方案已读入", total, total))
    else:
        for done, (ref, job) in enumerate(zip(missing, jobs), 1):
            take(ref, _parse_job(job))
            say(Step(f"正在读取方案 {done}/{total}", done, total))
    return failed


# ---------------------------------------------------------------------------
# The plan as the store sees it


def _healing(method):
    """Run a StoredPlan method; when the store turns out damaged, answer from memory (see ``StoredPlan._heal``)."""
    import functools

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        if self.healed:
            return getattr(Plan, method.__name__)(self, *args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except StoreDamaged as exc:
            self._heal(exc)
            return getattr(Plan, method.__name__)(self, *args, **kwargs)

    return run


class StoredPlan(Plan):
    """A Plan whose tasks stay in the store until asked for.

    ``tasks_of``, ``task``, ``departments``, ``subunits``, ``iter_tasks``,
    ``search_texts`` and ``tasks_containing`` read only their rows; ``tasks``,
    ``documents`` and ``registry`` load on first access.  A task read twice is
    the same object.
    """

    __slots__ = ("store", "refs", "rules", "healed", "_order", "_loaded", "_position", "_summary", "_shown", "_headers",
                 "_memo", "_may_reload")

    def __init__(self, store: Store, refs: list[PlanRef], rules: str) -> None:
        self.store = store
        """The open Store."""
        self.refs = refs
        """The corpus's files, in corpus order."""
        self.rules = rules
        """The rules fingerprint the rows were made with."""
        self.healed = False
        """True once the store was found damaged in this run: everything is then answered from memory."""
        self._may_reload = True
        """Rows removed meanwhile by another process may be read again through the store (once)."""
        self._order = {r.key: r.order for r in refs}
        self._loaded: dict[tuple[str, int], Task] = {}
        self._position: dict[str, int] = {}
        self._summary: list | None = None
        self._headers: list | None = None
        self._memo: dict = {}
        """What was read once and does not change while the process runs (departments, characters …)."""
        self._shown = None
        """Applied to every task and document read (``shown_as``): e.g. the TUI's escaping of controls."""
        Plan._maps.__set__(self, None)

    def shown_as(self, transform) -> "StoredPlan":
        """The same stored plan, every task and document passed through ``transform`` as it is read.

        For a view that changes text as it is read (kb.safetext.escape_data): a copy of the whole plan
        would load every task (75,000 at 1,000 plans).  Lookups that only match text (search texts,
        mentions, characters) still read the stored text.
        """
        view = StoredPlan(self.store, self.refs, self.rules)
        view._summary = self._summary
        view._headers = self._headers
        view._shown = transform
        return view

    # ------------------------------------------------------------ fields loaded on access
    @property
    def documents(self) -> list[Document]:  # type: ignore[override]
        try:
            return Plan.documents.__get__(self)
        except AttributeError:
            pass
        try:
            by_key = {k: d for k, d in self.store.query(
                f"SELECT key, document FROM plans WHERE key IN ({_marks(len(self.refs))})", [r.key for r in self.refs])}
            docs = []
            for ref in self.refs:
                if ref.key not in by_key:
                    raise RowsMissing("缺少一条方案记录")
                docs.append(self._stored_document(ref, by_key[ref.key]))
        except StoreDamaged as exc:
            self._heal(exc)
            return Plan.documents.__get__(self)
        Plan.documents.__set__(self, docs)
        return docs

    @documents.setter
    def documents(self, value) -> None:
        Plan.documents.__set__(self, value)

    @_healing
    def documents_of(self, doc_id: str) -> list[Document]:
        """The document ``doc_id`` from its own row (a question naming its plan decoded 1,000 documents to pick one)."""
        if self._loaded_documents() is not None:
            return Plan.documents_of(self, doc_id)
        docs = []
        for ref in self.refs:
            if ref.doc_id != doc_id:
                continue
            rows = self.store.query("SELECT document FROM plans WHERE key = ?", (ref.key,))
            if not rows:
                raise RowsMissing("缺少一条方案记录")
            docs.append(self._stored_document(ref, rows[0][0]))
        return docs

    def _stored_document(self, ref: PlanRef, data) -> Document:
        """The document of plan ``ref`` from its row's ``document`` (JSON), with the path it was read from this time,
        as this view shows it (``shown_as``)."""
        try:
            doc = Document.from_dict(json.loads(data))
        except (ValueError, TypeError) as exc:
            raise _missing_or_damaged(exc, "一条方案文档记录读不回来") from exc
        doc.path = ref.path  # where it was read from this time
        return doc if self._shown is None else self._shown(doc)

    @property
    def tasks(self) -> list[Task]:  # type: ignore[override]
        try:
            return Plan.tasks.__get__(self)
        except AttributeError:
            pass
        tasks = []
        try:
            with _no_collection(len(self.refs) * 75):  # (a plan holds ~75 paragraphs)
                for ref in self.refs:
                    rows = self._whole_plan(ref, "SELECT seq, data FROM tasks WHERE plan = ? ORDER BY seq")
                    for seq, data in rows:
                        tasks.append(self._task(ref.key, seq, data))
        except StoreDamaged as exc:
            self._heal(exc)
            return Plan.tasks.__get__(self)
        Plan.tasks.__set__(self, tasks)
        return tasks

    @tasks.setter
    def tasks(self, value) -> None:
        Plan.tasks.__set__(self, value)

    @property
    def registry(self):  # type: ignore[override]
        try:
            return Plan.registry.__get__(self)
        except AttributeError:
            pass
        try:
            reg = self._stored_registry()
        except StoreDamaged as exc:
            self._heal(exc)
            return Plan.registry.__get__(self)
        Plan.registry.__set__(self, reg)
        return reg

    @registry.setter
    def registry(self, value) -> None:
        Plan.registry.__set__(self, value)

    def _stored_registry(self):
        from kb.registry import Department, Registry, load_registry

        key = f"registry:{self.rules}"
        text = self.store.meta(key)
        if text is not None:
            try:
                data = json.loads(text)
                return Registry(
                    departments={k: Department(**v) for k, v in data["departments"].items()},
                    lookup=dict(data["lookup"]), suffix_typos=dict(data["suffix_typos"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # rewritten below
        reg = load_registry()
        from dataclasses import asdict

        try:
            self.store.set_meta(key, json.dumps({
                "departments": {k: asdict(v) for k, v in reg.departments.items()},
                "lookup": reg.lookup, "suffix_typos": reg.suffix_typos}, ensure_ascii=False))
        except (CacheWriteError, StoreDamaged):
            pass  # read from the YAML again next time
        return reg

    def __deepcopy__(self, memo) -> Plan:
        """A copy is a plain Plan in memory (free to change; the store is not copied)."""
        import copy

        return Plan(documents=copy.deepcopy(self.documents, memo), tasks=copy.deepcopy(self.tasks, memo),
                    registry=copy.deepcopy(self.registry, memo))

    def __copy__(self) -> Plan:
        return Plan(documents=list(self.documents), tasks=list(self.tasks), registry=self.registry)

    def __reduce__(self):
        return (Plan, (self.documents, self.tasks, self.registry))

    def heal(self, exc: BaseException) -> None:
        """The store turned out damaged while a caller read its rows (kb grep): say so, and answer from memory."""
        if not self.healed:
            self._heal(exc)

    def _heal(self, exc: BaseException) -> None:
        """The store failed while answering: say so, remove it (rebuilt next run), parse the corpus in memory."""
        if self.healed:  # (another thread of this process healed it meanwhile)
            return
        memory = None
        if self.store.db is None:
            pass  # a view of the same store (``shown_as``) found it damaged first: said and removed already
        elif isinstance(exc, RowsMissing) and self._plans_replaced():
            # Not damage: another process found a file of this corpus changed or gone (or re-parsed the store under
            # other rules) and removed its plan's rows while this one read them: read the corpus again through the
            # store (only the changed files are parsed; parsing 1,000 plans in memory takes minutes).
            say_once("方案文件在读取期间被改动，已按改动后的文件重新读取")
            memory = self._reloaded()
        else:
            say_once(f"缓存库 {self.store.path} 已损坏（{exc}），正在重建（本次在内存中作答）")
            self.store.remove_files()
        if memory is None:
            memory = parse_in_memory([Path(r.path) for r in self.refs if os.path.lexists(r.path)])
        shown = self._shown or (lambda x: x)
        Plan.documents.__set__(self, [shown(d) for d in memory.documents])
        Plan.tasks.__set__(self, [shown(t) for t in memory.tasks])
        Plan.registry.__set__(self, memory.registry)
        self.healed = True

    def _ntasks(self) -> dict[str, int]:
        """Plan key → how many tasks it was written with (``plans.ntasks``), for this corpus's plans (read once)."""
        found = self._memo.get("ntasks")
        if found is None:
            found = dict(self.store.query(
                f"SELECT key, ntasks FROM plans WHERE key IN ({_marks(len(self.refs))})", [r.key for r in self.refs]))
            if len(found) != len({r.key for r in self.refs}):
                raise RowsMissing("缺少一条方案记录")
            self._memo["ntasks"] = found
        return found

    def _tasks_checked(self) -> None:
        """Every task row the plans were written with is there (once per process, before a lookup that selects task
        rows by a column — id, label, part, a count of targets — where a missing row would only be a shorter answer):
        the rows of ``tasks`` counted against the plans' ``ntasks`` in one statement (one snapshot: a plan another
        process adds or removes meanwhile counts in both or neither), ~3 ms at 1,000 plans (the smallest index)."""
        if "tasks_whole" not in self._memo:
            (kept, written), = self.store.query(
                "SELECT (SELECT count(*) FROM tasks), (SELECT coalesce(sum(ntasks), 0) FROM plans)")
            if kept != written:
                raise RowsMissing(f"任务记录不全（应有 {written} 条，读到 {kept} 条）")
            self._memo["tasks_whole"] = True

    def _whole_plan(self, ref: PlanRef, sql: str) -> list:
        """The rows of ``sql`` (one row per task of plan ``ref``, numbered 0, 1 …, in that order), all of them: fewer
        than the plan was written with is damage (``RowsMissing``), not a shorter plan."""
        rows = self.store.query(sql, (ref.key,))
        expected = self._ntasks()[ref.key]
        if len(rows) != expected or (rows and rows[-1][0] != expected - 1):
            raise RowsMissing(f"一个方案的任务记录不全（应有 {expected} 条，读到 {len(rows)} 条）")
        return rows

    def _role_rows_checked(self, name: str, roles, rows: list) -> None:
        """``rows`` (plan key first) are every ``roles`` row of department ``name`` in ``roles`` for this corpus:
        as many as the plans' role counts (``plans.counts``, summed per corpus) say, or the store is damaged."""
        order = self._order
        got = sum(1 for r in rows if r[0] in order)
        counts = self._memo.get(("role_counts_of", name))
        if counts is None:
            # (the department's own counts kept per corpus: decoding every department's cost ~2-4 ms at 1,000 plans)
            counts = self._corpus_memo(f"role_counts_of:{name}", lambda: self._role_totals().get(name) or {})
            if not (isinstance(counts, dict) and all(isinstance(n, int) for n in counts.values())):
                raise StoreDamaged("一条语料汇总记录读不回来")
            self._memo[("role_counts_of", name)] = counts
        expected = sum(counts.get(f"{r}{ROWS_MARK}", counts.get(r, 0)) for r in roles)  # (rows, not numbered items)
        if got != expected:
            raise RowsMissing(f"一个部门的分工记录不全（应有 {expected} 条，读到 {got} 条）")

    def _reloaded(self) -> Plan | None:
        """The corpus's files as they are now, read through the store into memory (a new scan: the changed files are
        parsed and stored); None when that fails too (the caller parses the files in memory)."""
        if not self._may_reload:
            return None
        files = [Path(r.path) for r in self.refs if os.path.lexists(r.path)]
        try:
            fresh = _load_stored(self.store.path.parent, files, None)
            fresh._may_reload = False  # (files changing on and on: the second time, parse in memory)
            plan = Plan(documents=list(fresh.documents), tasks=list(fresh.tasks), registry=fresh.registry)
            if fresh.store.db is not None:
                fresh.store.close()
            return plan
        except (StoreDamaged, CacheWriteError, OSError, KbError):
            return None

    def _plans_replaced(self) -> bool:
        """Some plan of this corpus has no ``plans`` row any more while its file is gone or holds other bytes than this
        process read, or the store is now another kb's (other parsing rules): another process removed its rows."""
        try:
            known = {k for (k,) in self.store.query(
                f"SELECT key FROM plans WHERE key IN ({_marks(len(self.refs))})", [r.key for r in self.refs])}
            rules = self.store.meta("rules")
        except StoreDamaged:
            return False
        if len(known) < len(self.refs) and rules != self.rules:
            return True  # a kb with other parsing rules (another version) re-parsed the store meanwhile
        for ref in self.refs:
            if ref.key in known:
                continue
            try:
                now = hashlib.sha256(Path(ref.path).read_bytes()).hexdigest()
            except OSError:
                return True  # the file is gone
            if plan_key(self.rules, ref.doc_id, now) != ref.key:
                return True  # the file changed since this process read it
        return False

    def _loaded_tasks(self) -> list[Task] | None:
        try:
            return Plan.tasks.__get__(self)
        except AttributeError:
            return None

    # ------------------------------------------------------------ rows → tasks
    def _task(self, key: str, seq: int, data: str) -> Task:
        found = self._loaded.get((key, seq))
        if found is None:
            found = _decode_task(data)
            if self._shown is not None:
                found = self._shown(found)
            self._loaded[(key, seq)] = found
            self._position[found.id] = self._order[key] * 1_000_000 + seq
        return found

    def _rows_to_listed(self, rows) -> list[Task]:
        """Tasks of (plan, seq, list row) rows that belong to this corpus, once each, in corpus order: a task not
        read yet is a ``StoredTask`` built from its list row (its other fields read when first used)."""
        order = self._order
        # Each task once, keyed by its corpus position (an int: 8,000 ints sort several times faster than tuples).
        keep = {order[p] * 1_000_000 + s: (p, s, b) for p, s, b in rows if p in order}
        batch = _Batch(self)
        out = []
        loaded, position = self._loaded, self._position
        with _no_collection(len(keep)):
            for at in sorted(keep):
                key, seq, item = keep[at]
                found = loaded.get((key, seq))
                if found is None:
                    found = loaded[(key, seq)] = batch.task(key, seq, item)
                    position[found.id] = at
                out.append(found)
        return out

    def _rows_to_tasks(self, rows) -> list[Task]:
        """Tasks of (plan, seq, data) rows that belong to this corpus, once each, in corpus order."""
        order = self._order
        keep = sorted({(order[p], s, p): d for p, s, d in rows if p in order}.items())
        if any(d is None for _, d in keep):  # (LEFT JOIN tasks: a row of another table whose task row is gone)
            raise RowsMissing("缺少一条任务记录")
        with _no_collection(len(keep)):
            return [self._task(p, s, d) for (_, s, p), d in keep]

    # ------------------------------------------------------------ lookups
    @_healing
    def task(self, task_id: str) -> Task | None:
        if self._loaded_tasks() is not None:
            return Plan.task(self, task_id)
        self._tasks_checked()
        rows = self.store.query("SELECT plan, seq, data FROM tasks WHERE id = ?", (task_id,))
        found = self._rows_to_tasks(rows)
        if found:
            return found[0]
        hits = self._rows_to_tasks(self.store.query("SELECT plan, seq, data FROM tasks WHERE label = ?", (task_id,)))
        return hits[0] if len(hits) == 1 else None

    @_healing
    def position(self, task: Task) -> int:
        if task.id not in self._position and self._loaded_tasks() is not None:
            return Plan.position(self, task)
        return self._position.get(task.id, -1)

    @_healing
    def tasks_of(self, name: str, role: str = "any") -> list[Task]:
        if self._loaded_tasks() is not None:
            return Plan.tasks_of(self, name, role)
        roles = ROLES if role == "any" else (role,)
        if self._shown is not None:  # (a view that escapes walks every field: whole rows)
            name = self._stored_name(name)
            rows = self.store.query(
                "SELECT r.plan, r.seq, t.data FROM roles r LEFT JOIN tasks t ON t.plan = r.plan AND t.seq = r.seq "
                f"WHERE r.department = ? AND r.role IN ({_marks(len(roles))})", (name, *roles))
            self._role_rows_checked(name, roles, rows)
            return self._rows_to_tasks(rows)
        # The department's rows are stored together (``roles`` is clustered on the department) and each holds the
        # task's list row: no task row is read.
        rows = self.store.query(
            f"SELECT plan, seq, item FROM roles WHERE department = ? AND role IN ({_marks(len(roles))})", (name, *roles))
        self._role_rows_checked(name, roles, rows)
        return self._rows_to_listed(rows)

    def listing_rows(self, name: str) -> list[tuple[str, str, str, str, str, str]] | None:
        """(role, document id, label, heading, others, facts) of every role ``name`` holds in a task, in
        corpus order: the duty-list lines rendered at parse time (``kb.plan_rows``), read with no task built.

        None when the store turns out damaged (it is healed: the caller renders from the tasks).
        """
        if self.healed or self._loaded_tasks() is not None:
            return None
        name = self._stored_name(name)
        try:
            rows = self.store.query(
                "SELECT plan, role, seq, label, heading, others, facts FROM roles WHERE department = ?", (name,))
            self._role_rows_checked(name, (*ROLES, "implied"), rows)
            facts_start, others_start = _rendered_starts()
            for row in rows:
                if (row[6] and not row[6].startswith(facts_start)) or (row[5] and not row[5].startswith(others_start)):
                    raise StoreDamaged("一条分工记录读不回来（不是 kb 写下的格式）")
        except StoreDamaged as exc:
            self._heal(exc)
            return None
        rows = [(role, p, *rest) for p, role, *rest in rows]
        order = self._order
        doc_of = {r.key: r.doc_id for r in self.refs}
        rows = sorted((r for r in rows if r[1] in order), key=lambda r: (order[r[1]], r[2]))
        return self._show([(role, doc_of[p], label, heading, others, facts)
                           for role, p, _, label, heading, others, facts in rows])

    def _stored_name(self, name: str) -> str:
        """The department or sub-unit as stored that this view shows as ``name`` (``shown_as``: the TUI's escaping
        shows 市医\u202e保局 as 市医<U+202E>保局, and asks for it so); ``name`` itself when none is shown so."""
        if self._shown is None:
            return name
        shown = self._memo.get("stored_names")
        if shown is None:
            union = self._union()
            shown = {self._shown(n): n for n in (*union["departments"], *union["subunits"])}
            self._memo["stored_names"] = shown
        return shown.get(name, name)

    def _summaries(self) -> list[tuple[list, dict, list]]:
        # The corpus's plans do not change while the process runs: read their summaries once.
        if self._summary is None:
            self._summary = self._read_summaries()
        return self._summary

    def _read_summaries(self) -> list[tuple[list, dict, list]]:
        by_key = {k: (d, s, h) for k, d, s, h in self.store.query(
            f"SELECT key, departments, subunits, roles FROM plans WHERE key IN ({_marks(len(self.refs))})",
            [r.key for r in self.refs])}
        try:
            return [tuple(json.loads(x) for x in by_key[r.key]) for r in self.refs]
        except (ValueError, KeyError) as exc:
            raise _missing_or_damaged(exc, "一条方案记录读不回来") from exc

    @_healing
    def role_counts(self) -> dict[str, dict[str, int]]:
        if self._loaded_tasks() is not None:
            return Plan.role_counts(self)
        return self._show({name: {r: n for r, n in counts.items() if not r.endswith(ROWS_MARK)}
                           for name, counts in self._role_totals().items()})

    def _role_totals(self) -> dict[str, dict[str, int]]:
        """``role_counts`` of the corpus as kept in the store (read once; not to be changed)."""
        found = self._memo.get("role_counts")
        if found is None:
            def summed() -> dict[str, dict[str, int]]:
                total: dict[str, dict[str, int]] = {}
                rows = self.store.query(f"SELECT counts FROM plans WHERE key IN ({_marks(len(self.refs))})",
                                        [r.key for r in self.refs])
                if len(rows) != len(self.refs):  # (a sum over fewer plans would be kept for this corpus)
                    raise RowsMissing("缺少一条方案记录")
                try:
                    for (text,) in rows:
                        for name, counts in json.loads(text).items():
                            mine = total.setdefault(name, {})
                            for role, n in counts.items():
                                mine[role] = mine.get(role, 0) + n
                except (ValueError, AttributeError) as exc:
                    raise _missing_or_damaged(exc, "一条方案记录读不回来") from exc
                return total

            # The TUI's side bar asks for them at every start: 1,000 plans' counts summed once per corpus.
            found = self._corpus_memo("role_counts", summed)
            if not (isinstance(found, dict) and all(isinstance(v, dict) for v in found.values())):
                raise StoreDamaged("一条语料汇总记录读不回来")
            self._memo["role_counts"] = found
        return found

    @_healing
    def characters(self) -> frozenset[str]:
        if self._loaded_tasks() is not None:
            return Plan.characters(self)
        found = self._memo.get("characters")
        if found is None:
            def every_character() -> str:
                rows = self.store.query(f"SELECT chars FROM plans WHERE key IN ({_marks(len(self.refs))})",
                                        [r.key for r in self.refs])
                if len(rows) != len(self.refs):
                    raise RowsMissing("缺少一条方案记录")
                return "".join(sorted(frozenset("".join(c for (c,) in rows))))

            text = self._corpus_memo("characters", every_character)
            if not isinstance(text, str):
                raise StoreDamaged("一条语料汇总记录读不回来")
            found = self._memo["characters"] = frozenset(text)
        return found

    def _union(self) -> dict:
        """The corpus's departments (in order of first appearance), sub-units and roles held, over every plan."""
        found = self._memo.get("union")
        if found is None:
            def union() -> dict:
                departments: dict[str, None] = {}
                subunits: dict[str, str] = {}
                roles: dict[str, None] = {}
                for names, subs, held in self._summaries():
                    departments.update(dict.fromkeys(names))
                    for sub, parent in subs.items():
                        subunits.setdefault(sub, parent)
                    roles.update(dict.fromkeys(held))
                return {"departments": list(departments), "subunits": subunits, "roles": list(roles)}

            found = self._corpus_memo("union", union)
            if not (isinstance(found, dict) and isinstance(found.get("departments"), list)
                    and isinstance(found.get("subunits"), dict) and isinstance(found.get("roles"), list)):
                raise StoreDamaged("一条语料汇总记录读不回来")
            self._memo["union"] = found
        return found

    def _corpus_memo(self, name: str, compute):
        """``compute()`` (JSON-able) for this corpus, kept in the store's ``meta`` under the set of its plans:
        a union over 1,000 plans cost more than the rest of a question.  Forgotten whenever a plan is added,
        changed or removed (``_collect``)."""
        key = f"corpus:{name}:" + hashlib.sha256("\0".join(r.key for r in self.refs).encode()).hexdigest()[:32]
        text = self.store.meta(key)
        if text is not None:
            try:
                return json.loads(text)
            except ValueError as exc:
                raise StoreDamaged("一条语料汇总记录读不回来") from exc
        value = compute()
        try:
            self.store.set_meta(key, json.dumps(value, ensure_ascii=False))
        except (CacheWriteError, StoreDamaged):
            pass  # computed again next time
        return value

    def same_plans(self) -> list[list[int]]:
        """Groups (two or more) of positions in ``refs`` whose plans say the same (``kb.plan_rows.content_digest``),
        kept per corpus in the store's ``meta`` (``_corpus_memo``): reading a column of 1,000 wide plan rows costs
        more than a question."""
        def read() -> list[list[int]]:
            digest = dict(self.store.query(
                f"SELECT key, content FROM plans WHERE key IN ({_marks(len(self.refs))})", [r.key for r in self.refs]))
            groups: dict[str, list[int]] = {}
            for i, r in enumerate(self.refs):
                if r.key in digest:
                    groups.setdefault(digest[r.key], []).append(i)
            return [g for g in groups.values() if len(g) > 1]

        found = self._corpus_memo("same", read)
        if not (isinstance(found, list) and all(isinstance(g, list) and all(isinstance(i, int) and 0 <= i < len(self.refs)
                                                                         for i in g) for g in found)):
            raise StoreDamaged("一条语料汇总记录读不回来")
        return found

    def mentions(self) -> "Mentions":
        if self.healed or self._loaded_tasks() is not None:
            return Plan.mentions(self)
        return Mentions(self)

    @_healing
    def roles_held(self) -> tuple[str, ...]:
        if self._loaded_tasks() is not None:
            return Plan.roles_held(self)
        held = set(self._union()["roles"])
        return tuple(r for r in ROLES if r not in OPTIONAL_ROLES or r in held)

    @_healing
    def roles_given(self) -> tuple[str, ...]:
        if self._loaded_tasks() is not None:
            return Plan.roles_given(self)
        held = set(self._union()["roles"])
        return tuple(r for r in ROLES if r in held)

    @_healing
    def departments(self) -> list[str]:
        if self._loaded_tasks() is not None:
            return Plan.departments(self)
        return self._show(list(self._union()["departments"]))

    @_healing
    def subunits(self) -> dict[str, str]:
        if self._loaded_tasks() is not None:
            return Plan.subunits(self)
        return self._show(dict(self._union()["subunits"]))

    def iter_tasks(self):
        """Every task in corpus order, read plan by plan (not kept: memory stays flat)."""
        loaded = self._loaded_tasks()
        if loaded is not None:
            yield from loaded
            return
        given = 0
        try:
            for ref in self.refs:
                for seq, data in self._whole_plan(ref, "SELECT seq, data FROM tasks WHERE plan = ? ORDER BY seq"):
                    found = self._loaded.get((ref.key, seq))
                    if found is None:
                        found = _decode_task(data)
                        if self._shown is not None:
                            found = self._shown(found)
                    yield found
                    given += 1
        except StoreDamaged as exc:
            self._heal(exc)
            yield from Plan.tasks.__get__(self)[given:]

    @_healing
    def titled_in(self, text: str, fold=None) -> list[Task]:
        """Tasks whose folded title (4+ characters) stands in ``text`` (folded by kb.qa.text.fold when stored)."""
        if self._loaded_tasks() is not None and fold is not None:
            return Plan.titled_in(self, text, fold)
        return self._rows_to_tasks(self.store.query(
            "SELECT x.plan, x.seq, t.data FROM titles x LEFT JOIN tasks t ON t.plan = x.plan AND t.seq = x.seq "
            "WHERE length(x.text) >= 4 AND instr(?, x.text) > 0", (text,)))

    @_healing
    def part_tasks(self, doc_id: str, part: str) -> list[Task]:
        if self._loaded_tasks() is not None:
            return Plan.part_tasks(self, doc_id, part)
        found = self._memo.get(("part_tasks", doc_id, part))  # (kept as document_tasks is)
        if found is None:
            keys = [r.key for r in self.refs if r.doc_id == doc_id]
            found = self.tasks_where("t.plan = ? AND t.part = ?", (keys[0], part)) if keys else []
            self._memo[("part_tasks", doc_id, part)] = found
        return list(found)

    @_healing
    def parts_tasks(self, pairs) -> list[Task]:
        if self._loaded_tasks() is not None:
            return Plan.parts_tasks(self, pairs)
        key_of = {r.doc_id: r.key for r in self.refs}
        wanted = {(key_of[d], part) for d, part in pairs if d in key_of}
        parts = sorted({part for _, part in wanted})
        if not parts:
            return []
        self._tasks_checked()
        rows = self.store.query(f"SELECT plan, seq, data, part FROM tasks WHERE part IN ({_marks(len(parts))})", parts)
        return self._rows_to_tasks((p, s, d) for p, s, d, part in rows if (p, part) in wanted)

    def _documents_memo(self, name: str, paths: tuple[str, ...]) -> list[list]:
        """For each plan in corpus order, the JSON values at ``paths`` of its document (lists, as ``$.parts``), kept
        per corpus (``_corpus_memo``): pulled out of 1,000 documents' rows they cost their overflow pages and SQLite's
        JSON parse each time.  The annexes (every question that counts or lists asks whether it names one) are kept so:
        reading them as whole documents cost 工作目标是什么 169 ms CPU at 1,000 plans, the memo 0.6 ms."""
        def read() -> list:
            columns = ", ".join(f"json_extract(document, '{path}')" for path in paths)
            by_key = {k: v for k, *v in self.store.query(
                f"SELECT key, {columns} FROM plans WHERE key IN ({_marks(len(self.refs))})", [r.key for r in self.refs])}
            try:
                return [[json.loads(v or "[]") for v in by_key[r.key]] for r in self.refs]
            except (KeyError, ValueError, TypeError) as exc:
                raise _missing_or_damaged(exc, "一条方案文档记录读不回来") from exc

        rows = self._corpus_memo(name, read)
        if not (isinstance(rows, list) and len(rows) == len(self.refs)
                and all(isinstance(row, list) and len(row) == len(paths) for row in rows)
                and all(isinstance(pairs, list) and all(isinstance(x, list) and len(x) == 2 and all(
                    isinstance(y, (str, type(None))) for y in x) for x in pairs) for row in rows for pairs in row)):
            raise StoreDamaged("一条语料汇总记录读不回来")
        return rows

    @_healing
    def document_annexes(self) -> list[tuple[str, list]]:
        """(document id, annexes) of the plans with annexes after their body, in corpus order: every question that
        counts or lists asks whether it names an annex (kb.qa.query.annexes_named), which read 1,000 whole documents."""
        if self._loaded_documents() is not None:
            return Plan.document_annexes(self)
        found = self._memo.get("annexes")
        if found is None:
            rows = self._documents_memo("annexes", ("$.annexes",))
            found = [(r.doc_id, [tuple(x) for x in annexes]) for r, (annexes,) in zip(self.refs, rows) if annexes]
            self._memo["annexes"] = found = self._show(found)
        return found

    @_healing
    def document_divisions(self) -> list[tuple[str, list]]:
        """(document id, divisions) of the files holding several documents, in corpus order (``Plan.document_divisions``),
        kept per corpus as the annexes are: every question is read against them."""
        if self._loaded_documents() is not None:
            return Plan.document_divisions(self)
        found = self._memo.get("divisions")
        if found is None:
            rows = self._documents_memo("divisions", ("$.divisions",))
            found = [(r.doc_id, [tuple(x) for x in divisions]) for r, (divisions,) in zip(self.refs, rows) if divisions]
            self._memo["divisions"] = found = self._show(found)
        return found

    @_healing
    def document_outlines(self) -> list[tuple[str, list, list]]:
        if self._loaded_documents() is not None:
            return Plan.document_outlines(self)
        found = self._memo.get("outlines")
        if found is None:
            # (read from the documents each run: kept per corpus like the annexes, decoding the kept JSON cost more
            # CPU than SQLite's json_extract — 22.6 against 18.1 ms at 1,000 plans)
            by_key = {k: (p, s) for k, p, s in self.store.query(
                "SELECT key, json_extract(document, '$.parts'), json_extract(document, '$.sections') FROM plans "
                f"WHERE key IN ({_marks(len(self.refs))})", [r.key for r in self.refs])}
            try:
                found = [(r.doc_id, [tuple(x) for x in json.loads(by_key[r.key][0])],
                          [tuple(x) for x in json.loads(by_key[r.key][1])]) for r in self.refs]
            except (KeyError, ValueError, TypeError) as exc:
                raise _missing_or_damaged(exc, "一条方案文档记录读不回来") from exc
            self._memo["outlines"] = found = self._show(found)
        return found

    @_healing
    def tasks_naming_in_fields(self, word: str, fold) -> list[Task]:
        if self._loaded_tasks() is not None or not word:
            return Plan.tasks_naming_in_fields(self, word, fold)
        # The cells of the rows that have some (SQLite takes them out of the stored row), folded here as in memory,
        # once a process: ``word`` is folded, the stored row is not — an instr on the raw row never found IT处
        # (it处), ＸＸ处 or a name with a space inside.  Only the tasks found are decoded.
        order = self._order
        cells = self._memo.get(("folded cells", fold))
        if cells is None:
            self._tasks_checked()
            at = f"$[{_FIELDS_AT}]"
            rows = self.store.query(f"SELECT t.plan, t.seq, json_extract(t.data, '{at}') FROM tasks t "
                                    f"WHERE json_extract(t.data, '{at}') <> '{{}}'")
            cells = []
            for p, s, c in rows:
                if p in order:
                    try:
                        values = json.loads(c).values()
                    except (TypeError, ValueError, AttributeError) as exc:  # (not an object where Task.fields stands)
                        raise StoreDamaged("一条任务记录读不回来") from exc
                    cells.append((order[p], s, p, [fold(v) for v in values if isinstance(v, str) and v]))
            cells.sort(key=lambda row: row[:2])
            self._memo[("folded cells", fold)] = cells
        return self.tasks_at([(p, s) for _, s, p, folded in cells if any(word in v for v in folded)])

    @_healing
    def tasks_matching(self, groups, fold=None, *, field: str = "text", kinds=("task",)) -> list[Task]:
        if self._loaded_tasks() is not None and fold is not None:
            return Plan.tasks_matching(self, groups, fold, field=field, kinds=kinds)
        table = "titles" if field == "title" else "folded"
        where, params = [], []
        groups = [[w for w in g if w] for g in groups]
        for g in groups:
            if not g:
                return []
            where.append("(" + " OR ".join("instr(x.text, ?) > 0" for _ in g) + ")")
            params.extend(g)
        narrow, narrow_params = _gram_where(self.store, table, "x", groups)
        where, params = narrow + where, narrow_params + params
        if kinds is not None:
            where.append(f"(t.kind IN ({_marks(len(kinds))}) OR t.data IS NULL)")
            params.extend(kinds)
        return self._rows_to_tasks(self.store.query(
            f"SELECT x.plan, x.seq, t.data FROM {table} x LEFT JOIN tasks t ON t.plan = x.plan AND t.seq = x.seq WHERE "
            + (" AND ".join(where) or "1"), params))

    @_healing
    @_healing
    def document_tasks(self, doc_id: str) -> list[Task]:
        if self._loaded_tasks() is not None:
            return Plan.document_tasks(self, doc_id)
        # (kept: a question naming a section by its heading reads the document's paragraphs — every row's JSON,
        # ~1 ms for 130 rows — and a task read once is the same object anyway)
        found = self._memo.get(("document_tasks", doc_id))
        if found is None:
            keys = [r.key for r in self.refs if r.doc_id == doc_id]
            found = self.tasks_where("t.plan = ? ORDER BY t.seq", (keys[0],)) if keys else []
            self._memo[("document_tasks", doc_id)] = found
        return list(found)

    @_healing
    def document_opening(self, doc_id: str, count: int) -> list[Task]:
        if self._loaded_tasks() is not None:
            return Plan.document_opening(self, doc_id, count)
        keys = [r.key for r in self.refs if r.doc_id == doc_id]
        return self.tasks_where("t.plan = ? AND t.seq < ? ORDER BY t.seq", (keys[0], count)) if keys else []

    @_healing
    def warned_tasks(self) -> list[Task]:
        if self._loaded_tasks() is not None:
            return Plan.warned_tasks(self)
        return self.tasks_where("t.warnings > 0")

    @_healing
    def target_keys(self) -> list[tuple[str, int, str, str | None, int | None]]:
        if self._loaded_tasks() is not None:
            return Plan.target_keys(self)
        found = self._memo.get("target_keys")
        if found is None:
            order = self._order
            rows = sorted((r for r in self.store.query("SELECT plan, seq, n, task, metric, scope, year FROM targets")
                           if r[0] in order), key=lambda r: (order[r[0]], r[1], r[2]))
            found = self._memo["target_keys"] = [(task, n, metric, scope, year)
                                                 for _, _, n, task, metric, scope, year in rows]
        return list(found)

    @_healing
    def with_targets(self) -> list[Task]:
        if self._loaded_tasks() is not None:
            return Plan.with_targets(self)
        return self.tasks_where("t.targets > 0")

    def search_texts(self) -> "SearchTexts":
        """Task id → folded title and body (see ``plan_rows``), read from the store on demand."""
        return SearchTexts(self)

    def tasks_where(self, sql: str, params=()) -> list[Task]:
        """Tasks of the rows of ``tasks`` (alias ``t``) matching ``sql``, e.g. ``t.part = ?``."""
        self._tasks_checked()
        return self._rows_to_tasks(self.store.query(f"SELECT t.plan, t.seq, t.data FROM tasks t WHERE {sql}", params))

    def grep_rows(self, literal: str | None = None, keys=None):
        """(plan, seq, grep text, units, tagged) of the corpus's tasks, in corpus order.

        ``grep text`` is the NFKC-folded units (clauses, then the tag) joined by
        newlines, as kb.grep matches them.  With ``literal``, only tasks whose
        grep text holds it (the test runs inside SQLite, so a literal search
        decodes only the tasks that hold it); with ``keys`` (a set of (plan, seq)),
        only those tasks.
        """
        sql = "SELECT plan, seq, grep, units, tagged FROM texts" + (" WHERE instr(grep, ?) > 0" if literal else "")
        # A task's texts row missing would be a task grep never finds: the store's rows are counted against the
        # plans' task counts (one statement, so one snapshot: another process adding a plan meanwhile cannot
        # make them differ; ~3 ms at 1,000 plans, a scan of the smallest index).
        (rows_kept, tasks_written), = self.store.query(
            "SELECT (SELECT count(*) FROM texts), (SELECT coalesce(sum(ntasks), 0) FROM plans)")
        if rows_kept != tasks_written:
            raise RowsMissing(f"检索文本记录不全（应有 {tasks_written} 条，读到 {rows_kept} 条）")
        order = self._order
        rows = [r for r in self.store.query(sql, (literal,) if literal else ())
                if r[0] in order and (keys is None or (r[0], r[1]) in keys)]
        rows.sort(key=lambda r: (order[r[0]], r[1]))
        return rows

    def grep_details(self, keys) -> dict[tuple[str, int], tuple[str, str, str]]:
        """(plan, seq) → (task id, label, units as written joined by newlines, or "" when folding changes
        nothing in them) for the tasks ``keys``: what kb grep prints, without building the tasks."""
        by_plan: dict[str, list[int]] = {}
        for p, s in keys:
            by_plan.setdefault(p, []).append(s)
        out = {}
        for p, seqs in by_plan.items():
            for i in range(0, len(seqs), 500):
                chunk = seqs[i:i + 500]
                for s, task_id, label, original in self.store.query(
                        "SELECT t.seq, t.id, t.label, x.original FROM tasks t JOIN texts x ON x.plan = t.plan "
                        f"AND x.seq = t.seq WHERE t.plan = ? AND t.seq IN ({_marks(len(chunk))})", (p, *chunk)):
                    out[(p, s)] = (task_id, label, original)
        if len(out) != len(set(keys)):
            raise RowsMissing("缺少一条任务记录")
        return out

    def grep_totals(self, keys=None) -> tuple[int, int, int]:
        """(tasks, units, tagged tasks) of the corpus (or of the (plan, seq) pairs ``keys``), counted in SQLite."""
        order = self._order
        if keys is None:
            rows = self.store.query("SELECT plan, count(*), sum(units), sum(tagged) FROM texts GROUP BY plan")
            found = [r for r in rows if r[0] in order]
            return (sum(r[1] for r in found), sum(r[2] or 0 for r in found), sum(r[3] or 0 for r in found))
        tasks = units = tagged = 0
        for p, s, n, t in self.store.query("SELECT plan, seq, units, tagged FROM texts"):
            if (p, s) in keys:
                tasks, units, tagged = tasks + 1, units + n, tagged + t
        return tasks, units, tagged

    def filter_keys(self, sql: str, params=()) -> set[tuple[str, int]]:
        """(plan, seq) of this corpus's tasks returned by ``sql`` (which selects plan, seq)."""
        order = self._order
        return {(p, s) for p, s in self.store.query(sql, params) if p in order}

    def _header_rows(self) -> list[tuple[str, str, str | None, str, str]]:
        """(document id, title, issuer vocabulary, folded headings, name) of each plan in corpus order, read once.

        Kept in the store's ``meta`` per corpus (``_corpus_memo``): a plan's row is as wide as its document, so
        reading these five columns of 1,000 plans read 1,000 rows' overflow pages (~20–40 ms of every question).
        """
        if self._headers is None:
            def read() -> list:
                by_key = {r[0]: list(r[1:]) for r in self.store.query(
                    f"SELECT key, doc_id, title, registry, headings, name FROM plans WHERE key IN ({_marks(len(self.refs))})",
                    [r.key for r in self.refs])}
                try:
                    return [by_key[r.key] for r in self.refs]
                except KeyError as exc:
                    raise RowsMissing("缺少一条方案记录") from exc

            found = self._corpus_memo("headers", read)
            if not (isinstance(found, list) and len(found) == len(self.refs)
                    and all(isinstance(h, list) and len(h) == 5 for h in found)):
                raise StoreDamaged("一条语料汇总记录读不回来")
            self._headers = [tuple(h) for h in found]
        return self._headers

    @_healing
    def title_words(self) -> list[tuple[str, str]]:
        """As ``Plan.title_words``, kept in the store's ``meta`` per corpus (``_corpus_memo``): made from the rows,
        they decode every document and read each plan's opening paragraphs (a query each) — 1,000 of both at 1,000
        plans for each question holding a plan mark (方案/意见…).  Read from the stored text in a view that escapes
        (``shown_as``), as the other lookups that only match text."""
        if self._loaded_documents() is not None or self.healed:
            return Plan.title_words(self)
        found = self._memo.get("title_words")
        if found is None:
            raw = StoredPlan(self.store, self.refs, self.rules)
            rows = self._corpus_memo("title_words", lambda: [list(row) for row in Plan.title_words(raw)])
            if not (isinstance(rows, list) and len(rows) == len(self.refs) and all(
                    isinstance(row, list) and len(row) == 2 and all(isinstance(x, str) for x in row) for row in rows)):
                raise StoreDamaged("一条语料汇总记录读不回来")
            found = self._memo["title_words"] = [(doc_id, words) for doc_id, words in rows]
        return found

    @_healing
    def document_titles(self) -> list[tuple[str, str]]:
        """(document id, title) of every plan in corpus order, without reading the documents (the TUI's plan picker)."""
        if self._loaded_documents() is not None:
            return Plan.document_titles(self)
        return self._show([(doc_id, title) for doc_id, title, _, _, _ in self._header_rows()])

    @_healing
    def document_names(self) -> list[tuple[str, str]]:
        """(document id, ``Document.name``) of every plan in corpus order, without reading the documents."""
        if self._loaded_documents() is not None:
            return Plan.document_names(self)
        from pathlib import PurePath

        return self._show(distinct_names([(doc_id, name, PurePath(ref.path).name)
                                          for (doc_id, _, _, _, name), ref in zip(self._header_rows(), self.refs)]))

    def _show(self, value):
        """``value`` as this view shows what it reads (``shown_as``: the TUI's escaping), else as stored."""
        return value if self._shown is None else self._shown(value)

    def document_ids(self) -> list[str]:
        if self.healed:  # (read again: the files may have changed meanwhile)
            return [d.id for d in self.documents]
        return [r.doc_id for r in self.refs]

    def document_headers(self) -> list["DocumentHeader"]:
        """Id, title, path and registry of each document, read from the plans' columns (decoding 1,000 whole
        documents, learned terms and all, cost more than the rest of naming them); the documents themselves
        once they are loaded, or when the store fails."""
        loaded = self._loaded_documents()
        if loaded is not None:
            return loaded
        if self.healed:
            return self.documents
        found = self._memo.get("headers")
        if found is None:
            try:
                found = [DocumentHeader(doc_id, self._show(title), r.path, registry, self._show(name))
                         for (doc_id, title, registry, _, name), r in zip(self._header_rows(), self.refs)]
            except StoreDamaged:
                return self.documents  # (heals the store if it is damaged)
            self._memo["headers"] = found
        return found

    @_healing
    def heading_text(self) -> str:
        """The titles of every plan's parts and sections, folded, one a line (does a heading say X?)."""
        if self._loaded_documents() is not None:
            return Plan.heading_text(self)
        return "\n".join(h for _, _, _, h, _ in self._header_rows() if h)

    def _loaded_documents(self) -> list[Document] | None:
        try:
            return Plan.documents.__get__(self)
        except AttributeError:
            return None

    def index_digests(self) -> dict[str, str]:
        """Document id → the digest of what the search index holds of it (``kb.plan_rows.index_digest``)."""
        by_key = dict(self.store.query(
            f"SELECT key, indexed FROM plans WHERE key IN ({_marks(len(self.refs))})", [r.key for r in self.refs]))
        try:
            return {r.doc_id: by_key[r.key] for r in self.refs}
        except KeyError as exc:
            raise RowsMissing("缺少一条方案记录") from exc

    def term_rows(self, terms: list[str]) -> dict[str, list[tuple[str, str, list[int], str | None, str | None]]]:
        """Learned topic term → (document id, plan key, task numbers, heading label, heading title) of each plan of
        the corpus that learned it, in corpus order (kb/qa/plan_terms.py; one query for all ``terms``)."""
        order = self._order
        doc_of = {r.key: r.doc_id for r in self.refs}
        found: dict[str, list] = {}
        for i in range(0, len(terms), 500):
            chunk = terms[i:i + 500]
            rows = self.store.query(
                f"SELECT term, plan, seqs, heading, heading_title FROM terms WHERE term IN ({_marks(len(chunk))})", chunk)
            for term, key, seqs, heading, title in rows:
                if key in order:
                    try:
                        numbers = json.loads(seqs)
                    except ValueError as exc:
                        raise StoreDamaged("一条主题词记录读不回来") from exc
                    found.setdefault(term, []).append((doc_of[key], key, numbers, self._show(heading), self._show(title)))
        for rows in found.values():
            rows.sort(key=lambda row: order[row[1]])
        return found

    def term_holding(self, part: str) -> bool:
        """Some plan of the corpus learned a topic term holding ``part``."""
        terms = [t for (t,) in self.store.query("SELECT DISTINCT term FROM terms WHERE instr(term, ?) > 0", (part,))]
        order = self._order
        for i in range(0, len(terms), 500):
            chunk = terms[i:i + 500]
            if any(k in order for (k,) in self.store.query(
                    f"SELECT DISTINCT plan FROM terms WHERE term IN ({_marks(len(chunk))})", chunk)):
                return True
        return False

    def outline(self) -> tuple[list[str], set[str]]:
        if self._loaded_tasks() is not None:
            return Plan.outline(self)
        parts: dict[str, None] = {}
        labels: set[str] = set()
        for ref in self.refs:
            for part, section, label in self.store.query(
                    "SELECT part, section, label FROM tasks WHERE plan = ? ORDER BY seq", (ref.key,)):
                parts.setdefault(part, None)
                if section:
                    parts.setdefault(section, None)
                labels.add(label)
        return list(parts), labels

    def uses_store(self) -> bool:
        """True while lookups go to the store (not healed, ``tasks`` not loaded)."""
        return not self.healed and self._loaded_tasks() is None

    def tasks_at(self, keys) -> list[Task]:
        """Tasks of (plan, seq) pairs, in the order given (from memory once the store turned out damaged)."""
        keys = list(keys)
        if not self.healed:
            try:
                return self._stored_tasks_at(keys)
            except StoreDamaged as exc:
                self._heal(exc)
        doc_of = {r.key: r.doc_id for r in self.refs}
        return [Plan.document_tasks(self, doc_of[p])[s] for p, s in keys]

    def _stored_tasks_at(self, keys) -> list[Task]:
        by_plan: dict[str, list[int]] = {}
        for p, s in keys:
            if (p, s) not in self._loaded:
                by_plan.setdefault(p, []).append(s)
        for p, seqs in by_plan.items():
            for i in range(0, len(seqs), 500):
                chunk = seqs[i:i + 500]
                for s, d in self.store.query(f"SELECT seq, data FROM tasks WHERE plan = ? AND seq IN ({_marks(len(chunk))})",
                                             (p, *chunk)):
                    self._task(p, s, d)
        try:
            return [self._loaded[k] for k in keys]
        except KeyError as exc:
            raise RowsMissing("缺少一条任务记录") from exc


class DocumentHeader:
    """What names a document in a listing: its id, title, the file it was read from, its issuer vocabulary and
    its ``name`` (``kb.model.Document.name``: the plan's own title behind a cover notice, else the title)."""

    __slots__ = ("id", "title", "path", "registry", "name")

    def __init__(self, doc_id: str, title: str, path: str, registry: str | None, name: str) -> None:
        self.id, self.title, self.path, self.registry, self.name = doc_id, title, path, registry, name  # as Document's


class Mentions:
    """``word in plan.mentions()`` for a StoredPlan: a document title, a heading (the plans' ``headings`` column) or a
    paragraph (folded) holds ``word``.

    The test runs inside SQLite over the stored folded paragraphs; answers are remembered.
    """

    __slots__ = ("plan", "_seen", "_titles")

    def __init__(self, plan: StoredPlan) -> None:
        self.plan = plan
        self._seen: dict[str, bool] = {}
        self._titles: str | None = None

    def __contains__(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            if self._titles is None:
                from kb.qa.text import fold

                self._titles = "\n".join([fold(title) for _, title in self.plan.document_titles()]
                                          + [self.plan.heading_text()])
            found = word in self._titles or (not self.plan.healed and self._in_paragraphs(word))
            self._seen[word] = found
        return found

    def _in_paragraphs(self, word: str) -> bool:
        """A paragraph of a plan of this corpus holds ``word``: the rows the trigram index gives (every row for a
        word it cannot look up) are read until the first of such a plan — reading every row for the set of plans
        holding the word read the whole table, 12 M characters at 1,000 plans, for each word asked."""
        order = self.plan._order
        narrow, params = _gram_where(self.plan.store, "plain", "p", [[word]])
        rows = self.plan.store.cursor("SELECT p.plan FROM plain p WHERE " + " AND ".join([*narrow, "instr(p.text, ?) > 0"]),
                                      [*params, word])
        try:
            return any(p in order for (p,) in rows)
        finally:
            rows.close()  # (the statement ends here, not when the generator is collected)


class SearchTexts:
    """A read-only mapping task id → folded search text of a StoredPlan, backed by the ``texts`` table."""

    __slots__ = ("plan", "_cache", "_memory")

    def __init__(self, plan: StoredPlan) -> None:
        self.plan = plan
        self._cache: dict[str, str] = {}
        self._memory: dict[str, str] | None = None

    def _fallback(self, exc: BaseException | None = None) -> dict[str, str]:
        """After damage (or once the plan is healed): the same texts computed from the tasks in memory."""
        if self._memory is None:
            from kb.qa.text import fold

            if not self.plan.healed:
                self.plan._heal(exc)
            self._memory = {t.id: fold(f"{t.title or ''}\n{t.body or t.text}") for t in self.plan.tasks}
        return self._memory

    def __getitem__(self, task_id: str) -> str:
        if self._memory is not None or self.plan.healed:
            return self._fallback()[task_id]
        try:
            return self._stored(task_id)
        except StoreDamaged as exc:
            return self._fallback(exc)[task_id]

    def _stored(self, task_id: str) -> str:
        found = self._cache.get(task_id)
        if found is None:
            order = self.plan._order
            rows = [r for r in self.plan.store.query(
                "SELECT t.plan, x.text FROM tasks t LEFT JOIN folded x ON x.plan = t.plan AND x.seq = t.seq WHERE t.id = ?",
                (task_id,)) if r[0] in order]
            if not rows:
                raise KeyError(task_id)
            if any(text is None for _, text in rows):
                raise RowsMissing("缺少一条检索文本记录")
            found = self._cache[task_id] = min(rows, key=lambda r: order[r[0]])[1]
        return found

    def get(self, task_id: str, default=None):
        try:
            return self[task_id]
        except KeyError:
            return default

    def __contains__(self, task_id) -> bool:
        return self.get(task_id) is not None

    def items(self):
        """(task id, folded text) in corpus order, streamed."""
        if self._memory is not None or self.plan.healed:
            yield from self._fallback().items()
            return
        try:
            rows = [row for ref in self.plan.refs for row in self._plan_items(ref)]
        except StoreDamaged as exc:
            rows = list(self._fallback(exc).items())
        yield from rows

    def _plan_items(self, ref):
        rows = self.plan._whole_plan(ref, "SELECT t.seq, t.id, x.text FROM tasks t LEFT JOIN folded x "
                                          "ON x.plan = t.plan AND x.seq = t.seq WHERE t.plan = ? ORDER BY t.seq")
        if any(text is None for _, _, text in rows):
            raise RowsMissing("缺少一条检索文本记录")
        return [(task_id, text) for _, task_id, text in rows]

    def __iter__(self):
        return (k for k, _ in self.items())

    def keys(self):
        return iter(self)

    def values(self):
        return (v for _, v in self.items())

    def __len__(self) -> int:
        if self._memory is not None or self.plan.healed:
            return len(self._fallback())
        return sum(n for (n,) in self.plan.store.query(
            f"SELECT ntasks FROM plans WHERE key IN ({_marks(len(self.plan.refs))})", [r.key for r in self.plan.refs]))

    def containing(self, word: str) -> list[str]:
        """Ids of the tasks whose folded text holds ``word`` (the test runs inside SQLite), in corpus order."""
        order = self.plan._order
        narrow, params = _gram_where(self.plan.store, "folded", "x", [[word]])
        rows = [r for r in self.plan.store.query(
            "SELECT x.plan, x.seq, t.id FROM folded x LEFT JOIN tasks t ON t.plan = x.plan AND t.seq = x.seq "
            "WHERE " + " AND ".join([*narrow, "instr(x.text, ?) > 0"]), [*params, word]) if r[0] in order]
        if any(tid is None for _, _, tid in rows):
            raise RowsMissing("缺少一条任务记录")
        return [tid for _, _, tid in sorted(rows, key=lambda r: (order[r[0]], r[1]))]


class StoredTask(Task):
    """A task read from its list row (``kb.plan_rows.list_row``: ``LIST_FIELDS``, what a list shows of it); its
    other fields are read the first time one is used — together with those of every task of the same lookup
    still without them, in one query: the brief row's fields (every field but ``TEXT_FIELDS``) first, the text
    when one of ``TEXT_FIELDS`` is used.

    A department's list at 1,000 plans (8,000 tasks) is shown from their labels, titles and departments:
    decoding the rest cost more than the rest of the answer.  Otherwise it is a ``Task`` like any other: equal
    to the same task read whole, copied, printed and turned to JSON whole.
    """

    __slots__ = ("_batch",)

    def __getattr__(self, name: str):
        # Called only when normal lookup fails: a field not read yet.
        if name in _LATER_FIELDS:
            object.__getattribute__(self, "_batch").complete(name)
            return object.__getattribute__(self, name)
        raise AttributeError(name)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Task):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in _TASK_FIELDS)

    __hash__ = None  # (as Task: mutable, compared by value)

    def __reduce_ex__(self, protocol):
        # A copy is a plain Task, whole (never a reference to the store).
        return (Task, tuple(getattr(self, n) for n in _TASK_FIELDS))


_TASK_FIELDS = tuple(f.name for f in dataclasses.fields(Task) if f.init)

#: Fields a StoredTask reads after its list row: the brief row's others, then the text.
_LATER_FIELDS = frozenset(_TASK_FIELDS) - frozenset(LIST_FIELDS)


class _Batch:
    """The tasks of one lookup built from list rows: the first use of a field not in it reads that field's tier
    (the brief row, or the whole row) for every task of the batch, in one query."""

    __slots__ = ("plan", "tasks", "has_brief", "has_text")

    def __init__(self, plan: "StoredPlan") -> None:
        self.plan = plan
        self.tasks: dict[tuple[str, int], StoredTask] = {}
        """(plan key, seq) → its task."""
        self.has_brief = False
        """The brief row's fields were read."""
        self.has_text = False
        """Every field was read."""

    def task(self, key: str, seq: int, item: str) -> StoredTask:
        """A StoredTask from its list row."""
        try:
            values, end = _DECODER.raw_decode(item)
            if end != len(item) or not isinstance(values, list) or len(values) != len(LIST_FIELDS) + 1:
                raise TypeError("list row of another length")
            task = StoredTask.__new__(StoredTask)
            naming = _set_list_fields(task, values)
            if naming:  # (body, text: what names a task without a title)
                for name, value in naming.items():
                    setattr(task, name, value)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise StoreDamaged(f"一条任务记录读不回来（{exc.__class__.__name__}）") from exc
        task._batch = self
        self.tasks[(key, seq)] = task
        return task

    def complete(self, name: str) -> None:
        """Read the tier of field ``name`` for every task of the batch (one query)."""
        if name not in TEXT_FIELDS and not self.has_brief:
            self.has_brief = True
            self._fill("brief", brief_fields(), _brief_values)
        elif not self.has_text:
            names = TEXT_FIELDS if self.has_brief else _LATER_FIELDS  # (the brief's fields too, if not read yet)
            self.has_brief = self.has_text = True
            self._fill("data", _TASK_FIELDS, _decode_task, only=names)

    def _fill(self, column: str, names, decode, only=None) -> None:
        plan, pending = self.plan, self.tasks
        found: dict[tuple[str, int], object] = {}
        try:
            rows = plan.store.query(
                f"SELECT t.plan, t.seq, t.{column} FROM json_each(?) j CROSS JOIN tasks t "
                "ON t.plan = json_extract(j.value, '$[0]') AND t.seq = json_extract(j.value, '$[1]')",
                (json.dumps(list(pending)),))
            with _no_collection(len(rows)):
                for key, seq, value in rows:
                    found[(key, seq)] = decode(value)
            if len(found) != len(pending):
                raise RowsMissing("缺少一条任务记录")
        except StoreDamaged as exc:
            if not plan.healed:
                plan._heal(exc)
            memory = {t.id: t for t in Plan.tasks.__get__(plan)}
            found = {k: memory.get(t.id) for k, t in pending.items()}
            names = _TASK_FIELDS
        wanted = [n for n in names if n not in LIST_FIELDS and (only is None or n in only)]
        for k, task in pending.items():
            whole = found.get(k)
            for name in wanted:
                setattr(task, name, getattr(whole, name) if whole is not None else _field_default(name))


def _rendered_starts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """How a duty-list line's stored facts (``kb.listing.duty_facts``: 开始时间：…, 完成时限：…, 目标指标：…) and other departments
    (``describe_departments``: 牵头：…, 其他牵头单位：…) start: a stored value that does not is damage, not text to print."""
    found = _BRIEF.get("starts")
    if found is None:
        from kb.listing import role_words

        # (a role's word, or the other holders' under the department's own list: 其他牵头单位：, since session 13)
        found = _BRIEF["starts"] = (FACT_STARTS, tuple(f"{w}：" for pair in role_words().values() for w in pair))
    return found


#: The labels ``kb.listing.duty_facts`` starts a task's facts with (tests/test_store.py holds them to it).
FACT_STARTS = ("开始时间：", "完成时限：", "目标指标：")

#: Decodes a list row without ``json.loads``'s wrapper (8,000 rows a department's list at 1,000 plans).
_DECODER = json.JSONDecoder()


def _list_fields_setter():
    """``set(task, values)``: ``LIST_FIELDS`` set from the first values of a list row, the last value returned.

    One unpacking into the task's slots, which the interpreter stores directly, instead of a ``setattr`` call
    per field (a department's list reads 8,000 rows at 1,000 plans).  The code is made here from the field
    names (as ``dataclasses`` makes ``__init__``), never from anything read.
    """
    namespace: dict = {}
    exec(f"def set_list_fields(task, values):\n    {''.join(f'task.{n}, ' for n in LIST_FIELDS)}rest = values\n"
         "    return rest\n", namespace)
    return namespace["set_list_fields"]


_set_list_fields = _list_fields_setter()


def _brief_values(brief: str):
    """A brief row (``kb.plan_rows.brief_row``) as an object with its fields as attributes."""
    try:
        values = json.loads(brief)
        fields = _brief_converters()
        if not isinstance(values, list) or len(values) != len(fields):
            raise TypeError("brief row of another length")
        out = _Fields()
        for (name, convert), value in zip(fields, values):
            setattr(out, name, convert(value) if convert is not None and value is not None else value)
        return out
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise StoreDamaged(f"一条任务记录读不回来（{exc.__class__.__name__}）") from exc


class _Fields:
    """Field values read from a brief row."""


def _brief_converters() -> list:
    """(field name, converter or None) of the brief row's fields, in its order."""
    found = _BRIEF.get("converters")
    if found is None:
        from kb.model import _converters

        names = set(brief_fields())
        found = _BRIEF["converters"] = [(n, c) for n, c in _converters(Task) if n in names]
    return found


_BRIEF: dict = {}

def _field_default(name: str):
    """A Task field's default (``""`` for the text): what a task keeps when its row is gone meanwhile (another
    process removed its plan between the two reads)."""
    f = Task.__dataclass_fields__[name]
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return f.default if f.default is not dataclasses.MISSING else ""


class _no_collection:
    """Decoding many rows: the cyclic garbage collector paused meanwhile, and what was decoded moved out of its
    reach after (``gc.freeze``).

    The tasks a StoredPlan reads live as long as it does (it keeps each one) and hold no reference cycles, yet
    the collector traversed them again and again as they were made: ~300 collections, 90 ms of CPU of a
    department's answer at 1,000 plans (8,000 tasks).  Frozen, they cost no later collection either; they are
    still freed by reference counting when the plan goes (the TUI freezes what it keeps in the same way).
    Only for ``rows`` of ``MANY_ROWS`` or more (a corpus of dozens of plans): freezing also keeps whatever
    cyclic garbage is pending at that moment, a little at each of a long session's questions.
    """

    __slots__ = ("was",)

    def __init__(self, rows: int) -> None:
        import gc

        self.was = rows >= MANY_ROWS and gc.isenabled()

    def __enter__(self):
        if self.was:
            import gc

            gc.disable()

    def __exit__(self, *exc) -> None:
        if self.was:
            import gc

            gc.freeze()
            gc.enable()


#: Decoding this many task rows at once pauses and then freezes the collector (``_no_collection``).
MANY_ROWS = 2000


def _missing_or_damaged(exc: BaseException, what: str) -> StoreDamaged:
    """A plan's row not found (``KeyError``: gone — removed meanwhile by another process, or damage), or found and
    not readable."""
    if isinstance(exc, KeyError):
        return RowsMissing("缺少一条方案记录")
    return StoreDamaged(f"{what}（{exc.__class__.__name__}）")


def _decode_task(data: str) -> Task:
    """A task from its row (``kb.plan_rows.task_row``: the JSON array of its field values)."""
    try:
        return from_values(Task, json.loads(data))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise StoreDamaged(f"一条任务记录读不回来（{exc.__class__.__name__}）") from exc


def _marks(n: int) -> str:
    return ",".join("?" * n)
