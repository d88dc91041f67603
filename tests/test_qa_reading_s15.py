"""Question reading, session 15: tests/fixtures/qa/reading_s15.yaml (其中第N个方面 over the sections just listed, 由谁+
verb from a list of doer verbs, 不是牵头而是配合 of one unit, the other-role list numbered by items, out-of-scope nouns of
a unit kept).  Each row: a plan, a question or a conversation, the Query slots, then what the answer must and must not
say — and why (rows written before the mechanisms; figures read by hand from the plans).  Bad input rows below."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plan_sessions import plan_loader

ROOT = Path(__file__).resolve().parent.parent
DATA = yaml.safe_load((ROOT / "tests/fixtures/qa/reading_s15.yaml").read_text(encoding="utf-8"))
assert DATA["version"] == 1
PLANS = {alias: None if path is None else (Path(path) if path.startswith("/") else ROOT / path)
         for alias, path in DATA["plans"].items()}
ROWS = DATA["rows"]

plan_of = plan_loader(PLANS)


def _id(row: dict) -> str:
    return f"{row['plan']}:{row.get('q') or ' / '.join(row['turns'])}"


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_reading_s15(row):
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
    assert all(r.get("why") and r["plan"] in PLANS and (r.get("q") or r.get("turns")) for r in ROWS)


#: Bad input asked after an outline answer (the conversation holds listed sections): each answered plainly — a status,
#: one printable text, no traceback — and never read as 第N个方面 of the list.
BAD = [
    ("重点任务" * 2500, "not_understood", "10,000 characters: said too long, never read in part"),
    ("第三个方面\x00\x07\x1b[31m有几项任务", None, "control characters: never echoed raw"),
    ("第二个方面 AND OR NOT (\"*?", None, "Whoosh syntax: no query error"),
    ("第二个方面\udcff\udcfe是什么", None, "invalid UTF-8 (surrogate escapes of a pipe): no UnicodeError"),
    ("", "not_understood", "nothing asked"),
]


@pytest.mark.parametrize("question, status, why", BAD, ids=[b[2][:30] for b in BAD])
def test_bad_input_after_an_outline(question, status, why):
    from kb.qa import Session

    session = Session(plan=plan_of("zigong"), strict=True)
    session.ask("重点任务包括哪几个方面")
    answer = session.ask(question)
    assert answer.text and isinstance(answer.text, str), why
    assert not any(ord(c) < 32 and c not in "\n\t" for c in answer.text), (why, answer.text[:200])
    assert "\udcff" not in answer.text, why
    if status:
        assert answer.status == status, (why, answer.text[:200])
