"""One definition of a task for every form of a task table (mechanism test): each real task table of the fixtures that
kb reads as a table (a web page's, a DOCX's) is written again as the text a copied page or a PDF's extraction gives —
one cell a paragraph, empty cells left out, a merged cell written once, header cells broken at a bracket, and also
without its 序号 column, the task cells numbering themselves — and kb must give every task the same roles and
deadlines as from the table.  Expectation written before the code (kb/parser/flattened.py self_numbered_rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flat_forms import one_cell_a_paragraph, self_numbered
from kb.ingest import read_document
from kb.parser import parse_document
from plan_files import make_docx

FIXTURES = Path(__file__).parent / "fixtures"

#: A three-year plan's 任务分工表 without a 序号 column (the shape the blind set met as text: 0 of 35 tags): rows
#: numbered inside their cells (（一） category, 1、 direction, （1） task), a year column a year, 实施主体 after 牵头/配合.
THREE_YEAR = [
    ["任务分类", "主要方向", "重点任务（2024-2026）", "2024年工作项目", "2025年计划", "2026年计划", "牵头部门", "配合部门", "实施主体"],
    ["（一）产业提升", "1、培育主导产业", "（1）建设智能制造产业园，引进龙头企业。", "完成园区规划", "建成一期工程", "全面建成投运",
     "区发展改革委", "区财政局、区规划资源局", "各街镇"],
    ["（一）产业提升", "1、培育主导产业", "（2）推进企业技术改造。", "实施技改项目10个", "", "", "区经济信息化委", "", "各街镇"],
    ["（一）产业提升", "2、优化营商环境", "（1）深化“一网通办”改革。", "2024年6月底前完成", "", "", "区政务服务中心", "区司法局", ""],
    ["（二）民生保障", "3、扩大就业", "（1）开展职业技能培训1万人次。", "", "培训5000人次", "培训5000人次", "区人力资源社会保障局",
     "区教育局", "各街镇"],
]
#: 宝山/某市 shape (tests/test_ingest_tables.py): 序号, rows spanning the table, an empty 配合单位.
BUSINESS = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "全面推行政务服务事项清单管理", "市政务服务局", "市发展改革委、市司法局", "2024年6月底前"],
    ["2", "推进政务服务“一网通办”", "市政务服务局、市大数据局", "市发展改革委", "2024年12月底前"],
    ["3", "建立营商环境监测评价机制", "市发展改革委", "", "全年"],
    ["4", "清理妨碍统一市场的规定", "市市场监管局", "市司法局", "2024年9月底前"],
]

#: Awkward: a lead merged over rows 1–3 (the grid repeats it; a copied page writes it once), row 2 its own support,
#: row 3 none — a row with no unit at all shows the table merges its leads, so row 2's one unit is undecidable.
MERGED_LEAD = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "建立联席会议制度", "区发展改革委", "区财政局", "2024年3月底前"],
    ["2", "编制年度工作计划", "区发展改革委", "区统计局", "2024年6月底前"],
    ["3", "开展年度评估", "区发展改革委", "", "2024年9月底前"],
    ["4", "开展专项督查", "区政府办公室", "各街镇", "2024年12月底前"],
]


def _docx_text(tmp_path, table) -> str:
    path = make_docx(["某区重点任务分工方案"], tmp_path / "t.docx", table=table, table_caption=["附件", "重点任务分工表"])
    return read_document(path, use_cache=False).text


def _roles(text: str):
    _, tasks = parse_document(text, "t")
    return [(t.lead, t.support, t.sole, t.shared, t.guide, [d.text for d in t.deadlines])
            for t in tasks if t.source and ("序号" in t.source or "第" in t.source)]


SOURCES = {
    "aq10_jiaotong (序号 | 内容 | 牵头 | 配合 | two year columns)": lambda tmp: (FIXTURES / "qa/plans/aq10_jiaotong_fenjie.txt").read_text(),
    "61 上海交通光伏 web page (merged 事项 and 责任单位)": lambda tmp: read_document(FIXTURES / "plans/61_shanghai_jiaotong_guangfu_2023.html", use_cache=False).text,
    "a DOCX 任务分工表 with an empty 配合单位": lambda tmp: _docx_text(tmp, BUSINESS),
    "a DOCX three-year table without 序号, rows numbered in their cells": lambda tmp: _docx_text(tmp, THREE_YEAR),
    "a DOCX 分工表 whose 牵头单位 is merged over three rows": lambda tmp: _docx_text(tmp, MERGED_LEAD),
}

#: (form, why)
FORMS = [
    (lambda t: one_cell_a_paragraph(t, merged_once=False), "one cell a paragraph, empty cells left out"),
    (lambda t: one_cell_a_paragraph(t), "… and a merged cell written once (a copied page)"),
    (lambda t: one_cell_a_paragraph(t, break_header=True), "… and header cells broken at a bracket (a narrow column)"),
    (lambda t: one_cell_a_paragraph(self_numbered(t), break_header="before bracket"),
     "… without its 序号, task cells opening with （N）, header cells broken before their bracket"),
    (lambda t: one_cell_a_paragraph(self_numbered(t, "{}、")), "… without its 序号, task cells opening with N、"),
]


#: Tasks (by their place in the table) whose lead the text cannot tell: in a table that shows it merges its leads (a
#: row with no unit paragraph), a row with fewer unit paragraphs than unit columns after a row that has a lead — its one
#: unit is its own lead (its 配合 cell empty) or its support under the lead merged with the row above's (a copied page
#: writes a merged cell once).  Such a unit gets no role and a warning.
UNDECIDABLE = {
    "a DOCX 分工表 whose 牵头单位 is merged over three rows": {1},
    # row 3 writes 牵头 and 配合 and leaves 实施主体 empty: flattened, its second unit (区司法局) is its 配合 or its 实施主体 —
    # two roles since session 13 (实施主体 beside 配合 carries the row out, tests/test_tables_implementer.py)
    "a DOCX three-year table without 序号, rows numbered in their cells": {2},
}


def _checked(text: str):
    _, tasks = parse_document(text, "t")
    return [t for t in tasks if t.source and ("序号" in t.source or "第" in t.source)]


@pytest.mark.parametrize("source", list(SOURCES))
@pytest.mark.parametrize(("form", "why"), FORMS, ids=[f[1][:50] for f in FORMS])
def test_flattened_form_gives_the_tables_roles_and_deadlines(tmp_path, source, form, why):
    """Every task gets the table's roles and deadlines — but for the units the text cannot place (UNDECIDABLE), which
    get no role and a warning: never a role the table does not give."""
    text = SOURCES[source](tmp_path)
    table = _roles(text)
    assert table and any(lead or support or sole or shared for lead, support, sole, shared, _, _ in table), source
    flat = _checked(form(text))
    assert len(flat) == len(table), why
    for k, (task, expected) in enumerate(zip(flat, table)):
        got = (task.lead, task.support, task.sole, task.shared, task.guide, [d.text for d in task.deadlines])
        if k not in UNDECIDABLE.get(source, set()):
            assert got == expected, (why, k)
            continue
        # (where the merged cell is written again the row is decided: the table's roles)
        assert got == expected or (got[-1] == expected[-1] and all(set(g) <= set(e) for g, e in zip(got[:5], expected[:5]))
                                   and any("不能确定" in w for w in task.warnings)), (why, k)


PLAN = "某区重点任务分工方案\n\n附件\n\n重点任务分工表\n\n{table}"


def _tasks(*cells: str):
    doc, tasks = parse_document(PLAN.format(table="\n\n".join(cells) + "\n"), "t")
    return doc, [t for t in tasks if t.source and "序号" in t.source]


#: (paragraphs after the caption, expected (task text opening, lead, support, deadlines) per row, why)
CASES = [
    (("重点任务", "牵头单位", "配合单位", "完成时限",
      "1、优化审批流程", "（1）压缩审批时间。", "（2）推行并联审批。", "区政务服务中心", "区发展改革委", "2024年6月底前",
      "2、加强事后监管", "（1）建立信用档案。", "区市场监管局", "区司法局", "2024年12月底前"),
     [("1、优化审批流程", ["区政务服务中心"], ["区发展改革委"], ["2024年6月底前"]),
      ("2、加强事后监管", ["区市场监管局"], ["区司法局"], ["2024年12月底前"])],
     "steps （1）（2） inside one task cell hold no unit between them and start again in the next row: the rows are 1、 2、"),
    (("重点任务", "牵头单位", "配合单位", "完成时限",
      "（1）建设园区。", "区发展改革委", "区财政局", "2024年底",
      "（2）推进改造。", "区经济信息化委", "2025年底"),
     [("（1）建设园区", ["区发展改革委"], ["区财政局"], ["2024年底"]),
      ("（2）推进改造", ["区经济信息化委"], [], ["2025年底"])],
     "an empty 配合单位 cell left out: one unit for 牵头+配合 is the row's lead — the table shows no merged lead (no row "
     "without a unit), so its rows write their leads; the date is its deadline"),
    (("任务分类", "重点任务", "牵头部门", "配合部门", "完成时限",
      "（一）产业", "1、建设园区。", "区发展改革委", "区财政局", "2024年底",
      "2、推进改造。", "区经济信息化委", "2025年底",
      "（二）民生", "3、扩大就业。", "区人力资源社会保障局", "区教育局", "2024年底"),
     [("1、建设园区", ["区发展改革委"], ["区财政局"], ["2024年底"]),
      ("2、推进改造", ["区经济信息化委"], [], ["2025年底"]),
      ("3、扩大就业", ["区人力资源社会保障局"], ["区教育局"], ["2024年底"])],
     "category rows （一）（二） in a 任务分类 column given on the first row of their group; rows 1、2、3、 running on"),
]


CASES.append(
    (("任务分类", "主要方向", "重点任务（2024-", "2026）", "2024年工作项目", "2025年计划", "2026年计划", "牵头部门", "配合部门", "实施主体",
      "（一）数字政府", "1、建设平台", "（1）建设区级政务服务平台。", "建成区级政务服务平台", "平台二期上线", "区大数据中心",
      "区政务服务中心", "各街镇",
      "2、优化服务", "（1）推行“一件事”改革。", "2024年底前完成10个", "2025年完成20个", "区政务服务中心", "区司法局", "各街镇"),
     [("（1）建设区级政务服务平台", ["区大数据中心"], ["区政务服务中心"], []),
      ("（1）推行“一件事”改革", ["区政务服务中心"], ["区司法局"], [])],
     "the blind set's shape: a header broken at its bracket, year columns; a year column's text ending like a unit "
     "(…平台) is no unit; numbers starting again under a new direction; year columns give no deadline (as from the table); 各街镇 is the 实施主体, no 配合 (session 13)"))


@pytest.mark.parametrize(("cells", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_rows_numbered_in_their_cells(cells, expected, why):
    _, tasks = _tasks(*cells)
    got = [(e[0] if e[0] in t.text else t.text, t.lead, t.support, [d.text for d in t.deadlines]) for t, e in zip(tasks, expected)]
    assert len(tasks) == len(expected) and got == expected, why


def test_three_unit_paragraphs_for_lead_and_support_give_the_middle_one_no_role():
    """Awkward row: three unit paragraphs for two unit columns and nothing to tell where the lead cell ends — the middle
    paragraph could be lead or support, so it is given no role and the row warns (a wrong role is worse than none)."""
    doc, tasks = _tasks("重点任务", "牵头单位", "配合单位", "完成时限",
                        "（1）建设园区。", "区发展改革委", "区财政局", "区规划资源局", "2024年底",
                        "（2）推进改造。", "区经济信息化委", "区商务委", "2025年底")
    assert (tasks[0].lead, tasks[0].support) == (["区发展改革委"], ["区规划资源局"])
    assert any("区财政局" in w and "不能确定" in w for w in tasks[0].warnings) and doc.warnings


@pytest.mark.parametrize(("cells", "why"), [
    (("重点任务", "牵头单位", "配合单位", "（1）加强领导。", "（2）压实责任。", "（3）强化督查。"),
     "numbered paragraphs with no unit or time cell after them: a list, no table — stays text"),
    (("重点任务", "备注", "（1）加强领导。", "区政府办公室", "（2）压实责任。", "区民政局"),
     "a header naming nobody responsible and no deadline is no task table's"),
])
def test_not_read_as_a_table(cells, why):
    _, tasks = _tasks(*cells)
    assert tasks == [], why


def test_a_table_that_merges_its_leads_leaves_a_lone_unit_undecided():
    """Awkward rows: row 3 has no unit (its lead merged with the rows above: the table merges its leads); row 2's one unit
    is then its own lead or its support under the merged lead — no role, a warning; row 4's two units are decided."""
    doc, tasks = _tasks("重点任务", "牵头单位", "配合单位", "完成时限",
                        "（1）建立联席会议制度。", "区发展改革委", "区财政局", "2024年3月底前",
                        "（2）编制年度工作计划。", "区统计局", "2024年6月底前",
                        "（3）开展年度评估。", "2024年9月底前",
                        "（4）开展专项督查。", "区政府办公室", "各街镇", "2024年12月底前")
    assert [(t.lead, t.support) for t in tasks] == [
        (["区发展改革委"], ["区财政局"]), ([], []), (["区发展改革委"], []), (["区政府办公室"], ["各街镇"])]
    assert any("区统计局" in w and "不能确定" in w for w in tasks[1].warnings)
