"""An indicator system in three levels with its nature and its explanation (一级指标 | 二级指标 | 三级指标 | 指标性质 |
指标说明: 国办发〔2019〕4号's annex, 55 rows) is read row by row: each row one item of the annex, named by its 三级指标,
its 指标性质 (定量/定性) a field, its explanation (计算方法：… 指标来源：…) in its text; the header row is no item and a
formula is no target.  holdout11: 指标性质 and 指标说明 were read as more task columns (指标…), so the table was no
indicator table — its header row was item 附件-1 and its rows ｜-joined cells; "一共有多少个三级指标" had no rows to count.

Expectations written before the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.ingest import read_document
from kb.parser import parse_document

HOLDOUT = Path(__file__).resolve().parent / "fixtures" / "holdout11"
BODY = "".join(f"<p>{x}</p>" for x in [
    "某某意见", "一、任务", "（一）建立平台。2019年3月底前，国家卫生健康委完成平台建设。", "（二）做好宣传。各地要加强宣传。",
    "附件：某某绩效考核指标", "国务院办公厅", "2019年1月16日", "（此件公开发布）", "附件", "某某绩效考核指标"])
TABLE = ("<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标说明</td></tr>"
         "<tr><td rowspan='3'>一、医疗质量</td><td rowspan='2'>（一）功能定位</td><td>1.门诊人次数与出院人次数比</td><td>定量</td>"
         "<td>计算方法：门诊患者人次数/同期出院患者人次数。<br>指标来源：医院填报。</td></tr>"
         "<tr><td>2.日间手术占择期手术比例</td><td>定量</td>"
         "<td>计算方法：日间手术台次数/同期出院患者择期手术总台次数×100%。<br>指标来源：医院填报。</td></tr>"
         "<tr><td>（二）经济管理</td><td>3.全面预算管理</td><td>定性</td>"
         "<td>查阅医院预算管理制度。<br>指标来源：医院填报。</td></tr></table>"
         "<p>注：1.标记“▲”的指标为国家监测指标。</p>")


def _annex(tasks):
    return [t for t in tasks if t.part == "附件"]


def test_three_level_indicator_table(tmp_path):
    path = tmp_path / "意见.html"
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><div id='zoom'>{BODY}{TABLE}</div></body></html>",
                    encoding="utf-8")
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "p", str(path))
    rows = [t for t in _annex(tasks) if t.fields.get("指标性质")]
    assert [t.fields["指标性质"] for t in rows] == ["定量", "定量", "定性"]
    assert ["门诊人次数与出院人次数比" in t.text.split("计算方法")[0] for t in rows] == [True, False, False]
    assert "日间手术占择期手术比例" in rows[1].text and "指标来源：医院填报" in rows[1].text
    assert not any("一级指标" in t.text for t in _annex(tasks)), "the header row is no item"
    assert not any(t.targets for t in tasks), "a formula (×100%) is no target"
    assert doc.annexes == [("附件", "某某绩效考核指标")]


def test_holdout11_indicator_annex_has_55_rows():
    """The crawled page of 国办发〔2019〕4号: 55 indicators (numbered 1.–55. in the 三级指标 column, counted by hand), 14
    二级指标, 4 一级指标; 定性 rows counted by hand: 12 (全面预算管理), 42 … — the rows with 指标性质 定性."""
    path = HOLDOUT / "jx_jixiaokaohe_guobanfa2019-4.html"
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "jx", str(path))
    rows = [t for t in _annex(tasks) if t.fields.get("指标性质")]
    assert len(rows) == 55
    assert not any(t.targets for t in rows), "formulas (×100%) are no targets"
    # the notes under the table (注：1.–12.) are the annex's, after the signature: never items of the body's part 五
    assert [t.label for t in tasks if t.part == "五"] == ["五（一）", "五（二）", "五（三）", "五（四）", "五（五）"]
    notes = [t for t in _annex(tasks) if t.section == "附件（注）"]
    assert len(notes) == 12 and notes[1].label == "附件（注）-2" and "国家监测指标" in notes[1].text
    assert "指标来源：国家发展改革委" in next(t.text for t in rows if "公共信用综合评价等级" in t.text)


@pytest.mark.parametrize("name", ["jx_jixiaokaohe_guobanfa2019-4.html", "jx_jixiaokaohe_guobanfa2019-4.txt"])
@pytest.mark.parametrize("question", ["三级公立医院绩效考核指标一共有多少个三级指标", "附件有几项"])
def test_holdout11_annex_count_is_its_rows(question, name):
    """holdout11 jx08: the annex counted by its 55 rows — the 12 notes under the table (附件（注）) are said apart, no
    items (the count said 67 with them; at the session's start, 方案的量化目标共 39 项)."""
    from kb.model import Plan
    from kb.qa import Session

    path = HOLDOUT / name  # (the text: the table one cell a line — its header cells, each row's name, nature, formula
    # and source on lines of their own: a row is its numbered line and the unnumbered lines after it)
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "jx", str(path))
    answer = Session(plan=Plan([doc], tasks)).ask(question)
    assert "共 55 项" in answer.text and "12 条注" in answer.text, answer.text
    assert len(answer.tasks) == 55, answer.text


@pytest.mark.parametrize("name", ["jx_jixiaokaohe_guobanfa2019-4.html", "jx_jixiaokaohe_guobanfa2019-4.txt"])
def test_an_indicator_table_assigns_no_task(name):
    """A table that names no unit (an indicator system) does not make the plan a tagged one: the body's prose roles are
    read as before the table was read row by row (三（二） 国家卫生健康委、国家中医药局; 五（五） 国家卫生健康委 leads) —
    a28ad7a had dropped them all, and 国家卫生健康委在2019年3月底前要完成哪些工作 said the plan assigns no task."""
    path = HOLDOUT / name
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "jx", str(path))
    by = {t.label: t for t in tasks}
    assert by["三（二）"].departments("any") and "国家卫生健康委" in by["三（二）"].departments("any")
    assert by["五（五）"].lead == ["国家卫生健康委"]


def test_one_column_word_heading_opens_no_table():
    """A prose annex whose heading is a column word (主要任务) is no table one cell a line: its unnumbered paragraphs stay
    paragraphs — glued to the item before them, the closing 以上各项工作…于2024年底前全部完成 gave item 2 alone the deadline
    (review-parser, session 12).  Two column words in a row (一级指标 / 二级指标) still open such a table."""
    from kb.parser import parse_document

    text = "\n".join(["某区老旧小区改造实施方案", "一、主要任务", "（一）推进改造。各街道要推进老旧小区改造。（牵头单位：区住建委）",
                      "附件", "某区老旧小区改造工作安排", "主要任务", "1.开展摸底调查，建立改造项目库。",
                      "摸底调查由各街道组织实施，区住建委负责汇总。", "2.编制改造方案，明确改造内容和标准。",
                      "改造方案经区政府审定后实施。", "以上各项工作由各街道负责，于2024年底前全部完成。", ""])
    _, tasks = parse_document(text, "p")
    annex = [t for t in tasks if t.part == "附件"]
    assert [t.text[:6] for t in annex] == ["1.开展摸底", "摸底调查由各", "2.编制改造", "改造方案经区", "以上各项工作"]
    assert [[d.text for d in t.deadlines] for t in annex] == [[], [], [], [], ["2024年底前"]]
