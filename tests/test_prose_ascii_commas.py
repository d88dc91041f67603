"""Prose roles in text written with ASCII punctuation (`,` `;` `:` — mirrors, PDFs and older pages: 湖北 2008, 福建, 山西
2023 乡村振兴责任制实施细则 `在省委领导下,省委农村工作领导小组负责…牵头抓总`, found with the search tool).  The prose forms'
name classes excluded only the full-width comma, so a name ran back over an ASCII comma (`在省委领导下,省委农村工作领导
小组`) and was refused: no role.  Each row: a sentence written with ASCII punctuation → the roles of its item, the same as
with full-width punctuation → why.  Written before the code (session 13, prose4); levels and forms varied."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    ("在市委领导下,市委农村工作领导小组负责全面推进乡村振兴的统筹协调。", {"sole": ["市委农村工作领导小组"]},
     "a topic clause before the subject, ASCII comma"),
    ("按照全省统一部署,县发展改革局会同县财政局研究制定扶持政策。", {"lead": ["县发展改革局"], "support": ["县财政局"]},
     "X会同Y after an ASCII comma"),
    ("为加快项目建设,由区住房城乡建设委牵头,区规划资源局配合,开展联合审批。",
     {"lead": ["区住房城乡建设委"], "support": ["区规划资源局"]}, "由X牵头,Y配合 with ASCII commas"),
    ("根据工作需要,省财政厅负责资金保障;省审计厅负责审计监督。", {"shared": ["省财政厅", "省审计厅"]},
     "an ASCII semicolon between two duties"),
    ("根据工作需要,企业负责落实安全生产主体责任。", {}, "a kind of body: nothing, as with full-width commas"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:10] for r in ROWS])
def test_ascii_punctuation_reads_as_full_width(sentence, expected, why):
    for text in (sentence, sentence.replace(",", "，").replace(";", "；")):
        _, tasks = parse_document(f"某市实施方案\n一、主要任务\n（一）做好工作。{text}\n", "p")
        (task,) = [t for t in tasks if text[:8] in t.text]
        assert _roles(task) == expected, (why, text)
