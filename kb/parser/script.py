"""Mirror debris: a mainland plan that a mirror site converted to traditional script.

Search hits for local plans often come from mirrors that convert the page to traditional script
(shared/dialects.md §4: 鹹陽 2022 on newton.com.tw, 鄂政发〔2018〕26号 on a finance site).  The
issuer wrote simplified; every rule of the parser (role words, labels, deadlines, headings) reads
simplified.  So a text that is mostly traditional is converted back before anything else reads it,
one character for one (positions and lengths stay; the table is ``kb/data/script.yaml``), and the
document says so in a warning.  A simplified text with a few traditional characters (乾县, a
quoted name) is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError

SCRIPT_PATH = Path(__file__).resolve().parent.parent / "data" / "script.yaml"
_CJK_RE = re.compile(r"[\u3400-\u9fff]")


@dataclass(slots=True, frozen=True)
class ScriptTable:
    """The traditional → simplified characters of ``script.yaml``."""

    table: dict[int, str]
    """Code point of a traditional character → its simplified character (for ``str.translate``)."""
    traditional: re.Pattern
    """Any traditional character of the table."""
    min_characters: int
    """A text is converted only with at least this many traditional characters …"""
    min_share: float
    """… making at least this share of its CJK characters."""


@lru_cache(maxsize=2)
def load_script(path: str | None = None) -> ScriptTable:
    """Read and check ``script.yaml``: two strings of the same length, each character once."""
    from kb.data import read_versioned_yaml

    src = Path(path) if path else SCRIPT_PATH
    data = read_versioned_yaml(src, "script table")
    try:
        trad, simp = "".join(data["traditional"]), "".join(data["simplified"])
        count, share = int(data["min_characters"]), float(data["min_share"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KbError(f"{src}：需要 traditional、simplified（字符串列表）和 min_characters、min_share（数）；"
                      f"请修正，或从代码仓库恢复这个文件（{exc}）") from exc
    if len(trad) != len(simp) or len(set(trad)) != len(trad) or not trad:
        raise KbError(f"{src}：traditional 与 simplified 应一样长、一字对一字，且 traditional 中每个字只出现一次；"
                      "请修正，或从代码仓库恢复这个文件")
    return ScriptTable({ord(t): s for t, s in zip(trad, simp)}, re.compile("[" + re.escape(trad) + "]"), count, share)


def is_traditional(text: str, script: ScriptTable | None = None) -> bool:
    """True when ``text`` is mostly in traditional script (enough traditional characters, a large enough share)."""
    script = script or load_script()
    found = len(script.traditional.findall(text))
    if found < script.min_characters:
        return False
    return found >= script.min_share * len(_CJK_RE.findall(text))


def to_simplified(text: str, script: ScriptTable | None = None) -> str:
    """``text`` with every traditional character of the table replaced by its simplified one (same length)."""
    return text.translate((script or load_script()).table)
