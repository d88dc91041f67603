"""(reading8, session 18, target 1) 会同哪些部门 / 和谁一起 / 还有谁参与 after X由谁牵头: the partners of THOSE items.

In plans ``由A会同B、C…`` makes B, C partners.  The follow-up answered the lead again (the items' roles line), or, asked
first, listed every department of the plan (a fluent answer to another question).  Now (shapes.yaml ``partner_asks``,
``query.read_partner_ask`` → ``Query.partners_asked``, over ``previous``, ``exec_items._partners_of_listed``): each listed
item's co-leads, supporting units and the units its text names after 会同 — or that the plan names none; asked with
nothing before it, kb asks whose partners are meant.

Rows: conversations (turns → status, what the last answer must and must not say, why) on a plan written here, the bundled
plan and two real plans not tuned on (51 粮食应急预案 国办函〔2005〕57号, 117 沪府办发〔2019〕10号), with controls.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "tests/fixtures/plans"

NIGHT = """某市2024年促进夜间经济发展工作方案

一、总体要求
到2025年，夜间经济规模明显扩大。

二、重点任务
（一）打造夜间消费地标。由市商务局会同市文化广电旅游局、市规划和自然资源局制定夜间消费地标建设导则，2024年6月底前完成。
（二）丰富夜间文旅产品。市文化广电旅游局负责，会同各区政府推出夜游线路。
（三）优化夜间交通服务。延长地铁运营时间，增开夜间公交线路。（市交通运输局牵头，市公安局配合）
（四）加强夜间安全保障。强化夜间巡逻防控。（市公安局负责）

三、保障措施
（一）加强组织领导。建立市级工作专班。（市商务局牵头）
"""

#: (plan: "night" | fixture file | None bundled, turns, status, has, has_not, why)
ROWS = [
    ("night", ["打造夜间消费地标由谁牵头", "会同哪些部门"], "answered", ["市文化广电旅游局", "市规划和自然资源局", "会同"],
     ["方案未写明责任单位"], "由A会同B、C制定…: B and C, from the item's sentence (it said 方案未写明责任单位 before)"),
    ("night", ["丰富夜间文旅产品由谁负责", "还有谁参与"], "answered", ["各区政府"], [],
     "A负责，会同B…: B (the roles line 负责：A was repeated before)"),
    ("night", ["优化夜间交通服务由谁牵头", "和谁一起"], "answered", ["一起承担的部门（单位）：市公安局。", "配合：市公安局"],
     ["牵头：市交通运输局"], "a tagged supporter; the lead is no partner of itself"),
    ("night", ["加强夜间安全保障由谁负责", "会同哪些部门"], "not_in_plan", ["没有写明", "二（四）"], ["负责：市公安局"],
     "awkward: one unit alone — the plan names no partner, said so, never the lead as the answer"),
    ("night", ["那这项任务会同哪些部门"], "ask_back", [], ["分配了任务"],
     "asked first with a pointer: which item is meant"),
    ("night", ["会同哪些部门"], "ask_back", [], ["分配了任务", "市公安局"],
     "awkward: asked first — whose partners? (the plan's department list was answered before)"),
    ("night", ["市商务局会同哪些部门"], "answered", ["市文化广电旅游局"], [],
     "control: X会同哪些部门 names X — its partners across the plan, as before"),
    ("night", ["市商务局牵头哪些任务", "配合的呢"], None, ["市商务局配合"], [],
     "control: 配合的呢 is the previous department's other role, as before"),
    (None, ["加强城市交通管理由谁牵头", "还有谁参与"], "answered",
     ["共同牵头：市交通运输局、市自然资源和规划局", "配合：市发展改革委、市公安局"], [],
     "bundled: co-leads and supporters of 三（三）1"),
    (None, ["秸秆禁烧由谁牵头", "和谁一起"], "answered", ["共同负责：市生态环境局、市农业农村局"], [],
     "bundled: two units sharing one duty are each other's partners"),
    (None, ["市交通运输局牵头哪些任务", "住建局呢"], None, ["住房城乡建设局"], [],
     "control: another department, the previous role, as before"),
    ("51_liangshi_yingji_guobanhan2005-57.txt", ["国家粮食应急新闻发布预案由谁负责", "会同哪些部门"], "answered",
     ["国家发展改革委"], [], "real plan: 国务院新闻办会同国家发展改革委制订…"),
    ("51_liangshi_yingji_guobanhan2005-57.txt", ["粮食市场异常波动应急报告制度由谁负责", "和谁一起"], "answered",
     ["商务部"], [], "real plan: 国家发展改革委及国家粮食局会同商务部建立…"),
    ("117_guidao_anquan_hufubanfa2019-10.txt", ["运营突发事件应急预案由谁制定", "会同哪些单位"], "answered",
     ["轨道交通企业"], [], "real plan: 市应急管理、交通、公安等部门要会同轨道交通企业制定…"),
]


@pytest.fixture(scope="module")
def session_of(tmp_path_factory):
    from kb.qa import Session

    held = {}

    def of(plan):
        if plan not in held:
            if plan == "night":
                path = tmp_path_factory.mktemp("night") / "night.txt"
                path.write_text(NIGHT, encoding="utf-8")
            else:
                path = None if plan is None else PLANS / plan
            held[plan] = Session(None if path is None else str(path), strict=True)
        return held[plan]

    return of


@pytest.mark.parametrize(("plan", "turns", "status", "has", "has_not", "why"), ROWS,
                         ids=[" / ".join(r[1]) for r in ROWS])
def test_partners_follow_up(session_of, plan, turns, status, has, has_not, why):
    from kb.qa.context import Context

    session = session_of(plan)
    session.last_query, session.context = None, Context()
    for turn in turns:
        answer = session.ask(turn)
    if status:
        assert answer.status == status, (why, answer.text)
    for word in has:
        assert word in answer.text, (why, word, answer.text)
    for word in has_not:
        assert word not in answer.text, (why, word, answer.text)
