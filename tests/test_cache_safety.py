"""The cache never runs code, and a cache directory kb cannot use never stops it (issue #13 items 1, 5, 11, 12).

- No pickle of kb's own: the plan store is SQLite rows and JSON, the question
  vocabulary JSON; a pickle planted under any name kb ever used is never read.
- Whoosh unpickles its table of contents: kb uses a cache directory only when it
  belongs to the user and others cannot write it (created 0700), as ssh treats
  its keys; otherwise it answers from memory, saying so in one line.
- A cache directory that is read-only, full or not a directory: every command
  answers from memory with one line saying the cache cannot be written.
- A dangling symbolic link at the index path heals like other damage.
- Temporaries of kb's own naming left by kill -9 are swept when older than a few minutes.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import time
from pathlib import Path

import pytest

from store_state import run_kb

ROOT = Path(__file__).resolve().parent.parent


class Planted:
    """A pickle whose loading writes a file: proof that something unpickled it."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self):
        return (os.system, (f"touch {self.proof}",))


def stderr_lines(out: subprocess.CompletedProcess) -> list[str]:
    return [x for x in out.stderr.splitlines() if x.strip()]


# ---------------------------------------------------------------------------
# Item 1: no code from the cache


def test_no_kb_module_reads_or_writes_a_pickle():
    offenders = []
    for f in sorted((ROOT / "kb").rglob("*.py")):
        text = f.read_text(encoding="utf-8")
        if re.search(r"^\s*(import pickle|from pickle import)|pickle\.(loads?|dumps?)\(", text, re.M):
            offenders.append(str(f.relative_to(ROOT)))
    assert offenders == []


def test_planted_pickles_never_run(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    proof = tmp_path / "proof"
    assert run_kb(["duties", "交通局"], cache).returncode == 0  # the caches exist
    # Every name kb < store 1 read (plan-*.pickle, vocab-*.pickle), and the files kb keeps now.
    payload = pickle.dumps(Planted(proof))
    names = [p.name for p in cache.iterdir() if p.is_file()] + ["plan-0123456789abcdef0123456789abcdef.pickle",
                                                               "vocab-0123456789abcdef01234567.pickle"]
    for name in names:
        (cache / name).write_bytes(payload)
    for args in (["duties", "交通局"], ["ask", "交通局牵头哪些任务"], ["grep", "-c", "秸秆"]):
        out = run_kb(args, cache)
        assert out.returncode in (0, 1) and "Traceback" not in out.stderr, out.stderr
    assert not proof.exists()


def _index_folder(cache: Path) -> Path:
    (folder,) = [p for p in cache.glob("index-*") if p.is_dir()]
    return folder


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_cache_others_can_write_is_refused_before_whoosh_reads_it(tmp_path, mode):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    assert run_kb(["search", "秸秆"], cache).returncode == 0  # builds the index
    proof = tmp_path / "proof"
    for toc in _index_folder(cache).glob("*.toc"):
        toc.write_bytes(pickle.dumps(Planted(proof)))
    os.chmod(cache, mode)
    out = run_kb(["search", "秸秆"], cache)
    assert not proof.exists()
    assert out.returncode == 0 and "三（五）3" in out.stdout, out.stderr
    (line,) = stderr_lines(out)
    assert "他人可写" in line and f"chmod 700 {cache}" in line and "内存" in line


def test_a_cache_of_another_user_is_refused(tmp_path, monkeypatch):
    import kb.store as store

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(folder).st_uid + 1)
    problem = store.cache_problem(folder)
    assert problem is not None and "另一个用户" in problem


def test_a_new_cache_directory_is_created_private(tmp_path):
    cache = tmp_path / "deep" / "cache"
    assert run_kb(["duties", "交通局"], cache).returncode == 0
    assert os.stat(cache).st_mode & 0o777 == 0o700


# ---------------------------------------------------------------------------
# Item 5: read-only, full or non-directory cache


def _unwritable_cache(tmp_path: Path, kind: str) -> Path:
    if kind == "file":
        path = tmp_path / "cache"
        path.write_text("not a folder")
        return path
    if kind == "file_parent":
        (tmp_path / "f").write_text("x")
        return tmp_path / "f" / "cache"
    # read-only: a folder of our own without write permission; root ignores permissions,
    # so as root a folder of a filesystem that refuses new files (sysfs) plays that part.
    if os.geteuid() == 0:
        return Path("/sys/kernel")
    path = tmp_path / "cache"
    path.mkdir(mode=0o500)
    return path


ANSWERS = [
    # kind of cache directory, command, what its answer must hold
    ("readonly", ["duties", "交通局"], "牵头 8 项"),
    ("readonly", ["search", "秸秆"], "三（五）3"),
    ("readonly", ["ask", "国六标准什么时候实施"], "三（三）4"),
    ("readonly", ["ask", "交通局牵头哪些任务"], "共 8 项"),
    ("readonly", ["grep", "-c", "秸秆"], "3"),
    ("readonly", ["index", "--rebuild"], "状态：仅在内存中"),
    ("file", ["search", "秸秆"], "三（五）3"),
    ("file", ["index", "--rebuild"], "状态：仅在内存中"),
    ("file", ["duties", "交通局"], "牵头 8 项"),
    ("file_parent", ["ask", "国六标准什么时候实施"], "三（三）4"),
    ("file_parent", ["grep", "-c", "秸秆"], "3"),
]


@pytest.mark.parametrize("kind,args,expected", ANSWERS, ids=[f"{k}-{a[0]}-{a[-1]}" for k, a, _ in ANSWERS])
def test_an_unusable_cache_answers_from_memory_with_one_line(tmp_path, kind, args, expected):
    cache = _unwritable_cache(tmp_path, kind)
    out = run_kb(args, cache)
    assert out.returncode == 0, out.stderr
    assert expected in out.stdout
    assert "Traceback" not in out.stderr
    lines = stderr_lines(out)
    assert len(lines) == 1 and str(cache) in lines[0] and "内存" in lines[0], out.stderr


def test_a_full_disk_while_storing_answers_from_memory(tmp_path, monkeypatch):
    import kb.store as store

    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    store._SAID.clear()
    store._UNWRITABLE.clear()

    def full(self, rows, file_row=None):
        raise store.CacheWriteError("database or disk is full")

    monkeypatch.setattr(store.Store, "add", full)
    said = []
    monkeypatch.setattr(store, "say_once", said.append)
    plan = store.load_plan()
    assert not isinstance(plan, store.StoredPlan)
    assert [t.label for t in plan.tasks_of("市交通运输局", "lead")][:2] == ["三（一）13", "三（一）14"]
    assert len(said) == 1 and "（磁盘已满）" in said[0] and "内存" in said[0]  # (SQLite says "disk is full")


def test_a_full_disk_while_indexing_answers_from_memory(tmp_path, monkeypatch, plan):
    import errno

    import kb.store as store
    from kb.qa import index

    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    store._SAID.clear()
    store._UNWRITABLE.clear()

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(index.windex, "create_in", full)
    said = []
    monkeypatch.setattr(store, "say_once", said.append)
    ix = index.open_index(plan)
    assert ix.path is None and ix.phrase_ids("秸秆禁烧")
    assert len(said) == 1 and "（磁盘已满）" in said[0]  # (the system says "No space left on device")
    ix.close()


# ---------------------------------------------------------------------------
# Item 11: a dangling symlink at the index path


@pytest.mark.parametrize("what", ["dangling", "file", "link_to_folder"])
def test_something_else_at_the_index_path_heals(tmp_path, what):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    assert run_kb(["search", "秸秆"], cache).returncode == 0
    folder = _index_folder(cache)
    elsewhere = tmp_path / "elsewhere"
    folder.rename(elsewhere)
    if what == "dangling":
        folder.symlink_to(tmp_path / "nothing-here")
    elif what == "file":
        folder.write_text("x")
    else:
        folder.symlink_to(elsewhere)
    for _ in range(2):  # heals once, then stays healed
        out = run_kb(["search", "秸秆"], cache)
        assert out.returncode == 0 and "三（五）3" in out.stdout, out.stderr
        assert "Traceback" not in out.stderr
    assert folder.is_dir() and not folder.is_symlink()
    assert out.stderr == ""


# ---------------------------------------------------------------------------
# Item 12: leftovers of kill -9


def test_stale_temporaries_of_our_own_naming_are_swept(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    old = time.time() - 3600
    stale = [cache / ".plan-0a1b.pickle.x1y2.tmp", cache / ".vocab-99.json.abc.tmp",
             cache / ".store.sqlite3.kb.tmp", cache / ".build-index-abc-def"]
    fresh = cache / ".vocab-77.json.new.tmp"
    foreign = [cache / ".notes.tmp", cache / "plan-draft.txt"]
    for p in stale[:-1] + [fresh] + foreign:
        p.write_bytes(b"x")
    stale[-1].mkdir()
    for p in stale + foreign:
        os.utime(p, (old, old))
    assert run_kb(["duties", "交通局"], cache).returncode == 0
    assert [p for p in stale if os.path.lexists(p)] == []
    assert fresh.exists() and all(p.exists() for p in foreign)


@pytest.mark.parametrize("kind", ["file", "file_parent"])
async def test_the_tui_answers_from_memory_when_the_cache_is_unusable(tmp_path, monkeypatch, kind):
    """Item 5 for the TUI: the index is built in memory, the topic answer comes, no traceback."""
    import asyncio

    from kb.store import load_plan
    from tui.app import KbApp
    from tui.widgets.question_input import QuestionInput
    from tui.widgets.transcript import Transcript

    monkeypatch.setenv("KB_CACHE_DIR", str(_unwritable_cache(tmp_path, kind)))
    app = KbApp(load_plan())
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(app.index_ready.wait(), 120)
        await pilot.pause()
        app.screen.query_one(QuestionInput).focus()
        await pilot.press(*"秸秆禁烧由谁负责")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        answer = app.screen.query_one(Transcript).cards[-1].answer
    assert answer is not None and answer.status == "answered"
    assert "三（五）3" in [t.label for t in answer.tasks]


def test_an_index_in_memory_spills_into_a_private_folder(tmp_path, monkeypatch, plan):
    """Whoosh's RamStorage spills its posting pool into $TMPDIR/MAIN.tmp, shared by every process:
    two in-memory builds at once deleted each other's files.  kb's gets a 0700 folder of its own,
    gone once the index is."""
    import gc
    import tempfile

    import kb.store as store
    from kb.qa import index

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    store._SAID.clear()
    store._UNWRITABLE.clear()
    monkeypatch.setattr(index.windex, "create_in", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "full")))
    monkeypatch.setattr(store, "say_once", lambda message: None)
    ix = index.open_index(plan)
    assert ix.path is None and ix.phrase_ids("秸秆禁烧")
    assert not (tmp_path / "MAIN.tmp").exists()
    private = [p for p in tmp_path.iterdir() if p.name.startswith("kb-index-")]
    assert len(private) == 1 and private[0].stat().st_mode & 0o077 == 0
    ix.close()
    del ix
    gc.collect()
    assert not private[0].exists()
