"""Question shapes fresh users type that kb misread, session 18 (asks9): tests/fixtures/qa/asks_s18.yaml.  Each row: a
plan, a question, the Query slots, what the answer must and must not say — and why (read by hand from the plans); an
``xfail`` row names a cause still open (strict)."""

from __future__ import annotations

import pytest

from question_rows import QuestionRows

SET = QuestionRows("asks_s18.yaml")
DATA, PLANS, ROWS, plan_of = SET.data, SET.plans, SET.rows, SET.plan_of


@pytest.mark.parametrize("row", SET.params())
def test_asks_s18(row):
    SET.check(row)


def test_every_row_says_why_and_names_a_plan():
    assert len(SET.rows) >= 7
    assert not SET.incomplete(folders=True, question=False)


#: kb.qa.named_sets._listed_before: (paragraph text, term, count stated) → members (None: no list of the term there)
#: — why.  Forms of the genre, written for the rule (no plan's instance).
LISTED_ROWS = [
    ("构建“公园、森林、湿地”三大体系和", "三大体系", 3, ["公园", "森林", "湿地"],
     "a quoted 、-list glued to the term: quotes off (was one member “公园、森林、湿地”)"),
    ("建成“交流、服务、创业”三大功能的平台", "三大功能", 3, ["交流", "服务", "创业"], "the same, the term before 的"),
    ("实现“到2025年A达到5个，B达到10家”的两大目标", "两大目标", 2, ["到2025年A达到5个", "B达到10家"],
     "clauses in quotes, as many as the term states, then 的"),
    ("实现“A达到5个，B达到10家，C达到3所”的两大目标", "两大目标", 2, None,
     "three clauses for a term of two: no members here (never two of three)"),
    ("推进重点产业（电子信息、装备制造、生物医药三大产业）发展", "三大产业", 3, ["电子信息", "装备制造", "生物医药"],
     "a list opening a bracket the term closes: 推进重点产业 before the bracket is no member"),
    ("聚焦生态、生产、生活三大空间", "三大空间", 3, ["聚焦生态", "生产", "生活"],
     "must-not-change — a plain list before the term (the first keeps its verb, as before)"),
    ("做好准备部署、组织实施、试点总结三个阶段工作", "三个阶段", 3, ["做好准备部署", "组织实施", "试点总结"],
     "must-not-change — as before: _trim_first trims lead words only off a first member much longer than the rest"),
    ("由区发改委、区财政局、区建管委（三个部门）牵头", "三个部门", 3, ["由区发改委", "区财政局", "区建管委"],
     "the term alone in a bracket glosses the list before it (was 区建管委（ as the last member); the first keeps 由 "
     "as a plain list's first member does"),
]


@pytest.mark.parametrize("text,term,stated,members,why", LISTED_ROWS, ids=[r[0][:12] for r in LISTED_ROWS])
def test_listed_before(text, term, stated, members, why):
    from kb.qa.named_sets import _listed_before

    got = _listed_before(text, text.find(term), stated)
    assert (got[0] if got else None) == members, why


#: kb.qa.named_sets._units_for_things: (members, the term's noun) → whether the members are units doing the term's work,
#: not its members — why.
UNIT_ROWS = [
    (["区发改委", "区财政局", "区建管委"], "领域", True, "three units given before 三大领域: no areas"),
    (["A街道", "B街道", "C街道"], "试点街道", False, "a set of units by its noun (the noun shares their ending)"),
    (["甲区", "乙区", "丙区"], "片区", False, "区 is no unit ending here"),
    (["市发改委", "市财政局"], "成员单位", False, "成员单位 names units"),
    (["公园", "森林", "湿地"], "体系", False, "things, no units"),
]


@pytest.mark.parametrize("members,tail,expected,why", UNIT_ROWS, ids=[r[1] for r in UNIT_ROWS])
def test_units_for_things(members, tail, expected, why):
    from kb.qa.named_sets import _units_for_things

    assert _units_for_things(members, tail) is expected, why
