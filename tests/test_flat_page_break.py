"""A page break inside a row of a task table flattened one cell a line (a PDF's text: the row's task cell on one page, its
unit and time cells on the next, the page's number — ``— 2 —``, ``- 3 -``, ``第2页`` — and a repeated header between).
The row's pieces are one row (its units its own, nothing from the row above: the regrouping reads the lines in order),
and the page's number is no part of any cell — it went into the task text before (``新建口袋公园5个。— 2 —``).  A bare
number line is a 序号, never a page number.  Forms of my own at 县/市 level; expectations written before the code
(kb/parser/flattened.py ``_regroup_once``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

HEADER = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限")


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:12] for t in tasks])
    return hits[0]


#: (the lines between row 2's task cell and its unit cells, why)
CASES = [
    (("— 2 —", *HEADER), "县: the page's number between em dashes, then the header repeated"),
    (("- 3 -",), "市: the page's number between hyphens, no header repeated"),
    (("第2页", *HEADER), "县: 第2页 and the header repeated"),
]


@pytest.mark.parametrize(("between", "why"), CASES, ids=[c[1][:30] for c in CASES])
def test_a_page_break_inside_a_row(between, why):
    lines = ["某县2024年重点工作任务分解表", *HEADER,
             "1", "推进老旧小区改造20个。", "县住建局", "县财政局", "2024年底前",
             "2", "新建口袋公园5个。", *between, "县绿化局", "各乡镇", "2024年10月底前",
             "3", "新增公共泊位1000个。", "县交通局", "县公安局", "2024年9月底前"]
    tasks = parse_document("\n".join(lines) + "\n", "t")[1]
    t = _row(tasks, "新建口袋公园5个")
    assert t.body == "新建口袋公园5个。", (why, t.body)
    assert (t.lead, t.support) == (["县绿化局"], ["各乡镇"]) and not t.notes, (why, t.lead, t.support, t.notes)
    assert (_row(tasks, "新增公共泊位").lead, _row(tasks, "推进老旧小区改造").lead) == (["县交通局"], ["县住建局"])
