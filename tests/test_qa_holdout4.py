"""Fourth holdout set (tests/fixtures/questions_holdout4.yaml) through kb.qa.Session, scored.

140 questions nobody tuned kb on: 97 on three LOCAL plans new to the repository (Shanghai district
documents, tests/fixtures/plans/21_songjiang…, 22_huangpu…, 23_baoshan…: labelled tags with a new
support label `支撑单位`; `责任单位` lines on their own line after a heading and a body, with no lead;
untagged prose plus a task table flattened one cell a line, with 牵头部门 / 配合部门 / 时间节点
columns), 4 of them with the three loaded together; 11 on the bundled plan in new wordings; 32 out
of scope, injections, nonsense or about something the plan does not hold.  Their answers were
counted by hand from the plan texts and committed on their own (in /work/coord/holdout4's git
history, commit "holdout questions 4: …") before kb was run on any of them, so the score measures
how kb's plan reading and question reading generalise.  Do not tune kb on these rows: a fix should
come from a mechanism and show up here as an XPASS.

A row passes when, for the answer to its question (the last turn of a conversation):

- ``Answer.status`` equals the expected status (a list: any of them — only for input with no
  reading at all, where not_understood and not_in_plan are both honest);
- the set of the answer's own items (``Answer.tasks``) equals the expected set exactly, when the
  row gives ``items`` (on the bundled plan an item is its label, ``三（一）2``; on the other plans a
  prefix of a task's text after its marker, or of its title, NFKC-folded with spaces and quotes
  removed; ``A|B`` gives alternative prefixes of one task; when no prefix starts a task's text or
  title, a prefix standing within the first 40 characters of its text names it - a table row read
  with its 序号 or 任务名称 cell in front; every expected item must match exactly one answered task
  and every answered task must match an expected item);
- ``Answer.departments`` equals the expected set exactly, when the row gives ``departments``;
- ``Answer.text`` contains every expected value, when the row gives ``values`` (``a|b``: either
  form; compared NFKC-folded without spaces).

Rows kb fails today are in KNOWN_FAILURES, run as strict xfail: a row that starts passing fails
the test until its id is removed, so the list only shrinks.  An exception raised by kb is never
an expected failure.  The score per plan and per shape, with every failing row:

    .venv/bin/python tests/test_qa_holdout4.py            # add --markdown for a report
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "questions_holdout4.yaml"
STATUSES = {"answered", "not_in_plan", "not_understood", "ask_back"}
SHAPES = {
    "dept_role", "who", "when", "value", "count", "rank_tasks", "dept_set", "structure", "fenbie",
    "earliest_latest", "no_deadline", "follow_up", "meta", "topic", "multi_plan", "out_of_scope",
}
ROW_KEYS = {"id", "corpus", "question", "turns", "shape", "expect", "why"}
EXPECT_KEYS = {"status", "items", "count", "values", "departments"}
CONTAINS_WINDOW = 40
"""A prefix found no later than this many characters into a task's folded text names the task
(only when no prefix starts it): a flattened table row may begin with its 序号 or 任务名称 cell."""

KNOWN_FAILURES: set[str] = {
    # measured on main 58bbb85 (2026-12-06 12:50 UTC): 80 of 140 pass; 87 after the lead's two mechanism
    # fixes made from this set's causes (支撑单位 as a support label; a role no task gives is not_in_plan):
    # hp-follow-lead-absent, hp-lead-absent, multi-economy-lead, sj-any-planning, sj-count-economy-lead, sj-traditional-economy, sj-who-old-house-lead pass since, no longer blind
    # --- plan reading (kb/parser): baoshan's task table, flattened one cell a line (序号/任务名称/任务内容/牵头部门/配合部门/时间节点), is not read as rows - cells merge into paragraphs with no roles and the plan is reported as having no tags
    "bs-any-culture-short",
    "bs-any-finance",
    "bs-any-market-regulation",
    "bs-any-propaganda",
    "bs-count-greening-all",
    "bs-count-greening-support",
    "bs-count-source-reduction",
    "bs-earliest",
    "bs-follow-support",
    "bs-follow-when",
    "bs-lead-civil-affairs",
    "bs-lead-organisation-dept",
    "bs-lead-post",
    "bs-lead-urban-mgmt-short",
    "bs-rank-most-support",
    "bs-section-enforcement",
    "bs-support-civil-affairs",
    "bs-traditional-commerce",
    "bs-two-depts-lead",
    "bs-value-cleaners",
    "bs-when-june",
    "bs-when-mobilisation",
    "bs-when-rural-coverage",
    "bs-who-express-packaging",
    "bs-who-hotels-colloquial",
    "bs-who-mobilisation",
    "bs-who-supervisors",
    "multi-finance",
    # --- plan reading (kb/parser): songjiang's `支撑单位：` label is unknown - the supporters are read as leads, the first one named `支撑单位：区X`
    "sj-rank-with-support",
    "sj-follow-support-of-task",
    # --- short names not derived from the plan's names: 房管局 (区住房保障房屋管理局), 文旅局 (区文化旅游局), 发改委 (区发展改革委), 财政局 beside another name (区财政局)
    "sj-any-housing-short",
    "sj-support-culture-short",
    "hp-count-ndrc-short",
    "hp-two-depts-invest-finance",
    # --- a role or a date no task gives: 共 0 项 with status answered instead of not_in_plan
    "sj-deadline-absent",
    # --- question shapes not read (not_understood / not_in_plan to a well-formed question)
    "sj-value-sponge",
    "sj-fenbie-pipes",
    "sj-count-total",
    "sj-structure-six-actions",
    "sj-item-number-13",
    "sj-meta-date",
    "hp-meta-date",
    "hp-topic-campus-pv",
    "bs-value-wet-trucks",
    "multi-list-loaded",
    # --- out of scope answered as if the plan held it
    "out-hp-task-twelve",
    "out-hp-hydrogen",
    "out-zg-section-seven",
    "out-multi-jiading-sponge",
    # --- out of scope, honest in substance but another status (not_understood instead of not_in_plan)
    "out-sj-budget",
    "out-sj-item-30",
    "out-bs-row-45",
    "out-bs-battery",
}
"""Ids of rows kb does not answer as expected yet (strict xfail; remove an id once it passes)."""

_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")
_NOISE = re.compile(r"[\s\"'“”‘’「」『』]")


def fold(text: str) -> str:
    """NFKC, no spaces, no quotes: the form prefixes, task texts and values are compared in."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text or ""))


@dataclass(slots=True)
class Outcome:
    """What kb answered to one row, and whether it is what the row expects."""

    status: str
    """The answer's status."""
    items: list[str]
    """The answered items as the row names them (labels, or matched prefixes; ``?…`` for a task no prefix names)."""
    departments: list[str]
    """Answer.departments."""
    problems: list[str]
    """What differs from the expectation (empty when the row passes)."""

    @property
    def ok(self) -> bool:
        """Every checked part as expected."""
        return not self.problems


def load_rows() -> dict:
    """The fixture, validated: keys known, ids unique, corpora known, statuses and shapes known,
    counts consistent, every row checks something beyond its status."""
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert data["version"] == 1
    ids = set()
    for row in data["questions"]:
        assert set(row) <= ROW_KEYS, row["id"]
        assert row["id"] not in ids, row["id"]
        ids.add(row["id"])
        corpora = row["corpus"] if isinstance(row["corpus"], list) else [row["corpus"]]
        assert corpora and set(corpora) <= set(data["plans"]), row["id"]
        assert ("question" in row) != ("turns" in row), row["id"]
        assert row["shape"] in SHAPES, row["id"]
        expect = row["expect"]
        assert set(expect) <= EXPECT_KEYS, row["id"]
        statuses = expect["status"] if isinstance(expect["status"], list) else [expect["status"]]
        assert statuses and set(statuses) <= STATUSES, row["id"]
        assert "items" in expect or expect.get("values") or expect.get("departments"), row["id"]
        items = expect.get("items", [])
        assert len(set(items)) == len(items), row["id"]
        if "count" in expect:
            assert expect["count"] == len(items), row["id"]
        assert row.get("why"), row["id"]
    return data


DATA = load_rows()
ROWS = DATA["questions"]


_FOLDERS: list[tempfile.TemporaryDirectory] = []


@cache
def plan_for(corpus: str | tuple[str, ...]):
    """The plan of one alias, or the plans of several loaded together from one folder."""
    from kb.store import load_plan

    if isinstance(corpus, str):
        return load_plan(ROOT / DATA["plans"][corpus])
    folder = tempfile.TemporaryDirectory(prefix="kb-holdout4-")
    _FOLDERS.append(folder)
    for alias in corpus:
        shutil.copyfile(ROOT / DATA["plans"][alias], Path(folder.name) / Path(DATA["plans"][alias]).name)
    return load_plan(folder.name)


def corpus_key(row: dict) -> str | tuple[str, ...]:
    return tuple(row["corpus"]) if isinstance(row["corpus"], list) else row["corpus"]


def corpus_name(row: dict) -> str:
    return "+".join(row["corpus"]) if isinstance(row["corpus"], list) else row["corpus"]


def turns_of(row: dict) -> list[str]:
    return list(row["turns"]) if "turns" in row else [row["question"]]


def _alternatives(item: str) -> list[str]:
    return [fold(alt) for alt in item.split("|") if fold(alt)]


def _task_item(task, items: list[str], by_label: bool) -> str:
    """The expected item that names this task: a prefix starting its text or title, else one
    standing within the first CONTAINS_WINDOW characters of its text; the longest if several."""
    if by_label:
        return task.label
    text = fold(_MARKER.sub("", task.text or ""))
    texts = [t for t in (text, fold(task.title or "")) if t]
    hits = [i for i in items if any(t.startswith(a) for a in _alternatives(i) for t in texts)]
    if not hits:
        hits = [i for i in items if any(0 <= text.find(a) < CONTAINS_WINDOW for a in _alternatives(i))]
    if hits:
        return max(hits, key=lambda i: max(len(a) for a in _alternatives(i)))
    return f"?{fold(task.title or task.text)[:16]}"


def item_of(task, row: dict) -> str:
    """The task as the row names it: a label or prefix; ``alias: …`` with several plans loaded."""
    items = row["expect"].get("items", [])
    if not isinstance(row["corpus"], list):
        return _task_item(task, items, row["corpus"] == "zigong")
    stems = {Path(DATA["plans"][alias]).stem: alias for alias in row["corpus"]}
    alias = stems.get(task.doc, f"?{task.doc}")
    own = [i.split(": ", 1)[1] for i in items if i.split(": ", 1)[0] == alias]
    return f"{alias}: {_task_item(task, own, alias == 'zigong')}"


def run_row(row: dict) -> Outcome:
    from kb.qa import Session

    session = Session(plan=plan_for(corpus_key(row)))
    for question in turns_of(row):
        answer = session.ask(question)
    expect = row["expect"]
    got = [item_of(t, row) for t in answer.tasks]
    departments = list(answer.departments or [])
    problems = []
    if answer.status not in (expect["status"] if isinstance(expect["status"], list) else [expect["status"]]):
        problems.append(f"status {answer.status}")
    if "items" in expect and (len(got) != len(set(got)) or set(got) != set(expect["items"])):
        problems.append(f"items {sorted(got)}")
    if "departments" in expect and set(departments) != set(expect["departments"]):
        problems.append(f"departments {sorted(departments)}")
    text = fold(answer.text)
    for value in expect.get("values", []):
        if not any(fold(form) in text for form in value.split("|")):
            problems.append(f"no {value!r} in the text")
    return Outcome(answer.status, got, departments, problems)


def describe_expectation(expect: dict) -> str:
    parts = ["|".join(expect["status"]) if isinstance(expect["status"], list) else expect["status"]]
    if "items" in expect:
        parts.append(str(sorted(expect["items"])))
    if expect.get("departments"):
        parts.append(f"departments {sorted(expect['departments'])}")
    if expect.get("values"):
        parts.append(f"values {expect['values']}")
    return " ".join(parts)


def question_of(row: dict) -> str:
    return " → ".join(turns_of(row))


_results: dict[str, bool] = {}


def _params():
    return [
        pytest.param(row, id=row["id"], marks=[pytest.mark.xfail(strict=True, reason="known holdout failure")] if row["id"] in KNOWN_FAILURES else [])
        for row in ROWS
    ]


@pytest.mark.parametrize("row", _params())
def test_holdout4_row(row):
    outcome = run_row(row)
    _results[row["id"]] = outcome.ok
    assert outcome.ok, f"{question_of(row)}: got {'; '.join(outcome.problems)}; expected {describe_expectation(row['expect'])}"


def test_known_failures_name_rows():
    assert KNOWN_FAILURES <= {row["id"] for row in ROWS}


def test_zz_score(capsys):
    ran = f" ({len(_results)} of {len(ROWS)} rows run)" if len(_results) < len(ROWS) else ""
    with capsys.disabled():
        print(f"\nholdout questions 4: {sum(_results.values())} passed of {len(ROWS)}{ran}")


def main(argv: list[str]) -> None:
    """Score per plan and per shape, then every failing row (question → kb → expected)."""
    markdown = "--markdown" in argv
    per_plan: dict[str, list[int]] = {}
    per_shape: dict[str, list[int]] = {}
    lines = []
    for row in ROWS:
        outcome = run_row(row)
        for table, key in ((per_plan, corpus_name(row)), (per_shape, row["shape"])):
            tally = table.setdefault(key, [0, 0])
            tally[0] += outcome.ok
            tally[1] += 1
        if not outcome.ok:
            items = sorted(outcome.items)
            shown = str(items[:8])[:-1] + (f", …(+{len(items) - 8})]" if len(items) > 8 else "]")
            if row["expect"].get("departments"):
                shown += f" departments {sorted(outcome.departments)}"
            other = "; ".join(p for p in outcome.problems if not p.startswith(("items", "departments")))
            if other:
                shown += f" ({other})"
            lines.append(f"- `{row['id']}` {question_of(row)} → kb: {outcome.status} {shown}; expected: {describe_expectation(row['expect'])}")
    total = sum(t[0] for t in per_plan.values())
    print(f"holdout questions 4: {total} passed of {len(ROWS)}")
    for title, table in (("plan", per_plan), ("shape", per_shape)):
        if markdown:
            print(f"\n| {title} | passed |\n|---|---|")
            for name, (ok, n) in table.items():
                print(f"| {name} | {ok} / {n} |")
        else:
            print(f"per {title}:")
            for name, (ok, n) in table.items():
                print(f"  {name}: {ok}/{n}")
    print("\nfailing rows:" if not markdown else "\nFailing rows:\n")
    print("\n".join(lines))
    failing = sorted(row["id"] for row in ROWS if any(line.startswith(f"- `{row['id']}`") for line in lines))
    print("\nKNOWN_FAILURES = {\n" + "".join(f'    "{i}",\n' for i in failing) + "}")


if __name__ == "__main__":
    # A private cache, as tests/conftest.py gives pytest: the user's cache may be rebuilt under
    # the run by another kb version (a plan then loads half-written and a row fails by chance).
    import os

    os.environ["KB_CACHE_DIR"] = tempfile.mkdtemp(prefix="kb-holdout4-cache-")
    main(sys.argv[1:])
