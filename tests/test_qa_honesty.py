"""Honesty mechanisms of kb.qa, as tables (input → expected → why).

- a topic a paragraph holds only part of is not answered with that paragraph (kb.qa.exec_topics.unmatched_part);
- a when-question about the document's own issue (印发, 发布 …) with no other topic is about the document;
- a value asked in a unit (多少套, 多少名) finds the paragraph stating a number in that unit.
"""

from __future__ import annotations

import pytest

GENERIC = ("治理", "污染治理", "污染", "管控")

# (asked words, paragraph text, the stretch it lacks or None, why)
UNMATCHED = [
    (["垃圾分类"], "严控垃圾、落叶露天焚烧", "分类", "a term half held: the paragraph is about another thing"),
    (["噪声污染治理"], "加强园区污染治理", "噪声", "the generic 污染治理 held, the term's own word 噪声 not"),
    (["秸秆禁烧"], "加强秸秆禁烧", None, "held whole"),
    (["秸杆禁烧"], "加强秸秆禁烧", None, "one character mistyped is the same term"),
    (["国六标准", "发布"], "提前实施国六排放标准", None, "发布 is how it is asked (no part of it held), not what"),
    (["过年燃放烟花爆竹"], "严控烟花爆竹燃放", None, "longer than a term: a phrase in the asker's words"),
    (["汽修行业喷涂治理"], "汽修行业使用低挥发性涂料", None, "a phrase too (six characters besides 治理)"),
    (["噪声"], "加强园区污染治理", "噪声", "no piece of any asked word: a match of single characters only"),
]


@pytest.mark.parametrize("words, text, missing, why", UNMATCHED, ids=[u[3][:30] for u in UNMATCHED])
def test_unmatched_part(words, text, missing, why):
    from kb.qa.exec_topics import unmatched_part

    assert unmatched_part(words, text, lambda w: (w,), GENERIC) == missing, why


@pytest.fixture(scope="module")
def session(plan):
    from kb.qa import Session

    return Session(plan=plan, strict=True)


# (question, outside slot, why)
ISSUE = [
    ("这个方案啥时候印发的", "publication_date", "啥时候 + 印发, nothing else asked: the document's date"),
    ("方案是什么时候发布的", "publication_date", "时候 (a piece of 什么时候) is no topic"),
    ("这个实施意见是哪天印发的", "publication_date", "实施意见 names the document itself"),
    ("方案的成文日期", "publication_date", "a noun only a document has"),
    ("国六标准什么时候发布", None, "a topic beside the verb: the topic's deadline, not the document's"),
]


@pytest.mark.parametrize("question, outside, why", ISSUE, ids=[i[0] for i in ISSUE])
def test_issue_date_read_by_document_verbs(session, question, outside, why):
    assert session.read_query(question).outside == outside, why


def test_issue_date_not_stated_is_not_in_plan(session):
    answer = session.ask("这个方案啥时候印发的")
    assert answer.status == "not_in_plan" and answer.tasks == []
    assert "没有写明印发日期" in answer.text


@pytest.mark.parametrize("question", ["垃圾分类谁负责", "垃圾分类什么时候完成"])
def test_partial_topic_is_not_in_plan(session, question):
    # the who-question is read as not_in_plan by kb/qa/plan_terms.py (no plan holds 垃圾分类); the
    # when-question reaches the ranking, whose paragraph holds 垃圾 but not 分类 (unmatched_part)
    answer = session.ask(question)
    assert answer.status == "not_in_plan" and answer.tasks == [], answer.text
    assert "垃圾分类" in answer.text
    assert [t.label for t in answer.related] in ([], ["三（四）7"])


# (question, unit read, why)
UNITS = [
    ("人才公寓要建多少套", "套", "多少 + a unit"),
    ("每年资助培养多少名社会工作从业人员", "名", "名 is the unit, not the start of a department 名社会"),
    ("一共有多少个部门", None, "个 + 部门 counts the plan's departments"),
    ("城管局牵头的任务有几个量化目标", None, "个 + 量化目标 counts targets"),
    ("交通局牵头几项", None, "项 counts tasks"),
]


@pytest.mark.parametrize("question, unit, why", UNITS, ids=[u[0] for u in UNITS])
def test_unit_read(session, question, unit, why):
    assert session.read(question).unit == unit, why


@pytest.fixture(scope="module")
def rencai():
    from pathlib import Path

    from kb.qa import Session

    path = Path(__file__).parent / "fixtures" / "plans" / "05_guangzhou_rencaijiju_2012.txt"
    return Session(corpus=str(path), strict=True)


# (question, the number the answer must state, why) — counted by hand from the plan's items 38, 12, 10, 25
UNIT_VALUES = [
    ("人才公寓要建多少套", "10000套", "item 38: 1000套专家公寓和10000套人才公寓"),
    ("博士后要培养多少人", "400名", "item 12: 人 asked, the plan counts in 名"),
    ("“羊城学者”特聘岗位设多少个", "50个", "item 10: 设 glued to the noun asked about"),
    ("每年资助培养多少名社会工作从业人员", "3000名", "item 25"),
]


@pytest.mark.parametrize("question, value, why", UNIT_VALUES, ids=[u[0] for u in UNIT_VALUES])
def test_unit_value_found_in_its_paragraph(rencai, question, value, why):
    answer = rencai.ask(question)
    assert answer.status == "answered" and len(answer.tasks) == 1, answer.text
    assert value in answer.text, why


# (question on the 广州 plan, departments read, why)
TAIL_NAMES = [
    ("组织部配合哪些项目", ["市委组织部"], "the last characters of exactly one department's name (市委 left off)"),
    ("人社局和组织部都参与的项目有哪些", ["市人力资源和社会保障局", "市委组织部"],
     "a chunk marked as a topic beside a named department is tried as its partner's name"),
    ("人才公寓要建多少套", [], "no department-shaped word: nothing read as a name"),
]


@pytest.mark.parametrize("question, departments, why", TAIL_NAMES, ids=[t[0] for t in TAIL_NAMES])
def test_department_named_by_its_tail(rencai, question, departments, why):
    assert rencai.read(question).departments == departments, why


def test_a_bug_while_answering_is_said_and_not_answered(monkeypatch):
    """A bug in an executor must not end a chat nor pose as an answer: the notice says so in Chinese,
    the answer is not_understood and lists no task of its own (related entries stay apart)."""
    from kb.qa import Session

    said: list[str] = []
    session = Session(notice=said.append)

    def broken(question):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(session, "_answer", broken)
    answer = session.ask("市交通运输局牵头哪些任务")
    assert answer.status == "not_understood" and answer.tasks == []
    assert len(said) == 1 and "内部错误" in said[0] and "ZeroDivisionError" in said[0]
