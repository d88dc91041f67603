"""A count and a list of the same selection come from one selection (kb.qa.exec_items.section_answer): for every part
and section of several fixture plans answered as a section both ways, 「X有几项」 states the number of items 「X有哪些」
lists, and the two answers hold the same items.  Before, a count left out a part's unnumbered lead-in paragraph (plan 25 静安: 二、重点任务's 聚焦区域，
分类梳理，开展静安更新六大“卓越行动”：) that the list gave: 重点任务有几项 said 18, 重点任务有哪些 listed 19."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

PLANS = Path(__file__).parent / "fixtures" / "plans"
FILES = ["25_jingan_chengshigengxin_2023.txt", "22_huangpu_kezaishengnengyuan_2025.txt",
         "21_songjiang_chengshigengxin_2025.txt", "61_shanghai_jiaotong_guangfu_2023.txt",
         "23_baoshan_lajifenlei_2019.txt", "89_guangzhou_jiatingyisheng_2023.txt"]

_STATED = re.compile(r"共 (\d+) [项条行]")


def _plan(name: str) -> Plan:
    doc, tasks = parse_document((PLANS / name).read_text(encoding="utf-8"), name[:2], name)
    return Plan([doc], tasks)


@pytest.mark.parametrize("name", FILES)
def test_count_and_list_agree(name):
    plan = _plan(name)
    doc = plan.documents[0]
    titles = [t for _, t in doc.parts] + [t for _, t in doc.sections]
    titles = [t for t in titles if t and len(t) >= 4 and titles.count(t) == 1]
    compared, differ = 0, []
    for title in titles:
        count = Session(plan=plan).ask(f"{title}有几项")
        listing = Session(plan=plan).ask(f"{title}有哪些")
        if count.intent != "section_count" or listing.intent != "section_tasks":
            continue  # (an outline answer — 总体要求有哪些 shows its sections with their paragraphs — is another selection)
        m = _STATED.search(count.text)
        if not m or not listing.tasks:
            continue
        compared += 1
        if int(m.group(1)) != len(listing.tasks) or [t.id for t in count.tasks] != [t.id for t in listing.tasks]:
            differ.append((title, m.group(1), len(listing.tasks), count.text[:80], listing.text[:80]))
    assert not differ, differ
    assert compared >= 3, f"{name}: only {compared} parts/sections answered both ways"


def test_jingan_key_tasks():
    """The row of the brief, by hand: 二、重点任务 has 18 numbered items under （一）–（六） and one lead-in paragraph."""
    plan = _plan("25_jingan_chengshigengxin_2023.txt")
    count, listing = Session(plan=plan).ask("重点任务有几项"), Session(plan=plan).ask("重点任务有哪些")
    assert "共 18 项" in count.text and "共 18 项" in listing.text, (count.text[:60], listing.text[:60])
    assert len(listing.tasks) == 18 and "另有 1 段没有编号" in listing.text, listing.text


#: (question, status, words the answer holds, why) on plan 21 (松江 2025: parts 一、行动任务 and 二、工作保障 only) — written
#: before the code: a count of an overview part (总体要求, 保障措施 …: intents.yaml overview) is that part's count, as its
#: list is that part — never the plan's task total (was 方案的任务（带责任单位的条目）共 22 项 for every one of them).
OVERVIEW_COUNTS = [
    ("总体要求有几项", "not_in_plan", ["总体要求"], "no such part: said so, as 总体要求有哪些 says"),
    ("基本原则有几条", "not_in_plan", ["基本原则"], "the same"),
    ("保障措施有几项", "answered", ["二、工作保障共"], "the part of that kind (工作保障), counted as its list shows it"),
]


@pytest.mark.parametrize("question,status,words,why", OVERVIEW_COUNTS, ids=[r[0] for r in OVERVIEW_COUNTS])
def test_overview_count_is_that_part(question, status, words, why):
    plan = _plan("21_songjiang_chengshigengxin_2025.txt")
    answer = Session(plan=plan).ask(question)
    assert answer.status == status and "带责任单位的条目" not in answer.text, f"{why} | kb: {answer.text}"
    for w in words:
        assert w in answer.text, f"{why}: {w} | kb: {answer.text}"
