"""A task table glued into ONE line, its cells separated by single spaces (a page's table copied as text without its
line breaks: ``序号 重点任务 牵头单位 配合单位 完成时限 1 开展… 区城管局 各街道 2024年10月底前 2 …``) — routed from
tagsblind9 (b), rebuilt in my own rows: kb read nothing, and cleanup glued the cells together
(``重点任务分工表序号重点任务牵头单位…``).  kb/parser/flattened.py ``split_spaced_rows``: the line is cut into its header
and its rows at the row numbers that follow one another (1, 2, 3 …), a number counting as a row's start only when the
row before it already holds a cell for every column but one (a cell that is a figure, 3, is no row).  Expectations
written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _rows(text: str):
    _, tasks = parse_document(text, "plan", "plan.txt")
    return [t for t in tasks if t.source and ("序号" in t.source or "第" in t.source)]


def _got(t):
    return (t.body, t.lead, t.support, sorted(t.sole + t.shared), [d.text for d in t.deadlines])


#: (text, expected rows (body, lead, support, responsible, deadlines), why)
CASES = [
    ("某区2024年城市管理重点工作安排\n\n附件\n\n重点任务分工表\n\n"
     "序号 重点任务 牵头单位 配合单位 完成时限 1 开展背街小巷环境整治 区城管局 各街道 2024年10月底前 "
     "2 推进生活垃圾分类 区绿化市容局 区城管局、各街道 2024年12月底前 3 整治占道经营 区城管执法局 区市场监管局 2024年6月底前\n",
     [("开展背街小巷环境整治", ["区城管局"], ["各街道"], [], ["2024年10月底前"]),
      ("推进生活垃圾分类", ["区绿化市容局"], ["区城管局", "各街道"], [], ["2024年12月底前"]),
      ("整治占道经营", ["区城管执法局"], ["区市场监管局"], [], ["2024年6月底前"])],
     "区 level: header and three rows on one line"),
    ("某县2025年民生实事项目安排\n\n附件 民生实事项目责任分工表 序号 工作任务 责任单位 完成时限 "
     "1 新建农村公路20公里 县交通运输局 2025年10月底前 2 改造农村危房300户 县住房城乡建设局 2025年11月底前\n",
     [("新建农村公路20公里", [], [], ["县交通运输局"], ["2025年10月底前"]),
      ("改造农村危房300户", [], [], ["县住房城乡建设局"], ["2025年11月底前"])],
     "县 level: the caption glued before the header on the same line; 责任单位 alone"),
    ("某市2024年重点指标任务分解\n\n附件\n\n指标分解表\n\n"
     "序号 主要指标 目标值 责任单位 1 新增城镇就业人数（万人） 5 市人力资源社会保障局 "
     "2 新建公园（个） 3 市园林绿化局 3 新增养老床位（张） 800 市民政局\n",
     [("新增城镇就业人数（万人）", [], [], ["市人力资源社会保障局"], []),
      ("新建公园（个）", [], [], ["市园林绿化局"], []),
      ("新增养老床位（张）", [], [], ["市民政局"], [])],
     "awkward: row 2's figure is 3, the next row number — it is a cell (the row holds 2 of its 4 cells), row 3 starts "
     "at the 3 after 市园林绿化局"),
]


CASES.append(
    ("某区2024年城市管理重点工作安排\n\n附件\n\n重点任务分工表\n\n"
     "序号|重点任务|牵头单位|配合单位|完成时限|1|开展背街小巷 环境整治|区城管局|各街道|2024年10月底前|"
     "2|推进生活垃圾分类|区绿化市容局|区城管局、各街道|2024年12月底前\n",
     [("开展背街小巷 环境整治", ["区城管局"], ["各街道"], [], ["2024年10月底前"]),
      ("推进生活垃圾分类", ["区绿化市容局"], ["区城管局", "各街道"], [], ["2024年12月底前"])],
     "cells joined by bars on one line (tagsblind9 (d)): cut at the bars, a cell keeping its space"))


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_table_glued_into_one_line(text, expected, why):
    assert [_got(t) for t in _rows(text)] == expected, why


def test_a_sentence_with_numbers_is_no_table():
    """Control: a paragraph naming column words and numbers in prose is no table."""
    text = "某区工作方案\n\n一、工作要求\n\n请按序号 1 至 3 报送重点任务 牵头单位 名单，完成时限 2024年底。\n"
    assert _rows(text) == []
