"""``Document.name``: one name for a plan in every listing (answers, duties, tasks, exports, TUI).

A plan behind a cover notice (关于转发《X》的通知) is called by its own title X, never by the notice's title.
The names below are written by hand from the first lines of the fixture files.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.model import Document
from kb.store import load_plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "tests" / "fixtures" / "plans"

JINGAN = "25_jingan_chengshigengxin_2023"
SONGJIANG = "21_songjiang_chengshigengxin_2025"
NONGJI = "02_nongjihua_guofa2018-42"

#: document id → (its notice's words that must never name it, or None; the name by hand)
NAMES = {
    SONGJIANG: ("关于转发区建设管理委制订的", "松江区城市更新2025年度实施计划"),
    JINGAN: ("关于转发区建设管理委《", "静安区“卓越城区”城市更新行动方案（2023-2025年）"),
    NONGJI: (None, "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见"),
}
NOTICE_WORDS = [w for w, _ in NAMES.values() if w]


@pytest.mark.parametrize("title,plan_title,name,why", [
    ("某市人民政府办公室关于印发《某市行动方案》的通知", "某市行动方案", "某市行动方案", "behind a notice: the plan's own title"),
    ("某市行动方案", None, "某市行动方案", "no notice: the title"),
    ("某市行动方案", "", "某市行动方案", "an empty plan title is no title"),
    ("", None, "", "no title at all stays empty (callers fall back to the id)"),
])
def test_name_rule(title, plan_title, name, why):
    doc = Document(id="x", title=title, path="x.txt", sha256="0", plan_title=plan_title)
    assert doc.name == name, why


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("named-plans")
    for doc_id in NAMES:
        shutil.copy(PLANS / f"{doc_id}.txt", d)
    return d


def kb(folder, *argv):
    proc = subprocess.run([sys.executable, "-m", "kb.cli", "--corpus", str(folder), *argv], capture_output=True,
                          text=True)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def no_notice(text):
    for words in NOTICE_WORDS:
        assert words not in text


def test_memory_and_stored_plans_give_the_same_names(folder):
    expected = sorted((doc_id, name) for doc_id, (_, name) in NAMES.items())
    memory = load_plan(str(folder), use_cache=False)
    stored = load_plan(str(folder))
    assert sorted(stored.document_names()) == expected
    assert sorted((h.id, h.name) for h in stored.document_headers()) == expected
    assert sorted((d.id, d.name) for d in stored.documents) == expected
    assert sorted(memory.document_names()) == expected
    # the document's title is kept as read (the notice's): qa matches words of either
    assert dict(stored.document_titles())[JINGAN].startswith("上海市静安区人民政府办公室关于转发")


def test_tasks_headers(folder):
    out = kb(folder, "tasks")
    heads = [ln for ln in out.splitlines() if ln.startswith("# ")]
    assert heads == [f"# {name}  ({doc_id})" for doc_id, (_, name) in sorted(NAMES.items(), key=lambda kv: kv[0])]
    no_notice(out)


def test_duties_over_two_plans(folder):
    out = kb(folder, "duties", "区规划资源局")
    heads = [ln.split("：")[0] for ln in out.splitlines() if ln.startswith("# ")]
    assert heads == [f"# 《{NAMES[SONGJIANG][1]}》（{SONGJIANG}.txt）", f"# 《{NAMES[JINGAN][1]}》（{JINGAN}.txt）"]
    no_notice(out)
    plans = json.loads(kb(folder, "duties", "区规划资源局", "--json"))["plans"]
    assert [(p["id"], p["name"]) for p in plans] == [(SONGJIANG, NAMES[SONGJIANG][1]), (JINGAN, NAMES[JINGAN][1])]
    assert plans[1]["title"].startswith("上海市静安区人民政府办公室")  # the document's title, as before


def test_answer_items_name_the_plan(folder):
    out = kb(folder, "ask", "区规划资源局负责哪些任务")
    no_notice(out)
    assert f"〔{NAMES[SONGJIANG][1]}〕" in out and f"〔{NAMES[JINGAN][1]}〕" in out


@pytest.mark.parametrize("argv,expected", [
    (["export", "--table", "-f", "md", "-o", "-"], f"# 《{NAMES[JINGAN][1]}》任务分工表"),
    (["export", "--matrix", "-f", "md", "-o", "-"], f"# 《{NAMES[JINGAN][1]}》分工矩阵"),
    (["export", "区建设管理委", "-f", "md", "-o", "-"], f"- 方案：《{NAMES[JINGAN][1]}》"),
])
def test_exports_of_the_plan_behind_a_notice(argv, expected):
    out = kb(PLANS / f"{JINGAN}.txt", *argv)
    assert expected in out.splitlines()[:6]
    no_notice(out)


def test_export_all_file_name(tmp_path):
    kb(PLANS / f"{JINGAN}.txt", "export", "--all", "-o", str(tmp_path / "out"))
    tables = sorted(p.name for p in (tmp_path / "out").iterdir() if "任务分工表" in p.name)
    assert tables == [f"{NAMES[JINGAN][1]}-任务分工表.xlsx"]


def test_matrix_numbers_the_plans_by_name(folder):
    out = kb(folder, "export", "--matrix", "-f", "md", "-o", "-")
    legend = next(ln for ln in out.splitlines() if ln.startswith("- 方案编号："))
    assert legend == ("- 方案编号：" + "；".join(f"方案{i}＝《{NAMES[d][1]}》"
                                              for i, d in enumerate([NONGJI, SONGJIANG, JINGAN], 1)))
    no_notice(out)


def test_tui_names(folder):
    from tui.app import plan_titles, plans_title

    plan = load_plan(str(folder))
    assert sorted(plan_titles(plan)) == sorted((d, name) for d, (_, name) in NAMES.items())
    assert plans_title(load_plan(str(PLANS / f"{JINGAN}.txt"))) == NAMES[JINGAN][1]


def test_grep_names_each_plan(folder, capsys, monkeypatch):
    """kb grep with several plans: on a terminal a heading 《name》（id） before each plan's first line (the lines keep
    their DOC: prefix, as in a pipe); --json records carry ``name`` beside ``document``."""
    from kb.cli import main

    monkeypatch.setattr("kb.cli.grep._isatty", lambda stream: True)
    assert main(["--corpus", str(folder), "grep", "--color", "never", "-m", "1", "城市更新"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # 国发〔2018〕42号 does not write 城市更新: two plans, each a heading, one line, a blank line between
    assert lines == [f"《{NAMES[SONGJIANG][1]}》（{SONGJIANG}）", lines[1], "",
                     f"《{NAMES[JINGAN][1]}》（{JINGAN}）", lines[4]]
    assert lines[1].startswith(f"{SONGJIANG}:") and lines[4].startswith(f"{JINGAN}:")
    monkeypatch.setattr("kb.cli.grep._isatty", lambda stream: False)
    assert main(["--corpus", str(folder), "grep", "-m", "1", "城市更新"]) == 0
    assert all(not ln.startswith("《") for ln in capsys.readouterr().out.splitlines())  # a pipe: lines only
    assert main(["--corpus", str(folder), "grep", "--json", "-c", "城市更新"]) == 0
    records = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    counts = {r["data"]["document"]: r["data"]["name"] for r in records if r["type"] == "count"}
    assert counts == {d: name for d, (_, name) in NAMES.items()}
