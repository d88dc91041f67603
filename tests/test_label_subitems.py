"""(labels6, s17 cause 4) Sub-items keep the plan's own numbers in their labels: under item ``3.`` of 四（二） the plan's
``（8）打造新质生产力载体`` is cited ``四（二）3（8）`` — as an official finds it in the text (四、 → （二） → 3. → （8）) — not
``四（二）3-4`` (the 4th paragraph of item 3, a number the plan never prints: review-qadiff s16 yp).  Sub-items numbered
straight through the section (（1）…（16） under 1.–5.) and restarting under each item (1.（1）（2） 2.（1）（2）) alike;
circled ①②… likewise (``1①``).  Only where proved: the sub-item marks rise within the item; a paragraph without a mark
(or whose mark does not rise) keeps its place's label (``3-2``), a later piece of a sub-item cut at its tags is
``3（8）-2``.  Items (1. 2.) keep their numbers as before (docs3); a container whose paragraphs are all （1）（2）… keeps its
labels (the same numbers).  Under a part with no sections the same, when every unnumbered paragraph after the first
item is a marked sub-item (else by position, as before).
Rows: (plan, [expected labels of the container's tasks, in order], why) — written before the code (kb/parser/core.py
``rule_labels`` / ``_own_numbers_between``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _plan(body: str, title: str = "某市2024年文物保护利用行动方案") -> str:
    return f"{title}\n\n一、总体要求\n坚持保护第一。\n\n二、主要任务\n（一）实施标志性工程\n推进文物普查。\n（二）重点落实三张清单\n{body}\n三、保障措施\n加强组织领导。\n"


ROWS = [
    (_plan("1.落实规划保护清单，持续推进全方面摸底。\n（1）全面实施新修订法律法规。深入学习宣传。\n（2）加快资源摸底认定。结合普查开展认定。\n"
           "2.落实内涵挖掘清单，持续推进全要素保护。\n（3）实施历史资料抢救性保护。加强档案收集。\n（4）传承城市历史记忆。持续开展口述历史。\n"
           "3.落实重点项目清单，持续推进全方位赋能。\n（5）建设人民城市地标集群。充分利用旧址。\n"),
     ["二（二）1", "二（二）1（1）", "二（二）1（2）", "二（二）2", "二（二）2（3）", "二（二）2（4）", "二（二）3", "二（二）3（5）"],
     "市: sub-items numbered straight through the section (（1）…（5） under 1.–3.): each cited by its own number"),
    (_plan("1.强化保护措施。\n（1）开展文物安全检查。\n（2）完善消防设施。\n2.推进活化利用。\n（1）建设文物主题游径。\n（2）举办文化活动。\n",
           "某县2023年文物安全工作方案"),
     ["二（二）1", "二（二）1（1）", "二（二）1（2）", "二（二）2", "二（二）2（1）", "二（二）2（2）"],
     "县: sub-items restarting under each item: the item's number then the sub-item's"),
    (_plan("1.强化保护措施。\n①开展文物安全检查。\n②完善消防设施。\n2.推进活化利用。\n①建设文物主题游径。\n", "某区2023年文物工作要点"),
     ["二（二）1", "二（二）1①", "二（二）1②", "二（二）2", "二（二）2①"],
     "区: circled sub-items alike"),
    (_plan("1.强化保护措施。\n各街道要落实属地责任。\n（1）开展文物安全检查。\n（2）完善消防设施。\n2.推进活化利用。\n"),
     ["二（二）1", "二（二）1-2", "二（二）1（1）", "二（二）1（2）", "二（二）2"],
     "an unnumbered paragraph of item 1 keeps its place (1-2); the marked sub-items their own numbers"),
    (_plan("1.强化保护措施。\n（1）开展文物安全检查。\n（1）完善消防设施。\n2.推进活化利用。\n"),
     ["二（二）1", "二（二）1（1）", "二（二）1-3", "二（二）2"],
     "awkward: a mark that does not rise (（1） twice) proves nothing for that paragraph: its place"),
    (_plan("1.强化保护措施。\n（1）开展文物安全检查。（区文旅局牵头）建立巡查台账。（各街道负责）\n（2）完善消防设施。\n2.推进活化利用。\n"),
     ["二（二）1", "二（二）1（1）", "二（二）1（1）-2", "二（二）1（2）", "二（二）2"],
     "a sub-item cut at its tags: its later piece is 1（1）-2"),
    (_plan("1．实施治堵综合整治工程。开展整治行动。\n（1）优化信号配时。\n（2）整治违法停车。\n2．推进公交优先。\n",
           "某市2016年缓解交通拥堵工作方案"),
     ["二（二）1", "二（二）1（1）", "二（二）1（2）", "二（二）2"],
     "市: items numbered with a full-width stop (1．) and their （1）（2） (ROUTED holdout18 (9): were 1-2, 1-3)"),
    (_plan("1.强化保护措施。\n（1）开展文物安全检查。\n①检查消防设施。\n②检查安防设施。\n（2）推进活化利用。\n①建设主题游径。\n2.加强组织。\n"),
     ["二（二）1", "二（二）1（1）", "二（二）1（1）①", "二（二）1（1）②", "二（二）1（2）", "二（二）1（2）①", "二（二）2"],
     "circled marks under a （N）: the path as printed, 1（1）①, restarting under each （N）"),
    (_plan("（1）开展文物安全检查。\n（2）完善消防设施。\n（3）推进活化利用。\n"),
     ["二（二）1", "二（二）2", "二（二）3"],
     "control: a section of （1）（2）（3） paragraphs only keeps its labels (the same numbers)"),
]

PART_LEVEL = ("某市2024年文物保护利用行动方案\n\n一、主要任务\n1.落实规划保护清单。\n（1）全面实施新修订法律法规。\n（2）加快资源摸底认定。\n"
              "2.落实内涵挖掘清单。\n（3）实施历史资料抢救性保护。\n二、保障措施\n加强组织领导。\n")


def _labels(text: str, prefix: str) -> list[str]:
    _, tasks = parse_document(text, "d")
    return [t.label for t in tasks if t.label.startswith(prefix) and t.label != prefix]


@pytest.mark.parametrize(("text", "expected", "why"), ROWS, ids=[r[2][:30] for r in ROWS])
def test_sub_items_keep_their_own_numbers(text, expected, why):
    assert _labels(text, "二（二）") == expected, why


def test_under_a_part_without_sections():
    assert _labels(PART_LEVEL, "一") == ["一1", "一1（1）", "一1（2）", "一2", "一2（3）"], \
        "a part's items with marked sub-items only: the same labels as in a section (were 一1…一5 by position)"
