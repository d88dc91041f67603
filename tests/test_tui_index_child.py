"""The TUI builds a missing search index in a child process (tui/indexer.py), not in its own.

At 1,000 plans the build is minutes of pure Python: in the app's worker thread it held
the GIL and the first screen took 32 s.  These tests use a copy of the bundled plan in a
cache directory of their own, so the index is missing when the app starts.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from tui.app import KbApp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_corpus(tmp_path, monkeypatch):
    """The bundled plan in a folder of its own, with an empty private cache directory."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for f in (ROOT / "corpus").glob("*.txt"):
        shutil.copy(f, folder / f.name)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("KB_CACHE_DIR", str(cache))
    return folder


async def test_a_missing_index_is_built_by_a_child_process(fresh_corpus, monkeypatch):
    from kb.qa import index as qaindex
    from kb.store import load_plan
    from tui.indexer import corpus_of

    plan = load_plan(fresh_corpus)
    assert corpus_of(plan) == str(next(fresh_corpus.glob("*.txt")))  # one file: the file itself
    assert qaindex.state(plan).state == "missing"

    def no_build_here(*args, **kwargs):
        raise AssertionError("the index was built in the TUI's own process")

    monkeypatch.setattr(qaindex, "build", no_build_here)
    statuses: list[str] = []
    # Every status from the start (the worker starts on mount, before a test could watch).
    monkeypatch.setattr(KbApp, "watch_index_status", lambda self, status: statuses.append(status), raising=False)
    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(app.index_ready.wait(), 120)
        await pilot.pause()
        assert app.index_status == ""
        card = app.ask("秸秆禁烧由谁负责")  # a topic question: needs the index
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert card.answer.status == "answered"
        assert "市生态环境局" in card.answer.text
    assert any("后台进程" in s for s in statuses), statuses
    assert any("%" in s and "/" in s for s in statuses), "the child's progress steps reach the status line"
    assert qaindex.state(plan).state == "ready"


async def test_leaving_the_app_stops_the_child(fresh_corpus):
    from kb.store import load_plan

    app = KbApp(load_plan(fresh_corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            if app._index_builds:
                break
            await pilot.pause(0.01)
        assert app._index_builds, "no child process was started"
        build = app._index_builds[0]
    # The app has ended (unmounted): its child is not left building.
    assert build.process.wait(timeout=10) is not None
    assert not app.index_ready.is_set()


def test_a_failing_child_says_why_in_one_line(tmp_path):
    from tui.indexer import IndexBuild

    steps: list[str] = []
    build = IndexBuild(str(tmp_path / "no-such-folder"), lambda text, done, total: steps.append(text), steps.append)
    assert build.wait() is False
    assert build.error and "\n" not in build.error
    assert "no-such-folder" in build.error
