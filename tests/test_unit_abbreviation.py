"""A unit typed in its usual short form resolves to the plan's unit in every plan, not only in plans whose issuer has an
alias vocabulary (kb/data/departments-zigong.yaml): 交通局 → 市交通运输局, 发改局 → 区发展和改革局.

Before (session 18): ``kb grep --dept 交通局`` over the bundled plan renamed to another city (bench/bench_grep.py's
100-plan corpus) exited 2 (方案中没有部门“交通局”；最接近的：市交通运输局) and ``make bench`` stopped there; ``kb duties
发改局`` on 蔡甸's plan (fixture 07) refused while ``kb ask 发改局牵头哪些任务`` answered 区发展和改革局's items — two
readings of one name.  Mechanism: kb.registry.abbreviated, one step of resolve_department (every lookup: questions,
duties, grep, export): the short form keeps the body's first character after the level and its last (the kind of body),
every character in order, and matches exactly one unit; two or more are the choices.  Expectations written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.cli import main
from kb.parser import parse_document
from kb.registry import EMPTY, abbreviated, resolve_department

FIXTURES = Path(__file__).parent / "fixtures" / "plans"

CITY = "\n".join([
    "泸州市大气污染防治实施方案", "", "一、主要任务", "",
    "（一）推进绿色交通。（市交通运输局牵头，市发展和改革委员会、市住房和城乡建设局配合）", "",
    "（二）强化扬尘管控。（市城市管理综合执法局牵头，市住房和城乡建设局、区交通运输局配合）", "",
    "（三）开展专项执法。（市公安局交通警察支队、市市场监督管理局负责）", ""]) + "\n"

COUNTY = "\n".join([
    "沛县农业工作要点", "", "一、重点工作", "",
    "1.推进种植结构调整。（县农业农村局牵头，县财政局、县教育体育局配合）", "",
    "2.完善统计报送。（县科技和工业信息化局负责）", ""]) + "\n"


def _plan(text: str):
    from kb.model import Plan

    doc, tasks = parse_document(text)
    return Plan(documents=[doc], tasks=tasks)


#: (plan, typed, expected unit — None when it must not resolve —, why)
ROWS = [
    (CITY, "交通局", None, "两个交通运输局（市、区）: 交通局 is ambiguous, never one of them"),
    (CITY, "市交通局", "市交通运输局", "the level typed chooses the 市 one"),
    (CITY, "区交通局", "区交通运输局", "the level typed chooses the 区 one"),
    (CITY, "发改委", "市发展和改革委员会", "委 kept: 发展和改革委员会 shortened"),
    (CITY, "住建局", "市住房和城乡建设局", "住…建…局 in order"),
    (CITY, "城管局", "市城市管理综合执法局", "城…管…局 in order"),
    (CITY, "市监局", "市市场监督管理局", "监局 is too short for a level 市 before it: 市监局 is 市场监督管理局 shortened"),
    (CITY, "交警支队", None, "支队 is no kind kb shortens to (队 alone is): the bureau's own unit name is written whole"),
    (CITY, "公安局", None, "a bureau's unit (市公安局交通警察支队) is not the bureau, which the plan does not write"),
    (CITY, "环保局", None, "环保局 → 生态环境局 is a renaming, no shortening: only a registry alias knows it"),
    (CITY, "各区交通局", None, "a group's bureau is no unit of the plan (crosses_scope)"),
    (CITY, "局", None, "one character of kind is no name"),
    (COUNTY, "农业局", "县农业农村局", "a county's bureau, typed bare"),
    (COUNTY, "教体局", "县教育体育局", ""),
    (COUNTY, "科工局", "县科技和工业信息化局", ""),
    (COUNTY, "市农业局", None, "another level's body (市) is not the county's (other_level)"),
    (COUNTY, "工信局", None, "the body's first character (科) is not kept: too far from the name to be sure"),
]


@pytest.mark.parametrize("text,typed,expected,why", ROWS, ids=[f"{r[1]}" for r in ROWS])
def test_short_form_resolves(text, typed, expected, why):
    res = resolve_department(typed, _plan(text), EMPTY)
    assert res.name == expected, (why, res)


def test_ambiguous_names_the_choices():
    res = resolve_department("交通局", _plan(CITY), EMPTY)
    assert res.how == "ambiguous" and set(res.candidates) == {"市交通运输局", "区交通运输局"}


def test_no_match_below_three_characters():
    assert abbreviated("交局", {"市交通运输局": "市交通运输局"}) == []


#: (fixture plan, argv, exit code, words of stdout) — a real plan nobody tuned this rule on (07 蔡甸, 区 bureaus).
CLI_ROWS = [
    ("07_caidian_2023_zeren.txt", ["duties", "发改局"], 0, ["区发展和改革局"]),
    ("07_caidian_2023_zeren.txt", ["grep", "--dept", "发改局", "-l", ""], 0, ["一（一）", "一（三）"]),
    ("07_caidian_2023_zeren.txt", ["duties", "市发改局"], 2, []),
]


@pytest.mark.parametrize("name,argv,code,words", CLI_ROWS, ids=[" ".join(r[1]) for r in CLI_ROWS])
def test_cli_reads_short_forms(name, argv, code, words, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    got = main(["--corpus", str(FIXTURES / name), *argv])
    out = capsys.readouterr().out
    assert got == code
    for w in words:
        assert w in out


def test_renamed_bundled_plan_grep_dept(tmp_path, monkeypatch):
    """bench_grep's corpus: the bundled plan under another city's name has no issuer vocabulary; 交通局 still reads."""
    bundled = Path(__file__).resolve().parent.parent / "corpus"
    text = next(bundled.glob("*.txt")).read_text(encoding="utf-8").replace("自贡", "泸县")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["--corpus", str(tmp_path / "plans"), "grep", "--dept", "交通局", "-c", ""]) == 0
