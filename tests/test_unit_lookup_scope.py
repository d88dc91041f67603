"""A unit typed to ``kb duties``, ``kb export`` or ``kb grep --dept`` is read the way a question reads it: a name opening
with a group, a place or a level (各区县…, 高新区…, 成都市…, 区…) is never silently another level's body by a fuzzy
match.  ``kb duties 各区县住房城乡建设局`` answered 市住房城乡建设局's list (``按“各区县住房城乡建设局”解析``): a group's
bureau is no body the plan names, as ``kb ask`` says (kb/qa/question.py ``_group_bureau``).  The plan's own place is its
level (泸州市住房城乡建设局 in a 泸州市 plan is its 市住房城乡建设局).  Not found is the CLI's unknown-name line (exit 2),
naming what the plan writes: the bureau of the plan's level and the group's (place's) own body when it writes one.

Mechanism: kb.registry.crosses_scope in resolve_department (every lookup, qa's included).  The plans are written for
these tests at four levels (市, 县, 省, 区); expectations written by hand before the code."""

from __future__ import annotations

import pytest

from kb.cli import main

CITY = "\n".join([
    "泸州市大气污染防治实施方案", "", "一、主要任务", "",
    "（一）推进建筑节能。（市住房城乡建设局牵头，市生态环境局、高新区管委会配合）", "",
    "（二）强化扬尘管控。（市生态环境局牵头，市住房城乡建设局配合）", "",
    "（三）开展专项执法。（各区县政府负责）", ""]) + "\n"

COUNTY = "\n".join([
    "富顺县农业工作要点", "", "一、重点工作", "",
    "1.推进种植结构调整。（县农业农村局牵头，县财政局配合）", "",
    "2.完善统计报送。（各乡镇人民政府负责）", ""]) + "\n"

PROVINCE = "\n".join([
    "四川省现代流通体系建设实施方案", "", "一、重点任务", "",
    "（一）完善流通网络。（省商务厅牵头，省发展改革委、省交通运输厅配合）", "",
    "（二）加强冷链建设。（省交通运输厅牵头，各市（州）人民政府负责落实）", ""]) + "\n"

DISTRICT = "\n".join([
    "上海市松江区城市更新行动方案", "", "一、主要任务", "",
    "1.推进旧区改造。（区住房城乡建设管理委牵头，区规划资源局配合）", "",
    "2.完善配套设施。（各街镇负责）", ""]) + "\n"


def _corpus(tmp_path, text):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return str(tmp_path)


#: (plan, argv, exit code, words the one stderr line holds, why) — names the plan does not write at that level.
REFUSED = [
    (CITY, ["duties", "各区县住房城乡建设局"], 2, ["各区县住房城乡建设局", "各区县政府"],
     "a group's bureau: not the 市 bureau; the plan writes the group as 各区县政府"),
    (CITY, ["duties", "各区住房城乡建设局"], 2, ["各区住房城乡建设局"], "各区 + bureau: each district's, not the city's"),
    (CITY, ["duties", "各县（市、区）住房城乡建设局"], 2, ["各县（市、区）住房城乡建设局"],
     "a group written with its bracket of levels (市 inside it is no level of the body)"),
    (CITY, ["duties", "高新区住房城乡建设局"], 2, ["高新区住房城乡建设局", "高新区管委会"],
     "a zone's bureau: the plan writes the zone's body as 高新区管委会"),
    (CITY, ["duties", "成都市住房城乡建设局"], 2, ["成都市住房城乡建设局"], "another city's bureau"),
    (CITY, ["duties", "沛县住房城乡建设局"], 2, ["沛县住房城乡建设局"], "a county of one character's bureau (荣县, 沛县)"),
    (CITY, ["duties", "成都高新区管委会"], 2, ["成都高新区管委会", "高新区管委会"], "another city's zone"),
    (CITY, ["duties", "区县住房城乡建设局"], 2, ["区县住房城乡建设局"], "a lower level written without 各"),
    (CITY, ["duties", "各区县住房城乡建设局", "--json"], 2, ["各区县住房城乡建设局"], "the JSON form the same"),
    (CITY, ["export", "各区县住房城乡建设局", "-f", "md", "-o", "-"], 2, ["各区县住房城乡建设局", "各区县政府"],
     "an export of the name refuses as kb duties does"),
    (CITY, ["export", "--table", "--dept", "各区县住房城乡建设局", "-f", "csv", "-o", "-"], 2, ["各区县住房城乡建设局"],
     "the table's unit filter the same"),
    (CITY, ["grep", "--dept", "各区县住房城乡建设局", "建筑"], 2, ["各区县住房城乡建设局"], "grep's unit filter the same"),
    (COUNTY, ["duties", "各乡镇农业农村局"], 2, ["各乡镇农业农村局", "各乡镇人民政府"],
     "a county plan: the townships' bureau, not the county's"),
    (COUNTY, ["duties", "市农业农村局"], 2, ["市农业农村局"], "a higher level (already refused: control of the level rule)"),
    (PROVINCE, ["duties", "各市（州）商务局"], 2, ["各市（州）商务局", "各市（州）人民政府"],
     "a province plan: the prefectures' bureau is no 省 department"),
    (PROVINCE, ["duties", "成都市商务局"], 2, ["成都市商务局"], "a city's bureau in a province plan"),
    (DISTRICT, ["duties", "上海市住房城乡建设管理委"], 2, ["上海市住房城乡建设管理委"],
     "the city of a district plan's title is a level above the plan's 区 bodies"),
    (DISTRICT, ["duties", "嘉定区住房城乡建设管理委"], 2, ["嘉定区住房城乡建设管理委"], "another district's"),
]


@pytest.mark.parametrize(("text", "argv", "code", "words", "why"), REFUSED, ids=[" ".join(r[1]) for r in REFUSED])
def test_a_name_of_another_level_is_not_found(tmp_path, capsys, text, argv, code, words, why):
    got = main(["--corpus", _corpus(tmp_path, text), *argv])
    out, err = capsys.readouterr()
    assert got == code, (why, out, err)
    assert not out.strip(), (why, out)
    assert len(err.strip().splitlines()) == 1, (why, err)
    for word in words:
        assert word in err, (why, word, err)


#: (plan, department typed, first line of kb duties, why) — names of the plan's own level keep their lists.
FOUND = [
    (CITY, "住房城乡建设局", "市住房城乡建设局（按“住房城乡建设局”解析）：", "a bare name is the plan's level (alias)"),
    (CITY, "市住房城乡建设居", "市住房城乡建设局（按“市住房城乡建设居”解析）：", "a typo within the level"),
    (CITY, "泸州市住房城乡建设局", "市住房城乡建设局（按“泸州市住房城乡建设局”解析）：", "the plan's own city is its 市"),
    (CITY, "各区县政府", "各区县政府：", "the group as the plan writes it"),
    (CITY, "泸州高新区管委会", "高新区管委会（按“泸州高新区管委会”解析）：", "the plan's city before its zone"),
    (CITY, "泸州市高新区管委会", "高新区管委会（按“泸州市高新区管委会”解析）：", "the same with the city's level"),
    (COUNTY, "农业农村局", "县农业农村局（按“农业农村局”解析）：", "bare → the county's"),
    (COUNTY, "富顺县农业农村局", "县农业农村局（按“富顺县农业农村局”解析）：", "the plan's own county is its 县"),
    (PROVINCE, "四川省商务厅", "省商务厅（按“四川省商务厅”解析）：", "the plan's own province is its 省"),
    (PROVINCE, "商务厅", "省商务厅（按“商务厅”解析）：", "bare → the province's"),
    (DISTRICT, "松江区住房城乡建设管理委", "区住房城乡建设管理委（按“松江区住房城乡建设管理委”解析）：",
     "the plan's own district is its 区"),
]


@pytest.mark.parametrize(("text", "name", "first", "why"), FOUND, ids=[r[1] for r in FOUND])
def test_a_name_of_the_plans_level_keeps_its_list(tmp_path, capsys, text, name, first, why):
    got = main(["--corpus", _corpus(tmp_path, text), "duties", name])
    out, err = capsys.readouterr()
    assert got == 0, (why, err)
    assert out.splitlines()[0].startswith(first), (why, out)


def test_bundled_plan_group_bureau_agrees_with_the_question(capsys):
    """The brief's case on the bundled plan: kb duties refuses what kb ask says the plan does not name."""
    got = main(["duties", "各区县住房城乡建设局"])
    out, err = capsys.readouterr()
    assert got == 2 and not out.strip(), (out, err)
    assert "各区县政府" in err, err
    got = main(["ask", "各区县住房城乡建设局牵头哪些任务"])
    out, _ = capsys.readouterr()
    assert "市住房城乡建设局牵头的任务" not in out and "最接近" in out, out
