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
from pathlib import Path

from kb.errors import KbError

#: Characters that cannot stand in a file name on some system (path separators included).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')

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
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    return text


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
        raise KbError(f"directory {p} does not exist (create it or choose another -o)")
    if not p.suffix and Path(default_name).suffix:
        p = p.with_name(p.name + Path(default_name).suffix)
    return p


def check_writable(target: Path, force: bool) -> None:
    """Fail early, in one line, if ``target`` cannot be written (missing folder, existing file without force)."""
    folder = target.parent
    if not folder.exists():
        raise KbError(f"cannot write {target}: directory {folder} does not exist (create it or choose another -o)")
    if not folder.is_dir():
        raise KbError(f"cannot write {target}: {folder} is not a directory (choose another -o)")
    if target.is_dir():
        raise KbError(f"cannot write {target}: it is a directory (give a file name or the folder to write into)")
    if target.exists() and not force:
        raise KbError(f"{target} already exists: pass --force to overwrite it, or choose another -o")


def write_atomic(target: Path, data: bytes, force: bool = False) -> Path:
    """Write ``data`` to ``target`` through a temporary file in the same folder; return ``target``.

    Without ``force`` an existing file is never replaced, even one created while
    writing (the temporary file is hard-linked into place, which fails if the
    name exists; where links are unsupported, checked just before the rename).
    """
    check_writable(target, force)
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name[:60]}.", suffix=".tmp")
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
        raise KbError(f"{target} already exists: pass --force to overwrite it, or choose another -o") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if target.exists():  # a file system without hard links: check, then rename
            raise KbError(f"{target} already exists: pass --force to overwrite it, or choose another -o") from None
        os.replace(tmp, target)


def _write_error(exc: OSError, target: Path) -> KbError:
    """One line for an OSError met while writing ``target``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return KbError(f"disk full: could not write {target} (free some space or choose another -o); nothing was written")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return KbError(f"cannot write in {target.parent}: {exc.strerror or 'permission denied'} (choose another -o)")
    return KbError(f"cannot write {target}: {exc.strerror or exc} (choose another -o)")
