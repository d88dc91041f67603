"""A web page saved from a government site → the article's clean text (lxml).

* encoding: a byte-order mark, else the page's ``<meta charset>`` /
  ``<meta http-equiv="Content-Type" content="…charset=…">``, else UTF-8 if the bytes
  are valid UTF-8, else the best guess of charset-normalizer (GBK pages without meta);
* the article: page furniture is dropped first (``nav``, ``footer``, ``script`` … and
  elements whose id or class names navigation, share buttons, footers, print links: see
  ``kb/data/ingest.yaml``); then the first of the CMS containers named there
  (``#UCAP-CONTENT``, ``.TRS_Editor``, ``#zoom`` …) that holds enough text, else the
  element whose own paragraphs hold the most CJK text outside links;
* structure: ``<p>``, ``<div>``, headings, list items and ``<br>`` end lines; a table is
  written as tab-separated rows; entities are decoded (``&nbsp;`` is a space);
  ``_ueditor_page_break_tag_`` is removed;
* the title: when the article does not open with the plan's title, the page's name for it is put
  before it — ``<meta name="ArticleTitle">``, an ``<h1>``, an element marked as a title
  (``title_marks``: ``<p class="title">`` above ``<div class="content">``), a part of ``<title>`` —
  the first that reads as a document's name (a site name in an ``<h1>`` never does).
"""

from __future__ import annotations

import re

from kb.errors import KbError
from kb.ingest.text import render_table, tidy

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
                         "blockquote", "pre", "center", "dd", "dt", "ul", "ol", "dl", "table", "tbody", "thead", "form"})
_PAGE_BREAK = "_ueditor_page_break_tag_"


def decode_html(raw: bytes, where: str) -> tuple[str, str]:
    """(text, encoding) of a page: BOM, meta tag, valid UTF-8, else detected."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, errors="replace"), enc
    m = _META_CHARSET_RE.search(raw[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        encoding = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(declared, declared)
        try:
            return raw.decode(encoding), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall through to detection
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200000]).best()
    if best is None:
        raise KbError(f"{where}：无法判断网页的编码；请重新另存为 UTF-8")
    encoding = best.encoding
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"
    return raw.decode(encoding, errors="replace"), best.encoding


def read_html(raw: bytes, where: str):
    """Read a saved web page's article; KbError for a page with no article text."""
    import lxml.html
    from lxml import etree

    from kb.ingest import Extracted
    from kb.ingest.vocab import load_vocabulary

    vocab = load_vocabulary()
    text, encoding = decode_html(raw, where)
    text = text.replace(_PAGE_BREAK, "")
    if not text.strip():
        raise KbError(f"{where}：网页是空的；请重新保存网页，或把方案另存为纯文本")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise KbError(f"{where}：无法读取这个网页（{exc.__class__.__name__}）；请重新保存网页，或把方案另存为纯文本") from exc
    heads, title_parts = _page_title(root)
    _drop_furniture(root, vocab)
    article = _find_article(root, vocab)
    if article is None:
        raise KbError(f"{where}：网页中没有找到正文（只有导航或文字太少）；请保存方案正文所在的网页本身，或其纯文本")
    page_title = _first_title([*heads, *_marked_title(root, vocab), *title_parts])
    body = tidy(_text_of(article))
    lines = [ln for ln in body.split("\n") if ln.strip()]
    # The page's date of the article, kept in a field outside it (发布时间：2013-10-05 in the header), goes first:
    # the outline keeps it in the preface, where a question on when the plan was issued finds it.
    dated = _publication_field(root, article, vocab)
    if dated and dated not in body:
        body = dated + "\n" + body
    # Only a document's name (…方案, …意见) is put first, never a site name in an <h1>.
    if page_title and lines and not _opens_with_title(lines, page_title):
        body = page_title + "\n" + body
    tables = len(article.xpath(".//table[not(ancestor::table)]"))
    return Extracted(text=tidy(body), format="html", encoding=encoding, tables=tables)


def _page_title(root) -> tuple[list[str], list[str]]:
    """The page's own names for the document, read before the furniture is dropped: the ``ArticleTitle`` meta
    and the ``<h1>`` elements; then the parts of ``<title>`` (``…方案_政府信息公开_…``)."""
    heads = [m.strip() for m in root.xpath('//meta[@name="ArticleTitle"]/@content')]
    heads += [" ".join(h.text_content().split()) for h in root.xpath("//h1")]
    parts = []
    for t in root.xpath("//title"):  # whole, then cut at the separators of site names (a dash only between spaces)
        whole = t.text_content().strip()
        parts += [whole, *(p.strip() for p in re.split(r"\s*(?:_|\||｜|>>|＞＞)\s*|\s+[-—]+\s+", whole))]
    return heads, parts


def _marked_title(root, vocab) -> list[str]:
    """The text of the element whose id or class marks a title (``title_marks``: ``<p class="title">`` in the
    article's header), read once the furniture (related-article lists …) is dropped; none when the marked
    elements name two different documents (a list of titles, not the page's own)."""
    from kb.parser.cleanup import is_title

    found = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() not in ("html", "head", "body", "title", "meta"):
            words = re.split(r"[\s_\-]+", f"{el.get('id', '')} {el.get('class', '')}".lower())
            if any(w in vocab.title_marks for w in words if w):
                text = " ".join(el.text_content().split())
                if text and is_title(text):
                    found.append(text)
    return found[:1] if len(set(found)) == 1 else []


def publication_field_re(vocab) -> re.Pattern:
    """A publication label of ``publication_labels`` with its date (发布时间：2013-10-05, 成文日期：2019年02月15日)."""
    labels = "|".join(map(re.escape, vocab.publication_labels))
    return re.compile(rf"(?:{labels})[ \u3000\t]*[：:][ \u3000\t]*(?:19|20)\d\d(?:[-/.]\d{{1,2}}[-/.]\d{{1,2}}|年\d{{1,2}}月\d{{1,2}}日)")


def _publication_field(root, article, vocab) -> str | None:
    """The first field outside the article that dates it (``发布时间：2013-10-05``), as a line of its own."""
    bodies = root.xpath("//body")
    outside = bodies[0] if bodies else root
    if article is outside:
        return None
    inner = set(article.iter())
    # the elements holding the article: their whole text would be the article's (an element outside the article
    # holds part of it only if it is one of these — no set of each element's subtree, quadratic on a deep page)
    holders = set(article.iterancestors())
    pattern = publication_field_re(vocab)
    for el in outside.iter():
        if el in inner or not isinstance(el.tag, str) or el.tag.lower() in ("script", "style", "title", "head"):
            continue
        # (el is outside the article, so its parent is too: its tail is outside text)
        for piece in (el.text, el.tail if el.getparent() is not None else None):
            m = pattern.search(" ".join((piece or "").split()))
            if m:
                return m.group(0)
        if el.tag.lower() in ("tr", "p", "div", "span", "td", "li") and el not in holders:
            m = pattern.search(" ".join(el.text_content().split()))
            if m:
                return m.group(0)
    return None


def _first_title(names: list[str]) -> str | None:
    """The first name that reads as a document's (``is_title``: …方案, …意见); a site name never does."""
    from kb.parser.cleanup import is_title

    return next((n for n in names if n and _CJK_RE.search(n) and is_title(n)), None)


def _opens_with_title(lines: list[str], title: str) -> bool:
    head = "".join("".join(lines[:4]).split())
    return "".join(title.split())[:12] in head


def _drop_furniture(root, vocab) -> None:
    for el in list(root.iter()):
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.getparent() is not None:
                el.drop_tree()
            continue
        tag = el.tag.lower()
        if tag in vocab.drop_tags:
            if el.getparent() is not None:
                el.drop_tree()
            continue
        if tag in ("html", "body"):
            continue
        marks = f"{el.get('id', '')} {el.get('class', '')}".lower()
        if marks.strip() and _is_furniture(marks, vocab) and _cjk_count(el) < 400:
            if el.getparent() is not None:
                el.drop_tree()


def _is_furniture(marks: str, vocab) -> bool:
    words = re.split(r"[\s_\-]+", marks)
    return any(w in vocab.drop_words or any(w.startswith(d) and len(d) >= 4 for d in vocab.drop_words) for w in words if w)


def _cjk_count(el) -> int:
    return len(_CJK_RE.findall(el.text_content()))


def _link_cjk(el) -> int:
    return sum(len(_CJK_RE.findall(a.text_content())) for a in el.iter("a"))


def _find_article(root, vocab):
    """The article element: a known CMS container with enough text, else the densest text block."""
    for sel in vocab.article_selectors:
        if sel.startswith("#"):
            found = root.xpath("//*[@id=$v]", v=sel[1:])
        elif sel.startswith("."):
            found = root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), $v)]", v=f" {sel[1:]} ")
        else:
            found = root.xpath(f"//{sel}")
        for el in found:
            if _cjk_count(el) - _link_cjk(el) >= vocab.min_article_chars:
                return el
    best, best_score = None, 0
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.lower() not in ("div", "td", "section", "article", "body", "main"):
            continue
        own = 0
        for child in el:
            if isinstance(child.tag, str) and child.tag.lower() in ("p", "br", "span", "font", "table", "h1", "h2", "h3", "h4"):
                own += _cjk_count(child) - _link_cjk(child)
        own += len(_CJK_RE.findall(el.text or ""))
        if own > best_score:
            best, best_score = el, own
    if best is None or best_score < vocab.min_article_chars:
        return None
    return best


_SPACE_RUN_RE = re.compile(r"[ \t\r\n\f]+")


def _collapse(text: str) -> str:
    """HTML whitespace: any run of spaces, tabs and line breaks in the source is one space."""
    return _SPACE_RUN_RE.sub(" ", text)


#: More rows or columns than this in one span attribute is a damaged page (rowspan="9999"), read as 1.
_MAX_SPAN = 1000


def _span(td, name: str) -> int:
    value = (td.get(name) or "1").strip()
    return int(value) if value.isdigit() and 1 <= int(value) <= _MAX_SPAN else 1


def _table_grid(table) -> list[list[str]]:
    """The table's rows as cells in their grid columns (the HTML table model: a cell stands in the
    first column no cell from a row above still covers).

    ``rowspan`` is expanded: a cell merged over N rows is repeated in each of them, as python-docx
    gives a vertically merged Word cell and openpyxl's merged ranges are filled, so a continuation row
    (``<tr><td>2</td><td>任务</td></tr>`` under ``<td rowspan="4">事项</td>`` … ``<td rowspan="4">单位</td>``)
    keeps its cells under their own header words instead of being read from the left.  ``colspan``
    writes the value once and leaves the other columns empty (a row spanning the table is a heading).
    Written here because no reader in the dependencies keeps the cells' own text with the grid
    (lxml gives the elements; pandas.read_html would expand spans but is a large dependency for this)."""
    rows: list[list[str]] = []
    covered: dict[int, tuple[int, str]] = {}  # column → (rows still covered, the value)
    for tr in table.iter("tr"):
        if next(tr.iterancestors("table"), None) is not table:
            continue  # a row of a table inside a cell: read with that cell
        cells: list[str] = []

        def fill_covered() -> None:
            while len(cells) in covered:
                left, value = covered[len(cells)]
                cells.append(value)
                if left <= 1:
                    del covered[len(cells) - 1]
                else:
                    covered[len(cells) - 1] = (left - 1, value)

        for td in tr:
            if not (isinstance(td.tag, str) and td.tag.lower() in ("td", "th")):
                continue
            fill_covered()
            value = _text_of(td).strip()
            down = _span(td, "rowspan")
            for k in range(_span(td, "colspan")):
                if down > 1:
                    covered[len(cells)] = (down - 1, value if k == 0 else "")
                cells.append(value if k == 0 else "")
        fill_covered()
        while covered and max(covered) > len(cells):  # a later column still covered after a short row
            cells.append("")
            fill_covered()
        rows.append(cells)
    return rows


def _text_of(el) -> str:
    """The element's text with line breaks where blocks and ``<br>`` end, tables as rows."""
    out: list[str] = []

    def walk(node) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag == "table":
            out.append(render_table(_table_grid(node)))
        else:
            if tag == "br":
                out.append("\n")
            elif tag in _BLOCK_TAGS:
                out.append("\n")
            if node.text and tag not in ("script", "style"):
                out.append(node.text if tag == "pre" else _collapse(node.text))
            for child in node:
                walk(child)
            if tag in _BLOCK_TAGS:
                out.append("\n")
        if node is not el and node.tail:
            out.append(_collapse(node.tail))

    walk(el)
    text = "".join(out).replace("\u00a0", " ").replace("\r", "")
    return "\n".join(ln.strip(" ") for ln in text.split("\n"))
