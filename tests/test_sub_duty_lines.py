"""A line saying which of the units just listed does what (``责任单位：A、B、C`` / ``其中，C负责…``) is the label's note.

Joined by cleanup to the label line (which ends with no stop), the list's last name read ``市司法局其中`` and was dropped
as a cut name: 市司法局 lost the item.  Kept apart, the line would have been a paragraph of its own and taken the next
item's place in the numbering (2. labelled 一3).  Now the line ends the list in cleanup and is read with its label block
(core._label_block_end): every unit listed keeps its role, the note keeps the words.  Rows: text → each item's units and
notes → why."""

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean, continues

JOINS = [
    ("责任单位：市政务服务中心、市发展改革委、市司法局", "其中，市司法局负责合法性审查。", False,
     "a sub-duty line after a unit list: the list has ended"),
    ("责任单位：市政务服务中心、市发展改革委、", "市司法局", True, "a list wrapped at its 、 goes on (as before)"),
    ("推进政务服务标准化建设，年底前完成", "其中事项梳理100项。", True, "其中 after an unfinished sentence: no label line, joined"),
]


@pytest.mark.parametrize(("previous", "line", "joined", "why"), JOINS, ids=[j[3][:30] for j in JOINS])
def test_sub_duty_line_ends_a_label_list(previous, line, joined, why):
    assert continues(previous, line) is joined, why


PLAN = ("某某市优化营商环境行动方案\n一、重点任务\n1.推进政务服务标准化建设，年底前完成事项梳理。\n"
        "责任单位：市政务服务中心、市发展改革委、市司法局\n其中，市司法局负责合法性审查。\n"
        "2.加强企业开办服务。\n责任单位：市市场监管局、市税务局、市人力资源社会保障局。其中，市税务局负责发票申领环节。\n"
        "3.推进工程建设项目审批改革。（责任单位：市住房城乡建设局、市自然资源局，其中市自然资源局负责规划许可）\n")


def test_sub_duty_line_is_the_labels_note():
    assert "市司法局\n其中，市司法局负责合法性审查。" in clean(PLAN)
    _, tasks = parse_document(PLAN, "t")
    assert [(t.label, t.shared, t.notes) for t in tasks] == [
        ("一1", ["市政务服务中心", "市发展改革委", "市司法局"], ["其中", "市司法局负责合法性审查"]),
        ("一2", ["市市场监管局", "市税务局", "市人力资源社会保障局"], ["其中", "市税务局负责发票申领环节"]),
        ("一3", ["市住房城乡建设局", "市自然资源局"], ["其中市自然资源局负责规划许可"]),
    ]
