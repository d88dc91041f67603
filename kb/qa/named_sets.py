"""Named sets: a term the plan counts (“三项负面清单”, “四个一批”, 三个阶段) or a noun a list spells out (配套文件 …具体如下：
1.–6.), read as its members from the plan's own text — for 指哪四个 / 是哪三项 / 有几个 / 分几个阶段.

Where the members stand, tried in this order for each place the plan writes the term:
- ``defined``: the clauses right after the term (“三项负面清单”，不能…，不能…，不能…) or the bracket after it
  (“两个允许”（允许…，允许…）) — the clauses after a comma only when their number is the number the term states;
- ``listed``: the 、-list right before it (准备部署、组织实施、试点总结三个阶段; A、B、C（以下统称“三项制度”）);
- ``lead_in``: the numbered paragraphs (1. 2. …) after a paragraph holding it that ends a lead-in (…参考标准如下：);
- ``headings``: the section headings of one part holding the term's noun (（一）推动“收储招拍引进一批” …), as many as the
  term states.
The count a term states (三项) is kept beside the members found, so an answer says where they differ.  Words are in
kb/data/named_sets.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.numerals import cn_number
from kb.qa.text import split_outside_brackets

_PATH = Path(__file__).resolve().parent.parent / "data" / "named_sets.yaml"
_KEYS = {"version", "counters", "asks", "fillers", "defining", "naming", "lead_words", "lead_ins", "member_marks",
         "member_ends", "member_people", "open_words", "group_words", "joiners"}
_NUMERAL = "[0-9一二两三四五六七八九十]{1,3}"
_NUMBERED = re.compile(r"^\s*([0-9]{1,2})\s*[.．、]")


@dataclass(slots=True)
class NamedSet:
    """The members of one named set, as one place of the plan gives them."""

    term: str
    """The term as the plan writes it around the members (三项负面清单, 三个阶段, 配套文件)."""
    members: list[str]
    """The members in the plan's order, as written."""
    stated: int | None
    """The number the term states (三项 → 3), None when it states none."""
    how: str
    """Where they stand: ``defined``, ``listed``, ``lead_in`` or ``headings``."""
    tasks: list = field(default_factory=list)
    """The paragraphs holding them (the sentence's, or each member's)."""
    quote: str = ""
    """The plan's words that give them (the sentence; the lead-in of numbered paragraphs), empty for headings."""
    labels: list[str] = field(default_factory=list)
    """Each member's own label where members are paragraphs or headings (四（一）1, 四（二）), else empty."""
    where: str = ""
    """The label of the paragraph holding ``quote``."""
    open: bool = False
    """The plan's list ends in 等: the members named are not all of them."""


@lru_cache(maxsize=1)
def words() -> dict:
    """The validated words of named_sets.yaml."""
    from kb.data import read_versioned_yaml
    from kb.errors import KbError

    data = read_versioned_yaml(_PATH, "named-set words")
    if set(data) != _KEYS or not all(isinstance(data[k], list) and data[k] and all(isinstance(w, str) and w for w in data[k])
                                     for k in _KEYS - {"version"}):
        raise KbError(f"{_PATH}：应恰好有这些键（每个是非空的词表）：{'、'.join(sorted(_KEYS))}；请从代码仓库恢复这个文件")
    return data


def split_term(term: str) -> tuple[int | None, str]:
    """(the number a term states, its noun): 三项负面清单 → (3, 负面清单), 四个一批 → (4, 一批), 配套文件 → (None, 配套文件)."""
    counters = "|".join(map(re.escape, words()["counters"]))
    m = re.fullmatch(rf"({_NUMERAL})(?:{counters})(.+)", term)
    if m is None or len(m.group(2)) < 1:
        return None, term
    return cn_number(m.group(1)), m.group(2)


def _flat(text: str) -> str:
    # str.split drops exactly the characters re's \s matches (str.isspace), at a third of re.sub's cost: this runs over
    # every paragraph of every plan when a plan's noun index is built.
    return "".join((text or "").split())


def _trim_first(items: list[str]) -> list[str]:
    """The first item of a list without the words opening it (对全面推行行政执法公示制度 → 行政执法公示制度)."""
    if len(items) < 2 or len(items[0]) <= max(len(x) for x in items[1:]) + 2:
        return items
    first = items[0]
    cut = max((first.rfind(w) + len(w) for w in words()["lead_words"] if first.rfind(w) >= 0), default=0)
    if len(first) - cut >= 2:
        first = first[cut:]
    return [first, *items[1:]]


def _defined_after(text: str, end: int, stated: int | None) -> tuple[list[str], int] | None:
    """Members defined right after the term ending at ``end``: a bracket, or the clauses of the sentence after a
    defining word (only as many as ``stated``); and how many characters after ``end`` the definition takes."""
    rest = text[end:]
    if rest.startswith("”"):
        rest = rest[1:]
    if rest[:1] in "（(":
        depth = 0
        for i, c in enumerate(rest):
            depth += c in "（("
            depth -= c in "）)"
            if depth == 0:
                inner = rest[1:i]
                members = split_outside_brackets(inner, "，,；;、")
                if len(members) >= 2 and (stated is None or len(members) == stated) and not any(
                        w in inner for w in words()["naming"]):
                    return members, len(text) - end - len(rest) + i + 1
                return None
        return None
    if stated is None:
        return None
    link = next((w for w in sorted(words()["defining"], key=len, reverse=True) if rest.startswith(w)), None)
    if link is None:
        return None
    sentence = re.split(r"[。；;]", rest[len(link):], maxsplit=1)[0]
    members = split_outside_brackets(sentence, "，,")
    if len(members) == stated:
        return members, len(text) - end - len(rest) + len(link) + len(sentence)
    return None


def _listed_before(text: str, start: int, stated: int | None) -> tuple[list[str], int] | None:
    """Members listed right before the term starting at ``start`` (…、…、…三个阶段; …、…、…（以下统称“…”）), and where
    the list begins.  A list in quotes glued to the term (构建“公园、森林、湿地”三大体系; “A，B，C”的三大目标 when the
    clauses are as many as it states) is its members, quotes off; so
    is one opening a bracket that the term closes (重点产业（A、B、C三大产业）): the words before the bracket are no
    member (asks9 s18 — the quoted list was one member, so 三大体系是哪三个 was not understood)."""
    head = text[:start]
    quoted = re.search(r"“([^“”]+)”的?$", head)
    if quoted:
        # (“A，B，C”的三大发展目标: clauses in quotes, as many as the term states, are its members too)
        for seps in ("、", "，,；;"):
            members = split_outside_brackets(quoted.group(1), seps)
            if len(members) >= 2 and (stated is None and seps == "、" or len(members) == stated):
                return members, quoted.start()
        return None
    head = re.sub(r"[（(](?:" + "|".join(map(re.escape, words()["naming"])) + r")“?$", "", head)
    head = re.sub(r"“$", "", head)
    head = re.sub(r"[（(]$", "", head)  # (A、B、C（三个部门）: the bracket glosses the list before it)
    cut = max(head.rfind(c) for c in "，,。；;：:")
    opened = max(head.rfind(c) for c in "（(")
    if opened > cut and not any(c in head[opened:] for c in "）)"):
        cut = opened  # (the term closes the bracket its list opens)
    head = head[cut + 1:]
    begin = cut + 1
    members = split_outside_brackets(head, "、")
    if len(members) >= 2 and len(members) != stated:
        last = members[-1]
        for j in words()["joiners"]:  # (longest first: 以及 before 及 — 区教育局以 was a member, review-qa P3)
            if j in last:
                members = [*members[:-1], *[x for x in last.split(j, 1) if x]]
                break
    if len(members) < 2 or stated is not None and len(members) != stated:
        return None
    return _trim_first(members), begin


def _units_for_things(members: list[str], tail: str) -> bool:
    """Every member is a unit's name (区发改委、区财政局、区建管委 — intents.yaml ``department_endings``) while the term's
    noun names no unit (三大领域): the units do that term's work in this sentence, they are not its members (asks9 s18:
    three departments were given as the three areas).  A noun sharing the members' ending (三个街道, 三大片区 of A区…) is
    a set of units: kept."""
    from kb.qa.vocab import load_vocabulary

    endings = tuple(sorted(load_vocabulary().words["department_endings"], key=len, reverse=True))
    ends = [next((x for x in endings if m.endswith(x)), None) for m in members]
    if tail.endswith(endings) or any(w in tail for w in ("成员", "机构", "主体")):
        return False  # (…（以下统称“成员单位”）/ 三类责任主体: a set of units by its noun)
    return all(ends) and not any(x in tail for x in ends)


def _find_term(text: str, term: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(term), text)]


def named_sets(plan, noun: str, doc: str | None = None) -> list[NamedSet]:
    """Every place the plan gives the members of ``noun`` (a counted term or a plain noun), in the order of the ways
    above, then the plan's order; at most one set per way.  Found once per (plan, noun, doc): the question's reader and
    its executor ask the same (``_PlanNouns``)."""
    nouns = _plan_nouns(plan)
    key = (noun, doc)
    found = nouns.sets.get(key)
    if found is None:
        found = nouns.sets[key] = _named_sets(nouns, noun, doc)
    return list(found)


#: id(plan) → (plan, its _PlanNouns): kept with their plan, a few plans at a time.
_PER_PLAN: dict[int, tuple] = {}


class _PlanNouns:
    """One plan's paragraphs read once for named sets: their flattened texts joined, so that where a noun stands is
    found in one search of that text (not by reading each paragraph again for every noun a question tries), the
    headings of its sections, and the sets found per (noun, doc)."""

    __slots__ = ("tasks", "count", "joined", "starts", "heads", "titled", "sets")

    def __init__(self, tasks: list) -> None:
        self.tasks = tasks
        """The plan's paragraphs (``Plan.tasks``) this was read from."""
        self.count = len(tasks)
        """Their number when read (a plan's list others extend is read again)."""
        flats = [_flat(t.text) for t in tasks]
        self.joined = "\n".join(flats)
        """Every paragraph's flattened text (no whitespace), one after another, a line break between."""
        self.starts: list[int] = []
        """Where each paragraph's text starts in ``joined``."""
        at = 0
        for f in flats:
            self.starts.append(at)
            at += len(f) + 1
        self.heads: dict[tuple, list] = {}
        """(doc, part) → its sections as (section, title, title flattened, first paragraph under that title), in order."""
        seen: set[tuple] = set()
        for t in tasks:
            if t.section and t.section_title and (t.doc, t.part, t.section) not in seen:
                seen.add((t.doc, t.part, t.section))
                self.heads.setdefault((t.doc, t.part), []).append((t.section, t.section_title, _flat(t.section_title), t))
        titles: dict[str, str] = {}  # (a title flattened once: every paragraph of a section repeats it)
        self.titled = [(t, titles.get(t.section_title) or titles.setdefault(t.section_title, _flat(t.section_title)),
                        (titles.get(t.part_title) or titles.setdefault(t.part_title, _flat(t.part_title)))
                        if t.part and t.part_title else "")
                       for t in tasks if t.section and t.section_title]
        """(paragraph, its section's title, its part's title or "", flattened) of each paragraph in a titled section."""
        self.sets: dict[tuple, list[NamedSet]] = {}
        """(noun, doc) → the named sets found."""

    def holding(self, noun: str) -> dict[int, str]:
        """Position in ``tasks`` → flattened text of every paragraph whose flattened text holds ``noun``."""
        from bisect import bisect_right

        out: dict[int, str] = {}
        if not noun or re.search(r"\s", noun):
            return out
        joined, starts = self.joined, self.starts
        at = joined.find(noun)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            end = starts[k + 1] - 1 if k + 1 < len(starts) else len(joined)
            out[k] = joined[starts[k]:end]
            at = joined.find(noun, end)  # (the next paragraph's: this one is held)
        return out


def _plan_nouns(plan) -> _PlanNouns:
    """The plan's ``_PlanNouns``, read on first use (again when its paragraphs changed)."""
    tasks = plan.tasks
    held = _PER_PLAN.get(id(plan))
    if held is None or held[0] is not plan or held[1].tasks is not tasks or held[1].count != len(tasks):
        if len(_PER_PLAN) > 8:
            _PER_PLAN.clear()
        held = _PER_PLAN[id(plan)] = (plan, _PlanNouns(tasks))
    return held[1]


def _named_sets(nouns: _PlanNouns, noun: str, doc: str | None) -> list[NamedSet]:
    """``named_sets`` read from the plan's ``_PlanNouns``."""
    stated, tail = split_term(noun)
    every = nouns.tasks
    # (the paragraphs holding the noun, found in the joined text: each reader below skips a paragraph not holding it)
    at = {k: text for k, text in nouns.holding(noun).items() if not doc or every[k].doc == doc}
    flat = {every[k].id: text for k, text in at.items()}
    found: list[NamedSet] = []
    # the places the term stands: itself, or (a plain noun asked) a number of it the plan writes (三个阶段)
    counters = "|".join(map(re.escape, words()["counters"]))
    counted = re.compile(rf"({_NUMERAL})(?:{counters}){re.escape(noun)}") if stated is None else None
    defined = listed = None
    listed_bounded = False
    for k in sorted(at):
        t, text = every[k], at[k]
        places = [(s, e, stated) for s, e in _find_term(text, noun)]
        if counted is not None:
            places += [(m.start(), m.end(), cn_number(m.group(1))) for m in counted.finditer(text)]
        for s, e, n in places:
            if defined is None and n is not None:
                got = _defined_after(text, e, n)
                if got:
                    opened = s - 1 if s and text[s - 1] in "“\"" else s
                    defined = NamedSet(text[s:e], got[0], n, "defined", [t], text[opened:e + got[1]], where=t.label)
            if listed is None or not listed_bounded:
                got = _listed_before(text, s, n)
                if got and (n is not None or counted is None) and not _units_for_things(got[0], tail):
                    bounded = text[got[1]:got[1] + 1] == "“" or got[1] > 0 and text[got[1] - 1] in "（("
                    if listed is not None and not bounded:
                        continue
                    # (a list the term closes in quotes or a bracket defines it: it wins over a plain list before
                    # another mention of the term, which may be other things — asks9 s18)
                    close = text.find("）", e, e + 3)  # (…（以下统称“三项制度”）: the bracket closed in the quote)
                    listed = NamedSet(text[s:e], got[0], n, "listed", [t], text[got[1]:close + 1 if close >= 0 else e],
                                      where=t.label)
                    listed_bounded = bounded
    found += [x for x in (defined, listed) if x]
    members = _composed([every[k] for k in sorted(at)], flat, noun)
    if members:
        found.append(members)
    lead = _lead_in(every, sorted(at), flat, noun)
    if lead:
        found.append(lead)
    parts = {key: held for key, held in nouns.heads.items() if not doc or key[0] == doc}
    heads = _headings(parts, tail if stated is not None else noun, stated, noun)
    if heads:
        found.append(heads)
    under = _under_heading([x for x in nouns.titled if x[0].doc == doc] if doc else nouns.titled, noun, stated)
    if under:
        found.append(under)
    return found


#: An item number of the level below a section (1. 2. …), and a sub-item's (（1）) that may follow a member's name glued.
_SUB_ITEM = re.compile(r"[（(][0-9]{1,2}[)）]")


def _under_heading(titled, term: str, stated: int | None) -> NamedSet | None:
    """The numbered paragraphs 1. 2. … of the section whose heading holds the counted term (（一）实施三大标志性体系工程
    over 1.–3.; （二）重点落实五张清单 over 1.–5., each glued to its first sub-item （1）…) — else the sections of the part
    whose heading holds it — when as many as the term states: the term counts them, so a count found otherwise is no
    answer (a plain noun or another count is left to the other ways).  ``titled``: (paragraph, its section's title and
    its part's, flattened) of the paragraphs in a titled section (``_PlanNouns.titled``)."""
    if stated is None:
        return None
    sections: dict[tuple, list] = {}
    parts: dict[tuple, list] = {}
    for t, section_title, part_title in titled:
        if term in section_title:
            sections.setdefault((t.doc, t.section), []).append(t)
        elif part_title and term in part_title:
            held = parts.setdefault((t.doc, t.part), [])
            if t.section not in [x.section for x in held]:
                held.append(t)
    for (_doc, section), held in sections.items():
        members = [t for t in held if _NUMBERED.match(t.text or "")]
        if [int(_NUMBERED.match(t.text).group(1)) for t in members] != list(range(1, stated + 1)):
            continue
        names = [_SUB_ITEM.split(_head(t), maxsplit=1)[0].rstrip("，,；;。 ") for t in members]
        return NamedSet(term, names, stated, "under_heading", members, labels=[t.label for t in members],
                        where=section)
    for (_doc, _part), held in parts.items():
        if len(held) == stated:
            return NamedSet(term, [_flat(t.section_title) for t in held], stated, "under_heading", held,
                            labels=[t.section for t in held])
    return None


def heading_terms(plan, noun: str, paragraphs: bool = False) -> list[str]:
    """The counted terms of ``noun`` the plan's headings write (清单 → 五张清单 of （二）重点落实五张清单), then (with
    ``paragraphs``) those its paragraphs write (行动 → 六大行动 of 围绕城市更新“六大行动”), in order."""
    counters = "|".join(map(re.escape, words()["counters"]))
    counted = re.compile(rf"{_NUMERAL}(?:{counters})?{re.escape(noun)}")
    from kb.qa.text import fold

    out: list[str] = []
    # (the outlines and the paragraphs holding the noun: a stored plan of 1,000 documents is not read whole)
    titles = [title for _, parts, sections in plan.document_outlines() for _, title in [*parts, *sections]]
    if paragraphs:
        titles += [t.text for t in plan.tasks_matching([(fold(noun),)], fold, kinds=None)]
    for title in titles:
        for m in counted.finditer(_flat(title or "")):
            if m.group(0) not in out:
                out.append(m.group(0))
    return out


#: The ways whose members are paragraphs or headings of the plan in order, so that the k-th has paragraphs under it.
MEMBER_WAYS = ("under_heading", "headings", "part_sections")


def part_sections(plan, title: str) -> NamedSet | None:
    """The sections of the one part titled ``title`` (三、工作步骤 over （一）…（五）), as members by their place: what
    第三个工作步骤 counts in.  None unless exactly one part has that title and it has 2+ sections."""
    from kb.qa.text import fold

    found = [(doc, num) for doc, parts, _ in plan.document_outlines() for num, t in parts if fold(t) == fold(title)]
    if len(found) != 1:
        return None
    doc, num = found[0]
    firsts: dict[str, object] = {}
    for t in plan.parts_tasks([found[0]]):
        if t.section and t.section_title and t.section not in firsts:
            firsts[t.section] = t
    if len(firsts) < 2:
        return None
    held = list(firsts.values())
    return NamedSet(title, [_flat(t.section_title) for t in held], None, "part_sections", held,
                    labels=[t.section for t in held], where=num)


def member_tasks(plan, found: NamedSet, k: int) -> list:
    """The paragraphs of member ``k`` (1-based) of a set found under a heading: the member's paragraph and those after it
    in its section up to the next member's (3.落实重点项目清单 (6) … (9))."""
    if found.how not in MEMBER_WAYS or not 1 <= k <= len(found.tasks):
        return []
    first = found.tasks[k - 1]
    nxt = found.tasks[k] if k < len(found.tasks) else None
    section = [t for t in plan.tasks if t.doc == first.doc and (t.section == first.section if first.section else
                                                                t.part == first.part)]
    ids = [t.id for t in section]
    start = ids.index(first.id)
    end = ids.index(nxt.id) if nxt is not None and nxt.id in ids else len(ids)
    if found.labels and found.labels[0] == first.section:  # members are sections: the member's own paragraphs
        return [t for t in plan.tasks if t.doc == first.doc and t.section == first.section]
    return section[start:end]


def _lead_in(tasks, at: list[int], flat, noun: str) -> NamedSet | None:
    """The numbered paragraphs 1. 2. … right after a paragraph holding ``noun`` that ends a lead-in (…如下：); ``at``:
    the positions in ``tasks`` of the paragraphs holding it, in order."""
    ins = words()["lead_ins"]
    for k in at:
        t = tasks[k]
        text = flat.get(t.id, "")
        if noun not in text or not (text.endswith(("：", ":")) and any(w in text[-12:] for w in ins)):
            continue
        members, held = [], []
        for nxt in tasks[k + 1:]:
            m = _NUMBERED.match(nxt.text or "")
            if nxt.doc != t.doc or m is None or int(m.group(1)) != len(members) + 1:
                break
            members.append(_head(nxt))
            held.append(nxt)
        if len(members) >= 2:
            return NamedSet(noun, members, None, "lead_in", held, text, [x.label for x in held], t.label)
    return None


def _head(task) -> str:
    """A numbered paragraph's name: its title, else its first sentence, without its number."""
    if task.title:
        return _NUMBERED.sub("", task.title).rstrip("。；;")
    first = re.split(r"[。；;]", _NUMBERED.sub("", _flat(task.text)), maxsplit=1)[0]
    return first


def _headings(parts: dict[tuple, list], tail: str, stated: int | None, term: str) -> NamedSet | None:
    """The section headings of one part that hold ``tail`` (一批 of 四个一批), as many as ``stated``: each heading's quoted
    words holding it (推动“收储招拍引进一批” → 收储招拍引进一批), else the heading.  ``parts``: (doc, part) → its sections
    as (section, title, title flattened, first paragraph) (``_PlanNouns.heads``)."""
    if len(tail) < 2:
        return None
    for (_doc, _part), sections in parts.items():
        holding = [(title, t) for _, title, flat, t in sections if tail in flat]
        if len(holding) < 2 or stated is not None and len(holding) != stated:
            continue
        if stated is None and len(holding) != len(sections):
            continue  # (a plain noun: every heading of the part holds it — 准备部署阶段 … 试点总结阶段)
        members = []
        for title, _ in holding:
            quoted = [q for q in re.findall(r"“([^”]+)”", title) if tail in q]
            members.append(quoted[0] if quoted else _flat(title))
        return NamedSet(term, members, stated, "headings", [t for _, t in holding],
                        labels=[t.section or t.label for _, t in holding])
    return None


def _composed(tasks, flat, noun: str) -> NamedSet | None:
    """The members of a body named after it in its sentence (试点工作领导小组…，成员由A、B…及各乡镇主要负责同志组成 / 核查组成员由A、
    B等相关部门人员组成): the units listed, people's words after the last one dropped; ``open`` when the list ends in 等."""
    w = words()
    marks = "|".join(map(re.escape, sorted(w["member_marks"], key=len, reverse=True)))
    ends = "|".join(map(re.escape, w["member_ends"]))
    pattern = re.compile(rf"(?:{marks})(?P<list>[^。；;]+?)(?:{ends})")
    people = sorted(w["member_people"], key=len, reverse=True)
    for t in tasks:
        text = flat.get(t.id, "")
        m = None
        for at in (x.start() for x in re.finditer(re.escape(noun), text)):
            sentence_end = min((i for i in (text.find(c, at) for c in "。；;") if i >= 0), default=len(text))
            m = pattern.search(text, at, sentence_end)
            if m is not None:
                break
        if m is None:
            continue
        listed = m.group("list")
        changed = True
        while changed:  # (…等相关部门人员: the people's and kinds' words after the last unit, then 等)
            changed = False
            for word in [*people, *w["open_words"], "的"]:
                if listed.endswith(word) and len(listed) > len(word) + 1:
                    listed, changed = listed[:-len(word)], True
        is_open = any(m.group("list")[len(listed):].startswith(x) for x in w["open_words"])
        members = split_outside_brackets(listed, "、")
        if members:
            last = members[-1]
            for j in w["joiners"]:
                if j in last:
                    members = [*members[:-1], *[x for x in last.split(j, 1) if x]]
                    break
        members = [_strip_people(x, people) for x in members]
        if len(members) >= 2:
            return NamedSet(noun, members, None, "composed", [t], text[m.start():m.end()], where=t.label, open=is_open)
    return None


def _strip_people(member: str, people: list[str]) -> str:
    """A member without the people's words after it (各乡镇主要负责同志 → 各乡镇)."""
    for word in people:
        if member.endswith(word) and len(member) > len(word) + 1:
            return member[:-len(word)]
    return member


def groups_of(members: list[str]) -> list[str]:
    """The members naming a kind of unit (各乡镇), not one unit."""
    return [m for m in members if m.startswith(tuple(words()["group_words"]))]
