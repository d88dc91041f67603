"""Labels read by their make-up: a role word, a qualifier of the work, then 单位/部门 (``牵头考核单位``, ``牵头落实单位``,
``配合落实单位``, ``责任考核单位``) — a 考评办法 names each indicator's lead so: ``（6月底完成，牵头考核单位：X、Y）``.  Before, the
known field label ``考核单位`` inside ``牵头考核单位`` was matched on its own and the whole label read as an unknown one with
no value: the tag kept no unit ("标签后没有单位名称", holdout15 routed to labels3).  A checker's label alone (考核单位,
督查单位) stays a field: the bodies that check the work are no doers.  Rows (tag, expected roles, deadlines, why), written
before the code."""

import pytest

from kb.parser import parse_document

ROWS = [
    ("（6月底完成，牵头考核单位：市发改委、市统计局）", {"lead": ["市发改委", "市统计局"]}, ["6月底"],
     "市 考评办法: a time, then the lead label by its make-up (two leads)"),
    ("（牵头考核单位：县农业农村局；配合考核单位：县财政局）", {"lead": ["县农业农村局"], "support": ["县财政局"]}, [],
     "县: a lead and a support label of the same make-up"),
    ("（12月底完成，牵头落实单位：区住建局；配合落实单位：区财政局、各街道）",
     {"lead": ["区住建局"], "support": ["区财政局", "各街道"]}, ["12月底"], "区: 落实 as the qualifier"),
    ("（责任考核单位：省人力资源社会保障厅）", {"sole": ["省人力资源社会保障厅"]}, [],
     "省: a responsible label of that make-up, alone: its one unit alone"),
    ("（年底完成，考核单位：市委督查室）", {}, ["年底"],
     "control: a checker's label alone is a field — no doer named (honest: no roles; its 年底完成 is the item's limit, read "
     "in the item's words since prose6's sentence limits, session 15)"),
    ("（牵头单位：市发改委，督查单位：市政府督查室）", {"lead": ["市发改委"]}, [],
     "control: the checker beside a lead is no support"),
]


@pytest.mark.parametrize(("tag", "roles", "deadlines", "why"), ROWS, ids=[r[-1][:14] for r in ROWS])
def test_a_label_by_its_make_up(tag, roles, deadlines, why):
    text = "某市2020年度目标管理考评办法\n一、考核指标\n1.地区生产总值增长7%。" + tag + "\n2.加快项目建设。（市发改委牵头）\n"
    _, tasks = parse_document(text, "p")
    task = tasks[0]
    assert task.text.startswith("1.地区生产总值增长7%。")
    assert {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)} == roles, why
    assert [d.text for d in task.deadlines] == deadlines, why
    if roles:
        assert not [w for w in task.warnings if "标签后没有单位名称" in w or "标签不在词表中" in w], why


QUALIFIED = [
    ("（市级牵头单位：市发改委；区级责任单位：各区政府）", {"lead": ["市发改委"], "support": ["各区政府"]}, [],
     "a level before a known label: the label's kind; the level no segment of its own"),
    ("（6月底完成，具体落实单位：市住建局）", {"sole": ["市住建局"]}, ["6月底"], "a manner word before 落实单位"),
    ("（协调督办单位：市政府办；牵头单位：市商务局）", {"lead": ["市商务局"]}, [],
     "a checker's label qualified (协调督办单位) stays a field, not a support"),
]


@pytest.mark.parametrize(("tag", "roles", "deadlines", "why"), QUALIFIED, ids=[r[-1][:14] for r in QUALIFIED])
def test_a_known_label_closing_a_longer_one(tag, roles, deadlines, why):
    """A known label closing a longer one (市级牵头单位) is that label, qualified: read whole — before, the known label was
    read alone and the words before it were an unknown label with no value (two warnings, and 市级 a segment of no role)."""
    text = "某市2020年度重点工作任务分解方案\n一、重点工作\n1.推进项目建设。" + tag + "\n"
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.text.startswith("1."))
    assert {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)} == roles, why
    assert [d.text for d in task.deadlines] == deadlines, why
    assert task.warnings == [], why


BARE_ENDS = [
    ("（年底完成，牵头考核单位：市发改委）", {"lead": ["市发改委"]}, [("年底", "by", "2021-12-31")],
     "a tag's time segment 年底完成: the year's end, a limit (was not read)"),
    ("（牵头单位：县农业农村局；完成时限：年底完成）", {"lead": ["县农业农村局"]}, [("年底", "by", "2021-12-31")],
     "a time label's value 年底完成: by the year's end (was kind ongoing, 年底完成 — a limit read as no end)"),
    ("（区住建局牵头，10月份完成）", {"lead": ["区住建局"]}, [("10月份", "by", "2021-10-31")], "a month before 完成 in a verb tag"),
    ("（牵头单位：省发展改革委；完成时间：年底）", {"lead": ["省发展改革委"]}, [("年底", "by", "2021-12-31")],
     "a time label's value 年底 alone: the label says it is a limit"),
    ("（牵头单位：市商务局；完成时限：长期坚持）", {"lead": ["市商务局"]}, [],
     "control: open-ended words set no limit (as before)"),
]


@pytest.mark.parametrize(("tag", "roles", "deadlines", "why"), BARE_ENDS, ids=[r[-1][:14] for r in BARE_ENDS])
def test_a_bare_end_in_a_tag(tag, roles, deadlines, why):
    """The year's end or a month written bare (年底完成, 10月份完成, 完成时间：年底) in a tag's words is a limit, kind by —
    as 6月底前; found plans' 完成时限 values hold it (labels3, with holdout15's 考评办法 form).  Its year is the plan's only
    where the plan proves one (prose6, session 15: a one-year title, 某市2021年…方案 → 2021); a span title leaves it
    without a date (below)."""
    text = "某市2021年重点工作任务分解方案\n一、重点工作\n1.推进项目建设。" + tag + "\n"
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.text.startswith("1."))
    assert {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)} == roles, why
    assert [(d.text, d.kind, d.end) for d in task.deadlines] == deadlines, why
    assert all(d.start is None for d in task.deadlines), why
    span = "某市重点工作任务分解方案（2021—2023年）\n一、重点工作\n1.推进项目建设。" + tag + "\n"
    task = next(t for t in parse_document(span, "p")[1] if t.text.startswith("1."))
    assert [(d.text, d.kind, d.end) for d in task.deadlines] == [(x, k, None) for x, k, _ in deadlines], why


QUALIFIED_LINES = [
    ("市级牵头单位：市住建局\n区级责任单位：各区政府", {"lead": ["市住建局"], "support": ["各区政府"]},
     "市: label lines qualified by their level (a block: each line its own label)"),
    ("牵头考核单位：县统计局\n配合考核单位：县发改局、县财政局", {"lead": ["县统计局"], "support": ["县发改局", "县财政局"]},
     "县: label lines by their make-up"),
    ("具体落实单位：区城管局", {"sole": ["区城管局"]}, "区: a manner word before 落实单位, alone"),
]


@pytest.mark.parametrize(("lines", "roles", "why"), QUALIFIED_LINES, ids=[r[-1][:10] for r in QUALIFIED_LINES])
def test_qualified_label_lines(lines, roles, why):
    """Dialect C with labels qualified or made up (市级牵头单位：X / 区级责任单位：Y under an item): a block of label lines,
    read as the tag of the item above — before, the lines were glued into one paragraph and the item kept no unit."""
    text = "某市2021年重点工作任务分解方案\n一、重点工作\n1.推进老旧小区改造，完成改造30个小区。\n" + lines + "\n2.加快项目建设。（市发改委牵头）\n"
    _, tasks = parse_document(text, "p")
    assert [t.text[:6] for t in tasks] == ["1.推进老旧", "2.加快项目"], why
    task = tasks[0]
    assert {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)} == roles, why


def test_a_paragraph_opening_with_a_group_and_a_label_word_is_no_label_line():
    """各牵头单位：要…, 有关责任单位：… open a paragraph addressed to a group — no label line (a label's qualifier is a level,
    a manner or a work word, never a group)."""
    from kb.parser.roles import is_label_line

    assert not is_label_line("各牵头单位：要切实履行牵头抓总职责，定期调度工作进展。")
    assert not is_label_line("有关责任单位：要按照职责分工抓好落实。")
    assert is_label_line("市级牵头单位：市住建局")
