"""Exports of a plan whose roles are not the bundled plan's: opened with their own libraries.

The plan below is written by hand for this test (nobody leads, nobody is 按职责分工负责; two tasks are
guided, 指导).  Counted by hand from its three tags:
- 一1  商务部 指导, 供销合作总社 配合 (参与);
- 一2  生态环境部、住房城乡建设部 指导;
- 一3  市场监管总局 负责.
So the roles some task gives are 指导, 配合, 负责: every format shows those and no 牵头 or
按职责分工负责 column (a role nobody holds adds no empty column), and every department holds
exactly one task.
"""

import csv
import io
import json

import docx
import openpyxl
import pytest

from kb.export import FORMATS, render_duty_list, render_table
from kb.model import Plan
from kb.parser import parse_document
from test_guide_role import GUIDED, guided_plan

#: Department columns of the task division table, in order (指导 follows 牵头, as in ROLES).
TABLE_UNIT_HEADERS = ["指导单位", "配合单位", "责任单位"]
#: The matrix's count columns.
MATRIX_COUNT_HEADERS = ["指导", "配合", "负责", "合计"]
DEPARTMENTS = {"商务部", "供销合作总社", "生态环境部", "住房城乡建设部", "市场监管总局"}


@pytest.fixture(autouse=True)
def fixed_date(fixed_export_date):
    """Every test of this file exports dated 2025-01-01."""


@pytest.fixture(scope="module")
def guided():
    return guided_plan()


def _xlsx_rows(data: bytes, sheet: int = 0) -> list[list]:
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[sheet]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _md_header(data: bytes) -> list[str]:
    line = next(ln for ln in data.decode().splitlines() if ln.startswith("| "))
    return [c.strip() for c in line.strip("|").split("|")]


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(io.BytesIO(data)).tables]


def test_the_plan_reads_as_counted(guided):
    roles = {t.label: (t.lead, t.guide, t.support, t.sole, t.shared) for t in guided.tasks if t.tag}
    assert roles == {
        "一1": ([], ["商务部"], ["供销合作总社"], [], []),
        "一2": ([], ["生态环境部", "住房城乡建设部"], [], [], []),
        "一3": ([], [], [], ["市场监管总局"], []),
    }


# ---------------------------------------------------------------- the task division table


def test_table_xlsx_unit_columns(guided):
    rows = _xlsx_rows(render_table(guided, "xlsx"))
    header = rows[2]
    assert [h for h in header if h and h.endswith("单位")] == TABLE_UNIT_HEADERS
    by_label = {r[0]: dict(zip(header, r)) for r in rows[3:]}
    assert by_label["一1"]["指导单位"] == "商务部" and by_label["一1"]["配合单位"] == "供销合作总社"
    assert by_label["一2"]["指导单位"] == "生态环境部、住房城乡建设部"
    assert by_label["一3"]["责任单位"] == "市场监管总局" and by_label["一3"]["指导单位"] is None


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_table_text_formats_have_no_column_for_a_role_nobody_holds(guided, fmt):
    data = render_table(guided, fmt)
    header = _md_header(data) if fmt == "md" else _csv_rows(data)[0]
    assert [h for h in header if h.endswith("单位")] == TABLE_UNIT_HEADERS


def test_table_docx_names_every_role_in_the_merged_unit_column(guided):
    # The paper table merges the department columns into one, a line per role (指导 included).
    (table,) = _docx_tables(render_table(guided, "docx"))
    header = table[0]
    assert "责任单位" in header and not any(h in header for h in TABLE_UNIT_HEADERS[:2])
    units = header.index("责任单位")
    cells = [row[units] for row in table[1:] if row[0] != row[-1]]  # section rows span the table
    assert cells == ["指导：商务部\n配合：供销合作总社", "指导：生态环境部、住房城乡建设部", "负责：市场监管总局"]


def test_table_json_keeps_every_role_of_each_task(guided):
    tasks = json.loads(render_table(guided, "json"))["tasks"]
    assert [(t["label"], t["guide"]) for t in tasks] == [
        ("一1", ["商务部"]), ("一2", ["生态环境部", "住房城乡建设部"]), ("一3", [])]


# ---------------------------------------------------------------- the matrix


def test_matrix_xlsx_counts_are_numbers_for_the_roles_held(guided):
    rows = _xlsx_rows(render_table(guided, "xlsx", matrix=True), sheet=1)
    header = rows[2]
    assert header[:5] == ["单位", *MATRIX_COUNT_HEADERS] and header[5:] == ["一1", "一2", "一3"]
    body = {r[0]: r[1:5] for r in rows[3:]}
    assert set(body) == DEPARTMENTS
    assert body["商务部"] == [1, 0, 0, 1] and body["供销合作总社"] == [0, 1, 0, 1]
    assert body["市场监管总局"] == [0, 0, 1, 1]
    assert "导＝指导，配＝配合，责＝负责；" in rows[1][1] and "牵＝" not in rows[1][1]  # (B2: test_matrix_print)


@pytest.mark.parametrize("fmt", ["md", "csv", "docx"])
def test_matrix_other_formats_count_only_the_roles_held(guided, fmt):
    data = render_table(guided, fmt, matrix=True)
    if fmt == "docx":
        header = _docx_tables(data)[0][0]
    else:
        header = _md_header(data) if fmt == "md" else _csv_rows(data)[0]
    assert header[1:5] == MATRIX_COUNT_HEADERS


def test_matrix_json_counts_only_the_roles_held(guided):
    data = json.loads(render_table(guided, "json", matrix=True))
    assert {d["name"]: d["counts"] for d in data["departments"]}["商务部"] == {"guide": 1, "support": 0, "sole": 0, "total": 1}
    assert "牵＝" not in data["legend"]


# ---------------------------------------------------------------- a duty list


@pytest.mark.parametrize("fmt", FORMATS)
def test_duty_list_of_a_guiding_department(guided, fmt):
    data = render_duty_list(guided, "商务部", fmt)
    if fmt == "xlsx":
        rows = _xlsx_rows(data)
        assert "任务数：共 1 项：指导 1 项" in rows[1][0]
        row = dict(zip(rows[2], rows[3]))
        assert (row["职责"], row["序号"], row["其他配合单位"]) == ("指导", "一1", "供销合作总社")
        assert "其他牵头单位" not in rows[2]
    elif fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading")] == ["一、指导（1 项）"]
        (table,) = _docx_tables(data)
        assert table[1][table[0].index("其他单位")] == "配合：供销合作总社"
    elif fmt == "csv":
        header, *body = _csv_rows(data)
        assert "其他牵头单位" not in header and len(body) == 1
        assert dict(zip(header, body[0]))["其他配合单位"] == "供销合作总社"
    elif fmt == "md":
        assert "- 其他配合单位：供销合作总社" in data.decode() and "牵头" not in data.decode()
    else:
        got = json.loads(data)
        (task,) = got["tasks"]
        assert (got["groups"], got["total"], task["label"], task["roles"]) == ({"guide": [task["id"]]}, 1, "一1", ["guide"])


# ---------------------------------------------------------------- several plans: every task column names its plan

OTHER = """另一县农村物流实施方案
一、重点任务
1.建立回收体系。（县商务局牵头，县财政局配合）
2.开展示范。（县财政局负责）
"""


@pytest.fixture(scope="module")
def two_plans():
    a, a_tasks = parse_document(GUIDED, "a")
    b, b_tasks = parse_document(OTHER, "b")
    return Plan([a, b], a_tasks + b_tasks)


#: Both plans number their tasks 一1, 一2: a column per task must say whose it is (counted by hand: 3 + 2 tags).
TWO_PLAN_COLUMNS = ["方案1 一1", "方案1 一2", "方案1 一3", "方案2 一1", "方案2 一2"]
TWO_PLAN_LEGEND = "方案1＝《关于开展试点工作的实施方案》；方案2＝《另一县农村物流实施方案》"


@pytest.mark.parametrize("fmt", ["xlsx", "md", "csv"])
def test_matrix_of_several_plans_names_the_plan_of_each_column(two_plans, fmt):
    data = render_table(two_plans, fmt, matrix=True)
    if fmt == "xlsx":
        rows = _xlsx_rows(data, sheet=1)
        header, meta = rows[2], rows[1][1]  # (the header lines from column B: test_matrix_print)
    else:
        header = _md_header(data) if fmt == "md" else _csv_rows(data)[0]
        meta = data.decode("utf-8-sig")
    assert header[-5:] == TWO_PLAN_COLUMNS and header[1:6] == ["牵头", "指导", "配合", "负责", "合计"]
    if fmt != "csv":  # (csv has no header lines: its columns say it)
        assert TWO_PLAN_LEGEND in meta


def test_matrix_docx_of_several_plans_names_the_plan_of_each_label(two_plans):
    data = render_table(two_plans, "docx", matrix=True)
    table = _docx_tables(data)[0]
    rows = {r[0]: dict(zip(table[0], r)) for r in table[1:]}
    assert rows["方案2 县财政局"]["配合任务"] == "方案2 一1" and rows["方案2 县财政局"]["负责任务"] == "方案2 一2"
    assert TWO_PLAN_LEGEND in "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_matrix_json_of_several_plans_gives_each_task_its_plan(two_plans):
    data = json.loads(render_table(two_plans, "json", matrix=True))
    assert [(t["plan"], t["label"]) for t in data["tasks"]] == [
        ("a", "一1"), ("a", "一2"), ("a", "一3"), ("b", "一1"), ("b", "一2")]


# ---------------------------------------------------------------- several plans: one matrix row per (plan, department)

COUNTY_A = """甲县农村公路建设实施方案
一、重点任务
1.改造农村公路。（县交通运输局牵头，县财政局配合）
2.建设客运站。（县交通运输局负责）
"""
COUNTY_B = """乙县农村物流实施方案
一、重点任务
1.建立物流网络。（县商务局牵头，县交通运输局配合）
2.培育物流企业。（县商务局负责）
"""


@pytest.fixture(scope="module")
def two_counties():
    a, a_tasks = parse_document(COUNTY_A, "a")
    b, b_tasks = parse_document(COUNTY_B, "b")
    return Plan([a, b], a_tasks + b_tasks)


#: Written by hand from the two tags above: 县交通运输局 of 甲县 and of 乙县 are two bodies, two rows
#: (it was one row, 牵头 1 配合 1 负责 1 合计 3); plan by plan, most tasks first.
#: (shown name, 牵头, 配合, 负责, 合计, marks of 方案1 一1, 方案1 一2, 方案2 一1, 方案2 一2, why)
COUNTY_ROWS = [
    ("方案1 县交通运输局", "1", "0", "1", "2", "牵", "责", "", "", "甲县's: leads 一1, alone on 一2"),
    ("方案1 县财政局", "0", "1", "0", "1", "配", "", "", "", "supports 甲县's 一1"),
    ("方案2 县商务局", "1", "0", "1", "2", "", "", "牵", "责", "leads 乙县's 一1, alone on 一2"),
    ("方案2 县交通运输局", "0", "1", "0", "1", "", "", "配", "", "乙县's: supports its 一1, nothing in 甲县's plan"),
]


def test_matrix_keeps_one_row_per_plan_and_department(two_counties):
    lines = [ln for ln in render_table(two_counties, "md", matrix=True).decode().splitlines() if ln.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    assert header == ["单位", "牵头", "配合", "负责", "合计", "方案1 一1", "方案1 一2", "方案2 一1", "方案2 一2"]
    body = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines[2:]]
    assert body == [list(row[:-1]) for row in COUNTY_ROWS]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv", "json"])
def test_matrix_rows_per_plan_in_every_format(two_counties, fmt):
    data = render_table(two_counties, fmt, matrix=True)
    names = [row[0] for row in COUNTY_ROWS]
    if fmt == "xlsx":
        rows = _xlsx_rows(data, sheet=1)
        start = rows.index(next(r for r in rows if r[0] == "单位"))
        assert [r[0] for r in rows[start + 1:] if r[0]] == names
    elif fmt == "docx":
        table = _docx_tables(data)[0]
        assert [r[0] for r in table[1:]] == names
        # each row lists its own plan's tasks only (by hand from the tags; 甲县's 一1 is not 乙县's body's)
        lists = [tuple(dict(zip(table[0], r)).get(h, "") for h in ("牵头任务", "配合任务", "负责任务")) for r in table[1:]]
        assert lists == [("方案1 一1", "", "方案1 一2"), ("", "方案1 一1", ""), ("方案2 一1", "", "方案2 一2"),
                         ("", "方案2 一1", "")]
    elif fmt == "csv":
        assert [r[0] for r in _csv_rows(data)[1:]] == names
    else:
        got = json.loads(data)["departments"]
        assert [(d["plan"], d["name"], d["counts"]["total"]) for d in got] == [
            ("a", "县交通运输局", 2), ("a", "县财政局", 1), ("b", "县商务局", 2), ("b", "县交通运输局", 1)]


def test_matrix_of_one_plan_names_rows_as_before():
    a, tasks = parse_document(COUNTY_A, "a")
    got = json.loads(render_table(Plan([a], tasks), "json", matrix=True))["departments"]
    assert [(d["display"], d["plan"]) for d in got] == [("县交通运输局", None), ("县财政局", None)]
