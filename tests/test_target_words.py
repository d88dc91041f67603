"""A target as officials read it in duty lists, exports and the TUI (review-rest, session 12): the value in the plan's
own words where it writes it in words or approximately (10个左右, 超过一半 — kb's derived 10个 / >50% said more than the
plan).  (A start's year — 自2019年开始 — is still the target's year and printed 到2019年: open, see test_targets' row
"a from deadline gives its start year".)

Rows: (paragraph, why); what the rendering must and must not say is checked per kind below — written before the code."""

import pytest

from kb.export.content import render_target
from kb.parser import parse_document

ROWS = [
    ("1.自2019年开始，在技术技能人才紧缺领域大力开展职业培训，领域数量10个左右。（责任单位：各级政府）",
     "10个左右 as written"),
    ("1.到2022年，“双师型”教师占专业课教师总数超过一半。（责任单位：教育部）", "超过一半 as written, with its year 2022"),
    ("1.到2020年，细颗粒物年均浓度下降27.9%以上。（牵头单位：市生态环境局）", "control: a number as written keeps kb's rendering"),
]


@pytest.mark.parametrize("para,why", ROWS, ids=[r[1][:20] for r in ROWS])
def test_target_rendered_in_the_plans_words(para, why):
    _, tasks = parse_document("某方案\n一、主要任务\n" + para + "\n", "p")
    (task,) = [t for t in tasks if t.targets]
    lines = [render_target(t) for t in task.targets]
    text = "；".join(lines)
    if "10个左右" in para:
        assert "10个左右" in text and "10个（" not in text, (why, lines)
    elif "超过一半" in para:
        assert "超过一半" in text and ">50" not in text and "（到2022年）" in text, (why, lines)
    else:
        assert "≥27.9%" in text or "27.9%" in text, (why, lines)
