"""Structure: cleaned paragraphs → title, preface, parts, sections and task blocks.

Conventions of Chinese action plans that these rules read:

* an optional news lead before the title (``《…》于近日印发 … 详情如下：``): the preface;
* the title on its own line (ends in 方案, 计划, 意见 …);
* parts ``一、总体要求``; sections ``（一）调整产业结构…。`` on their own line;
* items whose heading is inline (``（一）强化责任落实。有关职能部门要…``): one task each;
* optionally numbered paragraphs ``1.``/``1．``/``1、``; otherwise paragraphs are
  numbered in order within their section (or part).

Labels: part numeral, section marker, paragraph number — ``三（一）2``; the
number is left out when the section (or part) holds a single paragraph
(``二``), and inline-heading items are cited by their marker (``四（三）``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kb.annexes import AnnexPattern, annex_words, caption_word
from kb.model import ANNEX_LEVEL_MARK  # (附件·二: an annex's own part, between its cite and numeral)
from kb.model import NOTICE_PART  # noqa: F401  (通知一: a cover notice's own requirements, paragraphs of the notice)
from kb.numerals import cn_number
from kb.parser.deadlines import marks_outside_brackets
from kb.parser.cleanup import (ARTICLE_START_RE, CHAPTER_HEADING_RE, NOTES_HEAD, NUMBERED_ITEM_RE, PART_HEADING_RE,
                               PUBLICATION_NOTE, is_column_word, part_heading_shape,
                               SECTION_HEADING_RE, WHOLE_DATE, is_page_metadata, is_title)


PART_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*(.+?)[。：:]?$")
PART_INLINE_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*([^。：:，,（]{2,16})[。：:](.+)$")
#: An item numbered at the plan's top level, written as one paragraph (``三、推进离岸贸易发展，支持银行…。（负责部门：…）``):
#: too long for a part heading; in a plan with no part heading such paragraphs are its parts (``item_parts``).
TOP_ITEM_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*(.{8,})$")
#: The part of the unmarked paragraphs after the last item of a plan whose parts are its items (各有关部门要…, 本措施自…起施行):
#: the plan's closing words, never paragraphs of its last item.  Labelled 结语, 结语1, 结语2 … (as the opening is 引言).
CLOSING_PART = "结语"
SECTION_RE = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[)）]\s*(.+)$")
ITEM_RE = re.compile(r"^(\d{1,2})[.．、]\s*(.+)$")
#: A regulation's chapter heading (第二章 服务设施; cleanup.CHAPTER_HEADING_RE): its numeral and its title.
_CHAPTER_RE = re.compile(r"^第([一二三四五六七八九十]{1,3})[章]\s*(.+)$")
#: A numbered sub-item （1） / (1) / 1) / ①: a group of them may share one label line (dialect C).
SUBITEM_RE = re.compile(r"^(?:[（(]\d{1,2}[)）]|\d{1,2}[)）]|[①-⑳])")
PREFACE_HINT_RE = re.compile(r"印发|详情如下|日前|近日|记者|讯")
_DATE = WHOLE_DATE
#: A whole date as plans write it (cleanup.WHOLE_DATE): the closing rules here and the publication-date answer
#: (kb/qa/executors.py) share it.
WHOLE_DATE_RE = re.compile(_DATE)
_CN_NUMERAL = dict(zip("〇○零一二三四五六七八九", (0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)))


def _numeral(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21, 31 → 31; digit by digit for a year (二〇二三 → 2023)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_NUMERAL[tens] if tens else 1) * 10 + (_CN_NUMERAL[ones] if ones else 0)
    return int("".join(str(_CN_NUMERAL[c]) for c in text))


def iso_date(whole: str) -> str | None:
    """The ISO form (2023-05-10) of a date WHOLE_DATE_RE matched (二〇二三年五月十日), None when it names no day
    of the calendar (2月30日)."""
    import datetime

    y, rest = whole.split("年", 1)
    mo, rest = rest.split("月", 1)
    try:
        return datetime.date(_numeral(y), _numeral(mo), _numeral(rest.rstrip("日"))).isoformat()
    except (KeyError, ValueError):
        return None
#: The closing after the last task (no task): the issuer's signature and the date, with the
#: publication note — ``国务院2018年12月21日（此件公开发布）`` (cleanup joins the three lines, none of
#: which ends a sentence) — or 抄送/印发 lines.
CLOSING_RE = re.compile(
    rf"^(?:[^。；！？，,：:]{{0,40}}?{_DATE}(?:印发)?\s*)?(?:[（(]此件[^（）()]{{1,12}}[)）])?$"
    r"|^(?:抄送|主送|印发)[：:].*$")


#: The signature and date that close a cover notice (``上海市宝山区人民政府办公室2019年5月5日``, a long list of
#: co-signing bodies, ``（此件公开发布）``); what follows the date in the same paragraph (cleanup joins the
#: plan's own title to it when neither line ends a sentence) is kept apart.
COVER_DATE_RE = re.compile(rf"^(?P<sign>[^。；！？，,：:]{{0,300}}?{_DATE})\s*(?:[（(]此件[^（）()]{{1,12}}[)）])?\s*(?P<rest>.*)$")
#: The sentence of a transmittal notice that hands the plan on (现将《…》印发给你们，请认真贯彻执行).
TRANSMITTAL_RE = re.compile(r"(?:印发|转发|批转|下发)给你们|现(?:将|把).{0,80}(?:印发|转发|批转|下发)|请(?:认真|遵照|结合实际|按照)[^。]{0,12}(?:执行|落实|实施)")


def split_cover(body: list[str]) -> tuple[list[str], str | None, list[str]]:
    """A transmittal notice before the plan (印发/转发…的通知): (its paragraphs, the plan's own title, the rest).

    The cover is every paragraph before the plan's first part up to the signature and date,
    when one of them hands the plan on (``现将《…》印发给你们``); the plan's own title follows the date
    (in the same paragraph or the next, possibly on two lines).  Without such a notice: ([], None, body)."""
    first_part = next((i for i, p in enumerate(body) if PART_RE.match(p) or PART_INLINE_RE.match(p)), len(body))
    own_items = _notice_items_end(body, first_part)
    if own_items is not None:  # (the notice's own 一、二、三 end at its signature: the plan's parts start after it)
        first_part = next(i for i, p in enumerate(body) if i > own_items and (PART_RE.match(p) or PART_INLINE_RE.match(p)))
    for c in range(own_items + 1 if own_items is not None else min(first_part, 8)):
        m = COVER_DATE_RE.match(body[c])
        head = ""
        if not m and TRANSMITTAL_RE.search(body[c]):
            # (the signature run into the sentence handing the plan on: 现将《…》印发给你们，请认真贯彻执行。南阳市人民政府
            # 2020年4月20日 — the sentence is the notice's, what follows its last 。 the signature)
            cut = body[c].rfind("。") + 1
            m = COVER_DATE_RE.match(body[c][cut:]) if 0 < cut < len(body[c]) else None
            head = body[c][:cut] if m else ""
        if not m or not any(TRANSMITTAL_RE.search(p) for p in [*body[:c], head]):
            continue
        cover = body[:c] + ([head] if head else []) + [m.group("sign")]
        rest, after = m.group("rest").strip(), c + 1
        title = rest or None
        nxt = body[after] if after < first_part else ""
        opening: list[str] = []
        if rest and not is_title(rest) and nxt and is_title(nxt) and len(rest) + len(nxt) <= 80:
            title, after = rest + nxt, after + 1  # a title on two lines: 关于贯彻《…》 / 推进…的实施方案
        elif not rest and nxt and is_title(nxt):
            title, after = nxt, after + 1
        elif (glued := glued_title(rest) if rest else glued_title(nxt) if nxt else None) is not None:
            # the plan's title run by cleanup into its preamble (…改革创新六项措施为进一步深化…，现制定以下措施。), after the
            # date or on a line of its own: the preamble is the plan's opening paragraph (the basis document it names
            # stays in the text)
            (title, preamble), after = glued, after + (0 if rest else 1)
            opening = [preamble]
        if title and not opening and after < len(body) and title_rest(title, body[after]):
            title, after = title + body[after].strip(), after + 1  # (its last line: 工作方案, （2024—2026年）)
        return cover, title, opening + body[after:]
    return [], None, body




def cover_limits(cover: list[str]) -> list[str]:
    """The sentences of an ordinary cover notice (no items of its own) that set a time limit (各区要在2018年9月30日前将
    本区实施细则报…备案。): a limit by a day or a month (kind ``by``), the signature's date never one.  Each cover paragraph's
    such sentences, run together, are a requirement of the notice — readable as a paragraph (``NOTICE_PART``)."""
    from kb.parser.deadlines import parse_deadlines

    found = []
    for p in cover[:-1]:  # (the last: the signature and date)
        if p.rstrip().endswith(("：", ":")) or COVER_DATE_RE.fullmatch(p.strip()) and not any(c in p for c in "，。；"):
            continue  # the addressees; a signature
        sentences = [x for x in re.split(r"(?<=[。；！？])", p) if x.strip()]
        dated = [x.strip() for x in sentences if any(d.kind == "by" for d in parse_deadlines(x))]
        if dated:
            found.append("".join(dated))
    return found


def notice_items(body: list[str]) -> list[str]:
    """The paragraphs of a cover notice's own numbered requirements (``_notice_items_end``: proved by the sentence
    handing the plan on, the items 一, 二 … in order, the signature and date, the plan's title, the plan's 一 again), from
    its 一、 to the paragraph before its signature; [] for any other text."""
    first_part = next((i for i, p in enumerate(body) if PART_RE.match(p) or PART_INLINE_RE.match(p)), len(body))
    end = _notice_items_end(body, first_part)
    if end is None:
        return []
    items = body[first_part:end]
    while items and not (PART_RE.match(items[-1]) or PART_INLINE_RE.match(items[-1])) and _signing_line(items[-1]):
        items.pop()  # (the signing body on a line of its own above the date: 某某区人民政府办公室 / 2024年1月8日)
    return items


def _signing_line(p: str) -> bool:
    """A short line with no sentence mark (某某区人民政府办公室): a signing body, never a requirement."""
    return len(p.strip()) <= 40 and not any(c in p for c in "。；;，,：:！？")


def _notice_items_end(body: list[str], first_part: int) -> int | None:
    """The index of the signature and date of a cover notice that writes its OWN numbered requirements before the plan
    (现印发给你们，并就有关事项通知如下： 一、… 二、… 三、… / 蔡甸区人民政府办公室2023年1月3日 / the plan's title / 一、…),
    when that is proved: a sentence handing the plan on before the first 一、, the notice's items numbered 一, 二 … in
    order, then the signature and date, then the plan's own title line (the date's rest or the next paragraph) and,
    within three paragraphs, the plan's part 一 again.  None otherwise (the 一、 opens the plan, as before)."""
    if first_part >= min(len(body), 8) or not any(TRANSMITTAL_RE.search(p) for p in body[:first_part]):
        return None
    expected = 1
    for c in range(first_part, min(len(body), first_part + 12)):
        m = PART_RE.match(body[c]) or PART_INLINE_RE.match(body[c])
        if m and not COVER_DATE_RE.match(body[c]):
            if numeral_value(m.group(1)) != expected:
                return None
            expected += 1
            continue
        signed = COVER_DATE_RE.match(body[c])
        if not signed or expected < 2:
            continue  # (a paragraph of the notice's last item)
        rest = signed.group("rest").strip()
        title_at = c if rest else c + 1
        title = rest or (body[c + 1] if c + 1 < len(body) else "")
        if not is_title(title):
            return None
        after = body[title_at + 1:title_at + 4]
        return c if any((n := PART_RE.match(q) or PART_INLINE_RE.match(q)) and n.group(1) == "一" for q in after) else None
    return None


def numeral_value(numeral: str) -> int:
    """A Chinese numeral → int (一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105: kb.numerals.cn_number, up to 999); 0 for none."""
    return cn_number(numeral) or 0 if numeral else 0


def first_sentence(text: str) -> tuple[str, str]:
    """Split ``text`` after its first ``。`` outside brackets: (sentence, rest)."""
    i = next(marks_outside_brackets(text, "。！？"), None)
    return (text, "") if i is None else (text[: i + 1], text[i + 1 :])


def is_section_heading(text: str) -> bool:
    """True for a section heading on its own line: one short sentence after （n）, not one unit's duties in one sentence
    (``duty_item``: ``（四）市水务局：负责城市供水。``, ``（九）供电公司负责电力抢修。`` — items of a duty list; read as
    headings with no body, the duties were lost)."""
    m = SECTION_RE.match(text)
    if not m:
        return False
    sentence, rest = first_sentence(m.group(2))
    return not rest.strip() and len(sentence) <= 40 and not duty_item(sentence)


#: A unit's name and its colon opening a line (市水务局：负责…): the words before the first colon.
_UNIT_COLON_RE = re.compile(r"^(?P<head>[^。；;：:，,！？]{2,40})[：:](?P<rest>.*)$")


def duty_item(text: str) -> bool:
    """True when ``text`` (a line after its marker) states one unit's duties in one sentence — an item of a duty list,
    never a heading:

    * the units and a colon, then a sentence (``市水务局：负责城市供水保障。``): the words before the colon name units only
      (``roles.names_units``) and something follows it;
    * a whole sentence closed by 。 whose subject is units (``roles.opening_subject``; each name ends like a unit —
      ``供电公司``, ``各县区人民政府``) and whose predicate holds a role word (roles.yaml ``roles``: 负责, 牵头, 配合 …) —
      ``市公安局要负责…``, ``县减灾委其他成员单位按照职责…，协助做好有关工作``.

    A heading stays one: ``加强组织领导``, ``市发展改革委牵头的任务`` (its work named after 的), ``市财政局：`` (nothing
    after the colon: a G head over its duties), ``各地要加强组织领导。`` (no role word: 各地 ends like no unit either)."""
    from kb.parser.roles import load_vocabulary, names_units, opening_subject

    vocab = load_vocabulary()
    t = text.strip()
    m = _UNIT_COLON_RE.match(t)
    if m:
        return bool(m.group("rest").strip(" 。")) and names_units(m.group("head"), vocab)
    if not t.endswith("。"):
        return False
    found = opening_subject(t, vocab)
    if not found:
        return False
    names, predicate = found
    if not names or not all(vocab.department_re.search(n) for n in names):
        return False
    # a role word in the predicate, not before 的 (市发展改革委牵头的任务。 names whose tasks follow: a heading — F,
    # roles.read_heading_roles); anywhere in it: 县减灾委其他成员单位按照职责和救灾工作实际需要，协助做好有关工作。
    words = _role_word_re(tuple(w for w, _ in vocab.role_words))
    return any(not predicate[m.end():].startswith("的") for m in words.finditer(predicate))


@lru_cache(maxsize=4)
def _role_word_re(words: tuple[str, ...]) -> re.Pattern:
    """Any of the role words ``words`` (roles.yaml ``roles``: 负责, 牵头, 配合 …, longest first)."""
    return re.compile("|".join(re.escape(w) for w in words))


def heading_title(paragraph: str) -> str | None:
    """The heading sentence a paragraph opens with (``加大区域产业布局调整力度``), or None.

    A heading is a short first sentence (≤ 30 characters) without commas,
    followed by more text.
    """
    sentence, rest = first_sentence(paragraph)
    if not rest.strip() or not sentence.endswith("。"):
        return None
    body = sentence[:-1]
    if len(body) > 30 or any(p in body for p in "，,；;：:"):
        return None
    return body


@dataclass(slots=True)
class Block:
    """A paragraph placed in the plan's structure, before roles are read."""

    part: str
    """Part numeral (``三``) or ``""`` before the first part."""
    part_title: str
    """Part heading text."""
    section: str | None
    """Section label (``三（一）``) or None."""
    section_title: str | None
    """Section heading without marker and final 。."""
    number: int | None
    """Number given in the text (``1.``), if any."""
    kind: str
    """``paragraph`` or ``measure`` (inline-heading item)."""
    text: str
    """The paragraph as cleaned."""
    title: str | None = None
    """Heading sentence, if any."""


@dataclass(slots=True)
class Outline:
    """Result of the structure rule for one document."""

    title: str
    """The plan's title."""
    preface: str | None
    """The news lead before the title, if any."""
    parts: list[tuple[str, str]]
    """(numeral, title) of every part."""
    sections: list[tuple[str, str]]
    """(label, title) of every section, inline-heading items included."""
    blocks: list[Block]
    """Paragraphs in order."""
    heading_tags: dict[str, str] = field(default_factory=dict)
    """Part numeral or section label → the tag its heading carries (``（省发改委总牵头）``, dialect F)."""
    section_lines: dict[str, str] = field(default_factory=dict)
    """Section label → its heading line as written (an item itself when a label line follows it)."""
    closing: list[str] = field(default_factory=list)
    """Paragraphs after the last task that close the document (signature, date, 抄送): no tasks."""
    cover: list[str] = field(default_factory=list)
    """The transmittal notice before the plan (addressees, 现将…印发给你们, signature, date): no tasks."""
    plan_title: str | None = None
    """The plan's own title after a cover notice (松江区城市更新2025年度实施计划), else None."""
    duty_heads: dict[str, str] = field(default_factory=dict)
    """G: section label → the units heading it in a duty part (四、职责分工 （一）区建管委), whose tasks they do."""
    item_parts: bool = False
    """The plan's top level is its item level (``一、…三十、`` measures, one paragraph each, no sections): a part's
    numeral is its item's own number, and unmarked paragraphs after the last item are the plan's closing words
    (part ``CLOSING_PART``), not paragraphs of that item."""
    annexes: list[tuple[str, str]] = field(default_factory=list)
    """(cite, title) of every annex after the body (``附件1`` / ``附件``, ``示范场景``): its paragraphs are no items of
    the last body part (their blocks carry the cite as their part); not among ``parts``."""
    divisions: list[tuple[str, str]] = field(default_factory=list)
    """(cite, title) of each document when the file holds several (a notice handing on 《若干政策》 and 《行动计划》, each
    numbered from 一、: ``opens_document``), in order; empty for a file of one document.  Each document's parts are its
    cite and numeral (``行动计划二``), so its sections (``行动计划二（三）``) and labels (``行动计划二（三）5``) are its own;
    the paragraphs before its first part (its preamble) have the cite alone as their part."""


def find_title(paragraphs: list[str], fallback: str) -> tuple[int, str]:
    """Index and text of the title among the first six paragraphs — reference lines not counted (发文机关：… / 成文日期：…
    / 【发布部门】…: a page's or an export's fields before the title, ten of them on a 政府公报 page); (-1, fallback) if
    none."""
    counted = 0
    for i, p in enumerate(paragraphs):
        if counted >= 6 or PART_HEADING_RE.match(p) or SECTION_HEADING_RE.match(p):
            break
        if is_title(p) and not WHOLE_DATE_RE.search(p):
            return i, p  # not a signature and date with the plan's title after it (国务院办公厅二〇〇五年六月十一日国家粮食应急预案)
        counted += not is_reference_line(p)
    return -1, fallback


def _glued_title_at(paragraphs: list[str]) -> tuple[int, tuple[str, str]] | None:
    """(index, (title, preamble)) of the first paragraph in find_title's window that is a title glued to its preamble
    (``glued_title``), else None."""
    counted = 0
    for i, p in enumerate(paragraphs):
        if counted >= 6 or PART_HEADING_RE.match(p) or SECTION_HEADING_RE.match(p):
            return None
        if (glued := glued_title(p)) is not None:
            return i, glued
        counted += not is_reference_line(p)
    return None


def title_rest(title: str, line: str) -> bool:
    """True when ``line``, right after ``title``, is the title's last line as typeset (平潭综合实验区水污染防治行动计划 /
    工作方案, 某某市…三年行动计划 / （2024—2026年）): a kind of document alone (documents.yaml ``division_kinds``) or a bracket
    of years or of a title's own word (``title_brackets``: 试行, 征求意见稿), the two together still a title — never after a notice's title (…的通知 / 某某方案 is the plan it hands on)."""
    n = line.strip()
    bare = _TITLE_BRACKET_RE.sub("", n)
    if not n or not title or title.rstrip("》").endswith("通知") or not is_title(title + n):
        return False
    if bare in division_kinds():
        return True
    # (a bracket alone: years or a title's own word — 2024—2026年, 试行 — never a page's note, 上接第三版)
    return not bare and bool(_TITLE_BRACKET_RE.fullmatch(n)) and (
        bool(re.search(r"(?:19|20)\d{2}", n)) or any(w in n for w in _document_words()["title_brackets"]))


def is_reference_line(p: str) -> bool:
    """A line of a document's reference fields (a page's 发文机关：省政府办公厅成文日期：2014-07-16, 废止时间：…, a 法宝
    export's 【发布部门】…): page metadata or a line opening with a field of documents.yaml issuer_fields /
    reference_labels and its colon (or in 【】)."""
    text = p.strip()
    if is_page_metadata(text):
        return True
    m = re.match(r"^【([^【】]{2,8})】|^([^\s:：]{2,8})\s*[:：]", text)
    label = m and (m.group(1) or m.group(2))
    return bool(label) and label in {*issuer_fields(), *reference_labels()}


#: Sentence marks: a line holding one is a sentence that mentions an annex (详见附件1。), never an annex's caption.
_SENTENCE_MARKS = "。；;，,！？"


def annex_caption(p: str) -> tuple[str, str] | None:
    """(cite, title as written after the caption or "") when ``p`` is an annex caption line that opens an annex: ``附件``,
    ``附件2``, ``附件：示范场景``, or the caption joined by cleanup to the annex's short title line (``附件示范场景``) —
    never a sentence that mentions an annex (``详见附件1``, ``附件所列任务由各区负责落实。``).  The caption pattern is
    the one task tables use (kb/data/tables.yaml attachment_caption), so prose annexes and table annexes are cited
    alike (``附件1`` → rows ``附件1-3``)."""
    from kb.parser.tables import load_vocabulary

    text = p.strip()
    vocab = load_vocabulary()
    m = vocab.caption.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    if m.group(1) and rest[:1] in ".．、" and not rest[1:2].isdigit():
        rest = rest[1:].strip()  # 附件1.营商环境…分解表: the number's mark, no part of the title
    if len(rest) > 30 or any(c in rest for c in _SENTENCE_MARKS) or ITEM_RE.match(rest):
        return None
    return vocab.caption_cite(m), rest


#: The first line of an attachments list (附件：1.2026年…指标体系, 附表：1.任务分工表): a caption word (tables.yaml
#: annex_words) and its colon, then item 1 with its title.
_ATTACHMENTS_LIST_RE = AnnexPattern(r"^{annex_word}\s*[:：]\s*1\s*[.．、]\s*\S[^。；;，,！？]{1,60}$")


#: An attachments list written on one line (附件：1.X；2.Y；3.Z / 附件：1.X 2.Y 3.Z): the caption, item 1, then further items
#: numbered after ；/，/ a space, the line ending with at most one mark — never a sentence.
_ONE_LINE_ATTACHMENTS_RE = AnnexPattern(r"^{annex_word}\s*[:：]\s*1\s*[.．、]\s*[^。！？：:；;]{2,60}?"
                                        r"(?:[；;，,\s]*\d{1,2}\s*[.．、]\s*[^。！？：:；;，,]{2,60}?)+[。；;]?$")


#: An attachments line that cleanup (or the source) ran together with the signature and date after it
#: (附件：三级公立医院绩效考核指标国务院办公厅2019年1月16日（此件公开发布）): the closing's, whole.
_SIGNED_ATTACHMENTS_RE = AnnexPattern(rf"^{{annex_word}}\s*[0-9０-９一二三四五六七八九十]{{0,3}}\s*[:：][^。；;！？]{{1,200}}?{_DATE}"
                                      rf"(?:印发)?\s*(?:{PUBLICATION_NOTE})?$")


#: The section title of an annex's notes after its table (附件（注）): explanations of the rows, no items — a count of the
#: annex says them apart (kb/qa/exec_items.py).
ANNEX_NOTES_TITLE = "注"
#: The head of an annex's notes (注： / 备注：, cleanup.NOTES_HEAD), alone or before the first note.
_NOTES_HEAD_RE = re.compile(rf"^{NOTES_HEAD}")


def _open_notes(part: str, part_title: str, p: str, sections: list, blocks: list) -> tuple[str, str]:
    """Open the notes section of annex ``part`` at ``p`` (注：1.…): the section 附件（注） and, when ``p`` holds a note
    after its head, that note's block.  The section and its title."""
    section, section_title = f"{part}（{ANNEX_NOTES_TITLE}）", ANNEX_NOTES_TITLE
    sections.append((section, section_title))
    rest = _NOTES_HEAD_RE.sub("", p, count=1).strip()
    if rest:
        m = ITEM_RE.match(rest)
        blocks.append(Block(part, part_title, section, section_title, int(m.group(1)) if m else None, "paragraph", rest,
                            heading_title(m.group(2) if m else rest)))
    return section, section_title


def _is_signing(p: str) -> bool:
    """The signature and date (国务院办公厅2019年1月16日（此件公开发布）) or the date alone: a closing line with a date."""
    text = p.strip()
    return bool(CLOSING_RE.match(text) and WHOLE_DATE_RE.search(text))


def _attachments_lines(body: list[str]) -> set[int]:
    """Indices of the attachments lines before a signature (附件：三级公立医院绩效考核指标 / 附件1：X, or 附件：1.X and the
    list's further lines): a caption whose next line — after the list's lines — is the signature and date.  Such a
    caption names the annexes; it opens none (the annex follows the signature, under its own caption).  A caption with
    the annex's text after it (附件：重点任务分解表 / 1.…) still opens the annex."""
    found: set[int] = set()
    for i, p in enumerate(body):
        if _SIGNED_ATTACHMENTS_RE.match(p.strip()):
            found.add(i)
            continue
        if (run := _caption_run(body, i)) and i not in found:
            found.update(range(i, run))
            continue
        if not (annex_caption(p) or _ATTACHMENTS_LIST_RE.match(p)):
            continue
        j = i + 1
        while j < len(body) and _listed_annex(body[j]) and not _is_signing(body[j]):
            j += 1
        if j < len(body) and _is_signing(body[j]):
            found.update(range(i, j))
    return found


def _caption_run(body: list[str], start: int) -> int:
    """The end (exclusive) of an attachments list written one attachment a line with its number glued to the caption
    (附件1：X / 附件2：Y / 附件3：Z, 附件1.X) from ``body[start]``, else 0: two or more caption lines with a title each,
    numbered 1, 2, 3 … in order, and after them the signature and date, the file's end, or a caption alone (the first
    annex under its own caption) — never a caption with its annex's text after it (附件1：X / 1.压缩审批时限…)."""
    number = 1
    end = start
    while end < len(body) and (c := annex_caption(body[end])) and c[1] and _caption_number(c[0]) == number:
        end, number = end + 1, number + 1
    if end - start < 2:
        return 0
    after = body[end] if end < len(body) else None
    if after is None or _is_signing(after) or ((c := annex_caption(after)) is not None and not c[1]):
        return end
    return 0


def _caption_number(cite: str) -> int:
    """The number a caption's cite ends with (附件2 → 2); 0 for none (附件)."""
    m = re.search(r"\d+$", cite)
    return int(m.group(0)) if m else 0


def _listed_annex(p: str) -> bool:
    """A further line of an attachments list: ``2.…清单``, short, no sentence mark — short item by item where cleanup ran
    two of its lines together (4.…分解表5.2016年…任务表: a title opening with a year was read as a figure going on)."""
    m = ITEM_RE.match(p.strip())
    pieces = _LISTED_ITEM_CUT_RE.split(p.strip())
    return bool(m) and all(len(x) <= 64 for x in pieces) and not any(c in p for c in _SENTENCE_MARKS)


#: Where a further numbered title starts inside a line of an attachments list (…分解表5.2016年…): a number after a
#: non-digit, its mark, and no figure after it unless a year opens the title.
_LISTED_ITEM_CUT_RE = re.compile(r"(?<=[^\d.．])(?=\d{1,2}\s*[.．、](?:(?!\d)|(?:19|20)\d{2}年))")


def _annex_part_heading(p: str) -> re.Match | None:
    """``一、乡村数字基础设施（30分）`` as an annex's heading line: short, no full stop inside."""
    return PART_RE.match(p) if len(p) <= 30 and "。" not in p[:-1] else None


def _two_level_annex(body: list[str], start: int) -> bool:
    """The annex opening at ``body[start]`` writes two heading levels: a ``一、`` heading, then a ``（一）`` heading after it
    (before the next annex caption).  Only then is 一、 a part of the annex over its （一） sections; an annex of one
    level keeps its labels (附件（一）-1 for 一、 as for （一））."""
    part_seen = False
    for p in body[start:]:
        if annex_caption(p):
            return False
        if _annex_part_heading(p):
            part_seen = True
        elif part_seen and is_section_heading(p):
            return True
    return False


def section_ordinal(part: str, section: str | None) -> int:
    """The number of ``section`` within ``part`` for a task's id: 三（二） → 2, 附件（注） → 0, and for a section of an
    annex's own part 附件·二（一） → 201 (附件·二 alone → 200), so ids stay apart by level."""
    if not section:
        return 0
    own = section[len(part):] if section.startswith(part) else section
    outer = 0
    if own.startswith(ANNEX_LEVEL_MARK):
        numeral = re.match(r"[一二三四五六七八九十]{1,3}", own[1:])
        outer = numeral_value(numeral.group(0)) if numeral else 0
        own = own[1 + (numeral.end() if numeral else 0):]
    inner = numeral_value(own[1:-1]) if own[:1] in "（(" and own[-1:] in "）)" else 0
    return outer * 100 + inner


def _is_annex_title(p: str) -> bool:
    """A short line with no sentence mark and no number: the title under an annex caption (示范场景) — never a table's row
    (``序号｜指标名称｜单位｜2025年``: the header of the value table under it; tables7 s18)."""
    return 0 < len(p.strip()) <= 30 and not any(c in p for c in _SENTENCE_MARKS) and not ITEM_RE.match(p.strip()) \
        and "｜" not in p \
        and not SECTION_RE.match(p.strip()) and not PART_RE.match(p.strip())


def _pop_closing(blocks: list[Block], partless: bool = False) -> list[str]:
    """The closing paragraphs (signature, date, 抄送) at the end of the body's blocks, taken off them (in a document of
    no parts, ``partless``, its paragraphs have none)."""
    closing: list[str] = []
    while blocks and (blocks[-1].part or partless) and blocks[-1].text.strip() and CLOSING_RE.match(blocks[-1].text.strip()):
        closing.insert(0, blocks.pop().text)
    return closing


#: The head of a title that cleanup ran into the page's lines before it: the paragraph's tail after its last page mark
#: (】, a field's ：, a date's digits), opening with a character and holding no sentence mark.
_TITLE_HEAD_RE = re.compile(r"[\u4e00-\u9fff][^。；;！？，,：:】【\s]{3,60}$")
#: What a title's head holds (关于印发…, a place: 南阳市人民政府…): without it the tail is a page's words (大中小).
_TITLE_HEAD_WORDS = re.compile(r"关于|印发|转发|^[\u4e00-\u9fff]{2,4}(?:省|市|县|区|自治州|自治区)")


def _title_head(before: str, title: str) -> str:
    """The head of ``title`` at the end of the paragraph ``before`` it, when cleanup ran the title's first lines into
    the page's lines (【字体：大 中 小】【关闭窗口】周口市人民政府办公室关于印发周口市促进民营经济 / 高质量发展若干措施的通知),
    else "": the tail after the paragraph's last page mark, holding 关于/印发 or opening with a place, short enough for
    the two to be one title."""
    if not before or before[-1] in "。；;！？":
        return ""
    m = _TITLE_HEAD_RE.search(before)
    if not m or m.start() == 0 or not _TITLE_HEAD_WORDS.search(m.group(0)) or len(m.group(0)) + len(title) > 100:
        return ""  # (a paragraph that is the head alone was left a paragraph of its own by cleanup: not this case)
    return m.group(0)


def outline(paragraphs: list[str], doc_id: str) -> Outline:
    """Place every paragraph in the plan's structure."""
    t, title = find_title(paragraphs, doc_id)
    if t < 0 and (glued := _glued_title_at(paragraphs)) is not None:
        # the title run by cleanup into the preamble under it (某某区深化改革六项措施为进一步深化…，制定以下措施。): the title,
        # then the preamble as the plan's opening paragraph
        t, (title, preamble) = glued
        paragraphs = [*paragraphs[:t], title, preamble, *paragraphs[t + 1:]]
    head = _title_head(paragraphs[t - 1], title) if t > 0 else ""
    if head:
        paragraphs = [*paragraphs[:t - 1], paragraphs[t - 1][:-len(head)], *paragraphs[t:]]
        title = head + title
    if t >= 0 and t + 1 < len(paragraphs) and title_rest(title, paragraphs[t + 1]):
        title = title + paragraphs[t + 1].strip()  # (its last line: 工作方案, （2024—2026年）)
        paragraphs = [*paragraphs[:t], title, *paragraphs[t + 2:]]
    preface = "\n".join(paragraphs[:t]) if t > 0 else None
    body = paragraphs[t + 1 :] if t >= 0 else paragraphs
    # A web page's fields about the article under its title (文章来源：… 发布时间：…) are the page's, not the plan's.
    meta = 0
    while meta < len(body) and is_page_metadata(body[meta]):
        meta += 1
    if meta:
        preface = "\n".join([*([preface] if preface else []), *body[:meta]])
        body = body[meta:]
    if t < 0 and body and not PART_HEADING_RE.match(body[0]) and PREFACE_HINT_RE.search(body[0]):
        preface, body = body[0], body[1:]
    notice = notice_items(body)
    cover, plan_title, body = split_cover(body)
    top_items = _top_items(body)
    part, part_title = "", ""
    section: str | None = None
    section_title: str | None = None
    parts: list[tuple[str, str]] = []
    sections: list[tuple[str, str]] = []
    blocks: list[Block] = []
    heading_tags: dict[str, str] = {}
    section_lines: dict[str, str] = {}
    duty_heads: dict[str, str] = {}
    part_lines: dict[str, tuple[str, str | None]] = {}  # part → (its line after the numeral, the paragraph an inline heading holds)
    duty_part = False
    annexes: list[tuple[str, str]] = []
    closing: list[str] = []
    want_annex_title = False
    listing = False
    article_list = False  # inside an article closing with ：, whose （一）… lines are its list
    attachments = _attachments_lines(body)
    # a document of paragraphs only (a 决定, a 函): no numbered part, no chapter — its closing and annexes follow its
    # last paragraph as a plan's follow its last part
    # (its annex may have parts of its own: only the paragraphs before the first annex caption are looked at)
    first_annex = next((i for i, p in enumerate(body) if i and annex_caption(p)), len(body))
    partless = not any(PART_RE.match(p) or PART_INLINE_RE.match(p) or CHAPTER_HEADING_RE.match(p) or TOP_ITEM_RE.match(p)
                       for p in body[:first_annex])
    numbered_rows = False  # the annex opened is a table one cell a line (its header cells came first)
    divisions: list[tuple[str, str]] = []  # (cite, title) of each document the file holds, when it holds several
    cite = ""  # the cite of the document being read (its parts are cite + numeral), "" while the file holds one
    two_levels, outer = False, None  # the annex opened writes 一、 then （一） under it; the numeral of its part open
    header_cells = 0  # column words one a line in a row, before the annex's first item
    if cover and not notice:
        notice = cover_limits(cover)  # (an ordinary cover's dated requirement: 请于…前报送…, readable as the notice's)
    for p in notice if cover else ():
        # the cover notice's own requirements (一、各责任单位要…于2023年1月15日前报…): paragraphs of the notice, read as
        # the plan's other paragraphs are (searched, dated), cited by the notice's numbers — no part of the plan
        m = PART_RE.match(p) or PART_INLINE_RE.match(p)
        blocks.append(Block(NOTICE_PART, "", None, None, numeral_value(m.group(1)) if m else None, "paragraph", p,
                            heading_title(p)))
    for at, p in enumerate(body):
        opened = bool(parts) or (partless and bool(blocks))  # the body has begun (a document of no parts: its first paragraph)
        if opened and not annexes and at in attachments:
            # 附件：三级公立医院绩效考核指标 before the signature and date: the closing's (the annex follows them)
            closing = closing + _pop_closing(blocks, partless) + [p]
            continue
        if opened and not annexes and (_ATTACHMENTS_LIST_RE.match(p) or _ONE_LINE_ATTACHMENTS_RE.match(p)
                                       or (listing and _listed_annex(p))):
            # The attachments list after the body (附件：1.…指标体系 / 2.…清单): the closing's, never items of the
            # last part; the 附件1 line after the signature still opens the annex.
            listing = True
            closing.append(p)
            continue
        listing = False
        signed = COVER_DATE_RE.match(p) if opened and not annexes else None
        if signed and signed.group("rest") and annex_caption(signed.group("rest")):
            # The signature and date joined by cleanup to the annex caption after them (…办公厅2024年3月1日附件示范场景):
            # the closing, then the annex.
            closing = _pop_closing(blocks, partless) + [p[: signed.start("rest")].strip()]
            p = signed.group("rest")
        if opened and not annexes and blocks and _NOTES_HEAD_RE.match(p) and _is_signing(blocks[-1].text):
            # 注：1.… after the signature, under no caption: the notes of the annex whose caption a table took (the
            # table is read apart) — the annex the attachments line names, never more items of the body's last part
            closing = closing + _pop_closing(blocks, partless)
            listed = next((annex_caption(c) for c in closing if annex_caption(c)), None)
            # (no caption of its own: the general caption word, 附件, cites it)
            part, part_title = listed or (caption_word(p) or annex_words()[0], "")
            annexes.append((part, part_title))
            section, section_title = _open_notes(part, part_title, p, sections, blocks)
            duty_part = want_annex_title = False
            continue
        caption = annex_caption(p) if opened else None
        if caption:
            # An annex after the body (附件 / 附件2 / 附件：示范场景): the body is closed; what follows is the annex,
            # its title the caption's rest or the next short line, its paragraphs cited like annex table rows.
            if not annexes:
                closing = closing + _pop_closing(blocks, partless)
            part, part_title = caption
            if annexes and annexes[-1][0] == part and not any(b.part == part for b in blocks):
                # 附件： + its title after the body, then the annex's own caption 附件 + the title again: ONE annex (listed
                # twice it was counted twice: 附件…（90 条）、附件…（90 条）)
                part_title = part_title or annexes[-1][1]
                annexes[-1] = (part, part_title)
                want_annex_title = not caption[1]
            else:
                annexes.append((part, part_title))
                want_annex_title = not part_title
            section = section_title = None
            duty_part = False
            two_levels, outer = _two_level_annex(body, at + 1), None
            continue
        if annexes:
            if want_annex_title and _is_annex_title(p):
                part_title = p.strip()
                annexes[-1] = (part, part_title)
                want_annex_title = False
                continue
            want_annex_title = False
            if is_column_word(p) and not any(b.part == part for b in blocks):
                # the annex table's header cells one a line (一级指标 / 二级指标 / …): no item; two of them in a row make
                # the annex a table one cell a line — one alone (主要任务) is a prose annex's heading, whose unnumbered
                # paragraphs are no cells of the item before them (以上各项工作…于2024年底前全部完成 was glued to item 2)
                header_cells += 1
                numbered_rows = numbered_rows or header_cells >= 2
                continue
            header_cells = 0
            if _NOTES_HEAD_RE.match(p):
                # 注：1.… under the annex's table: its notes, a section of their own (counted apart)
                section, section_title = _open_notes(part, part_title, p, sections, blocks)
                continue
            heading = _annex_part_heading(p)
            if heading and two_levels:
                # 一、 of an annex written in two heading levels (一、 then （一） under it): a part of the annex, 附件·二,
                # whose sections are 附件·二（一）… — flattened, 二（一） and 一（一） were one section (holdout15 包头:
                # "第二部分下的条目共 16 项" for 15)
                outer = heading.group(1)
                section = f"{part}{ANNEX_LEVEL_MARK}{outer}"
                section_title = heading.group(2).rstrip("。")
                sections.append((section, section_title))
                continue
            m = heading or (SECTION_RE.match(p) if is_section_heading(p) else None)
            if m:  # 一、 / （一） inside an annex of one level: a section of the annex (附件1（一）-3), never a body part
                within = f"{part}{ANNEX_LEVEL_MARK}{outer}" if two_levels and outer and m is not heading else part
                section = f"{within}（{m.group(1)}）"
                section_title = m.group(2).rstrip("。")
                sections.append((section, section_title))
                continue
            m = ITEM_RE.match(p)
            last = blocks[-1] if blocks else None
            if (numbered_rows and not m and section and section_title and section_title != ANNEX_NOTES_TITLE
                    and (last is None or last.section != section) and len(p) <= 12
                    and not any(c in p for c in _SENTENCE_MARKS)):
                # （十四）医务人员 / 满意度: the category cell the page broke — the rest of the section's title
                section_title += p.strip()
                sections[-1] = (section, section_title)
                continue
            nxt = body[at + 1] if at + 1 < len(body) else ""
            category = len(p) <= 12 and not any(c in p for c in _SENTENCE_MARKS) and bool(ITEM_RE.match(nxt))
            if (not m and not category and last is not None and last.part == part and last.section == section
                    and last.number is not None and section_title != ANNEX_NOTES_TITLE and numbered_rows and len(p) <= 300):
                # a row of an annex table one cell a line (1.门诊人次数与出院人次数比 / 定量 / 计算方法：… / 指标来源：…): the
                # unnumbered lines after a numbered one are its cells — one row, never more items
                last.text = last.text + p
                continue
            blocks.append(Block(part, part_title, section, section_title, int(m.group(1)) if m else None, "paragraph", p,
                                heading_title(m.group(2) if m else p)))
            continue
        if parts and opens_document(body, at, part[len(cite):]):
            # a second document in the file (若干政策 一…八, then 安徽省…行动计划（2021-2023年） / 为…制定本行动计划。 /
            # 一、总体要求): its parts, sections and labels are its own, each document's cited by its kind (若干政策二,
            # 行动计划二（三）5) — before, the plan's 二 held both documents' 二 and their items shared labels and ids
            if not divisions:
                # (the first document's title as the cover split read it; one glued to its preamble is cut for the cite —
                # 文化体制改革中…的规定为进一步深化…特制定本规定。)
                first = plan_title or title
                divisions.append(("", (glued_title(first) or (first,))[0]))
            named, preamble = glued_title(p) or (p.strip(), "") if not is_title(p) else (p.strip(), "")
            if not divisions[0][0]:
                # a notice handing on 《A》和《B》 is the file's name, not its first document's: that document is the
                # name it hands on other than the one opening now (its items were cited by the whole notice title)
                divisions[0] = ("", first_handed_on(divisions[0][1], named) or divisions[0][1])
            cites = division_cites([t for _, t in divisions] + [named])
            if not divisions[0][0]:
                _cite_first(cites[0], parts, sections, blocks, heading_tags, section_lines, duty_heads)
            divisions[:] = [(c, t) for c, (_, t) in zip(cites, divisions)] + [(cites[-1], named)]
            cite = cites[-1]
            part, part_title = cite, ""  # (its preamble: the document's opening, 引言)
            top_items = _top_items(body[at + 1:])  # (each document numbers its own way: 若干政策 by items, then headings)
            section = section_title = None
            duty_part = article_list = False
            if preamble:  # (the title glued to it: the preamble is the document's opening paragraph)
                blocks.append(Block(part, part_title, None, None, None, "paragraph", preamble, heading_title(preamble)))
            continue
        if top_items and (m := TOP_ITEM_RE.match(p)):
            # a measure numbered at the top level (三、推进离岸贸易发展，支持…): the part is the item, its heading the
            # item's first clause; the paragraph stays as written, number and all
            part, part_title = cite + m.group(1), re.split(r"[，,。；;：:（(]", m.group(2), maxsplit=1)[0][:30]
            section = section_title = None
            parts.append((part, part_title))
            blocks.append(Block(part, part_title, None, None, None, "paragraph", p, heading_title(m.group(2).strip())))
            continue
        p, heading_tag = split_heading_tag(p)
        chapter = _CHAPTER_RE.match(p) if CHAPTER_HEADING_RE.match(p) else None
        if chapter:
            # 第二章 服务设施 (a regulation written by chapters and articles): the chapter is the plan's top level, a
            # part; it closes every list of the chapter before (after 第三条's （一）–（六） the articles of 第二章 were
            # labelled （六）4, （六）5 …)
            part, part_title = cite + chapter.group(1), chapter.group(2).strip()
            section = section_title = None
            article_list = False
            parts.append((part, part_title))
            duty_part = False
            continue
        if ARTICLE_START_RE.match(p):
            section = section_title = None  # 第X条 is a structural level: it closes an open （一）… list of the article before
            article_list = p.rstrip().endswith(("：", ":"))
        elif article_list and SECTION_RE.match(p):
            # （一）制定…规划； under 第三条 …履行下列职责： — an item of the article's list, a paragraph of its own (as a
            # section heading it held no paragraph and the duty vanished)
            blocks.append(Block(part, part_title, None, None, None, "paragraph", p, heading_title(p)))
            continue
        else:
            article_list = False
        m = PART_RE.match(p)
        if m and (len(p) <= 30 and "。" not in p[:-1] or _next_part_heading(m, p, parts, cite, body[at + 1:at + 2])):
            part, part_title = cite + m.group(1), m.group(2)
            section = section_title = None
            parts.append((part, part_title))
            part_lines[part] = (p[len(m.group(1)) + 1:].strip() + (heading_tag or ""), None)
            duty_part = _is_duty_part(part_title)
            if heading_tag:
                heading_tags[part] = heading_tag
            continue
        m = PART_INLINE_RE.match(p)
        if m:  # 一、指导思想。以…: the heading, then its paragraph
            part, part_title = cite + m.group(1), m.group(2)
            section = section_title = None
            parts.append((part, part_title))
            duty_part = _is_duty_part(part_title)
            part_lines[part] = (p[m.end(1) + 1:m.start(3)].strip(), m.group(3).strip())
            p = m.group(3).strip()
        m = SECTION_RE.match(p)
        duty_head = _duty_head(m.group(2)) if m and duty_part else None
        own = _own_duties_head(m.group(2)) if m and not duty_head and is_section_heading(p) else None
        if own:  # （三）市财政局的职责 over the unit's duties, in any part (as G's （一）区建管委 in a duty part)
            section = f"{part}（{m.group(1)}）"
            section_title = m.group(2).rstrip("。：:")
            sections.append((section, section_title))
            section_lines[section] = p
            duty_heads[section] = own
            continue
        if duty_head and not is_section_heading(p) or (duty_head and duty_head != m.group(2).rstrip("。")):
            # G: （一）区发展改革委：负责… — one unit's duties on one line, whatever their length.
            label = f"{part}（{m.group(1)}）"
            sections.append((label, duty_head))
            duty_heads[label] = duty_head
            # (no title: the unit is the doer, not the work — an answer named the task 三（四） 区水务局 and said nothing of
            # its duties; without a title it shows the line's words)
            blocks.append(Block(part, part_title, label, duty_head, None, "measure", p, None))
            section = section_title = None
            continue
        if m and is_section_heading(p):
            section = f"{part}（{m.group(1)}）"
            section_title = m.group(2).rstrip("。")
            sections.append((section, section_title))
            section_lines[section] = p
            if heading_tag:
                heading_tags[section] = heading_tag
            if duty_head:  # G: （一）区建管委 over the unit's duties
                duty_heads[section] = duty_head
            continue
        if heading_tag:  # not a heading after all: the bracket stays in the paragraph
            p = p + heading_tag
        if m:
            heading, _ = first_sentence(m.group(2))
            label = f"{part}（{m.group(1)}）"
            sections.append((label, heading.rstrip("。")))
            blocks.append(Block(part, part_title, label, heading.rstrip("。"), None, "measure", p, heading.rstrip("。")))
            section = section_title = None
            continue
        m = ITEM_RE.match(p)
        number = int(m.group(1)) if m else None
        heading = heading_title(m.group(2) if m else p)
        blocks.append(Block(part, part_title, section, section_title, number, "paragraph", p, heading))
    closing += _pop_closing(blocks, partless)
    _one_line_parts(blocks, parts, sections, part_lines, annexes, heading_tags)
    item_parts = _close_item_parts(blocks, parts, sections, annexes)
    return Outline(title, preface, parts, sections, blocks, heading_tags, section_lines, closing, cover, plan_title, duty_heads,
                   item_parts, annexes, divisions)


#: The word lists of kb/data/documents.yaml.
_DOCUMENT_KEYS = ("division_kinds", "preamble_openers", "preamble_marks", "issuer_fields", "reference_labels",
                  "title_brackets")


def _document_words() -> dict[str, tuple[str, ...]]:
    """kb/data/documents.yaml, validated: 'version' and exactly ``_DOCUMENT_KEYS``, each a list of non-empty strings
    (longest first)."""
    from kb.data import DATA_DIR, load_cached_yaml

    path = DATA_DIR / "documents.yaml"

    def build(data: dict) -> dict[str, tuple[str, ...]]:
        from kb.errors import KbError

        if set(data) != {"version", *_DOCUMENT_KEYS} or not all(
                isinstance(data[k], list) and data[k] and all(isinstance(w, str) and w.strip() for w in data[k])
                for k in _DOCUMENT_KEYS):
            raise KbError(f"{path}：应恰好有 version、{'、'.join(_DOCUMENT_KEYS)}（非空字符串的列表）；请修正，或从代码仓库恢复这个文件")
        return {k: tuple(sorted((w.strip() for w in data[k]), key=len, reverse=True)) for k in _DOCUMENT_KEYS}

    return load_cached_yaml(path, "document kinds", build)


def division_kinds() -> tuple[str, ...]:
    """The kinds of document a title ends with (kb/data/documents.yaml ``division_kinds``), longest first."""
    return _document_words()["division_kinds"]


def issuer_fields() -> tuple[str, ...]:
    """The reference fields naming a document's issuer (documents.yaml ``issuer_fields``: 发布部门, 发文机关 …)."""
    return _document_words()["issuer_fields"]


def reference_labels() -> tuple[str, ...]:
    """Labels of a document's other reference fields (documents.yaml ``reference_labels``: 发文字号, 成文日期 …)."""
    return _document_words()["reference_labels"]


def glued_title(p: str) -> tuple[str, str] | None:
    """(title, preamble) of a paragraph that is a document's title glued to its preamble (进一步支持文化企业发展的规定 /
    为进一步深化文化体制改革，…，特制定以下规定：, one line once cleanup joined a title whose kind it does not know): the
    title is the words before a preamble opener (documents.yaml ``preamble_openers``: 为, 根据 …) — 6 to 60 characters, no
    sentence mark, ending with a kind of document (``division_kinds``, a bracket of years allowed) — and the rest says it
    makes the document (``preamble_marks``: 制定, 提出如下 …) and ends a sentence.  None for anything else."""
    words = _document_words()
    text = p.strip()
    if not text.endswith(("。", "：", ":")):
        return None
    for k in range(6, min(len(text), 61)):
        head = text[:k]
        if any(c in head for c in "。，,；;：:！？、"):
            return None
        rest = text[k:]
        bare = _TITLE_BRACKET_RE.sub("", head)
        if (rest.startswith(words["preamble_openers"]) and any(bare.endswith(kind) for kind in words["division_kinds"])
                and any(m in rest for m in words["preamble_marks"])):
            return head, rest
    return None


#: A bracket closing a title (行动计划（2024—2026年）, 若干措施(试行)): no part of the document's kind.
_TITLE_BRACKET_RE = re.compile(r"[（(][^（）()]{1,20}[)）]$")


_HANDED_ON_RE = re.compile(r"《([^《》]+)》")


def first_handed_on(notice: str, named: str) -> str | None:
    """The first document a notice title hands on (关于印发《A若干措施》和《B行动计划》的通知 → A若干措施) other than
    ``named`` (the document a later title line opens), or None unless it names two or more and ``named`` is exactly one of
    them — a plan's own title (XX行动计划) is kept as it is.  Names are compared without spaces and brackets of years."""
    def bare(t: str) -> str:
        return _TITLE_BRACKET_RE.sub("", re.sub(r"\s+", "", t))
    names = [m.group(1).strip() for m in _HANDED_ON_RE.finditer(notice)]
    others = [n for n in names if bare(n) != bare(named)]
    return others[0] if len(names) >= 2 and len(others) == len(names) - 1 else None


def division_cites(titles: list[str]) -> list[str]:
    """How each of the documents one file holds is cited before its labels: the kind its title ends with (若干政策,
    行动计划 — documents.yaml), or its whole title in book-title marks when its kind is none of those or another
    document of the file has the same kind (two 实施方案)."""
    kinds = division_kinds()
    found = []
    for title in titles:
        bare = _TITLE_BRACKET_RE.sub("", title.strip().strip("《》"))
        found.append(next((k for k in kinds if bare.endswith(k)), None))
    return [k if k and found.count(k) == 1 else f"《{t.strip().strip('《》')}》" for k, t in zip(found, titles)]


def opens_document(body: list[str], at: int, numeral: str) -> bool:
    """True when ``body[at]`` opens a second document of the file: a title line (is_title: short, ends with a kind of
    document, no sentence mark), one to three paragraphs of preamble (为…，制定本行动计划。), then a part heading 一、
    while the document read so far has reached part 二 or later (``numeral``).  Never after a signature and date (what
    follows a notice's signature is the plan it hands on, read as its cover or its body), never a line that is a
    heading, an item, an annex caption or a date; a title-like line with no part 一、 after its preamble (专栏, 清单
    inside the plan) and a restart at 一、 with no title line before it open nothing."""
    p = body[at].strip()
    glued = glued_title(p) if not is_title(p) else None
    if (numeral_value(numeral) < 2 or not (is_title(p) or glued) or PART_RE.match(p) or SECTION_RE.match(p)
            or ITEM_RE.match(p) or annex_caption(p) or WHOLE_DATE_RE.search(p) or (at and _is_signing(body[at - 1]))):
        return False
    if glued:  # (its preamble is in the line: the part 一、 comes right after it)
        q = body[at + 1].strip() if at + 1 < len(body) else ""
        m = PART_RE.match(q) if (PART_RE.match(q) and len(q) <= 30 and "。" not in q[:-1]) else PART_INLINE_RE.match(q)
        return m is not None and m.group(1) == "一"
    j = at + 1
    while j < len(body) and j - at <= 3:
        q = body[j].strip()
        if PART_RE.match(q) and len(q) <= 30 and "。" not in q[:-1] or PART_INLINE_RE.match(q):
            m = PART_RE.match(q)
            return j > at + 1 and m is not None and m.group(1) == "一"
        if (m := TOP_ITEM_RE.match(q)) and m.group(1) == "一" and j > at + 1:
            # a document of long items (若干措施: 一、完善…，对…给予补助。（X牵头） 二、… 三、…) after its title and preamble
            return _top_items(body[j:])
        if SECTION_RE.match(q) or ITEM_RE.match(q) or is_title(q) or annex_caption(q) or PART_RE.match(q):
            return False
        j += 1
    return False


def _cite_first(cite: str, parts: list, sections: list, blocks: list[Block], *keyed: dict) -> None:
    """The first document of a file found to hold several: its parts, sections and blocks read so far take its cite
    (``一`` → ``若干政策一``; the paragraphs before its first part take the cite alone), as the keys of ``keyed``
    (heading tags, section lines, duty heads by part or section label)."""
    parts[:] = [(cite + n, t) for n, t in parts]
    sections[:] = [(cite + label, t) for label, t in sections]
    for b in blocks:
        b.part = cite + b.part
        b.section = cite + b.section if b.section else b.section
    for mapping in keyed:
        items = list(mapping.items())
        mapping.clear()
        mapping.update((cite + k, v) for k, v in items)


def _next_part_heading(m: re.Match, p: str, parts: list[tuple[str, str]], cite: str, after: list[str]) -> bool:
    """A part heading longer than 30 characters (四、深入推进“标准化+负面清单”管理模式改革创新试点工作打造全省一流营商环境,
    五、实施企业经营范围“标准化+负面清单”管理，降低制度性交易成本), proved by the numbering: its numeral is the next after
    the last part read, and either it holds no sentence mark (，。；： before its end), is at most 60 characters and the
    next line opens the part's items or sections (1. / （一）), or it has the shape of a heading of one or two clauses
    (cleanup.part_heading_shape: one comma at most, no end mark, no word waiting for more) and something other than a
    part follows it (its paragraph, label lines, items)."""
    if not parts or not after:
        return False
    last = parts[-1][0][len(cite):]
    if numeral_value(m.group(1)) != numeral_value(last) + 1:
        return False
    nxt = after[0].strip()
    if len(p) <= 60 and not any(c in p[:-1] for c in "。，,；;：:！？"):
        if ITEM_RE.match(nxt) or SECTION_RE.match(nxt):
            return True
    return part_heading_shape(p) == numeral_value(m.group(1)) and not PART_RE.match(nxt)


def _top_items(body: list[str]) -> bool:
    """True when the plan numbers its measures at the top level in long paragraphs (``一、…，…。（负责部门：…）``) and
    writes no part heading: three or more such paragraphs numbered 一, 二, 三 … in order, no line a part heading
    (``一、总体要求``) or an inline one (``一、指导思想。以…``)."""
    numbers, last = [], ""
    for at, p in enumerate(body):
        if annex_caption(p) and numbers:
            break
        if len(numbers) >= 2 and opens_document(body, at, last):
            break  # a second document of the file opens (its title, preamble, 一、总体要求): its headings are its own
        if PART_RE.match(p) and len(p) <= 30 and "。" not in p[:-1] or PART_INLINE_RE.match(p):
            return False
        if m := TOP_ITEM_RE.match(p):
            numbers.append(numeral_value(m.group(1)))
            last = m.group(1)
    return len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1))


def _one_line_parts(blocks: list[Block], parts: list[tuple[str, str]], sections: list[tuple[str, str]],
                    part_lines: dict[str, tuple[str, str | None]], annexes: list[tuple[str, str]],
                    heading_tags: dict[str, str]) -> None:
    """A part written as ONE task (工作要点: ``一、加快政务服务中心建设。由市发展改革委牵头，市财政局配合。``; ``二、优化企业开办
    服务（市市场监管局牵头）``; ``三、深化审批制度改革。`` / ``牵头单位：市住房城乡建设局``): a part with no section whose
    heading is the work itself.  Its heading is its task's title and stays in its text (the text held only
    ``由市发展改革委牵头…``, so an answer listed no work, and a heading with its tag and no body made no task at all).

    * an inline heading over the part's only paragraph: the block's title is the heading, its text the line as written
      after the numeral (``加快政务服务中心建设。由市发展改革委牵头…``);
    * a heading line with no paragraph under it (the next line opens the next part, or a label line / a tag alone
      follows it, naming units: ``_names_roles``): the heading line becomes the part's first block — a
      title with a tag (``优化企业开办服务（市市场监管局牵头）``) is read as a tagged item, a label line under it closes it.

    * a line with nothing under it that reads as work, not as a title (``_reads_as_work``: ``二、加快…建设，年底前完成。``),
      or one unit's duties (``duty_item``: ``二、市财政局：负责落实创建资金。`` — its unit its doer, no title): each such
      line is its part's task (30 characters or fewer, the lines were read as headings and the plan had no task at all).
      A list of titles alone (``一、优化营商环境`` / ``二、扩大有效投资``) stays headings: a contents list, or the headings
      over a task table.

    A title alone with nothing under it (a contents line) makes no task; a part with sections, or with paragraphs of
    its own under a heading line (``一、总体要求`` / ``以…为指导``), is as before: its heading titles its paragraphs; and a
    heading that names units (``一、市发改委：负责…``) names the doer of its paragraph, not the work (read as a duty)."""
    from kb.parser.roles import load_vocabulary, names_units

    vocab = load_vocabulary()
    annexed = {cite for cite, _ in annexes}
    sectioned = {label for label, _ in sections}
    held: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        held.setdefault(b.part, []).append(i)
    inserts: list[tuple[int, Block]] = []
    for numeral, title in parts:
        line = part_lines.get(numeral)
        if line is None or numeral in annexed or any(label.startswith(numeral + "（") for label in sectioned):
            continue
        own = held.get(numeral, [])
        heading, inline = line
        if inline is not None:
            if names_units(title.rstrip("。：:")):
                continue  # 一、市发改委：负责… — the heading names the doer, not the work (G: the paragraph is its duty)
            if len(own) == 1 and blocks[own[0]].text.startswith(inline[:10]) and blocks[own[0]].section is None:
                b = blocks[own[0]]
                b.text, b.title = heading + b.text, title.rstrip("。")
            continue
        first = blocks[own[0]].text.strip() if own else ""
        doer = not own and duty_item(heading)
        if own and not _names_roles(first, vocab):
            continue  # (三、实施步骤 / 完成时限：2026年1月: a time line names no doer — no item above it, as before)
        if own and any(not _label_only(blocks[k].text, vocab) for k in own[1:]):
            continue  # (一、重点任务 / （X牵头，Y配合。以下均需Z配合） / 1.… 2.…: a tag over items is the heading's, for them)
        if not own and not (numeral in heading_tags or doer or _reads_as_work(heading)):
            continue  # (a title alone: 一、总体要求 over nothing, 二、重点任务。 over a task table, a contents line)
        at = own[0] if own else _part_slot(blocks, parts, numeral, annexed)
        # (二、市财政局：负责落实创建资金。 names its doer first: no title — an answer shows its words)
        inserts.append((at, Block(numeral, title, None, None, None, "paragraph", heading, None if doer else title.rstrip("。"))))
    for _, at, block in sorted(((k, at, b) for k, (at, b) in enumerate(inserts)), key=lambda x: (x[1], x[0]), reverse=True):
        blocks.insert(at, block)  # (from the end, the later of two at one place first: the parts stay in order)


def _reads_as_work(heading: str) -> bool:
    """A part's line with nothing under it that reads as a sentence of work, not a title: it holds a clause mark
    (``加快政务服务中心建设，年底前完成主体工程。``) — a title is a phrase, with or without its full stop (``总体要求``,
    ``二、重点任务。`` over a task table: the table's rows are read apart, the heading is no task of its own)."""
    h = heading.strip()
    return any(c in h[:-1] for c in "，,；;")


def _label_only(line: str, vocab) -> bool:
    """A line that only labels the task above it (牵头单位：X, 完成时限：…, a tag alone): no work of its own."""
    from kb.parser.roles import is_label_line

    return is_label_line(line, vocab) or _names_roles(line, vocab)


def _names_roles(line: str, vocab) -> bool:
    """A label line (roles.is_label_line: 牵头单位：X, （责任单位：Y）) or a tag alone on its line (（X牵头，Y配合）) that
    names units in a role — not a time line alone (完成时限：…), not a paragraph."""
    from kb.parser.roles import is_label_line, parse_tag_content
    from kb.registry import EMPTY

    inner = line.strip().rstrip("。；;")
    bracketed = inner[:1] in "（(【[" and inner[-1:] in "）)】]" and not any(c in inner[1:-1] for c in "（(）)【】[]")
    if not (bracketed or is_label_line(line, vocab)):
        return False
    return parse_tag_content(inner[1:-1] if bracketed else inner, EMPTY, vocab).has_roles


def _part_slot(blocks: list[Block], parts: list[tuple[str, str]], numeral: str, annexed: set[str]) -> int:
    """Where a block of part ``numeral`` (which holds none yet) goes: before the first block of a later part (or of an
    annex, or the closing words), else after the blocks read."""
    later = {n for n, _ in parts[[n for n, _ in parts].index(numeral) + 1:]} | annexed
    return next((i for i, b in enumerate(blocks) if b.part in later or b.part == CLOSING_PART), len(blocks))


def _close_item_parts(blocks: list[Block], parts: list[tuple[str, str]], sections: list[tuple[str, str]],
                      annexes: list[tuple[str, str]]) -> bool:
    """Whether the plan's parts are its items (``Outline.item_parts``); if so, the unmarked paragraphs after the last
    item's own paragraph go to the plan's closing words (``CLOSING_PART``).

    The parts are items when there are three or more, no sections, and every part but the last holds exactly one
    paragraph (its measure: ``三、推进离岸贸易发展，…`` or an inline heading ``三、推进离岸贸易发展。支持…``).  The
    paragraphs after the last measure with no marker of their own (各有关部门要…, 各片区管委会要…, 本措施自印发之日起施行)
    are then no paragraphs of that measure: left there, they made the last measure ``十二1`` and every numbered lookup
    count them as items.  A paragraph opening with a number or a bracket (a tag line) right after the measure stays
    with it; from the first unmarked paragraph on, the rest closes the plan."""
    if len(parts) < 3 or sections:
        return False
    body = [b for b in blocks if b.part and b.part not in {cite for cite, _ in annexes}]
    held: dict[str, list[Block]] = {}
    for b in body:
        held.setdefault(b.part, []).append(b)
    numerals = [n for n, _ in parts]
    if any(len(held.get(n, [])) != 1 for n in numerals[:-1]) or not held.get(numerals[-1]):
        return False
    closing = False
    for b in held[numerals[-1]][1:]:
        closing = closing or not (ITEM_RE.match(b.text) or b.text[:1] in "（(【[" or SUBITEM_RE.match(b.text))
        if closing:
            b.part, b.part_title = CLOSING_PART, ""
    return True


def _is_duty_part(part_title: str) -> bool:
    from kb.parser.roles import load_vocabulary

    return bool(load_vocabulary().duty_part_re.search(part_title))


def _duty_head(section_text: str) -> str | None:
    """G: the units heading a section of a duty part: the whole short heading (区建管委), or the words before
    its first colon (区发展改革委：负责…); None when they name no unit."""
    from kb.parser.roles import names_units

    text = section_text.strip()
    head = re.split(r"[：:]", text, maxsplit=1)[0] if re.search(r"[：:]", text[:41]) else text.rstrip("。")
    return head if names_units(head) else None


def _own_duties_head(section_text: str) -> str | None:
    """A heading naming whose duties follow (``市财政局的职责``, ``区教育局主要职责``: ``duty_heading_words``): the units,
    or None when the words before name no unit (``主要职责`` alone, ``明确工作职责``)."""
    from kb.parser.roles import load_vocabulary, names_units

    m = load_vocabulary().duty_heading.match(section_text.strip())
    if m is None:
        return None
    units = m.group("units")
    for word in ("主要", "工作"):  # (区教育局主要职责: 主要 is no part of the name)
        units = units.removesuffix(word)
    vocab = load_vocabulary()
    if all(vocab.generic.search(n) for n in units.split("、") if n):
        # （一）各成员单位职责 / 成员单位职责 over 市水务局：负责… lines: a group names no doer — each line names its own
        # (every line was given to 各成员单位, the unit it names lost)
        return None
    return units if names_units(units) else None


def split_heading_tag(line: str) -> tuple[str, str | None]:
    """F: ``一、加快调整能源结构（省发改委总牵头）`` → (``一、加快调整能源结构``, ``（省发改委总牵头）``).

    Only a short heading line (part or section, ≤ 60 characters, no full stop before the
    bracket) ending in a bracket whose content closes with a role word is split."""
    if len(line) > 60 or line[-1:] not in "）)" or not (PART_RE.match(line) or SECTION_RE.match(line)):
        return line, None
    depth = 0
    for i in range(len(line) - 1, -1, -1):
        c = line[i]
        if c in "）)":
            depth += 1
        elif c in "（(":
            depth -= 1
            if depth == 0:
                break
    else:
        return line, None
    head, tag = line[:i], line[i:]
    if i == 0 or "。" in head or len(head) < 3:
        return line, None
    from kb.parser.roles import load_vocabulary

    vocab = load_vocabulary()
    if not (vocab.role_end.search(tag[1:-1]) or vocab.label_re.search(tag[1:-1])):
        return line, None
    return head.rstrip("。：:"), tag
