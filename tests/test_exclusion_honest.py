"""A question excluding something (除了A以外…, A以外的B) is answered only where the answer applies the exclusion (a value's
clause: kb.qa.executors.EXCLUSION_HONOURED); any other answer says kb cannot apply it — since 5cd8a8b the exclusion was
read, cut from the question, then dropped, and the answer LISTED A (review-qadiff R1: 除了市生态环境局以外，还有哪些部门配合
推广全封闭式干洗机 → 市生态环境局、市市场监管局).  Expected statuses by hand from the plans' tags."""

from pathlib import Path

import pytest

from kb.qa import Session
from kb.store import load_plan

ROOT = Path(__file__).resolve().parent.parent
GZ = ROOT / "tests" / "fixtures" / "plans" / "05_guangzhou_rencaijiju_2012.txt"

ROWS = [
    # (plan, question, status, words the answer must not give as its answer, words it must say, why)
    (None, "除了市生态环境局以外，还有哪些部门配合推广全封闭式干洗机？", "not_understood", [], ["市生态环境局以外"],
     "三（一）12 （市商务局牵头，市生态环境局、市市场监管局配合）: the answer listed 市生态环境局"),
    (None, "除市生态环境局以外，还有哪些部门牵头加强新车环境监管？", "not_understood", [], ["市生态环境局以外"],
     "a who of a topic: the lead list held the excluded unit"),
    (None, "市生态环境局以外的部门牵头哪些任务？", "not_understood", [], ["市生态环境局以外"],
     "every department's list but one: not applied, so said"),
    (GZ, "除了各区、县级市以外，人才公寓项目还有哪些配合单位？", "not_understood", [], ["各区、县级市以外"],
     "三38 人才公寓: the answer listed 各区、县级市 among the supporters"),
    (None, "县级及以上城市建成区以外的其他区域原则上不再新建多少蒸吨/小时以下的燃煤锅炉？", "answered", ["35蒸吨"], ["10蒸吨"],
     "a value: the clause about the excluded place answers nothing (holdout14 zg03), the exclusion applied"),
    (None, "推广全封闭式干洗机由哪些部门配合？", "answered", [], ["市生态环境局", "市市场监管局"],
     "a control: no exclusion, both supporters"),
]


@pytest.mark.parametrize("plan_path,question,status,absent,said,why", ROWS, ids=[r[1][:24] for r in ROWS])
def test_exclusion_applied_or_said(plan_path, question, status, absent, said, why):
    session = Session(plan=load_plan(str(plan_path))) if plan_path else Session()
    answer = session.ask(question)
    assert answer.status == status, (why, answer.text)
    head = answer.text.split("\n原文")[0]
    assert not [w for w in absent if w in head], (why, answer.text)
    assert all(w in answer.text for w in said), (why, answer.text)
