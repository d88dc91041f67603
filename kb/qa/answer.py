"""The answer to one question, as the CLI, the JSON and the TUI show it."""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.model import Deadline, Target, Task


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
        }
