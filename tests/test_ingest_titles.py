"""Where a saved web page keeps the document's title (kb/ingest/html.py `_page_title`, `_marked_title`): the page's
name for the plan is put before the article when the article does not open with it — the first that reads as a
document's name of: ``<meta name="ArticleTitle">``, ``<h1>``, an element marked as a title (``title_marks`` in
kb/data/ingest.yaml), a part of ``<title>``.  Found on 广州市农业局's page (fixture 87): ``<p class="title">`` in the
article's header above ``<div class="content">`` — the title was lost and the plan named after its file."""

import pytest

from kb.ingest.html import read_html

FIRST = "一、第一部分的内容，要求各单位认真落实本方案确定的各项工作任务，确保取得实效。"
BODY = "".join(f"<p>　　{n}、第{n}部分的内容，要求各单位认真落实本方案确定的各项工作任务，确保取得实效。</p>" for n in "一二三")


def _page(head: str = "", header: str = "", title: str = "信息公开") -> bytes:
    return (f"<html><head><title>{title}</title>{head}</head><body>{header}"
            f"<div class='content'>{BODY}</div></body></html>").encode("utf-8")


CASES = [
    # (page, first line of the text, why)
    (_page(header="<div class='ahead'><p class='title'>某市新型农民培训实施方案</p><p>发布时间：2013-10-05</p></div>"),
     "某市新型农民培训实施方案", "a <p class='title'> above the article (fixture 87)"),
    (_page(header="<h1>某某市人民政府</h1><div id='bt'>某市停车资源共享利用实施意见</div>"),
     "某市停车资源共享利用实施意见", "an <h1> holding the site's name is passed over for the marked title"),
    (_page(header="<td class='art_tit'>关于加快推进某项工作的通知</td>"),
     "关于加快推进某项工作的通知", "a class word (art_tit: tit) marks it"),
    (_page(title="某区垃圾分类工作方案_政策文件_某区人民政府"),
     "某区垃圾分类工作方案", "a part of <title> cut at its separators"),
    (_page(title="某市数字政府建设行动计划（2019—2021年）"),
     "某市数字政府建设行动计划（2019—2021年）", "a dash inside the name (no spaces around it) is no separator"),
    (_page(head="<meta name='ArticleTitle' content='某省危险废物排查整治方案'>", header="<p class='title'>另一个实施方案</p>"),
     "某省危险废物排查整治方案", "the ArticleTitle meta comes first"),
    # controls: nothing reads as the page's own document name
    (_page(title="信息服务 >> 政策法规 >> 惠农政策"), FIRST, "a <title> of section names only"),
    (_page(header="<ul class='list'><li class='title'>某市甲实施方案</li><li class='title'>某市乙实施意见</li></ul>"),
     FIRST, "marked elements naming two documents are a list of titles, not the page's own"),
    (_page(header="<p class='title'>政策法规</p>"), FIRST, "a marked element that is no document's name"),
]


@pytest.mark.parametrize("raw,first,why", CASES, ids=[c[2][:30] for c in CASES])
def test_page_title(raw, first, why):
    lines = [ln.strip() for ln in read_html(raw, "page.html").text.split("\n") if ln.strip()]
    assert lines[0] == first, why


def test_title_the_article_opens_with_is_not_repeated():
    raw = _page(header="<p class='title'>某市新型农民培训实施方案</p>").replace(
        b"<div class='content'>", "<div class='content'><p>某市新型农民培训实施方案</p>".encode())
    lines = [ln.strip() for ln in read_html(raw, "page.html").text.split("\n") if ln.strip()]
    assert lines[:2] == ["某市新型农民培训实施方案", FIRST]
