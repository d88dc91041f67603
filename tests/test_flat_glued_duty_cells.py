"""A glued task table (cells run together on one line, no delimiter) whose ONE unit column writes its duty cell with role
words and ；/; between the role segments: ``X、Y牵头；Z配合；W落实`` (a newspaper's 分工清单; tagsblind10 云南 04 was
found, honest, but gave no role).  The cell is read by the same reader as a task table's role cell and a plan's bracket
(roles.cell_segments: 牵头 → lead, 配合 → support, a plain 负责/落实 repeats the column's role), ONLY where the row's cut is
proved: the task text ends at its last 。, everything after it is that cell, and every segment of the cell names units.
A cell reads as the same words read in a plan's bracket (one definition): ``W落实`` after a lead is the plan's
``按职责分工负责`` reading (shared), as ``（X牵头；W落实）`` is in a paragraph.
Otherwise the row stays honest: its whole text, no role.  Rows of my own at 省/市/县/区 level and in several wordings;
expectations written before the code (kb/parser/flattened.py ``_glued_row_cells``)."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _tasks(text: str):
    return parse_document(text, "t")[1]


def _one(tasks, opening, why):
    hits = [t for t in tasks if opening in t.text[:60]]
    assert len(hits) == 1, (why, opening, [t.text[:30] for t in tasks])
    return hits[0]


#: (text, {task opening: (lead, support, sole, shared)}, openings that must get NO role, why)
CASES = [
    ("某省重点任务分工清单\n"
     "序号工作任务责任单位1推进婚育文化建设。发挥新媒体作用。省委宣传部、省民政厅牵头；省总工会、团省委配合；各市(州)政府落实"
     "2完善特别扶助制度。省财政厅、省卫生健康委牵头；省联席会议成员单位配合；各市(州)政府落实"
     "3做好医疗救助工作。省医保局牵头；省民政厅、省乡村振兴局配合；各市(州)政府落实\n",
     {"推进婚育文化建设": (["省委宣传部", "省民政厅"], ["省总工会", "团省委"], [], ["各市(州)政府"]),
      "完善特别扶助制度": (["省财政厅", "省卫生健康委"], ["省联席会议成员单位"], [], ["各市(州)政府"]),
      "做好医疗救助工作": (["省医保局"], ["省民政厅", "省乡村振兴局"], [], ["各市(州)政府"])},
     [],
     "省, full-width ；: 牵头 → lead, 配合 → support, 落实 after them read as in a bracket (shared); the task's "
     "inner 。 is no end (its last 。 is)"),
    ("某市重点工作任务分工表\n"
     "序号重点任务责任单位21推进老旧小区改造,年内完成30个。市住建局牵头;市财政局配合"
     "22建设城市书房10家。市文广旅局牵头;各区政府负责"
     "23开展职业技能培训1万人次。市人社局\n",
     {"推进老旧小区改造": (["市住建局"], ["市财政局"], [], []),
      "建设城市书房10家": (["市文广旅局"], [], [], ["各区政府"]),
      "开展职业技能培训": ([], [], ["市人社局"], [])},
     [],
     "市, ASCII ; and rows numbered from 21 (a page continuing the table): 负责 after a lead as in a bracket; a "
     "lone unit with no role word is the column's (sole), as before; figures inside a task (30个, 10家, 1万人次) are no "
     "row numbers"),
    ("某县2024年民生实事分工\n"
     "序号工作任务责任单位完成时限1新建农村公路20公里。县交通运输局牵头;各乡镇配合2024年12月底前"
     "2改造农村户厕500户。县农业农村局牵头;县卫健局、各乡镇配合2024年11月底前\n",
     {"新建农村公路20公里": (["县交通运输局"], ["各乡镇"], [], []),
      "改造农村户厕500户": (["县农业农村局"], ["县卫健局", "各乡镇"], [], [])},
     [],
     "县, a time column after the duty cell: the time is cut off the cell (as after a plain unit cell), never after "
     "县 (a one-character name that ends like a unit)"),
    ("某区重点工作清单\n"
     "序号工作任务责任单位1完善社区服务体系。各项目牵头单位负责2推进智慧社区建设。区民政局牵头，各街道配合\n",
     {"完善社区服务体系": ([], [], ["各项目牵头单位"], []),
      "推进智慧社区建设": (["区民政局"], ["各街道"], [], [])},
     [],
     "区: 牵头 inside a name (各项目牵头单位) is no role word — the cell's role word is its closing 负责; segments "
     "joined by ， read as by ；"),
]


@pytest.mark.parametrize(("text", "expected", "honest", "why"), CASES, ids=[c[3][:40] for c in CASES])
def test_glued_duty_cell(text, expected, honest, why):
    tasks = _tasks(text)
    for opening, (lead, support, sole, shared) in expected.items():
        t = _one(tasks, opening, why)
        assert (t.lead, t.support, t.sole, t.shared) == (lead, support, sole, shared), (why, opening)
    for opening in honest:
        t = _one(tasks, opening, why)
        assert not any(t.departments("any")), (why, opening, t.lead, t.support, t.sole)


#: Awkward rows: the cut is NOT proved, so the row gets no role (its whole text stays its task), never a guess.
HONEST = [
    ("某省重点任务分工清单\n"
     "序号工作任务责任单位1推进婚育文化建设。省委宣传部牵头；省总工会配合"
     "2完善特别扶助制度省财政厅牵头；省民政厅配合"
     "3做好医疗救助工作。省医保局牵头；省民政厅配合\n",
     ["完善特别扶助制度"],
     "a task with no 。: where its text ends and the duty cell starts is not proved"),
    ("某市重点任务分工清单\n"
     "序号工作任务责任单位1推进老旧小区改造。市住建局牵头;市财政局配合"
     "2建设城市书房。市文广旅局牵头;各区政府负责"
     "4开展技能培训。市人社局牵头;市教育局配合\n",
     ["建设城市书房"],
     "row 3 is missing (a row lost at a page break): row 2's text runs on into row 4's — its duty cell is row 4's, "
     "the cell after its first 。 (units, role words, then a number) shows two rows in one"),
    ("某区重点工作清单\n"
     "序号工作任务责任单位1完善社区服务体系。各街道要牵头;加强宣传配合"
     "2推进智慧社区建设。区民政局牵头;各街道配合\n",
     ["完善社区服务体系"],
     "a duty cell whose segments are no units' names (各街道要, 加强宣传): row 2 is not told apart from row 1 — the "
     "one row is still the table's (honest), never a paragraph read for prose duties pooling both rows' units"),
]


@pytest.mark.parametrize(("text", "honest", "why"), HONEST, ids=[c[2][:40] for c in HONEST])
def test_glued_duty_cell_not_proved(text, honest, why):
    tasks = _tasks(text)
    for opening in honest:
        hits = [t for t in tasks if opening in t.text[:60]]
        assert hits, (why, opening, [t.text[:30] for t in tasks])
        for t in hits:
            assert not any(t.departments("any")), (why, opening, t.lead, t.support, t.sole)
    assert not any(len(t.lead) > 2 for t in tasks), why  # (never one task pooling every row's units)


@pytest.mark.parametrize("cell", ["省委宣传部、省民政厅牵头；省总工会、团省委配合；各市(州)政府落实",
                                  "市文广旅局牵头;各区政府负责", "县农业农村局牵头;县卫健局、各乡镇配合",
                                  "区民政局牵头，各街道配合"])
def test_a_glued_duty_cell_reads_as_the_same_words_in_a_bracket(cell):
    """One definition: a table's duty cell gives the roles its words give in a plan's bracket."""
    table = _tasks(f"某市分工清单\n序号工作任务责任单位1推进老旧小区改造。{cell}2建设城市书房。市财政局\n")
    prose = _tasks(f"某市实施方案\n一、重点任务\n1.推进老旧小区改造。（{cell}）\n2.建设城市书房。（市财政局负责）\n")
    t, p = _one(table, "推进老旧小区改造", cell), _one(prose, "推进老旧小区改造", cell)
    assert t.lead and (t.lead, t.support, t.sole, t.shared) == (p.lead, p.support, p.sole, p.shared), cell
