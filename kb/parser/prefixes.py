"""One body, two spellings in one plan: ``市国土房管局`` on first mention, ``国土房管局`` later.

Plans often drop the level prefix (市/区/县/省/州/旗) after a unit's first mention.  Kept as
written, the two spellings count as two departments and each answers only part of the tasks.
Within ONE plan (never across plans) a bare name X is merged into P+X when:

- P is the level of the plan's issuer (the title's 某某市 → 市; else the level its own prefixed
  names use most);
- P+X is the only prefixed form of X the plan writes (市公安局 and 区公安局 both written: a bare
  公安局 is ambiguous and left alone; 省发展改革委 in a city plan is another body);
- X is not itself a known, different body (the plan's registry maps it elsewhere) nor a bare
  government word (政府, 人民政府 …: 市政府 and 政府 are not merged).
"""

from __future__ import annotations

import re
from collections import Counter

#: The level prefixes a plan drops after first mention.
LEVELS = "省市区县州旗"

#: Bare names too generic to stand for one body of the plan.
GENERIC = re.compile(r"^(人民)?政府|^(党)?委$|^(人大|政协)")

_ISSUER = re.compile(r"^(?:[^\s，。（）()、]{1,12}?)([" + LEVELS + r"])(?=人民政府|政府|委员会|办公厅|办公室|关于|印发|[^\s]{0,4}(?:实施方案|行动方案|行动计划|工作方案|任务清单))")


def issuer_level(title: str, names: list[str]) -> str | None:
    """The level of the plan's issuer: from its title (自贡市人民政府… → 市), else the prefix its
    own prefixed names use most (None when it writes none)."""
    m = _ISSUER.match(title or "")
    if m:
        return m.group(1)
    counts = Counter(n[0] for n in names if len(n) > 2 and n[0] in LEVELS)
    return counts.most_common(1)[0][0] if counts else None


def level_merges(names: list[str], level: str | None, known=None) -> dict[str, str]:
    """Bare name → its prefixed form, for the names one plan writes.  ``known(name)`` gives the
    canonical body a registry knows the name as (or None)."""
    if not level:
        return {}
    written = set(names)
    out: dict[str, str] = {}
    for bare in written:
        if len(bare) < 3 or bare[0] in LEVELS or GENERIC.search(bare):
            continue
        prefixed = [p + bare for p in LEVELS if p + bare in written]
        if len(prefixed) != 1 or prefixed[0][0] != level:
            continue
        full = prefixed[0]
        if known is not None:
            body = known(bare)
            if body is not None and body != (known(full) or full):
                continue
        out[bare] = full
    return out
