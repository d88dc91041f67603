"""Body items restated by an annex task table (session 10 decision, README "A paragraph the table restates").

Plans written for these tests (their own words, no real plan's lines); every expected value was written by hand
before kb ran on them.  The shapes: a body whose items carry no tags and an annex 任务分工表
(序号 / 工作事项 / 主要内容 / 牵头单位 / 配合单位 / year or time columns) restating them — one row for an item, one
工作事项 over three sub-rows, a row naming no item, a row whose 工作事项 is the item's title but whose 主要内容 words it
otherwise, a row only loosely like an item — and a control plan with tags and no table.
"""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from kb.qa import Session
from kb.model import Plan

HEAD = ["关于推进社区养老服务提质增效的实施方案", "",
        "一、工作目标", "", "到2025年，社区养老服务设施覆盖率达到90%以上。", "",
        "二、主要任务", "", "（一）扩大服务供给", "",
        "1.增加社区助餐点。按照就近便利原则布局社区助餐点。引导餐饮企业参与老年助餐服务。落实助餐补贴政策。", "",
        "2.培育养老服务队伍。开展养老护理员职业技能培训。", "",
        "3.完善服务质量评价。建立社区养老服务质量评价制度。", "",
        "4.发展智慧养老服务。建设全市养老服务信息平台，推广智能养老终端设备，鼓励企业研发适老化产品。", "",
        "（二）提升服务能力", "", "1.规范服务标准。制定社区养老服务地方标准。", "",
        "三、保障措施", "", "（一）加强组织领导。各区要建立工作协调机制。", ""]

HEADER = "序号\t工作事项\t主要内容\t牵头单位\t配合单位\t完成时限\t2024年工作安排"
ROWS = [
    # one 工作事项 over three sub-rows (the merged 序号 and 工作事项 repeated in every row, as ingestion writes a rowspan)
    "1\t增加社区助餐点\t按照就近便利原则布局社区助餐点。\t各区人民政府\t市民政局\t2024年底前\t建成中心食堂20个",
    "1\t增加社区助餐点\t引导餐饮企业参与老年助餐服务。\t市商务委\t市市场监管局\t长期坚持\t/",
    "1\t增加社区助餐点\t落实助餐补贴政策。\t市民政局\t/\t2023年12月底前\t/",
    # one row: its 工作事项 is item 2's title and its 主要内容 item 2's own wording
    "2\t培育养老服务队伍\t开展养老护理员职业技能培训。\t市人力社保局\t市民政局\t每年\t培训2000人次",
    # one row: 工作事项 is item 3's title, 主要内容 words the task otherwise
    "3\t完善服务质量评价\t每半年组织一次服务质量抽查并公布结果。\t市民政局\t/\t2024年6月底前\t/",
    # only loosely like item 4 (a clause of it reworded): no link
    "4\t推进信息化建设\t建设全市养老服务信息平台，推广智能养老终端。\t市大数据中心\t市民政局\t2025年底前\t/",
    # names no item of the text
    "5\t开展养老服务宣传\t组织“敬老月”系列宣传活动。\t市委宣传部\t市民政局\t每年10月\t/",
]


def _plan(rows=ROWS, header=HEADER):
    text = "\n".join(HEAD + ["附件", "", "社区养老服务提质增效任务分工表", "", header, *rows]) + "\n"
    return parse_document(text, "yl", "yl.txt")


def _by_label(tasks):
    return {t.label: t for t in tasks}


def test_body_items_stay_whatever_the_table_restates():
    """(i) No body item is removed: 二（一） keeps its four items, 二（二） its one, with their own labels."""
    doc, tasks = _plan()
    body = [t.label for t in tasks if t.part == "二"]
    assert body == ["二（一）1", "二（一）2", "二（一）3", "二（一）4", "二（二）"]


@pytest.mark.parametrize(("label", "lead", "support", "source", "why"), [
    ("二（一）1", [], [], None, "three sub-rows name it: the rows stay rows, the item keeps its text and no roles"),
    ("二（一）2", ["市人力社保局"], ["市民政局"], "附件 第5行", "one row, title and wording equal: linked one-to-one"),
    ("二（一）3", ["市民政局"], [], "附件 第6行", "one row whose 工作事项 is the title (wording differs): linked"),
    ("二（一）4", [], [], None, "a row only loosely like it (partial similarity) is no link"),
    ("二（二）", [], [], None, "no row names it (a section's one item is cited by the section)"),
])
def test_body_item_roles(label, lead, support, source, why):
    doc, tasks = _plan()
    t = _by_label(tasks)[label]
    assert (t.lead, t.support, t.source) == (lead, support, source), why


def test_rows_under_one_item_are_tasks_with_sub_row_marks():
    """(iv) The three sub-rows of 序号1 are tasks of their own, cited 附件-1-1 … -3, each with its own units and time
    cell; the item notes where its rows are."""
    doc, tasks = _plan()
    rows = [(t.label, t.lead, t.support, t.source) for t in tasks if t.label.startswith("附件-1")]
    assert rows == [("附件-1-1", ["各区人民政府"], ["市民政局"], "附件 第2行"),
                    ("附件-1-2", ["市商务委"], ["市市场监管局"], "附件 第3行"),
                    ("附件-1-3", ["市民政局"], [], "附件 第4行")]
    by = _by_label(tasks)
    assert by["附件-1-1"].fields == {"工作事项": "增加社区助餐点", "2024年工作安排": "建成中心食堂20个"}
    assert [d.end for d in by["附件-1-3"].deadlines] == ["2023-12-31"]
    assert any("第2行、第3行、第4行" in n for n in by["二（一）1"].notes)


def test_rows_linked_to_no_item_are_tasks():
    """A row naming no item (序号5) and one only loosely like an item (序号4) are tasks of their own, cited by 序号."""
    doc, tasks = _plan()
    by = _by_label(tasks)
    assert (by["附件-4"].lead, by["附件-4"].support) == (["市大数据中心"], ["市民政局"])
    assert (by["附件-5"].lead, by["附件-5"].support) == (["市委宣传部"], ["市民政局"])
    assert not any(t.label in ("附件-2", "附件-3") for t in tasks)  # linked rows are not listed twice


def test_linked_row_keeps_its_cells():
    """(iii) A linked row's other cells stay on the task: the year column as a field, the time cell as a deadline
    clause, and (item 3) the row's own wording of the task as a field under its header word."""
    doc, tasks = _plan()
    by = _by_label(tasks)
    assert by["二（一）2"].fields.get("2024年工作安排") == "培训2000人次"
    assert by["二（一）2"].clauses[-1] == "每年"
    assert by["二（一）3"].fields.get("主要内容") == "每半年组织一次服务质量抽查并公布结果。"
    assert [d.end for d in by["二（一）3"].deadlines] == ["2024-06-30"]
    assert "主要内容" not in by["二（一）2"].fields  # the row words it as the item does: nothing to add


def test_row_content_equal_to_item_without_name_column():
    """A table with no name column: a row whose task cell is the item's wording (marker and title aside) is linked;
    one whose cell is only a part of an item stays a row and the item says so."""
    header = "序号\t主要内容\t牵头单位\t配合单位"
    rows = ["1\t开展养老护理员职业技能培训。\t市人力社保局\t市民政局",
            "2\t建立社区养老服务质量评价制度。\t市民政局\t/",
            "3\t引导餐饮企业参与老年助餐服务。\t市商务委\t/"]
    doc, tasks = _plan(rows, header)
    by = _by_label(tasks)
    assert by["二（一）2"].lead == ["市人力社保局"] and by["二（一）3"].lead == ["市民政局"]
    assert by["二（一）1"].lead == [] and by["附件-3"].lead == ["市商务委"]
    assert any("附件第4行复述本段的一部分" in n for n in by["二（一）1"].notes)


def test_control_plan_with_tags_and_no_table():
    """A body with its own tags and no table: nothing of the table rules applies."""
    text = "\n".join(["某区工作方案", "", "一、主要任务", "",
                      "1.增加社区助餐点。布局社区助餐点。（牵头单位：区民政局；配合单位：各街道）", "",
                      "2.培育养老服务队伍。开展职业技能培训。（牵头单位：区人社局）", ""]) + "\n"
    doc, tasks = parse_document(text, "c", "c.txt")
    assert [(t.label, t.lead, t.support, t.source) for t in tasks] == [
        ("一1", ["区民政局"], ["各街道"], None), ("一2", ["区人社局"], [], None)]


@pytest.fixture(scope="module")
def session():
    doc, tasks = _plan()
    return Session(plan=Plan([doc], tasks), strict=True)


@pytest.mark.parametrize(("question", "labels", "why"), [
    ("扩大服务供给有几项", ["二（一）1", "二（一）2", "二（一）3", "二（一）4"], "the body's four items, not the rows"),
    ("哪些任务没有配合单位", ["二（一）3", "附件-1-3"], "per row: sub-row 3 and the linked item 3 name no 配合单位"),
    ("市民政局牵头哪些任务", ["二（一）3", "附件-1-3"], "each once"),
    ("市民政局配合哪些任务", ["二（一）2", "附件-1-1", "附件-4", "附件-5"], "each once, the linked row not twice"),
])
def test_questions(session, question, labels, why):
    answer = session.ask(question)
    assert answer.status == "answered", (why, answer.text)
    assert [t.label for t in answer.tasks] == labels, (why, answer.text)


# --- columns of the issuing bureau's internal divisions (市民政局内牵头处室 / 市民政局内配合处室) -------------------------

DIV_HEADER = "序号\t工作事项\t主要内容\t牵头单位\t配合单位\t市民政局内牵头处室\t市民政局内配合处室"
DIV_ROWS = [
    "1\t增加社区助餐点\t按照就近便利原则布局社区助餐点。\t市民政局\t市财政局\t养老服务处\t福利处、规划财务处",
    "1\t增加社区助餐点\t引导餐饮企业参与老年助餐服务。\t市商务委\t市民政局\t养老服务处\t规划财务处",
    "1\t增加社区助餐点\t落实助餐补贴政策。\t各区人民政府\t市财政局\t养老服务处\t/",
    "2\t培育养老服务队伍\t开展养老护理员职业技能培训。\t市人力社保局\t/\t人事处\t/",
]


@pytest.mark.parametrize(("label", "lead", "support", "subunits", "why"), [
    ("附件-1-1", ["市民政局"], ["市财政局"], {"市民政局": ["养老服务处"]},
     "the bureau leads: its leading division does its part; its supporting divisions lead nothing (fields only)"),
    ("附件-1-2", ["市商务委"], ["市民政局"], {"市民政局": ["养老服务处", "规划财务处"]},
     "the bureau supports: both its divisions do its supporting part"),
    ("附件-1-3", ["各区人民政府"], ["市财政局"], {}, "the row's unit cells do not name the bureau: no sub-unit"),
    ("二（一）2", ["市人力社保局"], [], {}, "人事处 of a bureau the row does not name: a field"),
])
def test_division_columns(label, lead, support, subunits, why):
    doc, tasks = _plan(DIV_ROWS, DIV_HEADER)
    t = _by_label(tasks)[label]
    assert (t.lead, t.support, t.subunits) == (lead, support, subunits), why
    assert "市民政局内牵头处室" in t.fields, why  # the cells stay fields too


@pytest.mark.parametrize(("question", "status", "labels", "why"), [
    ("养老服务处牵头哪些任务", "answered", ["附件-1-1"], "led where its bureau leads"),
    ("规划财务处配合哪些任务", "answered", ["附件-1-2"], "supports where its bureau supports"),
    ("哪些任务没有配合单位", "answered", ["二（一）2"], "division columns add no 配合单位"),
])
def test_division_questions(question, status, labels, why):
    doc, tasks = _plan(DIV_ROWS, DIV_HEADER)
    answer = Session(plan=Plan([doc], tasks), strict=True).ask(question)
    assert answer.status == status and [t.label for t in answer.tasks] == labels, (why, answer.text)


def test_sections_counted_by_their_items(session):
    """主要任务包括哪几个方面: a section's items counted as the body writes them (二（一）: 4), those with units said apart —
    before, 二（一） was "2 项任务" (only the items with units), a confident wrong count of a 4-item section."""
    answer = session.ask("主要任务包括哪几个方面")
    assert "二（一）扩大服务供给（4 条，其中 2 条写明责任单位）" in answer.text, answer.text
    assert "（共 5 条，其中 2 条写明责任单位）" in answer.text, answer.text
