"""A bracket of bare unit names closing a plan's items as a HABIT (tagsblind7 cause 1: 西安 2018 市政办发〔2018〕72号,
`…发展。(市工信委、市财政局)` after every item, no role word anywhere): read as the responsible units, as dialects.md reads a
bare list (A3: each unit responsible, several share; under a first-is-lead rule the first leads).  A bracket like that
which is no habit of the plan (one alone, or among tags with role words) keeps today's warning and gives no role.

Each row: a whole small plan → the roles of each item (by its first characters) and whether the bracket warning stays →
why.  Written before the code (session 12, prose3); awkward rows: a bracket inside a sentence, a bracket that names no
unit, a lone bare bracket, bare brackets among role tags."""

import pytest

from kb.model import ROLES
from kb.parser import parse_document

HABIT = ("某市关于支持实体经济发展的若干措施\n一、支持工业\n"
         "（一）加大投入力度。累计安排专项资金不低于30亿元。(市工信委、市财政局)\n"
         "（二）支持企业扩大投资。对新引进的重点项目给予补助。(市工信委、市财政局)\n"
         "（三）支持商贸流通。对新开设的连锁门店给予奖励。(市商务局)\n")
FIRST_LEAD = ("某省关于加快农业发展的意见\n列第一位者为牵头单位，下同。\n一、主要任务\n"
              "（一）提升装备水平。推广先进适用农机。（省农业厅、省财政厅、省科技厅）\n"
              "（二）加强人才培养。开展农机手培训。（省人社厅、省农业厅）\n")
IN_SENTENCE = ("某市关于统计工作的措施\n一、主要任务\n"
               "（一）做好数据报送。每月报送市政府（市政府办公厅）汇总。(市统计局)\n"
               "（二）加强统计监督。开展统计执法检查。(市统计局、市司法局)\n"
               "（三）做好培训工作。按年度计划开展培训。(详见附件)\n")
LONE = ("某市关于统计工作的措施\n一、主要任务\n"
        "（一）做好数据报送。按月报送统计数据。(市统计局)\n"
        "（二）加强统计监督。开展统计执法检查。\n")
STATE_FIRMS = ("某区盘活低效用地行动方案\n一、主要任务\n"
               "1.开展收储出让。对低效用地依法收储。（各街镇、区规划资源局）\n"
               "2.开展资源收购。鼓励国企收购低效用地。（各街镇、区属国企）\n"
               "3.发挥国企作用。国企发挥主力军作用。（区属国企）\n")
AMONG_TAGS = ("某市关于统计工作的措施\n一、主要任务\n"
              "（一）做好数据报送。按月报送统计数据。（市统计局牵头，市财政局配合）\n"
              "（二）加强统计监督。开展统计执法检查。（市司法局负责）\n"
              "（三）做好培训工作。按年度计划开展培训。（市人社局）\n")

ROWS = [
    (HABIT, "（一）加大", {"shared": ["市工信委", "市财政局"]}, False, "a bare list as the plan's habit: responsible, several share"),
    (HABIT, "（三）支持", {"sole": ["市商务局"]}, False, "one unit: responsible alone"),
    (FIRST_LEAD, "（一）提升", {"lead": ["省农业厅"], "support": ["省财政厅", "省科技厅"]}, False,
     "the plan's first-is-lead rule governs its bare lists"),
    (IN_SENTENCE, "（一）做好", {"sole": ["市统计局"]}, False,
     "a bracket inside a sentence (市政府（市政府办公厅）) is no tag: only the closing one"),
    (IN_SENTENCE, "（三）做好", {}, False, "a closing bracket naming no unit: no roles"),
    (LONE, "（一）做好", {}, True, "one bare bracket is no habit: the warning stays, no role guessed"),
    (AMONG_TAGS, "（三）做好", {}, True, "a bare bracket among tags with role words: the warning stays"),
    (AMONG_TAGS, "（一）做好", {"lead": ["市统计局"], "support": ["市财政局"]}, False, "the role tags as before"),
    (STATE_FIRMS, "2.开展", {"shared": ["各街镇", "区属国企"]}, False,
     "区属国企 (state firms of the district) ends like a unit (国企, as 企业): holdout12 jdpd items 4, 5, 10 were warned"),
    (STATE_FIRMS, "3.发挥", {"sole": ["区属国企"]}, False, "the same alone"),
]


@pytest.mark.parametrize(("text", "item", "roles", "warned", "why"), ROWS, ids=[f"{r[0][2:6]}-{r[1]}" for r in ROWS])
def test_bare_bracket(text, item, roles, warned, why):
    _, tasks = parse_document(text, "p")
    (task,) = [t for t in tasks if t.text.startswith(item)]
    assert {k: v for k in ROLES if (v := getattr(task, k))} == roles, why
    assert any("没有职责词" in w for w in task.warnings) == warned, why


def test_habit_plan_is_tagged():
    doc, tasks = parse_document(HABIT, "p")
    assert doc.tagged and not any("没有职责标注" in w for w in doc.warnings)
    assert [t.role_source for t in tasks if t.text.startswith("（")] == ["tag", "tag", "tag"]
