"""An answer scoped to one document of a file holding several (在行动计划中… / 若干政策里… : Query.division) names that
document by its own kind word where the answer speaks of "the plan" (方案的量化目标共 1 项 → 行动计划的量化目标共 1 项):
the file's other document is no part of what was counted.  Answers over the whole file, and lines that do not open
with 方案, are unchanged.  Rows written before the code (docs3, session 16)."""

import sys
from pathlib import Path

import pytest

from kb.qa import Session
from kb.store import load_plan

sys.path.insert(0, str(Path(__file__).parent))
from test_docs_policy_items import NOTICE, PLAN, POLICY  # noqa: E402

# (question, the answer's first line opens with, it must not open with, why)
CASES = [
    ("在行动计划中有哪些量化目标", "行动计划的量化目标共 1 项", "方案", "scoped to the action plan: its kind word, its one target"),
    ("在若干政策中有哪些量化目标", "若干政策的", "方案", "scoped to the policy: 若干政策"),
    ("有哪些量化目标", "方案的量化目标共", "行动计划", "the whole file asked: 方案, as before"),
    ("在若干政策中市工业和信息化局牵头哪些任务", "市工业和信息化局牵头的任务共 2 项", "方案", "a line opening with a department: unchanged"),
]


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    d = tmp_path_factory.mktemp("two")
    (d / "two.txt").write_text(NOTICE + POLICY + PLAN, encoding="utf-8")
    return load_plan(corpus=str(d))


@pytest.mark.parametrize("question, opens, not_opens, why", CASES, ids=[c[3][:40] for c in CASES])
def test_scoped_wording(plan, question, opens, not_opens, why):
    first = Session(plan=plan, strict=True).ask(question).text.splitlines()[0]
    assert first.startswith(opens), (first, why)
    assert not first.startswith(not_opens), (first, why)
