"""Three readings of who does what (tagsblind9, routed to labels2), table-driven, written before the code:

- a level word (市/区/县/省) the first item of a 、-list opens with is shared by the later items only when it IS a level:
  市政、城管部门 names 市政部门 and 城管部门 (市政 and 市场 are words of their own), not 市城管部门;
- 负责配合 / 负责牵头 / 负责指导 name the role after 负责 (support, lead, guide), and 负责 is no part of the unit's name;
- a cover notice (or preface) naming the 配合单位 of every task (方案中各项任务的配合单位为各区人民政府) gives them to every task."""

import pytest

from kb.parser import parse_document
from kb.parser.roles import load_vocabulary, split_items

ROLE_KEYS = ("lead", "guide", "support", "sole", "shared")


def _roles(task):
    return {k: getattr(task, k) for k in ROLE_KEYS if getattr(task, k)}


# (a list of units with one generic ending, names, why)
LEVEL_CASES = [
    ("市政、城管部门", ["市政部门", "城管部门"], "市政 is a domain (municipal works), no level 市 + 政: 城管部门 gets no 市"),
    ("市场监管、公安部门", ["市场监管部门", "公安部门"], "市场 is a word: no level"),
    ("市容环卫、绿化部门", ["市容环卫部门", "绿化部门"], "市容 is a word: no level"),
    ("区域规划、交通部门", ["区域规划部门", "交通部门"], "区域 is a word: no level"),
    ("市市场监管、公安部门", ["市市场监管部门", "市公安部门"], "control: 市 then 市场监管 — the level is shared"),
    ("市民政、财政部门", ["市民政部门", "市财政部门"], "control: 市 + 民政, the level is shared"),
    ("县水利、农业农村部门", ["县水利部门", "县农业农村部门"], "control: a county list"),
    ("省人力资源社会保障、教育部门", ["省人力资源社会保障部门", "省教育部门"], "control: a province list"),
]


@pytest.mark.parametrize("names,expected,why", LEVEL_CASES, ids=[c[-1][:20] for c in LEVEL_CASES])
def test_level_shared_over_a_list(names, expected, why):
    assert split_items(names, load_vocabulary()) == expected, why


# (tag, roles, why)
ROLE_AFTER_FUZE_CASES = [
    ("（市城管局负责配合）", {"support": ["市城管局"]}, "负责配合 is support; 负责 is no part of the name"),
    ("（市住建局牵头，市城管局、市公安局负责配合）", {"lead": ["市住建局"], "support": ["市城管局", "市公安局"]},
     "a list before 负责配合"),
    ("（区发展改革委负责牵头，区财政局配合）", {"lead": ["区发展改革委"], "support": ["区财政局"]}, "负责牵头 is lead"),
    ("（县农业农村局负责指导，各乡镇负责落实）", {"guide": ["县农业农村局"], "sole": ["各乡镇"]}, "负责指导 is guide"),
    ("（省商务厅牵头，省财政厅负责协助）", {"lead": ["省商务厅"], "support": ["省财政厅"]}, "负责协助 is support"),
    ("（市教育局负责）", {"sole": ["市教育局"]}, "control: 负责 alone"),
]


@pytest.mark.parametrize("tag,expected,why", ROLE_AFTER_FUZE_CASES, ids=[c[-1][:20] for c in ROLE_AFTER_FUZE_CASES])
def test_role_word_after_fuze(tag, expected, why):
    _, tasks = parse_document("某市行动方案\n一、重点任务\n1.推进甲工作。" + tag + "\n", "p")
    assert _roles(tasks[0]) == expected, why
    assert not tasks[0].warnings


COVER = ("各区人民政府，市政府各委、办、局：\n现将《某市城市更新行动方案》印发给你们，请认真贯彻执行。{note}\n"
         "某市人民政府办公室\n2024年3月1日\n某市城市更新行动方案\n为推进城市更新，制定本方案。\n一、重点任务\n"
         "1.推进老旧小区改造。（市住建局牵头，市财政局配合）\n2.建设口袋公园。（市园林局负责）\n3.完善停车设施。（市交通局、市公安局负责）\n")

# (note in the cover notice, support added to every task, why)
COVER_CASES = [
    ("方案中各项任务的配合单位为各区人民政府，不再一一列出。", ["各区人民政府"], "配合单位为 in the cover notice"),
    ("所有任务配合单位均为各区政府、各街道办事处。", ["各区政府", "各街道办事处"], "所有任务…均为, two groups"),
    ("各区人民政府为各项任务的配合单位，不再一一列出。", ["各区人民政府"], "the units first: X为各项任务的配合单位"),
    ("请认真贯彻执行，各区政府、各街道办事处均是各项工作的配合单位。", ["各区政府", "各街道办事处"],
     "X、Y均是…: the units after the comma only"),
    ("各牵头单位要会同配合单位抓好落实。", [], "control: 配合单位 named, no units given to every task"),
    ("各项任务的配合单位为本方案确定的有关方面。", [], "control: no unit named"),
]


def test_closing_note_names_support_of_every_task():
    text = ("某县乡村振兴实施方案\n一、重点任务\n1.发展特色产业。（县农业农村局牵头）\n2.改善人居环境。（县住建局负责）\n"
            "二、保障措施\n以上各项任务的配合单位均为各乡镇人民政府。\n某县人民政府\n2024年5月6日\n")
    doc, tasks = parse_document(text, "p")
    assert [t.support for t in tasks if t.kind == "task"] == [["各乡镇人民政府"]] * 2


@pytest.mark.parametrize("note,support,why", COVER_CASES, ids=[c[-1][:20] for c in COVER_CASES])
def test_cover_notice_names_support_of_every_task(note, support, why):
    doc, tasks = parse_document(COVER.format(note=note), "p")
    tagged = [t for t in tasks if t.kind == "task"]
    assert [t.text[:2] for t in tagged] == ["1.", "2.", "3."]
    assert [t.support for t in tagged] == [["市财政局"] + support, support, support], why
    assert tagged[0].lead == ["市住建局"] and tagged[1].sole == ["市园林局"] and tagged[2].shared == ["市交通局", "市公安局"]
