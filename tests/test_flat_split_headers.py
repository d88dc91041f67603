"""A task table flattened one cell a paragraph whose narrow header cells wrap over lines (任务 / 分类, 牵头 / 部门, 配合 /
部门, 实施 / 主体), with a year-plan column a year beside the 重点任务 column (2025年计划 / 2026年计划), rows numbered
inside their cells (（一） category, （1） task), merged category cells given once (tagsblind8's cause 1, rebuilt from
its description — never from its blind text).  kb/parser/flattened.py ``_wrapped_header``, ``_wrapped_words_joined``,
``_task_numbered``.  Expectations written before the code ran."""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from kb.parser.flattened import _wrapped_words_joined
from kb.parser.tables import header_columns, load_vocabulary

PLAN = "某区交通精细化管理三年行动计划\n\n附件\n\n重点任务分工表\n\n{table}"

#: The header as a narrow page wraps it: every two-character piece a paragraph.
HEADER = ("任务", "分类", "重点任务（2024-2026）", "2025年计划", "2026年计划", "牵头", "部门", "配合", "部门", "实施", "主体")


def _rows(*cells: str):
    doc, tasks = parse_document(PLAN.format(table="\n".join(cells) + "\n"), "t")
    return doc, [t for t in tasks if t.source and "序号" in t.source]


#: (paragraphs after the header, expected (task text opening, lead, support, implementer, a warning naming this unit or None)
#: per row, why).  The 实施主体 column beside 牵头 and 配合 names who carries the row out (sole / shared, as X牵头，Y配合，Z负责落实;
#: tests/test_tables_implementer.py) — it was read as a second 配合 column until session 13 (holdout13 jx06, jx17).
CASES = [
    (("（一）道路品质提升",
      "（1）建设精品道路300条。", "建设精品道路100条。", "建设精品道路100条。", "区建设管理委", "区交通委", "各街镇",
      "（2）完成架空线入地50公里。", "完成架空线入地20公里。", "完成架空线入地15公里。", "区建设管理委", "区规划资源局", "各街镇",
      "（二）交通秩序治理",
      "（3）治理拥堵节点20处。", "治理拥堵节点8处。", "治理拥堵节点6处。", "区公安分局", "区交通委", "各街镇"),
     [("（1）建设精品道路300条", ["区建设管理委"], ["区交通委"], ["各街镇"], None),
      ("（2）完成架空线入地50公里", ["区建设管理委"], ["区规划资源局"], ["各街镇"], None),
      ("（3）治理拥堵节点20处", ["区公安分局"], ["区交通委"], ["各街镇"], None)],
     "任务 / 分类 is one column (the header wraps at two characters: 牵头 / 部门): the task is the 重点任务 cell, never the "
     "2025年计划 cell; 实施主体 the unit carrying the row out (a column after 牵头 and 配合), no 配合"),
    (("（一）", "道路品质提升",
      "（1）建设精品道路300条。", "建设精品道路100条。", "建设精品道路100条。", "区建设管理委", "区交通委", "各街镇",
      "（2）完成架空线入地50公里。", "完成架空线入地20公里。", "完成架空线入地15公里。", "区建设管理委", "区规划资源局", "各街镇"),
     [("（1）建设精品道路300条", ["区建设管理委"], ["区交通委"], ["各街镇"], None),
      ("（2）完成架空线入地50公里", ["区建设管理委"], ["区规划资源局"], ["各街镇"], None)],
     "the category's number wrapped off its name (（一） / 道路品质提升): no header note (实施主体（一）), and row 2 (its "
     "category merged) keeps its task in the 重点任务 column"),
    (("（一）设施品质",
      "（1）完成桥梁检测200座。", "完成桥梁检测80座。", "完成桥梁检测60座。", "设施运行处", "设施养护处", "安全处", "各区",
      "（2）整治道路积水点30处。", "整治积水点10处。", "整治积水点10处。", "设施养护处", "水务处", "各区"),
     [("（1）完成桥梁检测200座", ["设施运行处"], [], ["各区"], "设施养护处"),
      ("（2）整治道路积水点30处", ["设施养护处"], ["水务处"], ["各区"], None)],
     "four unit paragraphs for three unit columns (a two-line 牵头 cell, or two 配合 units): which column holds the middle "
     "ones is not known — a warning and no role for them, never a guessed one (the first and the last are certain)"),
]


CASES.append(
    (("（一）设施品质",
      "（1）完成桥梁检测200座。", "完成桥梁检测80座。", "完成桥梁检测60座。", "设施运行处", "安全处", "各区",
      "（2）完成隧道检测20座。", "完成隧道检测8座。", "完成隧道检测6座。",
      "（3）改造公交站点500个。", "改造公交站点200个。", "改造公交站点150个。", "公交处", "运输处", "各区"),
     [("（1）完成桥梁检测200座", ["设施运行处"], ["安全处"], ["各区"], None),
      ("（2）完成隧道检测20座", ["设施运行处"], ["安全处"], ["各区"], None),
      ("（3）改造公交站点500个", ["公交处"], ["运输处"], ["各区"], None)],
     "row 2 has no unit paragraph: its whole unit block is merged with row 1's — 牵头, 配合 and 实施主体 taken, and said "
     "(until session 13 its 配合 was left out with a warning; holdout13 c2b / tagsblind8 rows 4–5, 12, 14–16 lost their "
     "merged 配合; tests/test_flat_merged_carry.py)"))


CASES.append(
    (("（一）设施品质",
      "（1）建设精品道路300条。", "建设精品道路100条。", "建设精品道路100条。", "道路管理处", "规划处", "各区",
      "（2）改造公交站点500个。", "（1）改造公交站点200个；", "（2）完善站点信息设施。", "改造公交站点150个。", "公交处", "运输处", "各区",
      "（3）整治道路积水点30处，", "完善排水设施。", "整治积水点10处。", "整治积水点10处。", "设施养护处", "水务处", "各区",
      "（二）运行服务",
      "（4）推进出租汽车规范管理。", "—", "—", "运输处", "执法总队", "各区",
      "（5）提升轨道交通服务水平。", "完成客流监测系统建设。", "持续推进。", "轨道处", "运输处", "各区"),
     [("（1）建设精品道路300条", ["道路管理处"], ["规划处"], ["各区"], None),
      ("（2）改造公交站点500个", ["公交处"], ["运输处"], ["各区"], None),
      ("（3）整治道路积水点30处，完善排水设施", ["设施养护处"], ["水务处"], ["各区"], None),
      ("（4）推进出租汽车规范管理", ["运输处"], ["执法总队"], ["各区"], None),
      ("（5）提升轨道交通服务水平", ["轨道处"], ["运输处"], ["各区"], None)],
     "a year's plan written as steps （1）（2） of the task's own numbering (row 2) is that cell's, no row: every row after it "
     "is read (they were lost, and the table ended at row 1); a task cell wrapped after its comma; empty year cells —"))


CASES.append(
    (("（一）设施品质",
      "（1）完成桥梁检测200座。", "完成桥梁检测80座。", "完成桥梁检测60座。", "设施运行处", "安全处", "各区",
      "（2）完成隧道检测20座。", "完成隧道检测8座。", "完成隧道检测6座。",
      "（二）运行服务",
      "（1）优化公交线路100条。", "优化公交线路40条。", "优化公交线路30条。", "公交处", "运输处", "各区",
      "（2）推进出租汽车规范管理。", "规范巡游车经营。", "推广网约车合规化。", "运输处", "执法总队", "各区"),
     [("（1）完成桥梁检测200座", ["设施运行处"], ["安全处"], ["各区"], None),
      ("（2）完成隧道检测20座", ["设施运行处"], ["安全处"], ["各区"], None),
      ("（1）优化公交线路100条", ["公交处"], ["运输处"], ["各区"], None),
      ("（2）推进出租汽车规范管理", ["运输处"], ["执法总队"], ["各区"], None)],
     "task numbers starting again under each category, the last row of a category with its units merged: every row is "
     "read — the table ended at row 2 and row 2 took the next row's units (公交处 lead: a confident wrong); row 2, writing no "
     "unit, takes row 1's whole unit block"))


CASES.append(
    (("（一）设施品质",
      "（1）建设精品道路300条。", "建设精品道路100条。", "建设精品道路100条。", "道路管理处", "规划处", "各区",
      "（2）完成道路病害整治。", "整治病害100处。", "整治病害80处。", "各区",
      "（3）优化公交线路100条。", "优化公交线路40条。", "优化公交线路30条。", "公交处", "运输处", "各区"),
     [("（1）建设精品道路300条", ["道路管理处"], ["规划处"], ["各区"], None),
      ("（2）完成道路病害整治", [], [], [], "各区"),
      ("（3）优化公交线路100条", ["公交处"], ["运输处"], ["各区"], None)],
     "a row with one unit paragraph, 各区, which the table writes under 实施主体 in every other row: its 牵头 merged with "
     "row 1's, or 各区 its 牵头 — not known, a warning and no role (it was read as 牵头 by the table's one-lead habit)"))


CASES.append(
    (("（一）运行服务",
      "（1）优化公交线路100条。", "优化公交线路40条。", "优化公交线路30条。", "公交处", "运输处", "各区",
      "（2）推进出租汽车规范管理。", "规范巡游车经营。", "推广网约车合规化。", "运输处", "执法总队", "各区",
      "（3）提升轨道交通服务水平。", "完成客流监测系统建设。", "持续推进。", "轨道处", "安全处", "各区",
      "（4）新增无障碍车站10座。", "新增5座。", "新增5座。", "轨道处", "各区",
      "（5）完善出行信息服务。", "上线出行服务平台。", "持续优化。", "科技处", "运输处", "各区"),
     [("（1）优化公交线路100条", ["公交处"], ["运输处"], ["各区"], None),
      ("（2）推进出租汽车规范管理", ["运输处"], ["执法总队"], ["各区"], None),
      ("（3）提升轨道交通服务水平", ["轨道处"], ["安全处"], ["各区"], None),
      ("（4）新增无障碍车站10座", ["轨道处"], [], ["各区"], "安全处"),
      ("（5）完善出行信息服务", ["科技处"], ["运输处"], ["各区"], None)],
     "a 配合 column filled in every row but one: that row's 配合 may be merged with the row above's (安全处) or empty — a "
     "warning naming it, no role guessed; its own 牵头 and 实施主体 stay"))


@pytest.mark.parametrize(("cells", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_split_header_rows(cells, expected, why):
    _, tasks = _rows(*HEADER, *cells)
    assert len(tasks) == len(expected), why
    for task, (opening, lead, support, implementer, warned) in zip(tasks, expected):
        assert task.text.startswith(opening), (why, task.text)
        assert (task.lead, task.support, task.sole + task.shared) == (lead, support, implementer), (why, task.text)
        assert "实施主体（" not in task.text and "主体（一）" not in task.text, (why, task.text)
        if warned:
            assert any(warned in w and "不能确定" in w for w in task.warnings), (why, task.warnings)
        else:
            assert not task.warnings, (why, task.warnings)


#: (header cells, widths of the words the header was seen to wrap, expected cells, why)
JOINS = [
    (["任务", "分类", "重点任务"], {2}, ["任务分类", "重点任务"], "任务 / 分类 in a header wrapping at two characters"),
    (["指标", "单位", "目标值"], set(), ["指标", "单位", "目标值"], "whole words, nothing wrapped: 单位 is a column of its own"),
    (["任务", "分类", "牵头部门"], {3}, ["任务", "分类", "牵头部门"], "the header wraps at three characters: 任务 is a whole word"),
    (["重点任务", "完成时限"], {4}, ["重点任务", "完成时限"], "both pieces name a column: two columns"),
    (["任务", "主要方向"], {2}, ["任务", "主要方向"], "主要方向 is longer than the wrap width: no piece of 任务"),
]


@pytest.mark.parametrize(("cells", "widths", "expected", "why"), JOINS, ids=[j[3][:40] for j in JOINS])
def test_wrapped_words_joined(cells, widths, expected, why):
    vocab = load_vocabulary()
    got = [c for c, _ in _wrapped_words_joined([(c, 1) for c in cells], widths, vocab, header_columns)]
    assert got == expected, why
