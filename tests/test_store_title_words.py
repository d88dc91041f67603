"""What names each plan (``title_words``) and one plan's document (``documents_of``), read from the store as the
plan in memory gives them: a question naming its plan (蓝天保卫战方案中…) reads neither 1,000 documents nor 1,000
plans' opening paragraphs."""

from __future__ import annotations

from store_state import load_fresh, two_cities_corpus

OTHERS = ("12_zongbao_guofa2019-3.txt", "13_zimaoqu_guofa2018-38.txt")


def test_title_words_and_one_document_are_read_as_the_plan_in_memory_gives_them(tmp_path, monkeypatch):
    from kb.store import parse_in_memory

    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    memory = parse_in_memory(sorted(corpus.glob("*.txt")))
    expected = memory.title_words()
    assert [d for d, _ in expected] == ["12_zongbao_guofa2019-3", "13_zimaoqu_guofa2018-38", "plan-00", "plan-01"]
    assert "综合保税区" in expected[0][1] and "绵阳" in expected[3][1] and "绵阳" not in expected[2][1]
    for run in range(2):  # computed, then read back from the store's meta
        stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
        assert stored.title_words() == expected, run
        assert stored.documents_of("plan-01") == memory.documents_of("plan-01") != []
        assert stored.documents_of("plan-01")[0].path == str(corpus / "plan-01.txt")
        assert stored.documents_of("no-such-plan") == []
        assert stored.uses_store()  # (nothing above loaded every document)
    keys = [k for (k,) in stored.store.query("SELECT key FROM meta WHERE key LIKE 'corpus:title_words:%'")]
    assert len(keys) == 1
    # a plan removed: another corpus, other title words (the memo of the corpus before is forgotten with it)
    (corpus / "plan-00.txt").unlink()
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    assert [d for d, _ in stored.title_words()] == ["12_zongbao_guofa2019-3", "13_zimaoqu_guofa2018-38", "plan-01"]


def test_a_damaged_memo_is_said_and_answered_from_the_files(tmp_path, monkeypatch):
    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    expected = stored.title_words()
    stored.store.db.execute("UPDATE meta SET value = '[[1, 2]]' WHERE key LIKE 'corpus:title_words:%'")
    again = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    assert again.title_words() == expected  # (read from the files: the store is healed)
