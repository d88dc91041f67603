"""Many processes on one store at once (issue #12: "many readers and one writer at a time; two processes seeing a
new plan at once both end with one correct store; killed at any moment, the next run is correct").

Worker processes share one cache for a few seconds: some change the corpus (a plan's figure changed, a plan
removed and put back), some read it as a folder, one reads one of its files alone, one reads a second folder.
Every answer a reader gets must be right for some state of the corpus during its run, and no reader may find the
store damaged (a plan removed by another process while it read is said as such, never as damage).  Then a writer
is killed in the middle of its work, and the next run is right.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from store_state import forget_store_state

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "corpus").glob("*.txt"))
LEAD = 8  # tasks 市交通运输局 leads in the bundled plan (counted by hand in tests/test_plan.py)
SECONDS = 8.0


def _plan_text(city: str, figure: str = "27.9%") -> str:
    return BUNDLED.read_text(encoding="utf-8").replace("自贡", city).replace("27.9%", figure)


def _write(path: Path, text: str) -> None:
    """Write a plan as an editor that saves through a temporary file does (a reader never sees half a file)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _reader(corpus: str, cache: str, until: float, results, deadlines: int) -> None:
    """Load the corpus and ask the department's lead tasks and its duty lines, again and again."""
    os.environ["KB_CACHE_DIR"] = cache
    import kb.store as store
    from kb.duties import duty_lines

    said: list[str] = []
    store.say_once = said.append
    runs, wrong = 0, []
    while time.time() < until:
        forget_store_state()
        try:
            plan = store.load_plan(corpus)
            docs = plan.document_ids()
            lead = plan.tasks_of("市交通运输局", "lead")
            lines = [x for x in duty_lines(plan, "市交通运输局") if x.role == "lead"]
            if len(lead) != LEAD * len(docs) or {t.doc for t in lead} != set(docs):
                wrong.append(f"{len(docs)} plans, {len(lead)} lead tasks")
            if [(x.doc, x.label) for x in lines] != [(t.doc, t.label) for t in lead]:
                wrong.append("duty lines differ from the tasks")
            if sum(len(t.deadlines) for t in lead) != deadlines * len(docs):  # (a field read after the list row)
                wrong.append("deadlines of the lead tasks")
            if getattr(plan, "store", None) is not None and plan.store.db is not None:
                plan.store.close()
        except Exception as exc:  # noqa: BLE001 - every failure is a finding
            wrong.append(f"{type(exc).__name__}: {exc}")
        runs += 1
    results.put((corpus, runs, wrong, [s for s in said if "已损坏" in s or "无法" in s]))


def _writer(corpus: str, cache: str, until: float, results) -> None:
    """Change one plan's figure, remove another and put it back, loading the corpus after each change."""
    os.environ["KB_CACHE_DIR"] = cache
    import kb.store as store

    said: list[str] = []
    store.say_once = said.append
    folder = Path(corpus)
    figures = ["27.9%", "28.3%", "29.1%"]
    runs, wrong = 0, []
    while time.time() < until:
        forget_store_state()
        try:
            _write(folder / "plan-01.txt", _plan_text("绵阳", figures[runs % 3]))
            if runs % 2:
                (folder / "plan-02.txt").unlink()
            else:
                _write(folder / "plan-02.txt", _plan_text("泸州"))
            plan = store.load_plan(corpus)
            if len(plan.tasks_of("市交通运输局", "lead")) != LEAD * len(plan.document_ids()):
                n = len(plan.tasks_of("市交通运输局", "lead"))
                wrong.append(f"writer: {plan.document_ids()} {n} {said} {type(plan).__name__} {getattr(plan, 'healed', None)}")
            plan.store.close()
        except Exception as exc:  # noqa: BLE001
            wrong.append(f"{type(exc).__name__}: {exc}")
        runs += 1
    results.put((f"writer {corpus}", runs, wrong, [s for s in said if "已损坏" in s or "无法" in s]))


def test_readers_and_writers_at_once_always_answer_right(tmp_path):
    cache = tmp_path / "cache"
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, cities in ((one, ["自贡", "绵阳", "泸州"]), (two, ["宜宾", "内江"])):
        folder.mkdir()
        for n, city in enumerate(cities):
            (folder / f"plan-{n:02d}.txt").write_text(_plan_text(city), encoding="utf-8")
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    from kb.store import parse_in_memory

    deadlines = sum(len(t.deadlines) for t in parse_in_memory([BUNDLED]).tasks_of("市交通运输局", "lead"))
    until = time.time() + SECONDS
    jobs = [ctx.Process(target=_writer, args=(str(one), str(cache), until, results)),
            ctx.Process(target=_reader, args=(str(one), str(cache), until, results, deadlines)),
            ctx.Process(target=_reader, args=(str(one), str(cache), until, results, deadlines)),
            ctx.Process(target=_reader, args=(str(one / "plan-00.txt"), str(cache), until, results, deadlines)),
            ctx.Process(target=_reader, args=(str(two), str(cache), until, results, deadlines))]
    for job in jobs:
        job.start()
    found = [results.get(timeout=SECONDS + 120) for _ in jobs]
    for job in jobs:
        job.join(timeout=30)
    for who, runs, wrong, said in found:
        assert runs >= 1, who
        assert wrong == [] and said == [], (who, runs, wrong[:3], said[:3])


def _kill_me_while_writing(corpus: str, cache: str) -> None:
    os.environ["KB_CACHE_DIR"] = cache
    import kb.store as store

    folder = Path(corpus)
    for n in range(1000):
        _write(folder / "plan-01.txt", _plan_text("绵阳", f"{20 + n % 9}.{n % 10}%"))
        forget_store_state()
        store.load_plan(corpus).store.close()


@pytest.mark.parametrize("delay", [0.2, 0.7, 1.3])
def test_a_writer_killed_at_any_moment_leaves_a_store_the_next_run_reads_right(tmp_path, delay):
    import kb.store as store

    cache, corpus = tmp_path / "cache", tmp_path / "c"
    corpus.mkdir()
    for n, city in enumerate(["自贡", "绵阳", "泸州"]):
        (corpus / f"plan-{n:02d}.txt").write_text(_plan_text(city), encoding="utf-8")
    ctx = multiprocessing.get_context("fork")
    job = ctx.Process(target=_kill_me_while_writing, args=(str(corpus), str(cache)))
    job.start()
    time.sleep(delay)
    os.kill(job.pid, signal.SIGKILL)
    job.join()
    saved = os.environ.get("KB_CACHE_DIR")
    os.environ["KB_CACHE_DIR"] = str(cache)
    said: list[str] = []
    real_say = store.say_once
    try:
        store.say_once = said.append
        forget_store_state()
        plan = store.load_plan(corpus)
        lead = plan.tasks_of("市交通运输局", "lead")
        assert len(lead) == 3 * LEAD and said == []
        figure = next(g.text for t in plan.with_targets() if t.doc == "plan-01" for g in t.targets if "%" in g.text)
        assert figure in (corpus / "plan-01.txt").read_text(encoding="utf-8")
        plan.store.close()
    finally:
        store.say_once = real_say
        if saved is None:
            os.environ.pop("KB_CACHE_DIR", None)
        else:
            os.environ["KB_CACHE_DIR"] = saved
    shutil.rmtree(cache, ignore_errors=True)


def test_a_store_closed_by_another_thread_is_answered_from_memory(tmp_path, monkeypatch):
    """The TUI reads its plan from worker threads; one that finds the store damaged closes and removes it (healing
    from memory).  Another thread's read then met a closed connection (``'NoneType' object has no attribute
    'execute'``): it is damage already healed, answered from memory without a second line."""
    import kb.store as store

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_plan_text("自贡"), encoding="utf-8")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    forget_store_state()
    said: list[str] = []
    monkeypatch.setattr(store, "say_once", said.append)
    plan = store.load_plan(corpus)
    view = plan.shown_as(lambda x: x)  # (the TUI's escaping view shares the connection)
    plan._heal(store.StoreDamaged("as found by another thread"))
    assert len(said) == 1 and plan.store.db is None
    assert len(view.tasks_of("市交通运输局", "lead")) == LEAD  # the view's read meets the closed store
    assert [t.label for t in view.tasks_of("市交通运输局", "lead")] == [t.label for t in plan.tasks_of("市交通运输局", "lead")]
    assert len(said) == 1, said
