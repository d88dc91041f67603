"""Where an export goes and how it is written: safe names, no overwrite without force, no half files.

Files are written to a hidden temporary name in the target directory and then
linked or renamed into place, so an interrupted or failed export never leaves
a partial file, and (without force) a file that appears meanwhile is not
overwritten either.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from pathlib import Path

from kb.errors import KbError, reason

#: Characters that cannot stand in a file name on some system (path separators included),
#: and C1 controls and bidi overrides, which would make a listing lie about the name.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]')

#: Names Windows reserves whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}

#: Longest file name written, in UTF-8 bytes (most file systems allow 255).
MAX_NAME_BYTES = 200


def sanitize_filename(name: str) -> str:
    """A file name made from ``name`` (a department or plan title): no separators, no leading dots.

    Unsafe characters become ``_``; leading dots and spaces and trailing dots
    and spaces go; reserved device names get a ``_`` prefix; long names are
    cut to MAX_NAME_BYTES.  An empty result becomes ``export``.
    """
    text = _UNSAFE.sub("_", unicodedata.normalize("NFC", name))
    text = text.strip().lstrip(". ").rstrip(". ")
    if not text:
        return "export"
    if text.split(".")[0].upper() in _RESERVED or text.startswith("-"):
        text = "_" + text  # a leading - would be read as an option by rm, ls, cp …
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    return text


def source_date():
    """``$SOURCE_DATE_EPOCH`` as a naive UTC datetime, or None when unset (reproducible builds' convention)."""
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        raise KbError(f"SOURCE_DATE_EPOCH={epoch!r} 不是以秒计的 Unix 时间（请改正或取消这个环境变量）") from None


_CORE_DATE = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def reproducible_zip(data: bytes) -> bytes:
    """An xlsx/docx with its dates taken from ``$SOURCE_DATE_EPOCH`` (unchanged when it is unset).

    openpyxl stamps ``modified`` with the time of saving and both libraries give
    every zip entry the current time, so two exports of the same data differed.
    With the variable set, every entry's timestamp and the ``created``/``modified``
    dates of docProps/core.xml are the epoch (zip cannot go before 1980), and
    two exports of the same data are byte-identical.
    """
    import io
    import zipfile

    when = source_date()
    if when is None:
        return data
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    date_time = max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), body)
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            zout.writestr(entry, body)
    return out.getvalue()


def target_path(path: str | os.PathLike | None, default_name: str) -> Path:
    """The file to write: ``default_name`` in the current directory, inside ``path`` if it is a directory, else ``path``.

    A ``path`` without extension gets the one of ``default_name`` (``-o 交通局清单``
    writes ``交通局清单.xlsx``), so that the file opens with the right program.
    """
    if path is None:
        return Path.cwd() / default_name
    raw = os.fspath(path)
    p = Path(raw).expanduser()
    if p.is_dir():
        return p / default_name
    if raw.endswith(("/", os.sep)):
        raise KbError(f"文件夹 {p} 不存在（请先创建，或换一个保存位置）")
    if not p.suffix and Path(default_name).suffix:
        p = p.with_name(p.name + Path(default_name).suffix)
    return p


@contextmanager
def output_folder(folder: Path, create_error):
    """Make ``folder`` when it is missing (its parent must exist) and yield a list the caller adds each file it
    writes to.  If the block fails (an error, a full disk, Ctrl-C) and this call made the folder, the files it
    wrote are removed and the folder too, when nothing else is in it: a failed export leaves no empty or half
    folder of its own, and never removes what was there (a folder that existed is left as it is).
    ``create_error(exc)`` is the KbError for a folder that cannot be made."""
    made = False
    if not folder.exists():
        try:
            folder.mkdir()
        except OSError as exc:
            raise create_error(exc) from None
        made = True
    written: list[Path] = []
    try:
        yield written
    except BaseException:
        if made:
            for path in written:
                try:
                    path.unlink()
                except OSError:
                    pass
            try:
                folder.rmdir()  # (fails, and keeps the folder, if anything else is in it)
            except OSError:
                pass
        raise


def check_writable(target: Path, force: bool) -> None:
    """Fail early, in one line, if ``target`` cannot be written (missing folder, existing file without force)."""
    folder = target.parent
    if not folder.exists():
        raise KbError(f"无法写入 {target}：文件夹 {folder} 不存在（请先创建，或换一个保存位置）")
    if not folder.is_dir():
        raise KbError(f"无法写入 {target}：{folder} 不是文件夹（请换一个保存位置）")
    if target.is_dir():
        raise KbError(f"无法写入 {target}：这是一个文件夹（请给出文件名，或给出要写入的文件夹）")
    if target.exists() and not force:
        raise KbError(exists_message(target))


def write_atomic(target: Path, data: bytes, force: bool = False) -> Path:
    """Write ``data`` to ``target`` through a temporary file in the same folder; return ``target``.

    Without ``force`` an existing file is never replaced, even one created while
    writing (the temporary file is hard-linked into place, which fails if the
    name exists; where links are unsupported, checked just before the rename).
    """
    check_writable(target, force)
    folder = target.parent
    sweep_stale_temporaries(folder)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(target), suffix=".tmp")
    except OSError as exc:
        raise _write_error(exc, target) from None
    try:
        try:
            os.chmod(tmp, _file_mode())  # mkstemp makes 0600; an export is an ordinary file
            with os.fdopen(fd, "wb") as fh:
                _write_all(fh, data)
                fh.flush()
                os.fsync(fh.fileno())
            _move_into_place(tmp, target, force)
        except OSError as exc:
            raise _write_error(exc, target) from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return target


#: Temporary files of write_atomic: ``.<name cut to 60>.<ext>.<8 random>.tmp`` (see _temp_prefix).
_TEMP_NAME = re.compile(r"\..+\.(?:xlsx|docx|md|csv|json)\.[a-z0-9_]{8}\.tmp")

#: A temporary file older than this was left by a killed export (an export takes seconds).
STALE_SECONDS = 600

_swept: set[str] = set()


def _temp_prefix(target: Path) -> str:
    """``.<name>.`` for mkstemp, the name cut so that it keeps its extension (the sweep's pattern needs it)."""
    stem, suffix = target.stem, target.suffix
    return f".{stem[:60]}{suffix}."


def sweep_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove temporaries of earlier exports into ``folder`` killed before their rename; return them.

    Only files of our own naming (``_TEMP_NAME``), regular, owned by this user
    and older than STALE_SECONDS: a concurrent export's file is never touched.
    Once per folder and process.
    """
    import stat
    import time

    key = os.fspath(folder)
    if now is None and key in _swept:
        return []
    _swept.add(key)
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or now - st.st_mtime < STALE_SECONDS:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _file_mode() -> int:
    """Permissions of a new file under the process umask (0644 with the usual 022)."""
    global _MODE
    if _MODE is None:
        _MODE = 0o666 & ~_umask()
    return _MODE


def _umask() -> int:
    """The process umask, read without changing it where Linux shows it (threads may be writing files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_MODE: int | None = None


def _write_all(fh, data: bytes) -> None:
    """Write every byte (a seam for tests simulating a full disk)."""
    fh.write(data)


def _move_into_place(tmp: str, target: Path, force: bool) -> None:
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise KbError(exists_message(target)) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if target.exists():  # a file system without hard links: check, then rename
            raise KbError(exists_message(target)) from None
        os.replace(tmp, target)


def _write_error(exc: OSError, target: Path) -> KbError:
    """One line for an OSError met while writing ``target``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return KbError(f"磁盘已满，未能写入 {target}（请腾出空间或换一个保存位置）；没有写入任何内容")
    if exc.errno == errno.EROFS:
        return KbError(f"无法在 {target.parent} 中写入：文件系统是只读的（请换一个保存位置）")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return KbError(f"无法在 {target.parent} 中写入：没有写入权限（请换一个保存位置）")
    return KbError(f"无法写入 {target}：{reason(exc)}（请换一个保存位置）")


def exists_message(target: Path) -> str:
    """The one line for an existing file that is not to be overwritten (CLI and TUI say how to overwrite)."""
    return f"{target} 已存在：要覆盖请加 --force（导出对话框中勾选“覆盖已有文件”），或换一个文件名"


def check_extension(target: Path, fmt: str, formats) -> None:
    """Refuse a file name whose extension names another export format (Word content under .xlsx cannot be opened)."""
    suffix = target.suffix.lower().lstrip(".")
    if suffix in formats and suffix != fmt:
        raise KbError(f"文件名 {target.name} 的扩展名是 .{suffix}，但选择的格式是 {fmt}：请把扩展名改为 .{fmt}，或选择 {suffix} 格式")
