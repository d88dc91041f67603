"""Benchmark of ``kb grep`` (issue: a grep-style search over the plan).

Prints, measured in the same run:

* the cold wall time of ``kb grep 秸秆`` (a new process, plan cache warm) as a
  ratio to ``python3 -c pass`` run by the same interpreter: target <= 4x;
* the wall time of ``kb grep 秸秆`` over a corpus of 100 plans (the bundled plan under
  100 city names, ``bench_scale.generate``): the first run (which parses the 100 files and writes the plan cache) and
  later runs (cache warm), plus a regular expression and ``-c`` over it.

Processes run with Python's bytecode cache on (in a temporary PYTHONPYCACHEPREFIX),
as for an installed kb whose modules pip compiled; this sandbox sets
PYTHONDONTWRITEBYTECODE, under which every module would be recompiled from source
on every start (that figure is printed too, for information).  Caches go to
temporary directories: the user's ~/.cache/kb is not touched.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_scale import generate
from timing import median_wall  # bench/ is sys.path[0] when a bench runs as a script

ROOT = Path(__file__).resolve().parent.parent
RUNS = 21


def kb_command() -> list[str]:
    """The installed ``kb`` script next to this interpreter, else ``python -m kb.cli``."""
    script = Path(sys.executable).with_name("kb")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kb.cli"]


def wall(argv: list[str], env: dict, runs: int = RUNS) -> float:
    """Median wall time of ``argv`` over ``runs`` runs (output discarded; exit 0 or 1 accepted)."""
    return median_wall(argv, runs, env=env, accept=(0, 1))


def once(argv: list[str], env: dict) -> float:
    return wall(argv, env, runs=1)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="kb-bench-grep-"))
    try:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("KB_CORPUS", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        env["KB_CACHE_DIR"] = str(work / "cache")
        kb = kb_command()
        grep = kb + ["grep", "秸秆"]
        subprocess.run(grep, stdout=subprocess.DEVNULL, env=env, check=True)  # bytecode + plan cache

        # Interleave baseline and command so both see the same machine load.
        base_times, grep_times = [], []
        for _ in range(RUNS):
            base_times.append(once([sys.executable, "-c", "pass"], env))
            grep_times.append(once(grep, env))
        base, cold = statistics.median(base_times), statistics.median(grep_times)
        print(f"python3 -c pass: {base * 1000:.1f} ms (median of {RUNS})")
        print(f"kb grep 秸秆 (cold process, plan cache warm): {cold * 1000:.1f} ms = {cold / base:.2f}x python3 -c pass (target <= 4x)")

        for extra in (["-i", "vocs"], ["--json", "秸秆"], ["--lead", "交通局", "-l", ""]):
            t = wall(kb + ["grep", *extra], env, 11)
            print(f"  kb grep {' '.join(repr(a) if not a else a for a in extra)}: {t * 1000:.1f} ms = {t / base:.2f}x")

        nobyte = dict(env, PYTHONDONTWRITEBYTECODE="1")
        nobyte.pop("PYTHONPYCACHEPREFIX")
        b2 = wall([sys.executable, "-c", "pass"], nobyte, 7)
        g2 = wall(grep, nobyte, 7)
        print(f"  for information, without a bytecode cache: {g2 * 1000:.1f} ms = {g2 / b2:.2f}x")

        corpus = work / "corpus100"
        # 100 distinct plans (the bundled one under 100 city names): identical copies are one plan to kb since
        # session 13 (kb.store reads a plan held twice once), so 100 copies measured one plan and 99 warnings
        generate(corpus, 100)
        big = kb + ["--corpus", str(corpus), "grep"]
        first = once(big + ["秸秆"], env)
        print(f"100 plans, first run (parses 100 files, writes the cache): {first * 1000:.0f} ms")
        for args in (["秸秆"], ["-c", "秸秆"], ["-i", "vocs|pm2\\.5"], ["--dept", "交通局", "-l", ""]):
            t = wall(big + args, env, 7)
            print(f"100 plans, kb grep {' '.join(repr(a) if not a or ' ' in a else a for a in args)}: {t * 1000:.0f} ms (cache warm)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
