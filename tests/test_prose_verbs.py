"""Duties written in prose with a plain action verb (holdout10 cause 2: 上海 零碳园区 2026 — `市交通委加快布局…`,
`市委金融办引导…`, `X和Y联合推进…` were read as no role, kb answered 共 0 项) and the object of a policy verb
(支持园区 / 鼓励企业 …: a beneficiary, never a unit with a role — `支持园区` was shown as a supporting unit).

In a plan without tags, a sentence whose SUBJECT is a named unit (it opens the sentence, or follows one topic clause:
针对…，X…) and whose predicate opens with an action verb (``action_verbs`` of kb/data/roles.yaml) gives that unit the
duty: one unit sole, several shared, 会同 Y → Y support.  Rows that must give NOTHING: a unit as an object (向X报送,
支持X…), background (近年来，X…), reported work (X已完成…, X加快了…), 在X指导下, a noun phrase (X制定的标准…), a kind of
body or a vague group with a plain verb, and any paragraph of a plan WITH tags.

Each row: one paragraph of a plan without tags → the roles of its task (roles not named are empty) → why.  Written
before the code that reads them (session 11, prose2)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    # ---- a named unit + an action verb: the unit's duty
    ("市交通委加快布局充换电基础设施、港口岸电设施等。", {"sole": ["市交通委"]}, "加快 + verb"),
    ("市市场监管局推动绿电溯源、产品碳足迹管理等相关标准编制和实施。", {"sole": ["市市场监管局"]}, "推动"),
    ("市委金融办引导金融机构完善精准投放机制，创新绿色金融产品。", {"sole": ["市委金融办"]},
     "引导: 金融机构 is the object, no role"),
    ("市住房城乡建设管理委制定并实施建筑领域能效碳效分级标准。", {"sole": ["市住房城乡建设管理委"]}, "制定并实施"),
    ("市经济信息化委和市生态环境局联合推进“无废园区”“无废企业”建设。",
     {"shared": ["市经济信息化委", "市生态环境局"]}, "X和Y联合推进: two subjects, shared"),
    ("市发展改革委统筹零碳园区建设与本市新能源、输配电网规划布局。", {"sole": ["市发展改革委"]}, "统筹"),
    ("市发展改革委会同市经济信息化委发布零碳园区申报通知；市发展改革委组织评审园区建设实施方案。",
     {"lead": ["市发展改革委"], "support": ["市经济信息化委"]}, "会同 Y → Y support; 组织 + verb is the same unit's"),
    ("针对零碳园区建设中的关键堵点，市发展改革委加强统筹协调。", {"sole": ["市发展改革委"]},
     "the subject after one topic clause (针对…，)"),
    ("市交通委加快布局充换电基础设施，支持园区参与零碳货运走廊示范建设。", {"sole": ["市交通委"]},
     "支持园区: the object of a policy verb is a beneficiary, no unit"),
    ("市经济信息化委支持推广“以绿制绿”模式，推动园区布局新型产业。", {"sole": ["市经济信息化委"]},
     "支持 + verb: the subject's work; 园区 its object"),
    ("市住房城乡建设管理委制定能效标准。市交通委加快布局充换电基础设施。",
     {"shared": ["市住房城乡建设管理委", "市交通委"]}, "one unit a sentence: several subjects, shared"),
    ("市委组织部加强干部培训。", {"sole": ["市委组织部"]}, "组织 inside a name (组织部) is no verb"),
    ("市委宣传部组织开展零碳宣传活动。", {"sole": ["市委宣传部"]}, "宣传部 a name, 组织开展 its verb"),
    ("区教育局指导各学校开展安全教育。", {"guide": ["区教育局"]}, "指导 opening the predicate: guide (as in a duty part)"),
    # ---- must give NOTHING
    ("园区每季度向市交通委报送建设进展。", {}, "市交通委 receives: an object"),
    ("每季度向市交通委报送建设进展。", {}, "向X: an object, no subject"),
    ("支持市交通委开展零碳货运试点。", {}, "支持X…: X is the beneficiary of the plan's support"),
    ("鼓励园区加快布局充换电设施。", {}, "鼓励园区: a beneficiary"),
    ("近年来，市交通委加快布局充换电设施，取得明显成效。", {}, "background: no task"),
    ("市交通委已完成充换电设施布局。", {}, "reported work (已)"),
    ("市交通委加快了充换电设施布局。", {}, "reported work (了)"),
    ("在市交通委指导下，各区加快布局充换电设施。", {}, "under 指导: no unit's duty read"),
    ("市交通委制定的标准适用于全市园区。", {}, "X制定的标准: a noun phrase, no duty"),
    ("企业加快绿色低碳转型。", {}, "a kind of body outside government"),
    ("有关部门加快推进相关工作。", {}, "a vague group with a plain verb (a modal reads it; a plain verb does not)"),
    ("各地加快推进相关工作。", {}, "各地 + a plain verb: a place, no office"),
    ("园区加快绿色低碳转型。", {}, "园区: a kind, not a named unit"),
    # found on the gov.cn crawl's 60 documents (untuned check, kb before/after): each gave a wrong name or a sole too many
    ("构建合作机制。优化政府支持、正向激励的资金补偿机制。", {}, "优化政府|支持: a verb opens the would-be name (国发〔2019〕6号)"),
    ("国务院人力资源社会保障行政部门牵头制定办法。", {"lead": ["国务院人力资源社会保障行政部门"]},
     "社会 ends like 会 but no name: not 国务院人力资源社会|保障… (国发〔2019〕4号)"),
    ("《法治政府建设实施纲要》提出明确要求。", {}, "a title is no name"),
    ("区政府按照市里的统一规定，建立区级协调制度。", {"sole": ["区政府"]},
     "X按照…，verb…: a manner clause opens the predicate, the verb after it is the subject's (沪奉府〔2016〕140号 五（一）)"),
    ("区政府按照规定，明确部门职责；各街镇全面梳理停车供需状况。", {"shared": ["区政府", "各街镇"]},
     "…；各街镇全面梳理…: a group of the plan's streets does its own part — a doer since session 18 (was unread)"),
    ("市交通委根据需要，适时组织专项检查。", {"sole": ["市交通委"]}, "根据…，(adverb) verb"),
    ("市交通委按照职责分工，配合做好工作。", {"support": ["市交通委"]}, "the support form wins (predicate_roles), as before"),
    ("县级以上地方人民政府结合本地实际，统筹制定年度抽查工作计划。", {"sole": ["县级以上地方人民政府"]},
     "结合…，verb: governments by level as one doer (国办发〔2019〕5号, gov.cn crawl)"),
    ("建议湖北省人民政府按照专家组意见，做好长期监测工作。", {}, "建议X…: a recommendation opens no name (gov.cn crawl)"),
    ("2019年3月底前，国家卫生健康委推行统一编码。", {"sole": ["国家卫生健康委"]},
     "a time clause before the subject, as a topic clause (国办发〔2019〕4号)"),
    ("2019年3月底前，国家卫生健康委建立全国系统。2019年6月底前，各省份建立省级系统。", {"shared": ["国家卫生健康委"]},
     "a group of places does its own part (各省份建立…, unread): the office read is not alone — shared, not sole"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:14] for r in ROWS])
def test_plain_verb_duties(sentence, expected, why):
    doc, tasks = parse_document(f"某方案\n一、主要任务\n（一）做好工作。{sentence}\n", "p")  # (a titled item: a lone sentence is a heading)
    assert not doc.tagged
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    assert _roles(task) == expected, why


def test_title_line_reads_no_plain_verb():
    """A line with no sentence's end is a title (协调委员会组建方案, gov.cn crawl): no duty read from it."""
    doc, tasks = parse_document("某方案\n一、主要任务\n协调委员会组建方案\n（一）做好工作。加强协调。\n", "p")
    assert not doc.tagged
    (task,) = [t for t in tasks if t.text.startswith("协调委员会")]
    assert _roles(task) == {}


def test_tagged_plan_reads_no_plain_verb():
    """In a plan WITH tags, a tag's item keeps the tag's units only; an untagged ITEM of its own beside it is read as in a
    plan without tags (session 16, read sentence by sentence: （二）市市场监管局推动… → sole; it was none); a paragraph with no marker
    of its own there stays unread."""
    text = ("某方案\n一、主要任务\n（一）建设设施。加快充换电设施建设。（市交通委牵头，市发展改革委配合）\n"
            "（二）推动溯源。市市场监管局推动绿电溯源标准编制。\n")
    doc, tasks = parse_document(text, "p")
    assert doc.tagged
    by = {t.text[:7]: t for t in tasks}
    assert _roles(by["（一）建设设施"]) == {"lead": ["市交通委"], "support": ["市发展改革委"]}
    assert _roles(by["（二）推动溯源"]) == {"sole": ["市市场监管局"]}
    doc, tasks = parse_document(text.replace("（二）推动溯源。", ""), "p")
    assert _roles(next(t for t in tasks if t.text.startswith("市市场监管局"))) == {}
