"""``sole`` is ONE unit alone; several units responsible are ``shared`` each (the lead's decision of session 9,
README "How the plan is read" A2; ``kb.parser.roles.settle_responsible``, run on every task by
``kb.parser.core.rule_one_unit_sole``).

Table-driven on small synthetic plans, one form of the genre a row: input → expected roles → why.  The expected
roles were written by hand from the row's words before kb ran on them.  Awkward rows: one unit; a group whose name
holds 、 (one unit); a 等 tail that leaves one unit; the first-is-lead rule; a single 按职责分工负责 unit; a lead with
several 负责落实 units and with one; a table cell; a label line; a duty section; prose; a carry-forward."""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from kb.parser.roles import settle_responsible

KEYS = ("lead", "support", "sole", "shared", "guide", "implied")
HEAD = "某区某某工作实施方案\n一、重点任务\n"


def _roles(task) -> dict:
    return {k: getattr(task, k) for k in KEYS if getattr(task, k)}


def _task(text: str, prefix: str):
    _, tasks = parse_document(text, "p")
    hits = [t for t in tasks if t.text.startswith(prefix)]
    assert len(hits) == 1, [(t.kind, t.text) for t in tasks]
    return hits[0]


# (plan text, prefix of the task, expected roles, why)
ROWS = [
    # --- several units, no lead: shared each, whatever the form
    (HEAD + "1.加强管理。（区A局、区B局负责）\n", "1.加强管理",
     {"shared": ["区A局", "区B局"]}, "bracket tag A、B负责: two units share it, none leads"),
    (HEAD + "1.加强管理。（区A局、区B局负责落实）\n", "1.加强管理",
     {"shared": ["区A局", "区B局"]}, "负责落实 is 负责: two units share it"),
    (HEAD + "1.加强管理。（区A局、区B局等和各有关街道办事处负责）\n", "1.加强管理",
     {"shared": ["区A局", "区B局", "各有关街道办事处"]}, "等和 splits the list from the group: three units"),
    (HEAD + "1.加强管理。（责任单位：区A局、区B局）\n", "1.加强管理",
     {"shared": ["区A局", "区B局"]}, "责任单位 alone (no lead label) naming two units"),
    (HEAD + "1.加强管理。\n责任单位：区A局、区B局\n", "1.加强管理",
     {"shared": ["区A局", "区B局"]}, "a label line (C) closing the item above"),
    (HEAD + "1.加强管理。（区A局、区B局组织落实）\n", "1.加强管理",
     {"shared": ["区A局", "区B局"]}, "组织落实 with no lead: the units carry it out together"),
    (HEAD + "1.加强管理。（区A局负责，区B局、区C局按职责分工负责）\n", "1.加强管理",
     {"shared": ["区B局", "区C局", "区A局"]}, "负责 beside a 按职责分工负责 list: A is not alone"),
    (HEAD + "1.加强管理。（区A局、区B局负责。同责单位，无先后大小责任之分）\n", "1.加强管理",
     {"shared": ["区A局", "区B局"]}, "the equal rule (同责单位): shared"),
    ("某区某某工作实施方案\n一、重点任务\n加强管理，建立台账。\n二、职责分工\n（一）区A局、区B局\n做好台账的建立和管理工作。\n",
     "做好台账", {"shared": ["区A局", "区B局"]}, "a duty section (G) headed by two units"),
    ("某区某某工作实施方案\n一、重点任务\n1.区A局和区B局负责做好台账管理工作。\n", "1.区A局和区B局",
     {"shared": ["区A局", "区B局"]}, "prose A和B负责… in a plan without tags"),
    ("某区某某工作实施方案\n一、重点任务\n1.区A局及区B局负责做好台账管理工作。\n", "1.区A局及区B局",
     {"shared": ["区A局", "区B局"]}, "prose A及B负责…"),
    # --- several 负责 units under a lead: they share the carrying out
    (HEAD + "1.加强管理。（区X局牵头，区A局、区B局负责落实）\n", "1.加强管理",
     {"lead": ["区X局"], "shared": ["区A局", "区B局"]}, "a lead plus two 负责落实 units: A and B share the carrying out"),
    # --- one unit: sole
    (HEAD + "1.加强管理。（区A局负责）\n", "1.加强管理",
     {"sole": ["区A局"]}, "one unit alone"),
    (HEAD + "1.加强管理。（各区、县级市负责）\n", "1.加强管理",
     {"sole": ["各区、县级市"]}, "a group whose name holds 、 is ONE unit"),
    (HEAD + "1.加强管理。（各省级人民政府负责）\n", "1.加强管理",
     {"sole": ["各省级人民政府"]}, "a generic group alone"),
    (HEAD + "1.加强管理。（区A局等负责）\n", "1.加强管理",
     {"sole": ["区A局"]}, "the 等 tail is dropped before counting: one unit"),
    (HEAD + "1.加强管理。（区A局等有关部门负责）\n", "1.加强管理",
     {"sole": ["区A局"]}, "the 等有关部门 tail is dropped before counting: one unit"),
    (HEAD + "1.加强管理。（区X局牵头，区Y局负责落实）\n", "1.加强管理",
     {"lead": ["区X局"], "shared": ["区Y局"]},
     "a lead plus ONE 负责落实 unit: it carries the work out with the lead leading — shared, never sole ('alone') "
     "beside a lead (session 13, ca01a6a: as tables and tags read an implementer beside a lead)"),
    (HEAD + "1.加强管理。\n责任单位：区A局\n", "1.加强管理",
     {"sole": ["区A局"]}, "a label line naming one unit"),
    # --- rules and lists that are no sole at all: unchanged
    (HEAD + "1.加强管理。（区A局、区B局负责。列第一位者为牵头单位，下同）\n", "1.加强管理",
     {"lead": ["区A局"], "support": ["区B局"]}, "the first-is-lead rule: first leads, the others support"),
    ("某区某某工作实施方案\n无牵头单位的，责任单位即为牵头单位。\n一、重点任务\n1.加强管理。（责任单位：区A局、区B局）\n",
     "1.加强管理", {"lead": ["区A局", "区B局"]}, "the responsible-is-lead rule: both lead"),
    (HEAD + "1.加强管理。（各有关部门按职责分工负责）\n", "1.加强管理",
     {"sole": ["各有关部门"]}, "按职责分工负责 with a single unit: one group is never shared with itself (ROUTED s17 (f); "
     "it stayed shared)"),
    (HEAD + "1.加强管理。（区X局牵头，区A局、区B局配合）\n", "1.加强管理",
     {"lead": ["区X局"], "support": ["区A局", "区B局"]}, "lead + support: nothing to settle"),
    (HEAD + "1.加强管理。（牵头单位：区X局；责任单位：区A局、区B局）\n", "1.加强管理",
     {"lead": ["区X局"], "support": ["区A局", "区B局"]}, "责任单位 after a lead label supports it"),
    (HEAD + "1.加强管理。（区A局负责。各项工作均需各街道落实，以下不再列出）\n2.完善制度。（区B局负责）\n", "2.完善制度",
     {"sole": ["区B局"], "implied": ["各街道"]}, "a carry-forward stays implied and is no responsible unit"),
]


# Several units joined by 和/及/以及/与/``/`` inside one list item are several units when every part is a whole name of a
# unit (kb.parser.roles._joined_units); a name holding 和 stays one (written by hand before kb ran on them).
JOINED = [
    ("（区发改委和区财政局负责）", {"shared": ["区发改委", "区财政局"]}, "和 between two whole names: two units"),
    ("（区发改委及区财政局负责）", {"shared": ["区发改委", "区财政局"]}, "及 between two whole names"),
    ("（区发改委以及区财政局负责）", {"shared": ["区发改委", "区财政局"]}, "以及 between two whole names"),
    ("（区发改委与区财政局负责）", {"shared": ["区发改委", "区财政局"]}, "与 between two whole names"),
    ("（区发改委/区财政局负责）", {"shared": ["区发改委", "区财政局"]}, "a slash between two whole names"),
    ("（区发改委和区财政局牵头，区税务局配合）", {"lead": ["区发改委", "区财政局"], "support": ["区税务局"]},
     "two leads joined by 和"),
    ("（各区人民政府和市有关部门负责）", {"shared": ["各区人民政府", "市有关部门"]}, "a government and a group of departments"),
    ("（区人力资源和社会保障局负责）", {"sole": ["区人力资源和社会保障局"]}, "和 inside a name: one unit"),
    ("（区文化和旅游局负责）", {"sole": ["区文化和旅游局"]}, "文化 is no unit: one name"),
    ("（各有关部门和单位负责）", {"sole": ["各有关部门和单位"]}, "单位 alone is no whole name: one group"),
    ("（各级党委和政府负责）", {"sole": ["各级党委和政府"]}, "政府 alone (2 characters) is no whole name: one group"),
    ("（区人民政府及其有关部门负责）", {"sole": ["区人民政府及其有关部门"]}, "其有关部门 refers back: kept as written"),
]


@pytest.mark.parametrize(("tag", "expected", "why"), JOINED, ids=[r[2] for r in JOINED])
def test_units_joined_by_and(tag, expected, why):
    assert _roles(_task(HEAD + "1.加强管理。" + tag + "\n", "1.加强管理")) == expected, why


@pytest.mark.parametrize(("text", "prefix", "expected", "why"), ROWS, ids=[r[3] for r in ROWS])
def test_sole_means_one_unit(text, prefix, expected, why):
    assert _roles(_task(text, prefix)) == expected, why


# A task table: one row a line, tab-delimited (the form of tests/test_tables_delimited.py).
TABLE = ("某区2024年重点工作任务分解表\n\n"
         "序号\t重点任务\t责任单位\n"
         "1\t建立台账管理制度\t区A局、区B局\n"
         "2\t开展专项检查行动\t区C局\n")
LEAD_TABLE = ("某区2024年重点工作任务分解表\n\n"
              "序号\t重点任务\t牵头单位\t责任单位\n"
              "1\t建立台账管理制度\t区X局\t区A局、区B局\n")


@pytest.mark.parametrize(("text", "body", "expected", "why"), [
    (TABLE, "建立台账管理制度", {"shared": ["区A局", "区B局"]}, "a 责任单位 cell of two units, no 牵头 column"),
    (TABLE, "开展专项检查行动", {"sole": ["区C局"]}, "a 责任单位 cell of one unit"),
    (LEAD_TABLE, "建立台账管理制度", {"lead": ["区X局"], "support": ["区A局", "区B局"]},
     "a 牵头 column: the 责任单位 units support it"),
], ids=["two-unit cell", "one-unit cell", "with a lead column"])
def test_table_cells(text, body, expected, why):
    _, tasks = parse_document(text, "plan", "plan.txt")
    hits = [t for t in tasks if t.body == body]
    assert len(hits) == 1, [(t.kind, t.body) for t in tasks]
    assert _roles(hits[0]) == expected, why


@pytest.mark.parametrize(("holders", "after", "why"), [
    ({"sole": ["A"], "shared": []}, ({"sole": ["A"], "shared": []}, None), "one unit"),
    ({"sole": ["A", "B"], "shared": []}, ({"sole": [], "shared": ["A", "B"]}, "2 个单位同为责任单位"), "two units"),
    ({"sole": ["A"], "shared": ["B"]}, ({"sole": [], "shared": ["B", "A"]}, "2 个单位同为责任单位"), "one beside a shared one"),
    ({"sole": ["A"], "shared": ["A"]}, ({"sole": ["A"], "shared": ["A"]}, None), "the same unit twice is one"),
    ({"sole": [], "shared": ["A", "B"]}, ({"sole": [], "shared": ["A", "B"]}, None), "nothing sole: untouched"),
], ids=["one", "two", "beside-shared", "same-twice", "no-sole"])
def test_settle_responsible(holders, after, why):
    why_given = settle_responsible(holders)
    assert (holders, why_given) == after, why
