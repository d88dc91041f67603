"""Tasks built from their list rows (kb.store.StoredTask): a department's answer at 1,000 plans lists 8,000
tasks, shown from their labels, titles and departments, read with the department's roles, without decoding
their other fields (the brief row, then the text, are read when first used).

The answers must be those of whole tasks: each question below is asked of the same folder of plans read
whole into memory (the old path, which never reads the store) and read from the store (the new one), and the
text and JSON compared — of four plans, and of the bundled plan alone.
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
from pathlib import Path

import pytest

from kb.model import Task
from store_state import forget_store_state

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "tests" / "fixtures" / "plans"
BUNDLED = ROOT / "corpus" / "zigong-blue-sky-plan.txt"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Four plans: the bundled one, a copy for another city, and the two shared real plans."""
    d = tmp_path_factory.mktemp("four-plans")
    shutil.copy(BUNDLED, d)
    (d / "mianyang.txt").write_text(BUNDLED.read_text(encoding="utf-8").replace("自贡", "绵阳"), encoding="utf-8")
    for name in ("02_nongjihua_guofa2018-42.txt", "05_guangzhou_rencaijiju_2012.txt"):
        shutil.copy(PLANS / name, d)
    return d


@pytest.fixture()
def stored(folder, tmp_path, monkeypatch):
    from kb.store import StoredPlan, load_plan

    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    forget_store_state()
    load_plan(folder).store.close()  # (parsed into the store; the plan below reads it warm)
    plan = load_plan(folder)
    assert isinstance(plan, StoredPlan)
    yield plan
    plan.store.close()


@pytest.fixture(scope="module")
def memory(folder):
    from kb.store import parse_in_memory

    return parse_in_memory(sorted(folder.glob("*.txt")))


# question(s) asked in one conversation → why it is here
CONVERSATIONS = [
    (["交通局牵头哪些任务"], "the bench's question: two plans' lead lists, each item naming its plan"),
    (["市发展改革委有哪些任务"], "every role of a body of three plans, grouped (牵头, 按职责分工负责, 配合)"),
    (["市发展改革委配合几项任务"], "a count"),
    (["各区县政府要落实哪些任务"], "the implied implementers: the plan's note and parts quoted from the tasks"),
    (["市能源办负责哪些任务"], "a sub-unit, written in brackets after its department"),
    (["交通局牵头的任务有哪些时限"], "deadlines shown after each task"),
    (["交通局2019年要完成哪些任务"], "a date selecting tasks by their deadlines"),
    (["交通局牵头的任务哪些没有时限"], "tasks without a deadline"),
    (["交通局牵头哪些任务", "其中涉及柴油货车的有哪些"], "其中: a topic within the listed tasks"),
    (["公安局和交通局共同牵头哪些任务"], "two departments' common tasks"),
    (["公安局和交通局分别牵头哪些任务"], "each department's list"),
    (["城管局牵头的任务有哪些量化目标"], "targets of a department's tasks"),
    (["交通局牵头哪些任务", "第3项的内容是什么"], "a follow-up reading an item's text: the brief's text read then"),
    (["交通局牵头哪些任务", "配合的呢"], "a follow-up keeping the department"),
    (["农业农村部牵头哪些任务"], "a ministry of the State Council plan"),
    (["市财政局牵头哪些任务"], "none led in the bundled plan: 0, and what the department does hold"),
]


@pytest.mark.parametrize("questions,why", CONVERSATIONS, ids=[c[0][-1] for c in CONVERSATIONS])
def test_department_answers_from_briefs_are_the_answers_of_whole_tasks(stored, memory, questions, why):
    a = _ask_both(memory, stored, questions, why)
    assert a.tasks or a.status != "answered", f"{questions[-1]}: no task listed, nothing compared"


def _ask_both(memory, stored, questions, why):
    """Ask one conversation of the plan read whole into memory and of the stored plan; every answer's text,
    JSON and tasks must be the same. Returns the last answer (from memory)."""
    from kb.qa import Session

    old, new = Session(plan=memory, strict=True), Session(plan=stored, strict=True)
    for q in questions:
        a, b = old.ask(q), new.ask(q)
        assert b.text == a.text, why
        assert b.to_dict() == a.to_dict(), why
        assert [t.id for t in b.tasks] == [t.id for t in a.tasks] and b.tasks == a.tasks
    return a


@pytest.fixture()
def one_plan(tmp_path, monkeypatch):
    """The bundled plan alone, read whole into memory and from the store (N=1: no item names its plan)."""
    from kb.store import load_plan, parse_in_memory

    d = tmp_path / "one-plan"
    d.mkdir()
    shutil.copy(BUNDLED, d)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    forget_store_state()
    load_plan(d).store.close()
    plan = load_plan(d)
    yield parse_in_memory(sorted(d.glob("*.txt"))), plan
    plan.store.close()


@pytest.mark.parametrize("questions,why", CONVERSATIONS, ids=[c[0][-1] for c in CONVERSATIONS])
def test_one_plans_department_answers_from_the_store_are_those_of_whole_tasks(one_plan, questions, why):
    memory, stored = one_plan
    _ask_both(memory, stored, questions, why)


def test_a_department_leading_nothing_is_named_with_what_it_holds(one_plan):
    from kb.qa import Session

    answer = Session(plan=one_plan[1], strict=True).ask("市财政局牵头哪些任务")
    lines = answer.text.splitlines()
    # (not_in_plan since session 7: the plan gives it no lead at all — answers.yaml role_not_held — then what it holds;
    # since session 10 those 9 tasks follow apart under their own title, each with its units by role, never as the answer)
    assert lines[0] == "方案没有安排市财政局牵头的任务。市财政局在方案中配合 9 项。", answer.text
    assert lines[1] == "市财政局在方案中承担的其他任务（所问职责以外，供参考）：", answer.text
    assert len(lines) == 11 and all("配合：" in x and "市财政局" in x for x in lines[2:]), answer.text
    assert answer.tasks == [] and len(answer.related) == 9, answer.text


def test_a_department_list_decodes_no_task_row(stored, monkeypatch):
    """The bench's question answers from the list rows kept with the roles: no brief row, no whole row, no join
    of ``tasks``; its JSON then reads every brief row in one query and every text in one more."""
    import kb.store as store
    from kb.qa import Session

    decoded, briefs, queries = [], [], []
    decode, brief, query = store._decode_task, store._brief_values, store.Store.query
    monkeypatch.setattr(store, "_decode_task", lambda data: decoded.append(1) or decode(data))
    monkeypatch.setattr(store, "_brief_values", lambda data: briefs.append(1) or brief(data))
    monkeypatch.setattr(store.Store, "query", lambda self, sql, params=(): queries.append(sql) or query(self, sql, params))
    answer = Session(plan=stored).ask("交通局牵头哪些任务")
    assert len(answer.tasks) == 16 and decoded == [] and briefs == []  # 8 per copy of the bundled plan (test_plan)
    assert all(isinstance(t, store.StoredTask) for t in answer.tasks)
    assert not [sql for sql in queries if "tasks" in sql.split("WHERE")[0]], "a task row was read"
    before = len(queries)
    data = answer.to_dict()
    assert len(briefs) == 16 and len(decoded) == 16 and len(queries) == before + 2  # (each tier in one query)
    assert data["tasks"][0]["text"].startswith(answer.tasks[0].body[:10])


def test_a_field_read_later_is_read_for_the_whole_list_by_its_tier(stored):
    """A brief field (deadlines) reads the brief rows of the whole list, not its text; a text field then reads
    the texts; a task whose brief was never read gets both from its whole row."""
    tasks = stored.tasks_of("市交通运输局", "lead")
    assert all(not ({"deadlines", "part", "text"} & _set_slots(t)) for t in tasks)
    assert [t.label for t in tasks] and tasks[0].deadlines is not None  # a brief field …
    assert all({"deadlines", "part", "notes", "body"} <= _set_slots(t) and "text" not in _set_slots(t) for t in tasks)
    assert tasks[0].clauses is not None  # … then a text field
    assert all(set(f.name for f in dataclasses.fields(Task)) <= _set_slots(t) for t in tasks)
    others = stored.tasks_of("市公安局", "support")
    fresh = [t for t in others if "text" not in _set_slots(t)]
    assert fresh and fresh[0].tag is not None  # a text field first: every field of the rest from the whole row
    assert all(set(f.name for f in dataclasses.fields(Task)) <= _set_slots(t) for t in fresh)


def test_a_stored_task_is_a_task_in_every_respect(stored, memory):
    import kb.store as store

    brief = stored.tasks_of("市交通运输局", "lead")[2]
    whole = memory.task(brief.id)
    assert isinstance(brief, store.StoredTask) and isinstance(brief, Task)
    assert brief == whole and whole == brief and not (brief != whole)
    assert [brief] == [whole] and brief in [whole]
    for c in (copy.copy(brief), copy.deepcopy(brief)):
        assert type(c) is Task and c == whole  # a copy is whole and plain: no reference to the store
    changed = dataclasses.replace(brief, title="x")
    assert changed.text == whole.text and changed.title == "x" and _set_slots(changed) == _set_slots(whole)
    assert dataclasses.asdict(brief) == dataclasses.asdict(whole) and brief.to_dict() == whole.to_dict()
    assert repr(brief) == "Stored" + repr(whole)  # (printed whole)
    assert stored.task(brief.id) is brief  # one object per task, as before
    with pytest.raises(AttributeError):
        brief.no_such_field  # noqa: B018


def test_text_fields_are_read_for_the_whole_lookup_at_once(stored):
    import kb.store as store

    tasks = stored.tasks_of("市发展改革委", "any")
    assert len(tasks) > 20 and all(isinstance(t, store.StoredTask) for t in tasks)
    first = tasks[0]
    assert all("text" not in _set_slots(t) for t in tasks)
    assert first.clauses  # one text field used …
    assert all({"text", "clauses", "tag", "warnings"} <= _set_slots(t) for t in tasks)  # … every task has them all


def _set_slots(task) -> set[str]:
    out = set()
    for name in (f.name for f in dataclasses.fields(Task)):
        try:
            object.__getattribute__(task, name)
        except AttributeError:
            continue
        out.add(name)
    return out


def test_the_brief_row_holds_every_field_but_the_text(stored):
    from kb.plan_rows import TEXT_FIELDS, brief_fields

    names = [f.name for f in dataclasses.fields(Task) if f.init]
    assert TEXT_FIELDS <= set(names), "a text field the model no longer has"
    assert brief_fields() == [n for n in names if n not in TEXT_FIELDS]
    # what a list shows or selects by is in it (a field added to the model joins it with no change here)
    assert {"id", "doc", "label", "title", "body", "lead", "support", "implied", "subunits", "deadlines"} <= set(
        brief_fields())


def test_role_counts_are_summed_once_per_corpus(stored, memory, folder, monkeypatch):
    """The TUI's side bar (kb.duties.department_counts) at every start: summed over the plans once, then read
    from the store's per-corpus memo; a plan added to the folder makes them counted again."""
    import kb.store as store

    assert stored.role_counts() == memory.role_counts()
    assert stored.role_counts()["市交通运输局"]["lead"] == 16  # 8 per copy of the bundled plan
    sums = []
    query = store.Store.query
    def counting(self, sql, params=()):
        if "SELECT counts" in sql:
            sums.append(sql)
        return query(self, sql, params)

    monkeypatch.setattr(store.Store, "query", counting)
    forget_store_state()
    again = store.load_plan(folder)
    assert again.role_counts() == memory.role_counts() and sums == []
    again.store.close()
    extra = folder.parent / (folder.name + "-more")
    shutil.copytree(folder, extra)
    (extra / "luzhou.txt").write_text(BUNDLED.read_text(encoding="utf-8").replace("自贡", "泸州"), encoding="utf-8")
    forget_store_state()
    more = store.load_plan(extra)
    assert more.role_counts()["市交通运输局"]["lead"] == 24 and len(sums) == 1
    more.store.close()


def _roles_of_reference(task, exclude=None):
    """kb.qa.result.roles_of as it was written before its short way for tasks without sub-units (session 7)."""
    from kb.listing import SHOWN_ROLES as _SHOWN_ROLES, LISTING_PATH
    from kb.model import ROLE_NAMES

    import yaml  # (the words read here again, not through kb.listing: session 13 moved them to listing.yaml)

    w = {"other": yaml.safe_load(LISTING_PATH.read_text("utf-8"))["other"]}
    subunits = task.subunits
    out = {}
    for r in _SHOWN_ROLES:
        holders = getattr(task, r, None)
        if not holders:
            continue
        names, mine = [], False
        for n in holders:
            subs = subunits.get(n) if subunits else None
            if exclude is not None and (n == exclude or (subs and exclude in subs)):
                mine = True
                continue
            names.append(f"{n}（{'、'.join(subs)}）" if subs else n)
        if names:
            word = ROLE_NAMES.get(r, w.get(r, r))
            out[w["other"].format(role=word) if mine else word] = names
    return out


def test_an_answer_lines_departments_are_those_of_the_general_rule(memory):
    """roles_of / describe / Task.roles_of take a short way for a task naming no sub-unit: on every task of the four
    plans (sub-units, joint leads, guides, implied implementers among them), for each department it names (its
    own list: co-holders as 其他…单位) and for none, they say what the general rule says."""
    from kb.model import ROLES
    from kb.qa.result import describe, roles_of

    checked = with_subunits = 0
    for t in memory.tasks:
        names = set(t.departments("any")) | set(t.implied) | {s for subs in t.subunits.values() for s in subs}
        with_subunits += bool(t.subunits)
        for name in [None, *sorted(names), "市不存在局"]:
            expected = _roles_of_reference(t, name)
            assert roles_of(t, name) == expected
            assert describe(t, name) == "；".join(f"{r}：{'、'.join(ns)}" for r, ns in expected.items())
            if name is not None:
                held = [r for r in ROLES if name in getattr(t, r)
                        or any(name in t.subunits.get(p, ()) for p in getattr(t, r))]
                assert t.roles_of(name) == held + (["implied"] if name in t.implied else [])
            checked += 1
    assert checked > 1000 and with_subunits > 0
