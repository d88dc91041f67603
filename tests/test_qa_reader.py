"""Question reading for the causes of the eighth blind set (issue #11, session 9; notes-lead 22:40 C, E, F, H, I).

Tables: question → the Query slots it is read as (and why), and question → the answer's status, items and words
(and why), each with control rows whose reading must NOT change.  The plans: the bundled plan (zigong), 国发〔2018〕42号
(nongji), and two plans written into the fixtures for these rows before the mechanisms were built (国办发〔2018〕128号
“无废城市” wufei, 国办发〔2019〕3号 幼儿园治理 youer; tests/fixtures/questions_reader.yaml holds their hand-written
question rows).  Every expected figure below was counted by hand from the plan files.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = {
    "zigong": None,
    "nongji": ("tests/fixtures/plans/02_nongjihua_guofa2018-42.txt",),
    "wufei": ("tests/fixtures/qa/plans/v9_wufei_guobanfa2018-128.txt",),
    "youer": ("tests/fixtures/qa/plans/v9_youeryuan_guobanfa2019-3.txt",),
    "nongji+wufei": ("tests/fixtures/plans/02_nongjihua_guofa2018-42.txt",
                     "tests/fixtures/qa/plans/v9_wufei_guobanfa2018-128.txt"),
}


@cache
def plan_of(alias: str, tmp_root: str | None = None):
    from kb.store import load_plan

    files = PLANS[alias]
    if files is None:
        return load_plan()
    if len(files) == 1:
        return load_plan(str(ROOT / files[0]))
    folder = Path(tmp_root) / alias.replace("+", "_")
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(ROOT / f, folder)
    return load_plan(str(folder))


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("reader_plans"))
    return lambda alias: plan_of(alias, root if PLANS[alias] and len(PLANS[alias]) > 1 else None)


# (plan, question, slots read (a subset of Query.to_dict(); "" / [] for a slot that must stay empty), why)
READING = [
    # ---- E: a post asked who holds
    ("youer", "治理工作小组组长是谁", {"post": "组长", "post_of": ["治理", "小组"], "over": "post"},
     "组长 after the words of whose post: the post, those words must stand in the sentence filling it"),
    ("youer", "组长由谁担任", {"post": "组长", "post_of": [], "over": "post"},
     "the post alone; 担任 fills it and names no group"),
    ("youer", "工作小组的副组长是谁", {"post": "副组长", "over": "post"}, "the longer post is the one asked (not 组长)"),
    ("wufei", "领导小组组长是谁", {"post": "组长", "post_of": ["领导小组"]},
     "no paragraph writes 领导小组组长: the absent words answer first (over plans), the post is still read"),
    # controls: no post, so nothing changes
    ("zigong", "秸秆禁烧由谁负责", {"post": "", "over": "topic_who"}, "a topic's who-question names no post"),
    ("youer", "组长的职责是什么", {"post": ""}, "a post named but not asked who holds it: no post question"),
    ("zigong", "交通局牵头哪些任务", {"post": "", "over": "departments"}, "a department's duties"),
]


@pytest.mark.parametrize("alias, question, slots, why", READING, ids=[f"{r[0]}:{r[1]}" for r in READING])
def test_reading(alias, question, slots, why, plans):
    from kb.qa import Session

    got = Session(plan=plans(alias), strict=True).read_query(question).to_dict()
    for slot, want in slots.items():
        assert got.get(slot, type(want)()) == want, (slot, got, why)


# (plan, question, status, the answer's own items (labels, in order), words its text holds, why)
ANSWERS = [
    # ---- E
    ("youer", "治理工作小组组长是谁", "answered", ["四1"], ["国务院副秘书长"],
     "四、1. 成立…治理工作小组，组长由协助分管教育工作的国务院副秘书长担任: that sentence, its paragraph the item"),
    ("youer", "组长由谁担任", "answered", ["四1"], ["国务院副秘书长"], "the plan's only 组长"),
    ("youer", "领导小组组长是谁", "not_in_plan", [], ["其他组长", "治理工作小组"],
     "the plan's group is a 治理工作小组, no 领导小组: not said, the group it has shown as what it says, no item"),
    ("youer", "工作小组的副组长是谁", "not_in_plan", [], ["没有写明"], "no 副组长 anywhere: never a nearby task"),
    ("wufei", "领导小组组长是谁", "not_in_plan", [], [], "only 成立领导小组 (四（一）): no 组长 named"),
    # ---- H: a structure answer carries its items
    ("wufei", "保障措施包括哪几条", "answered", ["四（一）", "四（二）", "四（三）", "四（四）"], ["4 个方面"],
     "四、保障措施 （一）–（四): the sections' opening paragraphs are the answer's own items"),
    ("wufei", "实施步骤分为几步", "answered", ["三（一）", "三（二）", "三（三）", "三（四）"], ["4 个方面"],
     "三、实施步骤 （一）–（四）"),
    ("youer", "组织实施包括哪几条", "answered", ["四1", "四2", "四3"], ["共 3 条", "另有 1 段未编号"],
     "四、组织实施 1.–3.; the closing line 各省…要及时报送… has no number and is no item"),
    ("nongji", "强化组织领导包括哪几条", "answered", ["八（十八）", "八（十九）", "八（二十）"], ["3 个方面（共 3 项任务）"],
     "八、强化组织领导 （十八）–（二十）, each a task"),
    # ---- F: a count of a part's items, stated
    ("wufei", "保障措施一共有几条", "answered", ["四（一）", "四（二）", "四（三）", "四（四）"], ["共 4 条"],
     "四、保障措施 （一）–（四）"),
    ("zigong", "保障措施一共有几条", "answered", [f"四（{n}）" for n in "一二三四五六七八"], ["共 8 条"],
     "the bundled plan's 四、保障措施 （一）强化责任落实 … （八）深化全民共治"),
    # controls
    ("zigong", "保障措施有哪些", "answered", [f"四（{n}）" for n in "一二三四五六七八"], ["四、保障措施："],
     "asked whole, not counted: the part's paragraphs as before, no count"),
    ("youer", "工作措施一共有几条", "answered", ["三1", "三2", "三3"], ["共 3 项"], "a heading named: its section answer"),
]


@pytest.mark.parametrize("alias, question, status, labels, words, why", ANSWERS, ids=[f"{r[0]}:{r[1]}" for r in ANSWERS])
def test_answers(alias, question, status, labels, words, why, plans):
    from kb.qa import Session

    answer = Session(plan=plans(alias), strict=True).ask(question)
    assert answer.status == status, (answer.text, why)
    assert [t.label for t in answer.tasks] == labels, (answer.text, why)
    for w in words:
        assert w in answer.text, (w, answer.text, why)


# (plan, part number, its items' labels as the plan numbers them, why)
PART_ITEMS = [
    ("wufei", "四", ["四（一）", "四（二）", "四（三）", "四（四）"], "four sections: the opening paragraph of each"),
    ("wufei", "一", ["一（一）", "一（二）", "一（三）1", "一（四）", "一（五）"],
     "（三）基本原则 opens with no paragraph of its own: its first principle stands for it"),
    ("youer", "三", ["三1", "三2", "三3"], "no sections: the numbered paragraphs"),
    ("youer", "四", ["四1", "四2", "四3"], "the unnumbered closing line 各省…报送 is no item"),
    ("youer", "一", ["一"], "one paragraph of no number: itself"),
]


@pytest.mark.parametrize("alias, num, labels, why", PART_ITEMS, ids=[f"{r[0]}:{r[1]}" for r in PART_ITEMS])
def test_part_items(alias, num, labels, why, plans):
    from kb.qa.exec_plan import part_items

    plan = plans(alias)
    (doc, _, sections), = [o for o in plan.document_outlines()]
    own = [(label, st) for label, st in sections if label.startswith(num + "（")]
    assert [t.label for t in part_items(plan, doc, num, own)] == labels, why
