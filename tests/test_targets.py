"""Target rules: (clause, context, expected targets, why) rows, and the bundled plan's targets."""

import pytest

from kb.parser.targets import parse_targets

# Each expected target: (metric, value, unit, comparator, direction, baseline, stretch, scope, year)
CASES = [
    (
        "到2020年，我市主城区环境空气质量细颗粒物（PM2.5）年均浓度较考核基准年（2015年）下降27.9%以上，力争下降31.4%以上；主城区环境空气质量优良天数比率达到72.1%，重度及以上污染天数比率较2015年下降25%以上。",
        "",
        [
            ("环境空气质量细颗粒物（PM2.5）年均浓度", 27.9, "%", "≥", "下降", 2015, False, "主城区", 2020),
            ("环境空气质量细颗粒物（PM2.5）年均浓度", 31.4, "%", "≥", "下降", 2015, True, "主城区", 2020),
            ("环境空气质量优良天数比率", 72.1, "%", "=", "达到", None, False, "主城区", 2020),
            ("重度及以上污染天数比率", 25.0, "%", "≥", "下降", 2015, False, "主城区", 2020),
        ],
        "stretch target inherits metric, baseline and scope; 我市 dropped",
    ),
    (
        "全市二氧化硫（SO2）、氮氧化物（NOx）排放总量分别较2015年削减18.98%、8.61%，挥发性有机物（VOCs）完成省下减排任务，其中重点工程减排量分别不少于0.34万吨、0.06万吨、0.44万吨。",
        "",
        [
            ("二氧化硫（SO2）排放总量", 18.98, "%", "=", "削减", 2015, False, "全市", None),
            ("氮氧化物（NOx）排放总量", 8.61, "%", "=", "削减", 2015, False, "全市", None),
            ("二氧化硫（SO2）重点工程减排量", 0.34, "万吨", "≥", None, None, False, "全市", None),
            ("氮氧化物（NOx）重点工程减排量", 0.06, "万吨", "≥", None, None, False, "全市", None),
            ("挥发性有机物（VOCs）重点工程减排量", 0.44, "万吨", "≥", None, None, False, "全市", None),
        ],
        "分别 with a shared tail, then 分别 paired with the pollutants named before",
    ),
    (
        "黄色、橙色、红色级别减排比例原则上分别不低于10%、20%、30%。",
        "",
        [
            ("黄色级别减排比例", 10.0, "%", "≥", None, None, False, None, None),
            ("橙色级别减排比例", 20.0, "%", "≥", None, None, False, None, None),
            ("红色级别减排比例", 30.0, "%", "≥", None, None, False, None, None),
        ],
        "分别 over plain names; 原则上 dropped",
    ),
    (
        "到2020年，城市建成区道路机械化清扫率不低于85%，荣县、富顺县达到70%以上。",
        "",
        [
            ("道路机械化清扫率", 85.0, "%", "≥", None, None, False, "城市建成区", 2020),
            ("道路机械化清扫率", 70.0, "%", "≥", "达到", None, False, "荣县、富顺县", 2020),
        ],
        "a county list as scope takes the previous metric",
    ),
    (
        "到2020年，全市非化石能源消费比重达到20%，天然气消费比重提高到16.19%。",
        "",
        [
            ("非化石能源消费比重", 20.0, "%", "=", "达到", None, False, "全市", 2020),
            ("天然气消费比重", 16.19, "%", "=", "提高到", None, False, "全市", 2020),
        ],
        "scope carried to the next target of the clause",
    ),
    ("单位地区生产总值（GDP）二氧化碳排放较2015年下降19.5%。", "", [("单位地区生产总值（GDP）二氧化碳排放", 19.5, "%", "=", "下降", 2015, False, None, None)], "no comparator word: ="),
    ("2018至2020年，全市加油站抽检覆盖率达到95%以上。", "", [("加油站抽检覆盖率", 95.0, "%", "≥", "达到", None, False, "全市", 2020)], "year of a range is its end"),
    ("已安装油气回收设施的油气回收率提高到80%以上。", "", [("油气回收率", 80.0, "%", "≥", "提高到", None, False, "已安装油气回收设施", None)], "a 的 phrase scopes the metric"),
    ("PM2.5浓度控制在35微克/立方米以下。", "", [("PM2.5浓度", 35.0, "微克/立方米", "≤", "控制在", None, False, None, None)], "以下: ≤"),
    ("超标天数不超过10天。", "", [("超标天数", 10.0, "天", "≤", None, None, False, None, None)], "不超过: ≤"),
    ("煤炭消费量超过500万吨。", "", [("煤炭消费量", 500.0, "万吨", ">", None, None, False, None, None)], "超过: >"),
    ("到２０２０年，ＰＭ２．５浓度下降２７．９％以上。", "", [("PM2.5浓度", 27.9, "%", "≥", "下降", None, False, None, 2020)], "full-width digits and letters: metric in half-width"),
    ("建立县城及以上城市建成区10蒸吨/小时及以下燃煤锅炉动态排查机制。", "", [], "a threshold followed by more words is not a target"),
    ("将排气筒高度超过45米的高架源纳入重点排污单位目录。", "", [], "a threshold inside a phrase"),
    ("提高空气质量预警预报能力，实现7天预报。", "", [], "a descriptor"),
    ("加强管理，完成任务。", "", [], "no number"),
    ("分别削减10%、20%。", "", [], "no metric at all: nothing to report"),
]


def test_no_duplicate_rows():
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("clause,context,expected,why", CASES, ids=[c[3] for c in CASES])
def test_target_rule(clause, context, expected, why):
    got = [
        (t.metric, t.value, t.unit, t.comparator, t.direction, t.baseline_year, t.stretch, t.scope, t.year)
        for t in parse_targets(clause, 0, context)
    ]
    assert got == expected, why


def test_text_is_kept_as_written():
    (t,) = parse_targets("ＰＭ２．５浓度下降２７．９％以上。")
    assert t.text == "ＰＭ２．５浓度下降２７．９％以上"


def test_bundled_plan_targets(plan):
    targets = [(t.label, x.metric, x.value) for t in plan.tasks for x in t.targets]
    assert len(targets) == 20
    assert [x for x in targets if x[0] == "二"][:2] == [
        ("二", "环境空气质量细颗粒物（PM2.5）年均浓度", 27.9),
        ("二", "环境空气质量细颗粒物（PM2.5）年均浓度", 31.4),
    ]
    by_label = {}
    for label, _, _ in targets:
        by_label[label] = by_label.get(label, 0) + 1
    assert by_label == {"二": 10, "三（一）14": 1, "三（二）1": 2, "三（三）11": 1, "三（四）4": 2, "三（五）2": 1, "三（六）4": 3}
    sweep = plan.task("三（四）4").targets
    assert [(x.scope, x.value, x.comparator, x.year) for x in sweep] == [("城市建成区", 85.0, "≥", 2020), ("荣县、富顺县", 70.0, "≥", 2020)]
    red = plan.task("三（六）4").targets[2]
    assert (red.metric, red.value, red.comparator) == ("红色级别减排比例", 30.0, "≥")
