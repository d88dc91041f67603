"""A bare division the plan writes under two or more bureaus (办公室 of 市交通委办公室 and 市公安局办公室) is no one unit:
``kb duties`` and ``kb export`` refuse it the way ``kb ask`` asks back — exit 2, one line naming the bureaus' units with
their counts and the items that write the division alone — never a bare one-item list an official of one of the bureaus
could take for theirs (review-rest, session 13).  Names written under one bureau (科技信息处), the full names and other
units keep their lists (controls).  Mechanism: kb.duties.resolve_or_fail asks kb.duties.division_choices, the text the
question's ask-back uses too.

The plans are written for these tests (市 with labels and tags, 县 with tags); expected output written by hand before the code."""

from __future__ import annotations

import json

import pytest

from kb.cli import main

CITY = "\n".join([
    "某市治理方案", "", "一、主要任务", "",
    "（一）建设平台。（牵头单位：市交通委办公室；配合单位：市公安局办公室）", "",
    "（二）完善制度。（办公室牵头）", "",
    "（三）加强宣传。（市公安局牵头）", "",
    "（四）建设数据库。（市交通委科技信息处牵头）", "",
    "（五）共享数据。（科技信息处配合，市公安局牵头）", ""]) + "\n"

COUNTY = "\n".join([
    "某县农业工作要点", "", "一、重点工作", "",
    "1.推进种植结构调整。（县农业农村局综合股牵头，县财政局综合股配合）", "",
    "2.完善统计报送。（综合股负责）", "",
    "3.加强资金监管。（县财政局负责）", ""]) + "\n"


def _corpus(tmp_path, text):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return str(tmp_path)


#: (plan, command, exit code, words the stderr line must hold, why)
REFUSED = [
    (CITY, ["duties", "办公室"], 2, ["市交通委办公室（1 项）", "市公安局办公室（1 项）", "另有 1 项只写“办公室”", "一（二）"],
     "two bureaus write 办公室: which one is asked, with counts and the bare item"),
    (CITY, ["duties", "办公室", "--json"], 2, ["市交通委办公室", "市公安局办公室"], "the JSON form refuses the same way"),
    (CITY, ["export", "办公室", "-f", "md", "-o", "-"], 2, ["市交通委办公室（1 项）", "市公安局办公室（1 项）"],
     "an export refuses the same way"),
    (CITY, ["grep", "--dept", "办公室", "."], 2, ["--dept", "市交通委办公室（1 项）", "市公安局办公室（1 项）"],
     "grep's unit filter refuses the same way (it listed the bare item alone, session 14)"),
    (CITY, ["export", "--table", "--lead", "办公室", "-f", "csv", "-o", "-"], 2, ["--lead", "市交通委办公室（1 项）"],
     "the table's unit filter the same"),
    (COUNTY, ["duties", "综合股"], 2, ["县农业农村局综合股（1 项）", "县财政局综合股（1 项）", "另有 1 项只写“综合股”"],
     "a county plan's 股 written under two bureaus (tags)"),
]


@pytest.mark.parametrize(("text", "argv", "code", "words", "why"), REFUSED, ids=[" ".join(r[1]) for r in REFUSED])
def test_bare_division_of_two_bureaus_is_refused(tmp_path, capsys, text, argv, code, words, why):
    got = main(["--corpus", _corpus(tmp_path, text), *argv])
    out, err = capsys.readouterr()
    assert got == code, (why, out, err)
    assert not out.strip(), (why, out)
    assert len(err.strip().splitlines()) == 1, (why, err)
    for word in words:
        assert word in err, (why, word, err)


#: (plan, department, labels of its duty list, why) — controls: units that are one body keep their lists.
KEPT = [
    (CITY, "市交通委办公室", ["一（一）"], "the full name: its own list"),
    (CITY, "市公安局办公室", ["一（一）"], "the other bureau's office"),
    (CITY, "科技信息处", ["一（四）", "一（五）"], "a division written under one bureau only: one unit, bare and full"),
    (CITY, "市公安局", ["一（一）", "一（三）", "一（五）"], "a bureau: with its division's item (市公安局办公室, units2)"),
    (COUNTY, "县财政局", ["一1", "一3"], "a county bureau with its 股's item"),
]


@pytest.mark.parametrize(("text", "name", "labels", "why"), KEPT, ids=[r[1] for r in KEPT])
def test_one_body_keeps_its_list(tmp_path, capsys, text, name, labels, why):
    got = main(["--corpus", _corpus(tmp_path, text), "duties", name, "--json"])
    out, err = capsys.readouterr()
    assert got == 0, (why, err)
    data = json.loads(out)
    assert {t["label"] for t in data["tasks"]} == set(labels), (why, out)


def test_the_question_asks_back_with_the_same_words(tmp_path, capsys):
    """kb ask says the same choices (the one text both use)."""
    got = main(["--corpus", _corpus(tmp_path, CITY), "ask", "办公室牵头哪些任务"])
    out, _ = capsys.readouterr()
    assert got == 0
    assert "市交通委办公室（1 项）、市公安局办公室（1 项）" in out and "另有 1 项只写“办公室”" in out, out
