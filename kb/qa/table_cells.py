"""Answers from value tables read as rows × columns (kb/parser/value_tables.py): 安亭镇2026年的任务量是多少 → the cell of
the row 安亭镇 under 2026年任务量; 哪个街镇的任务量最大 → the row with the column's largest figure; 任务表里有几个街镇 → the
rows.  Tried before the question's other readings (kb.qa.executors.dispatch), it answers only when the question names
what the table holds — a row's name and a column's words, or the row-name column's word with 最大 / 几个 — and leaves
every other question to them (a row or a column the table does not hold is no answer of this kind).
"""

from __future__ import annotations

import re

from kb.parser.value_tables import ValueRow, ValueTable, header_core, header_unit, load_words, read_value_table
from kb.qa.answer import Answer
from kb.qa.text import fold

#: A header opening with a time node (3月底前完成20%, 6月底前, 11月中旬前完成剩余): the node names the column.
_TIME_NODE = re.compile(r"^((?:\d{1,2}|[0-9]{1,2}-[0-9]{1,2})月(?:底|中旬|上旬|下旬|初|末|份)?前?)")
#: A header opening with a year (2026年任务量, 2025年度目标值): the year and what follows.
_YEAR_HEADER = re.compile(r"^((?:19|20)\d\d)年度?(.{2,})$")
#: plan id → (the plan, its value tables): read once a loaded plan (the plan kept to tell a new object of the same id).
_CACHE: dict[int, tuple[object, list[tuple[ValueTable, dict]]]] = {}


def plan_tables(plan, docs=None) -> list[tuple[ValueTable, dict]]:
    """(table, key → task) of every value table of the plan: runs of consecutive ``｜`` paragraphs of one document, read
    by ``read_value_table``, once a plan object (a stored plan answers the ``｜`` search from its store: its tasks are
    never all loaded for it)."""
    held = _CACHE.get(id(plan))
    if held is None or held[0] is not plan:
        # (a plan no paragraph of which holds a cell bar has no value table: asked of its text first — a stored plan
        # answers it from its folded paragraphs, and a department question reads no task row for tables it lacks)
        mentions = plan.mentions()
        bars = any(bar in mentions for bar in ("|", "｜"))
        rows = plan.tasks_matching([["|"]], fold, kinds=None) if bars else []
        runs: list[list] = []
        last = None
        for t in rows:
            at = plan.position(t)
            if runs and last is not None and at == last + 1 and runs[-1][-1].doc == t.doc:
                runs[-1].append(t)
            else:
                runs.append([t])
            last = at
        found = []
        for run in runs:
            table = read_value_table([(t.id, t.text) for t in run])
            if table is not None:
                found.append((table, {t.id: t for t in run}))
        if len(_CACHE) > 8:
            _CACHE.clear()
        held = _CACHE[id(plan)] = (plan, found)
    return [x for x in held[1] if docs is None or next(iter(x[1].values())).doc in docs]


def _columns(question: str, table: ValueTable) -> list[str]:
    """The headers of the columns the question names (its folded text without the row's name and 的): a header's words
    whole; its time node (6月底前 of 6月底前完成60%); what follows its year, with the year asked or no other column of
    that name; what follows 其中.  The best kind of match only (a header named whole beats a time node)."""
    found: dict[int, list[str]] = {}
    headers = [h for h, _ in table.rows[0].cells] if table.rows else []
    for h in headers:
        core = fold(header_core(h))
        level = 0
        if len(core) >= 2 and core in question:
            level = 4
        elif core.startswith("其中") and len(core) > 4 and core[2:] in question:
            level = 3
        elif (m := _YEAR_HEADER.match(core)) and m.group(2) in question:
            same = [x for x in headers if (n := _YEAR_HEADER.match(fold(header_core(x)))) and n.group(2) == m.group(2)]
            if m.group(1) in question or len(same) == 1:
                level = 2
        elif (m := _TIME_NODE.match(core)) and m.group(1) in question:
            level = 1
        if level:
            found.setdefault(level, []).append(h)
    return found[max(found)] if found else []


def _said(value: str, header: str) -> str:
    """A cell said with the unit its header's bracket gives (0.8 under 建设面积（万亩） → 0.8万亩)."""
    unit = header_unit(header)
    return f"{value}{unit}" if unit and _number(value) is not None and not value.endswith(unit) else value


def _unread(table: ValueTable, tasks: dict) -> list[str]:
    """The rows not read, but a sum row (合计｜4.5｜9000: no row of the table's kind, whatever its cells)."""
    totals = load_words().total_names
    return [tasks[k].text for k in table.unread if tasks[k].text.split("｜")[0].replace(" ", "") not in totals]


def _number(value: str) -> float | None:
    m = re.match(r"^[-+]?[0-9][0-9,]*(?:\.[0-9]+)?", fold(value).replace("，", ","))
    return float(m.group(0).replace(",", "")) if m else None


def _source(table: ValueTable, tasks: dict, rows: list[ValueRow], plan=None) -> list[str]:
    """The header row and the rows answering, quoted with their labels (the plan named when several are loaded)."""
    head = tasks[table.header_key]
    names = dict(plan.document_names()) if plan is not None else {}
    lines = [f"出处：《{names[head.doc]}》"] if len(names) > 1 and head.doc in names else []
    lines.append(f"表头（{head.label}）：{head.text}")
    lines += [f"原文（{tasks[r.key].label}）：{tasks[r.key].text}" for r in rows]
    return lines


def table_cell_answer(question: str, q, env) -> Answer | None:
    """The answer from a value table to a question naming its row and column, asking its column's largest or
    smallest row, or how many rows it has; None for any other question."""
    from kb.qa.wording import load_answer_words

    tables = plan_tables(env.plan, [q.plan] if getattr(q, "plan", None) else None)
    if not tables:
        return None
    words = load_words()
    w = load_answer_words()["value_table"]
    asked = fold(question)
    for table, tasks in tables:
        rows = [r for r in table.rows if not r.total]
        named = [r for r in rows if len(r.name) >= 2 and fold(r.name) in asked]
        kind = fold(header_core(table.name_header))
        if named:
            rest = asked
            for r in named:
                rest = rest.replace(fold(r.name), "")
            columns = _columns(rest.replace("的", ""), table)
            if not columns:
                continue
            lines = []
            for r in named:
                cells = dict(r.cells)
                lines.append(w["cell"].format(name=r.name, cells="；".join(f"{h}：{_said(cells[h], h)}" for h in columns)))
            env.ctx.tasks = [tasks[r.key] for r in named]
            return Answer(question, "table_cell", "\n".join(lines + _source(table, tasks, named, env.plan)),
                          tasks=list(env.ctx.tasks))
        if any(f"{a}{kind}" in asked for a in words.count_asks) and any(x in asked for x in words.table_words):
            lines = [w["count"].format(kind=table.name_header, n=len(rows), names="、".join(r.name for r in rows))]
            if unread := _unread(table, tasks):
                lines.append(w["unread"].format(n=len(unread), rows="；".join(unread)))
            lines += _source(table, tasks, [], env.plan)
            env.ctx.tasks = [tasks[r.key] for r in rows]
            return Answer(question, "table_count", "\n".join(lines), tasks=list(env.ctx.tasks))
        big = any(x in asked for x in words.largest)
        small = any(x in asked for x in words.smallest)
        if big != small and kind in asked and any(f"{a}{kind}" in asked for a in words.which_asks):
            columns = [h for h in _columns(asked.replace("的", ""), table) if h in table.figure_columns()]
            if len(columns) != 1:
                continue
            h = columns[0]
            values = [(r, _number(dict(r.cells)[h])) for r in rows]
            if any(v is None for _, v in values):
                continue
            best = (max if big else min)(v for _, v in values)
            top = [r for r, v in values if v == best]
            lines = [w["extreme"].format(header=h, word="最大" if big else "最小", kind=table.name_header,
                                         names="、".join(r.name for r in top), value=_said(dict(top[0].cells)[h], h))]
            lines.append(w["column"].format(header=h, cells="；".join(f"{r.name} {dict(r.cells)[h]}" for r in rows)))
            if unread := _unread(table, tasks):
                lines.append(w["unread"].format(n=len(unread), rows="；".join(unread)))
            lines += _source(table, tasks, top, env.plan)
            env.ctx.tasks = [tasks[r.key] for r in top]
            return Answer(question, "table_extreme", "\n".join(lines), tasks=list(env.ctx.tasks))
    return None
