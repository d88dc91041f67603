"""kb.qa.executors._held_runs: how many characters of an asked word a text holds in runs of 2+ — anywhere (the plan's
mentions: does the plan write the word at all) or in the word's order (is a paragraph about it).  One function since
session 10 (it was two near-twins, ``_held_runs`` and ``_held_in_order``); counted by hand."""

from __future__ import annotations

import pytest

from kb.qa.executors import _held_runs

# (word, text, in_order, held, why)
ROWS = [
    ("停车位", "新建公共停车泊位1200个", True, 2, "停车 then 位 alone: a single character is no run"),
    ("停车位", "新建公共停车泊位1200个", False, 2, "anywhere: the same runs"),
    ("新增公办学位", "新增中小学、幼儿园公办学位6800个", True, 6, "新增 then 公办学位, gaps allowed"),
    ("学位公办", "新增中小学、幼儿园公办学位6800个", True, 2, "公办 stands before 学位: in order only one run counts"),
    ("学位公办", "新增中小学、幼儿园公办学位6800个", False, 4, "anywhere: both runs count"),
    ("空气质量预报", "提高空气质量预警预报能力", True, 5,
     "the longest run first: 空气质量预 (of 预警), then 报 alone is no run — not 空气质量 + 预报"),
    ("对虾基地", "南美白对虾工厂化循环水养殖基地", True, 4, "对虾 … 基地"),
    ("垃圾分类", "焚烧生活垃圾，无组织排放分类整治", False, 4, "垃圾 and 分类 both written, apart"),
    ("垃圾分类", "分类整治，焚烧生活垃圾", True, 2, "分类 before 垃圾: in order, 垃圾 only"),
    ("海绵", "海", True, 0, "nothing of two characters"),
    ("", "任何文字", False, 0, "an empty word holds nothing"),
]


@pytest.mark.parametrize("word,text,in_order,held,why", ROWS, ids=[f"{r[0]}|{r[2]}" for r in ROWS])
def test_held_runs(word, text, in_order, held, why):
    assert _held_runs(word, text, in_order=in_order) == held, why
