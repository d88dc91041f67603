"""The plan as data: the dataclasses every other part of kb reads.

The parser fills them; the store caches them; qa, grep, export and the TUI only
read them.  ``to_dict`` gives the JSON shape of ``kb tasks --json`` (the one task
shape every command prints).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import get_args, get_origin, get_type_hints

#: The roles a department can have in a task, in the order officials list them.
#: ``guide`` (指导: a ministry steering the units that do the work) follows ``lead``.
ROLES = ("lead", "guide", "support", "sole", "shared")

#: Between an annex's cite and its own part's numeral in a section label (附件·二（一）: kb/parser/structure.py, an annex
#: written in two heading levels).
ANNEX_LEVEL_MARK = "·"
#: The label of the paragraphs standing before a document's first part (its opening: 引言, 引言1 …; kb/parser/core.py).
OPENING_LABEL = "引言"
#: The part of a cover notice's own numbered requirements (一、各责任单位要…于2023年1月15日前报… before the plan it hands
#: on): paragraphs of the notice, labelled 通知一, 通知二 … — no part of the plan, no task proper (kb/parser/structure.py).
NOTICE_PART = "通知"

#: Roles few plans use: listings, exports and answers show them only when some task of the
#: plan gives them to a department (``roles_held``), so a plan without 指导 looks as before.
OPTIONAL_ROLES = ("guide",)

#: Chinese names of the roles, as written in the plan's tags and in exports.  ``sole`` is ONE unit alone (负责);
#: ``shared`` is several units responsible together, or a 按职责分工负责 list (共同负责): README A2.
ROLE_NAMES = {
    "lead": "牵头",
    "guide": "指导",
    "support": "配合",
    "sole": "负责",
    "shared": "共同负责",
    "implied": "落实",
}


@dataclass(slots=True)
class Deadline:
    """A time limit found in one clause of a task."""

    text: str
    """The words of the plan that state it, e.g. ``2020年年底前``."""
    kind: str
    """``by`` (done by ``end``), ``during`` (within the period ``start``..``end``: a year, month,
    quarter or season), ``from`` (from ``start`` on), ``range`` (``start``..``end``), ``within``
    (a relative limit, 5年内 / 印发之日起30日内: dates only when the plan states the start, else
    None), ``ongoing`` (a tag's 年内持续推进 / 长期坚持: no dates) or ``recurring`` (a limit of every period,
    每年2月底前 / 每季度末 / 每半年报送: the plan's words, no dates)."""
    start: str | None
    """ISO date the period starts, or None for ``by``."""
    end: str | None
    """ISO date the period ends, or None for ``from``."""
    clause: int = 0
    """Index of the clause in ``Task.clauses`` it was found in; ``len(clauses)`` for the tag and for a heading's limit."""
    heading: str = ""
    """The heading that states this limit for the items under it, as the plan writes it (``二（二）建设及试运行阶段（2025年
    年底前）``, ``三、近期任务（2024—2025年）``, ``第一阶段：2024年底前``), when the task states no limit of its own; "" for
    the task's own limit (kb/parser/core.py ``rule_heading_deadlines``)."""
    batch: str = ""
    """The batch of units this limit is theirs, as the plan writes it (``第三批`` of ``试点单位：…；第三批：其他区直部门，
    2018年12月底前完成``); "" for a limit of the whole task."""
    units: list[str] = field(default_factory=list)
    """The units of ``batch`` (names as in the task's roles); [] for a limit of the whole task."""

    @classmethod
    def from_dict(cls, data: dict) -> "Deadline":
        """The inverse of ``asdict`` (see ``from_dict``)."""
        return from_dict(cls, data)


@dataclass(slots=True)
class Target:
    """A numeric target found in one clause of a task."""

    text: str
    """The words of the plan that state it."""
    metric: str
    """What is measured, e.g. ``细颗粒物（PM2.5）年均浓度`` or ``机械化清扫率``."""
    value: float
    """The number, e.g. 27.9 for 27.9%."""
    unit: str
    """Unit as written: ``%``, ``万吨``, ``蒸吨/小时``, ``天``, or ``""``."""
    comparator: str
    """``≥``, ``≤``, ``>``, ``<`` or ``=``."""
    direction: str | None = None
    """The verb: 下降, 削减, 达到, 提高到, 控制在 … or None."""
    baseline_year: int | None = None
    """Year the change is measured against (``较2015年``), if any."""
    stretch: bool = False
    """True for a stretch target (``力争…``)."""
    scope: str | None = None
    """Where it applies (主城区, 荣县、富顺县 …), if stated."""
    year: int | None = None
    """Year by which it applies, when the clause names one (到2020年, 2020年底前) — else, in a task that states no limit of
    its own, the year by which the limit its heading states ends (``Deadline.heading``: 累计划设航线不少于150条 under
    ``（二）…阶段（2025年年底前）``)."""
    clause: int = 0
    """Index of the clause in ``Task.clauses`` it was found in."""
    written: str = ""
    """The plan's words for the value when it is written in words or approximately (超过一半, 一半以上, 10个左右),
    comparator word included; "" when the number as written says it (an answer says ``written``, never a number kb
    derived from words)."""
    from_year: int | None = None
    """Year from which it applies when the clause's time is a start (自2019年起, 2019年开始): said ``自2019年起``, never
    as ``year`` — "by 2019" of work that starts in 2019."""

    @classmethod
    def from_dict(cls, data: dict) -> "Target":
        """The inverse of ``asdict`` (see ``from_dict``)."""
        return from_dict(cls, data)


@dataclass(slots=True)
class Task:
    """One paragraph of the plan: a task of 三、重点任务 or any other paragraph.

    Every paragraph of the plan body is a Task so that ``kb tasks`` lists the
    whole plan in order; ``kind`` says what it is.
    """

    id: str
    """Stable id: ``<document id>#<part>.<section>.<paragraph>`` (digits; 0 = none)."""
    doc: str
    """Id of the document (plan file) it comes from."""
    label: str
    """The label officials cite, e.g. ``三（一）2``, ``四（三）`` or ``二``."""
    part: str
    """Part numeral, e.g. ``三``."""
    part_title: str
    """Part heading without numeral, e.g. ``重点任务``."""
    section: str | None
    """Section label, e.g. ``三（一）``, or None when the part has no sections."""
    section_title: str | None
    """Section heading without its number, e.g. ``调整产业结构，深化工业污染治理``."""
    kind: str
    """``task`` (carries a responsibility tag), ``measure`` (inline-heading item) or ``paragraph``."""
    title: str | None
    """The paragraph's heading sentence, e.g. ``加大区域产业布局调整力度``, or None."""
    text: str
    """The full cleaned paragraph as in the plan, tag included."""
    body: str = ""
    """The text without its responsibility tag (a table row naming an item, 权力责任名称 / 指标名称: the item's name; its
    text is the name, its description and basis, then the tag)."""
    clauses: list[str] = field(default_factory=list)
    """The sentences of ``body``, each ending with its punctuation."""
    tag: str | None = None
    """The responsibility tag as written, brackets included, or None."""
    lead: list[str] = field(default_factory=list)
    """Canonical names of the lead (牵头) departments, in tag order."""
    guide: list[str] = field(default_factory=list)
    """Departments that guide (指导) the units doing the task, e.g. a ministry over pilot cities."""
    support: list[str] = field(default_factory=list)
    """Canonical names of the supporting (配合) departments."""
    sole: list[str] = field(default_factory=list)
    """The ONE unit responsible alone (负责: ``（X负责）``, ``责任单位：X``); never two (README A2)."""
    shared: list[str] = field(default_factory=list)
    """Units sharing the task (共同负责): several responsible with none of them leading (``（A、B负责）``,
    ``责任单位：A、B``, a table cell ``A、B``), several carrying out under a lead (``X牵头，A、B负责落实``), or a
    按职责分工负责 list (README A2)."""
    implied: list[str] = field(default_factory=list)
    """Implementers a note of the plan attaches to every task of the part (各区县政府 …)."""
    subunits: dict[str, list[str]] = field(default_factory=dict)
    """Sub-units named in brackets after a department: ``{"市发展改革委": ["市能源办"]}``."""
    notes: list[str] = field(default_factory=list)
    """Sentences of the tag that are not role lists (e.g. the implied-implementer note)."""
    fields: dict[str, str] = field(default_factory=dict)
    """Labelled fields of the tag that are not units: ``{"适用范围": "所有自贸试验区", "完成时限": "2019年底"}``."""
    role_source: str | None = None
    """How the roles were read: ``tag`` (a bracket in the paragraph), ``label line`` (a 牵头单位：… line
    after the item), ``prose`` (X会同Y… in a plan without tags), ``heading`` (a heading's tag), ``duty`` (a duty
    section's or an item's unit heading: （一）区建管委 / （二十一）市公安局。负责…), ``note`` (a paragraph that is a
    carry-forward note for the items above it — 上述任务由各区县政府负责落实 — whose units are their ``implied``, no
    role of its own), or None (no roles)."""
    heading_tag: str | None = None
    """The tag of a heading above the task (``（省发改委总牵头）``) whose roles the task also carries, or the
    heading's own role words when it names the units without a bracket (``县示范区管委会牵头`` of
    ``一、县示范区管委会牵头工作(8项)``)."""
    deadlines: list[Deadline] = field(default_factory=list)
    """Time limits of the clauses, in text order."""
    targets: list[Target] = field(default_factory=list)
    """Numeric targets of the clauses, in text order."""
    warnings: list[str] = field(default_factory=list)
    """Problems the parser met in this paragraph (unparsed tag, unknown role word …)."""
    source: str | None = None
    """Where in the file the task was read, for citing next to its label: ``第3页`` (the PDF
    page its paragraph starts on), ``附件1 第12行`` (row of a task table, header row = 第1行;
    ``，第5页`` added for a PDF table), ``第2页，附件1 第3行`` for a paragraph an attachment's
    row was matched to; None for plain text."""
    column: str = ""
    """The header of the task table's column its body was read from (``2025年工作计划``), for a row read as a task of its
    own; empty otherwise.  With ``fields`` (the row's other cells) it makes the row's cells (``cells``)."""
    item: str = ""
    """The task table's numbered item it belongs to, ``附件2 序号6`` (the table's cite and the row's 序号): every row of
    that 序号 and the body paragraph they restate (when all its rows share the 序号) carry it, so that counts and lists
    go by the plan's numbered items, not by rows (``kb.select.item_groups``).  Empty outside a table with 序号."""

    @property
    def section_path(self) -> list[str]:
        """Headings above the task, outermost first (none for an opening paragraph before the first part)."""
        path = [f"{self.part}、{self.part_title}"] if self.part else []
        if self.section and self.kind != "measure":
            own = self.section[len(self.part):]
            if own.startswith(ANNEX_LEVEL_MARK):  # a section of an annex's own part: 附件·二（一） → 二（一）, 附件·二 → 二、
                own = own[1:] if own.endswith("）") else own[1:] + "、"
            path.append(f"{own}{self.section_title}")
        return path

    def cells(self) -> list[tuple[str, str]]:
        """(header, text) of each text cell of a task table's row read as a task (its body under ``column``, then its
        other cells, ``fields``), in that order; [] for any other paragraph.  Searches see them (``search_cells``): a
        value or a year written in a cell other than the body's (2024年工作任务 beside 2025年工作计划) is the row's."""
        if not self.column:
            return []
        return [(self.column, self.body), *((k, v) for k, v in self.fields.items() if v)]

    def departments(self, role: str = "any") -> list[str]:
        """Canonical names with ``role`` (a ROLES entry, ``implied`` or ``any``), without repeats."""
        roles = ROLES if role == "any" else (role,)
        seen: dict[str, None] = {}
        for r in roles:
            for name in getattr(self, r):
                seen.setdefault(name, None)
        return list(seen)

    def roles_of(self, name: str) -> list[str]:
        """Roles (ROLES order, then ``implied``) that department ``name`` has in this task."""
        # (inline ``_holds``: called for every line of a department's answer, 8,000 at 1,000 plans)
        subunits = self.subunits
        if subunits:
            roles = [r for r in ROLES if name in (names := getattr(self, r))
                     or any(name in subunits.get(parent, ()) for parent in names)]
        else:
            roles = [r for r in ROLES if name in getattr(self, r)]
        if name in self.implied:
            roles.append("implied")
        return roles

    def to_dict(self) -> dict:
        """The JSON shape of a task, as printed by every ``--json`` command: ``deadlines`` holds when it is to be done,
        in the item's own words (its clauses and tag, as /work/shared/plans/gold.json's convention reads a plan),
        ``heading_deadlines`` the limit it takes from a heading over it (``Deadline.heading``: the answers, lists and
        exports use both), ``starts`` when it begins (自2019年1月1日起, kind ``from``) — a start is no time limit, as in
        the exports' 开始时间 column."""
        d = asdict(self)
        d["section_path"] = self.section_path
        d["starts"] = [x for x in d["deadlines"] if x["kind"] == "from"]
        d["heading_deadlines"] = [x for x in d["deadlines"] if x["kind"] != "from" and x["heading"]]
        d["deadlines"] = [x for x in d["deadlines"] if x["kind"] != "from" and not x["heading"]]
        return d

    @classmethod
    def from_dict(cls, data: dict) -> "Task":
        """A task from its ``to_dict``/``asdict`` shape (``section_path`` and unknown keys ignored; ``starts`` and
        ``heading_deadlines`` are deadlines again, placed by their clause)."""
        if data.get("starts") or data.get("heading_deadlines"):
            every = list(data.get("deadlines") or []) + list(data.get("heading_deadlines") or []) + list(
                data.get("starts") or [])
            data = dict(data, deadlines=sorted(every, key=lambda x: x.get("clause", 0)))
        return from_dict(cls, data)


def distinct_names(rows: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(id, name) of each (id, name, file) row: a name two plans share carries each one's file —
    自贡市打赢蓝天保卫战实施方案（a.txt）, …（b.txt）: two versions of a plan (a draft and its final text) listed under one name
    could not be told apart in an answer naming each item's plan."""
    seen: dict[str, int] = {}
    for _, name, _ in rows:
        seen[name] = seen.get(name, 0) + 1
    return [(doc_id, f"{name}（{file}）" if seen[name] > 1 else name) for doc_id, name, file in rows]


def item_key(task: Task) -> tuple[str, str]:
    """The numbered item ``task`` is (a part of): (its document, ``Task.item``) for a row of a task table's 序号 and the
    body paragraph its rows restate; (its document, its id) for any other task — an item of its own.  What counts of
    tasks count (``Plan.role_counts``, ``kb.select.item_groups``)."""
    return (task.doc, task.item) if task.item else (task.doc, "#" + task.id)


def division_of(doc: "Document", part: str) -> tuple[str, str] | None:
    """The (cite, title) of the document of a file holding several (``Document.divisions``) that part ``part``
    (``行动计划二``, or a label's part) belongs to; None in a file of one document or for a part of none (an annex)."""
    best = None
    for cite, title in getattr(doc, "divisions", None) or []:
        if part.startswith(cite) and (best is None or len(cite) > len(best[0])):
            best = (cite, title)
    return best


def part_numeral(doc: "Document", part: str) -> str:
    """The numeral of part ``part`` without the cite of its document (``行动计划二`` → ``二``); ``part`` itself in a file of
    one document — what 第二部分 (q.part ``二``) is matched against."""
    division = division_of(doc, part)
    return part[len(division[0]):] if division else part


def item_count(tasks) -> int:
    """How many of the plan's numbered items ``tasks`` are (``item_key``): what every count of tasks says — rows of one
    任务分工表 序号 (and the body paragraph they restate) are one item; where the rows are more, a count says them after
    it (``13 项（21 行）``: kb.duties.count_said)."""
    return len({item_key(t) for t in tasks})


def table_row_count(tasks) -> int:
    """How many rows ``tasks`` are as a 任务分工表 writes them — what a count says after its items (``13 项（任务分工表中
    21 行）``, kb.duties.count_said): each row of a table's 序号 (and the body paragraph they restate) one, any other item
    one.  The clauses of a paragraph cut at its tags are one item (``Task.item`` = its first piece's label) and no
    table's rows, so they add none: a count over them says its items alone."""
    rows, seen = 0, set()
    for t in tasks:
        key = item_key(t)
        if t.item and " 序号" in t.item:
            rows += 1
        elif key not in seen:
            rows += 1
        seen.add(key)
    return rows


@dataclass(slots=True)
class Document:
    """One plan file of the corpus."""

    id: str
    """File name without extension; prefixes every task id."""
    title: str
    """The plan's title, e.g. ``自贡市打赢蓝天保卫战实施方案``."""
    path: str
    """Where it was read from."""
    sha256: str
    """Hash of the raw bytes."""
    encoding: str = "utf-8"
    """Encoding the file was decoded with (of the page for HTML; ``binary`` for PDF, DOCX, XLSX)."""
    format: str = "txt"
    """What the file was read as: ``txt``, ``pdf``, ``docx``, ``html``, ``xlsx``, ``doc`` or ``wps``."""
    preface: str | None = None
    """The news lead before the title (``《…》于近日印发 … 详情如下``), kept once."""
    closing: str | None = None
    """What follows the last task: the issuer's signature and date, ``（此件公开发布）``, 抄送/印发 lines
    (``国务院 2018年12月21日（此件公开发布）``), one per line; no task."""
    cover: str | None = None
    """The transmittal notice before the plan (关于印发/转发…的通知: addressees, 现将《…》印发给你们，请认真贯彻执行,
    signature, date), one paragraph per line; no task."""
    plan_title: str | None = None
    """The plan's own title when a cover notice precedes it (``松江区城市更新2025年度实施计划``); ``title`` stays the
    document's (the notice's) title."""
    parts: list[tuple[str, str]] = field(default_factory=list)
    """Parts as (numeral, title), e.g. ``("三", "重点任务")``."""
    sections: list[tuple[str, str]] = field(default_factory=list)
    """Sections as (label, title), e.g. ``("三（一）", "调整产业结构，深化工业污染治理")``."""
    item_parts: bool = False
    """The plan's parts are its items (``一、…三十、`` measures, one paragraph each, no sections: kb/parser/structure.py
    ``Outline.item_parts``): a part's numeral is its item's own number (第三项 is part 三), and the unmarked paragraphs
    after the last item are the plan's closing words, part ``结语``."""
    annexes: list[tuple[str, str]] = field(default_factory=list)
    """Annexes after the body as (cite, title), e.g. ``("附件", "示范场景")``: their paragraphs are cited ``附件-1`` (like
    annex table rows, ``附件1-3``) and are not among ``parts``."""
    divisions: list[tuple[str, str]] = field(default_factory=list)
    """The documents the file holds when it holds several (a notice handing on 《若干政策》 and 《行动计划》, each numbered
    from 一、), as (cite, title) in order, e.g. ``("行动计划", "安徽省工业互联网创新发展行动计划（2021-2023年）")``: each
    document's parts are its cite and numeral (``行动计划二``), its labels its own (``行动计划二（三）5``); empty for a file
    of one document (kb/parser/structure.py ``Outline.divisions``)."""
    warnings: list[str] = field(default_factory=list)
    """Problems met while reading the document as a whole."""
    registry: str | None = None
    """Name of the issuer's department vocabulary the parser applied (``zigong``), ``""`` when the
    issuer has none (names as written); None for a document not made by the parser (built by
    hand), whose names resolve with the bundled plan's vocabulary."""
    lead_rule: str | None = None
    """The plan's rule for bare lists: ``first_is_lead``, ``responsible_is_lead``, ``equal`` or None."""
    lead_rule_text: str | None = None
    """The plan's words stating that rule (``列第一位者为牵头单位``)."""
    tagged: bool = True
    """False when no paragraph carries a responsibility tag or label line (roles only from prose)."""
    terms: dict[str, list[str]] = field(default_factory=dict)
    """Topics the plan itself names (kb/qa/plan_terms.py): folded term → the ids, after ``#``, of the
    tasks it covers (its heading's tasks, the task it titles, the tasks whose text holds it)."""
    term_headings: dict[str, str] = field(default_factory=dict)
    """Learned term → label of the part or section whose heading names it (``五``, ``二（二）``)."""

    @property
    def name(self) -> str:
        """What every listing calls the plan (answers, duties, exports, TUI): its own title when a cover notice
        precedes it (``plan_title``), else ``title``; one definition, so no listing names a plan by its notice.  A file
        holding several documents (``divisions``) is named by its notice, which names them all — never by its first
        document's title alone."""
        if self.divisions and self.title not in (t for _, t in self.divisions):
            return self.title
        return self.plan_title or self.title

    def to_dict(self) -> dict:
        """JSON shape of the document header."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        """A document from its ``to_dict`` shape (unknown keys ignored)."""
        return from_dict(cls, data)


@dataclass(slots=True)
class Plan:
    """Everything kb knows: the documents and their tasks, in corpus order.

    Lookups (``task``, ``tasks_of``, ``departments``, ``subunits``) use maps
    built on first use, so calling them once per item is not quadratic.
    ``kb.store.StoredPlan`` answers the same calls from the SQLite store without
    loading every task; code that only needs some tasks should use these
    methods (or ``iter_tasks``) rather than scanning ``tasks``.
    """

    documents: list[Document] = field(default_factory=list)
    """The plan files read."""
    tasks: list[Task] = field(default_factory=list)
    """Every paragraph of every document, in order."""
    registry: object | None = None
    """The department registry (kb.registry.Registry) the plan was parsed with."""
    _maps: "_PlanMaps | None" = field(default=None, init=False, repr=False, compare=False)

    def _lookup(self) -> "_PlanMaps":
        maps = self._maps
        # ``tasks`` is a plain list others may extend: rebuild when it changed.
        if maps is None or maps.count != len(self.tasks) or (self.tasks and maps.first is not self.tasks[0]):
            maps = self._maps = _PlanMaps(self.tasks)
        return maps

    def task(self, task_id: str) -> Task | None:
        """The task with ``task_id`` (or label, when unique), or None."""
        maps = self._lookup()
        found = maps.by_id.get(task_id)
        if found is not None:
            return found
        hits = maps.by_label.get(task_id, ())
        return hits[0] if len(hits) == 1 else None

    def position(self, task: Task) -> int:
        """Ordinal of ``task`` in corpus order (for sorting), -1 when it is not in the plan."""
        return self._lookup().order.get(task.id, -1)

    def iter_tasks(self):
        """Every task in corpus order, one at a time (a stored plan streams them)."""
        return iter(self.tasks)

    def departments(self) -> list[str]:
        """Every department named in a tag or note, in order of first appearance."""
        return list(self._lookup().departments)

    def tasks_of(self, name: str, role: str = "any") -> list[Task]:
        """Tasks in which department ``name`` has ``role``, in plan order.

        ``role`` is a ROLES entry, ``implied`` or ``any`` (lead/support/sole/shared).
        A sub-unit (市能源办) has the role of the department it is written under.
        """
        roles = ROLES if role == "any" else (role,)
        by_role = self._lookup().by_role
        if len(roles) == 1:
            return list(by_role.get((name, roles[0]), ()))
        seen: dict[int, Task] = {}
        for r in roles:
            for t in by_role.get((name, r), ()):
                seen[id(t)] = t
        order = self._lookup().order
        return sorted(seen.values(), key=lambda t: order[t.id])

    def role_counts(self, rows: bool = False) -> dict[str, dict[str, int]]:
        """Department or sub-unit → number of tasks per role (ROLES, ``implied``) and ``any`` (distinct tasks, ROLES),
        counted as the plan's numbered items (``item_key``: a 任务分工表 序号 over several rows is one); ``rows``: the
        tasks themselves (what the store keeps a row of, and checks its rows against)."""
        count = (lambda tasks: len({id(t) for t in tasks})) if rows else item_count
        by_role = self._lookup().by_role
        out: dict[str, dict[str, int]] = {}
        for (name, role), tasks in by_role.items():
            out.setdefault(name, {})[role] = count(tasks)
        for name, counts in out.items():
            counts["any"] = count(t for r in ROLES for t in by_role.get((name, r), ()))
        return out

    def characters(self) -> frozenset[str]:
        """Every character of the paragraphs (as written) and the document titles."""
        return frozenset("".join(t.text for t in self.tasks) + "".join(d.title for d in self.documents))

    def mentions(self):
        """Something answering ``word in plan.mentions()``: a folded document title, heading (``heading_text``) or
        paragraph holds ``word`` — a year written only in a heading (``（二）建设及试运行阶段（2025年年底前）``) is the plan's.

        Here the joined folded text; a stored plan answers from the store without loading tasks.
        """
        from kb.qa.text import fold

        return "\n".join([fold(d.title) for d in self.documents] + [self.heading_text()]
                          + [text for _, text in self._folded(fold, "paragraph")])

    def heading_text(self) -> str:
        """The titles of every plan's parts and sections, folded, one a line (does a heading say X?; a stored plan
        reads them from its plans' rows)."""
        from kb.qa.text import fold

        return "\n".join(fold(t) for d in self.documents for _, t in (*d.parts, *d.sections))

    def roles_held(self) -> tuple[str, ...]:
        """ROLES worth a column or group for this plan (see ``roles_held``)."""
        return roles_held(self.tasks)

    def roles_given(self) -> tuple[str, ...]:
        """ROLES some task gives some department (a plan of bare 负责 lists gives no 牵头 at all)."""
        return roles_given(self.tasks)

    def subunits(self) -> dict[str, str]:
        """Every sub-unit named in the plan, mapped to its parent department."""
        return dict(self._lookup().subunits)

    def titled_in(self, text: str, fold) -> list[Task]:
        """Tasks whose title, folded by ``fold``, has 4+ characters and stands in ``text``, in plan order."""
        out = []
        for t in self.tasks:
            if t.title:
                title = fold(t.title)
                if len(title) >= 4 and title in text:
                    out.append(t)
        return out

    def part_tasks(self, doc_id: str, part: str) -> list[Task]:
        """The paragraphs of part ``part`` (``二``) of document ``doc_id``, in order."""
        return [t for t in self.tasks if t.doc == doc_id and t.part == part]

    def target_keys(self) -> list[tuple[str, int, str, str | None, int | None]]:
        """(task id, the target's number in ``Task.targets``, metric, scope, year) of every target, in plan order
        (what names and dates a target, read by a stored plan from its targets' rows without building tasks)."""
        return [(t.id, n, tg.metric, tg.scope, tg.year) for t in self.with_targets() for n, tg in enumerate(t.targets)]

    def parts_tasks(self, pairs) -> list[Task]:
        """The paragraphs of the parts ``pairs`` ((document id, part number) each), in plan order (one read of a
        stored plan, not one per document)."""
        wanted = set(pairs)
        return [t for t in self.tasks if (t.doc, t.part) in wanted]

    def tasks_naming_in_fields(self, word: str, fold) -> list[Task]:
        """Tasks (any kind) one of whose ``fields`` (the row's other cells: 市卫健委内牵头处室：中医药处), folded by
        ``fold``, holds ``word`` (folded already), in plan order: a table row merged into a body paragraph keeps
        its cells only there (no search text holds them), and a name written only in them is still written."""
        if not word:
            return []
        return [t for t in self.tasks if any(word in fold(v) for v in t.fields.values() if v)]

    def tasks_matching(self, groups, fold, *, field: str = "text", kinds=("task",)) -> list[Task]:
        """Tasks (of ``kinds``; None: any) whose folded ``field`` holds a word of every group, in plan order.

        ``field``: ``text`` (title and body, the question answerer's search text) or
        ``title``.  Words are folded already; ``fold`` folds the task's side.
        """
        out = []
        for t, text in self._folded(fold, field):
            if kinds is not None and t.kind not in kinds:
                continue
            if all(any(w in text for w in g) for g in groups):
                out.append(t)
        return out

    def _folded(self, fold, field: str) -> list[tuple[Task, str]]:
        """(task, its folded ``field``) of every task with one, in plan order.

        ``field``: ``text`` (title and body), ``title`` (tasks with a title only) or ``paragraph``
        (the paragraph as written, ``Task.text``).

        Folding (NFKC) every paragraph again for each topic word was most of a warm topic answer's
        time: each folded text is kept with the strings it was folded from and folded again only
        when the task or those strings are no longer the same objects (a task edited in place).
        """
        memo = self._lookup().folded.setdefault((fold, field), {})
        out = []
        for t in self.tasks:
            title = t.title
            if field == "title":
                if not title:
                    continue
                source = title
            elif field == "paragraph":
                title, source = None, t.text
            else:
                source = t.body or t.text
            kept = memo.get(id(t))
            if kept is None or kept[0] is not t or kept[1] is not title or kept[2] is not source:
                text = fold(source) if field != "text" else fold(f"{title or ''}\n{source}")
                if field != "title" and t.column:
                    text += fold("\n" + search_cells(t))  # (a task table's row: its other cells too, as the store's rows)
                memo[id(t)] = kept = (t, title, source, text)
            out.append((t, kept[3]))
        return out

    def with_targets(self) -> list[Task]:
        """Tasks stating at least one numeric target, in plan order."""
        return [t for t in self.tasks if t.targets]

    def document_tasks(self, doc_id: str) -> list[Task]:
        """Every paragraph of document ``doc_id``, in order (a map: not a scan per document)."""
        return list(self._lookup().by_doc.get(doc_id, []))

    def document_opening(self, doc_id: str, count: int) -> list[Task]:
        """The first ``count`` paragraphs of document ``doc_id``."""
        return self._lookup().by_doc.get(doc_id, [])[:count]

    def warned_tasks(self) -> list[Task]:
        """Tasks the parser left a warning on, in plan order."""
        return [t for t in self.tasks if t.warnings]

    def document_headers(self) -> list:
        """Each document's ``id``, ``title``, ``path`` and ``registry``, in corpus order (all a listing that
        names plans needs; a stored plan reads them without decoding 1,000 whole documents)."""
        return list(self.documents)

    def document_ids(self) -> list[str]:
        """Ids of the documents, in corpus order (a stored plan answers without reading the documents)."""
        return [d.id for d in self.documents]

    def document_titles(self) -> list[tuple[str, str]]:
        """(id, title) of the documents, in corpus order (a stored plan answers without reading the documents)."""
        return [(d.id, d.title) for d in self.documents]

    def document_names(self) -> list[tuple[str, str]]:
        """(id, ``Document.name``) of the documents, in corpus order: how listings name each plan (a stored plan
        answers without reading the documents) — ``distinct_names``: two plans of one name carry their files."""
        from pathlib import PurePath

        return distinct_names([(d.id, d.name, PurePath(d.path).name if d.path else d.id) for d in self.documents])

    def documents_of(self, doc_id: str) -> list[Document]:
        """The document ``doc_id`` (a list: empty when no document has that id) — a stored plan reads that one row."""
        return [d for d in self.documents if d.id == doc_id]

    def title_words(self) -> list[tuple[str, str]]:
        """(id, folded words naming the plan) of the documents, in corpus order: each one's title, plan title and
        preface, and its first two paragraphs (a plan whose title was not found names itself in its first lines) —
        what a question names a plan by (``kb.qa.query.read_plan_named``; a stored plan keeps them per corpus)."""
        from kb.qa.text import fold

        out = []
        for doc in self.documents:
            opening = [t.text for t in self.document_opening(doc.id, 2)]
            out.append((doc.id, fold(" ".join([doc.title, doc.plan_title or "", doc.preface or "",
                                                *opening]))))
        return out

    def document_outlines(self) -> list[tuple[str, list, list]]:
        """(id, parts, sections) of the documents, in corpus order (a stored plan reads only those)."""
        return [(d.id, d.parts, d.sections) for d in self.documents]

    def document_annexes(self) -> list[tuple[str, list]]:
        """(id, ``Document.annexes``) of the documents that have annexes after their body, in corpus order (a stored
        plan reads only those: a question that might name an annex — 工作目标是什么 — read 1,000 whole documents)."""
        return [(d.id, list(d.annexes)) for d in self.documents if getattr(d, "annexes", None)]

    def document_divisions(self) -> list[tuple[str, list]]:
        """(id, ``Document.divisions``) of the files that hold several documents (若干政策 + 行动计划), in corpus order: a
        question naming one of them (在行动计划中…) is read against these (a stored plan reads only those)."""
        return [(d.id, list(d.divisions)) for d in self.documents if getattr(d, "divisions", None)]

    def division_plan(self, doc_id: str, cite: str) -> "Plan":
        """The plan of one document of a file holding several: its file's header, the tasks of that document alone —
        what a question naming it (在行动计划中…) is answered from."""
        docs = self.documents_of(doc_id)
        tasks = [t for t in self.document_tasks(doc_id) for d in docs if (division_of(d, t.part) or ("",))[0] == cite]
        return Plan(docs, tasks, self.registry)

    def outline(self) -> tuple[list[str], set[str]]:
        """Parts and sections in order of first appearance, and every task label."""
        parts: dict[str, None] = {}
        for t in self.tasks:
            parts.setdefault(t.part, None)
            if t.section:
                parts.setdefault(t.section, None)
        return list(parts), {t.label for t in self.tasks}


class _PlanMaps:
    """The lookup maps of an in-memory Plan, built in one pass over its tasks."""

    __slots__ = ("count", "first", "by_id", "by_label", "order", "by_role", "departments", "subunits", "by_doc",
                 "folded")

    def __init__(self, tasks: list[Task]) -> None:
        self.count = len(tasks)
        self.first = tasks[0] if tasks else None
        self.by_id: dict[str, Task] = {}
        self.by_label: dict[str, list[Task]] = {}
        self.order: dict[str, int] = {}
        self.by_role: dict[tuple[str, str], list[Task]] = {}
        self.departments: dict[str, None] = {}
        self.subunits: dict[str, str] = {}
        self.by_doc: dict[str, list[Task]] = {}
        self.folded: dict[tuple, dict[int, tuple]] = {}
        """(fold, field) → id(task) → (task, title, source, folded text): ``Plan._folded``'s memo."""
        for n, t in enumerate(tasks):
            self.by_doc.setdefault(t.doc, []).append(t)
            self.by_id.setdefault(t.id, t)
            self.order.setdefault(t.id, n)
            self.by_label.setdefault(t.label, []).append(t)
            for name in t.departments("any") + t.implied:
                self.departments.setdefault(name, None)
            for parent, subs in t.subunits.items():
                for sub in subs:
                    self.subunits.setdefault(sub, parent)
            for r in (*ROLES, "implied"):
                holders: dict[str, None] = {}
                for name in getattr(t, r):
                    holders[name] = None
                    for sub in t.subunits.get(name, ()):
                        holders[sub] = None
                for name in holders:
                    self.by_role.setdefault((name, r), []).append(t)


# ---------------------------------------------------------------------------
# From JSON back to dataclasses


def from_dict(cls, data: dict):
    """An instance of dataclass ``cls`` from its ``asdict`` shape, driven by its fields.

    Nested dataclasses (``Task.deadlines`` → Deadline) and tuples (``Document.parts``)
    are rebuilt from their JSON forms; keys that are not fields (``section_path``)
    are ignored and fields missing from ``data`` take their defaults, so a field
    added to the model later needs no change here or in the store.
    """
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: expected a JSON object, not {type(data).__name__}")
    kwargs = {}
    for name, convert in _converters(cls):
        if name in data:
            value = data[name]
            kwargs[name] = convert(value) if convert is not None and value is not None else value
    return cls(**kwargs)


def field_values(obj) -> list:
    """The values of dataclass ``obj``'s init fields in field order, as JSON-able values.

    Nested dataclasses become their ``asdict`` dicts and tuples lists; ``from_values``
    is the inverse (the store's compact task row: no keys to write or read).
    """
    return [_plain(getattr(obj, name)) for name, _ in _converters(type(obj))]


def _plain(value):
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(x) for x in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    raise TypeError(f"{type(value).__name__} is not a JSON-able field value")


def from_values(cls, values):
    """An instance of dataclass ``cls`` from ``field_values``' list (same fields, same order).

    A list of another length (a row written for other fields, or damaged) is a TypeError.
    """
    conv = _converters(cls)
    if not isinstance(values, list) or len(values) != len(conv):
        raise TypeError(f"{cls.__name__}: expected {len(conv)} field values")
    nested = _NESTED.get(cls)
    if nested is None:
        nested = _NESTED[cls] = [(i, c) for i, (_, c) in enumerate(conv) if c is not None]
    for i, convert in nested:
        v = values[i]
        if v is not None and v != []:
            values[i] = convert(v)
    return cls(*values)


_NESTED: dict[type, list] = {}

_CONVERTERS: dict[type, list] = {}


def _converters(cls) -> list:
    """(field name, converter or None) for every init field of ``cls``; None = the JSON value as is."""
    found = _CONVERTERS.get(cls)
    if found is None:
        hints = get_type_hints(cls)
        found = [(f.name, _converter(hints[f.name])) for f in fields(cls) if f.init]
        _CONVERTERS[cls] = found
    return found


def _converter(tp):
    """A function turning the JSON form of type ``tp`` back into ``tp``, or None when nothing changes."""
    origin, args = get_origin(tp), get_args(tp)
    if hasattr(tp, "__dataclass_fields__"):
        return lambda v, cls=tp: from_dict(cls, v)
    if origin is list and args:
        inner = _converter(args[0])
        return None if inner is None else (lambda v: [inner(x) for x in v])
    if origin is tuple:
        inners = [_converter(a) for a in args if a is not Ellipsis]
        if len(args) == 2 and args[1] is Ellipsis:
            inner = inners[0]
            return (lambda v: tuple(v)) if inner is None else (lambda v: tuple(inner(x) for x in v))
        return lambda v: tuple(c(x) if c is not None else x for c, x in zip(inners, v))
    if origin is dict and len(args) == 2:
        inner = _converter(args[1])
        return None if inner is None else (lambda v: {k: inner(x) for k, x in v.items()})
    if args and type(None) in args:  # X | None
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _converter(rest[0])
    return None


def search_cells(task: Task) -> str:
    """The text cells of a task table's row (``Task.cells``), each after its header (``2024年工作任务：新建绿道15公里``),
    one a line: what the plan's searches see of the row beside its title and body (the store's ``folded`` and
    ``plain`` rows, ``Plan.tasks_matching``, ``Plan.mentions``), so a value or a year written only in another cell
    is found; empty for any other paragraph."""
    return "\n".join(f"{header}：{text}" for header, text in task.cells())


def roles_held(tasks) -> tuple[str, ...]:
    """ROLES to show for ``tasks``: every role, except an OPTIONAL_ROLES one no task gives anyone."""
    tasks = list(tasks)
    return tuple(r for r in ROLES if r not in OPTIONAL_ROLES or any(getattr(t, r) for t in tasks))


def roles_given(tasks) -> tuple[str, ...]:
    """ROLES some of ``tasks`` gives some department, in ROLES order (what an export has columns for)."""
    tasks = list(tasks)
    return tuple(r for r in ROLES if any(getattr(t, r) for t in tasks))


def _holds(task: Task, role: str, name: str) -> bool:
    """True if ``name`` (a department or a sub-unit) has ``role`` in ``task``."""
    names = getattr(task, role)
    if name in names:
        return True
    return any(name in task.subunits.get(parent, ()) for parent in names)
