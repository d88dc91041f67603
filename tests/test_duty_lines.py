"""A duty sentence standing AFTER its item, as a paragraph of its own (dialects.md E-line: 深圳 2003 十项民心工程
``此项工作由市卫生局主办,市发展和改革局、规划局协办。`` under each item; tagsblind11 cause 4, notes-prose6 (b)).

A paragraph that is ONLY a duty statement — who leads / hosts / is responsible, who supports, and no work of its own
(``此项工作由X主办，Y协办。``, ``由X牵头，Y、Z配合。``, ``该项工作由X负责。``) — closes the item above it as a label line
does: the item gets its roles, the line is no task, and the labels of later items do not shift.  When no item stands
above it (a heading, a part's start, a page opening), or the item above is closed by a tag of its own, or the
sentence does work of its own (由X牵头，开展…), or it speaks of several items (以上工作…), nothing is attached: it
stays a paragraph as before.  Expected rows written by hand before the code; levels 省/市/县/区 and several wordings."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: getattr(t, k) for k in KEYS if getattr(t, k)}


def _tasks(title: str, body: str):
    _, tasks = parse_document(f"{title}\n一、重点任务\n{body}", "p")
    return tasks


# (plan title, body, expected [(label, text, roles)] of every task in order, why)
ROWS = [
    ("某市2024年为民办实事实施方案",
     "1.建立完善医疗救助体系。将救助基金规模扩大到2000万元以上。\n此项工作由市卫生健康委主办，市民政局、市医保局协办。\n"
     "2.提高医疗服务水平。加快卫生资源向社区配置。\n此项工作由市卫生健康委主办，市市场监管局协办。\n"
     "3.推进学校食堂改造。完成50所学校食堂改造。\n",
     [("一1", "1.建立完善医疗救助体系。将救助基金规模扩大到2000万元以上。",
       {"lead": ["市卫生健康委"], "support": ["市民政局", "市医保局"]}),
      ("一2", "2.提高医疗服务水平。加快卫生资源向社区配置。",
       {"lead": ["市卫生健康委"], "support": ["市市场监管局"]}),
      ("一3", "3.推进学校食堂改造。完成50所学校食堂改造。", {})],
     "市: 此项工作由X主办，Y、Z协办 after each numbered item; the last item has none; labels are the items' own numbers"),
    ("某县2024年重点工作实施方案",
     "（一）加强农村道路建设。新建农村公路100公里。\n由县交通运输局牵头，县财政局、县自然资源局配合。\n"
     "（二）推进农村饮水安全。完成20个村供水改造。\n由县水利局负责。\n",
     [("一（一）", "（一）加强农村道路建设。新建农村公路100公里。",
       {"lead": ["县交通运输局"], "support": ["县财政局", "县自然资源局"]}),
      ("一（二）", "（二）推进农村饮水安全。完成20个村供水改造。", {"sole": ["县水利局"]})],
     "县: 由X牵头，Y、Z配合。 and 由X负责。 under inline-heading items"),
    ("某省2024年数字经济发展行动方案",
     "1.推进数据要素市场建设。\n建立数据交易平台，培育数据经纪人。\n该项工作由省发展改革委牵头，省财政厅、省统计局等部门配合。\n"
     "2.加快算力设施布局。\n",
     [("一1", "1.推进数据要素市场建设。建立数据交易平台，培育数据经纪人。",
       {"lead": ["省发展改革委"], "support": ["省财政厅", "省统计局"]}),
      ("一2", "2.加快算力设施布局。", {})],
     "省: the item's title line and its body paragraph are one item; 等部门 closes the list"),
    ("某区2024年工作方案",
     "1.推进老旧小区改造。（区住房城乡建设委牵头）\n2.建设口袋公园。新建口袋公园10个。\n此项工作由区绿化市容局负责，各街道配合。\n"
     "3.推进垃圾分类。（区城管执法局负责）\n",
     [("一1", "1.推进老旧小区改造。（区住房城乡建设委牵头）", {"lead": ["区住房城乡建设委"]}),
      ("一2", "2.建设口袋公园。新建口袋公园10个。",
       {"lead": ["区绿化市容局"], "support": ["各街道"]}),
      ("一3", "3.推进垃圾分类。（区城管执法局负责）", {"sole": ["区城管执法局"]})],
     "区, in a plan whose other items carry bracket tags: the untagged item takes the line after it (由X负责，Y配合: X leads)"),
    # ---- awkward rows: nothing is attached
    ("某区2024年工作方案",
     "1.推进老旧小区改造。（区住房城乡建设委牵头）\n此项工作由区房管局主办。\n2.建设口袋公园。（区绿化市容局负责）\n",
     [("一1", "1.推进老旧小区改造。（区住房城乡建设委牵头）", {"lead": ["区住房城乡建设委"]}),
      ("一2", "此项工作由区房管局主办。", {}),
      ("一3", "2.建设口袋公园。（区绿化市容局负责）", {"sole": ["区绿化市容局"]})],
     "the item above is closed by its own tag: which of the two says the item's roles is not proved — the line stays (a "
     "paragraph of a tagged plan: 主办 alone is no form read there, as before)"),
    ("某市2024年工作方案",
     "1.推进老旧小区改造。完成改造50个。\n由市城管局牵头，开展占道经营专项整治行动。\n",
     [("一1", "1.推进老旧小区改造。完成改造50个。", {}),
      ("一2", "由市城管局牵头，开展占道经营专项整治行动。", {"lead": ["市城管局"]})],
     "a sentence that does work of its own (开展…) is a paragraph of its own, as before"),
    ("某市2024年工作方案",
     "1.推进老旧小区改造。完成改造50个。\n2.建设口袋公园。新建口袋公园10个。\n以上工作由市住房城乡建设委负责。\n",
     [("一1", "1.推进老旧小区改造。完成改造50个。", {}),
      ("一2", "2.建设口袋公园。新建口袋公园10个。", {}),
      ("一3", "以上工作由市住房城乡建设委负责。", {"sole": ["市住房城乡建设委"]})],
     "以上工作 may speak of several items: not attached to the last one"),
    # rows added by the lead after the landing (its own probe, written before running: p2_after_item): a unit's name
    # holding a bracket of its own stopped the line's pattern, and the line became a task of its own
    ("某市2024年营商环境优化提升行动方案",
     "1.深化“一网通办”，2024年9月底前网上可办率达到98%。\n由市政务服务数据管理局牵头，各县（市、区）政府配合。\n"
     "2.开展营商环境评价，形成评价报告。\n",
     [("一1", "1.深化“一网通办”，2024年9月底前网上可办率达到98%。",
       {"lead": ["市政务服务数据管理局"], "support": ["各县（市、区）政府"]}),
      ("一2", "2.开展营商环境评价，形成评价报告。", {})],
     "市: a supporter's name holding its own bracket (各县（市、区）政府) is one name; the next item keeps its number"),
    ("某县2024年乡村振兴重点工作方案",
     "（一）巩固脱贫攻坚成果。开展防返贫动态监测。\n此项工作由县农业农村局（县乡村振兴局）负责。\n",
     [("一（一）", "（一）巩固脱贫攻坚成果。开展防返贫动态监测。", {"sole": ["县农业农村局"]})],
     "县: the bracket after a unit names the same body (its other name), as in a tag"),
]


@pytest.mark.parametrize(("title", "body", "expected", "why"), ROWS, ids=[r[3][:30] for r in ROWS])
def test_duty_line_closes_the_item_above(title, body, expected, why):
    tasks = _tasks(title, body)
    assert [(t.label, t.text, _roles(t)) for t in tasks] == expected, why


def test_duty_line_under_a_heading_is_not_the_headings():
    """A duty line right under a part's heading has no item above it: it is no heading tag (此项工作 names no heading's
    items) and stays a paragraph; the items under the heading get nothing from it."""
    _, tasks = parse_document("某县2024年工作方案\n一、重点任务\n1.推进甲。正文。（县X局牵头）\n二、保障措施\n"
                              "由县发展改革委牵头，县财政局配合。\n（一）加强组织领导。成立工作专班。\n", "p")
    texts = {t.text: _roles(t) for t in tasks}
    assert texts["由县发展改革委牵头，县财政局配合。"] == {"lead": ["县发展改革委"], "support": ["县财政局"]}
    assert texts["（一）加强组织领导。成立工作专班。"] == {}


def test_duty_line_opening_a_text_stays():
    """A page opening whose first line is the duty line of an item cut off above: no item to attach to."""
    _, tasks = parse_document("某市关于为民办实事的实施意见\n此项工作由市卫生局主办，市民政局协办。\n"
                              "（二十一）建立完善医疗保障和救助体系。扩大救助基金规模。\n此项工作由市卫生局主办，市工商局协办。\n", "p")
    assert [(t.text[:8], _roles(t)) for t in tasks] == [
        ("此项工作由市卫生", {"lead": ["市卫生局"], "support": ["市民政局"]}),
        ("（二十一）建立完", {"lead": ["市卫生局"], "support": ["市工商局"]}),
    ]


def test_duty_line_is_the_items_source():
    """The item's roles come from the line as a label line's do: the line is its tag as written."""
    tasks = _tasks("某市2024年工作方案", "1.推进甲。正文。\n此项工作由市X局主办，市Y局协办。\n")
    assert [(t.tag, t.role_source, t.kind) for t in tasks] == [("此项工作由市X局主办，市Y局协办。", "label line", "task")]
