"""Who-questions a sentence of the plan answers (issue 11, session 7).

海绵城市建设由哪个部门统筹协调 is answered by the plan's own sentence 区建设管理委负责统筹协调嘉定区海绵城市建设 — in a
safeguard paragraph whose tag lists nine units, or in a paragraph with no tag at all (人才集聚工程…由市人才工作领导小组
负责统筹协调, 建立由农业农村部、工业和信息化部牵头的…协调推进机制).  The question names a steering verb (统筹协调, 整体
部署, 牵头 … : shapes.yaml ``steering_verbs``); the sentence holds that verb with a body as its subject — a name ending
as bodies end (局, 委, 办公室, 领导小组 …: ``body_endings``) at the start of its clause or after 由 — in a paragraph
holding most of the question's other words; in a duty list (四、职责分工 — （一）区建管委 / 牵头协调…) the entry's
unit is the subject of a sentence opening with the verb.  Only then is the body the answer; otherwise the tag reading answers as
before.
"""

from __future__ import annotations

import re

from kb.lazypattern import LazyPattern
from kb.model import Task

_CLAUSE = LazyPattern(r"[，,；;：:]")
_SENTENCE = LazyPattern(r"[。；;！？!?\n]")
_BRACKETS = LazyPattern(r"[（(][^（）()]*[）)]")
_PATTERNS: dict[int, tuple[re.Pattern, tuple[str, ...]]] = {}


def _patterns(shapes: dict) -> tuple[re.Pattern, tuple[str, ...]]:
    """The body-name pattern and the steering verbs of shapes.yaml, compiled once per vocabulary."""
    got = _PATTERNS.get(id(shapes))
    if got is None:
        alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
        # a name: 2–30 characters up to a body ending, followed by what follows a subject (要, 负责, 、 …)
        body = re.compile(rf"[\u4e00-\u9fff]{{1,30}}?(?:{alt(shapes['body_endings'])})"
                          rf"(?=(?:{alt(shapes['body_followers'])})|、|和|与|$)")
        got = _PATTERNS[id(shapes)] = (body, tuple(shapes["steering_verbs"]))
    return got


#: An item's number opening a sentence (3. / 3、 / （三） / 三、).
_ITEM_MARK = LazyPattern(r"^(?:[0-9]+[.、．]|[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、)")

#: Short words joined by 、 before a name sharing its ending (公安、交通部门): one name as written.
_SHARED_ENDING = LazyPattern(r"(?:[\u4e00-\u9fff]{1,6}、)+")


_CO_SUBJECT: dict[int, re.Pattern] = {}


def _co_subject(shapes: dict) -> re.Pattern:
    """A name after a 、 that ends in no body ending but stands right before a duty verb (shapes ``doer_duty_verbs``:
    区效能办、督查室负责日常督促检查): a subject of that verb as much as the names before it."""
    got = _CO_SUBJECT.get(id(shapes))
    if got is None:
        alt = "|".join(re.escape(w) for w in sorted(shapes["doer_duty_verbs"], key=len, reverse=True))
        got = _CO_SUBJECT[id(shapes)] = re.compile(rf"[\u4e00-\u9fff]{{2,15}}?(?={alt})")
    return got


def _names_at(text: str, body: re.Pattern) -> list[str]:
    """The body names ``text`` opens with, joined by 、/和 (农业农村部、工业和信息化部); short words before the first name
    that share its ending (由公安、交通部门梳理资源) make one name with it, as written.  The last name of such a list may end
    in no body ending when a duty verb follows it (县纪委监委、督查室负责…: ``_co_subject``)."""
    first = body.match(text)
    if first is None or len(first.group(0)) < 2:
        from kb.qa.query import load_shapes

        if text.startswith(tuple(load_shapes()["doer_not_openers"])):
            return []  # (组织区水务局、区城管局等部门对…进行排查: a verb opens the clause, its organizer unsaid — no name)
        shared = _SHARED_ENDING.match(text)
        last = body.match(text, shared.end()) if shared else None
        if last is not None and len(last.group(0)) >= 2:
            return [text[:last.end()]]
    names, at = [], 0
    while True:
        m = body.match(text, at)
        if (m is None or len(m.group(0)) < 2) and names and text[at - 1:at] == "、":
            from kb.qa.query import load_shapes

            m = _co_subject(load_shapes()).match(text, at)
            if m is not None:
                names.append(m.group(0))
            return names
        if m is None or len(m.group(0)) < 2:
            return names  # (an ending alone, 局, names no body; 街镇 does)
        names.append(m.group(0))
        at = m.end()
        if text[at:at + 1] in ("、", "和", "与"):
            at += 1
        else:
            return names


def _subjects(sentence: str, verb_at: int, body: re.Pattern) -> list[str]:
    """The bodies whose verb stands at ``verb_at``: named after the last 由 before it, else at the start of its
    clause, else at the start of the sentence."""
    prefix = sentence[:verb_at]
    if "由" in prefix:
        got = _names_at(prefix[prefix.rfind("由") + 1:], body)
        if got:
            return got
    clause_start = max((m.end() for m in _CLAUSE.finditer(prefix)), default=0)
    return _names_at(sentence[clause_start:], body) or _names_at(sentence, body)


def _coverage(words: list[str], text: str) -> float:
    """Share of the words' characters standing in ``text`` in runs of 2+ (greedy, left to right)."""
    total = covered = 0
    for w in words:
        total += len(w)
        i = 0
        while i < len(w) - 1:
            j = next((j for j in range(len(w), i + 1, -1) if w[i:j] in text), None)
            if j is None:
                i += 1
            else:
                covered += j - i
                i = j
    return covered / total if total else 0.0


def _best_sentence(candidates, words: list[str], find) -> tuple[Task, str, str, list[str]] | None:
    """(paragraph, sentence, verb, bodies) of the paragraph among ``candidates`` holding most of ``words`` (half of their
    characters at least, ``_coverage``; the first of equals) that has a sentence ``find(paragraph, sentence)`` answers
    with (verb, bodies) — its first such sentence; None when none has.  Brackets are taken out first: a tag is read by
    the tag reader."""
    from kb.qa.text import fold

    best = None
    for t in candidates:
        text = _BRACKETS.sub("", fold(t.text))
        score = _coverage(words, text)
        if score < 0.5 or (best is not None and score <= best[0]):
            continue
        for sentence in _SENTENCE.split(text):
            got = find(t, sentence)
            if got is not None:
                best = (score, t, sentence, *got)
                break
    return best[1:] if best else None


def _recipient_at(text: str, shapes: dict) -> list[str]:
    """The body ``text`` opens with as the one something is sent to (至/给/向 dropped): the shortest run of 2–24 characters
    ending as bodies end (部门 and shapes.yaml ``body_endings``) that punctuation, the end, or a
    ``recipient_followers`` word follows (报送国务院办公厅备案, 移送市场监管部门，由其…)."""
    text = text.lstrip("至给到向")
    endings = ("部门", *shapes["body_endings"])
    followers = tuple(shapes["recipient_followers"])
    for k in range(2, min(len(text), 24) + 1):
        head, rest = text[:k], text[k:]
        if head.endswith(endings) and (not rest or not "\u4e00" <= rest[0] <= "\u9fff" or rest.startswith(followers)):
            if head.endswith("部") and rest.startswith("门"):
                continue  # (部 of 部门: the name goes on)
            return [head]
    return []


#: The run of Chinese characters a question writes right before its verb of sending (具体实施方案报送给谁).
_THING_SENT = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def stated_recipients(q, env, question: str = "") -> tuple[Task, str, str, list[str]] | None:
    """(paragraph, sentence, verb, bodies) of the plan's sentence naming whom the thing asked is sent to (整改方案报送哪个
    部门 → 报送省生态环境厅; 要移送哪个部门 → 移送市场监管部门): a recipient verb asked (shapes.yaml ``recipient_verbs``,
    alone or closing a topic word), in a paragraph holding most of the other words; None otherwise."""
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    if not getattr(q, "recipient", False):
        return None  # (由谁报送 asks the sender: the tags or the steering sentence answer)
    shapes = load_shapes()
    verbs_known = sorted(shapes["recipient_verbs"], key=len, reverse=True)
    verbs, words = [], []
    for w in q.topic:
        verb = next((v for v in verbs_known if w == v or w.endswith(v) and len(w) - len(v) >= 2), None)
        if verb is None:
            words.append(w)
        else:
            verbs.append(verb)
            if w != verb:
                words.append(w[:-len(verb)])
    if verbs and not words and question:
        # 工作方案报送给谁: the thing sent is a document noun the reading drops as a task noun — the words right before
        # the verb in the question are what is sent (review-qa 7: nothing was left to look the sentence up by)
        text = fold(question)
        at = min((text.find(v) for v in verbs if text.find(v) > 0), default=-1)
        m = _THING_SENT.search(text[:at]) if at > 0 else None
        if m:
            words = [m.group(0)]
    if not verbs or not words:
        return None
    candidates = env.plan.tasks_matching([verbs], fold, kinds=None)
    if q.plan:
        candidates = [t for t in candidates if t.doc == q.plan]

    # (the thing sent stands whole in the sentence: 实施方案报送给谁 was answered from a sentence sending the 整改方案 or an
    # 实施办法 — half of the characters covered, another document; review-qa P7)
    thing = max(words, key=len)

    def sent_to(t: Task, sentence: str) -> tuple[str, list[str]] | None:
        if thing not in sentence.replace("《", "").replace("》", "").replace("“", "").replace("”", ""):
            return None
        for verb in verbs:
            at = sentence.find(verb)
            names = _recipient_at(sentence[at + len(verb):], shapes) if at >= 0 else []
            if names and _coverage(words, sentence) >= 0.5:
                return verb, names
        return None

    return _best_sentence(candidates, words, sent_to)


def stated_bodies(q, env) -> tuple[Task, str, str, list[str]] | None:
    """(paragraph, sentence, verb, bodies) of the plan's sentence naming who does the steering the question asks
    (统筹协调, 整体部署, 牵头 …) on its topic, or None when the question asks no steering verb or no sentence says."""
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    shapes = load_shapes()
    body, steering = _patterns(shapes)
    # (牵头 alone is the role a tag gives — 人才公寓由谁牵的头 —, read by the tag reader: only a steering verb of the
    # topic's words — 统筹协调, 整体部署, 协调 of 牵头协调 — asks the sentence)
    verbs = [w for w in q.topic if w in steering]
    words = [w for w in q.topic if w not in steering]
    if not verbs:
        # 谁对项目组织实施负总责: the verb glued to the end of the topic word the scan left (目组织实施负总责)
        for w in list(words):
            verb = next((v for v in sorted(steering, key=len, reverse=True) if w.endswith(v) and len(w) - len(v) >= 2), None)
            if verb is not None:
                verbs.append(verb)
                words[words.index(w)] = w[:-len(verb)]
    if not verbs or not words:
        return None
    # the paragraphs writing a verb asked (or its longer forms: 协调 → 统筹协调, 牵头协调)
    asked = [v for v in steering if any(a in v for a in verbs)]
    candidates = env.plan.tasks_matching([asked], fold, kinds=None)
    if q.plan:
        candidates = [t for t in candidates if t.doc == q.plan]

    def steered_by(t: Task, sentence: str) -> tuple[str, list[str]] | None:
        for verb in asked:
            at = sentence.find(verb)
            if at < 0:
                continue
            names = _subjects(sentence, at, body)
            if not names and t.role_source == "duty" and not _CLAUSE.search(sentence[:at]) and at <= 4:
                names = t.departments()  # a duty entry (（一）区建管委 / 牵头协调…): its unit is the subject
            if names:
                return verb, names
        return None

    return _best_sentence(candidates, words, steered_by)


#: What closes a clause around the asked words (brackets too: （技工院校内由…负责） is a clause of its own).
_CLAUSE_EDGE = LazyPattern(r"[，,；;：:（()）]")
_DOERS: dict[tuple, re.Pattern] = {}


def _doer_pattern(shapes: dict, after_you: tuple[str, ...] = (), loose: bool = False) -> re.Pattern:
    """A body's name at a clause's start: 2–30 characters up to a body ending (``body_endings`` and 部门), longest
    ending first, followed by what follows a subject (``body_followers``, ``doer_followers``: 落实, 组织, 负责 …).
    ``after_you``: the name stands after 由 — it may also end as ``doer_endings`` say (船舶检验机构, 区交通运输管理所) and be
    followed by these words (the asked verb: 由船舶检验机构检验合格); ``loose``: by any verb (由公安、交通部门梳理资源)."""
    key = (id(shapes), after_you, loose)
    got = _DOERS.get(key)
    if got is None:
        alt = lambda ws: "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True))  # noqa: E731
        endings = [*shapes["body_endings"], "部门", *(shapes["doer_endings"] if after_you else ())]
        # (a level list may open the name — 市、区交通运输部门; a purpose or basis opener never does — 为贯彻落实交通运输部、
        # 公安部…要求 is no subject: shapes doer_not_openers)
        got = _DOERS[key] = re.compile(
            rf"(?!{alt(shapes['doer_not_openers'])})"
            rf"(?:[省市区县乡镇](?:、[省市区县乡镇])+)?[\u4e00-\u9fff]{{0,30}}?(?:{alt(endings)})"
            + (r"(?=[\u4e00-\u9fff])" if loose else
               rf"(?=(?:{alt([*shapes['body_followers'], *shapes['doer_followers'], *after_you])})|、|和|与|$)"))
    return got


def _asked_at(words: list[str], sentence: str) -> int:
    """Where the asked words start in ``sentence``: the first place a run of 2+ characters of one of them stands."""
    at = len(sentence)
    for w in words:
        for i in range(len(w) - 1):
            k = sentence.find(w[i:i + 2])
            if 0 <= k < at:
                at = k
                break
    return at


def _names_after_you(after: str, words: list[str], shapes: dict) -> list[str]:
    """The bodies named right after 由 when the plain pattern read none: 应由船舶检验机构检验合格 / 由区海事处依法组织调查处理
    (a name ending in 机构/所/处 … followed by the asked verb or 依法), else a name followed by any verb (由公安、交通部门
    梳理资源，制定…)."""
    pieces = tuple(dict.fromkeys(w[i:i + 2] for w in words for i in range(len(w) - 1)))
    return _names_at(after, _doer_pattern(shapes, pieces)) or _names_at(after, _doer_pattern(shapes, pieces, loose=True))


def _doers(sentence: str, words: list[str], body: re.Pattern, shapes: dict | None = None) -> list[str]:
    """The bodies ``sentence`` names as doing what the asked words say: after 由 in the clause holding them (…证书…（技工
    院校内由人力资源社会保障行政部门负责）), else at that clause's start (国务院人力资源社会保障行政部门组织制定职业标准),
    else at the sentence's start (请财政部落实…，…提出…的修订建议: 请 dropped)."""
    # a clause holding asked words that says 由X负责 of them (…证书的实施（技工院校内由人力资源社会保障行政部门负责）)
    for clause in _CLAUSE_EDGE.split(sentence):
        if "由" in clause and _asked_at(words, clause) < len(clause):
            after = clause[clause.find("由") + 1:]
            got = _names_at(after, body)
            if not got and shapes is not None:
                got = _names_after_you(after, words, shapes)
            if got:
                return got
    at = _asked_at(words, sentence)
    if at >= len(sentence):
        return []
    # 南桥新城范围内，由公安、交通部门梳理资源，制定道路停车方案: a 由 clause names the doer of the clauses after it in
    # the sentence — the last one before the last clause holding asked words
    last = max((k for k, clause in enumerate(_CLAUSE_EDGE.split(sentence)) if _asked_at(words, clause) < len(clause)),
               default=-1)
    for clause in reversed(_CLAUSE_EDGE.split(sentence)[:last]):
        if clause.startswith("由"):
            got = _names_at(clause[1:], body) or (_names_after_you(clause[1:], words, shapes) if shapes else [])
            if got:
                return got
    start = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence[:at])), default=0)
    end = next((m.start() for m in _CLAUSE_EDGE.finditer(sentence, at)), len(sentence))
    clause = sentence[start:end]
    for text in (clause, sentence):
        got = _names_at(text[1:] if text.startswith("请") else text, body)
        if got:
            return got
    return []


def stated_doers(q, env, words: list[str], within=None) -> tuple[Task, str, str, list[str]] | None:
    """(paragraph, sentence, verb, bodies) for a who-question about a clause inside an item (谁负责提出…修订建议, …具体操作
    办法由谁制定, …证书由谁负责) that no task's title or tag answers: the one sentence of the plan holding two thirds of the
    asked words' characters (in runs) whose subject is a body (``_doers``); None when none does, or sentences that hold
    them alike name different bodies (the question does not say which).  Of sentences holding them alike, those whose
    bodies the verb of a duty follows (shapes.yaml ``doer_duty_verbs``: 县交通运输局负责县道养护计划编制) say who does it
    over those naming bodies doing something else with it (县审计局对县道养护计划编制情况开展审计).  ``within``: only the
    sentences of these paragraphs (the items a who-question found, their units read from prose)."""
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    # (a unit the question names is who is asked about, never part of the clause: 区教育局负责哪个配套文件 covered two
    # thirds by 区教育局 alone in 成员由区发展改革委、区教育局…组成, and that sentence's bodies were the answer)
    words = [fold(w) for w in words if len(w) >= 2 and not env.voc.unit_shaped(fold(w))]
    if not words or sum(map(len, words)) < 4:
        return None
    plan_text = env.plan.mentions()
    generic = set(env.voc.words["topic_generic"])
    from kb.qa.exec_topics import without_asking

    asked = without_asking(env, words)  # (谁 of 报谁批准 is how it is asked, no stretch the plan should write)
    if within is None and _unwritten(asked, plan_text):
        # (a stretch of the asked words the plan writes nowhere — 船舶 of 船舶污染治理 — is what is asked: no sentence of
        # the plan is about it, whatever share of the other characters one holds: 重点排污单位应及时公布…污染治理措施 was
        # quoted as 原文写明由重点排污单位负责)
        return None
    shapes = load_shapes()
    body = _doer_pattern(shapes)
    longest = max(words, key=len)
    grams = list(dict.fromkeys(longest[i:i + 4] for i in range(max(1, len(longest) - 3))))
    candidates = env.plan.tasks_matching([grams], fold, kinds=None) if within is None else list(within)
    if q.plan:
        candidates = [t for t in candidates if t.doc == q.plan]
    found = []
    duty = tuple(shapes["doer_duty_verbs"])
    for t in candidates:
        opened: list[str] = []  # (the bodies the paragraph's last sentence opened with)
        for sentence in _SENTENCE.split(fold(t.text or "")):
            flat = sentence.replace("《", "").replace("》", "").replace("“", "").replace("”", "")
            flat = _ITEM_MARK.sub("", flat)  # (3.各街镇是…主体: the number opens no name)
            score = _coverage(words, flat)
            if score < 2 / 3 or (miss := _unwritten(asked, flat)) and miss not in generic and miss in plan_text:
                # (two thirds of the characters, but a stretch of the asked words this sentence lacks and another of the
                # plan writes — 船舶 of 船舶污染治理 beside …污染治理措施 —: the sentence is about something else)
                opened = _names_at(flat, body) or opened
                continue
            names = _doers(flat, words, body, shapes)
            if not names and flat.startswith(duty) and opened:
                # X建立…协调机制，负责…；负责制定…并对各街镇…进行年度考核: a duty list after ；goes on with the body
                # the paragraph opened with
                names = opened
            if names:
                found.append((score, t, sentence, names))
            opened = _names_at(flat, body) or opened
    if not found:
        return None
    top = max(f[0] for f in found)
    tops = [f for f in found if f[0] == top]
    if len({tuple(f[3]) for f in tops}) != 1:
        tops = [f for f in tops if _after_names(f[2], f[3]).startswith(duty)]
        if len({tuple(f[3]) for f in tops}) != 1:
            return None  # (several bodies, none or several of them said to do it with a duty verb: not understood)
    _, t, sentence, names = tops[0]
    # (the verb the sentence says after the names — 由A、B、C有关人员组成 is no 负责: 组成 was quoted as 负责, review-qa P2)
    after = _after_names(sentence, names)
    # (a person's title opening with a verb is no verb — 国务院有关部门负责同志赴你省考察 —: looked past; with no verb after
    # it, the sentence says where the persons went, no duty of the bodies)
    titled = False
    for title in sorted(shapes["person_titles"], key=len, reverse=True):
        if title in after:
            titled = titled or after.startswith(title)
            after = after.replace(title, "□" * len(title))
    # (or the verb asked standing right there: 应由船舶检验机构检验合格 → 检验, never a 负责 the plan does not write)
    at_verb = [(after.find(v), -len(v), v) for v in shapes["doer_verbs"] if 0 <= after.find(v) < 12]
    at_verb += [(0, -len(w), w) for w in words if 2 <= len(w) <= 4 and after.startswith(w)]
    if titled and not at_verb:
        return None
    verb = min(at_verb)[2] if at_verb else "负责"  # (the first verb after the names)
    return t, sentence, verb, names


def _unwritten(words: list[str], text) -> str | None:
    """The first run of 2+ characters of one of ``words`` that ``text`` (anything answering ``in``) holds in no run of 2+
    characters: a thing asked that the text never writes."""
    from kb.qa.exec_topics import _held_in_runs
    from kb.qa.text import is_cjk

    for word in words:
        run = ""
        for ch, ok in zip(word + "\0", _held_in_runs(word, text) + [True]):
            if ok or not is_cjk(ch):
                if len(run) >= 2:
                    return run
                run = ""
            else:
                run += ch
    return None


def passive_doers(q, env, words: list[str], verb: str, every: bool = False):
    """(paragraph, sentence, verb as written, bodies) for 由谁+VERB (``Query.doer_verb``: 受电设施投入使用前由谁检验合格): the
    one sentence of the plan holding two thirds of the asked words' characters (in runs) that says 由X and then, in the
    same clause, the asked verb (2 characters of it in a run: 由市绿化市容部门结合实际进行常态化调整公布) — X is who does it,
    whatever the tag of the paragraph names (the units carrying the whole item: holdout14 c2c answered 二（二）'s tag for
    应由船舶检验机构检验合格).  None when no sentence says so, or sentences holding the words alike name different bodies;
    with ``every``, the list of the best sentences (paragraph, sentence, verb, bodies), each its own doer."""
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    words = [fold(w) for w in words if len(w) >= 2 and not env.voc.unit_shaped(fold(w))]
    verb = fold(verb)
    shapes = load_shapes()
    # (a thing of two characters is enough with a verb of an act: 补助由谁拨付 — the sentence must also write 由X…拨付)
    least = 2 if act_verb(verb, shapes) else 4
    if not words or sum(map(len, words)) < least or len(verb) < 2:
        return None
    body = _doer_pattern(shapes)
    pieces = [verb[i:i + 2] for i in range(len(verb) - 1)]
    longest = max(words, key=len)
    grams = list(dict.fromkeys(longest[i:i + 4] for i in range(max(1, len(longest) - 3))))
    candidates = env.plan.tasks_matching([grams], fold, kinds=None)
    if q.plan:
        candidates = [t for t in candidates if t.doc == q.plan]
    found = []
    act = act_verb(verb, shapes)
    for t in candidates:
        title = fold(t.title or "")
        for sentence in _SENTENCE.split(fold(t.text or "")):
            flat = _ITEM_MARK.sub("", sentence.replace("《", "").replace("》", "").replace("“", "").replace("”", ""))
            score = _coverage(words, flat)
            if score < 2 / 3 and act and title and score >= 1 / 3:
                # 杰出青年人才支持项目由谁给予项目启动资助: the item's title (杰出青年人才支持项目。) names what the sentence
                # (由市财政给予项目启动资助) does not repeat — the two together hold the words asked
                score = _coverage(words, title + "。" + flat)
            if score < 2 / 3:
                continue
            for m in re.finditer("由", flat):
                if _in_word(flat, m.start(), shapes["you_in_words"]):
                    continue  # (自由进出口…登记: 由 inside a word names no doer)
                after = flat[m.end():]
                readings = [_names_at(after, body) or _names_after_you(after, words, shapes)]
                if act:
                    # (a name no body ending closes — 市财政, 企业所在区（县级市）— proved by the verb asked right after it)
                    before_verb = _name_before_verb(after, act, shapes)
                    first = readings[0]
                    if first and before_verb and _after_names(after, first).startswith(tuple(shapes["doer_joiners"])):
                        readings.insert(0, before_verb)  # (A或B支付: the whole doer phrase, never A alone)
                    else:
                        readings.append(before_verb)
                for names in readings:
                    if not names:
                        continue
                    rest = _CLAUSE_EDGE.split(_after_names(after, names))[0]
                    if any(p in rest for p in pieces):
                        said = verb if verb in rest else rest[:16]
                        found.append((score, t, sentence, said, names))
                        break
                else:
                    continue
                break
    if not found:
        return None
    top = max(f[0] for f in found)
    tops = [f for f in found if f[0] == top]
    if every:
        # (each sentence naming its own doer — 由省（区、市）统筹…给予奖励 / 由省（区、市）给予相应奖励 — listed, none chosen)
        return [(t, sentence, said, names) for _, t, sentence, said, names in tops]
    if len({tuple(f[4]) for f in tops}) != 1:
        return None  # (sentences holding the words alike name different bodies: which one is meant is not said)
    _, t, sentence, said, names = tops[0]
    return t, sentence, said, names


#: A doer named by the verb after it: 2–20 characters (a bracketed qualifier inside: 企业所在区（县级市）), no clause edge.
_NAMED_BEFORE = LazyPattern(r"(?:[^，,。；;：:（()）、]|[（(][^（()）]{1,8}[)）]){2,20}")


def _in_word(text: str, at: int, words: list[str]) -> bool:
    """True when the 由 at ``text[at]`` is inside one of ``words`` (自由, 由于 …: shapes.yaml ``you_in_words``)."""
    for w in words:
        k = w.find("由")
        if k >= 0 and text[max(0, at - k):at - k + len(w)] == w:
            return True
    return False


def _name_before_verb(after: str, verb: str, shapes: dict) -> list[str]:
    """The doer of 由X+VERB when X ends as no body does (由市财政给予, 由企业所在区（县级市）提供, 由县职业技术学校提供):
    X is what stands between 由 and the asked verb of an act (shapes.yaml ``doer_act_verbs``) in the same clause, less
    the adverbs before the verb (``doer_adverbs``: 按季度) — the verb right after it is what proves X a doer.  [] when
    the verb does not follow within the clause, or X opens as no subject does (为, 根据 …) or is a pronoun-like 其."""
    at = after.find(verb)
    if at < 2:
        return []
    x = after[:at]
    changed = True
    while changed:
        changed = False
        for w in sorted(shapes["doer_adverbs"], key=len, reverse=True):
            if x.endswith(w) and len(x) > len(w) + 1:
                x, changed = x[:-len(w)], True
    if (_NAMED_BEFORE.fullmatch(x) is None or x.startswith(tuple(shapes["doer_not_openers"])) or x[0] in "其此该"
            or any(v in x for v in shapes["doer_act_verbs"])):
        return []
    return [x]


def act_verb(verb: str, shapes: dict) -> str:
    """The verb of an act (shapes.yaml ``doer_act_verbs``, longest first) that ``verb`` as asked opens with (检验 of
    检验合格, 给予 of 给予补贴), else ''."""
    return next((v for v in sorted(shapes["doer_act_verbs"], key=len, reverse=True) if verb.startswith(v)), "")


def act_items(q, env, words: list[str]) -> list[Task]:
    """The paragraphs holding two thirds of the asked words' characters (title and text together) — where a question
    about an act inside an item (由谁审批创业补贴) finds the item when no sentence names who does the act."""
    from kb.qa.text import fold

    words = [fold(w) for w in words if len(w) >= 2 and not env.voc.unit_shaped(fold(w))]
    if not words:
        return []
    if sum(map(len, words)) < 4:
        # (奖励由谁给予: a thing of two or three characters is looked for whole — it was none, and the tag answered)
        return [t for t in env.plan.tasks_matching([[w] for w in words], fold, kinds=None)
                if (not q.plan or t.doc == q.plan) and t.kind == "task"]
    longest = max(words, key=len)
    out = []
    for n in (4, 2):
        # (上市奖励 the plan writes apart — 对成功上市的企业…给予奖励: two characters at a time when four find nothing)
        grams = list(dict.fromkeys(longest[i:i + n] for i in range(max(1, len(longest) - n + 1))))
        out = [t for t in env.plan.tasks_matching([grams], fold, kinds=None)
               if (not q.plan or t.doc == q.plan) and t.kind == "task"
               and _coverage(words, fold(f"{t.title or ''}。{t.text or ''}")) >= 2 / 3]
        if out:
            break
    return out


def _after_names(sentence: str, names: list[str]) -> str:
    """What ``sentence`` says after the last of the bodies ``names`` (empty when it does not write it as read)."""
    at = sentence.find(names[-1])
    return sentence[at + len(names[-1]):] if at >= 0 else ""


#: Where the units after a 会同 stop: a clause's end, or 等 (市公安局等部门).
_PARTNERS_END = LazyPattern(r"[，,。；;：:（(]|等")
_PARTNER_JOINERS = ("、", "和", "与", "及", "以及")


def _partner_names(text: str, known: list[str], endings: tuple[str, ...]) -> list[str]:
    """The units ``text`` opens with, joined by 、/和/与/及: the longest name of ``known`` at each place, else the
    shortest run ending as bodies end (县自然资源局 of 县财政局、县自然资源局等部门, a unit no tag names)."""
    text = text[:m.start()] if (m := _PARTNERS_END.search(text)) else text
    names, at = [], 0
    while at < len(text):
        name = max((k for k in known if text.startswith(k, at)), key=len, default=None)
        if name is None:
            end = next((k for k in range(at + 2, min(len(text), at + 24) + 1) if text[at:k].endswith(endings)), None)
            if end is None:
                break
            name = text[at:end]
        names.append(name)
        at += len(name)
        joiner = next((j for j in _PARTNER_JOINERS if text.startswith(j, at)), None)
        if joiner is None:
            break
        at += len(joiner)
    return names


def stated_partners(env, name: str, spellings, verb: str, words: list[str]) -> list[tuple[Task, str, list[str]]]:
    """(paragraph, sentence, units) of each sentence of the plan writing ``name`` (any of ``spellings``), then ``verb``
    (会同), then units — 由市交通委会同市公安局等部门落实工作专班 → 市公安局 — holding two thirds of the asked ``words``
    when there are any (县交通运输局会同哪个部门推进危桥改造: the sentence on 危桥改造, not the one on 工作专班)."""
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    endings = ("部门", *load_shapes()["body_endings"])
    known = sorted({fold(n) for n in (*env.plan.departments(), *env.plan.subunits())}, key=len, reverse=True)
    heads = [fold(s) + verb for s in spellings]
    out = []
    for t in env.plan.tasks_matching([heads], fold, kinds=None):
        for sentence in _SENTENCE.split(fold(t.text or "")):
            if words and _coverage(words, sentence) < 2 / 3:
                continue
            for head in heads:
                at = sentence.find(head)
                if at < 0:
                    continue
                units = [u for u in _partner_names(sentence[at + len(head):], known, endings) if u != fold(name)]
                if units:
                    out.append((t, sentence, units))
                    break
    return out


def written_partners(env, task: Task, verbs) -> list[tuple[str, list[str]]]:
    """(sentence, units) of each sentence of ``task``'s text writing one of ``verbs`` (会同) then units, whoever stands
    before it — 由市商务局会同市文化广电旅游局、市规划和自然资源局制定… → 市文化广电旅游局、市规划和自然资源局: the partners
    the item names in its prose (a follow-up 会同哪些部门 / 和谁一起 after the item was answered)."""
    from kb.qa.query import load_shapes
    from kb.qa.text import fold

    endings = ("部门", *load_shapes()["body_endings"])
    known = sorted({fold(n) for n in (*env.plan.departments(), *env.plan.subunits())}, key=len, reverse=True)
    out = []
    for sentence in _SENTENCE.split(fold(task.text or "")):
        units = []
        for verb in verbs:
            at = sentence.find(verb)
            while at >= 0:
                units.extend(u for u in _partner_names(sentence[at + len(verb):], known, endings) if u not in units)
                at = sentence.find(verb, at + len(verb))
        if units:
            out.append((sentence, units))
    return out


def role_clauses(tasks, role: str) -> list[tuple]:
    """(task, clause) of each clause of ``tasks``' text writing a verb of ``role`` (shapes.yaml ``role_written_verbs``:
    牵头 for lead, 配合/协助 for support) — not a label's noun (牵头单位：, 配合部门): where a plan's tags or labels give
    no unit that role, its prose may (由县应急管理局牵头组织开展…; （二）区公安分局：…，配合开展联合执法)."""
    from kb.qa.query import load_shapes

    verbs = load_shapes()["role_written_verbs"].get(role, [])
    out = []
    for t in tasks:
        for clause in re.split(r"[，,。；;：:]", t.text or ""):
            if any(v in clause and not re.search(re.escape(v) + r"(?:单位|部门)", clause) for v in verbs):
                out.append((t, clause.strip()))
    return out
