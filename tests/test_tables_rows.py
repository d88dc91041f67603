"""Rules of task-table rows (tables helper, session 7): merged cells of web pages, a body paragraph the
table divides into several rows, headings of the text repeated as rows of a flattened table.
Each rule: input → expected → why, awkward rows included."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from kb.ingest.html import _table_grid
from kb.parser import parse_document

# --- web page tables: rowspan and colspan ---------------------------------------------------------

GRIDS = [
    ("<tr><td>序号</td><td>事项</td><td>任务</td><td>单位</td></tr>"
     "<tr><td>1</td><td rowspan='2'>甲</td><td>任务一</td><td rowspan='2'>市A局</td></tr>"
     "<tr><td>2</td><td>任务二</td></tr>",
     [["序号", "事项", "任务", "单位"], ["1", "甲", "任务一", "市A局"], ["2", "甲", "任务二", "市A局"]],
     "a continuation row (2 cells of 4) keeps its task under 任务: the merged cells are repeated, as python-docx gives them"),
    ("<tr><td>1</td><td>任务一</td><td rowspan='3'>市A局</td></tr><tr><td>2</td><td>任务二</td></tr>"
     "<tr><td>3</td><td>任务三</td></tr><tr><td>4</td><td>任务四</td><td>市B局</td></tr>",
     [["1", "任务一", "市A局"], ["2", "任务二", "市A局"], ["3", "任务三", "市A局"], ["4", "任务四", "市B局"]],
     "the last column merged over three rows; the row after it has its own cell"),
    ("<tr><td colspan='3'>一、总体</td></tr><tr><td>1</td><td>任务</td><td>市A局</td></tr>",
     [["一、总体", "", ""], ["1", "任务", "市A局"]],
     "colspan: written once, the other columns empty (a row spanning the table is a heading)"),
    ("<tr><td rowspan='2' colspan='2'>甲乙</td><td>x</td></tr><tr><td>y</td></tr>",
     [["甲乙", "", "x"], ["甲乙", "", "y"]],
     "a cell merged both ways: its first column repeated down, the others empty"),
    ("<tr><td rowspan='3'>甲</td><td>x</td></tr><tr><td>y</td></tr>",
     [["甲", "x"], ["甲", "y"]],
     "a rowspan running past the table's last row covers nothing more"),
    ("<tr><td>a</td><td rowspan='2'>b</td><td rowspan='2'>c</td></tr><tr></tr><tr><td>d</td></tr>",
     [["a", "b", "c"], ["", "b", "c"], ["d"]],
     "an empty row under covered columns still holds them (its own first cell empty)"),
    ("<tr><td rowspan='99999'>甲</td><td>x</td></tr><tr><td>y</td></tr>",
     [["甲", "x"], ["y"]],
     "an absurd span (a damaged page) is read as 1"),
    ("<tr><td rowspan='abc'>甲</td><td>x</td></tr><tr><td>y</td></tr>",
     [["甲", "x"], ["y"]],
     "a span that is no number is read as 1"),
]


@pytest.mark.parametrize(("rows", "grid", "why"), GRIDS, ids=[g[2][:40] for g in GRIDS])
def test_html_table_grid(rows, grid, why):
    table = lxml_html.fromstring(f"<table>{rows}</table>")
    assert _table_grid(table) == grid, why


# --- a body paragraph divided into several rows of its attachment --------------------------------

def _plan(body_tag: str, rows: list[str]) -> str:
    lines = ["某区推进某某工作实施方案", "一、主要任务",
             f"1.加强管网建设。新建污水管网10公里，完成泵站改造。{body_tag}",
             "2.加强宣传。开展主题宣传活动。", "附件1", "任务分工表",
             "\t".join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])]
    return "\n".join(lines + rows) + "\n"


SPLITS = [
    ("", ["1\t新建污水管网10公里\t区水务局\t区财政局\t2024年底前", "2\t完成泵站改造\t区城投公司\t区水务局\t2025年6月底前"],
     {"附件1-1": (["区水务局"], ["区财政局"], ["2024年底前"]), "附件1-2": (["区城投公司"], ["区水务局"], ["2025年6月底前"])}, True,
     "an untagged paragraph over two rows with different leads: each row a task with its own roles and dates; "
     "the paragraph no task of the first row's lead"),
    ("", ["1\t新建污水管网10公里\t区水务局\t区财政局\t2024年底前", "2\t完成泵站改造\t区水务局\t区财政局\t2025年6月底前"],
     {"附件1-1": (["区水务局"], ["区财政局"], ["2024年底前"]), "附件1-2": (["区水务局"], ["区财政局"], ["2025年6月底前"])}, True,
     "the same leads: still two tasks (each row's own date), the paragraph holds no roles"),
    ("", ["1\t加强管网建设。新建污水管网10公里，完成泵站改造\t区水务局\t区财政局\t2024年底前"],
     {"一1": (["区水务局"], ["区财政局"], ["2024年底前"])}, False,
     "one row naming the paragraph: the paragraph takes its roles, as before"),
    ("（牵头单位：区水务局；配合单位：区财政局）",
     ["1\t新建污水管网10公里\t区水务局\t区财政局\t", "2\t完成泵站改造\t区城投公司\t区水务局\t"],
     {"一1": (["区水务局"], ["区财政局"], []), "附件1-2": (["区城投公司"], ["区水务局"], [])}, True,
     "a tagged paragraph: the row naming its units only cites; the row naming others is a task of its own"),
]


@pytest.mark.parametrize(("tag", "rows", "expected", "noted", "why"), SPLITS, ids=[s[4][:50] for s in SPLITS])
def test_paragraph_divided_into_rows(tag, rows, expected, noted, why):
    doc, tasks = parse_document(_plan(tag, rows), "plan", "plan.txt")
    by_label = {t.label: t for t in tasks}
    for label, (lead, support, times) in expected.items():
        t = by_label[label]
        assert (t.lead, t.support, [d.text for d in t.deadlines if d.text in "".join(r for r in rows)]) == (lead, support, times), why
    para = by_label["一1"]
    assert any("把本段分为" in n for n in para.notes) is noted, why
    if noted and not tag:
        assert not any(para.departments("any")) and para.kind != "task", why
    cited = [t for t in tasks if t.source and "附件1" in t.source]
    assert sorted(p for t in cited for p in t.source.split("，")) == [f"附件1 第{k + 2}行" for k in range(len(rows))], why


# --- flattened tables: headings the table repeats from the text, unit lists -------------------------

def _flat(rows: list[str]) -> str:
    return "\n\n".join(["某区工作方案", "一、主要任务", "（一）推进示范工程", "1.建设示范点。", "（二）健全推进机制", "2.完善机制。",
                        "附件1", "序号", "事项", "工作措施", "责任单位", *rows]) + "\n"


FLATS = [
    (["1", "示范工程", "建设示范点", "区A局", "2", "完善配套设施建设", "健全推进机制", "3", "完善机制", "区B局"],
     {1: ("建设示范点", ["区A局"]), 2: ("完善配套设施建设", ["区A局"]), 3: ("完善机制", ["区B局"])}, ["健全推进机制"],
     "健全推进机制 repeats the text's heading （二）: a row spanning the table, not the rest of row 2's task"),
    (["1", "示范工程", "建设示范点", "区A局", "2", "加强政策指导", "区发展改革委、区住房城乡建设管理委、区交通委、区水务局、区规划资源局、各街镇"],
     {1: ("建设示范点", ["区A局"]), 2: ("加强政策指导", ("shared", ["区发展改革委", "区住房城乡建设管理委", "区交通委", "区水务局", "区规划资源局", "各街镇"]))}, [],
     "a long list of units is no task cell: 加强政策指导 is the task, the 事项 merged from the row above (six units: shared, A2)"),
]


@pytest.mark.parametrize(("rows", "expected", "headings", "why"), FLATS, ids=[f[3][:40] for f in FLATS])
def test_flattened_rows(rows, expected, headings, why):
    doc, tasks = parse_document(_flat(rows), "plan", "plan.txt")
    for n, (body, sole) in expected.items():
        role, names = sole if isinstance(sole, tuple) else ("sole", sole)  # ("shared", [...]): a cell of several units
        hits = [t for t in tasks if t.source == f"附件1 序号{n}"]
        # (row 1's 建设示范点 is the text's item 1.建设示范点。 word for word: that paragraph is the row's task, linked
        # one-to-one — session 10's matching decision — so its body keeps the text's marker and stop)
        assert len(hits) == 1 and re.sub(r"^\d+\.|。$", "", hits[0].body) == body and getattr(hits[0], role) == names, (why, [(t.source, t.body) for t in tasks])
        assert not (hits[0].shared if role == "sole" else hits[0].sole), why
        assert not hits[0].warnings, why
    assert [title for label, title in doc.sections if label.startswith("附件1")] == headings, why


# --- tables reaching the text as lines: one cell a line closed by a bar, one row a line split at spaces ----

from kb.parser.flattened import cells_one_a_line, split_spaced_rows  # noqa: E402
from kb.parser.tables import header_columns, is_task_header, load_vocabulary  # noqa: E402

BARS = [
    ("序号 |\n重点工作 |\n责任单位 |\n1 |\n推进项目 |\n区A局 |", "序号\n重点工作\n责任单位\n1\n推进项目\n区A局",
     "a web page's cells one a line, each closed by ' |': the bars go"),
    ("发布机构: | 区政府 |\n标题: | 通知 |", "发布机构: | 区政府 |\n标题: | 通知 |",
     "lines of several bars are rows with bars (bar_rows_to_tabs), not cells one a line"),
    ("上一页 |\n正文。", "上一页 |\n正文。", "a lone line ending in a bar stays"),
    ("甲 |\n乙 |\n正文。", "甲 |\n乙 |\n正文。", "two such lines are too few to be a table"),
]


@pytest.mark.parametrize(("text", "expected", "why"), BARS, ids=[b[2][:40] for b in BARS])
def test_cells_one_a_line(text, expected, why):
    assert cells_one_a_line(text) == expected, why


LEADER_TABLE = ("某开发区2025年重点工作清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n"
                "1 |\n推进重点项目落地见效。 |\n王明 |\n招商部、服务中心 |\n全年 |\n"
                "2 |\n盘活存量土地 300亩。 |\n李华、赵强 |\n改革办 |\n年底前 |\n"
                "3 |\n加快推进污水管 |\n网提升项目。 |\n常务副主任 |\n规划建设局 |\n全年 |\n")


def test_leader_column_and_a_last_row_on_more_lines():
    """A 责任领导 cell holds people or posts (王明, 李华、赵强, 常务副主任): a note, never a unit, and never
    mistaken for the 责任单位 cell; the last row's task on two lines still ends with its 完成时限 cell."""
    _, tasks = parse_document(LEADER_TABLE, "plan", "plan.txt")
    rows = {t.source: t for t in tasks if t.source}
    assert set(rows) == {"表1 序号1", "表1 序号2", "表1 序号3"}
    want = {"表1 序号1": ([], ["招商部", "服务中心"], "王明", "全年"), "表1 序号2": (["改革办"], [], "李华、赵强", "年底前"),
            "表1 序号3": (["规划建设局"], [], "常务副主任", "全年")}  # row 1's two units share it (A2)
    for cite, (sole, shared, leader, when) in want.items():
        t = rows[cite]
        assert (t.sole, t.shared, t.notes[0], [d.text for d in t.deadlines][-1]) == (sole, shared, f"责任领导：{leader}", when), cite
        assert not t.warnings, cite
    assert rows["表1 序号3"].body == "加快推进污水管网提升项目。"


SPACED = [
    ("序号 重点工作任务 主要责任单位 协同配合单位\n1 加快推进项目建设 区发改委 区财政局、区住建局\n2 优化营商环境 区政务服务局 区司法局\n",
     "序号\n重点工作任务\n主要责任单位\n协同配合单位\n1\n加快推进项目建设\n区发改委\n区财政局、区住建局\n2\n优化营商环境\n区政务服务局\n区司法局\n",
     "the header of column words and its numbered rows: one word a line"),
    ("序号 重点工作任务 主要责任单位\n\n1 加快推进项目建设 区发改委\n\n一、民生\n\n2 办好实事 区民政局\n\n二、保障措施\n\n各部门要加强协调。\n",
     "序号\n\n重点工作任务\n\n主要责任单位\n\n1\n\n加快推进项目建设\n\n区发改委\n\n一、民生\n\n2\n\n办好实事\n\n区民政局\n\n二、保障措施\n\n各部门要加强协调。\n",
     "a text of blank-line paragraphs keeps them; a short line between rows is a row spanning the table (kept whole); the table ends at a sentence"),
    ("附件:某市任务分解表 序号 名称 工作任务 牵头责任单位\n1 增长7%以上. 发改委\n2 增长8%以上. 财政局\n",
     "附件:某市任务分解表\n序号\n名称\n工作任务\n牵头责任单位\n1\n增长7%以上.\n发改委\n2\n增长8%以上.\n财政局\n",
     "a header ending a longer line (a cover flattened onto one line runs into it): the text before it stays a line"),
    ("序号 重点工作任务 主要责任单位\n1 加快推进项目建设 区发改委\n正文继续。\n",
     "序号 重点工作任务 主要责任单位\n1 加快推进项目建设 区发改委\n正文继续。\n",
     "one row only: no table (a header line in prose could be anything)"),
    ("本表列出 重点工作任务 主要责任单位\n1 加快推进 区发改委\n2 优化 区政务服务局\n",
     "本表列出 重点工作任务 主要责任单位\n1 加快推进 区发改委\n2 优化 区政务服务局\n",
     "a line whose words do not all name columns is no header"),
    ("序号 指标 任务分工\n1 国内生产总值增长7%左右 发展改革委、统计局\n2 城镇新增就业1100万人以上 人力资源社会保障部\n",
     "序号\n指标\n任务分工\n1\n国内生产总值增长7%左右\n发展改革委、统计局\n2\n城镇新增就业1100万人以上\n人力资源社会保障部\n",
     "a 量化指标任务分工 table: 指标 is the task column (each row a figure to reach), 任务分工 says who does it"),
    ("序号 工 作 任 务 牵头负责部门\n1 铁路投资8000亿元 发展改革委\n2 再开工20项重大水利工程 水利部\n",
     "序号\n工作任务\n牵头负责部门\n1\n铁路投资8000亿元\n发展改革委\n2\n再开工20项重大水利工程\n水利部\n",
     "a letter-spaced header cell (工 作 任 务: typesetting spreads a short name over a wide cell) is one word"),
    ("序 号 指 标 任务分工\n1 粮食产量1.3万亿斤以上 农业农村部\n2 新增高标准农田8000万亩 农业农村部、财政部\n",
     "序号\n指标\n任务分工\n1\n粮食产量1.3万亿斤以上\n农业农村部\n2\n新增高标准农田8000万亩\n农业农村部、财政部\n",
     "every header cell letter-spaced but the last"),
    ("序号 指标 任务分工\n1 城镇新增就业 1100 万人以上 人力资源社会保障部\n2 新建改建农村公路 20 万公里 交通运输部\n",
     "序号\n指标\n任务分工\n1\n城镇新增就业1100万人以上\n人力资源社会保障部\n2\n新建改建农村公路20万公里\n交通运输部\n",
     "a number spaced apart inside a quantity (1100 万人以上) stays in its cell: a bare number would read as a 序号"),
    ("序号 指标 目标值 责任单位\n1 地区生产总值增长 7 市发改委\n2 新增就业 5 市人社局\n",
     "序号\n指标\n目标值\n责任单位\n1\n地区生产总值增长\n7\n市发改委\n2\n新增就业\n5\n市人社局\n",
     "control: a number before a unit's name is a cell of its own (a 目标值 column)"),
    ("我们 要 做 好 工作\n1 甲 乙\n2 丙 丁\n",
     "我们 要 做 好 工作\n1 甲 乙\n2 丙 丁\n",
     "control: single characters joined are no column words, so no header"),
    ("重点工作任务 主要责任单位 完成时限\n1 加快推进 区发改委 年底前\n2 优化 区政务服务局 全年\n",
     "重点工作任务 主要责任单位 完成时限\n1 加快推进 区发改委 年底前\n2 优化 区政务服务局 全年\n",
     "a header without 序号 is not split (its rows could not be told apart)"),
]


@pytest.mark.parametrize(("text", "expected", "why"), SPACED, ids=[s[2][:40] for s in SPACED])
def test_split_spaced_rows(text, expected, why):
    assert split_spaced_rows(text, load_vocabulary(), header_columns, is_task_header) == expected, why


def test_spaced_table_is_read_before_cleanup_glues_its_cells():
    """The blind set's form: cleanup removes spaces next to CJK characters, which glued the cells into
    one paragraph with no roles; split first, the rows are tasks with their units (主要责任单位 is a 责任单位
    column: 负责, no lead is guessed from 主要; 协同配合单位 the supporting units)."""
    text = ("某区2024年重点工作任务分解表\n序号 重点工作任务 主要责任单位 协同配合单位\n"
            "1 加快推进城市更新项目建设，年底前完成10个小区改造 区住建局 区财政局、各街道\n"
            "2 优化营商环境 区政务服务局 区司法局\n")
    doc, tasks = parse_document(text, "plan", "plan.txt")
    rows = {t.source: t for t in tasks if t.source}
    assert set(rows) == {"表1 序号1", "表1 序号2"}
    assert (rows["表1 序号1"].body, rows["表1 序号1"].support) == ("加快推进城市更新项目建设，年底前完成10个小区改造", ["区财政局", "各街道"])
    assert rows["表1 序号2"].support == ["区司法局"]
    assert [d.text for d in rows["表1 序号1"].deadlines] == ["年底前"]


def test_quantified_targets_table_after_a_paragraph_is_rows_of_their_own():
    """A 量化指标任务分工 table flattened with single spaces right after a paragraph of the notice (issue #11,
    a blind cause: its rows were read inside that paragraph, 0/9 right).  Each row is a task of its own with
    its own units; the paragraph keeps no roles; a cell's own role words set the role (counted by hand)."""
    text = ("国务院办公厅关于印发量化指标任务分工的通知\n国务院有关部门：\n"
            "为抓好《政府工作报告》的贯彻落实，现将量化指标任务分工印发给你们，请认真贯彻执行。\n"
            "一、各有关部门要按照分工抓紧研究制定工作方案，健全工作机制，层层落实责任，抓好督促检查。\n"
            "二、各有关部门要按照时间节点，及时报送量化指标任务进展情况，确保数据真实可靠、准确无误。\n"
            "序号 指标 任务分工\n"
            "1 居民消费价格涨幅3%左右 发展改革委\n"
            "2 城镇新增就业1100万人以上 人力资源社会保障部\n"
            "3 铁路投资8000亿元左右 发展改革委、铁路总公司\n"
            "4 完成棚户区住房改造600万套 住房城乡建设部牵头，发展改革委、财政部配合\n"
            "5 农村贫困人口减少1000万人以上 扶贫办会同有关部门\n")
    doc, tasks = parse_document(text, "plan", "plan.txt")
    rows = {t.source: t for t in tasks if t.source}
    assert set(rows) == {f"表1 序号{n}" for n in range(1, 6)}
    got = {k: (t.body, t.lead, t.support, t.sole, t.shared) for k, t in rows.items()}
    assert got == {
        "表1 序号1": ("居民消费价格涨幅3%左右", [], [], ["发展改革委"], []),
        "表1 序号2": ("城镇新增就业1100万人以上", [], [], ["人力资源社会保障部"], []),
        "表1 序号3": ("铁路投资8000亿元左右", [], [], [], ["发展改革委", "铁路总公司"]),  # two units: shared (A2)
        "表1 序号4": ("完成棚户区住房改造600万套", ["住房城乡建设部"], ["发展改革委", "财政部"], [], []),
        "表1 序号5": ("农村贫困人口减少1000万人以上", ["扶贫办"], ["有关部门"], [], []),
    }
    before = [t for t in tasks if not t.source]
    assert not any(t.departments("any") for t in before)
    assert not any("居民消费价格" in t.text for t in before)


# A task table's role cell may carry role words and words of manner of its own: they are no part of a name,
# and a role word other than a plain 负责/落实 sets the role of the names before it (kb.parser.roles.cell_segments).
CELL_ROLES = [
    ("省科技厅按职责分工负责", "support", [("省科技厅", "shared")], "按职责分工负责 in a 配合单位 cell: shared, not part of the name"),
    ("省经信厅负责", "lead", [("省经信厅", "lead")], "a plain 负责 in a 牵头单位 cell repeats the column's role"),
    ("省财政厅、省税务局配合", "support", [("省财政厅、省税务局", "support")], "配合 in a 配合单位 cell: the same role"),
    ("各市政府结合实际分别落实", "support", [("各市政府", "support")], "words of manner (结合实际, 分别) and a weak 落实 dropped"),
    ("市X局牵头，市Y局、市Z局配合", "sole", [("市X局", "lead"), ("市Y局、市Z局", "support")],
     "a 责任单位 cell naming a lead and supporters in its own words"),
    ("市X局牵头、市Y局配合", "sole", [("市X局", "lead"), ("市Y局", "support")], "、 right after a role word separates segments"),
    ("各项目牵头单位", "sole", [("各项目牵头单位", "sole")], "control: 牵头 inside a name (no role word at its end)"),
    ("市发展改革委", "lead", [("市发展改革委", "lead")], "control: a plain cell keeps its column's role"),
    ("市A局、市B局共同牵头", "sole", [("市A局、市B局", "lead")], "共同牵头 is a lead word (longest first), not manner + 牵头"),
    ("分别", "support", [("分别", "support")], "a cell of manner words alone stays as written (no empty name)"),
]


@pytest.mark.parametrize(("cell", "column", "expected", "why"), CELL_ROLES, ids=[c[3][:40] for c in CELL_ROLES])
def test_cell_role_words(cell, column, expected, why):
    from kb.parser.roles import cell_segments

    assert cell_segments(cell, column) == expected, why


def test_role_words_in_cells_set_roles_in_a_table():
    """The same in a whole table (tab-separated, an attachment after the text): names carry no role words and
    a bracketed second name stays the body's second name (Task.subunits), found by a question about it."""
    text = ("某省数字经济行动方案\n一、总体要求\n坚持系统推进。\n附件\n重点任务分工表\n"
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t建设算力调度平台\t省发展改革委\t省科技厅按职责分工负责\t2026年底前\n"
            "2\t开展知识产权质押融资\t省市场监管局（省知识产权局）负责\t各市政府结合实际分别落实\t2026年6月底前\n")
    _, tasks = parse_document(text, "plan", "plan.txt")
    rows = [t for t in tasks if t.source]
    assert [(t.lead, t.support, t.shared, t.subunits) for t in rows] == [
        (["省发展改革委"], ["省科技厅"], [], {}),
        (["省市场监管局"], ["各市政府"], [], {"省市场监管局": ["省知识产权局"]}),
    ]
    assert not any("不像单位名称" in w for t in rows for w in t.warnings)


# --- columns naming the issuer's internal divisions ---------------------------------------------------

DIVISIONS = [
    (["序号", "重点任务", "牵头单位", "配合单位", "市卫健委内牵头处室", "完成时限"],
     {"number": 0, "task": 1, "lead": 2, "support": 3, "other": 4, "deadline": 5},
     "市卫健委内牵头处室 holds 牵头 but names the issuer's divisions: no role column"),
    (["序号", "工作任务", "责任单位", "委内责任处室", "完成时间"], {"number": 0, "task": 1, "responsible": 2, "other": 3, "deadline": 4},
     "委内责任处室 likewise (责任 inside it)"),
    (["序号", "工作任务", "牵头处室", "配合处室"], {"number": 0, "task": 1, "lead": 2, "support": 3},
     "a table of divisions only (a department's own list): its divisions do the work, read by their role words"),
    (["序号", "重点任务", "责任处室", "完成时限"], {"number": 0, "task": 1, "responsible": 2, "deadline": 3},
     "责任处室 as the only unit column: responsible"),
    (["序号", "重点任务", "牵头单位", "责任处室"], {"number": 0, "task": 1, "lead": 2, "other": 3},
     "beside a 牵头单位 column, 责任处室 stays a field"),
    (["序号", "重点任务", "备注处室"], {"number": 0, "task": 1, "other": 2},
     "a division column without a role word is a field"),
]


@pytest.mark.parametrize(("cells", "columns", "why"), DIVISIONS, ids=[d[2][:40] for d in DIVISIONS])
def test_inner_division_columns(cells, columns, why):
    found = header_columns(cells)
    assert found == columns, why


def test_division_column_in_a_table_and_flattened():
    """The division cell is the task's field, its 医政医管处 no unit; flattened, the header run does not stop
    at it (every header cell must name a column), so the columns stay aligned."""
    header = ["序号", "重点任务", "牵头单位", "配合单位", "市卫健委内牵头处室", "完成时限"]
    row = ["1", "推进紧密型医联体建设", "市卫健委", "市医保局", "医政医管处", "2024年底前"]
    tab = "某市卫生健康工作方案\n" + "\t".join(header) + "\n" + "\t".join(row) + "\n"
    flat = "\n\n".join(["某市卫生健康工作方案", *header, *row, "2", "加强基层医疗卫生服务", "市卫健委", "各区政府", "基层卫生处", "全年"]) + "\n"
    for text in (tab, flat):
        _, tasks = parse_document(text, "plan", "plan.txt")
        t = next(t for t in tasks if t.source and t.source.endswith(("第2行", "序号1")))
        assert (t.lead, t.support, t.fields.get("市卫健委内牵头处室")) == (["市卫健委"], ["市医保局"], "医政医管处")
        assert not any("医政医管处" in n for r in ("lead", "support", "sole") for n in getattr(t, r))


# --- a web table pasted from the browser: tab-separated, covered cells left out ---------------------

PASTED = [
    (["1\t“光伏+地铁”工程\t充分利用既有高架车站资源\t申通地铁集团", "2\t新建高架车站屋顶光伏覆盖面积达到50%"],
     {2: ("新建高架车站屋顶光伏覆盖面积达到50%", ["申通地铁集团"], "“光伏+地铁”工程")},
     "2 cells of 4: 序号 and the task; 事项 and 责任单位 come from the row above"),
    (["1\t“光伏+港口”工程\t建造分布式光伏电站\t上港集团、市交通委", "2\t探索光伏船体试点\t市交通委、市水务局"],
     {2: ("探索光伏船体试点", ("shared", ["市交通委", "市水务局"]), "“光伏+港口”工程")},
     "3 cells of 4: the row's own units after the task, only 事项 merged"),
    (["1\t“光伏+地铁”工程\t充分利用既有高架车站资源\t申通地铁集团", "推进机制", "2\t健全商业运营模式\t建立项目开发管理机制\t市交通委"],
     {2: ("建立项目开发管理机制", ["市交通委"], "健全商业运营模式")},
     "a line without a tab between rows is a row spanning the table (a heading), not the table's end"),
    (["1\t“光伏+地铁”工程\t充分利用既有高架车站资源\t申通地铁集团", "推进机制", "2\t建立项目开发管理机制\t市交通委"],
     {2: ("建立项目开发管理机制", ["市交通委"], None)},
     "a merged cell never runs across a heading row: 事项 stays empty after it"),
]


@pytest.mark.parametrize(("rows", "expected", "why"), PASTED, ids=[p[2][:40] for p in PASTED])
def test_pasted_rows_with_merged_cells_left_out(rows, expected, why):
    text = "某市工作方案\n" + "\t".join(["序号", "事项", "工作措施", "责任单位"]) + "\n" + "\n".join(rows) + "\n"
    _, tasks = parse_document(text, "plan", "plan.txt")
    for body, sole, name in expected.values():
        role, names = sole if isinstance(sole, tuple) else ("sole", sole)  # ("shared", [...]): a cell of several units (A2)
        hits = [t for t in tasks if t.source and t.body == body]
        assert len(hits) == 1, (why, [(t.source, t.body) for t in tasks])
        assert (getattr(hits[0], role), hits[0].fields.get("事项")) == (names, name), (why, hits[0].fields)


def test_full_rows_keep_their_empty_cells_where_they_stand():
    """Ingestion writes every row at the table's width: a row whose last cells are empty (no 配合单位, no
    完成时限) is not short, and its lead stays the lead (not re-placed by the costs)."""
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    text = "某市工作方案\n" + "\t".join(header) + "\n" + "\t".join(["1", "推进项目", "", "市A局", ""]) + "\n" + \
        "\t".join(["2", "优化环境", "市B局", "", ""]) + "\n"
    _, tasks = parse_document(text, "plan", "plan.txt")
    rows = {t.body: t for t in tasks if t.source}
    assert (rows["推进项目"].lead, rows["推进项目"].support) == ([], ["市A局"])
    assert (rows["优化环境"].lead, rows["优化环境"].support) == (["市B局"], [])


def test_name_cell_repeating_a_heading_before_its_number_stays_a_name():
    """任务类型 before 序号 (静安 2023's layout) whose cells repeat the text's own section headings: the cell
    before a row's 序号 is still that row's name, not a heading row (a known heading costs 1 as a heading row,
    a name cell fits it at 0)."""
    text = "\n\n".join(["某区工作方案", "一、主要任务", "（一）推进示范工程", "1.建设示范点。", "（二）健全推进机制", "2.完善机制。",
                        "附件", "任务类型", "序号", "工作任务", "推进单位",
                        "推进示范工程", "1", "建设示范点", "区A局", "健全推进机制", "2", "完善机制", "区B局"]) + "\n"
    _, tasks = parse_document(text, "plan", "plan.txt")
    rows = {t.source: t for t in tasks if t.source}
    assert rows["附件 序号2"].fields.get("任务类型") == "健全推进机制" and rows["附件 序号2"].sole == ["区B局"]
    assert rows["附件 序号1"].fields.get("任务类型") == "推进示范工程" and not rows["附件 序号2"].warnings


CAPTIONS = [
    (["附表1", "任务分工表", "打*的为具体项目"], ("附表1", "任务分工表（打*的为具体项目）"),
     "a note line after the table's name is no part of the title: kept in brackets"),
    (["附件1", "某区2023年政府工作报告重点工作", "任务分解表"], ("附件1", "某区2023年政府工作报告重点工作任务分解表"),
     "a title wrapped over two lines is one title"),
    (["附件2：重点任务清单"], ("附件2", "重点任务清单"), "the title on the caption's line"),
]


@pytest.mark.parametrize(("lines", "expected", "why"), CAPTIONS, ids=[c[2][:40] for c in CAPTIONS])
def test_caption_and_title(lines, expected, why):
    text = "某区工作方案\n一、主要任务\n1.推进项目建设。\n" + "\n".join(lines) + "\n" + "\t".join(["序号", "重点任务", "责任单位"]) + \
        "\n1\t推进项目建设\t区A局\n2\t办好实事\t区B局\n"
    _, tasks = parse_document(text, "plan", "plan.txt")
    own = [t for t in tasks if t.source and "第3行" in t.source]
    assert (own[0].part, own[0].part_title) == expected, why


def test_docx_row_starting_later_than_the_first_column(tmp_path):
    """A Word row that starts at grid column 3 (w:gridBefore=2, the cells a merged cell above covers left
    out, as Word/WPS write tables converted from web pages): python-docx gives 3 cells for a 5-column
    header; kb pads it to the grid with the cells above, so 推进一网通办 stays the task and 市大数据局 the lead."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from kb.ingest import read_document

    d = docx.Document()
    d.add_paragraph("某市2024年优化营商环境重点任务分工方案")
    t = d.add_table(rows=3, cols=5)
    for r, values in enumerate([["序号", "任务类别", "重点任务", "牵头单位", "配合单位"],
                                ["1", "营商环境", "推行清单管理", "市政务服务局", "市司法局"],
                                ["2", "营商环境", "推进一网通办", "市大数据局", "市财政局"]]):
        for j, v in enumerate(values):
            t.cell(r, j).text = v
    tr = t.rows[2]._tr
    for tc in list(tr.tc_lst)[:2]:
        tr.remove(tc)
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "2")
    tr.get_or_add_trPr().append(before)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    _, tasks = parse_document(read_document(path).text, "plan", str(path))
    row = next(t for t in tasks if t.body == "推进一网通办")
    assert (row.lead, row.support, row.fields.get("任务类别")) == (["市大数据局"], ["市财政局"], "营商环境")


# A task table's cell holding a "none" marker names no unit (kb/data/roles.yaml none_markers); only the
# whole cell (or a whole list item) is one, so a name opening with 无 is a unit.
NONE_CELLS = [
    ("无", [], "无 in a 配合单位 cell: no unit"),
    ("无。", [], "无。 with its full stop: no unit"),
    ("暂无", [], "暂无: no unit"),
    ("/", [], "a slash: no unit"),
    ("—", [], "an em dash: no unit"),
    ("-", [], "a hyphen: no unit"),
    ("市财政局、无", ["市财政局"], "a list item 无 is dropped, the unit stays"),
    ("无锡市商务局", ["无锡市商务局"], "control: a unit starting with 无 stays"),
    ("市财政局", ["市财政局"], "control: an ordinary cell is unchanged"),
]


@pytest.mark.parametrize(("cell", "support", "why"), NONE_CELLS, ids=[c[2][:40] for c in NONE_CELLS])
def test_none_marker_cells_name_no_unit(cell, support, why):
    from kb.parser import parse_document

    header = "序号\t重点任务\t牵头单位\t配合单位\t完成时限"
    text = (f"某市2024年重点任务分工方案\n\n{header}\n1\t召开全市动员大会，建立联席会议制度。\t市政府办公室\t{cell}\t2024年3月底前\n"
            "2\t推动餐饮行业减少使用一次性用品。\t市商务局\t市财政局\t全年\n")
    _, tasks = parse_document(text, "t")
    assert [(t.lead, t.support) for t in tasks] == [(["市政府办公室"], support), (["市商务局"], ["市财政局"])], why
