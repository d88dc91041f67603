"""经 opens a unit's name (经发局 = 经济发展局, 经侦支队, 经管站) unless it is the approval step 经X…审核/同意 (经 before a
level or 各/有关/相关): review-parser finding 1 — 2e73c8f's list of 经-words (经济/经信/经贸/经开 only) dropped the duty
of every other unit opening with 经.  Rows: sentence → roles → why; written before the change (the first three gave
sole at c9771c5 and nothing at 2e73c8f)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    ("经发局负责统筹推进园区招商工作。", {"sole": ["经发局"]}, "经发局 (经济发展局): a common body of 开发区/县 plans"),
    ("经侦支队负责打击非法集资犯罪。", {"sole": ["经侦支队"]}, "经侦支队 of a public security bureau"),
    ("经管站负责农村集体资产清查。", {"sole": ["经管站"]}, "经管站 (农村经营管理站)"),
    ("经信局牵头，发改局配合推进企业上云。", {"lead": ["经信局"], "support": ["发改局"]}, "经信 was read before too"),
    ("经市发展改革委会同市财政局审核后，由市住建局负责实施。", {"sole": ["市住建局"]},
     "经 + a level: the approval step, no unit 经市发展改革委"),
    ("经县政府同意后，由县教育局负责组织。", {"sole": ["县教育局"]}, "经县政府同意: approval"),
    ("经有关部门评估后，由区应急局负责公布。", {"sole": ["区应急局"]}, "经有关部门: approval by unnamed bodies"),
]


@pytest.mark.parametrize("sentence, roles, why", ROWS, ids=[r[0][:8] for r in ROWS])
def test_jing_opens_a_name_unless_it_is_approval(sentence, roles, why):
    _, tasks = parse_document(f"某县工作方案\n一、主要任务\n（一）做好工作。{sentence}\n", "p")
    (t,) = [t for t in tasks if sentence[:6] in t.text]
    assert {r: getattr(t, r) for r in ROLES if getattr(t, r)} == roles, why
