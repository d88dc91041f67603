"""A paragraph that only signs the document — a body's name and the signing date run together on one line
(平潭综合实验区管委会2017年9月1日, a DOCX's closing) — carries no time limit: 有没有规定完成时限 on a plan with none
answered "规定了时限的任务共 1 项" with that line (holdout17 d09, review-qadiff R1, session 17).  Plans written here."""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.parser.cleanup import is_signing_line
from kb.qa import Session

PLAN = """某县农村公路管护工作分工方案
一、工作分工
（一）建立管护制度。由县交通运输局牵头，建立农村公路管护联席会议制度。
（二）落实管护资金。县财政局配合县交通运输局落实管护资金。
（三）开展日常巡查。各乡镇人民政府负责辖区内农村公路日常巡查。
{closing}
"""


@pytest.mark.parametrize("line, signs, why", [
    ("平潭综合实验区管委会2017年9月1日", True, "a 管委会 and its date"),
    ("某县人民政府2024年3月1日", True, "a county government"),
    ("某市人民政府办公室 2023年12月5日", True, "a space between"),
    ("县财政局2024年6月30日前完成拨付", False, "a limit in a sentence"),
    ("各乡镇要在2024年6月30日", False, "a sentence's start, no body's name alone"),
    ("2024年3月1日", False, "a date alone is no signing line here"),
])
def test_is_signing_line(line, signs, why):
    assert is_signing_line(line) is signs, why


@pytest.mark.parametrize("closing", ["某县人民政府2024年3月1日\n（联系人：张三，联系电话：0000-1234567）",
                                     "某市人民政府办公室2023年12月5日\n（联系人：李四，联系电话：0000-7654321）"])
def test_a_plan_with_no_limit_says_so(closing):
    doc, tasks = parse_document(PLAN.format(closing=closing), "p", "p.txt")
    assert all(not t.deadlines for t in tasks), [(t.label, t.text, [d.text for d in t.deadlines]) for t in tasks]
    answer = Session(plan=Plan([doc], tasks), strict=True).ask("方案有没有规定完成时限？").text
    assert "2024年3月1日" not in answer, answer


def test_a_limit_in_a_sentence_stays():
    doc, tasks = parse_document(PLAN.format(closing="（四）拨付资金。县财政局2024年6月30日前完成资金拨付。"), "p", "p.txt")
    assert [d.text for t in tasks for d in t.deadlines] == ["2024年6月30日前"]


@pytest.mark.parametrize("line, signs, why", [
    ("国务院办公厅一九九六年二月九日（本文有删减）", True, "Chinese numerals and an editor's note after the date"),
    ("东岭区管委会2016年10月14日", True, "a 管委会"),
    ("已经2024年12月19日区政府第75次常务会审议通过", False, "a meeting's date inside a sentence"),
])
def test_is_signing_line_more(line, signs, why):
    assert is_signing_line(line) is signs, why


COVER_RECORD = """关于印发《某区海绵城市建设实施方案》的通知
各街道办事处、镇人民政府，区政府各委、办、局：
《某区海绵城市建设实施方案》已经2024年12月19日区政府第75次常务会审议通过，现印发给你们，请认真按照执行。
某区人民政府办公室
2025年1月6日
某区海绵城市建设实施方案
一、主要任务
（一）推进海绵设施建设。（区建设管理委牵头，区水务局配合）
（二）加强运行维护。（区水务局负责）
"""


def test_a_notice_record_of_a_meeting_is_no_limit():
    """A cover's single past day (a meeting that approved the plan) is named as no 时限 (review-qadiff R5: 26_putuo)."""
    doc, tasks = parse_document(COVER_RECORD, "p", "p.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask("方案有没有规定完成时限？").text
    assert "2024年12月19日" not in answer and "没有规定完成时限" in answer, answer
