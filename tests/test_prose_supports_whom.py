"""``X配合Y…`` in a plan WITHOUT tags: X supports the named unit Y it helps, and Y leads — the reading the tagged
plans' sentence reader gives (tests/test_prose_sentences.py: 县民政局要配合县卫生健康局做好医养结合工作) and the shared
gold's convention (the unit the others of a statement support leads).  Before, only X was read (support), and the item
had no lead (holdout17 ptD 二、三: 区环境与国土资源局配合规划局对划定的…界线进行确认).  Session 17, prose8.

Not read as a lead: a 配合 naming no unit (配合做好…, 配合推进…), a vague group (配合有关部门…), a kind of body.
Expected rows written by hand before the code; levels 省/市/县/区."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: getattr(t, k) for k in KEYS if getattr(t, k)}


PLAN = "某{level}2024年重点工作实施方案\n一、重点任务\n（一）推进重点工作。\n{sentence}\n（二）加强宣传。开展宣传活动。\n"

ROWS = [
    ("县", "县财政局要积极配合县教育局做好学生资助工作。", {"lead": ["县教育局"], "support": ["县财政局"]},
     "X要积极配合Y做好…: Y leads, X supports"),
    ("区", "区环境与国土资源局配合区规划局对划定的水源水库界线进行确认。",
     {"lead": ["区规划局"], "support": ["区环境与国土资源局"]}, "X配合Y对…进行确认 (ptD's form, full names)"),
    ("市", "市公安局、市消防救援支队配合市应急管理局开展安全检查。",
     {"lead": ["市应急管理局"], "support": ["市公安局", "市消防救援支队"]}, "two supporters of one named unit"),
    ("省", "省统计局配合省发展改革委做好数据监测。", {"lead": ["省发展改革委"], "support": ["省统计局"]}, "省 level"),
    # ---- awkward rows: the supported unit is not proved — X supports alone, as before
    ("县", "县财政局要积极配合做好资金保障。", {"support": ["县财政局"]}, "配合做好…: nobody named"),
    ("县", "县卫健局配合有关部门做好疫情防控。", {"support": ["县卫健局"]}, "有关部门: a vague group, no lead"),
    ("市", "市交通委配合推进停车设施建设。", {"support": ["市交通委"]}, "配合推进: a verb, no unit"),
]


@pytest.mark.parametrize(("level", "sentence", "expected", "why"), ROWS, ids=[r[3][:30] for r in ROWS])
def test_supports_whom(level, sentence, expected, why):
    doc, tasks = parse_document(PLAN.format(level=level, sentence=sentence), "p")
    assert not doc.tagged
    task = next(t for t in tasks if sentence[:6] in t.text)
    assert _roles(task) == expected, why
