"""Dialect D written with bars: Markdown / web-page tables (``| 序号 | 重点任务 | 牵头单位 |``) and
key–value records turned on their side (广州 2023 重点工作 pages: ``重点工作: | … |`` / ``牵头单位: | … |``).

Table-driven: text → rows the table reader gets → why; then whole small plans."""

import pytest

from kb.parser import parse_document
from kb.parser.tables import bar_rows_to_tabs

BAR_CASES = [
    ("| 序号 | 重点任务 | 牵头单位 |\n|---|---|---|\n| 1 | 甲 | 市X局 |", "序号\t重点任务\t牵头单位\n1\t甲\t市X局",
     "a Markdown table: bars to tabs, the alignment row dropped"),
    ("序号｜重点任务｜牵头单位\n1｜甲｜市X局", "序号\t重点任务\t牵头单位\n1\t甲\t市X局", "full-width bars (kb's own rows) without outer bars"),
    ("| a | b |\n| c | d | e |", "| a | b |\n| c | d | e |", "rows of different widths are no table"),
    ("甲|乙|丙。", "甲|乙|丙。", "a lone line with bars stays"),
    ("一、任务\n加强管理。", "一、任务\n加强管理。", "no bars: the text as it is"),
    ("|---|---|\n| 1 | 甲 |", "|---|---|\n| 1 | 甲 |", "an alignment row opens no table"),
]


@pytest.mark.parametrize("text,expected,why", BAR_CASES, ids=[c[-1] for c in BAR_CASES])
def test_bar_rows_to_tabs(text, expected, why):
    assert bar_rows_to_tabs(text) == expected, why


def test_markdown_task_table_gives_roles_and_deadlines():
    text = ("某市2024年优化营商环境重点任务分工方案\n"
            "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n"
            "| 1 | 推行政务服务事项清单管理 | 市政务服务局 | 市司法局 | 2024年6月底前 |\n"
            "| 2 | 建立营商环境监测评价机制 | 市发展改革委 |  | 全年 |\n")
    _, tasks = parse_document(text, "p")
    assert [(t.label, t.lead, t.support, [d.text for d in t.deadlines], t.source) for t in tasks] == [
        ("1", ["市政务服务局"], ["市司法局"], ["2024年6月底前"], "表1 第2行"),
        ("2", ["市发展改革委"], [], ["全年"], "表1 第3行")]


def test_key_value_records_are_a_table_on_its_side():
    text = ("广州市2023年重点工作落实情况\n"
            "重点工作: | 135.统筹违法建设治理与城市更新，促进违法建设科学分类治理。 |\n"
            "牵头单位: | 市城市管理综合执法局 |\n"
            "年度阶段性工作目标: | 第一季度:印发方案。第四季度:确保超额完成年度工作任务。 |\n"
            "重点工作: | 136.推进老旧小区改造。 |\n牵头单位: | 市住房城乡建设局 |\n配合单位: | 各区政府 |\n"
            "完成时限: | 2023年12月底前 |\n")
    _, tasks = parse_document(text, "p")
    rows = [t for t in tasks if t.source]
    assert [(t.body[:6], t.lead, t.support, [d.text for d in t.deadlines]) for t in rows] == [
        ("135.统筹", ["市城市管理综合执法局"], [], []),
        ("136.推进", ["市住房城乡建设局"], ["各区政府"], ["2023年12月底前"])]


def test_key_value_rows_without_a_task_key_stay_text():
    # Page metadata (索引号: | … |) is no task table: the rows stay lines joined by ｜, and being fields about the
    # article (9233655) they stand in the preface, not among the tasks — as ``key：value`` fields since a row of page
    # fields written with bars is read as such (tables.page_field_row, ROUTED s16 (c)).
    text = "某方案\n索引号: | 11341602/2020-00328 |\n发布机构: | 谯城区政府 |\n一、任务\n1.甲。（市X局负责）\n"
    doc, tasks = parse_document(text, "p")
    assert "索引号：11341602/2020-00328" in doc.preface and "发布机构：谯城区政府" in doc.preface
    assert not any("索引号" in t.text for t in tasks)
    assert [t.sole for t in tasks if t.tag] == [["市X局"]]
