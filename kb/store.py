"""Finding the corpus, reading its files, and caching the parsed plan.

``load_plan()`` is what every command calls.  Parsing the bundled plan is fast,
but a command also pays for importing the parser; the parsed ``Plan`` is
therefore pickled in the cache directory under a key made of the corpus bytes
and the parser's own source and data files, so any change to either re-parses.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from kb.errors import KbError
from kb.model import Plan

#: Files of a corpus folder that are read as plans (kb.ingest reads each format).
PLAN_SUFFIXES = (".txt", ".md", ".text", ".pdf", ".docx", ".html", ".htm", ".shtml", ".xhtml", ".xlsx", ".doc", ".wps", ".xls")

_KB_DIR = Path(__file__).resolve().parent


def bundled_corpus() -> Path:
    """The corpus shipped with kb: ``corpus/`` of the source tree, else the installed copy."""
    source_tree = _KB_DIR.parent / "corpus"
    if source_tree.is_dir():
        return source_tree
    try:
        import kb_corpus  # installed by `pip install .` from corpus/
    except ImportError as exc:  # pragma: no cover - broken install
        raise KbError("the bundled corpus is missing: reinstall kb or pass --corpus PATH") from exc
    return Path(next(iter(kb_corpus.__path__)))


def resolve_corpus(corpus: str | os.PathLike | None = None) -> Path:
    """The corpus to read: ``corpus``, else ``$KB_CORPUS``, else the bundled one."""
    chosen = corpus or os.environ.get("KB_CORPUS") or None
    if chosen is None:
        return bundled_corpus()
    path = Path(chosen).expanduser()
    if not path.exists():
        raise KbError(f"corpus not found: {path} (give a plan file or a folder of them with --corpus)")
    return path


def corpus_files(corpus: str | os.PathLike | None = None) -> list[Path]:
    """The plan files of a corpus, sorted by name."""
    path = resolve_corpus(corpus)
    kind = _path_kind(path)
    if kind == "file":
        return [path]
    if kind != "folder":
        raise KbError(f"corpus {path} is {kind}, not a plan file or a folder of them (give one with --corpus)")
    from kb.ingest import plan_files

    try:
        files = plan_files(path)  # warns about files of a kind kb does not read
    except OSError as exc:
        raise KbError(f"cannot read the corpus folder {path}: {exc.strerror} (check its permissions)") from None
    if not files:
        raise KbError(f"no plan files (.txt, .pdf, .docx, .html …) in {path}: put a plan there or pass --corpus FILE")
    return files


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
            raise KbError(f"cannot read the corpus folder {path}: {exc.strerror} (check its permissions)") from None
    elif kind != "file":
        raise KbError(f"corpus {path} is {kind}, not a plan file or a folder of them (give one with --corpus)")
    return path


def _path_kind(path: Path) -> str:
    """"file", "folder", or what else ``path`` is (a FIFO, a device …), following symlinks."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise KbError(f"cannot read the corpus {path}: {exc.strerror} (check the path and its permissions)") from None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def decode_plan(raw: bytes, where: str) -> tuple[str, str]:
    """Decode a text plan's bytes; return (text, encoding) — see ``kb.ingest.text.decode_text``."""
    from kb.ingest.text import decode_text

    return decode_text(raw, where)


def rules_fingerprint() -> str:
    """Hash of everything that decides how text is parsed: kb/parser, the model, kb/data."""
    h = hashlib.sha256()
    files = [_KB_DIR / "model.py", _KB_DIR / "store.py"]
    files += sorted((_KB_DIR / "parser").glob("*.py")) + sorted((_KB_DIR / "data").glob("*.yaml"))
    files += sorted((_KB_DIR / "ingest").glob("*.py"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def cache_dir() -> Path:
    """Where kb keeps its caches: ``$KB_CACHE_DIR``, else ``$XDG_CACHE_HOME/kb``, else ``~/.cache/kb``."""
    if os.environ.get("KB_CACHE_DIR"):
        return Path(os.environ["KB_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kb"


def corpus_key(files: list[Path]) -> tuple[str, list[bytes]]:
    """Content key of a corpus under the current rules, and the files' bytes."""
    h = hashlib.sha256(rules_fingerprint().encode())
    raws = []
    for f in files:
        try:
            raw = f.read_bytes()
        except OSError as exc:
            raise KbError(f"cannot read {f}: {exc.strerror} (check the path and its permissions)") from exc
        raws.append(raw)
        h.update(f.name.encode() + b"\0" + hashlib.sha256(raw).digest())
    return h.hexdigest()[:32], raws


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


def _read_from(plan: Plan, files: list[Path]) -> Plan:
    """A cached plan with each document's ``path`` set to the file read this time.

    The cache key is the files' names and bytes, so the same plan copied elsewhere
    hits the same entry; it must still say where it was read from now.
    """
    for doc, f in zip(plan.documents, files):
        doc.path = str(f)
    return plan


def load_plan(corpus: str | os.PathLike | None = None, *, use_cache: bool = True) -> Plan:
    """Parse (or load from cache) every plan of the corpus.

    Warnings found while parsing are kept on the documents and tasks; they are
    not printed here.
    """
    files = corpus_files(corpus)
    key, raws = corpus_key(files)
    cached = cache_dir() / f"plan-{key}.pickle"
    if use_cache:
        try:
            with open(cached, "rb") as fh:
                plan = pickle.load(fh)
            if isinstance(plan, Plan):
                return _read_from(plan, files)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
    from kb.parser import parse_document
    from kb.registry import load_registry

    # The registry travels with the cached plan so that answering never re-reads the YAML.
    from kb.ingest import read_document

    plan = Plan(registry=load_registry())
    skipped = False
    for f, raw in zip(files, raws):
        try:
            extracted = read_document(f, raw)  # PDF, DOCX, web page, table or text → clean text
        except KbError as exc:
            if len(files) == 1:
                raise
            # One unreadable file of a folder: said in one line, the rest of the corpus is read.
            print(f"kb: warning: skipped {exc}", file=sys.stderr)
            skipped = True
            continue
        text = extracted.text
        if not text.strip():
            raise KbError(f"{f}: the file is empty (put the plan's text in it, or remove it from the corpus)")
        doc, tasks = parse_document(text, doc_id=f.stem, path=str(f))
        doc.sha256 = hashlib.sha256(raw).hexdigest()
        doc.encoding, doc.format = extracted.encoding, extracted.format
        doc.warnings.extend(extracted.warnings)
        plan.documents.append(doc)
        plan.tasks.extend(tasks)
    if not plan.documents:
        raise KbError(f"no plan of the corpus could be read (see the lines above); fix or replace those files")
    if use_cache and not skipped:  # a skipped file is said again on every run, so not cached
        try:
            atomic_write_bytes(cached, pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:  # a read-only home must not stop kb from answering
            print(f"kb: warning: cannot write the plan cache in {cached.parent}: {exc.strerror}", file=sys.stderr)
    return plan
