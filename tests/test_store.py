"""The SQLite store of parsed plans: rows per plan, lookups without loading every task, damage healed.

Each test uses its own cache and corpus folders; commands run as subprocesses
where the behaviour is about a whole run (first run, warm run, damage).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from kb.model import Document, Plan, Target, Task
from store_state import load_fresh, run_kb

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "corpus").glob("*.txt"))


def make_corpus(folder: Path, cities: list[str]) -> Path:
    """Copies of the bundled plan, each with another city name (and so other rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = BUNDLED.read_text(encoding="utf-8")
    for n, city in enumerate(cities):
        (folder / f"plan-{n:02d}.txt").write_text(text.replace("自贡", city), encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------
# Rows back to dataclasses


def test_every_task_and_document_round_trips_through_json(plan):
    for t in plan.tasks:
        back = Task.from_dict(json.loads(json.dumps(asdict(t), ensure_ascii=False)))
        assert back == t
        assert type(back.deadlines[0]).__name__ == "Deadline" if back.deadlines else True
    for d in plan.documents:
        back = Document.from_dict(json.loads(json.dumps(d.to_dict())))
        assert back == d and all(isinstance(p, tuple) for p in back.parts)


@pytest.mark.parametrize(
    "data,expected,why",
    [
        ({"text": "x", "metric": "m", "value": 1.5, "unit": "%", "comparator": "≥"},
         Target("x", "m", 1.5, "%", "≥"), "missing optional fields take their defaults"),
        ({"text": "x", "metric": "m", "value": 2, "unit": "", "comparator": "=", "colour": "red"},
         Target("x", "m", 2, "", "="), "a key that is no field (written by a newer kb) is ignored"),
    ],
)
def test_from_dict_rows(data, expected, why):
    assert Target.from_dict(data) == expected, why


def test_a_field_added_to_the_model_flows_through_without_store_code():
    """A helper adds a field (here on a subclass): from_dict reads it from the fields, with no change elsewhere."""
    from dataclasses import dataclass, field

    @dataclass(slots=True)
    class TaskWithGuide(Task):
        guide: list[str] = field(default_factory=list)

    t = TaskWithGuide(id="a#1.0.1", doc="a", label="一", part="一", part_title="总体要求", section=None,
                      section_title=None, kind="task", title=None, text="x", guide=["市政府"])
    assert TaskWithGuide.from_dict(json.loads(json.dumps(asdict(t)))) == t


def test_a_missing_required_field_is_an_error_not_a_half_task():
    with pytest.raises(TypeError):
        Task.from_dict({"id": "a#1"})


# ---------------------------------------------------------------------------
# The store


def test_stored_plan_answers_like_the_parsed_plan(tmp_path, monkeypatch):
    from kb.store import StoredPlan, parse_in_memory

    corpus = make_corpus(tmp_path / "c", ["自贡", "绵阳"])
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    assert isinstance(stored, StoredPlan)
    memory = parse_in_memory(sorted(corpus.glob("*.txt")))
    # Lookups first, before ``tasks`` is loaded: they read rows.
    assert [t.id for t in stored.tasks_of("市交通运输局", "lead")] == [t.id for t in memory.tasks_of("市交通运输局", "lead")]
    assert len(stored.tasks_of("市交通运输局", "lead")) == 16  # 8 per plan, counted by hand in test_plan
    assert [t.id for t in stored.tasks_of("市能源办")] == [t.id for t in memory.tasks_of("市能源办")]
    assert stored.departments() == memory.departments()
    assert stored.subunits() == memory.subunits()
    assert stored.task("plan-01#3.2.2") == memory.task("plan-01#3.2.2")
    assert stored.task("三（二）2") is None  # a label two plans share names no single task
    assert stored.task("plan-00#3.2.2") is stored.task("plan-00#3.2.2")  # one object per task
    assert [t.id for t in stored.with_targets()] == [t.id for t in memory.with_targets()]
    # what names and dates each target, from the targets' rows (40: 20 per plan, the bundled plan's count)
    assert stored.target_keys() == memory.target_keys() and len(stored.target_keys()) == 40
    assert stored.document_titles() == memory.document_titles()
    assert stored.document_outlines() == memory.document_outlines() and stored.document_outlines()[0][1]
    goals = [(d, num) for d, parts, _ in memory.document_outlines() for num, _ in parts[:2]]
    assert [t.id for t in stored.parts_tasks(goals)] == [t.id for t in memory.parts_tasks(goals)]
    assert len(stored.parts_tasks(goals)) > 2
    from kb.qa.text import fold

    assert stored.heading_text() == "\n".join(fold(t) for d in memory.documents for _, t in (*d.parts, *d.sections))
    assert stored.uses_store()  # all of the above answered from rows
    assert stored.tasks == memory.tasks and stored.documents == memory.documents
    assert [t.id for t in stored.iter_tasks()] == [t.id for t in memory.tasks]


def test_duty_lines_are_read_from_the_store_without_building_a_task(tmp_path, monkeypatch):
    """kb duties at 1,000 plans prints 19,000 lines: the store gives the lines it rendered when it parsed
    the plans, equal to those rendered from the tasks, and builds no task to do so."""
    import kb.store as store
    from kb.duties import duty_lines

    corpus = make_corpus(tmp_path / "c", ["自贡", "绵阳"])
    memory = store.parse_in_memory(sorted(corpus.glob("*.txt")))
    load_fresh(monkeypatch, tmp_path / "cache", corpus).store.close()
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)

    def no_task(data):
        raise AssertionError("a task was built")

    monkeypatch.setattr(store, "_decode_task", no_task)
    for name in ("市交通运输局", "市能源办", "各区县政府", "市发展改革委"):
        lines = duty_lines(stored, name)
        assert lines == duty_lines(memory, name) and lines, name
    # 市交通运输局: 8 lead, 4 shared, 7 support per plan (test_plan), each with the plan's document id.
    roles = [(x.role, x.doc) for x in duty_lines(stored, "市交通运输局")]
    assert roles == ([("lead", "plan-00")] * 8 + [("lead", "plan-01")] * 8 + [("shared", "plan-00")] * 4
                     + [("shared", "plan-01")] * 4 + [("support", "plan-00")] * 7 + [("support", "plan-01")] * 7)


@pytest.mark.parametrize(
    "edited,reparses,why",
    [
        ("data/roles.yaml", True, "the parser's role words decide the roles rows"),
        ("data/departments-zigong.yaml", True, "an issuer vocabulary decides department names"),
        ("data/new-words.yaml", True, "a data file added later is counted (only the answerer's files are left out)"),
        ("parser/core.py", True, "the parser"),
        ("ingest/text.py", True, "how a file is read into text"),
        ("model.py", True, "the task's fields are the row"),
        ("plan_rows.py", True, "the rows themselves"),
        ("listing.py", True, "duty-list wording is rendered into the rows"),
        ("export/content.py", True, "deadline and target wording of the rendered facts"),
        ("fold.py", True, "grep's folded units are stored"),
        ("qa/text.py", True, "the answerer's folded texts are stored"),
        ("registry.py", True, "issuer vocabularies are applied by the parser"),
        ("qa/plan_terms.py", True, "the parser learns each plan's own topic terms (Document.terms)"),
        ("select.py", True, "which paragraphs are tasks, for the learned terms"),
        ("data/plan_terms.yaml", True, "the words of the learned terms"),
        ("data/answers.yaml", False, "answer wording never reaches the rows"),
        ("data/shapes.yaml", False, "question shapes are the answerer's"),
        ("data/topics.yaml", False, "topic words are the answerer's (and the index's own fingerprint's)"),
        ("store.py", False, "how the store is read: a warm 1,000-plan store stays warm"),
        ("grep.py", False, "grep's search and printing"),
        ("cli/plan.py", False, "the commands"),
        ("qa/executors.py", False, "the answerer's executors"),
    ],
)
def test_what_re_parses_the_plans(tmp_path, monkeypatch, edited, reparses, why):
    import kb.store as store

    copy = tmp_path / "kb"
    shutil.copytree(store._KB_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(store, "_KB_DIR", copy)
    before = store.rules_fingerprint()
    target = copy / edited
    with open(target, "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    assert (store.rules_fingerprint() != before) == reparses, why


def test_plan_task_is_a_lookup_not_a_scan(plan):
    """Plan.task() is called once per item by answers: a map, built once (ids and unique labels)."""
    memory = Plan(documents=list(plan.documents), tasks=list(plan.tasks), registry=plan.registry)
    assert memory.task("三（三）4").id == "zigong-blue-sky-plan#3.3.4"
    assert memory.task(memory.tasks[10].id) is memory.tasks[10]
    maps = memory._maps
    memory.task("三（一）1")
    assert memory._maps is maps  # not rebuilt per call
    memory.tasks.append(memory.tasks[0])
    memory.task("三（一）1")
    assert memory._maps is not maps  # the list changed: rebuilt


def test_second_run_hashes_nothing_and_parses_nothing(tmp_path, monkeypatch):
    import kb.store as store

    corpus = make_corpus(tmp_path / "c", ["自贡", "绵阳", "泸州"])
    old = time.time() - 3600
    for f in corpus.iterdir():  # written an hour ago: not "racy" (see kb.store.RACY_NS)
        os.utime(f, (old, old))
    load_fresh(monkeypatch, tmp_path / "cache", corpus)
    calls = []
    monkeypatch.setattr(store, "parse_file", lambda *a: calls.append(a))
    monkeypatch.setattr(store, "_read", lambda f: calls.append(f) or b"")
    again = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    assert calls == [] and len(again.documents) == 3


def _rows(db_path: Path) -> dict[str, int]:
    db = sqlite3.connect(db_path)
    try:
        return dict(db.execute("SELECT plan, count(*) FROM tasks GROUP BY plan").fetchall())
    finally:
        db.close()


def test_changing_or_removing_one_plan_touches_only_its_rows(tmp_path, monkeypatch):
    import kb.store as store

    monkeypatch.setattr(store, "OBSOLETE_AFTER", 0.0)  # (see the next test: the rows a run may still read stay a while)
    cache = tmp_path / "cache"
    corpus = make_corpus(tmp_path / "c", ["自贡", "绵阳", "泸州"])
    first = load_fresh(monkeypatch, cache, corpus)
    keys = [r.key for r in first.refs]
    db = sqlite3.connect(cache / "store.sqlite3")
    rowids = dict(db.execute("SELECT plan, min(rowid) FROM tasks GROUP BY plan").fetchall())
    db.close()
    first.store.close()
    changed = corpus / "plan-01.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("27.9%", "28.3%"), encoding="utf-8")
    second = load_fresh(monkeypatch, cache, corpus)
    new_keys = [r.key for r in second.refs]
    assert new_keys[0] == keys[0] and new_keys[2] == keys[2] and new_keys[1] != keys[1]
    db = sqlite3.connect(cache / "store.sqlite3")
    after = dict(db.execute("SELECT plan, min(rowid) FROM tasks GROUP BY plan").fetchall())
    db.close()
    assert set(after) == set(new_keys)  # the old rows of plan-01 are gone
    assert after[keys[0]] == rowids[keys[0]] and after[keys[2]] == rowids[keys[2]]  # the others untouched
    assert any("28.3" in tg.text for t in second.with_targets() if t.doc == "plan-01" for tg in t.targets)
    second.store.close()
    (corpus / "plan-02.txt").unlink()
    third = load_fresh(monkeypatch, cache, corpus)
    assert [d.id for d in third.documents] == ["plan-00", "plan-01"]
    assert set(_rows(cache / "store.sqlite3")) == {new_keys[0], new_keys[1]}


def test_a_changed_plans_old_rows_stay_until_no_run_can_be_reading_them(tmp_path, monkeypatch):
    """Another process may be reading the old rows (it read the file before it changed): they are marked when first
    found unreachable and deleted by a run OBSOLETE_AFTER seconds later, not by the run that saw the change."""
    import kb.store as store

    cache = tmp_path / "cache"
    corpus = make_corpus(tmp_path / "c", ["自贡", "绵阳"])
    old_keys = [r.key for r in load_fresh(monkeypatch, cache, corpus).refs]
    changed = corpus / "plan-01.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("27.9%", "28.3%"), encoding="utf-8")
    new_keys = [r.key for r in load_fresh(monkeypatch, cache, corpus).refs]
    assert set(_rows(cache / "store.sqlite3")) == {*old_keys, *new_keys}  # plan-01's old rows kept (marked)
    db = sqlite3.connect(cache / "store.sqlite3")
    (since,) = [float(v) for k, v in db.execute("SELECT key, value FROM meta") if k == f"obsolete:{old_keys[1]}"]
    db.execute("UPDATE meta SET value = ? WHERE key = ?", (repr(since - store.OBSOLETE_AFTER - 1), f"obsolete:{old_keys[1]}"))
    db.commit()
    db.close()
    (corpus / "other.txt").write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")  # (a run that collects)
    load_fresh(monkeypatch, cache, corpus)
    assert old_keys[1] not in set(_rows(cache / "store.sqlite3"))  # deleted once no run can be reading them


def test_documents_report_the_path_read_this_time(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    a = make_corpus(tmp_path / "a", ["自贡"])
    b = tmp_path / "b"
    shutil.copytree(a, b)
    load_fresh(monkeypatch, cache, a)
    assert load_fresh(monkeypatch, cache, b).documents[0].path == str(b / "plan-00.txt")


@pytest.mark.parametrize(
    "damage,said",
    [
        ("garbage", "已损坏"),           # not an SQLite file at all
        ("version", "另一版本"),   # a store of another schema version
        ("foreign", "已损坏"),           # an SQLite file that is not kb's
        ("truncated", "已损坏"),         # cut in the middle
        ("bad_json", "已损坏"),          # a row whose JSON does not read back
        ("bad_text", "已损坏"),          # a rendered duty-list line that is not UTF-8 (kb duties reads those)
    ],
)
def test_a_damaged_or_foreign_store_is_rebuilt_with_one_line(tmp_path, damage, said):
    cache = tmp_path / "cache"
    assert run_kb(["duties", "交通局"], cache).returncode == 0
    path = cache / "store.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "version":
        db = sqlite3.connect(path)
        db.execute("PRAGMA user_version = 99")
        db.commit()
        db.close()
    elif damage == "foreign":
        path.unlink()
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE other(x)")
        db.commit()
        db.close()
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    else:
        db = sqlite3.connect(path)
        if damage == "bad_json":
            db.execute("UPDATE tasks SET data = '[\"not json', brief = '[\"not json'")
            db.execute("UPDATE roles SET item = '[\"not json'")
        else:
            db.execute("UPDATE roles SET heading = CAST(X'FF' AS TEXT)")  # (the duty lines kb duties prints)
        db.commit()
        db.close()
    # The department question builds its tasks from the JSON rows (list, brief and whole); kb duties prints the rendered lines.
    command = ["ask", "交通局牵头哪些任务"] if damage == "bad_json" else ["duties", "交通局"]
    expected = "共 8 项" if damage == "bad_json" else "牵头 8 项"
    out = run_kb(command, cache)
    assert out.returncode == 0, out.stderr
    assert expected in out.stdout
    lines = [x for x in out.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and said in lines[0] and "Traceback" not in out.stderr, out.stderr
    again = run_kb(command, cache)
    assert again.returncode == 0 and again.stderr == "" and again.stdout == out.stdout


def test_two_processes_seeing_new_plans_at_once_both_end_correct(tmp_path):
    cache = tmp_path / "cache"
    corpus = make_corpus(tmp_path / "c", ["自贡", "绵阳", "泸州", "宜宾"])
    env = dict(os.environ, KB_CACHE_DIR=str(cache))
    cmd = [sys.executable, "-m", "kb.cli", "--corpus", str(corpus), "duties", "--json", "交通局"]
    procs = [subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in outs]
    assert all(len(json.loads(o)["tasks"]) == 19 * 4 for o, _ in outs)
    assert sorted(_rows(cache / "store.sqlite3").values()) == [74] * 4


def test_killed_at_any_moment_the_next_run_is_correct(tmp_path):
    cache = tmp_path / "cache"
    corpus = make_corpus(tmp_path / "c", [f"城{n}" for n in range(12)])
    env = dict(os.environ, KB_CACHE_DIR=str(cache))
    # The full name: the made-up cities have no issuer vocabulary, so no alias (交通局) resolves.
    cmd = [sys.executable, "-m", "kb.cli", "--corpus", str(corpus), "duties", "--json", "市交通运输局"]
    for delay in (0.3, 0.8, 1.5, 2.5):
        p = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        time.sleep(delay)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    out = run_kb(["duties", "--json", "市交通运输局"], cache, corpus=corpus, timeout=300)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["tasks"]) == 19 * 12
    assert sorted(_rows(cache / "store.sqlite3").values()) == [74] * 12


def test_document_headers_are_read_without_the_documents(tmp_path, monkeypatch):
    """Listings name 1,000 plans by id, title and file, and resolve names with their issuers' vocabularies:
    the store reads those four fields of each document row, equal to the documents' own."""
    from kb.model import Document

    corpus = make_corpus(tmp_path / "c", ["自贡", "绵阳"])
    load_fresh(monkeypatch, tmp_path / "cache", corpus).store.close()
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    monkeypatch.setattr(Document, "from_dict", classmethod(lambda cls, data: (_ for _ in ()).throw(AssertionError)))
    headers = [(h.id, h.title, h.path, h.registry) for h in stored.document_headers()]
    monkeypatch.undo()
    assert headers == [(d.id, d.title, d.path, d.registry) for d in stored.documents]
    assert [h[0] for h in headers] == ["plan-00", "plan-01"] and headers[0][3] == "zigong" and headers[1][3] == ""


@pytest.mark.parametrize("typed,expected,why", [
    ("市交通运输局", "市交通运输局", "a department the plan writes: its own name, exact"),
    ("市能源办", "市能源办", "a sub-unit the plan writes"),
    ("交通局", None, "a short name: left to the registry's aliases"),
    ("市交通运输局 ", None, "not as written (a space): left to resolve_department's normalising"),
    ("市交通运输居", None, "a typo: left to the fuzzy match"),
    ("", None, "nothing typed"),
])
def test_a_name_the_plan_writes_resolves_without_the_registry(typed, expected, why):
    """kb duties resolves a name the plan writes from the plan's own names (no issuer YAML read at 1,000 plans);
    whatever it answers is what resolve_department answers."""
    from kb.duties import plan_name_as_written
    from kb.registry import resolve_department
    from kb.store import load_plan

    plan = load_plan(use_cache=False)
    got = plan_name_as_written(typed, plan)
    assert (got.name if got else None) == expected, why
    if got is not None:
        full = resolve_department(typed, plan)
        assert (got.name, got.how, got.candidates, got.query) == (full.name, full.how, full.candidates, full.query)


def test_a_view_that_escapes_shows_titles_outlines_and_headings_read_from_rows_escaped(tmp_path, monkeypatch):
    """The TUI reads a stored plan through ``shown_as(escape_data)``: what the store now reads from columns
    (titles for plan names in answers, outlines for headings named, learned headings' titles) is shown
    escaped like the documents and tasks it builds, while the plain plan keeps the stored text."""
    from kb.safetext import escape_data

    corpus = make_corpus(tmp_path / "c", ["自\x1b[31m贡", "绵阳"])
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    view = escape_data(stored)
    raw_titles = stored.document_titles()
    assert "\x1b" in raw_titles[0][1]
    assert view.document_titles() == [(d, escape_data(t)) for d, t in raw_titles]
    assert "\x1b" not in "".join(t for _, t in view.document_titles())
    assert view.document_titles()[0][1] == view.documents[0].title  # as the escaped documents say
    assert view.document_outlines() == [(d.id, d.parts, d.sections) for d in view.documents]
    assert [h.title for h in view.document_headers()] == [t for _, t in view.document_titles()]


# ---------------------------------------------------------------------------
# Document ids: unique within a corpus (review s7 item 1)


@pytest.mark.parametrize("names,expected,why", [
    (["a.txt", "b.pdf"], {"a.txt": "a", "b.pdf": "b"}, "stems alone: the id is the stem (as before)"),
    (["plan.txt", "plan.md"], {"plan.txt": "plan.txt", "plan.md": "plan.md"}, "one stem, two plans: whole names"),
    (["plan.pdf", "plan.txt", "other.docx"], {"plan.pdf": "plan.pdf", "plan.txt": "plan.txt", "other.docx": "other"},
     "a PDF and the text made from it; a third file keeps its stem"),
    (["plan.txt", "plan.txt.md"], {"plan.txt": "plan", "plan.txt.md": "plan.txt"},
     "a stem equal to another file's whole name, but no two stems alike: stems"),
    (["plan.txt", "plan.md", "plan.txt.md"], {"plan.txt": "plan.txt", "plan.md": "plan.md", "plan.txt.md": "plan.txt.md"},
     "plan.txt's whole name is plan.txt.md's stem: a second round gives it its whole name too"),
    (["Plan.txt", "plan.txt"], {"Plan.txt": "Plan", "plan.txt": "plan"}, "stems differing in case are two stems"),
    (["计划.TXT", "计划.pdf"], {"计划.TXT": "计划.TXT", "计划.pdf": "计划.pdf"}, "the ending kept as written"),
])
def test_document_ids_are_unique_within_a_folder(names, expected, why):
    from kb.store import unique_ids

    got = unique_ids(names)
    assert got == expected, why
    assert len(set(got.values())) == len(names)


def test_a_file_read_alone_has_the_id_it_has_in_its_folder(tmp_path):
    """So its stored rows serve both ways of reading it (and neither takes the other's rows for obsolete)."""
    from kb.store import document_ids

    (tmp_path / "plan.txt").write_text("x", encoding="utf-8")
    (tmp_path / "plan.md").write_text("x", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert document_ids([tmp_path / "plan.md"]) == ["plan.md"]
    assert document_ids([tmp_path / "notes.txt"]) == ["notes"]
    assert document_ids(sorted(tmp_path.iterdir())) == ["notes", "plan.md", "plan.txt"]


def _two_plans_one_stem(folder: Path) -> Path:
    """plan.txt: the bundled plan (自贡); plan.md: the same with 绵阳 and a department only it names (市港航局)."""
    folder.mkdir(parents=True)
    text = BUNDLED.read_text(encoding="utf-8")
    (folder / "plan.txt").write_text(text, encoding="utf-8")
    (folder / "plan.md").write_text(text.replace("自贡", "绵阳").replace("市交通运输局", "市港航局"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("use_cache", [True, False], ids=["store", "memory"])
def test_two_plans_with_one_stem_are_two_plans(tmp_path, monkeypatch, capsys, use_cache):
    """Before: both had the id ``plan`` — an answer about plan.md's department named plan.txt's title, kb duties
    printed one block twice.  Expected by hand: the bundled plan's 市交通运输局 leads 8 tasks, supports 7, is
    按职责分工负责 in 4; plan.md names that department 市港航局, plan.txt does not name it."""
    import kb.store as store
    from kb.cli import main

    corpus = _two_plans_one_stem(tmp_path / "d")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache") if use_cache else str(tmp_path / "nocache"))
    monkeypatch.setenv("NO_COLOR", "1")
    if not use_cache:
        monkeypatch.setattr(store, "usable_cache_dir", lambda: None)
    store._SAID.clear()

    def kb(*args) -> str:
        capsys.readouterr()
        assert main(["--corpus", str(corpus), *args]) == 0
        return capsys.readouterr().out

    tasks = json.loads(kb("tasks", "--json"))["tasks"]
    ids = [t["id"] for t in tasks]
    assert len(ids) == 148 and len(set(ids)) == 148
    assert {i.split("#")[0] for i in ids} == {"plan.md", "plan.txt"}
    assert [t["doc"] for t in tasks][:74] == ["plan.md"] * 74  # corpus order: plan.md, plan.txt
    answer = kb("ask", "港航局牵头哪些任务")
    assert answer.startswith("市港航局牵头的任务共 8 项")
    assert answer.count("〔绵阳市打赢蓝天保卫战实施方案〕") == 8 and "自贡" not in answer
    duties = kb("duties", "港航局")
    assert "牵头 8 项，共同负责 4 项，配合 7 项（1 个方案）" in duties
    assert duties.count("# 《") == 1 and "# 《绵阳市打赢蓝天保卫战实施方案》（plan.md）" in duties
    duties = kb("duties", "市交通运输局")
    assert duties.count("# 《") == 1 and "# 《自贡市打赢蓝天保卫战实施方案》（plan.txt）" in duties
    grep = kb("grep", "港航局")
    assert grep and all(line.startswith("plan.md:") for line in grep.splitlines())
    listed = kb("grep", "-l", "秸秆").split()  # (one line per task: plan:label; 3 paragraphs of the plan say 秸秆)
    assert len(listed) == len(set(listed)) == 6 and {x.split(":")[0] for x in listed} == {"plan.md", "plan.txt"}


def test_a_symlinked_plan_file_is_stored_once_not_rebuilt_every_run(tmp_path):
    """A plan file that is a symbolic link was remembered under its target's name, so the run that added it took
    its rows for obsolete, deleted them and then found the store damaged — on every run."""
    cache = tmp_path / "cache"
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(BUNDLED, tmp_path / "elsewhere" / "real-name.txt")
    corpus = tmp_path / "d"
    corpus.mkdir()
    (corpus / "linked.txt").symlink_to(tmp_path / "elsewhere" / "real-name.txt")
    for _ in range(2):
        out = run_kb(["ask", "交通局牵头哪些任务"], cache, corpus=corpus)
        assert out.returncode == 0 and out.stderr == "" and out.stdout.startswith("市交通运输局牵头的任务共 8 项")
    assert [k for (k,) in sqlite3.connect(cache / "store.sqlite3").execute("SELECT doc_id FROM plans")] == ["linked"]


# ---------------------------------------------------------------------------
# System errors in the user's words (review s7 item 11)


def test_system_errors_are_said_in_chinese(tmp_path, capsys):
    """Python's strerror is the C library's English whatever the locale; every line kb prints is Chinese."""
    import kb.store as store
    from kb.errors import KbError

    afile = tmp_path / "a-file"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(KbError) as err:
        store._read(tmp_path / "gone.txt")
    assert "：不存在（" in str(err.value)
    with pytest.raises(KbError) as err:
        store._path_kind(afile / "below")
    assert "路径中有一段不是文件夹" in str(err.value)
    assert "路径中有一段不是文件夹" in store.cache_problem(afile / "cache")
    store._SAID.clear()
    store.cache_unwritable(tmp_path / "ro", store.CacheWriteError("attempt to write a readonly database"))
    store.cache_unwritable(tmp_path / "full", store.CacheWriteError("database or disk is full"))
    said = capsys.readouterr().err
    assert "（文件或文件系统是只读的）" in said and "（磁盘已满）" in said
    for text in (said, str(err.value)):
        words = re.sub(r"/\S*?(?=[ （：]|$)", "", text.replace("kb:", ""), flags=re.M)  # (paths and the prefix)
        assert not re.search("[A-Za-z]", words), text


def test_a_missing_corpus_is_one_chinese_line(tmp_path):
    out = run_kb(["tasks"], tmp_path / "cache", corpus=tmp_path / "nonexistent")
    assert out.returncode == 2 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert line.startswith("kb: 找不到方案：") and "Traceback" not in out.stderr
