"""Benchmark of the parser and the plan commands (issue: the plan as exact structured data).

Prints the parse time of the bundled plan (in process, no cache) and the cold
wall time of ``kb tasks --json`` and ``kb duties 市交通运输局`` as a ratio to
``python3 -c pass`` measured in the same run.  Targets: parse well under
100 ms; cold commands at most 8x the bare interpreter (with the plan cache warm,
which the first run of any command fills).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 15


def wall(argv: list[str]) -> float:
    """Median wall time of running ``argv`` RUNS times (output discarded)."""
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    from kb.store import corpus_files, decode_plan
    from kb.parser import parse_document

    # In-process parse, imports excluded, best of several runs.
    raw = corpus_files()[0].read_bytes()
    text, _ = decode_plan(raw, "bundled")
    parse_document(text)
    parse = min(_timed(lambda: parse_document(text)) for _ in range(10))
    print(f"parse of the bundled plan: {parse * 1000:.1f} ms (target < 100 ms)")

    kb = [sys.executable, "-m", "kb.cli"]
    subprocess.run(kb + ["tasks"], stdout=subprocess.DEVNULL, check=True)  # fill the plan cache
    base = wall([sys.executable, "-c", "pass"])
    print(f"python -c pass: {base * 1000:.1f} ms")
    for argv in (["tasks", "--json"], ["duties", "市交通运输局"]):
        t = wall(kb + argv)
        print(f"kb {' '.join(argv)}: {t * 1000:.1f} ms = {t / base:.2f}x bare interpreter (target <= 8x)")


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
