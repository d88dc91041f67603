"""A table written with bars whose header is TWO rows: a group cell (责任单位) over the cells it spans (牵头单位 | 配合单位),
the group's other cell left empty in the first row and the other columns' cells empty in the second:

    序号 | 工作任务 | 责任单位 | | 完成时限 |
    | | 牵头单位 | 配合单位 | |

The second row's words name the columns under the group (as tables._sub_header reads the tab form, tables4 s16): one header
序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限.  Before, the first row had an empty cell, so it was no header at all and the
plan got "no tags" (holdout17 (i), the bar form left by tables4).  Forms of my own (区/县/市, half- and full-width bars, the
cells closed by a bar or opened and closed by one); expectations written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:14] for t in tasks])
    return hits[0]


CLOSED = ("某区重点工作任务分工表\n序号 | 工作任务 | 责任单位 | | 完成时限 |\n | | 牵头单位 | 配合单位 | |\n"
          "1 | 推进老旧小区改造 | 区住建局 | 区财政局、区规划局 | 2024年底前 |\n"
          "2 | 完善社区养老服务 | 区民政局 | 区卫健委 | 2025年6月底前 |\n")
FULL_WIDTH = ("某县年度重点任务分解\n序号｜重点任务｜责任单位｜｜完成时间｜\n｜｜牵头单位｜配合单位｜｜\n"
              "1｜新建农村公路30公里｜县交通运输局｜县财政局｜2024年10月底前｜\n"
              "2｜改造农村危房200户｜县住建局｜县民政局、各乡镇人民政府｜2024年12月底前｜\n")
BOTH_BARS = ("某市重点任务清单\n| 序号 | 工作任务 | 责任单位 | | 完成时限 |\n| | | 牵头单位 | 协同单位 | |\n"
             "| 1 | 建设城市交通监测平台 | 市交通运输局 | 市公安局、市大数据局 | 2024年6月底前 |\n"
             "| 2 | 推进垃圾分类示范片区建设 | 市城管局 | 市商务局 | 2024年12月底前 |\n")

#: (text, opening, lead, support, deadline, why)
CASES = [
    (CLOSED, "推进老旧小区改造", ["区住建局"], ["区财政局", "区规划局"], ["2024年底前"],
     "区: each cell closed by a bar, the second header row opening with the empty cells under 序号 and 工作任务"),
    (CLOSED, "完善社区养老服务", ["区民政局"], ["区卫健委"], ["2025年6月底前"], "区: the second row"),
    (FULL_WIDTH, "改造农村危房200户", ["县住建局"], ["县民政局", "各乡镇人民政府"], ["2024年12月底前"],
     "县: full-width bars"),
    (BOTH_BARS, "建设城市交通监测平台", ["市交通运输局"], ["市公安局", "市大数据局"], ["2024年6月底前"],
     "市: Markdown-style bars on both sides, 协同单位 under the group (a support word)"),
]


@pytest.mark.parametrize("text,opening,lead,support,deadline,why", CASES, ids=[c[-1][:14] for c in CASES])
def test_bar_header_over_two_rows(text, opening, lead, support, deadline, why):
    task = _row(parse_document(text, "t")[1], opening)
    assert (task.lead, task.support, task.sole) == (lead, support, []), why
    assert [d.text for d in task.deadlines] == deadline, why


def test_a_row_under_a_header_with_an_empty_cell_is_no_header():
    """Control: the line under a header holding an empty cell is a row of the table (its cells are no column words): it
    stays a row, never merged into the header."""
    text = ("某区重点工作任务分工表\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
            "1 | 推进老旧小区改造 | 区住建局 | | 2024年底前 |\n"
            "2 | 完善社区养老服务 | 区民政局 | 区卫健委 | 2025年6月底前 |\n")
    tasks = parse_document(text, "t")[1]
    assert _row(tasks, "推进老旧小区改造").lead == ["区住建局"]
    assert _row(tasks, "完善社区养老服务").support == ["区卫健委"]
