"""A web page's field key spelled with spaces (``文    号 蔡政办〔2023〕1号``) keeps its 号: the 文号 an official copies never
opens with 号.  Split at its spaces, ``号蔡政办〔2023〕1号`` read as a number line of its own since 5b18578 and kb answered
文号：号蔡政办〔2023〕1号 (review-qadiff R3, fixture 07, session 17).  Texts written for this test (区/县/市)."""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.parser.cleanup import DOCUMENT_NUMBER_RE
from kb.qa import Session

PAGE = """{title}
发布机构 {issuer} 文    号 {number}
{title}
一、主要任务
（一）推进政务服务。（{unit}牵头）
"""


@pytest.mark.parametrize("issuer, number, unit", [
    ("区人民政府办公室", "蔡政办〔2023〕1号", "区政务服务局"),
    ("县人民政府办公室", "海政办发〔2022〕15号", "县行政审批局"),
    ("市人民政府", "杭政〔2024〕3号", "市数据资源局"),
])
def test_document_number_with_a_spaced_key(issuer, number, unit):
    text = PAGE.format(title="关于印发政务服务提升工作方案的通知", issuer=issuer, number=number, unit=unit)
    doc, tasks = parse_document(text, "p", "p.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask("文号是多少？").text
    assert f"文号：{number}" in answer, answer


@pytest.mark.parametrize("line, is_number, why", [
    ("号蔡政办〔2023〕1号", False, "a key's last character split off is no issuer"),
    ("蔡政办〔2023〕1号", True, "control"),
    ("国发〔2019〕3号", True, "control"),
])
def test_document_number_line(line, is_number, why):
    assert bool(DOCUMENT_NUMBER_RE.match(line)) is is_number, why
