"""Named sets read once per (plan, noun, doc) from an index of where each noun stands (kb/qa/named_sets.py
``_PlanNouns``): the question's reader and its executor asked ``named_sets`` the same and each read every paragraph of
the plan again.  The index must find exactly what reading each paragraph found: a noun only inside one paragraph (never
across two joined), each way of giving members, one plan of a folder by ``doc``, and a plan whose paragraphs changed.

Plans written for these tests; expected members written by hand before the code (speed: bench/bench_qa.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.qa.named_sets import named_sets
from kb.store import parse_in_memory

DEFINED = "\n".join([
    "某市营商环境改革方案", "", "一、主要任务", "",
    "（一）落实“三项负面清单”，不能新增审批事项，不能增加办事环节，不能提高收费标准。（市发展改革委牵头）", ""]) + "\n"
LISTED = "\n".join([
    "某县试点工作方案", "", "一、工作步骤", "",
    "试点分为准备部署、组织实施、试点总结三个阶段。", ""]) + "\n"
LEAD_IN = "\n".join([
    "某区城市体检工作方案", "", "一、工作内容", "",
    "体检报告主要内容如下：", "", "1.城市发展概况。", "", "2.存在的主要问题。", "", "3.对策建议。", ""]) + "\n"
#: a paragraph ending with the count, the next opening with the noun: no term across the two
SPLIT = "\n".join([
    "某市工作方案", "", "一、主要任务", "",
    "（一）加强监管，落实三项", "", "（二）制度建设，完善考核办法。", ""]) + "\n"

#: (plans, noun, doc index or None, expected (how, members) of each set, why)
ROWS = [
    ([DEFINED], "三项负面清单", None, [("defined", ["不能新增审批事项", "不能增加办事环节", "不能提高收费标准"])],
     "the clauses after the term"),
    ([LISTED], "阶段", None, [("listed", ["准备部署", "组织实施", "试点总结"])], "a plain noun counted in the plan"),
    ([LEAD_IN], "主要内容", None, [("lead_in", ["城市发展概况", "存在的主要问题", "对策建议"])],
     "numbered paragraphs after a lead-in"),
    ([SPLIT], "三项制度", None, [], "the count and the noun stand in two paragraphs: no term"),
    ([DEFINED, LISTED], "阶段", 1, [("listed", ["准备部署", "组织实施", "试点总结"])], "the plan of a folder that writes it"),
    ([DEFINED, LISTED], "阶段", 0, [], "another plan of the folder writes nothing of it"),
]


def _plan(tmp_path, texts):
    paths = []
    for k, text in enumerate(texts):
        path = tmp_path / f"plan{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return parse_in_memory(paths)


@pytest.mark.parametrize(("texts", "noun", "doc", "expected", "why"), ROWS, ids=[f"{r[1]}-{r[2]}" for r in ROWS])
def test_named_sets_from_the_index(tmp_path, texts, noun, doc, expected, why):
    plan = _plan(tmp_path, texts)
    doc_id = plan.documents[doc].id if doc is not None else None
    first = named_sets(plan, noun, doc_id)
    assert [(s.how, s.members) for s in first] == expected, (why, first)
    again = named_sets(plan, noun, doc_id)
    assert [(s.how, s.members) for s in again] == expected, (why, "asked again", again)


def test_a_plan_whose_paragraphs_changed_is_read_again(tmp_path):
    """A plan's list of paragraphs others extend (kb.model.Plan rebuilds its maps then): the sets of the new text."""
    plan = _plan(tmp_path, [SPLIT])
    assert named_sets(plan, "阶段") == []
    plan.tasks.extend(_plan(tmp_path / "more" if (tmp_path / "more").mkdir() is None else tmp_path, [LISTED]).tasks)
    assert [(s.how, s.members) for s in named_sets(plan, "阶段")] == [("listed", ["准备部署", "组织实施", "试点总结"])]
