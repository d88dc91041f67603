"""A DOCX printed to PDF with no first-line indent (python-docx's default style, printed by LibreOffice): when a
paragraph's last line ends a sentence at the right margin, only the next line's item marker tells that a new paragraph
starts (kb/ingest/pdf.py ``_continues``/``_opens_item``).  Found on 山东 鲁政办字〔2019〕58号 (fixture 85) as DOCX →
LibreOffice 7.4 PDF: ``…报省政府。`` filled its line and ``（四）反馈整改阶段。…`` was glued to it (9/11 gold rows; 11/11
after).  Lines are drawn left-aligned at one x, as such a PDF has them."""

import pytest

from kb.ingest.pdf import read_pdf
from plan_files import FONT, _font

SIZE = 16


def _pdf(path, lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(FONT, SIZE)
    y = 760
    for line in lines:
        c.drawString(80, y, line)
        y -= 28
    c.showPage()
    c.save()
    return path.read_bytes()


FULL = "汇总整理阶段，省级核查组整理收集的文件资料，撰写排查报告报省政府。"  # 33 characters: fills the 435-point line
CASES = [
    # (second line, one paragraph?, why)
    ("（四）反馈整改阶段。按程序反馈核查意见和问题清单。", False, "a section marker after a sentence end at the margin"),
    ("2.省级核查。采取调阅资料、谈话问询等方式进行核查。", False, "an item number"),
    ("五、工作要求", False, "a part heading"),
    ("（1）调阅资料。根据各市自查情况调阅相关资料。", False, "a sub-item marker"),
    # controls
    ("同时抄送省教育厅、省科技厅和省公安厅等有关部门。", True, "no marker: a wrapped line goes on (the sentence before ended at the margin)"),
    ("1.5倍以上的增幅要在年底前实现并报送省政府备案。", True, "1.5倍 is an amount, no item number"),
]


@pytest.mark.parametrize("second,joined,why", CASES, ids=[c[2][:30] for c in CASES])
def test_item_marker_after_a_full_line(tmp_path, second, joined, why):
    text = read_pdf(_pdf(tmp_path / "p.pdf", [FULL, second, "（五）其他事项。"]), "p.pdf").text
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert (lines[0] == FULL + second) is joined, (why, lines)


def test_a_closing_bracket_alone_on_its_line_is_read(tmp_path):
    """A tag's ``）`` wrapped alone onto the next line (the line before it full): PDFium gives that text object no
    width and no text when the PDF's 宋体 is not embedded and no CJK font is installed (CI's machine), and the
    character was lost, so the tag stayed open.  Such a page is read by pdfminer (kb/ingest/pdf.py ``_unread``);
    on a machine with a CJK font PDFium reads it itself — either way the bracket is there, once."""
    from plan_files import make_pdf

    # 沪府办发〔2021〕 item 7 as published: its last line is full before the ）.
    item = ("7.以吴淞江生态间隔带为试点启动专项规划编制。优化区域内不同类型土地布局，研究制定不同类型土地保护开发适应性政策，"
            "提出规划土地和财政支持政策，2021年底基本形成可落地、可操作的实施方案。（牵头单位：闵行区政府。配合单位：市发展改革委、"
            "市财政局、市规划资源局、市绿化市容局）")
    pdf = make_pdf(["关于生态间隔带的实施方案", item, "8.有意愿、有条件的相关区启动建设方案研究。"], tmp_path / "p.pdf", centred=(0,))
    text = read_pdf(pdf.read_bytes(), "p.pdf").text
    assert "市绿化市容局）\n8." in text, text
    assert text.count("）") == 1
