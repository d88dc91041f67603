"""A label made of a role word and a word of checking (牵头考核单位, 配合考核单位, 牵头考评部门, 责任督查单位) names who CHECKS
the work in a 目标责任考核 block that also names who does it (责任单位：各乡镇人民政府 / 牵头考核单位：县发改局): beside a label of
doers it is a field, never a role — 23847c5 read it as 牵头 and made the checkers the task's leads and the responsible units
their supporters (notes-review-diff R4).  Alone — the block's or bracket's ONLY unit label, as a 考评办法's
（6月底完成，牵头考核单位：X、Y） — it is the only naming of the work's owners, read by its role word (kept).  And a unit a
block names twice gets one role: the lead's (牵头单位：X / 责任单位：X、Y → X lead, Y support).  Rows (block, expected roles,
why), written before the code."""

import pytest

from kb.parser import parse_document

ROWS = [
    ("责任单位：各乡镇人民政府、县经济开发区\n牵头考核单位：县发改局、县统计局",
     {"shared": ["各乡镇人民政府", "县经济开发区"]},
     "县 考核 block: the checkers (牵头考核单位) are no leads; the responsible units keep their own reading"),
    ("责任单位：县发改局、各乡镇人民政府\n牵头考核单位：县发改局",
     {"shared": ["县发改局", "各乡镇人民政府"]},
     "县: a unit both responsible and checker keeps one role (the doer label's), never lead AND support"),
    ("责任单位：市商务局\n牵头考核单位：市商务局", {"sole": ["市商务局"]},
     "市: the same unit under both labels: sole, as the 责任单位 label says"),
    ("牵头落实单位：市人社局\n配合考核单位：市统计局", {"lead": ["市人社局"]},
     "市: 落实 is doing (a doer label), 考核 checking — the checker beside it is no supporter"),
    ("牵头单位：区住建局\n配合单位：区财政局、各街道\n牵头考评部门：区委督查室", {"lead": ["区住建局"], "support": ["区财政局", "各街道"]},
     "区: a 考评 checker after a full lead/support block adds nothing"),
    ("（责任单位：县教育局；牵头考核单位：县政府督查室）", {"sole": ["县教育局"]},
     "县 bracket form: the checker label beside 责任单位 in one bracket is a field"),
    ("（牵头单位：省发展改革委；配合考核单位：省统计局）", {"lead": ["省发展改革委"]},
     "省 bracket: a 配合 label of checking beside a lead label is no support"),
    # rows that must stay: the checker-made label as the ONLY unit label names the owners
    ("（6月底完成，牵头考核单位：县发改局、县统计局）", {"lead": ["县发改局", "县统计局"]},
     "stays: a 考评办法's bracket with no other unit label — its make-up label is the lead"),
    ("牵头考核单位：县统计局\n配合考核单位：县发改局、县财政局", {"lead": ["县统计局"], "support": ["县发改局", "县财政局"]},
     "stays: a block whose only unit labels are of that make-up"),
    ("责任考核单位：市财政局", {"sole": ["市财政局"]}, "stays: a responsible label of that make-up, alone"),
    # a unit named twice by doer labels: one role, the lead's
    ("牵头单位：市商务局\n责任单位：市商务局、市财政局", {"lead": ["市商务局"], "support": ["市财政局"]},
     "市: the lead listed again among the responsible units is no supporter of itself"),
    ("牵头单位：县农业农村局\n配合单位：县农业农村局、县财政局", {"lead": ["县农业农村局"], "support": ["县财政局"]},
     "县: the lead repeated in the 配合 list keeps the lead only"),
]


@pytest.mark.parametrize(("block", "roles", "why"), ROWS, ids=[r[-1][:16] for r in ROWS])
def test_a_checker_label_beside_a_doer_label_is_a_field(block, roles, why):
    text = "某县2020年度目标责任考核指标分解方案\n一、经济发展指标\n1.地区生产总值增长7%。\n" + block + "\n2.加快项目建设。（县发改局牵头）\n"
    _, tasks = parse_document(text, "p")
    task = tasks[0]
    assert task.text.startswith("1.地区生产总值增长7%。"), why
    assert {r: getattr(task, r) for r in ("lead", "support", "sole", "shared") if getattr(task, r)} == roles, why
