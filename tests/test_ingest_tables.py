"""Task tables (dialect D) from DOCX, XLSX, PDF and text, and Word's generated numbering (issue #10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.ingest import read_document
from kb.parser import parse_document
from kb.parser.tables import header_columns, is_task_header
from plan_files import make_docx, make_pdf

#: (header cells, columns found, task table?, why)
HEADERS = [
    (["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], {"number": 0, "task": 1, "lead": 2, "support": 3, "deadline": 4}, True, "the usual 任务分工表"),
    (["序号", "重点工作", "责任领导", "责任单位", "完成时限"], {"number": 0, "task": 1, "leader": 2, "responsible": 3, "deadline": 4}, True, "霍山 2025"),
    (["序号", "主要工作任务", "责任单位"], {"number": 0, "task": 1, "responsible": 2}, True, "嘉兴 2023: 主要工作任务 is not read as 工作任务"),
    (["序 号", "工作任务", "牵头负责部门"], {"number": 0, "task": 1, "lead": 2}, True, "国办函〔2016〕38号; a space inside 序号"),
    (["序号", "重点任务", "牵头部门", "参与单位", "时间节点"], {"number": 0, "task": 1, "lead": 2, "support": 3, "deadline": 4}, True, "synonyms"),
    (["序号", "任务", "完成时限（2024年）："], {"number": 0, "task": 1, "deadline": 2}, True, "a note after the header word"),
    (["序号", "单位名称", "联系人", "电话"], {"number": 0}, False, "a contact list is no task table"),
    (["重点任务", "备注"], {"task": 0, "other": 1}, False, "a task column alone says nobody and no date (备注 holds no role)"),
    (["序号", "任务名称", "任务内容", "牵头部门", "配合部门", "时间节点"],
     {"number": 0, "name": 1, "task": 2, "lead": 3, "support": 4, "deadline": 5}, True,
     "宝山 2019: two task columns, the last holds the task, the earlier its name"),
    (["任务类型", "序号", "工作任务", "推进单位"], {"name": 0, "number": 1, "task": 2, "responsible": 3}, True,
     "静安 2023: the name column before 序号; 推进单位 = the responsible units"),
    (["序号", "任务类型", "重点内容", "责任单位", "参考文件"], {"number": 0, "name": 1, "task": 2, "responsible": 3, "other": 4}, True,
     "嘉定 2024: 重点内容 is the task; 参考文件 holds no role"),
    (["序号", "项目", "实施计划", "责任单位", "配合单位"], {"number": 0, "name": 1, "task": 2, "responsible": 3, "support": 4}, True,
     "民生实事: the project is the name, its 实施计划 the task (session 9)"),
    (["序号", "项目类别", "项目名称", "建设内容", "责任单位"], {"number": 0, "other": 1, "name": 2, "task": 3, "responsible": 4}, True,
     "项目类别 is a field, not a second task column before 项目名称"),
    (["序号", "内容", "牵头部门", "配合部门", "2024年工作任务", "2025年工作计划", "备注"],
     {"number": 0, "name": 1, "lead": 2, "support": 3, "task": 5, "other": 6}, True,
     "内容 names the row; the last work column is the task (2024年工作任务 a field of the row)"),
    (["序号", "事项名称", "职权类型", "行使主体", "责任事项"], {"number": 0, "task": 1, "other": 2, "responsible": 3}, True,
     "a 权责清单: 行使主体 is who is responsible"),
    (["序号", "目标与任务", "分 管 县领导", "牵头责任单位", "责任单位"],
     {"number": 0, "task": 1, "leader": 2, "lead": 3, "responsible": 4}, True,
     "南陵 2024: 分管县领导 is a person column (a level inside the word), not the end of the header"),
    (["序号", "重点任务", "联系市领导", "牵头单位"], {"number": 0, "task": 1, "leader": 2, "lead": 3}, True,
     "联系市领导: a person column"),
    (["序号", "工作任务", "责任单位", "一季度目标", "目标完成情况"], {"number": 0, "task": 1, "responsible": 2, "other": 4}, True,
     "目标完成情况 is a status column, no task (一季度目标 names none)"),
]


@pytest.mark.parametrize(("cells", "columns", "is_tasks", "why"), HEADERS, ids=[h[3] for h in HEADERS])
def test_header_words_name_the_columns(cells, columns, is_tasks, why):
    found = header_columns(cells)
    assert found == columns, why
    assert is_task_header(found) is is_tasks, why


TABLE = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["一、政务服务", "", "", "", ""],
    ["1", "全面推行政务服务事项清单管理", "市政务服务局", "市发展改革委、市司法局", "2024年6月底前"],
    ["2", "推进政务服务“一网通办”", "市政务服务局、市大数据局", "市发展改革委，市财政局；市司法局", "2024年12月底前"],
    ["二、市场环境", "", "", "", ""],
    ["3", "建立营商环境监测评价机制", "市发展改革委", "", "全年"],
    ["4", "清理妨碍统一市场的规定", "市市场监管局（市知识产权局）", "市司法局", "长期坚持"],
]

#: Row (by 序号) → (label, lead, support, deadline texts, source, why)
EXPECTED = {
    "1": ("一1", ["市政务服务局"], ["市发展改革委", "市司法局"], ["2024年6月底前"], "表1 第3行", "plain row"),
    "2": ("一2", ["市政务服务局", "市大数据局"], ["市发展改革委", "市财政局", "市司法局"], ["2024年12月底前"], "表1 第4行", "names split at ，；"),
    "3": ("二3", ["市发展改革委"], [], ["全年"], "表1 第6行", "the time column is read like a tag's time words: 全年 is kept as written, ongoing, no date"),
    "4": ("二4", ["市市场监管局"], ["市司法局"], [], "表1 第7行",
          "a second name in brackets (Task.subunits); 长期坚持 sets no limit: no deadline (the words stay in the tag)"),
}


def _check_table_tasks(tasks, source_suffix=""):
    rows = [t for t in tasks if t.kind == "task"]
    assert len(rows) == 4
    for t in rows:
        label, lead, support, deadlines, source, why = EXPECTED[t.label[-1]]
        assert (t.label, t.lead, t.support, [d.text for d in t.deadlines], t.source) == (label, lead, support, deadlines, source + source_suffix), why
    assert rows[2].clauses[-1] == "全年" and rows[3].clauses[-1] == "长期坚持"
    assert rows[3].subunits == {"市市场监管局": ["市知识产权局"]}
    assert rows[0].tag == "（牵头单位：市政务服务局；配合单位：市发展改革委、市司法局；完成时限：2024年6月底前）"
    assert rows[0].part_title == "政务服务" and rows[2].part_title == "市场环境"


def test_docx_task_table_gives_roles_deadlines_and_rows(tmp_path):
    path = make_docx(["某市2024年优化营商环境重点任务分工方案"], tmp_path / "t.docx", table=TABLE)
    extracted = read_document(path, use_cache=False)
    assert extracted.tables == 1
    doc, tasks = parse_document(extracted.text, doc_id="t")
    assert doc.title == "某市2024年优化营商环境重点任务分工方案"
    assert doc.parts == [("一", "政务服务"), ("二", "市场环境")]
    _check_table_tasks(tasks)


def test_xlsx_task_table_reads_like_the_docx(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in TABLE:
        ws.append(row)
    ws.merge_cells("A2:E2")
    ws.merge_cells("A5:E5")
    path = tmp_path / "t.xlsx"
    wb.save(path)
    extracted = read_document(path, use_cache=False)
    assert extracted.format == "xlsx"
    _, tasks = parse_document(extracted.text, doc_id="t")
    _check_table_tasks(tasks)


def test_xlsx_vertical_merge_applies_to_every_row(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["序号", "重点任务", "牵头单位", "完成时限"], ["1", "推进甲项工作", "市发展改革委", "2024年底前"], ["2", "推进乙项工作", None, "2025年底前"]]:
        ws.append(row)
    ws.merge_cells("C2:C3")
    path = tmp_path / "v.xlsx"
    wb.save(path)
    _, tasks = parse_document(read_document(path, use_cache=False).text, doc_id="v")
    assert [t.lead for t in tasks if t.kind == "task"] == [["市发展改革委"], ["市发展改革委"]]


def test_pdf_task_table_is_read_as_cells(tmp_path):
    path = make_pdf(["某市2024年优化营商环境重点任务分工方案"], tmp_path / "t.pdf", table=TABLE)
    extracted = read_document(path, use_cache=False)
    assert extracted.tables == 1
    _, tasks = parse_document(extracted.text, doc_id="t")
    _check_table_tasks(tasks, "，第1页")


def test_tab_separated_text_is_a_table_too(tmp_path):
    text = "某市2024年优化营商环境重点任务分工方案\n\n" + "\n".join("\t".join(r) for r in TABLE) + "\n"
    _, tasks = parse_document(text, doc_id="t")
    _check_table_tasks(tasks)


MAIN_TEXT = [
    "某市优化营商环境实施方案",
    "一、重点任务",
    "（一）全面推行政务服务事项清单管理。编制并公布政务服务事项清单，实行动态调整。",
    "（二）建立营商环境监测评价机制。定期开展评价，通报结果。",
    "二、保障措施",
    "加强组织领导，压实工作责任。",
]
ATTACHMENT = [
    ["序号", "重点任务", "责任单位", "完成时限"],
    ["1", "全面推行政务服务事项清单管理", "市政务服务局（牵头）、市司法局", "2024年6月底前"],
    ["2", "建立营商环境监测评价机制", "市发展改革委", "2024年12月底前"],
    ["3", "开展营商环境宣传活动", "市委宣传部", "全年"],
]


def test_attachment_rows_are_matched_back_to_the_text(tmp_path):
    path = make_docx(MAIN_TEXT, tmp_path / "a.docx", table=ATTACHMENT, table_caption=["附件1", "重点任务分工表"])
    _, tasks = parse_document(read_document(path, use_cache=False).text, doc_id="a")
    by_label = {t.label: t for t in tasks}
    first, second = by_label["一（一）"], by_label["一（二）"]
    # Matched: the text's paragraph gets the row's roles, deadline and citation.
    assert (first.kind, first.lead, first.support, first.source) == ("task", ["市政务服务局"], ["市司法局"], "附件1 第2行")
    assert [d.text for d in first.deadlines] == ["2024年6月底前"]
    assert (second.sole, [d.text for d in second.deadlines], second.source) == (["市发展改革委"], ["2024年12月底前"], "附件1 第3行")
    # Not in the text: a task of its own, cited under the attachment.
    extra = by_label["附件1-3"]
    assert (extra.sole, extra.part, extra.part_title, extra.source) == (["市委宣传部"], "附件1", "重点任务分工表", "附件1 第4行")
    # The caption is not left in the text as a paragraph.
    assert not any(t.text in ("附件1", "重点任务分工表") for t in tasks)
    assert by_label["二"].text == "加强组织领导，压实工作责任。"


def _numbered_docx(path: Path) -> Path:
    """Headings whose 一、/（一） Word generates from a chineseCounting list (not in the text)."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def add(text, level):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    d.add_paragraph("某市推进工作实施方案")
    add("总体要求", 0)
    d.add_paragraph("坚持问题导向。")
    add("重点任务", 0)
    add("加强组织领导。", 1)
    add("建立工作机制。（市发展改革委牵头）", 2)
    add("完善考核办法。（市财政局负责）", 2)
    add("强化督促检查。", 1)
    add("开展专项督查。（市政府督查室负责）", 2)
    d.save(str(path))
    return path


def test_word_numbering_is_restored_from_its_definitions(tmp_path):
    text = read_document(_numbered_docx(tmp_path / "n.docx"), use_cache=False).text
    assert text.splitlines() == [
        "某市推进工作实施方案", "一、总体要求", "坚持问题导向。", "二、重点任务", "（一）加强组织领导。",
        "1.建立工作机制。（市发展改革委牵头）", "2.完善考核办法。（市财政局负责）", "（二）强化督促检查。",
        "1.开展专项督查。（市政府督查室负责）",
    ]
    _, tasks = parse_document(text, doc_id="n")
    assert [(t.label, t.departments()) for t in tasks if t.kind == "task"] == [
        ("二（一）1", ["市发展改革委"]), ("二（一）2", ["市财政局"]), ("二（二）", ["市政府督查室"]),
    ]


@pytest.mark.parametrize(("n", "fmt", "written"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCountingThousand", "二十"), (35, "japaneseCounting", "三十五"), (105, "chineseCounting", "一百零五"),
    (3, "decimal", "3"), (3, "decimalFullWidth", "３"), (2, "decimalEnclosedCircle", "②"), (1, "ideographTraditional", "甲"),
    (1, "bullet", None),
])
def test_word_number_formats(n, fmt, written):
    from kb.ingest.docx import format_number

    assert format_number(n, fmt) == written


def test_other_tables_stay_in_the_text_one_row_a_paragraph():
    text = ("某市推进工作实施方案\n一、工作安排\n各单位联系人如下：\n\n序号\t单位\t联系人\n1\t市发展改革委\t张三\n"
            "2\t市财政局\t李四\n\n二、工作要求\n加强协作。\n")
    _, tasks = parse_document(text, doc_id="x")
    assert [t.text for t in tasks] == ["各单位联系人如下：", "序号｜单位｜联系人", "1｜市发展改革委｜张三", "2｜市财政局｜李四", "加强协作。"]


def test_tabs_used_as_spacing_are_no_table():
    text = "某市推进工作实施方案\n\t一、重点任务\n\t（一）加强组织。做好工作。（市发展改革委牵头）\n国务院\t\t2018年12月21日\n"
    _, tasks = parse_document(text, doc_id="x")
    assert [(t.label, t.lead) for t in tasks if t.kind == "task"] == [("一（一）", ["市发展改革委"])]


#: (a line at a page's top or bottom, dropped as a page number?, why)
PAGE_NUMBERS = [
    ("— 2 —", True, "公文 footer with em dashes"),
    ("· 23 ·", True, "bulletin footer with middle dots"),
    ("- 3 -", True, "ASCII dashes"),
    ("－ 12 －", True, "full-width hyphens"),
    ("第 2 页", True, "第N页"),
    ("第2页 共10页", True, "with the page count"),
    ("共10页 第2页", True, "count first"),
    ("3/10", True, "N/M"),
    ("Page 4 of 9", True, "English"),
    ("12", True, "a bare number"),
    ("2020年", False, "a year is text"),
    ("19.5%。", False, "a wrapped number ends a sentence"),
    ("（市生态环境局牵头）", False, "a tag"),
    ("一、总体要求", False, "a heading"),
]


@pytest.mark.parametrize(("line", "dropped", "why"), PAGE_NUMBERS, ids=[p[2] for p in PAGE_NUMBERS])
def test_page_number_lines(line, dropped, why):
    from kb.ingest.vocab import load_vocabulary

    assert any(p.fullmatch(line) for p in load_vocabulary().page_number) is dropped, why


@pytest.mark.parametrize(("yaml_text", "words"), [
    ("version: 2\n", "version: 1"),
    ("version: 1\ncolumns: {task: [任务]}\nattachment_caption: '^附件(\\d*)'\n", "恰好为这些列列出表头词：number, task"),
    ("version: 1\ncolumns: {number: [序号], task: [任务], lead: [牵头单位], support: [牵头单位], responsible: [责任单位], leader: [责任人], deadline: [时限]}\n"
     "attachment_caption: '^附件(\\d*)'\n", "同时列在 columns.lead 和 columns.support 下"),
    ("version: 1\ncolumns: {number: [序号], task: [任务], lead: [牵头单位], support: [配合单位], responsible: [责任单位], leader: [责任人], deadline: [时限]}\n"
     "attachment_caption: '^附件'\n", "需要一个分组"),
    ("version: 1\ncolumns: {number: [序号], task: [任务], lead: [牵头单位], support: [配合单位], responsible: [责任单位], leader: [责任人], deadline: [时限]}\n"
     "attachment_caption: '^附件(\\d*)'\nrow_numbering: ['^\\d+、']\n", "row_numbering 的每个正则表达式需要一个分组"),
    ("version: 1\ncolumns: {number: [序号], task: [任务], lead: [牵头单位], support: [配合单位], responsible: [责任单位], leader: [责任人], deadline: [时限]}\n"
     "attachment_caption: '^附件(\\d*)'\nyear_column_header: '('\n", "year_column_header 或 row_numbering 不是有效的正则表达式"),
])
def test_table_vocabulary_is_validated(tmp_path, yaml_text, words):
    from kb.errors import KbError
    from kb.parser.tables import load_vocabulary

    path = tmp_path / "tables.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(KbError, match=words):
        load_vocabulary(str(path))


@pytest.mark.parametrize(("yaml_text", "words"), [
    ("version: 1\npage_number_patterns: ['(']\n", "不是有效的正则表达式"),
    ("version: 1\npage_number_patterns: ['x']\narticle_selectors: ['div > p']\ndrop_tags: [nav]\ndrop_words: [nav]\nmin_article_chars: 5\n", "不是“#id”"),
    ("version: 1\npage_number_patterns: ['x']\narticle_selectors: ['#a']\ndrop_tags: [nav]\ndrop_words: [nav]\nmin_article_chars: 0\n", "应为正整数"),
    ("version: 1\npage_number_patterns: ['x']\narticle_selectors: ['#a']\ndrop_tags: [nav]\ndrop_words: [nav]\nmin_article_chars: 5\n"
     "title_marks: [title]\npage_metadata_labels: [来源]\npublication_labels: [发布时间]\n", "publication_labels"),
    ("version: 1\npage_number_patterns: ['x']\narticle_selectors: ['#a']\ndrop_tags: [nav]\ndrop_words: [nav]\nmin_article_chars: 5\n",
     "应为非空字符串的列表"),
])
def test_ingest_vocabulary_is_validated(tmp_path, yaml_text, words):
    from kb.errors import KbError
    from kb.ingest.vocab import load_vocabulary

    path = tmp_path / "ingest.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(KbError, match=words):
        load_vocabulary(str(path))


@pytest.mark.parametrize("repeat_header", [False, True], ids=["header once", "header repeated on each page"])
def test_pdf_table_going_on_over_pages_is_one_table(tmp_path, repeat_header):
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    rows = [[str(n), f"推进第{n}项重点工作，完善工作机制，加强督促检查", "市发展改革委", "市财政局、市司法局", "2025年6月底前"] for n in range(1, 61)]
    path = make_pdf(["某市重点任务分工方案"], tmp_path / "long.pdf", table=[header] + rows, repeat_header=repeat_header)
    extracted = read_document(path, use_cache=False)
    assert extracted.pages >= 3 and extracted.tables == 1
    _, tasks = parse_document(extracted.text, doc_id="l")
    got = [t for t in tasks if t.kind == "task"]
    assert [t.label for t in got] == [str(n) for n in range(1, 61)]
    pages = [int(t.source.split("第")[-1].rstrip("页")) for t in got]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == extracted.pages
    assert got[-1].source == f"表1 第61行，第{extracted.pages}页" and got[-1].lead == ["市发展改革委"]
    # Each row is cited on the page where it stands.
    page_texts = extracted.text.split("\f")
    assert all(f"{t.label}\t推进第{t.label}项" in page_texts[p - 1] for t, p in zip(got, pages))
