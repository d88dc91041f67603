"""Benchmark of reading plans as published (issue #10): PDF pages and DOCX table rows.

Makes, in a temporary folder, the bundled plan as a typeset PDF (tests/plan_files.py) and
a DOCX holding a 400-row 任务分工表, then prints:

* extraction time per PDF page (best of 3, no cache; target ≤ 50 ms a page), as a ratio
  to PDFium's own plain-text extraction of the same file measured in the same run (the
  floor of any PDF reading: characters without positions, footers or tables);
* extraction plus parse time per DOCX table row, as a ratio to parsing the same rows
  given as tab-separated text (the table rule alone);
* the second read of the PDF, from the JSON extraction cache, as a share of the first.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

ROWS = 400


def best(fn, runs: int = 3, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kb-bench-ingest-"))
    os.environ["KB_CACHE_DIR"] = str(tmp / "cache")
    from plan_files import make_docx, make_pdf

    from kb.ingest import read_document
    from kb.parser import parse_document
    from kb.parser.cleanup import clean_paragraphs

    paragraphs = clean_paragraphs((ROOT / "corpus" / "zigong-blue-sky-plan.txt").read_text(encoding="utf-8"))
    pdf = make_pdf(paragraphs, tmp / "plan.pdf", header="自贡市人民政府文件")
    pages = read_document(pdf, use_cache=False).pages
    cold = best(lambda: read_document(pdf, use_cache=False))
    floor = best(lambda: _pdfium_text(pdf))
    cpu = best(lambda: read_document(pdf, use_cache=False), clock=time.process_time)
    print(f"PDF: {pages} pages, {cold / pages * 1000:.1f} ms a page (target <= 50 ms; CPU {cpu / pages * 1000:.1f} ms), "
          f"{cold / floor:.1f}x PDFium's plain text ({floor / pages * 1000:.1f} ms a page)")
    read_document(pdf)  # fills the cache
    warm = best(lambda: read_document(pdf))
    print(f"PDF from the extraction cache: {warm * 1000:.1f} ms = {warm / cold:.1%} of a cold read")

    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    rows = [[str(n), f"推进第{n}项重点工作，完善工作机制", "市发展改革委", "市财政局、市司法局，市政务服务局", "2025年6月底前"] for n in range(1, ROWS + 1)]
    docx = make_docx(["某市重点任务分工方案"], tmp / "table.docx", table=[header] + rows)
    docx_time = best(lambda: parse_document(read_document(docx, use_cache=False).text))
    text = "某市重点任务分工方案\n\n" + "\n".join("\t".join(r) for r in [header] + rows) + "\n"
    text_time = best(lambda: parse_document(text))
    print(f"DOCX task table: {ROWS} rows, {docx_time / ROWS * 1000:.2f} ms a row read and parsed, "
          f"{docx_time / text_time:.1f}x the same rows as tab-separated text ({text_time / ROWS * 1000:.2f} ms a row)")


def _pdfium_text(path: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        page = doc[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    doc.close()


if __name__ == "__main__":
    main()
