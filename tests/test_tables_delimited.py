"""One reader for a task table written one row a line with ANY consistent delimiter (holdout7 causes A1–A4).

A MATRIX: delimiters (tab, bars with/without outer bars, a trailing bar only, full-width bars, runs of
spaces, ideographic spaces) × column sets × a 序号 column (in header and rows / nowhere / in the rows
only) × header variants (a year before the column word, 市级/区政府 qualifiers, 协办单位).  Every cell of
the matrix is one small plan: a short title line naming the document, then the table.  The expected
answers were written by hand from the rows before kb was run on them.

Row material (real, not tuned on): S_TARGETS are 漳州 2010's 主要预期目标 (政府工作报告, as 闽南日报 reported
it: 地区生产总值增长13%、外贸出口增长15%、城镇登记失业率控制在4.3%以内; the units are composed, the
report names none); S_PROJECTS / S_MEASURES are rows of 常州市钟楼区 2021年重大民生实事项目目标任务责任分解表
(序号 | 项目名称 | 主要内容 | 区政府分管领导 | 牵头单位 | 配合单位; 1wenmi.com/doc/507125.html, cells
shortened); S_DEADLINES is the Markdown table of test_bar_tables.py with 市级/协办 header variants.
"""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from kb.parser.tables import delimited_rows_to_tabs

# --- the column sets: header cells, rows (without 序号), what each row must give -------------------------
# expected per row: (body, lead, support, sole, deadline texts, a target text that must be among the row's targets)

S_TARGETS = (
    "某区2010年经济社会发展主要预期目标任务分解表",
    ["2010年预期目标", "责任单位"],
    [["地区生产总值增长13%", "区发改委"],
     ["外贸出口增长15%", "区商务局"],
     ["城镇登记失业率控制在4.3%以内", "区人社局"]],
    [("地区生产总值增长13%", [], [], ["区发改委"], [], "13%"),
     ("外贸出口增长15%", [], [], ["区商务局"], [], "15%"),
     ("城镇登记失业率控制在4.3%以内", [], [], ["区人社局"], [], "4.3%")],
)
S_PROJECTS = (
    "钟楼区2021年重大民生实事项目",
    ["项目名称", "主要内容", "区政府分管领导", "牵头单位", "配合单位"],
    [["增加教育资源供给", "实施新建、改扩建学校重点建设项目12个，计划竣工3个", "何海平", "教育局", "经开区、各街道"],
     ["促进就业稳定增长", "全区城镇新增就业15000人，城镇登记失业率控制在3%以内", "何海平", "人社局", "各街道"]],
    [("实施新建、改扩建学校重点建设项目12个，计划竣工3个", ["教育局"], ["经开区", "各街道"], [], [], "12个"),
     ("全区城镇新增就业15000人，城镇登记失业率控制在3%以内", ["人社局"], ["各街道"], [], [], "15000人")],
)
S_MEASURES = (
    "钟楼区2021年民生实事项目",
    ["实事项目", "工作举措及实施计划", "责任单位", "配合单位"],
    [["优化养老服务", "为全区23000名老年人提供居家上门服务，年底前完成", "民政局", "各街道"],
     ["文体惠民行动", "新建2家秋白书苑，开展文旅惠民月活动", "文体旅局", "各街道"]],
    # (the unit a row's 配合 supports leads — one statement = one row, README "The unit the others support leads", session
    # 13; it was 民政局 sole + 各街道 support)
    [("为全区23000名老年人提供居家上门服务，年底前完成", ["民政局"], ["各街道"], [], ["年底前"], "23000名"),
     ("新建2家秋白书苑，开展文旅惠民月活动", ["文体旅局"], ["各街道"], [], [], "2家")],
)
S_DEADLINES = (
    "某市2024年优化营商环境重点任务分工方案",
    ["重点任务", "市级牵头单位", "协办单位", "完成时限"],
    [["推行政务服务事项清单管理", "市政务服务局", "市司法局", "2024年6月底前"],
     ["建立营商环境监测评价机制", "市发展改革委", "市统计局", "全年"]],
    [("推行政务服务事项清单管理", ["市政务服务局"], ["市司法局"], [], ["2024年6月底前"], None),
     ("建立营商环境监测评价机制", ["市发展改革委"], ["市统计局"], [], ["全年"], None)],
)
SETS = {"targets": S_TARGETS, "projects": S_PROJECTS, "measures": S_MEASURES, "deadlines": S_DEADLINES}

# --- the delimiters: how a list of cells is written as one line --------------------------------------------
DELIMITERS = {
    "tab": lambda cells: "\t".join(cells),
    "bars-outer": lambda cells: "| " + " | ".join(cells) + " |",
    "bars-inner": lambda cells: " | ".join(cells),
    "bars-trailing": lambda cells: " | ".join(cells) + " |",
    "bars-tight": lambda cells: "|".join(cells),
    "fullwidth-bars": lambda cells: "｜".join(cells),
    "spaces": lambda cells: "   ".join(cells),
    "ideographic-spaces": lambda cells: "\u3000".join(cells),
}
#: 序号: in the header and the rows / nowhere / only in the rows (a header without 序号 over numbered rows).
SERIALS = ("both", "none", "rows-only")


def _plan(set_name: str, delimiter: str, serial: str, blank_lines: bool = False) -> str:
    title, header, rows, _ = SETS[set_name]
    write = DELIMITERS[delimiter]
    head = (["序号"] if serial == "both" else []) + header
    lines = [title, "", write(head)]
    for n, row in enumerate(rows, 1):
        lines.append(write(([str(n)] if serial != "none" else []) + row))
        if blank_lines:
            lines.append("")
    return "\n".join(lines) + "\n"


MATRIX = [(s, d, n) for s in SETS for d in DELIMITERS for n in SERIALS]


@pytest.mark.parametrize(("set_name", "delimiter", "serial"), MATRIX, ids=["-".join(m) for m in MATRIX])
def test_table_rows_become_tasks_in_every_form(set_name, delimiter, serial):
    title, header, rows, expected = SETS[set_name]
    doc, tasks = parse_document(_plan(set_name, delimiter, serial), "plan", "plan.txt")
    got = [t for t in tasks if t.kind == "task"]
    assert [t.body for t in got] == [e[0] for e in expected], [(t.kind, t.body) for t in tasks]
    for t, (body, lead, support, sole, times, target) in zip(got, expected):
        assert (t.lead, t.support, t.sole) == (lead, support, sole), (body, t.tag)
        assert [d.text for d in t.deadlines] == times, body
        if target:
            assert any(target in x.text for x in t.targets), (body, [x.text for x in t.targets])
    # the header is never a task, the title line is the document's title and no paragraph
    assert not any(h in t.body for t in tasks for h in header if len(h) > 3), [t.body for t in tasks]
    assert doc.title == title
    assert all(t.body != title for t in tasks)
    assert len(tasks) == len(rows), [t.body for t in tasks]


@pytest.mark.parametrize("delimiter", ["bars-outer", "spaces", "tab"])
def test_blank_lines_between_rows(delimiter):
    _, tasks = parse_document(_plan("measures", delimiter, "rows-only", blank_lines=True), "plan", "plan.txt")
    # (the unit a row's 配合 supports leads: one statement = one row, session 13 — it was sole)
    assert [(t.lead, t.support) for t in tasks] == [(["民政局"], ["各街道"]), (["文体旅局"], ["各街道"])]


def test_rows_are_cited_and_numbered_by_their_serial():
    _, tasks = parse_document(_plan("projects", "bars-trailing", "rows-only"), "plan", "plan.txt")
    assert [(t.label, t.source, t.fields.get("项目名称")) for t in tasks] == [
        ("1", "表1 第2行", "增加教育资源供给"), ("2", "表1 第3行", "促进就业稳定增长")]
    assert all("区政府分管领导：何海平" in t.notes for t in tasks)  # a 分管领导 cell names a person: a note, no role


# --- controls: what must NOT become a table ---------------------------------------------------------------
CONTROLS = [
    ("一、主要任务\n\n1.加强管理。（市X局负责）\n\n重点任务 | 牵头单位\n\n以上任务由各单位认真落实。\n",
     "a header-like line followed by prose and no row: no table"),
    ("一、主要任务\n\n1.加强管理。（市X局负责）\n\n项目  内容  说明\n甲  乙  丙\n",
     "a spaced grid whose header names no task column with someone responsible: text"),
    ("一、主要任务\n\n1.加强管理，做到两个  确保。（市X局负责）\n",
     "two spaces inside a sentence: no table"),
    ("城市 | 人口（万人） | GDP（亿元）\n甲市 | 800 | 9000\n乙市 | 650 | 7200\n",
     "a table of figures (no task header): kept as text rows, not tasks with roles"),
]


@pytest.mark.parametrize(("text", "why"), CONTROLS, ids=[c[1][:40] for c in CONTROLS])
def test_controls_are_not_task_tables(text, why):
    assert delimited_rows_to_tabs(text) == text, why
    _, tasks = parse_document(text, "plan", "plan.txt")
    assert not any(t.source and "表" in t.source for t in tasks), why


SPLIT_CASES = [
    ("重点任务 | 牵头单位 | 完成时限 |\n甲项任务 | 市X局 | 2024年底前 |",
     "重点任务\t牵头单位\t完成时限\n甲项任务\t市X局\t2024年底前", "a trailing bar only"),
    ("实事项目 | 责任单位\n1 | 新建公园3个 | 区园林局\n2 | 改造道路5条 | 区住建局",
     "序号\t实事项目\t责任单位\n1\t新建公园3个\t区园林局\n2\t改造道路5条\t区住建局",
     "numbered rows under a header without 序号: the header gets one"),
    ("序号  工作任务  责任单位\n1  新建公园3个  区园林局\n一、城市建设\n2  改造道路5条  区住建局",
     "序号\t工作任务\t责任单位\n1\t新建公园3个\t区园林局\n一、城市建设\n2\t改造道路5条\t区住建局",
     "a short line between rows is a row spanning the table (kept for the tab reader)"),
    ("序号 | 工作任务 | 责任单位\n1 | 新建公园3个 | 区园林局\n序号 | 工作任务 | 责任单位\n2 | 改造道路5条 | 区住建局\n以上。",
     "序号\t工作任务\t责任单位\n1\t新建公园3个\t区园林局\n2\t改造道路5条\t区住建局\n\n以上。",
     "a repeated header (a page break) is dropped; the table ends at the first other line"),
]


@pytest.mark.parametrize(("text", "expected", "why"), SPLIT_CASES, ids=[c[2][:40] for c in SPLIT_CASES])
def test_delimited_rows_to_tabs(text, expected, why):
    assert delimited_rows_to_tabs(text) == expected, why


# --- B: (牵头单位:X;责任单位:Y、Z等) in ASCII punctuation keeps both lists, in a tag and in a table cell -------
# (text → lead, support → why); the expected lists written by hand.
B_TAGS = [
    ("1.推进重大项目建设。(牵头单位:县发改局;责任单位:县财政局、县自然资源局等)",
     ["县发改局"], ["县财政局", "县自然资源局"], "ASCII brackets, colon and semicolon after a sentence end"),
    ("1.推进招商引资,全年引进亿元以上项目20个(牵头单位:县商务局;责任单位:县经济开发区管委会、各乡镇(街道)等)。",
     ["县商务局"], ["县经济开发区管委会", "各乡镇(街道)"],
     "a tag before the final 。, a list ending in a bracketed group and 等 (the bracket after a group is part of its name:"
     " prose3 9587e2c, 各县(市、区)政府(管委会); this row still expected the bracket dropped)"),
    ("1.做好企业服务。(牵头单位: 县工信局; 责任单位: 县市场监管局、县税务局等)",
     ["县工信局"], ["县市场监管局", "县税务局"], "spaces after the ASCII colon and semicolon"),
    ("1.稳定粮食播种面积。\n牵头单位:县农业农村局;责任单位:各县(市、区)人民政府等",
     ["县农业农村局"], ["各县(市、区)人民政府"], "a label line without brackets; a group holding 、 inside its bracket is one unit"),
    ("1.加快专项债券发行使用。(牵头单位:县财政局;责任单位:县发改局、各乡镇等;完成时限:2025年10月底前)",
     ["县财政局"], ["县发改局", "各乡镇"], "a time label after the 责任单位 list does not end it early"),
]


@pytest.mark.parametrize(("item", "lead", "support", "why"), B_TAGS, ids=[b[3][:40] for b in B_TAGS])
def test_ascii_labelled_tag_keeps_both_lists(item, lead, support, why):
    _, tasks = parse_document(f"某县2025年重点工作任务清单\n\n一、主要任务\n\n{item}\n", "plan", "plan.txt")
    got = [t for t in tasks if t.kind == "task"]
    assert [(t.lead, t.support) for t in got] == [(lead, support)], why


LABELLED_CELLS = [
    ("tab", "牵头单位:县发改局;责任单位:县财政局、县住建局等", ["县发改局"], ["县财政局", "县住建局"], [],
     "a 责任单位 cell holding its own ASCII labels: a labelled tag, its 责任单位 supporting"),
    ("bars-outer", "牵头单位：县发改局；配合单位：县财政局", ["县发改局"], ["县财政局"], [],
     "full-width labels in a cell of a bar table"),
    ("tab", "县商务局", [], [], ["县商务局"], "control: a plain 责任单位 cell stays sole"),
]


@pytest.mark.parametrize(("delimiter", "cell", "lead", "support", "sole", "why"), LABELLED_CELLS,
                         ids=[c[5][:40] for c in LABELLED_CELLS])
def test_role_cell_holding_labels(delimiter, cell, lead, support, sole, why):
    write = DELIMITERS[delimiter]
    text = "\n".join(["某县2025年政府工作报告任务清单", "", write(["序号", "重点工作", "责任单位"]),
                      write(["1", "全年完成固定资产投资增长8%以上", cell]), write(["2", "推进招商引资", "县商务局"])]) + "\n"
    _, tasks = parse_document(text, "plan", "plan.txt")
    assert [(t.lead, t.support, t.sole) for t in tasks] == [(lead, support, sole), ([], [], ["县商务局"])], why
    assert "责任单位：牵头单位" not in (tasks[0].tag or ""), tasks[0].tag


# --- rows spanning the table and rows a merged cell shortens, in a bar table --------------------------------
def test_heading_rows_and_short_rows_in_a_bar_table():
    # A heading row right after the header, and a row leaving out the cells a merged cell covers (the page's
    # rowspan): its cells go to their columns by the regrouping's costs — the unit to 责任单位 (the main unit
    # column when there is no 牵头 column), the 实事项目 it lacks from the row above, with a note; the 配合单位 it
    # lacks is empty, not the row above's (a row is often without supporting units: flattened.may_merge).
    text = "\n".join([
        "某区2022年民生实事项目", "",
        "序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |",
        "一、教育文化",
        "1 | 文化设施提升 | 新建城市书房5家，6月底前完成选址 | 区文广旅体局 | 各乡镇（街道） |",
        "2 | 改造农村文化礼堂10家，年底前完成 | 区委宣传部 |",
        "二、城乡建设",
        "3 | 老旧小区改造 | 完成老旧小区改造10个 | 区住建局 | 区财政局 |"]) + "\n"
    doc, tasks = parse_document(text, "plan", "plan.txt")
    assert doc.title == "某区2022年民生实事项目"
    # (lead / sole: the unit a row's 配合 supports leads, one statement = one row (session 13); row 2 has no 配合: sole)
    assert [(t.part, t.part_title, t.body, t.lead or t.sole, t.support, [d.text for d in t.deadlines]) for t in tasks] == [
        ("一", "教育文化", "新建城市书房5家，6月底前完成选址", ["区文广旅体局"], ["各乡镇（街道）"], ["6月底前"]),
        ("一", "教育文化", "改造农村文化礼堂10家，年底前完成", ["区委宣传部"], [], ["年底前"]),
        ("二", "城乡建设", "完成老旧小区改造10个", ["区住建局"], ["区财政局"], []),
    ]
    assert [bool(t.lead) for t in tasks] == [True, False, True]
    assert any("实事项目：文化设施提升（合并单元格，取自上一行）" in n for n in tasks[1].notes), tasks[1].notes


WRAPPED = [
    (["1 | 文化设施提升 | 新建城市书房5家，", "6月底前完成选址 | 区文广旅体局 | 各乡镇 |"],
     "新建城市书房5家，6月底前完成选址", ["区文广旅体局"], "a cell holding a line break: the row goes on on the next line"),
    (["1 | 文化设施提升 | 新建城市书房5家，", "6月底前完成选址，", "年底前全部开放 | 区文广旅体局 | 各乡镇 |"],
     "新建城市书房5家，6月底前完成选址，年底前全部开放", ["区文广旅体局"], "a wrapped cell over three lines"),
]


@pytest.mark.parametrize(("row_lines", "body", "sole", "why"), WRAPPED, ids=[w[3][:40] for w in WRAPPED])
def test_a_row_written_over_several_lines(row_lines, body, sole, why):
    text = "\n".join(["某区2022年民生实事项目", "", "序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |", *row_lines,
                      "2 | 老旧小区改造 | 完成老旧小区改造10个 | 区住建局 | 区财政局 |"]) + "\n"
    _, tasks = parse_document(text, "plan", "plan.txt")
    # (each row names a 配合 unit: its responsible unit leads — one statement = one row, session 13)
    assert [(t.body, t.lead) for t in tasks] == [(body, sole), ("完成老旧小区改造10个", ["区住建局"])], why
