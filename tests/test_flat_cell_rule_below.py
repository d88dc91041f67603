"""A lead rule written in ONE row's unit cell of a task table (``县A局、县B局,各镇人民政府(县政府部门中列在首位的为牵头部门,
有关部门按职责分工负责,下同)``: tagsblind10 盘山 05, rows 1–3).  With 下同 (以下同) the rule is the table's for its later
rows: their 负责单位 lists read first-is-lead (a generic group first leads too, s17: the rule ranks any unit).  Without 下同 the rule stays
its row's.  The note is no unit's name, however long (it made row 1 a misfit).  And the table's last row, cut off by the
end of the text (its task cell broken, no other cell, where every row above writes its 落实措施), carries no cell of
the row above: it is cut, not merged — no duty the source does not give it.  Forms of my own at 县/市/区 level;
expectations written before the code (kb/parser/tables.py ``_row_tag``, kb/parser/flattened.py)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _bar(*cells: str) -> str:
    return "\n".join(f"{c} |" for c in cells)


def _tasks(text: str):
    return parse_document(text, "t")[1]


def _row(tasks, opening):
    hits = [t for t in tasks if t.text.startswith(opening)]
    assert len(hits) == 1, (opening, [t.text[:20] for t in tasks])
    return hits[0]


HEADER = ("序号", "工作任务", "落实措施", "负责单位", "时间进度")

#: (rows' cells, {task opening: (lead, support, shared)}, why)
CASES = [
    (("1", "健全社会救助标准调整机制", "完善低保标准与物价上涨挂钩联动机制。",
      "县民政局、县财政局、县统计局,各乡镇人民政府(县直部门中列在首位的为牵头部门,有关部门按职责分工负责,下同)", "2024年12月底前",
      "2", "统筹全县救助体系建设", "研究制定实施办法。", "县民政局、县编委办、县人社局", "2024年6月底前",
      "3", "加强临时救助工作", "建立急难型临时救助机制。", "县应急局、县民政局,各乡镇人民政府", "2024年9月底前"),
     {"健全社会救助标准调整机制": (["县民政局"], ["县财政局", "县统计局", "各乡镇人民政府"], []),
      "统筹全县救助体系建设": (["县民政局"], ["县编委办", "县人社局"], []),
      "加强临时救助工作": (["县应急局"], ["县民政局", "各乡镇人民政府"], [])},
     "县: the rule with 下同 in row 1's cell reaches rows 2 and 3 (their first unit leads, the rest support)"),
    (("1", "推进智慧停车建设", "新增公共泊位2000个。", "市交通局、市公安局、市城管局(列第一位的为牵头单位)", "2024年底前",
      "2", "完善公交线网", "优化调整公交线路20条。", "市交通局、市公交集团", "2024年底前"),
     {"推进智慧停车建设": (["市交通局"], ["市公安局", "市城管局"], []),
      "完善公交线网": ([], [], ["市交通局", "市公交集团"])},
     "市: a rule with no 下同 is its row's only — row 2's list has no lead (shared, as a bare 负责单位 list reads)"),
    (("1", "建设社区养老服务中心", "新建社区养老服务中心5家。", "区民政局、区卫健委(排在第一位的为牵头单位,以下同)", "2024年10月底前",
      "2", "开展适老化改造", "完成困难老人家庭适老化改造300户。", "各街道、区民政局", "2024年11月底前",
      "3", "推进医养结合", "建成医养结合机构2家。", "区卫健委、区民政局", "2024年12月底前"),
     {"建设社区养老服务中心": (["区民政局"], ["区卫健委"], []),
      "开展适老化改造": (["各街道"], ["区民政局"], []),
      "推进医养结合": (["区卫健委"], ["区民政局"], [])},
     "区: 以下同 carries the rule; a generic group listed first (各街道) leads too — the rule ranks any unit (s17 labels6)"),
]


@pytest.mark.parametrize(("cells", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_a_rule_in_a_rows_cell(cells, expected, why):
    tasks = _tasks("某地社会救助重点任务分工方案\n" + _bar(*HEADER, *cells) + "\n")
    for opening, (lead, support, shared) in expected.items():
        t = _row(tasks, opening)
        assert (t.lead, t.support, t.shared, t.sole) == (lead, support, shared, []), (why, opening, t.warnings)


def test_a_last_row_cut_off_by_the_texts_end_carries_nothing_from_above():
    """Awkward: the page ends inside row 3's task cell (将社会救助纳入国): no 落实措施, 负责单位 or 时间进度 — every row above
    writes its 落实措施, which never merges: the row is cut, not merged.  It keeps its text, gets no role and no time, and
    says so; rows 1–2 keep theirs."""
    text = "某县社会救助重点任务分工方案\n" + _bar(
        *HEADER,
        "1", "健全社会救助标准调整机制", "完善低保标准与物价上涨挂钩联动机制。", "县民政局、县财政局", "2024年12月底前",
        "2", "加强临时救助工作", "建立急难型临时救助机制。", "县民政局、县应急局,各乡镇人民政府", "2024年9月底前",
        "3", "将社会救助纳入国") + "\n"
    tasks = _tasks(text)
    t = _row(tasks, "将社会救助纳入国")
    assert not any(t.departments("any")) and not t.deadlines, (t.lead, t.shared, t.deadlines)
    assert t.warnings, "the cut row says so"
    assert _row(tasks, "加强临时救助工作").shared == ["县民政局", "县应急局", "各乡镇人民政府"]


def test_a_last_row_with_its_own_measure_still_takes_merged_cells():
    """Control: the last row writes its 落实措施 but not its 负责单位 / 时间进度 (merged over rows 2–3 in the page): a merged
    cell, carried from the row above and said so — the cut-off reading is only for a row lacking a cell no row merges."""
    text = "某县社会救助重点任务分工方案\n" + _bar(
        *HEADER,
        "1", "健全社会救助标准调整机制", "完善低保标准与物价上涨挂钩联动机制。", "县民政局、县财政局", "2024年12月底前",
        "2", "加强临时救助工作", "建立急难型临时救助机制。", "县民政局、县应急局", "2024年9月底前",
        "3", "规范救助资金管理", "开展救助资金专项检查。") + "\n"
    tasks = _tasks(text)
    t = _row(tasks, "规范救助资金管理")
    assert t.shared == ["县民政局", "县应急局"] and any("合并单元格" in n for n in t.notes), (t.shared, t.notes)


def test_a_last_row_holding_only_its_task_at_the_texts_end_is_not_given_the_rows_above():
    """Awkward (ROUTED tagsblind11 tables3 (d)): a table of 序号 | 工作任务 | 负责单位 | 时间进度 (no column that never
    merges) whose last row, at the end of the text, holds its task cell and nothing after it: cut off by the page, or
    its 负责单位 and 时间进度 merged with the row above — not provable.  No unit of the row above is given to it (a warning
    says so); the rows above keep theirs."""
    text = "某县社会救助重点任务分工方案\n" + _bar(
        "序号", "工作任务", "负责单位", "时间进度",
        "1", "健全社会救助标准调整机制", "县民政局、县财政局", "2024年12月底前",
        "2", "加强临时救助工作", "县应急局、县民政局", "2024年9月底前",
        "3", "将社会救助纳入国") + "\n"
    tasks = _tasks(text)
    t = _row(tasks, "将社会救助纳入国")
    assert not any(t.departments("any")) and not t.deadlines and t.warnings, (t.shared, t.deadlines, t.warnings)
    assert _row(tasks, "加强临时救助工作").shared == ["县应急局", "县民政局"]


def test_a_last_row_lacking_only_a_trailing_note_keeps_its_own_units_and_says_so_truly():
    """Awkward (review-diff s15, 崇川 row 26 — tagsblind10's excerpt, one cell a line): the text ends after the last row's
    是否达序 cell, before its 说明.  The row is cut (nothing carried from above), but the units it writes ARE its roles: the
    warning must not say 未读取职责 (it did, while the row's lead and support were read)."""
    text = """2023年区政府重点民生实事项目推进情况(1-11月)
序号 |
主要任务 |
全年目标任务 |
分管 领导 |
牵头 单位 |
责任主体与协同单位 |
1-10月推进情况 |
1-11月推进情况 |
是否达序 |
说明 |
24 |
优化提升50条背街后巷交通组织。 |
徐国江 |
城管局 |
市政局、相关街道 |
已进场施工,完成30%。 |
已进场施工,完成60%。 |
是 |
||
25 |
新增四分类“三定一督”达标小区210个。 |
徐国江 |
城管局 |
市政局、环卫处、崇川经济开发区、各街道 |
已进场施工,正在推进点位选址、场地硬化,第一批451个厢房(亭房)正在加紧制作。 |
在46个小区,建成38个厢房,70个分类亭。 |
否 |
前期配合区相关部门对该项目招标质疑、投诉处置,项目于9月28才签订合同,滞后了2个月,后期将加快推进。 |
|
26 |
新建建筑垃圾中转站8个、建筑垃圾分类池20个。 |
徐国江 |
城管局 |
崇川经济开发区、相关街道 |
已建成建筑垃圾中转站3个、分类池10个;其余点位已启动建设流程。 |
已建成建筑垃圾中转站7个、分类池17个。 |
是 |
"""
    t = _row(_tasks(text), "新建建筑垃圾中转站8个")
    assert (t.lead, t.support) == (["城管局"], ["崇川经济开发区", "相关街道"]), (t.lead, t.support, t.warnings)
    assert not any("未读取职责" in w for w in t.warnings), t.warnings
    assert any("职责只取本行写出的单位" in w for w in t.warnings), t.warnings
