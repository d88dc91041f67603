"""A page-continuation mark a PDF or a scan's conversion leaves where a page breaks (``[接上页]``, ``（续上页）``, ``续表``
alone on its line) is page chrome, no words of the plan: it was left inside a task's text (tagsblind12, seen not scored).
Only the mark bracketed, or alone on its line, is dropped — the same characters inside a sentence (继续表彰) stay.
Rows written by hand before the code."""

import pytest

from kb.parser.cleanup import clean_paragraphs

# (lines, expected paragraphs of the body, why)
ROWS = [
    (["1.实施项目攻坚行动，全年完成投资", "[接上页]50亿元。（县发展改革委牵头）"],
     ["1.实施项目攻坚行动，全年完成投资50亿元。（县发展改革委牵头）"], "a bracketed mark opening the next page's line"),
    (["1.推进老旧小区改造。（区住房城乡建设委牵头）", "（续上页）", "2.建设口袋公园。（区绿化市容局负责）"],
     ["1.推进老旧小区改造。（区住房城乡建设委牵头）", "2.建设口袋公园。（区绿化市容局负责）"], "a mark alone on its line"),
    (["1.推进老旧小区改造。（区住房城乡建设委牵头）", "续表", "2.建设口袋公园。（区绿化市容局负责）"],
     ["1.推进老旧小区改造。（区住房城乡建设委牵头）", "2.建设口袋公园。（区绿化市容局负责）"], "续表 alone on its line"),
    (["1.开展先进典型评选，继续表彰一批优秀企业。（市工商联牵头）"],
     ["1.开展先进典型评选，继续表彰一批优秀企业。（市工商联牵头）"], "control: 续表 inside 继续表彰 stays"),
]


@pytest.mark.parametrize("lines, expected, why", ROWS, ids=[r[2][:24] for r in ROWS])
def test_page_continuation_marks(lines, expected, why):
    text = "某地2024年重点工作任务分工方案\n一、重点任务\n" + "\n".join(lines) + "\n二、保障措施\n"
    paragraphs = clean_paragraphs(text)
    assert paragraphs[paragraphs.index("一、重点任务") + 1 : paragraphs.index("二、保障措施")] == expected, why
