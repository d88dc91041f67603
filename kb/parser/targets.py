"""Numeric targets: metric, value, unit, comparator, direction, baseline, stretch, scope, year.

A clause is cut into phrases at ``，；：`` (outside brackets).  In a phrase, a value
(number and unit, or a ``、`` list of them) is a **target** when it closes the
phrase (optionally followed by 以上/以下/左右 …): ``油气回收率提高到80%以上``,
``淘汰燃煤小锅炉50台``.  A value followed by more words is a threshold or a
descriptor, not a target: ``10蒸吨/小时及以下燃煤锅炉`` (a scope of the boilers),
``排气筒高度超过45米的高架源`` (a threshold of the sources), ``实现7天预报``,
``2倍削减量替代`` — the quantity to reach is always the phrase's last word, so the
rule needs no list of sentences.  A value without a unit is a target only after a
comparator or a direction (``达到300``), so numbers of standards and codes are not
(``GB 18352.6-2016``); a number glued to a Latin letter, a dot or a dash is part of
a name (``PM2.5``).  Numbers written in words (``三分之一``) are not read.

What stands before the value, read right to left in any order: comparator (不低于 → ≥,
以上 after the value → ≥, none → =), direction (下降, 削减, 达到, 提高到, 控制在 …),
baseline (``较2015年``, ``较考核基准年（2015年）``, ``与2015年相比``), ``分别``, a stretch
word (力争, also at the phrase's start), fillers (我市, 其中, 原则上 at either edge); the
deadline words of the phrase (``到2020年``) are cut out.  What is left is the metric
phrase, which may open with a scope dropped from the metric (主城区, 全市 from the
vocabulary; a county list ``荣县、富顺县`` standing alone; or the words before the
last ``的``: ``已安装油气回收设施的油气回收率``).

A phrase without a metric (``力争下降31.4%以上``, ``荣县、富顺县达到70%以上``) continues
the previous target of the same clause: its metric and direction, its baseline unless
the phrase has a direction of its own that differs (``下降18%以上（达到41微克/立方米）``:
the level has no baseline), and its scope unless it names one (a stretch phrase is a
second target with ``stretch=True``).  A bracket closing a phrase is read as a phrase
after it.
A phrase without a scope word keeps the scope of the previous target of the same
clause (``全市非化石能源消费比重达到20%，天然气消费比重提高到16.19%``).  Scopes are
not carried across sentences: a sentence that names no place has ``scope=None``.

Distributive lists (``分别``) give one target per value: the metric phrase is a ``、``
list whose last item carries the shared tail (``二氧化硫（SO2）、氮氧化物（NOx）排放总量``
→ ``二氧化硫（SO2）排放总量``, ``氮氧化物（NOx）排放总量``; ``黄色、橙色、红色级别减排比例``
→ ``黄色级别减排比例`` …).  Where the last item's own name ends is found by, in
order: a closing bracket, the Latin run (``PM10、PM2.5浓度``), the longest ending the
other items share (``色`` of 黄色, 橙色), a word opening shared tails (``消费`` in
``煤炭、天然气消费量``; ``shared_tail_words`` in the YAML), else their average length.  When the scope
is the list (``荣县、富顺县分别达到70%、60%``) each value goes to one place.  When
the phrase lists no items (``其中重点工程减排量分别不少于0.34万吨、0.06万吨、0.44万吨``),
the items are the last pollutants named with a Latin formula before it in the clause
or the paragraph (``二氧化硫（SO2）``, ``氮氧化物（NOx）``, ``挥发性有机物（VOCs）``).
One value with 分别 over a list (``二氧化硫、氮氧化物排放总量分别下降15%``) is one
target per item with that value.

A target's ``year`` is the end year of the deadline of its clause nearest before it
(else the clause's first deadline), else of the last deadline in ``context`` — the
paragraph's earlier clauses (``到2020年，…。…``); when that deadline is a start
(``自2019年起``, kind ``from``) its year is the target's ``from_year`` instead.
Full-width digits, letters and signs are read after NFKC folding; metrics are
written with half-width digits and letters, ``text`` is the clause's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kb.errors import KbError
from kb.model import Target, Task
from kb.numerals import cn_number
from kb.parser.deadlines import (VOCAB_PATH, _check_words, find_deadlines, find_within, fold, marks_outside_brackets,
                                 read_vocabulary_file)

__all__ = ["apply_targets", "parse_targets", "load_vocabulary", "TargetVocabulary", "fold_width"]

#: Kept for callers of the first version: width folding is ``deadlines.fold``.
fold_width = fold

_SIGNS = {"≥", "≤", ">", "<", "="}
#: Keys targets.yaml may leave out (a copy of the file written before they existed is still read).
_OPTIONAL_KEYS = {"value_words", "duration_units", "count_noun_ends", "subject_openers",  # (subject_openers: kb.qa)
                  "item_joiners", "not_item_joiners", "shared_class_nouns", "locatives", "not_locatives",
                  "count_modifier_starts", "count_modifier_ends",
                  "measure_verbs", "measure_between", "not_measure_units", "measure_descriptors", "value_tails",
                  "measure_size_words"}
#: A fraction written in words (三分之一, 四分之三): a share of the whole.
_FRACTION = r"[二三四五六七八九十]分之[一二三四五六七八九]"
_KEYS = {"version", "deadlines", "magnitudes", "units", "count_units", "count_unit_words", "value_joiners",
         "comparators_before", "comparators_after", "directions", "stretch_words", "scopes", "scope_pattern", "fillers",
         "shared_tail_words", "each_words", "trailing_adverbs", "adverb_keeps"}


@dataclass(slots=True)
class TargetVocabulary:
    """Compiled patterns of ``targets.yaml``."""

    value_list: re.Pattern
    """A value or a ``、`` list of values closing a phrase, then an optional comparator word."""
    value: re.Pattern
    """One value and its unit."""
    before: list[tuple[str, str]]
    """Comparator words written before the value, longest first, with their sign."""
    after: dict[str, str]
    """Comparator words written after the value."""
    before_signs: dict[str, str]
    """Comparator words written before the value → their sign."""
    directions: list[str]
    """Direction verbs, longest first."""
    stretch: list[str]
    """Stretch words."""
    scopes: list[str]
    """Scope words, longest first."""
    scope_re: re.Pattern
    """County-level names standing alone as a scope (group ``scope``)."""
    fillers: list[str]
    """Words dropped from the edges of metrics."""
    tail_words: list[str]
    """Words opening the tail a ``、`` list of items shares."""
    each_words: list[str]
    """Words giving each item of a list its value (分别)."""
    adverbs: list[str]
    """Adverbs dropped from a metric's end."""
    adverb_keeps: list[str]
    """Words ending in an adverb that stay (年均)."""
    baseline: re.Pattern
    """A baseline closing a head (``较2015年``), group 1 the year."""
    counted_item: re.Pattern
    """A value closing one item of a list (``教育专家10名、``): the next item's name starts after it."""
    count: re.Pattern
    """A number and a classifier of things counted (``1000套``), wherever it stands (groups number, unit, after)."""
    count_words: tuple[str, ...]
    """Words a classifier begins (人才, 个月): no count."""
    joiners: re.Pattern
    """What joins the values of one list (、 和)."""
    duration: re.Pattern | None = None
    """A comparator word, a number and a unit of time with the work after it (每年至少1个月在企业实训): a requirement."""
    value_words: dict[str, tuple[float, str | None]] = None
    """Shares written in words (一半, 过半) → (per cent, their own comparator or None); fractions (三分之一) are read
    by ``_FRACTION``."""
    noun_ends: tuple[str, ...] = ()
    """Adverbs of manner opening a predicate: where a counted noun ends (大力开展)."""
    item_joiners: tuple[str, ...] = ()
    """Words joining the last two nouns of a list (和, 及), longest first."""
    class_nouns: tuple[str, ...] = ()
    """Nouns of a class a list's items share, written once after the last (化工、建材和钢铁行业)."""
    not_joiners: tuple[str, ...] = ()
    """Words holding a joiner's character that join nothing (普及, 和谐)."""
    locatives: tuple[str, ...] = ()
    """Words opening a locative adjunct after a subject (在)."""
    not_locatives: tuple[str, ...] = ()
    """Words holding a locative's character that open no adjunct (存在, 在建)."""
    modifier_starts: tuple[str, ...] = ()
    """Words opening a modifier between a count's classifier and 的 (具有…的品牌)."""
    modifier_ends: tuple[str, ...] = ()
    """Words ending such a modifier (大型的, 省级以上的)."""
    measure: re.Pattern | None = None
    """A number and a measure unit (5.7万亩, 10公里, 2.48亿元) wherever it stands (groups number, unit)."""
    measure_verbs: tuple[str, ...] = ()
    """Work verbs after which a measure before a noun is that noun's quantity (完成5.7万亩造林任务)."""
    measure_between: tuple[str, ...] = ()
    """Words that may stand between such a verb and its figure (累计, 约)."""
    measure_descriptors: tuple[str, ...] = ()
    """Words after a measure that make it a descriptor of the thing (1万吨级, 3米宽, 2000千瓦以上)."""
    size_words: tuple[str, ...] = ()
    """Descriptors of one dimension (宽, 长, 高) that say so only before 的, 度 or no character (3米宽的步道): before
    another character they open the noun (3.2万亩高标准农田, 10公里长江岸线)."""
    subject_openers: tuple[str, ...] = ()
    """Words opening a clause that names whom a rule is for (对, 针对): its measures set no quantity."""


@lru_cache(maxsize=4)
def load_vocabulary(path: str | None = None) -> TargetVocabulary:
    """Read, validate and compile ``targets.yaml`` (once per process)."""
    data = read_vocabulary_file(path)
    src = path or VOCAB_PATH
    if set(data) - _OPTIONAL_KEYS != _KEYS:
        missing, extra = _KEYS - set(data), set(data) - _KEYS - _OPTIONAL_KEYS
        raise KbError(f"{src}：缺少的键：{'、'.join(sorted(missing)) or '无'}；不认识的键：{'、'.join(sorted(extra)) or '无'}；请修正，或从代码仓库恢复这个文件")
    for key in ("magnitudes", "units", "count_units", "count_unit_words", "value_joiners", "directions", "stretch_words",
                "scopes", "fillers", "shared_tail_words", "each_words", "trailing_adverbs", "adverb_keeps"):
        _check_words(src, key, data[key])
    for key in ("item_joiners", "not_item_joiners", "shared_class_nouns", "locatives", "not_locatives", "count_modifier_starts",
                "count_modifier_ends", "measure_verbs", "measure_between", "not_measure_units", "measure_descriptors",
                "value_tails", "measure_size_words"):
        if key in data:
            _check_words(src, key, data[key])
    for key in ("comparators_before", "comparators_after"):
        if not isinstance(data[key], dict) or not data[key] or not set(data[key].values()) <= _SIGNS:
            raise KbError(f"{src}：{key} 应把每个词对应到 ≥ ≤ > < = 之一；请修正，或从代码仓库恢复这个文件")
    if not isinstance(data["scope_pattern"], str):
        raise KbError(f"{src}：scope_pattern 应为加引号的正则表达式；请修正，或从代码仓库恢复这个文件")
    try:
        scope_re = re.compile(data["scope_pattern"])
    except re.error as exc:
        raise KbError(f"{src}：scope_pattern 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
    if "scope" not in scope_re.groupindex:
        raise KbError(f"{src}：scope_pattern 需要一个存放地名的 (?P<scope>…) 分组；请修正，或从代码仓库恢复这个文件")
    longest = lambda ws: sorted(ws, key=len, reverse=True)  # noqa: E731
    magnitude = "(?:" + "|".join(map(re.escape, longest(data["magnitudes"]))) + ")?"
    unit = f"(?:{magnitude}(?:" + "|".join(map(re.escape, longest(data["units"]))) + "))"
    counted = f"(?:{magnitude}(?:" + "|".join(map(re.escape, longest(data["count_units"]))) + "))"
    # (a measure unit: one of units that counts no things and is no share or time — 亩, 公里, 万千瓦, 亿元, 人次)
    not_measure = set(data["count_units"]) | set(data.get("not_measure_units") or ())
    measured = [u for u in data["units"] if u not in not_measure]
    measure = f"(?:{magnitude}(?:" + "|".join(map(re.escape, longest(measured))) + "))" if measured else None
    after = "(?:" + "|".join(map(re.escape, longest(data["comparators_after"]))) + ")"
    joiner = "(?:" + "|".join(map(re.escape, longest(data["value_joiners"]))) + ")"
    words = _value_words(data, src)
    worded = "|".join([*map(re.escape, longest(words)), _FRACTION])
    one = rf"(?:\d+(?:\.\d+)?\s*{unit}?|{worded})"
    # (a goal named after its value — 达到45%的目标, 5分钟一班 — closes the phrase as the value does)
    tails = "(?:" + "|".join(map(re.escape, longest(data.get("value_tails") or []))) + ")?" if data.get("value_tails") else ""
    baseline_before = read_vocabulary_file(path)["deadlines"]["baseline_before"]
    before = "(?:" + "|".join(map(re.escape, longest(baseline_before))) + ")"
    return TargetVocabulary(
        value_list=re.compile(rf"(?<![\d.A-Za-z\-/第])(?P<values>{one}(?:\s*{joiner}\s*{one})*)\s*(?P<after>{after})?{tails}$"),
        value=re.compile(rf"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>{unit})?|(?P<word>{worded})"),
        before=sorted(data["comparators_before"].items(), key=lambda kv: -len(kv[0])),
        after=data["comparators_after"],
        before_signs=dict(data["comparators_before"]),
        directions=longest(data["directions"]),
        stretch=longest(data["stretch_words"]),
        scopes=longest(data["scopes"]),
        scope_re=scope_re,
        fillers=longest(data["fillers"]),
        tail_words=longest(data["shared_tail_words"]),
        each_words=longest(data["each_words"]),
        adverbs=longest(data["trailing_adverbs"]),
        adverb_keeps=longest(data["adverb_keeps"]),
        baseline=re.compile(
            rf"(?:在|以)?{before}?(?:考核)?(?:基准年)?[（(]?((?:19|20)\d{{2}})年(?:度)?[)）]?(?:相比|比较|为基准|基础上|的基础上)?$"
        ),
        counted_item=re.compile(rf"\d+(?:\.\d+)?\s*{unit}(?:{after})?\s*{joiner}"),
        # 30人（含）以下的企业: an inclusive mark may stand between a count and its comparator.
        count=re.compile(rf"(?<![\d.A-Za-z\-/第])(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>{counted})(?:[（(]含[)）](?={after}))?(?P<after>{after})?"),
        count_words=tuple(longest(data["count_unit_words"])),
        joiners=re.compile(rf"\s*{joiner}\s*"),
        value_words=words,
        noun_ends=tuple(data.get("count_noun_ends") or ()),
        item_joiners=tuple(longest(data.get("item_joiners") or ())),
        not_joiners=tuple(longest(data.get("not_item_joiners") or ())),
        class_nouns=tuple(longest(data.get("shared_class_nouns") or ())),
        locatives=tuple(longest(data.get("locatives") or ())),
        not_locatives=tuple(longest(data.get("not_locatives") or ())),
        modifier_starts=tuple(longest(data.get("count_modifier_starts") or ())),
        modifier_ends=tuple(longest(data.get("count_modifier_ends") or ())),
        measure=re.compile(rf"(?<![\d.A-Za-z\-/第])(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>{measure})") if measure else None,
        measure_verbs=tuple(longest(data.get("measure_verbs") or ())),
        measure_between=tuple(longest(data.get("measure_between") or ())),
        measure_descriptors=tuple(longest(data.get("measure_descriptors") or ())),
        size_words=tuple(data.get("measure_size_words") or ()),
        subject_openers=tuple(longest(data.get("subject_openers") or ())),
        duration=re.compile(
            rf"(?P<cmp>{'|'.join(map(re.escape, longest(data['comparators_before'])))})"
            rf"(?P<number>\d+(?:\.\d+)?)(?P<unit>{'|'.join(map(re.escape, longest(data.get('duration_units') or ['个月'])))})"
            rf"(?![内前后以之])"),
    )


def _value_words(data: dict, src) -> dict[str, tuple[float, str | None]]:
    """targets.yaml ``value_words``: word → [per cent] or [per cent, comparator]."""
    raw = data.get("value_words") or {}
    out: dict[str, tuple[float, str | None]] = {}
    for word, spec in (raw.items() if isinstance(raw, dict) else [(None, None)]):
        spec = spec if isinstance(spec, list) else [spec]
        if not isinstance(word, str) or not word.strip() or not spec or not isinstance(spec[0], (int, float)) \
                or len(spec) > 2 or (len(spec) == 2 and spec[1] not in _SIGNS):
            raise KbError(f"{src}：value_words 应把每个词对应到 [百分数] 或 [百分数, 比较符号]；请修正，或从代码仓库恢复这个文件")
        out[word.strip()] = (float(spec[0]), spec[1] if len(spec) == 2 else None)
    return out


def _worded_value(word: str, vocab: TargetVocabulary) -> tuple[float, str | None]:
    """(per cent, the word's own comparator) of a share written in words: 一半 → 50, 过半 → (50, >), 三分之一 → 33.33."""
    if word in vocab.value_words:
        return vocab.value_words[word]
    whole, part = word.split("分之")
    return round(cn_number(part) / cn_number(whole) * 100, 2), None


_DIGIT = re.compile(r"\d")
#: An ASCII full stop after a value or a word, before no digit: a sentence's end.
_ASCII_STOP = re.compile(r"(?<=[%‰\u4e00-\u9fff）)])\.(?!\d)")
_VALUE_WINDOW = 160  # characters at a phrase's end that may hold its values
POLLUTANT_RE = re.compile(r"([\u4e00-\u9fff]{2,8})([（(][A-Za-z][A-Za-z0-9.]*[)）])")
_OPEN, _CLOSE = "（(〔【《“", "）)〕】》”"
_PHRASE_ENDS = "，；。：,;:！？"
_QUOTES, _QUOTE_ENDS = "“”「」", "”」"
_BRACKET = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")
_PHRASE_END = re.compile("[" + re.escape(_PHRASE_ENDS) + "]")


def _phrases(clause: str) -> list[tuple[int, str]]:
    """Cut a clause at ，；。： outside brackets, and after a closing quote; (offset, phrase) pairs.

    Quotation marks hold no phrase together: a quoted goal list (实现“…达到2000名左右，…，人才贡献率
    达到40%”的三大人才发展目标) is read phrase by phrase, and its closing quote ends the last phrase.

    A bracket closing a phrase is a phrase of its own, after it:
    ``下降18%以上（达到41微克/立方米）`` → ``下降18%以上``, ``达到41微克/立方米``.
    """
    if not _BRACKET.search(clause):  # no brackets (most phrases): a plain cut at the phrase ends
        out, start = [], 0
        for m in _PHRASE_END.finditer(clause + "。"):
            out.append((start, clause[start : m.start()]))
            start = m.end()
        return [(s, p) for s, p in out if p.strip()]
    out, depth, start, opened, closed, quoted = [], 0, 0, -1, -1, -1
    for i, c in enumerate(clause + "。"):
        if c in _QUOTES:
            # a quoted passage ends its phrase (…人才贡献率达到40%”的三大目标); a quoted term (“双师型”教师) does not: it
            # holds no number and no phrase end
            inner = clause[quoted + 1 : i] if quoted >= 0 else ""
            term = quoted >= 0 and not _DIGIT.search(inner) and not _PHRASE_END.search(inner)
            if c in _QUOTE_ENDS and depth == 0 and clause[start:i].strip() and not term:
                out.append((start, clause[start:i]))
                start = i + 1
            quoted = -1 if c in _QUOTE_ENDS else i
            continue
        if c in _OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
            if depth == 0:
                closed = i
        elif c in _PHRASE_ENDS and depth == 0:
            phrase = clause[start:i]
            if start < opened < closed and not phrase[closed - start + 1 :].strip() and clause[start:opened].strip():
                out.append((start, clause[start:opened]))
                out.append((opened + 1, clause[opened + 1 : closed]))
            else:
                out.append((start, phrase))
            start = i + 1
    return [(s, p) for s, p in out if p.strip()]


def _whole_items(phrases: list[tuple[int, str]], vocab: TargetVocabulary) -> list[tuple[int, str]]:
    """Phrases cut again at a 、 that joins two whole targets, each with its metric, its verb and its value
    (``平均路网密度达到8公里/平方公里、道路面积率达到15%的目标要求``): the 、 follows a value with its unit (and a
    comparator word) and the words after it, up to the next 、 or the phrase's end, name a metric and then a direction
    or comparator word, and close with a value or a direction (…80%以上、重污染天数比例下降); a figure followed by 的 and
    more words is a threshold (单户担保金额500万元及以下、平均担保费率不超过1%的担保业务): unchanged; a short note in
    brackets after the left value is left out (日均高于276吨（含菜场）、…: 23 宝山 2019).  A list of values (分别达到65%、55%)
    or of counted items (教育专家10名、名校长100名) has no verb after
    its 、: unchanged.  Before, the first target was lost (its value read as one item of a count list)."""
    out = []
    for start, phrase in phrases:
        if "、" not in phrase:
            out.append((start, phrase))
            continue
        cut = 0
        for m in re.finditer("、", phrase):
            left, right = phrase[cut:m.start()], phrase[m.end():].split("、", 1)[0]
            # (a short note in brackets after the value — 日均高于276吨（含菜场）、… — says what it counts: the value still
            # closes its phrase, the note left out of it)
            left = _NOTE_AFTER.sub("", left) if _NOTE_AFTER.search(left) else left
            if not _closes_with_value(left, vocab):
                continue
            verbs = [*vocab.directions, *(w for w, _ in vocab.before)]
            at = min((i for i in (right.find(w) for w in verbs) if i > 0), default=-1)
            if at < 0 or _DIGIT.search(right[:at]):
                continue
            if not (vocab.value_list.search(right, max(0, len(right) - 40)) or right.rstrip().endswith(tuple(vocab.directions))):
                continue  # (…500万元及以下、平均担保费率不超过1%的担保业务: thresholds of the thing after 的, no targets)
            out.append((start + cut, left))
            cut = m.end()
        out.append((start + cut, phrase[cut:]))
    return out


#: A figure and a range word right before a value: the value is a range's upper end (1～3个百分点, 5-10公分).
_RANGE_END = re.compile(r"\d\s*(?:[~～\-—–－]|至|到)\s*$")
#: A short note in brackets closing a phrase (（含菜场）, （不含…）, （以2015年为基数）), no list inside.
_NOTE_AFTER = re.compile(r"[（(][^（）()、，,]{1,16}[)）]$")


def _closes_with_value(text: str, vocab: TargetVocabulary) -> bool:
    """``text`` ends with a figure and its unit (a comparator word after it): a target's value closes it."""
    m = vocab.value_list.search(text, max(0, len(text) - 40))
    if not m:
        return False
    last = vocab.joiners.split(m.group("values"))[-1].strip()
    v = vocab.value.match(last)
    return bool(v and (v.group("unit") or v.group("word")))


def _split_items(text: str) -> list[str]:
    """Split at 、 outside brackets."""
    items, depth, cur = [], 0, []
    for c in text:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        if c == "、" and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    items.append("".join(cur))
    return [i for i in items if i]


def _head_length(items: list[str], tail_words: list[str]) -> int:
    """Length of the last item's own name in a ``、`` list sharing a tail."""
    last, others = items[-1], items[:-1]
    close = max(last.rfind("）"), last.rfind(")"))
    if close >= 0 and all(o.endswith(("）", ")")) for o in others):
        return close + 1
    if all(o.isascii() for o in others):
        run = re.match(r"[A-Za-z0-9.]*", last).group(0)
        if run:
            return len(run)
    first = others[0]
    for size in range(len(first), 0, -1):
        ending = first[-size:]
        if all(o.endswith(ending) for o in others):
            pos = last.find(ending)
            if pos >= 0 and (pos + size == len(last) or len(last) - pos - size >= 2):
                # (a tail of one character is no shared word: 主城区和郊区县 ends at 县, not 郊区|县)
                return pos + size
    of = max(marks_outside_brackets(last, "的"), default=-1)
    if of > 0 and not any("的" in o for o in others):
        return of  # 二级以上医院和基层医疗卫生机构的电子病历应用率: the last item's own name ends at its 的
    starts = [p for w in tail_words if (p := last.find(w)) > 0]
    if starts:
        return min(starts)
    return min(len(last), round(sum(map(len, others)) / len(others)))


def _distribute_metric(metric: str, n: int, vocab: TargetVocabulary, each: bool = False) -> list[str] | None:
    """``a、b、c<tail>`` with n items → [a<tail>, b<tail>, c<tail>], else None.

    With ``each`` (分别): the list may join its last two nouns with 和/及 (``_listed``), and the subject's list before a
    locative 在 is the one distributed (``_subject_list``)."""
    if n < 2:
        return None
    if each:
        return _subject_list(metric, n, vocab)
    items = _split_items(metric)
    if len(items) != n:
        return None
    head = _head_length(items, vocab.tail_words)
    tail = items[-1][head:]
    return [i + tail for i in items[:-1]] + [items[-1]]


def _subject_list(text: str, n: int, vocab: TargetVocabulary) -> list[str] | None:
    """The n nouns a 分别 gives one figure each, with what they share: the subject's list before a locative adjunct
    (乡土适生树种和地产草种在新建、改建公园绿地 → 乡土适生树种在新建、改建公园绿地, 地产草种在…: the list inside the
    adjunct, 新建、改建, is where, not what), else the text's own list (``_listed``); None when the nouns counted are
    not n (粮食、油料和蔬菜产量 with two figures: no pairing is proved)."""
    at = _locative_at(text, vocab)
    if at is not None:
        items = _listed(text[:at], n, vocab)
        if items is not None:
            return [i + text[at:] for i in items]
    return _listed(text, n, vocab)


def _listed(text: str, n: int, vocab: TargetVocabulary) -> list[str] | None:
    """``text``'s n list items, each with the tail they share: split at 、, and the last item's own name at its last
    和/及/与 (A、B和C产量); None when the list holds another number of items than n."""
    items = _split_items(text)
    if not items or text.startswith(vocab.item_joiners):
        # (与其他RCEP国家货物贸易、对外投资和实际利用外资: a lead-in 与… qualifies every item, and where it ends is not
        # written — no pairing is proved; the metric as written keeps it for all)
        return None
    last = items[-1]
    at = max((i for w in vocab.item_joiners for i in _marks(last, w) if not _in_word(last, i, vocab.not_joiners)),
             default=-1)
    if at > 0:
        joiner = next(w for w in vocab.item_joiners if last.startswith(w, at))
        if at + len(joiner) < len(last):
            items = [*items[:-1], last[:at], last[at + len(joiner):]]
    if len(items) != n:
        return None
    head = _head_length(items, vocab.tail_words)
    own = items[-1][:head]
    # (化工、建材和钢铁行业能耗: the class noun ending the last item's name, 行业, is the others' too — the shared tail
    # opens with it, never 建材能耗)
    kind = next((w for w in vocab.class_nouns if own.endswith(w) and len(own) > len(w) and head < len(items[-1])
                 and not any(i.endswith(w) for i in items[:-1])), None)
    if kind:
        head -= len(kind)
    tail = items[-1][head:]
    return [i + tail for i in items[:-1]] + [items[-1]]


def _marks(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text`` outside brackets."""
    return [i for i in marks_outside_brackets(text, word[0]) if text.startswith(word, i)]


def _in_word(text: str, at: int, words) -> bool:
    """The character at ``at`` belongs to one of ``words`` written there (及 of 普及, 在 of 存在)."""
    return any(text.startswith(w, j) for w in words for j in range(max(0, at - len(w) + 1), at + 1))


def _locative_at(text: str, vocab: TargetVocabulary) -> int | None:
    """Where a locative adjunct opens after a subject (乡土适生树种和地产草种|在新建…): the first locative word with a
    subject before it (2+ characters) that is no word of ``not_locatives`` (存在, 在建); None without one."""
    for i in range(2, len(text) - 1):
        if text.startswith(vocab.locatives, i) and not _in_word(text, i, vocab.not_locatives):
            return i
    return None


def _pollutants(text: str, vocab: TargetVocabulary) -> list[str]:
    """Names written with a Latin formula (``二氧化硫（SO2）``), in order, without repeats."""
    names: dict[str, None] = {}
    for m in POLLUTANT_RE.finditer(text):
        name = re.split(r"[的和及与]", m.group(1))[-1]
        name = _scope(_strip_fillers(name, vocab), vocab)[1]
        if name:
            names.pop(name + m.group(2), None)
            names[name + m.group(2)] = None
    return list(names)


_TUPLES: dict[int, tuple] = {}


def _words(words: list) -> tuple:
    """``words`` as a tuple for one ``str.endswith``/``startswith`` call (vocabulary lists live as long as the process)."""
    found = _TUPLES.get(id(words))
    if found is None:
        found = _TUPLES[id(words)] = tuple(w[0] if isinstance(w, tuple) else w for w in words)
    return found


def _strip_fillers(text: str, vocab: TargetVocabulary) -> str:
    changed = True
    fillers = _words(vocab.fillers)
    while changed and text:
        changed = False
        if not (text.startswith(fillers) or text.endswith(fillers)):
            break  # one C call instead of a loop over every filler (the common case)
        for w in vocab.fillers:
            if text.startswith(w):
                text, changed = text[len(w) :], True
            if text.endswith(w):
                text, changed = text[: -len(w)], True
    return text.strip()


def _scope(head: str, vocab: TargetVocabulary) -> tuple[str | None, str]:
    """Split a leading scope off the metric phrase: (scope or None, metric)."""
    for s in vocab.scopes if head.startswith(_words(vocab.scopes)) else ():
        if head.startswith(s):
            if head.startswith(("、", *(w for w in vocab.item_joiners if w != "与")), len(s)):
                # (主城区和郊区县在…的比例: the place is the first noun of a list, not the scope of the rest; 全省与其他
                # RCEP国家… is a lead-in, the scope stays)
                break
            return s, _strip_fillers(head[len(s) :], vocab)
    m = vocab.scope_re.match(head)
    if m:
        return m.group("scope"), ""
    if "的" in head[:-1]:
        # the last 的 outside brackets: a bracket's 的 glosses a word (“双师型”教师（…能力的教师）占…), it says no scope
        at = max((i for i in marks_outside_brackets(head, "的")), default=-1)
        before, after = head[:at], head[at + 1 :]
        if at >= 0 and len(after) >= 2 and len(before) >= 2:
            return before, after
    return None, head


def _is_place(scope: str | None, vocab: TargetVocabulary) -> bool:
    """A scope that is a place (targets.yaml ``scopes``, or county names by ``scope_pattern``), not a 的-qualifier."""
    return bool(scope) and (scope in vocab.scopes or bool(vocab.scope_re.match(scope)))


@dataclass(slots=True)
class _Head:
    """What a phrase says before its value (read right to left), and what the next phrase may continue."""

    comparator: str | None = None
    direction: str | None = None
    baseline: int | None = None
    stretch: bool = False
    metric: str = ""
    scope: str | None = None
    each: bool = False


def _read_head(head: str, vocab: TargetVocabulary) -> tuple[str, _Head]:
    """Strip comparator, direction, baseline, 分别, stretch and fillers off the end of ``head``."""
    h = _Head(each=any(w in head for w in vocab.each_words))
    changed = True
    while changed and head:
        changed = False
        if h.comparator is None and head.endswith(_words(vocab.before)):
            for word, sign in vocab.before:
                if head.endswith(word):
                    head, h.comparator, changed = head[: -len(word)], sign, True
                    break
        if h.direction is None and head.endswith(_words(vocab.directions)):
            for word in vocab.directions:
                if head.endswith(word):
                    head, h.direction, changed = head[: -len(word)], word, True
                    break
        if h.baseline is None and (b := vocab.baseline.search(head)):
            head, h.baseline, changed = head[: b.start()], int(b.group(1)), True
        for word in vocab.stretch if head.endswith(_words(vocab.stretch)) else ():
            if head.endswith(word):
                head, h.stretch, changed = head[: -len(word)], True, True
                break
        stripped = _strip_fillers(head, vocab)
        if stripped != head:
            head, changed = stripped, True
        for word in vocab.adverbs if head.endswith(_words(vocab.adverbs)) else ():
            if head.endswith(word) and len(head) > len(word) and not head.endswith(tuple(vocab.adverb_keeps)):
                head, changed, h.each = head[: -len(word)], True, True  # A、B均达到45%: each of them
                break
    for word in vocab.stretch:
        if head.startswith(word):
            # (a filler after the stretch word is no word of the metric either: 努力做到调解成功率达90%以上)
            head, h.stretch = _strip_fillers(head[len(word) :], vocab) or head[len(word) :], True
            break
    if h.each:
        # (全省与…货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%: 分别 inside the phrase is no word of the metric)
        for word in vocab.each_words:
            head = head.replace(word, "", 1)
    return head.strip(), h


def year_of(deadline) -> tuple[int, bool]:
    """(the deadline's year — its end, else its start —, whether it is a start: 自2019年起)."""
    return int((deadline.end or deadline.start)[:4]), deadline.kind == "from"


def set_time(target: Target, when: tuple[int, bool] | None) -> None:
    """A target's ``year`` (by) or ``from_year`` (a start) from the deadline that times it."""
    target.year, target.from_year = (None, None) if when is None else (None, when[0]) if when[1] else (when[0], None)


class ParagraphContext:
    """What a clause's targets may take from the paragraph's earlier clauses, read once each.

    ``parse_targets`` needs, rarely, the year of the last deadline and the
    pollutants named before the clause.  Joining the earlier clauses for every
    clause made a paragraph of n clauses cost n² (a 4 MB paragraph took
    seconds); this reads each earlier clause once, when first asked, and keeps
    the running answers: linear in the paragraph.
    """

    __slots__ = ("clauses", "upto", "_read", "_year", "_pollutants")

    def __init__(self, clauses: list[str], upto: int) -> None:
        self.clauses = clauses
        """The paragraph's clauses (the list is shared, not copied)."""
        self.upto = upto
        """How many of them come before the clause being read."""
        self._read = 0
        self._year: tuple[int, bool] | None = None
        self._pollutants: dict[str, None] = {}

    def _catch_up(self) -> None:
        vocab = None
        while self._read < self.upto:
            clause = self.clauses[self._read]
            self._read += 1
            found = find_deadlines(clause)
            if found:
                self._year = year_of(found[-1][2])
            if POLLUTANT_RE.search(clause):
                vocab = vocab or load_vocabulary()
                for name in _pollutants(clause, vocab):
                    self._pollutants.pop(name, None)
                    self._pollutants[name] = None

    def year(self) -> tuple[int, bool] | None:
        """(year, is a start) of the last deadline in the earlier clauses (``year_of``), if any."""
        self._catch_up()
        return self._year

    def pollutants(self, before: str, vocab: TargetVocabulary) -> list[str]:
        """Pollutants named in the earlier clauses then in ``before``, in order of last mention."""
        self._catch_up()
        names = dict(self._pollutants)
        for name in _pollutants(before, vocab):
            names.pop(name, None)
            names[name] = None
        return list(names)


def _as_context(context: str | ParagraphContext | None) -> ParagraphContext:
    if isinstance(context, ParagraphContext):
        return context
    return ParagraphContext([context] if context else [], 1 if context else 0)


#: Arithmetic operators: a value right after one is an operand of a formula (计算方法：A/B×100%), never a target.
_OPERATORS = "×*÷/=+"


def _is_operand(folded: str, at: int) -> bool:
    """True when the value at ``at`` follows an arithmetic operator (spaces skipped): ``×100%``, ``=0.5``."""
    before = folded[:at].rstrip()
    return bool(before) and before[-1] in _OPERATORS


def parse_targets(clause: str, index: int = 0, context: str | ParagraphContext | None = None) -> list[Target]:
    """Every numeric target of one clause; ``context`` is the paragraph's text before it (or its ParagraphContext)."""
    folded = fold(clause)
    vocab = load_vocabulary()
    if not _DIGIT.search(folded) and not _has_value_word(folded, vocab):
        return []
    if "." in folded:
        # (a full stop typed as ASCII — 高新技术产业产值增长10%. in a table's cell — ends its phrase as 。 does; a decimal
        # point, 0.5, has a digit after it; same length, offsets kept)
        folded = _ASCII_STOP.sub("。", folded)
    context = _as_context(context)
    spans = find_deadlines(clause, index)
    durations = [(s, e) for s, e, _ in find_within(clause, index)] if _DIGIT.search(folded) else []
    targets: list[Target] = []
    previous: _Head | None = None  # what a phrase without a metric or scope continues
    context_year: list[tuple[int, bool] | None] = []  # computed once, when needed
    pending_baseline: int | None = None  # 在2015年基础上，…下降5%: a baseline in a phrase of its own
    taken: set[int] = set()  # where the values read as closing their phrase start
    places: list[int] = []  # where each target's values start (text order of targets and counts)
    for start, phrase in _whole_items(_phrases(folded), vocab):
        # A value list is short: look at the phrase's end only, so a long line stays linear.
        window = max(0, len(phrase) - _VALUE_WINDOW)
        m = vocab.value_list.search(phrase, window)
        if not m:
            if vocab.baseline.match(phrase.strip()):
                pending_baseline = int(vocab.baseline.match(phrase.strip()).group(1))
            continue
        end = start + len(phrase)
        head_start, head_end = start, start + m.start()
        # Cut the deadline words out of the head: 到2020年全市… → 全市…
        head = folded[head_start:head_end]
        for s, e in sorted([(s, e) for s, e, _ in spans] + durations, reverse=True):
            if s < head_end and e > head_start:
                a, b = max(s, head_start) - head_start, min(e, head_end) - head_start
                head = head[:a] + head[b:]
        head, h = _read_head(head, vocab)
        items = list(vocab.counted_item.finditer(head))
        if items:  # 教育专家10名、名校长100名、名教师200名: the last value's own name
            head = head[items[-1].end():]
        if _is_operand(folded, start + m.start("values")):
            continue  # 计算方法：A/B×100%: a formula's factor, no value to reach
        if _RANGE_END.search(folded, max(0, start + m.start("values") - 8), start + m.start("values")):
            continue  # 每年提升1～3个百分点: the upper end of a range — one value cannot hold it (was 每年提升1~ ≥ 3个百分点)
        if phrase[: m.start()].rstrip().endswith(("“", "「", '"')):
            continue  # 推进144个“15分钟”社区生活圈: a quoted name holding a figure, no value to reach
        comparator = vocab.after.get(m.group("after") or "") or h.comparator
        values = [vocab.value.match(v.strip()) for v in vocab.joiners.split(m.group("values")) if v.strip()]
        units = [v.group("unit") or ("%" if v.group("word") else "") for v in values]
        written = ""
        if any(v.group("word") for v in values) or m.group("after") in ("左右", "以内"):
            # 超过一半 / 一半以上 / 10个左右 / 1个工作日以内: the plan's words for the value (its comparator word with
            # it; 以内 said as 以下 misquoted a time limit)
            said = next((w for w, _ in vocab.before if head_words.endswith(w)), "") if (head_words := phrase[: m.start()]) else ""
            written = said + phrase[m.start() :].strip()
            own = [_worded_value(v.group("word"), vocab)[1] for v in values if v.group("word")]
            comparator = comparator or next((c for c in own if c), None)
        if not any(units) and not comparator and not h.direction:
            continue  # a bare number is no target (GB 18352.6-2016)
        scope, metric = _scope(head, vocab)
        if metric.count("“") != metric.count("”"):  # a quote opened before the phrase (“重点引进…2000名)
            metric = metric.replace("“", "").replace("”", "")
        direction, baseline = h.direction, h.baseline if h.baseline is not None else pending_baseline
        own_metric = bool(metric)
        if not metric:
            if previous is None:
                continue  # nothing says what is measured
            metric = previous.metric
            if baseline is None and direction in (None, previous.direction):
                baseline = previous.baseline  # 力争下降31.4%: same change, same baseline; 达到41微克: a level, none
            direction = direction or previous.direction
        if scope is None and previous is not None and (not own_metric or _is_place(previous.scope, vocab)):
            # (a place — 全市, 主城区 — is the sentence's; a qualifier written with 的 — 其他类型公共建筑…的面积比例 — is its
            # own phrase's: the next phrase naming its own metric, 新建居住建筑…面积比例, is not under it)
            scope = previous.scope
        when = _clause_year(spans, end)
        if when is None:
            if not context_year:
                context_year.append(context.year())
            when = context_year[0]
        last_unit = next((u for u in reversed(units) if u), "")
        if len(values) == 1 and h.each and (items := len(_split_items(metric))) > 1:
            values, units = values * items, units * items  # 二氧化硫、氮氧化物排放总量分别下降15%: each
        pairs = _pair(metric, scope, len(values), context, folded[:start], vocab, each=h.each)
        said_text = clause[start:end].strip()
        taken.update(start + m.start("values") + v.start() for v in re.finditer(r"\d+(?:\.\d+)?", m.group("values")))
        for v, unit, (met, where) in zip(values, units, pairs):
            places.append(start + m.start("values"))
            number = float(v.group("number")) if v.group("number") else _worded_value(v.group("word"), vocab)[0]
            targets.append(Target(
                text=said_text, metric=met, value=number, unit=unit or last_unit,
                comparator=comparator or "=", direction=direction, baseline_year=baseline,
                stretch=h.stretch, scope=where, clause=index, written=written,
            ))
            set_time(targets[-1], when)
        previous = _Head(direction=direction, baseline=baseline, metric=pairs[-1][0], scope=scope)
    counts = _count_targets(clause, folded, index, spans, taken, vocab)
    counts = sorted(counts + _measure_targets(clause, folded, index, spans, taken, vocab), key=lambda t: t.clause)
    durations = _duration_targets(clause, folded, taken, vocab)  # (a time each period needs: no year of its own)
    if counts:
        for t in counts:
            when = _clause_year(spans, t.clause)  # (the value's offset, kept in clause until here)
            if when is None:
                if not context_year:
                    context_year.append(context.year())
                when = context_year[0]
            set_time(t, when)
    counts += durations
    if counts:
        targets = _in_text_order(targets, places, counts)
        for t in counts:
            t.clause = index
    return targets


def _in_text_order(closing: list[Target], places: list[int], counts: list[Target]) -> list[Target]:
    """The targets closing their phrases (their values at ``places``) and the counts, by where their values stand."""
    if not closing:
        return counts
    keyed = [(at, n, t) for n, (at, t) in enumerate(zip(places, closing))]
    keyed += [(t.clause, len(closing) + n, t) for n, t in enumerate(counts)]
    return [t for _, _, t in sorted(keyed, key=lambda x: (x[0], x[1]))]


_BOUNDARY = "，；。：、,;:和及与"


def _count_targets(clause: str, folded: str, index: int, spans, taken: set[int], vocab: TargetVocabulary) -> list[Target]:
    """Counts of things wherever they stand: ``建设1000套专家公寓``, ``选拔100名正职后备人才、200名…``.

    A number with a classifier of ``count_units`` is a target unless it was read as closing its
    phrase, stands in a deadline or a duration (5年内, 3个月内), follows 第 (an ordinal), is half of a
    range (1到2个), begins a word of ``count_unit_words`` (121人才梯队), or is followed by 的 (100人以上的
    企业: a threshold).  The metric is the thing counted: the words after the classifier up to the next
    number or the phrase's end (after their last 的), else the words before the number since the
    last boundary (教育专家10名).  The comparator is a word before it (不少于) or after it (以上).
    ``Target.clause`` carries the value's offset until parse_targets sets the clause index.
    """
    blocked = [(s, e) for s, e, _ in spans] + [(s, e) for s, e, _ in find_within(clause, index)]
    out = []
    for m in vocab.count.finditer(folded):
        at = m.start("number")
        if at in taken or any(s <= at < e for s, e in blocked):
            continue
        rest = folded[m.start("unit"):]
        if rest.startswith(vocab.count_words):
            continue
        before = folded[:at]
        if re.search(r"\d\s*(?:到|至|-|—|～|~)\s*$", before):
            continue  # 1到2个: a range of values
        tail = folded[m.end():]
        if tail.startswith("的"):
            continue  # 100人以上的企业: which things, not how many
        stop = re.search(rf"[{_PHRASE_ENDS}]|\d", _quotes_masked(tail))
        obj = "" if tail[:1] in _BOUNDARY else tail[: stop.start() if stop else len(tail)].rstrip("、和及与等")
        if "的" in obj:
            counted = obj.partition("的")[0]
            if _counts_a_modifier(counted, vocab):
                continue  # 对照7个方面的平均分值: the number counts 方面, a modifier of what follows — no target
            obj = obj.rpartition("的")[2]
        obj = _before_verb(obj, vocab)
        comparator = vocab.after.get(m.group("after") or "")
        if comparator is None:
            for word, sign in vocab.before:
                if before.endswith(word):
                    comparator, before = sign, before[: -len(word)]
                    break
        metric = obj.strip()
        if not metric:
            cut = max(before.rfind(c) for c in _BOUNDARY) + 1
            # deadline and duration words before the value are no part of the thing (5年内选拔…)
            kept = [c for i, c in enumerate(before[cut:], cut) if not any(s <= i < e for s, e in blocked)]
            metric = _strip_fillers("".join(kept), vocab)
        if not metric:
            continue
        ends = [i for i, c in enumerate(folded) if c in _PHRASE_ENDS]
        first = max([i + 1 for i in ends if i < at], default=0)
        last = min([i for i in ends if i >= m.end()], default=len(folded))
        out.append(Target(text=clause[first:last].strip(),
                          metric=metric, value=float(m.group("number")), unit=m.group("unit"),
                          comparator=comparator or "=", direction=None, baseline_year=None, stretch=False,
                          scope=None, year=None, clause=at,
                          written=folded[m.start("number"):m.end()] if m.group("after") == "左右" else ""))
    return out


def _measure_targets(clause: str, folded: str, index: int, spans, taken: set[int], vocab: TargetVocabulary) -> list[Target]:
    """A measure before its noun after a work verb: ``全年完成5.7万亩造林任务`` → 造林任务 = 5.7万亩, ``新建10公里绿道``,
    ``新增30万千瓦光伏装机`` — the figure is the quantity of the work, as a count before its noun is (建设1000套专家公寓).

    Read only where the words prove it: one of ``measure_verbs`` right before the figure (a filler — 累计, 约 — and a
    comparator — 不少于 — may stand between), or a joiner right after the noun of such a target (…造林任务和3万亩森林抚育);
    a CJK noun right after the unit, no word of ``measure_descriptors`` (1万吨级泊位, 3米宽, 2000千瓦以上项目 — which
    things, not how much), no deadline or duration around the figure, no range, and a clause not opening with a
    subject opener (对新建…项目给予补贴: whom a rule is for).  Without a verb a measure before a noun stays unread
    (10蒸吨/小时燃煤锅炉: a class of boiler).  ``Target.clause`` carries the value's offset, as counts do."""
    if vocab.measure is None or not vocab.measure_verbs:
        return []
    blocked = [(s, e) for s, e, _ in spans] + [(s, e) for s, e, _ in find_within(clause, index)]
    out: list[Target] = []
    last_end = -1  # where the noun of the last measure read ends (a joiner after it continues the list)
    for m in vocab.measure.finditer(folded):
        at = m.start("number")
        if at in taken or any(s <= at < e for s, e in blocked):
            continue
        tail = folded[m.end():]
        if not tail[:1] or not "\u4e00" <= tail[0] <= "\u9fff" or _describes(tail, vocab):
            continue
        before = folded[:at]
        if re.search(r"\d\s*(?:到|至|-|—|～|~)\s*$", before):
            continue  # 3到5万亩: a range
        comparator = None
        for word, sign in vocab.before:
            if before.endswith(word):
                comparator, before = sign, before[: -len(word)]
                break
        for word in vocab.measure_between:
            if before.endswith(word):
                before = before[: -len(word)]
                break
        joined = last_end >= 0 and before[last_end:] in ("、", "和", "及", "与", "以及")
        verb = next((v for v in vocab.measure_verbs if before.endswith(v)), None)
        if not joined and verb is None:
            continue
        if verb is not None and _is_record(before[: -len(verb)], vocab):
            continue  # 已累计完成约4180亩整治任务: work done, no target
        first = max((before.rfind(c) for c in _PHRASE_ENDS), default=-1) + 1
        if folded[first:].lstrip().startswith(vocab.subject_openers):
            continue  # 对新建10万千瓦时储能项目…给予补贴: whom a rule is for
        written = ""
        if tail.startswith("左右"):  # 完成350万平方米左右…改造: about that much
            written, tail = folded[at:m.end()] + "左右", tail[2:]
        stop = re.search(rf"[{_PHRASE_ENDS}]|\d", _quotes_masked(tail))
        obj = tail[: stop.start() if stop else len(tail)].rstrip("、和及与等")
        noun_end = len(folded) - len(tail) + len(obj)
        if stop and stop.group().isdigit():
            # 完成3万平方米节能率不低于15%的既有公共建筑节能改造: a figure inside the noun phrase qualifies it — the
            # thing is after the phrase's last 的 (a figure after a joiner starts the next item: …造林任务和3万亩…)
            phrase = tail[: (re.search(rf"[{_PHRASE_ENDS}]", tail) or re.search("$", tail)).start()]
            if "的" in phrase[stop.start():]:
                obj = phrase
        obj = _before_verb(obj.rpartition("的")[2], vocab)
        obj = re.split(r"[（(]", obj, maxsplit=1)[0].strip()  # (…整治任务量（各街镇任务详见附件）: a note after the noun)
        if len(obj) < 2:
            continue
        last_end = noun_end
        ends = [i for i, c in enumerate(folded) if c in _PHRASE_ENDS]
        first = max([i + 1 for i in ends if i < at], default=0)
        last = min([i for i in ends if i >= m.end()], default=len(folded))
        out.append(Target(text=clause[first:last].strip(), metric=obj, value=float(m.group("number")),
                          unit=m.group("unit"), comparator=comparator or "=", direction=None, baseline_year=None,
                          stretch=False, scope=None, year=None, clause=at, written=written))
    return out


def _describes(tail: str, vocab: TargetVocabulary) -> bool:
    """The words after a measure make it a descriptor (``measure_descriptors``: 1万吨级泊位, 2000千瓦以上项目); a word of
    one dimension (``measure_size_words``: 宽, 高) only before 的, 度 or a mark (3米宽的步道) — before a character it
    opens the noun: 完成3.2万亩高标准农田建设任务 is 3.2万亩 of 高标准农田 (read as 3万亩 wide, it was no target)."""
    word = next((w for w in vocab.measure_descriptors if tail.startswith(w)), None)
    if word is None:
        return False
    if word in vocab.size_words:
        after = tail[len(word):len(word) + 1]
        return not after or after in "的度" or not "\u4e00" <= after <= "\u9fff"
    return True


_QUOTED = re.compile(r"“[^“”]*”")


def _quotes_masked(text: str) -> str:
    """``text`` with the digits and marks inside “…” blanked (same length): a quoted name holding a figure (144个“15分钟”
    社区生活圈建设项目) is part of the thing counted — where the thing ends is searched past it."""
    return _QUOTED.sub(lambda m: "“" + "名" * (len(m.group()) - 2) + "”", text) if "“" in text else text


def _is_record(before: str, vocab: TargetVocabulary) -> bool:
    """The words before a work verb say the work is done (已, 已经, 业已 — deadlines.yaml ``record_before`` — with a
    filler between: 已累计完成)."""
    for word in vocab.measure_between:
        if before.endswith(word):
            before = before[: -len(word)]
            break
    return before.endswith(tuple(read_vocabulary_file()["deadlines"]["record_before"]))


#: A noun a count may number before 的 (方面, 设区市, 科创园区): a short word, characters only.
_SHORT_NOUN = re.compile(r"[\u4e00-\u9fff]{1,4}")


def _counts_a_modifier(counted: str, vocab: TargetVocabulary) -> bool:
    """The words between a count's classifier and 的 are a noun the count numbers (7个方面的平均分值, 12项指标的得分, 10个
    设区市的平均水平): a short word (4 characters at most) that is no modifier of the thing after 的 — none opening with
    ``count_modifier_starts`` (具有…) or ending with ``count_modifier_ends`` (大型, 省级以上, 优秀).  A longer phrase
    (15万名紧跟科技发展前沿、创新能力强的…人才, 20家网络改造应用良好的企业) describes the thing counted: unchanged."""
    return bool(_SHORT_NOUN.fullmatch(counted)) and not (counted.startswith(vocab.modifier_starts)
                                                        or counted.endswith(vocab.modifier_ends))


def _duration_targets(clause: str, folded: str, taken: set[int], vocab: TargetVocabulary) -> list[Target]:
    """A time a unit must at least (at most) spend on a work, the work written after it: ``教师每年至少1个月在企业或实训
    基地实训`` → 教师每年在企业或实训基地实训 ≥ 1个月 (written 至少1个月) — the value is the work's, though words follow
    it (holdout11 zj06 was answered with a start year).  The metric is the phrase around the value: its words before the
    comparator and after the unit.  ``Target.clause`` carries the value's offset, as counts do."""
    if vocab.duration is None or not _DIGIT.search(folded):
        return []
    out = []
    for m in vocab.duration.finditer(folded):
        if m.start("number") in taken:
            continue
        ends = [i for i, c in enumerate(folded) if c in _PHRASE_ENDS]
        first = max([i + 1 for i in ends if i < m.start()], default=0)
        last = min([i for i in ends if i >= m.end()], default=len(folded))
        metric = _strip_fillers(folded[first : m.start()] + folded[m.end() : last], vocab).strip()
        if len(metric) < 2:
            continue
        out.append(Target(text=clause[first:last].strip(), metric=metric, value=float(m.group("number")),
                          unit=m.group("unit"), comparator=vocab.before_signs[m.group("cmp")], direction=None,
                          baseline_year=None, stretch=False, scope=None, year=None, clause=m.start("number"),
                          written=folded[m.start() : m.end()]))
    return out


def _before_verb(obj: str, vocab: TargetVocabulary) -> str:
    """The thing counted ends where a predicate opens with an adverb of manner (10个左右技术技能人才紧缺领域大力开展职业培训
    → 技术技能人才紧缺领域; targets.yaml ``count_noun_ends``) — never at a verb alone, which may be a word of the noun
    (建设示范社区, 社会组织) — and never at its first characters."""
    cut = min((i for i in (obj.find(w, 2) for w in vocab.noun_ends) if i >= 2), default=len(obj))
    return obj[:cut]


def _has_value_word(folded: str, vocab: TargetVocabulary) -> bool:
    """True when a share written in words (一半, 三分之一) stands in the text: the clause needs the phrase reader."""
    return "分之" in folded or any(w in folded for w in vocab.value_words)


def _pair(metric: str, scope: str | None, n: int, context: ParagraphContext, before: str, vocab,
          each: bool = False) -> list[tuple[str, str | None]]:
    """(metric, scope) for each of ``n`` values of a phrase (``each``: 分别 stands before them)."""
    if n == 1:
        return [(metric, scope)]
    metrics = _distribute_metric(metric, n, vocab, each)
    if metrics:
        return [(m, scope) for m in metrics]
    places = (_subject_list(scope, n, vocab) or []) if scope and each else _split_items(scope) if scope else []
    if len(places) == n:
        return [(metric, p) for p in places]
    if each and (len(_split_items(metric)) > 1 or (scope and len(_split_items(scope)) > 1)):
        return [(metric, scope)] * n  # (a list whose count is not the figures': no pairing is proved)
    if len(_split_items(metric)) == 1:
        names = context.pollutants(before, vocab)
        if len(names) >= n:
            return [(f"{name}{metric}", scope) for name in names[-n:]]
    return [(metric, scope)] * n


def _clause_year(spans, end: int) -> tuple[int, bool] | None:
    """(year, is a start) of the clause's deadline nearest before ``end``, else of its first deadline."""
    if not spans:
        return None
    before = [d for s, _, d in spans if s < end]
    return year_of(before[-1] if before else spans[0][2])


def apply_targets(task: Task) -> None:
    """Fill ``task.targets`` from its clauses; a clause without a year takes the paragraph's earlier one."""
    out: list[Target] = []
    context = ParagraphContext(task.clauses, 0)
    for i, clause in enumerate(task.clauses):
        context.upto = i
        out.extend(parse_targets(clause, i, context))
    task.targets = out
