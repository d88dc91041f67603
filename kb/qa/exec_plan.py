"""Executors over the whole plan: tasks falling due in a span, tasks by how they are shared out or by
kind of responsibility, tasks with or without deadlines, every numeric target, a part of the plan
answered whole, every department with its counts.  Their slots are read by kb/qa/query.py
(``dates``, ``sharing``/``lead_count``, ``roles``, ``timed``, ``target_list``, ``overview``, ``asks``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from kb.lazypattern import LazyPattern
from kb.model import ROLE_NAMES, ROLES, item_count
from kb.numerals import cn_number
from kb.qa.answer import Answer
from kb.qa.exec_departments import ROLE_WORDS, date_reading, earlier_note, filter_topic, filter_within, within_base
from kb.qa.query import Act, Query, asked_topic, load_shapes
from kb.qa.wording import load_answer_words
from kb.qa.result import departments_of, compose, item_firsts, numbered, numbered_items as listed_items, rows_note, target_line, task_line
from kb.qa.text import fold, task_head
from kb.select import DateSpan, choose_dated, dated_items, duty_items, plan_tasks, schedule_steps, under_heading, written_limit


def _role(q: Query) -> str | None:
    """The particular role asked (the first named), else ``any`` when a word of no particular role was."""
    return q.roles[0] if q.roles else ("any" if q.any_role else None)


def date_mode(span: DateSpan) -> str:
    """How a question named its dates: ``from`` (2019年起), ``by`` (2020年底前), ``in`` (2019年), ``between``."""
    if span.test == "starts":
        return "from"
    if span.test == "node":
        return "node"
    if span.first is None:
        return "by"
    return "in" if span.first[:4] == (span.last or "")[:4] else "between"


def exec_date_list(question: str, q: Query, env) -> Answer:
    """哪些任务要在2019年完成 / 2020年年底前要完成什么: the tasks the date selects (kb/select.py's test)."""
    from kb.qa.result import official_date, official_deadline
    from kb.qa.wording import load_answer_words

    plan, ctx = env.plan, env.ctx
    every = dated_items(plan)  # (one definition: tasks proper, or a plan's dated paragraphs where its tasks state no time)
    mode = date_mode(q.dates)
    cells = dated_cells(q, env, every, mode)
    steps = [t for t in schedule_steps(plan) if q.dates.selects(t)] if mode != "from" else []
    if not any(t.deadlines for t in every) and not cells and not steps:
        return _no_deadlines(question, env)  # 2020年前要完成哪些任务 in a plan whose tasks set no date
    tasks, topic_note = filter_topic(q, env, [t for t in every if q.dates.selects(t)])
    # 2019年8月底前要完成什么 where the plan writes that limit: the items due on it; those due earlier in a note
    # (kb.select's one date choice, read as the question's words say: date_reading)
    chosen = choose_dated(tasks, q.dates, date_reading(q), every)
    tasks, earlier, limit = chosen.tasks, chosen.earlier, chosen.limit
    year = int((q.dates.first or q.dates.last)[:4])
    if cells and not tasks:
        return _cells_answer(question, env, cells, f"{q.dates.text}的工作", topic_note)
    if steps and not tasks and not cells:
        steps, step_note = filter_topic(q, env, steps)
        if steps:
            return _steps_answer(question, q, env, steps, step_note)
    if mode == "from" and not tasks and not cells:
        # 2020年起要做哪些工作 where no task's start is read but the text writes the year as a start (2020年起，每年2月底前
        # 完成上述工作: a recurring limit from that year): never "共 0 项" — what kb read and the paragraphs that say it.
        said = plan.tasks_matching([(f"{year}年起", f"{year}年开始")], fold, kinds=None)
        said, _ = filter_topic(q, env, said)
        if said:
            from kb.qa.wording import load_answer_words

            ctx.tasks, ctx.topic = said, list(q.topic)
            lines = [load_answer_words()["starts_not_read"].format(year=year)]
            lines.extend(task_line(k, t) for k, t in enumerate(said, 1))
            return Answer(question, "deadline_list", compose(lines), tasks=said, departments=departments_of(said),
                          status="not_in_plan")
    # A year alone (2019年要完成哪些任务): what falls due in it; what runs during it without falling due
    # (自2019年7月1日起, 2018至2020年) is named in a note, so the answer covers what `kb grep --year`
    # selects (one date test, kb/select.py) while its items stay the ones the question asks for.
    running = []
    month = (q.dates.first or "")[5:7] == (q.dates.last or "")[5:7] and (q.dates.first or "")[8:] == "01"
    if mode == "in" and not month:
        span = DateSpan.year(year, "active")
        ids = {t.id for t in tasks}
        running = [t for t in every if t.id not in ids and span.selects(t)]
        running, _ = filter_topic(q, env, running)
    words = load_answer_words()
    day = official_date(q.dates.last or "")
    if mode == "by":
        said = words["due_on" if limit else "due_by"].format(day=day)
    else:
        said = {"in": f"在{year}年{int(q.dates.last[5:7])}月内到期" if month else f"在{year}年内到期",
                "from": f"自{year}年起实施", "between": f"在{year}年至{q.dates.last[:4]}年间到期",
                "node": f"有{q.dates.text}内时间节点（开始或完成）"}[mode] + "的任务"
    # (the plan's numbered items, the rows said where a 任务分工表 序号 spans several, listed under their item)
    head = said + (f"（涉及{topic_note}）" if topic_note else "") + f"共 {item_count(tasks)} 项{rows_note(tasks)}"
    if mode == "by" and not limit and not (q.cumulative and written_limit(q.dates, every)):
        # (why everything due by the day is listed: no item is due on it — said only when that holds; 截至2020年底 asks
        # cumulatively of a day the plan does write, review-qa P6)
        head += words["due_by_why"].format(day=day)
    lines = [head + ("：" if tasks else "。")]
    for item in listed_items(tasks):
        which = [dl for dl in item.task.deadlines if dl.kind != "from" or mode == "from"]
        item.deadlines = which  # (each row its own limits: a start shown only when starts are asked)
        lines.append(item)
    if running:
        labels = "、".join(f"{t.label}（{'、'.join(official_deadline(d) for d in t.deadlines)}）" for t in running)
        lines.append(load_answer_words()["year_running"].format(n=item_count(running), year=year, labels=labels))
    listed_ids = {t.id for t in tasks} | {t.id for t in running} | {t.id for t in earlier}
    also = [t for t in steps if t.id not in listed_ids and (not limit or any(d.end == limit for d in t.deadlines))]
    if also and tasks:
        # (the schedule's steps of that date beside the tasks listed: named, never left out of a list that looks whole)
        also, _ = filter_topic(q, env, also)
        def said(t) -> str:
            return "、".join(official_deadline(d) for d in t.deadlines if q.dates.holds(d) and (not limit or d.end == limit))

        labels = "、".join(f"{t.label}（{said(t)}）" for t in also)
        if also:
            lines.append(load_answer_words()["schedule_steps_also"].format(n=len(also), date=q.dates.text, labels=labels))
    if earlier:
        lines.append(earlier_note(earlier, limit))
    if cells:
        # (a task table's cells whose header names the year: work of that year, beside the tasks due in it)
        lines.extend(_cell_lines(cells, item_count(tasks)))
        ids = {t.id for t in tasks}
        listed = item_firsts(tasks) + [t for t, _, _ in cells]  # (第N项 next: the Nth line, a row once per dated cell)
        tasks = tasks + list({t.id: t for t, _, _ in cells if t.id not in ids}.values())
    else:
        listed = item_firsts(tasks)
    ctx.tasks, ctx.topic = listed, list(q.topic)
    deadlines = [(t.id, dl) for t in tasks for dl in t.deadlines]
    return Answer(question, "deadline_list", compose(lines), tasks=tasks, deadlines=deadlines,
                  departments=departments_of(tasks))


#: How each sharing-out kind selects tasks, and how the answer names it.
SHARING = {
    "multi_lead": (lambda t: len(t.lead) > 1, "由两个及以上部门共同牵头的任务"),
    "single_lead": (lambda t: len(t.lead) == 1, "只有一个牵头部门的任务"),
    "no_support": (lambda t: not t.support, "没有配合单位的任务"),
    "no_lead": (lambda t: not t.lead, "没有牵头单位的任务"),
    # (read by kb/qa/question.py when the other role is affirmed: 只写了牵头单位、没有配合单位的任务)
    "lead_no_support": (lambda t: bool(t.lead) and not t.support, "有牵头单位、没有配合单位的任务"),
    "support_no_lead": (lambda t: bool(t.support) and not t.lead, "有配合单位、没有牵头单位的任务"),
    "single_department": (lambda t: len(set(t.lead + t.support + t.sole + t.shared)) == 1, "只有一个责任部门的任务"),
    "has_support": (lambda t: bool(t.support), "有配合单位的任务"),
    "has_lead": (lambda t: bool(t.lead), "有牵头单位的任务"),
}


def _no_roles(question: str, q: Query, env) -> Answer:
    """哪些任务没有写牵头配合的 / 没有责任单位的条目: the plan's numbered items that name no unit in any role (a task names
    one by definition), said so when every item names one."""
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["no_roles_items"]
    items = [t for d in env.plan.documents for t in env.plan.document_tasks(d.id)
             if (t.kind == "measure" or is_numbered(t)) and not (t.lead or t.support or t.sole or t.shared or t.guide)]
    items, _ = filter_topic(q, env, items)
    env.ctx.tasks = items
    if not items:
        return Answer(question, "structure_no_roles", said["none"], tasks=[], status="answered")
    lines = [said["some"].format(count=len(items))] + numbered(items)
    return Answer(question, "structure_no_roles", compose(lines), tasks=items)


def _has_roles(question: str, q: Query, env) -> Answer:
    """有几项任务写了责任单位 / 写明了责任单位的任务有哪些 (asks8, s17): the plan's numbered items naming a unit in some
    role, counted against every numbered item, the ones naming none listed — never the per-department table.  Asked
    for a list, the items naming units are listed too."""
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["has_roles_items"]
    # (a task is an item by definition — its number is its label, not in its text; a measure or a paragraph opening
    # with its own number is one too, as _no_roles counts them)
    # (the items 这个方案一共有多少条 counts — numbered_items — so the two figures agree)
    plan = env.plan
    items = {t.id: t for t in numbered_items(plan)}
    items.update((t.id, t) for t in plan.tasks if t.kind in ("task", "measure"))
    items, _ = filter_topic(q, env, sorted(items.values(), key=plan.position))
    named = [t for t in items if t.lead or t.support or t.sole or t.shared or t.guide]
    if not named:
        env.ctx.tasks = []
        return Answer(question, "structure_has_roles", load_answer_words()["no_roles_read"], tasks=[],
                      status="not_in_plan")
    unnamed = [t for t in items if t not in named]
    lines = [said["count"].format(count=len(named), total=len(items))]
    listed = named if q.act is Act.LIST and "count" not in q.asks else []
    lines += numbered(listed)
    lines += [said["some"].format(count=len(unnamed))] + numbered(unnamed) if unnamed else [said["all"]]
    env.ctx.tasks = listed or named
    return Answer(question, "structure_has_roles", compose(lines), tasks=listed)


def exec_sharing(question: str, q: Query, env) -> Answer:
    """多个部门共同牵头的任务有哪些 / 哪些任务没有配合单位 / 两个部门共同牵头: tasks by how they are shared out."""
    if q.sharing == "no_roles":
        return _no_roles(question, q, env)
    if q.sharing == "has_roles":
        return _has_roles(question, q, env)
    if q.sharing == "lead_count":
        n = q.lead_count
        if q.at_least:
            keep, name = (lambda t: len(t.lead) >= n), f"由{n}个及以上部门共同牵头的任务"
        else:
            keep, name = (lambda t: len(t.lead) == n), f"由{n}个部门{'共同' if n > 1 else ''}牵头的任务"
    else:
        keep, name = SHARING[q.sharing]
    pool = duty_items(env.plan)
    if not pool:
        # (no unit read in the whole plan — 哪些任务没有配合部门 answered 共 0 项 as if every task had one)
        from kb.qa.wording import load_answer_words

        env.ctx.tasks = []
        return Answer(question, f"structure_{q.sharing}", load_answer_words()["no_roles_read"], tasks=[],
                      status="not_in_plan")
    if q.sharing in ("no_lead", "no_support", "lead_no_support", "support_no_lead") and any(t.lead for t in pool):
        # a duty-section entry (三、工作职责 — 区财政局：落实资金) is a unit's own duty, not a task whose lead or support
        # was left out: beside tasks that name leads, only those tasks are asked about
        pool = [t for t in pool if t.role_source != "duty"]
    tasks = [t for t in pool if keep(t)]
    previous = within_base(q, env.ctx)
    if q.within and previous:
        # 其中哪些有配合部门: of the list just given
        tasks = filter_within(q, tasks, previous)
        name = "上一个回答中" + name
    tasks, topic_note = filter_topic(q, env, tasks)
    # (the plan's numbered items, the rows said where a 任务分工表 序号 spans several, listed under their item)
    lines = [f"{name}" + (f"（涉及{topic_note}）" if topic_note else "") + f"共 {item_count(tasks)} 项{rows_note(tasks)}"
             + ("：" if tasks else "。")]
    lines.extend(listed_items(tasks))
    if note := _unnamed_items_note(env.plan, pool):
        lines.append(note)
    env.ctx.tasks = item_firsts(tasks)
    return Answer(question, f"structure_{q.sharing}", compose(lines), tasks=tasks, departments=departments_of(tasks))


def _unnamed_items_note(plan, pool) -> str:
    """In a plan written without tags, its tasks are the paragraphs whose prose names units (kb.select.duty_items): how
    the others are shared out is not written — the numbered items naming no unit are said, never silently left out of
    哪些任务没有配合单位 (a list of 1 over a plan of 15 such items read as the plan's whole answer)."""
    untagged = {d.id for d in plan.documents if not d.tagged}
    if not untagged or any(t.doc not in untagged for t in pool):
        return ""
    unnamed = [t for t in numbered_items(plan) if t.doc in untagged and not t.departments("any")]
    return f"（方案没有职责标注；另有 {len(unnamed)} 条编号条目没有写明责任单位，不在此列。）" if unnamed else ""


def exec_role_kind(question: str, q: Query, env) -> Answer:
    """哪些工作按职责分工负责 / 哪些任务由一个部门单独负责: tasks by kind of responsibility (shared or sole)."""
    ctx = env.ctx
    role = _role(q)
    tasks = [t for t in duty_items(env.plan) if getattr(t, role)]
    lines = [f"由有关部门{ROLE_WORDS[role]}的任务共 {len(tasks)} 项" + ("：" if tasks else "。")]
    lines.extend(numbered(tasks))
    ctx.tasks = tasks
    return Answer(question, f"role_{role}", compose(lines), tasks=tasks, departments=departments_of(tasks),
                  roles={t.id: [role] for t in tasks})


def dated_cells(q: Query, env, every, mode: str) -> list[tuple]:
    """(task, header, text) of each text cell of a task table's row (``Task.cells``) whose header names a year the
    question's span holds (2024年要完成什么: the 2024年工作任务 cells; 2025年底前: those of 2025 and before), on the
    question's topic when it names one, in plan order.  A header's year dates the cell's work for such a question; it is
    never a deadline of the row (哪些任务有时限要求 does not count it).  [] for a start (2024年起) or a time node."""
    from kb.qa.executors import HEADER_YEAR  # (kb.qa.executors loads this module on demand)

    if mode not in ("in", "by", "between"):
        return []
    first = int(q.dates.first[:4]) if q.dates.first else 0
    last = int(q.dates.last[:4]) if q.dates.last else 9999
    rows = [t for t in every if t.column]
    if not rows:
        return []
    rows, _ = filter_topic(q, env, rows)
    out = []
    for t in rows:
        for header, text in t.cells():
            m = HEADER_YEAR.search(header)
            if m and first <= int(m.group(1)) <= last:
                out.append((t, header, text))
    return out


def _cell_lines(cells: list[tuple], before: int) -> list:
    """The dated cells as numbered lines (after ``before`` items), under a line saying what dates them."""
    from kb.qa.result import Item

    headers = "、".join(f"“{h}”" for h in dict.fromkeys(h for _, h, _ in cells))
    lines = [f"任务分解表中{headers}列写明的工作共 {len(cells)} 项（列名中的年份说明工作所属年度，不是完成时限）："]
    lines.extend(Item(before + k, t, text=f"：{header}：{text}") for k, (t, header, text) in enumerate(cells, 1))
    return lines


def _cells_answer(question: str, env, cells: list[tuple], what: str, topic_note: str) -> Answer:
    """A year asked of a plan whose tasks set no date (or none due then) but whose task table dates cells by their
    column (2024年工作任务): those cells, each with its row."""
    tasks = list({t.id: t for t, _, _ in cells}.values())
    lines = _cell_lines(cells, 0)
    if topic_note:
        lines[0] = f"（涉及{topic_note}）" + lines[0]
    env.ctx.tasks = [t for t, _, _ in cells]
    return Answer(question, "deadline_list", compose(lines), tasks=tasks, departments=departments_of(tasks))


def _steps_answer(question: str, q: Query, env, steps: list, topic_note: str) -> Answer:
    """A date asked that no task proper falls due on, where the plan's schedule (实施步骤, 时间安排: ``schedule_steps``)
    dates steps in it (2025年6月，各区县完成燃气隐患排查…): those steps, each with the limits the date selects, said as the
    schedule's — never 方案的任务都没有规定完成时限 while the plan writes them (dates7 s18)."""
    from kb.parser.deadlines import deadline_spans
    from kb.qa.result import Item

    lines = [f"方案的任务没有在{q.dates.text}到期的；方案的实施安排写明{q.dates.text}的步骤"
             + (f"（涉及{topic_note}）" if topic_note else "") + f"共 {len(steps)} 处："]
    picked = []
    for k, t in enumerate(steps, 1):
        which = [d for d in t.deadlines if q.dates.holds(d)] or list(t.deadlines)
        picked.extend((t.id, d) for d in which)
        # (each step said in its own words — the piece of its sentence the date owns, 2025年9月，完成重大隐患整改)
        spans = {}
        for c in {d.clause for d in which if d.clause < len(t.clauses)}:
            mine = [d for d in t.deadlines if d.clause == c]
            spans.update((id(d), s) for d, s in zip(mine, deadline_spans(t.clauses[c], mine)))
        said = "；".join(dict.fromkeys(spans[id(d)].strip("，,；;。 ") for d in which if id(d) in spans))
        if said and fold(said) in fold(task_head(t)):
            said = ""  # (a step of one sentence is its head already: never said twice)
        lines.append(Item(k, t, deadlines=which, text=f"：{said}" if said else ""))
    env.ctx.tasks, env.ctx.topic = steps, list(q.topic)
    return Answer(question, "deadline_list", compose(lines), tasks=steps, deadlines=picked,
                  departments=departments_of(steps))


def _no_deadlines(question: str, env) -> Answer:
    """No paragraph of the plan states a time limit (``dated_items``): said so, ``not_in_plan`` (never 共 0 项 as if
    some had); a limit the cover notice sets is named, so the claim stays true of the whole text."""
    from kb.parser.cleanup import is_signing_line
    from kb.qa.exec_topics import notice_clauses

    env.ctx.tasks = []
    # (a signature — 东岭区管委会2016年10月14日: a name then the date it was signed, no word of a limit — is the notice's
    # date of issue, never a 时限: 活动从什么时候开始 answered with it; routed reading6, the lead's 平潭 check)
    # A single day the notice writes (2024年12月19日区政府第75次常务会审议通过, 国务院办公厅一九九六年二月九日, a visit's day) is a
    # record of the past, no limit: only a sentence requiring work by a date (…前, 每季度, 一个期间) is named
    # (review-qadiff R5, session 17: 26_putuo, 21_songjiang and four signature lines were named as 时限)
    from kb.parser.deadlines import days_span

    # (…and a span of days — 2004年8月5日至8日，…赴你省考察 — as a single day: deadlines.days_span, one definition)
    noticed = [sentence.strip() for d in env.plan.documents for sentence, dls in notice_clauses(d)
               if any(not days_span(x) for x in dls) and not is_signing_line(sentence)]
    text = "方案的任务都没有规定完成时限。"
    if noticed:
        text = "方案正文的条目都没有规定完成时限；印发通知写有时限：" + "；".join(noticed[:3]) + "。"
    return Answer(question, "deadline_list", text, tasks=[], status="not_in_plan")


def exec_timed_tasks(question: str, q: Query, env) -> Answer:
    """哪些任务有时间要求 / 没有时限的任务 / 这些任务中哪些有时限: tasks with (without) a deadline."""
    pool = dated_items(env.plan)
    if not q.within and q.timed is not False and not any(t.deadlines for t in pool):
        return _no_deadlines(question, env)  # a date no task gives: not in the plan (as a role no task gives)
    if q.within and (env.ctx.base or env.ctx.tasks):
        pool = filter_within(q, pool, within_base(q, env.ctx))  # 这些任务中哪些有时限: the previous list only
    if q.timed is False:
        tasks = [t for t in pool if not t.deadlines]
        lines = [f"没有规定时限的任务共 {item_count(tasks)} 项{rows_note(tasks)}" + ("：" if tasks else "。")]
        lines.extend(listed_items(tasks))
        env.ctx.tasks = item_firsts(tasks)
        return Answer(question, "deadline_list", compose(lines), tasks=tasks, departments=departments_of(tasks))
    tasks = [t for t in pool if t.deadlines]
    lines = [f"规定了时限的任务共 {item_count(tasks)} 项{rows_note(tasks)}" + ("：" if tasks else "。")]
    lines.extend(listed_items(tasks, deadlines=True))
    env.ctx.tasks = item_firsts(tasks)
    return Answer(question, "deadline_list", compose(lines), tasks=tasks, departments=departments_of(tasks),
                  deadlines=[(t.id, d) for t in tasks for d in t.deadlines])


def exec_all_targets(question: str, q: Query, env) -> Answer:
    """有哪些量化指标 / 目标有哪些数值: every numeric target of the plan."""
    pairs = [(t, tg) for t in env.plan.with_targets() for tg in t.targets]
    tasks = list({t.id: t for t, _ in pairs}.values())
    lines = [f"方案的量化目标共 {len(pairs)} 项："] + [target_line(t, tg) for t, tg in pairs]
    env.ctx.tasks = tasks
    return Answer(question, "target_list", compose(lines), tasks=tasks, targets=[(t.id, tg) for t, tg in pairs])


#: A paragraph that opens with its own number (（一）, 1., 2、): an item of its part, as the plan numbers it.
_NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]+[)）]|\d{1,3}[.、．])")


def is_numbered(task) -> bool:
    """The paragraph opens with its own number (（一）, 1., 2、)."""
    return bool(_NUMBERED.match(task.text or ""))


def numbered_items(plan) -> list:
    """Every item the plan numbers, part by part (``part_items`` of each part, a part of unnumbered paragraphs adding
    none): what 这个意见一共有多少条 counts in a plan none of whose paragraphs names a responsible unit."""
    out = {}
    for doc, doc_parts, doc_sections in plan.document_outlines():
        for num, _ in doc_parts:
            sections = [(label, st) for label, st in doc_sections if label.startswith(num + "（")]
            # (a numeral the outline holds twice — a cover notice's own 一、二、三 before the plan's — is one part: its
            # items once; they were listed twice, review-diff probes-s17 p2_prose)
            out.update((t.id, t) for t in part_items(plan, doc, num, sections)
                       if sections or is_numbered(t) or _opens_with_own_numeral(t, num))
    return list(out.values())


def _opens_with_own_numeral(task, num: str) -> bool:
    """A part written as ONE numbered point (一、由区规划局牵头，建立…。 / 四、X配合Y对…进行确认。: a 分工方案 of six such
    points, holdout17 d07): its paragraph opens with the part's own numeral — an item the plan numbers like 1. or （一）."""
    return (task.text or "").lstrip().startswith((f"{num}、", f"{num}．", f"{num}."))


def annex_note(plan, docs=None) -> str:
    """``正文之后另有附件“示范场景”（7 条，不计在正文条目内）。`` for the annexes after the body of the documents (all when
    ``docs`` is None) that hold paragraphs; "" when there is none.  A count of the body's items says it, so an
    annex's numbered paragraphs are neither counted as items nor silently lost."""
    said = []
    for d in plan.documents:
        if docs is not None and d.id not in docs:
            continue
        for cite, title in getattr(d, "annexes", None) or []:
            n = len(plan.parts_tasks([(d.id, cite)]))
            if n:
                said.append(f"{cite}“{title}”（{n} 条）" if title else f"{cite}（{n} 条）")
    return f"正文之后另有{'、'.join(said)}，不计在正文条目内。" if said else ""


def part_items(plan, doc: str, num: str, sections) -> list:
    """The items of part ``num`` of document ``doc`` as the plan numbers them: the opening paragraph of each of its
    ``sections`` ((label, title) pairs: 四、保障措施 › （一）加强组织领导 …) when it has sections, else its paragraphs
    that open with their own number (三、工作措施 › 1.摸底排查 2.…), else all its paragraphs.  A part's unnumbered
    closing line (各省…要及时报送治理工作联合办公室) is no item of it: 组织实施包括哪几条 counts 1.–3.  A structure or
    count answer carries these in ``Answer.tasks`` (issue #11: the answer's own items), so 第二条 next is one of them."""
    paras = plan.parts_tasks([(doc, num)])
    if sections:
        first: dict = {}
        for t in paras:
            if t.section and t.section not in first:
                first[t.section] = t
        return [first[label] for label, _ in sections if label in first]
    numbered = [t for t in paras if is_numbered(t)]
    return numbered or paras


def exec_overview(question: str, q: Query, env) -> Answer:
    """总体要求 / 工作目标 / 保障措施: the plan's parts answered whole."""
    from kb.qa.executors import found_nothing

    plan = env.plan
    _, part_words = env.voc.overview[q.overview]
    parts = {(doc, num): title for doc, doc_parts, _ in plan.document_outlines() for num, title in doc_parts
             if any(w in fold(title) for w in part_words)}
    # a part named by its title (基本原则有哪几条): that part only — not 一、指导思想 beside it, of the same kind
    named = {key: title for key, title in parts.items() if len(fold(title)) >= 2 and fold(title) in fold(question)}
    if named:
        parts = named
    # (one read of a stored plan for every document's part, grouped once: 1,000 plans' goals)
    by_part: dict[tuple[str, str], list] = {}
    for t in plan.parts_tasks(list(parts)):
        by_part.setdefault((t.doc, t.part), []).append(t)
    heads = {key: f"{key[1]}、{title}：" for key, title in parts.items()}
    if not parts:
        # no part of that kind, but a section (一、总体要求 › （三）发展目标): the section's paragraphs answer
        sections = {(doc, label): title for doc, _, doc_sections in plan.document_outlines()
                    for label, title in doc_sections if any(w in fold(title) for w in part_words)}
        wanted = {(doc, label.split("（")[0]) for doc, label in sections}
        for t in plan.parts_tasks(list(wanted)):
            if (t.doc, t.section) in sections:
                by_part.setdefault((t.doc, t.section), []).append(t)
        heads = {key: f"{key[1]} {title}：" for key, title in sections.items()}
    tasks = [t for key in heads for t in by_part.get(key, [])]
    if not tasks:
        return found_nothing(question, q, env)  # the plan has no such part
    if "count" in q.asks and parts:
        # 保障措施一共有几条: the number of the part's items (its sections, else its numbered paragraphs), said first,
        # and those items the answer's own — never the part's paragraphs listed with no number
        outlines = {doc: doc_sections for doc, _, doc_sections in plan.document_outlines()}
        by_part = {key: part_items(plan, key[0], key[1], [(label, st) for label, st in outlines.get(key[0], [])
                                                           if label.startswith(key[1] + "（")]) for key in heads}
        heads = {key: f"{head.rstrip('：')}共 {len(by_part[key])} 条：" for key, head in heads.items()}
        tasks = [t for key in heads for t in by_part[key]]
    year = _year_asked(q)
    said = {t.id: t.text for t in tasks}
    undated: set = set()  # (parts that state no year: shown whole, said so)
    if year is not None:
        # 2025年的目标是什么 / 开封2022年的目标: the clauses of the part that state that year (a clause naming no year
        # goes with the one before it: 到2020年，A；B), and its targets of that year — never the goals of another year
        # (到2022年…；到2024年… is two goals).  A part that names no year at all (通过三年建设，…) is shown whole, said so.
        kept = {}
        for key in heads:
            part = by_part.get(key, [])
            if not any(_clause_years(t.text) for t in part):
                undated.add(key)
                kept.update((t.id, t.text) for t in part)
                continue
            kept.update((t.id, c) for t in part if (c := _clauses_of_year(t.text, year)))
        said = kept
        tasks = [t for t in tasks if t.id in said or any(tg.year == year for tg in t.targets)]
        if not tasks:
            env.ctx.tasks = []
            stated = sorted({y for key in heads for t in by_part.get(key, []) for y in _clause_years(t.text)})
            text = load_answer_words()["overview_year_none"].format(
                year=year, part="、".join(dict.fromkeys(h.rstrip("：") for h in heads.values())),
                years="、".join(f"{y}年" for y in stated))
            return Answer(question, f"overview_{q.overview}", text, tasks=[], status="not_in_plan")
    lines = []
    for key, head in heads.items():
        held = [t for t in by_part.get(key, []) if t.id in said]
        if year is not None and not held:
            continue
        lines.append(head + (load_answer_words()["overview_undated"] if key in undated else ""))
        lines.extend(f"{t.label} {said[t.id]}" for t in held)
    targets = [(t.id, tg) for t in tasks for tg in t.targets if year is None or tg.year in (year, None)]
    if targets and q.overview == "goals":
        lines.append("量化目标：")
        lines.extend(target_line(t, tg) for t in tasks for tg in t.targets
                     if year is None or tg.year in (year, None))  # the tasks at hand, in order
    env.ctx.tasks = tasks
    return Answer(question, f"overview_{q.overview}", compose(lines), tasks=tasks, targets=targets)


def _year_asked(q: Query) -> int | None:
    """The one calendar year a question asks of (2025年的…, 到2025年…): the year its span ends in, when it starts in the
    same year or has no start; None for no date, a range of years, or a start (2019年起)."""
    span = q.dates
    if span is None or not span.last or span.test == "starts":
        return None
    if span.first and span.first[:4] != span.last[:4]:
        return None
    return int(span.last[:4])


#: Where a clause of a goal paragraph ends (到2022年，…；到2024年，…: two goals).
_CLAUSE_SPLIT = LazyPattern(r"(?<=[。；;！？])")
#: A year a clause names, not as the base a change is measured from (较2015年, 比2015年, 基准年（2015年）, 与2015年相比).
_CLAUSE_YEAR = LazyPattern(r"(?<![较比与（(])((?:19|20)\d\d)年(?!相比|的基础上|为基)")


def _clause_years(text: str) -> set[int]:
    """The years the clauses of ``text`` name (base years aside)."""
    return {int(y) for y in _CLAUSE_YEAR.findall(text or "")}


def _clauses_of_year(text: str, year: int) -> str:
    """The sentences and ；-clauses of ``text`` that are about ``year``: those naming it, and those naming no year after
    one about it (到2020年，A；B: B too), joined; "" when none is."""
    out, current = [], None
    for clause in _CLAUSE_SPLIT.split(text or ""):
        years = _clause_years(clause)
        if years:
            current = years
        if current and year in current:
            out.append(clause)
    return "".join(out).strip()


def exec_department_list(question: str, q: Query, env) -> Answer:
    """哪些部门有任务 / 一共涉及多少个部门 / 哪个部门牵头的任务最多: every department with its counts."""
    from kb.duties import department_counts

    asks = set(q.asks)
    rows = [(n, c) for n, c in department_counts(env.plan) if c["total"]]
    if not rows:
        env.ctx.tasks = []
        return Answer(question, "department_list", "方案没有给任何部门分配任务（没有读到责任单位），共 0 个部门。",
                      status="not_in_plan")
    asked = _role(q)
    role = asked if asked in ROLES else None
    if role and role not in env.plan.roles_given():
        # 谁指导 (short: a possible follow-up, so read_role_given left it) in a plan no task of which gives 指导
        from kb.qa.executors import exec_meta

        return exec_meta(question, replace(q, outside="role", outside_words=ROLE_NAMES[role]), env)
    if role is None and asked == "any" and "ranking" in asks:
        role = "total"  # 哪个部门参与的任务最多: every role counts
    level_note = ""
    if q.level:
        # 哪个区级部门参与最多: the names of that level only (区住房保障局), never every department ranked
        levels = load_shapes()["unit_levels"]
        prefixes = tuple(levels[q.level])
        not_next = tuple(load_shapes()["level_not_next"])

        def opens(name: str, heads) -> bool:  # (区属国企: 区 opens no 区级 body)
            return any(name.startswith(h) and not name[len(h):].startswith(not_next) for h in heads)

        of_level = [(n, c) for n, c in rows if opens(n, prefixes)]
        marked = ("各", *(p for ps in levels.values() for p in ps))  # (各街道办事处: a group of units, of no one level)
        unmarked = [n for n, _ in rows if not opens(n, marked) and not n.startswith("各")]
        if not of_level:
            env.ctx.tasks = []
            if unmarked:
                # 常熟 plan writing 发改委, 经信委: they may well be the 市级 ones — kb cannot tell, and says so
                return Answer(question, "department_list", load_answer_words()["level_unread"].format(
                    level=q.level, prefixes="/".join(prefixes), names="、".join(unmarked)), status="not_understood")
            return Answer(question, "department_list", load_answer_words()["level_none"].format(
                level=q.level, prefixes="/".join(prefixes)), status="not_in_plan")
        if unmarked:
            # (a name writing no level may be of it: said, never silently ranked or left out)
            level_note = load_answer_words()["level_unmarked"].format(level=q.level, names="、".join(unmarked))
        rows = of_level
    subs = env.plan.subunits()
    main = [n for n, _ in rows if n not in subs]
    under = "、".join(f"{n}（属{subs[n]}）" for n, _ in rows if n in subs)
    # (the department list of the TUI and `kb depts` count sub-units too: say both numbers)
    total = f"，共 {len(rows)} 个名称" if under else ""
    lines = [f"方案给 {len(main)} 个{q.level}部门（单位）分配了任务" + (f"，另有下属单位 {under}" if under else "") + total
             + "（牵头/配合/单独负责/共同负责 项数）："]
    if role:
        rows.sort(key=lambda row: -row[1][role])
        top = [n for n, c in rows if c[role] == rows[0][1][role]]
        lines.insert(0, f"{ROLE_WORDS.get(role, '涉及')}任务最多的是{'、'.join(top)}（{rows[0][1][role]} 项）。")
    lines.extend(f"{name}：{c['lead']}/{c['support']}/{c['sole']}/{c['shared']}" for name, c in rows)
    if level_note:
        lines.append(level_note)
    # a ranking is about the department(s) at its top; a listing about every one
    shown = top if role else [n for n, _ in rows]
    if role and len(top) == 1:
        env.ctx.departments, env.ctx.role = [top[0]], None  # 它配合哪些任务 next refers to it
    return Answer(question, "department_list", compose(lines), departments=shown)


#: Where a sentence ends inside a paragraph (a post is filled in one: 成立…工作小组，组长由…担任，成员由…组成。).
_SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")


def exec_post(question: str, q: Query, env) -> Answer:
    """组长是谁 / 治理工作小组组长由谁担任: the plan's sentences naming the post (``q.post``) together with the words of
    whose post it is (``q.post_of``), quoted with their paragraphs as the answer's items.  None: ``not_in_plan`` —
    the plan does not say who holds it — with the sentences that do name that body (成立领导小组) or other holders of
    the post quoted as what the plan says instead, and no item: a nearby task is never the answer to a who-question
    about a post."""
    plan = env.plan
    post, of = q.post, [fold(w) for w in q.post_of if w]
    asked = q.post_asked or post
    found, body, others = [], [], []
    # (the paragraphs naming the post, then those naming the body alone: 成立领导小组 with no 组长)
    paragraphs = {t.id: t for t in plan.tasks_matching([[post]], fold, kinds=None)}
    if of:
        paragraphs.update((t.id, t) for t in plan.tasks_matching([[w] for w in of], fold, kinds=None))
    for t in paragraphs.values():
        for sentence in _SENTENCE_END.split(t.text or ""):
            held = fold(sentence)
            if not held.strip():
                continue
            has_of = all(w in held for w in of)
            if post in held and has_of:
                found.append((t, sentence.strip()))
            elif post in held:
                others.append((t, sentence.strip()))
            elif of and has_of:
                body.append((t, sentence.strip()))
    found, body, others = ([pair for k, pair in enumerate(x) if pair not in x[:k]] for x in (found, body, others))
    env.ctx.tasks = []
    if found:
        tasks = list({t.id: t for t, _ in found}.values())
        lines = [f"方案写明的“{asked}”：", *(f"{t.label} {s}" for t, s in found)]
        env.ctx.tasks = tasks
        return Answer(question, "post", compose(lines), tasks=tasks)
    lines = [f"方案没有写明“{asked}”由谁担任（这不是方案分配给部门的任务）。"]
    if body:
        lines.append("方案写到的：" + "；".join(f"{t.label} {s}" for t, s in body[:3]))
    if others:
        lines.append(f"方案写明的其他{post}：" + "；".join(f"{t.label} {s}" for t, s in others[:3]))
    return Answer(question, "post", "\n".join(lines), tasks=[], status="not_in_plan")


# ---------------------------------------------------------------- who issued the plan

class _IssuerPattern(LazyPattern):
    """A ``LazyPattern`` in which ``{body}`` stands for a body's name — characters up to an ending of shapes.yaml
    ``issuer_endings`` (the longest ending first at each place: 委员会 before 委) — put in when the pattern is first
    used: the endings are data, read only when an issuer question is answered."""

    __slots__ = ()

    def __getattr__(self, name: str):
        compiled = self._compiled
        if compiled is None:
            from kb.qa.query import load_shapes

            endings = "|".join(map(re.escape, sorted(load_shapes()["issuer_endings"], key=len, reverse=True)))
            body = rf"[\u4e00-\u9fff（）()]{{2,24}}?(?:{endings})"
            pattern, flags = self._source
            compiled = self._compiled = re.compile(pattern.replace("{body}", body), flags)
        return getattr(compiled, name)


#: The issuing sentence of a cover notice: bodies joined by 、/和/与, then 联合/共同/会同…, then a verb of drafting or
#: issuing (市卫生健康委、市财政局、市人力资源社会保障局、市医保局联合制定《…》; 市发展改革委、市经济信息化委会同有关部门制定了).
_ISSUING = _IssuerPattern(r"(?P<names>{body}(?:[、和与 ]?{body})*) ?(?:联合|共同|会同[^，。；]{0,10}?|关于)?(?:研究)?"
                          r"(?:制定|印发|起草|编制|制发)")
#: A signature: bodies one after another (each name whole), then the date of issue.
_SIGNATURE = _IssuerPattern(r"(?P<names>(?:{body}){1,8})\s*(?:19|20)\d\d年\d{1,2}月\d{1,2}日")
#: One body of a run of names (joined by 、/和/与 or written one after another, as signatures are), each whole: the rest of
#: the run must be bodies too (上海市发展和改革委员会 is one name, not 上海市发展 + 改革委员会; 人民政府办公室 not 人民政府).
_ONE_BODY = _IssuerPattern(r"{body}(?=(?:[、和与 ]?{body})*$)")
#: The place a body's name opens with (成都市发展和改革委员会 → 成都), group 1 without its level.
_PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,3}?)[省市区县]")
#: A title opening with its issuer (国务院关于促进…的若干意见); a notice passing on another's plan (关于转发) names the
#: one passing it on, not the issuer asked.
_TITLE_ISSUER = _IssuerPattern(r"^(?P<name>{body})关于(?!转发)")
#: A notice passing on a plan another body drew up (…办公室关于转发区建设管理委制订的《…》的通知): that body issued it.
_TITLE_PASSED_ON = _IssuerPattern(r"^{body}关于转发(?P<name>{body})(?:制订|制定|编制|起草)的")
#: A title naming its issuers as X等N部门 (广州市卫生健康委等4部门关于印发…的通知).
_TITLE_ISSUERS = re.compile(r"^(?P<first>[\u4e00-\u9fff]{2,24}?)等(?P<n>[0-9一二三四五六七八九十]{1,2})(?:个)?部门")


def _issuer_lines(doc, plan) -> list[str]:
    """The lines of a document that may name its issuers: its cover notice, news lead, opening paragraphs (引言) and
    closing lines, in that order."""
    lines = [*(doc.cover or "").splitlines(), *(doc.preface or "").splitlines()]
    lines += [t.text for t in plan.tasks if t.doc == doc.id and (t.label or "").startswith("引言")]
    lines += (doc.closing or "").splitlines()
    # a document number glued before the title (鞍立政发〔2023〕2号立山区人民政府关于印发…) is no part of a body's name:
    # cut there, or the name opened at its 号 (号立山区人民政府)
    numbers = _document_numbers()
    return [x.strip() for line in lines for x in numbers.split(line) if x.strip()]


def _document_numbers() -> re.Pattern:
    """The parser's document number (kb.parser.cleanup.DOCUMENT_NUMBER_RE), found anywhere in a line."""
    global _DOCUMENT_NUMBERS
    if _DOCUMENT_NUMBERS is None:
        from kb.parser.cleanup import DOCUMENT_NUMBER_RE

        _DOCUMENT_NUMBERS = re.compile(DOCUMENT_NUMBER_RE.pattern.lstrip("^").rstrip("$"))
    return _DOCUMENT_NUMBERS


_DOCUMENT_NUMBERS: re.Pattern | None = None


def _split_names(names: str) -> list[str]:
    """The bodies of a run of names, each whole (separators dropped)."""
    out, at = [], 0
    while at < len(names):
        m = _ONE_BODY.match(names, at)
        if m is None:
            break
        out.append(m.group(0))
        at = m.end()
        if names[at:at + 1] in ("、", "和", "与", " "):
            at += 1
    place = _PLACE.match(out[0]) if out else None
    if place and not re.search(r"[、 ]", names):
        # a run written without separators (a signature, a title line) is split at each body's place: a piece without
        # the place (社会工作部 after 中共成都市委) ends the body before it (中共成都市委社会工作部)
        merged = []
        for piece in out:
            if merged and place.group(1) not in piece:
                merged[-1] += piece
            else:
                merged.append(piece)
        out = merged
    return out


def _only_bodies(line: str) -> list[str]:
    """The bodies of a line that is nothing but bodies (a signature line), else []."""
    text = re.sub(r"\s", "", line)
    names = _split_names(text)
    # (every character a body's, or one separator — 、/和/与 — between two of them)
    return names if names and len(text) - len("".join(names)) <= len(names) - 1 else []


#: A date closing a signature (…办公室2022年3月23日).
_SIGNED_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日")
_FIELD_ISSUER: re.Pattern | None = None


def _field_issuer_re() -> re.Pattern:
    """A reference field naming the issuer (【发布部门】X, 发文机关：X — documents.yaml ``issuer_fields``) and its value up
    to the next field (【…】, a short label and its colon) or the line's end."""
    global _FIELD_ISSUER
    if _FIELD_ISSUER is None:
        from kb.ingest.vocab import load_vocabulary
        from kb.parser.structure import issuer_fields, reference_labels

        fields = "|".join(map(re.escape, issuer_fields()))
        labels = sorted({*issuer_fields(), *reference_labels(), *load_vocabulary().page_metadata_labels}, key=len, reverse=True)
        after = "|".join(map(re.escape, labels))
        _FIELD_ISSUER = re.compile(rf"(?:【(?:{fields})】|(?:{fields})\s*[:：])\s*"
                                   rf"(?P<value>[^【】:：\n。；，,]{{2,80}}?)\s*(?=【|$|(?:{after})\s*[:：])")
    return _FIELD_ISSUER


def _field_issuers(doc, lines: list[str]) -> tuple[list[str], str] | None:
    """(issuers, the field as written) from a reference field naming them (【发布部门】某某省人民政府办公厅): each body of
    the value whole (names run together or apart by 、/spaces split as a signature's), the value whole when it is not a
    run of bodies.  A field giving a short form (省政府办公厅) of the body the title opens with (浙江省人民政府办公厅关于…)
    yields the title's whole name."""
    for line in lines:
        m = _field_issuer_re().search(line)
        if not m:
            continue
        value = m.group("value").strip()
        names = _only_bodies(value) or [re.sub(r"\s", "", value)]
        titled = _TITLE_ISSUER.match(doc.title or "")
        if titled and len(names) == 1 and _short_form(names[0], titled.group("name")):
            return [titled.group("name")], doc.title
        return names, m.group(0).strip()
    return None


def _short_form(short: str, whole: str) -> bool:
    """``short`` is ``whole`` written shorter (省政府办公厅 of 浙江省人民政府办公厅): its characters, in order, a part of
    the longer name's, ending alike."""
    if len(short) >= len(whole) or short[-1] != whole[-1]:
        return False
    it = iter(whole)
    return all(c in it for c in short)


def _agreed_signature(title: str, lines: list[str]) -> tuple[list[str], str] | None:
    """(the one body, its signature) when a signature's name (the words before its date, after the sentence before it)
    is also the words a notice title opens with (X关于印发… / X2022年3月23日) and is no run of known bodies: the two
    places agree that X is one issuer, whole, whatever characters it holds (安徽省推进“三地一区”建设领导小组改革开放新
    高地执行小组办公室 — cut at its quotes and at 领导小组, it was read as two bodies)."""
    joined = "".join([title, *lines])
    for line in reversed(lines):
        for m in _SIGNED_DATE.finditer(line):
            head = re.split(r"[。；：:，,！？）)】]", line[:m.start()])[-1].strip()
            head = re.sub(r"\s", "", head)
            if 4 <= len(head) <= 60 and not _only_bodies(head) and f"{head}关于" in joined:
                return [head], head + m.group(0)
    return None


def issuers_of(doc, plan) -> tuple[list[str], str] | None:
    """(issuers, the words naming them) of one document: a reference field naming them (【发布部门】), else a signature
    the notice's title agrees with, else the cover's issuing sentence, else its signature, else its title's X等N部门;
    None when none of them names a body."""
    lines = _issuer_lines(doc, plan)
    found = _field_issuers(doc, lines) or _agreed_signature(doc.title or "", lines)
    if found:
        return found
    for line in lines:
        for sentence in re.split(r"[。；]", line):
            m = _ISSUING.search(sentence)
            if m:
                names = _split_names(m.group("names"))
                if not names:
                    continue
                names[0] = re.split(r"[，,由]", names[0])[-1]  # (现由市X局…: the words before the body are none of it)
                clause = sentence.rfind("，", 0, m.start("names") + 1) + 1
                quoted = sentence[clause:].strip()
                return names, quoted if len(quoted) <= 90 else quoted[:90] + "…"
    for k in range(len(lines) - 1, -1, -1):
        m = _SIGNATURE.search(lines[k])
        if m:
            names = _split_names(m.group("names"))
            if names:
                # the signature's earlier lines, each nothing but bodies (上海市交通委员会 / 上海市发展和改革委员会2023年6月15日:
                # the parser keeps a signature line apart from the date's — 3bcfd3e)
                said = [m.group(0)]
                j = k - 1
                while j >= 0 and (before := _only_bodies(lines[j])):
                    names[:0] = before
                    said.insert(0, lines[j])
                    j -= 1
                return names, "".join(said)
    m = _TITLE_ISSUERS.match(doc.title or "")
    if m:
        return [f"{m.group('first')}等{m.group('n')}个部门"], doc.title
    m = _TITLE_ISSUER.match(doc.title or "") or _TITLE_PASSED_ON.match(doc.title or "")
    if m:
        return [m.group("name")], doc.title
    return None


def exec_issuers(question: str, q: Query, env) -> Answer:
    """这个方案是哪几个部门联合印发的: for each plan asked, the bodies its notice says drafted or issued it (联合制定…现印发),
    else those signing it, else the title's X等N部门 — quoted with the words naming them; a plan naming none says so.
    Never the departments given tasks."""
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["issuers"]
    docs = [d for d in env.plan.documents if not q.plan or d.id == q.plan]
    env.ctx.tasks = []
    lines, found = [], []
    for d in docs:
        got = issuers_of(d, env.plan)
        name = f"《{d.name}》" if len(docs) > 1 else said["this_plan"]
        if got is None:
            lines.append(said["none"].format(name=name, title=d.title))
            continue
        names, source = got
        found.extend(n for n in names if n not in found)
        # (a notice passing the plan on names who drew it up)
        what = said["drafted_by"] if "关于转发" in source else said["issued_by"]
        lines.append(said["named"].format(name=name, what=what, count=len(names), names="、".join(names)))
        lines.append(said["quoted"].format(source=source))
    status = "answered" if found else "not_in_plan"
    return Answer(question, "issuers", compose(lines), tasks=[], departments=found, status=status)


def plans_naming_no_place(plan) -> list:
    """The documents whose own words (``query.plan_about``: title, notice, page fields, signature) name no place — no
    known place (shapes.yaml ``places``) and no word shaped like one (2–4 characters that no department or function
    word holds, then a ``place_suffixes`` word: 蔡甸区, 某某县) standing at the start of a line or after a mark.  Such a
    plan (fixture 50: 我市, 市发改委 — 成都's, never written) may be any place's: "no loaded plan concerns X" is not
    true of it.  A word read as a place that is none (推进城市) only keeps the plain answer."""
    from kb.qa.query import _NOT_IN_PLACE, load_shapes, plan_about

    shapes = load_shapes()
    suffixes = "|".join(map(re.escape, sorted(shapes["place_suffixes"], key=len, reverse=True)))
    # (区 too: a district — 蔡甸区 — where it opens a line or follows 关于/印发, as a plan's own words name it)
    shaped = re.compile(rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=关于)|(?<=印发))([\u4e00-\u9fff]{{2,4}}?)(?:{suffixes}|区)")
    places = tuple(shapes["places"])

    def names_place(words: str) -> bool:
        if any(p in words for p in places):
            return True
        return any(not set(m.group(1)) & _NOT_IN_PLACE for m in shaped.finditer(words))

    about = dict(plan_about(plan))
    return [d for d in plan.documents if not names_place(about.get(d.id, ""))]


# ---------------------------------------------------------------- the cover notice: attachments, basis, documents issued


@dataclass(slots=True)
class Notice:
    """What a plan's cover notice and preamble say of it (``notice_of``)."""

    attachments: list[str]
    """The titles its notice's 附件 list names (附件：1.X / 2.Y), in order."""
    basis: list[str]
    """The documents it cites as its basis (根据/按照/依据/贯彻落实《…》), each with its number when one follows it."""
    issued: list[str]
    """The documents its notice hands on (现将《A》《B》印发给你们, 关于印发A和B的通知)."""


#: An attachments caption opening a line (附件：, 附件1：, 附表：, 附件1.): what follows is the list's first item or its only
#: one; the caption's number, if any, is group 1.
_ATTACHMENTS_HEAD = LazyPattern(r"^(?:附件|附表)\s*(?:([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*[:：.．、](?![0-9])|[:：])\s*")
#: An item of an attachments list (1.X, 2、Y, （3）Z).
_ATTACHMENT_ITEM = LazyPattern(r"^[（(]?(\d{1,2})\s*[)）.．、]\s*")
#: A cited document: 《…》 (〈…〉 inside allowed), with its number in brackets right after it, if any.
_CITED = LazyPattern(r"《([^《》]{2,120})》(?:[（(]([^（）()]{0,30}〔\d{4}〕[^（）()]{0,12}号)[)）])?")
#: Words that make the documents after them a basis (根据《…》, 按照《…》要求, 为贯彻落实《…》精神).
_BASIS_WORDS = ("根据", "按照", "依据", "贯彻落实", "贯彻", "落实", "遵照", "依照")
#: Where a sentence ends (a basis word reaches its documents within one).
_SENTENCE_END = LazyPattern(r"(?<=[。；！？])")


def _notice_lines(doc) -> list[str]:
    """The lines of a plan's cover notice: ``cover``, else a preface holding a notice (a 法宝 line run into it), and
    the closing (an attachments list after the signature)."""
    from kb.parser.structure import TRANSMITTAL_RE

    lines = (getattr(doc, "cover", None) or "").split("\n")
    preface = doc.preface or ""
    if TRANSMITTAL_RE.search(preface):
        lines += preface.split("\n")
    return [ln.strip() for ln in lines + (getattr(doc, "closing", None) or "").split("\n") if ln.strip()]


def _attachments(lines: list[str]) -> list[str]:
    """The titles of the first 附件 list among ``lines``: the caption's line (附件：1.X or 附件：X) and the numbered lines
    right after it."""
    for i, line in enumerate(lines):
        m = _ATTACHMENTS_HEAD.match(line)
        if not m:
            continue
        rest = line[m.end():].strip()
        items = []
        first = _ATTACHMENT_ITEM.match(rest)
        if rest:
            items += _numbered_run(rest) if first and first.group(1) == "1" else [rest]
        for nxt in lines[i + 1:]:
            n = _ATTACHMENT_ITEM.match(nxt)
            again = _ATTACHMENTS_HEAD.match(nxt) if m.group(1) else None
            if again and again.group(1) and cn_number(again.group(1)) == len(items) + 1:
                items.append(nxt[again.end():].strip())  # 附件1：X / 附件2：Y — one attachment a line, each captioned
                continue
            if not n:
                break
            items.extend(_numbered_run(nxt, len(items) + 1))  # (4.X5.Y: two lines cleanup ran together)
        return [x for x in items if x]
    return []


def _numbered_run(text: str, start: int = 1) -> list[str]:
    """The titles of a list written on one line, numbered 1, 2, 3 … in order (1.X；2.Y 3.Z, 1.X2.Y): cut where the next
    number stands (not inside a figure: 2.5, 2016 — a year opening a title is no figure: 1.2016年…表2.2016年…),
    separators dropped; the whole text as one title when no second number follows.  ``start``: the number the line opens
    with (a further line of the list: 4.X5.Y)."""
    cuts, at, n = [], 0, start
    while True:
        # a digit after the mark is a figure (2.5) unless a year opens the title (2.2016年重点项目…计划表)
        m = re.compile(rf"(?<![\d.．]){n}\s*[.．、](?:(?!\d)|(?=(?:19|20)\d{{2}}年))").search(text, at)
        if not m:
            break
        cuts.append((m.start(), m.end()))
        at, n = m.end(), n + 1
    if len(cuts) < 2:
        first = _ATTACHMENT_ITEM.match(text)
        return [text[first.end():].strip() if first else text]
    ends = [begin for begin, _ in cuts[1:]] + [len(text)]
    return [text[end:stop].strip().strip("；;，,。 ") for (_, end), stop in zip(cuts, ends)]


def _preamble(doc, plan) -> list[str]:
    """The plan's opening paragraphs before its first part (no task): its 引言."""
    return [t.text for t in plan.document_opening(doc.id, 4) if t.kind != "task" and not t.part]


def _basis(texts: list[str], own: set[str], headed: list[str] = ()) -> list[str]:
    """The documents cited after a basis word in the sentences of ``texts`` (the plan's own titles aside), with their
    numbers; every document cited in ``headed`` (paragraphs under the plan's own 编制依据 heading)."""
    out = []
    for text in [*texts, *headed]:
        for sentence in _SENTENCE_END.split(text):
            at = 0 if text in headed else min((sentence.find(w) for w in _BASIS_WORDS if w in sentence), default=-1)
            if at < 0 or "印发给你们" in sentence:
                continue
            for m in _CITED.finditer(sentence, at):
                title = m.group(1).replace("〈", "《").replace("〉", "》")
                if fold(title) in own:
                    continue
                said = f"《{title}》" + (f"（{m.group(2)}）" if m.group(2) else "")
                if said not in out:
                    out.append(said)
    return out


def _issued(doc, lines: list[str]) -> list[str]:
    """The documents the notice hands on: the 《…》 of its sentence passing them on (现将《A》《B》印发给你们), else the
    title's 关于印发A和B的通知 cut at 和/及/、 where every piece ends like a document's name."""
    from kb.parser.structure import TRANSMITTAL_RE

    for line in lines:
        for sentence in _SENTENCE_END.split(line):
            if TRANSMITTAL_RE.search(sentence):
                found = [f"《{m.group(1)}》" for m in _CITED.finditer(sentence)]
                if found:
                    return found
    m = re.search(r"关于(?:印发|转发)(.+?)的通知", doc.title or "")
    if m:
        pieces = [x for x in re.split(r"和|及|、", m.group(1).strip("《》")) if x]
        kinds = load_shapes()["outside"]["document_nouns"]
        if pieces and all(x.strip("《》").endswith(tuple(kinds)) for x in pieces):
            return [f"《{x.strip('《》')}》" for x in pieces]
    return []


#: A heading naming the plan's basis (1.2 编制依据, （二）制定依据): the documents its paragraphs cite are the basis.
_BASIS_HEADING = LazyPattern(r"^[\s0-9.．、（()）一二三四五六七八九十]*(?:编制|制定|政策|工作|法律|法规)?依据[：:]?\s*$")


def _headed_basis(doc, plan) -> list[str]:
    """The paragraphs under the plan's own basis heading (asks8, s17: a 燃气 预案's 1.2编制依据 over a paragraph of
    《…》《…》 — said to cite no basis, as no 根据/按照 stood before them): a part or section titled so, or a short
    paragraph written so, then the paragraphs up to the next short heading-like one."""
    titled = {key for key, title in (*doc.parts, *doc.sections) if _BASIS_HEADING.match(fold(title or ""))}
    out, under = [], False
    for t in plan.document_tasks(doc.id):
        text = (t.text or "").strip()
        if t.part in titled or (t.part, t.section) in titled or t.section in titled:
            out.append(text)
            continue
        if _BASIS_HEADING.match(fold(text)):
            under = True
            continue
        if under and "《" in text:
            out.append(text)
            continue
        under = False
    return out


def notice_of(doc, plan) -> Notice:
    """What ``doc``'s cover notice and preamble say of it."""
    lines = _notice_lines(doc)
    own = {fold(x) for x in (doc.title, doc.plan_title or "") if x}
    return Notice(_attachments(lines), _basis(lines + _preamble(doc, plan), own, _headed_basis(doc, plan)),
                  _issued(doc, lines))


#: A span of years in a title (（2022—2024年）, 2023-2025年, 2021至2025年) or one year (2026年度, （2023年）).
_TITLE_YEARS = LazyPattern(r"((?:19|20)\d\d)\s*年?\s*(?:[—\-–－~～至到]+\s*((?:19|20)\d\d))?\s*年")


def plan_period(doc, plan) -> str | None:
    """The plan's own time span as its words state it: its title's years (行动计划（2022—2024年） → 2022—2024年), else the
    years its goals part states (到2025年… → 2025年); None when it states neither."""
    for title in (doc.plan_title, doc.title):
        m = _TITLE_YEARS.search(title or "") if title and title != doc.id else None
        if m:
            return load_answer_words()["notice"]["period_title"].format(
                years=f"{m.group(1)}—{m.group(2)}年" if m.group(2) else f"{m.group(1)}年")
    from kb.qa.vocab import load_vocabulary

    words = load_vocabulary().overview["goals"][1]
    parts = [num for num, title in doc.parts if any(w in fold(title) for w in words)]
    years = sorted({y for num in parts for t in plan.part_tasks(doc.id, num) for y in _clause_years(t.text)})
    if years:
        return load_answer_words()["notice"]["period_goals"].format(last=f"{years[-1]}年",
                                                                     years="、".join(f"{y}年" for y in years))
    return None


#: A document a paragraph cites by its title (《自贡市黄标车提前淘汰补贴方案》).
_CITED_TITLE = re.compile(r"《[^《》]{2,80}》")


def _cited_documents(question: str, q: Query, env) -> Answer:
    """加快淘汰老旧车辆要落实哪个文件 / X要按照什么规定执行 (Query.notice ``cited``): the documents (《…》) the items on the
    words asked cite, each with its item — never the plan's own basis, nor which plans mention the words.  Items found
    that cite none: said so (not_in_plan), the items named; no item on the words: said so."""
    from kb.qa.exec_topics import topic_matches

    said = load_answer_words()["cited_documents"]
    asked = q.notice_subject
    words = [w for w in (q.topic or [asked]) if w in asked] or [asked]
    words = asked_topic(words, env.voc, env.plan) or words
    # (the tasks first; else any paragraph — a plan of untagged paragraphs: 危房鉴定必须依据《…导则》)
    tasks = topic_matches(env, words) or topic_matches(env, words, kinds=None)
    env.ctx.tasks = list(tasks)
    if not tasks:
        return Answer(question, "cited_documents", said["no_item"].format(asked=asked), tasks=[], status="not_in_plan")
    lines, held, names = [], [], []
    for t in tasks:
        cited = list(dict.fromkeys(_CITED_TITLE.findall(t.text or "")))
        if cited:
            held.append(t)
            names.extend(c for c in cited if c not in names)
            lines.append(f"{t.label} {task_head(t)}：{'、'.join(cited)}")
    if not held:
        labels = "、".join(t.label for t in tasks[:5]) + ("等" if len(tasks) > 5 else "")
        return Answer(question, "cited_documents", said["none"].format(asked=asked, labels=labels), tasks=[],
                      status="not_in_plan")
    head = said["found"].format(asked=asked, names="、".join(names))
    return Answer(question, "cited_documents", compose([head, *lines]), tasks=held)


def plan_scope(doc, plan) -> list[tuple]:
    """(paragraph, sentence) of each sentence of the plan stating its own scope — 本预案适用于… / 本行动方案适用于… (本/该/此, a
    few characters, a kind of document of shapes.yaml ``scope_subjects``, then 适用于) — else the first sentence of each
    paragraph under a heading holding 适用范围 (1.3 适用范围, 二、适用范围及部门职责); at most three."""
    from kb.qa.query import load_shapes

    kinds = "|".join(map(re.escape, load_shapes()["scope_subjects"]))
    own = re.compile(rf"(?:本|该|此)[^，。；;]{{0,8}}?(?:{kinds})(?:所称[^。；;]*?)?适用于")
    tasks = list(plan.document_tasks(doc.id))
    out = [(t, sentence.strip()) for t in tasks for sentence in re.split(r"(?<=[。；;])", t.text or "")
           if own.search(sentence)]
    if not out:
        # (the innermost heading first — （一）适用范围 —, else the first paragraph of a part headed 适用范围及部门职责, its
        # （一）; quoted from its body, never the heading line alone)
        under = [t for t in tasks if "适用范围" in f"{t.section_title or ''}|{t.title or ''}"]
        under = under or [t for t in tasks if "适用范围" in (t.part_title or "")][:1]
        for t in under:
            body = (getattr(t, "body", None) or t.text or "").strip()
            sentences = [x.strip() for x in re.split(r"(?<=[。；;])", body) if x.strip()]
            if sentences and t.title and fold(sentences[0]).rstrip("。") .endswith(fold(t.title).rstrip("。")) \
                    and len(sentences) > 1:
                sentences = sentences[1:]
            if sentences:
                out.append((t, sentences[0]))
    return out[:3]


def scope_fields(doc, plan) -> dict[str, list]:
    """The values of the plan's items' labelled scope fields (``Task.fields``: 适用范围：福建自贸试验区), each with its items,
    in plan order — the scope a plan states item by item."""
    out: dict[str, list] = {}
    for t in plan.document_tasks(doc.id):
        for label, value in (t.fields or {}).items():
            if "适用" in label and value:
                out.setdefault(value.strip().rstrip("。；;"), []).append(t)  # (whole: 所有自贸试验区，以下除标注…外…)
    return out


def _last_year(said: str) -> int | None:
    """The last year a plan_period line states (2022—2024年 → 2024; 写到2029年 → 2029)."""
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", said or "")]
    return max(years) if years else None


def _periods_compared(question: str, q: Query, env) -> Answer:
    """哪个方案的目标年份最晚: each plan's period (plan_period), the plans whose last year is the latest (earliest) named
    first; a plan stating no year is listed as such and never taken for the extreme."""
    words = load_answer_words()["notice"]
    env.ctx.tasks = []
    rows = [(d, plan_period(d, env.plan)) for d in env.plan.documents]
    dated = [(d, _last_year(said)) for d, said in rows if _last_year(said) is not None]
    lines = []
    if dated:
        pick = (max if q.aggregate == "latest" else min)(y for _, y in dated)
        top = "、".join(f"《{d.name}》" for d, y in dated if y == pick)
        lines.append(words["period_compared"][q.aggregate].format(names=top, year=f"{pick}年"))
    lines.extend(f"《{d.name}》" + (said or words["period_none"]) for d, said in rows)
    return Answer(question, "notice_period_compared", compose(lines), tasks=[],
                  status="answered" if dated else "not_in_plan")


def exec_notice(question: str, q: Query, env) -> Answer:
    """附件有哪些 / 第一个附件是什么 / 根据什么文件制定的 / 同时印发了哪些文件: what each plan asked's notice or preamble
    says (``notice_of``), each plan named when several are asked; a plan whose notice says nothing of it said so."""
    words = load_answer_words()["notice"]
    docs = env.plan.documents
    env.ctx.tasks = []
    lines, found = [], False
    if q.notice == "period" and q.aggregate in ("latest", "earliest") and len(docs) > 1:
        return _periods_compared(question, q, env)
    if q.notice == "cited":
        return _cited_documents(question, q, env)
    for d in docs:
        notice = notice_of(d, env.plan)
        name = f"《{d.name}》"
        if q.notice == "period":
            said = plan_period(d, env.plan)
            found = found or said is not None
            lines.append(f"{name}" + (said or words["period_none"]))
            continue
        if q.notice == "scope":
            said = plan_scope(d, env.plan)
            fields = {} if said else scope_fields(d, env.plan)
            found = found or bool(said or fields)
            if fields:
                # (measures each labelled 适用范围：… — 国发〔2018〕38号: the values with their items' count)
                lines.append(words["scope_fields"].format(name=name, n=sum(map(len, fields.values()))))
                lines.extend(f"{k}. {value}（{len(ts)} 条：{'、'.join(t.label for t in ts[:5])}{'等' if len(ts) > 5 else ''}）"
                             for k, (value, ts) in enumerate(fields.items(), 1))
                continue
            lines.append(words["scope"].format(name=name) if said else words["scope_none"].format(name=name))
            lines.extend(f"{t.label} {sentence}" for t, sentence in said)
            continue
        if q.notice == "attachments":
            items = notice.attachments
            if not items:
                lines.append(words["attachments_none"].format(name=name))
                continue
            found = True
            if q.notice_k is not None:
                if q.notice_k <= len(items):
                    lines.append(words["attachment_k"].format(name=name, k=q.notice_k, title=items[q.notice_k - 1]))
                else:
                    found = False
                    lines.append(words["attachment_k_none"].format(name=name, k=q.notice_k, n=len(items)))
                continue
            lines.append(words["attachments"].format(name=name, n=len(items)))
            lines.extend(f"{k}. {title}" for k, title in enumerate(items, 1))
            if not env.plan.document_annexes() or not dict(env.plan.document_annexes()).get(d.id):
                lines.append(words["attachments_absent"])
        else:
            items = notice.basis if q.notice == "basis" else notice.issued
            if not items:
                lines.append(words[f"{q.notice}_none"].format(name=name))
                continue
            found = True
            lines.append(words[q.notice].format(name=name, n=len(items)))
            lines.extend(f"{k}. {title}" for k, title in enumerate(items, 1))
    return Answer(question, f"notice_{q.notice}", compose(lines), tasks=[], status="answered" if found else "not_in_plan")


# ---------------------------------------------------------------- which plans hold a word; a list the text enumerates


@functools.lru_cache(maxsize=1)
def _asked_figure() -> re.Pattern:
    """A figure as a question writes it after 出现/提到 (2000名, 500万元, 1.5亿元, 30%): its number and the unit right after
    (shapes.yaml ``mention_figure_units``, longest first)."""
    from kb.qa.query import load_shapes

    units = "|".join(map(re.escape, sorted(load_shapes()["mention_figure_units"], key=len, reverse=True)))
    return re.compile(rf"[0-9][0-9.]*(?:%|％|[万亿千百]?(?:{units}))?")


def exec_plans_mentioning(question: str, q: Query, env) -> Answer:
    """哪个方案提到了拉萨市: the loaded plans whose text (any paragraph, task or not) holds every topic word, each with the
    paragraphs holding them; none: the plans do not mention it."""
    from kb.qa.query import load_shapes
    from kb.qa.wording import load_answer_words

    shapes = load_shapes()
    which, said = shapes["which_plan"], load_answer_words()["plans_mentioning"]
    words = [w for w in q.topic if len(w) >= 2 and not any(w in x or x in w for x in which)
             and not _mention_words(w, shapes)]
    figure = _asked_figure().search(q.mention_asked or "")
    if figure:
        # (a figure asked is searched as written: the topic may hold it cut — 2000名's 2000 read as a year and 名 too
        # short to search, 3000名 as 00、0名 found inside 2000名 — never "no plan mentions 2000名" over a search of
        # nothing, nor a plan "mentioning" 3000名 by its 2000名)
        words = [w for w in words if not re.search(r"[0-9]", w)] + [figure.group()]
    elif not words and q.mention_asked:
        words = [q.mention_asked]
    groups = [env.voc.synonyms(w) for w in words]
    held = env.plan.tasks_matching(groups, fold, kinds=None) if groups else []
    env.ctx.tasks = []
    asked = "、".join(words)
    if not held:
        from kb.qa.exec_topics import question_words, written_answer

        # written beside the asking words (这个方案印发后哪个文件同时废止: 印发 … 同时废止 in the cover notice): quoted
        written = written_answer(question, q, env, question_words(question))
        if written is not None:
            return written
        # (the words as asked: the topic words may be cut — 火星基 of 火星基地, 税专项… of 个人所得税专项…)
        shown = q.mention_asked if q.mention_asked and all(w in q.mention_asked for w in words) else asked
        text = said["none"].format(loaded=len(env.plan.documents), asked=shown)
        return Answer(question, "plans_mentioning", text, tasks=[], status="not_in_plan")
    by_doc: dict[str, list] = {}
    for t in held:
        by_doc.setdefault(t.doc, []).append(t)
    names = {d.id: d.name for d in env.plan.documents}
    lines = [said["title"].format(asked=asked, count=len(by_doc), loaded=len(env.plan.documents))]
    figures = [fold(w) for w in words if re.search(r"[0-9]", w)]
    for k, (doc, tasks) in enumerate(by_doc.items(), 1):
        labels = "、".join(t.label for t in tasks[:8]) + ("等" if len(tasks) > 8 else "")
        lines.append(said["plan"].format(n=k, name=names.get(doc, doc), count=len(tasks), labels=labels))
        # (a figure asked — 哪些方案里出现了3000万元 — is shown in its sentence: what it is for is the plan's words)
        lines.extend(f"   {t.label}：{_figure_span(c, figures)}" for t in tasks[:3] for c in re.split(r"[。；;]", t.text)
                     if figures and any(f in fold(c) for f in figures))
    return Answer(question, "plans_mentioning", compose(lines), tasks=[])


def _figure_span(sentence: str, figures: list[str]) -> str:
    """The clause of ``sentence`` holding a figure asked and the clause after it (what it is for), as written; a
    sentence of two clauses or fewer whole."""
    clauses = [c.strip() for c in re.split(r"[，,]", sentence) if c.strip()]
    at = next((i for i, c in enumerate(clauses) if any(f in fold(c) for f in figures)), 0)
    return "，".join(clauses[at:at + 2]) + ("…" if at + 2 < len(clauses) else "")


def _mention_words(word: str, shapes: dict) -> bool:
    """``word`` is the question's own way of asking where (里出现, 中提到, 当中写到 of 哪些方案里出现了…): a mention verb
    (shapes.yaml ``mention_verbs``) after the question's place words (``mention_places``) — no word to search for."""
    from kb.qa.query import strip_fillers

    rest = strip_fillers(word, shapes["mention_places"])
    return not rest or rest.rstrip("了过") in shapes["mention_verbs"]


#: An 、-list of 3+ short items (brackets taken out first: 省（区、市） is one item's).
_ENUMERATED = re.compile(r"(?:[^、，,。；;：:（）()]{1,14}、){2,}[^、，,。；;：:（）()]{1,30}")
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")


def enumerations(plan, noun: str, links) -> list[tuple]:
    """(paragraph, sentence, the list as written) of each sentence holding ``noun`` beside an 、-list of 3+ items that a
    link word ties to it (…、…、…作为试点地区 / 试点地区包括…、…、…) — at most 5, in plan order."""
    out = []
    alt = "|".join(re.escape(x) for x in sorted(links, key=len, reverse=True))
    link_then_noun = re.compile(rf"(?:{alt})[^、，,。；;]{{0,8}}$")  # list … link … (the noun)
    link_then_list = re.compile(rf"^[^、，,。；;]{{0,6}}?(?:{alt})")  # (the noun) … link … list
    for t in plan.tasks_matching([[noun]], fold, kinds=None)[:40]:
        for sentence in re.split(r"[。；;！？!?\n]", fold(t.text or "")):
            at = sentence.find(noun)
            if at < 0:
                continue
            flat = _BRACKETED.sub(lambda m: "＃" * len(m.group(0)), sentence)  # (same length: positions kept)
            written = None
            head = flat[:at]
            lists = list(_ENUMERATED.finditer(head))
            if lists and lists[-1].end() == len(head):
                m = lists[-1]
                link = link_then_noun.search(head, m.start())
                if link is not None and head.rfind("、") < link.start():
                    written = sentence[m.start():link.start()]
            if written is None:
                tail_at = at + len(noun)
                link = link_then_list.match(flat, tail_at)
                m = _ENUMERATED.match(flat, link.end()) if link else None
                if m is not None:
                    written = sentence[m.start():m.end()]
            if written:
                out.append((t, sentence.strip(), written.strip()))
            if len(out) >= 5:
                return out
    return out


def divisions(plan, noun: str, verbs) -> list[tuple]:
    """(paragraph, sentence, the division as written) of each sentence holding ``noun`` and, within 14 characters after
    it, a division verb (intents.yaml ``division_verbs``: 分为, 划分为 …) — what follows the verb to the clause's end
    (初创型、成长型、骨干型三类; 免费服务包、基本服务包及个性化服务包; 四级：I级…和IV级) — at most 5, in plan order."""
    alt = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    after = re.compile(rf"[^，,。；;：:]{{0,14}}?(?:{alt})(?P<x>[^，,。；;]+)")  # (match at a position: no ^)
    out = []
    for t in plan.tasks_matching([[noun]], fold, kinds=None)[:40]:
        text = t.text or ""
        folded = fold(text)
        shown = text if len(text) == len(folded) else folded  # (quoted as written where folding kept the positions)
        start = 0
        for sentence in re.split(r"[。；;！？!?\n]", folded):
            begin, start = start, start + len(sentence) + 1
            at = sentence.find(noun)
            while at >= 0:
                m = after.match(sentence, at + len(noun))
                if m is not None:
                    out.append((t, shown[begin:begin + len(sentence)].strip(),
                                shown[begin + m.start("x"):begin + m.end("x")].strip()))
                    break
                at = sentence.find(noun, at + 1)
            if len(out) >= 5:
                return out
    return out


def exec_enumeration(question: str, q: Query, env) -> Answer:
    """试点地区有哪些: the list a sentence of the plan gives of the noun asked, as written, with the sentence quoted."""
    from kb.qa.query import load_shapes
    from kb.qa.wording import load_answer_words

    if q.subject == "named_set":
        return exec_named_set(question, q, env)
    if q.subject == "named_member":
        return exec_named_member(question, q, env)
    if q.subject == "named_tasks":
        return exec_named_tasks(question, q, env)
    said = load_answer_words()["enumeration"]
    if q.subject == "typology":  # (分成哪几类: the sentence dividing the noun)
        from kb.qa.vocab import load_vocabulary

        said = load_answer_words()["typology"]
        found = divisions(env.plan, q.enumerated, load_vocabulary().words["division_verbs"])
    else:
        found = enumerations(env.plan, q.enumerated, load_shapes()["enumeration_links"])
    env.ctx.tasks = []
    if not found:
        return Answer(question, "enumeration", said["none"].format(noun=q.enumerated), tasks=[], status="not_in_plan")
    lines = [said["one"].format(noun=q.enumerated) if len(found) == 1
             else said["several"].format(noun=q.enumerated, count=len(found))]
    for k, (t, sentence, written) in enumerate(found, 1):
        number = f"{k}. " if len(found) > 1 else ""
        lines.append(f"{number}{written}")
        lines.append(said["source"].format(label=t.label, sentence=sentence))
    if q.subject == "typology":
        env.ctx.groups = kind_groups(env.plan, found)
        return Answer(question, "typology", compose(lines), tasks=[t for t, _, _ in found])
    return Answer(question, "enumeration", compose(lines), tasks=[t for t, _, _ in found])


#: The count closing a division as written (…发展型三类, 两种类型, 四级): no kind's name.
_KIND_COUNT = re.compile(r"[一二三四五六七八九十两\d]+个?(?:大类|类型|种类型|类|种|级|型)$")


def kind_groups(plan, found: list[tuple]) -> list[tuple[str, list]]:
    """(kind, the items under the heading naming it) of each kind a division lists (生存型、成长型、发展型 → （一）激发“生存型”
    个体工商户…), so that 第一类有哪些措施 next takes the first kind's items — a kind no heading names has none (said so
    when asked); [] unless ONE division is found, no kind names two headings and some kind names one (never a guess)."""
    if len(found) != 1:
        return []
    t, _, written = found[0]
    kinds = [k.strip() for k in re.split(r"[、和及与或]", _KIND_COUNT.sub("", fold(written).strip()))]
    if len(kinds) < 2 or any(len(k) < 2 for k in kinds):
        return []
    groups = []
    for doc_id, doc_parts, doc_sections in plan.document_outlines():
        if doc_id != t.doc:
            continue
        for kind in kinds:
            heads = [(label, title) for label, title in doc_sections if kind in fold(title)]
            parts = [(num, title) for num, title in doc_parts if kind in fold(title)]
            if len(heads) + len(parts) > 1:
                return []  # (two headings name the kind: which one is meant is not said)
            if not heads and not parts:
                groups.append((kind, []))  # (a kind no heading names: said so when asked, its place kept)
            elif heads:
                label, title = heads[0]
                groups.append((title, [x for x in plan.document_tasks(doc_id) if under_heading(label, x.section)]))
            else:
                num, title = parts[0]
                groups.append((title, list(plan.part_tasks(doc_id, num))))
    return groups if len(groups) == len(kinds) and any(tasks for _, tasks in groups) else []


def exec_named_member(question: str, q: Query, env) -> Answer:
    """第三张清单包括哪些任务: the member of the counted term at that place (named_sets under_heading), with the paragraphs
    under it; a place beyond the count the plan writes is said so, never another item."""
    from kb.qa.named_sets import MEMBER_WAYS, member_tasks, named_sets, part_sections
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["named_set"]
    found = (next((s for s in named_sets(env.plan, q.enumerated, q.plan or None) if s.how in MEMBER_WAYS), None)
             or part_sections(env.plan, q.enumerated))
    k = q.ordinal or 0
    if found is None or not 1 <= k <= len(found.members):
        env.ctx.tasks = []
        count = len(found.members) if found else 0
        return Answer(question, "named_set", said["no_member"].format(term=q.enumerated, count=count, k=k), tasks=[],
                      status="not_in_plan")
    tasks = member_tasks(env.plan, found, k)
    lines = [said["member"].format(term=found.term, k=k, name=found.members[k - 1], count=len(tasks))]
    lines.extend(numbered(tasks))
    env.ctx.tasks = tasks
    return Answer(question, "named_set", compose(lines), tasks=tasks, departments=departments_of(tasks))


def exec_named_tasks(question: str, q: Query, env) -> Answer:
    """五张清单下一共有多少项具体任务: the paragraphs under every member of the counted term (named_sets under_heading or
    headings), counted and listed — what the members hold, never the members' own number."""
    from kb.qa.named_sets import MEMBER_WAYS, member_tasks, named_sets
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["named_set"]
    found = next((s for s in named_sets(env.plan, q.enumerated, q.plan or None) if s.how in MEMBER_WAYS), None)
    if found is None:
        env.ctx.tasks = []
        return Answer(question, "named_set", said["none"].format(noun=q.enumerated), tasks=[], status="not_in_plan")
    tasks = [t for k in range(1, len(found.members) + 1) for t in member_tasks(env.plan, found, k)]
    lines = [said["member_tasks"].format(term=found.term, members=len(found.members), count=len(tasks))]
    lines.extend(numbered(tasks))
    env.ctx.tasks = tasks
    intent = "topic_count" if "count" in q.asks else "named_set"
    return Answer(question, intent, compose(lines), tasks=tasks, departments=departments_of(tasks))


def exec_named_set(question: str, q: Query, env) -> Answer:
    """“三项负面清单”是哪三项 / 配套文件一共有几个: the members of the set as the plan gives them (kb/qa/named_sets.py), with
    their number and where they stand; where the plan gives them twice, the first way (its own definition or list) with
    the other's count if it differs; a count the term states that the list does not match is said, never hidden."""
    from kb.qa.named_sets import named_sets
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["named_set"]
    sets = named_sets(env.plan, q.enumerated, q.plan or None)
    if not sets:
        env.ctx.tasks = []
        return Answer(question, "named_set", said["none"].format(noun=q.enumerated), tasks=[], status="not_in_plan")
    first = sets[0]
    lines = [said["members_head" if first.how == "composed" else "head"].format(term=first.term, count=len(first.members))]
    labels = first.labels or [""] * len(first.members)
    lines += [f"{k}. {label} {m}".replace("  ", " ") for k, (label, m) in enumerate(zip(labels, first.members), 1)]
    if first.how == "composed":
        from kb.qa.named_sets import groups_of

        kinds = groups_of(first.members)
        if kinds:
            lines.append(said["groups"].format(count=len(first.members) - len(kinds), groups="、".join(kinds)))
        if first.open:
            lines.append(said["open"])
    if first.stated is not None and first.stated != len(first.members):
        lines.append(said["stated_differs"].format(term=first.term, stated=first.stated, count=len(first.members)))
    others = {len(s.members) for s in sets[1:]} - {len(first.members)}
    for n in sorted(others):
        lines.append(said["elsewhere"].format(count=n))
    if first.quote:
        lines.append(said["source"].format(label=first.where, quote=first.quote))
    env.ctx.tasks = list(first.tasks) if first.how in ("lead_in", "headings") else []
    return Answer(question, "named_set", compose(lines), tasks=list(first.tasks))
