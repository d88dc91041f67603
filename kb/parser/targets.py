"""Numeric targets: metric, value, unit, comparator, direction, baseline, stretch, scope, year.

A clause is cut into phrases at ``，；`` (outside brackets).  In a phrase, a value
(number and unit, or a ``、`` list of them) is a **target** when it closes the
phrase (optionally followed by 以上/以下 …): ``油气回收率提高到80%以上``.  A value
followed by more words is a threshold or a descriptor, not a target:
``10蒸吨/小时及以下燃煤锅炉``, ``排气筒高度超过45米的高架源``, ``实现7天预报``.

What stands before the value, read right to left: comparator (不低于 → ≥), direction
(下降, 削减, 达到, 提高到 …), baseline (``较2015年``, ``较考核基准年（2015年）``),
``分别``, stretch word (力争), then the metric phrase, which may open with a scope
(主城区, 全市, 荣县、富顺县) dropped from the metric.  A phrase without a metric
(``力争下降31.4%以上``, ``荣县、富顺县达到70%以上``) takes the metric, baseline and
scope of the previous target of the same clause; its own scope wins.

Distributive lists with 分别 give one target per value: the metric phrase is a
``、`` list whose last item carries the shared tail (``二氧化硫（SO2）、氮氧化物（NOx）
排放总量`` → ``二氧化硫（SO2）排放总量``, ``氮氧化物（NOx）排放总量``; ``黄色、橙色、
红色级别减排比例`` → ``黄色级别减排比例`` …).  When the phrase lists fewer items than
values (``其中重点工程减排量分别不少于0.34万吨、0.06万吨、0.44万吨``), the items are
the last pollutants named with their formula in the clause or the paragraph
before it (``二氧化硫（SO2）``, ``氮氧化物（NOx）``, ``挥发性有机物（VOCs）``).

A target's ``year`` is the end year of a deadline in its clause, else of the
paragraph's earlier clauses (``到2020年，…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError
from kb.model import Target, Task
from kb.parser.deadlines import parse_deadlines

VOCAB_PATH = Path(__file__).resolve().parent.parent / "data" / "targets.yaml"


@dataclass(slots=True)
class TargetVocabulary:
    """Compiled patterns of ``targets.yaml``."""

    value_list: re.Pattern
    """A value or a ``、`` list of values, each with an optional unit, then an optional comparator word."""
    before: list[tuple[str, str]]
    """Comparator words written before the value, longest first, with their sign."""
    after: dict[str, str]
    """Comparator words written after the value."""
    directions: list[str]
    """Direction verbs, longest first."""
    stretch: list[str]
    """Stretch words."""
    scopes: list[str]
    """Scope words, longest first."""
    scope_re: re.Pattern
    """County-level names as a scope."""
    fillers: list[str]
    """Words dropped from metrics."""


@lru_cache(maxsize=1)
def load_vocabulary(path: str | None = None) -> TargetVocabulary:
    """Read and validate ``targets.yaml``."""
    import yaml

    src = Path(path) if path else VOCAB_PATH
    try:
        data = yaml.safe_load(src.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KbError(f"{src}: cannot read the target vocabulary ({exc.__class__.__name__}); fix or restore it") from exc
    keys = {"version", "units", "comparators_before", "comparators_after", "directions", "stretch_words", "scopes", "scope_pattern", "fillers"}
    if not isinstance(data, dict) or data.get("version") != 1 or set(data) != keys:
        raise KbError(f"{src}: expected 'version: 1' and exactly the keys {', '.join(sorted(keys - {'version'}))}")
    for key in ("units", "directions", "stretch_words", "scopes", "fillers"):
        if not isinstance(data[key], list) or not all(isinstance(w, str) and w for w in data[key]):
            raise KbError(f"{src}: {key} must be a list of words")
    for key in ("comparators_before", "comparators_after"):
        if not isinstance(data[key], dict) or not set(data[key].values()) <= {"≥", "≤", ">", "<", "="}:
            raise KbError(f"{src}: {key} must map words to one of ≥ ≤ > < =")
    longest = lambda ws: sorted(ws, key=len, reverse=True)  # noqa: E731
    unit = "(?:" + "|".join(map(re.escape, longest(data["units"]))) + ")"
    after = "(?:" + "|".join(map(re.escape, longest(data["comparators_after"]))) + ")"
    one = rf"\d+(?:\.\d+)?\s*{unit}?"
    value_list = re.compile(rf"(?<![\d.])(?P<values>{one}(?:\s*、\s*{one})*)(?P<after>{after})?$")
    try:
        scope_re = re.compile(data["scope_pattern"])
    except re.error as exc:
        raise KbError(f"{src}: scope_pattern is not a valid regex ({exc})") from exc
    return TargetVocabulary(
        value_list=value_list,
        before=sorted(data["comparators_before"].items(), key=lambda kv: -len(kv[0])),
        after=data["comparators_after"],
        directions=longest(data["directions"]),
        stretch=longest(data["stretch_words"]),
        scopes=longest(data["scopes"]),
        scope_re=scope_re,
        fillers=longest(data["fillers"]),
    )


BASELINE_RE = re.compile(r"(?:较|比|相比|相对于)(?:考核)?(?:基准年)?[（(]?((?:19|20)\d{2})年(?:度)?[)）]?(?:相比)?$")
VALUE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(\D*)")
POLLUTANT_RE = re.compile(r"[\u4e00-\u9fff]{2,8}[（(][A-Za-z][A-Za-z0-9.]*[)）]")
DEADLINE_LEAD_RE = re.compile(r"^(?:到|至|截至)?(?:19|20)\d{2}年(?:年底|底|末)?(?:前)?")


#: Full-width digits, Latin letters and number signs → ASCII; CJK punctuation is kept as written.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if chr(c) not in "（），、；：！？＂＇"}


def fold_width(text: str) -> str:
    """``２７．９％`` → ``27.9%`` without touching （）、，；： (same length as ``text``)."""
    return text.translate(_WIDTH)


def _phrases(clause: str) -> list[str]:
    """Cut a clause at ，；。 outside brackets."""
    out, depth, cur = [], 0, []
    for c in clause:
        if c in "（(〔【《“":
            depth += 1
        elif c in "）)〕】》”":
            depth = max(0, depth - 1)
        if c in "，；。,;" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return [p.strip() for p in out if p.strip()]


def _strip_end(text: str, words) -> tuple[str, str | None]:
    """Remove one of ``words`` from the end of ``text``; return (rest, word or None)."""
    for w in words:
        if text.endswith(w):
            return text[: -len(w)], w
    return text, None


def _split_items(phrase: str) -> list[str]:
    items, depth, cur = [], 0, []
    for c in phrase:
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth = max(0, depth - 1)
        if c == "、" and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    items.append("".join(cur))
    return [i for i in items if i]


def _distribute(metric: str, n: int, context: str) -> list[str] | None:
    """Metrics for a 分别 list of ``n`` values, or None if they cannot be paired."""
    items = _split_items(metric)
    if len(items) == n:
        last = items[-1]
        close = max(last.rfind("）"), last.rfind(")"))
        if close >= 0 and close < len(last) - 1:
            head_len = close + 1
        else:
            head_len = round(sum(len(i) for i in items[:-1]) / (n - 1)) if n > 1 else len(last)
        tail = last[head_len:]
        return [i + tail for i in items[:-1]] + [last]
    if len(items) == 1:
        vocab = load_vocabulary()
        pollutants = [_scope(_drop_fillers(p, vocab), vocab)[1] for p in POLLUTANT_RE.findall(context)]
        names = list(dict.fromkeys(pollutants))
        if len(names) >= n:
            return [f"{name}{metric}" for name in names[-n:]]
    return None


def parse_targets(clause: str, index: int = 0, context: str | None = None) -> list[Target]:
    """Every numeric target of one clause; ``context`` is the paragraph's text before it."""
    vocab = load_vocabulary()
    folded = fold_width(clause)
    deadlines = parse_deadlines(clause, index)
    year = _end_year(deadlines)
    targets: list[Target] = []
    previous: Target | None = None
    for written, phrase in zip(_phrases(clause), _phrases(folded)):
        m = vocab.value_list.search(phrase)
        if not m:
            continue
        head = phrase[: m.start()]
        comparator = vocab.after.get(m.group("after") or "", None)
        head, word = _strip_end(head, [w for w, _ in vocab.before])
        if word:
            comparator = dict(vocab.before)[word]
        head, direction = _strip_end(head, vocab.directions)
        baseline = None
        b = BASELINE_RE.search(head)
        if b:
            baseline, head = int(b.group(1)), head[: b.start()]
        head, _ = _strip_end(head, ["分别"])
        head, stretch_word = _strip_end(head, vocab.stretch)
        head = _drop_fillers(DEADLINE_LEAD_RE.sub("", head), vocab)
        scope, metric = _scope(head, vocab)
        if not metric and previous is not None:
            metric = previous.metric
            baseline = baseline if baseline is not None else previous.baseline_year
            scope = scope or previous.scope
            direction = direction or previous.direction
        if not metric:
            continue
        if scope is None and previous is not None and previous.scope and not _scope_word(phrase, vocab):
            scope = previous.scope
        values = [VALUE_RE.match(v.strip()) for v in m.group("values").split("、")]
        units = [v.group(2).strip() for v in values]
        last_unit = next((u for u in reversed(units) if u), "")
        metrics = [metric]
        if len(values) > 1:
            metrics = _distribute(metric, len(values), (context or "") + folded[: folded.find(phrase)])
            if metrics is None:
                metrics = [metric] * len(values)
        for v, unit, met in zip(values, units, metrics):
            t = Target(
                text=written, metric=met, value=float(v.group(1)), unit=unit or last_unit,
                comparator=comparator or "=", direction=direction, baseline_year=baseline,
                stretch=stretch_word is not None, scope=scope, year=year, clause=index,
            )
            targets.append(t)
            previous = t
    return targets


def _drop_fillers(text: str, vocab: TargetVocabulary) -> str:
    for filler in vocab.fillers:
        text = text.replace(filler, "")
    return text


def _scope_word(phrase: str, vocab: TargetVocabulary) -> bool:
    return any(phrase.startswith(s) for s in vocab.scopes) or bool(vocab.scope_re.match(phrase))


def _scope(head: str, vocab: TargetVocabulary) -> tuple[str | None, str]:
    """Split a leading scope off the metric phrase."""
    for s in vocab.scopes:
        if head.startswith(s):
            return s, head[len(s) :].strip()
    m = vocab.scope_re.match(head)
    if m and len(head) - m.end() <= 1:  # 荣县、富顺县 with nothing (or one char) after: a scope, not a metric
        return m.group(0), head[m.end() :].strip()
    if "的" in head and not head.endswith("的"):
        before, _, after = head.rpartition("的")
        if len(after) >= 2:
            return before, after
    return None, head.strip()


def _end_year(deadlines) -> int | None:
    for d in deadlines:
        date = d.end or d.start
        if date:
            return int(date[:4])
    return None


def apply_targets(task: Task) -> None:
    """Fill ``task.targets`` from its clauses; a target without a year of its own takes the paragraph's."""
    out: list[Target] = []
    year = None
    for i, clause in enumerate(task.clauses):
        context = "".join(task.clauses[:i])
        found = parse_targets(clause, i, context)
        clause_year = _end_year(parse_deadlines(clause, i))
        year = clause_year or year
        for t in found:
            t.year = t.year or year
        out.extend(found)
    task.targets = out
