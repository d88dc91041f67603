"""One body under two names in one plan (session 18, prose9): a short form written beside the full name
(市交通局 in one item, 市交通运输局 in others) is one unit when the plan's own names show it — asking either name lists
the items of both, and lists of departments count it once.

The plan shows it when (``kb.registry.same_body_names``): both names have the same level prefix (or none), the short
one's body keeps the full one's first character and its kind (局, 委 — 委员会 as 委), every character of it stands in
the full one in order, the full one does not merely go on after it (市公安局 / 市公安局交警支队: a body under it), and no
other name the plan writes could be what the short form shortens.  Rows (names written, asked, expected twins, why)
written before the code."""

from __future__ import annotations

import pytest

from kb.registry import same_body_names

ROWS = [
    (["市交通运输局", "市交通局"], "市交通局", ["市交通运输局"], "the usual short form, both written: one body"),
    (["市交通运输局", "市交通局"], "市交通运输局", ["市交通局"], "asked by the full name: the short form's items too"),
    (["市发展和改革委员会", "市发展改革委"], "市发展改革委", ["市发展和改革委员会"], "委员会 is shortened 委"),
    (["市卫生健康委员会", "市卫健委"], "市卫生健康委员会", ["市卫健委"], "卫健委"),
    (["县农业农村局", "县农业局"], "县农业局", ["县农业农村局"], "one character dropped from the middle"),
    (["市公安局", "市公安局交警支队"], "市公安局", [], "a body under another (its name goes on after it): two"),
    (["市公安局", "市公安局交通警察局"], "市公安局", [], "likewise, though the kind is the same (局)"),
    (["市城管局", "市城市管理局", "市城乡建设管理局"], "市城管局", [],
     "the short form fits two bodies the plan writes: which one is not shown — none"),
    (["市交通局", "市交通运输局", "市交通执法局"], "市交通局", [], "likewise (交通运输局, 交通执法局)"),
    (["区财政局", "市财政局"], "区财政局", [], "two levels: two bodies"),
    (["市场监管局", "市市场监督管理局"], "市场监管局", [], "a bare name beside a levelled one: its level is not shown"),
    (["区住建局", "区住房和城乡建设管理委员会"], "区住建局", [], "another kind of body (局 / 委): not shown the same"),
    (["市政府", "市政府办公室"], "市政府", [], "the government and its office: two"),
    (["区水务局", "区财政局"], "区水务局", [], "unrelated names"),
    (["市委", "市委员会"], "市委", [], "a body of one character after the level is no short form kb reads"),
    (["经开区", "经济技术开发区"], "经开区", ["经济技术开发区"], "松江 2025 (fixture 21) writes both"),
    (["区级林业部门", "区级林业主管部门"], "区级林业主管部门", ["区级林业部门"], "松江 公益林 2026 (fixture 77) writes both"),
    (["各区、县级市", "各有关区、县级市"], "各区、县级市", [],
     "广州 2012 (fixture 05): every district or the ones concerned — another set, never one body"),
    (["各镇（管委会）", "各街镇（管委会）"], "各镇（管委会）", [], "嘉定 2026 (jdwf): towns, or streets and towns — groups"),
]


@pytest.mark.parametrize("written,asked,expected,why", ROWS, ids=[f"{r[1]}-{len(r[0])}" for r in ROWS])
def test_same_body_names(written, asked, expected, why):
    assert sorted(same_body_names(written, asked)) == sorted(expected), why


PLAN = """某市2025年交通运输工作要点
一、重点任务
（一）推进公交优先。新辟公交线路10条。（市交通运输局牵头，市财政局配合）
（二）优化停车管理。新增公共泊位5000个。（市交通局负责）
（三）加强治超执法。开展联合治超行动。（市公安局交警支队牵头，市交通运输局配合）
（四）提升道路安全。整治事故多发点段20处。（市公安局负责）
"""

#: (question, words the answer holds, words it must not hold, why)
ASKS = [
    ("市交通局有哪些任务", ["共 3 项", "一（一）", "一（二）", "一（三）"], ["一（四）"],
     "asked by the short form: the items written under the full name too"),
    ("市交通运输局有哪些任务", ["共 3 项", "一（二）"], ["一（四）"], "asked by the full name: the short form's item too"),
    ("市交通运输局单独负责哪些任务", ["一（二）"], ["一（一）", "一（四）"], "a role asked: the short form's 负责 item"),
    ("市交通局牵头哪些任务", ["牵头的任务", "共 1 项", "一（一）"], ["一（四）", "一（三）"],
     "a role asked by the short form: the full name's 牵头 (its 单独负责 item said apart, as for any unit)"),
    ("哪些部门牵头", ["市交通运输局：1/1/1/0"], ["市交通局："], "the department list counts the body once, by its full name"),
    ("市公安局有哪些任务", ["共 1 项", "一（四）"], ["一（三）"], "市公安局交警支队 is a body of its own (unchanged)"),
]


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    from plan_sessions import first_question_asker

    return first_question_asker(tmp_path_factory.mktemp("one_body"), {"plan": PLAN}, lambda c: None)


@pytest.mark.parametrize("question,has,has_not,why", ASKS, ids=[a[0] for a in ASKS])
def test_either_name_lists_both(ask, question, has, has_not, why):
    text = ask("plan", question).text
    assert all(w in text for w in has) and not any(w in text for w in has_not), (why, text)


def test_department_list_counts_one_body_once():
    from kb.duties import department_counts
    from kb.model import Plan
    from kb.parser import parse_document

    doc, tasks = parse_document(PLAN, "plan")
    rows = dict(department_counts(Plan(documents=[doc], tasks=tasks)))
    assert "市交通局" not in rows and rows["市交通运输局"]["total"] == 3, rows
    assert rows["市公安局"]["total"] == 1 and rows["市公安局交警支队"]["total"] == 1, rows
