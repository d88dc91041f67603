"""Plan-wide notes in the words `除特别注明的外，X都是配合单位` / `以上任务X均为配合单位` / `未注明的，由X负责落实` (session 14, prose5;
tagsblind9 11's cover notice, reworded), table-driven, written BEFORE the code.

A note is plan-wide only by its own words: 除特别注明(的)外 / 除另有注明外 (every task the plan does not mark otherwise),
以上/上述 + 任务 (every task before the note), 未注明的 (every task that names nobody).  Then:
- `…都是/均为配合单位`: the units support every task in its scope that does not name them (a unit the task names keeps its
  own role; the task's own units keep theirs);
- `未注明的，由X负责落实`: X is responsible for the tasks in the plan that name no unit of their own — never added beside
  a task's own units (they ARE 注明).
Controls: a note without plan-wide words (各区政府为配合单位), 各配合单位要各司其职, 除特别注明的外 + no unit, an exception
naming one task (除第3项外 — which tasks is not proved: honest, nothing added)."""

import pytest

from kb.parser import parse_document

COVER = ("各县（市、区）人民政府，市政府各部门：\n现将《某市城乡环境整治实施方案》印发给你们，请认真贯彻执行。{note}\n"
         "某市人民政府办公室\n2024年3月1日\n某市城乡环境整治实施方案\n为推进城乡环境整治，制定本方案。\n一、重点任务\n"
         "1.推进垃圾分类。（市城管局牵头，市财政局配合）\n2.建设口袋公园。（市园林局负责）\n"
         "3.整治农村人居环境。（市农业农村局、各县（市、区）人民政府负责）\n")

# (note in the cover notice, support added to tasks 1–3, why)
COVER_ROWS = [
    ("除特别注明的外，各县（市、区）人民政府和市经济开发区管委会都是配合单位。",
     [["市财政局", "各县（市、区）人民政府", "市经济开发区管委会"], ["各县（市、区）人民政府", "市经济开发区管委会"],
      ["市经济开发区管委会"]],
     "除特别注明的外…都是配合单位 (tagsblind9 11); task 3 names 各县（市、区）人民政府 itself: it keeps its own role"),
    ("除另有注明外，市经济开发区管委会均为配合单位。",
     [["市财政局", "市经济开发区管委会"], ["市经济开发区管委会"], ["市经济开发区管委会"]], "除另有注明外…均为配合单位"),
    ("除特别注明外，市经济开发区管委会为各项任务的配合单位。",
     [["市财政局", "市经济开发区管委会"], ["市经济开发区管委会"], ["市经济开发区管委会"]],
     "除…外 before the form already read (X为各项任务的配合单位)"),
    ("各配合单位要各司其职，加强协作配合。", [["市财政局"], [], []], "control: no unit given to every task"),
    ("除特别注明的外，本方案自印发之日起施行。", [["市财政局"], [], []], "control: 除…外 without 配合单位"),
    ("市经济开发区管委会是配合单位。", [["市财政局"], [], []], "control: no plan-wide words — which tasks is not said"),
    ("除第3项任务外，市经济开发区管委会都是配合单位。", [["市财政局"], [], []],
     "control: an exception naming a task, not 注明 — left honest"),
]


def _tasks(text):
    _, tasks = parse_document(text, "p")
    return [t for t in tasks if t.kind == "task"]


@pytest.mark.parametrize(("note", "support", "why"), COVER_ROWS, ids=[r[-1][:20] for r in COVER_ROWS])
def test_unless_marked_cover_note(note, support, why):
    tasks = _tasks(COVER.format(note=note))
    assert [t.text[:2] for t in tasks] == ["1.", "2.", "3."]
    assert [t.support for t in tasks] == support, why
    assert tasks[0].lead == ["市城管局"] and tasks[1].sole == ["市园林局"]
    assert tasks[2].shared == ["市农业农村局", "各县（市、区）人民政府"]


PLAN = ("某县乡村振兴实施方案\n一、产业发展\n1.发展特色产业。（县农业农村局牵头，县财政局配合）\n2.培育龙头企业。（县商务局负责）\n"
        "{middle}二、人居环境\n3.改善人居环境。（县住建局负责）\n{closing}某县人民政府\n2024年5月6日\n")

# (a paragraph after part 一, a closing paragraph, support of tasks 1–3, why)
SCOPE_ROWS = [
    ("", "以上任务各乡镇人民政府均为配合单位。\n", [["县财政局", "各乡镇人民政府"], ["各乡镇人民政府"], ["各乡镇人民政府"]],
     "以上任务 in the closing words: every task before it"),
    ("以上任务，各乡镇人民政府均为配合单位。\n", "", [["县财政局", "各乡镇人民政府"], ["各乡镇人民政府"], []],
     "以上任务 after part 一: the tasks before it only, not part 二's"),
    ("上述各项任务各乡镇人民政府都是配合单位。\n", "", [["县财政局", "各乡镇人民政府"], ["各乡镇人民政府"], []], "上述各项任务"),
    ("", "各乡镇人民政府均为配合单位。\n", [["县财政局"], [], []], "control: no plan-wide words"),
]


@pytest.mark.parametrize(("middle", "closing", "support", "why"), SCOPE_ROWS, ids=[r[-1][:20] for r in SCOPE_ROWS])
def test_the_tasks_above_a_note(middle, closing, support, why):
    tasks = _tasks(PLAN.format(middle=middle, closing=closing))
    assert [t.support for t in tasks] == support, why


TABLE = ("某区2024年重点工作责任分解\n各街道办事处，区政府各部门：\n现将2024年重点工作责任分解印发给你们。{note}\n"
         "某区人民政府办公室\n2024年2月1日\n2024年重点工作责任分解\n一、重点工作\n"
         "1.推进老旧小区改造。\n牵头单位：区住建局\n配合单位：区财政局\n2.开展背街小巷整治。\n配合单位：区城管局\n"
         "3.完善养老服务。\n责任单位：区民政局\n")

# (note, roles of tasks 1–3 as (sole, shared, lead, support), why)
UNMARKED_ROWS = [
    ("未注明的，由各街道办事处负责落实。",
     [([], [], ["区住建局"], ["区财政局"]), (["各街道办事处"], [], [], ["区城管局"]), (["区民政局"], [], [], [])],
     "未注明的 (no responsible unit named: task 2 names a supporting unit only): the note's units are responsible there"),
    ("未注明责任单位的，由各街道办事处负责组织实施。",
     [([], [], ["区住建局"], ["区财政局"]), (["各街道办事处"], [], [], ["区城管局"]), (["区民政局"], [], [], [])],
     "未注明责任单位的…组织实施"),
    ("各街道办事处负责落实。",
     [([], [], ["区住建局"], ["区财政局"]), ([], [], [], ["区城管局"]), (["区民政局"], [], [], [])],
     "control: no 未注明 — not plan-wide"),
]


@pytest.mark.parametrize(("note", "expected", "why"), UNMARKED_ROWS, ids=[r[-1][:20] for r in UNMARKED_ROWS])
def test_unmarked_tasks_go_to_the_named_units(note, expected, why):
    tasks = _tasks(TABLE.format(note=note))
    assert [(t.sole, t.shared, t.lead, t.support) for t in tasks] == expected, why


TABLE_PLAN = "\n".join(["某市城市更新行动方案", "{note}", "附件", "重点任务分工表",
                        "\t".join(["序号", "重点任务", "牵头部门", "配合部门"]),
                        "\t".join(["1", "推进老旧小区改造", "市住建局", "市财政局"]),
                        "\t".join(["2", "建设口袋公园", "", "市园林局"])]) + "\n"

# (note before the table, (lead, sole, support) of rows 1–2, why) — written before the code (session 14, prose5)
TABLE_ROWS = [
    ("除特别注明的外，各区人民政府都是配合单位。",
     [(["市住建局"], [], ["市财政局", "各区人民政府"]), ([], [], ["市园林局", "各区人民政府"])],
     "a task table's rows are tasks of the plan too: the plan-wide note reaches them (it did not: the rows are built later)"),
    ("未注明的，由各区人民政府负责落实。",
     [(["市住建局"], [], ["市财政局"]), ([], ["各区人民政府"], ["市园林局"])],
     "a row naming no lead or responsible unit is the note's units' work"),
    ("各区人民政府是配合单位。", [(["市住建局"], [], ["市财政局"]), ([], [], ["市园林局"])], "control: no plan-wide words"),
]


@pytest.mark.parametrize(("note", "expected", "why"), TABLE_ROWS, ids=[r[-1][:20] for r in TABLE_ROWS])
def test_table_rows_get_plan_wide_notes(note, expected, why):
    tasks = _tasks(TABLE_PLAN.format(note=note))
    assert [(t.lead, t.sole, t.support) for t in tasks] == expected, why
