"""(ROUTED holdout17 (i) → tables4) A task table with TWO header rows: a group cell over sub-columns (``责任单位`` merged
over ``牵头单位 | 配合单位``, the other header cells merged down).  A DOCX/HTML table gives the second row with empty cells
under the merged ones: it was read as a row, 配合单位 an unnamed field and the lead 'sole'.  A table flattened one cell a
line gives the first row's cells, then the second's (``序号 / 工作任务 / 责任单位 / 完成时限 / 牵头单位 / 配合单位``): every
row was a misfit, no role read.  Now the sub-columns take the group cell's place (the second row's words over the
first's; in a flattened header the trailing lead/support words replace the group word) — only where the rows then fit
(a flattened reading is kept only when it places more rows).  Forms of my own at 区/市/县 level; expectations written
before the code (kb/parser/tables.py ``_task_table``, kb/parser/flattened.py ``_header_readings``)."""

from __future__ import annotations

from kb.parser import parse_document


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:12] for t in tasks])
    return hits[0]


def test_a_tab_table_with_a_second_header_row():
    """区 (a DOCX annex): the second header row names 牵头单位 and 配合单位 under the merged 责任单位."""
    text = ("附件\n某区2024年重点工作任务分解表\n"
            "序号\t工作任务\t责任单位\t\t完成时限\n"
            "\t\t牵头单位\t配合单位\t\n"
            "1\t推进老旧小区改造20个。\t区住建局\t区财政局、区规划资源局\t2024年底前\n"
            "2\t新建口袋公园5个。\t区绿化市容局\t各街道\t2024年10月底前\n")
    tasks = parse_document(text, "t")[1]
    t = _row(tasks, "推进老旧小区改造")
    assert (t.lead, t.support, t.sole, t.shared) == (["区住建局"], ["区财政局", "区规划资源局"], [], []), (t.lead, t.sole, t.fields)
    assert [d.text for d in t.deadlines] == ["2024年底前"]
    assert (_row(tasks, "新建口袋公园").lead, _row(tasks, "新建口袋公园").support) == (["区绿化市容局"], ["各街道"])
    assert len([x for x in tasks if x.kind == "task"]) == 2  # the second header row is no task


def test_a_flattened_table_with_a_second_header_row():
    """市, one cell a line: the first header row's cells, then the second's sub-columns."""
    lines = ["附件", "某市2024年重点工作任务分解表", "序号", "工作任务", "责任单位", "完成时限", "牵头单位", "配合单位",
             "1", "推进城市更新项目20个。", "市住建局", "市发改委", "2024年底前",
             "2", "新增城市绿地100公顷。", "市园林局", "各区政府", "2024年12月底前",
             "3", "建设智慧停车场5个。", "市交通局", "市公安局", "2024年10月底前"]
    tasks = parse_document("\n".join(lines) + "\n", "t")[1]
    t = _row(tasks, "推进城市更新项目")
    assert (t.lead, t.support, [d.text for d in t.deadlines]) == (["市住建局"], ["市发改委"], ["2024年底前"]), (t.lead, t.warnings)
    t = _row(tasks, "建设智慧停车场")
    assert (t.lead, t.support) == (["市交通局"], ["市公安局"]) and not t.warnings


def test_control_a_responsible_column_beside_a_support_column_is_no_group():
    """县, control: 责任单位 then 配合单位 right after it (no column between) — two columns of their own, as before."""
    lines = ["某县2024年重点工作任务分解表", "序号", "工作任务", "责任单位", "配合单位", "完成时限",
             "1", "新建乡镇卫生院2所。", "县卫健局", "县发改局", "2024年底前",
             "2", "新增城镇就业1000人。", "县人社局", "各乡镇", "2024年12月底前"]
    tasks = parse_document("\n".join(lines) + "\n", "t")[1]
    t = _row(tasks, "新建乡镇卫生院")
    assert (t.lead, t.support) == (["县卫健局"], ["县发改局"])
