"""A numbered title line with no final 。 (``1. 约束性指标的责任部门``, ``2.加强组织领导``) is no first half of a wrapped
sentence (kb.parser.cleanup.continues): glued onto the next line it became ``1.约束性指标的责任部门单位地区生产总值…``
— the heading vanished into the first of the items it heads, whose text then opened with it (tagsblind11 cause 5,
江苏 2006: 3 items unfound).  A wrapped line is as wide as the lines after it and often cut mid-phrase; a title line
is short, holds no sentence mark and no modal, ends on a whole phrase (not on 的/和/对 or a verb awaiting its object),
and the line after it is wider and a whole statement closed by its tag.  Proved by that shape, the two lines are two
paragraphs; anything else joins as before.

The lines are written by hand for this test, at several levels and in several wordings; the expectations were
written before the code."""

import pytest

from kb.parser.cleanup import clean_paragraphs

# (lines, paragraphs expected, why)
ROWS = [
    (["1. 约束性指标的责任部门", "单位地区生产总值能源消耗力争降低20%左右。(省经贸委牵头)"], 2,
     "省: a title line with a space after 1., then a tagged sentence (the routed form)"),
    (["2.建立约束性指标公报制度", "每年定期公布全市和各区耕地保有量情况。（市规划资源局、市统计局负责）"], 2,
     "市: a verb-object title"),
    (["3、强化资金保障", "加大财政投入，确保各项任务顺利实施。（区财政局负责）"], 2, "区: 3、 marker"),
    (["1.加强组织领导", "成立由县长任组长的工作专班，统筹推进全县各项工作。"], 1,
     "县: a title over an UNTAGGED body stays joined as before — split, the title was a paragraph without its body and "
     "the body lost the item's number (review of the first version on 普陀 海绵 2025, 杨浦 2024: 60 records moved)"),
    (["1、县城污水处理厂扩建事宜", "由县住房城乡建设局负责，县财政局配合，年底前完成。"], 1,
     "县: 1、…事宜 / 由X负责… is ONE sentence cut by a line break (兰州 2009's form): never split"),
    # ---- controls: joined as before
    (["1.各区要按照本方案要求，结合本区实际制定", "具体实施方案，明确责任分工。"], 1, "a comma: a wrapped sentence"),
    (["1.各区要抓紧制定本区实施方案并报市政府", "备案，明确责任分工和时间节点。"], 1, "a modal (要): a sentence, not a title"),
    (["1.加快推进全市老旧小区改造和", "加装电梯工作。"], 1, "ends on 和: cut mid-phrase"),
    (["1.进一步加强", "全市农村公路养护管理，完善管养机制。"], 1, "ends on a verb awaiting its object"),
    (["1.推进城乡供水一体化建设实施农村供水", "保障工程。"], 1, "the next line is shorter: a wrap at the width"),
]


@pytest.mark.parametrize("lines, count, why", ROWS, ids=[r[2][:30] for r in ROWS])
def test_numbered_title_lines(lines, count, why):
    text = "某地2024年重点工作任务分工方案\n一、重点任务\n（一）稳定经济增长\n" + "\n".join(lines) + "\n二、保障措施\n"
    paragraphs = clean_paragraphs(text)
    body = paragraphs[paragraphs.index("（一）稳定经济增长") + 1 : paragraphs.index("二、保障措施")]
    assert len(body) == count, (why, body)
