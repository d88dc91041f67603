"""A task table glued into one line whose rows start at a number other than 1 (a page continuing a table, its header
repeated: ``序号 重点任务 牵头单位 完成时限 24 开展… 区城管局 2024年10月底前 25 …``): its rows are read from that number on,
as a glued table from row 1 is (flattened.glued_tables).  Before: only a table whose first row is 1 was read; the page's
rows stayed one paragraph with no roles (tables5's s16 notes (d)).  Forms of my own (区/县); expectations written before the
code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

ROWS = [("开展背街小巷环境整治", "城管局", "2024年10月底前"), ("推进老旧小区改造", "住建局", "2024年12月底前"),
        ("完善社区养老服务设施", "民政局", "2025年6月底前")]


def _line(place: str, first: int) -> str:
    cells = " ".join(f"{first + k} {task} {place}{unit} {when}" for k, (task, unit, when) in enumerate(ROWS))
    return f"某{place}2024年重点工作任务分工表（续）\n序号 重点任务 牵头单位 完成时限 {cells}\n"


@pytest.mark.parametrize("place,first", [("区", 24), ("县", 7), ("区", 1)], ids=["区 from 24", "县 from 7", "区 from 1 (control)"])
def test_glued_rows_from_any_first_number(place, first):
    tasks = [t for t in parse_document(_line(place, first), "t")[1] if t.kind == "task"]
    assert [t.text.split("（")[0] for t in tasks] == [task for task, _, _ in ROWS]
    assert [t.lead for t in tasks] == [[place + unit] for _, unit, _ in ROWS]
    assert [[d.text for d in t.deadlines] for t in tasks] == [[when] for _, _, when in ROWS]


def test_a_number_after_a_header_word_inside_prose_is_no_table():
    """Control: a sentence naming 序号 and columns then a figure is no glued table."""
    text = "某区工作方案\n按序号 工作任务 牵头单位 完成时限 3 项要求填报，2024年底前报区政府办公室。\n"
    tasks = parse_document(text, "t")[1]
    assert not any(t.lead for t in tasks)
