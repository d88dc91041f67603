"""Label blocks of 民生实事 / 重点工作 plans (dialect C: an item, then lines ``目标任务：…`` / ``牵头单位：…`` / ``配合单位：…`` /
``完成时间：…``), four mechanisms of the genre (tagsblind9 "Misses left at the final", routed to labels3):

1. a label line inside an item is content: the same ``目标任务：按…完成…指标任务。`` / ``牵头单位：市教育局。`` under two items
   is no repeated rendition (cleanup.drop_repeated_renditions dropped them and the lead vanished silently);
2. a limit written inside a non-time field (``目标任务：年底完成…``, ``目标要求：…到2011年底…``) is one of the task's
   deadlines, in the plan's words — a limit only (到/前/底/末, a span's end, or a time closing on a verb of completion),
   never a baseline year or a year naming what is done;
3. a label's unit list keeps every member: one member not shaped like a unit (``五金城``) is kept as written, by its
   position in the label's value, and reported — the list is never dropped;
4. county units ending in 股/站/所/中心/队 (``县农经股``, ``镇水利站``) are units.

Rows: (text, expected, why) at several levels (省/市/县/区) and wordings, written BEFORE the code."""

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs

# ---------------------------------------------------------------- 1. repeated label lines are content

REPEATS = [
    ("某市2012年为民办实事实施方案\n一、教育惠民\n"
     "（一）扩大学前教育资源项目。\n目标任务：按省规定完成省下达的指标任务。\n牵头单位：市教育局。\n配合单位：市财政局。\n"
     "（二）普通高中助学金项目。\n目标任务：按省规定完成省下达的指标任务。\n牵头单位：市教育局。\n配合单位：市发改委。\n",
     [("（一）扩大学前教育资源项目。", ["市教育局"], ["市财政局"]),
      ("（二）普通高中助学金项目。", ["市教育局"], ["市发改委"])],
     "市: 目标任务 + 牵头单位 repeat item (一)'s word for word: both kept, the lead of (二) stays"),
    ("某省2013年十件民生实事责任分工\n一、民生实事\n"
     "1.实施农村危房改造。\n工作目标：全面完成国家下达的改造任务。\n牵头部门：省住房城乡建设厅\n配合部门：省财政厅、省民政厅\n"
     "2.推进棚户区改造。\n工作目标：全面完成国家下达的改造任务。\n牵头部门：省住房城乡建设厅\n配合部门：省财政厅、省民政厅\n",
     [("1.实施农村危房改造。", ["省住房城乡建设厅"], ["省财政厅", "省民政厅"]),
      ("2.推进棚户区改造。", ["省住房城乡建设厅"], ["省财政厅", "省民政厅"])],
     "省: the whole block of item 2 repeats item 1's (three lines, one a field by its shape)"),
    ("某区2020年民生实事项目分工方案\n一、实事项目\n"
     "1.新建社区养老服务站2个，每站建筑面积不少于300平方米。\n建设内容：按照区级标准建设。\n责任部门：区民政局\n"
     "2.改造老旧小区3个。\n建设内容：按照区级标准建设。\n责任部门：区民政局\n",
     [("1.新建社区养老服务站2个，每站建筑面积不少于300平方米。", [], []), ("2.改造老旧小区3个。", [], [])],
     "区: a 责任部门 alone is sole — checked below by sole; the repeated two lines stay under item 2"),
]


@pytest.mark.parametrize(("text", "expected", "why"), REPEATS, ids=[r[-1][:12] for r in REPEATS])
def test_repeated_label_lines_stay_with_their_item(text, expected, why):
    _, tasks = parse_document(text, "p")
    got = [(t.text, t.lead, t.support) for t in tasks if t.tag]
    assert got == expected, why
    assert all(t.tag for t in tasks if t.kind == "task"), why


def test_repeated_sole_label_under_a_district_item():
    _, tasks = parse_document(REPEATS[2][0], "p")
    assert [(t.text, t.sole, t.fields.get("建设内容")) for t in tasks if t.tag] == [
        ("1.新建社区养老服务站2个，每站建筑面积不少于300平方米。", ["区民政局"], "按照区级标准建设"),
        ("2.改造老旧小区3个。", ["区民政局"], "按照区级标准建设")]


RENDITIONS = [
    ("甲项工作全面推进落实，确保取得实效并形成长效机制。\n乙段。\n甲项工作全面推进落实，确保取得实效并形成长效机制。\n乙段。\n",
     ["甲项工作全面推进落实，确保取得实效并形成长效机制。", "乙段。"], "control: a web page's double (a run of paragraphs)"),
    ("1.推进改造。\n牵头单位：市住建局\n1.推进改造。\n牵头单位：市住建局\n",
     ["1.推进改造。", "牵头单位：市住建局"], "control: the item AND its label line repeated: a rendition, dropped"),
    ("发布时间：2023-02-21\n来源：市政府办公室\n正文第一段。\n发布时间：2023-02-21\n来源：市政府办公室\n",
     ["发布时间：2023-02-21", "来源：市政府办公室", "正文第一段。"],
     "control: page metadata repeated (a page header) is no label block: dropped as before"),
]


@pytest.mark.parametrize(("text", "expected", "why"), RENDITIONS, ids=[r[-1][:14] for r in RENDITIONS])
def test_true_renditions_still_dropped(text, expected, why):
    assert clean_paragraphs(text) == expected, why


# ---------------------------------------------------------------- 2. limits inside non-time fields

FIELD_LIMITS = [
    ("目标任务：年底完成省下达的总投资15%的任务。", ["年底"], "the year's end before 完成: a limit without a year"),
    ("目标要求：全市艾滋病病毒感染者检测率到2011年底达到85%。", ["到2011年底"], "到 + a year's end"),
    ("目标任务：2013年6月底前完成改造500户。", ["2013年6月底前"], "a dated limit with 前"),
    ("工作目标：比2010年增长15%。", [], "a baseline year (比2010年) is no limit"),
    ("工作目标：力争全年完成投资8亿元。", ["全年"], "全年 before a verb of completion: the year's work, as in a body clause"),
    ("资金来源：2012年中央预算内投资500万元。", [], "a year naming which funds (no verb of completion after it)"),
    ("目标任务：完成2012年度省下达的指标任务。", [], "a year naming which task (2012年度…任务) is no limit"),
    ("建设内容：新建2所学校，建筑面积1.2万平方米。", [], "control: no time at all"),
    ("目标任务：2013年完成农村公路改造200公里。", ["2013年"], "a year closing on a verb of completion (完成)"),
    ("目标任务：1.10月底前建成实训室；2.实训大楼年内开工。", ["10月底前", "年内"],
     "two numbered limits in one field: a month's end with 前, 年内 before a verb of completion (开工)"),
    ("目标任务：1.10月份建设计算机实训室安装完毕；2.5月份启动招标。", ["10月份"],
     "a month before a verb of completion in its clause (完毕) is its limit; 5月份启动 (a start) is none"),
]


@pytest.mark.parametrize(("field", "expected", "why"), FIELD_LIMITS, ids=[r[0][:14] for r in FIELD_LIMITS])
def test_a_limit_inside_a_field_is_a_deadline(field, expected, why):
    text = ("某县2013年民生工程实施方案\n一、民生工程\n（一）农村学校建设项目。\n" + field +
            "\n牵头单位：县教育局\n配合单位：县财政局\n")
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.tag)
    assert task.lead == ["县教育局"]
    assert [d.text for d in task.deadlines] == expected, why


def test_field_limits_join_the_time_labels_limits():
    """A field's limit and the 完成时间 line's both: the field's first (block order)."""
    text = ("某市2012年民生实事实施方案\n一、教育惠民工程\n（三）农村义务教育学校建设项目。\n"
            "资金来源：中央及省下达我市资金总7220万元。\n目标任务：年底完成省下达的总投资15%的任务。\n"
            "牵头单位：市教育局。\n配合单位：市财政局、发改委。\n实施时间：2012年1-12月。\n完成时间：2012年12月。\n")
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.tag)
    assert (task.lead, task.support) == (["市教育局"], ["市财政局", "发改委"])
    assert [d.text for d in task.deadlines] == ["年底", "2012年1-12月", "2012年12月"]


def test_a_persons_field_gives_no_deadline():
    """责任领导 / 责任人 fields name people; a date in them (任期) is no limit of the task."""
    text = ("某区2021年重点工作责任分解\n一、重点工作\n1.推进老旧小区改造。\n责任领导：张某（2021年底前分管）\n"
            "责任单位：区住建局\n")
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.tag)
    assert task.sole == ["区住建局"] and task.deadlines == []


# ---------------------------------------------------------------- 3. a label's list keeps an odd member

ODD_MEMBERS = [
    ("责任单位：总部办、经济开发区、五金城、科技局；配合单位：经贸局、国土资源局",
     {"lead": ["总部办", "经济开发区", "五金城", "科技局"], "support": ["经贸局", "国土资源局"]},
     "县级市: 五金城 (a market's management) is no unit by shape; the list is a label's value — kept, reported (责任单位 beside a 配合 label leads, as before)"),
    ("牵头单位：市商务局、万达广场\n配合单位：市公安局",
     {"lead": ["市商务局", "万达广场"], "support": ["市公安局"]},
     "市: a lead list with a place-like member"),
    ("责任单位：区城管局、各街道、高铁新城",
     {"shared": ["区城管局", "各街道", "高铁新城"]}, "区: a zone's name closing the list"),
]


@pytest.mark.parametrize(("lines", "expected", "why"), ODD_MEMBERS, ids=[r[-1][:10] for r in ODD_MEMBERS])
def test_a_label_list_keeps_an_odd_member(lines, expected, why):
    text = "某市2008年重点工作任务\n一、重点工作\n1.推进总部中心和会展中心建设。\n" + lines.replace("；", "\n") + "\n"
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.tag)
    got = {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)}
    assert got == expected, why
    assert any(w.startswith("名称不像单位名称") for w in task.warnings), "the odd member is reported (not_unit_like)"


# ---------------------------------------------------------------- 4. county units by their endings

COUNTY_UNITS = [
    ("牵头单位：县农经股\n配合单位：县财政局、各乡镇", {"lead": ["县农经股"], "support": ["县财政局", "各乡镇"]},
     "股: a section of a county bureau"),
    ("责任单位：镇水利站、镇农技站", {"shared": ["镇水利站", "镇农技站"]}, "站: township stations"),
    ("牵头单位：县疾控中心\n配合单位：县卫生监督所、县公安局交警大队",
     {"lead": ["县疾控中心"], "support": ["县卫生监督所", "县公安局交警大队"]}, "中心 / 所 / 队"),
    ("牵头单位：区国土分局\n配合单位：区城管执法中队", {"lead": ["区国土分局"], "support": ["区城管执法中队"]},
     "分局 and 中队"),
]


@pytest.mark.parametrize(("lines", "expected", "why"), COUNTY_UNITS, ids=[r[-1][:10] for r in COUNTY_UNITS])
def test_county_units_in_label_lines(lines, expected, why):
    text = "某县2014年民生工程实施方案\n一、农业农村\n1.实施小型农田水利建设。\n" + lines + "\n"
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.tag)
    got = {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)}
    assert got == expected, why
    assert not [w for w in task.warnings if w.startswith("名称不像单位名称")], why
