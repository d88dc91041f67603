"""Chinese line breaking (kb/linebreak.py): table of texts, widths and the lines expected, with why."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.linebreak import count_lines, display_width, line_breaks, wrap

WRAP_ROWS = [
    # text, width (cells), lines, why
    ("不低于85%", 8, ["不低于", "85%"], "a percent stays with its number (not 不低于8 / 5%)"),
    ("到2020年完成", 7, ["到", "2020年", "完成"], "a year stays with 年 (not 到202 / 0年)"),
    ("下降19.5%以上", 10, ["下降19.5%", "以上"], "a decimal number is one piece with its %"),
    ("市公安局、市商务局", 8, ["市公安", "局、市商", "务局"], "、 never starts a line: the character before it goes down with it"),
    ("加强管理；完善制度", 8, ["加强管", "理；完善", "制度"], "； never starts a line"),
    ("（市公安局配合）", 10, ["（市公安局", "配合）"], "） never starts a line"),
    ("前往（市局）", 4, ["前往", "（市", "局）"], "（ never ends a line, ） never starts one"),
    ("推进PM2.5治理", 8, ["推进", "PM2.5治", "理"], "a Latin-digit word is never broken"),
    ("削减VOCs排放", 5, ["削减", "VOCs", "排放"], "VOCs stays whole"),
    ("指标≥27.9%", 7, ["指标", "≥27.9%"], "a comparator never ends a line"),
    ("新增10蒸吨/小时锅炉", 12, ["新增", "10蒸吨/小时", "锅炉"], "a number keeps its longest unit (蒸吨/小时)"),
    ("甲乙丙丁", 4, ["甲乙", "丙丁"], "CJK breaks anywhere else"),
    ("abc def", 4, ["abc ", "def"], "Latin words break at spaces"),
    ("a" * 10, 4, ["aaaa", "aaaa", "aa"], "a word wider than the line is cut"),
    ("一\n二三", 10, ["一", "二三"], "new lines are kept"),
    ("", 5, [""], "an empty text is one empty line"),
]


@pytest.mark.parametrize("text, width, lines, why", WRAP_ROWS, ids=[r[3][:30] for r in WRAP_ROWS])
def test_wrap(text, width, lines, why):
    assert wrap(text, width) == lines, why


def test_display_width_counts_cjk_as_two():
    assert display_width("PM2.5") == 5
    assert display_width("细颗粒物") == 8
    assert display_width("（） ") == 5


def test_count_lines():
    assert count_lines("甲乙丙丁", 4) == 2
    assert count_lines("甲\n乙", 10) == 2
    assert count_lines("", 10) == 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["甲", "乙丙", "丁、", "戊；", "（己）", "“庚”", "85%", "2020年", "PM2.5", "19.5%。", "a b"]), max_size=30).map("".join),
    st.integers(min_value=10, max_value=40),
)
def test_wrap_loses_nothing_and_respects_the_rules(text, width):
    lines = wrap(text, width)
    assert "".join(lines) == text  # no character lost or added
    starts = line_breaks(text, width)
    assert starts[0] == 0 and starts == sorted(set(starts))
    for line in lines[1:]:
        if line:
            assert line[0] not in "、，。；）”%", f"{line!r} starts with closing punctuation"
    for line in lines[:-1]:
        if line:
            assert line[-1] not in "（“", f"{line!r} ends with opening punctuation"
