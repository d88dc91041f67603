"""A tag standing ALONE as its own paragraph after its item (ROUTED s16 (e), tagsblind12): ``（参加单位：…）`` /
``（责任单位：…）`` became a task with no roles and the item got none, shifting the later labels.  Two causes: 参加单位 /
参加部门 was no label (参与单位 was), and a full stop after the bracket (``（责任单位：县供电公司）。``) kept the bracket
around the label's content, which then read as nothing.  Rows at 省/市/县/区 in the brackets plans use."""

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: getattr(t, k) for k in KEYS if getattr(t, k)}


# (the tag line after item 1., expected roles of item 1., why)
ROWS = [
    ("（参加单位：县水利局、各乡镇）", {"support": ["县水利局", "各乡镇"]}, "县: 参加单位 alone: support"),
    ("（责任单位：市交通运输局；参加单位：市财政局、市自然资源局）",
     {"lead": ["市交通运输局"], "support": ["市财政局", "市自然资源局"]},
     "市: 责任单位 + 参加单位 — the unit the others support leads (supported_lead)"),
    ("（牵头单位：区城管局  参加单位：各街道）", {"lead": ["区城管局"], "support": ["各街道"]},
     "区: fields parted by two spaces (西宁 2017's form) — 参加单位 starts a field, no glued name"),
    ("〔牵头部门：省农业农村厅，参加部门：省财政厅〕", {"lead": ["省农业农村厅"], "support": ["省财政厅"]}, "省: 参加部门 in 〔〕"),
    ("（责任单位：县供电公司）。", {"sole": ["县供电公司"]}, "a full stop after the bracket"),
    ("(责任单位:市住房城乡建设委)", {"sole": ["市住房城乡建设委"]}, "control: ASCII brackets and colon"),
]


@pytest.mark.parametrize(("line", "expected", "why"), ROWS, ids=[r[2][:24] for r in ROWS])
def test_tag_line_alone_after_its_item(line, expected, why):
    _, tasks = parse_document("某地2024年重点工作实施方案\n一、重点任务\n1.推进甲。完成乙。\n" + line + "\n2.推进丙。完成丁。\n", "p")
    assert [(t.label, t.text, _roles(t)) for t in tasks] == [
        ("一1", "1.推进甲。完成乙。", expected), ("一2", "2.推进丙。完成丁。", {})], why
