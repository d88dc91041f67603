"""The answer to one question, as the CLI, the JSON and the TUI show it."""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.model import Deadline, Target, Task

#: Answer.status values (the honesty contract of COORDINATION.md).
STATUSES = ("answered", "not_in_plan", "not_understood", "ask_back")


@dataclass(slots=True)
class Answer:
    """What kb answers to one question."""

    question: str
    """The question as asked."""
    intent: str
    """Id of the rule that answered (``department_tasks``, ``topic_who`` …, ``search`` for the fallback)."""
    text: str
    """What a person reads: the count, the departments by role, each task's label and title, numbers."""
    exact: bool = True
    """False for the full-text fallback (没有找到完全匹配的规则，以下是最相关的条目)."""
    departments: list[str] = field(default_factory=list)
    """Departments the answer is about (asked for, or found responsible), canonical names."""
    tasks: list[Task] = field(default_factory=list)
    """The tasks of the answer, in answer order (numbered so in ``text``)."""
    roles: dict[str, list[str]] = field(default_factory=dict)
    """Task id → the roles (lead, support, sole, shared, implied) relevant to the answer."""
    candidates: list[str] = field(default_factory=list)
    """Departments the bot asks the user to choose from, when a name was ambiguous."""
    deadlines: list[tuple[str, Deadline]] = field(default_factory=list)
    """(task id, deadline) pairs the answer states, for deadline questions."""
    targets: list[tuple[str, Target]] = field(default_factory=list)
    """(task id, target) pairs the answer states, for target questions."""
    status: str = "answered"
    """One of STATUSES: ``answered`` (a rule answered from the plan), ``not_in_plan`` (understood, but the
    plan does not hold it), ``not_understood`` (no reading; related entries only in ``related``) or
    ``ask_back`` (ambiguous: the bot asks which one)."""
    result: object | None = None
    """The structured answer (kb.qa.result.Result) ``text`` was rendered from."""
    related: list[Task] = field(default_factory=list)
    """Loosely related tasks (相关条目) shown apart after a not-understood / not-in-plan statement; never the answer."""
    query: object | None = None
    """The kb.qa.query.Query the question was read as (None when an older rule answered from its own reading)."""

    def to_dict(self) -> dict:
        """The JSON object of ``kb ask --json`` / one line of ``kb chat --json``."""
        return {
            "question": self.question,
            "intent": self.intent,
            "answer": self.text,
            "exact": self.exact,
            "departments": list(self.departments),
            "candidates": list(self.candidates),
            "tasks": [t.to_dict() for t in self.tasks],
            "status": self.status,
            "related": [t.to_dict() for t in self.related],
            "result": self.result.to_dict() if self.result is not None else None,
            "query": self.query.to_dict() if self.query is not None else None,
        }
