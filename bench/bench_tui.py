"""Benchmark of the TUI (issue: the Textual TUI).

Prints, with a cache directory of its own:
- launch → first screen ready: wall time from starting a process until the
  main screen is mounted and the search index is open (questions answerable),
  measured with ``App.run_test``, then ``Pilot.pause()``, which waits until the
  process stops working (so whatever the app still does then — the question
  vocabulary read after the index opens — is inside the figure); first with no
  cache (plan parsed, index built), then each of LAUNCHES warm launches (cached
  plan and index) and their median, with the CPU time the child had used by then.
  Baseline in the same run: a bare Textual app with one Static, launched the same
  way.  Target: ≤ 1 s warm, in every launch.
- warm Enter → answer: time from pressing Enter in the question input until
  the answer card is shown opened at its question, per question (median and worst);
  baseline: ``Session.ask`` of the same question called directly.
  Target: ≤ 100 ms (p95).  Next to the wall time it prints the process CPU time
  per answer (``time.process_time``: every thread of the process, the app's
  loop and the ask), which a loaded machine inflates far less than wall time:
  wall ≈ CPU on an idle machine, wall ≫ CPU when other processes take the cores.

With ``--corpus PATH`` (e.g. 1,000 plans made by bench/bench_scale.py) it prints
instead the first screen on that corpus against the bare app, with peak RSS, using
$KB_CACHE_DIR as it is (issue #12: ≤ 2 s, ≤ 250 MB at 1,000 plans).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LAUNCHES = 5
REPEATS = 10
QUESTIONS = [
    "交通局牵头哪些任务",
    "配合的呢",
    "发改委牵头几项任务",
    "生态环境局和经信局共同牵头哪些任务",
    "秸秆禁烧由谁负责",
    "哪些任务涉及VOCs",
    "区县政府要落实哪些任务",
    "天气怎么样",
]

CHILD_KB = """
import asyncio, sys, time
sys.path.insert(0, {root!r})
from kb.store import load_plan
from tui.app import KbApp

async def main():
    app = KbApp(load_plan())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.index_ready.wait()
        await pilot.pause()
        print("ready", time.process_time(), flush=True)

asyncio.run(main())
"""

CHILD_BARE = """
import asyncio, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print("ready", time.process_time(), flush=True)

asyncio.run(main())
"""


def launch(code: str, env: dict) -> tuple[float, float]:
    """Seconds from starting ``python -c code`` until it prints ``ready``, and the CPU seconds
    the child had used by then (every thread; a loaded machine inflates the wall time far more)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    _, err = proc.communicate()
    if line.split()[:1] != ["ready"]:
        raise SystemExit(f"bench: the child did not get ready:\n{err}")
    return elapsed, float(line.split()[1])


async def answer_times(plan) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, list[float]]]:
    """Per question: Enter → answer on screen in the TUI (wall and CPU), and Session.ask alone (both warm).

    Enter is the input's submit action (what the Enter key runs), called in the
    app's loop so Pilot's own key simulation (tens of ms) is not counted; the
    clock stops after the first screen refresh that shows the answer opened at
    its question (``AnswerCard.opened``: mounted, laid out and scrolled to).
    """
    from kb.qa import Session
    from tui.app import KbApp
    from tui.widgets.transcript import Transcript

    async def one(app, q: str) -> tuple[float, float]:
        box = app.screen.query_one("#question")
        box.value = q
        transcript = app.screen.query_one(Transcript)
        cards = transcript.cards
        before = cards[-1] if cards else None  # (the count stays put once the transcript is full)
        cpu = time.process_time()
        started = time.perf_counter()
        await box.action_submit()
        while True:
            cards = transcript.cards
            if cards and cards[-1] is not before and cards[-1].answer is not None and cards[-1].opened:
                break
            await asyncio.sleep(0.001)
        shown = asyncio.get_running_loop().create_future()
        app.call_after_refresh(shown.set_result, None)
        await shown
        return time.perf_counter() - started, time.process_time() - cpu

    ui: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    ui_cpu: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.index_ready.wait()
        await pilot.pause()
        first, _ = await one(app, QUESTIONS[0])
        for _ in range(REPEATS):
            for q in QUESTIONS:
                wall, cpu = await one(app, q)
                ui[q].append(wall)
                ui_cpu[q].append(cpu)
    print(f"first question after launch: {first * 1000:.1f} ms")
    direct: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    session = Session(plan=plan)
    session.ensure_index()
    for q in QUESTIONS:
        session.ask(q)
    for _ in range(REPEATS):
        for q in QUESTIONS:
            started = time.perf_counter()
            session.ask(q)
            direct[q].append(time.perf_counter() - started)
    return ui, ui_cpu, direct


CHILD_MANY = """
import asyncio, resource, sys, time
started = time.perf_counter()
sys.path.insert(0, {root!r})
from kb.store import load_plan
from tui.app import KbApp

def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

async def main():
    app = KbApp(load_plan({corpus!r}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(f"screen {{time.perf_counter() - started:.3f}} {{rss():.0f}}", flush=True)
        await pilot.pause(0.5)
        if app._index_builds or not app.index_ready.is_set():
            await pilot.pause(2)
        if app._index_builds:
            print(f"building {{app.index_status}}", flush=True)
            return  # leaving the app stops its child
        await app.index_ready.wait()
        await pilot.pause()
        print(f"index {{time.perf_counter() - started:.3f}} {{rss():.0f}}", flush=True)

asyncio.run(main())
"""


def many(corpus: str) -> None:
    """The first screen of the TUI on a corpus of many plans (issue #12: ≤ 2 s, ≤ 250 MB at 1,000 plans).

    Uses the cache directory in $KB_CACHE_DIR as it is: run it once to fill the store (and,
    to time opening a built index, let ``python -m tui.indexer CORPUS`` build it first).
    """
    code = CHILD_MANY.format(root=str(ROOT), corpus=corpus)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # (as in main(): warm launches read bytecode)
    bare = statistics.median(launch(CHILD_BARE, dict(os.environ))[0] for _ in range(3))
    rows = []
    for _ in range(3):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
        if proc.returncode != 0:
            raise SystemExit(f"bench: the child failed:\n{proc.stderr[-2000:]}")
        rows.append({line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in proc.stdout.splitlines() if line})
    screens = [float(r["screen"].split()[0]) for r in rows]
    rss = max(float(r["screen"].split()[1]) for r in rows)
    screen = statistics.median(screens)
    print(f"bare Textual app, launch → ready: {bare * 1000:.0f} ms (baseline)")
    print(f"kb tui on {corpus}: launch → first screen {screen:.2f} s ({screen / bare:.1f}x baseline), "
          f"peak RSS {rss:.0f} MB (target ≤ 2 s, ≤ 250 MB: {'ok' if screen <= 2 and rss <= 250 else 'MISSED'}) "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    if all("index" in r for r in rows):
        opened = statistics.median(float(r["index"].split()[0]) for r in rows)
        print(f"  with the index built: index open {opened:.2f} s after launch, peak RSS "
              f"{max(float(r['index'].split()[1]) for r in rows):.0f} MB")
    else:
        print(f"  index being built by the child process: {rows[-1].get('building', '?')}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--corpus":
        many(sys.argv[2])
        return
    cache = tempfile.mkdtemp(prefix="kb-bench-tui-")
    env = dict(os.environ, KB_CACHE_DIR=cache)
    # A warm launch of an installed program reads its modules' bytecode from __pycache__; with
    # PYTHONDONTWRITEBYTECODE set (as in some shells here) none is ever written for kb's own
    # modules and every launch compiled them again (~50-100 ms of CPU): the cold launch writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["KB_CACHE_DIR"] = cache
    kb_child = CHILD_KB.format(root=str(ROOT))

    cold, _ = launch(kb_child, env)
    load = os.getloadavg()[0]
    bares = [launch(CHILD_BARE, env) for _ in range(LAUNCHES)]
    warms = [launch(kb_child, env) for _ in range(LAUNCHES)]
    bare = statistics.median(w for w, _ in bares)
    warm = statistics.median(w for w, _ in warms)
    within = sum(w <= 1.0 for w, _ in warms)
    print(f"bare Textual app, launch → ready: {bare * 1000:.0f} ms (baseline; CPU {statistics.median(c for _, c in bares) * 1000:.0f} ms)")
    print(f"kb tui, no cache (parse + index build): {cold * 1000:.0f} ms ({cold / bare:.1f}x)")
    print(f"kb tui, cached plan and index, launch → first screen ready: median {warm * 1000:.0f} ms "
          f"({warm / bare:.1f}x baseline), each: {', '.join(f'{w * 1000:.0f}' for w, _ in warms)} ms; "
          f"CPU by then median {statistics.median(c for _, c in warms) * 1000:.0f} ms")
    print(f"  target ≤ 1000 ms in every launch: {'ok' if within == len(warms) else 'MISSED'} ({within} of {len(warms)}) "
          f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs)")

    from kb.store import load_plan

    print()
    load = os.getloadavg()[0]
    ui, ui_cpu, direct = asyncio.run(answer_times(load_plan()))
    print(f"warm Enter → answer on screen ({REPEATS} runs each; wall time, process CPU time; Session.ask alone as baseline):")
    worst = 0.0
    for q in QUESTIONS:
        u, c, d = statistics.median(ui[q]), statistics.median(ui_cpu[q]), statistics.median(direct[q])
        worst = max(worst, max(ui[q]))
        print(f"  {u * 1000:6.1f} ms (worst {max(ui[q]) * 1000:6.1f}), CPU {c * 1000:5.1f} ms  "
              f"(ask {d * 1000:5.1f} ms, {u / max(d, 1e-6):5.1f}x)  {q}")
    allui = sorted(t for ts in ui.values() for t in ts)
    allcpu = sorted(t for ts in ui_cpu.values() for t in ts)
    p95 = percentile(allui, 0.95)
    cpu95 = percentile(allcpu, 0.95)
    print(f"all answers: wall median {statistics.median(allui) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, worst {worst * 1000:.1f} ms; "
          f"CPU median {statistics.median(allcpu) * 1000:.1f} ms, p95 {cpu95 * 1000:.1f} ms")
    print(f"target ≤ 100 ms: wall p95 {'ok' if p95 <= 0.1 else 'MISSED'}, worst {'ok' if worst <= 0.1 else 'MISSED'}; "
          f"CPU p95 {'≤' if cpu95 <= 0.1 else '>'} 100 ms "
          f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs)")


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the sorted ``values`` lie (nearest rank)."""
    return values[min(len(values) - 1, int(len(values) * share))]


if __name__ == "__main__":
    main()
