"""A part heading longer than 30 characters (五、深入推进“标准化+负面清单”管理模式改革创新试点工作打造全省一流营商环境) is
still a part when the numbering proves it: the numeral is the next one after the part being read (四 → 五), the line
holds no sentence mark (no ，。；), and the next line opens the part's items or sections (1. / （一）).  Before, it was a
paragraph of part 四 (四3) and the items under it were labelled 四4, 四5 — items of another part.  A long 五、 paragraph
(a sentence with commas) or one whose numeral does not follow stays as it was.  Rows written before the code (docs3 s16)."""

import pytest

from kb.parser import parse_document

HEAD = ("某某县优化营商环境实施方案\n一、总体要求\n到2025年，营商环境进入全省前列。\n二、重点任务\n"
        "（一）深化“放管服”改革。（县政务服务中心牵头）\n三、推进市场准入改革\n"
        "1.推进“证照分离”改革全覆盖。（县市场监管局牵头）\n")
ITEMS = "1.制定标准化工作指引。（县市场监管局牵头）\n2.建立负面清单动态调整机制。（县发展改革局牵头）\n"

# (the line after part 三's items, then ITEMS: expected parts numerals, labels of the last two tasks, why)
CASES = [
    ("四、深入推进“标准化+负面清单”管理模式改革创新试点工作打造全省一流营商环境\n", ["一", "二", "三", "四"], ["四1", "四2"],
     "县: a 37-character heading, numeral next after 三, items under it"),
    ("四、全面推进市级政务服务事项标准化规范化便利化改革工作走在全省前列\n", ["一", "二", "三", "四"], ["四1", "四2"],
     "市: 33 characters, no quote marks"),
    ("（一）推进标准化试点工作打造全省一流营商环境示范区域建设的有关工作\n", ["一", "二", "三"], ["三（一）1", "三（一）2"],
     "a long （一） line is a section as before (no change to sections)"),
    ("五、深入推进“标准化+负面清单”管理模式改革创新试点工作打造全省一流营商环境\n", ["一", "二", "三"], ["三3", "三4"],
     "numeral 五 after 三 (四 skipped): nothing proves a part — unchanged"),
    ("四、推进标准化工作，制定标准化工作指引，建立负面清单动态调整机制，打造一流环境\n", ["一", "二", "三"], ["三3", "三4"],
     "a 四、 sentence with commas is a paragraph, not a heading — unchanged"),
]


@pytest.mark.parametrize("line, numerals, labels, why", CASES, ids=[c[3][:40] for c in CASES])
def test_long_part_heading(line, numerals, labels, why):
    doc, tasks = parse_document(HEAD + line + ITEMS, "p")
    assert [n for n, _ in doc.parts] == numerals, why
    assert [t.label for t in tasks][-2:] == labels, why
