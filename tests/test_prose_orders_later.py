"""A later sentence of a tagged item that divides EXACTLY the units its 责任单位 line lists (ROUTED s17 (3): ``…。由X牵头，
Y、Z等部门配合，2024年底前完成。`` / ``由X牵头，会同Y、Z等部门于…完成`` over ``责任单位：X、Y、Z``) orders them: X leads,
Y and Z support.  Before, only the item's opening sentence was read (a later 会同 orders one step of the work: 黄浦 2025
…，区发展改革委会同有关单位督促推进…) and the three stayed shared.  A later sentence naming only some of the units, or a
vague group, still orders nothing.  Session 17, prose8; rows written by hand before the code (省/市/县/区)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: getattr(t, k) for k in KEYS if getattr(t, k)}


ROWS = [
    ("某县2024年交通综合治理实施方案",
     "1.实施治堵综合整治工程。开展城区道路拥堵点治理。由县公安局牵头，县交通运输局、县住建局等部门配合，2024年底前完成。\n"
     "责任单位：县公安局、县交通运输局、县住建局\n",
     {"lead": ["县公安局"], "support": ["县交通运输局", "县住建局"]}, "由X牵头，Y、Z等部门配合 in a later sentence, same units"),
    ("某市2024年停车设施建设方案",
     "1.推进停车场建设。新建公共停车场5处。由市住建委牵头，会同市规划资源局、市财政局等部门于2024年10月底前完成。\n"
     "责任单位：市住建委、市规划资源局、市财政局\n",
     {"lead": ["市住建委"], "support": ["市规划资源局", "市财政局"]}, "由X牵头，会同Y、Z等部门于…完成"),
    ("某区2024年营商环境工作方案",
     "1.优化企业开办。压缩开办时间。由区市场监管局牵头，区税务局配合。\n责任单位：区市场监管局、区税务局\n",
     {"lead": ["区市场监管局"], "support": ["区税务局"]}, "区: two units"),
    # ---- awkward rows: nothing moves
    ("某区2025年可再生能源工作方案",
     "1.推进光伏建设。新增装机10万千瓦。区发展改革委会同有关单位督促推进项目建设。\n责任单位：区发展改革委、区财政局\n",
     {"shared": ["区发展改革委", "区财政局"]}, "a later 会同 of a vague group: one step, not the division (黄浦 2025)"),
    ("某省2024年道路治理方案",
     "1.开展道路整治。整治拥堵路段。由省公安厅牵头，省交通运输厅配合开展夜查。\n责任单位：省公安厅、省交通运输厅、省住房城乡建设厅\n",
     {"shared": ["省公安厅", "省交通运输厅", "省住房城乡建设厅"]}, "the later sentence names only two of the three units: a step"),
]


@pytest.mark.parametrize(("title", "body", "expected", "why"), ROWS, ids=[r[3][:30] for r in ROWS])
def test_later_sentence_orders_the_tag(title, body, expected, why):
    _, tasks = parse_document(f"{title}\n一、重点任务\n{body}2.加强宣传。开展宣传活动。\n责任单位：{body.split('：')[1].split('、')[0]}\n", "p")
    assert _roles(tasks[0]) == expected, why
