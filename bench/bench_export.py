"""Benchmark of ``kb export`` (issue: export duty lists and the task division table).

Prints the cold wall time of ``kb export --all --format xlsx`` (every
department's duty list plus the table with its matrix sheet) as a ratio to
``kb export 市交通运输局 --format xlsx``, both measured in the same run.
Target: at most 6x — exporting every department costs little more than one,
because the plan and openpyxl are loaded once.  Also prints the in-process
time of each format for one duty list and the table, for orientation.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import median_wall  # bench/ is sys.path[0] when a bench runs as a script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 7


def wall(argv: list[str]) -> float:
    """Median wall time of running ``argv`` RUNS times (output discarded)."""
    return median_wall(argv, RUNS)


def main() -> None:
    kb = [sys.executable, "-m", "kb.cli", "export"]
    with tempfile.TemporaryDirectory(prefix="kb-bench-export-") as tmp:
        one_dir, all_dir = Path(tmp, "one"), Path(tmp, "all")
        one_dir.mkdir()
        one = kb + ["市交通运输局", "--format", "xlsx", "-o", str(one_dir), "--force"]
        every = kb + ["--all", "--format", "xlsx", "-o", str(all_dir), "--force"]
        subprocess.run(every, stdout=subprocess.DEVNULL, check=True)  # fill the plan cache, create the folder
        files = len(list(all_dir.iterdir()))
        t_one = wall(one)
        t_all = wall(every)
    print(f"kb export 市交通运输局 --format xlsx: {t_one * 1000:.0f} ms")
    print(f"kb export --all --format xlsx ({files} files): {t_all * 1000:.0f} ms "
          f"= {t_all / t_one:.2f}x one department (target <= 6x)")
    in_process()


def in_process() -> None:
    """Time of rendering each format in one process (plan and libraries already loaded)."""
    from kb.export import FORMATS, render_duty_list, render_table
    from kb.store import load_plan

    plan = load_plan()
    for fmt in FORMATS:
        render_duty_list(plan, "市交通运输局", fmt)  # imports outside the timing
        duty = min(_timed(lambda: render_duty_list(plan, "市交通运输局", fmt)) for _ in range(5))
        table = min(_timed(lambda: render_table(plan, fmt, matrix=(fmt == "xlsx"))) for _ in range(3))
        print(f"  {fmt:5} in process: duty list {duty * 1000:6.1f} ms, table{'+matrix' if fmt == 'xlsx' else ''} {table * 1000:6.1f} ms")


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
