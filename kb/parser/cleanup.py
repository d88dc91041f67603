"""Cleanup: raw plan text (with its PDF debris) → one paragraph per line.

Each rule is a small function over the state's lines; ``CLEANUP_RULES`` is their
order.  What the rules undo, as seen in plans copied from web pages and PDFs:

* editor page-break markers (``_ueditor_page_break_tag_``), also stuck to headings;
* a rendition flattened onto one line, paragraphs separated by runs of spaces;
* text broken into fragments, one per line, often with blank lines between them
  (numbers, percentages, units and Latin tokens cut off: ``2020`` / ``年，``);
* spaces put between CJK characters and between CJK and digits (``到 2020 年``);
* the same paragraphs repeated by several renditions of the text.

``clean`` is idempotent: ``clean(clean(x)) == clean(x)``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from kb.annexes import AnnexPattern
from kb.numerals import chinese_number, cn_number

#: Markers that editors leave in exported text.
PAGE_BREAK_RE = re.compile(r"_ueditor_page_break_tag_|\f")

#: Two or more spaces inside a line separate paragraphs of a flattened rendition.
PARAGRAPH_GAP_RE = re.compile(r"[ \u3000\u00a0]{2,}")

#: A character of CJK script or full-width punctuation (spaces next to these are debris).
_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7《》〔〕"
CJK_SPACE_RE = re.compile(rf"(?<=[{_CJK}])[ \u3000\u00a0\t]+|[ \u3000\u00a0\t]+(?=[{_CJK}])")
#: Space between a number and a per-cent sign or similar unit mark (``27.9 %``).
NUMBER_SPACE_RE = re.compile(r"(?<=\d)[ \t]+(?=[%‰℃])")

#: Headings: 一、…  （一）…  1.… — a paragraph never continues across one.
PART_HEADING_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、")
SECTION_HEADING_RE = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")
NUMBERED_ITEM_RE = re.compile(r"^\d{1,2}[.．、](?!\d)")
#: A decimal-numbered heading or clause (``2.1.3 国家粮食应急工作指挥部成员单位职责``, ``4.3.2 省级…``: 预案 and
#: 办法 number their sections so): it starts a paragraph; ``1.5亿元`` / ``2.5倍`` are amounts, not numbers.
DECIMAL_ITEM_RE = re.compile(r"^\d{1,2}(?:[.．]\d{1,2}){1,3}\s*(?![\d.．%‰倍亿万千百元个年月日项])\S")
#: A short decimal- or number-headed heading line with no punctuation (``1 总则``, ``3.2 应急报告``) stands alone.
#: An article's heading of a 办法/实施意见 written by articles, alone on its line (``第五条 管理部门``): it stands alone,
#: never glued to the article's first paragraph (``第五条管理部门区绿化市容局负责…`` made the unit 管理部门区绿化市容局).
ARTICLE_HEADING_RE = re.compile(r"^第[一二三四五六七八九十百零〇]{1,5}条\s*[\u4e00-\u9fff][^。！？；：，,!?;:（(]{1,16}$")
#: A regulation's chapter heading alone on its line (``第二章 服务设施``, ``第三节 监督管理``): it stands alone, never glued
#: to the next article (``第二章服务设施第九条…``); and an article (``第九条 …``) opens a paragraph — not ``第九条的规定``
#: / ``第九条、第十条``, a citation a wrapped line may open with.
CHAPTER_HEADING_RE = re.compile(r"^第[一二三四五六七八九十百零〇]{1,5}[章节]\s*[\u4e00-\u9fff][^。！？；：，,!?;:]{0,24}$")
ARTICLE_START_RE = re.compile(r"^第[一二三四五六七八九十百零〇]{1,5}条(?![的规之中所第、，,和及或至])")
DECIMAL_HEADING_RE = re.compile(r"^\d{1,2}(?:[.．]\d{1,2}){0,3}\s*(?![\d.．%‰倍亿万千百元个年月日项])[\u4e00-\u9fff][^。！？；：，,!?;:]{1,24}$")

#: Names of documents: a line ending so (and short) is a title, complete in itself; a title
#: may stand in book-title marks (《…实施细则》) and may be a 若干政策/若干措施 document or a 预案 (上海市崇明区处置燃气事故
#: 应急预案 after its cover's date: glued to its 1 总则 / 1.1 编制目的 and the first paragraph, all read as its title).
TITLE_END_RE = re.compile(
    r"(方案|计划|规划|意见|通知|办法|细则|要点|清单|决定|纲要|任务分解|责任分解|分工|若干政策|若干措施|若干举措|预案)"
    r"([（(][^）)]{1,20}[）)])?》?$"
    # a regulation's own title line (某市养老服务条例, no book-title marks): not 本条例, nor a title citing one (关于贯彻
    # 《上海市生活垃圾管理条例》 / 推进…实施方案 is one title over two lines)
    r"|(?<![本该])条例$")

#: Cell separators of a table row written as one line (kb/parser/tables.py keeps rows of
#: tables that are not task tables so; web pages flatten tables to ``|``-joined rows): such a
#: row is never joined to the lines around it.
TABLE_ROW_MARKS = "｜|"

#: Punctuation that ends a paragraph.
TERMINAL = "。！？；：!?;:…"


#: A document number on its own line (国发〔2019〕3号, 沪府办发〔2024〕3号, 宝府办〔2021〕42号).
#: (never opening with 号: ``文    号 蔡政办〔2023〕1号``, a page's key spelled with spaces, split at its spaces left
#: ``号蔡政办〔2023〕1号`` — read as a number line of its own, the 文号 an official copies opened with 号; session 17)
DOCUMENT_NUMBER_RE = re.compile(r"^(?!号)[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,4}号$")
#: A document number opening a line with more text after it (国办函〔2005〕57号各省、自治区…: a PDF's text ran the
#: number into the addressees' line).
DOCUMENT_NUMBER_START_RE = re.compile(r"^(?!号)[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,4}号(?=\S)")
#: Lines at the top of a text where a document number may stand (over the title, the addressees).
_DOCUMENT_NUMBER_LINES = 12

#: A sub-item marker (（1）, (2), ①): in printed lines it opens a paragraph like an item label (and so does a
#: dash item ——加强…).
SUB_ITEM_RE = re.compile(r"^(?:[（(]\d{1,2}[)）]|[①-⑳])")


@functools.lru_cache(maxsize=1)
def _page_metadata_re() -> re.Pattern:
    from kb.ingest.vocab import load_vocabulary

    labels = "|".join(map(re.escape, load_vocabulary().page_metadata_labels))
    return re.compile(rf"^(?:{labels})[ \u3000]*[：:]")


def is_page_metadata(line: str) -> bool:
    """True for a line of a web page's fields about the article, copied with its text (``文章来源：广州市农业局科教处
    发布时间：2013-10-05``, ``发布人:春秋智谷 / 发布时间:2017-11-24 10:12:15``): it opens with a label of
    ``page_metadata_labels`` (kb/data/ingest.yaml) and a colon and holds no sentence mark.  It is no paragraph of the
    plan: it is never joined to the lines around it (it was glued to the opening paragraph) and the outline puts it
    in the document's preface."""
    s = line.strip()
    if not s or len(s) > 120 or any(c in s for c in "。；;！？"):
        return False
    return bool(_page_metadata_re().match(s))


def is_heading(line: str) -> bool:
    """True if ``line`` starts a part, a section or a numbered item."""
    return bool(PART_HEADING_RE.match(line) or SECTION_HEADING_RE.match(line) or NUMBERED_ITEM_RE.match(line))


def is_title(line: str) -> bool:
    """True if ``line`` looks like the name of a document on its own line."""
    return len(line) <= 60 and bool(TITLE_END_RE.search(line)) and not any(p in line for p in "。，；")


def ends_paragraph(line: str) -> bool:
    """True if ``line`` can be the end of a paragraph.

    A closing bracket ends one only when its group stands after the end of a
    sentence: a tag ``…。（市X局牵头）`` closes a task, while ``（GDP）`` or a
    lone ``）`` closes a bracket inside a sentence.
    """
    if not line:
        return True
    last = line[-1]
    if last in TERMINAL:
        return True
    if last in "”’":
        return len(line) > 1 and line[-2] in TERMINAL
    if last in "）)〕】":
        start = group_start(line)
        return start is not None and (start == 0 or line[start - 1] in TERMINAL)
    return _ends_unclosed_tag(line)


def _ends_unclosed_tag(line: str) -> bool:
    """True for a line ending inside a bracket with a role word (a tag missing its closing bracket).

    Such a paragraph is left alone so that the roles rule can report the
    unclosed tag instead of swallowing the next paragraph into it.
    """
    from kb.parser.roles import load_vocabulary

    opened = max(line.rfind(c) for c in "（(〔")
    if opened < 0 or any(c in line[opened:] for c in "）)〕"):
        return False
    return any(line.endswith(word) for word, _ in load_vocabulary().role_words)


def _is_label_line(line: str) -> bool:
    """A line opening with a responsibility label (牵头单位：…) stands alone (dialect C)."""
    from kb.parser.roles import is_label_line

    return is_label_line(line)


def _is_shape_label_line(line: str) -> bool:
    """A line opening with a label known by its shape (工作要求：…): a line of its own after a label line."""
    from kb.parser.roles import is_shape_label_line

    return is_shape_label_line(line)


def group_start(text: str) -> int | None:
    """Index of the bracket that opens the group closed by ``text``'s last character."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        c = text[i]
        if c in "）)〕】":
            depth += 1
        elif c in "（(〔【":
            depth -= 1
            if depth == 0:
                return i
    return None


#: An annex's caption line: 附件 / 附件2 / 附表1 / 附录 (a caption word of tables.yaml annex_words), alone or with a
#: short title and no sentence mark (附件2 某市…任务分工表).
ANNEX_CAPTION_LINE_RE = AnnexPattern(r"^{annex_word}\s*[0-9０-９一二三四五六七八九十]{0,3}\s*(?:[:：]\s*)?(?:[^。；;，,！？：:]{0,40})$")
#: A caption line with nothing after its number (附件 / 附件2 / 附表一): the annex's title is the next line, kept apart —
#: joined, ``附件`` + ``三级公立医院绩效考核指标`` read as 附件三 titled 级公立医院… (holdout11).
BARE_ANNEX_CAPTION_RE = AnnexPattern(r"^{annex_word}\s*[0-9０-９一二三四五六七八九十]{0,3}\s*$")

#: A whole date as plans write it, in digits or Chinese numerals (2018年12月21日, 二〇二三年五月十日: the usual form of a
#: signature) — the one definition of cleanup's signature lines, structure's closing rules and the publication-date answer.
WHOLE_DATE = (r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,2}月"
              r"[0-9一二三四五六七八九十]{1,3}日")
#: A publication note after the signature (（此件公开发布）, (此件主动公开)).
PUBLICATION_NOTE = r"[（(]此件[^（）()]{1,12}[)）]"
#: The head of the notes under an annex's table (注：, 备注：): it opens a paragraph, never the rest of the line before.
NOTES_HEAD = r"(?:注|备注)\s*[:：]"
_NOTES_HEAD_LINE_RE = re.compile(rf"^{NOTES_HEAD}")
#: A line that is the signing date alone (with 印发 or the publication note after it).
_SIGNING_DATE_LINE_RE = re.compile(rf"^{WHOLE_DATE}(?:印发)?\s*(?:{PUBLICATION_NOTE})?$")
#: A line that may follow a signing date in a document's closing: the note, 抄送/主送/印发 lines, another date-印发 line.
_AFTER_SIGNING_RE = re.compile(rf"^(?:{PUBLICATION_NOTE}|(?:抄送|主送|印发)[：:]|[^。；;，,！？]{{0,40}}{WHOLE_DATE}印发$|{NOTES_HEAD})")
#: A routing line of a document's closing: 抄送/主送/印发：…, or the issuing office and date with 印发.
_ROUTING_LINE_RE = re.compile(rf"^(?:(?:抄送|主送|印发)[：:]|[^。；;，,！？]{{0,40}}{WHOLE_DATE}印发$)")
#: Marks no signature line holds (a sentence's, a label's).
_NOT_IN_SIGNATURE = "。；;，,！？：:"


#: A section number alone on its line (（十二）): its title is on the next line.
_BARE_SECTION_RE = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]$")
#: Column words this long or longer are a table's header cell when a line is one alone (shorter ones — 任务, 目标 — may
#: be a wrapped sentence's last word).
_COLUMN_WORD_MIN = 4


def is_column_word(line: str) -> bool:
    """A line that is one column word of a task table's header (kb/data/tables.yaml columns: 一级指标, 指标性质, 牵头单位),
    four characters or more: a header cell laid out one a line."""
    text = line.strip()
    if len(text) < _COLUMN_WORD_MIN or len(text) > 8:
        return False
    words, endings = _column_words()
    # (指标说明, 事项内容: a column word and a description ending — the item's description column)
    return text in words or any(text.endswith(e) and text[: -len(e)] in words for e in endings)


@functools.lru_cache(maxsize=1)
def _column_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """tables.yaml's column words and description endings, read once: ``is_column_word`` runs on every pair of lines
    ``continues`` looks at (the set was built again at each call)."""
    from kb.parser.tables import _exact_words, load_vocabulary

    vocab = load_vocabulary()
    return _exact_words(vocab), vocab.description_endings


def continues(previous: str, line: str) -> bool:
    """True if ``line`` is a fragment of the same paragraph as ``previous``."""
    if not previous or not line:
        return False
    if is_page_metadata(previous) or is_page_metadata(line):
        return False
    if any(m in previous or m in line for m in TABLE_ROW_MARKS):
        return False
    if ANNEX_CAPTION_LINE_RE.match(line):
        return False  # 附件1 / 附件2 某市…分工表 opens an annex: never the rest of an attachments list or a signature
    if DOCUMENT_NUMBER_RE.match(previous.strip()) or DOCUMENT_NUMBER_RE.match(line.strip()):
        return False  # a document number stands on its own line (岚综管综〔2017〕175号 / 某某管委会 / 关于…): glued to the
        # title's first lines, it kept them out of the title (join_split_title joins no line holding 〔〕)
    if _NOTES_HEAD_LINE_RE.match(line):
        return False  # 注：1.… under a table: the notes open their own paragraph (not the signing date's rest)
    if is_column_word(line) or is_column_word(previous):
        return False  # 一级指标 / 二级指标 …: a table's header cells one a line, never glued to its title or to each other
    if _BARE_SECTION_RE.match(previous) and len(line) <= 12 and not is_heading(line):
        return True  # （十二） / 信用建设: a table's category cell the page broke after its number
    if BARE_ANNEX_CAPTION_RE.match(previous):
        return False  # 附件 / 附件2 alone: its title line stands apart (附件 + 三级… is no 附件三)
    if line[0] in _load_line_start_marks() and not PAGE_FOOTER_RE.match(line):
        return True  # a line opening with ，、。；） is the rest of a sentence (text copied out of a PDF: 试点 / ，制定本方案。)
    if is_heading(line) or is_title(previous) or is_title(line) or _is_label_line(line):
        return False
    if _next_sibling(previous, line):
        return False  # （1）扩大有效投资 / （2）促进消费升级…: a title line with no end, then the next item of its numbering
    if phase_line(line):
        return False  # 第二阶段：2025年6月底前 under a label line without a full stop (责任单位：X) opens its own paragraph
    if _is_label_line(previous) and previous.rstrip()[-1:] in "：:":
        return True  # 牵头单位： / 市政务服务中心: a label alone on its line, its value on the next
    if _is_label_line(previous) and (SUB_ITEM_RE.match(line) or _is_shape_label_line(line)):
        return False  # a label's units never run on into the next sub-item ((2)…) or label (工作要求：…) of the block
    if _is_label_line(previous) and sub_duty_line(line):
        return False  # 责任单位：A、B、C / 其中，C负责…: the list ends (joined, its last name read 市司法局其中 and was dropped)
    if SUB_ITEM_RE.match(line) and is_heading(previous):
        return False  # 3、加强市容环境整治 / (1)整治占道经营…: a sub-item opens a paragraph under its item's title
    if numbered_title_line(previous, line):
        return False  # 1. 约束性指标的责任部门 / 单位地区生产总值…。(X牵头): a title line over what follows, no wrapped half
    if is_heading(previous) and not is_heading(join_fragment(previous, line)):
        return False  # 2. + 2 → 2.2 would stop being an item, and a second cleanup would read it otherwise
    if DECIMAL_ITEM_RE.match(line) or DECIMAL_HEADING_RE.match(previous) or ARTICLE_HEADING_RE.match(previous):
        return False
    if CHAPTER_HEADING_RE.match(previous) or CHAPTER_HEADING_RE.match(line) or ARTICLE_START_RE.match(line):
        return False
    if _heading_wrapped(previous, line):
        return True
    # A short heading line stands alone even without a full stop (（一）优化产业结构).
    if PART_HEADING_RE.match(previous) and len(previous) <= 30:
        return False
    if SECTION_HEADING_RE.match(previous) and (ends_paragraph(previous) or len(previous) <= 40):
        return False
    if phase_line(previous):
        return False  # 第一阶段：2024年底前 / 1.试点阶段（2024年底前） over its items: a heading, whose limit is theirs
    return not ends_paragraph(previous)


#: A phase line is this short at most; it holds none of these marks (a sentence's).
_PHASE_MAX, _PHASE_BREAKS = 30, frozenset("，,。；;、！？!?")


@functools.lru_cache(maxsize=1)
def _phase_word_re() -> re.Pattern:
    """A phase line's opening up to its colon (``第一阶段：``, ``1.试点阶段：``): a word of kb/data/structure.yaml
    ``phase_words``, ordinal or named, then a colon."""
    words = "|".join(map(re.escape, sorted(_outline_words()["phase_words"], key=len, reverse=True)))
    return re.compile(rf"^(?:\d{{1,2}}[.．、]\s*)?(?:第[一二三四五六七八九十\d]{{1,3}}(?:{words})|[^：:（(]{{1,12}}(?:{words}))[：:]")


def sub_duty_line(line: str) -> bool:
    """A line saying which of the units just listed does what (``其中，市司法局负责合法性审查。``): it opens with a word of
    kb/data/structure.yaml ``sub_duty_openers``.  After a label line of units it is that label's note — never joined to
    the list (cleanup), read with the label block (kb/parser/core.py ``_label_block_end``), no task of its own."""
    return line.strip().startswith(tuple(_outline_words()["sub_duty_openers"]))


def phase_line(line: str) -> bool:
    """A heading line naming a phase and its limit (``第一阶段：2024年底前``, ``1.试点阶段（2024年底前）``, ``（2025年1月—
    2026年6月）`` closing a short line): it stands alone — joined to the item after it, the limit was that item's only and
    never reached the items after (kb/parser/core.py ``rule_heading_deadlines`` gives it to every item under it).  Short,
    no sentence mark or comma, and closed by a bracket holding only a time limit, or a phase word and a colon before a
    limit closing it (a sentence a PDF wrapped at a date, ``各区要在2024年底前``, is neither)."""
    if len(line) > _PHASE_MAX or _PHASE_BREAKS & set(line):
        return False
    from kb.parser.deadlines import heading_limits, tag_time_limits

    if line[-1:] in "）)" and (start := group_start(line)) is not None and start > 0:
        inner = line[start + 1:-1]
        found = tag_time_limits(inner)
        return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(inner)
    m = _phase_word_re().match(line)
    return m is not None and bool(heading_limits(line[m.end():])) and line[m.end():].strip() != ""


#: A heading a PDF wrapped at the line's width leaves a few characters on the next line (石景山 2019 as a
#: mirror serves it: ``一、提高城市基层党建工作水平,加强党对基层治理的全面`` / ``领导``): a long heading line with
#: no end, then a short run of characters with no punctuation, no bracket and no digit, is one heading.
_WRAP_MIN, _WRAP_TAIL = 20, 8
_WRAP_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{1,%d}" % _WRAP_TAIL)


#: A numbered title line's words after its marker: at most this many; only these characters (no sentence mark, no digit).
_TITLE_LINE_MAX = 20
_TITLE_LINE_RE = re.compile(r"[\u4e00-\u9fff“”《》、]{2,%d}" % _TITLE_LINE_MAX)


@functools.lru_cache(maxsize=1)
def _title_line_words() -> tuple[re.Pattern, re.Pattern]:
    """(how no title line ends, what no title line holds): kb/data/structure.yaml ``title_line_not_end`` and
    ``title_line_not_in``."""
    words = _outline_words()
    alt = lambda key: "|".join(map(re.escape, sorted(words[key], key=len, reverse=True)))  # noqa: E731
    return re.compile(f"(?:{alt('title_line_not_end')})$"), re.compile(alt("title_line_not_in"))


def _tagged_statement(line: str) -> bool:
    """True for a line that is a whole statement closed by its responsibility tag (``…左右。(省经贸委牵头)``)."""
    body = line.rstrip().rstrip("。；;")
    return bool(body) and body[-1] in "）)〕】]" and _closes_a_tag(body, len(body) - 1) and ends_paragraph(line.rstrip())


def numbered_title_line(previous: str, line: str) -> bool:
    """True when ``previous`` is a numbered title line with no end standing over ``line`` (``1. 约束性指标的责任部门`` /
    ``单位地区生产总值…。(省经贸委牵头)``, ``1.加强组织领导`` / ``成立…``), not the first half of a wrapped sentence: after its
    marker (1. 1、 1．, a space allowed) 2–20 characters with no sentence mark, digit or bracket, no modal or subject's
    word (``title_line_not_in``: 要, 应 …), not ending on a word that waits for more (``title_line_not_end``: 的, 和, 对,
    a verb awaiting its object), and the next line wider than it (a wrapped line is as wide as the lines after it) and a
    whole statement closed by its tag (``_tagged_statement``).  A title over an untagged body (``1.立项阶段`` / ``政府投资项目，
    建设单位应…``) stays joined as before: split, the title became a paragraph without its body and the body lost the
    item's number (普陀 海绵 2025, 杨浦 2024), and ``1、…事宜`` / ``由X负责，…`` is one sentence cut by a line break (兰州)."""
    m = NUMBERED_ITEM_RE.match(previous)
    if m is None:
        return False
    rest = previous[m.end():].strip()
    if not _TITLE_LINE_RE.fullmatch(rest) or printed_cells(line) <= printed_cells(previous) or not _tagged_statement(line):
        return False
    not_end, not_in = _title_line_words()
    return not not_end.search(rest) and not not_in.search(rest)


def _heading_wrapped(previous: str, line: str) -> bool:
    return (len(previous) >= _WRAP_MIN and bool(PART_HEADING_RE.match(previous) or SECTION_HEADING_RE.match(previous))
            and previous[-1] not in TERMINAL + "）)〕】”’" and _WRAP_TAIL_RE.fullmatch(line) is not None)


#: The markers an item line opens with besides 1. 一、 （一） (``is_heading``), each with its number: （1） (1) 1） 1) ① 一是 一）.
_SIBLING_MARKERS = (
    re.compile(r"^[（(](\d{1,2})[)）]"),
    re.compile(r"^(\d{1,2})[)）]"),
    re.compile(r"^([①-⑳])"),
    re.compile(r"^([一二三四五六七八九十]{1,3})是"),
    re.compile(r"^([一二三四五六七八九十]{1,3})[)）]"),
)


def _marker_number(text: str) -> int:
    if "①" <= text <= "⑳":  # (before isdigit: ② is a digit to Python, not to int())
        return ord(text) - ord("①") + 1
    if text.isascii() and text.isdigit():
        return int(text)
    return _cn_number(text)


def _next_sibling(previous: str, line: str) -> bool:
    """True when ``line`` opens the item after the one ``previous`` opens, in the same numbering (（1） then （2）,
    ① then ②, 一是 then 二是): two items, whatever ``previous`` ends with — a title line alone has no end."""
    for marker in _SIBLING_MARKERS:
        a, b = marker.match(previous.lstrip()), marker.match(line.lstrip())
        if a and b:
            return _marker_number(b.group(1)) == _marker_number(a.group(1)) + 1
    return False


def join_fragment(previous: str, line: str) -> str:
    """Join two fragments; Latin words keep a space between them."""
    if previous[-1:].isascii() and previous[-1:].isalpha() and line[:1].isascii() and line[:1].isalpha():
        return f"{previous} {line}"
    return previous + line


#: Pinyin glosses a mirror site puts after characters (建設(shè)廳, 責(zé)任單位, 歡(huan)迎; dialects.md §4):
#: a bracket holding one pinyin syllable, tone-marked or plain, right after a CJK character.
_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")
_SYLLABLE_RE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|üe|ve"
    r"|ui|un|ün|vn|uo|a|e|i|o|u|ü|v)")
_GLOSS_RE = re.compile(r"(?<=[\u3400-\u9fff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）]")


#: A page number that a PDF's text layer left on a line of its own when the page was copied to a web
#: page (— 2 —, - 3 -, — — — 3 —, · 23 ·, 第2页, 第 2 页 共 10 页): decorated on both sides, so a bare number
#: (a fragment cut off its 年: 2020 / 年，) is never one.
_DASHES = r"[\-—–－―─·•‧・]"
PAGE_FOOTER_RE = re.compile(
    rf"^\s*(?:{_DASHES}[\s\-—–－―─·•‧・]*\d{{1,4}}\s*{_DASHES}[\s\-—–－―─·•‧・]*"
    rf"|{_DASHES}*\s*第\s*\d{{1,4}}\s*页(?:\s*[，,、/]?\s*共\s*\d{{1,4}}\s*页)?\s*{_DASHES}*)$")


def _is_gloss(word: str) -> bool:
    """One pinyin syllable: tone-marked (gōng, lǐ, ē), or plain of two letters or more (huan, de)."""
    plain = word.translate(_TONES)
    return (plain != word or len(word) > 1) and _SYLLABLE_RE.fullmatch(plain) is not None


# --- rules -------------------------------------------------------------------


def _compatibility_punctuation() -> dict[int, str]:
    """Compatibility forms of punctuation → the form they stand for (NFKC): small forms (``﹒`` U+FE52, ``﹑``
    U+FE51, ``﹕``, ``﹙﹚``), half-width CJK forms (``､`` U+FF64, ``｡``), vertical forms (``︑``) and the one-dot
    leader (``․``).  A word processor's font swap leaves them where the author typed ``1.``/``一、``/``：``; every
    rule downstream (item markers, labels, tag separators) knows the canonical forms only."""
    ranges = [(0xFE10, 0xFE19), (0xFE30, 0xFE4F), (0xFE50, 0xFE6B), (0xFF61, 0xFF65), (0x2024, 0x2024)]
    table = {}
    for a, b in ranges:
        for code in range(a, b + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code) and unicodedata.category(folded)[0] in "PS":
                table[code] = folded
    return table


_COMPATIBILITY_PUNCTUATION = _compatibility_punctuation()


def fold_compatibility_punctuation(lines: list[str]) -> list[str]:
    """Fold compatibility forms of punctuation to the forms they stand for, once, before any rule reads a marker:
    ``1﹒全省生产总值…`` is item 1 as ``1.`` is (安徽 2022 责任分解: items 1–5 were read as one paragraph, and the
    last of their five label lines gave all five its lead).  ``﹒`` inside a figure becomes the decimal point it
    stands for (NFKC).  The forms are the Unicode compatibility blocks, not a list of instances."""
    return [line.translate(_COMPATIBILITY_PUNCTUATION) for line in lines]



def remove_page_breaks(lines: list[str]) -> list[str]:
    """Drop editor page-break markers wherever they stand."""
    return [PAGE_BREAK_RE.sub("", line) for line in lines]


def remove_pinyin_glosses(lines: list[str]) -> list[str]:
    """Drop the pinyin a mirror site glossed characters with (省住房城乡(xiāng)建设(shè)厅 → 省住房城乡建设厅):
    the plan's words are the characters; a gloss inside a label or a name breaks both.  Only a bracket
    holding a single syllable right after a CJK character is one (TB(太字节), (PPP), 公里(km) stay)."""
    return [_GLOSS_RE.sub(lambda m: "" if _is_gloss(m.group(1)) else m.group(0), line) if "(" in line or "（" in line
            else line for line in lines]


#: A decorated page number (- 2 -, — 3 —) glued to the start of a line's text, or to its end after a sentence's end or
#: a closing bracket (…牵头）- 2 -): a PDF's footer run into the line next to it.
_DASH = r"[\-—–－―─]"
_GLUED_FOOTER_START_RE = re.compile(rf"^\s*(?:{_DASH}\s*){{1,3}}\d{{1,3}}\s*(?:{_DASH}\s*){{1,3}}(?=[^\d\s\-—–－―─])")
_GLUED_FOOTER_END_RE = re.compile(rf"(?<=[。；！？）)”])\s*(?:{_DASH}\s*){{1,3}}\d{{1,3}}\s*(?:{_DASH}\s*){{0,3}}$")


def strip_glued_page_number(line: str) -> str:
    """``line`` without a decorated page number glued to its start or end (``—1—《…》…方案``, ``…牵头）- 2 -``)."""
    return _GLUED_FOOTER_END_RE.sub("", _GLUED_FOOTER_START_RE.sub("", line))


def remove_page_footers(lines: list[str]) -> list[str]:
    """Drop page numbers standing on their own line in text copied from a PDF (石景山 2019 on a mirror:
    ``各街道党工委`` / ``— — — 3 —``, 大邑 2021: ``发`` / ``- 2 -`` / ``展能级``): left in, they are glued to
    the paragraph around them and to the last unit of a label line (各街道党工委———3—).  A decorated number glued to a
    line's text (``- 2 -（二）加强…``, ``…牵头）- 2 -``) is dropped from it; bare numbers counting the pages up are
    dropped by ``remove_bare_page_numbers``."""
    out = []
    for line in lines:
        if PAGE_FOOTER_RE.match(line) and line.strip():
            continue
        out.append(strip_glued_page_number(line))
    return out


_BARE_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*$")
#: Lines between two page numbers at least (a printed page holds more); a table's row numbers come closer.
_PAGE_LINES_MIN = 5


def remove_bare_page_numbers(lines: list[str]) -> list[str]:
    """Drop bare page numbers (``2`` alone on its line) of text copied out of a PDF's printed lines (``printed_width``):
    two or more such lines whose numbers count up by one (2, 3, 4 …), each at least ``_PAGE_LINES_MIN`` lines after the
    one before and with text on both sides (never a table's cells one a line: ``table_cell_lines``).  Left in, a page
    number was glued into the sentence the page broke (…自来水普2及率…) or stood as a paragraph of its own."""
    candidates = [i for i, line in enumerate(lines) if _BARE_NUMBER_RE.match(line)]
    if len(candidates) < 2 or printed_width(lines) is None:
        return lines
    cells = table_cell_lines(lines)
    found: set[int] = set()
    run: list[int] = []
    for i in candidates:
        if i in cells:
            continue
        if run and (int(lines[i]) != int(lines[run[-1]]) + 1 or i - run[-1] <= _PAGE_LINES_MIN):
            if len(run) >= 2:
                found.update(run)
            run = []
        run.append(i)
    if len(run) >= 2:
        found.update(run)
    return [line for i, line in enumerate(lines) if i not in found]


#: A site footer's line or field holds no sentence; a field line standing with a footer line is short.
_FOOTER_SENTENCE_RE = re.compile(r"[。！？；;!?]")
_FOOTER_FIELD_CHARS = 80
#: Fields of a site's make-up on one line that make it a footer without an identifier.
_FOOTER_FIELDS_ALONE = 3


@functools.lru_cache(maxsize=1)
def _continuation_re() -> tuple[re.Pattern, re.Pattern]:
    """(a bracketed continuation mark anywhere in a line, a line that is only one): kb/data/structure.yaml
    ``page_continuation_marks``."""
    words = "|".join(map(re.escape, sorted(_outline_words()["page_continuation_marks"], key=len, reverse=True)))
    return (re.compile(rf"[\[【（(〔［]\s*(?:{words})\s*[\]】）)〕］]"),
            re.compile(rf"^\s*[\[【（(〔［]?\s*(?:{words})\s*[\]】）)〕］]?\s*$"))


def remove_page_continuations(lines: list[str]) -> list[str]:
    """Drop the marks a converted PDF leaves where a page breaks (``[接上页]``, ``（续上页）``, ``续表`` alone): page chrome
    left inside a task's text (tagsblind12).  Only bracketed or alone on a line — 继续表彰 keeps its words.  A line left
    empty by the drop goes; a line that was blank stays (a blank line parts paragraphs)."""
    inline, alone = _continuation_re()
    out = []
    for line in lines:
        if alone.match(line) and line.strip():
            continue
        out.append(inline.sub("", line) if ("接" in line or "续" in line or "承" in line) else line)
    return out


def _footer_fields(line: str) -> int:
    """How many of a site footer's fields (``site_footer_fields``) ``line`` names."""
    from kb.ingest.vocab import load_vocabulary

    return sum(1 for spellings in load_vocabulary().site_footer_fields if any(w in line for w in spellings))


def _is_footer_line(line: str) -> bool:
    """A line of a site footer by its make-up: no sentence, and a site identifier (网站标识码, an ICP 备案 number) or
    three of a site's fields together (主办 承办 技术支持)."""
    from kb.ingest.vocab import load_vocabulary

    s = line.strip()
    if not s or _FOOTER_SENTENCE_RE.search(_MARKDOWN_LINK_RE.sub("", s)):
        return False
    return any(p.search(s) for p in load_vocabulary().site_identifiers) or _footer_fields(s) >= _FOOTER_FIELDS_ALONE


#: A markdown link or image (a page saved as markdown): its ! and its URL's ? are no sentence of the footer.
_MARKDOWN_LINK_RE = re.compile(r"!?\[[^\]]*\]\([^)]*\)")


def remove_site_footers(lines: list[str]) -> list[str]:
    """Drop a web page's site footer copied with the article (``主办单位：XX市人民政府办公室 承办：… 网站标识码：…``):
    after the plan's last item it was read as that item's label block, the site's owner its lead (notes-review-diff
    R3).  A footer line (``_is_footer_line``) goes with the short field lines standing next to it (主办单位：X /
    技术支持：Y / 版权所有 …, blank lines aside); a plan's own 主办单位 / 承办单位 lines with no footer line beside
    them stay (an event plan's label block)."""
    footer = [_is_footer_line(line) for line in lines]
    if not any(footer):
        return lines
    field = [bool(line.strip()) and len(line.strip()) <= _FOOTER_FIELD_CHARS and _footer_fields(line) >= 1
             and not _FOOTER_SENTENCE_RE.search(_MARKDOWN_LINK_RE.sub("", line)) for line in lines]
    drop = list(footer)
    for step in (1, -1):  # spread from each footer line over its field lines, both ways, across blank lines
        order = range(len(lines)) if step == 1 else range(len(lines) - 1, -1, -1)
        near = False
        for k in order:
            if drop[k]:
                near = True
            elif not lines[k].strip():
                continue
            elif near and field[k]:
                drop[k] = True
            else:
                near = False
    return [line for line, d in zip(lines, drop) if not d]


_PAIRS = {"）": "（", ")": "(", "〕": "〔", "】": "【", "]": "[", "］": "［"}
_OPEN = frozenset(_PAIRS.values())


def _balanced(text: str) -> bool:
    """Every bracket of ``text`` closed by its own kind, in order."""
    stack = []
    for c in text:
        if c in _OPEN:
            stack.append(c)
        elif c in _PAIRS:
            if not stack or stack.pop() != _PAIRS[c]:
                return False
    return not stack


def mend_doubled_closers(lines: list[str]) -> list[str]:
    """A line closing with two closers of which one closes nothing (``[…以下均需各县(市)区政府落实,不再列出)]``: a tag
    opened with ``[`` and closed by ``)`` then ``]``, 佳木斯 2018) loses the stray one — the one whose removal leaves every
    bracket of the line closed by its own kind; the stray ``]`` was glued to the next paragraph (``]严控地下水超``).
    A line whose brackets balance, or that no single removal mends, stays as written."""
    out = []
    for line in lines:
        s = line.rstrip()
        if len(s) >= 2 and s[-1] in _PAIRS and s[-2] in _PAIRS and not _balanced(s):
            for k in (len(s) - 2, len(s) - 1):
                mended = s[:k] + s[k + 1 :]
                if _balanced(mended):
                    line = mended + line[len(s):]
                    break
        out.append(line)
    return out


#: An item's or sub-item's marker and a short title, without a stop or with its own 。, then a run of spaces
#: (``1.推进厕所革命    全面推进…``, ``1.控制用水总量。   强化…``).
_TITLE_GAP_RE = re.compile(r"^(\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])\s*[^。！？；;：:\s\d][^。！？；;：:\s]{1,24}(?P<stop>。)?)"
                           r"[ \u3000\u00a0]{2,}(?=\S)")
#: How a sentence (or an item closed by its tag) ends.
_SENTENCE_CLOSE = tuple("。！？；;）)〕】]")


def _title_gap_stop(line: str) -> str:
    """A run of spaces between a numbered item's short title and a body that ends as a sentence is the title's end
    (a web page set the title in bold and dropped its stop): ``1.推进厕所革命    全面推进…。`` → ``1.推进厕所革命。全面推进…。``
    (a title that kept its stop is joined as it stands: ``1.控制用水总量。   强化…。``),
    one paragraph whose title is its first sentence — split at the gap, the halves were glued back without a stop and
    the title ran into the body.  A table row flattened with gaps between its cells (no sentence after the gap) stays."""
    m = _TITLE_GAP_RE.match(line)
    if not m:
        return line
    rest = line[m.end():]
    body = PARAGRAPH_GAP_RE.split(rest, maxsplit=1)[0].rstrip()
    if len(body) < 6 or not body.endswith(_SENTENCE_CLOSE):
        return line
    if m.group("stop"):
        # 1.控制用水总量。   强化…。 (佳木斯 2018): the title kept its stop — one paragraph all the same, unless what follows
        # the gap opens a paragraph of its own (a sub-item, the next item, a label line)
        if is_heading(rest) or SUB_ITEM_RE.match(rest) or _is_label_line(rest) or _is_shape_label_line(rest):
            return line
        return m.group(1) + rest
    return m.group(1) + "。" + rest


def split_flattened(lines: list[str]) -> list[str]:
    """Split a rendition flattened onto one line at its runs of spaces — never inside a bracket
    that closes on the same line: two spaces separate the fields of a labelled tag
    (``(牵头单位:市商务局  责任单位:市编办、市发改委)``, dialect B), not paragraphs; nor a line of page metadata
    (``发布人:春秋智谷  /  发布时间:2017-11-24 10:12:15``: one line of fields, kept whole)."""
    out: list[str] = []
    for line in lines:
        line = _title_gap_stop(line)
        if not PARAGRAPH_GAP_RE.search(line.strip()) or is_page_metadata(line):
            out.append(line)
            continue
        groups = _closed_groups(line)
        start = 0
        for m in PARAGRAPH_GAP_RE.finditer(line):
            if not any(a < m.start() < b for a, b in groups):
                out.append(line[start : m.start()])
                start = m.end()
        out.append(line[start:])
    return out


#: A heading or item marker inside a line: a part ``一、``, a section ``（一）``, an item ``1.``.  ``2.5%``, ``3.5万``
#: (a digit or a figure's mark after the stop) and ``第2.`` (an ordinal) are none.
INLINE_MARKER_RE = re.compile(
    r"(?P<part>(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、|(?<=[\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、)"
    r"|[（(](?P<section>[一二三四五六七八九十]{1,3})[)）]"
    r"|(?<![第\d.．A-Za-z０-９])(?P<item>\d{1,2})[.．、](?![\d.．%％‰])")
#: What may stand right before a marker that opens a paragraph: a sentence end, a closing bracket, a space.
_MARKER_BOUNDARY = "。；！？;!?）)〕 \t\u3000\u00a0"
#: A title's last word, a part heading ``一、`` may be glued to (…八条政策措施一、): the kinds of TITLE_END_RE and 措施.
_GLUED_TITLE_END_RE = re.compile(r"(?:方案|计划|规划|意见|通知|办法|细则|要点|清单|措施|举措|政策)$")
#: A plan written on one line: its one long line holds at least this many characters and markers.
ONE_LINE_PLAN_CHARS = 80
ONE_LINE_PLAN_MARKERS = 3
#: How far an item number may run ahead of the last (a plan skipping a number: 4. then 6.).
ITEM_NUMBER_GAP = 3


def _cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (the numbers of part and section headings); 0 for none."""
    return cn_number(text) or 0


def _inline_markers(line: str) -> list[int]:
    """Where the markers of a plan written on one line stand.  A marker after a sentence end, a closing bracket or a
    space opens a paragraph; so does one that follows the numbering — an item number 1–3 above the last item's
    (``二、…服务企业举措4.大力推动…``: the item after a heading with no stop), the next section (``（二）``) — and a part
    heading glued to the title (``…八条政策措施一、从快从实…``).  ``统一、`` (a word before ``一、`` and no title) is none."""
    cuts: list[int] = []
    last_item, last_section, last_part = 0, 0, 0
    for m in INLINE_MARKER_RE.finditer(line):
        i = m.start()
        boundary = i > 0 and line[i - 1] in _MARKER_BOUNDARY
        if m.group("part"):
            n = _cn_number(m.group("part")[:-1])
            glued = i > 0 and not cuts and n == 1 and _GLUED_TITLE_END_RE.search(line[:i])
            ok = (boundary and n > last_part) or glued
            if ok:
                last_part, last_section = n, 0
        elif m.group("section"):
            n = _cn_number(m.group("section"))
            ok = i > 0 and (boundary or n == last_section + 1)
            if ok:
                last_section = n
        else:
            n = int(m.group("item"))
            ok = i > 0 and (boundary or last_item < n <= last_item + ITEM_NUMBER_GAP)
            if ok:
                last_item = n
        if ok:
            cuts.append(i)
    return cuts


def split_one_line_plan(lines: list[str]) -> list[str]:
    """A plan whose headings and items run on one line (a page copied without its line breaks: 豫政〔2023〕5号 on a
    mirror, a county's 八条政策措施) opens a paragraph at each marker inside the line (``_inline_markers``) — only
    when the text has no other long line: a plan with line breaks keeps its paragraphs (``主要包括：1.…；2.…`` inside
    an item stays)."""
    long_lines = [i for i, line in enumerate(lines) if len(line.strip()) >= 60]
    if len(long_lines) != 1 or len(lines[long_lines[0]].strip()) < ONE_LINE_PLAN_CHARS:
        return lines
    i = long_lines[0]
    line = lines[i]
    cuts = _inline_markers(line)
    if len(cuts) < ONE_LINE_PLAN_MARKERS:
        return lines
    bounds = [0] + cuts + [len(line)]
    pieces = [line[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return lines[:i] + [p for p in pieces if p] + lines[i + 1 :]


#: An item number right after a closing bracket (``…(县发改局负责)2.组织…``): the next item when the bracket was a tag.
_ITEM_AFTER_BRACKET_RE = re.compile(r"(?<=[）)〕】\]])(\d{1,2})[.．、](?![\d.．%％‰])")
_LINE_ITEM_RE = re.compile(r"^(\d{1,2})[.．、](?![\d.．%％‰])")


def _closes_a_tag(line: str, close: int) -> bool:
    """True when the bracket group closing at ``close`` reads as a responsibility tag: a role word closes it or a label
    opens it (the test of a heading's tag, kb/parser/structure.py)."""
    from kb.parser.roles import OPENERS, load_vocabulary

    depth, j = 0, close
    while j >= 0:
        if line[j] in "）)〕】]":
            depth += 1
        elif line[j] in OPENERS:
            depth -= 1
            if depth == 0:
                break
        j -= 1
    if j < 0:
        return False
    vocab = load_vocabulary()
    content = line[j + 1 : close].strip()
    return bool(vocab.role_end.search(content) or vocab.label_line_re.match(content))


#: A sub-item's marker inside a line: ``(2)``, ``（2）``.
_SUB_MARK_RE = re.compile(r"[（(](\d{1,2})[)）](?=[\u4e00-\u9fff])")
#: What may stand between a sub-item's tag and the next sub-item's marker (…（市A局牵头）；（2）…).
_AFTER_TAG = "；;。，, \u3000"


def _sub_item_cuts(line: str) -> list[int]:
    """Where the sub-items of a line that each close with a tag of their own start (``3、…。(1)…（市城管局牵头）(2)…
    （市市场监管局负责）``): a marker (k), k ≥ 2, right after a tag (and a stop) with (k−1) before it in the line; and,
    once one is cut, the line's (1) after a sentence end or a colon — the item's opening stays its own paragraph, as
    when sub-items stand one a line under it.  An enumeration whose markers follow no tag ((1)宣传；(2)培训。（X负责）) is
    one paragraph."""
    marks = [(m.start(), int(m.group(1))) for m in _SUB_MARK_RE.finditer(line)]
    cuts = []
    for k, (at, n) in enumerate(marks):
        if n < 2 or not any(m == n - 1 for _, m in marks[:k]):
            continue
        j = at - 1
        while j >= 0 and line[j] in _AFTER_TAG:
            j -= 1
        if j >= 0 and line[j] in "）)" and _closes_a_tag(line, j):
            cuts.append(at)
    first = next((at for at, n in marks if n == 1), None)
    if cuts and first and first < cuts[0] and line[:first].rstrip()[-1:] in "。；;：:！？":
        cuts.insert(0, first)
    return cuts


def split_items_after_tags(lines: list[str]) -> list[str]:
    """A numbered item whose tag is followed on the same line by the next item's number (``1.…,(市A局负责)2.…``, a
    copied page that lost a line break) ends at its tag: the next item opens its own paragraph, so each item keeps its
    own roles and its number (read as one paragraph, the last tag gave both items its units).  Only the numbering the
    line opens with goes on (an item number 1–3 above the line's: ``7.`` after item 1 is none), only after a bracket
    that is a tag (``（试行）2.`` is none); ``2.5%`` is a figure."""
    out: list[str] = []
    for line in _split_sub_items_after_tags(lines):
        while (first := _LINE_ITEM_RE.match(line)) and ("）" in line or ")" in line):
            last = int(first.group(1))
            cut = next((m.start() for m in _ITEM_AFTER_BRACKET_RE.finditer(line)
                        if last < int(m.group(1)) <= last + ITEM_NUMBER_GAP and _closes_a_tag(line, m.start() - 1)), None)
            if cut is None:
                break
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


def split_opening_tags(lines: list[str]) -> list[str]:
    """A line opening with a tag then the next item (``（牵头单位：X；配合单位：Y）2.促进…``, ``〔X牵头〕（2）…``: a page that
    lost the line break after the item above's tag) is cut after the tag: the tag stands on a line of its own, closing
    the item above (core.rule_split_at_tags), the item opens its own paragraph.  Read whole, a labelled tag made the line
    a label line that swallowed the item.  Only where what follows the tag opens an item (1. 一、 （一） （2） ② 二是 …).
    Before the lines are joined: the tag then joins the item above as its end (join_fragments), never the item after."""
    out: list[str] = []
    for line in lines:
        stripped = line.lstrip()
        close = _opening_group_end(stripped) if stripped[:1] in "（(〔【[" else None
        rest = stripped[close + 1:].lstrip() if close is not None else ""
        if rest and (is_heading(rest) or any(m.match(rest) for m in _SIBLING_MARKERS)) and _closes_a_tag(stripped, close):
            out.extend([stripped[: close + 1], rest])
        else:
            out.append(line)
    return out


def _opening_group_end(line: str) -> int | None:
    """Index of the bracket closing the group ``line`` opens with, else None."""
    depth = 0
    for i, c in enumerate(line):
        if c in "（(〔【[":
            depth += 1
        elif c in "）)〕】]":
            depth -= 1
            if depth == 0:
                return i
    return None


def _split_sub_items_after_tags(lines: list[str]) -> list[str]:
    """Each line cut where its sub-items that close with tags of their own start (``_sub_item_cuts``)."""
    out: list[str] = []
    for line in lines:
        cuts = _sub_item_cuts(line) if ("）" in line or ")" in line) and _SUB_MARK_RE.search(line) else []
        for a, b in zip([0] + cuts, cuts + [len(line)]):
            if line[a:b].strip():
                out.append(line[a:b])
    return out


_BRACKET_CHARS_RE = re.compile(r"[（(〔【\[）)〕】\]]")


def _closed_groups(line: str) -> list[tuple[int, int]]:
    """(open, close) of the outermost bracket groups of ``line`` that close on it, in one pass."""
    groups, stack = [], []
    for m in _BRACKET_CHARS_RE.finditer(line):
        if m.group() in "（(〔【[":
            stack.append(m.start())
        elif stack:
            opened = stack.pop()
            if not stack:
                groups.append((opened, m.start()))
    return groups


def remove_debris_spaces(lines: list[str]) -> list[str]:
    """Remove spaces next to CJK characters or between a number and ``%``; keep Latin spacing."""
    out = []
    for line in lines:
        line = CJK_SPACE_RE.sub("", line.strip())
        out.append(NUMBER_SPACE_RE.sub("", line))
    return out


#: Text copied out of a typeset PDF (a viewer's copy, pdfplumber's or pypdf's ``extract_text()``) has one printed
#: line per line and nothing between paragraphs: a full line ending in 。 is no paragraph end, a short one is.  It is
#: read so only when most lines share one full width (``printed_width``); widths are display cells (CJK 2, Latin 1).
_PRINTED_MIN_LINES = 8
#: The narrowest printed column read so: 12 ideographs (a two-column bulletin's).
_PRINTED_MIN_FULL = 24
#: Lines within this many cells below the full width count as full when the width is found (first lines are indented
#: two ideographs; squeezed punctuation and proportional digits move a full line a cell or two).
_PRINTED_NEAR = 5
#: Share of lines that must be (near) full, and share that may be wider: a text with one paragraph per line has
#: long lines of every width; a printed one has hardly any wider than its column (a few digits set narrow).
_PRINTED_SHARE, _PRINTED_WIDER = 0.3, 0.1
#: A paragraph's first line is indented two ideographs (GB/T 9704 党政机关公文格式: 首行缩进2字).
_PRINTED_INDENT = 4
#: How far back an open bracket holds lines together (a tag wrapped over three lines; never a typo's whole section).
_PRINTED_GROUP_LINES = 3

_OPENERS, _CLOSERS = "（(〔【[", "）)〕】]"

#: Characters no line may start with (kb/data/linebreak.yaml ``no_line_start``: ，、。；）…) but those that may open
#: a paragraph (——加强…, ……, ·) and ASCII marks (a mirror's `?` stands for a lost space, dialects.md §4): a line
#: starting with one goes on the line above in any text.
_PARAGRAPH_OPENERS = frozenset("—…·～")
_LINE_START_MARKS: frozenset[str] | None = None


def _load_line_start_marks() -> frozenset[str]:
    global _LINE_START_MARKS
    if _LINE_START_MARKS is None:
        from kb.linebreak import rules

        _LINE_START_MARKS = frozenset(c for c in rules().no_line_start - _PARAGRAPH_OPENERS if not c.isascii())
    return _LINE_START_MARKS


def printed_cells(text: str) -> int:
    """Width of printed ``text`` in cells: ideographs, full-width forms and the punctuation a CJK font sets full
    width (“”‘’…—·, East Asian Width *ambiguous*) count 2, Latin letters and digits 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def _may_be_printed(lengths: list[int]) -> bool:
    """A quick look at the lines' lengths in characters before their widths are measured (most texts are not printed
    lines: the bundled plan's 319 lines cost 7 ms to measure): enough lines within a few characters of the most common
    length of the longer lines (digits and Latin letters make a full line hold a few more characters)."""
    common = Counter(n for n in lengths if n >= _PRINTED_MIN_FULL // 2)
    if not common:
        return False
    top = max(common, key=lambda n: (common[n], n))
    return sum(top - 6 <= n <= top + 6 for n in lengths) >= _PRINTED_SHARE * len(lengths)


def printed_width(lines: list[str]) -> int | None:
    """The full width (display cells) of a text whose lines are a PDF's printed lines, or None for any other text.

    The most common width of the longer lines is the column's when at least 30 % of all lines are within a few
    cells of it and hardly any line is wider (a web text's paragraphs are longer than any printed line)."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < _PRINTED_MIN_LINES or not _may_be_printed(lengths):
        return None
    widths = [printed_cells(line) for line in lines if line]
    counts = Counter(w for w in widths if w >= _PRINTED_MIN_FULL)
    if not counts:
        return None
    full = max(counts, key=lambda w: (counts[w], w))
    near = sum(full - _PRINTED_NEAR <= w <= full for w in widths)
    wider = sum(w > full + _PRINTED_NEAR for w in widths)
    if near < _PRINTED_SHARE * len(widths) or wider > _PRINTED_WIDER * len(widths):
        return None
    return full


def _open_group(lines: list[str]) -> bool:
    """True if a bracket opened in the last few printed lines of a paragraph is still open (a wrapped tag)."""
    depth = 0
    for line in reversed(lines[-_PRINTED_GROUP_LINES:]):
        for c in reversed(line):
            if c in _CLOSERS:
                depth += 1
            elif c in _OPENERS:
                if depth == 0:
                    return True
                depth -= 1
    return False


def _printed_line_full(last: str, line: str, full: int, first: bool) -> bool:
    """True if ``last`` reached the right margin: it stopped short by less than the next line's first piece (which
    the typesetter could not fit: ``2022年``, ``甲，``, ``（责``) — with a cell to spare for every four (or fewer)
    characters whose width depends on the font: Latin letters and digits (wider than half an ideograph in many CJK
    fonts) and quotation marks (“”: set full or half width)."""
    from kb.linebreak import leading_piece

    short = full - printed_cells(last) - (_PRINTED_INDENT if first else 0)
    uncertain = sum((c.isascii() and c.isalnum()) or unicodedata.east_asian_width(c) == "A" for c in last)
    return short < printed_cells(leading_piece(line)) + (uncertain + 3) // 4


def _printed_continues(lines: list[str], line: str, full: int) -> bool:
    """True if printed ``line`` goes on the paragraph whose printed lines so far are ``lines``."""
    from kb.linebreak import rules

    last = lines[-1]
    if any(m in last or m in line for m in TABLE_ROW_MARKS):
        return False
    if is_heading(line) or SUB_ITEM_RE.match(line) or line.startswith("——"):
        return False  # an item label or a heading opens a paragraph whatever the line above
    if ANNEX_CAPTION_LINE_RE.match(line):
        return False  # 附件2：审批提速行动责任表 under a full line 附件1：… opens its own (one attachment a line)
    if DOCUMENT_NUMBER_RE.match(line) or DOCUMENT_NUMBER_RE.match(last) or DOCUMENT_NUMBER_START_RE.match(line):
        return False  # a document number stands on its own line (国发〔2019〕3号), the addressees run into it too
    if DECIMAL_ITEM_RE.match(line) and ends_paragraph("".join(lines)):
        return False
    if line[0] in _load_line_start_marks() or last[-1] in rules().no_line_end or _open_group(lines):
        return True  # line-initial ，、）; a line ending in （《“; a bracket still open (a tag over three lines)
    if _is_label_line(line) and line[0] not in "（(〔[":
        # a label line (牵头单位：…) under a full line opens a paragraph; a bracketed one （负责部门：…） may be the item's
        # own tag the margin pushed to the next line (国发〔2018〕38号 printed)
        return False
    if ends_paragraph("".join(lines)) and _printed_first_line(line, full):
        # a sentence ends at the margin and the next line is indented: a new paragraph — ended by a tag the margin
        # wrapped (…（市生态环境局、市公安局、 / 自贡海关牵头，…配合）), whose bracket opens on a line above
        return False
    return _printed_line_full(last, line, full, len(lines) == 1)


def _printed_first_line(line: str, full: int) -> bool:
    """True if ``line`` has the width of a full first line (indented two ideographs; few Latin letters or digits,
    which would make the width uncertain)."""
    latin = sum(c.isascii() and c.isalnum() for c in line)
    return full - _PRINTED_INDENT - 1 - latin // 4 <= printed_cells(line) <= full - _PRINTED_INDENT + 1


def join_printed_lines(lines: list[str]) -> list[str]:
    """Join the printed lines of text copied out of a PDF into its paragraphs (``printed_width``): a full line
    goes on unless the next line opens with an item label or a heading (``1．``, ``（二）``, ``一、``) or a label line;
    a line-initial ``，``/``、`` and a bracket still open go on; a line that stops short ends its paragraph (the last
    line of a paragraph, a heading, a title, a signature).  kb's own PDF reader decides so from the characters'
    positions; this gives the same paragraphs from the text alone.  Any other text is left as it is."""
    full = printed_width(lines)
    if full is None:
        return lines
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            current = []  # a blank line ends a paragraph
            continue
        if current and _printed_continues(current, line, full):
            out[-1] = join_fragment(out[-1], line)
            current.append(line)
        else:
            out.append(line)
            current = [line]
    return out


def signature_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that sign a document: a short line with no sentence mark right before a line that is the
    signing date alone (国务院办公厅 / 2019年1月16日), the date the end of its paragraph — the last line, or one followed by
    the publication note, 抄送/印发, an annex caption, a title or a heading.  Such a line opens the closing: never the rest
    of the line before it (an attachments line 附件：三级公立医院绩效考核指标 swallowed the signature and the date, and the
    joined line was read as an item due on the signing date).  A sentence wrapped around a date (各地要在 / 2019年6月30日 /
    前完成摸底。) goes on after the date, so it is no signature."""
    text = [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    # a 抄送/印发 line of the closing (抄送：…, 某市人民政府办公室2019年1月17日印发) opens its own paragraph too
    found: set[int] = {i for i, line in text if _ROUTING_LINE_RE.match(line)}
    for k in range(len(text) - 1):
        i, line = text[k]
        date = text[k + 1][1]
        if len(line) > 40 or any(c in line for c in _NOT_IN_SIGNATURE) or not _SIGNING_DATE_LINE_RE.match(date):
            continue
        after = text[k + 2][1] if k + 2 < len(text) else None
        if after is None or _AFTER_SIGNING_RE.match(after) or ANNEX_CAPTION_LINE_RE.match(after) or is_title(after) \
                or is_heading(after):
            # Several bodies sign one line each (上海市交通委员会 / 上海市发展和改革委员会 / 2023年6月15日): the signature opens
            # at the first of them, and the others stay joined to it — cut at the last, the first bodies were lost to
            # the closing (the plan's issuers read as one of thirteen).
            while k > 0 and _signing_body_re().search(text[k - 1][1]) and len(text[k - 1][1]) <= 40 \
                    and not any(c in text[k - 1][1] for c in _NOT_IN_SIGNATURE):
                k -= 1
            found.add(text[k][0])
    return found


#: A part heading line is this long at most; it holds at most this many commas (two clauses: 实施…管理，降低…成本).
_PART_HEADING_MAX, _PART_HEADING_COMMAS = 60, 1


def part_heading_shape(line: str) -> int:
    """The numeral of a part heading line of one or two clauses (``五、实施企业经营范围“标准化+负面清单”管理，降低制度性
    交易成本``), 0 for any other line: 一、 and at most 60 characters, no sentence or clause mark but one comma (no 。；：
    ！？… — a sentence, an inline heading), not ending on a word that waits for more (structure.yaml
    ``title_line_not_end``: the line was cut by its width).  The shape alone proves nothing: a heading over 30 characters
    needs its numbering too (``runs_on_heading``)."""
    m = PART_HEADING_RE.match(line)
    text = line.strip()
    if not m or len(text) > _PART_HEADING_MAX or any(c in text for c in TERMINAL + "…"):
        return 0
    if sum(text.count(c) for c in "，,") > _PART_HEADING_COMMAS or text[-1] in "，,":
        return 0
    not_end, _ = _title_line_words()
    if not_end.search(text):
        return 0
    return _cn_number(m.group(0)[:-1])


def _standing_heading(line: str) -> int:
    """The numeral of a part heading that stood on its own line: of the heading shape, or short (≤ 30 characters, no
    full stop but at its end: 一、指导思想：) — never a long item (三、推进…，支持…。), whose numbering proves no heading."""
    m = PART_HEADING_RE.match(line)
    text = line.strip()
    if m and (part_heading_shape(text) or len(text) <= 30 and "。" not in text[:-1]):
        return _cn_number(m.group(0)[:-1])
    return 0


def runs_on_heading(line: str, standing: int) -> bool:
    """True when ``line`` is a part heading (``part_heading_shape``) whose numeral is the next after ``standing``, the
    numeral of the last part heading that stood on its own line (四、… then 五、…): the numbering proves it a heading
    whatever its length, so it stands alone — glued to the paragraph under it, it was read as a paragraph of part 四."""
    return standing > 0 and part_heading_shape(line) == standing + 1


def split_document_number(lines: list[str]) -> list[str]:
    """A document number run into the line after it at the top of the text (国办函〔2005〕57号各省、自治区、直辖市人民政府…：
    as a PDF's text gives it) stands on its own line, as the same text typed gives it — the addressees (or the title)
    after it are another paragraph."""
    out: list[str] = []
    seen = 0
    for line in lines:
        seen += bool(line.strip())
        m = DOCUMENT_NUMBER_START_RE.match(line.strip()) if seen <= _DOCUMENT_NUMBER_LINES else None
        if m:
            out += [m.group(0), line.strip()[m.end():]]
        else:
            out.append(line)
    return out


def join_fragments(lines: list[str]) -> list[str]:
    """Rejoin fragments of a paragraph, across the blank lines between them — never the cells of a table laid out one
    cell a paragraph (``table_cell_lines``), nor a signature to the line before it (``signature_lines``), nor a part
    heading the numbering proves (``runs_on_heading``) to the paragraph under it."""
    cells = table_cell_lines(lines)
    signatures = signature_lines(lines)
    out: list[str] = []
    last = -1
    standing = 0  # the numeral of the last part heading that stood on its own line
    for i, line in enumerate(lines):
        if not line:
            continue
        if (out and i not in cells and last not in cells and i not in signatures and continues(out[-1], line)
                and (_heading_wrapped(out[-1], line) or not runs_on_heading(out[-1], standing))):
            out[-1] = join_fragment(out[-1], line)
        else:
            if out and (n := _standing_heading(out[-1])):
                standing = n
            out.append(line)
        last = i
    return out


#: A row number alone on its line (``3``, ``*1``): a table's 序号 cell laid out one cell a paragraph.
_ROW_NUMBER_LINE_RE = re.compile(r"^[*＊★☆※]?\s*(\d{1,3})$")
_CELL_MAX, _CELL_SHORT, _CELL_RUN_MIN = 60, 20, 12


def table_cell_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that are a table's cells, one a paragraph (a table kb did not take as a task table: an
    annex of indicators, a list): a run of twelve or more non-blank lines, none ending a sentence, each at most 60
    characters and most at most 20, holding three or more row numbers alone on their lines counting up by one
    (``1`` … ``2`` … ``3``, ``*1`` marked).  Fragments of a sentence a page broke (``到`` / ``2020`` / ``年，…``) are a few
    lines and never number themselves; a run of cells glued would make paragraphs such as ``20公共供水管网漏损率``."""
    if sum(1 for ln in lines if _ROW_NUMBER_LINE_RE.match(ln.strip())) < 3:
        return set()  # (the common case: one pass over the lines)
    cells: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines + ["。"]):
        text = line.strip()
        if not text:
            continue
        if len(text) <= _CELL_MAX and not ends_paragraph(text):
            run.append(i)
            continue
        if len(run) >= _CELL_RUN_MIN and sum(1 for x in run if len(lines[x].strip()) <= _CELL_SHORT) * 5 >= len(run) * 3:
            numbers = [int(m.group(1)) for m in (_ROW_NUMBER_LINE_RE.match(lines[x].strip()) for x in run) if m]
            if any(numbers[k + 1] == numbers[k] + 1 and numbers[k + 2] == numbers[k] + 2 for k in range(len(numbers) - 2)):
                cells.update(run)
        run = []
    return cells


def _norm(paragraph: str) -> str:
    """Key for comparing renditions: no spaces at all."""
    return re.sub(r"\s+", "", paragraph)


def drop_repeated_renditions(lines: list[str]) -> list[str]:
    """Keep each paragraph once: drop runs that repeat earlier paragraphs.

    A run of two or more paragraphs equal to an earlier run is a repeated
    rendition; so is a single repeated paragraph long enough (≥ 30 characters)
    not to be a heading that can legitimately recur.  Label lines recur legitimately (two items under one
    leader and lead unit: 牵头负责领导:刘某。 / 牵头责任单位:省发展改革委。 under items 1 and 2 — 安徽 2022): a run of
    label lines alone is kept — the fields of a label block too, known by their shape (``_is_block_field``:
    目标任务:按…完成…指标任务。 / 牵头单位:市教育局。 under two 民生实事 items — tagsblind9: the second item lost its lead).
    A web page's double or a repeated page header holds other lines (the item's own text, page metadata): dropped.
    """
    keys = [_norm(p) for p in lines]
    first_at: dict[str, int] = {}
    for i, k in enumerate(keys):
        first_at.setdefault(k, i)
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        j = first_at[keys[i]]
        if j < i:
            run = 0
            while i + run < len(lines) and j + run < i and keys[j + run] == keys[i + run]:
                run += 1
            labels_only = _label_run(lines, i, run)
            if (run >= 2 or len(keys[i]) >= 30) and not labels_only:
                for k in range(i, i + run):
                    keep[k] = False
                i += run
                continue
        i += 1
    return [p for p, k in zip(lines, keep) if k]


def _is_block_field(line: str) -> bool:
    """A line of a label block: a known label (牵头单位：…, 实施时间：…) or one known by its shape (目标任务：…, 建设内容：…),
    never a web page's metadata (发布时间：…, 来源：…)."""
    return not is_page_metadata(line) and (_is_label_line(line) or _is_shape_label_line(line))


def _label_run(lines: list[str], i: int, run: int) -> bool:
    """True when the repeated run ``lines[i:i+run]`` is fields of a label block under an item: every line a block field
    (``_is_block_field``) and a known label among them or right next to them (a shape alone is a paragraph)."""
    if not all(_is_block_field(lines[k]) for k in range(i, i + run)):
        return False
    near = range(max(0, i - 1), min(len(lines), i + run + 1))
    return any(_is_label_line(lines[k]) for k in near)


def _unquoted(text: str) -> str:
    """``text`` without a 《 it leaves open (a title wrapped inside a book title: …关于印发《普陀区海绵城市建设 / 实施方案》的通知)."""
    opened = text.rfind("《")
    return text[:opened] + text[opened + 1:] if opened > text.rfind("》") else text


def join_split_title(lines: list[str]) -> list[str]:
    """Join a title set on two lines (国务院关于加快推进农业机械化和 / 农机装备产业转型升级的指导意见):
    among the first lines, a short line without punctuation right before a title line."""
    out = list(lines)
    for i in range(1, min(len(out), 6)):
        prev, line = out[i - 1], out[i]
        if (is_title(line) and not is_title(prev) and len(prev) <= 30 and not is_heading(prev)
                and not any(c in _unquoted(prev) for c in "，。；：:,;《》〔〕（）()") and len(prev + line) <= 60):
            out[i - 1 : i + 1] = [prev + line]
            break
        if (line.startswith("的") and len(line) <= 6 and is_title(prev) and is_title(prev + line) and len(prev) >= 12
                and not is_heading(prev)):
            out[i - 1 : i + 1] = [prev + line]  # 国务院办公厅关于印发…试点方案 / 的通知: the notice's title wrapped
            break
    return out


#: The word lists of kb/data/structure.yaml (each a list of non-empty strings).
_OUTLINE_KEYS = ("plain_heading_ends", "signing_body_endings", "phase_words", "title_line_not_end", "title_line_not_in",
                 "page_continuation_marks", "sub_duty_openers")


@functools.lru_cache(maxsize=1)
def _outline_words() -> dict:
    """kb/data/structure.yaml, validated: 'version' and exactly ``_OUTLINE_KEYS``."""
    from pathlib import Path

    from kb.data import read_versioned_yaml
    from kb.errors import KbError

    path = Path(__file__).resolve().parent.parent / "data" / "structure.yaml"
    data = read_versioned_yaml(path, "outline words")
    if set(data) != {"version", *_OUTLINE_KEYS} or not all(
            isinstance(data[key], list) and all(isinstance(w, str) and w for w in data[key]) for key in _OUTLINE_KEYS):
        raise KbError(f"{path}：应恰好有 version、{'、'.join(_OUTLINE_KEYS)}（非空字符串的列表）；"
                      "请从代码仓库恢复这个文件")
    return data


@functools.lru_cache(maxsize=1)
def _plain_heading_re() -> re.Pattern:
    """A part heading without a numeral: 2–15 CJK characters ending in a word of kb/data/structure.yaml
    ``plain_heading_ends``."""
    ends = _outline_words()["plain_heading_ends"]
    alternation = "|".join(map(re.escape, sorted(ends, key=len, reverse=True)))
    return re.compile(rf"^[\u4e00-\u9fff]{{0,13}}(?:{alternation})$")


@functools.lru_cache(maxsize=1)
def is_signing_line(text: str) -> bool:
    """True for a paragraph that only signs the document: a body's name and the signing date on one line
    (平潭综合实验区管委会2017年9月1日 — a DOCX's closing run together): its date signs, it is no time limit."""
    # (a short note in brackets after the date stays with it: 国务院办公厅一九九六年二月九日（本文有删减）)
    m = re.search(rf"{WHOLE_DATE}(?:[（(][^（()）]{{1,12}}[)）])?$", text.strip())
    if not m:
        return False
    body = text.strip()[: m.start()].strip()
    return 0 < len(body) <= 40 and not any(c in body for c in _NOT_IN_SIGNATURE) and bool(_signing_body_re().search(body))


def _signing_body_re() -> re.Pattern:
    """How the name of a signing body ends (a line of a signature of several bodies, one a line): a word of
    kb/data/structure.yaml ``signing_body_endings`` closing the line."""
    ends = _outline_words()["signing_body_endings"]
    if not ends:
        return re.compile(r"(?!)")
    return re.compile(f"(?:{'|'.join(map(re.escape, sorted(ends, key=len, reverse=True)))})$")


def number_plain_headings(lines: list[str]) -> list[str]:
    """Part headings written without numerals (`总体要求`, `工作安排`, `保障措施`, each alone on its line) numbered as
    parts (`一、总体要求`), so that the outline reads them: in a text with no numbered part (一、… / 第一章), two or more
    lines of 2–15 CJK characters ending in a heading word (kb/data/structure.yaml), each after a sentence end (or the
    title) and before more text.  The numerals are kb's (cited `三（一）`).  Before, cleanup glued each to the paragraph after it
    (`总体要求认真贯彻…`) and the dated phases under 工作安排 stood under no part."""
    stripped = [ln.strip() for ln in lines]
    if any(PART_HEADING_RE.match(s) or CHAPTER_HEADING_RE.match(s) for s in stripped):
        return lines
    heading = _plain_heading_re()
    found = []
    previous = ""
    for i, s in enumerate(stripped):
        if not s:
            continue
        if (2 <= len(s) <= 15 and heading.match(s) and previous and (previous[-1] in "。！？；”）)" or is_title(previous))
                and any(stripped[j] for j in range(i + 1, len(stripped)))):
            found.append(i)
        previous = s
    if len(found) < 2:
        return lines
    out = list(lines)
    for n, i in enumerate(found, 1):
        out[i] = f"{chinese_number(n)}、{stripped[i]}"
    return out


#: The cleanup rules, in the order they run.
CLEANUP_RULES: list[Callable[[list[str]], list[str]]] = [
    fold_compatibility_punctuation,
    remove_page_breaks,
    remove_pinyin_glosses,
    remove_page_footers,
    remove_bare_page_numbers,
    remove_page_continuations,
    remove_site_footers,
    split_flattened,
    split_one_line_plan,
    mend_doubled_closers,  # (after the splits: a piece of a flattened line can close with the stray closer)
    remove_debris_spaces,
    number_plain_headings,
    split_opening_tags,
    join_printed_lines,
    split_document_number,
    join_fragments,
    mend_doubled_closers,  # (again: a fragment that is a stray closer alone, （一） / ）, joined to the line above makes one)
    split_items_after_tags,
    join_split_title,
    drop_repeated_renditions,
]


def clean_paragraphs(text: str) -> list[str]:
    """Run every cleanup rule over ``text``; return its paragraphs in order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").split("\n")
    for rule in CLEANUP_RULES:
        lines = rule(lines)
    return lines


def clean(text: str) -> str:
    """The cleaned text: one paragraph per line."""
    return "\n".join(clean_paragraphs(text))
