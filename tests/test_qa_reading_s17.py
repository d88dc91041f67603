"""Question reading and answer wording, session 17: tests/fixtures/qa/reading_s17.yaml (a person title such as 负责同志
is no role verb, no literal None in an answer, a batch asked, a yes/no ask of a limit, a unit's sole items in its 牵头
list, every unit of a quoted subject in the heading, the first-is-lead rule asked, how-asks).  Each row: a plan, a
question or a conversation, the Query slots, then what the answer must and must not say — and why (figures read by
hand from the plans); an ``xfail`` row names a cause still open (strict)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plan_sessions import plan_loader

ROOT = Path(__file__).resolve().parent.parent
DATA = yaml.safe_load((ROOT / "tests/fixtures/qa/reading_s17.yaml").read_text(encoding="utf-8"))
assert DATA["version"] == 1
PLANS = {alias: None if path is None else (Path(path) if path.startswith("/") else ROOT / path)
         for alias, path in DATA["plans"].items()}
ROWS = DATA["rows"]

plan_of = plan_loader(PLANS, {k: tuple(v) for k, v in (DATA.get("folders") or {}).items()})


def _id(row: dict) -> str:
    return f"{row['plan']}:{row.get('q') or ' / '.join(row['turns'])}"


def _param(row: dict):
    marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
    return pytest.param(row, id=_id(row), marks=marks)


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_reading_s17(row):
    from kb.qa import Session

    session = Session(plan=plan_of(row["plan"]), strict=True)
    for turn in row.get("turns") or [row["q"]]:
        answer = session.ask(turn)
    got = answer.query.to_dict()
    for slot, want in (row.get("query") or {}).items():
        have = got.get(slot)
        if want in ([], None, False, ""):
            assert not have, (slot, got)
        else:
            assert have == want, (slot, got)
    if row.get("status"):
        assert answer.status == row["status"], answer.text
    if row.get("status_in"):
        assert answer.status in row["status_in"], answer.text
    for word in row.get("has", []):
        assert str(word) in answer.text, (word, answer.text)
    for word in row.get("has_not", []):
        assert str(word) not in answer.text, (word, answer.text)


def test_every_row_says_why_and_names_a_plan():
    assert len(ROWS) >= 40
    assert all(r.get("why") and (r["plan"] in PLANS or r["plan"] in DATA["folders"]) and (r.get("q") or r.get("turns"))
               for r in ROWS)
