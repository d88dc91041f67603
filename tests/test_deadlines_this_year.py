"""(labels6, s17 ROUTED tagsblind13 (g)(h)) Two readings of relative time words.

(h) This year's words keep 今年: ``今年内`` was read ``年内`` (the words lost 今), ``力争今年底建成`` ``年底``, and ``确保今年6月底前完成``
not at all (a month after 年 was taken for a dated one's tail).  They are limits of the plan's year as the bare forms are
(年内: during, no dates; 年底/6月底前: by, the year proved by the title) — with the plan's own words.
(g) A relative span that qualifies a noun or counts events is no limit: ``3年内驾龄的驾驶人`` (new drivers), ``12个月内有3次
以上违法记录`` (a record counted over a window), ``近3年内发生过事故`` (a past window).  ``3年内完成改造`` stays a limit.
Rows: (item, [(text, kind, end)], why) in a 2016 county plan — written before the code (kb/parser/deadlines.py
``find_undated``/``find_within``/``yearless_end``; targets.yaml deadlines words)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

ROWS = [
    ("今年内完成道路改造。", [("今年内", "during", None)], "今年内 as written (was 年内): during, no dates, as 年内"),
    ("本年内完成道路改造。", [("本年内", "during", None)], "本年内 alike"),
    ("力争今年底建成投用。", [("今年底", "by", "2016-12-31")], "今年底 as written (was 年底): the plan's year end"),
    ("今年年底前完成排查。", [("今年年底前", "by", "2016-12-31")], "今年年底前 as written"),
    ("确保今年6月底前完成。", [("今年6月底前", "by", "2016-06-30")], "a month of this year (was not read at all)"),
    ("年内完成道路改造。", [("年内", "during", None)], "control: 年内 unchanged"),
    ("6月底前完成排查。", [("6月底前", "by", "2016-06-30")], "control: a bare month unchanged"),
    ("对3年内驾龄的驾驶人加强教育。", [], "a span qualifying a noun (驾龄): no limit"),
    ("对12个月内有3次以上违法记录的车辆依法处理。", [], "a window over which events are counted: no limit"),
    ("对近3年内发生过安全事故的企业开展重点检查。", [], "近3年内: a past window, no limit"),
    ("对一年内累计发生两起事故的企业约谈。", [], "counted events (累计发生两起): no limit"),
    ("3年内完成老旧小区改造。", [("3年内", "within", None)], "control: a span before a completion verb stays a limit"),
    ("本方案印发之日起30日内报送实施细则。", [("本方案印发之日起30日内", "within", None)], "control: from the plan's issue"),
]


@pytest.mark.parametrize(("item", "expected", "why"), ROWS, ids=[r[2][:30] for r in ROWS])
def test_this_year_words_and_spans(item, expected, why):
    _, tasks = parse_document(f"某县2016年交通安全工作要点\n\n一、重点工作\n1.{item}\n", "d")
    task = next(t for t in tasks if t.text.startswith("1."))
    assert [(d.text, d.kind, d.end) for d in task.deadlines] == expected, why
