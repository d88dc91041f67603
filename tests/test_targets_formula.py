"""A formula's factor is no target: ``计算方法：A/B×100%`` says how an indicator is computed, not a value to reach.
holdout11 (国办发〔2019〕4号's indicator annex): 39 "量化目标" were formula fragments (``日间手术台次数/同期…×：100%``), so
三级公立医院绩效考核指标一共有多少个三级指标 answered 方案的量化目标共 39 项.  A value right after an arithmetic operator
(×, *, ÷, /, =, +) is an operand; a value closing a phrase after a comparator or a direction still is a target.

Table-driven: clause → (metric, value, unit) of every target → why.  Expectations written before the code."""

from __future__ import annotations

import pytest

from kb.parser.targets import parse_targets

CASES = [
    ("计算方法：日间手术台次数/同期出院患者择期手术总台次数×100%。", [], "a ratio times 100%: a formula"),
    ("计算方法：特需医疗服务量/同期全部医疗服务量×100%，特需医疗服务收入/同期全部医疗服务收入×100%。", [],
     "two formulas in one clause"),
    ("计算方法：手术患者并发症发生例数/同期出院的手术患者人数×100%。", [], "a formula whose denominator holds 的"),
    ("计算公式：签约率=签约人数÷常住人口数×100%。", [], "= and ÷"),
    ("覆盖率=签约人数/常住人口*100%", [], "an ASCII * (the text written with a keyboard)"),
    ("计算方法：本年度科研项目立项经费总金额/同期卫生技术人员总数×100。", [], "a factor with no unit (as before)"),
    ("日间手术占择期手术比例提高到20%（日间手术台次数/择期手术总台次数×100%）。", [("日间手术占择期手术比例", 20.0, "%")],
     "control: the target before a bracketed formula stays, the formula does not"),
    ("到2020年，门诊患者基本药物处方占比达到60%以上。", [("门诊患者基本药物处方占比", 60.0, "%")], "control: a target"),
    ("PM2.5年均浓度下降到35微克/立方米。", [("PM2.5年均浓度", 35.0, "微克/立方米")], "control: a slash inside the unit"),
    ("2023年重点人群签约服务覆盖率达到80%，力争2035年达到95%。",
     [("重点人群签约服务覆盖率", 80.0, "%"), ("重点人群签约服务覆盖率", 95.0, "%")], "control: two targets"),
]


@pytest.mark.parametrize("clause,expected,why", CASES, ids=[c[2][:40] for c in CASES])
def test_formula_is_no_target(clause, expected, why):
    got = [(t.metric, t.value, t.unit) for t in parse_targets(clause)]
    assert got == expected, why
