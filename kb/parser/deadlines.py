"""Deadlines: the time limits a clause states, with normalised dates.

Kinds and what they mean:

* ``by``: to be done by ``end`` — ``到2020年`` / ``2020年年底前`` / ``2020年底`` /
  ``2019年9月底前`` / ``2020年6月30日前`` (``2020年前`` is read as by the end of 2020,
  as plans use it);
* ``during``: within the period — ``2020年，全市基本淘汰…`` / ``2019年基本淘汰…``
  (the whole year) or ``2019年10月`` (the month);
* ``from``: from ``start`` on — ``自2019年7月1日起``;
* ``range``: ``2018至2020年`` / ``2018—2020年`` / ``2018年至2020年``.

Not deadlines: baselines (``较2015年``, ``考核基准年（2015年）``, ``以2015年为基准``),
years inside titles (``《…2018年…》``) — both are masked before matching — and
years without 年 (standard numbers such as ``GB 18352.6-2016``).  Full-width
digits are read after NFKC folding; the text kept is the clause's own.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

from kb.model import Deadline, Task

#: Spans that hold years which are not deadlines; masked before matching.
MASKS = [
    re.compile(r"《[^《》]*》"),
    re.compile(r"(?:较|比|相比|对比|相对于|与)(?:考核)?(?:基准年)?[（(]?\d{4}年(?:度)?[)）]?(?:相比)?"),
    re.compile(r"基准年[（(]\d{4}年[)）]"),
    re.compile(r"以\d{4}年为基准(?:年)?"),
    re.compile(r"\d{4}年(?:为|作为)基准(?:年)?"),
]

Y = r"(?P<y>(?:19|20|21)\d{2})"
#: (kind, pattern) in the order tried; a span matched by one is not matched again.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("range", re.compile(r"(?P<y1>(?:19|20)\d{2})(?:年)?\s*(?:至|到|—|–|-|～|~)\s*(?P<y2>(?:19|20|21)\d{2})年")),
    ("from", re.compile(r"(?:自|从|于)?" + Y + r"年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?(?:起|开始|以后)")),
    ("by_day", re.compile(r"(?:到|至|截至|截止)?" + Y + r"年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:前|以前|之前|止)")),
    ("by_month", re.compile(r"(?:到|至|截至|截止)?" + Y + r"年(?P<m>\d{1,2})月(?:底|末|份)?(?:前|以前|之前|底|末)")),
    ("by_year", re.compile(r"(?:到|至|截至|截止)?" + Y + r"年(?:年底|年末|底|末)(?:前|以前|之前)?")),
    ("by_year", re.compile(Y + r"年(?:前|以前|之前)")),
    ("by_year", re.compile(r"(?:到|至|截至|截止)" + Y + r"年")),
    ("during_month", re.compile(Y + r"年(?P<m>\d{1,2})月")),
    ("during", re.compile(Y + r"年")),
]


def _mask(text: str) -> str:
    for pattern in MASKS:
        text = pattern.sub(lambda m: "□" * len(m.group(0)), text)
    return text


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def parse_deadlines(clause: str, index: int = 0) -> list[Deadline]:
    """Every deadline of one clause, in text order."""
    folded = unicodedata.normalize("NFKC", clause)
    same_length = len(folded) == len(clause)
    masked = _mask(folded)
    taken = [False] * len(masked)
    found: list[tuple[int, Deadline]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(masked):
            if any(taken[m.start() : m.end()]):
                continue
            deadline = _deadline(kind, m, index)
            if deadline is None:
                continue
            text = clause[m.start() : m.end()] if same_length else m.group(0)
            deadline.text = text
            found.append((m.start(), deadline))
            for i in range(m.start(), m.end()):
                taken[i] = True
    return [d for _, d in sorted(found, key=lambda x: x[0])]


def _deadline(kind: str, m: re.Match, index: int) -> Deadline | None:
    g = m.groupdict()
    try:
        if kind == "range":
            y1, y2 = int(g["y1"]), int(g["y2"])
            if y2 < y1:
                return None
            return Deadline("", "range", f"{y1:04d}-01-01", f"{y2:04d}-12-31", index)
        y = int(g["y"])
        if kind == "from":
            month, day = int(g["m"]), int(g["d"] or 1)
            return Deadline("", "from", f"{y:04d}-{month:02d}-{day:02d}", None, index)
        if kind == "by_day":
            return Deadline("", "by", None, f"{y:04d}-{int(g['m']):02d}-{int(g['d']):02d}", index)
        if kind == "by_month":
            return Deadline("", "by", None, _last_day(y, int(g["m"])), index)
        if kind == "by_year":
            return Deadline("", "by", None, f"{y:04d}-12-31", index)
        if kind == "during_month":
            month = int(g["m"])
            return Deadline("", "during", f"{y:04d}-{month:02d}-01", _last_day(y, month), index)
        return Deadline("", "during", f"{y:04d}-01-01", f"{y:04d}-12-31", index)
    except (ValueError, calendar.IllegalMonthError):
        return None  # 2019年13月: not a date


def apply_deadlines(task: Task) -> None:
    """Fill ``task.deadlines`` from its clauses."""
    task.deadlines = [d for i, clause in enumerate(task.clauses) for d in parse_deadlines(clause, i)]
