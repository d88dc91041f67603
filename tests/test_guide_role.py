"""The 指导 (guide) role: read from tags, and shown only in plans where someone holds it."""

from kb.duties import department_counts, duty_list
from kb.export.content import build_matrix, build_table
from kb.model import ROLES, Plan
from kb.parser import parse_document

GUIDED = """关于开展试点工作的实施方案
一、重点任务
1.建立回收体系。（商务部指导，供销合作总社参与）
2.开展示范。（生态环境部、住房城乡建设部指导）
3.加强监督。（市场监管总局负责）
"""


def guided_plan() -> Plan:
    doc, tasks = parse_document(GUIDED, "guided")
    return Plan([doc], tasks)


def test_guide_follows_lead_in_roles():
    assert ROLES == ("lead", "guide", "support", "sole", "shared")


def test_guide_read_from_tags():
    plan = guided_plan()
    by_label = {t.label: t for t in plan.tasks if t.tag}
    assert by_label["一1"].guide == ["商务部"] and by_label["一1"].support == ["供销合作总社"]
    assert by_label["一2"].guide == ["生态环境部", "住房城乡建设部"]
    assert by_label["一3"].guide == [] and by_label["一3"].sole == ["市场监管总局"]
    assert by_label["一2"].roles_of("住房城乡建设部") == ["guide"]


def test_guide_shown_where_held():
    plan = guided_plan()
    assert plan.roles_held() == ROLES
    counts = dict(department_counts(plan))
    assert counts["生态环境部"]["guide"] == 1 and counts["生态环境部"]["total"] == 1
    assert duty_list(plan, "商务部").counts["guide"] == 1
    # The export's count columns are the roles some task gives: nobody leads or is 按职责分工负责 here.
    assert build_matrix(plan).roles == ("guide", "support", "sole")
    assert "guide" in [c.key for c in build_table(plan).columns]


def test_guide_absent_where_nobody_holds_it(plan):
    # The bundled plan has no 指导: no column, no count, no group (its exports stay as they were).
    assert "guide" not in plan.roles_held()
    assert all("guide" not in c for _, c in department_counts(plan))
    assert "guide" not in duty_list(plan, "市交通运输局").counts
    assert build_matrix(plan).roles == ("lead", "support", "sole", "shared")
    assert "guide" not in [c.key for c in build_table(plan).columns]
