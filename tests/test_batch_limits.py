"""(labels6, s17 cause 1) Pilot units listed by batch, each batch with its OWN time limit:
``试点单位：第一批：A、B，2017年12月底前完成；第二批：C、D，2018年6月底前完成；第三批：其他区直部门，2018年12月底前完成``.

Before, the batch words were stripped (roles.yaml batch_marker) and every unit read 共同负责 with the task holding three
limits that belonged to no one: kb could not say by when 第三批 is due, nor that 公安局 is in 第二批 (holdout17 c04/c11).
Now every limit read inside a batch keeps the batch as the plan writes it (``Deadline.batch``: 第三批) and the units of
that batch (``Deadline.units``); the units keep their role (implementers: shared beside a lead, as before).  A limit of
the whole task (完成时限：…) names no batch.  A batch with no limit adds nothing (its units keep their role).  A limit in
the batch's words (第一批（2019年底前）：…) or in brackets after its units (…丙乡（2017年12月底前）) is that batch's too — never
a sub-unit of the last name.

Rows: (plan, {item's first words: (roles, [(limit text, end, batch, units)])}, why) — written before the code
(kb/parser/roles.py ``_batch_reading``, core.rule_deadlines)."""

from __future__ import annotations

import pytest

from kb.model import Task
from kb.parser import parse_document


def _plan(title: str, body: str) -> str:
    return f"{title}\n\n一、重点任务\n{body}\n"


def _read(text: str):
    _, tasks = parse_document(text, "d")
    out = {}
    for t in tasks:
        roles = {r: getattr(t, r) for r in ("lead", "support", "sole", "shared") if getattr(t, r)}
        limits = [(d.text, d.end, d.batch, d.units) for d in t.deadlines]
        out[t.text[:6]] = (roles, limits)
    return out, tasks


ROWS = [
    (_plan("某区2019年老旧小区改造试点工作方案",
           "1.推进档案电子化。\n牵头单位：区住建局\n试点单位：第一批：甲街道、乙街道，2019年6月底前完成；第二批：丙街道、公安分局，"
           "2019年12月底前完成；第三批：其他街道，2020年6月底前完成。\n2.开展物业管理提升。\n牵头单位：区房管局\n"),
     {"1.推进档案": ({"lead": ["区住建局"], "shared": ["甲街道", "乙街道", "丙街道", "公安分局", "其他街道"]},
                 [("2019年6月底前", "2019-06-30", "第一批", ["甲街道", "乙街道"]),
                  ("2019年12月底前", "2019-12-31", "第二批", ["丙街道", "公安分局"]),
                  ("2020年6月底前", "2020-06-30", "第三批", ["其他街道"])])},
     "区, label lines: each limit is its batch's, with the batch's units; the roles as before"),
    (_plan("某省2019年医养结合试点工作方案",
           "（一）开展医养结合试点。（牵头单位：省卫生健康委；试点地区：第一批（2019年底前）：甲市、乙市；第二批（2020年底前）：丙市）\n"),
     {"（一）开展医": ({"lead": ["省卫生健康委"], "shared": ["甲市", "乙市", "丙市"]},
                 [("2019年底前", "2019-12-31", "第一批", ["甲市", "乙市"]),
                  ("2020年底前", "2020-12-31", "第二批", ["丙市"])])},
     "省, a labelled tag: the limit in the batch's own words (第一批（2019年底前）：) is the batch's (it was stripped)"),
    (_plan("某县2017年美丽乡村建设工作要点",
           "1.推进美丽乡村示范村建设。\n责任单位：县农业农村局\n试点单位：第一批：甲镇、乙镇（2017年6月底前）；第二批：丙乡（2017年12月底前）\n"),
     {"1.推进美丽": ({"shared": ["县农业农村局", "甲镇", "乙镇", "丙乡"]},
                 [("2017年6月底前", "2017-06-30", "第一批", ["甲镇", "乙镇"]),
                  ("2017年12月底前", "2017-12-31", "第二批", ["丙乡"])])},
     "县: the limit in brackets after the batch's units — the batch's, never a sub-unit of 乙镇 (责任单位 and 试点单位 with no lead: all share, as before)"),
    (_plan("某市2016年城乡环境综合整治试点工作方案",
           "1.开展垃圾分类试点。\n牵头单位：市城管局\n试点单位：第一批为甲区、乙区；第二批为丙区、丁县\n"),
     {"1.开展垃圾": ({"lead": ["市城管局"], "shared": ["甲区", "乙区", "丙区", "丁县"]}, [])},
     "市, batches with no limit: nothing added, the units keep their role (unchanged)"),
    (_plan("某市2018年智慧城市试点工作方案",
           "1.建设城市大脑。\n牵头单位：市大数据局\n试点单位：第一批：甲区，2018年底前完成；第二批：乙区、丙区\n"),
     {"1.建设城市": ({"lead": ["市大数据局"], "shared": ["甲区", "乙区", "丙区"]},
                 [("2018年底前", "2018-12-31", "第一批", ["甲区"])])},
     "市, only the first batch states a limit: it is that batch's alone (乙区 is given none)"),
    (_plan("某区2020年智慧社区建设工作要点",
           "1.建设智慧社区。\n牵头单位：区民政局\n试点单位：第一批：甲街道，2020年6月底前完成；第二批：乙街道，2020年10月底前完成\n"
           "完成时限：2020年12月底前\n"),
     {"1.建设智慧": ({"lead": ["区民政局"], "shared": ["甲街道", "乙街道"]},
                 [("2020年6月底前", "2020-06-30", "第一批", ["甲街道"]),
                  ("2020年10月底前", "2020-10-31", "第二批", ["乙街道"]),
                  ("2020年12月底前", "2020-12-31", "", [])])},
     "区: the whole task's 完成时限 names no batch; the batches' limits keep theirs"),
]


@pytest.mark.parametrize(("plan", "expected", "why"), ROWS, ids=[r[2][:24] for r in ROWS])
def test_each_batch_keeps_its_limit_and_units(plan, expected, why):
    got, tasks = _read(plan)
    assert {k: got.get(k) for k in expected} == expected, why
    for t in tasks:
        assert not any("月底前" in s or "年底前" in s for subs in t.subunits.values() for s in subs), (why, t.subunits)


def test_the_batch_survives_the_tasks_json_shape():
    _, tasks = _read(ROWS[0][0])
    t = tasks[0]
    again = Task.from_dict(t.to_dict())
    assert [(d.batch, d.units) for d in again.deadlines] == [(d.batch, d.units) for d in t.deadlines]
    assert t.to_dict()["deadlines"][2]["batch"] == "第三批"
