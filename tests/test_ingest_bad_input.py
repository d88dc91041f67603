"""Files kb cannot read: one line on stderr, exit 2, the rest of the corpus still read (issue #10)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kb.errors import KbError
from kb.ingest import read_document
from plan_files import _font, make_docx

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "corpus" / "zigong-blue-sky-plan.txt").read_bytes()


def _encrypted_pdf(path: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    _font()
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.setFont("STSong-Light", 14)
    c.drawString(72, 700, "一、总体要求")
    c.save()
    return path


def _scanned_pdf(path: Path) -> Path:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (200, 100), 255)
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(image), 72, 500, 400, 200)
    c.save()
    return path


def _not_a_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "附件")
    return path


def _docx_without_body(path: Path) -> Path:
    import docx

    docx.Document().save(str(path))
    return path


def _truncated_zip(path: Path) -> Path:
    _docx_without_body(path)
    path.write_bytes(path.read_bytes()[:300])  # the zip's directory at the end is cut off
    return path


def _page_without_article(path: Path) -> Path:
    path.write_text('<html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav">'
                    '<a href="/">首页</a><a href="/a">政务公开</a><a href="/b">办事服务</a></div><p>页面不存在或已删除。</p>'
                    '<div class="footer">主办单位：某市人民政府办公室</div></body></html>', encoding="utf-8")
    return path


def _random_pdf(path: Path) -> Path:
    path.write_bytes(os.urandom(5000))
    return path


def _garbage_after_header(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    return path


def _doc_without_libreoffice(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return path


#: (file name, maker, words the one line must hold, why)
BAD = [
    ("random.pdf", _random_pdf, "不是 PDF 文件", "random bytes named .pdf"),
    ("broken.pdf", _garbage_after_header, "无法读取这个 PDF", "a PDF header followed by garbage"),
    ("locked.pdf", _encrypted_pdf, "有密码保护", "a password is needed to open it"),
    ("scan.pdf", _scanned_pdf, "没有文字层", "an image only: kb does no OCR"),
    ("archive.docx", _not_a_docx, "不是 DOCX", "a zip without word/document.xml"),
    ("cut.docx", _truncated_zip, "zip 压缩包已损坏", "a DOCX cut short in a download"),
    ("random.xlsx", _random_pdf, "不是 XLSX 文件", "random bytes named .xlsx"),
    ("word.xlsx", _docx_without_body, "不是 XLSX（没有 xl/workbook.xml）", "a DOCX renamed .xlsx"),
    ("empty.docx", _docx_without_body, "正文中没有文字", "a DOCX whose body is empty"),
    ("page.html", _page_without_article, "没有找到正文", "navigation and one short line"),
    ("old.doc", _doc_without_libreoffice, "另存为 DOCX", "no LibreOffice on this machine (forced)"),
]


@pytest.fixture
def no_libreoffice(monkeypatch):
    import kb.ingest.legacy as legacy

    monkeypatch.setattr(legacy, "soffice", lambda: None)


@pytest.mark.parametrize(("name", "make", "words", "why"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_is_one_clear_error(tmp_path, no_libreoffice, name, make, words, why):
    path = make(tmp_path / name)
    with pytest.raises(KbError) as err:
        read_document(path, use_cache=False)
    message = str(err.value)
    assert words in message, why
    assert "\n" not in message and message.startswith(str(path)) and err.value.exit_code == 2


def _run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_cli_ingest_bad_file_exits_2_with_one_line(tmp_path):
    path = _random_pdf(tmp_path / "random.pdf")
    good = tmp_path / "plan.txt"
    good.write_bytes(GOOD)
    r = _run("ingest", str(path), str(good))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "不是 PDF 文件" in r.stderr and "Traceback" not in r.stderr
    assert "自贡市打赢蓝天保卫战实施方案" in r.stdout  # the good file is still printed


def test_corpus_folder_skips_bad_and_unknown_files_and_reads_the_rest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_bytes(GOOD)
    _random_pdf(corpus / "random.pdf")
    _not_a_docx(corpus / "archive.docx")
    (corpus / "notes.rtf").write_text("{\\rtf1}", encoding="ascii")
    (corpus / ".hidden.txt").write_text("x", encoding="ascii")
    r = _run("--corpus", str(corpus), "depts", "--json", env_extra={"KB_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    lines = r.stderr.strip().split("\n")
    assert sum("已跳过" in ln for ln in lines) == 3
    assert any("notes.rtf" in ln and "kb 不读取" in ln for ln in lines)
    assert any("random.pdf" in ln and "不是 PDF 文件" in ln for ln in lines)
    assert '"市生态环境局"' in r.stdout


def test_single_bad_file_as_corpus_exits_2(tmp_path):
    path = _encrypted_pdf(tmp_path / "locked.pdf")
    r = _run("--corpus", str(path), "tasks", env_extra={"KB_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 2 and "有密码保护" in r.stderr and r.stderr.count("\n") == 1


def test_kb_ingest_prints_text_with_page_marks_and_escapes_control_characters(tmp_path):
    from plan_files import make_pdf

    text = tmp_path / "a.txt"
    text.write_text("某市工作方案\n一、总体要求\n坚持\x1b[31m问题导向。\n", encoding="utf-8")
    pdf = make_pdf(["某市工作方案", "一、总体要求"] + ["坚持问题导向，推进各项工作。"] * 40, tmp_path / "b.pdf")
    r = _run("ingest", str(text), str(pdf), env_extra={"KB_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0
    assert "\x1b" not in r.stdout and "\\x1b[31m" in r.stdout
    assert "\f" not in r.stdout and "〔第1页〕" in r.stdout and "〔第2页〕" in r.stdout and "〔第3页〕" not in r.stdout
    assert "==> " in r.stdout and "(pdf，2 页)" in r.stdout and "(txt，utf-8)" in r.stdout


def test_tasks_json_carries_format_and_source(tmp_path):
    from plan_files import make_pdf

    pdf = make_pdf(["某市推进工作实施方案", "一、重点任务", "（一）加强组织。做好工作。（市发展改革委牵头，市财政局配合）"], tmp_path / "p.pdf")
    r = _run("--corpus", str(pdf), "tasks", "--json", env_extra={"KB_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    import json

    data = json.loads(r.stdout)
    assert data["document"]["format"] == "pdf"
    task = next(t for t in data["tasks"] if t["kind"] == "task")
    assert task["source"] == "第1页" and task["lead"] == ["市发展改革委"]


def test_extraction_cache_is_json_never_pickle(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    path = make_docx(["某市工作方案", "一、总体要求"], tmp_path / "a.docx")
    read_document(path)
    (entry,) = (tmp_path / "cache" / "ingest").glob("*.json")
    assert entry.read_bytes().startswith(b"{")
    entry.write_bytes(b"\x80\x04pickle")  # never unpickled: read again instead
    assert read_document(path).text.startswith("某市工作方案")


def test_wrong_meta_charset_falls_back_to_detection(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>' + "某市推进营商环境优化工作的实施方案。" * 10 + "</p></div></body></html>"
    path = tmp_path / "gbk.html"
    path.write_bytes(page.encode("gb18030"))
    extracted = read_document(path, use_cache=False)
    assert "某市推进营商环境优化工作" in extracted.text


def test_doc_named_file_that_is_really_a_docx_is_read(tmp_path):
    path = make_docx(["某市工作方案", "一、总体要求"], tmp_path / "a.docx")
    doc = tmp_path / "a.doc"
    doc.write_bytes(path.read_bytes())
    assert read_document(doc, use_cache=False).text.startswith("某市工作方案")


def test_terminal_progress_rewrites_one_line_past_the_escaping_wrapper(monkeypatch):
    import io

    from kb.ingest import _terminal_progress
    from kb.safetext import SafeStream

    inner = io.StringIO()
    monkeypatch.setattr(sys, "stderr", SafeStream(inner))
    show = _terminal_progress("方案\x1b]0;x\x07.pdf")
    for done in range(1, 201):
        show(done, 200)
    _terminal_progress("short.pdf")(1, 3)
    text = inner.getvalue()
    assert text.count("\r") == 200 and text.endswith("正在读取 方案\\x1b]0;x\\x07.pdf：第 200/200 页\n")
    assert "\x1b" not in text and "\\x1b]0;x\\x07.pdf" in text and "short.pdf" not in text


def test_xls_that_is_a_web_page_table_is_read(tmp_path):
    rows = "".join(f"<tr><td>{n}</td><td>推进第{n}项重点工作，完善工作机制</td><td>市发展改革委</td><td>2025年底前</td></tr>" for n in range(1, 4))
    path = tmp_path / "export.xls"
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><table><tr><td>序号</td><td>重点任务</td>'
                    f"<td>牵头单位</td><td>完成时限</td></tr>{rows}</table></body></html>", encoding="utf-8")
    from kb.parser import parse_document

    extracted = read_document(path, use_cache=False)
    assert extracted.format == "html"
    _, tasks = parse_document(extracted.text, doc_id="x")
    assert [(t.label, t.lead) for t in tasks] == [(str(n), ["市发展改革委"]) for n in range(1, 4)]


# ---------------------------------------------------------------- files that are not plans by their size or kind

#: (file name, bytes, words the one line must hold, why) — read_document and `kb ingest` alike.
EMPTY = [
    ("empty.txt", b"", "文件是空的", "nothing at all: `kb ingest` printed nothing and exited 0 (the corpus said 空)"),
    ("blank.txt", b"\n \r\n\t\n\xe3\x80\x80\n", "文件是空的", "white space only (an ideographic space too)"),
    ("blank.html", b'<html><meta charset="utf-8"><body>  </body></html>', "没有找到正文", "a page with no text"),
]


@pytest.mark.parametrize(("name", "raw", "words", "why"), EMPTY, ids=[e[0] for e in EMPTY])
def test_a_file_with_no_text_is_one_clear_error(tmp_path, name, raw, words, why):
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(KbError) as err:
        read_document(path, use_cache=False)
    assert words in str(err.value) and str(err.value).startswith(str(path)), why
    r = _run("ingest", str(path), env_extra={"KB_CACHE_DIR": str(tmp_path / "cache")})
    assert (r.returncode, r.stdout, r.stderr.count("\n")) == (2, "", 1) and words in r.stderr, why


def test_too_much_text_for_one_plan_is_refused_before_parsing(tmp_path, monkeypatch):
    import kb.ingest

    monkeypatch.setattr(kb.ingest, "MAX_TEXT_CHARS", 1000)
    path = tmp_path / "all.txt"
    path.write_text("某市工作方案\n" + "一、推进各项工作落实。\n" * 100, encoding="utf-8")  # 1,207 characters
    with pytest.raises(KbError) as err:
        read_document(path, use_cache=False)
    message = str(err.value)
    assert message.startswith(f"{path}：") and "太长" in message and "分成多个文件" in message and "\n" not in message
    path.write_text("某市工作方案\n" + "一、推进各项工作落实。\n" * 80, encoding="utf-8")  # 967: read
    assert read_document(path, use_cache=False).text.startswith("某市工作方案")


def test_the_text_limit_is_far_above_a_real_plan():
    # 国发〔2018〕42号 and the bundled plan are 8–15 thousand characters; the longest national plans ~150 thousand.
    import kb.ingest

    assert kb.ingest.MAX_TEXT_CHARS >= 20 * 150_000
    assert kb.ingest.MAX_FILE_BYTES >= 100 * 2**20


def test_a_file_too_large_to_read_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import kb.ingest

    monkeypatch.setattr(kb.ingest, "MAX_FILE_BYTES", 4096)
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"0" * 5000)
    with pytest.raises(KbError) as err:
        read_document(path, use_cache=False)
    assert "文件太大" in str(err.value) and str(err.value).startswith(str(path))
    with pytest.raises(KbError, match="文件太大"):
        read_document(path, path.read_bytes(), use_cache=False)  # (the store passes the bytes it read)


def test_a_folder_a_fifo_or_a_device_is_refused_without_reading(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    device = tmp_path / "zero.txt"
    device.symlink_to("/dev/zero")  # reading it would never end
    folder = tmp_path / "plans.txt"
    folder.mkdir()
    cases = [(fifo, "命名管道"), (device, "设备文件"), (folder, "文件夹")]
    for path, kind in cases:
        with pytest.raises(KbError) as err:
            read_document(path, use_cache=False)
        assert kind in str(err.value) and str(err.value).startswith(str(path)), path
    r = _run("ingest", *(str(p) for p, _ in cases), env_extra={"KB_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 2 and r.stdout == "" and r.stderr.count("\n") == 3 and "Traceback" not in r.stderr
