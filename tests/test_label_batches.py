"""Pilot and implementer labels listing their units by batch (session 16, labels5; ROUTED (k)).

``试点单位：第一批为甲区、乙区；第二批为丙区；第三批为丁县`` — the plan lists the units that carry out the pilot, batch by
batch.  Decision (README roles, "implementer labels"): a 试点单位 / 试点地区 label names the units that CARRY THE WORK OUT
(an implementer label, as 实施单位): alone they are responsible (sole / shared), beside a 牵头单位 they share the work with
the lead leading — never the supporting units (配合), which they were read as (an unknown label read as 责任单位).  Every
batch is kept: the batch words (第一批为 / 第二批： / 第三批（2018年）：) are no part of a name (they were glued to the
first unit of each batch: ``第一批为甲区``).  参与单位 / 实施单位 listed by batch keep their own roles.

Rows: (plan, {item's first words: roles}, why) — written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _roles(text: str) -> dict[str, dict[str, list[str]]]:
    _, tasks = parse_document(text, "d")
    return {t.text[:6]: {r: getattr(t, r) for r in ("lead", "support", "sole", "shared") if getattr(t, r)} for t in tasks}


def _plan(title: str, body: str) -> str:
    return f"{title}\n\n一、重点任务\n{body}\n"


ROWS = [
    (_plan("某市2016年城乡环境综合整治试点工作方案",
           "1.开展垃圾分类试点。\n牵头单位：市城管局\n试点单位：第一批为甲区、乙区；第二批为丙区、丁县；第三批为戊县\n"
           "2.推进农村污水治理。\n牵头单位：市生态环境局\n"),
     {"1.开展垃圾": {"lead": ["市城管局"], "shared": ["甲区", "乙区", "丙区", "丁县", "戊县"]}},
     "市: every batch kept, no batch word in a name; the pilot units carry it out beside the lead (they were 配合)"),
    (_plan("某县2018年美丽乡村建设工作要点",
           "1.推进美丽乡村示范村建设。\n试点单位：第一批：甲镇、乙镇；第二批：丙乡\n2.开展农村垃圾治理。\n责任单位：县住建局\n"),
     {"1.推进美丽": {"shared": ["甲镇", "乙镇", "丙乡"]}, "2.开展农村": {"sole": ["县住建局"]}},
     "县: 试点单位 alone — the units that carry it out, together (shared); the label line is no task of its own"),
    (_plan("某省2019年医养结合试点工作方案",
           "（一）开展医养结合试点。（牵头单位：省卫生健康委；试点地区：第一批（2019年）：甲市、乙市；第二批（2020年）：丙市）\n"),
     {"（一）开展医": {"lead": ["省卫生健康委"], "shared": ["甲市", "乙市", "丙市"]}},
     "省, a labelled tag: 试点地区 alike; a batch's year in brackets is no name"),
    (_plan("某区2020年智慧社区建设工作要点",
           "1.建设智慧社区。\n牵头单位：区民政局\n参与单位：第一批为甲街道、乙街道；第二批为丙街道\n"),
     {"1.建设智慧": {"lead": ["区民政局"], "support": ["甲街道", "乙街道", "丙街道"]}},
     "区: 参与单位 by batch keeps its role (support), every batch"),
    (_plan("某市2016年城乡环境综合整治试点工作方案",
           "1.开展垃圾分类试点。\n牵头单位：市城管局\n试点单位：甲区、乙区\n"),
     {"1.开展垃圾": {"lead": ["市城管局"], "shared": ["甲区", "乙区"]}},
     "no batches: the pilot units share the work beside the lead"),
    (_plan("某市2016年城乡环境综合整治试点工作方案",
           "1.开展垃圾分类试点。\n牵头单位：市城管局\n配合单位：市财政局\n试点单位：第一批为甲区；第二批为乙区\n"),
     {"1.开展垃圾": {"lead": ["市城管局"], "support": ["市财政局"], "shared": ["甲区", "乙区"]}},
     "a 配合 label beside: the pilot units are not the supporters (an implementer label)"),
]


@pytest.mark.parametrize(("plan", "expected", "why"), ROWS, ids=[r[2][:20] for r in ROWS])
def test_pilot_units_by_batch(plan, expected, why):
    got = _roles(plan)
    assert {k: got.get(k) for k in expected} == expected, why


def test_no_label_line_left_as_a_task():
    _, tasks = parse_document(ROWS[1][0], "d")
    assert [t.text[:6] for t in tasks] == ["1.推进美丽", "2.开展农村"]
