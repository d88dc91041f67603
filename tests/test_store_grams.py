"""The store's trigram indexes (``folded_grams``, ``plain_grams``: kb.store.GRAM_TABLES).

They only narrow which rows a substring lookup reads; every answer must be the one reading every row gives — the plan
in memory (``parse_in_memory``, which never reads the store) is the reference.  Plans: the bundled plan twice (two
cities), a traditional-script plan with pinyin and Latin (GDP, IPv6, OTN), and one with BIPV and percentages.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store_state import load_fresh, two_cities_corpus

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "corpus").glob("*.txt"))
OTHERS = ("44_shandong_shuzijingji_2022.txt", "22_huangpu_kezaishengnengyuan_2025.txt")


@pytest.fixture()
def plans(tmp_path, monkeypatch):
    from kb.store import parse_in_memory

    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    return stored, parse_in_memory(sorted(corpus.glob("*.txt")))


def integrity(stored) -> None:
    """SQLite's own check that each index holds exactly its table's rows (raises when not)."""
    for table in sorted(stored.store.grams):
        stored.store.db.execute(f"INSERT INTO {table}_grams({table}_grams) VALUES ('integrity-check')")


# (word → why), written before running: each looked up in the paragraphs (tasks_matching) and the plans (mentions)
WORDS = [
    ("秸秆禁烧", "4 characters, in two plans: found through the index"),
    ("秸秆", "2 characters: no trigram holds it, the rows are read"),
    ("禁", "1 character"),
    ("绵阳市", "in one plan only"),
    ("这几个字不在", "in no plan: the index gives no row"),
    ("pm2.5", "Latin and digits, folded to lower case (the folded table)"),
    ("PM2.5", "upper case: the folded table never holds it; the plain table does"),
    ("ipv6", "in the traditional-script plan, folded"),
    ("IPv6", "as written"),
    ("bipv", "inside brackets: （BIPV）"),
    ("27.9%", "a figure with its percent sign"),
    ("（bipv）", "full-width brackets (NFKC folds them, so only plain holds them as typed)"),
    ("數字經濟", "traditional characters, as the plan writes them"),
    ("市交通运输局", "a department"),
    ("a*b", "a GLOB wildcard: read by scanning, never as a pattern"),
    ("[牵头]", "GLOB brackets: read by scanning"),
    ("?", "a lone wildcard character"),
]


@pytest.mark.parametrize("word,why", WORDS)
def test_a_word_is_found_in_the_same_paragraphs_and_plans_as_reading_every_row(plans, word, why):
    stored, memory = plans
    assert stored.store.grams == {"folded", "plain"}  # (this SQLite has FTS5's trigram tokenizer: the index is used)
    from kb.qa.text import fold

    assert [t.id for t in stored.tasks_matching([[word]], fold, kinds=None)] == \
        [t.id for t in memory.tasks_matching([[word]], fold, kinds=None)], why
    assert stored.search_texts().containing(word) == [t.id for t in memory.tasks_matching([[word]], fold, kinds=None)], why
    assert (word in stored.mentions()) == (word in memory.mentions()), why
    assert stored.uses_store()


@pytest.mark.parametrize("groups,why", [
    ([["秸秆禁烧", "扬尘"], ["市生态环境局"]], "a group with a 2-character word is read; the other narrows"),
    ([["秸秆禁烧"], ["绵阳"]], "two groups, both words found through the index or not"),
    ([["數字經濟"], ["ipv6", "gdp"]], "a group of two indexed words: their union"),
    ([["秸秆禁烧", "这几个字不在"]], "one word absent: the other's rows"),
])
def test_groups_of_words_match_as_reading_every_row(plans, groups, why):
    stored, memory = plans
    from kb.qa.text import fold

    for kinds in (None, ("task",)):
        assert [t.id for t in stored.tasks_matching(groups, fold, kinds=kinds)] == \
            [t.id for t in memory.tasks_matching(groups, fold, kinds=kinds)], why


def test_every_piece_of_every_paragraph_is_found_where_it_is(plans):
    """Every 3-, 4- and 6-character piece at every 5th position of each folded paragraph: the paragraphs the
    index-narrowed lookup gives are those holding it (read from every row, in SQL and in Python)."""
    stored, _ = plans
    texts = stored.store.query("SELECT plan, seq, text FROM folded")
    assert len(texts) > 150  # (163: 2 × 74 of the bundled plan and the two others' paragraphs)
    pieces = {text[i:i + n] for _, _, text in texts[::3] for i in range(0, len(text), 5) for n in (3, 4, 6)}
    pieces = sorted(p for p in pieces if len(p) >= 3)
    assert len(pieces) > 1000
    from kb.store import gram_indexable

    for piece in [p for p in pieces if gram_indexable(p)][::7]:
        truth = sorted((p, s) for p, s, text in texts if piece in text)
        found = sorted(stored.store.query(
            "SELECT x.plan, x.seq FROM folded x WHERE x.rowid IN (SELECT rowid FROM folded_grams WHERE text GLOB ?) "
            "AND instr(x.text, ?) > 0", (f"*{piece}*", piece)))
        assert found == truth, piece


def test_the_indexes_follow_plans_changed_and_removed(tmp_path, monkeypatch):
    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    cache = tmp_path / "cache"
    stored = load_fresh(monkeypatch, cache, corpus)
    integrity(stored)
    assert "绵阳市" in stored.mentions()
    (corpus / "plan-01.txt").unlink()  # 绵阳's plan
    (corpus / "plan-00.txt").write_text(BUNDLED.read_text(encoding="utf-8").replace("自贡", "乐山"), encoding="utf-8")
    import kb.store as store

    monkeypatch.setattr(store, "OBSOLETE_AFTER", 0.0)  # (old rows deleted at once, not kept for readers)
    stored = load_fresh(monkeypatch, cache, corpus)
    from kb.qa.text import fold

    assert "绵阳市" not in stored.mentions() and "乐山市" in stored.mentions()
    assert stored.tasks_matching([["绵阳市"]], fold, kinds=None) == []
    assert stored.store.query("SELECT count(*) FROM folded")[0][0] == \
        stored.store.query("SELECT count(*) FROM folded WHERE plan IN (SELECT key FROM plans)")[0][0]
    integrity(stored)
    # the deleted plan's rows are gone from the index too (a lookup through it gives no row of a plan not stored)
    assert not stored.store.query(
        "SELECT 1 FROM folded_grams g LEFT JOIN folded x ON x.rowid = g.rowid WHERE g.text GLOB '*绵阳市*' AND x.rowid IS NULL")


def test_without_the_trigram_tokenizer_the_store_reads_every_row(tmp_path, monkeypatch):
    """A SQLite without FTS5 or its trigram tokenizer (< 3.34): the store is made without the indexes, says nothing,
    and answers the same."""
    import kb.store as store
    from kb.qa.text import fold

    real = store._gram_statements
    monkeypatch.setattr(store, "_gram_statements",
                        lambda table: [s.replace("tokenize='trigram", "tokenize='no_such_tokenizer") for s in real(table)])
    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    assert stored.store.grams == frozenset()
    names = {r[0] for r in stored.store.query("SELECT name FROM sqlite_master")}
    assert not any("grams" in n for n in names)
    memory = store.parse_in_memory(sorted(corpus.glob("*.txt")))
    for word, _ in WORDS[:6]:
        assert [t.id for t in stored.tasks_matching([[word]], fold, kinds=None)] == \
            [t.id for t in memory.tasks_matching([[word]], fold, kinds=None)]
        assert (word in stored.mentions()) == (word in memory.mentions())
    # opened again by a kb whose SQLite has the tokenizer: the same store, still without (nothing half-made)
    monkeypatch.setattr(store, "_gram_statements", real)
    again = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    assert again.store.grams == frozenset() and "秸秆禁烧" in again.mentions()


def test_a_store_missing_a_trigger_does_not_use_its_index(tmp_path, monkeypatch):
    """An index without its trigger (the one taking deleted rows out) may be behind its table: it is not read."""
    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    stored = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    path = stored.store.path
    stored.store.close()
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER plain_grams_remove")
    db.commit()
    db.close()
    again = load_fresh(monkeypatch, tmp_path / "cache", corpus)
    assert again.store.grams == {"folded"}
    assert "秸秆禁烧" in again.mentions() and "这几个字不在" not in again.mentions()


# ---------------------------------------------------------------------------
# Filling the indexes after the rows (Store.fill_grams): a build killed between its rows and the fill, or during the
# fill, leaves rows above the mark (meta grams:<table>); they are read as if there were no index, and the next run
# indexes them.

#: A child process storing the corpus (argv[1]) with the cache folder (argv[2]), killed by SIGKILL at the point
#: named by argv[3]: "before fill" (every plan's rows committed, nothing indexed), "mid fill" (after the first batch
#: of 20 rows of the first table was committed).
KILLED_BUILD = """
import os, signal, sys
sys.path.insert(0, {root!r})
os.environ["KB_CACHE_DIR"] = sys.argv[2]
import kb.store as store
where = sys.argv[3]
real_write = store.Store._write
if where == "before fill":
    store.Store.fill_grams = lambda self, batch=0: os.kill(os.getpid(), signal.SIGKILL)
else:
    store.GRAM_BATCH_ROWS = 20
    real_fill = store.Store.fill_grams
    def fill(self, batch=0):
        def write(work):
            real_write(self, work)
            os.kill(os.getpid(), signal.SIGKILL)
        self._write = write
        real_fill(self)
    store.Store.fill_grams = fill
store.load_plan(sys.argv[1])
"""


def indexed_rowids(store, table: str) -> list[int]:
    """The rowids of ``table`` its trigram index gives for the first three characters of their own text."""
    return [rowid for rowid, text in store.query(f"SELECT rowid, text FROM {table} ORDER BY rowid")
            if store.query(f"SELECT 1 FROM {table}_grams WHERE text GLOB ? AND rowid = ?",
                           (f"*{text[:3].translate(str.maketrans('*?[]', '____'))}*", rowid))]


def marks_and_tops(stored) -> dict[str, tuple[int, int]]:
    from kb.store import gram_mark

    return {t: (int(stored.store.meta(gram_mark(t))), stored.store.query(f"SELECT max(rowid) FROM {t}")[0][0])
            for t in sorted(stored.store.grams)}


@pytest.mark.parametrize("where,why", [
    ("before fill", "every plan's rows committed, nothing indexed: the mark stays 0"),
    ("mid fill", "the first 20 rows of folded indexed and marked, the rest not"),
])
def test_a_build_killed_before_its_index_is_filled_is_read_correctly_and_filled_next_run(tmp_path, monkeypatch,
                                                                                          where, why):
    import os
    import subprocess
    import sys

    from kb.qa.text import fold
    from kb.store import Store, parse_in_memory

    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    cache = tmp_path / "cache"
    script = tmp_path / "killed.py"
    script.write_text(KILLED_BUILD.format(root=str(ROOT)), encoding="utf-8")
    job = subprocess.run([sys.executable, str(script), str(corpus), str(cache), where], capture_output=True, text=True,
                         timeout=300, env={k: v for k, v in os.environ.items() if k != "KB_CORPUS"})
    assert job.returncode == -9, job.stderr[-500:]
    # What the killed build left (read without kb's load, which would fill it).
    left = Store(cache)
    stored_rows = left.query("SELECT count(*) FROM plans")[0][0]
    marks = {t: left.meta(f"grams:{t}") for t in ("folded", "plain")}
    indexed = {t: indexed_rowids(left, t) for t in ("folded", "plain")}
    left.close()
    assert stored_rows == 4, why
    if where == "before fill":
        assert marks == {"folded": "0", "plain": "0"} and indexed == {"folded": [], "plain": []}, why
    else:
        assert marks == {"folded": "20", "plain": "0"} and indexed == {"folded": list(range(1, 21)), "plain": []}, why

    memory = parse_in_memory(sorted(corpus.glob("*.txt")))
    # A reader of the store as the killed build left it (its fill switched off: a read-only cache does the same).
    monkeypatch.setattr(Store, "fill_grams", lambda self, batch=0: None)
    reader = load_fresh(monkeypatch, cache, corpus)
    assert reader.store.grams == {"folded", "plain"}
    assert marks_and_tops(reader)["plain"][0] == 0
    for word, _ in WORDS:
        assert [t.id for t in reader.tasks_matching([[word]], fold, kinds=None)] == \
            [t.id for t in memory.tasks_matching([[word]], fold, kinds=None)], word
        assert reader.search_texts().containing(word) == \
            [t.id for t in memory.tasks_matching([[word]], fold, kinds=None)], word
        assert (word in reader.mentions()) == (word in memory.mentions()), word
    reader.store.close()

    # The next run fills the rest: every row under the mark, SQLite's own check passes, the same answers.
    monkeypatch.undo()
    again = load_fresh(monkeypatch, cache, corpus)
    assert {t: m for t, (m, top) in marks_and_tops(again).items()} == \
        {t: top for t, (m, top) in marks_and_tops(again).items()}
    integrity(again)
    for word, _ in WORDS:
        assert [t.id for t in again.tasks_matching([[word]], fold, kinds=None)] == \
            [t.id for t in memory.tasks_matching([[word]], fold, kinds=None)], word
        assert (word in again.mentions()) == (word in memory.mentions()), word


def test_the_index_is_filled_in_batches_and_deleted_rows_leave_it(tmp_path, monkeypatch):
    """Filled 7 rows a transaction, then a plan removed and another added: the mark follows the largest rowid, rowids
    of deleted rows are not given again (rows above the mark are exactly the rows not indexed), SQLite's check passes."""
    import kb.store as store

    monkeypatch.setattr(store, "GRAM_BATCH_ROWS", 7)
    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    cache = tmp_path / "cache"
    stored = load_fresh(monkeypatch, cache, corpus)
    first = marks_and_tops(stored)
    assert all(mark == top > 7 for mark, top in first.values()), first
    integrity(stored)
    monkeypatch.setattr(store, "OBSOLETE_AFTER", 0.0)
    (corpus / "plan-01.txt").write_text(BUNDLED.read_text(encoding="utf-8").replace("自贡", "乐山"), encoding="utf-8")
    stored.store.close()
    stored = load_fresh(monkeypatch, cache, corpus)
    second = marks_and_tops(stored)
    # 绵阳's rows deleted, 乐山's added above every rowid ever given (AUTOINCREMENT), and indexed
    assert all(second[t][0] == second[t][1] > first[t][1] for t in first), (first, second)
    assert stored.store.query("SELECT min(rowid) FROM folded WHERE plan IN "
                              "(SELECT key FROM plans WHERE title LIKE '%乐山%')")[0][0] > first["folded"][1]
    integrity(stored)
    from kb.qa.text import fold

    assert "绵阳市" not in stored.mentions() and "乐山市" in stored.mentions()
    assert not stored.tasks_matching([["绵阳市"]], fold, kinds=None)
    assert len(stored.tasks_matching([["乐山市"]], fold, kinds=None)) == \
        len(stored.tasks_matching([["自贡市"]], fold, kinds=None))


@pytest.mark.parametrize("change,why", [
    ("half the plans removed", "2 of 4 plans go: the indexes are emptied, the 2 that stay are indexed again"),
    ("one plan removed", "1 of 4: its rows are taken out of the indexes one by one (the trigger)"),
    ("new rules", "every plan goes and is parsed again"),
])
def test_plans_deleted_in_bulk_or_one_by_one_leave_the_indexes_exact(tmp_path, monkeypatch, change, why):
    import kb.store as store
    from kb.qa.text import fold

    corpus = two_cities_corpus(tmp_path / "c", OTHERS)
    cache = tmp_path / "cache"
    load_fresh(monkeypatch, cache, corpus).store.close()
    monkeypatch.setattr(store, "OBSOLETE_AFTER", 0.0)
    if change == "half the plans removed":
        (corpus / "plan-01.txt").unlink()
        (corpus / OTHERS[0]).unlink()
    elif change == "one plan removed":
        (corpus / "plan-01.txt").unlink()
    else:
        real = store.rules_fingerprint
        monkeypatch.setattr(store, "rules_fingerprint", lambda: "other " + real())
    stored = load_fresh(monkeypatch, cache, corpus)
    # (the mark may be above the largest rowid: the deleted plan's rows may have been the last)
    assert all(mark >= top for mark, top in marks_and_tops(stored).values()), why
    integrity(stored)
    # every row the index gives is a row of the table (no deleted row left in it), every row is found through it
    for table in ("folded", "plain"):
        assert indexed_rowids(stored.store, table) == \
            [r for (r, text) in stored.store.query(f"SELECT rowid, text FROM {table} ORDER BY rowid")], (table, why)
        assert not stored.store.query(f"SELECT 1 FROM {table}_grams g LEFT JOIN {table} x ON x.rowid = g.rowid "
                                      "WHERE g.text GLOB '*实施方案*' AND x.rowid IS NULL"), (table, why)
    memory = store.parse_in_memory(sorted(corpus.glob("*.txt")))
    for word, _ in WORDS:
        assert [t.id for t in stored.tasks_matching([[word]], fold, kinds=None)] == \
            [t.id for t in memory.tasks_matching([[word]], fold, kinds=None)], (word, why)
        assert (word in stored.mentions()) == (word in memory.mentions()), (word, why)
