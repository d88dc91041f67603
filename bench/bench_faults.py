"""Fault loop (issue 13): kill -9 at random moments, concurrent cold starts; every answer checked.

Three kinds of run, each a real ``kb`` process:

1. **Index builds killed**: ``kb index --rebuild`` on a shared cache directory,
   killed with SIGKILL after a random delay within the measured build time; then
   ``kb search --json`` and ``kb ask --json`` on that cache must give the reference
   answers (computed first, on a clean cache).
2. **Exports killed**: ``kb export --all --format xlsx --force`` into one folder,
   killed the same way; every file left must be byte-identical to the reference
   export (SOURCE_DATE_EPOCH makes them reproducible), i.e. never half written.
   The next export must complete and equal the reference.
3. **Concurrent cold runs**: 20 processes started together on an empty cache,
   questions that open the index and ones that do not; every answer must be the
   reference.

Leftovers: after each follow-up run the temporaries the killed run left are
aged by an hour (as if kb were next used later) and one more run must sweep
them: a temporary of kb's own naming still there afterwards counts as a
leftover.  Any "Traceback" on stderr or an unexpected exit status counts as a
traceback; a differing output as a wrong answer.

Prints ``N runs, W wrong answers, T tracebacks, L leftovers`` and exits 1 when
any is non-zero.  ``--kills N`` (default 30: half index builds, half exports),
``--concurrent N`` (default 20), ``--seed S``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KB = [sys.executable, "-m", "kb.cli"]
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}

#: Questions of the concurrent runs: some open the index (topics), some do not (departments).
QUESTIONS = ["交通局牵头哪些任务", "秸秆禁烧由谁负责", "扬尘由谁负责", "PM2.5要下降多少", "住建局配合哪些任务"]

#: Temporary files of kb's own naming: export temporaries, cache/index build leftovers.
TEMPORARY = re.compile(r"(^\..+\.tmp$)|(^\.build-)|(\.tmp$)")


class Tally:
    def __init__(self) -> None:
        self.runs = 0
        self.wrong = 0
        self.tracebacks = 0
        self.leftovers = 0
        self.problems: list[str] = []

    def check(self, what: str, proc: subprocess.CompletedProcess, expected_out: bytes | None, status: int = 0) -> None:
        self.runs += 1
        err = proc.stderr.decode("utf-8", "replace")
        if "Traceback" in err or proc.returncode != status:
            self.tracebacks += 1
            self.problems.append(f"{what}: exit {proc.returncode}: {err.strip()[-300:]}")
        elif expected_out is not None and proc.stdout != expected_out:
            self.wrong += 1
            self.problems.append(f"{what}: output differs from the reference")


def env_for(cache: Path, extra: dict | None = None) -> dict:
    env = dict(os.environ, KB_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT), **(extra or {}))
    env.pop("KB_CORPUS", None)
    return env


def kb(args: list[str], cache: Path, extra: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(KB + args, capture_output=True, env=env_for(cache, extra), cwd=cwd, timeout=300)


def killed_after(args: list[str], cache: Path, delay: float, extra: dict | None = None) -> None:
    """Start ``kb ARGS`` and SIGKILL it after ``delay`` seconds (if still running)."""
    proc = subprocess.Popen(KB + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env_for(cache, extra))
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def temporaries(*folders: Path) -> list[Path]:
    """kb's temporaries directly in ``folders`` (where kb writes them; a build folder counts once)."""
    found = []
    for folder in folders:
        if folder.is_dir():
            found.extend(p for p in folder.iterdir() if TEMPORARY.search(p.name))
    return found


def age(paths: list[Path], seconds: float = 3600) -> None:
    then = time.time() - seconds
    for p in paths:
        try:
            os.utime(p, (then, then), follow_symlinks=False)
        except OSError:
            pass


def timed(args: list[str], cache: Path, extra: dict | None = None) -> float:
    t = time.perf_counter()
    kb(args, cache, extra)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--concurrent", type=int, default=20)
    ap.add_argument("--seed", type=int, default=None)
    opts = ap.parse_args()
    seed = opts.seed if opts.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="kb-bench-faults-"))
    tally = Tally()
    try:
        # References on a clean cache.
        ref_cache = work / "ref-cache"
        search_args, ask_args = ["search", "--json", "秸秆"], ["ask", "--json", "秸秆禁烧由谁负责"]
        ref_search = kb(search_args, ref_cache).stdout
        ref_ask = kb(ask_args, ref_cache).stdout
        ref_answers = {q: kb(["ask", "--json", q], ref_cache).stdout for q in QUESTIONS}
        ref_export = work / "ref-export"
        kb(["export", "--all", "--format", "xlsx", "-o", str(ref_export)], ref_cache, EPOCH)
        reference_files = {p.name: p.read_bytes() for p in ref_export.iterdir()}
        build = timed(["index", "--rebuild"], work / "time-cache")
        export = timed(["export", "--all", "--format", "xlsx", "-o", str(work / "time-export")], ref_cache, EPOCH)
        print(f"seed {seed}; index build {build:.2f} s, export --all {export:.2f} s (kills land within these)")

        index_kills = opts.kills // 2
        cache = work / "cache"
        for i in range(index_kills):
            killed_after(["index", "--rebuild"], cache, rng.uniform(0.05, build))
            tally.check(f"search after index kill {i}", kb(search_args, cache), ref_search)
            tally.check(f"ask after index kill {i}", kb(ask_args, cache), ref_ask)
            age(temporaries(cache))
            tally.check(f"search sweeping after kill {i}", kb(search_args, cache), ref_search)
            left = temporaries(cache)
            if left:
                tally.leftovers += len(left)
                tally.problems.append(f"index kill {i}: left {', '.join(p.name for p in left[:3])}")
                shutil.rmtree(cache, ignore_errors=True)  # count each leftover once

        out = work / "export"
        for i in range(opts.kills - index_kills):
            killed_after(["export", "--all", "--format", "xlsx", "--force", "-o", str(out)], ref_cache,
                         rng.uniform(0.05, export), EPOCH)
            tally.runs += 1
            for p in out.iterdir() if out.exists() else ():
                if TEMPORARY.search(p.name):
                    continue
                if reference_files.get(p.name) != p.read_bytes():
                    tally.wrong += 1
                    tally.problems.append(f"export kill {i}: {p.name} is not the reference file (half written?)")
            age(temporaries(out))
            proc = kb(["export", "--all", "--format", "xlsx", "--force", "-o", str(out)], ref_cache, EPOCH)
            tally.check(f"export after kill {i}", proc, None)
            files = {p.name: p.read_bytes() for p in out.iterdir() if not TEMPORARY.search(p.name)}
            if files != reference_files:
                tally.wrong += 1
                tally.problems.append(f"export after kill {i}: the folder differs from the reference export")
            left = temporaries(out)
            if left:
                tally.leftovers += len(left)
                tally.problems.append(f"export kill {i}: left {', '.join(p.name for p in left[:3])}")
                for p in left:
                    p.unlink()

        cold = work / "cold-cache"
        procs = []
        for i in range(opts.concurrent):
            q = QUESTIONS[i % len(QUESTIONS)]
            procs.append((q, subprocess.Popen(KB + ["ask", "--json", q], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                              env=env_for(cold))))
        for q, p in procs:
            stdout, stderr = p.communicate(timeout=300)
            tally.check(f"concurrent cold {q}", subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr),
                        ref_answers[q])
        left = temporaries(cold)
        tally.leftovers += len(left)
        if left:
            tally.problems.append(f"concurrent runs left {', '.join(p.name for p in left[:3])}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for line in tally.problems[:20]:
        print("  " + line)
    print(f"{tally.runs} runs, {tally.wrong} wrong answers, {tally.tracebacks} tracebacks, {tally.leftovers} leftovers")
    return 0 if not (tally.wrong or tally.tracebacks or tally.leftovers) else 1


if __name__ == "__main__":
    sys.exit(main())
