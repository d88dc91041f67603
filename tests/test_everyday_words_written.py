"""Everyday words (kb/data/shapes.yaml ``everyday``: 放鞭炮 → 燃放烟花爆竹) are replaced by the plan's words only when the
plan does not write the everyday word itself: a plan writing 自来水 is asked about 自来水, not about 供水 (replaced, the
question 农村自来水普及率要提高到多少 matched 供水管道 3000公里 — a confident wrong found by values5, session 17).
Plans written for this test; expected answers counted from them by hand."""

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

WRITES_TAP_WATER = """某省城乡供水保障行动方案
一、主要目标
到2026年，全省累计新建改造5000公里供水管道，农村自来水普及率达到95%以上。
二、重点任务
（一）建设供水管道。新建供水管道3000公里。（省水利厅牵头，省财政厅配合）
（二）提升农村供水保障。农村自来水普及率达到95%以上。（省水利厅负责）
"""

NO_TAP_WATER = """某县供水保障工作方案
一、重点任务
（一）改造供水管道。2025年底前改造老旧供水管道120公里。（县水务局牵头，县财政局配合）
（二）燃放烟花爆竹管理。城区全年禁止燃放烟花爆竹。（县公安局负责）
"""


def _session(text):
    doc, tasks = parse_document(text, "p", "p.txt")
    return Session(plan=Plan([doc], tasks), strict=True)


@pytest.mark.parametrize("text, question, normalised_has, normalised_not, why", [
    (WRITES_TAP_WATER, "农村自来水普及率要提高到多少", "自来水", "供水普", "the plan writes 自来水: kept"),
    (NO_TAP_WATER, "自来水管改造多少公里", "供水管道", "自来水", "the plan never writes 自来水(管): the plan's word"),
    (NO_TAP_WATER, "过年放鞭炮谁管", "燃放烟花爆竹", "放鞭炮", "the plan never writes 放鞭炮: replaced"),
])
def test_normalise(text, question, normalised_has, normalised_not, why):
    got = _session(text).normalise(question)
    assert normalised_has in got and normalised_not not in got, (why, got)


@pytest.mark.parametrize("text, question, has, has_not, why", [
    (WRITES_TAP_WATER, "农村自来水普及率要提高到多少", "95%", "3000公里", "the asked share, not the pipe length"),
    (NO_TAP_WATER, "自来水管改造多少公里", "120公里", None, "the everyday word still reaches the plan's 供水管道"),
    (NO_TAP_WATER, "过年放鞭炮谁管", "县公安局", None, "control: the everyday mapping still works"),
])
def test_answers(text, question, has, has_not, why):
    answer = _session(text).ask(question).text
    assert has in answer, (why, answer)
    assert has_not is None or has_not not in answer, (why, answer)
