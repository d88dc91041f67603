"""A row of a table written with bars (a web page's table copied as text: every row's line closes with ``|``) that is CUT:
its line ends inside a cell, with no closing bar.  Before, the row was short of the header's width and took the row
above's unit cells as merged cells — a lead and supports invented, no warning (tagsblind11-final: 金华 row 72, the page's
text ending inside its 进展情况 cell).  Now:
* the text (or the table) ends inside the row → the row keeps what it writes, takes NOTHING from the row above, and
  says it was cut;
* the next line has no 序号 and, joined to the cut row, fills exactly the header's width → the row goes on there (a
  page break inside a row, a cell holding a line break): joined, read as one row;
* the next line is the next row (it opens with the next 序号) → the cut row is cut: nothing carried, a warning;
* control: a short row whose line DOES close with a bar is a row under merged cells, read as before.
Forms of my own at 市/县/区 level; expectations written before the code (kb/parser/tables.py delimited_rows_to_tabs,
_aligned_rows)."""

from __future__ import annotations

from kb.parser import parse_document

HEADER = "序号 | 工作任务 | 进展情况 | 存在问题 | 责任单位 |"


def _tasks(*lines: str):
    return parse_document("\n".join(lines) + "\n", "t")[1]


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:12] for t in tasks])
    return hits[0]


def test_the_text_ends_inside_the_last_row():
    """市 (金华-shape): row 2's line ends inside its 进展情况 cell — 存在问题 and 责任单位 are not in the text.  Its units are
    not known: none from row 1, a warning; row 1 keeps its own."""
    tasks = _tasks("某市2023年重点工作半年度进展情况汇总表", HEADER,
                   "1 | 建设城市书房10家。 | 已建成6家。 | 无 | 市文广旅游局、各县（市、区）政府 |",
                   "2 | 加大文物保护力度。 | 1.完成遗址保护规划初稿;2.报送申遗材料;")
    t = _row(tasks, "加大文物保护力度")
    assert not any(t.departments("any")), (t.shared, t.sole, t.notes)
    assert t.kind == "task"  # (a row of the task table whose units the text does not hold — never a paragraph)
    assert any("截断" in w for w in t.warnings), t.warnings
    assert not any("取自上一行" in n for n in t.notes), t.notes
    assert _row(tasks, "建设城市书房").shared == ["市文广旅游局", "各县（市、区）政府"]


def test_a_row_going_on_on_the_next_line_is_joined():
    """县: row 2's line stops inside its 工作任务 cell (a page break inside the row); the next line has no 序号 and with
    row 2 fills exactly the header's five cells — one row: its own units, nothing from above."""
    tasks = _tasks("某县2024年民生实事进展情况", HEADER,
                   "1 | 新建农贸市场2个。 | 已开工。 | 无 | 县商务局 |",
                   "2 | 改造农村公路50公里，",
                   "完成危桥改造3座。 | 已完成30公里。 | 资金缺口较大 | 县交通运输局、各乡镇 |",
                   "3 | 新增托育位200个。 | 已新增120个。 | 无 | 县卫健局 |")
    t = _row(tasks, "改造农村公路50公里")
    assert "完成危桥改造3座" in t.text
    assert t.shared == ["县交通运输局", "各乡镇"] and not t.warnings, (t.shared, t.sole, t.warnings)
    assert _row(tasks, "新增托育位200个").sole == ["县卫健局"]


def test_a_cut_row_followed_by_the_next_row_is_cut_not_joined():
    """区: row 2's line stops inside its 进展情况 cell and the next line is row 3 (it opens with 3): row 2 is cut — row 3 is
    never glued onto it, and row 2 takes no unit from row 1."""
    tasks = _tasks("某区重点任务推进情况", HEADER,
                   "1 | 建设口袋公园5个。 | 已建成3个。 | 无 | 区绿化市容局 |",
                   "2 | 推进老旧小区改造。 | 已完成方案设计",
                   "3 | 新增公共泊位1000个。 | 已新增600个。 | 无 | 区交通委、区公安分局 |")
    t = _row(tasks, "推进老旧小区改造")
    assert not any(t.departments("any")) and any("截断" in w for w in t.warnings), (t.sole, t.shared, t.warnings)
    t3 = _row(tasks, "新增公共泊位1000个")
    assert t3.shared == ["区交通委", "区公安分局"], (t3.shared, t3.sole)


def test_control_a_short_row_closed_by_a_bar_takes_the_merged_cell():
    """区, control: row 2 writes three cells and closes its line with a bar — a row under merged cells (存在问题 and
    责任单位 given once for rows 1–2 by the page): it takes row 1's 责任单位 with a note, as before."""
    tasks = _tasks("某区重点任务推进情况", HEADER,
                   "1 | 建设口袋公园5个。 | 已建成3个。 | 无 | 区绿化市容局 |",
                   "2 | 建设绿道10公里。 | 已建成4公里。 |",
                   "3 | 新增公共泊位1000个。 | 已新增600个。 | 无 | 区交通委 |")
    t = _row(tasks, "建设绿道10公里")
    assert t.sole == ["区绿化市容局"] and any("取自上一行" in n for n in t.notes), (t.sole, t.notes, t.warnings)
