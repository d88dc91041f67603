"""Counts that say the rows a list shows beside its items (kb.duties.count_said) say 任务分工表 rows only for the rows of a
task table's 序号 (kb.model.table_row_count): the clauses of a paragraph cut at its tags are one item too (kb.model.item_key,
session 14), but no table writes them — a department holding two clauses of one item in a plan with no table was told
``（任务分工表中 3 行，同一序号的各行相邻列出）`` beside 2 items.  Plans written by hand (tests/test_item_pieces.py's 省
plan); the expectations were written before the code."""

import pytest

from kb.model import Plan, item_count, table_row_count
from kb.parser import parse_document

from tests.test_item_pieces import PROVINCE



def _plan(text: str, doc_id: str) -> Plan:
    doc, tasks = parse_document(text, doc_id)
    return Plan([doc], tasks)


@pytest.fixture(scope="module")
def province():
    return _plan(PROVINCE, "jx")


ROWS = [
    # (department, items, table rows) — by hand from PROVINCE
    ("省发展改革委", 2, 2, "item 1: lead of clause 1 and support of clause 2 (one item, two clauses); item 2 lead — no table"),
    ("省交通运输厅", 3, 3, "item 1 clause 2, item 2 (support), item 3 clauses 1–3: three items, no table rows"),
    ("省商务厅", 3, 3, "item 1 (both clauses), item 4, （二）1"),
]


@pytest.mark.parametrize("name,items,rows,why", ROWS, ids=[r[0] for r in ROWS])
def test_pieces_are_no_table_row_count(province, name, items, rows, why):
    tasks = province.tasks_of(name)
    assert len(tasks) > items, why  # (the clauses are listed apart: more tasks than items)
    assert item_count(tasks) == items, why
    assert table_row_count(tasks) == rows, why


@pytest.mark.parametrize("name", [r[0] for r in ROWS])
def test_duty_list_says_no_table_row_count(province, name):
    """The duty list's count line, group headings and notes, and kb duties' own summary never speak of a 任务分工表."""
    from kb.export.content import build_duty_list

    export = build_duty_list(province, name)
    said = [export.counts_text, *(g.heading for g in export.groups), *export.notes]
    assert not [line for line in said if "任务分工表" in line or "行" in line], said


def test_table_rows_still_said():
    """A 任务分工表 writing one 序号 over several rows (fixture 89, tests/test_item_counts.py: 市卫生健康委 23 items in 37
    rows, counted there by hand): every row is a table row, as before."""
    from kb.store import load_plan
    from tests.test_item_counts import PLAN_89

    plan = load_plan(str(PLAN_89))
    tasks = plan.tasks_of("市卫生健康委")
    assert item_count(tasks) == 23 and table_row_count(tasks) == len(tasks) == 37
