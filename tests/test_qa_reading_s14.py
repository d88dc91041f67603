"""Question reading, session 14: tests/fixtures/qa/reading_s14.yaml (A以外的B as an exclusion, 由谁+verb answered by the
sentence's passive doer, 其中 after a section listing, X和Y分别… with a unit the plan lacks, counts of an annex's items
named by its title).  Each row: a plan, a question or a conversation, the Query slots, then what the answer must and
must not say — and why (the rows were written before the mechanisms; figures read by hand from the plans)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plan_sessions import plan_loader

ROOT = Path(__file__).resolve().parent.parent
DATA = yaml.safe_load((ROOT / "tests/fixtures/qa/reading_s14.yaml").read_text(encoding="utf-8"))
assert DATA["version"] == 1
PLANS = {alias: None if path is None else (Path(path) if path.startswith("/") else ROOT / path)
         for alias, path in DATA["plans"].items()}
ROWS = DATA["rows"]
FOLDERS = {alias: tuple(members) for alias, members in (DATA.get("folders") or {}).items()}

plan_of = plan_loader(PLANS, FOLDERS)


def _id(row: dict) -> str:
    return f"{row['plan']}:{row.get('q') or ' / '.join(row['turns'])}"


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_reading_s14(row):
    from kb.qa import Session

    session = Session(plan=plan_of(row["plan"]), strict=True)
    turns = row.get("turns") or [row["q"]]
    for turn in turns:
        answer = session.ask(turn)
    got = answer.query.to_dict()
    for slot, want in (row.get("query") or {}).items():
        have = got.get(slot)
        if want in ([], None, False):
            assert not have, (slot, got)
        else:
            assert have == want, (slot, got)
    if row.get("status"):
        assert answer.status == row["status"], answer.text
    for word in row.get("has", []):
        assert str(word) in answer.text, (word, answer.text)
    for word in row.get("has_not", []):
        assert str(word) not in answer.text, (word, answer.text)


def test_every_row_says_why_and_names_a_plan():
    assert len(ROWS) >= 40
    assert all(r.get("why") and (r["plan"] in PLANS or r["plan"] in FOLDERS) and (r.get("q") or r.get("turns"))
               for r in ROWS)
