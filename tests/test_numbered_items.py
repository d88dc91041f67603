"""One definition of a task where a 任务分工表 writes one numbered item over several rows (session 11, structure).

The plan's numbered items are what an official counts: `市卫生健康委牵头多少项任务` on a table whose 序号 1–24 span 39 rows
is answered 13 (items), not 21 (rows); each item's rows are shown under it.  ``Task.item`` names the table item a row
belongs to (its caption and 序号); the body paragraph its rows restate carries the same key; ``kb.select.item_groups``
groups tasks by it (a task outside any table is an item of its own).

The plan below is written for these tests (own words); every expected figure was written by hand before the code:
table rows 2–8 — 序号1 over three rows (two led by 市交通局, one by 市公安局), 序号2 over two rows (市交通局, 市财政局),
序号3 one row restating body item 二（一）3 word for word, 序号4 a row naming no body item.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session
from kb.select import item_groups

TEXT = "\n".join([
    "关于推进城市交通秩序整治的实施方案", "",
    "一、工作目标", "", "到2025年，中心城区交通秩序明显好转。", "",
    "二、重点任务", "", "（一）整治停车秩序", "",
    "1.规范路内停车。清理占道停车位，施划路内停车泊位，推行错时共享停车。", "",
    "2.建设公共停车场。新建一批公共停车场，推进机关单位停车场错时开放。", "",
    "3.整治非机动车停放。在轨道交通站点周边设置非机动车停放区。", "",
    "三、保障措施", "", "（一）加强组织领导。各区要建立工作协调机制。", "",
    "附件", "", "城市交通秩序整治任务分工表", "",
    "序号\t工作事项\t主要内容\t牵头单位\t配合单位\t完成时限",
    "1\t规范路内停车\t清理占道停车位。\t市交通局\t市财政局\t2024年底前",
    "1\t规范路内停车\t施划路内停车泊位。\t市交通局\t市公安局\t2025年底前",
    "1\t规范路内停车\t推行错时共享停车。\t市公安局\t市交通局\t2025年6月底前",
    "2\t建设公共停车场\t新建一批公共停车场。\t市交通局\t/\t2024年底前",
    "2\t建设公共停车场\t推进机关单位停车场错时开放。\t市财政局\t市交通局\t2024年底前",
    "3\t整治非机动车停放\t在轨道交通站点周边设置非机动车停放区。\t市交通局\t市财政局\t2024年底前",
    "4\t开展交通安全宣传\t组织交通安全宣传进社区活动。\t市城管局\t市交通局\t每年",
]) + "\n"


@pytest.fixture(scope="module")
def plan():
    doc, tasks = parse_document(TEXT, "jt", "jt.txt")
    return Plan([doc], tasks)


def test_rows_carry_their_item(plan):
    """Each row names its table item; the body paragraph restated by rows of one 序号 carries the same key."""
    by = {t.label: t.item for t in plan.tasks}
    assert by["附件-1-1"] == by["附件-1-2"] == by["附件-1-3"] == by["二（一）1"] == "附件 序号1"
    assert by["附件-2-1"] == by["附件-2-2"] == by["二（一）2"] == "附件 序号2"
    assert by["二（一）3"] == "附件 序号3", "a row linked one-to-one gives its paragraph its 序号"
    assert by["附件-4"] == "附件 序号4"
    assert by["三（一）"] == "" and by["一"] == "", "no row names them: items of their own"


def test_item_groups(plan):
    groups = item_groups([t for t in plan.tasks if t.kind == "task"])
    assert [[t.label for t in g] for g in groups] == [
        ["二（一）3"], ["附件-1-1", "附件-1-2", "附件-1-3"], ["附件-2-1", "附件-2-2"], ["附件-4"]]


#: (question, the count the heading must give, the rows (labels) the answer lists, why)
COUNTS = [
    ("市交通局牵头多少项任务", "共 3 项", ["二（一）3", "附件-1-1", "附件-1-2", "附件-2-1"],
     "items 序号1 (2 rows), 序号2 (1 row), 序号3 (linked to 二（一）3): 3 items, 4 rows"),
    ("市交通局配合哪些任务", "共 3 项", ["附件-1-3", "附件-2-2", "附件-4"],
     "one row each of 序号1, 2, 4: items and rows agree (no row note)"),
    ("市公安局牵头哪些任务", "共 1 项", ["附件-1-3"], "one row of 序号1"),
]


@pytest.mark.parametrize("question,count,rows,why", COUNTS, ids=[c[0] for c in COUNTS])
def test_department_counts_items(plan, question, count, rows, why):
    answer = Session(plan=plan).ask(question)
    assert count in answer.text, f"{why} | kb: {answer.text}"
    assert sorted(t.label for t in answer.tasks) == sorted(rows), f"{why} | kb: {answer.text}"


def test_rows_shown_under_their_item(plan):
    """Numbers go to items; an item's further rows follow it unnumbered, and the heading says the rows."""
    text = Session(plan=plan).ask("市交通局牵头哪些任务").text
    lines = text.splitlines()
    assert "4 行" in lines[0], text
    numbered = [ln for ln in lines if ln[:1].isdigit()]
    assert len(numbered) == 3, text
    at = next(i for i, ln in enumerate(lines) if "附件-1-1" in ln)
    assert lines[at + 1].lstrip().startswith("附件-1-2") and not lines[at + 1][:1].isdigit(), text


def test_annex_ordinal_bound_is_its_serial(plan):
    """`第9项` of the table: the numbering ends at 序号 4, not at a sub-row's 3."""
    text = Session(plan=plan).ask("任务分工表第9项是什么").text
    assert "编号到 4 为止" in text, text


GZ = Path(__file__).parent / "fixtures" / "holdout10" / "gz_jiatingyisheng_2023.article.html"


@pytest.fixture(scope="module")
def gz():
    from kb.store import parse_in_memory

    return parse_in_memory([GZ])


#: The blind set's plan (广州 家庭医生签约 2023: 任务分工表 序号1–24 over 39 rows), counted by hand from the table.
GZ_ROWS = [
    ("市卫生健康委牵头多少项任务", "共 13 项", "序号 3,6,7,10,11,14,15,16,17,18,19,23,24 (21 rows)"),
    ("任务分工表第25项是什么", "编号到 24 为止", "序号 1–24"),
    ("附件2有几项", "序号 24 个", "39 rows under 序号 1–24"),
    ("这个方案有几个附件？分别是什么", "关于推进广州市家庭医生签约服务高质量发展工作的任务分工表》共 24 项（39 行）",
     "gz29 (holdout10): each annex by its items — 附件2 was 共 23 项 (the rows left after 16 were linked to the body)"),
]


@pytest.mark.parametrize("question,words,why", GZ_ROWS, ids=[r[0] for r in GZ_ROWS])
def test_gz_counts(gz, question, words, why):
    answer = Session(plan=gz).ask(question)
    assert words in answer.text, f"{why} | kb: {answer.text}"


def test_store_keeps_items_and_rows(tmp_path, monkeypatch, capsys):
    """The store keeps both counts (plans.counts: items, and rows under ``<role>#rows``): a department's list read from it
    is checked against its rows — with items alone, 4 rows against 3 items read as damage and every answer was rebuilt
    in memory (缓存库…已损坏（一个部门的分工记录不全（应有 13 条，读到 21 条））, found on plan 89)."""
    from store_state import load_fresh

    corpus = tmp_path / "plans"
    corpus.mkdir()
    (corpus / "jt.txt").write_text(TEXT, encoding="utf-8")
    load_fresh(monkeypatch, tmp_path / "cache", corpus)  # (writes the store)
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)  # (reads it back)
    answer = Session(plan=stored).ask("市交通局牵头多少项任务")
    assert "共 3 项" in answer.text and "4 行" in answer.text, answer.text
    assert stored.role_counts()["市交通局"]["lead"] == 3
    assert "损坏" not in capsys.readouterr().err
