"""The same plan as .txt, .docx, .pdf and web page gives the same tasks (issue #10).

The DOCX and PDF are made here from the bundled plan's paragraphs (tests/plan_files.py):
the PDF typeset with lines wrapped wherever they fall, a running header, page footers
``— N —`` and a page that ends inside a responsibility tag.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kb.ingest import read_document
from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs
from plan_files import make_docx, make_pdf

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "zigong-blue-sky-plan.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plans"
#: A tag of the bundled plan long enough to span two lines: the PDF's page ends inside it.
LONG_TAG = "（市经济和信息化局、市生态环境局牵头，市发展改革委、市公安局、市财政局、市人力资源社会保障局"


def essentials(tasks) -> list[tuple]:
    """What must not depend on the file format: label, kind, text, roles, deadlines, targets."""
    return [
        (t.label, t.kind, t.title, t.text, t.lead, t.support, t.sole, t.shared, t.implied,
         [(d.text, d.kind, d.start, d.end) for d in t.deadlines], [(g.metric, g.value) for g in t.targets])
        for t in tasks
    ]


@pytest.fixture(scope="module")
def bundled():
    text = BUNDLED.read_text(encoding="utf-8")
    doc, tasks = parse_document(text, doc_id="plan")
    return clean_paragraphs(text), doc, tasks


@pytest.fixture(scope="module")
def bundled_pdf(tmp_path_factory, bundled):
    paragraphs, doc, _ = bundled
    assert any(LONG_TAG in p for p in paragraphs)
    title = paragraphs.index(doc.title)
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    return make_pdf(paragraphs, path, header="自贡市人民政府文件", break_inside=LONG_TAG, centred=(title,))


def test_bundled_plan_as_docx_parses_like_the_text(tmp_path, bundled):
    paragraphs, doc, tasks = bundled
    path = make_docx(paragraphs, tmp_path / "plan.docx")
    extracted = read_document(path, use_cache=False)
    assert extracted.format == "docx"
    doc2, tasks2 = parse_document(extracted.text, doc_id="plan")
    assert doc2.title == doc.title == "自贡市打赢蓝天保卫战实施方案"
    assert essentials(tasks2) == essentials(tasks)
    assert len([t for t in tasks2 if t.kind == "task"]) == 64


def test_bundled_plan_as_pdf_parses_like_the_text(bundled, bundled_pdf):
    paragraphs, doc, tasks = bundled
    extracted = read_document(bundled_pdf, use_cache=False)
    assert extracted.format == "pdf" and extracted.pages >= 15
    # Footers and the running header are gone; every page ends with \f.
    assert "— 2 —" not in extracted.text and "自贡市人民政府文件" not in extracted.text
    assert extracted.text.count("\f") == extracted.pages
    # The tag cut by the page end is whole again, and no wrapped line is left over.
    assert clean_paragraphs(extracted.text) == paragraphs
    doc2, tasks2 = parse_document(extracted.text, doc_id="plan")
    assert essentials(tasks2) == essentials(tasks)


def test_pdf_tasks_cite_the_page_they_start_on(bundled_pdf):
    extracted = read_document(bundled_pdf, use_cache=False)
    _, tasks = parse_document(extracted.text, doc_id="plan")
    pages = [int(re.fullmatch(r"第(\d+)页", t.source).group(1)) for t in tasks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == extracted.pages
    # The task whose tag the page break cuts is cited by the page where it starts.
    cut = next(t for t in tasks if LONG_TAG in t.text)
    page_texts = extracted.text.split("\f")
    start = next(i for i, p in enumerate(page_texts, 1) if cut.body[:20] in p.replace("\n", ""))
    assert cut.source == f"第{start}页"
    assert cut.lead == ["市经济和信息化局", "市生态环境局"]


def test_text_plans_have_no_source(bundled):
    _, _, tasks = bundled
    assert {t.source for t in tasks} == {None}


def test_web_page_of_a_real_plan_parses_like_its_text():
    extracted = read_document(FIXTURES / "02_nongjihua_guofa2018-42.source.html", use_cache=False)
    assert extracted.format == "html" and extracted.encoding == "utf-8"
    text = (FIXTURES / "02_nongjihua_guofa2018-42.txt").read_text(encoding="utf-8")
    _, want = parse_document(text, doc_id="02")
    _, got = parse_document(extracted.text, doc_id="02")
    assert essentials(got) == essentials(want)
    # the signature 国务院2018年12月21日（此件公开发布） is the document's closing, no task; the document number
    # 国发〔2018〕42号 is a paragraph of its own since 4a728a2/5b18578 (it was joined to the addressees' line): 24
    assert len(got) == 24


def test_a_whole_saved_page_in_gbk_keeps_only_the_article(tmp_path):
    """Navigation, share buttons and footer dropped; meta charset GBK; &nbsp; and the UEditor marker."""
    fragment = (FIXTURES / "02_nongjihua_guofa2018-42.source.html").read_text(encoding="utf-8")
    fragment = fragment.replace("一、总体要求</span>", "一、总体要求</span>_ueditor_page_break_tag_", 1)
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见_政府信息公开专栏</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zhengce">政策</a> &gt; 国务院文件</div>
<div class="header">中华人民共和国中央人民政府 门户网站 首页 新闻 政策 互动 服务 数据 国情 国务院 总理</div>
<table>{fragment}</table>
<div class="share">分享到：微信 微博 QQ空间 【我要纠错】【打印本页】【关闭窗口】</div>
<div id="footer">主办单位：国务院办公厅 运行维护单位：中国政府网运行中心 版权所有：中国政府网 京ICP备05070218号</div>
</body></html>"""
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gb18030"))
    extracted = read_document(path, use_cache=False)
    assert extracted.encoding == "gb2312"
    assert "分享到" not in extracted.text and "主办单位" not in extracted.text and "首页" not in extracted.text
    assert "_ueditor_page_break_tag_" not in extracted.text and "&nbsp;" not in extracted.text
    _, want = parse_document((FIXTURES / "02_nongjihua_guofa2018-42.txt").read_text(encoding="utf-8"), doc_id="02")
    _, got = parse_document(extracted.text, doc_id="02")
    assert essentials(got) == essentials(want)


def test_page_without_cms_container_finds_the_densest_block(tmp_path):
    # Source indentation inside a paragraph (tabs, line breaks) is HTML whitespace, no table cell.
    body = "".join(f"<p>（{n}）第{n}项工作。要加强组织领导，\n\t\t细化工作措施，确保各项任务落到实处。（市发展改革委牵头，市财政局配合）</p>" for n in "一二三四五")
    page = f"""<html><head><meta charset="utf-8"></head><body>
<ul class="menu"><li><a href="/a">机构设置</a></li><li><a href="/b">政务公开</a></li><li><a href="/c">办事服务</a></li></ul>
<h1>某市推进工作实施方案</h1><div class="main"><div class="left"><a href="/x">相关链接一二三四五六七八九十</a></div>
<div class="right">{body}<p>附：表格</p><table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>示例</td></tr></table></div></div></body></html>"""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    text = read_document(path, use_cache=False).text
    lines = text.split("\n")
    assert lines[0] == "某市推进工作实施方案"  # the page's h1 before an article that lacks it
    assert "机构设置" not in text and "相关链接" not in text
    assert "序号\t名称" in lines and "1\t示例" in lines
    _, tasks = parse_document(text, doc_id="p")
    assert [t.lead for t in tasks if t.kind == "task"] == [["市发展改革委"]] * 5


def test_extraction_is_cached_as_json_and_keyed_by_the_bytes(tmp_path, monkeypatch, bundled):
    paragraphs, _, _ = bundled
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    path = make_docx(paragraphs[:20], tmp_path / "a.docx")
    first = read_document(path)
    files = list((tmp_path / "cache" / "ingest").glob("*.json"))
    assert len(files) == 1
    assert json.loads(files[0].read_text(encoding="utf-8"))["extracted"]["text"] == first.text
    assert read_document(path) == first
    make_docx(paragraphs[:10], path)  # edited: other bytes, read again
    second = read_document(path)
    assert second.text != first.text
    assert len(list((tmp_path / "cache" / "ingest").glob("*.json"))) == 2
    files[0].write_text("{not json", encoding="utf-8")  # a damaged entry is read again, not trusted
    make_docx(paragraphs[:20], path)
    assert read_document(path) == first


def test_two_hundred_page_pdf_finishes_with_progress(tmp_path):
    paragraphs = [f"{n}. 第{n}项工作要按期完成，各部门要加强协作。（市发展改革委牵头）" for n in range(1, 10)]
    pages = []
    from reportlab.pdfgen import canvas

    from plan_files import _font

    _font()
    path = tmp_path / "long.pdf"
    c = canvas.Canvas(str(path))
    for page in range(1, 201):
        c.setFont("STSong-Light", 14)
        for i, p in enumerate(paragraphs[:3]):
            c.drawString(72, 760 - 30 * i, p)
        c.drawCentredString(297, 40, f"· {page} ·")
        c.showPage()
    c.save()
    extracted = read_document(path, use_cache=False, progress=lambda done, total: pages.append((done, total)))
    assert extracted.pages == 200 and len(pages) == 200 and pages[-1] == (200, 200)
    assert "·" not in extracted.text


def test_two_column_page_is_read_column_by_column(tmp_path):
    paragraphs = [f"{n}.第{n}项：坚持以人民为中心的发展思想，统筹推进各项工作，确保取得实效，推动高质量发展。" for n in range(1, 25)]
    path = make_pdf(paragraphs, tmp_path / "two.pdf", two_columns=True)
    extracted = read_document(path, use_cache=False)
    assert extracted.pages == 2  # the first page holds both columns, full
    lines = [ln for ln in extracted.text.split("\n") if ln.strip("\f")]
    assert lines == paragraphs


def test_a_folder_mixing_formats_is_one_corpus(tmp_path, monkeypatch, bundled, capsys):
    import openpyxl

    from kb.store import load_plan

    paragraphs, _, tasks = bundled
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-zigong.txt").write_bytes(BUNDLED.read_bytes())
    (corpus / "b-nongji.html").write_bytes((FIXTURES / "02_nongjihua_guofa2018-42.source.html").read_bytes())
    make_docx(paragraphs, corpus / "c-zigong.docx")
    make_pdf(["某市推进工作实施方案", "一、重点任务", "（一）加强组织。做好工作。（市发展改革委牵头，市财政局配合）"], corpus / "d-short.pdf")
    wb = openpyxl.Workbook()
    for row in [["序号", "工作任务", "责任单位", "完成时限"], ["1", "编制年度计划", "市发展改革委", "2024年3月底前"]]:
        wb.active.append(row)
    wb.save(corpus / "e-table.xlsx")
    # c-zigong.docx is the bundled plan as a Word file: it reads as the very plan of a-zigong.txt (every field of the
    # document and its tasks but the file's own: kb.plan_rows.content_digest), so it is said and read once, as text.
    plan = load_plan(corpus)
    assert [(d.id, d.format) for d in plan.documents] == [
        ("a-zigong", "txt"), ("b-nongji", "html"), ("d-short", "pdf"), ("e-table", "xlsx")]
    assert f"已跳过 {corpus / 'c-zigong.docx'}：与 {corpus / 'a-zigong.txt'} 是同一方案" in capsys.readouterr().err
    per_doc = {d.id: [t for t in plan.tasks if t.doc == d.id] for d in plan.documents}
    assert essentials(per_doc["a-zigong"]) == essentials(tasks)
    assert len(per_doc["b-nongji"]) == 24  # its signature is the document's closing, no task; its 文号 a paragraph
    (short,) = [t for t in per_doc["d-short"] if t.kind == "task"]
    assert (short.label, short.lead, short.support, short.source) == ("一（一）", ["市发展改革委"], ["市财政局"], "第1页")
    (row,) = per_doc["e-table"]
    assert (row.label, row.sole, [d.text for d in row.deadlines], row.source) == ("1", ["市发展改革委"], ["2024年3月底前"], "表1 第2行")
    again = load_plan(corpus)  # from the plan cache
    assert [(d.id, d.format) for d in again.documents] == [(d.id, d.format) for d in plan.documents]


def test_article_framed_in_a_one_cell_table_keeps_its_paragraphs(tmp_path):
    paragraphs = ["某市推进工作实施方案", "一、重点任务", "（一）加强组织。做好工作。（市发展改革委牵头，市财政局配合）",
                  "（二）完善机制。建立台账，定期调度。（市财政局负责）",
                  "（三）强化督查。对工作推进情况开展督查，督查结果纳入年度绩效考核。（市政府督查室负责）"]
    cell = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f'<html><head><meta charset="utf-8"></head><body><div id="zoom"><table><tr><td>{cell}</td></tr></table></div></body></html>'
    path = tmp_path / "framed.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path, use_cache=False).text.splitlines() == paragraphs


@pytest.mark.parametrize("name", ["02_nongjihua_guofa2018-42.txt", "05_guangzhou_rencaijiju_2012.txt"])
def test_shared_real_plans_as_pdf_and_docx_parse_like_their_text(tmp_path, name):
    """Plans the readers were not tuned on (other dialects: 负责 lists, labelled tags)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    paragraphs = clean_paragraphs(text)
    doc, want = parse_document(text, doc_id="p")
    long_tags = sorted((p[p.rfind("（"):] for p in paragraphs if p.endswith("）")), key=len)
    pdf = make_pdf(paragraphs, tmp_path / "p.pdf", break_inside=long_tags[-1], centred=(0, 1))
    for path in (pdf, make_docx(paragraphs, tmp_path / "p.docx")):
        extracted = read_document(path, use_cache=False)
        doc2, got = parse_document(extracted.text, doc_id="p")
        assert doc2.title == doc.title, path.suffix
        assert essentials(got) == essentials(want), path.suffix
