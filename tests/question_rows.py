"""The YAML question rows of the reading tests (tests/fixtures/qa/reading_s15.yaml … asks_s17.yaml): loaded, turned into
pytest params, and each row checked the same way — a plan, a question or a conversation, the Query slots read, then the
answer's status and what it must and must not say.  One runner for every session's rows (they were four copies)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plan_sessions import plan_loader

ROOT = Path(__file__).resolve().parent.parent


class QuestionRows:
    """One YAML file of rows: ``data`` as read, ``plans`` (alias → path, None the bundled plan), ``rows``, ``plan_of``."""

    __slots__ = ("data", "plans", "rows", "plan_of")

    def __init__(self, name: str) -> None:
        self.data = yaml.safe_load((ROOT / "tests/fixtures/qa" / name).read_text(encoding="utf-8"))
        assert self.data["version"] == 1
        self.plans = {alias: None if path is None else (Path(path) if path.startswith("/") else ROOT / path)
                      for alias, path in self.data["plans"].items()}
        self.rows = self.data["rows"]
        folders = {k: tuple(v) for k, v in (self.data.get("folders") or {}).items()}
        self.plan_of = plan_loader(self.plans, folders)

    def params(self) -> list:
        """Each row a pytest param named by its plan and question; a row with ``xfail`` names a cause still open."""
        return [pytest.param(r, id=row_id(r), marks=[pytest.mark.xfail(reason=r["xfail"], strict=True)]
                             if r.get("xfail") else []) for r in self.rows]

    def incomplete(self, folders: bool = True, question: bool = True) -> list[dict]:
        """The rows that do not say why, name no plan of the file (its ``plans``, or its ``folders`` when ``folders``),
        or, when ``question``, hold no question (``q``) nor turns — every file's own check of its rows."""
        known = set(self.plans) | (set(self.data.get("folders") or {}) if folders else set())
        return [r for r in self.rows
                if not (r.get("why") and r["plan"] in known and (not question or r.get("q") or r.get("turns")))]

    def check(self, row: dict) -> None:
        """Ask the row's question (or its turns in one conversation) and check the Query and the answer."""
        from kb.qa import Session

        session = Session(plan=self.plan_of(row["plan"]), strict=True)
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


def row_id(row: dict) -> str:
    return f"{row['plan']}:{row.get('q') or ' / '.join(row['turns'])}"
