"""A part heading of two clauses (五、实施企业经营范围“标准化+负面清单”管理，降低制度性交易成本: 36 characters, one comma, no
end mark) after parts whose headings stood alone (一、… 二、… 三、… 四、…) is the next part when the numbering runs on (四 →
五) — whatever follows it: a body paragraph, label lines, items.  Before, cleanup glued the heading (over 30 characters,
no end) to the paragraph after it and the structure read the glued paragraph as 四's second paragraph (label 四2, a part
of the plan lost: holdout17 ptC).  A 五、 that is a sentence (an end mark inside, more than one comma, a line cut at a
word that waits for more) or whose numeral does not follow stays as it was.  Rows written before the code (docs4 s17)."""

import pytest

from kb.ingest.html import read_html
from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs

LABELS = "牵头单位：{lead}\n配合单位：区行政审批局\n完成时间：2017年12月底前完成\n"


def labelled(head: str, body: str, lead: str) -> str:
    return f"{head}\n{body}\n" + LABELS.format(lead=lead)


PLAN_A = ("某某区深化改革六项措施\n为进一步深化行政审批制度改革，制定以下措施。\n"
          + labelled("一、实施档案电子化，构建行政审批“一张网”", "推进全区档案电子化工程，实现快速查询。", "区行政审批局")
          + labelled("二、加快医社保自助结算，逐步实施“多卡融合”", "在医院引入自助结算终端机，实现医保异地结算。", "区社会事业局")
          + "{line}\n按照“模块化、标准化”要求，实行企业经营范围“标准化+负面清单”管理模式。\n"
          + LABELS.format(lead="区市场监督管理局"))

# (the line after part 二, expected part numerals, label of the paragraph after it, why)
CASES_A = [
    ("三、实施企业经营范围“标准化+负面清单”管理，降低制度性交易成本", ["一", "二", "三"], "三",
     "区: 33 characters, one comma, numeral after 二, a body paragraph and label lines under it — the next part"),
    ("三、全面推行市级政务服务事项“一网通办”改革，持续提升群众办事满意度水平", ["一", "二", "三"], "三",
     "市: a different heading of two clauses"),
    ("四、实施企业经营范围“标准化+负面清单”管理，降低制度性交易成本", ["一", "二"], "二2",
     "numeral 四 after 二 (三 skipped): nothing proves a part — a paragraph of 二 as before"),
    ("三、实施企业经营范围“标准化+负面清单”管理。降低制度性交易成本", ["一", "二"], "二2",
     "a full stop inside: a sentence, not a heading of two clauses — unchanged"),
    ("三、推进标准化工作，制定标准化工作指引，建立负面清单动态调整机制", ["一", "二"], "二2",
     "three clauses: a sentence — unchanged"),
]


@pytest.mark.parametrize("line, numerals, label, why", CASES_A, ids=[c[3][:30] for c in CASES_A])
def test_two_clause_heading_runs_on(line, numerals, label, why):
    doc, tasks = parse_document(PLAN_A.format(line=line), "p")
    assert [n for n, _ in doc.parts] == numerals, why
    body = next(t for t in tasks if t.text.startswith(("按照", line)))
    assert body.label == label, why


def test_heading_kept_apart_by_cleanup():
    """cleanup leaves the heading a line of its own (it glued it to the paragraph after it)."""
    line = "三、实施企业经营范围“标准化+负面清单”管理，降低制度性交易成本"
    paragraphs = clean_paragraphs(PLAN_A.format(line=line))
    assert line in paragraphs


def test_wrapped_sentence_still_joined():
    """A 三、 line cut at a word that waits for more (积极推进 / 标准化改革。) is one sentence wrapped: joined as before."""
    text = PLAN_A.format(line="三、进一步完善企业经营范围登记管理制度和负面清单动态调整机制，积极推进").replace(
        "\n按照“模块化", "\n标准化改革。\n按照“模块化")
    assert "三、进一步完善企业经营范围登记管理制度和负面清单动态调整机制，积极推进标准化改革。" in clean_paragraphs(text)


def test_first_part_needs_a_part_before():
    """一、 of two clauses with no part before it proves nothing: a paragraph wrapped as before (fragments joined)."""
    text = "某某县工作方案\n一、坚持问题导向和目标导向，聚焦人民群众反映强烈的突出问题和薄弱环节\n开展专项整治。\n二、主要任务\n（一）整治占道经营。（县城管局牵头）\n"
    assert "一、坚持问题导向和目标导向，聚焦人民群众反映强烈的突出问题和薄弱环节开展专项整治。" in clean_paragraphs(text)


HTML_PLAN = ("<html><body><div class='content'>"
             "<p>某某县优化营商环境三项措施</p>"
             "<p>一、推行证照分离，压缩审批时限</p><p>全面推行“证照分离”改革。（县市场监管局牵头）</p>"
             "<p>二、优化纳税服务，提升办税便利度</p><p>推行网上办税。（县税务局牵头）</p>"
             "<p>三、深化工程建设项目审批制度改革，推进全流程全事项网上审批和联合验收</p><p>推行工程建设项目审批“一网通办”。（县住建局牵头）</p>"
             "</div></body></html>")


def test_html_paragraphs():
    """A web page writing each heading and each body in its own <p>: the 三、 heading of 33 characters is part 三
    (县 level, inline tags)."""
    text = read_html(HTML_PLAN.encode("utf-8"), "page.html").text
    doc, tasks = parse_document(text, "p")
    assert [n for n, _ in doc.parts] == ["一", "二", "三"]
    assert tasks[-1].label == "三"
