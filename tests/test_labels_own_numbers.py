"""Items a plan numbers straight through its sections (1. … 24. under 二（一）…二（九）) keep the plan's own number in
their labels even when the section also holds unnumbered paragraphs (a 专栏 box, the sub-paragraphs of an item): an
official who reads ``15.加强大中小企业融通发展`` in the text must find it as 二（六）15, never as 二（六）1 (its position
in the section).  An unnumbered paragraph after item n is cited n-2, n-3 … (after the item, before the next); before
the section's first numbered item it is the section's 引言.  A section holding one item numbered 10 (numbering run
on from the sections before) is cited 二（一）10, not 二（一）.  Rows written before the code (docs3, session 16)."""

import pytest

from kb.parser import parse_document


def _labels(text):
    return [t.label for t in parse_document(text, "p")[1]]


HEAD = "某某市2024年数字经济发展行动方案\n一、总体要求\n为加快发展数字经济，制定本方案。\n二、重点任务\n"

# (the 二、重点任务 part's text, expected labels of its tasks (after the two of 一), why)
CASES = [
    ("（一）夯实网络基础\n1.推进外网建设。支持基础电信企业建设宽带网络。（市通信管理局牵头）\n"
     "2.推进内网改造。支持工业企业改造内网。（市经信局牵头）\n"
     "专栏1 网络互联工程：组织基础电信企业开展网络建设。\n"
     "（二）建设平台体系\n3.建设综合型平台。支持龙头企业建设平台。（市经信局牵头）\n"
     "专栏2 平台培育工程：支持平台企业发展。\n"
     "4.推进中小企业上云。加强上云培训。（市经信局牵头）\n",
     ["二（一）1", "二（一）2", "二（一）2-2", "二（二）3", "二（二）3-2", "二（二）4"],
     "numbering runs on (3. under （二）): each item keeps its own number, the box after item n is n-2"),
    ("（一）推进融通发展\n15.加强大中小企业融通发展。鼓励大企业开放资源。（县工信局牵头）\n"
     "16.加快三产融通发展。依托平台推动融合。（县农业农村局牵头）\n"
     "专栏9 服务业转型工程：以平台为手段创新服务。\n",
     ["二（一）15", "二（一）16", "二（一）16-2"],
     "numbers from 15 (the county plan's earlier items elsewhere): 15 and 16, never 1 and 2"),
    ("（一）推进招商引资\n10.实施招商引资行动，每年招引亿元以上项目100个。（区商务局牵头）\n"
     "（二）优化营商环境\n11.深化一网通办，网上可办率达到98%。（区政务服务中心牵头）\n",
     ["二（一）10", "二（二）11"],
     "one item per section, numbered on from 10: cited by its number (二（一） alone hid the 10)"),
    ("（一）推进招商引资\n1.实施招商引资行动，每年招引亿元以上项目100个。（区商务局牵头）\n"
     "（二）优化营商环境\n1.深化一网通办，网上可办率达到98%。（区政务服务中心牵头）\n",
     ["二（一）", "二（二）"],
     "one item per section numbered 1: the section's label alone, as before"),
    ("（一）立项阶段\n1.政府投资项目明确建设指标。（省发展改革委牵头）\n企业投资项目在备案阶段明确控制指标。\n"
     "2.土地出让阶段由主管部门发起征询。（省自然资源厅牵头）\n划拨项目由主管部门征询意见。\n出让项目纳入出让条件。\n",
     ["二（一）1", "二（一）1-2", "二（一）2", "二（一）2-2", "二（一）2-3"],
     "items numbered 1, 2 with paragraphs under each: 2 stays 2 (by position it was 二（一）3)"),
    ("（一）推进数字治理\n为推进数字治理，重点做好以下工作：\n5.建设城市大脑。（市大数据局牵头）\n6.建设一网统管平台。（市城运中心牵头）\n",
     ["二（一）引言", "二（一）5", "二（一）6"],
     "a lead-in before the run-on items: the section's 引言 (unchanged)"),
    ("（一）推进数字治理\n建设城市大脑，完善数据中台。（市大数据局牵头）\n建设一网统管平台。（市城运中心牵头）\n",
     ["二（一）1", "二（一）2"],
     "no numbers in the text: positions, as before"),
    ("（一）推进数字治理\n3.建设城市大脑。（市大数据局牵头）\n2.建设一网统管平台。（市城运中心牵头）\n说明：以上工作年底前完成。\n",
     ["二（一）1", "二（一）2", "二（一）3"],
     "numbers not rising (3 then 2) with an unnumbered paragraph: no own numbering proved — positions, as before"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[2][:40] for c in CASES])
def test_own_numbers_kept(text, expected, why):
    labels = _labels(HEAD + text)
    assert labels[1:] == expected, why


def test_labels_stay_distinct():
    text = HEAD + CASES[0][0]
    labels = _labels(text)
    assert len(labels) == len(set(labels))
