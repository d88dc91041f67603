"""A denial checked against the plan's text (session 17, asks8).

"方案中没有涉及X的条目，共 0 项" is a confident answer: an official forwards it as "the plan does not cover X".  The
executors reach it when no item answers their reading of X — which also happens when the plan writes X's words in
another order (秸秆禁烧 for 焚烧秸秆), over two clauses, or beside a how-question's filler.  So before a 0-item denial
stands, the words of X are looked up in the plan's whole text:

- no word of X is written (航天发射 in an air plan): the denial stands as the executor wrote it;
- some words are written, a word of 2+ characters is not (噪声 of 噪声污染防治): still a no, naming what the text
  lacks (原文没有写到“噪声”), the paragraphs holding the written words apart under 相关条目;
- every word is written, and one paragraph holds them all (燃气、泄漏、事故 in a 燃气 预案's definition of 燃气事故; 秸秆禁烧
  for 焚烧秸秆, a synonym): kb says it did not find an item answering X — never "0 items" — the paragraphs holding
  them apart under 相关条目 (the issue-11 honesty design: related entries are never the answer);
- every word is written, but never together (垃圾 and 分类 of 垃圾分类 in an air plan, in unrelated paragraphs): the
  plan does not cover X — the denial stands.

A word of X is a word of the plan's own vocabulary (the index's segmenter, the jieba words of the plans) inside X, of
2+ characters, that is no filler of the genre (shapes.yaml ``denial_fillers``; intents.yaml ``topic_generic``).
"""

from __future__ import annotations

from kb.qa.answer import Answer


class _WholeText:
    """``word in`` the plan's paragraphs, headings and titles (``Plan.mentions``) or its documents' notices."""

    __slots__ = ("mentions", "notices")

    def __init__(self, mentions, notices: str) -> None:
        self.mentions = mentions
        """What ``Plan.mentions()`` gives (a string, or the store's lookup)."""
        self.notices = notices
        """Every document's cover, preface and closing, folded and joined."""

    def __contains__(self, word: str) -> bool:
        return word in self.notices or word in self.mentions


def written_words(env, words: list[str]) -> tuple[list[str], list[str], float]:
    """(written, missing, share) for the topic ``words``: the plan's words inside them that its text holds, as the text
    spells them (秸秆禁烧 for 秸秆焚烧, a synonym; fillers aside), the stretches of 2+ characters of them that no run of
    2+ characters of the text covers (噪声 of 噪声污染防治), and the share of their characters the written words cover
    (fillers count as covered)."""
    from kb.qa.exec_topics import _missing_runs
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    shapes = load_shapes()
    fillers = set(shapes["denial_fillers"]) | set(env.voc.words.get("topic_generic", ()))
    # (the whole text: paragraphs, headings and titles, and each document's cover notice, preface and closing — a
    # word only the notice writes is written)
    mentions = _WholeText(env.plan.mentions(), "\n".join(
        fold(getattr(d, k, None) or "") for d in env.plan.documents for k in ("cover", "preface", "closing")))
    segmenter = env.index().analyzer.segmenter
    written: list[str] = []
    covered_n = total = 0
    for word in map(fold, words):
        found = []  # (start, end, the spelling the text writes) of each written token
        for token, start, end in segmenter.spans(word):
            if len(token) < 2:
                continue
            if token in fillers:
                found.append((start, end, None))
                continue
            spelt = next((s for s in env.voc.synonyms(token) if s in mentions), None)
            if spelt is not None:
                found.append((start, end, spelt))
        # (a token inside a longer written one is part of it: 焚烧 of 秸秆焚烧, written 秸秆禁烧)
        for start, end, spelt in found:
            if spelt is not None and spelt not in written and not any(
                    a <= start and end <= b and (a, b) != (start, end) for a, b, _ in found):
                written.append(spelt)
        covered = {i for start, end, _ in found for i in range(start, end)}
        covered_n += len(covered)
        total += len(word)
    missing = []
    for word in map(fold, words):
        for run in _missing_runs([word], mentions)[2]:
            if run in fillers or any(a in run for a in shapes["denial_asking"]):
                continue
            # (a stretch at the word's edge is a word of its own, 噪声 of 噪声污染防治; one inside it is named with the
            # word — 区高 of 禁燃区高污染燃料 is no word: the text lacks 禁燃区高污染燃料, holding 禁燃 and 燃料)
            missing.append(run if word.startswith(run) or word.endswith(run) else word)
    return written, list(dict.fromkeys(missing)), covered_n / total if total else 0.0


#: Characters that end a word as a question writes it: asking characters (the separators come from intents.yaml).
_ASKING_CHARS = frozenset("哪谁什么多少几啥吗呢")


def shown_words(question: str, words: list[str], voc) -> list[str]:
    """Each topic word as the question writes it, for a denial to name: a word the reading cut inside the user's word
    (享协商机制 of 共享协商机制, its 共 read as a count word) is widened over the question's characters next to it, up to a
    separator (intents.yaml ``separators``: 的, 由 …), an asking character, punctuation, or a character of a reading word
    of two or more characters standing there (a role, a who-word, a when-word: 配合 of 由谁配合建立) — so a denial names
    what was not found in the user's words, never a fragment (session 18, reading8)."""
    from kb.qa.text import fold, is_cjk

    text = fold(question)
    stops = set(voc.words["separators"]) | _ASKING_CHARS
    reading = {w for ws in voc.roles.values() for w in ws} | {
        w for key in ("who", "when", "count", "joint", "pronouns", "openers", "stopwords", "ranking", "within")
        for w in voc.words[key]}
    held = [False] * len(text)
    for w in (w for w in reading if len(w) >= 2):
        at = text.find(w)
        while at >= 0:
            for k in range(at, at + len(w)):
                held[k] = True
            at = text.find(w, at + 1)

    def free(k: int) -> bool:
        return 0 <= k < len(text) and is_cjk(text[k]) and text[k] not in stops and not held[k]

    out = []
    for word in words:
        w = fold(word)
        at = text.find(w) if w else -1
        if at < 0:
            out.append(word)
            continue
        a, b = at, at + len(w)
        while free(a - 1):
            a -= 1
        while free(b):
            b += 1
        out.append(word if (a, b) == (at, at + len(w)) else text[a:b])
    return list(dict.fromkeys(out))


def checked_denial(question: str, q, env, words: list[str], denial: Answer, related=()) -> Answer:
    """``denial`` (a 0-item "the plan does not cover ``words``") when no word of them is in the plan's text; else an
    answer that says what the text holds and lacks, with the paragraphs holding the written words as 相关条目 (after
    ``related``, the closest items the executor found)."""
    from kb.qa.executors import _answer
    from kb.qa.result import Item, Result
    from kb.qa.wording import load_answer_words

    from kb.qa.text import fold

    words = [w for w in words if w]
    if not words:
        return denial
    written, missing, share = written_words(env, words)
    # (written words covering at most half of X name something else: 自行 of 电动自行车上牌)
    if not written or share <= 0.5:
        return denial
    if not missing and not env.plan.tasks_matching([[w] for w in written], fold, kinds=None):
        return denial
    hits = env.index().search(" ".join(written), limit=5)
    found = [t for t in (env.plan.task(h.task_id) for h in hits) if t is not None]
    related = list({t.id: t for t in [*related, *found]}.values())[:5]
    said = load_answer_words()["denial_checked"]
    topic = "、".join(shown_words(question, words, env.voc))
    shown = "、".join(f"“{w}”" for w in written)
    if missing:
        text = said["missing"].format(topic=topic, missing="、".join(f"“{w}”" for w in missing), written=shown)
    else:
        text = said["unfound"].format(topic=topic, written=shown)
    if not related:
        text += said["no_related"]
    result = Result(heading=[text])
    result.related = [Item(k, t) for k, t in enumerate(related, 1)]
    env.ctx.tasks = []
    # (status not_in_plan either way: kb understood the question and no item answers it as kb reads the plan — the
    # words say which; not_understood is for questions with no reading, README "not_in_plan vs not_understood")
    return _answer(question, "topic_unfound", result, status="not_in_plan", query=q, tasks=[], related=related)
