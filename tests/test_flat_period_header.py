"""A progress column whose header names a PERIOD before its column word (1-6月完成情况, 第二季度完成情况, 截至6月底完成情况,
上半年推进情况), wrapped over two lines in a table one cell a line (``1-6月`` / ``完成情况``): the two pieces are one header cell
(tables.yaml header_qualifier: a period of months, a quarter, a half-year, 截至…月底), a field of the row; the rows' task is
their 重点工作 cell.

Before: a piece holding a figure (1-6月, 截至6月底) ended the header, so the progress cells became heading rows (sections
表1（二）… titled with the progress text, the last one glued to the title) and the 第二季度 piece named the field alone
(ROUTED tagsblind13 (k): a header wrapped over two lines with a 第二季度完成情况 column).  Forms of my own (区/县/市);
expectations written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

ROWS = [["1", "推进城区污水管网建设改造", "区住建局", "2024年12月底前", "已完成管网改造3公里，正在推进二期工程招标。"],
        ["2", "完善社区养老服务设施", "区民政局", "2024年9月底前", "新建社区养老服务站2个，已投入运营。"],
        ["3", "开展背街小巷环境整治", "区城管局", "2024年6月底前", "已完成整治12条，剩余3条正在施工。"]]


def _text(header: list[str], place: str) -> str:
    cells = header + [c.replace("区", place) if k == 2 else c for r in ROWS for k, c in enumerate(r)]
    return f"某{place}2024年重点工作推进情况表\n\n" + "\n\n".join(cells) + "\n"


#: (header as the page wraps it, place, the progress field's name, why)
CASES = [
    (["序号", "重点", "工作", "责任", "单位", "完成", "时限", "1-6月", "完成情况"], "区", "1-6月完成情况",
     "区: every header cell wrapped, a period of months before 完成情况"),
    (["序号", "重点工作", "责任单位", "完成时限", "截至6月底", "完成情况"], "县", "截至6月底完成情况", "县: 截至…月底"),
    (["序号", "重点工作", "责任单位", "完成时限", "第二季度", "完成情况"], "市", "第二季度完成情况", "市: a quarter"),
    (["序号", "重点工作", "责任单位", "完成时限", "上半年", "推进情况"], "区", "上半年推进情况", "区: a half-year"),
]


@pytest.mark.parametrize("header,place,field,why", CASES, ids=[c[-1][:10] for c in CASES])
def test_period_header_wrapped(header, place, field, why):
    tasks = parse_document(_text(header, place), "t")[1]
    rows = [t for t in tasks if t.kind == "task"]
    assert len(rows) == 3 and not any("（" in t.label for t in rows), (why, [t.label for t in tasks])  # (no section from a progress cell)
    for task, row in zip(rows, ROWS):
        assert task.text.startswith(row[1]), why
        assert task.sole == [row[2].replace("区", place)], why
        assert task.fields.get(field) == row[4], (why, task.fields)
    assert not [t for t in tasks if t.kind != "task" and "已完成" in t.text], "no progress cell left as a paragraph"
