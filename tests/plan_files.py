"""Make a plan's paragraphs into the files officials are sent: PDF and DOCX (for the ingest tests).

The PDF is typeset like a printed 公文: A4, 16 pt 宋体 (reportlab's built-in CID font
STSong-Light, so no system font is needed), each paragraph's first line indented two
characters, lines wrapped by width wherever they fall (inside names and tags), a page
footer ``— N —``, optionally a running header, and optionally a page break forced
inside a chosen responsibility tag.
"""

from __future__ import annotations

from pathlib import Path

FONT = "STSong-Light"
SIZE = 16
LEADING = 28
LEFT, RIGHT, TOP, BOTTOM = 80, 80, 90, 90


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(text: str, width: float, first_indent: float) -> list[str]:
    """Cut ``text`` into lines no wider than ``width`` points (the first one ``first_indent`` narrower)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    import re

    # Like Word and WPS: a run of Latin letters and digits (SO2, PM2.5) is never cut.
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9.%]*|.", text)
    lines, cur, avail = [], "", width - first_indent
    for tok in tokens:
        if cur and stringWidth(cur + tok, FONT, SIZE) > avail:
            lines.append(cur)
            cur, avail = "", width
        cur += tok
    if cur:
        lines.append(cur)
    return lines


def make_pdf(paragraphs: list[str], path: Path, *, header: str | None = None, break_inside: str | None = None,
             centred: tuple[int, ...] = (), table: list[list[str]] | None = None, two_columns: bool = False,
             repeat_header: bool = False) -> Path:
    """Write ``paragraphs`` as a typeset PDF; return ``path``.

    ``centred``: indices of the paragraphs set centred (the title).  ``break_inside``: a
    text (a tag) spanning two lines: the page ends after the line where it starts.
    ``table``: rows drawn as a ruled table after the paragraphs (cells wrapped in place).
    ``two_columns``: the body set in two columns (a bulletin page).  ``repeat_header``: a
    table going on to the next page repeats its header row there (Word's 重复标题行).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _font()
    pw, ph = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page = [1]
    columns = [(LEFT, (pw - LEFT - RIGHT - 30) / 2), (pw / 2 + 15, (pw - LEFT - RIGHT - 30) / 2)] if two_columns else [(LEFT, pw - LEFT - RIGHT)]
    col = [0]
    y = [ph - TOP]

    def furniture():
        c.setFont(FONT, 12)
        if header:
            c.drawCentredString(pw / 2, ph - 50, header)
        c.drawCentredString(pw / 2, 45, f"— {page[0]} —")
        c.setFont(FONT, SIZE)

    def new_column():
        if col[0] + 1 < len(columns):
            col[0] += 1
        else:
            furniture()
            c.showPage()
            page[0] += 1
            col[0] = 0
            c.setFont(FONT, SIZE)
        y[0] = ph - TOP

    c.setFont(FONT, SIZE)
    for n, para in enumerate(paragraphs):
        x0, width = columns[col[0]]
        if n in centred:
            for line in wrap(para, width, 0):
                if y[0] < BOTTOM:
                    new_column()
                c.drawCentredString(pw / 2 if not two_columns else x0 + width / 2, y[0], line)
                y[0] -= LEADING
            continue
        x0, width = columns[col[0]]
        lines = wrap(para, width, 2 * SIZE)
        # A page that ends inside the tag: after the line where the tag starts, if it goes on.
        break_after = None
        if break_inside and break_inside in para:
            start, end = para.index(break_inside), para.index(break_inside) + len(break_inside)
            pos = 0
            for i, line in enumerate(lines):
                if pos <= start < pos + len(line) and pos + len(line) < end:
                    break_after = i
                pos += len(line)
        for i, line in enumerate(lines):
            if y[0] < BOTTOM:
                new_column()
                x0, width = columns[col[0]]
            c.drawString(x0 + (2 * SIZE if i == 0 else 0), y[0], line)
            y[0] -= LEADING
            if i == break_after:
                new_column()
    if table:
        y[0] -= LEADING
        widths = _column_widths(table, pw - LEFT - RIGHT)
        c.setFont(FONT, 11)
        pending = list(table)
        while pending:
            row = pending.pop(0)
            spanning = len({cell for cell in row if cell}) == 1 and len(row) > 1 and not any(row[1:])
            cells = [row[0]] if spanning else row
            cell_widths = [sum(widths)] if spanning else widths
            wrapped = [_wrap_cell(cell, w - 6) for cell, w in zip(cells, cell_widths)]
            height = max(len(w) for w in wrapped) * 15 + 8
            if y[0] - height < BOTTOM:
                furniture()
                c.showPage()
                page[0] += 1
                c.setFont(FONT, 11)
                y[0] = ph - TOP
                if repeat_header:
                    pending.insert(0, row)
                    row = table[0]
                    spanning, cells, cell_widths = False, row, widths
                    wrapped = [_wrap_cell(cell, w - 6) for cell, w in zip(cells, cell_widths)]
                    height = max(len(w) for w in wrapped) * 15 + 8
            x = LEFT
            for lines, w in zip(wrapped, cell_widths):
                c.rect(x, y[0] - height, w, height)
                for i, line in enumerate(lines):
                    c.drawString(x + 3, y[0] - 14 - i * 15, line)
                x += w
            y[0] -= height
        assert stringWidth  # imported for _wrap_cell
    furniture()
    c.showPage()
    c.save()
    return path


def _column_widths(table: list[list[str]], total: float) -> list[float]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    n = max(len(r) for r in table)
    longest = [max(stringWidth(r[j], FONT, 11) if j < len(r) else 0 for r in table) for j in range(n)]
    share = [min(max(x, 40), 400) for x in longest]
    scale = total / sum(share)
    return [s * scale for s in share]


def _wrap_cell(text: str, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, cur = [], ""
    for ch in text:
        if cur and stringWidth(cur + ch, FONT, 11) > width:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + [cur] if cur else lines or [""]


def make_docx(paragraphs: list[str], path: Path, *, table: list[list[str]] | None = None,
              table_caption: list[str] | None = None, heading_styles: bool = True) -> Path:
    """Write ``paragraphs`` as a DOCX (parts as 标题 1 / Heading 1), then ``table`` after its caption lines."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    for i, para in enumerate(paragraphs):
        style = "Heading 1" if heading_styles and para[:2] in {f"{n}、" for n in "一二三四五六七八九"} else None
        p = d.add_paragraph(para, style=style)
        if i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if table:
        for line in table_caption or []:
            d.add_paragraph(line)
        width = max(len(r) for r in table)
        t = d.add_table(rows=len(table), cols=width)
        for r, row in enumerate(table):
            spanning = width > 1 and bool(row[0]) and not any(row[1:])
            if spanning:
                merged = t.cell(r, 0).merge(t.cell(r, width - 1))
                merged.text = row[0]
                continue
            for j, value in enumerate(row):
                t.cell(r, j).text = value
    d.save(str(path))
    return path


def make_html(paragraphs: list[str], path: Path, *, issuer: str = "", date: str = "") -> Path:
    """Write ``paragraphs`` as a government CMS page (the first one the title): site navigation, a metadata table
    (索引号, 发布机构, 发文日期), the article as one ``<p>`` a paragraph indented with U+3000 (``&nbsp;`` before the
    parts, as editors leave them), a print/close bar and the site footer."""
    import html

    esc = [html.escape(p) for p in paragraphs]
    body = "\n".join(f'<p style="text-indent:2em;">{"&nbsp;&nbsp;" if p[:2] in {f"{n}、" for n in "一二三四五六七八九"} else "　　"}{p}</p>'
                     for p in esc[1:])
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc[0]}_政府信息公开</title></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
<table class="meta"><tr><td>索引号：</td><td>000000/2019-00001</td><td>发布机构：</td><td>{html.escape(issuer)}</td></tr>
<tr><td>发文日期：</td><td>{html.escape(date)}</td><td>主题分类：</td><td>综合政务</td></tr></table>
<div class="article"><h1 class="title">{esc[0]}</h1>
<div class="TRS_Editor">
{body}
</div></div>
<div class="bar"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="footer">主办单位：{html.escape(issuer)} 网站标识码：0000000000 ICP备00000000号</div>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path
