"""DOCX → clean text (python-docx): paragraphs and tables in body order.

* ``Document.iter_inner_content()`` gives paragraphs and tables in the order of the body;
  a table is written as tab-separated rows (see ``kb.ingest``), a merged cell across the
  table once (a section heading), a vertically merged cell repeated in every row it spans;
* numbering that Word generates (a list paragraph whose ``一、`` or ``（一）`` is not in its
  text) is restored from the numbering definitions: the level's format (``chineseCounting``,
  ``decimal`` …), its text (``%1、``, ``（%1）``), its start and the counters of the levels
  above; a format kb cannot write (bullets, pictures) leaves the paragraph as it is;
* a heading (style ``Heading n`` / ``标题 n``, or an outline level) keeps its own line, like
  every paragraph: one paragraph per line.

Text boxes, headers and footers are not body text and are not read.
"""

from __future__ import annotations

import io

from kb.errors import KbError
from kb.numerals import chinese_number
from kb.ingest.ooxml import check_package, open_failed
from kb.ingest.text import render_table, tidy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(raw: bytes, where: str):
    """Read a DOCX body; KbError for a zip that is not a DOCX or a DOCX without body text."""
    from kb.ingest import Extracted

    document = _open(raw, where)
    numbering = Numbering(document)
    out: list[str] = []
    tables = 0
    try:
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                rows = _table_rows(block)
                if rows:
                    out.append(render_table(rows))
                    tables += 1
                continue
            text = block.text.replace("\t", " ")  # a tab typed in a paragraph is spacing, not a table cell
            marker = numbering.marker(block)
            out.append(marker + text.strip() if marker and not text.strip().startswith(marker) else text.strip())
    except Exception as exc:  # python-docx/lxml on a damaged part
        raise KbError(f"{where}：无法读取 DOCX 正文（{exc.__class__.__name__}）；请用 Word 或 WPS 打开后重新保存") from exc
    text = tidy("\n".join(out))
    if not text.strip():
        raise KbError(f"{where}：DOCX 正文中没有文字（只有图片、文本框或空白）；请把方案正文另存为 DOCX 或纯文本")
    return Extracted(text=text, format="docx", tables=tables)


def _open(raw: bytes, where: str):
    import docx

    check_package(raw, where, "DOCX", "word/document.xml", "请把方案重新另存为 DOCX 或纯文本")
    try:
        return docx.Document(io.BytesIO(raw))
    except Exception as exc:
        raise open_failed(where, "DOCX", exc, "Word 或 WPS") from exc


def _table_rows(table) -> list[list[str]]:
    """Cell texts by row; a cell merged across columns appears once, then empty cells.

    A vertically merged cell comes back in every row it spans (python-docx reads ``vMerge`` so).  A row
    that starts later than the first grid column (``w:gridBefore``: the row holds no cell where a cell
    above covers it, as Word and WPS write tables converted from web pages) is padded to the grid and its
    missing leading cells take the cell above, so its cells stand under their own header words instead of
    being read from the left (a continuation row of 5 cells under a header of 7); missing trailing cells
    (``w:gridAfter``) are empty."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells = row.cells  # a merged cell is the same object in every grid column it covers
        texts, prev = [], None
        for cell in cells:
            same = prev is not None and cell._tc is prev
            texts.append("" if same else _cell_text(cell))
            prev = cell._tc
        before, after = _grid_count(row, "grid_cols_before"), _grid_count(row, "grid_cols_after")
        if before and rows and not _heading_row(rows[-1]):
            lead = [rows[-1][j] if j < len(rows[-1]) else "" for j in range(before)]
        else:
            lead = [""] * before
        rows.append(lead + texts + [""] * after)
    return rows


def _grid_count(row, name: str) -> int:
    try:
        value = getattr(row, name)
    except Exception:  # a damaged w:gridBefore value
        return 0
    return value if isinstance(value, int) and 0 < value < 64 else 0


def _heading_row(texts: list[str]) -> bool:
    return len(texts) > 1 and bool(texts[0]) and not any(texts[1:])


def _cell_text(cell) -> str:
    parts = [p.text for p in cell.paragraphs]
    for inner in cell.tables:  # a table in a cell: its rows as lines
        parts.extend("，".join(c for c in r if c) for r in _table_rows(inner))
    return "\n".join(p for p in parts if p.strip())


# --- generated numbering ----------------------------------------------------------

_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"


def format_number(n: int, fmt: str) -> str | None:
    """``n`` in Word's number format ``fmt``; None for a format kb does not write (bullet, picture)."""
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "chineseLegalSimplified", "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10]
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        c = chr(ord("a") + n - 1)
        return c.upper() if fmt == "upperLetter" else c
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 40:
        r = _roman(n)
        return r if fmt == "upperRoman" else r.lower()
    return None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


class Numbering:
    """Word's list numbering, counted through the body the way Word does."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId → level → {fmt, text, start}
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}  # numId → level → start
        self.counters: dict[str, list[int | None]] = {}  # abstractNumId → counters of levels 0..8
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        for absn in root.iter(f"{W}abstractNum"):
            aid = absn.get(f"{W}abstractNumId")
            levels = {}
            for lvl in absn.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                levels[ilvl] = {
                    "fmt": _val(lvl, "numFmt") or "decimal",
                    "text": _val(lvl, "lvlText") or "",
                    "start": int(_val(lvl, "start") or 1),
                }
            self.levels[aid] = levels
        for num in root.iter(f"{W}num"):
            nid = num.get(f"{W}numId")
            self.num_to_abstract[nid] = _val(num, "abstractNumId") or ""
            for ov in num.iter(f"{W}lvlOverride"):
                start = _val(ov, "startOverride")
                if start is not None:
                    self.overrides.setdefault(nid, {})[int(ov.get(f"{W}ilvl", "0"))] = int(start)
        try:
            for style in document.styles:
                ppr = style.element.find(f"{W}pPr")
                num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
                if num_pr is not None:
                    nid = _val(num_pr, "numId")
                    if nid:
                        self.style_num[style.style_id] = (nid, int(_val(num_pr, "ilvl") or 0))
        except (AttributeError, ValueError):
            pass

    def marker(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` (``一、``, ``（二）``, ``3.``), or ``""``."""
        ppr = paragraph._p.pPr
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        nid, ilvl = None, 0
        if num_pr is not None:
            nid, ilvl = _val(num_pr, "numId"), int(_val(num_pr, "ilvl") or 0)
        elif paragraph.style is not None and paragraph.style.style_id in self.style_num:
            nid, ilvl = self.style_num[paragraph.style.style_id]
        if not nid or nid == "0" or nid not in self.num_to_abstract:
            return ""
        aid = self.num_to_abstract[nid]
        levels = self.levels.get(aid, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid, [None] * 9)
        start = self.overrides.get(nid, {}).get(ilvl, levels[ilvl]["start"])
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None  # a higher level restarts the levels below it
        text = levels[ilvl]["text"]
        out = ""
        i = 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                level = int(text[i + 1]) - 1
                lv = levels.get(level)
                value = counters[level] if level < len(counters) else None
                if lv is None:
                    return ""
                written = format_number(value if value is not None else lv["start"], lv["fmt"])
                if written is None:
                    return ""
                out += written
                i += 2
                continue
            out += text[i]
            i += 1
        if levels[ilvl]["fmt"] in ("bullet", "none") or not out.strip():
            return ""
        return out


def _val(el, tag: str) -> str | None:
    child = el.find(f"{W}{tag}")
    return None if child is None else child.get(f"{W}val")
