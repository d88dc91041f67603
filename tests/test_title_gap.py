"""A run of spaces between a numbered item's title and its body (``1.推进厕所革命    全面推进…。``, a web page that set the
title in bold and dropped its full stop) ends the title: the item keeps its title and its body, one paragraph — the
spaces were read as a paragraph break, then the two halves were glued back without a stop, so the title ran into the
first sentence (tagsblind9, routed to labels2).  A table row flattened with spaces between its cells (no sentence after
the gap) and a gap after a whole sentence keep their reading.  Table-driven: line → paragraphs → why."""

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs

HEAD = "某县农村人居环境整治实施方案\n一、重点任务\n"

CASES = [
    ("1.推进厕所革命    全面推进农村户用卫生厕所建设改造，2025年底前普及率达到90%。（县农业农村局牵头）",
     ["1.推进厕所革命。全面推进农村户用卫生厕所建设改造，2025年底前普及率达到90%。（县农业农村局牵头）"],
     "four spaces after a numbered title: the title's end"),
    ("3、强化执法保障  严格落实行政执法责任制。",
     ["3、强化执法保障。严格落实行政执法责任制。"], "two spaces, the 、 marker"),
    ("（2）完善收运体系\u3000\u3000建立户分类、村收集、镇转运体系。",
     ["（2）完善收运体系。建立户分类、村收集、镇转运体系。"], "a sub-item, ideographic spaces"),
    ("1.强化源头管控，推进垃圾减量  各乡镇要建立减量台账。",
     ["1.强化源头管控，推进垃圾减量。各乡镇要建立减量台账。"], "a title holding a comma"),
    ("1.推进厕所革命  县农业农村局  2025年底前",
     ["1.推进厕所革命县农业农村局2025年底前"], "control: a table row flattened (no sentence after the gap): no stop added"),
    ("1.推进厕所革命，全面推进户厕改造。  2.治理生活垃圾，建立收运体系。",
     ["1.推进厕所革命，全面推进户厕改造。", "2.治理生活垃圾，建立收运体系。"], "control: a gap after a whole sentence"),
    ("全面推进农村户用卫生厕所建设  改造工作。", ["全面推进农村户用卫生厕所建设改造工作。"],
     "control: no item marker opens the line (as before)"),
    # a title that keeps its own stop (labels3, tagsblind9 08 佳木斯: 1.控制用水总量。   强化用水监督管理。…)
    ("1.控制用水总量。   强化用水监督管理。对用水大户实行计划用水管理。（市水务局牵头）",
     ["1.控制用水总量。强化用水监督管理。对用水大户实行计划用水管理。（市水务局牵头）"],
     "a title with its own stop, then a run of spaces: one paragraph, no stop added"),
    ("（2）严格水资源管理。\u3000\u3000实行最严格的水资源管理制度，落实“三条红线”。",
     ["（2）严格水资源管理。实行最严格的水资源管理制度，落实“三条红线”。"], "a sub-item, ideographic spaces"),
    ("1.控制用水总量。   强化用水监督管理。[市水务局牵头,市工信委配合]",
     ["1.控制用水总量。强化用水监督管理。[市水务局牵头,市工信委配合]"], "an item closed by its tag in square brackets"),
    ("1.控制用水总量。  （1）强化用水监督管理。", ["1.控制用水总量。", "（1）强化用水监督管理。"],
     "control: a sub-item after the gap opens its own paragraph"),
    ("1.控制用水总量。  牵头单位：市水务局。", ["1.控制用水总量。", "牵头单位：市水务局。"],
     "control: a label line after the gap stays a line of its own"),
    ("1.控制用水总量。  2.严控地下水超采。", ["1.控制用水总量。", "2.严控地下水超采。"],
     "control: the next item after the gap"),
]


@pytest.mark.parametrize("line,expected,why", CASES, ids=[c[-1][:24] for c in CASES])
def test_title_gap(line, expected, why):
    assert clean_paragraphs(HEAD + line + "\n")[2:] == expected, why


def test_the_item_keeps_its_title_and_tag():
    _, tasks = parse_document(HEAD + CASES[0][0] + "\n2.治理生活垃圾   建立收运处置体系。（县城管局负责）\n", "p")
    assert [(t.title, t.lead, t.sole) for t in tasks] == [
        ("推进厕所革命", ["县农业农村局"], []), ("治理生活垃圾", [], ["县城管局"])]
    assert [d.text for d in tasks[0].deadlines] == ["2025年底前"]


def test_a_mismatched_closer_stays_with_its_tag():
    """``[…不再列出)]``: a bracket opened with ``[`` and closed by ``)`` then ``]`` — the stray closer was left over and
    glued to the next paragraph (``]严控地下水超``, tagsblind9 08); the tag keeps both, the next paragraph opens clean."""
    text = (HEAD + "1.控制用水总量。强化用水监督管理。[市水务局牵头,市工信委配合,各县(市)区政府负责落实。以下均需各县(市)区政府"
            "落实,不再列出)]\n2.严控地下水超采。全面排查地下水取水井。（市水务局负责）\n")
    paragraphs = clean_paragraphs(text)[2:]
    assert [p[:7] for p in paragraphs] == ["1.控制用水总", "2.严控地下水"]
    _, tasks = parse_document(text, "p")
    assert [(t.text[:7], t.lead, t.sole) for t in tasks] == [("1.控制用水总", ["市水务局"], []), ("2.严控地下水", [], ["市水务局"])]
