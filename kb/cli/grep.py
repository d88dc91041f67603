"""``kb grep``: options and printing; the search itself is kb/grep.py.

Exit status as in grep: 0 when something was selected, 1 when nothing was, 2 on
an error (raised as KbError and printed by the dispatcher).  Keep this module's
imports tiny: ``kb grep`` must start almost as fast as the bare interpreter.
"""

from __future__ import annotations

import os
import sys


def _count(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, not {n}")
    return n


def _seconds(text: str) -> float:
    import argparse

    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {text!r}") from None
    if not n > 0:
        raise argparse.ArgumentTypeError(f"expected more than 0 seconds, not {text!r}")
    return n


def _year(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 1000 <= n <= 9999:
        raise argparse.ArgumentTypeError(f"expected a four-digit year such as 2019, not {text!r}")
    return n


def add_arguments(parser, name: str) -> None:
    """Options of ``kb grep``."""
    parser.add_argument("pattern", metavar="PATTERN", nargs="?", help="regular expression ('' selects every clause)")
    g = parser.add_argument_group("pattern")
    g.add_argument("-e", "--regexp", dest="patterns", metavar="PATTERN", action="append", default=[],
                   help="a pattern; repeat for several (any of them matches)")
    g.add_argument("-F", "--fixed-strings", action="store_true", help="patterns are plain text, not regular expressions")
    g.add_argument("-i", "--ignore-case", action="store_true", help="Latin letters match in either case (vocs finds VOCs)")
    g.add_argument("-v", "--invert-match", action="store_true", help="select the clauses (with --task/-l: the tasks) that do not match")
    g.add_argument("--no-tag", dest="tags", action="store_false",
                   help="search the sentences only, not the responsibility tag closing each task")
    g.add_argument("--timeout", type=_seconds, default=None, metavar="SECS",
                   help="time allowed for compiling and matching a regular expression (default 3)")
    o = parser.add_argument_group("output")
    o.add_argument("--task", action="store_true", help="print whole tasks, once each, instead of clauses")
    o.add_argument("-c", "--count", action="store_true", help="print the number of selected clauses (tasks with --task) per document")
    o.add_argument("-l", "--labels", action="store_true", help="print only the labels of the matching tasks")
    o.add_argument("-o", "--only-matching", action="store_true", help="print only the matched parts, one per line")
    o.add_argument("-m", "--max-count", type=_count, metavar="N", help="stop after N selected clauses (tasks with --task/-l) per document")
    o.add_argument("-C", "--context", type=_count, metavar="N", help="show N neighbouring clauses of the same task on each side")
    o.add_argument("-A", "--after-context", type=_count, metavar="N", help="show N clauses after each match (same task)")
    o.add_argument("-B", "--before-context", type=_count, metavar="N", help="show N clauses before each match (same task)")
    o.add_argument("--no-label", dest="label", action="store_false", help="do not prefix lines with the task label")
    o.add_argument("--json", action="store_true", help="print JSON Lines (ripgrep's shape), Chinese unescaped")
    o.add_argument("--color", "--colour", choices=["auto", "always", "never"], default="auto",
                   help="highlight matches: auto (default) only on a terminal and without NO_COLOR")
    f = parser.add_argument_group("structure filters (combinable; each given must hold)")
    f.add_argument("--dept", action="append", default=[], metavar="NAME", help="tasks where the department has any role (aliases, typos resolved)")
    f.add_argument("--lead", action="append", default=[], metavar="NAME", help="tasks the department leads (牵头)")
    f.add_argument("--support", action="append", default=[], metavar="NAME", help="tasks the department supports (配合)")
    f.add_argument("--section", action="append", default=[], metavar="SECTION", help="a part (三), a section (三（二）) or a task label; repeat for any of several")
    f.add_argument("--due-before", metavar="DATE", help="tasks with a deadline on or before DATE (YYYY-MM-DD)")
    f.add_argument("--year", type=_year, metavar="YYYY", help="tasks with a deadline in that year")
    f.add_argument("--has-target", action="store_true", help="tasks stating a numeric target")


def use_color(choice: str, stream) -> bool:
    """--color: always, never, or auto = a terminal and no NO_COLOR (a non-empty value) and TERM is not dumb."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


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
            raise KbError(f"PATTERN {args.pattern!r} given besides -e: put every pattern after its own -e")
        patterns = [args.pattern]
    if not patterns:
        raise KbError("no pattern given: kb grep PATTERN (use '' with a filter to list every clause)")
    due_before = grep.parse_date(args.due_before) if args.due_before is not None else None

    plan = load_plan(args.corpus)
    notes: list[str] = []
    filters = grep.TaskFilter(
        departments=grep.resolve_names(plan, args.dept, "--dept", notes),
        leads=grep.resolve_names(plan, args.lead, "--lead", notes),
        supports=grep.resolve_names(plan, args.support, "--support", notes),
        sections=grep.check_sections(plan, args.section),
        due_before=due_before,
        year=args.year,
        has_target=args.has_target,
    )
    for note in notes:
        print(f"kb: note: {note}", file=sys.stderr)
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
        document=len(plan.documents) > 1,
    )
    results = grep.search(plan, matcher, None if filters.empty else filters, tags=args.tags)
    out = sys.stdout
    if style.color:  # the lines escape their data themselves and hold kb's colour codes
        from kb.safetext import trusted

        out = trusted(out)
    if args.json:
        found = _json(plan, results, args, started)
    elif args.count:
        counts = grep.count_by_document(plan, results, invert=args.invert_match, tasks=args.task, max_count=args.max_count)
        for doc, n in counts.items():
            out.write(grep.count_line(doc, n, style) + "\n")
        found = any(counts.values())
    elif args.labels:
        found = False
        for r in grep.selected_tasks(results, invert=args.invert_match, max_count=args.max_count):
            out.write(grep.label_line(r, style) + "\n")
            found = True
    elif args.only_matching:
        found = False
        for line, _r, _i in grep.only_matching_lines(results, style, invert=args.invert_match, max_count=args.max_count):
            if line is not None:
                out.write(line + "\n")
            found = True
    elif args.task:
        found = False
        for r in grep.selected_tasks(results, invert=args.invert_match, max_count=args.max_count):
            out.write(grep.task_line(r, style, args.invert_match) + "\n")
            found = True
    else:
        before, after = _context(args)
        found = False
        for line, _r, _i, is_context in grep.clause_lines(
            results, style, invert=args.invert_match, before=before, after=after, max_count=args.max_count
        ):
            out.write(line + "\n")
            found = found or not is_context
    out.flush()
    return 0 if found else 1


def _context(args) -> tuple[int, int]:
    both = args.context or 0
    before = args.before_context if args.before_context is not None else both
    after = args.after_context if args.after_context is not None else both
    return before, after


def _json(plan, results, args, started) -> bool:
    """--json: JSON Lines, then a summary object."""
    from kb.safetext import json_dumps
    import time

    from kb import grep

    out = sys.stdout
    stats = grep.Stats(documents=len(plan.documents))
    docs_with: set[str] = set()

    def emit(obj) -> None:
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
    emit(stats.summary(time.monotonic() - started))
    return bool(stats.selected_units or stats.selected_tasks)
