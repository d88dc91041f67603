"""`由X牵头，Y负责组织实施` in an untagged paragraph of a tagged plan (session 14, prose5; tagsblind9 cause 4), written
BEFORE the code.  The untagged paragraph of a tagged plan is read for the forms that name a role with 由 or 牵头
(roles.TAGGED_PLAN_FORMS); the units that carry out what X leads were dropped (only X lead).  Now a clause closing the
statement with a verb of carrying the work out (负责组织实施, 负责具体实施, 组织实施, 负责落实 …, closing the clause) gives its
units the work beside the lead: shared (README: no unit alone beside a lead — `X牵头，Y负责落实` → Y shared, session 13;
tables read an implementer column the same).  In a plan without tags the reading is the same as before.
Controls: Y's own other duty (负责本辖区日常管理: not proved to be this work), a body being set up, 配合 (support)."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

TAGGED = ("某市关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{s}\n"
          "（二）加强督查。定期通报工作进展。（责任单位：市政府办公厅）\n（三）强化宣传。（市委宣传部牵头，市文旅局配合）\n")
UNTAGGED = "某市关于推进工作的实施方案\n一、主要任务\n（一）做好工作。{s}\n"


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


# (sentence, roles in a tagged plan, roles in a plan without tags, why)
ROWS = [
    ("由市住建局牵头，各区政府负责组织实施。", {"lead": ["市住建局"], "shared": ["各区政府"]},
     {"lead": ["市住建局"], "shared": ["各区政府"]}, "负责组织实施 beside a lead: shared"),
    ("由县农业农村局牵头，各乡镇负责具体实施。", {"lead": ["县农业农村局"], "shared": ["各乡镇"]},
     {"lead": ["县农业农村局"], "shared": ["各乡镇"]}, "负责具体实施, 县 level, a two-character group"),
    ("由区发展改革委牵头，区财政局、区统计局负责落实。", {"lead": ["区发展改革委"], "shared": ["区财政局", "区统计局"]},
     {"lead": ["区发展改革委"], "shared": ["区财政局", "区统计局"]}, "a list carrying it out"),
    ("由省教育厅牵头，各市教育局组织实施。", {"lead": ["省教育厅"], "shared": ["各市教育局"]},
     {"lead": ["省教育厅"], "shared": ["各市教育局"]}, "组织实施 without 负责, 省 level"),
    ("由市住建局牵头，市财政局配合。", {"lead": ["市住建局"], "support": ["市财政局"]},
     {"lead": ["市住建局"], "support": ["市财政局"]}, "control: 配合 is support (unchanged)"),
    ("由市住建局牵头，各区政府负责本辖区日常管理。", {"lead": ["市住建局"]},
     {"lead": ["市住建局"], "shared": ["各区政府"]},
     "control: a duty of Y's own — in a tagged plan a bare X负责 stays unread (unchanged)"),
    ("成立由市政府分管领导牵头，各部门参与的领导小组，负责组织实施。", {}, {"support": ["各部门"]},
     "control: a body being set up gives the tagged plan no role; the plan without tags keeps its earlier reading (unchanged)"),
]


def _item(text, sentence):
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    return task


@pytest.mark.parametrize(("sentence", "tagged", "untagged", "why"), ROWS, ids=[r[0][:12] for r in ROWS])
def test_doers_after_a_lead(sentence, tagged, untagged, why):
    assert _roles(_item(TAGGED.format(s=sentence), sentence)) == tagged, why
    assert _roles(_item(UNTAGGED.format(s=sentence), sentence)) == untagged, why
