"""A year inside an event's or a report's NAME is no limit (tagsblind11 cause 6 of the final scoring, 略阳 2019: 精心策划
2019年汉中油菜花海略阳观花活动 read as 'during 2019'): after a verb taking the event (举办, 策划, 发布 …), a year (年/年度,
maybe 的) then a noun phrase closing on an event's or a report's noun (活动, 活动周, 大赛, 论坛, 考核, 公报 …) names which
edition — as 做好2026年城市体检工作 and 印发2008年十件实事…方案 already did (targets.yaml name_nouns); a year opening a quoted
name (“2023年消费提振年”) likewise.  A year opening its clause, after a limit's word (到/于/在), or with a verb of doing
between it and the noun stays a limit.  Rows written by hand before the code; several levels and kinds of event."""

import pytest

from kb.parser.deadlines import parse_deadlines

# (clause, expected [(text, kind, end)], why)
ROWS = [
    ("精心策划2019年汉中油菜花海略阳观花活动。", [], "县: an event's edition (the routed form)"),
    ("承办2019年全国双创活动周主会场活动。", [], "省/国: 活动周"),
    ("举办2024年全市职工运动会。", [], "市: 运动会"),
    ("组织2024年的春季大型招聘会。", [], "区: 年的 + the event"),
    ("发布2019年度全市环境状况公报。", [], "市: a report's edition (年度 … 公报)"),
    ("配合做好2020年度绩效考核。", [], "考核 of a year: which assessment"),
    ("开展“2023年消费提振年”系列促消费活动。", [], "a year opening a quoted name"),
    ("办好2025年中国（杭州）国际动漫节和2025年文化旅游博览会。", [], "two events, one with a bracket in its name"),
    # ---- controls: limits stay
    ("2019年底前完成改造。", [("2019年底前", "by", "2019-12-31")], "a limit word"),
    ("2022年举办各类招聘活动50场。", [("2022年", "during", "2022-12-31")], "a year opening its clause stays a limit"),
    ("力争2025年建成区域性会展中心。", [("2025年", "during", "2025-12-31")], "a verb of doing between: a limit"),
    ("到2025年举办国际性论坛3次以上。", [("到2025年", "by", "2025-12-31")], "after 到: a limit"),
]


@pytest.mark.parametrize("clause, expected, why", ROWS, ids=[r[2][:24] for r in ROWS])
def test_year_inside_an_event_name(clause, expected, why):
    assert [(d.text, d.kind, d.end) for d in parse_deadlines(clause)] == expected, why
