"""A start date (自2019年7月1日起, ``Deadline.kind == "from"``) is no deadline: exports print it under 开始时间,
never under 完成时限 (opened with their own libraries).

The plan below is written by hand for this test.  Counted by hand from its text before running kb:
- 一1  starts 自2019年7月1日起, no deadline  → 开始时间 自2019年7月1日起, 完成时限 empty;
- 一2  done 2020年6月底前, then 2021年起 常态化 → 开始时间 2021年起, 完成时限 2020年6月底前;
- 一3  done 2020年年底前 only                → 开始时间 empty, 完成时限 2020年年底前.
市交通运输局 leads 一1 and 一2, supports 一3: its duty list holds all three rows.
A plan with no start date (``NO_START``: 一1 2020年年底前, 一2 no date) has no 开始时间 column in any format.
"""

import csv
import io

import docx
import openpyxl
import pytest

from kb.export import render_duty_list, render_table
from kb.model import Plan
from kb.parser import parse_document

STARTS = """关于推进绿色交通的实施方案
一、重点任务
1.实施排放标准。自2019年7月1日起，提前实施国六排放标准。（市交通运输局牵头，市生态环境局配合）
2.开展专项整治。2020年6月底前完成首轮整治，2021年起常态化开展。（市交通运输局牵头，市公安局配合）
3.推广新能源车辆。2020年年底前新增新能源公交车200辆。（市财政局牵头，市交通运输局配合）
"""

NO_START = """关于推进绿色交通的实施方案
一、重点任务
1.开展专项整治。2020年年底前完成首轮整治。（市交通运输局牵头，市公安局配合）
2.推广新能源车辆。（市财政局牵头，市交通运输局配合）
"""

#: label → (开始时间, 完成时限), counted by hand (None: an empty cell).
EXPECTED = {
    "一1": ("自2019年7月1日起", None),
    "一2": ("2021年起", "2020年6月底前"),
    "一3": (None, "2020年年底前"),
}


@pytest.fixture(autouse=True)
def fixed_date(fixed_export_date):
    """Every test of this file exports dated 2025-01-01."""


def _plan(text: str) -> Plan:
    doc, tasks = parse_document(text, "starts")
    return Plan([doc], tasks)


@pytest.fixture(scope="module")
def starts():
    return _plan(STARTS)


def _xlsx_rows(data: bytes) -> list[list]:
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(io.BytesIO(data)).tables]


def _by_label(header: list, rows: list[list], label_at: int = 0) -> dict[str, dict]:
    return {r[label_at]: dict(zip(header, r)) for r in rows if r[label_at] in EXPECTED}


def test_the_plan_reads_as_counted(starts):
    kinds = {t.label: [(d.text, d.kind) for d in t.deadlines] for t in starts.tasks if t.tag}
    assert kinds == {
        "一1": [("自2019年7月1日起", "from")],
        "一2": [("2020年6月底前", "by"), ("2021年起", "from")],
        "一3": [("2020年年底前", "by")],
    }


def test_table_xlsx(starts):
    rows = _xlsx_rows(render_table(starts, "xlsx"))
    header = rows[2]
    assert header.index("开始时间") + 1 == header.index("完成时限")
    got = {label: (r["开始时间"], r["完成时限"]) for label, r in _by_label(header, rows[3:]).items()}
    assert got == EXPECTED


def test_duty_list_xlsx(starts):
    rows = _xlsx_rows(render_duty_list(starts, "市交通运输局", "xlsx"))
    header = next(r for r in rows if "完成时限" in r)
    got = {label: (r["开始时间"], r["完成时限"]) for label, r in _by_label(header, rows, header.index("序号")).items()}
    assert got == EXPECTED


@pytest.mark.parametrize("render", [lambda p: render_table(p, "docx"), lambda p: render_duty_list(p, "市交通运输局", "docx")],
                         ids=["table", "duty_list"])
def test_docx(starts, render):
    # (on paper each table leaves out a column empty in all its rows: the duty list's 配合 table, 一3 alone, has none)
    got = {}
    for table in _docx_tables(render(starts)):
        header = table[0]
        if "开始时间" in header:
            assert header.index("开始时间") + 1 == header.index("完成时限")
        for label, r in _by_label(header, table[1:]).items():
            got[label] = (r.get("开始时间") or None, r["完成时限"] or None)
    assert got == EXPECTED


def test_table_csv_and_md(starts):
    rows = list(csv.reader(io.StringIO(render_table(starts, "csv").decode("utf-8-sig"))))
    got = {label: (r["开始时间"] or None, r["完成时限"] or None) for label, r in _by_label(rows[0], rows[1:]).items()}
    assert got == EXPECTED
    md = render_table(starts, "md").decode()
    assert "| 开始时间 | 完成时限 |" in md


def test_duty_list_md_says_start_apart(starts):
    md = render_duty_list(starts, "市交通运输局", "md").decode()
    assert "- 开始时间：2021年起\n- 完成时限：2020年6月底前" in md
    assert "- 完成时限：自2019年7月1日起" not in md


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv", "md"])
def test_no_start_no_column(fmt):
    plan = _plan(NO_START)
    for data in (render_table(plan, fmt), render_duty_list(plan, "市交通运输局", fmt)):
        if fmt == "xlsx":
            text = "\n".join(str(c) for r in _xlsx_rows(data) for c in r)
        elif fmt == "docx":
            text = "\n".join(c for t in _docx_tables(data) for r in t for c in r)
        else:
            text = data.decode("utf-8-sig")
        assert "开始时间" not in text and "2020年年底前" in text


TIME_FACT_ROWS = [
    # (item text, expected (label, text) pairs, why)
    ("1.全面实施国六排放标准，自2019年7月1日起，全面执行国六排放标准。（市生态环境局负责）", [("开始时间", "自2019年7月1日起")],
     "a start only: no empty 完成时限 (the TUI's duty pane and kb duties printed '完成时限：' with nothing after it)"),
    ("1.完成治理改造。2019年底前完成。（市生态环境局负责）", [("完成时限", "2019年底前")], "a deadline only"),
    ("1.推行新标准，自2019年7月1日起，试行新标准，2020年底前全面实施。（市生态环境局负责）",
     [("开始时间", "自2019年7月1日起"), ("完成时限", "2020年底前")], "both: the start first"),
    ("1.加强监督管理。（市生态环境局负责）", [], "no date at all"),
]


@pytest.mark.parametrize("item,expected,why", TIME_FACT_ROWS, ids=[r[2][:20] for r in TIME_FACT_ROWS])
def test_time_facts_of_a_duty_line(item, expected, why):
    """One definition of a task's dates as duty lists, ``kb duties`` and the TUI print them (kb.export.content.time_facts)."""
    from kb.export.content import time_facts
    from kb.listing import duty_facts

    _, tasks = parse_document(f"某方案\n一、任务\n{item}\n", "p")
    task = next(t for t in tasks if t.tag)
    assert time_facts(task) == expected, why
    assert duty_facts(task) == "　".join(f"{label}：{text}" for label, text in expected), why
