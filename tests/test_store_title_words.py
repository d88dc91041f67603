"""What names each plan (``title_words``) and one plan's document (``documents_of``), read from the store as the
plan in memory gives them: a question naming its plan (蓝天保卫战方案中…) reads neither 1,000 documents nor 1,000
plans' opening paragraphs."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "corpus").glob("*.txt"))
FIXTURES = ROOT / "tests" / "fixtures" / "plans"


def load(monkeypatch, cache: Path, corpus: Path):
    monkeypatch.setenv("KB_CACHE_DIR", str(cache))
    import kb.store as store

    store._SAID.clear()
    store._SWEPT.clear()
    store._UNWRITABLE.clear()
    return store.load_plan(corpus)


def make_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = BUNDLED.read_text(encoding="utf-8")
    for n, city in enumerate(["自贡", "绵阳"]):
        (folder / f"plan-{n:02d}.txt").write_text(text.replace("自贡", city), encoding="utf-8")
    for name in ("12_zongbao_guofa2019-3.txt", "13_zimaoqu_guofa2018-38.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def test_title_words_and_one_document_are_read_as_the_plan_in_memory_gives_them(tmp_path, monkeypatch):
    from kb.store import parse_in_memory

    corpus = make_corpus(tmp_path / "c")
    memory = parse_in_memory(sorted(corpus.glob("*.txt")))
    expected = memory.title_words()
    assert [d for d, _ in expected] == ["12_zongbao_guofa2019-3", "13_zimaoqu_guofa2018-38", "plan-00", "plan-01"]
    assert "综合保税区" in expected[0][1] and "绵阳" in expected[3][1] and "绵阳" not in expected[2][1]
    for run in range(2):  # computed, then read back from the store's meta
        stored = load(monkeypatch, tmp_path / "cache", corpus)
        assert stored.title_words() == expected, run
        assert stored.documents_of("plan-01") == memory.documents_of("plan-01") != []
        assert stored.documents_of("plan-01")[0].path == str(corpus / "plan-01.txt")
        assert stored.documents_of("no-such-plan") == []
        assert stored.uses_store()  # (nothing above loaded every document)
    keys = [k for (k,) in stored.store.query("SELECT key FROM meta WHERE key LIKE 'corpus:title_words:%'")]
    assert len(keys) == 1
    # a plan removed: another corpus, other title words (the memo of the corpus before is forgotten with it)
    (corpus / "plan-00.txt").unlink()
    stored = load(monkeypatch, tmp_path / "cache", corpus)
    assert [d for d, _ in stored.title_words()] == ["12_zongbao_guofa2019-3", "13_zimaoqu_guofa2018-38", "plan-01"]


def test_a_damaged_memo_is_said_and_answered_from_the_files(tmp_path, monkeypatch):
    corpus = make_corpus(tmp_path / "c")
    stored = load(monkeypatch, tmp_path / "cache", corpus)
    expected = stored.title_words()
    stored.store.db.execute("UPDATE meta SET value = '[[1, 2]]' WHERE key LIKE 'corpus:title_words:%'")
    again = load(monkeypatch, tmp_path / "cache", corpus)
    assert again.title_words() == expected  # (read from the files: the store is healed)
