"""Every count of a plan's numbered items with the rows a 任务分工表 writes them over is said through one table of forms
(answers.yaml ``item_count``, kb.duties.count_said): kb duties, the exports' headings, 任务数 lines, matrix cells and 落实
notes, the TUI's duty view and export dialog (review s12 item 3: nine such wordings were written in code).  The forms
keep the wording each place said before; rows written by hand."""

from __future__ import annotations

import pytest

from kb.duties import count_said

#: (items, rows, form, fields, said, why)
ROWS = [
    (8, 8, "with_rows", {}, "8 项", "as many rows as items: the items alone"),
    (13, 21, "with_rows", {}, "13 项（21 行）", "kb duties, kb ask"),
    (13, 21, "with_rows_inline", {}, "13 项，21 行", "inside brackets already: the TUI's group titles, export dialog"),
    (8, 8, "with_rows_inline", {}, "8 项", "its bare form"),
    (13, 21, "group_rows", {"label": "牵头"}, "牵头（13 项，任务分工表中 21 行）", "a duty list export's group heading"),
    (8, 8, "group_rows", {"label": "配合"}, "配合（8 项）", "… without rows"),
    (13, 21, "cell_rows", {}, "13（21 行）", "a matrix count cell"),
    (8, 8, "cell_rows", {}, "8", "a bare number"),
    (64, 70, "rows_after", {}, "（任务分工表中 70 行）", "after a count said apart: the TUI header, 落实 notes"),
    (64, 64, "rows_after", {}, "", "a form that only says the rows says nothing without them"),
    (23, 37, "duty_rows_after", {}, "（任务分工表中 37 行，同一序号的各行相邻列出）", "a duty list's 任务数"),
    (24, 39, "table_rows_after", {}, "（本表 39 行：同一序号的各行及其复述的正文段落计一项）", "the division table's 任务数"),
]


@pytest.mark.parametrize("items,rows,form,fields,said,why", ROWS, ids=[r[5] for r in ROWS])
def test_count_forms(items, rows, form, fields, said, why):
    assert count_said(items, rows, form, **fields) == said, why


def test_forms_are_data(monkeypatch):
    """The words come from answers.yaml: another wording there is what every place says."""
    import kb.duties as duties

    words = dict(duties.count_words(), with_rows="{items} 项（表中 {rows} 行）")
    monkeypatch.setattr(duties, "count_words", lambda: words)
    assert count_said(13, 21) == "13 项（表中 21 行）"
