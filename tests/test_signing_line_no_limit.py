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
