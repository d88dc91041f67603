"""A plan kept as Markdown (.md): its front matter (--- / 文号: … / 发布单位: … / ---) is the document's reference fields,
its ``#`` title the title, ``##`` headings the plan's own headings, ``**`` emphasis, ``>`` quotes and ``-`` bullets no
words of the plan, a pipe table a table — read as the same plan written in plain text.  Before, the front matter and the
``#`` title were read as the plan's text (tasks 1–7 of one plan: tagsblind13, routed (j)).  Forms written here, the
expected readings written before the code (docs4 s17)."""

import pytest

from kb.ingest import read_document
from kb.parser import parse_document

FRONT = "---\n文号: 某政办〔2023〕12号\n发布单位: 某某市人民政府办公室\n发布日期: 2023-05-06\n---\n\n"
PLAN_MD = ("# 某某市推进数字经济发展实施方案\n\n为加快数字经济发展，制定本方案。\n\n## 一、总体要求\n\n"
           "到2025年，数字经济核心产业增加值占GDP比重达到10%。\n\n## 二、重点任务\n\n"
           "（一）建设数字基础设施。（市工信局牵头，市通信管理局配合）\n\n"
           "- （二）推进**产业数字化**。（市发展改革委牵头）\n\n> 注：以上任务均于2025年底前完成。\n")
PLAIN = ("某某市推进数字经济发展实施方案\n为加快数字经济发展，制定本方案。\n一、总体要求\n"
         "到2025年，数字经济核心产业增加值占GDP比重达到10%。\n二、重点任务\n"
         "（一）建设数字基础设施。（市工信局牵头，市通信管理局配合）\n（二）推进产业数字化。（市发展改革委牵头）\n"
         "注：以上任务均于2025年底前完成。\n")


def _read(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_document(read_document(path).text, "p")


@pytest.mark.parametrize("front, why", [(FRONT, "市: front matter, # title, ## headings, a bullet, ** and a quote"),
                                        ("", "no front matter")], ids=["front", "plain"])
def test_markdown_reads_as_the_plain_plan(tmp_path, front, why):
    doc, tasks = _read(tmp_path, "a.md", front + PLAN_MD)
    plain_doc, plain_tasks = parse_document(PLAIN, "p")
    assert doc.title == "某某市推进数字经济发展实施方案", why
    assert [n for n, _ in doc.parts] == ["一", "二"], why
    assert [(t.label, t.text, t.lead, t.support) for t in tasks] == \
        [(t.label, t.text, t.lead, t.support) for t in plain_tasks], why
    assert not any("文号" in t.text or "---" in t.text or "#" in t.text for t in tasks), why
    if front:
        assert "某政办〔2023〕12号" in (doc.preface or ""), why


def test_markdown_table(tmp_path):
    """A pipe table (| 序号 | 工作任务 | 责任单位 | 完成时限 |) reads as the same table written with tabs."""
    table = ("# 某某县2024年重点工作任务分解表\n\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
             "| 1 | 完成道路硬化20公里 | 县交通运输局 | 2024年底前 |\n| 2 | 新建公办幼儿园3所 | 县教育局 | 2024年9月底前 |\n")
    tabbed = ("某某县2024年重点工作任务分解表\n序号\t工作任务\t责任单位\t完成时限\n1\t完成道路硬化20公里\t县交通运输局\t2024年底前\n"
              "2\t新建公办幼儿园3所\t县教育局\t2024年9月底前\n")
    _, tasks = _read(tmp_path, "b.md", table)
    _, tab_tasks = parse_document(tabbed, "p")
    assert [(t.label, t.body, t.sole, [d.end for d in t.deadlines]) for t in tasks] == \
        [(t.label, t.body, t.sole, [d.end for d in t.deadlines]) for t in tab_tasks]
    assert [t.sole for t in tasks] == [["县交通运输局"], ["县教育局"]]


def test_txt_keeps_its_marks(tmp_path):
    """A .txt file is read as written: a line opening with # or - stays as it is (only a .md file is Markdown)."""
    doc, tasks = _read(tmp_path, "c.txt", "某某区实施方案\n一、重点任务\n- 推进改造。（区建管委牵头）\n")
    assert tasks[-1].text.startswith("-")
