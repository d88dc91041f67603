"""`主办` / `协办` as role words (ROUTED session 15, tagsblind11 prose6 a/b): `（A主办，B协办）` → A lead, B support (主办 was
no role word: everyone support and 主办 glued into a name — `市文明办主办` as a unit, a confident wrong answer); the prose
`由X主办，Y协办` as `由X承办，Y协办` (the unit the others of the statement support leads).  Rows written before the code;
levels varied."""

from __future__ import annotations

import pytest

from kb.model import ROLES
from kb.parser import parse_document


def _roles(task) -> dict:
    return {k: getattr(task, k) for k in ROLES if getattr(task, k)}


ROWS = [
    ("1.开展志愿服务活动。组织志愿者进社区开展服务。（市文明办主办，市团委、市民政局协办）",
     {"lead": ["市文明办"], "support": ["市团委", "市民政局"]}, "the routed tag form"),
    ("1.举办招聘会。每季度举办一次。（县人社局主办，县总工会协办）", {"lead": ["县人社局"], "support": ["县总工会"]}, "县 level"),
    ("1.举办读书节。（区文化旅游局主办）", {"lead": ["区文化旅游局"]}, "主办 alone: the unit that hosts leads"),
    ("1.举办论坛。此项工作由省商务厅主办，省贸促会协办。", {"lead": ["省商务厅"], "support": ["省贸促会"]},
     "由X主办，Y协办 in prose (as 由X承办，Y协办)"),
]


@pytest.mark.parametrize(("item", "expected", "why"), ROWS, ids=[r[2][:12] for r in ROWS])
def test_zhuban_xieban(item, expected, why):
    _, tasks = parse_document("某市2024年工作方案\n一、重点任务\n" + item + "\n", "z")
    assert _roles(tasks[-1]) == expected, why
