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
        raise KbError(f"无法读取方案文件夹 {path}：{exc.strerror}（请检查权限）") from None
    if not files:
        raise KbError(f"{path} 中没有方案文件（.txt、.pdf、.docx、.html……）：请放入方案，或用 --corpus 给出文件")
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
            raise KbError(f"无法读取方案文件夹 {path}：{exc.strerror}（请检查权限）") from None
    elif kind != "file":
        raise KbError(f"{path} 是{kind}，不是方案文件或文件夹（请用 --corpus 给出方案）")
    return path


def _path_kind(path: Path) -> str:
    """"file", "folder", or what else ``path`` is (a FIFO, a device …), following symlinks."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise KbError(f"无法读取方案 {path}：{exc.strerror}（请检查路径和权限）") from None
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
            raise KbError(f"无法读取 {f}：{exc.strerror}（请检查路径和权限）") from exc
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
            print(f"kb: 警告：已跳过 {exc}", file=sys.stderr)
            skipped = True
            continue
        text = extracted.text
        if not text.strip():
            raise KbError(f"{f}：文件是空的（请放入方案正文，或把它移出方案文件夹）")
        doc, tasks = parse_document(text, doc_id=f.stem, path=str(f))
        doc.sha256 = hashlib.sha256(raw).hexdigest()
        doc.encoding, doc.format = extracted.encoding, extracted.format
        doc.warnings.extend(extracted.warnings)
        plan.documents.append(doc)
        plan.tasks.extend(tasks)
    if not plan.documents:
        raise KbError(f"方案文件夹中没有一个方案能读取（见上面各行）：请修复或替换这些文件")
    if use_cache and not skipped:  # a skipped file is said again on every run, so not cached
        try:
            atomic_write_bytes(cached, pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:  # a read-only home must not stop kb from answering
            print(f"kb: 警告：无法在 {cached.parent} 中写入方案缓存：{exc.strerror}", file=sys.stderr)
    return plan
