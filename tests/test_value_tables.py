"""kb/parser/value_tables.py: the ``｜`` rows of a table that is no task table, read back as rows × columns.

Rows: (lines, expected rows as (name, cells, total), unread count, why) — written before the reader; None: no value
table."""

from __future__ import annotations

import pytest

from kb.parser.value_tables import header_core, header_unit, read_value_table

ROWS = [
    (["序号｜街镇｜2026年任务量｜3月底前完成20%", "1｜马陆镇｜122.52｜24.50", "2｜安亭镇｜552.22｜110.44"],
     [("马陆镇", [("2026年任务量", "122.52"), ("3月底前完成20%", "24.50")], False),
      ("安亭镇", [("2026年任务量", "552.22"), ("3月底前完成20%", "110.44")], False)], 0,
     "a 街镇 table: serial and name columns out of the cells; headers opening with a year or a month are no figures"),
    (["序号｜乡镇｜建设面积（万亩）｜完成时限", "1｜城关镇｜1.2｜2025年6月底前", "合计｜4.5"],
     [("城关镇", [("建设面积（万亩）", "1.2"), ("完成时限", "2025年6月底前")], False)], 1,
     "the 合计 row lost its empty cells in the ｜ line: not aligned, not read (never guessed)"),
    (["区｜目标值｜完成值", "浦东新区｜100｜98", "全市｜500｜490"],
     [("浦东新区", [("目标值", "100"), ("完成值", "98")], False), ("全市", [("目标值", "500"), ("完成值", "490")], True)],
     0, "a bare 区 header names the rows; 全市 is the sum row"),
    (["序号｜姓名｜电话", "1｜张三｜138"], None, 0, "no header names the rows (姓名 is no row-name word): no value table"),
    (["街镇｜负责人", "马陆镇｜王某", "安亭镇｜李某"], None, 0, "no column of figures: no value table"),
    (["序号｜2024｜2025", "1｜3｜4"], None, 0, "a header cell that is a figure: no header"),
]


@pytest.mark.parametrize("lines,rows,unread,why", ROWS, ids=[r[3][:30] for r in ROWS])
def test_read_value_table(lines, rows, unread, why):
    table = read_value_table([(f"k{n}", line) for n, line in enumerate(lines)])
    if rows is None:
        assert table is None, why
        return
    assert table is not None, why
    assert [(r.name, r.cells, r.total) for r in table.rows] == rows, why
    assert len(table.unread) == unread, why


@pytest.mark.parametrize("header,core,unit", [
    ("建设面积（万亩）", "建设面积", "万亩"), ("总投资(万元)", "总投资", "万元"), ("街镇（管委会）", "街镇", "管委会"),
    ("2026年 任务量", "2026年任务量", ""), ("面积（单位：亩）", "面积", "亩"),
])
def test_header_core_and_unit(header, core, unit):
    assert header_core(header) == core
    assert header_unit(header) == unit
