"""A heading's limit reaches every consumer: when-questions, ``kb grep --year/--due-before``, exports, duty lists; and a
heading's words (a year written only there) are among the plan's words for every reader, in memory and from the store.

holdout13 (session 12, cause 1): the dk plan writes its three phases' limits only in headings (``（二）建设及试运行阶段（2025年
年底前）``).  kb answered dk06/dk07/dk08/dk14 "方案没有规定…完成时限" with the heading on the source line, listed no 2025
task, and said the plan never writes 2025 (dk01, c3a: ``Plan.mentions()`` held document titles and paragraphs, not
headings).  The questions below are the blind set's (its truths read from the plan by hand); expectations written before
the code.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kb.cli import main

DK = Path(__file__).parent / "fixtures" / "holdout13" / "dk_dikong_hujiaokong2024-870.txt"


@pytest.fixture()
def dk(tmp_path, monkeypatch, fixed_export_date):
    """The dk plan alone in a corpus folder, the cwd a fresh folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DK, corpus / DK.name)
    monkeypatch.chdir(tmp_path)
    return corpus


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


#: (question, words the first line holds, why) — holdout13 dk06, dk07, dk08, dk14
WHEN = [
    ("建设筹备阶段的完成时限是什么时候？", "2024年年底前", "dk06: the phase heading 二（一） itself"),
    ("市级低空飞行服务中心什么时候建成投运", "2025年年底前", "dk07: 二（二）'s paragraph, under （2025年年底前）"),
    ("区级飞行服务站什么时候建立并运行？", "2027年年底前", "dk08: 二（三）1, under （2027年年底前）"),
    ("平台（一期）什么时候上线运行？", "2025年年底前", "dk14: 二（二）"),
    ("优化提升阶段什么时候完成", "2027年年底前", "a phase over two paragraphs, named only by its heading"),
]


@pytest.mark.parametrize("question,holds,why", WHEN, ids=[w[2][:5] for w in WHEN])
def test_when_questions_answer_the_heading_limit(dk, question, holds, why):
    from kb.qa import Session

    answer = Session(str(dk)).ask(question)
    first = answer.text.split("\n", 1)[0]
    assert holds in first and "没有规定" not in answer.text, f"{why} | kb: {answer.text}"
    assert answer.status != "not_in_plan", why
    # the heading stating it is quoted as the plan's words
    assert f"（{holds}）" in "".join(line for line in answer.text.split("\n") if line.startswith("原文：")), answer.text


#: (filters, labels, why): export --table, grep -l '' and the question's tasks agree
FILTERS = [
    (["--year", "2025"], ["二（二）"], "due in 2025: 二（二） alone (二（三） is due by 2027, 二（一） by 2024)"),
    (["--due-before", "2025-12-31"], ["二（一）", "二（二）"], "by the end of 2025: the first two phases"),
    (["--year", "2027"], ["二（三）1", "二（三）2"], "二（三）'s two paragraphs, 展望未来 included (it stands under it)"),
]


@pytest.mark.parametrize("filters,labels,why", FILTERS, ids=[" ".join(f[0]) for f in FILTERS])
def test_grep_and_export_select_by_the_heading_limit(capsys, dk, filters, labels, why):
    grep_labels = _run(capsys, "--corpus", str(dk), "grep", *filters, "-l", "").split()
    exported = json.loads(_run(capsys, "--corpus", str(dk), "export", "--table", *filters, "-f", "json", "-o", "-"))
    assert grep_labels == labels, why
    assert [t["label"] for t in exported["tasks"]] == labels, why


def test_a_year_asked_lists_the_phase_due_in_it(dk):
    """dk01/c3a: 2025年要完成哪些任务 — the plan writes 2025 only in 二（二）'s heading; kb said it never writes 2025."""
    from kb.qa import Session

    answer = Session(str(dk)).ask("2025年要完成哪些任务")
    assert [t.label for t in answer.tasks] == ["二（二）"], answer.text
    assert "没有" not in answer.text.split("\n", 1)[0], answer.text


#: (word, in the plan's words?, why) — asked of the stored plan and of the same plan in memory
WORDS = [
    ("2025年", True, "written only in 二（二）'s heading"),
    ("2027年", True, "written only in 二（三）'s heading"),
    ("建设及试运行阶段", True, "a section title"),
    ("重点任务", True, "a part title (一、重点任务)"),
    ("2026年", False, "written nowhere"),
    ("飞行汽车", False, "written nowhere"),
]


def test_headings_are_the_plans_words_in_memory_and_in_the_store(dk):
    from kb.qa.executors import years_stated
    from kb.store import load_plan, parse_in_memory

    stored, memory = load_plan(str(dk)), parse_in_memory(sorted(dk.glob("*.txt")))
    assert stored.uses_store()
    for word, held, why in WORDS:
        assert (word in stored.mentions()) == (word in memory.mentions()) == held, why
    assert years_stated(stored) == years_stated(memory) == ["2024年", "2025年", "2027年"]


CITY = "\n".join([
    "某市推进城市更新行动实施方案", "",
    "一、近期任务（2024—2025年）", "",
    "（一）完善配套设施", "",
    "加快建设社区养老服务设施。（市民政局牵头，市财政局配合）", "",
    "（二）2025年重点任务", "",
    "推进社区食堂建设，新增社区食堂30个。（市民政局负责）", "",
]) + "\n"


def test_duty_list_prints_the_heading_limit(capsys, tmp_path, monkeypatch):
    """市民政局's duty list: 一（一） due within 2024—2025年 (its part's heading), 一（二） in 2025 (its section's, nearer)."""
    path = tmp_path / "city.txt"
    path.write_text(CITY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(_run(capsys, "--corpus", str(path), "export", "市民政局", "-f", "json", "-o", "-"))
    # (JSON keeps a heading's limit under heading_deadlines: ``deadlines`` are the item's own words, kb.model.Task.to_dict)
    got = {t["label"]: [(d["text"], d["heading"]) for d in t["deadlines"] + t["heading_deadlines"]] for t in data["tasks"]}
    assert all(not t["deadlines"] for t in data["tasks"]), "neither item writes a limit of its own"
    assert got == {"一（一）": [("2024—2025年", "一、近期任务（2024—2025年）")], "一（二）": [("2025年", "一（二）2025年重点任务")]}
    out = _run(capsys, "--corpus", str(path), "duties", "市民政局")
    assert "2024—2025年" in out and "2025年" in out, out


#: A plan whose time nodes are headings over a paragraph each (holdout14's routed cause: ``（一）2023年4月底前`` as a
#: heading; asking by that date said "…4月底前下的条目共 0 项" or "方案没有规定时限").  区 level, untagged, and a 县 plan
#: with tags and the nodes as parts.
NODES = "\n".join([
    "某区老旧小区改造工作方案", "",
    "一、工作目标", "",
    "全面完成辖区内老旧小区改造任务。", "",
    "二、时间节点", "",
    "（一）2023年4月底前", "",
    "完成老旧小区改造项目摸底调查，确定改造项目清单。", "",
    "（二）2023年6月底前", "",
    "完成改造方案设计和审批。", "",
    "（三）2023年12月底前", "",
    "全面完成改造任务并组织竣工验收。", "",
    "三、保障措施", "",
    "各街道要加强组织领导。", "",
]) + "\n"

NODES_COUNTY = "\n".join([
    "某县农村供水保障工作方案", "",
    "一、2024年9月底前", "",
    "完成全县农村供水工程普查。（县水利局牵头，县卫生健康局配合）", "",
    "二、2024年12月底前", "",
    "完成集中供水工程改造。（县水利局负责）", "",
    "建立水质检测制度。（县卫生健康局负责）", "",
]) + "\n"

#: (plan, question, labels the answer lists (in order), words the answer holds, why)
NODE_ASKS = [
    ("nodes", "2023年4月底前要完成哪些工作", ["二（一）"], "2023年4月底前",
     "the node asked is a heading: its paragraph, never 0"),
    ("nodes", "2023年12月底前要完成什么", ["二（三）"], "2023年12月底前", "the last node's paragraph"),
    ("nodes", "改造方案设计什么时候完成", None, "2023年6月底前", "a when-question of the paragraph under a node"),
    ("county", "2024年12月底前要完成哪些任务", ["二1", "二2"], "2024年12月底前", "a part as the node, two tagged items"),
    ("county", "县卫生健康局2024年12月底前要完成什么", ["二2"], "2024年12月底前", "a unit's items due at the node"),
]


@pytest.mark.parametrize("which,question,labels,holds,why", NODE_ASKS, ids=[a[1] for a in NODE_ASKS])
def test_time_node_headings_answer_by_their_date(tmp_path, which, question, labels, holds, why):
    from kb.qa import Session

    path = tmp_path / f"{which}.txt"
    path.write_text(NODES if which == "nodes" else NODES_COUNTY, encoding="utf-8")
    answer = Session(str(path)).ask(question)
    assert holds in answer.text and "共 0 项" not in answer.text and "没有规定" not in answer.text, f"{why} | kb: {answer.text}"
    if labels is not None:
        assert [t.label for t in answer.tasks] == labels, f"{why} | kb: {answer.text}"
