"""A web page's fields about the article, copied with its text or kept outside it (kb/parser/cleanup.is_page_metadata,
structure.outline, ingest/html._publication_field, qa/executors._page_date_field; labels in kb/data/ingest.yaml).

Found on 广州市农业局's page (fixture 87): ``文章来源：广州市农业局科教处 发布时间：2013-10-05`` under the title was glued
to the opening paragraph (the 引言 began 文章来源：…), and 这个方案是什么时候发布的 was answered "方案正文没有写明印发日期"
though the page states it; 西宁 2017 (fixture 17) had ``发布人:春秋智谷  /  发布时间:…`` glued to its preamble."""

import pytest

from kb.ingest.html import read_html
from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs, is_page_metadata

LINES = [
    # (line, page metadata?, why)
    ("文章来源：广州市农业局科教处 发布时间：2013-10-05", True, "two fields (fixture 87)"),
    ("发布人:春秋智谷/发布时间:2017-11-24 10:12:15", True, "ASCII colons, a slash between the fields (fixture 17)"),
    ("发布时间:2023-11-16 16:38", True, "one field (fixture 64)"),
    ("信息来源:区政府办(外事办)", True, "来源 after another word of the label list"),
    ("来源：某市人民政府 浏览次数：120", True, "来源 and a counter"),
    ("成文日期：2019年01月27日", True, "a gov.cn page's field"),
    # controls
    ("发布时间：2019年起每季度发布一次。", False, "a sentence mark: the plan's own text"),
    ("来源于群众的意见建议要及时办理", False, "来源 with no colon"),
    ("资金来源：市财政安排", False, "a label that is no page field (资金来源 opens with 资金)"),
    ("责任单位：市财政局", False, "a responsibility label"),
    ("（一）发布时间", False, "a heading"),
]


@pytest.mark.parametrize("line,meta,why", LINES, ids=[c[2][:24] for c in LINES])
def test_is_page_metadata(line, meta, why):
    assert is_page_metadata(line) is meta, why


def test_metadata_line_is_not_glued_and_kept_whole():
    text = ("某市农民培训实施方案\n文章来源：某市农业局 发布时间：2013-10-05\n根据有关要求，结合本市实际，制定本方案。\n"
            "发布人:某某  /  发布时间:2017-11-24 10:12:15\n")
    assert clean_paragraphs(text) == ["某市农民培训实施方案", "文章来源：某市农业局发布时间：2013-10-05",
                                      "根据有关要求，结合本市实际，制定本方案。", "发布人:某某/发布时间:2017-11-24 10:12:15"]


def test_metadata_under_the_title_is_the_preface():
    text = "某市农民培训实施方案\n文章来源：某市农业局 发布时间：2013-10-05\n根据有关要求，结合本市实际，制定本方案。\n一、培训目标\n每年培训7000人。\n"
    doc, tasks = parse_document(text, "p")
    assert doc.name == "某市农民培训实施方案" and "发布时间：2013-10-05" in doc.preface
    assert not any("发布时间" in t.text for t in tasks)
    assert tasks[0].text.startswith("根据有关要求")


PAGE = ("<html><head><title>信息服务</title></head><body><div class='ahead'><p class='title'>某市农民培训实施方案</p>"
        "<p>文章来源：某市农业局&nbsp;&nbsp;发布时间：2013-10-05</p></div><div class='content'>"
        + "".join(f"<p>{n}、第{n}部分，要求各单位认真落实本方案确定的各项工作任务，确保取得实效。</p>" for n in "一二三")
        + "</div></body></html>").encode("utf-8")


def test_page_field_outside_the_article_is_kept_after_the_title():
    lines = [ln.strip() for ln in read_html(PAGE, "p.html").text.split("\n") if ln.strip()]
    assert lines[:2] == ["某市农民培训实施方案", "发布时间：2013-10-05"]


def test_page_without_a_dated_field_gets_none():
    lines = [ln.strip() for ln in read_html(PAGE.replace("发布时间：2013-10-05".encode(), b""), "p.html").text.split("\n") if ln.strip()]
    assert lines[0] == "某市农民培训实施方案" and lines[1].startswith("一、")


@pytest.mark.parametrize("preface,said", [
    ("文章来源：某市农业局发布时间：2013-10-05", "发布时间：2013-10-05"),
    ("成文日期：2019年01月27日", "成文日期：2019年01月27日"),
    ("文章来源：某市农业局", None),  # no date: the plan's text states none
])
def test_publication_question_reads_the_page_field(tmp_path, preface, said):
    from kb.qa import Session
    from kb.store import load_plan

    f = tmp_path / "p.txt"
    f.write_text(f"某市农民培训实施方案\n{preface}\n根据有关要求，制定本方案。\n一、培训目标\n每年培训7000人。\n", "utf-8")
    answer = Session(plan=load_plan(f)).ask("这个方案是什么时候发布的")
    if said:
        assert answer.status == "answered" and said in answer.text
    else:
        assert answer.status == "not_in_plan"
