"""Forms of a real plan's page built for the table tests: its table as a PDF whose merged cells are drawn
as Word prints them (tests/test_tables_found.py)."""

from __future__ import annotations

from pathlib import Path

from plan_files import BOTTOM, FONT, LEADING, LEFT, RIGHT, SIZE, TOP, _font, _wrap_cell, wrap


def pdf_from_page(html_path: Path, out: Path) -> Path:
    """The page as a PDF whose table draws merged cells as Word prints them: one cell over the rows it
    spans (no rule between them), its text in its first row; a merged group is kept on one page."""
    from lxml import html as lxml_html
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page_el = lxml_html.fromstring(html_path.read_bytes())
    paras = [p.text_content() for p in page_el.xpath("//div[@id='ivs_content']/p")]
    grid, spans = [], []  # grid[r][c] = text or None (covered); spans[r][c] = rows it spans (first row only)
    covered: dict[tuple[int, int], bool] = {}
    for r, tr in enumerate(page_el.xpath("//table//tr")):
        row, srow, c = [None] * 4, [1] * 4, 0
        for td in tr.xpath("td"):
            while (r, c) in covered:
                c += 1
            down, across = int(td.get("rowspan", "1")), int(td.get("colspan", "1"))
            row[c], srow[c] = td.text_content(), down
            for i in range(down):
                for j in range(across):
                    if i or j:
                        covered[(r + i, c + j)] = True
            if across > 1:
                srow[c] = -across  # spanning across: a heading row
            c += across
        grid.append(row)
        spans.append(srow)
    _font()
    pw, ph = A4
    cv = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    cv.setFont(FONT, SIZE)
    y = ph - TOP
    for para in paras:
        for i, line in enumerate(wrap(para, pw - LEFT - RIGHT, 2 * SIZE)):
            if y < BOTTOM:
                cv.showPage()
                cv.setFont(FONT, SIZE)
                y = ph - TOP
            cv.drawString(LEFT + (2 * SIZE if i == 0 else 0), y, line)
            y -= LEADING
    cv.showPage()
    widths = [40, 110, 220, 125]
    cv.setFont(FONT, 10)
    y = ph - TOP
    heights = []
    for r, row in enumerate(grid):
        if spans[r][0] < 0:
            heights.append(len(_wrap_cell(row[0], sum(widths) - 6)) * 13 + 6)
        else:
            heights.append(max(len(_wrap_cell(row[c] or "", widths[c] - 6)) for c in range(4)) * 13 + 6)
    r = 0
    while r < len(grid):
        # the group of rows tied together by merged cells starting here
        end = r + 1
        k = r
        while k < end:
            end = max([end] + [k + spans[k][c] for c in range(4) if spans[k][c] > 1 and grid[k][c] is not None])
            k += 1
        group_h = sum(heights[r:end])
        if y - group_h < BOTTOM:
            cv.showPage()
            cv.setFont(FONT, 10)
            y = ph - TOP
        top = y
        for k in range(r, end):
            h = heights[k]
            x = LEFT
            if spans[k][0] < 0:
                cv.rect(x, y - h, sum(widths), h)
                for i, line in enumerate(_wrap_cell(grid[k][0], sum(widths) - 6)):
                    cv.drawString(x + 3, y - 11 - i * 13, line)
            else:
                for c in range(4):
                    w = widths[c]
                    cv.line(x, y, x, y - h)
                    cv.line(x + w, y, x + w, y - h)
                    if grid[k][c] is not None:
                        cv.line(x, y, x + w, y)  # top rule only where a cell starts
                        for i, line in enumerate(_wrap_cell(grid[k][c], w - 6)):
                            cv.drawString(x + 3, y - 11 - i * 13, line)
                    last = k + 1 == len(grid) or grid[k + 1][c] is not None or spans[k + 1][0] < 0
                    if last:
                        cv.line(x, y - h, x + w, y - h)
                    x += w
            y -= h
        r = end
    cv.showPage()
    cv.save()
    return out
