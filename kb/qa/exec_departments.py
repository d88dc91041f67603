"""The executor of questions about named departments (``Query.about == "departments"``).

A department's tasks by role (its duty list, grouped as ``kb duties`` groups them), their
count, their deadlines (``item == "deadline"``) or targets (``subject == "targets"``); the
departments sharing its tasks (``subject == "departments"``); several departments together
or each (分别); a name the plan does not give tasks to, or one that may mean several
departments (the bot asks which).  Everything it needs was read into the ``Query`` by
kb/qa/query.py (``read_department_ask``); follow-ups (配合的呢, 那市公安局呢) arrive here
already merged with the previous question's slots.
"""

from __future__ import annotations

import re

from kb.model import ROLE_NAMES, ROLES, Plan, Task, item_count, item_key
from kb.registry import ambiguous_division
from kb.qa.answer import Answer
from kb.qa.query import Query, asked_topic
from kb.qa.text import fold, task_head
from kb.qa.result import (Group, GroupLine, Item, Result, compose, item_firsts as _item_firsts, numbered, numbered_items,
                          render_text, rows_note as _rows_note, target_line)
from kb.qa.stated import role_clauses
from kb.qa.wording import load_answer_words, named_in_mark
from kb.duties import (SpellingsPlan as _Spellings, count_said, division_choices, docs_of as _docs_of, place_body,
                       written_as as _written_as)

#: Words officials use for the roles in answers.
ROLE_WORDS = {"lead": "牵头", "guide": "指导", "support": "配合", "sole": "单独负责", "shared": "共同负责",
              "implied": "落实", "any": "涉及"}


def exec_departments(question: str, q: Query, env) -> Answer | None:
    """Questions naming departments: duties by role, counts, joint tasks, partners, unknown and ambiguous names."""
    plan, ctx = env.plan, env.ctx
    if q.ambiguous is not None:
        ctx.pending = (q, list(q.candidates))
        if q.ambiguous.name in env.voc.words["department_endings"]:
            # 局牵头哪些任务: a bare ending; the plan's departments with that ending
            ending, names = q.ambiguous.name, q.candidates
            ctx.tasks = []
            shown = "、".join(names[:12]) + ("等" if len(names) > 12 else "")
            return Answer(question, "department_ambiguous", f"“{ending}”没有指明是哪个部门。方案中名称以“{ending}”结尾的有 "
                          f"{len(names)} 个：{shown}。请问您指的是哪一个？", candidates=list(names), status="ask_back")
        text = f"“{q.ambiguous.name}”可能指：{'、'.join(q.candidates)}。请问您指的是哪一个？"
        return Answer(question, "department_ambiguous", text, candidates=list(q.candidates), status="ask_back")
    from kb.qa.wording import load_answer_words

    words = load_answer_words()
    if q.each and q.unknowns:
        return _each_with_absent(question, q, env)
    if not q.departments or q.unknown:
        # (区公安局和市生态环境局共同负责…: a unit the plan lacks beside one it has — never the known one's list alone)
        return _unassigned(question, q, env, q.unknown, _asked_role(q), list(q.candidates))
    absent = _absent_measure(q, plan)
    if not absent and len(q.departments) == 1:
        unwritten = _unit_figure_unwritten(question, q, plan)
        if unwritten:
            # 市生态环境局2019年考核得了多少分 / 有多少名工作人员 / 的网址是什么: a figure or a thing of the unit no clause of
            # its tasks writes — its tasks (a year's, or all of them counted) were an answer to another question
            ctx.tasks = []
            return Answer(question, "department_tasks", words["unit_figure_unwritten"].format(
                name=q.departments[0].name, asked=unwritten), status="not_in_plan")
    if absent:
        # 数据专区运营单位的收费标准是多少: a figure of the unit asked by a word the plan never writes — the plan does not
        # say it; the unit's tasks (counted by 多少) were a fluent answer to another question
        ctx.tasks = []
        return Answer(question, "department_tasks", words["unit_measure_absent"].format(
            name=q.departments[0].name, word=absent), status="not_in_plan")
    for d in q.departments:
        d.role = d.role or "any"  # no role named, none carried from the previous question
    names = [d.name for d in q.departments]
    role = q.departments[0].role
    if q.subject == "departments" and q.partner_verb:
        # (市交通委会同哪个部门… in a plan of 责任部门 lists giving no one 牵头: its sentences say whom it works with)
        return _partners(question, q, env, names[0], role, q.partner_role)
    if not plan.roles_given() and len(names) == 1:
        # a plan in which kb read no unit at all (a prose plan assigning no task): whatever is asked of the unit
        return _unassigned(question, q, env, names[0], role if role in ROLES else None)
    if role not in ("any", "implied") and role in ROLES and role not in plan.roles_given():
        # 哪些任务由市生态环境局指导, or 牵头 in a plan of bare 负责 lists: no task gives anyone that role
        # (the department asked stays the conversation's: 那配合的呢 next asks of it — was the help text)
        ctx.tasks, ctx.departments, ctx.role = [], list(names), role
        others = place_body(plan, names[0])[0].tasks_of(names[0], "any")
        # (its own paragraphs — no other unit named — or a clause naming it: 配合 in an item of five units is no role of
        # this one)
        written = [(t, c) for t, c in role_clauses(others, role)
                   if names[0] in c or set(t.departments("any")) <= {names[0]}]
        if written:
            # 区公安分局配合哪些工作 where no tag or label gives anyone 配合, but the unit's own paragraph writes 配合开展联合
            # 执法: its clauses writing the role, quoted (a bare "no unit has 配合" was false for the text: the lead's
            # 平潭 check, s17)
            result = Result(heading=[words["role_written"].format(role=ROLE_WORDS[role], name=names[0], n=len(written))])
            result.groups.append(Group(items=[Item(k, None, text=f"{t.label} {task_head(t)}：{clause}")
                                              for k, (t, clause) in enumerate(written, 1)]))
            tasks = list({t.id: t for t, _ in written}.values())
            ctx.tasks = tasks
            return Answer(question, "department_tasks", render_text(result), departments=names, tasks=tasks,
                          result=result)
        result = Result(heading=[words["no_role"].format(role=ROLE_WORDS[role]) + _holds_note(plan, names[0], words)])
        # (the tasks it does hold, apart: 市规划资源局牵头哪些任务 in a plan of 责任单位 lists — as for a role not held)
        if others:
            # (numbered by the plan's items, as the count before it: an item's other clauses under it, unnumbered)
            result.related = numbered_items(others)
            result.related_title = words["other_roles_title"].format(name=names[0])
        return Answer(question, "department_tasks", render_text(result), departments=names, status="not_in_plan",
                      result=result, related=others)
    substituted = _asked_otherwise(question, env, names)
    if substituted:
        # 各区相关管理部门负责哪些工作 read as 本市行业管理部门 (its last characters): a unit the question names that is
        # not the one read is said as asked — the paragraphs writing it, or the nearest names — never another unit's tasks
        return _unassigned(question, q, env, substituted, role if role in ROLES else None)
    meant = ambiguous_division(plan, names[0]) if len(names) == 1 else None
    if meant:
        return _ambiguous_division(question, q, env, names[0], meant)
    known = set(plan.departments()) | set(plan.subunits())
    # (a name the plan writes only with divisions, 市交通委 of 市交通委（计划财务处）, or a division so written: its body)
    missing = [n for n in names if n not in known and len(place_body(plan, n)[1]) == 1]
    if missing:
        # a department of the registry that this plan gives no task (another plan's, or one named in passing)
        # (教育部 in a plan of 商务部, 财政部 …: the names it does have that are closest, as for an unknown name)
        return _unassigned(question, q, env, missing[0], role if role in ROLES else None, departments=names)
    if q.subject == "departments" and q.partner_role:
        return _partners(question, q, env, names[0], role, q.partner_role)
    if len(names) > 1:
        return _joint(question, q, env)
    if q.subject == "targets":
        return _department_targets(question, q, env, names[0], role)
    named = [r for r in q.roles if r != "any"]
    if role == "any" and len(named) > 1:
        # 牵头和配合的任务各有多少 / 牵头或配合的任务: the duty list, only those groups
        return _duties(question, q, env, names[0], "any", only=set(named))
    return _duties(question, q, env, names[0], role)


def _each_with_absent(question: str, q: Query, env) -> Answer:
    """市生态环境局和区公安局分别牵头哪些任务: each unit the plan has, its own list (as 分别 of known units: _joint), then
    each unit it lacks said so (_unassigned) — never merged, never one dropped.  Answered when some unit is known; the
    conversation goes on with the known units' lists."""
    absent = [_unassigned(question, q, env, name, _asked_role(q), list(q.candidates) if k == 0 else None)
              for k, name in enumerate(q.unknowns)]
    if not q.departments:
        first = absent[0]
        first.text = "\n".join(a.text for a in absent)
        return first
    known = q.copy()
    known.unknown, known.unknowns, known.candidates = None, [], []
    for d in known.departments:
        d.role = d.role or "any"
    answer = _joint(question, known, env)
    answer.text = "\n".join([answer.text, *(a.text for a in absent)])
    answer.query = q
    return answer


def asked_unit(question: str, voc) -> str | None:
    """The words the question names a unit with: the run of characters before the first role word (负责, 牵头 …) that
    ends like a unit's name (各区相关管理部门 of 各区相关管理部门负责哪些工作), the question's opening words (请问) left off."""
    text = fold(question)
    for prefix in voc.words.get("prefixes", ()):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    endings = tuple(voc.words["department_endings"])
    role_words = tuple(w for ws in voc.roles.values() for w in ws if len(w) >= 2)
    for end in range(3, len(text)):
        if text[:end].endswith(endings) and text.startswith(role_words, end):
            head = re.split(r"[^\u4e00-\u9fff]", text[:end])[-1]
            # (秸秆禁烧由哪个部门负责 asks who: a head with an asking word or 由 names no unit)
            # (秸秆禁烧是不是农业农村局负责 asks whether: 是 opens the unit, the words before it are a topic)
            return head if len(head) >= 3 and not any(c in head for c in "哪谁什何几由是") else None
    return None


#: Characters no unit's qualifier holds: the question's own words before a name (咱们方案里气象局: 咱们方案里 asks).
_NOT_QUALIFIER = "们里咱我你您这那的了吗呢啥么"


def _asked_otherwise(question: str, env, names: list[str]) -> str | None:
    """The unit the question names (asked_unit) when the one department read shares only its ending with it: a common
    tail of 2+ characters (管理部门), a qualifier before it (各区相关: a level or group word opening it, no word of the
    question's own) holding nothing of the name's words before that tail (本市行业), and no exact name or alias of the
    registry — a body read from the last characters of another's name.  A short name, a full name, a registry alias
    (市综合行政执法局 → 市城管执法局) or a typo stays read."""
    from kb.qa.text import simplify
    from kb.registry import resolve_department

    if len(names) != 1:
        return None
    asked, name = asked_unit(simplify(question, env.plan.characters()), env.voc), names[0]
    if not asked or asked in name or name in asked:
        return None
    tail = 0
    while tail < min(len(asked), len(name)) and asked[-1 - tail] == name[-1 - tail]:
        tail += 1
    if tail < 2:
        return None
    head, rest = asked[:-tail], name[:-tail].lstrip("市区县省")
    if (len(head) < 2 or not head.startswith(("各", *env.voc.words["department_starts"]))
            or any(c in _NOT_QUALIFIER for c in head) or any(c in rest for c in head.lstrip("各市区县省"))):
        return None
    if resolve_department(asked, env.plan, fuzzy=False).ok:
        return None
    return asked


# ---------------------------------------------------------------- selections shared with the older rules


def topic_stem(voc, word: str) -> str:
    """柴油货车治理 → 柴油货车: a topics.yaml word followed by a generic action (治理, 管控) stands for the topic."""
    for generic in sorted(voc.words["topic_generic"], key=len, reverse=True):
        stem = word[: -len(generic)]
        if word.endswith(generic) and stem and any(stem in group for group in voc.topics):
            return stem
    return word


def _absent_measure(q: Query, plan) -> str:
    """The word of a figure asked of a unit (…的收费标准是多少: a value, not a count of its tasks) that no paragraph,
    heading or title of the plan writes, else ''."""
    if "target" not in q.asks or not q.departments or q.within:
        return ""
    mentions = plan.mentions()
    absent = [w for w in q.topic if len(w) >= 2 and w not in mentions]
    if not absent:
        return ""
    # (a leftover of a unit's name — 科技 of 科技和经信局管哪个指标, written only in its tags — is no word asked)
    names = plan.departments()
    return next((w for w in absent if not any(w in n for n in names)), "")


#: 多少/几 and what follows it up to the question's end (the classifier and noun counted).
_COUNTED = re.compile(r"(?:多少|几)(?P<rest>[^，,。？?！!；;]*)")
#: A number written in a clause, with what follows it (the unit it is written in).
_WRITTEN_NUMBER = re.compile(r"[0-9０-９.．]+|[一二两三四五六七八九十百千万]+(?=[个名人位元分项条件家所座处次])")


def _unit_figure_unwritten(question: str, q: Query, plan) -> str:
    """The words asked (as written after the unit's name) when the question asks the unit a figure, or a thing, that no
    clause of its tasks writes, else ''.  A figure: 多少/几 + a classifier other than a count of tasks (shapes.yaml
    ``unit_count_classifiers`` + ``unit_task_nouns``: 多少分, 多少名工作人员, 多少个科室, 多少万元), or X是多少; a thing:
    a topic word of 2+ characters the plan never writes (网址, 办公电话 — not a unit's name's leftover).  Written means a
    clause of the unit's tasks holding the topic words and a number in that classifier (县财政局安排就业补助资金500万元)."""
    from kb.qa.query import load_shapes

    if q.within or q.dates is not None and not q.topic:
        return ""
    name = q.departments[0].name
    text = fold(question).rstrip("？?。！! ")
    at = text.find(fold(name))
    asked = text[at + len(fold(name)):] if at >= 0 else text
    asked = asked.lstrip("的在")
    shapes = load_shapes()
    mentions = plan.mentions()
    names = plan.departments()
    absent = [w for w in q.topic if len(w) >= 2 and w not in mentions and not any(w in n for n in names)]
    if absent and not q.roles and re.search(r"(?:是什么|是多少|多少|在哪里?|是哪个)$", asked):
        return asked  # (X的网址是什么: a thing of the unit the plan never names — 管哪块 / 干啥的 are no such thing)
    if "target" not in q.asks or any(w in asked for w in shapes["unit_target_nouns"]):
        return ""  # (那项目标是多少 / 有几个量化目标: the unit's targets — department_targets answers them)
    if re.search("(?:%s)[^多几]{0,3}(?:多少|几)" % "|".join(map(re.escape, shapes["unit_task_nouns"])), asked):
        return ""  # 牵头和配合的任务各有多少: its tasks counted
    m = _COUNTED.search(asked)
    if m is not None:
        rest = m.group("rest").lstrip("的")
        classifier = next((c for c in sorted(shapes["unit_count_classifiers"], key=len, reverse=True)
                           if rest.startswith(c)), "")
        noun = rest[len(classifier):].lstrip("的")
        if classifier and (not noun or any(noun.startswith(n) or noun.endswith(n) for n in shapes["unit_task_nouns"])):
            return ""  # 牵头多少项任务 / 有几项: its tasks counted
        if not classifier and any(rest.startswith(n) for n in shapes["unit_task_nouns"]):
            return ""  # 负责多少任务
        unit = rest[:1] if not classifier else classifier
    elif re.search(r"是多少|有多少|多少$", asked) is None:
        return ""
    else:
        unit = ""
    words = [w for w in q.topic if len(w) >= 2]
    said = re.search(r"(?:^|的)(?P<noun>[^的]{2,8}?)(?:是|有|为)?多少", asked)
    if not words and said is not None and not re.search(r"[0-9年月]", said.group("noun")):
        words = [said.group("noun")]  # (X的得分是多少: the scan kept only 分 of 得分)
    for t in plan.tasks_of(name, "any"):
        body = fold(t.text or "")
        if words and not all(w in body for w in words):
            continue
        for n in _WRITTEN_NUMBER.finditer(body):
            if not unit or body[n.end():].startswith(unit):
                return ""  # (a clause of the unit writes such a figure: not said absent — the value readers' to answer)
    return asked


def filter_topic(q: Query, env, tasks: list[Task]) -> tuple[list[Task], str]:
    """Keep the tasks on the question's topic words (when they are words of the plan's tasks)."""
    voc, plan = env.voc, env.plan
    words = [topic_stem(voc, w) for w in asked_topic(q.topic, voc, plan)]
    if not words:
        return tasks, ""
    # The kinds of the items filtered: a plan whose items are dated paragraphs (kb.select.dated_items) is filtered on
    # its paragraphs — 各省份2019年11月底前要完成什么 kept every item when only tasks proper were searched.
    kinds = tuple(dict.fromkeys(["task", *(t.kind for t in tasks)]))
    # Only words the plan's tasks use: a leftover like 角色 (…在秸秆禁烧中是什么角色) filters nothing.
    words = [w for w in words
             if (q.topic_marked or len(w) >= 3 or any(w in g for g in voc.topics))
             and plan.tasks_matching([voc.synonyms(w)], fold, kinds=kinds)]
    if not words:
        return tasks, ""
    if q.topic_any:
        ids = {t.id for w in words for t in plan.tasks_matching([voc.synonyms(w)], fold, kinds=kinds)}
    else:
        ids = {t.id for t in plan.tasks_matching([voc.synonyms(w) for w in words], fold, kinds=kinds)}
    if not ids:
        return tasks, ""
    return [t for t in tasks if t.id in ids], "、".join(voc.spellings.get(w, w) for w in words)


def filter_date(q: Query, env, tasks: list[Task]):
    """(the tasks the question's date chooses — kb.select's one choice, read as the question's words say:
    ``date_choice`` — or those with / without a deadline; the scope said after 的任务; the kb.select.DatedChoice, None
    when no date was asked: its ``earlier`` are said by ``earlier_line``)."""
    if q.dates is None:
        if q.timed is True:
            return [t for t in tasks if t.deadlines], "有时限要求", None
        if q.timed is False:
            return [t for t in tasks if not t.deadlines], "未规定时限", None
        return tasks, "", None
    choice = date_choice(q, env.plan, tasks)
    if choice.limit is None:
        return choice.tasks, q.dates.text, choice
    from kb.qa.result import official_date

    return choice.tasks, load_answer_words()["due_on_scope"].format(day=official_date(choice.limit)), choice


def date_reading(q: Query) -> str:
    """How the question reads a span by a day (kb.select ``DUE_READINGS``): ``cumulative`` with words of everything up
    to it (截至, 累计: ``Query.cumulative``), else ``limit`` (2020年底前: the items whose limit the plan writes as that
    day) — the plan-wide list and a department's alike.  (Here, not in exec_plan: a department's dated list would
    import that whole executor module for this one line.)"""
    return "cumulative" if q.cumulative else "limit"


def earlier_line(choice, keep=None) -> str:
    """The line naming the items of ``choice`` due before the limit asked (those ``keep`` accepts), "" when none."""
    earlier = [t for t in (choice.earlier if choice is not None else []) if keep is None or keep(t)]
    return earlier_note(earlier, choice.limit) if earlier else ""


def date_choice(q: Query, plan, tasks: list[Task]):
    """kb.select's one date choice of ``tasks`` for the question's date, read as its words say
    (date_reading: 截至 cumulative, 底前 the limit the plan writes), the plan's dated items the pool a
    limit is looked for in (a department's list reads 2024年3月底前 as the plan-wide list does)."""
    from kb.select import choose_dated, dated_items

    return choose_dated(tasks, q.dates, date_reading(q), dated_items(plan))


def earlier_note(earlier: list[Task], limit: str) -> str:
    """The line naming the items due before the limit asked (另有 N 项在…之前到期（不列入上表）：label（limit）…): under
    the limit reading they are not listed, never hidden."""
    from kb.qa.result import PLAN_TITLES, official_date, official_deadline

    titles = PLAN_TITLES.get() or {}  # (several plans: a label names its plan, as the listed items do)
    labels = "、".join(f"{t.label}{f'〔{titles[t.doc]}〕' if t.doc in titles else ''}"
                      f"（{'、'.join(official_deadline(d) for d in t.deadlines if d.end and d.end < limit)}）"
                      for t in earlier)
    return load_answer_words()["due_earlier"].format(n=item_count(earlier), day=official_date(limit), labels=labels)


def year_column_cells(q: Query, tasks: list[Task]) -> dict[str, tuple[str, str]]:
    """Task id → (header, text) of its table cell under a column naming the one year asked (2025年工作计划 for 2025年的
    计划; tables.yaml ``year_column_header``), for the tasks that are rows of such a table and write that cell; {} when
    no year alone is asked (到2025年, 2024年起, a range) or no such cell exists — the year then filters by deadlines."""
    span = q.dates
    if span is None or not span.first or not span.last or span.first[:4] != span.last[:4] or span.test != "due":
        return {}
    if not any(t.column for t in tasks):
        return {}  # (no row of a task table: nothing to look up — and no parser module imported for it)
    from kb.parser.roles import is_none_marker
    from kb.parser.tables import load_vocabulary

    pattern = load_vocabulary().year_column
    if pattern is None:
        return {}
    year = span.first[:4]
    out: dict[str, tuple[str, str]] = {}
    for t in tasks:
        if not t.column:
            continue
        for header, text in t.cells():
            key = re.sub(r"\s", "", header)
            if key.startswith(year) and pattern.match(key) and text.strip() and not is_none_marker(text.strip()):
                out.setdefault(t.id, (header, text.strip()))
    return out


def within_base(q: Query, ctx) -> list[Task]:
    """The list 其中 refers to: the one a run of 其中-questions started from, else the last answer's."""
    base = list(ctx.base or ctx.tasks)
    if q.within:
        ctx.base = base
    return base


def filter_within(q: Query, tasks: list[Task], previous: list[Task]) -> list[Task]:
    """其中…: keep the tasks of the previous answer only."""
    if not q.within or not previous:
        return tasks
    ids = {t.id for t in previous}
    return [t for t in tasks if t.id in ids]


def _role_tasks(plan: Plan, name: str, role: str) -> list[Task]:
    return plan.tasks_of(name, role)


def _role_order(r: str) -> int:
    return (*ROLES, "implied").index(r) if r in (*ROLES, "implied") else 9


# ---------------------------------------------------------------- one department


#: Level prefixes a plan may write once and drop later (市国土房管局 … 国土房管局).
LEVEL_PREFIXES = "市区县省州旗"
#: Short forms that are generic words, never one body with a prefixed form (政府 / 市政府, 各有关单位).
_GENERIC = frozenset({"政府", "人民政府"})


def level_pair(name: str, names) -> str | None:
    """The one other spelling of ``name`` among the plan's ``names`` that adds or drops a level prefix
    (国土房管局 ↔ 市国土房管局), or None: none, a generic short form, or the short form written with two
    prefixes (市公安局 and 区公安局: two bodies)."""
    names = set(names)
    if len(name) > 1 and name[0] in LEVEL_PREFIXES and name[1:] in names:
        bare = name[1:]
    elif any(p + name in names for p in LEVEL_PREFIXES):
        bare = name
    else:
        return None
    if bare in _GENERIC or bare.startswith("各") or bare not in names:
        return None
    prefixed = [p + bare for p in LEVEL_PREFIXES if p + bare in names]
    if len(prefixed) != 1:
        return None
    return prefixed[0] if name == bare else bare


def _duties(question: str, q: Query, env, name: str, role: str, only: set[str] | None = None) -> Answer:
    from kb.duties import GROUP_ORDER, GROUP_TITLES, duty_list

    plan, ctx = env.plan, env.ctx
    other = level_pair(name, plan.departments())
    spellings = (name,)
    place_twin = False
    docs = _docs_of(plan, name) & _docs_of(plan, other) if other else set()
    if docs and len(docs) == len(_docs_of(plan, name) | _docs_of(plan, other)):
        # one body written with and without its level prefix: both spellings' tasks, named by the longer
        spellings = (max(name, other, key=len), min(name, other, key=len))
        name = spellings[0]
        plan = _Spellings(plan, spellings, docs)
    else:
        # each line names the spellings as written
        plan, spellings = place_body(plan, name)
        place_twin = len(spellings) > 1
    previous = within_base(q, ctx)
    parent = plan.subunits().get(name)
    shown = f"{name}（{parent}）" if parent else name
    ctx.departments, ctx.role = [name], role
    if role == "any":
        groups = dict(duty_list(plan, name, "any").groups)
        implied = plan.tasks_of(name, "implied")
        if implied and "implied" not in groups:
            placed = {t.id for ts in groups.values() for t in ts}
            rest = [t for t in implied if t.id not in placed]
            if rest:
                groups["implied"] = rest
        if only:
            # A task stands in its first group; asked for 牵头 and 配合 only, regroup by those roles.
            groups = {}
            placed = set()
            for r in GROUP_ORDER:
                if r in only:
                    groups[r] = [t for t in plan.tasks_of(name, r) if t.id not in placed]
                    placed.update(t.id for t in groups[r])
    else:
        groups = {role: _role_tasks(plan, name, role)}
    # 证监会牵头哪些任务 where it only supports: the plan gives it no such task at all, whatever narrows the list
    held_none = role in ROLES and not only and not groups.get(role)
    topic_note = date_note = ""
    earlier: list[Task] = []  # (due before the limit asked: named in a note, kb.select.DatedChoice)
    limit = None
    # (a year asked that names a column of the unit's table rows — 2025年工作计划 beside 2024年工作任务 —: those rows with
    # their cell of that year, whatever their deadlines; its other tasks chosen by their deadlines)
    year_cells = year_column_cells(q, [t for ts in groups.values() for t in ts])
    # (limits written with no calendar date — 6月底完成 in a plan that never names the year, 每季度 —: a date asked cannot
    # tell them in or out, so a list narrowed to nothing by the date says so, never a bare "共 0 项")
    undated = [t for ts in groups.values() for t in ts if q.dates is not None
               and any(d.end is None and d.kind != "from" for d in t.deadlines)
               and not any(d.end is not None for d in t.deadlines)] if q.dates is not None else []
    # (the topic chooses ITEMS: a clause of an item the topic names stays with it in whichever role the unit holds it —
    # 县人社局在扶持创业带动就业中是牵头还是配合: it leads clause 1, supports 2-2, whose words do not repeat the title)
    on_topic = None
    if q.topic and len(groups) > 1:
        held = [t for ts in groups.values() for t in ts]
        chosen, _ = filter_topic(q, env, held)
        if len(chosen) < len(held):
            on_topic = {item_key(t) for t in chosen}
    for r in list(groups):
        groups[r] = filter_within(q, groups[r], previous)
        if on_topic is not None:
            _, tn = filter_topic(q, env, groups[r])
            groups[r] = [t for t in groups[r] if item_key(t) in on_topic]
        else:
            groups[r], tn = filter_topic(q, env, groups[r])
        if year_cells:
            rest = [t for t in groups[r] if t.id not in year_cells]
            dated = {t.id for t in date_choice(q, env.plan, rest).tasks} if rest else set()
            groups[r] = [t for t in groups[r] if t.id in year_cells or t.id in dated]
            dn = load_answer_words()["year_column_scope"].format(
                headers="”“".join(dict.fromkeys(h for h, _ in year_cells.values())))
        else:
            groups[r], dn, choice = filter_date(q, env, groups[r])
            if choice is not None:
                # (each group chosen alike; the items due before a limit the plan writes named once, after the groups,
                # and the scope said of that limit below)
                limit = limit or choice.limit
                earlier.extend(t for t in choice.earlier if t not in earlier)
        topic_note, date_note = topic_note or tn, date_note or dn
        if not groups[r]:
            del groups[r]
    if q.without_roles and role in ROLES:
        # 市公安局不是牵头而是配合的任务: an item where it holds a role denied is no answer — an item cut in clauses,
        # led in one and supported in another, is one it leads (kb.model.item_key)
        denied = {item_key(t) for r in q.without_roles for t in plan.tasks_of(name, r)}
        for r in list(groups):
            groups[r] = [t for t in groups[r] if item_key(t) not in denied]
            if not groups[r]:
                del groups[r]
    if limit:
        from kb.qa.result import official_date

        date_note = load_answer_words()["due_on_scope"].format(day=official_date(limit))
        listed = {t.id for ts in groups.values() for t in ts}
        earlier = [t for t in earlier if t.id not in listed]  # (a task due on it in one role is listed, not noted)
    order = [r for r in GROUP_ORDER if r in groups]
    tasks = [t for r in order for t in groups[r]]
    held = (*ROLES, "implied")
    if len(spellings) == 1:
        # (roles_of names each role once, every one of them held: the list as it is — 8,000 tasks at 1,000 plans)
        roles = {t.id: t.roles_of(name) for t in tasks}
    else:
        roles = {t.id: list(dict.fromkeys(r for n in spellings for r in t.roles_of(n) if r in held)) for t in tasks}
    what = "或".join(ROLE_WORDS[r] for r in GROUP_ORDER if r in only) if only else ROLE_WORDS[role]
    if q.without_roles and role in ROLES:
        what += "、不" + "、不".join(ROLE_WORDS[r] for r in q.without_roles if r in ROLE_WORDS)  # (配合、不牵头的任务)
    scope = "".join(x for x in (f"（{date_note}）" if date_note else "", f"（涉及{topic_note}）" if topic_note else "",
                               "（限上一个回答中的任务）" if q.within and previous else "",
                               _written_as(tasks, spellings, tuple(only) if only else None if role == "any" else (role,))
                               if place_twin else ""))
    show_deadlines = q.item == "deadline"
    intent = "department_count" if q.act.value == "count" else "department_tasks"
    if not tasks:
        # ... not in the plan, with what it does hold; a list a date or topic narrowed to nothing is an
        # answer (共 0 项)
        words = load_answer_words()
        text = (words["role_not_held"].format(name=shown, role=what) if held_none
                else f"方案中{shown}{what}的任务{scope}共 0 项。")
        undated = list({t.id: t for t in undated}.values())
        if undated and not held_none and date_note:
            labels = "、".join(t.label for t in undated[:8]) + ("等" if len(undated) > 8 else "")
            return Answer(question, intent, words["dated_none_undated"].format(
                name=shown, role=what, scope=scope, n=len(undated), labels=labels,
                example=undated[0].deadlines[0].text), status="not_understood")
        implied = plan.tasks_of(name, "implied")
        others: list[Task] = []
        if implied and role != "implied":
            text += f"另外，{shown}要落实的任务共 {len(implied)} 项" + _implied_note(implied, name) + "。"
        elif role != "any" and (held_none or not scope):
            # 市财政局牵头哪些任务: none, but a bare 0 hides the 9 it supports
            text += _holds_note(plan, name, words, besides=role)
            if role == "lead" and held_none:
                # (the items naming it alone are its to lead: said so, they stand among its other tasks below)
                alone = _alone(q, env, plan, name, [], previous)
                if alone:
                    text += words["sole_apart_note"].format(
                        name=shown, labels="、".join(dict.fromkeys(t.label for t in alone)))
            if held_none:
                # ... and those tasks, apart under their own title (each line names its units by role): the role asked
                # is empty, said first; the tasks of its other roles are no answer to it (not in Answer.tasks)
                others = [t for t in plan.tasks_of(name, "any") if role not in t.roles_of(name)]
        if earlier:
            text += earlier_note(earlier, limit)
        ctx.tasks = []
        result = Result(heading=[text])
        if others:
            result.related = numbered_items(others)  # (by items, as _holds_note counts them)
            result.related_title = words["other_roles_title"].format(name=shown)
        return Answer(question, intent, render_text(result), departments=[name], result=result, related=others,
                      status="not_in_plan" if held_none else "answered")
    # Counts and numbers go by the plan's numbered items (kb.model.item_count): a 任务分工表 序号 written over several
    # rows is one item, its rows listed under it, the rows said beside the count.
    sizes = {r: item_count(groups[r]) for r in order}
    n_items = item_count(tasks)  # (an item with rows in two roles is one item of the total)
    # (rows of a 任务分工表 序号, or clauses of a paragraph cut at its tags: kb.qa.result.rows_note says which)
    rows_note = "" if n_items == len(tasks) and sum(sizes.values()) == len(tasks) else _rows_note(tasks)
    if role == "any" and len(order) > 1:
        counts = "，".join(f"{GROUP_TITLES[r].split('（')[0]} {sizes[r]} 项" for r in order)
        lines = [f"{shown}{what}的任务{scope}共 {n_items} 项（{counts}）{rows_note}："]
        n = 1
        for r in order:
            lines.append(GroupLine(f"【{GROUP_TITLES[r]}】{sizes[r]} 项"))
            lines.extend(numbered_items(groups[r], n, exclude=name if r != "implied" and not place_twin else None,
                                        deadlines=show_deadlines))
            n += sizes[r]
    else:
        first = order[0]
        word = what if role != "any" else ROLE_WORDS[first]
        lines = [f"{shown}{word}的任务{scope}共 {n_items} 项{rows_note}："]
        if first == "implied" and role in ("implied", "any"):
            lines[0] = f"{shown}要落实的任务{scope}共 {n_items} 项" + _implied_note(tasks, name) + f"{rows_note}："
        lines.extend(numbered_items(tasks, exclude=name if first != "implied" and not place_twin else None,
                                    deadlines=show_deadlines))
    if intent == "department_count" and role in ROLE_WORDS:
        # 县发展改革局牵头工作有几项 under 二、县发展改革局牵头工作（9项）: the heading's figure beside kb's count
        from kb.qa.stated_totals import department_heading_lines

        lines[:0] = department_heading_lines(plan, [name, shown], ROLE_WORDS[role])
    if earlier:
        lines.append(earlier_note(earlier, limit))
    if year_cells:
        for line in lines:
            cell = year_cells.get(line.task.id) if getattr(line, "task", None) is not None else None
            if cell and not line.text:
                line.text = f"：{cell[0]}：{cell[1]}"
    composed = compose(lines)
    alone = _alone(q, env, plan, name, tasks, previous) if role == "lead" and not only and not year_cells else []
    if alone:
        # 区交建局牵头哪些措施: the items naming it ALONE (单独负责: no lead or support written) are its to lead too — shown
        # apart after the 牵头 list, never counted in it nor left out without a word (holdout17 k2a: 6 rows of 8 listed)
        from kb.qa.result import PLAN_TITLES, Composed

        result = composed.result
        result.related = numbered_items(alone)
        result.related_title = load_answer_words()["sole_apart"].format(name=shown, n=item_count(alone))
        titles = PLAN_TITLES.get()
        for item in result.related:
            if titles and item.task is not None:
                item.plan = titles.get(item.task.doc)  # (as compose names the list's own items)
        composed = Composed(render_text(result))
        composed.result = result
    # (第N项 after this answer is its Nth numbered item: an item's first row)
    ctx.tasks = composed.result.tasks if rows_note else tasks
    return Answer(question, intent, composed, departments=[name], tasks=tasks, roles=roles)


def _alone(q: Query, env, plan, name: str, listed: list[Task], previous: list[Task]) -> list[Task]:
    """The items naming ``name`` alone (role ``sole``) that ``listed`` does not hold, chosen as its 牵头 list was (the
    previous answer's items, the topic, the date asked)."""
    held = {t.id for t in listed}
    alone = filter_within(q, [t for t in _role_tasks(plan, name, "sole") if t.id not in held], previous)
    if alone:
        alone, _ = filter_topic(q, env, alone)
    if alone:
        alone = filter_date(q, env, alone)[0]
    if q.without_roles:
        return []
    return alone


def _ambiguous_division(question: str, q: Query, env, name: str, meant: list[str]) -> Answer:
    """A bare division the plan writes under two or more bureaus (办公室: 市交通委办公室, 市公安局办公室): never one
    body's list — the bot says the bureaus' names, with their tasks' counts, and the items that write it bare (no
    bureau said), then asks which (a follow-up picks one of ``meant``)."""
    from kb.qa.query import DeptAsk

    plan, ctx = env.plan, env.ctx
    role = q.departments[0].role
    asked = q.copy()
    asked.departments, asked.ambiguous, asked.candidates = [], DeptAsk(name, role), list(meant)
    ctx.pending, ctx.tasks = (asked, list(meant)), []
    bare = plan.tasks_of(name, "any")
    text = division_choices(plan, name, list(meant))
    return Answer(question, "department_ambiguous", text + load_answer_words()["which_one"], candidates=list(meant),
                  status="ask_back", related=bare)


def _asked_role(q: Query) -> str | None:
    """The one role a question naming no known department asks (牵头 of 市规划资源局牵头哪些任务), else None."""
    return next((r for r in q.roles if r in ROLES), None)


def _unassigned(question: str, q: Query, env, name: str, role: str | None, near: list[str] | None = None,
                departments: list[str] | None = None) -> Answer:
    """A unit the plan gives no task: never named, named only in passing (结合区城市更新中心的管网普查), or asked of a plan
    in which kb read no unit at all.  The first sentence says the plan gives it no task (in the role asked: 共 0 项);
    then why — the plan assigns no unit, or names it only in passing, or the closest names it has — and, apart under
    their own title, the paragraphs naming it (never as its tasks: not in Answer.tasks).  Status not_in_plan."""
    from kb.qa.wording import load_answer_words
    from kb.registry import is_division

    plan, words = env.plan, load_answer_words()
    env.ctx.tasks = []
    mentions = _naming(plan, fold(name), fold) if name else []
    # A name the plan's text writes (in a paragraph, a cover notice, a table column kb does not read: 基层处 in 30 cells)
    # may hold roles kb did not read: what kb read is said, never "the plan assigns it nothing"; the asked role first
    # (共 0 项).  A name the plan never writes is given no task at all.
    written = bool(mentions) or bool(name) and fold(name) in plan.mentions()
    # (nor does a name the plan writes in parts: a unit it knows and a division it writes, 市卫健委 + 中医药处 of a
    # 市卫健委内牵头处室 cell — the division's paragraphs are shown)
    division = None if written or not name else written_division(plan, name, fold)
    if division:
        written, mentions = True, _naming(plan, fold(division), fold)
    # (a name in a row's cells — a 处室 column kb keeps as a field — may have its role written there: the list of
    # paragraphs never says they do not write it)
    in_cells = division or (name if mentions and is_division(name) and plan.tasks_naming_in_fields(fold(name), fold)
                            else None)
    if written:
        first = (words["role_not_read"].format(name=name, role=ROLE_WORDS[role]) if role
                 else words["not_read"].format(name=name))
    else:
        first = (words["role_not_held"].format(name=name, role=ROLE_WORDS[role]) if role and not plan.roles_given()
                 else words["not_named"].format(name=name))
    if not plan.roles_given():
        said, near = [first, words["no_units_assigned"]], []
    elif division:
        said, near = [first, words["division_mentioned"].format(name=name, division=division)], []
    elif written:
        said, near = [first, words["only_mentioned"].format(name=name)], []
    else:
        near = list(near or []) or close_names(plan, name)
        said = [first + _near_note(words, near)]
    result = Result(heading=said)
    if mentions:
        result.related = numbered(mentions)
        result.related_title = (words["division_title"].format(division=in_cells) if in_cells
                                else words["mentioned_unread_title"].format(name=name)
                                if any(named_in_mark(t.text, name) for t in mentions)  # (牵头负责：X、Y kb did not read)
                                else words["mentioned_title"].format(name=name))
    return Answer(question, "department_unknown", render_text(result), departments=list(departments or []),
                  candidates=near, status="not_in_plan", result=result, related=mentions)


def _naming(plan, word: str, fold) -> list[Task]:
    """Paragraphs whose text or cells hold ``word`` (folded), then — for a name shaped like a division (处室 cells) —
    those holding it only in a cell of a table row merged into a body paragraph (its fields), in plan order.  (Only
    a division's name: the fields' scan reads every stored row, too dear for each unknown name at 1,000 plans.)"""
    from kb.registry import is_division

    found = plan.tasks_matching([(word,)], fold, kinds=None)
    if not is_division(word):
        return found
    seen = {t.id for t in found}
    extra = [t for t in plan.tasks_naming_in_fields(word, fold) if t.id not in seen]
    return sorted(found + extra, key=plan.position) if extra else found


def written_division(plan, name: str, fold) -> str | None:
    """The division ``name`` ends with when the plan writes it and what comes before is empty or a unit kb knows or
    the plan writes (市卫健委中医药处 → 中医药处: 市卫健委 in a header, 中医药处 in a cell), the longest such; else
    None.  Only a name shaped like a division (kb.registry.is_division: …处/室/科/股) of 3+ characters is split (处室,
    科室 are the words of a header, not a division), after a unit of 2+ characters."""
    from kb.registry import is_division, known_names, normalize_name

    known = None
    text = plan.mentions()
    for i in range(len(name) - 2):
        division = name[i:]
        if not is_division(division) or 0 < i < 2:
            continue
        if not (fold(division) in text or plan.tasks_naming_in_fields(fold(division), fold)):
            continue
        unit = name[:i]
        if unit:
            known = known_names(plan) if known is None else known
            if normalize_name(unit) not in known and fold(unit) not in text:
                continue
        return division
    return None


def _implied_note(tasks: list[Task], name: str) -> str:
    """Where the plan says so: its note (各项工作均需…落实) and the part(s) it covers."""
    note = next((n for t in tasks for n in t.notes if name in n), None)
    parts = list(dict.fromkeys(f"{t.part}、{t.part_title}" for t in tasks))
    said = f"（方案写明“{note}”" if note else "（方案的说明"
    return f"{said}，即{'、'.join(parts)}的各项任务）"


def _partners(question: str, q: Query, env, name: str, mine: str, theirs: str) -> Answer:
    """The departments holding ``theirs`` in the tasks where ``name`` holds ``mine``, each with its tasks."""
    plan, spellings = place_body(env.plan, name)
    if q.partner_verb:
        return _partners_stated(question, q, env, name, spellings, mine, theirs)
    own = {*spellings, plan.subunits().get(name)}
    partners: dict[str, list[Task]] = {}
    tasks = []
    for t in plan.tasks_of(name, mine):
        others = [d for d in t.departments(theirs) if d not in own]
        for d in others:
            partners.setdefault(d, []).append(t)
        if others:
            tasks.append(t)
    if mine == theirs:
        what = f"与{name}共同{ROLE_WORDS[mine]}的部门"
    else:
        what = f"在{name}{ROLE_WORDS[mine]}的任务中{ROLE_WORDS[theirs]}的部门"
    # (counts of the plan's numbered items, the rows after where a 任务分工表 序号 spans several: kb.model.item_count)
    involved = item_count(tasks)
    rows = f"（{len(tasks)} 行）" if involved != len(tasks) else ""
    lines = [f"{what}共 {len(partners)} 个（涉及 {involved} 项任务{rows}）" + ("：" if partners else "。")]
    for k, (d, ts) in enumerate(sorted(partners.items(), key=lambda kv: (-item_count(kv[1]), -len(kv[1]))), 1):
        own = item_count(ts)
        lines.append(f"{k}. {d}（{own} 项" + (f"，{len(ts)} 行" if own != len(ts) else "") + "）：" + "、".join(t.label for t in ts))
    if tasks:
        lines.append("涉及的任务：")
        lines.extend(numbered_items(tasks))
    env.ctx.departments, env.ctx.role, env.ctx.tasks = [name], mine, _item_firsts(tasks)
    # (the answer names the partners: the department asked about is the question, not the answer)
    return Answer(question, "department_partners", compose(lines), departments=list(partners), tasks=tasks)


def _partners_stated(question: str, q: Query, env, name: str, spellings, mine: str, theirs: str) -> Answer:
    """X会同哪些部门… (``q.partner_verb``): the units the plan's sentences name after X's 会同, on the topic asked when one
    is (县交通运输局会同哪个部门推进危桥改造), then the ``theirs`` units of the tasks X holds ``mine`` in, on that topic —
    each with its paragraph; none: the plan does not say (never X's own task list, nor another lead's partners)."""
    from kb.qa.stated import stated_partners
    from kb.qa.wording import load_answer_words

    words = [w for w in asked_topic(q.topic, env.voc, env.plan) if len(w) >= 2]
    said = load_answer_words()["partners_stated"]
    lines, tasks, partners = [], [], []
    for t, sentence, units in stated_partners(env, name, spellings, q.partner_verb, words):
        lines.append(f"{t.label} {task_head(t)}：{sentence}")
        tasks.append(t)
        partners.extend(u for u in units if u not in partners)
    own = {*spellings, env.plan.subunits().get(name)}
    tagged, found_on = filter_topic(q, env, [t for t in env.plan.tasks_of(name, mine) if t.id not in {x.id for x in tasks}])
    if words and (not found_on or not _held_words(tagged, words)):
        tagged = []  # (a topic the filter could not find keeps every task: no partner is on that topic then)
    for t in tagged:
        others = [d for d in t.departments(theirs) if d not in own]
        if others:
            lines.append(f"{t.label} {task_head(t)}（{ROLE_WORDS[mine]}：{name}；{ROLE_WORDS[theirs]}：{'、'.join(others)}）")
            tasks.append(t)
            partners.extend(d for d in others if d not in partners)
    topic = "、".join(words)
    env.ctx.departments, env.ctx.role, env.ctx.tasks = [name], mine, list(tasks)
    if not partners:
        text = said["none_on_topic" if topic and not found_on else "none"].format(name=name, verb=q.partner_verb, topic=topic)
        return Answer(question, "department_partners", text, departments=[name], tasks=[], status="not_in_plan")
    scope = said["found_scope"].format(topic=found_on or topic) if topic else ""
    head = said["found"].format(name=name, verb=q.partner_verb, scope=scope, partners="、".join(partners))
    return Answer(question, "department_partners", compose([head, *lines]), departments=partners, tasks=tasks)


def _held_words(tasks: list[Task], words: list[str]) -> bool:
    """Whether some task's text holds two thirds of the asked words' characters (a topic filter that kept them all
    because the words are nowhere keeps no partner on that topic)."""
    from kb.qa.stated import _coverage

    return any(_coverage(words, fold(t.text or "")) >= 2 / 3 for t in tasks)


def _department_targets(question: str, q: Query, env, name: str, role: str) -> Answer:
    """城管局牵头的任务有哪些量化目标: the targets of a department's tasks."""
    tasks = place_body(env.plan, name)[0].tasks_of(name, role)
    with_targets = [t for t in tasks if t.targets]
    pairs = [(t, tg) for t in with_targets for tg in t.targets]
    rows = f"（{len(tasks)} 行）" if item_count(tasks) != len(tasks) else ""
    lines = [f"{name}{ROLE_WORDS[role]}的 {item_count(tasks)} 项任务{rows}中，有量化目标的 {item_count(with_targets)} 项，"
             f"目标共 {len(pairs)} 个" + ("：" if pairs else "。")]
    lines.extend(target_line(t, tg) for t, tg in pairs)
    env.ctx.departments, env.ctx.role, env.ctx.tasks = [name], role, with_targets
    return Answer(question, "department_targets", compose(lines), departments=[name], tasks=with_targets,
                  targets=[(t.id, tg) for t, tg in pairs])


# ---------------------------------------------------------------- several departments


def _compared(question: str, q: Query, env, names: list[str], per: dict, what: str) -> Answer:
    """X和Y哪个牵头的任务多 (asks8, s17): each named unit's count in the role asked (its items, topic and date kept as
    for 分别), the one with most (least) named, a tie said so — never their shared tasks."""
    from kb.qa.wording import load_answer_words

    said = load_answer_words()["units_compared"]
    counts = {}
    for name in names:
        ts, _ = filter_topic(q, env, per[name])
        ts, _, _ = filter_date(q, env, ts)
        counts[name] = item_count(ts)
    best = (max if q.aggregate == "most" else min)(counts.values())
    top = [n for n in names if counts[n] == best]
    lines = [said["each"].format(name=n, what=what, count=counts[n]) for n in names]
    key = "most" if q.aggregate == "most" else "least"
    lines.insert(0, said["tie"].format(names="、".join(top), what=what, count=best) if len(top) > 1
                 else said[key].format(name=top[0], what=what, count=best))
    env.ctx.tasks = []
    return Answer(question, "units_compared", compose(lines), departments=list(names))


def _joint(question: str, q: Query, env) -> Answer:
    """Tasks two or more departments hold together (公安局和交通局共同牵头), or each one's list (分别)."""
    plan, ctx = env.plan, env.ctx
    previous = within_base(q, ctx)
    names = [d.name for d in q.departments]
    asked = {d.name: d.role for d in q.departments}
    mixed = len(set(asked.values())) > 1
    role = q.roles[0] if mixed and q.roles else q.departments[0].role
    ctx.departments, ctx.role = names, role
    # (each name as one body with every spelling the plan writes of it: kb.duties.place_body, as for one department)
    bodies = {n: place_body(plan, n) for n in names}
    per = {n: bodies[n][0].tasks_of(n, asked[n] if mixed else role) for n in names}

    def roles_in(t: Task, n: str) -> list[str]:
        return list(dict.fromkeys(r for spelling in bodies[n][1] for r in t.roles_of(spelling)))

    what = ROLE_WORDS.get(role, "涉及")
    if q.aggregate in ("most", "least") and not q.each:
        return _compared(question, q, env, names, per, what)
    intent = "department_count" if q.act.value == "count" else "joint_tasks"
    if q.each:
        lines, tasks, roles, listed = [], [], {}, []
        n = 1
        for name in names:
            ts, _ = filter_topic(q, env, per[name])
            ts, _, choice = filter_date(q, env, ts)
            lines.append(GroupLine(f"【{name}】{what}的任务共 {item_count(ts)} 项{_rows_note(ts)}："))
            lines.extend(numbered_items(ts, n))
            if aside := earlier_line(choice):
                lines.append(aside)
            n += item_count(ts)
            listed.extend(_item_firsts(ts))
            for t in ts:
                if t.id not in roles:
                    tasks.append(t)
                roles.setdefault(t.id, [])
                roles[t.id] = sorted(set(roles[t.id]) | set(roles_in(t, name)), key=_role_order)
        ctx.tasks = listed  # numbered as shown: a task of both lists has two numbers
        return Answer(question, "departments_each", compose(lines), departments=names, tasks=tasks, roles=roles)
    common_ids = set.intersection(*({t.id for t in ts} for ts in per.values()))
    tasks = filter_within(q, [t for t in per[names[0]] if t.id in common_ids], previous)
    tasks, topic_note = filter_topic(q, env, tasks)
    tasks, date_note, choice = filter_date(q, env, tasks)
    if mixed:
        said = {n: ROLE_WORDS[asked[n]] for n in names}
        joined = "、".join(f"{n}{said[n]}" for n in names)
        separate = "；".join(f"{n}{said[n]} {count_said(item_count(per[n]), len(per[n]))}" for n in names)
        head = f"{joined}的任务"
    else:
        joined = "和".join(names)
        separate = "；".join(f"{n}{what} {count_said(item_count(per[n]), len(per[n]))}" for n in names)
        jointly = what if what.startswith("共同") else f"共同{what}"  # 共同负责 (shared) holds 共同 already
        head = f"{joined}{jointly}的任务" + (f"（涉及{topic_note}）" if topic_note else "") + (f"（{date_note}）" if date_note else "")
    lines = [f"{head}共 {item_count(tasks)} 项{_rows_note(tasks)}" + ("：" if tasks else "。") + f"（分别计：{separate}）"]
    lines.extend(numbered_items(tasks))
    if aside := earlier_line(choice):
        lines.append(aside)
    roles = {t.id: sorted({r for n in names for r in roles_in(t, n)}, key=_role_order) for t in tasks}
    ctx.tasks = _item_firsts(tasks)  # (第N项 after it: the Nth numbered item)
    return Answer(question, intent, compose(lines), departments=names, tasks=tasks, roles=roles)


def close_names(plan: Plan, name: str, limit: int = 3) -> list[str]:
    """The plan's department names closest to ``name`` (rapidfuzz ratio ≥ 40, as kb.registry offers for an unknown
    name), else those of the same kind of body (the same last character: 教育部 → 商务部、财政部 …), closest first:
    a name the registry knows but this plan never writes is answered with the names it does have."""
    from rapidfuzz import fuzz, process

    names = list(dict.fromkeys([*plan.departments(), *plan.subunits()]))
    ranked = process.extract(name, names, scorer=fuzz.ratio, limit=None)
    close = [n for n, score, _ in ranked if score >= 40]
    return (close or [n for n, _, _ in ranked if n[-1:] == name[-1:]])[:limit]


def _near_note(words: dict, near: list[str]) -> str:
    """（方案中最接近的名称：…） after a name the plan does not give tasks to, "" when none is close."""
    return words["near_names"].format(names="、".join(near)) if near else ""


def _holds_note(plan: Plan, name: str, words: dict, besides: str | None = None) -> str:
    """What ``name`` does hold in the plan (``holds``: 市财政局在方案中配合 9 项), besides ``besides``; "" if nothing."""
    counts = plan.role_counts().get(name, {})
    held = [f"{ROLE_NAMES[r]} {counts[r]} 项" for r in ROLES if r != besides and counts.get(r)]
    return words["holds"].format(name=name, counts="、".join(held)) if held else ""
