"""One body written with and without its level prefix in one plan (市国土房管局 in one tag, 国土房管局 in later
ones): the parsed tags keep the names as written, but a department question answers for both spellings."""

from __future__ import annotations

import pytest

from kb.qa.exec_departments import level_pair

PAIRS = [
    ("国土房管局", ["市国土房管局", "国土房管局", "市公安局"], "市国土房管局", "bare asked: its one prefixed form"),
    ("市国土房管局", ["市国土房管局", "国土房管局"], "国土房管局", "prefixed asked: the bare form"),
    ("县交通局", ["县交通局", "交通局", "市财政局"], "交通局", "县 is a level prefix"),
    ("旗林草局", ["林草局", "旗林草局"], "林草局", "旗 is a level prefix"),
    ("公安局", ["市公安局", "区公安局", "公安局"], None, "control: two prefixed forms, two bodies"),
    ("市公安局", ["市公安局", "区公安局", "公安局"], None, "control: the bare form has a second prefixed form"),
    ("市公安局", ["市公安局", "区公安局"], None, "control: 市/区 of one name, no bare form: unchanged"),
    ("市公安局", ["市公安局", "市交通局"], None, "control: no other spelling"),
    ("政府", ["市政府", "政府"], None, "control: generic short form"),
    ("市人民政府", ["市人民政府", "人民政府"], None, "control: generic short form"),
    ("市各有关单位", ["市各有关单位", "各有关单位"], None, "control: 各… is a group, not a body"),
    ("市场监管局", ["市场监管局", "场监管局"], "场监管局", "pairing is by the names the plan writes only"),
]


@pytest.mark.parametrize("name,names,expected,why", PAIRS)
def test_level_pair(name, names, expected, why):
    assert level_pair(name, names) == expected, why


PLAN = ("某市测试方案\n三、重点任务\n"
        "（一）第一节。\n"
        "甲任务。（市自然资源局牵头，市国土房管局配合）\n"
        "乙任务。（市自然资源局牵头，国土房管局配合）\n"
        "丙任务。（市住房城乡建设局牵头）\n"
        "丁任务。（市住房城乡建设局牵头，国土房管局配合）\n")

CONTROL = ("某市测试方案\n三、重点任务\n"
           "（一）第一节。\n"
           "甲任务。（市自然资源局牵头，市公安局配合）\n"
           "乙任务。（市自然资源局牵头，区公安局配合）\n")


def _plan(tmp_path, text, monkeypatch):
    from kb.store import load_plan, parse_in_memory

    f = tmp_path / "plan.txt"
    f.write_text(text, encoding="utf-8")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    return parse_in_memory([f]), load_plan(str(f))


@pytest.mark.parametrize("question", ["国土房管局配合哪些任务", "市国土房管局要配合几项", "国土房管局有哪些任务"])
def test_both_spellings_answer_for_one_body(tmp_path, monkeypatch, question):
    from kb.qa import Session

    for plan in _plan(tmp_path, PLAN, monkeypatch):
        # the tags keep the names as written
        assert [t.support for t in plan.tasks if t.support] == [["市国土房管局"], ["国土房管局"], ["国土房管局"]]
        answer = Session(plan=plan, strict=True).ask(question)
        assert [t.label for t in answer.tasks] == ["三（一）1", "三（一）2", "三（一）4"], answer.text
        assert "共 3 项" in answer.text and answer.text.startswith("市国土房管局"), answer.text


def test_two_prefixed_forms_stay_two_bodies(tmp_path, monkeypatch):
    from kb.qa import Session

    for plan in _plan(tmp_path, CONTROL, monkeypatch):
        answer = Session(plan=plan, strict=True).ask("市公安局配合哪些任务")
        assert [t.label for t in answer.tasks] == ["三（一）1"], answer.text
        answer = Session(plan=plan, strict=True).ask("区公安局配合哪些任务")
        assert [t.label for t in answer.tasks] == ["三（一）2"], answer.text


def test_spellings_of_two_plans_are_not_merged(tmp_path):
    """A folder: 国土房管局 of one plan is not 市国土房管局 of another (control: each keeps its own tasks)."""
    from kb.qa import Session
    from kb.store import parse_in_memory

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("某市测试方案\n三、重点任务\n（一）第一节。\n甲任务。（市自然资源局牵头，市国土房管局配合）\n", encoding="utf-8")
    b.write_text("某省测试方案\n三、重点任务\n（一）第一节。\n乙任务。（自然资源厅牵头，国土房管局配合）\n", encoding="utf-8")
    plan = parse_in_memory([a, b])
    answer = Session(plan=plan, strict=True).ask("市国土房管局配合哪些任务")
    assert [t.doc for t in answer.tasks] == ["a"], answer.text
