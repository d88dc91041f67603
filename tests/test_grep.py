"""kb/grep.py on hand-built tasks: folding, matchers, filters, output records."""

from __future__ import annotations

import pytest

from kb import grep
from kb.errors import KbError
from kb.model import Deadline, Document, Plan, Target, Task


def _no_duplicates(rows):
    keys = [repr(r) for r in rows]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"duplicate rows: {dupes}"
    return rows


def make_task(label="三（一）1", clauses=("甲。",), tag="（市生态环境局牵头）", doc="plan", **kw) -> Task:
    part = label[0]
    section = label[: label.index("）") + 1] if "（" in label else None
    body = "".join(clauses)
    defaults = dict(
        id=f"{doc}#{label}", doc=doc, label=label, part=part, part_title="重点任务", section=section,
        section_title="节", kind="task" if tag else "paragraph", title=None,
        text=body + (tag or ""), body=body, clauses=list(clauses), tag=tag,
    )
    defaults.update(kw)
    return Task(**defaults)


# --- folding ---------------------------------------------------------------

FOLD_ROWS = _no_duplicates([
    # text, folded, origin is identity (None)
    ("PM2.5", "PM2.5", True),
    ("ＰＭ２．５", "PM2.5", True),
    ("细颗粒物（PM2.5）", "细颗粒物(PM2.5)", True),
    ("甲，乙。", "甲,乙。", True),
    ("面积10㎡以上", "面积10m2以上", False),
    ("①项", "1项", True),
    ("ﬁx", "fix", False),
    ("", "", True),
    ("\u3000空格", " 空格", True),
])


@pytest.mark.parametrize("text,folded,identity", FOLD_ROWS)
def test_fold(text, folded, identity):
    out, origin = grep.fold(text)
    assert out == folded
    assert (origin is None) == identity
    if origin is not None:
        assert len(origin) == len(out)
        assert origin == sorted(origin) and origin[-1] == len(text) - 1


FOLD_PATTERN_ROWS = _no_duplicates([
    ("PM2\\.5", "PM2\\.5"),
    ("ＰＭ２．５", "PM2\\.5"),  # a full-width dot is a dot, not "any character"
    ("市发展改革委（市能源办）", "市发展改革委\\(市能源办\\)"),  # full-width brackets are text, not a group
    ("(a|b)", "(a|b)"),
    ("\\（", "\\("),  # an escaped full-width bracket stays one literal bracket
    ("\\d+", "\\d+"),
    ("［甲］", "\\[甲\\]"),
    ("秸秆", "秸秆"),
    ("甲，乙", "甲,乙"),
    ("a＊", "a\\*"),
    ("…", "\\.\\.\\."),
])


@pytest.mark.parametrize("pattern,expected", FOLD_PATTERN_ROWS)
def test_fold_pattern(pattern, expected):
    assert grep.fold_pattern(pattern) == expected


# --- matchers --------------------------------------------------------------

SPAN_ROWS = _no_duplicates([
    # patterns, options, text, expected spans in the ORIGINAL text (None = no match)
    (["秸秆"], {}, "推进秸秆综合利用，秸秆禁烧。", [(2, 4), (9, 11)]),
    (["秸秆"], {}, "加强农业氨排放控制。", None),
    (["ＰＭ２．５"], {}, "细颗粒物（PM2.5）年均浓度", [(5, 10)]),
    (["PM2.5"], {"fixed": True}, "细颗粒物（ＰＭ２．５）", [(5, 10)]),
    (["(I/M)"], {"fixed": True}, "维护（I/M）制度", [(2, 7)]),
    (["(I/M)"], {}, "维护（I/M）制度", [(3, 6)]),  # a regex group: brackets not part of the match
    (["vocs"], {}, "VOCs排放", None),
    (["vocs"], {"ignore_case": True}, "VOCs排放", [(0, 4)]),
    (["ｖｏｃｓ"], {"ignore_case": True}, "VOCs排放", [(0, 4)]),
    (["m2"], {}, "面积10㎡以上", [(4, 5)]),  # a match inside an expanded character covers it whole
    (["10m"], {}, "面积10㎡以上", [(2, 5)]),
    ([""], {}, "任何文字", []),  # the empty pattern selects every clause without highlight
    (["腊肉", "祭祀"], {}, "熏制腊肉，文明祭祀。", [(2, 4), (7, 9)]),
    (["a.c", "x"], {"fixed": True}, "a.c abc x", [(0, 3), (8, 9)]),
    (["到\\d{4}年"], {}, "到2020年，全市", [(0, 6)]),
    (["^加强"], {}, "加强秸秆禁烧。", [(0, 2)]),
    (["^禁烧"], {}, "加强秸秆禁烧。", None),
    (["x*"], {}, "abc", []),  # only empty matches: selected, nothing highlighted
    (["I"], {}, "国Ⅲ排放", [(1, 2)]),  # three matches inside one character: one span
    (["国III"], {}, "未达到国Ⅲ排放标准", [(3, 5)]),
])


@pytest.mark.parametrize("patterns,options,text,expected", SPAN_ROWS)
def test_matcher_spans(patterns, options, text, expected):
    matcher = grep.build_matcher(patterns, **options)
    assert matcher.spans(text) == expected


def test_single_literal_does_not_use_the_regex_engine():
    assert isinstance(grep.build_matcher(["秸秆"]), grep.LiteralMatcher)
    assert isinstance(grep.build_matcher(["（市能源办）"]), grep.LiteralMatcher)
    assert isinstance(grep.build_matcher(["a.b"], fixed=True), grep.LiteralMatcher)
    assert isinstance(grep.build_matcher(["a.b"]), grep.RegexMatcher)
    assert isinstance(grep.build_matcher(["ab"], ignore_case=True), grep.RegexMatcher)


BAD_PATTERN_ROWS = _no_duplicates([
    (["a("], "正则表达式 'a(' 有误"),
    (["ok", "[z"], "正则表达式 '[z' 有误"),
    ([], "没有给出模式"),
])


@pytest.mark.parametrize("patterns,message", BAD_PATTERN_ROWS)
def test_bad_patterns(patterns, message):
    with pytest.raises(KbError, match=message.replace("(", r"\(").replace("[", r"\[")):
        grep.build_matcher(patterns)


def test_catastrophic_pattern_times_out():
    matcher = grep.build_matcher([r"(\w|\w\w)+$"], timeout=0.3)
    with pytest.raises(KbError, match="超过了 0.3 秒"):
        matcher.spans("严格执行" * 40 + "！")


def test_budget_is_shared_across_clauses():
    matcher = grep.build_matcher([r"(\w|\w\w)+$"], timeout=0.3)
    with pytest.raises(KbError):
        for _ in range(100):
            matcher.spans("严格执行" * 12 + "！")


def test_huge_alternation_compile_is_bounded():
    words = [f"w{i:06d}x" for i in range(20000)]  # ~0.6 s to compile; the thread finishes in the background
    with pytest.raises(grep.CompileTimeout, match="编译超过了"):
        grep.build_matcher(["|".join(words)], timeout=0.05)


# --- filters ---------------------------------------------------------------

def _dl(kind, start, end, text="x"):
    return Deadline(text=text, kind=kind, start=start, end=end)


OVERLAP_ROWS = _no_duplicates([
    (_dl("by", None, "2020-12-31"), 2020, True),
    (_dl("by", None, "2020-12-31"), 2019, False),  # a "by" deadline is its due date only
    (_dl("during", "2019-01-01", "2019-12-31"), 2019, True),
    (_dl("during", "2019-01-01", "2019-12-31"), 2020, False),
    (_dl("from", "2019-07-01", None), 2019, True),
    (_dl("from", "2019-07-01", None), 2021, True),  # from a date on: open-ended
    (_dl("from", "2019-07-01", None), 2018, False),
    (_dl("range", "2018-01-01", "2020-12-31"), 2019, True),
    (_dl("range", "2018-01-01", "2020-12-31"), 2017, False),
    (_dl("range", "2018-01-01", "2020-12-31"), 2021, False),
    (_dl("by", None, None), 2020, False),
])


@pytest.mark.parametrize("deadline,year,expected", OVERLAP_ROWS)
def test_deadline_overlaps(deadline, year, expected):
    assert grep.deadline_overlaps(deadline, year) is expected


def _tasks():
    return [
        make_task("三（一）1", ("到2020年完成甲。",), "（市生态环境局牵头，市发展改革委（市能源办）配合）",
                  lead=["市生态环境局"], support=["市发展改革委"], subunits={"市发展改革委": ["市能源办"]},
                  implied=["各区县政府"], deadlines=[_dl("by", None, "2020-12-31")],
                  targets=[Target("达到88%以上", "利用率", 88.0, "%", "≥")]),
        make_task("三（一）2", ("2019年淘汰乙。",), "（市交通运输局牵头，市生态环境局配合）",
                  lead=["市交通运输局"], support=["市生态环境局"], implied=["各区县政府"],
                  deadlines=[_dl("during", "2019-01-01", "2019-12-31")]),
        make_task("三（二）1", ("自2019年7月1日起实施丙。",), "（市公安局、市交通运输局按职责分工负责）",
                  shared=["市公安局", "市交通运输局"], implied=["各区县政府"],
                  deadlines=[_dl("from", "2019-07-01", None)]),
        make_task("四（一）", ("强化责任落实。",), None, part_title="保障措施", kind="measure"),
    ]


FILTER_ROWS = _no_duplicates([
    ({}, ["三（一）1", "三（一）2", "三（二）1", "四（一）"]),
    ({"departments": ["市生态环境局"]}, ["三（一）1", "三（一）2"]),
    ({"departments": ["各区县政府"]}, ["三（一）1", "三（一）2", "三（二）1"]),  # implied counts as a role
    ({"departments": ["市能源办"]}, ["三（一）1"]),  # a sub-unit has its department's role
    ({"departments": ["市交通运输局", "市公安局"]}, ["三（二）1"]),  # several: all must hold
    ({"leads": ["市生态环境局"]}, ["三（一）1"]),
    ({"supports": ["市生态环境局"]}, ["三（一）2"]),
    ({"leads": ["市公安局"]}, []),  # shared is not lead
    ({"sections": ["三"]}, ["三（一）1", "三（一）2", "三（二）1"]),
    ({"sections": ["三（一）"]}, ["三（一）1", "三（一）2"]),
    ({"sections": ["三（二）", "四"]}, ["三（二）1", "四（一）"]),
    ({"sections": ["三（一）2"]}, ["三（一）2"]),
    ({"due_before": "2020-12-31"}, ["三（一）1", "三（一）2"]),  # on or before; "from" has no end
    ({"due_before": "2020-12-30"}, ["三（一）2"]),
    ({"due_before": "2019-12-31"}, ["三（一）2"]),
    ({"due_before": "2019-12-30"}, []),
    ({"year": 2019}, ["三（一）2", "三（二）1"]),
    ({"year": 2020}, ["三（一）1", "三（二）1"]),
    ({"year": 2018}, []),
    ({"has_target": True}, ["三（一）1"]),
    ({"has_target": True, "year": 2019}, []),
    ({"leads": ["市交通运输局"], "year": 2019}, ["三（一）2"]),
])


@pytest.mark.parametrize("options,labels", FILTER_ROWS)
def test_task_filter(options, labels):
    f = grep.TaskFilter(**options)
    assert [t.label for t in _tasks() if f.accepts(t)] == labels
    assert f.empty == (not options)


SECTION_ROWS = _no_duplicates([
    ("三（二）", "三（二）"),
    ("三(二)", "三（二）"),
    (" 三 （二） ", "三（二）"),
    ("三、", "三"),
    ("四（一）", "四（一）"),
    ("三（一）2", "三（一）2"),
])


@pytest.mark.parametrize("typed,expected", SECTION_ROWS)
def test_normalize_section(typed, expected):
    assert grep.normalize_section(typed) == expected


def test_check_sections_rejects_unknown():
    plan = Plan(documents=[Document("plan", "方案", "p", "0")], tasks=_tasks())
    assert grep.check_sections(plan, ["三(一)", "四"]) == ["三（一）", "四"]
    with pytest.raises(KbError, match="方案中没有部分或节 '三（九）'.*三、三（一）、三（二）、四、四（一）"):
        grep.check_sections(plan, ["三（九）"])


DATE_ROWS = _no_duplicates([
    ("2020-12-31", "2020-12-31"),
    (" 2019-07-01 ", "2019-07-01"),
    ("2020-13-01", None),
    ("2020", None),
    ("31/12/2020", None),
    ("", None),
])


@pytest.mark.parametrize("typed,expected", DATE_ROWS)
def test_parse_date(typed, expected):
    if expected is None:
        with pytest.raises(KbError, match="需要 YYYY-MM-DD 格式的日期"):
            grep.parse_date(typed)
    else:
        assert grep.parse_date(typed) == expected


# --- search and output -----------------------------------------------------

def _plan(*tasks, docs=("plan",)):
    return Plan(documents=[Document(d, "方案", d, "0") for d in docs], tasks=list(tasks))


def test_tag_is_the_last_unit_and_can_be_left_out():
    t = make_task("三（一）1", ("甲。", "乙。"), "（市交通运输局牵头）")
    assert grep.task_units(t) == ["甲。", "乙。", "（市交通运输局牵头）"]
    assert grep.task_units(t, tags=False) == ["甲。", "乙。"]
    (r,) = grep.search(_plan(t), grep.build_matcher(["交通运输局"]))
    assert r.selected() == [2] and r.unit_kind(2) == "tag" and r.unit_kind(1) == "clause"
    (r,) = grep.search(_plan(t), grep.build_matcher(["交通运输局"]), tags=False)
    assert r.selected() == [] and not r.matched()


def _lines(plan, pattern, **kw):
    style = kw.pop("style", grep.Style())
    results = grep.search(plan, grep.build_matcher([pattern]))
    return [line for line, *_ in grep.clause_lines(results, style, **kw)]


CONTEXT_TASKS = (
    make_task("三（一）1", ("一甲。", "二。", "三甲。", "四。", "五。", "六甲。"), "（市公安局牵头）"),
    make_task("三（一）2", ("七甲。", "八。"), None),
)

CONTEXT_ROWS = _no_duplicates([
    ({}, ["三（一）1:一甲。", "三（一）1:三甲。", "三（一）1:六甲。", "三（一）2:七甲。"]),
    ({"after": 1}, ["三（一）1:一甲。", "三（一）1-二。", "三（一）1:三甲。", "三（一）1-四。", "--",
                    "三（一）1:六甲。", "三（一）1-（市公安局牵头）", "--", "三（一）2:七甲。", "三（一）2-八。"]),
    ({"before": 1}, ["三（一）1:一甲。", "三（一）1-二。", "三（一）1:三甲。", "--", "三（一）1-五。",
                     "三（一）1:六甲。", "--", "三（一）2:七甲。"]),
    ({"before": 2, "after": 2}, ["三（一）1:一甲。", "三（一）1-二。", "三（一）1:三甲。", "三（一）1-四。",
                                 "三（一）1-五。", "三（一）1:六甲。", "三（一）1-（市公安局牵头）", "--",
                                 "三（一）2:七甲。", "三（一）2-八。"]),
    ({"max_count": 2}, ["三（一）1:一甲。", "三（一）1:三甲。"]),
    ({"max_count": 2, "after": 1}, ["三（一）1:一甲。", "三（一）1-二。", "三（一）1:三甲。", "三（一）1-四。"]),
    ({"invert": True}, ["三（一）1:二。", "三（一）1:四。", "三（一）1:五。", "三（一）1:（市公安局牵头）", "三（一）2:八。"]),
    ({"style": grep.Style(label=False)}, ["一甲。", "三甲。", "六甲。", "七甲。"]),
])


@pytest.mark.parametrize("options,expected", CONTEXT_ROWS)
def test_clause_lines(options, expected):
    assert _lines(_plan(*CONTEXT_TASKS), "甲", **options) == expected


def test_color_and_document_prefix():
    t = make_task("三（一）1", ("加强秸秆禁烧，秸秆。",), None, doc="a")
    style = grep.Style(color=True, document=True)
    (line,) = _lines(_plan(t, docs=("a", "b")), "秸秆", style=style)
    assert line == ("\x1b[35ma\x1b[0m:\x1b[32m三（一）1\x1b[0m:加强\x1b[1;31m秸秆\x1b[0m禁烧，"
                    "\x1b[1;31m秸秆\x1b[0m。")
    assert grep.highlight("甲乙", [], True) == "甲乙"
    assert grep.highlight("甲乙", [(0, 1)], False) == "甲乙"


def test_only_matching_and_tasks():
    t = make_task("三（一）7", ("推进改造。", "到2020年，完成改造。"), "〔市生态环境局牵头〕", text="推进改造。到2020年，完成改造。〔市生态环境局牵头〕。")
    plan = _plan(t)
    results = list(grep.search(plan, grep.build_matcher(["改造"])))
    assert [x[0] for x in grep.only_matching_lines(results, grep.Style())] == ["三（一）7:改造", "三（一）7:改造"]
    (r,) = grep.selected_tasks(results)
    assert grep.task_spans(r) == [(2, 4), (14, 16)]
    assert grep.task_line(r, grep.Style(color=True)).endswith(
        "推进\x1b[1;31m改造\x1b[0m。到2020年，完成\x1b[1;31m改造\x1b[0m。〔市生态环境局牵头〕。")
    assert list(grep.selected_tasks(results, invert=True)) == []
    assert grep.count_by_document(plan, results) == {"plan": 2}
    assert grep.count_by_document(plan, results, tasks=True) == {"plan": 1}
    assert grep.count_by_document(plan, results, invert=True) == {"plan": 1}
    assert grep.count_by_document(plan, results, max_count=1) == {"plan": 1}


def test_max_count_is_per_document():
    a = make_task("三（一）1", ("甲。", "甲。"), None, doc="a")
    b = make_task("三（一）1", ("甲。",), None, doc="b")
    lines = _lines(_plan(a, b, docs=("a", "b")), "甲", style=grep.Style(document=True), max_count=1)
    assert lines == ["a:三（一）1:甲。", "b:三（一）1:甲。"]


def test_json_records_give_char_and_byte_offsets():
    t = make_task("三（五）2", ("推动秸秆基料化利用，发展食用菌栽培。",), None, id="p#3.5.2", doc="p")
    (r,) = grep.search(_plan(t, docs=("p",)), grep.build_matcher(["食用菌"]))
    assert grep.unit_record(r, 0) == {
        "type": "match",
        "data": {"document": "p", "label": "三（五）2", "task": "p#3.5.2", "clause": 0, "kind": "clause",
                 "text": "推动秸秆基料化利用，发展食用菌栽培。",
                 "submatches": [{"match": {"text": "食用菌"}, "start": 12, "end": 15, "byte_start": 36, "byte_end": 45}]},
    }
    assert grep.submatches("a秸b", [(1, 2)]) == [{"match": {"text": "秸"}, "start": 1, "end": 2, "byte_start": 1, "byte_end": 4}]
    assert grep.unit_record(r, 0, context=True)["type"] == "context"
    assert grep.unit_record(r, 0, context=True)["data"]["submatches"] == []


# --- properties: literal and regex matchers agree, spans map back to the text ---

from hypothesis import given, settings, strategies as st  # noqa: E402

ALPHABET = "秸秆ＰＭ２．５PM2.5，,（(）)Ⅲ㎡III m2甲乙"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=30), start=st.integers(0, 30), size=st.integers(1, 4))
def test_literal_spans_map_back(text, start, size):
    folded, _ = grep.fold(text)
    literal = folded[start:start + size] or "秸"
    lit = grep.build_matcher([literal], fixed=True)
    rex = grep.build_matcher([literal, "\u0000never"], fixed=True)  # two patterns: the regex engine
    assert isinstance(lit, grep.LiteralMatcher) and isinstance(rex, grep.RegexMatcher)
    spans = lit.spans(text)
    assert spans == rex.spans(text)
    # The same through search(), which learns the corpus and may skip folding.
    t = make_task("三（一）1", (text or "空",), None)
    (r,) = grep.search(_plan(t), lit)
    assert r.spans[0] == (lit.spans(text or "空"))
    for s, e in spans or ():
        assert literal in grep.fold(text[s:e])[0]
    ends = [e for _, e in spans or ()]
    starts = [s for s, _ in spans or ()]
    assert all(a <= b for a, b in zip(ends, starts[1:]))
