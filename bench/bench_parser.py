"""Benchmark of the parser and the plan commands (issue: the plan as exact structured data).

Prints the parse time of the bundled plan (in process, no cache) and the cold
wall time of ``kb tasks --json`` and ``kb duties 市交通运输局`` as a ratio to
``python3 -c pass`` measured in the same run.  Targets: parse well under
100 ms; cold commands at most 8x the bare interpreter (with the plan cache warm,
which the first run of any command fills).

Issue #9 (any plan): the parse time of each of the three plans (the bundled one and the two
shared real plans in other dialects, tests/fixtures/plans), in ms and in ms per 10,000
characters, against the target of ≤ 20 ms for a plan the size of the bundled one; and
linearity: the bundled plan's text repeated 4 and 16 times (its parts renumbered so the
copies are one long plan, no repeated-rendition dropping) parses in about 4 and 16 times the
time of one copy (ratio of time per character printed, target ≤ 1.5).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from timing import median_wall  # bench/ is sys.path[0] when a bench runs as a script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 15


def wall(argv: list[str]) -> float:
    """Median wall time of running ``argv`` RUNS times (output discarded)."""
    return median_wall(argv, RUNS)


def main() -> None:
    from kb.store import corpus_files, decode_plan
    from kb.parser import parse_document

    # In-process parse, imports excluded, best of several runs.
    raw = corpus_files()[0].read_bytes()
    text, _ = decode_plan(raw, "bundled")
    parse_document(text)
    parse = min(_timed(lambda: parse_document(text)) for _ in range(10))
    print(f"parse of the bundled plan: {parse * 1000:.1f} ms (target < 100 ms)")

    plans = [("bundled", text)] + [
        (p.stem, p.read_text("utf-8")) for p in sorted((ROOT / "tests" / "fixtures" / "plans").glob("0[25]_*.txt"))]
    per_char = {}
    for name, body in plans:
        parse_document(body)
        t = min(_timed(lambda: parse_document(body)) for _ in range(10))
        per_char[name] = t / len(body)
        print(f"parse of {name}: {t * 1000:.1f} ms for {len(body):,} characters = "
              f"{t * 1000 * 10000 / len(body):.2f} ms per 10,000 characters (target: bundled-size plan <= 20 ms)")
    base = per_char["bundled"]
    for copies in (4, 16):
        body = _copies(text, copies)
        parse_document(body)
        t = min(_timed(lambda: parse_document(body)) for _ in range(3))
        ratio = (t / len(body)) / base
        print(f"parse of the bundled plan x{copies} ({len(body):,} characters): {t * 1000:.1f} ms = "
              f"{ratio:.2f}x the time per character of one copy (linear: target <= 1.5)")
    # Bad input: one paragraph holding 1,000 and 4,000 tags.
    times = {}
    for n in (1000, 4000):
        body = "某方案\n一、任务\n" + "".join(f"任务{i}。（市X{i}局牵头，市Y局配合）" for i in range(n)) + "\n"
        times[n] = min(_timed(lambda: parse_document(body)) for _ in range(3))
    print(f"one paragraph with 1,000 tags: {times[1000] * 1000:.1f} ms; with 4,000: {times[4000] * 1000:.1f} ms = "
          f"{times[4000] / times[1000] / 4:.2f}x per tag (linear: target <= 1.5)")

    kb = [sys.executable, "-m", "kb.cli"]
    subprocess.run(kb + ["tasks"], stdout=subprocess.DEVNULL, check=True)  # fill the plan cache
    base = wall([sys.executable, "-c", "pass"])
    print(f"python -c pass: {base * 1000:.1f} ms")
    for argv in (["tasks", "--json"], ["duties", "市交通运输局"]):
        t = wall(kb + argv)
        print(f"kb {' '.join(argv)}: {t * 1000:.1f} ms = {t / base:.2f}x bare interpreter (target <= 8x)")
    long_paragraph()


def long_paragraph() -> None:
    """One paragraph of 1 MB and of 4 MB (issue 13 item 10): apply_targets must stay linear.

    Joining the earlier clauses for every clause made it quadratic (4 MB: 6.4 s,
    10 MB: 49 s).  Two shapes: ordinary sentences with a number now and then
    (target: 4 MB <= 1 s on an idle machine), and a paragraph where every other
    clause states targets that need the paragraph's year and pollutants (each
    such clause costs a few tenths of a millisecond: only linearity is asked).
    Prints the times and the 4 MB / 1 MB ratio (linear ~4x, quadratic ~16x).
    """
    import dataclasses

    from kb.model import Task
    from kb.parser.targets import apply_targets

    shapes = {
        "plain": ["加强秸秆禁烧管控，落实市、县、乡、村四级主体责任，建立网格化监管制度。"] * 9
        + ["到2020年，全市秸秆综合利用率达到88%以上。"],
        "target-dense": [
            "到2020年，全市秸秆综合利用率达到88%以上。",
            "加强秸秆禁烧管控，落实市、县、乡、村四级主体责任，建立网格化监管制度。",
            "二氧化硫（SO2）、氮氧化物（NOx）排放量分别下降15%、10%。",
            "坚持疏堵结合、以疏为主，加强重点区域和重点时段秸秆禁烧管控。",
        ],
    }
    required = {f.name: None for f in dataclasses.fields(Task)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    for shape, unit in shapes.items():
        size = len("".join(unit).encode())
        times = {}
        for mb in (1, 4):
            task = Task(**required)
            task.clauses = unit * (mb * 1_000_000 // size)
            times[mb] = min(_timed(lambda: apply_targets(task)) for _ in range(2))
        goal = " (target <= 1 s)" if shape == "plain" else ""
        print(f"apply_targets, one {shape} paragraph: 1 MB {times[1]:.2f} s, 4 MB {times[4]:.2f} s{goal}; "
              f"4 MB / 1 MB = {times[4] / times[1]:.1f}x (linear ~4x, quadratic ~16x)")


def _copies(text: str, n: int) -> str:
    """``n`` copies of the plan as one plan: every long line gets a copy number in its middle (its
    start and end, which cleanup and structure read, unchanged) so no copy repeats another."""
    def mark(k: int) -> str:  # 甲, 乙 … 甲乙 …: no digits, which deadlines and targets would read
        return "".join("甲乙丙丁戊己庚辛"[int(d)] for d in oct(k)[2:])

    return "\n".join("\n".join(f"{line[:10]}{mark(k)}{line[10:]}" if len(line) > 30 else line for line in text.splitlines())
                     for k in range(n))


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
