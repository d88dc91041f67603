"""Duty lines after their item, in two more forms (session 17, prose8; notes-duties5 s16 "found, not finished"):

* with a time limit: ``此项工作由X负责，6月底前完成。``, ``由X牵头，Y配合，2025年底前完成。`` — the line closes the item above
  as before, and its limit is the item's (read as a tag's time words: ``deadlines.tag_time_limits``);
* without 由: ``X负责，Y配合。``, ``X牵头，Y、Z配合。``, ``X负责。`` alone after the item — the same statement, the units first.

A line that does work of its own (X负责，开展…), names no proved unit (各部门负责), has a clause that is no limit (长期坚持)
or stands with no item above it (a heading) stays what it was.  Expected rows written by hand before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: getattr(t, k) for k in KEYS if getattr(t, k)}


def _tasks(title: str, body: str):
    _, tasks = parse_document(f"{title}\n一、重点任务\n{body}", "p")
    return tasks


# (plan title, body, expected [(label, text opening, roles, deadline ends)] of every paragraph in order, why)
ROWS = [
    ("某市2024年停车设施建设实施方案",
     "1.建设公共停车泊位。新增公共停车泊位500个。\n此项工作由市交通委负责，2024年6月底前完成。\n"
     "2.推进停车信息联网。建设全市停车信息平台。\n",
     [("一1", "1.建设公共停车泊位", {"sole": ["市交通委"]}, ["2024-06-30"]),
      ("一2", "2.推进停车信息联网", {}, [])],
     "市: 此项工作由X负责，<limit>。 — the limit is the item's; the next item keeps its number"),
    ("某省2024年数字政府建设工作要点",
     "1.推进数据共享。建立全省数据共享平台。\n由省大数据局牵头，省财政厅、省统计局配合，2025年底前完成。\n"
     "2.优化政务服务。推行一网通办。\n",
     [("一1", "1.推进数据共享", {"lead": ["省大数据局"], "support": ["省财政厅", "省统计局"]}, ["2025-12-31"]),
      ("一2", "2.优化政务服务", {}, [])],
     "省: 由X牵头，Y、Z配合，<limit>。"),
    ("某县2024年农村公路建设工作方案",
     "（一）改造农村公路。完成农村公路改造100公里。\n县交通运输局负责，县财政局配合。\n"
     "（二）建设候车亭。新建候车亭50个。\n县交通运输局牵头，各乡镇人民政府配合。\n",
     [("一（一）", "（一）改造农村公路", {"lead": ["县交通运输局"], "support": ["县财政局"]}, []),
      ("一（二）", "（二）建设候车亭", {"lead": ["县交通运输局"], "support": ["各乡镇人民政府"]}, [])],
     "县: X负责，Y配合。 / X牵头，Y配合。 with no 由 — X leads (the unit the others support), Y supports"),
    ("某区2024年绿化建设工作方案",
     "1.建设口袋公园。新建口袋公园10个。\n区绿化市容局负责。\n2.推进立体绿化。新增立体绿化2万平方米。\n"
     "区绿化市容局牵头，区住房城乡建设委、区规划资源局配合，2024年底前完成。\n",
     [("一1", "1.建设口袋公园", {"sole": ["区绿化市容局"]}, []),
      ("一2", "2.推进立体绿化", {"lead": ["区绿化市容局"], "support": ["区住房城乡建设委", "区规划资源局"]},
       ["2024-12-31"])],
     "区: X负责。 alone (sole) and X牵头，Y、Z配合，<limit>。"),
    ("某市2024年为民办实事实施方案",
     "1.新建养老床位。新增养老床位1000张。\n此项工作由市民政局主办，市财政局协办，年底前完成。\n2.改造老旧电梯。\n",
     [("一1", "1.新建养老床位", {"lead": ["市民政局"], "support": ["市财政局"]}, ["2024-12-31"]),
      ("一2", "2.改造老旧电梯", {}, [])],
     "a limit without a year (年底前) takes the plan's year, as a tag's does"),
    # ---- awkward rows: nothing is attached
    ("某市2024年停车设施建设实施方案",
     "1.建设公共停车泊位。新增公共停车泊位500个。\n市交通委负责，开展停车设施专项检查。\n",
     [("一1", "1.建设公共停车泊位", {}, []),
      ("一2", "市交通委负责，开展停车设施专项检查", {"sole": ["市交通委"]}, [])],
     "a line with work of its own (开展…) is a paragraph of its own, read by its prose as before"),
    ("某市2024年停车设施建设实施方案",
     "1.建设公共停车泊位。新增公共停车泊位500个。\n各有关部门负责，按时完成。\n",
     [("一1", "1.建设公共停车泊位", {}, []),
      ("一2", "各有关部门负责，按时完成", {}, [])],
     "a vague group is no proved unit, 按时完成 no limit: nothing attached, nobody read"),
    ("某市2024年停车设施建设实施方案",
     "1.建设公共停车泊位。新增公共停车泊位500个。\n此项工作由市交通委负责，长期坚持。\n",
     [("一1", "1.建设公共停车泊位", {}, []),
      ("一2", "此项工作由市交通委负责，长期坚持", {"sole": ["市交通委"]}, [])],
     "a clause after the units that is no dated limit: not a duty line (read by its prose as before)"),
    ("某区2024年绿化建设工作方案",
     "1.建设口袋公园。（区绿化市容局负责）\n区规划资源局负责。\n2.推进立体绿化。（区住房城乡建设委负责）\n",
     [("一1", "1.建设口袋公园", {"sole": ["区绿化市容局"]}, []),
      ("一2", "区规划资源局负责", {}, []),
      ("一3", "2.推进立体绿化", {"sole": ["区住房城乡建设委"]}, [])],
     "the item above is closed by its own tag: the line is not attached (a paragraph of a tagged plan, as before)"),
]


@pytest.mark.parametrize(("title", "body", "expected", "why"), ROWS, ids=[r[3][:40] for r in ROWS])
def test_duty_line_forms(title, body, expected, why):
    tasks = _tasks(title, body)
    got = [(t.label, t.text[:len(e[1])], _roles(t), [d.end for d in t.deadlines]) for t, e in zip(tasks, expected)]
    assert len(tasks) == len(expected), (why, [t.text for t in tasks])
    assert got == [tuple(e) for e in expected], why


def test_line_under_a_heading_stays():
    """X负责，Y配合。 right under a part's heading has no item above it: it stays a paragraph; the items below get nothing."""
    _, tasks = parse_document("某县2024年工作方案\n一、重点任务\n1.推进甲。正文。\n二、保障措施\n"
                              "县发展改革委牵头，县财政局配合。\n（一）加强组织领导。成立工作专班。\n", "p")
    texts = {t.text: _roles(t) for t in tasks}
    assert texts["（一）加强组织领导。成立工作专班。"] == {}
    assert texts["1.推进甲。正文。"] == {}
