"""Prose duties the blind sets found unread (holdout11 cause 5: 国办发〔2018〕127号, 国发〔2019〕4号), read by mechanisms of
the genre: a 、-list of groups (各地区、各部门要…) that opens a paragraph no longer silences the paragraph's named doers
(它们 share the work with the unread groups: shared, never sole); a list of named units closed by a collective group
joined by 和/及 (科技部、财政部和相关科技项目管理部门要…) names them all; a clause after a verb of stating (请X在…中明确，
Y要…) is what X states, Y only mentioned; a pure adverb after a named unit (X定期|听取…, X适时|通报…) opens its predicate.

Each row: one paragraph of a plan without tags → the roles of its task (roles not named are empty) → why.  Written
before the code (session 12, prose3); the wordings are varied from the blind plans' (民政部, 市安委办 …), and the
awkward rows say what must give nothing: the object of a policy verb, a unit in a clause that only mentions it."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    # ---- a request with 等部门 and a deadline
    ("项目管理机构不再承担已下放的事项，请科技部、工业和信息化部、农业农村部、卫生健康委等部门在2019年2月底前完成。",
     {"shared": ["科技部", "工业和信息化部", "农业农村部", "卫生健康委"]},
     "请A、B等部门在…前完成 after a comma: a request names its doers; 等部门 is a tail"),
    # ---- a list of groups first: no longer silences the named doers, who share the paragraph with it
    ("各地区、各部门要加强对所属单位的督查。国务院办公厅要适时开展督促检查。", {"shared": ["国务院办公厅"]},
     "各地区、各部门 is an unread doer of the paragraph: 国务院办公厅 shares it (not alone: sole would be a wrong answer)"),
    ("各地区、各部门、各单位要制定专门管理办法。请民政部在年度工作要点中明确，各级民政部门要简化手续。",
     {"shared": ["民政部"]},
     "请X在…中明确，Y要…: Y is what X states (a mention); the group list first shares the paragraph"),
    ("各地区、各有关部门根据有关规定，负责指导所属单位制定办法。请民政部、财政部在2020年6月底前完成评估。",
     {"shared": ["民政部", "财政部"]}, "a request after a list of groups that guides"),
    ("各地区、各部门要将工作情况列入年度绩效考核。", {}, "a list of groups alone: still not read as one doer (undecided)"),
    # ---- 和 + a collective group closing a list of named units
    ("科技部、财政部和相关科技项目管理部门要按照有关精神，分别修订相关管理办法。",
     {"shared": ["科技部", "财政部", "相关科技项目管理部门"]},
     "A、B和相关X部门要…: the group after 和 is a co-doer, as a tag's A、B等和各有关省级人民政府"),
    ("市交通委、市财政局和有关部门要抓紧制定实施细则。", {"shared": ["市交通委", "市财政局", "有关部门"]},
     "A、B和有关部门要…"),
    ("市教育局和相关企业要建立合作机制。", {}, "a kind of body outside government in the list: nothing read (not 市教育局 alone)"),
    # ---- a clause after a verb of stating is what is stated
    ("请财政部在年度预算中明确，中央高校、科研院所要按标准报销相关费用。", {"sole": ["财政部"]},
     "请X在…中明确，Y要…: X's duty; Y only mentioned in what X states"),
    ("市财政局要明确，各区政府应于每年3月底前报送预算。", {"sole": ["市财政局"]},
     "X要明确，Y应…: Y is in what X states"),
    ("中央高校、科研院所要按规定简化报销手续。", {}, "高校, 科研院所: kinds of body, no named doer"),
    # ---- a pure adverb after a named unit opens its predicate, whatever the verb
    ("国务院教育督导委员会定期听取职业教育督导评估情况汇报。", {"sole": ["国务院教育督导委员会"]},
     "X定期听取…: 定期 opens the predicate"),
    ("市安委办定期通报各区隐患整改情况。", {"sole": ["市安委办"]}, "X定期通报…"),
    ("区审计局适时对专项资金使用情况进行审计。", {"sole": ["区审计局"]}, "X适时对…进行…: the adverb, then 对"),
    ("市发展改革委重点项目要加快建设。", {}, "重点 is no pure adverb here: 市发展改革委重点项目 is a noun phrase"),
    ("企业定期报送生产数据。", {}, "a kind of body"),
    ("向市统计局定期报送统计数据。", {}, "向X: an object, no subject"),
    ("支持区科技园区定期举办创新创业活动。", {}, "the object of a policy verb is a beneficiary"),
    # ---- domains sharing one ending 部门, written once after the last or as the 等部门 tail (prose2's open item, 117):
    # each domain is a department of the list's level (市应急管理部门 …); rows written before the code
    ("市民政、卫生健康、医保等部门要会同保险机构制定实施细则。",
     {"lead": ["市民政部门", "市卫生健康部门", "市医保部门"], "support": ["保险机构"]},
     "X、Y、Z等部门要会同W…: domains before 等部门 are departments of the level 市"),
    ("市发展改革、财政等部门要加快制定配套政策。", {"shared": ["市发展改革部门", "市财政部门"]}, "X、Y等部门要…: shared"),
    ("民政、卫生健康部门负责本市养老机构的监督管理。", {"shared": ["民政部门", "卫生健康部门"]},
     "X、Y部门负责…: one ending shared by two domains"),
    ("教育、卫生等领域要加强合作。", {}, "领域 is no body: nothing"),
    ("民政、卫生健康部门会同保险机构以风险防控为重点，完善养老服务标准。",
     {"lead": ["民政部门", "卫生健康部门"], "support": ["保险机构"]}, "X会同Y以…为重点，…: 以 opens a manner phrase after Y"),
    ("市民政局会同县级以上人民政府制定实施细则。", {"lead": ["市民政局"], "support": ["县级以上人民政府"]},
     "以上 inside a name is no manner phrase"),
    ("加强教育、卫生等部门的协作。", {}, "no subject: the departments are the object of 加强"),
    # found on the untuned gov.cn crawl (60 documents) once a list of groups no longer silenced its paragraph
    ("各地、各部门要抓紧完善应急预案。有条件的地区，特别是重点防御区要进行应急演练。有关的大中城市应完成震害预测工作。", {},
     "特别是X is a subset of a kind (no name); 大中城市 a kind of place (国发〔1995〕… row 20 of the crawl)"),
]

#: Whole numbered paragraphs (the item's own numeral opens the list of groups).
PARAGRAPHS = [
    ("三十四、各地区、各部门要认真落实年度工作安排。国务院办公厅适时作出通报。", {"shared": ["国务院办公厅"]},
     "the item's numeral is no part of the list of groups: 国务院办公厅 shares the paragraph (crawl row 47)"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:14] for r in ROWS])
def test_prose_request_rows(sentence, expected, why):
    doc, tasks = parse_document(f"某方案\n一、主要任务\n（一）做好工作。{sentence}\n", "p")  # (a titled item: a lone sentence is a heading)
    assert not doc.tagged
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    assert _roles(task) == expected, why


@pytest.mark.parametrize(("paragraph", "expected", "why"), PARAGRAPHS, ids=[r[0][:14] for r in PARAGRAPHS])
def test_prose_request_paragraphs(paragraph, expected, why):
    doc, tasks = parse_document(f"某方案\n{paragraph}\n", "p")
    (task,) = [t for t in tasks if paragraph[:8] in t.text]
    assert _roles(task) == expected, why
