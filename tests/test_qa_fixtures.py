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
