"""Ingestion: a plan file as it was published (PDF, DOCX, web page, table, text) → clean text.

``read_document(path, raw)`` is the one call the store makes per file.  Whatever the
format, the result is the same kind of text, which the parser reads like a ``.txt``:

* one paragraph per line, brackets and punctuation as written;
* ``\\f`` (form feed) where each PDF page ends (the last one too), so the parser can say on which page a task
  starts (``Task.source = "第3页"``); the parser's cleanup drops it;
* each table as a block of lines, one line per row, cells separated by ``\\t`` (a line
  break inside a cell is joined like a wrapped line), with a blank line before and after:
  the parser's table rule (``kb/parser/tables.py``) reads task tables (dialect D) from it.

So a plan saved as text from ``kb ingest`` parses exactly as the file it came from.

Each format has its module (``pdf``, ``docx``, ``html``, ``xlsx``, ``legacy`` for
``.doc``/``.wps``/``.xls``, ``text``), imported only when a file of that kind is read so
that commands over a text corpus never import pdfplumber or lxml.  Extraction results
of binary formats are cached as JSON under the cache directory, keyed by the file's
bytes and the ingest code, so only the first read of a PDF pays for it.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kb.errors import KbError, reason

#: File name endings of Markdown: read as text once the format's marks are taken off (kb/ingest/markdown.py).
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: File name endings read as plans, and the format each is read as.
SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".md": "txt",
    ".markdown": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".xlsx": "xlsx",
    ".doc": "doc",
    ".wps": "wps",
    ".xls": "xls",
}

#: Largest file read, in bytes: bounds the memory any format may take before its reader sees it (a
#: PDF of text is a few MB; one of scans, which kb cannot read anyway, rarely reaches this).
MAX_FILE_BYTES = 256 * 2**20

#: Most characters of clean text read as one plan: 20× the longest national plans (about 150 thousand
#: characters; the bundled plan has 15 thousand).  More is several plans in one file, or not a plan,
#: and would take the parser minutes.
MAX_TEXT_CHARS = 3_000_000

#: Bump when the shape of the cached JSON changes.
CACHE_VERSION = 1

_INGEST_DIR = Path(__file__).resolve().parent

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a long file (a PDF's pages) is read."""


@dataclass(slots=True)
class Extracted:
    """What ingestion read from one file."""

    text: str
    """Clean text: a paragraph per line, ``\\f`` between PDF pages, tables as tab-separated rows."""
    format: str
    """``txt``, ``pdf``, ``docx``, ``html``, ``xlsx``, ``doc``, ``wps`` or ``xls``."""
    encoding: str = "binary"
    """Text encoding of a text or HTML file; ``binary`` for the other formats."""
    pages: int = 0
    """Number of pages (PDF), else 0."""
    tables: int = 0
    """Number of tables written into ``text``."""
    warnings: list[str] = field(default_factory=list)
    """Things the reader noticed and the user may want to check (one line each)."""


def format_of(path: str | os.PathLike) -> str | None:
    """The format a file is read as, from its name; None for a name kb does not read."""
    return SUFFIXES.get(Path(path).suffix.lower())


def plan_files(folder: Path, warn: Callable[[str], None] | None = None) -> list[Path]:
    """The plan files of a corpus folder, sorted by name.

    Hidden files (``.x``) and editor lock files (``~$x.docx``) are passed over silently;
    any other file whose ending kb does not read is named in one warning line.
    """
    warn = warn or _warn
    files = []
    # (scandir: names sorted as strings and file types from the directory listing, without a stat or a Path
    # comparison per file — at 1,000 plans ``sorted(folder.iterdir())`` and ``is_file()`` cost more than the
    # rest of listing them)
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for e in entries:
        name = e.name
        if name.startswith((".", "~$")) or not e.is_file():
            continue
        p = folder / name
        dot = name.rfind(".")  # (``Path.suffix`` of the name, without making a Path of it)
        if SUFFIXES.get(name[dot:].lower() if 0 < dot < len(name) - 1 else "") is None:
            warn(f"已跳过 {p}：kb 不读取“{p.suffix or p.name}”文件（可读取 {', '.join(sorted(SUFFIXES))}）")
            continue
        files.append(p)
    return files


def _warn(message: str) -> None:
    print(f"kb: 警告：{message}", file=sys.stderr)


def read_document(path: str | os.PathLike, raw: bytes | None = None, *, progress: Progress | None = None,
                  use_cache: bool = True) -> Extracted:
    """Read one plan file (``raw`` = its bytes, read here when None) into clean text.

    Raises KbError (one line: what, where, what to do) for a file that cannot be read:
    random bytes named ``.pdf``, an encrypted or scanned PDF, a zip that is not a DOCX,
    a page with no article, a ``.doc`` without LibreOffice …
    """
    path = Path(path)
    fmt = format_of(path)
    if fmt is None:
        raise KbError(f"{path}：kb 不读取“{path.suffix or path.name}”文件（可读取 {', '.join(sorted(SUFFIXES))}）")
    raw = _read_file(path) if raw is None else raw
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(path, len(raw))
    fmt = _sniff(raw, fmt)
    if fmt == "txt":
        from kb.ingest.text import read_text

        extracted = read_text(raw, str(path))
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            from kb.ingest.markdown import markdown_plain

            extracted.text = markdown_plain(extracted.text)  # (# headings, front matter, pipe tables: marks, not words)
        return _checked(extracted, path)
    cached = _cache_path(raw) if use_cache else None
    if cached is not None:
        hit = _load_cached(cached)
        if hit is not None:
            return _checked(hit, path)
    if progress is None and _stderr_is_terminal():
        progress = _terminal_progress(path.name)
    extracted = _read_binary(fmt, raw, path, progress)
    if cached is not None:
        _store_cached(cached, extracted)
    return _checked(extracted, path)


def _read_file(path: Path) -> bytes:
    """The bytes of a regular file; a folder, a FIFO or a device is refused before reading (reading a FIFO
    waits for a writer forever, /dev/zero never ends), and so is a file larger than MAX_FILE_BYTES."""
    import stat

    from kb.store import _path_kind

    try:
        os.stat(path)
    except OSError as exc:
        raise KbError(f"无法读取 {path}：{reason(exc)}（请检查路径和权限）") from None
    kind = _path_kind(path)
    if kind == "folder":
        raise KbError(f"{path} 是文件夹，不是方案文件（请给出其中的文件；整个文件夹用 kb --corpus {path} …）")
    if kind != "file":
        raise KbError(f"{path} 是{kind}，不是方案文件（请给出保存在磁盘上的方案文件）")
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if stat.S_ISREG(os.fstat(f.fileno()).st_mode) and size > MAX_FILE_BYTES:
                raise _too_large(path, size)
            return f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise KbError(f"无法读取 {path}：{reason(exc)}（请检查路径和权限）") from exc


def _too_large(path: Path, size: int) -> KbError:
    return KbError(f"{path}：文件太大（{size / 2**20:.0f} MB），不像一份方案（kb 读取 {MAX_FILE_BYTES // 2**20} MB 以内的文件；"
                   "请只保留方案正文）")


def _checked(extracted: Extracted, path: Path) -> Extracted:
    """``extracted``, refused in one line when it holds no text or more text than one plan has."""
    if not extracted.text.strip():
        raise KbError(f"{path}：文件是空的（请放入方案正文，或把它移出方案文件夹）")
    if len(extracted.text) > MAX_TEXT_CHARS:
        raise KbError(f"{path}：正文太长（{len(extracted.text) // 10_000} 万字），不像一份方案（kb 读取 "
                      f"{MAX_TEXT_CHARS // 10_000} 万字以内的方案；几个方案请分成多个文件放进一个文件夹）")
    return extracted


def _read_binary(fmt: str, raw: bytes, path: Path, progress: Progress | None) -> Extracted:
    where = str(path)
    if fmt == "pdf":
        from kb.ingest.pdf import read_pdf

        return read_pdf(raw, where, progress)
    if fmt == "docx":
        from kb.ingest.docx import read_docx

        return read_docx(raw, where)
    if fmt == "html":
        from kb.ingest.html import read_html

        return read_html(raw, where)
    if fmt == "xlsx":
        from kb.ingest.xlsx import read_xlsx

        return read_xlsx(raw, where)
    from kb.ingest.legacy import read_legacy

    return read_legacy(raw, where, fmt)


def _sniff(raw: bytes, fmt: str) -> str:
    """The format the bytes really are, when they say so plainly; else the name's format.

    Government sites often serve a web page or a DOCX under a ``.doc`` name (and a web
    page's table under ``.xls``); such a file is read as what it is.
    """
    head = raw[:2048].lstrip()
    if fmt in ("doc", "wps"):
        if raw.startswith(b"PK\x03\x04"):
            return "docx"
        if head[:1] == b"<" and b"<html" in head.lower():
            return "html"
    if fmt == "xls" and raw.startswith(b"PK\x03\x04"):
        return "xlsx"
    if fmt == "xls" and head[:1] == b"<" and (b"<html" in head.lower() or b"<table" in head.lower()):
        return "html"  # an "Excel" export that is a web page holding a table
    return fmt


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _terminal_progress(name: str) -> Progress:
    """Progress on one terminal line, rewritten in place: ``kb：正在读取 plan.pdf：第 37/200 页``."""
    from kb.safetext import escape_line, write_trusted

    shown = escape_line(name)

    def show(done: int, total: int) -> None:
        if total < 10:
            return  # a short file is read in a blink: no progress line to flash
        end = "\n" if done >= total else ""
        # The name is escaped; the carriage return is kb's own: past the escaping stderr wrapper.
        write_trusted(sys.stderr, f"\rkb：正在读取 {shown}：第 {done}/{total} 页{end}")
        sys.stderr.flush()

    return show


# --- cache -------------------------------------------------------------------


def code_fingerprint() -> str:
    """Hash of the ingest code and its data: a change re-reads every cached file."""
    h = hashlib.sha256(str(CACHE_VERSION).encode())
    files = sorted(_INGEST_DIR.glob("*.py")) + [_INGEST_DIR.parent / "data" / "ingest.yaml"]
    for f in files:
        h.update(f.name.encode())
        try:
            h.update(f.read_bytes())
        except OSError:
            pass
    return h.hexdigest()


def _cache_path(raw: bytes) -> Path | None:
    from kb.store import cache_dir

    key = hashlib.sha256(code_fingerprint().encode() + hashlib.sha256(raw).digest()).hexdigest()[:32]
    return cache_dir() / "ingest" / f"{key}.json"


def _load_cached(path: Path) -> Extracted | None:
    """The cached extraction, or None when missing or not of the expected shape (then re-read)."""
    import json  # here, not at the top: `kb grep` over a text corpus must not import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return None
    fields = data.get("extracted")
    try:
        hit = Extracted(**fields)
    except TypeError:
        return None
    ok = isinstance(hit.text, str) and isinstance(hit.format, str) and isinstance(hit.warnings, list)
    return hit if ok else None


def _store_cached(path: Path, extracted: Extracted) -> None:
    import json

    from kb.store import atomic_write_bytes

    data = json.dumps({"version": CACHE_VERSION, "extracted": asdict(extracted)}, ensure_ascii=False)
    try:
        atomic_write_bytes(path, data.encode("utf-8"))
    except OSError as exc:  # a read-only cache must not stop kb from reading the plan
        _warn(f"无法在 {path.parent} 中写入提取缓存：{reason(exc)}")
