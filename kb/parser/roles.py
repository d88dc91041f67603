"""Responsibility tags: find them and read the units and roles they name.

A tag closes the text before it: a bracket group (``（）`` ``()`` ``〔〕`` ``[]`` ``【】``) that
stands after the end of a sentence, or closes the paragraph or a sentence, and names units
with roles::

    …加强秸秆禁烧。（市生态环境局、市农业农村局按职责分工负责）
    …（工业和信息化部、发展改革委、科技部等负责。列第一位者为牵头单位，下同）
    …（牵头单位：市发展改革委，配合单位：市委组织部，各区、县级市）

What a tag's content says is read by an ordered list of small rules (``SEGMENT_RULES``), each
named after the dialect of ``shared/dialects.md`` it reads; their words live in
``kb/data/roles.yaml``.  Document-level state (the lead rule a plan states once, A2) is kept
in ``DocumentRules`` and passed from tag to tag in document order.

Names are kept as written (``发展改革委`` is the ministry); a registry of the plan's issuer,
when there is one, only maps its aliases (see ``kb.registry``).  Nothing is dropped silently:
a segment that names units without a known role word, a label without names, a name that looks
broken, an unclosed or doubly nested bracket are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError
from kb.model import ROLES
from kb.parser.messages import warning
from kb.registry import Registry, bracket_parts

ROLES_PATH = Path(__file__).resolve().parent.parent / "data" / "roles.yaml"

SENTENCE_END = "。；！？;!?"
OPENERS, CLOSERS = "（(〔【[", "）)〕】]"
#: Separators of a tag's segments (A6: a comma group before a role word joins it).
SEGMENT_SEPS = "，。；,;"
LABEL_KINDS = ("lead", "guide", "support", "responsible")
LEAD_RULES = ("first_is_lead", "responsible_is_lead", "equal")


@dataclass(slots=True)
class RoleVocabulary:
    """The compiled words and patterns of ``roles.yaml``."""

    role_words: list[tuple[str, str]]
    """(word, role) pairs, longest word first."""
    role_end: re.Pattern
    """A role word closing a segment."""
    role_of: dict[str, str]
    """Role word → role."""
    weak_words: frozenset[str]
    """Role words that count only after names that all look like units (落实)."""
    role_then_comma: re.Pattern
    """A role word followed by 、 (X牵头、Y配合): the 、 separates two role segments."""
    labels: dict[str, str]
    """Label → lead / guide / support / responsible / field / time (the listed words)."""
    implementer_labels: frozenset[str]
    """Responsible labels naming who carries the work out (实施部门, 实施主体): never the supporting units after a lead."""
    label_forms: list[tuple[str, re.Pattern]]
    """(kind, pattern) of labels known by their make-up (分管县领导 a person, 协同责任单位 support, 部门分工 a division)."""
    label_re: re.Pattern
    """A label followed by ``：`` or ``:``."""
    label_line_re: re.Pattern
    """A paragraph that opens with a label (dialect C), optionally inside a bracket."""
    joined_label_re: re.Pattern
    """A label of units joined to a time label (责任单位及完成时限): its ``units`` group names its kind."""
    group_qualifiers: tuple[str, ...]
    """Words opening a would-be qualified label that address a group (各牵头单位：要…, 有关责任单位：…): no label line."""
    checker_words: tuple[str, ...]
    """Words of checking the work inside a label of units (牵头考核单位, 配合考核单位): who checks, a field beside a label
    of doers (``parse_tag_content``)."""
    level_opening_words: tuple[str, ...]
    """Words opening with a level character that are no level (市政, 市场): ``_share_suffix`` shares no level after them."""
    label_shapes: tuple[tuple[str, str], ...]
    """(ending, kind) of labels known by their shape only inside a block of label lines or after a tag's field
    separator (``label_shapes``: 工作要求 a field, 监管部门 responsible)."""
    shape_label_re: re.Pattern
    """A label of ``label_shapes`` at the start of a tag's content or after a field separator, then ``：``."""
    shape_line_re: re.Pattern
    """A paragraph that opens with a label of ``label_shapes`` (a line of a label block)."""
    label_word_re: re.Pattern
    """A label word opening a name, or a person's label form anywhere in it (分管省领导林某…): no unit's name.  A label
    word inside a name is a body's own word (市养老服务指导单位, 区项目实施单位)."""
    ongoing: re.Pattern
    """Time words without a date (年内持续推进, 长期坚持)."""
    lead_rules: list[tuple[str, re.Pattern]]
    """(rule, pattern) of the document-level lead rules."""
    any_lead_rule: re.Pattern
    """All the lead-rule patterns as one alternation (a cheap first test)."""
    implied_notes: list[re.Pattern]
    """Patterns with a ``units`` group naming implementers of every following task."""
    implied_note_roles: tuple[str, ...]
    """The role each of ``implied_notes`` gives its units: ``implied`` (落实), ``support`` (各项任务的配合单位为X) or
    ``responsible`` (未注明的，由X负责落实: the tasks that name no unit of their own; read as a plan-wide note only)."""
    implied_note_scopes: tuple[str, ...]
    """Which tasks each of ``implied_notes`` covers when read as a plan-wide note: ``all``, ``above`` (以上任务…: the
    tasks before the paragraph that states it) or ``below`` (以下均需X配合，不再列出: the tasks after it; in a tag, as
    ``all``: its task and every later one)."""
    list_tail: re.Pattern
    """``等`` / ``等有关部门和单位`` closing a list item."""
    list_joiner: re.Pattern
    """``等和`` between a list and a group."""
    joined_names: re.Pattern
    """Names that hold ``、`` (各区、县级市)."""
    generic: re.Pattern
    """Generic groups (各省级人民政府, 各有关部门和单位)."""
    department_re: re.Pattern
    """A name ending like a unit (局, 委, 办, 部, 署 …)."""
    prose_roles: list[tuple[str, re.Pattern]]
    """(id, pattern) of the prose forms read in plans without tags (groups ``lead``, ``support``, ``sole``)."""
    heading_roles: re.Pattern
    """A heading whose own words name the units of the tasks under it (县示范区管委会牵头工作(8项)):
    ``words`` (units + role word), optionally 的, then a word for the work and/or a count."""
    duty_part_re: re.Pattern = re.compile(r"(?!)")
    """A part title naming duties (职责分工, 工作职责): its sections are headed by units (dialect G)."""
    none_markers: frozenset = frozenset()
    """Whole values saying "no unit" (无, 暂无, /, —): a cell or label holding one names nobody."""
    unranked_labels: frozenset = frozenset()
    """Labels whose units no first-is-lead legend ranks (试点单位: the places of a pilot)."""
    lead_rule_scope: re.Pattern = re.compile(r"(?!)")
    """Words scoping a first-is-lead rule to one class of units (县直部门中列在首位的…): such a rule ranks only those —
    a generic group listed first leads by no position (``rule_ranks_any_unit``)."""
    batch_marker: re.Pattern = re.compile(r"(?!)")
    """A batch's words opening a part of a label's value (第一批为, 第二批：, 第三批（2018年）：): no part of a name."""
    manner_end: re.Pattern = re.compile(r"(?!)")
    """Words of manner closing a list of units (结合实际, 分别, 共同): no part of a name."""
    unit_group: re.Pattern = re.compile(r"(?!)")
    """Groups of one level of government a plan addresses as a unit (各区政府, 各街镇): a proved doer of a sentence
    (``sentence_reading.unit_groups``; 各地, 各部门, 各级政府 are collectives, no unit)."""
    checking: re.Pattern = re.compile(r"(?!)")
    """Words of checking, receiving or assessing others' work (抽查, 督查, 评估, 考核): a sentence whose predicate's first
    clause holds one checks the paragraph's work rather than doing it (``sentence_reading.checking_words``)."""
    role_in_object: re.Pattern = re.compile(r"(?!)")
    """A role word inside the object of a set-up verb (建立X牵头、Y参与的工作机制): the mechanism's role, not the subject's."""
    responsible_body: re.Pattern = re.compile(r"(?!)")
    """A predicate naming its subject the doer (是…责任主体, 作为…责任主体)."""
    continuing_modal: re.Pattern = re.compile(r"(?!)")
    """A sentence opened by a modal with no subject (…。要…): the doer of the sentence before it."""
    kind_department: re.Pattern = re.compile(r"(?!)")
    """A department named by its function with no level (公安部门): a kind of body, no unit a sentence proves."""
    inline_limit: re.Pattern = re.compile(r"(?!)")
    """A limit right after a sentence's subject (X于2024年6月30日前将…): cut before the subject is read."""
    support_after_lead: frozenset = frozenset()
    """Role words (组织落实) whose units support a lead named earlier in the tag, and keep their role otherwise."""
    vague_prose_names: re.Pattern = re.compile(r"(?!)")
    """Names a prose sentence may open with that name no body (有关部门, 主管部门): no prose role is read from them."""
    predicate_start: re.Pattern = re.compile(r"(?!)")
    """Words that open a sentence's predicate right after its subject (依法, 指导, 承担, 建立, 是, 作为, 选择 …): a unit's
    name ends at a unit suffix followed by one of them (区城管执法局|依法…, 南桥镇|选择…), never inside a verb phrase."""
    short_unit_names: frozenset = frozenset()
    """Two-character names that are units all the same (街镇, 乡镇): a prose name needs 3+ characters otherwise."""
    duty_modals: re.Pattern = re.compile(r"(?!)")
    """Modal words opening a predicate that states a duty (应, 应当, 要, 须): ``区建设管理委应建立…`` is the unit's work in a
    plan without tags (a 预案 states its units' duties so)."""
    modal_subject_not: re.Pattern = re.compile(r"(?!)")
    """Subjects a modal duty (``duty_modals``) names no unit by: enterprises (燃气企业应…), groups (省级人民政府有关部门要…,
    中央和地方各级政府要…), a condition (不按照…要求…)."""
    predicate_roles: dict = field(default_factory=dict)
    """Role → pattern: a predicate saying the subject's role in words other than a role verb at its start
    (``X作为…统筹主体，要切实履行牵头抓总职责`` lead, ``Y…，全力配合区级部门做好…`` support), searched in its first sentence."""
    duty_documents: re.Pattern = re.compile(r"(?!)")
    """Title endings of documents that are wholly statements of who does what (…应急预案): in such a plan without tags a
    paragraph opened by a named unit gives it its role whatever the verb, as in a duty part."""
    duty_list_opener: re.Pattern = re.compile(r"(?!)")
    """A paragraph's close that opens a list of its subject's duties (主要履行以下职责：, 职责如下：): the sub-items
    （1）…（n） after it are that subject's work."""
    collective_subjects: re.Pattern = re.compile(r"(?!)")
    """Groups a plan addresses as doers (各地, 试点地区, 有关部门, 地方各级人民政府): a modal duty or a request opened by one
    gives the group (one entity) its role, though ``modal_subject_not`` and ``vague_prose_names`` refuse them otherwise."""
    reported_speech: re.Pattern = re.compile(r"(?!)")
    """Words before a comma after which a clause reports what someone said (…多次指出，各级政府要…): no role."""
    non_unit_endings: re.Pattern = re.compile(r"(?!)")
    """Endings of words that end like a unit but name no body (树穴底部, 东部, 平台): never a prose name."""
    duty_heading: re.Pattern = re.compile(r"(?!)")
    """A section heading naming whose duties follow (（三）市财政局的职责): group ``units``."""
    reported_work: re.Pattern = re.compile(r"(?!)")
    """A clause, read from a role form's start, that reports work done or the reply itself (X会同Y研究提出了办理意见,
    X会同Y上报的《…》已经…批准): no role from it."""
    shared_suffix: re.Pattern = re.compile(r"(?!)")
    """Generic endings several bodies of a 、-list share, written once after the last (市人力资源和社会保障、民政部门 =
    市人力资源和社会保障部门 + 市民政部门): a list item that does not end like a unit takes it."""
    action: re.Pattern = re.compile(r"(?!)")
    """An action verb after words of manner (``action_adverbs`` then ``action_verbs``: 联合推进, 进一步加强, 引导), group
    ``verb``: a predicate opening so states its named subject's duty in a plan without tags (市交通委加快布局…)."""
    topic_opener: re.Pattern = re.compile(r"(?!)")
    """A clause naming the topic of the duty after it (针对…，X加强…): ``topic_openers`` at its start."""
    beneficiary_start: re.Pattern = re.compile(r"(?!)")
    """A policy verb opening a would-be name (支持园区, 鼓励企业): what follows it is a beneficiary, no unit."""
    object_marker: re.Pattern = re.compile(r"(?!)")
    """Words after which an object follows (向X报送): a name ended by an action verb holds none."""
    office_end: re.Pattern = re.compile(r"(?!)")
    """An office's name ending (组织部, 推进办, 服务中心: ``office_endings``): where a name before an action verb may end."""
    with_word: re.Pattern = re.compile(r"(?!)")
    """A word of working with named partners (会同, 协同: ``with_words``) not before a predicate word: X…Y: X leads, Y
    supports; never part of a unit's name."""
    time_clause: re.Pattern = re.compile(r"(?!)")
    """A clause of time opening a sentence before its subject (2019年3月底前，X…; 2026年3月，X完成…: ``time_clause``)."""
    anaphor: re.Pattern = re.compile(r"(?!)")
    """An anaphor opening a clause (该委, 该部, 该中心: ``anaphor_endings``), group 1 the ending."""
    adverb_predicate: re.Pattern = re.compile(r"(?!)")
    """Pure adverbs opening a predicate (定期, 适时: ``predicate_adverbs``) then a word that is no 的/了: after a named
    office they state its duty whatever the verb (X定期听取…)."""
    stating_end: re.Pattern = re.compile(r"(?!)")
    """A verb of stating closing a clause (…中明确, X要规定: ``stating_verbs``): the clause after its comma is what is
    stated, its units only mentioned."""
    manner_starts: tuple[str, ...] = ()
    """How a clause of manner opens (按, 依: ``manner_clause_starts``): a verb of stating closing it states nothing."""
    name_opener: re.Pattern = re.compile(r"(?!)")
    """Words opening a name though their first character is a modal or a preposition (应急, 对口: ``predicate_start_not``)."""
    kind_words: frozenset = frozenset()
    """Words naming a kind of body, no body (单位, 部门, 机构): a group's bracket holding only them restates its kind."""
    aside: re.Pattern = re.compile(r"(?!)")
    """A bracket's content opening as an aside (以下简称…, 含…, 试行: ``aside_openers``): no list of units."""
    name_opening_verb: re.Pattern = re.compile(r"(?!)")
    clause_opener: re.Pattern = re.compile(r"(?!)")
    """Words opening a clause, never a unit's name (确保, 力争: ``clause_openers``); a verb of ``action_verbs``,
    ``beneficiary_verbs`` or ``name_opening_verbs`` opens one too before a level (督促县公安局): ``_clause_before_unit``."""
    """A verb of asking or of working with others opening a would-be name (争取国家文物局, 积极争取X, 报请X, 配合X:
    ``name_opening_verbs`` after ``action_adverbs``): what follows is a body asked or worked with, and no name opens so."""
    duty_line: re.Pattern = re.compile(r"(?!)")
    """A paragraph that is only a duty statement (``duty_lines``: 此项工作由X主办，Y协办。, 由X牵头，Y配合。): groups
    ``first`` (who leads or answers) and ``second`` (who supports), matched whole (``duty_line``)."""
    document_interpretation: re.Pattern = re.compile(r"(?!)")
    """What follows 负责 when the clause says who interprets the document itself (…由X负责解释。, 负责对本细则进行解释):
    no task of X (``document_interpretation``)."""
    supports_named: re.Pattern = re.compile(r"(?!)")
    """A tag segment naming who its units support (``supports_named``: X配合Y落实, X协助Y): groups ``helper`` (may be
    empty) and ``helped``, matched whole (``rule_supports_named``)."""
    group_tail: re.Pattern = re.compile(r"(?!)")
    """A collective group of government closing a list of named units after 和/及 (A、B和相关X部门: ``list_group_tail``):
    a co-doer of the list."""

    def label_kind(self, label: str) -> str | None:
        """The kind of a label (lead, guide, support, responsible, field, time): a listed word, else the first label
        form it matches whole, else the kind of a listed word or form closing it after words that qualify it (市级牵头单位,
        具体落实单位, 协调督办单位: ``_qualified_kind``); None for no label."""
        kind = self._own_kind(label)
        if kind is None and (m := self.joined_label_re.fullmatch(label)):
            kind = self.label_kind(m.group("units"))  # 责任单位及完成时限: responsible, its value's time limit read as A7
        if kind is None:
            kind = self._qualified_kind(label)
        return kind

    def _own_kind(self, label: str) -> str | None:
        kind = self.labels.get(label)
        if kind is None:
            kind = next((k for k, p in self.label_forms if p.fullmatch(label)), None)
        return kind

    def _qualified_kind(self, label: str) -> str | None:
        """The kind of the longest listed word or form of 3+ characters closing ``label``: the words before it qualify it
        (市级 a level, 具体 a manner, 协调 the work)."""
        return next((k for i in range(1, len(label) - 2) if (k := self._own_kind(label[i:]))), None)

    def shape_kind(self, label: str) -> str | None:
        """The kind of a label known by its shape only (``label_shapes``): ``responsible`` for one ending as a body of units
        (监管部门), else ``field`` (工作要求, 实施地点)."""
        return next((k for e, k in self.label_shapes if label.endswith(e)), "field")


#: A count of the tasks under a heading: (8项), （共12项）.
_COUNT = r"[（(]共?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})项[)）]"


def _alt(words) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


def _compile(src: Path, where: str, pattern) -> re.Pattern:
    try:
        return re.compile(pattern)
    except (TypeError, re.error) as exc:
        raise KbError(f"{src}：{where} 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc


def _words(src: Path, where: str, value) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise KbError(f"{src}：{where} 应为非空的词语列表；请修正，或从代码仓库恢复这个文件")
    return list(value)


_KEYS = {"version", "none_markers", "roles", "weak_role_words", "manner_words", "support_after_lead", "labels", "field_labels", "time_labels", "ongoing_words", "lead_rules", "label_forms",
         "label_shapes", "level_opening_words", "group_qualifiers", "checker_words",
         "implied_notes", "list_tail", "list_joiner", "joined_names", "generic_groups", "department_suffixes", "prose_roles",
         "heading_work_words", "duty_parts", "vague_prose_names",
         "predicate_start", "predicate_start_not", "short_unit_names", "duty_modals", "modal_subject_not", "duty_list_opener", "predicate_roles", "duty_documents",
         "shared_suffixes", "collective_subjects", "reported_work", "duty_heading_words", "non_unit_endings", "implementer_labels",
         "reported_speech", "action_verbs", "action_adverbs", "topic_openers", "beneficiary_verbs", "object_markers",
         "office_endings", "anaphor_endings", "predicate_adverbs", "stating_verbs", "manner_clause_starts", "list_group_tail",
         "kind_words", "name_opening_verbs", "aside_openers", "sentence_reading", "duty_lines", "supports_named",
         "document_interpretation", "batch_marker", "lead_rule_scopes", "clause_openers", "unranked_labels",
         "with_words", "time_clause"}


@lru_cache(maxsize=2)
def load_vocabulary(path: str | None = None) -> RoleVocabulary:
    """Read and validate ``roles.yaml``."""
    from kb.data import read_versioned_yaml

    src = Path(path) if path else ROLES_PATH
    data = read_versioned_yaml(src, "role vocabulary")
    if set(data) != _KEYS:
        missing, extra = _KEYS - set(data), set(data) - _KEYS
        raise KbError(f"{src}：缺少的键：{'、'.join(sorted(missing)) or '无'}；不认识的键：{'、'.join(sorted(extra)) or '无'}；请修正，或从代码仓库恢复这个文件")
    roles = data["roles"]
    if not isinstance(roles, dict) or set(roles) != set(ROLES):
        raise KbError(f"{src}：“roles”应恰好为这些职责列出词语：{', '.join(ROLES)}；请修正，或从代码仓库恢复这个文件")
    words: dict[str, str] = {}
    for role, ws in roles.items():
        for w in _words(src, f"roles.{role}", ws):
            if w in words:
                raise KbError(f"{src}：职责词“{w}”同时列在 roles.{words[w]} 和 roles.{role} 下（请只保留一处）")
            words[w] = role
    weak = set(_words(src, "weak_role_words", data["weak_role_words"]))
    if not weak <= set(words):
        raise KbError(f"{src}：weak_role_words 中的词“{'、'.join(sorted(weak - set(words)))}”不在 roles 下；请修正，或从代码仓库恢复这个文件")
    labels: dict[str, str] = {}
    if not isinstance(data["labels"], dict) or set(data["labels"]) != set(LABEL_KINDS):
        raise KbError(f"{src}：“labels”应恰好为这些类别列出词语：{', '.join(LABEL_KINDS)}；请修正，或从代码仓库恢复这个文件")
    groups = [(k, data["labels"][k]) for k in LABEL_KINDS] + [("field", data["field_labels"]), ("time", data["time_labels"])]
    for kind, ws in groups:
        for w in _words(src, f"labels.{kind}", ws):
            if w in labels:
                raise KbError(f"{src}：标签词“{w}”列了两次（在 labels、field_labels、time_labels 中请只保留一处）")
            labels[w] = kind
    implementers = frozenset(_words(src, "implementer_labels", data["implementer_labels"]))
    if any(labels.get(w) != "responsible" for w in implementers):
        raise KbError(f"{src}：implementer_labels 的词应列在 labels.responsible 下；请修正，或从代码仓库恢复这个文件")
    forms = data["label_forms"]
    if not isinstance(forms, dict) or not set(forms) <= set(LABEL_KINDS) | {"field", "time"}:
        raise KbError(f"{src}：“label_forms”只能含这些键：{', '.join(LABEL_KINDS + ('field', 'time'))}；请修正，或从代码仓库恢复这个文件")
    label_forms = [(k, _compile(src, f"label_forms.{k}", p)) for k, ps in forms.items() for p in _words(src, f"label_forms.{k}", ps)]
    rules = data["lead_rules"]
    if not isinstance(rules, dict) or not set(rules) <= set(LEAD_RULES):
        raise KbError(f"{src}：“lead_rules”只能含这些键：{', '.join(LEAD_RULES)}；请修正，或从代码仓库恢复这个文件")
    lead_rules = [(k, _compile(src, f"lead_rules.{k}", p)) for k, ps in rules.items() for p in _words(src, f"lead_rules.{k}", ps)]
    notes = []
    note_roles = []
    note_scopes = []
    for i, note in enumerate(data["implied_notes"] or []):
        pattern = _compile(src, f"implied_notes[{i}]", note.get("pattern") if isinstance(note, dict) else None)
        if "units" not in pattern.groupindex:
            raise KbError(f"{src}：implied_notes[{i}] 的 pattern 需要一个 (?P<units>…) 分组；请修正，或从代码仓库恢复这个文件")
        if note.get("role", "implied") not in ("implied", "support", "responsible"):
            raise KbError(f"{src}：implied_notes[{i}] 的 role 只能是 implied、support 或 responsible；请修正，或从代码仓库恢复这个文件")
        if note.get("scope", "all") not in ("all", "above", "below"):
            raise KbError(f"{src}：implied_notes[{i}] 的 scope 只能是 all、above 或 below；请修正，或从代码仓库恢复这个文件")
        notes.append(pattern)
        note_roles.append(note.get("role", "implied"))
        note_scopes.append(note.get("scope", "all"))
    suffixes = _words(src, "department_suffixes", data["department_suffixes"])
    slots = _prose_slots(src, data, suffixes)
    prose = []
    for i, rule in enumerate(data["prose_roles"] or []):
        text = rule.get("pattern") if isinstance(rule, dict) else None
        if isinstance(text, str):
            for slot, value in slots.items():
                text = text.replace(slot, value)
        pattern = _compile(src, f"prose_roles[{i}]", text)
        if not {"lead", "sole", "shared", "guide", "helper"} & set(pattern.groupindex):
            raise KbError(f"{src}：prose_roles[{i}] 的 pattern 需要一个 (?P<lead>…)、(?P<sole>…) 或 (?P<shared>…) 分组；请修正，或从代码仓库恢复这个文件")
        prose.append((str(rule.get("id", i)), pattern))
    # listed words first (longest first), then the forms: a listed word wins where both match
    label_alt = "(?:" + "|".join([_alt(labels)] + [f"(?:{p.pattern})" for _, p in label_forms]) + ")"
    # 责任单位及完成时限：X，2025年6月底前 — a label of units and a time label joined: one label of the units' kind whose
    # value holds both (the time limit is read as a segment of it)
    unit_alt = "|".join([_alt(w for w, k in labels.items() if k in LABEL_KINDS)]
                        + [f"(?:{p.pattern})" for k, p in label_forms if k in LABEL_KINDS])
    word_start = "(?<![\\u4e00-\\u9fffA-Za-z0-9])"  # (after 及 the time label's own word-start guard would fail)
    time_alt = "|".join([_alt(w for w, k in labels.items() if k == "time")]
                        + ["(?:" + p.pattern.replace(word_start, "") + ")" for k, p in label_forms if k == "time"])
    joined_label = f"(?P<units>{unit_alt})(?:及|和|与|、)(?:{time_alt})"
    # a label closed by its colon, or written in brackets without one (【牵头单位】市X局, [责任单位]…)
    label_full = f"(?:{joined_label.replace('(?P<units>', '(?:')}|{label_alt})"
    # (a qualifier in brackets may stand before the colon: 责任单位(部门)：, 牵头单位（牵头领导）：)
    label_end = "\\s*(?:[（(][^（）()：:]{1,6}[)）]\\s*)?(?:[：:]|[】\\]]\\s*[：:]?)"
    shapes = data["label_shapes"]
    if not isinstance(shapes, dict) or set(shapes) != {"responsible"}:
        raise KbError(f"{src}：“label_shapes”只能含这个键：responsible；请修正，或从代码仓库恢复这个文件")
    label_shapes = tuple(sorted(((e, k) for k, es in shapes.items() for e in _words(src, f"label_shapes.{k}", es)),
                                key=lambda ek: -len(ek[0])))
    shape_alt = "[\\u4e00-\\u9fff]{2,9}"  # any short label; its kind by its ending (``shape_kind``)
    return RoleVocabulary(
        duty_line=_duty_line_re(src, data["duty_lines"]),
        supports_named=_supports_named_re(src, data["supports_named"]),
        document_interpretation=_compile(src, "document_interpretation", data["document_interpretation"]),
        role_words=sorted(words.items(), key=lambda kv: -len(kv[0])),
        role_end=re.compile(f"(?P<word>{_alt(words)})$"),
        role_of=dict(words),
        weak_words=frozenset(weak),
        role_then_comma=re.compile(f"(?<=[^、，,；;])(?:{_alt(words)})(?=、)"),
        labels=labels,
        implementer_labels=implementers,
        label_forms=label_forms,
        label_re=re.compile(f"[【\\[]?(?P<label>{label_full}){label_end}"),
        label_line_re=re.compile(f"^[（(〔【\\[]?\\s*{label_full}{label_end}"),
        joined_label_re=re.compile(joined_label),
        label_shapes=label_shapes,
        level_opening_words=tuple(_words(src, "level_opening_words", data["level_opening_words"])),
        group_qualifiers=tuple(_words(src, "group_qualifiers", data["group_qualifiers"])),
        checker_words=tuple(_words(src, "checker_words", data["checker_words"])),
        shape_label_re=re.compile(f"(?:(?<=[；;，,\\s])|^)(?P<label>{shape_alt})\\s*[：:]"),
        shape_line_re=re.compile(f"^[（(〔【\\[]?\\s*(?P<label>{shape_alt})\\s*[：:]"),
        label_word_re=re.compile(f"^{label_alt}|" + "|".join(f"(?:{p.pattern})" for k, p in label_forms if k == "field")
                                 if any(k == "field" for k, _ in label_forms) else f"^{label_alt}"),
        ongoing=re.compile(_alt(_words(src, "ongoing_words", data["ongoing_words"]))),
        lead_rules=lead_rules,
        any_lead_rule=re.compile("|".join(f"(?:{p.pattern})" for _, p in lead_rules)),
        implied_notes=notes,
        implied_note_roles=tuple(note_roles),
        implied_note_scopes=tuple(note_scopes),
        list_tail=_compile(src, "list_tail", data["list_tail"]),
        list_joiner=_compile(src, "list_joiner", data["list_joiner"]),
        joined_names=_compile(src, "joined_names", "|".join(f"(?:{p})" for p in _words(src, "joined_names", data["joined_names"]))),
        predicate_start=re.compile(f"(?!{_alt(_words(src, 'predicate_start_not', data['predicate_start_not']))})"
                                   + _alt(_words(src, "predicate_start", data["predicate_start"])
                                          + _words(src, "manner_words", data["manner_words"]))),
        short_unit_names=frozenset(_words(src, "short_unit_names", data["short_unit_names"])),
        duty_modals=re.compile(_alt(_words(src, "duty_modals", data["duty_modals"]))),
        modal_subject_not=_compile(src, "modal_subject_not", data["modal_subject_not"]),
        predicate_roles=_predicate_roles(src, data["predicate_roles"]),
        duty_documents=re.compile(f"{_alt(_words(src, 'duty_documents', data['duty_documents']))}》?$"),
        shared_suffix=re.compile(f"(?:{_alt(_words(src, 'shared_suffixes', data['shared_suffixes']))})$"),
        collective_subjects=_compile(src, "collective_subjects", data["collective_subjects"]),
        reported_speech=re.compile(f"{_alt(_words(src, 'reported_speech', data['reported_speech']))}$"),
        non_unit_endings=re.compile(f"{_alt(_words(src, 'non_unit_endings', data['non_unit_endings']))}$"),
        reported_work=_compile(src, "reported_work", "|".join(f"(?:{p})" for p in _words(src, "reported_work", data["reported_work"]))),
        duty_list_opener=_compile(src, "duty_list_opener",
                                  "(?:" + "|".join(f"(?:{p})" for p in _words(src, "duty_list_opener", data["duty_list_opener"])) + ")[：:]$"),
        duty_heading=re.compile(f"^(?P<units>.+?)的?(?:{_alt(_words(src, 'duty_heading_words', data['duty_heading_words']))})[。：:]?$"),
        generic=_compile(src, "generic_groups", "|".join(f"(?:{p})" for p in _words(src, "generic_groups", data["generic_groups"]))),
        department_re=re.compile(f"{_alt(suffixes)}(?:[（(][^（）()]*[)）])?$"),
        prose_roles=prose,
        vague_prose_names=_compile(src, "vague_prose_names", data["vague_prose_names"]),
        heading_roles=re.compile(
            f"(?P<words>.+?{_alt(words)})的?(?:{_alt(_words(src, 'heading_work_words', data['heading_work_words']))}(?:{_COUNT})?|{_COUNT})"
            "[。：:]?"),
        duty_part_re=re.compile(_alt(_words(src, "duty_parts", data["duty_parts"]))),
        none_markers=frozenset(_words(src, "none_markers", data["none_markers"])),
        unranked_labels=frozenset(_words(src, "unranked_labels", data["unranked_labels"])),
        batch_marker=_compile(src, "batch_marker", data["batch_marker"]),
        lead_rule_scope=_compile(src, "lead_rule_scopes",
                                 "|".join(f"(?:{p})" for p in _words(src, "lead_rule_scopes", data["lead_rule_scopes"]))),
        manner_end=re.compile(f"(?:{_alt(_words(src, 'manner_words', data['manner_words']))})+$"),
        support_after_lead=_known_words(src, "support_after_lead", data["support_after_lead"], words),
        action=re.compile(f"(?:{_alt(_words(src, 'action_adverbs', data['action_adverbs']))})*"
                          f"(?P<verb>{_alt(_words(src, 'action_verbs', data['action_verbs']))})"),
        topic_opener=re.compile(f"^{_alt(_words(src, 'topic_openers', data['topic_openers']))}"),
        aside=re.compile(f"^{_alt(_words(src, 'aside_openers', data['aside_openers']))}"),
        name_opening_verb=re.compile(f"^(?:{_alt(_words(src, 'action_adverbs', data['action_adverbs']))})*"
                                     f"{_alt(_words(src, 'name_opening_verbs', data['name_opening_verbs']))}"),
        beneficiary_start=re.compile(f"^{_alt(_words(src, 'beneficiary_verbs', data['beneficiary_verbs']))}"),
        clause_opener=re.compile(f"^{_alt(_words(src, 'clause_openers', data['clause_openers']))}"),
        object_marker=re.compile(_alt(_words(src, "object_markers", data["object_markers"]))),
        office_end=re.compile(f"{_alt(_words(src, 'office_endings', data['office_endings']))}$"),
        anaphor=re.compile(f"^该({_alt(_words(src, 'anaphor_endings', data['anaphor_endings']))})"),
        with_word=re.compile(f"{_alt(_words(src, 'with_words', data['with_words']))}(?!{slots['<PREDICATE>']})"),
        time_clause=_compile(src, "time_clause", data["time_clause"]),
        adverb_predicate=re.compile(f"(?:{_alt(_words(src, 'predicate_adverbs', data['predicate_adverbs']))})+"
                                    r"(?![的了，,。；;])[\u4e00-\u9fff]"),
        stating_end=re.compile(f"(?:{_alt(_words(src, 'stating_verbs', data['stating_verbs']))})$"),
        manner_starts=tuple(_words(src, "manner_clause_starts", data["manner_clause_starts"])),
        group_tail=_compile(src, "list_group_tail", data["list_group_tail"]),
        kind_words=frozenset(_words(src, "kind_words", data["kind_words"])),
        name_opener=re.compile(_alt(_words(src, "predicate_start_not", data["predicate_start_not"]))),
        **_sentence_words(src, data["sentence_reading"]),
    )


def _sentence_words(src: Path, value) -> dict[str, re.Pattern]:
    """The words of ``sentence_reading`` (the sentence-by-sentence reader of a tagged plan's paragraphs)."""
    keys = {"unit_groups", "checking_words", "role_in_object", "responsible_body", "continuing_modals", "kind_departments",
            "inline_limits"}
    if not isinstance(value, dict) or set(value) != keys:
        raise KbError(f"{src}：sentence_reading 应含 {'、'.join(sorted(keys))}；请修正，或从代码仓库恢复这个文件")
    return dict(
        unit_group=_compile(src, "sentence_reading.unit_groups", value["unit_groups"]),
        checking=re.compile(_alt(_words(src, "sentence_reading.checking_words", value["checking_words"]))),
        role_in_object=_compile(src, "sentence_reading.role_in_object", value["role_in_object"]),
        responsible_body=_compile(src, "sentence_reading.responsible_body", value["responsible_body"]),
        continuing_modal=_compile(src, "sentence_reading.continuing_modals", value["continuing_modals"]),
        kind_department=_compile(src, "sentence_reading.kind_departments", value["kind_departments"]),
        inline_limit=_compile(src, "sentence_reading.inline_limits", value["inline_limits"]),
    )


def _prose_slots(src: Path, data: dict, suffixes: list[str]) -> dict[str, str]:
    """The slots a prose pattern may hold, filled from the vocabulary: ``<UNIT_END>`` — the place right after a
    unit suffix's last character (a lookbehind); ``<PREDICATE>`` — a word opening a predicate (``predicate_start``,
    ``action_adverbs``, ``action_verbs``, ``manner_words``; not ``predicate_start_not``: 应急 opens a name);
    ``<NOT_OFFICE>`` — after that word, no office's ending (``office_endings``) within two characters that closes the name
    (a list's 、/等/end or a predicate follows): 住房城乡|建设部、, 市住房城乡|建设管理委|起草 are names; 制定办|法 is none."""
    last = "".join(sorted({w[-1] for w in suffixes}))
    words = (_words(src, "predicate_start", data["predicate_start"]) + _words(src, "action_adverbs", data["action_adverbs"])
             + _words(src, "action_verbs", data["action_verbs"]) + _words(src, "manner_words", data["manner_words"]))
    offices = _alt(_words(src, "office_endings", data["office_endings"]))
    predicate = f"(?!{_alt(_words(src, 'predicate_start_not', data['predicate_start_not']))}){_alt(set(words))}"
    with_ = f"{_alt(_words(src, 'with_words', data['with_words']))}(?!{predicate})"  # (X、Y协同推进…: no partner)
    return {"<UNIT_END>": f"(?<=[{re.escape(last)}])", "<PREDICATE>": predicate, "<WITH>": f"(?:{with_})",
            # (an office's name goes on to a list's end or a predicate: 建设管理委|起草, 建设部、 — not 制定办|法)
            "<NOT_OFFICE>": f"(?![^，,。；;、]{{0,2}}?{offices}(?:[、，,。；;和及与等于每]|$|{predicate}))"}


def _supports_named_re(src: Path, value) -> re.Pattern:
    """``supports_named`` compiled: the supporting units (maybe none written), a support word, the unit supported, an
    optional verb of the work (matched whole)."""
    keys = ("support_words", "work_verbs")
    if not isinstance(value, dict) or set(value) != set(keys):
        raise KbError(f"{src}：“supports_named”应恰好有这些键：{', '.join(keys)}；请修正，或从代码仓库恢复这个文件")
    words, verbs = (_alt(_words(src, f"supports_named.{k}", value[k])) for k in keys)
    return re.compile(f"(?P<helper>[^，,；;。]*?)(?:积极|主动|全力|负责)?{words}(?P<helped>[^，,；;。]{{2,60}}?)"
                      f"(?:负责|具体)?(?:{verbs})?(?:相关工作|工作)?")


def _duty_line_re(src: Path, value) -> re.Pattern:
    """``duty_lines`` compiled: an optional subject naming the item above (此项工作) with 由, or 由 alone, or neither (X负责，
    Y配合。: the units first), the units that lead or answer and their word, then optionally a comma, the supporting
    units and theirs — and nothing else (matched whole)."""
    keys = ("subjects", "lead_words", "support_words")
    if not isinstance(value, dict) or set(value) != set(keys):
        raise KbError(f"{src}：“duty_lines”应恰好有这些键：{', '.join(keys)}；请修正，或从代码仓库恢复这个文件")
    subjects, leads, supports = (_alt(_words(src, f"duty_lines.{k}", value[k])) for k in keys)
    # a name may hold one short bracket of its own (各县（市、区）政府, 市政府办公室（市政务服务办）): what brackets hold in a
    # name never opens a clause
    names = "(?:[^，,。；;：:由（）()]|（[^，,。；;：:由（）()]{1,10}）){2,%d}?"
    tail = "(?:等(?:有关|相关)?(?:部门|单位))?"
    return re.compile(
        f"(?:(?:{subjects}(?:均|统一)?)?由)?(?P<first>{names % 60}){tail}(?:具体|统一|共同)?(?P<word>{leads})"
        f"(?:[，,](?:由)?(?P<second>{names % 120}){tail}(?:积极|共同|具体)?{supports})?[。.]?")


def _predicate_roles(src: Path, value) -> dict[str, re.Pattern]:
    if not isinstance(value, dict) or not value or not set(value) <= {"lead", "support", "guide"}:
        raise KbError(f"{src}：predicate_roles 应为 lead/support/guide 到正则表达式列表的映射；请修正，或从代码仓库恢复这个文件")
    return {role: _compile(src, f"predicate_roles.{role}", "|".join(f"(?:{p})" for p in _words(src, f"predicate_roles.{role}", pats)))
            for role, pats in value.items()}


def _known_words(src: Path, key: str, value, words: dict[str, str]) -> frozenset[str]:
    found = set(_words(src, key, value))
    if not found <= set(words):
        raise KbError(f"{src}：{key} 中的词“{'、'.join(sorted(found - set(words)))}”不在 roles 下；请修正，或从代码仓库恢复这个文件")
    return frozenset(found)


def is_none_marker(value: str, vocab: RoleVocabulary | None = None) -> bool:
    """True for a whole value that says "no unit" (无, 无。, 暂无, /, —, -): only the whole value, so a name
    opening with 无 (无锡市发展改革委) is a unit."""
    value = value.strip().rstrip("。.；;，, \u3000").strip()
    return value in (vocab or load_vocabulary()).none_markers


@dataclass(slots=True)
class DocumentRules:
    """What a plan states once for all its tags (A2), read in document order."""

    lead_rule: str | None = None
    """``first_is_lead``, ``responsible_is_lead``, ``equal`` or None (no lead is guessed)."""
    lead_rule_text: str | None = None
    """The plan's words stating it."""
    bare_lists: bool = False
    """The plan closes its items with brackets of bare unit names as a habit (``…发展。(市工信委、市财政局)`` after
    every item, ``bare_bracket_habit``): such a bracket is a tag of responsible units, read as a bare list."""
    text: str = ""
    """The plan's text: where it names a place with its level (宝安区) it proves a bare place of a list sharing that
    level's government (宝安、龙岗区政府: ``_share_level_government``)."""

    def read(self, text: str, vocab: RoleVocabulary) -> str | None:
        """Take the lead rule ``text`` states, if any (a later rule replaces an earlier one)."""
        if not vocab.any_lead_rule.search(text):  # one pass for all the rule patterns
            return None
        for rule, pattern in vocab.lead_rules:
            if pattern.search(text):
                self.lead_rule, self.lead_rule_text = rule, text
                return rule
        return None


@dataclass(slots=True)
class Tag:
    """A parsed responsibility tag."""

    text: str
    """The tag as written, brackets included."""
    roles: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in ROLES})
    """Role → unit names (as written, or the issuer registry's canonical name), in tag order."""
    subunits: dict[str, list[str]] = field(default_factory=dict)
    """Unit → sub-units written in brackets after it."""
    notes: list[str] = field(default_factory=list)
    """Segments that are not role lists."""
    implied: list[str] = field(default_factory=list)
    """Implementers named by a note for this and every following task."""
    implied_support: list[str] = field(default_factory=list)
    """Supporting units a note names for this and every following task (各项任务的配合单位为X)."""
    fields: dict[str, str] = field(default_factory=dict)
    """Labelled fields that are not units (适用范围, 责任领导, 完成时限 …)."""
    time_words: list[str] = field(default_factory=list)
    """Time limits the tag states (年内持续推进, a 完成时限 value)."""
    batches: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    """(batch as written, its units, its time words) of a label listing units by batch (试点单位：第一批：A、B，2017年12月
    底前完成；第二批：…): which of ``time_words`` is whose (``Deadline.batch``)."""
    limit_fields: list[str] = field(default_factory=list)
    """Values of fields known by their shape that state a limit (目标任务：年底完成…: ``deadlines.field_limits``)."""
    rule: str | None = None
    """The lead rule this tag states, if any."""
    labelled: bool = False
    """True when the tag uses labels (牵头单位：…)."""
    warnings: list[str] = field(default_factory=list)
    """Problems: unknown role word, label without names, names that look broken."""
    unknown_names: list[str] = field(default_factory=list)
    """Names kept as written although the plan's registry does not know them."""

    @property
    def has_roles(self) -> bool:
        """True when at least one unit has a role."""
        return any(self.roles.values())


# ---------------------------------------------------------------- lists (A6)


_BRACKET_RE = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")
#: Brackets that hold a name's own alternatives but open no tag (各县<市、区>人民政府, 各县〈市、区〉…, 各县‹市、区›…: web and
#: PDF renderings of 各县（市、区）): a list is never split inside them (tagsblind10, session 14); tags stay in OPENERS.
_NAME_OPENERS, _NAME_CLOSERS = OPENERS + "<〈‹", CLOSERS + ">〉›"
_NAME_BRACKET_RE = re.compile("[" + re.escape(_NAME_OPENERS + _NAME_CLOSERS) + "]")


@lru_cache(maxsize=16)
def _splitters(seps: str) -> tuple[re.Pattern, re.Pattern]:
    """(the separators, the separators or a bracket) as compiled patterns."""
    return re.compile("[" + re.escape(seps) + "]"), re.compile("[" + re.escape(seps + _NAME_OPENERS + _NAME_CLOSERS) + "]")


def split_top(text: str, seps: str) -> list[str]:
    """Split ``text`` at ``seps`` that are outside brackets (round, square and the angle brackets of names)."""
    plain, marks = _splitters(seps)
    if not _NAME_BRACKET_RE.search(text):  # most segments: no bracket, a plain split
        return [p.strip() for p in plain.split(text) if p.strip()]
    parts, depth, start = [], 0, 0
    for m in marks.finditer(text):  # visit only separators and brackets
        c = m.group()
        if c in _NAME_OPENERS:
            depth += 1
        elif c in _NAME_CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


_HOLD = "\x00"


def split_items(names: str, vocab: RoleVocabulary) -> list[str]:
    """A list of units → the names: ``、，,`` outside brackets and outside names holding ``、``;
    ``等和`` splits; ``等`` / ``等有关部门和单位`` tails dropped."""
    if "、" in names:
        names = vocab.joined_names.sub(lambda m: m.group(0).replace("、", _HOLD), names)
    if "等" in names or "各" in names:
        names = vocab.list_joiner.sub("、", names)
    items = []
    ending = None  # the generic ending a 等 tail closing the list holds (市应急管理、交通、公安等部门: 部门)
    for item in split_top(names, "、，,"):
        item = _ENUMERATION_RE.sub("", item.replace(_HOLD, "、"))
        if "等" in item:
            tail = vocab.list_tail.search(item)
            ending = vocab.shared_suffix.search(tail.group(0)) if tail else None
            item = vocab.list_tail.sub("", item).strip()
        else:
            ending = None
        if item:
            items.extend(_joined_units(item, vocab))
    if ending and items:
        # X、Y、Z等部门: the domains before the tail are departments of that kind (as X、Y部门, ``_share_suffix``)
        items = _share_suffix(items + [ending.group(0)], vocab, tail=True)
    return _share_suffix(items, vocab)


#: A level word opening a name (市民政部门): a later item of the same list without one shares it.
_LEVELS = "省市区县"


def _share_suffix(items: list[str], vocab: RoleVocabulary, tail: bool = False) -> list[str]:
    """``市人力资源和社会保障``, ``民政部门`` → ``市人力资源和社会保障部门``, ``市民政部门``: when the last name ends in a
    generic ending (``shared_suffixes``: 部门, 主管部门) and every item before it ends like no unit, those items are
    bodies of the same kind written without it; a later item without the first one's level word (市) shares it too.
    Lists whose items are names already (市民政局、市财政局) or are no names at all (教育、卫生等) are left alone.
    ``tail``: the last item is the bare ending of a 等 tail (市应急管理、交通、公安 + 部门 of 等部门), shared by all and
    no name of its own."""
    if len(items) < 2:
        return items
    ending = vocab.shared_suffix.search(items[-1])
    if not ending or (len(items[-1]) == len(ending.group(0))) != tail or any(
            vocab.department_re.search(x) or vocab.generic.search(x) or len(x) < 2 for x in items[:-1]):
        return items[:-1] if tail else items
    names = [x + ending.group(0) for x in items[:-1]] + ([] if tail else [items[-1]])
    level = names[0][0] if names[0][0] in _LEVELS and not names[0].startswith(vocab.level_opening_words) else ""
    return [names[0]] + [n if not level or n[0] in _LEVELS or n.startswith("各") else level + n for n in names[1:]]


#: Words joining two names of units inside one list item (国家发展改革委及国家粮食局, 区发改委和区财政局, 区A局/区B局).
_UNIT_JOINERS = re.compile("和|及|与|/|／")


def _joined_units(item: str, vocab: RoleVocabulary) -> list[str]:
    """``区发改委和区财政局`` → two units: an item is split at 和/及/以及/与/``/`` (outside brackets) where the parts on
    both sides are whole names of units — 3+ characters ending like one, not opening with 其 (区政府及其部门) — so
    人力资源和社会保障局, 各有关部门和单位 and 党委和政府 stay one name.  Only the joiners between names split: in
    ``公安部门和县交通与建设局`` the 与 inside 县交通与建设局 does not (县交通 ends like no unit), the 和 does (ROUTED s17 (e):
    the whole was one made-up unit).  Of the ways to cut the item so, the one with the most names."""
    if not _UNIT_JOINERS.search(item):
        return [item]
    text = item.replace("以及", "及")
    pieces = split_top(text, "和及与/／")
    if len(pieces) < 2:
        return [item]
    joiners, at = [], 0  # the joiner after each piece, as written
    for p in pieces[:-1]:
        at = text.index(p, at) + len(p)
        joiners.append(text[at])
        at += 1

    def whole(p: str) -> bool:
        return len(p) >= 3 and not p.startswith("其") and bool(vocab.department_re.search(p))

    # best[k]: the most names pieces[:k] cut into, each a whole name (None: no such cut)
    best: list[list[str] | None] = [[]] + [None] * len(pieces)
    for k in range(1, len(pieces) + 1):
        for j in range(k):
            if best[j] is None:
                continue
            name = pieces[j] + "".join(joiners[i] + pieces[i + 1] for i in range(j, k - 1))
            if whole(name) and (best[k] is None or len(best[j]) + 1 > len(best[k])):
                best[k] = best[j] + [name]
    cut = best[len(pieces)]
    return cut if cut and len(cut) > 1 else [item]


_SUBUNIT_RE = re.compile(r"(.+?)[（(]([^（）()]+)[)）]")
_SUBUNIT_SEP_RE = re.compile("[、，,]")


def split_subunit(item: str) -> tuple[str, list[str]]:
    """``市发展改革委（市能源办）`` → (``市发展改革委``, [``市能源办``]); a bureau with its internal divisions in brackets
    (``市交通委（计划财务处）``, kb.registry.bureau_divisions) is one unit as written: (item, []).  So is a GROUP of bodies
    with a bracket (``各县(市、区)政府(管委会)``, ``各街镇（经开区）``: ``generic_groups``, kb.registry.group_alternatives): a
    group has no second name of one body — the bracket names the bodies of another kind that stand for its members (the
    zones' 管委会), part of the group as written (tagsblind7 cause 3: 管委会 was a sub-unit of 各县(市、区)政府); a question
    by 各街镇 or 园区 finds 各街镇（园区） (kb.registry.division_spellings).  A group's bracket of kind words only
    (``国务院有关部门（单位）``: ``kind_words``) restates its kind: the group, no sub-unit."""
    if item[-1:] not in ")）":
        return item, []
    m = _SUBUNIT_RE.fullmatch(item)
    if not m:
        return item, []
    head, inner = m.group(1).strip(), [s.strip() for s in _SUBUNIT_SEP_RE.split(m.group(2)) if s.strip()]
    vocab = load_vocabulary()
    if is_generic(head, vocab) and inner and all(s in vocab.kind_words for s in inner):
        return head, []  # 国务院有关部门（单位）: a bracket of kind words only restates the group's kind — no sub-unit
    if bracket_parts(item) or is_generic(head, vocab):
        return item, []  # divisions of a bureau, alternatives of a group (kb.registry.bracket_parts): one unit as written
    return head, inner


def strip_manner(names: str, vocab: RoleVocabulary) -> str:
    """``各市政府结合实际分别`` → ``各市政府``: words of manner closing a list are no part of its last name
    (a name that is only such words stays as written)."""
    stripped = vocab.manner_end.sub("", names)
    return stripped if stripped.strip("、，, ") else names


def cell_segments(cell: str, role: str, vocab: RoleVocabulary | None = None) -> list[tuple[str, str]]:
    """(names, role) of each part of a task table's role cell read in a column of ``role`` (lead, support,
    sole): a cell may carry role words of its own (``省科技厅按职责分工负责`` in a 配合单位 column,
    ``省经信厅负责``, ``市X局牵头，市Y局配合`` in a 责任单位 column) and words of manner
    (``各市政府结合实际分别落实``).  They are no part of a name: a role word other than a plain 负责/落实
    sets the role of the names before it (按职责分工负责 → shared, 牵头 → lead, 配合 → support); a plain
    负责/落实 only repeats the column's role.  Names keep their 、; 会同 is left to the tag reader."""
    vocab = vocab or load_vocabulary()
    out: list[tuple[str, str]] = []
    for whole in split_top(cell.strip().rstrip("。"), "，,；;"):
        cuts = [m.end() for m in vocab.role_then_comma.finditer(whole)]
        bounds = [0] + cuts + [len(whole)]
        for a, b in zip(bounds, bounds[1:]):
            segment = whole[a:b].strip("、 ")
            if not segment:
                continue
            m = vocab.role_end.search(segment)
            here = role
            if m and strip_manner(segment[: m.start()], vocab).strip():
                word = m.group("word")
                names = strip_manner(segment[: m.start()], vocab)
                if vocab.role_of[word] != "sole":
                    here = vocab.role_of[word]
                segment = names
            else:
                segment = strip_manner(segment, vocab)
            out.append((segment.strip("、 "), here))
    return out


def is_generic(name: str, vocab: RoleVocabulary | None = None) -> bool:
    """True for a generic group (各省级人民政府, 各有关部门和单位, 成员单位): never made lead by position."""
    return bool((vocab or load_vocabulary()).generic.search(name))


def rule_ranks_any_unit(rule_text: str, vocab: RoleVocabulary | None = None) -> bool:
    """Whether a first-is-lead rule's words rank any unit listed first — a generic group too (主要责任单位第一个为牵头单位:
    相关乡镇人民政府 first leads, the plan says so) — rather than one class of units (``lead_rule_scopes``: 县直部门中列在首位的
    为牵头部门 ranks the county's departments, not 各乡镇人民政府)."""
    return not (vocab or load_vocabulary()).lead_rule_scope.search(rule_text or "")


def names_units(head: str, vocab: RoleVocabulary | None = None) -> bool:
    """True for a short head that is only names of units (``区建管委``, ``各镇、街道、开发区``): G's section heads."""
    from kb.registry import EMPTY

    vocab = vocab or load_vocabulary()
    head = head.strip()
    if not head or len(head) > 40 or re.search(r"[。；;：:，,！？\s]", head):
        return False
    names = [n for n in re.split(r"、", head) if n]
    return bool(names) and all(len(n) <= 20 and looks_like_unit(n, vocab, EMPTY) for n in names)


def looks_like_unit(name: str, vocab: RoleVocabulary, registry: Registry) -> bool:
    """True for a name ending like a unit, a generic group or a name the registry knows."""
    return bool(vocab.department_re.search(name) or vocab.generic.search(name) or registry.canonical(name))


# ---------------------------------------------------------------- reading a tag


@dataclass(slots=True)
class _Reading:
    """What the segment rules share while reading one tag."""

    tag: Tag
    registry: Registry
    vocab: RoleVocabulary
    rules: DocumentRules
    default_role: str | None = None
    """The role of a label whose value is being read (names without a role word take it)."""
    positional: bool = False
    """True when a bare list here falls under the document's lead rule (负责 lists, 责任单位 alone)."""
    pending: list[str] = field(default_factory=list)
    """Names-only segments waiting for the role word of a later segment (A、B，C负责)."""
    bare: bool = False
    """Names left without a role word are the plan's bare list (``DocumentRules.bare_lists``): responsible, as A、B负责."""
    last_role: str | None = None
    """The role the last segment with a role word gave (names after a lead's or a supporter's segment, with no word of
    their own, are more of the others: ``_read_segments``)."""


def rule_lead_statement(r: _Reading, segment: str) -> bool:
    """A2: a segment stating the document's lead rule (列第一位者为牵头单位 …) is a note that sets it."""
    rule = r.rules.read(segment, r.vocab)
    if rule is None:
        return False
    r.tag.rule = rule
    r.tag.notes.append(segment)
    return True


def rule_carry_forward(r: _Reading, segment: str) -> bool:
    """A5: ``以下均需X落实，不再列出``: X is implied for this and every later task."""
    for pattern, role, scope in zip(r.vocab.implied_notes, r.vocab.implied_note_roles, r.vocab.implied_note_scopes):
        if role == "responsible" or scope == "above":
            continue  # (plan-wide notes only: who does the unmarked tasks, the tasks above — core.rule_plan_wide_support)
        m = pattern.search(segment)
        if m:
            r.tag.notes.append(segment)
            names = r.tag.implied_support if role == "support" else r.tag.implied
            for item in split_items(m.group("units"), r.vocab):
                name = _name(r, item)
                if name not in names:
                    names.append(name)
            return True
    return False


def plan_wide_support(text: str, registry: Registry, vocab: RoleVocabulary | None = None) -> list[str]:
    """The supporting units a cover notice or a preface names for every task (方案中各项任务的配合单位为各区人民政府，
    不再一一列出: ``implied_notes`` of role ``support``), in order; none for any other sentence."""
    return [n for role, scope, names in plan_wide_notes(text, registry, vocab) if role == "support" for n in names]


def plan_wide_notes(text: str, registry: Registry, vocab: RoleVocabulary | None = None) -> list[tuple[str, str, list[str]]]:
    """The plan-wide notes of ``text`` (a cover notice, a preface, a paragraph without roles, the closing words) as
    (role, scope, units): ``support`` — 各项任务的配合单位为X, 除特别注明的外X都是配合单位, 以上任务X均为配合单位 (scope
    ``above``), 以下均需X配合，不再列出 (scope ``below``) — and ``responsible`` — 未注明的，由X负责落实 (the tasks naming no unit).  Only notes plan-wide by their
    own words (``implied_notes`` of those roles); a note naming no unit (各项任务的配合单位为本方案确定的单位) gives none."""
    vocab = vocab or load_vocabulary()
    found: list[tuple[str, str, list[str]]] = []
    for segment in split_top(text, "。；;\n"):
        for pattern, role, scope in zip(vocab.implied_notes, vocab.implied_note_roles, vocab.implied_note_scopes):
            if role not in ("support", "responsible"):
                continue
            m = pattern.search(segment)
            if m is None:
                continue
            r = _Reading(Tag(text=segment), registry, vocab, DocumentRules())
            names = [_name(r, item) for item in split_items(m.group("units"), vocab)]
            names = [n for n in dict.fromkeys(names) if looks_like_unit(n, vocab, registry)]
            if names:
                found.append((role, scope, names))
            break  # (one note a segment: the first form that reads it)
    return found


def rule_time_words(r: _Reading, segment: str) -> bool:
    """A7: a segment that is a time limit (年内持续推进, 2019年底前完成, 6月底完成, 每年6月底前报送) becomes a deadline of
    the task — a limit without a year too, as the body's 6月底前 (``deadlines.tag_time_limits``, the one definition)."""
    if r.vocab.role_end.search(segment):
        return False
    from kb.parser.deadlines import tag_time_limits

    if r.vocab.ongoing.search(segment) or (any(c in segment for c in "年月日内") and tag_time_limits(segment)):
        r.tag.time_words.append(segment)
        return True
    return False


def rule_role_segment(r: _Reading, segment: str) -> bool:
    """A: ``units + role word`` (X牵头, Y、Z配合, A、B等负责); earlier names-only segments join it."""
    m = r.vocab.role_end.search(segment)
    if m is None:
        return False
    word = m.group("word")
    role = r.vocab.role_of[word]
    names = strip_manner(segment[: m.start()], r.vocab)
    if not r.pending and _ROLE_WORD_IN_CLAUSE_RE.search(names) and rule_role_with_work(r, segment):
        return True  # 县水利局负责技术指导: the unit's name ends before its duty verb, never 县水利局负责技术 (probes-s17)
    if word in r.vocab.weak_words and not (
            names and all(looks_like_unit(i, r.vocab, r.registry) for i in split_items(names, r.vocab))):
        return False  # 确保政策落实: an ordinary phrase, not a role
    if names.startswith("由") and looks_like_unit(split_items(names[1:], r.vocab)[0] if names[1:] else "", r.vocab, r.registry):
        names = names[1:]  # 由X牵头实施: 由 is no part of the name
    items = [i for group in r.pending for i in split_items(group, r.vocab)] + split_items(names, r.vocab)
    r.pending = []
    if not items:
        r.tag.notes.append(segment)
        return True
    if role in ("lead", "sole", "shared") and _read_with(r, items):
        return True
    if (role == "shared" or word in r.vocab.support_after_lead) and r.tag.roles["lead"]:
        role = "support"  # （X牵头，Y、Z按职责分工负责 / 组织落实）: after a named lead the others support it
    _assign(r, items, role, positional=role == "sole" and not r.default_role)
    r.last_role = role
    return True


@lru_cache(maxsize=4)
def _role_word_re(words: tuple[str, ...]) -> re.Pattern:
    """Any role word, the longest first."""
    return re.compile(_alt(sorted(words, key=len, reverse=True)))


#: What the work after a role word never opens with: a person (负责人, 负责同志), a noun of the word (牵头单位, 负责的), a post.
_NOT_WORK_RE = re.compile(r"^(?:人|的|同志|任|单位|部门|领导|处室|科室|[，,、；;。]|$)")


def rule_role_with_work(r: _Reading, segment: str) -> bool:
    """A: ``Y负责法制审查工作`` / ``Y、Z负责经费保障`` — units, a role word, then the work they do: the units take the
    word's role and the segment is kept as a note (ROUTED s17 (b): the whole segment was a note and Y dropped, though the
    tag names Y with a duty).  Only when every name before the word looks like a unit and none opens like a clause
    (请…, 确保…, 经…: ``_NOT_A_NAME_RE``) and the work opens with no person or noun (负责人, 负责同志, 牵头单位); the weak
    word 落实 never (确保县政府落实…).  Beside a named lead, 按职责分工负责 and the implementers' words support it, as in
    ``rule_role_segment``; beside a lead ANY such unit supports it: its work is a part of the led work (负责法制审查工作),
    never the whole (负责落实 closing a segment stays ``rule_role_segment``'s: shared)."""
    if r.pending or not any(w in segment for w in ("负责", "牵头", "配合", "参与", "协助", "指导", "落实", "实施", "主办", "协办")):
        return False
    if _in_carry_forward(r, segment):
        return False  # (以下均需X落实，Y负责…区内的…工作，不再列出: the note's own words, no doer of this task)
    words = r.vocab.role_of
    m = _role_word_re(tuple(words)).search(segment)
    while m is not None:
        word, rest = m.group(), segment[m.end():]
        names = strip_manner(segment[: m.start()], r.vocab)
        if names.startswith("由"):
            names = names[1:]
        if names and word not in r.vocab.weak_words and not _NOT_WORK_RE.match(rest):
            items = split_items(names, r.vocab)
            if items and all(_named_doer(i, r) for i in items):
                role = words[word]
                closing = r.vocab.role_end.search(rest)
                if role == "sole" and closing and words[closing.group("word")] in ("guide", "support"):
                    # 负责技术指导 / 负责协调配合: the role word closing the work names the role (as 负责指导, 负责配合)
                    role = words[closing.group("word")]
                if role in ("lead", "sole", "shared") and _read_with(r, items):
                    r.tag.notes.append(segment)
                    r.last_role = "lead"
                    return True
                if role in ("sole", "shared", "guide") and r.tag.roles["lead"]:
                    # 县应急局牵头，县公安局负责法制审查工作: a part of the led work — the unit supports the lead (the lead's
                    # probes-s17: 县水利局负责技术指导 beside 牵头 is 配合); 负责落实 of the whole work is rule_role_segment's
                    role = "support"
                _assign(r, items, role, positional=False)
                r.tag.notes.append(segment)
                r.last_role = role
                return True
        m = _role_word_re(tuple(words)).search(segment, m.start() + 1)
    return False


#: A role word inside a would-be name that is no part of a body's name (县公安局负责同志带队: a person and a clause); 牵头单位,
#: 牵头协调小组 are a name's own words.
_ROLE_WORD_IN_CLAUSE_RE = re.compile(r"(?:负责|牵头|配合|协助|参与)(?!单位|部门|协调(?:小组|办公室|机构)|小组|工作组|领导小组|办公室)")


def _plain_name(item: str, r: _Reading) -> bool:
    """``item`` (a name with no role word of its own after a lead's segment) reads as a unit's name: it looks like one,
    holds no digit, time word or quote, no role word outside a name's own words, and opens like no clause."""
    return (looks_like_unit(item, r.vocab, r.registry) and not _NOT_IN_MEMBER_RE.search(item)
            and not _ROLE_WORD_IN_CLAUSE_RE.search(item) and not _clause_before_unit(item, r.vocab))


def _in_carry_forward(r: _Reading, segment: str) -> bool:
    """``segment`` stands in a sentence of the tag that is a carry-forward note (``implied_notes``: 以下均需X落实，
    Y负责…，不再列出; 以下均需X落实，区政府无相关职能的，由Y负责相关工作，不再列出): the note's exceptions and conditions
    speak of every later task, they name no doer of this one (tagsblind7 04, tagsblind9 08)."""
    for sentence in re.split("[。；;]", r.tag.text):
        if segment in sentence and any(p.search(sentence) for p in r.vocab.implied_notes):
            return True
    return False


def _named_doer(item: str, r: _Reading) -> bool:
    """``item`` (a name before a role word followed by work) is a unit's name: it looks like one (3+ characters, or a
    group: 各区), holds no role word, digit, time word or quote, and opens like no clause (请, 确保, 经, 根据 …)."""
    return (looks_like_unit(item, r.vocab, r.registry) and (len(item) >= 3 or is_generic(item, r.vocab))
            and not _NOT_IN_MEMBER_RE.search(item) and not _NOT_A_NAME_RE.search(item)
            and not r.vocab.predicate_start.match(item) and not _clause_before_unit(item, r.vocab)
            and not any(w in item for w in ("牵头", "配合", "负责", "协助", "参与")))


#: What opens a unit's name after a verb that makes the whole a clause (督促|县公安局, 确保|各乡镇, 支持|国家…).
_NAME_START = ("省", "市", "区", "县", "乡", "镇", "州", "各", "国", "中央", "有关", "相关")


def _clause_before_unit(item: str, vocab: RoleVocabulary) -> bool:
    """``确保县公安局`` / ``督促各乡镇`` / ``配合市商务局``: a word of ``clause_openers``, or a verb, then a unit's name
    opening with a level or a group word — a clause, no name (an office's own name holding a verb stays one: 建设局,
    组织部, 县推进办)."""
    m = vocab.clause_opener.match(item)
    if m:
        return True
    for pattern in (vocab.action, vocab.beneficiary_start, vocab.name_opening_verb):
        m = pattern.match(item)
        if m and item[m.end():].startswith(_NAME_START):
            return True
    return False


def rule_supports_named(r: _Reading, segment: str) -> bool:
    """A: ``X配合Y落实`` / ``X协助Y实施`` / ``X、W协助Y`` — X (and W) support, Y leads (the unit the others support leads:
    ``supported_lead``).  Read whole as one name ``X配合Y`` it was sole, a role word glued into a unit (tagsblind11
    cause 6).  With nobody written before the support word (``配合市公安局落实``: who supports is not said) the segment is
    a note and reported — no role guessed.  Only when every name on both sides looks like a unit and none holds a role
    word (``市公安局配合做好``: 做好 is no unit — the support word closing a list is ``rule_role_segment``'s)."""
    m = r.vocab.supports_named.fullmatch(segment)
    if m is None or r.pending:
        return False
    helpers = split_items(strip_manner(m.group("helper"), r.vocab), r.vocab) if m.group("helper") else []
    helped = split_items(m.group("helped"), r.vocab)
    if not helped or not all(looks_like_unit(i, r.vocab, r.registry) and not r.vocab.role_end.search(i)
                             and not any(w in i for w in ("配合", "协助", "牵头", "会同")) for i in helpers + helped):
        return False
    if not helpers:
        r.tag.notes.append(segment)
        r.tag.warnings.append(warning("segment_without_role", segment=segment))
        return True
    _assign(r, helped, "lead", positional=False)
    _assign(r, helpers, "support", positional=False)
    return True


def _read_with(r: _Reading, items: list[str]) -> bool:
    """``X会同Y负责`` / ``X会同Y牵头``: the units before 会同 lead, those after it support (as in prose, E).
    False (nothing assigned) unless 会同 stands between names that all look like units."""
    at = next((k for k, item in enumerate(items) if "会同" in item), None)
    if at is None:
        return False
    left, _, right = items[at].partition("会同")
    leads = items[:at] + ([left] if left else [])
    supports = ([right] if right else []) + items[at + 1 :]
    if not leads or not supports or not all(looks_like_unit(i, r.vocab, r.registry) for i in leads + supports):
        return False
    _assign(r, leads, "lead", positional=False)
    _assign(r, supports, "support", positional=False)
    r.last_role = "lead"
    return True


def rule_names_only(r: _Reading, segment: str) -> bool:
    """A6: a segment of names without a role word waits for the next role word (or the label's role).  In a label's
    value (a list of units by its position: 责任单位：总部办、经济开发区、五金城、科技局) a member not shaped like a unit is
    kept as written beside the others (``_odd_member``) — ``_name`` reports it — never the whole list dropped (tagsblind9
    06: 五金城 took the three bodies beside it into a note)."""
    items = split_items(segment, r.vocab)
    if not items:
        return False
    units = [looks_like_unit(i, r.vocab, r.registry) for i in items]
    if all(units):
        r.pending.append(segment)
        return True
    if not r.default_role:
        return False
    # a name cut short is never a unit (notes-review-diff R1: 责任部门:市安监局牵头,市发改委、市监察 where the text ends):
    # it is reported and left out, the whole names beside it are read
    # (only a member shaped like a short name: 县医保局要做好… after a label's 。 is a sentence, not a cut name)
    # Only the list's LAST name, where the text stops right after it, can be cut by the text's end: a name with a 、 or
    # a 等 after it is whole — a short name of a county's bureau (县教体、县卫健、县医保等: ROUTED s17 (c), the four
    # 责任单位 beside a 牵头单位 were dropped as cut), kept as written and reported by ``_name``.
    last = len(items) - 1
    cut = {k for k, (i, u) in enumerate(zip(items, units))
           if not u and _odd_member(i, r.vocab) and _cut_short(r, i) and k == last and segment.rstrip().endswith(i)}
    for k in sorted(cut):
        r.tag.warnings.append(warning("name_cut_short", name=items[k]))
    kept = [(i, u or _short_level_name(i, r)) for k, (i, u) in enumerate(zip(items, units)) if k not in cut]
    if not kept:
        return True
    if 2 * sum(u for _, u in kept) >= len(kept) and all(u or _odd_member(i, r.vocab) for i, u in kept):
        r.pending.append("、".join(i for i, _ in kept) if cut else segment)
        return True
    return False


def _short_level_name(item: str, r: _Reading) -> bool:
    """A short name opening with a level of government (县教体, 区卫健, 市人社: 3–5 characters, ``_cut_short``'s shape)
    whole in a list — a bureau's short name, counted with the units of a label's value."""
    return 3 <= len(item) <= 5 and _odd_member(item, r.vocab) and _cut_short(r, item)


def _cut_short(r: _Reading, item: str) -> bool:
    """A member of a label's list that is a name cut short, not a body's name of an odd shape (五金城): one opening with
    a level of government (市监察 of 市监察局, where the text ends: a body of a level always ends like one — 市场, 市政
    open no level).  (The last member where the text ends is not taken as cut for that alone: a plan's last label line
    ends the text with no mark as often as a cut page does — 高铁新城 there is a name.)"""
    return item[0] in _LEVELS and not item.startswith(r.vocab.level_opening_words)


#: What no member of a list of names holds: a digit, a time word, sentence punctuation, a quote.
_NOT_IN_MEMBER_RE = re.compile(r"[0-9０-９年月日。；;：:！？“”\"《》]")


def _odd_member(item: str, vocab: RoleVocabulary) -> bool:
    """A member of a label's list of units that is not shaped like one but may name a body all the same (五金城, 万达广场,
    高铁新城): 2–10 characters, no digit, time word or punctuation, no role word, and no predicate word opening it
    (确保按期完成 is a clause, no name)."""
    return (2 <= len(item) <= 10 and not _NOT_IN_MEMBER_RE.search(item) and not vocab.role_end.search(item)
            and not vocab.predicate_start.match(item) and not is_none_marker(item, vocab))


def rule_note(r: _Reading, segment: str) -> bool:
    """Anything else is a note (以下不再列出, 下同 …); a unit's name followed by an unknown word is reported."""
    r.tag.notes.append(segment)
    for item in split_items(segment, r.vocab):
        if any(r.vocab.department_re.search(item[:-k]) for k in range(1, min(4, len(item) - 1) + 1)):
            r.tag.warnings.append(warning("segment_without_role", segment=segment))
            break
    return True


#: The segment rules, tried in order on every segment of a tag; the first that reads it wins.
SEGMENT_RULES: list[Callable[[_Reading, str], bool]] = [
    rule_lead_statement,
    rule_carry_forward,
    rule_time_words,
    rule_supports_named,
    rule_role_segment,
    rule_role_with_work,
    rule_names_only,
    rule_note,
]


def _legend_after_first_name(r: _Reading, segment: str) -> str:
    """A lead-rule legend in a bracket glued after a list's FIRST name (责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、
    县税务局): the rule is set and noted, and the list is read without the bracket — read whole as the rule's statement,
    the four units were dropped (tagsblind13 海盐 一1, session 17).  Only a bracket right after the first name, holding
    the rule and nothing the list needs; any other segment is returned as it is."""
    if not any(c in segment for c in "（(") or segment[-1:] in ")）":
        return segment
    pairs, _ = match_brackets(segment)
    for start, end in sorted(pairs.items()):
        if start == 0 or segment[end + 1 : end + 2] not in ("、", "，", ","):
            continue
        content = segment[start + 1 : end]
        rule = r.rules.read(content, r.vocab)
        head = segment[:start]
        if rule is None or any(c in head for c in "、，,（()）") or not looks_like_unit(head.strip(), r.vocab, r.registry):
            continue
        r.tag.rule = rule
        r.tag.notes.append(content)
        return head + segment[end + 1 :]
    return segment


def _note_in_brackets(r: _Reading, segment: str) -> str:
    """A bracket closing a list that holds a note, not sub-units (…、市卫生健康委(除标注“分别牵头”外,
    列第一位为牵头或汇总单位,下同)): its rule or carry-forward is read, it goes to the notes, and
    the list before it is returned."""
    segment = _legend_after_first_name(r, segment)
    if segment[-1:] not in ")）" or not any(c in segment for c in "（(") or INLINE_LEAD_RE.search(segment):
        return segment  # (县文旅局（牵头），县交通运输局: the mark of the lead, no note — read with the list)
    pairs, _ = match_brackets(segment)
    start = next((i for i, j in pairs.items() if j == len(segment) - 1), None)
    if not start:
        return segment
    content = segment[start + 1 : -1]
    items = split_items(content, r.vocab)
    is_note = r.rules.read(content, r.vocab) or any(p.search(content) for p in r.vocab.implied_notes) or any(
        c in content for c in "，,。；;") or not all(looks_like_unit(i, r.vocab, r.registry) for i in items)
    if not is_note:
        return segment
    if r.rules.lead_rule and r.rules.lead_rule_text == content:
        r.tag.rule = r.rules.lead_rule
    r.tag.notes.append(content)
    rule_carry_forward(r, content)
    r.tag.notes = list(dict.fromkeys(r.tag.notes))
    return segment[:start].rstrip()


def _role_segments(r: _Reading, segment: str) -> list[str]:
    """``X牵头、Y配合`` → [``X牵头``, ``Y配合``]: a 、 right after a role word separates two role segments."""
    if "、" not in segment:
        return [segment]
    cuts = [m.end() for m in r.vocab.role_then_comma.finditer(segment)]
    if not cuts:
        return [segment]
    bounds = [0] + cuts + [len(segment)]
    return [segment[a:b].strip("、") for a, b in zip(bounds, bounds[1:]) if segment[a:b].strip("、")]


#: A name marked as the lead inside a list: 市住建局（牵头）、市自然资源局 (as in task-table cells).
INLINE_LEAD_RE = re.compile(r"[（(]牵头(?:单位|部门)?[)）]$")


def _read_segments(r: _Reading, text: str) -> None:
    for whole in split_top(text, SEGMENT_SEPS):
        for segment in _role_segments(r, whole):
            segment = _note_in_brackets(r, segment)
            if not segment:
                continue
            for rule in SEGMENT_RULES:
                if rule(r, segment):
                    break
    if not r.pending:
        return
    items = [i for group in r.pending for i in split_items(group, r.vocab)]
    if any(INLINE_LEAD_RE.search(i) for i in items) and (not r.default_role or r.default_role == "sole"):
        # 市住建局（牵头）、市自然资源局、市城管局: the marked unit leads, the others support.
        _assign(r, [INLINE_LEAD_RE.sub("", i) for i in items if INLINE_LEAD_RE.search(i)], "lead", positional=False)
        _assign(r, [i for i in items if not INLINE_LEAD_RE.search(i)], "support", positional=False)
    elif (r.tag.roles["lead"] and r.last_role in ("lead", "support") and r.default_role in (None, "sole")
          and all(_plain_name(i, r) for i in items)):
        # 由X牵头，A、B / X牵头，A、B / 责任单位：X牵头，A、B — names after the lead's (or its supporters') segment with no
        # word of their own are the others of the lead's work: support (ROUTED s17 (a): dropped as a note in a bracket,
        # read sharing the work in a 责任单位 value)
        _assign(r, items, "support", positional=False)
    elif r.default_role:
        _assign(r, items, r.default_role, positional=r.positional)
    elif r.tag.rule == "first_is_lead":
        # 浙政办发〔2014〕89号: （省X、省Y。列第一位者为牵头部门，下同） — a list with no verb under the rule.
        _assign(r, items, "sole", positional=True)
    elif r.bare:
        # a plan whose items close with bare lists as a habit (西安 2018): responsible, as A、B负责 (A3); the plan's
        # first-is-lead rule makes the first lead
        _assign(r, items, "sole", positional=True)
    else:
        joined = "，".join(r.pending)
        r.tag.notes.append(joined)
        r.tag.warnings.append(warning("segment_without_role", segment=joined))
    r.pending = []


def _assign(r: _Reading, items: list[str], role: str, positional: bool) -> None:
    """Give ``items`` their role; under the document's first-is-lead rule a bare list's first unit leads."""
    items = _share_level_government(r, items)
    names = []
    for item in items:
        name, subs = split_subunit(item)
        if not name or is_none_marker(name, r.vocab):
            continue  # 配合单位：无 names nobody
        divided = bracket_parts(name)
        # (the bureau's canonical name, its divisions as written: 市交通运输委员会（计划财务处） under an alias 市交通委)
        name = _name(r, divided[0]) + name[len(divided[0]):] if divided else _name(r, name)
        names.append(name)
        if subs:
            bucket = r.tag.subunits.setdefault(name, [])
            bucket.extend(s for s in (_name(r, s, check=False) for s in subs) if s not in bucket)
    if positional and len(names) > 1 and (not is_generic(names[0], r.vocab)
                                          or rule_ranks_any_unit(r.rules.lead_rule_text, r.vocab)):
        if r.rules.lead_rule == "first_is_lead":  # (a generic group first leads too, unless the rule ranks one class)
            _add(r.tag, "lead", names[:1])
            _add(r.tag, "support", names[1:])
            return
    if positional and r.rules.lead_rule == "responsible_is_lead" and r.default_role == "sole":
        _add(r.tag, "lead", [n for n in names if not is_generic(n, r.vocab)])
        _add(r.tag, "support", [n for n in names if is_generic(n, r.vocab)])
        return
    _add(r.tag, role, names)


#: A level's government closing a list, after a place of 2+ characters (龙岗区政府, 罗湖区人民政府, 苍南县政府).
_LEVEL_GOVERNMENT_RE = re.compile(r"^[\u4e00-\u9fff]{2,}?(?P<level>[区县市镇乡])(?P<body>(?:人民)?政府)$")
#: A bare place before it: a short word of CJK characters only.
_BARE_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _share_level_government(r: _Reading, items: list[str]) -> list[str]:
    """``宝安``, ``龙岗区政府`` → ``宝安区政府``, ``龙岗区政府``: bare words before a level's government closing a run of a
    list share its level and government word — only where the plan proves each a place of that level (it writes
    ``宝安区``: ``DocumentRules.text``).  Unproved, the run is ONE name as written (``宝安、龙岗区政府``, as 各县、区人民政府
    is) and reported: never a unit ``宝安`` (a district's bare name is no body), never a guessed ``群众区政府``."""
    out: list[str] = []
    run: list[str] = []
    for item in items:
        m = _LEVEL_GOVERNMENT_RE.match(item)
        if m and run:
            level, ending = m.group("level"), m.group("level") + m.group("body")
            if all(f"{place}{level}" in r.rules.text for place in run):
                out.extend(place + ending for place in run)
                out.append(item)
            else:
                joined = "、".join(run + [item])
                r.tag.warnings.append(warning("places_unproved", name=joined))
                out.append(joined)
            run = []
        elif _BARE_PLACE_RE.match(item) and not looks_like_unit(item, r.vocab, r.registry):
            run.append(item)
        else:
            out.extend(run)
            run = []
            out.append(item)
    return out + run


def _add(tag: Tag, role: str, names: list[str]) -> None:
    for n in names:
        if n not in tag.roles[role]:
            tag.roles[role].append(n)


def _name(r: _Reading, name: str, check: bool = True) -> str:
    """The registry's canonical name, else the name as written (with a warning when it looks broken)."""
    canonical = r.registry.canonical(name)
    if canonical is not None:
        return canonical
    if check and name not in r.tag.unknown_names:
        if r.registry.departments:
            r.tag.unknown_names.append(name)
            r.tag.warnings.append(warning("not_in_registry", name=name))
        elif not looks_like_unit(name, r.vocab, r.registry):
            r.tag.unknown_names.append(name)
            r.tag.warnings.append(warning("not_unit_like", name=name))
    return name


def parse_tag_content(content: str, registry: Registry, vocab: RoleVocabulary | None = None,
                      rules: DocumentRules | None = None, bare: bool = False) -> Tag:
    """Read the roles, notes, fields and time words of a tag's content (without its brackets).  ``bare``: names
    without a role word are a bare list of responsible units (a plan's habit, ``DocumentRules.bare_lists``)."""
    vocab = vocab or load_vocabulary()
    rules = rules if rules is not None else DocumentRules()
    tag = Tag(text=content)
    inner = content.strip()
    if len(inner) > 1 and inner[0] in OPENERS and _closes_at(inner) == len(inner) - 1:
        tag.warnings.append(warning("double_brackets", content=content))
        inner = inner[1:-1]
    for segment in split_top(inner, SEGMENT_SEPS):  # a rule stated in this tag covers the tag itself (…负责。列第一位者为牵头单位，下同)
        rules.read(segment, vocab)
    labels = list(vocab.label_re.finditer(inner))
    if labels:
        depth = _depths(inner)
        labels = [m for m in labels if depth[m.start()] == 0]
    if not labels:
        _read_segments(_Reading(tag, registry, vocab, rules, bare=bare), inner)
        _one_role_each(tag)
        return tag
    labels = _with_unknown_labels(inner, labels, depth, tag, vocab)
    tag.labelled = True
    if inner[: labels[0].start()].strip("，,；; "):
        _read_segments(_Reading(tag, registry, vocab, rules), inner[: labels[0].start()])
    # One decision for the whole tag, whatever the order of its labels (notes-review-parser finding 2): a lead is
    # named when a 牵头 label holds a name (牵头单位：无 names none), the support apart when any 配合 label stands in it.
    kinds = [vocab.label_kind(m.group("label")) or vocab.shape_kind(m.group("label")) or "responsible" for m in labels]
    kinds = _checkers_as_fields([m.group("label") for m in labels], kinds, vocab)
    ends = [m.start() for m in labels[1:]] + [len(inner)]
    lead_named = any(k == "lead" and (v := inner[m.end() : e].strip("，,；;。 \u3000")) and not is_none_marker(v, vocab)
                     for k, m, e in zip(kinds, labels, ends))
    support_named = "support" in kinds
    for i, m in enumerate(labels):
        label = m.group("label")
        kind = kinds[i]
        end = labels[i + 1].start() if i + 1 < len(labels) else len(inner)
        value = inner[m.end() : end].strip("，,；;。 \u3000")
        if not value:
            tag.warnings.append(warning("label_without_names", label=label))
            continue
        if kind not in ("field", "time") and is_none_marker(value, vocab):
            continue  # 配合单位：无 — the plan says there is no such unit
        batched = False
        if kind not in ("field", "time") and vocab.batch_marker.search(value):
            # 试点单位：第一批为甲区、乙区；第二批为丙区: every batch's units, without the batch's words; each batch's own
            # limit (…，2017年12月底前完成 / 第一批（2019年底前）：… / …丙乡（2017年12月底前）) kept as that batch's
            pieces = _batch_pieces(value, vocab)
            tag.batches.extend(_batch_reading(batch, piece, registry, vocab) for batch, piece in pieces if batch)
            batched, value = True, "；".join(piece for _, piece in pieces)
        if kind in ("field", "time"):
            tag.fields[label] = value
            if kind == "time":
                tag.time_words.append(value)
            elif vocab.label_kind(label) is None and _states_limit(value):
                # 目标任务：年底完成… / 目标要求：…到2011年底…: a limit written in a field known by its shape (never a
                # listed field: 责任领导, 联系人 name people) is the task's, in the plan's words (tagsblind9 01, 02)
                tag.limit_fields.append(value)
            continue
        role = kind
        if kind == "responsible" and lead_named:
            # beside a lead: who carries the work out (shared) or the supporting units — tables.carries_out, the one
            # decision for columns and labels (a 配合 label anywhere in the tag, or an implementer word, 实施部门)
            from kb.parser.tables import carries_out  # tables imports this module

            role = "shared" if carries_out(label, support_named) else "support"
        elif kind == "responsible":
            role = "sole"
        # (a list by batch is ordered by time, and the places of a pilot by no rank: neither is ranked by the plan's
        # first-is-lead legend — 试点单位：第一批：城关镇、河口镇；第二批：… made 城关镇 lead, probes-s17)
        ranked = kind == "responsible" and not lead_named and not batched and label not in vocab.unranked_labels
        r = _Reading(tag, registry, vocab, rules, default_role=role, positional=ranked)
        _read_segments(r, value)
    _one_role_each(tag)
    return tag


#: The batch's own words in a batch marker (第一批, 第2批次).
_BATCH_WORD_RE = re.compile(r"第(?:[一二三四五六七八九十]{1,3}|\d{1,2})批次?")
#: A bracket (a marker's 第一批（2019年底前）, or one after a batch's units 丙乡（2017年12月底前）) that may state a limit.
_BATCH_BRACKET_RE = re.compile(r"[（(]([^（）()]{1,20})[)）]")


def _batch_pieces(value: str, vocab: RoleVocabulary) -> list[tuple[str, str]]:
    """(batch as written, its part of ``value``) of a label's value listing units by batch (``batch_marker``), the words
    before the first batch with batch "".  A limit in brackets — in the batch's marker or after its units — is taken
    out to a segment of its own (``，2019年底前``): a time of that batch, never a sub-unit of its last name."""
    marks = list(vocab.batch_marker.finditer(value))
    out = []
    if value[: marks[0].start()].strip("，,；;。 \u3000"):
        out.append(("", value[: marks[0].start()].rstrip("，,；;。 \u3000")))
    for i, m in enumerate(marks):
        piece = value[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(value)].rstrip("，,；;。 \u3000")
        piece = _BATCH_BRACKET_RE.sub(lambda b: "，" + b.group(1) if _states_limit(b.group(1)) else b.group(0), piece)
        said = _BATCH_BRACKET_RE.search(m.group(0))
        if said and _states_limit(said.group(1)):
            piece += "，" + said.group(1)
        batch = _BATCH_WORD_RE.search(m.group(0))
        out.append((batch.group(0) if batch else "", piece))
    return out


def _batch_reading(batch: str, piece: str, registry: Registry,
                   vocab: RoleVocabulary) -> tuple[str, list[str], list[str]]:
    """(batch, its units, its time words) read from the batch's part alone (a scratch tag: the task's roles are read
    from the whole value, as before)."""
    scratch = Tag(text=piece)
    _read_segments(_Reading(scratch, registry, vocab, DocumentRules(), default_role="shared"), piece)
    units = [n for role in ROLES for n in scratch.roles[role]]
    return batch, list(dict.fromkeys(units)), list(scratch.time_words)


def _checkers_as_fields(labels: list[str], kinds: list[str], vocab: RoleVocabulary) -> list[str]:
    """The kinds of a tag's labels with a label of checking (牵头考核单位, 配合考核单位: a role word and a ``checker_words``
    word) made a field when a label of doers stands beside it (责任单位, 牵头单位, 牵头落实单位): it names who checks the work,
    not who does it (notes-review-diff R4).  As the tag's only unit labels they name the owners and keep their kinds."""
    unit_kinds = ("lead", "guide", "support", "responsible")
    checking = [k in unit_kinds and any(w in label for w in vocab.checker_words) for label, k in zip(labels, kinds)]
    if not any(checking) or not any(k in unit_kinds and not c for k, c in zip(kinds, checking)):
        return kinds
    return ["field" if c else k for k, c in zip(kinds, checking)]


def _one_role_each(tag: Tag) -> None:
    """A unit a labelled tag names twice keeps one role, the lead's: 牵头单位：X / 责任单位：X、Y is X lead and Y support —
    X is no supporter of itself.  And one unit is never shared with itself: a tag whose only responsible unit is ONE
    with a shared role word and no lead (``各乡镇分工负责``, ``国务院各部门分别负责``, ``市Y局按职责分工负责`` beside a guide)
    names it responsible alone — a group divides the work among its own members (ROUTED s17 (f)).  (A task's other
    forms may still make it share: ``settle_responsible``; prose keeps one read unit shared beside unread doers.)"""
    leads = set(tag.roles["lead"])
    for role in ("support", "shared", "sole"):
        if leads and any(n in leads for n in tag.roles[role]):
            tag.roles[role] = [n for n in tag.roles[role] if n not in leads]
    if not leads and not tag.roles["sole"] and len(tag.roles["shared"]) == 1 and not tag.implied:
        tag.roles["sole"], tag.roles["shared"] = tag.roles["shared"], []


def _states_limit(value: str) -> bool:
    from kb.parser.deadlines import field_limits  # (imported where used, as rule_time_words does)

    return any(c in value for c in "年月日内") and bool(field_limits(value))


def _with_unknown_labels(inner: str, labels: list[re.Match], depth: list[int], tag: Tag,
                         vocab: RoleVocabulary) -> list[re.Match]:
    """The known labels of a labelled tag plus the unknown ones known by their shape (``label_shapes``) that open it or
    start a new field after ``；``/``，``: one ending like a body of units (实施部门, 监管单位, 建设主体, 甲方) names units of
    a role the tag does not say — read like 责任单位 (every responsible unit alone, the supporting units after a lead
    label) and reported; one ending like a field (工作要求, 督导领导) is kept as a field.  Never glued to the previous
    field's last name (a label block's lines are joined with ``；``: ``core.rule_split_at_tags``)."""
    extra = []
    for m in vocab.shape_label_re.finditer(inner):
        if depth[m.start()] or vocab.batch_marker.match(inner, m.start()):
            continue  # (第二批：丙区 is a batch of the label before it, no label of its own)
        inside = [k for k in labels if k.start() < m.end() and m.start() < k.end()]
        if inside and len(inside) == 1 and inside[0].end() == m.end() and inside[0].start() > m.start():
            # a known label closing a longer one (市级牵头单位, 具体落实单位, 协调督办单位) is read whole, of its kind
            # (``label_kind``): the words before it qualify it — read alone they were a segment of no role
            labels = [k for k in labels if k is not inside[0]]
        elif inside:
            continue
        extra.append(m)
    for m in extra:
        if vocab.label_kind(m.group("label")) is None and vocab.shape_kind(m.group("label")) == "responsible":
            tag.warnings.append(warning("unknown_label", label=m.group("label")))
    return sorted(labels + extra, key=lambda m: m.start())


def _depths(text: str) -> list[int]:
    """Bracket depth before each character of ``text`` (one pass)."""
    out, depth = [], 0
    for c in text:
        out.append(depth)
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
    return out


def _closes_at(text: str) -> int | None:
    """Index of the bracket closing the one that opens ``text``."""
    depth = 0
    for j, c in enumerate(text):
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth -= 1
            if depth == 0:
                return j
    return None


def settle_responsible(holders: dict[str, list[str]]) -> str | None:
    """The one rule of ``sole`` against ``shared`` (the lead's decision of session 9, README A2), applied to a
    task's final roles (``core.rule_one_unit_sole``) whatever form gave them — a bracket tag, a label or label
    line, a table cell, a duty section, a heading, prose.  ``sole`` means ONE unit alone is responsible; when the
    task's responsible units (``sole`` and ``shared`` together, counted after the list was split and its 等 tails
    dropped) are several, each ``sole`` unit shares the task and becomes ``shared``: ``（A、B负责）``,
    ``责任单位：A、B``, ``A、B组织落实``, ``X牵头，A、B负责落实`` (A, B share the carrying out under the lead).
    Beside a lead no unit is alone either (session 13, as tables read an implementer column since ce351d5):
    ``X牵头，Y负责落实`` → Y ``shared`` (共同负责 under X, never 单独负责 next to 牵头：X).
    Untouched: one responsible unit and no lead (``各区、县级市负责`` is one name), a lead and its supporting units (the
    first-is-lead rule gives no ``sole``), ``implied`` (a carry-forward).
    ``holders`` maps role → names and is changed in place; returns why when it moved units, else None."""
    sole, shared = holders.get("sole") or [], holders.get("shared") or []
    beside_lead = bool(holders.get("lead"))
    if not sole or (len(dict.fromkeys(sole + shared)) < 2 and not beside_lead):
        return None
    why = f"{len(dict.fromkeys(sole + shared))} 个单位同为责任单位" if len(dict.fromkeys(sole + shared)) > 1 else "牵头单位之外的责任单位"
    holders["shared"] = list(dict.fromkeys(shared + sole))
    holders["sole"] = []
    return why


def supported_lead(holders: dict[str, list[str]]) -> bool:
    """The unit the others of ONE statement support is its lead (session 13, the shared gold's convention,
    /work/shared/plans/README.md; tagsblind8 cause 4): ``（X负责，Y配合）``, ``责任单位：X；配合单位：Y``, ``由X负责，Y配合``
    (the prose form gives lead itself) → X lead, Y support; several responsible units that one supports lead together.
    Only within one tag or one sentence form: a paragraph whose sentences each name a doer of their own
    (``X要参与…。Y要…``) is no such statement and is never passed here.  ``holders`` maps role → names, changed in place;
    True when it moved units."""
    if holders.get("lead") or not holders.get("support") or not (holders.get("sole") or holders.get("shared")):
        return False
    holders["lead"] = list(dict.fromkeys(holders["sole"] + holders["shared"]))
    holders["sole"], holders["shared"] = [], []
    return True


#: The prose forms that order units (who leads, who supports) — read inside an item that also carries a tag naming no
#: lead (``order_by_prose``): 由X会同Y / X会同Y, X发挥牵头作用…会同Y, 由X牵头(，Y配合), X牵头…(，Y配合), 请X牵头，会同Y,
#: 由X负责，Y配合.
ORDERING_FORMS = frozenset({"with", "leading-role", "led-by", "leads-with", "leads", "organized-by-with-support"})


def order_by_prose(holders: dict[str, list[str]], prose: dict[str, list[str]]) -> bool:
    """A tag naming no lead, ordered by the prose of its own item (holdout13 cause 5: ``由市交通委会同市公安局等部门落实
    工作专班…（责任部门：市交通委、市公安局）``): the tag says who answers for the item, the prose how they divide it.  Every
    lead the prose names must be a responsible unit of the tag (else nothing moves: a prose lead outside the tag is no
    reading of the tag's list, and no lead is guessed); then those lead, the tag's other responsible units support them
    (as a 责任单位 label after a 牵头单位 label), and a named supporting unit the prose adds beyond the tag is support (the
    plan says it takes part; a generic group — 有关单位 — adds nobody the tag's list does not hold).  A tag that names a lead
    keeps its roles; only when the prose names that same lead are the prose's named partners beyond the tag added as
    support (``市发展改革委会同市财政局起草…（市发展改革委牵头）`` → 市财政局 support).  ``holders`` (the task's role → names) is changed in place; True when it moved units."""
    leads = list(dict.fromkeys(prose.get("lead") or []))
    responsible = list(dict.fromkeys((holders.get("sole") or []) + (holders.get("shared") or [])))
    named = {n for names in holders.values() for n in names}
    extra = [n for n in prose.get("support") or [] if n not in named and not is_generic(n)]
    if holders.get("lead"):
        # the tag names the lead: the prose's partners of THAT lead beyond the tag support it (tagsblind9: 会同 partners
        # were dropped); a prose lead the tag does not name changes nothing
        if not leads or not extra or not set(leads) <= set(holders["lead"]):
            return False
        holders["support"] = list(dict.fromkeys((holders.get("support") or []) + extra))
        return True
    if not leads or not all(n in responsible for n in leads):
        return False
    holders["lead"] = leads
    holders["support"] = list(dict.fromkeys((holders.get("support") or []) + [n for n in responsible if n not in leads] + extra))
    holders["sole"], holders["shared"] = [], []
    return True


# ---------------------------------------------------------------- finding tags


@dataclass(slots=True)
class TagSpan:
    """Where a tag stands in a paragraph."""

    start: int
    """Index of its opening bracket."""
    end: int
    """Index just after it (after a following ``。`` too)."""
    tag: Tag
    """What it says."""


def match_brackets(text: str) -> tuple[dict[int, int], list[int]]:
    """Top-level bracket groups of ``text`` (opening index → closing index) and unclosed openers, in one pass."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKET_RE.finditer(text):  # visit only the brackets
        i = m.start()
        if m.group() in OPENERS:
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                pairs[start] = i
    return pairs, stack[:1]


def find_tags(text: str, registry: Registry, vocab: RoleVocabulary | None = None,
              rules: DocumentRules | None = None) -> tuple[list[TagSpan], list[str]]:
    """Every responsibility tag of a paragraph, and warnings for tag-like brackets that do not parse.

    A bracket group is a tag when its content names units with roles and it stands after a
    sentence end (or at the start), or closes the paragraph or a sentence (``…监管（X负责）。``).
    Mid-paragraph tags close the text before them.  Reported: a group at the end that looks like
    a tag but names no role, an unclosed bracket holding role words, a lead rule with no list.
    """
    vocab = vocab or load_vocabulary()
    rules = rules if rules is not None else DocumentRules()
    spans: list[TagSpan] = []
    warnings: list[str] = []
    n = len(text)
    pairs, unclosed = match_brackets(text)
    for i, close in sorted(pairs.items()):
        after_sentence, closes_sentence = _tag_place(text, i, close)
        if not (after_sentence or closes_sentence):
            continue
        content = text[i + 1 : close]
        before = rules.lead_rule
        tag = parse_tag_content(content, registry, vocab, rules)
        end = close + 1
        if end < n and text[end] in "。；;":  # the stop after a tag closes its task (…（X牵头）；加强…)
            end += 1
        if not tag.has_roles and (rules.bare_lists or rules.lead_rule == "first_is_lead") and _bare_tag(
                text, i, close, vocab, registry):
            # the plan's habit: a bare list — or a bare list after the plan's first-is-lead legend (（首位单位为牵头单位，
            # 下同）（A、B、C）: the legend says its brackets list units, the first leading; probes-s17)
            tag = parse_tag_content(content, registry, vocab, rules, bare=True)
        if tag.has_roles and (after_sentence or _all_units(tag, vocab, registry)):
            tag.text = text[i : close + 1]
            spans.append(TagSpan(i, end, tag))
            continue
        if tag.rule and tag.rule != before:
            warnings.append(warning("rule_without_list", text=text[i:close + 1]))
        elif tag.labelled and not tag.has_roles and tag.warnings:
            warnings.extend(tag.warnings)
        elif end >= n and after_sentence and (tag.warnings or _looks_like_tag(content, vocab)):
            warnings.append(warning("bracket_without_role", text=text[i:close + 1]))
    for i in unclosed:
        if not (i == 0 or text[i - 1] in SENTENCE_END):
            continue
        rest = text[i + 1 :]
        if vocab.role_end.search(rest) or any(w + "，" in rest for w, _ in vocab.role_words) or vocab.label_line_re.match(text[i:]):
            warnings.append(warning("unclosed_bracket", text=text[i:i + 40]))
            tag = parse_tag_content(rest, registry, vocab, rules)
            if tag.has_roles:
                tag.text = text[i:]
                spans.append(TagSpan(i, n, tag))
    after = max((s.end for s in spans), default=0)
    while (start := _label_tail(text, after, vocab)) is not None:
        # (1)…。责任单位：X (2)…。责任单位：Y — a label's value ends where the next sub-item opens: each its own tag
        marker = _SUB_ITEM_MARK_RE.search(text, start)
        stop = marker.start() if marker and _depths(text[: marker.start() + 1])[marker.start()] == 0 else n
        tag = parse_tag_content(text[start:stop].rstrip("。；; "), registry, vocab, rules)
        if not tag.has_roles:
            break
        tag.text = text[start:stop].rstrip()
        spans.append(TagSpan(start, stop, tag))
        after = stop
    spans.sort(key=lambda s: s.start)
    return spans, warnings


def _says_role(content: str, vocab: RoleVocabulary) -> bool:
    """``content`` (a bracket's) holds a label or a segment ending in a role word (牵头, 配合): a tag, no bare list."""
    return bool(vocab.label_re.search(content)) or any(vocab.role_end.search(x) for x in split_top(content, SEGMENT_SEPS))


def _bare_list(content: str, vocab: RoleVocabulary, registry: Registry) -> bool:
    """``content`` is a list of unit names only (市工信委、市财政局): no role word, no label, every item a unit."""
    if _says_role(content, vocab):
        return False
    items = [i for part in split_top(content, SEGMENT_SEPS) for i in split_items(part, vocab)]
    return bool(items) and all(looks_like_unit(i, vocab, registry) for i in items)


def _tag_place(text: str, start: int, close: int) -> tuple[bool, bool]:
    """Where the bracket ``text[start:close+1]`` stands: (after a sentence's end or at the start, closing a sentence —
    a 。/；/！/？ or the paragraph's end after it).  A tag stands in one of the two places."""
    return (start == 0 or text[start - 1] in SENTENCE_END,
            close + 1 >= len(text) or text[close + 1] in SENTENCE_END)


def _bare_tag(text: str, start: int, close: int, vocab: RoleVocabulary, registry: Registry) -> bool:
    """The bracket ``text[start:close+1]`` stands where a tag stands (after a sentence's end, or closing a sentence: a
    。/；/！/？ or the paragraph's end after it) and names bare units only — not an office's other name right after it
    (``报送市政府（市政府办公厅）。``: the text before ends like an office, ``office_endings``), no one short word after
    a noun (``家庭医生（团队）``: its alternative; a unit's name has 3+ characters or is a ``short_unit_names`` word) and no
    aside (``（以下简称…）``, ``（含…）``)."""
    after_sentence, closes_sentence = _tag_place(text, start, close)
    if not (after_sentence or closes_sentence):
        return False
    content = text[start + 1:close].strip()
    if not content or vocab.aside.match(content):
        return False
    if not after_sentence and vocab.office_end.search(text[:start]):
        return False  # 市政府（市政府办公厅）: the office's other name (not after a place: …产业园区（X、Y）)
    if not after_sentence and len(content) < 3 and content not in vocab.short_unit_names:
        return False  # 家庭医生（团队）, 工业企业(场所): one short word after a noun is its alternative, no unit's name
    return _bare_list(content, vocab, registry)


def _tag_brackets(text: str, vocab: RoleVocabulary, registry: Registry) -> list[str]:
    """The kind of each bracket of a paragraph that stands as a tag: ``"role"`` (a role word or a label, after a sentence's
    end or closing one), ``"bare"`` (``_bare_tag``)."""
    if not any(c in text for c in OPENERS):
        return []
    pairs, _ = match_brackets(text)
    kinds = []
    for start, close in sorted(pairs.items()):
        if any(_tag_place(text, start, close)) and _says_role(text[start + 1:close], vocab):
            kinds.append("role")
        elif _bare_tag(text, start, close, vocab, registry):
            kinds.append("bare")
    return kinds


def bare_bracket_habit(texts, vocab: RoleVocabulary, registry: Registry) -> bool:
    """The plan closes its items — or the clauses of its items (湖北 2008: ``…实力(省发改委、交通厅…)。加快推进…(…)。``,
    tagsblind8 cause 2) — with bare unit brackets as a habit: two or more brackets standing as tags (``_bare_tag``:
    after a sentence's end or closing one, no unit's other name, no aside) are bare, and no fewer hold a role word.
    Then those brackets are tags (``DocumentRules.bare_lists``); else a lone bare bracket, or one among role tags, stays
    a warning — no role is guessed (tagsblind7 cause 1, 西安 2018)."""
    kinds = [k for t in texts for k in _tag_brackets(t, vocab, registry)]
    bare = kinds.count("bare")
    return bare >= 2 and bare >= kinds.count("role")


#: A sub-item's marker inside a paragraph (``(2)``, ``（2）``, ``②``) after a unit's name: the next sub-item opens.
_SUB_ITEM_MARK_RE = re.compile(r"\s*(?:[（(]\d{1,2}[)）]|[②-⑳])(?=[\u4e00-\u9fff])")


def _label_tail(text: str, after: int, vocab: RoleVocabulary) -> int | None:
    """B without brackets: ``…加强管理。牵头单位：市X局；责任单位：市Y局`` — where the labels closing the
    paragraph (or its sub-item) start: the first role label after ``after`` (the last tag's end), right after a
    sentence end, outside brackets."""
    for m in vocab.label_re.finditer(text, after):
        if vocab.label_kind(m.group("label")) in ("field", "time"):
            continue
        i = m.start()
        before = text[after:i].rstrip()
        if not before or before[-1] not in SENTENCE_END or _depths(text[: i + 1])[i] != 0:
            return None
        return i
    return None


def _all_units(tag: Tag, vocab: RoleVocabulary, registry: Registry) -> bool:
    """True when every name of a tag looks like a unit (a bracket closing a sentence is a tag only then)."""
    return all(looks_like_unit(n, vocab, registry) for names in tag.roles.values() for n in names)


def _looks_like_tag(content: str, vocab: RoleVocabulary) -> bool:
    items = split_top(content, "、，,")
    return bool(items) and all(vocab.department_re.search(x) for x in items[:1])


def is_label_line(text: str, vocab: RoleVocabulary | None = None) -> bool:
    """C: True for a paragraph that opens with a label (牵头单位：X / （责任单位：Y）), a time label too (实施时间：…), or
    with a known label of units or time qualified by the words before it (市级牵头单位：X, 具体落实单位：Y —
    ``RoleVocabulary.label_kind``), never by a group (各牵头单位：要…: ``group_qualifiers``)."""
    vocab = vocab or load_vocabulary()
    if vocab.label_line_re.match(text):
        return True
    m = vocab.shape_line_re.match(text)
    if not m or m.group("label").startswith(vocab.group_qualifiers):
        return False
    return vocab.label_kind(m.group("label")) not in (None, "field")


def is_shape_label_line(text: str, vocab: RoleVocabulary | None = None) -> bool:
    """C: True for a paragraph that opens with a label known by its shape only (工作要求：…, 督导领导：…): a line of a
    block of label lines when a known label line stands in the same block (``core.rule_split_at_tags``)."""
    return bool((vocab or load_vocabulary()).shape_line_re.match(text))


#: Words without which no prose rule can match (a cheap test before the patterns).
PROSE_WORDS = ("会同", "牵头", "负责", "组织", "承担", "制定", "制订", "责任主体", "设立", "办理", "承办", "主办")
#: A sub-item's or clause's marker opening a clause (（1）市教委负责…, 2.1 财政部会同…): no part of a name.
_PROSE_MARKER_RE = re.compile(
    r"^(?:[（(]\d{1,2}[)）]|\d{1,2}[)）]|[①-⑳]|\d{1,2}(?:[.．]\d{1,2})+|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百零〇]{1,5}条"
    r"|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十百]{1,4}、"
    r"|[一二三四五六七八九十]{1,3}是(?=\S)|第[一二三四五六七八九十]{1,3}[，,、])\s*")  # (…, 二十一、各部门必须…: a measure's numeral;
#   一是X要…，二是Y要… / 第一，X…: an enumeration word opening a clause, ROUTED s17 (8))
#: An enumeration word opening an item of a list of units (一是区公安分局、二是区交通委负责…): no part of the name.
_ENUMERATION_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、]?)(?=\S)")
#: Words that open no unit's name: a request or a modal before the subject (请人力资源社会保障部会同…, 并指定专门机构负责,
#: 要设立…机构或者明确相关机构负责) — such a "name" is a phrase, no unit.
#: 经X会同Y审核后 (an approval step: 经 before a unit's level or 各/有关/相关 — 经市发展改革委…, 经国务院… — opens no name;
#: 经发局负责…, 经侦支队负责…, 经济/经信/经贸/经开… do: a list of 经-words once dropped every such unit's duty).
#: A count of units (由十五个部门牵头落实, 涉及34个牵头单位) names no unit; nor a passive clause holding 由 (规划由各区…:
#: the doer stands after 由), but the 由 of 自由贸易试验区 is part of a name.
_NOT_A_NAME_RE = re.compile(r"^(?:[请并要应将需可对在]|经(?=[省市县区州乡镇国各有相])|根据|依据|依照|按照|为了|通过|特别是|尤其是)|或|设立|指定|明确|成立|^[0-9一二三四五六七八九十百两]+[个家类]|(?<!自)由")
_PROSE_GROUPS = ("lead", "support", "sole", "shared", "guide")
#: Groups of a prose form named for who they are rather than their role: ``helper`` the subject who supports (X负责配合…:
#: support, read as a subject), ``helped`` the one it supports (lead when it is a named unit, else no role — the form stands).
_HELPER_ROLES = {"helper": "support", "helped": "lead"}


def name_cuts(text: str, vocab: RoleVocabulary, shortest: int = 3, longest: int | None = None):
    """Every place, shortest first, where a unit's name may end inside ``text`` with a predicate after it: a prefix of
    ``shortest``+ characters (up to ``longest``) ending in a unit suffix and followed by a ``predicate_start`` word
    (``南桥镇|选择…``, ``区绿化市容局|依法…``: ``区绿化市|容局`` is passed, no predicate word follows 市).  The one definition
    of where a name ends that ``name_end`` (a prose group's last name) and ``opening_subject`` (a paragraph's subject) share."""
    for i in range(shortest, len(text) if longest is None else min(len(text), longest)):
        # (the predicate word at i first: one match at a place, where the suffix test searches the whole prefix)
        if vocab.predicate_start.match(text, i) and vocab.department_re.search(text[:i]):
            yield i


def name_end(name: str, vocab: RoleVocabulary) -> int | None:
    """Where a unit's name ends inside ``name`` when a predicate follows it (``南桥镇选择停车矛盾突出的住宅小区`` → 3,
    ``各省（区、市）政府要建立省级政府办公厅`` → 9): the shortest cut of ``name_cuts``; None when the whole is a name (a
    unit's name ends at its suffix, never swallowing a verb phrase)."""
    return next(name_cuts(name, vocab), None)


def _prose_unit(name: str, vocab: RoleVocabulary, subject: bool) -> bool:
    """A name a prose rule may give a role: ends like a unit, 3+ characters, no digit, no colon or label word (a heading glued before the
    subject: 3.2应急报告国家发展改革委…), no role word inside (X及Y会同Z负责 is read by the 会同 rule), no phrase
    (``_NOT_A_NAME_RE``: 请X…, 并指定专门机构, …或者…), and, as the subject of the sentence, not a vague one (有关部门负责…)."""
    phrase = _NOT_A_NAME_RE.search(name)
    if phrase and phrase.end() == 1 and vocab.name_opener.match(name):
        phrase = None  # 应急管理部门, 对口支援办: 应急/对口 open a name, no modal or preposition
    return (len(name) >= 3 and not any(c.isdigit() for c in name) and bool(vocab.department_re.search(name))
            and not vocab.manner_end.search(name)  # 各区自行, 市民政部门另行: an adverb ends no name (行 of 银行)
            and not vocab.non_unit_endings.search(name)  # 树穴底部应…: a part of a thing
            and not vocab.beneficiary_start.match(name)  # 支持园区参与…: the object of the plan's policy verb
            and not vocab.name_opening_verb.match(name)  # 争取国家文物局|支持…: a body the plan asks, no doer
            and not any(w in name for w in ("会同", "牵头", "负责", "配合", "协助")) and not phrase
            and not vocab.with_word.search(name)  # 区生态环境局协同区水务局: two units, X working with Y
            # a colon, a label opening it or a person's label is never in a unit's name: 分管省领导:林某部门分工:省财政厅
            # is two label lines glued (广东 粤府〔2021〕22号 read it as a lead); 市养老服务指导单位 is a body
            and ":" not in name and "：" not in name and not vocab.label_word_re.search(name)
            # an opening bracket left unclosed is no part of a name (推进数据共享（省发展改革委, (省X委: a tag missing its
            # closer — which units it names and in which roles is not proved: no role; tagsblind10)
            and not _unclosed(name)
            and not (subject and vocab.vague_prose_names.search(name)))


def read_prose(clauses: list[str], registry: Registry, vocab: RoleVocabulary | None = None,
               forms: frozenset[str] | None = None, tasks_only: bool = False) -> Tag | None:
    """E: roles stated in prose, only where unambiguous, as a Tag; None when none.  Every rule of
    ``prose_roles`` is tried on every clause part (X会同Y…, 由X牵头, X牵头开展…，Y配合, X负责…, 由X组织验收), at
    every level of the plan; a match counts only when every name it holds looks like a unit and none is vague
    (有关部门); a unit keeps the first role a sentence gives it.  ``forms``: only the rules of these ids (an untagged
    paragraph of a tagged plan is read for the forms that name a role outright, ``TAGGED_PLAN_FORMS``);
    ``tasks_only``: a body being set up (``成立由X牵头，…参与的推进机制``: X leads the body) gives no role — in a tagged
    plan the tags give the tasks, and such a 保障措施 sentence is none."""
    vocab = vocab or load_vocabulary()
    if not any(w in clause or vocab.with_word.search(clause) for clause in clauses for w in PROSE_WORDS):
        return None  # (the common case: no rule can match, and the subject below is not read for nothing)
    tag = Tag(text="")
    r = _Reading(tag, registry, vocab, DocumentRules())
    given: set[str] = set()
    # The paragraph's own subject (各项目管理部门要…): an inner 由X负责 further on (…主要由项目承担单位负责) says who does a
    # part of the work, never who owns the paragraph — read as its sole unit it was a confident wrong answer.
    opener = opening_subject(_PROSE_MARKER_RE.sub("", clauses[0])) if clauses else None
    subject = [n for n in opener[0]] if opener and not any("由" in n for n in opener[0]) else []
    for number, clause in enumerate(clauses):
        if not any(w in clause for w in PROSE_WORDS) and not vocab.with_word.search(clause):
            continue
        clause = _PROSE_MARKER_RE.sub("", clause).translate(_FULL_WIDTH)  # (在省委领导下,X负责…: an ASCII comma)
        part_subject: list[str] = []  # who the previous part of this clause named (X负责…；会同Y…)
        for part in split_top(clause, "；;"):
            with_opener = _WITH_NO_SUBJECT_RE.match(part)
            if with_opener and not part_subject:  # X要…；负责…；会同Y…: the sentence's own subject, named at its start
                part_subject = _sentence_subject(clause, vocab)
            if with_opener and part_subject:  # X负责…；会同Y…: the 会同 clause is X's, Y supports
                part = "、".join(part_subject) + part[with_opener.end() - 2:]
            part_subject = []
            part = part[: _stated_from(part, vocab)]  # X在…中明确，Y要…: what X states names no doer
            if "会同" in part:
                part = _with_subject(part, vocab)  # X负责…，会同Y…: the 会同 clause is X's (菏泽 2009)
            depth = _depths(part) if any(c in part for c in OPENERS) else None
            for form, pattern in vocab.prose_roles:
                if forms is not None and form not in forms:
                    continue
                for m in pattern.finditer(part):
                    if depth is not None and depth[min(m.end() - 1, len(part) - 1)] > 0:
                        continue  # an aside in brackets (技工院校内由X负责) assigns no task of the paragraph
                    if tasks_only and _SETS_UP_RE.search(part[: m.start() + 1]):
                        continue
                    if vocab.reported_work.search(part[m.start():]):
                        continue  # X会同Y研究提出了办理意见 / X会同Y上报的《…》已经批准: work reported, no task
                    if vocab.document_interpretation.match(part, m.end()):
                        continue  # 本方案由X负责解释: who interprets the document, no task of X

                    if form == "organized-by" and subject and (number > 0 or m.start() > 0) \
                            and m.group("sole") not in subject:
                        continue  # an inner 由X负责 under the paragraph's own subject (see above)
                    groups = {g: [strip_manner(x, vocab) for x in split_items(m.group(g), vocab)]
                              for g in _PROSE_GROUPS if g in pattern.groupindex and m.group(g)}
                    if "helper" in pattern.groupindex:
                        groups["support"] = [strip_manner(x, vocab) for x in split_items(m.group("helper"), vocab)]
                        helped = _helped_unit(m.group("helped") or "", vocab)
                        if helped:
                            groups["lead"] = [helped]
                    if any(name_end(x, vocab) for g, items in groups.items() if g != "support" for x in items):
                        continue  # 各省（区、市）政府要建立省级政府办公厅牵头…: a phrase, not the name of who leads
                    if groups.get("support"):  # 会同区公安分局、南桥镇选择停车矛盾突出的住宅小区开展… → 南桥镇
                        groups["support"] = [x[: name_end(x, vocab) or len(x)] for x in groups["support"]]
                    helper = "helper" in pattern.groupindex  # (the supporter is the subject: read as one)
                    if not any(groups.get(g) for g in ("lead", "sole", "shared", "guide", "support" if helper else "")) or not all(
                            _prose_unit(x, vocab, subject=g != "support" or helper) or x in vocab.short_unit_names
                            for g, items in groups.items() for x in items):
                        continue
                    part_subject = [x for g in ("lead", "sole", "shared") for x in groups.get(g, []) if not helper]
                    for x in groups.get("lead", []):
                        if x in tag.roles["sole"]:  # X负责…；会同Y…: the unit a 会同 makes lead leads (not sole beside Y)
                            tag.roles["sole"].remove(x)
                            given.discard(x)
                    for role in _PROSE_GROUPS:
                        fresh = [x for x in groups.get(role, []) if x not in given]
                        _assign(r, fresh, role, positional=False)
                        given.update(fresh)
                    tag.notes.append(m.group(0).lstrip("，,"))
    tag.warnings = []
    return tag if tag.has_roles else None


def duty_line(text: str, registry: Registry, vocab: RoleVocabulary | None = None) -> Tag | None:
    """E-line: a paragraph that is ONLY a duty statement — ``此项工作由X主办，Y协办。``, ``由X牵头，Y、Z配合。``,
    ``该项工作由X负责。`` (dialects.md; 深圳 2003 十项民心工程 writes one under each item) — as a Tag (its text the line),
    else None.  X leads when its word is a lead word (牵头, 主办) or when others support it (the unit the others of one
    statement support leads: ``supported_lead``); X alone with 负责/承办 is responsible (sole).  Every name must be a
    unit's (``_prose_unit``): a sentence doing work of its own (由X牵头，开展…) or naming a vague group as the doer is
    none, nor one speaking of several items (以上工作…: not a subject of ``duty_lines``).  Who it belongs to is the
    caller's (``core.rule_label_lines``: the item right above it)."""
    vocab = vocab or load_vocabulary()
    line = text.strip()
    m = vocab.duty_line.fullmatch(line)
    limit = None
    if m is None:
        # 此项工作由X负责，6月底前完成。: the statement, then the item's dated limit — read as a tag's time words
        head, _, last = line.rstrip("。.").rpartition("，")
        if head and _dated_limit(last, vocab):
            m, limit = vocab.duty_line.fullmatch(head), last
    if m is None:
        return None
    groups = {}
    for group in ("first", "second"):
        if m.group(group):
            groups[group] = [strip_manner(i, vocab) for i in split_items(m.group(group), vocab)]
            if not all(_prose_unit(x, vocab, subject=group == "first") or x in vocab.short_unit_names for x in groups[group]):
                return None
    tag = Tag(text=line)
    r = _Reading(tag, registry, vocab, DocumentRules())
    first = "lead" if "second" in groups or vocab.role_of.get(m.group("word")) == "lead" else "sole"
    _assign(r, groups["first"], first, positional=False)
    _assign(r, groups.get("second", []), "support", positional=False)
    if limit is not None:
        tag.time_words.append(limit)
    return tag if tag.has_roles else None


def _dated_limit(segment: str, vocab: RoleVocabulary) -> bool:
    """``segment`` is a dated time limit as a tag writes one (2024年6月底前完成, 年底前完成, 6月底前): a time word of a
    tag (``rule_time_words``) that names a date — an ongoing word (长期坚持) or 按时完成 is none here: a line closing an
    item is read only when all of it is proved."""
    from kb.parser.deadlines import tag_time_limits

    return (not vocab.role_end.search(segment) and any(c in segment for c in "年月日")
            and bool(tag_time_limits(segment)))


def _unclosed(name: str) -> bool:
    """``name`` holds an opening bracket that never closes (``推进数据共享（省发展改革委``, ``(省X委``)."""
    return _depths(name + "。")[-1] > 0


def _sentence_subject(sentence: str, vocab: RoleVocabulary) -> list[str]:
    """The units opening ``sentence`` as its subject (``民政部门|要清理…；负责…；会同Y…``) when they are units' names — not a
    kind (企业要…；会同… names none), not a 由-clause; else none."""
    opened = opening_subject(sentence, vocab)
    names = opened[0] if opened else []
    if not names or any("由" in n for n in names) or not all(
            _prose_unit(n, vocab, subject=True) and not vocab.modal_subject_not.search(split_subunit(n)[0]) for n in names):
        return []
    return list(names)


def _helped_unit(text: str, vocab: RoleVocabulary) -> str | None:
    """The unit ``X负责配合…`` names as the one it supports, or None: the name opening ``text`` up to where a predicate
    opens (``民政部门|做好…``) or the whole (``省发展改革委``), when it is a named unit — not a vague group (有关部门), not a
    piece of work (``做好交通疏导``)."""
    name = text[: name_end(text, vocab) or len(text)]
    # (做好案件查处 ends in 处 like an office: a verb phrase is no name — _bare_name)
    return name if name and _prose_unit(name, vocab, subject=True) and _bare_name(name, vocab) else None


#: ASCII punctuation written in Chinese prose (mirrors, PDFs, older pages: 山西 2023 `在省委领导下,X负责…`), read as the
#: full-width marks the prose forms' name classes stop at — names never hold them, so the names read are the same.
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "："})


#: A clause part opened by 会同 with no subject of its own (…；会同Y…, …；并会同Y…): the previous part's subject's.
_WITH_NO_SUBJECT_RE = re.compile(r"(?:并|同时|还|要|应|应当|负责)?会同")
#: The same after a comma inside a part (X负责…，并会同Y…).
_COMMA_WITH_RE = re.compile(r"[，,]" + _WITH_NO_SUBJECT_RE.pattern)
#: A clause opened by 由X牵头 / 由X负责 closed by its comma (由X牵头，会同Y…): X is the subject of what follows.
_LED_BY_RE = re.compile(r"由(?P<units>[^，,。；;由]{2,40}?)(?:牵头|负责)[，,]")


def _with_subject(part: str, vocab: RoleVocabulary) -> str:
    """``X负责…，会同Y…`` → ``X负责…，X会同Y…``: a 会同 clause after a comma with no subject of its own is the clause's
    opening subject's (菏泽 2009 扩大内需投资项目管理办法: ``发展改革部门是…综合部门,主要负责…,会同有关行业主管部门对…进行
    调度`` dropped the partners) — only when that subject is a unit's name (not a kind: 企业要…，会同… names none)."""
    if not _COMMA_WITH_RE.search(part):
        return part
    led = _LED_BY_RE.match(part)
    if led:  # 由X牵头，会同Y、Z等部门于…完成 (ROUTED s17 (3)): the 会同 clause is X's, as after X负责…
        names = [strip_manner(n, vocab) for n in split_items(led.group("units"), vocab)]
    else:
        opened = opening_subject(part, vocab)
        names = opened[0] if opened else []
    if not names or any("由" in n for n in names) or not all(
            _prose_unit(n, vocab, subject=True) and not vocab.modal_subject_not.search(split_subunit(n)[0]) for n in names):
        return part
    return _COMMA_WITH_RE.sub(lambda m: "，" + "、".join(names) + "会同", part)


#: The prose forms read in an untagged paragraph of a tagged plan (its closing 由A、B、C牵头，会同…; 由街镇牵头协调… in
#: an untagged item; 由X负责 / 由X制定…; X牵头开展…): those that name a role with 由 or 牵头 — not a bare ``X负责``, which
#: in a tagged plan is mostly a general duty of a paragraph the tags do not cover (各区政府负责本辖区…).
TAGGED_PLAN_FORMS = frozenset({"led-by", "led-by-with-doers", "leads", "organized-by", "organized-by-with-support"})
#: (Not X会同Y…: in a tagged plan the tags give the tasks, and 无废城市's 生态环境部会同有关部门组建协调小组 (四（一）, untagged)
#: is no task it leads — fresh question r9-c-wufei-lead counts the tags' one 牵头; session 13 tried and kept it out.)


#: A body being set up right before its 由X牵头 (成立由X牵头…的推进机制, 建立由X牵头的协调机制).
_SETS_UP_RE = re.compile(r"(?:成立|建立|组建|设立|健全)由$")


#: Role words a name may not hold in a heading: 各牵头单位负责的工作 names a role, not a unit.
_ROLE_IN_NAME = ("牵头", "配合", "参与", "协助", "责任")


def read_heading_roles(title: str, registry: Registry, vocab: RoleVocabulary | None = None,
                       rules: DocumentRules | None = None) -> Tag | None:
    """A part or section heading that names, in its own words and without a bracket, the units of the
    tasks under it — task lists grouped by lead unit (政府工作报告任务清单): ``县示范区管委会牵头工作(8项)``,
    ``市发展改革委牵头的任务``, ``由县财政局负责的工作``, ``县发改局牵头、县财政局配合的工作``.

    The whole heading must be units + a role word, optionally 的, then a word for the work
    (``heading_work_words``: 工作, 任务 …) and/or a count (``(8项)``) — a role word closing the heading
    is a principle, not a list (``部门协同配合``, ``社会参与``); every name must look like a unit and
    none may itself be a role (``各牵头单位``), the words must read as roles only (no note, no warning).
    So ``建立牵头抓总机制`` (no names, 机制 is no work word) and ``强化牵头部门责任`` are no such heading.
    Returns the Tag of the role words as written (``text``: ``县示范区管委会牵头``), or None."""
    vocab = vocab or load_vocabulary()
    title = title.strip()
    if len(title) > 60:
        return None
    m = vocab.heading_roles.fullmatch(title)
    if m is None:
        return None
    words = m.group("words")
    tag = parse_tag_content(words, registry, vocab, rules if rules is not None else DocumentRules())
    names = [n for role in ROLES for n in tag.roles[role]]
    if (not names or tag.notes or tag.warnings or tag.fields or tag.time_words or tag.implied
            or not all(looks_like_unit(n, vocab, registry) and not any(w in n for w in _ROLE_IN_NAME) for n in names)):
        return None
    tag.text = words
    return tag


# ---------------------------------------------------------------- the subject of a duty sentence

#: A sentence's first clause: the subject stands in it (cut at ，。；：).
_FIRST_CLAUSE_RE = re.compile(r"[^，,。；;：:]+")
#: The short form a plan gives a name it will use again (崇明区建设管理委员会（以下简称“区建设管理委”）): no part of it.
_SHORT_NAME_RE = re.compile(r"[（(]以下简称[“\"「]?(?P<short>[^（）()“”\"「」]{1,20})[”\"」]?[)）]")
#: A clause of condition before the subject (当燃气事故风险已经解除，X应… / 一旦出现…的态势，X应当…).
_CONDITION_RE = re.compile(r"(?:当|一旦|如遇|遇有)[^，,。；;：:]{2,60}[，,]")
#: 牵头 as the predicate's role (X…负责牵头组织开展…), not a role's name (牵头单位, 牵头部门, 牵头的).
_PREDICATE_LEADS_RE = re.compile(r"牵头(?!单位|部门|的|作用|抓总)")
#: A clause with no subject of its own that says 负责 (X建立…，负责…; X是…主体，负责…): the sentence's subject does it.
_ZERO_SUBJECT_DUTY_RE = re.compile(r"[，,](?:并|同时)?(?:具体|主要|全面|统一)?负责(?!人|的|同志|任)")


#: Bare kinds of body a leading 各 governs in a list (各街道、镇 = 各街道 and 各镇).
_BARE_BODIES = ("镇", "乡", "街道", "街镇", "乡镇", "园区")


def _share_each(names: list[str]) -> list[str]:
    """``各街道、镇`` → 各街道, 各镇: a bare kind of body after a 各 name is governed by that 各."""
    if names and names[0].startswith("各"):
        return [("各" + n) if n in _BARE_BODIES else n for n in names]
    return names


def _zero_subject_duty(sentence: str, vocab: RoleVocabulary) -> bool:
    """``，负责…`` with no subject of its own in ``sentence`` (the predicate after the subject), whose doer is the
    sentence's subject: not when the clause before it ends with a body the subject sets up (``省级人民政府应…成立相应的
    应急工作指挥部，负责领导…``: the 指挥部 leads, 国办函〔2005〕57号)."""
    m = _ZERO_SUBJECT_DUTY_RE.search(sentence)
    if not m:
        return False
    # X是…主管单位，负责… names what X is, no body being set up (崇明区建设管理委员会是本区燃气的行政主管单位，负责…)
    return sentence.startswith(("是", "作为")) or not vocab.department_re.search(sentence[: m.start()])


def _another_subject(sentence: str, vocab: RoleVocabulary) -> bool:
    """A later clause of ``sentence`` opened by other units saying what they are (``，Y是…``): the sentence states the
    roles of several subjects in a row, so its first subject is not the one owner of the paragraph."""
    for clause in re.split(r"[，,；;]", sentence)[1:]:
        found = _subject_at_start(clause, clause, vocab)
        if found is not None and found[1].startswith(("是", "作为")):
            return True
    return False


def opening_subject(sentence: str, vocab: RoleVocabulary | None = None) -> tuple[list[str], str] | None:
    """The units opening ``sentence`` as its subject and the predicate after them, or None.

    A name ends at a unit suffix followed by a word that opens a predicate (``predicate_start``: 依法, 指导, 承担,
    建立, 是, 作为 …): ``区城管执法局依法对…`` → ``区城管执法局``; the shortest such cut wins, so a verb phrase is
    never swallowed into a name (``南桥镇选择停车矛盾突出的住宅小区`` → ``南桥镇``), and a suffix inside a name
    (``区绿化市|容局``, ``区建设和管理委|员会``) is passed because no predicate word follows it.  The subject stands in
    the sentence's first clause, a 、-list of names each of which must look like a unit (``_prose_unit``: 3+
    characters or a ``short_unit_names`` word, not vague, no phrase), so ``各地要…``, ``企业…`` and ``有关部门…`` name
    no subject."""
    vocab = vocab or load_vocabulary()
    sentence = _SHORT_NAME_RE.sub("", _PROSE_MARKER_RE.sub("", sentence.strip()))
    sentence = _REQUEST_RE.sub("", sentence, count=1)  # 请X…: the request names X, its doer
    if sentence.startswith("由"):
        return None  # 由X负责 / 由X牵头: the prose forms read it
    condition = _CONDITION_RE.match(sentence)
    if condition:
        sentence = sentence[condition.end():]  # 当…，X应… / 一旦…，X应当…: the subject opens the next clause
    m = _FIRST_CLAUSE_RE.match(sentence)
    head = m.group(0) if m else ""
    found = _subject_at_start(head, sentence, vocab)
    if found is None and 0 < head.find("的") < 40 and not vocab.beneficiary_start.match(head):
        # (not after a policy verb: 支持具备条件的重点园区积极开展… — the 园区 is what the plan supports)
        cut = head.find("的") + 1  # a relative clause before the subject: 发布预警信息的|区建设管理委应…
        found = _subject_at_start(head[cut:], sentence[cut:], vocab)
    return found


#: A request opening a sentence (请国家发展改革委牵头…, 请各省级人民政府…): its doer follows; not 请示/请求 (a request
#: the plan receives).
_REQUEST_RE = re.compile(r"^请(?![示求])")


def _collective_cuts(head: str, vocab: RoleVocabulary):
    """Where a collective subject (``collective_subjects``: 各地, 试点地区, 有关部门) ends with a predicate after it."""
    for i in range(2, min(len(head), 24)):
        if vocab.predicate_start.match(head, i) and vocab.collective_subjects.search(head[:i]):
            yield i


def _subject_at_start(head: str, sentence: str, vocab: RoleVocabulary) -> tuple[list[str], str] | None:
    """The units opening ``head`` (the sentence's first clause) up to a ``predicate_start`` word, and the predicate."""
    for i in _collective_cuts(head, vocab):
        return [head[:i]], sentence[i:]
    action = _action_subject(head, vocab)
    for i in name_cuts(head, vocab, shortest=2, longest=80):
        if action is not None and action < i:
            break  # 市委金融办|引导金融机构完善…: the verb phrase is no part of the name (not 市委金融办引导金融机构|完善)
        names = _share_each(split_items(head[:i], vocab))
        if any("的" in n for n in names):
            return None  # a phrase (发布预警信息的区建设管理委): opening_subject tries after the 的
        if names and all(_prose_unit(n, vocab, subject=True) or n in vocab.short_unit_names or n[1:] in _BARE_BODIES
                         or _group_tail(names, k, vocab) for k, n in enumerate(names)):
            return names, sentence[i:]
    if action is not None:
        return _share_each(split_items(head[:action], vocab)), sentence[action:]
    return None


def _group_tail(names: list[str], k: int, vocab: RoleVocabulary) -> bool:
    """``names[k]`` is a collective group of government closing a list whose first name is a NAMED unit's
    (``科技部、财政部和相关科技项目管理部门``, ``A、B和有关部门``: roles.yaml ``list_group_tail``): a co-doer of the list.
    Not after a group (各级政府和有关部门, 各乡镇政府及有关部门: a list of groups stays unread, as 各地区、各部门)."""
    first = names[0]
    return (0 < k == len(names) - 1 and bool(vocab.group_tail.search(names[k])) and _prose_unit(first, vocab, subject=True)
            and not vocab.generic.search(first) and not vocab.collective_subjects.search(first)
            and not vocab.modal_subject_not.search(split_subunit(first)[0]))


def _bare_name(name: str, vocab: RoleVocabulary) -> bool:
    """A name on its own, as a plain verb's subject must be: no phrase (的), no object (向X, 与X: 县级政务新媒体要与本地区
    融媒体中心|建立…), no topic word (针对…), no modal inside (X要…)."""
    return not ("的" in name or "要" in name or any(c in name for c in "《》“”\"")
                or vocab.object_marker.search(name) or vocab.topic_opener.match(name)
                or vocab.action.match(name)  # 优化政府|支持…, 加强社会…: a verb phrase, no name
                or vocab.with_word.search(name)  # 区生态环境局协同区水务局: X working with Y, no one name
                or name_end(name, vocab))


def _action_subject(head: str, vocab: RoleVocabulary) -> int | None:
    """Where the names of units opening ``head`` end before an action verb (市委金融办|引导…, 市经济信息化委和市生态环境局|
    联合推进…), or None: the first such cut whose every item is a unit's name on its own — no phrase (的), no object
    (向X), no topic word (针对…) — else none (whether the names are named units the role reader decides)."""
    for i in _action_cuts(head, vocab):
        names = _share_each(split_items(head[:i], vocab))
        if not all(_bare_name(n, vocab) for n in names):
            return None
        if names and all(_prose_unit(n, vocab, subject=True) for n in names):
            return i
        return None
    return None


def _action_cuts(head: str, vocab: RoleVocabulary):
    """Where a unit's name may end inside ``head`` before an action verb (``action``), shortest first: a prefix ending
    like a unit, the verb not the start of an office's own name (市委|组织部 is passed: 组织部 ends like an office)."""
    for i in range(3, min(len(head), 60)):
        m = vocab.action.match(head, i)
        if not m or not vocab.office_end.search(head[:i]):
            continue
        end = m.end("verb")
        if any(vocab.office_end.search(head[i:end + k]) for k in (1, 2)):
            continue
        yield i


#: A bracket closing a name (各街镇（管委会）: the bodies standing for a group's members).
_TRAILING_BRACKET_RE = re.compile(r"[（(][^（）()]*[)）]$")


def _plain_duty(names: list[str], predicate: str, vocab: RoleVocabulary) -> tuple[str, list[str]] | None:
    """The role a predicate opening with an action verb gives its NAMED subject (``市交通委|加快布局…`` sole, ``区教育局|
    指导各学校…`` guide) and the units it works with (``市发展改革委|会同市经济信息化委发布…``: 市经济信息化委 supports), or
    None: no action verb at its start, the verb closed by 的 (``X制定的标准…``: a noun phrase) or 了 / any 了 of the
    sentence (work done), or a name that is a kind, a vague or a collective group (企业, 有关部门, 各区: a plain verb names
    no doer of theirs — a modal does)."""
    if any((vocab.modal_subject_not.search(split_subunit(n)[0]) and not vocab.collective_subjects.search(n))
           or vocab.vague_prose_names.search(n)
           or not (vocab.office_end.search(split_subunit(n)[0])
                   or vocab.unit_group.match(_TRAILING_BRACKET_RE.sub("", n)))  # 各街镇（管委会）进一步梳理…
           or not _bare_name(n, vocab) for n in names):
        # (重点园区积极开展…, 南桥镇加快…, 各地…: a place or a kind; 有关部门…: vague — only an office's name is read with
        # a plain verb, a group of offices the plan addresses too: 各区政府落实属地…管理工作)
        return None
    sentence = predicate.split("。")[0]
    if vocab.reported_work.search(sentence):
        return None
    support: list[str] = []
    with_ = vocab.with_word.match(sentence)
    if with_:  # X会同Y… / X协同Y…
        rest = sentence[with_.end():]
        cut = next(_action_cuts(rest, vocab), None)
        if cut is None:
            return None
        support = split_items(rest[:cut], vocab)
        if not support or not all(_prose_unit(n, vocab, subject=False) or vocab.collective_subjects.search(n)
                                  for n in support):
            return None
        sentence = rest[cut:]
    m = vocab.action.match(sentence)
    comma = _top_commas(sentence)
    if not m and comma and vocab.topic_opener.match(sentence):
        # X按照…，建立… / X根据需要，适时组织…: one manner clause opens the predicate, the verb follows it
        sentence = sentence[comma[0] + 1:]
        m = vocab.action.match(sentence)
    if not m and not support and vocab.adverb_predicate.match(sentence):
        return "sole", support  # X定期听取…, X适时通报…: a pure adverb opens the predicate, whatever the verb
    if not m or sentence[m.end():m.end() + 1] in ("的", "了"):
        return None
    if support:
        return "lead", support  # X会同Y…: X leads, as the prose form 会同 reads it
    if m.group("verb") == "指导" and "负责" not in sentence:
        return "guide", support  # (市政府指导…，负责…，对…负总责: responsible, the 负责 says so)
    return "sole", support


def _clause_doer_name(name: str, registry: Registry) -> bool:
    """A name opening a clause after a comma that a plain duty verb makes a doer (…，Y做好…; 2026年3月，X完成…): it opens
    with a level or a group (``_NAME_START``: 区水务局, 各街道) or is a body the vocabulary knows — never a verb phrase
    read as a name (…为契机，努力构建政府|主导…; …审核，颁发农业部|统一印制…) — and names no range of levels (县级以上人民政府,
    省级人民政府: every body of a kind, no doer a plain verb proves)."""
    return (name.startswith(_NAME_START) or registry.canonical(name) is not None) and "级" not in name


#: A predicate opening with 会同 after a modal or 负责 (要会同…, 负责会同…, 并会同…).
_DUTY_WITH_RE = re.compile(r"^(?:要|应当|应|将|须|需|具体负责|负责)?并?(?=会同)")
#: What may stand before a 配合 opening the predicate (要积极配合…, 应主动配合…): a modal and an adverb, nothing of its own.
_OPENING_SUPPORT_RE = re.compile(r"^(?:要|应当|应|将|须|必须|需)?(?:积极|主动|全面|全力|密切)?$")


def _stated_roles(predicate: str, vocab: RoleVocabulary) -> list[str]:
    """The roles ``predicate`` states in words (``predicate_roles``): 履行牵头抓总职责 lead; a 配合 gives support only where it
    opens the predicate (``要积极配合做好…``) or names the unit supported (``要…，全力配合区级部门做好…``) — after the subject's
    own work, a 配合 of a piece of work (``要提供…，积极参与、主动配合…采集工作``: tagsblind9 13) leaves the modal duty its own."""
    roles = []
    for role, pattern in vocab.predicate_roles.items():
        for m in pattern.finditer(predicate):
            if role != "support" or _OPENING_SUPPORT_RE.match(predicate[: m.start()]) or _supported_unit(predicate[m.end():], vocab):
                roles.append(role)
                break
    return roles


def _supported_in(predicate: str, vocab: RoleVocabulary) -> str | None:
    """The named unit a support predicate names as the one supported (``要积极配合县教育局做好…`` → 县教育局), or None."""
    pattern = vocab.predicate_roles.get("support")
    for m in pattern.finditer(predicate) if pattern else ():
        if not any(w in m.group(0) for w in _SUPPORTS_WHOM):
            continue  # 要参与小区配套幼儿园建设项目规划布局: the work taken part in, no unit helped (国办发〔2019〕3号)
        unit = _supported_unit(predicate[m.end():], vocab)
        if unit:
            unit = _LIST_GROUP_TAIL_RE.sub("", unit)  # (配合发展改革委等有关部门…: the named unit, not the group after 等)
            named = unit and not (vocab.vague_prose_names.search(unit) or vocab.modal_subject_not.search(unit)
                                  or _LEVEL_KIND_RE.search(unit))
            return unit if named and _prose_unit(unit, vocab, subject=True) else None
    return None


#: The support words after which the unit helped is named (配合Y…, 协助Y…) — not 参与 (参与X: the work).
_SUPPORTS_WHOM = ("配合", "协助")
#: Every office of a level (区级部门, 市级有关单位, 县级林业部门): a kind of body, no unit a lead can be given to.
_LEVEL_KIND_RE = re.compile(r"^[省市区县乡镇]级[^、，,]{0,8}?(?:部门|单位|机构)$")
#: A group closing a list of units (…等有关部门, …等单位): no part of the last unit's name.
_LIST_GROUP_TAIL_RE = re.compile(r"等(?:有关|相关)?(?:部门|单位)$")


def _supported_unit(rest: str, vocab: RoleVocabulary) -> str | None:
    """The named unit opening ``rest`` (what follows a 配合) up to its clause's end, or None."""
    return _helped_unit(re.split(r"[，,。；;：:]", rest, maxsplit=1)[0], vocab)


def read_subject(sentence: str, registry: Registry, vocab: RoleVocabulary | None = None,
                 duty: bool = False, said: bool = False, plain: bool = False, topic: bool = False) -> Tag | None:
    """The role of the units opening ``sentence`` as its subject (``opening_subject``), as a Tag, or None.

    ``duty``: the sentence stands in a duty part (职责分工, 工作职责 …), where a paragraph opened by a unit states what
    that unit does whatever its verb (``区X局依法对…实施行政处罚``, ``区Z局承担…``): 指导 as the predicate's first
    verb → guide, 牵头 in its first clause → lead, else responsible.  Elsewhere only the forms that say so are read:
    a clause with no subject of its own saying 负责 (``X建立…，负责…``, ``X是…主体，负责…``: responsible) or 牵头 in
    the predicate's first clause (``X…负责牵头组织开展…``: lead).  ``said``: a clause inside a sentence (after a comma):
    only a role said outright — a modal or a request, 牵头, a role in the predicate's words — is read."""
    vocab = vocab or load_vocabulary()
    found = opening_subject(sentence, vocab)
    if found is None:
        return None
    names, predicate = found
    if _another_subject(predicate.split("。")[0], vocab):
        return None  # 国务院办公厅是…主管单位，地方各级人民政府办公厅（室）是本地区…主管单位: several owners, none alone
    first = _FIRST_CLAUSE_RE.match(predicate)
    first = first.group(0) if first else ""
    # a named unit or a group the plan addresses as a doer (各地要…), not a kind (企业要…) nor another 各X group
    named = not any(vocab.modal_subject_not.search(split_subunit(n)[0]) and not vocab.collective_subjects.search(n)
                    and not _group_tail(names, k, vocab)
                    for k, n in enumerate(names))  # (大型文化企业（集团）: the kind is read without its bracket)
    requested = bool(_REQUEST_RE.match(_PROSE_MARKER_RE.sub("", sentence.strip())))
    stated = _stated_roles(predicate.split("。")[0], vocab) if named else []
    # (a clause after a comma too where _sentence_clauses says so — 2026年3月，X完成…, X牵头…，Y做好…: every named office
    # opening such a clause with a duty verb is a doer, session 18; _plain_duty reads named offices only)
    action = _plain_duty(names, predicate, vocab) if plain and (not said or topic and all(
        _clause_doer_name(n, registry) for n in names)) else None
    opens_with = _DUTY_WITH_RE.match(predicate) if duty and named and action is None else None
    if opens_with:  # a duty part's X负责会同Y清理… / X要会同Y…: X leads, Y supports (as the prose form 会同 reads it)
        action = _plain_duty(names, predicate[opens_with.end():], vocab)
    leads = _PREDICATE_LEADS_RE.search(first)
    if leads and any(m.start() <= leads.start() < m.end() for m in vocab.role_in_object.finditer(first)):
        leads = None  # X要建立Y牵头、Z参与的工作机制: the mechanism's 牵头, not X's (review-diff s15 R1)
    if leads:
        role = "lead"
    elif opens_with and action is not None and action[0] == "lead":
        role = "lead"
    elif len(stated) == 1:
        role = stated[0]  # X作为…统筹主体，要切实履行牵头抓总职责 / Y作为…实施主体，要…全力配合区级部门…
    elif duty and re.match(r"(?:依法|要|应|负责|统筹)?指导", predicate):
        role = "guide"
    elif (not said and (duty or _zero_subject_duty(predicate.split("。")[0], vocab))
          or ((vocab.duty_modals.match(predicate) or requested) and named)):
        role = "sole"
    elif action is not None:
        role = action[0]
    else:
        return None
    tag = Tag(text="")
    r = _Reading(tag, registry, vocab, DocumentRules())
    _assign(r, names, role, positional=False)
    if action is not None and role == action[0] and action[1]:
        _assign(r, action[1], "support", positional=False)  # X会同Y发布…: Y supports
    helped = _supported_in(predicate.split("。")[0], vocab) if role == "support" else None
    if helped and helped not in names:
        # X要配合Y做好… / X配合Y对…进行确认: Y, the named unit X helps, leads (the unit the others of a statement support
        # leads — as the tagged plans' sentence reader, tests/test_prose_supports_whom.py); 配合做好…, 配合有关部门…: none
        _assign(r, [helped], "lead", positional=False)
    short = _SHORT_NAME_RE.search(sentence)
    if short and len(names) == 1 and sentence.startswith(names[0] + short.group(0)):
        # 崇明区建设管理委员会（以下简称“区建设管理委”）: the short form the plan writes from then on is the same body's
        # second name (Task.subunits, as 省市场监管局（省知识产权局）), so a question about 区建设管理委 finds it
        tag.subunits.setdefault(names[0], []).append(short.group("short"))
    tag.warnings = []
    tag.notes.append(sentence[: len(sentence) - len(predicate)] + predicate[:20])
    return tag if tag.has_roles else None


#: How a sentence ends (a paragraph holding none is a title or a heading line).
_SENTENCE_ENDS = ("。", "；", ";", "！", "!")


def _sentence_clauses(sentence: str) -> list[tuple[str, bool, bool]]:
    """``sentence``'s parts between semicolons (X负责…；Y配合…), read as sentences of their own, and each clause after a
    comma (``气象站网组建中的有关具体事宜，请中国气象局…``, ``待你省上报项目建议书后，交通部将进行行业审查，发展改革委将…``,
    ``需要…支持配合的，地方各级人民政府要…``), read for a role said outright only (``read_subject(said=True)``) — or, after
    ONE topic clause (``针对…，X加强…``: ``topic_openers``), for a plain action verb too (the third value, ``topic``)."""
    parts = split_top(sentence, "；;")
    vocab = load_vocabulary()
    out: list[tuple[str, bool, bool]] = []
    for p in parts:
        stated = _stated_from(p, vocab)  # (once a part: it was found again at each of its commas)
        out.append((p, False, False))
        # a part opened by a named unit's own duty (X牵头…，Y做好…; X负责…，Y给予…支持): each clause after it opened by a
        # unit of its own is that unit's duty, plain verbs included (session 18) — not after background (近年来，X…)
        opened = opening_subject(p, vocab)
        own = bool(opened and opened[0] and all(_proved_unit(n, vocab) for n in opened[0]))
        out.extend((p[i + 1:], True, own or n == 0 and bool(vocab.topic_opener.match(p) or vocab.time_clause.match(p[:i])))
                   for n, i in enumerate(_top_commas(p))
                   if not vocab.reported_speech.search(p[:i]) and i < stated)
    return out


def _stated_from(part: str, vocab: RoleVocabulary) -> int:
    """Where what a clause states begins in ``part``: the first comma (outside brackets) after a clause closed by a verb of
    stating (``请财政部在相关规定中明确，中央高校、科研院所要…``: roles.yaml ``stating_verbs``) — the clauses after it say
    what is stated, the units in them are mentioned, no doers.  Not after a clause of manner (``按照有关规定，X负责…``:
    ``topic_openers``, ``manner_clause_starts``).  ``len(part)`` when there is none."""
    start = 0
    for i in _top_commas(part):
        clause = part[start:i]
        if (vocab.stating_end.search(clause) and not vocab.topic_opener.match(clause)
                and not clause.startswith(vocab.manner_starts)):
            return i
        start = i + 1
    return len(part)


def _top_commas(text: str) -> list[int]:
    """Where ``text`` has a comma outside brackets (``_depths``: the bracket depth before each character)."""
    return [i for i, (c, depth) in enumerate(zip(text, _depths(text))) if depth == 0 and c in "，,"]


def _collective_list(sentence: str, vocab: RoleVocabulary) -> bool:
    """``sentence`` opens with a 、-list of groups (各地区、各部门要…): subjects this reader does not read as one doer."""
    head = _FIRST_CLAUSE_RE.match(_PROSE_MARKER_RE.sub("", sentence.strip()))  # (三十四、各地区、各部门要…: the numeral)
    items = split_top(head.group(0), "、") if head else []
    first = items[0] if len(items) > 1 else ""
    if not first or len(first) > 10 or vocab.duty_modals.search(first):
        return False  # (各地要依据《…》、《…》: the 、 is inside the predicate)
    return bool(vocab.collective_subjects.search(first)) or first.startswith("各")


def read_subjects(sentences: list[str], registry: Registry, vocab: RoleVocabulary | None = None,
                  clauses: bool = True, plain: bool = False) -> Tag | None:
    """The roles of every sentence's subject in a paragraph (``read_subject`` on each): a paragraph that places several
    bodies in a row (``教育行政部门要参与…。自然资源部门要…。住房城乡建设部门要…``) gives each its role; a unit keeps the
    first role a sentence gives it; a unit a later sentence supports (``水利部…将积极配合发展改革委…``) leads when the
    paragraph's other doer is that one unit alone.  Several responsible units become shared later (``rule_one_unit_sole``).
    None when no sentence has such a subject.  ``clauses=False``: sentences and their semicolon parts only, not the
    clauses after a comma (a paragraph a prose form has read already — 由X会同Y提出… beside …后，省级指挥部要… — is
    left as the form read it).  ``plain``: a plan without tags, where a named subject's plain action verb states its duty
    (``read_subject(plain=True)``)."""
    vocab = vocab or load_vocabulary()
    # a line with no sentence's end (协调委员会组建方案: a title) states no duty with a plain verb
    plain = plain and any(s.rstrip().endswith(_SENTENCE_ENDS) for s in sentences)
    found: Tag | None = None
    unread_doer = False
    unread_names: set[str] = set()  # named units opening a sentence whose duty is not read
    named: list[str] = []  # the subjects met so far, in order (an anaphor 该委 takes the last one ending in 委)
    part_sole: list[str] = []  # the responsible units the current sentence part's own subject was read as
    for sentence, said, topic in (s for whole in sentences for s in _sentence_clauses(whole) if clauses or not s[1]):
        if not said:
            part_sole = []
        if _collective_list(sentence, vocab):
            # 各地区、各部门要…。国务院办公厅要…: a list of groups is not read as one doer, but it is a doer of the
            # paragraph — the units its other sentences name share the work with it (shared, never sole)
            unread_doer = True
            continue
        anaphor = vocab.anaphor.match(sentence)  # 该委将…: the body named last whose name ends so
        if anaphor:
            earlier = next((n for n in reversed(named) if n.endswith(anaphor.group(1))), None)
            if earlier is None:
                continue
            sentence = earlier + sentence[anaphor.end():]  # 发展改革委已向国务院上报了…，该委将…组织专家…: 发展改革委
        opened = opening_subject(sentence, vocab)
        if opened:
            named.extend(opened[0])
        tag = read_subject(sentence, registry, vocab, said=said, plain=plain, topic=topic)
        if tag is None:
            # 2019年6月底前，各省份建立…: a group of places does its own part, unnamed here — no unit read is alone
            unread_doer = unread_doer or (plain and (not said or topic) and _group_doer(sentence, vocab))
            # 区规划资源局视整治情况开展专项督办…。各街镇要…: a named unit opening a sentence whose duty is not read is a
            # doer all the same — the units read are not alone (session 18: 各街镇 was read 单独负责)
            first_clause = _FIRST_CLAUSE_RE.match(opened[1]) if opened is not None else None
            if (plain and not said and opened is not None and opened[0] and not opened[1].startswith(("是", "作为"))
                    and first_clause and "的" not in first_clause.group(0)  # (气象站|建设的具体实施方案: a noun phrase)
                    and all(_proved_unit(n, vocab) for n in opened[0])):
                unread_names.update(opened[0])
            continue
        if not said:
            part_sole = list(tag.roles["sole"])
        if found is None:
            found = tag
            continue
        given = {n for role in ROLES for n in found.roles[role]}
        for role in ROLES:
            _add(found, role, [n for n in tag.roles[role] if n not in given])
        for name, subs in tag.subunits.items():
            found.subunits.setdefault(name, list(subs))
        found.notes.extend(tag.notes)
        if tag.roles["support"] and len(found.roles["sole"]) == 1 and (
                found.roles["sole"][0] in sentence or said and part_sole == found.roles["sole"]
                and _supports_no_other(sentence, part_sole[0], vocab)):
            # Y…配合X: X leads what Y supports; X要…，Y要配合… (one sentence, Y names no one else): Y supports its one other doer
            found.roles["lead"].append(found.roles["sole"].pop())
    if found is not None and unread_names - {n for role in ROLES for n in found.roles[role]}:
        unread_doer = True  # (发展改革委研究提出了…。…该委将…: the same unit read in another sentence is no other doer)
    if found is not None and unread_doer and found.roles["sole"]:
        _add(found, "shared", found.roles["sole"])  # (国家卫生健康委建立…。…各省份建立…: not 国家卫生健康委 alone)
        found.roles["sole"] = []
    return found


def said_supporters(sentence: str, doer: list[str], registry: Registry, vocab: RoleVocabulary | None = None) -> list[str]:
    """The units a clause of ``sentence`` after a comma names as supporting, said outright (``X要加强抽检，Y要配合做好…``:
    ``read_subject(said=True)`` reading support) — when none of them names a unit other than ``doer`` as the one supported.
    A duty part reads its paragraph's first sentence for its subject; the supporters of that ONE sentence support it."""
    vocab = vocab or load_vocabulary()
    out: list[str] = []
    for clause, said, _ in _sentence_clauses(sentence):
        if not said:
            continue
        tag = read_subject(clause, registry, vocab, said=True)
        if tag is None or not tag.roles["support"] or any(tag.roles[r] for r in ROLES if r != "support"):
            continue
        if len(doer) != 1 or not _supports_no_other(clause, doer[0], vocab):
            return []
        out.extend(n for n in tag.roles["support"] if n not in out and n not in doer)
    return out


def _supports_no_other(clause: str, doer: str, vocab: RoleVocabulary) -> bool:
    """``clause``'s 配合/协助 names no unit other than ``doer`` as the one supported (``公安机关要配合做好…``, ``…要积极配合。``,
    ``Y、Z协助。``); a support said otherwise (``Y参与…``, ``Y给予资金支持``: session 18) names no unit supported."""
    at = min((k for k in (clause.find(w) for w in _SUPPORTS_WHOM) if k >= 0), default=-1)
    if at < 0:
        return True
    named = _supported_unit(clause[at + 2:], vocab)
    return named is None or named == doer


def _group_doer(sentence: str, vocab: RoleVocabulary) -> bool:
    """``sentence`` opens with a group of places or bodies (各省份, 各地, 各区) and an action verb: a doer of its own."""
    head = _FIRST_CLAUSE_RE.match(sentence)
    head = head.group(0) if head else ""
    if not head.startswith("各") or "的" in head or "已" in head:
        return False  # (各地已经建设并使用的工作平台要…: the platform is the subject)
    return any(vocab.action.match(head, i) for i in range(2, 10))


# ---------------------------------------------------------------- a tagged plan's paragraph, sentence by sentence


@dataclass(slots=True)
class SentenceReading:
    """What one duty sentence (or ；-part) of a paragraph says: who does it, in which role."""

    text: str
    """The sentence part as written."""
    roles: dict[str, list[str]]
    """Role → units (``lead``, ``sole``, ``support``, ``guide``): its doer(s) and the units it names with a role."""
    checks: bool
    """Its work is checking, receiving or assessing others' work (``RoleVocabulary.checking``)."""
    limit: bool
    """It states a time limit of its own."""


def _proved_unit(name: str, vocab: RoleVocabulary) -> bool:
    """``name`` is a unit a sentence's doer may be: a named body (not a kind, a collective, a vague group, a person), or
    a group of one level of government the plan addresses (``unit_group``: 各区政府)."""
    if vocab.unit_group.match(name) or vocab.unit_group.match(_TRAILING_BRACKET_RE.sub("", name)):
        return True  # (各镇（管委会）: the group, with the bodies standing for its members)
    stem = re.sub(r"(?:人民)?政府$", "", split_subunit(name)[0])  # (试点城市政府: the government of a kind of place)
    return (_prose_unit(name, vocab, subject=True) and _bare_name(name, vocab)
            and not vocab.modal_subject_not.search(split_subunit(name)[0]) and not vocab.modal_subject_not.search(stem)
            and not vocab.collective_subjects.search(name) and not vocab.generic.search(name)
            and not vocab.kind_department.match(name))


def _sentence_part(part: str, previous: list[str], registry: Registry, vocab: RoleVocabulary) -> SentenceReading | None:
    """The doer of one sentence part, or None when it is not proved a unit (see ``read_sentences``)."""
    from kb.parser import deadlines

    limit = bool(deadlines.parse_deadlines(part))
    body = part
    commas = _top_commas(body)
    if commas and vocab.time_clause.match(body[:commas[0]]):
        body = body[commas[0] + 1:]  # 2021年3月底前，X对…: the time clause opens, the subject follows
    if body.startswith("由"):
        tag = read_prose([body], registry, vocab, forms=TAGGED_PLAN_FORMS, tasks_only=True)
        if tag is None or not all(_proved_unit(n, vocab) for role in _PROSE_GROUPS if role != "support"
                                  for n in tag.roles[role]):
            return None
        roles = {role: list(tag.roles[role]) for role in ("lead", "sole", "support", "guide")}
        roles["sole"] += [n for n in tag.roles["shared"] if n not in roles["sole"]]
        return SentenceReading(part, roles, bool(vocab.checking.search(_FIRST_CLAUSE_RE.match(body).group(0))), limit)
    if previous and vocab.continuing_modal.match(body):
        body = "、".join(previous) + body.lstrip("，,")  # …。要…: the doer of the sentence before
    opened = opening_subject(body, vocab)
    limit_at = vocab.inline_limit.search(body) if opened is None else None
    if limit_at:  # 各区政府于2024年6月30日前将…: the name ends before 于
        body = body[:limit_at.start()] + body[limit_at.end():]
        opened = opening_subject(body, vocab)
    if opened is None:
        return None
    names, predicate = opened
    if not names or not all(_proved_unit(n, vocab) for n in names):
        return None
    first = _FIRST_CLAUSE_RE.match(predicate)
    first = first.group(0) if first else ""
    roles: dict[str, list[str]] = {"lead": [], "sole": [], "support": [], "guide": []}
    tag = read_subject(body, registry, vocab, plain=True)
    if tag is not None:
        if tag.roles["shared"] or tag.implied or not set(names) <= set(n for r in ROLES for n in tag.roles[r]):
            return None
        for role in roles:
            roles[role] = list(tag.roles[role])
    elif vocab.responsible_body.match(predicate):
        roles["sole"] = list(names)  # X是…责任主体
    elif vocab.duty_modals.match(predicate) and not _PREDICATE_LEADS_RE.search(first) and "配合" not in first:
        roles["sole"] = list(names)  # 各区市场监管局要…: a group read_subject leaves to the tags (^各), proved here
    elif predicate.startswith(("是", "作为")) or vocab.reported_work.search(predicate):
        return None  # what the unit is, or work reported done: no duty proved
    elif limit_at or vocab.with_word.search(predicate):
        roles["sole"] = list(names)  # 各区政府于…前将年度计划报送…: a dated step of the subject's own; X会同Y… below
    else:
        return None  # a subject with no duty said (区规划资源局在…阶段…征询…意见: a step described) — not proved
    if not roles["lead"] and vocab.with_word.search(predicate):
        with_ = read_prose([body], registry, vocab, forms=frozenset({"with"}))
        if with_ is not None and set(with_.roles["lead"]) == set(names):
            # X会同Y…: X leads, Y supports (a vague partner — 有关部门 — names no unit: left out)
            roles["lead"] = list(names)
            roles["sole"] = [n for n in roles["sole"] if n not in names]
            roles["support"] += [n for n in with_.roles["support"] if _proved_unit(n, vocab) and n not in roles["support"]]
        elif tag is None and not limit_at:
            return None  # a 会同 the prose form does not read as the subject's (X会同Y制定的办法): not proved
    if roles["support"] and set(names) <= set(roles["support"]):
        helped = _supported_unit(predicate[predicate.find("配合") + 2:], vocab) if "配合" in predicate else None
        if helped:
            if not _proved_unit(helped, vocab):
                return None
            roles["lead"].append(helped)  # X要配合Y做好…: Y leads what X supports
    # the other clauses of the sentence opened by a unit of their own (X负责A，Y负责B): each its doer
    for clause, said, _ in _sentence_clauses(body):
        if not said:
            continue
        other = opening_subject(clause, vocab)
        if other is None or set(other[0]) <= set(names):
            continue
        if not all(_proved_unit(n, vocab) for n in other[0]):
            if vocab.duty_modals.match(other[1]) or other[1].startswith("负责"):
                return None  # …，各有关部门要…: a doer not proved
            continue
        # (a plain duty verb too: X牵头…，Y做好… — Y's own duty beside the lead, session 18)
        said_tag = read_subject(clause, registry, vocab, said=True, plain=True, topic=True)
        if said_tag is None:
            continue
        for role in roles:
            roles[role] += [n for n in said_tag.roles[role] if n not in roles[role]]
        roles["sole"] += [n for n in said_tag.roles["shared"] if n not in roles["sole"]]
        if (said_tag.roles["support"] and not any(said_tag.roles[r] for r in ROLES if r != "support")
                and len(roles["sole"]) == 1 and set(roles["sole"]) == set(names)
                and _supports_no_other(clause, roles["sole"][0], vocab)):
            # X负责…，Y配合 / Y协助 / Y参与…: one statement — the unit the others support leads (as the paragraphs of a
            # plan without tags read it, read_subjects; session 18)
            roles["lead"].append(roles["sole"].pop())
    return SentenceReading(part, roles, bool(vocab.checking.search(first)), limit)


def read_sentences(sentences: list[str], registry: Registry, vocab: RoleVocabulary | None = None) -> Tag | None:
    """The roles of a tagged plan's paragraph (no tag, row or note covers it) read sentence by sentence, or None.

    Each sentence and each ；-part is read for its own doer (``_sentence_part``): its opening subject and the role its
    predicate states (``read_subject``: X要… / X负责… sole, X牵头…, X会同Y… lead, X要配合Y… support and Y lead, X指导… guide),
    X是…责任主体 (sole), a 由X牵头/负责 part (the tagged plans' prose forms), a part opened by a modal with no subject of
    its own (…。要…: the doer of the part before), and the other clauses of the part opened by a unit of their own.
    The paragraph's roles are the union of its duty parts' (a unit keeps its strongest: lead, then responsible, guide,
    support); several responsible units are shared later (``rule_one_unit_sole``), so ``sole`` is one unit doing every
    duty part.  A part that checks, receives or assesses (``checking``) is no duty of the work beside parts that do it;
    when every part checks, checking is the work.

    None — the paragraph stays unread, honest — when ANY part's doer is not proved a unit (a collective 各地 / 各部门, a
    kind 企业, a body being set up, a person, no subject: ``确保…``), or when a time limit is stated in a part whose doers
    are not every responsible unit of the paragraph (the task keeps one list of limits for all its units), or in a
    checking part left out."""
    vocab = vocab or load_vocabulary()
    readings: list[SentenceReading] = []
    previous: list[str] = []
    for sentence in sentences:
        sentence = _PROSE_MARKER_RE.sub("", sentence.strip()).translate(_FULL_WIDTH)
        for part in split_top(sentence, "；;"):
            part = part.strip().rstrip("。！？!?")
            if not part:
                continue
            reading = _sentence_part(part, previous, registry, vocab)
            if reading is None:
                return None
            readings.append(reading)
            previous = reading.roles["lead"] + [n for n in reading.roles["sole"] if n not in reading.roles["lead"]] \
                or reading.roles["support"] or reading.roles["guide"]
    if not readings:
        return None
    work = [r for r in readings if not r.checks] or readings
    if any(r.limit for r in readings if r not in work):
        return None  # a limit of the checker's own (每季度通报…) beside others' work: whose it is, not proved
    order = ("lead", "sole", "guide", "support")
    best: dict[str, str] = {}
    for reading in work:
        for role in order:
            for name in reading.roles[role]:
                if name not in best or order.index(role) < order.index(best[name]):
                    best[name] = role
    doers = {n for n, role in best.items() if role in ("lead", "sole")}
    for reading in work:
        if reading.limit and not doers <= {n for role in ("lead", "sole") for n in reading.roles[role]}:
            return None  # a limit stated for some of the doers only
    tag = Tag(text="")
    r = _Reading(tag, registry, vocab, DocumentRules())
    for role in order:
        _assign(r, [n for n, given in best.items() if given == role], role, positional=False)
    tag.notes = [reading.text for reading in work]
    tag.warnings = []
    return tag if tag.has_roles else None
