"""A folder holding one plan twice — its text and its web page (tests/fixtures/plans holds 国发〔2018〕42号 as both), or
a copy under another name — is one plan: every list has each task once, every count is the plan's, and the file left
out is said on stderr (kb.store ``same_plans`` / ``_one_file_a_plan``; ``SAME_PLAN_PREFERENCE`` picks the text).
Figures counted by hand: the bundled plan gives 市交通运输局 8 led tasks (test_plan.py); 国发〔2018〕42号 gives
发展改革委 10 supported tasks (its gold: 10 objects with 发展改革委 in support)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.store import corpus_files, load_plan, parse_in_memory

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "zigong-blue-sky-plan.txt"
PLANS = ROOT / "tests" / "fixtures" / "plans"


def kb(folder: Path, cache: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {"KB_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "kb.cli", "--corpus", str(folder), *argv],
                          capture_output=True, text=True, env=env)
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture()
def copies(tmp_path):
    """The bundled plan under two names, and a third file of another plan."""
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(BUNDLED, folder / "a-zigong.txt")
    shutil.copy(BUNDLED, folder / "b-zigong-copy.txt")
    shutil.copy(PLANS / "05_guangzhou_rencaijiju_2012.txt", folder)
    return folder


@pytest.fixture()
def text_and_page(tmp_path):
    """国发〔2018〕42号 as its page (sorted first) and as its text."""
    folder = tmp_path / "nongji"
    folder.mkdir()
    shutil.copy(PLANS / "02_nongjihua_guofa2018-42.source.html", folder / "a-nongji.html")
    shutil.copy(PLANS / "02_nongjihua_guofa2018-42.txt", folder / "b-nongji.txt")
    return folder


# (question, folder fixture, first line, why)
ROWS = [
    ("市交通运输局牵头哪些任务", "copies", "市交通运输局牵头的任务共 8 项：",
     "a copy under another name: 8, not 16 (the bundled plan's 8 led tasks)"),
    ("发展改革委配合哪些任务", "text_and_page", "发展改革委配合的任务共 10 项：",
     "the text and its web page: 10, not 20"),
]


@pytest.mark.parametrize("question, fixture, first, why", ROWS, ids=[r[3][:40] for r in ROWS])
@pytest.mark.parametrize("cache", ["stored", "memory"])
def test_one_plan_read_once(question, fixture, first, why, cache, request, tmp_path):
    folder = request.getfixturevalue(fixture)
    cache_dir = tmp_path / "cache" if cache == "stored" else tmp_path / "no-cache-file"
    if cache == "memory":
        cache_dir.write_text("")  # a cache path that is a file: kb answers in memory
    proc = kb(folder, cache_dir, "ask", question)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == first, why
    assert "是同一方案" in proc.stderr and proc.stderr.count("已跳过") == 1, proc.stderr


def test_the_file_left_out_and_the_file_kept(text_and_page, copies, tmp_path):
    # The text is read, whatever the order: the page sorts first here.
    memory = parse_in_memory(corpus_files(text_and_page))
    assert [d.id for d in memory.documents] == ["b-nongji"]
    proc = kb(text_and_page, tmp_path / "c1", "ask", "发展改革委配合哪些任务")
    assert f"已跳过 {text_and_page / 'a-nongji.html'}：与 {text_and_page / 'b-nongji.txt'} 是同一方案" in proc.stderr
    # Two copies of one format: the first in corpus order is read, the other is said.
    proc = kb(copies, tmp_path / "c2", "ask", "市交通运输局牵头哪些任务")
    assert f"已跳过 {copies / 'b-zigong-copy.txt'}：与 {copies / 'a-zigong.txt'} 是同一方案" in proc.stderr


def test_stored_and_memory_keep_the_same_documents(copies, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    stored = load_plan(copies)
    memory = load_plan(copies, use_cache=False)
    assert stored.document_ids() == [d.id for d in memory.documents] == ["05_guangzhou_rencaijiju_2012", "a-zigong"]
    assert len(stored.tasks) == len(memory.tasks)
    again = load_plan(copies)  # warm: the store's memo of the corpus
    assert again.document_ids() == stored.document_ids()


def test_a_changed_copy_is_another_plan(copies, tmp_path, monkeypatch):
    """One character changed in one task: two versions of the plan, both read (nothing said), each named with its
    file."""
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    changed = copies / "b-zigong-copy.txt"
    text = changed.read_text(encoding="utf-8")
    assert "全面推广汽修行业" in text
    changed.write_text(text.replace("全面推广汽修行业", "全面推动汽修行业", 1), encoding="utf-8")
    proc = kb(copies, tmp_path / "cache", "ask", "市交通运输局牵头哪些任务")
    lines = proc.stdout.splitlines()
    assert lines[0] == "市交通运输局牵头的任务共 16 项："
    assert "同一方案" not in proc.stderr
    # Two plans of one name: every item and the plans held name each one's file (kb.model.distinct_names).
    name = "自贡市打赢蓝天保卫战实施方案"
    assert lines[1].endswith(f"〔{name}（a-zigong.txt）〕（配合：市生态环境局）"), lines[1]
    assert sum(f"〔{name}（b-zigong-copy.txt）〕" in ln for ln in lines) == 8
    held = kb(copies, tmp_path / "cache", "ask", "载入了哪些方案").stdout
    assert f"《{name}（a-zigong.txt）》" in held and f"《{name}（b-zigong-copy.txt）》" in held, held
    assert "文件“05_guangzhou_rencaijiju_2012”（kb 没有读到方案标题）" in held, \
        "a name no other plan has stays as it is (the file's name, said to be one: kb read no title in it)"
    memory = parse_in_memory(corpus_files(copies))
    stored = load_plan(copies)
    assert memory.document_names() == [(d, n) for d, n in stored.document_names()] == [
        ("05_guangzhou_rencaijiju_2012", "05_guangzhou_rencaijiju_2012"), ("a-zigong", f"{name}（a-zigong.txt）"),
        ("b-zigong-copy", f"{name}（b-zigong-copy.txt）")]
