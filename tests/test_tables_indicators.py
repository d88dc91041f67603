"""An indicator table in an annex pasted one cell a paragraph WITHOUT a header row, and a row's text beginning with its
item's name (session 10, tables3 helper; the lead's two causes measured on blind plans, my own rows here).

* After the body: an attachments list (``附件：1.…指标体系`` / ``2.…清单``), the signature, then ``附件1``, the annex's
  title and its rows — a row number (``*1``: a mark kept as the field 序号标记), the indicator's name, its explanation,
  its measure (``%``, ``㎡/人``), the responsible unit(s), a remark — with category rows (``品质宜居``) between rows.
  Before: 0 rows read; the cells were glued into paragraphs of the body's last part (三3 …), years inside names and
  explanations (``2000年底以前``, ``2030年前``) read as deadlines.  Now each row is one task of the annex (``附件1（一）-1``),
  its text the name first, then the explanation; the units ``sole`` (one) or ``shared`` (several, no lead); no deadline
  from a name, an explanation or a remark.
* A 权力和责任清单 whose header names the item (``权力责任名称``) beside a longer description column (``权力责任事项``):
  the row's task is the name, its text the name, then the description, then the basis (``设定依据：…``), in every form
  kb reads a table (one cell a paragraph, one a line, tabs, bars, spaces, DOCX).  Before: no task column was known, the
  table was read as headerless and each row's text began with the description."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

BODY = """某区2026年城市品质提升行动方案

为持续提升城市品质，结合本区实际，制定本方案。

一、总体要求

坚持以人民为中心，统筹推进城市品质提升工作，到2026年底，城市功能品质明显提升。

二、主要任务

（一）完善公共服务设施。

1.扩大养老服务供给。新增社区养老服务设施10处，2026年6月底前完成。（区民政局牵头，各街道配合）

2.提升公园绿地品质。新建口袋公园5个。（区绿化市容局负责）

三、保障措施

（一）加强组织领导。建立工作推进机制，定期研究解决重大问题。

（二）强化评估考核。将指标完成情况纳入年度绩效考核。

附件：1.2026年某区城市品质提升指标体系

2.某区城市品质提升重点项目清单

某区人民政府办公室

2026年1月15日

附件1

2026年某区城市品质提升指标体系（区级）
"""

#: Category rows (a str) and rows (number, name, explanation, measure, units, remark) — awkward ones: a * mark (1, 2),
#: a — remark (2, 5, 6), a 、-list of units (3, 4, 7), a remark naming another annex (3), a year inside a name (4) and an
#: explanation (4, 6), an explanation cut mid-sentence (4: no end, …总数的).
ROWS = [
    "品质宜居",
    ("*1", "千人养老床位数", "全区每千名常住人口拥有的养老机构床位数量", "张/千人", "区民政局", "请提供养老机构床位清单"),
    ("*2", "城市公共供水管网漏损率", "城市公共供水总量与有效供水总量之差占供水总量的百分比", "%", "区水务局", "—"),
    ("3", "人均公园绿地面积", "城区公园绿地面积与城区常住人口之比", "㎡/人", "区绿化市容局、区规划资源局", "详见附件2第3项"),
    "安全韧性",
    ("4", "2000年底以前建成小区改造完成率", "已完成改造的2000年底以前建成老旧小区数量占应改造小区总数的", "%",
     "区建设管理委、区房管局", "请提供改造小区清单"),
    ("5", "人均预期寿命", "全区户籍人口出生时平均预期可存活的年数", "岁", "区卫生健康委", "—"),
    "创新动能（2项）",
    ("6", "新增城市更新建筑面积", "当年新开工城市更新项目的建筑面积，按2030年前完成全部更新任务的要求测算", "万㎡", "区规划资源局", "—"),
    ("7", "数字化转型服务企业数", "当年接受数字化转型诊断服务的规模以上企业数量", "个", "区科委、区经委", "请提供企业名单"),
]

#: By hand: (label, category, name, text before the tag, sole, shared, measure, remark, mark)
EXPECTED = [
    ("附件1（一）-1", "品质宜居", "千人养老床位数", "千人养老床位数：全区每千名常住人口拥有的养老机构床位数量",
     ["区民政局"], [], "张/千人", "请提供养老机构床位清单", "*"),
    ("附件1（一）-2", "品质宜居", "城市公共供水管网漏损率", "城市公共供水管网漏损率：城市公共供水总量与有效供水总量之差占供水总量的百分比",
     ["区水务局"], [], "%", None, "*"),
    ("附件1（一）-3", "品质宜居", "人均公园绿地面积", "人均公园绿地面积：城区公园绿地面积与城区常住人口之比",
     [], ["区绿化市容局", "区规划资源局"], "㎡/人", "详见附件2第3项", None),
    ("附件1（二）-4", "安全韧性", "2000年底以前建成小区改造完成率",
     "2000年底以前建成小区改造完成率：已完成改造的2000年底以前建成老旧小区数量占应改造小区总数的",
     [], ["区建设管理委", "区房管局"], "%", "请提供改造小区清单", None),
    ("附件1（二）-5", "安全韧性", "人均预期寿命", "人均预期寿命：全区户籍人口出生时平均预期可存活的年数",
     ["区卫生健康委"], [], "岁", None, None),
    ("附件1（三）-6", "创新动能（2项）", "新增城市更新建筑面积",
     "新增城市更新建筑面积：当年新开工城市更新项目的建筑面积，按2030年前完成全部更新任务的要求测算",
     ["区规划资源局"], [], "万㎡", None, None),
    ("附件1（三）-7", "创新动能（2项）", "数字化转型服务企业数", "数字化转型服务企业数：当年接受数字化转型诊断服务的规模以上企业数量",
     [], ["区科委", "区经委"], "个", "请提供企业名单", None),
]


def _plan(rows, lines: bool, body: str = BODY) -> str:
    cells = [c for r in rows for c in ([r] if isinstance(r, str) else r)]
    sep = "\n" if lines else "\n\n"
    text = body + "\n" if not lines else "\n".join(ln for ln in body.split("\n") if ln.strip()) + "\n"
    return text + sep.join(cells) + "\n"


def _annex_rows(tasks, cite: str):
    return [t for t in tasks if t.source and t.source.startswith(cite + " ")]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_a_headerless_indicator_annex_after_an_attachments_list(lines):
    doc, tasks = parse_document(_plan(ROWS, lines), "plan", "plan.txt")
    rows = _annex_rows(tasks, "附件1")
    got = [(t.label, t.section_title, t.body, t.text.split("（")[0] if t.tag else t.text, t.sole, t.shared,
            t.fields.get("计量单位"), t.fields.get("备注"), t.fields.get("序号标记")) for t in rows]
    assert got == EXPECTED
    assert all(t.kind == "task" and t.deadlines == [] for t in rows), [(t.label, t.deadlines) for t in rows]
    assert [t.source for t in rows] == [f"附件1 序号{n}" for n in range(1, 8)]
    # the body keeps its own items: the attachments list is the closing's, no item of 三
    body = [t.label for t in tasks if t not in rows]
    assert body == ["引言", "一", "二（一）1", "二（一）2", "三（一）", "三（二）"]
    assert not any("附件" in t.text or "品质宜居" in t.text for t in tasks if t not in rows)


#: A second annex written independently of the first (expected values by hand before the first run): ★ marks, one-a-line
#: or blank lines, an explanation wrapped over two paragraphs (the first ends in ，), a — unit cell (no role), a remark
#: holding a year (no deadline), full-width list numbers in the attachments list.
BODY2 = """某县2026年乡村振兴重点工作方案

一、工作目标

到2026年底，农村人居环境持续改善。

二、重点工作

（一）发展乡村产业。培育农产品加工企业。（县农业农村局负责）

（二）改善人居环境。推进农村生活污水治理。（县生态环境局牵头，各镇配合）

附件：1．某县2026年乡村振兴监测指标

2．某县乡村建设项目库

某县人民政府

2026年2月3日

附件1

某县2026年乡村振兴监测指标（县级）
"""

ROWS2 = [
    "产业发展",
    ("★1", "农产品加工业产值与农业总产值比", "规模以上农产品加工业产值与农林牧渔业总产值的比值", "%", "县农业农村局", "请提供规上企业名单"),
    ("2", "高标准农田建成面积", "截至当年底累计建成的高标准农田面积，", "含2018年以前建成并完成提质改造的部分", "万亩",
     "县农业农村局、县自然资源局", "—"),
    "生态宜居",
    ("3", "农村生活污水治理率", "完成生活污水治理的行政村数占行政村总数的比例", "%", "—", "详见附件2第2项"),
    ("4", "村庄绿化覆盖率", "村庄范围内绿化覆盖面积占村庄面积的百分比", "%", "县林业局", "按2027年前达标要求填报"),
    ("5", "卫生厕所普及率", "使用卫生厕所的农户数占农户总数的比例", "%", "县卫生健康局", "—"),
]

EXPECTED2 = [
    ("附件1（一）-1", "农产品加工业产值与农业总产值比", "农产品加工业产值与农业总产值比：规模以上农产品加工业产值与农林牧渔业总产值的比值",
     ["县农业农村局"], [], "%", "请提供规上企业名单"),
    ("附件1（一）-2", "高标准农田建成面积", "高标准农田建成面积：截至当年底累计建成的高标准农田面积，含2018年以前建成并完成提质改造的部分",
     [], ["县农业农村局", "县自然资源局"], "万亩", None),
    ("附件1（二）-3", "农村生活污水治理率", "农村生活污水治理率：完成生活污水治理的行政村数占行政村总数的比例", [], [], "%",
     "详见附件2第2项"),
    ("附件1（二）-4", "村庄绿化覆盖率", "村庄绿化覆盖率：村庄范围内绿化覆盖面积占村庄面积的百分比", ["县林业局"], [], "%",
     "按2027年前达标要求填报"),
    ("附件1（二）-5", "卫生厕所普及率", "卫生厕所普及率：使用卫生厕所的农户数占农户总数的比例", ["县卫生健康局"], [], "%", None),
]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_a_second_annex_with_a_wrapped_explanation_and_no_unit(lines):
    doc, tasks = parse_document(_plan(ROWS2, lines, BODY2), "plan", "plan.txt")
    rows = _annex_rows(tasks, "附件1")
    got = [(t.label, t.body, t.text.split("（")[0] if t.tag else t.text, t.sole, t.shared, t.fields.get("计量单位"),
            t.fields.get("备注")) for t in rows]
    assert got == EXPECTED2
    assert [t.section_title for t in rows] == ["产业发展"] * 2 + ["生态宜居"] * 3
    assert all(t.deadlines == [] for t in rows)
    assert rows[0].fields.get("序号标记") == "★"
    assert [t.label for t in tasks if t not in rows] == ["一", "二（一）", "二（二）"]


def test_a_headerless_task_table_with_a_time_column_keeps_its_work_as_the_task():
    """Control: name, work, unit, time (no explanation) — the longer text is the 工作任务 (its deadlines read from the
    time column and its own words), the short one its name (the title)."""
    cells = ["某区城市更新行动方案", "一、重点任务", "（一）推进旧区改造。加快推进旧区改造工作。", "附件1", "重点项目清单"]
    rows = [("旧区改造", "完成旧区改造面积5万平方米，2025年6月底前完成征收", "区房管局", "2025年底前"),
            ("口袋公园", "新建口袋公园8个，改造街心绿地3处", "区绿化市容局", "2025年9月底前"),
            ("背街小巷", "完成背街小巷环境整治20条，同步实施架空线入地", "区建设管理委", "2025年12月底前")]
    for n, row in enumerate(rows, 1):
        cells += [str(n), *row]
    _, tasks = parse_document("\n\n".join(cells) + "\n", "plan", "plan.txt")
    got = [(t.title, t.body, t.sole, [d.text for d in t.deadlines]) for t in _annex_rows(tasks, "附件1")]
    assert got == [("旧区改造", "完成旧区改造面积5万平方米，2025年6月底前完成征收", ["区房管局"], ["2025年6月底前", "2025年底前"]),
                   ("口袋公园", "新建口袋公园8个，改造街心绿地3处", ["区绿化市容局"], ["2025年9月底前"]),
                   ("背街小巷", "完成背街小巷环境整治20条，同步实施架空线入地", ["区建设管理委"], ["2025年12月底前"])]


def test_numbered_short_paragraphs_without_units_stay_text():
    """Control: numbered short paragraphs of prose with category-like lines between them are no table (no unit or time
    column): nothing is read as rows."""
    cells = ["某区工作方案", "一、工作要求", "1", "加强组织领导", "建立工作机制", "2", "强化督促检查", "定期通报进展",
             "保障措施", "3", "加大宣传力度", "营造良好氛围"]
    _, tasks = parse_document("\n\n".join(cells) + "\n", "plan", "plan.txt")
    assert not any(t.source for t in tasks)


# --- 2. a row's text begins with its item's name -----------------------------------------------------------------

QZ_HEADER = ["序号", "权力责任名称", "行使主体", "权力责任类别", "设定依据", "行使层级", "权力责任事项"]
QZ_ROWS = [
    ["1", "公路路政许可", "区交通委", "行政许可", "《公路法》第四十五条", "区级",
     "区交通委依法受理在公路用地范围内设置非公路标志的申请，审查后作出许可决定。"],
    ["2", "城市道路挖掘审批", "区交通委、区城管执法局", "行政许可", "《城市道路管理条例》第三十三条", "区级",
     "按照职责分工审核挖掘城市道路的申请，监督施工单位恢复原状。"],
    ["3", "道路运输经营监督检查", "区交通委", "行政检查", "《道路运输条例》第五十八条", "区级、街镇",
     "对辖区内道路运输经营者开展日常检查，2025年起每年检查不少于一次。"],
]
#: By hand: (task, text before the tag, sole, shared, 权力责任类别 field)
QZ_EXPECTED = [
    ("公路路政许可", "公路路政许可：区交通委依法受理在公路用地范围内设置非公路标志的申请，审查后作出许可决定。设定依据：《公路法》第四十五条",
     ["区交通委"], [], "行政许可"),
    ("城市道路挖掘审批", "城市道路挖掘审批：按照职责分工审核挖掘城市道路的申请，监督施工单位恢复原状。设定依据：《城市道路管理条例》第三十三条",
     [], ["区交通委", "区城管执法局"], "行政许可"),
    ("道路运输经营监督检查", "道路运输经营监督检查：对辖区内道路运输经营者开展日常检查，2025年起每年检查不少于一次。设定依据：《道路运输条例》第五十八条",
     ["区交通委"], [], "行政检查"),
]


def _qz_text(form: str) -> str:
    title = "某区交通委权力和责任清单\n\n"
    header = [("行使  主体" if h == "行使主体" else h) for h in QZ_HEADER]
    if form == "blank-lines":
        return title + "\n\n".join(header + [c for r in QZ_ROWS for c in r]) + "\n"
    if form == "one-a-line":
        return title + "\n".join(header + [c for r in QZ_ROWS for c in r]) + "\n"
    if form == "tabs":
        return title + "\n".join("\t".join(r) for r in [QZ_HEADER] + QZ_ROWS) + "\n"
    if form == "bars":
        return title + "\n".join("| " + " | ".join(r) + " |" for r in [QZ_HEADER] + QZ_ROWS) + "\n"
    if form == "spaces":
        return title + "\n".join("    ".join(r) for r in [QZ_HEADER] + QZ_ROWS) + "\n"
    raise ValueError(form)


def _qz_rows(tasks):
    return [t for t in tasks if t.source and ("序号" in t.source or "第" in t.source)]


@pytest.mark.parametrize("form", ["blank-lines", "one-a-line", "tabs", "bars", "spaces"])
def test_a_quanze_row_begins_with_its_name(form):
    _, tasks = parse_document(_qz_text(form), "plan", "plan.txt")
    rows = _qz_rows(tasks)
    got = [(t.body, t.text.split("（行使主体")[0], t.sole, t.shared, t.fields.get("权力责任类别")) for t in rows]
    assert got == QZ_EXPECTED, form
    assert all(t.title == t.body for t in rows), form
    assert all(t.deadlines == [] for t in rows), form  # (2025年起 inside the description is no deadline)
    assert [t.fields.get("行使层级") for t in rows] == ["区级", "区级", "区级、街镇"], form


def test_a_quanze_row_begins_with_its_name_in_a_docx(tmp_path):
    import docx

    from kb.ingest import read_document

    document = docx.Document()
    table = document.add_table(rows=len(QZ_ROWS) + 1, cols=len(QZ_HEADER))
    for r, row in enumerate([QZ_HEADER] + QZ_ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "清单.docx"
    document.save(path)
    _, tasks = parse_document(read_document(path, use_cache=False).text, "plan", str(path))
    got = [(t.body, t.text.split("（行使主体")[0], t.sole, t.shared, t.fields.get("权力责任类别")) for t in _qz_rows(tasks)]
    assert got == QZ_EXPECTED


@pytest.mark.parametrize(("header", "why"), [
    (["序号", "单位名称", "联系人", "联系电话"], "单位名称 names units: a contact list, no task table"),
])
def test_a_name_header_of_units_is_no_item(header, why):
    text = "\n\n".join(header + ["1", "区民政局", "张三", "12345678", "2", "区财政局", "李四", "87654321",
                                 "3", "区水务局", "王五", "11223344"]) + "\n"
    _, tasks = parse_document("某区联络员名单\n\n" + text, "plan", "plan.txt")
    assert not any(t.departments("any") for t in tasks), why


# --- 3. cells of a table kb does not read as a task table are not glued by the line-joining repair ------------------

def test_cells_of_an_unread_table_stay_apart():
    """An indicator table with no unit or time column (number / name / explanation / measure) is no task table; its
    cells, one a paragraph with no sentence end, are no fragments of one sentence: no paragraph holds two of them
    (before: ``20公共供水管网漏损率``, ``…的百分比%``)."""
    from kb.parser.cleanup import clean_paragraphs

    rows = [("18", "人均公园绿地面积", "城区公园绿地面积与城区常住人口之比", "㎡/人"),
            ("19", "城市道路网密度", "建成区内道路长度与建成区面积之比", "公里/平方公里"),
            ("20", "公共供水管网漏损率", "城市公共供水总量与有效供水总量之差占供水总量的百分比", "%"),
            ("21", "新建绿色建筑占比", "当年竣工新建绿色建筑面积占新建建筑面积的比例", "%")]
    cells = [c for r in rows for c in r]
    paragraphs = clean_paragraphs("附件2\n\n某区城市体检指标\n\n" + "\n\n".join(cells) + "\n")
    assert paragraphs == ["附件2", "某区城市体检指标", *cells]


@pytest.mark.parametrize(("text", "expected", "why"), [
    ("到\n\n2020\n\n年，完成任务。", ["到2020年，完成任务。"], "a sentence's fragments are joined (few lines, no row numbers)"),
    ("推进工作\n\n1\n\n完成改造\n\n2\n\n完成验收\n\n3\n\n开展评估。", ["推进工作1完成改造2完成验收3开展评估。"],
     "numbers counting up in a run of fewer than twelve lines: fragments, joined as before"),
    ("全面推进城市更新工作，到2025年完成老旧小区改造任务，\n\n建成一批完整社区和活力街区，形成可复制的经验做法，\n\n"
     "为全市提供示范。", ["全面推进城市更新工作，到2025年完成老旧小区改造任务，建成一批完整社区和活力街区，形成可复制的经验做法，为全市提供示范。"],
     "PDF-copied prose lines are joined"),
])
def test_prose_fragments_still_join(text, expected, why):
    from kb.parser.cleanup import clean_paragraphs

    assert clean_paragraphs(text) == expected, why


def test_a_quanze_row_begins_with_its_name_in_a_web_page(tmp_path):
    from kb.ingest import read_document

    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [QZ_HEADER] + QZ_ROWS)
    path = tmp_path / "清单.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>清单</title></head><body><div id='zoom'>"
                    f"<p>某区交通委权力和责任清单</p><table>{cells}</table></div></body></html>", encoding="utf-8")
    _, tasks = parse_document(read_document(path, use_cache=False).text, "plan", str(path))
    got = [(t.body, t.text.split("（行使主体")[0], t.sole, t.shared, t.fields.get("权力责任类别")) for t in _qz_rows(tasks)]
    assert got == QZ_EXPECTED


def test_a_quanze_row_begins_with_its_name_in_a_pdf(tmp_path):
    """A ruled PDF table (reportlab; pdfplumber reads it back): the description wraps over several lines of its cell."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from kb.ingest import read_document
    from plan_files import FONT, _font, _wrap_cell

    _font()
    widths = [30, 90, 90, 60, 150, 50, 250]
    pw, ph = landscape(A4)
    path = tmp_path / "清单.pdf"
    cv = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    cv.setFont(FONT, 14)
    cv.drawString(60, ph - 60, "某区交通委权力和责任清单")
    cv.setFont(FONT, 10)
    y, left = ph - 90, 40
    for row in [QZ_HEADER] + QZ_ROWS:
        lines = [_wrap_cell(v, w - 6) for v, w in zip(row, widths)]
        h = max(len(x) for x in lines) * 13 + 6
        x = left
        for w, cell in zip(widths, lines):
            cv.rect(x, y - h, w, h)
            for i, line in enumerate(cell):
                cv.drawString(x + 3, y - 12 - i * 13, line)
            x += w
        y -= h
    cv.showPage()
    cv.save()
    _, tasks = parse_document(read_document(path, use_cache=False).text, "plan", str(path))
    got = [(t.body, t.text.split("（行使主体")[0], t.sole, t.shared, t.fields.get("权力责任类别")) for t in _qz_rows(tasks)]
    assert got == QZ_EXPECTED


#: A header-ful indicator table (序号 / 指标名称 / 指标解释 / 计量单位 / 责任单位 / 备注): 指标解释 opens like the task word 指标
#: but describes the named item — a field, so the row is its name, then its explanation (before: two task columns, the
#: explanation the task, the name only its title).
IND_HEADER = ["序号", "指标名称", "指标解释", "计量单位", "责任单位", "备注"]
IND_ROWS = [["1", "新增公共停车泊位数", "当年新建成并投入使用的公共停车泊位数量", "个", "区交通委", "请提供项目清单"],
            ["2", "二级及以上医院数量", "辖区内二级及以上等级医院的数量，含2020年以前设立的分院", "家", "区卫生健康委", "—"],
            ["3", "社区养老服务设施覆盖率", "设有养老服务设施的社区数占社区总数的百分比", "%", "区民政局、各街镇", "—"]]
IND_EXPECTED = [("新增公共停车泊位数", "新增公共停车泊位数：当年新建成并投入使用的公共停车泊位数量", ["区交通委"], [], "个"),
                ("二级及以上医院数量", "二级及以上医院数量：辖区内二级及以上等级医院的数量，含2020年以前设立的分院", ["区卫生健康委"], [], "家"),
                ("社区养老服务设施覆盖率", "社区养老服务设施覆盖率：设有养老服务设施的社区数占社区总数的百分比", [],
                 ["区民政局", "各街镇"], "%")]


@pytest.mark.parametrize("form", ["blank-lines", "tabs"])
def test_an_indicator_table_with_its_header_reads_name_first(form):
    title = "某区2025年城市体检指标\n\n"
    if form == "tabs":
        text = title + "\n".join("\t".join(r) for r in [IND_HEADER] + IND_ROWS) + "\n"
    else:
        text = title + "\n\n".join(IND_HEADER + [c for r in IND_ROWS for c in r]) + "\n"
    _, tasks = parse_document(text, "plan", "plan.txt")
    rows = _qz_rows(tasks)
    assert [(t.body, t.text.split("（责任单位")[0], t.sole, t.shared, t.fields.get("计量单位")) for t in rows] == IND_EXPECTED
    assert all(t.deadlines == [] for t in rows) and rows[0].fields.get("备注") == "请提供项目清单"


#: A third headerless annex (expected by hand before the run): names longer than their explanations (brackets, up to ~30
#: characters), a year inside a name (以2023年排查清单为基数) — the first text column after the row number is the name.
ROWS3 = [("1", "城市生命线工程监测覆盖率（燃气、供水、排水、桥梁隧道等设施）", "已接入监测的设施数占设施总数的比例", "%", "区建设管理委", "—"),
         ("2", "应急避难场所人均面积", "人均面积", "㎡/人", "区应急局", "—"),
         ("3", "城市内涝积水点消除比例（以2023年排查清单为基数）", "已消除积水点占清单积水点的比例", "%", "区水务局", "请提供消除清单"),
         ("4", "消防救援站覆盖率", "消防站辖区面积覆盖建成区面积的比例", "%", "区消防救援支队、区应急局", "—")]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_names_longer_than_their_explanations(lines):
    cells = ["某区城市安全韧性提升方案", "一、重点任务", "（一）强化城市生命线监测。建设监测平台。", "附件", "城市安全韧性指标"]
    cells += [c for r in ROWS3 for c in r]
    _, tasks = parse_document(("\n" if lines else "\n\n").join(cells) + "\n", "plan", "plan.txt")
    rows = _annex_rows(tasks, "附件")
    assert [(t.body, t.text.split("（责任单位")[0], t.sole + t.shared, [d.text for d in t.deadlines]) for t in rows] == [
        ("城市生命线工程监测覆盖率（燃气、供水、排水、桥梁隧道等设施）",
         "城市生命线工程监测覆盖率（燃气、供水、排水、桥梁隧道等设施）：已接入监测的设施数占设施总数的比例", ["区建设管理委"], []),
        ("应急避难场所人均面积", "应急避难场所人均面积：人均面积", ["区应急局"], []),
        ("城市内涝积水点消除比例（以2023年排查清单为基数）", "城市内涝积水点消除比例（以2023年排查清单为基数）：已消除积水点占清单积水点的比例",
         ["区水务局"], []),
        ("消防救援站覆盖率", "消防救援站覆盖率：消防站辖区面积覆盖建成区面积的比例", ["区消防救援支队", "区应急局"], [])]
    assert [t.label for t in rows] == ["附件-1", "附件-2", "附件-3", "附件-4"]


# --- 4. a task list without a 序号 column: rows start at numbered task cells （1）… ---------------------------------

#: My own rows in the shape of tagsblind5 A (session 10): header words split over paragraphs (牵头 / 部门 …), no 序号
#: column, each row's task cell numbered （N）, numbering going on across a heading row, a time cell of two or three
#: paragraphs, a lead cell on two paragraphs (the first ending in 、).  Expected by hand before the first run.
NUMBERED = ["附件", "某市2024年慢行交通品质提升任务清单",
            "重点任务", "牵头", "部门", "配合", "部门", "实施", "主体", "完成", "时间",
            "一、完善慢行网络",
            "（1）编制慢行交通专项规划，明确骑行和步行网络布局", "市规划资源局", "市交通委", "各区", "2024年",
            "（2）推进滨水慢行步道贯通，新增滨水步道20公里", "市水务局", "市绿化市容局", "各区", "2024年", "2025年",
            "（3）完善过街设施，改造路口无障碍坡道100处", "市交通委、", "市公安局交警总队", "市住房城乡建设管理委", "各区",
            "2024年", "2025年", "2026年",
            "二、提升骑行环境",
            "（4）建设慢行示范街区，打造10条骑行友好街道", "市交通委", "市规划资源局", "各区", "2025年",
            "（5）规范共享单车停放管理，设置停放点位500处", "市交通委", "市城管执法局", "各区", "2024年"]
#: (task, lead, support, implementer — the 实施主体 column beside 牵头 and 配合 carries the row out: sole, since session 13 —,
#: years, section title)
NUMBERED_EXPECTED = [
    ("（1）编制慢行交通专项规划，明确骑行和步行网络布局", ["市规划资源局"], ["市交通委"], ["各区"], {"2024"}, "完善慢行网络"),
    ("（2）推进滨水慢行步道贯通，新增滨水步道20公里", ["市水务局"], ["市绿化市容局"], ["各区"], {"2024", "2025"}, "完善慢行网络"),
    ("（3）完善过街设施，改造路口无障碍坡道100处", ["市交通委", "市公安局交警总队"], ["市住房城乡建设管理委"], ["各区"],
     {"2024", "2025", "2026"}, "完善慢行网络"),
    ("（4）建设慢行示范街区，打造10条骑行友好街道", ["市交通委"], ["市规划资源局"], ["各区"], {"2025"}, "提升骑行环境"),
    ("（5）规范共享单车停放管理，设置停放点位500处", ["市交通委"], ["市城管执法局"], ["各区"], {"2024"}, "提升骑行环境"),
]


@pytest.mark.parametrize("lines", [False, True], ids=["blank-lines", "one-a-line"])
def test_a_task_list_numbered_in_its_task_cells(lines):
    body = ["某市慢行交通品质提升行动方案", "一、主要任务", "（一）完善慢行网络。加快慢行网络建设。", "二、保障措施",
            "（一）加强组织领导。建立工作机制。"]
    _, tasks = parse_document(("\n" if lines else "\n\n").join(body + NUMBERED) + "\n", "plan", "plan.txt")
    rows = _annex_rows(tasks, "附件")
    got = [(t.body, t.lead, t.support, t.sole + t.shared, {d.text[:4] for d in t.deadlines}, t.section_title) for t in rows]
    assert got == NUMBERED_EXPECTED
    assert [t.source for t in rows] == [f"附件 序号{n}" for n in range(1, 6)]
    assert not any(t.warnings for t in rows)


# --- 5. an attachments list, then tables whose first row is the caption (a web page) -------------------------------

def test_tables_whose_first_row_is_the_annex_caption(tmp_path):
    """The lead's 01:10 item 3 in my own words: the attachments list ends the body (附件：1.… / 2.…), the signature, then
    two web-page tables whose first row is one cell across the table (``附件1 …指标体系``, ``附件2 …任务分工表``).  Before:
    the two tables were one block (neither read), the caption was glued to the list, and the indicator rows became items
    of the body's last part (三1 …).  Now the body is closed, 附件1's rows are its paragraphs and 附件2's rows its tasks."""
    from kb.ingest import read_document

    body = "".join(f"<p>{x}</p>" for x in [
        "某市家庭医生签约服务提质实施方案", "一、总体目标", "到2025年，签约服务覆盖率稳步提高。", "二、主要任务",
        "（一）扩大签约服务供给。", "1.增加家庭医生数量。推动二级以上医院医生参与签约服务。", "2.丰富签约服务内容。",
        "三、保障措施", "（一）加强组织领导。建立工作机制。", "（二）加强考核评价。将签约服务纳入绩效考核。",
        "附件：1.某市家庭医生签约服务评价指标体系", "2.某市家庭医生签约服务重点任务分工表", "某市卫生健康委员会", "2023年10月19日"])
    t1 = ("<table><tr><td colspan='5'>附件1 某市家庭医生签约服务评价指标体系</td></tr>"
          "<tr><td>一级指标</td><td>二级指标</td><td>评价标准</td><td>指标含义</td><td>数据来源</td></tr>"
          "<tr><td rowspan='2'>签约数量</td><td>常住人口签约率</td><td>≥40%</td><td>签约人数占常住人口的比例</td><td>信息系统</td></tr>"
          "<tr><td>重点人群签约率</td><td>≥75%</td><td>重点人群签约人数占重点人群总数的比例</td><td>信息系统</td></tr>"
          "<tr><td>签约质量</td><td>续约率</td><td>≥80%</td><td>续约人数占上年签约人数的比例</td><td>抽样调查</td></tr></table>")
    t2 = ("<table><tr><td colspan='5'>附件2 某市家庭医生签约服务重点任务分工表</td></tr>"
          "<tr><td>序号</td><td>工作事项</td><td>主要内容</td><td>牵头单位</td><td>配合单位</td></tr>"
          "<tr><td>1</td><td>优化签约团队</td><td>组建全科医生团队</td><td>市卫生健康委</td><td>市人力资源社会保障局</td></tr>"
          "<tr><td>2</td><td>完善激励机制</td><td>落实签约服务费分配政策</td><td>市医保局</td><td>市财政局</td></tr>"
          "<tr><td>3</td><td>推进信息化建设</td><td>建设签约服务信息平台</td><td>市卫生健康委</td><td>/</td></tr></table>")
    path = tmp_path / "方案.html"
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><div id='zoom'>{body}{t1}{t2}</div></body></html>",
                    encoding="utf-8")
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "plan", str(path))
    assert [t.label for t in tasks if not t.label.startswith("附件")] == ["一", "二（一）1", "二（一）2", "三（一）", "三（二）"]
    # the indicator table (no unit column) is read row by row: its header row is no item, each 二级指标 its row's name
    # first and its title (an answer lists 附件1-1 常住人口签约率, not the category 签约数量 once per row); the 一级指标
    # stays a field
    annex1 = [(t.label, t.title, t.text, t.fields.get("评价标准"), t.fields.get("一级指标"), t.deadlines)
              for t in tasks if t.part == "附件1"]
    assert annex1 == [("附件1-1", "常住人口签约率", "常住人口签约率：签约人数占常住人口的比例", "≥40%", "签约数量", []),
                      ("附件1-2", "重点人群签约率", "重点人群签约率：重点人群签约人数占重点人群总数的比例", "≥75%", "签约数量", []),
                      ("附件1-3", "续约率", "续约率：续约人数占上年签约人数的比例", "≥80%", "签约质量", [])]
    rows = [(t.label, t.title, t.body, t.lead, t.support, t.source) for t in tasks if t.part == "附件2"]
    assert rows == [("附件2-1", "优化签约团队", "组建全科医生团队", ["市卫生健康委"], ["市人力资源社会保障局"], "附件2 第2行"),
                    ("附件2-2", "完善激励机制", "落实签约服务费分配政策", ["市医保局"], ["市财政局"], "附件2 第3行"),
                    ("附件2-3", "推进信息化建设", "建设签约服务信息平台", ["市卫生健康委"], [], "附件2 第4行")]
    assert "配合单位：/" not in tasks[-1].text


def test_a_numbered_task_list_going_on_from_an_earlier_number():
    """The same list numbered on from an earlier table (（4）…（8）): its rows are read with those numbers."""
    shifted = [c.replace(f"（{n}）", f"（{n + 3}）", 1) if c.startswith(f"（{n}）") else c
               for c in NUMBERED for n in [next((k for k in range(1, 6) if c.startswith(f"（{k}）")), 0)]]
    body = ["某市慢行交通品质提升行动方案", "一、主要任务", "（一）完善慢行网络。加快慢行网络建设。"]
    _, tasks = parse_document("\n\n".join(body + shifted) + "\n", "plan", "plan.txt")
    rows = _annex_rows(tasks, "附件")
    assert [t.source for t in rows] == [f"附件 序号{n}" for n in range(4, 9)]
    assert [(t.lead, t.support, t.sole + t.shared) for t in rows] == [(lead, support, implementer)
                                                                      for _, lead, support, implementer, _, _ in NUMBERED_EXPECTED]
