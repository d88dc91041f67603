"""A task table copied one cell a line, each cell closed by a bar (``序号 |`` / ``牵头 单位 |``), whose header has MORE
cells than its rows: a category column merged over earlier rows (the rows after it carry no cell for it), or a trailing
column (备注, 说明) the rows leave out.  A progress report's header also names its columns with a period before the word
(全年目标任务, 1-10月推进情况) and asks yes/no (是否达序).  The rows are aligned to the header by the cells' kinds (the
flattened regrouping: a sentence in a task column, a person under 分管领导, units under the unit columns; a missing
category cell is a merged cell, a missing trailing cell an empty one) — and where that alignment is not proved the
cell gives no role (warning), never a header word or a cell read as a task of its own (tagsblind10 崇川 06: every cell
became a paragraph task).  Forms of my own at 区/县/市 level; expectations written before the code
(kb/parser/flattened.py, kb/data/tables.yaml)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _bar(*cells: str) -> str:
    return "\n".join(c if c in ("|", "||") else f"{c} |" for c in cells)


def _tasks(text: str):
    return parse_document(text, "t")[1]


HEADER_WORDS = {"序号", "类别", "实事项目", "分管领导", "牵头单位", "协同单位", "备注", "主要任务", "全年目标任务",
                "工作任务", "配合单位", "完成时限", "说明", "是否序时"}

#: (text, {task opening: (lead, support, sole, deadline texts)}, why)
CASES = [
    ("某区2024年重点民生实事项目推进情况(1-6月)\n" + _bar(
        "序号", "类别", "实事项目", "分管 领导", "牵头 单位", "协同单位", "1-6月推进情况", "备注",
        "5", "新建口袋公园6个。", "李明", "区绿化市容局", "各街道", "已完成选址,正在设计。", "||",
        "6", "改造老旧小区雨污管网10公里。", "李明", "区建管委", "区水务局、各街道", "已开工,完成40%。",
        "因管线迁改滞后1个月。", "|",
        "7", "新增公共充电桩500个。", "王芳", "区发展改革委", "区供电公司", "已建成210个。", "||") + "\n",
     {"新建口袋公园6个": (["区绿化市容局"], ["各街道"], [], []),
      "改造老旧小区雨污管网10公里": (["区建管委"], ["区水务局", "各街道"], [], []),
      "新增公共充电桩500个": (["区发展改革委"], ["区供电公司"], [], [])},
     "区: rows 5–7 carry no 类别 cell (merged over earlier rows, off the page); the person under 分管领导 is no unit; "
     "a bare || is an empty 备注, a bare | ends a row whose 备注 is written"),
    ("某县2023年重点工作任务分工\n" + _bar(
        "序号", "工作任务", "牵头单位", "配合单位", "完成时限", "备注",
        "1", "完成农村公路提档升级30公里。", "县交通运输局", "各乡镇", "2023年11月底前",
        "2", "建成乡镇污水处理设施5座。", "县住建局", "县生态环境局、有关乡镇", "2023年12月底前",
        "3", "开展农村人居环境整治。", "县农业农村局", "各乡镇", "全年") + "\n",
     {"完成农村公路提档升级30公里": (["县交通运输局"], ["各乡镇"], [], ["2023年11月底前"]),
      "建成乡镇污水处理设施5座": (["县住建局"], ["县生态环境局", "有关乡镇"], [], ["2023年12月底前"]),
      "开展农村人居环境整治": (["县农业农村局"], ["各乡镇"], [], ["全年"])},
     "县: a trailing 备注 the rows leave out (no bar for it): an empty cell"),
    ("某市2023年民生实事项目推进情况(1-10月)\n" + _bar(
        "序号", "主要任务", "全年目标任务", "分管 领导", "牵头 单位", "责任主体与协同单位", "1-9月进展情况",
        "1-10月进展情况", "是否序时", "说明",
        "12", "新增普惠托位800个。", "赵强", "市卫健委", "各区政府、市教育局", "已新增520个。", "已新增640个。", "是", "||",
        "13", "建成城市书房15家。", "赵强", "市文广旅局", "各区政府", "已建成6家。", "已建成9家。", "否",
        "部分选址调整,滞后1个月。", "|") + "\n",
     {"新增普惠托位800个": (["市卫健委"], ["各区政府", "市教育局"], [], []),
      "建成城市书房15家": (["市文广旅局"], ["各区政府"], [], [])},
     "市: a page of a progress table from row 12; 全年目标任务 is the task column (a period before 目标任务), 主要任务 the "
     "category merged over earlier rows; 1-9月进展情况, 是否序时, 说明 are fields; 责任主体与协同单位 after 牵头单位 supports"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_bar_table_with_a_wider_header(text, expected, why):
    tasks = _tasks(text)
    for opening, (lead, support, sole, deadlines) in expected.items():
        hits = [t for t in tasks if t.text.startswith(opening)]
        assert len(hits) == 1, (why, opening, [t.text[:20] for t in tasks])
        t = hits[0]
        assert (t.lead, t.support, t.sole, t.shared) == (lead, support, sole, []), (why, opening, t.warnings)
        assert [d.text for d in t.deadlines] == deadlines, (why, opening)
    for t in tasks:  # (no person is a unit, no header word or cell is a task of its own)
        assert t.text.strip(" |") not in HEADER_WORDS, (why, t.text)
        assert not {"李明", "王芳", "赵强"} & set(t.departments("any")), (why, t.text)


def test_a_row_whose_unit_column_is_not_proved_gives_that_unit_no_role():
    """Awkward: a row with one unit cell under a header with two unit columns and nothing merged to explain which one —
    its unit is not placed (a warning), the other rows keep their roles; no cell becomes a task."""
    text = "某县2023年重点工作任务分工\n" + _bar(
        "序号", "工作任务", "牵头单位", "配合单位", "完成时限",
        "1", "完成农村公路提档升级30公里。", "县交通运输局", "各乡镇", "2023年11月底前",
        "2", "建成乡镇污水处理设施5座。", "县住建局", "2023年12月底前",
        "3", "开展农村人居环境整治。", "县农业农村局", "各乡镇", "2023年12月底前") + "\n"
    tasks = _tasks(text)
    row1 = [t for t in tasks if t.text.startswith("完成农村公路")]
    row2 = [t for t in tasks if t.text.startswith("建成乡镇污水")]
    assert len(row1) == 1 and (row1[0].lead, row1[0].support) == (["县交通运输局"], ["各乡镇"])
    assert len(row2) == 1 and row2[0].support == [] and "县住建局" not in row2[0].support
    for t in tasks:
        assert t.text.strip(" |") not in HEADER_WORDS, t.text


def test_a_row_whose_task_cell_is_not_proved_keeps_its_text():
    """Awkward: a four-character person (欧阳明华) beside a task that could be a merged category's name — which of the
    two is the task is not proved.  The row is kept: its paragraphs are its text (nothing the user had is lost), its
    certain cells keep their roles, it carries a warning; the person is never a unit.  (The row used to vanish.)"""
    text = CASES[2][0].replace("赵强", "欧阳明华")
    tasks = _tasks(text)
    hits = [t for t in tasks if "新增普惠托位800个" in t.text]
    assert len(hits) == 1, [t.text[:20] for t in tasks]
    t = hits[0]
    assert t.warnings and (t.lead, t.support) == (["市卫健委"], ["各区政府", "市教育局"]), (t.lead, t.support, t.warnings)
    assert not any("欧阳明华" in n for n in t.departments("any"))


ROWS = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限",
        "1", "完成农村公路提档升级30公里。", "县交通运输局", "各乡镇", "2024年11月底前",
        "2", "建成乡镇污水处理设施5座。", "县住建局", "县生态环境局", "2024年12月底前",
        "3", "开展农村人居环境整治。", "县农业农村局", "各乡镇", "全年")


@pytest.mark.parametrize(("before", "why"), [
    ("某县重点工作任务分工方案\n为推进重点工作，制定本方案。\n各乡镇要高度重视。\n", "two paragraphs of the plan before the table"),
    ("某县重点工作任务分工方案\n为推进重点工作，制定本方案。\n附件1\n", "a paragraph, then the table captioned 附件1"),
])
@pytest.mark.parametrize("bars", ["right", "both"])
def test_rows_are_cited_by_their_own_number(before, why, bars):
    """(ROUTED tagsblind11 tables3 (c)) A table's rows after paragraphs of the plan (a plan without parts) are cited by
    the table and their 序号 (表1-1 / 附件1-1), never numbered on from the paragraphs (rows 1–3 labelled 3–5); cells one a
    line closed by a bar on each side (``| 序号 |``) are read as those closed on the right (they were each a paragraph)."""
    cells = ROWS if bars == "right" else tuple(f"| {c}" for c in ROWS)
    tasks = _tasks(before + _bar(*cells) + "\n")
    rows = [t for t in tasks if t.source]
    assert [t.text[:6] for t in rows] == ["完成农村公路", "建成乡镇污水", "开展农村人居"], (why, [t.text[:8] for t in tasks])
    assert [t.label.rsplit("-", 1)[-1] for t in rows] == ["1", "2", "3"] and all("-" in t.label for t in rows), \
        (why, [t.label for t in rows])
    assert [t.lead for t in rows] == [["县交通运输局"], ["县住建局"], ["县农业农村局"]], why
