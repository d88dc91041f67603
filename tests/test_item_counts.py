"""One count of a plan's tasks: its numbered items (``kb.model.item_count``), with the rows said after where a 任务分工表
序号 spans several — in the TUI's duty view, the 分工矩阵 (xlsx sheet, md, docx, json), the duty list's notes, the
division table's 任务数 and ``kb.duties.written_as``.

Plan 89 (tests/fixtures/plans/89_guangzhou_jiatingyisheng_2023.txt): 附件2 writes 24 序号 over 39 rows.  Counted by
hand from its 牵头单位 / 配合单位 cells (a row merged into the body paragraph it restates is that paragraph):
- 市卫生健康委 leads 序号 3 6 7 10 11 14 15 16 17 18 19 23 24 — 13 items in 21 rows (3: 2 rows, 6: 2, 14: 2, 16: 3,
  18: 3, 23: 2, the rest 1); supports 序号 1 2 4 5 6 8 9 12 13 17 20 21 23 — 13 items in 16 rows (1: 3, 6: 2); 23
  items in all (6, 17, 23 both ways), 37 rows.
- 各区政府 leads every 序号 but 20 and 21 — 22 items in 33 rows (1: 3, 3: 2, 6: 4, 14: 2, 16: 3, 17: 2, 18: 2); supports
  18 20 21 23 — 4 items in 6 rows; 24 items, 39 rows.
- 市医保局 leads 6 (rows 3, 4) 18 (rows 1, 2) 21 — 3 items in 5 rows; supports 4, 6 (rows 1, 2), 10, 12, 13 — 5 items
  in 6 rows; 7 items, 11 rows.
- 考评处 is the 市卫健委内牵头处室 of the three rows of 序号 23 only: 1 item in 3 rows.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kb.model import Plan, Task, item_count

PLAN_89 = Path(__file__).parent / "fixtures" / "plans" / "89_guangzhou_jiatingyisheng_2023.txt"


def task(tid: str, item: str = "", doc: str = "d", **roles) -> Task:
    return Task(id=f"{doc}#{tid}", doc=doc, label=tid, part="一", part_title="", section="", section_title="",
                kind="task", title="", text="x", item=item, **roles)


# (tasks → expected item count → why), written before running
ITEM_COUNT_ROWS = [
    ([], 0, "no task"),
    ([task("1"), task("2")], 2, "paragraphs without a 序号: each an item"),
    ([task("1", "附件2 序号6"), task("2", "附件2 序号6"), task("3", "附件2 序号6")], 1, "three rows of one 序号"),
    ([task("1", "附件2 序号6"), task("2", "附件2 序号7")], 2, "two 序号"),
    ([task("1", "附件2 序号6", doc="a"), task("1", "附件2 序号6", doc="b")], 2, "the same 序号 in two plans: two items"),
    ([task("1", "附件1 序号1"), task("2", "附件2 序号1")], 2, "序号 1 of two tables"),
    ([task("1", "附件2 序号6"), task("2")], 2, "a row and a paragraph of no 序号"),
]


@pytest.mark.parametrize("tasks, expected, why", ITEM_COUNT_ROWS)
def test_item_count(tasks, expected, why):
    assert item_count(tasks) == expected, why
    assert item_count(iter(tasks)) == expected, "a generator counts the same"


# (spellings' tasks → expected written_as → why)
def test_written_as_counts_items_and_says_rows():
    from kb.duties import written_as

    rows = [task("1", "附件2 序号6", lead=["浦东新区"]), task("2", "附件2 序号6", lead=["浦东新区"]),
            task("3", lead=["浦东新区政府"]), task("4", "附件2 序号7", support=["浦东新区"])]
    assert written_as(rows, ("浦东新区", "浦东新区政府")) == "（方案写作“浦东新区”2 项（3 行）、“浦东新区政府”1 项）"
    assert written_as(rows + rows[:1], ("浦东新区", "浦东新区政府")) == "（方案写作“浦东新区”2 项（3 行）、“浦东新区政府”1 项）", \
        "a task listed under two roles is one row"
    assert written_as(rows, ("浦东新区", "浦东新区政府"), ("support",)) == "（方案写作“浦东新区”1 项）", "only the role asked"
    assert written_as(rows, ("浦东新区",)) == "", "one spelling: nothing to say"


@pytest.fixture(scope="module")
def plan89():
    from kb.parser import parse_document

    doc, tasks = parse_document(PLAN_89.read_text("utf-8"), PLAN_89.stem, str(PLAN_89))
    return Plan([doc], tasks)


#: Department → (lead, support, total) as the matrix's count cells say them (hand counts, module docstring).
MATRIX_CELLS = {
    "各区政府": ("22（33 行）", "4（6 行）", "24（39 行）"),
    "市卫生健康委": ("13（21 行）", "13（16 行）", "23（37 行）"),
    "市医保局": ("3（5 行）", "5（6 行）", "7（11 行）"),
}


def test_matrix_counts_items_and_says_rows(plan89):
    from kb.export.content import build_matrix
    from kb.export.text import matrix_grid

    matrix = build_matrix(plan89)
    headers, rows = matrix_grid(matrix)
    assert headers[:4] == ["单位", "牵头", "配合", "合计"]
    cells = {r[0]: tuple(r[1:4]) for r in rows}
    for name, expected in MATRIX_CELLS.items():
        assert cells[name] == expected, name
        # the rows said are the marks the reader counts along the department's row
        marks = next(r for r in rows if r[0] == name)[4:]
        said = [int(c.split("（")[1].split(" ")[0]) for c in expected]
        assert [sum("牵" in m for m in marks), sum("配" in m for m in marks), sum(bool(m) for m in marks)] == said
    legend = dict(matrix.meta)["说明"]
    assert legend == ("牵＝牵头，配＝配合；数字为任务数，任务分工表同一序号的各行计一项，括号内为所标的行数（矩阵每列一行）；"
                      "合计为不重复的任务数")


def test_matrix_legend_without_rows():
    from kb.export.content import matrix_legend

    assert matrix_legend(("lead", "support")) == "牵＝牵头，配＝配合；合计为不重复的任务数", "no count says rows"


def test_matrix_xlsx_holds_numbers_and_shows_rows(plan89, fixed_export_date):
    from openpyxl import load_workbook

    from kb.export import render_table

    wb = load_workbook(io.BytesIO(render_table(plan89, "xlsx", matrix=True)))
    ws = wb["分工矩阵"]
    assert "括号内为所标的行数" in ws["B2"].value  # (from B: column A is printed on every page, test_matrix_print)
    found = {}
    for row in ws.iter_rows(min_row=4):
        if row[0].value in MATRIX_CELLS:
            found[row[0].value] = [(c.value, c.number_format) for c in row[1:4]]
    assert set(found) == set(MATRIX_CELLS)
    for name, expected in MATRIX_CELLS.items():
        for (value, fmt), cell in zip(found[name], expected):
            items, rows = cell.split("（")
            assert value == int(items), "a number: sums and sorts work"
            assert fmt == f'0"（{rows}"', "shown with its rows"


def test_matrix_docx_and_json_say_rows(plan89, fixed_export_date):
    import json

    from docx import Document

    from kb.export import render_table

    doc = Document(io.BytesIO(render_table(plan89, "docx", matrix=True)))
    table = doc.tables[-1]
    cells = {r.cells[0].text: tuple(c.text for c in r.cells[1:4]) for r in table.rows}
    for name, expected in MATRIX_CELLS.items():
        assert cells[name] == expected, name
    data = json.loads(render_table(plan89, "json", matrix=True))
    by_name = {d["name"]: d for d in data["departments"]}
    assert by_name["市卫生健康委"]["counts"] == {"lead": 13, "support": 13, "total": 23}
    assert by_name["市卫生健康委"]["rows"] == {"lead": 21, "support": 16, "total": 37}


def test_duty_list_notes_count_items_of_a_division(plan89, fixed_export_date):
    from kb.export.content import build_duty_list

    notes = [text for label, text in build_duty_list(plan89, "市卫生健康委").meta if label == "说明"]
    kaoping = [n for n in notes if "（考评处）" in n]
    assert kaoping == ["其中 1 项（3 行）方案写作“市卫生健康委（考评处）”（附件2-23-1、附件2-23-2、附件2-23-3），另见考评处的责任清单。"]
    assert not any(n.startswith("其中 23 项") for n in notes), "23 was the rows of 基层处's note, not its items"


def test_duty_list_docx_header_and_groups(plan89, tmp_path, fixed_export_date):
    from docx import Document

    from kb.export import export_duty_list

    path = export_duty_list(plan89, "市卫生健康委", "docx", tmp_path)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "共 23 项：牵头 13 项，配合 13 项（任务分工表中 37 行" in text
    assert "其中 1 项（3 行）方案写作“市卫生健康委（考评处）”" in text
    assert "牵头（13 项，任务分工表中 21 行）" in text and "配合（13 项，任务分工表中 16 行）" in text


async def test_duty_view_group_titles_count_items(tmp_path):
    """The TUI's duty view: header and group titles count items as kb depts does, the rows said after."""
    import shutil

    from textual.widgets import Static

    from kb.store import load_plan
    from tui.app import KbApp
    from tui.widgets.task_list import TaskList
    from tui_pilot import SIZE, ready

    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(PLAN_89, folder)
    plan = load_plan(str(folder))
    app = KbApp(plan, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.show_department("市卫生健康委")
        await pilot.pause()
        header = str(app.screen.query_one("#duty-header", Static).render())
        assert "共 23 项任务（任务分工表中 37 行）" in header
        assert "牵头 13" in header and "配合 13" in header
        listed = app.screen.query_one("#duty-tasks", TaskList)
        assert [o.prompt.plain for o in listed.options if o.disabled] == ["牵头（13 项，21 行）", "配合（13 项，16 行）"]
        assert len(listed.task_ids) == 37
        app.show_department("市医保局")
        await pilot.pause()
        listed = app.screen.query_one("#duty-tasks", TaskList)
        assert [o.prompt.plain for o in listed.options if o.disabled] == ["牵头（3 项，5 行）", "配合（5 项，6 行）"]


def test_export_dialog_names_the_answer_by_items(plan89):
    """The TUI's export dialog offers 'the current answer' with its count: items as the answer's head says them, the
    rows (what the export lists) after — it said 21 项 for an answer counting 13."""
    from kb.qa import Session
    from tui.screens.export import ANSWER, subject_options

    answer = Session(plan=plan89).ask("市卫生健康委牵头哪些任务")
    assert "共 13 项" in answer.text, answer.text[:200]
    label = dict((k, v) for v, k in subject_options([], answer))[ANSWER]
    assert label == "当前答案：市卫生健康委牵头哪些任务（13 项，21 行）"
    insurance = Session(plan=plan89).ask("市医保局牵头哪些任务")
    assert dict((k, v) for v, k in subject_options([], insurance))[ANSWER] == "当前答案：市医保局牵头哪些任务（3 项，5 行）"


def test_kb_duties_over_several_plans_counts_items(tmp_path, capsys):
    """kb duties over a folder of plans counted rows as 项 (牵头 21 项 where kb depts says 13): the corpus line, each
    plan's line and each group say items, the rows after (hand counts: module docstring; plan 05 names no
    市卫生健康委)."""
    import shutil

    from kb.cli import main

    folder = tmp_path / "two"
    folder.mkdir()
    shutil.copy(PLAN_89, folder)
    shutil.copy(PLAN_89.parent / "05_guangzhou_rencaijiju_2012.txt", folder)
    assert main(["--corpus", str(folder), "duties", "市卫生健康委"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "市卫生健康委：牵头 13 项（21 行），配合 13 项（16 行）（1 个方案）"
    assert out[2].endswith("（89_guangzhou_jiatingyisheng_2023.txt）：牵头 13 项（21 行），配合 13 项（16 行）")
    assert "【牵头】13 项（21 行）" in out and "【配合】13 项（16 行）" in out
    assert main(["--corpus", str(folder), "duties", "各区政府"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "各区政府：牵头 22 项（33 行），配合 4 项（6 行）（1 个方案）"


# Department answers that counted rows as 项 (kb ask): each count is of numbered items, the rows said after (answers.yaml
# item_rows), the list numbered by items.  Hand counts (module docstring, and for these):
# - 市卫生健康委 and 市医保局 both lead rows 6-3, 18-1, 18-2: 2 items (序号 6, 18) in 3 rows;
# - 市卫生健康委 leads with another unit in 18 rows (all but 18-3, 23-1, 23-3, where it leads alone): 12 items (its 13
#   but 序号 23); 各区政府 leads with it in 17 of them (not 18-2, 市卫生健康委、市财政局、市医保局): 12 items.
ROWS_NOTE = "（任务分工表中 {}行，同一序号的各行列在该项之下）"
ASK_ROWS = [
    ("市卫生健康委和市医保局分别牵头哪些任务",
     ["【市卫生健康委】牵头的任务共 13 项" + ROWS_NOTE.format("21 "), "【市医保局】牵头的任务共 3 项" + ROWS_NOTE.format("5 ")],
     "each department's own list"),
    ("市卫生健康委和市医保局共同牵头哪些任务",
     ["市卫生健康委和市医保局共同牵头的任务共 2 项" + ROWS_NOTE.format("3 "),
      "分别计：市卫生健康委牵头 13 项（21 行）；市医保局牵头 3 项（5 行）"],
     "the rows both lead, and each one's count"),
    ("市卫生健康委和哪些部门一起牵头", ["涉及 12 项任务（18 行）", "各区政府（12 项，17 行）"], "partners"),
    # 配合单位 written / in rows 3-1 3-2 6-3 7 11 14-1 14-2 15 16-1 16-2 16-3 17-2 18-1 18-4 19 22 24: 12 序号, 17 rows
    ("哪些任务没有配合单位", ["没有配合单位的任务共 12 项" + ROWS_NOTE.format("17 ")], "a kind of sharing out"),
    # limits in rows 1-1 (到2023年, 到2025年) 1-2 (2025年) 3-2 (到2025年) 6-3 (到2025年) 21 (2024年) 22 (本文印发后3个月内)
    ("有哪些任务规定了时限", ["规定了时限的任务共 5 项" + ROWS_NOTE.format("6 ")], "tasks with a limit"),
    # due in 2025: rows 1-1 (到2025年) 1-2 (2025年) 3-2 and 6-3 (到2025年): 序号 1, 3, 6
    ("2025年要完成哪些任务", ["在2025年内到期的任务共 3 项" + ROWS_NOTE.format("4 ")], "a year's list"),
    ("一共有多少项任务", ["方案的任务（带责任单位的条目）共 24 项" + ROWS_NOTE.format("39 ")], "every task: 24 序号, 39 rows"),
]


@pytest.mark.parametrize("question, said, why", ASK_ROWS)
def test_department_answers_count_items(plan89, question, said, why):
    from kb.qa import Session

    text = Session(plan=plan89).ask(question).text
    for part in said:
        assert part in text, (why, part, text[:400])


def test_annex_rows_listed_are_called_rows(plan89):
    """附件2有几项 says 共 39 行（序号 24 个） and lists the 39 rows: it called them 下列 39 项, 39 beside the 24 items (README: a
    项 is a numbered item).  Hand counts: 附件2 writes 24 序号 over 39 rows."""
    from kb.qa import Session

    text = Session(plan=plan89).ask("附件2有几项").text
    assert "共 39 行（序号 24 个）" in text and "下列 39 行：" in text and "下列 39 项" not in text
