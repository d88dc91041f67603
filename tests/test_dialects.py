"""Dialect rules of responsibility tags (shared/dialects.md A–F), table-driven: tag → role sets → why.

Names are as written (no registry: ``EMPTY``), so a ministry stays a ministry."""

import pytest

from kb.parser import parse_document
from kb.parser.roles import DocumentRules, find_tags, parse_tag_content, split_items, load_vocabulary
from kb.registry import EMPTY, load_registry, registry_for


def roles(tag) -> dict:
    return {r: names for r, names in tag.roles.items() if names}


# (tag content, lead rule in force before it, expected non-empty roles, why)
A_CASES = [
    ("商务部指导，供销合作总社参与", None, {"guide": ["商务部"], "support": ["供销合作总社"]}, "A4 指导 with 参与"),
    ("生态环境部、住房城乡建设部指导", None, {"guide": ["生态环境部", "住房城乡建设部"]}, "A4 pure 指导 list"),
    ("市X局牵头，市Y局协助", None, {"lead": ["市X局"], "support": ["市Y局"]}, "A1 协助 is support"),
    ("市X局牵头，市Y局协同配合", None, {"lead": ["市X局"], "support": ["市Y局"]}, "A1 协同配合 beats 配合 (longest word)"),
    ("市X局、市Y局分别牵头", None, {"lead": ["市X局", "市Y局"]}, "A1 分别牵头: each leads"),
    ("国务院各部门分别负责", None, {"sole": ["国务院各部门"]}, "A1 分别负责 of ONE group: sole, never shared with itself (ROUTED s17 (f))"),
    ("生态环境部指导，试点城市政府负责落实", None, {"guide": ["生态环境部"], "sole": ["试点城市政府"]}, "A1 负责落实 is sole"),
    ("市X局牵头督导，市Y局配合", None, {"lead": ["市X局"], "support": ["市Y局"]}, "A1 牵头督导 is lead"),
    ("体育总局、民政部、人力资源社会保障部负责", None, {"sole": ["体育总局", "民政部", "人力资源社会保障部"]}, "A3 no rule: sole each, no lead guessed"),
    ("税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同", None, {"lead": ["税务总局"], "support": ["财政部", "海关总署"]}, "A2 rule after a comma covers its own tag"),
    ("工业和信息化部、发展改革委、科技部等负责。列第一位者为牵头单位，下同", None, {"lead": ["工业和信息化部"], "support": ["发展改革委", "科技部"]}, "A2 rule after a full stop; 等 dropped"),
    ("农业农村部、工业和信息化部等负责", "first_is_lead", {"lead": ["农业农村部"], "support": ["工业和信息化部"]}, "A2 rule stated earlier (下同)"),
    ("各省级人民政府负责", "first_is_lead", {"sole": ["各省级人民政府"]}, "A2 a single unit is sole"),
    ("各省级人民政府、发展改革委负责", "first_is_lead", {"lead": ["各省级人民政府"], "support": ["发展改革委"]},
     "A2 the rule makes the first unit lead whatever it is, a generic group too (s17 labels6: the plan's rule is the proof)"),
    ("A局、B局负责", "equal", {"sole": ["A局", "B局"]}, "A2 同责 rule: no lead"),
    ("农业农村部、工业和信息化部牵头负责", "first_is_lead", {"lead": ["农业农村部", "工业和信息化部"]}, "explicit 牵头负责 wins over the rule"),
    ("省X厅、省Y厅(省Z局)。列第一位者为牵头部门,下同", None, {"lead": ["省X厅"], "support": ["省Y厅"]}, "A2 a list with no verb under a rule in the same tag"),
    ("A部、B部等和各有关省级人民政府负责", None, {"sole": ["A部", "B部", "各有关省级人民政府"]}, "A6 等和 splits a list from a group"),
    ("A部、B部，各省级人民政府按职责分工负责", None, {"shared": ["A部", "B部", "各省级人民政府"]}, "A6 a comma group before the role word keeps every group"),
    ("省A厅、省B厅等省有关部门和各地级以上市人民政府按职责分工负责", None, {"shared": ["省A厅", "省B厅", "各地级以上市人民政府"]}, "A6 等省有关部门和 tail"),
    ("市X局牵头，各项目牵头单位配合", None, {"lead": ["市X局"], "support": ["各项目牵头单位"]}, "A6 牵头 inside a name"),
    ("市X局牵头，县（市、区）政府负责落实", None, {"lead": ["市X局"], "sole": ["县（市、区）政府"]}, "A6 a name holding 、 in brackets"),
    ("市X局牵头，各县、区人民政府配合", None, {"lead": ["市X局"], "support": ["各县、区人民政府"]}, "A6 各县、区人民政府 is one unit"),
    ("省发改委(省能源局)牵头，省Y厅配合", None, {"lead": ["省发改委"], "support": ["省Y厅"]}, "A8 sub-unit in ASCII brackets"),
    ("国务院各部门分别负责，年内持续推进", None, {"sole": ["国务院各部门"]}, "A7 time words are no unit"),
    # Found plans 14–17 and the survey's other plans (shared/dialects.md): role words with the verb
    # of the work after them, 由 before the units, 会同 and 及 inside a tag.
    ("由县发改局牵头实施", None, {"lead": ["县发改局"]}, "A 由X牵头实施 (苍南 2023 heading): 由 and 实施 are no part of a name"),
    ("由市X局负责", None, {"sole": ["市X局"]}, "A 由 before a single unit"),
    ("由专人负责", None, {"sole": ["由专人"]}, "A 由 stays when what follows is no unit (and the name is warned about)"),
    ("市X局牵头实施，市Y局配合实施", None, {"lead": ["市X局"], "support": ["市Y局"]}, "A 牵头实施 / 配合实施"),
    ("市X局牵头推进，市Y局参与实施", None, {"lead": ["市X局"], "support": ["市Y局"]}, "A 牵头推进 / 参与实施"),
    ("市X局、市Y局共同牵头", None, {"lead": ["市X局", "市Y局"]}, "A 共同牵头: both lead, 共同 is no part of a name"),
    ("市X局、市Y局按职责分工负责，各县（区）政府具体落实", None,
     {"shared": ["市X局", "市Y局"], "sole": ["各县（区）政府"]}, "A 具体落实 names implementers"),
    ("市X局牵头，各县区政府抓好落实", None, {"lead": ["市X局"], "sole": ["各县区政府"]}, "A 抓好落实"),
    ("市X局会同市Y局、市Z局负责", None, {"lead": ["市X局"], "support": ["市Y局", "市Z局"]}, "A X会同Y负责 in a tag: X leads, Y supports"),
    ("市X局、市W局会同市Y局牵头", None, {"lead": ["市X局", "市W局"], "support": ["市Y局"]}, "A 会同 after a list"),
    ("市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区政府按职责分工负责", None,
     {"lead": ["市政府办公室", "市行政审批制度改革工作领导小组办公室"], "support": ["市级各有关部门", "各县市区政府"]},
     "A6 及 before a 各 group is two units (咸阳 2022); after the named lead they support"),
    # A1 按职责分工负责 after a lead named earlier in the same tag: the others support that lead.
    ("市X局牵头，市Y局、市Z局按职责分工负责", None, {"lead": ["市X局"], "support": ["市Y局", "市Z局"]},
     "A1 按职责分工负责 after a lead is support"),
    ("市X局牵头，市Y局按职责负责", None, {"lead": ["市X局"], "support": ["市Y局"]}, "A1 按职责负责 after a lead is support"),
    ("市X局牵头负责，市Y局、各区政府分工负责", None, {"lead": ["市X局"], "support": ["市Y局", "各区政府"]},
     "A1 分工负责 after 牵头负责 is support"),
    ("市Y局、市Z局按职责分工负责，市X局牵头", None, {"shared": ["市Y局", "市Z局"], "lead": ["市X局"]},
     "A1 control: a lead named only after the list does not change it (earlier in the tag only)"),
    ("市Y局、市Z局按职责分工负责", None, {"shared": ["市Y局", "市Z局"]}, "A1 control: no lead in the tag keeps shared"),
    ("市X局指导，市Y局按职责分工负责", None, {"guide": ["市X局"], "sole": ["市Y局"]}, "A1 control: 指导 is no lead, no support; the one doer is sole (ROUTED s17 (f))"),
    ("区发改局牵头，区财政局、区水务局等部门，区国投公司、各街道办事处配合", None,
     {"lead": ["区发改局"], "support": ["区财政局", "区水务局", "区国投公司", "各街道办事处"]},
     "A6 等部门 ends a list, a comma group joins the support (官渡 2016)"),
    ("市人力资源和社会保障局牵头，各有关部门和单位配合", None,
     {"lead": ["市人力资源和社会保障局"], "support": ["各有关部门和单位"]}, "A6 和 inside names is kept"),
    ("市发展改革委、市财政局等5个部门负责", None, {"sole": ["市发展改革委", "市财政局"]}, "A6 等5个部门: a count is a tail"),
    ("市生态环境局牵头，各县市区人民政府落实，2025年底前完成", None,
     {"lead": ["市生态环境局"], "sole": ["各县市区人民政府"]}, "A 落实 after units names implementers; A7 time words"),
    ("市X局牵头，确保政策落实", None, {"lead": ["市X局"]}, "A 落实 after words that are no unit is a note (weak role word)"),
    ("市住房城乡建设局牵头、市自然资源局配合", None, {"lead": ["市住房城乡建设局"], "support": ["市自然资源局"]},
     "A 、 after a role word separates two role segments"),
    ("市住建局（牵头）、市自然资源局、市城管局", None, {"lead": ["市住建局"], "support": ["市自然资源局", "市城管局"]},
     "A a unit marked （牵头） leads a bare list, the others support (as in table cells)"),
    ("市住建局（市人防办）、市自然资源局", None, {}, "A8 a sub-unit is no lead mark; a bare list without a verb names no role"),
    # 组织落实 (blind tag set 3, cause 1): the units carry the work out — after a named lead they support it (as
    # 按职责分工负责 does); with no lead, each is responsible (sole, the no-lead reading of a bare list).
    ("市X局牵头负责，市A局、市B局、各区政府组织落实", None, {"lead": ["市X局"], "support": ["市A局", "市B局", "各区政府"]},
     "A 组织落实 after a lead: support; 组织 is no part of 各区政府"),
    ("市X局牵头负责，市A局、市B局按职责组织落实", None, {"lead": ["市X局"], "support": ["市A局", "市B局"]},
     "A 按职责组织落实 after a lead: support (the list was dropped)"),
    ("市X局牵头，市A局负责组织落实", None, {"lead": ["市X局"], "support": ["市A局"]}, "A 负责组织落实 after a lead: support"),
    ("市A局、市B局组织落实", None, {"sole": ["市A局", "市B局"]}, "A 组织落实 with no lead: sole each"),
    ("市X局牵头，市Y局负责落实", None, {"lead": ["市X局"], "sole": ["市Y局"]},
     "control: 负责落实 after a lead stays sole (implementers, as before)"),
    # Words of manner closing a list (cause 2): no part of a name.
    ("市X局牵头，市A局、市B局按职责分工", None, {"lead": ["市X局"], "support": ["市A局", "市B局"]},
     "A 按职责分工 (a 按职责分工负责 without 负责) after a lead: support, not a name 市B局按职责分工"),
    ("市X局牵头，市A局按职责", None, {"lead": ["市X局"], "support": ["市A局"]}, "A 按职责 likewise"),
    ("市A局、市B局按职责分工", None, {"shared": ["市A局", "市B局"]}, "A 按职责分工 with no lead: shared, as 按职责分工负责"),
    ("市X局牵头，各县区政府结合实际负责落实", None, {"lead": ["市X局"], "sole": ["各县区政府"]},
     "A 结合实际 before the role word is no part of the name"),
]


@pytest.mark.parametrize("content,rule,expected,why", A_CASES, ids=[c[-1] for c in A_CASES])
def test_verb_tags(content, rule, expected, why):
    rules = DocumentRules(lead_rule=rule)
    tag = parse_tag_content(content, EMPTY, rules=rules)
    assert roles(tag) == expected, why


def test_time_words_and_subunits():
    tag = parse_tag_content("国务院各部门分别负责，年内持续推进", EMPTY)
    assert tag.time_words == ["年内持续推进"]
    tag = parse_tag_content("省发改委(省能源局)牵头", EMPTY)
    assert tag.subunits == {"省发改委": ["省能源局"]}


B_CASES = [
    ("牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市",
     {"lead": ["市发展改革委"], "support": ["市委组织部", "市人力资源和社会保障局", "各区、县级市"]}, "B 05's form: comma group and 各区、县级市"),
    ("牵头单位:市X局,参与单位:市Y局", {"lead": ["市X局"], "support": ["市Y局"]}, "B ASCII colon, 参与单位"),
    ("牵头单位:省X厅;责任单位:省A厅、省B厅", {"lead": ["省X厅"], "support": ["省A厅", "省B厅"]}, "B 责任单位 after a lead label is support"),
    ("责任单位：区X局", {"sole": ["区X局"]}, "B 责任单位 alone is sole"),
    ("牵头单位:市X局责任单位:市A局、市B局、各区县政府", {"lead": ["市X局"], "support": ["市A局", "市B局", "各区县政府"]}, "B fields separated only by (removed) spaces"),
    ("责任单位:省A厅、省B厅按职责分工负责", {"shared": ["省A厅", "省B厅"]}, "B a role word in the value wins"),
    ("责任单位:市X局、市Y局分别牵头", {"lead": ["市X局", "市Y局"]}, "B 分别牵头 in a 责任单位 value"),
    ("负责部门：人力资源社会保障部、住房城乡建设部、商务部；适用范围：所有自贸试验区",
     {"sole": ["人力资源社会保障部", "住房城乡建设部", "商务部"]}, "B 适用范围 is a field, not a unit"),
    ("牵头单位：市X局，配合单位：市Y局，责任领导：张三", {"lead": ["市X局"], "support": ["市Y局"]}, "B 责任领导 is a field"),
    ("指导单位：省X厅，责任单位：市Y局", {"guide": ["省X厅"], "sole": ["市Y局"]}, "B 指导单位 label"),
    ("牵头单位：区X局、Y街道，支撑单位：区A局、区B局", {"lead": ["区X局", "Y街道"], "support": ["区A局", "区B局"]},
     "B 支撑单位 (上海 districts' word for support) after a lead label; was read as a lead named 支撑单位：区A局"),
    ("牵头单位：市X局；支持部门：市Y局", {"lead": ["市X局"], "support": ["市Y局"]}, "B 支持部门, another support label"),
    ("牵头单位:市商务局  责任单位:市编办、市发改委、市法制办、各区县政府",
     {"lead": ["市商务局"], "support": ["市编办", "市发改委", "市法制办", "各区县政府"]}, "B two spaces between the fields (西宁 2017)"),
    ("牵头单位:区发改局;责任单位:区财政局、各街办(新区)", {"lead": ["区发改局"], "support": ["区财政局", "各街办(新区)"]},
     "B semicolon (下陆区 2020); a GROUP's bracket is part of its name (session 12, tagsblind7 cause 3: 各街办 and the new "
     "district's office stand together; it was 各街办 with a sub-unit 新区) — one body's X(Y) still names sub-unit Y"),
    ("责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出",
     {"sole": ["市工信局", "市财政局", "各县区人民政府", "园区管委会"]}, "B a carry-forward note after the list (淮安 2022)"),
    ("责任单位:市X局、市Y局分别牵头,各县(市、区)政府", {"lead": ["市X局", "市Y局"], "support": ["各县(市、区)政府"]},
     "B 分别牵头 then a comma group without a role word: the others of the leads' work support (ROUTED s17 (a); "
     "it was sole, then shared beside the leads)"),
    ("责任单位：市住建局（牵头）、市自然资源局、市城管局", {"lead": ["市住建局"], "support": ["市自然资源局", "市城管局"]},
     "B a unit marked （牵头） in a 责任单位 list leads"),
    ("牵头单位：市发展改革委；责任单位：市财政局；完成时间：2023年12月底前", {"lead": ["市发展改革委"], "support": ["市财政局"]},
     "B a time label after the units"),
    ("责任单位：市X局牵头，市Y局、市Z局按职责分工负责", {"lead": ["市X局"], "support": ["市Y局", "市Z局"]},
     "B 按职责分工负责 after a lead inside one 责任单位 value is support"),
    ("牵头单位：市X局；责任单位：市Y局按职责分工负责", {"lead": ["市X局"], "support": ["市Y局"]},
     "B 按职责分工负责 after a lead label is support"),
    # "None" markers: a label whose whole value says there is no unit names nobody.
    ("牵头单位：市X局；配合单位：无", {"lead": ["市X局"]}, "B 配合单位：无 is no unit"),
    ("牵头单位：市X局；配合单位：无。", {"lead": ["市X局"]}, "B 配合单位：无。 is no unit"),
    ("牵头单位：市X局；配合单位：暂无", {"lead": ["市X局"]}, "B 暂无 is no unit"),
    ("牵头单位：市X局；配合单位：—", {"lead": ["市X局"]}, "B a dash is no unit"),
    ("牵头单位：市X局；配合单位：无锡市商务局", {"lead": ["市X局"], "support": ["无锡市商务局"]},
     "B control: a unit whose name starts with 无 stays"),
]


@pytest.mark.parametrize("content,expected,why", B_CASES, ids=[c[-1] for c in B_CASES])
def test_labelled_tags(content, expected, why):
    tag = parse_tag_content(content, EMPTY)
    assert tag.labelled and roles(tag) == expected, why


def test_labelled_fields_and_times():
    tag = parse_tag_content("负责部门：商务部；适用范围：所有自贸试验区；完成时限：2019年底前", EMPTY)
    assert tag.fields == {"适用范围": "所有自贸试验区", "完成时限": "2019年底前"}
    assert tag.time_words == ["2019年底前"]


def test_responsible_is_lead_rule():
    rules = DocumentRules(lead_rule="responsible_is_lead")
    assert roles(parse_tag_content("责任单位：市X局、市Y局", EMPTY, rules=rules)) == {"lead": ["市X局", "市Y局"]}


def test_first_is_lead_on_a_responsible_label():
    rules = DocumentRules(lead_rule="first_is_lead")
    assert roles(parse_tag_content("责任单位：市X局、市Y局", EMPTY, rules=rules)) == {"lead": ["市X局"], "support": ["市Y局"]}


# A2 wordings of the document's lead rule: text → rule → why
LEAD_RULE_CASES = [
    ("列第一位者为牵头单位，下同", "first_is_lead", "国发〔2018〕42号"),
    ("排在第一位的部门为牵头部门，下同", "first_is_lead", "国发〔2019〕3号"),
    ("列第一位的责任单位为牵头单位或汇总单位", "first_is_lead", "杭州 2020"),
    ("除标注“分别牵头”外,列第一位为牵头或汇总单位,下同", "first_is_lead", "丽水 2023"),
    ("排名第一的为牵头单位", "first_is_lead", "排名第一"),
    ("排名第一位的单位为牵头单位", "first_is_lead", "排名第一位"),
    ("排在首位的为牵头单位", "first_is_lead", "排在首位"),
    ("排序第一的为牵头单位", "first_is_lead", "排序第一"),
    ("第一责任单位为牵头单位", "first_is_lead", "第一责任单位"),
    ("无牵头单位的，责任单位即为牵头单位", "responsible_is_lead", "武汉 2023"),
    ("同责单位，无先后大小责任之分", "equal", "武昌 2019"),
    ("将该区列为第一批试点，由市X局牵头", None, "列为第一批 … 牵头 is no rule"),
    ("排名第一的区县给予奖励", None, "排名第一 without 为牵头 is no rule"),
]


@pytest.mark.parametrize("text,rule,why", LEAD_RULE_CASES, ids=[c[-1] for c in LEAD_RULE_CASES])
def test_lead_rule_wordings(text, rule, why):
    assert DocumentRules().read(text, load_vocabulary()) == rule, why


# A6 lists: names → items → why
LIST_CASES = [
    ("农业农村部、发展改革委等", ["农业农村部", "发展改革委"], "trailing 等"),
    ("市X局、市Y局等有关部门和单位", ["市X局", "市Y局"], "trailing 等有关部门和单位"),
    ("各区、县级市", ["各区、县级市"], "a group holding 、"),
    ("各有关区、县级市", ["各有关区、县级市"], "各有关区、县级市"),
    ("各省、自治区、直辖市人民政府", ["各省、自治区、直辖市人民政府"], "各省、自治区、直辖市"),
    ("县(市、区)政府、市X局", ["县(市、区)政府", "市X局"], "、 inside brackets"),
    ("高等院校、市X局", ["高等院校", "市X局"], "等 inside a name is kept"),
    ("市级各有关部门及各县市区政府", ["市级各有关部门", "各县市区政府"], "及 before a 各 group: two units"),
    ("市直有关部门和各县市区", ["市直有关部门", "各县市区"], "和 before a 各 group: two units"),
    ("市直各部门以及各街道", ["市直各部门", "各街道"], "以及 before a 各 group"),
    ("市人力资源和社会保障局", ["市人力资源和社会保障局"], "和 inside a name (not before 各)"),
    ("各有关部门和单位", ["各有关部门和单位"], "和单位 closes a group's name"),
    ("区财政局、区水务局等部门,区国投公司、各街道办事处", ["区财政局", "区水务局", "区国投公司", "各街道办事处"],
     "等部门 then a comma group"),
    ("市X局、市Y局等十个部门", ["市X局", "市Y局"], "等十个部门: a count in Chinese numerals"),
    ("市X局、市Y局等有关单位", ["市X局", "市Y局"], "等有关单位"),
    ("市直有关部门、单位,各区市政府", ["市直有关部门、单位", "各区市政府"],
     "有关 governs both nouns: 市直有关部门、单位 is one group (威海 2023)"),
    ("各有关部门、单位、机构", ["各有关部门、单位、机构"], "several bare kinds after 、 stay with the group"),
    ("市有关部门、市X局", ["市有关部门", "市X局"], "a named unit after a generic group is a unit of its own"),
    ("市X局、单位", ["市X局", "单位"], "a bare 单位 after a named unit is not joined (no 有关 to govern it)"),
    # names exactly as written (the gold convention): a body written once after a list of places is the last one's
    # only — 浦东新区 is the unit the plan names; questions take 浦东新区 and 浦东新区政府 as one body (kb.registry)
    ("浦东新区、徐汇区、嘉定区政府", ["浦东新区", "徐汇区", "嘉定区政府"],
     "区政府 written once after district names: each name as written (沪府办〔2021〕36号)"),
    ("市绿化市容局，浦东新区、普陀区政府，地产集团", ["市绿化市容局", "浦东新区", "普陀区政府", "地产集团"],
     "the places between two commas, as written"),
    ("高新区、经开区管委会", ["高新区", "经开区管委会"], "管委会 written once: as written"),
    ("余杭区、临平区人民政府", ["余杭区", "临平区人民政府"], "人民政府 written once: as written"),
    ("临港新片区、奉贤区政府", ["临港新片区", "奉贤区政府"], "a 片区 and a district government"),
    ("市发展改革委、松江区、青浦区政府", ["市发展改革委", "松江区", "青浦区政府"], "a unit before the places"),
    ("各区、县政府", ["各区、县政府"], "各区、县政府 stays one group"),
    ("松江区、青浦区", ["松江区", "青浦区"], "no body written after the last place"),
    ("浦东新区政府", ["浦东新区政府"], "a single name"),
]


@pytest.mark.parametrize("names,items,why", LIST_CASES, ids=[c[-1] for c in LIST_CASES])
def test_split_items(names, items, why):
    assert split_items(names, load_vocabulary()) == items, why


# A5 carry-forward notes inside a tag: (tag content, roles, implied, why).
CARRY_CASES = [
    ("市局特种设备安全监察处牵头，各单位按职责分工负责，以下各项工作均需要各单位负责，不再单独列出",
     {"lead": ["市局特种设备安全监察处"], "support": ["各单位"]}, ["各单位"],
     "均需要X负责 (not 落实), then 不再单独列出: a note, no unit named 以下各项工作均需要各单位 (沪市监特种〔2022〕27号)"),
    ("市X局牵头，以下均需各县（市、区）政府负责落实，不再列出", {"lead": ["市X局"]}, ["各县（市、区）政府"], "均需…负责落实"),
    ("市X局牵头，各项工作均需要各区政府落实", {"lead": ["市X局"]}, ["各区政府"], "均需要 is not 需 + a name starting 要"),
    ("市X局牵头，市Y局负责", {"lead": ["市X局"], "sole": ["市Y局"]}, [], "no note"),
]


@pytest.mark.parametrize("content,expected,implied,why", CARRY_CASES, ids=[c[-1][:30] for c in CARRY_CASES])
def test_carry_forward_notes(content, expected, implied, why):
    tag = parse_tag_content(content, EMPTY, None, DocumentRules())
    assert (roles(tag), tag.implied, tag.warnings) == (expected, implied, []), why


# A5 carry-forward, C label lines, F heading tags, E prose: whole small plans.
def test_carry_forward_applies_to_later_tasks():
    text = "某市行动方案\n一、重点任务\n1.甲。（市X局牵头，市Y局配合，县（市、区）政府负责落实。以下均需县（市、区）政府落实，不再列出）\n2.乙。（市Z局负责）\n二、保障\n3.丙。（市W局负责）\n"
    _, tasks = parse_document(text, "p")
    tagged = [t for t in tasks if t.tag]
    assert [t.implied for t in tagged] == [["县（市、区）政府"]] * 3


def test_label_lines_after_an_item_and_a_group():
    text = ("某区实施方案\n一、重点任务\n1.推进甲工作。\n牵头单位：区X局\n责任单位：区A局，各街道\n"
            "2.推进乙工作。\n（1）子项一。\n（2）子项二。\n（责任单位：区B局）\n3.推进丙工作。\n")
    _, tasks = parse_document(text, "p")
    by = {t.body[:4]: t for t in tasks}
    assert by["1.推进"].lead == ["区X局"] and by["1.推进"].support == ["区A局", "各街道"]
    assert by["1.推进"].role_source == "label line"
    # One line after sub-items covers the whole group (dialects.md C), and the group is ONE task.
    assert by["2.推进"].sole == ["区B局"] and by["2.推进"].text == "2.推进乙工作。（1）子项一。（2）子项二。"
    assert not any(t.body.startswith("（") for t in tasks)
    assert by["3.推进"].departments() == [] and len(tasks) == 3
    assert not any(t.text.startswith(("牵头单位", "（责任单位")) for t in tasks)  # label lines are no tasks


def test_heading_tag_covers_the_section():
    text = "浙江省行动计划\n一、加快调整能源结构（省发改委总牵头）\n1.控制煤炭消费。（省经信委牵头）\n2.发展清洁能源。\n二、其他\n3.丁。\n"
    doc, tasks = parse_document(text, "p")
    assert doc.parts[0] == ("一", "加快调整能源结构")
    by = {t.body[:2]: t for t in tasks}
    assert by["1."].lead == ["省经信委", "省发改委"] and by["1."].heading_tag == "（省发改委总牵头）"
    assert by["2."].lead == ["省发改委"]
    assert by["3."].lead == []


def test_heading_tag_with_yu_and_a_verb_covers_the_part():
    # 苍南 2023: 一、扩大有效投资政策(由县发改局牵头实施) over a paragraph and an item without tags.
    text = "关于推动经济高质量发展的若干政策\n一、扩大有效投资政策(由县发改局牵头实施)\n聚焦九大工程,完成投资。\n1.加大财政支持力度。县财政统筹安排资金。\n二、其他\n2.丁。\n"
    doc, tasks = parse_document(text, "p")
    assert doc.title == "关于推动经济高质量发展的若干政策" and doc.parts[0] == ("一", "扩大有效投资政策")
    assert [(t.lead, t.role_source, t.heading_tag) for t in tasks] == [
        (["县发改局"], "heading", "(由县发改局牵头实施)"), (["县发改局"], "heading", "(由县发改局牵头实施)"), ([], None, None)]


def test_mid_paragraph_tags_after_a_semicolon():
    # Several tasks in one paragraph (A9), the tags closing clauses joined by ；, time words inside (A7).
    text = "某市行动方案\n一、重点任务\n（一）强化管控。加强工地扬尘治理（市住建局牵头，2023年底前完成）；加强道路扬尘治理（市城管局负责）。严控露天焚烧（各区县政府负责，长期坚持）。\n"
    _, tasks = parse_document(text, "p")
    assert [(t.text[:8], t.departments(), [d.text for d in t.deadlines]) for t in tasks] == [
        ("（一）强化管控。", ["市住建局"], ["2023年底前"]), ("加强道路扬尘治理", ["市城管局"], []),
        ("严控露天焚烧（各", ["各区县政府"], [])]  # 长期坚持: open-ended, no deadline (the words stay in the tag)


# B without brackets: labels closing the paragraph after a sentence end.
# (paragraph, expected (tag, lead, support, sole), why)
TAIL_CASES = [
    ("1.加强管理。牵头单位：市X局；责任单位：市Y局、市Z局", ("牵头单位：市X局；责任单位：市Y局、市Z局", ["市X局"], ["市Y局", "市Z局"], []),
     "labels after the item's last sentence are its tag"),
    ("1.加强管理。责任单位：市X局。", ("责任单位：市X局。", [], [], ["市X局"]), "a lone 责任单位 label, a full stop after it"),
    ("1.责任单位要加强管理，落实责任。", (None, [], [], []), "责任单位 without a colon is prose"),
    ("1.加强管理，牵头单位：市X局", (None, [], [], []), "a label after a comma, not a sentence end, is no tag"),
    ("1.加强管理。完成时限：2023年底前", (None, [], [], []), "a time label alone names no unit"),
]


@pytest.mark.parametrize("paragraph,expected,why", TAIL_CASES, ids=[c[-1] for c in TAIL_CASES])
def test_labels_closing_a_paragraph_without_brackets(paragraph, expected, why):
    _, tasks = parse_document("某方案\n一、任务\n" + paragraph + "\n", "p")
    t = tasks[0]
    assert (t.tag, t.lead, t.support, t.sole) == expected, why


def test_carry_forward_in_a_labelled_tag():
    # 淮安 2022: the note sits in a 责任单位 tag and says 不再单独列出.
    text = ("某实施细则\n一、政策\n1.甲。(责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。"
            "以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出)\n2.乙。(责任单位:市工信局、市财政局)\n")
    _, tasks = parse_document(text, "p")
    assert [t.implied for t in tasks] == [["各县区人民政府", "园区管委会"]] * 2
    assert (tasks[1].sole, tasks[1].shared) == ([], ["市工信局", "市财政局"])  # two units: shared (A2)


def test_plan_without_tags_reads_prose_and_says_so():
    text = "某意见\n一、任务\n（一）加强监管。市场监管总局要会同工业和信息化部等部门制定办法。\n（二）建立机制。建立由农业农村部牵头的协调机制。\n（三）其他。各地要加强宣传。\n"
    doc, tasks = parse_document(text, "p")
    assert not doc.tagged and any("方案没有职责标注" in w for w in doc.warnings)
    by = {t.label: t for t in tasks}
    assert (by["一（一）"].lead, by["一（一）"].support, by["一（一）"].role_source) == (["市场监管总局"], ["工业和信息化部"], "prose")
    assert by["一（二）"].lead == ["农业农村部"]
    # 各地要…: the plan's collective subject, one group (session 11: the blind tags read 各地要/试点地区要 as the doer)
    assert by["一（三）"].sole == ["各地"] and len(tasks) == 3


def test_tagged_plan_reads_prose_of_untagged_paragraphs_only():
    """Session 9 (holdout8 B): an untagged item of a tagged plan whose own sentence says 由X牵头 gives X the lead (it
    was read as no role); a tagged paragraph is read by its tag only.  Session 16 (sentence by sentence, tests/test_prose_sentences.py): an untagged ITEM
    (3.市W局负责宣传。) states its own duty as in a plan without tags (it stayed a paragraph); a paragraph with no marker
    of its own beside tagged items is still read for 由X/牵头 forms only."""
    doc, tasks = parse_document("某方案\n一、任务\n1.由市X局牵头建立机制。\n2.乙，由市Z局牵头。（市Y局负责）\n"
                                "3.市W局负责宣传。\n市V局负责培训。\n", "p")
    assert doc.tagged and tasks[0].lead == ["市X局"] and tasks[0].role_source == "prose"
    assert tasks[1].departments() == ["市Y局"] and tasks[2].sole == ["市W局"] and tasks[3].departments() == []


# E prose forms met in real plans kb had never seen (tests/test_found_dialects.py): (paragraph of an untagged plan,
# expected non-empty roles, why).
PROSE_CASES = [
    ("市场监管总局要发挥牵头作用，加强统筹协调，会同各有关部门共同推进各项工作。",
     {"lead": ["市场监管总局"], "support": ["各有关部门"]}, "发挥牵头作用 … 会同Y: lead and support (国发〔2019〕5号)"),
    ("市X局要充分发挥牵头作用。", {"lead": ["市X局"]}, "发挥牵头作用 alone"),
    ("国家医保局承担制定试点方案、相关政策和监督实施的职责，指导各地做好结算。",
     {"sole": ["国家医保局"]}, "X承担…的职责 (国办发〔2019〕2号)"),
    ("由上海市医药集中招标采购事务管理所承担联合采购办公室日常工作并负责具体实施。",
     {"sole": ["上海市医药集中招标采购事务管理所"]}, "由X承担…工作并负责…"),
    ("办公室承担以下职责：", {}, "承担以下职责 opens a list of duties"),
    ("原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%。", {}, "承担的…责任 is a liability, no duty"),
    ("着力营造厚植企业承担职业教育责任的社会环境。", {}, "承担…责任 is no duty"),
    ("区政府是责任主体，区建设管理委会同区发展改革委、区经委、区教育局、区公安分局、区民政局、区财政局、区规划资源局、"
     "区生态环境局、区农业农村委、区科委、区住房保障局、区交通委、区水务局等部门共同推进城市体检工作。",
     {"lead": ["区建设管理委"], "support": ["区发展改革委", "区经委", "区教育局", "区公安分局", "区民政局", "区财政局", "区规划资源局",
                                          "区生态环境局", "区农业农村委", "区科委", "区住房保障局", "区交通委", "区水务局"]},
     "a long list after 会同 (崇明 2021 names 25)"),
    ("县级住房城乡建设部门是农村危房改造农户档案制作的责任主体，要严格执行农户档案管理制度。",
     {"sole": ["县级住房城乡建设部门"]}, "X是…的责任主体: X answers for the work named (建村〔2018〕115号 三（二）)"),
    ("各市政府是本次排查整治专项行动的责任主体，要加强组织领导。", {"sole": ["各市政府"]}, "X是…的责任主体 of a campaign"),
    ("市X局、市Y局作为本项工作的责任主体，共同推进。", {"shared": ["市X局", "市Y局"]}, "作为…的责任主体; two units: shared"),
    ("农户和施工队对房屋质量负主体责任。", {}, "负主体责任 is a liability, no duty"),
    ("要明确责任主体，压实工作责任。", {}, "明确责任主体: no subject"),
    ("企业是安全生产的责任主体。", {}, "企业 is no unit"),
    # tagsblind5 D5 (lead, 01:22): an inner 由X负责 under the paragraph's own subject was read as the paragraph's sole unit
    ("各项目管理部门要加强项目管理，简化过程检查，项目的日常管理主要由项目承担单位负责。", {},
     "an inner 由X负责 under the paragraph's subject (各项目管理部门要…) owns no paragraph"),
    ("各项目管理部门要加强项目管理。项目的日常管理主要由项目承担单位负责。", {}, "the same across two sentences"),
    ("项目的日常管理由项目承担单位负责。", {"sole": ["项目承担单位"]}, "control: a thing as the subject, 由X负责 owns it"),
    ("由市科技局负责试点工作。", {"sole": ["市科技局"]}, "control: 由X负责 opening the paragraph"),
    ("市财政局要加强资金保障，具体由市财政局负责拨付。", {"sole": ["市财政局"]}, "control: 由X负责 naming the subject itself"),
    # tagsblind5 D6: 负责指导 is guidance
    ("科技部负责指导各地开展试点工作。", {"guide": ["科技部"]}, "X负责指导…: guide"),
    ("科技部、财政部负责指导各地开展试点工作。", {"guide": ["科技部", "财政部"]}, "two units 负责指导: both guide"),
    ("科技部负责组织实施，指导各地开展试点。", {"sole": ["科技部"]}, "control: 负责组织实施 then a clause 指导…: responsible"),
]


@pytest.mark.parametrize("paragraph,expected,why", PROSE_CASES, ids=[c[-1] for c in PROSE_CASES])
def test_prose_forms(paragraph, expected, why):
    doc, tasks = parse_document("某意见\n一、任务\n" + paragraph + "\n", "p")
    assert not doc.tagged
    assert {r: getattr(tasks[0], r) for r in ("lead", "support", "sole", "shared", "guide") if getattr(tasks[0], r)} == expected, why


# An inline tag closing a paragraph that continues a numbered item: (paragraphs, the tasks' texts with their roles, why).
CONTINUED_CASES = [
    (["1.研究制定建设标准。", "在总结评估的基础上，科学谋划后续任务。（牵头单位：市X局）"],
     [("1.研究制定建设标准。在总结评估的基础上，科学谋划后续任务。（牵头单位：市X局）", ["市X局"])],
     "the tag closes the item's second paragraph: the item is one task (沪府办〔2021〕36号 四（五）15)"),
    (["2.推进建设。以公园为基底注入多元功能。", "(1)推动功能融合。（牵头单位：市X局）", "(2)推动品质提升。（牵头单位：市Y局）"],
     [("2.推进建设。以公园为基底注入多元功能。", []), ("(1)推动功能融合。（牵头单位：市X局）", ["市X局"]),
      ("(2)推动品质提升。（牵头单位：市Y局）", ["市Y局"])],
     "tagged sub-items are tasks of their own; the lead-in stays a paragraph (奉贤 2021)"),
    (["各地要加强组织领导。", "推进甲工作。（牵头单位：市X局）"],
     [("各地要加强组织领导。", []), ("推进甲工作。（牵头单位：市X局）", ["市X局"])],
     "no numbered item above: an untagged lead-in is not merged"),
    (["1.推进甲工作。（牵头单位：市X局）", "推进乙工作。（牵头单位：市Y局）"],
     [("1.推进甲工作。（牵头单位：市X局）", ["市X局"]), ("推进乙工作。（牵头单位：市Y局）", ["市Y局"])],
     "the item above has its own tag: nothing to continue"),
]


@pytest.mark.parametrize("paragraphs,expected,why", CONTINUED_CASES, ids=[c[-1][:30] for c in CONTINUED_CASES])
def test_tag_closing_an_items_later_paragraph(paragraphs, expected, why):
    _, tasks = parse_document("某方案\n一、重点任务\n" + "\n".join(paragraphs) + "\n", "p")
    assert [(t.text, t.lead) for t in tasks] == expected, why


# Registries: per issuer, never across levels.
def test_registry_only_for_its_issuer():
    assert registry_for("自贡市打赢蓝天保卫战实施方案").name == "zigong"
    assert registry_for("国务院关于加快推进农业机械化的指导意见") is EMPTY
    assert registry_for("广州市人才集聚工程实施方案") is EMPTY
    _, tasks = parse_document("国务院关于某事的意见\n一、任务\n（一）甲。（发展改革委、交通局负责）\n", "p")
    assert tasks[0].shared == ["发展改革委", "交通局"]  # not 市发展改革委 / 市交通运输局 (two units: shared, A2)
    _, tasks = parse_document("自贡市某方案\n一、任务\n1.甲。（发展改革委、交通局负责）\n", "p")
    assert tasks[0].shared == ["市发展改革委", "市交通运输局"]


# Bad input: one warning each, no traceback.
BAD_CASES = [
    ("任务。（市X局牵头，市Y局配合", "括号没有闭合", "unclosed bracket"),
    ("任务。（（市X局牵头））", "套了两层括号", "doubly nested bracket"),
    ("任务。（牵头单位：，配合单位：市Y局）", "标签后没有单位名称", "a label with no names"),
    ("任务。（列第一位者为牵头单位，下同）", "没有单位名单", "a rule sentence with no list"),
]


@pytest.mark.parametrize("text,warning,why", BAD_CASES, ids=[c[-1] for c in BAD_CASES])
def test_bad_input_warns_once(text, warning, why):
    spans, warnings = find_tags(text, EMPTY)
    found = warnings + [w for s in spans for w in s.tag.warnings]
    assert sum(warning in w for w in found) == 1, (why, found)


def test_thousand_tags_in_one_paragraph():
    text = "".join(f"任务{i}。（市X{i}局牵头，市Y局配合）" for i in range(1000))
    _, tasks = parse_document("某方案\n一、任务\n" + text + "\n", "p")
    assert len(tasks) == 1000 and tasks[999].lead == ["市X999局"]


def test_bundled_registry_still_resolves(plan):
    assert load_registry().canonical("交通局") == "市交通运输局"


def test_tag_time_words_become_deadlines_of_the_task():
    text = "某方案\n一、任务\n1.甲工作。（国务院各部门分别负责，年内持续推进）\n2.乙工作。（牵头单位：市X局；完成时限：2019年底前）\n"
    _, tasks = parse_document(text, "p")
    a, b = [t for t in tasks if t.tag]
    assert [(d.text, d.kind, d.clause) for d in a.deadlines] == [("年内持续推进", "ongoing", len(a.clauses))]
    assert [(d.text, d.kind, d.end) for d in b.deadlines] == [("2019年底前", "by", "2019-12-31")]
    assert b.fields == {"完成时限": "2019年底前"}


# A body written with its second name in brackets (省市场监管局（省知识产权局）: one body, 加挂牌子) is one unit under
# its first name, the bracketed name its second (Task.subunits); a question about either name finds the tasks
# where the plan writes it, and the answer names both (README "How the plan is read", decision of issue #11).
SECOND_NAME_PLAN = ("某省质量强省行动方案\n一、重点任务\n（一）提升质量。\n"
                    "1.开展质量提升行动。（省市场监管局（省知识产权局）牵头，省工业和信息化厅配合）\n"
                    "2.加强知识产权保护。（省公安厅牵头，省市场监管局（省知识产权局）配合）\n"
                    "3.推进标准化建设。（省市场监管局牵头）\n")


@pytest.mark.parametrize("question,labels,head", [
    ("省知识产权局牵头哪些任务", ["一（一）1"], "省知识产权局（省市场监管局）"),
    ("省知识产权局配合哪些任务", ["一（一）2"], "省知识产权局（省市场监管局）"),
    ("省市场监管局牵头哪些任务", ["一（一）1", "一（一）3"], "省市场监管局"),
    ("省市场监管局配合哪些任务", ["一（一）2"], "省市场监管局"),
])
def test_second_name_in_brackets_is_one_body(tmp_path, monkeypatch, question, labels, head):
    from kb.qa import Session
    from kb.store import load_plan

    f = tmp_path / "plan.txt"
    f.write_text(SECOND_NAME_PLAN, encoding="utf-8")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    plan = load_plan(str(f))
    first = plan.tasks[0] if plan.tasks[0].lead else plan.tasks[1]
    assert (first.lead, first.subunits) == (["省市场监管局"], {"省市场监管局": ["省知识产权局"]})
    answer = Session(plan=plan, strict=True).ask(question)
    assert answer.status == "answered" and [t.label for t in answer.tasks] == labels, answer.text
    assert answer.text.startswith(head), answer.text
