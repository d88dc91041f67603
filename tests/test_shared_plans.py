"""Whole-plan tests of the real plans in tests/fixtures/plans against their hand-checked gold.

gold.json (see its README): one object per responsibility tag; role sets and deadlines exact
(deadlines: the item's own time words, each once, in text order); ``alt`` is an accepted second
reading.  Every tag of the gold is found, and no other tag is."""

import json

import pytest

from gold_rows import KEYS, PLANS, parsed_plan

GOLD = json.loads((PLANS / "gold.json").read_text("utf-8"))


def _task(row):
    _, tasks = parsed_plan(row["doc"])
    hits = [t for t in tasks if t.tag and t.text.startswith(row["prefix"])]
    assert len(hits) == 1, f"tag of {row['prefix']} found {len(hits)} times"
    return hits[0]


@pytest.mark.parametrize("row", GOLD, ids=[f"{r['doc'][:2]}-{r['line']}-{r['seg']}" for r in GOLD])
def test_gold_tag(row):
    t = _task(row)
    assert t.tag.strip("（）()〔〕[]【】") == row["tag"]
    got = {k: getattr(t, k) for k in KEYS}
    readings = [{k: row[k] for k in KEYS}] + ([{k: row["alt"][k] for k in KEYS}] if row.get("alt") else [])
    assert got in readings
    assert list(dict.fromkeys(d.text for d in t.deadlines)) == row["deadlines"]
    for words in row.get("deadlines_relative", []):
        assert any(d.text == words and d.kind == "within" for d in t.deadlines)


@pytest.mark.parametrize("name", sorted({r["doc"] for r in GOLD}))
def test_every_tag_found_and_no_other(name):
    _, tasks = parsed_plan(name)
    assert sum(1 for t in tasks if t.tag) == sum(1 for r in GOLD if r["doc"] == name)


def test_nongjihua_plan_rule_and_names():
    doc, tasks = parsed_plan("02_nongjihua_guofa2018-42.txt")
    assert doc.lead_rule == "first_is_lead" and doc.lead_rule_text == "列第一位者为牵头单位"
    assert doc.registry == ""  # a State Council plan: no city vocabulary, the ministry stays 发展改革委
    names = {n for t in tasks for n in t.departments()}
    assert "发展改革委" in names and "市发展改革委" not in names
    assert not any(n.endswith("等") for n in names)


def test_guangzhou_relative_deadlines_resolved_from_the_stated_start():
    # 1.目标。2012年起5年内… states the start: every 5年内 of the plan runs 2012–2016.
    _, tasks = parsed_plan("05_guangzhou_rencaijiju_2012.txt")
    within = [d for t in tasks for d in t.deadlines if d.kind == "within"]
    assert within and {(d.text, d.start, d.end) for d in within} == {("5年内", "2012-01-01", "2016-12-31")}
