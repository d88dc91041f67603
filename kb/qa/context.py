"""What a conversation remembers between questions (kb.qa.session.Session.context)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.model import Task

#: Intents after which a follow-up ("配合的呢") still refers to the same department.
KEEPS_DEPARTMENT = frozenset({"department_list", "department_tasks", "department_count", "joint_tasks", "departments_each",
                              "department_targets", "department_ambiguous", "department_unknown", "help", "item_text",
                              "item_deadline", "item_target", "item_departments", "context_deadline", "context_target",
                              "context_departments", "context_part"})


@dataclass(slots=True)
class Context:
    """What the previous turns were about, for follow-up questions."""

    departments: list[str] = field(default_factory=list)
    """Departments of the last department question (那它配合哪些 refers to them)."""
    role: str | None = None
    """Role of the last department question (住建局呢 asks the same role)."""
    topic: list[str] = field(default_factory=list)
    """Topic words of the last topic question."""
    tasks: list[Task] = field(default_factory=list)
    """The numbered tasks of the last answer listing some, in number order (第二项 refers to tasks[1])."""
    pending: tuple[object, list[str]] | None = None
    """(the kb.qa.query.Query asked, candidates) when the last answer asked which department was meant."""
    base: list[Task] = field(default_factory=list)
    """The list a run of 其中… questions narrows (kept while they go on)."""
    intent: str | None = None
    """Intent of the last answer (a bare "X呢" asks the same about X)."""
    sections: list[tuple[str, str, str]] = field(default_factory=list)
    """(document id, part numeral, section label) of the sections the last answer listed, in its order (重点任务包括哪几个
    方面): 其中第三个方面 / 第二个方面是什么 next names the third / second of THEM (kb.qa.session.Session._merge)."""
    groups: list[tuple[str, list[Task]]] = field(default_factory=list)
    """(heading, tasks) of the titled groups the last answer listed (【牵头】, 【配合】 …): 第二类 next names the second."""
    partial: list[Task] = field(default_factory=list)
    """Tasks of this turn's ranking that hold only part of the asked topic (shown apart, never the answer)."""
