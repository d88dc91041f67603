"""A file that is one task table and nothing else (a page excerpt: 序号 | 工作任务 | 责任单位 | 完成时限 rows): its table
is taken out before cleanup, so no paragraph is left — the file has text, and kb must not warn 文件中没有文字 while it
lists the table's rows (tagsblind11 略阳: 20 tasks under that warning).  A file with no text at all still says so."""

from kb.parser import parse_document

TABLE_ONLY = """序号 | 工作任务 | 责任单位 | 完成时限 |
1 | 建成县级游客服务中心 | 县文化和旅游局 | 2019年10月底前 |
2 | 新增A级旅游景区2个 | 县文化和旅游局、县发展改革局 | 2019年12月底前 |
"""


def test_a_file_that_is_one_task_table_has_text():
    doc, tasks = parse_document(TABLE_ONLY, "t")
    assert [t for t in tasks if t.text.startswith("建成县级游客服务中心")], [t.text for t in tasks]
    assert not any("文件中没有文字" in w for w in doc.warnings), doc.warnings


def test_a_file_of_blank_lines_still_says_it_has_no_text():
    doc, tasks = parse_document("\n \n\n", "t")
    assert not tasks and any("文件中没有文字" in w for w in doc.warnings), doc.warnings
