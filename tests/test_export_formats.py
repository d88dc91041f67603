"""Every format of the bundled plan's exports, opened with its own library.

The figures of 市交通运输局 are counted by hand from corpus/zigong-blue-sky-plan.txt
(lines 21–61, the tags of 三、重点任务): it leads 8 tasks, is responsible
according to its duties (按职责分工负责 tags, worded 共同负责 since session 9) for 4 and supports 7.
"""

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from kb.duties import department_counts
from kb.errors import KbError
from kb.export import FORMATS, export_duty_list, export_table, render_duty_list, render_table

LEAD = ["三（一）13", "三（一）14", "三（三）1", "三（三）2", "三（三）6", "三（三）8", "三（三）9", "三（三）14"]
SHARED = ["三（三）4", "三（三）13", "三（四）1", "三（四）6"]
SUPPORT = ["三（一）16", "三（三）12", "三（三）15", "三（三）16", "三（四）2", "三（四）3", "三（四）4"]
TRANSPORT_ROWS = [("牵头", x) for x in LEAD] + [("共同负责", x) for x in SHARED] + [("配合", x) for x in SUPPORT]
COUNTS = "任务数：共 19 项：牵头 8 项，共同负责 4 项，配合 7 项"
DUTY_HEADERS = ["职责", "序号", "章节", "任务", "任务内容", "其他牵头单位", "其他配合单位", "其他责任单位", "开始时间", "完成时限",
                "目标指标"]
#: (开始时间: 三（三）4's 自2019年7月1日起 is a start, not a deadline — kb/export/content.py START_KINDS)
TABLE_HEADERS = ["序号", "章节", "任务", "任务内容", "牵头单位", "配合单位", "责任单位", "开始时间", "完成时限", "目标指标"]
TITLE = "自贡市打赢蓝天保卫战实施方案"
#: 市交通运输局's docx tables: each leaves out its columns empty in every row (counted by hand:
#: 牵头 has 三（三）8's deadline and 三（一）14's target; 按职责分工负责 三（三）4's start (自2019年7月1日起), no
#: deadline and no target; 配合 三（四）4's deadline and targets).
EXPECTED_DUTY_HEADERS = [
    ["序号", "任务内容", "其他单位", "完成时限", "目标指标"],
    ["序号", "任务内容", "其他单位", "开始时间"],
    ["序号", "任务内容", "其他单位", "完成时限", "目标指标"],
]


@pytest.fixture(autouse=True)
def fixed_date(fixed_export_date):
    """Every test of this file exports dated 2025-01-01."""


def three_labels(plan):
    return [t.label for t in plan.tasks if t.part == "三"]


# ---------------------------------------------------------------- xlsx


def test_xlsx_duty_list_of_transport(plan, tmp_path):
    path = export_duty_list(plan, "交通局", "xlsx", tmp_path)
    assert path == tmp_path / "市交通运输局-责任清单.xlsx"
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "责任清单"
    assert ws["A1"].value == "市交通运输局责任清单"
    assert ws["A2"].value.split("\n") == ["单位：市交通运输局", f"方案：《{TITLE}》", "导出日期：2025-01-01", COUNTS]
    assert [c.value for c in ws[3]] == DUTY_HEADERS
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=4)]
    assert [(r[0], r[1]) for r in rows] == TRANSPORT_ROWS
    by_label = {r[1]: r for r in rows}
    r = by_label["三（三）9"]
    assert r[2:4] == ("三（三）改善交通运输结构，发展绿色交通体系", "加大新能源车船推广")
    assert r[4].startswith("加大新能源车船推广。") and r[4].endswith("市机关事务管理局配合〕")
    assert r[5:8] == ("市经济和信息化局", "市发展改革委（市能源办）、市财政局、市公安局、市生态环境局、市住房城乡建设局、市机关事务管理局", None)
    assert by_label["三（三）4"][5:8] == (None, None, "市公安局、市生态环境局、市经济和信息化局、市市场监管局、市商务局（共同负责）")
    assert by_label["三（四）3"][5:8] == ("市城管执法局", "市公安局", None)
    # no heading sentence: the 任务 cell names it by its first clause; the text is whole
    assert by_label["三（一）13"][3] == "全面推广汽修行业使用低挥发性涂料"


def test_xlsx_layout(plan, tmp_path):
    ws = openpyxl.load_workbook(export_duty_list(plan, "市交通运输局", "xlsx", tmp_path)).active
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:K22"
    assert all(c.font.b for c in ws[3])
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert "&P" in ws.oddFooter.center.text
    assert all(c.alignment.wrap_text for c in ws[4])
    widths = {col: ws.column_dimensions[col].width for col in "ABCDEFGHIJK"}
    # CJK counts 2: 序号 fits 三（一）13 (10 cells) + 2; 章节 reaches its cap (16) + 2; 任务内容 its cap (44) + 2,
    # widened by 2 for 三（四）1 (553 characters: 26 lines of 16 pt in 46 digits, more than Excel's highest row)
    assert widths["B"] == 12 and widths["C"] == 18 and widths["E"] == 48
    assert 10 <= widths["J"] <= 14  # at least the 完成时限 header (8 cells) + 2, at most its cap + 2
    assert 10 <= widths["I"] <= 14  # 开始时间 alike
    assert widths["A"] == 10  # 职责: 共同负责 (8 cells) + 2
    assert ws.row_dimensions[4].height > 15  # wrapped text: a taller row


def test_xlsx_table_and_matrix(plan, tmp_path):
    path = export_table(plan, "xlsx", tmp_path, matrix=True)
    assert path.name == f"{TITLE}-任务分工表.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["任务分工表", "分工矩阵"]
    ws = wb["任务分工表"]
    assert ws["A1"].value == f"《{TITLE}》任务分工表"
    assert [c.value for c in ws[3]] == TABLE_HEADERS
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=4)]
    labels = [r[0] for r in rows]
    assert [x for x in labels if x.startswith("三")] == three_labels(plan) and len(three_labels(plan)) == 64
    assert not any(x == "一" or x.startswith("四") for x in labels)  # no department, deadline or target
    first = rows[labels.index("三（一）1")]
    assert first[4:7] == ("市生态环境局", "市发展改革委、市经济和信息化局、市自然资源和规划局、各区县政府、高新区管委会", None)
    assert rows[labels.index("三（一）15")][6] == "市城管执法局、市市场监管局（共同负责）"
    assert rows[labels.index("三（一）20")][6] == "市生态环境局"
    assert "各区县政府、高新区管委会负责落实三、重点任务的全部 64 项任务" in ws["A2"].value

    m = wb["分工矩阵"]
    header = [c.value for c in m[3]]
    assert header[:6] == ["单位", "牵头", "配合", "负责", "共同负责", "合计"] and header[6:] == three_labels(plan)
    grid = {r[0]: r for r in m.iter_rows(min_row=4, values_only=True)}
    expected = department_counts(plan)
    assert len(grid) == 25
    for name, c in expected:
        shown = f"{name}（{plan.subunits()[name]}）" if name in plan.subunits() else name
        assert grid[shown][1:6] == (c["lead"], c["support"], c["sole"], c["shared"], c["total"])
    assert grid["市交通运输局"][1:6] == (8, 7, 0, 4, 19)
    assert grid["市生态环境局"][1:6] == (24, 13, 1, 3, 41)
    assert grid["市能源办（市发展改革委）"][1:6] == (5, 3, 0, 0, 8)
    marks = dict(zip(header[6:], grid["市交通运输局"][6:]))
    assert sorted(k for k, v in marks.items() if v == "牵") == sorted(LEAD)
    assert sorted(k for k, v in marks.items() if v == "配") == sorted(SUPPORT)
    assert sorted(k for k, v in marks.items() if v == "共") == sorted(SHARED)
    assert sum(1 for v in marks.values() if v) == 19
    totals = [r[5] for r in m.iter_rows(min_row=4, values_only=True)]
    assert totals == sorted(totals, reverse=True)
    assert m.freeze_panes == "G4" and m.print_title_cols == "$A:$A"


# ---------------------------------------------------------------- docx


def test_docx_duty_list_of_transport(plan, tmp_path):
    d = docx.Document(export_duty_list(plan, "市交通运输局", "docx", tmp_path))
    assert [(p.style.name, p.text) for p in d.paragraphs if p.text] == [
        ("Title", "市交通运输局责任清单"),
        ("Normal", "单位：市交通运输局"),
        ("Normal", f"方案：《{TITLE}》"),
        ("Normal", "导出日期：2025-01-01"),
        ("Normal", COUNTS),
        ("Heading 1", "一、牵头（8 项）"),
        ("Heading 1", "二、共同负责（4 项）"),
        ("Heading 1", "三、配合（7 项）"),
    ]
    assert len(d.tables) == 3
    headers = [[c.text for c in t.rows[0].cells] for t in d.tables]
    # on paper: 章节 and 任务 are no columns (the heading starts 任务内容 in bold), the departments are one
    # column with a line per role, and each table leaves out its columns empty in every row
    assert headers == EXPECTED_DUTY_HEADERS
    for table, labels in zip(d.tables, (LEAD, SHARED, SUPPORT)):
        cells = [[c.text for c in row.cells] for row in table.rows]
        assert [r[0] for r in cells[1:]] == labels
        assert table.style.name == "Table Grid"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows:  # short rows never split across pages; 三（四）1 (13 lines printed) may
            assert (row._tr.trPr.find(qn("w:cantSplit")) is None) == (row.cells[0].text == "三（四）1")
        for row in table.rows[1:]:  # 序号 never wraps
            assert row.cells[0]._tc.tcPr.find(qn("w:noWrap")) is not None
    nine = [r for r in d.tables[0].rows if r.cells[0].text == "三（三）9"][0]
    assert nine.cells[2].text.split("\n") == [
        "牵头：市经济和信息化局",
        "配合：市发展改革委（市能源办）、市财政局、市公安局、市生态环境局、市住房城乡建设局、市机关事务管理局",
    ]
    text = nine.cells[1].paragraphs[0].runs
    assert (text[0].text, text[0].bold) == ("加大新能源车船推广", True) and not text[1].bold


def test_docx_widths_give_the_text_the_page(plan, tmp_path):
    from kb.export.docx_writer import CELL_CM, PAD_CM

    d = docx.Document(export_duty_list(plan, "市交通运输局", "docx", tmp_path))
    usable = (d.sections[0].page_width - d.sections[0].left_margin - d.sections[0].right_margin) / 360000
    for table in d.tables:
        grid = [int(c.get(qn("w:w"))) / 567 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]  # twips → cm
        headers = [c.text for c in table.rows[0].cells]
        assert abs(sum(grid) - usable) < 0.1, "the table spans the page"
        assert grid[headers.index("任务内容")] >= 0.45 * usable, "任务内容 gets the width"
        labels = [r.cells[0].text for r in table.rows[1:]]
        assert grid[0] >= max(len(x.encode("gbk")) for x in labels) * CELL_CM + PAD_CM - 0.01, "序号 fits on one line"
        for width, header in zip(grid, headers):  # headers never break mid-word
            assert width >= len(header) * 2 * CELL_CM + PAD_CM, header


def test_docx_table_has_a_row_per_section(plan, tmp_path):
    d = docx.Document(export_table(plan, "docx", tmp_path))
    rows = d.tables[0].rows
    assert [c.text for c in rows[0].cells] == ["序号", "任务内容", "责任单位", "开始时间", "完成时限", "目标指标"]
    merged = [r.cells[0].text for r in rows[1:] if len({c._tc for c in r.cells}) == 1]
    assert merged == [
        "二、工作目标",
        "三（一）调整产业结构，深化工业污染治理",
        "三（二）优化能源结构，构建清洁能源体系",
        "三（三）改善交通运输结构，发展绿色交通体系",
        "三（四）加强扬尘管控，提高城市环境管理水平",
        "三（五）调整农业结构，发展生态农业",
        "三（六）强化联防联控，有效应对重污染天气",
    ]


def test_docx_fonts_page_and_footer(plan, tmp_path):
    d = docx.Document(export_duty_list(plan, "市交通运输局", "docx", tmp_path))
    fonts = {name: d.styles[name].element.rPr.rFonts for name in ("Normal", "Title", "Heading 1")}
    assert {n: f.get(qn("w:eastAsia")) for n, f in fonts.items()} == {"Normal": "仿宋", "Title": "宋体", "Heading 1": "黑体"}
    assert all(f.get(qn("w:asciiTheme")) is None and f.get(qn("w:eastAsiaTheme")) is None for f in fonts.values())
    section = d.sections[0]
    assert section.orientation == 1 and section.page_width > section.page_height
    assert round(section.page_width.cm, 1) == 29.7 and round(section.page_height.cm, 1) == 21.0
    footer = section.footer.paragraphs[0]
    instructions = [el.text.strip() for el in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text == "第 1 页，共 1 页"


def test_docx_table_and_matrix(plan, tmp_path):
    table = docx.Document(export_table(plan, "docx", tmp_path))
    assert table.paragraphs[0].text == f"《{TITLE}》任务分工表"
    rows = table.tables[0].rows
    assert [c.text for c in rows[0].cells] == ["序号", "任务内容", "责任单位", "开始时间", "完成时限", "目标指标"]
    task_rows = [r for r in rows[1:] if len({c._tc for c in r.cells}) > 1]
    assert [r.cells[0].text for r in task_rows if r.cells[0].text.startswith("三")] == three_labels(plan)
    matrix = docx.Document(export_table(plan, "docx", tmp_path, matrix=True))
    grid = [[c.text for c in r.cells] for r in matrix.tables[0].rows]
    assert grid[0] == ["单位", "牵头", "配合", "负责", "共同负责", "合计", "牵头任务", "配合任务", "负责任务", "共同负责任务"]
    transport = next(r for r in grid if r[0] == "市交通运输局")
    assert transport[1:6] == ["8", "7", "0", "4", "19"]
    assert transport[6].split("、") == LEAD and transport[7].split("、") == SUPPORT and transport[9].split("、") == SHARED


# ---------------------------------------------------------------- csv, json, md


def test_csv_starts_with_bom_and_has_one_row_per_task_and_role(plan, tmp_path):
    raw = export_duty_list(plan, "各区县政府", "csv", tmp_path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["部门", *DUTY_HEADERS]
    body = rows[1:]
    assert len(body) == 65  # supports 三（一）1 and implements all 64 tasks of 三
    assert [(r[1], r[2]) for r in body[:2]] == [("配合", "三（一）1"), ("落实", "三（一）1")]
    assert [r[2] for r in body if r[1] == "落实"] == three_labels(plan)
    assert {r[0] for r in body} == {"各区县政府"}


def test_csv_without_bom_for_stdout(plan):
    assert not render_duty_list(plan, "交通局", "csv", bom=False).startswith(b"\xef\xbb\xbf")
    assert render_table(plan, "csv").startswith(b"\xef\xbb\xbf")


def test_json_tasks_are_the_kb_tasks_objects(plan, tmp_path):
    data = json.loads(export_duty_list(plan, "交通局", "json", tmp_path).read_text("utf-8"))
    assert data["department"] == "市交通运输局" and data["total"] == 19
    assert data["counts"] == {"lead": 8, "sole": 0, "shared": 4, "support": 7, "implied": 0}
    by_id = {t.id: t for t in plan.tasks}
    assert [by_id[i].label for i in data["groups"]["lead"]] == LEAD
    for obj in data["tasks"]:
        roles = obj.pop("roles")
        assert obj == json.loads(json.dumps(by_id[obj["id"]].to_dict(), ensure_ascii=False))
        assert roles == by_id[obj["id"]].roles_of("市交通运输局")
    table = json.loads(render_table(plan, "json"))
    assert [t["label"] for t in table["tasks"] if t["part"] == "三"] == three_labels(plan)
    matrix = json.loads(render_table(plan, "json", matrix=True))
    transport = next(d for d in matrix["departments"] if d["name"] == "市交通运输局")
    assert transport["counts"]["total"] == 19 and len(transport["marks"]) == 19


def test_md_duty_list_of_a_subunit(plan):
    text = render_duty_list(plan, "市能源办", "md").decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# 市能源办责任清单"
    assert "- 单位：市能源办（市发展改革委）" in lines and "- 任务数：共 8 项：牵头 5 项，配合 3 项" in lines
    assert [x for x in lines if x.startswith("## ")] == ["## 牵头（5 项）", "## 配合（3 项）"]
    heads = [x.split()[1] for x in lines if x.startswith("### ")]
    assert heads == ["三（一）7", "三（二）1", "三（二）2", "三（二）4", "三（二）5", "三（一）3", "三（二）7", "三（三）9"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_of_every_kind_is_written(plan, tmp_path, fmt):
    for path in (export_duty_list(plan, "市民政局", fmt, tmp_path), export_table(plan, fmt, tmp_path),
                 export_table(plan, fmt, tmp_path, force=True, matrix=True)):
        assert path.exists() and path.stat().st_size > 0
        if fmt in ("xlsx", "docx"):
            assert zipfile.is_zipfile(path)


def test_libraries_are_imported_only_for_their_format():
    code = (
        "import sys; from kb.store import load_plan; import kb.export as e, kb.cli.export; p = load_plan();"
        "e.render_duty_list(p, '交通局', 'md'); e.render_table(p, 'csv', matrix=True);"
        "print('openpyxl' in sys.modules, 'docx' in sys.modules);"
        "e.render_duty_list(p, '交通局', 'docx'); print('openpyxl' in sys.modules, 'docx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False", "True"]


def test_an_answer_exported_as_a_table(plan, tmp_path):
    from kb.export import export_tasks, render_tasks

    tasks = plan.tasks_of("市交通运输局", "lead")
    path = export_tasks(plan, tasks, "xlsx", tmp_path, title="市交通运输局牵头的任务")
    assert path.name == "市交通运输局牵头的任务-任务清单.xlsx"
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == f"《{TITLE}》：市交通运输局牵头的任务"
    assert [r[0] for r in ws.iter_rows(min_row=4, values_only=True)] == LEAD
    ids = [t.id for t in tasks[:2]]
    text = render_tasks(plan, ids + ["三（四）1"], "csv", bom=False).decode()
    assert [r[0] for r in csv.reader(io.StringIO(text))][1:] == LEAD[:2] + ["三（四）1"]
    with pytest.raises(KbError, match="方案中没有任务 九（九）9"):
        render_tasks(plan, ["九（九）9"], "md")
    with pytest.raises(KbError, match="没有可导出的任务"):
        export_tasks(plan, [], "md", tmp_path)


def test_docx_of_an_implied_implementer_says_so(plan, tmp_path):
    d = docx.Document(export_duty_list(plan, "高新区", "docx", tmp_path))
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts[0] == "高新区管委会责任清单"
    assert "任务数：共 64 项：配合 1 项，落实 64 项" in texts
    assert "说明：方案要求“各项工作均需各区县政府、高新区管委会落实”，本清单“落实”部分列出本单位须落实的全部 64 项任务（三、重点任务）。" in texts
    assert [t for t in texts if t[1] == "、"] == ["一、配合（1 项）", "二、落实（64 项）"]
    assert [r.cells[0].text for r in d.tables[1].rows[1:]] == three_labels(plan)


def test_awkward_text_still_makes_valid_files(tmp_path):
    from test_export_content import hand_plan

    from kb.export.xlsx_writer import MAX_CELL, TRUNCATED

    plan = hand_plan()
    t = plan.tasks[2]
    t.text = "=SUM(A1)\x0b控制字符" + "长" * 40000  # formula-like start, a control character, over Excel's cell limit
    ws = openpyxl.load_workbook(export_duty_list(plan, "交通局", "xlsx", tmp_path)).active
    cell = next(r[4] for r in ws.iter_rows(min_row=4) if r[1].value == t.label)
    assert cell.data_type == "s" and cell.value.startswith("=SUM(A1)控制字符")
    assert len(cell.value) == MAX_CELL and cell.value.endswith(TRUNCATED)
    assert ws.row_dimensions[cell.row].height == 409  # Excel's highest row
    d = docx.Document(export_duty_list(plan, "交通局", "docx", tmp_path))
    texts = [c.text for table in d.tables for row in table.rows for c in row.cells]
    assert any(x.startswith("=SUM(A1)控制字符长") and len(x) == len(t.text) - 1 for x in texts)


def test_deadlines_and_targets_in_the_xlsx(plan, tmp_path):
    ws = openpyxl.load_workbook(export_table(plan, "xlsx", tmp_path)).active
    rows = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    goals = rows["二"]  # 工作目标: no department, ten targets counted by hand (27.9%, 力争31.4%, 72.1%, 25%, 18.98%, 8.61%, 0.34/0.06/0.44万吨, 19.5%)
    assert goals[1] == "二、工作目标" and goals[4:8] == (None, None, None, None) and goals[8] == "到2020年"
    lines = goals[9].split("\n")
    assert len(lines) == 10
    assert lines[0] == "主城区 环境空气质量细颗粒物（PM2.5）年均浓度 较2015年下降 ≥27.9%（到2020年）"
    assert lines[1].endswith("≥31.4%（到2020年）（力争）")
    duty = openpyxl.load_workbook(export_duty_list(plan, "交通局", "xlsx", tmp_path)).active
    sweep = next(r for r in duty.iter_rows(min_row=4, values_only=True) if r[1] == "三（四）4")
    assert sweep[9] == "到2020年"
    assert sweep[10].split("\n") == ["城市建成区 道路机械化清扫率 ≥85%（到2020年）", "荣县、富顺县 道路机械化清扫率 达到 ≥70%（到2020年）"]


def test_parent_department_names_its_subunit_tasks(plan):
    lines = render_duty_list(plan, "发改委", "md").decode().splitlines()
    assert "- 任务数：共 21 项：牵头 8 项，共同负责 1 项，配合 12 项" in lines
    assert ("- 说明：其中 8 项方案写作“市发展改革委（市能源办）”（三（一）3、三（一）7、三（二）1、三（二）2、"
            "三（二）4、三（二）5、三（二）7、三（三）9），另见市能源办的责任清单。") in lines


def test_xlsx_prints_whole_footer_and_fitted_rows(plan, tmp_path):
    from kb.export.xlsx_writer import LINE_HEIGHT, _lines
    from kb.linebreak import count_lines

    ws = openpyxl.load_workbook(export_table(plan, "xlsx", tmp_path)).active
    m = ws.page_margins
    assert m.footer + 0.3 <= m.bottom and m.header + 0.3 <= m.top, "the footer (第 1 页，共 N 页) is not cut"
    headers = [c.value for c in ws[3]]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(headers))]
    for row in ws.iter_rows(min_row=4):
        needed = max(_lines(c.value or "", widths[i]) for i, c in enumerate(row))
        height = ws.row_dimensions[row[0].row].height
        # every line fits, and the row is no taller than its text (plus the cell's padding)
        assert LINE_HEIGHT * needed <= height <= LINE_HEIGHT * needed + 4, row[0].value
    goals = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "二")
    targets = goals[headers.index("目标指标")]
    assert targets.value.split("\n")[-1] == "单位地区生产总值（GDP）二氧化碳排放 较2015年下降 19.5%（到2020年）"
    width = widths[headers.index("目标指标")]
    assert ws.row_dimensions[goals[0].row].height >= LINE_HEIGHT * count_lines(targets.value, int(width - 1)), "last target shown"


def test_xlsx_leaves_out_columns_empty_in_every_row(plan, tmp_path):
    ws = openpyxl.load_workbook(export_duty_list(plan, "市财政局", "xlsx", tmp_path)).active
    headers = [c.value for c in ws[3]]
    # 市财政局 only supports (9 tasks): columns empty in all of its rows (such as 其他责任单位) are left out
    for i, header in enumerate(headers):
        assert any(ws.cell(r, i + 1).value for r in range(4, ws.max_row + 1)), f"{header} is empty in every row"
    assert "序号" in headers and "任务内容" in headers


# ---------------------------------------------------------------- long rows break across pages (docx)

from kb.export.docx_writer import CELL_CM, KEEP_WHOLE_LINES, PAD_CM, row_lines  # noqa: E402

#: A column exactly 10 display cells wide (5 CJK characters a line).
TEN = PAD_CM + 10 * CELL_CM + 0.01


@pytest.mark.parametrize("values,widths,lines,why", [
    (["短"], [TEN], 1, "2 cells in 10"),
    (["一二三四五"], [TEN], 1, "exactly 10 cells: one full line"),
    (["一二三四五六"], [TEN], 2, "12 cells: the sixth character wraps"),
    (["甲\n乙\n丙"], [TEN], 3, "each line of the cell starts a line"),
    ([""], [TEN], 1, "an empty cell is still a line high"),
    (["abcdefghijk"], [TEN], 2, "Latin letters count 1 cell: 11 cells"),
    (["一二三四五六", "x"], [TEN, TEN], 2, "the tallest cell sets the row"),
    (["一二三四五六七八九十" * 2, "一二"], [2 * TEN - PAD_CM, TEN], 2, "a wider column holds more a line"),
])
def test_row_lines(values, widths, lines, why):
    assert row_lines(values, widths) == lines, why


def test_keep_whole_lines_is_a_quarter_page():
    # A4 landscape 21 cm high less 2 × 1.5 cm margins = 18 cm = 510.2 pt; at 13 pt a line 39.2 lines; a quarter 9.8
    assert KEEP_WHOLE_LINES == 9


NONGJI = Path(__file__).resolve().parent / "fixtures" / "plans" / "02_nongjihua_guofa2018-42.txt"


def test_long_rows_of_a_real_plan_may_break_short_rows_stay_whole(tmp_path):
    """国发〔2018〕42号's 一（二）2 goal row (32 lines of targets) stood alone on page 2, page 1 nearly empty;
    it may now break at the foot of page 1, while the header row repeats on every page and short rows stay whole."""
    from kb.store import load_plan

    plan = load_plan(str(NONGJI))
    table = docx.Document(export_table(plan, "docx", tmp_path / "t.docx")).tables[0]

    def whole(row):
        return row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None

    rows = {row.cells[0].text: row for row in table.rows[1:]}
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None and whole(header)
    # by hand from the printed table: 一（二）1 is 8 lines (its targets), 一（二）2 32, 八（十九） 7, 二（三） 13
    assert whole(rows["一（二）1"]) and whole(rows["八（十九）"])
    assert not whole(rows["一（二）2"]) and not whole(rows["二（三）"])
    sections = [row for row in table.rows[1:] if len({id(c._tc) for c in row.cells}) == 1]
    assert sections and all(whole(row) for row in sections), "a one-line section row never splits"


# ---------------------------------------------------------------- xlsx row heights (review: too tall, never cut)

from kb.export.xlsx_writer import row_height  # noqa: E402


@pytest.mark.parametrize("values,widths,height,why", [
    (["一" * 10], [21], 20, "a 21-digit column holds 20 digits a line (one of margin): ten CJK characters, one line"),
    (["一" * 11], [21], 36, "the eleventh character starts a second line: 2 × 16 + 4"),
    (["一" * 10 + "。"], [21], 36, "a closing mark never starts a line: it takes the tenth character along"),
    (["abcdefghijklmnopqrst"], [21], 20, "twenty Latin letters, one digit each"),
    (["甲\n乙\n丙\n丁"], [21], 68, "four short lines (targets, deadlines): at 14.4 pt a line LibreOffice cut the fourth"),
    (["短", "一" * 25], [21, 21], 52, "the tallest cell sets the row: 25 characters are three lines"),
    (["", ""], [21, 21], 20, "empty cells are still one line high"),
    (["一" * 2000], [21], 409, "Excel's highest row is the most a row can be"),
])
def test_row_height(values, widths, height, why):
    assert row_height(values, widths) == height, why


def test_xlsx_normal_font_is_the_cells_font(plan, tmp_path):
    """Column widths count digits of the Normal style's font: 宋体, the cells' font (openpyxl's default is Calibri,
    whose narrower digits made a CJK character 2.14 units in Excel, not the 2 the heights count)."""
    path = export_table(plan, "xlsx", tmp_path)
    wb = openpyxl.load_workbook(path)
    normal = next(s for s in wb._named_styles if s.name == "Normal")
    assert (normal.font.name, normal.font.sz) == ("宋体", 11)
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
    first_font = styles.split("<font>", 1)[1].split("</font>", 1)[0]
    assert '<name val="宋体"/>' in first_font and "Calibri" not in styles
    assert wb.active["D4"].font.name == "宋体"


def test_xlsx_long_task_widens_its_column_rather_than_being_cut(tmp_path):
    from test_export_content import hand_plan

    from kb.export.xlsx_writer import LINE_HEIGHT, MAX_ROW_HEIGHT, _lines

    plan = hand_plan()
    t = plan.tasks[2]
    t.text = "一二三四五六七八九十" * 76  # 760 characters (奉贤 2021's 二（三）5 is as long): 35 lines in 46 digits
    ws = openpyxl.load_workbook(export_duty_list(plan, "交通局", "xlsx", tmp_path)).active
    headers = [c.value for c in ws[3]]
    col = headers.index("任务内容")
    row = next(r for r in ws.iter_rows(min_row=4) if r[1].value == t.label)
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(col + 1)].width
    assert width >= 63, "31 characters a line (62 digits and one of margin) make 25 lines, the most 409 pt hold"
    height = ws.row_dimensions[row[0].row].height
    assert LINE_HEIGHT * _lines(row[col].value, width) < height < MAX_ROW_HEIGHT, "every line shown"


def test_xlsx_matrix_row_of_a_long_name_holds_it(tmp_path):
    from test_export_content import hand_plan

    from kb.export.xlsx_writer import LINE_HEIGHT, _lines

    plan = hand_plan()
    long_name = "某市某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某管理委员会"  # 41 characters: 82 digits
    plan.tasks[2].lead = [long_name]
    ws = openpyxl.load_workbook(export_table(plan, "xlsx", tmp_path, matrix=True))["分工矩阵"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[0].value == long_name)
    width = ws.column_dimensions["A"].width
    assert width == 40 and _lines(long_name, width) == 3, "the name column's cap: 39 digits a line, 82 digits take 3"
    assert ws.row_dimensions[row[0].row].height >= LINE_HEIGHT * 3
    short = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "市公安局")
    assert ws.row_dimensions[short[0].row].height is None  # one line: the default height
