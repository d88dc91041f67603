"""A cell of a task table flattened one cell a paragraph written over several paragraphs: a list inside a year cell,
each item closing with ``；`` (修订《A条例》； / 制定《B办法》； / 修订《C办法》。), and a note under it (``注：以…为准。``)
(tables2, session 13; holdout13 cause 4's jx26 — 法规处牵头的任务2025年要修订哪些法规 — needs row 27's 2025 cell, which
kb left uncertain; rebuilt in my own rows).  A paragraph closing with ``；`` goes on in the next one (a list item, as
``、`` and ``，`` do), and a paragraph opening with ``注：`` is a note of the cell before it.  kb/parser/flattened.py
``_CONTINUES_RE`` / ``_align``.  Expectations written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

PLAN = "某市交通管理三年行动计划\n\n附件\n\n任务清单\n\n{table}"
HEADER = ("重点任务", "2024年工作项目", "2025年计划", "2026年计划", "牵头", "部门", "配合", "部门")


def _rows(*cells: str):
    _, tasks = parse_document(PLAN.format(table="\n\n".join(HEADER + cells) + "\n"), "t")
    return [t for t in tasks if t.source and "序号" in t.source]


#: (rows' paragraphs, expected per row ({header: cell} of the year columns, lead, support), why)
CASES = [
    (("（1）推进一批交通法规规章立改废释。", "完成《停车场管理办法》修正。",
      "修订《出租汽车管理条例》；", "制定《市域铁路运营管理办法》；", "修订《农村公路管理办法》。",
      "修订《民用机场地区管理条例》。", "法规处", "各相关部门",
      "（2）优化机场旅客服务设施。", "完成T2航站楼AE岛更新项目；", "完成旅客座椅更新。",
      "完善建筑遮阳挡风设施；", "完成手推车RFID项目。", "持续推进设施品质提升。", "民用航空处", "机场集团"),
     [({"2024年工作项目": "完成《停车场管理办法》修正。",
        "2025年计划": "修订《出租汽车管理条例》；制定《市域铁路运营管理办法》；修订《农村公路管理办法》。",
        "2026年计划": "修订《民用机场地区管理条例》。"}, ["法规处"], ["各相关部门"]),
      ({"2024年工作项目": "完成T2航站楼AE岛更新项目；完成旅客座椅更新。",
        "2025年计划": "完善建筑遮阳挡风设施；完成手推车RFID项目。",
        "2026年计划": "持续推进设施品质提升。"}, ["民用航空处"], ["机场集团"])],
     "a year cell listing items one a paragraph, each but the last closing with ；: the list is one cell"),
    (("（1）推进一批交通法规规章立改废释。", "完成《停车场管理办法》修正。",
      "修订《出租汽车管理条例》。", "注：以市政府公布立法计划为准。",
      "修订《民用机场地区管理条例》。", "注：以市政府公布立法计划为准。", "法规处", "各相关部门",
      "（2）深入开展危险货物运输企业安全检查。", "检查全覆盖。", "检查全覆盖。", "检查全覆盖。", "货运处", "各区"),
     [({"2024年工作项目": "完成《停车场管理办法》修正。",
        "2025年计划": "修订《出租汽车管理条例》。注：以市政府公布立法计划为准。",
        "2026年计划": "修订《民用机场地区管理条例》。注：以市政府公布立法计划为准。"}, ["法规处"], ["各相关部门"]),
      ({"2024年工作项目": "检查全覆盖。", "2025年计划": "检查全覆盖。", "2026年计划": "检查全覆盖。"}, ["货运处"], ["各区"])],
     "a note (注：…) under a year cell is that cell's"),
]


@pytest.mark.parametrize(("cells", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_cell_over_several_paragraphs(cells, expected, why):
    tasks = _rows(*cells)
    assert len(tasks) == len(expected), why
    for task, (years, lead, support) in zip(tasks, expected):
        got = {h: v for h, v in task.cells() if h in years}
        assert got == years, (why, task.cells(), task.warnings)
        assert (task.lead, task.support) == (lead, support), (why, task.text)
        assert not task.warnings, (why, task.warnings)
