"""A division table whose task column is a CATEGORY merged over several rows (工作任务 ``一、加强…`` over 4 rows) while the
next text column numbers the real items (工作要求 ``1.…``, ``2.…``): the changing column is each row's task, the repeating
one the rows' group — their section (decision, session 18, tables7: README "Task tables").  And a header naming two role
words (配合/责任单位, 牵头/责任单位, 责任单位（牵头单位）, 牵头（责任）单位, 责任单位及配合单位) is a unit column.

Before (blind tag set, 0 of 16 rows of such a table): every row's task text was the category, the item only a field;
配合/责任单位 named no column, so its units had no role.  Expectations written before the code (kb/parser/tables.py
``group_column``, ``header_columns``; tables.yaml ``joined_role_headers``).  The shapes are those of real 任务分解表 of
政务公开工作要点 and 营商环境 plans (web pages with rowspan, Word merged cells, Excel merged ranges, PDF cells filled
from the merged cell above); the real tables of fixtures 61 (事项 | 工作措施), holdout10 家庭医生 (序号 and 工作事项 merged
over sub-rows) and holdout11 (一级指标 over 二级 over 三级) must read as before."""

from __future__ import annotations

import pytest

from kb.ingest import read_document
from kb.parser import parse_document
from kb.parser.tables import header_columns

# --- header cells naming two role words -------------------------------------------------------------------------
#: (header, expected columns, why)
JOINED = [
    (["序号", "工作任务", "牵头单位", "配合/责任单位"], {"task": 1, "lead": 2, "responsible": 3},
     "配合/责任单位 beside 牵头: the responsible column (support when the row names a lead, its own when not)"),
    (["序号", "工作任务", "牵头/责任单位", "配合单位"], {"task": 1, "lead": 2, "support": 3},
     "牵头/责任单位: the unit leading (the one responsible)"),
    (["序号", "重点任务", "责任单位（牵头单位）", "配合单位"], {"task": 1, "lead": 2, "support": 3},
     "责任单位（牵头单位）: the responsible unit is the lead — no 责任单位 read as support after it"),
    (["序号", "重点任务", "牵头（责任）单位", "配合单位", "完成时限"], {"task": 1, "lead": 2, "support": 3, "deadline": 4},
     "牵头（责任）单位: lead"),
    (["序号", "重点任务", "责任单位及配合单位", "完成时限"], {"task": 1, "responsible": 2, "deadline": 3},
     "责任单位及配合单位: one column of the units, no lead guessed"),
    (["序号", "工作任务", "牵头单位", "责任/配合单位"], {"task": 1, "lead": 2, "responsible": 3}, "order reversed"),
    (["序号", "工作任务", "牵头单位", "协办、责任单位"], {"task": 1, "lead": 2, "responsible": 3}, "、 joins them too"),
    # rows that must not change
    (["序号", "名称", "工作任务", "牵头责任单位"], {"name": 1, "task": 2, "lead": 3}, "control: 牵头责任单位 is a lead word already"),
    (["序号", "重点任务", "牵头单位", "责任单位"], {"task": 1, "lead": 2, "responsible": 3}, "control: plain 责任单位"),
    (["序号", "重点任务", "牵头单位", "配合单位"], {"task": 1, "lead": 2, "support": 3}, "control: plain 配合单位"),
    (["序号", "重点任务", "责任单位", "责任领导"], {"task": 1, "responsible": 2, "leader": 3}, "control: a person column"),
]


@pytest.mark.parametrize(("cells", "expected", "why"), JOINED, ids=[j[2][:40] for j in JOINED])
def test_joined_role_headers(cells, expected, why):
    columns = header_columns(cells)
    assert {k: v for k, v in columns.items() if k not in ("other", "number")} == expected, (why, columns)


# --- a category column over merged rows -------------------------------------------------------------------------
#: A 政务公开 task table as a web page writes it: 工作任务 merged (rowspan) over its items, the items in 工作要求.
PAGE = """<html><head><meta charset="utf-8"><title>某区2023年政务公开工作要点任务分解表</title></head><body><div id="zoom">
<p>某区2023年政务公开工作要点任务分解表</p>
<table border="1">
<tr><td>工作任务</td><td>工作要求</td><td>牵头单位</td><td>配合/责任单位</td></tr>
<tr><td rowspan="3">一、加强政策解读回应</td><td>1.健全政策解读机制，重大政策出台时同步发布解读材料。</td><td>区政府办</td><td>区直各部门</td></tr>
<tr><td>2.围绕市场主体关切开展政策宣讲，全年不少于4次。</td><td>区发改局</td><td>区工信局、区商务局</td></tr>
<tr><td>3.做好政务舆情回应，及时澄清不实信息。</td><td></td><td>区委网信办</td></tr>
<tr><td rowspan="2">二、深化基层政务公开</td><td>4.更新基层政务公开标准目录，2023年6月底前完成。</td><td>区政府办</td><td>各乡镇（街道）</td></tr>
<tr><td>5.推进村（居）务公开与政务公开衔接。</td><td>区民政局</td><td>区农业农村局</td></tr>
</table>
</div></body></html>
"""

#: (label, body, lead, support, shared/sole, why)
PAGE_ROWS = [
    ("一1", "1.健全政策解读机制，重大政策出台时同步发布解读材料。", ["区政府办"], ["区直各部门"], [],
     "the item is the row's task; 配合/责任单位 beside a lead supports it"),
    ("一2", "2.围绕市场主体关切开展政策宣讲，全年不少于4次。", ["区发改局"], ["区工信局", "区商务局"], [], "same"),
    ("一3", "3.做好政务舆情回应，及时澄清不实信息。", [], [], ["区委网信办"],
     "no lead in the row: the 配合/责任单位 unit is the one responsible (nobody to support)"),
    ("二4", "4.更新基层政务公开标准目录，2023年6月底前完成。", ["区政府办"], ["各乡镇（街道）"], [],
     "the item's own number labels it (二4, as the plan numbers it), its category is part 二"),
    ("二5", "5.推进村（居）务公开与政务公开衔接。", ["区民政局"], ["区农业农村局"], [], "same"),
]


def _rows(tasks):
    return [(t.label, t.body, t.lead, t.support, t.sole + t.shared) for t in tasks if t.kind in ("task", "paragraph")]


def _check(doc, tasks):
    got = _rows(tasks)
    assert got == [r[:5] for r in PAGE_ROWS], got
    assert [(p, title) for p, title in doc.parts] == [("一", "加强政策解读回应"), ("二", "深化基层政务公开")], doc.parts
    # the category is each row's part, never its text
    assert all("加强政策解读回应" not in t.text for t in tasks if t.part == "一"), [t.text for t in tasks]


def test_web_page_rowspan_category(tmp_path):
    path = tmp_path / "gk.html"
    path.write_text(PAGE, encoding="utf-8")
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "gk")
    _check(doc, tasks)


def _docx(path):
    import docx

    d = docx.Document()
    d.add_paragraph("某区2023年政务公开工作要点任务分解表")
    t = d.add_table(rows=6, cols=4)
    cells = [["工作任务", "工作要求", "牵头单位", "配合/责任单位"]] + [
        ["一、加强政策解读回应" if i < 3 else "二、深化基层政务公开", body, lead[0] if lead else "", "、".join(sup or own)]
        for i, (_, body, lead, sup, own, _) in enumerate(PAGE_ROWS)]
    for r, row in enumerate(cells):
        for j, value in enumerate(row):
            if j == 0 and r in (2, 3, 5):
                continue
            t.cell(r, j).text = value
    t.cell(1, 0).merge(t.cell(3, 0))
    t.cell(4, 0).merge(t.cell(5, 0))
    d.save(str(path))
    return path


def test_docx_merged_category(tmp_path):
    doc, tasks = parse_document(read_document(_docx(tmp_path / "gk.docx"), use_cache=False).text, "gk")
    _check(doc, tasks)


def _xlsx(path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["工作任务", "工作要求", "牵头单位", "配合/责任单位"])
    for i, (_, body, lead, sup, own, _) in enumerate(PAGE_ROWS):
        ws.append(["一、加强政策解读回应" if i == 0 else ("二、深化基层政务公开" if i == 3 else None), body,
                   lead[0] if lead else None, "、".join(sup or own)])
    ws.merge_cells("A2:A4")
    ws.merge_cells("A5:A6")
    wb.save(str(path))
    return path


def test_xlsx_merged_category(tmp_path):
    doc, tasks = parse_document(read_document(_xlsx(tmp_path / "gk.xlsx"), use_cache=False).text, "gk")
    _check(doc, tasks)


#: A 营商环境 table as a PDF's cells come back (the merged cell's text in every row it covers: tab rows), with a 序号
#: column of its own and an unnumbered category: the category is a section, the rows keep their 序号.
TAB_TEXT = ("某县优化营商环境攻坚行动任务清单\n\n"
            "序号\t任务类别\t具体工作要求\t牵头单位\t责任单位\t完成时限\n"
            "1\t提升政务服务效能\t推行惠企政策免申即享，兑现时间压缩至10个工作日内。\t县政务服务中心\t县财政局\t2024年6月底前\n"
            "2\t提升政务服务效能\t企业开办全程网办，1个工作日内办结。\t县市场监管局\t县税务局、县人社局\t2024年3月底前\n"
            "3\t优化要素保障\t建立重点项目用地保障清单，实行挂图作战。\t县自然资源局\t各乡镇\t2024年12月底前\n"
            "4\t优化要素保障\t开展“信易贷”融资对接活动，全年不少于6场。\t县发改局\t县金融服务中心\t2024年12月底前\n\n")


def test_tab_rows_unnumbered_category():
    doc, tasks = parse_document(TAB_TEXT, "ys")
    rows = [(t.body, t.section_title, t.lead, t.support) for t in tasks if t.kind == "task"]
    assert rows == [
        ("推行惠企政策免申即享，兑现时间压缩至10个工作日内。", "提升政务服务效能", ["县政务服务中心"], ["县财政局"]),
        ("企业开办全程网办，1个工作日内办结。", "提升政务服务效能", ["县市场监管局"], ["县税务局", "县人社局"]),
        ("建立重点项目用地保障清单，实行挂图作战。", "优化要素保障", ["县自然资源局"], ["各乡镇"]),
        ("开展“信易贷”融资对接活动，全年不少于6场。", "优化要素保障", ["县发改局"], ["县金融服务中心"]),
    ], rows
    assert [d.text for t in tasks if t.kind == "task" for d in t.deadlines][:1] == ["2024年6月底前"]


# --- tables that must read as before ----------------------------------------------------------------------------
NOT_GROUPS = [
    ("a task column whose cells all differ: 工作要求 stays a field",
     "某区任务分解表\n\n序号\t工作任务\t工作要求\t牵头单位\n"
     "1\t健全政策解读机制\t重大政策同步解读\t区政府办\n2\t做好舆情回应\t及时回应关切\t区委网信办\n3\t深化基层公开\t更新标准目录\t区民政局\n\n",
     ["健全政策解读机制", "做好舆情回应", "深化基层公开"]),
    ("a repeated task next to a UNIT column (two leads of one task on two rows): no group",
     "某区任务分解表\n\n工作任务\t备注单位\t牵头单位\n"
     "推进老旧小区改造，完成20个小区\t区住建局\t区住建局\n推进老旧小区改造，完成20个小区\t各街道\t区财政局\n"
     "开展燃气安全整治\t区应急局\t区城管局\n\n",
     ["推进老旧小区改造，完成20个小区", "推进老旧小区改造，完成20个小区", "开展燃气安全整治"]),
]


@pytest.mark.parametrize(("why", "text", "bodies"), NOT_GROUPS, ids=[n[0][:40] for n in NOT_GROUPS])
def test_not_a_group(why, text, bodies):
    _, tasks = parse_document(text, "t")
    assert [t.body for t in tasks if t.kind in ("task", "paragraph") and t.source] == bodies, (why, [t.body for t in tasks])


#: The table copied from the page as text with bars: a continuation row leaves out the merged category cell (its first
#: cell numbers the next item, 2.… after 1.…).  Before, the items of such rows went into the category's column and the
#: rows opening a category took the category as their task; row 3 took row 2's 配合 units as a merged cell.
BARS = """某区2023年政务公开工作要点任务分解表

| 工作任务 | 工作要求 | 牵头单位 | 配合/责任单位 |
| --- | --- | --- | --- |
| 一、加强政策解读回应 | 1.健全政策解读机制，重大政策出台时同步发布解读材料。 | 区政府办 | 区直各部门 |
| 2.围绕市场主体关切开展政策宣讲，全年不少于4次。 | 区发改局 | 区工信局、区商务局 |
| 3.做好政务舆情回应，及时澄清不实信息。 | 区委网信办 |
| 二、深化基层政务公开 | 4.更新基层政务公开标准目录，2023年6月底前完成。 | 区政府办 | 各乡镇（街道） |
| 5.推进村（居）务公开与政务公开衔接。 | 区民政局 | 区农业农村局 |
"""


def test_bar_rows_leaving_out_the_merged_category():
    doc, tasks = parse_document(BARS, "gk")
    rows = [(t.label, t.body, t.lead, t.support) for t in tasks if t.source]
    assert [r[:2] for r in rows] == [r[:2] for r in PAGE_ROWS], rows
    assert [p for p, _ in doc.parts] == ["一", "二"]
    # row 3 writes one unit: which of the two unit columns is not written — never row 2's units taken from above
    three = next(t for t in tasks if t.label == "一3")
    assert three.departments("any") == ["区委网信办"], three.departments("any")
    assert [(t.lead, t.support) for t in tasks if t.label in ("一2", "二5")] == [
        (["区发改局"], ["区工信局", "区商务局"]), (["区民政局"], ["区农业农村局"])]


def test_flattened_one_cell_a_paragraph():
    """The same table one cell a paragraph (a page copied): the categories open parts, the items are the tasks; row 3's
    lone unit never takes row 2's 配合 units (a 配合/责任单位 cell a row lacks is no merged cell: before, it was carried)."""
    cells = ["工作任务", "工作要求", "牵头单位", "配合/责任单位"]
    for i, (_, body, lead, sup, own, _) in enumerate(PAGE_ROWS):
        if i in (0, 3):
            cells.append("一、加强政策解读回应" if i == 0 else "二、深化基层政务公开")
        cells += [body] + lead + (["、".join(sup)] if sup else own)
    doc, tasks = parse_document("某区2023年政务公开工作要点任务分解表\n\n" + "\n\n".join(cells) + "\n", "gk")
    rows = [(t.label, t.body) for t in tasks if t.source]
    assert rows == [r[:2] for r in PAGE_ROWS], rows
    three = next(t for t in tasks if t.label == "一3")
    assert three.departments("any") == ["区委网信办"], three.departments("any")


def _pdf(path):
    """The table as Word prints it: ruled, each category cell drawn once over its rows (no rule between them)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from plan_files import FONT, _font, _wrap_cell

    _font()
    widths = [110, 210, 70, 90]
    size, lead_h = 10, 14
    pw, ph = A4
    cv = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    cv.setFont(FONT, 16)
    cv.drawString(80, ph - 90, "某区2023年政务公开工作要点任务分解表")
    cv.setFont(FONT, size)
    header = ["工作任务", "工作要求", "牵头单位", "配合/责任单位"]
    rows = [["一、加强政策解读回应" if i < 3 else "二、深化基层政务公开", body, lead[0] if lead else "", "、".join(sup or own)]
            for i, (_, body, lead, sup, own, _) in enumerate(PAGE_ROWS)]
    starts, ends = {0, 3}, {2, 4}

    def lines(value, w):
        return _wrap_cell(value, w - 6)

    def height(row):
        return max(len(lines(v, w)) for v, w in zip(row, widths)) * lead_h + 6

    y, left = ph - 130, 50
    for k, row in enumerate([header] + rows):
        h = height(row)
        x = left
        for j, (value, w) in enumerate(zip(row, widths)):
            cv.line(x, y, x, y - h)
            cv.line(x + w, y, x + w, y - h)
            first = k == 0 or j != 0 or (k - 1) in starts
            last = k == 0 or j != 0 or (k - 1) in ends
            if first:
                cv.line(x, y, x + w, y)
                for i, line in enumerate(lines(value, w)):
                    cv.drawString(x + 3, y - 12 - i * lead_h, line)
            if last:
                cv.line(x, y - h, x + w, y - h)
            x += w
        y -= h
    cv.showPage()
    cv.save()
    return path


def test_pdf_merged_category(tmp_path):
    doc, tasks = parse_document(read_document(_pdf(tmp_path / "gk.pdf"), use_cache=False).text, "gk")
    _check(doc, tasks)
