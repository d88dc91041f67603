"""Regular expressions compiled on their first use instead of at import.

Every ``kb`` command imports the question reader's and answerers' modules, and each of their module-level
patterns was compiled in every process whether the question used it or not: a department question at 1,000
plans used 5 of 23 (the rest cost several milliseconds of its start-up).  A ``LazyPattern`` stands where the
compiled pattern stood and compiles it the first time any of its attributes (``search``, ``sub`` …) is used.
"""

from __future__ import annotations

import re


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used; then every attribute is the compiled pattern's."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        """What to compile."""
        self._compiled: re.Pattern | None = None
        """The compiled pattern, once used."""

    def __getattr__(self, name: str):
        # (only reached for what the object lacks: every method and attribute of re.Pattern)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._source)
        return getattr(compiled, name)
