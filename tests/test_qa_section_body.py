"""A section listed whose one paragraph is the section itself (its title the section's title: （二）基本原则 over 坚持规划
引领、…六大原则) shows that paragraph's words: the label and title again tell nothing (kb.qa.exec_items.section_answer).
Before, 基本原则包括哪些 on plan 25 answered “一（二）基本原则”下的条目共 1 项：1. 一（二） 基本原则 — the principles unsaid.

Expected answers written before the code."""

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

TEXT = """某区城市更新行动方案
一、总体要求
（一）总体目标
到2025年，城市更新工作稳步推进。
（二）基本原则
坚持规划引领、试点先行；区域统筹、整体推进。
二、重点任务
（一）推进旧区改造
1.全面完成零星旧里改造。
2.推进小梁薄板房屋改造。
"""

#: (plan, question, words the answer holds, why)
ROWS = [
    ("hand", "基本原则包括哪些", ["规划引领、试点先行", "区域统筹、整体推进"], "the section's one paragraph is the section: its words"),
    ("hand", "推进旧区改造包括哪些", ["全面完成零星旧里改造", "推进小梁薄板房屋改造"],
     "control: two items of their own, each by its head as before"),
    ("jingan", "基本原则包括哪些", ["规划引领、试点先行", "政府引导、共建共享"], "plan 25's 一（二）基本原则"),
]


def _plan(which):
    if which == "hand":
        text = TEXT
    else:
        text = (Path(__file__).parent / "fixtures" / "plans" / "25_jingan_chengshigengxin_2023.txt").read_text(encoding="utf-8")
    doc, tasks = parse_document(text, which)
    return Plan([doc], tasks)


@pytest.mark.parametrize("which,question,held,why", ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_section_paragraph_words_shown(which, question, held, why):
    answer = Session(plan=_plan(which)).ask(question)
    assert answer.status == "answered", f"{why} | kb: {answer.text}"
    for w in held:
        assert w in answer.text, f"{why} | kb: {answer.text}"
