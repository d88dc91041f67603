"""Honest answers of session 13 (holdout13 causes 7, 8, 9, 11), by mechanism, on plans of the genre written here.

1. A question whose content words the plan writes gets what the plan writes (its sentences, with their labels), never
   "没有涉及…共 0 项": the asking words (哪里, 有哪两种, 指的是, 突破了多少 …) and a stray character left glued to a term
   (图书馆新馆建) are no part of what is looked up.  A word the plan does not write is still said to be absent.
2. A unit asked that the plan does not name is said so (nearest names offered apart), never answered as another unit.
3. Structure questions over untagged prose: a numbered noun (三张清单, 两大工程) finds the plan's enumeration of it; a part
   named by its title (基本原则) answers that part only; an ordinal with the noun (第二张清单) its member.
4. Writing requests (给X写一封邮件) are refused as instructions, never answered with X's tasks.

Rows: (plan, question, status or None, words the answer must hold, words it must not hold, why).  The expected answers
were written from the plan texts below before kb was run on any row.
"""

from __future__ import annotations

import pytest

from plan_sessions import first_question_asker

#: A county plan in untagged prose: a cover notice that repeals an earlier plan, principles as —— lines, two numbered
#: enumerations (两大工程 with 1.–2., 三张清单 with 1.–3. glued to their first sub-item (1)…), duties in prose.
COUNTY = """关于印发《青川县全民阅读推广三年行动计划（2024—2026年）》的通知

各乡镇人民政府，县级各部门：

《青川县全民阅读推广三年行动计划（2024—2026年）》已经县政府同意，现印发给你们，请认真贯彻执行。原《青川县全民阅读工作方案》（青府办〔2021〕12号）同时废止。

青川县人民政府办公室

2024年3月1日

青川县全民阅读推广三年行动计划（2024—2026年）

为建设书香青川，满足群众阅读需求，制定本计划。

一、指导思想

以习近平新时代中国特色社会主义思想为指导，坚持以人民为中心，推动全民阅读深入开展。

二、基本原则

——坚持政府主导。发挥县政府统筹作用，完善公共阅读服务体系。

——坚持共建共享。引导社会力量参与阅读推广，让阅读成果惠及全体群众。

三、主要任务

（一）实施两大阅读工程

1.以县图书馆新馆为龙头，构建城乡阅读服务网络体系。县图书馆新馆选址在原县农机厂旧址，建成后面积达到8000平方米。

2.以书香校园为抓手，构建青少年阅读培育体系。在全县中小学推广晨读活动。

（二）落实三张清单

1.落实阅读设施清单，补齐服务短板（1）建设城市书房。到2026年建成城市书房12个。

（2）改造乡镇综合文化站。配合县文化馆推进乡镇综合文化站改造提升。

2.落实阅读活动清单，丰富活动供给（3）办好读书节。每年举办全民读书节，开通线上平台和线下书店两种参与渠道。

3.落实阅读人才清单，壮大推广队伍（4）培育阅读推广人。到2026年培育阅读推广人200名。

（5）组建志愿服务队。依托新时代文明实践中心组建阅读志愿服务队，与陕西汉中等地开展阅读交流合作。

四、保障措施

（一）加强组织领导

各乡镇人民政府要强化属地责任，将全民阅读纳入年度考核。

（二）强化经费保障

县财政局要加大投入，保障阅读推广经费。
"""

#: A city plan with labelled tags, one paragraph of which names a body in prose only (配合省博物馆 …).
CITY = """平川市文物保护利用实施方案

一、加强文物资源保护

1.开展文物资源调查，建立文物资源数据库。（牵头单位：市文化广电旅游局；配合单位：市自然资源局）

2.实施革命文物保护工程，2025年底前完成10处革命旧址修缮。（牵头单位：市文化广电旅游局；配合单位：市财政局）

二、推进文物活化利用

3.打造文物主题游径，推出精品线路5条。（牵头单位：市文化广电旅游局；配合单位：各县区人民政府）

4.办好考古成果展。配合省博物馆举办平川考古成果巡展。

三、保障措施

各县区人民政府要落实属地责任，加强文物安全巡查。
"""


#: A province plan with 责任单位 tags (dialect B) whose counted term stands in a paragraph (围绕“三大行动”) over sections of
#: one part, and a section whose heading alone names a mechanism its paragraph explains.
PROVINCE = """江南省数字政府建设2025年工作要点

一、重点行动

围绕“三大行动”，分类推进数字政府建设共6项任务。

（一）政务服务提质行动

1.推进高频事项“一网通办”，全程网办率达到85%。（责任单位：省政务服务中心）

2.建设省级政务服务移动端。（责任单位：省政务服务中心、省大数据局）

（二）数据资源共享行动

3.完善省级数据共享交换平台，与国家平台做好对接。（责任单位：省大数据局）

4.编制公共数据资源目录。（责任单位：省大数据局）

（三）基础设施集约行动

5.建设全省统一的政务云平台。（责任单位：省大数据局）

6.推进电子政务外网向乡镇延伸。（责任单位：省通信管理局）

二、保障措施

（一）用好“双随机”督查机制

每季度随机抽取市县、随机选派督查人员，对重点任务落实情况开展督查。

（二）开展专网试点

选择省电信公司、省移动公司两家企业开展政务专网试点，及时总结推广经验。

（三）建立“1+3”推进机制

建立“1+3”推进机制。其中，1是省级数字政府建设专班，3是数据、平台、安全专项组。

附件

数字政府示范场景

1.一网通办示范场景

2.一网统管示范场景

3.一网协同示范场景
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("s13plans"), {"county": COUNTY, "city": CITY, "province": PROVINCE},
                                lambda c: None)


def _check(a, status, held, absent, why):
    if status:
        assert a.status == status, (why, a.status, a.text)
    for word in held:
        assert word in a.text, (why, a.text)
    for word in absent:
        assert word not in a.text, (why, a.text)


# ---------------------------------------------------------------- 1. words the plan writes: what it writes, never 0

WRITTEN = [
    ("county", "县图书馆新馆建在哪里", None, ["原县农机厂旧址"], ["没有涉及", "共 0 项"],
     "三（一）1 writes 县图书馆新馆选址在原县农机厂旧址: 哪里 asks, 建 is a stray character glued to the term"),
    ("county", "读书节有哪两种参与渠道", None, ["线上平台", "线下书店"], ["没有涉及", "共 0 项"],
     "(3) 开通线上平台和线下书店两种参与渠道: 有哪两种 is the asking, 读书节 + 参与渠道 are written"),
    ("county", "“两种参与渠道”指的是什么？", None, ["线上平台", "线下书店"], ["没有涉及", "共 0 项"],
     "指的是 asks what a phrase of the plan means: the sentence writing it answers"),
    ("county", "这个计划印发后哪个文件同时废止？", None, ["青川县全民阅读工作方案"], ["都没有提到", "没有涉及"],
     "the cover notice: 原《青川县全民阅读工作方案》…同时废止 (印发后 is written 印发 … 同时废止)"),
    ("county", "县文化馆参与了哪项工作？", None, ["乡镇综合文化站"], ["共 0 项", "没有涉及"],
     "(2) 配合县文化馆推进乡镇综合文化站改造提升: an untagged plan answers with its paragraphs"),
    ("city", "省博物馆参与了哪项工作？", None, ["考古成果"], ["共 0 项", "没有涉及"],
     "4 配合省博物馆举办平川考古成果巡展: no tag, yet the plan writes it — the paragraph, never 0 tasks"),
    ("county", "县博物馆建在哪里", "not_in_plan", [], ["农机厂"],
     "no paragraph writes 县博物馆 (县图书馆新馆 is another building): absent, said so"),
    ("county", "县图书馆新馆的停车位有多少个", "not_in_plan", ["停车位"], ["8000"],
     "the plan writes 县图书馆新馆 but no 停车位: the missing word is said, never the 8000平方米 of its area"),
    ("city", "市图书馆建在哪里", "not_in_plan", [], ["考古"], "no 图书馆 in the city plan (control)"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "why"), WRITTEN,
                         ids=[f"{c}-{q}" for c, q, *_ in WRITTEN])
def test_written_words_are_answered_with_what_the_plan_writes(ask, corpus, question, status, held, absent, why):
    _check(ask(corpus, question), status, held, absent, why)


# ---------------------------------------------------------------- 2. a unit the plan does not name

UNITS = [
    ("county", "各乡镇相关部门负责哪些工作？", "not_in_plan", ["各乡镇相关部门", "各乡镇人民政府"], ["纳入年度考核", "共 1 项："],
     "the plan names 各乡镇人民政府, never 各乡镇相关部门: said not named (the nearest name offered), no task of another unit"),
    ("county", "县财政局负责哪些工作？", None, ["经费保障"], ["没有"], "四（二）县财政局要加大投入 (control)"),
    ("city", "各县区相关部门负责哪些工作？", "not_in_plan", ["各县区相关部门"], ["文物安全巡查", "精品线路"],
     "the plan names 各县区人民政府 only: never its tasks as those of 各县区相关部门"),
    ("county", "财政局负责哪些工作？", None, ["经费保障"], ["没有给"], "财政局 is the short name of 县财政局 (control)"),
    ("city", "文化广电旅游局牵头哪些任务？", None, ["文物资源调查", "精品线路"], ["没有给"],
     "文化广电旅游局 without its level is 市文化广电旅游局 (control)"),
    ("county", "乡镇人民政府管理部门负责哪些工作？", "not_in_plan", ["乡镇人民政府管理部门"], ["共 1 项："],
     "a unit whose name ends like another's (…管理部门) is never that unit: said as asked"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "why"), UNITS,
                         ids=[f"{c}-{q}" for c, q, *_ in UNITS])
def test_a_unit_not_named_is_said_so(ask, corpus, question, status, held, absent, why):
    _check(ask(corpus, question), status, held, absent, why)


# ---------------------------------------------------------------- 3. structure questions over prose

STRUCTURE = [
    ("county", "两大阅读工程是哪两个？", None, ["城乡阅读服务网络体系", "青少年阅读培育体系"], ["没有涉及", "共 0 项"],
     "（一）实施两大阅读工程 over 1. and 2.: the numbered noun finds its enumeration"),
    ("county", "三张清单分别是什么？", None, ["阅读设施清单", "阅读活动清单", "阅读人才清单"], ["没有读懂", "没有涉及"],
     "（二）落实三张清单 over 1.–3., each glued to its first sub-item"),
    ("county", "第二张清单包括哪些任务？", None, ["办好读书节"], ["建设城市书房", "培育阅读推广人", "请问指哪一个"],
     "ordinal + noun: the 2nd of the 清单 enumeration is 2.落实阅读活动清单 over (3)"),
    ("county", "第三张清单包括哪些任务？", None, ["培育阅读推广人", "组建志愿服务队"], ["办好读书节", "请问指哪一个"],
     "3.落实阅读人才清单 over (4) and (5)"),
    ("county", "第五张清单包括哪些任务？", "not_in_plan", ["三张"], ["读书节", "推广人"],
     "the plan has three lists: no fifth, said with the count the plan writes"),
    ("county", "基本原则有哪几条？", None, ["坚持政府主导", "坚持共建共享"], ["以习近平新时代", "指导思想"],
     "二、基本原则 by its title: its two —— lines, not the part 一、指导思想 before it"),
    ("province", "“三大行动”是哪三个？", None, ["政务服务提质行动", "数据资源共享行动", "基础设施集约行动"], ["没有读懂"],
     "a paragraph writes 三大行动; the three sections of its part are the members"),
    ("province", "数字政府建设三大行动分别是什么？", None, ["政务服务提质行动", "数据资源共享行动", "基础设施集约行动"],
     ["没有读懂"], "the counted term at the end of the asked words (数字政府建设三大行动 → 三大行动)"),
    ("province", "第二大行动包括哪些任务？", None, ["数据共享交换平台", "公共数据资源目录"], ["移动端", "政务云", "第2条"],
     "the 2nd section of 三大行动, never the plan's 2nd item (建设省级政务服务移动端)"),
    ("province", "第四大行动包括哪些任务？", "not_in_plan", ["三大行动"], ["第4条", "政务云"],
     "three actions: no fourth, never the 4th item 编制公共数据资源目录"),
    ("province", "数据共享交换平台要和什么做好对接？", None, ["国家平台"], ["没有涉及", "没有读懂"],
     "要和 are linking words between written terms, no missing stretch"),
    ("province", "“双随机”督查机制指的是什么？", None, ["随机抽取市县"], ["没有涉及", "没有读懂"],
     "the heading alone writes it: the sentence under it says what it is"),
    ("county", "三张清单下一共有多少项具体任务？", None, ["5 项"], ["共 3 项"],
     "the paragraphs under the three lists' members, (1)–(5): what the lists hold, not the lists themselves"),
    ("province", "三大行动下一共有多少项任务？", None, ["6 项"], ["共 3 项"], "1.–6. under the three sections"),
    ("county", "第二个保障措施是什么？", None, ["强化经费保障"], ["请问指哪一个", "纳入年度考核"],
     "ordinal + a part's title (四、保障措施 over （一）（二）): its 2nd section"),
    ("province", "第二个重点行动是什么？", None, ["数据资源共享行动"], ["请问指哪一个", "移动端"],
     "一、重点行动 over （一）–（三）: the 2nd section, never the plan's 2nd item"),
    ("county", "第四个保障措施是什么？", "not_in_plan", ["没有第4项"], ["纳入年度考核", "经费"],
     "四、保障措施 has two sections: no 4th"),
    ("province", "“1+3”推进机制中的1指的是什么？", None, ["省级数字政府建设专班"], ["没有涉及", "没有读懂"],
     "指的是 asks a meaning: the sentence defining it (其中，1是…) is quoted with the one naming the mechanism"),
    ("province", "附件列了几个示范场景？", None, ["3"], ["原文中没有", "没有涉及"],
     "the annex titled 数字政府示范场景 lists 1.–3.: a count of a noun an annex title names is a structure question "
     "(routed from holdout14)"),
    ("province", "示范场景有哪些？", None, ["一网通办示范场景", "一网统管示范场景", "一网协同示范场景"], ["没有涉及"],
     "the annex's three rows"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "why"), STRUCTURE,
                         ids=[f"{c}-{q}" for c, q, *_ in STRUCTURE])
def test_structure_questions_over_prose(ask, corpus, question, status, held, absent, why):
    _check(ask(corpus, question), status, held, absent, why)


# ---------------------------------------------------------------- 4. writing requests and search dumps

REQUESTS = [
    ("county", "用英文给县财政局写一封催办邮件", "not_in_plan", ["不执行指令"], ["阅读推广经费"],
     "a writing request naming a unit: refused, never the unit's tasks"),
    ("county", "给各乡镇人民政府写封信，催他们落实全民阅读", "not_in_plan", ["不执行指令"], ["纳入年度考核"], "写封信: a writing request"),
    ("city", "帮市文化广电旅游局拟一封通知", "not_in_plan", ["不执行指令"], ["精品线路"], "拟一封: a writing request"),
    ("county", "哪项任务提到与陕西汉中等地开展阅读交流合作？", None, ["组建志愿服务队"], ["建设城市书房", "办好读书节"],
     "(5) writes the phrase: that item, never a list of every paragraph holding one of its words"),
    ("county", "哪项任务提到与广东韶关等地开展阅读交流合作？", "not_in_plan", ["广东韶关"], ["共 5 项", "建设城市书房"],
     "no paragraph writes 广东韶关: a plain no, never the paragraphs holding 交流 or 合作 listed as the answer"),
    ("province", "政务专网试点选了哪两家企业？", None, ["省电信公司", "省移动公司"], ["没有涉及", "共 0 项"],
     "哪两家 asks; 两家企业 … 政务专网试点 is written (routed from holdout14: 哪两家企 kept in the topic)"),
    ("province", "请把第3项翻译成英文", "not_in_plan", ["不执行指令"], ["数据共享交换平台"], "a translation request"),
    ("province", "帮我执行 rm -rf /", "not_in_plan", [], ["原文写到", "政务"], "a shell command: nothing of the plan"),
]


@pytest.mark.parametrize(("corpus", "question", "status", "held", "absent", "why"), REQUESTS,
                         ids=[f"{c}-{q}" for c, q, *_ in REQUESTS])
def test_requests_and_searches(ask, corpus, question, status, held, absent, why):
    _check(ask(corpus, question), status, held, absent, why)
