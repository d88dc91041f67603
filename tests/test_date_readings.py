"""One date choice (kb/select.py ``choose_dated``) with an explicit reading, the same for ``kb ask``, ``kb grep``,
``kb export`` — so a date question and its filter cannot drift apart (session 12 review: the plan-wide
`X前要完成什么` listed the items due ON X while a department's list and `kb grep --due-before` were cumulative).

Readings of a span by a day (2024年6月底前, 截至2024年6月底, ``--due-before``):
- ``cumulative``: every item due on or before the day (截至 / 截止 / 累计 / 为止; ``--due-before``);
- ``limit``: where the plan writes the day as a limit (some item of the plan due that very day), the items due on it,
  those due earlier named apart; else cumulative (前 / 底前 / 之前, a department named or not; ``--due-on``).

Plans written for these tests at four levels and in three dialects of writing duties; expected labels written by
hand before the code.  A ``from`` deadline (自2023年7月1日起) is never due.
"""

from __future__ import annotations

import csv
import io

import pytest

from kb.cli import main
from kb.model import Deadline, Plan, Task
from kb.parser import parse_document
from kb.qa import Session
from kb.select import DUE_READINGS, DateSpan, choose_dated

# 市, brackets with 牵头/配合 (dialect A1)
CITY = "\n".join([
    "某市老旧小区改造实施方案", "", "一、主要任务", "",
    "1.开展摸底排查。2023年9月底前完成全面排查。（市住建局牵头，市财政局配合）", "",
    "2.完成集中整治。2024年3月底前完成集中整治。（市住建局牵头，市财政局配合）", "",
    "3.开展回头看。2024年6月底前开展回头看。（市应急局牵头，市住建局配合）", "",
    "4.建立长效机制。2024年底前建立长效管理制度。（市住建局牵头）", "",
    "5.推行常态监测。自2023年7月1日起实行月报制度。（市住建局牵头）", "",
]) + "\n"

# 省, a tag of fields with the limit in it (牵头单位：…；配合单位：…；完成时限：…)
PROVINCE = "\n".join([
    "某省城镇燃气安全专项整治工作方案", "", "一、重点任务", "",
    "（一）全面排查风险隐患。（牵头单位：省住房城乡建设厅；配合单位：省应急管理厅；完成时限：2023年12月底前）", "",
    "（二）整治瓶装液化气。（牵头单位：省市场监管局；配合单位：省住房城乡建设厅；完成时限：2024年6月底前）", "",
    "（三）更新老旧管网。（牵头单位：省住房城乡建设厅；完成时限：2024年6月底前）", "",
    "（四）建立长效机制。（牵头单位：省住房城乡建设厅、省应急管理厅；完成时限：2025年底前）", "",
]) + "\n"

# 县, a 任务分工表 (rows of 序号, 牵头单位, 配合单位, 完成时限)
COUNTY = "\n".join([
    "某县农村人居环境整治提升行动方案", "", "一、重点任务", "", "（一）推进厕所革命。", "", "（二）治理生活垃圾。", "",
    "附件", "", "任务分工表", "",
    "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
    "1\t改造农村户厕\t县农业农村局\t县卫生健康局\t2023年底前",
    "2\t建设垃圾转运站\t县住建局\t县财政局\t2024年6月底前",
    "3\t开展村庄清洁\t县农业农村局\t各乡镇人民政府\t2024年6月底前",
]) + "\n"

# 区, units + 负责 with no lead marked (dialect A3), the limit in the sentence
DISTRICT = "\n".join([
    "某区背街小巷环境整治工作方案", "", "一、工作任务", "",
    "（一）拆除违法建设。2024年5月底前拆除存量违法建设。（区城管执法局、各街道负责）", "",
    "（二）整治店招店牌。2024年8月底前完成店招店牌整治。（区城管执法局、区市场监管局负责）", "",
    "（三）完善路灯设施。2024年8月底前完成路灯补建。（区建设管理委负责）", "",
]) + "\n"

PLANS = {"city": CITY, "province": PROVINCE, "county": COUNTY, "district": DISTRICT}

#: (plan, question, grep/export filters, labels expected — the same for all three —, why)
ROWS = [
    ("city", "2024年3月底前要完成哪些任务", ["--due-on", "2024-03-31"], ["一2"],
     "a limit the plan writes (一2): the items due on it; 一1 (2023年9月底前) said apart"),
    ("city", "截至2024年3月底要完成哪些任务", ["--due-before", "2024-03-31"], ["一1", "一2"],
     "截至: everything due by the day"),
    ("city", "2024年5月底前要完成哪些任务", ["--due-before", "2024-05-31"], ["一1", "一2"],
     "a day no item is due on: read cumulatively, whatever the reading asked"),
    ("city", "截至2024年底要完成哪些任务", ["--due-before", "2024-12-31"], ["一1", "一2", "一3", "一4"],
     "自2023年7月1日起 (一5) is a start: never due"),
    ("city", "市住建局2024年3月底前要完成哪些任务", ["--dept", "市住建局", "--due-on", "2024-03-31"], ["一2"],
     "a department's list reads 底前 as the plan-wide list does (一1 due earlier, said apart)"),
    ("city", "市住建局截至2024年6月底要完成哪些任务", ["--dept", "市住建局", "--due-before", "2024-06-30"],
     ["一1", "一2", "一3"], "截至 of a department: its items due by the day, 一3 (配合) among them"),
    ("city", "市应急局2024年3月底前要完成哪些任务", ["--dept", "市应急局", "--due-on", "2024-03-31"], [],
     "the plan writes the limit, the department holds nothing due on it (一3 is due in June): 0"),
    ("province", "2024年6月底前要完成哪些任务", ["--due-on", "2024-06-30"], ["一（二）", "一（三）"],
     "a 完成时限 field's limit: the items due on it"),
    ("province", "省住房城乡建设厅2024年6月底前要完成哪些任务", ["--dept", "省住房城乡建设厅", "--due-on", "2024-06-30"],
     ["一（三）", "一（二）"], "lead first, then support (kb duties order); 一（一） (2023年12月底前) apart"),
    ("province", "截至2024年6月底省住房城乡建设厅要完成哪些任务",
     ["--dept", "省住房城乡建设厅", "--due-before", "2024-06-30"], ["一（一）", "一（三）", "一（二）"],
     "截至 before the name: cumulative, grouped lead then support"),
    ("county", "2024年6月底前要完成哪些任务", ["--due-on", "2024-06-30"], ["附件-2", "附件-3"],
     "rows of a 任务分工表: their 完成时限 column"),
    ("county", "县农业农村局截至2024年6月底要完成哪些任务", ["--dept", "县农业农村局", "--due-before", "2024-06-30"],
     ["附件-1", "附件-3"], "a county bureau's rows due by the day"),
    ("district", "2024年8月底前要完成哪些任务", ["--due-on", "2024-08-31"], ["一（二）", "一（三）"],
     "units + 负责 with no lead: the limit in the sentence"),
    ("district", "区城管执法局2024年8月底前要完成哪些任务", ["--dept", "区城管执法局", "--due-on", "2024-08-31"],
     ["一（二）"], "a district bureau sharing the task; 一（一） (2024年5月底前) apart"),
]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    out = {}
    for name, text in PLANS.items():
        path = folder / f"{name}.txt"
        path.write_text(text, "utf-8")
        out[name] = path
    return out


def _plan(text):
    doc, tasks = parse_document(text, "p", "p.txt")
    return Plan([doc], tasks)


def _asked(name, question):
    return [t.label for t in Session(plan=_plan(PLANS[name])).ask(question).tasks]


def _grepped(path, filters, capsys):
    main(["--corpus", str(path), "grep", "-l", *filters, ""])
    out, _ = capsys.readouterr()
    return out.splitlines()


def _exported(path, filters, capsys):
    dept = filters[filters.index("--dept") + 1] if "--dept" in filters else None
    rest = [f for i, f in enumerate(filters) if f != "--dept" and (i == 0 or filters[i - 1] != "--dept")]
    what = [dept] if dept else ["--table"]
    code = main(["--corpus", str(path), "export", *what, *rest, "-f", "csv", "-o", "-"])
    out, err = capsys.readouterr()
    if dept and code == 1:
        # nothing to export: said as the filter's doing, never as a unit the plan gives nothing (it has tasks)
        assert "没有符合筛选条件的任务" in err and "没有给" not in err, err
        return []
    assert code == 0, err
    return [row["序号"] for row in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))]


@pytest.mark.parametrize("name,question,filters,labels,why", ROWS, ids=[f"{r[0]}|{r[1]}" for r in ROWS])
def test_ask_grep_and_export_choose_alike(name, question, filters, labels, why, files, capsys):
    asked = _asked(name, question)
    assert asked == labels, f"kb ask: {why}"
    plan_order = [t.label for t in _plan(PLANS[name]).tasks]
    assert _grepped(files[name], filters, capsys) == sorted(labels, key=plan_order.index), f"kb grep: {why}"
    assert sorted(_exported(files[name], filters, capsys), key=plan_order.index) == sorted(labels, key=plan_order.index), \
        f"kb export: {why}"


def test_limit_answers_name_the_earlier_items():
    """Nothing hidden: under the limit reading the items due earlier are named, by label and limit."""
    text = Session(plan=_plan(CITY)).ask("市住建局2024年3月底前要完成哪些任务").text
    assert "一1" in text and "2023年9月底前" in text, text
    text = Session(plan=_plan(CITY)).ask("2024年3月底前要完成哪些任务").text
    assert "一1" in text and "2023年9月底前" in text, text


def _task(label, *ends, kind="by"):
    return Task(id=f"d#{label}", doc="d", label=label, part="一", part_title="", section="", section_title="",
                kind="task", title="", text="x",
                deadlines=[Deadline(e, kind, e if kind == "from" else None, None if kind == "from" else e) for e in ends])


A, B, C, F = _task("a", "2024-03-31"), _task("b", "2023-09-30"), _task("c", "2024-06-30"), _task("f", "2023-07-01", kind="from")
POOL = [A, B, C, F]

#: (span, reading, tasks → chosen, earlier, limit, why)
SELECT_ROWS = [
    (DateSpan.by("2024-03-31"), "cumulative", ["a", "b"], [], None, "by the day, earlier ones included"),
    (DateSpan.by("2024-03-31"), "limit", ["a"], ["b"], "2024-03-31", "a written limit: due on it, earlier apart"),
    (DateSpan.by("2024-05-31"), "limit", ["a", "b"], [], None, "no task due that day: cumulative"),
    (DateSpan.on("2024-03-31"), "cumulative", ["a"], [], None, "on a day: that day only"),
    (DateSpan.year(2024), "limit", ["a", "c"], [], None, "a year is no span by a day: the reading does not apply"),
    (DateSpan.by("2099-12-31"), "limit", ["a", "b", "c"], [], None, "a from deadline is never due"),
]


@pytest.mark.parametrize("span,reading,chosen,earlier,limit,why", SELECT_ROWS, ids=[r[5] for r in SELECT_ROWS])
def test_choose_dated(span, reading, chosen, earlier, limit, why):
    got = choose_dated(POOL, span, reading, POOL)
    assert ([t.label for t in got.tasks], [t.label for t in got.earlier], got.limit) == (chosen, earlier, limit), why


def test_reading_is_explicit():
    assert DUE_READINGS == ("cumulative", "limit")
    with pytest.raises(ValueError):
        choose_dated(POOL, DateSpan.by("2024-03-31"), "exact", POOL)
