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
    query: object = None
    """The kb.qa.query.Query the question was read as (merged with the conversation)."""
    env: object = None
    """The kb.qa.executors.Env the executors in RULES answer from."""


# ---------------------------------------------------------------- rendering

from kb.qa.result import Composed, GroupLine, compose, describe, numbered, target_line, task_line  # noqa: E402,F401



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


def _filter_date(turn: Turn, tasks: list[Task]) -> tuple[list[Task], str]:
    d = turn.q.date
    if d is None:
        if "has_deadline" in turn.q.flags:
            return [t for t in tasks if t.deadlines], "有时限要求"
        if "no_deadline" in turn.q.flags:
            return [t for t in tasks if not t.deadlines], "未规定时限"
        return tasks, ""
    return [t for t in tasks if deadline_matches(t, d)], d.text


def deadline_matches(task: Task, d) -> bool:
    """True if a deadline of ``task`` falls as the question's date asks (DateAsk), by kb/select.py's test."""
    from kb.qa.query import date_span

    return date_span(d).selects(task)


def _departments_of(tasks: list[Task]) -> list[str]:
    seen: dict[str, None] = {}
    for t in tasks:
        for n in t.departments("any"):
            seen.setdefault(n, None)
    return list(seen)


def _topic_words(turn: Turn) -> list[str]:
    """Topic words that are not mere target words (达到, 下降 …)."""
    skip = set(turn.voc.words["target"]) | set(turn.voc.words["due"]) | set(turn.voc.words["when"])
    titles = [fold(d.title) for d in turn.plan.documents]
    # Words naming the plan itself (蓝天保卫战的目标) are no topic.
    return [w for w in turn.q.topic if w not in skip and not any(w in title for title in titles)]


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


def on_query(executor):
    """An executor of kb/qa/exec_plan.py in this list: it answers from the turn's Query, not its text."""
    def rule(turn: Turn) -> Answer | None:
        return executor(turn.q.raw, turn.query, turn.env)

    rule.__name__ = rule.__qualname__ = executor.__name__
    return rule


from kb.qa.exec_plan import (exec_all_targets, exec_date_list, exec_department_list, exec_overview,  # noqa: E402
                             exec_role_kind, exec_sharing, exec_timed_tasks)

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
    on_query(exec_date_list),
    on_query(exec_sharing),
    on_query(exec_role_kind),
    rule_context,
    on_query(exec_timed_tasks),
    on_query(exec_all_targets),
    on_query(exec_overview),
    on_query(exec_department_list),
)
