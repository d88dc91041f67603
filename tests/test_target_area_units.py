"""Areas as plans print them are target units: ``㎡``, ``m²``/``m2``, ``km²``, ``hm²`` besides 平方米/公顷/亩.

holdout13 jx24: 人行道断头贯通三年累计要完成多少平方米 — the plan writes ``三年累计完成人行道断头贯通25400㎡`` and kb read no target
there (``㎡`` is one character, U+33A1, that no unit of kb/data/targets.yaml matched), so it answered with another item's
targets.  Units are data (targets.yaml ``units``); a formula's factor stays no target (tests/test_targets_formula.py).

Table-driven: clause → (metric, value, unit, comparator) of every target → why.  Expectations written before the code.
"""

from __future__ import annotations

import pytest

from kb.parser.targets import parse_targets

CASES = [
    ("三年累计完成人行道断头贯通25400㎡。", [("三年累计完成人行道断头贯通", 25400.0, "㎡", "=")],
     "holdout13 jx (十二): the sign ㎡"),
    ("新增绿地面积1.2万㎡。", [("新增绿地面积", 1.2, "万㎡", "=")], "a magnitude before ㎡"),
    ("改造老旧小区30万m²。", [("改造老旧小区", 30.0, "万m²", "=")], "m² with a superscript two"),
    ("新建口袋公园面积不少于5000m2。", [("新建口袋公园面积", 5000.0, "m2", "≥")], "m2 as typed, after a comparator"),
    ("完成造林1200hm²。", [("完成造林", 1200.0, "hm²", "=")], "hm² (公顷) of forestry plans"),
    ("人行道整治面积不低于300万平方米。", [("人行道整治面积", 300.0, "万平方米", "≥")], "control: 平方米 as before"),
    ("完成造林绿化2.5万亩。", [("完成造林绿化", 2.5, "万亩", "=")], "control: 亩 as before"),
    ("PM2.5年均浓度下降到35微克/立方米。", [("PM2.5年均浓度", 35.0, "微克/立方米", "=")],
     "control: the 2 of PM2.5 is no m2 (a number glued to letters is a name)"),
    ("计算方法：绿化面积/建成区面积×100m2。", [], "a formula's factor is no target, whatever its unit"),
    ("按照每户不超过50㎡的标准建设。", [], "a threshold inside the phrase (followed by 的标准): no target"),
]


@pytest.mark.parametrize("clause,expected,why", CASES, ids=[c[2][:40] for c in CASES])
def test_area_units(clause, expected, why):
    got = [(t.metric, t.value, t.unit, t.comparator) for t in parse_targets(clause)]
    assert got == expected, why
