"""A measure before its noun (session 17, helper values5): ``全年完成5.7万亩造林任务`` sets 5.7万亩 of 造林任务.

Rows: (clause, expected targets as (metric, scope, value, unit), why).  Written BEFORE the code, on forms of the genre
(县/市/区/省 wording, areas, lengths, capacities, sums, attendances; lists; thresholds and descriptors that must stay no
target) — never one plan's sentence alone.  Comparators are checked apart (test_measure_comparator).

Mechanism: a work verb of ``measure_verbs`` (完成, 新增, 新建, 建成, 改造, 修复, 铺设 …), then a figure in a measure unit
(every unit of ``units`` that is no classifier of ``count_units``, no share and no time: 亩, 公里, 平方米, 万千瓦, 亿元,
人次 …), then the noun: the figure is the noun's quantity, as a count is (建设1000套专家公寓).  A measure followed by a
word of ``measure_descriptors`` (级, 宽, 以上, 以下, 的, /) describes the thing (1万吨级泊位, 3米宽的步道, 2000千瓦以上
项目: which things, not how much) — no target; a clause opening with 对/针对 names whom a rule is for (对新建10万千瓦时储能
项目…给予补贴) — no target.  A figure right after a joiner that follows such a target (…造林任务和3万亩森林抚育) is the
next item of the list.  Targets read before (a value closing its phrase, counts) are unchanged.
"""

from __future__ import annotations

import pytest

from kb.parser.targets import parse_targets

ROWS = [
    # ---- a measure before its noun, after a work verb
    ("全年完成5.7万亩造林任务", [("造林任务", None, 5.7, "万亩")],
     "县 工作要点 (平潭 2016 shape): 5.7万亩 is the 造林任务's size — before, no target, and 造林任务是多少 got another "
     "row's 0.81亿元 investment"),
    ("到2025年，全市新建10公里绿道", [("绿道", None, 10.0, "公里")], "市: a length before the noun"),
    ("改造提升20万平方米老旧小区", [("老旧小区", None, 20.0, "万平方米")], "区: 改造提升 — a two-verb run"),
    ("新增30万千瓦光伏装机", [("光伏装机", None, 30.0, "万千瓦")], "省: a capacity"),
    ("年内完成2.48亿元环保投资", [("环保投资", None, 2.48, "亿元")], "县: a sum before its noun"),
    ("累计建成50公里城市绿道", [("城市绿道", None, 50.0, "公里")], "市: 累计 before the verb"),
    ("完成不少于3000亩森林抚育", [("森林抚育", None, 3000.0, "亩")], "县: a comparator between verb and figure"),
    ("铺设15公里供水管道", [("供水管道", None, 15.0, "公里")], "县: another verb of work"),
    ("修复12.5公顷受损湿地", [("受损湿地", None, 12.5, "公顷")], "省: 公顷"),
    ("新增3.2亿立方米供水能力", [("供水能力", None, 3.2, "亿立方米")], "省: a unit holding a magnitude"),
    ("建设1000平方米社区食堂", [("社区食堂", None, 1000.0, "平方米")], "区: 建设"),
    ("完成500人次技能培训", [("技能培训", None, 500.0, "人次")], "市: attendances are a measure, not persons"),
    ("完成5.7万亩造林任务和3万亩森林抚育", [("造林任务", None, 5.7, "万亩"), ("森林抚育", None, 3.0, "万亩")],
     "县: the second figure follows a joiner after the first target — the next item of the list"),
    ("新增公共停车泊位2000个，建成3公里慢行步道",
     [("新增公共停车泊位", None, 2000.0, "个"), ("慢行步道", None, 3.0, "公里")],
     "区: a closing count, then a measure before its noun in the next phrase — in text order"),
    # ---- descriptors and conditions: no target (a measure saying which things, not how much)
    ("新建1万吨级泊位2个", [("新建1万吨级泊位", None, 2.0, "个")], "级 makes 1万吨 a class of berth: only the 2个 counts"),
    ("淘汰10蒸吨/小时及以下燃煤锅炉", [], "a threshold of the boilers (no work verb of the list; unchanged)"),
    ("建设3米宽的健身步道", [], "宽 / 的: a descriptor of the trail"),
    ("新建2000千瓦以上分布式光伏项目", [], "以上 then a noun: which projects (above 2000千瓦), not how much"),
    ("建成5000吨/日污水处理厂", [], "a rate unit the vocabulary does not hold (吨/日): not read — honest"),
    ("完成5万亩的造林任务", [], "的 after the measure: left unread, as counts are (100人以上的企业)"),
    ("对新建10万千瓦时储能项目按每千瓦时0.2元给予补贴", [],
     "对 opens the clause: whom a subsidy is for, no quantity to reach"),
    ("实现7天预报", [], "a time is no measure of a noun (unchanged)"),
    ("新建1000千瓦时以下储能设施不再纳入补贴范围", [], "以下 then a noun: a threshold"),
    # ---- targets read before: unchanged
    ("治理水土流失面积50平方公里", [("治理水土流失面积", None, 50.0, "平方公里")], "a value closing its phrase (unchanged)"),
    ("新建污水管网120公里", [("新建污水管网", None, 120.0, "公里")], "closing (unchanged)"),
    ("全省新增造林面积100万亩", [("新增造林面积", "全省", 100.0, "万亩")], "closing with a scope (unchanged)"),
    ("排气筒高度超过45米的高架源", [], "a threshold of the sources (unchanged)"),
    ("新建5G基站1000个", [("新建5G基站", None, 1000.0, "个")], "closing count (unchanged)"),
    ("建设1000套专家公寓", [("专家公寓", None, 1000.0, "套")], "a count before its noun (unchanged)"),
]


def test_rows_are_distinct():
    assert len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("clause,expected,why", ROWS, ids=[r[0][:24] for r in ROWS])
def test_measure_before_noun(clause, expected, why):
    got = [(t.metric, t.scope, t.value, t.unit) for t in parse_targets(clause)]
    assert got == expected, why


def test_measure_comparator():
    """不少于 between the verb and the figure is the target's comparator; none is =."""
    assert [t.comparator for t in parse_targets("完成不少于3000亩森林抚育")] == ["≥"]
    assert [t.comparator for t in parse_targets("全年完成5.7万亩造林任务")] == ["="]


#: Rows written after the first whole-corpus diff (every plan file of tests/fixtures/plans and the review set): each
#: says what that run showed.
LATER_ROWS = [
    ("15天完成1次全线机械清理、冲洗", [], "次 after a period says how often (沪 精细化 plans): no quantity — 次 is no measure"),
    ("2024年及2025年我区已累计完成约4180亩整治任务量", [],
     "已 before the verb records work done (嘉定 违法用地): no target; the first run read 4180亩"),
    ("2026年应完成剩余1620亩整治任务量（各街镇任务详见附件）", [("整治任务量", None, 1620.0, "亩")],
     "剩余 between verb and figure: a filler; a bracket after the noun is a note (the first run kept it in the noun)"),
    ("中心城区完成350万平方米左右二级旧里以下房屋改造", [("二级旧里以下房屋改造", None, 350.0, "万平方米")],
     "左右 after the measure: about that much (the first run took 左右 into the noun)"),
    ("完成3万平方米节能率不低于15%的既有公共建筑节能改造", [("既有公共建筑节能改造", None, 3.0, "万平方米")],
     "a figure inside the noun phrase qualifies it: the thing is after its last 的 (the first run read 节能率不低于)"),
]


@pytest.mark.parametrize("clause,expected,why", LATER_ROWS, ids=[r[0][:24] for r in LATER_ROWS])
def test_measure_before_noun_later(clause, expected, why):
    got = [(t.metric, t.scope, t.value, t.unit) for t in parse_targets(clause)]
    assert got == expected, why


#: ROUTED s17 (the lead's untuned 平潭 plan, values5 item 5), each as a form of the genre written here: rows written
#: before the code.
ROUTED_ROWS = [
    ("按照2020年城市建成区路网密度达到8公里/平方公里的目标要求", [("路网密度", "城市建成区", 8.0, "公里/平方公里")],
     "a value followed by 的目标要求 is still the target's (按照 a filler); a density unit"),
    ("到2025年，全市路网密度达到8.5公里/平方公里", [("路网密度", "全市", 8.5, "公里/平方公里")], "the density unit, closing"),
    ("确保全县森林覆盖率达到45%的目标", [("森林覆盖率", "全县", 45.0, "%")], "的目标 after the value"),
    ("高峰时段发车间隔不超过5分钟一班", [("高峰时段发车间隔", None, 5.0, "分钟")],
     "a ceiling in minutes; 一班 after the value says per what (one bus), no more words of the thing"),
    ("高峰时段公交发车间隔不超过5分钟", [("高峰时段公交发车间隔", None, 5.0, "分钟")], "分钟 is a unit"),
    ("努力做到调解成功率达90%以上", [("调解成功率", None, 90.0, "%")], "做到 is no word of the metric (a filler)"),
    ("接警后5分钟内到达现场", [], "a limit (内), not a value closing its phrase"),
    ("每5分钟记录一次数据", [], "how often: the value does not close its phrase"),
    ("完成10分钟的应急演练", [], "分钟 is no measure of a noun (a time)"),
]

#: Rows written after the second whole-corpus diff (分钟 a unit, value tails): what it showed.
ROUTED_ROWS += [
    ("推进144个“15分钟”社区生活圈建设项目", [("“15分钟”社区生活圈建设项目", None, 144.0, "个")],
     "松江 fixture 21: a figure inside quotation marks names a thing (the first run read 15分钟 as a target)"),
    ("落实海绵城市达标区面积占建成区50%的目标要求", [("落实海绵城市达标区面积占建成区", None, 50.0, "%")],
     "松江 fixture 21: 的目标要求 after the value (read since the value tails)"),
]


@pytest.mark.parametrize("clause,expected,why", ROUTED_ROWS, ids=[r[0][:24] for r in ROUTED_ROWS])
def test_routed_forms(clause, expected, why):
    got = [(t.metric, t.scope, t.value, t.unit) for t in parse_targets(clause)]
    assert got == expected, why


def test_ceiling_comparator():
    assert [t.comparator for t in parse_targets("高峰时段发车间隔不超过5分钟一班")] == ["≤"]
