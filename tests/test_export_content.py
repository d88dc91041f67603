"""What exports say, independent of format: table-driven rules on hand-made tasks.

Targets, numbers, file names and widths are rules (input → expected, awkward
rows included, a duplicate-row check per table); duty lists, the table and
the matrix are checked on a small hand-made plan whose answers are known.
"""

from collections import Counter

import pytest

from kb.errors import KbError
from kb.export import default_filename, export_departments, plan_name
from kb.export.content import (
    build_duty_list,
    build_matrix,
    build_table,
    display_width,
    format_number,
    render_target,
    section_text,
    table_rows,
)
from kb.export.files import sanitize_filename
from kb.model import Deadline, Document, Plan, Target, Task


def no_duplicates(rows):
    dupes = [r for r, n in Counter(repr(r) for r in rows).items() if n > 1]
    assert not dupes, f"duplicate rows: {dupes}"


# ---------------------------------------------------------------- targets

PM = "细颗粒物（PM2.5）年均浓度"
TARGET_ROWS = [
    # (Target fields, rendered)
    (dict(metric=PM, value=27.9, unit="%", comparator="≥", direction="下降", baseline_year=2015, year=2020),
     "细颗粒物（PM2.5）年均浓度 较2015年下降 ≥27.9%（到2020年）"),
    (dict(metric=PM, value=31.4, unit="%", comparator="≥", direction="下降", baseline_year=2015, year=2020, stretch=True),
     "细颗粒物（PM2.5）年均浓度 较2015年下降 ≥31.4%（到2020年）（力争）"),
    (dict(metric=PM, value=27.9, unit="%", comparator="≥", direction="下降", baseline_year=2015, scope="主城区"),
     "主城区 细颗粒物（PM2.5）年均浓度 较2015年下降 ≥27.9%"),
    (dict(metric="优良天数比例", value=80, unit="%", comparator="≥", direction="达到", scope="荣县、富顺县", year=2020),
     "荣县、富顺县 优良天数比例 达到 ≥80%（到2020年）"),
    (dict(metric="机械化清扫率", value=90.0, unit="%", comparator="≥"), "机械化清扫率 ≥90%"),
    (dict(metric="二氧化硫（SO2）排放总量", value=18.98, unit="%", comparator="=", direction="削减", baseline_year=2015),
     "二氧化硫（SO2）排放总量 较2015年削减 18.98%"),
    (dict(metric="重点工程减排量", value=0.34, unit="万吨", comparator="≥"), "重点工程减排量 ≥0.34万吨"),
    (dict(metric="重污染天数", value=3, unit="天", comparator="≤", direction="控制在"), "重污染天数 控制在 ≤3天"),
    (dict(metric="黄色级别减排比例", value=10, unit="%", comparator="≥", stretch=True), "黄色级别减排比例 ≥10%（力争）"),
    (dict(metric="燃煤锅炉", value=10, unit="蒸吨/小时", comparator="<"), "燃煤锅炉 <10蒸吨/小时"),
    (dict(metric="单位数", value=5, unit="", comparator=">"), "单位数 >5"),
    (dict(metric="油气回收率", value=80, unit="%", comparator="≥", direction="提高到"), "油气回收率 提高到 ≥80%"),
]


@pytest.mark.parametrize("fields,expected", TARGET_ROWS)
def test_render_target(fields, expected):
    assert render_target(Target(text="", **fields)) == expected


def test_target_rows_unique():
    no_duplicates(TARGET_ROWS)


NUMBER_ROWS = [(27.9, "27.9"), (10.0, "10"), (0.34, "0.34"), (18.98, "18.98"), (1e6, "1000000"), (2020, "2020"),
               (0.1 + 0.2, "0.3"), (1.5e-7, "0.00000015"), (123456789012345.0, "123456789012345")]


@pytest.mark.parametrize("value,expected", NUMBER_ROWS)
def test_format_number(value, expected):
    assert format_number(value) == expected


def test_number_rows_unique():
    no_duplicates(NUMBER_ROWS)


# ---------------------------------------------------------------- names and widths

NAME_ROWS = [
    ("市交通运输局-责任清单", "市交通运输局-责任清单"),
    ("../etc/passwd", "_etc_passwd"),
    ("..\\windows", "_windows"),
    (".hidden", "hidden"),
    ("  . 市局 .", "市局"),
    ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"),
    ("tab\there\nnewline", "tab_here_newline"),
    ("", "export"),
    ("...", "export"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("市发展改革委（市能源办）", "市发展改革委（市能源办）"),
    ("局" * 100, "局" * 66),  # cut to 200 UTF-8 bytes (3 bytes a character)
]


@pytest.mark.parametrize("name,expected", NAME_ROWS)
def test_sanitize_filename(name, expected):
    assert sanitize_filename(name) == expected


def test_name_rows_unique():
    no_duplicates(NAME_ROWS)


DEFAULT_NAME_ROWS = [
    (("市交通运输局", "xlsx", "duties"), "市交通运输局-责任清单.xlsx"),
    (("市能源办", "docx", "duties"), "市能源办-责任清单.docx"),
    (("自贡市打赢蓝天保卫战实施方案", "csv", "table"), "自贡市打赢蓝天保卫战实施方案-任务分工表.csv"),
    ((None, "md", "table"), "任务分工表.md"),
    ((None, "json", "matrix"), "分工矩阵.json"),
    (("../x", "md", "duties"), "_x-责任清单.md"),
    ((".局", "XLSX", "duties"), "局-责任清单.xlsx"),
]


@pytest.mark.parametrize("args,expected", DEFAULT_NAME_ROWS)
def test_default_filename(args, expected):
    assert default_filename(*args) == expected


def test_default_name_rows_unique():
    no_duplicates(DEFAULT_NAME_ROWS)


def test_default_filename_rejects_unknown_format_and_kind():
    with pytest.raises(KbError, match="未知的导出格式 'pdf'"):
        default_filename("市局", "pdf")
    with pytest.raises(ValueError):
        default_filename("市局", "md", "list")


WIDTH_ROWS = [("", 0), ("abc", 3), ("市局", 4), ("PM2.5", 5), ("（一）", 6), ("三（一）13", 10), ("≥27.9%", 6), ("ＡＢ", 4)]


@pytest.mark.parametrize("text,width", WIDTH_ROWS)
def test_display_width(text, width):
    assert display_width(text) == width


def test_width_rows_unique():
    no_duplicates(WIDTH_ROWS)


# ---------------------------------------------------------------- a hand-made plan

IMPLIED = ["各区县政府", "高新区管委会"]


def task(label, section="三（一）", kind="task", title=None, text=None, **roles):
    part = label[0]
    return Task(
        id=f"p#{label}", doc="p", label=label, part=part, part_title={"一": "总体要求", "二": "工作目标", "三": "重点任务", "四": "保障措施"}[part],
        section=section, section_title="调整产业结构" if section else None, kind=kind, title=title,
        text=text or f"{label}的任务。", **roles,
    )


def hand_plan():
    tasks = [
        task("一", section=None, kind="paragraph"),
        task("二", section=None, kind="paragraph",
             targets=[Target("下降27.9%以上", PM, 27.9, "%", "≥", "下降", 2015, year=2020)],
             deadlines=[Deadline("到2020年", "by", None, "2020-12-31")]),
        task("三（一）1", title="甲任务", lead=["市生态环境局"], support=["市交通运输局", *IMPLIED], implied=list(IMPLIED),
             notes=["各项工作均需各区县政府、高新区管委会落实", "以下不再列出"]),
        task("三（一）2", lead=["市交通运输局", "市发展改革委"], support=["市公安局"], subunits={"市发展改革委": ["市能源办"]},
             implied=list(IMPLIED), deadlines=[Deadline("2019年年底前", "by", None, "2019-12-31"), Deadline("2019年年底前", "by", None, "2019-12-31")]),
        task("三（一）3", shared=["市交通运输局", "市公安局"], implied=list(IMPLIED)),
        task("三（一）4", sole=["市生态环境局"], support=["市发展改革委"], subunits={"市发展改革委": ["市能源办"]}, implied=list(IMPLIED)),
        task("四（一）", section="四（一）", kind="measure", title="强化责任落实"),
    ]
    return Plan(documents=[Document("p", "某市实施方案", "p.txt", "0")], tasks=tasks)


def labels(rows):
    return [r.task.label for r in rows]


def test_duty_list_groups_in_order_with_other_departments():
    d = build_duty_list(hand_plan(), "市交通运输局")
    assert [(g.role, labels(g.rows)) for g in d.groups] == [
        ("lead", ["三（一）2"]), ("shared", ["三（一）3"]), ("support", ["三（一）1"])]
    assert d.counts == {"lead": 1, "sole": 0, "shared": 1, "support": 1, "implied": 0} and d.total == 3
    assert d.counts_text == "共 3 项：牵头 1 项，共同负责 1 项，配合 1 项"
    lead = d.groups[0].rows[0].cells
    assert lead["lead"] == ["市发展改革委（市能源办）"] and lead["support"] == ["市公安局"]
    assert lead["deadlines"] == ["2019年年底前"]  # repeated deadline text listed once
    assert d.groups[1].rows[0].cells["responsible"] == ["市公安局（共同负责）"]
    assert d.groups[2].rows[0].cells["support"] == IMPLIED  # 本单位 left out
    assert d.notes == [] and d.parent is None


def test_duty_list_of_an_implied_implementer_lists_every_task_it_implements():
    d = build_duty_list(hand_plan(), "各区县政府")
    assert [(g.role, labels(g.rows)) for g in d.groups] == [
        ("support", ["三（一）1"]), ("implied", ["三（一）1", "三（一）2", "三（一）3", "三（一）4"])]
    assert d.total == 4 and d.counts["implied"] == 4
    assert d.notes == ["方案要求“各项工作均需各区县政府、高新区管委会落实”，本清单“落实”部分列出本单位须落实的全部 4 项任务（三、重点任务）。"]


def test_duty_list_of_a_department_with_a_subunit_says_which_tasks_go_through_it():
    d = build_duty_list(hand_plan(), "市发展改革委")
    assert [(g.role, labels(g.rows)) for g in d.groups] == [("lead", ["三（一）2"]), ("support", ["三（一）4"])]
    assert d.notes == ["其中 2 项方案写作“市发展改革委（市能源办）”（三（一）2、三（一）4），另见市能源办的责任清单。"]


def test_duty_list_of_a_subunit():
    d = build_duty_list(hand_plan(), "市能源办")
    assert d.parent == "市发展改革委"
    assert [(g.role, labels(g.rows)) for g in d.groups] == [("lead", ["三（一）2"]), ("support", ["三（一）4"])]
    assert d.groups[0].rows[0].cells["lead"] == ["市交通运输局"]  # its own line 市发展改革委（市能源办） left out
    assert d.meta[0] == ("单位", "市能源办（市发展改革委）")
    assert "市发展改革委（市能源办）" in d.notes[0]


def test_table_keeps_paragraphs_with_departments_deadlines_or_targets():
    plan = hand_plan()
    assert [t.label for t in table_rows(plan)] == ["二", "三（一）1", "三（一）2", "三（一）3", "三（一）4"]
    table = build_table(plan)
    goal = table.rows[0].cells
    assert goal["targets"] == ["细颗粒物（PM2.5）年均浓度 较2015年下降 ≥27.9%（到2020年）"] and goal["deadlines"] == ["到2020年"]
    assert goal["section"] == "二、工作目标" and goal["lead"] == []
    assert table.rows[2].cells["lead"] == ["市交通运输局", "市发展改革委（市能源办）"]
    assert table.rows[4].cells["responsible"] == ["市生态环境局"]
    assert table.notes == ["各区县政府、高新区管委会负责落实三、重点任务的全部 4 项任务"
                           "（方案：“各项工作均需各区县政府、高新区管委会落实”），表中不逐项列出。"]


def test_matrix_marks_and_totals():
    m = build_matrix(hand_plan())
    assert [t.label for t in m.tasks] == ["三（一）1", "三（一）2", "三（一）3", "三（一）4"]
    rows = {r.display: (r.counts, r.marks) for r in m.rows}
    assert rows["市交通运输局"] == ({"lead": 1, "support": 1, "sole": 0, "shared": 1, "total": 3}, ["配", "牵", "共", ""])
    assert rows["市生态环境局"][1] == ["牵", "", "", "责"]
    assert rows["市能源办（市发展改革委）"][1] == ["", "牵", "", "配"]
    assert rows["各区县政府"] == ({"lead": 0, "support": 1, "sole": 0, "shared": 0, "total": 1}, ["配", "", "", ""])
    totals = [r.counts["total"] for r in m.rows]
    assert totals == sorted(totals, reverse=True)


def test_section_text():
    plan = hand_plan()
    assert [section_text(t) for t in plan.tasks] == [
        "一、总体要求", "二、工作目标", *["三（一）调整产业结构"] * 4, "四、保障措施"]


def test_a_paragraph_before_the_first_part_stands_under_no_heading():
    # A plan's opening paragraph (为深入贯彻…, before 一、) has no part: its 章节 is empty, not "、"
    # (松江's plan in tests/fixtures/plans/21_… starts so, and its opening states a year: a table row).
    opening = Task(id="p#0.0.1", doc="p", label="1", part="", part_title="", section=None, section_title=None,
                   kind="paragraph", title=None, text="为深入贯彻…，到2025年完成。")
    assert section_text(opening) == "" and opening.section_path == []


def test_export_departments_and_plan_name():
    plan = hand_plan()
    assert export_departments(plan)[:2] == ["市交通运输局", "市生态环境局"]
    assert set(export_departments(plan)) == {"市交通运输局", "市生态环境局", "市发展改革委", "市公安局", "市能源办", *IMPLIED}
    assert plan_name(plan) == "某市实施方案"
    plan.documents.append(Document("q", "另一方案", "q.txt", "1"))
    assert plan_name(plan) is None


def test_several_plans_get_a_plan_column():
    plan = hand_plan()
    plan.documents.append(Document("q", "另一方案", "q.txt", "1"))
    d = build_duty_list(plan, "市交通运输局")
    assert d.columns[1].key == "doc" and d.rows[0].cells["doc"] == "某市实施方案"
    assert d.plan_title == "《某市实施方案》、《另一方案》"


def test_department_without_tasks_is_not_exported():
    from kb.export import render_duty_list

    with pytest.raises(KbError) as info:
        render_duty_list(hand_plan(), "市民政局", "md")  # in the registry, not in this plan
    assert str(info.value) == "方案没有给 市民政局 分配任务：没有可导出的内容" and info.value.exit_code == 1


def test_unknown_department_names_the_closest():
    from kb.export import export_duty_list

    with pytest.raises(KbError, match=r"^方案中没有部门“市不存在局”；最接近的："):
        export_duty_list(hand_plan(), "市不存在局", "md")


def test_duty_group_headings_count_items_as_the_header_does():
    """A duty list's group heading counts the plan's numbered items like its 任务数 line, and says the rows when a
    任务分工表 序号 spans several: plan 89's 市卫生健康委 printed 任务数 …牵头 13 项 and, on the same page, 牵头（21 项）
    (review-rest).  Counts by hand: 13 items led in 21 rows, 13 supported in 16 rows."""
    from pathlib import Path

    from kb.parser import parse_document

    path = Path(__file__).parent / "fixtures" / "plans" / "89_guangzhou_jiatingyisheng_2023.txt"
    doc, tasks = parse_document(path.read_text("utf-8"), path.stem, str(path))
    export = build_duty_list(Plan([doc], tasks), "市卫生健康委")
    headings = {g.role: g.heading for g in export.groups}
    assert headings["lead"] == "牵头（13 项，任务分工表中 21 行）"
    assert headings["support"] == "配合（13 项，任务分工表中 16 行）"
