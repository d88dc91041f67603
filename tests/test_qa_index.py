"""The Whoosh index: cached by content, atomic builds, broken indexes rebuilt, exhaustive structured fields."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb.model import ROLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_build_then_reuse(plan, cache):
    from kb.qa import index

    said = []
    ix = index.open_index(plan, progress=said.append)
    assert said and said[-1] == "索引已就绪"
    path = ix.path
    assert path.parent == cache and (path / index.MARKER).exists()
    assert ix.doc_count == len(plan.tasks)
    built = json.loads((path / index.MARKER).read_text())["built"]
    ix.close()
    said.clear()
    ix = index.open_index(plan, progress=said.append)
    assert said == [] and ix.path == path
    assert json.loads((path / index.MARKER).read_text())["built"] == built
    ix.close()
    st = index.state(plan)
    assert (st.state, st.documents, st.path) == ("ready", len(plan.tasks), path)


def test_state_of_missing_index(plan, cache):
    from kb.qa import index

    assert index.state(plan).state == "missing"


@pytest.mark.parametrize("damage", ["toc", "marker", "segment", "count"])
def test_broken_index_is_rebuilt_with_a_notice(plan, cache, damage):
    from kb.qa import index

    ix = index.open_index(plan)
    path = ix.path
    ix.close()
    if damage == "toc":
        for f in path.glob("_MAIN_*.toc"):
            f.write_bytes(b"garbage")
    elif damage == "marker":
        (path / index.MARKER).unlink()
    elif damage == "segment":
        for f in path.glob("*.seg"):
            f.unlink()
    else:
        info = json.loads((path / index.MARKER).read_text())
        info["documents"] += 1
        (path / index.MARKER).write_text(json.dumps(info))
    assert index.state(plan).state in ("broken", "ready")
    notices = []
    ix = index.open_index(plan, notice=notices.append)
    assert len(notices) == 1 and "正在重建" in notices[0] and str(path) in notices[0]
    assert ix.phrase_ids("秸秆禁烧")
    ix.close()
    assert index.state(plan).state == "ready"


def test_a_killed_build_leaves_no_index_and_old_leftovers_are_swept(plan, cache):
    from kb.qa import index

    stale = cache / ".build-index-deadbeef-xyz"
    stale.mkdir()
    (stale / "half-written").write_bytes(b"x")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = cache / ".build-index-cafe-abc"
    fresh.mkdir()  # another process may be building right now: left alone
    ix = index.open_index(plan)
    ix.close()
    assert not stale.exists() and fresh.exists()
    assert [p.name for p in cache.glob("index-*")] == [index.index_path(plan).name]


def test_key_follows_the_content(plan):
    from kb.qa import index

    other = copy.deepcopy(plan)
    assert index.content_key(other) == index.content_key(plan)
    other.tasks[5].text += "补充一句。"
    assert index.content_key(other) != index.content_key(plan)
    other = copy.deepcopy(plan)
    other.tasks[5].lead = other.tasks[5].lead + ["市民政局"]
    assert index.content_key(other) != index.content_key(plan)


def test_structured_fields_are_exhaustive(plan, cache):
    """"Every task X leads" as one index query gives exactly the plan's list, for every department and role."""
    from kb.qa import index

    ix = index.open_index(plan)
    try:
        for name in plan.departments():
            for role in (*ROLES, "implied"):
                assert ix.ids_with(role, name) == [t.id for t in plan.tasks if name in getattr(t, role)], (name, role)
        assert ix.ids_with("subunits", "市能源办") == [t.id for t in plan.tasks_of("市能源办")]
        with pytest.raises(Exception):
            ix.ids_with("nonsense", "x")
    finally:
        ix.close()


PHRASES = [
    ("秸秆禁烧", ["三（五）3"]),
    ("散乱污", ["三（一）4", "四（二）", "四（七）"]),
    ("开启式干洗机", ["三（一）12"]),
    ("禁烧秸秆", []),
    ("机械化清扫率", ["三（四）4"]),
    ("国六排放标准", ["三（三）4"]),
    ("VOCs在线监测", ["三（一）14"]),
    ("清扫率", ["三（四）4"]),
    ("PM2.5", ["二"]),
    ("“散乱污”企业", ["三（一）4", "四（二）", "四（七）"]),
]


@pytest.mark.parametrize("phrase,labels", PHRASES)
def test_phrase_queries_see_tokens_in_order(plan, cache, phrase, labels):
    from kb.qa import index

    ix = index.open_index(plan)
    try:
        assert [plan.task(i).label for i in ix.phrase_ids(phrase)] == labels
    finally:
        ix.close()


@pytest.mark.parametrize("query", ["AND OR NOT * ? : ( ) \" ~ ^ [ ] \\", "title:秸秆", "", "   ", "😀", "x" * 5000])
def test_search_takes_any_text(plan, cache, query):
    from kb.qa import index

    ix = index.open_index(plan)
    try:
        hits = ix.search(query)
        assert isinstance(hits, list)
        assert ix.search(query, limit=None, require_all=True) is not None
    finally:
        ix.close()


def test_search_ranks_the_title_match_first(plan, cache):
    from kb.qa import index

    ix = index.open_index(plan)
    try:
        hits = ix.search("秸秆 禁烧")
        assert plan.task(hits[0].task_id).label == "三（五）3"
        assert set(hits[0].terms) >= {"秸秆", "禁烧"}  # (and 秸秆禁烧, a topics.yaml word)
        everything = ix.search("秸秆", limit=None, require_all=True)
        assert sorted(plan.task(h.task_id).label for h in everything) == ["三（五）1", "三（五）2", "三（五）3"]
    finally:
        ix.close()


def _run(code: str, cache: Path) -> str:
    env = dict(os.environ, KB_CACHE_DIR=str(cache))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_queries_never_load_jieba_and_department_questions_never_load_whoosh(cache):
    _run("from kb.qa import Session; Session().ensure_index()", cache)  # build (jieba allowed here)
    code = (
        "import sys\nfrom kb.qa import Session\ns = Session()\n"
        "s.ask('交通局牵头哪些任务'); print('whoosh' in sys.modules, 'jieba' in sys.modules)\n"
        "s.ask('国六标准什么时候实施'); print('whoosh' in sys.modules, 'jieba' in sys.modules)\n"
    )
    assert _run(code, cache).split("\n") == ["False False", "True False"]


def test_a_department_question_on_a_stored_plan_never_imports_the_parser(cache):
    """The parser's rules (kb.parser.core and the modules it loads: 0.1–0.4 s) are for reading plan files; a question
    over a stored plan reads rows — a leaf module of the package (the value-table reader) must not load them all."""
    _run("from kb.qa import Session; Session().ask('交通局牵头哪些任务')", cache)  # (the store is written: parser allowed)
    code = "import sys\nfrom kb.qa import Session\nSession().ask('交通局牵头哪些任务'); print('kb.parser.core' in sys.modules)\n"
    assert _run(code, cache) == "False"


def test_two_processes_building_at_once(cache):
    env = dict(os.environ, KB_CACHE_DIR=str(cache))
    cmd = [sys.executable, "-m", "kb.cli", "ask", "--json", "国六标准什么时候实施"]
    procs = [subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in outs]
    answers = [json.loads(o) for o, _ in outs]
    assert all([t["label"] for t in a["tasks"]] == ["三（三）4"] for a in answers)
    assert len(list(cache.glob("index-*"))) == 1
    assert not list(cache.glob(".build-*"))
