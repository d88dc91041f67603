"""What an export says, whatever its format: duty lists, the task division table, the matrix.

Each builder turns the plan into a small format-free structure (title, header
lines, columns, rows of cells); the writers for xlsx, docx, md, csv and json
only lay those out.  So every format lists the same tasks, in the same order,
with the same cell texts.

A cell is a string, or a list of strings that each writer joins its own way
(``、`` for departments; a new line in xlsx/docx, ``；`` in md/csv for deadlines
and targets).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal

from kb.duties import GROUP_ORDER, GROUP_TITLES, count_said, task_heading
from kb.errors import KbError
from kb.model import ROLE_NAMES, ROLES, Plan, Target, Task, item_count, roles_given, table_row_count

#: Marks of the matrix cells, one per role (implied implementers are not marked).
MATRIX_MARKS = {"lead": "牵", "guide": "导", "support": "配", "sole": "责", "shared": "共"}



def matrix_legend(roles: tuple[str, ...], rows_said: bool = False) -> str:
    """One line explaining the marks of ``roles`` (the matrix's) and what its counts count: the plan's numbered
    items (``kb.model.item_count``: 任务数), 合计 each once; ``rows_said``: some count is of fewer items than the task
    columns it marks (a 任务分工表 序号 over several rows), which says those rows in brackets (``13（21 行）``).
    With no role at all, that the matrix is empty and why (was a line starting with ``；``)."""
    if not roles:
        return "方案没有给任何部门分配任务（没有“牵头”“负责”等责任标注），矩阵中没有单位"
    rows = "；数字为任务数，任务分工表同一序号的各行计一项，括号内为所标的行数（矩阵每列一行）" if rows_said else ""
    return "，".join(f"{MATRIX_MARKS[r]}＝{ROLE_NAMES[r]}" for r in roles) + f"{rows}；合计为不重复的任务数"


#: Short role names of the duty lists' 职责 column and group headings.
ROLE_LABELS = {r: GROUP_TITLES[r].split("（")[0] for r in GROUP_ORDER}

#: Column headings of the per-role counts (table of the matrix, header lines).
COUNT_HEADERS = {"lead": "牵头", "guide": "指导", "support": "配合", "sole": "负责", "shared": "共同负责", "total": "合计"}

#: Cell keys whose list values are department names (joined with 、 everywhere).
DEPARTMENT_KEYS = frozenset({"lead", "guide", "support", "responsible"})


@dataclass(slots=True)
class Column:
    """One column of an exported table."""

    key: str
    """Key of the cell in ``Row.cells``."""
    header: str
    """Heading as officials write it (序号, 牵头单位 …)."""
    max_width: int = 24
    """Widest the column may grow in an xlsx sheet, in display cells (a CJK character is 2)."""
    share: float = 1.0
    """Relative width in a docx table."""


@dataclass(slots=True)
class Row:
    """One row of an exported table: a task (and, in a duty list, the role it is listed under)."""

    task: Task
    """The task the row shows."""
    role: str | None
    """The department's role the row is listed under (duty lists), else None."""
    cells: dict[str, str | list[str]] = field(default_factory=dict)
    """Column key → text, or list of texts the writer joins."""


@dataclass(slots=True)
class Group:
    """The tasks a department holds in one role."""

    role: str
    """A GROUP_ORDER entry."""
    label: str
    """Role as officials write it: 牵头, 单独负责, 共同负责, 配合, 落实."""
    rows: list[Row] = field(default_factory=list)
    """The tasks, in plan order."""

    @property
    def heading(self) -> str:
        """Heading of the group, e.g. ``牵头（8 项）``: the plan's numbered items, as the list's 任务数 line counts them
        (``kb.model.item_key``) — with the rows when a 任务分工表 序号 spans several (``牵头（13 项，任务分工表中 21 行）``)."""
        return count_said(item_count(r.task for r in self.rows), table_row_count(r.task for r in self.rows), "group_rows",
                          label=self.label)


@dataclass(slots=True)
class DutyExport:
    """A department's duty list (责任清单), ready to lay out."""

    department: str
    """Canonical name of the department or sub-unit."""
    parent: str | None
    """For a sub-unit (市能源办): the department the plan writes it under."""
    plan_title: str
    """Title(s) of the plan, in 《》."""
    exported: date
    """Date of the export."""
    counts: dict[str, int]
    """Role → number of the plan's numbered items with that role (``kb.model.item_key``; GROUP_ORDER, zero counts
    included)."""
    total: int
    """Number of distinct numbered items in the list (the rows listed may be more: ``counts_text`` says so)."""
    notes: list[str]
    """Header lines explaining the list (implied implementer, sub-unit)."""
    groups: list[Group]
    """Non-empty groups in GROUP_ORDER; a task stands in every group of a role it holds."""
    columns: list[Column]
    """Columns of the rows (the 职责 column first)."""
    row_note: str = ""
    """A note every row needs, empty for most lists: the list of a bare division two bureaus write (办公室) holds
    items that do not say whose they are (``kb.duties.division_choices``) — a CSV, which has no header lines, says it
    on each row (the other formats: the first of ``notes``)."""

    @property
    def title(self) -> str:
        """Title of the document, e.g. ``市交通运输局责任清单``."""
        return f"{self.department}责任清单"

    @property
    def rows(self) -> list[Row]:
        """Every row, group by group."""
        return [row for g in self.groups for row in g.rows]

    @property
    def counts_text(self) -> str:
        """``共 19 项：牵头 8 项，共同负责 4 项，配合 7 项`` — numbered items (``kb.model.item_key``); where a
        任务分工表 writes an item over several rows, the rows listed are said after (``（任务分工表中 21 行）``)."""
        parts = [f"{ROLE_LABELS[r]} {self.counts[r]} 项" for r in GROUP_ORDER if self.counts.get(r)]
        rows = table_row_count({row.task.id: row.task for row in self.rows}.values())
        said = count_said(self.total, rows, "duty_rows_after")
        return f"共 {self.total} 项：" + "，".join(parts) + said if parts else "方案未分配任务"

    @property
    def meta(self) -> list[tuple[str, str]]:
        """Header lines as (label, text)."""
        lines = [("单位", self.department + (f"（{self.parent}）" if self.parent else "")),
                 ("方案", self.plan_title), ("导出日期", self.exported.isoformat()), ("任务数", self.counts_text)]
        return lines + [("说明", note) for note in self.notes]


@dataclass(slots=True)
class TableExport:
    """The task division table (任务分工表): one row per task that carries a department, deadline or target."""

    plan_title: str
    """Title(s) of the plan, in 《》."""
    exported: date
    """Date of the export."""
    notes: list[str]
    """Header lines (the implied implementers, said once instead of on every row)."""
    columns: list[Column]
    """Columns of the rows."""
    rows: list[Row]
    """The tasks, in plan order."""
    name: str = "任务分工表"
    """What the document is; the title is the plan title followed by it."""

    @property
    def title(self) -> str:
        """Title of the document, e.g. ``《…》任务分工表``."""
        return f"{self.plan_title}{self.name}"

    @property
    def meta(self) -> list[tuple[str, str]]:
        """Header lines as (label, text)."""
        rows = len(self.rows)
        items = item_count(r.task for r in self.rows)  # (numbered items: the rows of one 序号 are one)
        said = count_said(items, items, "items") + count_said(items, rows, "table_rows_after")
        return [("方案", self.plan_title), ("导出日期", self.exported.isoformat()), ("任务数", said)] + [
            ("说明", note) for note in self.notes
        ]


@dataclass(slots=True)
class MatrixRow:
    """One department of the matrix."""

    department: str
    """Canonical name (or sub-unit)."""
    display: str
    """Name as shown: a sub-unit with its parent, ``市能源办（市发展改革委）``."""
    counts: dict[str, int]
    """lead / support / sole / shared / total (distinct numbered items: ``Plan.role_counts``) counts."""
    marks: list[str]
    """One mark per task column: 牵, 配, 责, 分 (joined with 、 for several roles) or ``""``."""
    rows: dict[str, int] = field(default_factory=dict)
    """The same keys as ``counts``: the task columns (task rows) marked with the role, any for total — more than
    the count where a 任务分工表 序号 spans several rows."""
    plan: str | None = None
    """With several plans: the document id of the plan this row counts (a department of one name in two
    plans, 县交通运输局 of two counties, is two rows: never merged across plans), else None."""

    def count_text(self, key: str) -> str:
        """A count cell: ``13``, or ``13（21 行）`` where the row marks more task columns than it counts items."""
        items, rows = self.counts[key], self.rows.get(key, self.counts[key])
        return count_said(items, rows, "cell_rows")


@dataclass(slots=True)
class MatrixExport:
    """Departments × tasks (分工矩阵), sorted by each department's total."""

    plan_title: str
    """Title(s) of the plan, in 《》."""
    exported: date
    """Date of the export."""
    tasks: list[Task]
    """The task columns: every task with a lead, support, sole or shared department, in plan order."""
    rows: list[MatrixRow]
    """The departments, most tasks first; with several plans one row per (plan, department), plan by plan."""
    roles: tuple[str, ...] = ("lead", "support", "sole", "shared")
    """The role count columns: the roles some task gives (``roles_given``): a role nobody holds has none."""
    plans: list[tuple[str, str]] = field(default_factory=list)
    """With several plans: (document id, title) of each, in corpus order; their tasks' columns are headed
    ``方案2 一1`` (plans number their tasks alike), else empty."""
    notes: list[str] = field(default_factory=list)
    """Header lines after the legend: a row of a bare division two bureaus write (办公室) says whose its items are not
    written (``kb.duties.division_choices``)."""

    @property
    def title(self) -> str:
        """Title of the document."""
        return f"{self.plan_title}分工矩阵"

    @property
    def labels(self) -> list[str]:
        """The heading of each task column: its label, after its plan's number when several plans are loaded."""
        number = {doc_id: i for i, (doc_id, _) in enumerate(self.plans, 1)}
        return [f"方案{number[t.doc]} {t.label}" if t.doc in number else t.label for t in self.tasks]

    @property
    def rows_said(self) -> bool:
        """Some count cell says rows after its items (``MatrixRow.count_text``)."""
        return any(r.rows.get(k, n) != n for r in self.rows for k, n in r.counts.items())

    @property
    def meta(self) -> list[tuple[str, str]]:
        """Header lines as (label, text)."""
        lines = [("方案", self.plan_title), ("导出日期", self.exported.isoformat()),
                 ("说明", matrix_legend(self.roles, self.rows_said))]
        if self.plans:
            lines.append(("方案编号", "；".join(f"方案{i}＝《{title}》" for i, (_, title) in enumerate(self.plans, 1))))
        return lines + [("说明", note) for note in self.notes]


# ---------------------------------------------------------------- small renderers


def export_date() -> date:
    """Today, or the date of ``$SOURCE_DATE_EPOCH`` (reproducible exports, golden files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise KbError(f"SOURCE_DATE_EPOCH={epoch!r} 不是以秒计的 Unix 时间（请改正或取消这个环境变量）") from None
    return date.today()


def format_number(value: float) -> str:
    """27.9 → ``27.9``, 10.0 → ``10``, 0.34 → ``0.34`` (no exponent, no trailing zeros)."""
    text = format(value, ".15g")  # 15 digits: exact for plan figures, hides float noise (0.1+0.2)
    if "e" in text:  # very large or small: write the digits out
        text = format(Decimal(text), "f")
    return text


def render_target(t: Target) -> str:
    """A target as one readable line: ``细颗粒物（PM2.5）年均浓度 较2015年下降 ≥27.9%（到2020年）``.

    Scope first (``主城区 …``), the change against the baseline, the comparator
    and value with its unit, the year; stretch targets end with ``（力争）``.
    """
    head = f"{t.scope} {t.metric}" if t.scope else t.metric
    change = (f"较{t.baseline_year}年" if t.baseline_year else "") + (t.direction or "")
    # (a value the plan writes in words or approximately — 超过一半, 10个左右 — is printed as written, never as the number
    # kb derived from it: >50% and 10个 said more than the plan; review-rest 1)
    value = t.written or ("" if t.comparator == "=" else t.comparator) + format_number(t.value) + t.unit
    text = " ".join(p for p in (head, change, value) if p)
    if t.year:
        text += f"（到{t.year}年）"
    elif t.from_year:
        text += f"（自{t.from_year}年起）"  # (a start: never "by" it)
    if t.stretch:
        text += "（力争）"
    return text


#: Deadline kinds (``Deadline.kind``) that say when a task starts, not when it is done: 自2019年7月1日起 in a 完成时限
#: column reads as a deadline, so an export prints them in a column of their own (开始时间), never under 完成时限.
START_KINDS = frozenset({"from"})


def deadline_texts(task: Task) -> list[str]:
    """The task's deadline texts (when it is to be done: not its start), in order, without repeats."""
    return list(dict.fromkeys(d.text for d in task.deadlines if d.kind not in START_KINDS))


def start_texts(task: Task) -> list[str]:
    """The texts of the task's start dates (自2019年7月1日起, kind ``from``), in order, without repeats."""
    return list(dict.fromkeys(d.text for d in task.deadlines if d.kind in START_KINDS))


def time_facts(task: Task) -> list[tuple[str, str]]:
    """(label, text) of a task's dates as duty lists, ``kb duties`` and the TUI show them: ``开始时间`` for its starts,
    ``完成时限`` for its deadlines — each only when it has some (a task with a start only printed an empty 完成时限)."""
    facts = []
    starts, done = start_texts(task), deadline_texts(task)
    if starts:
        facts.append(("开始时间", "；".join(starts)))
    if done:
        facts.append(("完成时限", "；".join(done)))
    return facts


def has_start(tasks) -> bool:
    """Whether some task states a start date (the export then has a 开始时间 column)."""
    return any(d.kind in START_KINDS for t in tasks for d in t.deadlines)


def target_texts(task: Task) -> list[str]:
    """The task's targets rendered by ``render_target``, without repeats."""
    return list(dict.fromkeys(render_target(t) for t in task.targets))


def with_subunits(task: Task, names: list[str]) -> list[str]:
    """Department names with their sub-units in brackets, as the plan writes them."""
    return [f"{n}（{'、'.join(task.subunits[n])}）" if task.subunits.get(n) else n for n in names]


def section_text(task: Task) -> str:
    """Where the task stands: ``三（一）调整产业结构，深化工业污染治理``, ``四、保障措施``, or ``""`` before the first part."""
    if task.section and task.kind != "measure":
        return f"{task.section}{task.section_title or ''}"
    return f"{task.part}、{task.part_title}" if task.part else ""  # (an opening paragraph before 一、)


def join_cell(key: str, value: str | list[str], sep: str = "；") -> str:
    """A cell as one string: departments joined with 、, deadlines and targets with ``sep``."""
    if isinstance(value, str):
        return value
    return ("、" if key in DEPARTMENT_KEYS else sep).join(value)


def display_width(text: str) -> int:
    """Width of ``text`` in terminal/spreadsheet cells: CJK and full-width characters count 2 (kb.linebreak's)."""
    from kb.linebreak import display_width as width

    return width(text)


def plan_title(plan: Plan) -> str:
    """The plan's name(s) (``Document.name``) in 《》, joined with 、 for a corpus of several plans."""
    titles = [f"《{d.name}》" for d in plan.documents if d.name]
    return "、".join(titles) or "《方案》"


def _doc_titles(plan: Plan) -> dict[str, str] | None:
    """Document id → name (``Document.name``) when the plan has several documents (a 方案 column is then shown)."""
    if len(plan.documents) < 2:
        return None
    return {d.id: d.name or d.id for d in plan.documents}


def _task_cells(task: Task, doc_titles: dict[str, str] | None, exclude: str | None = None) -> dict:
    """The cells every table shares, departments without ``exclude`` (and its parent/sub-unit line)."""

    def names(role: str) -> list[str]:
        kept = [n for n in getattr(task, role) if exclude is None or (n != exclude and exclude not in task.subunits.get(n, ()))]
        return with_subunits(task, kept)

    responsible = names("sole")
    shared = names("shared")
    if shared:
        responsible = responsible + [f"{'、'.join(shared)}（{ROLE_NAMES['shared']}）"]
    cells = {
        "label": task.label,
        "section": section_text(task),
        "title": task_heading(task),  # the heading sentence, else the first clause
        "text": task.text,
        "lead": names("lead"),
        "guide": names("guide"),
        "support": names("support"),
        "responsible": responsible,
        "starts": start_texts(task),
        "deadlines": deadline_texts(task),
        "targets": target_texts(task),
    }
    if doc_titles is not None:
        cells["doc"] = doc_titles.get(task.doc, task.doc)
    return cells


def _columns(doc_titles, other: bool, roles: tuple[str, ...] = (), starts: bool = False) -> list[Column]:
    """The task columns; ``other`` names the department columns of a duty list (本单位 left out).

    ``roles``: the roles some task gives (``roles_given``); a role nobody holds has no department column
    (a plan where nobody leads has no 牵头单位 column; 责任单位 holds 单独负责 and 共同负责).  ``starts``: some task
    states a start date (自2019年7月1日起): a 开始时间 column before 完成时限, which holds deadlines only."""
    prefix = "其他" if other else ""
    # Caps keep a printed A4 landscape page at about 70 % scale or more; longer text wraps.
    cols = [
        Column("label", "序号", 12, 1.6),
        Column("section", "章节", 16, 2.4),
        Column("title", "任务", 16, 2.6),
        Column("text", "任务内容", 44, 8.0),
        Column("lead", f"{prefix}牵头单位", 16, 2.6),
        Column("support", f"{prefix}配合单位", 18, 2.8),
        Column("responsible", f"{prefix}责任单位", 16, 2.4),
        Column("deadlines", "完成时限", 12, 2.0),
        Column("targets", "目标指标", 28, 2.8),
    ]
    if starts:
        cols.insert(next(i for i, c in enumerate(cols) if c.key == "deadlines"), Column("starts", "开始时间", 12, 2.0))
    cols.insert(5, Column("guide", f"{prefix}指导单位", 16, 2.4))
    unit_roles = {"lead": ("lead",), "guide": ("guide",), "support": ("support",), "responsible": ("sole", "shared")}
    cols = [c for c in cols if c.key not in unit_roles or any(r in roles for r in unit_roles[c.key])]
    if doc_titles is not None:
        cols.insert(0, Column("doc", "方案", 16, 2.4))
    return cols


# ---------------------------------------------------------------- builders


def build_duty_list(plan: Plan, department: str, selection=None) -> DutyExport:
    """The duty list of ``department`` (a canonical name or sub-unit already resolved).

    Every role the department holds in a task lists that task under the role's
    group (a district government that supports 三（一）1 and implements every task
    of 三 finds 三（一）1 under both 配合 and 落实), so each group is complete.
    ``selection``: only the tasks it accepts (kb/select.py), when given.
    """
    from kb.duties import division_choices, place_body
    from kb.select import EVERY_PARAGRAPH

    # 浦东新区政府 and 浦东新区: one body, the tasks of every spelling the plan writes (kb.duties.place_body, as
    # kb duties and the questions); the 其他单位 cells of a row leave out the spelling that row's task writes
    plan, spellings = place_body(plan, department)
    parent = plan.subunits().get(department)
    doc_titles = _doc_titles(plan)
    groups: list[Group] = []
    counts: dict[str, int] = {}
    listed: dict[str, Task] = {}
    held = plan.roles_held()
    for role in GROUP_ORDER:
        if role != "implied" and role not in held:
            continue  # a role nobody in the plan holds (指导 in most plans): no count, no group
        tasks = (selection or EVERY_PARAGRAPH).select_from(plan.tasks_of(department, role))
        counts[role] = item_count(tasks)  # (numbered items: a 任务分工表 序号 over rows is one)
        if not tasks:
            continue
        group = Group(role, ROLE_LABELS[role])
        for t in tasks:
            listed.setdefault(t.id, t)
            written = next((n for n in spellings if t.roles_of(n)), department)
            cells = _task_cells(t, doc_titles, exclude=written)
            cells["role"] = ROLE_LABELS[role]
            group.rows.append(Row(t, role, cells))
        groups.append(group)
    columns = [Column("role", "职责", 10, 1.4), *_columns(doc_titles, other=True, roles=plan.roles_given(),
                                                          starts=has_start(r.task for g in groups for r in g.rows))]
    choices = division_choices(plan, department)  # (办公室 of two bureaus: what kb duties 办公室 says, else None)
    notes = _duty_notes(plan, department, parent, counts, spellings, choices)
    return DutyExport(
        department=department,
        parent=parent,
        plan_title=plan_title(plan),
        exported=export_date(),
        counts=counts,
        total=item_count(listed.values()),
        notes=notes,
        groups=groups,
        columns=columns,
        row_note=notes[0] if choices is not None else "",
    )


def _duty_notes(plan: Plan, department: str, parent: str | None, counts: dict[str, int],
                spellings: tuple[str, ...] = (), choices: str | None = None) -> list[str]:
    """The 说明 lines of a duty list; ``choices``: ``kb.duties.division_choices`` of the department (first line)."""
    from kb.duties import written_as

    notes = []
    if choices is not None:
        # (办公室 of 市交通委办公室 and 市公安局办公室: ``kb duties 办公室`` refuses; the list --all writes says why)
        from kb.qa.wording import load_answer_words

        notes.append(choices + load_answer_words()["division_list_bare"].format(name=department))
    said = written_as(plan.tasks_of(department, "any"), spellings)
    if said:
        notes.append(f"{'、'.join(spellings)}是同一机构{said}；清单列出方案写作其中任一名称的任务。")
    if parent:
        notes.append(f"{department}是{parent}的下属单位；清单列出方案写作“{parent}（{department}）”的任务。")
    via: dict[str, list[Task]] = {}  # sub-unit → the tasks written 部门（下属单位）
    for t in plan.tasks_of(department, "any"):
        for sub in t.subunits.get(department, ()):
            via.setdefault(sub, []).append(t)
    for sub, tasks in via.items():
        # (numbered items, as 任务数 counts them; the labels are the rows)
        notes.append(f"其中 {count_said(item_count(tasks), len(tasks))}方案写作“{department}（{sub}）”"
                     f"（{'、'.join(t.label for t in tasks)}），另见{sub}的责任清单。")
    if counts.get("implied"):
        implied = plan.tasks_of(department, "implied")
        parts = "、".join(dict.fromkeys(f"{t.part}、{t.part_title}" for t in implied))
        quote = next((n for t in plan.tasks for n in t.notes if department in n), None)
        said = f"方案要求“{quote}”，" if quote else "按方案要求，"
        notes.append(f"{said}本清单“落实”部分列出本单位须落实的全部 {counts['implied']} 项任务（{parts}）。")
    return notes


def table_rows(plan: Plan, selection=None) -> list[Task]:
    """The tasks of the division table: the paragraphs ``selection`` accepts (kb/select.py, the one
    filter of qa, ``kb grep`` and exports; default every paragraph) that carry a department, a deadline
    or a target.

    Paragraphs with none of these (一、总体要求, the items of 四、保障措施) assign
    nothing to anyone and are left out; the goals (二、工作目标) stay when the
    parser found their targets.
    """
    from kb.select import EVERY_PARAGRAPH

    chosen = (selection or EVERY_PARAGRAPH).select(plan)
    return [t for t in chosen if t.departments("any") or t.implied
            or (t.deadlines or t.targets) and not _preface_or_notice(t)]


def _preface_or_notice(task: Task) -> bool:
    """A document's preface (引言, 引言2, 行动计划引言: the paragraphs before its first part) or a cover notice's own
    requirement (通知一 …): what it dates or targets frames the plan — no task of its division table unless it names
    units (为…，到2025年…达到10%，制定本方案。 was the table's row 引言1)."""
    from kb.parser.core import OPENING_LABEL
    from kb.parser.structure import NOTICE_PART

    if task.part == NOTICE_PART:
        return True
    return re.fullmatch(rf"{re.escape(task.part)}{OPENING_LABEL}\d*", task.label or "") is not None


def build_table(plan: Plan, tasks: list[Task] | None = None, name: str = "任务分工表", selection=None) -> TableExport:
    """The task division table of the whole plan (of the tasks ``selection`` accepts), or of ``tasks``
    (an answer's list) under the title ``name``."""
    doc_titles = _doc_titles(plan)
    tasks = table_rows(plan, selection) if tasks is None else tasks
    rows = [Row(t, None, _task_cells(t, doc_titles)) for t in tasks]
    return TableExport(plan_title(plan), export_date(), _implied_notes(plan, tasks), _columns(doc_titles, other=False, roles=roles_given(tasks), starts=has_start(tasks)), rows, name)


def _implied_notes(plan: Plan, tasks: list[Task]) -> list[str]:
    """One line per set of implied implementers, instead of repeating them on every row."""
    by_names: dict[tuple[str, ...], list[Task]] = {}
    for t in tasks:
        if t.implied:
            by_names.setdefault(tuple(t.implied), []).append(t)
    notes = []
    for names, implied in by_names.items():
        quote = next((n for t in plan.tasks for n in t.notes if names[0] in n), None)
        parts = "、".join(dict.fromkeys(f"{t.part}、{t.part_title}" for t in implied))
        said = f"（方案：“{quote}”）" if quote else ""
        rows = count_said(item_count(implied), table_row_count(implied), "rows_after")
        notes.append(f"{'、'.join(names)}负责落实{parts}的全部 {item_count(implied)} 项任务{rows}{said}，表中不逐项列出。")
    return notes


def build_matrix(plan: Plan, selection=None) -> MatrixExport:
    """Departments × tasks with their role marks and totals, most tasks first (the tasks ``selection``
    accepts: kb/select.py; default every paragraph with a department)."""
    from kb.select import EVERY_PARAGRAPH

    tasks = [t for t in (selection or EVERY_PARAGRAPH).select(plan) if t.departments("any")]
    if selection is not None:  # counts over the selected tasks only
        plan = Plan(documents=plan.documents, tasks=tasks, registry=plan.registry)
    held = plan.roles_given()
    plans = [(d.id, d.name or d.id) for d in plan.documents] if len(plan.documents) > 1 else []
    if not plans:
        rows = _matrix_rows(plan, tasks, held, None, "")
    else:
        # One row per (plan, department), plan by plan, as kb duties never merges a name across plans;
        # the row is named with its plan's number, as the columns are (方案2 县交通运输局 / 方案2 一1).
        rows = []
        for number, (doc_id, _) in enumerate(plans, 1):
            own = [t for t in tasks if t.doc == doc_id]
            sub = Plan(documents=[d for d in plan.documents if d.id == doc_id], tasks=own, registry=plan.registry)
            rows += _matrix_rows(sub, tasks, held, doc_id, f"方案{number} ")
    return MatrixExport(plan_title(plan), export_date(), tasks, rows, held, plans, _division_rows_notes(plan, rows))


def _division_rows_notes(plan: Plan, rows: list[MatrixRow]) -> list[str]:
    """A note for each row of a bare division two bureaus write (办公室 beside 市交通委办公室, 市公安局办公室): what
    ``kb duties 办公室`` says (``kb.duties.division_choices``), and that the row counts only the items writing it alone."""
    from kb.duties import division_choices
    from kb.qa.wording import load_answer_words

    notes = []
    for name in dict.fromkeys(r.department for r in rows if r.plan is None):
        said = division_choices(plan, name)
        if said is not None:
            notes.append(said + load_answer_words()["division_row_bare"].format(name=name))
    return notes


def _matrix_rows(plan: Plan, columns: list[Task], held, doc_id: str | None, prefix: str) -> list[MatrixRow]:
    """The rows of the departments of ``plan`` (its counts), marked in ``columns`` (tasks of other plans stay
    blank), most tasks first; ``prefix`` starts each row's shown name."""
    from kb.duties import department_counts
    from kb.registry import division_units

    subunits = plan.subunits()
    # (a row counting a division written two ways, 科技信息处 / 市交通委科技信息处, marks the columns of every spelling:
    # the identity of its counts, else 2 items read "1 行" and the twins' columns stay blank)
    spellings: dict[str, list[str]] = {}
    for member, unit in division_units(plan).items():
        spellings.setdefault(unit, []).append(member)
    rows = []
    for name, counts in department_counts(plan):
        if not counts["total"]:
            continue
        names = spellings.get(name, [name])
        marks = []
        marked = {k: 0 for k in (*held, "total")}  # (task columns marked: rows, where the counts are items)
        for t in columns:
            held_here = {r for n in names for r in t.roles_of(n)} if doc_id is None or t.doc == doc_id else set()
            roles = [r for r in held if r in held_here]
            marks.append("、".join(MATRIX_MARKS[r] for r in roles))
            for r in roles:
                marked[r] += 1
            marked["total"] += bool(roles)
        display = f"{prefix}{name}（{subunits[name]}）" if name in subunits else f"{prefix}{name}"
        rows.append(MatrixRow(name, display, {k: counts.get(k, 0) for k in (*held, "total")}, marks, marked, doc_id))
    return rows
