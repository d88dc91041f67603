"""A target whose time is a START (自2019年起, 2019年开始) applies from that year: ``Target.from_year``, never its
``year`` (the year BY which it applies).  Before session 13 the start year was the target's year and every renderer said
``（到2019年）`` — "by 2019" for work that starts in 2019 (国发〔2019〕4号 二（七）: 自2019年开始，…在10个左右技术技能人才
紧缺领域…; review-rest s12 item 2).  Now ``kb duties``, exports and ``kb ask`` say ``自2019年起``.

Clauses written for these tests in varied wording, levels and kinds of value; expectations by hand, before the code.
"""

from __future__ import annotations

import pytest

from kb.export.content import render_target
from kb.model import Target, Task
from kb.parser.targets import apply_targets, parse_targets
from kb.qa.result import target_words

#: (clause, context, [(metric, year, from_year)], why)
ROWS = [
    ("自2019年起，新能源公交车比例不低于50%。", "", [("新能源公交车比例", None, 2019)], "自…起: a start, no by-year"),
    ("自2020年开始，全省新建公共建筑中绿色建筑比例达到60%以上。", "", [("新建公共建筑中绿色建筑比例", None, 2020)],
     "自…开始 of a province"),
    ("从2021年起，全县农村生活垃圾收运处置体系覆盖率保持在95%以上。", "",
     [("农村生活垃圾收运处置体系覆盖率", None, 2021)], "从…起 of a county"),
    ("区级财政每年安排资金不少于500万元。", "自2022年起，设立专项资金。", [("区级财政每年安排资金", None, 2022)],
     "a start in an earlier clause of the paragraph"),
    ("到2020年，全市秸秆综合利用率达到88%以上。", "", [("秸秆综合利用率", 2020, None)], "到 is a by-year: unchanged"),
    ("2018至2020年，全市加油站抽检覆盖率达到95%以上。", "", [("加油站抽检覆盖率", 2020, None)],
     "a range: its end, unchanged"),
    ("全市油气回收率达到80%。", "自2019年起实施。到2020年底前完成治理。", [("油气回收率", 2020, None)],
     "the last time of the context is a by-year: that one"),
]


@pytest.mark.parametrize("clause,context,expected,why", ROWS, ids=[r[3] for r in ROWS])
def test_start_is_no_by_year(clause, context, expected, why):
    got = [(t.metric, t.year, t.from_year) for t in parse_targets(clause, 0, context)]
    assert got == expected, why


def _target(**kw):
    base = dict(text="x", metric="新能源公交车比例", value=50.0, unit="%", comparator="≥")
    return Target(**{**base, **kw})


def _task(*deadlines):
    return Task(id="d#1", doc="d", label="二（七）", part="二", part_title="", section="", section_title="", kind="task",
                title="", text="x", deadlines=list(deadlines))


#: (target, export text, answer text, why)
RENDER_ROWS = [
    (_target(from_year=2019), "新能源公交车比例 ≥50%（自2019年起）", "新能源公交车比例：50%以上（自2019年起）",
     "a start year is said as one"),
    (_target(year=2020), "新能源公交车比例 ≥50%（到2020年）", "新能源公交车比例：50%以上（到2020年）", "a by-year as before"),
    (_target(from_year=2019, written="10个左右", value=10.0, unit="个", comparator="="),
     "新能源公交车比例 10个左右（自2019年起）", "新能源公交车比例：10个左右（自2019年起）",
     "a value in the plan's words with its start (国发〔2019〕4号 二（七）)"),
]


@pytest.mark.parametrize("target,exported,answered,why", RENDER_ROWS, ids=[r[3] for r in RENDER_ROWS])
def test_renderers_say_the_start(target, exported, answered, why):
    assert render_target(target) == exported, why
    assert target_words(_task(), target) == answered, why


def test_whole_task_from_its_clauses():
    """apply_targets over a paragraph whose first clause starts the work: its targets apply from that year."""
    task = Task(id="d#2", doc="d", label="二（七）", part="二", part_title="", section="", section_title="", kind="task",
                title="", text="", clauses=["自2019年开始，推动职业院校在10个左右技术技能人才紧缺领域大力推进校企合作。",
                                            "职业院校专业课教师中双师型教师占比超过一半。"])
    apply_targets(task)
    assert {(t.year, t.from_year) for t in task.targets} == {(None, 2019)}, [(t.metric, t.year, t.from_year) for t in task.targets]
