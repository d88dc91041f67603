"""Which date belongs to which clause, and what is no time limit (session 18, helper dates7).

Confident wrong answers seen on fresh plans (the mechanisms, never their wording):
1. a paragraph of dated steps joined by ； (2025年12月，组建…队伍；2026年底前，完成…；2027年，实现…): one step asked got
   another step's date, a start asked got the completion date, and one 原文 line was printed once per date;
2. a schedule's month (2025年6月，各区县完成…) in a 时间安排 paragraph of a plan whose tasks are tagged: 2025年6月要完成
   哪些 said no task has a limit, and the month was glossed as the whole year (2025年6月（2025年内）);
3. a stage heading over its dated paragraph (第一阶段：动员部署 / 2023年9月底前，…): must answer 第一阶段什么时候结束;
4. a period by a range of years (2025—2026年为过渡期) and times in minutes or hours (30分钟内到达, 2小时内响应);
5. no limits: a scope span (…至…期间在平台登记的企业: WHICH firms), a benefit's or a person's period (5年内按比例减免,
   退役1年内的军人, 离校2年内未就业高校毕业生);
6. a recurring limit with a clock time (每周五12:00前报送) was not read, and the next clause's 每月5日前 answered.

Rows: input → expected → why.  Written BEFORE the code.  Real plans not tuned on: tests/fixtures 81 (上海市场监管 燃气
排查整治 2022, its stage headings with spans), 85 (山东 危废排查 2019, 自查/核查 stages), 75 (崇明 燃气应急 2023,
30分钟内…1小时内 reports), 05 (广州 人才 2012, 5年内 limits that must stay), 74 (药品集采 国办发〔2019〕2号: 1年内
完成合同用量 must stay); the plans written here carry sentences in the genre's wording (县 数字乡村 steps, 区 燃气 整治
时间安排, 县 人居环境 stages).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_sessions import check_answer_row, first_question_asker

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "81": ROOT / "tests/fixtures/printed/81_shijianju_ranqi_2022.txt",
    "85": ROOT / "tests/fixtures/plans/85_shandong_weifei_paicha_2019.txt",
    "75": ROOT / "tests/fixtures/plans/75_chongming_ranqi_yingji_2023.txt",
}

#: 县级 实施方案, tagged tasks; paragraphs of dated steps joined by ；, times in minutes and hours, a scope span, a
#: benefit's and a person's period, recurring limits with a clock time, a period by a range of years.
STEPS = """某县数字乡村建设实施方案
一、重点任务
（一）建设数字乡村服务队伍。2025年12月，组建县级数字乡村服务队伍；2026年底前，完成全县行政村信息服务站点建设；2027年，实现乡村数字服务全覆盖。（牵头单位：县农业农村局；配合单位：县数据局）
（二）推进智慧农业示范。2025年6月，启动智慧农业示范基地建设；2026年6月底前，建成3个智慧农业示范基地。（牵头单位：县农业农村局）
（三）完善应急响应。接到报警后，救援队伍30分钟内到达现场，网络故障2小时内响应。（牵头单位：县应急管理局）
（四）落实减免政策。对2020年3月1日至2021年6月30日期间在平台登记的企业，5年内按比例减免有关费用；离校2年内未就业高校毕业生创业的，给予一次性补贴。（牵头单位：县人社局）
（五）定期报送进展。各乡镇每周五12:00前报送工作进展，每月5日前报送上月数据，每季度末报送工作总结。（牵头单位：县农业农村局）
（六）平稳过渡。2025—2026年为过渡期，过渡期内保持现有政策总体稳定。（牵头单位：县财政局）
"""

#: 区级 工作方案: tagged tasks, then a 时间安排 paragraph of dated steps naming no unit.
SCHEDULE = """某区城镇燃气安全专项整治工作方案
一、工作任务
（一）开展隐患排查。全面排查城镇燃气安全隐患，建立问题隐患清单。（牵头单位：区住建局；配合单位：区应急局）
（二）推动整改销号。对排查发现的问题隐患实行闭环管理。（牵头单位：区住建局）
二、时间安排
2025年6月，各街镇完成燃气隐患排查，形成问题清单；2025年9月，完成重大隐患整改；2025年12月底前，全面完成整治任务，总结评估。
"""

#: 县级 行动方案: stage headings on lines of their own over their dated paragraphs.
STAGES = """某县农村人居环境整治提升行动方案
一、工作任务
（一）开展村庄清洁行动。全面清理农村生活垃圾。（牵头单位：县农业农村局）
（二）推进厕所革命。新改建农村户厕1000座。（牵头单位：县农业农村局；配合单位：县卫健局）
二、实施步骤
（一）第一阶段：动员部署
2023年9月底前，各乡镇制定工作方案，召开动员部署会议，完成摸底调查。
（二）第二阶段：集中整治
2023年10月至2024年6月，各乡镇集中开展整治，2024年6月底前完成80%的村庄整治任务。
（三）第三阶段：巩固提升
2024年12月底前，全面完成整治任务，组织考核验收。
"""

#: 区级 工作方案: tasks with limits and an 实施步骤 of dated stages beside them.
MIXED = """某区城镇燃气安全专项整治工作方案
一、工作任务
（一）开展隐患排查。2025年6月底前，全面排查城镇燃气安全隐患，建立问题隐患清单。（牵头单位：区住建局；配合单位：区应急局）
（二）推动整改销号。2025年12月底前，问题隐患全部整改销号。（牵头单位：区住建局）
二、实施步骤
（一）动员部署阶段。2025年5月，制定工作方案，召开动员部署会。
（二）集中整治阶段。2025年6月至11月，集中开展整治。
（三）总结评估阶段。2025年12月，总结评估整治成效。
"""

TEXTS = {"steps": STEPS, "schedule": SCHEDULE, "stages": STAGES, "mixed": MIXED}


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    root = tmp_path_factory.mktemp("dates7_s18")
    return first_question_asker(root, TEXTS, lambda corpus: str(FILES[corpus]))


ROWS = [
    # ---- 1. paragraphs of dated steps: the step asked, start vs end
    ("steps", "服务队伍什么时候组建？", "answered", ["2025年12月"], ["2026年底前", "2027年"],
     "一（一） 2025年12月，组建…队伍 — 2026年底前 dates the next step (it was said)"),
    ("steps", "信息服务站点什么时候建成？", "answered", ["2026年底前"], ["2025年12月", "2027年"], "一（一） the second step"),
    ("steps", "什么时候实现乡村数字服务全覆盖？", "answered", ["2027年"], ["2025年12月", "2026年底前"], "一（一） the third step"),
    ("steps", "智慧农业示范基地什么时候启动？", "answered", ["2025年6月"], ["2026年6月底前"],
     "一（二） 2025年6月，启动… — the completion date was said for the start"),
    ("steps", "智慧农业示范基地什么时候开始建设？", "answered", ["2025年6月"], ["2026年6月底前"],
     "一（二） a start asked in other words (开始): the step that starts the work"),
    ("steps", "智慧农业示范基地什么时候建成？", "answered", ["2026年6月底前"], ["2025年6月"], "一（二） the end step"),
    ("schedule", "重大隐患整改什么时候完成？", "answered", ["2025年9月"], ["2025年12月底前", "2025年6月"],
     "二 the 时间安排's second step (2025年12月底前 was said: the ； was no cut)"),
    ("schedule", "燃气隐患排查什么时候完成？", "answered", ["2025年6月"], ["2025年9月", "（2025年内）"],
     "二 the first step; the month is no whole year (（2025年内） was its gloss)"),
    # ---- 2. a schedule's month in a tagged plan
    ("schedule", "2025年6月要完成哪些任务？", "answered", ["2025年6月", "燃气隐患排查"], ["都没有规定"],
     "二 时间安排 dates the plan's steps; 方案的任务都没有规定完成时限 was said"),
    ("schedule", "2025年9月底前要完成什么？", "answered", ["2025年9月"], ["都没有规定"], "二 the second step's month"),
    ("mixed", "2025年要完成哪些任务？", "answered", ["共 2 项", "另有 3 处实施安排", "二（三）（2025年12月）"], [],
     "the tasks due in 2025, and the schedule's steps of 2025 named after them, uncounted (they were left out)"),
    ("mixed", "2025年12月底前要完成什么？", "answered", ["共 1 项", "另有 1 处实施安排", "二（三）"], ["二（一）（2025年5月）"],
     "due on 2025-12-31: the step of that month named; earlier steps are no steps of that day"),
    ("mixed", "2025年5月要完成什么？", "answered", ["二（一）", "制定工作方案"], ["一（一）"],
     "no task due in May: the schedule's step answers"),
    # ---- 3. stage headings
    ("stages", "第一阶段什么时候结束？", "answered", ["2023年9月底前"], ["2024年"], "二（一） the date under that heading"),
    ("stages", "第三阶段什么时候完成？", "answered", ["2024年12月底前"], ["2023年"], "二（三）"),
    ("stages", "第二阶段什么时候结束？", "answered", ["2024年6月"], ["2023年9月底前", "2024年12月"], "二（二） a span's end"),
    ("81", "排查摸底阶段什么时候结束？", "answered", ["2022年3月"], ["2022年10月"],
     "三（二） 排查摸底阶段（2022年2月—2022年3月）: the heading's span"),
    ("85", "省级核查阶段什么时候结束？", "answered", ["2019年5月15日前"], ["2019年4月15日", "2019年5月31日"],
     "四（二） 省级核查阶段。2019年5月15日前，…"),
    ("85", "汇总整理阶段什么时候完成？", "answered", ["2019年5月31日前"], ["2019年5月15日"], "四（三）"),
    ("81", "第一阶段什么时候结束？", "answered", ["动员部署阶段", "2022年1月"], ["编号为", "2022年3月"],
     "三（一） stages named without ordinals: the first stage heading (编号为 1 的条目有 2 处 was asked back)"),
    ("81", "第三阶段什么时候开始？", "answered", ["整治攻坚阶段", "2022年4月"], ["2022年2月"], "三（三） the third heading"),
    ("81", "第五阶段什么时候结束？", "not_in_plan", ["共 4 个"], ["时限："], "four stages: no fifth, said so"),
    ("85", "第二阶段什么时候结束？", "answered", ["省级核查阶段", "2019年5月15日前"], ["2019年4月15日"], "四（二）"),
    # ---- 4. periods by year range, minutes and hours
    ("steps", "哪几年是过渡期？", "answered", ["2025—2026年"], [], "一（六） 2025—2026年为过渡期"),
    ("steps", "救援队伍多长时间内到达现场？", "answered", ["30分钟内"], ["2小时内"],
     "一（三） a time in minutes (方案没有写明“内到达现场”的时长 was said)"),
    ("steps", "网络故障多久响应？", "answered", ["2小时内"], ["30分钟"], "一（三） a time in hours"),
    ("75", "接到事故报告后多长时间内以口头方式报告？", "answered", ["30分钟内"], [],
     "98 应在接到事故报告后30分钟内以口头方式、1小时内以书面方式…报告 (must not change)"),
    ("steps", "过渡期是多长时间？", "answered", ["2025—2026年"], ["没有写明"],
     "一（六） a period named by its years: the years answer how long (no length was said to be written)"),
    ("steps", "工作进展多久报送一次？", "answered", ["每周五12:00前"], ["每月5日前", "每季度末"],
     "一（五） a recurring limit says how often (no frequency was said to be written)"),
    ("steps", "工作总结多久报一次？", "answered", ["每季度末"], ["每周五", "每月5日前"], "一（五） the third piece's"),
    # ---- 5. no limits: a scope span, a benefit's and a person's period
    ("steps", "落实减免政策什么时候完成？", "honest", [], ["5年内", "2021年6月30日前", "2年内"],
     "一（四） the span says which firms, 5年内 how long the relief lasts, 2年内 which graduates: no limit"),
    # ---- 6. recurring limits with a clock time
    ("steps", "各乡镇什么时候报送工作进展？", "answered", ["每周五12:00前"], ["每月5日前", "每季度末"],
     "一（五） the clause's own recurring limit (每月5日前 of the next clause was said)"),
    ("steps", "上月数据什么时候报送？", "answered", ["每月5日前"], ["每周五"], "一（五） must not change"),
    ("steps", "工作总结什么时候报送？", "answered", ["每季度末"], ["每周五", "每月5日前"], "一（五） must not change"),
]


def test_rows_are_distinct():
    assert len({(r[0], r[1]) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("corpus,question,status,has,has_not,why", ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS])
def test_date_row(ask, corpus, question, status, has, has_not, why):
    answer = ask(corpus, question)
    check_answer_row(answer, status, has, has_not, why, quoted=("原文", "出处"))
    text = answer.text
    quotes = [line for line in text.splitlines() if line.startswith("原文")]
    assert len(quotes) == len(set(quotes)), f"a 原文 line printed twice — {why}\n{text}"


def _read(clause: str) -> list[tuple[str, str]]:
    """(kind, words) of each limit the parser reads in one clause, as kb/parser/deadlines.apply_deadlines reads it."""
    from kb.model import Task
    from kb.parser.deadlines import apply_deadlines

    task = Task(id="t", doc="d", label="1", part="一", part_title="", section=None, section_title=None, kind="task",
                title=None, text=clause, clauses=[clause])
    apply_deadlines(task)
    return [(d.kind, d.text) for d in task.deadlines]


PARSE_ROWS = [
    # recurring limits with a clock time
    ("各乡镇每周五12:00前报送工作进展", [("recurring", "每周五12:00前")], "a weekday and a clock time"),
    ("每周四17:00前将本周工作信息报区指挥部", [("recurring", "每周四17:00前")], "the same"),
    ("请各街道每周五下午5点前报送本周进展", [("recurring", "每周五下午5点前")], "a clock time in words"),
    ("每月25日17:00前报送当月数据", [("recurring", "每月25日17:00前")], "a day of the month and a clock time"),
    ("每月5日前报送上月数据", [("recurring", "每月5日前")], "must not change"),
    ("每季度末报送工作总结", [("recurring", "每季度末")], "must not change"),
    ("每季度首月10日前报送上季度情况", [("recurring", "每季度首月10日前")], "a day of a quarter's first month"),
    ("每旬报送一次进展", [("recurring", "每旬")], "a report every ten days"),
    ("每半月报送一次工作进展", [("recurring", "每半月")], "a report every half month"),
    # a clock time before a limit word of a dated day
    ("请于2025年6月30日17:00前将材料报送区发改委", [("by", "2025年6月30日17:00前")], "by that day (was read as the day alone)"),
    ("2025年6月30日下午5点前报送", [("by", "2025年6月30日下午5点前")], "the same, a clock time in words"),
    ("2025年6月30日10时召开推进会", [("during", "2025年6月30日")], "must not change: a meeting's day and hour, no 前"),
    # a step's month
    ("2025年6月，各街镇完成燃气隐患排查", [("during", "2025年6月")], "must not change: the step's month"),
    # scope spans and described things: no limits
    ("对2020年3月1日至2021年6月30日期间在平台登记的企业，给予一次性补贴", [], "a scope span: which firms"),
    ("2024年1月1日以后新注册的小微企业，可申请创业补贴", [], "which firms (新 before the verb)"),
    ("2000年底前建成的住宅小区", [], "must not change: which estates"),
    ("对2023年1月1日至2025年12月31日期间新招用的脱贫人口，给予一次性吸纳就业补贴", [], "which persons (招用)"),
    ("2024年1月1日后入驻的企业，给予租金减免", [], "which firms (后, 入驻)"),
    ("2024年底前签订的合同", [], "which contracts"),
    ("2024年底前签订合同", [("by", "2024年底前")], "must not change: a limit of signing (no 的)"),
    ("2019年10月至2020年3月期间，开展秋冬季攻坚行动", [("range", "2019年10月至2020年3月")], "must not change: a period of work"),
    ("2024年3月1日至4月15日，开展集中宣传活动", [("range", "2024年3月1日至4月15日")], "must not change"),
    ("2025年底前完成全市老旧小区改造的摸底", [("by", "2025年底前")], "must not change: the verb of the work stands between"),
    ("2025—2026年为过渡期", [("range", "2025—2026年")], "must not change: a period"),
    # a benefit's or a person's period
    ("5年内按比例减免有关费用", [], "how long the relief lasts (按比例 between the span and the benefit)"),
    ("3年内逐年给予补贴", [], "the same (逐年)"),
    ("实行5年内免征企业所得税", [], "must not change"),
    ("退役1年内的军人", [], "a person's period: which veterans"),
    ("离校2年内未就业高校毕业生", [], "a person's period: which graduates"),
    ("毕业2年内的高校毕业生创业的，给予一次性补贴", [], "must not change"),
    ("加强市管企业领导人员队伍建设，5年内重点引进100名市管企业中高级管理人才",
     [("within", "5年内")], "must not change (fixture 05): a limit of the work"),
    ("确保1年内完成合同用量", [("within", "1年内")], "must not change (fixture 74)"),
    ("接到报警后，救援队伍30分钟内到达现场", [], "must not change: a response time of each case, no limit of the task"),
]


@pytest.mark.parametrize("clause,expected,why", PARSE_ROWS, ids=[r[0][:24] for r in PARSE_ROWS])
def test_parse_row(clause, expected, why):
    assert _read(clause) == expected, why


SPAN_ROWS = [
    ("2025年12月，组建县级数字乡村服务队伍；2026年底前，完成全县行政村信息服务站点建设；2027年，实现乡村数字服务全覆盖。",
     ["2025年12月，组建县级数字乡村服务队伍", "2026年底前，完成全县行政村信息服务站点建设", "2027年，实现乡村数字服务全覆盖。"],
     "steps joined by ；: each date owns its own step"),
    ("各区于2024年3月底前完成摸底，2024年6月底前报送整改方案。",
     ["各区于2024年3月底前完成摸底", "2024年6月底前报送整改方案。"], "must not change: comma clauses"),
    ("到2025年，全市PM2.5浓度下降10%；重污染天数基本消除。", ["到2025年，全市PM2.5浓度下降10%；重污染天数基本消除。"],
     "must not change: one date owns its sentence (a horizon)"),
]


@pytest.mark.parametrize("clause,spans,why", SPAN_ROWS, ids=[r[0][:16] for r in SPAN_ROWS])
def test_span_row(clause, spans, why):
    from kb.parser.deadlines import deadline_spans, parse_deadlines

    dls = parse_deadlines(clause)
    assert deadline_spans(clause, dls) == spans, why
