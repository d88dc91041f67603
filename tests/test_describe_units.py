"""One line of a task's units by role (kb.listing.describe_departments) for kb duties, the stored duty lines, the TUI
and kb ask: the units responsible first (牵头, 单独负责, 共同负责, 指导), 配合 last; under a department's own list, the
other holders of its role as 其他牵头单位 / 其他配合单位 … (kb/data/listing.yaml).

Before session 13 kb duties and the TUI printed a task's co-leads under the department's own 牵头 group as
``牵头：B`` — read as "B leads (and you do not)" — while kb ask said ``其他牵头单位：B`` (review s12 item 4).
Rows written by hand before the code.
"""

from __future__ import annotations

import pytest

from kb.listing import describe_departments
from kb.model import Plan, Task
from kb.parser import parse_document
from kb.qa.result import describe


def _task(subunits=None, **roles):
    return Task(id="d#1", doc="d", label="一1", part="一", part_title="", section="", section_title="", kind="task",
                title="", text="x", subunits=subunits or {}, **roles)


#: (task, department whose list it is (None: no list), line expected, why)
ROWS = [
    (_task(lead=["A局", "B局"], support=["C局"]), "A局", "其他牵头单位：B局；配合：C局", "a co-lead is another lead"),
    (_task(lead=["A局"], support=["B局", "C局"]), "B局", "牵头：A局；其他配合单位：C局", "co-supporters under 配合"),
    (_task(lead=["A局", "B局"], support=["C局"]), None, "牵头：A局、B局；配合：C局", "no list: every holder plainly"),
    (_task(lead=["A局"]), "A局", "", "the department alone: nothing else to say"),
    (_task(support=["Y局"], guide=["X部"], lead=["A局"]), None, "牵头：A局；指导：X部；配合：Y局",
     "responsible first, 配合 last (the model's order put 指导 and 配合 before 负责)"),
    (_task(support=["Y局"], sole=["A局"]), "Y局", "负责：A局", "a table row's 负责 before the supporter's own list"),
    (_task(shared=["A区", "B区", "C区"]), "B区", "其他共同负责单位：A区、C区", "the shared holders beside the one asked"),
    (_task(lead=["市发展改革委", "市财政局"], subunits={"市发展改革委": ["市能源办"]}), "市能源办",
     "其他牵头单位：市财政局", "a sub-unit's list: its parent is itself"),
    (_task(lead=["市发展改革委"], support=["市财政局"], subunits={"市发展改革委": ["市能源办"]}), "市财政局",
     "牵头：市发展改革委（市能源办）", "sub-units in brackets"),
]


@pytest.mark.parametrize("task,department,line,why", ROWS, ids=[r[3] for r in ROWS])
def test_one_line_for_lists_and_answers(task, department, line, why):
    assert describe_departments(task, exclude=department) == line, why
    assert describe(task, department) == line, f"kb ask: {why}"


PLAN = "\n".join([
    "某区垃圾分类工作方案", "", "一、主要任务", "",
    "1.建设分类设施。（区绿化市容局、区住房城乡建设管理委牵头，区财政局配合）", "",
    "2.开展宣传。（区绿化市容局牵头，区教育局、区财政局配合）", "",
]) + "\n"


def test_kb_duties_stored_and_built_alike(tmp_path, capsys):
    """kb duties (the store's rendered lines) says the co-lead as 其他牵头单位, as a plan built in memory does."""
    from kb.cli import main
    from kb.duties import duty_lines

    path = tmp_path / "p.txt"
    path.write_text(PLAN, "utf-8")
    assert main(["--corpus", str(path), "duties", "区绿化市容局"]) == 0
    out = capsys.readouterr().out
    assert "（其他牵头单位：区住房城乡建设管理委；配合：区财政局）" in out, out
    assert "（配合：区教育局、区财政局）" in out, out
    doc, tasks = parse_document(PLAN, "p", "p.txt")
    built = [line.others for line in duty_lines(Plan([doc], tasks), "区财政局")]
    assert built == ["牵头：区绿化市容局、区住房城乡建设管理委", "牵头：区绿化市容局；其他配合单位：区教育局"]
