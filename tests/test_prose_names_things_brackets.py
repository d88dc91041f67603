"""Names a prose or tag reading gives a role (session 14, prose5; causes routed from holdout15 4 and tagsblind10 7–8),
table-driven, written BEFORE the code:

- a thing the plan builds is no doer: a name ending in 专区/展区 (数据专区, 综合基础类数据专区 — a zone of data, not a district)
  is never read as a unit (`non_unit_endings`); a district or development zone (高新区, 浦东新区) still is;
- angle brackets hold a name's own alternatives as round ones do: 各县<市、区>人民政府, 各县〈市、区〉人民政府, 各县‹市、区›人民政府
  are ONE unit — a list is never split at the 、 inside them (roles.split_top);
- a prose name never holds an opening bracket whose closer is missing (a tag cut by the page end or glued to the item:
  `推进数据共享（省发展改革委牵头，…` named `推进数据共享（省发展改革委`): no role is read from it (not proved)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document
from kb.parser.roles import load_vocabulary, split_items

UNTAGGED = "某省关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{s}\n"
TAGGED = "某省关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{s}\n（二）加强督查。定期通报工作进展。（责任单位：省政府办公厅）\n"


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


def _item(text: str, sentence: str):
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if sentence[:6] in t.text]
    return task


# (sentence of a plan without tags, roles, why)
ROWS = [
    ("数据专区应建立数据共享制度。", {}, "a zone of data (专区) is a thing the plan builds, no doer (holdout15, reworded)"),
    ("综合基础类数据专区要加强数据治理。", {}, "the same, a longer name"),
    ("高新区要加快推进产业集聚。", {"sole": ["高新区"]}, "control: a development zone is a body (unchanged)"),
    ("市大数据局负责数据专区建设。", {"sole": ["市大数据局"]}, "control: the doer of the 专区's building (unchanged)"),
    ("各县<市、区>人民政府负责组织实施。", {"sole": ["各县<市、区>人民政府"]}, "<…> inside a name: one unit"),
    ("由市住建局牵头，各县〈市、区〉人民政府负责落实。", {"lead": ["市住建局"], "shared": ["各县〈市、区〉人民政府"]},
     "〈…〉 inside a name: one unit"),
    ("推进数据共享（省发展改革委牵头负责数据归集。", {},
     "an opening bracket with no closer is no part of a name: a tag missing its closer proves no reading — no role "
     "(it named 推进数据共享（省发展改革委; first written as lead 省发展改革委, changed to honest: a cut tag's other units are lost)"),
    ("推进数据共享，（省发展改革委牵头负责数据归集。", {}, "the same after a comma (it named （省发展改革委)"),
    ("推进数据共享（试点）工作，省发展改革委牵头负责数据归集。", {"lead": ["省发展改革委"]},
     "control: a closed bracket before the subject (unchanged)"),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:10] for r in ROWS])
def test_prose_names(sentence, expected, why):
    assert _roles(_item(UNTAGGED.format(s=sentence), sentence)) == expected, why


# (a list of units, the names, why)
LISTS = [
    ("各县<市、区>人民政府、市住建局", ["各县<市、区>人民政府", "市住建局"], "<…>"),
    ("各县‹市、区›人民政府、市住建局", ["各县‹市、区›人民政府", "市住建局"], "‹…›"),
    ("各县〈市、区〉人民政府、市住建局", ["各县〈市、区〉人民政府", "市住建局"], "〈…〉"),
    ("各县（市、区）人民政府、市住建局", ["各县（市、区）人民政府", "市住建局"], "control: round brackets (unchanged)"),
]


@pytest.mark.parametrize(("names", "expected", "why"), LISTS, ids=[r[-1] for r in LISTS])
def test_angle_brackets_hold_a_name(names, expected, why):
    assert split_items(names, load_vocabulary()) == expected, why


def test_a_tag_with_angle_brackets():
    sentence = "推进工作。（市住建局牵头，各县‹市、区›人民政府负责落实）"
    assert _roles(_item(TAGGED.format(s=sentence), "推进工作")) == {"lead": ["市住建局"], "shared": ["各县‹市、区›人民政府"]}
