"""Vocabulary as data: departments, role words, deadline/target words, question words.

``read_versioned_yaml`` is the one way kb reads these files: any read or syntax
error, or a file that is not a ``version: 1`` mapping, is a one-line KbError
naming the file and what to do.
"""

from __future__ import annotations

from pathlib import Path

from kb.errors import KbError

DATA_DIR = Path(__file__).resolve().parent


def read_versioned_yaml(path: str | Path, what: str) -> dict:
    """The mapping in ``path`` (``what`` names it in errors), checked for ``version: 1``."""
    import yaml

    src = Path(path)
    try:
        data = yaml.load(src.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise KbError(f"{src}: cannot read the {what} ({exc.__class__.__name__}); fix or restore the file") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise KbError(f"{src}: expected 'version: 1' at the top of the {what}; restore the file from the repository")
    return data
