"""The search index of a corpus in the store is updated plan by plan, not rebuilt (issue #12).

Corpora are copies of the bundled plan under other city names; each test has
its own cache directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store_state import load_fresh

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "corpus").glob("*.txt"))


def write_plan(folder: Path, name: str, city: str, extra: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = BUNDLED.read_text(encoding="utf-8").replace("自贡", city)
    (folder / name).write_text(text + extra, encoding="utf-8")


def test_adding_changing_and_removing_a_plan_updates_only_its_documents(tmp_path, monkeypatch):
    from kb.qa import index

    corpus, cache = tmp_path / "c", tmp_path / "cache"
    write_plan(corpus, "a.txt", "自贡")
    write_plan(corpus, "b.txt", "绵阳")
    plan = load_fresh(monkeypatch, cache, corpus)
    ix = index.open_index(plan)
    path, built = ix.path, ix.info["built"]
    digests = plan.index_digests()
    assert ix.doc_count == 148 and ix.info["plans"] == digests and list(digests) == ["a", "b"]
    assert digests["a"] != digests["b"]  # (another city name: other indexed text)
    ix.close()

    write_plan(corpus, "c.txt", "泸州")
    plan = load_fresh(monkeypatch, cache, corpus)
    steps = []
    ix = index.open_index(plan, progress=steps.append)
    assert ix.path == path and ix.info["built"] == built and "updated" in ix.info  # no rebuild
    assert ix.doc_count == 222
    assert any(getattr(s, "total", 0) == 74 for s in steps)  # only the new plan's 74 paragraphs written
    assert [i.split("#")[0] for i in ix.phrase_ids("泸州市")] == ["c"] * len(ix.phrase_ids("泸州市"))
    assert ix.phrase_ids("泸州市")
    ix.close()

    text = (corpus / "b.txt").read_text(encoding="utf-8").replace("加强秸秆禁烧", "加强秸秆露天禁烧")
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    (corpus / "a.txt").unlink()
    plan = load_fresh(monkeypatch, cache, corpus)
    ix = index.open_index(plan)
    assert ix.doc_count == 148 and list(ix.info["plans"]) == ["b", "c"]
    assert ix.phrase_ids("秸秆露天禁烧") == ["b#3.5.3"]
    assert not [i for i in ix.ids_with("lead", "市交通运输局") if i.startswith("a#")]
    assert ix.ids_with("lead", "市交通运输局")[:1] == ["b#3.1.13"]  # plan order: b before c
    ix.close()
    assert index.state(plan).state == "ready"


def test_new_parsing_rules_that_index_the_same_fields_re_index_nothing(tmp_path, monkeypatch):
    """The store re-parses every plan when its rules change (new plan keys); the index is keyed by the digest of
    what it holds of each plan (kb.plan_rows.index_digest), so it stays as it is — at 1,000 plans a re-index
    is ~20 minutes — unless a plan's indexed fields changed."""
    import kb.store as store
    from kb.qa import index

    corpus, cache = tmp_path / "c", tmp_path / "cache"
    write_plan(corpus, "a.txt", "自贡")
    plan = load_fresh(monkeypatch, cache, corpus)
    ix = index.open_index(plan)
    path, built, generation, digests = ix.path, ix.info["built"], ix.info["generation"], ix.info["plans"]
    ix.close()
    key = plan.refs[0].key

    rules = store.rules_fingerprint()
    monkeypatch.setattr(store, "rules_fingerprint", lambda: "other rules " + rules)
    plan = load_fresh(monkeypatch, cache, corpus)
    assert plan.refs[0].key != key  # re-parsed under the new rules
    # (the old rules' rows were deleted before the new ones were written: their pages are reused)
    assert plan.store.query("SELECT key FROM plans") == [(plan.refs[0].key,)]
    assert index.state(plan).state == "ready"
    ix = index.open_index(plan)
    assert (ix.path, ix.info["built"], ix.info["generation"], ix.info["plans"]) == (path, built, generation, digests)
    assert "updated" not in ix.info
    ix.close()


def test_a_new_word_of_an_added_plan_reaches_the_paragraphs_already_indexed(tmp_path, monkeypatch):
    """A department only plan B's tag names is a vocabulary word; plan A's text that mentions it is indexed again."""
    from kb.qa import index

    corpus, cache = tmp_path / "c", tmp_path / "cache"
    mention = "\n（九）新设机构。由市蓝天督导办统筹调度。\n"
    write_plan(corpus, "a.txt", "自贡", mention)
    plan = load_fresh(monkeypatch, cache, corpus)
    ix = index.open_index(plan)
    assert "市蓝天督导办" not in ix.analyzer.segmenter.words
    ix.close()
    tag = "\n（九）新设机构。统筹调度全市督导工作。（市蓝天督导办牵头）\n"
    write_plan(corpus, "b.txt", "绵阳", tag)
    plan = load_fresh(monkeypatch, cache, corpus)
    ix = index.open_index(plan)
    assert "市蓝天督导办" in ix.analyzer.segmenter.words
    # The query is now the one word: plan A's paragraph matches only if it was indexed again with it
    # (plan B names the office in its tag alone, which is not searched text).
    found = {h.task_id.split("#")[0] for h in ix.search("市蓝天督导办", limit=None, require_all=True)}
    assert found == {"a"}
    assert [i.split("#")[0] for i in ix.ids_with("lead", "市蓝天督导办")] == ["b"]
    ix.close()


def test_a_question_needing_a_missing_index_says_it_is_building_it(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    # As if the last build measured here took a second per paragraph: the estimate is long.
    (cache / "index-rate.json").write_text(json.dumps({"seconds_per_paragraph": 1.0}))
    env = dict(os.environ, KB_CACHE_DIR=str(cache))
    env.pop("KB_CORPUS", None)
    out = subprocess.run([sys.executable, "-m", "kb.cli", "ask", "国六标准什么时候实施"], env=env, capture_output=True,
                         text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0 and "三（三）4" in out.stdout
    (line,) = [x for x in out.stderr.splitlines() if x.strip()]
    assert "正在建立搜索索引" in line and "74 段" in line and "约需 75 秒" in line


def test_an_added_plan_re_indexes_no_paragraph_of_the_others(tmp_path, monkeypatch):
    """A plan like the others (another city) brings only its own new words (the city's names): the
    paragraphs of the plans already indexed stay as they are.  A target metric longer than the
    segmenter keeps (16 characters) once counted as new at every update and re-indexed a paragraph of
    every plan (1,001 paragraphs at 1,000 plans)."""
    from kb.qa import index

    corpus, cache = tmp_path / "c", tmp_path / "cache"
    write_plan(corpus, "a.txt", "自贡")
    write_plan(corpus, "b.txt", "绵阳")
    index.open_index(load_fresh(monkeypatch, cache, corpus)).close()
    write_plan(corpus, "c.txt", "泸州")
    steps = []
    index.open_index(load_fresh(monkeypatch, cache, corpus), progress=steps.append).close()
    assert {getattr(s, "total", 0) for s in steps} - {0, 1} == {74}  # the new plan's paragraphs, nothing again


def test_the_index_built_by_kb_index_progress_lines_is_opened_as_it_is(tmp_path, monkeypatch):
    """``kb index --update --progress-lines`` (for scripts and child processes) writes each step as
    ``kb-progress<TAB>done<TAB>total<TAB>message`` on stderr; opening the index afterwards builds nothing."""
    import os
    import subprocess
    import sys

    from kb.qa import index

    corpus, cache = tmp_path / "c", tmp_path / "cache"
    write_plan(corpus, "a.txt", "自贡")
    write_plan(corpus, "b.txt", "绵阳")
    plan = load_fresh(monkeypatch, cache, corpus)
    env = {**os.environ, "KB_CACHE_DIR": str(cache)}
    child = subprocess.run([sys.executable, "-m", "kb.cli", "--corpus", str(corpus), "index", "--update", "--progress-lines"],
                           capture_output=True, text=True, env=env)
    assert child.returncode == 0, child.stderr
    steps = [line.split("\t", 3) for line in child.stderr.splitlines() if line.startswith(index.PROGRESS_MARK + "\t")]
    assert steps and all(done.isdigit() and total.isdigit() for _, done, total, _ in steps)
    assert max(int(total) for _, _, total, _ in steps) == 148  # two plans of 74 paragraphs
    monkeypatch.setattr(index, "build", lambda *a, **k: (_ for _ in ()).throw(AssertionError("built again")))
    monkeypatch.setattr(index, "sync", lambda *a, **k: (_ for _ in ()).throw(AssertionError("updated again")))
    ix = index.open_index(plan)
    assert ix.doc_count == 148
    ix.close()


@pytest.mark.parametrize("threshold, mapped, why", [
    (16 * 1024 * 1024, True, "a small index (the bundled plan's, ~0.3 MB) is mapped and copied: its postings are "
                             "read from memory, 1.5-2.5 ms faster per topic question"),
    (1, False, "an index over the threshold (1,000 plans: 130 MB) is read through its files, not held twice "
               "(mapped pages and the copies: 270 MB, the TUI's peak at its first screen)"),
])
def test_the_index_is_read_through_its_files_when_large(tmp_path, monkeypatch, threshold, mapped, why):
    """Whoosh's default maps each compound segment file and copies every segment's postings out of the map
    into memory when a reader opens: kb does so only for an index under MAP_BELOW_BYTES."""
    from kb.qa import index

    corpus, cache = tmp_path / "c", tmp_path / "cache"
    write_plan(corpus, "a.txt", "自贡")
    plan = load_fresh(monkeypatch, cache, corpus)
    index.open_index(plan).close()
    monkeypatch.setattr(index, "MAP_BELOW_BYTES", threshold)
    ix = index.open_index(plan)  # (opened, not built)
    try:
        assert ix._ix.storage.supports_mmap is mapped, why
        assert ix.phrase_ids("秸秆禁烧") and ix.search("秸秆 禁烧", limit=3)
    finally:
        ix.close()
