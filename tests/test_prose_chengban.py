"""Prose 承办/协办 (tagsblind8 cause 4, rebuilt from the dialect, not the blind text): ``由X承办，A、B协办`` names the unit
that does the work (承办, read as 负责 is) and its helpers (协办: support); with helpers named, X leads them (session 13: the
unit the others of a statement support leads — the shared gold's convention; it was sole), alone X is responsible (sole).
kb/data/roles.yaml prose_roles organized-by-with-support / organized-by.  Each row: one paragraph of a plan without tags →
the roles of its task → why; written before the rule."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    ("由省卫生厅承办，省农业厅、省工商局协办。", {"lead": ["省卫生厅"], "support": ["省农业厅", "省工商局"]},
     "由X承办，A、B协办: X does the work (as 由X负责) and leads A and B, who help"),
    ("开展农药残留专项整治，由省农业厅承办，省质监局协办。", {"lead": ["省农业厅"], "support": ["省质监局"]},
     "the work first, then 由X承办，Y协办"),
    ("由市商务局承办，市公安局、市市场监管局等部门协办。", {"lead": ["市商务局"], "support": ["市公安局", "市市场监管局"]},
     "a 等部门 tail after the helpers"),
    ("年度培训由市人力资源社会保障局承办。", {"sole": ["市人力资源社会保障局"]}, "由X承办 alone: X does the work"),
    ("由市财政局负责，市审计局协办。", {"lead": ["市财政局"], "support": ["市审计局"]},
     "协办 after 由X负责: the helpers, as 配合/协助"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:14] for r in ROWS])
def test_chengban_xieban(sentence, expected, why):
    doc, tasks = parse_document(f"某方案\n一、主要任务\n（一）做好工作。{sentence}\n", "p")  # (a titled item: a lone sentence is a heading)
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    assert _roles(task) == expected, why


def test_a_fair_organised_by_a_unit_is_no_duty():
    """由X承办的 + a noun (a fair X hosts) names no task of X: no role from 承办."""
    doc, tasks = parse_document("某方案\n一、主要任务\n（一）做好工作。积极组织企业参加由市商务局承办的博览会。\n", "p")
    (task,) = [t for t in tasks if "博览会" in t.text]
    assert "市商务局" not in task.sole + task.lead + task.shared + task.support
