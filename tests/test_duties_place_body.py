"""A department's duty list takes a place and its government as ONE body, as the questions do (#11: one definition
serves every consumer).

``kb.duties.place_body`` is the one resolution of 浦东新区 / 浦东新区政府 / 浦东新区人民政府 (kb.registry.place_spellings);
``duty_list``/``duty_lines`` (``kb duties``, its JSON), the exports and the TUI's department list call it, and so do the
question executors (kb.qa.exec_departments).  Expected rows counted by hand from fixture 71 (沪府办〔2021〕36号) before kb
was run: 浦东新区 as written leads 四（一）1, 四（一）2, 四（二）4, 四（二）5, 四（三）8, as 浦东新区政府 leads 四（二）6,
and as 浦东新区 supports 四（一）3 — 6 lead + 1 support = 7 rows.  Control: 市财政局 supports 四（三）7, 四（三）8,
四（五）14 and is never 区财政局 (which the plan does not write)."""

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from kb.cli import main
from kb.duties import duty_lines, duty_list, place_body, resolve_or_fail
from kb.errors import KbError
from kb.export import export_duty_list
from kb.model import Plan
from kb.parser import parse_document

PARK = Path(__file__).resolve().parent / "fixtures" / "plans" / "71_huancheng_shengtaigongyuandai_2021.txt"
PUDONG_LEAD = ["四（一）1", "四（一）2", "四（二）4", "四（二）5", "四（二）6", "四（三）8"]
PUDONG_SUPPORT = ["四（一）3"]
CAIZHENG_SUPPORT = ["四（三）7", "四（三）8", "四（五）14"]


@pytest.fixture(scope="module")
def park():
    doc, tasks = parse_document(PARK.read_text("utf-8"), PARK.stem, str(PARK))
    return Plan(documents=[doc], tasks=tasks)


def test_one_definition_serves_questions_and_duty_lists():
    from kb.qa import exec_departments

    assert exec_departments.place_body is place_body


@pytest.mark.parametrize("name", ["浦东新区政府", "浦东新区"])
def test_duty_list_unions_the_spellings(park, name):
    duties = duty_list(park, name, every_group=True)
    assert [t.label for t in duties.groups["lead"]] == PUDONG_LEAD
    assert [t.label for t in duties.groups["support"]] == PUDONG_SUPPORT
    assert duties.counts["lead"] == 6 and duties.counts["support"] == 1 and duties.total == 7
    assert set(duties.spellings) == {"浦东新区", "浦东新区政府"} and duties.spellings[0] == name


@pytest.mark.parametrize("name", ["浦东新区政府", "浦东新区"])
def test_duty_lines_name_units_as_written(park, name):
    lines = duty_lines(park, name)
    assert [(line.role, line.label) for line in lines] == [("lead", x) for x in PUDONG_LEAD] + [("support", "四（一）3")]
    by_label = {line.label: line for line in lines}
    assert by_label["四（二）6"].others.startswith("牵头：浦东新区政府；")
    assert by_label["四（二）4"].others.startswith("牵头：浦东新区、普陀区政府、地产集团；")


def _run(*argv) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue()


@pytest.mark.parametrize("name,said", [("浦东新区政府", "（方案写作“浦东新区政府”1 项、“浦东新区”6 项）"),
                                       ("浦东新区", "（方案写作“浦东新区”6 项、“浦东新区政府”1 项）")])
def test_kb_duties_command(name, said):
    code, text = _run("duties", "--corpus", str(PARK), name)
    assert code == 0, text
    assert text.splitlines()[0] == f"{name}{said}：牵头 6 项，配合 1 项"
    listed = [line.split("\t")[0].strip() for line in text.splitlines() if line.startswith("  四")]
    assert listed == PUDONG_LEAD + PUDONG_SUPPORT


def test_kb_duties_json():
    code, text = _run("duties", "--corpus", str(PARK), "--json", "浦东新区政府")
    assert code == 0
    data = json.loads(text)
    assert data["counts"]["lead"] == 6 and data["counts"]["support"] == 1
    assert data["spellings"] == ["浦东新区政府", "浦东新区"]
    roles = {t["label"]: t["roles"] for t in data["tasks"]}
    assert roles == {**{x: ["lead"] for x in PUDONG_LEAD}, "四（一）3": ["support"]}


def test_xlsx_export_holds_the_seven_rows(park, tmp_path):
    import openpyxl

    path = export_duty_list(park, "浦东新区政府", "xlsx", tmp_path / "pudong.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[1] and str(r[1]).startswith("四")]
    assert [(r[0], r[1]) for r in rows] == [("牵头", x) for x in PUDONG_LEAD] + [("配合", "四（一）3")]
    other_lead = {r[1]: r[5] for r in rows}
    # 其他牵头单位 leaves out the spelling the row's own task writes, keeps everyone else as written
    assert other_lead["四（二）6"] is None
    assert other_lead["四（二）4"] == "普陀区政府、地产集团"
    assert other_lead["四（一）1"] == "市绿化市容局、徐汇区、长宁区、普陀区、宝山区、闵行区、嘉定区政府"


def test_docx_export_holds_the_seven_rows(park, tmp_path):
    import docx

    path = export_duty_list(park, "浦东新区", "docx", tmp_path / "pudong.docx")
    document = docx.Document(str(path))
    labels = [row.cells[0].text for table in document.tables for row in table.rows if row.cells[0].text.startswith("四")]
    assert labels == PUDONG_LEAD + PUDONG_SUPPORT
    text = "\n".join(p.text for p in document.paragraphs)
    assert "任务数：共 7 项：牵头 6 项，配合 1 项" in text
    assert "（方案写作“浦东新区”6 项、“浦东新区政府”1 项）" in text


def test_control_level_bodies_stay_apart(park):
    duties = duty_list(park, "市财政局", every_group=True)
    assert duties.spellings == ("市财政局",)
    assert [t.label for t in duties.tasks] == CAIZHENG_SUPPORT
    with pytest.raises(KbError):
        resolve_or_fail("区财政局", park)  # the plan writes no 区财政局: never 市财政局
    code, text = _run("duties", "--corpus", str(PARK), "市财政局")
    assert code == 0 and text.splitlines()[0] == "市财政局：配合 3 项"


CONTROL_PLAN = """关于推进某某工作的实施方案
一、重点任务
1.推进甲项工作。（牵头单位：松江区、青浦区政府。配合单位：松江区税务局）
2.推进乙项工作。（牵头单位：松江区政府）
3.推进丙项工作。（牵头单位：松江区税务局）
4.推进丁项工作。（牵头单位：市财政局）
5.推进戊项工作。（牵头单位：区财政局）
"""


# (department, its tasks' numbers, why) — written before the run
CONTROL_CASES = [
    ("松江区", ["1", "2"], "written 松江区 (1) and 松江区政府 (2): one body"),
    ("松江区政府", ["1", "2"], "the same body asked by its government"),
    ("松江区税务局", ["3", "1"], "a body of the place is not the place (lead 3, support 1)"),
    ("市财政局", ["4"], "市X局 never 区X局"),
    ("区财政局", ["5"], "区X局 never 市X局"),
]


@pytest.mark.parametrize("name,numbers,why", CONTROL_CASES, ids=[c[0] for c in CONTROL_CASES])
def test_control_duty_lists(name, numbers, why):
    doc, tasks = parse_document(CONTROL_PLAN, "places", "places.txt")
    plan = Plan(documents=[doc], tasks=tasks)
    assert [t.text.split(".", 1)[0] for t in duty_list(plan, name).tasks] == numbers, why
    assert [line.label.rsplit("一", 1)[-1] for line in duty_lines(plan, name)] == numbers, why
