"""What a warm answer keeps between questions gives the answers it gave without keeping anything.

Three things are kept for speed (bench/bench_qa.py, README "kb ask"): the folded text of each
paragraph (``Plan._folded``, behind ``tasks_matching`` and ``mentions``), the term lookups of
the index's segments (``kb.qa.index._KeptTerms``) and the plan's table of department spellings
(``Lexicon.known``, passed to ``resolve_department``).  Each test compares with the same work
done without the kept copy, or changes what the copy was made from.
"""

from __future__ import annotations

import copy

import pytest

from kb.model import Plan
from kb.qa.text import fold


def _small_plan(plan) -> Plan:
    tasks = [copy.deepcopy(t) for t in plan.tasks if t.kind == "task"][:6]
    return Plan(documents=[copy.deepcopy(d) for d in plan.documents], tasks=tasks, registry=plan.registry)


# (field edited, new value's word, field searched, found after the edit, why)
EDITS = [
    ("body", "量子纠缠", "text", True, "the body is searched: the new word is found, not the old fold"),
    ("title", "量子纠缠", "text", True, "the title is part of the search text"),
    ("title", "量子纠缠", "title", True, "a title search sees the new title"),
    ("body", "量子纠缠", "title", False, "a title search never sees the body"),
]


@pytest.mark.parametrize("edited, word, field, found, why", EDITS, ids=[f"{e[0]}->{e[2]}" for e in EDITS])
def test_an_edited_task_is_folded_again(plan, edited, word, field, found, why):
    small = _small_plan(plan)
    assert small.tasks_matching([(word,)], fold, field=field) == []  # (the fold is kept now)
    task = small.tasks[2]
    setattr(task, edited, f"{getattr(task, edited) or ''}{word}")
    assert (small.tasks_matching([(word,)], fold, field=field) == [task]) is found, why


def test_mentions_follow_an_edited_paragraph(plan):
    small = _small_plan(plan)
    assert "量子纠缠" not in small.mentions()
    small.tasks[0].text += "量子纠缠"
    assert "量子纠缠" in small.mentions()


def test_kept_folds_match_folding_every_time(plan):
    small = _small_plan(plan)
    words = sorted({w for t in small.tasks for w in (fold(t.title or "")[:2], fold(t.body or t.text)[3:5]) if w})
    for field in ("text", "title"):
        for w in words:
            expected = [t for t in small.tasks if t.kind == "task" and (
                w in fold(t.title) if field == "title" and t.title else
                field == "text" and w in fold(f"{t.title or ''}\n{t.body or t.text}"))]
            assert small.tasks_matching([(w,)], fold, field=field) == expected, (field, w)
    # (the documents' titles, their part and section headings — a year written only in a heading is the plan's — and the
    # paragraphs, each folded)
    headings = [fold(t) for d in small.documents for _, t in (*d.parts, *d.sections)]
    assert small.mentions() == "\n".join([fold(d.title) for d in small.documents] + ["\n".join(headings)]
                                         + [fold(t.text) for t in small.tasks])


# Searches as the answerers make them: several words, a word the plan never uses, a Latin run,
# a structured kind filter, all words required.
SEARCHES = [
    ("秸秆 禁烧", {}),
    ("非道路移动机械 使用台账 建立", {"kinds": ("task",)}),
    ("重污染天气 应急管控清单 编制", {"kinds": ("task",)}),
    ("VOCs 治理", {}),
    ("pm2.5 浓度", {"limit": None}),
    ("量子纠缠", {}),
    ("国六 标准", {"require_all": True, "limit": None}),
    ("大气污染防治考核暂行办法", {"kinds": ("task",)}),
]


def test_kept_term_lookups_search_exactly_as_whoosh_own_tables(plan, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path))
    from kb.qa import index

    ix = index.open_index(plan)
    try:
        readers = [r for r, _ in ix._searcher.reader().leaf_readers()]
        assert readers and all(isinstance(r._terms, index._KeptTerms) for r in readers)

        def run():
            return [[(h.task_id, repr(h.score), h.terms) for h in ix.search(text, **kw)] for text, kw in SEARCHES]

        kept_first, kept_again = run(), run()  # the second run answers every lookup from the kept copy
        for r in readers:
            r._terms = r._terms._terms  # Whoosh's own table again
        own = run()
    finally:
        ix.close()
    assert kept_first == own and kept_again == own
    assert any(own) and [] in own  # (the searches find something, and the unknown word nothing)


# (typed name, fuzzy, resolved to, how, why)
NAMES = [
    ("市交通运输局", False, "市交通运输局", "exact", "the name as written"),
    ("交通局", False, "市交通运输局", "alias", "an alias of the registry"),
    ("公安", False, "市公安局", "alias", "a short alias"),
    ("市交通运输居", True, "市交通运输局", "fuzzy", "a typo in the ending: fuzzy matching finds it"),
    ("市交通运输居", False, None, "unknown", "exact only: a typo is no name"),
    ("角色局", True, None, "unknown", "nothing close"),
]


@pytest.mark.parametrize("name, fuzzy, resolved, how, why", NAMES, ids=[f"{n[0]}-{n[1]}" for n in NAMES])
def test_resolving_with_the_kept_names(plan, name, fuzzy, resolved, how, why):
    from kb.qa import Session
    from kb.registry import resolve_department

    res = Session(plan=plan)._resolve(name, fuzzy)
    assert (res.name, res.how) == (resolved, how), why
    if fuzzy:
        plain = resolve_department(name, plan)
        assert (res.name, res.how, res.candidates) == (plain.name, plain.how, plain.candidates)


# (phrase, text, longest piece of the phrase in the text, why)
PIECES = [
    ("秸秆禁烧", "严格秸秆禁烧管控", 4, "the whole phrase"),
    ("非道路移动机械使用台账", "建立非道路移动机械编码登记", 7, "its longest piece, not the whole"),
    ("台账谁建立", "建立台账", 2, "two characters are a piece"),
    ("量子", "秸秆禁烧", 0, "no character in common"),
    ("秸量", "秸秆", 0, "one character alone is no piece"),
    ("", "秸秆", 0, "an empty phrase"),
]


@pytest.mark.parametrize("phrase, text, length, why", PIECES, ids=[p[3] for p in PIECES])
def test_longest_common_piece(phrase, text, length, why):
    from kb.qa.exec_topics import _longest_common

    assert _longest_common(phrase, text) == length, why


def test_longest_common_piece_as_trying_every_length():
    """Searched by halving, the length is the one trying every length from the longest down gives."""
    import random

    from kb.qa.exec_topics import _longest_common

    def every_length(phrase, text):
        for n in range(len(phrase), 1, -1):
            if any(phrase[i:i + n] in text for i in range(len(phrase) - n + 1)):
                return n
        return 0

    rng = random.Random(11)
    for _ in range(3000):
        phrase = "".join(rng.choice("秸秆禁烧治理ab") for _ in range(rng.randint(0, 10)))
        text = "".join(rng.choice("秸秆禁烧治理ab") for _ in range(rng.randint(0, 30)))
        assert _longest_common(phrase, text) == every_length(phrase, text), (phrase, text)
