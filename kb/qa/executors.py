"""Executors: a Query in, a structured Result out.  ``dispatch`` runs the ONE executor that
``DISPATCH`` gives the Query's ``over`` slot (what the question is over, read by the over rules of
kb/qa/query.py from the other slots and the conversation); ``exec_search`` answers an unread question
(see README "kb ask").  An executor does not decide whether a question is its own: the slots did.
When it finds nothing in the plan for its reading (a topic no target is named by, a part without
tasks) it says so through ``found_nothing``, and the question is read again without that reading.

Each executor selects through kb/select.py (one definition of task and of a date
test), builds a ``kb.qa.result.Result`` and says how honest the answer is
(``Answer.status``).  Wording comes from kb/data/answers.yaml.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache

from kb.annexes import AnnexPattern
from kb.model import ANNEX_LEVEL_MARK, ROLE_NAMES, Plan, Task, division_of, item_count, part_numeral
from kb.qa.answer import Answer
from kb.qa.query import Act, Query
from kb.qa.result import Group, Item, Result, official_deadline, render_text, target_line, target_words
from kb.qa.wording import load_answer_words
from kb.registry import in_order
from kb.select import duty_items, is_task, plan_tasks

ROLE_WORD = {**ROLE_NAMES, "guide": "指导", "any": "参与"}


@dataclass(slots=True)
class Env:
    """What an executor answers from: the plan, the conversation, the vocabulary, texts and index."""

    plan: Plan
    """The plan (or the one plan a question names)."""
    ctx: object
    """kb.qa.context.Context: what the previous turns listed (第N项, 其中 refer to it)."""
    voc: object
    """kb.qa.vocab.Vocabulary: topic synonyms, spellings."""
    texts: object
    """Callable returning task id → folded title and body (a mapping; a stored plan reads it on demand)."""
    index: object
    """Callable returning the open search index (built on first call)."""
    conversation: object = None
    """kb.qa.query.Conversation: what the over rules need of the conversation (taken before this turn)."""
    nothing_found: set = field(default_factory=set)
    """The ``over`` values whose executor found nothing for this question (kb.qa.executors.found_nothing)."""
    only: frozenset | None = None
    """When set, the only ``over`` values this attempt may answer with (a topic follow-up 那扬尘呢 tried as the
    previous topic question: none of them → the session reads the question on its own)."""

    @property
    def folded(self):
        """Task id → folded title and body (asked for only by the executors that rank)."""
        return self.texts()


def _answer(question: str, intent: str, result: Result, *, status: str = "answered", query: Query | None = None,
            tasks: list[Task] | None = None, departments: list[str] | None = None, exact: bool = True,
            related: list[Task] | None = None, targets=None, deadlines=None) -> Answer:
    a = Answer(question, intent, render_text(result), exact=exact, departments=list(departments or []),
               tasks=list(tasks if tasks is not None else result.tasks), status=status, result=result,
               related=list(related or []), query=query)
    a.targets = list(targets or [])
    a.deadlines = list(deadlines or [])
    return a


def plans_held(plan: Plan) -> str:
    """kb 目前载入的方案：《…》、《…》。"""
    titles = "、".join(shown_name(doc_id, name) for doc_id, name in plan.document_names())
    return load_answer_words()["plans_held"].format(plans=titles)


def shown_name(doc_id: str, name: str) -> str:
    """A plan as a listing of the plans shows it: 《its title》, or — where kb read no title and the file's name stands
    for it (``Document.title`` is the document id) — the file's name said to be one (answers.yaml ``untitled_plan``)."""
    return load_answer_words()["untitled_plan"].format(name=name) if name == doc_id else f"《{name}》"


#: id(plan) → (plan, {what: value}): per-plan figures that cost a scan of every task (kept with their plan).
_PER_PLAN: dict[int, tuple[Plan, dict]] = {}


def _memo(plan: Plan, what: str, make):
    """``make(plan)`` computed once per plan object (answers repeat them: department counts, examples)."""
    held = _PER_PLAN.get(id(plan))
    if held is None or held[0] is not plan:
        if len(_PER_PLAN) > 8:
            _PER_PLAN.clear()
        held = _PER_PLAN[id(plan)] = (plan, {})
    if what not in held[1]:
        held[1][what] = make(plan)
    return held[1][what]


def counts(plan: Plan):
    """kb.duties.department_counts, once per plan."""
    from kb.duties import department_counts

    return _memo(plan, "counts", department_counts)


def examples(plan: Plan) -> list[str]:
    """Questions kb can answer about this plan, built from the plan itself (not a fixed list)."""
    return list(_memo(plan, "examples", _examples))


#: How many documents the examples of a hint are drawn from when more are loaded (their tasks through the store's map).
EXAMPLE_DOCUMENTS = 3


def _example_tasks(plan: Plan) -> list:
    """The paragraphs a hint's examples are drawn from: every plan's when at most ``EXAMPLE_DOCUMENTS`` are loaded, else
    the first ``EXAMPLE_DOCUMENTS`` documents' — a hint is no reason to decode every stored plan (at 100 plans the
    hint under a not-understood or out-of-scope answer decoded 7,400 paragraphs twice: 1.2 of its 1.7 s)."""
    if len(plan.documents) <= EXAMPLE_DOCUMENTS:
        return plan.tasks
    return [t for d in plan.documents[:EXAMPLE_DOCUMENTS] for t in plan.document_tasks(d.id)]


def _examples(plan: Plan) -> list[str]:
    out = []
    rows = [(n, c) for n, c in counts(plan) if c["lead"]]
    if rows:
        out.append(f"{rows[0][0]}牵头哪些任务？")
    sample = _example_tasks(plan)
    proper = [t for t in sample if is_task(t)]
    titled = [t for t in proper if t.title and len(t.title) <= 12]
    if titled:
        out.append(f"{titled[len(titled) // 2].title}由谁负责？")
    years = sorted({d.end[:4] for t in proper for d in t.deadlines if d.end})
    if years:
        out.append(f"{years[0]}年要完成哪些任务？")
    metrics = [tg.metric for t in sample for tg in t.targets if len(tg.metric) <= 14]
    if metrics:
        out.append(f"{metrics[0]}的目标是多少？")
    if plan.documents and plan.documents[0].parts:
        out.append("方案分为哪几个部分？")
    return out


def _hint(plan: Plan) -> list[str]:
    w = load_answer_words()
    return [w["hint_title"] + "　".join(examples(plan))]


# ---------------------------------------------------------------- meta


def _plan_lines(plan: Plan) -> list[str]:
    """Each loaded plan with its tasks (those naming a unit), or where none names one its numbered items, said so — a
    plan of dated prose items was listed with a false （0 项任务） (holdout11 o20)."""
    from kb.qa.exec_plan import numbered_items

    said = load_answer_words()["plan_line"]
    lines = []
    items_of: dict[str, int] | None = None  # (numbered items counted once, only when a plan has no task)
    names = dict(plan.document_names())  # (two plans of one name: each with its file)
    for i, d in enumerate(plan.documents, 1):
        tasks = sum(1 for _ in plan_tasks(plan, [d.id]))
        if tasks:
            lines.append(said["tasks"].format(n=i, name=shown_name(d.id, names[d.id]), count=tasks))
            continue
        if items_of is None:
            items_of = {}
            for t in numbered_items(plan):
                items_of[t.doc] = items_of.get(t.doc, 0) + 1
        items = items_of.get(d.id, 0)
        lines.append(said["items" if items else "none"].format(n=i, name=shown_name(d.id, names[d.id]), count=items))
    return lines


def exec_meta(question: str, q: Query, env: Env) -> Answer:
    """Outside the plans (weather, an instruction, another place, a date the plan does not state), or which plans."""
    plan, ctx = env.plan, env.ctx
    w = load_answer_words()
    ctx.tasks = []
    if q.outside is None and q.aggregate in ("most", "least") and len(plan.documents) > 1:
        # 哪个方案的任务最多: every plan's count of tasks, the extreme first — tied plans all named
        counts = [(d, sum(1 for _ in plan_tasks(plan, [d.id]))) for d in plan.documents]
        best = (max if q.aggregate == "most" else min)(n for _, n in counts)
        names = dict(plan.document_names())
        top = "、".join(shown_name(d.id, names[d.id]) for d, n in counts if n == best)
        head = w["plans_compared"][q.aggregate].format(names=top, count=best)
        return _answer(question, "plans_compared", Result(heading=[head, w["plans_compared"]["each"]] + _plan_lines(plan)),
                       query=q)
    if q.outside is None and q.dates is not None and "target" in q.asks:
        return _plans_with_year_targets(question, q, env)
    if q.outside is None:
        return _answer(question, "plans", Result(heading=[plans_held(plan)] + _plan_lines(plan)), query=q)
    if q.outside == "publication_date" and q.aggregate in ("earliest", "latest"):
        dated = sorted(_publication_dates(plan), key=lambda x: x[1])  # (ISO dates sort as days)
        if dated:
            doc, _, day, _ = dated[0] if q.aggregate == "earliest" else dated[-1]
            word = "最早" if q.aggregate == "earliest" else "最晚"
            undated = [d.name for d in plan.documents if d.id not in {x[0].id for x in dated}]
            result = Result(heading=[f"印发{word}的是《{doc.name}》（{day}）。"] + [line for *_, line in dated]
                            + ([f"未写明日期：{'、'.join(f'《{t}》' for t in undated)}。"] if undated else []))
            return _answer(question, "publication_date", result, query=q)
    if q.outside in ("publication_date", "document_number"):
        said = _publication_date(plan) if q.outside == "publication_date" else _document_number(plan)
        if said:
            return _answer(question, q.outside, Result(heading=[said]), query=q)
    if q.outside == "unknown_plan":  # 在乡村振兴方案里…: which of the loaded plans is meant
        names = [d.name for d in plan.documents]
        result = Result(heading=[w["out_of_scope"]["unknown_plan"].format(name=q.outside_words), plans_held(plan)]
                        + [f"{i}. 《{n}》" for i, n in enumerate(names, 1)])
        a = _answer(question, "plan_unknown", result, status="ask_back", query=q, exact=False)
        a.candidates = names
        return a
    from kb.qa.exec_plan import plans_naming_no_place

    unplaced = plans_naming_no_place(plan) if q.outside == "place" else []
    if unplaced:
        # (a plan naming no place of its own may be the place asked of: never "no loaded plan concerns X")
        text = w["out_of_scope"]["place_unstated"].format(
            place=q.outside_words, plans="、".join(shown_name(d.id, d.name) for d in unplaced))
    elif q.outside == "topic":
        # (the user's words, never a fragment: 共享单车停放, not 享单车停放 — denials.shown_words)
        from kb.qa.denials import shown_words

        text = w["out_of_scope"]["topic"].format(place="、".join(shown_words(question, [q.outside_words], env.voc)))
    elif q.outside in ("place", "annex", "how_to"):
        text = w["out_of_scope"][q.outside].format(place=q.outside_words)
    elif q.outside == "role":
        given = "、".join(ROLE_NAMES[x] for x in plan.roles_given()) or "无（没有读到责任单位）"
        text = w["out_of_scope"]["role"].format(place=q.outside_words, roles=given)
    elif q.outside == "year":
        text = w["out_of_scope"]["year"].format(place=q.outside_words, years="、".join(years_stated(plan)) or "无")
    else:
        text = w["out_of_scope"].get(q.outside, w["out_of_scope"]["outside"])
    result = Result(heading=[text, plans_held(plan)] + _hint(plan))
    answer = _answer(question, f"outside_{q.outside}", result, status="not_in_plan", query=q)
    if q.outside == "topic" and not unplaced:
        # 没有涉及“X”的内容 only when no word of X is written (燃气泄漏事故 where 燃气、泄漏、事故 are)
        from kb.qa.denials import checked_denial

        return checked_denial(question, q, env, [q.outside_words], answer)
    return answer


def _plans_with_year_targets(question: str, q: Query, env: Env) -> Answer:
    """哪些方案设定了2020年的目标 (asks8, s17): each loaded plan whose targets are set for a year of the span asked, with
    those targets; the others said to set none for it — was the list of loaded plans, whatever the year."""
    from kb.qa.result import GroupLine, target_line

    plan, w = env.plan, load_answer_words()["plans_year_targets"]
    first, last = int(q.dates.first[:4]), int(q.dates.last[:4])
    years = f"{first}年" if first == last else f"{first}—{last}年"
    names = dict(plan.document_names())
    lines, without, tasks, pairs = [], [], [], []
    from kb.qa.exec_plan import _TITLE_YEARS

    for doc in plan.documents:
        # (an annual plan — 松江区城市更新2025年度实施计划: one year in its title — sets that year's targets, the ones
        # writing no year of their own too)
        m = next((m for m in (_TITLE_YEARS.search(x or "") for x in (doc.plan_title, doc.title) if x and x != doc.id)
                  if m), None)
        annual = int(m.group(1)) if m and not m.group(2) else None
        found = [(t, tg) for t in plan.document_tasks(doc.id) for tg in t.targets
                 if (tg.year or annual) and first <= (tg.year or annual) <= last]
        if not found:
            without.append(shown_name(doc.id, names[doc.id]))
            continue
        lines.append(GroupLine(w["plan"].format(plan=shown_name(doc.id, names[doc.id]), count=len(found))))
        lines.extend(target_line(t, tg) for t, tg in found)
        tasks.extend(t for t, _ in found if t not in tasks)
        pairs.extend((t.id, tg) for t, tg in found)
    held = len(plan.documents) - len(without)
    if not held:
        text = w["none"].format(years=years, loaded=len(plan.documents))
        return _answer(question, "plans_year_targets", Result(heading=[text]), status="not_in_plan", query=q, tasks=[])
    heading = [w["some"].format(years=years, count=held, loaded=len(plan.documents))]
    if without:
        lines.append(w["without"].format(years=years, plans="、".join(without)))
    env.ctx.tasks = tasks
    return _answer(question, "plans_year_targets", Result(heading=heading + lines), query=q, tasks=tasks, targets=pairs)


def years_stated(plan: Plan) -> list[str]:
    """The years (2019年 …) the plans state, in order (asked only when a year is not among them): those their text
    writes, and those of every item's limits and targets — a labelled-line plan's 完成时限：2017年6月底 is read into the
    item's limit and left out of its text (holdout17 routed q: "没有写到2017年（年份：无）" over items dated 2017)."""
    mentions = plan.mentions()
    held = {y for y in range(1980, 2101) if f"{y}年" in mentions}
    for t in plan.tasks:
        held.update(int(d[:4]) for dl in t.deadlines for d in (dl.start, dl.end) if d and d[:4].isdigit())
        held.update(y for tg in t.targets for y in (tg.year, tg.from_year, tg.baseline_year) if y)
    return [f"{y}年" for y in sorted(held) if 1980 <= y <= 2100]


def _publication_date(plan: Plan) -> str | None:
    """The date a plan is signed or issued, where its text states it: a short closing paragraph holding a
    whole date (国务院 2018年12月21日), or a news lead saying 印发 with a date."""
    return "\n".join(line for *_, line in _publication_dates(plan)) or None


def _publication_dates(plan: Plan) -> list[tuple]:
    """(document, ISO date, the date as written, the line saying where it stands) of every plan whose text states
    the date it is signed or issued (see ``_publication_date``), in corpus order."""
    from kb.parser.structure import WHOLE_DATE_RE as date, iso_date  # (the parser's closing rule reads the same dates)

    said = []

    def add(doc, m, line):
        said.append((doc, iso_date(m.group(0)) or m.group(0), m.group(0), line))

    for doc in plan.documents:
        m = date.search(getattr(doc, "closing", None) or "")
        if m:  # the parser keeps the signature after the last task as the document's closing
            add(doc, m, f"《{doc.name}》落款日期：{m.group(0)}（落款：{doc.closing.strip()}）。")
            continue
        cover = getattr(doc, "cover", None) or ""
        m = date.search(cover.split("\n")[-1]) if cover else None
        if m:  # the signature of the notice that hands the plan on (the parser keeps it as the cover)
            add(doc, m, f"《{doc.name}》落款日期：{m.group(0)}（印发通知落款：{cover.split(chr(10))[-1].strip()}）。")
            continue
        closing = [t for t in plan.tasks if t.doc == doc.id and t.kind != "task" and len(t.text) <= 40
                   and date.search(t.text)]
        if closing:
            t = closing[-1]
            add(doc, date.search(t.text), f"《{doc.name}》落款日期：{date.search(t.text).group(0)}（{t.label}：{t.text.strip()}）。")
            continue
        m = date.search(doc.preface or "")
        if m and "印发" in (doc.preface or ""):
            add(doc, m, f"《{doc.name}》：{m.group(0)}（方案前的说明：{doc.preface.strip()[:60]}）。")
            continue
        field = _page_date_field(doc.preface or "")
        if field:  # the web page's field dating the article (发布时间：2013-10-05), kept in the preface by the parser
            written, day = field
            said.append((doc, day, written, f"《{doc.name}》{written}（网页所载；方案正文没有写明落款日期）。"))
    return said


def _page_date_field(preface: str) -> tuple[str, str] | None:
    """(the field as written, ISO date) of the first publication field in a preface (``发布时间：2013-10-05``,
    ``成文日期：2019年01月27日``: ingest.yaml ``publication_labels``), None without one."""
    import datetime
    import re

    from kb.ingest.html import publication_field_re
    from kb.ingest.vocab import load_vocabulary

    m = publication_field_re(load_vocabulary()).search(preface)
    if not m:
        return None
    y, mo, d = (int(n) for n in re.findall(r"\d+", m.group(0))[-3:])
    try:
        return m.group(0), datetime.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _document_number(plan: Plan) -> str | None:
    """The document number a plan's text states (国发〔2018〕42号) — never the number of a document it cites: a number
    in brackets right after a cited 《title》 (``《…指导意见》（建城〔2023〕74号）``) is that title's."""
    import re

    number = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（](?:19|20)\d\d[〕\]］)）]\d+号")
    cited = re.compile(r"》[（(]?$")

    label = re.compile(r"^.*?(?:文\s*号|字\s*号)[\s:：|]*")

    def own(text: str) -> str | None:
        m = next((m for m in number.finditer(text) if not cited.search(text[max(0, m.start() - 2):m.start()])), None)
        # (a page's field 文    号 蔡政办〔2023〕1号: the number, not the cell before it and the label — 办公室文号蔡政办…)
        return label.sub("", m.group(0)) if m else None

    said, missing = [], []
    for doc in plan.documents:
        # 苍政发〔2023〕22号 heads the notice that hands the plan on; a notice run into the page's lines before the plan's
        # title (【法宝引证码】… 关于印发…的通知（皖开放办〔2022〕6号）) is read as the preface
        n = own(getattr(doc, "cover", None) or "") or own(doc.preface or "")
        if n:
            said.append(f"{shown_name(doc.id, doc.name)}文号：{n}。")
            continue
        for t in plan.tasks:
            n = own(t.text) if t.doc == doc.id else None
            if n:
                said.append(f"{shown_name(doc.id, doc.name)}文号：{n}。")
                break
        else:
            missing.append(shown_name(doc.id, doc.name))
    if said and missing:  # (every plan asked of is answered: those whose text states no number said so, never left out)
        said.append(f"未写明文号：{'、'.join(missing)}。")
    return "\n".join(said) or None


# ---------------------------------------------------------------- structure


def exec_structure(question: str, q: Query, env: Env) -> Answer:
    """The plan's parts, or the sections of a part (重点任务包括哪几个方面); a part it lacks is said so."""
    plan, ctx = env.plan, env.ctx
    w = load_answer_words()
    ctx.tasks = []
    docs = [d for d in plan.documents if not q.plan or d.id == q.plan]
    if q.outline_of:
        return _annex_outline(question, q, env, docs)
    division = getattr(q, "division", None)

    def asked(d, num: str) -> bool:
        """Part ``num`` of ``d`` is the part asked: by its whole name, or (in a file holding several documents) by its
        numeral in every document — or in the one the question names."""
        if q.part == num:
            return True
        cite = division_of(d, num)
        return cite is not None and q.part == part_numeral(d, num) and (division is None or cite[0] == division)

    if q.part and not any(asked(d, num) for d in docs for num, _ in d.parts):  # 第五部分 of a plan of four
        held = [(d, t, [x for x in d.parts if division_of(d, x[0]) == (c, t)]) for d in docs
                for c, t in (getattr(d, "divisions", None) or []) if division is None or c == division]
        if held:
            # a file holding several documents: each one's parts counted under its title (never one plan of 12 parts)
            said = "；".join(f"《{t}》共 {len(ps)} 个部分：" + "、".join(f"{part_numeral(d, n)}、{pt}" for n, pt in ps)
                            for d, t, ps in held)
            text = w["division_no_part"].format(part=q.part, parts=said)
            return _answer(question, "structure_no_part", Result(heading=[text]), status="not_in_plan", query=q)
        parts = "、".join(f"{num}、{title}" for d in docs for num, title in d.parts)
        count = sum(len(d.parts) for d in docs)
        text = w["no_part"].format(part=q.part, count=count, parts=parts)
        return _answer(question, "structure_no_part", Result(heading=[text]), status="not_in_plan", query=q)
    # A part named (by number or title, read by kb.qa.query.read_structure): its sections; else the parts.
    chosen = None
    found = [(d, num, title) for d in docs for num, title in d.parts if q.part and asked(d, num)]
    if len(found) > 1 and all(division_of(d, num) for d, num, _ in found):
        # 第二部分 of a file holding two documents, each with its 二: each document's, named — never one of them alone
        result = Result(heading=[w["division_parts"].format(count=len(found), part=q.part)])
        group = Group()
        for k, (d, num, title) in enumerate(found, 1):
            secs = [label for label, _ in d.sections if label.startswith(num + "（")]
            n = item_count(t for t in plan.part_tasks(d.id, num) if is_task(t))
            extra = "，".join(x for x in (f"{len(secs)} 个方面" if secs else "", f"{n} 项任务" if n else "") if x)
            group.items.append(Item(k, None, text=f"《{division_of(d, num)[1]}》{part_numeral(d, num)}、{title}"
                                    + (f"（{extra}）" if extra else "")))
        result.groups.append(group)
        return _answer(question, "structure_parts", result, query=q, tasks=[])
    if found:
        chosen = found[-1]
    result = Result()
    several = len(docs) > 1
    if chosen is not None:
        d, num, title = chosen
        sections = [(label, st) for label, st in d.sections if label.startswith(num + "（")]
        # (the part's paragraphs read once — a stored plan reads one part, not every task of 1,000 plans — and its
        # tasks proper among them)
        paras = plan.part_tasks(d.id, num)
        tasks = [t for t in paras if is_task(t)]
        # (the part's items — a section's opening paragraph each, else its numbered paragraphs — are the answer's own
        # tasks: 保障措施包括哪几条 answers with them, and 第二条 next picks one; exec_plan.part_items)
        from kb.qa.exec_plan import part_items

        items = part_items(plan, d.id, num, sections)
        if sections:
            # (a part no paragraph of which carries a responsibility — 保障措施 written as prose — has no task count;
            # where some of a section's items carry none — their units stand in an annex table's rows, or nowhere —
            # the section's items are counted as 条 and those with units said apart: never "2 项任务" of 4 items)
            # (counted by the plan's items — a paragraph cut at its tags is one, kb.model.item_key — not by pieces)
            held = item_count(tasks)
            total = item_count(t for t in paras if t.section in dict(sections))
            result.heading.append(f"“{num}、{title}”包括 {len(sections)} 个方面" + (
                ("：" if not tasks else f"（共 {held} 项任务）：" if held >= total else
                 f"（共 {total} 条，其中 {held} 条写明责任单位）：")))
            group = Group()
            for k, (label, st) in enumerate(sections, 1):
                n = item_count(t for t in tasks if t.section == label)
                m = item_count(t for t in paras if t.section == label)
                count = "" if not tasks else f"（{n} 项任务）" if n >= m else f"（{m} 条，其中 {n} 条写明责任单位）"
                group.items.append(Item(k, None, text=f"{label}{st}" + count))
            result.groups.append(group)
        else:
            if len(items) < len(paras):  # numbered items, and a closing line of no number (各省…要及时报送…)
                result.heading.append(f"“{num}、{title}”不分节，共 {len(items)} 条（另有 {len(paras) - len(items)} 段未编号）：")
            else:
                result.heading.append(f"“{num}、{title}”不分节，共 {len(items)} 段：")
            result.groups.append(Group(items=[Item(k, t, departments=False) for k, t in enumerate(items, 1)]))
        ctx.tasks = items
        ctx.sections = [(d.id, num, label) for label, _ in sections]  # (第N个方面 next: the Nth of these)
        return _answer(question, "structure_sections", result, query=q, tasks=ctx.tasks)
    for d in docs:
        own = [t for t in plan.document_tasks(d.id) if is_task(t)]  # (once per document, not once per part)
        divisions = getattr(d, "divisions", None) or []
        if divisions:
            # a file holding several documents (若干政策 + 行动计划): each document's parts under its own title, numbered
            # as it numbers them — or the one document the question names (行动计划分为几个部分)
            for cite, title in divisions:
                if division is not None and cite != division:
                    continue
                parts = [(num, t) for num, t in d.parts if division_of(d, num) == (cite, title)]
                if division is not None and not several:
                    result.heading.append(f"《{title}》分为 {len(parts)} 个部分：")
                    group = Group()
                else:
                    group = Group(title, tail=f"分为 {len(parts)} 个部分：")
                _part_items(group, d, parts, own)
                result.groups.append(group)
            continue
        head = f"《{d.name}》" if several else "方案"
        group = Group(d.name, tail=f"分为 {len(d.parts)} 个部分：") if several else Group()
        if not several:
            result.heading.append(f"{head}分为 {len(d.parts)} 个部分：")
        _part_items(group, d, d.parts, own)
        result.groups.append(group)
    from kb.qa.exec_plan import annex_note

    if note := annex_note(plan, {d.id for d in docs}):  # the annex is no part of the body, but it is there
        result.notes.append(note)
    return _answer(question, "structure_parts", result, query=q, tasks=[])


def _part_items(group: Group, d, parts: list[tuple[str, str]], own: list[Task]) -> None:
    """One line a part (its numeral as the document writes it, its title, its sections and tasks counted)."""
    for k, (num, title) in enumerate(parts, 1):
        secs = [label for label, _ in d.sections if label.startswith(num + "（")]
        n = item_count(t for t in own if t.part == num)
        extra = "，".join(x for x in (f"{len(secs)} 个方面" if secs else "", f"{n} 项任务" if n else "") if x)
        group.items.append(Item(k, None, text=f"{part_numeral(d, num)}、{title}" + (f"（{extra}）" if extra else "")))


def _annex_outline(question: str, q: Query, env: Env, docs) -> Answer:
    """The outline of an annex (``Query.outline_of`` its cite: its parts, 附件·一、… or its one-level sections 附件（一）…)
    or of an annex's own part (附件·二: its sections), each with the number of items under it."""
    from kb.select import heading_line, under_heading

    plan = env.plan
    label = q.outline_of
    doc = next(d for d in docs if any(x.startswith(label) for x, _ in d.sections))
    if ANNEX_LEVEL_MARK in label:
        own = [(x, t) for x, t in doc.sections if x.startswith(label + "（")]
        title = dict(doc.sections).get(label, "")
        head = f"“{heading_line(label, title)}”包括 {len(own)} 个方面"
    else:
        nested = [(x, t) for x, t in doc.sections if x.startswith(label + ANNEX_LEVEL_MARK) and not x.endswith("）")]
        own = nested or [(x, t) for x, t in doc.sections if x.startswith(label + "（")]
        title = dict(getattr(doc, "annexes", None) or []).get(label, "")
        head = f"{label}“{title}”" if title else label
        head += f"分为 {len(own)} 个部分" if nested else f"包括 {len(own)} 个方面"
    paras = [t for t in plan.part_tasks(doc.id, label.split(ANNEX_LEVEL_MARK)[0])]
    group = Group()
    total = 0
    for k, (x, t) in enumerate(own, 1):
        under = [p for p in paras if under_heading(x, p.section)]
        inner = sum(1 for y, _ in doc.sections if y.startswith(x + "（")) if ANNEX_LEVEL_MARK in x and not x.endswith("）") else 0
        n = item_count(under)
        total += n
        extra = "，".join(s for s in (f"{inner} 个方面" if inner else "", f"{n} 项" if n else "") if s)
        group.items.append(Item(k, None, text=heading_line(x, t) + (f"（{extra}）" if extra else "")))
    result = Result(heading=[head + (f"（共 {total} 项）：" if total else "：")])
    result.groups.append(group)
    env.ctx.tasks = []
    return _answer(question, "structure_annex", result, query=q, tasks=[])


# ---------------------------------------------------------------- departments compared


def exec_compare(question: str, q: Query, env: Env) -> Answer:
    """既牵头又配合的部门 / 只配合不牵头的部门: departments holding every asked role and none of the excluded."""
    plan, ctx = env.plan, env.ctx
    rows = [(n, c) for n, c in counts(plan) if c["total"]]
    subs = plan.subunits()
    if q.task_count:
        return _by_task_count(question, q, env, [(n, c) for n, c in rows if n not in subs])
    keep = [(n, c) for n, c in rows if n not in subs and all(c.get(r, 0) for r in q.roles)
            and not any(c.get(r, 0) for r in q.without_roles)]
    said = "又".join(ROLE_WORD[r] for r in q.roles)
    if len(q.roles) > 1:
        said = "既" + said
    if q.without_roles:
        said = "只" + said + "、不" + "、不".join(ROLE_WORD[r] for r in q.without_roles)
    ctx.tasks = []
    return _departments_counted(question, q, said, keep)


def exec_part_units(question: str, q: Query, env: Env) -> Answer:
    """职责分工里列了哪些单位: the units the tasks of a part or section name (in the role asked, any else), in order of
    first appearance, each with its number of those tasks."""
    plan = env.plan
    role = q.roles[0] if q.roles else "any"
    tasks = [t for t in (plan.task(i) for i in q.cited) if t is not None]
    held_any = [t for t in tasks if t.departments(role)]
    what = {"lead": "牵头单位", "support": "配合单位"}.get(role, "单位")
    if not held_any and tasks:
        # (三、管控流程部分涉及哪几家单位 where no item of the part is tagged: said so, never 方案中没有写到“部分”)
        env.ctx.tasks = []
        return _answer(question, "part_departments", Result(heading=[load_answer_words()["part_units_none"].format(
            heading=q.heading, count=len(tasks), what=what)]), query=q, tasks=[], departments=[])
    tasks = held_any
    if not tasks:
        return found_nothing(question, q, env)
    if all(t.role_source == "duty" for t in tasks):
        # a duty list (三、工作职责 — （十八）各镇、街道、开发区：…): its entries, as the part lists them — one entry may
        # name several units together, and an entry's duties may run over several paragraphs
        entries = list(dict.fromkeys(tuple(t.departments(role)) for t in tasks))
        result = Result(heading=[f"“{q.heading}”列出的{what}共 {len(entries)} 个（条）："])
        result.groups.append(Group(items=[Item(k, None, text="、".join(e)) for k, e in enumerate(entries, 1)]))
        names = list(dict.fromkeys(n for e in entries for n in e))
    else:
        held: dict[str, int] = {}
        for t in tasks:
            for name in t.departments(role):
                held[name] = held.get(name, 0) + 1
        result = Result(heading=[f"“{q.heading}”列出的{what}共 {len(held)} 个："])
        result.groups.append(Group(items=[Item(k, None, text=f"{name}（{n} 项）")
                                          for k, (name, n) in enumerate(held.items(), 1)]))
        names = list(held)
    env.ctx.tasks = []
    return _answer(question, "part_departments", result, query=q, tasks=[], departments=names)


def _by_task_count(question: str, q: Query, env: Env, rows) -> Answer:
    """只参与了一项任务的单位: the departments holding exactly (at least) ``q.task_count`` tasks in the role named
    (any role when none is), in the order of department_counts."""
    role = q.roles[0] if q.roles else "total"
    n = q.task_count
    keep = [(name, c) for name, c in rows if (c.get(role, 0) >= n if q.at_least else c.get(role, 0) == n)]
    said = (ROLE_WORD[role] if role != "total" else "参与") + f"{n}项{'及以上' if q.at_least else ''}任务"
    env.ctx.tasks = []
    return _departments_counted(question, q, said, keep)


def _departments_counted(question: str, q: Query, said: str, keep) -> Answer:
    """The answer of a set question over departments: ``said`` (既牵头又配合, 参与1项任务 …) and each kept department
    with what it holds, role by role."""
    result = Result(heading=[f"{said}的部门（单位）共 {len(keep)} 个" + ("：" if keep else "。")])
    group = Group()
    for k, (name, c) in enumerate(keep, 1):
        held = "，".join(f"{ROLE_WORD[r]} {c[r]} 项" for r in ("lead", "guide", "support", "sole", "shared") if c.get(r))
        group.items.append(Item(k, None, text=f"{name}（{held}）"))
    result.groups.append(group)
    return _answer(question, "departments_compared", result, query=q, tasks=[], departments=[name for name, _ in keep])


# ---------------------------------------------------------------- rankings over tasks


def _measure(task: Task, measure: str) -> int:
    if measure == "targets":
        return len(task.targets)
    if measure == "deadlines":
        return len(task.deadlines)
    if measure == "any":
        return len(task.departments("any"))
    return len(getattr(task, measure, None) or [])


def exec_rank(question: str, q: Query, env: Env) -> Answer:
    """哪项任务的配合单位最多 / 涉及部门最少的任务: the task(s) at the top (or bottom) of a count."""
    plan, ctx = env.plan, env.ctx
    tasks = duty_items(plan, [q.plan] if q.plan else None)
    what = {"support": "配合单位", "lead": "牵头单位", "any": "责任单位", "targets": "量化目标", "deadlines": "时限"}[q.measure]
    counted = [(t, _measure(t, q.measure)) for t in tasks]
    if q.aggregate == "least":
        counted = [(t, n) for t, n in counted if n > 0] or counted
        best = min((n for _, n in counted), default=0)
    else:
        best = max((n for _, n in counted), default=0)
    top = [t for t, n in counted if n == best]
    word = "最多" if q.aggregate == "most" else "最少"
    unit = "个" if q.measure in ("support", "lead", "any", "targets") else "项"
    if best == 0:
        ctx.tasks = []
        return _answer(question, "rank_tasks", Result(heading=[f"方案的任务都没有写明{what}，无从比较。"]), query=q, tasks=[])
    head = f"{what}{word}的任务共 {len(top)} 项（各 {best} {unit}{what}）："
    result = Result(heading=[head], groups=[Group(items=[Item(k, t) for k, t in enumerate(top, 1)])])
    if q.aggregate == "least" and best > 0:
        none = [t for t in tasks if _measure(t, q.measure) == 0]
        if none:
            result.notes.append(f"（另有 {len(none)} 项任务没有{what}，不计在内）")
    runners = sorted(((t, n) for t, n in counted if n != best), key=lambda x: -x[1] if q.aggregate == "most" else x[1])[:3]
    if runners:
        result.notes.append("其次：" + "；".join(f"{t.label}（{n} {unit}）" for t, n in runners))
    ctx.tasks = top
    return _answer(question, "rank_tasks", result, query=q, tasks=top)


# ---------------------------------------------------------------- earliest / latest deadline


def exec_extreme_deadline(question: str, q: Query, env: Env) -> Answer:
    """最早 / 最晚的时限: the tasks whose deadline (its end; a ``from`` deadline its start) comes first or last."""
    plan, ctx = env.plan, env.ctx
    # due dates only: a ``from`` deadline (自2019年7月1日起) starts something and is never "due"
    docs = [q.plan] if q.plan else None
    pick = min if q.aggregate == "earliest" else max
    word = "最早" if q.aggregate == "earliest" else "最晚"
    pairs = [(t, d, d.end) for t in plan_tasks(plan, docs) for d in t.deadlines if d.end and d.kind != "from"]
    if not pairs:
        ctx.tasks = []
        words = load_answer_words()
        result = Result(heading=[words["extreme_none"]])
        # (limits written in paragraphs naming no unit — 2026年3月底前完成20％年度任务量 — shown apart, never as the
        # tasks asked for: a goal's 到2025年 is no task's limit either; before, such a plan seemed to have no limits)
        loose = [(t, d, d.end) for t in plan.tasks if not docs or t.doc in docs for d in t.deadlines
                 if d.end and d.kind != "from"]
        if loose:
            day = pick(x for _, _, x in loose)
            chosen = [(t, d) for t, d, x in loose if x == day]
            result.related = [Item(k, t, deadlines=[d for tt, d in chosen if tt.id == t.id])
                              for k, t in enumerate({t.id: t for t, _ in chosen}.values(), 1)]
            result.related_title = words["extreme_untagged_title"].format(word=word, day=official_deadline(chosen[0][1]))
        return _answer(question, "deadline_extreme", result, status="not_in_plan", query=q, tasks=[],
                       related=[i.task for i in result.related])
    day = pick(p[2] for p in pairs)
    chosen = [(t, d) for t, d, x in pairs if x == day]
    tasks = list({t.id: t for t, _ in chosen}.values())
    result = Result(heading=[f"时限{word}的任务共 {len(tasks)} 项（{official_deadline(chosen[0][1])}）："])
    result.groups.append(Group(items=[Item(k, t, deadlines=[d for tt, d in chosen if tt.id == t.id])
                                      for k, t in enumerate(tasks, 1)]))
    ctx.tasks = tasks
    return _answer(question, "deadline_extreme", result, query=q, tasks=tasks,
                   deadlines=[(t.id, d) for t, d in chosen])


# ---------------------------------------------------------------- several targets at once


def exec_each_value(question: str, q: Query, env: Env) -> Answer:
    """黄色、橙色、红色预警的减排比例分别是多少: each named item's target, none dropped."""
    plan, ctx = env.plan, env.ctx
    from kb.qa.text import fold

    from kb.qa.distributive import own_parts, unknown_rest

    stated = _each_value_stated(question, q, env)
    if stated is not None:
        return stated
    pairs = [(t, tg) for t in plan.tasks if not q.plan or t.doc == q.plan for tg in t.targets]
    rest = "".join(q.topic)  # the words shared by every item (减排比例), read by read_each_value
    found = []
    missing = []
    named = [fold(f"{tg.metric}{tg.scope or ''}") for _, tg in pairs]
    mentions = plan.mentions()
    for item in q.items:
        # (an item written with Latin letters — pm10, PM2.5 — is matched whole: its first two characters pm
        # gave PM10 the PM2.5 target in a plan that never writes PM10, review-qa P5)
        # (else by its longest part no other item asked holds that some target names: 到2020年非化石能源消费比重 is the
        # plan's 非化石能源消费比重 — its first two characters 到2 named none; 石油消费比重 beside 煤炭消费比重 is never
        # matched by the 消费比重 both share)
        core = item if re.search(r"[a-z]", item) else next(
            (p for p in own_parts(fold(item), [fold(x) for x in q.items if x != item]) if any(p in n for n in named)),
            None)
        if core is None or unknown_rest(fold(item), core, mentions.__contains__):
            missing.append(item)  # (税收收入 beside 软件业务收入: 收入 alone names no target of it)
            continue
        keyed = [(t, tg) for (t, tg), n in zip(pairs, named) if core in n]
        if rest:
            narrowed = [(t, tg) for t, tg in keyed if any(rest[i:i + 2] in fold(tg.metric) for i in range(len(rest) - 1))]
            keyed = narrowed or keyed
        if keyed:
            found.append((item, keyed))
        else:
            missing.append(item)
    if not found:
        return found_nothing(question, q, env)
    result = Result(heading=[load_answer_words()["each_values"].format(n=len(found))])
    group = Group()
    tasks: dict[str, Task] = {}
    targets = []
    for k, (item, keyed) in enumerate(found, 1):
        group.items.append(Item(k, None, text=f"{_as_asked(item, question)}：" + "；".join(
            f"{t.label} {target_words(t, tg)}" for t, tg in keyed)))
        for t, tg in keyed:
            tasks.setdefault(t.id, t)
            targets.append((t.id, tg))
    result.groups.append(group)
    if missing:
        result.notes.append("方案没有写明：" + "、".join(_as_asked(m, question) for m in missing) + "。")
    sources = {(t.id, tg.clause) for _, keyed in found for t, tg in keyed}
    for tid, clause in sorted(sources):
        t = tasks[tid]
        if clause < len(t.clauses):
            result.notes.append(f"原文：{t.label} {t.clauses[clause]}")
    ctx.tasks = list(tasks.values())
    return _answer(question, "target_each", result, query=q, tasks=list(tasks.values()), targets=targets)


def _as_asked(item: str, question: str) -> str:
    """``item`` (folded: pm10) as the question writes it (PM10), for the answer; itself when not found so."""
    import unicodedata

    m = re.search(re.escape(item), unicodedata.normalize("NFKC", question), re.IGNORECASE)
    return m.group(0) if m else item


def _each_value_stated(question: str, q: Query, env: Env) -> Answer | None:
    """The plan's own distributive sentence whose items match every item asked best (kb/qa/distributive.py): each asked
    item with the value in its position (黄色、橙色、红色…分别不低于10%、20%、30%); None when no sentence names them all."""
    from kb.qa.distributive import distributions, match_items
    from kb.qa.text import fold

    rest = fold("".join(q.topic))
    mentions = env.plan.mentions()
    known = mentions.__contains__
    best: list[tuple[tuple[int, int], Task, object, list[int]]] = []
    for t in env.plan.tasks:
        if q.plan and t.doc != q.plan:
            continue
        for d in distributions(t.text):
            matched = match_items(q.items, d.items, known)
            if matched is None:
                continue
            # (equal matches: the sentence holding more of the words every item shares, 减排比例, wins)
            shared = sum(rest[i:i + 2] in fold(d.sentence) for i in range(len(rest) - 1))
            best.append(((matched[0], shared), t, d, matched[1]))
    if not best:
        return None
    top = max(b[0] for b in best)
    chosen = [b for b in best if b[0] == top]
    result = Result(heading=[load_answer_words()["each_values"].format(
        n=len(q.items) - sum(i < 0 for i in chosen[0][3]))])
    group = Group()
    missing = []
    for _, t, d, at in chosen:
        for item, i in zip(q.items, at):
            if i < 0:  # (an item the sentence does not name: said apart, never another item's value)
                missing.append(item)
                continue
            group.items.append(Item(len(group.items) + 1, None, text=f"{item}：{d.values[i]}（出处：{t.label}）"))
    result.groups.append(group)
    if missing:
        result.notes.append("方案没有写明：" + "、".join(dict.fromkeys(_as_asked(m, question) for m in missing)) + "。")
    for _, t, d, _ in chosen:
        result.notes.append(f"原文：{t.label} …{d.phrase}…" if d.phrase != d.sentence else f"原文：{t.label} {d.sentence}")
    tasks = list({t.id: t for _, t, _, _ in chosen}.values())
    env.ctx.tasks = tasks
    return _answer(question, "target_each", result, query=q, tasks=tasks)


# ---------------------------------------------------------------- a number in a unit


def exec_unit_value(question: str, q: Query, env: Env) -> Answer:
    """人才公寓要建多少套: the paragraphs on the topic that state a number in the asked unit, with those clauses
    (a number the target reader did not take as a target is still the plan's answer)."""
    import re

    from kb.qa.query import asked_topic, load_shapes
    from kb.qa.text import fold

    plan, voc = env.plan, env.voc
    words = [w for w in asked_topic(q.topic, voc, plan) if len(w) >= 2]
    if q.unit == "duration":
        # (活动持续多久 where the plan writes 活动为期1年 / 历时3个月: the length stated, with its end when the start is —
        # "没有写明时长" was said, and 消费季活动 got 从2024年5月1日开始 read as a length of 1日; values6 s18.  The words as
        # asked when the plan's title holds them: 入市试点工作为期多久 of a 入市试点工作实施方案)
        from kb.qa.exec_topics import duration_answer

        answer = duration_answer(question, q, env, words or [w for w in q.topic if len(w) >= 2], asks_end=False)
        if answer is not None:
            return answer
    shapes = load_shapes()
    money = q.unit in shapes["money_words"] or q.unit in shapes["money_units"]
    measure = q.unit in shapes["measure_asks"]  # 面积有多大: the units of that measure
    kinds = [units for units in shapes["unit_kinds"].values() if q.unit in units]
    tries = ([shapes["person_units"]] if q.unit in shapes["person_units"]
             else [shapes["money_units"]] if money else [measure_units(shapes, q.unit)] if measure
             # 多少座桥梁: the unit asked, then the other units of its kind (38个区管桥梁)
             else [[q.unit], *([[u for u in kinds[0] if u != q.unit]] if kinds else [])])
    from kb.parser.value_tables import load_words

    box = _box_named(plan, words, load_words().box_titles)
    if box is not None and not any(len(w) >= 3 for w in words if w != box[0]):
        box = None  # (only a verb left beside the title — 建设 — names nothing the box's items count)
    if box is not None:
        # (数字化转型重点工程要建成多少家智能工厂: the words name a 专栏's title — the box's items answer, about the rest)
        word, members = box
        words = [w for w in words if w != word]
    asked = list(words)
    from kb.qa.exec_topics import alien_modifier

    alien = next((m for w in asked if (m := alien_modifier(fold(w), plan.mentions()))), None)
    ends = _COUNTED_AT_END.search(fold(question))
    if alien is None and ends and not q.counted and q.unit != "duration" and ends.group(1) not in fold("".join(q.topic)) \
            and len(_plan_cut(ends.group(1), plan.mentions())) < 2 and ends.group(1) not in plan.mentions():
        # (几个农村物流配送中心 where the reading kept only 全县/建成: the thing counted, written last, is no word of the
        # plan whole or as two of its words — its figure is not stated, whatever the other words match)
        alien = ends.group(1)
        asked = [*asked, alien]
    if alien is not None:
        # (区域级工业互联网平台奖励多少万元 where the plan writes 行业级 and 企业级 ones: no figure of that thing — said
        # here, never left to a reading that gives a sibling's)
        env.ctx.tasks = []
        return Answer(question, "target_unit", load_answer_words()["target_thing_absent"].format(
            topic="".join(asked), missing=alien), tasks=[], status="not_in_plan")
    if q.overview and not any(len(w) >= 3 for w in asked):
        # (工作目标计划用多长时间实现: the goal part itself is asked of — its paragraphs' numbers in the unit answer, the
        # verbs asked, 用/实现, naming nothing: 一、工作目标 › 利用3-5年时间，建立健全…)
        from kb.qa.exec_goals import overview_tasks

        held, _ = overview_tasks(env, q.overview)
        year = (q.dates.last or q.dates.first or "")[:4] or None if q.dates is not None else None
        for units in tries:
            stated = _unit_clauses(held, units, [], year)
            if stated:
                kind = "duration" if q.unit == "duration" else "measure" if measure else "money" if money else "unit"
                result = Result(heading=[load_answer_words()["unit_value_found"][kind].format(n=len(stated), unit=q.unit)])
                result.groups.append(Group(items=[Item(k, t, text="：" + "；".join(c.strip() for c in cs))
                                                  for k, (t, cs) in enumerate(stated, 1)]))
                env.ctx.tasks = [t for t, _ in stated]
                return _answer(question, "target_unit", result, query=q, tasks=env.ctx.tasks)
    # (a word opening with a time or verb of how it is asked — 今年造林 of 今年造林任务要完成多少亩 — is held without it:
    # shapes.yaml value_verbs; "原文中没有以“亩”计的数字" was said over 全年完成3.2万亩造林任务)
    words = [w for w in (_held_part(plan, voc, w) or _held_part(plan, voc, _less_value_verb(w, shapes["value_verbs"]))
                         for w in words) if w]
    if not words and money and not _states_a_sum(plan, shapes["money_units"]):
        # 城市更新项目总投资多少钱 in a plan that states no sum at all: not in the plan, whatever the words
        return _no_sum(question, q, env, asked)
    if not words:
        return found_nothing(question, q, env)
    groups = [voc.synonyms(w) for w in words]
    if q.topic_any and len(groups) > 1:  # 燃气管道和供水管道分别…多少公里: the paragraphs of each word
        by_id = {t.id: t for g in groups for t in plan.tasks_matching([g], fold, kinds=None)}
        candidates = sorted(by_id.values(), key=plan.position)  # (in plan order)
    else:
        candidates = plan.tasks_matching(groups, fold, kinds=None)
    if not candidates:  # the longest asked word alone (引进培养 need not stand verbatim)
        candidates = plan.tasks_matching([voc.synonyms(max(words, key=len))], fold, kinds=None)
    if not q.topic_any:
        # (a glued word is also the plan's two words apart: 标识解析二级节点 asked, 专栏2…标识解析体系…力争全省建成10个二级
        # 节点 — the paragraphs holding both pieces, each word's other spellings kept)
        cut = [_plan_cut(w, plan.mentions()) for w in words]
        if any(len(c) > 1 for c in cut):
            known = {t.id for t in candidates}
            apart = plan.tasks_matching([voc.synonyms(p) if len(c) == 1 else [p] for c in cut for p in c], fold, kinds=None)
            candidates = sorted([*candidates, *(t for t in apart if t.id not in known)], key=plan.position)
    if box is not None:
        candidates = [t for t in candidates if t.id in {m.id for m in members}]
    # the year a date asked ends in (到2025年底…多少平方公里): the sentences naming it answer
    year = (q.dates.last or q.dates.first or "")[:4] or None if q.dates is not None else None
    # what the answer must be about: the words asked as the question writes them (not the start of one some
    # paragraph holds: 新增停车位 shortened to 新增 took 新增…公办学位6800个 of another row), a leading verb left out
    # (新增, 新建: value_verbs), those the plan holds at all (提前 of 提前几天 is how it is asked) — each with its synonyms
    needed = _needed_words(asked, voc, plan, shapes["value_verbs"])
    if needed == []:  # (every word asked is one the plan does not hold: 新增多少个农村公路)
        return found_nothing(question, q, env)
    # (the thing counted — 农村物流配送中心 of 几个农村物流配送中心 — ends in its head noun: a figure whose subject lacks it
    # counts something else, 15个乡镇物流服务站 under 农村物流配送体系建设工程)
    # (a numeral in it — 配一名 of 按多少户配一名 — makes it no noun: 配1名 is written in digits)
    head = fold(q.counted)[-2:] if q.counted and len(q.counted) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", q.counted) \
        and not re.search(r"[一二两三四五六七八九十百千万]", q.counted) else None
    found = []
    for k, units in enumerate(tries):
        # (another unit of the kind answers only beside the thing counted: 38个区管桥梁, not 四个区)
        counted = [voc.synonyms(q.counted)] if k and q.counted else None
        found = _unit_clauses(candidates, units, counted or groups, year, near_only=bool(counted),
                              needed=needed, any_word=q.topic_any, vague=shapes["vague_amounts"], head=head,
                              nouns=shapes["measure_nouns"].get(q.unit, ()) if measure else ())
        if found:
            break
    if q.excluded and found:
        # 县级及以上城市建成区以外的其他区域…多少蒸吨: a clause about the excluded place (most of its characters, in runs) is
        # what B is not — never its answer (holdout14 zg03 quoted 建成区's 35蒸吨); none left, nothing found
        found = [(t, [c for c in cs if not any(3 * _held_runs(fold(x), fold(c)) >= 2 * len(x) for x in q.excluded)])
                 for t, cs in found]
        found = [(t, cs) for t, cs in found if cs]
    if not found:
        if money:  # 总共投入多少钱: no paragraph on the topic states a sum — the plan does not say
            return _no_sum(question, q, env, asked, candidates)
        return found_nothing(question, q, env)
    # (a span of time asked — 多少天内, 周期多长 — is said as one: 20个工作日内 is no quantity of things)
    kind = "duration" if q.unit == "duration" else "measure" if measure else "money" if money else "unit"
    result = Result(heading=[load_answer_words()["unit_value_found"][kind].format(n=len(found), unit=q.unit)])
    result.groups.append(Group(items=[Item(k, t, text="：" + "；".join(c.strip() for c in cs))
                                      for k, (t, cs) in enumerate(found, 1)]))
    tasks = [t for t, _ in found]
    env.ctx.tasks = tasks
    return _answer(question, "target_unit", result, query=q, tasks=tasks)


#: The thing a question counts, written last (全县力争建成几个农村物流配送中心？): group 1.
_COUNTED_AT_END = re.compile(r"(?:多少|几)[个项家座所条名处台套张](?![月年天日周小])([\u4e00-\u9fff]{2,})[？?。!！]*$")


def _plan_cut(word: str, mentions) -> list[str]:
    """``word`` as two words of the plan when it is glued of two (标识解析二级节点 → 标识解析, 二级节点; 易腐货物通关 →
    易腐货物, 通关): the cut whose two pieces (2+ characters) the plan both writes, the most even one; else [word]."""
    cuts = [(min(k, len(word) - k), k) for k in range(2, len(word) - 1)
            if word[:k] in mentions and word[k:] in mentions]
    if len(word) < 4 or not cuts:
        return [word]
    k = max(cuts)[1]
    return [word[:k], word[k:]]


def measure_units(shapes: dict, measure: str) -> list[str]:
    """The units a measure asked is stated in: its kind's (shapes.yaml unit_kinds: area → 平方米 …), or those of every
    kind a measure spanning several names (measure_kinds: 规模 → a capacity, an area, a length, a count, a sum)."""
    kinds = shapes["measure_kinds"].get(measure, (measure,))
    return list(dict.fromkeys(u for k in kinds for u in shapes["unit_kinds"][k]))


def _no_sum(question: str, q: Query, env: Env, asked: list[str], searched: list[Task] = ()) -> Answer:
    """No sum of money on the topic asked (or in the whole plan): not_in_plan, with the targets the plan does set on
    it (生产总值总量要达到多少亿元 where it sets 增长6%).  ``searched``: the items on the words; where they do state sums
    (in clauses kb did not take as the one asked) the line says so and quotes them — never that they state none."""
    import re

    from kb.qa.exec_topics import targets_named
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    env.ctx.tasks = []
    w = load_answer_words()
    units = load_shapes()["money_units"]
    sums = re.compile(r"[0-9０-９][0-9０-９.,，]*\s*(?:" + "|".join(map(re.escape, sorted(units, key=len, reverse=True))) + ")")
    beside = list(dict.fromkeys(f"{t.label} {c.strip()}" for t in searched for c in re.split(r"[。；;]", value_text(t))
                                if sums.search(fold(c))))
    # (no topic asked — 需要多少资金 — is said of the whole plan, never of a stand-in topic worded as if asked)
    if beside and "".join(asked):
        heading = [w["no_sum_beside"].format(topic="".join(asked)), *beside[:3]]
    else:
        heading = [w["no_sum"].format(topic="".join(asked)) if "".join(asked) else w["no_sum_plan"]]
    named = targets_named(env, asked)
    if named:
        heading.append(w["stated_instead"])
        heading.extend(target_line(t, tg) for t, tg in named)
    return _answer(question, "target_unit", Result(heading=heading), status="not_in_plan", query=q, tasks=[])


def _unit_clauses(candidates: list[Task], units: list[str], groups: list[list[str]], year: str | None,
                  near_only: bool = False, needed: list[list[str]] | None = None, any_word: bool = False, vague=(),
                  nouns=(), head: str | None = None):
    """(task, clauses) of the candidates whose clauses state a number in one of ``units``: the clauses holding an
    asked word when any paragraph has one, else every such clause; with a year asked (到2025年底…多少平方公里), only
    the sentences naming that year when some do (a goal paragraph states 2025 and 2030 side by side).

    ``needed`` (``_needed_words``): the words asked.  Only a paragraph about them answers (``_about``), with its
    clauses in the unit holding most of them — or its one such clause when none holds any (建设人才公寓，到2020年建成
    500套) and the paragraph does not count the asked thing another way (新增养老床位300张 beside 新建…中心10个) or
    leave it open (若干).  A number of a paragraph or clause about something else is never an answer.
    ``nouns``: a measure's nouns (面积 of 面积多大): a clause naming the measure in a sentence about the words asked
    answers (新建社区养老服务站15个，总建筑面积约6000平方米 → 6000平方米), its count of the thing no obstacle.
    """
    import re

    from kb.qa.text import fold

    # (a year, 2019年, is a date — never an amount of 年: a span asked, 周期多长, is stated as 周期为1年; nor is 上一年 /
    # 同一批 / 每一次, a numeral after a word pointing at one of a series)
    # (a unit is not the start of a longer one: 1000人次 counts attendances, not 人 — targets.yaml units, shapes.yaml
    # unit_kinds)
    longer = sorted({w[len(u):] for u in units for w in _all_units() if w.startswith(u) and w not in units}, key=len,
                    reverse=True)
    # (an approximation between number and unit is the figure's: 3200多名, 1.2万余人, 80余辆)
    number = re.compile(r"(?<![0-9上下同每当本前后])(?!(?:19|20)[0-9]{2}年)(?:[0-9][0-9,.]*|[一二两三四五六七八九十百千]+)(?:万|亿)?(?:多|余)?(?:"
                        + "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) + ")"
                        + (f"(?!{'|'.join(map(re.escape, longer))})" if longer else "")
                        # (a span followed by 期 names a kind of thing — 3年期以上贷款, 5年期国债 — no span of the work:
                        # 单个项目贴息期不超过3年 is the one asked, holdout15 gy09; 3年期满 / 3年期间 stay spans)
                        + (r"(?!期(?![间内满]))" if any(u in _DURATION_UNITS for u in units) else ""))
    # (a rule written as a slogan — 发现一台、淘汰一台, 成熟一个、推进一个 — counts nothing: its 一台 is no figure)
    number = _SloganFree(number)
    # (a clause names the year asked itself — 2026年应完成剩余1620亩 —, not as the end of a range: （2024－2026） of the
    # sentence before holds the three years' 5800亩)
    # A clause naming no year has the year of the clause before it in its sentence (嘉定区到2025年底，50平方公里以上…).
    # A clause naming no year in a sentence naming none has the year of its item's own limit for the whole item — its
    # heading's (（二）建设及试运行阶段（2025年年底前） over 累计划设低空飞行航线不少于150条) or its tag's (holdout13 dk01).
    year_named = re.compile(rf"(?<![0-9][－—\-~～至到]){year}(?:年|$)") if year else None
    any_year = re.compile(r"(?<![0-9][－—\-~～至到])(?:19|20)[0-9]{2}年")
    of_year: dict[tuple[str, str], bool] = {}  # (task id, clause) → the clause's own or inherited year is the one asked
    task_id = ""

    def names_year(c: str, tid: str | None = None) -> bool:
        if not year:
            return False
        key = (task_id if tid is None else tid, c)
        if key not in of_year:
            of_year[key] = bool(year_named.search(c))
        return of_year[key]

    def read_years(sentence: str, item_year: str | None) -> None:
        """Each clause of ``sentence`` whose own or inherited year is the one asked; the sentence itself when one is."""
        current = item_year == year
        for c in re.split(r"[，,]", sentence):
            if any_year.search(c):
                current = bool(year_named.search(c))
            of_year[(task_id, c)] = of_year.get((task_id, c), False) or current
        of_year[(task_id, sentence)] = any(of_year[(task_id, c)] for c in re.split(r"[，,]", sentence))
    found, near_found = [], []
    quoted: dict[tuple[str, str], str] = {}  # (task id, clause) → the clause as quoted (with the span naming its subject)
    for t in candidates:
        task_id = t.id
        written = value_text(t)
        sentences = [s for s in re.split(r"[。；;]", written) if number.search(fold(s))]
        if year:
            item_year = whole_item_year(t)
            for s in sentences:
                read_years(s, item_year)
        if year and any(names_year(s) for s in sentences):
            sentences = [s for s in sentences if names_year(s)]
        if needed is not None:
            # (the paragraph is about the words asked: it holds the longest of them and more than half of their
            # characters; its clauses in the unit are ranked by how much of them each holds)
            text = fold(written)
            if not _about(text, needed, any_word):
                continue
            pairs = [(c, s) for s in sentences for c in re.split(r"[，,]", s) if number.search(fold(c))]
            clauses = [c for c, _ in pairs]
            # (a figure's subject is its clause with the clauses of its sentence since the figure before it: …36小时以内，
            # 其中，生鲜农产品和冷链货物，实行4小时内放行 — 4小时 is 生鲜农产品's, and 36小时 is not; 对跨行业跨领域…平台
            # 省级给予奖补，最高3000万元 — the 对 clause names what 3000万元 is for)
            # (a span writing no word of its subject has the subject of the figure before it: 到2023年，力争每万常住人口
            # 家庭医生数不低于4人，到2025年不低于4.66人 — 4.66 measures 每万常住人口家庭医生数)
            # (a clause after a figure continues it — 20个工作日内，向社会公布…，接受社会监督 — until one opens a new subject:
            # targets.yaml subject_openers, 其中，易腐货物…，实行6小时内放行)
            openers = _subject_openers()
            subject, said, span = {}, {}, {}
            since: dict[str, str] = {}  # clause → its span since the figure before (of any unit), folded
            for s in sentences:
                lead: list[str] = []
                prev = None
                for c in re.split(r"[，,]", s):
                    if not number.search(fold(c)):
                        lead.append(c)
                        continue
                    if prev is not None:
                        # (nor past a clause with a figure of its own in another unit: 新增残疾人就业600人以上，培训残疾人
                        # 1500人次 — 培训残疾人 is 1500人次's, not a word of 600人's subject)
                        at = next((i for i, x in enumerate(lead) if x.strip().startswith(openers)
                                   or _OTHER_FIGURE.search(_ITEM_NUMBER.sub("", fold(x)))), len(lead))
                        if at:
                            subject[prev] += fold("，".join(lead[:at]))
                        lead = lead[at:]
                    # (a clause opening a subject itself has no lead: 全社会固定资产投资额550亿元,其中:工业技改投资增长10% is
                    # no 固定资产投资 rate; a figure of another unit in the lead is part of it — 对综合评价排名前十的平台
                    # 企业,按上年度营业收入的10%给予补助,最高不超过500万元)
                    if c.strip().startswith(openers):
                        lead = []
                    # (quoted: from after a figure in another unit — 压缩至36小时以内，其中，…冷链货物，实行4小时内放行
                    # asked in 小时内放行 quotes no 36小时; a year opening the span is no figure)
                    cut = max((i + 1 for i, x in enumerate(lead) if _OTHER_FIGURE.search(_ITEM_NUMBER.sub("", fold(x)))), default=0)
                    shown = "，".join(lead[cut:])
                    own = fold("，".join([*lead, c]))
                    subject[c] = own if _held(own, needed) or not said.get(s) else said[s] + own
                    since[c] = fold("，".join([*lead[cut:], c]))
                    said[s] = subject[c]
                    # (the words of the span before the clause are quoted with it when they hold a word asked)
                    span[c] = f"{shown}，{c}" if shown and _held(fold(shown), needed) else c
                    prev, lead = c, []
            # (a clause holding the words — as a paragraph must, _about —, or some of them in a sentence about them
            # that counts nothing asked another way (实现7天预报 of 提高空气质量预警预报能力), ranked by how much of them
            # it holds, then its sentence: 可申请最高不超过300万元的创业担保贷款 in the sentence on 小微企业, not the
            # 15万元 one before it)
            # (a clause naming the measure asked — 处理规模达到每日3000立方米 for 规模多大 — ranks first: the measure's
            # noun is asked too, the scan consumed it with 多大)
            # (with a year asked, a clause naming it ranks first: 2024年及2025年…约4180亩，2026年应完成剩余1620亩)
            # (an asked word written whole in the paragraph beside a figure in another unit — 培训残疾人1500人次 asked in
            # 名 — is counted there: a clause holding only part of it — 新增残疾人就业600人以上 — is another thing's figure)
            # (several things asked at once — 按多少比例奖补，单个企业最高多少 — each has its own clause: none of them
            # keeps the others' clauses out)
            # (a measure asked — 面积多大 — is no count: 新建社区养老服务站15个 beside 总建筑面积约6000平方米 keeps nothing
            # out; an item's own number, 28.“红棉计划”创业项目, counts nothing)
            elsewhere = [] if any_word or nouns else [
                ws for ws in needed if any(_counts_it(fold(_ITEM_NUMBER.sub("", x)), ws, vague)
                                           for x in re.split(r"[，,。；;]", written) if x not in clauses)]
            # (ranked after the characters held, a word written whole beats the same characters apart: 新增残疾人就业
            # 600人以上, not 带动残疾人家庭成员就业1.2万余人, for 残疾人就业)
            scored = [((names_year(c), any(n in fold(c) for n in nouns), _held(subject[c], needed),
                        sum(any(w in subject[c] for w in ws) for ws in needed), _held(fold(s), needed)), c)
                      for c, s in pairs
                      if not any(not any(w in since[c] for w in ws) for ws in elsewhere)
                      if _about(fold(c), needed, any_word, either=True)
                      or (_held(fold(c), needed) and _about(fold(s), needed, any_word) and (any_word or not any(
                          _counts_it(fold(x), ws, vague) for x in re.split(r"[，,]", s) if x not in clauses
                          for ws in needed)))
                      or (any(n in fold(c) for n in nouns) and _about(fold(s), needed, any_word))
                      # (the asked year named by the clause itself, in a paragraph about the words: 2025年达到4.66名
                      # after 2023年力争每万常住人口达到4名)
                      or names_year(c)]
            if head is not None:
                # (the thing counted: its head noun in the figure's subject, in order — 车位 in 停车泊位)
                scored = [(n, c) for n, c in scored if in_order(head, subject.get(c, fold(c)))]
            best = max((n for n, _ in scored), default=None)
            if best is not None:
                near_found.append((t, [c for n, c in scored if n == best]))
                quoted.update({(t.id, c): span.get(c, c) for n, c in scored if n == best})
            elif len(clauses) == 1 and not near_only and (head is None or in_order(head, text)) and not any(
                    _counts_it(fold(c), ws, vague) for c in re.split(r"[，,。；;]", written) if c not in clauses
                    for ws in needed) and not _for_another(since.get(clauses[0], ""), needed, openers):
                # (the paragraph's one number in the unit, in a clause holding none of the words — 建设人才公寓，
                # 到2020年建成500套 — unless the paragraph counts the asked thing itself another way: 新增养老床位300张
                # beside 新建…服务中心10个, or leaves it open: 建设若干…体育赛事城市)
                found.append((t, clauses))
            continue
        clauses = [c for s in sentences for c in re.split(r"[，,]", s) if number.search(fold(c))]
        near = [c for c in clauses if any(w in fold(c) for g in groups for w in g)]
        if near:
            near_found.append((t, near))
        elif clauses:
            found.append((t, clauses))
    if any_word and needed and len(needed) > 1 and len(near_found) > 1:
        # (several things asked at once — 首轮流片按多少比例奖补，单个企业最高多少: the paragraphs about the most of them
        # answer; a paragraph about one alone (比例奖补 of another policy) is another subject's figure.  Each about one:
        # all kept — 燃气管道和供水管道分别…: one paragraph each)
        # (then by how much of their words each holds: 单个企业最高 is loosely about any 最高 of 企业)
        about = {t.id: (sum(_about(fold(t.text), [ws]) for ws in needed), _held(fold(t.text), needed))
                 for t, _ in near_found}
        most = max(about.values())
        if most[0] > 1:
            near_found = [(t, cs) for t, cs in near_found if about[t.id] == most]
    chosen = near_found or ([] if near_only else found)
    if year and any(names_year(c, t.id) for t, cs in chosen for c in cs):
        # (a year asked: the paragraphs whose clauses name it, those clauses — 2025年达到4.66名, not the undated 4人
        # of another paragraph nor 2023年…4名 beside it)
        chosen = [(t, [c for c in cs if names_year(c, t.id)]) for t, cs in chosen if any(names_year(c, t.id) for c in cs)]
    return [(t, [quoted.get((t.id, c), c) for c in cs]) for t, cs in chosen]


def _for_another(span: str, needed: list[list[str]], openers: tuple[str, ...]) -> bool:
    """A figure's span names its own subject, not the words asked: it opens with a subject opener (对新认定的夜间消费
    集聚区给予一次性奖励20万元 — 对, 对于, 针对: targets.yaml ``subject_openers``) or a list item's mark (三是…, 1.…:
    ``_LIST_MARK``) and holds too little of them
    (灯光秀 asked: the paragraph's one sum is the 集聚区's)."""
    return (span.lstrip().startswith(openers) or bool(_LIST_MARK.match(span))) and not _about(span, needed, either=True)


#: A mark opening one item of a list written in a paragraph (二是, 其三是, 第二，, 1., （2）): the item names its own
#: subject — a figure in it is that item's (三是交警业务：1.机动车200元以下简易违法处理 is no fee of 一是's 签注缴费:
#: holdout17 o13).
_LIST_MARK = re.compile(r"^\s*(?:其?[一二三四五六七八九十]+是|第[一二三四五六七八九十]+(?:[，,、是])|[（(]?[0-9]{1,2}[)）.、．])")



#: Units of a span of time (a figure in one of them followed by 期 is a kind of thing: 3年期以上贷款).
_DURATION_UNITS = frozenset({"年", "个月", "月", "天", "日", "周", "个工作日", "工作日", "个季度", "季度", "小时"})


class _SloganFree:
    """A figure pattern whose ``search`` passes over 一 + unit repeated in a run of short parallel phrases (发现一台、淘汰
    一台; 成熟一个、推进一个、验收一个): a slogan states a rule — each one found is removed — never a number to reach
    (review-qadiff s16 s5: 实际淘汰了多少台燃煤锅炉 was answered 方案写明的数量（以“台”计）…发现一台、淘汰一台)."""

    __slots__ = ("pattern",)

    def __init__(self, pattern):
        self.pattern = pattern

    def search(self, text: str):
        return next((m for m in self.pattern.finditer(text) if not _in_slogan(text, m)), None)


def _in_slogan(text: str, m) -> bool:
    """The figure ``m`` is 一 + its unit, and the same words stand again in a phrase of 1–4 characters beside it, joined
    by 、 or ，: ``发现一台、淘汰一台``."""
    figure = m.group()
    if not figure.startswith("一") or len(figure) > 3:
        return False
    run = rf"[\u4e00-\u9fff]{{1,4}}{re.escape(figure)}"
    return any(a <= m.start() < b for a, b in (x.span() for x in re.finditer(rf"{run}(?:[、，,]{run})+", text)))


@lru_cache(maxsize=1)
def _all_units() -> frozenset[str]:
    """Every unit a figure is written in (targets.yaml ``units``, shapes.yaml ``unit_kinds``)."""
    from kb.parser.deadlines import read_vocabulary_file
    from kb.qa.query import load_shapes

    kinds = load_shapes()["unit_kinds"]
    return frozenset([*read_vocabulary_file()["units"], *(u for us in kinds.values() for u in us)])


@lru_cache(maxsize=1)
def _subject_openers() -> tuple[str, ...]:
    """The words opening a clause that starts a new subject among figures (targets.yaml ``subject_openers``)."""
    from kb.parser.deadlines import read_vocabulary_file

    return tuple(read_vocabulary_file()["subject_openers"])


#: An item's own number opening its text (4.家庭医生人数…, （3）): no figure.
_ITEM_NUMBER = re.compile(r"^\s*[（(]?[0-9]{1,3}[)）.、．]")
#: A figure of any unit in a clause (a year, 2025年, is none): it ends the span a later figure's subject is read from.
_OTHER_FIGURE = re.compile(r"(?<![0-9.])(?!(?:19|20)[0-9]{2}年)[0-9]")


def whole_item_year(task: Task) -> str | None:
    """The year the item's limit for the whole item ends in — its heading's (``Deadline.heading``) or its tag's (clause
    = the number of its clauses) —, when all such limits end in one year; else None (no such limit, or several years:
    the item does not say which).  An item with a limit of its own in one clause (2024年内完成光纤到村改造 under
    ``（二）推广阶段（2025年底前）``) keeps no heading limit (kb/parser/core.py ``rule_heading_deadlines``: its own wins as its
    due date); its other clauses, naming no year, still belong to the heading's phase — its section's (then part's) title
    is read with the parser's own ``heading_limits``."""
    years = {d.end[:4] for d in task.deadlines if d.clause >= len(task.clauses) and d.end and d.kind != "from"}
    if not years and task.deadlines:
        from kb.parser.deadlines import heading_limits

        titles = ([task.section_title] if task.section and task.section_title and task.kind != "measure" else [])
        for title in [*titles, task.part_title if task.part else None]:
            years = {d.end[:4] for d in heading_limits(title or "") if d.end and d.kind != "from"}
            if years:
                break
    return years.pop() if len(years) == 1 else None


def value_text(task: Task) -> str:
    """The text a number (or a date) asked is read from: a paragraph as written; a task table's row with its other text
    cells (``Task.cells``) after it, each clause after its cell's header (``2024年工作任务：创建停车资源优化项目12个，
    2024年工作任务：新增公共泊位800个``), so a value written in a cell other than the body's is found and each quoted clause
    says which cell it is.  When a header names a year (2024年工作任务 beside 2025年工作计划), the body's clauses are
    written after their header too: a year asked chooses the cell's sentences (as 到2024年… of a goal paragraph)."""
    cells = task.cells()
    if not cells:
        return task.text
    from kb.parser.value_tables import header_unit

    dated = any(HEADER_YEAR.search(h) for h, _ in cells)
    seen = {task.body, task.title or ""}
    sentences = []
    for n, (header, text) in enumerate(cells):
        if n and (text in seen or not dated and text in task.text):
            continue  # (内容 / 任务名称 repeating the title or the body; a cell the row's text writes out already)
        seen.add(text)
        if n == 0 and not dated:
            continue  # (the body as written, below)
        unit = header_unit(header)
        for sentence in re.split(r"[。；;]", text):
            clauses = [c.strip() for c in re.split(r"[，,]", sentence) if c.strip()]
            # (a bare figure under a header giving its unit — 资金（万元）｜2400 — is 2400万元: the unit is the cell's)
            clauses = [f"{c}{unit}" if unit and _BARE_FIGURE.fullmatch(c) else c for c in clauses]
            if clauses:
                sentences.append("，".join(f"{header}：{c}" for c in clauses))
    # (a row's title cell — 项目名称｜县城供水管网改造工程 — names what its figures are of: kept when the row's text does not
    # write it, so a question naming the project and a figure column is about the row; values4's left item 9)
    title = f"{task.title}。" if task.title and task.title not in task.text else ""
    if dated:
        return title + "。".join(sentences) + "。" + (task.tag or "")
    return title + task.text + "".join(f"。{x}" for x in sentences)


#: A cell that is a figure alone (2400, 1.5): its unit is its header's (kb.parser.value_tables.header_unit).
_BARE_FIGURE = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


#: A year a table column's header names (2024年工作任务, 2025年 工作计划): the year is group 1 (kb.qa.exec_plan.dated_cells).
HEADER_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def _needed_words(asked: list[str], voc, plan: Plan, verbs) -> list[list[str]] | None:
    """The words a value answer must be about (kb.qa.executors.exec_unit_value): each asked word without a leading
    verb (新增停车位 → 停车位), with its synonyms, when the plan holds more than half of its characters (in runs of 2+);
    None when nothing is asked beyond verbs, [] when the plan holds none of the words asked."""
    mentions = plan.mentions()
    out, asked_any = [], False
    for w in asked:
        core = next((w[len(v):] for v in sorted(verbs, key=len, reverse=True) if w.startswith(v)), w)
        if len(core) < 2:
            continue  # (新增 alone, or one character: how it is asked)
        asked_any = True
        spellings = list(dict.fromkeys([core, *(x for x in voc.synonyms(w) if x and x != w)]))
        # (a fine asked in one spelling is written in another: 最高罚款 of 最高限十万元予以处罚 — shapes.yaml fine_spellings)
        from kb.qa.query import load_shapes

        fines = load_shapes()["fine_spellings"]
        spellings += [core.replace(f, g) for f in fines if f in core for g in fines if g != f
                      and core.replace(f, g) not in spellings]
        if any(2 * _held_runs(x, mentions) > len(x) for x in spellings):
            out.append(spellings)
    return out if out or asked_any else None


def _held_runs(word: str, where, in_order: bool = False) -> int:
    """How many characters of ``word`` ``where`` holds as runs of 2+ characters (the longest run first at each step; a
    character no run starts at is skipped): anywhere (``run in where``: ``plan.mentions()``, a stored plan's too), or
    with ``in_order`` in the word's order in the text ``where`` (停车位 in 停车泊位: each run found after the one before)."""
    i = pos = held = 0
    while i < len(word) - 1:
        for j in range(len(word), i + 1, -1):
            if in_order:
                at = where.find(word[i:j], pos)
                if at < 0:
                    continue
                pos = at + j - i
            elif word[i:j] not in where:
                continue
            held, i = held + j - i, j
            break
        else:
            i += 1
    return held


def _held(text: str, needed: list[list[str]]) -> int:
    """How many characters of the asked words ``text`` holds (each word's best spelling)."""
    return sum(_held_word(text, ws) for ws in needed)


def _held_word(text: str, ws: list[str]) -> int:
    """How many characters of one asked word ``text`` holds: its best spelling of ``ws``, whole or in runs in order."""
    return max(len(w) if w in text else _held_runs(w, text, in_order=True) for w in ws)


def _about(text: str, needed: list[list[str]], any_word: bool = False, either: bool = False) -> bool:
    """A paragraph is about the words asked: it holds the longest of them (more than half of its characters, in
    order: 停车位 in 停车泊位, 空气质量预报 in 空气质量预警预报) and more than half of all their characters (空气质量预报 of
    空气质量预报要提前几天 beside 提前, a word of the plan elsewhere); with words joined by 和/、 (燃气管道和供水管道), any one.
    ``either``: one of the two suffices (a clause)."""
    def held(ws):
        # (the words asked may stand in another order than the plan's — 发消费券整合 of 整合500万元资金用于发放消费券, a
        # question putting the purpose first: their runs of 2+ characters held in ONE clause, in any order, count when in
        # order fails; pieces in two clauses — 给予补助，单个项目最高 for 最高补助 — are two things)
        return max(_held_word(text, ws), max(_held_runs(w, c) for w in ws for c in _CLAUSE_CUT.split(text)))

    if any_word:
        return any(2 * held(ws) > len(ws[0]) for ws in needed)
    longest = max(needed, key=lambda ws: len(ws[0]))
    on_longest = 2 * held(longest) > len(longest[0])
    on_all = 2 * sum(held(ws) for ws in needed) > sum(len(ws[0]) for ws in needed)
    # (a clause: either — a question's filler the scan left in its longest word, 小微企业最高可申请, is not all of it)
    return (on_longest or on_all) if either else (on_longest and on_all)


#: Where a clause ends (the any-order reading of the words asked stays inside one).
_CLAUSE_CUT = re.compile(r"[，,。；;：:]")

_OWN_NUMBER_AFTER = re.compile(r"^\s*(?:[0-9]|[一二两三四五六七八九十百千]+[^\s，。；、0-9])")
_OWN_NUMBER_BEFORE = re.compile(r"(?:[0-9]|[一二两三四五六七八九十百千])[^\s，。；、0-9]{0,2}$")


def _counts_it(clause: str, spellings: list[str], vague=()) -> bool:
    """The clause writes a number right after or before the asked word (新增养老床位300张, 300张养老床位), or an open
    amount before it (建设若干具有较大影响力的体育赛事城市)."""
    for w in spellings:
        at = clause.find(w)
        if at >= 0 and (_OWN_NUMBER_AFTER.match(clause[at + len(w):]) or _OWN_NUMBER_BEFORE.search(clause[:at])
                        or any(v in clause[:at] for v in vague)):
            return True
    return False


def _states_a_sum(plan: Plan, units) -> bool:
    """Some paragraph of the plan writes a digit right before a money unit (4000万元, 2万亿元)."""
    mentions = plan.mentions()
    return any(f"{d}{u}" in mentions for d in "0123456789" for u in units)


def _less_value_verb(word: str, verbs) -> str:
    """``word`` without the longest of ``verbs`` opening it (今年造林 → 造林), when 2+ characters are left."""
    verb = next((v for v in sorted(verbs, key=len, reverse=True) if word.startswith(v) and len(word) - len(v) >= 2), "")
    return word[len(verb):]


def _asks_how(question: str) -> bool:
    """The question asks how or what is required (shapes.yaml ``how_asks``: 如何, 怎么, 有什么要求) and no number
    (``value_ask_marks``: 多少, 几, 比例): no value ask, whatever direction word it holds (如何提高…)."""
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    shapes, text = load_shapes(), fold(question)
    return any(w in text for w in shapes["how_asks"]) and not any(w in text for w in shapes["value_ask_marks"])


def _held_part(plan: Plan, voc, word: str) -> str | None:
    """``word`` if some paragraph holds it (or a synonym), else its longest start (2+ characters) one holds
    (羊城学者特聘岗位设 → 羊城学者特聘岗位: a verb glued to the noun asked about)."""
    from kb.qa.text import fold

    for end in range(len(word), 1, -1):
        if plan.tasks_matching([voc.synonyms(word[:end])], fold, kinds=None):
            return word[:end]
    # (no start held: the words may stand in another order — 发消费券整合 of 整合…资金用于发放消费券 — the longest piece
    # of 3+ characters some paragraph holds; whether a paragraph is about the whole word is _about's to say)
    for size in range(len(word) - 1, 2, -1):
        for at in range(1, len(word) - size + 1):
            if plan.tasks_matching([[word[at:at + size]]], fold, kinds=None):
                return word[at:at + size]
    return None


# ---------------------------------------------------------------- not understood


def not_understood(question: str, plan: Plan, related: list[Task], ctx, *, short: bool = False) -> Answer:
    """No reading of the question: say so, offer questions kb can answer, related entries apart after that."""
    w = load_answer_words()
    ctx.tasks = []
    result = Result(heading=[w["not_understood_short"] if short else w["not_understood"]] + _hint(plan))
    result.related = [Item(k, t) for k, t in enumerate(related, 1)]
    return _answer(question, "search" if related else "not_understood", result, status="not_understood",
                   exact=False, tasks=[], related=related)


# ---------------------------------------------------------------- nothing asked, a pronoun with nothing before it, search


def exec_help(question: str, q: Query, env: Env) -> Answer:
    """An empty question, or one that asks nothing about the plan (你好, 谢谢): the help text."""
    return Answer(question, "help", env.voc.help, exact=False, status="not_understood")


def exec_no_context(question: str, q: Query, env: Env) -> Answer:
    """它配合哪些任务 as the first question: the pronoun points at nothing, so ask what is meant."""
    ex = examples(env.plan)
    if q.partners_asked and not q.pronoun:
        # 会同哪些部门 / 和谁一起 asked first: whose partners? (never the plan's list of departments)
        text = load_answer_words()["no_context_partners"].format(example=ex[0] if ex else "")
        return Answer(question, "ask_context", text, exact=False, status="ask_back")
    text = load_answer_words()["no_context"].format(word=q.pronoun, example=ex[0] if ex else "")
    return Answer(question, "ask_context", text, exact=False, status="ask_back")


def exec_search(question: str, q: Query, env: Env) -> Answer:
    """Anything else: not understood, said plainly, with ranked full-text entries apart (相关条目);
    a word of 3+ characters no paragraph holds is not in the plan."""
    from kb.qa.text import is_cjk

    # understood, and not in the plan: a value or date the paragraphs on the topic do not state, a part it lacks
    stated = _held_unstated(question, q, env) or _no_overview_part(question, q, env) or _no_number_in_unit(question, q, env)
    if stated is not None:
        return stated
    # the question's content written in the plan (杨浦图书馆滨江馆建在哪里): what it writes there, quoted — never "not
    # understood", never "没有涉及" for words a paragraph holds beside the asking ones
    from kb.qa.exec_topics import content_pieces, question_words, written_answer
    from kb.qa.text import fold

    # (a bare term typed alone — 激光雷达走航 — asks nothing: the ranked entries stay, as a search)
    if content_pieces(question_words(question)) != question_words(question) or "?" in fold(question):
        written = written_answer(question, q, env, question_words(question))
        if written is not None:
            return written
    mentions = env.plan.mentions()
    # No word of substance (的, 😀, AND OR NOT, a pasted run of letters): a short hint, no related block.
    # (letters with digits name a thing: pm10, so2 — a run of them alone: markup or a terminal's escape pasted,
    # <script>alert(1)<, [2j]0;x, is no word asked, never "没有涉及…共 0 项" for it)
    substantive = [w for w in q.topic if 2 <= len(w) <= 24 and (any(is_cjk(c) for c in w) or (
        any(c.isdigit() for c in w) and any(c.isalpha() for c in w) and all(c.isalnum() or c in ".-" for c in w)))]
    if not substantive:
        if not any(w in mentions for w in q.topic if len(w) >= 2):
            return not_understood(question, env.plan, [], env.ctx, short=True)
    hits = env.index().search(" ".join(q.search_words), limit=5) if q.search_words else []
    tasks = [t for t in (env.plan.task(h.task_id) for h in hits) if t is not None]
    # When no paragraph holds an asked word (or a synonym) as written, the plan has no such item,
    # and ranked loose neighbours would read as if they matched.
    # (two characters, 今年 / 北京, name no item: the labelled fallback stays for them)
    # (a word of two characters beside them is how it is asked: 人才落户积分 + 申请)
    asked = [w for w in substantive if len(w) >= 3]
    if asked and not any(s in mentions for w in asked for s in env.voc.synonyms(w)):
        shared = _share_asked(question, q, env, asked, mentions)
        if shared is not None:
            return shared
        partly = written_answer(question, q, env, question_words(question), partial=True)  # part written: the part missing named
        if partly is not None:
            return partly
        env.ctx.tasks = []
        from kb.qa.denials import checked_denial, shown_words  # (words written in another order: no 0-item denial)

        shown = "、".join(f"“{w}”" for w in shown_words(question, asked, env.voc))

        return checked_denial(question, q, env, asked, Answer(
            question, "topic_tasks", f"方案中没有涉及{shown}的条目，共 0 项。", status="not_in_plan"))
    return not_understood(question, env.plan, tasks, env.ctx, short=not tasks)


def _box_named(plan: Plan, words: list[str], marks) -> tuple[str, list[Task]] | None:
    """(word, the box's items) when an asked word (4+ characters) stands only in the titles of boxes (shapes.yaml
    ``box_titles``: 专栏1 数字化转型重点工程) and other words are asked: the paragraphs after each such title, up to the
    next box title, heading or change of part or section, are where the value is written (the items of a 专栏 never
    repeat its title).  None otherwise."""
    from kb.qa.text import fold

    if not marks or len(words) < 2:
        return None
    for word in sorted((w for w in words if len(w) >= 4), key=len, reverse=True):
        holders = plan.tasks_matching([[fold(word)]], fold, kinds=None)
        if not holders or not all(fold(t.text).lstrip().startswith(tuple(marks)) for t in holders):
            continue
        members = []
        for title in holders:
            siblings = plan.document_tasks(title.doc)
            at = next((k for k, t in enumerate(siblings) if t.id == title.id), None)
            for t in siblings[at + 1:] if at is not None else []:
                if (t.part, t.section) != (title.part, title.section) or fold(t.text).lstrip().startswith(tuple(marks)):
                    break
                members.append(t)
        if members:
            return word, members
    return None


def _share_asked(question: str, q: Query, env: Env, asked: list[str], mentions) -> Answer | None:
    """流片费用补助比例是多少, one word the plan never writes, whose parts it does (流片费用 + 补助 + 比例): the clauses stating
    a percentage of the thing (对流片费用给予不超过30%的补助, kb.qa.exec_topics._share_clauses), quoted; None otherwise."""
    from kb.qa.exec_topics import _share_clauses
    from kb.qa.query import load_shapes

    nouns = load_shapes()["measure_nouns"]["share"]
    for word in asked:
        noun = next((n for n in sorted(nouns, key=len, reverse=True) if word.endswith(n)), None)
        if noun is None:
            continue
        pieces, rest = [], word[: -len(noun)]
        while rest:
            held = next((rest[:k] for k in range(len(rest), 1, -1) if rest[:k] in mentions), None)
            if held is None:
                break
            pieces.append(held)
            rest = rest[len(held):]
        if rest or len(pieces) < 2:
            continue
        shares = _share_clauses(env, pieces[:-1] + [pieces[-1] + noun], pieces[-1] + noun)
        if shares:
            return _stated_clauses(question, q, env, word, shares)
    return None


def _no_number_in_unit(question: str, q: Query, env: Env) -> Answer | None:
    """松江今年要新建多少座公园 where no paragraph on 公园 states a number in 座 (nor in another unit of its kind beside
    公园): a number in a unit was asked and read (``Query.unit``), the unit executor found none — understood, not in the
    plan, never "not understood"."""
    if q.act is not Act.VALUE or not q.unit or "unit_value" not in env.nothing_found:
        return None
    from kb.qa.query import asked_topic

    what = q.counted or "".join(w for w in asked_topic(q.topic, env.voc, env.plan) if len(w) >= 2) or "这项"
    env.ctx.tasks = []
    from kb.qa.query import load_shapes

    shapes, words = load_shapes(), load_answer_words()
    from kb.qa.text import fold

    folded = fold(question)
    if q.unit == "duration":
        # 建设周期一般多长: a span asked (question._duration_ask, the one list) — the span the clause on it states
        from kb.qa.exec_topics import best_task, stated_times, stated_times_answer, timed_paragraph, topic_words

        words_asked = topic_words(q, env)
        task = best_task(env, words_asked)
        times = stated_times(task, folded, words_asked) if task is not None else []
        if not times:
            task, times = timed_paragraph(env, folded, words_asked)
        if times:
            return stated_times_answer(question, env, task, words_asked, times)
    if q.unit in shapes["measure_asks"]:
        # 加装电梯面积多大: the measure named in words (面积), the units it would be stated in
        # (as officials write them: shortest first, 个工作日 and 工作日 once — 个工作日、个季度、工作日 read oddly)
        shown = dict.fromkeys(u[1:] if u.startswith("个") and len(u) > 2 else u for u in measure_units(shapes, q.unit))
        units = "、".join(sorted(shown, key=len)[:3])
        text = words["no_measure"].format(topic=what, measure=words["measure_names"].get(q.unit, q.unit), units=units)
    else:
        text = words["no_number_in_unit"].format(topic=what, unit=q.unit)
    return _answer(question, "not_stated", Result(heading=[text]), status="not_in_plan", query=q, tasks=[])


#: An attachments line (附件：2016年民生实事目标任务分解表, 附件1.…清单): the title it gives, up to a sentence mark.
_ATTACHMENT_TITLE = AnnexPattern(r"{annex_word}\s*[0-9一二三四五六七八九十]{0,3}\s*[:：]\s*(?:\d{1,2}\s*[.．、])?\s*([^。；;，,！？]{2,80})")


def annex_titles(plan, docs) -> list[str]:
    """The titles of the documents' annexes: ``Document.annexes``, and those an attachments line names (附件：…分解表 in the
    closing, the cover, or a paragraph of a document of no parts) — a table annex kb read as rows keeps its title there."""
    from kb.qa.text import fold

    titles = [fold(t) for d in docs for _, t in (getattr(d, "annexes", None) or []) if t]
    lines = [x for d in docs for x in (d.closing or "", d.cover or "")]
    lines += [t.text for d in docs if not d.parts for t in plan.document_tasks(d.id)
              if not t.part and _ATTACHMENT_TITLE.match(t.text.strip())]
    titles += [fold(m.group(1)) for line in lines for m in _ATTACHMENT_TITLE.finditer(line)]
    return titles


def _names_around(title: str, word: str, text: str) -> bool:
    """``text`` writes ``word`` as part of ``title``: a run of the title holding the word and 3+ characters more (民生实事
    目标任务分解表 for 目标任务) — the word alone (这个方案的目标任务有哪些) names no annex."""
    at = title.find(word)
    if at < 0:
        return False
    end = at + len(word)
    return any(title[a:b] in text for a in range(at + 1) for b in range(end, len(title) + 1) if b - a >= len(word) + 3)


def _no_overview_part(question: str, q: Query, env: Env) -> Answer | None:
    """这个方案的保障措施有哪些 in a plan with no such part (its overview executor found none, and nothing else
    read it): understood, not in the plan — its parts named — never "not understood"."""
    if not q.overview or "overview" not in env.nothing_found:
        return None
    ask_words, part_words = env.voc.overview[q.overview]
    asked = max((w for w in ask_words if w in question), key=len, default=part_words[0])
    docs = [d for d in env.plan.documents if not q.plan or d.id == q.plan]
    if any(w in title for d in docs for _, title in d.sections for w in (*part_words, asked)):
        return None  # a section of that kind (一（三）发展目标): the plan may hold it below a part of another name
    from kb.qa.text import fold

    if any(_names_around(title, asked, fold(question)) for title in annex_titles(env.plan, docs)):
        # 2016年民生实事目标任务分解表一共多少项: the words name an annex (its caption's title, a table annex's title in the
        # attachments line), not a missing part — "方案没有写“目标任务”的部分" was false (review-qadiff R2)
        return None
    parts = "、".join(f"{num}、{title}" for d in docs for num, title in d.parts) or "无（方案没有分部分）"
    env.ctx.tasks = []
    text = load_answer_words()["no_overview"].format(what=asked, parts=parts)
    return _answer(question, "overview_absent", Result(heading=[text]), status="not_in_plan", query=q)


#: The executors of a value or a date asked of a topic: when each found nothing, the question was understood.
_VALUE_OR_DATE = frozenset({"topic_value", "unit_value", "each_value", "topic_deadline"})


def _held_unstated(question: str, q: Query, env: Env) -> Answer | None:
    """海绵城市建设年度预算是多少万元 / 初雨调蓄池什么时候建成: a value or a date asked of a topic (3+ characters) that
    paragraphs of the plan hold — tasks or not — none of which states a number (in the clauses naming it) or a
    date: understood, and not in the plan (the paragraphs named as the source), never "not understood".
    None when no value/date executor was tried, no paragraph holds the topic, or one of them states a number
    or a date (then the plan may hold it in a form kb did not read: the ranked entries stay)."""
    import re

    from kb.qa.text import fold
    from kb.qa.exec_topics import unit_kinds

    if q.act not in (Act.VALUE, Act.WHEN) or not env.nothing_found & _VALUE_OR_DATE:
        return None
    kinds = unit_kinds()
    words = [w for w in q.topic if len(w) >= 3 and w not in kinds]
    if not words:
        return None
    noun = max(words, key=len)
    held = env.plan.tasks_matching([env.voc.synonyms(noun)], fold, kinds=None)
    if not held or len(held) > 3:
        return None
    names = env.voc.synonyms(noun)
    if q.act is Act.WHEN:
        dated = re.compile(r"(?:19|20)\d\d年|\d{1,2}月|年底|年内|年前")
        if any(t.deadlines or dated.search(value_text(t)) for t in held):
            return None
        text = load_answer_words()["no_deadline"].format(topic=noun)
    else:
        # (the item's own number, 7.一般公共预算收入与经济增长基本同步, states no value)
        item_number = re.compile(r"^\s*[（(]?[0-9一二三四五六七八九十]{1,3}[)）.、．]\s*")
        if _asks_how(question):
            # 如何提高能源利用效率 / 名称有什么要求: what the plan requires of it is asked, not a number — its sentences
            # naming the thing answer, quoted (never "没有写明数值" before them)
            # (a paragraph whose title names the thing — 提高能源利用效率。继续实施…“双控”… — answers with all of it)
            said = [(t, item_number.sub("", x).strip()) for t in held for x in re.split(r"[。；;]", value_text(t))
                    if x.strip() and x.strip() != (t.tag or "").strip()
                    and (any(n in fold(x) for n in names) or any(n in fold(t.title or "") for n in names))]
            if said:
                by_task: dict[str, tuple] = {}
                for t, x in said:
                    by_task.setdefault(t.id, (t, []))[1].append(x)
                result = Result(heading=[load_answer_words()["stated_clauses"].format(topic=noun)])
                result.groups.append(Group(items=[Item(k, t, text="：" + "；".join(dict.fromkeys(xs)))
                                                  for k, (t, xs) in enumerate(by_task.values(), 1)]))
                env.ctx.tasks = [t for t, _ in by_task.values()]
                return _answer(question, "target_text", result, query=q, tasks=env.ctx.tasks)
        pairs = [(t, item_number.sub("", c)) for t in held for c in re.split(r"[，。；;]", value_text(t))
                 if any(n in fold(c) for n in names)]
        near = [c for _, c in pairs]
        from kb.parser.value_tables import load_words

        # (a box's title, 专栏1 数字化转型重点工程: its number is the box's, no value)
        boxes = tuple(load_words().box_titles)
        stating = [(t, c) for t, c in pairs if re.search(r"[0-9０-９]|[一二两三四五六七八九十百千万]+(?:个|项|座|名|人|家|处|套|亿|万)", c)
                   and not fold(c).lstrip().startswith(boxes)]
        if q.unit and pairs:
            # a measure asked (加装电梯面积多大): only a clause stating it — in its units, as a share (40%以上面积), or naming
            # it — is quoted; a count of the thing (新增加装电梯300台) is none, and the plan is said not to state it
            stating = [(t, c) for t, c in stating if _states_measure(q.unit, fold(c))]
            from kb.qa.query import load_shapes

            if not stating and q.unit in load_shapes()["measure_asks"]:
                return None
        if not stating:
            # 技术改造贷款的贴息比例是多少 of 对企业技术改造贷款给予贴息，贴息比例最高不超过50%: the clause naming the noun
            # states no number, the next clause of its sentence names another word asked and states it — the plan's
            # answer, never "没有写明它的数值" beside a quote holding it (ROUTED values2, holdout15 cause 3)
            others = [fold(w) for w in q.topic if len(w) >= 2 and fold(w) not in names and not any(fold(w) in n for n in names)]
            number = re.compile(r"[0-9０-９]")
            stating = [(t, item_number.sub("", c)) for t in held for x in re.split(r"[。；;]", value_text(t))
                       if any(n in fold(x) for n in names)
                       for c in re.split(r"[，,]", x) if number.search(c) and any(o in fold(c) for o in others)]
        if not stating:
            # a table row naming an item (签约居民满意率 in its 二级指标 cell) holds its numbers in other cells (评价标准：
            # 较上一年增加，2035年达到90%): they are the item's, though they do not repeat its name
            named_rows = [t for t in held if t.cells() and any(n in fold(f"{t.title or ''}{t.body}") for n in names)]
            cells = [(t, f"{h}：{v}") for t in named_rows for h, v in t.cells()[1:] if re.search(r"[0-9０-９]", v)]
            year = (q.dates.last or q.dates.first or "")[:4] if q.dates is not None else ""
            if year and any(re.match(rf"{year}\s*年", c.split("：", 1)[0]) for _, c in cells):
                # (a year asked of an indicator's row, 2022年 | 2025年 columns: the cell under the year asked)
                cells = [(t, c) for t, c in cells if re.match(rf"{year}\s*年", c.split("：", 1)[0])]
            if cells:
                answer = _stated_clauses(question, q, env, noun, cells)
                if answer is not None:
                    return answer
        if stating:
            # quoted whole sentences (a year opening one, 到2025年底，…40%以上…, stays with its number); with a year asked,
            # the sentences naming it when some do (a goal paragraph states 2025 and 2030 side by side)
            year = (q.dates.last or q.dates.first or "")[:4] if q.dates is not None else ""
            sentences = [(t, item_number.sub("", x)) for t in {t.id: t for t, _ in stating}.values()
                         for x in re.split(r"[。；;]", value_text(t)) if any(n in fold(x) for n in names)]
            if year and any(year in x for _, x in sentences):
                sentences = [(t, x) for t, x in sentences if year in x]
            return _stated_clauses(question, q, env, noun, sentences or stating)
        text = load_answer_words()["no_value"].format(topic=noun)
        said = list(dict.fromkeys(item_number.sub("", x).strip() for t in held for x in re.split(r"[。；;]", value_text(t))
                                  if any(n in fold(x) for n in names)))
        if said:
            # (what the plan does require of it, in words — 到2030年，公共机构屋顶光伏应装尽装 — its sentences quoted: no
            # number, yet the requirement the official asked for)
            text += "\n原文：" + "；".join(said[:3])
        # (the figures its paragraphs do state in clauses not naming it — 扩大就业见习。…组织见习1200人次 — quoted as
        # theirs: what was searched is said, never that the plan states no figure there)
        others = list(dict.fromkeys(c.strip() for t in held for c in re.split(r"[。；;]", value_text(t))
                                    if re.search(r"[0-9０-９]", c) and not any(n in fold(c) for n in names)))
        if others:
            text += "\n" + load_answer_words()["figures_beside"] + "；".join(others[:3])
    env.ctx.tasks = held
    result = Result(heading=[text])
    result.groups.append(Group(title="出处", items=[Item(k, t) for k, t in enumerate(held, 1)]))
    return _answer(question, "not_stated", result, status="not_in_plan", query=q, tasks=[])


def _states_measure(asked: str, clause: str) -> bool:
    """A clause states the measure asked (面积多大: shapes.yaml measure_asks) — a number in one of its units, a share,
    or the measure's noun; any clause does for a unit asked (多少辆: 80余辆 is stated however it is written)."""
    from kb.qa.query import load_shapes

    shapes = load_shapes()
    if asked not in shapes["measure_asks"]:
        return True
    units = [*measure_units(shapes, asked), *shapes["unit_kinds"]["share"], "％"]
    return any(u in clause for u in units) or any(n in clause for n in shapes["measure_nouns"].get(asked, ()))


def _as_asked(word: str, question: str) -> str:
    """A folded word as the question writes it (gdp → GDP)."""
    import re
    import unicodedata

    m = re.search(re.escape(word), unicodedata.normalize("NFKC", question), re.IGNORECASE)
    return m.group(0) if m else word


def _stated_clauses(question: str, q: Query, env: Env, noun: str, stating) -> Answer | None:
    """研发经费支出占GDP比重要达到多少 where no target was read from the paragraph naming it: the plan's own clauses naming
    the words asked that state a number answer, quoted. A number of the other kind than asked (a percentage for 多少亿,
    a sum for 增速) is no answer: not_in_plan, those clauses shown as what the plan states. None when only a digit of
    a date stands there (2025年: no value)."""
    import re

    from kb.qa.exec_topics import unit_kinds

    valued = [(t, c) for t, c in stating if re.search(r"[0-9０-９.]+\s*(?:%|％|[^\d\s年月日号]|$)", c)
              and not re.fullmatch(r".*?(?:19|20)\d\d年[^0-9０-９]*", c)]
    if not valued:
        return None
    percent = [(t, c) for t, c in valued if re.search(r"%|％|百分点", c)]
    kind_held = {"rate": percent, "amount": [(t, c) for t, c in valued if (t, c) not in percent]}
    w = load_answer_words()
    if q.value_kind and not kind_held[q.value_kind]:
        heading = [w["no_value_of_kind"].format(topic=f"“{_as_asked(noun, question)}”", kind=w["value_kinds"][q.value_kind])]
        status, tasks = "not_in_plan", []
    else:
        valued = kind_held[q.value_kind] if q.value_kind else valued
        heading = [w["stated_clauses"].format(topic=_as_asked(noun, question))]
        status, tasks = "answered", list({t.id: t for t, _ in valued}.values())
    result = Result(heading=heading)
    by_task: dict[str, tuple] = {}
    for t, c in valued:
        by_task.setdefault(t.id, (t, []))[1].append(c.strip())
    result.groups.append(Group(items=[Item(k, t, text="：" + "；".join(cs)) for k, (t, cs) in enumerate(by_task.values(), 1)]))
    env.ctx.tasks = list(tasks)
    return _answer(question, "target_text", result, status=status, query=q, tasks=tasks)


#: The executors that apply ``Query.excluded`` (A of 「A以外的B」): a clause about A answers no value asked (unit_value),
#: or the question, read about B alone, picks B's clause by its topic (topic_value: …以外的其他类型公共建筑…比例).
EXCLUSION_HONOURED = frozenset({"unit_value", "topic_value"})


def dispatch(question: str, q: Query, env: Env) -> Answer | None:
    """The answer of the executor ``DISPATCH`` gives ``q.over`` (read now from the slots and the conversation).

    None only when ``env.only`` is set and the question is over none of those values."""
    from kb.qa.query import over_of

    q.over = over_of(q, env.plan, env.conversation, frozenset(env.nothing_found), env.only)
    if env.only is not None and q.over not in env.only:
        return None
    if q.excluded and q.over not in EXCLUSION_HONOURED and env.only is None:
        # 除了A以外，还有哪些部门配合X: only a value's clause is chosen by an exclusion yet — any other answer would list A
        # among B's (the exclusion read, then dropped), so kb says it cannot apply it, never a list holding A
        from kb.qa.wording import load_answer_words

        return Answer(question, q.over, load_answer_words()["exclusion_unapplied"].format(excluded="、".join(q.excluded)),
                      status="not_understood")
    if q.order_rule and env.only is None:
        # (排第一位的是牵头单位吗: the plan's own rule on a list's lead, or that it writes none — kb/qa/exec_batches.py)
        from kb.qa.exec_batches import order_rule_answer

        return order_rule_answer(question, q, env)
    if q.batch and "batch" not in env.nothing_found and env.only is None:
        # (第三批什么时候完成: the stretch of the plan writing that batch, or that it writes none — kb/qa/exec_batches.py;
        # tried once, before the question's words are read as a topic)
        env.nothing_found.add("batch")
        from kb.qa.exec_batches import batch_answer

        found = batch_answer(question, q, env)
        if found is not None:
            return found
    if "value_table" not in env.nothing_found and env.only is None:
        # (a value table's row and column named, its column's largest row, its rows counted: the cells answer — kb/qa/
        # table_cells.py; tried once, before every other reading, and None for any other question)
        env.nothing_found.add("value_table")
        from kb.qa.table_cells import table_cell_answer

        cell = table_cell_answer(question, q, env)
        if cell is not None:
            return cell
    if q.over in ("section", "overview") and env.only is None:
        # (工作目标里有多少个量化指标: the targets of the part named, counted as targets — kb/qa/exec_goals.py)
        from kb.qa.exec_goals import section_targets

        listed = section_targets(question, q, env)
        if listed is not None:
            return listed
    return named_document(DISPATCH[q.over](question, q, env), q)


def named_document(answer: Answer | None, q: Query) -> Answer | None:
    """An answer scoped to one document of a file holding several (``Query.division``: 在行动计划中…) names that document
    where its lines speak of "the plan" (方案的量化目标共 1 项 → 行动计划的量化目标共 1 项; a cite in 《》 for documents
    sharing a kind): what was counted is that document's alone, never the file's."""
    cite = getattr(q, "division", None)
    if answer is None or not cite or not answer.text:
        return answer
    lines = answer.text.split("\n")
    answer.text = "\n".join(cite + line[2:] if line.startswith("方案") else line for line in lines)
    return answer


def found_nothing(question: str, q: Query, env: Env) -> Answer | None:
    """What an executor answers when the plan holds nothing for its reading of the question (no target the topic
    names, no paragraph on it, a part without tasks): the question read again without that reading (the next
    value the over rules give it; at the end ``unread``, the full-text answer)."""
    env.nothing_found.add(q.over)
    return dispatch(question, q, env)


# ---------------------------------------------------------------- the table

def _imported(module: str, name: str):
    """The executor ``name`` of the module ``kb.qa.<module>``, imported when a question first needs it.

    Why not imported with this module: where no bytecode is written (``PYTHONDONTWRITEBYTECODE``, as the
    sandbox sets) every process compiles each module it imports from source, and a department question —
    the commonest cold command — used none of exec_topics, exec_plan, exec_items (and stated, which they
    import): ~30 ms of compiling, a tenth of its imports.  The stand-in carries the executor's name (the
    dispatch tests and the executor modules' own lookups go by it) and calls it with the same arguments."""
    from importlib import import_module

    def executor(question, q, env):
        return getattr(import_module("kb.qa." + module), name)(question, q, env)

    executor.__name__ = executor.__qualname__ = name
    executor.__doc__ = f"kb.qa.{module}.{name}, imported on first use (kb.qa.executors._imported)."
    return executor


exec_departments = _imported("exec_departments", "exec_departments")
exec_stated_total = _imported("stated_totals", "exec_stated_total")
exec_goal_list = _imported("exec_goals", "exec_goal_list")
exec_notice = _imported("exec_plan", "exec_notice")
exec_context, exec_item, exec_section, exec_title, field_answer = (
    _imported("exec_items", n) for n in ("exec_context", "exec_item", "exec_section", "exec_title", "field_answer"))
(exec_enumeration, exec_plans_mentioning, exec_issuers, exec_post, exec_all_targets, exec_date_list, exec_department_list,
 exec_overview, exec_role_kind, exec_sharing, exec_timed_tasks) = (
    _imported("exec_plan", n) for n in ("exec_enumeration", "exec_plans_mentioning", "exec_issuers", "exec_post",
                                        "exec_all_targets", "exec_date_list", "exec_department_list", "exec_overview",
                                        "exec_role_kind", "exec_sharing", "exec_timed_tasks"))
exec_all_tasks, exec_target, exec_topic_deadline, exec_topic_list, exec_topic_who, exec_literal = (
    _imported("exec_topics", n) for n in ("exec_all_tasks", "exec_target", "exec_topic_deadline", "exec_topic_list",
                                          "exec_topic_who", "exec_literal"))

#: What the question is over (``Query.over``; its values and meanings in kb.qa.query.OVER) → the ONE
#: executor answering it.  A new question shape is a new slot value (read in kb/qa/query.py) and a row here.
DISPATCH = {
    "nothing": exec_help,
    "departments": exec_departments,
    "stated_total": exec_stated_total,
    "post": exec_post,
    "issuers": exec_issuers,
    "notice": exec_notice,
    "plans_mentioning": exec_plans_mentioning,
    "enumeration": exec_enumeration,
    "literal": exec_literal,
    "plans": exec_meta,
    "parts": exec_structure,
    "department_sets": exec_compare,
    "part_departments": exec_part_units,
    "task_ranking": exec_rank,
    "deadline_extreme": exec_extreme_deadline,
    "each_value": exec_each_value,
    "unit_value": exec_unit_value,
    "item": exec_item,
    "no_antecedent": exec_no_context,
    "goal_list": exec_goal_list,
    "field": field_answer,
    "section": exec_section,
    "title": exec_title,
    "dates": exec_date_list,
    "sharing": exec_sharing,
    "role_kind": exec_role_kind,
    "previous": exec_context,
    "timed": exec_timed_tasks,
    "all_targets": exec_all_targets,
    "overview": exec_overview,
    "department_list": exec_department_list,
    "topic_value": exec_target,
    "topic_deadline": exec_topic_deadline,
    "topic_tasks": exec_topic_list,
    "topic_who": exec_topic_who,
    "all_tasks": exec_all_tasks,
    "unread": exec_search,
}
