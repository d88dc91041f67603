"""A whole task table on ONE line with no delimiter at all (a PDF's text layer that lost every cell boundary: tagsblind9
嘉兴 十一五; tagsblind10 cause routed to flat2): ``序号主要工作任务第一责任单位主要责任单位一、…1地区生产总值…。市发展改革委
各县(市、区)政府2…``.  The header's cells are known column words run together; the rows start at 序号 1, 2, 3 … in
sequence, each right after a unit name (or a heading row 二、…); a row is cut only where its cells are proved: its task
text ends with 。 and everything after it is unit names, and the unit names run together (no 、，) exactly once per
boundary between unit columns.  A row that cannot be cut so gives NO roles (its units are named, unplaced) — never one
prose task pooling every row's units.  Rows of my own (市/区/县); expectations written before the code
(kb/parser/flattened.py ``glued_header_tables``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _rows(text: str):
    doc, tasks = parse_document(text, "t")
    return doc, tasks


#: (text, expected {task text opening: (lead, support, sole + shared)}, openings that must get no role, why)
CASES = [
    ("某市“十四五”规划纲要主要目标任务分解落实方案\n"
     "—1—某市“十四五”规划纲要主要目标任务分解落实方案序号主要工作任务第一责任单位主要责任单位一、主要发展指标"
     "1全市地区生产总值年均增长8%左右。市发展改革委各县(市、区)政府、市经济开发区"
     "2城镇居民人均可支配收入年均增长7%。市统计局市人力社保局、各县(市、区)政府—2—二、产业升级"
     "3加快建设先进制造业基地,到2025年规上工业增加值达到1500亿元。市经信局市发展改革委、市科技局,各县(市、区)政府"
     "4推进技术创新和成果转化市科技局市发展改革委、市经信局"
     "5主要污染物排放量控制在省下达指标内。市生态环境局市水利局市农业农村局、各县(市、区)政府"
     "6新增城镇就业每年3万人以上。市人力社保局各县(市、区)政府\n",
     {"全市地区生产总值年均增长8%左右": (["市发展改革委"], ["各县(市、区)政府", "市经济开发区"], []),
      "城镇居民人均可支配收入年均增长7%": (["市统计局"], ["市人力社保局", "各县(市、区)政府"], []),
      "加快建设先进制造业基地": (["市经信局"], ["市发展改革委", "市科技局", "各县(市、区)政府"], []),
      "新增城镇就业每年3万人以上": (["市人力社保局"], ["各县(市、区)政府"], [])},
     ["推进技术创新和成果转化", "主要污染物排放量控制在省下达指标内"],
     "市: 第一责任单位 leads, 主要责任单位 supports; digits inside a task (8%, 2025年, 1500亿元, 3万人) are no row "
     "numbers (a row number follows a unit name or a heading); row 4's task has no 。 (its end is not proved) and row 5's "
     "first unit cell may hold two units (three names run together): no roles for either"),
    ("某区2024年重点工作责任分解\n"
     "序号工作任务责任单位1实施城市更新行动,改造老旧小区30个。区住建局、各街道"
     "2推进生活垃圾分类全覆盖。区城管局3建设智慧停车平台,新增泊位2000个。区城管局、区大数据中心\n",
     {"实施城市更新行动": ([], [], ["区住建局", "各街道"]),
      "推进生活垃圾分类全覆盖": ([], [], ["区城管局"]),
      "建设智慧停车平台": ([], [], ["区城管局", "区大数据中心"])},
     [],
     "区: one unit column (责任单位): the units after the task's 。 are the row's responsible units"),
]


@pytest.mark.parametrize(("text", "expected", "honest", "why"), CASES, ids=[c[3][:40] for c in CASES])
def test_glued_table(text, expected, honest, why):
    doc, tasks = _rows(text)
    for opening, roles in expected.items():
        hits = [t for t in tasks if t.text.startswith(opening) or opening in t.text[:40]]
        assert len(hits) == 1, (why, opening, [t.text[:30] for t in tasks])
        t = hits[0]
        assert (t.lead, t.support, t.sole + t.shared) == roles, (why, opening)
    for opening in honest:
        hits = [t for t in tasks if opening in t.text[:40]]
        assert len(hits) == 1 and not any(hits[0].departments("any")), (why, opening, [(t.text[:30], t.lead) for t in hits])
    assert not any(len(t.lead) > 2 for t in tasks), why  # (never one task pooling every row's units)


def test_a_glued_row_with_a_person_column_stays_honest():
    """Awkward: 项目名称 and 主要内容 run together, then a person (分管领导) and two unit cells with nothing between them
    (何海平文体旅局晋陵公司轨道公司): the person's end and the lead's end are not proved — no role at all, never a pooled task."""
    text = ("某区2024年重点项目推进表\n"
            "序号项目名称主要内容区政府分管领导牵头单位配合单位1城市书房建设新建城市书房10家王建国文体旅局城投公司"
            "2轨道交通配套推进站点周边道路改造何海平交通局晋陵公司轨道公司\n")
    _, tasks = _rows(text)
    assert tasks and not any(t.lead or t.support for t in tasks), [(t.text[:20], t.lead, t.support) for t in tasks]


def test_a_line_naming_columns_in_prose_is_no_table():
    """Control: a sentence that names the columns in prose (序号、工作任务、责任单位 …) is no glued table."""
    text = "某区重点工作方案\n各单位要按照序号、工作任务、责任单位、完成时限的格式报送1份台账,区发改局负责汇总。\n"
    _, tasks = _rows(text)
    assert not any(t.source for t in tasks)


def test_a_page_continuing_a_glued_table_starts_at_its_first_row_number():
    """A page continuing the table (上接第三版): its rows are 21, 22, 23 … — read as row 1's would be (cut where proved,
    else honest), never one prose task pooling every row's units (tagsblind10 云南: 8 leads on one task).  Rows of my
    own at 省 level; the duty cell 'X、Y牵头;Z配合;W落实' is one cell (a ; inside it)."""
    text = ("某省重点任务分工清单\n(上接第三版)\n"
            "序号工作任务责任单位21推进婚育文化建设。省委宣传部、省民政厅牵头;省总工会配合;各州(市)政府落实"
            "22完善特别扶助制度。省财政厅牵头;省民政厅配合;各州(市)政府落实"
            "23做好医疗救助。省医保局牵头;省民政厅配合;各州(市)政府落实\n")
    _, tasks = _rows(text)
    rows = [t for t in tasks if t.source]
    assert len(rows) == 3, [(t.text[:20], t.source) for t in tasks]
    assert not any(len(t.lead) > 2 for t in tasks), [(t.text[:20], t.lead) for t in tasks]


def test_a_year_after_a_glued_header_is_no_row_number():
    """Control: the number after the header words is a year (2024年…), not a first row: no table read."""
    text = ("某区重点工作\n序号工作任务责任单位2024年全区要完成老旧小区改造30个,区住建局负责。\n")
    _, tasks = _rows(text)
    assert not any(t.source for t in tasks), [(t.text[:20], t.source) for t in tasks]
