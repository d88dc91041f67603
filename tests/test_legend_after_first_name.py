"""A lead-rule legend in a bracket glued after a list's FIRST name (责任单位:县发改局(首位单位为牵头单位,下同)、县财政局…):
the rule applies to that list (and below, 下同), the list is read without the bracket.  Session 17's general legend
pattern made the whole segment the rule's statement and the item lost its four units (tagsblind13 海盐 一1: at the start
they were read shared, also wrong).  Plans written for this test; expected roles written before the code."""

import pytest

from kb.parser import parse_document


def _roles(text):
    doc, tasks = parse_document(text, "p", "p.txt")
    return {t.label: {k: getattr(t, k) for k in ("lead", "support", "sole", "shared") if getattr(t, k)} for t in tasks
            if t.kind == "task"}


HEAD = "某县2022年重点工作责任分解\n一、县长牵头重点工作\n"


@pytest.mark.parametrize("item, expected, why", [
    ("1.全县生产总值增长7.5%左右。责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局",
     {"lead": ["县发改局"], "support": ["县财政局", "县税务局"]}, "county, half-width, inline after the sentence"),
    ("1.推进城市更新。\n责任单位：市住建局（列第一位者为牵头单位，下同）、市财政局、市自然资源局",
     {"lead": ["市住建局"], "support": ["市财政局", "市自然资源局"]}, "city, full-width, a label line of its own"),
    ("1.推进城市更新。（省发展改革委（首位单位为牵头单位）、省财政厅）",
     {"lead": ["省发展改革委"], "support": ["省财政厅"]}, "province, inside a tag bracket"),
    ("1.推进能源保供。责任单位：市发展改革委（市能源办）、市财政局",
     {"shared": ["市发展改革委", "市财政局"]}, "control: a bracket of sub-units is no legend — kept as before"),
])
def test_legend_after_first_name(item, expected, why):
    roles = _roles(HEAD + item + "\n2.严控“三公”经费。\n")
    assert roles.get("一1") == expected, (why, roles)


def test_the_legend_goes_on_below():
    """下同: the next list's first unit leads too."""
    roles = _roles(HEAD + "1.全县生产总值增长7.5%左右。责任单位:县发改局(首位单位为牵头单位,下同)、县财政局\n"
                   "2.严控“三公”经费。责任单位:县财政局、县审计局\n")
    assert roles["一2"] == {"lead": ["县财政局"], "support": ["县审计局"]}, roles
