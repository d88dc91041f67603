"""Label lines kb's word lists do not name (dialect C: 实施时间：, 责任期限：, 工作要求：) are known by their SHAPE — a short
label ending in 时间/期限/时限/节点 (a time limit) or, inside a block of label lines, in 要求/领导 (a field): such a line is
no task of its own, never cuts the label block under its item nor shifts the labels after it; a time label's value is
the item's deadline; a non-time label's value is a field, never a unit (tagsblind9, routed to labels2).

And sub-items that carry their own tag (``(1)…`` / ``责任单位：X`` / ``(2)…`` / ``责任单位：Y``, or inline
``(1)…。责任单位：X (2)…。责任单位：Y``) are items of their own: the line of units before a sub-item marker never runs
into it, so each sub-item keeps its own units (only the last one survived)."""

import pytest

from kb.parser import parse_document

ROLE_KEYS = ("lead", "guide", "support", "sole", "shared")


def _roles(task):
    return {k: getattr(task, k) for k in ROLE_KEYS if getattr(task, k)}


def _tasks(text):
    return parse_document(text, "p")[1]


# (block of label lines under item 1, expected (roles, deadlines, fields) of item 1, why).  Item 2 follows with a
# label line of its own: its lead must stay its own (a label block cut short shifted the next item's labels).
BLOCK_CASES = [
    ("牵头单位：市政务服务中心\n责任单位：市发展改革委、市财政局\n实施时间：2024年12月底前",
     ({"lead": ["市政务服务中心"], "support": ["市发展改革委", "市财政局"]}, ["2024年12月底前"], {"实施时间": "2024年12月底前"}),
     "实施时间 last: the units before it keep their roles, its value is the deadline"),
    ("牵头单位：省商务厅\n责任期限：2025年6月底前\n配合单位：省财政厅",
     ({"lead": ["省商务厅"], "support": ["省财政厅"]}, ["2025年6月底前"], {"责任期限": "2025年6月底前"}),
     "责任期限 between two unit labels: the block goes on after it, 配合单位 stays this item's"),
    ("完成节点：2025年9月底前\n牵头部门：区住房城乡建设局",
     ({"lead": ["区住房城乡建设局"]}, ["2025年9月底前"], {"完成节点": "2025年9月底前"}),
     "a time label opening the block"),
    ("责任单位：县农业农村局\n办结时限：2024年底前",
     ({"sole": ["县农业农村局"]}, ["2024年底前"], {"办结时限": "2024年底前"}),
     "办结时限: a word before 时限 the list does not hold"),
    ("牵头单位：市城管局\n工作要求：每季度报送工作进展\n配合单位：市公安局",
     ({"lead": ["市城管局"], "support": ["市公安局"]}, [], {"工作要求": "每季度报送工作进展"}),
     "工作要求 inside a label block: a field, never a unit, and the block goes on"),
    ("牵头单位：市卫生健康委\n督导领导：市政府副秘书长\n完成时限：2025年底前",
     ({"lead": ["市卫生健康委"]}, ["2025年底前"], {"督导领导": "市政府副秘书长", "完成时限": "2025年底前"}),
     "a person's label the person forms do not list (督导领导): a field"),
    ("牵头单位：市生态环境局\n督办单位：市政府督查室\n配合单位：市水务局",
     ({"lead": ["市生态环境局"], "support": ["市水务局"]}, [], {"督办单位": "市政府督查室"}),
     "督办单位 names who checks the work, not who does it: a field"),
    ("牵头单位：区城管执法局\n监管部门：区市场监管局",
     ({"lead": ["区城管执法局"], "support": ["区市场监管局"]}, [], {}),
     "an unknown label ending in 部门 on a line of the block: read as the inline one is (responsible: support after a lead)"),
    ("牵头单位：市水利局。\n实施时间：2024年—2025年。\n责任单位：市财政局、市自然资源局。",
     ({"lead": ["市水利局"], "support": ["市财政局", "市自然资源局"]}, ["2024年—2025年"], {"实施时间": "2024年—2025年"}),
     "every line closed by a full stop (never glued): the time line between two unit labels stays in the block"),
    ("牵头单位：市文化广电旅游局  实施时间：2025年底前  责任单位：市财政局",
     ({"lead": ["市文化广电旅游局"], "support": ["市财政局"]}, ["2025年底前"], {"实施时间": "2025年底前"}),
     "the labels on one line, two spaces apart"),
    ("【牵头单位】市审批局\n【配合单位】市住建局",
     ({"lead": ["市审批局"], "support": ["市住建局"]}, [], {}),
     "labels in lenticular brackets, no colon (【牵头单位】X): label lines"),
    ("【责任单位】区城管执法局\n【完成时限】2024年底前",
     ({"sole": ["区城管执法局"]}, ["2024年底前"], {"完成时限": "2024年底前"}),
     "a bracketed time label"),
    ("责任单位及完成时限：县市场监管局，2025年6月底前",
     ({"sole": ["县市场监管局"]}, ["2025年6月底前"], {}),
     "one label of units and time joined by 及: the units and the time limit of one value"),
    ("责任部门及实施时间：区教育局，2025年9月",
     ({"sole": ["区教育局"]}, ["2025年9月"], {}),
     "a time label known by its shape after 及"),
    ("责任单位(部门)：市政务服务中心\n时间要求：2024年12月底前",
     ({"sole": ["市政务服务中心"]}, ["2024年12月底前"], {"时间要求": "2024年12月底前"}),
     "a label with a bracketed qualifier before its colon; 时间要求 is a time label"),
    ("牵头单位：市市场监管局 责任人：张某\n进度要求：2025年6月底前完成",
     ({"lead": ["市市场监管局"]}, ["2025年6月底前"], {"责任人": "张某", "进度要求": "2025年6月底前完成"}),
     "进度要求 is a time label: its line is no rest of the 责任人 value"),
    ("牵 头 单 位：市审批局\n配 合 单 位：市住建局",
     ({"lead": ["市审批局"], "support": ["市住建局"]}, [], {}),
     "labels spaced out (a PDF's justified text): the first line was glued to the item as printed text, the second read alone"),
    ("责任单位：县文旅局（牵头），县交通运输局\n完成时限：2025年底前",
     ({"lead": ["县文旅局"], "support": ["县交通运输局"]}, ["2025年底前"], {"完成时限": "2025年底前"}),
     "the lead marked in the list (X（牵头），Y) after a comma as after a 、: X leads, Y supports"),
    ("牵头单位：\n市政务服务中心\n责任单位：\n市发展改革委、市财政局",
     ({"lead": ["市政务服务中心"], "support": ["市发展改革委", "市财政局"]}, [], {}),
     "a label alone on its line, its units on the next (a page laid out like a table): the value is the label's"),
    ("牵头单位：市政务服务中心\n实施地点：市民服务中心\n配合单位：市财政局",
     ({"lead": ["市政务服务中心"], "support": ["市财政局"]}, [], {"实施地点": "市民服务中心"}),
     "any short label inside a block is a field (实施地点 was glued to the lead's name: a confident wrong name)"),
    ("牵头单位：区审批局\n考核指标：审批时限压缩50%",
     ({"lead": ["区审批局"]}, [], {"考核指标": "审批时限压缩50%"}),
     "a field closing the block (the lead was lost: 区审批局考核指标：… read as no unit)"),
    ("主办单位：县税务局\n协办单位：县财政局",
     ({"lead": ["县税务局"], "support": ["县财政局"]}, [], {}),
     "主办单位 leads (协办单位 supports it)"),
    ("牵头单位和完成时间：省科技厅，2024年底前",
     ({"lead": ["省科技厅"]}, ["2024年底前"], {}),
     "牵头单位和完成时间"),
    ("牵头单位：区发展改革委\n责任单位：区财政局\n完成时限：2024年6月底前",
     ({"lead": ["区发展改革委"], "support": ["区财政局"]}, ["2024年6月底前"], {"完成时限": "2024年6月底前"}),
     "control: every label known"),
]


@pytest.mark.parametrize("block,expected,why", BLOCK_CASES, ids=[c[-1][:24] for c in BLOCK_CASES])
def test_unknown_labels_in_a_label_block(block, expected, why):
    text = ("某市优化营商环境实施方案\n一、重点任务\n1.推进一网通办。全面推行政务服务事项网上办理。\n" + block +
            "\n2.深化审批制度改革。压缩审批时限。\n牵头单位：市审批局\n")
    tasks = _tasks(text)
    assert len(tasks) == 2, [t.text for t in tasks]
    first, second = tasks
    roles, dates, fields = expected
    assert (_roles(first), [d.text for d in first.deadlines], first.fields) == (roles, dates, fields), why
    assert _roles(second) == {"lead": ["市审批局"]}, "the next item keeps its own label"
    assert first.text.startswith("1.推进一网通办") and second.text.startswith("2.深化")


# (line under an untagged item, deadlines of the item, why): a line of a time label alone closes the item above.
TIME_LINE_CASES = [
    ("实施时间：2025年6月底前", ["2025年6月底前"], "实施时间 alone under an item"),
    ("推进时限：2026年12月", ["2026年12月"], "推进时限"),
]


@pytest.mark.parametrize("line,dates,why", TIME_LINE_CASES, ids=[c[-1] for c in TIME_LINE_CASES])
def test_a_time_shaped_line_alone_closes_the_item(line, dates, why):
    tasks = _tasks("某县人居环境整治工作方案\n二、主要任务\n（一）改善村容村貌\n开展村庄清洁行动。\n" + line + "\n（二）治理生活污水\n建设污水管网。\n")
    assert [t.text[:4] for t in tasks] == ["开展村庄", "建设污水"], why
    assert [d.text for d in tasks[0].deadlines] == dates


# (paragraph, why): shapes that are NO label line — a paragraph of the plan stays one.
NOT_LABEL_CASES = [
    ("工作要求：各单位要高度重视，加强组织领导。", "a 要求 label outside a block of label lines is a paragraph"),
    ("时间紧、任务重，各单位要倒排工期：每月通报一次。", "a time word opening a sentence, no label before the colon"),
    ("督办单位：市政府督查室", "a checking body's label alone: a paragraph naming no doer (warned as a label line naming no unit)"),
    ("时间: 2023-02-21", "a bare 时间 (no word before the time word): a web page's date, no label (3 real pages of earlier blind sets)"),
    ("发布时间：2023-02-21 10:15", "a web page's metadata line (ingest.yaml page_metadata_labels) is no label line"),
]


@pytest.mark.parametrize("para,why", NOT_LABEL_CASES, ids=[c[-1][:20] for c in NOT_LABEL_CASES])
def test_shapes_that_are_no_label_line(para, why):
    tasks = _tasks("某区文明创建实施方案\n三、保障措施\n（一）加强领导\n成立工作专班。\n" + para + "\n")
    assert [t.text for t in tasks] == ["成立工作专班。", para], why
    assert not any(t.fields or t.departments("any") for t in tasks)
    assert bool(tasks[1].warnings) == para.startswith("督办"), "a known label line naming no unit is warned; no other"


# (item text, expected [(text start, roles)], why): sub-items carrying their own units are items of their own.
SUB_ITEM_CASES = [
    ("3、加强市容环境整治。\n(1)整治占道经营。\n责任单位：市城管局\n(2)清理违规广告。\n责任单位：市市场监管局\n"
     "(3)改造背街小巷。\n责任单位：市住建局",
     [("3、加强市容环境整治。", {}), ("(1)整治占道经营。", {"sole": ["市城管局"]}),
      ("(2)清理违规广告。", {"sole": ["市市场监管局"]}), ("(3)改造背街小巷。", {"sole": ["市住建局"]})],
     "ASCII sub-items each closed by a label line: the line of units never runs into the next sub-item"),
    ("3、提升公共服务水平。\n（1）新建幼儿园5所。\n牵头单位：县教育局\n配合单位：县自然资源局\n（2）改扩建卫生院3所。\n牵头单位：县卫生健康局",
     [("3、提升公共服务水平。", {}), ("（1）新建幼儿园5所。", {"lead": ["县教育局"], "support": ["县自然资源局"]}),
      ("（2）改扩建卫生院3所。", {"lead": ["县卫生健康局"]})],
     "full-width sub-items with a two-line label block each"),
    ("3、加强市容环境整治。(1)整治占道经营。责任单位：市城管局 (2)清理违规广告。责任单位：市市场监管局 (3)改造背街小巷。责任单位：市住建局",
     [("3、加强市容环境整治。(1)整治占道经营。责任单位：市城管局", {"sole": ["市城管局"]}),
      ("(2)清理违规广告。责任单位：市市场监管局", {"sole": ["市市场监管局"]}),
      ("(3)改造背街小巷。责任单位：市住建局", {"sole": ["市住建局"]})],
     "one paragraph, labels without brackets after each sub-item: each label's value ends at the next marker"),
    ("3、加强市容环境整治\n(1)整治占道经营。（市城管局牵头）\n(2)清理违规广告。（市市场监管局负责）",
     [("3、加强市容环境整治", {}), ("(1)整治占道经营。（市城管局牵头）", {"lead": ["市城管局"]}),
      ("(2)清理违规广告。（市市场监管局负责）", {"sole": ["市市场监管局"]})],
     "an item's title without a stop: its first sub-item is no rest of the title line"),
    ("3、加强市容环境整治。(1)整治占道经营，严格规范临时摊点（市城管局牵头）(2)清理违规广告，开展专项整治（市市场监管局负责）"
     "(3)改造背街小巷（市住建局牵头）(4)提升绿化水平（市林业局负责）",
     [("3、加强市容环境整治。", {}), ("(1)整治占道经营，严格规范临时摊点（市城管局牵头）", {"lead": ["市城管局"]}),
      ("(2)清理违规广告，开展专项整治（市市场监管局负责）", {"sole": ["市市场监管局"]}),
      ("(3)改造背街小巷（市住建局牵头）", {"lead": ["市住建局"]}), ("(4)提升绿化水平（市林业局负责）", {"sole": ["市林业局"]})],
     "sub-items on one line, each closed by its tag without a stop: the last tag took the whole item (tagsblind9)"),
    ("3、完善公共服务：（1）新建学校2所（县教育局牵头）；（2）新建养老院1所（县民政局负责）；",
     [("3、完善公共服务：", {}), ("（1）新建学校2所（县教育局牵头）；", {"lead": ["县教育局"]}),
      ("（2）新建养老院1所（县民政局负责）；", {"sole": ["县民政局"]})],
     "full-width markers, a ； after each tag"),
    ("3、做好三项工作：(1)加强宣传；(2)开展培训；(3)强化督查。（区司法局负责）",
     [("3、做好三项工作：(1)加强宣传；(2)开展培训；(3)强化督查。（区司法局负责）", {"sole": ["区司法局"]})],
     "control: an enumeration without tags of its own, one tag for the item: one task"),
    ("3、强化要素保障。\n（1）保障用地。\n（2）保障资金。\n责任单位：区规划资源局、区财政局",
     [("3、强化要素保障。（1）保障用地。（2）保障资金。", {"shared": ["区规划资源局", "区财政局"]})],
     "control: one label line after untagged sub-items covers the whole item (dialects.md C, 运城 2017)"),
]


@pytest.mark.parametrize("body,expected,why", SUB_ITEM_CASES, ids=[c[-1][:30] for c in SUB_ITEM_CASES])
def test_sub_items_with_their_own_units(body, expected, why):
    tasks = _tasks("某市城市管理提升行动实施方案\n一、主要任务\n" + body + "\n4、强化执法保障。\n责任单位：市司法局\n")
    got = [(t.text, _roles(t)) for t in tasks[:-1]]
    assert got == expected, why
    assert (tasks[-1].text, _roles(tasks[-1])) == ("4、强化执法保障。", {"sole": ["市司法局"]})
