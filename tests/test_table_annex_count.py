"""A plan whose annex is a task table (fixture 63, 大竹 2016: the notice, then 附件 2016年民生实事目标任务分解表 flattened
one cell a paragraph): the table is the plan's annex (Document.annexes), so 附件有几项 counts its 10 items (序号 1–10;
row 5 holds two rows under one 序号) — it once said the plan had no annex (closing note s15, #11 item 2).  Fixed on
main by cb68fef (s15); this pins it with the figures counted by hand."""

from __future__ import annotations

from pathlib import Path

from kb.model import Plan
from kb.parser.core import parse_document
from kb.qa import Session

PLAN = Path(__file__).parent / "fixtures/plans/63_dazhu_minshengshishi_2016.txt"


def test_the_table_annex_is_counted():
    doc, tasks = parse_document(PLAN.read_text(encoding="utf-8"), "p")
    rows = [t for t in tasks if t.label.startswith("附件-")]
    assert len(rows) == 11 and len({t.item for t in rows}) == 10, [t.label for t in rows]
    answer = Session(plan=Plan([doc], tasks), strict=True).ask("附件有几项")
    assert "共 10 项" in answer.text and "没有附件" not in answer.text, answer.text
