"""A web page's catalogue rows copied with bars whose keys are NOT listed and carry no colon (``所属机构 | 某区人民政府办公室 |
信息类别 | 通知公告 |``, ``公开方式 | 主动公开 | 有效期 | 长期 |``) above a task table: a run of two or more rows of key | value
pairs in the page's head (before any sentence), each key a short word naming no table column and no unit, are the page's
fields — taken to the preface like the listed ones (tables5's page_field_rows) — so the table under them is read.

Before: three such rows joined the table's bar block and hid its header: the whole plan got "no tags", every row a
paragraph (tables5's notes, s16 (c) not done).  Forms of my own (区/县), expectations written before the code."""

from __future__ import annotations

from kb.parser import parse_document

TABLE = ("序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
         "1 | 推进老旧小区改造 | 区住建局 | 区财政局、区规划局 | 2024年底前 |\n"
         "2 | 完善社区养老服务 | 区民政局 | 区卫健委 | 2025年6月底前 |\n")
META = ("所属机构 | 某区人民政府办公室 | 信息类别 | 通知公告 |\n"
        "成文日期 | 2024-03-01 | 公开方式 | 主动公开 |\n"
        "公开范围 | 面向社会 | 有效期 | 长期 |\n")


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:14] for t in tasks])
    return hits[0]


def test_bare_catalogue_rows_above_a_table_are_the_pages():
    doc, tasks = parse_document(META + TABLE, "t")[:2]
    assert _row(tasks, "推进老旧小区改造").lead == ["区住建局"]
    assert _row(tasks, "完善社区养老服务").support == ["区卫健委"]
    assert not [t for t in tasks if "所属机构" in t.text or "公开方式" in t.text], "no catalogue row is a task"
    assert "所属机构：某区人民政府办公室" in (doc.preface or "") and "有效期：长期" in (doc.preface or "")


def test_with_the_title_between():
    table = TABLE
    for unit in ("区住建局", "区财政局", "区规划局", "区民政局", "区卫健委"):
        table = table.replace(unit, "县" + unit[1:])
    text = META.replace("某区", "某县") + "某县2024年重点工作任务分工表\n" + table
    tasks = parse_document(text, "t")[1]
    assert _row(tasks, "推进老旧小区改造").lead == ["县住建局"]


def test_a_lone_bare_row_stays():
    """Control: one key | value row alone is not proved the page's (a run of two or more is)."""
    text = "所属机构 | 某区人民政府办公室 | 信息类别 | 通知公告 |\n某区2024年重点工作任务分工表\n" + TABLE
    doc, tasks = parse_document(text, "t")[:2]
    assert "所属机构：" not in (doc.preface or "")
    assert _row(tasks, "推进老旧小区改造").lead == ["区住建局"]


def test_rows_after_a_sentence_stay():
    """Control: after the plan's first sentence a run of such rows is the plan's own table, not the page's catalogue."""
    text = "为推进重点工作落实，制定本分工表。\n" + META + TABLE
    doc = parse_document(text, "t")[0]
    assert "所属机构：" not in (doc.preface or "")
