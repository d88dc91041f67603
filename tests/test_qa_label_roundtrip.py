"""(reading8, session 18, target 2) Every label kb prints reads back to that item.

Answers cite items as ``四（二）3（8）``, ``1（1）①``, ``行动计划二（六）15``, ``附件2-1-1``, ``引言1``, ``13-6``; an official copies
one into ``四（二）3（8）是什么`` / ``四（二）3（8）谁牵头``.  The question reader's label pattern knew only ``三（一）2`` and the
annex forms, so the rest were read as a prefix (四（二）3 for 四（二）3（8）: another item, answered confidently) or as a topic
(引言1: "方案中没有涉及“引言1”的条目，共 0 项").  One definition of a label: the labels the loaded plans' items and
sections carry (``Plan.outline``), found in the question longest first (kb/qa/question.py ``_cited_label``).

Rows: a round trip over every label of plans in tests/fixtures/plans whose labels take other shapes than 三（一）2 (none
tuned on: the probe asked each label of 64 fixture plans; 470 of 854 were misread before), plans written here for the
shapes no fixture prints (sub-items, circled marks, a file of two documents), and rows that must NOT read a label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.qa.text import fold

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "tests/fixtures/plans"

#: Fixture plans whose labels take the shapes other than 三（一）2 (the shape each was chosen for).
ROUND_TRIP = [
    ("85_shandong_weifei_paicha_2019.txt", "三2（1）: an item's sub-item under a part without sections"),
    ("116_fengxian_tingche_gongxiang_2016.txt", "五（三）3-2: a further paragraph of an item"),
    ("27_fengxian_gongyuan_2021.txt", "二（三）2（1）: a sub-item in a section"),
    ("89_guangzhou_jiatingyisheng_2023.txt", "附件2-1-1: rows of an annex table sharing one 序号"),
    ("02_nongjihua_guofa2018-42.txt", "引言1: the paragraphs before the first part"),
    ("61_shanghai_jiaotong_guangfu_2023.txt", "二（一）引言, 附表1（一）-17: a section's lead-in, an annex table's rows"),
    ("64_keqiao_minshengshishi_jinzhan_2023.txt", "表1-1: a table captioned 表"),
    ("07_caidian_2023_zeren.txt", "通知一: the cover notice's requirements"),
    ("51_liangshi_yingji_guobanhan2005-57.txt", "1, 2 …: a plan numbering its paragraphs only"),
    ("46_jili_guobanfa2018-117.txt", "结语1: the closing words"),
    ("63_dazhu_minshengshishi_2016.txt", "附件-5-1: an annex's rows without a number of its own"),
    ("11_tiyu_guobanfa2018-121.txt", "三（十）-2: a section's further paragraph"),
]


@pytest.fixture(scope="module")
def sessions():
    from kb.qa import Session

    held = {}

    def of(name):
        if name not in held:
            held[name] = Session(str(name if isinstance(name, Path) else PLANS / name), strict=True)
        return held[name]

    return of


@pytest.mark.parametrize(("plan", "why"), ROUND_TRIP, ids=[r[0][:14] for r in ROUND_TRIP])
def test_every_label_reads_back(sessions, plan, why):
    session = sessions(plan)
    labels = list(dict.fromkeys(t.label for t in session.plan.tasks))
    misread = [(lb, session.read_query(f"{lb}是什么").label) for lb in labels
               if session.read_query(f"{lb}是什么").label != fold(lb)]
    assert not misread, (why, misread[:10])
    misread = [(lb, session.read_query(f"{lb}谁牵头").label) for lb in labels[::7]
               if session.read_query(f"{lb}谁牵头").label != fold(lb)]
    assert not misread, (why, misread[:10])


@pytest.mark.parametrize(("plan", "why"), ROUND_TRIP, ids=[r[0][:14] for r in ROUND_TRIP])
def test_a_label_of_each_shape_answers_that_item(sessions, plan, why):
    """One label of each shape asked (a plain 是什么): the answer names that label (the item, or the places it stands)."""
    import re

    from kb.qa.context import Context

    session = sessions(plan)
    shapes = {}
    for t in session.plan.tasks:
        shapes.setdefault(re.sub(r"\d+", "N", re.sub(r"[一二三四五六七八九十]+", "C", t.label)), t.label)
    for label in shapes.values():
        session.last_query, session.context = None, Context()
        answer = session.ask(f"{label}是什么")
        assert answer.status in ("answered", "ask_back"), (why, label, answer.text[:200])
        assert label in answer.text, (why, label, answer.text[:200])
        assert "共 0 项" not in answer.text, (why, label, answer.text[:200])


def _sub_item_plan(title: str = "某市2024年文物保护利用行动方案") -> str:
    return (f"{title}\n\n一、总体要求\n坚持保护第一。\n\n二、主要任务\n（一）实施标志性工程\n推进文物普查。（市文物局牵头）\n"
            "（二）重点落实三张清单\n"
            "1.落实规划保护清单，持续推进全方面摸底。\n（1）全面实施新修订法律法规。深入学习宣传。（市司法局牵头，市文物局配合）\n"
            "（2）加快资源摸底认定。结合普查开展认定。（市文物局牵头）\n"
            "2.落实内涵挖掘清单，持续推进全要素保护。\n（3）实施历史资料抢救性保护。加强档案收集。（市档案馆牵头）\n"
            "①开展口述历史采集。（市档案馆牵头，市文物局配合）\n②建设数字档案库。（市大数据局牵头）\n"
            "（4）传承城市历史记忆。持续开展口述历史。（市文旅局牵头）\n"
            "3.落实重点项目清单，持续推进全方位赋能。\n（5）建设人民城市地标集群。充分利用旧址。（市住建局牵头，市规划局配合）\n"
            "三、保障措施\n加强组织领导。（市政府办公室负责）\n")


TWO_DOCUMENTS = """某省人民政府办公厅关于印发支持数字经济发展若干政策和某省数字经济创新发展行动计划（2024—2026年）的通知
各市人民政府，省政府各部门：
《支持数字经济发展若干政策》《某省数字经济创新发展行动计划（2024—2026年）》已经省政府同意，现印发给你们，请认真抓好落实。
某省人民政府办公厅
2024年3月1日
支持数字经济发展若干政策
为加快我省数字经济发展，制定以下政策。
一、支持平台建设
培育各类平台。对新认定的省级平台给予一次性奖补。（省科技厅负责）
二、支持企业转型
加快设备改造。省级按照设备购置额的10%给予奖补。（省经济和信息化厅负责）
某省数字经济创新发展行动计划（2024—2026年）
为深入实施数字经济创新发展战略，特制定本行动计划。
一、总体要求
到2026年，数字经济核心产业增加值占比达到12%。
二、行动步骤
（一）网络强基行动。
1.推进外网建设。支持基础电信企业建设宽带网络。（省通信管理局牵头，省发展改革委配合）
2.推进内网改造。支持企业改造内网。（省经济和信息化厅牵头）
（二）平台赋能行动。
3.建设综合型平台。支持头部企业建设平台。（省经济和信息化厅牵头，省科技厅配合）
"""

#: (plan text, question, label read (folded; None: no label), answer must hold, answer must not hold, why)
ROWS = [
    (_sub_item_plan(), "二（二）2（3）谁牵头", "二(二)2(3)", ["二（二）2（3）", "市档案馆"], ["市文旅局"],
     "a sub-item numbered straight through the section: its own lead, never item 2's (read as 二（二）2 before)"),
    (_sub_item_plan(), "二（二）1（1）是什么", "二(二)1(1)", ["全面实施新修订法律法规"], ["落实规划保护清单，持续"],
     "the sub-item's text, not its item's heading"),
    (_sub_item_plan(), "二（二）2（3）①由谁负责", "二(二)2(3)1", ["市档案馆", "市文物局"], ["市大数据局"],
     "a circled mark as kb prints it (① folds to 1): that paragraph's units"),
    (_sub_item_plan(), "二（二）3（5）的配合单位", "二(二)3(5)", ["市规划局"], [],
     "what is asked after the label: its partners"),
    (_sub_item_plan(), "二（二）2（9）谁牵头", "二(二)2(9)", ["没有标号为"], ["市档案馆", "市文物局"],
     "awkward: a sub-item the plan does not have is said so — never its item 二（二）2 answered as if asked"),
    (_sub_item_plan(), "二（二）2谁牵头", "二(二)2", ["二（二）2"], ["二（二）2（9）"],
     "control: the item itself, as before"),
    (TWO_DOCUMENTS, "行动计划二（一）2谁牵头", "行动计划二(一)2", ["省经济和信息化厅"], ["省通信管理局"],
     "a file of two documents: the document's cite before its own label, as kb prints it"),
    (TWO_DOCUMENTS, "行动计划二（二）3的配合单位是谁", "行动计划二(二)3", ["省科技厅"], ["省发展改革委"],
     "the same with the partners asked"),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory, sessions):
    folder = tmp_path_factory.mktemp("labels")
    paths = {}

    def of(text):
        if text not in paths:
            paths[text] = folder / f"plan{len(paths)}.txt"
            paths[text].write_text(text, encoding="utf-8")
        return sessions(paths[text])

    return of


@pytest.mark.parametrize(("text", "question", "label", "has", "has_not", "why"), ROWS, ids=[r[1] for r in ROWS])
def test_label_rows(written, text, question, label, has, has_not, why):
    from kb.qa.context import Context

    session = written(text)
    assert session.read_query(question).label == label, why
    session.last_query, session.context = None, Context()
    answer = session.ask(question)
    for word in has:
        assert word in answer.text, (why, word, answer.text)
    for word in has_not:
        assert word not in answer.text, (why, word, answer.text)


#: (fixture plan or None for the bundled plan, question, why) — no label cited (the reading must NOT change).
NOT_A_LABEL = [
    (None, "一网通办由谁负责", "一 is a label of the bundled plan: glued to the words after it, no label"),
    (None, "PM2.5要下降多少", "a digit after letters is no label"),
    (None, "2020年要完成哪些任务", "a year"),
    ("51_liangshi_yingji_guobanhan2005-57.txt", "2020年要完成哪些任务", "labels 1, 2 …: a year is none of them"),
    ("51_liangshi_yingji_guobanhan2005-57.txt", "第1项是什么", "an ordinal, not the label 1"),
    ("51_liangshi_yingji_guobanhan2005-57.txt", "3天内要完成什么", "a number with its unit"),
    ("07_caidian_2023_zeren.txt", "通知是什么时候印发的", "a word of the plan asked with other words after it"),
]


@pytest.mark.parametrize(("plan", "question", "why"), NOT_A_LABEL, ids=[r[1] for r in NOT_A_LABEL])
def test_not_a_label(plan, question, why):
    from kb.qa import Session

    session = Session(None if plan is None else str(PLANS / plan), strict=True)
    assert session.read_query(question).label is None, why


def test_label_words_are_the_parsers():
    """intents.yaml ``label_words`` (what a bare label may open with) are the words the parser labels with."""
    from kb.parser.core import NOTE_LABEL, OPENING_LABEL
    from kb.parser.structure import CLOSING_PART, NOTICE_PART
    from kb.qa.vocab import load_vocabulary

    assert set(load_vocabulary().words["label_words"]) == {OPENING_LABEL, NOTE_LABEL, CLOSING_PART, NOTICE_PART}


@pytest.mark.parametrize(("question", "reads"), [
    ("交通局牵头哪些任务", False), ("一共有多少个部门", False), ("哪个部门牵头最多", False),
    ("一是什么", True), ("引言讲了什么", True), ("通知一谁牵头", True), ("三（一）2是什么", True), ("13-6的时限", True),
])
def test_labels_are_read_only_when_one_may_be_cited(question, reads):
    """A question with no digit, no bracket and no bare label's shape at its start never reads the plan's labels (a
    store reads them from its task rows: a department list must decode none — tests/test_store_briefs.py)."""
    from kb.qa.question import _may_cite
    from kb.qa.text import fold
    from kb.qa.vocab import load_vocabulary

    assert _may_cite(fold(question), load_vocabulary()) is reads
