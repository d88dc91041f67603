"""``kb grep``: grep-style search over the clauses of the plan, as a library.

What is searched: each task's clauses (``Task.clauses``) and then, as the task's
last unit, its responsibility tag as written (``（市交通运输局牵头，…配合）``),
so that ``kb grep 市交通运输局`` finds the tasks that name the bureau.  A
department named only by the implied-implementer note is not in the tag text;
``--dept`` finds those.  The news lead before the title (``Document.preface``)
repeats part 二 and is not searched.

Matching is done on an NFKC-folded copy of pattern and text, so full-width and
half-width forms match each other (``ＰＭ２．５`` finds ``PM2.5``); the clause is
printed as written, with the matched spans mapped back through an offset map.
In a regular expression a full-width character is always literal: ``（`` folds
to an escaped ``\\(``, never to a group.

Regular expressions run in the ``regex`` package with a time budget shared by
compiling and matching, so a pathological pattern ends with a KbError instead of
hanging the terminal.  A single literal pattern without ``-i`` never imports
``regex``: ``str.find`` gives the same spans and keeps the cold start small.

This module holds the mechanisms: matchers, task filters, the search, and the
output records (strings and JSON objects).  kb/cli/grep.py only parses options
and writes what these functions return.
"""

from __future__ import annotations

import time
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from collections.abc import Iterable, Iterator

from kb.errors import KbError
# Folding (full-width / half-width equivalence) is kb/fold.py: the store keeps text folded by it,
# so its code is part of the store's rules fingerprint and this module's is not.
from kb.fold import _FOLD_EXPANDING, _FOLD_SEEN, _FOLD_TABLE, _learn, fold, learn  # noqa: F401
from kb.model import Plan, Task

#: Default time budget, in seconds, for compiling and running a regular expression.
DEFAULT_TIMEOUT = 3.0

#: Patterns longer than this are compiled in a helper thread so the budget bounds compiling too.
_LONG_PATTERN = 2000

#: Patterns expanding to more items than this (see repeat_weight) are compiled in the helper thread too.
_HEAVY_WEIGHT = 5000

#: ASCII characters with a meaning in a regular expression.
_REGEX_META = frozenset(".^$*+?{}[]\\|()")

def _to_original(spans: list[tuple[int, int]], origin: list[int] | None, length: int) -> list[tuple[int, int]]:
    """Map spans of the folded text back to the original text.

    A partly matched character counts whole; spans that then overlap are merged.
    """
    if origin is None:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        start = origin[s] if s < len(origin) else length
        end = origin[e - 1] + 1 if e > s else start
        if out and start < out[-1][1]:
            # Two matches inside one expanded character (I, I in Ⅲ): one span of it.
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def fold_pattern(pattern: str) -> str:
    """A regular expression with its full-width characters folded and made literal.

    ``（`` becomes ``\\(`` and ``．`` becomes ``\\.``: a character typed in full
    width is text, never syntax.  Half-width syntax is left alone.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            folded = unicodedata.normalize("NFKC", nxt)
            out.append(_literal(folded) if folded != nxt else c + nxt)
            i += 2
            continue
        folded = unicodedata.normalize("NFKC", c)
        out.append(_literal(folded) if folded != c else c)
        i += 1
    return "".join(out)


#: Most copies of pattern items that counted repeats may add to a regular expression
#: (``a{1000}`` adds about 1000, ``(ab{10}){100}`` about 1100).  The regex engine writes out every copy a counted repeat
#: asks for when it compiles: ``a{100000}`` takes about 30 MB and 0.5 s, ``a{999999999}``
#: tens of GB.  No clause of a plan is near this long.
MAX_REPEAT_WEIGHT = 100_000


def repeat_weight(pattern: str) -> int:
    """How many items ``pattern`` expands to once its counted repeats ``{m}``/``{m,n}`` are written out.

    Each literal, class or escape counts 1, times the minimum count of every
    repeat around it (``{0,n}``, ``*``, ``+`` and ``?`` count once: the engine
    loops over those instead of copying).  Read without the regex engine, so a
    pattern is refused before it is compiled.
    """
    stack = [[0, 0]]  # per open group: [weight of finished items, weight of the last item]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        level = stack[-1]
        if c == "\\":
            level[0] += level[1]
            level[1] = 1
            i += 2
            if i - 1 < n and pattern[i - 1] in "pPNxug" and i < n and pattern[i] in "{<":
                close = pattern.find("}" if pattern[i] == "{" else ">", i)
                i = n if close < 0 else close + 1
            continue
        if c == "[":
            level[0] += level[1]
            level[1] = 1
            i = _class_end(pattern, i)
            continue
        if c == "(":
            stack.append([0, 0])
            i += 1
            continue
        if c == ")" and len(stack) > 1:
            inner = stack.pop()
            parent = stack[-1]
            parent[0] += parent[1]
            parent[1] = inner[0] + inner[1]
            i += 1
            continue
        if c == "|":
            level[0] += level[1]
            level[1] = 0
            i += 1
            continue
        if c == "{":
            count, end = _repeat_count(pattern, i)
            if end:
                level[1] *= max(1, count)
                i = end
                continue
        if c not in "*+?":
            level[0] += level[1]
            level[1] = 1
        i += 1
    while len(stack) > 1:  # an unclosed group: the engine will say so; count what is there
        inner = stack.pop()
        stack[-1][0] += stack[-1][1]
        stack[-1][1] = inner[0] + inner[1]
    return stack[0][0] + stack[0][1]


def _class_end(pattern: str, i: int) -> int:
    """The index after the ``]`` closing the character class opened at ``i``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "]":
            return j + 1
        j += 1
    return len(pattern)


def _repeat_count(pattern: str, i: int) -> tuple[int, int]:
    """(minimum count, index after ``}``) of a counted repeat at ``i``; (0, 0) when ``{`` is a literal."""
    close = pattern.find("}", i)
    if close < 0:
        return 0, 0
    body = pattern[i + 1 : close].replace(" ", "")
    low, comma, high = body.partition(",")
    if not (low.isdigit() or (comma and not low)) or (high and not high.isdigit()) or (not low and not high):
        return 0, 0
    if not low.isascii() or not high.isascii():
        return 0, 0
    return (int(low) if low else 0), close + 1


def _literal(text: str) -> str:
    return "".join("\\" + c if c in _REGEX_META else c for c in text)


def _fold_literal(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", c) for c in text)


# ---------------------------------------------------------------------------
# Matchers


class Matcher(ABC):
    """Finds the spans of a pattern in a text; ``spans`` is all a caller needs."""

    @abstractmethod
    def spans(self, text: str, learned: bool = False) -> list[tuple[int, int]] | None:
        """Non-empty matched spans in ``text`` (original offsets), [] for an empty match only, None for no match.

        ``learned``: the characters of ``text`` were passed to ``learn`` already.
        """

    def spans_of_units(self, units: list[str]) -> list[list[tuple[int, int]] | None]:
        """``spans`` of each unit of a task (characters already learned)."""
        return [self.spans(u, True) for u in units]

    def prepare(self) -> None:
        """Called by ``search`` once the corpus's characters are learned."""


class LiteralMatcher(Matcher):
    """One literal pattern, case-sensitive: ``str.find`` over the folded text."""

    def __init__(self, literal: str) -> None:
        self.literal = literal
        self._relevant: tuple[str, ...] | None = None

    def prepare(self) -> None:
        # Only characters whose folded form shares a character with the literal can take
        # part in a match (the literal is folded, so it holds no other foldable one).
        # Texts without any of them are searched as they are: folding a whole corpus
        # costs more than searching it.
        wanted = set(self.literal)
        self._relevant = tuple(chr(k) for k, v in _FOLD_TABLE.items() if wanted & set(v))

    def _fold(self, text: str, learned: bool) -> tuple[str, list[int] | None]:
        if learned and self._relevant is not None and not any(c in text for c in self._relevant):
            return text, None
        return fold(text, learned)

    def spans_of_units(self, units: list[str]) -> list[list[tuple[int, int]] | None]:
        # Most tasks do not contain the literal: one search over the whole task says so.
        # Units hold no newline, so joining with one cannot create a match across units.
        lit = self.literal
        if lit and "\n" not in lit:
            if lit not in self._fold("\n".join(units), True)[0]:
                return [None] * len(units)
        return [self.spans(u, True) for u in units]

    def spans(self, text: str, learned: bool = False) -> list[tuple[int, int]] | None:
        folded, origin = self._fold(text, learned)
        lit = self.literal
        if not lit:
            return []
        pos = folded.find(lit)
        if pos < 0:
            return None
        found = []
        while pos >= 0:
            found.append((pos, pos + len(lit)))
            pos = folded.find(lit, pos + len(lit))
        return _to_original(found, origin, len(text))


class RegexMatcher(Matcher):
    """A compiled ``regex`` pattern run under a shared time budget."""

    def __init__(self, compiled, deadline: float, budget: float) -> None:
        self.compiled = compiled
        self.deadline = deadline
        self.budget = budget

    def spans(self, text: str, learned: bool = False) -> list[tuple[int, int]] | None:
        folded, origin = fold(text, learned)
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise _timeout(self.budget)
        found = []
        matched = False
        try:
            for m in self.compiled.finditer(folded, timeout=remaining):
                matched = True
                if m.end() > m.start():
                    found.append(m.span())
        except TimeoutError:
            raise _timeout(self.budget) from None
        if not matched:
            return None
        return _to_original(found, origin, len(text))


def _timeout(budget: float) -> KbError:
    return KbError(
        f"模式匹配超过了 {budget:g} 秒（像 (a+)+$ 这样的模式会无休止地回溯）："
        "请简化模式，或用 -F 按普通文字搜索，或调大 --timeout"
    )


def build_matcher(
    patterns: list[str],
    *,
    fixed: bool = False,
    ignore_case: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> Matcher:
    """The matcher for ``patterns`` (any of them matches, leftmost first, like an alternation).

    ``fixed``: the patterns are plain text.  ``ignore_case``: Latin letters match in
    either case.  ``timeout``: seconds allowed for compiling and matching together.
    Raises KbError for a bad regular expression or when the budget runs out.
    """
    if not patterns:
        raise KbError("没有给出模式：kb grep 模式（配合筛选条件用 '' 可列出每一句）")
    if timeout <= 0:
        raise KbError(f"--timeout 须大于 0 秒，而不是 {timeout:g}")
    deadline = time.monotonic() + timeout
    if len(patterns) == 1 and not ignore_case:
        p = patterns[0]
        if fixed or not (_REGEX_META & set(p)):
            return LiteralMatcher(_fold_literal(p))
    import regex

    parts = [regex.escape(_fold_literal(p), special_only=True) if fixed else fold_pattern(p) for p in patterns]
    source = parts[0] if len(parts) == 1 else "|".join(f"(?:{p})" for p in parts)
    weight = repeat_weight(source)
    if weight - len(source) > MAX_REPEAT_WEIGHT:  # what counted repeats add (a long alternation is timed instead)
        shown = " | ".join(patterns)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise KbError(
            f"模式 {shown!r} 的重复次数太多（展开后为 {weight:,} 份，至多 {MAX_REPEAT_WEIGHT:,}）："
            f"请用较小的次数（如 {{0,100}}），或用 * 和 +"
        )
    flags = regex.IGNORECASE if ignore_case else 0
    compiled = _compile(regex, source, flags, deadline, timeout, patterns, parts, threaded=weight > _HEAVY_WEIGHT)
    return RegexMatcher(compiled, deadline, timeout)


def _compile(regex, source: str, flags: int, deadline: float, budget: float, patterns, parts, threaded: bool = False):
    if len(source) <= _LONG_PATTERN and not threaded:
        return _compile_checked(regex, source, flags, patterns, parts)
    # Compiling a huge alternation takes seconds and cannot be interrupted: do it in a
    # daemon thread and give up when the budget is spent (the thread dies with kb).
    import threading

    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["ok"] = _compile_checked(regex, source, flags, patterns, parts)
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="kb-grep-compile", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise CompileTimeout(
            f"模式（{len(source)} 个字符）编译超过了 {budget:g} 秒："
            "请减少可选项，或调大 --timeout"
        )
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["ok"]


class CompileTimeout(KbError):
    """Compiling the pattern ran out of time; a helper thread is still busy with it.

    The thread may be inside the regex engine's C code, where it cannot be
    stopped, so a command should leave with ``os._exit`` after printing this.
    """


def _compile_checked(regex, source: str, flags: int, patterns, parts):
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        # Name the pattern at fault when there are several.
        for original, part in zip(patterns, parts):
            try:
                regex.compile(part, flags)
            except regex.error as one:
                raise KbError(_regex_message(original, one)) from None
        raise KbError(_regex_message(" | ".join(patterns), exc)) from None
    except (OverflowError, RecursionError, MemoryError):
        raise KbError("模式太大，无法编译：请减少可选项或简化表达式") from None


def _regex_message(pattern: str, exc) -> str:
    pos = getattr(exc, "pos", None)  # (0-based, and just past the end for a bracket left open: people count from 1)
    where = f"（第 {min(pos + 1, max(len(pattern), 1))} 个字符处）" if pos is not None else ""
    shown = pattern if len(pattern) <= 60 else pattern[:57] + "..."
    return f"正则表达式 {shown!r} 有误：{regex_problem(str(exc.msg))}{where}（要按原样搜索这段文字，请加 -F）"


def regex_problem(message: str) -> str:
    """The regex library's (English) ``message`` in Chinese (kb/data/grep.yaml: the first entry it starts with),
    else 写法有误: every line a user reads is Chinese.  Read only on this error path (kb grep imports no yaml)."""
    from kb.data import DATA_DIR, load_cached_yaml

    path = DATA_DIR / "grep.yaml"

    def build(data: dict) -> dict[str, str]:
        table = data.get("regex_errors")
        if set(data) != {"version", "regex_errors"} or not isinstance(table, dict) or not all(
                isinstance(k, str) and k and isinstance(v, str) and v for k, v in table.items()):
            raise KbError(f"{path}：应恰好有 version 和 regex_errors 两个键，后者为“英文说明开头: 中文”的映射；请从代码仓库恢复这个文件")
        return table

    table = load_cached_yaml(path, "grep wording", build)
    return next((words for start, words in table.items() if message.startswith(start)), "写法有误")


# ---------------------------------------------------------------------------
# Task filters


@dataclass(slots=True)
class TaskFilter:
    """Structure filters: a task is searched only if it passes every one given."""

    departments: list[str] = field(default_factory=list)
    """Canonical names (or sub-units) that must have any role in the task, implied included."""
    leads: list[str] = field(default_factory=list)
    """Names that must lead (牵头) the task."""
    supports: list[str] = field(default_factory=list)
    """Names that must support (配合) the task."""
    sections: list[str] = field(default_factory=list)
    """Parts (``三``), sections (``三（二）``) or task labels; the task must fall under one of them."""
    due_before: str | None = None
    """ISO date: some deadline of the task ends on or before it (``kb.select`` reading ``cumulative``)."""
    due_on: str | None = None
    """ISO date: some deadline of the task ends on it (the ``limit`` reading of a limit the plan writes)."""
    year: int | None = None
    """Some deadline of the task overlaps this calendar year (due in it, running through it, started before it)."""
    due_in: int | None = None
    """Some deadline of the task ends in this calendar year (``kb ask 2019年要完成哪些任务``; a start never ends)."""
    has_target: bool = False
    """The task states at least one numeric target."""

    def accepts(self, task: Task) -> bool:
        """True if ``task`` passes every filter (the shared selection of kb/select.py decides)."""
        return self.selection().accepts(task)

    def selection(self):
        """These filters as a ``kb.select.Selection`` over every paragraph (grep searches them all)."""
        from kb.select import DateSpan, Selection

        roles = [(n, "any+implied") for n in self.departments]
        roles += [(n, "lead") for n in self.leads] + [(n, "support") for n in self.supports]
        sel = Selection(roles=roles, sections=list(self.sections), has_target=self.has_target, tasks_only=False)
        spans = []
        if self.year is not None:
            spans.append(DateSpan.year(self.year, "active"))
        if self.due_in is not None:
            spans.append(DateSpan.year(self.due_in, "due"))
        if self.due_before is not None:
            spans.append(DateSpan.by(self.due_before))
        if self.due_on is not None:
            spans.append(DateSpan.on(self.due_on))
        if len(spans) == 1:
            sel.dates = spans[0]
        elif spans:  # several given: a task must pass each (one condition, one span each)
            return _Both(sel, *spans)
        return sel

    @property
    def empty(self) -> bool:
        """True when no filter is set."""
        return not (
            self.departments or self.leads or self.supports or self.sections
            or self.due_before or self.due_on or self.year is not None or self.due_in is not None
            or self.has_target
        )


def deadline_overlaps(deadline, year: int) -> bool:
    """True if a deadline's period meets calendar ``year`` (``kb.select.deadline_active``)."""
    from kb.select import deadline_active

    return deadline_active(deadline, f"{year:04d}-01-01", f"{year:04d}-12-31")


class _Both:
    """A selection and date spans that must all hold (--year, --due-in, --due-before, --due-on: several given)."""

    __slots__ = ("sel", "spans")

    def __init__(self, sel, *spans) -> None:
        self.sel, self.spans = sel, spans

    def accepts(self, task: Task) -> bool:
        return self.sel.accepts(task) and all(s.selects(task) for s in self.spans)


from kb.select import in_section, normalize_section  # noqa: E402  (one definition, shared)


def check_sections(plan: Plan, sections: list[str]) -> list[str]:
    """Normalise the ``--section`` values; raise KbError naming the known ones for an unknown value."""
    if not sections:
        return []  # (the outline of 1,000 plans is read only when a section is asked for)
    parts, labels = plan.outline()
    known = dict.fromkeys(parts)
    out = []
    for raw in sections:
        s = normalize_section(raw)
        if s not in known and s not in labels:
            listed = "、".join(known)
            raise KbError(f"方案中没有部分或节 {raw!r}：请给出方案的部分或节（{listed}），或条目编号")
        out.append(s)
    return out


def parse_date(text: str, option: str = "--due-before") -> str:
    """An ISO date ``YYYY-MM-DD`` as typed → the same, validated (KbError otherwise)."""
    from datetime import date

    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise KbError(f"{option} 需要 YYYY-MM-DD 格式的日期（如 2020-12-31），而不是 {text!r}") from None


def resolve_names(plan: Plan, names: list[str], option: str, notes: list[str] | None = None) -> list[str]:
    """Department names as typed → canonical names, as ``kb duties`` reads them (kb.duties.resolve_or_fail: KbError for
    an unknown name, or a bare division two bureaus write — 办公室 — with the choices).

    A name read by fuzzy matching (a typo) adds a line to ``notes`` so the user sees how it was read.
    """
    if not names:
        return []
    from kb.duties import resolve_or_fail

    out = []
    for name in names:
        try:
            res = resolve_or_fail(name, plan)
        except KbError as exc:
            raise KbError(f"{option}: {exc}", exc.exit_code) from None
        if res.how == "fuzzy" and notes is not None:
            notes.append(f"{option} {name}：按“{res.name}”理解")
        out.append(res.name)
    return out


# ---------------------------------------------------------------------------
# The search


@dataclass(slots=True)
class TaskResult:
    """One searched task: its units and which of them the pattern matched."""

    task: Task
    """The task."""
    units: list[str]
    """What was searched: the clauses, then the tag when tags are searched."""
    spans: list[list[tuple[int, int]] | None]
    """Per unit: None when the pattern did not match, else the matched spans (may be empty)."""

    def selected(self, invert: bool = False) -> list[int]:
        """Indices of the units selected: matched ones, or with ``invert`` the others."""
        return [i for i, s in enumerate(self.spans) if (s is None) == invert]

    def matched(self) -> bool:
        """True if any unit matched."""
        return any(s is not None for s in self.spans)

    def unit_kind(self, i: int) -> str:
        """``clause`` or ``tag``."""
        return "tag" if i >= len(self.task.clauses) else "clause"


def task_units(task: Task, tags: bool = True) -> list[str]:
    """The units of a task that grep searches: its clauses, then its tag (when ``tags``)."""
    units = list(task.clauses)
    if tags and task.tag:
        units.append(task.tag)
    return units


class TaskRef:
    """A task of a stored plan known by its id, document and label — all that kb grep's lines, counts
    and labels print; reading any other field builds the task from the store (once)."""

    __slots__ = ("id", "doc", "label", "_plan", "_key", "_task")

    def __init__(self, task_id: str, doc: str, label: str, plan, key: tuple[str, int]) -> None:
        self.id, self.doc, self.label = task_id, doc, label
        self._plan, self._key, self._task = plan, key, None

    def task(self) -> Task:
        """The whole task."""
        if self._task is None:
            self._task = self._plan.tasks_at([self._key])[0]
        return self._task

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.task(), name)


def search(plan: Plan, matcher: Matcher, filters: TaskFilter | None = None, *, tags: bool = True,
           prefilter: bool = False, skipped: "Stats | None" = None, light: bool = False) -> Iterator[TaskResult]:
    """Run ``matcher`` over every unit of every task passing ``filters``, in plan order.

    ``prefilter``: tasks none of whose units can match may be left out (every
    output but ``-v`` selects nothing from them).  For a plan in the store
    (``kb.store.StoredPlan``) this is what keeps a search of 1,000 plans fast:
    the filters are answered by the store's indexes, a literal pattern is looked
    for inside SQLite, a regular expression runs over the stored folded units,
    and only the tasks that can match are built as objects.  The tasks and
    units left out are added to ``skipped`` (for the JSON summary).
    ``light``: the caller reads only each result's units and its task's id,
    document and label (kb grep's lines, ``-c``, ``-l``, ``-o``): without filters a
    stored plan then gives ``TaskRef``s and the units as stored, building no task.
    """
    if prefilter and getattr(plan, "uses_store", lambda: False)():
        from kb.store import StoreDamaged

        results = _search_stored(plan, matcher, filters, tags, skipped, light)
        try:
            first = next(results, None)  # (every store read of a search is done before its first result)
        except StoreDamaged as exc:
            plan.heal(exc)  # the store turned out damaged: said, removed, the corpus parsed in memory; search that
        else:
            if first is not None:
                yield first
                yield from results
            return
    sel = None if filters is None else filters.selection()
    chosen = [t for t in plan.tasks if sel is None or sel.accepts(t)]
    all_units = [task_units(t, tags) for t in chosen]
    learn(u for units in all_units for u in units)
    matcher.prepare()
    for task, units in zip(chosen, all_units):
        yield TaskResult(task, units, matcher.spans_of_units(units))


def _search_stored(plan, matcher: Matcher, filters: TaskFilter | None, tags: bool, skipped,
                   light: bool = False) -> Iterator[TaskResult]:
    keys = _filter_keys(plan, filters)
    literal = getattr(matcher, "literal", None) if isinstance(matcher, LiteralMatcher) else None
    if literal and "\n" not in literal:
        rows = plan.grep_rows(literal, keys)
    else:
        rows = plan.grep_rows(None, keys)
        if literal != "":
            # Test each stored unit (already folded: folding again changes nothing) before building tasks.
            rows = [r for r in rows if any(matcher.spans(u) is not None for u in _stored_units(r, tags))]
    # Every read of the store first (a damaged store is healed by ``search`` before anything is printed or counted).
    if light and filters is None:
        details = plan.grep_details([(r[0], r[1]) for r in rows])
    else:
        tasks = plan.tasks_at([(r[0], r[1]) for r in rows])
    if skipped is not None:
        total_tasks, total_units, total_tagged = plan.grep_totals(keys)
        skipped.tasks_searched += total_tasks - len(rows)
        skipped.units_searched += (total_units - (0 if tags else total_tagged)
                                   - sum(r[3] - (0 if tags else r[4]) for r in rows))
    if light and filters is None:
        yield from _light_results(plan, matcher, rows, tags, details)
        return
    if filters is not None:
        sel = filters.selection()  # the exact test (kb/select.py) on the few candidates
        tasks = [t for t in tasks if sel.accepts(t)]
    all_units = [task_units(t, tags) for t in tasks]
    learn(u for units in all_units for u in units)
    matcher.prepare()
    for task, units in zip(tasks, all_units):
        yield TaskResult(task, units, matcher.spans_of_units(units))


def _light_results(plan, matcher: Matcher, rows, tags: bool, details) -> Iterator[TaskResult]:
    """Results of the stored ``rows`` (plan, seq, folded units, units, tagged) with the units as written
    (``details``: ``StoredPlan.grep_details`` of the rows)."""
    doc_of = {ref.key: ref.doc_id for ref in plan.refs}
    # A unit holding a line break (a tag written over two lines: 牵头单位:X / 责任单位:Y) splits into more lines than the
    # row's units: those tasks are built and their units read from them (else the tag's first line read as a clause,
    # searched under --no-tags, and counted as a unit of its own); read before the first result (a damaged store heals)
    odd = [(p, s) for p, s, folded, count, _ in rows if count and (details[(p, s)][2] or folded).count("\n") + 1 != count]
    built = dict(zip(odd, plan.tasks_at(odd))) if odd else {}
    found = []
    for p, s, folded, count, tagged in rows:
        task_id, label, original = details[(p, s)]
        if (p, s) in built:
            found.append((built[(p, s)], task_units(built[(p, s)], tags)))
            continue
        units = (original or folded).split("\n") if count else []
        if tagged and not tags:
            units = units[:-1]
        found.append((TaskRef(task_id, doc_of[p], label, plan, (p, s)), units))
    learn(u for _, units in found for u in units)
    matcher.prepare()
    for ref, units in found:
        yield TaskResult(ref, units, matcher.spans_of_units(units))


def _stored_units(row, tags: bool) -> list[str]:
    units = row[2].split("\n")
    return units if tags or not row[4] else units[:-1]


def _filter_keys(plan, filters: TaskFilter | None):
    """(plan, seq) of the tasks that may pass ``filters``, from the store's indexes (None: no filter).

    A superset at worst (a sub-unit under an implied implementer); ``TaskFilter.accepts``
    decides exactly once the few candidates are built.
    """
    if filters is None or filters.empty:
        return None
    found = []
    q = plan.filter_keys
    for name in filters.departments:
        found.append(q("SELECT plan, seq FROM roles WHERE department = ?", (name,)))
    for name in filters.leads:
        found.append(q("SELECT plan, seq FROM roles WHERE department = ? AND role = 'lead'", (name,)))
    for name in filters.supports:
        found.append(q("SELECT plan, seq FROM roles WHERE department = ? AND role = 'support'", (name,)))
    if filters.sections:
        any_of: set = set()
        for sec in filters.sections:
            any_of |= q("SELECT plan, seq FROM tasks WHERE part = ? OR section = ? OR label = ?", (sec, sec, sec))
        found.append(any_of)
    if filters.due_before is not None:
        found.append(q("SELECT plan, seq FROM deadlines WHERE end IS NOT NULL AND end <= ?", (filters.due_before,)))
    if filters.due_on is not None:
        found.append(q("SELECT plan, seq FROM deadlines WHERE end = ?", (filters.due_on,)))
    if filters.year is not None:
        first, last = f"{filters.year:04d}-01-01", f"{filters.year:04d}-12-31"
        found.append(q("SELECT plan, seq FROM deadlines WHERE coalesce(start, end) IS NOT NULL "
                       "AND coalesce(start, end) <= ? AND (end IS NULL OR end >= ?)", (last, first)))
    if filters.due_in is not None:
        first, last = f"{filters.due_in:04d}-01-01", f"{filters.due_in:04d}-12-31"
        found.append(q("SELECT plan, seq FROM deadlines WHERE end IS NOT NULL AND end >= ? AND end <= ?", (first, last)))
    if filters.has_target:
        found.append(q("SELECT plan, seq FROM tasks WHERE targets > 0"))
    keys = found[0]
    for other in found[1:]:
        keys &= other
    return keys


# ---------------------------------------------------------------------------
# Output records


COLOR_MATCH = "\x1b[1;31m"
COLOR_LABEL = "\x1b[32m"
COLOR_DOC = "\x1b[35m"
COLOR_RESET = "\x1b[0m"


@dataclass(slots=True)
class Style:
    """How lines are written."""

    color: bool = False
    """Highlight matches and colour labels with ANSI escapes."""
    label: bool = True
    """Prefix each line with the task label (``--no-label`` turns it off)."""
    document: bool = False
    """Prefix the label with the document id (on when the corpus has several plans)."""


def highlight(text: str, spans: list[tuple[int, int]] | None, color: bool) -> str:
    """``text`` with ``spans`` wrapped in the match colour (unchanged without colour)."""
    if not color:
        return text
    from kb.safetext import escape

    # Coloured lines bypass the output's escaping (kb.safetext.write_trusted): escape the data here.
    out, pos = [], 0
    for s, e in spans or ():
        if s < pos:
            continue
        out.append(escape(text[pos:s]))
        out.append(COLOR_MATCH + escape(text[s:e]) + COLOR_RESET)
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


def paint(code: str, text: str, color: bool) -> str:
    """``text`` (a label, a document id) in colour ``code``, escaped; unchanged without colour."""
    if not color:
        return text
    from kb.safetext import escape_line

    return code + escape_line(text) + COLOR_RESET


def prefix(task: Task, style: Style, sep: str = ":") -> str:
    """The ``DOC:LABEL:`` prefix of a line (``sep`` is ``-`` for context lines)."""
    parts = []
    if style.document:
        parts.append(paint(COLOR_DOC, task.doc, style.color))
    if style.label:
        parts.append(paint(COLOR_LABEL, task.label, style.color))
    return "".join(p + sep for p in parts)


def clause_lines(
    results: Iterable[TaskResult],
    style: Style,
    *,
    invert: bool = False,
    before: int = 0,
    after: int = 0,
    max_count: int | None = None,
) -> Iterator[tuple[str, TaskResult, int, bool]]:
    """Lines of the default output, one per selected unit: ``LABEL:clause``.

    With ``before``/``after`` the neighbouring units of the same task are added as
    context lines (``LABEL-clause``), and ``--`` separates groups that are not
    adjacent, as in grep.  Yields (line, result, unit index, is_context); the
    separator has index -1.  ``max_count`` caps selected units per document.
    """
    counts: dict[str, int] = {}
    printed_any = False
    for r in results:
        doc = r.task.doc
        if max_count is not None and counts.get(doc, 0) >= max_count:
            continue
        chosen = r.selected(invert)
        if max_count is not None:
            chosen = chosen[: max_count - counts.get(doc, 0)]
        if not chosen:
            continue
        counts[doc] = counts.get(doc, 0) + len(chosen)
        shown: list[tuple[int, bool]] = []
        if before or after:
            wanted: dict[int, bool] = {}
            for i in chosen:
                for j in range(max(0, i - before), min(len(r.units), i + after + 1)):
                    wanted.setdefault(j, True)
                wanted[i] = False
            shown = sorted(wanted.items())
        else:
            shown = [(i, False) for i in chosen]
        last = None
        for i, is_context in shown:
            if (before or after) and printed_any and (last is None or i != last + 1):
                yield "--", r, -1, True
            sep = "-" if is_context else ":"
            spans = None if (is_context or invert) else r.spans[i]
            yield prefix(r.task, style, sep) + highlight(r.units[i], spans, style.color), r, i, is_context
            printed_any = True
            last = i


def only_matching_lines(
    results: Iterable[TaskResult], style: Style, *, invert: bool = False, max_count: int | None = None
) -> Iterator[tuple[str | None, TaskResult, int]]:
    """``-o``: one line per matched part, ``LABEL:part``.

    Yields (line, result, unit index) per matched part, and (None, result, index)
    for a selected unit with nothing to print (an empty match, or any unit with
    ``invert``), so the caller can still tell whether anything was selected.
    ``max_count`` caps selected units per document.
    """
    counts: dict[str, int] = {}
    for r in results:
        doc = r.task.doc
        for i in r.selected(invert):
            if max_count is not None and counts.get(doc, 0) >= max_count:
                break
            counts[doc] = counts.get(doc, 0) + 1
            parts = [] if invert else (r.spans[i] or [])
            if not parts:
                yield None, r, i
            for s, e in parts:
                yield prefix(r.task, style) + highlight(r.units[i][s:e], [(0, e - s)], style.color), r, i


def task_spans(r: TaskResult) -> list[tuple[int, int]]:
    """The matched spans of a task's units as offsets into ``Task.text``.

    Units are located in the text in order; a unit not found there (a text the
    parser rewrote) contributes no highlight rather than a wrong one.
    """
    text = r.task.text
    pos = 0
    out: list[tuple[int, int]] = []
    for unit, spans in zip(r.units, r.spans):
        at = text.find(unit, pos)
        if at < 0:
            continue
        pos = at + len(unit)
        for s, e in spans or ():
            out.append((at + s, at + e))
    return out


def selected_tasks(
    results: Iterable[TaskResult], *, invert: bool = False, max_count: int | None = None
) -> Iterator[TaskResult]:
    """Tasks selected at task level (``--task``, ``-l``): with a matching unit, or with ``invert`` none.

    ``max_count`` caps tasks per document.
    """
    counts: dict[str, int] = {}
    for r in results:
        if r.matched() == invert:
            continue
        doc = r.task.doc
        if max_count is not None and counts.get(doc, 0) >= max_count:
            continue
        counts[doc] = counts.get(doc, 0) + 1
        yield r


def task_line(r: TaskResult, style: Style, invert: bool = False) -> str:
    """``--task``: the whole task text on one line, matches highlighted."""
    spans = None if invert else task_spans(r)
    return prefix(r.task, style) + highlight(r.task.text, spans, style.color)


def label_line(r: TaskResult, style: Style) -> str:
    """``-l``: the task's label (with the document id when several plans are searched)."""
    parts = []
    if style.document:
        parts.append(paint(COLOR_DOC, r.task.doc, style.color))
    parts.append(paint(COLOR_LABEL, r.task.label, style.color))
    return ":".join(parts)


def count_by_document(
    plan: Plan, results: Iterable[TaskResult], *, invert: bool = False, tasks: bool = False, max_count: int | None = None
) -> dict[str, int]:
    """``-c``: selected units (or tasks, with ``tasks``) per document; every document is listed, 0 included."""
    counts = {d: 0 for d in plan.document_ids()}
    for r in results:
        n = (1 if r.matched() != invert else 0) if tasks else len(r.selected(invert))
        counts[r.task.doc] = counts.get(r.task.doc, 0) + n
    if max_count is not None:
        counts = {d: min(n, max_count) for d, n in counts.items()}
    return counts


def count_line(doc: str, n: int, style: Style) -> str:
    """``-c``: ``DOC:N`` with several plans; just ``N`` with one (as grep with one file) or ``--no-label``."""
    if not style.label or not style.document:
        return str(n)
    return paint(COLOR_DOC, doc, style.color) + ":" + str(n)


def submatches(text: str, spans: list[tuple[int, int]] | None) -> list[dict]:
    """JSON submatches: the matched text, character offsets (``start``/``end``) and UTF-8 byte offsets."""
    out = []
    for s, e in spans or ():
        byte_start = len(text[:s].encode("utf-8"))
        out.append({
            "match": {"text": text[s:e]},
            "start": s,
            "end": e,
            "byte_start": byte_start,
            "byte_end": byte_start + len(text[s:e].encode("utf-8")),
        })
    return out


def unit_record(r: TaskResult, i: int, *, context: bool = False, invert: bool = False) -> dict:
    """JSON Lines object of one unit: ``{"type": "match"|"context", "data": {...}}``."""
    spans = None if (context or invert) else r.spans[i]
    return {
        "type": "context" if context else "match",
        "data": {
            "document": r.task.doc,
            "label": r.task.label,
            "task": r.task.id,
            "clause": i,
            "kind": r.unit_kind(i),
            "text": r.units[i],
            "submatches": submatches(r.units[i], spans),
        },
    }


def task_record(r: TaskResult, invert: bool = False) -> dict:
    """JSON Lines object of a whole task (``--task``): offsets are into ``text``."""
    spans = None if invert else task_spans(r)
    return {
        "type": "match",
        "data": {
            "document": r.task.doc,
            "label": r.task.label,
            "task": r.task.id,
            "clauses": r.selected(invert),
            "text": r.task.text,
            "submatches": submatches(r.task.text, spans),
        },
    }


@dataclass(slots=True)
class Stats:
    """What a search went through, for the JSON summary."""

    documents: int = 0
    """Documents of the corpus."""
    tasks_searched: int = 0
    """Tasks that passed the filters."""
    units_searched: int = 0
    """Clauses and tags searched."""
    selected_units: int = 0
    """Units selected (matched, or not matched with -v)."""
    selected_tasks: int = 0
    """Tasks with a selected unit (at task level with --task/-l)."""
    matches: int = 0
    """Non-empty matched spans in selected units."""
    documents_with_match: int = 0
    """Documents with something selected."""

    def summary(self, elapsed: float) -> dict:
        """The final JSON Lines object."""
        return {
            "type": "summary",
            "data": {
                "documents": self.documents,
                "documents_with_match": self.documents_with_match,
                "tasks_searched": self.tasks_searched,
                "clauses_searched": self.units_searched,
                "matched_clauses": self.selected_units,
                "matched_tasks": self.selected_tasks,
                "matches": self.matches,
                "offsets": "char",
                "elapsed_ms": round(elapsed * 1000, 3),
            },
        }
