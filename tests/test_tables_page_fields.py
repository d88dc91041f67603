"""(ROUTED tagsblind12 → tables5 (c)) A web page's table turned into bar lines (``a|b|c``) whose page metadata — the
government information catalogue above the article (索引号 | … | 发布机构 | …, 来源 | …, 发布时间 | …, 文号 | …) — stands as
key|value rows above the plan's own table or text.  Before, four such rows of one width joined the task table's tab block,
its header (``序号|重点任务|责任单位|配合单位``) stood too far down to be read as one, no duty column was found and every
row (the metadata, the header, each task) became a paragraph with no roles; a metadata row could become the title.

The rule: a bar row whose cells pair up as key | value, every key a page field label (kb/data/ingest.yaml
page_metadata_labels and tables.yaml catalogue_fields; letter-spaced ``索 引 号`` and a closing colon allowed; an unlisted key only when it closes with a
colon, names no table column and stands beside a listed one) is page metadata: it leaves the text (never a task, never
the title) and goes to the document's preface as ``key：value`` lines, where the page's date (发布时间, 成文日期) and
文号 are read as from any metadata line.  Forms of my own at 省/市/县/区 level; expectations written before the code
(kb/parser/tables.py ``page_field_rows``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _parse(text: str):
    return parse_document(text, "t")


def _roles(tasks, opening):
    hits = [t for t in tasks if t.text.lstrip("0123456789.").startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:14] for t in tasks])
    return hits[0]


# (text, {task opening: (lead, support)}, fields the preface must hold, why)
TABLE_CASES = [
    ("来源|市政府办公室|发布时间|2023-05-12\n"
     "索引号|0012/2023-00154|文号|宜政办发〔2023〕8号\n"
     "发布机构|市政府办公室|主题分类|综合政务\n"
     "生成日期|2023-05-12|废止日期|\n"
     "序号|重点任务|责任单位|配合单位\n"
     "1|推进老旧小区改造，年内完成改造120个。|市住建局|市财政局、各区政府\n"
     "2|建设城市书房20个。|市文广旅局|市财政局\n"
     "3|新增城镇就业岗位1万个。|市人社局|各区政府\n",
     {"推进老旧小区改造": (["市住建局"], ["市财政局", "各区政府"]),
      "建设城市书房20个": (["市文广旅局"], ["市财政局"]),
      "新增城镇就业岗位1万个": (["市人社局"], ["各区政府"])},
     ["发布时间：2023-05-12", "文号：宜政办发〔2023〕8号", "索引号：0012/2023-00154"],
     "市: four rows of two fields each, one width with the header — the metadata is no task and no title"),
    ("|来源|县人民政府办公室|\n"
     "|发布时间|2023-03-01|\n"
     "|索引号|11330700/2023-00012|\n"
     "|文号|某政办发〔2023〕5号|\n"
     "|序号|重点任务|牵头单位|配合单位|\n"
     "|1|推进老旧小区改造，年内完成改造30个。|县住建局|县财政局|\n"
     "|2|建设城市书房5个。|县文广旅局|县财政局、各乡镇|\n",
     {"推进老旧小区改造": (["县住建局"], ["县财政局"]),
      "建设城市书房5个": (["县文广旅局"], ["县财政局", "各乡镇"])},
     ["来源：县人民政府办公室", "发布时间：2023-03-01", "文号：某政办发〔2023〕5号"],
     "县: four key|value rows with outer bars joined the table's tab block, its header 5th: the rows got no roles"),
    ("索 引 号: | 000321/2022-01455 | 主题分类: | 综合政务 |\n"
     "发布机构: | 省人民政府办公厅 | 成文日期: | 2022-01-05 |\n"
     "所属专题: | 营商环境 | 文 号: | 某政办〔2022〕3号 |\n"
     "2022年优化营商环境重点任务分工 | ||||\n"
     "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
     "1 | 推行企业开办全程网办。 | 省市场监管局 | 省公安厅、省税务局 | 2022年6月底前 |\n"
     "2 | 压减工程建设项目审批时间。 | 省住房城乡建设厅 | 省自然资源厅 | 2022年底前 |\n",
     {"推行企业开办全程网办": (["省市场监管局"], ["省公安厅", "省税务局"]),
      "压减工程建设项目审批时间": (["省住房城乡建设厅"], ["省自然资源厅"])},
     ["成文日期：2022-01-05", "文号：某政办〔2022〕3号", "所属专题：营商环境"],
     "省: letter-spaced keys with colons; 所属专题 (not listed) closes with a colon beside listed keys: a field too"),
]


@pytest.mark.parametrize(("text", "expected", "fields", "why"), TABLE_CASES, ids=[c[3][:40] for c in TABLE_CASES])
def test_page_fields_above_a_task_table(text, expected, fields, why):
    doc, tasks = _parse(text)
    for opening, (lead, support) in expected.items():
        t = _roles(tasks, opening)
        assert (t.lead, t.support) == (lead, support), (why, opening, t.lead, t.support, t.sole, t.shared)
    for t in tasks:
        assert not any(k in t.text for k in ("索引号", "索 引 号", "发布时间", "主题分类", "序号")), (why, t.text)
    assert not any(k in doc.title for k in ("索引号", "来源", "发布", "分类", "｜", "|")), (why, doc.title)
    for f in fields:
        assert f in (doc.preface or ""), (why, f, doc.preface)


def test_page_fields_above_a_plan_without_a_table():
    """区: the catalogue above a notice and its plan (no table): no field is a paragraph, the title is the notice's."""
    text = ("索 引 号: | 000014349/2024-00731 | 主题分类: | 综合政务 |\n"
            "组配分类: | 区政府文件 | 体裁分类: | 通知 |\n"
            "发布机构: | 某区人民政府 | 生成日期: | 2024-03-01 |\n"
            "生效日期: | 废止日期: | ||\n"
            "信息名称: | 区政府关于印发2024年重点工作责任分解方案的通知 | |\n"
            "文 号: | 某政〔2024〕6号 | 关 键 词: | 重点工作;责任分解;通知 |\n"
            "区政府关于印发2024年重点工作责任分解方案的通知\n"
            "各街道办事处，区政府各部门：\n"
            "现将《2024年重点工作责任分解方案》印发给你们，请认真贯彻落实。\n"
            "2024年重点工作责任分解方案\n"
            "一、稳增长\n"
            "1.地区生产总值增长5%以上。（区发改委牵头，各街道配合）\n"
            "2.社会消费品零售总额增长6%以上。（区商务局牵头）\n")
    doc, tasks = _parse(text)
    assert not any("｜" in t.text or "|" in t.text or "分类" in t.text or "废止日期" in t.text for t in tasks), \
        [t.text[:20] for t in tasks]
    assert "分类" not in doc.title and "|" not in doc.title and "｜" not in doc.title, doc.title
    assert "生成日期：2024-03-01" in (doc.preface or "") and "文号：某政〔2024〕6号" in (doc.preface or ""), doc.preface
    t = _roles(tasks, "地区生产总值增长5%以上")
    assert (t.lead, t.support) == (["区发改委"], ["各街道"])


# Rows that are NOT page metadata: they stay what they were (a table's rows, a record's fields).
NOT_FIELDS = [
    ("序号|重点任务|责任单位\n1|发布时间表编制。|市发改委\n2|来源追溯体系建设。|市市场监管局\n",
     {"发布时间表编制": ["市发改委"], "来源追溯体系建设": ["市市场监管局"]},
     "a task cell that opens with a field's word is no field: its row is a task with its unit"),
    ("重点工作: | 135.统筹违法建设治理与城市更新。 |\n牵头单位: | 市城管执法局 |\n"
     "重点工作: | 136.推进生活垃圾分类。 |\n牵头单位: | 市城管执法局 |\n",
     {"135.统筹违法建设治理": ["市城管执法局"], "136.推进生活垃圾分类": ["市城管执法局"]},
     "records turned on their side (重点工作: | … / 牵头单位: | …): their keys name table columns, no page field"),
]


@pytest.mark.parametrize(("text", "expected", "why"), NOT_FIELDS, ids=[c[2][:40] for c in NOT_FIELDS])
def test_rows_that_are_no_page_fields(text, expected, why):
    doc, tasks = _parse(text)
    for opening, lead in expected.items():
        hits = [t for t in tasks if opening in t.text]
        assert len(hits) == 1, (why, opening, [t.text[:14] for t in tasks])
        assert hits[0].lead + hits[0].sole == lead, (why, hits[0].lead, hits[0].sole)


def test_page_field_rows_unit():
    """The rule on lines: (line, fields or None)."""
    from kb.parser.tables import page_field_row

    rows = [
        ("来源|市政府办公室|发布时间|2023-05-12", ["来源：市政府办公室", "发布时间：2023-05-12"]),
        ("文号: |主题分类: |登记号: | |||||", ["文号：", "主题分类：", "登记号："]),
        ("生成日期: | 2023-07-18 16:54:29 | 内容概述: | 2023年重点工作半年度完成情况汇总表 |",
         ["生成日期：2023-07-18 16:54:29", "内容概述：2023年重点工作半年度完成情况汇总表"]),
        ("所属专题: | 营商环境 |", None),  # no listed key: not proved
        ("序号|重点任务|责任单位|配合单位", None),  # a header
        ("1|发布时间表编制。|市发改委", None),  # a row opening with its number
        ("来源：市政府办公室 发布时间：2023-05-12", None),  # no bar: cleanup's metadata line, left as it is
        ("牵头单位: | 市城管执法局 |", None),  # a record's key names a column
        ("来源|市政府办公室|市财政局", None),  # a value after a value: no pairs
    ]
    for line, fields in rows:
        assert page_field_row(line) == fields, line


def test_a_field_row_after_the_plan_began_is_no_page_field():
    """Control: a bar row whose key is a page field's word (来源) further down — after the plan's sentences, alone in a table
    of its own — stays in the text: the page's metadata stands in its head, or two or more rows in a run."""
    from kb.parser.tables import page_field_rows

    text = ("某市2024年统计指标说明\n为做好统计工作，现将指标说明如下。\n"
            "指标名称|城镇新增就业人数\n来源|市人社局\n计算方法|按季度汇总\n")
    assert page_field_rows(text) == (text, [])
    head = "来源|市政府办公室|发布时间|2023-05-12\n某市方案\n一、总体要求。\n"
    assert page_field_rows(head)[1] == ["来源：市政府办公室", "发布时间：2023-05-12"]
    later = "某方案\n核心提示：方案已印发。\n发布文号 | 粤府〔2021〕22号 |\n发布日期 | 2021-03-29 | 生效日期 | 2021-03-29 |\n"
    assert page_field_rows(later)[1] == ["发布文号：粤府〔2021〕22号", "发布日期：2021-03-29", "生效日期：2021-03-29"]
