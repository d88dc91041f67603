"""Deadlines: the time limits a clause states, with normalised dates.

A date is a year written with 年 (``2020年``), optionally narrowed to a month
(``9月``), a day (``30日``), a quarter (``第三季度``), a half (``上半年``) or a
season (``秋冬季``: October to March of the next year; seasons and the words
around dates are in ``kb/data/targets.yaml``).  Kinds and what they mean:

* ``by``: done by ``end`` — a date after 到/至/截至 (``到2020年``), before 前/以前/止
  (``2020年前``, ``2020年6月30日前``) or closed by 底/末 (``2020年年底前``,
  ``2020年底``, ``2019年9月底前``, ``2019年三季度末``).  ``2020年前`` is read as by the
  end of 2020, as plans use it.  ``“十三五”末`` is by the plan's last year.
* ``during``: within the date's period — ``2020年，全市基本淘汰…`` / ``2019年基本淘汰…``
  (the year), ``2019年10月`` (the month), ``2019年7月1日`` (the day), ``2019年上半年``,
  ``2019年第三季度``, ``2019年秋冬季`` (2019-10-01..2020-03-31), ``2019年内``.
* ``from``: from ``start`` on — ``自2019年7月1日起``, ``从2019年起``.
* ``within``: a relative limit — ``5年内``, ``3个月内``, ``本意见印发之日起30日内``, ``本方案印发后1个月内``
  (its start kept with it).  The words
  are kept; ``start``/``end`` are given only for years counted from a start the plan states
  (``2012年起5年内`` anywhere in the plan: every ``N年内`` of it runs from 2012-01-01 to the end
  of year 2012+N-1); otherwise both are None (an issue date is not a stated start).
* ``recurring``: a limit that comes back every period — ``每年2月底前``, ``每年12月10日前``, ``每季度末``,
  ``每季度结束后10日内``, ``每月5日前``, a report due each period (``每半年报送一次``) — the plan's words, no dates
  (``find_recurring``; words ``recurring_every`` / ``recurring_report_verbs``).  ``每年`` alone says how often, not
  by when; a start before the recurring work (``从2019年起，…每年2月底前…``) is still no deadline itself.
* ``ongoing``: a tag's time words without a date (``年内持续推进``, ``长期坚持``); no dates.
* without a year (``find_undated``): ``5月底前`` / ``6月30日前`` / ``10月底`` are ``by`` and
  ``全年`` / ``年内`` are ``during``, and ``年底前`` is ``by``, with no dates — the plan's own year, which it may not
  state; the words are kept.
* ``range``: ``2018至2020年`` / ``2018—2020年`` / ``2018年至2020年`` (start of the first
  date .. end of the second), ``2019年10月至2020年3月``, ``2019年6月至9月`` (the year
  carried over), ``2018—2019年秋冬季`` (one season: 2018-10-01..2019-03-31),
  ``“十三五”期间`` (2016-01-01..2020-12-31).

Not deadlines (masked before matching):

* baselines — ``较2015年``, ``比2015年``, ``与2015年相比``, ``考核基准年（2015年）``,
  ``以2015年为基准``, ``在2015年基础上``;
* past references — ``2015年以来``, ``2018年至今``; editions ``2018年版``;
* years inside titles — ``《…2018年…》``, ``《…“十三五”…》``;
* years without 年 (standard numbers ``GB 18352.6-2016``, document numbers ``〔2018〕``)
  unless they open a range (``2018—2020年``);
* a year opening a document's name (``2022年“智改数转”工作推进方案``, ``2023年工作要点``), right before
  a title (``2023年区《政府工作报告》``), or inside a programme's or document's name after its first
  words or a verb taking it (``印发2008年十件实事…分解方案``, ``银川市2018年为民办实事任务分解表``: a
  name noun follows with no digit, time word, 的 or verb of doing between — ``_mask_names``);
* a year described (``2025年是“十四五”规划的收官之年``);
* a date that describes things — a verb of ``described_verbs`` and 的 after it (``2010年以后新建的平房仓``,
  ``2000年底前建成的住宅小区``: which granaries, which estates); a year saying which work (``做好2026年城市体检工作``,
  工作 is a name noun; ``本年度…工作``: only ``本年度内`` bounds work);
* a start after which the work recurs in its sentence (``自2022年起，每年安排…``: ``recurring_after_start``); a
  start of work done once stays ``from`` (``自2019年7月1日起，提前实施国六排放标准``);
* the duration of a benefit (``实行5年内免征企业所得税``, ``5年内享受政府薪酬补贴``): a relative span
  followed by a benefit word is how long a beneficiary gets it, not a limit of the task;
* recurring dates read as no limit of their own: ``每年`` alone, ``次年3月底前``, ``秋冬季`` (``每年10月1日前`` is a
  ``recurring`` deadline);
* counts of working days (``14个工作日内完成审批``): the processing limit of each case, not
  the task's deadline — unless counted from a stated start (``印发之日起10个工作日内``);
* a date of a clause past on the day the document is signed (its closing's or cover's date: ``before_issue``, applied
  by the parser's rule_deadlines to the clauses' dates, not to a tag's or a 完成时限 line's): a start or a period's end in
  an earlier year, or a single earlier day — narrative (``其中2003年安排了…``, ``从2002年开始``, a visit on ``2004年8月5日``
  recounted in a reply letter).

Matching runs on a copy folded with NFKC character by character (``２０２０年`` →
``2020年``; a character whose fold is not one character is kept) and with Chinese-
numeral years (``二〇二〇年``) as digits, so positions match the clause and ``text``
is the clause's own words.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError
from kb.model import Deadline, Task
from kb.numerals import cn_number

VOCAB_PATH = Path(__file__).resolve().parent.parent / "data" / "targets.yaml"

# ---------------------------------------------------------------- folding

#: CJK punctuation that NFKC would turn into ASCII: kept, because metrics and
#: masks are written with it (（SO2）, 、，；：).
_KEEP = set("（），、；：！？｀＂＇［］｛｝")
_FOLD_TABLE = {
    c: f
    for c in [*range(0xFF01, 0xFF5F), *range(0xFE50, 0xFE6C), 0x3000]
    if chr(c) not in _KEEP and len(f := unicodedata.normalize("NFKC", chr(c))) == 1
}
# Only characters the table changes (not （），、；： which nearly every clause holds).
_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD_TABLE) + "]|[〇○零一二三四五六七八九]{4}年")
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def fold(text: str) -> str:
    """Full-width digits, letters and signs to ASCII (NFKC), ``二〇二〇年`` to ``2020年``; same length."""
    if not _NEEDS_FOLD.search(text):
        return text
    text = text.translate(_FOLD_TABLE)
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGIT), text)


# ---------------------------------------------------------------- vocabulary

_DEADLINE_KEYS = {
    "by_before", "by_after", "end_words", "from_before", "from_after", "range_joiners",
    "during_after", "seasons", "plan_period_words", "plan_end_words", "baseline_before", "baseline_after",
    "within_after", "within_units", "within_since", "service_units", "recurring_before", "this_year_words",
    "document_nouns", "within_documents", "benefit_after", "this_year_end_words", "name_nouns", "name_breakers",
    "described_after", "policy_term_before", "policy_window_end", "policy_nouns", "policy_run_words", "open_ended",
    "quoted_name_nouns", "year_attribute_nouns", "described_verbs", "recurring_after_start", "recurring_every",
    "recurring_report_verbs", "condition_ends", "completion_verbs", "record_before", "record_after", "next_year_words",
    "continuing_period_words", "multi_year_words", "this_year_month_before", "within_noun_after", "within_count_verbs",
    "within_count_units", "within_past_before", "duration_before", "duration_needs_time", "schedule_headings",
    "benefit_lead", "within_person_before", "scope_after",
}


@lru_cache(maxsize=4)
def read_vocabulary_file(path: str | None = None) -> dict:
    """The YAML of ``targets.yaml`` (deadline and target words), checked for its version and keys."""
    from kb.data import read_versioned_yaml

    src = Path(path) if path else VOCAB_PATH
    data = read_versioned_yaml(src, "deadline/target vocabulary")
    section = data.get("deadlines")
    if not isinstance(section, dict) or set(section) != _DEADLINE_KEYS:
        raise KbError(f"{src}：“deadlines”应恰好有这些键：{', '.join(sorted(_DEADLINE_KEYS))}；请修正，或从代码仓库恢复这个文件")
    for key in _DEADLINE_KEYS - {"seasons"}:
        _check_words(src, f"deadlines.{key}", section[key])
    seasons = section["seasons"]
    if not isinstance(seasons, dict) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in v) for v in seasons.values()
    ):
        raise KbError(f"{src}：deadlines.seasons 应把每个季节对应到 [起始月, 结束月]（1–12）；请修正，或从代码仓库恢复这个文件")
    return data


def _check_words(src: Path, key: str, words) -> None:
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise KbError(f"{src}：{key} 应为非空的词语列表；请修正，或从代码仓库恢复这个文件")


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first."""
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


@dataclass(slots=True)
class DeadlineGrammar:
    """The compiled deadline patterns of ``targets.yaml``."""

    masks: list[re.Pattern]
    """Spans whose years are not deadlines (titles, baselines, past references)."""
    name_year: re.Pattern
    """A year inside a name: ``year`` after the name's first words, ``np`` up to a name noun (``head``)."""
    name_breakers: re.Pattern
    """Verbs of doing: an ``np`` holding one makes the year a time of doing, not part of a name."""
    plan_period: re.Pattern
    """``“十三五”期间`` / ``“十三五”末``."""
    range: re.Pattern
    """Two dates joined by a range word."""
    point: re.Pattern
    """One date with the words before and after it."""
    date: re.Pattern
    """One date alone (to read each side of a range)."""
    date_list: re.Pattern
    """Days joined by 、 sharing the last one's limit word (分别于2022年2月14日、5月16日、8月15日前): ``post`` is the word."""
    month_span_cn: re.Pattern
    """A span of months in Chinese numerals inside one year (2012年三月至九月, 2012年一至六月): ``y``, ``a``, ``b``."""
    month_point_cn: re.Pattern
    """A month in Chinese numerals after a year (2012年三月底前, 2012年十月): ``y``, ``cm`` and the words around it."""
    undated_span: re.Pattern
    """A span of months without a year (1—6月, 3月至9月, 一至六月), its end's limit words optional: ``a``, ``b``."""
    words: dict[str, str]
    """Role of each word around a date: ``by``, ``end``, ``from`` or ``during``."""
    seasons: dict[str, tuple[int, int]]
    """Season → (start month, end month)."""


Y = r"(?:19|20|21)\d{2}"
#: A clock time after a day, before a limit word (2025年6月30日17:00前, 下午5点前): part of the date's words (dates7 s18).
_CLOCK = r"(?<=[日号])\s*(?:[上下]午|中午|晚上)?\s*\d{1,2}(?:[:：]\d{2}|[点时](?:\d{1,2}分|半)?)(?=\s*(?:前|以前|之前|止))"
#: A weekday in brackets after a day (2022年1月14日（周五）前): part of the date's words.
_WEEKDAY = r"(?<=[日号])[（(](?:周|星期)[一二三四五六日天][)）](?=前|以前|之前|止)"
M = r"(?:1[0-2]|0?[1-9])"
D = r"(?:3[01]|[12]\d|0?[1-9])"
Q = r"[1-4一二三四]"
#: A month in Chinese numerals (三, 十, 十二): read by kb.numerals.cn_number, 1–12 only.
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"


def _sub_period(seasons: str, named: bool) -> str:
    """What may follow ``YYYY年``: a month (and day), a quarter, a half, a season."""
    n = (lambda name: f"?P<{name}>") if named else (lambda name: "?:")
    return (
        f"(?:({n('m')}{M})月(?:({n('d')}{D})[日号])?|第?({n('q')}{Q})季度|({n('h')}[上下])半年|({n('s')}{seasons}))"
    )


@lru_cache(maxsize=4)
def load_grammar(path: str | None = None) -> DeadlineGrammar:
    """Compile the deadline words of ``targets.yaml`` into patterns (once)."""
    data = read_vocabulary_file(path)["deadlines"]
    seasons = {k: (v[0], v[1]) for k, v in data["seasons"].items()}
    season = _alt(seasons)
    sub, sub_plain = _sub_period(season, True), _sub_period(season, False)
    before = _alt(data["baseline_before"])
    after = _alt(data["baseline_after"])
    joiner_w = _alt(data["range_joiners"])
    masks = [
        # 2023年区《政府工作报告》: a year right before a title qualifies the document (before the title is masked).
        re.compile(rf"{Y}年度?[^\W\d_前底末起内至以]{{0,3}}(?=《)"),
        re.compile(r"《[^《》]*》"),
        re.compile(rf"{before}(?:考核)?(?:基准年)?[（(]?{Y}年(?:度)?[)）]?(?:相比|比较)?"),
        re.compile(rf"基准年[（(]{Y}年[)）]"),
        re.compile(rf"[以在]?{Y}年(?:{sub_plain})?(?:为|作为)?{after}"),
        re.compile(rf"{Y}年第\d+号"),  # 公告2018年第22号: a document number
        # 2022年“智改数转”工作推进方案 / 2023年度工作要点: the year opens a document's name.
        re.compile(rf"{Y}年度?(?:[“\"][^”\"，。；]{{1,20}}[”\"][^，。；、\d]{{0,8}}?)?{_alt(data['document_nouns'])}"),
        # 2025年“数据要素×”大赛, 2024年“中国旅游日”活动: a year opening a quoted name is part of the name (an
        # edition), not a limit; after a limit's own word (到2025年“…”) it stays one.
        re.compile(rf"(?<![到至止自从于在])(?<!截至){Y}年度?(?=[“\"][^”\"，。；,;]{{1,24}}[”\"][^\d，。；,;]{{0,6}}?"
                   rf"{_alt(data['quoted_name_nouns'])})"),
        # 开展“2023年消费提振年”系列活动: a year opening a quoted name, the quote closing within a few words, is part of it.
        re.compile(rf"(?<=[“\"]){Y}年度?(?=[^”\"，。；,;]{{0,20}}[”\"])"),
        # 完成2030年达标区域划定, 发放2022年度补贴资金: a year describing the noun after it (not after a limit's word).
        re.compile(rf"(?<![到至止自从于在])(?<!截至)(?<=[^\W\d_]){Y}年度?(?={_alt(data['year_attribute_nouns'])})"),
        # 三年行动计划(2025-2027年), 实施方案（2024—2026年）: a plan's period in brackets after its name is part of the name.
        re.compile(rf"(?<=[案划要见法动程单])[（(]{Y}年?\s*{_alt(data['range_joiners'])}\s*{Y}年?[)）]"),
        # 2025年是“十四五”规划的收官之年: a year described.
        re.compile(rf"{Y}年(?={_alt(data['described_after'])})"),
        # 2010年以后新建的平房仓, 2000年底前建成的住宅小区: a date, a verb and 的 say which things, no limit; so does a
        # span, and a place or 新 before the verb (2020年3月1日至2021年6月30日期间在平台登记的企业, 2024年1月1日以后新注册的
        # 企业: which firms — dates7 s18).  The verb stands right after those words: 2025年底前完成…改造的摸底 stays a limit.
        re.compile(rf"{Y}年(?:{sub_plain})?(?:\s*{joiner_w}\s*(?:{Y}年(?:{sub_plain})?|{sub_plain}|{D}[日号]))?"
                   rf"(?:{_alt(data['end_words'])})?(?:{_alt(data['by_after'] + data['from_after'] + data['scope_after'])})?"
                   rf"(?=(?:已经|已)?(?:在[^\W\d_]{{1,8}}?)?(?:已经|已|新|首次)?{_alt(data['described_verbs'])}的)"),
        # 自2022年起，每年安排…: a start after which the work recurs sets no limit.
        re.compile(rf"(?:{_alt(data['from_before'])})?{Y}年(?:{sub_plain})?{_alt(data['from_after'])}"
                   rf"(?=[^。；;]{{0,40}}?{_alt(data['recurring_after_start'])})"),
        # 实施期限至2021年12月31日, 延长至2022年4月30日: the end of a policy's term.
        re.compile(rf"(?:{_alt(data['policy_term_before'])}"
                   rf"|{_alt(data['policy_nouns'])}[^，。；;,\d]{{0,10}}?{_alt(data['policy_run_words'])})"
                   rf"{Y}年(?:{sub_plain})?(?:{_alt(data['end_words'])})?"),
        # 2021年5月1日起按照…规定执行 / 2021年5月1日至2022年4月30日实施…的政策: a policy's window (a start or a
        # span, never a 前/底 limit) in a sentence ending with one of policy_window_end.
        re.compile(rf"{Y}年(?:{sub_plain})?(?:起|{joiner_w}{Y}年(?:{sub_plain})?)"
                   rf"(?=[^，。；;,]{{0,60}}?{_alt(data['policy_window_end'])}(?:[，。；;,]|$))"),
    ]
    joiner = _alt(data["range_joiners"])
    # 2012年1-12月, 2024年1-3季度: the left month (quarter) written without its unit, the right one's stands for both.
    date_left = (rf"{Y}(?:年(?:{sub_plain}|{M}(?=\s*{joiner}\s*{M}月)|{Q}(?=\s*{joiner}\s*{Q}季度))?)?")
    # (…8月5日至8日: a day alone on the right takes the left one's month — a span of days, read as a range)
    date_right = rf"(?:{Y}年(?:{sub_plain})?|{sub_plain}|{D}[日号](?![\d月]))"
    words: dict[str, str] = {}
    for key, role in (("by_before", "by"), ("by_after", "by"), ("end_words", "end"), ("from_before", "from"),
                      ("from_after", "from"), ("during_after", "during")):
        for w in data[key]:
            words.setdefault(f"{key.split('_')[1]}:{w}", role)
    pre = _alt(data["by_before"] + data["from_before"])
    end = _alt(data["end_words"])
    post = _alt(data["by_after"] + data["from_after"])
    inside = _alt(data["during_after"])
    return DeadlineGrammar(
        masks=masks,
        name_year=re.compile(
            rf"(?:(?<=[：:])|(?<=[^\W\d_])(?<![到至于在从自止]))(?P<year>{Y}年度?)的?"
            rf"(?P<np>(?:[“\"][^”\"，。；]{{1,20}}[”\"]|[（(][^（）()，。；,;]{{1,8}}[)）]|[春夏秋冬]季|[^\W\d_前底末起内至月日季以的]){{0,24}}?)"
            rf"(?P<head>{_alt(data['name_nouns'])})"),
        name_breakers=re.compile(_alt(data["name_breakers"])),
        plan_period=re.compile(
            rf"(?:{_alt(data['by_before'])})?[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:(?P<period>{_alt(data['plan_period_words'])})|(?P<end>{_alt(data['plan_end_words'])}))"
        ),
        range=re.compile(rf"(?P<pre>{pre})?(?P<a>{date_left})\s*{joiner}\s*(?P<b>{date_right})(?P<end>{end})?(?P<post>{post})?"),
        point=re.compile(
            rf"(?P<pre>{pre})?(?P<y>{Y})年{sub}?(?:(?P<inside>{inside})|(?:{_WEEKDAY})?(?:{_CLOCK})?(?P<end>{end})?(?P<post>{post})?)"
        ),
        date=re.compile(rf"(?:(?P<y>{Y})年?)?{sub}?"),
        date_list=re.compile(rf"{Y}年{M}月{D}[日号](?:[、和及](?:{Y}年)?{M}月{D}[日号])+(?P<post>{_alt(data['by_after'])})"),
        month_span_cn=re.compile(rf"(?P<pre>{pre})?(?P<y>{Y})年(?P<a>{_CN_MONTH})月?\s*{joiner}\s*(?P<b>{_CN_MONTH})月"
                                 rf"(?P<end>{end})?(?P<post>{post})?"),
        month_point_cn=re.compile(rf"(?P<pre>{pre})?(?P<y>{Y})年(?P<cm>{_CN_MONTH})月(?!份?[\d一二三四五六七八九十])"
                                  rf"(?:(?P<inside>{inside})|(?P<end>{end})?(?P<post>{post})?)"),
        undated_span=re.compile(rf"(?<![\d一二两三四五六七八九十月每])(?:(?P<a>{M})|(?P<ca>{_CN_MONTH}))月?\s*{joiner}\s*"
                                rf"(?:(?P<b>{M})|(?P<cb>{_CN_MONTH}))月(?:份)?(?:{end})?(?:{post})?"),
        words=words,
        seasons=seasons,
    )


# ---------------------------------------------------------------- periods

def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


_QUARTER = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


def _period(g: dict, year: int, seasons: dict[str, tuple[int, int]]) -> tuple[str, str] | None:
    """(start, end) of a date's period from its groups, or None if it is no date (2月30日)."""
    if g.get("m"):
        month = int(g["m"])
        if g.get("d"):
            day = int(g["d"])
            if day > _last_day(year, month):
                return None
            return _iso(year, month, day), _iso(year, month, day)
        return _iso(year, month, 1), _iso(year, month, _last_day(year, month))
    if g.get("q"):
        q = _QUARTER[g["q"]]
        return _iso(year, 3 * q - 2, 1), _iso(year, 3 * q, _last_day(year, 3 * q))
    if g.get("h"):
        first, last = (1, 6) if g["h"] == "上" else (7, 12)
        return _iso(year, first, 1), _iso(year, last, _last_day(year, last))
    if g.get("s"):
        first, last = seasons[g["s"]]
        end_year = year + 1 if last < first else year
        return _iso(year, first, 1), _iso(end_year, last, _last_day(end_year, last))
    return _iso(year, 1, 1), _iso(year, 12, 31)


def _kind(grammar: DeadlineGrammar, pre: str | None, end: str | None, post: str | None) -> str:
    """by / from / during from the words around a date; words after it win over words before."""
    if post:
        return "from" if grammar.words.get(f"after:{post}") == "from" else "by"
    if end:
        return "by"
    if pre:
        return "from" if grammar.words.get(f"before:{pre}") == "from" else "by"
    return "during"


_LIST_DAY = re.compile(rf"(?:(?P<y>{Y})年)?(?P<m>{M})月(?P<d>{D})[日号]")


def _from_date_list(grammar: DeadlineGrammar, clause: str, masked: str, m: re.Match, index: int) -> list[tuple[int, int, Deadline]]:
    """Each day of a list sharing its last limit word (``2022年2月14日、5月16日、11月14日前``: four by-deadlines, the
    year carried on); none when a day does not exist.  The last day's text keeps the limit word."""
    out: list[tuple[int, int, Deadline]] = []
    year = None
    for day in _LIST_DAY.finditer(masked, m.start(), m.start("post")):
        year = int(day.group("y")) if day.group("y") else year
        period = _period(day.groupdict(), year, grammar.seasons)
        if period is None:
            return []
        end = m.end() if day.end() == m.start("post") else day.end()
        out.append((day.start(), end, Deadline(clause[day.start() : end], "by", None, period[1], index)))
    return out


def _from_plan_period(grammar: DeadlineGrammar, m: re.Match, index: int) -> Deadline:
    # 三五 (1966–1970) onwards every five-year plan follows the previous one: 十三五 = 2016–2020.
    n = 10 + "一二三四五六七八九".index(m.group("n")) + 1
    first = 1966 + 5 * (n - 3)
    if m.group("end"):
        return Deadline("", "by", None, _iso(first + 4, 12, 31), index)
    return Deadline("", "range", _iso(first, 1, 1), _iso(first + 4, 12, 31), index)


_BARE_LEFT = re.compile(rf"年(?:{M}|{Q})$")


_BARE_DAY = re.compile(rf"({D})[日号]")


def _from_range(grammar: DeadlineGrammar, m: re.Match, index: int) -> Deadline | None:
    left_text = m.group("a")
    day = _BARE_DAY.fullmatch(m.group("b"))
    if day:  # 2004年8月5日至8日: the right day is of the left one's month; none without a day on the left
        a = grammar.date.fullmatch(left_text).groupdict()
        if not (a["y"] and a["m"] and a["d"]):
            return None
        y = int(a["y"])
        left, right = _period(a, y, grammar.seasons), _period(dict(a, d=day.group(1)), y, grammar.seasons)
        if left is None or right is None or right[1] <= left[0]:
            return None
        return Deadline("", "range", left[0], right[1], index)
    b = grammar.date.fullmatch(m.group("b")).groupdict()
    if _BARE_LEFT.search(left_text):  # 2012年1-12月: the left number takes the right one's unit
        left_text += "月" if b["m"] else "季度"
    a = grammar.date.fullmatch(left_text).groupdict()
    y1 = int(a["y"])
    y2 = int(b["y"]) if b["y"] else y1
    if not b["y"] and not (a["m"] or a["q"] or a["h"] or a["s"]):
        return None  # 2018至3月: no second year to read
    if not m.group("a").count("年") and not b["y"]:
        return None
    if b["s"] and not a["s"] and not (a["m"] or a["q"] or a["h"]):
        # 2018—2019年秋冬季: the season that starts in the first year and ends in the second.
        first, last = grammar.seasons[b["s"]]
        if last < first and y2 == y1 + 1:
            return Deadline("", "range", _iso(y1, first, 1), _iso(y2, last, _last_day(y2, last)), index)
        a = dict(a, s=b["s"])
    left = _period(a, y1, grammar.seasons)
    right = _period(b, y2, grammar.seasons)
    if left is None or right is None or right[1] <= left[0]:
        return None
    return Deadline("", "range", left[0], right[1], index)


def _from_cn_span(grammar: DeadlineGrammar, m: re.Match, index: int) -> Deadline | None:
    """2012年三月至九月 / 2012年一至六月: a range from the first month's start to the last one's end; none when it runs
    backwards (the year alone is then read, as for digits)."""
    first, last = cn_number(m.group("a")), cn_number(m.group("b"))
    if not first or not last or last < first:
        return None
    y = int(m.group("y"))
    return Deadline("", "range", _iso(y, first, 1), _iso(y, last, _last_day(y, last)), index)


def _from_cn_point(grammar: DeadlineGrammar, m: re.Match, index: int) -> Deadline | None:
    """2012年三月底前, 2012年十月: the month read by kb.numerals (1–12), then as a date written in digits."""
    month = cn_number(m.group("cm"))
    if not month or month > 12:
        return None
    g = {"m": str(month), "y": m.group("y"), "pre": m.group("pre"), "end": m.group("end"), "post": m.group("post"),
         "inside": m.group("inside")}
    return _point_deadline(grammar, g, index)


def _from_point(grammar: DeadlineGrammar, m: re.Match, index: int) -> Deadline | None:
    return _point_deadline(grammar, m.groupdict(), index)


def _point_deadline(grammar: DeadlineGrammar, g: dict, index: int) -> Deadline | None:
    """A date point's deadline from its parts (y, m, pre, end, post, inside): by / from / during its period."""
    period = _period(g, int(g["y"]), grammar.seasons)
    if period is None:
        return None
    kind = "during" if g["inside"] else _kind(grammar, g["pre"], g["end"], g["post"])
    if kind == "by":
        return Deadline("", "by", None, period[1], index)
    if kind == "from":
        return Deadline("", "from", period[0], None, index)
    return Deadline("", "during", period[0], period[1], index)


_MAY_HOLD_DATE = re.compile(r"(?:19|20|21)\d{2}|十[一二三四五六七八九]五")


def _mask(grammar: DeadlineGrammar, text: str) -> str:
    for pattern in grammar.masks:
        text = pattern.sub(lambda m: "□" * len(m.group(0)), text)
    return _mask_names(grammar, text)


def _mask_names(grammar: DeadlineGrammar, text: str) -> str:
    """Mask the years inside names (印发2008年十件实事…分解方案): a year after a word (not after a time
    preposition 到/于/在/从/自) followed by name words and a name noun, none of them a verb of doing, a
    digit, a time word or 的 (2030年达标区域的…方案: the year belongs to a description, not to a name)."""
    spans = [m.span("year") for m in grammar.name_year.finditer(text) if not grammar.name_breakers.search(m.group("np"))]
    for a, b in spans:
        text = text[:a] + "□" * (b - a) + text[b:]
    return text


def find_deadlines(clause: str, index: int = 0) -> list[tuple[int, int, Deadline]]:
    """Every deadline of one clause as (start, end, Deadline), offsets into ``clause``, in text order."""
    folded = fold(clause)
    if not _MAY_HOLD_DATE.search(folded):
        return []  # most clauses: no year, no five-year plan — skip the masks and patterns
    grammar = load_grammar()
    masked = _mask(grammar, folded)
    taken = [False] * len(masked)
    found: list[tuple[int, int, Deadline]] = []
    for m in grammar.date_list.finditer(masked):
        days = _from_date_list(grammar, clause, masked, m, index)
        found.extend(days)
        if days:
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    for pattern, read in ((grammar.plan_period, _from_plan_period), (grammar.month_span_cn, _from_cn_span),
                          (grammar.range, _from_range), (grammar.month_point_cn, _from_cn_point), (grammar.point, _from_point)):
        for m in pattern.finditer(masked):
            if any(taken[m.start() : m.end()]):
                continue
            deadline = read(grammar, m, index)
            if deadline is None:
                continue
            deadline.text = clause[m.start() : m.end()]
            found.append((m.start(), m.end(), deadline))
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    found.sort(key=lambda x: x[0])
    return found


def parse_deadlines(clause: str, index: int = 0) -> list[Deadline]:
    """Every deadline of one clause (a sentence), in text order, with ``clause=index``."""
    return [d for _, _, d in find_deadlines(clause, index)]


def deadline_spans(clause: str, dls: list[Deadline]) -> list[str]:
    """The words each of ``dls`` (the deadlines of ``clause``, in text order) sets a limit to: with two or more, the
    clause cut at its commas and semicolons (outside brackets), each deadline owning the piece holding it and the
    undated ones after it, those before the first dated one going to the first (`A于X前完成…，B于Y前报送…`: X →
    `A于X前完成…`, Y → `B于Y前报送…`; steps joined by ； — `2025年12月，组建…队伍；2026年底前，完成…` — each date its
    step: the ； was no cut, and 组建 took 2026年底前); deadlines sharing a piece share it.  One deadline, or one whose
    words are not found in order: the whole clause."""
    if len(dls) < 2:
        return [clause] * len(dls)
    cuts = list(marks_outside_brackets(clause, "，,；;"))
    segments = list(zip([0] + [c + 1 for c in cuts], cuts + [len(clause)]))
    where, cursor = [], 0
    for d in dls:
        at = clause.find(d.text, cursor) if d.text else -1
        if at < 0:
            return [clause] * len(dls)
        where.append(next(k for k, (a, b) in enumerate(segments) if a <= at <= b))
        cursor = at + len(d.text)
    dated = sorted(set(where))
    owner = {}  # segment → the dated segment whose deadlines it belongs to
    for k in range(len(segments)):
        owner[k] = max((s for s in dated if s <= k), default=dated[0])
    spans = []
    for seg in where:
        mine = [k for k in range(len(segments)) if owner[k] == seg]
        spans.append(clause[segments[mine[0]][0] : segments[mine[-1]][1]])
    return spans


def marks_outside_brackets(text: str, marks: str):
    """Indices of the characters of ``marks`` in ``text`` that stand outside brackets and quotes (（(〔【《“ … ”》】〕)）),
    in order — where a clause is cut (here, at its commas) or a sentence ends (kb.parser.structure.first_sentence)."""
    depth = 0
    for i, c in enumerate(text):
        if c in "（(〔【《“":
            depth += 1
        elif c in "）)〕】》”":
            depth = max(0, depth - 1)
        elif c in marks and depth == 0:
            yield i


_CN_COUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _CN_COUNT:
        return _CN_COUNT[text]
    if len(text) == 2 and text[0] == "十" and text[1] in _CN_COUNT:
        return 10 + _CN_COUNT[text[1]]
    if len(text) == 2 and text[1] == "十" and text[0] in _CN_COUNT:
        return 10 * _CN_COUNT[text[0]]
    return None


@lru_cache(maxsize=4)
def _within_re(path: str | None = None) -> re.Pattern:
    data = read_vocabulary_file(path)["deadlines"]
    return re.compile(
        rf"(?:(?:本|该)?{_alt(data['within_documents'])}?(?P<since>{_alt(data['within_since'])}))?"
        rf"(?P<n>\d{{1,3}}|[一二两三四五六七八九十]{{1,2}})(?P<unit>{_alt(data['within_units'])})(?:{_alt(data['within_after'])})"
    )


@lru_cache(maxsize=4)
def _service_units(path: str | None = None) -> frozenset[str]:
    return frozenset(read_vocabulary_file(path)["deadlines"]["service_units"])


@lru_cache(maxsize=4)
def _benefit_after(path: str | None = None) -> tuple[str, ...]:
    return tuple(read_vocabulary_file(path)["deadlines"]["benefit_after"])


@lru_cache(maxsize=1)
def _benefit_lead() -> re.Pattern:
    """Words that may stand between a span and its benefit (``benefit_lead``: 5年内按比例减免, 3年内逐年给予补贴)."""
    return re.compile(f"(?:{_alt(read_vocabulary_file()['deadlines']['benefit_lead'])})*")


def _benefit_follows(folded: str, end: int) -> bool:
    """A benefit word (``benefit_after``) follows the span ending at ``end``, maybe after words of how it is given
    (``benefit_lead``): how long the benefit lasts (dates7 s18: 5年内按比例减免有关费用 was a 时限)."""
    at = _benefit_lead().match(folded, end).end()
    return folded.startswith(_benefit_after(), at) or folded.startswith(_benefit_after(), end)


def not_work_span(text: str, start: int, end: int) -> bool:
    """The relative span at ``start``–``end`` of ``text`` is how long a benefit lasts (5年内按比例减免) or a person's period
    (离校2年内未就业高校毕业生): no time of the work — the one definition find_within and the answers' stated times use."""
    folded = fold(text)
    return _benefit_follows(folded, end) or folded[:start].endswith(_person_before())


@lru_cache(maxsize=1)
def _person_before() -> tuple[str, ...]:
    """Events of a person's life right before a span (``within_person_before``: 退役1年内, 离校2年内, 毕业2年内)."""
    return tuple(read_vocabulary_file()["deadlines"]["within_person_before"])


_CLAUSE_STOP = re.compile(r"[，,。；;：:]")


def _condition_clause(folded: str, end: int) -> bool:
    """The clause going on after ``end`` closes with a condition word (``condition_ends``: …完成全部投资的，) before a
    comma: what it says is the condition of what follows, not a task's limit."""
    stop = _CLAUSE_STOP.search(folded, end)
    return bool(stop) and stop.group(0) in "，," and folded[end:stop.start()].endswith(
        tuple(read_vocabulary_file()["deadlines"]["condition_ends"]))


_STATED_START = re.compile(r"(?P<y>(?:19|20|21)\d{2})年(?:起|开始)[，,]?(?:用|在)?(?P<n>\d{1,2}|[一二两三四五六七八九十])年(?:时间|内|之内)")


def stated_start(paragraphs: list[str]) -> int | None:
    """The year a plan says its relative years count from (``2012年起5年内``), or None."""
    for p in paragraphs:
        if "年" not in p or ("起" not in p and "开始" not in p):
            continue
        m = _STATED_START.search(fold(p))
        if m:
            return int(m.group("y"))
    return None


def find_within(clause: str, index: int = 0, start: int | None = None, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int, Deadline]]:
    """Relative limits of a clause (``5年内``, ``印发之日起30日内``) outside the spans ``taken``."""
    if "内" not in clause:
        return []
    folded = fold(clause)
    found = []
    for m in _within_re().finditer(folded):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        n = _count(m.group("n"))
        if n is None or m.group("n") in ("年",):
            continue
        if m.group("unit") in _service_units() and not m.group("since"):
            continue  # 14个工作日内完成审批: a processing limit of each case, not a deadline
        if m.start() > 0 and folded[m.start() - 1].isdigit():
            continue
        if _benefit_follows(folded, m.end()):
            continue  # 实行5年内免征企业所得税, 5年内按比例减免: how long a benefit lasts, not a limit of the task
        if not m.group("since") and folded[: m.start()].endswith(_person_before()):
            continue  # 退役1年内的军人, 离校2年内未就业高校毕业生: which persons, a period of their own, no limit
        if _condition_clause(folded, m.end()):
            continue  # 自签约之日起两年内完成全部投资的，按…给予补助: the condition of a benefit, not a limit of the task
        if not m.group("since") and _qualifying_span(folded, m.start(), m.end()):
            continue  # 3年内驾龄的驾驶人, 12个月内有3次以上违法, 近3年内发生过事故: a window of a noun or a count, no limit
        begin = _event_start(folded, m)
        d = Deadline(clause[begin : m.end()], "within", None, None, index)
        if start is not None and m.group("unit") == "年" and not m.group("since") and begin == m.start():
            d.start, d.end = _iso(start, 1, 1), _iso(start + n - 1, 12, 31)
        found.append((begin, m.end(), d))
    return found


@lru_cache(maxsize=1)
def _qualifying_res() -> tuple[re.Pattern, re.Pattern]:
    data = read_vocabulary_file()["deadlines"]
    after = re.compile(rf"(?:{_alt(data['within_noun_after'])}|{_alt(data['within_count_verbs'])}?"
                       rf"(?:\d{{1,4}}|[一二两三四五六七八九十几多]{{1,3}}){_alt(data['within_count_units'])})")
    past = re.compile(rf"{_alt(data['within_past_before'])}$")
    return after, past


def _qualifying_span(folded: str, start: int, end: int) -> bool:
    """A relative span that qualifies a noun (3年内驾龄), counts events over a window (12个月内有3次, 一年内累计发生两起) or
    names a past window (近3年内): no limit of the work (``within_noun_after`` / ``within_count_verbs`` …)."""
    after, past = _qualifying_res()
    return bool(after.match(folded, end)) or bool(past.search(folded, max(0, start - 3), start))


#: Words before 后 that count from now, not from an event (今后五年内: resolved from the plan's start as before).
_NOW_BEFORE_AFTER = ("今", "此", "之", "以", "其")
#: Where an event's words end on the left: punctuation, or the preposition opening it (自受理之日起, 在竣工后).
_EVENT_STOP = set("，,。；;：:、（）()“”《》 自从在于由")


def _event_start(folded: str, m: re.Match) -> int:
    """Where a relative span counted from an event starts (竣工后五年内, 受理之日起十五日内: the event is kept with
    the span, which then gets no dates — it runs from the event, not from the plan's start); ``m.start()`` for a
    span counted from a document (本方案印发之日起) or from now (5年内, 今后五年内)."""
    if m.group("since"):
        if m.group("since") != "之日起" or m.group(0).find("之日起") > 0:
            return m.start()  # 印发之日起 / 本方案之日起: a document's start, already in the span
        anchor = m.start()
    elif folded[: m.start()].endswith("后"):
        anchor = m.start() - 1
    else:
        return m.start()
    i = anchor
    while i > 0 and anchor - i < 16 and folded[i - 1] not in _EVENT_STOP and not folded[i - 1].isspace():
        i -= 1
    if i == anchor or (not m.group("since") and folded[i:anchor] in _NOW_BEFORE_AFTER):
        return m.start()
    return i


@lru_cache(maxsize=4)
def _undated_re(path: str | None = None) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a month or day without a year closed by 底/末/前: ``5月底前``; a this-year word: ``全年``; the year's
    end: ``年底前``)."""
    data = read_vocabulary_file(path)["deadlines"]
    month = re.compile(
        rf"(?:(?P<this>{_alt(data['this_year_month_before'])})|(?<![\d年月]))(?:(?P<m>{M})|(?<![一二两三四五六七八九十第])(?P<cm>{_CN_MONTH}))月(?:(?P<d>{D})[日号])?(?:(?P<end>{_alt(data['end_words'])})(?P<post>{_alt(data['by_after'])})?"
        rf"|(?P<post2>{_alt(data['by_after'])}))")
    year = re.compile(rf"(?<![\d一二两三四五六七八九十几每当])(?:{_alt(data['this_year_words'])})")
    year_end = re.compile(rf"(?<![\d一二两三四五六七八九十几每])(?:{_alt(data['this_year_end_words'])})")
    return month, year, year_end


def find_undated(clause: str, index: int = 0, taken: list[tuple[int, int]] = (),
                 spans: bool = False) -> list[tuple[int, int, Deadline]]:
    """Time limits without a year outside the spans ``taken``: ``5月底前`` (by) and ``全年`` / ``年内`` (during),
    with no dates (the plan's own year, which it may not state); none after a recurring word (每年10月1日前).
    ``spans``: a span of months (``1—6月``, ``一至六月``) is a limit too, by its last month — only where words state a
    time (a tag's segment, a time label, a heading: ``tag_time_limits``); in a sentence ``1至5月累计增长5%`` reports."""
    if "月" not in clause and "年" not in clause:
        return []
    folded = fold(clause)
    month, year, year_end = _undated_re()
    recurring = tuple(read_vocabulary_file()["deadlines"]["recurring_before"])
    found = []
    taken = list(taken)
    for m in load_grammar().undated_span.finditer(folded) if spans else ():
        # 1—6月, 一至六月, 3月至9月: a span of months in the plan's year, due by its last month (as 6月底前); none
        # running backwards or recurring (每年1-3月)
        first = int(m.group("a")) if m.group("a") else cn_number(m.group("ca"))
        last = int(m.group("b")) if m.group("b") else cn_number(m.group("cb"))
        if (not first or not last or not first < last <= 12 or any(a < m.end() and m.start() < b for a, b in taken)
                or folded[: m.start()].endswith(recurring) or _other_year_or_period(folded, m.start(), m.end())):
            continue
        found.append((m.start(), m.end(), Deadline(clause[m.start() : m.end()], "by", None, None, index)))
        taken.append((m.start(), m.end()))
    for pattern, kind in ((month, "by"), (year, "during"), (year_end, "by")):
        for m in pattern.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b in taken) or folded[: m.start()].endswith(recurring):
                continue
            found.append((m.start(), m.end(), Deadline(clause[m.start() : m.end()], kind, None, None, index)))
    return found


@lru_cache(maxsize=4)
def _recurring_re(path: str | None = None) -> re.Pattern:
    """A limit of every period: the period word (``every``), then a point of it and/or a limit word, or a span after
    its end (每季度结束后10日内), or — alone — a verb of reporting within a few characters of the same list item
    (每半年报送一次; not 每月例会制度、通报制度: 通报制度 is a noun, and a 、 ends the item)."""
    data = read_vocabulary_file(path)["deadlines"]
    every = _alt(data["recurring_every"])
    # (a weekday — 每周五, 每周星期一 — and a clock time after the point — 每周五12:00前, 每月25日17:00前, 每周五下午5点前 —
    # are the point's words too: 每周五12:00前报送 was read by no rule and the next clause's 每月5日前 answered, dates7 s18)
    clock = r"(?:\s*(?:[上下]午|中午|晚上)?\s*\d{1,2}(?:[:：]\d{2}|[点时](?:\d{1,2}分|半)?))"
    weekday = r"(?:周|星期)?[一二三四五六日天](?=\s*(?:[上下]午|中午|晚上)?\s*\d{1,2}(?:[:：]\d{2}|[点时])|以前|之前|前)"
    point = (rf"(?:(?:{M}月(?:{D}[日号])?|{D}[日号]|{weekday})(?:{clock})?|第?{Q}季度|[上下]半年|年底|年末|年初"
             rf"|(?:季度?)?[首末]月{D}[日号]|季度?末|月底|月末|半年末)")
    limit = rf"(?:{_alt(data['end_words'])})?(?:{_alt(data['by_after'])})"
    span = r"(?:结束|终了)?后\d{1,2}(?:个工作日|日|天)内"
    return re.compile(
        rf"(?P<every>{every})度?(?:(?:{point})(?:{limit})?|(?:{_alt(data['end_words'])})(?:{_alt(data['by_after'])})?|{span})"
        rf"|(?P<alone>{every})(?=[^，。；;,、]{{0,8}}?{_alt(data['recurring_report_verbs'])}(?!制度|机制|制|会))")


@lru_cache(maxsize=4)
def _recurring_start_re(path: str | None = None) -> re.Pattern:
    """The start of work that recurs (2020年起, 自2021年7月起, 从2019年开始): ``from_before``? a year, month, day, then
    ``from_after``; not 以来 (a past reference)."""
    data = read_vocabulary_file(path)["deadlines"]
    return re.compile(rf"(?:{_alt(data['from_before'])})?(?P<y>{Y})年(?:(?P<m>{M})月(?:(?P<d>{D})日)?)?"
                      rf"(?:{_alt(data['from_after'])})")


#: What may stand between a recurring limit's start and the limit for the start's words to be the limit's (2020年起，每年…).
_JOINING = re.compile(r"[\s，,：:]*")


def _recurring_start(folded: str, at: int) -> tuple[int, str] | None:
    """(where its words open, ISO start) of the start the recurring limit at ``at`` runs from: the last start before it in
    its sentence, within 40 characters (as ``recurring_after_start`` masks it), else None."""
    best = None
    for m in _recurring_start_re().finditer(folded, max(0, at - 60), at):
        between = folded[m.end() : at]
        if len(between) <= 40 and not re.search(r"[。；;！？]", between):
            month, day = int(m.group("m") or 1), int(m.group("d") or 1)
            best = (m.start(), _iso(int(m.group("y")), month, day)) if _valid_day(int(m.group("y")), month, day) else None
    return best


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= day <= _last_day(year, month)


def find_recurring(clause: str, index: int = 0, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int, Deadline]]:
    """Limits that come back every period (``每年2月底前``, ``每季度末``, ``每半年报送…``) outside ``taken``: kind
    ``recurring``, the plan's words, no end.  A start before it in its sentence (``2020年起，每年2月底前``, ``从2019年起，
    各有关部门于每年2月底前…``) is its ``start`` — the words are the start's and the limit's when only punctuation stands
    between them, else the limit's — so a question from that year finds it."""
    if "每" not in clause:
        return []
    folded = fold(clause)
    found = []
    for m in _recurring_re().finditer(folded):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        begin, start = m.start(), None
        since = _recurring_start(folded, m.start()) if "年" in folded[: m.start()] else None
        if since is not None:
            opened, start = since
            words_end = _recurring_start_re().match(folded, opened).end()
            if _JOINING.fullmatch(folded, words_end, m.start()):
                begin = opened
        found.append((begin, m.end(), Deadline(clause[begin : m.end()], "recurring", start, None, index)))
    return found


@dataclass(slots=True)
class Duration:
    """How long a piece of work runs, as the plan writes it: 为期3个月, 历时1年, 用两年左右时间, 为期半年."""

    text: str
    """The plan's words (为期3个月, 用两年左右时间)."""
    months: int
    """Its length in months (年 → 12 each, 半年 → 6); 0 when it is counted in days or weeks."""
    days: int
    """Its length in days (天/日; a week 7) when not counted in months."""
    approx: bool
    """左右/多 after it: about that long — no end is reckoned from it."""


@lru_cache(maxsize=4)
def _duration_re(path: str | None = None) -> re.Pattern:
    data = read_vocabulary_file(path)["deadlines"]
    return re.compile(
        rf"(?P<pre>{_alt(data['duration_before'])})(?P<n>\d{{1,3}}|[一二两三四五六七八九十]{{1,2}}|半)(?P<unit>个月|个星期|年|周|天|日)"
        rf"(?:半)?(?P<approx>左右|多)?(?P<time>的?时间)?(?![内前后以之底末初])")


def find_durations(clause: str) -> list[tuple[int, int, Duration]]:
    """How long the work of ``clause`` runs (targets.yaml ``duration_before``: 为期3个月, 历时1年, 持续半年, 用两年左右时间 —
    用/利用/经过 only with 时间 after): (start, end, Duration) in text order.  A span ending in 内/前/以内 is a limit
    (find_within), not a length; nor is a count of working days."""
    if not any(w in clause for w in _duration_words()):
        return []
    folded = fold(clause)
    out = []
    for m in _duration_re().finditer(folded):
        if m.group("pre") in _needs_time() and not m.group("time"):
            continue  # 用3年建成: not said as a length of time (用3年时间 is)
        n = _count(m.group("n")) if m.group("n") != "半" else None
        unit = m.group("unit")
        if m.group("n") == "半":
            months, days = (6, 0) if unit == "年" else (0, 15) if unit == "个月" else (0, 0)
            if not (months or days):
                continue
        elif n is None:
            continue
        elif unit == "年":
            months, days = 12 * n, 0
        elif unit == "个月":
            months, days = n, 0
        elif unit in ("周", "个星期"):
            months, days = 0, 7 * n
        else:
            months, days = 0, n
        half = folded[m.end("unit"):m.end("unit") + 1] == "半"  # (一年半)
        if half:
            months += 6 if unit == "年" else 0
        out.append((m.start(), m.end(), Duration(clause[m.start():m.end()], months, days, bool(m.group("approx")))))
    return out


@lru_cache(maxsize=1)
def _duration_words() -> tuple[str, ...]:
    return tuple(read_vocabulary_file()["deadlines"]["duration_before"])


@lru_cache(maxsize=1)
def _needs_time() -> frozenset[str]:
    return frozenset(read_vocabulary_file()["deadlines"]["duration_needs_time"])


def duration_end(start: str, d: Duration) -> str | None:
    """The last day of a run of length ``d`` that starts on ``start`` (ISO): 2021-03-01 and 为期1年 → 2022-02-28;
    2024-05-01 and 历时3个月 → 2024-07-31; None for an approximate length (两年左右: no day can be reckoned)."""
    import datetime

    if d.approx or not (d.months or d.days):
        return None
    day = datetime.date.fromisoformat(start)
    if d.months:
        month = day.month - 1 + d.months
        year, month = day.year + month // 12, month % 12 + 1
        first = datetime.date(year, month, min(day.day, _last_day(year, month)))
        return (first - datetime.timedelta(days=1)).isoformat()
    return (day + datetime.timedelta(days=d.days - 1)).isoformat()


@lru_cache(maxsize=1)
def _schedule_headings() -> tuple[str, ...]:
    return tuple(read_vocabulary_file()["deadlines"]["schedule_headings"])


def schedule_heading(title: str | None) -> bool:
    """A part's or a section's title naming the plan's schedule (``schedule_headings``: 实施步骤, 时间安排, 进度安排, 阶段安排
    …): its dated paragraphs are the plan's steps (kb.select.schedule_steps)."""
    return bool(title) and any(w in title for w in _schedule_headings())


def before_issue(d: Deadline, issued: str) -> bool:
    """A date of the text that is past on ``issued``, the ISO day the document is signed: a start, or the end of a
    period, in an earlier year (其中2003年安排了…, 从2002年开始, 将2016年实施的…措施调整为…), or a single day before it (a
    visit on 2004年8月5日 recounted in a reply letter), or a span of days ended before it (2004年8月5日至8日, the visit's
    days) — narrative, never a limit the plan sets.  A month or a period of
    the signing year stays (a schedule drafted before it is signed: 建立工作机制（2021年8月） in a plan signed in
    September), and so do dates without a day of the calendar (5月底前, 每年2月底前, 5年内)."""
    year_start = issued[:4] + "-01-01"
    if d.kind == "from":
        return bool(d.start) and d.start < year_start
    if not d.end:
        return False
    return d.end < year_start or (d.kind in ("during", "range") and days_span(d) and d.end < issued)


def days_span(d: Deadline) -> bool:
    """A single day or a span of days (2004年8月5日至8日: a visit, a meeting) — what happens on those days, not a
    limit of work: its words name a day (日/号) on both ends.  The one definition of a date that is no limit by itself:
    before the signing day it is narrative (before_issue); in a cover notice it is a record or an event's days, never
    a 时限 of the plan (kb.qa.exec_plan)."""
    if d.kind == "during":
        return d.start == d.end
    return bool(d.start and d.end) and len(re.findall(r"\d[日号]", fold(d.text))) >= 2


def apply_deadlines(task: Task, start: int | None = None) -> None:
    """Fill ``task.deadlines`` from its clauses (``start``: the year the plan counts ``N年内`` from)."""
    out: list[Deadline] = []
    for i, clause in enumerate(task.clauses):
        dated = find_deadlines(clause, i)
        recurring = find_recurring(clause, i, [(a, b) for a, b, _ in dated])
        within = find_within(clause, i, start, [(a, b) for a, b, _ in dated + recurring])
        undated = find_undated(clause, i, [(a, b) for a, b, _ in dated + within + recurring])
        out.extend(d for _, _, d in sorted(dated + within + recurring + undated, key=lambda x: x[0]))
    task.deadlines = out


def tag_time_limits(words: str, clause: int = 0, start: int | None = None) -> list[tuple[int, int, Deadline]]:
    """The time limits a tag's segment states, as (start, end, Deadline): dated (2019年底前), recurring (每年6月底前),
    relative (3个月内) and a month or the year's end without a year (6月底完成, 年底前 — kind ``by`` with no dates, as
    the body's 6月底前: the plan's year is taken where the body's is).  The one definition of "a tag segment is a time
    limit" (kb.parser.roles.rule_time_words) and of the deadlines it gives (``tag_deadlines``)."""
    dated = find_deadlines(words, clause)
    found = dated + find_recurring(words, clause, [(a, b) for a, b, _ in dated])
    found += find_within(words, clause, start, [(a, b) for a, b, _ in found])
    # 6月底前完成 is a limit without a year; 全年 / 年内持续推进 stay whole, as ongoing words.
    found += [x for x in find_undated(words, clause, [(a, b) for a, b, _ in found], spans=True) if x[2].kind == "by"]
    # 年底完成, 10月份完成: the year's end or a month written bare, before a verb of completion
    found += _bare_ends(words, clause, [(a, b) for a, b, _ in found], completing=True)
    return sorted(found, key=lambda x: x[0])


def _bare_ends(words: str, clause: int, taken: list[tuple[int, int]], completing: bool) -> list[tuple[int, int, Deadline]]:
    """The year's end (年底, 年末) or a month (10月, 10月份) written bare outside ``taken``: kind by, no dates (the plan's
    year); with ``completing`` only before a verb of completion in its clause (``completion_verbs``: 年底完成, 10月份…安装
    完毕 — 5月份启动 is a start, no limit)."""
    folded = fold(words)
    out = []
    for m in _BARE_END_RE.finditer(folded):
        if (any(x < m.end() and m.start() < y for x, y in taken) or (completing and not _completes(folded, m.end(), m.start()))
                or _SPAN_END_RE.search(folded, 0, m.start()) or _other_year_or_period(folded, m.start(), m.end())):
            continue  # (the end of a span left unread — 次年1-2月, 5—9月汛期 — is no month of its own)
        out.append((m.start(), m.end(), Deadline(words[m.start() : m.end()], "by", None, None, clause)))
    return out


#: Where a field's clause ends: a limit's verb of completion must stand before it.
_FIELD_CLAUSE_END = re.compile(r"[，,。；;：:！？]")
#: The year's end (年底) or a month (10月, 10月份) without a year and without 前/底: a limit only before a verb of completion.
_BARE_END_RE = re.compile(rf"(?<![\d年月每])(?:年底|年末|(?<![一二两三四五六七八九十])(?:{M})月份?(?![\d底末初中上下前]))")


@lru_cache(maxsize=1)
def _completion_verbs() -> tuple[str, ...]:
    return tuple(read_vocabulary_file()["deadlines"]["completion_verbs"])


def _completes(folded: str, end: int, start: int | None = None) -> bool:
    """A verb of completion (``completion_verbs``) follows ``end`` in its clause (up to the next comma or stop), the
    completion still to come: with ``start`` (the date's), not a record of work done (``_recorded``)."""
    stop = _FIELD_CLAUSE_END.search(folded, end)
    rest = folded[end : stop.start() if stop else len(folded)]
    return any(v in rest for v in _completion_verbs()) and (start is None or not _recorded(folded, start, end))


#: A span joiner right before a month (1-2月's 2月): the month ends a span, no month of its own.
_SPAN_END_RE = re.compile(r"[\d一二三四五六七八九十]月?份?[-—–~～至到]$")


def _recorded(folded: str, start: int, end: int) -> bool:
    """The date at ``start``–``end`` records a completion already done (``record_before``: 该项目已于2011年底完成立项,
    2010年已完成一期工程; ``record_after``: 2012年完成了一期改造) — no limit: a plan dates what it did as well as what it
    will do."""
    data = read_vocabulary_file()["deadlines"]
    before = folded[: start][-6:]
    if re.search(rf"{_alt(data['record_before'])}[于在]?$", before):
        return True
    stop = _FIELD_CLAUSE_END.search(folded, end)
    rest = folded[end : stop.start() if stop else len(folded)]
    verb = re.search(_alt(_completion_verbs()), rest)
    if verb is None:
        return False
    return (any(w in rest[: verb.start()] for w in data["record_before"])
            or rest[verb.end() :].startswith(tuple(data["record_after"])))


def _other_year_or_period(folded: str, start: int, end: int) -> bool:
    """A span or month without a year at ``start``–``end`` after a relative year (次年1-2月: ``next_year_words`` — not the
    plan's year) or beside a period of continuing work (5—9月汛期, 汛期5-9月期间, 1-6月份每月报送: ``continuing_period_words``
    — when the work runs): no limit of the plan's year."""
    data = read_vocabulary_file()["deadlines"]
    if folded[:start].endswith(tuple(data["next_year_words"])):
        return True
    periods = tuple(data["continuing_period_words"])
    return folded[end:].lstrip("份的").startswith(periods) or folded[:start].endswith(periods)


def field_limits(words: str, clause: int = 0, start: int | None = None) -> list[Deadline]:
    """The time limits a non-time field of a label block states (``目标任务：年底完成…``, ``目标要求：…到2011年底，实现…``,
    ``目标任务：1.10月份…安装完毕；2.…年内开工``), in the plan's words: a limit only — a date with 到/前/底/末, a span (its
    end), a relative or recurring limit, a month's or the year's end with 前 (``tag_time_limits``); a date of a period,
    ``全年``/``年内`` only when a verb of completion follows in its clause (``completion_verbs``: 2013年完成…, 年内开工;
    the year's end or a month written bare likewise, read by ``tag_time_limits``: 年底完成…, 10月份…安装完毕).  A start (``from``), a baseline (比2010年, masked) and a
    year naming what is done or funded (完成2012年度…任务, 资金来源：2012年中央预算内投资) set none."""
    folded = fold(words)
    found = []
    for a, b, d in tag_time_limits(words, clause, start):
        if d.kind == "from" or (d.kind == "during" and not _completes(folded, b)) or _recorded(folded, a, b):
            continue  # (a record of work done — 2010年已完成一期工程, 已于2011年底完成 — is no limit)
        found.append((a, b, d))
    taken = [(a, b) for a, b, _ in found]
    for a, b, d in find_undated(words, clause, taken):  # 全年 / 年内 (during): the year's work, when it completes
        if d.kind == "during" and _completes(folded, b, a) and not any(x < b and a < y for x, y in taken):
            found.append((a, b, d))
    return [d for _, _, d in sorted(found, key=lambda x: x[0])]


#: What may stand between a heading's edge and a limit at that edge (``近期任务（2024—2025年）``, ``第一阶段：2024年底前``).
_HEADING_EDGE = " \u3000（()）：:，,、。；;"


def heading_limits(heading: str, start: int | None = None) -> list[Deadline]:
    """The time limits a heading sets for the items under it (kb/parser/core.py ``rule_heading_deadlines``): a limit
    (``tag_time_limits``: dated, relative, recurring, or a month without a year) that opens the heading (``2025年重点任务``,
    ``2024—2025年：全面推进``), closes it (``第一阶段：2024年底前``, ``建设筹备阶段（2024年年底前）``) or stands alone in brackets
    (``第一阶段（2024年1月—3月）：动员部署``).  A date inside the heading's words describes them (``巩固2020年脱贫攻坚成果``,
    ``开展“2024年质量提升年”活动``): no limit of the items."""
    out = []
    for a, b, d in tag_time_limits(heading, 0, start):
        opens = not heading[:a].strip(_HEADING_EDGE)
        closes = not heading[b:].strip(_HEADING_EDGE)
        bracketed = heading[a - 1 : a] in ("（", "(") and heading[b : b + 1] in ("）", ")")
        if opens or closes or bracketed:
            out.append(d)
    return out


def tag_deadlines(words: str, clause: int, start: int | None = None) -> list[Deadline]:
    """The deadlines of a tag's time words (年内持续推进, 完成时限：2019年底前): ``tag_time_limits``, else the year's end
    or a month written bare (完成时间：年底 — the label says it is a limit), else a period word alone (每季度, 每月:
    ``recurring``, no point), else ``ongoing`` (the words whole)."""
    found = tag_time_limits(words, clause, start) or _bare_ends(words, clause, [], completing=False)
    if found:
        return [d for _, _, d in found]
    bare = re.sub(r"[\s，,、；;。和并]", "", words)
    if _open_ended().fullmatch(bare):
        return []  # 持续推进 / 长期坚持 / 常态化: the work has no end, so no limit (the words stay in the tag)
    if _every_alone().fullmatch(fold(bare)):
        return [Deadline(words, "recurring", None, None, clause)]  # 每季度 / 每月 alone: a limit of every period
    return [Deadline(words, "ongoing", None, None, clause)]


@lru_cache(maxsize=1)
def _every_alone() -> re.Pattern:
    """A time field that is only a period word (``每季度``, ``每月``, ``每半年``; ``recurring_every``), maybe with 一次 /
    度: the work comes back every period — a recurring limit with no point written."""
    return re.compile(f"(?:{_alt(read_vocabulary_file()['deadlines']['recurring_every'])})度?(?:一次)?")


@lru_cache(maxsize=1)
def _open_ended() -> re.Pattern:
    """Time words that set no limit, one after another (长期坚持, 持续推进): ``deadlines.open_ended``."""
    return re.compile(f"(?:{_alt(read_vocabulary_file()['deadlines']['open_ended'])})+")


# ---------------------------------------------------------------- the year a yearless limit falls in

#: A year written in a title or a heading, with the words right around it.
_STATED_YEAR_RE = re.compile(rf"(?P<before>到|至|截至|截止|[—－\-~～])?(?P<y>{Y})年(?P<after>度)?")
#: What after ``YYYY年`` makes it a limit or a span's end, not a year of work: 2025年底前, 2025年前, 2024年起, 2024年至…
_YEAR_AS_LIMIT_RE = re.compile(r"^(?:底|末|前|以前|之前|起|以来|至|[—－\-~～])")


def year_of_work(text: str) -> int | None:
    """The one year a title or a heading names as the year of its work (``某市2024年优化营商环境工作要点``,
    ``二、2025年重点工作``, ``2024年度``), or None: no year, several years or a span (``2024—2026年``), a year as a limit or
    a target (``到2025年``, ``2025年底前``, ``2024年起``), or words of a plan of several years (``multi_year_words``:
    三年行动, 规划, 十四五)."""
    folded = fold(text or "")
    years = list(_STATED_YEAR_RE.finditer(folded))
    if not years or len({m.group("y") for m in years}) != 1:
        return None
    if any(w in folded for w in read_vocabulary_file()["deadlines"]["multi_year_words"]):
        return None
    for m in years:
        if m.group("before") or _YEAR_AS_LIMIT_RE.match(folded[m.end():]):
            return None
    return int(years[0].group("y"))


#: The words of a yearless limit: a month (digits or Chinese numerals) and maybe a day, or the year's end.
_YEARLESS_RE = re.compile(rf"(?:(?P<m>{M})|(?P<cm>{_CN_MONTH}))月(?:(?P<d>{D})[日号])?|(?P<end>年底|年末)")


@lru_cache(maxsize=1)
def _this_year_before() -> frozenset[str]:
    """今年, 本年 and their first characters (今年底: 年底 after 今)."""
    words = read_vocabulary_file()["deadlines"]["this_year_month_before"]
    return frozenset(words) | {w[:-1] for w in words if w.endswith("年")}


def yearless_end(words: str, year: int) -> str | None:
    """The last day ``words`` (a limit without a year: 3月底前, 三月底前, 6月30日前, 年底前, 年底) name in ``year``, ISO;
    None for words naming no such day (全年, 1—6月, 一季度) or a day that does not exist."""
    folded = fold(words)
    m = _YEARLESS_RE.search(folded)
    before = folded[: m.start()].strip(" 在于到至") if m else ""
    if before in _this_year_before():
        before = ""  # (今年6月底前, 今年底, 本年底: this year's month or end)
    if m is None or before or re.search(r"[—－\-~～至到]", folded[m.end():]):
        return None
    if m.group("end"):
        return _iso(year, 12, 31)
    month = int(m.group("m")) if m.group("m") else cn_number(m.group("cm"))
    if not month or not 1 <= month <= 12:
        return None
    if m.group("d"):
        day = int(m.group("d"))
        return _iso(year, month, day) if _valid_day(year, month, day) else None
    return _iso(year, month, _last_day(year, month))


def year_end_limits(clause: str, index: int = 0) -> list[tuple[int, int, Deadline]]:
    """The year's end written bare before a verb of completion in a sentence (``年底完成主体工程``; not ``年底交账``, not
    ``2024年底``): kind by, no dates — a limit only where the plan proves its year (``core.rule_yearless_limits``)."""
    return [x for x in _bare_ends(clause, index, [], completing=True) if x[2].text in ("年底", "年末")]
