"""The executor of a goal that is a list (``Query.goal_list``): 要发展成为哪几个中心 / 打造哪些平台 / 建成几个基地 — and
the numeric targets of a part or section the question names (工作目标里有多少个量化指标: ``section_targets``).

A plan's 发展目标 often states what a place will become as a list: ``把临江建设成为全国重要的无人机研发中心、制造中心、
测试认证中心、飞行服务中心和人才培训中心``.  The question names the kind of thing (中心); the answer is the items of a
goal clause's list — a goal verb (shapes.yaml ``goal_verbs``: 建设成为, 打造, 建成 …) then items joined by 、/和/及 — that
end in that noun.  No such list: not in the plan (the plan may name one 中心 here and there, but it lists none as a
goal), the paragraphs that name the noun left as related entries.
"""

from __future__ import annotations

import re

from kb.lazypattern import LazyPattern
from kb.qa.answer import Answer
from kb.qa.query import Query, load_shapes
from kb.qa.text import fold, task_head

#: What joins the items of a list (、 and the words before its last item).
_JOINERS = LazyPattern(r"、|以及|和|及|与")
#: Where a clause ends (a list never crosses it).
_CLAUSE_END = LazyPattern(r"[，,。；;：:！？]")


def goal_items(clause: str, noun: str, verbs: list[str]) -> list[str]:
    """The items ending in ``noun`` of the list after the last goal verb of ``clause`` (two or more, else []): each
    as written after its last 的 (全国重要的无人机研发中心 → 无人机研发中心)."""
    at = max((clause.rfind(v) + len(v) for v in verbs if v in clause), default=-1)
    if at < 0:
        return []
    pieces = [p.strip() for p in _JOINERS.split(clause[at:]) if p.strip()]
    items = [p.rsplit("的", 1)[-1] for p in pieces]
    run = []
    for item in items:
        if item.endswith(noun) and len(item) > len(noun):
            run.append(item)
        elif run:
            break
    return run if len(run) >= 2 else []


def goal_lists(plan, noun: str, verbs: list[str]) -> list[tuple[object, str, list[str]]]:
    """(task, clause, items) of every goal clause of the plan listing things ending in ``noun``, in plan order."""
    out = []
    for task in plan.tasks_matching([[noun]], fold, kinds=None):
        for clause in _CLAUSE_END.split(task.text or ""):
            if clause.count(noun) < 2:
                continue
            items = goal_items(clause, noun, verbs)
            if items:
                out.append((task, clause, items))
    return out


def exec_goal_list(question: str, q: Query, env) -> Answer:
    """要发展成为哪几个中心: the items of the goal lists of that kind, with where the plan states them."""
    from kb.qa.result import compose

    noun = q.goal_list
    found = goal_lists(env.plan, noun, load_shapes()["goal_verbs"])
    if q.plan:
        found = [x for x in found if x[0].doc == q.plan]
    if not found:
        env.ctx.tasks = []
        related = env.plan.tasks_matching([[noun]], fold, kinds=None)[:5]
        return Answer(question, "goal_list", f"方案没有以列表写明要建设（成为）哪些“{noun}”。", tasks=[],
                      status="not_in_plan", related=related)
    lines = []
    for task, clause, items in found:
        lines.append(f"方案写明的“{noun}”共 {len(items)} 个：{'、'.join(items)}。")
        lines.append(f"出处：{task.label} {task_head(task)}")
        lines.append(f"原文：{clause.strip()}")
    tasks = list({t.id: t for t, _, _ in found}.values())
    env.ctx.tasks = tasks
    return Answer(question, "goal_list", compose(lines), tasks=tasks)


def section_targets(question: str, q: Query, env) -> Answer | None:
    """工作目标里有多少个量化指标 / 主要目标有几项量化指标 / 二（一）有哪些数值目标: the numeric targets of the paragraphs
    under the heading the question names (``Query.cited``) or of the plan's goal parts (an overview of goals asked),
    counted as targets — never the number of paragraphs (“二、工作目标下的条目共 1 项” of a paragraph setting 7
    targets).  None for any other question (kb.qa.executors.dispatch tries it once, before the section or overview
    reading)."""
    from kb.qa.result import compose, target_line

    if not q.target_list or q.departments or not ({"count", "list"} & set(q.asks)):
        return None
    if not any(w in fold(question) for w in env.voc.words["numeric_target_words"]):
        return None  # (多少个三级指标 of an indicator annex counts its rows, not the figures in them)
    plan = env.plan
    if q.cited:
        tasks = [plan.task(i) for i in q.cited]
        where = q.heading or ""
    elif q.overview == "goals":
        tasks, where = overview_tasks(env, "goals")
    else:
        return None
    if not tasks:
        return None
    pairs = [(t, tg) for t in tasks for tg in t.targets]
    env.ctx.tasks = list({t.id: t for t, _ in pairs}.values()) if pairs else tasks
    unread = unread_figures(tasks)
    if not pairs and not unread:
        return Answer(question, "target_list", f"“{where}”中没有读到量化目标（写明数值的指标）。", tasks=[],
                      status="not_in_plan", related=tasks[:5])
    if not pairs:
        # (工作目标 whose figures kb reads as no target — 绿化覆盖率达到百分之四十: the sentences, never "none")
        lines = [f"kb 没有从“{where}”读出量化目标；写明数值的原文共 {len(unread)} 处（请核对）："]
        lines += [f"{t.label} {c.strip()}" for t, c in unread]
        return Answer(question, "target_list", compose(lines), tasks=[], status="not_in_plan", related=tasks[:5])
    lines = [f"“{where}”中的量化目标共 {len(pairs)} 项："] + [target_line(t, tg) for t, tg in pairs]
    if unread:
        # (a count that leaves out a figure the plan sets is a wrong count: the sentences holding figures kb did not read
        # as targets are named beside it — values6 s18)
        lines.append(f"另有 {len(unread)} 处原文写明了数值，kb 没有读成量化目标（未计入上面的项数）：")
        lines += [f"{t.label} {c.strip()}" for t, c in unread]
    return Answer(question, "target_list", compose(lines), tasks=env.ctx.tasks,
                  targets=[(t.id, tg) for t, tg in pairs])


def unread_figures(tasks) -> list:
    """(task, clause) of the clauses in which a target's verb or comparator is followed by a figure that none of the
    task's targets holds (绿化覆盖率达到百分之四十, a unit kb does not read): what a count of the targets read leaves out."""
    from kb.qa.exec_topics import _figure_verb_re

    verb = _figure_verb_re()
    out = []
    for t in tasks:
        held = {f"{tg.value:g}" for tg in t.targets}
        for clause in t.clauses:
            # (a quoted formula — 完成“1+20+30+100”的任务 — names targets stated elsewhere; 为 says what a thing is —
            # 培训对象为50岁以下 — more often than a figure to reach)
            folded = fold(re.sub(r"“[^”]*”", lambda x: "“" + "名" * (len(x.group()) - 2) + "”", clause))
            for m in verb.finditer(folded):
                if m.group().startswith("为"):
                    continue
                figure = re.match(r"\d+(?:\.\d+)?", folded[m.end() - 1:])
                if figure is None and "百分之" not in m.group(0):
                    continue
                if figure is not None and (f"{float(figure.group()):g}" in held
                                           or folded[m.end() - 1 + figure.end():][:1] in ("年", "月", "日", "号")):
                    continue  # (a figure read, or a date: 为2025年)
                out.append((t, clause))
                break
    return out


def overview_tasks(env, overview: str) -> tuple[list, str]:
    """The paragraphs of the plan's parts of an overview kind (voc.overview: goals → 工作目标, 主要目标 …) and their
    headings as one string; no such part: those of its sections of that kind (一、总体要求 › （二）工作目标)."""
    plan = env.plan
    _, part_words = env.voc.overview[overview]
    parts = {(doc, num): f"{num}、{title}" for doc, doc_parts, _ in plan.document_outlines() for num, title in doc_parts
             if any(w in fold(title) for w in part_words)}
    if parts:
        return plan.parts_tasks(list(parts)), "、".join(parts.values())
    sections = {(doc, label): f"{label}{title}" for doc, _, doc_sections in plan.document_outlines()
                for label, title in doc_sections if any(w in fold(title) for w in part_words)}
    wanted = {(doc, label.split("（")[0]) for doc, label in sections}
    tasks = [t for t in plan.parts_tasks(list(wanted)) if (t.doc, t.section) in sections]
    return tasks, "、".join(sections.values())
