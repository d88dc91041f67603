"""The one timing helper of the benchmarks: median wall time of a command.

Every bench prints ratios against a baseline (``python3 -c pass``, jieba's
start-up …) timed with this same function in the same run, so the figures
survive a noisy machine.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path


def median_wall(argv: list[str], runs: int, env: dict | None = None, cwd: Path | None = None,
                accept: tuple[int, ...] = (0,)) -> float:
    """Median wall time of ``argv`` over ``runs`` runs, output discarded.

    An exit status outside ``accept`` stops the bench with the command's stderr
    (a bench timing a failing command would print a meaningless ratio).
    """
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
        times.append(time.perf_counter() - start)
        if proc.returncode not in accept:
            raise SystemExit(f"{' '.join(argv)} 失败（退出码 {proc.returncode}）：{proc.stderr.decode(errors='replace')}")
    return statistics.median(times)
