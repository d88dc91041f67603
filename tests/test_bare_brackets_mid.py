"""Bare unit brackets closing SENTENCES inside a paragraph (tagsblind8 cause 2, "Misses at FINAL" 1: 湖北 2008
《省委、省政府2008年若干重要工作责任分工方案》 `…整体发展实力(省发改委、交通厅、…等)。加快推进…工程建设(省发改委、交通厅、…)。支持
宜昌…(…)。`): the plan's habit is a bracket of unit names after each clause of work, several to a paragraph, and no
paragraph need close with one.  The habit (roles.bare_bracket_habit) now counts every bracket that closes a sentence
(before its 。/； or at the paragraph's end) or follows a sentence's end, not only a paragraph's last; with the habit,
each such bracket is a tag and the text after it is a task of its own.  A bracket right after a unit's name is that
unit's other name (`报送市政府（市政府办公厅）。`), and a bracket of an aside (`（以下简称…）`, `（含…）`, `（试行）`, years)
names no units: neither is a tag nor counts for the habit.

Each row: a small plan → the roles of the task opening with the given words, and how many tasks carry a tag → why.
Written before the code (session 13, prose4); the plans vary the level (省/市/县), the brackets (full-width, ASCII) and
the number of brackets a paragraph holds; none is the blind plan's text."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

CITY = ("某市2024年重点工作责任分工方案\n一、推动高质量发展\n"
        "1、加快建设现代化产业体系。围绕先进制造业集群，抓好重点产业链建设。积极培育新兴产业，提升产业整体竞争力（市发展改革委、"
        "市经济信息化委、市科技局等）。加快推进轨道交通、城市快速路等重大工程建设（市发展改革委、市交通运输局、市轨道集团）。"
        "支持东区、西区两个副中心建设，完善城市功能（市发展改革委、市住房城乡建设局、东区政府、西区政府）。\n"
        "2、完善扶持政策，支持各区发展特色产业，办好开发区和产业园区（市经济信息化委、市发展改革委、市财政局）。加大对困难群体的帮扶"
        "力度，促进共同富裕。对500户困难家庭的危房改造给予补助；再解决300户的安置问题（市民政局、市住房城乡建设局、市财政局）。\n")
COUNTY = ("某县2023年重点工作任务分工\n一、重点任务\n"
          "（一）扩大有效投资。全年实施重点项目50个(县发展改革局、县财政局)。加快城乡道路建设(县交通运输局)。\n"
          "（二）做好民生保障。新增城镇就业800人(县人社局)。完成老旧小区改造6个(县住建局、各乡镇)。\n")
ASIDES = ("某市推进办公室工作方案\n一、工作安排\n"
          "（一）成立推进机构。成立市推进工作领导小组办公室（以下简称市推进办）。各项工作按计划报送市政府（市政府办公厅）。\n"
          "（二）明确范围。适用于全市各类企业（含市属国有企业）。本方案自印发之日起施行（试行）。\n"
          "（三）做好统计。按季度报送统计数据（市统计局）。\n")
#: Found on the fixtures and the gov.cn crawl once the habit counted mid-paragraph brackets: a bracket of one short word
#: after a noun is the noun's alternative (家庭医生（团队）: 广州 2023, fixture 89; 工业企业(场所): 潮州 2019), not a unit;
#: （以下统称审核机构） is an aside (国办发〔2018〕115号).
KINDS = ("某市家庭医生签约服务工作方案\n一、工作任务\n"
         "（一）组建签约团队。签约服务主体为家庭医生（团队）。医疗机构要做好保障（团队）。\n"
         "（二）整治场所。排查整治工业企业(场所)。建立审核制度（以下统称审核机构）。\n")
ONE = ("某市统计工作方案\n一、工作安排\n"
       "（一）做好统计。按季度报送统计数据（市统计局）。加强数据质量管理。\n"
       "（二）加强监督。开展统计执法检查。\n")
AMONG_TAGS = ("某市统计工作方案\n一、工作安排\n"
              "（一）做好统计。按季度报送统计数据（市统计局牵头，市财政局配合）。加强数据质量管理（市统计局负责）。\n"
              "（二）加强监督。开展统计执法检查（市司法局）。完善统计制度（市统计局牵头）。\n")

ROWS = [
    (CITY, "1、加快建设", {"shared": ["市发展改革委", "市经济信息化委", "市科技局"]},
     "the item's first clauses up to the first bracket: its units (等 a tail)"),
    (CITY, "加快推进轨道交通", {"shared": ["市发展改革委", "市交通运输局", "市轨道集团"]},
     "the clause after a bracket is a task of its own, with its own bracket"),
    (CITY, "支持东区", {"shared": ["市发展改革委", "市住房城乡建设局", "东区政府", "西区政府"]}, "the paragraph's last bracket"),
    (CITY, "2、完善扶持政策", {"shared": ["市经济信息化委", "市发展改革委", "市财政局"]}, "one bracket closing the first sentence"),
    (CITY, "加大对困难群体", {"shared": ["市民政局", "市住房城乡建设局", "市财政局"]},
     "two sentences (the first without a bracket) up to the next bracket: one task"),
    (COUNTY, "（一）扩大", {"shared": ["县发展改革局", "县财政局"]}, "ASCII brackets, 县 level"),
    (COUNTY, "加快城乡道路", {"sole": ["县交通运输局"]}, "one unit: responsible alone"),
    (COUNTY, "完成老旧小区", {"shared": ["县住建局", "各乡镇"]}, "a group in the list"),
    (ASIDES, "（三）做好统计", {}, "an aside or another name is no habit: a lone bare bracket gives no role"),
    (ONE, "（一）做好统计", {}, "one bare bracket mid-paragraph is no habit: no role guessed"),
    (KINDS, "（一）组建", {}, "（团队） after a noun: its alternative, no unit and no habit"),
    (AMONG_TAGS, "加强数据质量管理", {"sole": ["市统计局"]}, "role tags mid-paragraph, as before"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("text", "opening", "expected", "why"), ROWS, ids=[f"{r[0][2:5]}-{r[1][:6]}" for r in ROWS])
def test_bare_brackets_inside_a_paragraph(text, opening, expected, why):
    _, tasks = parse_document(text, "p")
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (why, [t.text[:12] for t in tasks])
    assert _roles(hits[0]) == expected, why


@pytest.mark.parametrize(("text", "count"), [(CITY, 5), (COUNTY, 4), (ASIDES, 0), (ONE, 0), (KINDS, 0)],
                         ids=["city", "county", "asides", "one", "kinds"])
def test_every_bracket_is_one_tag(text, count):
    """Every bracket of the habit is one task's tag; asides and a lone bracket are none."""
    _, tasks = parse_document(text, "p")
    assert sum(1 for t in tasks if t.tag) == count


def test_a_bare_bracket_among_role_tags_gives_no_role():
    """（市司法局） among tags with role words is no habit: 市司法局 is given no role anywhere (no role guessed)."""
    _, tasks = parse_document(AMONG_TAGS, "p")
    assert not any("市司法局" in getattr(t, r) for t in tasks for r in ROLES)


def test_asides_are_no_tags():
    """（以下简称市推进办）, （市政府办公厅） after 市政府, （含市属国有企业）, （试行）: no unit named as a doer."""
    _, tasks = parse_document(ASIDES, "p")
    assert not any(getattr(t, r) for t in tasks for r in ROLES)


def test_a_plan_of_numbered_items_without_parts():
    """A page of items 11、12、 with no part heading (湖北 2008's page 3 as a search stored it): the habit is read over
    its items all the same."""
    text = ("某省委办公厅、某省人民政府办公厅关于印发《2008年若干重要工作责任分工方案》的通知\n"
            "11、推进区域协调发展。提升城市群整体实力(省发改委、交通厅、商务厅等)。加快推进铁路枢纽建设(省发改委、交通厅)。\n"
            "12、完善扶持政策,进一步发展壮大县域经济(省经委、发改委、财政厅)。\n")
    _, tasks = parse_document(text, "p")
    assert [(t.label, t.text[:6], _roles(t)) for t in tasks if t.tag] == [
        ("11", "11、推进区", {"shared": ["省发改委", "交通厅", "商务厅"]}),
        ("11-2", "加快推进铁路", {"shared": ["省发改委", "交通厅"]}),
        ("12", "12、完善扶", {"shared": ["省经委", "发改委", "财政厅"]})]
    # (the plan's item numbers stay: a later piece of item 11 is 11-2, and item 12 is not renumbered 3)
