"""Reading a question: departments, role, dates, ordinals and the topic words left over.

``read_question`` turns the text into a ``Question`` of plain facts; the readers of
kb/qa/query.py turn those facts into the typed ``Query`` the executors answer.  Words come from
kb/data/intents.yaml (``Vocabulary``); department names from the registry and
the plan, resolved with ``kb.registry.resolve_department``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.annexes import AnnexPattern
from kb.qa.text import CN_DIGITS, cn_number as _cn_number
from kb.qa.text import fold, is_cjk
from kb.qa.vocab import Vocabulary

_NUMERAL = "一二两三四五六七八九十"
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def compile_patterns(voc: Vocabulary) -> dict[str, re.Pattern]:
    """The date, part and ordinal patterns, built from the words of intents.yaml (``dates``, units)."""
    d = voc.dates
    return {
        "date": re.compile(
            rf"(?P<pre>{_alternatives(d['by_before'])})?(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)年?"
            rf"(?:(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})[日号])?)?"
            rf"(?P<end>{_alternatives(d['period_end'] + d['within'])})?"
            rf"(?P<post>{_alternatives(d['by_after'] + d['from_after'])})?"
        ),
        "part": re.compile(rf"第(?P<n>[{_NUMERAL}]{{1,3}})(?:{_alternatives(voc.words['part_units'])})"),
        # (第（三）节 / 第(三)个方面: the section's numeral written in its own brackets, as the plan labels it — asks9 s18)
        "section": re.compile(rf"第(\()?(?P<n>\d{{1,2}}(?!\d)|[{_NUMERAL}]{{1,3}})(?(1)\))"
                              rf"(?:{_alternatives(voc.words['section_units'])})"),
        # 第二部分（三）讲什么: a bracketed numeral right after a part cited by number is its section
        "part_section": re.compile(rf"的?\((?P<n>[{_NUMERAL}]{{1,3}})\)"),
        # (排第一位的, 第三批, 第二次: a rank, a batch, a time — no item's number: ``ordinal_not_units`` after a bare 第N)
        "ordinal": re.compile(rf"第(?P<n>\d+|[{_NUMERAL}]{{1,3}})(?:(?P<unit>{_alternatives(voc.words['ordinal_units'])})"
                              rf"|(?!{_alternatives(voc.words['ordinal_not_units'])}))"),
        # 措施九 / 举措12: an item named by its noun and number, without 第; the number closes the name (措施九适用于…,
        # 措施九的…, 措施九是…), so 措施一览 or 措施二十条 (a count) is none
        "ordinal_named": re.compile(rf"(?P<unit>措施|举措)(?P<n>\d{{1,2}}|[{_NUMERAL}]{{1,3}})"
                                    rf"(?=$|[的是由谁有要在属针适，,。？?！!：:\s])"),
    }


#: A negation a few characters before a when-word: the question asks for tasks without a deadline.
_NO_DEADLINE = re.compile(r"(?:没有|没|无|未|不设)[^，。,;；]{0,4}(?:时限|期限|时间要求|截止日期|截止时间|完成时间|时间节点|时间表)")

_LIMIT_YES_NO: dict[int, re.Pattern] = {}


def _limit_yes_no(shapes: dict) -> re.Pattern:
    """A yes/no ask of a limit (shapes ``limit_yes_no``): an opener (有没有, 是否) then, within six characters of the
    clause, a word for a limit (时限, 截止日期 …); or such a word closed by 吗 (有完成时限吗)."""
    got = _LIMIT_YES_NO.get(id(shapes))
    if got is None:
        alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
        words = shapes["limit_yes_no"]
        got = _LIMIT_YES_NO[id(shapes)] = re.compile(
            rf"(?:{alt(words['openers'])})[^，。,;；？?]{{0,6}}?(?:{alt(words['nouns'])})"
            rf"|(?:{alt(words['nouns'])})(?:要求)?吗")
    return got


#: A role no unit is given, in words the plan-word lists do not hold: 没有明确牵头单位 / 未指定配合部门 (a qualifier between
#: the negation and the role) or 牵头单位不明确 (the negation after it) — tasks with no lead / no support.
_NO_ROLE = re.compile(r"(?:没有|没|无|未|不设)(?:明确|写明|列明|标明|指定|规定|设置|设|写|列)?的?(?P<a>牵头|配合)(?:单位|部门)"
                      r"|(?P<b>牵头|配合)(?:单位|部门)(?:不明确|未明确|没有明确|空缺|缺失|没写|没有写|未写明|未列明)")

#: A negation just before a role word (没有牵头单位, 也无配合部门, 未明确牵头单位).
_NEGATION_BEFORE = re.compile(r"(?:没有|没|无|未|不设)(?:明确|写明|列明|指定|设)?的?$")

#: A section marker cited alone at the start ((二十一)谁牵头): plans that number sections across parts.
_SECTION_MARK = re.compile(r"\([一二三四五六七八九十]{1,4}\)")

#: A label as officials cite it (三（一）2, 四（三）), folded: 三(一)2; or as kb cites an annex's paragraph and users type it
#: back (附件1-3, 附件-2, 附件(一)-1, 附件·二(一)-6 of an annex's own part, typed 附件二(一)-6 too), or an annex's section
#: (附件(一), 附件二(一), 附件中(二): kb/qa/exec_items.py ``_annex_label`` says which when several are meant).
# (an item number is no date's digits: 三（三）2020年底前 cites 三（三）, 三（三）11月 a month of it)
# (a sub-item the plan does not have — 四（二）3（9） — is read whole, so that kb says no item carries it: never 四（二）3)
_LABEL = AnnexPattern(r"[一二三四五六七八九十]{1,3}\([一二三四五六七八九十]{1,3}\)(?:\d{1,3}(?![\d年月日号])(?:\(\d{1,3}\)\d?)?)?"
                     r"|{annex_word}\d{0,2}(?:·?[一二三四五六七八九十]{1,3})?"
                     r"(?:(?:\([一二三四五六七八九十]{1,3}\))?-\d{1,3}|(?:中|里|内|的)?\([一二三四五六七八九十]{1,3}\))")


@dataclass(slots=True)
class DateAsk:
    """A year or date in a question (哪些任务要在2019年完成, 2020年年底前)."""

    mode: str
    """``by`` (due on or before ``iso``), ``in`` (due within ``year``), ``from`` (starting then) or
    ``between`` (due from ``year`` to ``iso``: 2018年至2020年)."""
    year: int
    """The year named."""
    iso: str
    """The date as ISO text (the last day of the period for ``by``)."""
    text: str
    """The words of the question."""


@dataclass(slots=True)
class Question:
    """What a question says, read by rules; no interpretation yet."""

    raw: str
    """As typed."""
    text: str = ""
    """Folded, without politeness prefixes and final particles."""
    departments: list[str] = field(default_factory=list)
    """Resolved departments (canonical names or sub-units), in order of mention."""
    unresolved: list = field(default_factory=list)
    """``kb.registry.Resolution`` of department-like names that did not resolve (unknown, ambiguous)."""
    roles: list[str] = field(default_factory=list)
    """Roles named, in order (lead, support, sole, shared, implied, any)."""
    role_verbs: list[str] = field(default_factory=list)
    """Role words read as verbs of the topic (要支持哪个版本: no unit or who-slot beside them): kept in the topic."""
    flags: set[str] = field(default_factory=set)
    """Kinds of words present: count, joint, who, when, due, target, pronoun, opener, topic_before, topic_after,
    topic_mark, topic_any (topic words joined by 和/、), respectively, list, ranking, shared_alone (共同负责 read as
    the shared role)."""
    overview: str | None = None
    """Overview kind asked for (requirements, goals, measures), if any."""
    date: DateAsk | None = None
    """Year or date named, if any."""
    ordinal: int | None = None
    """``第N项``: N, if any."""
    ordinal_unit: str | None = None
    """The word after 第N (项, 条, 点 …), if any: 第三点 after a part's name may name its third section."""
    label: str | None = None
    """A task label cited in the question (三（一）2), folded, if any."""
    part: str | None = None
    """``第三部分``: the part numeral, if any."""
    section: int | None = None
    """``第三部分第二节``: the number of the section within the part, if any."""
    structure: str | None = None
    """A question about how tasks are shared out (multi_lead, single_lead, no_support), if any."""
    item_ask: str | None = None
    """With an ordinal: what is asked of the item (deadline, target, departments, text)."""
    topic: list[str] = field(default_factory=list)
    """Words left when everything above is taken out: the topic (荣县 / 机械化清扫率)."""
    department_roles: dict[str, str] = field(default_factory=dict)
    """Department → the role named right after it (交通局牵头、公安局配合), when one is."""
    unit: str | None = None
    """The unit a value is asked in (人才公寓要建多少套 → 套), kb/data/shapes.yaml ``value_units``."""
    counted: str | None = None
    """The topic word right after the unit, the thing counted (多少座公园 → 公园), if any."""
    plan_named: str | None = None
    """The id of the loaded plan the question names by its name before 里/中 (农机化指导意见中…, 消费扶贫指导意见里…:
    the name's characters in order in that plan's title, with the title's kind of document), if any; the name is cut
    from ``text`` (its 指导 is no role, its words no topic)."""
    plan_name: str = ""
    """The words that named the plan (农机化指导意见), cut from ``text``."""
    division_named: tuple[str, str] | None = None
    """(file id, cite) of the one document of a file holding several that the question names before 里/中 (在行动计划中…,
    若干政策里…: ``cut_division_name``), the name cut from ``text``; None otherwise."""
    level: str = ""
    """A level before a word for departments in a ranking or list of them (哪个区级部门参与最多 → 区级, shapes.yaml
    ``unit_levels``), cut from ``text`` (区级部门 is no department's name)."""
    excluded: list[str] = field(default_factory=list)
    """What the question excludes (县级及以上城市建成区 of 县级及以上城市建成区以外的其他区域…, 除A之外，B…: _read_exclusion),
    cut from ``text`` with its markers: the question is read about B."""

    @property
    def role(self) -> str | None:
        """The specific role asked for (the first one named), else ``any`` if named, else None."""
        specific = [r for r in self.roles if r != "any"]
        if specific:
            return specific[0]
        return "any" if self.roles else None

    @property
    def empty(self) -> bool:
        """True when nothing readable is left."""
        return not self.text


class Lexicon:
    """Every word a question is scanned for: folded word → the kinds it belongs to."""

    __slots__ = ("entries", "max_len", "lengths", "single_removable", "subunits", "patterns", "known", "registry",
                 "places", "department_starts", "mentions", "titles", "dept_names", "dept_words", "divisions",
                 "plan_words", "abbreviated", "_labels", "_plan_labels")

    def __init__(self, voc: Vocabulary, names: dict[str, str], subunits: dict[str, str] | None = None,
                 known: dict[str, str] | None = None, registry=None, places: tuple[str, ...] = (),
                 mentions=None, titles: tuple[tuple[str, str], ...] = (),
                 divisions: tuple[tuple[str, str, str], ...] = (), plan_words=None, abbreviated=None,
                 labels=None) -> None:
        self._plan_labels = labels
        """``labels()`` → every label kb gives the loaded plans' items and sections (None: none known): read when a
        question may cite one (``plan_labels``)."""
        self._labels = None
        self.abbreviated = abbreviated
        """``abbreviated(word)`` → True when some paragraph writes the word's first two characters, up to three others,
        then its third (个体户 of 个体工商户), or None: a classifier opening a word so shortened stays."""
        self.plan_words = plan_words
        """The plan's text for ``word in`` tests whatever its places (Plan.mentions), or None: a classifier opening a
        word the plan writes (个体工商户) stays on the question's first word (kb.qa.question._trim)."""
        self.divisions = tuple(divisions)
        """(file id, cite, folded title) of each document of the loaded files that hold several (若干政策 + 行动计划): a
        question naming one (在行动计划中…) is answered from it alone (kb.qa.question.cut_division_name)."""
        self.titles = tuple(titles)
        """(document id, folded title) of the loaded plans: a plan named in a question by a short name of its title
        (农机化指导意见里…) is cut from the question (kb.qa.question.cut_plan_name)."""
        self.mentions = mentions
        """The plan's text for ``word in`` tests (Plan.mentions), or None: a place glued to a word the plan writes with
        it (上海动物园) is kept."""
        self.places = tuple(places)
        """The places the loaded plans' titles name (泸州市 and 泸州; kb.qa.question.title_places): the plans' own place
        is no topic (泸州的垃圾分类谁负责 asks of 垃圾分类), and a name starting with it is shaped like a body (泸州市人大)."""
        self.department_starts = tuple(voc.words["department_starts"]) + tuple(p for p in self.places if len(p) > 2)
        """Starts of a chunk shaped like a department (市…, 县…, the plans' places with their level: 泸州市…)."""
        self.known = known
        """kb.registry.known_names of the plan (spelling → name), which a chunk is resolved against (None: build it)."""
        self.registry = registry
        """The plan's kb.registry.Registry that ``known`` was made with (None: look it up)."""
        self.subunits = dict(subunits or {})
        """Sub-unit → its parent department (市能源办 → 市发展改革委)."""
        self.patterns = compile_patterns(voc)
        """Date, part and ordinal patterns (see compile_patterns)."""
        entries: dict[str, list[tuple[str, str]]] = {}

        def add(word: str, kind: str, value: str = "") -> None:
            if word:
                entries.setdefault(word, []).append((kind, value))

        for spelling, canonical in names.items():
            if len(spelling) > 1:
                add(spelling, "dept", canonical)
        for role, words in voc.roles.items():
            for w in words:
                add(w, "role", role)
        for key in ("count", "joint", "who", "when", "pronouns", "stopwords", "joiners", "ranking", "within", "partner_verbs"):
            for w in voc.words[key]:
                add(w, key, "")
        for w in voc.topic_before:
            add(w, "topic_before")
        for w in voc.topic_after:
            add(w, "topic_after")
        for kind, (ask, _) in voc.overview.items():
            for w in ask:
                add(w, "overview", kind)
        for w in voc.words["separators"]:
            add(w, "sep")
        for kind, words in voc.structure.items():
            for w in words:
                add(w, "structure", kind)
        for w in voc.words["respectively"]:
            add(w, "respectively")
        self.entries = entries
        """Word → [(kind, value)]."""
        self.max_len = max((len(w) for w in entries), default=1)
        """Longest word."""
        lengths: dict[str, set[int]] = {}
        for w in entries:
            lengths.setdefault(w[0], set()).add(len(w))
        self.lengths = {ch: tuple(sorted(ns, reverse=True)) for ch, ns in lengths.items()}
        """First character → the lengths of the words starting with it, longest first: the scan tries only those
        (trying every length up to ``max_len`` at each position, a long department name's, was most of its time)."""
        self.dept_names = frozenset(value for kinds in entries.values() for kind, value in kinds if kind == "dept")
        """Every department a ``dept`` word names (the canonical names, for abbreviations)."""
        dept_words: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for word, kinds in entries.items():
            if any(kind == "dept" for kind, _ in kinds):
                bare = word.lstrip("市")
                dept_words.setdefault(bare[:2], []).append((bare, tuple(value for kind, value in kinds if kind == "dept")))
        self.dept_words = dept_words
        """The first two characters of a word naming departments, without a leading 市 → (that word without the 市,
        the departments it names) of each such word (short names: a chunk of 2+ characters is looked up by its
        first two)."""
        self.single_removable = frozenset(voc.words["separators"]) | {w for w in voc.words["joiners"] if len(w) == 1}
        """Single characters that split topic words wherever they stand."""

    def plan_labels(self) -> dict[str, tuple[int, ...]]:
        """First character → the lengths of the loaded plans' labels starting with it, longest first, and each label
        folded (key ``""`` → the set): the labels kb prints (四（二）3（8）, 1（1）①, 行动计划二（六）15, 附件2-1-1, 引言1, 13-6)
        are what an official copies back into a question — one definition, the labels themselves."""
        if self._labels is None:
            folded = {fold(lb) for lb in (self._plan_labels() if self._plan_labels else ()) if lb}
            lengths: dict[str, set[int]] = {}
            for lb in folded:
                lengths.setdefault(lb[0], set()).add(len(lb))
            self._labels = {ch: tuple(sorted(ns, reverse=True)) for ch, ns in lengths.items()}
            self._labels[""] = frozenset(folded)
        return self._labels

    def longest(self, text: str, i: int) -> tuple[str, list[tuple[str, str]]] | None:
        """The longest word starting at ``text[i]``, with its kinds."""
        room = len(text) - i
        for length in self.lengths.get(text[i], ()):
            if length <= room:
                word = text[i:i + length]
                kinds = self.entries.get(word)
                if kinds:
                    return word, kinds
        return None


#: Characters that glue a label to what stands before it (第一, 2013-6, 附件1(1)…): no label starts after one.
_LABEL_GLUE_BEFORE = frozenset("0123456789一二三四五六七八九十()-·第附表")
#: What may not follow a label ending in a digit: another digit or a unit of time or quantity (1年, 13-6月).
_AFTER_DIGIT = frozenset("0123456789年月日号个项%万亿元.")
#: Labels that are only a number, only numerals, or only words (1, 十三, 引言, 通知一): cited only at a question's start
#: with nothing but asking words after them.
_WEAK_LABEL = re.compile(r"[\d]+|[^\d()\-]+")


class _Cited:
    """A label found in the question: ``group(0)``, ``start()`` and ``end()`` as a match's."""

    __slots__ = ("text", "a", "b")

    def __init__(self, text: str, a: int, b: int) -> None:
        self.text, self.a, self.b = text, a, b

    def group(self, n=0) -> str:
        return self.text[self.a:self.b]

    def start(self, n=0) -> int:
        return self.a

    def end(self, n=0) -> int:
        return self.b


def _label_ends(text: str, end: int, label: str) -> bool:
    """Nothing right after ``label`` (ending at ``end``) continues it: no further digit or numeral, no sub-item mark
    （8）/-2/·, no unit after a number (四（二）3 of 四（二）3（8）, 1 of 1年)."""
    nxt = text[end:end + 1]
    if not nxt:
        return True
    if nxt in "(-·" and text[end + 1:end + 2] and (text[end + 1].isdigit() or text[end + 1] in _NUMERAL):
        return False
    if label[-1].isdigit() and nxt in _AFTER_DIGIT:
        return False
    if nxt.isdigit():
        # (三（三）2020年底前: a date after a section's label; 二（二）2 after 二（二） is its item)
        after = re.match(r"\d+(.?)", text[end:]).group(1)
        return after != "" and after in "年月日号"
    return not (label[-1] in _NUMERAL and nxt in _NUMERAL)


def _only_asks(rest: str, voc: Vocabulary) -> bool:
    """``rest`` opens with a word a bare label may be followed by (intents.yaml ``label_asks``) and is made of asking words
    alone (是什么, 由谁牵头, 的时限是什么, 讲了什么): what is asked of a cited item."""
    if not rest.startswith(tuple(voc.words["label_asks"])):
        return False
    words = sorted({w for ws in voc.item_asks.values() for w in ws} | set(voc.words["stopwords"])
                   | set(voc.words["who"]) | set(voc.words["label_asks"]) | set(voc.words["separators"])
                   | {w for ws in voc.roles.values() for w in ws}, key=len, reverse=True)
    i = 0
    while i < len(rest):
        w = next((w for w in words if rest.startswith(w, i)), None)
        if w is None:
            return False
        i += len(w)
    return True


def _may_cite(text: str, voc: Vocabulary) -> bool:
    """Whether ``text`` may cite a label at all, before the plan's labels are read (a store reads them from its task
    rows: 交通局牵头哪些任务 must read none — tests/test_store_briefs.py): a digit or a bracket (every label but the bare
    ones has one), or a bare label's shape at the start — numerals, or a label word of the parser's (intents.yaml
    ``label_words``: 引言, 结语, 说明, 通知) with numerals — followed by a word a bare label may be followed by."""
    if any(ch.isdigit() or ch == "(" for ch in text):
        return True
    words = sorted(voc.words["label_words"], key=len, reverse=True)
    word = next((w for w in words if text.startswith(w)), "")
    end = len(word)
    while end < len(text) and text[end] in _NUMERAL:
        end += 1
    return end > 0 and text[end:].startswith(tuple(voc.words["label_asks"]))


def _cited_label(text: str, lexicon: Lexicon, voc: Vocabulary) -> _Cited | None:
    """A label of the loaded plans' items or sections written in the question (四（二）3（8）谁牵头, 附件2-1-1是什么,
    引言1讲了什么, 13-6的时限), longest first — the labels kb prints read back as they are, whatever their shape.  A label
    glued to a longer number (2013-6) or continued by a sub-item the plan does not have (四（二）3 of 四（二）3（9）) is
    none; a label that is only a number, numerals or words (1, 一, 引言, 通知一) only at the question's start with
    nothing but asking words after it (一网通办, 通知是什么时候印发的 cite nothing)."""
    if lexicon._plan_labels is None or not _may_cite(text, voc):
        return None
    held = lexicon.plan_labels()
    labels = held[""]
    if not labels:
        return None
    for i, ch in enumerate(text):
        if i and (text[i - 1] in _LABEL_GLUE_BEFORE or text[i - 1].isascii() and text[i - 1].isalnum()):
            continue
        for length in held.get(ch, ()):
            label = text[i:i + length]
            if label not in labels or not _label_ends(text, i + length, label):
                continue
            if _WEAK_LABEL.fullmatch(label) and (i or not _only_asks(text[i + length:], voc)):
                continue
            return _Cited(text, i, i + length)
    return None


def _item_ask(rest: str, voc: Vocabulary) -> str | None:
    """What is asked of one item (时限, 目标, 谁牵头, 内容)."""
    for ask in ("field", "deadline", "target", "departments", "text"):
        if any(map(rest.__contains__, voc.item_asks[ask])):
            return ask
    return None


#: What may stand before a plan's name (在农机化指导意见里, 按照…方案) and right after it (…意见里 / 中 / 内 / 上).
_NAME_BEFORE = ("按照", "根据", "关于", "在", "按", "据", "《")
_NAME_AFTER = ("》里", "》中", "》内", "》上", "》", "里", "中", "内", "上")
#: Or what the plan itself does right after its name (农机化指导意见一共提出了多少条措施): the name is the subject.
_NAME_THEN = ("一共", "总共", "共", "提出", "明确", "部署", "规定", "要求")


def cut_plan_name(text: str, titles, kinds) -> tuple[str, str | None, str]:
    """农机化指导意见中农业农村部牵头哪些任务 → (农业农村部牵头哪些任务, the plan's id, 农机化指导意见): a question opening with a
    plan's name — a kind of document (``document_kinds``: 指导意见, 实施方案, 意见 …) that the plan's title ends its kind
    with, the words before it standing in that title in order (农机化 → 农业机械化, 消费扶贫 → 消费扶贫助力…), then
    里/中/内/上 (or what the plan does: 一共, 提出, 明确 …) — names that plan, and the name is no part of what is asked: 指导 of 指导意见 is no 指导 role, 农机化 no topic
    (issue #11, the eighth blind set's C).  Only at the question's start (after 在/按照/根据) and only a name of 2+
    characters that holds no character of a question word; a title holding the name whole wins, else the first loaded
    plan whose title holds it in order.  Nothing named: the text unchanged, None, ''."""
    for kind in filter(text.__contains__, kinds):  # (the few kinds the question writes)
        at = text.find(kind)
        if at < 2:
            continue
        end = at + len(kind)
        after = next((a for a in _NAME_AFTER if text.startswith(a, end)), None)
        if after is None and text.startswith(_NAME_THEN, end):
            after = ""  # 农机化指导意见一共提出了…: the plan itself the subject
        if after is None or end + len(after) >= len(text):
            continue
        start = 0
        for b in _NAME_BEFORE:
            if text.startswith(b):
                start = len(b)
                break
        name = text[start:at]
        if len(name) < 2 or set(name) & _NOT_A_NAME:
            continue
        best = None
        for doc, title in titles:
            if kind in title and _is_subsequence(name, title.split(kind)[0] if title.endswith(kind) else title):
                if name in title:
                    best = doc  # the name written whole in a title beats one spread over another's
                    break
                if best is None:
                    best = doc
        if best is not None:
            return text[end + len(after):], best, text[start:end]
    return _plan_named_inside(text, titles, kinds)


#: 在X那份文件里 / 在X方案中 inside a question (其中哪些在人才集聚那份文件里): a plan named by X, a pointer allowed before
#: its kind, the generic 文件 only after a pointer.
_NAMED_INSIDE = re.compile(r"在(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?P<pointer>那份|这份|那个|这个|那篇|这篇)?"
                           r"(?P<kind>[\u4e00-\u9fff]{1,4}?)(?P<after>里面|里|中|内|上)")


def _plan_named_inside(text: str, titles, kinds) -> tuple[str, str | None, str]:
    """A plan named after 在 inside the question, not at its start (其中哪些在人才集聚那份文件里 — routed from holdout15): the
    name's characters in order in one loaded title, then a kind of document (``document_kinds``) — or 文件 after a
    pointer (那份文件) — and 里/中: that plan, and the words cut.  Nothing so named: the text unchanged."""
    if len(titles) < 2 or "在" not in text:
        return text, None, ""
    for m in _NAMED_INSIDE.finditer(text):
        kind, name = m.group("kind"), m.group("name")
        if not (kind in kinds or kind == "文件" and m.group("pointer")) or set(name) & _NOT_A_NAME:
            continue
        hits = [doc for doc, title in titles if _is_subsequence(name, title) and (kind == "文件" or kind in title)]
        whole = [doc for doc, title in titles if name in title]
        chosen = whole[0] if len(whole) == 1 else hits[0] if len(hits) == 1 else None
        if chosen is not None:
            return text[:m.start()] + text[m.end():], chosen, m.group(0)[1:]
    return text, None, ""


def cut_division_name(text: str, divisions, titles=()) -> tuple[str, tuple[str, str] | None]:
    """在行动计划中省通信管理局牵头哪些任务 → (省通信管理局牵头哪些任务, (file id, 行动计划)): a question opening with the name of
    one document of a file holding several — its cite (the kind its title ends with: 行动计划, 若干政策) or its whole title,
    after 在/按照/根据/《 and before 里/中/内/上 (its whole title: before anything, 进一步支持文化企业发展的规定分为几个部分) —
    names that document; the name is cut.  A name two documents answer to (a
    kind both files use, or one another loaded plan's title holds: 在行动计划中 with another …行动计划 loaded) names none.
    Nothing named: the text unchanged, None."""
    start = next((len(b) for b in _NAME_BEFORE if text.startswith(b)), 0)
    hits = []
    for doc, cite, title in divisions:
        for name in {cite.strip("《》"), title}:
            if len(name) >= 2 and text.startswith(name, start):
                after = next((a for a in _NAME_AFTER if text.startswith(a, start + len(name))), None)
                if after is None and name == title and len(title) >= 6:
                    after = "的" if text.startswith("的", start + len(name)) else ""  # (its whole title: whatever follows)
                if after is not None and start + len(name) + len(after) < len(text):
                    if any(other != doc and name in title for other, title in titles):
                        return text, None
                    hits.append(((doc, cite), start + len(name) + len(after)))
    if len({h for h, _ in hits}) != 1:
        return text, None
    return text[max(end for _, end in hits):], hits[0][0]


#: Characters of question words and pointers: a name holding one is no plan's name (哪个方案里, 这个方案中, 谁的意见).
_NOT_A_NAME = frozenset("哪谁什么几多少这那该此其吗呢")


def plan_kind_read(text: str, pointers, kinds) -> str:
    """这个指导意见一共有多少条具体措施 → 这个方案一共有多少条具体措施: a pointer (``plan_pointers``: 这个, 该, 本 …, then
    份/篇 allowed) right before a kind of document (``document_kinds``: 指导意见, 通知, 工作要点 …) points at the plan
    loaded, whatever kind of document it is; the readers know 这个方案 (holdout11 xf17: 这个指导意见 was not understood)."""
    if not any(k in text for k in kinds):
        return text
    kinds = sorted(kinds, key=len, reverse=True)
    for p in sorted(pointers, key=len, reverse=True):
        at = text.find(p)
        while at >= 0:
            end = at + len(p)
            gap = end + 1 if text[end:end + 1] in ("份", "篇") and not p.endswith(("份", "篇")) else end
            kind = next((k for k in kinds if text.startswith(k, gap)), None)
            if kind is not None and kind != "方案":
                text = text[:at] + p + "方案" + text[gap + len(kind):]
            at = text.find(p, at + len(p))
    return text


def _strip_edges(text: str, voc: Vocabulary, q: Question) -> str:
    """Take politeness prefixes off the start and particles off the end (repeatedly)."""
    prefixes, suffixes = voc.words["prefixes"], voc.words["suffixes"]
    role_nouns = voc.words["role_nouns"]
    nouns_tail = {s for s in suffixes if any(n.endswith(s) for n in role_nouns)}
    changed = True
    while changed and text:
        changed = False
        if not text.startswith(prefixes) and not text.endswith(suffixes):
            break  # (most questions: none of the ~70 words is tried one by one)
        for p in prefixes:
            if text.startswith(p) and len(text) > len(p):
                if any(text.startswith(w) and w.startswith(p) and len(w) > len(p)
                       for w in (*voc.words["plan_pointers"], *voc.words["pronouns"])):
                    continue  # (那份方案…, 那个部门…: a pointer at the plan or a unit, never the opener 那 and a word 份)
                if p in voc.words["openers"]:
                    q.flags.add("opener")
                text = text[len(p):]
                changed = True
                break
        for s in suffixes:
            if text.endswith(s) and not (s in nouns_tail and text.endswith(role_nouns)):
                # (情况 of 落实情况 is no particle: the noun stays whole, else 落实 alone reads as a role)
                if s == "呢":
                    q.flags.add("opener")
                text = text[: -len(s)]
                changed = True
                break
    return text


def _read_date(m: re.Match, voc: Vocabulary) -> DateAsk:
    y = int(m.group("y"))
    month = int(m.group("m")) if m.group("m") else None
    day = int(m.group("d")) if m.group("d") else None
    post = m.group("post") or ""
    if post in voc.dates["from_after"]:
        mode = "from"
    elif m.group("pre") or post or (m.group("end") in voc.dates["period_end"] and not month):
        mode = "by"
    else:
        mode = "in"
    if month and 1 <= month <= 12:
        import calendar

        last = calendar.monthrange(y, month)[1]
        d = min(day, last) if day else last
        iso = f"{y:04d}-{month:02d}-{d:02d}"
        if mode == "in":
            mode = "by"
    else:
        iso = f"{y:04d}-12-31"
    return DateAsk(mode, y, iso, m.group(0))


# (the places a plan's title opens with: one definition for questions and typed unit names, kb.registry)
from kb.registry import title_places  # noqa: E402,F401


def read_question(raw: str, voc: Vocabulary, lexicon: Lexicon, resolve) -> Question:
    """Read ``raw``: ``resolve(name, fuzzy=True)`` is kb.registry.resolve_department bound to the plan."""
    q = Question(raw)
    from kb.qa.query import load_shapes

    # (Session.ask answers a longer question that it is too long; a reader called directly reads no more than that)
    text = fold(raw or "")[:load_shapes()["question_limit"]]
    text = _CN_YEAR.sub(lambda m: "".join(str(CN_DIGITS[c]) for c in m.group(1)) + "年", text)  # 二〇二〇年 → 2020年
    text = _strip_edges(text, voc, q)
    if lexicon.divisions:
        # (before a plan's name: 在行动计划中 names one document of the file, not the file its title ends 计划 with)
        text, q.division_named = cut_division_name(text, lexicon.divisions, lexicon.titles)
    if lexicon.titles and q.division_named is None:
        text, q.plan_named, q.plan_name = cut_plan_name(text, lexicon.titles, voc.words["document_kinds"])
    text = plan_kind_read(text, voc.words["plan_pointers"], voc.words["document_kinds"])
    text = _level_read(text, q, voc)
    text = _read_exclusion(text, q, lexicon.mentions)
    q.text = text
    if not text:
        return q
    for key, pattern in _flag_patterns(voc):
        if pattern.search(text):
            q.flags.add(key)
    if _limit_yes_no(load_shapes()).search(text):
        # 有没有规定完成时限 / 是否明确了时间要求 / 有截止日期吗: whether limits are set — yes with them (the tasks or
        # the topic's limits), or no; the 没有 of 有没有 is no negation (was: 没有规定时限的任务共 0 项, holdout17 d09)
        q.flags.add("limit_yes_no")
        q.flags.discard("no_deadline")
        q.flags.add("has_deadline")
    elif "no_deadline" not in q.flags and _NO_DEADLINE.search(text):
        q.flags.add("no_deadline")  # 没有写完成时限 / 未规定期限: a negation shortly before a when-word
    if "no_deadline" in q.flags:
        q.flags.discard("has_deadline")  # 没有时限 holds 有时限
    # Dates and ordinals first: their digits must not be read as anything else.
    consumed = [False] * len(text)
    m = _NO_ROLE.search(text)
    if m:
        q.structure = "no_lead" if (m.group("a") or m.group("b")) == "牵头" else "no_support"
        for k in range(m.start(), m.end()):
            consumed[k] = True
        # 只写了牵头单位、没有配合单位的任务 / 有配合单位但没有牵头单位: the other role affirmed outside the negation
        # (not negated itself: 没有牵头单位也没有配合单位) asks both conditions
        other = "配合" if q.structure == "no_lead" else "牵头"
        rest = text[:m.start()] + "，" + text[m.end():]
        if any(not _NEGATION_BEFORE.search(rest[max(0, a.start() - 4):a.start()])
               for a in re.finditer(other + "(?:单位|部门)", rest)):
            q.structure = "support_no_lead" if q.structure == "no_lead" else "lead_no_support"
    m = lexicon.patterns["date"].search(text)
    if m:
        q.date = _read_date(m, voc)
        for k in range(m.start(), m.end()):
            consumed[k] = True
        # 2018年至2020年 / 2019-2020年: a range, due between the two
        rest = text[m.end():]
        joiner = next((j for j in sorted(voc.dates["range"], key=len, reverse=True) if rest.startswith(j)), None)
        second = lexicon.patterns["date"].match(text, m.end() + len(joiner)) if joiner else None
        if second and int(second.group("y")) > q.date.year:
            end = _read_date(second, voc)
            q.date = DateAsk("between", q.date.year, end.iso, m.group(0) + joiner + second.group(0))
            for k in range(m.end(), second.end()):
                consumed[k] = True
    m = _unit_ask(text)
    if m and len(text[:m.start()].lstrip("那还有共一总要是")) < 2:
        m = None  # 有几个 / 一共多少个: nothing named to count in the unit — a count (of the previous list)
    if m:
        # 多少套 / 几名: a value in a unit; its unit is no topic word and no start of a department (多少名社会…)
        q.unit = m.group("unit")
        q.flags.add("target")
        # (多少/几 with it: 对虾基地建几个 leaves no 几 in the topic)
        for k in range(m.start(), m.end("unit")):
            consumed[k] = True
        unit_end = m.end("unit")
        if q.unit == "duration":
            from kb.qa.query import load_shapes

            for w in load_shapes()["duration_extremes"]:  # (最长可以开多久: 最长 asks, it is no word of the topic)
                for x in re.finditer(re.escape(w), text):
                    for k in range(x.start(), x.end()):
                        consumed[k] = True
    else:
        unit_end = None
    m = _cited_label(text, lexicon, voc) or _LABEL.search(text) or _SECTION_MARK.match(text)
    if m:
        q.label = m.group(0)
        for k in range(m.start(), m.end()):
            consumed[k] = True
        q.item_ask = _item_ask(text[:m.start()] + text[m.end():], voc)
    m = None if q.label else lexicon.patterns["part"].search(text)
    if m:
        q.part = m.group("n")
        for k in range(m.start(), m.end()):
            consumed[k] = True
        s = lexicon.patterns["section"].search(text, m.end()) or lexicon.patterns["part_section"].match(text, m.end())
        if s and _cn_number(s.group("n")) and "(" in s.group(0):
            # 第二部分第（三）节 / 第二部分（三）: the numeral in brackets is the section's own label, 二（三） — in a plan
            # numbering its sections on across parts (二 over （三）…（六）) not the part's third section
            q.label = f"{q.part}({s.group('n')})"
            q.part = None
            for k in range(m.start(), s.end()):
                consumed[k] = True
            q.item_ask = _item_ask(text[:m.start()] + text[s.end():], voc)
            s = None
        if s and _cn_number(s.group("n")):
            q.section = _cn_number(s.group("n"))
            for k in range(s.start(), s.end()):
                consumed[k] = True
            o = lexicon.patterns["ordinal"].search(text, s.end())
            n = _cn_number(o.group("n")) if o else None
            if n and q.section <= 99:
                # 第三部分第二节的第五条: one paragraph, cited as its label 三（二）5
                q.label = f"{q.part}({_numeral(q.section)}){n}"
                q.part, q.section = None, None
                for k in range(o.start(), o.end()):
                    consumed[k] = True
                q.item_ask = _item_ask(text[:m.start()] + text[o.end():], voc)
    s = None if q.label or q.part else lexicon.patterns["section"].search(text)
    if s and _cn_number(s.group("n")):
        # 主要任务第三节 / 第二个方面: a section by its number, of the part the question names (read_numbered)
        q.section = _cn_number(s.group("n"))
        for k in range(s.start(), s.end()):
            consumed[k] = True
    m = None if q.label or q.part or q.section else lexicon.patterns["ordinal"].search(text)
    m = m or (None if q.label or q.part or q.section else lexicon.patterns["ordinal_named"].search(text))
    if m:
        n = _cn_number(m.group("n"))
        if n:
            q.ordinal = n
            q.ordinal_unit = m.group("unit")
            for k in range(m.start(), m.end()):
                consumed[k] = True
            q.item_ask = _item_ask(text[m.end():], voc)
    which = _which_item(text, voc)
    if which is not None and which.start() > 0:
        # 一网通办是哪条任务: which item holds the topic — the words before it are the topic
        for k in range(which.start(), len(text)):
            consumed[k] = True
    division = _division_ask(voc).search(text)
    if division and division.start() >= 2 and not any(consumed[division.start():]):
        # (X分为哪几级 / X分成哪些类型 asks how X is divided: the verb and its asking tail are no words of the topic —
        # 危房危险等级分为哪几级 was a topic no paragraph holds, a false 方案中没有; the parts are asked — a list, though
        # 哪几级 is no list word — and the verb marks the words before it as the topic, as 包括 does)
        for k in range(division.start(), len(text)):
            consumed[k] = True
        q.flags.update(("list", "topic_after", "division"))
    # Scan: longest known word at each position; what is left forms the topic chunks.
    pieces: list[tuple[int, int]] = []  # spans of leftover text
    start = None
    i = 0
    mentions: list[tuple[int, str]] = []
    role_marks: list[tuple[int, str]] = []  # (position, role) of role words, for "A牵头、B配合"
    dept_ends: dict[int, int] = {}  # where each department word found at a position ends
    marks: list[tuple[int, str]] = []  # (position, kind) of topic_before / topic_after words
    role_starts = {w[0] for w in voc.words["role_nouns"]}  # (the few first characters: most positions skip the test)
    while i < len(text):
        if consumed[i]:
            if start is not None:
                pieces.append((start, i))
                start = None
            i += 1
            continue
        noun = next((w for w in voc.words["role_nouns"] if text.startswith(w, i)), None) if text[i] in role_starts else None
        if noun is not None:
            # (落实情况: a noun opening with a role word — words of the topic, not the role)
            if start is None:
                start = i
            i += len(noun)
            continue
        group = _bracket_group(text, i, lexicon, voc) if text[i] in _GROUP_OPENERS else None
        if group is not None:
            # 各县（市、区）住房城乡建设局: each county's bureau, a body the plan does not name — never the city's bureau
            # (its bare spelling) nor words of the topic
            if start is not None:
                pieces.append((start, i))
                start = None
            q.unresolved.append(group[1])
            i = group[0]
            continue
        hit = lexicon.longest(text, i)
        if hit and len(hit[0]) == 1 and hit[0] not in lexicon.single_removable:
            hit = None  # single characters other than separators are stripped at chunk edges only
        if hit and any(consumed[i:i + len(hit[0])]):
            hit = None
        if hit and start is not None and i - start >= 2 and _inside_name(text, i + len(hit[0]), hit[1], voc, lexicon):
            hit = None  # 市人力资源社会保障局, 市医疗保障局: 保障 (of 保障措施) inside a name is the name's
        if hit and start is not None and text[i - 1] in _ISSUER and _other_level_only(text[i - 1] + hit[0], hit[1]):
            # 区人力资源和社会保障局 / 区生态环境局 where the plan writes 市…: the level written before a bare spelling is
            # kept, and the name stays whole in the piece — a shorter spelling inside it (环境局, 建设局) is no name
            # of its own (it answered the city bureau's list)
            i += len(hit[0])
            continue
        if hit and not _role_in_place(text, i, hit, mentions, voc):
            q.role_verbs.append(hit[0])  # 要支持哪个版本: a role word with no unit or who-slot beside it is a verb of
            hit = None  # the topic (kept whole: _trim leaves it on the chunk)
        if hit is None:
            if start is None:
                start = i
            i += 1
            continue
        word, kinds = hit
        if start is None and mentions and _group_bureau(text, i, word, kinds, mentions, dept_ends, voc):
            # 各区县生态环境局: a bare bureau right after a group or place (各区县, 高新区) is that group's bureau — one body
            # the plan does not name, never the group and the city's bureau read jointly
            pos, group = mentions.pop()
            del dept_ends[pos]
            from kb.registry import Resolution

            bureaus = [value for kind, value in kinds if kind == "dept"]
            q.unresolved.append(Resolution(None, "unknown", [*bureaus, group], text[pos:i + len(word)]))
            i += len(word)
            continue
        if start is not None:
            pieces.append((start, i))
            start = None
        for kind, value in kinds:
            if kind == "dept":
                mentions.append((i, value))
                dept_ends[i] = i + len(word)
            elif kind == "role":
                q.roles.append(value)
                role_marks.append((i, value))
            elif kind == "overview":
                q.overview = q.overview or value
            elif kind == "structure":
                q.structure = q.structure or value
            elif kind in ("topic_before", "topic_after"):
                marks.append((i if kind == "topic_before" else i + len(word), kind))
            elif kind == "pronouns":
                if not _bound_word(text, i, word, voc):
                    q.flags.add("pronoun")
            elif kind == "respectively":
                q.flags.add("respectively")
                inner = _role_in(word[1:], voc)  # 各牵头: 分别 and a role in one word
                if inner:
                    q.roles.append(inner)
                    role_marks.append((i, inner))
            elif kind in ("count", "joint", "who", "when", "ranking", "within", "partner_verbs"):
                q.flags.add(kind)
        # (a department name is one piece of its own for ordering; nothing of it is topic)
        i += len(word)
    if start is not None:
        pieces.append((start, len(text)))
    if any(map(text.__contains__, voc.words["list"])):
        q.flags.add("list")
    if q.structure is None and _single_department(text, voc):
        q.structure = "single_department"  # 哪些任务只列了一个责任部门 (the plain word lists name fixed phrases)

    edge_words = _edge_words(voc)
    pieces = _join_split_names(text, pieces, lexicon, voc, resolve)
    chunks: list[tuple[int, str, bool]] = []  # (position, chunk, marked as topic)
    for a, b in pieces:
        chunk = text[a:b]
        chunk, shift = _trim(chunk, edge_words, q, voc, lexicon.places, lexicon.mentions, text[max(0, a - 2):a],
                             lexicon.plan_words, lexicon.abbreviated)
        if not chunk:
            continue
        pos = a + shift
        marked = any(kind == "topic_before" and p <= pos or kind == "topic_after" and p >= pos + len(chunk)
                     for p, kind in marks)
        chunks.append((pos, chunk, marked))
        if marked:
            q.flags.add("topic_before" if any(k == "topic_before" for _, k in marks) else "topic_after")
    if which is not None and which.start() > 0:
        marks.append((which.start(), "topic_after"))
        for pos, chunk, marked in list(chunks):
            if not marked:
                chunks[chunks.index((pos, chunk, marked))] = (pos, chunk, True)
                q.flags.add("topic_after")
    if marks:
        q.flags.add("topic_mark")

    found: list[tuple[int, str]] = list(mentions)
    last_end = None
    for pos, chunk, marked in chunks:
        if chunk in voc.words["generic_departments"]:
            q.flags.add("who")  # 多少个部门: asks about departments, names none
            continue
        # (a marked chunk beside a named department, 人社局和组织部都参与的, may be its partner: try it as a name)
        dept = _department_chunk(chunk, voc, resolve, "who" in q.flags, lexicon.department_starts)
        if dept is not None and not dept.ok and dept.how != "ambiguous":
            dept = _abbreviation(chunk, lexicon, resolve, voc) or dept
        if marked and not found and dept is not None and not dept.ok:
            # (a marked chunk with no department before it — 投促办和财政局一起…, the first of two — is a
            # department only when it names one of the plan: otherwise the words marked are a topic)
            dept = None
        # (a chunk marked by 和 after a department, 公安和交通, is that department's partner, not a topic)
        if (dept is None and (not marked or mentions) and (q.roles or "joint" in q.flags or mentions)
                and not text.startswith(tuple(voc.words["task_nouns"]), pos + len(chunk))):
            # (试点任务有几项: a chunk glued to a task noun is a compound noun of the text — 三、试点任务 — never the short
            # name of a unit it begins, 试点 → 试点地区)
            dept = _short_department(chunk, lexicon, resolve)
        if dept is None:
            if _meaningful(chunk):
                if q.topic and last_end is not None and _joins(text[last_end:pos], voc):
                    q.flags.add("topic_any")  # 秸秆和扬尘相关的任务: either word
                q.topic.append(chunk)
                last_end = pos + len(chunk)
                if pos == unit_end:
                    q.counted = chunk  # 多少座公园: what the unit counts
        elif dept.ok:
            found.append((pos, dept.name))
        else:
            owner = next((m for m in found if dept_ends.get(m[0]) == pos), None) if _division_shaped(chunk) else None
            if owner is not None:
                # 市住建局城建档案处: a division typed right after a unit (kb knows no such sub-unit of it) — the name
                # asked is the whole, never the unit's list (an answer to another question)
                found.remove(owner)
                dept.query = text[owner[0]:pos + len(chunk)]
            q.unresolved.append(dept)
    found.sort(key=lambda x: x[0])
    for _, name in found:
        if name not in q.departments:
            q.departments.append(name)
    if q.label and q.label.startswith("(") and q.topic:
        q.label = q.item_ask = None  # （一）调整产业结构有哪些任务: the marker only prefixes a heading that is asked
    # "市发展改革委（市能源办）": the sub-unit names the department more precisely.
    subunits = lexicon.subunits
    q.departments = [d for d in q.departments if not any(subunits.get(o) == d for o in q.departments)]
    _shared_alone(q, text, role_marks, voc)
    # The role each department is asked about: the first role word after its name, before the next name — not one
    # after a who-word standing between them (南桥镇周边的共享协商机制由谁配合建立: 配合 is asked of 谁)
    whos = [m.start() for w in voc.words["who"] for m in re.finditer(re.escape(w), text)] if "who" in q.flags else []
    for k, (pos, name) in enumerate(found):
        nxt = found[k + 1][0] if k + 1 < len(found) else len(text) + 1
        roles = [r for p, r in role_marks if pos < p < nxt and r != "any" and not any(pos < w < p for w in whos)]
        if roles and name in q.departments:
            q.department_roles.setdefault(name, roles[0])
    if whos and q.departments and q.topic and [r for r in q.roles if r != "any"] and not _units_compared(text, whos, found):
        # 南桥镇周边的共享协商机制由谁配合建立: a unit before the who-word, with no role of its own, while the role word
        # follows the who-word — the unit qualifies the thing asked (a place), the role is asked of 谁 (was: 南桥镇配合的
        # 任务…共 0 项)
        roles_at = [p for p, r in role_marks if r != "any"]
        for pos, name in list(found):
            if (name in q.departments and name not in q.department_roles and pos < min(whos)
                    and all(any(pos < w < p for w in whos) for p in roles_at if p > pos)):
                q.departments.remove(name)
                q.topic.insert(0, text[pos:dept_ends.get(pos, pos + len(name))])
    if whos and q.departments:
        # 谁负责对各街镇…进行年度考核: a unit after 对/向/给, the who-word before it, is in the clause asked — its object,
        # no department whose tasks are listed (was: 各街镇涉及的任务…共 0 项)
        for pos, name in found:
            if pos > 0 and text[pos - 1] in "对向给" and min(whos) < pos and name in q.departments:
                q.departments.remove(name)
                q.topic.insert(0, text[pos:dept_ends.get(pos, pos + len(name))])
    if whos and q.departments:
        # 谁负责数据专区建设和应用的总体指导: a name right after a who-word and a duty verb (负责, 承担 …) is the object of that
        # verb — the thing asked about, not a unit whose tasks are listed (was: 数据专区共同负责的任务…, a noun of the plan
        # read as a unit); 哪些单位配合交通局 (a role verb of a partner) is not such a verb
        ends = [m.end() for w in voc.words["who"] for m in re.finditer(re.escape(w), text)]
        for pos, name in found:
            if name in q.departments and any(text[e:pos] in _DUTY_VERBS for e in ends if e <= pos):
                q.departments.remove(name)
                q.topic.insert(0, text[pos:dept_ends.get(pos, pos + len(name))])
    _when_in_object(text, q, voc)
    return q


def _units_compared(text: str, whos: list[int], found) -> bool:
    """市交通运输局和市公安局谁牵头的任务更少: two units or more, then a who-word, then a comparison (shapes.yaml
    ``compare_more`` / ``compare_less``: 更多, 较少 …, or 多/少 closing the question) — the units are compared by their
    counts (query.read_units_compared), not the place of a thing asked of 谁."""
    from kb.qa.query import load_shapes

    if len(found) < 2:
        return False
    shapes = load_shapes()
    rest = text[min(whos):]
    words = [w for w in (*shapes["compare_more"], *shapes["compare_less"])]
    return any(w in rest for w in words if len(w) >= 2) or rest.rstrip("呢吗？?").endswith(("多", "少"))


#: Verbs whose object a who-question asks about (谁负责X / 由谁承担X): a name right after them is X, not the unit asked.
_DUTY_VERBS = frozenset({"负责", "具体负责", "统一负责", "来负责", "承担", "主管", "分管", "负责对"})


_CLAUSE_EDGE = re.compile(r"[，,。？?；;：:！!]")
_ASKING = re.compile(r"哪|什么|谁|多少|几|啥")


def _read_exclusion(text: str, q: Question, mentions) -> str:
    """「A以外的B」「除A以外的B」「除(了)A之外，B…」「除A外，B…」: A (2–24 characters, no asking word) is what the question
    excludes — kept in ``q.excluded`` and cut from the text with its markers, so that the question is read about B
    (holdout14 zg03: 县级及以上城市建成区以外的其他区域… answered 建成区's 35蒸吨, A read as topic).  An opener stands at a
    clause's start (after a lead-in word: 在, 对于 …) — 清除/除尘 open nothing; without one A runs from the clause's start
    and its marker must be followed by 的.  B must follow (的 or a comma, then a Chinese character): 除了交通局之外还有
    哪些 is left as written.  The phrase as the plan writes it (除住宅错时停车之外的其他…) is the plan's words: kept."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    markers = shapes["exclusion_markers"]
    openers = shapes["exclusion_openers"]
    if not any(m in text for m in markers) and "除" not in text:
        return text
    lead_ins = tuple(shapes["exclusion_lead_ins"])
    starts = [0] + [m.end() for m in _CLAUSE_EDGE.finditer(text)]
    for start in starts:
        clause_end = next((m.start() for m in _CLAUSE_EDGE.finditer(text, start)), len(text))
        at = start
        lead = next((w for w in lead_ins if text.startswith(w, at)), None)
        if lead:
            at += len(lead)
        opener = next((o for o in openers if text.startswith(o, at)), None)
        a_start = at + len(opener) if opener else at
        closing = [*markers, "外"] if opener else list(markers)
        found = None
        for k in range(a_start + 2, min(clause_end, a_start + 25)):
            marker = next((m for m in closing if text.startswith(m, k)), None)
            if marker is None:
                continue
            after = k + len(marker)
            if text.startswith("的", after) and after + 1 < len(text) and is_cjk(text[after + 1]):
                found = (k, marker, after + 1)
            elif opener and after < len(text) and text[after] in "，," and after + 1 < len(text) and is_cjk(text[after + 1]):
                found = (k, marker, after + 1)
            if found:
                break
        if found is None:
            continue
        k, marker, cut_end = found
        excluded = text[a_start:k]
        if _ASKING.search(excluded) or not all(map(is_cjk, excluded.replace("、", ""))):
            continue
        written = text[at:k + len(marker)]
        if mentions is not None and (written in mentions or excluded + marker in mentions):
            return text  # (the plan's own words: 除住宅错时停车之外的其他错时停车活动)
        q.excluded.append(excluded)
        rest = text[cut_end:]
        other = next((w for w in shapes["exclusion_others"] if rest.startswith(w) and len(rest) > len(w)), "")
        return text[:start] + rest[len(other):]
    return text


def _level_read(text: str, q: Question, voc: Vocabulary) -> str:
    """哪个区级部门参与最多 / 区级单位有哪些: a level (shapes.yaml ``unit_levels``) right before a word for departments
    (intents.yaml ``generic_departments``) in a question ranking or listing departments is ``q.level``, cut from the
    text — the question is then read as of departments, and answered of that level's only."""
    from kb.qa.query import load_shapes

    levels = load_shapes()["unit_levels"]
    if not any(w in text for w in levels):
        return text
    generic = tuple(sorted(voc.words["generic_departments"], key=len, reverse=True))
    if not any(w in text for w in (*voc.words["ranking"], *voc.words["list"], *voc.words["count"], *voc.words["who"])):
        return text
    for word in sorted(levels, key=len, reverse=True):
        at = text.find(word)
        if at >= 0 and text.startswith(generic, at + len(word)):
            q.level = word
            return text[:at] + text[at + len(word):]
    return text


#: Characters by which a when-word itself asks (什么时候, 何时, 哪天, 几月, 多久, 啥时候), unlike a noun of time (时间, 时限).
_ASKS_WHEN = re.compile(r"什么|何|哪|几|多久|多长|啥")

#: What joins the things of an enumeration (时间、路线、速度; 开工时间和施工方案).
_LIST_JOINERS = ("以及", "、", "和", "与", "及")  # (以及 before 及: the longer joiner first)


def _when_in_object(text: str, q: Question, voc: Vocabulary) -> None:
    """A who-question whose every when-word is one thing of an enumeration of plain nouns (谁负责反馈…通行时间、路线、速度的
    意见; 养护工程开工时间和施工方案由谁审核): the time is a thing asked about — reported, checked — no when asked (holdout13
    dj20 was answered with a time limit).  A neighbour that is itself a word asking something (牵头单位和完成时间) keeps
    both asked."""
    if not {"who", "when"} <= q.flags:
        return
    asking = tuple(w for key in ("who", "when", "target", "count", "due") for w in voc.words[key])
    spans, at = [], 0
    words = sorted((*voc.words["when"], *voc.words["due"]), key=len, reverse=True)
    while at < len(text):
        w = next((w for w in words if text.startswith(w, at)), None)
        if w is None:
            at += 1
            continue
        spans.append((at, at + len(w)))
        at += len(w)

    def listed(a: int, b: int) -> bool:
        after = next((j for j in _LIST_JOINERS if text.startswith(j, b)), None)
        if after is not None and not text[b + len(after):].startswith(asking):
            return True
        before = next((j for j in _LIST_JOINERS if text[:a].endswith(j)), None)
        return before is not None and not text[:a - len(before)].endswith(asking) and a - len(before) > 0

    when_spans = [(a, b) for a, b in spans if text[a:b] in voc.words["when"]]
    # (a when-word that asks — 什么时候, 何时, 哪天 — is asked wherever it stands: 由谁负责和什么时候完成 asks both)
    if any(_ASKS_WHEN.search(text[a:b]) for a, b in when_spans):
        return
    if when_spans and all(listed(a, b) for a, b in when_spans):
        q.flags.discard("when")
        if all(listed(a, b) for a, b in spans):
            q.flags.discard("due")


def _bound_word(text: str, at: int, word: str, voc: Vocabulary) -> bool:
    """以上 of 二级及以上医疗机构 / 3人以上: a pronoun word that is also a bound (intents.yaml ``at_least``) after 及/或 or a
    number is that bound, pointing at nothing before (the question was read as a follow-up of the previous answer)."""
    if word not in voc.words["at_least"] or at == 0:
        return False
    return text[at - 1] in "及或" or text[at - 1].isdigit() or text[at - 1] in "一二两三四五六七八九十百千万级"


#: Roles a word may name that is also an everyday verb of a plan's text (支持, 协助, 落实 …); ``any`` words (负责, 参与,
#: 任务) are no particular role and stay as read.
_PARTICULAR_ROLES = frozenset({"lead", "support", "guide", "sole", "shared", "implied"})
#: What a question asking "which" writes between 哪/什么 and the noun asked (哪个版本, 哪几项任务, 什么部门).
_WHICH = re.compile(r"(?:哪|什么|啥|多少|几)(?:一|几)?(?:些|个|项|条|家|件|类)?")


def _role_in_place(text: str, at: int, hit, mentions, voc: Vocabulary) -> bool:
    """Whether a hit of the scan that names only a particular role (支持, 配合, 牵头) stands as a role: beside a unit —
    a department named before it, or anything asked of units (谁, 哪些部门, 配合单位: intents.yaml ``who`` /
    ``generic_departments``) in the question — or closing what the question asks of a unit (牵头的, 配合哪些任务, 牵头了吗:
    nothing after it, a word of shapes.yaml ``role_after``, or 哪/什么 + a task or unit noun).  Otherwise (集约化平台要支持
    哪个版本的互联网协议, 支持企业发展这项工作由谁负责 — the first 支持) it is a verb of the words asked, no role."""
    word, kinds = hit
    roles = {v for k, v in kinds if k == "role"}
    if not roles or not roles <= _PARTICULAR_ROLES or any(k != "role" for k, _ in kinds):
        return True
    from kb.qa.query import load_shapes, role_word_is_object

    if role_word_is_object(text[:at], word, tuple(load_shapes()["role_object_verbs"])):
        return False  # 谁负责对医疗机构…进行指导和监督: 对X进行指导 is the clause asked, no role of a unit
    if mentions or any(w in text for w in (*voc.words["who"], *voc.words["generic_departments"]) if w != word):
        return True
    if text[:at].endswith(tuple(voc.words["department_endings"])):
        return True  # 组织部配合, 金融办配合, 局牵头: a unit's name, resolved or not, right before it
    rest = text[at + len(word):].rstrip("？?。！!")
    if not rest or rest in voc.words["suffixes"]:
        return True
    which = _WHICH.match(rest)
    if which is None:
        return any(rest.startswith(a) for a in load_shapes()["role_after"])
    noun = rest[which.end():]
    return not noun or any(noun.startswith(n) for n in (*voc.words["task_nouns"], *voc.words["generic_departments"]))


def _shared_alone(q: Question, text: str, role_marks: list[tuple[int, str]], voc: Vocabulary) -> None:
    """共同负责 (kb's own name of the shared role) read as the shared role, not 共同 (joint) + 负责 (any role), when the
    question names exactly one department (住建局共同负责哪些任务) or none and is a follow-up that keeps the previous
    one (那共同负责的呢).  Two or more departments keep the joint reading (住建局和发改委共同负责哪些任务: tasks both
    take part in, any role); a question with no department that is no follow-up (秸秆禁烧由哪些部门共同负责) too."""
    if len(q.departments) > 1 or not q.departments and not q.flags & {"opener", "pronoun"}:
        return
    for word in voc.words["shared_alone"]:
        at = text.find(word)
        if at < 0:
            continue
        span = range(at, at + len(word))
        k = next((k for k, (p, r) in enumerate(role_marks) if p in span and r == "any"), None)
        if k is None:
            continue  # the scan read another word across it (责任单位共同负责人): leave it
        # role_marks and q.roles are appended together in the scan, so the k-th mark is the k-th role
        role_marks[k] = (role_marks[k][0], "shared")
        q.roles[k] = "shared"
        q.flags.add("shared_alone")
        rest = text[:at] + "\x00" + text[at + len(word):]
        if not any(w in rest for w in voc.words["joint"]):
            q.flags.discard("joint")
        return


def _single_department(text: str, voc) -> bool:
    """只/仅 (+ 有, 由, 列了 …) + 一个/一家 + a word for departments (责任单位, 部门): tasks with one department."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    key = (id(shapes), id(voc))
    pattern = _SINGLE_PATTERNS.get(key)
    if pattern is None:
        alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
        pattern = _SINGLE_PATTERNS[key] = re.compile(
            rf"(?:{alt(shapes['only'])})[有由列了写安排涉及]{{0,3}}(?:一|1)(?:个|家)(?:责任)?(?:{alt(voc.words['generic_departments'])})")
    return pattern.search(text) is not None


_SINGLE_PATTERNS: dict[tuple[int, int], re.Pattern] = {}


def _numeral(n: int) -> str:
    """1–99 in Chinese numerals, as plans number their sections (十二, 二十一)."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")


def _which_item(text: str, voc):
    """是哪条任务 / 在哪一项里 / 落在哪个任务里 ending the question (kb/data/shapes.yaml ``which_*``)."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    key = (id(shapes), id(voc))
    pattern = _WHICH_PATTERNS.get(key)
    if pattern is None:
        alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
        nouns = alt(voc.words["task_nouns"])
        pattern = _WHICH_PATTERNS[key] = re.compile(
            rf"(?:{alt(shapes['which_before'])})?哪一?(?:(?:{alt(shapes['which_units'])})(?:{nouns})?|个(?:{nouns}))"
            rf"(?:{alt(shapes['which_after'])})?[?？。!！呢吗啊]*$")
    return pattern.search(text)


_WHICH_PATTERNS: dict[tuple[int, int], re.Pattern] = {}


def _unit_ask(text: str):
    """The first 多少/几 + a unit of kb/data/shapes.yaml ``value_units`` not followed by a noun of the plan itself
    (第几条 cites an item, 哪几条 lists items), else the first word asking a measure (``measure_asks``: 面积有多大, 多长, 占多大比重), whose
    group ``unit`` is then the kind of the measure (area) — the executor answers it in the units of ``unit_kinds``."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    patterns = _UNIT_PATTERNS.get(id(shapes))
    if patterns is None:
        alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        nouns = alt(shapes["unit_not_after"])
        asks = {w: kind for kind, words in shapes["measure_asks"].items() for w in words}
        patterns = _UNIT_PATTERNS[id(shapes)] = (
            re.compile(rf"(?<![第哪])(?:多少|几)万?(?P<unit>{alt(shapes['value_units'])})(?!{nouns})"),
            re.compile(rf"(?P<unit>{alt(asks)})(?!{alt(shapes['measure_not_after'])})"), asks,
            # (every unit ask holds 多少/几; when every measure ask holds one of these too, a question with none of
            # them needs no regex)
            _ASK_MARKS if all(any(map(w.__contains__, _ASK_MARKS)) for w in asks) else None,
            # 社区养老服务站投资多少 / 预算是多少: a noun of money right before a bare 多少 asks a sum (the noun stays a
            # topic word: the clause answering holds it — 总投资约1.2亿元)
            re.compile(rf"(?:{alt(shapes['money_asks'])})(?P<unit>(?:是|为|有|要|约|达|需要|大概|一共|总共|共)?多少)"
                       r"(?=[呢吗啊呀？?。！!，,\s]|$)"))
    unit, measure, asks, marks, money = patterns
    if marks and not any(map(text.__contains__, marks)):
        return None
    limit = _limit_ask(text, shapes)
    if limit is not None:
        return limit
    duration = _duration_ask(text, shapes)
    if duration is not None:
        return duration
    m = next((m for m in unit.finditer(text) if m.group("unit") not in shapes["noun_units"]
              or "\u4e00" <= text[m.end():m.end() + 1] <= "\u9fff"), None)  # (几条 at the end counts items)
    if m is None:
        m = measure.search(text)
        if m is not None:
            return _MeasureMatch(m, asks[m.group("unit")])
        m = money.search(text)
        if m is not None:
            return _MeasureMatch(m, shapes["money_words"][0])  # (a money word: 多少钱 is asked)
    return m


def _duration_ask(text: str, shapes: dict):
    """周期多长 / 最长可以开多久: a word asking a span (shapes.yaml ``duration_asks``) with an extreme of it or a noun of a
    span (``duration_extremes`` / ``duration_marks``) elsewhere in the question asks the span the plan states, as the
    measure ``duration`` (its units: ``unit_kinds.duration``); None otherwise (多久报一次 asks when, 多长 a length)."""
    asks = sorted(shapes["duration_asks"], key=len, reverse=True)
    m = re.search("(?P<unit>" + "|".join(map(re.escape, asks)) + ")", text)
    if m is None or any(w in text for w in shapes["frequency_asks"]):
        return None  # (多久修订一次: how often — Query.period — not a span)
    # (a mark anywhere, the asking words included: 多长时间 asks a span by itself — 改造需要多长时间 kept 多长 as a topic)
    if not any(w in text for w in (*shapes["duration_marks"], *shapes["duration_extremes"])):
        return None
    return _MeasureMatch(m, "duration")


_LIMIT_PATTERNS: dict[int, re.Pattern] = {}


def _limit_ask(text: str, shapes: dict):
    """多少天内 / 几个工作日内 / 几个月以内: a number of units of time (shapes.yaml ``time_span_units``) followed by a word
    closing a span (``time_span_after``: 内, 以内, 时间, 左右) asks the span the plan writes (20个工作日内), as the measure
    ``duration`` — never a target of the paragraph, nor a count of days (value_units keep 天 for 多少天 alone)."""
    pattern = _LIMIT_PATTERNS.get(id(shapes))
    if pattern is None:
        alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        units = [u.removeprefix("个") for u in shapes["time_span_units"]] + ["日"]
        pattern = _LIMIT_PATTERNS[id(shapes)] = re.compile(
            rf"(?<![第哪])(?P<unit>(?:多少|几)个?(?:{alt(units)})(?:{alt(shapes['time_span_after'])}))")
    m = pattern.search(text)
    return _MeasureMatch(m, "duration") if m else None


class _MeasureMatch:
    """A match of a measure's asking words whose ``group("unit")`` is the kind of the measure (area), not its words."""

    __slots__ = ("match", "kind")

    def __init__(self, match: re.Match, kind: str) -> None:
        self.match, self.kind = match, kind

    def group(self, name):
        return self.kind if name == "unit" else self.match.group(name)

    def start(self, name=0):
        # (the asking words begin at the group: a noun of money before 多少 is no part of them)
        return self.match.start("unit" if name == 0 else name)

    def end(self, name=0):
        return self.match.end(name)


_UNIT_PATTERNS: dict[int, tuple] = {}
_ASK_MARKS = ("多", "几", "百分", "占比")


def abbreviates(name: str, title: str) -> bool:
    """Whether ``name`` names the plan of ``title`` by its words: its characters stand in the title in order, in runs;
    a run of one character follows the run before it within two characters of the title (a word's first character,
    its tail dropped: 自贸 ⊂ 自由贸易, 综保区 ⊂ 综合保税区, 农机化 ⊂ 农业机械化); a run of 2+ characters may stand anywhere
    after it (whole words, other words of the title left out: 综合保税区的若干意见, 体育竞赛表演产业指导意见).  A name
    written whole in the title abbreviates it; 2 characters only written whole."""
    if name in title:
        return True
    if len(name) < 3:
        return False

    def match(i: int, pos: int, first: bool) -> bool:
        # name[i:] against title[pos:], the run before ending at pos (first: no run yet)
        if i == len(name):
            return True
        k = 1  # the longest run of name[i:] that the title holds from some place
        while i + k < len(name) and name[i:i + k + 1] in title[pos:]:
            k += 1
        for size in range(k, 0, -1):
            run = name[i:i + size]
            at = title.find(run, pos)
            while at >= 0:
                if not (first or size >= 2 or at - pos <= 2):
                    break  # (a one-character run only near the run before: later places are farther)
                if match(i + size, at + size, False):
                    return True
                at = title.find(run, at + 1)
        return False

    return match(0, 0, True)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


#: One character naming the issuer's level before a department's name (市财政局, 区规划分局, 县发改局, 省商务厅).
_ISSUER = "市区县省"


def _bare(name: str) -> str:
    """A department's name without its issuer's level (区发展改革委 → 发展改革委); two characters are kept whole."""
    return name[1:] if len(name) > 3 and name[0] in _ISSUER else name


#: A group of places written with its levels in brackets (各县（市、区）, 各市（州）, 区（县）): folded brackets are ASCII.
_BRACKET_GROUP = re.compile(r"各?[省市州县区旗盟]{1,2}\([省市州县区旗盟、]{1,8}\)")
_GROUP_OPENERS = frozenset("各省市州县区旗盟")
#: What a group's own body may be called right after it (各县（市、区）人民政府).
_GROUP_BODIES = ("党委和政府", "党委、政府", "人民政府", "政府", "党委")


def _bracket_group(text: str, i: int, lexicon: Lexicon, voc: Vocabulary):
    """(end, Resolution) when a group written with its levels in brackets starts at ``i`` and the plan does not write
    the name whole: the group's bureau (its bare spelling a department of the plan: 各县（市、区）生态环境局) or the
    group's government, an unknown body with the plan's near names as candidates; else None."""
    m = _BRACKET_GROUP.match(text, i)
    if m is None:
        return None
    whole = lexicon.longest(text, i)
    if whole and i + len(whole[0]) > m.end() and any(kind == "dept" for kind, _ in whole[1]):
        return None  # the plan writes the name whole (各县（市、区）人民政府 of a provincial plan)
    hit = lexicon.longest(text, m.end())
    bureaus = [value for kind, value in hit[1] if kind == "dept"] if hit else []
    if bureaus:
        end = m.end() + len(hit[0])
    else:
        body = next((b for b in _GROUP_BODIES if text.startswith(b, m.end())), None)
        if body is None:
            return None
        end = m.end() + len(body)
    from kb.registry import Resolution

    groups = sorted(n for n in lexicon.dept_names if n.startswith("各"))
    return end, Resolution(None, "unknown", [*dict.fromkeys(bureaus), *groups], text[i:end])


def _group_bureau(text: str, i: int, word: str, kinds, mentions, dept_ends, voc: Vocabulary) -> bool:
    """True when ``word`` at ``i`` is a bare bureau spelling (no level: 生态环境局) of the plan's levelled bureaus
    (市生态环境局) written right after a mention of a group or place that is no body's full name (各区县, 高新区: it does
    not end like a department) — the group's own bureau (各区县生态环境局)."""
    from kb.registry import name_level

    pos, _ = mentions[-1]
    if dept_ends.get(pos) != i or name_level(word) is not None:
        return False
    before = text[pos:i]
    depts = [value for kind, value in kinds if kind == "dept"]
    return (bool(depts) and all(name_level(v) is not None for v in depts)
            and name_level(before) is None and not before.endswith(tuple(voc.words["department_endings"])))


def _other_level_name(chunk: str, lexicon: Lexicon, resolve, voc: Vocabulary) -> bool:
    """True when ``chunk`` opens with a level (区, 县 …) and without it names a department of the plan written at
    another level (区人力资源和社会保障局 → the plan's 市人力资源和社会保障局)."""
    from kb.registry import other_level

    chunk = chunk[1:] if chunk.startswith("各") else chunk  # (各区人力资源和社会保障局: each district's, not the city's)
    if len(chunk) < 4 or chunk[0] not in _ISSUER:
        return False
    res = _abbreviation(_bare(chunk), lexicon, resolve, voc)
    return res is not None and res.ok and other_level(chunk, res.name)


def _other_level_only(written: str, kinds) -> bool:
    """True when every department a word names is of another level than ``written`` (the word with the level character
    the question writes before it): 区 + 人力资源和社会保障局 is no name of the plan's 市人力资源和社会保障局."""
    from kb.registry import other_level

    depts = [value for kind, value in kinds if kind == "dept"]
    return bool(depts) and all(other_level(written, value) for value in depts)


def _abbreviation(chunk: str, lexicon: Lexicon, resolve, voc: Vocabulary | None = None):
    """A short name of exactly one department of the plan, by mechanism (never a list per plan):

    - 工信部 / 发改委 / 规划局: its characters in order within the name, the same first character and the same
      ending, the issuer's level left off on both sides (工业和信息化部, 区发展改革委, 区规划分局);
    - 组织部 / 财政局: the last 3+ characters of exactly one name (市委组织部, 区财政局);
    - 房管局 / 市监局: a usual abbreviation of a piece of the name (kb/data/shapes.yaml ``name_pieces``:
      房管 → 房屋管理, 市监 → 市场监管), the name ending with the piece written out (区住房保障房屋管理局);
    - 总局: a word of two characters ending like a department (``department_endings``) that ends several
      names is ambiguous (税务总局, 市场监管总局: the bot asks which), one name that one."""
    stem = _bare(chunk) if chunk[0] in _ISSUER and len(chunk) > 2 else chunk
    if len(stem) < 2:
        return None
    names = lexicon.dept_names
    found, tails = set(), set()
    for value in names:
        name = _bare(value)
        if name[0] == stem[0] and name[-1] == stem[-1] and len(name) > len(stem) and _is_subsequence(stem, name):
            found.add(value)
        if len(stem) >= 3 and len(value) > len(stem) and value.endswith(stem):
            tails.add(value)
    if len(found) != 1:
        found = tails
    if len(found) != 1:
        found = _written_out(stem, names)
    if len(found) != 1 and len(stem) == 2 and voc is not None and any(stem.endswith(e) for e in voc.words["department_endings"]):
        ending = {value for value in names if len(value) > 2 and value.endswith(stem)}
        if len(ending) > 1:
            from kb.registry import Resolution

            return Resolution(None, "ambiguous", sorted(ending), chunk)
        found = ending
    if len(found) != 1:
        return None
    from kb.registry import other_level

    if other_level(chunk, next(iter(found))):
        return None  # 市财政局 is not the plan's 区财政局: the level left off above is a different body
    res = resolve(next(iter(found)))
    if res.ok:
        res.how = "alias"
        return res
    return None


def _written_out(stem: str, names: set[str]) -> set[str]:
    """The names ending with ``stem`` once a usual abbreviation in it is written out (房管局 → 房屋管理局), or once a
    piece written out in it is abbreviated (人力资源社会保障局 → 人社局: a plan's table writes the short name its cover
    notice writes in full)."""
    from kb.qa.query import load_shapes

    out = set()
    for short, longs in load_shapes()["name_pieces"].items():
        wholes = [stem.replace(short, long) for long in longs] if short in stem else []
        wholes += [stem.replace(long, short) for long in longs if long in stem]
        for whole in wholes:
            out |= {value for value in names if value.endswith(whole) and value != whole or _bare(value) == whole}
    return out


def _short_department(chunk: str, lexicon: Lexicon, resolve):
    """公安和交通一起牵头: a short word below the 局 level naming exactly one department of the plan.

    Only in a question that names a role, says "together" or names another department,
    and only when the word starts one department's name (市 left off) and no other's.
    """
    if not (2 <= len(chunk) <= 3) or not all(is_cjk(c) for c in chunk):
        return None
    found = {value for word, values in lexicon.dept_words.get(chunk[:2], ()) if word.startswith(chunk) for value in values}
    if len(found) != 1:
        return None
    from kb.registry import other_level

    if other_level(chunk, next(iter(found))):
        return None  # (市财政 is not 区财政局)
    res = resolve(next(iter(found)))
    if res.ok:
        res.how = "alias"
        return res
    return None


def _inside_name(text: str, end: int, kinds, voc: Vocabulary, lexicon: Lexicon) -> bool:
    """True when a word of the question's vocabulary ending at ``end``, after name characters, is followed by a
    department's ending (局, 委, 厅 …: ``department_endings``) that closes the name — the question's end, a mark, a
    separator or a word of the question follows (需要, 牵头, 的) — so the word is inside a department's name
    (市人力资源社会保障局, 市医疗保障局), not the word asked (保障 of 保障措施; 资金保障办法: 办 opens 办法, no ending).
    Only a word naming a part of the plan (overview: 保障, 目标) after 2+ name characters: asking words keep their
    reading (综合保税区要发展成为哪几个中心: 几个 before 中心 asks), so do departments and role words."""
    if not kinds or any(kind != "overview" for kind, _ in kinds):
        return False  # only a noun naming a part of the plan (保障, 目标); 哪几个中心 asks which centres
    m = _department_endings(voc).match(text, end)
    if m is None:
        return False
    after = m.end()
    return (after == len(text) or not is_cjk(text[after]) or text[after] in lexicon.single_removable
            or lexicon.longest(text, after) is not None)


_ENDINGS: dict[int, tuple] = {}


def _department_endings(voc: Vocabulary) -> re.Pattern:
    held = _ENDINGS.get(id(voc))
    if held is None or held[0] is not voc:
        words = sorted(voc.words["department_endings"], key=len, reverse=True)
        held = _ENDINGS[id(voc)] = (voc, re.compile("|".join(map(re.escape, words))))
    return held[1]


def _join_split_names(text: str, pieces: list[tuple[int, int]], lexicon: Lexicon, voc: Vocabulary, resolve):
    """Rejoin pieces a separator split inside a mistyped name (市经济和信息局 → one piece) or a full name of a plan's
    short one (市人力资源和社会保障局 → 市人社局)."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out:
            pa, pb = out[-1]
            gap = text[pb:a]
            if gap and len(gap) == 1 and gap in lexicon.single_removable:
                res = _department_chunk(text[pa:b], voc, resolve, starts=lexicon.department_starts)
                if res is not None and not res.ok and res.how != "ambiguous":
                    res = _abbreviation(text[pa:b], lexicon, resolve, voc) or res  # 市人力资源和社会保障局 = 市人社局
                if res is not None and res.ok:
                    out[-1] = (pa, b)
                    continue
                if (res is not None or text[pa] == "各") and _other_level_name(text[pa:b], lexicon, resolve, voc):
                    # 区人力资源和社会保障局 where the plan writes 市…: one name of another level (unknown), never 社会保障局
                    # read alone as the plan's 市人力资源和社会保障局 (a confident answer for another body)
                    out[-1] = (pa, b)
                    continue
        out.append((a, b))
    return out


#: The word lists whose presence anywhere in a question is a flag of it.
FLAG_KEYS = ("target", "due", "when", "who", "has_deadline", "no_deadline")


def _flag_patterns(voc: Vocabulary) -> tuple[tuple[str, re.Pattern], ...]:
    """One alternation per FLAG_KEYS list (once per vocabulary): a search instead of a loop over its words."""
    held = _FLAGS.get(id(voc))
    if held is None or held[0] is not voc:
        held = _FLAGS[id(voc)] = (voc, tuple(
            (key, re.compile("|".join(re.escape(w) for w in sorted(voc.words[key], key=len, reverse=True))))
            for key in FLAG_KEYS if voc.words[key]))
    return held[1]


_FLAGS: dict[int, tuple] = {}


def _trim(chunk: str, edge_words: set[str], q: Question, voc: Vocabulary, places: tuple[str, ...] = (),
          mentions=None, before: str = "", plan_words=None, abbreviated=None) -> tuple[str, int]:
    """Strip single-character function words from both ends of a chunk; roles named so are kept.  The loaded plans'
    own place opening it (自贡市秸秆禁烧, 泸州的…: Lexicon.places) is no topic either — unless what follows ends like a
    body's name (泸州市人大: a body of that place, resolved whole).  A classifier opening the chunk (个, 项, 条: intents.yaml
    ``word_opening_classifiers``) with no number, 多少/几 or pointer before it (``before``: the question's characters
    before the chunk) opens a word the plan writes with the next character (个体工商户, 个人, 项目) and stays: the
    question's first word lost its 个 (个体工商户带动就业 → 体工商户…, a false "not stated"; holdout16 cq03)."""
    shift = 0
    for place in sorted(places, key=lambda p: (-len(p), p)):
        if chunk.startswith(place):
            rest = chunk[len(place):]
            # (kept: a body's name, 泸州市人大; a name the plan writes with the place in it, 上海动物园)
            if not any(rest.endswith(e) for e in voc.words["department_endings"]) and not (
                    rest and mentions is not None and chunk[:len(place) + 2] in mentions):
                chunk, shift = rest, len(place)
            break
    changed = True
    # A name shaped like a division (中医药处) keeps what opens it, unless a particle (separators: 的, 和 …):
    # 中 is no word of the question there
    division = _division_shaped(chunk)
    # A topic word of topics.yaml is kept whole (干洗机 does not lose 干, a filler verb), and so is
    # a generic action at the end (新车环保监管 does not lose 管, a role word).
    topic_words, generic_tails = _kept_words(voc)
    opening_kept = _classifier_opens_word(chunk, before, plan_words, voc, abbreviated)
    while chunk and changed:
        changed = False
        head_kept = opening_kept or chunk.startswith(topic_words) or chunk.startswith(voc.words["role_nouns"])
        # (落实情况 closing it: a noun, 情况 is no filler and 落实 no role)
        tail_kept = chunk.endswith(topic_words) or chunk.endswith(generic_tails) or chunk.endswith(voc.words["role_nouns"])
        # an edge word of two characters before one of one (the longest first), the start before the end
        for n in (2, 1):
            w = chunk[:n]
            if (len(w) == n and w in edge_words and not head_kept and w not in q.role_verbs
                    and not (division and w not in voc.words["separators"])):
                _note_role(w, q, voc)
                chunk = chunk[n:]
                shift += n
                changed = True
                break
            w = chunk[-n:]
            if len(w) == n and w in edge_words and not tail_kept and w not in q.role_verbs:
                _note_role(w, q, voc)
                # (a one-character edge word closing a target or due word — 到 of 达到 — takes the word with it: 达
                # alone was left as a topic word, 涉及“X”和“达”的任务)
                n += n == 1 and chunk[-2:] in _split_words(voc)
                chunk = chunk[:-n]
                changed = True
                break
    return chunk, shift


def _classifier_opens_word(chunk: str, before: str, mentions, voc: Vocabulary, abbreviated=None) -> bool:
    """个体工商户…: the chunk opens with a classifier (``word_opening_classifiers``) that counts nothing — no digit,
    numeral, 多少/几 or pointer (这, 每, 各 …: ``classifier_takers``) stands right before it — and the plan writes the
    classifier with the two characters after it (个体工, 项目资) or the word shortened (个体户: ``abbreviated``): a word
    of the question, not a measure word.  Likewise
    any edge character but a separator opening the question itself where the plan writes its first four characters
    (中小企业…: 中 was trimmed, the topic 小企业)."""
    if len(chunk) < 3 or mentions is None:
        return False
    if not before and len(chunk) >= 4 and chunk[0] not in voc.words["separators"] and chunk[:4] in mentions:
        return True  # (中小企业分成哪几类: the question's first word, which the plan writes whole — 中 is no edge word there)
    if chunk[0] not in voc.words["word_opening_classifiers"]:
        return False
    last = before[-1:]
    if last and (last.isdigit() or last in voc.words["classifier_takers"] or before.endswith("多少")):
        return False
    # (three characters the plan writes — 个体工, 个转企 — or the plan's word shortened, 个体户 of 个体工商户; two alone
    # are too little: 个人自主创业 where the plan writes 人员自主创业 lost its match)
    return chunk[:3] in mentions or (abbreviated is not None and chunk[:2] in mentions and abbreviated(chunk[:3]))


def _division_shaped(chunk: str) -> bool:
    """True for a chunk of 3+ characters shaped like a bureau's internal division (kb.registry.is_division: …处, …室,
    …科, …股; 处室 and 科室 are header words, no division)."""
    from kb.registry import is_division

    return len(chunk) >= 3 and is_division(chunk)


def _split_words(voc: Vocabulary) -> frozenset[str]:
    """Two-character target and due words (intents.yaml ``target``, ``due``) whose last character alone is an edge word
    (达到: 到) — trimmed whole at a chunk's end, never leaving their first character as a topic word."""
    held = _SPLIT.get(id(voc))
    if held is None or held[0] is not voc:
        edges = _edge_words(voc)
        words = {w for key in ("target", "due") for w in voc.words[key]
                 if len(w) == 2 and w[1] in edges and w[0] not in edges and w not in edges}
        held = _SPLIT[id(voc)] = (voc, frozenset(words))
    return held[1]


_SPLIT: dict[int, tuple] = {}


def _division_ask(voc: Vocabulary) -> re.Pattern:
    """A question's closing ask of how a thing is divided: a division verb (intents.yaml ``division_verbs``: 分为, 分成 …),
    哪几/哪些 and up to three characters (级, 类型, 个等级) to the end; or 包括/包含 (``kind_verbs``), 哪几/哪些 and a word
    of kinds (``kind_words``: 类, 种, 类型) closing the question (once per vocabulary)."""
    held = _DIVISION_ASK.get(id(voc))
    if held is None or held[0] is not voc:
        verbs = "|".join(map(re.escape, sorted(voc.words["division_verbs"], key=len, reverse=True)))
        kind_verbs = "|".join(map(re.escape, sorted(voc.words["kind_verbs"], key=len, reverse=True)))
        kinds = "|".join(map(re.escape, sorted(voc.words["kind_words"], key=len, reverse=True)))
        # (分为几类 / 有哪几种类型: the kinds asked with 几 after a division verb, or with 哪几/哪些 after 有 — a word of kinds
        # closing the question; 有多少种 counts things in kinds, 2034种 出口商品, and stays a count)
        held = _DIVISION_ASK[id(voc)] = (voc, re.compile(rf"(?:{verbs})(?:哪几|哪些)[\u4e00-\u9fff]{{0,3}}$"
                                                        rf"|(?:{kind_verbs})(?:哪几|哪些)个?(?:{kinds})$"
                                                        rf"|(?:{verbs})(?:几|多少)[个种大]?(?:{kinds})$"
                                                        rf"|有(?:哪几|哪些)[个种大]?(?:{kinds})$"))
    return held[1]


_DIVISION_ASK: dict[int, tuple] = {}


def _single_endings(voc: Vocabulary) -> tuple[str, ...]:
    """The department endings of one character (局, 委 …), in the vocabulary's order (once per vocabulary)."""
    held = _SINGLES.get(id(voc))
    if held is None or held[0] is not voc:
        held = _SINGLES[id(voc)] = (voc, tuple(e for e in voc.words["department_endings"] if len(e) == 1))
    return held[1]


_SINGLES: dict[int, tuple] = {}


def _edge_words(voc: Vocabulary) -> frozenset[str]:
    """The words ``_trim`` takes off a chunk's edges: stopwords, roles, pronouns, count, particles, separators, who and
    when words (once per vocabulary: the union of ~300 words was built again for every question)."""
    held = _EDGES.get(id(voc))
    if held is None or held[0] is not voc:
        words = set(voc.words["stopwords"]) | {w for ws in voc.roles.values() for w in ws} | set(voc.words["pronouns"])
        words |= set(voc.words["count"]) | set(voc.words["suffixes"]) | set(voc.words["separators"])
        words |= set(voc.words["who"]) | set(voc.words["when"])
        held = _EDGES[id(voc)] = (voc, frozenset(words))
    return held[1]


_EDGES: dict[int, tuple] = {}


def _kept_words(voc: Vocabulary) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Topic words of topics.yaml and generic actions of 2+ characters (once per vocabulary)."""
    held = _KEPT.get(id(voc))
    if held is None or held[0] is not voc:
        held = _KEPT[id(voc)] = (voc, tuple(t for g in voc.topics for t in g if len(t) >= 2),
                                 tuple(w for w in voc.words["topic_generic"] if len(w) >= 2))
    return held[1], held[2]


_KEPT: dict[int, tuple] = {}

#: Characters joining two topic words as alternatives (秸秆和扬尘相关的任务).
_JOINERS = "和与及或、,/"


def _joins(between: str, voc: Vocabulary) -> bool:
    """The text between two topic words joins them as alternatives: a joiner stands in it outside the topic-list words
    of two characters or more (及 of 涉及 / 提及 joins nothing: 示范场景中哪些涉及医疗 asks the items holding both words)."""
    if not any(map(between.__contains__, _JOINERS)):
        return False
    for w in (*voc.topic_before, *voc.topic_after, *voc.words["at_least"]):
        # (及以上 / 或以上 of 二级及以上医疗机构 bound a level, they join no alternatives)
        if len(w) >= 2 and w in between:
            between = between.replace(w, "")
    return any(map(between.__contains__, _JOINERS))


def _role_in(word: str, voc: Vocabulary) -> str | None:
    """The role whose word ``word`` is (牵头 → lead), if any."""
    for role, words in voc.roles.items():
        if word in words:
            return role
    return None


def _note_role(word: str, q: Question, voc: Vocabulary) -> None:
    if word in voc.words["pronouns"]:
        q.flags.add("pronoun")
    for role, words in voc.roles.items():
        if word in words:
            q.roles.append(role)
            return


def _meaningful(chunk: str) -> bool:
    """A topic chunk worth looking up: some CJK or Latin/digit content, not punctuation alone, nor a lone 里/内 left
    after a list's name (推广清单里哪些涉及科技金融: 里 places the question in the list, it is no word to find)."""
    return any(is_cjk(c) or c.isalnum() for c in chunk) and bool(chunk.strip("里内"))


def _department_chunk(chunk: str, voc: Vocabulary, resolve, asks_who: bool = False, starts: tuple[str, ...] | None = None):
    """The Resolution of a leftover chunk that looks like a department name, else None (a topic).

    Shaped like a department: it ends like one (局, 委, 部门 …), or it starts like one
    (市…) and the question does not ask who (市人大负责什么, but not 市区道路施工由谁负责).
    """
    if not (2 <= len(chunk) <= 24) or not any(map(is_cjk, chunk)) or chunk[0] in voc.words["not_name_start"]:
        return None
    singles = _single_endings(voc)
    for generic in voc.words["generic_departments"]:
        if chunk.endswith(generic) and len(chunk) - len(generic) >= 2:
            stem = chunk[: -len(generic)]
            # 住建部门 / 交通部门: the stem with a usual ending is the name meant
            for e in singles:
                res = resolve(stem + e, fuzzy=False)  # (a near miss is no name here: not worth fuzzy matching)
                if res.ok and res.how in ("exact", "alias"):
                    res.how = "alias"
                    return res
    shaped = chunk.endswith(voc.words["department_endings"])
    if (not shaped and not asks_who and len(chunk) <= 8
            and chunk.startswith(tuple(voc.words["department_starts"] if starts is None else starts))
            and not chunk.endswith(voc.words["target"])):
        shaped = True  # (县城机械化清扫率 ends like a metric: a target's words, not a body)
    if shaped:
        res = resolve(chunk)
        if asks_who and not res.ok and res.how != "ambiguous":
            return None  # 形势分析会由谁负责: a who-question's unknown word is its topic
        return res  # unknown too: shaped like a department, so "the plan assigns it nothing"
    if len(chunk) >= 3:
        # A typo in the ending itself (市交通运输居): try the usual endings.
        for e in singles:
            res = resolve(chunk[:-1] + e, fuzzy=False)
            if res.ok and res.how in ("exact", "alias"):
                res.how = "fuzzy"
                return res
    return None
