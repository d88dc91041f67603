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
from kb.qa.plan_terms import absent_topic, heading_named, term_tasks
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


#: How a bare "X呢" after a topic answer is asked again in full (the words go after X).
ASK_AGAIN = {"topic_who": "由谁负责", "topic_deadline": "什么时候完成", "target": "是多少", "topic_tasks": "相关的任务",
             "topic_count": "相关的任务有多少项"}


def rule_topic_follow_up(turn: Turn) -> Answer | None:
    """那扬尘呢 / 老旧车辆呢 / 荣县呢: the previous topic question, about another topic or scope."""
    q, ctx = turn.q, turn.ctx
    if ctx.intent not in ASK_AGAIN or "opener" not in q.flags or q.departments or q.unresolved or not q.topic:
        return None
    if ctx.intent == "target" and ctx.topic and "target" in q.flags and not q.date:
        # 力争目标呢 after PM2.5要下降多少: words naming no metric qualify the previous one
        keys = [_target_key(t, tg, turn.voc) for t in turn.plan.tasks for tg in t.targets]
        if keys and max(_score(q.topic, k) for k in keys) == 0:
            return Answer(q.raw, "again", f"{''.join(ctx.topic)}的{q.text}")
    if q.roles or q.flags & {"who", "when", "target", "count", "list", "topic_mark"} or q.date or q.ordinal or q.label:
        return None
    words = "".join(q.topic)
    if ctx.intent == "target" and ctx.topic:
        scopes = {s for t in turn.plan.tasks for tg in t.targets if tg.scope for s in _split_scope(tg.scope)}
        if any(fold(s) == words for s in scopes):
            # 荣县呢: the same metric in another place
            previous = [w for w in ctx.topic if not any(fold(s) == w for s in scopes)]
            return Answer(q.raw, "again", f"{words}的{''.join(previous)}{ASK_AGAIN['target']}")
    return Answer(q.raw, "again", words + ASK_AGAIN[ctx.intent])


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


def _target_key(task: Task, tg, voc: Vocabulary) -> str:
    key = fold(f"{tg.metric}{tg.scope or ''}")
    extra = [w for group in voc.topics if any(s in key for s in group) for w in group]
    return key + "|" + "|".join(extra)


def _score(words: list[str], key: str) -> float:
    score = 0.0
    for w in words:
        if w in key:
            score += 2 * len(w)
            continue
        for k in range(len(w) - 1):
            if w[k:k + 2] in key:
                score += 1
    return score


def rule_target(turn: Turn) -> Answer | None:
    """PM2.5要下降多少 / 荣县的机械化清扫率 / 红色预警减排比例: numeric targets with scope and level."""
    q, plan, ctx, voc = turn.q, turn.plan, turn.ctx, turn.voc
    words = _topic_words(turn)
    if not words or q.departments:
        return None
    if "target" not in q.flags and not _names_metric(turn, words):
        return None
    if q.flags & {"who", "topic_mark", "list", "when"} and not _asks_target(turn):
        return None  # 哪些任务涉及VOCs / 秸秆综合利用谁牵头: a list or a who-question, not a number
    pairs = [(t, tg) for t in plan.with_targets() for tg in t.targets]
    if not pairs:
        return None
    # the asked measure (the last word: 人才公寓的租金) that no paragraph holds: the plan states no such
    # figure (kb/qa/plan_terms.py); earlier words may be the question's own (已经装了…的)
    unheld = [w for w in words[-1:] if len(words) > 1 and len(w) >= 2 and absent_topic(plan, [w], min_length=2)]
    if unheld:
        ctx.tasks = []
        return Answer(q.raw, "target", f"方案没有写明“{''.join(q.topic)}”的数值目标：原文中没有“{unheld[0]}”。",
                      status="not_in_plan")
    scopes = {s for _, tg in pairs if tg.scope for s in _split_scope(tg.scope)}
    asked_scopes = [s for s in scopes if fold(s) in q.text]
    if asked_scopes:
        scoped = [(t, tg) for t, tg in pairs if tg.scope and any(s in _split_scope(tg.scope) for s in asked_scopes)]
        pairs = scoped or pairs
        words = [x for x in (_drop(w, asked_scopes) for w in words) if x]
    scored = [(_score(words, _target_key(t, tg, voc)) if words else 1.0, t, tg) for t, tg in pairs]
    best = max(s for s, _, _ in scored)
    if best < 2:
        return None
    chosen = [(t, tg) for s, t, tg in scored if s == best]
    if q.date is not None and any(tg.year for _, tg in chosen):
        # 2030年农机总动力目标: only the targets of that year; none → the years the plan states
        years = sorted({tg.year for _, tg in chosen if tg.year})
        chosen = [(t, tg) for t, tg in chosen if tg.year == q.date.year]
        if not chosen:
            ctx.tasks = []
            return Answer(q.raw, "target", f"方案没有写明{q.date.year}年的这项目标（方案写明的年份：{'、'.join(map(str, years))}年）。",
                          status="not_in_plan")
    tasks = list({t.id: t for t, _ in chosen}.values())
    lines = [f"相关量化目标共 {len(chosen)} 项："]
    lines.extend(target_line(t, tg) for t, tg in chosen)
    sources = {(t.id, tg.clause): f"{t.label} {t.clauses[tg.clause] if tg.clause < len(t.clauses) else tg.text}"
               for t, tg in chosen}
    lines.append("原文：" + "；".join(sources.values()))
    ctx.tasks, ctx.topic = tasks, list(q.topic)
    return Answer(q.raw, "target", compose(lines), tasks=tasks, targets=[(t.id, tg) for t, tg in chosen],
                  departments=_departments_of(tasks))


def _names_metric(turn: Turn, words: list[str]) -> bool:
    """A bare question that is most of a target's metric (重度及以上污染天数 → …天数比率)."""
    q = turn.q
    if q.roles or q.flags & {"who", "when", "list", "topic_mark", "count"}:
        return False
    metrics = {fold(tg.metric) for t in turn.plan.with_targets() for tg in t.targets}
    # the whole question too: 重度及以上污染天数 is split at 及 into words
    return any(w in m and len(w) >= 0.6 * len(m) for w in [*words, q.text] for m in metrics)


def _split_scope(scope: str) -> list[str]:
    import re

    return [s for s in re.split(r"[、，,和及与]", scope) if s]


def _drop(word: str, scopes: list[str]) -> str:
    for s in scopes:
        word = word.replace(fold(s), "")
    return word


def topic_matches(turn: Turn, words: list[str], tasks: list[Task]) -> list[Task]:
    """Tasks whose folded text holds, for every word, the word or one of its synonyms (exhaustive)."""
    groups = [turn.voc.synonyms(w) for w in words]
    need = any if "topic_any" in turn.q.flags else all
    return [t for t in tasks if need(any(s in turn.folded[t.id] for s in g) for g in groups)]


def rule_topic_deadline(turn: Turn) -> Answer | None:
    """国六标准什么时候实施: the task found by search, and its deadlines."""
    q, ctx = turn.q, turn.ctx
    words = _topic_words(turn)
    if "when" not in q.flags or not words or q.departments:
        return None
    task = _best_task(turn, words)
    if task is None:
        return _partial_only(turn, words)
    # The deadlines of the clauses closest to the topic words (a task may set several).
    scored = [(_score(words, fold(task.clauses[d.clause])) if d.clause < len(task.clauses) else 0.0, d)
              for d in task.deadlines]
    best = max((sc for sc, _ in scored), default=0.0)
    chosen = [d for sc, d in scored if sc == best] if best > 0 else list(task.deadlines)
    head = f"{task.label} {task_head(task)}（{describe(task)}）"
    if chosen:
        text = f"{'、'.join(words)}的时限：" + "；".join(_deadline_said(d) for d in chosen) + f"。\n出处：{head}"
        for d in chosen:
            if d.clause < len(task.clauses):
                text += f"\n原文：{task.clauses[d.clause]}"
    else:
        text = f"方案对{'、'.join(words)}没有规定明确时限。\n出处：{head}"
    ctx.tasks, ctx.topic = [task], words
    return Answer(q.raw, "topic_deadline", text, tasks=[task], deadlines=[(task.id, d) for d in chosen],
                  departments=task.departments("any"))


def _titled(turn: Turn, words: list[str]) -> list[Task]:
    """Tasks whose title holds every topic word (or a synonym)."""
    return turn.plan.tasks_matching([turn.voc.synonyms(w) for w in words], fold, field="title")


def _verbatim(turn: Turn, words: list[str]) -> list[Task]:
    """Tasks whose folded text holds every asked word as written (no synonyms), in plan order.

    Only for asked words of three characters or more together: two characters (管理) name no topic.
    """
    if len("".join(words)) < 3:
        return []
    return turn.plan.tasks_matching([(w,) for w in words], fold)


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
        covered = [False] * len(word)
        for a in range(len(word) - 1):
            for b in range(len(word), a + 1, -1):
                if word[a:b] in text:
                    for k in range(a, b):
                        covered[k] = True
                    break
        touched = any(covered)
        plain = [True] * len(word)  # not part of a generic action
        for g in generic:
            at = word.find(g)
            while at >= 0:
                for k in range(at, at + len(g)):
                    plain[k] = False
                at = word.find(g, at + 1)
        covered = [c or not p for c, p in zip(covered, plain)]
        if sum(plain) > TERM_LENGTH:
            continue  # a phrase (渣土车沿路撒漏, 过年燃放烟花爆竹): its words need not all stand in the paragraph
        runs, run = [], ""
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


def _without_asking(turn: Turn, words: list[str]) -> list[str]:
    """The topic words with the asking words left inside a chunk (…系统谁建设) cut out: they are no topic."""
    asking = sorted({w for key in ("who", "when") for w in turn.voc.words[key]} | {"谁"}, key=len, reverse=True)
    out = []
    for word in words:
        for a in asking:
            word = word.replace(a, " ")
        out.extend(w for w in word.split() if w)
    return out


def _best_task(turn: Turn, words: list[str]) -> Task | None:
    """The task that best matches the topic words: the one title holding them all, else the top search hit
    (None when that hit holds only part of the asked words: see unmatched_part; the caller says so)."""
    titled = _titled(turn, words)
    if len(titled) == 1:
        return titled[0]
    best = _ranked_task(turn, words)
    if best is not None and unmatched_part(_without_asking(turn, words), turn.folded[best.id], turn.voc.synonyms,
                                           turn.voc.words["topic_generic"]):
        turn.ctx.partial = [best]
        return None
    return best


def _ranked_task(turn: Turn, words: list[str]) -> Task | None:
    """The top search hit for the topic words, ranked as officials mean them (see closeness)."""
    hits = turn.index().search(" ".join(words), limit=10, kinds=("task",))
    hits = [h for h in hits if turn.plan.task(h.task_id) is not None]  # a plan named: its own tasks only
    if not hits:
        return None
    # BM25 favours a word repeated often (天气 ×10); officials mean the paragraph that
    # holds most of their words, and the longest stretch of them, so rank on that first.
    phrase = "".join(words)

    def closeness(hit):
        text = turn.folded[hit.task_id]
        task = turn.plan.task(hit.task_id)
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

    return turn.plan.task(max(hits, key=closeness).task_id)


def _longest_common(phrase: str, text: str) -> int:
    """Length of the longest piece of ``phrase`` found in ``text``."""
    for length in range(len(phrase), 1, -1):
        if any(phrase[i:i + length] in text for i in range(len(phrase) - length + 1)):
            return length
    return 0


def rule_topic_list(turn: Turn) -> Answer | None:
    """哪些任务涉及VOCs / 扬尘相关的任务: every task holding the keyword or a synonym."""
    q, plan, ctx = turn.q, turn.plan, turn.ctx
    words = [_topic_stem(turn, w) for w in _topic_words(turn)]  # 扬尘治理的任务 → every 扬尘 task
    if not words or q.departments:
        return None
    if "who" in q.flags:
        return None  # 秸秆禁烧涉及哪些部门: a who question, however it is worded
    marked = bool(q.flags & {"topic_before", "topic_after", "topic_mark"})
    listing = "list" in q.flags and not q.flags & {"who", "when"}
    # 扬尘的任务: a topic and a task noun only (the noun reads as the "any" role word)
    nouns_only = q.roles == ["any"] and any(q.text.endswith(n) for n in turn.voc.words["task_nouns"])
    bare = not q.flags & {"who", "when", "target", "count"} and (not q.roles or nouns_only)
    if not (marked or listing or bare or ("count" in q.flags and not q.flags & {"who", "when"})):
        return None
    glued = _glued_phrase(turn, words)
    if glued:
        # 组织保障: not 组织 of 无组织排放
        turn.ctx.tasks = []
        return Answer(q.raw, "topic_tasks", f"方案中没有“{glued}”这一项：没有任何段落提到“{glued}”，共 0 项。",
                      status="not_in_plan")
    pool = responsibility_tasks(plan)
    tasks = topic_matches(turn, words, pool)
    # a heading or title of the plan (kb/qa/plan_terms.py): every task under it, too
    learned = term_tasks(plan, words, any_term="topic_any" in q.flags)
    if learned:
        tasks = sorted({t.id: t for t in tasks + learned}.values(), key=plan.position)
    how = "原文含任一写法"  # substring match, the usual case
    if not tasks and marked:
        hits = turn.index().search(" ".join(words), limit=None, require_all=True, kinds=("task",))
        tasks = sorted((plan.task(h.task_id) for h in hits), key=plan.position)  # a map, not a scan per item
        how = "原文含以下全部词语"
    if not tasks:
        return None if not marked else _none_found(turn, words)
    others = [t for t in topic_matches(turn, words, plan.tasks) if t.kind != "task"]
    sp = turn.voc.spellings
    joiner = "或" if "topic_any" in q.flags else "和"
    shown = joiner.join(f"“{sp.get(w, w)}”" for w in words)
    synonyms = [sp.get(s, s) for w in words for s in turn.voc.synonyms(w) if s != w]
    note = f"（含同义写法：{'、'.join(synonyms)}）" if synonyms else ""
    if how != "原文含任一写法":
        note += f"（{how}）"
    lines = [f"涉及{shown}的任务{note}共 {len(tasks)} 项："]
    lines.extend(numbered(tasks))
    if others:
        lines.append("另外，非任务段落中提到的：" + "、".join(f"{t.label}" for t in others))
    ctx.tasks, ctx.topic = tasks, words
    intent = "topic_count" if "count" in q.flags else "topic_tasks"
    return Answer(q.raw, intent, compose(lines), tasks=tasks, departments=_departments_of(tasks))


def _glued_phrase(turn: Turn, words: list[str]) -> str | None:
    """A topic word written fused with an overview word (组织 + 保障) into a phrase no paragraph holds.

    The question reader takes 保障 out as a word of its own, leaving 组织; but the user asked for
    组织保障, and listing every paragraph that says 组织 (无组织排放) would answer another question.
    """
    # (not 目标 and the like: 扬尘目标 asks the targets of 扬尘 tasks, which the target rules answer)
    targets = turn.voc.words["target"]
    nouns = sorted({w for ask, _ in turn.voc.overview.values() for w in ask
                    if len(w) >= 2 and not any(t in w for t in targets)}, key=len, reverse=True)
    text = turn.q.text
    for word in words:
        at = text.find(word)
        if at < 0:
            continue
        after = next((n for n in nouns if text.startswith(n, at + len(word))), None)
        before = next((n for n in nouns if text[:at].endswith(n)), None)
        phrase = (before or "") + word + (after or "")
        if phrase != word and not any(phrase in f for f in turn.folded.values()):
            return phrase
    return None


def _none_found(turn: Turn, words: list[str]) -> Answer:
    turn.ctx.tasks = []
    return Answer(turn.q.raw, "topic_tasks", f"方案中没有涉及“{'、'.join(words)}”的任务，共 0 项。", status="not_in_plan")


def rule_topic_who(turn: Turn) -> Answer | None:
    """秸秆禁烧由谁负责 / …归哪个部门管 / …的牵头单位是谁: the task found, its departments by role."""
    q, ctx = turn.q, turn.ctx
    words = _topic_words(turn)
    if not words or q.departments or not ("who" in q.flags or q.roles):
        return None
    nouns = set(turn.voc.words["task_nouns"])
    if "who" not in q.flags and q.roles == ["any"] and not any(
            w in q.text for w in turn.voc.roles["any"] if w not in nouns):
        return None  # 今年要完成哪些任务: 任务 alone asks nobody's name
    # Several titles on the topic (扬尘由谁负责): each of them, with its departments.
    # Topics joined by 和/、 (秸秆禁烧和烟花爆竹由谁负责): each topic on its own.
    groups = [[w] for w in words] if "topic_any" in q.flags else [words]
    tasks = []
    how = "标题"
    for group in groups:
        found = _titled(turn, group)
        # The asked words verbatim in several paragraphs (遥感监测 in three of them): each of
        # them equally answers the question, whatever one title says; listing one would hide the rest.
        verbatim = _verbatim(turn, group)
        if len(verbatim) > 1 and len(found) <= 1:
            found, how = verbatim, "原文"
        if not found:
            found = term_tasks(turn.plan, group)  # a heading of the plan: the tasks under it
        if not found:
            best = _best_task(turn, group)
            found = [best] if best else []
        tasks.extend(t for t in found if t.id not in {x.id for x in tasks})
    if not tasks:
        return _partial_only(turn, words)
    role = q.role if q.role in ROLES else None
    topic = "、".join(words)
    lines = []
    if len(tasks) > 1:
        lines.append(f"{how}涉及“{topic}”的任务共 {len(tasks)} 项，责任单位如下：")
    for n, task in enumerate(tasks, 1):
        number = f"{n}. " if len(tasks) > 1 else ""
        if role and getattr(task, role) and len(tasks) == 1:
            lines.append(f"{topic}的{ROLE_NAMES[role]}单位：{'、'.join(_with_subunits(task, role))}。")
        lines.append(f"{number}{task.label} {task_head(task)}：{describe(task) or '方案未写明责任单位'}")
    implied = tasks[0].implied
    if implied and all(t.implied == implied for t in tasks):
        lines.append(f"（{'、'.join(implied)}负责落实）")
    ctx.tasks, ctx.topic = tasks, words
    roles = {t.id: [r for r in ROLES if getattr(t, r)] for t in tasks}
    return Answer(q.raw, "topic_who", compose(lines), tasks=tasks, departments=_asked_departments(q, tasks), roles=roles)


def _partial_only(turn: Turn, words: list[str]) -> Answer | None:
    """Only a paragraph holding part of the asked topic was found: the plan has no such topic; say so,
    with that paragraph apart under 相关条目 (垃圾分类谁负责 → no 垃圾分类 in the plan, 垃圾焚烧 apart)."""
    partial, turn.ctx.partial = turn.ctx.partial, []
    if not partial:
        return None
    from kb.qa.result import Item, Result, render_text

    missing = unmatched_part(_without_asking(turn, words), turn.folded[partial[0].id], turn.voc.synonyms,
                             turn.voc.words["topic_generic"])
    asked = "、".join(words)
    from kb.qa.wording import load_answer_words

    result = Result(heading=[load_answer_words()["topic_absent"].format(topic=asked, missing=missing)])
    result.related = [Item(k, t) for k, t in enumerate(partial, 1)]
    turn.ctx.tasks = []
    return Answer(turn.q.raw, "topic_absent", render_text(result), status="not_in_plan", result=result,
                  related=partial)


def _with_subunits(task: Task, role: str) -> list[str]:
    return [f"{n}（{'、'.join(task.subunits[n])}）" if task.subunits.get(n) else n for n in getattr(task, role)]


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


def rule_all_tasks(turn: Turn) -> Answer | None:
    """方案一共有多少项任务 / 有哪些任务: the whole list of tasks."""
    q = turn.q
    if q.departments or _topic_words(turn) or not (q.flags & {"count", "list"}) or not q.roles:
        return None
    tasks = responsibility_tasks(turn.plan)
    lines = [f"方案的任务（带责任单位的条目）共 {len(tasks)} 项："]
    lines.extend(numbered(tasks))
    turn.ctx.tasks = tasks
    return Answer(q.raw, "all_tasks", compose(lines), tasks=tasks, departments=_departments_of(tasks))


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
    rule_topic_follow_up,
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
    rule_target,
    rule_topic_deadline,
    rule_topic_list,
    rule_topic_who,
    rule_all_tasks,
)
