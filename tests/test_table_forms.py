"""One definition of a task for every form of a task table: the same 任务分工表 as a DOCX table and as text
flattened one cell a paragraph (its 任务名称 given once, a merged cell) gives the same tasks."""

from kb.ingest import read_document
from kb.parser import parse_document
from plan_files import make_docx

TITLE = "某区2024年重点任务分工方案"
HEADER = ["序号", "任务名称", "任务内容", "牵头单位", "配合单位", "完成时限"]
ROWS = [["1", "加强组织领导", "召开全区动员大会，建立联席会议制度。", "区政府办公室", "各街镇", "2024年3月底前"],
        ["2", "加强组织领导", "将工作纳入绩效评价指标体系。", "区委组织部", "区财政局、区民政局", "2024年6月底前"],
        ["3", "推进源头减量", "推动旅馆、餐饮行业减少使用一次性用品。", "区文化旅游局、区市场监管局", "区商务委", "全年"]]


def _read(tasks):
    return [(t.title, t.lead, t.support, [d.text for d in t.deadlines], t.fields.get("任务名称"))
            for t in tasks if t.source and ("第" in t.source or "序号" in t.source)]


def test_docx_table_and_flattened_text_give_the_same_tasks(tmp_path):
    path = make_docx([TITLE], tmp_path / "t.docx", table=[HEADER, *ROWS])
    _, from_docx = parse_document(read_document(path, use_cache=False).text, "t")
    cells = [*HEADER]
    for i, row in enumerate(ROWS):
        cells += [row[0]] + ([row[1]] if i != 1 else []) + row[2:]  # row 2's 任务名称 is the merged cell of row 1
    _, from_text = parse_document(TITLE + "\n\n" + "\n\n".join(cells) + "\n", "t")
    assert _read(from_docx) == _read(from_text) == [
        ("加强组织领导", ["区政府办公室"], ["各街镇"], ["2024年3月底前"], "加强组织领导"),
        ("加强组织领导", ["区委组织部"], ["区财政局", "区民政局"], ["2024年6月底前"], "加强组织领导"),
        ("推进源头减量", ["区文化旅游局", "区市场监管局"], ["区商务委"], ["全年"], "推进源头减量"),
    ]
