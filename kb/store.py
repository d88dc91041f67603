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

#: Files of a corpus folder that are read as plans.
PLAN_SUFFIXES = (".txt", ".md")

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
    if path.is_file():
        return [path]
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES)
    if not files:
        raise KbError(f"no plan files (*.txt) in {path}: put a plan's text there or pass --corpus FILE")
    return files


def decode_plan(raw: bytes, where: str) -> tuple[str, str]:
    """Decode a plan file's bytes; return (text, encoding).

    UTF-8 (with or without BOM) is tried first, then GB18030, which covers GBK
    and GB2312, the usual encodings of government text.  Bytes that are neither
    (a binary file, a NUL byte) are refused with a one-line error.
    """
    if b"\x00" in raw[:65536]:
        raise KbError(f"{where}: looks like a binary file, not a plan's text (save it as UTF-8 or GBK text)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _looks_chinese(text):
            break
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise KbError(f"{where}: cannot decode as UTF-8 or GBK/GB18030 text (convert it to UTF-8)")


def _looks_chinese(text: str) -> bool:
    """True if most non-space characters are CJK, ASCII or CJK punctuation (sanity check after GB18030)."""
    sample = [c for c in text[:20000] if not c.isspace()]
    if not sample:
        return True
    good = sum(1 for c in sample if c < "\x7f" or "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
    return good / len(sample) > 0.9


def rules_fingerprint() -> str:
    """Hash of everything that decides how text is parsed: kb/parser, the model, kb/data."""
    h = hashlib.sha256()
    files = [_KB_DIR / "model.py", _KB_DIR / "store.py"]
    files += sorted((_KB_DIR / "parser").glob("*.py")) + sorted((_KB_DIR / "data").glob("*.yaml"))
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
                return plan
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
    from kb.parser import parse_document
    from kb.registry import load_registry

    # The registry travels with the cached plan so that answering never re-reads the YAML.
    plan = Plan(registry=load_registry())
    for f, raw in zip(files, raws):
        text, encoding = decode_plan(raw, str(f))
        if not text.strip():
            raise KbError(f"{f}: the file is empty (put the plan's text in it, or remove it from the corpus)")
        doc, tasks = parse_document(text, doc_id=f.stem, path=str(f))
        doc.sha256 = hashlib.sha256(raw).hexdigest()
        doc.encoding = encoding
        plan.documents.append(doc)
        plan.tasks.extend(tasks)
    if use_cache:
        try:
            atomic_write_bytes(cached, pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:  # a read-only home must not stop kb from answering
            print(f"kb: warning: cannot write the plan cache in {cached.parent}: {exc.strerror}", file=sys.stderr)
    return plan
