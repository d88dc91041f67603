"""The executor of questions about one cited item (``Query.label`` or ``Query.ordinal``).

第二项的时限 is item 2 of the previous answer's numbered list (``Context.tasks``, the tasks of its
``Result`` in number order), not a question re-asked through text; 三（三）4谁牵头 is the task of that
label.  What is asked of the item (``Query.item``: deadline, target, departments, text) was read by
kb/qa/query.py.
"""

from __future__ import annotations

import re

from kb.duties import count_said
from kb.lazypattern import LazyPattern
from kb.annexes import AnnexPattern
from kb.model import ANNEX_LEVEL_MARK, ROLES, Task, item_count
from kb.qa.answer import Answer
from kb.qa.query import Query
from kb.qa.result import (GroupLine, departments_of, compose, describe, item_pieces, numbered, numbered_items, pieces_lines,
                          rows_note, target_line)
from kb.qa.text import fold, snippet, task_head
from kb.qa.wording import load_answer_words, units_unsaid


def exec_item(question: str, q: Query, env) -> Answer:
    """An item of the previous answer (第N项), a task cited by its label, or — with no list before it, or
    a part or section named (主要任务第十二项) — the item the plan itself numbers N (第10条, 第二十二条措施)."""
    if q.label:
        return _label(question, q, env)
    ctx = env.ctx
    if q.list_named:
        # 十件民生实事的第一件: the plan names the list but its text lists no such items (an attachment's title)
        where = [t for t in env.plan.tasks_matching([(q.list_named,)], fold, kinds=("paragraph",))]
        said = ("（原文只在" + "、".join(t.label or "开头" for t in where[:3]) + "中提到“" + q.list_named + "”）") if where \
            else "（原文只在附件目录中列出它的标题，没有附上它的内容）"
        ctx.tasks = []
        return Answer(question, "item", f"方案正文没有列出“{q.list_named}”的各项条目{said}，无法回答其中第{q.ordinal}项。",
                      tasks=[], status="not_in_plan")
    if not ctx.tasks or q.cited:
        return plan_item(question, q, env)
    if not 1 <= q.ordinal <= len(ctx.tasks):
        return Answer(question, "item", f"上一个回答只有 {len(ctx.tasks)} 项，没有第{q.ordinal}项。", tasks=[],
                      status="not_in_plan")
    task = ctx.tasks[q.ordinal - 1]
    return item_answer(question, q.item, _role_asked(q), task, f"第{q.ordinal}项是 {task.label} {task_head(task).rstrip('。')}。")


#: An item's own number at the start of its text: 10. / 10、 / （二十二） / 第五条.
_OWN_NUMBER = LazyPattern(r"\s*(?:(\d{1,3})[.．、](?!\d)|[（(]([一二三四五六七八九十百]{1,5})[）)]|第([一二三四五六七八九十百\d]{1,5})[条项])")
#: A paragraph opening with a top-level numeral (三、…): the numeral.
_TOP_NUMBER = LazyPattern(r"\s*([一二三四五六七八九十]{1,3})、")
#: The number a label ends with: 三（三）10 → 10, 五（十二） → 十二.
_LABEL_NUMBER = LazyPattern(r"(?:(\d{1,3})|[（(]([一二三四五六七八九十百]{1,5})[）)])$")


def item_number(task: Task, item_parts: frozenset[str] = frozenset()) -> int | None:
    """The number the plan gives ``task``: its text's own marker (10., （二十二）), else — for a task or an
    inline-heading item, not a loose paragraph — the number its label ends with (三（三）10, 五（十二））; in a document
    whose parts are its items (``item_parts``: the ids of such documents, ``Document.item_parts``) the numeral of
    the part the task is (三、推进离岸贸易发展… → 3), whatever its kind; a paragraph of the opening (引言) or the
    closing words (结语) has none."""
    from kb.qa.question import _cn_number

    if task.doc in item_parts:
        return _cn_number(task.part) if task.part and task.label == task.part else None
    cite, _, serial = task.item.rpartition(" 序号")
    if cite and task.label.startswith(cite) and task.label[len(cite):][:1] in ("-", "（"):
        # a row of a task table's item (附件2-6-3: 序号6's third row): its number is the 序号, not the row's
        return int(serial)
    top = _TOP_NUMBER.match(task.text or "")
    if top and task.part.endswith(top.group(1)) and not task.section:
        # a document's long item numbered at its top level (三、支持数字人才引进…。（X牵头）): its part is the item — in a
        # file holding several documents as in one whose parts are its items
        return _cn_number(top.group(1))
    m = _OWN_NUMBER.match(task.text or "")
    if m is None and task.kind != "paragraph":
        m = _LABEL_NUMBER.search(task.label or "")
    if m is None:
        return None
    digits = next(g for g in m.groups() if g)
    return _cn_number(digits)


def _sections_restart(sections: list[str]) -> bool:
    """True when the sections of the pool number themselves again in another part (二（一）二（二） then 三（一）): their
    own numbers do not run through the pool."""
    from kb.qa.question import _cn_number

    numbers = [_cn_number(m.group(1)) for s in sections if (m := re.search(r"[（(]([一二三四五六七八九十百]{1,5})[)）]$", s))]
    return any(b <= a for a, b in zip(numbers, numbers[1:]))


def plan_item(question: str, q: Query, env) -> Answer:
    """第10条 / 第二十二条措施 / 主要任务第十二项: the item the plan numbers N (within the part or section named,
    if one is); several items so numbered (numbering that restarts in each section) → ask which; none → not
    in the plan, saying where the numbering ends."""
    plan, ctx = env.plan, env.ctx
    stages = _stages_asked(question, q, plan)
    if stages is not None:
        # 第一阶段什么时候结束 of a plan whose schedule names its stages without ordinals (（一）动员部署阶段（2022年1月）):
        # the Nth stage heading answers — 编号为 1 的条目有 2 处 was asked back (dates7 s18)
        asked = _STAGE_ASKED.search(question).group(0)
        if not 1 <= q.ordinal <= len(stages):
            ctx.tasks = []
            names = "、".join(f"{t.label} {task_head(t).rstrip('。')}" for t in stages)
            return Answer(question, "item", f"方案写明的阶段共 {len(stages)} 个（{names}），没有{asked}。", tasks=[],
                          status="not_in_plan")
        stage = stages[q.ordinal - 1]
        ctx.tasks = [stage]
        return item_answer(question, q.item, _role_asked(q), stage,
                           f"{asked}是 {stage.label} {task_head(stage).rstrip('。')}。", plan)
    scoped = bool(q.cited)
    pool = [t for t in (plan.task(i) for i in q.cited) if t is not None] if scoped else list(plan.tasks)
    item_parts = frozenset(d.id for d in plan.documents if getattr(d, "item_parts", False))
    numbered = [(item_number(t, item_parts), t) for t in pool]
    if scoped:
        # A task table asked by its caption: its 序号 restated by body paragraphs (linked rows) are its items too
        tables = {(t.doc, t.item.rpartition(" 序号")[0]) for t in pool if t.item and t.label.startswith(t.part or "\0")}
        held = {t.id for t in pool}
        for doc in {d for d, _ in tables}:
            for t in plan.document_tasks(doc):
                cite, _, serial = t.item.rpartition(" 序号")
                if cite and (doc, cite) in tables and t.id not in held and not t.label.startswith(cite):
                    numbered.append((int(serial), t))
    found = [t for n, t in numbered if n == q.ordinal]
    if len(found) > 1 and item_count(found) == 1:
        found = found[:1]  # (the rows of one 序号: the item, by its first row)
    written = [t for t in found if _OWN_NUMBER.match(t.text or "") or t.doc in item_parts or _TOP_NUMBER.match(t.text or "")]
    if getattr(q, "division", None) and not written:
        # one document of a file holding several asked (若干政策的第二条): only a number the document writes — an
        # unnumbered paragraph's label number (若干政策三2) is kb's, and a document of one such paragraph tagged answered it
        found = []
    if written and len(written) < len(found):
        # 主要任务第三项: （三）推行农业绿色生产… writes its number; 二3, 二（四）3 carry 3 only in the label kb gave
        # unnumbered paragraphs — the number the plan writes is the one asked
        found = written
    sections = list(dict.fromkeys(t.section for t in pool if t.section)) if scoped else []
    restarts = _sections_restart(sections)
    if not found and len(sections) >= 2 and not restarts:
        # 职责分工第十二项 / 强化组织领导的第二条 over a part of sections: its items are its sections (（一）…（九）; numbered
        # （十八）–（二十） across the plan) — the Nth section's opening paragraph, never the Nth paragraph counted across
        # them (a ninth section's third paragraph is no 第十二项); beyond the last section: not in the plan
        opening = {}
        for t in pool:
            opening.setdefault(t.section, t)
        found = [opening[sections[q.ordinal - 1]]] if 1 <= q.ordinal <= len(sections) else []
    elif not found and scoped and not getattr(q, "division", None):
        # (a part or section of paragraphs, no sections: its Nth item — not a whole document of a file holding several,
        # 若干政策的第二条 of a policy numbering no item: its second tagged paragraph was answered as 第2条)
        own = [t for t in pool if t.kind != "paragraph"]
        found = [own[q.ordinal - 1]] if 1 <= q.ordinal <= len(own) else []
    where = f"“{q.heading}”中" if scoped and q.heading else "方案中"
    if not found:
        ctx.tasks = []
        top = max((n for n, _ in numbered if n), default=0)
        if getattr(q, "division", None):
            # (one document of a file holding several: the numbers it writes, none of kb's label numbers)
            top = max((n for n, t in numbered if n and (_OWN_NUMBER.match(t.text or "") or _TOP_NUMBER.match(t.text or ""))),
                      default=0)
        if restarts and not top:
            # (sections （一）（二） again in each part: no number runs through them — the Nth section counted across parts
            # is kb's count, never the plan's 第N条)
            said = "（各部分的条目分别从（一）编号，没有统一的条目编号）"
        elif getattr(q, "division", None):
            said = f"（条目编号到 {top} 为止）" if top else "（条目没有编号）"
        elif len(sections) >= 2:
            said = f"（共 {len(sections)} 项：{sections[0]}至{sections[-1]}）"
        else:
            said = f"（条目编号到 {top} 为止）" if top else "（条目没有编号）"
        return Answer(question, "item", f"{where}没有第{q.ordinal}条{said}。", tasks=[], status="not_in_plan")
    if len(found) > 1:
        ctx.tasks = []
        labels = [t.label for t in found]
        annexes = _annex_groups(plan, found)
        if annexes and len(annexes) == len(found):
            # 附件的第一条 with two annexes: which annex is asked back, each named with its title and its item N
            said = "；".join(f"{cite}《{title}》的第{q.ordinal}条是 {ts[0].label} {task_head(ts[0]).rstrip('。')}" if title else
                            f"{cite}的第{q.ordinal}条是 {ts[0].label} {task_head(ts[0]).rstrip('。')}" for cite, title, ts in annexes)
            return Answer(question, "item_ambiguous", f"方案正文之后有 {len(annexes)} 个附件，请问指哪一个附件？{said}。",
                          candidates=labels, tasks=[], status="ask_back")
        return Answer(question, "item_ambiguous", f"{where}编号为 {q.ordinal} 的条目有 {len(found)} 处："
                      f"{'、'.join(labels)}。请问指哪一个？", candidates=labels, tasks=[], status="ask_back")
    task = found[0]
    ctx.tasks = [task]
    return item_answer(question, q.item, _role_asked(q), task,
                       f"{where}第{q.ordinal}条是 {task.label} {task_head(task).rstrip('。')}。", plan)


_STAGE_ASKED = LazyPattern(r"第([一二三四五六七八九十\d]{1,3})个?阶段")
#: A heading naming a stage: words ending with 阶段, maybe its dates in brackets after (排查摸底阶段（2022年2月—3月）).
_STAGE_HEADING = LazyPattern(r"^[^，,。；;]{1,12}阶段(?:[（(][^）)]*[)）])?[。：:]?$")


def _stages_asked(question: str, q: Query, plan) -> list[Task] | None:
    """The stages of the plan, when a question names one by ordinal (第一阶段, 第2阶段) that the plan does not write and its
    schedule (a part titled as one, deadlines.schedule_heading) heads its stages by name only (（一）动员部署阶段, （二）省级
    核查阶段): the first paragraph of each such heading, in order; None otherwise (a plan writing 第一阶段 is read by its
    words)."""
    from kb.parser.deadlines import schedule_heading

    m = _STAGE_ASKED.search(question)
    if m is None or q.ordinal is None or any(m.group(0) in (t.text or "") or m.group(0) in (t.section_title or "")
                                             for t in plan.tasks):
        return None
    stages: dict[tuple, Task] = {}
    for t in plan.tasks:
        heading = (t.section_title or t.title or "").strip()
        if _STAGE_HEADING.match(heading) and schedule_heading(t.part_title):
            stages.setdefault((t.doc, t.part, heading), t)
    ordered = list(stages.values())
    if len(ordered) < 2 or len({t.doc for t in ordered}) != 1:
        return None
    return ordered


def _role_asked(q: Query) -> str | None:
    return next((r for r in q.roles if r in ROLES), None)


def _label(question: str, q: Query, env) -> Answer:
    """三（一）2是什么 / 三（三）4谁牵头 / (二十一)谁牵头: a task (or a section) cited by its label."""
    plan, ctx = env.plan, env.ctx
    bare = q.label.startswith("(")  # (二十一): a section marker without its part numeral
    if bare:
        places = list(dict.fromkeys([t.label for t in plan.tasks if fold(t.label).endswith(q.label)]
                                    + [t.section for t in plan.tasks if t.section and fold(t.section).endswith(q.label)]))
        if len(places) > 1:  # sections numbered within each part: (三) is in several
            ctx.tasks = []
            return Answer(question, "item_ambiguous", f"“{question.strip()[:len(q.label)]}”在方案中有 {len(places)} 处："
                          f"{'、'.join(places)}。请问指哪一个？", candidates=places, status="ask_back")
    if _ANNEX_LABEL.match(q.label):
        return _annex_label(question, q, env)
    hits = [t for t in plan.tasks if fold(t.label) == q.label or bare and fold(t.label).endswith(q.label)]
    if not hits:
        section = [t for t in plan.tasks if t.section and (fold(t.section) == q.label
                                                          or bare and fold(t.section).endswith(q.label))]
        if section:
            return section_answer(question, q, env, section, f"{section[0].section}{section[0].section_title or ''}")
        return Answer(question, "item", f"方案中没有标号为 {q.label} 的条目。", status="not_in_plan")
    if len(hits) > 1:  # several plans in the corpus: list them all
        ctx.tasks = hits
        lines = [f"标号 {q.label} 在 {len(hits)} 个方案中都有："] + numbered(hits)
        return Answer(question, "item_text", compose(lines), tasks=hits, departments=departments_of(hits))
    ctx.tasks = hits
    return item_answer(question, q.item, _role_asked(q), hits[0], f"{hits[0].label} {task_head(hits[0])}。", plan)


#: A label of an annex as typed (folded): its cite (附件, 附件1, 附表2), then maybe its part's numeral, a section or an item.
_ANNEX_LABEL = AnnexPattern(r"^{annex_word}\d{0,2}(?:[·一二三四五六七八九十(中里内的]|-\d)")
#: Words between an annex and the section asked (附件中（二）): no part of the label.
_ANNEX_FILLER = AnnexPattern(r"^({annex_word}\d{0,2})(?:中|里|内|的)(?=\()")
#: The annex's own part in a label (附件·二（一）-6): left out, the label is typed as of an annex of one level.
_ANNEX_OUTER = re.compile(ANNEX_LEVEL_MARK + r"[一二三四五六七八九十]{1,3}")


def _annex_label(question: str, q: Query, env) -> Answer:
    """附件·二（二）-9 / 附件二（二）-9 / 附件二（一） / 附件（一） / 附件中（二）: an annex's item or section cited by its label —
    as kb writes it, without the mark before the annex's part (附件二（一）), or without that part at all (附件（一）, as
    an annex of one level is cited).  Where the label so typed fits several places (（一） under 一、, 二、 and 三、 of an
    annex written in two levels) they are said and asked back — never merged into one count."""
    plan, ctx = env.plan, env.ctx
    typed = _ANNEX_FILLER.sub(r"\1", q.label)

    def places(key) -> tuple[list[Task], list[str]]:
        items = [t for t in plan.tasks if t.label and key(fold(t.label)) == key(typed)]
        sections = list(dict.fromkeys(t.section for t in plan.tasks if t.section and key(fold(t.section)) == key(typed)))
        return items, sections

    found: tuple[list[Task], list[str]] = ([], [])
    for key in (lambda x: x, lambda x: x.replace(ANNEX_LEVEL_MARK, ""), lambda x: _ANNEX_OUTER.sub("", x)):
        found = places(key)
        if found[0] or found[1]:
            break
    items, sections = found
    if len(items) > 1 or not items and len(sections) > 1:
        ctx.tasks = []
        where = [t.label for t in items] or [_section_heading(plan, s) for s in sections]
        return Answer(question, "item_ambiguous", f"“{question.strip()[:len(q.label)]}”在方案中有 {len(where)} 处："
                      f"{'、'.join(where)}。请问指哪一个？", candidates=[t.label for t in items] or sections,
                      status="ask_back")
    if items:
        ctx.tasks = items
        return item_answer(question, q.item, _role_asked(q), items[0], f"{items[0].label} {task_head(items[0])}。", plan)
    if sections:
        from kb.select import under_heading

        tasks = [t for t in plan.tasks if under_heading(sections[0], t.section)]
        return section_answer(question, q, env, tasks, _section_heading(plan, sections[0]))
    return Answer(question, "item", f"方案中没有标号为 {q.label} 的条目。", status="not_in_plan")


def _section_heading(plan, label: str) -> str:
    """``附件·二（一）政务服务（20分）``: a section's label and title, as the plan's documents list them."""
    from kb.select import heading_line

    title = next((t for d in plan.documents for s, t in d.sections if s == label), "")
    return heading_line(label, title) if title else label


def section_answer(question: str, q: Query, env, tasks: list[Task], heading: str) -> Answer:
    """The tasks of a section or part (those the question's date selects, those on the topic it marks)."""
    from kb.qa.exec_departments import earlier_line, filter_date

    tasks, date_note, choice = filter_date(q, env, tasks)
    words = list_topic(q, env, heading)
    if words:
        return _on_topic(question, q, env, tasks, heading, words, date_note, choice)
    scope = f"（{date_note}）" if date_note else ""
    unnumbered = []
    if not date_note:
        # One selection for a count and a list (重点任务有几项 said 18 while 重点任务有哪些 listed 19: the part's lead-in
        # paragraph, no item, was listed but not counted): the paragraphs a count leaves out — a lead-in, a closing
        # line, a signature the parser put under an annex — are said apart by both
        tasks, unnumbered = _numbered_items(env, tasks)
    # (an annex's notes under its table — 注：1.–12., section 附件（注） — explain its rows: no items, said apart)
    notes = _annex_notes(env.plan, tasks)
    tasks = [t for t in tasks if t not in notes]
    groups = _annex_groups(env.plan, tasks)
    rows = None if groups or date_note else _annex_rows(env.plan, tasks)
    if rows is not None:
        # 附件有几项 on a table some of whose rows restate the body's items: its rows, and which are the body's
        tasks, lines = rows[0], [rows[1]]
        lines.extend(numbered(tasks))
    elif groups:
        # 附件有几条 / 附件里有哪些 with two annexes: each annex with its title and count, its items numbered on across
        # them (第五项 next is the fifth line)
        # (each annex counted by its numbered items — a task table's 序号, the body items its rows restate among them
        # (_annex_rows), rows of one 序号 once — the rows said when they differ; kb.model.item_count)
        counted = []
        for cite, title, ts in groups:
            full = (_annex_rows(env.plan, ts) or (ts, ""))[0]
            counted.append((cite, title, full, item_count(full)))
        said = [(f"{cite}《{title}》" if title else cite) + f"共 {count_said(n_items, len(full))}"
                for cite, title, full, n_items in counted]
        lines = ["；".join(said) + f"（合计 {sum(c[3] for c in counted)} 项）："]
        n = 0
        tasks = []
        for cite, title, full, n_items in counted:
            lines.append(GroupLine(f"{cite}《{title}》" if title else cite))
            lines.extend(numbered_items(full, start=n + 1))
            n += n_items
            tasks.extend(full)
    else:
        # (counted by the plan's items: a paragraph cut at its tags is one item, its clauses listed under it —
        # kb.select.item_groups)
        lines = [f"“{heading}”下的条目{scope}共 {item_count(tasks)} 项{rows_note(tasks)}" + ("：" if tasks else "。")]
        items = numbered_items(tasks)
        for item in items:
            # (（二）基本原则 over its one paragraph 坚持规划引领、…: the paragraph is the section, its label and title
            # again say nothing — its words are what is asked)
            t = item.task
            if t.title and t.body and fold(heading or "").endswith(fold(t.title)) and not t.departments("any"):
                item.text = "：" + snippet(t.body, 200)
        lines.extend(items)
    if unnumbered:
        lines.append(f"（另有 {len(unnumbered)} 段没有编号，不计入：{'、'.join(t.label for t in unnumbered)}）")
    if aside := earlier_line(choice):
        lines.append(aside)  # (the items due before a limit the plan writes, named: kb.select.DatedChoice.earlier)
    if notes:
        from kb.qa.wording import load_answer_words

        lines.append(load_answer_words()["annex_notes_apart"].format(
            n=len(notes), labels=f"{notes[0].label}—{notes[-1].label}" if len(notes) > 1 else notes[0].label))
    intent = "section_count" if "count" in q.asks or q.item == "count" else "section_tasks"
    if intent == "section_count" and not date_note:
        # a heading stating its count (一、…主要预期目标分解(11项)): that figure beside kb's
        from kb.qa.stated_totals import part_heading_line

        if note := part_heading_line(env.plan, tasks):
            lines.insert(0, note)
    composed = compose(lines)
    # (第N项 next: the Nth numbered line — an item's first row where rows of one 序号 are listed under it)
    env.ctx.tasks = composed.result.tasks if groups else tasks
    return Answer(question, intent, composed, tasks=tasks, departments=departments_of(tasks))


def _annex_notes(plan, tasks: list[Task]) -> list[Task]:
    """The notes of an annex among ``tasks`` (the parser's section 附件（注）, structure.ANNEX_NOTES_TITLE), when other
    paragraphs of the annex are there too (asked alone, the notes are what is asked)."""
    from kb.parser.structure import ANNEX_NOTES_TITLE

    notes = [t for t in tasks if t.section_title == ANNEX_NOTES_TITLE and t.section == f"{t.part}（{ANNEX_NOTES_TITLE}）"]
    return notes if notes and len(notes) < len(tasks) else []


def _numbered_items(env, tasks: list[Task]) -> tuple[list[Task], list[Task]]:
    """(the items, the paragraphs left out as no item) of one part's paragraphs, as a count of them says: over a part
    of numbered paragraphs (1.–3.) and a closing line of no number (各省…要及时报送…), the numbered ones
    (kb.qa.exec_plan.part_items); over a part of sections, all but a closing paragraph outside every section that
    carries no number and no responsibility (各地区、各部门要充分认识…).  Paragraphs of several parts: all of them."""
    if not tasks or len({(t.doc, t.part) for t in tasks}) != 1:
        return tasks, []
    if not any(t.section for t in tasks):
        # 组织实施部分一共有几条: the closing line is said apart
        from kb.qa.exec_plan import part_items

        items = part_items(env.plan, tasks[0].doc, tasks[0].part, [])
        ids = {t.id for t in items}
        if len(items) < len(tasks):
            return [t for t in tasks if t.id in ids], [t for t in tasks if t.id not in ids]
        return tasks, []
    # 优化监管考核机制一共有几条 over （二十五）–（二十七） and a closing paragraph
    from kb.qa.exec_plan import is_numbered

    unnumbered = [t for t in tasks if not t.section and t.kind == "paragraph" and not is_numbered(t)]
    return [t for t in tasks if t not in unnumbered], unnumbered


#: A task table row cited in a task's source: ``附件 第5行`` (its row, header = 1) or ``附表1 序号3`` (a flattened table).
_ROW_CITE = LazyPattern(r"(?:^|，)(?P<cite>[^，\s]+) (?:第(?P<row>\d+)行|序号(?P<serial>\d+)(?:-(?P<sub>\d+))?)")


def _annex_rows(plan, tasks: list[Task]) -> tuple[list[Task], str] | None:
    """(the annex's items in table order, the line counting its rows) when ``tasks`` are the rows left in one annex
    task table and some of its rows restate items of the body (their source cites the table's rows: session 10's
    matching gives such an item the row's roles and lists the row no second time); None otherwise.

    What the official counts is the table as printed: its rows, and its 序号 when every row's is known (a flattened
    table cites rows by 序号; a row left in the annex is labelled by it, 附件-1-2; a row restating an item of a table
    cited by 第N行 keeps its 序号 in ``Task.item``, session 11; a table without 序号: only rows are counted)."""
    if not _in_annexes(plan, tasks) or len({(t.doc, t.part) for t in tasks}) != 1:
        return None
    doc, cite = tasks[0].doc, tasks[0].part
    own = {t.id for t in tasks}
    if own != {t.id for t in plan.part_tasks(doc, cite)}:
        return None  # (a section of the annex, 行动二: its own rows, as before)
    placed: list[tuple[tuple, Task, str | None]] = []  # (order key, task, serial) of each row
    body: dict[str, Task] = {}
    linked_rows = 0
    for t in plan.document_tasks(doc):
        for m in _ROW_CITE.finditer(t.source or ""):
            if m.group("cite") != cite:
                continue
            if t.part != cite:  # (a paragraph of the body citing the row)
                body.setdefault(t.id, t)
                linked_rows += 1
            serial = m.group("serial") or _label_serial(t.label, cite) if t.id in own else m.group("serial")
            if not serial and t.item.startswith(f"{cite} 序号"):
                serial = t.item.rpartition(" 序号")[2]  # (a row cited by 第N行: its 序号 kept by the parser, Task.item)
            key = (int(m.group("row") or 0), int(m.group("serial") or 0), int(m.group("sub") or 0))
            placed.append((key, t, serial))
    if not body:
        return None
    placed.sort(key=lambda p: p[0])
    ordered = list({t.id: t for _, t, _ in placed}.values())
    placed_ids = {t.id for t in ordered}
    ordered += [t for t in tasks if t.id not in placed_ids]  # (a row kb read no citation for: kept)
    from kb.qa.wording import load_answer_words

    w = load_answer_words()["annex_rows"]
    title = dict(next((a for d, a in plan.document_annexes() if d == doc), []) or []).get(cite, "")
    head = w["total"].format(annex=f"{cite}：{title}" if title else cite, rows=len(placed))
    serials = [s for _, _, s in placed]
    if all(serials):
        head += w["serials"].format(count=len(set(serials)))
    labels = "、".join(t.label for t in ordered if t.id in body)
    line = (f"{head}；" + w["linked"].format(rows=linked_rows, items=len(body), labels=labels) + "。"
            + w["listed"].format(count=len(ordered)))
    return ordered, line


def _label_serial(label: str, cite: str) -> str | None:
    """The 序号 of a row left in an annex, from its label: 附件-1-2 (序号1, sub-row 2), 附表1（一）-17."""
    m = re.match(rf"{re.escape(cite)}(?:（[^）]*）)?-(\d+)", label)
    return m.group(1) if m else None


def _in_annexes(plan, tasks: list[Task]) -> bool:
    """Every task stands in an annex after the body (``Document.annexes``)."""
    cites = {(d.id, c) for d in plan.documents for c, _ in (getattr(d, "annexes", None) or [])}
    return bool(tasks) and all((t.doc, t.part) in cites for t in tasks)


def _annex_groups(plan, tasks: list[Task]) -> list[tuple[str, str, list[Task]]]:
    """(cite, title, its tasks) of each annex the tasks stand in, when they stand in two or more annexes after the body
    of one document and nowhere else; else []."""
    docs = {t.doc for t in tasks}
    if len(docs) != 1:
        return []
    doc = next((d for d in plan.documents if d.id in docs), None)
    titles = dict(getattr(doc, "annexes", None) or [])
    cites = list(dict.fromkeys(t.part for t in tasks))
    if len(cites) < 2 or not all(c in titles for c in cites):
        return []
    return [(c, titles[c], [t for t in tasks if t.part == c]) for c in cites]


def list_topic(q: Query, env, heading: str) -> list[str]:
    """The topic words that narrow a named list (示范场景中哪些涉及企业开办, 第三部分中哪些任务涉及资金): marked as the
    topic (涉及, 关于, 有关 …), no mere target or date word, no word of the list's own name; [] when none."""
    from kb.qa.exec_departments import topic_stem
    from kb.qa.query import asked_topic

    if not q.topic or "topic_mark" not in q.asks:
        return []
    name = fold(heading or "")
    words = [w for w in asked_topic(q.topic, env.voc, env.plan) if w.rstrip("里中内的") not in name]
    return [topic_stem(env.voc, w) for w in words if w.rstrip("里中内的")]


def _on_topic(question: str, q: Query, env, tasks: list[Task], heading: str, words: list[str], date_note: str,
              choice=None) -> Answer:
    """The items of a named list holding the topic words (or a synonym; any of them with 和/或), in order; none →
    not in the plan, saying the list exists, how many items it has, and where else the plan writes the words."""
    from kb.qa.exec_departments import earlier_line

    voc = env.voc
    groups = [voc.synonyms(w) for w in words]
    test = any if q.topic_any else all
    if not date_note:
        tasks, _ = _numbered_items(env, tasks)  # (the list's items as its count says: 共 N 项 alike)

    def holds(t: Task) -> bool:
        text = fold(f"{t.title or ''}{t.body or t.text}")
        return test(any(w in text for w in g) for g in groups)

    hits = [t for t in tasks if holds(t)]
    shown = ("或" if q.topic_any else "和").join(f"“{voc.spellings.get(w, w)}”" for w in words)
    scope = f"（{date_note}）" if date_note else ""
    env.ctx.tasks = hits
    if not hits:
        ids = {t.id for t in tasks}
        elsewhere = [t for t in env.plan.tasks_matching(groups, fold, kinds=None) if t.id not in ids]
        said = ("方案其他部分提到的：" + "、".join(t.label for t in elsewhere[:8])
                + ("等" if len(elsewhere) > 8 else "") + "。") if elsewhere else ""
        return Answer(question, "section_topic", f"“{heading}”{scope}共 {len(tasks)} 项，其中没有提到{shown}的条目。{said}"
                      + earlier_line(choice, holds), tasks=[], status="not_in_plan")
    lines = [f"“{heading}”{scope}共 {len(tasks)} 项，其中涉及{shown}的共 {len(hits)} 项："]
    lines.extend(numbered(hits))
    if aside := earlier_line(choice, holds):  # (those on the topic due before the limit asked)
        lines.append(aside)
    intent = "section_topic_count" if "count" in q.asks or q.item == "count" else "section_topic"
    return Answer(question, intent, compose(lines), tasks=hits, departments=departments_of(hits))


def item_answer(question: str, ask: str | None, role: str | None, task: Task, head: str, plan=None) -> Answer:
    """One task's deadline, targets, departments, labelled field or text, as asked.  With ``plan``: an item whose
    paragraph the plan cut at its tags (kb.qa.result.item_pieces) answers with every clause, each with its own units
    and limits — one clause's are never the item's."""
    pieces = item_pieces(plan, task) if plan is not None else [task]
    if len(pieces) > 1 and ask in ("deadline", "target", "departments", "text", None):
        return _pieces_answer(question, ask, role, pieces, head)
    if ask == "field":
        return field_of_item(question, task, head)
    if ask == "deadline":
        # (a start — 自2019年7月1日起 — is no time limit: said as what it is, the limit said missing when it is)
        limits = [d for d in task.deadlines if d.kind != "from"]
        starts = "；".join(deadline_said(d) for d in task.deadlines if d.kind == "from")
        if limits:
            body = "时限：" + "；".join(deadline_said(d) for d in limits) + (f"；开始时间：{starts}" if starts else "") + "。"
        else:
            body = "方案对这项任务没有规定明确的完成时限" + (f"，写明的开始时间是{starts}" if starts else "") + "。"
        return Answer(question, "item_deadline", head + body, tasks=[task],
                      deadlines=[(task.id, d) for d in task.deadlines])
    if ask == "target":
        if task.targets:
            body = "量化目标：\n" + "\n".join(target_line(task, tg) for tg in task.targets)
        else:
            body = "这项任务没有量化目标。"
        return Answer(question, "item_target", head + body, tasks=[task], targets=[(task.id, tg) for tg in task.targets])
    if ask == "departments":
        deps = describe(task) or units_unsaid(task)
        asked = list(getattr(task, role)) if role else departments_of([task])
        return Answer(question, "item_departments", head + f"责任单位：{deps}。", tasks=[task], departments=asked)
    return Answer(question, "item_text", head + "\n" + task.text, tasks=[task], departments=task.departments("any"))


def _pieces_answer(question: str, ask: str | None, role: str | None, pieces: list[Task], head: str) -> Answer:
    """``item_answer`` for an item written in several clauses, each closed by its own tag: each clause's units (said
    once when they are the same), its limits, its targets; the item's whole text."""
    from kb.qa.wording import load_answer_words

    first = pieces[0]
    if ask == "deadline":
        limits = [(t, [d for d in t.deadlines if d.kind != "from"]) for t in pieces]
        if not any(ls for _, ls in limits):
            return item_answer(question, ask, role, first, head)  # (no clause sets a limit: said as for one task)
        lines = [f"   {t.label}：" + ("；".join(deadline_said(d) for d in ls) if ls else "本句没有规定明确的完成时限")
                 for t, ls in limits]
        return Answer(question, "item_deadline", head + "时限（各句分别写明）：\n" + "\n".join(lines), tasks=pieces,
                      deadlines=[(t.id, d) for t in pieces for d in t.deadlines])
    if ask == "target":
        targets = [(t, tg) for t in pieces for tg in t.targets]
        body = "量化目标：\n" + "\n".join(target_line(t, tg) for t, tg in targets) if targets else "这项任务没有量化目标。"
        return Answer(question, "item_target", head + body, tasks=pieces, targets=[(t.id, tg) for t, tg in targets])
    if ask == "departments":
        asked = list(dict.fromkeys(n for t in pieces for n in (getattr(t, role) if role else departments_of([t]))))
        if len({describe(t) for t in pieces}) == 1:
            body = f"责任单位：{describe(first) or '方案未写明责任单位'}。"
        else:
            words = load_answer_words()["item_pieces_line"]
            body = words["head"].format(label="", head="", n=len(pieces)).strip() + "\n" + "\n".join(pieces_lines(pieces, role))
        return Answer(question, "item_departments", head + body, tasks=pieces, departments=asked)
    text = "".join(t.text for t in pieces)
    return Answer(question, "item_text", head + "\n" + text, tasks=pieces,
                  departments=list(dict.fromkeys(n for t in pieces for n in t.departments("any"))))


#: Words of a field label that say where or to whom a measure applies (适用范围, 实施范围, 适用对象, 适用区域): asked
#: with 适用于哪… when the question names no label of the task.
_SCOPE_LABEL = LazyPattern(r"适用|范围|对象|区域|地区|地域|片区")


def field_of_item(question: str, task: Task, head: str) -> Answer:
    """措施九适用于哪个片区 / 第五项措施的适用范围是什么: the item's labelled field (``Task.fields``) the question names
    (its label written in the question), else the fields saying where it applies; none → not in the plan (the plan
    labels no such field for that item), the item named."""
    fields = task.fields or {}
    named = {k: v for k, v in fields.items() if k in question}
    shown = named or {k: v for k, v in fields.items() if _SCOPE_LABEL.search(k)}
    if not shown:
        return Answer(question, "item_field", head + "方案没有为这一条标注适用范围（" +
                      ("它的标注只有：" + "、".join(fields) if fields else "它没有适用范围等标注") + "）。",
                      tasks=[], status="not_in_plan", departments=task.departments("any"))
    body = "；".join(f"{k}：{v}" for k, v in shown.items())
    return Answer(question, "item_field", f"{head}{body}。", tasks=[task], departments=task.departments("any"))


def deadline_said(d) -> str:
    """The deadline as written, with its meaning when that says more (到2020年（2020年12月31日前完成））."""
    from kb.qa.result import deadline_meaning

    meaning = deadline_meaning(d)
    return d.text if meaning == d.text or meaning in d.text else f"{d.text}（{meaning}）"


# ---------------------------------------------------------------- a part, a section, a title, the previous list


def exec_section(question: str, q: Query, env) -> Answer:
    """优化能源结构有哪些任务 / 第三部分有哪些任务 / 第三部分第二节: the tasks of a part or section."""
    from kb.qa.executors import found_nothing

    plan = env.plan
    if q.heading_score:
        # 政府治理“一网统管”占多少分: the score the heading's title states (its items are the context of a follow-up)
        env.ctx.tasks = [t for t in (plan.task(i) for i in q.cited) if t is not None]
        said = load_answer_words()["heading_score"].format(heading=q.heading, score=q.heading_score)
        return Answer(question, "heading_score", said, tasks=[])
    if q.part:
        tasks = [t for d in plan.documents for t in plan.part_tasks(d.id, q.part)]
        if tasks and q.section:
            # 第三部分第二节: the part's sections in plan order
            sections = list(dict.fromkeys(t.section for t in tasks if t.section))
            if not 1 <= q.section <= len(sections):
                env.ctx.tasks = []
                return Answer(question, "section_tasks", f"“{q.part}、{tasks[0].part_title}”没有第{q.section}节"
                              f"（共 {len(sections)} 节）。", status="not_in_plan")
            tasks = [t for t in tasks if t.section == sections[q.section - 1]]
            head = tasks[0]
            return section_answer(question, q, env, tasks, f"{head.section}{head.section_title or ''}")
        if tasks:
            return section_answer(question, q, env, tasks, f"{q.part}、{tasks[0].part_title}")
        return found_nothing(question, q, env)  # a part with no paragraph under it
    return section_answer(question, q, env, [plan.task(i) for i in q.cited], q.heading)


def field_answer(question: str, q: Query, env) -> Answer:
    """适用于福建自贸试验区的措施有哪些 / 其中适用于陕西自贸试验区的呢: the tasks whose labelled field (``Task.fields``)
    holds the value asked (read by kb/qa/query.py read_field), within the previous answer after 其中."""
    from kb.qa.exec_departments import within_base
    from kb.qa.query import field_label

    tasks = [t for t in (env.plan.task(i) for i in q.field_tasks) if t is not None]
    if q.within:
        ids = {t.id for t in within_base(q, env.ctx)}
        tasks = [t for t in tasks if t.id in ids]
    scope = "（限上一个回答中的任务）" if q.within else ""
    label = field_label(env.plan, q.field_value) or "标注"
    lines = [f"{label}为“{q.field_value}”的条目{scope}共 {len(tasks)} 项" + ("：" if tasks else "。")]
    lines.extend(numbered(tasks))
    env.ctx.tasks = tasks
    return Answer(question, "field_tasks", compose(lines), tasks=tasks, departments=departments_of(tasks))


def exec_title(question: str, q: Query, env) -> Answer:
    """强化责任落实的内容 / 严格考核奖惩是怎么规定的: a paragraph of the plan cited by its whole title."""
    task = env.plan.task(q.titled)
    env.ctx.tasks = [task]
    return item_answer(question, "text", None, task, f"{task.label} {task_head(task)}。")


#: Intents whose answer is about one topic's task(s): a short question next asks about them.
ABOUT_TASK = frozenset({"topic_who", "topic_deadline", "target", "context_deadline", "context_target",
                        "context_departments", "item_text", "item_deadline", "item_target", "item_departments"})


def exec_context(question: str, q: Query, env) -> Answer:
    """Follow-ups on the previous answer's tasks: 谁牵头? 什么时候完成? 目标是多少? 其中哪些有时限?
    (over ``previous``: kb.qa.query.over_previous read which of these is asked)"""
    from kb.qa.wording import load_answer_words

    ctx = env.ctx
    asks = set(q.asks)
    tasks = ctx.tasks
    if q.tag_label:
        # 实施部门呢: what each listed item's tag writes after that label, as written
        label = q.tag_label
        pattern = re.compile(rf"{re.escape(label)}[：:]\s*([^；;。）)]+)")
        lines, held = [], []
        for t in tasks:
            m = pattern.search(fold(t.tag or ""))
            lines.append(f"{t.label} {task_head(t)}：{label}：{m.group(1).strip('，, ')}" if m else
                         f"{t.label} {task_head(t)}：" + load_answer_words()["tag_label_missing"].format(label=label))
            if m:
                held.append(t)
        status = "answered" if held else "not_in_plan"
        return Answer(question, "context_departments", compose(lines), tasks=held, status=status)
    if q.within and q.plan and not q.within_heading and not q.tag_label and not q.part_of:
        # 其中哪些在人才集聚那份文件里 (several plans loaded): the items of the list that stand in the plan named
        # (reading4, routed from holdout15 f; question._plan_named_inside reads the name)
        from kb.qa.exec_departments import within_base

        base = within_base(q, ctx)
        kept = [t for t in base if t.doc == q.plan]
        title = next((d.title for d in env.plan.documents if d.id == q.plan), q.plan)
        lines = [load_answer_words()["within_heading"].format(heading=title, n=len(kept)) + ("：" if kept else "。")]
        lines.extend(numbered(kept))
        ctx.tasks = kept
        return Answer(question, "context_part", compose(lines), tasks=kept, departments=departments_of(kept))
    if q.within_heading:
        # 其中哪些属于保障措施: the items of the list under that part or section
        from kb.qa.exec_departments import within_base

        from kb.select import annex_part_over

        base = within_base(q, ctx)
        # (an annex part's title too, over its nested sections: 其中哪些属于筑牢安全防护体系)
        kept = [t for t in base if q.within_heading in fold(
            f"{t.part_title or ''}|{(annex_part_over(env.plan, t) or ('', ''))[1]}|{t.section_title or ''}")]
        lines = [load_answer_words()["within_heading"].format(heading=q.within_heading, n=len(kept))
                 + ("：" if kept else "。")]
        lines.extend(numbered(kept))
        ctx.tasks = kept
        return Answer(question, "context_part", compose(lines), tasks=kept, departments=departments_of(kept))
    if q.part_of:
        # 这两项属于哪个部分: each item's part and section as the plan heads them
        from kb.select import annex_part_over, heading_line

        said = load_answer_words()["part_of"]
        lines = [said["head"].format(n=len(tasks))]
        for t in tasks:
            # (the section only when the item is not that section itself: 三（一）2 stands in 三（一）, 三（一） in 三)
            own = t.section and t.label not in (t.section, f"{t.part}{t.section}")
            outer = annex_part_over(env.plan, t)  # (附件·六、筑牢安全防护体系（5分） over 附件·六（一）: an annex's own part)
            where = "".join(x for x in (f"{t.part}、{t.part_title}" if t.part else said["no_part"],
                                         f" {heading_line(*outer)}" if outer and outer[0] != t.section else "",
                                         f" {t.section}{t.section_title or ''}" if own else ""))
            lines.append(f"{t.label} {task_head(t)}：{where}")
        return Answer(question, "context_part", compose(lines), tasks=tasks)
    if q.partners_asked:
        return _partners_of_listed(question, tasks, env)
    # (其中哪些有时限要求: 要求 is a target word too; the deadline words decide first)
    if q.target_word and any(t.targets for t in tasks) and q.timed is None:
        pairs = [(t.id, tg) for t in tasks for tg in t.targets]
        lines = [f"量化目标共 {len(pairs)} 项："] + [target_line(t, tg) for t in tasks for tg in t.targets]
        return Answer(question, "context_target", compose(lines), tasks=[t for t in tasks if t.targets], targets=pairs)
    if q.timed is not None:
        # 这些任务中哪些有时限: only those (or those without)
        # (截止时间 / 完成时限 asks a date things are due by: a ``from`` deadline, 自2019年7月1日起, starts
        # something and is due never — README "Dates")
        tasks = [t for t in tasks if any(d.kind != "from" or not q.due_by for d in t.deadlines) == q.timed]
        if not tasks:
            what = "规定了时限" if q.timed else "没有规定时限"
            return Answer(question, "context_deadline", f"上一个回答的任务中，{what}的共 0 项。")
    if asks & {"when", "due"}:
        lines = []
        for t in tasks:
            if t.deadlines:
                lines.append(f"{t.label} {task_head(t)}：" + "；".join(deadline_said(d) for d in t.deadlines))
            else:
                lines.append(f"{t.label} {task_head(t)}：方案没有规定明确时限")
        # none of the tasks sets a time limit: what is asked is not in the plan (each task named in the text)
        timed = [t for t in tasks if t.deadlines]
        return Answer(question, "context_deadline", compose(lines), tasks=tasks if timed or not tasks else [],
                      deadlines=[(t.id, d) for t in tasks for d in t.deadlines],
                      status="answered" if timed or not tasks else "not_in_plan")
    # (who, a role, or a word of no particular role: their departments)
    lines = [f"{t.label} {task_head(t)}：{describe(t) or units_unsaid(t)}" for t in tasks]
    role = _role_asked(q)
    asked = list(dict.fromkeys(n for t in tasks for n in getattr(t, role))) if role else departments_of(tasks)
    return Answer(question, "context_departments", compose(lines), tasks=tasks, departments=asked)


def _partners_of_listed(question: str, tasks, env) -> Answer:
    """会同哪些部门 / 和谁一起 / 还有谁参与 after an answer listing items (Query.partners_asked): who works WITH their units —
    for each item the units sharing its lead (several 牵头), its supporting units (配合), and the units its text names after
    会同 (由A会同B、C…: B, C) — or, for an item naming none, that the plan does not say.  Never the lead again as if it
    were the answer (session 18: 会同哪些部门 after X由谁牵头 repeated the lead)."""
    from kb.qa.stated import written_partners
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["partners_listed"]
    verbs = env.voc.words["partner_verbs"]
    lines, held, partners = [], [], []
    for t in tasks:
        bits, mine = [], []
        for role, word in (("lead", "共同牵头"), ("shared", "共同负责")):
            if len(t.departments(role)) > 1:
                bits.append(said["together"].format(role=word, units="、".join(t.departments(role))))
                mine.extend(t.departments(role))
        if t.departments("support"):
            bits.append(said["support"].format(units="、".join(t.departments("support"))))
            mine.extend(t.departments("support"))
        for sentence, units in written_partners(env, t, verbs):
            units = [u for u in units if u not in mine]  # (a 会同 the tags already read as 配合 is said once)
            if units:
                bits.append(said["stated"].format(units="、".join(units), sentence=sentence))
                mine.extend(units)
        if bits:
            held.append(t)
            partners.extend(u for u in mine if u not in partners)
        lines.append(f"{t.label} {task_head(t)}：" + ("；".join(bits) if bits else said["item_none"]))
    if not held:
        return Answer(question, "context_departments", compose([said["none"].format(n=len(tasks)), *lines]),
                      tasks=[], status="not_in_plan")
    head = said["head"].format(n=len(held), partners="、".join(partners))
    return Answer(question, "context_departments", compose([head, *lines]), tasks=held, departments=partners)
