"""How a task reads in a duty list (``kb duties``, exports, the TUI): heading, other departments, facts.

The store renders these into each plan's rows when it parses the plan
(``kb.plan_rows``), so ``kb duties`` at 1,000 plans prints stored strings instead
of building 19,000 tasks; this module (and kb/export/content.py, whose
deadline and target wording ``duty_facts`` uses) is therefore part of the
store's rules fingerprint (``kb.store.ROW_SOURCES``): changing the wording here
re-parses the plans.
"""

from __future__ import annotations

from pathlib import Path

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


#: The roles a line names, in order: the units responsible first (牵头, 负责, 共同负责, 指导), the 配合 units last — an
#: official reads the first units named as the ones responsible (a table row's 配合：区财政局；负责：区卫生健康局, the
#: model's ROLES order, named the supporting unit first).
_RESPONSIBLE_FIRST = ("lead", "sole", "shared", "guide", "support")
SHOWN_ROLES = (*(r for r in _RESPONSIBLE_FIRST if r in ROLES), *(r for r in ROLES if r not in _RESPONSIBLE_FIRST))
LISTING_PATH = Path(__file__).parent / "data" / "listing.yaml"
_WORDS: dict = {}


def role_words() -> dict[str, tuple[str, str]]:
    """Role → (its word, the word for the other holders of the role under a department's own list: 其他牵头单位),
    in ``SHOWN_ROLES`` order (kb/data/listing.yaml, read once)."""
    if not _WORDS:
        from kb.data import load_cached_yaml

        def build(data: dict) -> str:
            other = data.get("other") if isinstance(data, dict) else None
            if set(data) != {"version", "other"} or not isinstance(other, str) or "{role}" not in other:
                from kb.errors import KbError

                raise KbError(f"{LISTING_PATH}：应只有 version: 1 和 other（含 {{role}}）；请从代码仓库恢复这个文件")
            return other

        other = load_cached_yaml(LISTING_PATH, "unit line wording", build)
        _WORDS.update({r: (ROLE_NAMES[r], other.format(role=ROLE_NAMES[r])) for r in SHOWN_ROLES})
    return _WORDS


def role_lines(task: Task, exclude: str | None = None) -> dict[str, list[str]]:
    """Role word → names (sub-units in brackets), in ``SHOWN_ROLES`` order; under ``exclude``'s own list (a
    department, or a sub-unit of one) the other holders of its role under 其他牵头单位 / 其他配合单位 …, itself left out."""
    words = role_words()
    subunits = task.subunits
    out: dict[str, list[str]] = {}
    for r in SHOWN_ROLES:
        holders = getattr(task, r, None)
        if not holders:
            continue
        names, mine = [], False
        for n in holders:
            subs = subunits.get(n) if subunits else None
            if exclude is not None and (n == exclude or (subs and exclude in subs)):
                mine = True
                continue
            names.append(f"{n}（{'、'.join(subs)}）" if subs else n)
        if names:
            out[words[r][1] if mine else words[r][0]] = names
    return out


def describe_departments(task: Task, exclude: str | None = None) -> str:
    """``牵头：A、B；配合：C`` for a task (``其他牵头单位：B`` under ``exclude``'s own list, ``exclude`` left out): the one
    line of a task's units for kb duties, the stored duty lines, the TUI and kb ask (``role_lines`` as text)."""
    return "；".join(f"{word}：{'、'.join(names)}" for word, names in role_lines(task, exclude).items())
