"""The end of a document — the attachments line (``附件：X`` or ``附件：1.X`` / ``2.Y``), the issuer's signature, the
signing date, ``（此件公开发布）`` / ``（此件主动公开）``, 抄送 / 印发 lines — is the document's closing: never an item, never
a deadline, whether cleanup joins its lines or they come apart, with or without the attachments line; the annex after
it stays an annex.  holdout11 (国办发〔2019〕4号): ``附件：三级公立医院绩效考核指标`` / ``国务院办公厅`` / ``2019年1月16日`` /
``（此件公开发布）`` was joined into one line and read as item 五 due 2019年1月16日 (5 confident wrong answers:
2019年8月底前要完成什么 listed it).

Table-driven: the plan's last lines → the closing, the annexes, why.  Expectations written before the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.parser.core import parse_document

HOLDOUT = Path(__file__).resolve().parent / "fixtures" / "holdout11"
HEAD = "某某意见\n一、任务\n（一）建立平台。2019年3月底前，国家卫生健康委完成平台建设。\n（二）做好宣传。各地要加强宣传。\n"
BODY = ["一（一）", "一（二）"]
LAST = "（二）做好宣传。各地要加强宣传。"
ANNEX = "附件\n三级公立医院绩效考核指标\n一、医疗质量\n1.门诊人次数与出院人次数比。\n"
ANNEX_ROWS = ["附件（一）-1"]
ANNEXES = [("附件", "三级公立医院绩效考核指标")]

# (why, the plan's last lines, closing (exact), labels after the body, annexes)
CASES = [
    ("holdout11 jx: caption, signature, date, note on four lines, then the annex",
     "附件：三级公立医院绩效考核指标\n国务院办公厅\n2019年1月16日\n（此件公开发布）\n" + ANNEX,
     "附件：三级公立医院绩效考核指标\n国务院办公厅2019年1月16日（此件公开发布）", ANNEX_ROWS, ANNEXES),
    ("the same with blank lines between (a web page's paragraphs)",
     "\n附件：三级公立医院绩效考核指标\n\n国务院办公厅\n\n2019年1月16日\n\n（此件公开发布）\n\n" + ANNEX,
     "附件：三级公立医院绩效考核指标\n国务院办公厅2019年1月16日（此件公开发布）", ANNEX_ROWS, ANNEXES),
    ("the same, the annex not pasted: the attachments line stays the closing's, no annex",
     "附件：三级公立医院绩效考核指标\n国务院办公厅\n2019年1月16日\n（此件公开发布）\n",
     "附件：三级公立医院绩效考核指标\n国务院办公厅2019年1月16日（此件公开发布）", [], []),
    ("no attachments line: signature, date, note, then the annex",
     "国务院办公厅\n2019年1月16日\n（此件公开发布）\n" + ANNEX,
     "国务院办公厅2019年1月16日（此件公开发布）", ANNEX_ROWS, ANNEXES),
    ("an attachments list on two lines, then the annexes",
     "附件：1.考核指标\n2.任务清单\n国务院办公厅\n2019年1月16日\n附件1\n考核指标\n1.门诊人次数与出院人次数比。\n",
     "附件：1.考核指标\n2.任务清单\n国务院办公厅2019年1月16日", ["附件1-1"], [("附件1", "考核指标")]),
    ("an attachments list on one line",
     "附件：1.考核指标 2.任务清单\n国务院办公厅\n2019年1月16日\n",
     "附件：1.考核指标2.任务清单\n国务院办公厅2019年1月16日", [], []),  # (cleanup drops the space between CJK)
    ("the signature before the caption: 附件：X with its text after the signature opens the annex",
     "国务院办公厅\n2019年1月16日\n附件：三级公立医院绩效考核指标\n一、医疗质量\n1.门诊人次数与出院人次数比。\n",
     "国务院办公厅2019年1月16日", ANNEX_ROWS, ANNEXES),
    ("two bodies sign, one a line: the signature opens at the first (cut at the last, the first body was lost)",
     "上海市交通委员会\n上海市发展和改革委员会\n2023年6月15日\n",
     "上海市交通委员会上海市发展和改革委员会2023年6月15日", [], []),
    ("an attachments line, then two signing bodies",
     "附件：考核指标\n某市交通运输局\n某市财政局\n2023年6月15日\n",
     "附件：考核指标\n某市交通运输局某市财政局2023年6月15日", [], []),
    ("a date in Chinese numerals and 此件主动公开",
     "附件：考核指标\n某省人民政府办公厅\n二〇一九年一月十六日\n（此件主动公开）\n",
     "附件：考核指标\n某省人民政府办公厅二〇一九年一月十六日（此件主动公开）", [], []),
    ("an ASCII colon and an 印发 line",
     "附件:考核指标\n国务院办公厅\n2019年1月16日\n某市人民政府办公室2019年1月17日印发\n",
     "附件:考核指标\n国务院办公厅2019年1月16日\n某市人民政府办公室2019年1月17日印发", [], []),
    ("a numbered caption with a colon (附件1：X) before the signature",
     "附件1：考核指标\n国务院办公厅\n2019年1月16日\n附件1\n考核指标\n1.门诊人次数与出院人次数比。\n",
     "附件1：考核指标\n国务院办公厅2019年1月16日", ["附件1-1"], [("附件1", "考核指标")]),
    ("a bare caption then its title line: 附件 + 三级… is no 附件三 (the numeral is the title's)",
     "国务院办公厅\n2019年1月16日\n附件\n三级公立医院绩效考核指标\n1.门诊人次数与出院人次数比。\n",
     "国务院办公厅2019年1月16日", ["附件-1"], ANNEXES),
    ("notes after the signature under no caption (a table took its caption): the named annex's notes, no body items",
     "附件：考核指标\n国务院办公厅\n2019年1月16日\n注：\n1.标记的指标为监测指标。\n2.手术不包括门诊手术。\n",
     "附件：考核指标\n国务院办公厅2019年1月16日", ["附件（注）-1", "附件（注）-2"], [("附件", "考核指标")]),
    ("control: a caption with its annex's text after it (no signature) opens the annex (fixture 24)",
     "附件：重点任务分解表\n1.完成平台建设。\n",
     None, ["附件-1"], [("附件", "重点任务分解表")]),
    ("control: a sentence that mentions an annex is an item, the signature after it the closing",
     "（三）做好报送。各地按附件要求报送。\n国务院办公厅\n2019年1月16日\n",
     "国务院办公厅2019年1月16日", ["一（三）"], []),
]


def _end(tail: str):
    doc, tasks = parse_document(HEAD + tail, "p")
    labels = [t.label for t in tasks]
    assert labels[: len(BODY)] == BODY
    return doc, tasks, labels[len(BODY):]


@pytest.mark.parametrize("why,tail,closing,after,annexes", CASES, ids=[c[0][:40] for c in CASES])
def test_closing_block(why, tail, closing, after, annexes):
    doc, tasks, labels = _end(tail)
    assert (doc.closing, labels, doc.annexes) == (closing, after, annexes), why
    assert not any("2019年1月16日" in t.text or "一月十六日" in t.text or "国务院办公厅" in t.text for t in tasks), why
    assert not any(d.text in ("2019年1月16日", "2019年1月17日") for t in tasks for d in t.deadlines), why


# Lines that look like a closing's and are not (each stays where it is).
CONTROLS = [
    ("a whole date inside an item is its deadline",
     "（三）做好摸底。2019年6月30日前完成摸底。\n", "（三）做好摸底。2019年6月30日前完成摸底。"),
]


@pytest.mark.parametrize("why,tail,last", CONTROLS, ids=[c[0][:40] for c in CONTROLS])
def test_not_a_closing(why, tail, last):
    doc, tasks, labels = _end(tail)
    assert (doc.closing, labels, tasks[-1].text) == (None, ["一（三）"], last), why
    assert [d.text for d in tasks[-1].deadlines] == ["2019年6月30日前"], why


def test_co_signers_on_lines_of_their_own():
    """Two bodies signing on two lines: everything after the body's last item is the closing (how the lines group
    inside it is cleanup's), no item, no deadline."""
    doc, tasks, labels = _end("附件：考核指标\n国家发展改革委\n财政部\n2019年1月16日\n")
    assert labels == [] and "财政部" in doc.closing and "2019年1月16日" in doc.closing and "考核指标" in doc.closing


@pytest.mark.parametrize("name", ["jx_jixiaokaohe_guobanfa2019-4.txt", "jx_jixiaokaohe_guobanfa2019-4.html"])
def test_holdout11_signature_is_no_item(name):
    """The plan itself, as text and as the crawled page: the signature is the closing, the annex is 附件."""
    from kb.ingest import read_document

    path = HOLDOUT / name
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "jx", str(path))
    assert doc.closing.splitlines() == ["附件：三级公立医院绩效考核指标", "国务院办公厅2019年1月16日（此件公开发布）"]
    assert not any("2019年1月16日" in t.text for t in tasks)
    assert doc.annexes[0][0] == "附件"
    if name.endswith(".html"):  # (the text rendition's title line runs into the table's header cells: see below)
        assert doc.annexes[0] == ("附件", "三级公立医院绩效考核指标")
    assert [t.label for t in tasks if t.part == "五"] == ["五（一）", "五（二）", "五（三）", "五（四）", "五（五）"]


# A document with no numbered parts (a 决定, a 函: paragraphs only) ends the same way (gov.cn crawl rows 11, 55, 59:
# the signature was its last paragraph, the annex more paragraphs of it).
PARTLESS = [
    ("a 函 with an attachments line, then the annex",
     "国务院关于同意建立某联席会议制度的函\n教育部：\n同意建立某联席会议制度。请认真组织开展工作。\n附件：某联席会议制度\n国务院\n"
     "2018年11月20日\n（此件公开发布）\n附件\n某联席会议制度\n一、主要职能\n统筹协调全国工作。\n",
     "附件：某联席会议制度\n国务院2018年11月20日（此件公开发布）", [("附件", "某联席会议制度")]),
    ("a 决定 ending with its signature",
     "国务院关于某奖励的决定\n各省人民政府：\n国务院决定授予某奖。\n全国科技工作者要向获奖者学习。\n国务院\n2018年12月28日\n（此件公开发布）\n",
     "国务院2018年12月28日（此件公开发布）", []),
]


@pytest.mark.parametrize("why,text,closing,annexes", PARTLESS, ids=[c[0][:30] for c in PARTLESS])
def test_closing_of_a_document_without_parts(why, text, closing, annexes):
    doc, tasks = parse_document(text, "p")
    assert (doc.closing, doc.annexes) == (closing, annexes), why
    assert not any("2018年" in t.text for t in tasks), why
