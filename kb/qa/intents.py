"""The answering rules: an ordered list of small functions, the first that answers wins.

Each rule takes a ``Turn`` (the question read, the conversation context, the
plan) and returns an ``Answer`` or None.  Department questions are answered from
the parsed plan alone; topic questions use the search index (opened lazily
through ``Turn.index()``) only where ranking is needed ("who is responsible
for 秸秆禁烧"); topic lists are exhaustive substring matches on folded text, so
"every task on VOCs" is complete by construction.  What no rule answers goes to
the full-text fallback, labelled as such.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from kb.model import ROLE_NAMES, ROLES, Plan, Task
from kb.qa.answer import Answer
from kb.qa.plan_terms import heading_named, term_tasks
from kb.qa.question import Question
from kb.qa.text import fold, task_head
from kb.qa.vocab import Vocabulary

#: Words officials use for the roles in answers.
ROLE_WORDS = {"lead": "牵头", "guide": "指导", "support": "配合", "sole": "单独负责", "shared": "按职责分工负责", "implied": "落实", "any": "涉及"}

#: Intents after which a follow-up ("配合的呢") still refers to the same department.
KEEPS_DEPARTMENT = frozenset({"department_list", "department_tasks", "department_count", "joint_tasks", "departments_each", "department_targets",
                              "department_ambiguous", "department_unknown", "help", "item_text", "item_deadline",
                              "item_target", "item_departments", "context_deadline", "context_target",
                              "context_departments"})

#: Intents whose answer is about one topic's task(s): a short question next asks about them.
ABOUT_TASK = frozenset({"topic_who", "topic_deadline", "target", "context_deadline", "context_target",
                        "context_departments", "item_text", "item_deadline", "item_target", "item_departments"})

#: Fallback heading (the wording the issue asks for).
FALLBACK = "没有找到完全匹配的规则，以下是最相关的条目"


@dataclass(slots=True)
class Context:
    """What the previous turns were about, for follow-up questions."""

    departments: list[str] = field(default_factory=list)
    """Departments of the last department question."""
    role: str | None = None
    """Role of the last department question."""
    topic: list[str] = field(default_factory=list)
    """Topic words of the last topic question."""
    tasks: list[Task] = field(default_factory=list)
    """Tasks of the last answer, in answer order (第二项 refers to tasks[1])."""
    pending: tuple[str, list[str]] | None = None
    """(question, candidates) when the last answer asked which department was meant."""
    base: list[Task] = field(default_factory=list)
    """The list a run of 其中… questions narrows (kept while they go on)."""
    intent: str | None = None
    """Intent of the last answer (a bare "X呢" asks the same about X)."""
    partial: list[Task] = field(default_factory=list)
    """Tasks of this turn's ranking that hold only part of the asked topic (shown apart, never the answer)."""


@dataclass(slots=True)
class Turn:
    """Everything a rule may read."""

    q: Question
    plan: Plan
    voc: Vocabulary
    ctx: Context
    index: object
    """Callable returning the open kb.qa.index.PlanIndex (built on first call)."""
    folded: dict[str, str]
    """Task id → folded text (title and body), for exhaustive substring matching."""
    pending: tuple[str, list[str]] | None = None
    """The previous turn's open "which department?" question, if any."""


# ---------------------------------------------------------------- rendering

from kb.qa.result import Composed, GroupLine, compose, describe, numbered, target_line, task_line  # noqa: E402,F401


def _task_year(task: Task) -> int | None:
    ends = [d.end for d in task.deadlines if d.end]
    return int(max(ends)[:4]) if ends else None


def responsibility_tasks(plan: Plan) -> list[Task]:
    """Paragraphs that carry a responsibility tag (the plan's tasks proper)."""
    return [t for t in plan.tasks if t.kind == "task"]


# ---------------------------------------------------------------- rules

def rule_empty(turn: Turn) -> Answer | None:
    """An empty question, or one that asks nothing about the plan (你好, 谢谢): the help text."""
    if turn.q.empty or turn.q.text in turn.voc.words["chitchat"]:
        return Answer(turn.q.raw, "help", turn.voc.help, exact=False, status="not_understood")
    return None


def rule_no_context(turn: Turn) -> Answer | None:
    """它配合哪些任务 as the first question: the pronoun points at nothing, so ask what is meant."""
    q, ctx = turn.q, turn.ctx
    if "pronoun" not in q.flags or q.departments or q.unresolved or q.topic or q.label or q.date:
        return None
    if ctx.departments or ctx.tasks or ctx.topic or ctx.intent:
        return None
    from kb.qa.executors import examples
    from kb.qa.wording import load_answer_words

    word = next((w for w in turn.voc.words["pronouns"] if w in q.text), "它")
    ex = examples(turn.plan)
    text = load_answer_words()["no_context"].format(word=word, example=ex[0] if ex else "")
    return Answer(q.raw, "ask_context", text, exact=False, status="ask_back")


def rule_title(turn: Turn) -> Answer | None:
    """强化责任落实的内容 / 严格考核奖惩是怎么规定的: a paragraph of the plan cited by its whole title."""
    q = turn.q
    if q.departments or q.unresolved or q.label or q.date or q.ordinal:
        return None
    titled = turn.plan.titled_in(q.text, fold)
    if not titled:
        return None
    task = max(titled, key=lambda t: len(t.title))
    ask = _item_ask_of(turn, q.text.replace(fold(task.title), ""))
    if ask is None:
        return None  # 谁负责 / 什么时候 on a task's title: the topic rules answer those, with their context
    turn.ctx.tasks = [task]
    q.item_ask = ask
    return _item_answer(turn, task, f"{task.label} {task_head(task)}。")


def _item_ask_of(turn: Turn, rest: str) -> str | None:
    """The text asked of a cited paragraph (内容, 怎么规定 …); None when the rest asks anything else."""
    voc = turn.voc
    others = [w for key in ("who", "when", "count") for w in voc.words[key]]
    others += [w for role, ws in voc.roles.items() if role != "any" for w in ws]
    if any(w in rest for w in voc.item_asks["text"]) and not any(w in rest for w in others):
        return "text"  # (the title's own words, 落实 of 强化责任落实, ask nothing)
    return None


def _item_answer(turn: Turn, task: Task, head: str) -> Answer:
    """One task's deadline, targets, departments or text, as the question asks (kb/qa/exec_items.py)."""
    from kb.qa.exec_items import item_answer

    q = turn.q
    ask = q.item_ask or ("departments" if "who" in q.flags or q.roles else "text")
    return item_answer(q.raw, ask, q.role if q.role in ROLES else None, task, head)


def _asked_departments(q: Question, tasks: list[Task]) -> list[str]:
    """The departments an answer is about: those of the role asked (谁牵头 → the leads), else every one."""
    role = q.role if q.role in ROLES else None
    if role:
        return list(dict.fromkeys(n for t in tasks for n in getattr(t, role)))
    return _departments_of(tasks)


from kb.qa.exec_items import deadline_said as _deadline_said  # noqa: E402


def rule_section(turn: Turn) -> Answer | None:
    """优化能源结构有哪些任务 / 重点任务有几项 / 第三部分有哪些任务: the tasks of a part or section."""
    q, plan = turn.q, turn.plan
    if q.departments or q.unresolved or q.label or q.flags & {"who", "when"} or q.structure:
        return None
    if q.part:
        tasks = [t for t in plan.tasks if t.part == q.part]
        if tasks and q.section:
            # 第三部分第二节: the part's sections in plan order
            sections = list(dict.fromkeys(t.section for t in tasks if t.section))
            if not 1 <= q.section <= len(sections):
                return Answer(q.raw, "section_tasks", f"第{q.part}部分没有第{q.section}节（共 {len(sections)} 节）。",
                              status="not_in_plan")
            tasks = [t for t in tasks if t.section == sections[q.section - 1]]
            head = tasks[0]
            return _section_answer(turn, tasks, f"{head.section}{head.section_title or ''}")
        if tasks:
            return _section_answer(turn, tasks, f"{q.part}、{tasks[0].part_title}")
        return None
    if not q.flags & {"list", "count", "topic_mark"} and q.roles != ["any"]:
        return None
    named = heading_named(plan, q.topic)  # the whole topic is a heading's term (kb/qa/plan_terms.py)
    if named:
        return _section_answer(turn, *reversed(named))
    # the words stand in tasks of several sections: a topic, not the heading of one section
    spread = bool(q.topic) and len({t.section for t in plan.tasks_matching([(w,) for w in q.topic], fold)}) > 1
    for doc in plan.documents:
        for label, title in doc.sections:
            heads = [h for h in fold(title).replace("，", ",").split(",") if len(h) >= 4]
            # 交通运输结构方面的任务: a head without its leading verb (改善), when it is all the topic
            # (产业结构调整 too); 方面/领域 ask for an area, other marks (相关) for a keyword.
            bare = [h[2:] for h in heads if len(h) >= 6]
            joined = "".join(q.topic)
            area = "topic_mark" not in q.flags or any(w in q.text for w in turn.voc.words["section_marks"])
            if any(h in q.text for h in heads) or (area and not spread and len(joined) >= 4 and any(
                    b in joined or all(w in b for w in q.topic) for b in bare)):
                tasks = [t for t in plan.tasks if t.doc == doc.id and t.section == label]
                return _section_answer(turn, tasks, f"{label}{title}")
        for num, title in doc.parts:
            if len(title) >= 4 and fold(title) in q.text and not any(
                    w in fold(title) for ws in turn.voc.overview.values() for w in ws[1]):
                tasks = [t for t in plan.tasks if t.doc == doc.id and t.part == num]
                return _section_answer(turn, tasks, f"{num}、{title}")
    return None


def _section_answer(turn: Turn, tasks: list[Task], heading: str) -> Answer:
    q = turn.q
    tasks, date_note = _filter_date(turn, tasks)  # no topic filter: the heading's own words are the "topic"
    scope = f"（{date_note}）" if date_note else ""
    lines = [f"“{heading}”下的条目{scope}共 {len(tasks)} 项" + ("：" if tasks else "。")]
    lines.extend(numbered(tasks))
    turn.ctx.tasks = tasks
    intent = "section_count" if "count" in q.flags else "section_tasks"
    return Answer(q.raw, intent, compose(lines), tasks=tasks, departments=_departments_of(tasks))


def _asks_target(turn: Turn) -> bool:
    """A target word other than the bare 多少 a count also uses (目标, 比例, 下降 …)."""
    count = set(turn.voc.words["count"])
    return any(w in turn.q.text for w in turn.voc.words["target"] if w not in count)


def _follow_up(q: Question) -> bool:
    return bool(q.flags & {"pronoun", "opener", "within"}) or len(q.text) <= 6


def _filter_topic(turn: Turn, tasks: list[Task]) -> tuple[list[Task], str]:
    """Keep the tasks on the question's topic words (when they are words of the plan)."""
    # Only words the plan's tasks use: a leftover like 角色 (…在秸秆禁烧中是什么角色) filters nothing.
    words = [_topic_stem(turn, w) for w in _topic_words(turn)]
    if not words:
        return tasks, ""  # before reading every task: a plan in the store loads them only when needed
    pool = responsibility_tasks(turn.plan)
    known = turn.q.flags & {"topic_mark"} or None
    words = [w for w in words
             if (known or len(w) >= 3 or any(w in g for g in turn.voc.topics))
             and any(any(s in turn.folded[t.id] for s in turn.voc.synonyms(w)) for t in pool)]
    if not words:
        return tasks, ""
    hits = topic_matches(turn, words, pool)
    if not hits:
        return tasks, ""
    ids = {t.id for t in hits}
    return [t for t in tasks if t.id in ids], "、".join(turn.voc.spellings.get(w, w) for w in words)


def _topic_stem(turn: Turn, word: str) -> str:
    """柴油货车治理 → 柴油货车: a topics.yaml word followed by a generic action (治理, 管控) stands for the topic."""
    for generic in sorted(turn.voc.words["topic_generic"], key=len, reverse=True):
        stem = word[: -len(generic)]
        if word.endswith(generic) and stem and any(stem in group for group in turn.voc.topics):
            return stem
    return word


def _filter_date(turn: Turn, tasks: list[Task]) -> tuple[list[Task], str]:
    d = turn.q.date
    if d is None:
        if "has_deadline" in turn.q.flags:
            return [t for t in tasks if t.deadlines], "有时限要求"
        if "no_deadline" in turn.q.flags:
            return [t for t in tasks if not t.deadlines], "未规定时限"
        return tasks, ""
    return [t for t in tasks if deadline_matches(t, d)], d.text


def _within_base(turn: Turn) -> list[Task]:
    """The list 其中 refers to: the one a run of 其中-questions started from, else the last answer's."""
    ctx = turn.ctx
    base = list(ctx.base or ctx.tasks)
    if "within" in turn.q.flags:
        ctx.base = base
    return base


def _filter_within(turn: Turn, tasks: list[Task], previous: list[Task]) -> list[Task]:
    """其中…: keep the tasks of the previous answer only."""
    if "within" not in turn.q.flags or not previous:
        return tasks
    ids = {t.id for t in previous}
    return [t for t in tasks if t.id in ids]


def deadline_matches(task: Task, d) -> bool:
    """True if a deadline of ``task`` falls as the question's date asks (DateAsk), by kb/select.py's test."""
    from kb.qa.query import date_span

    return date_span(d).selects(task)


def rule_date_list(turn: Turn) -> Answer | None:
    """哪些任务要在2019年完成 / 2020年年底前要完成什么."""
    q, plan, ctx = turn.q, turn.plan, turn.ctx
    if q.date is None or q.departments or ("target" in q.flags and q.topic):
        return None
    if q.overview and not q.roles:
        return None  # 到2020年的目标是什么: the plan's goals (dated 2020), not a list of tasks
    tasks = [t for t in responsibility_tasks(plan) if deadline_matches(t, q.date)]
    tasks, topic_note = _filter_topic(turn, tasks)
    from kb.qa.result import official_date
    from kb.select import DateSpan

    # A year alone (2019年要完成哪些任务): what falls due in it; what runs during it without falling due
    # (自2019年7月1日起, 2018至2020年) is named in a note, so the answer covers what `kb grep --year`
    # selects (one date test, kb/select.py) while its items stay the ones the question asks for.
    running = []
    if q.date.mode == "in":
        span = DateSpan.year(q.date.year, "active")
        ids = {t.id for t in tasks}
        running = [t for t in responsibility_tasks(plan) if t.id not in ids and span.selects(t)]
        running, _ = _filter_topic(turn, running)
    mode = {"by": f"在{official_date(q.date.iso)}前到期", "in": f"在{q.date.year}年内到期", "from": f"自{q.date.year}年起实施",
            "between": f"在{q.date.year}年至{q.date.iso[:4]}年间到期"}[q.date.mode]
    head = f"{mode}的任务" + (f"（涉及{topic_note}）" if topic_note else "") + f"共 {len(tasks)} 项" + ("：" if tasks else "。")
    lines = [head]
    for k, t in enumerate(tasks, 1):
        which = [dl for dl in t.deadlines if dl.kind != "from" or q.date.mode == "from"]
        lines.append(task_line(k, t, deadlines=which))
    if running:
        from kb.qa.result import official_deadline
        from kb.qa.wording import load_answer_words

        labels = "、".join(f"{t.label}（{'、'.join(official_deadline(d) for d in t.deadlines)}）" for t in running)
        lines.append(load_answer_words()["year_running"].format(n=len(running), year=q.date.year, labels=labels))
    ctx.tasks, ctx.topic = tasks, list(q.topic)
    deadlines = [(t.id, dl) for t in tasks for dl in t.deadlines]
    return Answer(q.raw, "deadline_list", compose(lines), tasks=tasks, deadlines=deadlines,
                  departments=_departments_of(tasks))


def _departments_of(tasks: list[Task]) -> list[str]:
    seen: dict[str, None] = {}
    for t in tasks:
        for n in t.departments("any"):
            seen.setdefault(n, None)
    return list(seen)


def rule_overview(turn: Turn) -> Answer | None:
    """总体要求 / 工作目标 / 保障措施: the plan's parts answered whole."""
    q, plan, ctx = turn.q, turn.plan, turn.ctx
    if not q.overview or q.departments or _topic_words(turn):
        return None
    _, part_words = turn.voc.overview[q.overview]
    parts = {(doc.id, num): title for doc in plan.documents for num, title in doc.parts
             if any(w in fold(title) for w in part_words)}
    tasks = [t for doc, num in parts for t in plan.part_tasks(doc, num)]
    if not tasks:
        return None
    lines = []
    for (doc, num), title in parts.items():
        lines.append(f"{num}、{title}：")
        for t in tasks:
            if (t.doc, t.part) == (doc, num):
                lines.append(f"{t.label} {t.text}")
    targets = [(t.id, tg) for t in tasks for tg in t.targets]
    if targets and q.overview == "goals":
        lines.append("量化目标：")
        lines.extend(target_line(t, tg) for t in tasks for tg in t.targets)  # the tasks at hand, in order
    ctx.tasks = tasks
    return Answer(q.raw, f"overview_{q.overview}", compose(lines), tasks=tasks, targets=targets)


def _topic_words(turn: Turn) -> list[str]:
    """Topic words that are not mere target words (达到, 下降 …)."""
    skip = set(turn.voc.words["target"]) | set(turn.voc.words["due"]) | set(turn.voc.words["when"])
    titles = [fold(d.title) for d in turn.plan.documents]
    # Words naming the plan itself (蓝天保卫战的目标) are no topic.
    return [w for w in turn.q.topic if w not in skip and not any(w in title for title in titles)]


def rule_role_kind(turn: Turn) -> Answer | None:
    """哪些工作按职责分工负责 / 哪些任务由一个部门单独负责: tasks by kind of responsibility."""
    q, plan, ctx = turn.q, turn.plan, turn.ctx
    role = q.role
    if q.departments or q.unresolved or role not in ("shared", "sole") or _topic_words(turn):
        return None
    if _follow_up(q) and ctx.departments and q.flags & {"pronoun", "opener"}:
        return None
    tasks = [t for t in responsibility_tasks(plan) if getattr(t, role)]
    word = ROLE_WORDS[role]
    lines = [f"由有关部门{word}的任务共 {len(tasks)} 项" + ("：" if tasks else "。")]
    lines.extend(numbered(tasks))
    ctx.tasks = tasks
    return Answer(q.raw, f"role_{role}", compose(lines), tasks=tasks, departments=_departments_of(tasks),
                  roles={t.id: [role] for t in tasks})


#: How each sharing-out kind selects tasks, and how the answer names it.
STRUCTURE = {
    "multi_lead": (lambda t: len(t.lead) > 1, "由两个及以上部门共同牵头的任务"),
    "single_lead": (lambda t: len(t.lead) == 1, "只有一个牵头部门的任务"),
    "no_support": (lambda t: not t.support, "没有配合单位的任务"),
    "no_lead": (lambda t: not t.lead, "没有牵头单位的任务"),
    "single_department": (lambda t: len(set(t.lead + t.support + t.sole + t.shared)) == 1, "只有一个责任部门的任务"),
}

#: A number written in digits or Chinese numerals (两个部门共同牵头).
_COUNT = re.compile(r"([0-9]+|[一二两三四五六七八九十]+)(?:个|家)")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _lead_count(turn: Turn):
    """(keep, name) for 两个部门共同牵头 / 三个以上部门牵头, else None."""
    q = turn.q
    m = _COUNT.search(q.text)
    if not m:
        return None
    digits = m.group(1)
    n = int(digits) if digits.isdigit() else (_CN_NUM.get(digits) if len(digits) == 1 else None)
    if not n:
        return None
    if any(w in q.text for w in turn.voc.words["at_least"]):
        return (lambda t: len(t.lead) >= n), f"由{n}个及以上部门共同牵头的任务"
    return (lambda t: len(t.lead) == n), f"由{n}个部门{'共同' if n > 1 else ''}牵头的任务"


def rule_structure(turn: Turn) -> Answer | None:
    """多个部门共同牵头的任务有哪些 / 哪些任务没有配合单位: tasks by how they are shared out."""
    q = turn.q
    if not q.structure or q.departments:
        return None
    if q.structure == "lead_count":
        found = _lead_count(turn)
        if found is None:
            return None
        keep, name = found
    else:
        keep, name = STRUCTURE[q.structure]
    tasks = [t for t in responsibility_tasks(turn.plan) if keep(t)]
    tasks, topic_note = _filter_topic(turn, tasks)
    lines = [f"{name}" + (f"（涉及{topic_note}）" if topic_note else "") + f"共 {len(tasks)} 项" + ("：" if tasks else "。")]
    lines.extend(numbered(tasks))
    turn.ctx.tasks = tasks
    return Answer(q.raw, f"structure_{q.structure}", compose(lines), tasks=tasks, departments=_departments_of(tasks))


def rule_context(turn: Turn) -> Answer | None:
    """Follow-ups on the previous answer's tasks: 谁牵头? 什么时候完成? 目标是多少?"""
    q, ctx = turn.q, turn.ctx
    if q.departments or _topic_words(turn) or not ctx.tasks:
        return None
    # 配合单位有哪些 right after a topic's task: about that task, though a little longer than a follow-up
    about_topic = (ctx.intent in ABOUT_TASK and len(q.text) <= 8 and not q.flags & {"ranking", "count"}
                   and not q.date and not q.structure)
    if not (_follow_up(q) or about_topic):
        return None
    tasks = ctx.tasks
    # (其中哪些有时限要求: 要求 is a target word too; the deadline words decide first)
    if _asks_target(turn) and any(t.targets for t in tasks) and not q.flags & {"has_deadline", "no_deadline"}:
        pairs = [(t.id, tg) for t in tasks for tg in t.targets]
        lines = [f"量化目标共 {len(pairs)} 项："] + [target_line(t, tg) for t in tasks for tg in t.targets]
        return Answer(q.raw, "context_target", compose(lines), tasks=[t for t in tasks if t.targets], targets=pairs)
    if q.flags & {"has_deadline", "no_deadline"}:
        # 这些任务中哪些有时限: only those (or those without)
        keep = "has_deadline" in q.flags
        tasks = [t for t in tasks if bool(t.deadlines) == keep]
        if not tasks:
            what = "规定了时限" if keep else "没有规定时限"
            return Answer(q.raw, "context_deadline", f"上一个回答的任务中，{what}的共 0 项。")
    if "when" in q.flags or "due" in q.flags:
        lines = []
        for t in tasks:
            if t.deadlines:
                lines.append(f"{t.label} {task_head(t)}：" + "；".join(_deadline_said(d) for d in t.deadlines))
            else:
                lines.append(f"{t.label} {task_head(t)}：方案没有规定明确时限")
        return Answer(q.raw, "context_deadline", compose(lines), tasks=tasks,
                      deadlines=[(t.id, d) for t in tasks for d in t.deadlines])
    if "who" in q.flags or q.roles:
        lines = [f"{t.label} {task_head(t)}：{describe(t) or '方案未写明责任单位'}" for t in tasks]
        return Answer(q.raw, "context_departments", compose(lines), tasks=tasks, departments=_asked_departments(q, tasks))
    return None


def topic_matches(turn: Turn, words: list[str], tasks: list[Task]) -> list[Task]:
    """Tasks whose folded text holds, for every word, the word or one of its synonyms (exhaustive)."""
    groups = [turn.voc.synonyms(w) for w in words]
    need = any if "topic_any" in turn.q.flags else all
    return [t for t in tasks if need(any(s in turn.folded[t.id] for s in g) for g in groups)]


def rule_department_list(turn: Turn) -> Answer | None:
    """哪些部门有任务 / 一共涉及多少个部门: every department with its counts."""
    from kb.duties import department_counts

    q = turn.q
    if q.departments or _topic_words(turn) or not q.flags & {"who", "ranking"}:
        return None
    if "who" in q.flags and not q.flags & {"ranking", "count", "list"}:
        return None
    rows = [(n, c) for n, c in department_counts(turn.plan) if c["total"]]
    if not rows:
        turn.ctx.tasks = []
        return Answer(q.raw, "department_list", "方案没有给任何部门分配任务（没有读到责任单位），共 0 个部门。",
                      status="not_in_plan")
    role = q.role if q.role in ROLES else None
    if role is None and q.role == "any" and "ranking" in q.flags:
        role = "total"  # 哪个部门参与的任务最多: every role counts
    subs = turn.plan.subunits()
    main = [n for n, _ in rows if n not in subs]
    under = "、".join(f"{n}（属{subs[n]}）" for n, _ in rows if n in subs)
    # (the department list of the TUI and `kb depts` count sub-units too: say both numbers)
    total = f"，共 {len(rows)} 个名称" if under else ""
    lines = [f"方案给 {len(main)} 个部门（单位）分配了任务" + (f"，另有下属单位 {under}" if under else "") + total
             + "（牵头/配合/单独负责/按职责分工负责 项数）："]
    if role:
        rows.sort(key=lambda row: -row[1][role])
        top = [n for n, c in rows if c[role] == rows[0][1][role]]
        lines.insert(0, f"{ROLE_WORDS.get(role, '涉及')}任务最多的是{'、'.join(top)}（{rows[0][1][role]} 项）。")
    lines.extend(f"{name}：{c['lead']}/{c['support']}/{c['sole']}/{c['shared']}" for name, c in rows)
    # a ranking is about the department(s) at its top; a listing about every one
    shown = top if role else [n for n, _ in rows]
    if role and len(top) == 1:
        turn.ctx.departments, turn.ctx.role = [top[0]], None  # 它配合哪些任务 next refers to it
    return Answer(q.raw, "department_list", compose(lines), departments=shown)


def rule_timed_tasks(turn: Turn) -> Answer | None:
    """哪些任务有时间要求 / 有完成时限的任务: every task with a deadline."""
    q, plan = turn.q, turn.plan
    if q.departments or q.date or _topic_words(turn) or not (q.flags & {"when", "has_deadline", "no_deadline"}):
        return None
    if not q.flags & {"list", "count", "has_deadline", "no_deadline"}:
        return None
    pool = responsibility_tasks(plan)
    if "within" in q.flags and (turn.ctx.base or turn.ctx.tasks):
        # 这些任务中哪些有时限: the previous list only
        pool = _filter_within(turn, pool, _within_base(turn))
    if "no_deadline" in q.flags:
        tasks = [t for t in pool if not t.deadlines]
        lines = [f"没有规定时限的任务共 {len(tasks)} 项" + ("：" if tasks else "。")]
        lines.extend(numbered(tasks))
        turn.ctx.tasks = tasks
        return Answer(q.raw, "deadline_list", compose(lines), tasks=tasks, departments=_departments_of(tasks))
    tasks = [t for t in pool if t.deadlines]
    lines = [f"规定了时限的任务共 {len(tasks)} 项" + ("：" if tasks else "。")]
    for k, t in enumerate(tasks, 1):
        lines.append(task_line(k, t, deadlines=True))
    turn.ctx.tasks = tasks
    return Answer(q.raw, "deadline_list", compose(lines), tasks=tasks, departments=_departments_of(tasks),
                  deadlines=[(t.id, d) for t in tasks for d in t.deadlines])


def rule_all_targets(turn: Turn) -> Answer | None:
    """有哪些量化指标 / 目标有哪些数值: every numeric target of the plan."""
    q, plan = turn.q, turn.plan
    if q.departments or _topic_words(turn) or "target" not in q.flags or q.overview == "goals" and "list" not in q.flags:
        return None
    if not any(w in q.text for w in turn.voc.words["target_list"]):
        return None
    pairs = [(t, tg) for t in plan.tasks for tg in t.targets]
    tasks = list({t.id: t for t, _ in pairs}.values())
    lines = [f"方案的量化目标共 {len(pairs)} 项："] + [target_line(t, tg) for t, tg in pairs]
    turn.ctx.tasks = tasks
    return Answer(q.raw, "target_list", compose(lines), tasks=tasks, targets=[(t.id, tg) for t, tg in pairs])


def rule_search(turn: Turn) -> Answer:
    """Anything else: ranked full-text search, labelled as not exact."""
    q = turn.q
    from kb.qa.executors import not_understood
    from kb.qa.text import is_cjk

    # No word of substance (的, 😀, AND OR NOT, a pasted run of letters): a short hint, no related block.
    if not any(len(w) >= 2 and any(is_cjk(c) for c in w) and len(w) <= 24 for w in q.topic):
        if not any(w in text for text in turn.folded.values() for w in q.topic if len(w) >= 2):
            return not_understood(q.raw, turn.plan, [], turn.ctx, short=True)
    words = [w for w in q.topic] or [q.text]
    hits = turn.index().search(" ".join(words), limit=5)
    tasks = [turn.plan.task(h.task_id) for h in hits]
    tasks = [t for t in tasks if t is not None]
    # When no paragraph holds an asked word (or a synonym) as written, the plan has no such item,
    # and ranked loose neighbours would read as if they matched.
    # (two characters, 今年 / 北京, name no item: the labelled fallback stays for them)
    asked = [w for w in q.topic if len(w) >= 2]
    if asked and all(len(w) >= 3 for w in asked) and not any(
            s in text for text in turn.folded.values() for w in asked for s in turn.voc.synonyms(w)):
        turn.ctx.tasks = []
        shown = "、".join(f"“{w}”" for w in asked)
        return Answer(q.raw, "topic_tasks", f"方案中没有涉及{shown}的条目，共 0 项。", status="not_in_plan")
    return not_understood(q.raw, turn.plan, tasks, turn.ctx, short=not tasks)


#: The rules, in the order they are tried.  Why this order: references to the previous
#: turn (a choice, X呢, 第N项) and explicit references (a label, a department, a section)
#: come before anything read from loose words; rules over the whole plan (dates, kinds of
#: responsibility) before context follow-ups, which only fire on short or pronoun questions;
#: number questions before topic lists, and topic lists before who-questions, whose ranking
#: is the least exact.  Whatever none of them answers gets rule_search (not exact).
RULES = (
    rule_empty,
    rule_no_context,
    rule_section,
    rule_title,
    rule_date_list,
    rule_structure,
    rule_role_kind,
    rule_context,
    rule_timed_tasks,
    rule_all_targets,
    rule_overview,
    rule_department_list,
)
