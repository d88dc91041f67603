"""Labels of the pieces of a paragraph cut at its tags (kb.parser.core.rule_labels).

A paragraph cut at its tags is ONE item of the plan (kb.parser.core._group_pieces): its pieces share the item's number
and the later ones say which piece they are with ``-N`` — ``1``, ``1-2``, ``2`` for an unnumbered section whose first
paragraph holds two tags, as numbered items already were (``11``, ``11-2``).  Before, an unnumbered section's pieces
were numbered straight through (``1``, ``2``, ``3``) — the section's SECOND paragraph was cited ``3``, and ``一（一）2``
named a piece of the first paragraph; an inline-heading measure cut at its tags lost its own label (``一（二）1``,
``一（二）2`` for the item ``一（二）``).

The plans are written by hand for this test, in several dialects and levels (县 verb brackets, 市 labelled brackets,
省 numbered items, 区 parts without sections, 〔〕 brackets); the expectations were written before the code.
"""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

# 县, verb brackets, unnumbered paragraphs under a section heading line: P1 holds two tags, P2 one.
COUNTY = """某县农村人居环境整治提升工作方案
一、重点任务
（一）推进农村厕所革命
扎实推进农村户厕改造，新改建户厕500户。（县农业农村局牵头，县卫生健康局配合）加强农村公厕管护，建立长效机制。（县住房城乡建设局牵头，县农业农村局配合）
开展农村厕所粪污治理。（县生态环境局牵头）
（二）推进生活垃圾治理
完善收运处置体系。（县城管局牵头）
健全保洁机制。（县城管局牵头，各乡镇人民政府配合）
"""

# 市, labelled brackets: inline-heading items （一）（二）…; （二） is cut at two brackets, （三） at three.
CITY = """某市推动制造业数字化转型实施方案
一、主要任务
（一）建设工业互联网平台。培育5个市级工业互联网平台。（牵头单位：市工业和信息化局；配合单位：市科技局）
（二）推进企业上云用数。实施企业上云行动。（牵头单位：市工业和信息化局；配合单位：市大数据局）建设数字化转型促进中心。（牵头单位：市大数据局；配合单位：市财政局）
（三）强化人才支撑。引进数字化转型人才。（牵头单位：市人力资源社会保障局）开展技能培训。（牵头单位：市人力资源社会保障局；配合单位：市总工会）建设实训基地。（牵头单位：市教育局）
二、保障措施
（一）加强组织领导。建立工作专班。
"""

# 省, numbered items: the plan's numbers stay, pieces are N-2 (unchanged by this rule: a control).
PROVINCE = """某省现代物流体系建设行动计划
一、重点任务
（一）完善物流基础设施
1.打造国际物流网络。加快建设国际航空货运枢纽。（省发展改革委牵头，省商务厅配合）完善中欧班列运营机制。（省交通运输厅牵头）
2.建设国家物流枢纽。推进陆港型国家物流枢纽建设。（省发展改革委牵头）
"""

# 区, a part without sections, unnumbered paragraphs in 〔〕 brackets: P1 one tag, P2 three.
DISTRICT = """某区优化营商环境三年行动方案
为持续优化营商环境，制定本方案。
一、主要任务
深化商事制度改革，推行企业开办一网通办。〔区市场监管局牵头，区政务服务中心配合〕
优化纳税服务，压缩办税时间。〔区税务局牵头〕推进不动产登记便利化。〔区自然资源局牵头，区税务局配合〕提升水电气报装效率。〔区住房城乡建设局牵头〕
二、保障措施
加强督查考核，区政府督查室负责定期通报。
"""

# A control: unnumbered paragraphs none of which is cut — numbered 1, 2, 3 as before.
PLAIN = """某县全民健身实施方案
一、重点任务
（一）完善健身设施
新建社区健身点20个。（县文化广电体育旅游局牵头）
改造提升全民健身中心。（县文化广电体育旅游局牵头，县财政局配合）
推进学校体育场地开放。（县教育局牵头）
"""

PLANS = {"county": COUNTY, "city": CITY, "province": PROVINCE, "district": DISTRICT, "plain": PLAIN}


@pytest.fixture(scope="module")
def parsed():
    out = {}
    for name, text in PLANS.items():
        doc, tasks = parse_document(text, name)
        out[name] = Plan([doc], tasks)
    return out


def _tasks(plan: Plan, start: str):
    return next(t for t in plan.tasks if start in t.text[:len(start) + 6])


# (plan, the piece's first words, its label, its item, why) — by hand, before the code.
LABEL_ROWS = [
    ("county", "扎实推进农村户厕改造", "一（一）1", "一（一）1", "P1's first piece: the paragraph's number"),
    ("county", "加强农村公厕管护", "一（一）1-2", "一（一）1", "P1's second piece: the same number, -2 (was 一（一）2)"),
    ("county", "开展农村厕所粪污治理", "一（一）2", "", "P2 is the section's 2nd paragraph: cited 2 (was 3)"),
    ("county", "完善收运处置体系", "一（二）1", "", "control: a section of uncut paragraphs is numbered as before"),
    ("county", "健全保洁机制", "一（二）2", "", "control"),
    ("city", "建设工业互联网平台", "一（一）", "", "control: an uncut inline-heading item keeps the section's label"),
    ("city", "推进企业上云用数", "一（二）", "一（二）", "an inline-heading item cut at its tags keeps its label (was 一（二）1)"),
    ("city", "建设数字化转型促进中心", "一（二）-2", "一（二）", "its second piece: -2 (was 一（二）2, which read as a 2nd item)"),
    ("city", "强化人才支撑", "一（三）", "一（三）", "three pieces: the item's label"),
    ("city", "开展技能培训", "一（三）-2", "一（三）", "-2"),
    ("city", "建设实训基地", "一（三）-3", "一（三）", "-3"),
    ("province", "打造国际物流网络", "一（一）1", "一（一）1", "control: numbered items keep the plan's number"),
    ("province", "完善中欧班列运营机制", "一（一）1-2", "一（一）1", "control: the numbered item's piece, as before"),
    ("province", "建设国家物流枢纽", "一（一）2", "", "control"),
    ("district", "深化商事制度改革", "一1", "", "a part without sections: P1 (one tag) is 一1"),
    ("district", "优化纳税服务", "一2", "一2", "P2's first piece"),
    ("district", "推进不动产登记便利化", "一2-2", "一2", "P2's second piece (was 一3)"),
    ("district", "提升水电气报装效率", "一2-3", "一2", "P2's third piece (was 一4)"),
    ("plain", "新建社区健身点", "一（一）1", "", "control: nothing cut, 1 2 3 as before"),
    ("plain", "改造提升全民健身中心", "一（一）2", "", "control"),
    ("plain", "推进学校体育场地开放", "一（一）3", "", "control"),
]


@pytest.mark.parametrize("which, start, label, item, why", LABEL_ROWS, ids=[f"{r[0]}-{r[2]}" for r in LABEL_ROWS])
def test_piece_labels(parsed, which, start, label, item, why):
    task = _tasks(parsed[which], start)
    assert (task.label, task.item) == (label, item), why


def test_ids_distinct(parsed):
    """Labels changed, ids did not: every task of a plan keeps a distinct id."""
    for name, plan in parsed.items():
        ids = [t.id for t in plan.tasks]
        assert len(ids) == len(set(ids)), name


#: (plan, question, answer holds, it must not hold, why) — by hand, before the code.
ASK_ROWS = [
    ("county", "一（一）2的牵头单位是谁", ["县生态环境局"], ["县住房城乡建设局"],
     "一（一）2 is the section's 2nd paragraph (was a piece of the 1st: 县住房城乡建设局, a confident wrong answer)"),
    ("county", "一（一）1的牵头单位是谁", ["县农业农村局", "县住房城乡建设局"], ["县生态环境局"],
     "the 1st paragraph, both pieces"),
    ("city", "一（二）的牵头单位是谁", ["市工业和信息化局", "市大数据局"], ["市人力资源社会保障局"],
     "the cut inline-heading item by its label: both pieces"),
]


@pytest.mark.parametrize("which, question, holds, lacks, why", ASK_ROWS, ids=[r[1] for r in ASK_ROWS])
def test_label_questions(parsed, which, question, holds, lacks, why):
    answer = Session(plan=parsed[which]).ask(question)
    assert answer.status == "answered", (why, answer.text)
    for word in holds:
        assert word in answer.text, (why, word, answer.text)
    for word in lacks:
        assert word not in answer.text, (why, word, answer.text)

