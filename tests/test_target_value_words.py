"""Values written in words are values of their indicator: ``超过一半``, ``一半以上``, ``过半``, ``三分之一以上`` (a share:
50 %, 33.3 % with its comparator) and ``10个左右`` (an approximate count, its noun the thing counted).  ``Target.written``
keeps the plan's words for the value, so an answer says ``超过一半`` / ``10个左右`` as the plan does, never a number kb
made up.  holdout11 (国发〔2019〕4号): zj19 “双师型”教师占专业课教师总数 ← 超过一半 was answered with the neighbouring
100个基地 target; zj22 10个左右 was read as ``技术技能人才紧缺领域大力开展职业培训: 10个`` (the verb in the noun, 左右 lost).

Table-driven: clause → (metric, value, unit, comparator, written) of every target → why.  Expectations written before
the code."""

from __future__ import annotations

import pytest

from kb.parser.targets import parse_targets

CASES = [
    ("“双师型”教师（同时具备理论教学和实践教学能力的教师）占专业课教师总数超过一半，分专业建设一批国家级职业教育教师教学创新团队。",
     [("“双师型”教师（同时具备理论教学和实践教学能力的教师）占专业课教师总数", 50.0, "%", ">", "超过一半")],
     "zj19: 超过 before a share written in words"),
    ("职业院校实践性教学课时原则上占总课时一半以上，顶岗实习时间一般为6个月。",
     [("职业院校实践性教学课时原则上占总课时", 50.0, "%", "≥", "一半以上")],
     "一半以上 (以上 after); 6个月 has no unit of targets.yaml (as before)"),
    ("到2025年，参保人数过半。", [("参保人数", 50.0, "%", ">", "过半")], "过半: more than half"),
    ("新能源公交车占比达到三分之一以上。", [("新能源公交车占比", 33.3, "%", "≥", "三分之一以上")], "a fraction in words"),
    ("二氧化硫排放量削减三分之一。", [("二氧化硫排放量", 33.3, "%", "=", "三分之一")],
     "a fraction with a direction (test_targets said: not read)"),
    ("自2019年开始，推动职业院校在10个左右技术技能人才紧缺领域大力开展职业培训。",
     [("技术技能人才紧缺领域", 10.0, "个", "=", "10个左右")],
     "zj22: the thing counted ends before the verb (大力开展); 左右 kept in the words"),
    ("职业院校、应用型本科高校教师每年至少1个月在企业或实训基地实训，落实教师5年一周期的全员轮训制度。",
     [("职业院校、应用型本科高校教师每年在企业或实训基地实训", 1.0, "个月", "≥", "至少1个月")],
     "zj06: a time required for a work written after it (5年一周期 is no value)"),
    ("每个班的总学时不少于100学时。", [("总学时", 100.0, "学时", "≥", "")], "control: the value closes its phrase (as before; 每个班的 its scope), no second target"),
    ("企业职工每年至少参加1次培训。", [], "control: a count of times is no duration"),
    ("建设100个“双师型”教师培养培训基地。", [("“双师型”教师培养培训基地", 100.0, "个", "=", "")],
     "control: a count written in digits, nothing in words"),
    ("超过一半的企业已完成改造。", [], "control: 一半 before 的 says which firms (a threshold), no target"),
    ("减少一半以上的审批环节。", [], "control: the same with a verb before it"),
    ("全市一半以上乡镇建成示范点。", [], "control: 一半以上 followed by more words is a share of the places, not a value"),
]


def test_a_duration_has_no_year():
    """至少1个月 each year is no target 'by' a year: the paragraph's 2020年起 gives it none (an answer said 到2020年)."""
    from kb.parser.targets import parse_targets as read

    got = read("教师每年至少1个月在企业实训。", context="2020年起，推动1+X证书制度。")
    assert [(t.written, t.year) for t in got] == [("至少1个月", None)]


@pytest.mark.parametrize("clause,expected,why", CASES, ids=[c[2][:40] for c in CASES])
def test_value_words(clause, expected, why):
    got = [(t.metric, round(t.value, 1), t.unit, t.comparator, t.written) for t in parse_targets(clause)]
    assert got == expected, why
