"""Task tables one cell a paragraph as an annex pasted from a web page or a DOCX reaches the text (a 权责清单, a
任务分工表, a 民生实事 table), and a row's own cells (session 9, tables helper).

* Header words spread or broken by the page (``序  号``, ``行使  主体``, ``完成 时限``, ``责任`` / ``单位`` on two lines) are
  matched without their inner white space; the unit column may have a header of its own (行使主体, 实施主体, 责任主体,
  承办单位, 主办单位, 责任处室 as the only unit column); header cells naming no column (权力来源) are the row's fields,
  and the header runs to the first row's ``1`` (before: the header ended at the first such cell and 0 rows were read).
* A row's own cells only: its roles, its time words, its figures — never row N±1's.  A 配合单位 or a field's cell a row
  lacks is empty (never the row above's); a lead, responsible or time cell a row lacks is merged from the row above,
  with a note.  A second line of a row under its merged 序号 (大竹 2016's row 5) is a task of its own.

Who is responsible is compared as one list (``sole`` + ``shared``): whether a lead-less list of several units is
``sole`` for each or ``shared`` is the convention's decision (tests/test_roles*.py), not the table reader's."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _responsible(t) -> list[str]:
    return sorted(t.sole + t.shared)


def _row_tasks(text: str):
    doc, tasks = parse_document(text, "plan", "plan.txt")
    return doc, [t for t in tasks if t.source and ("序号" in t.source or "第" in t.source)]


def _flat(cells: list[str], lines: bool) -> str:
    """One cell a paragraph: between blank lines (a web page's ``<p>`` per cell) or one a line (a DOCX table pasted)."""
    return ("\n" if lines else "\n\n").join(cells) + "\n"


# --- 1. header words with inner spaces and line breaks; unusual unit headers --------------------------------------

ROWS3 = ["1", "完善社区养老服务设施，新建嵌入式养老服务点12个", "区民政局", "2025年6月底前",
         "2", "推进老年助餐服务提质扩面", "区民政局、区市场监管局", "2025年12月底前",
         "3", "开展居家适老化改造", "区住房城乡建设局", "2025年9月底前"]
EXPECTED3 = [("完善社区养老服务设施，新建嵌入式养老服务点12个", ["区民政局"], ["2025年6月底前"]),
             ("推进老年助餐服务提质扩面", ["区市场监管局", "区民政局"], ["2025年12月底前"]),
             ("开展居家适老化改造", ["区住房城乡建设局"], ["2025年9月底前"])]

#: (header cells as the page writes them, why)
HEADERS = [
    (["序号", "工作任务", "责任单位", "完成时限"], "plain header (control)"),
    (["序  号", "工作任务", "责任单位", "完成 时限"], "letter-spaced 序  号 and 完成 时限"),
    (["序\u3000号", "工\u3000作\u3000任\u3000务", "责任单位", "完成时限"], "ideographic spaces inside the words"),
    (["序号", "工作任务", "责任\n单位", "完成\n时限"], "责任 / 单位 and 完成 / 时限 broken over two lines"),
    (["序", "号", "工作任务", "责任单位", "完成时限"], "序 / 号 broken: 序 alone is a column word, joined all the same"),
    (["序号", "工作任务", "行使  主体", "完成时限"], "行使主体 as the unit column, letter-spaced"),
    (["序号", "工作任务", "实施主体", "完成时限"], "实施主体"),
    (["序号", "工作任务", "责任主体", "完成时限"], "责任主体"),
    (["序号", "工作任务", "承办单位", "完成时限"], "承办单位"),
    (["序号", "工作任务", "落实单位", "完成时限"], "落实单位"),
    (["序号", "工作任务", "责任处室", "完成时限"], "责任处室 as the only unit column (a department's own list)"),
]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
@pytest.mark.parametrize(("header", "why"), HEADERS, ids=[h[1][:30] for h in HEADERS])
def test_header_words_spread_or_broken(header, why, lines):
    # (between blank lines a broken cell is one paragraph with a line break in it; one a line, two lines)
    cells = [c for h in header for c in h.split("\n")] if lines else header
    text = _flat(["某区养老服务提升行动方案", "附件", "重点任务分工表"] + cells + ROWS3, lines)
    _, rows = _row_tasks(text)
    got = [(t.body, _responsible(t), [d.text for d in t.deadlines]) for t in rows]
    assert got == EXPECTED3, why
    assert all(t.kind == "task" for t in rows), why


@pytest.mark.parametrize(("unit_header", "role"), [("主办单位", "lead"), ("牵头处室", "lead"), ("协办单位", "support")])
def test_unit_header_with_its_role(unit_header, role):
    text = _flat(["某局2025年工作要点任务分解", "序号", "工作任务", unit_header, "完成时限",
                  "1", "修订行业管理办法", "法规处", "2025年6月底前",
                  "2", "开展安全生产大检查", "安监处", "2025年9月底前"], False)
    _, rows = _row_tasks(text)
    assert [(t.body, getattr(t, role)) for t in rows] == [("修订行业管理办法", ["法规处"]), ("开展安全生产大检查", ["安监处"])]


# --- 2. a 权责清单: header cells that name no column, empty cells ----------------------------------------------------

QUANZE = ["某县发展和改革局权责清单", "序  号", "事项名称", "权力来源", "职权类型", "行使  主体", "责任事项", "备注",
          "1", "企业投资项目核准", "法定", "行政许可", "县发展改革局", "受理、审查、决定",
          "2", "固定资产投资项目节能审查", "法定", "行政许可", "县发展改革局、县能源办", "审查、出具意见",
          "3", "价格违法行为处罚", "法定", "行政处罚", "县市场监管局", "立案、调查、处罚决定", "2019年划转",
          "4", "粮食收购资格审核", "委托", "其他行政权力", "县粮食和物资储备中心", "审核、监管"]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_a_quanze_list_with_unknown_columns_and_empty_remarks(lines):
    """权力来源 names no column of tables.yaml: it is a field, and the header runs on to 行使主体 (before, it ended
    there: 0 of 4 rows read).  备注 is empty in rows 1, 2 and 4 (no paragraph): left empty, never row 3's."""
    doc, rows = _row_tasks(_flat(QUANZE, lines))
    assert [(t.body, _responsible(t), t.fields.get("权力来源"), t.fields.get("职权类型"), t.fields.get("责任事项"),
             t.fields.get("备注")) for t in rows] == [
        ("企业投资项目核准", ["县发展改革局"], "法定", "行政许可", "受理、审查、决定", None),
        ("固定资产投资项目节能审查", ["县发展改革局", "县能源办"], "法定", "行政许可", "审查、出具意见", None),
        ("价格违法行为处罚", ["县市场监管局"], "法定", "行政处罚", "立案、调查、处罚决定", "2019年划转"),
        ("粮食收购资格审核", ["县粮食和物资储备中心"], "委托", "其他行政权力", "审核、监管", None),
    ]
    assert [t.source for t in rows] == [f"表1 序号{n}" for n in range(1, 5)]
    assert not doc.warnings and not any(t.warnings for t in rows)


def test_a_heading_row_after_the_header_is_no_header_cell():
    """A row spanning the table right after the header (推进实施“光伏+”示范工程: quotes, longer than a column name) stays a
    heading row though 1 follows it; a short unknown cell before 1 (层级) is a column."""
    text = _flat(["序号", "事项", "工作措施", "责任单位", "推进实施“光伏+”示范工程",
                  "1", "“光伏+地铁”工程", "充分利用高架车站屋顶", "申通地铁集团",
                  "2", "“光伏+枢纽”工程", "推进枢纽屋顶光伏建设", "机场集团"], False)
    doc, rows = _row_tasks(text)
    assert [(t.body, t.section_title, _responsible(t)) for t in rows] == [
        ("充分利用高架车站屋顶", "推进实施“光伏+”示范工程", ["申通地铁集团"]),
        ("推进枢纽屋顶光伏建设", "推进实施“光伏+”示范工程", ["机场集团"])]


# --- 3. a row's own cells only ------------------------------------------------------------------------------------

MINSHENG_HEADER = ["序号", "项目", "实施计划", "责任单位", "配合单位"]
MINSHENG = [
    ["1", "新增公办学位", "3月底前完成选址；6月底前开工建设；新增中小学公办学位6800个", "区教育局", "区住建局、区自然资源局"],
    ["2", "老旧小区改造", "1.4月底前完成方案设计；2.9月底前完成改造小区30个；3.12月底前完成验收", "区住建局", "各街道"],
    ["3", "城市书房建设", "全年新建城市书房5家", "区文旅局", ""],
    ["4", "社区食堂", "10月底前建成社区食堂8个", "区民政局", "区市场监管局"],
]
#: per row: (title, body, responsible, support, deadline words, target texts)
MINSHENG_EXPECTED = [
    ("新增公办学位", MINSHENG[0][2], ["区教育局"], ["区住建局", "区自然资源局"], ["3月底前", "6月底前"], ["新增中小学公办学位6800个"]),
    ("老旧小区改造", MINSHENG[1][2], ["区住建局"], ["各街道"], ["4月底前", "9月底前", "12月底前"], ["30个"]),
    ("城市书房建设", MINSHENG[2][2], ["区文旅局"], [], ["全年"], ["5家"]),
    ("社区食堂", MINSHENG[3][2], ["区民政局"], ["区市场监管局"], ["10月底前"], ["8个"]),
]


def _minsheng(form: str) -> str:
    title = "某区2024年民生实事项目"
    rows = [MINSHENG_HEADER] + MINSHENG
    if form == "tab":
        return title + "\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    if form == "bar":
        return title + "\n\n" + "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n"
    if form in ("bar-wrapped", "tab-quoted"):
        # row 2's 实施计划 cell holds a line break after each step: a bar row goes on on the next lines; a spreadsheet's
        # copy writes the cell in "…" over several lines (Excel, WPS), and row 4's 配合单位 lists its units one a line
        wrapped = [list(r) for r in rows]
        wrapped[2][2] = wrapped[2][2].replace("；", "；\n")
        if form == "bar-wrapped":
            wrapped[1][4] = wrapped[1][4].replace("、", "\n")  # row 1's 配合单位 a unit a line: the row line ends with no bar
            return title + "\n\n" + "\n".join(" | ".join(r) + " |" for r in wrapped) + "\n"
        wrapped[2][2] = f'"{wrapped[2][2]}"'
        wrapped[4][4] = '"区市场监管局\n区卫健委"'
        return title + "\n" + "\n".join("\t".join(r) for r in wrapped) + "\n"
    cells = [c for r in rows for c in r if c]  # an empty cell leaves no paragraph
    return _flat([title] + cells, form == "flat-lines")


@pytest.mark.parametrize("form", ["tab", "bar", "bar-wrapped", "tab-quoted", "flat-blank", "flat-lines"])
def test_each_row_keeps_its_own_cells(form):
    """项目 | 实施计划 | 责任单位 | 配合单位: the 项目 is the row's title, its 实施计划 the task with its own time words
    (3月底前…；6月底前…) and figures (6800个 is row 1's only); row 3 has no 配合单位 and is not given row 2's 各街道 (nor
    row 4's); the sub-steps 1.…2.…3.… of row 2 stay in row 2."""
    _, rows = _row_tasks(_minsheng(form))
    assert len(rows) == 4, form
    for t, (title, body, responsible, support, times, targets) in zip(rows, MINSHENG_EXPECTED):
        if form == "tab-quoted" and title == "社区食堂":
            support = ["区市场监管局", "区卫健委"]
        # (a row naming 配合 units: its 责任单位 leads — one statement = one row, session 13 (README "The unit the others
        # support leads"); row 3, no 配合: its unit alone responsible)
        got_lead = t.lead if support else _responsible(t)
        assert (t.title, t.body, got_lead, t.support) == (title, body, responsible, support), form
        assert (t.lead == []) == (not support), form
        assert [d.text for d in t.deadlines] == times, (form, title)
        assert all(any(x in g.text for g in t.targets) for x in targets), (form, title, [g.text for g in t.targets])
    for n, t in enumerate(rows):
        others = [r for k, r in enumerate(MINSHENG) if k != n]
        for other in others:  # no figure of another row in this row's targets
            for figure in ("6800个", "30个", "5家", "8个"):
                if figure in other[2] and figure not in MINSHENG[n][2]:
                    assert not any(figure in g.text for g in t.targets), (form, n, figure)


@pytest.mark.parametrize("form", ["flat-blank", "flat-lines"])
def test_missing_cells_merged_or_empty(form):
    """Flattened rows lack the cells a merged cell covers and the empty ones alike: a lead or time cell a row lacks is
    merged (every row has a lead; a note says so), a 配合单位 it lacks is empty (a row is often without one)."""
    cells = ["某区城市更新行动方案", "序号", "重点任务", "牵头单位", "配合单位", "完成时限",
             "1", "实施老旧小区综合改造", "区住建局", "区财政局", "2024年底前",
             "2", "推进城中村改造", "区规划资源局", "2025年6月底前",
             "3", "完善社区配套设施", "区民政局", "区卫健委", "2025年底前"]
    _, rows = _row_tasks(_flat(cells, form == "flat-lines"))
    assert [(t.body, t.lead, t.support, [d.text for d in t.deadlines]) for t in rows] == [
        ("实施老旧小区综合改造", ["区住建局"], ["区财政局"], ["2024年底前"]),
        ("推进城中村改造", ["区规划资源局"], [], ["2025年6月底前"]),
        ("完善社区配套设施", ["区民政局"], ["区卫健委"], ["2025年底前"])]
    assert not any("合并单元格" in n for t in rows for n in t.notes)
    merged = ["某区城市更新行动方案", "序号", "重点任务", "牵头单位", "配合单位", "完成时限",
              "1", "实施老旧小区综合改造", "区住建局", "区财政局", "2024年底前",
              "2", "推进加装电梯", "区房管局", "2024年底前",
              "3", "完善社区配套设施", "区民政局", "区卫健委", "2025年底前"]
    _, rows = _row_tasks(_flat(merged, form == "flat-lines"))
    second = rows[1]
    assert (second.lead, second.support) == (["区住建局"], ["区房管局"]) or (second.lead, second.support) == (["区房管局"], []), \
        "区房管局 is the lead cell or the support cell: never both rows' support"
    assert "区财政局" not in second.support


def test_a_second_line_of_a_row_under_its_merged_number():
    """大竹 2016's row 5 as the page flattens it: 开工建设县老年养护楼 / 县民政局 / 5月底前动工, then 开工建设老年大学 /
    12月底前 under the same 序号 and 责任单位 (merged): two tasks, each with its own deadline; before, the second line
    became a section heading over rows 6–10 and its task was lost."""
    cells = ["附件", "民生实事目标任务分解表", "序号", "民生实事", "责任单位", "完成时限",
             "1", "建成县残疾人综合服务中心。", "县残联", "5月底前动工",
             "2", "开工建设县老年养护楼。", "县民政局", "5月底前动工", "开工建设老年大学。", "12月底前",
             "3", "迁建县政务服务中心。", "县政务服务中心", "县代建中心", "12月底前"]
    doc, rows = _row_tasks(_flat(cells, False))
    assert [(t.body, _responsible(t), [d.text for d in t.deadlines], t.source) for t in rows] == [
        ("建成县残疾人综合服务中心。", ["县残联"], ["5月底前"], "附件 序号1"),
        ("开工建设县老年养护楼。", ["县民政局"], ["5月底前"], "附件 序号2"),
        ("开工建设老年大学。", ["县民政局"], ["12月底前"], "附件 序号2"),
        ("迁建县政务服务中心。", ["县代建中心", "县政务服务中心"], ["12月底前"], "附件 序号3")]
    assert not doc.sections
    assert any("合并单元格" in n for n in rows[2].notes) and not any("合并单元格" in n for n in rows[1].notes)


def test_a_heading_between_rows_is_no_second_line():
    """One short paragraph between two rows (no unit, no time cell) stays a row spanning the table."""
    cells = ["序号", "民生实事", "责任单位", "完成时限",
             "1", "建成县残疾人综合服务中心。", "县残联", "5月底前", "二、城乡建设",
             "2", "新建2座人行天桥。", "县住建局", "9月底前"]
    doc, rows = _row_tasks(_flat(cells, False))
    assert [(t.body, t.part_title) for t in rows] == [("建成县残疾人综合服务中心。", ""), ("新建2座人行天桥。", "城乡建设")]


# --- 4. a 任务分解表 whose rows have no fixed number of paragraphs ----------------------------------------------------

SPLIT_TABLE = [
    "某市交通委员会关于印发《某市综合交通体系建设工作方案》的通知", "各区交通管理部门：",
    "现将《某市综合交通体系建设工作方案》印发给你们，请认真贯彻落实。", "某市交通委员会", "2024年3月1日",
    "附件", "某市综合交通体系建设任务分解表",
    "序号", "内容", "牵头部门", "配合部门", "2024年工作任务", "2025年工作计划", "备注",
    "一、完善交通基础设施",
    "1", "推进骨干路网建设", "交通建设处", "设施运行处", "综合规划处", "1.完成北横通道东段建设；", "2.推进沿江通道前期工作。",
    "力争开工建设沿江通道一期。",
    "2", "提升公路养护水平", "设施养护处", "—", "完成普通国省道大中修100公里。", "完成普通国省道大中修120公里。",
    "3", "交通建设处", "设施养护处", "推进农村公路提档升级。", "1.完成农村公路提档升级200公里；", "2.建成四好农村路示范镇5个。",
    "二、提升交通运输服务",
    "4", "优化公交线网", "公共交通处", "道路运输处", "综合规划处", "设施运行处", "调整优化公交线路30条。", "持续优化公交线网。",
    "5", "发展智慧交通", "科技信息处", "—", "建成交通运行监测平台。", "推进平台二期建设。",
]
#: (part title, 内容 (title), lead, support, 2024年工作任务 field, task body)
SPLIT_EXPECTED = [
    ("完善交通基础设施", "推进骨干路网建设", ["交通建设处"], ["设施运行处", "综合规划处"],
     "1.完成北横通道东段建设；2.推进沿江通道前期工作。", "力争开工建设沿江通道一期。"),
    ("完善交通基础设施", "提升公路养护水平", ["设施养护处"], [], "完成普通国省道大中修100公里。", "完成普通国省道大中修120公里。"),
    ("完善交通基础设施", "提升公路养护水平", ["交通建设处"], ["设施养护处"], "推进农村公路提档升级。",
     "1.完成农村公路提档升级200公里；2.建成四好农村路示范镇5个。"),
    ("提升交通运输服务", "优化公交线网", ["公共交通处"], ["道路运输处", "综合规划处", "设施运行处"], "调整优化公交线路30条。",
     "持续优化公交线网。"),
    ("提升交通运输服务", "发展智慧交通", ["科技信息处"], [], "建成交通运行监测平台。", "推进平台二期建设。"),
]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_rows_without_a_fixed_number_of_paragraphs(lines):
    """序号 | 内容 | 牵头部门 | 配合部门 | 2024年工作任务 | 2025年工作计划 | 备注 under part lines: a merged 内容 written once (row 3
    lacks it: taken from row 2, noted), a 配合 cell with a unit a paragraph (rows 1, 4: the table writes one lead a row,
    so the units after the lead are the 配合 cell's — noted), a work cell of numbered paragraphs (1.… 2.…: one cell,
    never cut between its steps), — for an empty cell, 备注 empty throughout.  Before: no row read (内容 and the
    qualified 2025年工作计划 ended the header)."""
    doc, rows = _row_tasks(_flat(SPLIT_TABLE, lines))
    got = [(t.part_title, t.title, t.lead, t.support, t.fields.get("2024年工作任务"), t.body) for t in rows]
    assert got == SPLIT_EXPECTED
    assert [t.source for t in rows] == [f"附件 序号{n}" for n in range(1, 6)]
    assert any("合并单元格" in n for n in rows[2].notes)
    assert all(any("按本表各行的写法" in n for n in rows[k].notes) for k in (0, 3))
    assert not doc.warnings and not any(t.warnings for t in rows)


def test_two_lead_paragraphs_elsewhere_keep_the_paragraph_undecided():
    """The habit holds only when every decided row has one lead paragraph: a table that writes two leads a row in a
    decided row (a lead ending in 、) leaves an undecided unit paragraph without a role, with its warning."""
    cells = ["序号", "重点任务", "牵头部门", "配合部门", "完成时限",
             "1", "推进老旧小区改造", "区住建局、", "区房管局", "区财政局", "2024年底前",
             "2", "推进城中村改造", "区规划资源局", "区住建局", "区财政局", "2025年底前",
             "3", "完善社区配套设施", "区民政局", "区卫健委", "2025年底前"]
    doc, rows = _row_tasks(_flat(cells, False))
    assert rows[1].lead == ["区规划资源局"] and "区住建局" not in rows[1].lead + rows[1].support
    assert any("不能确定" in w for w in rows[1].warnings) and doc.warnings


#: (the one-cell line after row 1, it goes on row 1's task?, why)
ONE_CELL_LINES = [
    ("新增学位810个", True, "a figure to reach: the task cell's second line under merged cells"),
    ("新建公园绿地2.5公顷", True, "a decimal quantity"),
    ("教育文化", False, "an area's name: a row spanning the table (a section)"),
    ("二、城乡建设", False, "a part heading, though it follows a row"),
    ("推进实施“光伏+”示范工程", False, "a heading with no figure"),
]


@pytest.mark.parametrize(("line", "goes_on", "why"), ONE_CELL_LINES, ids=[c[2][:30] for c in ONE_CELL_LINES])
def test_one_cell_line_after_a_row(line, goes_on, why):
    text = "\n".join(["某区2023年民生实事项目", "序号\t工作任务\t责任单位\t完成时限",
                      "1\t新改扩建公办中小学校1所\t区教体局\t2023年底前", line + "\t\t\t",
                      "2\t新建社区食堂5个\t区民政局\t2023年9月底前"]) + "\n"
    doc, rows = _row_tasks(text)
    assert [t.body for t in rows] == (["新改扩建公办中小学校1所；" + line, "新建社区食堂5个"] if goes_on
                                      else ["新改扩建公办中小学校1所", "新建社区食堂5个"]), why
    assert bool(doc.sections or doc.parts) is not goes_on, why
    assert [_responsible(t) for t in rows] == [["区教体局"], ["区民政局"]], why


#: (a header line one row a line with runs of spaces between columns, why)
SPACED_HEADERS = [
    ("序号    工作任务    责任单位    完成时限", "plain (control)"),
    ("序  号    工作任务    责任  单位    完成  时限", "words letter-spaced by two spaces inside wider gaps"),
    ("序　号　　工作任务　　行使　主体　　完成时限", "ideographic spaces; 行使主体"),
]


@pytest.mark.parametrize(("header", "why"), SPACED_HEADERS, ids=[h[1][:30] for h in SPACED_HEADERS])
def test_spaced_header_words(header, why):
    rows = "\n".join("    ".join(r) for r in (ROWS3[0:4], ROWS3[4:8], ROWS3[8:12]))
    _, got = _row_tasks("某区养老服务提升行动方案\n\n" + header + "\n" + rows + "\n")
    assert [(t.body, _responsible(t), [d.text for d in t.deadlines]) for t in got] == EXPECTED3, why


# --- 5. a table pasted one cell a paragraph WITHOUT its header row -------------------------------------------------

HEADERLESS_ROWS = [("推进老旧小区综合改造，完成改造面积50万平方米", "区住建局", "2024年底前"),
                   ("推进城中村改造项目前期工作", "区规划资源局", "2025年6月底前"),
                   ("完善社区养老服务设施，新建养老服务点12个", "区民政局", "2025年12月底前"),
                   ("开展背街小巷环境整治", "区绿化市容局", "2025年9月底前")]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_a_table_without_its_header_row(lines):
    """附件1 / 重点任务清单 then rows 1, 2, 3 … a fixed number of paragraphs apart, no header: the column of units is the
    责任单位, the time column the 完成时限, the longest text the task — each row its own task under the annex (before: the
    cells became paragraphs of the text's last section, no roles)."""
    cells = ["某区城市更新行动方案", "一、重点任务", "（一）推进旧区改造。加快推进旧区改造工作。", "附件1", "重点任务清单"]
    for n, row in enumerate(HEADERLESS_ROWS, 1):
        cells += [str(n), *row]
    _, rows = _row_tasks(_flat(cells, lines))
    assert [(t.body, _responsible(t), [d.text for d in t.deadlines], t.source) for t in rows] == [
        (body, [unit], [when], f"附件1 序号{n}") for n, (body, unit, when) in enumerate(HEADERLESS_ROWS, 1)]


def test_no_table_without_units_or_times_and_no_roles_from_two_unit_columns():
    """Numbered paragraphs of prose (1 / text / 2 / text …) are no table; a headerless table with two unit columns names
    no role (which one leads is not written): its units stay fields."""
    prose = ["某区工作方案", "1", "加强组织领导，建立工作机制。", "2", "强化督促检查，定期通报进展。", "3", "加大宣传力度，营造良好氛围。"]
    _, rows = _row_tasks(_flat(prose, False))
    assert rows == []
    two = ["某区工作方案", "附件", "任务清单"]
    for n, (body, unit, when) in enumerate(HEADERLESS_ROWS, 1):
        two += [str(n), body, unit, "区财政局", when]
    _, rows = _row_tasks(_flat(two, False))
    assert len(rows) == 4 and not any(t.departments("any") for t in rows)
    assert [[d.text for d in t.deadlines] for t in rows] == [[w] for _, _, w in HEADERLESS_ROWS]


# --- 5. a 内容 paragraph that ends like a unit (…平台) after a merged 内容 row ---------------------------------------

#: My own rows (no plan's text), in the shape of the lead's 00:00 bug: row 3's 内容 opens with a work verb and ends like
#: a unit (…监测平台: 台); row 4 leaves its 内容 out (merged with row 3's).  Before: row 3's 内容 was taken from row 2,
#: 建设道路运行监测平台 became its lead and 科技信息处 its support (a confident wrong answer).
VERB_TABLE = [
    "某市道路管理局关于印发《某市道路运行保障工作方案》的通知", "各区道路管理部门：",
    "现将《某市道路运行保障工作方案》印发给你们，请结合实际抓好落实。", "某市道路管理局", "2024年2月1日",
    "附件", "某市道路运行保障任务分解表",
    "序号", "内容", "牵头部门", "配合部门", "2024年工作任务", "2025年工作计划", "备注",
    "一、完善道路设施",
    "1", "完善桥梁检测制度", "设施养护处", "—", "完成桥梁定期检测80座。", "完成桥梁定期检测90座。",
    "2", "推进道路综合整治", "交通建设处", "设施运行处", "完成道路整治15公里。", "持续推进道路整治。",
    "3", "建设道路运行监测平台", "科技信息处", "—", "2024年完成平台一期上线。", "不断完善平台功能。",
    "4", "设施运行处", "—", "完成监测点位布设50处。", "逐步扩大监测覆盖范围。",
    "5", "开展隧道安全评估", "设施养护处", "设施运行处", "完成隧道评估6座。", "完成隧道评估8座。",
    "6", "交通建设处", "—", "完成隧道设备更新2座。", "持续更新隧道设备。",
    "7", "规范工地扬尘管理", "建设管理处", "设施运行处", "完成工地检查200次。", "实现工地检查全覆盖。",
    "8", "建设管理处", "—", "发布扬尘管理导则。", "修订扬尘管理导则。",
    "9", "打造城市道路数据服务中心", "科技信息处", "综合规划处", "完成数据中心选址。", "建成数据服务中心。",
    "10", "城市道路智能养护平台", "设施养护处", "—", "完成平台需求调研。", "上线平台主要功能。",
    "11", "科技信息处", "—", "完成养护数据接入。", "推进数据共享应用。",
    "12", "设施运行处", "交通建设处", "综合规划处", "完成路况巡查系统升级。", "扩大巡查覆盖范围。",
]
#: (序号, 内容 (title), lead, support, merged 内容?, why)
VERB_EXPECTED = [
    (1, "完善桥梁检测制度", ["设施养护处"], [], False, "control: a plain row, — an empty 配合 cell"),
    (2, "推进道路综合整治", ["交通建设处"], ["设施运行处"], False, "control: a plain row"),
    (3, "建设道路运行监测平台", ["科技信息处"], [], False,
     "opens with 建设 and is longer than every unit name of the table (5 characters): 内容, no unit, no merge"),
    (4, "建设道路运行监测平台", ["设施运行处"], [], True, "a real merged 内容 right after: row 3's"),
    (5, "开展隧道安全评估", ["设施养护处"], ["设施运行处"], False, "control"),
    (6, "开展隧道安全评估", ["交通建设处"], [], True, "a merged 内容 whose lead holds 建设 inside (交通建设处)"),
    (7, "规范工地扬尘管理", ["建设管理处"], ["设施运行处"], False,
     "a unit named with a work verb (建设管理处) no longer than the table's unit names stays a unit"),
    (8, "规范工地扬尘管理", ["建设管理处"], [], True, "the same unit opening a merged row: still a unit, 内容 merged"),
    (9, "打造城市道路数据服务中心", ["科技信息处"], ["综合规划处"], False, "…中心 ends like a unit; opens with 打造: 内容"),
    (10, "城市道路智能养护平台", ["设施养护处"], [], False,
     "no verb, ends like a unit: its row's 5 paragraphs fill 内容 + 2 units + 2 work columns and it is longer than every "
     "unit name of the table: 内容 (first reading: 内容 merged from row 9, lead 城市道路智能养护平台)"),
    (11, "城市道路智能养护平台", ["科技信息处"], [], True, "a real merged 内容 right after"),
    (12, "城市道路智能养护平台", ["设施运行处"], ["交通建设处", "综合规划处"], True,
     "5 paragraphs but 内容 merged: 设施运行处 is a unit cell of rows 2 and 5 (before: 内容 = 设施运行处, lead 交通建设处)"),
]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_a_work_verb_paragraph_ending_like_a_unit_is_the_rows_content(lines):
    """A paragraph opening with a work verb (tables.yaml work_verbs) and longer than every unit name the table's unit
    columns hold is the row's 内容, not its lead: the row's paragraphs then fill 内容 + units + work columns with no
    merged cell.  Rows merged for real and units named with such a verb stay as they were."""
    doc, rows = _row_tasks(_flat(VERB_TABLE, lines))
    got = [(int(t.source.rsplit("序号", 1)[1]), t.title, t.lead, t.support, any("合并单元格" in n for n in t.notes))
           for t in rows]
    assert got == [e[:5] for e in VERB_EXPECTED]
    assert [t.fields.get("2024年工作任务") for t in rows][2] == "2024年完成平台一期上线。"
    assert [t.body for t in rows][2] == "不断完善平台功能。" and not rows[2].fields.get("备注")
    assert not doc.warnings and not any(t.warnings for t in rows)


def test_a_long_unit_name_in_a_merged_row_stays_the_lead():
    """Control: a unit name longer than the table's others, in a row whose 内容 is merged and whose paragraphs do not
    fill the columns one each (4 paragraphs for 5 columns), stays the row's lead; 内容 is merged from the row above."""
    cells = VERB_TABLE[:7] + ["序号", "内容", "牵头部门", "配合部门", "2024年工作任务", "2025年工作计划", "备注",
                              "1", "完善桥梁检测制度", "设施养护处", "—", "完成桥梁定期检测80座。", "完成桥梁定期检测90座。",
                              "2", "市道路运输事业发展中心", "—", "完成运输数据归集。", "深化运输数据应用。",
                              "3", "推进道路综合整治", "交通建设处", "设施运行处", "完成道路整治15公里。", "持续推进道路整治。"]
    doc, rows = _row_tasks(_flat(cells, False))
    assert [(t.title, t.lead, t.support) for t in rows] == [
        ("完善桥梁检测制度", ["设施养护处"], []), ("完善桥梁检测制度", ["市道路运输事业发展中心"], []),
        ("推进道路综合整治", ["交通建设处"], ["设施运行处"])]
    assert any("合并单元格" in n for n in rows[1].notes)
