"""The all-departments export (``kb export --all``) writes a duty list for a bare division the plan writes under two or
more bureaus (办公室 beside 市交通委办公室 and 市公安局办公室): that list must say what ``kb duties 办公室`` says when it
refuses (kb.duties.division_choices: the bureaus' units with their counts, the items writing the division alone) and that
it holds only those items — a meta line (说明) an official of 市交通委办公室 cannot miss (review-rest s13 item 3).  The
other lists carry no such line (controls).  Checked in each format with its library (openpyxl, python-docx) and in md/csv.

Plans written for these tests (市 tags, 县 tags); expected lines written by hand before the code."""

from __future__ import annotations

import csv
import io

import pytest

from kb.cli import main

CITY = "\n".join([
    "某市治理方案", "", "一、主要任务", "",
    "（一）建设平台。（市交通委办公室牵头，市公安局办公室配合）", "",
    "（二）完善制度。（办公室牵头）", "",
    "（三）加强宣传。（市公安局牵头）", ""]) + "\n"

COUNTY = "\n".join([
    "某县农业工作要点", "", "一、重点工作", "",
    "1.推进种植结构调整。（县农业农村局综合股牵头，县财政局综合股配合）", "",
    "2.完善统计报送。（综合股负责）", "",
    "3.加强资金监管。（县财政局负责）", ""]) + "\n"

#: (plan, the bare division's list file stem, words its 说明 line holds, why)
NOTED = [
    (CITY, "办公室", ["方案中有不止一个单位的“办公室”", "市交通委办公室（1 项）", "市公安局办公室（1 项）",
                    "另有 1 项只写“办公室”", "一（二）", "本清单只列出只写“办公室”的条目"],
     "two bureaus' 办公室 and one item writing 办公室 alone"),
    (COUNTY, "综合股", ["方案中有不止一个单位的“综合股”", "县农业农村局综合股（1 项）", "县财政局综合股（1 项）",
                    "另有 1 项只写“综合股”", "本清单只列出只写“综合股”的条目"],
     "a county's 股 under two bureaus"),
]
#: (plan, list file stems that carry no such line, why)
PLAIN = [
    (CITY, ["市交通委办公室", "市公安局办公室", "市公安局"], "one body each: their own lists, no ambiguity"),
    (COUNTY, ["县农业农村局综合股", "县财政局"], "the same in the county plan"),
]


def _export(tmp_path, text, fmt):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--corpus", str(tmp_path / "in"), "export", "--all", "-f", fmt, "-o", str(out)]) == 0
    return out


def _lines(path, fmt) -> list[str]:
    """Every line of text the file shows, read with its library."""
    if fmt == "xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        return [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    if fmt == "docx":
        from docx import Document

        return [p.text for p in Document(str(path)).paragraphs]
    if fmt == "csv":
        return [" ".join(row) for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))]
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("fmt", ["md", "csv", "xlsx", "docx"])
@pytest.mark.parametrize(("text", "stem", "words", "why"), NOTED, ids=[r[1] for r in NOTED])
def test_bare_division_list_says_the_choices(tmp_path, capsys, fmt, text, stem, words, why):
    out = _export(tmp_path, text, fmt)
    lines = _lines(out / f"{stem}-责任清单.{fmt}", fmt)
    noted = [line for line in lines if "方案中有不止一个单位的" in line]
    assert len(noted) == 1, (why, lines)
    for word in words:
        assert word in noted[0], (why, word, noted[0])


@pytest.mark.parametrize(("text", "stems", "why"), PLAIN, ids=[r[0][:4] for r in PLAIN])
def test_one_body_lists_have_no_such_note(tmp_path, capsys, text, stems, why):
    out = _export(tmp_path, text, "md")
    for stem in stems:
        lines = _lines(out / f"{stem}-责任清单.md", "md")
        assert not any("不止一个单位" in line for line in lines), (why, stem, lines)


@pytest.mark.parametrize("fmt", ["md", "xlsx", "docx"])
@pytest.mark.parametrize(("text", "stem", "words", "why"), NOTED, ids=[r[1] for r in NOTED])
def test_matrix_row_of_the_division_says_the_choices(tmp_path, capsys, fmt, text, stem, words, why):
    """The matrix (its own file, or xlsx's second sheet) has a row for the bare division: a 说明 line says the same."""
    out = _export(tmp_path, text, fmt)
    kind = "任务分工表" if fmt == "xlsx" else "分工矩阵"
    path = next(out.glob(f"*-{kind}.{fmt}"))
    noted = [line for line in _lines(path, fmt) if "方案中有不止一个单位的" in line]
    assert len(noted) == 1, (why, noted)
    for word in [*words[:4], f"矩阵中“{stem}”一行只计只写“{stem}”的条目"]:
        assert word in noted[0], (why, word, noted[0])
