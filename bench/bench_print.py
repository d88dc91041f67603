"""Printed pages of the exports (issue #14 item 10), measured through LibreOffice.

Writes 市交通运输局's duty list and the task division table as docx and xlsx,
converts each to PDF with ``soffice --headless --convert-to pdf`` and counts
the pages with ``pdfinfo``; prints them against the targets (duty list of 19
tasks ≤ 4 A4 landscape pages, the table ≤ 12) and the counts before the print
layout (8 and 22).  LibreOffice is not a dependency of kb: install it by hand
(``apt-get install libreoffice-writer libreoffice-calc fonts-noto-cjk
poppler-utils``); without it this script says so and stops.  The PNGs of the
pages (``pdftoppm -png -r 60``) are left in the printed folder to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: file → (target pages, pages before the print layout)
TARGETS = {
    "duty.docx": (4, 8),
    "table.docx": (12, 22),
    "duty.xlsx": (None, 3),
    "table.xlsx": (None, 11),
}


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def main() -> int:
    if not (shutil.which("soffice") and shutil.which("pdfinfo")):
        print("bench_print: soffice or pdfinfo not found: install libreoffice-writer libreoffice-calc "
              "fonts-noto-cjk poppler-utils to measure printed pages (not needed by kb)")
        return 0
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    from kb.export import export_duty_list, export_table
    from kb.store import load_plan

    plan = load_plan()
    folder = Path(tempfile.mkdtemp(prefix="kb-print-"))
    export_duty_list(plan, "市交通运输局", "docx", folder / "duty.docx")
    export_duty_list(plan, "市交通运输局", "xlsx", folder / "duty.xlsx")
    export_table(plan, "docx", folder / "table.docx")
    export_table(plan, "xlsx", folder / "table.xlsx")
    failed = False
    for name, (target, before) in TARGETS.items():
        # one conversion per call: docx and xlsx of the same stem would overwrite each other's PDF
        sub = folder / name.replace(".", "-")
        sub.mkdir()
        shutil.copy(folder / name, sub / name)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(sub), str(sub / name)],
                       capture_output=True, check=True, timeout=300)
        pdf = sub / (Path(name).stem + ".pdf")
        n = pages(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(sub / "page")], check=False)
        verdict = "" if target is None else ("  ok" if n <= target else "  MISSED")
        failed |= target is not None and n > target
        goal = f"target ≤ {target}, " if target is not None else ""
        print(f"{name:11} {n:3} pages A4 landscape ({goal}before the print layout: {before}){verdict}")
    print(f"PDFs and page images in {folder}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
