"""(ROUTED tagsblind11 → tables3 (a)) A task table flattened one cell a paragraph whose header cell is WRAPPED over two
lines, its second line a bracketed note (``责任股室`` / ``(单位)``, ``牵头单位`` / ``（部门）``): the note is that cell's, not a
cell of its own — else the header ended there, the duty column was lost and the header's lines and unit cells became
headings.  A 县 bureau's own sections (股室) name its internal divisions as 处室/科室 do (tables.yaml
inner_division_endings): with no other unit column they are the ones who do the work.  Forms of my own; expectations
written before the code (kb/parser/flattened.py ``_header_cells``, kb/parser/tables.py ``header_columns``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _tasks(text: str):
    return parse_document(text, "t")[1]


CASES = [
    (("序号", "工作任务", "责任股室", "(单位)", "完成时限",
      "1", "开展农村宅基地专项清理整治。", "规划股", "2024年6月底前",
      "2", "完成不动产登记数据整合。", "登记中心、信息股", "2024年9月底前",
      "3", "推进耕地保护田长制。", "耕保股", "全年"),
     {"开展农村宅基地专项清理整治": ([], ["规划股"], ["2024年6月底前"]),
      "完成不动产登记数据整合": ([], ["登记中心", "信息股"], ["2024年9月底前"]),
      "推进耕地保护田长制": ([], ["耕保股"], ["全年"])},
     "县 bureau's own table: 责任股室 / (单位) is one header cell; its 股室 carry the rows out (sole)"),
    (("序号", "重点任务", "牵头单位", "（部门）", "配合单位", "完成时限",
      "1", "建设智慧停车平台。", "市城管局", "市公安局、市大数据局", "2024年底前",
      "2", "新增公共泊位3000个。", "市住建局", "各区政府", "2024年底前"),
     {"建设智慧停车平台": (["市城管局"], [], ["2024年底前"]),
      "新增公共泊位3000个": (["市住建局"], [], ["2024年底前"])},
     "市: 牵头单位 / （部门） wrapped: the lead column stays the lead's, 配合单位 after it the support's"),
]


@pytest.mark.parametrize(("cells", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_a_wrapped_header_cell_with_a_note(cells, expected, why):
    tasks = _tasks("某地重点任务分工表\n\n" + "\n\n".join(cells) + "\n")
    for opening, (lead, sole, deadlines) in expected.items():
        hits = [t for t in tasks if t.text.startswith(opening)]
        assert len(hits) == 1, (why, opening, [t.text[:12] for t in tasks])
        t = hits[0]
        assert (t.lead, t.sole + t.shared) == (lead, sole) or (t.lead == lead and not sole), (why, opening, t.lead, t.sole)
        assert [d.text for d in t.deadlines] == deadlines, (why, opening)
    assert not any(t.text.strip() in ("(单位)", "（部门）", "责任股室", "牵头单位") for t in tasks), why


def test_the_second_case_reads_its_support():
    tasks = _tasks("某地重点任务分工表\n\n" + "\n\n".join(CASES[1][0]) + "\n")
    t = [t for t in tasks if t.text.startswith("建设智慧停车平台")][0]
    assert (t.lead, t.support) == (["市城管局"], ["市公安局", "市大数据局"])


def test_a_numbering_after_the_header_is_no_note():
    """Control: a row numbering （一） standing after the header's last cell is no note of that cell (a category row)."""
    cells = ("序号", "工作任务", "牵头单位", "完成时限", "（一）", "1", "开展农村宅基地专项清理整治。", "县自然资源局", "2024年6月底前",
             "2", "推进耕地保护田长制。", "县农业农村局", "全年")
    tasks = _tasks("某地重点任务分工表\n\n" + "\n\n".join(cells) + "\n")
    hits = [t for t in tasks if t.text.startswith("开展农村宅基地")]
    assert len(hits) == 1 and hits[0].deadlines and hits[0].deadlines[0].text == "2024年6月底前", [t.text[:10] for t in tasks]
