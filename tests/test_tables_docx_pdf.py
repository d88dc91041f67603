"""A task table in a DOCX (python-docx) and in a ruled PDF (pdfplumber's cells) is read into the same rows as text:
a 牵头单位 cell merged over several rows gives each of them its lead; a header row repeated on each page is no row;
a cell whose text the page breaks mid-name (``市人力资源`` / ``和社会保障局``: a narrow PDF column, two paragraphs or a
line break in a Word cell) is one name; a cell listing its units one a line (``市民政局`` / ``各区人民政府``) is a list
(``kb.parser.tables.join_cell_lines``; before, its names were glued into one: ``市民政局各区人民政府``).

The PDF is drawn with reportlab (a pinned test dependency, as for the other ingest tests): Word's way of printing a
merged cell (one cell over the rows it spans, its text in the first, no rule between them), the header repeated on
every page (Word's 重复标题行)."""

from __future__ import annotations

import pytest

from kb.ingest import read_document
from kb.parser import parse_document
from kb.parser.tables import join_cell_lines

#: (lines of one cell, its text, why)
CELL_LINES = [
    (["市人力资源", "和社会保障局"], "市人力资源和社会保障局", "a name cut mid-name: one name"),
    (["县水务局", "县住建局", "县护城河指挥部"], "县水务局、县住建局、县护城河指挥部", "units one a line: a list"),
    (["城管局", "水务局"], "城管局、水务局", "short names without a level prefix"),
    (["市发展改革委、", "市财政局"], "市发展改革委、市财政局", "a line ending in 、 goes on"),
    (["各区人民政府", "办公室"], "各区人民政府办公室", "办公室 goes on the name above"),
    (["市卫生健康", "委员会"], "市卫生健康委员会", "委员会 goes on"),
    (["市住房和城乡建", "设局"], "市住房和城乡建设局", "a wrapped line of two characters goes on"),
    (["开展就业服务", "攻坚行动"], "开展就业服务攻坚行动", "a task's words wrapped"),
    (["2025年6月", "底前"], "2025年6月底前", "a date wrapped"),
    (["Smart", "City"], "Smart City", "Latin words keep their space"),
]


@pytest.mark.parametrize(("lines", "text", "why"), CELL_LINES, ids=[c[2] for c in CELL_LINES])
def test_cell_lines(lines, text, why):
    assert join_cell_lines(lines) == text, why


HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
HRSS = "市人力资源和社会保障局"


def _rows() -> list[list[str]]:
    """30 rows: 1–3 under one 牵头单位 cell (merged), row 3's 配合单位 two units one a line, the rest their own."""
    leads = ["市发展改革委", "市教育局", "市民政局", "市财政局", "市住房城乡建设局"]
    rows = [["1", "开展高校毕业生就业服务攻坚行动", HRSS, "市教育局", "2025年6月底前"],
            ["2", "实施重点群体创业推进行动", HRSS, "市财政局", "2025年9月底前"],
            ["3", "推进零工市场规范化建设", HRSS, "市民政局\n各区人民政府", "2025年12月底前"]]
    for n in range(4, 31):
        rows.append([str(n), f"推进第{n}项就业重点工作，完善服务机制", leads[n % 5], "各区人民政府", f"2025年{n % 12 + 1}月底前"])
    return rows


def _expected():
    out = []
    for number, task, lead, support, when in _rows():
        out.append((number, task, [lead], support.split("\n"), [when]))
    return out


def _read(text: str):
    _, tasks = parse_document(text, "t")
    return [(t.source.split("第")[1].split("行")[0] if t.source else None, t.body, t.lead, t.support, [d.text for d in t.deadlines])
            for t in tasks if t.kind == "task"]


def _docx(path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("某市2025年就业创业工作重点任务分工方案")
    rows = _rows()
    t = d.add_table(rows=1 + len(rows), cols=len(HEADER))
    for j, h in enumerate(HEADER):
        t.cell(0, j).text = h
    header_props = t.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)  # Word repeats it on every page it prints; the file holds it once
    for r, row in enumerate(rows, 1):
        for j, value in enumerate(row):
            if j == 2 and r in (2, 3):
                continue  # covered by the merged cell
            cell = t.cell(r, j)
            lines = value.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)  # units one a paragraph in the cell
    merged = t.cell(1, 2).merge(t.cell(3, 2))
    for p in list(merged.paragraphs):
        p._p.getparent().remove(p._p)
    merged.add_paragraph("市人力资源")  # the name broken over two paragraphs of the cell
    merged.add_paragraph("和社会保障局")
    # row 4's 配合单位: the name broken by a line break inside one paragraph
    cell = t.cell(4, 3)
    cell.text = ""
    run = cell.paragraphs[0].add_run("各区人民")
    run.add_break()
    cell.paragraphs[0].add_run("政府")
    d.save(str(path))
    return path


def test_docx_merged_lead_broken_names_and_unit_lines(tmp_path):
    text = read_document(_docx(tmp_path / "t.docx"), use_cache=False).text
    got = _read(text)
    expected = [(str(int(n) + 1), task, lead, support, when) for n, task, lead, support, when in _expected()]
    assert got == expected


def _pdf(path):
    """The table as Word prints it: ruled, the 牵头单位 cell over rows 1–3 drawn once (no rule between them), a narrow
    unit column (HRSS wraps mid-name), a cell's units one a line, the header repeated at the top of every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from plan_files import FONT, _font, _wrap_cell

    _font()
    widths = [36, 190, 80, 100, 80]
    size, lead_h = 11, 15
    pw, ph = A4
    cv = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    cv.setFont(FONT, 16)
    cv.drawString(80, ph - 90, "某市2025年就业创业工作重点任务分工方案")
    cv.setFont(FONT, size)
    top, bottom, left = ph - 130, 90, 60

    def cell_lines(value, w):
        return [part for line in value.split("\n") for part in _wrap_cell(line, w - 6)]

    def draw_row(y, row, height, skip=(), rule_below=True):
        x = left
        for j, (value, w) in enumerate(zip(row, widths)):
            cv.line(x, y, x, y - height)
            cv.line(x + w, y, x + w, y - height)
            if j not in skip:
                cv.line(x, y, x + w, y)
                for i, line in enumerate(cell_lines(value, w)):
                    cv.drawString(x + 3, y - 12 - i * lead_h, line)
            if rule_below or j != 2:
                cv.line(x, y - height, x + w, y - height)
            x += w

    def height_of(row):
        return max(len(cell_lines(v, w)) for v, w in zip(row, widths)) * lead_h + 6

    y = top
    draw_row(y, HEADER, height_of(HEADER))
    y -= height_of(HEADER)
    rows = _rows()
    for k, row in enumerate(rows):
        h = height_of(row)
        if y - h < bottom:
            cv.showPage()
            cv.setFont(FONT, size)
            y = ph - 90
            draw_row(y, HEADER, height_of(HEADER))  # the header repeated on the new page
            y -= height_of(HEADER)
        shown = list(row)
        if k in (1, 2):
            shown[2] = ""  # covered by the merged cell drawn in row 1
        draw_row(y, shown, h, skip=(2,) if k in (1, 2) else (), rule_below=k not in (0, 1))
        y -= h
    cv.showPage()
    cv.save()
    return path


def test_pdf_merged_lead_repeated_header_and_wrapped_names(tmp_path):
    extracted = read_document(_pdf(tmp_path / "t.pdf"), use_cache=False)
    assert extracted.pages >= 2
    got = _read(extracted.text)
    assert [(task, lead, support, when) for _, task, lead, support, when in got] == \
        [(task, lead, support, when) for _, task, lead, support, when in _expected()]
