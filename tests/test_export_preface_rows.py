"""The task division table (任务分工表) lists the plan's tasks and the paragraphs that assign, date or set a target for
work — never the plan's preface (为…，到2025年…，制定本方案。 before 一、: it was the table's row 引言1 because it states a
year and a target) nor a cover notice's own requirements (通知一 …), unless such a paragraph names units (then it does
assign work and stays a row).  Goals under a part (二、工作目标 with their targets) stay rows as before.  Rows written
before the code (docs4 s17, cause 5)."""

import pytest

from kb.export.content import table_rows
from kb.model import Plan
from kb.parser import parse_document
from tests.test_notice_own_items import NOTICE_QU, PLAN_QU

PREFACE = "为加快数字经济发展，到2025年，全市数字经济核心产业增加值占比达到10%，制定本方案。\n"
PARTS = ("一、工作目标\n到2025年，建成5G基站5000个。\n二、重点任务\n（一）建设数字基础设施。（市工信局牵头，市通信管理局配合）\n"
         "（二）推进产业数字化，2024年底前完成100家企业改造。（市发展改革委牵头）\n")


def _rows(text):
    doc, tasks = parse_document(text, "p")
    return [t.label for t in table_rows(Plan(documents=[doc], tasks=tasks))]


# (text, expected rows, why)
CASES = [
    ("某某市数字经济发展实施方案\n" + PREFACE + PARTS, ["一", "二（一）", "二（二）"],
     "市: a preface with a year and a target is no row; the goals under 一、 are"),
    ("某某县数字乡村建设方案\n为推进数字乡村建设，由县农业农村局牵头，县网信办配合，2024年底前完成试点，制定本方案。\n" + PARTS,
     ["引言", "一", "二（一）", "二（二）"], "县: a preface naming units assigns work: a row"),
    (NOTICE_QU + PLAN_QU, ["一（一）", "一（二）", "二（一）"],
     "区: the cover notice's own requirements (通知一 due 2024年2月15日前) are no rows of the plan's table"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[2][:40] for c in CASES])
def test_preface_rows(text, expected, why):
    assert _rows(text) == expected, why
