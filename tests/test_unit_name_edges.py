"""Where a unit's name begins and ends in prose duties of regulations and plans (session 10, duties2; blind
tagsblind5 C1/C5/C6/C7 on two city regulations): an adverb after a name is no part of it (由各区自行制定 gave the unit
`各区自行`: `行` ends 银行), a list of levels opening a name is one unit as written (市、区财政部门), several bodies sharing
one generic ending (市人力资源和社会保障、民政部门), and `X负责…；会同Y…` (Y supports, X leads).  Sentences written for this
file (not from any plan), expected roles written before kb ran.  Table-driven: text → roles → why; controls that
must NOT change are rows too."""

import pytest

from kb.parser import parse_document
from kb.parser.roles import load_vocabulary, split_items

ROLE_KEYS = ("lead", "guide", "support", "sole", "shared")
PLAN = ("关于进一步加强本市某项服务的方案\n\n一、工作目标\n\n到2027年底，实现规范管理。\n\n三、职责分工\n\n{}\n\n"
        "四、保障措施\n\n各部门要加强协同配合。\n")


def _roles(para):
    _, tasks = parse_document(PLAN.format(para), "t")
    hits = [t for t in tasks if t.text.startswith(para[:8])]
    assert len(hits) == 1, [t.text[:20] for t in tasks]
    return {k: getattr(hits[0], k) for k in ROLE_KEYS if getattr(hits[0], k)}


# (paragraph in a duty part of a plan without tags, expected roles, why)
CASES = [
    # 1. adverbs glued into an agent
    ("1.服务设施布局规划由各区自行制定，报市人民政府备案。", {"sole": ["各区"]},
     "was sole `服务设施布局规划由各区自行` (a confident wrong name): 自行 is an adverb, 由 opens no name; `各区` is a "
     "short unit name (roles.yaml short_unit_names: 各区, 各县, 各镇 … as tags read them)"),
    ("19.各区负责本辖区服务设施的日常管理。", {"sole": ["各区"]}, "各区 opening a duty paragraph"),
    ("2.具体评估办法由市民政部门另行制定。", {"sole": ["市民政部门"]}, "was `市民政部门另行`: the name ends before 另行"),
    ("3.市民政部门统一组织实施服务质量评估。", {"sole": ["市民政部门"]},
     "统一 after the subject opens the predicate (no role before: 统一 was no predicate word)"),
    ("4.由区卫生健康部门依法组织调查处理。", {"sole": ["区卫生健康部门"]}, "由X依法组织: 依法 no part of the name"),
    ("5.区文化旅游局自行组织年度检查。", {"sole": ["区文化旅游局"]}, "X自行…: the subject ends before 自行"),
    ("6.中国人民银行某市分行负责信贷支持。", {"sole": ["中国人民银行某市分行"]}, "control: 行 of 银行/分行 still ends a name"),
    ("7.养老服务中心由街道办事处负责运营。", {"sole": ["街道办事处"]},
     "control: the doer after 由 (the sentence's topic before 由 is no unit)"),
    # 2. level lists opening a name
    ("8.市、区财政部门负责服务资金保障。", {"sole": ["市、区财政部门"]},
     "one unit as written (the gold's convention: a name holding 、 is one entity, as 各区、县级市); was `…市` + `区财政部门`"),
    ("9.区、镇人民政府和街道办事处负责本辖区的服务工作。", {"shared": ["区、镇人民政府", "街道办事处"]},
     "a level list, then 和 another body: two units"),
    ("10.由市、区民政部门负责日常监督。", {"sole": ["市、区民政部门"]}, "由 + a level list"),
    ("11.本市、区两级财政安排专项资金。", {}, "control: 本市、区两级财政 is no unit (财政 ends like none)"),
    ("19.由相关市、县政府负责组织实施。", {"sole": ["相关市、县政府"]}, "由 + a level list opened by 相关: one unit"),
    # 3. one generic ending shared by a list; 会同 after ；
    ("12.市人力资源和社会保障、民政部门负责护理人员培训。", {"shared": ["市人力资源和社会保障部门", "市民政部门"]},
     "two bodies sharing 部门 and the level 市 (was no role)"),
    ("13.市教育、卫生健康行政主管部门负责行业监管。", {"shared": ["市教育行政主管部门", "市卫生健康行政主管部门"]},
     "the shared ending is 行政主管部门"),
    ("14.市民政局、市财政局负责资金监管。", {"shared": ["市民政局", "市财政局"]}, "control: names already whole"),
    ("15.教育、卫生等部门负责宣传。", {"shared": ["教育部门", "卫生部门"]},
     "domains before a 等部门 tail are the departments of the list (prose3, 7f44497: 市应急管理、交通、公安等部门要…); "
     "this row was a control with no names and was not updated by that change"),
    ("16.市民政部门负责服务机构的登记管理；会同市卫生健康部门推进医养结合。",
     {"lead": ["市民政部门"], "support": ["市卫生健康部门"]},
     "X负责…；会同Y…: the 会同 part is X's, Y supports X, X leads (session 14, prose5: was sole beside Y — as `X负责…，并会同Y…`)"),
    ("17.区财政局负责经费保障；并会同区审计局加强资金监督。", {"lead": ["区财政局"], "support": ["区审计局"]},
     "；并会同Y: the same"),
    ("18.区财政局负责经费保障；区审计局加强资金监督。", {"sole": ["区财政局"]},
     "control: a part with a subject of its own is not X's"),
]


@pytest.mark.parametrize(("para", "expected", "why"), CASES, ids=[c[0][:12] for c in CASES])
def test_unit_name_edges(para, expected, why):
    assert _roles(para) == expected, why


# (list of units, names, why): split_items, used by tags and prose alike
SPLIT_CASES = [
    ("市人力资源和社会保障、民政部门", ["市人力资源和社会保障部门", "市民政部门"], "shared ending and level"),
    ("发展改革、财政部门", ["发展改革部门", "财政部门"], "no level word: the ending only"),
    ("市、区财政部门", ["市、区财政部门"], "a level list is one name as written"),
    ("各区、县级市", ["各区、县级市"], "control: unchanged (joined_names)"),
    ("区发展改革委、区财政局", ["区发展改革委", "区财政局"], "control: whole names"),
    ("区政府、有关部门", ["区政府", "有关部门"], "control: the first ends like a unit"),
    ("各州、市人民政府", ["各州、市人民政府"], "州 is a level (云南: 各州、市人民政府; tagsblind8 06 split it in two)"),
    ("相关市、县政府", ["相关市、县政府"], "a level list opened by 相关 (黑龙江: tagsblind8 09 read 相关市 + 县政府)"),
    ("有关市、县人民政府、省财政厅", ["有关市、县人民政府", "省财政厅"], "有关 the same; the next unit stays its own"),
    ("各省、自治区、直辖市人民政府", ["各省、自治区、直辖市人民政府"], "control: unchanged"),
    ("省发展改革委、相关市政府", ["省发展改革委", "相关市政府"], "control: 相关市政府 alone is no list"),
]


@pytest.mark.parametrize(("names", "expected", "why"), SPLIT_CASES, ids=[c[0] for c in SPLIT_CASES])
def test_split_items(names, expected, why):
    assert split_items(names, load_vocabulary()) == expected, why


# A regulation written by chapters and articles (tagsblind5 C8): `第X章` lines and `第X条` paragraphs are structure.
REGULATION = """某市社区服务条例

第一章 总则

第一条 为了规范社区服务，结合本市实际，制定本条例。

第二条 市民政部门负责本市社区服务工作的统筹协调和监督管理。

第三条 区人民政府应当履行下列职责：

（一）制定社区服务发展规划；

（二）建立社区服务协调机制；

（三）保障社区服务经费。

第四条 区财政局负责社区服务资金保障。

第二章 服务设施

第五条 社区服务设施布局规划由各区自行制定。

第六条 市规划资源局负责社区服务设施用地保障；会同市住房城乡建设管理委做好配套建设。
"""

# (start of the task's text, label, roles, why) — every task of the plan, in order
REGULATION_TASKS = [
    ("第一条", "一1", {}, "the title (…条例) and 第一章 stand alone: before, title + 第一章总则 + 第一条 were one paragraph"),
    ("第二条", "一2", {"sole": ["市民政部门"]}, "an article under 第一章 (part 一)"),
    ("第三条", "一3", {"sole": ["区人民政府"]}, "X应当履行下列职责："),
    ("（一）制定", "一4", {"sole": ["区人民政府"]}, "an item of the article's list is a task of its own, its subject's"),
    ("（二）建立", "一5", {"sole": ["区人民政府"]}, "the same (before: a section heading holding nothing, the duty lost)"),
    ("（三）保障", "一6", {"sole": ["区人民政府"]}, "the same"),
    ("第四条", "一7", {"sole": ["区财政局"]}, "第X条 closes the list: before, labelled （三）1"),
    ("第五条", "二1", {"sole": ["各区"]}, "第二章 is part 二 (before: 第二章服务设施第五条… one paragraph under （三）)"),
    ("第六条", "二2", {"lead": ["市规划资源局"], "support": ["市住房城乡建设管理委"]}, "X负责…；会同Y… (X leads: session 14)"),
]


def test_regulation_structure():
    _, tasks = parse_document(REGULATION, "t")
    got = [(t.text[:len(start)], t.label, {k: getattr(t, k) for k in ROLE_KEYS if getattr(t, k)})
           for t, (start, *_rest) in zip(tasks, REGULATION_TASKS)]
    assert len(tasks) == len(REGULATION_TASKS), [t.text[:10] for t in tasks]
    for (start, label, roles, why), row in zip(REGULATION_TASKS, got):
        assert row == (start, label, roles), why


# (two paragraphs as a web page gives them, joined or not, why): cleanup's line joins
JOIN_CASES = [
    ("第二章 服务设施", "第五条 社区服务设施布局规划由各区自行制定", False, "a chapter heading stands alone"),
    ("各区应当依照本条例", "第九条的规定执行。", True, "control: a citation 第九条的… may open a wrapped line"),
    ("有关事项依照本条例", "第十条、第十一条规定办理。", True, "control: a citation list; 本条例 is no title"),
    ("区民政局负责日常监督管理", "第七条 市财政局负责资金保障。", False, "an article opens a paragraph"),
]


@pytest.mark.parametrize(("previous", "line", "joined", "why"), JOIN_CASES, ids=[c[3][:20] for c in JOIN_CASES])
def test_article_lines(previous, line, joined, why):
    from kb.parser.cleanup import continues
    assert continues(previous, line) == joined, why
