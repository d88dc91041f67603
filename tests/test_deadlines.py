"""Deadline rules: (clause, expected [(text, kind, start, end)], why) rows, and the bundled plan's deadlines."""

import pytest

from kb.errors import KbError
from kb.parser.deadlines import find_deadlines, fold, load_grammar, parse_deadlines, read_vocabulary_file

CASES = [
    # by: 到 / 至 / 截至 before, 前 / 止 after, 底 / 末 closing
    ("到2020年，完成排污许可管理。", [("到2020年", "by", None, "2020-12-31")], "到 YEAR: by the end of the year"),
    ("2020年年底前基本完成。", [("2020年年底前", "by", None, "2020-12-31")], "年底前"),
    ("到2020年底，全面完成。", [("到2020年底", "by", None, "2020-12-31")], "到 YEAR 底"),
    ("到2020年底前完成。", [("到2020年底前", "by", None, "2020-12-31")], "到 … 底前: one deadline, not two"),
    ("2020年底前完成。", [("2020年底前", "by", None, "2020-12-31")], "年底前 without the second 年"),
    ("2020年末完成。", [("2020年末", "by", None, "2020-12-31")], "年末"),
    ("2020年前完成整治。", [("2020年前", "by", None, "2020-12-31")], "年前 read as by that year"),
    ("2020年以前完成。", [("2020年以前", "by", None, "2020-12-31")], "以前"),
    ("截至2020年，累计完成。", [("截至2020年", "by", None, "2020-12-31")], "截至"),
    ("至2020年，全面完成。", [("至2020年", "by", None, "2020-12-31")], "至 alone is by"),
    ("2019年9月底前完成。", [("2019年9月底前", "by", None, "2019-09-30")], "month end"),
    ("2019年6月底前完成。", [("2019年6月底前", "by", None, "2019-06-30")], "June has 30 days"),
    ("2020年2月底前完成。", [("2020年2月底前", "by", None, "2020-02-29")], "leap-year month end"),
    ("2019年2月底前完成。", [("2019年2月底前", "by", None, "2019-02-28")], "common-year February"),
    ("2019年12月前完成。", [("2019年12月前", "by", None, "2019-12-31")], "month 前 without 底: the month's end"),
    ("到2020年6月，完成。", [("到2020年6月", "by", None, "2020-06-30")], "到 a month"),
    ("2020年6月30日前完成。", [("2020年6月30日前", "by", None, "2020-06-30")], "a day"),
    ("截至2020年6月30日，完成。", [("截至2020年6月30日", "by", None, "2020-06-30")], "截至 a day"),
    ("2020年6月30日止完成。", [("2020年6月30日止", "by", None, "2020-06-30")], "止 after a day"),
    ("2019年三季度末前完成。", [("2019年三季度末前", "by", None, "2019-09-30")], "quarter end"),
    ("2019年下半年前完成。", [("2019年下半年前", "by", None, "2019-12-31")], "half-year end"),
    ("到“十三五”末，完成。", [("到“十三五”末", "by", None, "2020-12-31")], "end of a five-year plan"),
    # during: a date with nothing around it
    ("2020年，全市基本淘汰开启式干洗机。", [("2020年", "during", "2020-01-01", "2020-12-31")], "a year opening the clause"),
    ("2019年基本淘汰老旧车辆。", [("2019年", "during", "2019-01-01", "2019-12-31")], "year before a verb"),
    ("2019年10月开展检查。", [("2019年10月", "during", "2019-10-01", "2019-10-31")], "a month"),
    ("2019年7月1日，开始实施。", [("2019年7月1日", "during", "2019-07-01", "2019-07-01")], "a day with no word around it"),
    ("2019年第三季度完成。", [("2019年第三季度", "during", "2019-07-01", "2019-09-30")], "a quarter"),
    ("2019年4季度完成。", [("2019年4季度", "during", "2019-10-01", "2019-12-31")], "a quarter in digits"),
    ("2019年上半年完成。", [("2019年上半年", "during", "2019-01-01", "2019-06-30")], "first half"),
    ("2019年秋冬季，实施错峰生产。", [("2019年秋冬季", "during", "2019-10-01", "2020-03-31")], "autumn-winter runs into the next year"),
    ("2019年夏季开展专项检查。", [("2019年夏季", "during", "2019-06-01", "2019-08-31")], "summer"),
    ("2019年内完成。", [("2019年内", "during", "2019-01-01", "2019-12-31")], "年内"),
    ("2019年年内完成。", [("2019年年内", "during", "2019-01-01", "2019-12-31")], "年年内"),
    ("2020年度目标。", [("2020年度", "during", "2020-01-01", "2020-12-31")], "年度"),
    # from
    ("自2019年7月1日起，提前实施国六排放标准。", [("自2019年7月1日起", "from", "2019-07-01", None)], "自…起"),
    ("从2019年7月起实施。", [("从2019年7月起", "from", "2019-07-01", None)], "from a month"),
    ("从2019年起，全面实施。", [("从2019年起", "from", "2019-01-01", None)], "from a year"),
    ("2019年7月1日起实施。", [("2019年7月1日起", "from", "2019-07-01", None)], "起 without 自"),
    ("2020年以后全面禁止。", [("2020年以后", "from", "2020-01-01", None)], "以后 is from"),
    # range
    ("2018至2020年，全市加油站抽检覆盖率达到95%以上。", [("2018至2020年", "range", "2018-01-01", "2020-12-31")], "a range"),
    ("2018年至2020年开展。", [("2018年至2020年", "range", "2018-01-01", "2020-12-31")], "a range with both 年"),
    ("2018—2020年开展。", [("2018—2020年", "range", "2018-01-01", "2020-12-31")], "a range with a dash"),
    ("2018年-2020年持续开展。", [("2018年-2020年", "range", "2018-01-01", "2020-12-31")], "a hyphen with both 年"),
    ("2019年10月至2020年3月开展攻坚。", [("2019年10月至2020年3月", "range", "2019-10-01", "2020-03-31")], "months across years"),
    ("2019年6月至9月开展检查。", [("2019年6月至9月", "range", "2019-06-01", "2019-09-30")], "second month without its year"),
    ("2019年6月1日至2019年9月30日开展。", [("2019年6月1日至2019年9月30日", "range", "2019-06-01", "2019-09-30")], "days"),
    ("2018—2019年秋冬季，实施错峰生产。", [("2018—2019年秋冬季", "range", "2018-10-01", "2019-03-31")], "one season over two years"),
    ("“十三五”期间，严格控制。", [("“十三五”期间", "range", "2016-01-01", "2020-12-31")], "a five-year plan's period"),
    ("十四五期间完成。", [("十四五期间", "range", "2021-01-01", "2025-12-31")], "without quotes, next plan"),
    # not deadlines
    ("较考核基准年（2015年）下降27.9%以上。", [], "baseline year in brackets"),
    ("重度污染天数比率较2015年下降25%以上。", [], "较 YEAR is a baseline"),
    ("排放量比2015年下降10%。", [], "比 YEAR is a baseline"),
    ("与2015年相比下降10%。", [], "与 … 相比"),
    ("同2015年相比下降。", [], "同 … 相比"),
    ("以2015年为基准，下降10%。", [], "以…为基准"),
    ("以2015年为基准年。", [], "以…为基准年"),
    ("在2015年基础上下降10%。", [], "在…基础上"),
    ("2015年的基础上下降10%。", [], "…的基础上"),
    ("2015年以来，取得成效。", [], "以来 looks back"),
    ("2018年至今，已完成。", [], "至今 looks back"),
    ("落实《四川省“十三五”能源发展规划》。", [], "title without digits"),
    ("落实《自贡市2018年度大气污染防治实施方案》。", [], "a year inside a title"),
    ("执行《大气污染物综合排放标准（2018年版）》。", [], "an edition inside a title"),
    ("按2018年版标准执行。", [], "an edition outside a title"),
    ("根据环境保护部公告2018年第22号要求。", [], "a document number"),
    ("执行GB 18352.6-2016标准。", [], "a standard's year has no 年"),
    ("按照川府发〔2018〕22号文件执行。", [], "a document year in 〔〕"),
    ("每年开展一次检查。", [], "每年 is a frequency"),
    ("秋冬季加强管控。", [], "a season without a year recurs"),
    ("每年10月1日前完成。", [], "a day without a year recurs"),
    ("2020年2月30日前完成。", [], "a day that does not exist"),
    # mixtures and odd writing
    ("到２０２０年，完成。", [("到２０２０年", "by", None, "2020-12-31")], "full-width digits, text as written"),
    ("２０１９年９月底前完成。", [("２０１９年９月底前", "by", None, "2019-09-30")], "full-width month"),
    ("２０１８—２０２０年开展。", [("２０１８—２０２０年", "range", "2018-01-01", "2020-12-31")], "full-width range"),
    ("二〇二〇年底前完成。", [("二〇二〇年底前", "by", None, "2020-12-31")], "a year in Chinese numerals"),
    ("到2020年，完成；2019年底前启动。", [("到2020年", "by", None, "2020-12-31"), ("2019年底前", "by", None, "2019-12-31")], "two deadlines in text order"),
    ("2019年12月底前完成，2020年6月底前全面完成。", [("2019年12月底前", "by", None, "2019-12-31"), ("2020年6月底前", "by", None, "2020-06-30")], "two month ends"),
    ("较2015年下降10%，到2020年完成。", [("到2020年", "by", None, "2020-12-31")], "a baseline next to a deadline"),
    ("落实《2018年工作方案》，2019年底前完成。", [("2019年底前", "by", None, "2019-12-31")], "a title next to a deadline"),
    ("2019年13月完成。", [("2019年", "during", "2019-01-01", "2019-12-31")], "an impossible month is not read as a month"),
    # policy terms and windows (东莞 2021 稳就业 实施意见): when a rule applies is no time limit of a task
    ("实施阶段性降低医疗保险缴费费率政策，实施期限至2021年12月31日。", [], "实施期限至: the end of a policy's term"),
    ("将失业保险浮动费率政策实施期限延长至2022年4月30日。", [], "延长至: a term extended"),
    ("原下调工伤保险费率政策实施至2021年4月30日。", [], "实施至: a policy runs until"),
    ("2021年5月1日起按照省级统筹工伤保险行业基准费率标准有关规定执行；", [], "a start whose sentence ends 执行: a rule applies from"),
    ("2021年5月1日至2022年4月30日实施阶段性下调工伤保险费率50%的政策。", [], "a span whose sentence ends 政策: a policy's window"),
    ("2023年6月底前出台支持政策。", [("2023年6月底前", "by", None, "2023-06-30")], "a 前 limit stays a deadline although the sentence ends 政策"),
    ("2024年1月至6月开展专项整治行动。", [("2024年1月至6月", "range", "2024-01-01", "2024-06-30")], "a span of work (开展…行动) stays"),
    ("2022年起开展试点，2025年底前全面推开。", [("2022年起", "from", "2022-01-01", None), ("2025年底前", "by", None, "2025-12-31")],
     "a start of work (开展) stays; the 执行/政策 test looks only at the date's own sentence part"),
    ("项目建设期延长至2023年底。", [("至2023年底", "by", None, "2023-12-31")], "延长至 without a policy's noun: work's extended limit, a deadline"),
    ("将阶段性减免房租政策延续至2022年6月30日。", [], "a policy's noun, then 延续至"),
    ("继续按不高于2017年征收标准征收残疾人就业保障金。", [], "不高于 YEAR: a comparison names a reference year"),
    ("暂免征收残疾人保障金（即征收所属期为2021年度）。", [], "所属期为 YEAR: the levy's period"),
    ("力争2025年高于全国平均水平。", [("2025年", "during", "2025-01-01", "2025-12-31")], "高于 after the year compares something else"),
]


def test_no_duplicate_rows():
    assert len({c[0] for c in CASES}) == len(CASES)
    assert len({c[2] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("clause,expected,why", CASES, ids=[c[2] for c in CASES])
def test_deadline_rule(clause, expected, why):
    got = [(d.text, d.kind, d.start, d.end) for d in parse_deadlines(clause)]
    assert got == expected, why


@pytest.mark.parametrize("clause,expected,why", CASES, ids=[c[2] for c in CASES])
def test_text_is_the_clause_at_the_offsets(clause, expected, why):
    for start, end, d in find_deadlines(clause):
        assert clause[start:end] == d.text


def test_clause_index_is_kept():
    assert parse_deadlines("到2020年，完成。", 3)[0].clause == 3


@pytest.mark.parametrize(
    "text,expected",
    [
        ("２０２０年ＰＭ２．５下降２７．９％", "2020年PM2.5下降27.9%"),
        ("（ＳＯ２）、", "（SO2）、"),  # CJK brackets and 、 are kept
        ("二〇二〇年", "2020年"),
        ("一二三四五", "一二三四五"),  # Chinese numerals not before 年 are words
        ("ascii only", "ascii only"),
        ("全角\u3000空格", "全角 空格"),
    ],
)
def test_fold_keeps_length(text, expected):
    assert fold(text) == expected and len(fold(text)) == len(text)


def _vocab_file(tmp_path, text):
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "text,message",
    [
        ("version: 2\n", "version: 1"),
        ("- a list\n", "version: 1"),
        ("version: 1\nunits: [\n", "无法读取"),
        ("version: 1\ndeadlines: {by_before: [到]}\n", "“deadlines”应恰好有这些键"),
    ],
)
def test_bad_vocabulary_file(tmp_path, text, message):
    with pytest.raises(KbError, match=message):
        read_vocabulary_file(_vocab_file(tmp_path, text))


def test_bad_season_is_refused(tmp_path):
    from kb.parser.deadlines import VOCAB_PATH

    text = VOCAB_PATH.read_text(encoding="utf-8").replace("秋冬季: [10, 3]", "秋冬季: [10, 13]")
    with pytest.raises(KbError, match="seasons"):
        read_vocabulary_file(_vocab_file(tmp_path, text))


def test_grammar_is_compiled_once():
    assert load_grammar() is load_grammar()


def test_bundled_plan_deadlines(plan):
    by_label = {t.label: [(d.text, d.kind, d.start, d.end, d.clause) for d in t.deadlines] for t in plan.tasks if t.deadlines}
    assert by_label == {
        "二": [("到2020年", "by", None, "2020-12-31", 0)],
        "三（一）4": [("2020年年底前", "by", None, "2020-12-31", 3)],
        "三（一）5": [("到2020年", "by", None, "2020-12-31", 3)],
        "三（一）7": [("到2020年", "by", None, "2020-12-31", 1)],
        "三（一）12": [("2020年", "during", "2020-01-01", "2020-12-31", 1)],
        "三（一）15": [("到2020年", "by", None, "2020-12-31", 2)],
        "三（一）17": [("2020年年底前", "by", None, "2020-12-31", 1)],
        "三（二）1": [("到2020年", "by", None, "2020-12-31", 2)],
        "三（三）4": [("自2019年7月1日起", "from", "2019-07-01", None, 1)],
        "三（三）8": [("2019年", "during", "2019-01-01", "2019-12-31", 1)],
        "三（三）11": [("2018至2020年", "range", "2018-01-01", "2020-12-31", 2)],
        "三（三）15": [("2019年", "during", "2019-01-01", "2019-12-31", 1)],
        "三（四）4": [("到2020年", "by", None, "2020-12-31", 5)],
        "三（五）2": [("到2020年", "by", None, "2020-12-31", 6)],
    }


def test_bundled_plan_titles_and_baselines_are_not_deadlines(plan):
    texts = [d.text for t in plan.tasks for d in t.deadlines]
    assert "2015年" not in texts  # 较考核基准年（2015年）, 较2015年
    assert not any("十三五" in x for x in texts)  # 《四川省“十三五”能源发展规划》


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    ["2019", "2020", "２０２０", "二〇二〇", "年", "月", "日", "底", "前", "起", "自", "到", "至", "—", "-", "较", "以来",
     "《", "》", "（", "）", "季度", "第三", "上半年", "秋冬季", "十三五", "期间", "末", "12", "30", "13", "，", "。", "完成"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_any_text_gives_well_formed_deadlines(text):
    for start, end, d in find_deadlines(text):
        assert text[start:end] == d.text
        assert d.kind in {"by", "during", "from", "range"}
        assert (d.start is None) == (d.kind == "by") and (d.end is None) == (d.kind == "from")
        if d.start and d.end:
            assert d.start <= d.end


# Relative limits (kind within) and tag time words (kind ongoing): (text, start year stated by the plan,
# expected (text, kind, start, end) list, why)
from kb.parser.deadlines import find_within, stated_start, tag_deadlines  # noqa: E402

WITHIN_CASES = [
    ("5年内培养100名人才", None, [("5年内", "within", None, None)], "relative years, no start stated: words only"),
    ("5年内培养100名人才", 2012, [("5年内", "within", "2012-01-01", "2016-12-31")], "the plan states 2012年起: resolved"),
    ("本意见印发之日起30日内制定细则", 2012, [("本意见印发之日起30日内", "within", None, None)], "an issue date is no stated start"),
    ("3个月内完成整改", 2012, [("3个月内", "within", None, None)], "months are not resolved from a start year"),
    ("两年内完成", None, [("两年内", "within", None, None)], "Chinese numeral"),
    ("涨幅控制在3%以内", None, [], "a percentage is no time limit"),
    ("年内持续推进", None, [], "no count: not relative"),
    # A span counted from an event (竣工后, 受理之日起: blind tag set 3, cause 8) keeps the event and gets no dates:
    # it runs from when that happens, not from the year the plan states.
    ("竣工后五年内完成评估", 2023, [("竣工后五年内", "within", None, None)], "counted from completion, not from 2023"),
    ("自受理之日起十五日内作出决定", None, [("受理之日起十五日内", "within", None, None)], "the event before 之日起 is kept"),
    ("企业应当自项目竣工验收合格之日起十五日内报送", None, [("项目竣工验收合格之日起十五日内", "within", None, None)],
     "the whole event back to 自"),
    ("今后五年内完成改造", 2023, [("五年内", "within", "2023-01-01", "2027-12-31")], "control: 今后 is from now, resolved as before"),
    ("本方案印发之日起3个月内完成", None, [("本方案印发之日起3个月内", "within", None, None)], "control: a document's start as before"),
]


@pytest.mark.parametrize("text,start,expected,why", WITHIN_CASES, ids=[f"{c[0]}-{c[1]}" for c in WITHIN_CASES])
def test_within(text, start, expected, why):
    assert [(d.text, d.kind, d.start, d.end) for _, _, d in find_within(text, 0, start)] == expected, why


def test_new_dated_forms():
    assert [(d.text, d.kind, d.end) for d in parse_deadlines("2019年6月底前完成")] == [("2019年6月底前", "by", "2019-06-30")]
    assert [(d.kind, d.start, d.end) for d in parse_deadlines("2019年1月1日至12月31日开展专项行动")] == [
        ("range", "2019-01-01", "2019-12-31")]


def test_stated_start_and_tag_time_words():
    assert stated_start(["一、目标", "1.目标。2012年起5年内，大力实施…"]) == 2012
    assert stated_start(["到2020年，全市…"]) is None
    assert [(d.text, d.kind, d.clause) for d in tag_deadlines("年内持续推进", 3)] == [("年内持续推进", "ongoing", 3)]
    assert [(d.kind, d.end) for d in tag_deadlines("2019年底前", 1)] == [("by", "2019-12-31")]
    assert [(d.text, d.kind, d.end) for d in tag_deadlines("6月底前完成", 1)] == [("6月底前", "by", None)]
    assert [(d.text, d.kind) for d in tag_deadlines("全年", 1)] == [("全年", "ongoing")]
    assert [(d.text, d.kind, d.end) for d in tag_deadlines("年底前完成", 1)] == [("年底前", "by", None)]  # the year's end, no year


# Time limits without a year (kind by / during, no dates), processing limits and document names:
# (clause, expected (text, kind, start, end) list of every reader, why)
from kb.parser.deadlines import find_undated  # noqa: E402


def _every_deadline(clause):
    dated = find_deadlines(clause)
    within = find_within(clause, 0, None, [(a, b) for a, b, _ in dated])
    undated = find_undated(clause, 0, [(a, b) for a, b, _ in dated + within])
    return [(d.text, d.kind, d.start, d.end) for _, _, d in sorted(dated + within + undated, key=lambda x: x[0])]


UNDATED_CASES = [
    ("加快建立中介超市,5月底前实现上线运行。", [("5月底前", "by", None, None)], "a month without a year: by, no date (官渡 2016)"),
    ("6月30日前完成。", [("6月30日前", "by", None, None)], "a day without a year"),
    ("10月底完成。", [("10月底", "by", None, None)], "a month end without 前"),
    ("每年10月1日前完成。", [], "每年: recurs, no deadline"),
    ("次年3月底前报送。", [], "次年: recurs"),
    ("1至5月累计增长5%。", [], "a month with no limit word"),
    ("2019年9月底前完成。", [("2019年9月底前", "by", None, "2019-09-30")], "a dated month stays dated, read once"),
    ("全年固定资产投资增长12%以上。", [("全年", "during", None, None)], "全年: the plan's year (苍南 2023)"),
    ("年内建成10个站点。", [("年内", "during", None, None)], "年内"),
    ("3年内完成。", [("3年内", "within", None, None)], "N年内 is relative, not 年内"),
    ("三年内完成。", [("三年内", "within", None, None)], "Chinese count before 年内"),
    ("2023年全年完成。", [("2023年全年", "during", "2023-01-01", "2023-12-31")], "a year with 全年 is dated"),
    ("环评报告书14个工作日内、环评报告表7个工作日内完成审批。", [], "working days: a processing limit of each case (官渡 2016)"),
    ("本意见印发之日起10个工作日内报送。", [("本意见印发之日起10个工作日内", "within", None, None)],
     "working days from a stated start are the task's limit"),
    ("出台《三年行动计划(2022-2024)》和2022年“智改数转”工作推进方案。", [], "a year opening a document's name (淮安 2022)"),
    ("印发2023年工作要点。", [], "2023年工作要点 is a document"),
    ("2023年底前出台实施方案。", [("2023年底前", "by", None, "2023-12-31")], "a deadline before a document noun stays"),
    ("2023年完成实施方案编制。", [("2023年", "during", "2023-01-01", "2023-12-31")], "a year, a verb, then a document: a deadline"),
    ("举办2025年“数据要素×”大赛。", [], "a year opening a quoted event's name is its edition, no deadline"),
    ("组织开展2024年“中国旅游日”活动。", [], "likewise an activity's name"),
    ("打响2026年“江南福地”文旅品牌。", [], "likewise a brand"),
    ("到2025年“两区”建设取得突破。", [("到2025年", "by", None, "2025-12-31")], "after a limit's own word (到) the year stays a deadline"),
    ("力争2025年“专精特新”企业达到100家。", [("2025年", "during", "2025-01-01", "2025-12-31")],
     "a quoted name followed by no event noun: the year stays"),
    ("2024年“三夏”期间做好秸秆禁烧。", [("2024年", "during", "2024-01-01", "2024-12-31")], "a season in quotes is no event name"),
    ("2023年底前完成“一网通办”改革。", [("2023年底前", "by", None, "2023-12-31")], "control: a limit before a quote"),
    # A year describing a noun (blind tag set 3, cause 8): which areas, which rules, which year's subsidy — no limit.
    ("完成2030年达标区域划定。", [], "2030年达标区域: the areas meeting the 2030 standard"),
    ("严格执行2030年达标要求。", [], "2030年达标要求: a standard's year"),
    ("及时发放2022年度补贴资金。", [], "2022年度补贴: the subsidy of that year"),
    ("力争2030年达标。", [("2030年", "during", "2030-01-01", "2030-12-31")], "control: 达标 as the verb, the year stays"),
    ("2025年资金全部到位。", [("2025年", "during", "2025-01-01", "2025-12-31")], "control: a year opening its clause stays"),
    ("制定三年行动计划(2025-2027年)。", [], "a plan's period in brackets after its name is its name, no range"),
    ("制定实施方案（2024—2026年），明确任务。", [], "likewise with full-width brackets and an em dash"),
    ("2025-2027年每年新增100家。", [("2025-2027年", "range", "2025-01-01", "2027-12-31")], "control: a span opening its clause stays a range"),
    ("2025—2027年完成改造。", [("2025—2027年", "range", "2025-01-01", "2027-12-31")], "control: a span of doing stays a range"),
    ("项目竣工后五年内不得改变用途。", [], "N年内不得: how long a prohibition lasts, no limit of the task"),
    ("五年内完成改造。", [("五年内", "within", None, None)], "control: a span of doing stays within"),
]


# Time words of a tag or a task table's time column (decision, issue #11): words that set no limit — the work
# goes on with no end — are no deadline; bounded words without a date stay deadlines without dates.
# (words, expected (text, kind) list, why)
TAG_TIME_CASES = [
    ("持续推进", [], "open-ended: no deadline (the blind gold's convention)"),
    ("长期坚持", [], "open-ended"),
    ("常态化推进", [], "open-ended"),
    ("长期", [], "open-ended"),
    ("持续推进、长期坚持", [], "two open-ended words"),
    ("年内持续推进", [("年内持续推进", "ongoing")], "年内 bounds it: within the plan's year (A7, 国发〔2020〕6号)"),
    ("全年", [("全年", "ongoing")], "the plan's year"),
    ("持续推进，2025年底前完成", [("2025年底前", "by")], "a date among the words wins"),
    ("6月底前完成", [("6月底前", "by")], "control: a limit without a year"),
    ("按季度报送", [("按季度报送", "ongoing")], "control: other undated words are kept as written"),
]


@pytest.mark.parametrize("words,expected,why", TAG_TIME_CASES, ids=[c[0] for c in TAG_TIME_CASES])
def test_tag_time_words(words, expected, why):
    assert [(d.text, d.kind) for d in tag_deadlines(words, 0)] == expected, why


@pytest.mark.parametrize("clause,expected,why", UNDATED_CASES, ids=[c[0] for c in UNDATED_CASES])
def test_undated_processing_and_names(clause, expected, why):
    assert _every_deadline(clause) == expected, why


# Rows from real plans nobody tuned the rules on (public pages found with the search tool; the
# expected readings were written by hand before the rules changed).  Mechanisms: a year inside a
# programme's or document's name is no deadline (after the name's first words or a verb taking it,
# before a name noun, with no verb of doing between); a year described (…是…之年) is none; a
# relative limit keeps its start (本方案印发后1个月内); the duration of a benefit (5年内免征…) is no
# deadline of the task (README, "Deadline and target rules"); the year's end without a year
# (年底前) is a by-deadline without dates.  (clause, expected (text, kind, start, end) list, source and why)
FOUND_CASES = [
    ("现将2023年浙江省卫生健康工作要点印发给你们，请各地各单位认真组织实施。", [],
     "浙卫发〔2023〕10号: a year opening a document's name, the issuer's place between it and 工作要点"),
    ("十堰市人民政府办公室关于印发2008年十件实事责任落实及任务分解方案的通知", [],
     "十堰 2008: the year of a programme's name after 印发 (the name holds 落实, a verb of its own)"),
    ("（六）完成时限：2008年内", [("2008年内", "during", "2008-01-01", "2008-12-31")],
     "十堰 2008: the same plan's time field stays a deadline"),
    ("3.银川市2018年为民办实事任务分解表", [], "兴庆区 2018: a year inside a table's name, after the city"),
    ("附件：2016年民生实事目标任务分解表", [], "大竹 2016: the annex's name after a label"),
    ("5月底前动工", [("5月底前", "by", None, None)], "大竹 2016 table cell: a month end without a year"),
    ("特制定2015年县域经济改革发展重点工作推进方案。", [], "川办函〔2015〕54号: the plan names itself after 制定"),
    ("继续开展农村土地承包经营权确权登记颁证工作，2015年完成75%以上的确权登记",
     [("2015年", "during", "2015-01-01", "2015-12-31")], "川办函〔2015〕54号: a year before a verb stays a deadline"),
    ("从2014年开始，全面启动预算管理制度改革。", [("从2014年开始", "from", "2014-01-01", None)], "鲁政发〔2014〕20号: 从…开始"),
    ("2016年基本完成深化预算管理改革的各项任务", [("2016年", "during", "2016-01-01", "2016-12-31")],
     "鲁政发〔2014〕20号: year, adverb, verb — 任务 after a verb is no name"),
    ("并于2023年1月15日前将工作方案报区人民政府办公室。", [("2023年1月15日前", "by", None, "2023-01-15")],
     "蔡政办〔2023〕1号: 于 a dated limit; the document noun after it does not make a name"),
    ("从2023年第一季度开始，各责任单位要在每季度最后一个月的30日前将本季度落实各项工作目标任务进展情况报区人民政府办公室。",
     [], "蔡政办〔2023〕1号: reports every quarter from then on — a start after which the work recurs sets no limit "
     "(decision, session 9 blind tag set 4: this row read 从2023年第一季度开始 as kind from before)"),
    ("区绩效考评机构要将2023年区《政府工作报告》确定的重要目标任务，纳入绩效管理考核范围", [],
     "蔡政办〔2023〕1号: a year right before a title in 《》 qualifies the document"),
    ("各牵头单位于2023年2月10日前将制订的办理方案、督办工作人员名单及其联系方式报市人民政府督查室",
     [("2023年2月10日前", "by", None, "2023-02-10")], "武政办〔2023〕1号: a dated limit after 于"),
    ("各牵头单位于2月29日前将经本单位主要负责人审定后的细化方案报送至县政府政务督查室。", [("2月29日前", "by", None, None)],
     "嘉政办发〔2024〕1号: a day without a year"),
    ("到2027年，区县城经济社会发展水平西部领先、综合承载能力全面增强；到2035年，基本实现新型城镇化",
     [("到2027年", "by", None, "2027-12-31"), ("到2035年", "by", None, "2035-12-31")], "重庆 2023: two limits in one clause"),
    ("到2019年6月底，基本实现工程建设项目全流程审批时间压缩至90个工作日以内",
     [("到2019年6月底", "by", None, "2019-06-30")], "遂府函〔2019〕55号: 90个工作日以内 is the processing limit of each case"),
    ("2022年，全市新建5G基站2600个以上，新建市级及以上创新平台15个以上", [("2022年", "during", "2022-01-01", "2022-12-31")],
     "六盘水府办发〔2022〕10号: a year opening the clause"),
    ("2025年是“十四五”规划的收官之年，也是“十五五”规划谋篇布局之年。", [], "金乡 2025: a year described (是…之年) is no deadline"),
    ("2016年是全面建成小康社会决胜阶段的开局之年，也是推进结构性改革的攻坚之年。", [], "京政办发〔2016〕26号: a year described"),
    ("市政府决定，从2016年起在全市实施提升县(市、区)城市管理水平三年行动计划。", [("从2016年起", "from", "2016-01-01", None)],
     "许昌 2016: a stated start before a programme's name"),
    ("咸宁市人民政府公报（2022年第2号）", [], "咸宁 2022: an issue number"),
    ("市政府对2000年以来以市政府或市政府办公室名义制定发布的1923件文件进行了全面清理", [], "达州 2008: 以来 looks back"),
    ("对从事港口、码头建设的中外合资经营企业，实行5年内免征企业所得税，免征期满后再减半征收企业所得税5年。", [],
     "连云港: how long a tax benefit lasts is no deadline of the task (decision, README)"),
    ("三年以内乡镇卫生院要全部达到乙级水平", [("三年以内", "within", None, None)], "江陵: a relative limit of the task stays"),
    ("年底前，围绕《政府工作报告》确定的重点工作，开展综合督查", [("年底前", "by", None, None)],
     "许政〔2020〕20号: the year's end without a year is a by-deadline without dates"),
    ("兴庆区政府办公室将严格按照“年初建账、逐月查账、年底交账”的督查制度，加强跟踪督查", [],
     "兴庆区 2018: 年底 in a slogan, with no limit word, is none"),
    ("全面完成好《政府工作报告》中确定的2021年各项工作任务", [],
     "大洼 2021: the year says which work (…的2021年各项工作), no limit — decision, session 9 (blind tag set 4's "
     "convention: 2026年…工作 is no deadline); this row read the year as the work's period before"),
    ("公布2016年版市政府部门权力清单", [], "京政办发〔2016〕26号: an edition"),
    ("根据市政府办公厅《关于认真做好2023年度市政府绩效管理年终考评工作的通知》要求", [], "北京 2024: a year inside 《》"),
    ("制定2025年达标村庄的建设计划", [("2025年", "during", "2025-01-01", "2025-12-31")],
     "constructed: 的 after the year's words — the year belongs to a description, not to a name"),
    ("2026年底前，完成2030年达标区域系统方案编制。", [("2026年底前", "by", None, "2026-12-31")],
     "嘉定 2024 (tests/fixtures/plans/24): 2030年达标区域 names the areas (the hand-written gold_found row and the blind "
     "tag set 3 agree: no deadline; this row said the opposite before, and its gold row was a strict xfail)"),
    # The start of a relative limit is kept with it.  No public plan in the corpora showed …印发后N个月内
    # (the one seen is a blind-set plan, not used here): these two rows are written for the mechanism.
    ("各区于本方案印发后1个月内制定具体措施", [("本方案印发后1个月内", "within", None, None)],
     "constructed: …印发后 is a stated start, kept as 印发之日起 is"),
    ("请于本通知下发后10个工作日内报送", [("本通知下发后10个工作日内", "within", None, None)],
     "constructed: working days from a stated start are the task's limit"),
]


def test_no_duplicate_found_rows():
    assert len({c[0] for c in FOUND_CASES}) == len(FOUND_CASES)


@pytest.mark.parametrize("clause,expected,why", FOUND_CASES, ids=[c[0][:24] for c in FOUND_CASES])
def test_found_plan_deadlines(clause, expected, why):
    assert _every_deadline(clause) == expected, why


# False deadlines the blind tag set 4 showed (notes-lead 22:50, item 8) and the plans of tests/fixtures/printed, written
# by hand before the rules changed: (clause, expected (text, kind, start, end) list of every reader, source and why).
# Decisions (README "Deadline and target rules"): a date that describes things (…建成的小区) and a year or 本年度 that says
# which work (做好2026年城市体检工作) set no limit; a start from which work recurs (自2022年起，每年…) sets none either; a
# start of work that is done once stays a start (kind from), as the bundled plan's 自2019年7月1日起 does.
DESCRIBED_CASES = [
    ("仓房以2010年以后新建的平房仓为主", [], "沪粮仓〔2025〕18号 (fixtures/printed/82): a date, a verb and 的 say which granaries"),
    ("对2000年底前建成的老旧住宅小区实施改造", [], "the lead's form: 2000年底前建成的… describes the estates, no limit"),
    ("2025年底前已建成的项目要全部完成验收", [], "已 between the date and the verb: still a description"),
    ("2025年底前建成10个示范项目", [("2025年底前", "by", None, "2025-12-31")], "control: the verb takes an object, no 的: a limit"),
    ("为做好2026年城市体检工作，制定本方案", [], "a year saying which work, after a verb taking it (blind set 4)"),
    ("扎实推进本年度城市体检工作", [], "本年度 saying which work (blind set 4)"),
    ("本年度内完成全部排查", [("本年度内", "during", None, None)], "control: 本年度内 bounds the work"),
    ("2026年完成城市体检工作", [("2026年", "during", "2026-01-01", "2026-12-31")], "control: a year opening its clause"),
    ("自2022年起，每年安排专项资金支持改造", [], "a start from which the work recurs every year: no limit (blind set 4)"),
    ("从2019年起，各有关部门于每年2月底前研究提出拟予督查激励的地方名单", [],
     "国办发〔2018〕117号 (fixture 46): the yearly duty starts in 2019; 每年2月底前 recurs"),
    ("各单位、各部门应于2022年1月14日（周五）前将排查整治工作部署情况报市局特种设备安全监察处",
     [("2022年1月14日（周五）前", "by", None, "2022-01-14")], "沪市监特种〔2022〕27号 (fixtures/printed/81): a weekday in brackets before 前"),
    ("（二）排查摸底阶段（2022年2月—2022年3月）", [("2022年2月—2022年3月", "range", "2022-02-01", "2022-03-31")],
     "沪市监特种〔2022〕27号: a phase's span in its heading"),
    ("2024年6月前，开展“回头看”，并启动督促机制", [("2024年6月前", "by", None, "2024-06-30")], "沪奉民〔2023〕42号: a month's end"),
    ("各养老服务机构明确1名联系人，每月15日前报送整治进展情况", [], "沪奉民〔2023〕42号: 每月…前 recurs"),
    ("到2027年，市内仓顶光伏装机容量1.5万千瓦以上", [("到2027年", "by", None, "2027-12-31")],
     "沪粮仓〔2025〕18号: the deadline's text is the plan's words, 到 included (README)"),
    ("各单位应分别于2022年2月14日、5月16日、8月15日、11月14日前上报本单位工作进展情况",
     [("2022年2月14日", "by", None, "2022-02-14"), ("5月16日", "by", None, "2022-05-16"), ("8月15日", "by", None, "2022-08-15"),
      ("11月14日前", "by", None, "2022-11-14")],
     "沪市监特种〔2022〕27号: days joined by 、 share the last one's 前 and the first one's year (was: 2022年2月14日 a "
     "one-day period, 5月16日 and 8月15日 lost, 11月14日前 with no year)"),
    ("2022年6月30日、2023年6月30日前分两批完成", [("2022年6月30日", "by", None, "2022-06-30"), ("2023年6月30日前", "by", None, "2023-06-30")],
     "constructed: a day with its own year keeps it"),
    ("2022年2月30日、5月16日前上报", [("5月16日前", "by", None, None)],
     "constructed: a list holding a day that does not exist is not read as a list (the last day alone, without a year)"),
]


@pytest.mark.parametrize("clause,expected,why", DESCRIBED_CASES, ids=[c[0][:24] for c in DESCRIBED_CASES])
def test_described_and_recurring_dates(clause, expected, why):
    assert _every_deadline(clause) == expected, why
