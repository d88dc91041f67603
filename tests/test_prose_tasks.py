"""What the plan counts as its tasks, in a plan that writes its duties in prose (session 17, prose8; holdout17 d07,
fixture 116 奉贤).

A plan WITHOUT tags whose paragraphs name their doers in prose (由X牵头，Y配合 / X负责… / X要…) had no task proper:
方案有哪些任务 said 共 0 项 and 哪些任务没有配合单位 said kb had read no unit at all, while X负责哪些任务, kb duties and the
division table listed the same paragraphs.  One definition now (``kb.select.duty_items``): the plan-wide counts and
shares count, in such a document, its items whose prose names a unit in a role — the same items the duty lists, the
division table and kb grep --dept name.  The parser keeps their kind (paragraph/measure): sections and topics are read
over the plan's items as before (session 11: made tasks, they shrank a section's list to its items with units).

* the plan's own count (方案有哪些任务, 一共有多少条) is of its WORK items: the items it numbers, with the items naming
  units among them, the units said where named (rongzi: 27 items, 3 naming units — never 共 3 项);
* an item whose doer is not proved (各街道要…, 依托…实现…) has no roles and is counted only as a numbered item (honest);
* dated items naming no unit stay in date answers (``kb.select.dated_items``).

Plans are written for these tests (省/市/县/区; 由X牵头，Y配合 / X负责… / X会同Y… / X要… / 由X负责，Y配合); every
expected value was written before the code ran (the count rows rewritten once the lead's definition — "an item with
units or a work item of the plan" — was read against session 11's rule)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from plan_sessions import first_question_asker

CITY = """某市2024年停车资源共享实施方案
一、工作目标
到2025年底，全市新增共享泊位1万个。
二、主要任务
（一）推进机关单位停车共享。由市机关事务管理局牵头，市交通委配合，推动机关停车场错时开放。
（二）完善收费政策。市发展改革委负责制定停车共享收费指导意见，2024年6月底前完成。
（三）加强宣传引导。市委宣传部要做好停车共享宣传工作。
（四）开展示范创建。2024年底前，建成停车共享示范小区10个。
三、保障措施
加强组织领导，确保各项任务落到实处。
"""

COUNTY = """某县农村生活污水治理工作方案
一、总体要求
坚持统筹规划、分步实施，全面提升农村人居环境。
二、重点任务
1.编制治理规划。县生态环境局会同县住房城乡建设局编制全县农村生活污水治理专项规划。
2.建设污水管网。由县水务局负责，各乡镇人民政府配合，2025年底前完成主要集镇污水管网建设。
3.加强运行维护。建立运维长效机制，2024年9月底前出台运维管理办法。
三、保障措施
（一）加强资金保障。县财政局要统筹安排治理资金。
（二）加强督促检查。定期通报工作进展。
"""

DISTRICT = """某区垃圾分类三年行动计划
一、主要任务
（一）完善分类设施。
区绿化市容局负责全区分类设施规划布局，各街道办事处负责辖区内设施建设。
（二）推进源头减量。
倡导绿色生活方式，减少一次性用品使用。
（三）强化执法监管。
区城管执法局要加大执法检查力度，2024年起每季度开展一次专项执法。
二、保障措施
各街道要落实属地责任。
"""

PROVINCE = """某省数字政府建设实施方案
一、重点任务
（一）建设一体化政务云。省大数据局牵头建设全省一体化政务云平台，省财政厅配合做好资金保障，2025年底前建成。
（二）推进数据共享。依托省一体化平台，实现各类数据按需共享。
（三）提升政务服务效能。省政务服务中心负责推进“一网通办”。
二、组织实施
各地级以上市人民政府要结合实际制定具体方案，2024年3月底前报省大数据局。
"""

#: A plan no item of which names a unit: nothing is a task (the count answers say the plan's numbered items instead).
NO_UNITS = """某镇人居环境整治方案
一、主要任务
（一）清理河道垃圾。2024年6月底前完成全镇河道清理。
（二）整治乱堆乱放。开展村庄清洁行动。
二、工作要求
加强领导，狠抓落实。
"""

#: A cover notice with its own 一、二、三 before the plan's parts (review-diff probes-s17 p2_prose: the items were listed twice).
NOTICE = """某市2024年优化营商环境专项行动实施方案
各区人民政府，市政府各部门：
现将《某市2024年优化营商环境专项行动实施方案》印发给你们，请认真组织实施。
一、各区、各部门要高度重视，于2024年3月31日前制定本单位具体措施。
二、各单位于每季度末向市发展改革委报送工作进展。
三、本通知自印发之日起施行。
某市人民政府办公室
2024年2月20日
某市2024年优化营商环境专项行动实施方案
一、总体要求
以市场主体需求为导向，持续优化营商环境。
二、主要任务
（一）压缩企业开办时间。市市场监管局要会同市公安局、市税务局推进企业开办“一网通办”。
（二）优化纳税服务。市税务局要推行非接触式办税。
（三）加强政务服务。一是市行政审批局负责推进“一件事一次办”；二是市大数据局负责完善政务服务平台。
（四）加强宣传引导。开展营商环境宣传。
"""

PLANS = {"city": CITY, "county": COUNTY, "district": DISTRICT, "province": PROVINCE, "no_units": NO_UNITS, "notice": NOTICE}

#: plan → the labels of its tasks (items with a unit in a role), in order, and why.
TASKS = {
    "city": (["二（一）", "二（二）", "二（三）"],
             "由X牵头，Y配合 / X负责… / X要…: three items with units; 二（四） dated, no unit: no task; 一 a goal"),
    "county": (["二1", "二2", "三（一）"],
               "X会同Y… / 由X负责，Y配合 / X要… in 保障措施 — an item of the plan's own with a unit; 二3 names nobody"),
    "district": (["一（一）", "一（三）", "二"],
                 "title line over an untagged body: X负责…，Y负责… (two doers) / X要…; 各街道要… — the plan's streets, a doer "
                 "since session 18 (prose9 brief: 各村/各社区/各街道/各乡镇 subjects are doers; it was no proved unit)"),
    "province": (["一（一）", "一（三）", "二"],
                 "X牵头…，Y配合… / X负责… / 各地级以上市人民政府要… (the plan's own subject, a 组织实施 duty with a limit)"),
    "no_units": ([], "no item names a unit: no task (honest)"),
}


def _parsed(name):
    return parse_document(PLANS[name], doc_id=name)


@pytest.mark.parametrize("name", sorted(TASKS))
def test_tasks_are_the_items_with_units(tmp_path, name):
    from kb.select import duty_items
    from kb.store import load_plan

    expected, why = TASKS[name]
    doc, tasks = _parsed(name)
    assert not doc.tagged, why
    with_units = [t.label for t in tasks if t.lead or t.support or t.sole or t.shared or t.guide]
    assert with_units == expected, why
    path = tmp_path / f"{name}.txt"
    path.write_text(PLANS[name], encoding="utf-8")
    assert [t.label for t in duty_items(load_plan(str(path), use_cache=False))] == expected, why


#: (plan, label, kind expected, why) — the items naming no unit keep their kind and have no roles.
KINDS = [
    ("city", "二（四）", "measure", "an inline-heading item naming no unit stays a measure (dated: still in date answers)"),
    ("city", "一", "paragraph", "a goal with a year: a paragraph"),
    ("city", "三", "paragraph", "确保各项任务落到实处: nobody named"),
    ("county", "二3", "paragraph", "建立运维长效机制: no subject"),
    ("county", "三（二）", "measure", "定期通报工作进展: no subject"),
    ("district", "一（二）", "paragraph", "倡导…: no subject"),
    # (district 二 各街道要…: a doer since session 18 — see TASKS; it keeps its kind, a paragraph, with roles)
    ("province", "一（二）", "measure", "依托…实现…: no subject"),
    ("no_units", "一（一）", "measure", "a dated item with no unit"),
]


@pytest.mark.parametrize("name,label,kind,why", KINDS)
def test_items_without_units_keep_their_kind(name, label, kind, why):
    _, tasks = _parsed(name)
    task = next(t for t in tasks if t.label == label)
    assert task.kind == kind, why
    assert not (task.lead or task.support or task.sole or task.shared), why


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("prose_tasks"), PLANS, lambda c: None)


#: (plan, question, words the answer must hold, words it must not hold, why).
ANSWERS = [
    # the plan's count: its work items (the items it numbers) with the tasks among them, the units shown where named —
    # the items naming nobody are the plan's work too (session 11: 3 of rongzi's 27 items name units; never 共 3 项)
    ("city", "方案有哪些任务", ["共 4 条", "其中 3 条写明了责任单位", "二（一）", "二（四）", "牵头：市机关事务管理局"],
     ["共 0 项", "共 3 项"], "4 numbered items, 3 naming units"),
    ("county", "方案有哪些任务", ["共 5 条", "其中 3 条写明了责任单位", "二1", "二3", "三（一）", "三（二）"], ["共 0 项"],
     "likewise, at county level: 1. 2. 3. and （一）（二） of 保障措施"),
    ("district", "方案有哪些任务", ["共 3 条", "其中 2 条写明了责任单位", "一（一）", "一（二）", "一（三）",
                               "另有 1 段写明了责任单位（不计入上面的条目数）"], ["共 0 项", "共 4 条"],
     "likewise, district; 二's unnumbered 各街道要… is no numbered item — said apart, as province's (session 18)"),
    ("province", "方案共有多少项任务", ["共 3 条", "其中 2 条写明了责任单位", "另有 1 段写明了责任单位（不计入上面的条目数）",
                                  "各地级以上市人民政府"], ["共 0 项", "共 4 条"],
     "the unnumbered 组织实施 paragraph names a unit: said apart, not counted as a numbered item"),
    ("no_units", "方案共有多少项任务", ["共 2 条", "各条都没有写明责任单位"], ["共 0 项"], "no unit anywhere: said so"),
    ("notice", "方案有哪些任务", ["共 4 条", "其中 3 条写明了责任单位", "4. 二（四）"], ["5. ", "共 8 条"],
     "a cover notice's own 一、二、三 make no part twice: each item once"),
    ("city", "哪些任务没有配合单位", ["共 2 项", "二（二）", "二（三）"], ["没有在方案中读到任何责任单位", "二（一）"],
     "the plan's units were read: kb said it had read none"),
    ("county", "哪些任务有配合单位", ["共 2 项", "二1", "二2"], ["三（一）"], "X会同Y / 由X负责，Y配合: Y supports"),
    ("no_units", "哪些任务没有配合部门", ["没有在方案中读到任何责任单位"], ["共 0 项"], "no unit read: said so"),
    ("city", "哪些任务没有配合单位", ["另有 1 条编号条目没有写明责任单位"], [], "二（四） names nobody: said beside the list"),
    # dated items naming no unit stay in date answers, beside the tasks
    ("city", "2024年要完成哪些任务", ["共 2 项", "二（二）", "二（四）"], [],
     "二（四） (no unit) is a dated requirement of the plan all the same"),
    ("county", "2024年要完成哪些任务", ["二3"], ["二2"], "二3 names nobody, its limit is the plan's"),
    ("county", "2025年要完成哪些任务", ["二2"], ["二3"], "a task's limit"),
    ("province", "2024年要完成哪些任务", ["二"], ["一（一）"], "the 组织实施 duty's limit"),
    ("city", "哪些任务有时限要求", ["二（二）", "二（四）"], [], "dated items, with or without units"),
    # duty lists say the same items the counts do
    ("city", "市发展改革委负责哪些任务", ["二（二）"], ["二（一）"], "X负责…"),
    ("province", "省财政厅配合哪些任务", ["一（一）"], ["一（三）"], "X牵头…，Y配合…"),
]


@pytest.mark.parametrize("name,question,held,absent,why", ANSWERS)
def test_answers(ask, name, question, held, absent, why):
    a = ask(name, question)
    for word in held:
        assert word in a.text, (why, a.text)
    for word in absent:
        assert word not in a.text, (why, a.text)


@pytest.mark.parametrize("name", sorted(TASKS))
def test_consumers_agree(tmp_path, name):
    """Counts (duty_items), each unit's duty list, the division table's rows with units and kb grep --dept name the
    same items."""
    from kb.export.content import table_rows
    from kb.select import Selection, duty_items
    from kb.store import load_plan

    path = tmp_path / f"{name}.txt"
    path.write_text(PLANS[name], encoding="utf-8")
    plan = load_plan(str(path), use_cache=False)
    tasks = {t.label for t in duty_items(plan)}
    assert tasks == set(TASKS[name][0])
    assert {t.label for t in table_rows(plan) if t.departments("any")} == tasks
    for unit in {n for t in plan.tasks for n in t.departments("any")}:
        listed = {t.label for t in plan.tasks_of(unit)}
        assert listed <= tasks, unit
        # kb grep --dept X (every paragraph, the unit in any role or implied) names the same items
        grep = Selection(roles=[(unit, "any+implied")], tasks_only=False).select(plan)
        assert {t.label for t in grep} == listed, unit


def test_tagged_plan_counts_unchanged():
    """A tagged plan: its tagged items are its tasks; an item with no tag and no unit stays none (control)."""
    text = ("某市优化营商环境工作要点\n一、重点任务\n（一）深化一网通办。推进高频事项全程网办。（市政务服务局牵头，市大数据局配合）\n"
            "（二）优化纳税服务。压缩办税时间。（市税务局负责）\n（三）优化信用环境。完善信用修复机制。\n"
            "二、保障措施\n加强组织领导，确保各项任务落到实处。\n")
    doc, tasks = parse_document(text, doc_id="tagged")
    assert doc.tagged
    assert [t.label for t in tasks if t.kind == "task"] == ["一（一）", "一（二）"]


@pytest.mark.parametrize("name,kinds", [("city", ["measure", "measure", "measure"]), ("county", ["paragraph", "paragraph", "measure"])])
def test_kinds_kept(name, kinds):
    """The items with units keep the kind the parser gives them (sections and topics are read as before)."""
    _, tasks = _parsed(name)
    assert [t.kind for t in tasks if t.departments("any")] == kinds
