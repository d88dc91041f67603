"""(ROUTED tagsblind12 → tables5 (d)) A task table whose text layer (a PDF's, a page's) wrote each row's SHORT cells run
together on one line — the 序号, a 数量 or a 完成时限, the units (``2312470劳动保障局``: row 23, 12470, 劳动保障局;
``12024年6月底前市发改委``: row 1, 2024年6月底前, 市发改委) — and the row's long task cell on lines of its own, before that
line, after it, or around it (a cell centred beside a task wrapped over two lines).  Before, the task lines of every row
ran together into one task and the glued lines became tasks of their own, with no role and no warning.

The rule (kb/parser/flattened.py ``glued_cell_lines``): under a header line naming a 序号 column, then the task column,
then short columns only (a figure column of tables.yaml figure_headers, a time column, unit columns), a line is a row's
glued cells when it opens with the NEXT row number and the rest cuts exactly one way into those columns — the figure's
digits, a time that opens with a year or a time word and ends like one, unit-shaped names (two unit columns cut where
one name ends like a unit and the next opens like one).  The task lines go with the rows by one layout for the whole
table, proved: all after their row's line (nothing between the header and row 1), all before it (each row's text closing
a sentence, or nothing after the last row), or around it (each gap holding exactly one line that closes a sentence, not
its last).  Else the table is left as it was and kb warns (table_glued_cells_unproved): its rows give no role.
Forms of my own at 省/市/县/区 level; expectations written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _parse(text: str):
    return parse_document(text, "t")


def _task(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:16] for t in tasks])
    return hits[0]


# (text, {task opening: (lead, support, sole, shared, deadlines)}, why)
CASES = [
    ("某市2024年重点工作任务分解表\n"
     "序号 工作任务 完成时限 责任单位\n"
     "12024年6月底前市住建局\n"
     "推进老旧小区改造，完成改造\n"
     "120个小区。\n"
     "22024年9月底前市文广旅局\n"
     "建设城市书房20个。\n"
     "32024年12月底前市人社局\n"
     "新增城镇就业岗位1万个。\n",
     {"推进老旧小区改造，完成改造120个小区。": ([], [], ["市住建局"], [], ["2024年6月底前"]),
      "建设城市书房20个。": ([], [], ["市文广旅局"], [], ["2024年9月底前"]),
      "新增城镇就业岗位1万个。": ([], [], ["市人社局"], [], ["2024年12月底前"])},
     "市, task lines AFTER their row's line (nothing between the header and row 1): 1|2024年6月底前|市住建局"),
    ("某县2023年民生实事项目表\n"
     "序号项目数量牵头单位配合单位\n"
     "城镇新增就业（人）。\n"
     "112470县劳动保障局各乡镇\n"
     "改造老旧小区（个）。\n"
     "230县住建局县财政局\n",
     {"城镇新增就业（人）。": (["县劳动保障局"], ["各乡镇"], [], [], []),
      "改造老旧小区（个）。": (["县住建局"], ["县财政局"], [], [], [])},
     "县, glued header, task lines BEFORE: 1|12470|县劳动保障局|各乡镇 (the 序号 runs on: 1 then 12470)"),
    ("某区2023年民生实事项目表\n"
     "序号 项目名称 数量 责任单位\n"
     "城镇新增就业（人）\n"
     "112470区劳动保障局\n"
     "改造老旧小区（个）\n"
     "230区住建局\n",
     {"城镇新增就业（人）": ([], [], ["区劳动保障局"], [], []),
      "改造老旧小区（个）": ([], [], ["区住建局"], [], [])},
     "区, names without a stop, task lines before, nothing after the last row: one line a row, before"),
    ("某省2023年重点任务分工表\n"
     "序号 重点任务 牵头单位 完成时限\n"
     "加快建设全国统一大市场，清理\n"
     "1省发展改革委2023年底前\n"
     "妨碍统一市场的规定。\n"
     "推进政务服务“一网通办”，实现\n"
     "2省政务服务数据管理局2023年6月底前\n"
     "高频事项全程网办。\n",
     {"加快建设全国统一大市场，清理妨碍统一市场的规定。": (["省发展改革委"], [], [], [], ["2023年底前"]),
      "推进政务服务“一网通办”，实现高频事项全程网办。": (["省政务服务数据管理局"], [], [], [], ["2023年6月底前"])},
     "省, a task wrapped over two lines with its short cells centred between them: around"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_glued_cells_on_a_line_of_their_own(text, expected, why):
    doc, tasks = _parse(text)
    for opening, (lead, support, sole, shared, deadlines) in expected.items():
        t = _task(tasks, opening)
        assert (t.lead, t.support, t.sole, t.shared) == (lead, support, sole, shared), (why, opening, t.lead, t.support, t.sole, t.shared)
        assert [d.text for d in t.deadlines] == deadlines, (why, opening, [d.text for d in t.deadlines])
    assert len([t for t in tasks if t.kind == "task"]) == len(expected), (why, [t.text[:16] for t in tasks])
    assert not any("table_glued" in w or "不能确定" in w for w in doc.warnings), (why, doc.warnings)


def test_two_digit_row_numbers_run_on():
    """区: rows 1…12, the 10th to 12th glued to a four-figure 数量 (``1012470``): the 序号 is the one that runs on."""
    figures = [120, 30, 5, 8, 2, 60, 15, 300, 9, 12470, 4000, 7]
    lines = ["某区2024年民生实事项目表", "序号 项目 数量 责任单位"]
    for n, f in enumerate(figures, 1):
        lines += [f"民生项目第{n}项建设。", f"{n}{f}区住建局"]
    doc, tasks = _parse("\n".join(lines) + "\n")
    rows = [t for t in tasks if t.kind == "task"]
    assert len(rows) == 12, [t.text[:16] for t in tasks]
    assert all(t.sole == ["区住建局"] for t in rows), [(t.text[:10], t.sole) for t in rows]
    assert [t.text for t in rows][9].startswith("民生项目第10项建设。"), [t.text[:12] for t in rows]


UNPROVED = [
    ("某市重点任务分工表\n"
     "序号 工作任务 完成时限 责任单位\n"
     "推进老旧小区改造，完成改造\n"
     "12024年6月底前市住建局\n"
     "120个小区。同步加装电梯。\n"
     "建设城市书房。\n"
     "22024年9月底前市文广旅局\n"
     "打造阅读圈。\n"
     "下一段文字。\n",
     "around, but the gap between rows 1 and 2 closes two sentences: where row 1 ends is not proved"),
]


@pytest.mark.parametrize(("text", "why"), UNPROVED, ids=[c[1][:40] for c in UNPROVED])
def test_unproved_rows_warn_and_give_no_role(text, why):
    doc, tasks = _parse(text)
    assert any("连写" in w for w in doc.warnings), (why, doc.warnings)
    assert not any(t.lead or t.sole or t.shared or t.support for t in tasks), (why, [(t.text[:12], t.sole) for t in tasks])


def test_glued_cell_line_unit():
    """The cut of one line: (line, expected number, short columns' kinds, cells or None)."""
    from kb.parser.flattened import glued_cell_line
    from kb.parser.tables import _time_like, _unit_like

    rows = [
        ("2312470劳动保障局", 23, ["figure", "unit"], ["23", "12470", "劳动保障局"]),
        ("12024年6月底前市发改委", 1, ["time", "unit"], ["1", "2024年6月底前", "市发改委"]),
        ("122024年6月底前市发改委", 12, ["time", "unit"], ["12", "2024年6月底前", "市发改委"]),
        ("1省发展改革委2023年底前", 1, ["unit", "time"], ["1", "省发展改革委", "2023年底前"]),
        ("112470县劳动保障局各乡镇", 1, ["figure", "unit", "unit"], ["1", "12470", "县劳动保障局", "各乡镇"]),
        ("2312470劳动保障局", 24, ["figure", "unit"], None),  # the number does not run on
        ("12024年6月底前完成改造", 1, ["time", "unit"], None),  # no unit after the time
        ("1推进老旧小区改造市住建局", 1, ["time", "unit"], None),  # no time
        ("2024年底前完成", 2, ["time", "unit"], None),  # 2 opens 2024: the rest is no glued row
        ("1市住建局市财政局", 1, ["unit"], ["1", "市住建局市财政局"]),  # one unit column: its names as written
    ]
    for line, number, kinds, cells in rows:
        assert glued_cell_line(line, number, kinds, _unit_like, _time_like) == cells, line


def test_rows_written_with_spaces_are_no_glued_rows():
    """Control: ``1 推进老旧小区改造 市住建局`` — a row whose cells a space separates — is no glued row: its task is no unit,
    and a space inside a cut cell proves the cut wrong; the spaced reader reads the table as before."""
    from kb.parser.flattened import glued_cell_line
    from kb.parser.tables import _time_like, _unit_like

    assert glued_cell_line("1 推进老旧小区改造 市住建局", 1, ["unit"], _unit_like, _time_like) is None
    assert glued_cell_line("1 2024年6月底前 市住建局", 1, ["time", "unit"], _unit_like, _time_like) == ["1", "2024年6月底前", "市住建局"]
    assert glued_cell_line("1 2024年6月 底前市住建局", 1, ["time", "unit"], _unit_like, _time_like) is None
    text = ("某县重点任务分工表\n序号 工作任务 责任单位\n1 推进老旧小区改造。 县住建局\n2 建设城市书房。 县文广旅局\n")
    doc, tasks = _parse(text)
    assert _task(tasks, "推进老旧小区改造。").sole == ["县住建局"], [(t.text[:10], t.sole) for t in tasks]


def test_rows_spanning_the_table_and_a_repeated_header():
    """市, after layout: a category row (一、… / 二、…) between rows is the table's heading, never the end of a row's task;
    the header repeated after a page break is no row's text."""
    text = ("某市2024年重点工作任务分解表\n"
            "序号 工作任务 完成时限 责任单位\n"
            "一、城市更新\n"
            "12024年6月底前市住建局\n"
            "推进老旧小区改造120个。\n"
            "二、文化惠民\n"
            "22024年9月底前市文广旅局\n"
            "建设城市书房20个。\n"
            "序号 工作任务 完成时限 责任单位\n"
            "32024年12月底前市文广旅局\n"
            "举办群众文化活动100场。\n")
    doc, tasks = _parse(text)
    rows = [t for t in tasks if t.kind == "task"]
    assert [t.text.split("（")[0] for t in rows] == ["推进老旧小区改造120个。", "建设城市书房20个。", "举办群众文化活动100场。"], \
        [t.text for t in tasks]
    assert [t.sole for t in rows] == [["市住建局"], ["市文广旅局"], ["市文广旅局"]]
    assert rows[1].part_title == "文化惠民" or "文化惠民" in (rows[1].section_title or "") or rows[1].part == "二", \
        (rows[1].part, rows[1].part_title, rows[1].section_title)


def test_rows_after_a_broken_numbering_are_said():
    """县, after layout: row 3's line is no glued row (its unit is no unit's shape: 三号 would be a guess), so the table's
    proved rows stop at 2 — rows 4 and 5, glued the same way after it, are warned about, never run into the text silently
    (rows 1–2 read as proved)."""
    text = ("某县2024年重点工作任务分解表\n"
            "序号 工作任务 完成时限 责任单位\n"
            "12024年6月底前县住建局\n"
            "推进老旧小区改造30个。\n"
            "22024年9月底前县文广旅局\n"
            "建设城市书房5个。\n"
            "32024年9月底前三号\n"
            "新建公园2个。\n"
            "42024年10月底前县交通运输局\n"
            "改造农村公路20公里。\n"
            "52024年12月底前县人社局\n"
            "新增就业岗位800个。\n")
    doc, tasks = _parse(text)
    assert _task(tasks, "推进老旧小区改造30个。").sole == ["县住建局"]
    assert _task(tasks, "建设城市书房5个。").sole == ["县文广旅局"]
    assert any("连写" in w and "2 行" in w for w in doc.warnings), doc.warnings


# A table whose text layer lost every cell boundary but kept its rows one a line: read as the same table glued into one
# line (flattened.glued_header_tables: cut only where proved) — before, the lines ran into one paragraph, silently.
ROW_LINES = [
    ("某市2024年重点工作任务分解表\n"
     "序号重点任务牵头单位配合单位完成时限\n"
     "1推进老旧小区改造，完成改造120个小区。市住建局市财政局2024年6月底前\n"
     "2建设城市书房20个。市文广旅局各区政府2024年9月底前\n",
     {"推进老旧小区改造，完成改造120个小区。": (["市住建局"], ["市财政局"], [], ["2024年6月底前"]),
      "建设城市书房20个。": (["市文广旅局"], ["各区政府"], [], ["2024年9月底前"])},
     "市: glued header on its own line, rows one a line, lead and support run together"),
    ("某县2023年民生实事项目表\n"
     "序号 工作任务 责任单位\n"
     "1新建村级养老服务站10个。县民政局\n"
     "二、教育\n"
     "2新建幼儿园2所。县教育局\n",
     {"新建村级养老服务站10个。": ([], [], ["县民政局"], []),
      "新建幼儿园2所。": ([], [], ["县教育局"], [])},
     "县: spaced header, rows glued, a heading row between them"),
]


@pytest.mark.parametrize(("text", "expected", "why"), ROW_LINES, ids=[c[2][:40] for c in ROW_LINES])
def test_rows_one_a_line_with_no_cell_boundary(text, expected, why):
    doc, tasks = _parse(text)
    for opening, (lead, support, sole, deadlines) in expected.items():
        t = _task(tasks, opening)
        assert (t.lead, t.support, t.sole) == (lead, support, sole), (why, opening, t.lead, t.support, t.sole, t.shared)
        assert [d.text for d in t.deadlines] == deadlines, (why, opening)


def test_numbered_paragraphs_without_a_header_are_untouched():
    """Control: a plan's items 1推进…。（X牵头） with no header line above them are the plan's paragraphs, as before."""
    from kb.parser.flattened import glued_row_lines_joined
    from kb.parser.tables import header_columns, is_task_header, load_vocabulary

    text = "一、重点任务\n1推进老旧小区改造。（县住建局牵头）\n2建设城市书房。（县文广旅局牵头）\n"
    assert glued_row_lines_joined(text, load_vocabulary(), header_columns, is_task_header) == text
    spaced = "序号 工作任务 责任单位\n1 推进老旧小区改造。 县住建局\n2 建设城市书房。 县文广旅局\n"
    assert glued_row_lines_joined(spaced, load_vocabulary(), header_columns, is_task_header) == spaced
