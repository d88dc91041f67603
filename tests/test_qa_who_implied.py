"""A who-answer names the units a carry-forward note implies (``以下任务措施均需各市政府落实，不再列出`` → ``Task.implied``
on the later tasks) as the plan implies them: ``（各市政府负责落实）`` in the text (on the task's line when the tasks
found differ in them).  The answer's departments are every unit its text names for the task (decision of session 11):
the tag's units, then the implied ones (Answer.roles gives them the role ``implied``); a role asked (谁牵头) keeps the
units of that role — kb.qa.exec_topics.exec_topic_who.  (Before, the implied units were said in the text only.)

The plan below is written by hand for this test; the expected units were written before kb ran on it.
"""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

NOTED = """关于开展农村饮用水安全排查整治的实施方案
一、重点任务
（一）排查水源地。
1.排查农村集中式饮用水水源地保护区划定情况。（省水利厅牵头，各市政府负责落实，以下任务措施均需各市政府落实，不再列出）
2.排查分散式供水工程水质检测情况，建立问题清单。（省卫生健康委负责）
（二）整治突出问题。
3.整治水源地周边违法排污行为，依法关闭排污口。（省生态环境厅、省水利厅负责）
"""

#: The same plan with no carry-forward note (control): no unit is implied.
PLAIN = NOTED.replace("，各市政府负责落实，以下任务措施均需各市政府落实，不再列出", "")

#: (plan, question, the answer's departments in order, 各市政府负责落实 in the text, why) — by hand, before the run.
ROWS = [
    ("noted", "排查分散式供水工程水质检测由谁负责", ["省卫生健康委", "各市政府"], True,
     "2's tag names 省卫生健康委; the note on 1 implies 各市政府 for every later task: the text names it, so do the fields"),
    ("noted", "整治水源地周边违法排污行为由谁负责", ["省生态环境厅", "省水利厅", "各市政府"], True,
     "3: a later part still under the note"),
    ("noted", "排查分散式供水工程水质检测谁牵头", ["省卫生健康委"], True,
     "谁牵头: 各市政府 is no lead (the note says 落实); the text says who carries it out"),
    ("noted", "水质检测和违法排污行为分别由谁负责", None, True,
     "two tasks with the same implied unit: said once below them"),
    ("plain", "排查分散式供水工程水质检测由谁负责", ["省卫生健康委"], False, "control: no note, no implied unit"),
    ("plain", "整治水源地周边违法排污行为由谁负责", ["省生态环境厅", "省水利厅"], False, "control: no note"),
]


@pytest.fixture(scope="module")
def plans():
    out = {}
    for name, text in (("noted", NOTED), ("plain", PLAIN)):
        doc, tasks = parse_document(text, name)
        out[name] = Plan([doc], tasks)
    return out


@pytest.mark.parametrize("which,question,departments,said,why", ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_who_answer_names_implied_units(plans, which, question, departments, said, why):
    answer = Session(plan=plans[which]).ask(question)
    assert answer.status == "answered", why
    if departments is not None:
        assert answer.departments == departments, f"{why} | kb: {answer.text}"
    assert answer.text.count("各市政府负责落实") <= 1, f"{why} | kb: {answer.text}"
    assert ("各市政府负责落实" in answer.text) == said, f"{why} | kb: {answer.text}"


def test_implied_units_carry_their_role(plans):
    """Each unit of the answer's departments has its role: the implied one as ``implied`` in Answer.roles."""
    answer = Session(plan=plans["noted"]).ask("排查分散式供水工程水质检测由谁负责")
    (task,) = answer.tasks
    assert answer.roles[task.id] == ["sole", "implied"], answer.roles
    assert task.sole == ["省卫生健康委"] and task.implied == ["各市政府"]

