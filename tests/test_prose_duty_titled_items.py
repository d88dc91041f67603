"""An item titled as a duty statement (``（二）明确部门职责分工。市人社局要…。市财政局要…。``, ROUTED s17 (7)) states its units'
duties in the sentences after its title.  Such an item is no duty PART (its own heading names the division; the part
around it is 保障措施): in a tagged plan it is read sentence by sentence, gated (core._sentences_in_tagged_plan); a duty
part's paragraph whose first sentence is its title is read from the sentence after it.  Before, the item was taken for a
duty part, its title read as its first sentence — no subject — and nothing was read.  Session 17, prose8; rows by hand before the
code (省/市/县/区, tagged and untagged plans)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: sorted(getattr(t, k)) for k in KEYS if getattr(t, k)}


TAGGED = ("某{l}2024年就业促进行动方案\n一、重点任务\n（一）稳定就业岗位。开展援企稳岗。（{l}人社局牵头，{l}财政局配合）\n"
          "二、保障措施\n（一）加强组织领导。成立工作专班。\n（二）明确部门职责分工。{body}\n")
UNTAGGED = ("某{l}2024年就业促进行动方案\n一、重点任务\n（一）稳定就业岗位。开展援企稳岗。\n"
            "二、保障措施\n（一）加强组织领导。成立工作专班。\n（二）明确部门职责分工。{body}\n")

ROWS = [
    ("市", "市人社局要统筹推进各项就业工作。市财政局要保障就业补助资金。市教育局要做好高校毕业生就业指导。",
     {"shared": ["市人社局", "市教育局", "市财政局"]}, "three sentences, three named doers: shared"),
    ("县", "县人社局负责统筹协调。县财政局要保障资金。", {"shared": ["县人社局", "县财政局"]}, "X负责…。Y要…。"),
    ("区", "区人社局要牵头做好就业服务，区财政局要积极配合。", {"lead": ["区人社局"], "support": ["区财政局"]},
     "one sentence X要牵头…，Y要积极配合: lead and support"),
    ("省", "各有关部门要按照职责分工抓好落实。", {"tagged": {}, "untagged": {"sole": ["各有关部门"]}},
     "a collective: in a tagged plan the gated sentence reading proves nobody (honest); a plan without tags reads a "
     "collective subject's modal duty as one group (session 11's decision) — first written {} for both, the untagged "
     "reading is the older rule's"),
]


@pytest.mark.parametrize("plan", [TAGGED, UNTAGGED], ids=["tagged", "untagged"])
@pytest.mark.parametrize(("level", "body", "expected", "why"), ROWS, ids=[r[3][:20] for r in ROWS])
def test_titled_duty_item(plan, level, body, expected, why):
    doc, tasks = parse_document(plan.format(l=level, body=body), "p")
    task = next(t for t in tasks if "明确部门职责分工" in t.text)
    if "tagged" in expected:
        expected = expected["tagged" if doc.tagged else "untagged"]
    assert _roles(task) == expected, why
    other = next(t for t in tasks if "加强组织领导" in t.text)
    assert _roles(other) == {}, "成立工作专班: no subject"
