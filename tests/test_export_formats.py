"""Every format of the bundled plan's exports, opened with its own library.

The figures of 市交通运输局 are counted by hand from corpus/zigong-blue-sky-plan.txt
(lines 21–61, the tags of 三、重点任务): it leads 8 tasks, is responsible
according to its duties (按职责分工负责) for 4 and supports 7.
"""

import csv
import io
import json
import subprocess
import sys
import zipfile

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
TRANSPORT_ROWS = [("牵头", x) for x in LEAD] + [("按职责分工负责", x) for x in SHARED] + [("配合", x) for x in SUPPORT]
COUNTS = "任务数：共 19 项：牵头 8 项，按职责分工负责 4 项，配合 7 项"
DUTY_HEADERS = ["职责", "序号", "章节", "任务", "任务内容", "其他牵头单位", "其他配合单位", "其他责任单位", "完成时限", "目标指标"]
TABLE_HEADERS = ["序号", "章节", "任务", "任务内容", "牵头单位", "配合单位", "责任单位", "完成时限", "目标指标"]
TITLE = "自贡市打赢蓝天保卫战实施方案"


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01


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
    assert by_label["三（三）4"][5:8] == (None, None, "市公安局、市生态环境局、市经济和信息化局、市市场监管局、市商务局（按职责分工负责）")
    assert by_label["三（四）3"][5:8] == ("市城管执法局", "市公安局", None)
    assert by_label["三（一）13"][3] is None  # no heading sentence: the 任务 cell stays empty, the text is whole


def test_xlsx_layout(plan, tmp_path):
    ws = openpyxl.load_workbook(export_duty_list(plan, "市交通运输局", "xlsx", tmp_path)).active
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:J22"
    assert all(c.font.b for c in ws[3])
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert "&P" in ws.oddFooter.center.text
    assert all(c.alignment.wrap_text for c in ws[4])
    widths = {col: ws.column_dimensions[col].width for col in "ABCDEFGHIJ"}
    # CJK counts 2: 序号 fits 三（一）13 (10 cells) + 2; 章节 and 任务内容 reach their caps (16, 44) + 2
    assert widths["B"] == 12 and widths["C"] == 18 and widths["E"] == 46
    assert 10 <= widths["I"] <= 14  # at least the 完成时限 header (8 cells) + 2, at most its cap + 2
    assert widths["A"] == 12  # 职责: 按职责分工负责 (14 cells) wraps at the cap
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
    assert rows[labels.index("三（一）15")][6] == "市城管执法局、市市场监管局（按职责分工负责）"
    assert rows[labels.index("三（一）20")][6] == "市生态环境局"
    assert "各区县政府、高新区管委会负责落实三、重点任务的全部 64 项任务" in ws["A2"].value

    m = wb["分工矩阵"]
    header = [c.value for c in m[3]]
    assert header[:6] == ["单位", "牵头", "配合", "负责", "分工负责", "合计"] and header[6:] == three_labels(plan)
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
    assert sorted(k for k, v in marks.items() if v == "分") == sorted(SHARED)
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
        ("Heading 1", "二、按职责分工负责（4 项）"),
        ("Heading 1", "三、配合（7 项）"),
    ]
    assert len(d.tables) == 3
    for table, labels in zip(d.tables, (LEAD, SHARED, SUPPORT)):
        cells = [[c.text for c in row.cells] for row in table.rows]
        # columns empty in every row (完成时限, 目标指标 until the plan states them) are left out on paper
        assert cells[0] == [h for h in DUTY_HEADERS[1:] if h in cells[0]] and cells[0][:5] == DUTY_HEADERS[1:6]
        assert [r[0] for r in cells[1:]] == labels
        assert table.style.name == "Table Grid"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    nine = [r for r in d.tables[0].rows if r.cells[0].text == "三（三）9"][0]
    assert nine.cells[4].text == "市经济和信息化局"


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
    assert [c.text for c in rows[0].cells][:7] == TABLE_HEADERS[:7]
    assert [r.cells[0].text for r in rows[1:] if r.cells[0].text.startswith("三")] == three_labels(plan)
    matrix = docx.Document(export_table(plan, "docx", tmp_path, matrix=True))
    grid = [[c.text for c in r.cells] for r in matrix.tables[0].rows]
    assert grid[0] == ["单位", "牵头", "配合", "负责", "分工负责", "合计", "牵头任务", "配合任务", "负责任务", "分工负责任务"]
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
    assert goals[1] == "二、工作目标" and goals[4:7] == (None, None, None) and goals[7] == "到2020年"
    lines = goals[8].split("\n")
    assert len(lines) == 10
    assert lines[0] == "主城区 环境空气质量细颗粒物（PM2.5）年均浓度 较2015年下降 ≥27.9%（到2020年）"
    assert lines[1].endswith("≥31.4%（到2020年）（力争）")
    duty = openpyxl.load_workbook(export_duty_list(plan, "交通局", "xlsx", tmp_path)).active
    sweep = next(r for r in duty.iter_rows(min_row=4, values_only=True) if r[1] == "三（四）4")
    assert sweep[8] == "到2020年"
    assert sweep[9].split("\n") == ["城市建成区 道路机械化清扫率 ≥85%（到2020年）", "荣县、富顺县 道路机械化清扫率 达到 ≥70%（到2020年）"]


def test_parent_department_names_its_subunit_tasks(plan):
    lines = render_duty_list(plan, "发改委", "md").decode().splitlines()
    assert "- 任务数：共 21 项：牵头 8 项，按职责分工负责 1 项，配合 12 项" in lines
    assert ("- 说明：其中 8 项方案写作“市发展改革委（市能源办）”（三（一）3、三（一）7、三（二）1、三（二）2、"
            "三（二）4、三（二）5、三（二）7、三（三）9），另见市能源办的责任清单。") in lines
