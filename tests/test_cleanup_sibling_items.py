"""A short numbered title line with no final 。 is never glued onto the NEXT item (kb.parser.cleanup.continues).

A line with no end is joined to the next as a fragment of one paragraph (text copied out of a PDF).  An item written as
a title line alone (``（1）扩大有效投资``) has no end either, and when the next line opens the next item of the same
numbering (``（2）促进消费升级…``) the two were glued into one paragraph: the first item vanished into the second, whose
tag then covered both (tagsblind11, routed to labels4).  ``1.``/``一、``/``（一）`` items were already kept apart
(``is_heading``); the other markers of the genre were not: ``（1）`` ``1）`` ``①`` ``一是`` ``一）``.  Two lines opening
with markers of one style whose numbers follow (n, n+1) are two items.

The plans are written by hand for this test; the expectations were written before the code.
"""

import pytest

from kb.parser.cleanup import clean_paragraphs

# (lines, paragraphs expected, why)
ROWS = [
    (["（1）扩大有效投资", "（2）促进消费升级，开展促消费活动100场。（县商务局牵头）"], 2,
     "（1） title alone, （2） the next item: two items"),
    (["1）扩大有效投资", "2）促进消费升级，开展促消费活动100场。（县商务局牵头）"], 2, "1） 2）: two items"),
    (["1)扩大有效投资", "2)促进消费升级。(市商务局牵头)"], 2, "ASCII brackets"),
    (["①扩大有效投资", "②促进消费升级，开展促消费活动100场。"], 2, "circled numbers"),
    (["一是扩大有效投资", "二是促进消费升级，开展促消费活动100场。"], 2, "一是 二是"),
    (["一）扩大有效投资", "二）促进消费升级。"], 2, "一） 二）"),
    (["（9）优化营商环境", "（10）深化放管服改革，压缩审批时限。"], 2, "9 then 10: numbers follow"),
    (["（1）扩大有效投资，实施重大项目", "200个，完成投资50亿元。"], 1, "control: a wrapped sentence is one paragraph"),
    (["（1）扩大有效投资", "实施重大项目200个。"], 1, "control: a title line and its body with no marker: one paragraph, as before"),
    (["（1）扩大有效投资", "（3）稳定外贸外资。"], 1, "control: numbers that do not follow prove nothing (as before)"),
    (["（1）扩大有效投资", "2）促进消费升级。"], 1, "control: markers of two styles prove nothing (as before)"),
    (["主要包括（1）扩大有效投资", "（2）促进消费升级。"], 1, "control: the first marker inside a sentence opens no item line"),
]


@pytest.mark.parametrize("lines, count, why", ROWS, ids=[r[2][:30] for r in ROWS])
def test_sibling_items(lines, count, why):
    text = "某县2024年重点工作任务分工方案\n一、重点任务\n（一）稳定经济增长\n" + "\n".join(lines) + "\n二、保障措施\n"
    paragraphs = clean_paragraphs(text)
    body = paragraphs[paragraphs.index("（一）稳定经济增长") + 1 : paragraphs.index("二、保障措施")]
    assert len(body) == count, (why, body)
