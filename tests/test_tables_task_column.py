"""(ROUTED holdout17 → tables5 (g)) A header cell naming the task column only by its prefix (任务…) followed by an attribute
of the task — 任务来源, 任务分类, 任务类别, 任务类型, or another column's word (任务完成情况, 任务责任单位) — is no second task
column: standing AFTER the task column (具体工作措施 | 任务来源) it took the task (the last task column wins) and the real
measures became the row's name, hidden.  Before the task column it stays the rows' name/category (任务分类 | 重点任务, as
before).  Expectations written before the code (kb/parser/tables.py header_columns, tables.yaml attribute_endings)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from kb.parser.tables import header_columns

# (header cells, expected columns subset, why)
HEADERS = [
    (["序号", "具体工作措施", "任务来源", "责任单位", "完成时限"], {"task": 1, "responsible": 3, "deadline": 4},
     "任务来源 after the measures: a field, the measures the task"),
    (["序号", "工作任务", "任务类别", "牵头单位", "配合单位"], {"task": 1, "lead": 3, "support": 4},
     "任务类别 after the task: a field"),
    (["序号", "重点任务", "任务分类", "牵头部门"], {"task": 1, "lead": 3}, "任务分类 after the task: a field"),
    (["序号", "主要内容", "任务完成情况", "责任单位"], {"task": 1, "responsible": 3},
     "任务完成情况: 完成情况 names a field column (no second task)"),
    (["序号", "任务分类", "重点任务", "牵头部门"], {"name": 1, "task": 2, "lead": 3},
     "control: 任务分类 BEFORE the task stays the rows' category (name), as before"),
    (["序号", "任务名称", "任务内容", "牵头单位"], {"name": 1, "task": 2, "lead": 3},
     "control: two whole task words — the last the task, the first its name"),
]


@pytest.mark.parametrize(("cells", "expected", "why"), HEADERS, ids=[h[2][:40] for h in HEADERS])
def test_an_attribute_of_the_task_is_no_task_column(cells, expected, why):
    columns = header_columns(cells)
    assert {k: columns.get(k) for k in expected} == expected, (why, columns)


def test_a_county_table_with_a_source_column_reads_its_measures():
    """县: the row's task is its measures, its source a field; roles as the unit columns say."""
    text = ("某县2024年重点工作任务分解表\n\n"
            "序号\t具体工作措施\t任务来源\t牵头单位\t配合单位\t完成时限\n"
            "1\t实施农村公路提质改造50公里。\t政府工作报告\t县交通运输局\t各乡镇\t2024年底前\n"
            "2\t新建村级养老服务站10个。\t县委经济工作会议\t县民政局\t县财政局\t2024年10月底前\n\n")
    doc, tasks = parse_document(text, "t")
    rows = [t for t in tasks if t.kind == "task"]
    assert [t.text.split("（")[0] for t in rows] == ["实施农村公路提质改造50公里。", "新建村级养老服务站10个。"], \
        [t.text for t in tasks]
    assert [(t.lead, t.support) for t in rows] == [(["县交通运输局"], ["各乡镇"]), (["县民政局"], ["县财政局"])]
