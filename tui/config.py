"""What the TUI remembers between runs: the theme and the last export folder.

A small JSON file, ``$XDG_CONFIG_HOME/kb/tui.json`` (``~/.config/kb/tui.json``
when the variable is unset or not absolute, as the XDG spec says).  It is read
as plain data (never executed or unpickled); a missing, damaged or oversized
file, or a value of the wrong type, is ignored and the defaults are used.  It
is written to a temporary file in the same folder and renamed over the old
one, so a crash never leaves half a file.  Failing to write it only loses the
preference: the TUI goes on.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

#: Largest settings file read (anything bigger is not ours).
MAX_BYTES = 64 * 1024


@dataclass(slots=True)
class Settings:
    """The remembered preferences (None: not set, use the default)."""

    theme: str | None = None
    """Name of the Textual theme last chosen (textual-dark, textual-light, nord …)."""
    export_folder: str | None = None
    """Folder of the last successful export from the TUI."""


def config_path() -> Path:
    """Where the settings live: ``$XDG_CONFIG_HOME/kb/tui.json``, else ``~/.config/kb/tui.json``."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "kb" / "tui.json"


def load(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default ``config_path()``); defaults for anything missing or broken."""
    path = path or config_path()
    try:
        if path.stat().st_size > MAX_BYTES:
            return Settings()
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    values = {}
    for key in ("theme", "export_folder"):
        value = data.get(key)
        if isinstance(value, str) and value and len(value) < 4096 and "\x00" not in value:
            values[key] = value
    return Settings(**values)


def save(settings: Settings, path: Path | None = None) -> bool:
    """Write ``settings`` atomically to ``path`` (default ``config_path()``); False if it could not be written."""
    path = path or config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tui.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(settings), fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


def documents_folder(home: Path | None = None) -> Path:
    """The folder exports are proposed in: ``~/文档`` or ``~/Documents`` if present, else the home folder."""
    home = home or Path.home()
    for name in ("文档", "Documents"):
        if (home / name).is_dir():
            return home / name
    return home
