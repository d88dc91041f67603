"""Four whole real plans kb had never seen, read in the forms officials receive (tests/fixtures/plans/README.md,
"Four whole plans in the forms officials receive"; gold_dialects.json written by hand before kb ran on them).

Every plan is read through kb.ingest (the file as it is: a web text, a gov.cn page's HTML, text copied out of a
PDF), and 沪府办〔2021〕36号 also as a typeset PDF and a DOCX made from its paragraphs: each form must give every
gold row.  Tag rows: the one task whose text starts with ``prefix`` (white space ignored) carries the tag, the
roles and the item's own time words.  Prose rows: the one task holding ``quote`` has the roles (controls: none).
Whole-plan figures (counted by hand) say that no other paragraph is given roles."""

import json
from pathlib import Path

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs
from gold_rows import KEYS, bare, check_tag_row, read_plan
from plan_files import make_docx, make_pdf

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
GOLD = json.loads((PLANS / "gold_dialects.json").read_text("utf-8"))
TAG_ROWS = [r for r in GOLD if "prefix" in r]
PROSE_ROWS = [r for r in GOLD if "quote" in r]
PARK = "71_huancheng_shengtaigongyuandai_2021.txt"


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    """Each fixture read from its file, and the park plan also as a PDF and a DOCX: {(doc, form): (doc, tasks)}."""
    out = {}
    for name in sorted({r["doc"] for r in GOLD}):
        out[(name, "file")] = read_plan(PLANS / name)
    paragraphs = clean_paragraphs((PLANS / PARK).read_text("utf-8"))
    folder = tmp_path_factory.mktemp("forms")
    long_tag = max((p[p.rfind("（"):] for p in paragraphs if p.endswith("）")), key=len)
    out[(PARK, "pdf")] = read_plan(make_pdf(paragraphs, folder / "park.pdf", break_inside=long_tag, centred=(0,)))
    out[(PARK, "docx")] = read_plan(make_docx(paragraphs, folder / "park.docx"))
    copied = folder / "park.copied.txt"
    copied.write_text(pdf_copied_text(make_pdf(paragraphs, folder / "park2.pdf", centred=(0,))), "utf-8")
    out[(PARK, "copied")] = read_plan(copied)
    return out


def pdf_copied_text(pdf: Path) -> str:
    """The text a reader gets by copying a PDF's pages: a line break at every wrapped line, inside names and tags,
    punctuation that did not fit at the next line's start, the ``— N —`` footers.  Read with pdfminer, which maps
    characters from the PDF's own CMaps: PDFium drops a glyph of the test's non-embedded font when no CJK font is
    installed (a ``）`` alone on its line), so its text would depend on the machine's fonts."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return "\n".join(page.extract_text() for page in document.pages)


def _forms(doc: str) -> list[str]:
    return ["file", "pdf", "docx", "copied"] if doc == PARK else ["file"]


TAG_CASES = [(r, f) for r in TAG_ROWS for f in _forms(r["doc"])]
PROSE_CASES = [(r, f) for r in PROSE_ROWS for f in _forms(r["doc"])]


@pytest.mark.parametrize("row,form", TAG_CASES, ids=[f"{r['doc'][:2]}-{r['prefix'][:6]}-{f}" for r, f in TAG_CASES])
def test_tag_row(plans, row, form):
    check_tag_row(plans[(row["doc"], form)][1], row, row["source"])


@pytest.mark.parametrize("row,form", PROSE_CASES, ids=[f"{r['doc'][:2]}-{r['quote'][:8]}-{f}" for r, f in PROSE_CASES])
def test_prose_row(plans, row, form):
    doc, tasks = plans[(row["doc"], form)]
    assert not doc.tagged
    hits = [t for t in tasks if bare(row["quote"]) in bare(t.text)]
    assert len(hits) == 1
    want = {k: row[k] for k in KEYS}
    assert {k: getattr(hits[0], k) for k in KEYS} in (want, {**want, **row.get("alt", {})})  # alt: see its alt_note
    assert hits[0].role_source == ("prose" if any(row[k] for k in KEYS) else None)


#: Paragraphs whose reading is not one unambiguous role (left out of the gold; they may get roles or not):
#: 国办发〔2019〕2号 五（二）1–3 `1.监督组。负责…` (the item's title names a group the plan sets up).
UNDECIDED = ("监督组。负责", "专家组。组织", "集中采购小组。负责")


@pytest.mark.parametrize("doc,form,count", [(PARK, "file", 15), (PARK, "pdf", 15), (PARK, "docx", 15), (PARK, "copied", 15),
                                            ("72_chongming_chengshitijian_2021.txt", "file", 1),
                                            ("73_shuangsuiji_guofa2019-5.html", "file", 8),
                                            ("74_yaopin_jicai_guobanfa2019-2.pdf.txt", "file", 3)])
def test_no_other_paragraph_has_roles(plans, doc, form, count):
    """Counted by hand: 15 tags in the park plan (its 保障措施 prose, `建立由市绿化市容局牵头…的推进机制`, is not read in
    a tagged plan); in the prose plans exactly the gold rows with roles."""
    _, tasks = plans[(doc, form)]
    with_roles = [t for t in tasks if any(getattr(t, k) for k in KEYS) and not bare(t.text).startswith(UNDECIDED)]
    gold = [r for r in GOLD if r["doc"] == doc and any(r[k] for k in KEYS)]
    assert len(with_roles) == len(gold) == count, [t.text[:30] for t in with_roles]


@pytest.mark.parametrize("doc,title", [
    (PARK, "关于加快推进环城生态公园带规划建设的实施意见"),
    ("72_chongming_chengshitijian_2021.txt", "2021年崇明区城市体检工作方案"),
    ("73_shuangsuiji_guofa2019-5.html", "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见"),
    ("74_yaopin_jicai_guobanfa2019-2.pdf.txt", "国家组织药品集中采购和使用试点方案"),
])
def test_plan_title_and_no_page_debris(plans, doc, title):
    """The plan's own title (behind a cover notice: ``Document.name``); no task holds page metadata or footers."""
    d, tasks = plans[(doc, "file")]
    assert d.name == title
    for t in tasks:
        assert "索引号" not in t.text and "主题分类" not in t.text and "— " not in t.text, t.text[:40]


#: Plans whose text copied out of their typeset PDF (PDFium's plain text: no indentation kept) reads exactly like the
#: text (every task: label, kind, text, roles, deadlines) with cleanup.join_printed_lines (bcdcd7f). On the code
#: before it (665749f) 38/74, 19/23, 8/55, 10/26, 0/36, 14/18, 22/48, 18/30 and 73/141 of their tasks came out alike.
COPIED_ALIKE = ["../../../corpus/zigong-blue-sky-plan.txt", "02_nongjihua_guofa2018-42.txt", "05_guangzhou_rencaijiju_2012.txt",
                "71_huancheng_shengtaigongyuandai_2021.txt", "46_jili_guobanfa2018-117.txt", "31_shanghai_gongyuan_tizhi_2026.txt",
                "27_fengxian_gongyuan_2021.txt", "21_songjiang_chengshigengxin_2025.txt", "51_liangshi_yingji_guobanhan2005-57.txt"]


def _essentials(tasks) -> list[tuple]:
    return [(t.label, t.kind, t.text, *(getattr(t, k) for k in KEYS), [d.text for d in t.deadlines]) for t in tasks]


@pytest.mark.parametrize("name", COPIED_ALIKE, ids=[Path(n).stem[:12] for n in COPIED_ALIKE])
def test_text_copied_out_of_a_pdf_reads_like_the_text(tmp_path, name):
    """A line break every ~27 characters (in names, tags, headings: ``一、对深化…监管等`` / ``相关政策…``), punctuation
    at a line's start, a tag's label colon at a line's end, footers: the lines of one paragraph are one paragraph."""
    text = (PLANS / name).read_text("utf-8")
    copied = pdf_copied_text(make_pdf(clean_paragraphs(text), tmp_path / "p.pdf", centred=(0,)))
    assert len(copied.splitlines()) > 2 * len(clean_paragraphs(text))  # it is wrapped
    assert _essentials(parse_document(copied, "p")[1]) == _essentials(parse_document(text, "p")[1])
