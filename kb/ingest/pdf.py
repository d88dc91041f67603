"""PDF with a text layer → clean text, from the position of every character.

Characters and their boxes come from PDFium (pypdfium2, which pdfplumber itself builds on:
several times faster than pdfminer, which keeps a page well under the 50 ms budget);
tables from pdfplumber's ``find_tables()``, asked only on pages that draw ruled lines.

What a published PDF leaves in naive extraction, and how positions undo it:

* page numbers and running headers/footers (``— 2 —``, ``· 23 ·``, ``第 2 页``): a line in
  the top or bottom band of a page that is a page number (``kb/data/ingest.yaml``), or
  whose text (digits aside) stands in that band on several pages, is dropped;
* a hard line break every ~35 characters, also inside names and tags
  (``市人力资源`` / ``和社会保障局``): a line continues the paragraph above unless it is
  indented (Chinese paragraphs open with a two-character indent), the line above stopped
  short of the right margin, or a wider gap lies between them, or (a DOCX printed with no
  first-line indent) the line above ended a sentence at the margin and this one opens an
  item's marker (``（四）``, ``1.``, ``五、``); CJK joins with no space;
  a paragraph open at the foot of a page goes on at the top of the next;
* two-column pages (bulletins): when a vertical gutter splits most lines of the page,
  each column is read top to bottom, the left one first;
* tables: read with ``find_tables()``/``extract()`` as cells (their text is not mixed
  into the lines), written as tab-separated rows on the page where they stand; the
  parser's table rule joins a table going on at the top of the next page (same
  columns) and drops its repeated header row.

Fake bold (the same character drawn twice, slightly shifted) is read once.  Brackets and
punctuation are kept as written.  A file with no character on any page is a scan: kb
does no OCR and says so.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field

from kb.errors import KbError
from kb.ingest.text import SENTENCE_END, join_wrapped, render_table, tidy

#: Share of the page height at the top and at the bottom where headers and footers stand.
MARGIN_BAND = 0.12


@dataclass(slots=True)
class Line:
    """Characters of one text line, left to right."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class TableItem:
    """A table found on a page."""

    rows: list[list[str]]
    top: float
    bottom: float
    columns: int


@dataclass(slots=True)
class Paragraph:
    """A paragraph being assembled from lines."""

    text: str
    last: Line
    right: float
    """Right edge of the text block it belongs to (where a full line ends)."""


@dataclass(slots=True)
class PageText:
    """What one page holds, in reading order: paragraphs (str) and tables."""

    items: list = field(default_factory=list)


def read_pdf(raw: bytes, where: str, progress=None):
    """Read a PDF's text layer; KbError for bytes that are no PDF, a locked PDF or a scan."""
    from kb.ingest import Extracted
    from kb.ingest.vocab import load_vocabulary

    if b"%PDF-" not in raw[:1024]:
        raise KbError(f"{where}：不是 PDF 文件（不以 %PDF- 开头）；请重新保存或下载方案")
    vocab = load_vocabulary()
    doc = _open(raw, where)
    plumber = None  # pdfplumber opens the file only when a page has ruled lines (a table)
    try:
        total = len(doc)
        if total == 0:
            raise KbError(f"{where}：PDF 没有页面；请重新保存或下载方案")
        raw_pages: list[tuple[list[Line], list[TableItem], float, float, bool]] = []
        for i in range(total):
            try:
                chars, width, height, paths, images = _page_chars(doc, i)
                if chars is None:  # characters PDFium could not read (see _unread)
                    plumber = plumber or _open_plumber(raw)
                    chars = _plumber_chars(plumber.pages[i])
                tables: list[TableItem] = []
                if chars and paths >= 4:
                    plumber = plumber or _open_plumber(raw)
                    chars, tables = _tables(plumber.pages[i], chars)
                    plumber.pages[i].close()
                raw_pages.append((_lines(chars), tables, width, height, images))
            except KbError:
                raise
            except Exception as exc:  # the PDF libraries fail in many ways on damaged files
                raise KbError(f"{where}：第 {i + 1} 页无法读取（{exc.__class__.__name__}）；PDF 已损坏：请重新保存或下载") from exc
            if progress:
                progress(i + 1, total)
    finally:
        doc.close()
        if plumber is not None:
            plumber.close()
    if not any(lines or tables for lines, tables, _, _, _ in raw_pages):
        if any(has_images for *_, has_images in raw_pages):
            raise KbError(f"{where}：PDF 没有文字层（是扫描图像）；kb 不做文字识别：请取得方案的纯文本、DOCX 或带文字的 PDF")
        raise KbError(f"{where}：PDF 中没有文字；请取得方案的纯文本、DOCX 或带文字的 PDF")
    repeated = _repeated_margin_lines(raw_pages)
    texts = []
    for lines, tables, width, height, _ in raw_pages:
        kept = [ln for ln in lines if not _is_furniture(ln, height, vocab, repeated)]
        texts.append((kept, tables, width))
    text, table_count = _assemble(texts)
    return Extracted(text=text, format="pdf", pages=total, tables=table_count)


def _open(raw: bytes, where: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(raw)
    except Exception as exc:
        if "password" in str(exc).lower():
            raise KbError(f"{where}：PDF 有密码保护，kb 无法打开：请在方案文件夹中放入无保护的副本（或方案的纯文本、DOCX）") from exc
        raise KbError(f"{where}：无法读取这个 PDF（{_reason(exc)}）；请重新保存或下载方案") from exc


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return text[:80]


def _open_plumber(raw: bytes):
    import pdfplumber

    return pdfplumber.open(io.BytesIO(raw))


#: Code points PDFium reports for characters it generated (line ends, spaces) or could not map.
_NOT_TEXT = frozenset({0, 2, 9, 10, 13, 32, 0xA0, 0x3000, 0xFFFE, 0xFFFF})


def _page_chars(doc, index: int) -> tuple[list[dict] | None, float, float, int, bool]:
    """Characters of a page with their boxes (top from the page's top, like pdfplumber), its size,
    its number of path objects (ruled lines) and whether it shows an image.

    PDFium reads a page several times faster than pdfminer; pdfplumber is kept for tables, and for a page
    holding text PDFium cannot read (``None`` instead of the characters: see ``_unread``).
    """
    import pypdfium2.raw as pdfium_c

    page = doc[index]
    try:
        width, height = float(page.get_width()), float(page.get_height())
        paths = images = 0
        text_objects = []
        for j in range(pdfium_c.FPDFPage_CountObjects(page)):
            obj = pdfium_c.FPDFPage_GetObject(page, j)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            paths += kind == pdfium_c.FPDF_PAGEOBJ_PATH
            images += kind == pdfium_c.FPDF_PAGEOBJ_IMAGE
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                text_objects.append(obj)
        textpage = page.get_textpage()
        try:
            if any(_unread(obj, textpage) for obj in text_objects):
                return None, width, height, paths, images > 0
            chars = []
            for k in range(textpage.count_chars()):
                code = pdfium_c.FPDFText_GetUnicode(textpage, k)
                if code in _NOT_TEXT or 0xD800 <= code <= 0xDFFF:
                    continue
                left, bottom, right, top = textpage.get_charbox(k, loose=True)
                if right <= left:
                    continue
                size = top - bottom
                chars.append({"text": chr(code), "x0": left, "x1": right, "top": height - top,
                              "bottom": height - bottom, "size": size})
        finally:
            textpage.close()
        return chars, width, height, paths, images > 0
    finally:
        page.close()


def _unread(obj, textpage) -> bool:
    """A text object PDFium places with no width and no text: its font is not embedded and this machine has
    no font to stand in for it (a 宋体 PDF read where no CJK font is installed), so PDFium drops its characters
    — a closing ``）`` alone on a wrapped line vanished.  The page is then read by pdfminer, which maps
    characters from the PDF's own CMaps and needs no font."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return False
    if right.value > left.value:
        return False
    return pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, None, 0) <= 2  # the length counts the final NUL


def _plumber_chars(page) -> list[dict]:
    """A page's characters as pdfminer reads them, in the shape of ``_page_chars``'s."""
    return [{"text": c["text"], "x0": c["x0"], "x1": c["x1"], "top": c["top"], "bottom": c["bottom"],
             "size": c["size"]} for c in page.chars if c["text"].strip() and c["x1"] > c["x0"]]


def _tables(page, chars: list[dict]) -> tuple[list[dict], list[TableItem]]:
    """Tables of a page (pdfplumber), and the characters that stand outside them."""
    tables = []
    for t in page.find_tables():
        rows = t.extract()
        x0, top, x1, bottom = t.bbox
        inside = {id(c) for c in chars if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1 and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1}
        if not rows or not inside:
            continue
        chars = [c for c in chars if id(c) not in inside]
        tables.append(TableItem(_fill_merged(rows), top, bottom, max(len(r) for r in rows)))
    return chars, tables


def _fill_merged(rows: list[list[str | None]]) -> list[list[str]]:
    """Cells of merged spans come back as None: a row of one cell is a heading, else take the cell above."""
    out: list[list[str]] = []
    for r in rows:
        filled = [c for c in r if c is not None]
        if len(filled) == 1 and len(r) > 1:
            out.append([filled[0]] + [""] * (len(r) - 1))
            continue
        row = []
        for j, c in enumerate(r):
            if c is None:
                c = out[-1][j] if out and j < len(out[-1]) and not _is_heading_row(out[-1]) else ""
            row.append(c)
        out.append(row)
    return out


def _is_heading_row(row: list[str]) -> bool:
    return len(row) > 1 and bool(row[0]) and not any(row[1:])


def _lines(chars: list[dict]) -> list[Line]:
    """Group characters into lines (same baseline band), each read left to right."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"]))
    groups: list[list[dict]] = []
    for c in chars:
        if groups:
            g = groups[-1]
            ref = g[0]
            if abs(c["top"] - ref["top"]) <= max(ref["size"], c["size"]) * 0.5:
                g.append(c)
                continue
        groups.append([c])
    out = []
    for g in groups:
        g.sort(key=lambda c: c["x0"])
        out.extend(_split_at_gutters(g))
    return out


def _split_at_gutters(chars: list[dict]) -> list[Line]:
    """One line's characters as Lines; a gap wider than 1.5 characters splits it (a column gutter:
    justified CJK text never spreads its characters that far)."""
    lines: list[Line] = []
    run: list[dict] = []
    for c in chars:
        if run:
            prev = run[-1]
            size = max(prev["size"], c["size"], 1.0)
            gap = c["x0"] - prev["x1"]
            if c["text"] == prev["text"] and abs(c["x0"] - prev["x0"]) < size * 0.3:
                continue  # fake bold: the same glyph drawn again a hair to the right
            if gap > size * 1.5:
                lines.append(_line(run))
                run = []
        run.append(c)
    if run:
        lines.append(_line(run))
    return lines


def _line(chars: list[dict]) -> Line:
    parts = []
    prev = None
    for c in chars:
        if prev is not None:
            gap = c["x0"] - prev["x1"]
            size = max(prev["size"], 1.0)
            if gap > size * 0.25 and prev["text"][-1:].isascii() and c["text"][:1].isascii():
                parts.append(" ")
        parts.append(c["text"])
        prev = c
    # A CJK character is one em wide: the steadiest measure of the font size (box heights vary by glyph).
    sizes = [c["x1"] - c["x0"] for c in chars if "\u3400" <= c["text"] <= "\u9fff"] or [c["size"] for c in chars]
    return Line(
        "".join(parts).strip(), chars[0]["x0"], max(c["x1"] for c in chars),
        min(c["top"] for c in chars), max(c["bottom"] for c in chars), statistics.median(sizes),
    )


# --- headers and footers ---------------------------------------------------------


def _in_band(line: Line, height: float) -> bool:
    return line.bottom <= height * MARGIN_BAND or line.top >= height * (1 - MARGIN_BAND)


def _shape(text: str) -> str:
    return "".join("#" if ch.isdigit() else ch for ch in text.replace(" ", ""))


def _repeated_margin_lines(pages) -> set[str]:
    """Texts (digits as #) standing in the top or bottom band of several pages: running headers/footers."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for lines, _, _, height, _ in pages:
        for shape in {_shape(ln.text) for ln in lines if _in_band(ln, height)}:
            counts[shape] = counts.get(shape, 0) + 1
    need = max(3, len(pages) // 2)
    return {s for s, n in counts.items() if n >= need}


def _is_furniture(line: Line, height: float, vocab, repeated: set[str]) -> bool:
    if not _in_band(line, height):
        return False
    text = line.text.strip()
    return any(p.fullmatch(text) for p in vocab.page_number) or _shape(text) in repeated


# --- reading order and paragraphs --------------------------------------------------


def _columns(lines: list[Line], width: float) -> list[list[Line]]:
    """Lines grouped into columns: two when a gutter near the middle splits most lines."""
    if len(lines) < 6:
        return [lines]
    middle_lo, middle_hi = width * 0.3, width * 0.7
    left = [ln for ln in lines if ln.x1 <= middle_hi and ln.x1 < width / 2 + width * 0.15 and ln.x0 < middle_lo]
    right = [ln for ln in lines if ln.x0 >= middle_lo and ln.x0 > width * 0.35]
    if len(left) < len(lines) * 0.3 or len(right) < len(lines) * 0.3:
        return [lines]
    gutter_lo = max(ln.x1 for ln in left)
    gutter_hi = min(ln.x0 for ln in right)
    if gutter_hi - gutter_lo < 4:
        return [lines]
    split = (gutter_lo + gutter_hi) / 2
    spanning = [ln for ln in lines if ln.x0 < split < ln.x1]
    lcol = [ln for ln in lines if ln.x1 <= split]
    rcol = [ln for ln in lines if ln.x0 >= split]
    first_column_top = min(ln.top for ln in lcol + rcol)
    above = [ln for ln in spanning if ln.top < first_column_top]
    below = [ln for ln in spanning if ln.top >= first_column_top]
    return [c for c in (above, lcol, rcol, below) if c]


def _assemble(pages) -> tuple[str, int]:
    """Text of the whole document: paragraphs and tables in reading order, ``\\f`` between pages."""
    out: list = []  # paragraphs (Paragraph), tables (list of rows) and page breaks ("\f")
    open_para: Paragraph | None = None
    last_table: TableItem | None = None
    table_count = 0
    for page_no, (lines, tables, width) in enumerate(pages):
        if page_no:
            out.append("\f")  # the end of the page before
        columns = _columns(lines, width)
        for k, col in enumerate(columns):
            # Reading order: each column top to bottom; tables stand where their top is (first column).
            items: list = sorted(col, key=lambda ln: (ln.top, ln.x0))
            if k == 0:
                for t in tables:
                    pos = next((n for n, it in enumerate(items) if it.top > t.top), len(items))
                    items.insert(pos, t)
            block_left, block_right = _margins([it for it in items if isinstance(it, Line)])
            first = True
            for it in items:
                if isinstance(it, TableItem):
                    # A table that goes on from the previous page stays on its own page in the text
                    # (so each row can be cited with its page); the parser's table rule joins the parts.
                    if not (first and k == 0 and last_table is not None and last_table.columns == it.columns):
                        table_count += 1
                    last_table = it
                    out.append(it)
                    open_para = None
                    first = False
                    continue
                if open_para is not None and _continues(open_para, it, block_left, block_right, new_block=first):
                    open_para.text = join_wrapped(open_para.text, it.text)
                    open_para.last = it
                    open_para.right = block_right
                    if first and k == 0 and page_no:
                        # The page break goes after the paragraph it cuts: a task is cited by where it starts.
                        brk = len(out) - 1 - out[::-1].index("\f")
                        out.append(out.pop(brk))
                else:
                    open_para = Paragraph(it.text, it, block_right)
                    out.append(open_para)
                last_table = None
                first = False
    parts: list[str] = []
    for item in out:
        if item == "\f":
            parts.append("\f\n")
        elif isinstance(item, TableItem):
            parts.append(render_table(item.rows, keep_columns=True))
        else:
            parts.append(item.text + "\n")
    # Every page ends with \f, the last one too (like pdftotext): a one-page PDF is still paged.
    return tidy("".join(parts)) + "\f\n", table_count


def _margins(lines: list[Line]) -> tuple[float, float]:
    """Left and right edges of the page's text block (most lines start and end there)."""
    if not lines:
        return 0.0, 0.0
    lefts = sorted(ln.x0 for ln in lines)
    rights = sorted(ln.x1 for ln in lines)
    return lefts[len(lefts) // 10], rights[-1 - len(rights) // 10]


_FIRST_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%/\-]*")


def _first_word_width(text: str, size: float) -> float:
    """About how wide the first word of a line is: a Latin word (SO2, 18.98%) is never cut at a
    line end, so a left-aligned line stops short of the margin by up to that much."""
    m = _FIRST_WORD_RE.match(text)
    return len(m.group(0)) * size * 0.6 if m else size


def _continues(para: Paragraph, line: Line, left: float, right: float, new_block: bool = False) -> bool:
    """True if ``line`` goes on with the paragraph above it (a wrapped line).

    ``new_block``: ``line`` opens a page or a column, so only the indent can tell.
    """
    last = para.last
    size = max(last.size, line.size, 1.0)
    if para.right - last.x1 > _first_word_width(line.text, size) + size * 0.5:
        return False  # the line above stopped short although the next word would have fit: it ended there
    if line.x0 > left + size * 1.2 or (not new_block and line.x0 > last.x0 + size * 1.2):
        return False  # indented: a new paragraph (or a centred line)
    if not new_block and not -size * 0.5 <= line.top - last.bottom <= size * 1.2:
        return False  # a blank line between (or the line is not below)
    if abs(line.size - last.size) > 0.2 * size:
        return False  # another font size: a heading or a note
    if last.text[-1:] in SENTENCE_END and _opens_item(line.text):
        return False  # a sentence ended at the margin and the next line opens （四）/ 1. / 五、: a new item (no indent)
    return not (last.text[-1:] in SENTENCE_END and line.x0 > left + size * 0.5)


def _opens_item(text: str) -> bool:
    """True for a line opening with an item's marker (一、 （一） 1. （1） ①): the parser's own heading rules."""
    from kb.parser.cleanup import SUB_ITEM_RE, is_heading

    return is_heading(text.lstrip()) or bool(SUB_ITEM_RE.match(text.lstrip()))
