"""A department's list narrowed by a date to nothing, while some of its items have limits with no calendar date (6月底完成
in a plan that never names its year), says kb cannot tell — never "（2022年）共 0 项" (holdout15-final o28: 市工信局 led 28
indicators of the 2022 考评办法, every limit written as a month).  Plan written by hand for this test."""

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

PLAN = """某市2022年数字政府建设考评指标
一、政务服务
1．升级政务服务平台。（6月底完成，牵头单位：市工信局）
2．推进电子证照应用。（10月底完成，牵头单位：市工信局、市审批服务局）
3．完善网上办事指南。（2023年6月底前完成，牵头单位：市审批服务局）
"""


def _session() -> Session:
    doc, tasks = parse_document(PLAN, "kp")
    return Session(plan=Plan([doc], tasks))


def test_month_only_limits_make_no_false_zero():
    answer = _session().ask("市工信局2022年牵头哪些任务")
    assert answer.status == "not_understood", answer.text
    assert "共 0 项" not in answer.text and "没有写明年份" in answer.text and "一1" in answer.text, answer.text


def test_a_dated_list_is_unchanged():
    """Control: a unit whose limits carry their year: its list by year as before (一3 in 2023), a year with none a 0."""
    session = _session()
    answer = session.ask("市审批服务局2023年牵头哪些任务")
    assert [t.label for t in answer.tasks] == ["一3"], answer.text
