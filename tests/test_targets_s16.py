"""Targets read out of a clause (session 16, helper values4): 分别 lists, and counts that number a modifier.

Rows: (clause, expected targets as (metric, scope, value, unit), why).  Written BEFORE the code, on forms of the genre
(省/市/县/区 wording, lists joined by 、 and by 和/及, a list inside a 在 adjunct, a list in a 的 qualifier) — never one
plan's sentence alone.  Comparators, directions and years are left to tests/test_targets.py.

Mechanisms:
- 分别 over N nouns and N figures pairs them in order — the nouns of a list joined by 、 and by a last 和/及/与
  (森林覆盖率和林木绿化率, A、B和C), the shared tail given to each (城市和农村生活污水处理率 → 城市生活污水处理率);
  the SUBJECT's list before a locative 在 wins over a list inside the 在 adjunct (乡土适生树种和地产草种在新建、改建公园绿地
  的应用比例分别达到80%、50%: the 和 list is what 分别 distributes); a list whose count differs from the figures' is
  not paired — each figure keeps the whole metric as written (honest: the plan's words, no guessed pairing).
- A count whose noun is followed by 的 numbers that noun, a modifier of what follows (对照7个方面的平均分值: 7 counts
  方面, and 平均分值 is no count of 7) — no target; a modifier after the classifier (10个具有全国影响力的品牌, 2个大型的…,
  5个省级以上的…) leaves the count the thing's.
"""

from __future__ import annotations

import pytest

from kb.parser.targets import parse_targets

ROWS = [
    # ---- 分别: N nouns + N figures, in order
    ("全县森林覆盖率和林木绿化率分别提高到45%、50%",
     [("森林覆盖率", "全县", 45.0, "%"), ("林木绿化率", "全县", 50.0, "%")],
     "县: two nouns joined by 和 (no 、): one figure each"),
    ("到2025年，全市城市和农村生活污水处理率分别达到95%、85%以上",
     [("城市生活污水处理率", "全市", 95.0, "%"), ("农村生活污水处理率", "全市", 85.0, "%")],
     "市: 城市和农村 share the tail 生活污水处理率"),
    ("新增城镇就业岗位和技能人才分别达到500个、300名",
     [("新增城镇就业岗位", None, 500.0, "个"), ("技能人才", None, 300.0, "名")],
     "区: two things counted in two units — each its own"),
    ("全区二级以上医院和基层医疗卫生机构的电子病历应用率分别达到90%和60%",
     [("二级以上医院的电子病历应用率", "全区", 90.0, "%"), ("基层医疗卫生机构的电子病历应用率", "全区", 60.0, "%")],
     "区: the list before 的 shares 的电子病历应用率 (the last item ends at its 的)"),
    ("到2025年，规模以上工业企业研发机构和高新技术企业分别达到300家、200家",
     [("规模以上工业企业研发机构", None, 300.0, "家"), ("高新技术企业", None, 200.0, "家")],
     "省: 和 joins two things counted in the same unit"),
    ("农村生活污水治理率、无害化卫生厕所普及率和农村垃圾分类覆盖率分别达到45%、95%和60%",
     [("农村生活污水治理率", None, 45.0, "%"), ("无害化卫生厕所普及率", None, 95.0, "%"), ("农村垃圾分类覆盖率", None, 60.0, "%")],
     "县: A、B和C — the last joiner 和 splits the last item"),
    ("乡土适生树种和地产草种在新建、改建公园绿地的应用比例分别达到80％、50％以上",
     [("应用比例", "乡土适生树种在新建、改建公园绿地", 80.0, "%"), ("应用比例", "地产草种在新建、改建公园绿地", 50.0, "%")],
     "fixture 31 三（四）: the subject's list (和) before the locative 在, not 新建、改建 inside it"),
    ("主城区和郊区县在新建、改建居住区中配建养老服务设施的比例分别达到100%和80%",
     [("比例", "主城区在新建、改建居住区中配建养老服务设施", 100.0, "%"), ("比例", "郊区县在新建、改建居住区中配建养老服务设施", 80.0, "%")],
     "市: the same shape with other words — places as the subject, a 、 list inside the adjunct"),
    ("在中心城区和其他地区建设智慧道路停车场的比例分别达到80%和50%",
     [("比例", "在中心城区建设智慧道路停车场", 80.0, "%"), ("比例", "其他地区建设智慧道路停车场", 50.0, "%")],
     "区 (holdout13 jx shape): 在 opens the phrase — no subject before it; the list inside it pairs, the tail shared"),
    ("新建、改建住宅的装配率分别达到50%、30%",
     [("装配率", "新建住宅", 50.0, "%"), ("装配率", "改建住宅", 30.0, "%")],
     "the list of a 的 qualifier shares its tail 住宅 (新建 alone names no thing)"),
    ("荣县、富顺县分别达到70%、60%以上",
     [],
     "a place list with no metric in the phrase: nothing says what is measured (control, unchanged)"),
    # ---- counts that differ: no pairing
    ("粮食、油料和蔬菜产量分别达到50万吨、10万吨",
     [("粮食、油料和蔬菜产量", None, 50.0, "万吨"), ("粮食、油料和蔬菜产量", None, 10.0, "万吨")],
     "3 nouns, 2 figures: not paired (粮食产量 50万吨 / 油料和蔬菜产量 10万吨 was a guess) — the metric as written"),
    ("市级和县级财政配套资金分别不低于2000万元、1000万元、500万元",
     [("市级和县级财政配套资金", None, v, "万元") for v in (2000.0, 1000.0, 500.0)],
     "2 nouns, 3 figures: not paired"),
    ("到2026年，二氧化硫、氮氧化物排放总量分别下降10%、12%",
     [("二氧化硫排放总量", None, 10.0, "%"), ("氮氧化物排放总量", None, 12.0, "%")],
     "control: a 、 list of two with a shared tail (unchanged)"),
    # ---- counts numbering a modifier
    ("对照7个方面的平均分值，得分高于平均分值的为优秀", [],
     "考评办法: 7 counts 方面 — 平均分值 is no count of 7 (包头 shape, another wording)"),
    ("按照12项指标的加权得分进行排序", [], "12 counts 指标, whose weighted score is ranked: no target"),
    ("从5个维度的评价结果中择优推荐", [], "5 counts 维度: no target"),
    ("在全省10个设区市的平均水平以上", [], "10 counts 设区市 whose average is the threshold: no target"),
    ("考核内容包括4个方面的18项指标",
     [("指标", None, 18.0, "项")],
     "4 counts 方面 (of the 18项指标): not a target; 18项指标 stays what it was"),
    ("培育10个具有全国影响力的品牌", [("品牌", None, 10.0, "个")],
     "a modifier after the classifier (具有…): 10 counts the 品牌 (unchanged)"),
    ("建成5个国家级示范基地", [("国家级示范基地", None, 5.0, "个")], "no 的: unchanged"),
    ("建设2个大型的区域冷链物流中心", [("区域冷链物流中心", None, 2.0, "个")],
     "大型 before 的 is a modifier: 2 counts the 物流中心"),
    ("培育20个省级以上的专精特新企业", [("专精特新企业", None, 20.0, "个")],
     "省级以上 before 的 is a modifier: 20 counts the 企业"),
    ("选拔10名在全国有影响的青年拔尖人才", [("青年拔尖人才", None, 10.0, "名")],
     "在… before 的 is a modifier (fixture 05 shape): 10 counts the 人才 (unchanged)"),
]


def test_rows_are_distinct():
    assert len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("clause,expected,why", ROWS, ids=[r[0][:24] for r in ROWS])
def test_targets_read(clause, expected, why):
    got = [(t.metric, t.scope, t.value, t.unit) for t in parse_targets(clause)]
    assert got == expected, why


#: Rows added after the first run (each with what it showed).
LATER_ROWS = [
    ("推动化工、建材和钢铁行业能耗分别下降8%、6%、5%",
     [("推动化工行业能耗", None, 8.0, "%"), ("建材行业能耗", None, 6.0, "%"), ("钢铁行业能耗", None, 5.0, "%")],
     "values_s14's plan: the class noun 行业 is the items' shared tail with 能耗 (the first run gave 建材能耗, and "
     "建材行业能耗 asked then matched 钢铁行业能耗's 5%)"),
    ("全省与其他RCEP国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%",
     [("与其他RCEP国家货物贸易、对外投资和实际利用外资占比", "全省", v, "%") for v in (30.0, 20.0, 10.0)],
     "holdout15 rc shape: 全省与 is a lead-in (the scope stays), 分别 inside the phrase is no word of the metric; the "
     "lead-in qualifies every item and where it ends is not written: not paired (a first pairing left it on the first "
     "item only, and 对RCEP国家的对外投资占比 asked got 货物贸易's 30% — holdout15 rc09)"),
]


@pytest.mark.parametrize("clause,expected,why", LATER_ROWS, ids=[r[0][:24] for r in LATER_ROWS])
def test_targets_read_later(clause, expected, why):
    got = [(t.metric, t.scope, t.value, t.unit) for t in parse_targets(clause)]
    assert got == expected, why
