"""Part headings written without numerals (session 11, structure; holdout10 fx: 奉贤 2023 `总体要求` / `重点整治内容` /
`工作安排` / `工作要求` alone on their lines) are the plan's parts.

``kb.parser.cleanup.number_plain_headings``: in a text with no numbered part (`一、…`), two or more short lines standing
alone (a blank or a sentence end before them, a paragraph after), no punctuation, each ending in a heading word of
kb/data/structure.yaml (`要求`, `内容`, `安排`, `措施`, `目标`, `任务` …), are parts, numbered in order (kb's numerals,
cited `三（一）`).  Before, cleanup glued them to the next paragraph (`总体要求认真贯彻…`), the dated phases under 工作安排
stood under no part and `2023年9月底前要完成什么工作` answered 方案的任务都没有规定完成时限 — false.

Expected values written by hand before the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

OWN = "\n".join([
    "某区老旧小区改造工作方案", "",
    "为改善居民居住条件，制定本方案。", "",
    "工作目标", "",
    "到2025年底，完成全区老旧小区改造。", "",
    "主要任务", "",
    "（一）摸底排查。2024年3月底前，完成老旧小区摸底排查。", "",
    "（二）组织实施。2024年底前，完成首批改造。", "",
    "保障措施", "",
    "（一）加强领导。成立工作专班。", "",
    "某区住房和城乡建设管理委员会", "",
    "2023年12月1日", "",
]) + "\n"

NUMBERED = "\n".join([
    "某区老旧小区改造工作方案", "",
    "一、工作目标", "", "到2025年底，完成全区老旧小区改造。", "",
    "二、主要任务", "", "（一）摸底排查。2024年3月底前，完成老旧小区摸底排查。", "",
    "工作要求", "", "各街道要加强协调。", "",
]) + "\n"

ONE = "\n".join([
    "某区老旧小区改造工作方案", "", "为改善居民居住条件，制定本方案。", "",
    "工作目标", "", "到2025年底，完成全区老旧小区改造。", "",
]) + "\n"

FX = Path(__file__).parent / "fixtures" / "holdout10" / "fx_yanglao_ranqi_2023.txt"


#: (text, expected parts, why)
PARTS = [
    (OWN, [("一", "工作目标"), ("二", "主要任务"), ("三", "保障措施")],
     "three heading lines alone; the signature and date after the last part are no heading (no heading word)"),
    (FX.read_text(encoding="utf-8"), [("一", "总体要求"), ("二", "重点整治内容"), ("三", "工作安排"), ("四", "工作要求")],
     "奉贤 2023: four unnumbered parts after the cover notice"),
    (NUMBERED, [("一", "工作目标"), ("二", "主要任务")],
     "a plan numbering its parts: a plain line is left as it was (no numeral is invented beside written ones)"),
    (ONE, [], "one such line alone is no outline"),
]


@pytest.mark.parametrize("text,parts,why", PARTS, ids=[p[2][:40] for p in PARTS])
def test_plain_headings_are_parts(text, parts, why):
    doc, _ = parse_document(text, "p", "p.txt")
    assert doc.parts == parts, why


def test_labels_under_plain_parts():
    doc, tasks = parse_document(OWN, "p", "p.txt")
    labels = [t.label for t in tasks]
    assert {"一", "二（一）", "二（二）", "三（一）"} <= set(labels), labels


def test_fx_dated_phases_answer_a_date():
    """fx10 (holdout10): 2023年9月底前要完成什么工作 → the 集中攻坚阶段, never a claim that nothing has a deadline."""
    doc, tasks = parse_document(FX.read_text(encoding="utf-8"), "fx", "fx.txt")
    text = Session(plan=Plan([doc], tasks)).ask("2023年9月底前要完成什么工作").text
    assert "没有规定完成时限" not in text, text
    assert "集中攻坚阶段" in text, text
