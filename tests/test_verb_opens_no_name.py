"""A unit's name never opens with a verb of asking or of working with others (holdout13 cause 7: 杨府发〔2024〕6号
`争取国家文物局支持，举办…研讨会` made a unit `争取国家文物局` the paragraph's sole doer, and `第四张清单…责任单位：负责：争取国家
文物局` was answered).  `争取X支持/指导`, `请求X支援`, `报请X批准` ask a body OUTSIDE the plan's authority: X gets no duty;
the doer of the sentence (when one is named before the verb) keeps its own.  roles.yaml `name_opening_verbs` (data).

Each row: one paragraph of a plan without tags (or a tagged item) → the roles of its task → why.  Written before the code
(session 13, prose4); levels 国家/省/市/区/县 varied, forms of 争取 (积极/主动/努力争取), 请求, 报请, 提请, 商请, 配合, 协调."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

ROWS = [
    ("争取国家文物局支持，举办文物事业高质量发展研讨会。", {}, "the blind plan's form: 争取X支持 names no unit"),
    ("积极争取省文化和旅游厅指导，办好非遗展示周活动。", {}, "积极争取X指导: no unit, 省 level"),
    ("主动争取国家发展改革委支持，推动项目纳入国家规划。", {}, "主动争取: no unit"),
    ("努力争取市财政局资金支持，加快建设社区食堂。", {}, "努力争取X资金支持"),
    ("请求省应急管理厅支援，组织专业队伍开展救援。", {}, "请求X支援: X outside the plan's authority"),
    ("报请市政府批准后，由区住房保障局组织实施。", {"sole": ["区住房保障局"]},
     "报请X批准 names no doer; the 由X组织实施 after it does"),
    ("提请县人大常委会审议后，由县司法局负责宣传实施。", {"sole": ["县司法局"]},
     "提请X审议: the same (was 由县司法局负责解释 — who interprets a document is no task since session 16: "
     "tests/test_closing_interpretation.py)"),
    ("商请市公安局支持，做好现场秩序维护。", {}, "商请X支持: no unit"),
    ("配合市公安局做好交通疏导工作。", {}, "配合X… with no subject: no unit (the helper is not named)"),
    ("协调市交通委解决停车难问题。", {}, "协调X…: X is the object"),
    # the doer before the verb keeps its duty; the body asked gets none
    ("区文化旅游局积极争取国家文物局支持，举办文物保护研讨会。", {"sole": ["区文化旅游局"]},
     "X争取Y支持: X's work (争取 is an action verb), Y no duty"),
    ("县发展改革局要争取省发展改革委支持，推动项目落地。", {"sole": ["县发展改革局"]}, "X要争取Y支持: a modal duty of X"),
    # controls: names that open with a verb-like word stay names
    ("建设厅负责全省保障性住房建设的监督管理。", {"sole": ["建设厅"]}, "建设厅 is a name (建设 opens it, no unit follows)"),
    ("市协调办负责统筹推进各项工作。", {"sole": ["市协调办"]}, "协调 inside a name, not at its start"),
]


def _roles(task) -> dict:
    return {k: v for k in ROLES if (v := getattr(task, k))}


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:10] for r in ROWS])
def test_verb_opens_no_name(sentence, expected, why):
    _, tasks = parse_document(f"某方案\n一、主要任务\n（一）做好工作。{sentence}\n", "p")
    (task,) = [t for t in tasks if sentence[:8] in t.text]
    assert _roles(task) == expected, why
    assert not any(n.startswith(("争取", "积极争取", "请求", "报请", "提请", "商请", "配合", "协调"))
                   for role in ROLES for n in getattr(task, role)), why


def test_in_a_tagged_plan_the_tag_alone():
    """A tagged item: the tag gives the units; 争取X支持 in its body adds none."""
    text = ("某区关于推进文物保护利用示范区建设的实施方案\n一、主要任务\n"
            "（一）加强交流合作。争取国家文物局支持，举办研讨会。（责任单位：区文化旅游局）\n"
            "（二）加强宣传。开展专题宣传活动。（责任单位：区委宣传部）\n")
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if t.text.startswith("（一）")]
    assert _roles(task) == {"sole": ["区文化旅游局"]}
