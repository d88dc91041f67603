"""An annex after the plan's body (``附件`` / ``附件2`` / ``附件：…`` alone on its line, its title on the next short line)
closes the body: its numbered paragraphs are cited like annex table rows (``附件-1``, ``附件2-1``), never as more items
of the body's last part (a real plan: 19 body items + 7 annex scenes were counted as 26 items of part 四).

Table-driven: plan text → (label, part) of every task → why.  Controls: a sentence that mentions an annex in the body
changes nothing; a cover notice listing 附件 before the body keeps the body; the signature before the annex is the
closing, not an item.  Annexes that are task tables keep their rows (tests/test_tables*.py, test_flattened_tables.py)."""

from __future__ import annotations

import pytest

from kb.model import Plan
from kb.parser.core import parse_document
from kb.qa import Session

HEAD = """某市推进政务服务提质增效行动方案

一、总体要求
到2025年，政务服务事项全部实现网上可办。

二、主要任务
1.推进一网通办。市政务服务办牵头，各区政府配合。
2.推进一件事改革。市政务服务办负责。
"""
BODY = [("一", "一"), ("二1", "二"), ("二2", "二")]

CASES = [
    # (why, text after HEAD, expected (label, part) of the tasks after BODY, annexes)
    ("附件 alone, then its title line, then numbered paragraphs: cited 附件-n, not 二3 …",
     "\n附件\n\n示范场景\n\n1.简政提效：推行企业开办一日办结。\n2.无感监管：推行非现场监管。\n",
     [("附件-1", "附件"), ("附件-2", "附件")], [("附件", "示范场景")]),
    ("a numbered annex with a colon and its title on the same line",
     "\n附件1：示范场景\n1.简政提效：推行企业开办一日办结。\n2.无感监管：推行非现场监管。\n3.智能审批：推行自动审批。\n",
     [("附件1-1", "附件1"), ("附件1-2", "附件1"), ("附件1-3", "附件1")], [("附件1", "示范场景")]),
    ("two annexes: each its own rows",
     "\n附件1\n示范场景\n1.简政提效：推行企业开办一日办结。\n附件2\n重点项目\n1.建设政务服务中心。\n2.建设自助终端网络。\n",
     [("附件1-1", "附件1"), ("附件2-1", "附件2"), ("附件2-2", "附件2")], [("附件1", "示范场景"), ("附件2", "重点项目")]),
    ("an annex with its own 一、 headings: sections of the annex, never body parts",
     "\n附件\n示范场景清单\n一、企业服务\n1.推行企业开办一日办结。\n二、群众服务\n1.推行出生一件事。\n",
     [("附件（一）-1", "附件"), ("附件（二）-1", "附件")], [("附件", "示范场景清单")]),
    ("the signature and date before the annex close the document: no item of 二",
     "\n某市人民政府办公厅\n2024年3月1日\n\n附件\n示范场景\n1.简政提效：推行企业开办一日办结。\n",
     [("附件-1", "附件")], [("附件", "示范场景")]),
    ("a caption with no annex text after it (the table was not pasted): no item of 二 (fixture 72's last line)",
     "\n附件：2021年某市政务服务指标体系\n",
     [], [("附件", "2021年某市政务服务指标体系")]),
    ("control: a body sentence that mentions an annex is a paragraph of its part",
     "3.推进示范场景建设。具体场景详见附件1。\n",
     [("二3", "二")], []),
    ("control: a line opening with 附件 that is a sentence stays in the body",
     "3.附件所列事项由各区政府负责落实。\n",
     [("二3", "二")], []),
]


@pytest.mark.parametrize("why,tail,expected,annexes", CASES, ids=[c[0][:30] for c in CASES])
def test_annex_closes_the_body(why, tail, expected, annexes):
    doc, tasks = parse_document(HEAD + tail, "p")
    got = [(t.label, t.part) for t in tasks]
    assert got[: len(BODY)] == BODY, why
    assert got[len(BODY):] == expected, why
    assert doc.parts == [("一", "总体要求"), ("二", "主要任务")], why
    assert doc.annexes == annexes, why


def test_cover_notice_listing_an_annex_keeps_the_body():
    """附件：… in a cover notice BEFORE the plan's first part is no annex: the body after it is read as before."""
    text = ("某市人民政府办公厅关于印发《某市推进政务服务提质增效行动方案》的通知\n\n各区人民政府：\n\n"
            "现将《某市推进政务服务提质增效行动方案》印发给你们，请认真贯彻执行。\n\n"
            "附件：某市推进政务服务提质增效行动方案\n\n某市人民政府办公厅\n2024年3月1日\n\n" + HEAD)
    doc, tasks = parse_document(text, "p")
    assert [(t.label, t.part) for t in tasks if t.part] == BODY
    assert doc.parts == [("一", "总体要求"), ("二", "主要任务")]
    assert doc.annexes == []


def _session(text: str) -> Session:
    doc, tasks = parse_document(text, "p")
    return Session(plan=Plan([doc], tasks), strict=True)


def test_counting_and_parts_answers_leave_the_annex_out_and_say_it_is_there():
    """Hand-counted: the body numbers 2 items under 二 (一 is one unnumbered paragraph); the annex holds 2 scenes."""
    s = _session(HEAD + CASES[0][1])
    parts = s.ask("方案分为哪几个部分")
    assert "分为 2 个部分" in parts.text and "附件“示范场景”（2 条）" in parts.text
    assert "三、" not in parts.text
    for q in ("方案一共有多少项任务", "一共有多少条措施"):
        a = s.ask(q)
        assert "附件-" not in a.text and "二3" not in a.text, q
        assert not [t for t in a.tasks if t.part == "附件"], q
    count = s.ask("一共有多少条措施")
    # 二1 and 二2 name their units in prose (市政务服务办牵头 / 负责): never "各条都没有写明责任单位"
    assert "共 2 条" in count.text and "没有写明责任单位" not in count.text
    assert "正文之后另有附件“示范场景”（2 条）" in count.text


# An annex named by its title or cite (示范场景有几个, 附件里有哪些示范场景, 附件2有几条, 示范场景的第一个是什么): its own items,
# counted or listed (kb/qa/query.py read_annex_named, _list_named).  A second plan written for these rows (not the one
# the mechanism was built on): body 一–三 with 3 numbered items, then 附件1 重点建设项目 (4 items) and 附件2 示范村名单 (2).
COUNTY = """某县农村人居环境整治提升行动方案

一、工作目标
到2025年，全县农村卫生厕所普及率达到90%以上。

二、重点任务
1.推进农村厕所革命。县农业农村局牵头，各乡镇配合。
2.加强生活垃圾治理。县住房城乡建设局负责。
3.实施重点建设项目。具体项目详见附件1。

三、保障措施
1.加强组织领导。县农业农村局负责。

附件1
重点建设项目
1.新建农村公厕20座。
2.建设垃圾转运站3座。
3.改造污水管网15公里。
4.建设资源化利用中心1处。
附件2
示范村名单
1.东山村。
2.西河村。
"""

# (plan, question, intent, labels of the answer's own items (in order), words in its text, why) — written by hand
ANNEX_ASKED = [
    ("one", "示范场景有几个", "section_count", ["附件-1", "附件-2"], ["共 2 项"], "the title with 有几个 (read as a unit before)"),
    ("one", "附件里有哪些示范场景", "section_tasks", ["附件-1", "附件-2"], ["附件：示范场景"], "附件里 + the title"),
    ("one", "附件有几条", "section_count", ["附件-1", "附件-2"], ["共 2 项"], "附件 alone: the plan's one annex"),
    ("one", "示范场景的第一个是什么", "item_text", ["附件-1"], ["简政提效"],
     "an ordinal of the list named: the annex's first item, never the body's first (二1 before)"),
    ("one", "附件的第一条是什么", "item_text", ["附件-1"], ["简政提效"],
     "附件 alone, the plan's one annex: its first item (before: asked back between 二1 and 附件-1)"),
    ("one", "主要任务有几条", "section_count", ["二1", "二2"], ["共 2 项"], "control: a body part by its title, as before"),
    ("county", "重点建设项目有几个", "section_count", ["附件1-1", "附件1-2", "附件1-3", "附件1-4"], ["共 4 项"],
     "the body's 实施重点建设项目 names the annex (详见附件1): the annex's 4 items"),
    ("county", "示范村名单有哪些", "section_tasks", ["附件2-1", "附件2-2"], ["附件2：示范村名单"], "the second annex by title"),
    ("county", "附件2有几条", "section_count", ["附件2-1", "附件2-2"], ["共 2 项"], "an annex by its cite"),
    ("county", "附件1的第二条是什么", "item_text", ["附件1-2"], ["建设垃圾转运站3座"],
     "an ordinal of an annex by its cite (before: 方案正文没有列出“附件1”的各项条目, a confident wrong answer)"),
    ("county", "重点任务有几条", "section_count", ["二1", "二2", "二3"], ["共 3 项"], "control: body part, 3 items"),
    ("county", "保障措施有几条", "overview_measures", ["三"], ["共 1 条"],
     "control: the last body part keeps its one item (a part of one paragraph is cited by its numeral alone)"),
]


@pytest.mark.parametrize("alias,question,intent,labels,words,why", ANNEX_ASKED, ids=[f"{r[0]}:{r[1]}" for r in ANNEX_ASKED])
def test_an_annex_named_by_its_title_or_cite_answers_its_own_items(alias, question, intent, labels, words, why):
    s = _session(HEAD + CASES[0][1] if alias == "one" else COUNTY)
    a = s.ask(question)
    assert a.intent == intent, (a.intent, a.text, why)
    assert [t.label for t in a.tasks] == labels, (a.text, why)
    for w in words:
        assert w in a.text, (w, a.text, why)


def test_annex_alone_with_two_annexes_answers_each():
    """附件有几条 when the plan has two annexes: each annex's count with its title (session 10's decision, README), never
    one annex's items as if it were the one asked."""
    a = _session(COUNTY).ask("附件有几条")
    assert a.intent == "section_count", a.text
    assert "附件1《重点建设项目》共 4 项" in a.text and "附件2《示范村名单》共 2 项" in a.text, a.text
    assert [t.label for t in a.tasks] == ["附件1-1", "附件1-2", "附件1-3", "附件1-4", "附件2-1", "附件2-2"]
