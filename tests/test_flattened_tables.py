"""Task tables flattened one cell a paragraph (kb/parser/flattened.py): regrouping into rows, read by
the task-table rules.  Table-driven: input text → expected rows → why; awkward rows included."""

import pytest

from kb.parser import parse_document

PLAN = "一、重点任务\n\n（一）加强管理。做好工作。\n\n附件1\n\n重点任务分工表\n\n{table}"


def _table(*cells: str, sep: str = "\n\n") -> str:
    return sep.join(cells) + "\n"


def _rows(text: str):
    doc, tasks = parse_document(PLAN.format(table=text), "t")
    return doc, {t.source.split(" 序号")[-1]: t for t in tasks if t.source and "序号" in t.source}


H6 = ("序号", "任务名称", "任务内容", "牵头部门", "配合部门", "时间节点")

#: (cells after the header, 序号 → expected (lead, support, deadlines, title), why)
CASES = [
    (("1", "加强组织领导", "召开动员大会。", "区政府办公室", "各成员单位", "2019年3月",
      "2", "建立制度。", "区民政局", "各街镇", "2019年"),
     {"1": (["区政府办公室"], ["各成员单位"], ["2019年3月"], "加强组织领导"),
      "2": (["区民政局"], ["各街镇"], ["2019年"], "加强组织领导")},
     "one paragraph a cell; row 2 has no 任务名称 (a merged cell): it takes row 1's, as its title"),
    (("1", "推进覆盖", "开展创建。", "各街镇", "区绿化市容局、", "区农业农村委", "2019年",
      "2", "落实改造。", "区绿化市容局", "区住房保障房屋管理局", "2019年"),
     {"1": (["各街镇"], ["区绿化市容局", "区农业农村委"], ["2019年"], "推进覆盖"),
      "2": (["区绿化市容局"], ["区住房保障房屋管理局"], ["2019年"], "推进覆盖")},
     "a 配合部门 cell wrapped after 、: one cell on two paragraphs"),
    (("1", "推进覆盖", "开展创建。", "区机管局", "区绿化市容局", "区商务委", "2019年9月",
      "2", "落实改造。", "区绿化市容局", "区住房保障房屋管理局", "2019年"),
     {"1": (["区机管局"], ["区商务委"], ["2019年9月"], "推进覆盖"),
      "2": (["区绿化市容局"], ["区住房保障房屋管理局"], ["2019年"], "推进覆盖")},
     "three unit paragraphs for two columns, no sign of wrapping: the middle one could be lead or "
     "support, so it gets no role (a warning says so); the first is lead and the last support either way"),
    (("1", "推进覆盖", "开展创建。", "区政府办公室、区绿化市容局、", "区规划资源局、区重大办", "2019年",
      "2", "落实改造。", "区绿化市容局", "区住房保障房屋管理局", "2019年"),
     {"1": (["区政府办公室", "区绿化市容局"], [], ["2019年"], "推进覆盖"),
      "2": (["区绿化市容局"], ["区住房保障房屋管理局"], ["2019年"], "推进覆盖")},
     "a lead cell ending in 、 before a second unit paragraph: it went on (lead) or it is the support cell; "
     "undecidable, so the second paragraph gets no role and support is not taken from the row above"),
]


@pytest.mark.parametrize(("cells", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_flattened_rows(cells, expected, why):
    doc, rows = _rows(_table(*H6, *cells))
    assert set(rows) == set(expected), why
    for number, (lead, support, times, title) in expected.items():
        t = rows[number]
        assert (t.lead, t.support, [d.text for d in t.deadlines], t.title) == (lead, support, times, title), why
    uncertain = [n for n, t in rows.items() if any("不能确定" in w for w in t.warnings)]
    assert bool(uncertain) == bool(doc.warnings), why


def test_uncertain_paragraph_is_named_in_the_warning():
    _, rows = _rows(_table(*H6, *CASES[2][0]))
    assert any("区绿化市容局" in w and "不能确定" in w and "牵头部门" in w for w in rows["1"].warnings)


def test_merged_cells_heading_rows_and_a_name_column_before_the_number():
    """静安 2023's shape: 任务类型 before 序号, a row spanning the table between groups, a 推进单位 cell
    given once for several rows (taken down, never across a heading row)."""
    text = _table("任务类型", "序号", "工作任务", "推进单位",
                  "行动一：综合区域焕新",
                  "1", "推进规划研究", "区规划资源局、区商务委",
                  "行动二：人居环境提升", "旧区改造",
                  "2", "完成旧里改造", "区房管局",
                  "旧住房改造",
                  "3", "推进成套改造",
                  "4", "加装电梯700台")
    doc, rows = _rows(text)
    assert {n: (t.sole, t.shared, t.title) for n, t in rows.items()} == {
        "1": ([], ["区规划资源局", "区商务委"], "推进规划研究"),  # a cell of two units: shared (A2)
        "2": (["区房管局"], [], "旧区改造"),
        "3": (["区房管局"], [], "旧住房改造"),
        "4": (["区房管局"], [], "旧住房改造"),
    }
    assert any("合并单元格" in n for n in rows["3"].notes)
    assert "任务类型" not in rows["1"].fields and rows["2"].fields["任务类型"] == "旧区改造"
    assert [s for _, s in doc.sections][-2:] == ["行动一：综合区域焕新", "行动二：人居环境提升"]
    assert not doc.warnings


def test_repeated_header_cells_on_several_lines_and_other_columns():
    """嘉定 2024's shape: single line breaks inside a cell, the header repeated after a page break, a
    参考文件 column kept as a field; the table ends with its last row and what follows stays text."""
    h = ("序号", "任务类型", "重点内容", "责任单位", "参考文件")
    text = _table(*h, "1", "海绵城市\n建设管理", "指导推进建设工作。", "区建设管理委、区财政局、\n区水务局，\n各街镇", "《工作指引》",
                  *h, "2", "系统方案", "编制系统方案。", "区建设管理委", "《实施意见》",
                  "以上任务按季度报送进展。")
    _, rows = _rows(text)
    assert rows["1"].shared == ["区建设管理委", "区财政局", "区水务局", "各街镇"] and not rows["1"].sole  # several: shared
    assert rows["1"].title == "海绵城市建设管理" and rows["1"].fields["参考文件"] == "《工作指引》"
    assert rows["2"].sole == ["区建设管理委"] and rows["2"].title == "系统方案"
    doc, tasks = parse_document(PLAN.format(table=text), "t")
    assert any(t.text == "以上任务按季度报送进展。" for t in tasks)
    assert not any(t.text in h for t in tasks)


def test_one_cell_a_line_without_blank_lines():
    text = _table(*H6, "1", "加强组织领导", "召开动员大会。", "区政府办公室", "各成员单位", "2019年3月",
                  "2", "建立制度。", "区民政局", "各街镇", "2019年", sep="\n")
    _, rows = _rows(text)
    assert (rows["1"].lead, rows["2"].lead, rows["2"].support) == (["区政府办公室"], ["区民政局"], ["各街镇"])


@pytest.mark.parametrize(("text", "why"), [
    (_table("任务名称", "任务内容", "牵头部门", "加强领导", "召开大会。", "区政府办公室",
            "推进建设", "建立制度。", "区民政局"), "no 序号 column: the rows cannot be told apart, the text stays"),
    (_table("序号", "单位名称", "联系人", "1", "区民政局", "张三", "2", "区财政局", "李四"),
     "a header with no task column is no task table"),
    (_table("序号", "任务内容", "牵头部门", "1", "召开大会。", "区政府办公室"), "a single row: no table"),
])
def test_not_regrouped(text, why):
    doc, rows = _rows(text)
    assert rows == {}, why
