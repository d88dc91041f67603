"""X会同哪些部门 + a topic (review-qa P1, session 13): the partners of X's led tasks ON THAT TOPIC, the topic said in the
heading; a topic none of X's led tasks writes is said so — never the supporting units of every task X leads (the
answer listed all 17 of 市生态环境局's partners for 推进VOCs治理 while its heading dropped the topic).  Bundled plan,
counted by hand: 市生态环境局 leads 三（一）6 开展工业炉窑污染整治 with 市市场监管局 alone supporting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plan_sessions import first_question_asker

# (question, status, first line holds, answer must not hold, why)
ROWS = [
    ("市生态环境局会同哪些部门开展工业炉窑污染整治", "answered", ["市市场监管局", "工业炉窑"], ["市财政局"],
     "one led task on the topic: its one supporting unit"),
    ("市生态环境局会同哪些部门推进VOCs治理", "answered", ["VOCs"], ["市水务局", "市人力资源社会保障局"],
     "the topic in the heading; partners of VOCs tasks only (市水务局 supports 三（一）4, no VOCs task)"),
    ("市生态环境局会同哪些部门推进火星探测", "not_in_plan", ["火星探测"], ["市发展改革委"],
     "a topic no led task writes: said so, no partner listed"),
]


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("partners"), {}, lambda name: None)


@pytest.mark.parametrize(("question", "status", "held", "absent", "why"), ROWS, ids=[r[0] for r in ROWS])
def test_partners_on_the_topic_asked(ask, question, status, held, absent, why):
    a = ask("bundled", question)
    assert a.status == status, (why, a.status, a.text)
    first = a.text.splitlines()[0]
    assert all(w in first for w in held), (why, first)
    assert not any(w in first for w in absent), (why, first)


# A when-word that itself asks (什么时候, 何时) is asked beside 由谁负责 (review-qa P9: 由谁负责和什么时候完成 answered who
# only, since the session's rule reading a time listed among plain nouns as no when — holdout13 dj20 keeps its reading).
WHEN_ROWS = [
    ("加快淘汰老旧车辆由谁负责和什么时候完成", ["2019年", "市公安局"], "both asked: the limit, its source naming the leads"),
    ("加快淘汰老旧车辆由谁牵头、何时完成", ["2019年", "市公安局"], "何时 asks as 什么时候 does"),
    ("加快淘汰老旧车辆的牵头单位以及完成时间", ["2019年", "市公安局"],
     "以及 joins two things asked (read as 及 after 以, the time was taken for a noun listed)"),
]


@pytest.mark.parametrize(("question", "held", "why"), WHEN_ROWS, ids=[r[0] for r in WHEN_ROWS])
def test_an_asking_when_word_is_asked_beside_who(ask, question, held, why):
    a = ask("bundled", question)
    assert a.status == "answered", (why, a.text)
    assert all(w in a.text for w in held), (why, a.text)
