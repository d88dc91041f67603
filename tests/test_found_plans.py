"""Whole-plan tests of more real plans found with the search tool (tests/fixtures/plans,
gold_found.json written by hand before kb was run on them; see the README there).

A row's ``source`` is the task's ``role_source`` (``label line`` when absent: plans 06–08).  A
``heading`` row (dialect F) is a tag on a part or section heading: every task it ``covers``
(by prefix) carries it as ``heading_tag`` with the row's roles, and no other task does.
Prefixes and tags are compared without white space: cleanup removes spaces next to CJK
characters (``1. 精简`` → ``1.精简``)."""

import json
from pathlib import Path

import pytest

from kb.model import ROLES
from kb.parser import parse_document

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
GOLD = json.loads((PLANS / "gold_found.json").read_text("utf-8"))
KEYS = (*ROLES, "implied")


def _parsed(name: str, _cache={}):
    if name not in _cache:
        _cache[name] = parse_document((PLANS / name).read_text("utf-8"), Path(name).stem, str(PLANS / name))
    return _cache[name]


TAGS = [r for r in GOLD if r.get("source") != "heading"]
HEADINGS = [r for r in GOLD if r.get("source") == "heading"]


def _bare(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("row", TAGS, ids=[f"{r['doc'][:2]}-{r['prefix'][:8]}" for r in TAGS])
def test_found_plan_tag(row):
    _, tasks = _parsed(row["doc"])
    hits = [t for t in tasks if t.tag and _bare(t.text).startswith(_bare(row["prefix"]))]
    assert len(hits) == 1
    t = hits[0]
    assert _bare(t.tag) == _bare(row["tag"]) and t.role_source == row.get("source", "label line")
    assert {k: getattr(t, k) for k in KEYS} == {k: row[k] for k in KEYS}
    assert list(dict.fromkeys(d.text for d in t.deadlines)) == row["deadlines"]


@pytest.mark.parametrize("row", HEADINGS, ids=[f"{r['doc'][:2]}-{r['prefix'][:8]}" for r in HEADINGS])
def test_found_plan_heading_tag(row):
    _, tasks = _parsed(row["doc"])
    covered = [t for t in tasks if t.heading_tag and _bare(t.heading_tag) == _bare(row["tag"])]
    assert len(covered) == len(row["covers"])
    for t, cover in zip(covered, row["covers"]):
        assert _bare(t.text).startswith(_bare(cover["prefix"]))
        assert t.role_source == "heading" and not t.tag
        assert {k: getattr(t, k) for k in KEYS} == {k: row[k] for k in KEYS}
        assert list(dict.fromkeys(d.text for d in t.deadlines)) == cover["deadlines"]


@pytest.mark.parametrize("name,count", [("06_lishan_2023_fengong.txt", 6), ("07_caidian_2023_zeren.txt", 3),
                                        ("08_lishui_2023_zerenfenjie.txt", 10), ("14_guandu_wenzengzhang_2016.txt", 4),
                                        ("15_huaian_shukun_2022.txt", 2), ("16_cangnan_gaozhiliang_2023.txt", 0),
                                        ("17_xining_liutong_2017.txt", 1)])
def test_found_plan_every_tag_and_no_other(name, count):
    doc, tasks = _parsed(name)
    assert sum(1 for t in tasks if t.tag) == count == sum(1 for r in TAGS if r["doc"] == name)
    assert doc.registry == ""
    assert not any(t.text.startswith(("牵头单位", "责任单位")) for t in tasks)  # label lines are no tasks


def test_lishui_rule_in_brackets_is_read_and_no_subunit():
    doc, tasks = _parsed("08_lishui_2023_zerenfenjie.txt")
    assert doc.lead_rule == "first_is_lead" and "列第一位为牵头或汇总单位" in doc.lead_rule_text
    assert all(not t.subunits for t in tasks)
