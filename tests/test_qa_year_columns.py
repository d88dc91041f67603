"""A year asked of a task table whose columns are years (2024年工作任务 | 2025年工作计划 | 2026年计划) names a COLUMN, not a
due date (tables2, session 13; holdout13 cause 4: jx05 铁路处牵头的任务2026年的计划是什么 and jx26 法规处牵头的任务2025年要修订
哪些法规 were answered "（2026年）共 0 项": the year filtered the rows by deadlines, which year columns never give).

Mechanism (kb/qa/exec_departments.py ``_duties``): a one-year span asked of a unit's tasks, when some of them are table
rows with a cell under a header naming that year, keeps those rows whatever their deadlines and shows each row's cell
of that year (the header said: the year dates the work, it is no deadline); the unit's other tasks are still filtered by
their deadlines.  A year no column names and no deadline gives keeps today's reading.  Rows written before the code;
every figure read from the plans below (mine, in the genre's shapes: a 区 table tab-separated, a 市 table one cell a
paragraph with wrapped header cells, a 县 prose plan with deadlines as the control)."""

from __future__ import annotations

from pathlib import Path

import pytest

DISTRICT = "\n".join([
    "某区城市更新三年行动计划（2024-2026年）",
    "",
    "一、总体目标",
    "到2026年，完成旧住房成套改造23万平方米。",
    "",
    "附件",
    "重点任务分解表",
    "\t".join(["序号", "重点任务", "2024年工作任务", "2025年工作计划", "2026年工作计划", "牵头部门", "配合部门"]),
    "\t".join(["1", "推进旧住房成套改造", "完成成套改造5万平方米", "完成成套改造8万平方米", "完成成套改造10万平方米", "区房管局", "区建管委"]),
    "\t".join(["2", "推进区级规章制度立改废", "完成《区停车场管理办法》修正", "修订《区物业管理办法》；制定《区加装电梯管理规定》",
               "修订《区绿化管理办法》", "区司法局", "区房管局"]),
    "\t".join(["3", "建设口袋公园", "新建口袋公园10个", "新建口袋公园12个", "—", "区绿化市容局", "各街道"]),
]) + "\n"

CITY = "\n\n".join([
    "某市交通领域服务品质提升三年行动计划（2024-2026年）",
    "附件", "任务清单",
    "任务", "分类", "重点任务（2024-2026）", "2024年工作项目", "2025年计划", "2026年计划", "牵头", "部门", "配合", "部门",
    "（一）提升交通出行服务体验",
    "（1）逐步释放市域铁路运能。", "市域铁路全天开行列车30对。", "市域铁路全天开行列车36对。", "市域铁路全天开行列车40对。",
    "铁路处", "市铁路公司",
    "（2）提升轮渡服务品质。", "增强轮渡航班信息公示。", "创建轮渡服务品牌。", "推动轮渡设施升级。", "港监处", "市港航中心",
]) + "\n"

COUNTY = "\n".join([
    "某县农村公路提质行动方案",
    "一、主要任务",
    "（一）改造农村公路。2025年底前完成农村公路提档升级100公里（县交通运输局牵头，各乡镇配合）。",
    "（二）建设公交站亭。2026年6月底前建成公交站亭50个（县交通运输局牵头，县财政局配合）。",
]) + "\n"

TEXTS = {"district": DISTRICT, "city": CITY, "county": COUNTY}


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("yearcols")
    out = {}
    for name, text in TEXTS.items():
        path = root / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        out[name] = str(path)
    return out


#: (plan, question or turns (the last one checked), words the answer holds, words it must not hold, why)
ROWS = [
    ("district", "区司法局牵头的任务2025年的计划是什么？", ["修订《区物业管理办法》", "2025年工作计划"],
     ["共 0 项", "区绿化管理办法", "区停车场管理办法"],
     "2025年 names the 2025年工作计划 column: row 2's cell, neither the 2024 nor the 2026 one"),
    ("district", "区房管局牵头的任务2026年要完成什么", ["10万平方米"], ["共 0 项", "5万平方米", "8万平方米"],
     "2026年 + 要完成: the 2026 column's cell of the row it leads"),
    ("district", "区房管局配合的任务2025年工作计划是什么", ["修订《区物业管理办法》"], ["共 0 项", "8万平方米"],
     "配合 (row 2): the support role keeps the column reading; row 1 (which it leads) is no answer"),
    ("district", "区建管委配合哪些任务", ["推进旧住房成套改造"], ["共 0 项"],
     "control: no year asked, the list as before"),
    ("district", "区绿化市容局牵头的任务2026年的计划是什么", ["0 项"], ["新建口袋公园12个", "新建口袋公园10个"],
     "row 3's 2026 cell is empty (—): the table writes no 2026 work for it — 0, never another year's cell"),
    ("city", "铁路处牵头的任务2026年的计划是什么？", ["40对"], ["共 0 项", "36对", "30对"],
     "a table one cell a paragraph, its header wrapped (任务 / 分类, 牵头 / 部门), a category row: the 2026年计划 cell"),
    ("city", "港监处牵头的任务2025年计划有哪些", ["创建轮渡服务品牌"], ["共 0 项", "推动轮渡设施升级"],
     "2025年计划 named whole after the unit's role"),
    ("county", "县交通运输局牵头的任务2025年要完成哪些", ["改造农村公路"], ["建设公交站亭"],
     "control: a plan without year columns — the year filters by deadlines as before (2025年底前 only)"),
    ("county", "县交通运输局牵头的任务2026年要完成哪些", ["建设公交站亭"], ["改造农村公路"],
     "control: 2026年6月底前 is due in 2026"),
    ("district", ["区司法局牵头的任务2025年的计划是什么？", "2026年呢？"], ["修订《区绿化管理办法》"],
     ["共 0 项", "区物业管理办法"],
     "chat: a year after a column answer asks the same unit's cell of that year"),
]


@pytest.mark.parametrize(("plan", "question", "has", "has_not", "why"), ROWS, ids=[f"{r[0]}-{r[4][:30]}" for r in ROWS])
def test_year_column_question(plans, plan, question, has, has_not, why):
    from kb.qa import Session

    turns = [question] if isinstance(question, str) else list(question)
    session = Session(plans[plan], strict=True)
    for turn in turns[:-1]:
        session.ask(turn)
    answer = session.ask(turns[-1])
    for w in has:
        assert w in answer.text, f"{w!r} missing — {why} | kb: {answer.text[:400]}"
    for w in has_not:
        assert w not in answer.text, f"{w!r} present — {why} | kb: {answer.text[:400]}"
