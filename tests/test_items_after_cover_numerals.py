"""A plan whose cover notice numbers its own points 一、二、三 before the plan's 一、二、三: the plan's items are counted
and listed once each.  The notice's numerals repeat the plan's in the document outline; the items of part 二 were read
once per 二 and every item was listed twice (这个方案一共有多少条 → 8 of 4; found on the lead's probe plan, session 17).
Expected figures counted by hand from the texts below (written for this test, two levels and two dialects)."""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

COVER_THEN_PROSE = """某市2024年优化营商环境专项行动实施方案

各区人民政府，市政府各部门：
现将《某市2024年优化营商环境专项行动实施方案》印发给你们，请认真组织实施。
一、各区、各部门要高度重视，于2024年3月31日前制定本单位具体措施。
二、各单位于每季度末向市发展改革委报送工作进展。
三、本通知自印发之日起施行。
某市人民政府办公室
2024年2月20日

某市2024年优化营商环境专项行动实施方案
一、总体要求
以市场主体需求为导向，持续优化营商环境。
二、主要任务
（一）压缩企业开办时间。市市场监管局要会同市公安局、市税务局推进企业开办“一网通办”。
（二）提升办理建筑许可便利度。由市住房城乡建设局牵头，市自然资源和规划局配合，2024年6月底前实现全流程网上办理。
（三）优化纳税服务。市税务局要推行非接触式办税。
（四）加强政务服务。市行政审批局负责推进“一件事一次办”。
三、保障措施
市发展改革委负责统筹协调。
"""

COVER_THEN_COUNTY = """某县农村公路养护工作方案

各乡镇人民政府，县直各部门：
一、请各乡镇于2025年4月底前上报养护计划。
二、本通知自印发之日起施行。
某县人民政府办公室
2025年3月1日

某县农村公路养护工作方案
一、工作目标
全县农村公路优良中等路率达到80%。
二、重点任务
（一）落实养护责任。县交通运输局负责制定养护考核办法。
（二）保障养护资金。县财政局负责足额安排养护资金。
（三）开展路域整治。由县交通运输局牵头，各乡镇人民政府配合，清理公路两侧堆积物。
"""


@pytest.mark.parametrize("text, question, n, why", [
    (COVER_THEN_PROSE, "这个方案一共有多少条", 4, "二（一）–（四）: the cover's 二、三 add none and double none"),
    (COVER_THEN_PROSE, "方案有哪些任务", 4, "the same four items, each once"),
    (COVER_THEN_COUNTY, "这个方案一共有多少条", 3, "county level, a cover of two points: 二（一）–（三）"),
    (COVER_THEN_COUNTY, "方案有哪些任务", 3, "each once"),
])
def test_items_listed_once(text, question, n, why):
    doc, tasks = parse_document(text, "p", "p.txt")
    answer = Session(plan=Plan([doc], tasks), strict=True).ask(question)
    labels = [t.label for t in answer.tasks if t.label.startswith("二（")]
    assert len(labels) == len(set(labels)) == n, (why, answer.text)
    assert f"共 {n} 条" in answer.text or f"共 {n} 项" in answer.text, (why, answer.text)
