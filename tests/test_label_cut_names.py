"""A name cut short is never a unit (notes-review-diff R1).

A label's list of units keeps a member not shaped like a unit as written beside the others (五金城, 高铁新城:
roles.rule_names_only / _odd_member).  That allowance must not keep a name CUT short: a member
opening with a level of government that does not end like a body (``责任部门:市安监局牵头,市发改委、市监察`` where a
crawl ends: 市监察 of 市监察局; 县体育 of 县体育局) — a body of a level always ends like one.  The text's end alone
proves no cut (a plan's last label line ends the text with no mark as often as a cut page does).  The cut member is
reported, the whole members beside it are read as before.

The plans are written by hand for this test (市, 县, 区; label lines after numbered items); the expectations were
written before the code.
"""

import pytest

from kb.parser import parse_document

HEAD = "某{level}重点工作责任分工方案\n一、重点任务\n1.推进重点项目建设。\n"
NEXT = "2.优化营商环境。\n责任单位：{level}政务服务中心\n"


def _plan(level: str, block: str, at_end: bool):
    text = HEAD.format(level=level) + block + ("" if at_end else "\n" + NEXT.format(level=level))
    doc, tasks = parse_document(text, "cut")
    return next(t for t in tasks if t.text.startswith("1.推进重点项目建设"))


def _units(task) -> set[str]:
    return {n for role in ("lead", "support", "sole", "shared", "guide") for n in getattr(task, role)}


# (level, label block, ends the text, units read, units NOT read, a warning names, why)
ROWS = [
    ("市", "责任部门:市安监局牵头,市发改委、市监察", True, {"市安监局", "市发改委"}, {"市监察"}, "市监察",
     "R1: the text ends inside a name (市监察[局]): the cut member is no unit, the rest is read"),
    ("市", "责任部门:市安监局牵头,市发改委、市监察", False, {"市安监局", "市发改委"}, {"市监察"}, "市监察",
     "a level word (市) opening a member that does not end like a body: a body's name cut short, wherever it stands"),
    ("县", "责任单位：县教育局、县卫生健康局、县体育", False, {"县教育局", "县卫生健康局"}, {"县体育"}, "县体育",
     "县 level, a 责任单位 label alone: 县体育 is cut short (县体育局)"),
    ("区", "责任单位：区住房城乡建设局、万达广场", True, {"区住房城乡建设局", "万达广场"}, set(), None,
     "the text's end alone proves no cut: a plan's last label line ends the text with no mark as often as a cut page"
     " (test_label_block_fields: 高铁新城 there) — kept as written"),
    ("区", "责任单位：区住房城乡建设局、万达广场", False, {"区住房城乡建设局", "万达广场"}, set(), None,
     "control: the same list followed by another item: 万达广场 is kept as written (9e73614's allowance)"),
    ("市", "责任单位：市商务局、高铁新城。", True, {"市商务局", "高铁新城"}, set(), None,
     "control: the value closes with 。 at the text's end — not cut"),
    ("市", "牵头单位：市文化广电旅游局\n配合单位：市公安局、高铁新城", False, {"市文化广电旅游局", "市公安局", "高铁新城"},
     set(), None, "control: an odd member with no level word in a support label, mid-text: kept"),
    ("县", "责任单位：县发展改革局、县财政局", True, {"县发展改革局", "县财政局"}, set(), None,
     "control: whole names at the text's end are units"),
    ("市", "责任单位：总部办、经济开发区、五金城、科技局", False, {"总部办", "经济开发区", "五金城", "科技局"}, set(), None,
     "control: 9e73614's own shape (tagsblind9 06) — names without a level word are kept"),
]


@pytest.mark.parametrize("level, block, at_end, units, not_units, warned, why", ROWS,
                         ids=[f"{r[1][:18]}-{'end' if r[2] else 'mid'}" for r in ROWS])
def test_cut_names(level, block, at_end, units, not_units, warned, why):
    task = _plan(level, block, at_end)
    read = _units(task)
    assert units <= read, (why, read)
    assert not (not_units & read), (why, read)
    if warned:
        assert any(warned in w for w in task.warnings), (why, task.warnings)


def test_sentence_after_label_no_cut_name():
    """A sentence after a label's value (牵头单位：X。县医保局要做好…) is no name cut short: not reported as one."""
    text = HEAD.format(level="县") + "牵头单位：县卫生健康局。县医保局要做好医保支付改革。\n" + NEXT.format(level="县")
    doc, tasks = parse_document(text, "cut")
    task = next(t for t in tasks if t.text.startswith("1.推进重点项目建设"))
    assert task.lead == ["县卫生健康局"], task.lead
    assert not any("县医保局要做好" in w and "截断" in w for w in task.warnings), task.warnings
