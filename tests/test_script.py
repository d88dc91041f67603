"""Plans a mirror site converted to traditional script (shared/dialects.md §4) are read back as simplified,
one character for one (kb/parser/script.py, kb/data/script.yaml): table rows, then a real opening."""

import pytest

from kb.parser import parse_document
from kb.parser.script import is_traditional, to_simplified

TRAD = "市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責"

# (text, converted?, why)
CASES = [
    (TRAD + "。" + TRAD, True, "traditional tags: many traditional characters, a large share"),
    ("牽頭單位:市商務局", False, "too few traditional characters to decide (a short line)"),
    ("乾县人民政府负责。" * 5, False, "a simplified text naming 乾县: few traditional characters"),
    ("加强管理。" * 200 + TRAD, False, "a long simplified plan with one traditional tag: too small a share"),
    ("", False, "no text"),
]


@pytest.mark.parametrize("text,converted,why", CASES, ids=[c[-1] for c in CASES])
def test_is_traditional(text, converted, why):
    assert is_traditional(text) is converted, why


def test_conversion_keeps_length_and_reads_back():
    out = to_simplified(TRAD)
    assert len(out) == len(TRAD)
    assert out == "市政府办公室、市行政审批制度改革工作领导小组办公室牵头,市级各有关部门及各县市区政府按职责分工负责"


def test_a_traditional_mirror_of_a_plan_is_read():
    # 鹹陽 2022 放管服 要点, the opening a traditional-script mirror serves (shared/dialects.md A1).
    text = ("鹹陽市2022年深化“放管服”改革最佳化營商環境工作要點\n"
            "一、堅持系統集成,推動審批全鏈條最佳化\n"
            "1.全面實施行政許可事項清單管理。依據國家和省行政許可事項清單,2022年10月底前編制並公布市、縣兩級行政許可事項清單。"
            f"({TRAD})\n")
    doc, tasks = parse_document(text, "p")
    assert doc.title == "咸阳市2022年深化“放管服”改革最佳化营商环境工作要点"
    assert any("繁体字" in w for w in doc.warnings)
    (t,) = [t for t in tasks if t.tag]
    assert t.lead == ["市政府办公室", "市行政审批制度改革工作领导小组办公室"]
    # 按职责分工负责 after a lead named earlier in the same tag is support (shared/dialects.md: lead + support)
    assert t.support == ["市级各有关部门", "各县市区政府"] and t.shared == []
    assert [d.text for d in t.deadlines] == ["2022年10月底前"]


def test_a_semicolon_b_tag_in_traditional_script():
    # 鄂政发〔2018〕26号 on a mirror: (牽頭單位:省發展改革委;責任單位:省編辦、…)
    text = ("省人民政府關於進一步優化營商環境的若干意見\n二、主要任務\n(一)提高市場開放程度。全面實施市場準入負面清單制度,"
            "除法律法規明令禁止的範圍外一律開放。(牽頭單位:省發展改革委;責任單位:省編辦、省國土資源廳、省環保廳、省住建廳)\n")
    _, tasks = parse_document(text, "p")
    (t,) = [t for t in tasks if t.tag]
    assert (t.lead, t.support) == (["省发展改革委"], ["省编办", "省国土资源厅", "省环保厅", "省住建厅"])
