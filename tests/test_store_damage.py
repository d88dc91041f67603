"""A store missing rows or holding rows kb did not write is found out and healed: every command answers as from an
undamaged store, says once that the store is damaged and rebuilt, and the next run is clean (issue #12 "a damaged
store is rebuilt with one line"; review s7 items 2 and 3).

Each row damages a copy of one healthy store (two plans: the bundled one and a copy naming another city) and runs
the commands that read the damaged rows in this process (``kb.cli.main``), comparing stdout with the undamaged run's.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from store_state import forget_store_state

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "corpus").glob("*.txt"))

COMMANDS = {
    "ask-lead": ["ask", "交通局牵头哪些任务"],
    "ask-due": ["ask", "交通局牵头的任务什么时候完成"],
    "duties": ["duties", "交通局"],
    "grep": ["grep", "秸秆"],
    "grep-json": ["grep", "--json", "秸秆"],
    "tasks-json": ["tasks", "--json"],
    "depts": ["depts"],
    "ask-topic": ["ask", "秸秆禁烧由谁负责"],
    "ask-part": ["ask", "第三部分第一条有哪些任务"],
}


def _run(monkeypatch, capsys, cache: Path, corpus: Path, command: list[str]) -> tuple[int, str, str]:
    from kb.cli import main

    monkeypatch.setenv("KB_CACHE_DIR", str(cache))
    monkeypatch.setenv("NO_COLOR", "1")
    forget_store_state()
    capsys.readouterr()
    rc = main(["--corpus", str(corpus), *command])
    out, err = capsys.readouterr()
    return rc, _timeless(out), err


def _timeless(out: str) -> str:
    """grep --json's summary times the search: the one field that differs between two runs."""
    return re.sub(r'"elapsed_ms":[0-9.]+', '"elapsed_ms":0', out)


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    """(corpus, a healthy store's folder, each command's undamaged output)."""
    import os

    import pytest as _pytest

    base = tmp_path_factory.mktemp("damage")
    corpus = base / "corpus"
    corpus.mkdir()
    text = BUNDLED.read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text.replace("自贡", "绵阳"), encoding="utf-8")
    for f in corpus.iterdir():  # not "racy" (kb.store.RACY_NS): a warm run hashes nothing
        os.utime(f, (1_600_000_000, 1_600_000_000))
    cache = base / "cache"
    mp = _pytest.MonkeyPatch()
    outputs = {}
    try:
        from _pytest.capture import CaptureFixture  # noqa: F401 (capsys is function-scoped: capture by hand)
        import contextlib
        import io

        import kb.store as store
        from kb.cli import main

        mp.setenv("KB_CACHE_DIR", str(cache))
        mp.setenv("NO_COLOR", "1")
        for name, command in COMMANDS.items():
            store._SAID.clear()
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                rc = main(["--corpus", str(corpus), *command])
            assert rc == 0 and err.getvalue() == "", (name, err.getvalue())
            outputs[name] = _timeless(out.getvalue())
    finally:
        mp.undo()
    db = sqlite3.connect(cache / "store.sqlite3")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return corpus, cache, outputs


DAMAGE = [
    # (name, SQL, commands that must notice it, why)
    ("task rows cut", "DELETE FROM tasks WHERE seq > 10",
     ["ask-due", "grep", "grep-json", "tasks-json"], "a write cut short: plans.ntasks says 74"),
    ("one plan's task rows gone", "DELETE FROM tasks WHERE plan = (SELECT min(plan) FROM tasks)",
     ["grep", "tasks-json", "ask-due"], "every row of one plan"),
    ("grep texts cut", "DELETE FROM texts WHERE seq > 10", ["grep", "grep-json"],
     "a task grep would never find"),
    ("role rows cut", "DELETE FROM roles WHERE seq > 40",
     ["ask-lead", "ask-due", "duties"], "a department's list shorter than its plans' counts"),
    ("one department's rows gone", "DELETE FROM roles WHERE department = '市交通运输局'",
     ["ask-lead", "duties"], "the department would lead nothing (共 0 项)"),
    ("facts not kb's", "UPDATE roles SET facts = '{'", ["duties"], "review item 3: printed raw"),
    ("others not kb's", "UPDATE roles SET others = '{' WHERE others != ''", ["duties"], "the co-holders column"),
    ("folded texts cut", "DELETE FROM folded WHERE seq > 10", [], "the answerer's texts (what reads them must notice)"),
]


@pytest.mark.parametrize("name,sql,noticed,why", DAMAGE, ids=[d[0] for d in DAMAGE])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_store_missing_rows_answers_as_a_whole_one(healthy, tmp_path, monkeypatch, capsys, name, sql, noticed, why,
                                                      command):
    corpus, good, outputs = healthy
    cache = tmp_path / "cache"
    shutil.copytree(good, cache)
    db = sqlite3.connect(cache / "store.sqlite3")
    db.execute(sql)
    db.commit()
    db.close()
    rc, out, err = _run(monkeypatch, capsys, cache, corpus, COMMANDS[command])
    assert rc == 0 and out == outputs[command], (why, err)
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) <= 1 and "Traceback" not in err and "内部错误" not in err, err
    if command in noticed:
        assert lines and "已损坏" in lines[0] and "正在重建" in lines[0], (why, err)
    if lines:
        again = _run(monkeypatch, capsys, cache, corpus, COMMANDS[command])
        assert again == (0, outputs[command], ""), "the next run is clean"


def test_the_rendered_starts_are_what_the_listing_writes():
    """The stored facts and co-holders are checked by how kb.listing starts them: every task of three plans'
    facts and departments start so (a change of that wording must change ``kb.store.FACT_STARTS`` too)."""
    from kb.listing import describe_departments, duty_facts
    from kb.store import _rendered_starts, parse_in_memory

    facts_start, others_start = _rendered_starts()
    plans = [BUNDLED, *sorted((ROOT / "tests" / "fixtures" / "plans").glob("0[25]_*.txt"))]
    tasks = parse_in_memory(plans).tasks
    facts = [duty_facts(t) for t in tasks]
    others = [describe_departments(t) for t in tasks]
    assert sum(1 for f in facts if f) > 40 and sum(1 for o in others if o) > 100
    assert all(f.startswith(facts_start) for f in facts if f)
    assert all(o.startswith(others_start) for o in others if o)
