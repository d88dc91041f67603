"""Two (or more) documents in one file: a notice handing on 《若干政策》 and 《行动计划》, each numbered from 一、 (kb/parser/
structure.py ``outline``: a title line, its preamble, then 一、 again after a part 二 or later opens a document of its
own, ``Outline.divisions``).  Each document's parts, sections, labels and ids are its own — before, the plan's 二
merged the policy's 二 with the action plan's 二, items shared labels and ids, and counts merged them.

Table-driven: text → documents / labels → why; written before the code.  Forms of the genre at 省, 市 and 县 level in
the dialects of shared/dialects.md (prose, A1 brackets, B labels); the must-NOT-split rows keep today's outline."""

from pathlib import Path

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs
from kb.parser.structure import outline

# 省: a notice, 若干政策 (paragraphs under 一…三, no tags), then 行动计划 (title with its years, preamble, sections, A1 tags).
PROVINCE = """某省人民政府办公厅关于印发支持数字经济发展若干政策和某省数字经济创新发展行动计划（2024—2026年）的通知
各市人民政府，省政府各部门：
《支持数字经济发展若干政策》《某省数字经济创新发展行动计划（2024—2026年）》已经省政府同意，现印发给你们，请认真抓好落实。
某省人民政府办公厅
2024年3月1日
支持数字经济发展若干政策
为加快我省数字经济发展，制定以下政策。
一、支持平台建设
培育各类平台。对新认定的省级平台给予一次性奖补。
推动企业上云。对上云企业给予补助。
二、支持企业转型
加快设备改造。省级按照设备购置额的10%给予奖补。
三、支持人才培养
每年培训专业技术人才1万名。
本政策自2024年开始执行，由省经济和信息化厅负责解释。
某省数字经济创新发展行动计划（2024—2026年）
为深入实施数字经济创新发展战略，特制定本行动计划。
一、总体要求
到2026年，数字经济核心产业增加值占比达到12%。
二、行动步骤
（一）网络强基行动。
1.推进外网建设。支持基础电信企业建设宽带网络。（省通信管理局牵头，省发展改革委配合）
2.推进内网改造。支持企业改造内网。（省经济和信息化厅牵头）
（二）平台赋能行动。
3.建设综合型平台。支持头部企业建设平台。（省经济和信息化厅牵头，省科技厅配合）
（三）融合应用行动。
4.深化融合应用。推广典型应用场景。（省经济和信息化厅、省通信管理局牵头）
三、保障措施
（一）加强组织领导。建立省级工作专班。（省经济和信息化厅牵头）
"""

# 市: no notice; the first document's title opens the file; B labels (牵头单位：…); the second an 工作方案.
CITY = """某市促进消费若干措施
为促进消费持续恢复，制定如下措施。
一、扩大汽车消费
（一）开展汽车促销活动。（牵头单位：市商务局，配合单位：市财政局）
二、提振餐饮消费
（二）发放餐饮消费券。（牵头单位：市商务局）
（三）支持夜间经济。（牵头单位：市文化广电旅游局）
某市促进消费工作方案
根据《某省促进消费若干措施》要求，结合我市实际，制定本方案。
一、工作目标
全年社会消费品零售总额增长6%。
二、主要任务
（一）培育消费新场景。（牵头单位：市商务局，配合单位：各区人民政府）
（二）完善消费设施。（牵头单位：市住房城乡建设局）
"""

# 县: both documents are 实施方案: their kind word does not tell them apart, their titles do.
COUNTY = """某县农村人居环境整治实施方案
为持续改善农村人居环境，建设宜居宜业和美乡村，结合我县实际，制定本方案。
一、重点任务
1.推进厕所改造。因地制宜推进农村户用厕所改造，2025年底前完成改造任务，建立长效管护机制。（县农业农村局负责）
2.治理生活垃圾。（县住房城乡建设局负责）
二、保障措施
3.加强组织领导。（县委农办负责）
某县农村生活污水治理实施方案
为推进农村生活污水治理，制定本方案。
一、治理目标
到2025年，农村生活污水治理率达到40%。
二、重点任务
1.建设污水管网。优先治理水源保护区、城乡接合部和中心村的生活污水，完善管网和处理设施。（县生态环境局负责）
"""


def _doc(text):
    return parse_document(text, "two")


def _outline(text):
    return outline(clean_paragraphs(text), "two")


# ---------------------------------------------------------------- the documents a file holds

# 县: the second title glued to its preamble on one line (a kind cleanup does not know as a title: 若干规定).
GLUED = """某县支持民营经济发展若干措施
为支持民营经济发展，制定本措施。
一、降低经营成本
1.落实减税降费政策。（县税务局负责）
二、优化营商环境
2.推行极简审批。（县行政审批局负责）
某县优化营商环境若干规定为持续优化营商环境，根据有关法规，结合本县实际，特制定以下规定：
一、市场准入
1.全面实施市场准入负面清单制度。（县市场监管局负责）
"""

# 市: the notice's title names both documents in book-title marks (关于印发《A》和《B》的通知) and the first document's
# title line follows the notice's body — the first document was cited by the WHOLE notice title (《某市…的通知》一).
MARKED = """某市人民政府办公室关于印发《某市促进数字经济发展若干措施》和《某市数字经济发展行动计划（2024—2026年）》的通知
各区人民政府，市政府各部门：
《某市促进数字经济发展若干措施》和《某市数字经济发展行动计划（2024—2026年）》已经市政府同意，现印发给你们，请认真贯彻执行。
某市促进数字经济发展若干措施
为加快数字经济发展，制定以下措施。
一、支持数字基础设施建设。对新建5G基站给予每个1万元补贴。（责任单位：市通信发展办、市财政局）
二、支持企业上云用云。对上云企业给予不超过10万元奖励。（责任单位：市工业和信息化局）
三、加强人才引进。（责任单位：市人力资源社会保障局）
某市数字经济发展行动计划（2024—2026年）
为推动数字经济高质量发展，制定本行动计划。
一、总体要求
到2026年，数字经济核心产业增加值占地区生产总值比重达到10%。
二、数字产业化行动
（一）培育集成电路产业。（市工业和信息化局牵头，市科技局配合）
"""

DIVISIONS = [
    (MARKED, ["某市促进数字经济发展若干措施", "某市数字经济发展行动计划（2024—2026年）"], ["若干措施", "行动计划"],
     "市: a notice naming 《A》和《B》 is the file's name — its first document is the name handed on other than the one "
     "the later title line opens, cited by its kind (it was the whole notice title in 《》 before every label)"),
    (PROVINCE, ["支持数字经济发展若干政策", "某省数字经济创新发展行动计划（2024—2026年）"], ["若干政策", "行动计划"],
     "省: a notice hands on two documents; the second's title, its preamble, then 一、 after 三、"),
    (CITY, ["某市促进消费若干措施", "某市促进消费工作方案"], ["若干措施", "工作方案"],
     "市: no notice, the file opens with the first document's title; the preamble quotes another title (a sentence)"),
    (GLUED, ["某县支持民营经济发展若干措施", "某县优化营商环境若干规定"], ["若干措施", "规定"],
     "县: the second title glued to its preamble (…若干规定为持续优化…，特制定以下规定：): cut where the preamble opens"),
    (COUNTY, ["某县农村人居环境整治实施方案", "某县农村生活污水治理实施方案"],
     ["《某县农村人居环境整治实施方案》", "《某县农村生活污水治理实施方案》"],
     "县: two 实施方案 — the kind word would cite both alike, so each is cited by its whole title"),
]


@pytest.mark.parametrize(("text", "titles", "cites", "why"), DIVISIONS, ids=[c[3][:30] for c in DIVISIONS])
def test_divisions(text, titles, cites, why):
    doc, _ = _doc(text)
    assert [t for _, t in doc.divisions] == titles, why
    assert [c for c, _ in doc.divisions] == cites, why


# ---------------------------------------------------------------- labels, ids, parts: each document's own

LABELS = [
    (MARKED, "对上云企业", "若干措施二", "the first document of a notice naming both is cited by its kind, never the notice title"),
    (MARKED, "（一）培育集成电路产业", "行动计划二（一）", "the second document as before"),
    (PROVINCE, "推进外网建设", "行动计划二（一）1", "the plan's item 1 of （一） under its 二: the plan's cite before its own label"),
    (PROVINCE, "加快设备改造", "若干政策二", "the policy's 二 holds one paragraph: cited 若干政策二, not merged with the plan's 二"),
    (PROVINCE, "培育各类平台", "若干政策一1", "the first document is cited by its kind word too: every label says its document"),
    (PROVINCE, "为深入实施数字经济创新发展战略", "行动计划引言",
     "the plan's preamble is its opening, never a paragraph of the policy's last part 三"),
    (PROVINCE, "本政策自2024年开始执行", "若干政策三2", "the policy's closing words stay the policy's"),
    (CITY, "发放餐饮消费券", "若干措施二（二）", "an inline-heading item of the first document"),
    (CITY, "培育消费新场景", "工作方案二（一）", "the second document's （一） under its 二"),
    (COUNTY, "建设污水管网", "《某县农村生活污水治理实施方案》二",
     "the whole title cites a document whose kind word is shared (one paragraph in its part: the part's label)"),
]


@pytest.mark.parametrize(("text", "opening", "label", "why"), LABELS, ids=[c[3][:30] for c in LABELS])
def test_labels(text, opening, label, why):
    _, tasks = _doc(text)
    found = [t.label for t in tasks if t.text.startswith(opening) or (t.title or "").startswith(opening)
             or t.body.lstrip("0123456789.（）()一二三").startswith(opening)]
    assert found == [label], why


@pytest.mark.parametrize("text", [PROVINCE, CITY, COUNTY], ids=["province", "city", "county"])
def test_no_two_items_share_an_id_or_a_label(text):
    _, tasks = _doc(text)
    assert len({t.id for t in tasks}) == len(tasks)
    assert len({t.label for t in tasks}) == len(tasks)


def test_parts_are_each_documents_own():
    doc, tasks = _doc(PROVINCE)
    assert doc.parts == [("若干政策一", "支持平台建设"), ("若干政策二", "支持企业转型"), ("若干政策三", "支持人才培养"),
                         ("行动计划一", "总体要求"), ("行动计划二", "行动步骤"), ("行动计划三", "保障措施")]
    assert [label for label, _ in doc.sections] == ["行动计划二（一）", "行动计划二（二）", "行动计划二（三）", "行动计划三（一）"]
    lead = [t.label for t in tasks if "省经济和信息化厅" in t.lead]
    # (a section of one paragraph is cited by the section, whatever its number: the labels rule, unchanged)
    assert lead == ["行动计划二（一）2", "行动计划二（二）3", "行动计划二（三）4", "行动计划三（一）"]


def test_roles_unchanged_by_the_split():
    """The documents' tags read as before: the split renames, it never re-reads a tag."""
    _, tasks = _doc(CITY)
    assert [(t.label, t.lead, t.support) for t in tasks if t.kind != "paragraph"] == [
        ("若干措施一（一）", ["市商务局"], ["市财政局"]), ("若干措施二（二）", ["市商务局"], []),
        ("若干措施二（三）", ["市文化广电旅游局"], []), ("工作方案二（一）", ["市商务局"], ["各区人民政府"]),
        ("工作方案二（二）", ["市住房城乡建设局"], [])]


# ---------------------------------------------------------------- must NOT split

NOT_SPLIT = [
    ("""某区垃圾分类实施方案
一、总体要求
到2025年，回收利用率达到35%。
二、重点任务
1.推进源头减量。（区绿化市容局牵头）
附件
重点任务清单
一、源头减量
1.推广净菜上市。（区商务委牵头）
""", ["一", "二"], "an annex after the body restarts at 一、: the annex's, never a document (annex_caption opens it first)"),
    ("""某市交通强市实施方案
一、总体要求
为落实《某省交通强省行动计划》，制定本方案。
二、重点任务
1.完善路网。（市交通运输局牵头）
根据《某市综合交通规划》，现提出以下要求。
一、加快建设
2.建设枢纽。（市交通运输局牵头）
""", ["一", "二", "一"], "a preamble quoting another title is a sentence, no title line: a restart with no title splits nothing"),
    ("""某县乡村振兴行动计划
一、总体要求
到2025年，农民收入增长8%。
二、重点任务
1.发展特色产业。（县农业农村局牵头）
某县乡村振兴重点项目清单
1.建设冷链物流中心。（县商务局牵头）
2.建设农产品加工园。（县发展改革局牵头）
三、保障措施
3.加强组织领导。（县委农办牵头）
""", ["一", "二", "三"], "a title-like line (…清单) with no numbering restarting after it: a heading inside the plan"),
    ("""某区关于做好2023年重点工作的通知
各街道办事处，区政府各部门：
2023年重点工作方案已经区政府同意，现印发给你们，并就有关事项通知如下：
一、提高认识
二、加强考核
三、及时报送
某区人民政府办公室
2023年1月3日
某区2023年重点工作方案
为做好全年工作，制定本方案。
一、主要目标
1.地区生产总值增长7%。（区发展改革局负责）
""", None, "a notice with its own 一、二、三 then its signature and date: what follows a signature is no second document"),
]


@pytest.mark.parametrize(("text", "parts", "why"), NOT_SPLIT, ids=[c[2][:30] for c in NOT_SPLIT])
def test_not_split(text, parts, why):
    o = _outline(text)
    assert o.divisions == [], why
    if parts is not None:
        assert [n for n, _ in o.parts] == parts, why


# ---------------------------------------------------------------- questions: each document named

def _ask(text, *turns):
    from kb.model import Plan
    from kb.qa import Session

    doc, tasks = _doc(text)
    s = Session(plan=Plan([doc], tasks), strict=True)
    for t in turns[:-1]:
        s.ask(t)
    return s.ask(turns[-1])


QUESTIONS = [
    (PROVINCE, "方案分为几个部分", None,
     ["支持数字经济发展若干政策】分为 3 个部分", "行动计划（2024—2026年）】分为 3 个部分", "二、行动步骤（3 个方面，4 项任务）"],
     ["6 个部分", "若干政策二、"],
     "the parts of each document under its title, numbered as it numbers them — not one plan of 6 parts"),
    (PROVINCE, "行动计划分为几个部分", None,
     ["《某省数字经济创新发展行动计划（2024—2026年）》分为 3 个部分", "一、总体要求", "三、保障措施"], ["支持平台建设"],
     "the document the question names by its kind: its parts alone"),
    (PROVINCE, "第二部分包括哪些方面", None,
     ["各有第二部分", "《支持数字经济发展若干政策》二、支持企业转型", "二、行动步骤（3 个方面，4 项任务）"], ["没有第二部分"],
     "第二部分 of a file of two documents: each document's 二, named — neither 'no part 二' nor one of them alone"),
    (PROVINCE, "行动计划的第二部分包括哪些方面", None,
     ["包括 3 个方面", "行动计划二（一）网络强基行动", "行动计划二（三）融合应用行动"], ["支持企业转型"],
     "the named document's 二: its sections"),
    (PROVINCE, "第五部分包括哪些方面", "not_in_plan", ["没有第五部分"], [],
     "a part neither document has: not in the plan"),
    (CITY, "若干措施分为几个部分", None, ["《某市促进消费若干措施》分为 2 个部分"], ["工作目标"],
     "市: the first document named by its kind"),
]


@pytest.mark.parametrize(("text", "question", "status", "words", "absent", "why"), QUESTIONS,
                         ids=[c[5][:30] for c in QUESTIONS])
def test_structure_questions(text, question, status, words, absent, why):
    a = _ask(text, question)
    if status is not None:
        assert a.status == status, (a.status, a.text, why)
    for w in words:
        assert w in a.text, (w, a.text, why)
    for w in absent:
        assert w not in a.text, (w, a.text, why)


def test_unit_list_names_each_items_document():
    """A unit's tasks across both documents: every item's label says its document (no two 二（一）)."""
    a = _ask(CITY, "市商务局牵头哪些任务")
    assert [t.label for t in a.tasks] == ["若干措施一（一）", "若干措施二（二）", "工作方案二（一）"], a.text


SCOPED = [
    (CITY, "在工作方案中市商务局牵头哪些任务", ["工作方案二（一）"],
     "在X中 naming one document of the file by its kind: that document's tasks alone (the policy's two are not asked)"),
    (PROVINCE, "在行动计划中省经济和信息化厅牵头哪些任务",
     ["行动计划二（一）2", "行动计划二（二）3", "行动计划二（三）4", "行动计划三（一）"], "省: the action plan named by its kind"),
    (CITY, "若干措施里市商务局牵头哪些任务", ["若干措施一（一）", "若干措施二（二）"], "the first document named, 里 after it"),
    (CITY, "市商务局牵头哪些任务", ["若干措施一（一）", "若干措施二（二）", "工作方案二（一）"],
     "no document named: both documents' tasks, each label saying its document"),
]


@pytest.mark.parametrize(("text", "question", "labels", "why"), SCOPED, ids=[c[3][:30] for c in SCOPED])
def test_scoped_to_the_document_named(text, question, labels, why):
    a = _ask(text, question)
    assert [t.label for t in a.tasks] == labels, (a.text, why)


def test_a_name_another_loaded_plan_holds_names_no_document():
    """在行动计划中 with a second file loaded whose own title ends 行动计划: the name is not proved to be the file's
    document — no document of the file is named (the plan-name reading decides, as before)."""
    from kb.model import Plan
    from kb.qa import Session

    doc, tasks = _doc(PROVINCE)
    other, more = parse_document("某省人工智能产业发展行动计划\n一、重点任务\n1.建设算力中心。（省发展改革委牵头）\n", "other")
    s = Session(plan=Plan([doc, other], tasks + more), strict=True)
    assert s.read_query("在行动计划中省发展改革委牵头哪些任务").division is None


@pytest.mark.parametrize(("text", "name", "why"), [
    (PROVINCE, "某省人民政府办公厅关于印发支持数字经济发展若干政策和某省数字经济创新发展行动计划（2024—2026年）的通知",
     "a notice hands both documents on: the file is named by the notice, never by its first document alone"),
    (CITY, "某市促进消费若干措施", "no notice: the file's title is its first document's, as before"),
], ids=["notice", "no notice"])
def test_file_name(text, name, why):
    doc, _ = _doc(text)
    assert doc.name == name, why


ORDINALS = [
    (PROVINCE, "行动计划的第二个行动是什么", "answered", ["行动计划二（二）3"], ["平台赋能行动"],
     "the Nth of the named document's sections titled …行动 (one part holds them): that section"),
    (PROVINCE, "行动计划的第四个行动是什么", "not_in_plan", [], ["没有第4节（共 3 节）"],
     "a fourth 行动 of three: not in the plan — never the item numbered 4"),
    (PROVINCE, "行动计划的第三条是什么", "answered", ["行动计划二（二）3"], ["第3条是 行动计划二（二）3"],
     "第三条 of the named document: the item it numbers 3"),
    (PROVINCE, "若干政策的第二条是什么", "not_in_plan", [], ["没有第2条（条目没有编号）"],
     "the policy numbers no item: its one tagged paragraph (labelled 若干政策三2 by kb) is no 第2条"),
]


@pytest.mark.parametrize(("text", "question", "status", "labels", "words", "why"), ORDINALS,
                         ids=[c[5][:30] for c in ORDINALS])
def test_ordinal_of_a_named_document(text, question, status, labels, words, why):
    a = _ask(text, question)
    assert a.status == status, (a.status, a.text, why)
    assert [t.label for t in a.tasks] == labels, (a.text, why)
    for w in words:
        assert w in a.text, (w, a.text, why)


def test_a_part_no_document_has():
    """第五部分 of a file whose documents have 3 parts each: not in the plan, each document's parts under its title."""
    a = _ask(PROVINCE, "第五部分包括哪些方面")
    assert a.status == "not_in_plan"
    assert "《支持数字经济发展若干政策》共 3 个部分：一、支持平台建设" in a.text, a.text
    assert "共 6 个部分" not in a.text and "若干政策一、" not in a.text, a.text


# ---------------------------------------------------------------- a real file: 国办发〔2018〕124号, two 规定

REAL_124 = Path(__file__).resolve().parent / "fixtures" / "documents" / "guobanfa2018-124.txt"


def test_real_two_regulations():
    """Counted by hand from the file: the first 规定 has parts 一…九, the second 一…四; both number an item 二（九） (the
    first's 推进国有文化资本授权经营, the second's 对投资兴办文化企业的) — before, one label, one id, one merged item.  The
    second title was glued by cleanup to its preamble (规定 is no title word of cleanup): cut at 为 (glued_title)."""
    doc, tasks = parse_document(REAL_124.read_text("utf-8"), "g124")
    first, second = "文化体制改革中经营性文化事业单位转制为企业的规定", "进一步支持文化企业发展的规定"
    assert doc.divisions == [(f"《{first}》", first), (f"《{second}》", second)]
    assert len([p for p in doc.parts if p[0].startswith(f"《{first}》")]) == 9
    assert len([p for p in doc.parts if p[0].startswith(f"《{second}》")]) == 4
    nine = [t for t in tasks if t.label.endswith("二（九）")]
    assert [t.label for t in nine] == [f"《{first}》二（九）", f"《{second}》二（九）"]
    assert nine[0].text.startswith("（九）推进国有文化") and nine[1].text.startswith("（九）对投资兴办文化")
    assert len({t.id for t in tasks}) == len({t.label for t in tasks}) == len(tasks)
    preamble = [t for t in tasks if t.label == f"《{second}》引言"]
    assert [t.text for t in preamble] == ["为进一步深化文化体制改革，促进文化企业发展，特制定以下规定："]


def test_real_two_regulations_questions():
    from kb.model import Plan
    from kb.qa import Session

    doc, tasks = parse_document(REAL_124.read_text("utf-8"), "g124")
    s = Session(plan=Plan([doc], tasks), strict=True)
    a = s.ask("方案分为几个部分")
    assert "转制为企业的规定】分为 9 个部分" in a.text and "进一步支持文化企业发展的规定】分为 4 个部分" in a.text, a.text
    a = s.ask("进一步支持文化企业发展的规定分为几个部分")
    assert "《进一步支持文化企业发展的规定》分为 4 个部分" in a.text and "关于公司制股份制改革" not in a.text, a.text


def test_a_kind_another_loaded_plan_holds_names_no_document_for_structure_or_ordinals():
    """行动计划分为几个部分 / 行动计划的第二个行动 with another …行动计划 loaded: the kind does not prove the file's document
    is asked — no document of the file is named (Query.division None)."""
    from kb.model import Plan
    from kb.qa import Session

    doc, tasks = _doc(PROVINCE)
    other, more = parse_document("某省人工智能产业发展行动计划\\n一、重点任务\\n1.建设算力中心。（省发展改革委牵头）\\n", "other")
    s = Session(plan=Plan([doc, other], tasks + more), strict=True)
    assert s.read_query("行动计划分为几个部分").division is None
    assert s.read_query("行动计划的第二个行动是什么").division is None
    single = Session(plan=Plan([doc], tasks), strict=True)
    assert single.read_query("行动计划分为几个部分").division == "行动计划"


@pytest.mark.parametrize(("notice", "named", "first", "why"), [
    ("某市人民政府办公室关于印发《某市促进消费若干措施》和《某市促进消费工作方案》的通知", "某市促进消费工作方案",
     "某市促进消费若干措施", "the other name handed on"),
    ("关于印发《A市若干措施》和《A市行动计划（2024—2026年）》的通知", "A市行动计划（2024-2026年）",
     "A市若干措施", "the bracket of years is not compared: a title line writing its dash otherwise is the same name"),
    ("关于印发《A市若干措施》和《A市行动计划（2024—2026年）》的通知", "A市 行动计划（2024—2026年）",
     "A市若干措施", "spaces and the bracket of years are not part of the comparison"),
    ("某市数字经济发展行动计划（2024—2026年）", "某市促进数字经济发展若干措施", None,
     "a plan's own title names nothing in book-title marks: kept as it is"),
    ("关于印发《A市若干措施》的通知", "A市行动计划", None, "one name handed on: it is not the other document's"),
    ("关于印发《A》《B》《C》的通知", "D", None, "the document opening is none of the names: no guess"),
])
def test_first_handed_on(notice, named, first, why):
    from kb.parser.structure import first_handed_on
    assert first_handed_on(notice, named) == first, why
