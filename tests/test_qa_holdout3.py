"""Third holdout set (tests/fixtures/questions_holdout3.yaml) through kb.qa.Session, scored.

154 questions nobody tuned kb on: 100 on three State Council documents new to the repository
(tests/fixtures/plans/11_tiyu…, 12_zongbao…, 13_zimaoqu…: bare lists with no lead rule and
mid-paragraph tags; a first-is-lead rule after a comma; labelled `负责部门：…；适用范围：…` tags),
4 of them with the three loaded together; 22 on the bundled plan and the two shared plans in new
wordings; 32 out of scope, injections or about something the plan does not hold.  Their answers
were counted by hand from the plan texts and committed on their own (in /work/coord/holdout3's
git history, commit "holdout questions 3: …") before kb was run on any of them, so the score
measures how kb's question reading generalises.  Do not tune kb on these rows: a fix should
come from a mechanism and show up here as an XPASS.

A row passes when, for the answer to its question (the last turn of a conversation):

- ``Answer.status`` equals the expected status (a list: any of them — only for input with no
  reading at all, where not_understood and not_in_plan are both honest);
- the set of the answer's own items (``Answer.tasks``) equals the expected set exactly, when
  the row gives ``items`` (on the bundled plan an item is its label, ``三（一）2`` or ``二``; on
  the other plans a prefix of a task's text after its marker, or of its title, both
  NFKC-folded with spaces and quotes removed; every expected prefix must match exactly one
  answered task and every answered task must match an expected prefix);
- ``Answer.departments`` equals the expected set exactly, when the row gives ``departments``;
- ``Answer.text`` contains every expected value, when the row gives ``values`` (``a|b``: either
  form; compared NFKC-folded without spaces).

Rows kb fails today are in KNOWN_FAILURES, run as strict xfail: a row that starts passing fails
the test until its id is removed, so the list only shrinks.  An exception raised by kb is never
an expected failure.  The score per plan and per shape, with every failing row:

    .venv/bin/python tests/test_qa_holdout3.py            # add --markdown for a report
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
FIXTURE = ROOT / "tests" / "fixtures" / "questions_holdout3.yaml"
STATUSES = {"answered", "not_in_plan", "not_understood", "ask_back"}
SHAPES = {
    "dept_role", "who", "when", "value", "count", "rank_tasks", "dept_set", "structure", "fenbie",
    "earliest_latest", "no_deadline", "follow_up", "meta", "topic", "multi_plan", "out_of_scope",
}
ROW_KEYS = {"id", "corpus", "question", "turns", "shape", "expect", "why"}
EXPECT_KEYS = {"status", "items", "count", "values", "departments"}

KNOWN_FAILURES: set[str] = {
    # measured on main 7fb181e (2026-12-06), 118 / 154; on main 9c25414 119 / 154 (out-zb-hainan passes;
    # ty-part-five-tasks now lists the closing exhortation, no longer the signature); the parser reads all three new plans right (21 / 21 / 53
    # tasks, zongbao's comma rule, ziyou's 适用范围 fields, tiyu's mid-paragraph tags): these are qa
    # --- a role or a date no task of the plan gives: honest text (共 0 项), status answered, not not_in_plan
    # (ty-lead-absent, zm-lead-absent pass since the lead's roles_given fix, made from this list of causes)
    "zb-deadline-absent",  # 哪些任务有完成时限: 共 0 项 (answered)
    "out-zb-year-2020",  # 2020年前要完成哪些任务: 共 0 项 (answered)
    "ty-when-absent",  # 深化国际合作这项什么时候完成: answered with the task, text 深化国际合作、这没有规定明确时限 (这项 leaks)
    # --- the 适用范围 field (Task.fields) is not searched: a fluent "no such item"
    "zm-scope-fujian",  # not_in_plan; five measures carry 适用范围：福建自贸试验区
    "zm-scope-shaanxi",  # not_in_plan
    "zm-scope-zhejiang",  # not_in_plan
    "zm-follow-caac-shaanxi",  # 其中适用于陕西自贸试验区的呢: not_in_plan
    # --- plan-level item numbers and other nouns for items (条, 措施)
    "zb-item-number-ten",  # 第10条讲的是什么: an ordinal is read only into the previous answer -> the empty-input hint
    "zm-item-22",  # 第二十二条措施说的是什么: the same
    "out-zm-item-60",  # 第六十条措施是什么: the empty-input hint (not_understood) instead of not_in_plan
    "zm-rank-most-departments",  # 哪条措施的负责部门最多: not_understood (哪项任务的… is answered right)
    # --- parts and sections named loosely
    "ty-count-part-three",  # 壮大市场主体那部分有几项任务: not_in_plan (那部分 kept in the topic)
    "nj-count-talent-part",  # 农机人才培养这部分有几条: not_in_plan (这部分 kept in the topic)
    "zb-section-three-tasks",  # 主要任务第三节有哪些: all 21 items of 四
    "out-zb-section-eight",  # 主要任务的第八节是什么: all 21 items of 四 instead of not_in_plan
    "ty-part-five-tasks",  # 第五部分包括哪些任务: adds the closing paragraph and the signature line 国务院办公厅2018年12月11日
    # --- role, department and plan reading
    "zb-who-lead-tax",  # 税务总局是哪个任务的牵头部门: all three of its tasks, grouped by role
    "ty-ask-back-zongju",  # 总局负责哪些任务: not_understood; 总局 ends three names (ask back)
    "multi-named-zongbao-drug",  # 在综合保税区的意见里: the plan is not named by 意见 (only 方案); ziyou's three added
    "multi-list-loaded",  # 现在能查哪几个文件: not_in_plan
    # --- topics, values and dates
    "zm-who-parallel-import",  # 汽车平行进口的事归谁管: only （二十五）; （十九）'s title holds it too
    "zm-value-patent-shareholders",  # 最多占多少 (五分之一): not_understood, the right item only under 相关条目
    "zg-who-tomb-sweeping",  # 清明上坟烧纸: not_in_plan (everyday words for 文明祭祀 / 丧葬制品)
    "zg-when-china6",  # 国六排放标准从什么时候开始实施: not_in_plan, read as a value of 国六排放标准开始
    # --- follow-ups
    "zg-follow-straw-support",  # 配合的是谁 after 秸秆综合利用谁牵头: keeps 三（五）3 (秸秆禁烧)
    "nj-follow-samr-support",  # 配合单位有哪些 after 市场监管总局牵头哪项: a plan-wide ranking of supporters, no task
    # --- out of scope answered as if the plan held it (partial words)
    "out-ty-qatar",  # 卡塔尔世界杯的转播权: answered （十六）打造发展平台
    "out-zb-yangshan",  # 洋山特殊综合保税区: answered 21 推广创新制度
    "out-rc-beijing",  # 北京的海外人才引进政策谁牵头: answered 市留交办 (32) - another city
    "out-zg-current-pm25",  # 现在的PM2.5浓度: answered with the 2020 targets (二)
    "out-zg-carbon-neutral",  # 碳中和: answered with the CO2 intensity target (二)
    # --- out of scope, honest but another status
    "out-zb-how-many",  # not_understood (related entries apart) instead of not_in_plan
    "out-zm-expiry",  # 这些措施什么时候到期: ask_back (这些) instead of not_in_plan
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
    folder = tempfile.TemporaryDirectory(prefix="kb-holdout3-")
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


def _task_item(task, prefixes: list[str], by_label: bool) -> str:
    if by_label:
        return task.label
    texts = [fold(_MARKER.sub("", task.text or "")), fold(task.title or "")]
    hits = [p for p in prefixes if any(t.startswith(fold(p)) for t in texts if t)]
    if len(hits) == 1:
        return hits[0]
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
def test_holdout3_row(row):
    outcome = run_row(row)
    _results[row["id"]] = outcome.ok
    assert outcome.ok, f"{question_of(row)}: got {'; '.join(outcome.problems)}; expected {describe_expectation(row['expect'])}"


def test_known_failures_name_rows():
    assert KNOWN_FAILURES <= {row["id"] for row in ROWS}


def test_zz_score(capsys):
    ran = f" ({len(_results)} of {len(ROWS)} rows run)" if len(_results) < len(ROWS) else ""
    with capsys.disabled():
        print(f"\nholdout questions 3: {sum(_results.values())} passed of {len(ROWS)}{ran}")


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
    print(f"holdout questions 3: {total} passed of {len(ROWS)}")
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

    os.environ["KB_CACHE_DIR"] = tempfile.mkdtemp(prefix="kb-holdout3-cache-")
    main(sys.argv[1:])
