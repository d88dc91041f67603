"""Two readings of limits in a label block's words that gave a confident wrong date (notes-review-diff R6, R7).

R6 — a date before a verb of completion in a field is a limit only when the completion is still to come: 已/已经/已于/业已
before the date or between it and the verb, or 了 right after the verb, make it a RECORD of work done (no deadline) —
6eaf852 read 建设内容：2010年已完成一期工程 as a 2010 limit, so 供水管网改造什么时候完成 offered 2010年.

R7 — a month span after a relative year (次年/翌年/明年/下一年度/下年: 完成时限：次年1-2月) is not the plan's year: d51c879 read
`2月 by` (due Feb of the plan's year for work due the next year).  Such a span is left unread here (the words stay, kind
ongoing, as at the start) — never the plan's year; and a span naming a season of continuing work (5—9月汛期, 1-6月份每月
报送, 汛期期间) is no `by` limit.  Rows (words, expected, why), written before the code."""

import pytest

from kb.parser import parse_document

FIELDS = [
    ("建设内容：2010年已完成一期工程，本年度改造老旧管网50公里。", [],
     "市: 已 between the year and 完成 — a record of past work, no limit"),
    ("建设内容：改造道路10条。该项目已于2011年底完成立项。", [], "市: 已于 before the date — done already, no limit"),
    ("目标任务：2011年已经建成标准化考场3个，2013年底前再建成5个。", ["2013年底前"],
     "县: the record (已经建成) gives nothing, the limit beside it stays"),
    ("工作目标：2012年完成了一期改造，2014年完成二期改造。", ["2014年"], "县: 了 after the verb makes 2012年 a record"),
    ("建设进度：10月份已完工主体工程，年底完成竣工验收。", ["年底"],
     "区: a bare month before 已完工 is a record; 年底完成 still to come is the limit"),
    ("目标任务：县城污水处理厂业已于2012年6月建成。", [], "县: 业已于 before a dated month"),
    ("目标任务：2013年完成已开工项目的竣工验收。", ["2013年"],
     "control: 已 after the verb (已开工项目, the object) leaves the limit"),
    ("目标任务：在已建成项目的基础上，2013年完成扩建。", ["2013年"], "control: 已 in another clause"),
    ("目标任务：年底完成省下达的总投资15%的任务。", ["年底"], "stays: 年底完成 to come"),
]


@pytest.mark.parametrize(("field", "expected", "why"), FIELDS, ids=[r[0][:14] for r in FIELDS])
def test_a_record_in_a_field_is_no_limit(field, expected, why):
    text = ("某县2012年为民办实事项目责任分解\n一、民生项目\n（一）城市供水管网改造项目。\n" + field +
            "\n牵头单位：县住建局\n配合单位：县财政局\n")
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.tag)
    assert task.lead == ["县住建局"], why
    assert [d.text for d in task.deadlines] == expected, why


TIME_LABELS = [
    ("次年1-2月", [("次年1-2月", "ongoing")], "县: a span of the next year — unread, never Feb of the plan's year"),
    ("翌年3月至4月", [("翌年3月至4月", "ongoing")], "市: 翌年 likewise"),
    ("明年1—3月", [("明年1—3月", "ongoing")], "区: 明年 likewise"),
    ("下一年度1-3月", [("下一年度1-3月", "ongoing")], "县: 下一年度 likewise"),
    ("5—9月汛期", [("5—9月汛期", "ongoing")], "县: a season of continuing work (汛期) is no `by` limit"),
    ("汛期5-9月期间", [("汛期5-9月期间", "ongoing")], "市: 期间 names a period of work"),
    ("1-6月份每月报送进度", [("每月", "recurring")], "县: 每月 after the span — a monthly report (recurring), the span no limit"),
    ("3-11月", [("3-11月", "by")], "stays: a bare span is due by its last month"),
    ("3月至4月", [("3月至4月", "by")], "stays"),
    ("2023年3月—2024年6月", [("2023年3月—2024年6月", "range")], "stays: dated range"),
]


@pytest.mark.parametrize(("words", "expected", "why"), TIME_LABELS, ids=[r[0] for r in TIME_LABELS])
def test_a_time_label_span_of_another_year_or_a_season(words, expected, why):
    text = ("某县2023年重点工作任务分解表\n一、重点任务\n1.推进老旧小区改造。责任单位：县住建局；完成时限：" + words +
            "\n2.组织义务植树。责任单位：县林业局；完成时限：3月至4月\n")
    _, tasks = parse_document(text, "p")
    task = next(t for t in tasks if t.text.startswith("1."))
    assert task.sole == ["县住建局"], why
    assert [(d.text, d.kind) for d in task.deadlines] == expected, why
