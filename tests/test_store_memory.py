"""The store and the plan in memory answer alike (``kb.store.StoredPlan`` against ``parse_in_memory``, which never reads
the store): a lookup the store narrows in SQL must find what reading every task finds.

Names in a row's cells (``tasks_naming_in_fields``): the word looked for is folded (kb.qa.text.fold: NFKC, lower case,
no spaces or quotes), the stored rows are not — a pre-filter on the raw row missed a division written ``IT处``,
``ＸＸ处`` or with a space inside (review-rest problem 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store_state import FIXTURES, load_fresh

PLAN_89 = FIXTURES / "89_guangzhou_jiatingyisheng_2023.txt"

#: Copies of plan 89 with its division 中医药处 written otherwise: file stem → how it is written.
SPELLINGS = {"a": "中医药处", "b": "IT处", "c": "ＸＸ处", "d": "Ab 处", "e": "Ｉｔ处"}

#: 中医药处 is a 市卫健委内…处室 cell of 附件2 序号 2, 5 and 11 only; each row is merged into the body paragraph it
#: restates: 二（一）2, 二（二）1, 二（二）7 (counted by hand from the plan's table).
ROWS = ["二（一）2", "二（二）1", "二（二）7"]

# (word asked → files whose rows it finds → why), written before running
NAMING_ROWS = [
    ("中医药处", ["a"], "as written: the raw row holds it"),
    ("IT处", ["b", "e"], "Latin capitals fold to it处; Ｉｔ处 (full-width) folds alike"),
    ("it处", ["b", "e"], "asked in lower case"),
    ("ＸＸ处", ["c"], "full-width letters: NFKC and lower case"),
    ("xx处", ["c"], "the folded form asked"),
    ("Ab 处", ["d"], "a space inside the cell's name"),
    ("Ab处", ["d"], "asked without the space"),
    ("“中医药”处", ["a"], "quotes are dropped by fold"),
    ("妇幼处", ["a", "b", "c", "d", "e"], "a division no copy renamed: 序号 5 and 7 (二（二）1, 二（二）3) of every copy"),
    ("不存在处", [], "in no cell"),
]


class Pair(tuple):
    """(stored, memory); its repr names them only: pytest's traceback printing a StoredPlan would load its tasks, and
    the next test would no longer see the store's own lookups."""

    def __repr__(self) -> str:
        return f"<stored and memory plans of {len(self[1].documents)} files>"


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """(stored, memory) plans of the five copies."""
    from kb.store import parse_in_memory

    folder = tmp_path_factory.mktemp("renamed")
    text = PLAN_89.read_text("utf-8")
    for stem, name in SPELLINGS.items():
        (folder / f"{stem}.txt").write_text(text.replace("中医药处", name), "utf-8")
    mp = pytest.MonkeyPatch()
    try:
        stored = load_fresh(mp, tmp_path_factory.mktemp("cache"), folder)
    finally:
        mp.undo()
    return Pair((stored, parse_in_memory(sorted(folder.glob("*.txt")))))


@pytest.mark.parametrize("word, files, why", NAMING_ROWS)
def test_names_in_cells_alike_in_store_and_memory(renamed, word, files, why):
    from kb.qa.text import fold

    stored, memory = renamed
    assert stored.uses_store() and stored._loaded_tasks() is None, "the store's own lookup, not the tasks loaded"
    found = {name: [(t.doc, t.label) for t in plan.tasks_naming_in_fields(fold(word), fold)]
             for name, plan in (("store", stored), ("memory", memory))}
    expected = [(f, label) for f in files for label in (ROWS if word != "妇幼处" else ["二（二）1", "二（二）3"])]
    assert found["memory"] == expected, why
    assert found["store"] == found["memory"], why


# ---------------------------------------------------------------------------
# The sweep: every query method a stored plan answers from SQL, over every fixture plan (tests/fixtures/plans/*.txt as
# one corpus, with the bundled plan and a copy of plan 89 whose division 中医药处 is written IT 处), against the same
# method of the plan in memory.  Each result is compared whole (tasks by their
# ``to_dict``), for every department × role, every document, part, label and task, and words of several kinds.


class Both(tuple):
    """(stored, memory) of the fixture corpus; repr without the plans (see Pair)."""

    def __repr__(self) -> str:
        return f"<stored and memory plans of {len(self[1].documents)} fixture files>"


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    import shutil

    from kb.store import parse_in_memory

    folder = tmp_path_factory.mktemp("fixtures")
    for path in [*sorted(FIXTURES.glob("*.txt")), *sorted((FIXTURES.parent.parent.parent / "corpus").glob("*.txt"))]:
        shutil.copy(path, folder)
    # and plan 89 with a division written with Latin capitals and a space (what the raw-row pre-filter missed), and
    # with control characters in a bureau's and a division's names (shown escaped by the TUI: ``escaped`` below)
    text = PLAN_89.read_text("utf-8")
    (folder / "89_renamed.txt").write_text(text.replace("中医药处", "IT 处"), "utf-8")
    # a file holding two documents (若干政策 + 行动计划: Document.divisions, kept per corpus by the store)
    from tests.test_documents_in_file import PROVINCE

    (folder / "two_documents.txt").write_text(PROVINCE, "utf-8")
    (folder / "89_controls.txt").write_text(text.replace("市医保局", "市医\u202e保局").replace("中医药处", "中医\x1b药处"),
                                            "utf-8")
    mp = pytest.MonkeyPatch()
    try:
        stored = load_fresh(mp, tmp_path_factory.mktemp("cache"), folder)
    finally:
        mp.undo()
    memory = parse_in_memory(sorted(folder.glob("*.txt")))
    assert stored.document_ids() == memory.document_ids() and len(memory.document_ids()) == len(list(folder.glob("*.txt")))
    return Both((stored, memory))


@pytest.fixture(scope="module")
def escaped(fixtures):
    """The same plans as the TUI shows them (kb.safetext.escape_data: a stored plan becomes a view escaping what it
    reads, a plan in memory an escaped copy)."""
    from kb.safetext import escape_data

    stored, memory = fixtures
    return Both((escape_data(stored), escape_data(memory)))


def shape(value):
    """A result in comparable form: tasks and documents as their dicts, containers element by element."""
    from kb.model import Document, Task

    if isinstance(value, Task):
        return value.to_dict()
    if isinstance(value, Document):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [shape(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return value


def words_of(memory) -> list[str]:
    """Words to look up (folded): every department and sub-unit, every task title, each document title's halves, every
    part and section heading, and
    awkward ones — Latin, digits, a single character, a word in no plan."""
    from kb.qa.text import fold

    words = [*memory.departments(), *memory.subunits(), *(t.title for t in memory.tasks if t.title)]
    for d in memory.documents:
        words += [d.title[: len(d.title) // 2], d.title[len(d.title) // 2:]]
        words += [title for _, title in (*d.parts, *d.sections)]  # (a heading is the plan's words too)
    words += ["PM2.5", "ｐｍ２．５", "GDP", "5G", "2025年", "局", "处", "牵头", "不存在的词语", "“双随机、一公开”", "IT 处"]
    return list(dict.fromkeys(w for w in (fold(x) for x in words) if w))


#: (method → the calls it is swept over, given the memory plan and the fold): each call is (label, plan → result).
def sweep_calls(memory):
    from kb.model import ROLES, Task
    from kb.qa.text import fold

    names = list(dict.fromkeys([*memory.departments(), *memory.subunits(), "不存在的单位"]))
    docs = memory.document_ids()
    parts = list(dict.fromkeys((t.doc, t.part) for t in memory.tasks))
    words = words_of(memory)
    sampled = list(dict.fromkeys(words[::3] + words[-12:]))  # (four searches a word: a third of them, the awkward all)
    labels = list(dict.fromkeys(t.label for t in memory.tasks))
    ids = [t.id for t in memory.tasks]
    texts = [fold("".join(t.title or "" for t in memory.document_tasks(d)[:40])) for d in docs]
    return {
        "characters": [("", lambda p: p.characters())],
        "departments": [("", lambda p: p.departments())],
        "subunits": [("", lambda p: p.subunits())],
        "roles_held": [("", lambda p: p.roles_held())],
        "roles_given": [("", lambda p: p.roles_given())],
        "role_counts": [("", lambda p: p.role_counts())],
        "document_ids": [("", lambda p: p.document_ids())],
        "document_titles": [("", lambda p: p.document_titles())],
        "document_names": [("", lambda p: p.document_names())],
        "document_headers": [("", lambda p: [(d.id, d.title, d.path, d.registry) for d in p.document_headers()])],
        "documents_of": [(d, lambda p, d=d: p.documents_of(d)) for d in [*docs, "no-such-plan"]],
        "document_annexes": [("", lambda p: p.document_annexes())],
        "document_divisions": [("", lambda p: p.document_divisions())],
        "document_outlines": [("", lambda p: p.document_outlines())],
        "document_tasks": [(d, lambda p, d=d: p.document_tasks(d)) for d in docs],
        "document_opening": [(f"{d} {n}", lambda p, d=d, n=n: p.document_opening(d, n)) for d in docs for n in (0, 2, 5)],
        "outline": [("", lambda p: p.outline())],
        "title_words": [("", lambda p: p.title_words())],
        "iter_tasks": [("", lambda p: [t.id for t in p.iter_tasks()])],
        "warned_tasks": [("", lambda p: p.warned_tasks())],
        "with_targets": [("", lambda p: p.with_targets())],
        "target_keys": [("", lambda p: p.target_keys())],
        "part_tasks": [(f"{d} {part}", lambda p, d=d, part=part: p.part_tasks(d, part)) for d, part in parts],
        "parts_tasks": [("all", lambda p: p.parts_tasks(parts[::3]))],
        "task": [(x, lambda p, x=x: p.task(x)) for x in [*ids, *labels, "no-such-task"]],
        # (a position is only for sorting: the store's numbers are its own, the order they give must be the memory's)
        "position": [("order", lambda p: sorted(ids[::-1], key=lambda i: p.position(p.task(i)))),
                     ("not in the plan", lambda p: p.position(Task.from_dict(dict(memory.tasks[0].to_dict(), id="x#0"))))],
        "tasks_of": [(f"{n} {r}", lambda p, n=n, r=r: [t.id for t in p.tasks_of(n, r)])
                     for n in names for r in (*ROLES, "implied", "any")],
        "mentions": [(w, lambda p, w=w: w in p.mentions()) for w in words],
        "heading_text": [("", lambda p: p.heading_text())],
        "tasks_matching": [(f"{w} {field} {kinds}", lambda p, w=w, field=field, kinds=kinds:
                            [t.id for t in p.tasks_matching([[w]], fold, field=field, kinds=kinds)])
                           for w in sampled for field in ("text", "title") for kinds in (("task",), None)],
        "tasks_matching 2 groups": [(f"{a} {b}", lambda p, a=a, b=b: [t.id for t in p.tasks_matching([[a], [b, "牵头"]], fold)])
                                    for a, b in zip(words[::7], words[3::7])],
        "tasks_naming_in_fields": [(w, lambda p, w=w: [t.id for t in p.tasks_naming_in_fields(w, fold)]) for w in words],
        "titled_in": [(str(n), lambda p, x=x: [t.id for t in p.titled_in(x, fold)]) for n, x in enumerate(texts)],
    }


SWEPT = ["characters", "departments", "subunits", "roles_held", "roles_given", "role_counts", "document_ids",
         "document_titles", "document_names", "document_headers", "documents_of", "document_annexes", "document_divisions",
         "document_outlines",
         "document_tasks", "document_opening", "outline", "title_words", "iter_tasks", "warned_tasks", "with_targets",
         "target_keys", "part_tasks", "parts_tasks", "task", "position", "tasks_of", "mentions", "heading_text", "tasks_matching",
         "tasks_matching 2 groups", "tasks_naming_in_fields", "titled_in"]


def test_the_sweep_covers_every_query_method():
    """Every public method a stored plan answers itself that the plan in memory also has is swept (a new one must be
    added to SWEPT); what only a stored plan has (grep rows, SQL filters, the store's state) is not a query of both."""
    from kb.model import Plan
    from kb.store import StoredPlan

    shared = {n for n, v in vars(StoredPlan).items() if not n.startswith("_") and callable(v) and hasattr(Plan, n)}
    assert shared - {"documents", "tasks", "registry"} == {s.split(" ")[0] for s in SWEPT}


#: Lookups that match a question's words: an escaped view matches them against the stored text (StoredPlan.shown_as),
#: a copy against the escaped text; a question is typed and holds no control character, so neither finds an escape.
MATCH_STORED_TEXT = {"characters", "mentions", "title_words", "tasks_naming_in_fields"}


@pytest.mark.parametrize("method, view", [(m, "as stored") for m in SWEPT]
                         + [(m, "escaped") for m in SWEPT if m not in MATCH_STORED_TEXT])
def test_store_answers_as_memory(fixtures, escaped, method, view):
    stored, memory = fixtures if view == "as stored" else escaped
    calls = sweep_calls(memory)[method]
    assert calls
    differ = []
    for label, call in calls:
        got, want = shape(call(stored)), shape(call(memory))
        if got != want:
            differ.append(label)
    assert stored.uses_store(), "the sweep asked the store, never its tasks loaded"
    assert not differ, f"{method}: {len(differ)} of {len(calls)} calls differ, first: {differ[:5]}"


# kb grep: a stored plan searches in SQL (kb.grep._search_stored: literal in the stored folded units, filters by the
# store's indexes, light results from stored rows); the plan in memory scans every task.  Same results, unit by unit,
# with and without the tags (--no-tags).  Plans 06 and 45 write tags over two lines (牵头单位:X / 责任单位:Y): light
# results split them into two units (the first searched under --no-tags) until the rows' unit counts were checked.
GREP_PATTERNS = ["牵头", "PM2.5", "ｐｍ２．５", "gdp", "家庭医生", "IT 处", "“", "2025年", r"20\d\d年底前", r"(牵头|配合)单位",
                 r"^[一二三四五六七八九十]+、", "不存在的词语"]


def grep_calls(memory):
    from kb.grep import TaskFilter

    names = [*memory.departments()[::40], *list(memory.subunits())[:3]]
    filters = [TaskFilter(departments=[n]) for n in names] + [TaskFilter(leads=[n]) for n in names[:4]]
    filters += [TaskFilter(supports=[n]) for n in names[:4]]
    filters += [TaskFilter(year=y) for y in (2019, 2020, 2023, 2025)]
    filters += [TaskFilter(has_target=True), TaskFilter(due_before="2023-12-31"), TaskFilter(sections=["二"]),
                TaskFilter(year=2025, due_before="2025-06-30")]
    calls = [(p, None) for p in GREP_PATTERNS]
    calls += [(p, f) for f in filters for p in ("", "牵头", r"\d+%")]
    return calls


def test_grep_in_the_store_finds_what_memory_finds(fixtures):
    from kb.grep import build_matcher, search

    stored, memory = fixtures
    calls = grep_calls(memory)
    differ = []
    for pattern, filters in calls:
        for light, tags in ((False, True), (True, True), (True, False)):
            def found(plan, **kw):
                return [(r.task.id, r.units, r.spans) for r in search(plan, build_matcher([pattern]), filters, tags=tags, **kw)
                        if r.matched()]
            if found(stored, prefilter=True, light=light) != found(memory):
                differ.append((pattern, filters, light, tags))
    assert stored.uses_store(), "the store's own search, never its tasks loaded"
    assert len(calls) > 60 and not differ, f"{len(differ)} of {3 * len(calls)} searches differ, first: {differ[:3]}"


def test_questions_answered_alike_from_store_and_memory(fixtures):
    """kb ask end to end: each question to a fresh view of the store (no task loaded, nothing remembered) and to the plan
    in memory gives the same text — department lists, counts and partners of every 16th unit of the corpus, and
    questions over the whole corpus, names in cells among them (355 such questions agreed when this was written)."""
    from kb.qa import Session
    from kb.store import StoredPlan

    stored, memory = fixtures
    names = list(dict.fromkeys([*memory.departments(), *memory.subunits()]))[::16]
    questions = [q for n in names for q in (f"{n}牵头哪些任务", f"{n}配合多少项任务", f"{n}和哪些部门一起牵头")]
    questions += ["2025年要完成哪些任务", "哪些任务没有配合单位", "有哪些量化目标", "家庭医生相关的任务有哪些",
                  "IT处负责什么", "中医药处牵头哪些任务", "市卫健委中医药处负责什么", "基层处有哪些任务"]
    differ = []
    for question in questions:
        fresh = StoredPlan(stored.store, stored.refs, stored.rules)
        if Session(plan=fresh).ask(question).text != Session(plan=memory).ask(question).text:
            differ.append(question)
    assert len(questions) > 80 and not differ, f"{len(differ)} of {len(questions)} differ: {differ[:5]}"


async def test_tui_duty_view_of_a_name_with_controls_from_the_store(tmp_path):
    """The TUI over a store: a unit whose name holds a bidi override (市医\\u202e保局) is listed escaped in the side bar
    (it was listed raw: the view's departments were the stored names) and its duty list holds its tasks (none were
    found: the view looked the shown name up as stored).  Hand counts: 市医保局 leads 3 items in 5 rows and supports
    5 in 6 (tests/test_item_counts.py)."""
    from textual.widgets import Static

    from kb.store import load_plan
    from tui.app import KbApp
    from tui.widgets.department_list import DepartmentList
    from tui.widgets.task_list import TaskList
    from tui_pilot import SIZE, ready

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "89_controls.txt").write_text(PLAN_89.read_text("utf-8").replace("市医保局", "市医\u202e保局"), "utf-8")
    plan = load_plan(str(folder))
    shown = "市医<U+202E>保局"
    app = KbApp(plan, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert app.plan.uses_store()
        names = app.screen.query_one(DepartmentList).shown
        assert shown in names and not any("\u202e" in n for n in names)
        app.show_department(shown)
        await pilot.pause()
        header = str(app.screen.query_one("#duty-header", Static).render())
        assert "牵头 3" in header and "配合 5" in header
        assert len(app.screen.query_one("#duty-tasks", TaskList).task_ids) == 11
