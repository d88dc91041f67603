"""Reading and answering tested apart: tests/fixtures/qa/reading.yaml (question → Query) and
tests/fixtures/qa/answering.yaml (Query → labels, status) on the bundled plan."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).parent / "fixtures" / "qa"


def _rows(name: str) -> list[dict]:
    data = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    assert data["version"] == 1
    return data["rows"]


READING = _rows("reading.yaml")
ANSWERING = _rows("answering.yaml")


@pytest.fixture(scope="module")
def session(plan):
    from kb.qa import Session

    return Session(plan=plan, strict=True)


@pytest.mark.parametrize("row", READING, ids=[r["q"] or "empty" for r in READING])
def test_reading(session, row):
    got = session.read_query(row["q"]).to_dict()
    for slot, want in row["query"].items():
        assert got.get(slot) == want or (slot == "subject" and want == "tasks" and slot not in got), (slot, got)
    if "topic_contains" in row:
        assert any(row["topic_contains"] in w for w in got.get("topic", [])), got


@pytest.mark.parametrize("row", ANSWERING, ids=[r["why"][:30] for r in ANSWERING])
def test_answering(session, row):
    from kb.qa.query import Query

    answer = session.answer_query(Query.from_dict(row["query"]))
    assert answer is not None, "no executor answers this query"
    assert answer.status == row.get("status", "answered"), answer.text
    if "labels" in row:
        assert [t.label for t in answer.tasks] == row["labels"], answer.text
    if "lines" in row:
        lines = [i.text for i in answer.result.items if i.task is None]
        assert len(lines) == len(row["lines"]), answer.text
        for got, want in zip(lines, row["lines"]):
            assert got.startswith(want), (got, want)
    if "count" in row:
        assert len(answer.result.items) == row["count"], answer.text
    for word in row.get("says", []):
        assert word in answer.text, answer.text
    if answer.status == "not_in_plan":
        assert answer.tasks == []


def test_every_row_says_why():
    assert all(r.get("why") for r in READING + ANSWERING)


# Follow-ups merge their slots into the previous Query (no re-asking through text):
# (turns, the Query the last turn is answered with, why)
MERGES = [
    (["哪项任务的牵头单位最多", "配合的呢"], {"act": "rank", "measure": "support", "aggregate": "most"},
     "配合的呢 keeps the ranking over tasks and changes what it counts"),
    (["哪项任务的牵头单位最多", "最少的呢"], {"act": "rank", "measure": "lead", "aggregate": "least"},
     "最少的呢 keeps subject and measure, turns the order"),
    (["既牵头又配合的部门有哪些", "哪项任务的配合单位最多"], {"act": "rank", "measure": "support"},
     "a whole new question is read on its own"),
    (["交通局牵头哪些任务", "配合的呢"],
     {"about": "departments", "act": "list", "departments": [{"name": "市交通运输局", "role": "support"}]},
     "配合的呢 = the previous department with the role asked now"),
    (["交通局牵头哪些任务", "那市公安局呢"],
     {"about": "departments", "departments": [{"name": "市公安局", "role": "lead"}]},
     "那市公安局呢 = another department, the previous role"),
    (["交通局牵头哪些任务", "牵头几项"],
     {"about": "departments", "act": "count", "departments": [{"name": "市交通运输局", "role": "lead"}]},
     "牵头几项 = the previous department, counted"),
    (["市务局牵头哪些任务", "市商务局"],
     {"about": "departments", "departments": [{"name": "市商务局", "role": "lead"}]},
     "the name chosen after an ambiguous one fills the asked question's department slot"),
    (["局牵头哪些任务", "市城管执法局"],
     {"about": "departments", "departments": [{"name": "市城管执法局", "role": "lead"}]},
     "a bare 局 asked back, then the choice: the same question about that department"),
    (["秸秆禁烧由谁负责", "那扬尘呢"], {"act": "who", "topic": ["扬尘"], "asks": ["who"]},
     "那扬尘呢 = the previous who-question with the topic 扬尘 (no text re-asked)"),
    (["哪些任务涉及VOCs", "那扬尘呢"], {"act": "list", "topic": ["扬尘"], "topic_marked": True},
     "the previous topic list about 扬尘"),
    (["荣县的机械化清扫率要达到多少", "富顺县呢"], {"act": "value", "scopes": ["富顺县"]},
     "富顺县 is a scope of the plan's targets: the same metric in another place"),
    (["PM2.5要下降多少", "力争目标呢"], {"act": "value", "topic": ["pm2.5", "下降", "力争"]},
     "力争 names no metric: it qualifies the previous one"),
    (["哪个部门牵头的任务最多", "它配合哪些任务"],
     {"about": "departments", "departments": [{"name": "市生态环境局", "role": "support"}]},
     "它 = the department at the top of the ranking"),
]


@pytest.mark.parametrize("turns, query, why", MERGES, ids=[m[2][:30] for m in MERGES])
def test_follow_ups_merge_slots(plan, turns, query, why):
    from kb.qa import Session

    session = Session(plan=plan, strict=True)
    for turn in turns:
        answer = session.ask(turn)
    got = answer.query.to_dict()
    for slot, want in query.items():
        assert got.get(slot) == want, (slot, got)


# ---------------------------------------------------------------- several plans loaded


@pytest.fixture(scope="module")
def several(tmp_path_factory):
    import shutil

    from kb.store import load_plan

    root = Path(__file__).resolve().parent.parent
    folder = tmp_path_factory.mktemp("plans")
    for src in [*(root / "corpus").glob("*.txt"), root / "tests/fixtures/plans/02_nongjihua_guofa2018-42.txt"]:
        shutil.copy(src, folder / src.name)
    return load_plan(str(folder))


def test_with_several_plans_every_item_names_its_plan(several):
    from kb.qa import Session

    answer = Session(plan=several, strict=True).ask("交通局牵头哪些任务")
    titles = {d.id: d.title for d in several.documents}
    assert answer.tasks and all(i.plan == titles[i.task.doc] for i in answer.result.items if i.task)
    assert all(f"〔{titles[t.doc]}〕" in answer.text for t in answer.tasks)


def test_a_question_can_name_the_plan(several):
    from kb.qa import Session

    blue = next(d for d in several.documents if "蓝天" in d.title)
    answer = Session(plan=several, strict=True).ask("在蓝天保卫战方案中哪项任务的配合单位最多")
    assert answer.query.plan == blue.id
    assert [t.label for t in answer.tasks] == ["三（一）4"] and answer.tasks[0].doc == blue.id


def test_another_city_names_the_plans_held(several):
    from kb.qa import Session

    answer = Session(plan=several, strict=True).ask("成都市有哪些任务")
    assert answer.status == "not_in_plan" and answer.tasks == []
    for d in several.documents:
        assert d.title in answer.text


# Abbreviations officials use for a department of the loaded plan: the characters in order,
# same first character and ending; read on the 国发〔2018〕42号 plan (its ministries).
ABBREVIATIONS = [
    ("工信部配合哪些任务", "工业和信息化部"),
    ("交通部配合哪些任务", "交通运输部"),
]


@pytest.mark.parametrize("question, name", ABBREVIATIONS)
def test_abbreviations_read_as_the_plans_department(question, name):
    from kb.qa import Session
    from kb.store import load_plan

    plan = load_plan(str(Path(__file__).parent / "fixtures" / "plans" / "02_nongjihua_guofa2018-42.txt"))
    if name not in plan.departments():
        pytest.fail(f"the parser no longer reads {name} from the plan")
    query = Session(plan=plan, strict=True).read_query(question)
    assert [d.name for d in query.departments] == [name]


def test_the_answer_quotes_the_question_as_asked(plan):
    from kb.qa import Session

    answer = Session(plan=plan, strict=True).ask("交通運輸局牽頭哪些任務")
    assert answer.question == "交通運輸局牽頭哪些任務"  # read in simplified form, quoted as typed
    assert [t.label for t in answer.tasks] == [t.label for t in plan.tasks_of("市交通运输局", "lead")]
