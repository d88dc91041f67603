"""Questions on an annex that is a table (the lead's untuned 2023 city plan, in rows written here): an indicator system
(一级指标 / 二级指标 / 评价标准 / 指标含义) and a task division table, each captioned 附件N in its first row.

Before (the lead's 02:47 re-run on main): 附件1有多少个指标 and 附件2有几项 answered "方案中没有涉及“附件1”的条目，共 0 项"
(a table annex was no ``Document.annexes`` entry), every indicator row was listed by its category (附件1-1 签约数量,
附件1-2 签约数量 …), and 续约率的目标是多少 said the plan states no number though the row's 评价标准 cell holds it.
Expected answers written by hand before the run.
"""
from __future__ import annotations

import pytest

from kb.ingest import read_document
from kb.model import Plan
from kb.parser import parse_document
from kb.qa import Session

BODY = ["某市家庭医生签约服务提质实施方案", "一、总体目标", "到2025年，签约服务覆盖率稳步提高。", "二、主要任务",
        "（一）扩大签约服务供给。", "1.增加家庭医生数量。推动二级以上医院医生参与签约服务。", "2.丰富签约服务内容。",
        "三、保障措施", "（一）加强组织领导。建立工作机制。", "（二）加强考核评价。将签约服务纳入绩效考核。",
        "附件：1.某市家庭医生签约服务评价指标体系", "2.某市家庭医生签约服务重点任务分工表", "某市卫生健康委员会", "2023年10月19日"]
T1 = ("<table><tr><td colspan='5'>附件1 某市家庭医生签约服务评价指标体系</td></tr>"
      "<tr><td>一级指标</td><td>二级指标</td><td>评价标准</td><td>指标含义</td><td>数据来源</td></tr>"
      "<tr><td rowspan='2'>签约数量</td><td>常住人口签约率</td><td>≥40%</td><td>签约人数占常住人口的比例</td><td>信息系统</td></tr>"
      "<tr><td>重点人群签约率</td><td>较上年提高，2025年达到75%</td><td>重点人群签约人数占重点人群总数的比例</td><td>信息系统</td></tr>"
      "<tr><td>签约质量</td><td>续约率</td><td>≥80%</td><td>续约人数占上年签约人数的比例</td><td>抽样调查</td></tr>"
      "<tr><td>保障机制</td><td>服务包制度</td><td>定性指标，查看落实情况</td><td>有无规范的服务包</td><td>文件</td></tr></table>")
T2 = ("<table><tr><td colspan='5'>附件2 某市家庭医生签约服务重点任务分工表</td></tr>"
      "<tr><td>序号</td><td>工作事项</td><td>主要内容</td><td>牵头单位</td><td>配合单位</td></tr>"
      "<tr><td>1</td><td>优化签约团队</td><td>组建全科医生团队</td><td>市卫生健康委</td><td>市人力资源社会保障局</td></tr>"
      "<tr><td>2</td><td>完善激励机制</td><td>落实签约服务费分配政策</td><td>市医保局</td><td>市财政局</td></tr>"
      "<tr><td>3</td><td>推进信息化建设</td><td>建设签约服务信息平台</td><td>市卫生健康委</td><td>/</td></tr></table>")


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    path = tmp_path_factory.mktemp("annex-tables") / "方案.html"
    body = "".join(f"<p>{x}</p>" for x in BODY)
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><div id='zoom'>{body}{T1}{T2}</div></body></html>",
                    encoding="utf-8")
    doc, tasks = parse_document(read_document(path, use_cache=False).text, "plan", str(path))
    return Session(plan=Plan(documents=[doc], tasks=tasks))


ROWS = [
    # (question, status, labels in the answer's tasks (None: not checked), words the text must hold, why)
    ("附件1有多少个指标", "answered", ["附件1-1", "附件1-2", "附件1-3", "附件1-4"], ["4 项"],
     "a table captioned 附件1 is an annex: its 4 rows (header row no item)"),
    ("附件1有哪些指标", "answered", None, ["常住人口签约率", "续约率", "服务包制度"],
     "each row listed by its indicator's name, not its category"),
    ("附件2有几项", "answered", None, ["3 项"], "the task table's 3 rows"),
    ("续约率的目标是多少", "answered", ["附件1-3"], ["≥80%"], "the 评价标准 cell of the row naming 续约率"),
    ("重点人群签约率要达到多少", "answered", ["附件1-2"], ["75%"], "a cell stating a year and a number"),
    ("服务包制度的目标是多少", "not_in_plan", [], ["没有写明"], "a qualitative indicator: its cell states no number"),
]


@pytest.mark.parametrize("question,status,labels,words,why", ROWS, ids=[r[0] for r in ROWS])
def test_annex_table_questions(session, question, status, labels, words, why):
    answer = session.ask(question)
    assert answer.status == status, (why, answer.text)
    if labels is not None:
        assert [t.label for t in answer.tasks] == labels, (why, answer.text)
    for w in words:
        assert w in answer.text, (why, w, answer.text)
    assert "签约数量\n" not in answer.text + "\n"
