"""(ROUTED tagsblind11 → tables3 (b)) Several units' names glued in ONE table cell with nothing between them
(``市发展改革委市财政局``, a page or PDF that lost the cell's line breaks) were read as ONE name, given the column's role
(a confident wrong answer: no such unit).  A cell's name is cut where a name ending like a unit is followed by one
opening like a unit of a level (省…, 市…, 县…, 区…; 各… after anything but a government or committee: 县政府各部门 stays
one group) — only when EVERY piece is a unit's name of three characters or more; else it stays as written.  The cut
cell reads as the same cell written with 、.  Forms of my own; expectations written before the code
(kb/parser/tables.py ``_names``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _table(lead: str, support: str) -> list:
    text = ("某地重点工作任务分工\n"
            "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
            f"1\t推进老旧小区改造。\t{lead}\t{support}\t2024年底前\n"
            "2\t建设城市书房10家。\t市文广旅局\t各区政府\t2024年底前\n")
    return [t for t in parse_document(text, "t")[1] if t.text.startswith("推进老旧小区改造")]


#: (lead cell, support cell, expected lead, expected support, why)
CASES = [
    ("市住建局", "市发展改革委市财政局", ["市住建局"], ["市发展改革委", "市财政局"], "市: two units glued in the 配合 cell"),
    ("县住建局", "县财政局县自然资源局各乡镇", ["县住建局"], ["县财政局", "县自然资源局", "各乡镇"],
     "县: three glued, the last a group (各乡镇)"),
    ("区政府办公室区城管委", "各街道", ["区政府办公室", "区城管委"], ["各街道"], "区: two leads glued"),
    ("市住建局", "市政府各有关部门", ["市住建局"], ["市政府各有关部门"],
     "awkward: 市政府各有关部门 is one group (a government's departments), never 市政府 + 各有关部门"),
    ("区发改局", "区发改局市场科", ["区发改局"], ["区发改局市场科"],
     "awkward: 市场科 is a division of the bureau (市场 is a word, no level): one name as written"),
    ("市住建局", "市财政局国网供电公司", ["市住建局"], ["市财政局", "国网供电公司"],
     "awkward: a bureau's name (…局) then a name ending like a unit (…公司), no level: a bureau holds no company — two "
     "units (session 16, tests/test_tables_glued_no_level.py; before: one name as written)"),
    ("省发展改革委", "省市场监管局", ["省发展改革委"], ["省市场监管局"], "control: 省市场监管局 is one name (市 at its second place)"),
    ("浦东新区区政府", "各街镇", ["浦东新区区政府"], ["各街镇"], "awkward: a place's name before its own body (新区 + 区政府) is one unit"),
]


@pytest.mark.parametrize(("lead", "support", "want_lead", "want_support", "why"), CASES, ids=[c[4][:40] for c in CASES])
def test_units_glued_in_one_cell(lead, support, want_lead, want_support, why):
    rows = _table(lead, support)
    assert len(rows) == 1, why
    assert (rows[0].lead, rows[0].support) == (want_lead, want_support), (why, rows[0].lead, rows[0].support)
