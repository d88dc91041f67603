"""The words that caption an annex (附件, 附表, 附录: tables.yaml ``annex_words``) are one definition for the parser
(cleanup's caption lines, the body's end, the attachments list, table captions, the annexes registered) and the
questions (附表1有几项, 附录里有哪些).  Before, the parser took 附件 only for a prose annex and a table annex, so plan 61's
附表1 (a task table of 48 rows) was no annex: 附表1有几项 answered 方案中没有涉及“附表1”的条目 (a false refusal), and its
attachments list 附表：1.任务分工表 / 2.… / 3.… was read as items 三1–三3 of 三、保障措施 (保障措施有几项 said 3 while
第三部分有哪些 listed 6).

Expected values written by hand before the code: plan 61's 附表1 has 48 rows (序号1–48, README of
tests/fixtures/plans), 37 restating 15 body items (tests/test_annex_rows.py, the same table captioned 附件1);
三、保障措施 has three sections （一）–（三）."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.parser.structure import annex_caption
from kb.qa import Session

PLAN_61 = Path(__file__).parent / "fixtures" / "plans" / "61_shanghai_jiaotong_guangfu_2023.txt"


#: (line, (cite, title) or None, why)
CAPTIONS = [
    ("附件1", ("附件1", ""), "the caption everyone writes"),
    ("附表1", ("附表1", ""), "an annex that is a table: 附表 is a caption word as 附件 is"),
    ("附 表 2", ("附表2", ""), "spaces of a PDF copy inside the caption"),
    ("附录", ("附录", ""), "附录 alone captions an annex"),
    ("附录：名词解释", ("附录", "名词解释"), "with its title after a colon"),
    ("附件：示范场景", ("附件", "示范场景"), "control: unchanged"),
    ("详见附表1。", None, "a sentence mentioning an annex opens none"),
    ("附表所列任务由各区负责落实。", None, "a sentence that opens with the word"),
    ("附则", None, "附则 (closing rules of a regulation) is no annex word"),
    ("附近区域", None, "nor any word opening with 附"),
]


@pytest.mark.parametrize("line,expected,why", CAPTIONS, ids=[r[0] for r in CAPTIONS])
def test_annex_caption_words(line, expected, why):
    assert annex_caption(line) == expected, why


@pytest.fixture(scope="module")
def guangfu():
    doc, tasks = parse_document(PLAN_61.read_text(encoding="utf-8"), "gf", "gf.txt")
    return Plan([doc], tasks)


def test_plan_61_annex_is_registered(guangfu):
    doc = guangfu.documents[0]
    assert [c for c, _ in doc.annexes] == ["附表1"], doc.annexes
    # the attachments list (附表：1.任务分工表 2.… 3.…) is the closing's, never items of 三、保障措施
    assert [t.label for t in guangfu.tasks if t.part == "三"] == ["三（一）", "三（二）", "三（三）"]


#: (question, status, words the answer holds, number of items listed or None, why) on plan 61
QUESTIONS = [
    ("附表1有几项", "answered", ["共 48 行", "序号 48 个", "其中 37 行复述正文的 15 个条目"], 26,
     "the table annex counted as its rows: was 方案中没有涉及“附表1”的条目 (a false refusal)"),
    ("附表1有哪些", "answered", ["共 48 行"], 26, "the list and the count give the same items"),
    ("附表有几项", "answered", ["共 48 行"], 26, "附表 alone: the plan's one 附表"),
    ("附件有几项", "answered", ["共 48 行"], 26, "附件 alone is any annex: the plan's one annex is 附表1"),
    ("附表2有几项", "not_in_plan", [], 0, "no 附表2 (the list names one, its text is not in the file): no items"),
    ("附表1（一）-17由谁负责", "answered", ["市交通委", "市水务局", "各区政府"], 1,
     "a label kb shows typed back: the row 序号17 of 附表1 (市交通委、市水务局、各区政府 共同负责); was 0 tasks"),
    ("保障措施有几项", "answered", ["共 3 条"], 3, "三（一）–（三）"),
    ("第三部分有哪些", "answered", ["共 3 项"], 3, "the same three: the attachments list is no item"),
]


@pytest.mark.parametrize("question,status,words,n,why", QUESTIONS, ids=[r[0] for r in QUESTIONS])
def test_plan_61_annex_questions(guangfu, question, status, words, n, why):
    answer = Session(plan=guangfu).ask(question)
    assert answer.status == status, f"{why} | kb: {answer.text}"
    assert len(answer.tasks) == n, f"{why} | kb: {answer.text}"
    for w in words:
        assert w in answer.text, f"{why}: {w} | kb: {answer.text}"


APPENDIX_PLAN = """某市数据共享工作方案

一、工作目标

到2025年，建成全市统一的数据共享平台。

二、重点任务

（一）建设共享平台。建设全市数据共享平台。（牵头单位：市大数据局）

（二）完善目录。编制数据资源目录。（牵头单位：市大数据局，配合单位：市财政局）

附录

名词解释

1.数据共享：政务部门之间提供和使用数据的行为。

2.数据目录：按统一规则编制的数据资源清单。
"""


def test_appendix_is_an_annex():
    """A 附录 after the body closes it: its two numbered paragraphs are the annex's, not items of 二、重点任务."""
    doc, tasks = parse_document(APPENDIX_PLAN, "fl", "fl.txt")
    plan = Plan([doc], tasks)
    assert [c for c, _ in doc.annexes] == ["附录"], doc.annexes
    assert [t.label for t in tasks if t.part == "二"] == ["二（一）", "二（二）"]
    answer = Session(plan=plan).ask("重点任务有几项")
    assert "共 2" in answer.text, answer.text
    answer = Session(plan=plan).ask("附录里有哪些")
    assert answer.status == "answered" and len(answer.tasks) == 2, answer.text
