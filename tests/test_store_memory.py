"""The store and the plan in memory answer alike (``kb.store.StoredPlan`` against ``parse_in_memory``, which never reads
the store): a lookup the store narrows in SQL must find what reading every task finds.

Names in a row's cells (``tasks_naming_in_fields``): the word looked for is folded (kb.qa.text.fold: NFKC, lower case,
no spaces or quotes), the stored rows are not — a pre-filter on the raw row missed a division written ``IT处``,
``ＸＸ处`` or with a space inside (review-rest problem 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store_state import FIXTURES, load_fresh

PLAN_89 = FIXTURES / "89_guangzhou_jiatingyisheng_2023.txt"

#: Copies of plan 89 with its division 中医药处 written otherwise: file stem → how it is written.
SPELLINGS = {"a": "中医药处", "b": "IT处", "c": "ＸＸ处", "d": "Ab 处", "e": "Ｉｔ处"}

#: 中医药处 is a 市卫健委内…处室 cell of 附件2 序号 2, 5 and 11 only; each row is merged into the body paragraph it
#: restates: 二（一）2, 二（二）1, 二（二）7 (counted by hand from the plan's table).
ROWS = ["二（一）2", "二（二）1", "二（二）7"]

# (word asked → files whose rows it finds → why), written before running
NAMING_ROWS = [
    ("中医药处", ["a"], "as written: the raw row holds it"),
    ("IT处", ["b", "e"], "Latin capitals fold to it处; Ｉｔ处 (full-width) folds alike"),
    ("it处", ["b", "e"], "asked in lower case"),
    ("ＸＸ处", ["c"], "full-width letters: NFKC and lower case"),
    ("xx处", ["c"], "the folded form asked"),
    ("Ab 处", ["d"], "a space inside the cell's name"),
    ("Ab处", ["d"], "asked without the space"),
    ("“中医药”处", ["a"], "quotes are dropped by fold"),
    ("妇幼处", ["a", "b", "c", "d", "e"], "a division no copy renamed: 序号 5 and 7 (二（二）1, 二（二）3) of every copy"),
    ("不存在处", [], "in no cell"),
]


class Pair(tuple):
    """(stored, memory); its repr names them only: pytest's traceback printing a StoredPlan would load its tasks, and
    the next test would no longer see the store's own lookups."""

    def __repr__(self) -> str:
        return f"<stored and memory plans of {len(self[1].documents)} files>"


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """(stored, memory) plans of the five copies."""
    from kb.store import parse_in_memory

    folder = tmp_path_factory.mktemp("renamed")
    text = PLAN_89.read_text("utf-8")
    for stem, name in SPELLINGS.items():
        (folder / f"{stem}.txt").write_text(text.replace("中医药处", name), "utf-8")
    mp = pytest.MonkeyPatch()
    try:
        stored = load_fresh(mp, tmp_path_factory.mktemp("cache"), folder)
    finally:
        mp.undo()
    return Pair((stored, parse_in_memory(sorted(folder.glob("*.txt")))))


@pytest.mark.parametrize("word, files, why", NAMING_ROWS)
def test_names_in_cells_alike_in_store_and_memory(renamed, word, files, why):
    from kb.qa.text import fold

    stored, memory = renamed
    assert stored.uses_store() and stored._loaded_tasks() is None, "the store's own lookup, not the tasks loaded"
    found = {name: [(t.doc, t.label) for t in plan.tasks_naming_in_fields(fold(word), fold)]
             for name, plan in (("store", stored), ("memory", memory))}
    expected = [(f, label) for f in files for label in (ROWS if word != "妇幼处" else ["二（二）1", "二（二）3"])]
    assert found["memory"] == expected, why
    assert found["store"] == found["memory"], why
