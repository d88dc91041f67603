"""Fresh questions and honesty questions (issue #11) through kb.qa.Session, scored.

The rows live in tests/fixtures/questions_fresh.yaml (answers counted by hand from the plan
texts, written before kb was run on them) and tests/fixtures/questions_honesty.yaml
(questions an honest answer lists no task for).  The checking rules are those of
tests/fixtures/score_fresh.py (see its docstring), so the test and the script agree.

Rows that fail on today's code are listed in KNOWN_FAILURES and run as strict xfail: such a
row that starts passing fails the test ("XPASS(strict)") until its id is removed from the
list, so the list only shrinks as kb/qa learns.  An exception raised by kb is never an
expected failure.  At the end a score line is printed ("fresh questions: N passed of M").

    .venv/bin/python -m pytest -q tests/test_qa_fresh.py              # every row
    .venv/bin/python -m pytest -q tests/test_qa_fresh.py -k "zg-"     # the bundled plan's rows
    .venv/bin/python -m pytest -q tests/test_qa_fresh.py -k "nj- or rc- or all-"  # shared plans
    .venv/bin/python -m pytest -q tests/test_qa_fresh.py -k honesty   # the honesty file
    .venv/bin/python tests/fixtures/score_fresh.py --failures        # N passed of M per file/plan
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("score_fresh", Path(__file__).parent / "fixtures" / "score_fresh.py")
score_fresh = importlib.util.module_from_spec(_spec)
sys.modules["score_fresh"] = score_fresh  # dataclasses look their module up there
_spec.loader.exec_module(score_fresh)

KNOWN_FAILURES: set[str] = {
    "nj-synonym-yanghang",
    # questions_values.yaml (session 7): 买早饭方便的事 — 买 and 方便 around the topic word are no words of the plan
    "v7-sj-breakfast",
    # questions_refusals.yaml (honesty helper, session 7), rows written before the mechanisms; still failing:
    # (c-value-gd-preparation-fee passes since session 11: a value asked whose topic names no target quotes the clause
    # stating it — 区级财政安排4000万元重大项目前期费 — before any list of the tasks holding the words)
    # questions_values.yaml (session 8), rows written before the mechanisms; shapes not built yet:
    "v8-pt-year-follow-up",  # …面积达到海绵城市…比例是多少: 40%以上面积达到… is read as no target (the first turn fails already)
    # questions_values.yaml (session 9 audit, a9-*), written before kb was run on the two plans; still failing:
    "a9-jy-mohrss-lead",  # 国发〔2018〕39号's 列第一位者为牵头单位，下同 is not applied to lists ending 按职责分工负责 (roles.py: convention)
    "a9-jy-mof-lead",  # the same note: （十一）财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责 → 财政部 leads
    "a9-yl-cherry",  # 樱花要种植多少棵: 棵 is no value unit and 樱花 two characters: not_understood, not not_in_plan
}
"""Ids of rows kb does not answer as expected yet (strict xfail; remove an id once it passes)."""


def _params():
    params = []
    for name in score_fresh.FILES:
        plans, rows = score_fresh.load_rows(name)
        kind = name.removeprefix("questions_").removesuffix(".yaml")
        for row in rows:
            marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason="known failure (KNOWN_FAILURES)")] if row.id in KNOWN_FAILURES else []
            params.append(pytest.param(row, plans, id=f"{kind}-{row.id}", marks=marks))
    return params


PARAMS = _params()
_RESULTS: dict[str, bool] = {}


def test_known_failures_name_rows():
    """Every id of KNOWN_FAILURES is a row of the files (a renamed row cannot hide)."""
    ids = {p.values[0].id for p in PARAMS}
    assert KNOWN_FAILURES <= ids, sorted(KNOWN_FAILURES - ids)


def test_files_are_large_enough():
    """The issue asks for ≥ 100 fresh questions (≥ 50 bundled, ≥ 30 per shared plan) and ≥ 30 honesty rows."""
    fresh = [p.values[0] for p in PARAMS if p.values[0].file == "questions_fresh.yaml"]
    honesty = [p.values[0] for p in PARAMS if p.values[0].file == "questions_honesty.yaml"]
    assert len(fresh) >= 110 and len(honesty) >= 35
    for alias, least in (("zigong", 50), ("nongji", 30), ("rencai", 30)):
        assert sum(r.plans == (alias,) for r in fresh) >= least, alias


@pytest.fixture(scope="module")
def runner(request):
    """One Runner (plans parsed once per combination); records the score line for the summary."""
    r = score_fresh.Runner()
    yield r
    r.close()
    if _RESULTS:
        # Printed by pytest_terminal_summary in tests/conftest.py (output of a teardown is captured).
        line = f"fresh questions: {sum(_RESULTS.values())} passed of {len(_RESULTS)} (tests/fixtures/score_fresh.py: per file and plan)"
        request.config.kb_score_lines = [*getattr(request.config, "kb_score_lines", []), line]


@pytest.mark.parametrize(("row", "plans"), PARAMS)
def test_row(row, plans, runner):
    answer = runner.ask(row, plans)
    problems = score_fresh.check(answer, row, plans)
    _RESULTS[row.id] = not problems
    assert not problems, f"{' / '.join(row.turns)[:200]!r}: {'; '.join(problems)} | kb: {score_fresh.summarize(answer)}"
