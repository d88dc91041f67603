"""Carry-forward notes naming a ROLE for every later item (session 16, labels5; ROUTED (l)).

``以下均需相关乡镇配合，不再列出`` is A5's ``以下均需X落实，不再列出`` with a role word: X SUPPORTS every item below it
(``implied_notes`` of role support, scope ``below``).  Where the note stands decides what it covers:
- in an item's tag: that item and every later task of the plan (as A5's 落实 note, README "A5");
- in a paragraph of its own: the tasks after it (以下), never the ones above; the note is no task and takes no number,
  so the items after it keep their own labels (1. is 一1);
- in a part heading's tag (a tag alone under the heading, or on it): the items under that heading.
Before, the tag's segment was read as a role segment (support ``以下均需相关乡镇``, a name that is no unit: confident
wrong) and the paragraph's note was a task of its own that shifted the numbers of the items under it.

Rows: (plan, expected {item's first words: (support, implied)}, why) — written before the code."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _roles(text: str) -> dict[str, tuple[list[str], list[str]]]:
    _, tasks = parse_document(text, "d")
    return {t.text[:6]: (t.support, t.implied) for t in tasks}


def _labels(text: str) -> dict[str, str]:
    _, tasks = parse_document(text, "d")
    return {t.text[:6]: t.label for t in tasks}


IN_TAG = """某县2023年农村人居环境整治工作方案
一、重点任务
1.开展村庄清洁行动。（县农业农村局牵头，县财政局配合。以下均需相关乡镇配合，不再列出）
2.推进厕所革命。（县农业农村局牵头，县卫健委配合）
3.治理生活污水。（县生态环境局负责）
"""

IN_TAG_CITY = """某市2024年城乡环境整治行动方案
一、主要任务
（一）整治城市道路。（市城管局牵头，市公安局参与。以下均需各区人民政府协助，不再列出）
（二）整治农贸市场。（市市场监管局牵头）
"""

PARAGRAPH = """某区2023年城市更新工作要点
一、重点任务
1.编制更新规划。（区规划资源局牵头）
以下各项工作均需各街道办事处配合，不再一一列出。
2.推进老旧小区改造。（区住建局牵头，区财政局配合）
3.完善配套设施。（区发改委牵头）
"""

IMPLIED_PARAGRAPH = """某区2023年城市更新工作要点
一、重点任务
以下各项均由各街道办事处落实，不再一一列出。
1.推进老旧小区改造。（区住建局牵头，区财政局配合）
2.实施街区更新。（区规划资源局牵头）
"""

HEADING_TAG = """某县2023年农村人居环境整治工作方案
一、重点任务
（县农业农村局牵头，县财政局配合。以下均需相关乡镇配合，不再列出）
1.开展村庄清洁行动。（县农业农村局牵头）
2.治理生活污水。（县生态环境局牵头）
二、保障措施
1.加强资金保障。（县财政局负责）
"""

CONTROL = """某县2023年农村人居环境整治工作方案
一、重点任务
1.开展村庄清洁行动。（县农业农村局牵头，相关乡镇配合）
2.推进厕所革命。（县农业农村局牵头，县卫健委配合）
"""

ROWS = [
    (IN_TAG, {"1.开展村庄": (["县财政局", "相关乡镇"], []), "2.推进厕所": (["县卫健委", "相关乡镇"], []),
              "3.治理生活": (["相关乡镇"], [])},
     "a note in an item's tag: 相关乡镇 supports that item and every later one (it was a name `以下均需相关乡镇`)"),
    (IN_TAG_CITY, {"（一）整治城": (["市公安局", "各区人民政府"], []), "（二）整治农": (["各区人民政府"], [])},
     "市 level, 协助 as the role word"),
    (PARAGRAPH, {"1.编制更新": ([], []), "2.推进老旧": (["区财政局", "各街道办事处"], []), "3.完善配套": (["各街道办事处"], [])},
     "a paragraph of its own: only the tasks below it (以下), not item 1 above"),
    (IMPLIED_PARAGRAPH, {"1.推进老旧": (["区财政局"], ["各街道办事处"]), "2.实施街区": ([], ["各街道办事处"])},
     "the 落实 note in a paragraph (A5, unchanged): implied below it"),
    (HEADING_TAG, {"1.开展村庄": (["县财政局", "相关乡镇"], []), "2.治理生活": (["县财政局", "相关乡镇"], []),
                   "1.加强资金": ([], [])},
     "a part heading's tag: the items under that heading (not 二、保障措施's)"),
    (CONTROL, {"1.开展村庄": (["相关乡镇"], []), "2.推进厕所": (["县卫健委"], [])}, "control: a plain 配合 in one tag"),
]


@pytest.mark.parametrize(("plan", "expected", "why"), ROWS, ids=[r[2][:24] for r in ROWS])
def test_a_note_of_every_later_item_gives_its_role(plan, expected, why):
    got = _roles(plan)
    assert {k: got.get(k) for k in expected} == expected, why


@pytest.mark.parametrize("plan", [PARAGRAPH, IMPLIED_PARAGRAPH], ids=["support-note", "implied-note"])
def test_the_note_takes_no_number(plan):
    """The note paragraph is no item: the numbered items under it keep their own numbers as labels."""
    labels = _labels(plan)
    assert labels["1.推进老旧" if plan is IMPLIED_PARAGRAPH else "2.推进老旧"] == ("一1" if plan is IMPLIED_PARAGRAPH else "一2")
    assert labels["2.实施街区" if plan is IMPLIED_PARAGRAPH else "3.完善配套"] == ("一2" if plan is IMPLIED_PARAGRAPH else "一3")
