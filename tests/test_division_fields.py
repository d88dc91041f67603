"""Divisions a plan writes only in a table's 处室 columns (市住建局内牵头处室: kb.parser.tables keeps them as the task's
fields; sub-units only where the row's unit cells name the bureau).  A question naming such a division — alone, or
after a unit kb knows — is never answered "the plan gives it no task": the plan writes it, kb did not read a role for
it (kb.qa.exec_departments._unassigned, ``written_division``).  Decision: README "Internal divisions".

The own plan below is written for these tests (a 任务分工表 whose row 3 is merged into body item 3, so its cells live
only in that paragraph's fields, as plan 89's rows do); expectations were written before the code ran.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

PLAN = "\n".join([
    "某市农村住房安全提升工作方案", "", "一、主要任务", "",
    "1.开展危房排查。全面排查农村危房。", "",
    "2.推进危房改造。按年度完成改造任务。", "",
    "3.完善档案管理。建立农房档案。", "",
    "附件", "", "任务分工表",
    "序号\t重点任务\t牵头单位\t配合单位\t市住建局内牵头处室\t市住建局内配合处室",
    "1\t开展危房排查\t各区政府\t市住建局\t村镇建设处\t质量安全处",
    "2\t推进危房改造\t市住建局\t市财政局\t村镇建设处、计划财务处\t/",
    "3\t完善档案管理\t各区政府\t市财政局\t城建档案处\t/",
    "4\t加强宣传引导\t各区政府\t市财政局\t办公室\t科技处", ""])

# (question, status, first sentence, labels shown apart (related), labels answered (tasks), why)
ROWS = [
    ("城建档案处牵头哪些任务", "not_in_plan", "kb 没有读到城建档案处牵头的任务。", ["一3"], [],
     "a division written only in the cell of a row merged into body item 3: written, never 方案没有给"),
    ("科技处配合哪些任务", "not_in_plan", "kb 没有读到科技处配合的任务。", ["附件-4"], [],
     "a division in a row read as its own task (its cells searched): as before"),
    ("市住建局城建档案处牵头哪几项", "not_in_plan", "kb 没有读到市住建局城建档案处牵头的任务。", ["一3"], [],
     "a bureau + a division the plan writes but kb holds no role for: the name asked whole, never the bureau's list"),
    ("市财政局城建档案处牵头哪几项", "not_in_plan", "kb 没有读到市财政局城建档案处牵头的任务。", ["一3"], [],
     "another unit of the plan + that division: the same (written in parts)"),
    ("市财政局预算处牵头哪几项", "not_in_plan", "方案没有给“市财政局预算处”分配任务，共 0 项。", [], [],
     "a division written nowhere, after a unit: the plan gives that name nothing (before: 市财政局's roles answered)"),
    ("市住建局村镇建设处牵头哪几项", "answered", "村镇建设处（市住建局）牵头的任务共 1 项：", [], ["一2"],
     "a division the plan gives as the bureau's sub-unit: answered, as before"),
    ("村镇建设处牵头哪些任务", "answered", "村镇建设处（市住建局）牵头的任务共 1 项：", [], ["一2"],
     "the bureau named by the row: its divisions are its sub-units with its role (session 10), unchanged"),
]


def _session(text: str, name: str) -> Session:
    doc, tasks = parse_document(text, name, f"{name}.txt")
    return Session(plan=Plan([doc], tasks), strict=True)


@pytest.mark.parametrize(("question", "status", "first", "related", "labels", "why"), ROWS, ids=[r[0] for r in ROWS])
def test_division_in_cells(question, status, first, related, labels, why):
    answer = _session(PLAN, "zj").ask(question)
    assert answer.status == status, (why, answer.text)
    assert answer.text.startswith(first), (why, answer.text)
    assert [t.label for t in answer.related or []] == related, (why, answer.text)
    assert [t.label for t in answer.tasks or []] == labels, (why, answer.text)
    if not first.startswith("方案没有给"):
        assert "方案没有给" not in answer.text, (why, answer.text)


PLAN_89 = Path(__file__).parent / "fixtures" / "plans" / "89_guangzhou_jiatingyisheng_2023.txt"


def test_plan_89_division_asked_with_its_bureau():
    """穗卫函〔2023〕1930号: 附件2 row 11 (二（二）7 加强中医药服务) has 市卫健委内牵头处室 = 中医药处; its cells live in the
    body paragraph's fields.  Before: 方案没有给“市卫健委中医药处”分配任务，共 0 项 (false); after the honesty step, kb 没有读到…
    with 二（二）7 apart; now (the header's 市卫健委 read as the cells' 市卫生健康委) answered."""
    answer = _session(PLAN_89.read_text(encoding="utf-8"), "gz89").ask("市卫健委中医药处牵头哪几项？")
    assert answer.text.startswith("中医药处（市卫生健康委）牵头的任务共 1 项："), answer.text
    assert [t.label for t in answer.tasks] == ["二（二）7"], answer.text


# (name asked, division found in the plan's writing, why) — kb.qa.exec_departments.written_division
PARTS = [
    ("市住建局城建档案处", "城建档案处", "a unit the plan names + a division written only in a merged row's cell"),
    ("城建档案处", "城建档案处", "a division alone"),
    ("市财政局科技处", "科技处", "any unit kb knows + a division the plan writes"),
    ("市财政局预算处", None, "预算处 written nowhere"),
    ("市农业局城建档案处", None, "市农业局: neither the plan's nor written in it (the bundled registry may know it — not here)"),
    ("市住建局", None, "no division ending"),
    ("各处室", None, "a group word, no division"),
]


@pytest.mark.parametrize(("name", "division", "why"), PARTS, ids=[p[0] for p in PARTS])
def test_written_division(name, division, why):
    from kb.qa.exec_departments import written_division
    from kb.qa.text import fold

    doc, tasks = parse_document(PLAN, "zj", "zj.txt")
    assert written_division(Plan([doc], tasks), name, fold) == division, why


# (question, first sentence, labels, why) — kb.qa.question: a name shaped like a division is read whole; plan 89's
# 中医药处 is 市卫生健康委's division on its rows (test_plan_89_division_of_the_commission)
READ = [
    ("中医药处牵头哪几项", "中医药处（市卫生健康委）牵头的任务共 1 项：", ["二（二）7"],
     "中 opens the name (a stopword, no particle): before, 医药处"),
    ("中医药处的任务有哪些", "中医药处（市卫生健康委）涉及的任务共 3 项", ["二（一）2", "二（二）1", "二（二）7"],
     "the same, before 的: every role"),
    ("市卫健委中医药处牵头哪几项？", "中医药处（市卫生健康委）牵头的任务共 1 项：", ["二（二）7"],
     "a unit's short name + its division: the division (before: 方案没有给…, false)"),
]


@pytest.mark.parametrize(("question", "first", "labels", "why"), READ, ids=[r[0] for r in READ])
def test_division_name_read_whole(question, first, labels, why):
    answer = _session(PLAN_89.read_text(encoding="utf-8"), "gz89").ask(question)
    assert answer.text.startswith(first), (why, answer.text)
    assert sorted(t.label for t in answer.tasks) == sorted(labels), (why, answer.text)


# (short name, full name, True when the short one shortens the full one, why) — kb.registry.shortens
SHORTENS = [
    ("市卫健委", "市卫生健康委", True, "卫生健康 → 卫健: same first and last character, characters in order"),
    ("市住建局", "市住房和城乡建设局", True, "和/城乡 dropped"),
    ("市卫健委", "市卫生健康委员会", False, "another ending (委员会): not this rule"),
    ("市财委", "市财政局", False, "last characters differ"),
    ("市委", "市卫生健康委", False, "two characters: too short to tell"),
    ("市卫生健康委", "市卫生健康委", False, "the same name is no short one"),
    ("区卫健委", "市卫生健康委", False, "another level"),
]


@pytest.mark.parametrize(("short", "full", "expected", "why"), SHORTENS, ids=[s[0] + "|" + s[1] for s in SHORTENS])
def test_shortens(short, full, expected, why):
    from kb.registry import shortens

    assert shortens(short, full) is expected, why


# A header naming the bureau by its short name (市住建局内…处室) beside unit cells writing its full name: the divisions
# are the bureau's sub-units all the same (session 10's rule, README "Internal divisions").
SHORT_HEADER = "\n".join([
    "某市农村住房安全提升工作方案", "", "任务分工表",
    "序号\t重点任务\t牵头单位\t配合单位\t市住建局内牵头处室\t市住建局内配合处室",
    "1\t开展危房排查\t各区政府\t市住房和城乡建设局\t村镇建设处\t质量安全处",
    "2\t推进危房改造\t市住房和城乡建设局\t市财政局\t村镇建设处\t/", ""])


def test_short_header_names_the_bureau():
    doc, tasks = parse_document(SHORT_HEADER, "zj2", "zj2.txt")
    assert [t.subunits for t in tasks if t.lead or t.support] == [{"市住房和城乡建设局": ["村镇建设处", "质量安全处"]},
                                           {"市住房和城乡建设局": ["村镇建设处"]}]


def test_plan_89_division_of_the_commission():
    """Plan 89's header says 市卫健委, its unit cells 市卫生健康委: 中医药处 leads 二（二）7 (the row 市卫生健康委 leads, its
    牵头处室 cell 中医药处) and supports 二（一）2, 二（二）1 (配合处室 cells where the commission supports)."""
    session = _session(PLAN_89.read_text(encoding="utf-8"), "gz89")
    answer = session.ask("中医药处牵头哪几项")
    assert answer.status == "answered", answer.text
    assert [t.label for t in answer.tasks] == ["二（二）7"], answer.text
    answer = session.ask("中医药处配合哪些任务")
    assert [t.label for t in answer.tasks] == ["二（一）2", "二（二）1"], answer.text
