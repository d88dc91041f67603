"""Places sharing a level's government written once after the last (kb.parser.roles._share_level_government).

``（宝安、龙岗区政府负责）`` names two bodies, 宝安区政府 and 龙岗区政府: the places before the last share its level and
government word.  kb read the unit ``宝安`` — a name no plan gives (tagsblind11, routed to labels4).  A bare word before
``X区政府`` is a 区 only where the plan proves it (it writes ``宝安区`` elsewhere); else the list is kept as ONE name as
written (``宝安、龙岗区政府``, as 各县、区人民政府 is) and reported — never a unit ``宝安`` (the lead's probe lines.txt:
"never 宝安"), never a guessed ``群众区政府``.  (tagsblind8 09's gold reads 哈尔滨、黑河、绥芬河市政府 as 哈尔滨, 黑河 — with
the shared suffix as its alternative; that plan never writes 哈尔滨市, so kb now keeps the three as written, one name.)

The plans are written by hand for this test (区, 县, 市, 镇 levels; 政府 and 人民政府); the expectations were written before
the code.
"""

import pytest

from kb.parser import parse_document

PROVED = "某市推进城市更新实施方案\n为推进宝安区、龙岗区、福田区、罗湖区和平阳县、苍南县城市更新，制定本方案。\n一、重点任务\n"
UNPROVED = "某市推进城市更新实施方案\n为推进城市更新，制定本方案。\n一、重点任务\n"


def _units(preface: str, item: str) -> dict[str, list[str]]:
    doc, tasks = parse_document(preface + item + "\n二、保障措施\n加强组织领导。\n", "p")
    task = next(t for t in tasks if t.text.startswith("1."))
    return {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)}


# (preface, item, roles expected, why)
ROWS = [
    (PROVED, "1.推进产业园区建设。（宝安、龙岗区政府负责）", {"shared": ["宝安区政府", "龙岗区政府"]},
     "宝安区 is named in the plan: the place shares 区政府"),
    (PROVED, "1.推进旧村改造。（市规划和自然资源局牵头，福田、罗湖区人民政府配合）",
     {"lead": ["市规划和自然资源局"], "support": ["福田区人民政府", "罗湖区人民政府"]}, "人民政府, in a support list"),
    (PROVED, "1.推进县城建设。（平阳、苍南县政府负责）", {"shared": ["平阳县政府", "苍南县政府"]}, "县 level"),
    (UNPROVED, "1.推进产业园区建设。（宝安、龙岗区政府负责）", {"sole": ["宝安、龙岗区政府"]},
     "not proved: one name as written (sole: one unit), never 宝安, no level guessed"),
    (UNPROVED, "1.推进旧村改造。（市规划和自然资源局牵头，福田、罗湖区人民政府配合）",
     {"lead": ["市规划和自然资源局"], "support": ["福田、罗湖区人民政府"]}, "not proved, in a support list"),
    (PROVED, "1.加强宣传引导。（群众、龙岗区政府负责）", {"sole": ["群众、龙岗区政府"]},
     "群众区 is nowhere in the plan: no 群众区政府 guessed"),
    (PROVED, "1.推进学校建设。（市教育局、财政局负责）", {"shared": ["市教育局", "财政局"]},
     "control: no level's government closes the list"),
    (PROVED, "1.推进园区建设。（市发展改革委、龙岗区政府负责）", {"shared": ["市发展改革委", "龙岗区政府"]},
     "control: a whole name before it"),
    (PROVED, "1.推进街道建设。（各街道、龙岗区政府负责）", {"shared": ["各街道", "龙岗区政府"]},
     "control: a group before it"),
]


@pytest.mark.parametrize("preface, item, roles, why", ROWS, ids=[r[3][:30] for r in ROWS])
def test_place_lists(preface, item, roles, why):
    assert _units(preface, item) == roles, why


def test_unproved_reported():
    """An unproved list is reported, so a reader sees that 宝安 may stand for 宝安区政府."""
    doc, tasks = parse_document(UNPROVED + "1.推进产业园区建设。（宝安、龙岗区政府负责）\n", "p")
    task = next(t for t in tasks if t.text.startswith("1."))
    assert any("宝安、龙岗区政府" in w for w in task.warnings), task.warnings
