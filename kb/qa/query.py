"""What a question asks, as one typed ``Query``, filled by an ordered list of small readers.

The readers are the only code that looks at the question's characters.  The scan of
kb/qa/question.py (normalise → dates → label/part/section/ordinal → departments, roles,
flags → topic chunks) comes first and yields plain facts; the readers below turn facts
and words into slots.  The last of them, ``read_over``, reads from the slots alone what the
question is over (``Query.over``, one value of ``OVER``), which chooses its one executor
(kb.qa.executors.DISPATCH); the session reads it again once the conversation is merged in.
A new question shape is a new slot value read here, a rule of ``OVER_RULES`` claiming it and a
row of DISPATCH — not a new executor that excludes the others' questions.

Words of the readers live in kb/data/shapes.yaml (validated on load, cached as JSON).
"""

from __future__ import annotations

import enum
import re
import hashlib
import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from kb.annexes import AnnexPattern, annex_words, caption_word
from kb.errors import KbError
from kb.lazypattern import LazyPattern
from kb.model import ANNEX_LEVEL_MARK
from kb.select import DateSpan, heading_line, under_heading
from kb.qa.text import fold, is_cjk, longest_first
from kb.registry import in_order

SHAPES_PATH = Path(__file__).resolve().parent.parent / "data" / "shapes.yaml"


class Act(str, enum.Enum):
    """What the question wants done."""

    LIST = "list"
    """List tasks (or departments, with ``subject``)."""
    COUNT = "count"
    """How many."""
    WHO = "who"
    """Which departments, for a topic or task."""
    WHEN = "when"
    """Deadlines."""
    VALUE = "value"
    """Numeric targets."""
    TEXT = "text"
    """The text of a cited paragraph."""
    RANK = "rank"
    """The most / least of something (哪项任务配合单位最多)."""
    COMPARE = "compare"
    """Departments compared by their roles (既牵头又配合的部门)."""
    STRUCTURE = "structure"
    """The plan's parts and sections (重点任务包括哪几个方面)."""
    META = "meta"
    """About kb and the loaded plans, or outside them (the weather, another city, an instruction)."""
    HELP = "help"
    """Nothing asked (empty, 你好)."""


@dataclass(slots=True)
class DeptAsk:
    """A department named in the question, with the role asked of it."""

    name: str
    """Canonical name (or sub-unit)."""
    role: str | None = "any"
    """lead, support, sole, shared, guide, implied or any; None when the question names no role (住建局呢:
    the previous question's role, else any — kb.qa.session merges it)."""

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role}


@dataclass(slots=True)
class Query:
    """One question, read: every slot a reader could fill (None / empty when not asked)."""

    act: Act | None = None
    """What is wanted (None only before read_act ran)."""
    subject: str = "tasks"
    """What the answer lists: ``tasks``, ``departments``, ``parts`` (the plan's structure), ``targets``, ``plans``."""
    departments: list[DeptAsk] = field(default_factory=list)
    """Departments named, each with its role."""
    roles: list[str] = field(default_factory=list)
    """Roles asked without a department (or of the listed departments): lead, support, guide …"""
    without_roles: list[str] = field(default_factory=list)
    """Roles that must NOT be held (只配合不牵头 → without lead)."""
    topic: list[str] = field(default_factory=list)
    """Topic words (folded)."""
    topic_any: bool = False
    """True: any topic word suffices (秸秆和扬尘相关的任务); False: all of them."""
    terms: list[str] = field(default_factory=list)
    """Topic words that are terms the plan itself names (a heading, a task title, an abbreviation:
    kb/qa/plan_terms.py); ``plan_terms.term_tasks(plan, terms)`` gives the tasks they cover."""
    label: str | None = None
    """A task or section label cited (三（一）2), folded."""
    part: str | None = None
    """A part named by number (第三部分 → 三)."""
    division: str | None = None
    """The cite of the one document the question names in a file holding several (``Document.divisions``: 行动计划分为
    几个部分 → 行动计划), else None."""
    section: int | None = None
    """A section of that part by number (第二节 → 2)."""
    ordinal: int | None = None
    """第N项 of the previous answer."""
    item: str | None = None
    """What is asked of one item: deadline, target, departments, text, count (of a cited section)."""
    dates: DateSpan | None = None
    """The date span asked about, with its test (due, active, starts)."""
    aggregate: str | None = None
    """most, least, earliest, latest, count."""
    measure: str | None = None
    """What a ranking counts: support, lead, any (departments of the task), targets, deadlines."""
    each: bool = False
    """分别: answer every named item separately and whole (黄色、橙色、红色…分别)."""
    items: list[str] = field(default_factory=list)
    """The enumerated words of a 分别 question (黄色, 橙色, 红色)."""
    plan: str | None = None
    """Document id of the plan the question names (在人才集聚方案中…), if any."""
    plans: list[str] = field(default_factory=list)
    """Document ids of the plans a place owning the question names when it names several but not every plan (安徽的方案
    with two 安徽 plans loaded, 重庆和开封的方案…): the answer is theirs alone (``plan`` names one)."""
    within: bool = False
    """Within the previous answer (其中…, 这些任务中…)."""
    outside: str | None = None
    """What the question asks that no plan holds: weather, instruction, place, publication_date, other_plan."""
    outside_words: str = ""
    """The words naming it (the place, the plan asked about)."""
    unit: str | None = None
    """The unit a value is asked in (人才公寓要建多少套 → 套), or the measure asked (面积, 长度, 比例: shapes.yaml
    ``measure_asks``): the paragraph stating a number in it (in a unit of the measure) answers."""
    plan_count: bool = False
    """The question counts the plan's tasks and names nothing narrower (这个方案一共有几项任务, 一共几项重点工作, 列了多少项):
    no department, date, part, label, unit or topic but words of the whole plan (shapes.yaml ``plan_count_words``).
    With a list before it, a bare count (一共多少条) still counts that list."""
    value_kind: str | None = None
    """The kind of number a value question asks (shapes.yaml ``value_kinds``): ``amount`` (总量, 规模, 多少亿: a sum or a
    quantity in a unit) or ``rate`` (增速, 增长多少, 比重: a percentage). A target stated only in the other kind is
    no answer to it (GDP总量 where the plan sets 增长6.2%)."""
    counted: str | None = None
    """The thing a unit counts (多少座公园 → 公园): a number in another unit of its kind (个) answers only beside it."""
    asks: list[str] = field(default_factory=list)
    """What the question's words ask, as kinds: who (谁, 哪个部门), when (什么时候), target (多少, 目标),
    list (哪些), count (几项), topic_mark (涉及/相关/方面 around the topic)."""
    any_role: bool = False
    """A word of no particular role was said (参与, 负责, 任务): ``roles`` holds only the particular ones."""
    task_noun_only: bool = False
    """The only role word is a task noun (任务, 工作): it asks nobody's role (今年要完成哪些任务)."""
    ends_with_task_noun: bool = False
    """The question ends with a task noun (扬尘的任务): a topic list."""
    target_word: bool = False
    """A target word other than the bare 多少 a count also uses (目标, 比例, 下降)."""
    names_metric: bool = False
    """The question is most of a target's metric by itself (重度及以上污染天数)."""
    scopes: list[str] = field(default_factory=list)
    """Scopes of the plan's targets the question names (荣县, 富顺县)."""
    glued: str | None = None
    """A topic word fused with an overview word into a phrase no paragraph holds (组织保障)."""
    opener: bool = False
    """An opener (那…, …呢, 还有): with a topic alone, the previous topic question about another topic."""
    overview: str | None = None
    """A part of the plan asked whole: requirements (总体要求), goals (工作目标), measures (保障措施)."""
    sharing: str | None = None
    """How tasks are shared out: multi_lead, single_lead, no_support, no_lead, single_department, lead_count."""
    lead_count: int | None = None
    """With sharing ``lead_count``: the number of lead departments asked (两个部门共同牵头 → 2)."""
    at_least: bool = False
    """With ``lead_count`` or ``task_count``: that many or more (三个以上部门牵头, 参与三项以上任务的单位)."""
    task_count: int | None = None
    """Departments by how many tasks they hold (只参与了一项任务的单位 → 1; the role counted is ``roles``, any role
    when none is named)."""
    target_list: bool = False
    """Every numeric target is asked (有哪些量化指标)."""
    heading: str | None = None
    """A section or part the question names by its heading (优化能源结构有哪些任务), as the answer heads it."""
    cited: list[str] = field(default_factory=list)
    """With ``heading``: the ids of the paragraphs under it."""
    titled: str | None = None
    """The id of a paragraph cited by its whole title, its text asked (强化责任落实的内容)."""
    short: bool = False
    """Eight characters or fewer (配合单位有哪些): right after a topic's task, about that task."""
    pronoun: str | None = None
    """The pronoun the question uses (它, 该局), if any: with nothing before it, kb asks what it means."""
    pronoun_of_tasks: bool = False
    """The pronoun stands before a task noun (这些措施, 这些任务): with nothing before it, the plan's tasks."""
    chitchat: bool = False
    """Nothing asked about the plan (你好, 谢谢): the help text."""
    search_words: list[str] = field(default_factory=list)
    """The words a full-text search would look for (the topic words, else the question)."""
    about: str | None = None
    """What the question is about when a reader claims it: ``departments`` (named departments' duties)."""
    ambiguous: DeptAsk | None = None
    """A name that may mean several departments (市务局, a bare 局), with the role asked: the bot asks which."""
    unknown: str | None = None
    """A name shaped like a department that resolves to none (市教育局), as asked."""
    candidates: list[str] = field(default_factory=list)
    """The departments an ambiguous name may mean, or the names nearest an unknown one."""
    partner_role: str | None = None
    """With subject ``departments`` and one department named: the role the other departments hold in its tasks
    (哪些单位配合交通局 → support; 哪些部门和交通局共同牵头 → lead)."""
    part_of: bool = False
    """这两项属于哪个部分: the part (and section) of each item of the previous answer is asked (read_part_of)."""
    partners_asked: bool = False
    """会同哪些部门 / 和谁一起 / 还有谁参与 after an answer listing items: who works WITH their units — each item's
    supporting units and the units its text names after 会同 (read_partner_ask), never its lead again."""
    tag_label: str = ""
    """实施部门呢 (after an answer listing items): a label the plan's tags write (实施部门：…) asked of those items."""
    order_rule: bool = False
    """排第一位的单位是牵头单位吗: whether the plan makes the first unit listed the lead — its rule sentence answers
    (roles.yaml ``lead_rules``, kb.qa.exec_batches.order_rule_answer), or that it writes none (read_order_rule)."""
    batch: str = ""
    """A batch asked (第三批什么时候完成, 第二批有哪些乡镇: read_batch): what the plan writes of that batch answers
    (kb.qa.exec_batches), before any reading of its words as a topic."""
    literal: str = ""
    """A phrase asked as the plan writes it (有几项写明“10月底完成”, 要求6月底完成的有多少项: read_literal), folded: the items
    whose text holds it verbatim answer (kb.qa.exec_topics.exec_literal), never every item due by a date read from it."""
    doer_verb: str = ""
    """由谁 + a verb that is no role (受电设施投入使用前由谁检验合格 → 检验合格, 由谁负责审批 → 审批): the sentence of the plan
    saying 由X+that verb names who does it, over the tag of its item (kb.qa.stated.passive_doers)."""
    unknowns: list[str] = field(default_factory=list)
    """With ``each``: every name asked that the plan lacks (市生态环境局和区公安局分别… → 区公安局), in the question's order —
    each said unknown beside the lists of the names it has (kb.qa.exec_departments)."""
    excluded: list[str] = field(default_factory=list)
    """What the question excludes (县级及以上城市建成区 of 县级及以上城市建成区以外的其他区域…): no topic word; a clause
    holding it answers no value asked (kb.qa.executors.exec_unit_value)."""
    within_heading: str = ""
    """其中哪些属于保障措施: the part or section title (folded, as the plan writes it) the previous list is narrowed to."""
    heading_score: str = ""
    """政府治理“一网统管”占多少分 / 一体化政务服务平台建设几分: the score the named heading's title closes with (25分), as
    written (read_heading); the heading's items are not what is asked (kb.qa.exec_items.exec_section says the score)."""
    outline_of: str = ""
    """附件分为哪几个部分 / 数字治理包括哪几个方面: the annex (its cite) or the annex's own part (附件·二) whose outline a
    structure question asks (kb.qa.executors.exec_structure lists its parts or sections), "" for the body's."""
    level: str = ""
    """哪个区级部门参与最多: the level of the departments ranked or listed (shapes.yaml ``unit_levels``), from the scan."""
    partner_verb: str = ""
    """With ``partner_role``: the verb of acting with others the question names after the department (会同: X会同哪些
    部门…) — its partners are the units after that verb in the plan's sentences before those of its tasks' tags."""
    timed: bool | None = None
    """True: only tasks with a deadline (哪些有时限要求); False: only those without one."""
    due_by: bool = False
    """With ``timed``: a date things are due by is asked (截止时间), so a ``from`` deadline does not count."""
    period: bool = False
    """How often or how long is asked, never a due date (多久修订一次, 教师每年在企业实训的时间有什么要求): a word of
    shapes.yaml ``frequency_asks``, or an every-word (``time_every``, 每N年) with 时间 or a ``duration_asks`` word — the
    plan's 每5年修订1次 / 每年至少1个月 answers (kb.qa.exec_topics.stated_times), or nothing does."""
    cumulative: bool = False
    """With a ``by`` date: everything due up to it is asked in words (截至2020年底, 2020年以前), not the items whose
    limit is that day (2020年底前要完成什么 where the plan writes that limit: kb.qa.exec_plan.written_limit)."""
    goal_list: str = ""
    """The kind of thing a goal lists (中心 of 要发展成为哪几个中心: read_goal_list): the items of a goal clause's 、-list
    ending in it answer."""
    field_value: str | None = None
    """A value of a labelled field of the plan's tasks (``Task.fields``: 适用范围：福建自贸试验区) the question names:
    the tasks carrying it answer (适用于福建自贸试验区的措施有哪些)."""
    field_tasks: list[str] = field(default_factory=list)
    """With ``field_value``: the ids of the tasks whose field holds it, in plan order."""
    topic_pieces: list[str] = field(default_factory=list)
    """The topic with a word the plan does not write taken as pieces one clause holds in order (对虾基地 → 对虾, 基地;
    read_topic_split): the topic kb.qa.session tries when the words as written find nothing."""
    topic_unsplit: list[str] = field(default_factory=list)
    """The topic as read_topic_split saw it, when a word of it is not in the plan's text: kb.qa.session splits it
    (split_topic → ``topic_pieces``) only when the words as written find nothing, since splitting searches the plan
    once per cut and would cost every question that much (reading a question p95 ≤ 1 ms)."""
    list_named: str | None = None
    """An ordinal asked of a list named by words that no part title and no task of the plan holds (十件民生实事的第一件
    where 十件民生实事 is only an attachment's title): the plan's text lists no such items."""
    stated: str | None = None
    """A count the plan's own text states is asked (一共明确了多少项具体任务 → tasks, 涉及多少个牵头单位 → leads,
    一共涉及多少个单位 → units): set only when the plan states such a total (kb/qa/stated_totals.py)."""
    stated_noun: str = ""
    """With ``stated``: the noun the question counts (具体任务, 工作举措, 牵头单位; empty: 部门 of 由多少个部门牵头)."""
    recipient: bool = False
    """The who-word follows a verb of sending (报送哪个部门, 移送给谁: read_recipient): whom the thing is sent to is asked,
    not who sends it (由谁报送) — the body the plan's sentence names after the verb answers (kb/qa/stated.py)."""
    mentioning: bool = False
    """Which loaded plans hold the topic words is asked (哪个方案提到了拉萨市: read_plans_mentioning): the plans whose text
    holds them, with the paragraphs (kb.qa.exec_plan.exec_plans_mentioning), never a list of tasks."""
    mention_asked: str = ""
    """With ``mentioning``: what is asked as the question writes it, after the verb of mentioning (哪个方案规定了个人所得税
    专项附加扣除标准 → 个人所得税专项附加扣除标准), said when no plan holds it — the topic words may be cut (火星基)."""
    enumerated: str = ""
    """A noun whose members the text enumerates, asked as a list (试点地区有哪些 → 试点地区: read_enumeration): the
    sentence listing them answers (kb.qa.exec_plan.exec_enumeration)."""
    notice: str | None = None
    """What the question asks of the plan's cover notice or preamble (read_notice_ask): ``attachments`` (附件有哪些, 有几个附件,
    第一个附件是什么: the notice's 附件 list, where the file holds no annex after the body), ``basis`` (根据什么文件制定的:
    the documents cited after 根据/按照/贯彻落实), ``issued_with`` (同时印发了哪些文件: the documents the notice hands on),
    ``period`` (目标年份是哪一年, 实施期限: the years of its title, else those its goals part states)."""
    notice_subject: str = ""
    """With ``notice`` ``cited``: the words of the items whose cited documents are asked (加快淘汰老旧车辆 of
    加快淘汰老旧车辆要落实哪个文件), as the question writes them before the basis verb."""
    notice_k: int | None = None
    """The attachment asked by its place in the notice's list (第一个附件 → 1, 附件2 → 2)."""
    issuers: bool = False
    """Who issued the plan is asked (这个方案是哪几个部门联合印发的, 发文单位是谁: read_issuers): the document's own lines
    naming its issuers answer (kb.qa.exec_plan.exec_issuers), never the departments given tasks."""
    post: str = ""
    """A post asked who holds (组长是谁, 治理工作小组组长由谁担任 → 组长; shapes.yaml ``posts``): the plan's sentence
    filling it answers (kb.qa.exec_plan.exec_post), never a task's departments."""
    post_of: list[str] = field(default_factory=list)
    """With ``post``: the words naming whose post it is (治理工作小组组长 → 治理, 小组): a sentence filling it holds them."""
    post_asked: str = ""
    """With ``post``: the post as the question writes it (治理工作小组组长), for the answer to name."""
    stated_list: str = ""
    """With ``stated``: words of the question naming one of the lists the plan states totals for (民生实事 of
    民生实事一共有多少项任务, where the notice says 《…民生实事任务分解》细化15项具体任务): only that list's figures."""
    topic_marked: bool = False
    """The topic was marked as one (涉及…, …相关, …方面): a word of any length is a topic word."""
    follow_up: bool = False
    """Short, or with a pronoun, an opener or 其中: it may continue the previous question."""
    refers: bool = False
    """A pronoun or an opener (它, 那…, …呢): it points back at the previous question."""
    shared_word: bool = False
    """The shared role was read from kb's own word for it (共同负责, intents.yaml ``shared_alone``) in a follow-up that
    names no department: kept on two or more previous departments it is 共同 (joint) + 负责 (any role) again
    (``with_departments_of``), as in A和B共同负责哪些任务."""
    over: str | None = None
    """What the question is over — the one value that chooses its executor (kb.qa.executors.DISPATCH;
    values in ``OVER``): the previous answer, a cited item, section or title, a date span, the whole plan's
    targets / departments / timed tasks, a topic, named departments … (``read_over``; the session reads it
    again once the question is merged with the conversation)."""

    def to_dict(self) -> dict:
        """JSON form (the slots that are set)."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v in (None, False, [], "") or (f.name == "subject" and v == "tasks"):
                continue
            if isinstance(v, Act):
                v = v.value
            elif isinstance(v, DateSpan):
                v = {"first": v.first, "last": v.last, "test": v.test}
            elif isinstance(v, list) and v and isinstance(v[0], DeptAsk):
                v = [d.to_dict() for d in v]
            elif isinstance(v, DeptAsk):
                v = v.to_dict()
            out[f.name] = v
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Query:
        """The Query of ``to_dict`` (fixtures write queries so)."""
        kw = dict(data)
        if "act" in kw:
            kw["act"] = Act(kw["act"])
        if "dates" in kw:
            kw["dates"] = DateSpan(kw["dates"].get("first"), kw["dates"].get("last"), kw["dates"].get("test", "due"))
        if "departments" in kw:
            kw["departments"] = [DeptAsk(d["name"], d.get("role", "any")) for d in kw["departments"]]
        if "ambiguous" in kw:
            kw["ambiguous"] = DeptAsk(kw["ambiguous"]["name"], kw["ambiguous"].get("role", "any"))
        return cls(**kw)

    def copy(self) -> Query:
        """A copy whose lists can be changed without touching this one."""
        out = Query(**{f.name: (list(v) if isinstance(v := getattr(self, f.name), list) else v) for f in fields(self)})
        out.departments = [DeptAsk(d.name, d.role) for d in self.departments]
        return out

    def with_departments_of(self, names: list[str], role: str | None) -> Query:
        """This question about the departments of the previous one (那它配合哪些: the department before,
        the role asked now; 牵头几项: the role asked, else the role before)."""
        out = self.copy()
        own = self.roles[0] if self.roles else None
        if self.shared_word and len(names) > 1 and own == "shared":
            own, out.roles = "any", []  # 那共同负责的呢 after A和B…: tasks both take part in, as 共同负责 with two names
        out.departments = [DeptAsk(n, own or role or "any") for n in names]
        return out

    def chosen(self, name: str) -> Query:
        """The question asked back about (ambiguous) with the department the user chose."""
        out = self.copy()
        out.departments.append(DeptAsk(name, self.ambiguous.role if self.ambiguous else "any"))
        out.ambiguous, out.candidates = None, []
        out.topic = [w for w in out.topic if not (self.ambiguous and w == self.ambiguous.name)]
        return out

    def merged(self, previous: Query) -> Query:
        """This follow-up's slots over ``previous`` (配合的呢: the previous query with role support)."""
        out = Query(**{f.name: getattr(previous, f.name) for f in fields(previous)})
        out.departments = [DeptAsk(d.name, d.role) for d in previous.departments]
        if self.roles:
            out.roles = list(self.roles)
            out.without_roles = list(self.without_roles)
            if previous.measure in ("lead", "support", "any"):
                out.measure = self.roles[0]
        if self.departments:
            out.departments = list(self.departments)
        if self.aggregate:
            out.aggregate = self.aggregate
        if self.topic:
            out.topic = list(self.topic)
        return out


# ---------------------------------------------------------------- words


def _check_words(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise KbError(f"{where} 应为词语列表；请修正，或从代码仓库恢复这个文件")
    return value


SHAPE_LISTS = ("plan_count_words", "baseline_asks", "base_marks", "place_suffixes", "places", "structure_asks", "task_subject", "department_subject", "most", "least",
               "both", "only", "not", "earliest", "latest", "extreme_fillers", "circumstance_fillers", "doer_not_openers", "you_in_words", "doer_joiners", "doer_verbs", "doer_duty_verbs", "doer_endings", "part_of_verbs", "part_of_nouns", "partner_asks", "scope_asks", "scope_subjects", "level_not_next", "guide", "plan_marks", "value_units", "person_units",
               "unit_not_after", "money_words", "money_asks", "money_units", "which_before", "which_units", "which_after", "due_by", "due_cumulative",
               "field_affixes", "field_asks", "national_issuers", "start_asks", "node_asks", "measure_not_after", "recipient_verbs", "recipient_followers", "recipient_to", "recipient_not_before", "which_plan", "mention_verbs", "mention_figure_units", "enumeration_asks", "enumeration_links", "issuer_asks", "issue_verbs", "issuer_fillers", "basis_asks", "issued_with_asks", "plan_period_asks", "issuer_endings", "end_asks", "duration_asks", "duration_marks", "duration_extremes", "noun_units",
               "steering_verbs", "body_endings", "body_followers", "everyday_qualifiers",
               "role_after", "posts", "post_verbs", "value_verbs", "vague_amounts", "base_before", "base_after", "list_tails",
               "annex_content_asks", "score_asks", "score_not_after", "score_fillers",
               "list_nouns", "list_asks", "goal_verbs", "outline_subjects", "structure_fillers", "time_every",
               "time_span_units", "time_span_before", "time_span_after", "frequency_asks", "share_marks", "share_after",
               "share_words", "role_object_verbs", "doer_followers",
               "mention_places",
               "thing_tails", "part_sum_words", "how_asks", "value_ask_marks", "fine_spellings",
               "time_nouns", "time_when", "exclusion_openers", "exclusion_markers", "exclusion_lead_ins", "exclusion_others", "doer_asks", "doer_verb_fillers", "doer_act_verbs", "doer_duty_acts", "doer_adverbs", "unit_count_classifiers", "unit_task_nouns", "unit_target_nouns", "person_holders", "group_ordinal_nouns", "literal_verbs", "literal_between", "person_posts", "person_lead_verbs", "unit_asks_only")
#: (asks8, session 17) words of a topic that never make it written (kb/qa/denials.py)
SHAPE_LISTS += ("denial_fillers", "denial_asking", "basis_verbs", "basis_which", "basis_documents", "basis_plan_words", "compare_which",
                "compare_more", "compare_less", "content_verbs", "content_which")
SHAPE_LISTS += ("person_titles",)  # (reading7, session 17: kb.qa.stated)
SHAPE_LISTS += ("start_words", "finish_words")  # (dates7, session 18: kb.qa.exec_topics._start_or_end)


def validate_shapes(data: dict, where: str = "shapes.yaml") -> dict:
    """``data`` checked: every list of SHAPE_LISTS, ``outside`` and ``measure`` mappings of lists, ``everyday``."""
    for key in (*SHAPE_LISTS, "outside", "measure", "name_pieces", "everyday", "measure_asks", "unit_kinds", "value_kinds",
                "stated_totals", "measure_kinds", "measure_nouns", "unit_levels", "how_to_verbs", "event_verbs", "limit_yes_no", "role_written_verbs"):
        if key not in data:
            raise KbError(f"{where}：缺少键 {key}；请修正，或从代码仓库恢复这个文件")
    out = {"version": 2}  # 2: equal-length words in code-point order (1 kept a set's order)
    for key in SHAPE_LISTS:
        out[key] = longest_first(fold(w) for w in _check_words(data[key], f"{where}：{key}"))
    for key in ("outside", "measure", "name_pieces", "measure_asks", "unit_kinds", "value_kinds", "stated_totals",
                "measure_kinds", "measure_nouns", "unit_levels", "how_to_verbs", "event_verbs", "limit_yes_no", "role_written_verbs"):
        if not isinstance(data[key], dict):
            raise KbError(f"{where}：{key} 应为“名称: 词语列表”的映射；请修正，或从代码仓库恢复这个文件")
        out[key] = {k: longest_first(fold(w) for w in _check_words(v, f"{where}：{key}.{k}"))
                    for k, v in data[key].items()}
    for k, kinds in out["measure_kinds"].items():
        if not all(x in out["unit_kinds"] for x in kinds):
            raise KbError(f"{where}：measure_kinds 的 {k} 列出了 unit_kinds 中没有的种类；请修正，或从代码仓库恢复这个文件")
    for k in out["measure_asks"]:
        if k not in out["unit_kinds"] and k not in out["measure_kinds"]:
            raise KbError(f"{where}：measure_asks 的 {k} 在 unit_kinds 中没有单位；请修正，或从代码仓库恢复这个文件")
    for k in ("verbs", "tasks", "leads", "units", "task_counters", "unit_counters", "before_ask", "after_ask"):
        if k not in out["stated_totals"]:
            raise KbError(f"{where}：stated_totals 缺少 {k}；请修正，或从代码仓库恢复这个文件")
    for k in ("weather", "instruction", "publication_date", "plans"):
        if k not in out["outside"]:
            raise KbError(f"{where}：outside 缺少 {k}；请修正，或从代码仓库恢复这个文件")
    if not isinstance(data["everyday"], dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k and v for k, v in data["everyday"].items()):
        raise KbError(f"{where}：everyday 应为“口语词: 方案用词”的映射；请修正，或从代码仓库恢复这个文件")
    out["everyday"] = {fold(k): fold(v) for k, v in sorted(data["everyday"].items(), key=lambda kv: -len(kv[0]))}
    limit = data.get("question_limit")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 10:
        raise KbError(f"{where}：question_limit 应为不小于 10 的整数（问题的最大字数）；请修正，或从代码仓库恢复这个文件")
    out["question_limit"] = limit
    return out


@lru_cache(maxsize=2)
def load_shapes(path: str | None = None) -> dict:
    """The validated words of shapes.yaml (JSON cache keyed by the file's hash: no YAML import when warm)."""
    src = Path(path) if path else SHAPES_PATH
    try:
        raw = src.read_bytes()
    except OSError as exc:
        raise KbError(f"{src}：无法读取问句句式表（{exc.__class__.__name__}）；请从代码仓库恢复这个文件") from exc
    from kb.store import atomic_write_bytes, cache_dir

    cached = cache_dir() / f"shapes-{hashlib.sha256(raw).hexdigest()[:16]}.json"
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("version") == 2 and all(k in data for k in (*SHAPE_LISTS, "question_limit", "name_pieces", "measure_asks", "unit_kinds", "value_kinds", "stated_totals",
                                                                                   "measure_kinds", "measure_nouns", "unit_levels", "event_verbs", "limit_yes_no", "role_written_verbs")):
            return data
    except (OSError, ValueError):
        pass
    from kb.data import read_versioned_yaml

    data = validate_shapes(read_versioned_yaml(src, "question shapes"), str(src))
    try:
        atomic_write_bytes(cached, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
    return data


# ---------------------------------------------------------------- readers


@dataclass(slots=True)
class Reading:
    """What the readers share: the folded text, the scanner's facts, the Query being filled."""

    text: str
    """The question, folded (simplified characters, NFKC, lower case, no spaces), edges stripped."""
    facts: object
    """kb.qa.question.Question: the scan's departments, roles, flags, date, label, part, topic."""
    query: Query
    """The Query being filled."""
    words: dict
    """load_shapes()."""
    plan: object
    """The kb.model.Plan loaded."""
    plan_text: str
    """Every paragraph of the plan, folded and joined (for 'does the plan mention X')."""
    plan_words: str = ""
    """The words that named a plan (在人才集聚方案中 → 人才集聚), kept out of the topic."""

    def words_voc(self, key: str) -> tuple[str, ...]:
        """A word list of intents.yaml (kb.qa.vocab)."""
        from kb.qa.vocab import load_vocabulary

        return load_vocabulary().words[key]


def _has(text: str, words) -> str | None:
    """The first of ``words`` (in their order) that ``text`` holds, else None."""
    # (filter with the bound ``in`` test: the same first word, without a Python frame per word — readers ask this
    # ~20 times per question)
    return next(filter(text.__contains__, words), None)


def _has_listed(text: str, words) -> str | None:
    """``_has`` for a word list of shapes.yaml (an object kept for the process): one search of the list's
    alternation first, since most questions hold none of its words (read for every question: the loop over ~200
    outside words was a tenth of reading one); the first word in the list's order when some is there."""
    if not _any_of(words).search(text):
        return None
    return next(filter(text.__contains__, words), None)


def _any_of(words) -> re.Pattern:
    """One alternation of ``words`` (a list kept for the process: keyed by identity, held so the id stays its own)."""
    held = _ALTERNATIONS.get(id(words))
    if held is None or held[0] is not words:
        if len(_ALTERNATIONS) > 256:
            _ALTERNATIONS.clear()
        # (an empty list matches nothing: a pattern that never matches)
        held = _ALTERNATIONS[id(words)] = (words, re.compile(
            "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) if words else "(?!)"))
    return held[1]


_ALTERNATIONS: dict[int, tuple] = {}


#: What read_outside looks for first, in order.
_OUTSIDE_KINDS = ("instruction", "opinion", "weather", "publication_date", "document_number", "person", "actual_figure",
                  "unit_rank")


def _outside_words(outside: dict) -> tuple[str, ...]:
    """Every word of the ``_OUTSIDE_KINDS`` lists of shapes.yaml ``outside`` (one list per shapes object)."""
    held = _OUTSIDE_WORDS.get(id(outside))
    if held is None or held[0] is not outside:
        held = _OUTSIDE_WORDS[id(outside)] = (outside, tuple(w for k in _OUTSIDE_KINDS for w in outside.get(k, ())))
    return held[1]


_OUTSIDE_WORDS: dict[int, tuple] = {}


_QUOTED = LazyPattern(r"[“\"「『‘'](?P<x>[^“”\"「」『』‘’']{2,24})[”\"」』’']")
#: A limit phrase as plans write it (6月底完成, 2020年年底前基本完成, 2024年3月底前完成): unquoted, it is literal only after a
#: verb of writing and when the plan holds it.
_LIMIT_PHRASE = LazyPattern(r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|年底|底)前?(?:基本)?完成")


def literal_pattern(phrase: str) -> re.Pattern:
    """``phrase`` verbatim, its digits bounded: no digit (nor a decimal point after one) before a phrase opening with a
    digit, no digit after one closing with a digit (2月底 is not inside 12月底; 12月底前 not inside 12．月底前 / 12345)."""
    head = r"(?<![0-9.．])" if phrase[:1].isdigit() else ""
    tail = r"(?![0-9])" if phrase[-1:].isdigit() else ""
    return re.compile(head + re.escape(phrase) + tail)


def literal_tasks(plan, phrase: str) -> list:
    """The paragraphs whose text or tag holds ``phrase`` verbatim (literal_pattern), in plan order: a stored plan finds
    those holding it inside SQLite (its grep text: clauses, then the tag — the search text holds no tag, and a tag
    writes limits: （6月底完成，牵头考核单位：…）); a plan in memory is read whole."""
    import unicodedata

    pattern = literal_pattern(phrase)
    if hasattr(plan, "grep_rows"):
        keys = [(row[0], row[1]) for row in plan.grep_rows(literal=unicodedata.normalize("NFKC", phrase))]
        candidates = plan.tasks_at(keys) if keys else []
    else:
        candidates = list(plan.iter_tasks())
    return [t for t in candidates if pattern.search(fold((t.text or "") + (t.tag or "")))]


def read_literal(r: Reading) -> None:
    """有几项写明“10月底完成” / 要求6月底完成的有多少项 / 哪些工作写明要在2020年年底前基本完成: a phrase after a verb of writing
    (shapes.yaml ``literal_verbs``, ``literal_between`` words between), quoted — or, unquoted, a limit phrase the plan's
    text holds (digits bounded) — is asked as written: ``Query.literal``; counted when a count is asked.  The raw question
    keeps the quotes (fold drops them)."""
    f, q = r.facts, r.query
    if q.act is not None or f.departments or f.unresolved:
        return
    verbs = r.words["literal_verbs"]
    between = tuple(r.words["literal_between"])
    raw = fold_keeping_quotes(f.raw)
    phrase = None
    for m in _QUOTED.finditer(raw):
        before = raw[:m.start()]
        for b in sorted(between, key=len, reverse=True):
            if before.endswith(b):
                before = before[:-len(b)]
                break
        if before.endswith(tuple(verbs)):
            phrase = fold(m.group("x"))
            break
    if phrase is None:
        for v in verbs:
            at = r.text.find(v)
            if at < 0:
                continue
            rest = r.text[at + len(v):]
            for b in sorted(between, key=len, reverse=True):
                if rest.startswith(b):
                    rest = rest[len(b):]
                    break
            m = _LIMIT_PHRASE.match(rest)
            if m and literal_tasks(r.plan, m.group(0)):
                phrase = m.group(0)
                break
    if not phrase:
        return
    q.literal = phrase
    q.act = Act.COUNT if "count" in f.flags or _COUNT_OF_ITEMS.search(r.text) else Act.LIST


#: A month asked as the limit, with no year (完成时限是3月的有哪些, 期限为6月底的任务): the month as written.
_MONTH_LIMIT = LazyPattern(r"(?:时限|期限|完成时间|截止时间|截止日期|完成日期|时间节点)(?:是|为|在|定在)?"
                           r"(?P<m>\d{1,2}月(?:底|末|份|中旬|上旬|下旬)?)(?:前|之前|以前)?的"
                           r"|(?<![\d年])(?P<n>\d{1,2}月(?:底|末|中旬|上旬|下旬)?)(?:前|之前|以前)?(?:要|需|需要|应|应当)?"
                           r"(?:完成|到期|办结)")


_BATCH_ASKED = LazyPattern(r"第(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})批")


def read_batch(r: Reading) -> None:
    """第三批什么时候完成 / 第二批试点单位有哪些: a batch asked — ``Query.batch`` (the other readers go on: the batch's
    answer is tried first, kb.qa.executors.dispatch; a plan writing no batch says so there)."""
    m = _BATCH_ASKED.search(r.text)
    if m is not None:
        r.query.batch = m.group(0)


_ORDER_ASKED = LazyPattern(r"(?:排|列|位列|排名)(?:在|于)?(?:第一|首)(?:位|个|家)?|第一(?:个|位|家)")
_YES_NO_END = LazyPattern(r"(?:吗|么|是不是|是否|算不算|对不对)")


def read_order_rule(r: Reading) -> None:
    """排第一位的单位是牵头单位吗 / 列在首位的部门是不是牵头部门: a place in a list (``_ORDER_ASKED``), 牵头, and a yes/no
    ask, no unit named — the plan's rule on who leads a list is asked (``Query.order_rule``), never a topic 排第一位."""
    if r.facts.departments or "牵头" not in (r.facts.raw or ""):
        return
    raw = fold(getattr(r.facts, "raw", "") or "")  # (the scan drops 吗 from the text read)
    if _ORDER_ASKED.search(raw) and _YES_NO_END.search(raw):
        r.query.order_rule = True


def read_month_limit(r: Reading) -> None:
    """完成时限是3月的有哪些 / 12月底前要完成的是哪项: a month without a year asked as the items' limit — the items writing that month as the
    plan writes it (``Query.literal``: digits bounded, so 13月 is not 3月), listed or counted; none: said so.  Was a
    topic 3月 whose 'deadline' was the cover notice's signing date (holdout17, ROUTED reading6 p)."""
    f, q = r.facts, r.query
    if (q.act is not None or q.literal or f.departments or f.date is not None or f.label or f.part or f.section
            or "target" in f.flags or re.search(r"(?:19|20)\d\d", r.text)):
        # (6月底前要完成年度任务量的百分之多少: a figure due by the month is asked — the value readers answer it)
        return  # (三（三）11月底前要完成哪些: a month of the section cited, read with it as before)
    m = _MONTH_LIMIT.search(r.text)
    if m is None:
        return
    q.literal = (m.group("m") or m.group("n")).rstrip("份")
    q.act = Act.COUNT if "count" in f.flags or _COUNT_OF_ITEMS.search(r.text) else Act.LIST


def fold_keeping_quotes(raw: str) -> str:
    """``raw`` folded with its quote marks kept (fold drops them): each quoted span folded on its own."""
    out, at = [], 0
    for m in re.finditer(r"[“\"「『‘'][^“”\"「」『』‘’']*[”\"」』’']", raw or ""):
        out.append(fold(raw[at:m.start()]))
        out.append(m.group(0)[0] + fold(m.group(0)[1:-1]) + m.group(0)[-1])
        at = m.end()
    out.append(fold((raw or "")[at:]))
    return "".join(out)


def _post_stated(r: Reading, phrase: str) -> bool:
    """A person asked by a post (主任是谁, 局长是谁) that a sentence of the plan fills (张三同志兼任办公室主任, 组长由…担任):
    the post (the phrase less its asking words) and a verb filling it (shapes.yaml ``post_verbs``) in one sentence."""
    post = re.sub(r"(?:是谁|是哪位|叫什么名字)$", "", phrase)
    if post == phrase or len(post) < 2 or post not in r.plan_text:
        return False
    verbs = r.words["post_verbs"]
    texts = (fold(t.text or "") for t in r.plan.tasks_matching([(post,)], fold, kinds=None))
    return any(post in s and any(v in s for v in verbs) for text in texts for s in re.split(r"[。；;！？]", text))


def _thing_named(r: Reading, phrase: str) -> bool:
    """X叫什么名字 where X is a thing the plan writes (创业项目, 示范活动, 服务平台) and no holder of a post (shapes.yaml
    ``person_holders``: 局长, 负责人 …): the name of the thing is asked, which its items write (holdout16, ROUTED
    reading5 b: refused as a person's name)."""
    if not phrase.startswith("叫"):
        return False
    at = r.text.find(phrase)
    before = r.text[:at].rstrip("的")
    holders = r.words["person_holders"]
    if len(before) < 2 or any(h in before for h in holders):
        return False
    return before[-4:] in r.plan_text or before[-3:] in r.plan_text or before[-2:] in r.plan_text


def read_outside(r: Reading) -> None:
    """The weather, an instruction to the system, a publication date: things no plan answers."""
    outside = r.words["outside"]
    raw = fold(getattr(r.facts, "raw", "") or "")
    if "limit_yes_no" in r.facts.flags:
        # (有没有完成时限 asks whether a limit is set, not whether the work is done: 有没有完成 is no outcome here)
        raw = ""
    if _has_listed(raw, outside.get("actual_figure", ())) and not _any_of(_outside_words(outside)).search(r.text):
        kinds = ("instruction", "actual_figure")  # (了吗 of 达到了吗 is not in the text read: see below)
    elif not _any_of(_outside_words(outside)).search(r.text):
        kinds = ("instruction",)  # (no word of any kind: only the dismissing words, 别管这些方案了, may say one)
    else:
        kinds = _OUTSIDE_KINDS
    if "limit_yes_no" in r.facts.flags:
        kinds = tuple(k for k in kinds if k != "actual_figure")
    for kind in kinds:
        w = _has_listed(r.text, outside.get(kind, ())) or (kind == "instruction" and (_dismissing(r) or _editing(r)))
        if not w and kind == "actual_figure" and raw:
            # 空气质量优良天数比率达到了吗: the scan drops 了吗 from the text read — whether an aim was met is asked in the
            # question as written (a plan states the target, never the outcome: the target given was no answer)
            w = _has_listed(raw, outside.get(kind, ()))
        if w and kind == "person" and _post_stated(r, w):
            continue  # (办公室主任是谁 where the plan writes X同志兼任办公室主任: the post's sentence answers, read_post)
        if w and kind == "unit_rank" and not (r.facts.departments or _has(r.text, r.words["department_subject"])):
            continue  # (预警级别高的 / 响应级别: a rank of units is asked only of units named — asks8 s17)
        if w and kind == "person" and _thing_named(r, w):
            # (创业项目叫什么名字: the name of a thing the plan writes, no person's — the items holding it answer)
            r.facts.topic = [t for t in r.facts.topic if t not in ("叫", "名字", "名称")]
            continue
        if w and not (kind in ("opinion", "weather", "person", "actual_figure") and w in r.plan_text):
            r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", kind, w
            return
    outcome = _outcome_asked(raw, outside)
    if outcome and outcome not in r.plan_text:
        # 实际达到35%了吗 / 新增创业主体已经完成多少: whether or how far an aim was met — the plan states the target only
        r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", "actual_figure", outcome
        return
    thing = _how_to_unwritten(r, raw)
    if thing:
        # 创业补助去哪里领 / 消费券怎么申请: where or how a person collects or applies, which the plan does not write
        r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", "how_to", thing
        return
    present = _has(r.text, r.words["outside"].get("present", []))
    if (present and "target" in r.facts.flags and r.facts.date is None and present not in r.plan_text
            and not _has(r.text, r.words["outside"]["plans"])):
        # 现在的PM2.5浓度是多少 / 目前的研发投入强度: today's figure — a plan states targets, not statistics
        r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", "actual_figure", present
        return
    verb = _has(r.text, r.words["outside"].get("document_verbs", []))
    extreme = _has(r.text, r.words["earliest"]) or _has(r.text, r.words["latest"])
    if (verb and extreme and not r.facts.departments and not r.facts.date
            and _has(r.text, r.words["outside"].get("document_nouns", []) + ["哪个", "哪一个", "哪份", "哪一份"])):
        # 这几个方案里哪个印发得最早 / 哪个文件是最晚印发的: the plans by the dates they state
        r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", "publication_date", verb
        r.query.aggregate = "earliest" if _has(r.text, r.words["earliest"]) else "latest"
        return
    if verb and "when" in r.facts.flags and not r.facts.departments and _only_the_document(r, verb):
        # 这个方案啥时候印发的: the document's own date, not a topic 印发
        r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", "publication_date", verb
        return
    if _plan_compared(r):
        return
    if _has(r.text, r.words["outside"]["plans"]) and not r.facts.departments and not any(
            w in r.plan_text for w in r.facts.topic if len(w) >= 2) and not (
            _has(r.text, r.words["which_plan"]) and _has(r.text, r.words["mention_verbs"])
            and any(len(w) >= 2 for w in r.facts.topic)):
        # (哪个方案提到了火星基地, a word no plan writes: which plans mention it — none — is read_plans_mentioning's,
        # never the list of plans loaded as if they did)
        # 现在能查哪几个文件: the plans loaded (words beside it the plans never write, 现在能查, ask nothing of them)
        r.query.act, r.query.subject = Act.META, "plans"


def _plan_compared(r: Reading) -> bool:
    """哪个方案的目标年份最晚 / 哪个方案的任务最多: plans compared by a figure each states — the target year (its title's
    years, else its goals part's: ``plan_period_asks``) or the number of tasks — answered from every loaded plan with
    each plan's figure (``Query.aggregate``: latest / earliest / most / least), never one plan's answer nor the list
    of plans as if it were the comparison (holdout16 a04).  True when read."""
    if r.facts.departments or not _has(r.text, r.words["which_plan"]):
        return False
    q = r.query
    late, early = _has(r.text, r.words["latest"]), _has(r.text, r.words["earliest"])
    if (late or early) and _has(r.text, r.words["plan_period_asks"]):
        q.act, q.subject, q.notice = Act.META, "notice", "period"
        q.aggregate = "latest" if late else "earliest"
        return True
    most, least = _has(r.text, r.words["most"]), _has(r.text, r.words["least"])
    if (most or least) and _has(r.text, r.words_voc("task_nouns")):
        q.act, q.subject = Act.META, "plans"
        q.aggregate = "most" if most else "least"
        return True
    return False


def _outcome_asked(raw: str, outside: dict) -> str | None:
    """The words asking an outcome (shapes.yaml ``outside``): a marker of the actual right before a verb of result
    (实际达到, 已经完成, 已新增), or a verb of result and, within twelve characters (a figure, a noun), an end asking
    whether or how much (达到35%了吗, 新增了多少, 完成得怎么样); None when none is asked."""
    verbs = outside.get("outcome_verbs", ())
    for marker in outside.get("outcome_markers", ()):
        at = raw.find(marker)
        while at >= 0:
            after = raw[at + len(marker):]
            verb = next((v for v in verbs if after.startswith(v)), None)
            if verb:
                return marker + verb
            at = raw.find(marker, at + 1)
    for verb in verbs:
        at = raw.find(verb)
        while at >= 0:
            window = raw[at + len(verb):at + len(verb) + 14]
            for end in outside.get("outcome_ends", ()):
                cut = window.find(end)
                if cut >= 0 and not re.search(r"[，,。；;？?要将需]", window[:cut]):
                    return raw[at:at + len(verb) + cut + len(end)]
            at = raw.find(verb, at + 1)
    return None


def _how_to_unwritten(r: Reading, raw: str) -> str | None:
    """创业补助去哪里领 / 消费券怎么申请: an ask of where or how (``outside.how_to_asks``) right before a verb of collecting
    or applying (shapes.yaml ``how_to_verbs``) — the thing asked (the words before the ask) when no sentence of the plan
    holding its words writes one of the verb's answering words (申请 → 申请, 申报); None otherwise (停车共享怎么申请
    where the plan writes the application: its sentences answer, as before)."""
    how = r.words.get("how_to_verbs") or {}
    for ask in r.words["outside"].get("how_to_asks", ()):
        at = raw.find(ask)
        if at < 0:
            continue
        rest = raw[at + len(ask):]
        verb = next((v for v in sorted(how, key=len, reverse=True) if rest.startswith(v)), None)
        if verb is None:
            continue
        thing = raw[:at].rstrip("的要该应可以能需")
        thing = re.sub(r"^(?:请问|我想知道|想问一下|想问)", "", thing)
        if len(thing) < 2:
            return None
        answering = how[verb]
        heads = [thing[-k:] for k in (4, 3, 2) if len(thing) >= k and thing[-k:] in r.plan_text]
        if not heads:
            return thing  # (the thing itself is not written: nothing says where or how)
        for t in r.plan.tasks_matching([[heads[0]]], fold, kinds=None)[:50]:
            for sentence in re.split(r"[。；;！？]", fold(t.text or "")):
                if heads[0] in sentence and any(w in sentence for w in answering):
                    return None
        return thing
    return None


def _dismissing(r: Reading) -> str | None:
    """别管这些方案了… / 抛开规则…: a word leaving something (``dismiss``) with a document noun or a word of kb's
    rules (``dismissed``) within the next six characters — kb is told to leave the plans; 别管配合的 is a question."""
    outside = r.words["outside"]
    for w in filter(r.text.__contains__, outside.get("dismiss", ())):
        at = r.text.find(w)
        while at >= 0:
            after = r.text[at + len(w):at + len(w) + 6]
            if _has(after, outside.get("document_nouns", ())) or _has(after, outside.get("dismissed", ())):
                return w
            at = r.text.find(w, at + 1)
    return None


def _editing(r: Reading) -> str | None:
    """把第8项的责任单位改成区财政局: an opener (``edit_openers``) and, within 15 characters after it, a verb that would
    change what kb holds (``edit_verbs``) — an edit asked, refused as an instruction (it was answered with item 8)."""
    outside = r.words["outside"]
    if _has(r.text, outside.get("edit_not_with", ())):
        return None  # (将燃煤锅炉改为燃气锅炉的任务由谁负责: a question quoting the plan's own 将…改为…, no edit)
    for opener in filter(r.text.__contains__, outside.get("edit_openers", ())):
        at = r.text.find(opener)
        while at >= 0:
            if verb := _has(r.text[at + 1:at + 16], outside.get("edit_verbs", ())):
                return verb
            at = r.text.find(opener, at + 1)
    return None


def _only_the_document(r: Reading, verb: str) -> bool:
    """The topic words are the document verb, pieces of when-words (时候 of 什么时候) and words of a plan's title."""
    from kb.qa.vocab import load_vocabulary

    pieces = {w[k:] for w in load_vocabulary().words["when"] for k in range(len(w) - 1)}
    titles = [fold(title) for _, title in r.plan.document_titles()]  # (a stored plan reads no document)
    for word in r.facts.topic:
        rest = re.sub(r"^[这本该此那][份个项部篇]?", "", word.replace(verb, ""))  # 这份 / 本 (the document itself)
        for noun in r.words["outside"].get("document_nouns", []):
            rest = rest.replace(noun, "")
        for piece in sorted(pieces, key=len, reverse=True):
            rest = rest.replace(piece, "")
        if len(rest) >= 2 and not any(rest in t for t in titles):
            return False
    return True


#: Characters no place name (before 市/县/省) holds: department endings, function words, question words.
_NOT_IN_PLACE = frozenset("局委办部厅会院站队所和与及的在是有哪什么各本全该我这那其每个些由为对把被从向给要")


#: Characters a place name may follow (在成都市…, 和绵竹市…, 意见里广东省…): prepositions, joiners, function words.
_PLACE_BOUNDARY = frozenset("在对和与及、的跟同比里中内") | (_NOT_IN_PLACE - frozenset("市县"))


#: What read_outside reads of a document itself (its number, its date): a place may still name the plan asked of.
_DOCUMENT_ASKS = ("document_number", "publication_date")


def read_place(r: Reading) -> None:
    """Another place than the plans': a known place name, or a word ending like a place, no plan mentions.  A place that
    IS one loaded plan's own (``read_place_of_plan``) names that plan instead."""
    if r.query.outside not in (None, *_DOCUMENT_ASKS) or read_place_of_plan(r):
        return  # (重庆的方案文号: the number of the plan the place names, 成都的方案文号: of no loaded plan)
    places = r.words["places"]
    names = [p for p in places if p in r.text] if _any_of(places).search(r.text) else []
    for suffix in r.words["place_suffixes"]:
        at = r.text.find(suffix)
        while at >= 2:
            if any(r.text.startswith(d, at) for d in r.facts.departments):
                at = r.text.find(suffix, at + 1)
                continue  # 由市生态环境局牵头: 市 begins a department's name
            stem = r.text[max(0, at - 3):at]
            # the longest CJK stem (2–3 characters) before the suffix that no plan mentions, standing
            # at the start of the question or after a boundary (在成都市…, 和绵竹市…)
            for k in (3, 2):
                cand = stem[-k:]
                before = r.text[at - k - 1] if at - k - 1 >= 0 else ""
                if len(cand) == k and all(is_cjk(c) and c not in _NOT_IN_PLACE for c in cand) and "多少" not in cand \
                        and (not before or not is_cjk(before) or before in _PLACE_BOUNDARY) \
                        and cand + suffix not in r.plan_text and cand not in r.plan_text:
                    names.append(cand + suffix)
                    break
            at = r.text.find(suffix, at + 1)
    # (a place inside a department of the plan is that department's, not another place)
    names = [n for n in names if n not in r.plan_text and not any(n in d for d in r.facts.departments)]
    if names:  # (壮大市 of 壮大市场主体 where only a part heading writes it: the heading's words, no place)
        names = [n for n in names if not any(n in h for h in heading_clauses(r.plan))]
    named = _place_naming_a_plan(r) or _place_owning_the_topic(r)
    if named and not names:
        names = [named]
    if names:
        r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", "place", names[0]


def _place_naming_a_plan(r: Reading) -> str | None:
    """成都市的方案里… : a place written right before a plan mark that no loaded plan is about (no title,
    cover note or opening line holds it), though a plan's text may mention the place in passing."""
    at = min((a for a in map(r.text.find, r.words["plan_marks"]) if a >= 2), default=-1)
    if at < 2:
        return None
    stem = r.text[:at].rstrip("的")
    place = next((p for p in r.words["places"] if stem.endswith(p)), None)
    if place is None:
        for suffix in r.words["place_suffixes"]:
            if stem.endswith(suffix):
                body = stem[:-len(suffix)]
                for k in (3, 2):
                    cand = body[-k:]
                    if len(cand) == k and all(is_cjk(c) and c not in _NOT_IN_PLACE for c in cand):
                        place = cand + suffix
                        break
                break
    if place is None:
        return None
    for _, about in plan_about(r.plan):
        # (a plan's own words about itself — title, cover notice, page lines, title-like opening lines — not a preamble
        # citing other places in passing: 学习借鉴重庆、成都等地经验 makes no plan 成都's)
        if place in about or (len(place) > 2 and place[:-1] in about):
            return None
    return place


#: id(plan) → (plan, [(document id, what the plan says of itself, folded)]): read once per plan object.
_PLAN_ABOUT: dict[int, tuple] = {}


def plan_about(plan) -> list[tuple[str, str]]:
    """(document id, folded words a plan says of itself) of each loaded plan: its title, its own title after a cover
    notice, the notice (issuer, number, signature), the page lines before it (来源：…人民政府), its closing signature,
    and, where no title was found, its first paragraphs that are no task and read like a title (no full stop) — never
    its preamble or body, which cite other places in passing."""
    held = _PLAN_ABOUT.get(id(plan))
    if held is None or held[0] is not plan:
        about = []
        for doc in plan.documents:
            # (read only where no title was found — the file's name stands for it: at 1,000 stored plans, 1,000
            # reads of opening paragraphs a question)
            opening = [t.text for t in plan.document_opening(doc.id, 3) if t.kind != "task" and "。" not in t.text
                       and len(t.text) <= 60] if doc.title == doc.id else []
            if not getattr(doc, "cover", None) and "通知" in doc.title and not doc.plan_title:
                # (a notice whose own 一、二、三 stand before the plan is read as its body: its signature, a short line
                # with no sentence mark among its first paragraphs, names its issuer — 蔡甸区人民政府办公室)
                opening += [t.text for t in plan.document_opening(doc.id, 12) if t.kind != "task" and len(t.text) <= 30
                            and not any(c in t.text for c in "。，；：")]
            about.append((doc.id, fold(" ".join([doc.title, doc.plan_title or "", getattr(doc, "cover", None) or "",
                                                 doc.preface or "", getattr(doc, "closing", None) or "", *opening]))))
        _PLAN_ABOUT.clear()
        _PLAN_ABOUT[id(plan)] = held = (plan, about)
    return held[1]


#: What may stand before a place owning the question (在开封的方案里, 请问重庆…, 市商务局在开封…): the question's start,
#: or one of these right before it.
_OWNER_BEFORE = ("在", "关于", "对于", "请问", "看看", "查查", "查一下", "那么", "和", "与", "及", "、", "跟", "同", "是", "属于")
#: What follows a place owning the question (开封那个方案, 重庆的…, 重庆市方案里, 重庆和开封…).
_OWNER_AFTER = ("的", "那个", "这个", "那份", "这份", "那", "这", "和", "与", "及", "、", "跟", "方案", "计划", "意见", "通知",
                "措施", "办法", "规划", "文件", "里", "中", "，", ",")


#: What names a plan right after its owner (蔡甸的方案…, 开封那个…).
_OWNER_PLAN = ("那个", "这个", "那份", "这份", "方案", "计划", "意见", "通知", "措施", "办法", "规划", "文件")


def _owner_windows(text: str):
    """Each window of the question standing where a place owning it stands (start, or after ``_OWNER_BEFORE``; then
    ``_OWNER_AFTER``, a digit or the end), longest first at each start: (start, words)."""
    for at in range(len(text) - 1):
        if not (at == 0 or any(text.endswith(b, 0, at) for b in _OWNER_BEFORE)):
            continue
        for k in range(min(8, len(text) - at), 1, -1):
            w = text[at:at + k]
            if not all(is_cjk(c) for c in w) or set(w[:-1]) & _NOT_IN_PLACE:
                continue
            rest = text[at + k:]
            if rest and not rest.startswith(_OWNER_AFTER) and not rest[0].isdigit():
                continue
            yield at, w


def _place_like_window(r: Reading, suffixes: tuple[str, ...]) -> bool:
    """Some owner window is shaped like a place without reading the plans' notices: a known place, a word ending with a
    place suffix, or one a plan's title words write with a suffix after it (开封 of 开封市…) — cheap (titles are kept per
    corpus); only then are the plans' own words read (``plan_about``)."""
    titles = None
    for at, w in _owner_windows(r.text):
        if w in r.words["places"] or any(w.endswith(s) and len(w) - len(s) >= 2 for s in suffixes):
            return True
        if r.text[at + len(w):].lstrip("的").startswith(_OWNER_PLAN):
            return True  # (蔡甸的方案, 开封那个方案: words owning a plan — its notice may be what names the place)
        if titles is None:
            titles = [t for _, t in _plan_titles(r.plan)]
        if any(w + s in t for t in titles for s in suffixes):
            return True
    return False


def read_place_of_plan(r: Reading) -> bool:
    """重庆的方案里… / 开封那个方案的文号 / 市商务局在开封的方案里…: a place standing as the owner
    of what is asked (at the question's start or after 在/关于…, followed by 的/那个/a plan mark…) that is the own place of
    some loaded plans but not all (``plan_about``: their title, cover notice, page lines) names those plans — the answer
    is theirs alone (one plan: ``Query.plan``), never another plan's number, targets or tasks.  A place is a known one
    (shapes.yaml ``places``), or 2+ characters a plan's own words write with a place suffix after them (开封 of 开封市) or
    that end with one (苏州工业园区).  A place every loaded plan is about (one plan loaded, its place written only in its
    notice) restricts nothing but is no other place (已载入的方案不涉及“重庆” was said on 重庆's own plan).  True when it
    named some plans."""
    suffixes = tuple(r.words["place_suffixes"]) + ("区", "新区", "园区", "旗")
    text, named, words = r.text, set(), ""
    if not _place_like_window(r, suffixes):
        return False  # (no window shaped like a place: the plans' own words are not read — 1,000 documents decoded)
    about = plan_about(r.plan)  # (one plan loaded: its own place is no other place — 重庆 written only in its notice)
    at = 0
    while at < len(text) - 1:
        if not (at == 0 or any(text.endswith(b, 0, at) for b in _OWNER_BEFORE)):
            at += 1
            continue
        found = None
        for k in range(min(8, len(text) - at), 1, -1):
            w = text[at:at + k]
            if not all(is_cjk(c) for c in w) or set(w[:-1]) & _NOT_IN_PLACE:
                continue
            rest = text[at + k:]
            if rest and not rest.startswith(_OWNER_AFTER) and not rest[0].isdigit():  # (开封2022年的目标)
                continue
            end_suffix = next((s for s in suffixes if w.endswith(s) and len(w) - len(s) >= 2), None)
            place = w in r.words["places"] or end_suffix is not None
            docs = {d for d, a in about if (w in a if place else any(w + s in a for s in suffixes))}
            if docs:
                found = (w, docs)
                break
        if found is None:
            at += 1
            continue
        w, docs = found
        named |= docs
        words += w
        at += len(w)
    if not named:
        return False
    if len(named) == len(about):
        pass  # (every plan loaded is that place's: the place restricts nothing, and is no other place nor a topic)
    elif len(named) > 1:  # (重庆和开封的方案…: both plans, every item naming its plan)
        r.query.plans = [d for d, _ in about if d in named]
    else:
        r.query.plan = next(iter(named))
    r.plan_words = words
    return True


def plans_of_place(plan, word: str, words: dict) -> list[str]:
    """The loaded plans a place names (``plan_about``: their titles, notices, signatures): ``word`` itself where it is
    a known place or ends with a place suffix (桐溪县), else ``word`` written with a suffix (湖州 of 湖州市人民政府办公室);
    [] when it names none — or every one (then it chooses nothing)."""
    if len(word) < 2 or not all(is_cjk(c) for c in word):
        return []
    suffixes = tuple(words["place_suffixes"]) + ("区", "新区", "园区", "旗")
    about = plan_about(plan)
    place = word in words["places"] or any(word.endswith(s) and len(word) - len(s) >= 2 for s in suffixes)
    docs = [d for d, a in about if (word in a if place else any(word + s in a for s in suffixes))]
    return docs if len(docs) < len(about) else []


#: A place name in a plan's title: 2–3 characters before 市/区/县/省 (自贡市, 松江区).
_TITLE_PLACE = LazyPattern(r"([\u4e00-\u9fff]{2,3})(市|区|县|省)")


def _place_owning_the_topic(r: Reading) -> str | None:
    """北京的海外人才引进政策谁牵头 (广州's plan): a place opening the question as the owner of what is asked (P的…,
    在P…) that the loaded plans are not about — their titles, cover notes and opening lines name places, this one
    not — though a paragraph may mention it in passing (北京大学).  A plan naming no place (a national one) is about
    every place, so nothing is said then."""
    m = re.match(r"在?([\u4e00-\u9fff]{2,4}?)(市|省)?的", r.text)
    if m is None:
        return None
    place = m.group(1)
    # a known place (北京), or one shaped like the plans' own (嘉定区 beside 松江区 …), never written in them
    suffix = place[-1] if len(place) >= 3 and place[-1] in "市区县" and not set(place[:-1]) & _NOT_IN_PLACE else None
    if place not in r.words["places"] and (suffix is None or place in r.plan_text):
        return None
    own = False
    for doc in r.plan.documents:
        opening = [t.text for t in r.plan.document_opening(doc.id, 2) if t.kind != "task"]
        about = fold(" ".join([doc.title, doc.preface or "", *opening]))
        title = fold(doc.title)
        if place in about or any(w in title or w.endswith("发") and w + "〔" in about for w in r.words["national_issuers"]):
            return None  # (a national plan — its title's issuer, its number 国发〔…〕 — is about every place)
        named = [g + k for g, k in _TITLE_PLACE.findall(about) if not set(g) & _NOT_IN_PLACE]
        own = own or (any(n.endswith(suffix) for n in named) if suffix else
                      any(map(about.__contains__, r.words["places"])) or bool(named))
    return place if own else None


def read_plan_named(r: Reading) -> None:
    """在人才集聚方案中… / 自贸试验区措施里… / 综保区意见里…: a plan named by words of its title (only when several plans
    are loaded).  A name the scan cut from the question (农机化指导意见中…: kb.qa.question.cut_plan_name) names its plan
    whatever follows.  Else the words right before a plan mark (shapes.yaml ``plan_marks``) are matched against each
    plan's title by ``kb.qa.question.abbreviates`` (a title fragment, or a common short form whose characters open
    the title's words in order: 自贸 ⊂ 自由贸易, 综保 ⊂ 综合保税); the plan matched by the longest such words names the
    plan, a tie names none.  A question clearly naming a plan (…方案里 / 在…意见中) that matches no loaded plan is asked
    back (``outside`` = ``unknown_plan``), never answered from every plan (issue #11: 自贸试验区 for 自由贸易试验区 mixed
    in another plan's tasks)."""
    if getattr(r.facts, "division_named", None):
        # 在行动计划中…: one document of a file holding several (kb.qa.question.cut_division_name)
        r.query.plan, r.query.division = r.facts.division_named
        return
    if len(r.plan.document_ids()) < 2 or r.query.plan:  # (a stored plan answers without reading 1,000 documents;
        return  # a place named the plan: read_place_of_plan)
    if getattr(r.facts, "plan_named", None):
        r.query.plan, r.plan_words = r.facts.plan_named, r.facts.plan_name
        return
    from kb.qa.question import abbreviates

    marks = [(at, mark) for mark in r.words["plan_marks"] if (at := r.text.find(mark)) >= 2]
    if not marks:
        return  # no plan mark after two characters: nothing below can match (and no plan is read)
    titles = _plan_titles(r.plan)
    # Which titles hold each character of the question, found once: ``abbreviates`` holds only when every character
    # of the words stands in the title, so each window of the question is tried only on the titles holding all of
    # its characters (at 1,000 plans every window was tried on 1,000 titles).
    holding = {c: {n for n, (_, title) in enumerate(titles) if c in title} for c in set(r.text)}
    best, score, named, tie, clear = None, 0, "", False, ""
    for at, mark in marks:
        kind = mark.rstrip("中里的")  # 方案中 → 方案: the kind is part of the name (综保区意见 ≠ …若干措施)
        opener = max((r.text.find(b) + len(b) for b in _PLAN_NAME_OPENERS if 0 <= r.text.find(b) < at), default=0)
        # the name with its kind (自贸试验区措施), else the words before it (在综合保税区的意见里: before 的)
        for end in (at + len(kind), at - 1 if r.text[at - 1] == "的" else at):
            # (two characters name a plan only right after an opener and before 的: 区规划资源局在崇明的方案里 — a
            # place; the scan cuts such a name only at the question's start)
            shortest = 2 if end == at - 1 and opener and end - opener == 2 else 3
            for start in range(max(opener, end - 16), end - shortest + 1):
                words = r.text[start:end]
                if len(words) <= score:
                    break
                if end > at and len(words) - len(kind) < 2:
                    break  # (a kind and one character — 区措施 — names no plan)
                candidates = sorted(set.intersection(*(holding[c] for c in set(words))))
                hits = [titles[n][0] for n in candidates if abbreviates(words, titles[n][1])]
                if hits:
                    best, score, named, tie = hits[0], len(words), words, len(hits) > 1
                    break
        name, stem = r.text[opener:at + len(kind)], r.text[opener:at]
        if (len(stem) >= 3 and kind != mark and not set(name) & _NOT_A_PLAN_NAME and name not in r.plan_text
                and not any(w in stem for w in ("牵头", "配合", "负责", *r.facts.departments)) and len(name) > len(clear)):
            clear = name  # 在乡村振兴方案里…: a plan named clearly (opener or the question's start, a kind, 里/中)
    if best and not tie:
        r.query.plan = best
        r.plan_words = named  # (the words naming the plan are no topic)
    elif clear and not best:
        r.query.act, r.query.subject, r.query.outside, r.query.outside_words = Act.META, "plans", "unknown_plan", clear


#: id(plan) → (plan, [(document id, its title words)]): read once per plan object.
_PLAN_TITLES: dict[int, tuple] = {}


def _plan_titles(plan) -> list[tuple[str, str]]:
    """(document id, folded title words) of each loaded plan: its title, and its opening words (a plan whose title was
    not found names itself in its first lines) — read once per plan object, not for each question with a plan mark
    (at 1,000 plans, 1,000 reads of a document's opening paragraphs a question)."""
    held = _PLAN_TITLES.get(id(plan))
    if held is None or held[0] is not plan:
        titles = plan.title_words()  # (a stored plan keeps them per corpus: no document read)
        _PLAN_TITLES.clear()
        _PLAN_TITLES[id(plan)] = held = (plan, titles)
    return held[1]


#: An attachment asked by its place (第一个附件, 第2个附件, 附件2, 附件二) or as a list or count (有哪些附件, 附件有几个).
_ATTACHMENT_ASK = LazyPattern(r"第([一二三四五六七八九十\d]{1,3})(?:个|份|项)?附件|附件([一二三四五六七八九十\d]{1,3})(?:是|叫|名称|的名称|的标题)"
                              r"|(?:哪些|哪几个|哪几份|几个|几份|多少个)附件|附件(?:有|包括|包含|是|叫|都有|一共|共)")


def read_notice_ask(r: Reading) -> None:
    """附件有哪些 / 第一个附件是什么 / 根据什么文件制定的 / 同时印发了哪些文件: what the plan's cover notice or preamble says
    of it (``Query.notice``), for the plans asked (the one a place or title named, else every plan).  Attachments are
    read from the notice's 附件 list only where the plans asked hold no annex after their body (kb.qa.query
    read_annex_named answers those); asked of a plan whose notice lists none, the annex reader says so."""
    q = r.query
    if q.act is not None or q.outside:
        return
    text = r.text
    from kb.qa.exec_plan import notice_of

    docs = [d for d in r.plan.documents if (not q.plan or d.id == q.plan) and (not q.plans or d.id in q.plans)]
    subject = basis_subject(text, r.words)
    if subject and subject.endswith((*r.words_voc("document_kinds"), "预案")):
        subject = ""  # (重庆的方案是根据什么文件制定的: a plan named by its place or kind — the plan's basis)
    if subject and not r.facts.departments:
        # 加快淘汰老旧车辆要落实哪个文件: the documents the items on those words cite (exec_plan.exec_cited_documents)
        q.notice, q.notice_subject = "cited", subject
    elif _has(text, r.words["basis_asks"]) or subject == "":
        q.notice = "basis"
    elif _has(text, r.words["plan_period_asks"]) and not r.facts.departments:
        q.notice = "period"
    elif _has(text, r.words["issued_with_asks"]):
        q.notice = "issued_with"
    elif _scope_asked(text, r.words) and not r.facts.departments:
        q.notice = "scope"
    else:
        m = _ATTACHMENT_ASK.search(text)
        if m is None or r.facts.departments:
            return
        held = {doc_id for doc_id, annexes in r.plan.document_annexes() if annexes}
        if any(d.id in held for d in docs) or not any(notice_of(d, r.plan).attachments for d in docs):
            return  # (annexes after the body: their own reader; no list in any notice: the annex reader says none)
        q.notice = "attachments"
        k = m.group(1) or m.group(2)
        if k:
            from kb.numerals import cn_number

            q.notice_k = int(k) if k.isdigit() else cn_number(k)
    q.act, q.subject = Act.META, "notice"


def read_content_ask(r: Reading) -> None:
    """行业信用体系要覆盖哪些机构和人员 / 本预案适用于哪些单位 (asks8, s17): a content verb (覆盖/适用于/包括 …) right before
    a which-word asks what the thing covers — the clause listing them answers (quoted), never who is responsible for
    the thing: the who the scan read from 哪些机构 is dropped.  A unit named, or 由/负责 in the question, keeps it."""
    f = r.facts
    if "who" not in f.flags or f.departments or f.roles:
        return  # (加快淘汰老旧车辆的责任单位包括哪些 / 配合单位包括哪些: a role named — a who-question)
    for verb in r.words["content_verbs"]:
        at = r.text.find(verb)
        if at < 0:
            continue
        rest = r.text[at + len(verb):]
        before = r.text[:at].rstrip("要应需将还都")
        if before.endswith(tuple(r.words["department_subject"])) or before.endswith(("单位", "部门", "机构")):
            continue  # (成员单位包括哪些: the units themselves are asked)
        if any(rest.startswith(w) for w in r.words["content_which"]) and not any(
                x in r.text for x in ("由谁", "负责", "牵头", "谁来")):
            f.flags.discard("who")
            return


def read_units_compared(r: Reading) -> None:
    """市生态环境局和市公安局哪个牵头的任务多 (asks8, s17): two or more units named, a which-word (哪个/谁) and then a
    comparison (多/更少) — each unit's count in the role asked, the larger (or smaller) named (``Query.aggregate`` most /
    least over the named units); was their shared tasks, "共同牵头的任务（涉及多）"."""
    q = r.query
    if len(q.departments) < 2 or q.act is not None or q.outside:
        return
    for which in r.words["compare_which"]:
        at = r.text.find(which)
        if at < 0:
            continue
        rest = r.text[at + len(which):]
        more = _has(rest, r.words["compare_more"])
        less = _has(rest, r.words["compare_less"])
        if more or less:
            word = more or less
            q.aggregate = "most" if more and (not less or rest.find(more) <= rest.find(less)) else "least"
            q.topic = [w for w in q.topic if w not in (word, "多", "少", "更多", "更少", "任务多", "任务少")]
            return


def _scope_asked(text: str, words: dict) -> bool:
    """这个方案适用于哪些范围 / 本预案的适用范围是什么: a scope ask (shapes.yaml ``scope_asks``) with nothing before it but the
    plan itself (``basis_plan_words``) and nothing after it but asking words — the plan's own scope, not a thing's (措施九
    适用于哪个片区, 适用于福建自贸试验区的措施 keep their readings)."""
    ask = next((w for w in sorted(words["scope_asks"], key=len, reverse=True) if w in text), None)
    if ask is None:
        return False
    at = text.find(ask)
    before = text[:at]
    for word in sorted(words["basis_plan_words"], key=len, reverse=True):
        before = before.replace(word, "")
    after = re.sub(r"哪些|哪个|哪|些|个|什么|是|有|的|范围|对象|领域|地区|区域|单位|内容|呢|吗|？|\?", "", text[at + len(ask):])
    return not before.strip("，,、 ") and not after


def basis_asked(text: str, words: dict) -> bool:
    """A basis ask written apart (asks8, s17): a basis verb (根据/依照/贯彻 …), then within 8 characters a which-word
    and within 4 more a document noun (是根据市里哪个文件制定的, 依照国家哪份文件出台的, 为了贯彻哪部条例), with nothing
    but the plan itself before the verb (这个实施意见是 / 本预案 / 方案是为了: shapes.yaml ``basis_plan_words``) — a
    task named there (加快淘汰老旧车辆要落实哪个文件) asks that task's document, not the plan's basis (cited_subject)."""
    return basis_subject(text, words) == ""


#: What may stand between a task's words and the basis verb asked of it (X要落实哪个文件, X应当依据什么规定).
_BASIS_FILLERS = ("需要", "应当", "必须", "要", "需", "应", "得", "是", "都", "还", "的")


def basis_subject(text: str, words: dict) -> str | None:
    """The words before a basis ask's verb (verb, which-word within 8, document noun within 4 more — shapes.yaml
    ``basis_verbs`` / ``basis_which`` / ``basis_documents``), the plan's own words and fillers left out: "" when the plan
    itself is asked (这个方案是根据哪个文件制定的), a task's words when one is (加快淘汰老旧车辆要落实哪个文件 →
    加快淘汰老旧车辆: the documents ITS text cites, reading8 s18), None with no basis ask."""
    found = None
    for verb in words["basis_verbs"]:
        at = text.find(verb)
        if at < 0:
            continue
        rest = text[at + len(verb):]
        which = min(((rest.find(w), w) for w in words["basis_which"] if 0 <= rest.find(w) <= 8), default=None)
        if which is None:
            continue
        after = rest[which[0] + len(which[1]):][:4 + max(map(len, words["basis_documents"]))]
        if not any(0 <= after.find(d) <= 4 for d in words["basis_documents"]):
            continue
        before = text[:at]
        for word in sorted(words["basis_plan_words"], key=len, reverse=True):
            before = before.replace(word, "")
        before = before.strip("，,、 ")
        if not before:
            return ""
        subject = text[:at].rstrip("，,、 ")
        while subject.endswith(_BASIS_FILLERS):
            subject = subject[:-len(next(f for f in _BASIS_FILLERS if subject.endswith(f)))]
        if found is None and len(subject) >= 2:
            found = subject
    return found


#: What stands before a plan's name (在…方案里, 按照…意见, 根据…通知): the name starts after it.
_PLAN_NAME_OPENERS = ("按照", "根据", "在", "《")
#: Characters of question words and pointers: no plan's name holds one (这个方案里, 哪个意见中, 其他方案里).
_NOT_A_PLAN_NAME = frozenset("哪谁什么几多少这那该此其吗呢各每本上下前后另的")


def read_references(r: Reading) -> None:
    """Label, part, section, ordinal, date and item asked, as the scan found them."""
    f, q = r.facts, r.query
    if f.ordinal is not None and f.ordinal_unit is None:
        _ordinal_in_a_word(r)
    q.label, q.part, q.section, q.ordinal, q.item = f.label, f.part, f.section, f.ordinal, f.item_ask
    if (q.label or q.ordinal is not None) and q.item is None:
        # 第3项谁负责 / 三（二）有几项 / 第一项是什么: what is asked of the cited item
        q.item = "departments" if "who" in f.flags or f.roles else "count" if "count" in f.flags else "text"
    q.within = "within" in f.flags
    q.excluded = list(f.excluded)
    if f.date is not None and not _year_names_plan(r, f.date) and not _base_year(r, f.date):
        q.dates = date_span(f.date)
        q.cumulative = _has(r.text, r.words["due_cumulative"]) is not None


def _base_year(r: Reading, d) -> bool:
    """要比2015年下降多少 / 较2015年 / 与2015年相比: the year is the base a change is measured from, not the target's
    year (the bundled plan's PM2.5 target 较考核基准年（2015年）下降27.9% is for 2020: asked with 2015 it was said to be
    absent).  Only a year alone (2015年), a word of ``base_before`` right before it or ``base_after`` right after it."""
    text = getattr(d, "text", "") or ""
    if not re.fullmatch(r"\d{4}年", text):
        return False
    at = r.text.find(text)
    if at < 0:
        return False
    before, after = r.text[:at], r.text[at + len(text):]
    return (any(before.endswith(w) for w in r.words["base_before"])
            or any(after.startswith(w) for w in r.words["base_after"]))


#: Where the words naming a plan end (2023年分解表里, 2006年重点工作事项中).
_PLAN_NAME_END = LazyPattern(r"[里中内]")


def _year_names_plan(r: Reading, d) -> bool:
    """广州2006年重点工作事项里… / 2023年分解表里X负责什么: a year standing in words of a loaded plan's title
    names the plan (its year), not a deadline — filtering the tasks by it would answer "共 0 项". The year must be
    in a title, and either a run of the question around it (the year and 2+ more characters) stands in that
    title, or the words after it, up to 里/中/内, share two characters with it (分解表里 → 责任分解(2023年)).
    2019年要完成哪些任务 is no plan's name: the year filters."""
    if d.mode != "in":
        return False
    year = f"{d.year}年"
    at = r.text.find(year)
    if at < 0:
        return False
    titles = [fold(t) for _, t in r.plan.document_titles()]
    titles = [t for t in titles if str(d.year) in t]
    if not titles:
        return False
    end = at + len(year)
    for t in titles:
        # a run of the question holding the year and 2+ characters either side (松江区城市更新2025年度实施计划)
        for lo in range(max(0, at - 8), at + 1):
            for hi in range(min(len(r.text), end + 8), end - 1, -1):
                if hi - lo >= len(year) + 2 and r.text[lo:hi] in t:
                    return True
        # the words after the year naming a plan, up to 里/中/内 (2023年分解表里)
        m = _PLAN_NAME_END.search(r.text, end, end + 9)
        if m and m.start() - end >= 2:
            words = r.text[end:m.start()]
            if any(words[k:k + 2] in t for k in range(len(words) - 1)):
                return True
    return False


#: 第 and a number with no unit after it (第五航权, 第一书记): maybe a word of the plan, not an ordinal.
_BARE_ORDINAL = LazyPattern(r"第(?:\d+|[一二两三四五六七八九十]{1,3})")


def _ordinal_in_a_word(r: Reading) -> None:
    """第五航权: 第N with no unit, joined to the topic word right after it, is a word the plan writes — a topic,
    not the plan's fifth item."""
    f = r.facts
    m = _BARE_ORDINAL.search(r.text)
    if m is None:
        return
    after = r.text[m.end():]
    for k, word in enumerate(f.topic):
        if after.startswith(word) and m.group(0) + word in r.plan_text:
            f.topic[k] = m.group(0) + word
            f.ordinal = f.item_ask = None
            return
    # 谁是第一责任人: the scan took 责任 as a role word, so no topic word follows 第一 — the longest run after it (2+
    # characters) that the plan writes with it, or a post (shapes.yaml ``posts``) whether the plan writes it or not, is
    # the word (主要负责人是本辖区第一责任人), not the plan's first item
    for n in range(min(len(after), 8), 1, -1):
        word = m.group(0) + after[:n]
        if word in r.plan_text or word in r.words["posts"]:
            f.topic = [w for w in f.topic if w not in word] + [word]
            f.roles = [x for x in f.roles if x != "any"] if any(x in after[:n] for x in ("责任", "负责")) else f.roles
            f.ordinal = f.item_ask = None
            return


def read_year_held(r: Reading) -> None:
    """A calendar year asked (2021年的目标, 2024年要完成哪些任务, 到2030年要完成哪些任务, 到2035年…要达到多少) that no
    plan's text states: not in the plan (answered with the years the plans do state), never another year's goals,
    an empty list, or every task due by an earlier year the plan does set (到2025年 in a plan that ends in 2020:
    the plan says nothing of 2025 — listing its 2020 tasks as due "by 2025" answers what it does not address).
    Every year of the span counts: the year it ends by, and the year a range starts in."""
    q = r.query
    span = q.dates
    if q.outside or span is None or not (span.first or span.last):
        return
    # the years of the span: the one it ends by (到2025年), it falls in (2024年), it starts in (2019年起), or every
    # year of a range (2020年至2021年: one of them stated is enough — the plan's tasks of 2020 answer it)
    first, last = int((span.first or span.last)[:4]), int((span.last or span.first)[:4])
    years = [str(y) for y in range(first, last + 1)] if span.first and span.last else [str(last)]
    if not any(y in r.plan_text for y in years):
        from kb.qa.executors import years_stated

        # (a year only an item's limit states — 完成时限：2017年6月底 read into the limit, out of the text — is held)
        held = years_stated(r.plan)
        if not any(f"{y}年" in held for y in years):
            q.act, q.subject, q.outside, q.outside_words = Act.META, "plans", "year", f"{years[-1]}年"


def read_date_node(r: Reading) -> None:
    """哪些任务有2019年的时间节点 / 2025年7月有哪些时间节点: a year or month asked with a word for a time node
    (``node_asks``) selects every task naming a date in it — a start as well as a limit (DateSpan test ``node``)."""
    q = r.query
    span = q.dates
    if span is None or q.outside or not span.last or span.test != "due" or not _has(r.text, r.words["node_asks"]):
        return
    first = span.first
    if first is None and not any(c in span.text for c in "前底到至截止"):
        # 2025年7月 read as the day a span ends by: a time node in that month (or year)
        first = span.last[:8] + "01" if "月" in span.text else span.last[:4] + "-01-01"
    if first and first[:4] == span.last[:4]:
        q.dates = DateSpan(first, span.last, "node", span.text)


def date_span(d) -> DateSpan:
    """The DateSpan of the scan's DateAsk: 2019年 → due in 2019; 2020年底前 → due by its last day;
    2019年起 → starts in 2019; 2018年至2020年 → due between (the one date test of kb/select.py)."""
    if d.mode == "from":
        return DateSpan.year(d.year, "starts", d.text)
    if d.mode == "by":
        if "月" in d.text and not any(c in d.text for c in "前底到至止以"):
            # 2024年3月要完成什么 / 2024年3月到期的: a month named alone, as a year alone, is the period things fall due
            # in (= that month); 前/底前/之前/以前/截至 name a day things are due by (≤, earlier ones too)
            return DateSpan(d.iso[:8] + "01", d.iso, "due", d.text)
        return DateSpan(None, d.iso, "due", d.text)
    if d.mode == "between":
        return DateSpan(f"{d.year:04d}-01-01", d.iso, "due", d.text)
    return DateSpan.year(d.year, "due", d.text)


def read_departments(r: Reading) -> None:
    """Departments named, each with the role named after it (else the question's role); the level asked."""
    f = r.facts
    r.query.departments = [DeptAsk(n, f.department_roles.get(n, f.role)) for n in f.departments]
    r.query.level = getattr(f, "level", "")


#: Punctuation a typed heading may use for the plan's (、 for ，, a space, none): folded away when a phrase is compared
#: with a heading.
_HEADING_PUNCT = LazyPattern(r"[，,、；;。．.：:\s“”\"'‘’]")


def _named_body(unresolved):
    """The first unresolved name written as a body's full name with its level (区公安局, 县生态环境局: kb.registry
    name_level), else None."""
    from kb.registry import name_level

    return next((res for res in unresolved if res.how != "ambiguous" and name_level(res.query)), None)


def _bare_heading(text: str) -> str:
    return _HEADING_PUNCT.sub("", text)


#: id(plan) → (plan, (every heading's clauses and whole heading, punctuation folded away)): read once per plan object.
_HEADING_CLAUSES: dict[int, tuple] = {}


def heading_clauses(plan) -> tuple[str, ...]:
    """The part and section headings of the plan, folded, with their punctuation folded away, and each of their
    clauses (between ，、；): what a phrase naming a heading may be (打造检测维修中心 of （四）延伸产业链条，打造检测维修中心)."""
    held = _HEADING_CLAUSES.get(id(plan))
    if held is None or held[0] is not plan:
        out: dict[str, None] = {}
        for _, parts, sections in plan.document_outlines():
            for _, title in (*parts, *sections):
                folded = fold(title or "")
                out[_bare_heading(folded)] = None
                for clause in re.split(r"[，,、；;。]", folded):
                    out[_bare_heading(clause)] = None
        _HEADING_CLAUSES.clear()
        _HEADING_CLAUSES[id(plan)] = held = (plan, tuple(h for h in out if len(h) >= 4))
    return held[1]


def read_heading_phrase(r: Reading) -> None:
    """打造检测维修中心包括哪些任务: a phrase shaped like a unit's name (it ends in 中心) that the plan does not know as a unit
    but writes as a heading — a whole part or section heading or one of its clauses, punctuation folded (、 typed for
    ，) — is that heading's words, not a unit to which the plan "assigns nothing": it goes back to the topic, where
    read_heading finds the heading.  A phrase that does not even end like a unit (市区道路施工, shaped by its start
    only) is never asked as a unit either (its "no tasks for this unit" would be false): a topic too; so is a name the
    plan writes asked when, with no role (低空飞行服务站什么时候建成: 2019年底前建成低空飞行服务站2个)."""
    f = r.facts
    if not f.unresolved:
        return
    from kb.qa.vocab import load_vocabulary

    endings = tuple(load_vocabulary().words["department_endings"])
    heads = None
    kept = []
    for res in f.unresolved:
        if res.how == "ambiguous":
            kept.append(res)
            continue
        name = _bare_heading(fold(res.query))
        if heads is None:
            heads = heading_clauses(r.plan)
        if len(name) >= 4 and any(name == h or name in h for h in heads) or not res.query.endswith(endings) or (
                "when" in f.flags and not [x for x in f.roles if x != "any"] and res.query in r.plan_text):
            # (低空飞行服务站什么时候建成: a when-question with no role, about a name the plan writes — a thing it builds,
            # not a unit whose tasks are asked)
            f.topic.append(res.query)
            continue
        kept.append(res)
    f.unresolved = kept


#: A who-word, then (later) 的 and at most three characters of a modifier right before a role word: the role word is
#: the head noun of the thing asked (谁负责数据专区建设和应用的总体指导), no role asked of a unit.
_WHO_THEN_OF = LazyPattern(r"(?:谁|哪个|哪些|哪家|哪一|什么部门|什么单位).*的[\u4e00-\u9fff]{0,3}$")


def role_word_is_object(before: str, word: str, verbs: tuple[str, ...]) -> bool:
    """A role word after 对… and a verb taking it as its object (对医疗机构…进行指导和监督: shapes.yaml
    ``role_object_verbs``, before it or opening it — 进行指导) is a word of the clause asked, no role of a unit; so is
    one heading the noun phrase a who-question asks about (谁负责数据专区建设和应用的总体指导: 的 + 总体 before 指导, a who-word
    before them — holdout15 was told the plan gives nobody a 指导 role); 秸秆禁烧的牵头单位是谁 (the who-word after) keeps it."""
    return (before.endswith(verbs) or word.startswith(verbs)) and "对" in before or bool(_WHO_THEN_OF.search(before))


_NEGATION_LEFTOVER = LazyPattern(r"^[不是也既非又而却只仅]+$")


def read_role_compound(r: Reading) -> None:
    """资金支持 / 技术支持 / 政策支持: a role word glued after a noun that the plan writes together with it, no unit named
    and no unit asked (谁, 哪些部门 …), is part of a noun — 哪些项目有资金支持 asks of 资金支持, not of the supporting units
    (holdout16, ROUTED reading5 b: read as the 配合 role)."""
    f, text = r.facts, r.text
    if f.departments or f.unresolved or "who" in f.flags or not f.roles:
        return
    endings = tuple(r.words["body_endings"]) + ("部门", "单位")
    from kb.qa.vocab import load_vocabulary

    voc = load_vocabulary()
    for role in ("support", "lead", "guide"):
        if role not in f.roles:
            continue
        for word in voc.roles.get(role, ()):
            at = text.find(word)
            if at < 2 or not all(is_cjk(c) for c in text[at - 2:at]):
                continue
            noun = text[at - 2:at]
            if noun + word not in r.plan_text or text.count(word) > 1 or noun.endswith(endings) or noun[-1] in "局委办厅部":
                continue  # (务局牵头 of 市务局牵头: a unit's name, however mistyped, before its role)
            f.roles = [x for x in f.roles if x != role]
            f.topic = [noun + word if t.endswith(noun) and noun + word in text else t for t in f.topic]
            if not any(noun + word in t for t in f.topic):
                f.topic.append(noun + word)
            break


def read_negated_roles(r: Reading) -> None:
    """哪些任务是一家负责的，不是牵头也不是配合: a role word after a negation (shapes.yaml ``not``: 不是, 也不 …) beside a role
    asked plainly restates what that role is not — the tasks of the plain role are asked (sole), never tasks holding the
    negation's words as a topic (was: 没有涉及“不、牵头也不”).  Questions about departments (部门/单位: 只配合不牵头的部门)
    are read_department_set's; a question with only negated roles is left as read."""
    f, text, w = r.facts, r.text, r.words
    if r.query.act is not None or _has(text, w["department_subject"]) or "部门" in text or "单位" in text:
        return
    from kb.qa.vocab import load_vocabulary

    voc = load_vocabulary()
    for d in r.query.departments:  # (a role word inside the unit's name asks nothing)
        text = text.replace(fold(d.name), "")
    negated, plain = set(), set()
    for role in ("lead", "support", "sole", "shared", "guide"):
        for word in voc.roles.get(role, ()):
            for m in re.finditer(re.escape(word), text):
                before = text[max(0, m.start() - 3):m.start()]
                (negated if any(map(before.__contains__, w["not"])) else plain).add(role)
    negated -= plain
    if not negated or not plain - {"any"}:
        return
    f.roles = [x for x in f.roles if x not in negated]
    if f.departments:
        # 市公安局不是牵头而是配合的任务 / 只配合不牵头的任务: its items in the plain role, less every item where it
        # holds a negated one (kb.qa.exec_departments drops them and says so) — the negation was dropped (review-qadiff n1)
        r.query.without_roles = [x for x in ("lead", "support", "sole", "shared", "guide") if x in negated]
    words = [x for ws in (voc.roles[role] for role in negated) for x in ws]
    kept = []
    for t in f.topic:
        bare = t
        for x in sorted(words, key=len, reverse=True):
            bare = bare.replace(x, "")
        if bare and not _NEGATION_LEFTOVER.match(bare):
            kept.append(t)
    f.topic = kept


def read_roles(r: Reading) -> None:
    """Roles asked (指导 included: a role the scan does not know)."""
    roles = [x for x in dict.fromkeys(r.facts.roles) if x != "any"]
    text = r.text
    for d in r.query.departments:  # 指导 inside a unit's name (绿化指导站负责什么) asks no guide role
        text = text.replace(fold(d.name), "")
    # (对医疗机构…进行指导和监督: the object of 对…进行, the clause asked — role_word_is_object, as question._role_in_place)
    verbs = tuple(r.words["role_object_verbs"])
    for w in r.words["guide"]:
        at = text.find(w)
        while at >= 0:
            if role_word_is_object(text[:at], w, verbs):
                text = text[:at] + "\x00" * len(w) + text[at + len(w):]
            at = text.find(w, at + 1)
    if _has(text, r.words["guide"]) and "guide" not in roles:
        roles.insert(0, "guide")
        for d in r.query.departments:
            d.role = "guide"
    r.query.roles = roles


#: Demonstratives left alone by the scan (那项任务 → 那): they point, they name no topic.
_POINTERS = frozenset("这那该此其哪某")


#: A demonstrative and a word for a piece of the plan ending a topic word (壮大市场主体那部分, 农机人才培养这一块):
#: the words before it name a heading; the filler points at it and names nothing.
_FILLER = LazyPattern(r"[这那该此][一个]?(?:部分|块|方面|节|章|段|板块|大块)$")


def read_topic(r: Reading) -> None:
    """Topic words and whether any of them suffices."""
    if any(_FILLER.search(w) for w in r.facts.topic):
        # (the filler marks the words as an area of the plan: read_heading looks for a heading)
        r.facts.topic = [w for w in (_FILLER.sub("", w) for w in r.facts.topic) if w]
        r.facts.flags.add("area")
    if any(map(_POINTERS.__contains__, r.facts.topic)):
        r.facts.topic = [w for w in r.facts.topic if w not in _POINTERS]
    # (a word for a piece of the plan standing alone — 保障措施部分, 组织实施这一部分 — names no topic: the part named is)
    pieces = r.words_voc("part_units") + r.words_voc("section_marks")
    r.facts.topic = _edge_restored(r, r.facts.topic)
    # (工作目标列了几个指标: a word of a count that asks nothing of it — 列, 写了, shapes.yaml plan_count_words — is no topic:
    # 涉及“列”的任务 was the answer; routed from holdout15)
    counted = "count" in r.facts.flags or _COUNT_OF_ITEMS.search(r.text) is not None
    fillers = set(r.words["plan_count_words"]) if counted else set()
    r.query.topic = [w for w in r.facts.topic if not (r.plan_words and w in r.plan_words + "方案计划意见通知")
                     and w not in pieces and w not in fillers]
    r.query.topic_any = "topic_any" in r.facts.flags


def _edge_restored(r: Reading, words: list[str]) -> list[str]:
    """Topic words with the character the scan cut off their start put back when the plan writes the word with it
    (有序扩大家庭医生来源: 有 was cut as if it opened 有哪些, leaving 序扩大…; 应用场景: 应 cut as a modal) — a reader
    never cuts a character off a word the plan writes.  A separator (的, 由, 对 …) is never put back."""
    from kb.qa.vocab import load_vocabulary

    words_ = load_vocabulary().words
    separators, stopwords = words_["separators"], tuple(words_["stopwords"])
    out = []
    for w in words:
        at = r.text.find(w)
        c = r.text[at - 1] if at > 0 else ""
        before = r.text[:at - 1] if at > 0 else ""
        # (the character opens the question or follows a separator / question word: it is no end of another word —
        # 牵头 of …牵头X keeps its 头)
        opens = not before or not is_cjk(before[-1]) or before[-1] in separators or before.endswith(stopwords)
        if (len(w) >= 2 and c and is_cjk(c) and c not in separators and c not in _POINTERS and opens
                and c + w in r.plan_text):
            w = c + w
        out.append(w)
    return out


def read_post(r: Reading) -> None:
    """组长是谁 / 治理工作小组组长由谁担任 / 领导小组组长是谁: a post (shapes.yaml ``posts``) asked with a who-word, of no
    department and no cited item — a fact of a closing part (组织实施, 保障措施) that a sentence of the plan states or not,
    never a topic whose tasks' departments answer (``Query.post``; the topic words before the post name whose post)."""
    q, f = r.query, r.facts
    if "who" not in f.flags or f.departments or q.label or q.ordinal is not None:
        return
    verbs = r.words["post_verbs"]
    for w in q.topic:
        post = next((p for p in r.words["posts"] if w.endswith(p)), None)
        if post is None:
            continue
        before = [x for x in q.topic[:q.topic.index(w)] if x not in verbs]
        q.post = post
        q.post_of = [*before, *([w[:-len(post)]] if len(w) > len(post) else [])]
        start = min((r.text.find(x) for x in q.post_of if r.text.find(x) >= 0), default=r.text.find(w))
        q.post_asked = r.text[start:r.text.find(w) + len(w)] if start >= 0 else w
        return


#: A verb of sending, then (给/至/向/到) a who-word: 报送哪个部门, 移送给谁, 报给谁, 提交至哪个单位.
_SENT_TO = LazyPattern(r"(?:给|至|向|到)?(?:谁|哪个|哪些|哪家|哪一个|什么)")


def read_recipient(r: Reading) -> None:
    """整改方案报送哪个部门 / 要移送哪个部门 / 报给谁: a who-word right after a verb of sending (shapes.yaml
    ``recipient_verbs``) asks the recipient (``Query.recipient``); 由谁报送 (the who-word before it) asks the sender.
    A verb of one character (报) sends only with a word of direction after it (报给谁, 报至哪个部门: ``recipient_to``) —
    报 of 预报 / 通报 / 举报 is none (空气质量预报谁负责 asked a recipient) — and a who-word that a verb of doing follows
    (谁负责, 谁牵头: ``recipient_not_before``) is the subject, never a recipient."""
    if "who" not in r.facts.flags:
        return
    to, doing = tuple(r.words["recipient_to"]), tuple(r.words["recipient_not_before"])
    for verb in sorted(r.words["recipient_verbs"], key=len, reverse=True):
        at = r.text.find(verb)
        while at >= 0:
            end = at + len(verb)
            m = _SENT_TO.match(r.text, end)
            if (m and (len(verb) > 1 or r.text.startswith(to, end))
                    and not r.text.startswith(doing, m.end())):
                r.query.recipient = True
                return
            at = r.text.find(verb, at + 1)


def read_plans_mentioning(r: Reading) -> None:
    """哪个方案提到了拉萨市 / 哪些方案涉及燃气: a which-plan word (shapes.yaml ``which_plan``) with topic words asks which
    loaded plans hold them — never every task of the plans (哪些方案涉及燃气 listed all 103 tasks of five plans)."""
    q, f = r.query, r.facts
    if q.act is not None or f.departments or q.label or q.ordinal is not None:
        return
    asked = _has(r.text, sorted(r.words["which_plan"], key=len, reverse=True))
    if not asked or not [w for w in f.topic if w not in asked and len(w) >= 2]:
        return
    if _has(r.text, r.words["basis_asks"]) or basis_subject(r.text, r.words) is not None \
            or _has(r.text, r.words["issued_with_asks"]):
        return  # (根据什么文件制定的 / 同时印发了哪些文件 / X要落实哪个文件: the notice, preamble or items, read_notice_ask)
    q.act, q.subject, q.mentioning = Act.META, "plans", True
    verb = _has(r.text, r.words["mention_verbs"])
    if verb:
        rest = r.text[r.text.find(verb) + len(verb):].lstrip("了过")
        q.mention_asked = rest.rstrip("？?。！!呢吗的内容规定要求")


def read_enumeration(r: Reading) -> None:
    """试点地区有哪些: a noun (2+ characters, the whole question before an ``enumeration_asks`` word) whose members some
    sentence of the plan enumerates — the executor quotes that sentence; a noun no sentence enumerates is read on."""
    q, f = r.query, r.facts
    if q.act is not None or q.label or q.ordinal is not None or f.date or len(f.topic) + len(f.departments) != 1:
        return
    ask = next((a for a in sorted(r.words["enumeration_asks"], key=len, reverse=True) if r.text.endswith(a)), None)
    noun = r.text[:-len(ask)].rstrip("都") if ask else ""
    if len(noun) < 2 or noun in r.words_voc("task_nouns") or noun not in r.plan_text:
        return
    if f.topic and noun != f.topic[0]:
        return
    from kb.qa.exec_plan import enumerations

    # (试点地区, which the plan's prose also makes a unit with duties: asked as 有哪些 alone, its members are asked —
    # a unit's duties are asked with a duty word, 试点地区负责哪些工作)
    if enumerations(r.plan, noun, r.words["enumeration_links"]):
        q.act, q.subject, q.enumerated = Act.LIST, "enumerated", noun
        q.departments, q.about = [], None


def person_heads(plan, words: dict) -> list[tuple[str, str, str, str, str]]:
    """(heading line, document id, part number or section label, name, post) of each part or section whose heading
    names a person leading its work — a name (0–4 characters), a post (shapes.yaml ``person_posts``: 县长, 副市长 …)
    and a lead verb (``person_lead_verbs``: 牵头, 主抓, 分管 …) opening the title (一、李明县长牵头重点工作, 一、王纲市长主抓
    重点工作)."""
    held = _PERSON_HEADS.get(id(plan))
    if held is not None and held[0] is plan:
        return held[1]  # (asked after every who-answer: the plan's outline is read once)
    posts = "|".join(map(re.escape, words["person_posts"]))
    verbs = "|".join(map(re.escape, words["person_lead_verbs"]))
    shape = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{0,4}}?)(?P<post>{posts})(?:同志)?(?:{verbs})")
    out = []
    for doc_id, doc_parts, doc_sections in plan.document_outlines():
        for num, title in doc_parts:
            m = shape.match(fold(title))
            if m:
                out.append((f"{num}、{title}", doc_id, num, m.group("name"), m.group("post")))
        for label, title in doc_sections:
            m = shape.match(fold(title))
            if m:
                out.append((heading_line(label, title), doc_id, label, m.group("name"), m.group("post")))
    _PERSON_HEADS.clear()
    _PERSON_HEADS[id(plan)] = (plan, out)
    return out


_PERSON_HEADS: dict[int, tuple] = {}


def read_person_heading(r: Reading) -> None:
    """王芳副县长负责哪些工作 / 王纲市长主抓哪些重点工作 / 县长牵头的工作有几项: a person asked by a post (with the name
    before it or not) whose heading the plan writes as leading its work (person_heads) — the heading's items answer,
    each with its units as its tag gives them (holdout16 cx03: the heading quoted alone; a07 not understood).  Only
    when work is asked (a task noun, a list or a count) and the post is the heading's exactly (县长 is not 副县长); a
    name the question gives must be the heading's.  A post no heading writes so is left to the other readers."""
    q, f = r.query, r.facts
    if q.act is not None or q.heading or f.departments or f.label or f.date or f.ordinal is not None:
        return
    posts = sorted(r.words["person_posts"], key=len, reverse=True)
    post = next((p for p in posts if p in r.text), None)
    if post is None or not (f.flags & {"list", "count"} or _has(r.text, r.words_voc("task_nouns"))):
        return
    at = r.text.find(post)
    asked_name = r.text[max(0, at - 4):at]
    unnamed = not asked_name or asked_name[-1:] in "的那这该本其位"  # (县长牵头的工作: whoever holds the post)
    heads = []
    for line, doc_id, where, name, held in person_heads(r.plan, r.words):
        if held != post or not unnamed and not (name and asked_name.endswith(name)):
            continue
        heads.append((line, doc_id, where))
    if not heads:
        return
    cited = []
    for line, doc_id, where in heads:
        if "（" in where or "(" in where:
            cited += [t.id for t in r.plan.document_tasks(doc_id) if under_heading(where, t.section)]
        else:
            cited += [t.id for t in r.plan.part_tasks(doc_id, where)]
    q.act = Act.COUNT if "count" in f.flags else Act.LIST
    q.heading, q.cited = "、".join(line for line, _, _ in heads), cited
    q.topic, q.search_words, q.roles, q.any_role = [], [], [], False
    q.departments, q.about = [], None


def read_typology(r: Reading) -> None:
    """中小企业分成哪几类 / 签约服务包有哪几种 / 预警级别分为几级: how a noun is divided (the question's division ask,
    kb.qa.question ``division``) — the plan's sentence dividing it (X…分为/划分为 A、B、C: exec_plan.divisions) is the
    answer, quoted with its label, never the list of items holding X (holdout16 c1a: 分成哪几类 was a topic search
    answered with the preface).  The noun is the question's one topic word, or its longest start the plan writes
    (个体户 → 个体 of 个体工商户); a noun no sentence divides is read on as before."""
    q, f = r.query, r.facts
    owner = getattr(r, "plan_words", "") or ""  # (重庆这个方案把个体户…: the place naming the plan is no noun)
    nouns = [w for w in f.topic if not (owner and w in owner)]
    if (q.act is not None or "division" not in f.flags or q.label or q.ordinal is not None or f.date
            or len(nouns) != 1 or f.departments):
        return
    from kb.qa.exec_plan import divisions

    noun = nouns[0]
    verbs = r.words_voc("division_verbs")
    for k in range(len(noun), 1, -1):
        head = noun[:k]
        if head not in r.plan_text:
            continue
        if divisions(r.plan, head, verbs):
            q.act, q.subject, q.enumerated = Act.LIST, "typology", head
        return


def _counted_in_headings(plan, noun: str) -> bool:
    """``noun`` is a counted term (三大标志性体系工程, 五张清单) that a heading of the plan writes (（一）实施三大标志性体系工程):
    the plan's text read by the question reader holds paragraphs, not headings."""
    from kb.qa.named_sets import heading_terms, split_term

    stated, tail = split_term(noun)
    return stated is not None and len(tail) >= 2 and noun in heading_terms(plan, tail)


def read_named_member(r: Reading) -> None:
    """第三张清单包括哪些任务: an ordinal with the noun of a counted term a heading writes (（二）重点落实五张清单 over 1.–5.):
    that member, by its place among them (kb/qa/named_sets.py under_heading) — never the plan's third item of any kind."""
    q, f = r.query, r.facts
    if q.act is not None or f.departments or f.date is not None:
        return
    from kb.numerals import cn_number
    from kb.qa.named_sets import MEMBER_WAYS, heading_terms, named_sets, part_sections, words

    counters = "|".join(map(re.escape, words()["counters"]))
    m = re.search(rf"第([0-9]{{1,2}}|[一二两三四五六七八九十]{{1,3}})(?:{counters})?([\u4e00-\u9fff]{{2,8}}?)"
                  r"(?=包括|包含|有|是|的|里|中|下|分别|都|指|讲|说|写|呢|吗|$)", r.text)
    if m is None:
        return
    k = cn_number(m.group(1))
    if m.group(2) in r.words_voc("task_nouns"):
        return  # (第三项任务 is the plan's third item: read_numbered)
    for term in heading_terms(r.plan, m.group(2), paragraphs=True):
        if any(s.how in MEMBER_WAYS for s in named_sets(r.plan, term)):
            q.act, q.subject, q.enumerated, q.ordinal = Act.LIST, "named_member", term, k
            q.departments, q.about, q.topic = [], None, []
            return
    if part_sections(r.plan, m.group(2)) is not None:
        # 第三个工作步骤: a part titled 工作步骤 counts its sections
        q.act, q.subject, q.enumerated, q.ordinal = Act.LIST, "named_member", m.group(2), k
        q.departments, q.about, q.topic = [], None, []


def read_named_set(r: Reading) -> None:
    """“四个一批”具体指哪四个 / “三项负面清单”是哪三项 / 试点分几个阶段 / 配套文件一共有几个: the members of a term the plan
    counts or a noun a list of the plan spells out (kb/qa/named_sets.py), as a list; a noun whose members no list gives
    is read on."""
    q, f = r.query, r.facts
    if q.act is not None or f.departments or q.label or q.ordinal is not None or f.date is not None:
        return
    from kb.qa.named_sets import named_sets, words

    w = words()
    asks = sorted(w["asks"], key=len, reverse=True)
    at = min((r.text.find(a) for a in asks if a in r.text), default=-1)
    if at < 0:
        return
    counters = "|".join(map(re.escape, w["counters"]))
    nouns = re.findall(r"[“\"]([^”\"]{2,16})[”\"]", r.text)
    after = re.search(rf"(?:几|多少)(?:{counters})([\u4e00-\u9fff]{{2,8}}?)(?:[呢吗？?。]|$)", r.text)
    if after:
        nouns.append(after.group(1))  # (试点分几个阶段 → 阶段)
    before = raw = r.text[:at]
    task_nouns = set(r.words_voc("task_nouns"))
    # 五张清单下一共有多少项具体任务: the paragraphs under the set's members are asked, not the members
    under = re.search(r"(?:之下|当中|下|里|中)$", raw.strip("一共总")) is not None and any(
        n in r.text[at:] for n in task_nouns)
    if under:
        before = raw = re.sub(r"(?:之下|当中|下|里|中)$", "", raw.strip("一共总"))
    for filler in sorted(w["fillers"], key=len, reverse=True):
        before = before.replace(filler, "")
    before = before.strip("“”\" 的是有")
    if before:
        nouns += [before, before.replace("的", ""), before.rpartition("的")[2]]
        # the counted term at its end (城市更新六大行动 → 六大行动), and the words as asked (体检报告主要内容: 主要 is a
        # filler elsewhere, yet part of the lead-in 体检报告主要内容包括：)
        counted_end = re.search(rf"[0-9一二两三四五六七八九十]{{1,3}}(?:{counters})[\u4e00-\u9fff]{{2,8}}$", before)
        if counted_end:
            nouns.append(counted_end.group(0))
        nouns.append(raw.strip("“”\" 的是有"))
    owner, _, tail = before.rpartition("的")
    for noun in dict.fromkeys(n for n in nouns if len(n) >= 2):
        if noun in task_nouns or noun not in r.plan_text and not _counted_in_headings(r.plan, noun):
            continue
        sets = named_sets(r.plan, noun)
        if sets and owner and noun == tail and not any(_owner_in_sentence(owner, s) for s in sets):
            # 工作专班的成员有哪些 where the plan's only 成员由… sentence is the 领导小组's: the owner cut off is no
            # filler — another body's members were the answer (review-qa P1)
            continue
        if sets:
            from kb.qa.named_sets import MEMBER_WAYS

            subject = "named_tasks" if under and any(s.how in MEMBER_WAYS for s in sets) else "named_set"
            if under and subject == "named_set":
                continue  # (the paragraphs under a set given by a sentence are not read: no answer with its members)
            q.act, q.subject, q.enumerated = Act.LIST, subject, noun
            q.departments, q.about, q.topic = [], None, []
            return
    unlisted = _counted_unlisted(r, nouns, w)
    if unlisted:
        # 五大新城是哪五个 where the plan writes 五大新城 and never its members (asks9 s18): the plan does not list
        # them (named_set none) — never a list written elsewhere, nor "not understood"
        q.act, q.subject, q.enumerated = Act.LIST, "named_set", unlisted
        q.departments, q.about, q.topic = [], None, []


#: What follows a counted term asked for its members (是哪五个 / 具体指哪几个 / 分别是什么 / 包括哪些), and nothing else.
_UNLISTED_ASK = LazyPattern(r"^(?:具体|分别|都|主要|一共)*(?:是指|指的是|是|指|包括|包含|有)(?:哪(?:[0-9一二两三四五六七八九十]|几)"
                            r"[个项条类种大批件点张支级家所]?|哪些|什么)[？?呢吗]*$")


#: Characters after which a counted term follows no list of its members (the word before it is no member's end).
_BEFORE_UNLISTED = frozenset("的以为是将把对在有成之其照绕于向和及与据“（(，,。；;：:！!？?\n ")


def _counted_unlisted(r: Reading, nouns: list[str], w: dict) -> str | None:
    """The counted term (五大新城: a number, a counter, a noun) a which-N question asks (是哪五个 / 指哪几个 / 包括哪些) that
    the plan writes with no members anywhere (no named set) and whose noun is no heading's title nor in two headings
    (六大类重点任务 where the sections of 二、重点任务 may be them: left to the heading readers)."""
    from kb.qa.named_sets import _plan_nouns, named_sets, split_term

    for noun in dict.fromkeys(n for n in nouns if len(n) >= 3):
        stated, tail = split_term(noun)
        if stated is None or len(tail) < 2 or noun not in r.plan_text or not _UNLISTED_ASK.match(
                r.text[r.text.find(noun) + len(noun):].lstrip("”\"")) or named_sets(r.plan, noun):
            continue  # (五大新城建设有哪些任务 asks tasks of a topic, not the members: the ask must follow the term)
        if any(text[m.start() - 1] not in _BEFORE_UNLISTED for text in _plan_nouns(r.plan).holding(noun).values()
               for m in re.finditer(re.escape(noun), text) if m.start() > 0):
            # (线上平台和线下书店两种参与渠道: a mention glued to the words before it may follow its members, in a form
            # the named-set ways do not read — no "not listed" then; only mentions after 的/以/为…, a mark or a line
            # start: 提出的五大新城, 以五大新城建设)
            continue
        titles = [fold(t) for _, parts, sections in r.plan.document_outlines() for _, t in [*parts, *sections]]
        bare = tail.lstrip("".join(w["counters"]))
        if any(len(t) >= 2 and t in bare for t in titles) or sum(bare in t and noun not in t for t in titles) >= 2:
            continue  # (六大类重点任务 where 二、重点任务 has six sections: they may be its members)
        return noun
    return None


def _owner_in_sentence(owner: str, found) -> bool:
    """``owner`` (治理工作小组 of 治理工作小组的成员) stands in the sentence giving the named set ``found``'s members."""
    head = (found.quote or "")[:8]
    return any(owner in sentence and head in sentence
               for t in found.tasks for sentence in re.split("[。；;！？]", t.text or ""))


def read_issuers(r: Reading) -> None:
    """这个方案是哪几个部门联合印发的 / 发文单位是谁 / 方案由哪些部门制定: who issued the plan — an issuer word (shapes.yaml
    ``issuer_asks``), or a who-word with a verb of issuing (``issue_verbs``), and nothing else asked but the document's
    nouns and fillers.  A topic beside them (国六标准由哪个部门发布) is a topic's who-question, as before."""
    q, f = r.query, r.facts
    if q.act is not None or f.departments or q.label or q.ordinal is not None or q.dates is not None:
        return
    text, w = r.text, r.words
    asked = _has(text, sorted(w["issuer_asks"], key=len, reverse=True))
    verb = _has(text, sorted(w["issue_verbs"], key=len, reverse=True))
    if not asked and not (verb and "who" in f.flags):
        return
    rest = text.replace(r.plan_words, "") if r.plan_words else text  # (重庆的方案是哪个单位印发的: the place named the plan)
    for word in sorted({*w["issuer_asks"], *w["issue_verbs"], *w["outside"]["document_nouns"], *w["issuer_fillers"],
                        *r.words_voc("suffixes")}, key=len, reverse=True):
        rest = rest.replace(word, "")
    if rest.strip("？?。！! "):
        return
    q.act, q.subject, q.issuers = Act.META, "issuers", True


_EVERY_N = LazyPattern(r"每[0-9一二两三四五六七八九十]+个?(?:年|月|季度|周|天)")


def read_period(r: Reading) -> None:
    """多久修订一次 / 每年…的时间有什么要求: how often or how long is asked (``Query.period``), not a due date."""
    words = r.words
    often = _has(r.text, words["frequency_asks"]) is not None and _has(r.text, words["duration_asks"]) is not None
    every = _has(r.text, words["time_every"]) is not None or _EVERY_N.search(r.text) is not None
    # (每年什么时间前完成: 时间 of a when-word asks the limit — 每年2月底前 — not how often)
    span = _has(r.text, words["duration_asks"]) is not None or ("时间" in r.text and not _has(r.text, words["time_when"]))
    if often or (every and span):
        r.query.period = True
        # (修订一次 → 修订: the asking words are no words of the topic)
        asks = sorted(words["frequency_asks"], key=len, reverse=True)
        topic = []
        for w in r.query.topic:
            for a in asks:
                w = w.replace(a, "")
            if w:
                topic.append(w)
        r.query.topic = topic


def read_value_kind(r: Reading) -> None:
    """GDP总量要达到多少亿 / 固定资产投资增速是多少: the kind of number asked (``Query.value_kind``), from a word of
    shapes.yaml ``value_kinds`` that is not part of a word the plan writes — 总额 of 社会消费品零售总额, 总值 of 地区生产总值
    and 规模 of 规模以上 name a metric, not the kind asked (the word with the character before or after it stands in
    the plan's text). A percentage asked first: GDP总量增长多少 asks a rate."""
    if r.query.outside:
        return
    if _has(r.text, r.words["baseline_asks"]):
        r.facts.flags.add("baseline")  # PM2.5的基准年是哪年: the year a change is measured against, not a deadline
    mark = _has(r.text, r.words["share_marks"])
    if (mark and _has(r.text[r.text.find(mark) + len(mark):], r.words["share_after"])
            and not _has(r.text, r.words["value_kinds"]["amount"])):  # (占GDP比重要达到多少亿 asks an amount)
        # …占专业课教师总数的目标是多少: a share asked (the words of the plan around 占 say nothing against it)
        r.query.value_kind = "rate"
        return
    for kind in ("rate", "amount"):
        for word in filter(r.text.__contains__, r.words["value_kinds"][kind]):  # (the few the question holds)
            at = r.text.find(word)
            while at >= 0:
                before = r.text[at - 1:at + len(word)] if at else ""
                after = r.text[at:at + len(word) + 1] if at + len(word) < len(r.text) else ""
                if not ((before and before in r.plan_text) or (after and after in r.plan_text)):
                    r.query.value_kind = kind
                    return
                at = r.text.find(word, at + 1)


#: The shortest piece of a split topic word (对虾 | 基地): a single character names nothing.
SPLIT_PIECE = 2


def read_topic_split(r: Reading) -> None:
    """A topic written shorter than the plan writes it, middle words left out (对虾养殖基地 for 南美白对虾工厂化循环水
    养殖基地, 居民收入增长 for 全体居民人均可支配收入增长): a topic word the plan's text does not hold (with the
    characters beside it in the question, 4+ characters)
    is taken as its pieces (2+ characters each, in the question's order) when one clause of one paragraph holds them
    all in that order.  The scan may have cut an edge character off the word as a particle (对, 地): the characters
    beside it in the question are tried with it; one leftover character at either end (建 of 对虾基地建几个) is left
    out.  Only the topic is recorded here (``Query.topic_unsplit``); kb.qa.session splits it (split_topic) and asks the question again with the pieces as its topic
    when the reading as written finds nothing in the plan (not_in_plan) — a word other readers match (a heading's
    bare words, a topic with a generic tail, a ranked neighbour) keeps their answer."""
    q = r.query
    if q.outside or not q.topic:
        return
    if any(len(word) >= SPLIT_PIECE and word not in r.plan_text for word in q.topic):
        q.topic_unsplit = list(q.topic)


def split_topic(text: str, facts, query: Query, plan, plan_text: str, words: dict | None = None) -> list[str]:
    """The pieces of ``query.topic_unsplit`` (read_topic_split): each word the plan does not write cut into pieces one
    clause holds in order, the other words as they are; [] when no word splits."""
    r = Reading(text, facts, query, words or load_shapes(), plan, plan_text)
    out: list[str] = []
    changed = False
    for word in query.topic_unsplit:
        if len(word) < SPLIT_PIECE or word in r.plan_text:
            out.append(word)
            continue
        pieces = _split_in_clause(r, word)
        out.extend(pieces or [word])
        changed = changed or bool(pieces)
    return list(dict.fromkeys(out)) if changed else []


def _split_in_clause(r: Reading, word: str) -> list[str] | None:
    """The pieces of ``word`` (with the question's characters beside it) one clause of the plan holds in order."""
    at = r.text.find(word)
    candidates = [word]
    if at >= 0:
        left, right = r.text[max(0, at - 1):at], r.text[at + len(word):at + len(word) + 1]
        candidates = [left + word + right, left + word, word + right, word]
    for cand in dict.fromkeys(c for c in candidates if len(c) >= 2 * SPLIT_PIECE):
        for trimmed in dict.fromkeys((cand, cand[1:], cand[:-1], cand[1:-1])):
            for pieces in _splits(trimmed):
                if not all(p in r.plan_text for p in pieces):
                    continue
                for task in r.plan.tasks_matching([(p,) for p in pieces], fold, kinds=None):
                    for clause in re.split(r"[，。；;,！!？?\n]", fold(task.text)):
                        at = 0
                        for p in pieces:
                            at = clause.find(p, at)
                            if at < 0:
                                break
                            at += len(p)
                        else:
                            return pieces
    return None


def _splits(word: str) -> list[list[str]]:
    """``word`` cut into two or three pieces of SPLIT_PIECE+ characters, the longest pieces first."""
    n, out = len(word), []
    for i in range(SPLIT_PIECE, n - SPLIT_PIECE + 1):
        out.append([word[:i], word[i:]])
    for i in range(SPLIT_PIECE, n - 2 * SPLIT_PIECE + 1):
        for j in range(i + SPLIT_PIECE, n - SPLIT_PIECE + 1):
            out.append([word[:i], word[i:j], word[j:]])
    return sorted(out, key=lambda ps: (len(ps), -max(map(len, ps))))


def read_goal_list(r: Reading) -> None:
    """要发展成为哪几个中心 / 打造哪些平台 / 建成几个基地: which things of one kind (shapes.yaml ``list_nouns``) the plan
    aims to build or become — one of ``list_asks`` right before the noun, the noun closing the question (呢/？/吗
    aside), no department, label, item or field asked.  The noun goes to ``Query.goal_list`` and leaves the topic; the
    words before the ask (临江要发展成为) stay the topic."""
    q, f = r.query, r.facts
    if q.act is not None or q.outside or f.departments or f.unresolved or q.label or q.ordinal is not None \
            or q.field_value or q.part:
        return
    text = r.text.rstrip("？?。！!呢吗")
    noun = next((n for n in r.words["list_nouns"] if text.endswith(n)), None)
    if noun is None:
        return
    before = text[: -len(noun)]
    ask = next((a for a in r.words["list_asks"] if before.endswith(a)), None)
    if ask is None:
        return
    q.goal_list = noun
    q.act = Act.COUNT if ask.startswith(("几", "多少")) else Act.LIST
    q.topic = [w for w in q.topic if w != noun and not w.endswith(noun)]


def read_field(r: Reading) -> None:
    """适用于福建自贸试验区的措施 / 河南自贸试验区适用哪些措施: a topic word holding the value of a labelled field of
    the plan's tasks (``Task.fields``, e.g. 适用范围) names the tasks carrying that value; the value leaves the
    topic (the tag is no paragraph text, so the topic readers would call it absent)."""
    q = r.query
    if q.outside or q.label or q.ordinal is not None or not q.topic:
        return
    # (the values are read once per plan object, and only for a question that asks a field the way fields are
    # asked — 适用于, 只在, 专门 …: a store lookup per topic word would cost every question its reading budget)
    if not _has(r.text, r.words["field_asks"]):
        return
    values = field_values(r.plan)
    if not values:
        return
    for word in q.topic:
        value = max((v for v in values if v in word), key=len, default=None)
        if value is None:
            continue
        q.field_value, q.field_tasks = value, list(values[value])
        rest = word.replace(value, "")
        for affix in r.words["field_affixes"]:
            rest = rest.replace(affix, "")
        q.topic = [w for w in q.topic if w != word] + ([rest] if len(rest) >= 2 else [])
        r.facts.topic = list(q.topic)
        return


#: id(plan) → (plan, {folded field value: task ids}): read once per plan object.
_FIELDS: dict[int, tuple] = {}


def field_values(plan) -> dict[str, list[str]]:
    """The values of the labelled fields of the plan's tasks (their first clause, folded, 3+ characters) → the ids
    of the tasks carrying each, in plan order (适用范围：所有自贸试验区，以下… → 所有自贸试验区)."""
    held = _FIELDS.get(id(plan))
    if held is None or held[0] is not plan:
        values: dict[str, list[str]] = {}
        labels: dict[str, str] = {}
        for t in getattr(plan, "iter_tasks", lambda: plan.tasks)():  # (a stored plan: plan by plan, not kept)
            for label, value in (t.fields or {}).items():
                first = fold(re.split(r"[，,;；。]", value or "")[0])
                if len(first) >= 3:
                    values.setdefault(first, []).append(t.id)
                    labels.setdefault(first, label)
        if len(_FIELDS) > 8:
            _FIELDS.clear()
        held = _FIELDS[id(plan)] = (plan, values, labels)
    return held[1]


#: id(plan) → (plan, {task id: its labelled fields' values, folded, joined}): read once per plan object.
_FIELD_TEXT: dict[int, tuple] = {}


def field_text(plan) -> dict[str, str]:
    """Each task with labelled fields (``Task.fields``: 适用范围, 实施范围 … — kept apart from the paragraph's text)
    → its fields' values, folded, one per line: the words a topic question may name a task by."""
    held = _FIELD_TEXT.get(id(plan))
    if held is None or held[0] is not plan:
        texts = {t.id: fold("\n".join(v for v in t.fields.values() if v))
                 for t in getattr(plan, "iter_tasks", lambda: plan.tasks)() if t.fields}
        _FIELD_TEXT.clear()
        _FIELD_TEXT[id(plan)] = held = (plan, texts)
    return held[1]


def field_label(plan, value: str) -> str | None:
    """The label of the field whose value ``value`` is (适用范围), once field_values has read the plan."""
    held = _FIELDS.get(id(plan))
    return held[2].get(value) if held is not None and held[0] is plan else None


def read_plan_terms(r: Reading) -> None:
    """The topic as the plan itself names it, or not_in_plan when no plan holds it (kb/qa/plan_terms.py)."""
    from kb.qa.plan_terms import read_plan_terms as read

    read(r)


def read_role_in_topic(r: Reading) -> None:
    """加大稳岗支持力度由哪个部门负责 / 稳岗支持谁负责: a role word (支持, 协同, 指导 …) standing only inside a topic word
    the plan writes is part of that topic, not the role asked — read as one, the answer named the task's 配合 units
    as the ones responsible.  The role stays when the question writes one of its words outside the topic words
    (财政部支持哪些任务, 稳岗支持的配合单位是谁)."""
    q, f = r.query, r.facts
    held = [w for w in q.topic if len(w) >= 3 and w in r.plan_text]
    asked = (set(f.roles) | set(q.roles)) - {"any"}
    if not held or not asked:
        return
    from kb.qa.vocab import load_vocabulary

    roles = {**load_vocabulary().roles, "guide": (*load_vocabulary().roles.get("guide", ()), *r.words["guide"])}
    rest = r.text
    for w in sorted(held, key=len, reverse=True):
        rest = rest.replace(w, "|")
        # (a role word joined to a topic word as the plan writes them — 政府性融资担保机构支持小微企业: 支持小微企业 —
        # is the topic's too)
        for role in asked:
            for word in roles.get(role, ()):
                if word + w in r.plan_text:
                    rest = rest.replace(word + "|", "||")
                if w + word in r.plan_text:
                    rest = rest.replace("|" + word, "||")
    inside = {role for role in asked
              if any(w in r.text for w in roles.get(role, ())) and not any(w in rest for w in roles.get(role, ()))}
    if not inside:
        return
    f.roles = [x for x in f.roles if x not in inside]
    q.roles = [x for x in q.roles if x not in inside]
    for d in q.departments:
        if d.role in inside:
            d.role = f.role


def read_abbreviation(r: Reading) -> None:
    """社零 / 固投: a topic word no plan writes that abbreviates exactly one target metric of the plans — its
    characters in order within the metric, the same first character (社会消费品零售总额, 固定资产投资).
    What follows the abbreviation in the word (社零增长: 增长) is how it is asked and stays out of the match."""
    q, f = r.query, r.facts
    if q.outside or q.label or q.ordinal is not None or not q.topic:
        return
    changed = False
    words = list(q.topic)
    for k, word in enumerate(words):
        if not 2 <= len(word) <= 6 or not all(is_cjk(c) for c in word) or word in r.plan_text:
            continue
        metrics = plan_metrics(r.plan)[0]
        # the longest start of the word that abbreviates one metric (社零增长: 社零, 增长 being how it is asked)
        for end in range(len(word), 1, -1):
            stem = word[:end]
            if stem in r.plan_text:
                break
            found = {m for m in metrics if m[:1] == stem[0] and len(m) >= len(stem) + 2 and in_order(stem, m)}
            if len(found) == 1:
                words[k] = next(iter(found))
                changed = True
                break
    if changed:
        q.topic = words
        f.topic = list(words)


def read_unknown_name(r: Reading) -> None:
    """东京奥运会期间的空气质量保障 / 卡塔尔世界杯的转播权: a run of four or more characters of the question no two of
    which the plan ever writes together names something the plan does not know (an event, a place, a body); the
    question is about it, so a task sharing its other words (空气质量, 转播权) does not answer it: not in the plan."""
    q, f = r.query, r.facts
    if (q.act is not None or q.outside or q.label or q.ordinal is not None or q.field_value or len(q.topic) < 2
            or f.departments or f.unresolved):
        return  # (a topic alone no paragraph holds is judged absent by read_plan_terms; a department asked is its own)
    from kb.qa.vocab import load_vocabulary

    voc = load_vocabulary()
    for word in q.topic:
        if len(word) < 3 or word in r.plan_text or any(s in r.plan_text for s in voc.synonyms(word)):
            continue
        if not any(w != word and len(w) >= 3 and w in r.plan_text for w in q.topic):
            continue  # (only beside a word the plan holds — 3+ characters: 投入, 申请 are how it is asked — is a task
            # answered from the shared word)
        # the word's opening run (a qualifier naming what is asked about: 东京奥运会期间的…, 卡塔尔世界杯的…;
        # a run inside a colloquial description, 渣土车|沿路|撒漏, is how the plan's thing is said)
        run = word[0]
        for a, b in zip(word, word[1:]):
            if not (is_cjk(a) and is_cjk(b)) or a + b in r.plan_text:
                break
            run += b
        # (four characters: three arise where two of the plan's words meet a colloquial one — 过年|燃放 —,
        # a name is longer: 东京奥运会, 卡塔尔世; and one character of it the plan never writes at all: words of the
        # plan run together, 黄橙红, use only characters it has)
        if len(run) >= 4 and not set(run) <= r.plan.characters():
            q.act, q.subject, q.outside, q.outside_words = Act.META, "plans", "topic", run
            return


def asked_topic(topic: list[str], voc, plan) -> list[str]:
    """Topic words that are not mere target or date words (达到, 下降, 完成 …) nor words of a plan's title
    (蓝天保卫战的目标 names the plan, not a topic)."""
    if not topic:
        return []
    held = _NOT_TOPIC.get(id(voc))
    if held is None or held[0] is not voc:
        skip = set(voc.words["target"]) | set(voc.words["due"]) | set(voc.words["when"])
        skip |= {w[k:] for w in voc.words["when"] for k in range(1, len(w) - 1)}  # 时候 left of 是什么时候
        held = _NOT_TOPIC[id(voc)] = (voc, frozenset(skip))
    skip = held[1]
    titles = folded_titles(plan)
    return [w for w in topic if w not in skip and not any(w in title for title in titles)]


_NOT_TOPIC: dict[int, tuple] = {}


def folded_titles(plan) -> list[str]:
    """Every plan's title, folded (a stored plan reads no document); each title is folded once per process."""
    out = []
    for _, title in plan.document_titles():
        folded = _FOLDED_TITLES.get(title)
        if folded is None:
            if len(_FOLDED_TITLES) > 4096:
                _FOLDED_TITLES.clear()
            folded = _FOLDED_TITLES[title] = fold(title)
        out.append(folded)
    return out


_FOLDED_TITLES: dict[str, str] = {}


def _pronoun_names_the_plan(r: Reading, nouns=None) -> bool:
    """Every pronoun of the question stands right before a document noun (这个方案, 该方案, 这份文件: shapes.yaml
    ``document_nouns``, 份/篇 allowed between): it points at the plan loaded, which is always there to point at.
    With ``nouns`` (the task nouns: 这些措施) the same test for them."""
    from kb.qa.vocab import load_vocabulary

    nouns = nouns if nouns is not None else r.words["outside"].get("document_nouns", ())
    found = False
    for p in sorted(load_vocabulary().words["pronouns"], key=len, reverse=True):
        at = r.text.find(p)
        while at >= 0:
            rest = r.text[at + len(p):].lstrip("份篇部项")
            if not any(rest.startswith(n) for n in nouns):
                return False
            found = True
            at = r.text.find(p, at + len(p))
    return found


def read_follow_up(r: Reading) -> None:
    """Whether the question may continue the previous one: short, a pronoun, an opener (那…, …呢), 其中."""
    f = r.facts
    if "pronoun" in f.flags and _pronoun_names_the_plan(r):
        f.flags.discard("pronoun")  # 这个方案的保障措施有哪些: the plan loaded, not the previous answer
    elif "pronoun" in f.flags:
        r.query.pronoun_of_tasks = _pronoun_names_the_plan(r, r.words_voc("task_nouns"))
    r.query.refers = bool(f.flags & {"pronoun", "opener"})
    r.query.follow_up = r.query.refers or "within" in f.flags or len(f.text) <= 6
    r.query.shared_word = "shared_alone" in f.flags and not f.departments
    r.query.topic_marked = "topic_mark" in f.flags
    if f.flags & {"has_deadline", "no_deadline"}:
        r.query.timed = "has_deadline" in f.flags
        r.query.due_by = _has(r.text, r.words["due_by"]) is not None


#: A number of items asked: 几项 / 多少条 / 几个 (任务) …
_COUNT_OF_ITEMS = re.compile(r"(?:几|多少)(?:个|项|条|件|类|大项)")


def read_part_of(r: Reading) -> None:
    """这两项属于哪个部分 / 这些任务在哪一部分 / 它们属于哪一章: a pointer at the previous answer's items, then a verb of
    standing in (shapes.yaml ``part_of_verbs``) + 哪/什么 + a word for a part of the plan (``part_of_nouns``) asks the part of
    each of them — no topic (这两项属于) and no question about the plan's outline (Query.part_of)."""
    q = r.query
    verbs = "|".join(map(re.escape, r.words["part_of_verbs"]))
    if "within" in r.facts.flags and not (q.act is not None or q.departments or q.label):
        # 其中哪些属于保障措施 / 其中在重点任务部分的: the previous list narrowed to a part or section the plan heads so
        # (was: 没有…“属于保障措施”)
        # (a heading's closing score is no word of its name: 数字治理 of 数字治理（40分）)
        titles = {fold(x): None for _, parts, sections in r.plan.document_outlines() for _, t in (*parts, *sections) if t
                  for x in {t, scoreless(t)}}
        m = re.search(rf"(?:{verbs})(.+)", r.text)
        named = m and next((t for t in sorted(titles, key=len, reverse=True)
                            if len(t) >= 2 and m.group(1).startswith(t)), None)
        if named:
            q.within_heading, q.topic, q.act, q.overview = named, [], Act.LIST, None
            return
    if not q.refers or q.act is not None or q.departments or q.label:
        return
    nouns = "|".join(map(re.escape, r.words["part_of_nouns"]))
    if re.search(rf"(?:{verbs})(?:哪|什么)(?:一|个|一个)?(?:{nouns})", r.text):
        q.part_of, q.topic, q.act = True, [], Act.TEXT


#: id(plan) → (plan, the labels its tags write before a colon: 实施部门, 责任领导 …).
_TAG_LABELS: dict[int, tuple] = {}
_TAG_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})[：:]")


def tag_labels(plan) -> frozenset[str]:
    """The labels the plan's tags write (（牵头部门：区交通委；实施部门：区大数据中心） → 牵头部门, 实施部门), folded."""
    held = _TAG_LABELS.get(id(plan))
    if held is None or held[0] is not plan:
        labels = frozenset(fold(m.group(1)) for t in plan.tasks for m in _TAG_LABEL.finditer(t.tag or ""))
        _TAG_LABELS.clear()
        _TAG_LABELS[id(plan)] = held = (plan, labels)
    return held[1]


def read_partner_ask(r: Reading) -> None:
    """会同哪些部门 / 和谁一起 / 还有谁参与 with no unit named (shapes.yaml ``partner_asks``): a follow-up asking who
    works with the units of the previous answer's items — their partners (Query.partners_asked; over ``previous``).
    X会同哪些部门 names X: its partners across the plan (read_department_ask)."""
    q, f = r.query, r.facts
    if q.departments or f.departments or f.unresolved or q.label or q.ordinal is not None or q.part_of:
        return
    # (the raw words: 还有谁参与 keeps its 还有, an opener the scan cut)
    at = _has(fold(f.raw or ""), r.words["partner_asks"])
    if at is None:
        return
    # (nothing else asked: the words around the ask are fillers or a pointer at the items — 那这项任务会同哪些部门)
    rest = [w for w in f.topic if not any(w in a or a in w for a in r.words["partner_asks"])]
    if len("".join(rest)) > 4:
        return
    q.partners_asked, q.follow_up, q.topic, q.act = True, True, [], Act.WHO


def read_tag_label(r: Reading) -> None:
    """实施部门呢 / 实施部门是谁 right after a list: a label of the plan's tags that names no role kb reads (实施部门, 责任
    领导) asked of the listed items — what the tags write after it (Query.tag_label), never a unit named 实施部门."""
    q = r.query
    if not q.follow_up or q.act is not None or q.departments or q.label or len(r.text) > 10:
        return
    from kb.qa.vocab import load_vocabulary

    voc = load_vocabulary()
    word = r.text
    for w in sorted((*voc.words["who"], "是什么", "有哪些", "是哪些", "呢", "的"), key=len, reverse=True):
        if word.endswith(w) and len(word) > len(w) + 1:
            word = word[:-len(w)]
    word = word.lstrip("那")
    roles = {w for ws in voc.roles.values() for w in ws}
    if len(word) >= 3 and word not in roles and word not in voc.words["who"] and word in tag_labels(r.plan):
        q.tag_label, q.topic, q.act = word, [], Act.WHO


def read_plan_count(r: Reading) -> None:
    """这个方案一共有几项任务 / 一共几项重点工作 / 列了多少项 / 方案有几条措施: the number of the plan's tasks, the one
    definition ``kb tasks`` lists (``Query.plan_count``). Only with nothing narrower asked — no department (nor a name
    shaped like one), date, label, part, section, unit or outside word — and every topic word one of the whole
    plan's (shapes.yaml ``plan_count_words``: 重点, 列, 这份 …); a word a part or section heading holds and the plan's
    title does not (重点 of 三、重点任务 in a plan titled …实施方案) names that part, which the heading readers answer."""
    q, f = r.query, r.facts
    if (q.act is not None or q.outside or f.departments or f.unresolved or q.label or q.part or q.section
            or q.ordinal is not None or f.date is not None or "count" not in f.flags
            or "who" in f.flags or [x for x in f.roles if x != "any"] or q.field_value or q.timed is not None
            or f.structure or q.within or q.each or f.overview):
        return  # (总体要求有几项 / 保障措施有几项: an overview part's count, as its list is that part — never the plan's tasks)
    # what is counted: items (几项, 多少条), or a task noun (几项任务, 多少个措施, 多少条具体措施) — never 多少个部门
    counted, bare = _counted_items(r)
    nouns = r.words_voc("task_nouns")
    if counted is None or (counted and counted not in nouns and bare not in nouns):
        return
    if f.unit and not (counted and bare in nouns):  # (_counts_items, from what is read here)
        return  # a number in a unit (多少条道路): a value, not the plan's items (多少条具体措施 counts them)
    fillers = r.words["plan_count_words"]
    if any(w not in fillers for w in q.topic):
        return
    docs = r.plan.documents
    titles = "".join(fold(d.title) for d in docs)
    headings = [fold(t).rstrip("。：:") for d in docs for _, t in (*d.parts, *d.sections)]
    if any(len(h) >= 2 and h in r.text for h in headings):
        return  # 主要任务一共有几项 / 保障措施一共有哪几条: that part's items (the heading readers)
    if any(len(w) >= 2 and w in "".join(headings) and w not in titles for w in q.topic):
        return
    q.plan_count = True


def read_doer_verb(r: Reading) -> None:
    """受电设施投入使用前由谁检验合格 / 举办全国性活动由谁批准 / 由哪个部门进行常态化调整公布: the verb after 由 + a who-word
    (shapes.yaml ``doer_asks``), less words asking nothing of it (``doer_verb_fillers``: 负责 of 由谁负责审批) — when what is
    left is no role word (由谁牵头, 由谁负责, 由谁配合 ask the tag) and holds 2+ characters."""
    from kb.qa.vocab import load_vocabulary

    f, text = r.facts, r.text
    if "who" not in f.flags or "由" not in text:
        return
    at = next((i + 1 for i in (m.start() for m in re.finditer("由", text))
               if any(text.startswith(w, i + 1) for w in r.words["doer_asks"])), None)
    if at is None:
        return
    ask = next(w for w in r.words["doer_asks"] if text.startswith(w, at))
    verb = re.split(r"[，,。？?；;！!]", text[at + len(ask):])[0].rstrip("呢吗啊呀的了")
    changed = True
    while changed:
        changed = False
        for w in r.words["doer_verb_fillers"]:
            if verb.startswith(w) and len(verb) > len(w):
                verb, changed = verb[len(w):], True
                break
    roles = [w for role, ws in load_vocabulary().roles.items() for w in ws]
    acts = sorted(r.words["doer_act_verbs"], key=len, reverse=True)
    act = next((v for v in acts if verb.startswith(v)), None)
    if len(verb) < 2 or any(verb.startswith(w) for w in roles) or (verb in r.words["doer_verb_fillers"] and act is None):
        return
    # (奖励由谁给予: the scan cut 给予 at 给, a separator, leaving 予 as a topic word — one character of the verb asked,
    # written nowhere before 由, is no word of the thing: the topic was 奖励、予 and the tag's units answered; a whole
    # verb the scan kept, 统筹协调, stays: the steering sentence is found with it)
    before = text[:at - 1]
    r.query.topic = [w for w in r.query.topic if len(w) > 1 or w not in verb or w in before] or r.query.topic
    r.query.search_words = [w for w in r.query.search_words if len(w) > 1 or w not in verb or w in before
                            ] or r.query.search_words
    if act is not None and len(verb) >= len(act) + 3:
        # 由谁给予项目启动资助: the verb is 给予, 项目启动资助 its object — a topic word (the scan had cut it into 予 and
        # 目启动资助, reading 给 and 项 as fillers); two characters after it stay the verb's (检验合格, 给予补贴)
        thing = verb[len(act):]
        r.query.topic = [w for w in r.query.topic if w not in verb] + [thing]
        r.query.search_words = [w for w in r.query.search_words if w not in verb] + [thing]
        verb = act
    elif act is not None:
        r.query.topic = [w for w in r.query.topic if w != act] or r.query.topic
    r.query.doer_verb = verb


def read_department_ask(r: Reading) -> None:
    """Questions about named departments: which one (ambiguous, unknown, a bare 局), what of it (its tasks by
    role, their count, their deadlines or targets, the departments sharing its tasks), several together or each."""
    from kb.qa.vocab import load_vocabulary

    q, f = r.query, r.facts
    if q.act is not None:
        return
    voc = load_vocabulary()
    text = f.text
    amb = next((res for res in f.unresolved if res.how == "ambiguous"), None)
    role = f.role or "any"
    absent = _absent_each(r, voc) if "respectively" in f.flags and amb is None else []
    if absent and (f.departments or len(absent) > 1):
        # 市生态环境局和区公安局分别牵头哪些任务 / 公安局和教育局分别…: 分别 asks each unit on its own — the units the plan
        # lacks are said so, each, beside the lists of those it has (never one answer dropping a unit asked)
        q.each, q.unknowns = True, [name for name, _ in absent]
        q.unknown, q.candidates = q.unknowns[0], list(absent[0][1])
        q.topic = [w for w in q.topic if w not in q.unknowns]
        q.topic_unsplit = [w for w in q.topic_unsplit if w not in q.unknowns]
    elif amb is not None:
        q.ambiguous, q.candidates = DeptAsk(amb.query, role), list(amb.candidates)
    elif f.unresolved and (not f.departments or _named_body(f.unresolved)):
        # (区公安局和市生态环境局共同负责…: a body's full name the plan lacks, written with its level, beside a unit it
        # has — never the known unit's list alone; a leftover word beside one, 员会 / 支撑单位, is no body asked)
        res = f.unresolved[0] if not f.departments else _named_body(f.unresolved)
        q.unknown, q.candidates = _as_written(res.query, text, r.plan_text), list(res.candidates)
    elif (not f.departments and len(f.topic) == 1 and f.topic[0] in voc.words["department_endings"]
          and (f.roles or "who" in f.flags)):
        ending = f.topic[0]  # 局牵头哪些任务: a bare ending names no department
        names = [n for n in r.plan.departments() if n.endswith(ending)]
        if names:
            q.ambiguous, q.candidates = DeptAsk(ending, role), names
    if not (f.departments or q.ambiguous or q.unknown):
        if q.label or q.ordinal is not None or not q.follow_up or not (f.roles or "count" in f.flags):
            return
        asks_target = any(w in text for w in voc.words["target"] if w not in voc.words["count"])
        if not [x for x in f.roles if x != "any"] and ("when" in f.flags or asks_target):
            return  # 目标是多少 / 这些任务的时限呢: about the listed tasks, not a count
        if "who" in f.flags and "count" not in f.flags:
            return  # 配合单位是谁 / 牵头单位有哪些: the departments of the listed tasks, not a department's list
        # 配合的呢 / 牵头几项 / 那它配合哪些: the departments of the previous question (merged by the session)
        q.about = "departments"
        q.item = "deadline" if "when" in f.flags or f.date is not None else None
        q.act = Act.COUNT if "count" in f.flags else (Act.WHEN if q.item else Act.LIST)
        if f.role == "any":
            q.roles = ["any"]  # 那它参与哪些: every role of the previous department, whatever role it was asked for
        return
    if q.label or (q.ordinal is not None and q.ambiguous is None and q.unknown is None):
        return  # 第二项谁牵头 / 三（三）4谁牵头: an item's question (read_act)
    if len(f.departments) == 1 and "partner_verbs" in f.flags and f.flags & {"who", "count"} and f.date is None:
        # 市交通委会同哪个部门落实工作专班 / 县交通运输局会同哪些部门: the units it works with, as the plan's 由X会同Y…
        # names them (its topic words, if any, say on what) — not the department's own tasks, nor a topic of 会/专班
        q.about, q.act, q.subject, q.partner_role = "departments", Act.WHO, "departments", "support"
        q.partner_verb = next(w for w in voc.words["partner_verbs"] if w in text)
        q.departments[0].role = "lead"
        return
    if f.topic and f.flags & {"who", "when"} and not f.roles and not (q.ambiguous or q.unknown):
        return  # 交通局的xx什么时候…: a topic question that names a department in passing
    if f.topic and "target" in f.flags and not f.roles and "count" not in f.flags and not (q.ambiguous or q.unknown):
        return  # 每个试点地区的经费是多少 / 市财政局的预算是多少: a value of a topic the unit scopes, not the unit's tasks
    q.about = "departments"
    q.item = "deadline" if "when" in f.flags or f.date is not None else None
    q.act = Act.COUNT if "count" in f.flags else (Act.WHEN if q.item else Act.LIST)
    names = list(f.departments)
    if len(names) == 1 and q.departments[0].role != "guide":
        q.departments[0].role = f.role  # the role asked in the question (the first one named)
    words = asked_topic(f.topic, voc, r.plan)
    if len(names) == 1 and "who" in f.flags and not words and f.date is None:
        # 哪些部门和交通局共同牵头 / 哪些单位配合交通局: the other departments, not the tasks
        mine = f.department_roles.get(names[0])
        if "joint" in f.flags:
            q.act, q.subject, q.partner_role = Act.WHO, "departments", role
            return
        if "support" in f.roles and mine != "support":
            q.act, q.subject, q.partner_role = Act.WHO, "departments", "support"
            q.departments[0].role = mine or "lead"
            return
    if len(names) > 1:
        q.each = "respectively" in f.flags
        return
    # 城管局牵头的任务目标是多少: the bare 多少 of a target is no count (几项 / 有多少项 are)
    at = [text.find(w) for w in filter(text.__contains__, voc.words["count"]) if w not in voc.words["target"]]
    counts = bool(at) and not any(text.find(w, min(at)) >= 0 for w in voc.words["department_target"])
    if (any(map(text.__contains__, voc.words["department_target"])) and not words and not counts
            and not f.flags & {"when", "has_deadline"}):
        q.act, q.subject = Act.VALUE, "targets"
        return
    named = list(dict.fromkeys(x for x in f.roles if x != "any"))
    if _total_then_part(text, f, voc):
        # 共有多少项任务，其中牵头多少: the total, broken down by role (the 其中 is this question's own)
        q.departments[0].role, q.within, q.roles = "any", False, []
    elif len(named) == 1 and _role_or_any(text, voc):
        q.departments[0].role, q.roles = "any", []  # 牵头或参与的任务: 参与 already holds 牵头
    elif len(named) > 1:
        q.departments[0].role = "any"  # 牵头和配合的任务各有多少: the duty list, only those groups


def _absent_each(r: Reading, voc) -> list[tuple[str, list[str]]]:
    """(name as written, nearest names) of the units a 分别-question names that the plan lacks: the unresolved names
    shaped like a body (ending as departments end, 3+ characters: 教育局, 区公安局), and a topic word so shaped that
    resolves to no unit (the second of two absent names, read as the topic); in the question's order."""
    f = r.facts
    endings = tuple(voc.words["department_endings"])
    out = [(_as_written(res.query, f.text, r.plan_text), list(res.candidates)) for res in f.unresolved
           if res.how != "ambiguous" and len(res.query) >= 3 and res.query.endswith(endings)]
    for word in f.topic:
        if len(word) >= 3 and word.endswith(endings) and word not in r.plan_text and not any(word == n for n, _ in out):
            out.append((word, []))
    return sorted(out, key=lambda x: f.text.find(x[0]))


def _as_written(name: str, text: str, plan_text: str) -> str:
    """An unknown name with the words before it that the plan writes with it (区老旧小区改造工作领导小组, of which the
    scan kept 领导小组 — 工作 is one of its task nouns): the name the plan names, so the answer quotes it and finds the
    paragraphs naming that unit, not every 领导小组."""
    at = text.find(name)
    if at <= 0 or name not in plan_text:
        return name
    start = at
    while start > 0 and text[start - 1:at + len(name)] in plan_text:
        start -= 1
    return text[start:at + len(name)]


def _total_then_part(text: str, f, voc) -> bool:
    """A count asked before a 其中 that names a role (共有多少项任务，其中牵头多少): total and breakdown."""
    if "within" not in f.flags:
        return False
    at = min((text.find(w) for w in voc.words["within"] if w in text), default=-1)
    if at <= 0:
        return False
    before, after = text[:at], text[at:]
    specific = [w for r, ws in voc.roles.items() if r not in ("any", "implied") for w in ws]
    return (any(map(before.__contains__, voc.words["count"])) and not any(map(before.__contains__, specific))
            and any(map(after.__contains__, specific)))


def _role_or_any(text: str, voc) -> bool:
    """A role word joined to an any-role word (牵头或参与, 参与和配合): the question asks every role."""
    nouns = set(voc.words["task_nouns"])
    # (only the words the question holds are combined: a few, not every pair of the vocabulary)
    specific = [w for r, ws in voc.roles.items() if r not in ("any", "implied") for w in filter(text.__contains__, ws)]
    anyw = [w for w in filter(text.__contains__, voc.roles["any"]) if w not in nouns]
    for j in voc.words["role_joiners"]:
        if j in text and any(a + j + b in text or b + j + a in text for a in specific for b in anyw):
            return True
    return False


def read_structure(r: Reading) -> None:
    """重点任务包括哪几个方面 / 方案分为几个部分 / 第五部分 (one the plan lacks)."""
    q = r.query
    if q.act is not None or q.departments:
        return
    from kb.model import part_numeral

    # (in a file holding several documents 第二部分 is each document's 二: its numeral, without the document's cite)
    if q.part and not any(q.part in (num, part_numeral(doc, num)) for doc in r.plan.documents for num, _ in doc.parts):
        q.act, q.subject = Act.STRUCTURE, "parts"  # a part the plan does not have
        return
    # (a number asked in a unit or by a measure, 超过多高的高架源要纳入…目录, is no question about the outline)
    asked = _has(r.text, r.words["structure_asks"])
    # (第三部分有几个方面: the scan read 个 of 几个方面 as a unit — the measure word of the outline asked, no value's unit)
    if asked and not r.facts.structure and (not r.facts.unit or r.facts.unit in asked):
        part = None
        # a part named by its title (重点任务包括哪几个方面): its sections
        for doc in r.plan.documents:
            if q.plan and doc.id != q.plan:
                continue
            for num, title in doc.parts:
                if len(fold(scoreless(title))) >= 2 and fold(scoreless(title)) in r.text:
                    part = num
        if part is None and not q.part and _thing_before(r.text[:r.text.find(asked)], r):
            return  # 养护工程包括哪几类: a thing of the text is asked about, not the plan's parts
        q.act, q.subject, q.part = Act.STRUCTURE, "parts", part if part is not None else q.part
        q.division = q.division or _division_named(r)


def _division_named(r: Reading) -> str | None:
    """The cite of the one document of a file holding several that the question names — by its title, or by its kind
    when the kind is more than a bare 方案/计划 (行动计划分为几个部分, 若干政策包括哪些) — else None (方案分为几个部分 asks the
    whole file; 行动计划 with another loaded plan titled …行动计划 names none)."""
    named = set()
    for doc_id, held in r.plan.document_divisions():  # (kept per corpus: no document read)
        if r.query.plan and doc_id != r.query.plan:
            continue
        for cite, title in held:
            kind = cite.strip("《》")
            if fold(title) in r.text:
                named.add((doc_id, cite))
            elif len(kind) >= 3 and fold(kind) in r.text and not _other_title_holds(r, doc_id, fold(kind)):
                named.add((doc_id, cite))
    return named.pop()[1] if len(named) == 1 else None


def _other_title_holds(r: Reading, doc_id: str, words: str) -> bool:
    """Another loaded plan's title holds ``words`` (a document's kind, 行动计划): the words do not prove which is named."""
    return any(other != doc_id and words in title for other, title in _plan_titles(r.plan))


def _thing_before(before: str, r: Reading) -> bool:
    """The words before a structure ask name something other than the plan or its outline: not empty once the plan's
    name (up to its document kind: 农机化指导意见里), demonstratives and fillers (shapes.yaml ``structure_fillers``) are
    dropped, and not an outline noun (``outline_subjects``: 重点任务 where the part is titled 主要任务)."""
    kinds = r.words_voc("document_kinds")  # (folded, longest first)
    ends = [before.rfind(k) + len(k) for k in kinds if k in before]
    rest = before[max(ends):] if ends else before
    rest = strip_fillers(rest, r.words["structure_fillers"])
    return len(rest) >= 2 and rest not in r.words["outline_subjects"]


def read_department_set(r: Reading) -> None:
    """既牵头又配合的部门 / 只配合不牵头的部门: departments by the roles they hold and do not hold."""
    q, text, w = r.query, r.text, r.words
    if q.act is not None or q.departments or len(set(r.facts.roles) - {"any"}) < 2:
        return
    if not (_has(text, w["department_subject"]) or any(g in text for g in ("部门", "单位"))):
        return
    from kb.qa.vocab import load_vocabulary

    voc = load_vocabulary()
    marks = []  # (position, role) of role words
    for role in ("lead", "support", "sole", "shared"):
        for word in voc.roles[role]:
            at = text.find(word)
            if at >= 0 and not any(a <= at < a + n for a, n, _ in marks):
                marks.append((at, len(word), role))
    marks.sort()
    if len(marks) < 2:
        return
    need, without = [], []
    for at, _, role in marks:
        before = text[max(0, at - 3):at]
        if any(map(before.__contains__, w["not"])) and not any(b in before[-1:] for b in w["both"]):
            without.append(role)
        else:
            need.append(role)
    if not need:
        return
    if q.topic and not without and not any(_has(text, w[k]) for k in ("both", "only")):
        # 优化转诊服务的牵头单位和配合单位分别是谁: both roles of ONE task named by its topic — a who-question of that task
        # (topic_who), not the departments holding both roles somewhere (既/又/只/不 mark a set)
        return
    q.act, q.subject, q.roles, q.without_roles = Act.COMPARE, "departments", need, without


#: 只参与了一项任务的单位 / 仅牵头两项任务的部门 / 参与三项以上任务的单位: departments by how many tasks they hold.
_TASK_COUNT = LazyPattern(r"(?P<only>只|仅)?(?:参与|参加|负责|承担|涉及|有|出现在|牵头|配合)?了?(?P<n>[一二两三四五六七八九十\d]{1,2})"
                         r"(?:项|个|条)(?P<more>以上|及以上|或以上)?(?:任务|工作)的?(?:部门|单位)")


def read_stated_total(r: Reading) -> None:
    """一共明确了多少项具体任务 / 涉及多少个牵头单位 / 由多少个部门牵头: a count of the plan's tasks or units asked
    with nothing but filler words before 多少/几 (`stated_totals` in shapes.yaml), where the plan's text states such a
    total — the answer gives the stated figure beside kb's own count (kb/qa/stated_totals.py).  A plan stating no
    total keeps the question's other reading (方案一共有多少项任务 → every task, counted)."""
    q, f = r.query, r.facts
    if q.departments or q.label or q.part or q.dates is not None or f.unresolved or q.outside:
        return
    words = r.words["stated_totals"]
    m = re.search(r"(多少|几)", r.text)
    if not m:
        return
    before, rest = r.text[:m.start()], r.text[m.end():]
    fillers = words["before_ask"]
    named = ""
    while before:
        w = next((w for w in fillers if before.startswith(w)), None)
        if w is None and not named:
            # (words naming one of the lists the plan states totals for: 民生实事 of 《…民生实事任务分解》)
            w = _stated_list_named(before, r.plan, words)
            named = w or ""
        if w is None:
            return
        before = before[len(w):]
    counter = next((c for c in (*words["task_counters"], *words["unit_counters"]) if rest.startswith(c)), None)
    if counter is None:
        return
    rest = rest[len(counter):].rstrip("?？!！。")
    for w in sorted(words["after_ask"], key=len, reverse=True):
        if rest.endswith(w) and len(rest) > len(w):
            led = w == "牵头"
            rest = rest[:-len(w)]
            break
    else:
        led = False
    kind = None
    if counter in words["unit_counters"]:
        if any(rest.endswith(n) for n in words["leads"]) or (led and any(rest.endswith(n) for n in words["units"])):
            kind = "leads"
        elif any(rest.endswith(n) for n in words["units"]):
            kind = "units"
    elif any(rest.endswith(n) for n in words["tasks"]):
        kind = "tasks"
    if kind is None or len(rest) > 8:
        return
    from kb.qa.stated_totals import matching, stated_totals

    noun = "" if kind == "leads" and not any(rest.endswith(n) for n in words["leads"]) else rest
    if not matching(stated_totals(r.plan, words), kind, noun, named):
        return
    q.act, q.stated, q.stated_noun, q.stated_list = Act.COUNT, kind, noun, named
    q.topic, q.terms = [], []


def _stated_list_named(text: str, plan, words: dict) -> str | None:
    """The longest start of ``text`` (2+ characters) that the name of a list with stated totals holds, if any."""
    from kb.qa.stated_totals import stated_totals

    names = {fold(t.list_name) for t in stated_totals(plan, words) if t.list_name}
    for end in range(len(text), 1, -1):
        if any(text[:end] in n for n in names):
            return text[:end]
    return None


def read_department_task_count(r: Reading) -> None:
    """只参与了一项任务的单位有哪些: the departments holding exactly (或 at least) N tasks, by the role named."""
    from kb.qa.question import _cn_number

    q = r.query
    if q.act is not None or q.departments:
        return
    m = _TASK_COUNT.search(r.text)
    if m is None or not (m.group("only") or m.group("more")):
        return
    n = int(m.group("n")) if m.group("n").isdigit() else _cn_number(m.group("n"))
    if not n:
        return
    q.act, q.subject, q.task_count, q.at_least = Act.COMPARE, "departments", n, bool(m.group("more"))
    q.roles = [x for x in r.facts.roles if x in ("lead", "support", "sole", "shared", "guide")][:1]
    q.without_roles = []


_PART_LISTS = ("列", "涉及", "包括", "包含", "出现", "提到", "提及", "写了", "写到", "有哪些单位", "有哪些部门", "有哪几")
_PART_MARKS = ("里", "中", "部分", "方面", "下面", "下", "这部分", "那部分", "这一块", "那一块", "一节")


def read_part_units(r: Reading) -> None:
    """职责分工里列了哪些单位 / 组织保障部分列了哪些责任单位 / 公共空间设施优化行动一共涉及多少个单位: the units a part
    or section of the plan names (its heading's title stands in the question; by the role named, any role else)."""
    from kb.qa.vocab import load_vocabulary

    q, f, text = r.query, r.facts, r.text
    if q.act is not None or q.departments or f.unresolved or f.label or not f.flags & {"list", "count", "who"}:
        return  # (X的牵头单位是谁 asks who does a topic: a list or a number of units is asked here)
    # (职责分工部分涉及哪几家单位 — asks9 s18: a who-word 哪几家 with no list word; the heading must then be marked as a
    # part of the plan, below — the part titled 职责分工 was read as the role 按职责分工负责: 共同负责的任务共 0 项)
    marked_only = not f.flags & {"list", "count"}
    voc = load_vocabulary()
    if not any(map(text.__contains__, voc.words["generic_departments"])):
        return
    # (what the part lists — 列了, 涉及, 一共多少个 —, not who does a topic: 推动智慧农业示范应用由哪些部门负责)
    if "count" not in f.flags and not any(map(text.__contains__, _PART_LISTS)):
        return
    for doc_id, parts, sections in r.plan.document_outlines():
        if q.plan and doc_id != q.plan:
            continue
        # (a section's heading before its part's: 公共空间设施优化行动 is a section of 一、行动任务)
        for label, title, key in [*((lb, t, "section") for lb, t in sections), *((n, t, "part") for n, t in parts)]:
            folded = fold(title)
            heads = [h for h in folded.replace("，", ",").split(",") if len(h) >= 4]
            # the whole title, or one head of it marked as a part of the plan (那部分, 里, 中 after it)
            if marked_only:
                found = len(folded) >= 4 and any(h in text and text[text.find(h) + len(h):].startswith(_PART_MARKS)
                                                 for h in [folded, *heads])
            else:
                found = len(folded) >= 4 and (folded in text or any(
                    h in text and text[text.find(h) + len(h):].startswith(_PART_MARKS) for h in heads))
            if found:
                _part_units_at(r, doc_id, label, title, key, voc)
                return
    # (组织领导部分涉及哪几家单位 of 八、强化组织领导 / 农机社会化服务部分 of 五、积极发展农机社会化服务 — asks9 s18: the
    # title's end, 4+ characters, marked as a part names it once the verbs opening it are left out; the longest such end,
    # of one heading only — two headings ending alike name neither)
    ends: dict[str, list] = {}
    for doc_id, parts, sections in r.plan.document_outlines():
        if q.plan and doc_id != q.plan:
            continue
        for label, title, key in [*((lb, t, "section") for lb, t in sections), *((n, t, "part") for n, t in parts)]:
            for head in fold(scoreless(title)).replace("，", ",").split(","):
                for k in range(1, len(head) - 3):
                    end = head[k:]
                    at = text.find(end)
                    if at >= 0 and text[at + len(end):].startswith(_PART_MARKS):
                        ends.setdefault(end, []).append((doc_id, label, title, key))
                        break
    if ends:
        best = max(ends, key=len)
        if len(ends[best]) == 1:
            _part_units_at(r, *ends[best][0], voc)


def _part_units_at(r: Reading, doc_id: str, label: str, title: str, key: str, voc) -> None:
    """The query of read_part_units for the part or section ``label`` titled ``title`` (``key``: part / section)."""
    q, f, text = r.query, r.facts, r.text
    folded = fold(title)
    q.act, q.subject, q.heading = Act.WHO, "part_units", f"{label}、{title}" if key == "part" else f"{label}{title}"
    q.cited = [t.id for t in r.plan.document_tasks(doc_id) if (t.section if key == "section" else t.part) == label]
    # the role asked (牵头单位) in the words outside the heading (职责分工 is no role asked)
    rest = text.replace(folded, "") if folded in text else text
    q.roles = [x for x in ("lead", "support") if any(map(rest.__contains__, voc.roles[x]))][:1]
    q.aggregate = "count" if "count" in f.flags else None


def read_rank_tasks(r: Reading) -> None:
    """哪项任务的配合单位最多 / 涉及部门最少的任务: a ranking whose subject is a task."""
    q, text, w = r.query, r.text, r.words
    if q.act is not None or q.departments:
        return
    most, least = _has(text, w["most"]), _has(text, w["least"])
    if not (most or least):
        return
    q.aggregate = "most" if most else "least"  # (最少的呢: a follow-up of a ranking keeps its subject)
    asks_task = _has(text, w["task_subject"])
    asks_dept = _has(text, w["department_subject"])
    if not asks_task or (asks_dept and text.find(asks_dept) < text.find(asks_task)):
        return
    for measure in ("support", "lead", "targets", "deadlines", "any"):
        if _has(text, w["measure"][measure]):
            break
    else:
        return
    q.act, q.aggregate, q.measure = Act.RANK, "most" if most else "least", measure


def read_extreme_deadline(r: Reading) -> None:
    """最早 / 最晚的时限: the tasks whose deadline comes first or last."""
    q, text, w = r.query, r.text, r.words
    if q.act is not None or q.dates is not None:
        return
    if r.facts.unit == "duration":
        return  # 最长可以开多久: the longest span the plan states (read_unit_value), not the latest deadline
    first, last = _has(text, w["earliest"]), _has(text, w["latest"])
    if not (first or last) or not (r.facts.flags & {"when", "due", "has_deadline"}):
        return
    q.act, q.aggregate = Act.WHEN, "earliest" if first else "latest"
    # (最晚 is the aggregate, never a topic word: 重污染天气应急预案最晚什么时候修订完成 asks the time of that topic, and
    # 最晚的任务 names none — the extreme over the plan)
    extremes = sorted(set(w["earliest"]) | set(w["latest"]), key=len, reverse=True)
    fillers = set(w["extreme_fillers"])
    q.topic = [t for t in (re.sub("|".join(map(re.escape, extremes)), "", word) for word in q.topic)
               if len(t) >= 2 and t not in fillers]


def read_each_value(r: Reading) -> None:
    """黄色、橙色、红色预警的减排比例分别是多少: several targets, answered whole."""
    q, f = r.query, r.facts
    if q.act is not None or "respectively" not in f.flags or f.departments or "target" not in f.flags:
        return
    # the items are named before 分别 (and before a 的 there: 黄色、橙色、红色预警的减排比例分别是多少; 燃气管道和供水管道
    # 分别要改造多少公里 has none)
    at = min((r.text.find(w) for w in r.words_voc("respectively") if w in r.text), default=len(r.text))
    head, tail = r.text[:at], r.text[at:]
    named, _, shared = head.partition("的")
    parts = [p for p in named.replace("和", "、").replace("及", "、").replace("与", "、").split("、") if p]
    if len(parts) < 2:
        return
    if f.unit:
        # 分别要改造多少公里: each item's number in that unit, stated by its paragraph (read_unit_value answers each)
        q.topic, q.topic_any = [p for p in parts if len(p) >= 2], True
        return
    # the words every item shares (减排比例): what follows 的, without the asking words
    rest = shared + tail
    for word in ("分别", "各自", "是多少", "多少", "是几", "为多少", "有多少", "是什么", "几"):
        rest = rest.replace(word, "")
    q.act, q.subject, q.each, q.items = Act.VALUE, "targets", True, parts
    q.topic = [rest] if rest else []


def read_annex_named(r: Reading) -> None:
    """示范场景有几个 / 附件里有哪些示范场景 / 附件1有几条 / 附件有几条: an annex after the body (``Document.annexes``: cite,
    title) named by its title (whole, or less a list word: 示范场景 of 示范场景清单), its own cite (附件1), or 附件 alone
    (every annex of the plan: each is answered with its title), asked for its items as a list or a count: its paragraphs
    (``heading`` + ``cited``, answered as a section), not a number in a unit no paragraph states.  Other topic words
    narrow the list when the question marks them as its topic (示范场景中哪些涉及企业开办, 附件里哪些任务涉及数据共享: they
    stay in ``topic``, kb.qa.exec_items.section_answer keeps the items holding them); unmarked, the question keeps its
    topic reading."""
    q, f = r.query, r.facts
    if q.part and _part_inside_annex_name(r):
        q.part = None  # 重点任务清单有多少项: the annex …重点任务清单（2023-2025年）, not the part 重点任务 its name holds
    if f.date is not None and _date_inside_annex_name(r):
        f.date, q.dates = None, None  # 某区2025年民生实事目标任务分解表有几项: the year is a word of the annex's title
    if (q.act is not None or f.departments or f.unresolved or q.label or q.part or q.section or q.ordinal is not None
            or f.date is not None or f.flags & {"who", "when"} or [x for x in f.roles if x not in ("any",)]):
        return
    asked = bool(f.flags & {"count", "list", "topic_mark"} or _COUNT_OF_ITEMS.search(r.text))
    content = _annex_content_ask(r)
    if not asked and not content and (f.flags - {"follow_up", "short", "opener"} or not q.topic):
        return
    if asked and _ANY_ANNEX.search(r.text) and not r.plan.document_annexes():
        # (附件有几条 of plans with no annex: said so — read as nothing else, it became a follow-up repeating the last answer)
        q.act, q.subject, q.outside, q.outside_words = Act.META, "plans", "annex", _ANY_ANNEX.search(r.text).group(0)
        return
    named = annexes_named(r)
    if not named:
        return
    names = [n for _, cite, title in named for n in (*_annex_names(r, cite, title), *annex_words())]
    if content:
        # 附件2说了什么: the annex alone is named (nothing left of the question but its name, the content ask and fillers)
        rest = r.text.replace(content, "")
        for n in sorted(names, key=len, reverse=True):
            rest = rest.replace(n, "")
        rest = rest.strip("《》“”\"的了呢吗？?。 ")
        if not rest or _names_annex(rest, [""], r.words["plan_count_words"]):
            asked, q.topic = True, []
    loose = [w for w in q.topic if not _names_annex(w, names, r.words["plan_count_words"])]
    if not asked and loose:
        return  # (附件2 / 示范场景清单 alone, the whole question: its items, as 附件2有哪些)
    if loose and "topic_mark" not in f.flags:
        return  # (示范场景的企业开办: its topic reading)
    doc_id = named[0][0]
    tasks = [t for _, cite, _ in named for t in r.plan.part_tasks(doc_id, cite)]
    if not tasks:
        return  # a caption with no text after it: nothing of it is kb's to list
    q.heading = annex_heading(named)
    q.cited = [t.id for t in tasks]
    q.topic, q.terms = loose, []
    q.act = Act.COUNT if "count" in f.flags or _COUNT_OF_ITEMS.search(r.text) else Act.LIST
    if q.act is Act.COUNT:
        f.flags.add("count")  # 示范场景有几个: 几个 was read as a unit, it counts the annex's items
    if len(r.plan.document_ids()) > 1:
        q.plan = doc_id


def read_annex_outline(r: Reading) -> None:
    """附件分为哪几个部分 / 附件第二部分包括哪几个方面 / 数字治理包括哪几个方面: the outline of an annex that has one (its
    parts, or one part's sections — an annex written in two heading levels), asked with a structure word — never its 12
    items listed (the items are what 附件有哪些 asks)."""
    q = r.query
    if q.act is not None or q.departments or q.label or not _has(r.text, r.words["structure_asks"]):
        return
    outlines = [(doc_id, sections) for doc_id, _, sections in r.plan.document_outlines() if not (q.plan and doc_id != q.plan)]
    # an annex part named by its title (数字治理包括哪几个方面), one in the corpus
    parts = [(doc_id, label) for doc_id, sections in outlines for label, title in sections
             if ANNEX_LEVEL_MARK in label and not label.endswith("）") and len(fold(scoreless(title))) >= 2
             and fold(scoreless(title)) in r.text]
    target = parts[0] if len(parts) == 1 else None
    if target is None:
        named = annexes_named(r)  # (by 附件, its cite or its title: 《某县数字乡村建设考评指标》分为哪几个部分)
        if len(named) != 1:
            return
        doc_id, cite, _ = named[0]
        sections = dict(next((s for d, s in outlines if d == doc_id), []))
        label = f"{cite}{ANNEX_LEVEL_MARK}{q.part}" if q.part else cite
        if q.part and label not in sections:
            return
        if not any(x.startswith((f"{label}（", f"{label}{ANNEX_LEVEL_MARK}")) for x in sections):
            return  # an annex of no outline: its items, as 附件有哪些 (read_annex_named)
        target = (doc_id, label)
    if target is None:
        return
    q.act, q.subject, q.outline_of, q.part, q.section = Act.STRUCTURE, "parts", target[1], None, None
    if len(r.plan.document_ids()) > 1:
        q.plan = target[0]


def read_annex_part(r: Reading) -> None:
    """附件第二部分有几项 / 附件1的第一部分有哪些: a part asked by its number of an annex the question names — the annex's
    own part (附件·二 of an annex written in two heading levels, else its heading 附件（二）), never the body's part of
    that number (二、考评内容 was answered for 附件第二部分)."""
    q = r.query
    if not q.part or q.label or not _ANY_ANNEX.search(r.text):
        return
    named = annexes_named(r)
    if len(named) != 1:
        return
    doc_id, cite, _ = named[0]
    doc = next((d for d in r.plan.documents if d.id == doc_id), None)
    titles = dict(doc.sections) if doc is not None else {}
    label = next((x for x in (f"{cite}{ANNEX_LEVEL_MARK}{q.part}", f"{cite}（{q.part}）") if x in titles), None)
    if label is None:
        return
    if q.section is not None:
        from kb.qa.question import _numeral

        inner = f"{label}（{_numeral(q.section)}）" if label.endswith(q.part) else None
        if inner not in titles:
            return
        label = inner
    q.heading = heading_line(label, titles[label])
    q.cited = [t.id for t in r.plan.document_tasks(doc_id) if under_heading(label, t.section)]
    q.part = q.section = None
    q.act = Act.COUNT if "count" in r.facts.flags or _COUNT_OF_ITEMS.search(r.text) else Act.LIST
    if len(r.plan.document_ids()) > 1:
        q.plan = doc_id


def _annex_content_ask(r: Reading) -> str:
    """The words asking an annex's whole content (说了什么, 主要内容: shapes.yaml ``annex_content_asks``), or ""."""
    return next((w for w in sorted(r.words["annex_content_asks"], key=len, reverse=True) if w in r.text), "")


#: 附件 or 附件N (附表1, 附录: a caption word of tables.yaml annex_words) asked of: its words as the question writes them.
_ANY_ANNEX = AnnexPattern(r"{annex_word}[\d一二三四五六七八九十]*")

#: A caption word not followed by its number (附件里, 附件的, 附表有几条): every annex of the plan (附件, the general
#: word), or those captioned by that word (附表).
_BARE_ANNEX = AnnexPattern(r"{annex_word}(?![\d一二三四五六七八九十])")


def annexes_named(r: Reading) -> list[tuple]:
    """(document id, cite, title) of the annexes the question names: by title (whole, or less a list word of shapes.yaml
    ``list_tails``, 3+ characters left), by cite (附件2), else 附件 alone — every annex of the one document holding
    annexes.  Two annexes named by title or cite, or one title in two plans: none (the topic readers answer)."""
    q = r.query
    annexes = [(doc_id, cite, title) for doc_id, doc_annexes in r.plan.document_annexes()
               if not (q.plan and doc_id != q.plan) for cite, title in doc_annexes]
    if not annexes:
        return []
    # (one cite read twice — a cover's 附件：title line and the annex's own caption — is one annex: its paragraphs are
    # the part of that cite)
    once: dict[tuple, tuple] = {}
    for doc_id, cite, title in annexes:
        once.setdefault((doc_id, cite), (doc_id, cite, title))
    annexes = list(once.values())
    named = [a for a in annexes if any(n in r.text for n in _annex_names(r, a[1], a[2]))]
    if len(named) == 1:
        return named
    bare = _BARE_ANNEX.search(r.text)
    if named or not bare or len({doc_id for doc_id, _, _ in annexes}) > 1:
        return []
    word = caption_word(bare.group(0))
    return annexes if word == annex_words()[0] else [a for a in annexes if caption_word(a[1]) == word]


def _annex_names(r: Reading, cite: str, title: str) -> tuple[str, ...]:
    """What names an annex in a question: its title (folded, 2+ characters), its title less a list word (3+ left), a
    tail of it holding the list word and 2+ characters before it (推广清单), its numbered cite (附件2, never as the start
    of 附件20)."""
    out = []
    folded = fold(title or "").rstrip("。：:")
    # (a period in brackets closing the title — 重点任务清单（2023-2025年） — is no part of the name a question writes)
    folded = re.sub(r"[（(][^（()）]*\d{4}[^（()）]*[)）]$", "", folded) or folded
    if len(folded) >= 2:
        out.append(folded)
        for tail in r.words["list_tails"]:
            if folded.endswith(tail) and len(folded) - len(tail) >= 3:
                out.append(folded[: -len(tail)])
                # the list word with the 2+ characters before it (推广清单 of 第二批支持创新相关改革举措推广清单): how a
                # question shortens a long title
                out.extend(folded[k:] for k in range(len(folded) - len(tail) - 2, 0, -1))
                break
    if cite not in annex_words():  # (a bare 附件 / 附录 is named by the word alone: annexes_named)
        c = fold(cite)
        if re.search(re.escape(c) + r"(?!\d)", r.text):
            out.append(c)
    return tuple(out)


def _part_inside_annex_name(r: Reading) -> bool:
    """The part the question names by its title (重点任务) stands inside a longer name of one annex the question writes
    (重点任务清单, of 静安区…重点任务清单（2023-2025年）): the annex is what is named — the longer name, as a title is
    preferred to a word of it."""
    q = r.query
    titles = [fold(t) for doc in r.plan.documents if not (q.plan and doc.id != q.plan)
              for num, t in doc.parts if num == q.part]
    titles = [t for t in titles if len(t) >= 2 and t in r.text]
    if not titles:
        return False
    named = annexes_named(r)
    return len(named) == 1 and any(t in n and len(n) > len(t) and n in r.text
                                   for n in _annex_names(r, named[0][1], named[0][2]) for t in titles)


def _date_inside_annex_name(r: Reading) -> bool:
    """The question's date (2025年) stands inside the one annex's name it writes (某区2025年民生实事目标任务分解表)."""
    named = annexes_named(r)
    if len(named) != 1 or r.facts.date is None:
        return False
    said = r.facts.date.text
    return any(said in n and n in r.text for n in _annex_names(r, named[0][1], named[0][2]))


def _names_annex(word: str, names: list[str], fillers=()) -> bool:
    """A topic word that is (part of) an annex's name, with 里/中/的 after it (附件里, 示范场景中), or such a name glued to
    words asking nothing of a count (shapes.yaml ``plan_count_words``: 附件列 of 附件列了几个示范场景 — holdout14 ys03
    was sent to the number-in-a-unit reader, which said 原文中没有“示范场景”)."""
    bare = word.rstrip("里中内的")
    if not bare or any(bare in n for n in names):
        return True
    if not fillers:
        return False
    for n in sorted(names, key=len, reverse=True):
        if n and n in bare:
            bare = bare.replace(n, "")
    changed = True
    while bare and changed:
        changed = False
        for w in fillers:  # (longest first)
            if bare.startswith(w) or bare.endswith(w):
                bare = bare[len(w):] if bare.startswith(w) else bare[:-len(w)]
                changed = True
                break
    return not bare


def annex_heading(named: list[tuple]) -> str:
    """How an answer heads annexes: ``附件1：示范场景`` for one, ``附件1《示范场景清单》、附件2《重点改革事项》`` for several."""
    if len(named) == 1:
        _, cite, title = named[0]
        return f"{cite}：{title}" if title else cite
    return "、".join(f"{cite}《{title}》" if title else cite for _, cite, title in named)


#: 多少/几 (+ a measure word) + the noun asked (要预留多少号源, 多少城市社区, 多少区域).
_COUNTED_NOUN = LazyPattern(r"(?:多少|几)(?P<unit>个|名|家|项|所|条|位|人)?(?P<noun>[\u4e00-\u9fff]{2,6})")
#: What the text writes between a number and the noun it counts (预留30%的号源, 50%的城市社区, 3名联系人): group ``unit``.
_NUMBER_BEFORE = LazyPattern(r"(?:[0-9][0-9.]*|[一二两三四五六七八九十百千]+)(?P<unit>%|％|个|名|家|项|所|条|位|人)?的?$")


#: What stands before a word the plan lists (、个体工商户, ：个体…): where the classifier's run opens a word — never inside
#: one (知名社会组织 holds 名社会; 3个项目 / 每个公园 count).
_WORD_OPENERS = frozenset("、，,。；;：:（(“\"《\n 和及与或")


def read_unit_in_word(r: Reading) -> None:
    """有多少个体工商户: the classifier read after 多少 (个) opens a word the plan writes (个体工商户, written after 、 not
    after a number) — the word is the thing counted, whole; never 体工商户 (holdout16, ROUTED reading5 a).  Only where the
    plan writes the run as a word of its own (after 、，： or 和 …): 3个项目, 每个公园, 知名社会组织 keep the classifier."""
    f = r.facts
    unit = getattr(f, "unit", None)
    if unit in ("duration",) or not f.topic:
        return
    for k, word in enumerate(f.topic):
        at = r.text.find(word)
        before = r.text[max(0, at - 3):at] if at > 0 else ""
        asked = next((c for c in (unit or "", before[-1:]) if c and before[:-len(c)].endswith(("多少", "几"))), None)
        if asked is None:
            continue
        whole = asked + word
        if len(word) < 2 or not r.text.find(whole) >= 0 or whole[:4] not in r.plan_text:
            continue
        for t in r.plan.tasks_matching([[whole[:4]]], fold, kinds=None)[:50]:
            text = fold(t.text or "")
            at = text.find(whole[:4])
            while at >= 0:
                if at == 0 or text[at - 1] in _WORD_OPENERS:
                    f.topic[k] = whole
                    if unit:
                        f.unit = None
                    if getattr(f, "counted", None) == word:
                        f.counted = whole
                    return
                at = text.find(whole[:4], at + 1)


def read_counted_noun(r: Reading) -> None:
    """医联体要预留多少号源 / 多少城市社区建成…: 多少 before a noun the plan's text writes right after a number (30%的号源,
    50%的城市社区) asks that number — a value in the unit the text writes it in (% → a share), never a search for tasks
    holding the words, nor a count of them.  Nouns of the plan's own items and units (任务, 部门, 方面: shapes.yaml
    ``unit_not_after``) are counts of the plan, read as before."""
    q, f = r.query, r.facts
    if q.act is not None or f.departments or f.unit or q.label or q.ordinal is not None or q.part:
        return
    m = _COUNTED_NOUN.search(r.text)
    if m is None:
        return
    noun = m.group("noun")
    if noun.startswith(tuple(r.words["unit_not_after"])) or noun.startswith(tuple(r.words_voc("task_nouns"))):
        return
    for k in range(len(noun), 1, -1):
        word = noun[:k]
        if word not in r.plan_text:  # (a stored plan's text answers `in` from its index, no scan)
            continue
        for t in r.plan.tasks_matching([[word]], fold, kinds=None)[:50]:
            text = fold(t.text or "")
            at = text.find(word)
            while at >= 0:
                before = _NUMBER_BEFORE.search(text[max(0, at - 12):at])
                if before is not None:
                    unit = before.group("unit") or m.group("unit") or word
                    q.act, q.subject, q.unit, q.counted = Act.VALUE, "targets", "%" if unit == "％" else unit, word
                    return
                at = text.find(word, at + 1)
        return  # (the longest start of the noun the plan writes decides; a shorter one would be another word)


def read_unit_value(r: Reading) -> None:
    """人才公寓要建多少套 / 每年培养多少名…: a number in a unit, stated by some paragraph (not always a target
    the parser read)."""
    q, f = r.query, r.facts
    if q.act is not None or not f.unit or f.departments:
        return
    if _counts_items(r):
        return  # 一共提出了多少条具体措施: the plan's own items counted (read_plan_count), no number a paragraph states
    q.act, q.subject, q.unit, q.counted = Act.VALUE, "targets", f.unit, f.counted


def _counts_items(r: Reading) -> bool:
    """多少条具体措施 / 几项重点任务 / 多少条: what the count asks for is the plan's items — nothing after the measure word,
    or a task noun (intents.yaml ``task_nouns``, after 具体/重点/主要) — not a number in a unit some paragraph states."""
    counted, bare = _counted_items(r)
    return bool(counted) and bare in r.words_voc("task_nouns")


def _counted_items(r: Reading) -> tuple[str | None, str | None]:
    """What a count of items (几项, 多少条) asks for: the words after the measure word ('' for none) and those words
    without a leading 具体/重点/主要; (None, None) when the question counts no items."""
    m = _COUNT_OF_ITEMS.search(r.text)
    if m is None:
        return None, None
    counted = r.text[m.end():].rstrip("呢吗啊呀？?。")
    return counted, counted.removeprefix("具体").removeprefix("重点").removeprefix("主要")


def read_heading(r: Reading) -> None:
    """A section or part named by its heading, and a paragraph cited by its whole title (its text asked)."""
    from kb.qa.vocab import load_vocabulary

    q, f, text, plan = r.query, r.facts, r.text, r.plan
    voc = load_vocabulary()
    # (a paragraph's text is asked only with a word asking it: 内容, 是什么 … — checked before the store is)
    if not (f.departments or f.unresolved or f.label or f.date or f.ordinal) and any(
            w in text for w in voc.item_asks["text"]):
        titled = plan.titled_in(text, fold)
        if titled:
            task = max(titled, key=lambda t: len(t.title))
            rest = text.replace(fold(task.title), "")
            others = [w for key in ("who", "when", "count") for w in voc.words[key]]
            others += [w for role, ws in voc.roles.items() if role != "any" for w in ws]
            # (the title's own words, 落实 of 强化责任落实, ask nothing)
            if any(map(rest.__contains__, voc.item_asks["text"])) and not any(map(rest.__contains__, others)):
                q.titled = task.id
    if (f.departments or f.unresolved or f.label or f.flags & {"who", "when"} or f.structure or f.part
            or not (f.flags & {"list", "count", "topic_mark", "area"} or f.roles == ["any"])):
        return
    if q.heading:
        return  # (named already — an annex by its title, 重点任务清单, is not the part 重点任务 a word of it names)
    from kb.qa.plan_terms import heading_named

    named = heading_named(plan, q.topic)  # the whole topic is a heading's term (kb/qa/plan_terms.py)
    if named:
        q.heading, q.cited = named[0], [t.id for t in named[1]]
        return
    spread_known: list[bool] = []

    def spread() -> bool:
        """The words stand in tasks of several sections: a topic, not the heading of one section (asked once,
        only when a heading's bare words would match)."""
        if not spread_known:
            spread_known.append(bool(q.topic) and len(
                {t.section for t in plan.tasks_matching([(w,) for w in q.topic], fold)}) > 1)
        return spread_known[0]

    joined = "".join(q.topic)
    # 方面/领域 ask for an area, other marks (相关) for a keyword.
    area = "topic_mark" not in f.flags or "area" in f.flags or any(map(text.__contains__, voc.words["section_marks"]))
    overview_words = [w for ws in voc.overview.values() for w in ws[1]]
    section_named: dict[str, bool] = {}  # title → named by the question (plans share many titles: 保障措施 …)
    part_named: dict[str, bool] = {}

    def names_section(title: str) -> bool:
        hit = section_named.get(title)
        if hit is None:
            folded, heads, bare = _title_heads(title)
            # 交通运输结构方面的任务: a head without its leading verb (改善), when it is all the topic
            # (产业结构调整 too): ``bare``; 拓展应用场景，推动示范应用有哪些任务: the whole heading typed with other
            # punctuation (、 of the plan typed ，, or none)
            whole = _bare_heading(folded)
            hit = section_named[title] = any(map(text.__contains__, heads)) or (area and len(joined) >= 4 and any(
                b in joined or all(w in b for w in q.topic) for b in bare) and not spread()) or (
                len(whole) >= 6 and whole in _bare_heading(text)) or _number_word_named(folded, text)
        return hit

    # (一 head of a part's title of several — 壮大市场主体，优化市场环境 — names the part when the question marks an
    # area of the plan: 那部分, 这一块, 方面)
    marked_area = "area" in f.flags or any(map(text.__contains__, voc.words["section_marks"]))

    asks_overview = any(map(text.__contains__, overview_words))

    def names_part(title: str) -> bool:
        hit = part_named.get(title)
        if hit is None:
            folded, heads, _ = _title_heads(title)
            # (a clause of 6+ characters that is all the topic, 打造数字政府有哪些任务, names its part as a section's does)
            several = len(heads) > 1
            heads = heads if marked_area else tuple(h for h in heads if len(h) >= 6 and q.topic == [h] and not spread())
            overview = any(map(folded.__contains__, overview_words))
            # (a part's title typed with other punctuation — 壮大市场主体、优化市场环境 for the plan's ，— is that title)
            whole = _bare_heading(folded)
            hit = part_named[title] = len(title) >= 4 and (
                (folded in text or several and any(map(text.__contains__, heads))
                 or len(whole) >= 6 and whole in _bare_heading(text)) and not overview
                or overview and asks_overview and (_names_by_run(folded, text, q.topic) or _within_title(folded, text)))
        return hit

    ended = _heading_by_end(r, joined) if marked_area else None
    if marked_area and not ended:
        # (资金保障方面: 保障 was read as the overview word of 保障措施, the topic 资金 alone — the words typed before the
        # area mark, from the longest run down to 4 characters)
        marks = [m for m in voc.words["section_marks"] if m in text]
        before = re.findall(r"[\u4e00-\u9fff]+$", text[:text.find(marks[0])]) if marks else []
        for k in range(len(before[0]) - 4 + 1 if before else 0):
            ended = _heading_by_end(r, before[0][k:])
            if ended:
                break
    if ended:
        # (资金保障方面有哪些任务 of （二）加强财政资金保障, 运营安全管理方面 of 四、加强运营安全管理 — asks9 s18: the end of one
        # heading's title, verbs before it left out, is all the topic and marked as an area: that heading, before any
        # title merely holding the words (四（一）夯实运营安全管理基础) or a keyword search over every item (涉及“资金”))
        doc_id, label, title, key = ended
        if key == "section":
            q.heading = heading_line(label, title)
            q.cited = [t.id for t in plan.document_tasks(doc_id) if under_heading(label, t.section)]
        else:
            q.heading = f"{label}、{title}"
            q.cited = [t.id for t in plan.part_tasks(doc_id, label)]
        _drop_heading_words(q, title)
        return
    for doc_id, doc_parts, doc_sections in plan.document_outlines():  # (a stored plan reads no whole document)
        for label, title in doc_sections:
            if names_section(title):
                q.heading = heading_line(label, title)
                q.cited = [t.id for t in plan.document_tasks(doc_id) if under_heading(label, t.section)]
                _drop_heading_words(q, title)
                return
        for num, title in doc_parts:
            if names_part(title):
                q.heading = f"{num}、{title}"
                q.cited = [t.id for t in plan.part_tasks(doc_id, num)]
                _drop_heading_words(q, title)
                return


def _heading_by_end(r: Reading, joined: str) -> tuple | None:
    """(doc, label, title, part/section) of the one heading whose title (a clause of it) ends in the whole topic
    ``joined`` (4+ characters) with only words before it (加强财政资金保障 for 资金保障): None when no heading or several
    end so, or when the topic is the whole title (the other rules name it)."""
    if len(joined) < 4:
        return None
    found = []
    for doc_id, parts, sections in r.plan.document_outlines():
        if r.query.plan and doc_id != r.query.plan:
            continue
        for label, title, key in [*((lb, t, "section") for lb, t in sections), *((n, t, "part") for n, t in parts)]:
            heads = fold(scoreless(title)).rstrip("。.").replace("，", ",").split(",")
            if any(h.endswith(joined) and len(h) > len(joined) for h in heads):
                found.append((doc_id, label, title, key))
    return found[0] if len(found) == 1 else None


#: The score a heading's title closes with (（25分）, （满分60分）): group 1, as written.
_SCORE_VALUE = LazyPattern(r"[（(](?:满分|共|计)?(\d+(?:\.\d+)?分)(?:值)?[)）][。.]?$")


def _only_fillers(rest: str, fillers) -> bool:
    """Nothing is left of ``rest`` once the filler words are taken off its ends (一体化政务服务平台建设 less 政务服务 leaves
    一体化…平台建设: the heading 政务服务 is not what is named)."""
    return not strip_fillers(rest, fillers)


def strip_fillers(text: str, fillers) -> str:
    """``text`` less the filler words at its ends, longest first, until none is left at either end."""
    words = sorted(fillers, key=len, reverse=True)
    changed = True
    while text and changed:
        changed = False
        for w in words:
            if text.startswith(w):
                text, changed = text[len(w):], True
            if text.endswith(w):
                text, changed = text[: -len(w)], True
    return text


def read_annex_items_named(r: Reading) -> None:
    """“政府办公统一协同”部分有几项指标 in an annex titled …考评指标: the annex's items ARE its 指标 — the heading's items
    are counted, not the numeric targets of their text (``Query.target_list``, read from 指标 in any plan).  Only when every
    target-list word the question writes stands in that annex's title (量化指标 still asks the figures)."""
    q = r.query
    if not q.target_list or not q.cited:
        return
    from kb.qa.vocab import load_vocabulary

    first = r.plan.task(q.cited[0])
    if first is None:
        return
    title = next((t for doc_id, annexes in r.plan.document_annexes() if doc_id == first.doc
                  for cite, t in annexes if cite == first.part), None)
    words = [w for w in load_vocabulary().words["target_list"] if w in r.text]
    if title and words and all(w in fold(title) for w in words):
        q.target_list = False


def read_heading_score(r: Reading) -> None:
    """政府治理“一网统管”占多少分 / 基层治理几分 / 网络覆盖的分值是多少: a score asked (shapes.yaml ``score_asks``) of a part
    or section named by its title (the longest the question writes, its closing score left out), whose title closes with
    its score — that score (``Query.heading_score``, the heading's items in ``cited``), never its items counted nor a
    number of its text.  A score someone got (得了多少分: ``score_not_after`` right before the ask) is an outcome no plan
    states: left to the other readers."""
    q, text = r.query, r.text
    if q.act is not None or q.departments or q.label:
        return
    asked = next((w for w in sorted(r.words["score_asks"], key=len, reverse=True) if w in text), None)
    at = text.find(asked) if asked else -1
    if at < 0 or text[:at].endswith(tuple(r.words["score_not_after"])) or text[at + len(asked):].startswith("钟"):
        return  # (得了多少分: an outcome; 几分钟: a time)
    best = None
    for doc_id, parts, sections in r.plan.document_outlines():
        if q.plan and doc_id != q.plan:
            continue
        for label, title in [*((num, t) for num, t in parts), *sections]:
            m = _SCORE_VALUE.search(title or "")
            name = fold(scoreless(title))
            if m and len(name) >= 2 and name in text and (best is None or len(name) > len(best[3])) \
                    and _only_fillers(text.replace(name, "", 1).replace(asked, "", 1), r.words["score_fillers"]):
                best = (doc_id, label, title, name, m.group(1), any(label == num for num, _ in parts))
    if best is None:
        return
    doc_id, label, title, _, score, is_part = best
    q.heading = f"{label}、{title}" if is_part else heading_line(label, title)
    q.cited = [t.id for t in (r.plan.part_tasks(doc_id, label) if is_part else
                              [t for t in r.plan.document_tasks(doc_id) if under_heading(label, t.section)])]
    q.heading_score, q.topic = score, []
    if len(r.plan.document_ids()) > 1:
        q.plan = doc_id


def _drop_heading_words(q: Query, title: str) -> None:
    """The topic words that are the named heading's own words typed with other punctuation (提升政务服务打造数字政府 for
    提升政务服务，打造数字政府) name the heading, not a narrower topic within it."""
    folded, _, _ = _title_heads(title)
    bare = _bare_heading(folded)
    q.topic = [w for w in q.topic if w in folded or _bare_heading(w) not in bare]


def _within_title(folded_title: str, text: str) -> bool:
    """The whole title with 里/中/内 right after it (保障措施里哪些涉及资金, 保障措施里有哪些): the part is the list asked
    within, though its title is an overview word (保障措施有哪些 asks the plan's safeguards)."""
    return any(folded_title + w in text for w in ("里", "中", "内", "当中"))


def _title_heads(title: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A heading's title folded, its heads (the pieces between commas, 4+ characters) and those heads of 6+ characters
    without their first two (a leading verb: 改善): once per title in the process (every question with a list or
    count word compared every section title, folding each again)."""
    held = _HEADS.get(title)
    if held is None:
        if len(_HEADS) > 4096:
            _HEADS.clear()
        folded = fold(scoreless(title))
        heads = tuple(h for h in folded.replace("，", ",").split(",") if len(h) >= 4)
        held = _HEADS[title] = (folded, heads, tuple(h[2:] for h in heads if len(h) >= 6))
    return held


_HEADS: dict[str, tuple] = {}

#: A score closing a heading of an assessment plan (组织领导（20分）, 重点任务（满分60分）): no word a question names it by.
_SCORE = LazyPattern(r"[（(](?:满分|共|计)?\d+(?:\.\d+)?分(?:值)?[)）][。.]?$")


def scoreless(title: str) -> str:
    """``title`` without a score closing it (组织领导（20分） → 组织领导): 组织领导有几项 names that part (routed from holdout15)."""
    return _SCORE.sub("", title or "") or (title or "")

#: A heading opening with its own number word before a colon: 行动二：…, 任务一：…, 专项三：… (two characters and a numeral).
_NUMBER_WORD = re.compile(r"^([\u4e00-\u9fff]{2}[一二三四五六七八九十]{1,3})[:：]")


def _number_word_named(folded_title: str, text: str) -> bool:
    """The question writes the heading's own number word (行动二 of 行动二：重塑美丽新居行动), not as the start of a longer
    number (行动二十)."""
    m = _NUMBER_WORD.match(folded_title)
    return bool(m) and re.search(re.escape(m.group(1)) + "(?![一二三四五六七八九十])", text) is not None


#: A part heading's own count (（9项）, (共11项)) and a leading year: no words that name the part.
_HEADING_EXTRAS = re.compile(r"^\d{4}年(?:度)?|[（(]\s*共?\s*[\d一二三四五六七八九十百]+\s*[项条件]\s*[）)]$")
#: How long a run of a heading's words must be to name its part where the heading holds an overview word
#: (主要预期目标 names 一、2025年主要预期目标; 工作目标, 4 characters, stays the plan's goals asked).
PART_RUN = 5


def _names_by_run(folded_title: str, text: str, topic: list[str]) -> bool:
    """The question holds a run of PART_RUN+ characters of a heading that holds an overview word (目标, 任务 …), and
    the run covers every topic word read (主要预期目标有几项 → 一、2025年主要预期目标): the part is named, not the
    plan's goals in general."""
    core = _HEADING_EXTRAS.sub("", folded_title)
    best = ""
    for i in range(len(core)):
        for j in range(len(core), i + max(PART_RUN, len(best) + 1) - 1, -1):
            if core[i:j] in text:
                best = core[i:j]
                break
    return len(best) >= PART_RUN and all(w in best for w in topic)


def read_topic_ask(r: Reading) -> None:
    """What a topic question asks (who, when, a value, a list), for the topic executors (kb/qa/exec_topics.py)."""
    from kb.qa.vocab import load_vocabulary

    q, f, text = r.query, r.facts, r.text
    voc = load_vocabulary()
    q.asks = sorted(f.flags & {"who", "when", "target", "list", "count", "topic_mark", "topic_before", "topic_after",
                               "ranking", "due", "baseline"})
    q.short = len(text) <= 8
    q.pronoun = next((w for w in voc.words["pronouns"] if w in text), "它") if "pronoun" in f.flags else None
    q.chitchat = text in voc.words["chitchat"]
    q.search_words = list(q.topic) or ([text] if text else [])
    q.overview, q.sharing = f.overview, f.structure
    q.target_list = any(map(text.__contains__, voc.words["target_list"]))
    if q.sharing == "lead_count":
        m = _COUNT.search(text)
        digits = m.group(1) if m else ""
        n = int(digits) if digits.isdigit() else (_CN_NUM.get(digits) if len(digits) == 1 else None)
        if n:
            q.lead_count, q.at_least = n, any(map(text.__contains__, voc.words["at_least"]))
        else:
            q.sharing = None  # 几个部门牵头 names no number
    q.opener = "opener" in f.flags
    q.any_role = "any" in f.roles
    any_not_noun, target_not_count = _topic_ask_words(voc)
    q.task_noun_only = f.roles == ["any"] and not any(map(text.__contains__, any_not_noun))
    q.ends_with_task_noun = f.roles == ["any"] and text.endswith(voc.words["task_nouns"])
    q.target_word = any(map(text.__contains__, target_not_count))
    if q.target_word and _has(text, r.words["start_asks"]):
        # 国六排放标准从什么时候开始实施: asking when something starts, a target word inside a topic word names it
        bare = text
        for w in q.topic:
            bare = bare.replace(w, "")
        q.target_word = any(map(bare.__contains__, target_not_count))
    words = asked_topic(q.topic, voc, r.plan)
    if not words:
        return
    if not (f.roles or f.flags & {"who", "when", "list", "topic_mark", "count"}):
        metrics = plan_metrics(r.plan)[0]
        # the whole question too: 重度及以上污染天数 is split at 及 into words
        q.names_metric = any(w in m and len(w) >= 0.6 * len(m) for w in [*words, text] for m in metrics)
    if "target" in f.flags or q.names_metric:
        q.scopes = sorted(s for s, folded in plan_metrics(r.plan)[1] if folded in text)
    q.glued = _glued_phrase(text, words, voc, r.plan_text)


def _topic_ask_words(voc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Role words of ``any`` that are no task noun, and target words that are no count word (once per vocabulary)."""
    held = _TOPIC_ASK_WORDS.get(id(voc))
    if held is None or held[0] is not voc:
        nouns, count = set(voc.words["task_nouns"]), set(voc.words["count"])
        held = _TOPIC_ASK_WORDS[id(voc)] = (voc, tuple(w for w in voc.roles["any"] if w not in nouns),
                                            tuple(w for w in voc.words["target"] if w not in count))
    return held[1], held[2]


_TOPIC_ASK_WORDS: dict[int, tuple] = {}


#: A number written in digits or Chinese numerals before 个/家 (两个部门共同牵头).
_COUNT = LazyPattern(r"([0-9]+|[一二两三四五六七八九十]+)(?:个|家)")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


#: id(plan) → (plan, folded metrics, (scope, folded scope) pairs): read once per plan object, since every
#: topic question looks at them (plan.target_keys(): rows of the store, no task built).
_METRICS: dict[int, tuple] = {}


#: An item's marker at the start of a metric ((三), 3.), folded.
_MARKER = LazyPattern(r"^(?:\([一二三四五六七八九十\d]{1,4}\)|\d{1,3}[.、])")


def plan_metrics(plan) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The folded metrics of the plan's targets, and their scopes' places (as written, folded)."""
    held = _METRICS.get(id(plan))
    if held is None or held[0] is not plan:
        rows = plan.target_keys()  # (task id, n, metric, scope, year): no task built
        scopes = sorted({s for _, _, _, scope, _ in rows if scope for s in split_scope(scope)})
        if len(_METRICS) > 8:
            _METRICS.clear()
        # (a metric read with its item's marker, (三)固定资产投资, is named without it)
        held = _METRICS[id(plan)] = (plan, frozenset(_MARKER.sub("", fold(metric)) for _, _, metric, _, _ in rows),
                                     tuple((s, fold(s)) for s in scopes))
    return held[1], held[2]


def split_scope(scope: str) -> list[str]:
    """A target's scope as its places (荣县、富顺县 → 荣县, 富顺县)."""
    return [s for s in re.split(r"[、，,和及与]", scope) if s]


def _glued_phrase(text: str, words: list[str], voc, plan_text) -> str | None:
    """A topic word written fused with an overview word (组织 + 保障) into a phrase no paragraph holds.

    The scan takes 保障 out as a word of its own, leaving 组织; but the user asked for 组织保障, and
    listing every paragraph that says 组织 (无组织排放) would answer another question.
    (Not 目标 and the like: 扬尘目标 asks the targets of 扬尘 tasks, which the target executor answers.)
    """
    nouns = _overview_nouns(voc)
    for word in words:
        if not word.strip("里中内的"):
            continue  # 保障措施里哪些涉及资金: 里 places the list, it fuses with nothing
        at = text.find(word)
        if at < 0:
            continue
        # (one C test of every noun first: most words stand beside none)
        after = next((n for n in nouns if text.startswith(n, at + len(word))), None) if text.startswith(
            nouns, at + len(word)) else None
        before = next((n for n in nouns if text[:at].endswith(n)), None) if text[:at].endswith(nouns) else None
        phrase = (before or "") + word + (after or "")
        if phrase != word and phrase not in plan_text:
            return phrase
    return None


_NOUNS: dict[int, tuple] = {}


def _overview_nouns(voc) -> tuple[str, ...]:
    """Overview words (保障, 要求 …) that hold no target word, longest first (once per vocabulary)."""
    held = _NOUNS.get(id(voc))
    if held is None or held[0] is not voc:
        targets = voc.words["target"]
        held = _NOUNS[id(voc)] = (voc, tuple(longest_first(w for ask, _ in voc.overview.values() for w in ask
                                                           if len(w) >= 2 and not any(map(w.__contains__, targets)))))
    return held[1]


#: A part's heading as read_heading writes it (四、主要任务): its numeral.
_PART_HEADING = LazyPattern(r"^([一二三四五六七八九十]+)、")


def read_numbered(r: Reading) -> None:
    """第N节 / 第N点 / 第N条 after the name of a part or section (主要任务第三节, 保障措施的第三点, 主要任务第十二项):
    the Nth section of that part (``part`` + ``section``), or the item numbered N within it (``ordinal`` with the
    part's or section's tasks in ``heading``/``cited``).  A section number alone (第二节) in a plan where one
    part only has sections is that part's.  An ordinal with no name before it stays the previous answer's item,
    else the plan's own numbered item (kb/qa/exec_items.py)."""
    q, f = r.query, r.facts
    if q.part and q.section is not None and not (q.outside or q.label):
        # 第三部分第二个方面由谁负责 (was not understood)
        doc = next((d for d in r.plan.documents if not q.plan or d.id == q.plan), None)
        title = next((t for d in r.plan.documents for n, t in d.parts if d is doc and n == q.part), None)
        if doc is not None and title is not None and len(r.plan.documents) == 1:
            _section_who(r, doc, q.part, title)
        return
    if q.outside or q.label or q.part or (q.section is None and q.ordinal is None):
        return
    if q.ordinal is not None and _division_numbered(r):
        return
    named = _part_named(r)
    if q.departments:
        # 县农业农村局牵头工作的第一项: a department named inside the part's title is the part's name, not a department
        title = fold(named[2]) if named is not None else ""
        if named is None or not all(fold(d.name) in title or _LEVEL.sub("", fold(d.name)) in title
                                    for d in q.departments):
            return
        q.departments, q.roles = [], []
    if named is None and q.ordinal is not None and not q.heading:
        # (an annex by its title or cite — 附件2的第一条 —, else 附件 alone: with several annexes, an item numbered N in
        # each, which kb.qa.exec_items.plan_item asks back about)
        annexes = annexes_named(r)
        if len(annexes) > 1:
            q.heading = annex_heading(annexes)
            q.cited = [t.id for doc_id, cite, _ in annexes for t in r.plan.part_tasks(doc_id, cite)]
            q.overview = None
            return
        if annexes:  # (the one annex's document, read only now)
            doc_id, cite, title = annexes[0]
            named = (next(d for d in r.plan.documents if d.id == doc_id), cite, title)
        else:
            named = _list_named(r)
        if named is None:
            return
    if named is None and q.heading and (m := _PART_HEADING.match(q.heading)):
        first = r.plan.task(q.cited[0]) if q.cited else None
        doc = next((d for d in r.plan.documents if first is not None and d.id == first.doc), None)
        named = (doc, m.group(1), q.heading[m.end():]) if doc is not None else None
    section_like = q.section is not None or (f.ordinal_unit or "") in r.words_voc("section_ordinal_units")
    if named is None and q.section is not None:
        # 第二节 with no part named: the one part that has sections, if only one has
        withs = [(d, num, title) for d in r.plan.documents for num, title in d.parts
                 if any(label.startswith(num + "（") for label, _ in d.sections)]
        named = withs[0] if len(withs) == 1 else None
    if named is None:
        return
    doc, num, title = named
    has_sections = any(label.startswith(num + "（") for label, _ in doc.sections)
    if section_like and (q.section is not None or has_sections):
        q.part, q.section = num, q.section if q.section is not None else q.ordinal
        q.ordinal = q.item = None
        q.heading, q.cited, q.overview = None, [], None
        if len(r.plan.documents) > 1:
            q.plan = doc.id
        _section_who(r, doc, num, title)
        return
    if q.ordinal is not None and (q.heading is None or _PART_HEADING.match(q.heading)):
        # (an annex named by its title, 示范场景的第一个: cited 附件：示范场景, its own items)
        q.heading = f"{num}、{title}" if _PART_HEADING.match(f"{num}、") else f"{num}：{title}"
        q.cited = [t.id for t in r.plan.part_tasks(doc.id, num)]
        q.overview = None


def _section_who(r: Reading, doc, num: str, title: str) -> None:
    """重点任务第五个方面的牵头单位有哪些 / 第三部分第二个方面由谁负责: a who-question of part ``num``'s Nth section asks it
    by its label, as 三（五）的牵头单位 does (its items with their units) — the part's title words left as a topic (重点)
    had answered items titled 重点…, and part + section with who was not understood."""
    q, f = r.query, r.facts
    labels = [label for label, _ in doc.sections if label.startswith(num + "（")]
    if "who" not in f.flags or q.departments or not 1 <= q.section <= len(labels):
        return
    q.label = labels[q.section - 1].replace("（", "(").replace("）", ")")
    q.item, q.part, q.section = "departments", None, None
    q.topic = [w for w in q.topic if fold(w) not in fold(title)]
    q.search_words = [w for w in q.search_words if fold(w) not in fold(title)]


#: A department's level prefix (市市场监管局 is written 市场监管局 in a heading of its own plan).
_LEVEL = re.compile(r"^[省市区县]")

#: X的第N件/项/条 (十件民生实事的第一件是什么): the words naming the list an ordinal is asked of.
_LIST_ORDINAL = re.compile(r"^(?:这个|该|本)?(?:方案|文件)?(?:里|中|的)?(?P<x>[^第]{3,}?)(?:里|中|当中)?的?第[\d一二三四五六七八九十百]+(?:件|项|条|个|点)")


def _list_named(r: Reading):
    """An ordinal asked of a list named by words (民生实事的第二件, 十件民生实事的第一件): the part whose title holds
    those words (one part only) — else, when no task of the plan holds them either, ``Query.list_named`` (the plan's
    text lists no such items: the answer says so rather than giving the plan's own item N)."""
    q = r.query
    m = _LIST_ORDINAL.match(r.text)
    if m is None:
        return None
    words = m.group("x")
    if _has(words, (*r.words_voc("pronouns"), *r.words_voc("within"))):
        return None  # 刚才列出的第二项 / 上述任务中的第三项: the previous answer's list
    parts = [(doc, num, title) for doc in r.plan.documents if not (q.plan and doc.id != q.plan)
             for num, title in (*doc.parts, *(getattr(doc, "annexes", None) or [])) if words in fold(title)]
    if len(parts) == 1:
        return parts[0]

    # a list the plan names (an attachment's title: 十件民生实事) but whose items no task holds; words the plan never
    # writes (你列出的第二项) name no list of it and keep their reading
    if not parts and (words in r.plan_text or _in_attachment_list(r, words)) and not r.plan.tasks_matching([(words,)], fold):
        q.list_named = words
    return None


def _division_numbered(r: Reading) -> bool:
    """行动计划的第三个行动 / 若干政策的第二条: an ordinal asked of one document of a file holding several (若干政策 +
    行动计划), named before 的第N — the Nth of its sections titled with the noun counted (…行动), else its item numbered N
    (asked back when several are), cited by its title; True when the question names such a document (before: "the plan
    lists no items of 行动计划", though the file holds the whole plan, or an item of the other document)."""
    q = r.query
    m = _LIST_ORDINAL.match(r.text)
    if m is None:
        return False
    words = m.group("x")
    named = [(doc_id, cite, title) for doc_id, held in r.plan.document_divisions() if not (q.plan and doc_id != q.plan)
             for cite, title in held if words in (fold(cite.strip("《》")), fold(title))]
    if len(named) != 1 or (words != fold(named[0][2]) and _other_title_holds(r, named[0][0], words)):
        return False
    doc_id, cite, title = named[0]
    q.plan, q.division = doc_id, cite
    if (section := _division_section(r, doc_id, cite)) is not None:
        q.part, q.section = section
        q.ordinal = q.item = None
        q.heading, q.cited, q.overview = None, [], None
        return True
    q.heading = f"《{title}》"
    q.cited = [t.id for t in r.plan.division_plan(doc_id, cite).tasks]
    q.overview = None
    return True


#: The noun after an ordinal (第三个行动是什么 → 行动): what kind of heading is counted.
_ORDINAL_NOUN = re.compile(r"第[\d一二三四五六七八九十百]+(?:件|项|条|个|点)(?P<noun>[\u4e00-\u9fff]{2,4}?)(?:是|有|包括|叫|的|呢|吗|？|\?|$)")


def _division_section(r: Reading, doc_id: str, cite: str) -> tuple[str, int] | None:
    """(part, section number) of the Nth section titled with the noun the question counts (行动计划的第三个行动 → the third
    section of the action plan whose title ends 行动), when exactly one part of that document holds such sections and
    it holds N of them; else None (the document's items are asked instead)."""
    q = r.query
    m = _ORDINAL_NOUN.search(r.text)
    if m is None or not q.ordinal:
        return None
    noun = m.group("noun")
    doc = next((d for d in r.plan.documents_of(doc_id)), None)
    if doc is None:
        return None
    from kb.model import division_of

    held: dict[str, list[str]] = {}
    for label, title in doc.sections:
        part = label[: label.rfind("（")]
        if (division_of(doc, part) or ("",))[0] == cite and fold(title).rstrip("。").endswith(noun):
            held.setdefault(part, []).append(label)
    if len(held) != 1:
        return None
    part, labels = next(iter(held.items()))
    from kb.numerals import cn_number

    if q.ordinal > len(labels):
        # 第十个行动 of nine: none — the part's section N is asked, which the plan lacks (never the item numbered 10)
        numbers = {cn_number(label[len(part) + 1 : -1]) for label, _ in doc.sections if label.startswith(part + "（")}
        return (part, q.ordinal) if q.ordinal not in numbers else None
    if q.ordinal < 1:
        return None

    number = cn_number(labels[q.ordinal - 1][len(part) + 1 : -1])
    return (part, number) if number else None


def _in_attachment_list(r: Reading, words: str) -> bool:
    """``words`` stand in a document's closing or cover notice — the attachments list (附件：1.…任务分解表 2.…十件民生实事项目)
    the parser keeps there, no paragraph: the plan names a list it does not hold."""
    return any(words in fold(d.closing or "") or words in fold(d.cover or "") for d in r.plan.documents
               if not (r.query.plan and d.id != r.query.plan))


def _part_named(r: Reading):
    """(document, numeral, title) of the part whose whole title the question holds (the longest), else None; a
    heading's own count and leading year (二、X牵头工作（9项）) are no words of its title here."""
    best = None
    for doc in r.plan.documents:
        if r.query.plan and doc.id != r.query.plan:
            continue
        for num, title in doc.parts:
            folded = _HEADING_EXTRAS.sub("", fold(title))
            if len(folded) >= 2 and folded in r.text and (best is None or len(folded) > len(fold(best[2]))):
                best = (doc, num, title)
    return best


def read_act(r: Reading) -> None:
    """The act of questions the older rules answer, for the record (fixtures, JSON)."""
    q, f = r.query, r.facts
    if q.act is not None:
        return
    if f.empty:
        q.act = Act.HELP
    elif q.ordinal is not None or q.label:
        q.act = {"deadline": Act.WHEN, "target": Act.VALUE, "departments": Act.WHO, "count": Act.COUNT}.get(
            q.item or "", Act.TEXT)
    elif "ranking" in f.flags and _has(r.text, r.words["department_subject"]):
        q.act, q.subject, q.aggregate = Act.RANK, "departments", q.aggregate or "most"
    elif "count" in f.flags and "target" not in f.flags:
        q.act = Act.COUNT
    elif "who" in f.flags and not q.departments:
        q.act = Act.WHO
    elif "when" in f.flags and not q.dates:
        q.act = Act.WHEN
    elif "target" in f.flags and not q.departments and q.topic:
        q.act = Act.VALUE
    else:
        q.act = Act.LIST


#: Acts whose follow-ups (配合的呢, 最少的呢) are answered by merging slots into the previous Query.
MERGING_ACTS = (Act.RANK, Act.COMPARE, Act.STRUCTURE)


#: Roles a question may ask of "which departments" that a plan may give no one: then the plan does not hold it.
#: (负责 / 按职责分工负责 / 落实 are also plain verbs of a question — 哪些单位负责… — never judged absent.)
_GIVEN_ROLES = ("lead", "support", "guide")


def read_role_given(r: Reading) -> None:
    """哪些单位是配合单位 in a plan of bare 责任单位 lines, 哪些单位负责指导 in a plan of 牵头/配合 tags: a role no task of
    the loaded plans gives anyone is not in the plans (``outside`` role, naming the roles they do give) — never a
    ranking of every department at 0, nor an empty list.  Questions naming a department say what it holds
    (kb/qa/exec_departments.py); tasks without a role (哪些任务没有配合单位) and follow-ups on listed tasks are
    answered from the tasks."""
    q = r.query
    asked = [x for x in q.roles if x in _GIVEN_ROLES]
    if (not asked or q.act is Act.META or q.outside or q.departments or q.unknown or q.ambiguous or q.overview
            or q.about == "departments" or q.sharing or q.without_roles or q.follow_up or q.within):
        return
    given = set(r.plan.roles_given())
    if not given and q.topic and "who" in r.facts.flags:
        return  # 村容村貌提升谁牵头 in a plan naming no unit: the item found says it names none (exec_topic_who)
    absent = next((x for x in asked if x not in given and _asked_as_role(r, x)), None)
    if absent is not None:
        from kb.model import ROLE_NAMES

        q.act, q.subject, q.outside, q.outside_words = Act.META, "plans", "role", ROLE_NAMES[absent]


def _asked_as_role(r: Reading, role: str) -> bool:
    """A word of ``role`` stands in the question as a role: at its end or before a word of ``role_after``
    (哪些单位负责指导, 配合单位有哪些) — not inside a noun (指导思想)."""
    from kb.qa.vocab import load_vocabulary

    words = r.words["guide"] if role == "guide" else load_vocabulary().roles.get(role, ())
    for w in sorted(words, key=len, reverse=True):
        at = r.text.find(w)
        while at >= 0:
            rest = r.text[at + len(w):]
            if not rest or any(rest.startswith(a) for a in r.words["role_after"]):
                return True
            at = r.text.find(w, at + 1)
    return False


def is_follow_up(query: Query, facts) -> bool:
    """A short question, or one with an opener or pronoun, that names no department, topic or reference."""
    short = len(facts.text) <= 6 or bool(facts.flags & {"opener", "pronoun"})
    return short and not (query.departments or query.topic or query.label or query.part or query.dates
                          or query.ordinal or query.outside)


# ---------------------------------------------------------------- what the question is over

#: The values of ``Query.over``: what a question is over, each answered by one executor (kb.qa.executors.DISPATCH).
OVER = {
    "nothing": "nothing asked (empty, 你好): the help text",
    "departments": "named departments (their duties, counts, partners), or a name to ask back about",
    "plans": "the loaded plans themselves, or something outside them (weather, another city, an instruction)",
    "parts": "the plan's outline: its parts, or the sections of one part (a part it lacks)",
    "department_sets": "the departments holding some roles and not others (既牵头又配合的部门)",
    "part_departments": "the units a part or section names (职责分工里列了哪些单位, 组织保障部分涉及多少个单位)",
    "task_ranking": "the tasks at the top of a count (哪项任务的配合单位最多)",
    "deadline_extreme": "the tasks with the earliest or latest deadline",
    "each_value": "several named targets, each (黄色、橙色、红色预警…分别)",
    "unit_value": "a number in a unit some paragraph states (人才公寓要建多少套)",
    "item": "one cited item: a label (三（一）2), 第N项 of the previous answer, else the item the plan numbers N (第10条)",
    "no_antecedent": "a pronoun with nothing before it in the conversation (它配合哪些任务, asked first)",
    "goal_list": "the items of a goal's list of one kind (要发展成为哪几个中心: …建设成为A中心、B中心和C中心)",
    "field": "the tasks carrying a value of a labelled field (适用范围：福建自贸试验区 → 适用于福建自贸试验区的措施)",
    "section": "a part or section cited by number or heading (第三部分, 优化能源结构有哪些任务)",
    "title": "a paragraph cited by its whole title, its text asked",
    "dates": "the tasks a date span selects (2019年要完成哪些任务)",
    "sharing": "the tasks by how they are shared out (多个部门共同牵头的任务)",
    "role_kind": "the tasks by kind of responsibility (按职责分工负责 / 单独负责)",
    "previous": "the previous answer's tasks (什么时候完成？ 配合的呢 after a topic's task)",
    "timed": "the tasks with (without) a deadline",
    "all_targets": "every numeric target of the plan",
    "overview": "a part of the plan asked whole (总体要求, 工作目标, 保障措施)",
    "department_list": "every department with its counts (哪些部门有任务, 哪个部门牵头最多)",
    "topic_value": "a topic's numeric target (PM2.5要下降多少)",
    "topic_deadline": "a topic's deadline (国六标准什么时候实施)",
    "topic_tasks": "every task on a topic (哪些任务涉及VOCs)",
    "topic_who": "who is responsible for a topic (秸秆禁烧由谁负责)",
    "all_tasks": "every task of the plan (方案一共有多少项任务)",
    "stated_total": "a total the plan's text states, beside kb's own count (一共明确了多少项具体任务, 涉及多少个牵头单位)",
    "post": "who holds a post the plan fills (组长是谁): the sentence stating it, or that the plan does not",
    "plans_mentioning": "which loaded plans hold the topic words (哪个方案提到了拉萨市), with their paragraphs",
    "enumeration": "the members of a noun some sentence enumerates (试点地区有哪些), that sentence quoted",
    "literal": "the items whose text holds a phrase asked as written (有几项写明“10月底完成”)",
    "issuers": "who issued the plan (哪几个部门联合印发的): its notice's lines naming them, never the units given tasks",
    "notice": "what the cover notice or preamble says of the plan: its attachments, the documents it is based on, the "
              "documents issued with it (附件有哪些, 根据什么文件制定的, 同时印发了哪些文件)",
    "unread": "no reading of the question: full-text search, said plainly",
}


#: The values of a topic question (a follow-up 那扬尘呢 is the previous topic question about another topic
#: only when it reads as one of these).
TOPIC_OVER = frozenset({"topic_value", "topic_deadline", "topic_tasks", "topic_who", "all_tasks"})


@dataclass(slots=True)
class Conversation:
    """What ``over_of`` needs of the conversation (kb.qa.context.Context): none of it characters."""

    tasks: tuple = ()
    """The tasks the previous answer listed, in number order (第N项, 其中, 什么时候完成 refer to them)."""
    departments: bool = False
    """The previous question was about named departments (它 refers to them)."""
    anything: bool = False
    """Anything was asked before (a pronoun has something to point at)."""
    about_task: bool = False
    """The previous answer was about one topic's or item's task(s) (kb.qa.exec_items.ABOUT_TASK)."""

    @classmethod
    def of(cls, ctx) -> Conversation:
        """The conversation a kb.qa.context.Context holds (None: nothing asked yet)."""
        if ctx is None:
            return cls()
        if not ctx.intent:  # (nothing answered yet: exec_items, whose names these are, need not be imported)
            return cls(tuple(ctx.tasks), bool(ctx.departments), bool(ctx.departments or ctx.tasks or ctx.topic), False)
        from kb.qa.exec_items import ABOUT_TASK

        return cls(tuple(ctx.tasks), bool(ctx.departments), True, ctx.intent in ABOUT_TASK)


def read_over(r: Reading) -> None:
    """What the question is over, read on its own (no conversation yet: the session reads it again)."""
    r.query.over = over_of(r.query, r.plan)


def over_of(q: Query, plan, conversation: Conversation | None = None, found_nothing=frozenset(),
            among: frozenset | None = None) -> str:
    """The value of ``Query.over`` for these slots and this conversation: the first value of ``OVER_RULES``
    that claims the query (a rule may claim it several ways, in its order of preference), leaving out the
    values whose executor already ``found_nothing`` in the plan for it (and, with ``among``, any other value).  The rules read slots only (never
    characters): a reader that wants a new shape answered sets a slot that one of them — or a new rule, with
    its executor in kb.qa.executors.DISPATCH — claims."""
    from kb.qa.vocab import load_vocabulary

    seen = _Seen(q, plan, load_vocabulary(), conversation or Conversation())
    for rule in OVER_RULES:
        claimed = rule(seen)
        if claimed is None:
            continue  # (most rules claim nothing)
        for v in _values(claimed):
            if v not in found_nothing and (among is None or v in among):
                return v
    return "unread"


def _values(claimed) -> tuple[str, ...]:
    return (claimed,) if isinstance(claimed, str) else tuple(claimed or ())


def over_claims(q: Query, plan, conversation: Conversation | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """Every rule of ``OVER_RULES`` that claims the query, with the values it claims: where several do, their
    order in OVER_RULES decides (tests/test_qa_dispatch.py pins each such order with a question)."""
    from kb.qa.vocab import load_vocabulary

    seen = _Seen(q, plan, load_vocabulary(), conversation or Conversation())
    return [(rule.__name__, _values(claimed)) for rule in OVER_RULES if (claimed := rule(seen))]


@dataclass(slots=True)
class _Seen:
    """What the over rules look at: the query, the plan, the vocabulary, the conversation, and the topic words
    that are not mere target/date words (computed once)."""

    q: Query
    plan: object
    voc: object
    conv: Conversation
    _words: list[str] | None = None

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = asked_topic(self.q.topic, self.voc, self.plan)
        return self._words


def _named(s: _Seen) -> bool:
    """A department is named, or a name shaped like one (ambiguous, unknown)."""
    return bool(s.q.departments or s.q.unknown or s.q.ambiguous)


def over_plan_count(s: _Seen) -> str | None:
    """这个方案一共有几项任务 with nothing listed before it (a list before it: 一共多少条 counts that list)."""
    q = s.q
    if q.plan_count and not s.conv.tasks and not (q.departments or q.unknown or q.ambiguous) and over_all_tasks(s) is None:
        return "all_tasks"  # (one the last rule claims, 方案共有多少项任务, is its own: no rule claims it twice)
    return None


def over_departments(s: _Seen) -> str | None:
    return "departments" if s.q.about == "departments" else None


def over_stated_total(s: _Seen) -> str | None:
    """A count the plan's text states (read_stated_total), unless it follows a list it may count (有几项任务)."""
    q = s.q
    if not q.stated or (q.follow_up and s.conv.tasks and q.refers):
        return None
    return "stated_total"


def over_act(s: _Seen) -> str | None:
    """The acts that say alone what the question is over."""
    q = s.q
    if q.act is Act.META:
        # (哪几个部门联合印发的: the plan's issuers, read_issuers; 哪个方案提到了拉萨市: read_plans_mentioning)
        return ("issuers" if q.issuers else "notice" if q.notice else "plans_mentioning" if q.mentioning
                else "plans")
    if q.enumerated:
        return "enumeration"
    if q.literal:
        return "literal"
    if q.act is Act.STRUCTURE:
        return "parts"
    if q.act is Act.COMPARE:
        return "department_sets"
    if q.subject == "part_units":
        return "part_departments"
    if q.act is Act.RANK and q.subject == "tasks":
        return "task_ranking"
    if q.act is Act.WHEN and q.aggregate and not (q.topic and not q.task_noun_only):
        # (with a topic — 厂房仓库…涉及违法用地的，最晚什么时候整治完 — the topic's limits answer, not the plan's latest task)
        return "deadline_extreme"
    if q.act is Act.VALUE and q.each:
        return "each_value"
    if q.act is Act.VALUE and q.unit:
        return "unit_value"
    return None


def over_item(s: _Seen) -> str | None:
    """A label cited, or 第N项: of the previous answer when it listed something, else the item the plan itself
    numbers N (第10条, 第二十二条措施; within the part named: 主要任务第十二项)."""
    q = s.q
    if q.act in (Act.TEXT, Act.WHO, Act.WHEN, Act.VALUE, Act.COUNT) and (q.label or q.ordinal is not None):
        return "item"
    return None


def over_nothing(s: _Seen) -> str | None:
    return "nothing" if s.q.act is Act.HELP or s.q.chitchat else None


def over_no_antecedent(s: _Seen) -> str | None:
    q = s.q
    if q.partners_asked and not s.conv.tasks:
        return "no_antecedent"  # 会同哪些部门 asked first: whose partners? (never the plan's list of departments)
    if q.pronoun and not (_named(s) or q.topic or q.label or q.dates) and not s.conv.anything \
            and not (q.pronoun_of_tasks and (q.act in (Act.WHEN, Act.VALUE) or q.overview)):
        # (这些措施什么时候到期 / 这些工作的目标, asked first: the plan's measures — their time limits and targets are
        # the plan's own; 这些任务谁牵头 still asks which tasks are meant)
        return "no_antecedent"
    return None


def over_within_heading(s: _Seen) -> str | None:
    """其中哪些属于保障措施: the previous list narrowed to a part or section (before the heading's own list, over_section)."""
    if s.q.within and s.q.plan and s.conv.tasks and not (s.words or s.q.departments or s.q.dates or s.q.label):
        return "previous"  # 其中哪些在人才集聚那份文件里: the previous list narrowed to that plan's items
    return "previous" if (s.q.within_heading or s.q.tag_label) and s.conv.tasks else None


def over_field(s: _Seen) -> str | None:
    """A value of a labelled field named (read_field), no department named."""
    return "field" if s.q.field_value and not _named(s) else None


def over_goal_list(s: _Seen) -> str | None:
    """Which things of a kind a goal lists (read_goal_list)."""
    return "goal_list" if s.q.goal_list and not _named(s) else None


def over_section(s: _Seen) -> str | None:
    q = s.q
    if _named(s) or q.label or set(q.asks) & {"who", "when"} or q.sharing:
        return None
    return "section" if q.part or q.heading is not None else None  # (a part without tasks: found_nothing)


def over_title(s: _Seen) -> str | None:
    return "title" if s.q.titled else None


def over_post(s: _Seen) -> str | None:
    """组长是谁: a post asked (read_post) — its sentence, before any topic reading of the words."""
    return "post" if s.q.post and not _named(s) else None


def over_dates(s: _Seen) -> str | None:
    q = s.q
    if q.dates is None or q.departments or ("target" in q.asks and q.topic):
        return None
    if "when" in q.asks and q.topic:
        return None  # 医院自查自评在2019年要什么时候完成: when the topic is due (its deadlines), not every task due in 2019
    if q.overview and not (q.roles or q.any_role):
        return None  # 到2020年的目标是什么: the plan's goals (dated 2020), not a list of tasks
    return "dates"


def over_sharing(s: _Seen) -> str | None:
    return "sharing" if s.q.sharing and not s.q.departments else None


def _role(q: Query) -> str | None:
    return q.roles[0] if q.roles else ("any" if q.any_role else None)


def over_role_kind(s: _Seen) -> str | None:
    q = s.q
    if _named(s) or _role(q) not in ("shared", "sole") or s.words:
        return None
    if q.follow_up and s.conv.departments and q.refers:
        return None  # 那它按职责分工负责哪些: the previous department's
    return "role_kind"


def over_previous(s: _Seen) -> str | None:
    """A follow-up on the previous answer's tasks: their targets, their deadlines, their departments, or those
    of them with (without) a deadline when none is."""
    q, tasks = s.q, s.conv.tasks
    if q.departments or s.words or not tasks:
        return None
    if q.part_of:
        return "previous"  # 这两项属于哪个部分: where each listed item stands
    if q.partners_asked:
        return "previous"  # 会同哪些部门 / 和谁一起: who works with the units of the listed items
    asks = set(q.asks)
    if q.follow_up and q.short and asks == {"list"} and q.dates is None and not q.sharing:
        return "previous"  # 分别是哪些 / 都有哪些 after 市发改委负责几项任务: the items just counted, each with its units
    # 配合单位有哪些 right after a topic's task: about that task, though a little longer than a follow-up
    about_topic = s.conv.about_task and q.short and not asks & {"ranking", "count"} and q.dates is None and not q.sharing
    if not (q.follow_up or about_topic):
        return None
    if q.target_word and q.timed is None and any(t.targets for t in tasks):
        return "previous"
    if asks & {"when", "due"} or "who" in asks or q.roles or q.any_role:
        return "previous"
    # (其中哪些有时限, when none of them has one: said of the previous answer; else the plan's timed tasks)
    if q.timed is not None and not any(any(d.kind != "from" or not q.due_by for d in t.deadlines) == q.timed
                                       for t in tasks):
        return "previous"
    return None


def over_timed(s: _Seen) -> str | None:
    q = s.q
    asks = set(q.asks)
    if q.departments or q.dates or s.words or not ("when" in asks or q.timed is not None):
        return None
    return "timed" if asks & {"list", "count"} or q.timed is not None else None


def over_all_targets(s: _Seen) -> str | None:
    q = s.q
    if (q.departments or s.words or "target" not in q.asks or q.overview == "goals" and "list" not in q.asks
            or not q.target_list):
        return None
    return "all_targets"


def over_overview(s: _Seen) -> str | None:
    q = s.q
    return "overview" if q.overview and not q.departments and not s.words else None


def over_department_list(s: _Seen) -> str | None:
    q = s.q
    asks = set(q.asks)
    if q.departments or s.words or not asks & {"who", "ranking"}:
        return None
    if "who" in asks and not asks & {"ranking", "count", "list"}:
        return None
    return "department_list"


def over_topic(s: _Seen) -> tuple[str, ...] | None:
    """A topic question: its value, its deadline, its tasks, who is responsible for it — each way the slots
    allow, in that order (a topic that names no target of the plan is next read as its deadline …)."""
    q = s.q
    if not s.words or q.departments and not _when_to_unit(q):
        return None
    asks = set(q.asks)
    values = []
    if ("target" in asks or q.names_metric) and not (asks & {"who", "topic_mark", "list", "when"} and not q.target_word):
        values.append("topic_value")
    if "when" in asks:
        values.append("topic_deadline")
    marked = bool(asks & {"topic_before", "topic_after", "topic_mark"})
    listing = "list" in asks and not asks & {"who", "when"}
    bare = not asks & {"who", "when", "target", "count"} and (not (q.roles or q.any_role) or q.ends_with_task_noun)
    if "who" not in asks and (marked or listing or bare or ("count" in asks and "when" not in asks)):
        values.append("topic_tasks")
    # (今年要完成哪些任务: 任务 alone asks nobody's name; a number asked — 崇明有多少个乡镇参加这次试点 — is no who-question
    # because of 参加: a task's units answered it when no value was found)
    if (("who" in asks or (q.roles or q.any_role) and q.act is not Act.VALUE)
            and not ("who" not in asks and q.task_noun_only)):
        values.append("topic_who")
    return tuple(values)


def _when_to_unit(q: Query) -> bool:
    """A when-question naming a unit with no role of it (实施办法什么时候报送国务院办公厅, 各有关部门要在什么时候前报送
    实施办法): the unit is a word of the requirement asked about (whom a report goes to, who reports), not a
    department whose tasks are listed — its deadline is a topic's (the clause holding the words answers)."""
    return q.act is Act.WHEN and not (q.roles or q.any_role) and "when" in q.asks


def over_all_tasks(s: _Seen) -> str | None:
    q = s.q
    if q.departments or s.words or not set(q.asks) & {"count", "list"} or not (q.roles or q.any_role):
        return None
    return "all_tasks"


#: The over rules, in order: named departments and the acts that say alone what is asked, then explicit
#: references (an item, a section, a title) before anything read from loose words; lists over the whole plan
#: before follow-ups on the previous answer (which take only short or pronoun questions); a topic's number
#: before its deadline, its list, who is responsible for it.  A question none claims is ``unread``.
#: Where two rules claim one question (about a quarter of the fixture turns: a date span and the whole list,
#: a heading and a topic …) this order decides; tests/test_qa_dispatch.py ORDER pins each such pair met in
#: the fixtures with a question and why the earlier rule is right.
OVER_RULES = (over_stated_total, over_plan_count, over_departments, over_act, over_item, over_nothing, over_no_antecedent,
              over_within_heading, over_field,
              over_goal_list, over_section, over_title,
              over_post, over_dates, over_sharing, over_role_kind, over_previous, over_timed, over_all_targets, over_overview,
              over_department_list, over_topic, over_all_tasks)


#: The readers, in order: outside the plans first (an instruction is never a task question),
#: then what the scan found, then the shapes (each leaves the act alone once another set it).
READERS = (
    read_content_ask,
    read_outside,
    read_literal,
    read_month_limit,
    read_batch,
    read_order_rule,
    read_plans_mentioning,
    read_unit_in_word,
    read_counted_noun,
    read_place,
    read_plan_named,
    read_notice_ask,
    read_references,
    read_year_held,
    read_date_node,
    read_person_heading,
    read_departments,
    read_heading_phrase,
    read_role_compound,
    read_negated_roles,
    read_roles,
    read_part_units,
    read_topic,
    read_units_compared,
    read_post,
    read_recipient,
    read_issuers,
    read_typology,
    read_enumeration,
    read_heading_score,
    read_annex_outline,
    read_annex_part,
    read_annex_named,
    read_period,
    read_value_kind,
    read_topic_split,
    read_field,
    read_goal_list,
    read_named_member,
    read_named_set,
    read_plan_terms,
    read_role_in_topic,
    read_abbreviation,
    read_unknown_name,
    read_follow_up,
    read_part_of,
    read_partner_ask,
    read_tag_label,
    read_structure,
    read_department_task_count,
    read_stated_total,
    read_department_set,
    read_rank_tasks,
    read_extreme_deadline,
    read_each_value,
    read_unit_value,
    read_plan_count,
    read_department_ask,
    read_doer_verb,
    read_topic_ask,
    read_heading,
    read_annex_items_named,
    read_numbered,
    read_act,
    read_role_given,
    read_over,
)


def read_query(text: str, facts, plan, plan_text: str, words: dict | None = None) -> Query:
    """Run the readers over ``text`` (folded) and the scan's ``facts``."""
    r = Reading(text, facts, Query(), words or load_shapes(), plan, plan_text)
    for reader in READERS:
        reader(r)
    return r.query
