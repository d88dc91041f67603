"""(ROUTED tagsblind12 (a) → tables4) A header ``主要责任单位 | 责任单位``: the second column was no column at all (one
责任单位 word, first cell wins), so a row written one unit a line read ``shared [A, B, C]`` for its 主要 unit and two of its
supports, the rest a field — a confident wrong answer.  Now 主要责任单位 followed by a second 责任单位 column names the main
units (lead) and the second column their supports, as after 牵头单位 (tables.yaml ``main_qualifiers``); 主要责任单位 alone
stays a 责任单位 column.  Which column each unit LINE fills is proved only at the ends (the first line is the 主要 cell's,
the last the 责任单位 cell's); a line between is undecided: no role, a warning, kept in the row (never a guess).
Forms of my own at 市/县 level; expectations written before the code (kb/parser/tables.py ``header_columns``)."""

from __future__ import annotations

from kb.parser import parse_document
from kb.parser.tables import header_columns


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:12] for t in tasks])
    return hits[0]


def test_header_columns():
    assert header_columns(["序号", "重点工作", "主要责任单位", "责任单位", "完成时限"]) == {
        "number": 0, "task": 1, "lead": 2, "responsible": 3, "deadline": 4}
    # alone, 主要责任单位 names the units responsible (no lead)
    assert header_columns(["序号", "重点工作", "主要责任单位", "完成时限"]) == {
        "number": 0, "task": 1, "responsible": 2, "deadline": 3}
    # 第一责任单位 | 主要责任单位 (a 规划纲要 分解方案): as before, the first leads
    assert header_columns(["序号", "主要指标", "第一责任单位", "主要责任单位"]) == {
        "number": 0, "task": 1, "lead": 2, "responsible": 3}


def test_a_tab_table_reads_main_units_as_leads():
    """县: cells given (a DOCX/HTML table): the 主要 cell leads, the 责任单位 cell's units support."""
    text = ("某县重点工作任务分解表\n序号\t重点工作\t主要责任单位\t责任单位\t完成时限\n"
            "1\t新建乡镇卫生院2所。\t县卫健局\t县发改局、县财政局、县自然资源局\t2024年底前\n")
    t = _row(parse_document(text, "t")[1], "新建乡镇卫生院")
    assert (t.lead, t.support, t.shared, t.sole) == (["县卫健局"], ["县发改局", "县财政局", "县自然资源局"], [], [])


def test_one_unit_a_line_proves_only_the_ends():
    """市, one cell a line: row 1 writes five unit lines.  The first is the 主要 cell's (lead), the last the 责任单位
    cell's (support); the three between could be either: no role, a warning naming them, kept in the row — never the
    old shared [A, B, C].  Row 3 writes two lines: lead and support, exact."""
    lines = ["某市2024年重点工作任务分解表", "序号", "重点工作", "主要责任单位", "责任单位",
             "1", "推进城市更新项目20个。", "市住建局", "市发改委", "市财政局", "市自然资源局", "市城管局",
             "2", "新增城市绿地100公顷。", "市园林局", "市住建局", "市自然资源局",
             "3", "新增养老床位500张。", "市民政局", "市卫健委"]
    tasks = parse_document("\n".join(lines) + "\n", "t")[1]
    t = _row(tasks, "推进城市更新项目")
    assert (t.lead, t.support, t.shared, t.sole) == (["市住建局"], ["市城管局"], [], []), (t.lead, t.support, t.shared)
    assert any("市发改委" in w and "市财政局" in w for w in t.warnings), t.warnings
    assert "市自然资源局" in "".join(t.fields.values())
    t = _row(tasks, "新增养老床位")
    assert (t.lead, t.support) == (["市民政局"], ["市卫健委"]) and not t.warnings
