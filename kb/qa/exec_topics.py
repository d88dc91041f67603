"""The executors of topic questions: a target's value, a topic's deadline, every task on a topic,
who is responsible for a topic, every task (kb/qa/query.py ``read_topic_ask`` reads their slots).

Which one answers is read from the Query's slots (``Query.over``: topic_value, topic_deadline,
topic_tasks, topic_who, all_tasks; kb.qa.query.over_topic); one that finds nothing in the plan
for its reading hands the question back (kb.qa.executors.found_nothing).  Topic lists are exhaustive
substring matches on folded text (``plan.tasks_matching``: no scan of every task in a stored
plan); who/when questions rank with the search index only when no title holds the words, and a
ranked paragraph holding only part of an asked term is not taken for the answer (unmatched_part).
A follow-up about another topic (那扬尘呢) arrives here as the previous Query with its topic
replaced (kb.qa.session.Session._merge), never re-asked through text.
"""

from __future__ import annotations

import functools
import re

from kb.lazypattern import LazyPattern
from kb.model import ROLE_NAMES, ROLES, Task, item_count
from kb.qa.answer import Answer
from kb.qa.query import Act, Query, asked_topic, split_scope
from kb.qa.result import (departments_of, compose, describe, item_firsts, item_pieces, numbered, numbered_items as listed_items,
                          pieces_lines, rows_note, target_line)
from kb.qa.stated import act_items, act_verb, passive_doers, role_clauses, stated_bodies, stated_doers, stated_recipients
from kb.qa.text import fold, longest_first, task_head
from kb.qa.wording import units_unsaid


def topic_words(q: Query, env) -> list[str]:
    """The topic words that are not mere target/date words nor words of a plan's title."""
    return asked_topic(q.topic, env.voc, env.plan)


def _asked_departments(q: Query, tasks: list[Task]) -> list[str]:
    """The departments an answer is about: those of the role asked (谁牵头 → the leads), else every one."""
    asked = list(dict.fromkeys(r for r in q.roles if r in ROLES))
    role = asked[0] if asked else None
    if role:
        # (谁牵头 of a task whose one unit is its 责任单位 — sole — names that unit: it is the one responsible; the
        # 牵头单位和配合单位分别是谁 of one task: the units of each role asked, in that order)
        names = list(dict.fromkeys(n for r in asked for t in tasks
                                   for n in (getattr(t, r) or (t.sole if r == "lead" else []))))
        # (谁牵头 where no task found names a lead: the answer names the units it does state)
        return names or (departments_of(tasks) if role == "lead" else [])
    return departments_of(tasks)


# ---------------------------------------------------------------- targets


def target_key(tg, voc) -> str:
    """What a target is called: metric and scope, with the synonyms of topics.yaml they hold."""
    return metric_key(tg.metric, tg.scope, voc)


def metric_key(metric: str, scope: str | None, voc) -> str:
    """``target_key`` of a target with this metric and scope (1,000 plans repeat a few dozen of them)."""
    key = fold(f"{metric}{scope or ''}")
    extra = [w for group in voc.topics if any(s in key for s in group) for w in group]
    return key + "|" + "|".join(extra)


def score(words: list[str], key: str) -> float:
    """How well ``words`` name ``key``: a whole word counts twice its length, each pair of characters one."""
    total = 0.0
    for w in words:
        if w in key:
            total += 2 * len(w)
            continue
        for k in range(len(w) - 1):
            if w[k:k + 2] in key:
                total += 1
    return total


def alien_modifier(word: str, mentions) -> str | None:
    """The opening words of ``word`` the plan never writes, before the longest part of it the plan does (区域 of
    区域级工业互联网平台 in a plan writing 行业级工业互联网平台): what comes before a noun says which one it is, so the
    plan names no such thing.  None when the word is short (under 4 characters), held whole, or its opening words
    are the plan's (in runs of two characters)."""
    if len(word) < 4 or word in mentions or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return None  # (a word with Latin letters or digits — 相比pm2.5下降 — is a metric's name with the question's words)
    part = next((word[i:i + n] for n in range(len(word) - 1, 1, -1) for i in range(len(word) - n + 1)
                 if word[i:i + n] in mentions), None)
    if part is None or 2 * len(part) <= len(word):
        return None  # (a word the plan hardly writes: judged elsewhere — absent_topic)
    from kb.qa.query import load_shapes

    fillers = load_shapes()["circumstance_fillers"]
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", word[:word.find(part)]):
        if not any(run[i:i + 2] in mentions for i in range(len(run) - 1)) and not any(f in run for f in fillers):
            return run  # (时候 of 橙色预警的时候… says when, never which thing: holdout16 zg07)
    return None


def exec_target(question: str, q: Query, env) -> Answer:
    """PM2.5要下降多少 / 荣县的机械化清扫率 / 红色预警减排比例: numeric targets with scope and level.

    Never "the plan sets no such target" where a sentence of the plan sets it in words kb did not read as a target: a
    not_in_plan answer gives way to the plan's sentences in which an asked word is followed, within a few characters
    and in the same clause, by a verb or comparator of a target and a figure (路网密度达到8公里/平方公里, 调解成功率达90%,
    审批时间压缩至1个工作日) — quoted (values6 s18; a year asked must stand in the sentence too)."""
    answer = _target_answer(question, q, env)
    if answer is None or answer.status != "not_in_plan" or q.act is Act.WHEN:
        return answer  # (a time asked of a target — 失业率目标什么时候完成 — is answered by its clause's limit, or none)
    stated = _figure_sentences(env, topic_words(q, env), q)
    if stated:
        from kb.qa.executors import _stated_clauses

        quoted = _stated_clauses(question, q, env, "".join(q.topic), stated)
        if quoted is not None and quoted.status == "answered":
            return quoted
    return answer


@functools.lru_cache(maxsize=1)
def _figure_verb_re() -> re.Pattern:
    """A verb or comparator of a target (targets.yaml ``directions``, ``comparators_before``), then a figure."""
    from kb.parser.targets import load_vocabulary

    vocab = load_vocabulary()
    words = sorted({*vocab.directions, *(w for w, _ in vocab.before), "为"}, key=len, reverse=True)
    # (a figure in digits, or a share in words: 百分之四十, as older plans write it)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})\s*(?:[0-9]|百分之[一二三四五六七八九十])")


def _figure_sentences(env, words: list[str], q: Query) -> list[tuple[Task, str]]:
    """(task, sentence) of the plan's sentences in which an asked word (2+ characters) is followed in its clause, with at
    most 4 characters and no digit between, by a target's verb or comparator and a figure — the word's own figure; a
    year asked must be written in the sentence.  [] when none."""
    asked = [fold(w) for w in words if len(w) >= 2]
    if not asked:
        return []
    year = (q.dates.last or q.dates.first or "")[:4] if q.dates is not None else ""
    verb = _figure_verb_re()
    out = []
    for t in env.plan.tasks_matching([[w] for w in asked[-1:]], fold, kinds=None):
        for sentence in re.split(r"(?<=[。；;！？])", t.text or ""):
            folded = fold(sentence)
            if year and f"{year}年" not in folded:
                continue
            if not all(w in folded for w in asked):
                continue
            for clause in re.split(r"[，,；;：:]", folded):
                at = clause.find(asked[-1])
                if at < 0:
                    continue
                after = clause[at + len(asked[-1]):]
                m = verb.search(after, 0, len(after))
                if m and m.start() <= 4 and not _DIGIT.search(after[:m.start()]):
                    out.append((t, sentence.strip()))
                    break
    return out


def _target_answer(question: str, q: Query, env) -> Answer:
    """exec_target's reading of the targets kb read."""
    from kb.qa.executors import found_nothing

    plan, ctx, voc = env.plan, env.ctx, env.voc
    words = topic_words(q, env)
    # (task id, number, metric, scope, year) of every target: a stored plan reads them without building the
    # 7,000 tasks with targets of 1,000 plans; only the chosen targets' tasks are built below
    rows = plan.target_keys()
    if not rows:
        return found_nothing(question, q, env)  # the plan states no target
    # the asked measure (the last word: 人才公寓的租金) that no paragraph holds: the plan states no such
    # figure (kb/qa/plan_terms.py); earlier words may be the question's own (已经装了…的)
    from kb.qa.plan_terms import absent_topic

    # (a word glued of two of the plan's — 比例补助 of 按多少比例补助: 比例 | 补助 — is held)
    from kb.qa.executors import _plan_cut

    unheld = [w for w in words[-1:] if len(words) > 1 and len(w) >= 2 and absent_topic(plan, [w], min_length=2)
              and len(_plan_cut(fold(w), plan.mentions())) < 2]
    # the thing counted (多少城市社区要建成: the noun right after 多少/几个) that no paragraph holds: no figure of it either —
    # the remaining words (建成) matched 城市建成区's sweeping rate (a confident wrong answer)
    unheld = unheld or [w for w in words[:1] if len(words) > 1 and len(w) >= 2
                        and re.search(rf"(?:多少|几)[个项家座所条名]?{re.escape(w)}", fold(question))
                        and absent_topic(plan, [w], min_length=2)]
    # a word whose opening modifier the plan never writes (区域级工业互联网平台 where it writes 行业级 and 企业级 ones):
    # a thing the plan sets no figure for — never the figure of a sibling the rest of the word names
    unheld = unheld or [m for w in words if (m := alien_modifier(fold(w), plan.mentions()))]
    if unheld:
        shares = _share_clauses(env, words, unheld[0])
        if shares:
            # 流片费用补助比例是多少 where the plan writes 对流片费用给予不超过30%的补助: the share is stated, in other words
            # than asked — those clauses answer, never "原文中没有补助比例" (ROUTED values2, holdout15 cause 3)
            from kb.qa.executors import _stated_clauses

            answer = _stated_clauses(question, q, env, "".join(q.topic), shares)
            if answer is not None:
                return answer
        ctx.tasks = []
        return Answer(question, "target", f"方案没有写明“{''.join(q.topic)}”的数值目标：原文中没有“{unheld[0]}”。",
                      status="not_in_plan")
    # 研发经费投入要达到多少亿元: the unit asked (亿元) says what kind of value, not which target — a metric that
    # writes it (每年招引亿元以上制造业项目) is not named by it; the targets named are checked against it below
    kinds = unit_kinds()
    units = [w for w in words if w in kinds]
    if units and len(units) < len(words):
        words = [w for w in words if w not in units]
    if q.scopes:
        scoped = [r for r in rows if r[3] and any(s in split_scope(r[3]) for s in q.scopes)]
        rows = scoped or rows
        words = [x for x in (_drop(w, q.scopes) for w in words) if x]
    # (a single character — 亿 of 多少亿 — names no metric: 每年招引亿元以上制造业项目 is not 经济总量; it scores only
    # when nothing longer is asked)
    if any(len(w) >= 2 for w in words):
        words = [w for w in words if len(w) >= 2]
    scores: dict[tuple[str, str | None], float] = {}
    for r in rows:
        if (r[2], r[3]) not in scores:
            scores[(r[2], r[3])] = score(words, metric_key(r[2], r[3], voc)) if words else 1.0
    best = max(scores.values())
    if best < 2:
        return found_nothing(question, q, env)  # no target the words name: read as its deadline, its tasks …
    picked = [r for r in rows if scores[(r[2], r[3])] == best]
    if q.dates is not None and any(r[4] for r in picked):
        # 2030年农机总动力目标: only the targets of that year; none → the years the plan states
        first = int((q.dates.first or q.dates.last)[:4])
        last = int((q.dates.last or q.dates.first)[:4])
        if q.dates.test == "due" and q.dates.first and last > first:
            # 2024年-2025年累计完成…多少项: a range asked holds a target due within it (the plan writes the same range,
            # its target dated by the range's end); a range's first year alone said it was absent
            span = range(first, last + 1)
            asked = f"{first}—{last}"
        else:
            span, asked = (first,), str(first)  # the year named (the first of a range)
        # (a target with no year of its own in a one-year plan — 全年完成…, 森林覆盖率达到43% in 某县2016年…工作要点 — is that
        # year's: the title proves it, deadlines.year_of_work; before, 2016年森林覆盖率目标 said "no 2016 target")
        dated = [r if r[4] else (*r[:4], _plan_year_of(plan, r[0])) for r in picked]
        years = sorted({r[4] for r in dated if r[4]})
        picked = [r for r, d in zip(picked, dated) if d[4] in span]
        if not picked:
            ctx.tasks = []
            return Answer(question, "target", f"方案没有写明{asked}年的这项目标（方案写明的年份：{'、'.join(map(str, years))}年）。",
                          status="not_in_plan")
    # (among the year's targets: 家庭医生签约服务覆盖率 of 2025 answers 2025年签约服务覆盖率 though 签约服务覆盖率 is set for 2035)
    picked = _named_exactly(words, picked, env)
    built = {tid: plan.task(tid) for tid in dict.fromkeys(r[0] for r in picked)}
    chosen = [(built[r[0]], built[r[0]].targets[r[1]]) for r in picked]
    whole, part, _ = _part_holders(words, chosen, q)
    if whole and part:
        chosen = whole  # 造林任务是多少: 造林任务 5.7万亩, not 造林绿化与森林经营项目投资 0.81亿元
    if words:
        # 其他区域…处理率要达到多少 where the target picked states 县级及以上城市建成区's figure in the same sentence: a
        # neighbouring clause's figure is no answer (holdout14); the clause naming the subject asked answers, or nothing
        own = [(t, tg) for t, tg in chosen if _neighbour_subject(words, t, tg, env, fold(question)) is None]
        if len(own) < len(chosen):
            if own:
                chosen = own
            else:
                return _subject_clause(question, q, env, words, chosen)
    chosen = _qualified(question, _distributed_item(question, chosen))
    if words and not any(_about_target(words, t, tg, voc) for t, tg in chosen):
        # 基层执法人员工资标准是多少 where the plan's one target is 法制审核人员不少于…执法人员总数的5%: the words asked
        # are not what that target's sentence is about, and the thing measured — the end of the last word no target
        # sentence holds, 工资标准 — stands nowhere in the plan (holdout12 o17): the plan states no such figure
        # (a word of a kind of value — 总量 of GDP总量, 增速 — is how the figure is asked, answered below by kind)
        from kb.qa.query import load_shapes
        from kb.qa.wording import load_answer_words

        t, tg = chosen[0]
        tail = _unheld_tail(fold(words[-1]), _target_where(t, tg, voc))
        kinds_asked = {w for ws in load_shapes()["value_kinds"].values() for w in ws}
        fillers = load_shapes()["circumstance_fillers"]
        if (tail and not any(tail in w or w in tail for w in kinds_asked) and not any(f in tail for f in fillers)
                and absent_topic(plan, [tail], min_length=2)):
            ctx.tasks = []
            text = load_answer_words()["target_thing_absent"].format(topic="".join(q.topic), missing=tail)
            return Answer(question, "target", text, status="not_in_plan")
        said = _sentences_about(env, words, chosen) if q.act is not Act.WHEN else []
        if said:
            # 数字化网络化智能化技改项目贷款按基准利率的多少贴息 where the targets picked by pairs of characters are another
            # item's (新建800个智能工厂、数字化车间) and one sentence of the plan holds the words asked with its figures
            # (…技改项目3年期以上贷款，省级按照同期银行基准利率40%给予贴息，单个项目贴息期不超过3年): it answers, quoted
            # (holdout15 gy09)
            from kb.qa.executors import _stated_clauses

            answer = _stated_clauses(question, q, env, "".join(q.topic), said)
            if answer is not None:
                return answer
    if "unit_value" in env.nothing_found and q.unit:
        # 加装电梯面积多大 after no clause stated an area: a target in another kind of unit (新增加装电梯300台) is no
        # answer — one of the measure's units, or a share of it its metric names (40%以上面积), is
        chosen = [(t, tg) for t, tg in chosen if _of_measure(q.unit, tg)]
        if not chosen:
            return found_nothing(question, q, env)
    tasks = list({t.id: t for t, _ in chosen}.values())
    other = _indicator_unheld(question, chosen, voc)
    if other:
        # PM10浓度要下降多少 where the plan sets PM2.5 only: another indicator's target is no answer to it
        ctx.tasks = []
        metrics = list(dict.fromkeys(r[2] for r in rows))
        return Answer(question, "target", f"方案没有写明“{other}”的数值目标。方案写明数值目标的指标："
                      + "、".join(metrics[:15]) + ("等" if len(metrics) > 15 else "") + "。", status="not_in_plan")
    per = [(t, tg) for t, tg in chosen if _as_base_only(words, tg, env.voc)]
    if per and len(per) == len(chosen):
        # GDP增长多少 where the plan sets 单位GDP二氧化碳排放下降19.5%: GDP is only the base of another indicator
        from kb.qa.wording import load_answer_words

        ctx.tasks, ctx.topic = tasks, list(q.topic)
        lines = [load_answer_words()["only_as_base"].format(topic=_shown_topic(words, question))]
        lines.extend(target_line(t, tg) for t, tg in chosen)
        return Answer(question, "target", compose(lines), tasks=[], status="not_in_plan", departments=departments_of(tasks))
    if per:
        chosen = [c for c in chosen if c not in per]
        tasks = list({t.id: t for t, _ in chosen}.values())
    if _named_elsewhere(words, chosen, env):
        # 研发经费支出占GDP比重… where no target of that paragraph was read and GDP names 地区生产总值增长7%: the
        # paragraph naming the words asked answers (its deadline, its tasks), never another indicator's target
        return found_nothing(question, q, env)
    if q.value_kind and not units:
        # GDP总量要达到多少亿 where the plan sets 增长6.2%: a rate is no answer to an amount asked (nor the reverse);
        # the targets of the kind asked answer when some are (固定资产投资额550亿元 beside 技改投资增长10%)
        of_kind = [(t, tg) for t, tg in chosen if target_kind(tg, kinds) == q.value_kind]
        if of_kind:
            chosen = of_kind
            tasks = list({t.id: t for t, _ in chosen}.values())
        elif all(target_kind(tg, kinds) for _, tg in chosen):
            from kb.qa.wording import load_answer_words

            if q.value_kind == "rate" and (said := _share_in_words(env, words)) is not None:
                # 占专业课教师总数超过一半: a share the plan states in words (no target read of it) — quoted, never the
                # other target of the item (100个 基地: holdout11 zj19)
                t, sentence = said
                ctx.tasks, ctx.topic = [t], list(q.topic)
                text = load_answer_words()["share_in_words"].format(topic=_shown_topic(words, question)) + \
                    f"\n{t.label}：{sentence}"
                return Answer(question, "target", text, tasks=[t], departments=t.departments("any"))
            if q.value_kind == "rate" and not q.unit:
                # 分类分级工作按什么比例奖补 where the targets read of those words are counts (100家): a percentage the
                # plan writes beside the words without a target read of it (省级按照不超过项目投资额50%的比例给予…奖补)
                # answers as a number in 「%」 would — never the count
                from dataclasses import replace

                from kb.qa.executors import exec_unit_value

                stated = exec_unit_value(question, replace(q, unit="%"), env)
                # (only from paragraphs whose read targets these are not: a paragraph whose figures were read as
                # targets — 全社会固定资产投资额550亿元,其中:工业技改投资增长10% — states its rates as other subjects')
                if stated is not None and stated.status == "answered" and not {t.id for t in stated.tasks} & {
                        t.id for t, _ in chosen}:
                    return stated
            ctx.tasks, ctx.topic = tasks, list(q.topic)
            w = load_answer_words()
            lines = [w["no_value_of_kind"].format(topic=_shown_topic(words, question), kind=w["value_kinds"][q.value_kind])]
            # (only targets whose sentences are about the things asked — the words less the kind of value asked, 总量 of
            # GDP总量, 比例 of 比例补助 — are what the plan states of them: 一（一）'s 单个项目最高200万元 is no figure of
            # 研发投入按多少比例补助，最高多少, picked by 最高 alone)
            from kb.qa.query import load_shapes

            kinds_asked = sorted({fold(x) for xs in load_shapes()["value_kinds"].values() for x in xs}, key=len, reverse=True)
            things = [x for x in (_less_kind(fold(v), kinds_asked) for v in words) if len(x) >= 2]
            about = [(t, tg) for t, tg in chosen if not things or _about_target(things, t, tg, voc)]
            if not about:
                lines = [w["no_value_of_kind_none"].format(topic=_shown_topic(words, question),
                                                          kind=w["value_kinds"][q.value_kind])]
            lines.extend(target_line(t, tg) for t, tg in about)
            return Answer(question, "target", compose(lines), tasks=[], status="not_in_plan",
                          departments=departments_of(tasks))
    if q.act is Act.WHEN and "baseline" not in q.asks and not q.period:
        # (每年…的时间有什么要求 asks how long — Query.period — the target's value answers: 至少1个月, never its 完成时限)
        return _target_time(question, q, env, chosen, words)
    if units and not any(kinds.get(tg.unit, tg.unit) == kinds[u] for _, tg in chosen for u in units):
        # 一般公共预算收入要达到多少亿元 where the plan states 增长8%: not the value asked — say what it states
        from kb.qa.wording import load_answer_words

        ctx.tasks, ctx.topic = tasks, list(q.topic)
        lines = [load_answer_words()["no_value_in_unit"].format(topic="".join(w for w in words if len(w) >= 2) or "".join(words), unit=units[0])]
        lines.extend(target_line(t, tg) for t, tg in chosen)
        return Answer(question, "target", compose(lines), tasks=[], status="not_in_plan",
                      departments=departments_of(tasks))
    if _part_holders(words, chosen, q)[2]:
        # (after every other reading of the targets found: the one left is a sum spent on the thing or a list holding it
        # — 生态修复任务是多少 of 完成湿地保护与生态修复工程投资2.6亿元 — no figure of the thing itself)
        from kb.qa.wording import load_answer_words

        ctx.tasks, ctx.topic = [], list(q.topic)
        lines = [load_answer_words()["only_as_part"].format(topic=_shown_topic(words, question))]
        lines.extend(target_line(t, tg) for t, tg in chosen)
        return Answer(question, "target", compose(lines), tasks=[], status="not_in_plan", departments=departments_of(tasks))
    lines = [f"相关量化目标共 {len(chosen)} 项："]
    lines.extend(target_line(t, tg) for t, tg in chosen)
    sources = {(t.id, tg.clause): f"{t.label} {t.clauses[tg.clause] if tg.clause < len(t.clauses) else tg.text}"
               for t, tg in chosen}
    lines.append("原文：" + "；".join(sources.values()))
    ctx.tasks, ctx.topic = tasks, list(q.topic)
    return Answer(question, "target", compose(lines), tasks=tasks, targets=[(t.id, tg) for t, tg in chosen],
                  departments=departments_of(tasks))


_DIGIT = re.compile(r"\d")
#: What separates the clauses of a sentence that state one figure each (…达到100%，其他区域达到90%以上；…).
_CLAUSE_MARKS = re.compile(r"[，,；;]")


def _unboxed(clause: str) -> str:
    """``clause`` without a box's own number (专栏2工业互联网标识解析体系增强工程…: the title glued to its box's first
    sentence — 2 numbers the box, it is no figure of the clause; value_tables.yaml ``box_titles``)."""
    from kb.parser.value_tables import load_words

    for title in load_words().box_titles:
        clause = re.sub(rf"{re.escape(title)}\s*[0-9０-９]+", title, clause)
    return clause


def _spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``sentence`` between the marks of _CLAUSE_MARKS."""
    out, start = [], 0
    for m in _CLAUSE_MARKS.finditer(sentence):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence)))
    return [(a, b) for a, b in out if b > a]


def _unheld_runs(word: str, where: str) -> list[str]:
    """The pieces of ``word`` (2+ characters each) that ``where`` does not hold in runs of two or more characters:
    区域 of 区域生活垃圾无害化处理率 against 生活垃圾无害化处理率."""
    pieces, run = [], ""
    for ch, held in zip(word, _held_in_runs(word, where)):
        if held:
            if len(run) >= 2:
                pieces.append(run)
            run = ""
        else:
            run += ch
    if len(run) >= 2:
        pieces.append(run)
    return pieces


def _neighbour_subject(words: list[str], task: Task, tg, env, asked: str = "") -> str | None:
    """The piece of the asked words that the target's own clause does not name but another clause of its sentence
    does in a clause stating a figure (其他区域 asked, 县级及以上城市建成区…达到100% picked, 其他区域达到90%以上 beside
    it), or a piece the plan holds nowhere (建制镇) where the target has a scope the question does not ask (中心城区):
    that target is another subject's figure.  None when the target's clause (with its metric,
    scope and headings) names everything asked, or the piece is named by neither (a word of the question's own)."""
    voc = env.voc
    sentence = task.clauses[tg.clause] if tg.clause < len(task.clauses) else task.text
    folded = fold(sentence)
    at = folded.find(fold(tg.text)) if tg.text else -1
    if at < 0:
        return None
    spans = _spans(folded)
    own = next(((a, b) for a, b in spans if a <= at < b), None)
    if own is None:
        return None
    held = "|".join((folded[own[0]:own[1]], fold(tg.metric), fold(tg.scope or ""), fold(task.title or ""),
                     fold(task.section_title or ""), target_key(tg, voc)))
    from kb.qa.plan_terms import absent_topic

    # (a clause before the target's that states no figure — 全市个体工商户发展质量明显提升, opening 到2029年，…，带动就业人数
    # 达到580万人 — names the sentence's subject: a piece it holds is the target's too, though a later clause —
    # “四新”经济个体工商户占比达到40% — names it beside a figure of its own; holdout16 cq03)
    subject = "|".join(folded[a:b] for a, b in spans if b <= own[0] and not _DIGIT.search(_unboxed(folded[a:b])))
    for word in words:
        for piece in _unheld_runs(fold(word), held):
            if piece in subject:
                continue
            # (only a clause stating a figure of its own competes: 城市空气质量明显改善 before 优良天数比例达到80% is the
            # sentence's subject, not another figure's)
            if any(piece in folded[a:b] and _DIGIT.search(_unboxed(folded[a:b])) for a, b in spans if (a, b) != own):
                return piece
            # (a piece the plan holds nowhere names another subject only where the target has a subject of its own the
            # question shares nothing with — 建制镇 asked, 中心城区's 45% picked; 已经装 of 已经装了油气回收设施的 is the
            # question's own wording of the scope 已安装油气回收设施)
            if (len(piece) >= 3 and tg.scope and _unheld_runs(fold(tg.scope), asked) == [fold(tg.scope)]
                    and absent_topic(env.plan, [piece], min_length=3)):
                return piece
    return None


def _subject_clause(question: str, q: Query, env, words: list[str], chosen) -> Answer:
    """Every target picked states a neighbouring clause's subject: the clause of that sentence naming the asked piece
    answers when it states a figure of the measure asked (its words all in the question: 其他区域达到90%以上, the measure
    elided), quoted with its sentence; else the plan gives no such figure (乡镇 of 乡镇污水处理率 is not 乡镇's
    生活垃圾无害化处理率; 建制镇 stands nowhere)."""
    from kb.qa.wording import load_answer_words

    plan, ctx, voc = env.plan, env.ctx, env.voc
    asked = fold(question)
    quoted = []
    for t, tg in chosen:
        piece = _neighbour_subject(words, t, tg, env, asked)
        sentence = t.clauses[tg.clause] if tg.clause < len(t.clauses) else t.text
        for other in t.targets:
            if other.clause != tg.clause or other is tg or not other.text or piece not in fold(other.text):
                continue
            # (the clause's own words before its figure — 其他区域 of 其他区域达到90%以上 — all asked: the same measure)
            if not _unheld_runs(fold(other.metric), asked) and not any(o is other for _, o, _ in quoted):
                quoted.append((t, other, sentence))
    if quoted:
        ctx.tasks, ctx.topic = list({t.id: t for t, _, _ in quoted}.values()), list(q.topic)
        lines = [load_answer_words()["stated_clauses"].format(topic="、".join(dict.fromkeys(tg.metric for _, tg, _ in quoted)))]
        lines.extend(f"{t.label}：{tg.text}（原句：{sentence.strip()}）" for t, tg, sentence in quoted)
        tasks = ctx.tasks
        return Answer(question, "target", compose(lines), tasks=tasks, targets=[(t.id, tg) for t, tg, _ in quoted],
                      departments=departments_of(tasks))
    ctx.tasks = []
    piece = next((p for t, tg in chosen if (p := _neighbour_subject(words, t, tg, env, asked))), "")
    said = load_answer_words()["no_clause_of_subject"].format(topic="".join(q.topic), piece=piece)
    return Answer(question, "target", said, status="not_in_plan")


def _part_holders(words: list[str], chosen: list, q: Query) -> tuple[list, list, bool]:
    """(whole, part, only_part) of the chosen targets: ``whole`` those whose metric holds an asked word (2+ characters)
    as the thing measured — the word ends the metric, or only a measure of it follows (shapes.yaml ``thing_tails``:
    造林任务, PM2.5浓度, 森林覆盖率); ``part`` those holding asked words only with other words after them (造林 in
    造林绿化与森林经营项目投资: another thing's figure).  ``only_part``: every chosen target is a part-holder, each a sum
    spent on the thing (``part_sum_words``), and no sum is asked (the unit or the words): the plan states no figure of
    the thing itself."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    tails = tuple(shapes["thing_tails"])
    asked = [fold(w) for w in words if len(w) >= 2]
    if not asked:
        return [], [], False
    whole, part, sums = [], [], 0
    for t, tg in chosen:
        metric = fold(tg.metric)
        afters = [metric[at + len(w):] for w in asked if (at := metric.find(w)) >= 0]
        if not afters:
            continue
        if any(not a or a.endswith(tails) for a in afters):
            whole.append((t, tg))
        else:
            part.append((t, tg))
            # (only a sum spent on it is proved another thing's figure: a joiner after the word proves no list — 重度及以上
            # 污染天数比率 is 重度's own measure, 及以上 a comparator)
            sums += any(a.endswith(tuple(shapes["part_sum_words"])) for a in afters)
    money = q.unit in shapes["money_units"] or q.unit in shapes["money_words"] or any(
        m in "".join(asked) for m in (*shapes["money_words"], *shapes["part_sum_words"]))
    return whole, part, bool(part) and len(part) == len(chosen) and sums == len(part) and not money


def _sentences_about(env, words: list[str], chosen) -> list:
    """(task, sentence) of the plan's sentences stating a figure that hold more than half of the characters of the words
    asked (in runs of 2+, any order inside the sentence) and more of them than any chosen target's sentence: what the
    words are about when the targets picked are not.  [] when none."""
    from kb.qa.executors import _held_runs

    asked = [fold(w) for w in words if len(w) >= 2]
    total = sum(map(len, asked))
    if not asked or total < 4:
        return []
    best_target = max((sum(_held_runs(w, _target_where(t, tg, env.voc)) for w in asked) for t, tg in chosen), default=0)
    held = {t.id: t for w in asked if len(w) >= 2 for t in env.plan.tasks_matching([[w]], fold, kinds=None)}
    out, top = [], 0
    for t in held.values():
        for sentence in re.split(r"(?<=[。；;！？])", t.text or ""):
            folded = fold(sentence)
            if not _DIGIT.search(folded):
                continue
            n = sum(_held_runs(w, folded) for w in asked)
            if 2 * n > total and n > best_target and n >= top:
                if n > top:
                    out, top = [], n
                out.append((t, sentence.strip()))
    return out


def _plan_year_of(plan, task_id: str) -> int | None:
    """The one year of work the title of the task's document names (某县2016年生态建设工作要点 → 2016), or None."""
    from kb.parser.deadlines import year_of_work

    doc_id = plan.task(task_id).doc
    doc = next((d for d in plan.documents if d.id == doc_id), None)
    return year_of_work(getattr(doc, "plan_title", None) or getattr(doc, "title", None) or "") if doc else None


def _named_exactly(words: list[str], rows: list, env) -> list:
    """The target rows whose metric IS the asked name (or a topics.yaml spelling of it), when some are; else ``rows``.

    签约服务覆盖率要达到多少 where the plan sets 签约服务覆盖率 and 重点人群签约服务覆盖率: words standing before the asked
    name restrict the indicator (to a population, a kind of place), a different measure — the one named answers.  A
    metric's scope (全市, 全省) is split off by the parser and makes no name longer.  No metric exactly named: every row
    stays (the question does not say which; each is shown with its full name).  Applied to the targets of the year
    asked, so a plan writing one indicator two ways in two years still answers each year; the cost: a year where only
    重点人群签约服务覆盖率 is set still lists it, under its full name.  (Not done: a prefix the plan's title
    holds — 家庭医生 in a plan on 家庭医生签约服务 — would make 签约服务 + 覆盖率 "the" 覆盖率 as well, hiding 团队覆盖率.)"""
    asked = "".join(w for w in words if len(w) >= 2)
    if len(asked) < 2 or len(rows) < 2:
        return rows
    names = {fold(s) for s in env.voc.synonyms(asked)} | {asked}
    kept = [r for r in rows if fold(r[2]) in names]
    return kept or rows


def targets_named(env, words: list[str]) -> list:
    """(task, target) of the targets whose metric (with its synonyms) holds an asked word of 2+ characters whole,
    those holding the most of them; [] when none does (said after a refusal: what the plan does set)."""
    words = [w for w in words if len(w) >= 2]
    rows = env.plan.target_keys() if words else []
    # (a word holding a whole metric counts too: 生产总值总量 holds 生产总值; a metric read with its item's number,
    # (三)固定资产投资, is the metric without it)
    def bare(metric: str) -> str:
        return re.sub(r"^[（(][一二三四五六七八九十0-9]{1,3}[)）]", "", fold(metric))

    scored = [(sum(2 * len(w) for w in words if w in metric_key(r[2], r[3], env.voc) or (
        len(bare(r[2])) >= 2 and bare(r[2]) in w)), r) for r in rows]
    best = max((sc for sc, _ in scored), default=0)
    if not best:
        return []
    picked = [r for sc, r in scored if sc == best]
    built = {tid: env.plan.task(tid) for tid in dict.fromkeys(r[0] for r in picked)}
    return [(built[r[0]], built[r[0]].targets[r[1]]) for r in picked]


def _as_base_only(words: list[str], tg, voc) -> bool:
    """Every asked word (or synonym) the target's metric holds stands right after a word making it the base of another
    measure (shapes.yaml ``base_marks``: 单位地区生产总值二氧化碳排放, 占GDP比重, 人均…), and the question writes no such word
    itself: the target measures something else per or of what is asked (GDP增长多少 is not 单位GDP二氧化碳排放下降19.5%)."""
    from kb.qa.query import load_shapes

    marks = load_shapes()["base_marks"]
    asked = "".join(words)
    if any(m in asked for m in marks):
        return False  # 单位GDP二氧化碳排放要下降多少: the ratio itself is asked
    metric = fold(tg.metric)
    spans = []
    # the asked words and every spelling of a topics.yaml group one of them holds (gdp增长 → gdp, 地区生产总值, 生产总值)
    spellings = set(words) | {fold(x) for group in voc.topics if any(fold(y) in asked for y in group) for x in group}
    for syn in spellings:
        at = metric.find(syn) if len(syn) >= 2 else -1
        while at >= 0:
            spans.append((at, at + len(syn)))
            at = metric.find(syn, at + 1)
    if not spans:
        return False
    # one mention may be several spellings run together: 地区生产总值（gdp） (生产总值 inside it, gdp in brackets after it)
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and (a <= merged[-1][1] or (metric[merged[-1][1]:a] in ("（", "("))):
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return all(any(metric[:a].endswith(m) for m in marks) for a, _ in merged)


def _named_elsewhere(words: list[str], chosen, env) -> bool:
    """The longest asked word (4+ characters) stands in some paragraph of the plan, while neither it nor a synonym
    stands in the chosen targets' metrics or the words stating them: those targets are another indicator's (a target
    the parser did not read there is still the plan's subject; the plan's clause naming it answers)."""
    long = max((w for w in words if len(w) >= 4), key=len, default=None)
    if long is None:
        return False
    # (the metric and the words stating the target, not the whole clause: 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%
    # is one clause of two indicators, and 服务业增加值占GDP比重 is not 地区生产总值's)
    held = " ".join(fold(f"{target_key(tg, env.voc)} {tg.text}") for t, tg in chosen)
    if any(s in held for s in env.voc.synonyms(long)):
        return False
    return bool(env.plan.tasks_matching([(long,)], fold, kinds=None))


def _of_measure(asked: str, tg) -> bool:
    """A target answers a measure asked with no unit (面积多大: shapes.yaml measure_asks) when it is stated in one of the
    measure's units, as a share (建成区40%以上面积达到…: how much of an area), or its metric names the measure; never a
    count of things (新增加装电梯300台).  A unit asked (几个 → 10名) any target answers but a share (60%)."""
    from kb.qa.executors import measure_units
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    if asked in shapes["person_units"]:
        # (多少名 asks people: 3000人次 counts attendances, 500个 places — only a figure in persons answers)
        return tg.unit in shapes["person_units"]
    if asked not in shapes["measure_asks"]:
        # (a share is no count: 几个街镇 is not answered by 各街镇…不低于年度计划任务量的60%, holdout12 wf15)
        share = shapes["unit_kinds"]["share"]
        return asked in share or tg.unit not in share
    return (tg.unit in measure_units(shapes, asked) or tg.unit in shapes["unit_kinds"]["share"]
            or any(n in tg.metric for n in shapes["measure_nouns"].get(asked, ())))


def _share_in_words(env, words: list[str]) -> tuple | None:
    """(paragraph, sentence) of the one sentence of the plan that holds every piece of the asked words (split at 占:
    双师型教师 | 专业课教师) and a share said in words (shapes.yaml ``share_words``: 超过一半, 三分之一); None otherwise."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    pieces = [p for w in words for p in re.split("|".join(map(re.escape, shapes["share_marks"])), fold(w)) if len(p) >= 2]
    if not pieces:
        return None
    found = []
    for t in env.plan.tasks_matching([[p] for p in pieces], fold, kinds=None):
        for sentence in re.split(r"(?<=[。；;！？])", t.text or ""):
            flat = re.sub(r"（[^（）]*）|[“”\"]", "", fold(sentence))
            if all(p in flat for p in pieces) and any(s in flat for s in shapes["share_words"]):
                found.append((t, sentence.strip()))
    return found[0] if len(found) == 1 else None


def _about_target(words: list[str], task: Task, tg, voc) -> bool:
    """The target's sentence (with its headings, its metric and the synonyms it holds) holds more than half of the characters of the
    words asked, in runs of two or more (a shared 执法人员 alone does not make 基层执法人员工资标准 its subject)."""
    from kb.qa.executors import _held_runs

    where = _target_where(task, tg, voc)
    return 2 * sum(_held_runs(fold(w), where) for w in words) > sum(len(fold(w)) for w in words)


def _target_where(task: Task, tg, voc) -> str:
    """What a target is about, folded: its sentence, the headings over it (有效应对重污染天气 over …减排比例原则上分别不低于
    10%…), its metric and the synonyms it holds."""
    sentence = task.clauses[tg.clause] if tg.clause < len(task.clauses) else task.text
    return "|".join(fold(x) for x in (sentence, task.title or "", task.section_title or "")) + "|" + target_key(tg, voc)


def _less_kind(word: str, kinds: list[str]) -> str:
    """``word`` without a word of a kind of value asked at its start or end (比例补助 → 补助, gdp总量 → gdp)."""
    for k in kinds:
        if word.startswith(k) and len(word) > len(k):
            return word[len(k):]
        if word.endswith(k) and len(word) > len(k):
            return word[:-len(k)]
    return word


def _unheld_tail(word: str, where: str) -> str:
    """The end of ``word`` that ``where`` does not hold in runs of two or more characters (工资标准 of 基层执法人员工资标准
    against …执法人员总数…), or '' when its last characters are held."""
    covered = [False] * len(word)
    i = 0
    while i < len(word) - 1:
        for j in range(len(word), i + 1, -1):
            if word[i:j] in where:
                covered[i:j] = [True] * (j - i)
                i = j
                break
        else:
            i += 1
    end = len(word)
    while end > 0 and not covered[end - 1]:
        end -= 1
    return word[end:]


def target_kind(tg, kinds: dict[str, str]) -> str | None:
    """What kind of number a target states (shapes.yaml ``value_kinds``): ``rate`` for a percentage (增长6.2%, 比重
    47.1%), ``amount`` for a number in any other unit (550亿元, 3000万人), None without a unit (完成省定任务)."""
    if not tg.unit:
        return None
    return "rate" if kinds.get(tg.unit) == "share" else "amount"


def _without_year(line: str) -> str:
    """A target's line without the year its task's deadlines lend it (（到2023年）): said of a target whose clause sets no
    time, that year would read as its own."""
    line = re.sub(r"，?到\d{4}年(?=[，）])", "", line)
    return line.replace("（，", "（").replace("（）", "")


def _covers(clause: str, time: str, target: str) -> bool:
    """Whether a time written in ``clause`` is the target's: it stands in the same comma-separated piece as the words
    stating the target, or in a piece of its own opening the sentence (到2025年，…就业率达到90%: a time adverbial over
    what follows). 新增城镇就业2000人，2023年6月底前完成零就业家庭动态清零: the date is the other piece's. True when either
    cannot be found in the clause (the clause as a whole, as before)."""
    pieces = re.split(r"[，,]", clause)
    at_time = next((k for k, p in enumerate(pieces) if time and time in p), None)
    at_target = next((k for k, p in enumerate(pieces) if target and (target in p or p and p in target)), None)
    if at_time is None or at_target is None or at_time == at_target:
        return True
    rest = re.sub(r"^[（(][一二三四五六七八九十0-9]{1,3}[)）]", "", pieces[at_time].replace(time, ""))
    return at_time == 0 and at_time < at_target and len(rest.strip("到至在于截止前底以内末力争 ")) <= 1


def _heading_year(plan, task) -> list[str]:
    """The year the part or section heading over ``task`` states, as the heading's (一、2023年全区经济社会发展的主要
    预期目标 → 2023年): a heading naming one year sets it for every target under it. [] when no heading names
    exactly one year (a year in the plan's title is the plan's, not a target's)."""
    doc = next((d for d in plan.documents if d.id == task.doc), None)
    if doc is None:
        return []
    headings = [f"{num}、{title}" for num, title in doc.parts if num == task.part]
    # (a section that is the item itself — 一（三）新增城镇就业2000人，… — is no heading over it)
    headings += [f"{label}{title}" for label, title in doc.sections if label == task.section and label != task.label]
    for heading in reversed(headings):  # the nearest first
        years = set(re.findall(r"(?:19|20)\d\d(?=年)", heading))
        if len(years) == 1:
            return [f"{years.pop()}年（标题“{heading}”）"]
    return []


def _shown_topic(words: list[str], question: str) -> str:
    """The topic words (2+ characters) as the question writes them (GDP, not the folded gdp), quoted."""
    import unicodedata

    said = unicodedata.normalize("NFKC", question)
    shown = []
    for w in (w for w in words if len(w) >= 2):
        m = re.search(re.escape(w), said, re.IGNORECASE)
        shown.append(m.group(0) if m else w)
    return "“" + "".join(shown) + "”" if shown else "这项指标"


def _target_time(question: str, q: Query, env, chosen, words: list[str]) -> Answer:
    """失业率目标要什么时候完成 / PM2.5目标什么时候完成: the time the targets' own clauses set (a deadline in the clause, or
    the year the target is stated for). A target whose clause sets none has no time in the plan (not_in_plan, its
    task named); a time limit its task carries is said as that task's (the tag's 完成时限 covers the whole row; a
    deadline in another clause of the task belongs to that clause), never as the target's own."""
    from kb.qa.exec_items import deadline_said
    from kb.qa.wording import load_answer_words

    w = load_answer_words()
    timed, untimed = [], []
    for t, tg in chosen:
        clause = t.clauses[tg.clause] if tg.clause < len(t.clauses) else ""
        own = [deadline_said(d) for d in t.deadlines if d.clause == tg.clause and _covers(clause, d.text, tg.text)]
        if not own and tg.year and _covers(clause, f"{tg.year}年", tg.text):
            own = [f"{tg.year}年"]
        if not own:
            own = _heading_year(env.plan, t)
        (timed if own else untimed).append((t, tg, own))
    tasks = list({t.id: t for t, _ in chosen}.values())
    env.ctx.tasks, env.ctx.topic = tasks, list(q.topic)
    lines = []
    if timed:
        lines.append(f"{_shown_topic(words, question)}的时限：")
        lines.extend(f"{target_line(t, tg)} —— {'；'.join(own)}" for t, tg, own in timed)
    if untimed:
        lines.append(w["no_target_time"].format(topic=_shown_topic(words, question)) if not timed
                     else w["no_target_time_other"])
        lines.extend(_without_year(target_line(t, tg)) for t, tg, _ in untimed)
        for t in {t.id: t for t, _, _ in untimed}.values():
            whole = [deadline_said(d) for d in t.deadlines if d.clause >= len(t.clauses)]
            # (a deadline of the target's own clause that covers another piece of it counts here too)
            other = [deadline_said(d) for d in t.deadlines if d.clause < len(t.clauses)]
            if whole:
                lines.append(w["task_time"].format(label=t.label, times="；".join(whole)))
            if other:
                lines.append(w["clause_time"].format(label=t.label, times="；".join(other)))
    if not timed:
        return Answer(question, "target", compose(lines), tasks=[], status="not_in_plan",
                      departments=departments_of(tasks))
    return Answer(question, "target", compose(lines), tasks=[t for t in tasks if any(t.id == x.id for x, _, _ in timed)],
                  departments=departments_of(tasks))


#: An indicator written in Latin letters and digits (PM10, PM2.5, SO2, NOx, VOCs, COD, GDP), as fold() writes it.
_INDICATOR = LazyPattern(r"[a-z][a-z0-9.]*[a-z0-9]")


def _indicator_unheld(question: str, chosen, voc) -> str | None:
    """The question's alphanumeric indicator (PM10) that none of the chosen targets — their metric, its synonyms
    (topics.yaml: GDP → 地区生产总值) or the clause quoted — writes as a whole token: the targets are another
    indicator's (PM2.5), not the one asked. None when every indicator asked is held."""
    texts = []
    for t, tg in chosen:
        clause = t.clauses[tg.clause] if tg.clause < len(t.clauses) else tg.text
        texts.append(fold(f"{target_key(tg, voc)} {tg.text or ''} {clause}"))
    held = " ".join(texts)
    for tok in _INDICATOR.findall(fold(question)):
        if len(tok) < 2:
            continue
        if not re.search(rf"(?<![a-z0-9.]){re.escape(tok)}(?![a-z0-9])", held):
            import unicodedata

            said = re.search(re.escape(tok), unicodedata.normalize("NFKC", question), re.IGNORECASE)
            return said.group(0) if said else tok.upper()
    return None


def _distributed_item(question: str, chosen: list) -> list:
    """One item of a distributive sentence asked (专精特新企业营业收入占比 of ``高新技术企业、专精特新企业和专精特新“小巨人”
    企业营业收入占比分别达到30%、20%和10%``): of the targets read from that sentence, the one in the named item's position
    — the item named by words of its own no other item holds (the metric glued to the last item, 营业收入占比, cut off at
    the ending the other items share, 企业), the only item so named; ``chosen`` unchanged otherwise (no item named, two
    named alike, the targets not all of one sentence)."""
    from kb.qa.distributive import distributions

    if len(chosen) < 2 or len({(t.id, tg.clause) for t, tg in chosen}) != 1:
        return chosen
    t = chosen[0][0]
    clause = t.clauses[chosen[0][1].clause] if chosen[0][1].clause < len(t.clauses) else t.text
    asked = fold(question)
    for d in distributions(clause):
        if len(d.values) != len(chosen):
            continue
        items = [fold(x) for x in d.items]
        ending = _shared_ending(items[:-1])
        if ending and ending in items[-1][:-len(ending)]:
            items[-1] = items[-1][:items[-1].rindex(ending) + len(ending)]  # (its metric cut off)
        hits = _item_hits(items, asked)
        if len(hits) > 1 and hits[-1][1] == len(items) - 1:
            # (no ending shared — 化工、建材和钢铁行业能耗 —: the metric is the last item's ending the question writes right
            # after another item's own words, 建材行业能耗 → 行业能耗 cut off 钢铁行业能耗)
            for _, k, part in hits[:-1]:
                rest = asked[asked.index(part) + len(part):]
                last = items[-1]
                tails = [last[-n:] for n in range(2, len(last)) if rest.startswith(last[-n:])]
                if tails:
                    items = items[:-1] + [last[:-len(max(tails, key=len))]]
                    hits = _item_hits(items, asked)
                    break
        if len(hits) != 1:
            return chosen
        value = re.search(r"[0-9]+(?:\.[0-9]+)?", fold(d.values[hits[0][1]]))
        picked = [(t, tg) for t, tg in chosen if value and tg.value == float(value.group(0))]
        return picked if len(picked) == 1 else chosen
    return chosen


def _qualified(question: str, chosen: list) -> list:
    """Of several targets found, those whose own words — in their metric or wording, held by no other target found —
    the question writes at greatest length (单个项目 of 单个项目贴息最高200万元 beside 贴息比例最高不超过50%; 易腐货物 of
    易腐货物…6小时以内 beside 一般货物…48小时以内): the question's qualifier picks the clause (ROUTED values2, holdout15
    cause 3).  Unchanged when no target's own words are asked, or every target's are."""
    if len(chosen) < 2:
        return chosen
    asked = fold(question)
    texts = [fold(f"{tg.metric}{tg.scope or ''}{tg.text or ''}") for _, tg in chosen]
    best = []
    for k, text in enumerate(texts):
        others = texts[:k] + texts[k + 1:]
        # (words only: three Chinese characters or more, no digit — 5年 of 2015年 and PM2.5年均 is no qualifier)
        own = [j - i for i in range(len(text)) for j in range(i + 3, len(text) + 1)
               if _cjk_only(text[i:j]) and text[i:j] in asked and not any(text[i:j] in o for o in others)]
        best.append(max(own, default=0))
    top = max(best)
    if top < 3 or all(b == top for b in best):
        return chosen
    return [c for c, b in zip(chosen, best) if b == top]


def _cjk_only(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def _share_clauses(env, words: list[str], unheld: str) -> list[tuple[Task, str]]:
    """(paragraph, clause) stating a percentage of the thing whose share is asked (补助 of 补助比例: shapes.yaml
    measure_nouns share) in a paragraph holding every other word asked (流片费用): 对流片费用给予不超过30%的补助.  [] when
    the word asked is no share of a thing, or no such clause stands in the plan."""
    from kb.qa.query import load_shapes

    nouns = sorted(load_shapes()["measure_nouns"]["share"], key=len, reverse=True)
    noun = next((n for n in nouns if unheld.endswith(n)), None)
    stem = unheld[: -len(noun)] if noun else ""
    if len(stem) < 2:
        return []
    others = [w for w in words if w != unheld and len(w) >= 2]
    percent = re.compile(r"[0-9]+(?:\.[0-9]+)?\s*[%％]")
    found = []
    for t in env.plan.tasks_matching([[stem], *[[w] for w in others]], fold, kinds=None):
        for clause in re.split(r"[，,。；;]", t.text):
            if stem in fold(clause) and percent.search(fold(clause)):
                found.append((t, clause.strip()))
    return found


def _item_hits(items: list[str], asked: str) -> list[tuple[int, int, str]]:
    """(length, index, part) of each item whose own words (2+ characters no other item holds) the question writes: its
    longest such part."""
    hits = []
    for k, item in enumerate(items):
        others = items[:k] + items[k + 1:]
        own = [item[i:j] for i in range(len(item)) for j in range(i + 2, len(item) + 1)
               if not any(item[i:j] in o for o in others) and item[i:j] in asked]
        if own:
            part = max(own, key=len)
            hits.append((len(part), k, part))
    return hits


def _shared_ending(items: list[str]) -> str:
    """The ending every item shares (企业 of 高新技术企业 and 专精特新企业), "" for fewer than two items or none."""
    if len(items) < 2:
        return ""
    end = ""
    for k in range(1, min(len(x) for x in items)):
        tail = items[0][-k:]
        if all(x.endswith(tail) for x in items):
            end = tail
        else:
            break
    return end


def unit_kinds() -> dict[str, str]:
    """Unit → what it measures (shapes.yaml ``unit_kinds``: 亿元 → money); a unit of no kind is its own kind."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    return {u: kind for kind, us in shapes["unit_kinds"].items() for u in us}


def _drop(word: str, scopes: list[str]) -> str:
    for s in scopes:
        word = word.replace(fold(s), "")
    return word


# ---------------------------------------------------------------- a topic's deadline


def exec_topic_deadline(question: str, q: Query, env) -> Answer:
    """国六标准什么时候实施: the task found, and the deadlines of its clauses closest to the words."""
    from kb.qa.exec_items import deadline_said
    from kb.qa.executors import found_nothing

    ctx = env.ctx
    if q.act is Act.VALUE and q.unit and "unit_value" in env.nothing_found:
        # (审批时间压缩到多少个工作日 where no paragraph states a number in 工作日: a number was asked — 时间 is its
        # topic, not a when — and a date of the paragraph is no answer: 时限：自2025年7月1日起 was)
        return found_nothing(question, q, env)
    words = topic_words(q, env)
    if "target" in q.asks and not q.period and q.act is Act.WHEN:
        # 企业开办时间压缩到多少: 多少 asks the figure of a time the plan sets as a target (开办时间压缩至1个工作日以内), read
        # as a when because of 时间 — the target answers, never the item's 完成时限 (6月底 was said; values6 s18)
        from dataclasses import replace

        # (时间/时限 of the question names the metric — 开办时间, 审批时限 — though read as a when-word: given back)
        asked = fold(question)
        glued = [next((w + n for n in ("时间", "时限", "用时", "周期") if w + n in asked), w) for w in q.topic]
        as_value = replace(q, act=Act.VALUE, topic=glued)
        if _time_targets_named(env, topic_words(as_value, env)):
            saved = (env.ctx.tasks, env.ctx.topic, set(env.nothing_found))
            answer = exec_target(question, as_value, env)
            if answer is not None and answer.status == "answered" and answer.targets:
                return answer
            env.ctx.tasks, env.ctx.topic = saved[:2]  # (no such target after all: the when-question as before)
            env.nothing_found.clear()
            env.nothing_found.update(saved[2])
    event = _asked_event(fold(question))
    if event is not None and event[0] == "end" or "持续到" in question:
        # 活动什么时候结束 where the plan writes 自2021年3月起…为期1年: the end reckoned from the start and the length, or the
        # length and that no end is written (values6 s18: "没有写明" / not understood before)
        # (the words as asked when the plan's title holds them: 行动什么时候结束 of a 专项行动 notice)
        answer = duration_answer(question, q, env, words or list(q.topic), asks_end=True)
        if answer is not None:
            return answer
    said = stated_time_noun(question, env, words)
    if said is not None:
        # 考核数据的时间节点是什么: 考核数据时间节点为上一年度1月至12月 — the plan's words, never another paragraph's limit
        return _time_noun_answer(question, env, words, said)
    task = best_task(env, words)
    if task is None:
        # (a plan whose dated paragraphs are no tasks — 四、计划安排 …2026年11月底前，启动…文化公园建设, no unit named:
        # the paragraph about the words that dates them answers, said as the plan's paragraph)
        task = _dated_paragraph(env, words)
    if q.period:
        # 多久修订一次 / 教师每年在企业实训的时间有什么要求: how often or how long — the plan's 每5年修订1次 / 每年至少1个月,
        # never a due date of the paragraph (时限：从2019年起 was the hiring clause's start: holdout11 zj06, zj07)
        times = stated_times(task, fold(question), words) if task is not None else []
        if not times:
            found, times = timed_paragraph(env, fold(question), words)
            task = found if times else task
        if times:
            return stated_times_answer(question, env, task, words, times)
        if task is None:
            return partial_only(question, env, words) or found_nothing(question, q, env)
        from kb.qa.query import load_shapes
        from kb.qa.wording import load_answer_words

        text = load_answer_words()["no_period"].format(topic="、".join(words)) + f"\n出处：{task.label} {task_head(task)}"
        # (每年向区委、区政府报告…: an every-word with no count — the clause holding most of the question is quoted)
        fits = [(clause_fit(fold(question), words, fold(c)), c) for c in task.clauses]
        top = max(fits, key=lambda x: x[0], default=None)
        if top is not None and top[0][0] >= 4 and any(w in fold(top[1]) for w in load_shapes()["time_every"]):
            text += f"\n原文：{top[1].strip()}"
        ctx.tasks, ctx.topic = [task], words
        return Answer(question, "topic_deadline", text, tasks=[], status="not_in_plan")
    held = _dated_holder(env, words, task)
    if task is None and held is None:
        return partial_only(question, env, words) or found_nothing(question, q, env)
    bare = _uncovered(env, words, task) if held is None else None
    if bare is not None and not q.aggregate:
        # (the sentence on the words sets no limit; the paragraph's limits are its other sentences': said so, those
        # limits shown as the item's other content — never as the time of what is asked)
        from kb.qa.exec_items import deadline_said
        from kb.qa.wording import load_answer_words

        w = load_answer_words()
        units = describe(task)
        head = f"{task.label} {task_head(task)}" + (f"（{units}）" if units else "（方案未写明责任单位）")
        text = (w["no_deadline"].format(topic="、".join(words)) + f"\n出处：{head}\n原文：{bare.strip()}\n"
                + w["clause_time_work"].format(label=task.label, times="；".join(deadline_said(d) for d in task.deadlines)))
        ctx.tasks, ctx.topic = [task], words
        return Answer(question, "topic_deadline", text, tasks=[], status="not_in_plan",
                      departments=task.departments("any"))
    asked = fold(question)
    undated = None  # the paragraph found first, holding the words with no limit of them, when a dated one answers
    if held is not None:
        # (the paragraph found sets no time, or does not hold the words: the dated clause holding them answers)
        undated = task
        task, dated = held
    else:
        dated = task.deadlines
    # (each deadline scored on the words it sets a limit to — its own comma-clause when a sentence holds two limits:
    # 每月15日前报送进展情况，2024年3月底前报送工作总结 — never the other action's)
    span_of = {id(d): span for d, span in zip(task.deadlines, own_spans(task))}
    scored = [(clause_fit(asked, words, fold(span_of.get(id(d)) or task.clauses[d.clause]))
               if d.clause < len(task.clauses) else (0, 0.0), d) for d in dated]
    best = max((sc for sc, _ in scored), default=(0, 0.0))
    noticed = _notice_clause(env, q, asked, words + [d.name for d in q.departments], best)
    if noticed is not None:
        return _notice_answer(question, env, words, *noticed)
    chosen = [d for sc, d in scored if sc == best] if best > (0, 0.0) else list(dated)
    if q.aggregate in ("earliest", "latest") and chosen:
        # 最晚什么时候整治完 of a paragraph setting 2026年年底前 and, for the largest cases, 2027年底前: the extreme limit
        # of the clauses on the words (any fit), not only the best-fitting one (holdout12 wf16 said 2026年年底前)
        pool = [d for sc, d in scored if sc > (0, 0.0) and d.end] or [d for d in chosen if d.end]
        if pool:
            pick = min if q.aggregate == "earliest" else max
            day = pick(d.end for d in pool)
            chosen = [d for d in pool if d.end == day][:1]
    event = _asked_event(asked)
    if event is not None and chosen:
        # 大桥什么时候通车 / 什么时候结束: a limit of the clause stating that event answers (2016年底前建成环岛路二期并通车),
        # never a date of another clause on the same thing (2016年，加快推进大桥建设) nor a start for an end
        def clause_of(d) -> str:
            return fold(span_of.get(id(d)) or (task.clauses[d.clause] if d.clause < len(task.clauses) else d.heading or ""))

        def names_event(d) -> bool:
            return event[0] != "end" and _names_event(clause_of(d), event[1])

        def states(d) -> bool:
            if event[0] == "end":
                return d.kind != "from"
            if not any(w in clause_of(d) for w in words if w != event[2]) and not _step_of_several(task, d):
                return True  # (a horizon another clause sets for the sentences after it, 到2025年，在…方面: as before)
            return names_event(d)
        # (a clause naming the event wins: 2022年开工建设…，2024年底前完成主体工程，力争2025年建成通车 — 2024年底前 dates
        # 完成主体工程, no horizon, and was said for 通车 too, values6 s18)
        naming = [d for d in dated if names_event(d)]
        stating = naming or [d for d in dated if states(d)]
        chosen = [d for d in chosen if d in naming] or [d for d in chosen if states(d)] or stating
        if not chosen:
            return _event_unstated(question, env, task, words, event[2], dated)
    if len(chosen) > 1 and event is None:
        chosen = _start_or_end(asked, chosen, span_of, task)
    units = describe(task)
    head = f"{task.label} {task_head(task)}" + f"（{units or units_unsaid(task)}）"
    if chosen:
        text = f"{'、'.join(words)}的时限：" + "；".join(deadline_said(d) for d in chosen) + f"。\n出处：{head}"
        for d in chosen:
            quote = ""
            if d.clause < len(task.clauses):
                quote = f"\n原文：{task.clauses[d.clause]}"
            elif d.heading:  # (a limit its heading states for the items under it: the heading is the plan's words)
                quote = f"\n原文：{d.heading}"
            if quote not in text:  # (two limits of one sentence: the sentence quoted once, dates7 s18)
                text += quote
        if chosen and all(d.clause >= len(task.clauses) for d in chosen):
            # (a limit for the whole item: the item's clause holding most of the question is quoted too — what the
            # limit is set for, 启动交通、海事联合执法专项行动。 under （二）2023年6月底前)
            fits = [(clause_fit(asked, words, fold(c)), c) for c in task.clauses]
            top = max(fits, key=lambda x: x[0], default=None)
            if top is not None and top[0] > (0, 0.0) and f"原文：{top[1].strip()}" not in text:
                text += f"\n原文：{top[1].strip()}"
        if undated is not None and undated.id != task.id and chosen:
            from kb.qa.wording import load_answer_words

            # (the same work stands undated elsewhere: said, so the reader of that paragraph is not misled)
            text += "\n" + load_answer_words()["also_undated"].format(label=undated.label)
    else:
        # the task sets no time limit: the plan does not hold what is asked (not_in_plan), the task named as the
        # source; it stays the conversation's task (谁牵头 next is about it) but is no item of an answer — unless its
        # clause on the words says how often or how long (每季度至少主动联系1次): those words are the answer
        times = stated_times(task, asked, words)
        if times:
            return stated_times_answer(question, env, task, words, times)
        from kb.qa.wording import load_answer_words

        text = load_answer_words()["no_deadline"].format(topic="、".join(words)) + f"\n出处：{head}"
        # (what the plan does say of it — 每年向区委、区政府报告…, a frequency, no time limit — quoted from the clause
        # holding most of the question, when it holds a run of 4+ of its characters)
        fits = [(clause_fit(asked, words, fold(c)), c) for c in task.clauses]
        top = max(fits, key=lambda x: x[0], default=None)
        if top is not None and top[0][0] >= 4 and fold(top[1]).strip("。；; ") not in fold(head):
            text += f"\n原文：{top[1].strip()}"  # (a clause that is the task's head, said in 出处 already: not again)
        ctx.tasks, ctx.topic = [task], words
        return Answer(question, "topic_deadline", text, tasks=[], status="not_in_plan",
                      departments=task.departments("any"))
    ctx.tasks, ctx.topic = [task], words
    return Answer(question, "topic_deadline", text, tasks=[task], deadlines=[(task.id, d) for d in chosen],
                  departments=task.departments("any"))


def _covering(t: Task, holds) -> list:
    """The limits of ``t`` that cover the word: a limit for the whole item — its heading's (三、时间节点 （二）2023年
    6月底前 over a paragraph repeating the body's undated 启动交通、海事联合执法专项行动: holdout14 ad11) or its
    tag's —, a clause's limit when that clause holds the word, or the paragraph's opening time (到2025年，…); every
    limit of a paragraph whose title holds the word (（二）部门督查阶段。2024年5月31日前，…: it is about the word)."""
    head = t.title or re.split(r"[，,。；;]", t.body or t.text)[0]
    if head and holds(fold(head)):
        # (the item's title, or its opening words when it has none — 加强城区餐饮油烟治理，… —: the item is about the word)
        return list(t.deadlines)
    opening = t.clauses[0] if t.clauses else ""
    # (a clause that is the time alone — a table row's 时间节点 cell, 2019年9月 — is a limit for the whole row)
    return [d for d in t.deadlines if d.clause >= len(t.clauses) or d.clause < len(t.clauses)
            and (holds(fold(t.clauses[d.clause]))
                 or fold(t.clauses[d.clause]).strip("。；;，, ") == fold(d.text)
                 or d.clause == 0 and re.match(rf"\s*{re.escape(d.text)}[，,]", opening))]


def _uncovered(env, words: list[str], task: Task | None) -> str | None:
    """The sentence of ``task`` holding the longest asked word (4+ characters) when the task sets limits and none of
    them covers that word (``_covering``): 启动小区停车设施专项整治行动 beside 全年完成加装电梯120台 — the limit is another
    sentence's; None otherwise."""
    long = max((w for w in words if len(w) >= 4), key=len, default=None)
    if task is None or long is None or not task.deadlines:
        return None
    spellings = [fold(s) for s in env.voc.synonyms(long)]

    def holds(text: str) -> bool:
        return any(s in text for s in spellings)

    if _covering(task, holds):
        return None
    return next((c for c in task.clauses if holds(fold(c))), None)


def _dated_holder(env, words: list[str], task: Task | None) -> tuple[Task, list] | None:
    """(paragraph, its deadlines covering the words) of the one dated paragraph whose clause holds the longest asked
    word (4+ characters, or a topics.yaml spelling of it) — a task or not: the body's untagged paragraph, the preamble —
    when ``task`` (the paragraph found for the words) sets no time or does not hold that word; None otherwise (the
    task found answers as before).  A clause holds the word when it writes it, or when the paragraph opens with the
    clause's time (到2025年，在…方面，…: the horizon of every sentence after it).  Several such paragraphs answer only when
    they state the same times (an annex row restating a body item); else None — the question does not say which."""
    long = max((w for w in words if len(w) >= 4), key=len, default=None)
    if long is None:
        return None
    spellings = [fold(s) for s in env.voc.synonyms(long)]

    def holds(text: str) -> bool:
        return any(s in text for s in spellings)

    def covering(t: Task) -> list:
        return _covering(t, holds)

    # (the paragraph found holding the word answers when a limit of it covers the word; its limit of another clause —
    # 全年完成加装电梯120台 beside an undated 启动小区停车设施专项整治行动 — is no limit of what is asked)
    if task is not None and task.deadlines and holds(fold(task.text)) and covering(task):
        return None
    hits = []
    for t in env.plan.tasks_matching([tuple(spellings)], fold, kinds=None):
        if not t.deadlines or (task is not None and t.id == task.id):
            continue
        covered = covering(t)
        if covered and holds(fold(t.text)):
            hits.append((t, covered))
    if not hits or len({tuple(d.text for d in ds) for _, ds in hits}) > 1:
        return None
    return hits[0]


def duration_answer(question: str, q: Query, env, words: list[str], asks_end: bool) -> Answer | None:
    """活动持续多久 / 集中整治什么时候结束 where the plan writes how long the work runs (为期1年, 历时3个月, 用两年左右时间:
    ``deadlines.find_durations``): the sentences on the words that state a length, each said with its end when the
    sentence states the start (自2021年3月起，为期1年 → 2022年2月28日, reckoned by ``deadlines.duration_end`` and said as
    kb's reckoning), else the length and that no end date is written (a question of the end is then not answered:
    status not_in_plan).  None when no sentence on the words states a length, or the one that does states a limit of
    its own (至2024年7月31日结束: the deadline answers as before)."""
    from kb.parser.deadlines import duration_end, find_durations
    from kb.qa.query import load_shapes
    from kb.qa.wording import load_answer_words

    marks = sorted(load_shapes()["duration_marks"], key=len, reverse=True)
    # (持续/为期 glued to the topic — 活动持续多久 read 活动持续 — say how it is asked, not what)
    topic = [w for w in (_less_marks(fold(w), marks) for w in words) if len(w) >= 2 and w not in ("结束", "到期", "期满")]
    if not topic:
        return None
    asked = fold(question)
    found = []
    for task in topic_matches(env, topic, kinds=None):
        title = fold(task.title or "")
        for c, clause in enumerate(task.clauses):
            folded = fold(clause)
            if not all(w in folded or w in title for w in topic):
                continue  # (the item's title names the work its sentence dates: 推进示范创建 › 用两年左右时间，建成…)
            spans = find_durations(clause)
            if spans:
                found.append((clause_fit(asked, topic, folded), task, c, clause, spans))
    if not found:
        return None
    best = max(x[0] for x in found)
    found = [x for x in found if x[0] == best][:3]
    w = load_answer_words()
    lines, tasks, status = [], [], "answered"
    shown = "".join(topic)
    for _, task, c, clause, spans in found:
        own = [d for d in task.deadlines if d.clause == c]
        stated_end = any(d.kind in ("by", "range") and d.end for d in own)
        if stated_end and asks_end:
            return None  # (the sentence states its end — 从2023年4月启动，至2024年底结束，为期两年: the deadline answers)
        length = "、".join(s.text for _, _, s in spans)
        begun = next((d for d in own if d.kind == "from"), None)
        first = begun.start if begun is not None else None
        said_start = begun.text if begun is not None else ""
        day = _YEARLESS_START.search(fold(clause)) if begun is None else None
        if day is not None:
            # (自2月20日起 — a start with no year, no deadline read — in a one-year plan whose title names the year
            # (某市2013年…工作方案: deadlines.year_of_work) starts in that year, said so; any other plan: no end reckoned)
            said_start = clause[day.start():day.end()]
            year = _plan_year_of(env.plan, task.id)
            if year:
                from datetime import date

                try:
                    first = date(year, int(day.group(1)), int(day.group(2) or 1)).isoformat()
                    said_start += f"，年份据方案标题为{year}年"
                except ValueError:
                    first = None
        end = duration_end(first, spans[0][2]) if first and len(spans) == 1 and not stated_end else None
        if end:
            y, m, dd = end.split("-")
            text = w["duration_end"].format(topic=shown, length=length, start=said_start,
                                            end=f"{int(y)}年{int(m)}月{int(dd)}日")
        elif asks_end:
            said = f"（{said_start}）" if said_start else ""
            text, status = w["duration_no_end"].format(topic=shown, length=length, start=said), "not_in_plan"
        else:
            text = w["duration_only"].format(topic=shown, length=length)
        units = describe(task)
        lines += [text, f"出处：{task.label} {task_head(task)}（{units or units_unsaid(task)}）", f"原文：{clause.strip()}"]
        tasks.append(task)
    if status != "answered" and len(found) > 1:
        status = "answered" if any("推算" in x for x in lines) else status
    env.ctx.tasks, env.ctx.topic = tasks, topic
    return Answer(question, "topic_deadline", compose(lines), tasks=tasks if status == "answered" else [], status=status,
                  departments=departments_of(tasks))


#: A start written without a year (自2月20日起, 从3月1日开始): group 1 the month, 2 the day.
_YEARLESS_START = LazyPattern(r"(?:自|从)(1[0-2]|0?[1-9])月(?:(3[01]|[12]\d|0?[1-9])[日号])?(?:起|开始)")


def _less_marks(word: str, marks: list[str]) -> str:
    """``word`` without a duration mark ending it (活动持续 → 活动, 活动为期 → 活动)."""
    for m in marks:
        if word.endswith(m) and len(word) > len(m):
            return word[: -len(m)]
    return word


def _time_targets_named(env, words: list[str]) -> bool:
    """The targets the words name best (as exec_target scores them) are all times (a unit of shapes.yaml unit_kinds
    ``duration``: 开办时间 ≤ 1个工作日): a 多少 read as a when asks their figure."""
    rows = env.plan.target_keys() if words else []
    scored = [(score(words, metric_key(r[2], r[3], env.voc)), r) for r in rows]
    best = max((sc for sc, _ in scored), default=0)
    if best < 2:
        return False
    kinds = unit_kinds()
    picked = [r for sc, r in scored if sc == best]
    return all(kinds.get(env.plan.task(r[0]).targets[r[1]].unit) == "duration" for r in picked)


def _names_event(clause: str, spellings: tuple[str, ...]) -> bool:
    """The clause states the event in one of its ``spellings`` (shapes.yaml ``event_verbs``); a spelling of two words
    (建设完成, 完成建设) also with the event's object between them (完成全县行政村信息服务站点建设, dates7 s18)."""
    for w in spellings:
        if w in clause:
            return True
        if len(w) == 4 and re.search(f"{re.escape(w[:2])}[^，,。；;]{{1,20}}{re.escape(w[2:])}", clause):
            return True
    return False


def _step_of_several(task, d) -> bool:
    """``d`` shares its sentence with other dated steps (2025年12月，组建…；2026年底前，完成…；2027年，实现…): it dates its
    own step, never the others' — no horizon for the sentences after it (信息服务站点什么时候建成 was answered 2025年12月 and
    2027年, the steps that do not name it, dates7 s18)."""
    return d.clause < len(task.clauses) and sum(1 for x in task.deadlines if x.clause == d.clause) > 1


def _start_or_end(asked: str, chosen: list, span_of: dict, task) -> list:
    """Of several limits fitting the question alike, those of the kind asked: a start asked (shapes.yaml ``start_words``:
    什么时候启动/开始/开工) keeps the steps that start work or a start (2025年6月，启动…建设 over 2026年6月底前，建成…); an
    end asked (``end_words``: 完成/建成/结束) the others; ``chosen`` when the question asks neither or none is of the
    kind (dates7 s18: a question about when it STARTS got the completion date)."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    starts = [w for w in shapes["start_words"] if w in asked]
    ends = [w for w in shapes["finish_words"] if w in asked]
    if bool(starts) == bool(ends):
        return chosen

    def starting(d) -> bool:
        words = fold(span_of.get(id(d)) or (task.clauses[d.clause] if d.clause < len(task.clauses) else ""))
        return d.kind == "from" or any(w in words for w in shapes["start_words"])

    kept = [d for d in chosen if starting(d) == bool(starts)]
    return kept or chosen


def _asked_event(asked: str) -> tuple[str, tuple[str, ...], str] | None:
    """The event a when-question asks (shapes.yaml ``event_verbs``: 通车 → 通车/开通; ``end_asks``: 结束): ("event", the
    plan's words stating it, the word asked) or ("end", (), the word asked); None for a plain when (什么时候完成)."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    for name, words in shapes["event_verbs"].items():
        if name in asked:
            return "event", tuple(words), name
    end = next((w for w in shapes["end_asks"] if w in asked), None)
    return ("end", (), end) if end else None


def _event_unstated(question: str, env, task, words: list[str], event: str, dated) -> Answer:
    """The plan sets no limit for the event asked (大桥什么时候通车 where the paragraph writes 2016年，加快推进大桥建设):
    said so, the paragraph and its limits shown as what they are — never as the event's time."""
    from kb.qa.exec_items import deadline_said
    from kb.qa.wording import load_answer_words

    w = load_answer_words()
    units = describe(task)
    head = f"{task.label} {task_head(task)}" + f"（{units or units_unsaid(task)}）"
    clauses = list(dict.fromkeys(task.clauses[d.clause].strip() for d in dated if d.clause < len(task.clauses)))
    text = (w["event_unstated"].format(topic="、".join(x for x in words if x != event), event=event) + f"\n出处：{head}"
            + "".join(f"\n原文：{c}" for c in clauses)
            + "\n" + w["clause_time_work"].format(label=task.label, times="；".join(deadline_said(d) for d in dated)))
    env.ctx.tasks, env.ctx.topic = [task], words
    return Answer(question, "topic_deadline", text, tasks=[], status="not_in_plan", departments=task.departments("any"))


def notice_clauses(doc) -> list[tuple[str, list]]:
    """The dated sentences of a document's cover notice (``Document.cover``: 关于印发…的通知, its 请各区于2018年9月30日前
    报送实施细则): (sentence, its deadlines), read by the parser's deadline rules.  A cover is no task of the plan, but
    what it requires by a date is the plan's requirement all the same."""
    return list(_cover_deadlines(doc.id, doc.cover or ""))


@functools.lru_cache(maxsize=4096)
def _cover_deadlines(doc_id: str, cover: str) -> tuple[tuple[str, list], ...]:
    """notice_clauses of one cover, read once per process: every when-question about a topic compares the covers of all
    loaded plans (~0.6 ms of the deadline rules a cover: 0.3 s a question at 1,000 plans when each was read again)."""
    from kb.model import Task as _Task
    from kb.parser.deadlines import apply_deadlines

    sentences = [x for x in re.split(r"(?<=[。；;！])|\n", cover) if x.strip()]
    probe = _Task(id="", doc=doc_id, label="", part="", part_title="", section=None, section_title=None, kind="paragraph",
                  title=None, text="", clauses=sentences)
    apply_deadlines(probe)
    return tuple((c, [d for d in probe.deadlines if d.clause == i]) for i, c in enumerate(sentences)
                 if any(d.clause == i for d in probe.deadlines))


def _notice_clause(env, q: Query, asked: str, words: list[str], best: tuple[int, float]):
    """The dated sentence of a cover notice that holds the question's words better than every dated clause of the task
    found (``best``: that clause's ``clause_fit``): (document, sentence, deadlines), else None."""
    # (a sentence holding none of the asked words whole — the notice's signature and date line, 黄浦区发展和改革委员会…
    # 2025年2月24日 — is no time limit of what is asked, however many characters it shares with the question)
    found = [(clause_fit(asked, words, fold(sentence)), doc, sentence, dls)
             for doc in env.plan.documents if getattr(doc, "cover", None) and not (q.plan and doc.id != q.plan)
             for sentence, dls in notice_clauses(doc)
             if any(len(w) >= 2 and w in fold(sentence) for w in words)]
    top = max(found, key=lambda x: x[0], default=None)
    return top[1:] if top and top[0] > best else None


_NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,2})"


@functools.lru_cache(maxsize=1)
def _stated_time_res() -> tuple[re.Pattern, re.Pattern]:
    """(how often, how long) as patterns of shapes.yaml's ``time_every`` and ``time_span_units``."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    units = "|".join(map(re.escape, shapes["time_span_units"]))
    # (每5年修订1次: 每 + a number + a unit of time is an every-word as 每年 is)
    every = "|".join([*map(re.escape, shapes["time_every"]), rf"每{_NUM}(?:{units})"])
    often = re.compile(rf"(?:{every})[^，。；;,、]{{0,10}}?{_NUM}次")
    # (a number of 1–2 digits not inside a longer one — 2025年 is a year, not a span; 12月底 is a date)
    before = "|".join(f"(?<={re.escape(w)})" for w in shapes["time_span_before"])  # (each look-behind of fixed width)
    after = "|".join(map(re.escape, shapes["time_span_after"]))
    span = rf"(?<![\d.．])(?:{_NUM}\s*[至到\-－—～~]\s*)?{_NUM}\s*(?:{units})"
    # (a span said as a time: after a word of duration, or before one — 三年滚动投资计划 names a plan)
    long = re.compile(rf"(?:(?:{before}){span}(?:{after})?|{span}(?:{after}))(?![底前初末中度\d])")
    return often, long


def stated_times(task, asked: str, words: list[str]) -> list[tuple[str, str]]:
    """(the plan's words, their clause) for each time requirement that is no due date — how often (每季度至少主动联系1次)
    or how long (建设周期一般为3至5年) — in the clauses of ``task`` that best fit what is asked (``clause_fit``);
    [] when none of them states one."""
    from kb.parser.deadlines import not_work_span
    from kb.qa.query import load_shapes

    often, long = _stated_time_res()
    how_often = any(w in asked for w in load_shapes()["frequency_asks"])
    found = []
    for clause in task.clauses:
        # (a benefit's or a person's period — 5年内按比例减免, 离校2年内 — is no time of the work: dates7 s18)
        phrases = [m.group(0) for m in often.finditer(clause)] + [
            m.group(0) for m in long.finditer(clause) if not not_work_span(clause, m.start(), m.end())]
        phrases += _period_words(clause, how_often)
        if phrases:
            found.append((clause_fit(asked, words, fold(clause)), clause, phrases))
    if not found:
        return []
    best = max(fit for fit, _, _ in found)
    if best <= (0, 0.0):
        return []
    out = []
    for fit, clause, phrases in found:
        if fit == best:
            out.extend((p, clause) for p in _own_phrases(asked, words, clause, phrases))
    return out


def _period_words(clause: str, how_often: bool) -> list[str]:
    """Times a clause states in dates rather than lengths: a span of dates naming a period (2025—2026年为过渡期: the
    period is those years) and, for a how-often asked, a limit recurring every period (每周五12:00前报送: every week) —
    过渡期是多长时间 / 工作进展多久报送一次 said no length or frequency was written (dates7 s18)."""
    from kb.parser.deadlines import find_deadlines, find_recurring

    dated = find_deadlines(clause)
    out = [clause[a:b] for a, b, d in dated if d.kind == "range" and clause[b:b + 1] in ("为", "是")]
    if how_often:
        out += [d.text for _, _, d in find_recurring(clause, 0, [(a, b) for a, b, _ in dated])]
    return out


def _own_phrases(asked: str, words: list[str], clause: str, phrases: list[str]) -> list[str]:
    """Of several times one sentence states, those whose comma-piece fits the question best (救援队伍30分钟内到达现场，网络
    故障2小时内响应: 网络故障多久响应 asks the second piece's 2小时内 — both were said, dates7 s18); all when they fit alike."""
    if len(phrases) < 2:
        return phrases
    pieces = re.split(r"[，,；;。]", clause)
    fits = []
    for p in phrases:
        piece = next((x for x in pieces if p in x), clause)
        fits.append(clause_fit(asked, words, fold(piece)))
    top = max(fits)
    return [p for p, f in zip(phrases, fits) if f == top]


def timed_paragraph(env, asked: str, words: list[str]):
    """(the paragraph, its ``stated_times``) of the search's best paragraphs for ``words`` whose clause holds the most of
    the topic asked (its characters in runs, ``_held_runs``: at least two thirds of them) and states how often or how
    long — any paragraph, a task or not (四（三）评价验收…建设周期一般为3至5年); (None, []) when none does, or two fit alike."""
    from kb.qa.executors import _held_runs

    topic = "".join(words)
    hits = env.index().search(" ".join(words), limit=10) if topic else []
    best, found = 0, []
    for h in hits:
        task = env.plan.task(h.task_id)
        if task is None:
            continue
        times = stated_times(task, asked, words)
        if not times:
            continue
        held = max(_held_runs(topic, fold(c)) for _, c in times)
        if held > best:
            best, found = held, [(task, times)]
        elif held == best and held:
            found.append((task, times))
    if len(found) != 1 or best * 3 < len(topic) * 2:
        return None, []
    return found[0]


def stated_times_answer(question: str, env, task, words: list[str], times: list[tuple[str, str]]) -> Answer:
    """A how-often / how-long asked where the plan states one (``stated_times``): its words, said as the plan's, with the
    clause quoted — no due date is made of them."""
    from kb.qa.wording import load_answer_words

    units = describe(task)
    head = f"{task.label} {task_head(task)}" + f"（{units or units_unsaid(task)}）"
    phrases = "；".join(dict.fromkeys(p for p, _ in times))
    text = load_answer_words()["stated_time"].format(topic="、".join(words), times=phrases) + f"\n出处：{head}"
    for clause in dict.fromkeys(c for _, c in times):
        text += f"\n原文：{clause}"
    env.ctx.tasks, env.ctx.topic = [task], words
    return Answer(question, "topic_deadline", text, tasks=[task], departments=task.departments("any"))


def own_spans(task) -> list[str]:
    """For each of ``task.deadlines``, the words it sets a limit to (``kb.parser.deadlines.deadline_spans`` over the
    deadlines of its clause; the tag's deadlines: '')."""
    from kb.parser.deadlines import deadline_spans

    by_clause: dict[int, list] = {}
    for d in task.deadlines:
        by_clause.setdefault(d.clause, []).append(d)
    span_of: dict[int, str] = {}
    for c, dls in by_clause.items():
        if c < len(task.clauses):
            for d, span in zip(dls, deadline_spans(task.clauses[c], dls)):
                span_of[id(d)] = span
    return [span_of.get(id(d), "") for d in task.deadlines]


def clause_fit(asked: str, words: list[str], clause: str) -> tuple[int, float]:
    """How well a dated clause holds what is asked: the characters of the question (folded) it holds in runs of two or
    more, then ``score`` of the topic words.  The question's own words decide first, not only the topic words the
    readers kept (落实情况什么时候报送: 落实 is read as a role, yet 本方案落实情况于2018年12月31日前报… is the clause
    meant, not the next sentence's 每年2月底前报送…)."""
    from kb.qa.executors import _held_runs

    return _held_runs(asked, clause), score(words, clause)


def _notice_answer(question: str, env, words: list[str], doc, sentence: str, dls: list) -> Answer:
    """A time limit the cover notice sets (各区要在2018年9月30日前报送本区实施细则): said as the notice's, with its words."""
    from kb.qa.exec_items import deadline_said

    env.ctx.tasks, env.ctx.topic = [], words
    text = (f"{'、'.join(words)}的时限：" + "；".join(deadline_said(d) for d in dls) + "。"
            f"\n出处：印发通知（《{doc.name}》之前的通知正文）\n原文：{sentence.strip()}")
    return Answer(question, "topic_deadline", text, tasks=[], deadlines=[(f"{doc.id}#cover", d) for d in dls])


def _holding(plan, run: str) -> list[Task]:
    """The paragraphs whose text holds ``run`` (folded), then those whose limit comes from a heading holding it (the
    paragraphs under ``（三）优化提升阶段（2027年年底前）`` for 优化提升阶段: their own words never name it) — read from the
    parts whose headings hold it, only when a heading does."""
    found = plan.tasks_matching([[run]], fold, kinds=None)
    if run not in plan.heading_text():
        return found
    pairs = {(doc_id, label.split("（")[0]) for doc_id, parts, sections in plan.document_outlines()
             for label, title in (*parts, *sections) if run in fold(title)}
    seen = {t.id for t in found}
    return found + [t for t in plan.parts_tasks(pairs) if t.id not in seen
                    and any(run in fold(d.heading) for d in t.deadlines if d.heading)]


def _dated_paragraph(env, words: list[str]) -> Task | None:
    """The one paragraph that is no task, carries a deadline and is about the words asked (kb.qa.executors._about:
    the longest word and more than half of their characters, in order) — the one holding most of them, then the one
    whose dated sentence names them; None when none is, or two remain (the question does not say which)."""
    from kb.qa.executors import _about, _held, _needed_words
    from kb.qa.query import load_shapes

    needed = _needed_words(words, env.voc, env.plan, load_shapes()["value_verbs"])
    if not needed:
        return None
    # (the paragraphs holding the longest run of the longest word the plan writes — a store lookup, not a scan)
    longest = max(needed, key=lambda ws: len(ws[0]))[0]
    mentions = env.plan.mentions()
    run = next((longest[i:i + n] for n in range(len(longest), 1, -1) for i in range(len(longest) - n + 1)
                if longest[i:i + n] in mentions), None)
    if run is None:
        return None
    def about(t: Task) -> str:
        # (a paragraph's title and the heading whose limit it carries are what it is about: 建设筹备阶段 of （一）建设筹备
        # 阶段（2024年年底前） alone over its paragraph, holdout13 dk06 — the paragraph's own words never name its phase)
        headings = "\n".join(dict.fromkeys(d.heading for d in t.deadlines if d.heading))
        return env.folded[t.id] + ("\n" + fold(headings) if headings else "")

    found = [(_held(about(t), needed), t) for t in _holding(env.plan, run)
             if t.kind != "task" and t.deadlines and _about(about(t), needed)]
    if not found:
        return None
    best = max(n for n, _ in found)
    top = [t for n, t in found if n == best]
    if len(top) > 1:
        # (equally about the words: the one whose own title — its heading, or the inline heading that opens it —
        # holds them is the paragraph ABOUT them; another merely mentions them: （一）各市自查阶段。2019年4月15日前，
        # 各市开展自查… answers 各市自查什么时候完成, not （二）省级核查阶段。…对各市自查情况进行核查)
        def titled(t):
            title = fold(t.title or "")
            return sum(len(w) for w in words if w and w in title)
        own = max(titled(t) for t in top)
        if own:
            top = [t for t in top if titled(t) == own]
    if len(top) > 1:
        # (equally about the words: the one whose dated sentence names them — 2026年11月底前，启动…文化公园建设, not the
        # goal paragraph's 至2026年底 beside a list that mentions it)
        def dated(t):
            return max((score(words, fold(t.clauses[d.clause])) for d in t.deadlines if d.clause < len(t.clauses)),
                       default=0.0)
        near = max(dated(t) for t in top)
        top = [t for t in top if dated(t) == near]
    if len(top) > 1 and all(d.heading for t in top for d in t.deadlines) and len(
            {tuple((d.heading, d.text) for d in t.deadlines) for t in top}) == 1:
        # (the paragraphs under one heading, each dated by that heading alone — 二（三）优化提升阶段（2027年年底前） over two:
        # the question names the heading, and its limit is the answer, cited from the heading; the first stands for them)
        return top[0]
    return top[0] if len(top) == 1 else None


# ---------------------------------------------------------------- every task on a topic


def stated_time_noun(question: str, env, words: list[str]):
    """(paragraph, sentence, noun, value) when the question asks a time noun of its words (考核数据的时间节点是什么,
    集中采购结果的执行周期是什么: shapes.yaml ``time_nouns``) and one sentence of the plan holding the words states it
    (考核数据时间节点为上一年度1月至12月, …周期为1年) — the plan's words, no date read; None otherwise."""
    from kb.qa.query import load_shapes

    asked = fold(question)
    noun = next((n for n in sorted(load_shapes()["time_nouns"], key=len, reverse=True) if n in asked), None)
    if noun is None:
        return None
    words = [fold(w) for w in words if len(w) >= 2 and w not in noun and noun not in w]
    if not words:
        return None
    said = re.compile(rf"{re.escape(noun)}(?:为|是)([^，。；;,：:]{{2,30}})")
    found = {}
    for t in env.plan.tasks_matching([[w] for w in words], fold, kinds=None):
        for sentence in re.split(r"[。；;！？!?\n]", fold(t.text or "")):
            m = said.search(sentence)
            if m and all(w in sentence for w in words):
                found.setdefault(m.group(1), (t, sentence.strip(), noun, m.group(1)))
    return next(iter(found.values())) if len(found) == 1 else None


def _time_noun_answer(question: str, env, words: list[str], said) -> Answer:
    from kb.qa.wording import load_answer_words

    task, sentence, noun, value = said
    words = [w for w in words if w not in noun and noun not in w] or words  # (周期 asked is the noun, no topic word)
    text = load_answer_words()["time_noun_stated"].format(topic="、".join(words), noun=noun, value=value)
    text += f"\n出处：{task.label} {task_head(task)}\n原文：{sentence}"
    env.ctx.tasks, env.ctx.topic = [task], list(words)
    return Answer(question, "topic_deadline", text, tasks=[task], departments=task.departments("any"))


def exec_topic_list(question: str, q: Query, env) -> Answer:
    """哪些任务涉及VOCs / 扬尘相关的任务: every task holding the keyword or a synonym."""
    from kb.qa.exec_departments import topic_stem
    from kb.qa.executors import found_nothing
    from kb.qa.plan_terms import term_tasks

    if q.act is not Act.LIST or "是什么" in fold(question):
        # 集中采购结果的执行周期是什么: a time the plan states in words of the topic (周期为1年), not its tasks
        said = stated_time_noun(question, env, topic_words(q, env))
        if said is not None:
            return _time_noun_answer(question, env, topic_words(q, env), said)
    plan, ctx, voc = env.plan, env.ctx, env.voc
    words = [topic_stem(voc, w) for w in topic_words(q, env)]  # 扬尘治理的任务 → every 扬尘 task
    asks = set(q.asks)
    marked = bool(asks & {"topic_before", "topic_after", "topic_mark"})
    if q.glued:
        ctx.tasks = []  # 组织保障: not 组织 of 无组织排放
        return Answer(question, "topic_tasks", f"方案中没有“{q.glued}”这一项：没有任何段落提到“{q.glued}”，共 0 项。",
                      status="not_in_plan")
    if q.act is Act.VALUE and "topic_value" in env.nothing_found:
        # 公共机构屋顶光伏要达到什么要求: a value asked whose topic names no target — the few paragraphs holding it say
        # what they state (方案没有写明…的数值；原文：…应装尽装 / the clause with its number), never a list of the tasks
        # mentioning it, an answer to another question (a stray topic word 达 had hidden this: the list found nothing)
        from kb.qa.executors import _held_unstated

        stated = _held_unstated(question, q, env)
        if stated is not None:
            return stated
    if q.topic_any and marked and not any(x in fold(question) for x in ("或", "或者")):
        # words the reader joined as either (加强与福建三明等革命老区的合作交流: 与 read as a joiner) that one place writes
        # together: that place, quoted — never every paragraph holding one of them (加强 is in most)
        written = written_answer(question, q, env, question_words(question))
        if written is not None:
            return written
    # 其中哪项提到电子证照 after a list (a section's items, a part's, a department's): only the items listed — never
    # the whole plan's (holdout14 c4b answered an annex paragraph outside the part listed)
    scope = _within_scope(q, env)
    keep = (lambda found: [t for t in found if t.id in scope]) if scope is not None else (lambda found: found)
    tasks = keep(topic_matches(env, words, q.topic_any))
    # a heading or title of the plan (kb/qa/plan_terms.py): every task under it, too
    learned = keep(term_tasks(plan, words, any_term=q.topic_any))
    if learned:
        tasks = sorted({t.id: t for t in tasks + learned}.values(), key=plan.position)
    how = "原文含任一写法"  # substring match, the usual case
    if not tasks and marked:
        hits = env.index().search(" ".join(words), limit=None, require_all=True, kinds=("task",))
        tasks = keep(numbers_bounded(words, sorted((plan.task(h.task_id) for h in hits), key=plan.position)))  # a map
        how = "原文含以下全部词语"
    if not tasks and marked:
        # no tagged task holds the words (a plan of untagged paragraphs, a notice, roles in prose, or a body named in one
        # untagged paragraph of a tagged plan): 方案中没有涉及…的任务 would deny what its paragraphs say — those holding
        # the words answer, said to be paragraphs
        paragraphs, together = keep(topic_matches(env, words, q.topic_any, kinds=None)), None
        if paragraphs and q.topic_any and not any(x in fold(question) for x in ("或", "或者")) and len(words) > 1:
            # words the reader joined as either, none of the places writing them together (written_answer found
            # none): a plain statement, the paragraphs holding most of them apart and few — never a list of every
            # paragraph holding one common word (加强) as the answer
            together = keep(topic_matches(env, words, False, kinds=None))
            if not together:
                return _none_together(question, env, words, paragraphs)
            paragraphs = together
        if paragraphs:
            shown = ("或" if q.topic_any and paragraphs is not together else "和").join(
                f"“{voc.spellings.get(w, w)}”" for w in words)
            from kb.qa.wording import load_answer_words

            untagged = not any(getattr(d, "tagged", True) for d in plan.documents)
            said = load_answer_words()["untagged_paragraphs"]["plan" if untagged else "tasks"]
            lines = [said.format(shown=shown, n=len(paragraphs))]
            if scope is not None:
                lines[0] = load_answer_words()["within_previous"] + lines[0]
            lines.extend(numbered(paragraphs))
            ctx.tasks, ctx.topic = paragraphs, words
            intent = "topic_count" if "count" in asks else "topic_tasks"
            return Answer(question, intent, compose(lines), tasks=paragraphs, departments=departments_of(paragraphs))
    if not tasks and scope is not None:
        from kb.qa.wording import load_answer_words

        ctx.tasks = []  # (the list 其中 narrows stays ctx.base: the next 其中 asks of it again)
        shown = "、".join(f"“{voc.spellings.get(w, w)}”" for w in words)
        return Answer(question, "topic_tasks", load_answer_words()["within_none"].format(n=len(scope), shown=shown),
                      status="not_in_plan")
    if not tasks:
        if not marked:
            return found_nothing(question, q, env)  # no paragraph holds it: who is responsible (ranked) …
        written = written_answer(question, q, env)  # written beside asking words (那个博物馆参与了哪项): quoted
        if written is not None:
            return written
        ctx.tasks = []
        from kb.qa.denials import checked_denial, shown_words  # (words written in another order: no 0-item denial)

        return checked_denial(question, q, env, words, Answer(
            question, "topic_tasks", f"方案中没有涉及“{'、'.join(shown_words(question, words, env.voc))}”的任务，共 0 项。",
            status="not_in_plan"))
    others = topic_matches(env, words, q.topic_any, kinds=None) if scope is None else []
    others = [t for t in others if t.kind != "task"]
    sp = voc.spellings
    joiner = "或" if q.topic_any else "和"
    shown = joiner.join(f"“{sp.get(w, w)}”" for w in words)
    synonyms = [sp.get(s, s) for w in words for s in voc.synonyms(w) if s != w]
    note = f"（含同义写法：{'、'.join(synonyms)}）" if synonyms else ""
    if how != "原文含任一写法":
        note += f"（{how}）"
    lines = [f"涉及{shown}的任务{note}共 {item_count(tasks)} 项{rows_note(tasks)}："]
    if scope is not None:
        from kb.qa.wording import load_answer_words

        lines[0] = load_answer_words()["within_previous"] + lines[0]
    lines.extend(listed_items(tasks))
    if others:
        lines.append("另外，非任务段落中提到的：" + "、".join(f"{t.label}" for t in others))
    ctx.tasks, ctx.topic = item_firsts(tasks), words
    intent = "topic_count" if "count" in asks else "topic_tasks"
    return Answer(question, intent, compose(lines), tasks=tasks, departments=departments_of(tasks))


def exec_literal(question: str, q: Query, env) -> Answer:
    """有几项写明“10月底完成” / 要求6月底完成的有多少项: the items whose text holds the phrase verbatim (kb.qa.query
    literal_pattern: digits bounded), listed or counted as asked — within the previous list after 其中; none: said so."""
    from kb.qa.query import literal_tasks
    from kb.qa.wording import load_answer_words

    found = literal_tasks(env.plan, q.literal)  # (the tag too: （6月底完成，牵头考核单位：…） writes the limit there)
    if q.plan:
        found = [t for t in found if t.doc == q.plan]
    scope = _within_scope(q, env)
    if scope is not None:
        found = [t for t in found if t.id in scope]
    words = load_answer_words()
    if not found:
        env.ctx.tasks = []
        return Answer(question, "literal", words["literal_none"].format(phrase=q.literal), status="not_in_plan")
    lines = [(words["within_previous"] if scope is not None else "")
             + words["literal_found"].format(phrase=q.literal, n=len(found))]
    lines.extend(numbered(found))
    env.ctx.tasks, env.ctx.topic = found, [q.literal]
    return Answer(question, "literal", compose(lines), tasks=found, departments=departments_of(found))


def numbers_bounded(words: list[str], tasks: list[Task], any_word: bool = False) -> list[Task]:
    """``tasks`` less those holding a number asked (12 of 12月底前 left as a topic word) only inside another number
    (12345) or as an item's number (12．): a number stands as itself, its digits bounded (routed from holdout15)."""
    numbers = [w for w in words if w.isdigit()]
    if not numbers:
        return tasks
    bounded = [re.compile(rf"(?<![0-9]){re.escape(n)}(?![0-9.．])") for n in numbers]
    keep = any if any_word else all
    return [t for t in tasks if keep(b.search(fold(t.text or "")) for b in bounded)]


def _within_scope(q: Query, env) -> set[str] | None:
    """The ids of the items a 其中-question keeps to (the list a run of 其中 narrows, else the last answer's: a section's
    or part's items as well as a task list), or None when the question is no 其中 or nothing was listed before it (其中
    asked first reads the whole plan, as before)."""
    from kb.qa.exec_departments import within_base

    if not q.within or not (env.ctx.base or env.ctx.tasks):
        return None
    return {t.id for t in within_base(q, env.ctx)}


#: The most paragraphs shown apart when no paragraph writes the asked words together.
RELATED_MOST = 5


def _none_together(question: str, env, words: list[str], paragraphs: list[Task]) -> Answer:
    """No paragraph writes the asked words together: said so (not_in_plan), the paragraphs holding most of them apart
    under 相关条目, at most RELATED_MOST."""
    from kb.qa.result import Item, Result, render_text
    from kb.qa.wording import load_answer_words

    shown = "和".join(f"“{env.voc.spellings.get(w, w)}”" for w in words)
    held = {t.id: sum(any(s in env.folded[t.id] for s in env.voc.synonyms(w)) for w in words) for t in paragraphs}
    ranked = sorted(paragraphs, key=lambda t: (-held[t.id], env.plan.position(t)))[:RELATED_MOST]
    result = Result(heading=[load_answer_words()["none_together"].format(shown=shown)])
    result.related = [Item(k, t) for k, t in enumerate(ranked, 1)]
    env.ctx.tasks = []
    return Answer(question, "topic_tasks", render_text(result), status="not_in_plan", result=result, related=ranked)


def topic_matches(env, words: list[str], any_word: bool = False, kinds=("task",)) -> list[Task]:
    """Tasks (paragraphs of ``kinds``) whose folded text holds, for every word (any word), the word or a
    synonym: exhaustive, in plan order.  A task's labelled fields (``Task.fields``: 适用范围：西港片区, 实施范围 …) are
    its words too: 针对西港片区的措施 / 北山片区有哪些措施 name the measures whose field says so, though no paragraph
    text holds the place (the tag is not searched for units, but a field's value is no unit)."""
    groups = [env.voc.synonyms(w) for w in words]
    if not any_word:
        found = env.plan.tasks_matching(groups, fold, kinds=kinds)
    else:
        ids = {t.id for g in groups for t in env.plan.tasks_matching([g], fold, kinds=kinds)}
        found = sorted((env.plan.task(i) for i in ids), key=env.plan.position)
    found = numbers_bounded(words, found, any_word)
    fielded = _field_holders(env, groups, any_word, kinds)
    if not fielded:
        return found
    return sorted({t.id: t for t in found + fielded}.values(), key=env.plan.position)


def _field_holders(env, groups, any_word: bool, kinds) -> list[Task]:
    """Tasks whose labelled fields hold the words (with their text: one word in a field, another in the paragraph),
    read through the plan's field values (kb.qa.query.field_values: read once per plan object)."""
    from kb.qa.query import field_text

    held = field_text(env.plan)
    if not held:
        return []
    out = []
    for task_id, fields in held.items():
        in_fields = [any(w in fields for w in g) for g in groups]
        if not any(in_fields):
            continue
        task = env.plan.task(task_id)
        if task is None or kinds is not None and task.kind not in kinds:
            continue
        text = fold(f"{task.title or ''}\n{task.body or task.text}")
        if any_word or all(f or any(w in text for w in g) for f, g in zip(in_fields, groups)):
            out.append(task)
    return out


# ---------------------------------------------------------------- who is responsible for a topic


def _new(tasks, seen: set[str]) -> list[Task]:
    """The tasks whose id is not in ``seen`` yet, in order and each once; their ids are added to ``seen``."""
    out = []
    for t in tasks:
        if t.id not in seen:
            seen.add(t.id)
            out.append(t)
    return out


def exec_topic_who(question: str, q: Query, env) -> Answer:
    """秸秆禁烧由谁负责 / …归哪个部门管 / …的牵头单位是谁: the task found, its departments by role."""
    from kb.qa.executors import found_nothing
    from kb.qa.plan_terms import term_tasks

    ctx = env.ctx
    from kb.qa.exec_departments import _unassigned, asked_unit

    unit = asked_unit(question, env.voc)
    if unit and q.topic and all(w in unit for w in q.topic) and unit not in env.plan.departments():
        # 各乡镇相关部门负责哪些工作: the topic words are the unit asked (各乡镇 + 相关部门 read as who), not a topic —
        # said as that unit (written: its paragraphs apart; else the nearest names), never another paragraph's who
        return _unassigned(question, q, env, unit, None)
    stated = stated_bodies(q, env)  # 海绵城市建设由哪个部门统筹协调: the plan's sentence saying who does it
    if stated is not None:
        return _stated_answer(question, q, env, *stated)
    if q.doer_verb:
        # 受电设施投入使用前由谁检验合格: the sentence saying 由X检验合格 names who does that act — the item's tag names who
        # carries the whole item (was answered with 二（二）'s tag)
        passive = passive_doers(q, env, topic_words(q, env), q.doer_verb)
        if passive is not None:
            return _stated_answer(question, q, env, *passive)
        several = passive_doers(q, env, topic_words(q, env), q.doer_verb, every=True)
        if several:
            # 奖励由谁给予 where two sentences each write 由X…给予 with doers read apart: both sentences, no one chosen
            # (the tag of one item answered — 二十二's 财政部, while 二十五/二十七 write 由省（区、市）…给予)
            return _stated_sentences(question, q, env, several)
        from kb.qa.query import load_shapes

        shapes = load_shapes()
        if act_verb(q.doer_verb, shapes) not in ("", *shapes["doer_duty_acts"]):
            # 创业补贴由谁审批 where no sentence writes 由…审批: the plan does not say who approves it — the tag of the item
            # holding 创业补贴 names who carries that item, and given as the approver it is a guess (said so, items apart)
            held = act_items(q, env, topic_words(q, env))
            act = act_verb(q.doer_verb, shapes)
            if held and not any(_act_with_doer(t, act) for t in held):
                # (only where no clause writing the verb names a unit of its item before it: 县公路管理站负责审核…
                # names who checks it, and 发布预警 written in 三（六）4 leaves its tag the answer; 对新认定的骨干型企业给予
                # 一次性奖励 names no giver — the tag given as the giver was a guess, 奖励由谁给予)
                return _act_not_stated(question, q, env, held)
    sent_to = stated_recipients(q, env, question)  # 整改方案报送哪个部门: the body the sentence sends it to
    if sent_to is not None:
        return _stated_answer(question, q, env, *sent_to, recipient=True)
    if q.recipient:
        # 工作方案报送给谁 with no sentence naming whom it goes to: said so — the units of a task holding 报送 are its
        # senders, an answer to another question (review-qa 7; the flag is set only after a verb of sending: read_recipient)
        from kb.qa.wording import load_answer_words

        ctx.tasks = []
        asked = question.strip().rstrip("？?。")
        return Answer(question, "topic_who", load_answer_words()["recipient_not_stated"].format(asked=asked),
                      tasks=[], status="not_in_plan")
    words = topic_words(q, env)
    # Several titles on the topic (扬尘由谁负责): each of them, with its departments.
    # Topics joined by 和/、 (秸秆禁烧和烟花爆竹由谁负责): each topic on its own.
    groups = [[w] for w in words] if q.topic_any else [words]
    tasks = []
    unnamed: list[Task] = []
    # (ids already listed, kept beside the lists: a set built again for each task found was quadratic — 1,000 tasks of
    # one topic at 1,000 plans)
    listed: set[str] = set()
    unnamed_ids: set[str] = set()
    how = "标题"
    if len(groups) > 1 and not any(titled(env, g) for g in groups):
        # …许可通行时间、路线、速度的意见: words joined by 、 inside one clause asked, not topics asked each on its own —
        # the one sentence holding them all names its doer (each word alone found a task holding only it)
        doers = stated_doers(q, env, words)
        if doers is not None and doers[0].role_source in ("prose", None):
            return _stated_answer(question, q, env, *doers)
    title_ids: set[str] = set()  # (tasks found by their title: an item asked as a whole, all its clauses answer)
    for group in groups:
        found = titled(env, group)
        title_ids.update(t.id for t in found)
        # The asked words verbatim in several paragraphs (遥感监测 in three of them): each of
        # them equally answers the question, whatever one title says; listing one would hide the rest.
        verbatim = verbatim_tasks(env, group)
        if len(verbatim) > 1 and len(found) <= 1:
            found, how = verbatim, "原文"
        elif len(verbatim) == 1 and len(found) == 1 and found[0].id != verbatim[0].id and not all(
                w in env.folded[found[0].id] for w in group):
            # 哪个单位负责开展本区域停车共享实施工作: the one paragraph writing the words as asked, not a title holding
            # their characters apart (建立区域停车资源共享利用协调机制 answered with 区政府)
            found, how = verbatim, "原文"
        if not found and not verbatim:
            # no task names the words, an item without a tag does (an untagged item of a tagged plan, any item of a
            # plan kb read no unit from or read its units from prose): that item is the one asked about — never a
            # task found by some of the words (小区微更新谁牵头 was answered with 二（二）'s lead, a task on 小区供水管网
            # by the 城市更新中心).  Its units answer when kb read some (市大数据局牵头，市农业农村局配合。), else
            # the plan is said not to name any.
            items = untagged_items(env, group)
            named = [t for t in items if any(t.departments("any")) or t.implied]
            if items and not named:
                unnamed.extend(_new(items, unnamed_ids))
                continue
            found = named
        if not found:
            found = term_tasks(env.plan, group)  # a heading of the plan: the tasks under it
        if not found:
            # 东湖片区的措施由谁负责: the measures whose labelled field (适用范围：东湖片区) names it, each of them
            found = _field_holders(env, [env.voc.synonyms(w) for w in group], False, ("task",))
            how = "标注" if found else how
        if not found and len(groups) == 1:
            # 谁负责向交通运输部门反馈…时间、路线、速度的意见: a sentence of the plan holding the clause asked names its
            # doer — before a search hit holding some of the words (holdout13 dj20 was given 三（一）'s units); in a
            # tagged task its tag answers for it
            doers = stated_doers(q, env, group)
            if doers is not None and doers[0].role_source in ("prose", None):
                return _stated_answer(question, q, env, *doers)
            found = [doers[0]] if doers is not None else []
        if not found:
            best = best_task(env, group)
            if best is not None and _word_not_held(env, group, best):
                # 谁负责制定具体办法 answered with a task holding only 制定 (review-qa P8): a word asked that the hit
                # holds no part of makes it another task
                env.ctx.partial, best = [best], None
            found = [best] if best else []
        tasks.extend(_new(found, listed))
    if not tasks:
        # 谁负责提出…修订建议: a clause inside an item, no title or tag on it — the units its own sentence names (before
        # the items found by some of the words are said to name none: 谁负责对医疗机构…进行指导和监督)
        doers = stated_doers(q, env, words)
        if doers is not None:
            return _stated_answer(question, q, env, *doers)
    if tasks and all(t.role_source == "prose" for t in tasks):
        # 养护资金的预算安排由哪个部门负责 answered with the first subject of 县交通运输局负责…；县财政局负责养护资金的预算安排:
        # a paragraph whose units kb read from its prose holds several duties — the sentence of the clause asked names
        # its doer (a tag, where there is one, answers for its task as written)
        doers = stated_doers(q, env, words, within=tasks)
        if doers is None and not any(all(w in env.folded[t.id] for w in words) for t in tasks):
            # (found by the characters of its heading — 建立区域停车资源共享利用协调机制 for 本区域停车共享 —: a sentence
            # elsewhere writing every asked word as asked says who does it)
            doers = stated_doers(q, env, words)
            if doers is not None and not all(w in doers[1] for w in words):
                doers = None
        if doers is not None and not set(doers[3]) <= set(doers[0].departments("any")):
            return _stated_answer(question, q, env, *doers)  # (the units read from that very sentence: as read)
        if doers is not None and doers[0].id not in {t.id for t in tasks}:
            tasks = [doers[0]]  # (its units, read from that sentence, answer)
    if unnamed and not tasks:
        return _who_not_named(question, q, env, unnamed, words)
    if not tasks:
        return partial_only(question, env, words) or found_nothing(question, q, env)
    role = next((r for r in q.roles if r in ROLES), None)
    topic = "、".join(words)
    lines = []
    # An item asked by its title whose paragraph the plan cut at its tags (1.打造…。…（A牵头）…（B牵头，A配合）): every
    # clause answers, each with its own units — one clause's units are never the item's (kb.qa.result.item_pieces)
    pieces = {t.id: item_pieces(env.plan, t) for t in tasks if t.id in title_ids}
    pieces = {k: v for k, v in pieces.items() if len(v) > 1}
    every = [p for t in tasks for p in pieces.get(t.id, [t])]
    # (clauses of the same units say them once, as one task's: only where they differ is each clause said)
    pieces = {k: v for k, v in pieces.items() if len({describe(c) for c in v}) > 1}
    no_lead = role == "lead" and all(not t.lead and not t.sole for t in every)
    # (a tag naming one unit 负责 and no lead — sole — with a text writing 由X牵头 is quoted the same way)
    written = role_clauses(every, "lead") if role == "lead" and all(not t.lead for t in every) else []
    if written:
        # 危化品隐患排查由谁牵头 where the tag names no lead (各乡镇按职责分工负责) but the text writes 由县应急管理局牵头…:
        # the clauses writing 牵头 quoted, then the units the tag names — never "the plan names no lead" (holdout18 (3))
        from kb.qa.wording import load_answer_words

        lines.append(load_answer_words()["lead_written"].format(topic=topic, n=len(written)))
        lines.extend(f"{t.label}：{clause}" for t, clause in written)
        lines.append(load_answer_words()["lead_written_units"])
    elif no_lead:
        # 安全生产谁牵头 where the task names no lead (各乡镇按职责分工负责): said first, then the task with the units it
        # does name (the answer to who is responsible for it; a 责任单位 alone, sole, is the unit responsible)
        lines.append(f"方案没有写明{topic}的牵头单位，只写了以下责任单位：")
    if len(tasks) > 1:
        lines.append(f"{how}涉及“{topic}”的任务共 {len(tasks)} 项，责任单位如下：")
    # (whether the tasks found differ in their implied units: worked out once — inside the loop it was quadratic, 0.2 s
    # for the 1,000 tasks of one topic at 1,000 plans)
    implied_differ = len({tuple(t.implied) for t in tasks}) > 1
    for n, task in enumerate(tasks, 1):
        number = f"{n}. " if len(tasks) > 1 else ""
        clauses = pieces.get(task.id)
        if clauses:
            for asked in dict.fromkeys(r for r in q.roles if r in ROLES) if len(tasks) == 1 else ():
                names = list(dict.fromkeys(x for c in clauses for x in _with_subunits(c, asked)))
                if names:  # (the units of every clause; which clause is whose, said below)
                    lines.append(f"{topic}的{ROLE_NAMES[asked]}单位：{'、'.join(names)}（各句分别写明，见下）。")
            from kb.qa.wording import load_answer_words

            head = load_answer_words()["item_pieces_line"]["head"]
            lines.append(number + head.format(label=task.label, head=task_head(task), n=len(clauses)))
            lines.extend(pieces_lines(clauses, role))
            continue
        for asked in dict.fromkeys(r for r in q.roles if r in ROLES) if len(tasks) == 1 else ():
            if getattr(task, asked):  # (each role asked of the one task: 牵头单位和配合单位分别是谁)
                lines.append(f"{topic}的{ROLE_NAMES[asked]}单位：{'、'.join(_with_subunits(task, asked))}。")
        missing = "（未写明牵头单位）" if role == "lead" and not no_lead and not task.lead and not task.sole else ""
        # (units a carry-forward note implies — 以下任务措施均需各市政府落实，不再列出 — are responsible for the task as
        # the plan says, 负责落实: on the task's line when the tasks found differ in them, else once below)
        own = f"（{'、'.join(task.implied)}负责落实）" if task.implied and implied_differ else ""
        lines.append(f"{number}{task.label} {task_head(task)}：{describe(task) or units_unsaid(task)}{missing}{own}")
    implied = tasks[0].implied
    if implied and all(t.implied == implied for t in tasks):
        lines.append(f"（{'、'.join(implied)}负责落实）")
    tasks = every  # (the answer's tasks and units: every clause of an item asked as a whole)
    ctx.tasks, ctx.topic = tasks, words
    from kb.listing import SHOWN_ROLES as _SHOWN_ROLES

    # (the units responsible first; a task's implied units — role implied — last)
    roles = {t.id: [r for r in _SHOWN_ROLES if getattr(t, r)] + (["implied"] if t.implied else []) for t in tasks}
    # Decision (lead, session 11): the answer's departments are every unit its text names for the tasks, each with its
    # role (Answer.roles) — the implied implementers the text says (（各市政府负责落实）) among them, after the units the
    # tags name.  A role asked (谁牵头, 谁配合) keeps the units of that role: an implied unit holds none of them.
    departments = _asked_departments(q, tasks)
    if role is None:
        departments += [n for n in dict.fromkeys(n for t in tasks for n in t.implied) if n not in departments]
    return Answer(question, "topic_who", compose(lines), tasks=tasks, departments=departments, roles=roles)


def _word_not_held(env, words: list[str], task: Task) -> str | None:
    """A word asked (2+ characters, asking words cut out) of which neither ``task``'s text nor any other text of the plan
    holds a run of 2 characters, nor a synonym: 办法 of 谁负责制定具体办法, a word the plan never writes, answered with a
    task holding only 制定 (review-qa P8) — what is asked is nowhere.  (A word the plan writes elsewhere may be how the
    question puts it: 汽修厂露天喷漆的污染谁来管.)"""
    text = env.folded[task.id]
    plan_text = env.plan.mentions()
    for w in without_asking(env, words):
        if len(w) < 2 or any(x in text for x in env.voc.synonyms(w)) or any(_held_in_runs(w, text)):
            continue
        if not any(w[i:i + 2] in plan_text for i in range(len(w) - 1)) and not any(
                x in plan_text for x in env.voc.synonyms(w)):
            return w
    return None


def untagged_items(env, words: list[str]) -> list[Task]:
    """The paragraphs that are no task (no tag: their units, if any, read from prose) whose title (else first clause)
    holds the asked words — each
    word's characters all covered by runs of 2+ the title writes, in any order, one stray character allowed
    (村容村貌提升 in 提升村容村貌, 农村生活污水治理 in 治理农村生活污水; a synonym of topics.yaml counts whole) — those
    covering most, in plan order.  洋山特殊综合保税区 is not in 综合保税区是…: 洋山特殊 stands nowhere."""
    asked = [w for w in words if len(w) >= 2]
    if not asked or sum(map(len, asked)) < 3:
        return []  # (two characters, 管理, name no item)
    # (the index's paragraphs that are no task, ranked on the words: a store of 1,000 plans is not read whole)
    hits = env.index().search(" ".join(asked), limit=20, kinds=("measure", "paragraph"))
    scored = []
    for t in (env.plan.task(h.task_id) for h in hits):
        if t is None or t.kind == "task":
            continue
        head = fold(t.title or re.split("[，。；]", t.body or t.text)[0])
        covered = [_covered(w, head, env.voc.synonyms(w)) for w in asked]
        if all(c >= len(w) - 1 for c, w in zip(covered, asked)):
            scored.append((sum(covered), t))
    best = max((n for n, _ in scored), default=0)
    return sorted((t for n, t in scored if n == best), key=env.plan.position)


def _covered(word: str, text: str, synonyms=()) -> int:
    """How many characters of ``word`` lie in runs of 2+ characters that ``text`` holds (anywhere, any order); all
    of them when a synonym stands in ``text``."""
    if any(x and x in text for x in (word, *synonyms)):
        return len(word)
    return sum(_held_in_runs(word, text))


def _held_in_runs(word: str, text: str) -> list[bool]:
    """For each character of ``word``: whether it lies in a run of 2+ characters of ``word`` that ``text`` holds (from
    each place the longest such run); what _covered counts and unmatched_part reads."""
    covered = [False] * len(word)
    for a in range(len(word) - 1):
        for b in range(len(word), a + 1, -1):
            if word[a:b] in text:
                covered[a:b] = [True] * (b - a)
                break
    return covered


def _who_not_named(question: str, q: Query, env, tasks: list[Task], words: list[str]) -> Answer:
    """The items a who-question names that name no unit: said of each (its label and title), not_in_plan — never a
    unit of a neighbouring task.  The conversation keeps them (什么时候完成 next is about them)."""
    from kb.qa.executors import _answer
    from kb.qa.result import Result
    from kb.qa.wording import load_answer_words, unit_mark

    said = load_answer_words()
    env.ctx.tasks, env.ctx.topic = list(tasks), words
    # (an item whose text marks who is responsible in a way kb did not read is not read, never unnamed: unit_mark)
    result = Result(heading=[said["who_not_read"].format(label=t.label, head=task_head(t), mark=mark) if (
        mark := unit_mark(t.text or "")) else said["who_not_named"].format(label=t.label, head=task_head(t))
        for t in tasks])
    return _answer(question, "topic_who", result, status="not_in_plan", query=q, tasks=[])


def _stated_sentences(question: str, q: Query, env, found: list) -> Answer:
    """Several sentences writing 由X…VERB for the words asked, their doers read apart: each sentence quoted with its
    paragraph (answers.yaml ``doer_sentences``), none taken for the answer."""
    from kb.qa.executors import _answer
    from kb.qa.result import Group, Item, Result
    from kb.qa.wording import load_answer_words

    thing = "".join(w for w in q.topic if w != q.doer_verb) or "这项工作"
    result = Result(heading=[load_answer_words()["doer_sentences"].format(verb=q.doer_verb, thing=thing, n=len(found))])
    result.groups.append(Group(items=[Item(k, t, text=f"：{sentence}") for k, (t, sentence, _, _) in enumerate(found, 1)]))
    tasks = [t for t, *_ in found]
    env.ctx.tasks, env.ctx.topic = tasks, list(q.topic)
    return _answer(question, "topic_who", result, query=q, tasks=tasks)


def _act_with_doer(task: Task, act: str) -> bool:
    """Some clause of ``task`` writes ``act`` with a doer before it in that clause — a unit of the task (any role), a
    unit-like name (…局, …中心) or a 由 (县公路管理站负责审核…, 由省（区、市）…给予奖励); a clause writing the act with none
    of them before it (对…企业给予一次性奖励) names no doer."""
    names = [fold(n) for n in (*task.lead, *task.support, *task.sole, *task.shared, *task.guide)]
    for clause in re.split(r"[。；;，,！？]", fold(task.text or "")):
        at = clause.find(act)
        if at < 0:
            continue
        before = clause[:at]
        if "由" in before.replace("自由", "").replace("由于", "").replace("理由", "").replace("经由", ""):
            return True  # (由省（区、市）统筹…给予奖励: a doer written after 由 that passive_doers did not settle — not "none")
        if any(n and (n in before or len(n) > 3 and n[1:] in before) for n in names) or re.search(
                r"[\u4e00-\u9fff]{2,}(?:局|委|办|中心|政府|站|所|院|厅|部门|单位)", before):
            return True
    return False


def _act_not_stated(question: str, q: Query, env, held: list[Task]) -> Answer:
    """由谁+an act verb that no sentence of the plan writes after 由: not stated; the items holding the asked words with
    their units, as the items' (answers.yaml ``act_doer_not_stated``)."""
    from kb.qa.executors import _answer
    from kb.qa.result import Group, Result, numbered_items
    from kb.qa.wording import load_answer_words

    thing = "".join(w for w in q.topic if w != q.doer_verb) or "这项工作"
    heading = load_answer_words()["act_doer_not_stated"].format(verb=q.doer_verb, thing=thing)
    result = Result(heading=[heading])
    result.groups.append(Group(items=numbered_items(held)))
    env.ctx.tasks, env.ctx.topic = [], list(q.topic)
    return _answer(question, "topic_who", result, query=q, tasks=[], status="not_in_plan")


def _stated_answer(question: str, q: Query, env, task: Task, sentence: str, verb: str, names: list[str],
                   recipient: bool = False) -> Answer:
    """The bodies a sentence of the plan names as doing the steering asked (or, ``recipient``, as receiving what is
    sent: 报送省生态环境厅), with that sentence and its paragraph."""
    from kb.qa.executors import _answer
    from kb.qa.result import Group, Item, Result

    said = f"{verb}{'、'.join(names)}" if recipient else f"由{'、'.join(names)}{verb}"
    result = Result(heading=[f"原文写明{said}："])
    result.groups.append(Group(items=[Item(1, task, text=f"：{sentence}")]))
    env.ctx.tasks, env.ctx.topic = [task], list(q.topic)
    return _answer(question, "topic_who_stated", result, query=q, tasks=[task], departments=names)


def _with_subunits(task: Task, role: str) -> list[str]:
    return [f"{n}（{'、'.join(task.subunits[n])}）" if task.subunits.get(n) else n for n in getattr(task, role)]


# ---------------------------------------------------------------- every task


def exec_all_tasks(question: str, q: Query, env) -> Answer:
    """方案一共有多少项任务 / 有哪些任务: the whole list of tasks."""
    from kb.select import duty_items

    tasks = duty_items(env.plan)
    untagged = {d.id for d in env.plan.documents if not d.tagged}
    if untagged and all(t.doc in untagged for t in tasks) or not tasks and q.plan_count:
        # 这个意见一共有多少条 / 方案有哪些任务 in a plan written without tags: its work is every item it numbers, and its
        # tasks (kb.select.duty_items) are the paragraphs whose prose names a unit — 共 N 项 of the second alone would
        # leave out the items naming nobody (rongzi: 27 items, 3 name units).  The numbered items are counted, said to
        # be kb's count, with their units where named; the other paragraphs naming units (a step inside an item, a
        # closing duty) are said apart, not counted as items.
        from kb.qa.exec_plan import numbered_items

        items = [t for t in numbered_items(env.plan) if t.doc in untagged or not tasks]
        listed = {t.id for t in items}
        extra = [t for t in tasks if t.id not in listed]
        if items or extra:
            env.ctx.tasks = items + extra
            named = sum(1 for t in items if t.departments("any"))
            if items:
                lines = [f"方案正文编号的条目共 {len(items)} 条（方案原文没有写明总数，这是 kb 按编号统计的"
                         + (f"；其中 {named} 条写明了责任单位）：" if named else "；各条都没有写明责任单位）："), *numbered(items)]
            else:
                lines = []
            if extra:
                lines.append(f"另有 {len(extra)} 段写明了责任单位（不计入上面的条目数）："
                             if items else f"kb 没有读到方案正文编号的条目；写明了责任单位的段落共 {len(extra)} 段：")
                lines.extend(numbered(extra, start=len(items) + 1))
            from kb.qa.exec_plan import annex_note

            if note := annex_note(env.plan):
                lines.append(note)
            return Answer(question, "all_tasks", compose(lines), tasks=items + extra)
    lines = [f"方案的任务（带责任单位的条目）共 {item_count(tasks)} 项{rows_note(tasks)}："]
    lines.extend(listed_items(tasks))
    if q.plan_count and tasks:
        # 一共提出了多少条具体措施 in a plan stating no total (a stated one answers first: over_stated_total): the number
        # is kb's own count, said so — never passed off as the plan's figure
        lines.append(f"（方案原文没有写明总数；{item_count(tasks)} 项是 kb 按带责任单位的条目统计的。）")
    env.ctx.tasks = item_firsts(tasks)
    return Answer(question, "all_tasks", compose(lines), tasks=tasks, departments=departments_of(tasks))


# ---------------------------------------------------------------- finding the task a topic names


def titled(env, words: list[str]) -> list[Task]:
    """Tasks whose title holds every topic word (or a synonym)."""
    return env.plan.tasks_matching([env.voc.synonyms(w) for w in words], fold, field="title")


def verbatim_tasks(env, words: list[str]) -> list[Task]:
    """Tasks whose folded text holds every asked word as written (no synonyms), in plan order.

    Only for asked words of three characters or more together: two characters (管理) name no topic.
    """
    if len("".join(words)) < 3:
        return []
    return env.plan.tasks_matching([(w,) for w in words], fold)


def _one_typo_in(word: str, text: str) -> bool:
    """``text`` holds ``word`` (3+ characters) with one character mistyped (秸杆禁烧 for 秸秆禁烧)."""
    n = len(word)
    if n < 3:
        return False
    return any(sum(a != b for a, b in zip(word, text[i:i + n])) <= 1 for i in range(len(text) - n + 1))


#: An asked word longer than this (without its generic actions) is a phrase in the asker's words, not a term.
TERM_LENGTH = 4


def unmatched_part(words: list[str], text: str, synonyms, generic=()) -> str | None:
    """The first stretch (2+ characters) of an asked topic word that ``text`` does not hold, if any.

    A paragraph found by ranking may hold only part of what was asked: 垃圾分类 in a paragraph on
    burning 垃圾, 噪声污染治理 in one on 污染治理.  Answering with it would answer another question.
    Only a term counts — a word of at most TERM_LENGTH characters besides generic actions (``generic``:
    治理, 管控 … add nothing to a topic); a longer chunk is a phrase in the asker's words (渣土车沿路撒漏 is
    the plan's 渣土运输车辆抛洒滴漏) — and only one the text holds part of (国六标准 + 发布: 发布 is how it
    is asked, not what), unless the text holds no part of any word.  A word whose synonym (topics.yaml)
    the text holds is covered whole.
    """
    from kb.qa.text import is_cjk

    first_untouched = None
    for word in words:
        if any(syn in text for syn in synonyms(word)) or _one_typo_in(word, text):
            continue
        covered = _held_in_runs(word, text)
        touched = any(covered)
        plain = [True] * len(word)  # not part of a generic action
        for g in generic:
            at = word.find(g)
            while at >= 0:
                for k in range(at, at + len(g)):
                    plain[k] = False
                at = word.find(g, at + 1)
        covered = [c or not p for c, p in zip(covered, plain)]
        runs, run = [], ""
        if sum(plain) > TERM_LENGTH:
            # A phrase (渣土车沿路抛洒, 过年燃放烟花爆竹): its words need not all stand in the paragraph,
            # but most of it must — a paragraph holding only 工地 of 工地夜间噪音, or 车 of 电动自行车上牌,
            # answers another question.
            if 2 * sum(1 for c in covered if not c) <= sum(plain):
                continue
        for ch, ok in zip(word + "\0", covered + [True]):
            if ok or not is_cjk(ch):
                if len(run) >= 2:
                    runs.append(run)
                run = ""
            else:
                run += ch
        if runs and touched:
            return runs[0]
        if runs and first_untouched is None:
            first_untouched = runs[0]
    if first_untouched is not None and not any(
            word[a:a + 2] in text for word in words for a in range(len(word) - 1)):
        return first_untouched  # no piece of any asked word: the ranking matched single characters only
    return None


def without_asking(env, words: list[str]) -> list[str]:
    """The topic words with the asking words left inside a chunk (…系统谁建设) cut out: they are no topic."""
    asking = longest_first([w for key in ("who", "when") for w in env.voc.words[key]] + ["谁"])
    out = []
    for word in words:
        for a in asking:
            word = word.replace(a, " ")
        out.extend(w for w in word.split() if w)
    return out


def best_task(env, words: list[str]) -> Task | None:
    """The task that best matches the topic words: the one title holding them all, else the top search hit
    (None when that hit holds only part of the asked words — see unmatched_part — kept in Context.partial)."""
    found = titled(env, words)
    if len(found) == 1:
        return found[0]
    best = ranked_task(env, words)
    if best is not None and missing_part(env, words, best):
        env.ctx.partial = [best]
        return None
    return best


def missing_part(env, words: list[str], task: Task) -> str | None:
    """What of the asked topic ``task`` does not hold (None: it holds the topic): a stretch of a topic word
    (unmatched_part), or a unit's name asked (_unit_not_held)."""
    text = env.folded[task.id]
    return (unmatched_part(without_asking(env, words), text, env.voc.synonyms, env.voc.words["topic_generic"])
            or _unit_not_held(words, text, env.voc))


def _unit_not_held(words: list[str], text: str, voc) -> str | None:
    """An asked word shaped as a unit's name (区教育局: a level prefix and a department ending) that ``text`` does not
    hold: a unit is what is asked, never how — 区教育局负责哪个配套文件 was answered with a task on 配套 led by
    区规划资源局 (unmatched_part lets a word the text holds no part of go as the asker's phrasing)."""
    return next((w for w in words if voc.unit_shaped(w) and w not in text), None)


def ranked_task(env, words: list[str]) -> Task | None:
    """The top search hit for the topic words, ranked as officials mean them (see closeness)."""
    hits = env.index().search(" ".join(words), limit=10, kinds=("task",))
    hits = [h for h in hits if env.plan.task(h.task_id) is not None]  # a plan named: its own tasks only
    if not hits:
        return None
    # BM25 favours a word repeated often (天气 ×10); officials mean the paragraph that
    # holds most of their words, and the longest stretch of them, so rank on that first.
    phrase = "".join(words)

    def closeness(hit):
        text = env.folded[hit.task_id]
        task = env.plan.task(hit.task_id)
        # untitled: its first clause names it (a whole sentence would name too much)
        title = fold(task.title or re.split("[，。；]", task.body or "")[0])
        # Words matched in the title count twice: a task is named by its title (烟花爆竹禁放 →
        # 严控烟花爆竹燃放, not a paragraph on 祭祀 that also says 禁放).
        # (a term inside a longer matched term, 建筑 of 建筑工地, adds nothing; short title words
        # like 天气 are too common to name a task)
        terms = [str(x) for x in hit.terms]
        terms = [x for x in terms if not any(x != y and x in y for y in terms)]
        in_title = sum(1 for term in terms if len(term) >= 3 and term in title)
        # A paragraph holding the asked words verbatim is the one meant, whatever the titles say.
        verbatim = sum(1 for w in words if len(w) >= 3 and w in text)
        return (verbatim, len(terms) + in_title, _longest_common(phrase, text), hit.score)

    return env.plan.task(max(hits, key=closeness).task_id)


def _longest_common(phrase: str, text: str) -> int:
    """Length of the longest piece of ``phrase`` found in ``text`` (at least 2 characters, else 0).

    A piece found has every shorter piece found too (its own start), so the length is searched by
    halving instead of trying every length from the longest down (a long question against ten hits).
    """
    def found(length: int) -> bool:
        return any(phrase[i:i + length] in text for i in range(len(phrase) - length + 1))

    lo, hi = 1, len(phrase)  # found(lo) is taken as true (0 is answered for it); the answer lies in [lo, hi]
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if found(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo if lo >= 2 else 0


def partial_only(question: str, env, words: list[str]) -> Answer | None:
    """Only a paragraph holding part of the asked topic was found: the plan has no such topic; say so,
    with that paragraph apart under 相关条目 (垃圾分类什么时候完成 → no 垃圾分类 in the plan, 垃圾焚烧 apart)."""
    partial, env.ctx.partial = env.ctx.partial, []
    if not partial:
        return None
    from kb.qa.result import Item, Result, render_text
    from kb.qa.wording import load_answer_words

    # (what of the topic it does not hold: a stretch of a word, else a word asked that the plan writes nowhere — the
    # who-search set it aside for that; a paragraph holding all of it is no partial one: the question read otherwise)
    missing = missing_part(env, words, partial[0]) or _word_not_held(env, words, partial[0])
    if missing is None:
        return None
    from kb.qa.denials import shown_words

    result = Result(heading=[load_answer_words()["topic_absent"].format(
        topic="、".join(shown_words(question, words, env.voc)), missing=missing)])
    result.related = [Item(k, t) for k, t in enumerate(partial, 1)]
    env.ctx.tasks = []
    from kb.qa.denials import checked_denial  # (every word written, in another order: no 0-item denial)

    return checked_denial(question, None, env, words, Answer(
        question, "topic_absent", render_text(result), status="not_in_plan", result=result, related=partial),
        related=partial)


# ---------------------------------------------------------------- what the plan writes of the question's words


def question_words(question: str) -> list[str]:
    """The question's own words cut at punctuation (folded): what a question no reader took apart asks about (the
    reader's topic of 两种参与渠道指的是什么 kept 渠道指 only)."""
    return [w for w in re.split(r"[^\w]+", fold(question)) if w]


def content_pieces(words: list[str]) -> list[str]:
    """The question's words with the asking words and the document's own nouns (plan_terms.yaml asking_words: 哪里, 有哪,
    指的是, 这个计划) cut out: the pieces of 2+ characters left are what is asked about (杨浦图书馆滨江馆建在哪里 →
    杨浦图书馆滨江馆建; 大件运输一件事有哪两种办理渠道 → 大件运输一件事 + 两种办理渠道)."""
    from kb.qa.plan_terms import load_term_words

    asking = load_term_words().asking_words
    linking = "".join(load_term_words().linking_chars)  # (…系统要和: 要和 links the words)
    out = []
    for word in words:
        for a in asking:
            word = word.replace(a, " ")
        out.extend(w for w in (x.strip(linking) for x in word.split()) if len(w) >= 2)
    return list(dict.fromkeys(out))


def _missing_runs(pieces: list[str], text: str) -> tuple[int, int, list[str]]:
    """How ``text`` holds ``pieces``: (characters covered by runs of 2+ it holds, the longest such run, the stretches of
    2+ CJK characters it does not hold).  A single stray character (建 of 滨江馆建, 指 of 一体化建设指) is no stretch:
    a question glues a verb or an asking character to its term."""
    from kb.qa.plan_terms import load_term_words
    from kb.qa.text import is_cjk

    linking = load_term_words().linking_chars  # (要和 of 信息系统要和什么做好对接: linking words, no stretch of the topic)
    covered_n, longest, missing = 0, 0, []
    for piece in pieces:
        covered = _held_in_runs(piece, text)
        covered_n += sum(covered)
        run_len, run = 0, ""
        for ch, ok in zip(piece + "\0", covered + [False]):
            run_len = run_len + 1 if ok else 0
            longest = max(longest, run_len)
            if not ok and is_cjk(ch):
                run += ch
                continue
            if len(run) >= 2 and not all(c in linking for c in run):
                missing.append(run)
            run = ""
    return covered_n, longest, missing


def _with_definitions(pieces: list[str], text: str, quoted: list[str], most: int = 2) -> list[str]:
    """``quoted`` with the sentences of ``text`` that define a stretch of the pieces (its 2+ characters then 是/指/即/为:
    其中，65是住房城乡建设部确定的基础性指标), at most ``most`` more, in their order in the text."""
    sentences = _sentences(text)
    stretches = {p[a:b] for p in pieces for a in range(len(p)) for b in range(a + 2, len(p) + 1)}
    stretches |= {p for p in pieces if p.isascii()}  # (1 of “1+3”: a letter or a digit defined alone)
    defining = [x for x in sentences if x not in quoted
                and any(re.search(re.escape(st) + "[”\"]?(?:是|指|即|为)", fold(x)) for st in stretches)][:most]
    return [x for x in sentences if x in quoted or x in defining] if defining else quoted


def _joined(sentences: list[str]) -> str:
    """Quoted sentences as one line: a heading without its full stop is kept apart from the sentence after it."""
    out = ""
    for x in sentences:
        out += ("" if not out or out.endswith(("。", "；", ";", "！", "？", "!", "?")) else " ") + x
    return out


def _sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order, each once (a title repeated as its body's first sentence is one)."""
    out, seen = [], set()
    for x in (s.strip() for s in re.split(r"(?<=[。；;！？!?])|\n", text)):
        if x and x.rstrip("。；;") not in seen:
            seen.add(x.rstrip("。；;"))
            out.append(x)
    return out


def _quoted(pieces: list[str], text: str, most: int = 3) -> list[str]:
    """The sentences of ``text`` that hold what it holds of ``pieces`` (greedy: the sentences covering most characters
    not yet covered — all of them when several cover as much — up to ``most``), in their order in the text."""
    sentences = _sentences(text)
    keyed = [{(p, i) for p in pieces for i, ok in enumerate(_held_in_runs(p, fold(s))) if ok} for s in sentences]
    chosen, seen = [], set()
    while len(chosen) < most:
        gain = [len(k - seen) for k in keyed]
        best = max(gain, default=0)
        if best == 0:
            break
        new = [n for n, g in enumerate(gain) if g == best][:most - len(chosen)]
        chosen.extend(new)
        for n in new:
            seen |= keyed[n]
    return [sentences[n] for n in sorted(chosen)]


#: The most places quoted: more would be a search listing, not what the plan writes of the question.
WRITTEN_MOST = 3


def written_places(env, words: list[str]):
    """Where the plan writes the question's content (``content_pieces`` of ``words``): (places, pieces, missing).

    A place is (its label, the task or None for a heading or a cover notice, its sentences holding the words).  Places hold every piece
    but for stray single characters, with a stretch of 3+ characters as written (a distinctive run, not two common
    characters): those sharing the longest stretch with the question, at most WRITTEN_MOST.  No place holds it all:
    ``missing`` names the stretches the best partial holder lacks (县图书馆新馆 written, 停车位 not) — [] with no
    places when the plan holds no stretch of 3+ of it at all."""
    from kb.qa.wording import load_answer_words

    from kb.qa.plan_terms import load_term_words

    pieces = content_pieces(words)
    if sum(map(len, pieces)) < 3:
        return [], pieces, []
    means = any(m in "".join(words) for m in load_term_words().meaning_asks)  # 65指的是什么: its definition too
    hits = env.index().search(" ".join(pieces), limit=20)
    tasks = [t for t in (env.plan.task(h.task_id) for h in hits) if t is not None]
    # (a row's cells are its words too: 注册用户数已突破715万 stands in a 2024年工作项目 cell)
    candidates = [(t.label + (f" {t.title}" if t.title else ""), t,
                   "\n".join([t.title or "", t.body or t.text, *(t.fields or {}).values()])) for t in tasks]
    # the headings over them (（一）实施三大标志性体系工程 is no paragraph) and the cover notices, as places of their own
    headings = {}
    for t in tasks:
        if t.section and t.section_title:
            headings.setdefault(t.section, t.section_title)
        if t.part and t.part_title:
            headings.setdefault(t.part, t.part_title)
    candidates += [(label, None, title) for label, title in headings.items()]
    load = load_answer_words()
    candidates += [(load["written_cover"].format(name=d.name), None, d.cover) for d in env.plan.documents
                   if getattr(d, "cover", None)]
    # (a month, day or year asked — 10月底前完成, 3月的 — is written as asked or the place is none: 2020年年底前基本完成
    # held every other piece and was quoted as writing “10月底前完成”, a confident wrong on the bundled plan)
    dated = re.findall(r"\d{1,4}(?:年|月|日|号)", "".join(words))
    full, partial = [], []
    for label, task, text in candidates:
        if dated and not all(re.search(rf"(?<!\d){re.escape(d)}", fold(text)) for d in dated):
            continue
        covered, longest, missing = _missing_runs(pieces, fold(text))
        if longest < 3:
            continue
        (partial if missing else full).append(((longest, covered), label, task, text, missing))
    if full:
        top = max(k for k, *_ in full)
        chosen, said = [], set()
        for _, label, task, text, _ in (x for x in full if x[0] == top):
            quoted = _quoted(pieces, text)
            if means:
                # (the question's letters and digits too: 1 of “1+3”推进机制中的1 is what is defined — 其中，1是…)
                quoted = _with_definitions([*pieces, *re.findall(r"[0-9a-z]+", "".join(words))], text, quoted)
            body = _sentences(task.body or task.text) if task is not None else []
            if task is not None and task.title and all(x in task.title for x in quoted) and body:
                # (only the paragraph's heading words hold the question's: the sentence after them says what it is —
                # 用好“三师”联创工作机制 → 发挥规划师、建筑师、评估师…)
                quoted = [*quoted, next((b for b in body if b.rstrip("。；;") not in task.title), body[0])]
            if any("".join(quoted) in x for x in said):
                continue  # (a heading repeated as its paragraph's first sentence: one place)
            said.add("".join(quoted))
            chosen.append((label, task, quoted))
        return chosen[:WRITTEN_MOST], pieces, []
    if partial:
        missing = max(partial, key=lambda x: x[0])[4]
        # (a stretch written elsewhere — a table cell, a heading not ranked, or with a word between its characters,
        # 注册用户数已突破 — is never said to be missing)
        mentions = env.plan.mentions()
        if all(_missing_runs([m], mentions)[2] for m in missing):
            return [], pieces, missing
    return [], pieces, []


def written_answer(question: str, q: Query, env, words: list[str] | None = None, *, partial: bool = False):
    """The question's content is written in the plan (written_places): the sentences quoted with their labels, never
    "没有涉及…共 0 项" — the plan's words answer 杨浦图书馆滨江馆建在哪里 as an official reads them.  With ``partial``, a
    plan writing only part of it (县图书馆新馆 but no 停车位) is said so, not_in_plan.  None otherwise."""
    from kb.qa.executors import _answer
    from kb.qa.result import Group, Item, Result
    from kb.qa.wording import load_answer_words

    places, pieces, missing = written_places(env, list(q.topic) if words is None else words)
    w = load_answer_words()
    if places:
        topic = "、".join(pieces)
        result = Result(heading=[w["written_places"].format(topic=topic, n=len(places))])
        result.groups.append(Group(items=[Item(k, None, text=f"{label}：{_joined(sentences)}")
                                          for k, (label, _, sentences) in enumerate(places, 1)]))
        tasks = [t for _, t, _ in places if t is not None]
        env.ctx.tasks = tasks
        return _answer(question, "written_text", result, query=q, tasks=tasks)
    if partial and missing:
        env.ctx.tasks = []
        text = w["written_partly"].format(topic="、".join(pieces), missing="、".join(missing))
        return _answer(question, "topic_absent", Result(heading=[text]), status="not_in_plan", query=q, tasks=[])
    return None
