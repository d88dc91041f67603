"""A table of targets (主要指标: 指标名称 | 单位 | 2022年 | 2025年 [| 属性]) is a table of figures, one target per row — never
tasks, never one glued paragraph (decision, session 18, tables7: README "A table of targets").

Before: reaching kb one cell a line (a web page's or PDF's extraction: ``主要指标预期目标`` / ``指标名称`` / ``单位`` /
``2025年`` / values …) its cells became items of the part — ``指标名称`` an item, the rest one paragraph
``单位2022年2025年数字经济核心产业增加值占GDP比重%7.510…``; as a real table (tab rows) headed 指标名称 its rows became
items with no figure at all.  Now its rows are the table's ``｜`` lines (a value table: ``2025年5G基站数量是多少`` reads the
cell) and each row carries ONE target: the name its metric, the last year column's figure its value (a base year
column is the starting point, never the target), the unit column its unit, that header's year its year.  Shapes: the
主要指标 tables of 三年行动方案 / 规划 (one cell a line, tab rows, with 序号 and 属性 columns, a figure written ≥95, a
row whose figure is words).  Expectations written before the code."""

from __future__ import annotations

from kb.parser import parse_document

INTRO = ("某市数字经济高质量发展三年行动方案（2023—2025年）\n\n一、总体要求\n\n（一）发展目标\n\n"
         "到2025年，全市数字经济发展水平显著提升，数字经济核心产业增加值占地区生产总值比重达到10%。\n\n")
TASKS = ("二、重点任务\n\n（一）加快数字基础设施建设。新建5G基站3800个，实现城区连续覆盖。（市工信局牵头，各区县政府负责）\n\n"
         "（二）培育数字产业集群。到2025年规模以上电子信息制造业营业收入达到500亿元。（市工信局、市发展改革委按职责分工负责）\n")

FLAT = INTRO + "\n\n".join([
    "主要指标预期目标", "指标名称", "单位", "2022年", "2025年",
    "数字经济核心产业增加值占GDP比重", "%", "7.5", "10",
    "规模以上电子信息制造业营业收入", "亿元", "320", "500",
    "5G基站数量", "个", "4200", "8000"]) + "\n\n" + TASKS

EXPECTED = [("数字经济核心产业增加值占GDP比重", 10.0, "%", 2025), ("规模以上电子信息制造业营业收入", 500.0, "亿元", 2025),
            ("5G基站数量", 8000.0, "个", 2025)]


def _table_targets(tasks):
    return [(g.metric, g.value, g.unit, g.year) for t in tasks if "｜" in t.text for g in t.targets]


LINES = ["指标名称｜单位｜2022年｜2025年", "数字经济核心产业增加值占GDP比重｜%｜7.5｜10", "规模以上电子信息制造业营业收入｜亿元｜320｜500",
         "5G基站数量｜个｜4200｜8000"]


def test_flattened_indicator_table_is_targets():
    doc, tasks = parse_document(FLAT, "sz")
    assert _table_targets(tasks) == EXPECTED, [(t.label, t.text, t.targets) for t in tasks]
    texts = [t.text for t in tasks]
    assert "指标名称" not in texts and not any(t.startswith("单位2022年") for t in texts), texts
    assert not any(t.kind == "task" for t in tasks if "｜" in t.text), "no task invented from a cell"
    assert [t for t in texts if "｜" in t] == LINES  # (the table's rows, one a line)
    # the plan's own tasks are as before
    assert [(t.label, t.lead) for t in tasks if t.kind == "task"] == [("二（一）", ["市工信局"]), ("二（二）", [])]


TAB = INTRO + ("主要指标预期目标\n\n指标名称\t单位\t2022年\t2025年\n数字经济核心产业增加值占GDP比重\t%\t7.5\t10\n"
               "规模以上电子信息制造业营业收入\t亿元\t320\t500\n5G基站数量\t个\t4200\t8000\n\n") + TASKS


def test_tab_indicator_table_is_targets():
    """The same table as a page's, Word's or Excel's rows: before, rows became items with no figure, and
    规模以上电子信息制造业营业收入 — written in task 二（二）'s text too — was taken as a part of that paragraph and lost."""
    _, tasks = parse_document(TAB, "sz")
    assert _table_targets(tasks) == EXPECTED, [(t.label, t.text, t.targets) for t in tasks]
    assert [t.text for t in tasks if "｜" in t.text] == LINES


FLAT_BARE = FLAT.replace("\n\n指标名称\n\n", "\n\n指标\n\n")


def test_flattened_value_table_rows_carry_targets():
    """Headed 指标 (a value table: its rows the table's ｜ lines), each row carries its one target — the 2025年 figure,
    its unit, its year; 方案有哪些量化目标 lists them."""
    _, tasks = parse_document(FLAT_BARE, "sz")
    assert _table_targets(tasks) == EXPECTED, [(t.label, t.text, t.targets) for t in tasks]
    assert [t.text for t in tasks if "｜" in t.text] == [
        "指标｜单位｜2022年｜2025年", "数字经济核心产业增加值占GDP比重｜%｜7.5｜10", "规模以上电子信息制造业营业收入｜亿元｜320｜500",
        "5G基站数量｜个｜4200｜8000"]
    assert not any(t.kind == "task" for t in tasks if "｜" in t.text)


FLAT_SERIAL = ("某县生态环境保护行动方案\n\n一、主要目标\n\n" + "\n\n".join([
    "序号", "指标", "单位", "2020年", "2025年", "属性",
    "1", "城市空气质量优良天数比例", "%", "93.2", "≥95", "约束性",
    "2", "地表水达到或好于Ⅲ类水体比例", "%", "80", "85", "约束性",
    "3", "生态环境状况指数", "—", "良", "持续改善", "预期性",
]) + "\n\n二、重点任务\n\n1.推进大气污染防治。（县生态环境局牵头）\n")


def test_flattened_with_serial_attribute_and_words():
    """序号 and 属性 columns; ≥95 is at least 95 by 2025 (the 2020 column the base); a figure in words is no target."""
    _, tasks = parse_document(FLAT_SERIAL, "st")
    got = [(g.metric, g.value, g.unit, g.year, g.comparator) for t in tasks if "｜" in t.text for g in t.targets]
    assert got == [("城市空气质量优良天数比例", 95.0, "%", 2025, "≥"), ("地表水达到或好于Ⅲ类水体比例", 85.0, "%", 2025, "=")], \
        [(t.label, t.text, t.targets) for t in tasks]
    assert [(t.body, t.lead) for t in tasks if t.kind == "task"] == [("1.推进大气污染防治。", ["县生态环境局"])]


NOT_TARGETS = INTRO + ("指标名称\t牵头单位\t完成时限\n新增5G基站3800个\t市工信局\t2025年底前\n"
                       "电子信息制造业营业收入达到500亿元\t市工信局\t2025年底前\n\n")


def test_a_figure_task_table_stays_tasks():
    """control: 指标名称 beside a unit column is a task table (量化指标任务分工): each row a task with its lead."""
    _, tasks = parse_document(NOT_TARGETS, "nt")
    assert [(t.body, t.lead) for t in tasks if t.kind == "task"] == [
        ("新增5G基站3800个", ["市工信局"]), ("电子信息制造业营业收入达到500亿元", ["市工信局"])]


# --- answers (rows written before kb ran them) -----------------------------------------------------------------
import pytest  # noqa: E402

from plan_sessions import first_question_asker  # noqa: E402

TEXTS = {"flat": FLAT, "bare": FLAT_BARE, "serial": FLAT_SERIAL}


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("target_rows"), TEXTS, lambda corpus: None)


#: (plan, question, in the answer, not in it, why)
ASKS = [
    ("flat", "2025年5G基站数量是多少", ["5G基站数量：2025年：8000"], ["单位2022年"], "the row's 2025年 cell (was a glued paragraph)"),
    ("flat", "数字经济核心产业增加值占GDP比重2022年是多少", ["2022年：7.5"], ["没有写明"], "the base year's cell, never 'not written'"),
    ("bare", "2025年5G基站数量是多少", ["5G基站数量：2025年：8000"], [], "the value table's cell"),
    ("bare", "方案有哪些量化目标", ["5G基站数量：8000个（到2025年）", "规模以上电子信息制造业营业收入：500亿元（到2025年）"], [],
     "each row's target listed with the plan's own"),
    ("serial", "城市空气质量优良天数比例要达到多少", ["城市空气质量优良天数比例：95%以上（到2025年）"], ["93.2%"],
     "≥95 by 2025, never the 2020 base"),
    ("serial", "一共有多少项任务", ["共 1 项"], [], "no task invented from the table's cells"),
]


@pytest.mark.parametrize(("plan", "question", "has", "has_not", "why"), ASKS, ids=[f"{a[0]}:{a[1]}" for a in ASKS])
def test_answers(ask, plan, question, has, has_not, why):
    text = ask(plan, question).text
    for word in has:
        assert word in text, f"{word!r} missing — {why}\n{text}"
    for word in has_not:
        assert word not in text, f"{word!r} present — {why}\n{text}"
