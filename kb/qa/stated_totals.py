"""Totals a plan's own text states, set beside what kb counted (issue #11, the seventh holdout set's cause D).

A notice often states its totals (本方案共明确52项具体任务，涉及23个牵头单位; 共梳理出三十项工作举措，由十五个部门牵头)
and a part heading its count (二、县发展改革局牵头工作（9项）).  Where kb holds fewer items than the text states (a
task table left in an attachment, items kb could not read), a count answered from the parsed items alone is a
confident wrong answer.  So a count question asking what the text states gets the stated figure, the clause it
comes from, and — when kb holds a different number — that number said as kb's, never as the plan's.

The words (verbs that state a total, the nouns counted, the measure words, the words a count question may hold)
are ``stated_totals`` in kb/data/shapes.yaml.  Totals are read from the paragraphs that are not tasks (the cover
note, an opening, a part's lead paragraph) and from part and section headings, once per plan object, and only
for a question shaped as such a count (kb.qa.query.read_stated_total).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.model import Plan, Task
from kb.qa.text import cn_number as number_value

_NUMBER = r"\d+|[零〇一二两三四五六七八九十百]+"


@dataclass(slots=True, frozen=True)
class StatedTotal:
    """A total the plan's text states."""

    doc: str
    """The document id (kb.model.Document.id) stating it."""
    kind: str
    """What it counts: ``tasks``, ``leads`` (lead units) or ``units`` (units of any role)."""
    number: int
    """The figure (三十 → 30)."""
    noun: str
    """The noun counted with its qualifier, as written (具体任务, 工作举措, 牵头单位, 部门)."""
    written: str
    """The count as written (52项具体任务, 三十项工作举措, 十五个部门牵头, （9项）)."""
    clause: str
    """The clause or heading it stands in, quoted in the answer."""
    part: str | None = None
    """The part or section label whose heading states it (二 for 二、…牵头工作（9项）); None: the whole plan."""
    list_name: str = ""
    """The list the clause states it of, when a 《…》 name opens the clause before the figure (《2025年县<政府工作报告>
    任务分解》明确133项具体任务 → 2025年县<政府工作报告>任务分解); empty: the plan itself."""


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _patterns(words: dict) -> list[tuple[str, re.Pattern]]:
    """(kind, pattern) for the clauses: NUMBER + measure word + qualifier + noun, and noun + NUMBER + measure word."""
    task_nouns = _alternation(words["tasks"])
    counters = _alternation(words["task_counters"])
    units = _alternation(words["unit_counters"])
    leads, any_units = _alternation(words["leads"]), _alternation(words["units"])
    q = r"(?P<qual>[\u4e00-\u9fff]{0,6}?)"
    return [
        ("leads", re.compile(rf"(?P<n>{_NUMBER})(?:{units}){q}(?P<noun>{leads})")),
        ("leads", re.compile(rf"(?P<n>{_NUMBER})(?:{units})(?P<qual>)(?P<noun>{any_units})牵头")),
        ("units", re.compile(rf"(?P<n>{_NUMBER})(?:{units}){q}(?P<noun>{any_units})")),
        ("tasks", re.compile(rf"(?P<n>{_NUMBER})(?:{counters}){q}(?P<noun>{task_nouns})")),
        ("tasks", re.compile(rf"(?P<qual>[\u4e00-\u9fff]{{0,4}}?)(?P<noun>{task_nouns})(?P<n>{_NUMBER})(?:{counters})(?![\u4e00-\u9fff]*(?:{task_nouns}))")),
    ]


#: What joins the figures of one stated list (11项工作目标和138项工作任务).
_JOINS = ("和", "及", "以及", "、", "，", ",")
#: A task noun followed by these counts something else (工作目标, 工作指标).
_NOT_TASKS = ("目标", "指标")

#: How many characters may stand between a stating verb and the number (共梳理出三十项: 出).
_VERB_REACH = 3

_HEADING_COUNT = re.compile(rf"[（(]\s*共?\s*(?P<n>{_NUMBER})\s*(?P<c>项|条|件)\s*[）)]\s*$")


def _quoted(clause: str, start: int, end: int) -> str:
    """The part of ``clause`` around [start, end) between commas or colons (the clause a notice's header runs into
    with ASCII commas is not quoted whole)."""
    cuts = [i for i, ch in enumerate(clause) if ch in "，,：:"]
    left = max((i + 1 for i in cuts if i < start), default=0)
    right = min((i for i in cuts if i >= end), default=len(clause))
    return clause[left:right].strip()


def _list_before(clause: str, at: int) -> str:
    """The last 《…》 name before position ``at`` of the clause (inner quotes and brackets, <…> 〈…〉 “…”, kept), when
    nothing but a stating verb and other figures of the same list stand between it and the figure."""
    head = clause[:at]
    end = head.rfind("》")
    if end < 0:
        return ""
    depth, start = 0, -1
    for i in range(end, -1, -1):  # (the 《 matching the last 》: names nest 《…〈…〉…》 and rarely 《…《…》…》)
        if head[i] == "》":
            depth += 1
        elif head[i] == "《":
            depth -= 1
            if depth == 0:
                start = i
                break
    if start < 0 or "》" in head[end + 1:] or any(ch in head[end + 1:] for ch in "；;。"):
        return ""
    return head[start + 1:end]


def read_stated_totals(plan: Plan, words: dict) -> list[StatedTotal]:
    """Every total the plan's non-task paragraphs and headings state, in plan order."""
    out: list[StatedTotal] = []
    verbs = tuple(words["verbs"])
    patterns = _patterns(words)
    for doc in plan.documents:
        for label, title in [*doc.parts, *doc.sections]:
            m = _HEADING_COUNT.search(title or "")
            if m and (n := number_value(m.group("n"))):
                out.append(StatedTotal(doc.id, "tasks", n, "", m.group(0).strip(), f"{label}、{title}", part=label))
        texts = [doc.cover or "", doc.preface or ""]
        texts += [t.text for t in plan.document_tasks(doc.id) if t.kind != "task"]
        for text in texts:
            for clause in re.split(r"[。；;！!\n]", text):
                if not any(v in clause for v in verbs):
                    continue
                taken: list[tuple[int, int]] = []
                for kind, pattern in patterns:
                    for m in pattern.finditer(clause):
                        if any(a < m.end() and m.start() < b for a, b in taken):
                            continue  # (23个牵头单位 is a lead count, not also one of 单位)
                        # a verb stating it stands just before (共明确52项, 共梳理出三十项, 由十五个): a number in a
                        # title (附件…分解表 2.十件民生实事项目) or in a sentence about something else states no total
                        lead_in = clause[max(0, m.start() - _VERB_REACH - 2):m.start()]
                        n = number_value(m.group("n"))
                        # (…分解为11项工作目标和138项工作任务: the second figure of a list the verb opens)
                        joined = any(clause[b:m.start()] in _JOINS for _, b in taken)
                        if not n or not (joined or any(v in lead_in for v in verbs)):
                            continue
                        noun, end = m.group("noun"), m.end()
                        while kind == "tasks" and (more := next((w for w in words["tasks"]
                                                                 if clause.startswith(w, end)), None)):
                            noun, end = noun + more, end + len(more)  # 三十项工作举措: the noun is 工作举措
                        other = next((w for w in _NOT_TASKS if clause.startswith(w, end)), "")
                        taken.append((m.start(), end + len(other)))
                        if other:
                            continue  # 11项工作目标: goals, not tasks
                        out.append(StatedTotal(doc.id, kind, n, m.group("qual") + noun, clause[m.start():end],
                                               _quoted(clause, m.start(), end),
                                               list_name=_list_before(clause, m.start())))
    return out


#: id(plan) → (plan, totals): read once per plan object.
_TOTALS: dict[int, tuple[Plan, list[StatedTotal]]] = {}


def stated_totals(plan: Plan, words: dict) -> list[StatedTotal]:
    """read_stated_totals, once per plan object."""
    held = _TOTALS.get(id(plan))
    if held is None or held[0] is not plan:
        if len(_TOTALS) > 8:
            _TOTALS.clear()
        held = _TOTALS[id(plan)] = (plan, read_stated_totals(plan, words))
    return held[1]


def matching(totals: list[StatedTotal], kind: str, noun: str, list_words: str = "") -> list[StatedTotal]:
    """The plan-wide totals of ``kind`` the asked noun names: the same noun, or one ending the other (任务 asked,
    具体任务 stated; 工作举措 asked, 举措 stated), with no qualifier of the question the stated noun lacks
    (民生实事 asked is not 具体任务 stated).  ``list_words`` (民生实事): only the totals of the list whose name holds
    them."""
    from kb.qa.text import fold

    out = []
    for t in totals:
        if t.part is not None or t.kind != kind:
            continue
        if list_words and list_words not in fold(t.list_name):
            continue
        if not noun or t.noun.endswith(noun) or noun.endswith(t.noun) or (kind != "tasks" and noun[-2:] == t.noun[-2:]):
            out.append(t)
    return out


def heading_totals(plan: Plan, words: dict, names: list[str], role_word: str) -> list[tuple[StatedTotal, list[Task]]]:
    """The parts whose heading states a count and names one of ``names`` with ``role_word`` (县发展改革局牵头工作（9项）),
    each with the tasks kb holds under it."""
    out = []
    for t in stated_totals(plan, words):
        if t.part is None or role_word not in t.clause or not any(n and n in t.clause for n in names):
            continue
        out.append((t, _held_under(plan, t)))
    return out


def _held_under(plan: Plan, total: StatedTotal) -> list[Task]:
    """The tasks kb holds under the part or section whose heading states ``total``."""
    return [x for x in plan.document_tasks(total.doc) if x.kind == "task" and total.part in (x.part, x.section)]


def department_heading_lines(plan: Plan, names: list[str], role_word: str) -> list[str]:
    """A department's count asked (县发展改革局牵头工作有几项): a line for each part whose heading names it with the
    role and states a count, when the plan has such headings (kb.qa.exec_departments)."""
    from kb.qa.query import load_shapes

    spellings = {n for name in names for n in (name, re.sub(r"^[省市区县]", "", name)) if len(n) >= 3}
    return [heading_note(t, held) for t, held in heading_totals(plan, load_shapes()["stated_totals"],
                                                                 sorted(spellings), role_word)]


def part_heading_line(plan: Plan, tasks: list[Task]) -> str | None:
    """The tasks of one part or section answered: its heading's stated count, if it states one."""
    from kb.qa.query import load_shapes

    if not tasks:
        return None
    first = tasks[0]
    for t in stated_totals(plan, load_shapes()["stated_totals"]):
        if t.part is not None and t.doc == first.doc and all(x.part == t.part or x.section == t.part for x in tasks):
            return heading_note(t, _held_under(plan, t))
    return None


def heading_note(total: StatedTotal, held: list[Task]) -> str:
    """One line: the heading's figure and what kb holds under it."""
    if total.number == len(held):
        return f"方案“{total.clause}”写明 {total.number} 项，kb 在该部分读到的也是 {len(held)} 项。"
    labels = "、".join(t.label for t in held)
    return (f"方案“{total.clause}”写明 {total.number} 项，kb 在该部分只读到 {len(held)} 项"
            + (f"（{labels}）" if labels else "") + "，其余条目不在 kb 读到的正文中。")


def _units_held(plan: Plan, doc: str, stated: str) -> list[str]:
    """The units kb reads holding the role counted (lead units for ``leads``, else any role) in document ``doc``."""
    from kb.qa.executors import counts
    from kb.select import plan_tasks

    role = "lead" if stated == "leads" else "total"
    doc_names = {n for t in plan_tasks(plan, [doc]) for n in t.departments()}
    return [n for n, c in counts(plan) if c[role] and n in doc_names]


def exec_stated_total(question: str, q, env):
    """The stated figure(s) the question asks (Query.stated), each with its clause, and kb's own count beside it:
    the tasks kb holds (带责任单位的条目), or the units holding the role counted.  When the figures differ the answer
    says so; kb's list follows (the items it holds, never presented as the plan's total)."""
    from kb.qa.answer import Answer
    from kb.qa.query import load_shapes
    from kb.qa.result import compose, departments_of, numbered
    from kb.select import plan_tasks

    plan = env.plan
    totals = matching(stated_totals(plan, load_shapes()["stated_totals"]), q.stated, q.stated_noun,
                      getattr(q, "stated_list", ""))
    several = len(plan.documents) > 1
    titles = dict(plan.document_names()) if several else {}  # (a plan behind a cover notice by its own title)
    lines: list = []
    tasks: list[Task] = []
    names: list[str] = []
    stating = list(dict.fromkeys(t.doc for t in totals))
    for doc in (plan.document_ids() if several else stating):
        mine = [t for t in totals if t.doc == doc]
        where = f"〔{titles.get(doc, doc)}〕" if several else ""
        if not mine:
            # several plans loaded, this one states no such total: kb's own count, said as kb's
            if q.stated == "tasks":
                held = plan_tasks(plan, [doc])
                lines.append(f"{where}方案没有写明总数；kb 读到带责任单位的条目 {len(held)} 项：")
                lines.extend(numbered(held, len(tasks) + 1))
                tasks += held
            else:
                held = _units_held(plan, doc, q.stated)
                lines.append(f"{where}方案没有写明总数；kb 读到 {len(held)} 个：" + "、".join(held) + "。")
                names += held
            continue
        said = "；".join(f"“{t.clause}”" for t in dict.fromkeys(mine))
        # (each figure with the list it is stated of, when the notice names the lists: 《…任务分解》133 项具体任务、
        # 《…实事任务分解》15 项具体任务 — two lists' figures are not one total)
        stated = "、".join(f"{'《' + t.list_name + '》共 ' if t.list_name else ''}{t.number} "
                          f"{'个' if t.kind != 'tasks' else '项'}{t.noun}" for t in mine)
        opening = "：" if any(t.list_name for t in mine) else "共 "
        if q.stated == "tasks":
            held = plan_tasks(plan, [doc])
            what, unit = "带责任单位的条目", "项"
        else:
            held = _units_held(plan, doc, q.stated)
            what, unit = "牵头单位" if q.stated == "leads" else "部门（单位）", "个"
        lists = {t.list_name for t in mine}
        if any(lists) and q.stated == "tasks":
            what = "整个文件中带责任单位的条目"  # (kb does not tell which of the named lists each item is in)
        # (several lists' figures: kb's items of the plan are set against their sum)
        figures = {sum(t.number for t in mine)} if len(lists) > 1 else {t.number for t in mine}
        if figures == {len(held)}:
            lines.append(f"{where}方案原文写明{opening}{stated}（{said}）；kb 读到的{what}也是 {len(held)} {unit}：")
        else:
            lines.append(f"{where}方案原文写明{opening}{stated}（{said}）。kb 读到的{what}共 {len(held)} {unit}，"
                         f"与原文所写的数目不一致（其余的 kb 没有读到：可能在附件里，或在 kb 未能读出的表格中）：")
        if q.stated == "tasks":
            lines.extend(numbered(held, len(tasks) + 1))
            tasks += held
        else:
            lines.append("、".join(held) + "。")
            names += held
    env.ctx.tasks = tasks
    return Answer(question, "stated_total", compose(lines), tasks=tasks,
                  departments=names or departments_of(tasks))
