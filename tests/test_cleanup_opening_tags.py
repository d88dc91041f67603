"""A tag that OPENS a line closes the item above; the next item after it on the line is an item of its own
(kb.parser.cleanup.split_items_after_tags).

A page that lost a line break puts an item's tag at the start of the next item's line: ``（牵头单位：区发展改革委；配合单位：
区财政局）2.促进消费升级。…``.  A labelled tag there made the whole line a label line: the next item's text was read as
the item above's label values and vanished, and the label block after it gave item 1 item 2's lead — a confident wrong
answer (tagsblind11, routed to labels4: a phantom / lost task).  The tag is cut off the line and stands as a tag on a
line of its own (it closes the item above, core.rule_split_at_tags), the item after it opens its own paragraph.

The plans are written by hand for this test (区 labelled brackets, 县 verb brackets, sub-items); the expectations were
written before the code.
"""

import pytest

from kb.parser import parse_document

LABELLED = """某区2024年重点工作任务分工方案
一、重点任务
1.扩大有效投资。实施重大项目200个。
（牵头单位：区发展改革委；配合单位：区财政局）2.促进消费升级。开展促消费活动100场。
（牵头单位：区商务局）
3.稳定外贸外资。推动外贸企业拓市场。
二、保障措施
"""

VERB = """某县2024年重点工作任务分工方案
一、重点任务
（一）稳定经济增长
1.扩大有效投资，实施重大项目200个
（县发展改革局牵头，县财政局配合）2.促进消费升级，开展促消费活动100场
（县商务局牵头）（3）稳定外贸外资，推动外贸企业拓市场。
二、保障措施
"""

SUB = """某市2024年重点工作任务分工方案
一、重点任务
1.稳定经济增长。
（1）扩大有效投资，实施重大项目200个。
〔市发展改革委牵头〕（2）促进消费升级，开展促消费活动100场。〔市商务局牵头，市财政局配合〕
二、保障措施
"""

CONTROL = """某市2024年重点工作任务分工方案
一、重点任务
1.扩大有效投资。实施重大项目200个。
（市发展改革委牵头，市财政局配合）加强项目调度，开展项目观摩。（市重点项目中心牵头）
2.（试行）促进消费升级。开展促消费活动100场。（市商务局牵头）
二、保障措施
"""

PLANS = {"labelled": LABELLED, "verb": VERB, "sub": SUB, "control": CONTROL}


def _roles(task) -> dict[str, list[str]]:
    return {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)}


# (plan, the task's first words, its roles, why) — by hand, before the code.
ROWS = [
    ("labelled", "1.扩大有效投资", {"lead": ["区发展改革委"], "support": ["区财政局"]},
     "the labelled tag opening line 2 is item 1's (was: lead 区商务局, item 2's)"),
    ("labelled", "2.促进消费升级", {"lead": ["区商务局"]}, "item 2 is a task of its own, its label line below it"),
    ("labelled", "3.稳定外贸外资", {}, "item 3 has no tag: no roles"),
    ("verb", "1.扩大有效投资", {"lead": ["县发展改革局"], "support": ["县财政局"]}, "a verb tag opening the next line"),
    ("verb", "2.促进消费升级", {"lead": ["县商务局"]}, "item 2 keeps its own tag"),
    ("sub", "（1）扩大有效投资", {"lead": ["市发展改革委"]}, "〔〕 tag opening a sub-item's line"),
    ("sub", "（2）促进消费升级", {"lead": ["市商务局"], "support": ["市财政局"]}, "the sub-item keeps its own tag"),
    ("control", "1.扩大有效投资", {"lead": ["市发展改革委"], "support": ["市财政局"]},
     "control: an opening tag followed by text that opens no item (as before)"),
    ("control", "加强项目调度", {"lead": ["市重点项目中心"]}, "control"),
    ("control", "2.（试行）促进消费升级", {"lead": ["市商务局"]}, "control: a bracket that is no tag"),
]


@pytest.mark.parametrize("which, start, roles, why", ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_opening_tags(which, start, roles, why):
    doc, tasks = parse_document(PLANS[which], which)
    task = next((t for t in tasks if t.text.startswith(start)), None)
    assert task is not None, (why, [t.text[:20] for t in tasks])
    assert _roles(task) == roles, why
