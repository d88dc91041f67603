"""Reading kb/data/answers.yaml: the wording of answers, validated on load.

The YAML parser costs ~80 ms to import, more than a whole department answer; the
validated words are therefore kept as JSON (data only, never executed or unpickled)
in the cache folder under a hash of the file's bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError

ANSWERS_PATH = Path(__file__).resolve().parent.parent / "data" / "answers.yaml"

#: Required keys: key → the {fields} its text must hold (a nested mapping lists its keys).
REQUIRED = {
    "related_title": (),
    "extreme_none": (),
    "extreme_untagged_title": ("{word}", "{day}"),
    "deadline": {"by": ("{text}", "{day}"), "during": ("{text}",), "meaning_by": ("{day}",),
                 "meaning_during": ("{year}",), "meaning_from": ("{day}",), "meaning_range": ("{first}", "{last}")},
    "not_understood": (),
    "not_understood_short": (),
    "exclusion_unapplied": ("{excluded}",),
    "question_too_long": ("{length}", "{limit}"),
    "item_rows": ("{rows}",),
    "item_pieces": ("{items}", "{pieces}"),
    "item_pieces_line": {"line": ("{k}", "{label}", "{text}", "{said}", "{units}"), "asked_none": ("{role}",), "none": (), "head": ("{label}", "{head}", "{n}")},
    "level_none": ("{level}",),
    "level_unread": ("{level}", "{names}"),
    "part_of": {"head": ("{n}",), "no_part": ()},
    "heading_score": ("{heading}", "{score}"),
    "level_unmarked": ("{level}", "{names}"),
    "partners_stated": {"found": ("{name}", "{verb}", "{partners}"), "none": ("{name}", "{verb}")},
    "issuers": {"this_plan": (), "none": ("{name}", "{title}"), "named": ("{name}", "{what}", "{count}", "{names}"),
                "issued_by": (), "drafted_by": (), "quoted": ("{source}",)},
    "plan_line": {"tasks": ("{n}", "{name}", "{count}"), "items": ("{n}", "{name}", "{count}"), "none": ("{n}", "{name}")},
    "plans_mentioning": {"none": ("{loaded}", "{asked}"), "title": ("{asked}", "{count}", "{loaded}"),
                         "plan": ("{n}", "{name}", "{count}", "{labels}")},
    "enumeration": {"none": ("{noun}",), "one": ("{noun}",), "several": ("{noun}", "{count}"),
                    "source": ("{label}", "{sentence}")},
    "named_set": {"none": ("{noun}",), "head": ("{term}", "{count}"), "members_head": ("{term}", "{count}"), "stated_differs": ("{term}", "{stated}", "{count}"),
                  "elsewhere": ("{count}",), "source": ("{label}", "{quote}"),
                  "groups": ("{count}", "{groups}"), "open": (), "member": ("{term}", "{k}", "{name}", "{count}"),
                  "no_member": ("{term}", "{count}", "{k}"), "member_tasks": ("{term}", "{members}", "{count}")},
    "annex_rows": {"total": ("{annex}", "{rows}"), "serials": ("{count}",), "linked": ("{rows}", "{items}", "{labels}"),
                   "listed": ("{count}",)},
    "hint_title": (),
    "nothing_related": (),
    "out_of_scope": {"weather": (), "instruction": (), "place": ("{place}",), "place_unstated": ("{place}", "{plans}"), "publication_date": (),
                     "document_number": (), "person": (), "actual_figure": (), "other_plan": ("{name}",), "unknown_plan": ("{name}",), "outside": (),
                     "topic": ("{place}",), "year": ("{place}", "{years}"),
                     "opinion": (), "role": ("{place}", "{roles}"), "annex": ("{place}",), "unit_rank": ()},
    "plans_held": ("{plans}",),
    "untitled_plan": ("{name}",),
    "notice": {"attachments": ("{name}", "{n}"), "attachments_absent": (), "attachments_none": ("{name}",),
               "attachment_k": ("{name}", "{k}", "{title}"), "attachment_k_none": ("{name}", "{n}", "{k}"),
               "basis": ("{name}", "{n}"), "basis_none": ("{name}",), "issued_with": ("{name}", "{n}"),
               "issued_with_none": ("{name}",), "period_title": ("{years}",), "period_goals": ("{last}", "{years}"),
               "period_none": ()},
    "overview_year_none": ("{part}", "{year}", "{years}"),
    "overview_undated": (),
    "no_sum": ("{topic}",),
    "no_sum_beside": ("{topic}",),
    "no_sum_plan": (),
    "stated_instead": (),
    "stated_clauses": ("{topic}",),
    "written_places": ("{topic}", "{n}"),
    "written_cover": ("{name}",),
    "written_partly": ("{topic}", "{missing}"),
    "no_number_in_unit": ("{topic}", "{unit}"),
    "no_part": ("{part}", "{count}", "{parts}"),
    "division_parts": ("{count}", "{part}"),
    "division_no_part": ("{part}", "{parts}"),
    "no_section": ("{part}", "{section}", "{count}"),
    "no_label": ("{label}",),
    "no_role": ("{role}",),
    "holds": ("{name}", "{counts}"),
    "not_named": ("{name}",),
    "near_names": ("{names}",),
    "role_not_held": ("{name}", "{role}"),
    "no_deadline": ("{topic}",),
    "stated_time": ("{topic}", "{times}"),
    "also_undated": ("{label}",),
    "value_table": {"cell": ("{name}", "{cells}"), "extreme": ("{header}", "{word}", "{kind}", "{names}", "{value}"),
                    "column": ("{header}", "{cells}"), "count": ("{kind}", "{n}", "{names}"), "unread": ("{n}", "{rows}")},
    "no_value_in_unit": ("{topic}", "{unit}"),
    "no_value": ("{topic}",),
    "figures_beside": (),
    "no_value_of_kind": ("{topic}", "{kind}"),
    "no_value_of_kind_none": ("{topic}", "{kind}"),
    "only_as_base": ("{topic}",),
    "value_kinds": {"amount": (), "rate": ()},
    "no_target_time": ("{topic}",),
    "no_target_time_other": (),
    "task_time": ("{label}", "{times}"),
    "clause_time": ("{label}", "{times}"),
    "clause_time_work": ("{label}", "{times}"),
    "event_unstated": ("{topic}", "{event}"),
    "no_overview": ("{what}", "{parts}"),
    "year_running": ("{n}", "{year}", "{labels}"),
    "schedule_steps_also": ("{n}", "{date}", "{labels}"),
    "recipient_not_stated": ("{asked}",),
    "act_doer_not_stated": ("{verb}", "{thing}"),
    "doer_sentences": ("{verb}", "{thing}", "{n}"),
    "unit_figure_unwritten": ("{name}", "{asked}"),
    "group_ordinal": ("{n}", "{title}", "{count}"),
    "group_ordinal_empty": ("{n}", "{title}"),
    "group_ordinal_none": ("{n}", "{count}", "{titles}"),
    "no_period": ("{topic}",),
    "share_in_words": ("{topic}",),
    "annex_notes_apart": ("{n}", "{labels}"),
    "time_noun_stated": ("{topic}", "{noun}", "{value}"),
    "due_on": ("{day}",),
    "due_by": ("{day}",),
    "due_by_why": ("{day}",),
    "due_earlier": ("{n}", "{day}", "{labels}"),
    "due_on_scope": ("{day}",),
    "item_count": {"items": ("{items}",), "with_rows": ("{items}", "{rows}"), "with_rows_inline": ("{items}", "{rows}"),
                   "rows_after": ("{rows}",), "group": ("{label}", "{items}"), "group_rows": ("{label}", "{items}", "{rows}"),
                   "duty_rows_after": ("{rows}",), "table_rows_after": ("{rows}",), "cell": ("{items}",),
                   "cell_rows": ("{items}", "{rows}")},
    "year_column_scope": ("{headers}",),
    "none_together": ("{shown}",),
    "untagged_paragraphs": {"plan": ("{shown}", "{n}"), "tasks": ("{shown}", "{n}")},
    "plans_year_targets": {"some": ("{years}", "{count}", "{loaded}"), "plan": ("{plan}", "{count}"),
                           "without": ("{years}", "{plans}"), "none": ("{years}", "{loaded}")},
    "units_compared": {"most": ("{name}", "{what}", "{count}"), "least": ("{name}", "{what}", "{count}"),
                       "tie": ("{names}", "{what}", "{count}"), "each": ("{name}", "{what}", "{count}")},
    "has_roles_items": {"count": ("{count}", "{total}"), "some": ("{count}",), "all": ()},
    "denial_checked": {"missing": ("{topic}", "{missing}", "{written}"), "unfound": ("{topic}", "{written}"),
                       "no_related": ()},
    "within_heading": ("{heading}", "{n}"),
    "within_previous": (),
    "literal_found": ("{phrase}", "{n}"),
    "literal_none": ("{phrase}",),
    "within_none": ("{n}", "{shown}"),
    "tag_label_missing": ("{label}",),
    "starts_not_read": ("{year}",),
    "no_context": ("{word}", "{example}"),
    "target_thing_absent": ("{topic}", "{missing}"),
    "topic_absent": ("{topic}", "{missing}"),
    "no_roles_read": (),
    "other_roles_title": ("{name}",),
    "sole_apart": ("{name}", "{n}"),
    "role_written": ("{role}", "{name}", "{n}"),
    "lead_written": ("{topic}", "{n}"),
    "lead_written_units": (),
    "sole_apart_note": ("{name}", "{labels}"),
    "batch": {"found": ("{batch}", "{n}"), "absent": ("{batch}", "{batches}"), "none": ("{batch}",)},
    "order_rule": {"found": ("{n}",), "none": ()},
    "only_mentioned": ("{name}",),
    "division_mentioned": ("{name}", "{division}"),
    "division_title": ("{division}",),
    "no_clause_of_subject": ("{topic}", "{piece}"),
    "division_ambiguous": ("{name}", "{names}"),
    "division_bare": ("{name}", "{count}", "{labels}"),
    "which_one": (),
    "division_name_one": (),
    "role_not_read": ("{name}", "{role}"),
    "not_read": ("{name}",),
    "unit_measure_absent": ("{name}", "{word}"),
    "dated_none_undated": ("{name}", "{role}", "{scope}", "{n}", "{labels}", "{example}"),
    "mentioned_title": ("{name}",),
    "no_units_assigned": (),
    "who_not_named": ("{label}", "{head}"),
    "units_unwritten": (),
    "units_unread": ("{mark}",),
    "who_not_read": ("{label}", "{head}", "{mark}"),
    "mentioned_unread_title": ("{name}",),
    "division_list_bare": ("{name}",),
    "division_row_bare": ("{name}",),
    "each_values": ("{n}",),
    "unit_value_found": {"duration": ("{n}",), "measure": ("{n}",), "money": ("{n}",), "unit": ("{n}", "{unit}")},
    "no_measure": ("{topic}", "{measure}", "{units}"),
    "duration_end": ("{topic}", "{length}", "{start}", "{end}"),
    "duration_no_end": ("{topic}", "{length}", "{start}"),
    "duration_only": ("{topic}", "{length}"),
    "measure_names": {"area": (), "length": (), "share": (), "size": (), "scale": ()},
}


def validate(data: dict, where: str = "answers.yaml") -> dict:
    """``data`` checked against REQUIRED (KbError naming the key otherwise)."""
    def check(value, spec, key):
        if isinstance(spec, dict):
            if not isinstance(value, dict):
                raise KbError(f"{where}：{key} 应为“键: 文字”的映射；请修正，或从代码仓库恢复这个文件")
            missing = [k for k in spec if k not in value]
            if missing:
                raise KbError(f"{where}：{key} 缺少键 {'、'.join(missing)}；请修正，或从代码仓库恢复这个文件")
            for k, sub in spec.items():
                check(value[k], sub, f"{key}.{k}")
            return
        if not isinstance(value, str) or not value:
            raise KbError(f"{where}：{key} 应为非空的文字；请修正，或从代码仓库恢复这个文件")
        for f in spec:
            if f not in value:
                raise KbError(f"{where}：{key} 的文字必须保留占位符 {f}；请修正，或从代码仓库恢复这个文件")

    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise KbError(f"{where}：缺少键 {'、'.join(missing)}；请修正，或从代码仓库恢复这个文件")
    for k, spec in REQUIRED.items():
        check(data[k], spec, k)
    return data


class UnfilledWording(ValueError):
    """A wording text was given no value (None) for one of its fields: formatting it would print a literal ``None`` to
    the official (holdout17 a03: 最接近的条目没有写到“None”).  The executor must choose another wording or answer; an
    unstrict ``Session`` gives the question the full-text answer with a notice instead of the broken sentence."""


class Wording(str):
    """A text of answers.yaml: ``format`` refuses a field given None (``UnfilledWording``) — no answer prints one."""

    __slots__ = ()

    def format(self, *args, **kwargs) -> str:
        empty = [k for k, v in kwargs.items() if v is None] + [str(k) for k, v in enumerate(args) if v is None]
        if empty:
            raise UnfilledWording(f"answers.yaml 的措辞“{self[:30]}”缺少字段 {'、'.join(empty)} 的值")
        return str.format(self, *args, **kwargs)


def _worded(value):
    """``value`` (a loaded answers.yaml mapping, list or text) with every text a ``Wording``."""
    if isinstance(value, dict):
        return {k: _worded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_worded(v) for v in value]
    return Wording(value) if isinstance(value, str) else value


@lru_cache(maxsize=2)
def load_answer_words(path: str | None = None) -> dict:
    """The validated wording (from the JSON cache when the file has not changed); every text a ``Wording``, whose
    ``format`` never prints a None."""
    return _worded(_read_answer_words(path))


def _read_answer_words(path: str | None = None) -> dict:
    """The validated wording as read (from the JSON cache when the file has not changed)."""
    src = Path(path) if path else ANSWERS_PATH
    try:
        raw = src.read_bytes()
    except OSError as exc:
        raise KbError(f"{src}：无法读取答案措辞表（{exc.__class__.__name__}）；请从代码仓库恢复这个文件") from exc
    from kb.store import atomic_write_bytes, cache_dir

    cached = cache_dir() / f"answers-{hashlib.sha256(raw).hexdigest()[:16]}.json"
    try:
        return validate(json.loads(cached.read_text(encoding="utf-8")), str(cached))
    except (OSError, ValueError, KbError):
        pass  # no cache yet, or a damaged one: read the YAML
    from kb.data import read_versioned_yaml

    data = validate(read_versioned_yaml(src, "answer wording"), str(src))
    try:
        atomic_write_bytes(cached, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # an unwritable cache only costs the YAML parse next time
    return data


#: A label naming who does the work (牵头单位：, 牵头督办单位：, 主抓部门：, 责任主体：): up to six characters, then 单位, 部门 or
#: 主体 and a colon.
_UNIT_LABEL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:单位|部门|主体)\s*[：:]")


#: What a bracket holds (（…）, (…), 〔…〕, 【…】, […]): where a tag writes its units.
_BRACKETED = re.compile(r"[（(〔【\[]([^（()）〔〕【】\[\]]*)[）)〕】\]]")


def unit_mark(text: str) -> str | None:
    """The mark of responsibility an item's text holds — a label (``_UNIT_LABEL``, the longest run of characters before
    its ending), else a word of answers.yaml ``unit_mark_words`` (牵头, 负责) inside a bracket — or None.  Said when kb
    read no unit of the item: the plan may name them in a way kb did not read."""
    m = _UNIT_LABEL.search(text or "")
    if m is not None:
        start = m.start()
        while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and m.end() - start < 12:
            start -= 1  # (the label's whole name: 牵头督办单位：, not 办单位：)
        return text[start:m.end()]
    inside = " ".join(_BRACKETED.findall(text or ""))  # (a role word in a tag's place: 负责制 of a prose sentence is none)
    return next((w for w in load_answer_words()["unit_mark_words"] if w in inside), None)


def units_unsaid(task) -> str:
    """What an answer says of an item kb read no unit of: kb did not read them when its text holds a mark of
    responsibility (``unit_mark``), else that the plan names none."""
    words = load_answer_words()
    mark = unit_mark(task.text or "")
    return words["units_unread"].format(mark=mark) if mark else words["units_unwritten"]


def named_in_mark(text: str, name: str) -> bool:
    """``name`` stands in the stretch of ``text`` after a label of responsibility up to the sentence's end (牵头负责：市统计局、
    市人力资源社会保障局), or right before a role word of answers.yaml ``unit_mark_words`` in its clause."""
    text = text or ""
    for m in _UNIT_LABEL.finditer(text):
        if name in re.split(r"[。；;）)]", text[m.end():], maxsplit=1)[0]:
            return True
    words = load_answer_words()["unit_mark_words"]
    return any(name in clause and any(w in clause for w in words) for clause in re.split(r"[。；;，,（(）)]", text))
