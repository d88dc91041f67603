"""Roles written in prose (dialects E/F of shared/dialects.md) read by the one subject reader and the prose forms of
kb/data/roles.yaml: central prose (请X…, A、B和C要…, collective subjects 各地要/试点地区要/有关部门要), duty verbs (设立, 协助,
按各自职能配合, …主管部门，负责…), several bodies in one paragraph, 由X…，由Y…, reply letters and history sentences, and the
sentences that must give NO role (a unit mentioned in passing, 会同 in a report of work done, 请 inside 申请/提请/报请).

Each row: one paragraph of a plan without tags → the roles of its task (roles not named are empty) → why.  The rows
were written before the code that reads them (session 11, prose helper)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    # ---- central prose: requests and subjects
    ("请各省级人民政府结合实际制定实施方案。", {"sole": ["各省级人民政府"]},
     "请X…: the request names its doer (a collective subject, one group)"),
    ("请国家发展改革委牵头，会同有关部门研究制定配套政策。", {"lead": ["国家发展改革委"], "support": ["有关部门"]},
     "请X牵头，会同Y…: X leads, Y supports"),
    ("请中国人民银行加快“借金还金”方案的研究。", {"sole": ["中国人民银行"]}, "请X + a verb (国办函〔1996〕16号)"),
    ("气象站网组建中的有关具体事宜，请中国气象局与有关部门协商办理。", {"sole": ["中国气象局"]},
     "a request after the sentence's topic (国办函〔1996〕14号)"),
    ("国家发展改革委、财政部和商务部要加强统筹协调。", {"shared": ["国家发展改革委", "财政部", "商务部"]},
     "A、B和C要…: three units, no lead"),
    ("试点地区要于2019年底前完成平台建设。", {"sole": ["试点地区"]}, "a collective subject with 要"),
    ("各地要加强组织领导。", {"sole": ["各地"]}, "各地要…: the plan's address to every locality, one group"),
    ("有关部门要按规定办理资产登记手续。", {"sole": ["有关部门"]}, "有关部门要…: a collective subject"),
    ("地方各级人民政府要认真制定治理工作方案。", {"sole": ["地方各级人民政府"]}, "a collective subject"),
    ("县级以上人民政府有关部门应当加强监督检查。", {"sole": ["县级以上人民政府有关部门"]}, "a collective subject by level"),
    ("市（区）公安机关要加强日常巡查。", {"sole": ["市（区）公安机关"]}, "机关 ends a unit's name; （区） inside it"),
    ("国务院办公厅将于2020年4月底前组织验收。", {"sole": ["国务院办公厅"]}, "将: a commitment of a named unit"),
    # ---- duty verbs and several bodies
    ("教育行政部门要参与规划、建设、验收、移交等各个环节的工作。", {"support": ["教育行政部门"]},
     "要参与 opening the predicate: support"),
    ("市卫生健康委按各自职能配合做好医疗救治。", {"support": ["市卫生健康委"]}, "按各自职能配合: support"),
    ("市民政局负责设立救助站；市财政局负责保障经费；市卫生健康委配合做好医疗救治。",
     {"shared": ["市民政局", "市财政局"], "support": ["市卫生健康委"]},
     "X负责…；Y负责…；Z配合…: two responsible units (shared) and one that supports"),
    ("自然资源部门要统筹规划用地。住房城乡建设部门要加强监管。", {"shared": ["自然资源部门", "住房城乡建设部门"]},
     "one body a sentence: each its own part, shared"),
    ("发展改革委将适时启动审核程序。水利部也表示将积极配合发展改革委做好立项工作。",
     {"lead": ["发展改革委"], "support": ["水利部"]}, "Y…配合X: X leads what Y supports (国办函〔2004〕71号)"),
    ("由市教育局负责，市人力资源社会保障局协助。", {"lead": ["市教育局"], "support": ["市人力资源社会保障局"]},
     "由X负责，Y协助: X leads what Y supports — as a tag's （X负责，Y配合） (session 13: the shared gold's convention; was sole)"),
    ("由市政府新闻办负责，市住建委提供发布口径。", {"lead": ["市政府新闻办"], "support": ["市住建委"]},
     "由X负责，Y提供…: Y supports, X leads (gold_dutyreal)"),
    ("由市发展改革委牵头，由市财政局配合。", {"lead": ["市发展改革委"], "support": ["市财政局"]}, "由X…，由Y配合"),
    ("由市住建委负责审核，由区政府负责实施。", {"shared": ["市住建委", "区政府"]}, "由X…，由Y…: two responsible units"),
    ("由市财政局设立专项资金。", {"sole": ["市财政局"]}, "由X设立…"),
    ("市场监管局作为特种设备安全的主管部门，负责监督检查。", {"sole": ["市场监管局"]}, "X作为…主管部门，负责…"),
    ("市发展改革委已会同市财政局制定实施细则。", {"lead": ["市发展改革委"], "support": ["市财政局"]},
     "已会同B: the work is the plan's, B supports"),
    ("发展改革委研究提出了办理意见：待国务院批准后，该委将按照规定组织专家评估论证。", {"sole": ["发展改革委"]},
     "该委: the last body named whose name ends in 委 (国办函〔2004〕71号 一)"),
    ("待国务院批准后，该委将按照规定组织专家评估论证。", {}, "an anaphor with no body named before it"),
    # ---- reply letters, history: no role
    ("发展改革委会同水利部研究提出了办理意见：该问题将统筹考虑。", {}, "A会同B研究提出了…: the reply itself, no task"),
    ("发展改革委研究提出了办理意见：此事待定。", {}, "A研究提出了…: no role"),
    ("2018年，市发展改革委会同市财政局出台了扶持办法。", {}, "会同 in a history sentence (…了)"),
    ("扶贫办已会同交通部赴广安市进行了实地调查。", {}, "work done and reported (进行了), no task"),
    ("发展改革委会同西部开发办上报的《请示》已经国务院批准。", {}, "会同 inside a relative clause naming a past document"),
    # ---- units mentioned in passing, 请 inside other words
    ("申请单位应向市科技局提交材料。", {}, "申请 is no request; 市科技局 only receives"),
    ("相关方案按程序提请市政府审定。", {}, "提请: the plan asks nobody to do its work"),
    ("所需经费报请市财政局审核。", {}, "报请"),
    ("治理工作联合办公室设在教育部、住房城乡建设部。", {}, "where an office sits: a mention"),
    ("成员由教育部、民政部等部门负责同志组成。", {}, "members of a body; 负责同志 is no role"),
    ("确定北京、吉林等10个省（区、市）作为试点地区。", {}, "places named as pilots"),
    ("已建成的幼儿园应按照规定及时移交当地教育行政部门。", {}, "the receiver of a hand-over"),
    ("经与有关部门协商，并经国务院领导同志批准，现函复如下。", {}, "consulted units"),
    ("企业要落实安全生产主体责任。", {}, "a kind of body outside government"),
    ("你省请求国家加大支持力度。", {}, "the request the letter answers"),
    ("请认真贯彻执行。", {}, "请 with no doer named"),
    ("反映城市应对公共卫生事件的风险防御水平。", {}, "应对 is a verb, no modal: 反映城市 no subject"),
    ("集约化平台应向平台上的政府网站提供功能支撑。", {}, "a platform ends like a unit (台) but is none"),
    ("未纳入试点范围的其他省（区、市）和国务院部门，可参照本方案推进工作。", {}, "可参照: an option"),
    ("各地区、各部门要将工作情况列入年度绩效考核。", {}, "a list of groups: not read as one doer (undecided, no guess)"),
    # found on the gov.cn crawl's 60 documents after the rows above (untuned check): each gave a confident wrong unit
    ("为此，在地震重点监视防御区应切实抓好以下工作。", {}, "在… opens a place, no name (国办发〔1996〕2号)"),
    ("温家宝总理等国务院领导同志多次指出，各级政府要不断加强制度建设。", {}, "reported speech (…指出，): no assignment"),
    ("地方政府网站要加强外文版建设。", {}, "a website ends like a unit (站) but is none"),
    ("全国性会议应尽可能采用电视电话会议的形式召开。", {}, "a meeting ends like a unit (会议) but is none"),
    ("根据实际需要设立党建工作机构，大型文化企业（集团）应设置专门的党建工作机构。", {},
     "an enterprise is a kind of body, its bracket too"),
    ("三级公立医院要加强以电子病历为核心的信息化建设。", {}, "hospitals: a kind of body"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:14] for r in ROWS])
def test_prose_roles(sentence, expected, why):
    doc, tasks = parse_document(f"某方案\n一、主要任务\n（一）做好工作。{sentence}\n", "p")  # (a titled item: a lone sentence is a heading)
    assert not doc.tagged
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    assert _roles(task) == expected, why


def test_intro_names_the_doer_of_the_items_below():
    """A section intro naming the doer (试点地区要…，重点做好以下工作：) gives the items below it that name nobody their doer
    (国办函〔2018〕71号 三); an item with its own subject keeps its own; the list ends with the part."""
    text = ("某方案\n一、试点任务\n试点地区要认真组织实施，重点做好以下工作：\n（一）建设平台。建设统一平台。\n"
            "（二）形成标准。市财政局要保障经费。\n二、保障措施\n（一）加强领导。加强组织领导。\n")
    _, tasks = parse_document(text, "p")
    by = {t.text[:7]: t for t in tasks}
    assert by["试点地区要认真"].sole == ["试点地区"]
    assert by["（一）建设平台"].sole == ["试点地区"]
    assert by["（二）形成标准"].sole == ["市财政局"], "its own subject"
    assert by["（一）加强领导"].sole == [], "the next part is no item of the intro"


def test_following_work_by_names_the_doer():
    """以下工作由X负责： over numbered items gives them X."""
    text = "某方案\n一、职责\n以下工作由市发展改革委负责：\n（一）编制规划。编制专项规划。\n（二）组织评估。组织中期评估。\n"
    _, tasks = parse_document(text, "p")
    items = [t for t in tasks if t.text.startswith("（")]
    assert [t.sole for t in items] == [["市发展改革委"], ["市发展改革委"]]


def test_heading_naming_a_units_duties():
    """A section heading `（三）X的职责` names the doer of the paragraphs under it."""
    text = "某方案\n一、职责分工\n（一）市财政局的职责\n保障专项经费。\n（二）市教育局的主要职责\n组织学校开展宣传。\n"
    _, tasks = parse_document(text, "p")
    by = {t.text[:4]: t for t in tasks}
    assert by["保障专项"].sole == ["市财政局"]
    assert by["组织学校"].sole == ["市教育局"]
