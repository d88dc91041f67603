"""Distributive sentences (分别): ``A、B、C…分别不低于x、y、z`` read as items paired with values, and the items of a
question (黄色、橙色、红色预警的…分别是多少) matched to the items of such a sentence.

A plan's items carry words the question leaves out or writes elsewhere (重污染天气黄色 asks the item 黄色; 红色预警 the
item 红色级别减排比例原则上): an asked item is matched by the longest part of its own words (not shared with the other
asked items) that stands in exactly one item of the sentence.  The sentence whose items match best answers, so 花生种植、
收获机械化率 takes ``花生种植、收获机械化率分别达到65%和55%`` over ``油菜种植、收获…`` (种植 alone is a shorter match).
Words (the each word 分别, the joiners 、和, units and comparators) come from kb/data/targets.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kb.qa.text import fold, split_outside_brackets

_SENTENCE_END = re.compile("[。；;！？]")
_PHRASE_BREAK = "，,：:"
#: Full-width digits and signs the value pattern reads in their ASCII forms (one character each: offsets kept).
_HALF = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


@dataclass(slots=True)
class Distribution:
    """One distributive sentence of a paragraph."""

    sentence: str
    """The sentence as the plan writes it."""
    phrase: str
    """The part of it that distributes: the items, the each word and the values (花生种植、收获机械化率分别达到65%和55%)."""
    items: list[str]
    """The items before the each word, in order (黄色, 橙色, 红色级别减排比例原则上)."""
    values: list[str]
    """Each item's value as written, with the words before the list of values (不低于10%)."""


@lru_cache(maxsize=1)
def _joiner_words() -> tuple[str, ...]:
    """The one-character words joining a list (targets.yaml ``value_joiners``: 、 和 及 与)."""
    from kb.parser.deadlines import read_vocabulary_file

    return tuple(w for w in read_vocabulary_file()["value_joiners"] if len(w) == 1)


def _value_run(tail: str, vocab) -> tuple[int, list[str]] | None:
    """The first run of two or more values joined by joiners in ``tail`` (its start, each value as written)."""
    half = tail.translate(_HALF)
    run: list[re.Match] = []
    for m in vocab.value.finditer(half):
        if run and vocab.joiners.fullmatch(half[run[-1].end():m.start()]):
            run.append(m)
            continue
        if len(run) >= 2:
            break
        run = [m]
    if len(run) < 2:
        return None
    values = [tail[m.start():m.end()].strip() for m in run]
    after = tail[run[-1].end():]
    for word in sorted(vocab.after, key=len, reverse=True):  # 80％、50％以上: the comparator after the last value
        if after.startswith(word):
            values[-1] += word
            break
    return run[0].start(), values


def distributions(text: str) -> list[Distribution]:
    """The distributive sentences of a paragraph: as many items before the each word as values after it."""
    from kb.parser.targets import load_vocabulary

    vocab = load_vocabulary()
    if not any(w in text for w in vocab.each_words):
        return []
    joiners = "".join(_joiner_words())
    out = []
    for sentence in _SENTENCE_END.split(text):
        for at, word in sorted((m.start(), w) for w in vocab.each_words for m in re.finditer(re.escape(w), sentence)):
            head = sentence[:at]
            head = head[max(head.rfind(c) for c in _PHRASE_BREAK) + 1:]
            tail = sentence[at + len(word):]
            ends = [i for i in (tail.find(c) for c in "，,") if i >= 0]
            tail = tail[:min(ends)] if ends else tail
            run = _value_run(tail, vocab)
            if run is None:
                continue
            start, values = run
            before = tail[:start].strip()
            items = split_outside_brackets(head, "、")
            # (A和B在C、D…的X分别: a list before a locative 在 is the sentence's subjects — the 、 after it joins the
            # places they are used in: 乡土适生树种和地产草种在新建、改建公园绿地的应用比例分别达到80％、50％以上)
            at = head.find("在")
            if at > 0:
                subjects = _last_items(head[:at], joiners, len(values))
                if len(subjects) == len(values) and len(split_outside_brackets(head[:at], joiners)) == len(values):
                    items = [*subjects[:-1], subjects[-1] + head[at:]]
            if len(items) != len(values):  # (乡土适生树种和地产草种在新建、改建…: 和 inside an item unless the count says)
                items = _last_items(head, joiners, len(values))
            if len(items) != len(values):
                continue
            phrase = f"{head}{word}{tail}".strip()
            out.append(Distribution(sentence.strip(), phrase, items, [before + v for v in values]))
    return out


def _last_items(head: str, joiners: str, n: int) -> list[str]:
    """``head`` split at its joiners into ``n`` items: the last ``n - 1`` pieces, the first item all before them — a
    joiner before a list's items is no joiner of it (全区与长三角其他城市A、B和C: 与 joins the place to the city, the list
    is A、B和C); fewer pieces than ``n``: the pieces (no list of ``n``)."""
    pieces = split_outside_brackets(head, joiners)
    if len(pieces) <= n or n < 2:
        return pieces
    rest = pieces[len(pieces) - n + 1:]
    # (the first item ends at the joiner before the first of the last n - 1 pieces, found from the end)
    at = len(head)
    for piece in reversed(rest):
        at = head.rfind(piece, 0, at)
    first = head[:at].rstrip()
    while first and first[-1] in joiners:
        first = first[:-1].rstrip()
    return [first, *rest] if first else pieces


def own_parts(asked: str, siblings: list[str]) -> list[str]:
    """The parts of ``asked`` (two characters or more, longest first) no other asked item holds."""
    parts = {asked[i:j] for i in range(len(asked)) for j in range(i + 2, len(asked) + 1)}
    parts = {p for p in parts if not any(p in s for s in siblings)}
    return sorted(parts, key=len, reverse=True)


def match_items(asked: list[str], items: list[str], known=None) -> tuple[int, list[int]] | None:
    """Each asked item's index among ``items`` and the total length of the words matched; None when one of them
    matches no item, or none alone, or two asked items the same one.

    ``known(text)``: whether the plan writes ``text`` anywhere.  With it, an asked item whose words outside the part
    matched hold a run of two characters the plan never writes names something else (税收收入 matched to 软件业务收入 by
    收入 alone: the plan writes no 税收) — its index is -1 (not in the sentence), the others still matched; None when
    no item is left."""
    folded = [fold(p) for p in items]
    asked_f = [fold(a) for a in asked]
    score, chosen = 0, []
    for k, a in enumerate(asked_f):
        siblings = asked_f[:k] + asked_f[k + 1:]
        hit = None
        for part in own_parts(a, siblings):
            holders = [i for i, p in enumerate(folded) if part in p]
            if len(holders) == 1:
                hit = (len(part), holders[0], part)
                break
        if hit is not None and known is not None and unknown_rest(a, hit[2], known):
            chosen.append(-1)
            continue
        if hit is None or hit[1] in chosen:
            return None
        score += hit[0]
        chosen.append(hit[1])
    return (score, chosen) if any(i >= 0 for i in chosen) else None


def unknown_rest(asked: str, part: str, known) -> bool:
    """``asked`` before ``part`` holds a run of two CJK characters ``known`` says the plan never writes (税收 of 税收收入
    matched by 收入: what comes before a noun says which one it is); a filler the plan writes (发展目标里…) or a date
    (到2020年) is no such run, nor are words after the part (…三个增速: how the items are measured, asked of them all)."""
    import re as _re

    for piece in asked.split(part, 1)[:1]:
        for run in _re.findall(r"[\u4e00-\u9fff]{2,}", piece):
            if not any(known(run[i:i + 2]) for i in range(len(run) - 1)):
                return True
    return False
