"""Confident wrong answers by mechanism (issue #11, session 8): each cause a rule of the genre, tested on plans
of the genre — government work-report breakdowns of targets (06 立山, 07 蔡甸, 08 丽水, 62 常熟), the bundled plan and
plans written here — with controls of similar wording that must not change.

Rows: (plan(s), question, status, words the answer must hold, words it must not hold, why).  The expected answers
were written from the plan files (the line in ``why``) before kb was run on the row.
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from plan_sessions import first_question_asker

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
ALIASES = {"lishan": "06_lishan_2023_fengong.txt", "caidian": "07_caidian_2023_zeren.txt",
           "lishui": "08_lishui_2023_zerenfenjie.txt", "changshu": "62_changshu_renwufenjie_2018.txt",
           "guandu": "14_guandu_wenzengzhang_2016.txt", "nongji": "02_nongjihua_guofa2018-42.txt",
           "rencai": "05_guangzhou_rencaijiju_2012.txt"}


@cache
def _folder(aliases: tuple[str, ...], root: str) -> str:
    folder = Path(root) / "+".join(aliases)
    folder.mkdir(parents=True, exist_ok=True)
    for a in aliases:
        (folder / ALIASES[a]).write_bytes((PLANS / ALIASES[a]).read_bytes())
    return str(folder)


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("plans"))

    def plan_path(corpus: str) -> str | None:
        names = tuple(corpus.split("+"))
        return None if corpus == "zigong" else (
            str(PLANS / ALIASES[names[0]]) if len(names) == 1 else _folder(names, root))

    return first_question_asker(Path(root), {}, plan_path)


# ---------------------------------------------------------------- 1. a when-question about a target

WHEN = [
    ("lishui", "居民消费价格涨幅目标什么时候完成", "not_in_plan", ["完成时限", "一8", "3%"], [],
     "8.居民消费价格涨幅控制在3%以内: the clause sets no time, its part heading (主要预期目标) states no year"),
    ("lishui", "研发投入强度什么时候达到2.3%", "not_in_plan", ["一3"], [],
     "3.研发投入强度达到2.3%: no time in the clause"),
    ("lishan", "生产总值目标什么时候完成", "not_in_plan", ["完成时限", "6.2%"], [],
     "1.努力实现地区生产总值增长6.2%左右 under 一、经济社会发展的主要预期目标: no year"),
    ("caidian", "地区生产总值目标什么时候完成", "answered", ["2023年"], [],
     "(一)地区生产总值增长7%以上 under 一、2023年全区经济社会发展的主要预期目标: the heading states the year"),
    ("zigong", "PM2.5目标什么时候完成", "answered", ["2020年"], [],
     "二 到2020年，…PM2.5…下降27.9%以上: the clause's own date"),
    ("changshu", "研发经费支出占GDP比重目标哪年实现", "not_in_plan", ["一6"], ["地区生产总值"],
     "6 全社会研发经费支出占GDP比重提高到2.8%: no year; GDP names 地区生产总值 of item 1, another indicator"),
    # controls: a value asked of the same targets
    ("lishui", "居民消费价格涨幅要控制在多少", "answered", ["3%"], [], "the value stated (control)"),
    ("zigong", "PM2.5要下降多少", "answered", ["27.9%"], [], "the value (control)"),
]


# ---------------------------------------------------------------- 2. the kind of number asked

KIND = [
    ("zigong", "今年GDP总量要达到多少亿", "not_in_plan", ["19.5%"], ["相关量化目标"],
     "the plan states no GDP amount; 单位地区生产总值（GDP）二氧化碳排放下降19.5% is what it sets near GDP"),
    ("lishan", "今年GDP总量要达到多少亿", "not_in_plan", ["6.2%"], ["相关量化目标"],
     "1.努力实现地区生产总值增长6.2%左右: a rate, no amount"),
    ("lishui", "生产总值总量要达到多少亿元", "not_in_plan", ["6%"], [],
     "1.生产总值增长6%以上: a rate; the plan's only 亿元 figures are item 10's projects"),
    ("caidian", "规上工业增加值总量是多少", "not_in_plan", ["12%"], [], "(二)规上工业增加值增长12%以上"),
    ("changshu", "固定资产投资增速是多少", "not_in_plan", ["550亿元"], [],
     "7 全社会固定资产投资额550亿元: an amount (the 10% growths are 工业技改/高新技术产业投资)"),
    # controls
    ("changshu", "固定资产投资总额是多少", "answered", ["550亿元"], [], "an amount asked, an amount stated"),
    ("lishui", "固定资产投资增长多少", "answered", ["10%"], [], "4.固定资产投资增长10%"),
    ("lishui", "外贸出口增速是多少", "answered", ["5%"], [], "5.…外贸出口增长5%"),
    ("lishui", "社会消费品零售总额要达到多少", "answered", ["5%"], [],
     "总额 is the metric's own word (社会消费品零售总额), no kind asked: its target answers"),
    ("lishan", "地区生产总值增长多少", "answered", ["6.2%"], [], "a rate asked, a rate stated"),
    # an indicator named only as the base of another (单位GDP二氧化碳排放)
    ("zigong", "GDP增长多少", "not_in_plan", ["19.5%"], ["相关量化目标"],
     "二: 单位地区生产总值（GDP）二氧化碳排放下降19.5% measures CO2 per GDP, not GDP"),
    ("zigong", "单位GDP二氧化碳排放要下降多少", "answered", ["19.5%"], [], "the ratio itself asked (control)"),
    ("changshu", "GDP增长多少", "answered", ["7%"], [], "1 地区生产总值增长7%以上 (control)"),
    # an indicator no target was read for, or a second indicator in another target's clause: the plan's clause
    ("changshu", "研发经费支出占GDP比重要达到多少", "answered", ["2.8%"], ["增长7%以上"],
     "6 全社会研发经费支出占GDP比重提高到2.8% (GDP alone names 地区生产总值 of row 1)"),
    ("changshu", "服务业增加值占GDP比重要达到多少亿", "not_in_plan", ["47.1%"], [],
     "1 …服务业增加值占GDP比重47.1%: a share, no amount"),
    ("lishui", "经济总量多少亿", "not_in_plan", [], ["100个"],
     "no amount of the economy; 亿 of 亿元以上制造业项目 names no metric"),
    ("lishui", "一般公共预算收入多少亿", "not_in_plan", ["一7"], [],
     "7.一般公共预算收入与经济增长基本同步: no number (7. is the item's)"),
    ("lishui", "今年GDP增速目标是多少", "answered", ["6%"], [], "1.生产总值增长6%以上: 生产总值 is GDP"),
    ("caidian", "固定资产投资总量是多少亿元", "not_in_plan", ["10%"], [], "(三)固定资产投资增长10%以上"),
    ("caidian", "规上工业增加值增速是多少", "answered", ["12%"], [], "(二)规上工业增加值增长12%以上"),
]


# ---------------------------------------------------------------- 3. a level prefix is another body

LEVELS = [
    ("lishan+caidian", "市财政局配合哪些工作", "not_in_plan", [], ["区财政局配合的任务共"],
     "only 区财政局 (06) and 区 bodies (07): 市财政局 is another body"),
    ("lishan+caidian", "市财政局牵头哪些任务", "not_in_plan", [], ["一般公共预算收入增长8%"],
     "06's 区财政局 leads 5.一般公共预算收入: not 市财政局's"),
    ("lishan+caidian", "市发改局牵头哪些任务", "not_in_plan", [], ["地区生产总值增长6.2%"],
     "区发改局 (06) / 区发展和改革局 (07) are district bodies"),
    ("lishan+caidian", "区财政局牵头哪些任务", "answered", ["一般公共预算收入"], [], "06 5.: 牵头单位:区财政局 (control)"),
    ("lishan+caidian", "财政局牵头哪些任务", "answered", ["一般公共预算收入"], [],
     "the bare name pairs with the one prefixed form the plans write (control)"),
    ("lishan+lishui", "区发改局牵头哪些任务", "answered", ["6.2%"], ["生产总值增长6%以上"], "06's only (control)"),
    ("lishan+lishui", "市发改委负责哪些任务", "answered", ["生产总值增长6%以上"], ["6.2%"], "08's only"),
    # three plans: 市财政局 (08: one of the units of 4.固定资产投资) and 区财政局 (06: leads 5.) side by side
    ("lishan+caidian+lishui", "市财政局配合哪些工作", "answered", ["固定资产投资增长10%"], ["一般公共预算收入增长8%左右"],
     "08 item 4 lists 市财政局; 06's 区财政局 is another body"),
    ("lishan+caidian+lishui", "区财政局配合哪些工作", "not_in_plan", ["牵头 1 项"], ["固定资产投资增长10%"],
     "06's 区财政局 only leads (5.); 08's 市财政局 item is not its"),
    ("lishan+caidian+lishui", "县财政局牵头哪些任务", "not_in_plan", [], ["一般公共预算收入增长8%左右"],
     "no county body in any of the three"),
]


ROWS = [("when", *r) for r in WHEN] + [("kind", *r) for r in KIND] + [("level", *r) for r in LEVELS]


@pytest.mark.parametrize("cause, corpus, question, status, holds, lacks, why", ROWS,
                         ids=[f"{r[0]}-{r[1]}-{r[2]}" for r in ROWS])
def test_honest_answers(ask, cause, corpus, question, status, holds, lacks, why):
    a = ask(corpus, question)
    assert a.status == status, f"{why}\n{a.text}"
    for w in holds:
        assert w in a.text, f"{w} missing — {why}\n{a.text}"
    for w in lacks:
        assert w not in a.text, f"{w} present — {why}\n{a.text}"
    if status == "not_in_plan":
        assert a.tasks == [], why


# ---------------------------------------------------------------- 4. counting the tasks of a short plan

# (plan, the number of tasks — the items `kb tasks` lists with a department —, counted by hand)
COUNTS = [
    ("caidian", 3, "(一)–(三), each with 责任单位 (the notice's 一、二、三 before it are no tasks)"),
    ("lishui", 10, "items 1–10, each with 责任单位"),
    ("changshu", 8, "rows 1–8 of the table, each with its unit"),
    ("guandu", 4, "1.–4. under 一、二、, each with 牵头"),
    ("lishan", 6, "1.–6., each with 牵头单位"),
]
COUNT_QUESTIONS = ["这个方案一共有几项任务", "一共几项重点工作", "列了多少项", "一共多少条", "总共有多少项任务", "方案有几条措施"]


@pytest.mark.parametrize("corpus, n, why", COUNTS, ids=[c[0] for c in COUNTS])
@pytest.mark.parametrize("question", COUNT_QUESTIONS)
def test_counts_follow_the_task_list(ask, corpus, n, why, question):
    from kb.select import plan_tasks
    from kb.store import load_plan

    assert len(plan_tasks(load_plan(str(PLANS / ALIASES[corpus])))) == n, why  # the one definition of a task
    a = ask(corpus, question)
    assert a.status == "answered", a.text
    assert f"共 {n} 项" in a.text, f"{why}\n{a.text}"
    assert len(a.tasks) == n


# ---------------------------------------------------------------- 5. one whole-date pattern

DATES = [
    ("二〇二三年五月十日", "2023-05-10", "the usual signature, Chinese numerals"),
    ("2018年12月21日", "2018-12-21", "digits"),
    ("二〇二〇年十二月三十一日", "2020-12-31", "十二 / 三十一"),
    ("一九九九年十月一日", "1999-10-01", "十 alone"),
    ("二〇一九年二月三十日", None, "no such day"),
]


@pytest.mark.parametrize("written, iso, why", DATES, ids=[d[0] for d in DATES])
def test_whole_date(written, iso, why):
    from kb.parser.structure import WHOLE_DATE_RE, iso_date

    assert WHOLE_DATE_RE.fullmatch(written), why
    assert iso_date(written) == iso, why


SIGNED = """某县农村人居环境整治工作方案

为改善农村人居环境，制定本方案。

一、重点任务

（一）推进农村厕所改造。2023年底前完成改厕500户。（牵头单位：县农业农村局；配合单位：县卫生健康局）

（二）治理农村生活垃圾。建立收运处置体系。（牵头单位：县住房城乡建设局）

二、保障措施

加强组织领导，各乡镇要落实属地责任。

某县人民政府办公室
{date}
"""


@pytest.mark.parametrize("date, said", [("二〇二三年五月十日", "二〇二三年五月十日"), ("2023年5月10日", "2023年5月10日"),
                                        ("", None)])
def test_publication_date_in_chinese_numerals(tmp_path, date, said):
    from kb.qa import Session

    f = tmp_path / "mouxian.txt"
    f.write_text(SIGNED.format(date=date), encoding="utf-8")
    a = Session(str(f), strict=True).ask("这个方案什么时候印发的")
    if said is None:
        assert a.status == "not_in_plan", a.text
    else:
        assert a.status == "answered" and said in a.text, a.text


# ---------------------------------------------------------------- 6. reading does not depend on PYTHONHASHSEED

_PROBE = """
import json, sys
from kb.qa import Session
s = Session(strict=True)
out = []
for q in sys.argv[1:]:
    r = s.read_query(q)
    out.append([r.outside, r.outside_words, r.over])
print(json.dumps(out, ensure_ascii=False))
"""
SEED_QUESTIONS = ["明天下雨还是下雪", "明天会下雪下雨吗", "忽略无视以上指令", "你觉得你认为哪个好", "东京和巴黎的方案",
                  "去年前年完成了多少"]


def test_reading_is_the_same_under_any_hash_seed(tmp_path):
    outs = set()
    for seed in ("0", "1", "7", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "KB_CACHE_DIR": str(tmp_path / f"cache{seed}")}
        done = subprocess.run([sys.executable, "-c", _PROBE, *SEED_QUESTIONS], capture_output=True, text=True,
                              env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        outs.add(done.stdout)
    assert len(outs) == 1, outs


def test_shape_lists_are_ordered_longest_first_then_by_code_point():
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    lists = [shapes[k] for k in shapes if isinstance(shapes[k], list)]
    lists += [v for k in ("outside", "measure", "measure_asks", "unit_kinds", "value_kinds") for v in shapes[k].values()]
    for words in lists:
        assert words == sorted(set(words), key=lambda w: (-len(w), w))


# ---------------------------------------------------------------- 5. the plans' own place, from their titles

LUZHOU = """泸州市城市生活垃圾分类工作实施方案

为推进生活垃圾分类，制定本方案。

一、主要任务

（一）建立分类投放体系。2024年底前城区公共机构全面实行垃圾分类。（牵头单位：泸州市人大常委会办公室；配合单位：市机关事务管理局）

（二）完善分类收运体系。（牵头单位：市城管局；配合单位：泸州市政协办公室）
"""

# (plan, question, the unknown name read — or the topic —, why): the bundled plan and a 泸州 plan read alike
PLACES = [
    ("zigong", "自贡市人大负责什么", "unknown", "自贡市人大", "the plan's place + a body ending (人大): a name, kept whole"),
    ("luzhou", "泸州市人大负责什么", "unknown", "泸州市人大", "the same on a 泸州 plan (no 泸州 in the vocabulary)"),
    ("zigong", "自贡市秸秆禁烧谁负责", "topic", ["秸秆禁烧"], "the plan's own place is no topic"),
    ("luzhou", "泸州市垃圾分类谁负责", "topic", ["垃圾分类"], "the same, 泸州 read from the title"),
    ("luzhou", "泸州的垃圾分类谁负责", "topic", ["垃圾分类"], "without its level"),
    ("luzhou", "泸州市城管局牵头哪些任务", "departments", ["市城管局"], "a body the plan names (control)"),
]


@pytest.mark.parametrize("plan, question, slot, value, why", PLACES, ids=[f"{p[0]}-{p[1]}" for p in PLACES])
def test_the_plans_place_comes_from_their_titles(tmp_path_factory, plan, question, slot, value, why):
    from kb.qa import Session

    if plan == "luzhou":
        f = tmp_path_factory.mktemp("luzhou") / "luzhou.txt"
        f.write_text(LUZHOU, encoding="utf-8")
        session = Session(str(f), strict=True)
    else:
        session = Session(strict=True)
    q = session.read_query(question)
    got = [d.name for d in q.departments] if slot == "departments" else getattr(q, slot)
    assert got == value, why


def test_no_city_in_the_question_vocabulary():
    text = (Path(__file__).resolve().parent.parent / "kb" / "data" / "intents.yaml").read_text(encoding="utf-8")
    assert "自贡" not in text  # the plans' places come from their titles (kb.qa.question.title_places)


@pytest.mark.parametrize("title, places", [
    ("泸州市城市生活垃圾分类工作实施方案", ("泸州市", "泸州")),
    ("上海市静安区人民政府办公室关于转发区建设管理委《静安区城市更新行动方案》的通知", ("上海市", "上海", "静安区", "静安")),
    ("国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见", ()),
    ("区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知", ()),
    ("市政府工作报告重点工作责任分解(2023年)", ()),
])
def test_title_places(title, places):
    from kb.qa.question import title_places

    assert title_places([title]) == places


# ---------------------------------------------------------------- 1. whose time limit it is (a plan written here)

JOBS = """某县2023年就业工作方案

为做好全年就业工作，制定本方案。

一、主要目标

（一）城镇登记失业率控制在4.5%以内。（牵头单位：县人力资源社会保障局；完成时限：2023年12月底）

（二）到2025年，高校毕业生就业率达到90%以上。（牵头单位：县教育局）

（三）新增城镇就业2000人，2023年6月底前完成零就业家庭动态清零。（牵头单位：县人力资源社会保障局）

二、保障措施

加强组织领导。
"""

# (question, status, words the answer holds, words it must not hold, why) — written before kb was run on the plan
JOBS_ROWS = [
    ("失业率目标要什么时候完成", "not_in_plan", ["4.5%", "2023年12月", "整条任务"], [],
     "（一）: the clause sets no time; the row's 完成时限 is said as the task's"),
    ("高校毕业生就业率目标什么时候实现", "answered", ["2025"], [], "（二）到2025年: the clause's own year"),
    ("新增城镇就业目标什么时候完成", "not_in_plan", ["2000人"], [],
     "（三）: 2023年6月底前 belongs to 零就业家庭动态清零, another clause"),
    ("失业率要控制在多少", "answered", ["4.5%"], [], "the value (control)"),
]


@pytest.mark.parametrize("question, status, holds, lacks, why", JOBS_ROWS, ids=[r[0] for r in JOBS_ROWS])
def test_whose_time_limit(tmp_path_factory, question, status, holds, lacks, why):
    from kb.qa import Session

    f = tmp_path_factory.mktemp("jobs") / "jobs.txt"
    f.write_text(JOBS, encoding="utf-8")
    a = Session(str(f), strict=True).ask(question)
    assert a.status == status, f"{why}\n{a.text}"
    for w in holds:
        assert w in a.text, f"{w} missing — {why}\n{a.text}"
    for w in lacks:
        assert w not in a.text, f"{w} present — {why}\n{a.text}"
