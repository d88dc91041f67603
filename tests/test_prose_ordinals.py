"""Enumeration words opening a clause or a list item (一是…，二是…, 第一，…) are no part of a unit's name (ROUTED s17 (8):
``一是公安机关、三是人民法院`` kept as names).  A sentence ``一是X要…，二是Y要…`` names X and Y; a list ``一是X、二是Y负责…``
names X and Y.  Session 17, prose8; rows written by hand before the code (省/市/县/区)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")

PLAN = "某{level}2024年非法采砂整治工作方案\n一、重点任务\n（一）加强执法监管。{sentence}\n（二）加强宣传。开展宣传活动。\n"

ROWS = [
    ("县", "一是县公安局要严厉打击非法采砂，二是县交通运输局要加强运输监管。",
     {"县公安局", "县交通运输局"}, "一是X要…，二是Y要…: the clause's subject after the enumeration word"),
    ("区", "一是区公安分局、二是区交通委负责路面管控。", {"区公安分局", "区交通委"}, "一是X、二是Y负责…: a list's items"),
    ("市", "首先，市公安局要加强巡查。其次，市交通委要加强运输管理。", set(), "首先/其次 with a comma: read as before (no name holds them)"),
    ("省", "第一，省公安厅要牵头开展专项行动。", {"省公安厅"}, "第一，X…"),
]


@pytest.mark.parametrize(("level", "sentence", "names", "why"), ROWS, ids=[r[3][:30] for r in ROWS])
def test_no_ordinal_in_a_name(level, sentence, names, why):
    _, tasks = parse_document(PLAN.format(level=level, sentence=sentence), "p")
    task = next(t for t in tasks if sentence[:4] in t.text)
    got = {n for k in KEYS for n in getattr(task, k)}
    assert not any(n[:2] in ("一是", "二是", "三是", "第一", "首先", "其次") for n in got), (why, got)
    if names:
        assert got == names, (why, got)
