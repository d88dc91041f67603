"""附件有几项 on a task table whose rows were linked to the body's items (session 10 matching: a row restating an item
gives the item its roles and is not listed a second time) counts what the official sees in the annex: its rows (and its
序号 where every row's is known), and says how many of them restate items of the body — the items listed in table
order, a body item under its own label (kb.qa.exec_items._annex_rows).  Before, only the rows left in the annex were
counted (5 of the test plan's 7 rows; 11 of the 48 rows of plan 61's table).

Expected values written by hand before the code: the test plan of tests/test_tables_matching.py (its table: rows 2–8,
序号 1 over three sub-rows, 2–5 one row each; rows 5 and 6 restate items 二（一）2 and 二（一）3) and plan 61's 附表1 (48
rows, 序号1–48, README of tests/fixtures/plans) captioned 附件1 so that it is an annex."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session
from test_tables_matching import _plan

PLAN_61 = Path(__file__).parent / "fixtures" / "plans" / "61_shanghai_jiaotong_guangfu_2023.txt"


@pytest.fixture(scope="module")
def yl():
    doc, tasks = _plan()
    return Plan([doc], tasks)


@pytest.fixture(scope="module")
def guangfu():
    text = PLAN_61.read_text(encoding="utf-8").replace("\n附表1\n", "\n附件1\n")
    doc, tasks = parse_document(text, "gf", "gf.txt")
    return Plan([doc], tasks)


#: (plan, question, the items in table order, words the text must hold, why)
ROWS = [
    ("yl", "附件有几项", ["附件-1-1", "附件-1-2", "附件-1-3", "二（一）2", "二（一）3", "附件-4", "附件-5"],
     ["共 7 行（序号 5 个）；", "其中 2 行复述正文的 2 个条目", "二（一）2、二（一）3"],
     "7 rows under 序号1–5; rows 5, 6 are items 二（一）2, 3 of the body, listed there under their labels (序号 counted "
     "since a linked row keeps its 序号 in the model, Task.item — as first written)"),
    ("yl", "附件里有哪些", ["附件-1-1", "附件-1-2", "附件-1-3", "二（一）2", "二（一）3", "附件-4", "附件-5"],
     ["共 7 行"], "the list and the count give the same items"),
    ("gf", "附件1有几项", None, ["共 48 行", "序号 48 个", "其中 37 行复述正文的 15 个条目"],
     "48 rows; 37 of them restate 15 items of the body (二（一）2 over 序号1–4 …), 11 stand alone"),
]


@pytest.mark.parametrize("which,question,items,words,why", ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_annex_counts_its_rows(yl, guangfu, which, question, items, words, why):
    answer = Session(plan={"yl": yl, "gf": guangfu}[which]).ask(question)
    assert answer.status == "answered", f"{why} | kb: {answer.text}"
    if items is not None:
        assert [t.label for t in answer.tasks] == items, f"{why} | kb: {answer.text}"
    else:
        assert len(answer.tasks) == 26, f"{why}: 15 body items + 11 rows of their own | kb: {answer.text}"
    for w in words:
        assert w in answer.text, f"{why}: {w} | kb: {answer.text}"


def test_annex_without_linked_rows_unchanged():
    """Control: plan 23's 附件1 (39 rows, none restating an item of its untagged prose) keeps its count of 39."""
    path = Path(__file__).parent / "fixtures" / "plans" / "23_baoshan_lajifenlei_2019.txt"
    doc, tasks = parse_document(path.read_text(encoding="utf-8"), "bs", "bs.txt")
    answer = Session(plan=Plan([doc], tasks)).ask("附件1有几项")
    assert len(answer.tasks) == 39 and "共 39 项" in answer.text and "复述正文" not in answer.text, answer.text
    assert re.search(r"共 39 项", answer.text)


#: (question, the answer's first item label prefix, count stated, why) on plan 25 (静安 2023: 二、重点任务 in the body, and
#: the annex 静安区“卓越城区”城市更新行动重点任务清单（2023-2025年）, 27 rows) — by hand, before the code.
JINGAN = [
    ("重点任务清单一共有多少项", "附件", 27,
     "the annex's title holds 重点任务清单 (a list word, its period in brackets after it): the annex, not the part 重点任务"),
    ("重点任务清单里有哪些", "附件", 27, "the same annex listed"),
    ("重点任务包括哪几个方面", "二（一）", 6, "control: the part 二、重点任务, its six sections"),
]


@pytest.mark.parametrize("question,first,count,why", JINGAN, ids=[r[0] for r in JINGAN])
def test_annex_named_by_a_title_holding_a_part_title(question, first, count, why):
    path = Path(__file__).parent / "fixtures" / "plans" / "25_jingan_chengshigengxin_2023.txt"
    doc, tasks = parse_document(path.read_text(encoding="utf-8"), "ja", "ja.txt")
    answer = Session(plan=Plan([doc], tasks)).ask(question)
    assert answer.tasks and answer.tasks[0].label.startswith(first), f"{why} | kb: {answer.text[:200]}"
    assert len(answer.tasks) == count and f"{count} " in answer.text, f"{why} | kb: {answer.text[:200]}"


#: (question, the section of the annex answering, its number of rows, why) on plan 25, whose annex groups its rows under
#: 行动一：… – 行动六：… — by hand, before the code.
NUMBERED_HEADINGS = [
    ("附件中行动二有几项", "附件（二）", 5, "行动二：重塑美丽新居行动 over rows 4–8"),
    ("行动三有几项", "附件（三）", 13, "行动三 over rows 9–21"),
]


@pytest.mark.parametrize("question,section,count,why", NUMBERED_HEADINGS, ids=[r[0] for r in NUMBERED_HEADINGS])
def test_a_heading_named_by_its_number_word(question, section, count, why):
    path = Path(__file__).parent / "fixtures" / "plans" / "25_jingan_chengshigengxin_2023.txt"
    doc, tasks = parse_document(path.read_text(encoding="utf-8"), "ja", "ja.txt")
    answer = Session(plan=Plan([doc], tasks)).ask(question)
    assert answer.status == "answered", f"{why} | kb: {answer.text[:200]}"
    assert {t.section for t in answer.tasks} == {section} and len(answer.tasks) == count, f"{why} | kb: {answer.text[:300]}"


def test_a_number_word_not_in_the_plan():
    """行动七 names no heading of plan 25 (six actions): never 行动一 or another's rows."""
    path = Path(__file__).parent / "fixtures" / "plans" / "25_jingan_chengshigengxin_2023.txt"
    doc, tasks = parse_document(path.read_text(encoding="utf-8"), "ja", "ja.txt")
    answer = Session(plan=Plan([doc], tasks)).ask("行动七有几项")
    assert not any((t.section or "").startswith("附件（") for t in answer.tasks), answer.text[:300]
