"""`X负责A，配合Y做好B`: X's own duty, then its support of another's work in the same sentence (decision, session 15,
prose6; README "How the plan is read", roles).

Real plans using the form (found in the project's corpora, session 15): 粮食应急预案 国办函〔2005〕57号 4.3
`公安部负责维护粮食供应场所的治安秩序…，配合有关部门及时打击…`; 崇明 农村公路 2021 `乡镇政府具体负责本行政区域内乡、村道的管理养护
工作，配合做好农村公路管理养护体制深化改革工作`; 奉贤 农村公路 2021 `主要负责乡村道养护资金落实…，配合路政执法做好路产路权的保护
工作`; 广州 积分制入户管理办法 穗府办规〔2025〕8号 第五条 `市发展改革部门负责将…纳入…管理，配合制定积分急需工种…目录` (the
目录 is 市人社部门's, 会同 发改, in its own 第四条).  In every one the sentence is X's statement of ITS duties (a 职责 list, an
article per body): Y is vague (有关部门), absent (配合做好…) or a body whose own paragraph states its work.  So X is the
sole unit of the paragraph (its own A), and Y gets no role from X's sentence — making Y lead would put Y at the head of a
paragraph that lists X's duties (a 成员单位职责 plan's 市文明办 paragraph would answer 市委宣传部牵头哪些任务).  Unlike
`X负责配合Y…` (no A of X's own: X's work IS the support — Y lead, X support; session 14).

Rows: sentence → roles → why; the sentences reworded from the real ones, levels varied."""

from __future__ import annotations

import pytest

from kb.model import ROLES
from kb.parser import parse_document


def _roles(task) -> dict:
    return {k: getattr(task, k) for k in ROLES if getattr(task, k)}


ROWS = [
    ("市文明办负责日常工作，配合市委宣传部做好宣传发动。", {"sole": ["市文明办"]},
     "X's own duty first: X sole; Y's work is stated in Y's own paragraph (review R8's probe)"),
    ("区教育局负责校园安全管理，配合区公安分局做好校园周边治安整治。", {"sole": ["区教育局"]}, "区 level, a named Y: the same"),
    ("公安部负责维护粮食供应场所的治安秩序，配合有关部门及时打击扰乱市场秩序的犯罪活动。", {"sole": ["公安部"]},
     "国办函〔2005〕57号's form: Y vague"),
    ("乡镇政府具体负责本行政区域内乡、村道的管理养护工作，配合做好农村公路管理养护体制深化改革工作。", {"sole": ["乡镇政府"]},
     "崇明 2021's form: no Y"),
    ("市发展改革部门负责将积分制入户指标纳入全市年度迁入人口计划管理，配合制定积分急需工种目录。", {"sole": ["市发展改革部门"]},
     "广州 2025's form: 配合 + a verb, no Y"),
    ("县市场监管局要加强涉水产品质量监管，配合县卫健局做好水质检测。", {"sole": ["县市场监管局"]}, "a modal instead of 负责"),
    ("县自然资源局负责配合县水利局做好用地保障工作。", {"lead": ["县水利局"], "support": ["县自然资源局"]},
     "control: 负责配合Y — X's work IS the support: Y leads (session 14)"),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), ROWS, ids=[r[0][:8] for r in ROWS])
def test_own_duty_then_support(sentence, expected, why):
    _, tasks = parse_document("某市工作方案\n一、工作安排\n（一）抓好落实。" + sentence + "\n", "p")
    assert _roles(tasks[-1]) == expected, why


def test_a_duty_heads_item():
    """The same in a 成员单位职责 list headed by its unit (core._head_as_subject leaves the head's duty reading)."""
    text = ("某市创建文明城市工作方案\n一、成员单位职责\n1.市委宣传部：负责创建工作的统筹协调，会同市文明办制定年度工作计划。\n"
            "2.市文明办：负责日常工作，配合市委宣传部做好宣传发动。\n")
    _, tasks = parse_document(text, "p")
    by = {t.text[:6]: _roles(t) for t in tasks}
    assert by["2.市文明办"] == {"sole": ["市文明办"]}
    assert by["1.市委宣传"] == {"lead": ["市委宣传部"], "support": ["市文明办"]}
