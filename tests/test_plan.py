"""The bundled plan as a whole: exact figures counted by hand from the paper, and the structure rules."""

import pytest

from kb.parser.structure import heading_title, is_section_heading, numeral_value


def test_document(plan):
    (doc,) = plan.documents
    assert doc.title == "自贡市打赢蓝天保卫战实施方案"
    assert doc.preface.startswith("《自贡市打赢蓝天保卫战实施方案》于近日印发") and doc.preface.endswith("详情如下：")
    assert doc.parts == [("一", "总体要求"), ("二", "工作目标"), ("三", "重点任务"), ("四", "保障措施")]
    assert [s[0] for s in doc.sections] == [f"三（{n}）" for n in "一二三四五六"] + [f"四（{n}）" for n in "一二三四五六七八"]


def test_counts(plan):
    assert len(plan.tasks) == 74  # 一, 二, 64 tasks of 三, 8 items of 四
    assert sum(1 for t in plan.tasks if t.departments()) == 64
    per_section = {}
    for t in plan.tasks:
        per_section[t.section] = per_section.get(t.section, 0) + 1
    assert [per_section[f"三（{n}）"] for n in "一二三四五六"] == [21, 7, 16, 12, 4, 4]
    assert not any(t.warnings for t in plan.tasks)
    assert not any(t.departments() for t in plan.tasks if t.part != "三")


@pytest.mark.parametrize(
    "dept,lead,support,sole,shared",
    [
        ("市生态环境局", 24, 13, 1, 3),
        ("市经济和信息化局", 14, 17, 0, 3),
        ("市发展改革委", 8, 12, 0, 1),
        ("市交通运输局", 8, 7, 0, 4),
        ("市公安局", 4, 13, 0, 2),
        ("市财政局", 0, 9, 0, 0),
        ("市城管执法局", 4, 2, 0, 1),
        ("市能源办", 5, 3, 0, 0),
        ("市重污染天气应急指挥部成员单位", 0, 4, 0, 0),
        ("市科技局", 0, 2, 0, 1),
        ("市商务局", 1, 1, 0, 2),
    ],
)
def test_department_figures(plan, dept, lead, support, sole, shared):
    got = tuple(len(plan.tasks_of(dept, r)) for r in ("lead", "support", "sole", "shared"))
    assert got == (lead, support, sole, shared)


def test_transport_lead_tasks(plan):
    labels = [t.label for t in plan.tasks_of("市交通运输局", "lead")]
    assert labels == ["三（一）13", "三（一）14", "三（三）1", "三（三）2", "三（三）6", "三（三）8", "三（三）9", "三（三）14"]


def test_energy_office_tasks(plan):
    assert [t.label for t in plan.tasks_of("市能源办")] == [
        "三（一）3", "三（一）7", "三（二）1", "三（二）2", "三（二）4", "三（二）5", "三（二）7", "三（三）9"
    ]
    t = plan.task("三（二）2")
    assert t.lead == ["市应急局", "市发展改革委", "市经济和信息化局"] and t.subunits == {"市发展改革委": ["市能源办"]}


def test_implied_implementers(plan):
    key_tasks = [t for t in plan.tasks if t.part == "三"]
    assert all(t.implied == ["各区县政府", "高新区管委会"] for t in key_tasks)
    assert not any(t.implied for t in plan.tasks if t.part != "三")
    first = plan.task("三（一）1")
    assert "各区县政府" in first.support and first.notes[0].startswith("各项工作均需")


def test_task_fields(plan):
    t = plan.task("三（一）2")
    assert t.title == "加大区域产业布局调整力度"
    assert t.section_path == ["三、重点任务", "（一）调整产业结构，深化工业污染治理"]
    assert t.text.endswith("（市经济和信息化局、市应急局牵头，市发展改革委、市生态环境局、市住房城乡建设局配合）")
    assert t.clauses[0] == "加大区域产业布局调整力度。" and t.clauses[-1].endswith("加大现有化工园区整治力度。")
    assert plan.task("三（一）1").title is None  # opens with a long sentence, not a heading
    m = plan.task("四（三）")
    assert (m.kind, m.title, m.clauses[0]) == ("measure", "严格考核奖惩", "严格考核奖惩。")
    assert plan.task("二").text.startswith("到2020年，我市主城区")


def test_ids_are_unique_and_stable(plan):
    ids = [t.id for t in plan.tasks]
    assert len(ids) == len(set(ids))
    assert plan.task("三（一）2").id == "zigong-blue-sky-plan#3.1.2"
    assert plan.task("四（八）").id == "zigong-blue-sky-plan#4.8"


@pytest.mark.parametrize("numeral,value", [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("", 0)])
def test_numeral_value(numeral, value):
    assert numeral_value(numeral) == value


@pytest.mark.parametrize(
    "text,expected",
    [
        ("加大区域产业布局调整力度。严格执行国家相关行业规范。", "加大区域产业布局调整力度"),
        ("强化“三线一单”约束，明确禁止的行业。", None),
        ("推广全封闭式干洗机。2020年，全市基本淘汰开启式干洗机。", "推广全封闭式干洗机"),
        ("新、改、扩建涉及VOCs排放项目，从原辅材料推广。", None),
        ("只有一句。", None),
    ],
)
def test_heading_title(text, expected):
    assert heading_title(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("（一）调整产业结构，深化工业污染治理。", True),
        ("（一）强化责任落实。有关职能部门要按照要求。", False),
        ("(二)优化能源结构", True),
        ("一、总体要求", False),
    ],
)
def test_section_heading(text, expected):
    assert is_section_heading(text) == expected


OTHER_PLAN = """某市大气污染防治行动计划
一、指导思想。以改善质量为目标，制定本计划。
二、重点任务
（一）优化结构
1．加强管理。做好工作。（市公安局牵头）
3．推进改造。完成任务。（市民政局负责）
（二）其他
开展行动。（市财政局牵头）
"""


def test_other_plan_conventions():
    """Inline part heading, section headings without 。, numbered items, a one-paragraph section."""
    from kb.parser import parse_document

    doc, tasks = parse_document(OTHER_PLAN, doc_id="other")
    assert doc.title == "某市大气污染防治行动计划" and doc.preface is None
    assert doc.parts == [("一", "指导思想"), ("二", "重点任务")]
    assert doc.sections == [("二（一）", "优化结构"), ("二（二）", "其他")]
    assert [(t.label, t.title, t.lead, t.sole) for t in tasks] == [
        # (the inline heading titles its part's only paragraph since 1b74b7c — one-line parts: 一、加快…建设。由X牵头。 is
        # a task whose title is its heading; 指导思想 over its one paragraph is that paragraph's title the same way)
        ("一", "指导思想", [], []),
        ("二（一）1", "加强管理", ["市公安局"], []),
        ("二（一）3", "推进改造", [], ["市民政局"]),  # the number the text gives
        ("二（二）", "开展行动", ["市财政局"], []),
    ]
    assert tasks[1].clauses == ["加强管理。", "做好工作。"]
