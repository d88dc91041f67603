"""A qualifier written with 的 before a metric (其他类型公共建筑屋顶安装太阳能光伏的面积比例) is that phrase's own: the next phrase
of the sentence, which names its own metric (新建居住建筑屋顶安装太阳能光伏面积比例), does not inherit it.  A place scope (全市,
荣县、富顺县) still carries to the phrases after it, and a phrase with no metric of its own still continues the one before
(kb/parser/targets.py).  Before, plan 22's residential target read （其他类型公共建筑屋顶安装太阳能光伏） as its scope, and
其他类型公共建筑…面积比例是多少 listed it.

Rows written by hand before the code: (sentence, [(metric holds, scope, value)], why)."""

import pytest

from kb.parser import parse_document

ROWS = [
    ("落实新建机关办公建筑和教育建筑屋顶安装太阳能光伏面积比例不低于50%，其他类型公共建筑屋顶安装太阳能光伏的面积比例不低于30%，"
     "新建居住建筑屋顶安装太阳能光伏面积比例不低于30%。",
     [("新建机关办公建筑", None, "50"), ("面积比例", "其他类型公共建筑屋顶安装太阳能光伏", "30"), ("新建居住建筑", None, "30")],
     "plan 22 一（二）: the 的-qualifier stays on its phrase"),
    ("到2025年，全市签约服务覆盖率达到45%，重点人群签约服务覆盖率达到75%。",
     [("签约服务覆盖率", "全市", "45"), ("重点人群签约服务覆盖率", "全市", "75")], "a place scope carries on"),
    ("主城区细颗粒物浓度下降10%，优良天数比率达到80%。",
     [("细颗粒物浓度", "主城区", "10"), ("优良天数比率", "主城区", "80")],
     "a scope word of targets.yaml carries on (first written with 荣县、富顺县机械化清扫率: county names are a scope only "
     "standing alone before the value, scope_pattern — a wrong row)"),
]


@pytest.mark.parametrize("sentence,expected,why", ROWS, ids=[r[2][:30] for r in ROWS])
def test_qualifier_scope(sentence, expected, why):
    text = f"某方案\n一、主要任务\n（一）推进工作。{sentence}\n"
    doc, tasks = parse_document(text, "t")
    targets = [tg for t in tasks for tg in t.targets]
    got = [(tg.metric, tg.scope, tg.text) for tg in targets]
    assert len(targets) == len(expected), (why, got)
    for tg, (metric, scope, value) in zip(targets, expected):
        assert metric in tg.metric and tg.scope == scope and value in tg.text, (why, got)
