"""``kb grep``: options and printing; the search itself is kb/grep.py.

Exit status as in grep: 0 when something was selected, 1 when nothing was, 2 on
an error (raised as KbError and printed by the dispatcher).  Keep this module's
imports tiny: ``kb grep`` must start almost as fast as the bare interpreter.
"""

from __future__ import annotations

import os
import sys

from kb.cli import use_color  # (grep's rule is every command's: kb/cli/__init__.py)


def _count(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数，而不是 {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"应为 0 或更大的数，而不是 {n}")
    return n


def _seconds(text: str) -> float:
    import argparse

    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为秒数，而不是 {text!r}") from None
    if not n > 0:
        raise argparse.ArgumentTypeError(f"应大于 0 秒，而不是 {text!r}")
    return n


def _year(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 1000 <= n <= 9999:
        raise argparse.ArgumentTypeError(f"应为四位数的年份（如 2019），而不是 {text!r}")
    return n


def add_arguments(parser, name: str) -> None:
    """Options of ``kb grep``."""
    parser.add_argument("pattern", metavar="PATTERN", nargs="?", help="正则表达式（'' 选中每一句）")
    g = parser.add_argument_group("模式")
    g.add_argument("-e", "--regexp", dest="patterns", metavar="PATTERN", action="append", default=[],
                   help="一个模式；可重复给出多个（匹配任一即可）")
    g.add_argument("-F", "--fixed-strings", action="store_true", help="模式按普通文字匹配，不作正则表达式")
    g.add_argument("-i", "--ignore-case", action="store_true", help="拉丁字母不分大小写（vocs 可找到 VOCs）")
    g.add_argument("-v", "--invert-match", action="store_true", help="选中不匹配的句子（与 --task/-l 同用时为任务）")
    g.add_argument("--no-tag", dest="tags", action="store_false",
                   help="只搜索正文句子，不搜索每项任务末尾的责任单位括注")
    g.add_argument("--timeout", type=_seconds, default=None, metavar="SECS",
                   help="编译和匹配正则表达式的时限，秒（默认 3）")
    o = parser.add_argument_group("输出")
    o.add_argument("--task", action="store_true", help="输出整项任务（每项一次），而不是句子")
    o.add_argument("-c", "--count", action="store_true", help="输出每个方案中选中的句子数（与 --task 同用时为任务数）")
    o.add_argument("-l", "--labels", action="store_true", help="只输出匹配任务的条目编号")
    o.add_argument("-o", "--only-matching", action="store_true", help="只输出匹配到的部分，每行一个")
    o.add_argument("-m", "--max-count", type=_count, metavar="N", help="每个方案选中 N 句（与 --task/-l 同用时为 N 项任务）后停止")
    o.add_argument("-C", "--context", type=_count, metavar="N", help="显示同一任务中前后各 N 句")
    o.add_argument("-A", "--after-context", type=_count, metavar="N", help="显示每处匹配之后的 N 句（同一任务内）")
    o.add_argument("-B", "--before-context", type=_count, metavar="N", help="显示每处匹配之前的 N 句（同一任务内）")
    o.add_argument("--no-label", dest="label", action="store_false", help="行首不加条目编号")
    o.add_argument("--json", action="store_true", help="输出 JSON Lines（与 ripgrep 相同的结构，中文不转义）")
    o.add_argument("--color", "--colour", choices=["auto", "always", "never"], default="auto",
                   help="高亮匹配：auto（默认，仅在终端中、未设 NO_COLOR 且 TERM 不是 dumb 时）、always、never")
    add_task_filters(parser.add_argument_group("结构筛选（可组合；给出的每一项都须满足）"))

def add_task_filters(f) -> None:
    """The task filters of kb grep, added to the argument group ``f`` (kb export takes the same ones)."""
    f.add_argument("--dept", action="append", default=[], metavar="NAME", help="该部门承担任何职责的任务（可用简称，错别字可识别）")
    f.add_argument("--lead", action="append", default=[], metavar="NAME", help="该部门牵头的任务")
    f.add_argument("--support", action="append", default=[], metavar="NAME", help="该部门配合的任务")
    f.add_argument("--section", action="append", default=[], metavar="SECTION", help="部分（三）、节（三（二））或条目编号；可重复给出（符合任一即可）")
    f.add_argument("--due-before", metavar="DATE", help="完成时限在 DATE（YYYY-MM-DD）当天或之前的任务")
    f.add_argument("--due-on", metavar="DATE", help="完成时限就是 DATE（YYYY-MM-DD）当天的任务（如方案写的“2024年6月底前”）")
    f.add_argument("--year", type=_year, metavar="YYYY", help="时限涉及该年的任务（在该年到期、跨该年执行或此前已起施行）")
    f.add_argument("--due-in", type=_year, metavar="YYYY", help="在该年到期的任务（与 kb ask“2019年要完成哪些任务”同一口径）")
    f.add_argument("--has-target", action="store_true", help="写明数值目标的任务")


def task_filter(plan, args):
    """The filters given on the command line as one ``kb.grep.TaskFilter``; name notes go to stderr."""
    from kb import grep

    due_before = grep.parse_date(args.due_before) if args.due_before is not None else None
    due_on = grep.parse_date(args.due_on, "--due-on") if args.due_on is not None else None
    notes: list[str] = []
    filters = grep.TaskFilter(
        departments=grep.resolve_names(plan, args.dept, "--dept", notes),
        leads=grep.resolve_names(plan, args.lead, "--lead", notes),
        supports=grep.resolve_names(plan, args.support, "--support", notes),
        sections=grep.check_sections(plan, args.section),
        due_before=due_before,
        due_on=due_on,
        year=args.year,
        due_in=args.due_in,
        has_target=args.has_target,
    )
    for note in notes:
        print(f"kb: 提示：{note}", file=sys.stderr)
    return filters


def run(args) -> int:
    """Search the plan and print; returns the exit status."""
    import time

    from kb import grep
    from kb.errors import KbError
    from kb.store import load_plan

    started = time.monotonic()
    patterns = list(args.patterns)
    if args.pattern is not None:
        if patterns:
            raise KbError(f"已用 -e 给出模式，又给了 PATTERN {args.pattern!r}：请把每个模式都放在各自的 -e 之后")
        patterns = [args.pattern]
    if not patterns:
        raise KbError("没有给出模式：kb grep 模式（配合筛选条件用 '' 可列出每一句）")
    if args.due_before is not None:
        grep.parse_date(args.due_before)  # a bad date is said before the corpus is read
    if args.due_on is not None:
        grep.parse_date(args.due_on, "--due-on")

    plan = load_plan(args.corpus)
    filters = task_filter(plan, args)
    try:
        matcher = grep.build_matcher(
            patterns,
            fixed=args.fixed_strings,
            ignore_case=args.ignore_case,
            timeout=args.timeout or grep.DEFAULT_TIMEOUT,
        )
    except grep.CompileTimeout as exc:
        # The compiling thread cannot be stopped; interpreter shutdown would wait for it.
        print(f"kb: {exc}", file=sys.stderr)
        sys.stderr.flush()
        os._exit(exc.exit_code)
    style = grep.Style(
        color=False if args.json else use_color(args.color, sys.stdout),
        label=args.label,
        document=len(plan.document_ids()) > 1,
    )
    skipped = grep.Stats() if args.json else None  # only the JSON summary counts what was searched
    results = grep.search(plan, matcher, None if filters.empty else filters, tags=args.tags,
                          prefilter=not args.invert_match, skipped=skipped,
                          light=not (args.json or args.task))  # the rest prints labels and units only
    out = sys.stdout
    # Several plans on a terminal: a heading names each plan (Document.name) before its first line, as
    # ripgrep heads each file's matches; the lines keep their DOC: prefix, and pipes get the lines alone.
    heading = _Heading(plan, style) if style.document and not args.json and _isatty(sys.stdout) else None
    if style.color:  # the lines escape their data themselves and hold kb's colour codes
        from kb.safetext import trusted

        out = trusted(out)
    if heading is not None:
        out = heading.wrap(out)
    if args.json:
        found = _json(plan, results, args, started, skipped)
    elif args.count:
        counts = grep.count_by_document(plan, results, invert=args.invert_match, tasks=args.task, max_count=args.max_count)
        for doc, n in counts.items():
            out.write(grep.count_line(doc, n, style) + "\n")
        found = any(counts.values())
    elif args.labels:
        found = False
        for r in grep.selected_tasks(results, invert=args.invert_match, max_count=args.max_count):
            out.write(grep.label_line(r, style) + "\n", r.task.doc) if heading else out.write(grep.label_line(r, style) + "\n")
            found = True
    elif args.only_matching:
        found = False
        for line, r, _i in grep.only_matching_lines(results, style, invert=args.invert_match, max_count=args.max_count):
            if line is not None:
                out.write(line + "\n", r.task.doc) if heading else out.write(line + "\n")
            found = True
    elif args.task:
        found = False
        for r in grep.selected_tasks(results, invert=args.invert_match, max_count=args.max_count):
            line = grep.task_line(r, style, args.invert_match) + "\n"
            out.write(line, r.task.doc) if heading else out.write(line)
            found = True
    else:
        before, after = _context(args)
        found = False
        for line, r, _i, is_context in grep.clause_lines(
            results, style, invert=args.invert_match, before=before, after=after, max_count=args.max_count
        ):
            out.write(line + "\n", r.task.doc if r is not None else None) if heading else out.write(line + "\n")
            found = found or not is_context
    out.flush()
    return 0 if found else 1


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Heading:
    """Writes ``《name》（id）`` before the first line of each plan (several plans, a terminal)."""

    def __init__(self, plan, style) -> None:
        from kb import grep

        self._names = dict(plan.document_names())
        self._color = style.color
        self._paint = grep.paint
        self._code = grep.COLOR_DOC
        self._out = None
        self._last: str | None = None

    def wrap(self, out) -> "_Heading":
        self._out = out
        return self

    def write(self, text: str, doc: str | None = None) -> None:
        if doc is not None and doc != self._last:
            gap = "\n" if self._last is not None else ""
            head = f"《{self._names.get(doc) or doc}》（{doc}）"
            self._out.write(gap + self._paint(self._code, head, self._color) + "\n")
            self._last = doc
        self._out.write(text)

    def flush(self) -> None:
        self._out.flush()


def _context(args) -> tuple[int, int]:
    both = args.context or 0
    before = args.before_context if args.before_context is not None else both
    after = args.after_context if args.after_context is not None else both
    return before, after


def _json(plan, results, args, started, skipped) -> bool:
    """--json: JSON Lines, then a summary object."""
    from kb.safetext import json_dumps
    import time

    from kb import grep

    out = sys.stdout
    stats = grep.Stats(documents=len(plan.document_ids()))
    docs_with: set[str] = set()

    names = dict(plan.document_names()) if len(plan.document_ids()) > 1 else {}

    def emit(obj) -> None:
        data = obj.get("data")
        if names and isinstance(data, dict):  # several plans: each record names its plan beside its id
            doc = data.get("document", data.get("doc"))
            if doc in names:
                data["name"] = names[doc]
        out.write(json_dumps(obj, separators=(",", ":")) + "\n")

    def counted(rs):
        for r in rs:
            stats.tasks_searched += 1
            stats.units_searched += len(r.units)
            yield r

    results = counted(results)
    invert = args.invert_match
    if args.count:
        counts = grep.count_by_document(plan, results, invert=invert, tasks=args.task, max_count=args.max_count)
        for doc, n in counts.items():
            emit({"type": "count", "data": {"document": doc, "count": n}})
            if n:
                docs_with.add(doc)
        total = sum(counts.values())
        if args.task:
            stats.selected_tasks = total
        else:
            stats.selected_units = total
    elif args.labels or args.task:
        for r in grep.selected_tasks(results, invert=invert, max_count=args.max_count):
            stats.selected_tasks += 1
            chosen = r.selected(invert)
            stats.selected_units += len(chosen)
            if not invert:
                stats.matches += sum(len(r.spans[i] or ()) for i in chosen)
            docs_with.add(r.task.doc)
            emit({"type": "task", "data": r.task.to_dict()} if args.labels else grep.task_record(r, invert))
    else:
        before, after = (0, 0) if args.only_matching else _context(args)
        last_task = None
        for _line, r, i, is_context in grep.clause_lines(
            results, grep.Style(), invert=invert, before=before, after=after, max_count=args.max_count
        ):
            if i < 0:
                continue
            if not is_context:
                stats.selected_units += 1
                if not invert:
                    stats.matches += len(r.spans[i] or ())
                if r.task.id != last_task:
                    stats.selected_tasks += 1
                    last_task = r.task.id
                docs_with.add(r.task.doc)
            emit(grep.unit_record(r, i, context=is_context, invert=invert))
    stats.documents_with_match = len(docs_with)
    # Tasks the search left out because they cannot match were searched all the same.
    stats.tasks_searched += skipped.tasks_searched
    stats.units_searched += skipped.units_searched
    emit(stats.summary(time.monotonic() - started))
    return bool(stats.selected_units or stats.selected_tasks)
