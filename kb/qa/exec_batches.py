"""Questions on how a plan lists its units and work, answered by the plan's own words.

A batch asked (第三批什么时候完成, 第二批有哪些乡镇): what the plan writes of that batch — from its 第N批 to the next
batch or the sentence's end, quoted with the item's label — or that the plan writes no such batch.

Plans roll work out in batches inside one item (第一批：A、B，2025年6月底前完成；第二批：…；第三批：其余乡镇，2026年6月
底前完成).  The item's limits are every batch's; the batch asked has its own units and limit, written in its stretch.
Read as a topic, 第三批 was answered with another batch's limit (holdout17 c04 said 共 0 项; a limit of 第二批 was given
for 第三批 on a plan written for the tests).  A batch the plan does not write is said so, with the batches it does write.

The rule on a list's lead asked (排第一位的单位是牵头单位吗): the plan's sentence stating it (roles.yaml ``lead_rules``,
the parser's own patterns: 列第一位者为牵头单位, 排在第一位的部门为牵头部门, 责任单位即为牵头单位, 同责单位…), quoted with
its label; none written: said so — kb then reads no unit as the lead by its place.
"""

from __future__ import annotations

import re

from kb.lazypattern import LazyPattern
from kb.qa.answer import Answer
from kb.qa.query import Query
from kb.qa.text import fold, task_head

#: Any batch as plans write it (第一批, 第3批, 第十二批): where the stretch of the batch asked ends.
_ANY_BATCH = LazyPattern(r"第(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})批")
#: Where a batch's stretch ends besides the next batch: the sentence's end.
_SENTENCE_END = LazyPattern(r"[。\n]")

_NUMERALS = "一二三四五六七八九十"


def batch_spellings(batch: str) -> tuple[str, ...]:
    """第三批 and 第3批 (a batch written with digits or numerals): each spelling a plan may use."""
    n = batch[1:-1]
    if n.isdigit():
        k = int(n)
        other = _NUMERALS[k - 1] if 1 <= k <= 10 else ("十" + _NUMERALS[k - 11] if 11 <= k <= 19 else "")
    else:
        k = (_NUMERALS.index(n) + 1 if len(n) == 1 else
             10 + _NUMERALS.index(n[1]) + 1 if len(n) == 2 and n[0] == "十" else 0)
        other = str(k) if k else ""
    return (batch, f"第{other}批") if other else (batch,)


def batch_stretches(text: str, spellings: tuple[str, ...]) -> list[str]:
    """Each stretch of ``text`` from a spelling of the batch to the next batch or the sentence's end, its closing
    punctuation dropped."""
    out = []
    for spelling in spellings:
        at = text.find(spelling)
        while at >= 0:
            after = at + len(spelling)
            ends = [m.start() for m in (_ANY_BATCH.search(text, after), _SENTENCE_END.search(text, after)) if m]
            stretch = text[at:min(ends) if ends else len(text)].rstrip("，,；;、 ")
            if stretch not in out:
                out.append(stretch)
            at = text.find(spelling, after)
    return out


def batch_answer(question: str, q: Query, env) -> Answer | None:
    """The stretches of the batch asked (``Query.batch``) in the items writing it among other batches, narrowed to the
    items holding the question's other words when some do; none: the plan writes no such batch (the batches it writes
    named); None when the batch is part of a name the plan writes as asked, or only items NAMED by the batch write it
    (第一批畜禽养殖场关闭拆除工作谁来做: read as before)."""
    from kb.qa.executors import _answer
    from kb.qa.result import Group, Item, Result
    from kb.qa.wording import load_answer_words

    from kb.qa.query import literal_tasks

    words = load_answer_words()["batch"]
    spellings = batch_spellings(q.batch)
    if any(len(w) > len(q.batch) and any(x in w for x in spellings) and literal_tasks(env.plan, w) for w in q.topic):
        # (第一批畜禽养殖场关闭拆除工作谁来做: the batch opens a name the plan writes as asked — that item is asked, its
        # units, its limit: read as any other question)
        return None
    found = {t.id: t for s in spellings for t in literal_tasks(env.plan, s) if not q.plan or t.doc == q.plan}
    # (quoted as written; folded only where the plan writes the batch in full-width digits: 第３批)
    # (a tag or a label line may write the batches: 试点单位：第一批：…，2017年12月底前完成；第二批：…)
    holding = [(t, batch_stretches(x, spellings) or batch_stretches(fold(x), spellings))
               for t in found.values() for x in ["\n".join(filter(None, (t.text, t.tag)))]]
    holding = [(t, s) for t, s in holding if s]
    # (an item writing batches — 第一批：…；第二批：… — answers by the batch's stretch; an item naming one batch only,
    # 第一批畜禽养殖场关闭拆除工作, is that item's name: the question is read as any other — its units, its limit)
    listed = [(t, s) for t, s in holding
              if len({m.group(0) for m in _ANY_BATCH.finditer("\n".join(filter(None, (t.text, t.tag))))}) > 1]
    if holding and not listed:
        return None
    holding = listed
    if not holding:
        # (the batches the plan does write: each spelling of 第一批 … 第十批 looked up as the batch asked was)
        written = [b for k in range(1, 11) for b in (f"第{_NUMERALS[k - 1]}批", f"第{k}批")
                   if any(not q.plan or t.doc == q.plan for t in literal_tasks(env.plan, b))]
        text = (words["absent"].format(batch=q.batch, batches="、".join(written)) if written
                else words["none"].format(batch=q.batch))
        env.ctx.tasks = []
        return _answer(question, "batch", Result(heading=[text]), status="not_in_plan", query=q, tasks=[])
    others = [x for x in (_without(w, spellings) for w in q.topic) if len(x) >= 2]
    if len(holding) > 1 and others:
        # (老旧客船第三批: the items holding the other words asked, when some do — two characters of each in a row)
        near = [(t, s) for t, s in holding
                if all(any(w[i:i + 2] in fold(t.text or "") for i in range(len(w) - 1)) for w in others)]
        holding = near or holding
    n = sum(len(s) for _, s in holding)
    result = Result(heading=[words["found"].format(batch=q.batch, n=n)])
    result.groups.append(Group(items=[Item(k, None, text=f"{t.label} {task_head(t)}：{stretch}")
                                      for k, (t, stretch) in enumerate(
                                          ((t, s) for t, ss in holding for s in ss), 1)]))
    env.ctx.tasks = [t for t, _ in holding]
    return _answer(question, "batch", result, query=q, tasks=[t for t, _ in holding])


def _without(word: str, spellings: tuple[str, ...]) -> str:
    for s in spellings:
        word = word.replace(s, "")
    return re.sub(r"^[的之]|[的之]$", "", word)


#: What a rule's clause runs to around its match: a clause's edge or a bracket.
_RULE_EDGE = LazyPattern(r"[。；;\n（）()]")


def order_rule_answer(question: str, q: Query, env) -> Answer:
    """The clauses of the plan stating who leads a list (the parser's ``lead_rules``), with their labels; none: the
    plan states no such rule (not_in_plan)."""
    from kb.parser.roles import load_vocabulary
    from kb.qa.executors import _answer
    from kb.qa.result import Group, Item, Result
    from kb.qa.wording import load_answer_words

    words = load_answer_words()["order_rule"]
    rules = load_vocabulary().lead_rules
    places = []
    for t in env.plan.iter_tasks():
        if q.plan and t.doc != q.plan:
            continue
        text = "\n".join(filter(None, (t.text, t.tag)))
        for _, pattern in rules:
            for m in pattern.finditer(text):
                start = max((e.end() for e in _RULE_EDGE.finditer(text, 0, m.start())), default=0)
                end = next((e.start() for e in _RULE_EDGE.finditer(text, m.end())), len(text))
                clause = text[start:end].strip("，,、 ")
                if (t.label, clause) not in places:
                    places.append((t.label, clause))
    env.ctx.tasks = []
    if not places:
        return _answer(question, "order_rule", Result(heading=[words["none"]]), status="not_in_plan", query=q, tasks=[])
    result = Result(heading=[words["found"].format(n=len(places))])
    result.groups.append(Group(items=[Item(k, None, text=f"{label}：{clause}") for k, (label, clause) in
                                      enumerate(places, 1)]))
    return _answer(question, "order_rule", result, query=q, tasks=[])
