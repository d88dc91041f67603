"""A start (自2019年1月1日起, ``Deadline.kind == "from"``) is no time limit in any ``--json`` task either: ``deadlines``
holds when a task is to be done, ``starts`` when it begins — as the exports' 完成时限 and 开始时间 columns
(tests/test_export_starts.py).  Before session 13 ``kb tasks --json`` listed 自2019年1月1日起 among a task's
deadlines (a blind tag table, tagsblind9, routed to select2: the plan's limits are its deadlines, a start is none).

Plans written for these tests (a 县 plan with brackets, a 省 plan with a 完成时限 field); expectations by hand first.
"""

from __future__ import annotations

import json

import pytest

from kb.cli import main
from kb.model import Task

COUNTY = "\n".join([
    "某县统计数据质量提升实施方案", "", "一、重点任务", "",
    "（一）推行月报制度。自2019年1月1日起实行统计数据月报制度。（县统计局牵头，各乡镇配合）", "",
    "（二）完成普查。自2019年7月1日起开展入户登记，2020年底前全面完成第七次人口普查。（县统计局牵头）", "",
    "（三）建立核查机制。2019年6月底前建立数据核查机制。（县统计局、县发展改革局负责）", "",
]) + "\n"

PROVINCE = "\n".join([
    "某省政务数据共享工作方案", "", "一、主要任务", "",
    "（一）开放数据目录。（牵头单位：省大数据局；完成时限：自2021年3月1日起）", "",
    "（二）按月报送共享情况。（牵头单位：省大数据局；完成时限：每月10日前）", "",
]) + "\n"

#: (plan, label, deadlines' texts, starts' texts, why)
ROWS = [
    (COUNTY, "一（一）", [], ["自2019年1月1日起"], "a start alone: no deadline"),
    (COUNTY, "一（二）", ["2020年底前"], ["自2019年7月1日起"], "a start and a limit: each in its key"),
    (COUNTY, "一（三）", ["2019年6月底前"], [], "a limit alone"),
    (PROVINCE, "一（一）", [], ["自2021年3月1日起"], "a start written in a 完成时限 field is still a start"),
    (PROVINCE, "一（二）", ["每月10日前"], [], "a recurring limit is a limit"),
]


@pytest.fixture(scope="module")
def listed(tmp_path_factory):
    out = {}
    for name, text in (("county", COUNTY), ("province", PROVINCE)):
        path = tmp_path_factory.mktemp(name) / f"{name}.txt"
        path.write_text(text, "utf-8")
        out[text] = path
    return out


def _tasks_json(path, capsys):
    assert main(["--corpus", str(path), "tasks", "--json"]) == 0
    return {t["label"]: t for t in json.loads(capsys.readouterr().out)["tasks"]}


@pytest.mark.parametrize("text,label,deadlines,starts,why", ROWS, ids=[f"{r[1]}|{r[4]}" for r in ROWS])
def test_tasks_json_keeps_starts_apart(text, label, deadlines, starts, why, listed, capsys):
    task = _tasks_json(listed[text], capsys)[label]
    assert [d["text"] for d in task["deadlines"]] == deadlines, why
    assert [d["text"] for d in task["starts"]] == starts, why
    assert all(d["kind"] == "from" for d in task["starts"]) and not any(d["kind"] == "from" for d in task["deadlines"])


def test_json_shape_reads_back_whole(listed, capsys):
    """``Task.from_dict`` of the JSON shape gives the task's deadlines back, its starts among them."""
    task = _tasks_json(listed[COUNTY], capsys)["一（二）"]
    back = Task.from_dict(task)
    assert sorted((d.text, d.kind) for d in back.deadlines) == [("2020年底前", "by"), ("自2019年7月1日起", "from")]


#: (question, words the answer holds, words it must not hold, why) — kb ask over the county plan
ASK_ROWS = [
    ("一（一）的完成时限是什么", ["没有规定明确的完成时限", "开始时间是自2019年1月1日起"], ["时限：自2019年1月1日起"],
     "a start alone: the limit said missing, the start said as one"),
    ("一（二）什么时候完成", ["时限：2020年底前", "开始时间：自2019年7月1日起"], [], "the limit, then the start"),
    ("2019年起要做哪些工作", ["开始时间：自2019年1月1日起"], ["时限：自2019年"], "a list of starts names them as starts"),
]


@pytest.mark.parametrize("question,held,absent,why", ASK_ROWS, ids=[r[3] for r in ASK_ROWS])
def test_answers_say_a_start_as_a_start(question, held, absent, why):
    from kb.model import Plan
    from kb.parser import parse_document
    from kb.qa import Session

    doc, tasks = parse_document(COUNTY, "c", "c.txt")
    text = Session(plan=Plan([doc], tasks)).ask(question).text
    assert all(w in text for w in held) and not any(w in text for w in absent), f"{why} | kb: {text}"


# A limit a heading states for the items under it (``Deadline.heading``, kb/parser/core.py ``rule_heading_deadlines``)
# is the items' limit in answers, lists and exports, but not the item's own words: ``kb tasks --json`` gives it under
# ``heading_deadlines`` — /work/shared/plans/gold.json (and any table checked by hand in its convention) reads "deadlines
# are the item's own time words", and kb's JSON said the heading's words as each item's (session 13).
PHASED = "\n".join([
    "某区智慧交通建设实施方案", "", "二、主要任务", "",
    "（一）建设阶段（2025年年底前）", "",
    "1.建成飞行服务平台。完成平台主体建设。（区交通委牵头）", "",
    "2.完善起降设施。2025年6月底前建成起降点10个。（区交通委牵头，区规划资源局配合）", "",
    "（二）推广阶段（2026—2027年）", "",
    "1.拓展应用场景。推动物流配送应用。（区商务委牵头）", "",
]) + "\n"

#: (label, own deadlines' texts, heading deadlines' texts, why)
HEADING_ROWS = [
    ("二（一）1", [], ["2025年年底前"], "no limit of its own: the heading's, apart"),
    ("二（一）2", ["2025年6月底前"], [], "its own limit wins; the heading's is not added"),
    ("二（二）", [], ["2026—2027年"], "a period in the heading, apart (a section of one item is labelled by the section)"),
]


@pytest.fixture(scope="module")
def phased(tmp_path_factory):
    path = tmp_path_factory.mktemp("phased") / "phased.txt"
    path.write_text(PHASED, "utf-8")
    return path


@pytest.mark.parametrize("label,own,inherited,why", HEADING_ROWS, ids=[f"{r[0]}|{r[3]}" for r in HEADING_ROWS])
def test_tasks_json_keeps_heading_limits_apart(label, own, inherited, why, phased, capsys):
    task = _tasks_json(phased, capsys)[label]
    assert [d["text"] for d in task["deadlines"]] == own, why
    assert [d["text"] for d in task["heading_deadlines"]] == inherited, why
    assert all(d["heading"] for d in task["heading_deadlines"]) and not any(d["heading"] for d in task["deadlines"])
    back = Task.from_dict(task)
    assert [d.text for d in back.deadlines] == own + inherited, "read back whole: the limit the answers use"
