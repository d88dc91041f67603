"""How a task reads in a duty list (``kb duties``, exports, the TUI): heading, other departments, facts.

The store renders these into each plan's rows when it parses the plan
(``kb.plan_rows``), so ``kb duties`` at 1,000 plans prints stored strings instead
of building 19,000 tasks; this module (and kb/export/content.py, whose
deadline and target wording ``duty_facts`` uses) is therefore part of the
store's rules fingerprint (``kb.store.ROW_SOURCES``): changing the wording here
re-parses the plans.
"""

from __future__ import annotations

from kb.model import ROLE_NAMES, ROLES, Task

#: Marks that end the first clause of a paragraph (outside brackets).
_CLAUSE_END = "，；。：！？"
_OPEN, _CLOSE = "（(《“「【〔", "）)》”」】〕"


def task_heading(task: Task, limit: int = 40) -> str:
    """What names a task in a list: its title, else its first clause (up to the first ，；。 outside brackets).

    Cut to ``limit`` characters with … (duty lists, the TUI, exports' 任务 column).
    """
    if task.title:
        return task.title
    text = task.body or task.text
    depth, end = 0, len(text)
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in _CLAUSE_END and depth == 0:
            end = i
            break
    head = text[:end].strip()
    return head if len(head) <= limit else head[:limit] + "…"


def duty_facts(task: Task) -> str:
    """The second line of a task in ``kb duties``: ``开始时间：…　完成时限：…　目标指标：…`` (empty without any)."""
    from kb.export.content import target_texts, time_facts

    facts = [f"{label}：{text}" for label, text in time_facts(task)]  # (none without dates)
    if task.targets:
        facts.append(f"目标指标：{'；'.join(target_texts(task))}")
    return "　".join(facts)


def describe_departments(task: Task, exclude: str | None = None) -> str:
    """``牵头：A、B；配合：C`` for a task, sub-units in brackets, ``exclude`` left out."""
    parts = []
    for r in ROLES:
        names = []
        for n in getattr(task, r):
            if exclude is not None and (n == exclude or exclude in task.subunits.get(n, ())):
                continue
            subs = task.subunits.get(n)
            names.append(f"{n}（{'、'.join(subs)}）" if subs else n)
        if names:
            parts.append(f"{ROLE_NAMES[r]}：{'、'.join(names)}")
    return "；".join(parts)
