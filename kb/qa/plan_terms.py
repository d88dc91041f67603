"""Topics learned from the plan itself, so that another plan needs no hand-written topic list.

kb/data/topics.yaml is a hand list of synonyms (mostly air-pollution words of the bundled plan).
A plan about 人才 or 农机 names its own topics in its headings and task titles:
``七、切实加强农机人才培养``, ``38.人才公寓``, ``（三）实施人才安居工程``, ``【加强秸秆综合利用】``.
At parse time ``learn_terms`` reads them into ``Document.terms`` (folded term → the ids of the
tasks it covers), stored with the document's row (JSON, per plan), so a question looks a term up
in a dict and never scans every task:

- a **heading** (part or section title) covers every task under it, and its title is a term
  with its opening verbs taken off (``切实加强农机人才培养`` → ``农机人才培养``, lead_words in
  kb/data/plan_terms.yaml) and then each generic tail one at a time (``农机人才培养`` →
  ``农机人才``; generic_tails);
- a **task title** (the parser's short first sentence, a ``【…】`` or ``**…**`` lead phrase) is a
  term of that task, shortened the same way (``博士后培养项目`` → ``博士后培养`` → ``博士后``);
- the plan's own **abbreviations** (``中国留学人员广州科技交流会（简称“留交会”）``) are terms of
  the tasks of the long name;
- every term also covers the tasks whose text holds it (computed once per plan, at parse time).

Recurring noun terms that are neither headings nor titles (``农机合作社``) are not stored: the
question reader tests the words of the question against the plan's text through
``plan.mentions()`` (an indexed lookup of the store), which keeps the stored table small at
1,000 plans.  ``read_plan_terms`` is the hook in the question readers (kb/qa/query.py).

A topic that only partially matches (垃圾分类 where the plan says 垃圾处理) is **no match**: a
topic word of three or more characters that is neither a learned term nor in any plan's text
(with its synonyms of topics.yaml, or without a generic tail such as 治理) makes the question
``not_in_plan`` (``Query.outside == "topic"``), instead of answering another topic.

jieba is never used here: terms come from the plan's own punctuation and headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import filterfalse, starmap
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError
from kb.lazypattern import LazyPattern
from kb.model import ANNEX_LEVEL_MARK
from kb.select import heading_line
from kb.qa.text import fold, is_cjk, longest_first

TERMS_PATH = Path(__file__).resolve().parent.parent / "data" / "plan_terms.yaml"
_KEYS = {"version", "lead_words", "generic_tails", "not_terms", "abbreviation_marks", "edge_chars", "asking_residue",
         "asking_words", "linking_chars", "meaning_asks"}

#: Shortest and longest term learned (characters, folded).
MIN_TERM, MAX_TERM = 2, 30
#: Shortest topic word whose absence from every plan makes the question not_in_plan (two characters,
#: 今年, 管理, are too often question words to decide on).
MIN_ABSENT = 3


@dataclass(slots=True)
class TermWords:
    """The validated words of plan_terms.yaml, longest first."""

    lead_words: tuple[str, ...]
    """Verbs and adverbs opening a title (加强, 切实)."""
    generic_tails: tuple[str, ...]
    """Generic words closing a title (项目, 工程, 培养)."""
    not_terms: frozenset[str]
    """Words never learned as a term on their own (工作, 总体要求)."""
    abbreviation_marks: tuple[str, ...]
    """Words opening the plan's own short name (简称)."""
    edge_chars: frozenset[str]
    """Characters a term never starts or ends with (的, 和)."""
    asking_residue: tuple[str, ...]
    """Words a question leaves after its topic (那块, 这条), taken off before judging it."""
    asking_words: tuple[str, ...]
    """Words that ask (哪里, 指的是) or point at the document (这个计划): cut out before looking for what the plan writes."""
    linking_chars: frozenset[str]
    """Characters linking a question's words (要, 和): no part of what is asked."""
    meaning_asks: tuple[str, ...]
    """Words asking what something means (指的是): the defining sentence is quoted too."""


@lru_cache(maxsize=2)
def load_term_words(path: str | None = None) -> TermWords:
    """Read and check plan_terms.yaml (once per process).  A topic question reads it too (``absent_topic``), so it is
    read from its JSON copy in the cache directory while the YAML is unchanged (``kb.data.load_cached_yaml``):
    importing PyYAML and parsing the file cost ~45 ms of each such question."""
    from kb.data import load_cached_yaml

    src = Path(path) if path else TERMS_PATH
    return load_cached_yaml(src, "plan term vocabulary", lambda data: _term_words(src, data))


def _term_words(src: Path, data: dict) -> TermWords:
    """The checked TermWords of plan_terms.yaml's mapping ``data`` (a KbError naming ``src`` when it is not right)."""
    if set(data) != _KEYS:
        missing, extra = _KEYS - set(data), set(data) - _KEYS
        raise KbError(f"{src}：缺少键 {', '.join(sorted(missing)) or '无'}，多出键 {', '.join(sorted(extra)) or '无'}；"
                      "请从代码仓库恢复这个文件")
    for key in _KEYS - {"version"}:
        words = data[key]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise KbError(f"{src}：{key} 应为非空的词语列表；请修复文件，或从代码仓库恢复")
    for key in ("edge_chars", "linking_chars"):
        if not all(len(c) == 1 for c in data[key]):
            raise KbError(f"{src}：{key} 的每一项应为单个字；请修复文件，或从代码仓库恢复")
    longest = lambda ws: tuple(longest_first(fold(w) for w in ws))  # noqa: E731
    return TermWords(longest(data["lead_words"]), longest(data["generic_tails"]), frozenset(fold(w) for w in data["not_terms"]),
                     longest(data["abbreviation_marks"]), frozenset(data["edge_chars"]), longest(data["asking_residue"]),
                     longest(data["asking_words"]), frozenset(data["linking_chars"]), longest(data["meaning_asks"]))


# ---------------------------------------------------------------- learning (parse time)

# (compiled on first use: only learning, at parse time, uses them — not a question, nor a warm command)
_LEAD_PHRASE = LazyPattern(r"^\s*(?:【([^】]{2,30})】|\*\*([^*]{2,30})\*\*)")
_MARKER = LazyPattern(r"^\s*(?:[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+、|\d+[.、．])")
_TITLE_END = "。：:；;，,！!？?"


def title_terms(title: str, words: TermWords) -> list[str]:
    """The terms a heading or task title names: itself, without its opening verbs, then without each generic tail.

    ``切实加强农机人才培养`` → 切实加强农机人才培养, 农机人才培养, 农机人才;
    ``（三）实施人才安居工程`` → 实施人才安居工程, 人才安居工程, 人才安居.
    """
    text = fold(title).strip(_TITLE_END)
    text = _MARKER.sub("", text, count=1)
    out = [text]
    stripped = True
    while stripped and text.startswith(words.lead_words):  # (one C call: most titles have none left)
        stripped = False
        for w in words.lead_words:
            if text.startswith(w) and len(text) - len(w) >= MIN_TERM:
                text, stripped = text[len(w):], True
                break
    out.append(text)
    stripped = True
    while stripped and text.endswith(words.generic_tails):
        stripped = False
        for w in words.generic_tails:
            if text.endswith(w) and len(text) - len(w) >= MIN_TERM:
                text, stripped = text[: -len(w)], True
                out.append(text)
                break
    return [t for t in dict.fromkeys(out) if is_term(t, words)]


_CLAUSE_MARKS = LazyPattern("[，。；：,;:！？!?【】*]")


def is_term(text: str, words: TermWords) -> bool:
    """A learnable term: 2–30 characters with some CJK, no generic, lead or tail word alone, no clause inside,
    clean edges."""
    return (MIN_TERM <= len(text) <= MAX_TERM and any(is_cjk(c) for c in text) and text not in words.not_terms
            and text not in words.lead_words and text not in words.generic_tails
            and not _CLAUSE_MARKS.search(text) and text[0] not in words.edge_chars
            and text[-1] not in words.edge_chars)


def _lead_phrase(task) -> str | None:
    """A task's title: a 【…】 or **…** lead phrase opening it, else the parser's (a short first sentence)."""
    for text in (task.title, task.body, task.text):
        m = _LEAD_PHRASE.match(_MARKER.sub("", text or "", count=1))
        if m:
            return m.group(1) or m.group(2)
    return task.title


def _heading(title: str) -> str:
    """A heading's title: its 【…】 or **…** lead phrase when it opens with one (the parser takes the
    whole first sentence of ``（一）【加强秸秆综合利用】各地要…`` for the section's title)."""
    m = _LEAD_PHRASE.match(title)
    return (m.group(1) or m.group(2)) if m else title


def heading_tasks(doc, tasks) -> dict[tuple[str, str], list]:
    """(label, heading title) → the tasks proper under it, in plan order (parts, then sections).

    A section is known by ``Task.section``; where the plan numbers its items across sections
    (05: ``（二）科技创新人才行动计划。…实施如下重点项目：`` then items 9–15 with no section of
    their own), the items after a section's heading paragraph belong to it until the next heading.
    """
    from kb.select import is_task

    out: dict[str, list] = {}
    section_titles = dict(doc.sections)
    part_titles = dict(doc.parts)
    current_part, current_section = None, None
    for t in tasks:
        if t.part != current_part:
            current_part, current_section = t.part, None
        if t.section:
            current_section = t.section
        elif t.kind == "measure" and t.label in section_titles:
            current_section = t.label
        if not is_task(t):
            continue
        if t.part and part_titles.get(t.part):
            out.setdefault((t.part, part_titles[t.part]), []).append(t)
        section = t.section or current_section
        if section and section_titles.get(section):
            out.setdefault((section, section_titles[section]), []).append(t)
        if section and ANNEX_LEVEL_MARK in section and "（" in section:
            # (附件·二（一）'s task stands under its annex part 附件·二 too: an annex written in two heading levels)
            outer = section[: section.index("（")]
            if section_titles.get(outer):
                out.setdefault((outer, section_titles[outer]), []).append(t)
    return out


def _abbreviations(tasks, words: TermWords) -> list[tuple[str, str]]:
    """(short name, the words before its mark) of every 简称“X” the plan writes."""
    marks = "|".join(map(re.escape, words.abbreviation_marks))
    pattern = re.compile(rf"([^，。；：、（(]{{2,40}})[（(](?:{marks})[:：]?[“\"「]?([^”\"」）)，。]{{2,12}})[”\"」]?[）)]")
    found = []
    for t in tasks:
        if not any(mark in t.text for mark in words.abbreviation_marks):
            continue
        for m in pattern.finditer(t.text):
            found.append((fold(m.group(2)), fold(m.group(1))))
    return found


def learn_terms(doc, tasks) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The plan's own topics: folded term → ids (after ``#``) of the tasks proper it covers, in plan order;
    and heading term → the label of its heading (the terms a part or section title names)."""
    from kb.select import is_task

    words = load_term_words()
    proper = [t for t in tasks if is_task(t)]
    order = {t.id: n for n, t in enumerate(proper)}
    table: dict[str, dict[str, None]] = {}

    def add(term: str, covered) -> None:
        if is_term(term, words):
            table.setdefault(term, {}).update((t.id, None) for t in covered)

    headings: dict[str, str] = {}
    for (label, title), under in heading_tasks(doc, tasks).items():
        title = _heading(title)
        # 优化能源结构，构建清洁能源体系: each head of the title is a topic of its own, but it names
        # only the tasks whose text holds it (加强扬尘管控，提高城市环境管理水平 covers 腊肉 and 烟花爆竹
        # too: they are no 扬尘管控 tasks)
        heads = [h for h in re.split("[，,；;]", title) if h.strip()]
        for term in title_terms(title, words):
            add(term, under)
            if is_term(term, words):
                headings.setdefault(term, label)
        for head in heads if len(heads) > 1 else ():
            for term in title_terms(head, words):
                add(term, [])
    for t in proper:
        title = _lead_phrase(t)
        if title:
            for head in [title, *re.split("[，,；;]", title)]:
                for term in title_terms(head, words):
                    add(term, [t])
    texts = {t.id: fold(t.body or t.text) for t in proper}
    for short, before in _abbreviations(tasks, words):
        long_terms = [term for term in table if before.endswith(term) and len(term) >= 4]
        covered = {tid: None for term in long_terms for tid in table[term]}
        if short in table or covered:
            table.setdefault(short, {}).update(covered)
        elif is_term(short, words):
            table[short] = {}
    # every term also covers the tasks whose text holds it (or, for an abbreviation, its long name)
    for term, ids in table.items():
        for tid, text in texts.items():
            if term in text:
                ids[tid] = None
    prefix = f"{doc.id}#"
    learned = {term: [tid[len(prefix):] if tid.startswith(prefix) else tid for tid in sorted(ids, key=order.get)]
               for term, ids in table.items() if ids}
    return learned, {term: label for term, label in headings.items() if term in learned}


# ---------------------------------------------------------------- lookups (question time)


class TermIndex:
    """The learned terms of every document of a plan held in memory, merged: term → [(document id, task ids)].

    A plan read from the store answers the same questions with ``StoredTermIndex`` (a query per
    question instead of merging 1,000 plans' terms)."""

    __slots__ = ("terms", "headings", "longest")

    def __init__(self, documents) -> None:
        self.terms: dict[str, list[tuple[str, list]]] = {}
        """Folded term → (document id, the document's own task numbers) of each document that learned it
        (full ids are made per lookup: making them for every term of 1,000 plans was most of the merge)."""
        self.headings: dict[str, list[tuple[str, str, str]]] = {}
        """Heading term → (document id, heading label, heading title) of each document whose heading names it."""
        for doc in documents:
            for term, ids in (doc.terms or {}).items():
                self.terms.setdefault(term, []).append((doc.id, ids))
            titles = dict(doc.parts) | dict(doc.sections)
            for term, label in (doc.term_headings or {}).items():
                self.headings.setdefault(term, []).append((doc.id, label, titles.get(label, "")))
        self.longest = max((len(t) for t in self.terms), default=0)
        """Length of the longest term (bounds the search in a question)."""

    def __contains__(self, term: str) -> bool:
        return term in self.terms

    def known(self, words) -> set[str]:
        """The learned terms among ``words``."""
        return set(filter(self.terms.__contains__, words))

    def any_holding(self, part: str) -> bool:
        """Some learned term holds ``part``."""
        return any(part in term for term in self.terms)

    def headings_of(self, term: str) -> list[tuple[str, str, str]]:
        """(document id, heading label, heading title) of each heading naming ``term``."""
        return self.headings.get(term, [])

    def ids(self, term: str, docs=None) -> list[str]:
        """Task ids ``term`` covers (in the documents ``docs`` only, when given)."""
        return [f"{doc}#{i}" for doc, ids in self.terms.get(term, ()) if not docs or doc in docs for i in ids]

    def tasks(self, plan, ids) -> list:
        """The tasks of ``ids`` (as ``ids`` gives them)."""
        return [t for t in (plan.task(i) for i in ids) if t is not None]


class StoredTermIndex:
    """``TermIndex`` of a plan read from the store: each lookup is a query of the ``terms`` table
    (kb/store.py), remembered; task ids are (plan key, number) pairs, loaded with ``tasks_at``."""

    __slots__ = ("plan", "_rows", "_holding", "longest")

    def __init__(self, plan) -> None:
        self.plan = plan
        self._rows: dict[str, list] = {}
        self._holding: dict[str, bool] = {}
        self.longest = MAX_TERM
        """Longest term that can be learned (bounds the search in a question)."""

    def _lookup(self, words) -> None:
        new = [w for w in dict.fromkeys(words) if w not in self._rows and MIN_TERM <= len(w) <= MAX_TERM]
        if new:
            found = self.plan.term_rows(new)
            for w in new:
                self._rows[w] = found.get(w, [])

    def __contains__(self, term: str) -> bool:
        self._lookup([term])
        return bool(self._rows.get(term))

    def known(self, words) -> set[str]:
        rows = self._rows
        words = list(words)
        new = list(filterfalse(rows.__contains__, words))  # (warm: every substring of a question was looked up)
        if new:
            self._lookup(new)
        return set(filter(rows.get, words))

    def any_holding(self, part: str) -> bool:
        found = self._holding.get(part)
        if found is None:
            found = self._holding[part] = self.plan.term_holding(part)
        return found

    def headings_of(self, term: str) -> list[tuple[str, str, str]]:
        self._lookup([term])
        return [(doc, label, title) for doc, _, _, label, title in self._rows.get(term, []) if label is not None]

    def ids(self, term: str, docs=None) -> list[tuple[str, int]]:
        self._lookup([term])
        return [(key, seq) for doc, key, seqs, _, _ in self._rows.get(term, []) if not docs or doc in docs
                for seq in seqs]

    def tasks(self, plan, ids) -> list:
        return self.plan.tasks_at(list(ids))


_INDEXES: dict[int, tuple[object, object]] = {}


def term_index(plan):
    """The plan's merged TermIndex, built once per plan object (from the documents' stored terms); a plan
    read from the store gets a StoredTermIndex (its terms are looked up, never all read)."""
    found = _INDEXES.get(id(plan))
    if found is not None and found[0] is plan:
        return found[1]
    uses_store = getattr(plan, "uses_store", None)
    index = StoredTermIndex(plan) if uses_store is not None and uses_store() else TermIndex(plan.documents)
    if len(_INDEXES) >= 8:
        _INDEXES.clear()
    _INDEXES[id(plan)] = (plan, index)
    return index


def term_tasks(plan, terms: list[str], *, any_term: bool = False, docs=None) -> list:
    """The tasks the learned ``terms`` cover (every term; any of them with ``any_term``), in plan order.

    Empty when a term is not learned (with ``any_term``: when none is).  Reads only the named tasks.
    """
    index = term_index(plan)
    sets = [index.ids(t, docs) for t in terms]
    if not sets or (not any_term and not all(sets)):
        return []
    if any_term:
        chosen = list(dict.fromkeys(i for s in sets for i in s))
    else:
        first, rest = sets[0], [set(s) for s in sets[1:]]
        chosen = [i for i in first if all(i in s for s in rest)]
    return sorted(index.tasks(plan, chosen), key=plan.position)


def heading_named(plan, words: list[str], docs=None) -> tuple[str, list] | None:
    """(``label、title`` or ``label title``, its tasks) when the topic words, joined, are a heading's term
    (农机社会化服务 → 五、积极发展农机社会化服务), else None.  One plan's heading only: the same words
    heading two plans are answered by the topic lists, which name each plan."""
    term = "".join(words)
    found = [h for h in term_index(plan).headings_of(term) if not docs or h[0] in docs]
    if len(found) != 1:
        return None
    doc, label, title = found[0]
    tasks = term_tasks(plan, [term], docs=[doc])
    return heading_line(label, title), tasks


def find_terms(index, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Learned terms of ``text`` overlapping text[lo:hi], longest first, not overlapping each other."""
    found = []
    if not index.longest:
        return found
    # every span ending after lo, longest first at each start (read for every topic question: the substrings are
    # cut and looked up by C loops, the spans walked again only when some term is there)
    spans = [(i, j) for i in range(max(0, lo - index.longest + 1), hi)
             for j in range(min(len(text), i + index.longest), max(i + MIN_TERM, lo + 1) - 1, -1)]
    words = list(map(text.__getitem__, starmap(slice, spans)))
    known = index.known(words)  # (one lookup for every substring)
    if not known:
        return found
    for (i, j), w in zip(spans, words):
        if w in known and (not found or found[-1][0] != i):
            found.append((i, j, w))  # the longest term starting at i
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    chosen: list[tuple[int, int, str]] = []
    for a, b, term in found:
        if all(b <= c or a >= d for c, d, _ in chosen):
            chosen.append((a, b, term))
    return sorted(chosen)


def read_plan_terms(r) -> None:
    """The topic as the plan names it (a reader of kb/qa/query.py, right after ``read_topic``).

    1. The scan cut the topic with the question vocabulary; a term the plan names (a heading, a
       title, an abbreviation) that holds a topic chunk — or a leftover the scan took for an unknown
       department (市场准入, shaped like 市…) — replaces it whole: ``Query.terms`` and ``Query.topic``.
    2. Chunks the scan split around a question word (农机 | 合作 | 社) that stand together in a plan's
       text are one topic (农机合作社): the plan's recurring noun, looked up, not stored.
    3. A topic word (3+ characters) that no plan holds, in any spelling, makes the question
       ``not_in_plan`` (``outside = "topic"``), never the nearest other topic.

    The readers after this one read the scan's facts too, so ``facts.topic`` and
    ``facts.unresolved`` are set to the same reading.
    """
    q, f = r.query, r.facts
    if q.outside or q.label or q.ordinal is not None:
        return
    pieces = [(w, None) for w in q.topic]
    pieces += [(u.query, u) for u in getattr(f, "unresolved", []) if getattr(u, "query", "") and u.how != "ambiguous"]
    spans = []
    for word, res in pieces:
        at = r.text.find(word)
        if at >= 0:
            spans.append((at, at + len(word), word, res))
    if not spans:
        return
    spans.sort()
    index = term_index(r.plan)
    lo, hi = spans[0][0], spans[-1][1]
    candidates = [(a, b, t, True) for a, b, t in find_terms(index, r.text, lo, hi)
                  if any(x >= a and y <= b for x, y, _, _ in spans)]
    # chunks split around a question word (农机 | 合作 | 社), standing together in a plan's text
    chunks = [(a, b) for a, b, _, res in spans if res is None]
    if len(chunks) >= 2:
        a, b = chunks[0][0], chunks[-1][1]
        joined = r.text[a:b]
        if b - a <= 16 and all(is_cjk(c) or c.isalnum() for c in joined) and joined in r.plan_text:
            candidates.append((a, b, joined, joined in index))
    candidates.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    terms: list[tuple[int, int, str, bool]] = []
    for cand in candidates:
        if all(cand[1] <= c or cand[0] >= d for c, d, _, _ in terms):
            terms.append(cand)
    covered = lambda a, b: any(a >= s and b <= e for s, e, _, _ in terms)  # noqa: E731
    topic: list[tuple[int, str]] = [(a, w) for a, _, w, _ in terms]
    rest = [(a, b, w, res) for a, b, w, res in spans if not covered(a, b)]
    # a leftover taken for an unknown department, that a plan's text holds and no name of it does
    kept_unresolved = []
    for a, b, w, res in rest:
        if res is None:
            topic.append((a, w))
        elif (len(w) >= MIN_ABSENT and w in r.plan_text and not any(w in d for d in _department_names(r.plan))
              and not _asked_as_unit(f, w)):
            topic.append((a, w))
        else:
            kept_unresolved.append(res)
    topic.sort()
    words = [w for _, w in topic]
    if words != q.topic or len(kept_unresolved) != len(getattr(f, "unresolved", [])):
        q.topic = words
        f.topic = list(words)
        f.unresolved = kept_unresolved
    q.terms = [w for _, _, w, learned in sorted(terms) if learned]
    who = "who" in f.flags and not f.flags & {"target", "when", "count"}
    absent = (absent_topic(r.plan, q.topic, q.topic_any)
              if who and not (q.departments or kept_unresolved or q.dates or q.part) else None)
    if absent and q.act is None:  # (a reading already made — 组织保障部分列了哪些单位 — leaves its filler words alone)
        q.act, q.subject, q.outside, q.outside_words = _meta(), "plans", "topic", absent


def _asked_as_unit(f, word: str) -> bool:
    """A leftover ending like a body (区城市更新中心, 绿化指导站) asked for its own tasks — a role or a list of what
    it does, no who (区城市更新中心牵头哪些任务, 县供销社负责哪些工作) — is a unit the plan names without giving it a
    task, not a topic: the department answer says so (kb/qa/exec_departments.py), never the paragraphs naming it
    listed as if they were its tasks.  市场准入 (shaped like a unit only by its 市) stays a topic word."""
    from kb.qa.vocab import load_vocabulary

    if "who" in f.flags or not word.endswith(tuple(load_vocabulary().words["department_endings"])):
        return False
    return bool(f.flags & {"list", "count"} or any(x != "any" for x in f.roles))


def _meta():
    from kb.qa.query import Act

    return Act.META


def _department_names(plan) -> list[str]:
    return [fold(n) for n in plan.departments()]


#: The question words absent_topic cuts a topic at, longest first, per vocabulary object (kept with it).
_ASKING: dict[int, tuple] = {}


def absent_topic(plan, words: list[str], any_word: bool = False, *, min_length: int = MIN_ABSENT) -> str | None:
    """The topic word that no loaded plan holds in any spelling, if the question's topic stands or falls by it.

    Present: a learned term, or the word, a synonym of topics.yaml, or the word without a generic
    tail (扬尘治理 → 扬尘) in a plan's text.  Words shorter than ``min_length`` (MIN_ABSENT; a target
    question passes 2: 租金) are never judged.
    With ``any_word`` (秸秆和扬尘) the topic is absent only when every word is.
    """
    from kb.qa.vocab import load_vocabulary

    index = term_index(plan)
    mentions = _Mentions.of(plan)
    voc = load_vocabulary()
    tails = sorted(voc.words["topic_generic"], key=len, reverse=True)

    def present(word: str) -> bool:
        if len(word) < min_length or word in index:
            return True
        stem = word
        for tail in tails:
            if word.endswith(tail) and len(word) - len(tail) >= 2:
                stem = word[: -len(tail)]
                break
        spellings = set(voc.synonyms(word)) | set(voc.synonyms(stem)) | {word, stem}
        if any(map(mentions.__contains__, spellings)) or _close_together(plan, stem, mentions):
            return True
        pieces = [stem[i:i + 2] for i in range(len(stem) - 1)]
        if not any(map(mentions.__contains__, pieces)):
            return False  # nothing of it is in any plan (碳达峰)
        return not _partial_match(plan, stem, mentions)

    # what the scan left of the question's own words (车用尿素谁监管): cut at the first of them
    held = _ASKING.get(id(voc))
    if held is None or held[0] is not voc:  # (sorted once per vocabulary: per call it cost ~0.3 ms a question)
        held = _ASKING[id(voc)] = (voc, longest_first(w for k in ("who", "when", "stopwords") for w in voc.words[k]
                                                      if len(w) >= 1))
    asking = held[1]
    cut = []
    for w in words:
        ends = [w.find(a) for a in filter(w.__contains__, asking)]
        cut.append(w[: min(ends)] if ends else w)
    residue = load_term_words().asking_residue
    for n, w in enumerate(cut):
        for tail in residue:
            if w.endswith(tail) and len(w) - len(tail) >= 2:
                cut[n] = w[: -len(tail)]
                break
    judged = [w for w in cut if any(is_cjk(c) for c in w)]
    missing = [w for w in judged if not present(w)]
    if not missing or (any_word and len(missing) < len(judged)):
        return None
    return missing[0]


#: How far apart (characters) the pieces of a topic may stand in one paragraph and still be that topic.
NEAR = 6


def _close_together(plan, word: str, mentions) -> bool:
    """``word`` cut in two or three pieces (2+ characters each) that one paragraph holds close together.

    汽修行业喷涂 stands in 自贡's 三（一）13 as 汽修喷涂作业。开展汽修行业; 人才住房 in 05's 38 as 相关人才的
    住房问题.  垃圾分类 where the plan has only 垃圾处理 is not: 分类 is nowhere (the partial match).
    """
    if len(word) < 4 or len(word) > 12:
        return False
    cuts = [(word[:i], word[i:]) for i in range(2, len(word) - 1)]
    cuts += [(word[:i], word[i:j], word[j:]) for i in range(2, len(word) - 3) for j in range(i + 2, len(word) - 1)]
    for pieces in cuts:
        if not all(p in mentions for p in pieces):
            continue
        for task in plan.tasks_matching([(p,) for p in pieces], fold, kinds=None):
            text = fold(task.body or task.text)
            if _near(text, pieces, len(word) + NEAR):
                return True
    return False


def _near(text: str, pieces, window: int) -> bool:
    """Some occurrence of every piece within one stretch of ``window`` characters of ``text``."""
    spots = [[m.start() for m in re.finditer(re.escape(p), text)] for p in pieces]
    for start in spots[0]:
        if all(any(abs(s - start) <= window for s in other) for other in spots[1:]):
            return True
    return False


class _Mentions:
    """``word in`` the plan's paragraphs (``plan.mentions()``: the store's lookup) or its headings."""

    __slots__ = ("paragraphs", "headings")

    def __init__(self, plan) -> None:
        self.paragraphs = plan.mentions()
        self.headings = plan.heading_text()  # (a stored plan keeps its headings folded, per plan)

    def __contains__(self, word: str) -> bool:
        return word in self.headings or word in self.paragraphs

    @staticmethod
    def of(plan) -> "_Mentions":
        """One per plan object: a stored plan's lookup remembers the words asked (a new one would ask the
        store again for every word of every question)."""
        held = _MENTIONS.get(id(plan))
        if held is None or held[0] is not plan:
            if len(_MENTIONS) > 8:
                _MENTIONS.clear()
            held = _MENTIONS[id(plan)] = (plan, _Mentions(plan))
        return held[1]


_MENTIONS: dict[int, tuple] = {}


def _partial_match(plan, word: str, mentions) -> bool:
    """``word`` is a plan's word P with two characters R of its own at one end, R no topic of the plan
    and never with P (垃圾分类: the plan burns 垃圾 and says 分类 only of 无组织排放).

    R is no topic of the plan when no learned term holds it; it is never with P when no paragraph
    holding P holds R, nor has on R's side of P two characters sharing one with R (秸杆禁烧 is a
    typo of the plan's 秸秆禁烧, not another topic).  Words of 4–6 characters only: longer ones
    are paraphrases too often (汽修厂喷漆污染 for 汽修喷涂) to be judged by characters.
    """
    if not 4 <= len(word) <= 6:
        return False
    index = term_index(plan)
    for part, rest, rest_first in ((word[:-2], word[-2:], False), (word[2:], word[:2], True)):
        if part not in mentions:
            continue
        if rest in mentions and index.any_holding(rest):
            continue  # 建筑工地扬尘: 扬尘 is a topic of the plan (in its titles), asked where it meets 建筑工地
        together = False
        for task in plan.tasks_matching([(part,)], fold, kinds=None):
            text = fold(task.body or task.text)
            if rest in text:
                together = True  # both stand in one paragraph: the question may mean it
                break
            for m in re.finditer(re.escape(part), text):
                near = text[max(0, m.start() - 2):m.start()] if rest_first else text[m.end():m.end() + 2]
                if set(near) & set(rest):
                    together = True  # 秸杆禁烧: a typo of the plan's 秸秆禁烧
                    break
            if together:
                break
        if not together:
            return True
    return False
