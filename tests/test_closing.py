"""The closing after the last task (signature, date, 此件公开发布, 抄送) is the document's ``closing``, no task:
table rows (the plan's last lines → closing, last task's text → why), then a real plan."""

from pathlib import Path

import pytest

from kb.parser import parse_document

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
HEAD = "某某意见\n一、任务\n1.加强管理。（市X局负责）\n二、保障\n各地区要抓好落实。\n"

# (the plan's last lines, expected closing, expected last task text, why)
CASES = [
    ("国务院\n2018年12月21日\n（此件公开发布）\n", "国务院2018年12月21日（此件公开发布）", "各地区要抓好落实。",
     "signature, date and note on three lines, joined by cleanup: the closing"),
    ("国务院办公厅\n二〇一八年十二月十一日\n", "国务院办公厅二〇一八年十二月十一日", "各地区要抓好落实。", "a date in Chinese numerals"),
    ("(此件主动公开)\n", "(此件主动公开)", "各地区要抓好落实。", "the note alone"),
    ("某市人民政府办公室2023年3月1日印发\n", "某市人民政府办公室2023年3月1日印发", "各地区要抓好落实。", "an 印发 line"),
    ("抄送：市委各部门，市人大常委会办公室。\n", "抄送：市委各部门，市人大常委会办公室。", "各地区要抓好落实。", "an 抄送 line"),
    ("到2020年底完成。\n", None, "到2020年底完成。", "a sentence with a date is a task, not a closing"),
    ("2023年3月1日起施行。\n", None, "2023年3月1日起施行。", "a date with more words is a task"),
]


@pytest.mark.parametrize("tail,closing,last,why", CASES, ids=[c[-1] for c in CASES])
def test_closing(tail, closing, last, why):
    doc, tasks = parse_document(HEAD + tail, "p")
    assert (doc.closing, tasks[-1].text) == (closing, last), why


def test_signature_before_the_first_part_stays_where_it_is():
    # A cover notice's signature before the plan is no closing (the closing follows the last task).
    doc, tasks = parse_document("某市人民政府\n2023年3月28日\n某市实施方案\n一、任务\n1.甲。（市X局负责）\n", "p")
    assert doc.closing is None and tasks[-1].text == "1.甲。（市X局负责）"


def test_state_council_plan_signature_is_no_task():
    doc, tasks = parse_document((PLANS / "02_nongjihua_guofa2018-42.txt").read_text("utf-8"), "02")
    assert doc.closing == "国务院2018年12月21日（此件公开发布）"
    assert tasks[-1].label == "八（二十）" and not any("此件公开发布" in t.text for t in tasks)
