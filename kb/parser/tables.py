"""Dialect D: task tables (任务分工表, 责任清单) → tasks with roles, deadlines and row citations.

Ingestion writes every table as tab-separated rows between blank lines (``kb.ingest``);
a ``.txt`` copied from Excel has the same form.  Three rules of the parser chain:

* ``rule_find_tables`` (before cleanup) takes the tables out of the text.  A table whose
  header row names its columns with the words of ``kb/data/tables.yaml`` (序号 / 重点任务 /
  牵头单位 / 配合单位 / 责任单位 / 责任领导 / 完成时限 …) is a task table; its caption lines
  (``附件1``, ``重点任务分工表``) go with it.  Any other table stays in the text, each row
  one line with its cells joined by ``｜``.
* ``rule_table_tasks`` (after the text's tasks are read) turns each row into a task.  When
  the text has its own parts (the table is an attachment after the main text), a row whose
  task wording stands in a paragraph of the text (or nearly: rapidfuzz ≥ 90) gives that
  paragraph its roles, deadline and citation (a paragraph the table divides into several rows:
  see the rule's docstring); the other rows become tasks of their own under the caption.  A row spanning the table (a merged cell) is a heading: ``一、…`` a
  part, ``（一）…`` a section, anything else a section title.
* ``rule_table_labels`` (after labels) cites rows of an attachment as ``附件1-3`` (caption,
  then 序号), so they never collide with the text's ``三（一）3``.

Roles are read by the tag reader itself: the cells are put in its verb form
(``A、B牵头，C配合``), so names, sub-units and unknown-name warnings work as for inline
tags.  ``Task.tag`` shows the row's role cells labelled with the table's own header words,
``（牵头单位：A、B；配合单位：C；完成时限：2020年底前）``; the deadline cell is the task's
last clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError
from kb.model import ROLES, Target
from kb.numerals import chinese_number
from kb.parser.messages import warning
from kb.parser.roles import INLINE_LEAD_RE as _INLINE_LEAD_RE  # one definition for tags and table cells
from kb.registry import shortens

TABLES_PATH = Path(__file__).resolve().parent.parent / "data" / "tables.yaml"

#: The columns a header can name.
#: ``other`` holds no task and no role (参考文件, 备注): kept as the task's fields.
COLUMNS = ("number", "task", "lead", "support", "responsible", "leader", "deadline", "other")

#: Separators between names in a cell (written as 、 for the tag reader).
_NAME_SEP_RE = re.compile(r"\s*[，,；;／/\s]+\s*")
_PART_ROW_RE = re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]\s*(.+)$")
_SECTION_ROW_RE = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[)）]\s*(.+)$")
_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*[.．、]?\s*$")


@dataclass(slots=True, frozen=True)
class TableVocabulary:
    """Header words per column and the attachment caption pattern."""

    words: tuple[tuple[str, str], ...]
    """(header word, column), longest word first."""
    caption: re.Pattern
    """A caption line naming an attachment; group 1 is its number."""
    inner_endings: tuple[str, ...] = ()
    """Endings of a header cell naming the issuer's internal divisions (市卫健委内牵头处室, 责任处室): an
    ``other`` column, never roles, whatever role word it holds."""
    qualifier: re.Pattern | None = None
    """A qualifier a header cell may open with before its column word (2022年预期目标, 市级牵头单位)."""
    work_verbs: tuple[str, ...] = ()
    """Verbs a task cell opens with (建设, 推进 …): a flattened paragraph opening with one and longer than the table's
    unit names is no unit cell (kb/parser/flattened.py)."""
    item_name_ending: str = ""
    """A header cell ending so (权力责任名称, 指标名称) names the row's item: the task column."""
    unit_name_headers: tuple[str, ...] = ()
    """Headers ending in the item ending that name units (单位名称): no task column."""
    item_name_headers: tuple[str, ...] = ()
    """Task-column headers (besides those with the item ending) whose cell is an item's name (事项): the row is written
    name first, then its description cells, then its basis; no deadline is read from the name."""
    description_endings: tuple[str, ...] = ()
    """Endings of a field's header whose cell describes the row's item (权力责任事项, 说明, 指标解释)."""
    basis_words: tuple[str, ...] = ()
    """Words of a field's header whose cell is the item's basis (设定依据): written last, labelled."""
    row_marks: str = ""
    """Marks a row number may carry before it (``*1``, ``★2``)."""
    measure_words: tuple[str, ...] = ()
    """Measures (%, ㎡, 个, 岁 …): a headerless table's column of them is its 计量单位."""
    year_column: re.Pattern | None = None
    """A header cell naming one year's work (2024年工作项目, 2025年计划): a column of the row's text."""
    row_numbering: tuple[re.Pattern, ...] = ()
    """Numbering that opens a cell of a table without a 序号 column (（一）, 1、, （1）); group 1 the number."""
    annex_words: tuple[str, ...] = ("附件",)
    """The words that caption an annex (附件, 附表, 附录; the first the general word): ``caption`` is built of them."""
    unplaced_units_field: str = "单位（不能确定属于哪一列）"
    """The field keeping a flattened row's unit paragraphs whose column is not known (tables.yaml)."""
    rule_goes_on: tuple[str, ...] = ()
    """Words making a lead rule in one row's cell the table's for its later rows (下同, 以下同)."""
    figure_headers: tuple[str, ...] = ()
    """Headers of a column of bare figures (数量, 目标值): a glued row's digits after its 序号 are that cell's."""
    catalogue_fields: tuple[str, ...] = ()
    """Fields of a government information catalogue (文号, 生成日期, 组配分类 …) a page writes above the article: with the
    page metadata labels of ingest.yaml, the keys of a page's metadata rows written with bars (``page_field_row``)."""
    task_attribute_endings: tuple[str, ...] = ()
    """What a header cell naming the task only by its prefix may go on with to name an attribute of the task (任务来源,
    任务类别): after the task column a field, never a second task column."""
    remark_headers: tuple[str, ...] = ()
    """Headers of a remarks column (备注, 说明): a line that looks like a unit is no remark (kb/parser/flattened.py)."""
    main_qualifiers: tuple[str, ...] = ()
    """Words opening a 责任单位 header that make it the main units' column when a second 责任单位 column follows
    (主要责任单位 | 责任单位: the first leads)."""
    glued_names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(key, words) of tables.yaml ``glued_names``: where units glued in one cell may be cut (``glued_reading``)."""
    progress_period: re.Pattern | None = None
    """A period opening a progress column's header (第二季度, 1-6月, 截至6月底) before a field's word (完成情况): that field."""
    joined_roles: tuple[tuple[str, str], ...] = ()
    """(role word, column) of tables.yaml ``joined_roles.words``, longest first: a header naming two of them joined."""
    joined_joiners: tuple[str, ...] = ()
    """What may stand between the two role words of a joined header (/, 、, 及, brackets)."""
    joined_unit_words: tuple[str, ...] = ()
    """The unit words a joined header's role words go with (单位, 部门, 主体)."""
    target_tables: tuple = ()
    """tables.yaml ``target_tables``: (name headers, unit headers, value header pattern, base words, attribute headers)
    — the header of a table of targets (``target_header``)."""

    def glued(self, key: str) -> tuple[str, ...]:
        """The words of ``glued_names`` under ``key`` (body_endings, organ_endings …), longest first."""
        return next((words for k, words in self.glued_names if k == key), ())

    def caption_cite(self, m: re.Match) -> str:
        """How a caption ``caption`` matched cites its annex: its word and number, spaces dropped (附 表 1 → 附表1)."""
        from kb.annexes import caption_word

        return (caption_word(m.group(0), self.annex_words) or self.annex_words[0]) + m.group(1)


@lru_cache(maxsize=1)
def load_vocabulary(path: str | None = None) -> TableVocabulary:
    """Read and validate ``tables.yaml``."""
    from kb.data import read_versioned_yaml

    src = Path(path) if path else TABLES_PATH
    data = read_versioned_yaml(src, "task table vocabulary")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not set(COLUMNS) - {"other"} <= set(columns) <= set(COLUMNS):
        raise KbError(f"{src}：“columns”应恰好为这些列列出表头词：{', '.join(COLUMNS)}；请修正，或从代码仓库恢复这个文件")
    seen: dict[str, str] = {}
    for col, words in columns.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise KbError(f"{src}：columns.{col} 应为非空的词语列表；请修正，或从代码仓库恢复这个文件")
        for w in words:
            if w in seen:
                raise KbError(f"{src}：表头词“{w}”同时列在 columns.{seen[w]} 和 columns.{col} 下（请只保留一处）")
            seen[w] = col
    from kb.annexes import _words_of, word_pattern

    pattern = data.get("attachment_caption") or ""
    # (the caption words are checked when the file lists them or its caption pattern uses them)
    uses_words = "annex_words" in data or (isinstance(pattern, str) and "{annex_word}" in pattern)
    annex_words = _words_of(data, src) if uses_words else TableVocabulary.__dataclass_fields__["annex_words"].default
    try:
        caption = re.compile(pattern.replace("{annex_word}", word_pattern(annex_words)) if isinstance(pattern, str) else pattern)
    except (re.error, TypeError) as exc:
        raise KbError(f"{src}：attachment_caption 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
    if not caption.pattern or caption.groups < 1:
        raise KbError(f"{src}：attachment_caption 需要一个分组来取附件编号；请修正，或从代码仓库恢复这个文件")
    endings = data.get("inner_division_endings") or []
    if not isinstance(endings, list) or not all(isinstance(w, str) and w.strip() for w in endings):
        raise KbError(f"{src}：inner_division_endings 应为词语列表；请修正，或从代码仓库恢复这个文件")
    verbs = data.get("work_verbs") or []
    if not isinstance(verbs, list) or not all(isinstance(w, str) and w.strip() for w in verbs):
        raise KbError(f"{src}：work_verbs 应为词语列表；请修正，或从代码仓库恢复这个文件")
    try:
        qualifier = re.compile(data["header_qualifier"]) if data.get("header_qualifier") else None
    except (re.error, TypeError) as exc:
        raise KbError(f"{src}：header_qualifier 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
    try:
        period = re.compile(data["progress_period"]) if data.get("progress_period") else None
    except (re.error, TypeError) as exc:
        raise KbError(f"{src}：progress_period 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
    lists = {}
    for key in ("unit_name_headers", "item_name_headers", "description_endings", "basis_words", "row_marks", "measure_words",
                "rule_goes_on", "figure_headers", "task_attribute_endings", "catalogue_fields", "remark_headers",
                "main_qualifiers"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise KbError(f"{src}：{key} 应为词语列表；请修正，或从代码仓库恢复这个文件")
        lists[key] = tuple(value)
    glued = data.get("glued_names") or {}
    if not isinstance(glued, dict) or not all(isinstance(v, list) and all(isinstance(w, str) and w for w in v)
                                              for v in glued.values()):
        raise KbError(f"{src}：glued_names 应为“名称: 词语列表”；请修正，或从代码仓库恢复这个文件")
    glued_names = tuple((str(k), tuple(sorted(v, key=len, reverse=True))) for k, v in glued.items())
    ending = data.get("item_name_ending") or ""
    if not isinstance(ending, str):
        raise KbError(f"{src}：item_name_ending 应为一个词；请修正，或从代码仓库恢复这个文件")
    numbering = data.get("row_numbering") or []
    if not isinstance(numbering, list) or not all(isinstance(p, str) and p for p in numbering):
        raise KbError(f"{src}：row_numbering 应为正则表达式列表；请修正，或从代码仓库恢复这个文件")
    try:
        year_column = re.compile(data["year_column_header"]) if data.get("year_column_header") else None
        row_numbering = tuple(re.compile(p) for p in numbering)
    except (re.error, TypeError) as exc:
        raise KbError(f"{src}：year_column_header 或 row_numbering 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
    if any(p.groups < 1 for p in row_numbering):
        raise KbError(f"{src}：row_numbering 的每个正则表达式需要一个分组来取编号；请修正，或从代码仓库恢复这个文件")
    return TableVocabulary(tuple(sorted(seen.items(), key=lambda kv: -len(kv[0]))), caption, tuple(endings), qualifier,
                           tuple(sorted(verbs, key=len, reverse=True)), ending.strip(), lists["unit_name_headers"],
                           lists["item_name_headers"], lists["description_endings"], lists["basis_words"],
                           "".join(lists["row_marks"]), tuple(sorted(lists["measure_words"], key=len, reverse=True)),
                           year_column, row_numbering, annex_words,
                           str(data.get("unplaced_units_field") or TableVocabulary.__dataclass_fields__["unplaced_units_field"].default),
                           lists["rule_goes_on"], lists["figure_headers"], lists["catalogue_fields"],
                           lists["task_attribute_endings"], lists["remark_headers"], lists["main_qualifiers"], glued_names,
                           progress_period=period, **_joined_roles(data.get("joined_roles"), src),
                           target_tables=_target_tables(data.get("target_tables"), src))


def _target_tables(data, src) -> tuple:
    """The ``target_tables`` block of tables.yaml, validated."""
    if not data:
        return ()
    keys = ("name_headers", "unit_headers", "base_words", "attribute_headers")
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) and all(isinstance(w, str) and w for w in data[k])
                                             for k in keys):
        raise KbError(f"{src}：target_tables 应有 name_headers、unit_headers、base_words、attribute_headers（词语列表）和 value_header（正则表达式）；请修正，或从代码仓库恢复这个文件")
    try:
        value = re.compile(str(data.get("value_header") or ""))
    except re.error as exc:
        raise KbError(f"{src}：target_tables.value_header 不是有效的正则表达式（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
    return (tuple(data["name_headers"]), tuple(data["unit_headers"]), value, tuple(data["base_words"]),
            tuple(data["attribute_headers"]))


def _joined_roles(data, src) -> dict:
    """The ``joined_roles`` block of tables.yaml, validated, as TableVocabulary fields."""
    if not data:
        return {}
    words, joiners, units = data.get("words") if isinstance(data, dict) else None, data.get("joiners"), data.get("unit_words")
    if not isinstance(words, dict) or not all(isinstance(k, str) and k and v in ("lead", "support", "responsible")
                                              for k, v in words.items()) \
            or not all(isinstance(x, list) and all(isinstance(w, str) and w for w in x) for x in (joiners, units)):
        raise KbError(f"{src}：joined_roles 应有 words（词: lead/support/responsible）、joiners 和 unit_words（词语列表）；请修正，或从代码仓库恢复这个文件")
    return {"joined_roles": tuple(sorted(words.items(), key=lambda kv: -len(kv[0]))), "joined_joiners": tuple(joiners),
            "joined_unit_words": tuple(sorted(units, key=len, reverse=True))}


@dataclass(slots=True)
class TaskTable:
    """A task table taken out of the text."""

    header: list[str]
    """The header row's cells as written."""
    columns: dict[str, int]
    """Column → index of its cell."""
    rows: list[tuple[int, list[str], int | None]]
    """(row number in the table, header row = 1; cells; PDF page or None) of the rows after the header."""
    caption: str | None
    """The attachment it belongs to (``附件1``), else None."""
    title: str | None
    """The caption's title line (``重点任务分工表``), if any."""
    number: int
    """1 for the document's first task table, 2 for the next …"""
    end: int | None = None
    """Index in the rebuilt text lines just after it (to tell a continuation on the next page)."""
    warnings: list[str] = field(default_factory=list)
    """Problems met in it."""
    flat: bool = False
    """True for a table regrouped from text flattened one cell a paragraph (rows cited by 序号)."""
    row_notes: dict[int, tuple[list[str], list[str]]] = field(default_factory=dict)
    """Row number (a flattened table: the row's index in ``rows``) → (notes, warnings) of the regrouping (a
    merged cell taken from above, a cell whose column is not known)."""
    lines_before: list[str] = field(default_factory=list)
    """The text's non-blank lines before it (up to four), captions taken: tells a document that is the table."""
    units_unplaced: dict[int, list[str]] = field(default_factory=dict)
    """Rows (a flattened table: the row's index in ``rows``) → the unit paragraphs they write whose column is not known:
    tasks all the same (their unit said uncertain, kept in a field), never paragraphs set apart."""
    lead_rule: str | None = None
    """A lead rule a row's unit cell stated for the table's later rows (…列在首位的为牵头部门，下同), as its rows are read."""
    lead_rule_text: str = ""
    """The words stating ``lead_rule`` (a cell's note, a note beside the table, the plan's own rule): whether the rule
    ranks any unit or one class of them (roles ``rule_ranks_any_unit``)."""
    lines_beside: list[str] = field(default_factory=list)
    """The text's non-blank lines right under it, then right above it (up to three each, nearest first): a note beside
    the table may state its lead rule."""
    known_names: frozenset[str] = frozenset()
    """The names its unit cells write between separators (``table_names``): where names glued in a cell end."""
    cut_rows: set[int] = field(default_factory=set)
    """Row numbers whose line ends inside a cell (``_aligned_rows``): the row's later cells are not in the text."""

    @property
    def cite(self) -> str:
        """How its rows are cited: ``附件1`` or ``表2``."""
        return self.caption or f"表{self.number}"


#: A bracketed note closing a header cell (责任股室(单位), 牵头单位（部门）).
_HEADER_NOTE_RE = re.compile(r"[（(][^（）()]{1,8}[)）]$")


def header_columns(cells: list[str], vocab: TableVocabulary | None = None) -> dict[str, int]:
    """Column → index for a row of header cells (first cell per column wins).

    Two task columns (任务名称 | 任务内容, 任务类型 | 重点内容, 重点任务 | 具体措施): the last one holds
    the task and the one before it is ``name``, the task's title (often a merged cell over rows).

    A column of the issuer's own divisions (牵头处室, 委内责任处室) is a field (``other``) beside a column of
    the plan's units; when no other column names units (a department's own 工作要点 or 权责清单 with a 责任处室
    column), its divisions are the ones who do the work: the column is read by its role word (牵头处室 lead,
    配合处室 support, 责任处室 responsible)."""
    vocab = vocab or load_vocabulary()
    found: dict[str, int] = {}
    divisions: list[tuple[int, str]] = []
    for i, cell in enumerate(cells):
        key = re.sub(r"[\s:：]", "", cell)
        plain = _HEADER_NOTE_RE.sub("", key)  # (责任股室(单位): the cell's note, wrapped onto its line, names no column)
        if plain.endswith(vocab.inner_endings) and vocab.inner_endings:
            divisions.append((i, plain))
            continue
        if (joined := joined_role_column(key, vocab)) is not None:
            found.setdefault(joined, i)  # 配合/责任单位, 牵头（责任）单位: two role words joined name one unit column
            continue
        bare = vocab.qualifier.sub("", key, count=1) if vocab.qualifier else key
        # (the word set last: it is built per call, and most cells end in no description ending)
        if key.endswith(vocab.description_endings) and "task" in found and key not in _exact_words(vocab) \
                and names_items(cells[found["task"]], vocab):
            continue  # 指标解释, 事项内容 after 指标名称, 事项名称: the item's description (a field), no second task column
        for word, col in vocab.words:
            if any(k == word or (k.startswith(word) and len(k) <= len(word) + 12) for k in {key, bare} if k):
                if col == "task":
                    col = _task_word_goes_on(key, bare, word, "task" in found, vocab)
                if col == "task" and "task" in found:
                    found.setdefault("name", found["task"])
                    found["task"] = i
                if col == "responsible" and "responsible" in found and "lead" not in found \
                        and re.sub(r"[\s:：]", "", cells[found["responsible"]]).startswith(vocab.main_qualifiers or ("\x00",)):
                    # 主要责任单位 | 责任单位: the main units lead, the second column's support them (as after 牵头单位)
                    found["lead"] = found.pop("responsible")
                found.setdefault(col, i)
                break
        else:
            if is_item_name_header(key, vocab) and "task" not in found:
                found["task"] = i  # 权力责任名称: the row's item (a column word of its own, however it opens)
            elif (col := _label_column(plain)) is not None:
                found.setdefault(col, i)
            elif vocab.progress_period and (m := vocab.progress_period.match(key)) and 0 < m.end() < len(key) \
                    and header_columns([key[m.end():]], vocab).get("other") == 0:
                found.setdefault("other", i)  # 第二季度完成情况: a period's progress, a field (never 一季度目标 as the task)
    if divisions:
        units = any(c in found for c in _UNIT_COLUMNS)
        for i, key in divisions:
            role = None if units else _division_role(key, vocab)
            found.setdefault(role or "other", i)
    return found


_UNIT_COLUMNS = ("lead", "support", "responsible")


def joined_roles_of(header: str, vocab: TableVocabulary | None = None) -> frozenset[str]:
    """The roles a header cell names with two or more role words joined (tables.yaml ``joined_roles``): ``配合/责任单位`` →
    {support, responsible}, ``责任单位（牵头单位）`` → {lead, responsible}; empty for any other cell (责任单位, 主要责任单位,
    配合单位 name one role).  The cell must be role words, joiners and unit words only, with a unit word."""
    vocab = vocab or load_vocabulary()
    key = re.sub(r"[\s:：]", "", header)
    if not vocab.joined_roles:
        return frozenset()
    roles: list[str] = []
    unit = False
    k = 0
    while k < len(key):
        for word, col in vocab.joined_roles:
            if key.startswith(word, k):
                roles.append(col)
                k += len(word)
                break
        else:
            word = next((w for w in vocab.joined_unit_words + vocab.joined_joiners if key.startswith(w, k)), None)
            if word is None:
                return frozenset()
            unit = unit or word in vocab.joined_unit_words
            k += len(word)
    return frozenset(roles) if unit and len(roles) >= 2 and len(set(roles)) >= 2 else frozenset()


def joined_role_column(header: str, vocab: TableVocabulary | None = None) -> str | None:
    """The unit column a joined role header names (decision, session 18: tables.yaml ``joined_roles``): a lead word with
    责任 → ``lead`` (牵头/责任单位, 牵头（责任）单位, 责任单位（牵头单位）: the unit leading); a support word with 责任 →
    ``responsible`` (配合/责任单位, 责任单位及配合单位: support beside a row's lead, the units responsible where the row
    names none — ``_row_tag``); None otherwise (牵头/配合单位: the cell's own words say who leads)."""
    roles = joined_roles_of(header, vocab)
    if roles == {"lead", "responsible"}:
        return "lead"
    if roles == {"support", "responsible"}:
        return "responsible"
    return None
#: The column a role label's kind names (roles.yaml labels / label_forms: one reading of role labels for tags, label
#: lines and table headers); a checker's or a person's label (督办单位, 责任领导) is a field: no column.
_LABEL_COLUMNS = {"lead": "lead", "support": "support", "responsible": "responsible", "time": "deadline"}
#: The longest header cell read as a role label (a label is a word, never a sentence).
_LABEL_HEADER_MAX = 10


def _label_column(key: str) -> str | None:
    """The column a header cell naming no column word of tables.yaml names as a role LABEL (相关责任部门, 其他责任单位,
    协作部门 support, 实施时间 deadline: roles.yaml labels and label_forms, the words labelled tags are read with), else
    None (督办单位 is a field; an unknown word stays a field)."""
    if not key or len(key) > _LABEL_HEADER_MAX or re.search(r"[\d（）()、，,]", key):
        return None
    from kb.parser.roles import load_vocabulary as role_vocabulary

    vocab = role_vocabulary()

    def own(word: str) -> str | None:  # a listed label or a label form, whole
        return vocab.labels.get(word) or next((k for k, p in vocab.label_forms if p.fullmatch(word)), None)

    # (a label after a qualifier of one or two characters — 相关责任部门, 其他责任单位, 市级配合单位 — never after a word of its
    # own: 落实措施 | 负责单位 are two header cells, never one wrapped cell 落实措施负责单位)
    kind = own(key) or next((k for i in (1, 2) if len(key) - i >= 3 and (k := own(key[i:]))), None)
    return _LABEL_COLUMNS.get(kind or "")


def _task_word_goes_on(key: str, bare: str, word: str, after_task: bool, vocab: TableVocabulary) -> str:
    """The column of a header cell that opens with a task word (任务, 事项 …) and goes on: with another column's word
    (任务完成情况 → other, 任务责任单位 → responsible) that column; after the task column, with an attribute of the task
    (任务来源, 任务类别: tables.yaml task_attribute_endings) a field (other) — never a second task column that would
    take the task from the measures before it; else the task column."""
    rest = next((k[len(word):] for k in (key, bare) if k and k.startswith(word) and k != word), "")
    if not rest:
        return "task"
    for other, col in vocab.words:
        if col != "task" and (rest == other or rest.startswith(other) and len(rest) <= len(other) + 4):
            return col
    if after_task and rest.endswith(vocab.task_attribute_endings) and vocab.task_attribute_endings:
        return "other"
    return "task"


def row_number(cell: str, vocab: TableVocabulary | None = None) -> tuple[str, int] | None:
    """(mark, number) of a row-number cell (``3``, ``*1``, ``★12``: a mark of tables.yaml row_marks before it), else None."""
    from kb.parser.flattened import marked_row_number

    return marked_row_number(cell, (vocab or load_vocabulary()).row_marks)


def is_item_name_header(key: str, vocab: TableVocabulary) -> bool:
    """True for a header cell ending in the item ending (权力责任名称, 指标名称), short, not naming units (单位名称)."""
    key = re.sub(r"[\s:：]", "", key)
    return bool(vocab.item_name_ending) and key.endswith(vocab.item_name_ending) and len(key) <= 12 \
        and not key.endswith(vocab.unit_name_headers)


def names_items(header_cell: str, vocab: TableVocabulary) -> bool:
    """True when a task column's header names the row's item rather than its work (事项名称, 指标名称, 事项, 名称)."""
    key = re.sub(r"[\s:：]", "", header_cell)
    return key in vocab.item_name_headers or is_item_name_header(key, vocab)


def _division_role(key: str, vocab: TableVocabulary) -> str | None:
    """The unit column a division column stands for (牵头处室 → lead, 配合处室 → support, 委内责任处室 →
    responsible): its words with the division ending read as 单位; None when they hold no role word."""
    for ending in vocab.inner_endings:
        if key.endswith(ending):
            as_unit = key[: -len(ending)] + "单位"
            for word, col in vocab.words:
                if col in _UNIT_COLUMNS and as_unit.endswith(word):
                    return col
    return None


def is_task_header(columns: dict[str, int]) -> bool:
    """A header naming a task column and someone responsible or a deadline."""
    return "task" in columns and any(c in columns for c in ("lead", "support", "responsible", "deadline"))


#: A tab-separated row whose cell opens a quote it does not close on that line (a spreadsheet's copy: a cell holding
#: line breaks is written in "…" over several lines).
_OPEN_QUOTE_CELL_RE = re.compile(r'(?:^|\t)"')
_QUOTED_ROW_MAX_LINES = 30


def quoted_tab_cells(text: str) -> str:
    """Rows copied from a spreadsheet (Excel, WPS, LibreOffice) whose cells hold line breaks: the cell is written in
    double quotes over several lines (``2\t老旧小区改造\t"1.4月底前…；`` / ``2.9月底前…；`` / ``3.12月底前完成验收"\t区住建局``)
    → one tab row, its cells read by the csv module and their lines joined (``join_cell_lines``).  Before, the quoted
    cell's first line ended the row, the row took the row above's unit as a merged cell and the lines after it
    became paragraphs.  Only a line with a tab whose cell opens a quote left open is touched; the row ends at the
    line that closes it (at most 30 lines), else nothing changes."""
    if '"' not in text or "\t" not in text:
        return text
    import csv
    import io

    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line and line.count('"') % 2 and _OPEN_QUOTE_CELL_RE.search(line):
            j, quotes = i, line.count('"')
            while quotes % 2 and j + 1 < len(lines) and j - i < _QUOTED_ROW_MAX_LINES:
                j += 1
                quotes += lines[j].count('"')
            if quotes % 2 == 0:
                rows = list(csv.reader(io.StringIO("\n".join(lines[i : j + 1])), delimiter="\t", quotechar='"'))
                if len(rows) == 1:
                    out.append("\t".join(join_cell_lines(cell.split("\n")) if "\n" in cell else cell for cell in rows[0]))
                    i = j + 1
                    continue
        out.append(line)
        i += 1
    return "\n".join(out)


#: A line of a cell that goes on a name begun on the line above (``和社会保障局``, ``委员会``, ``办公室``, ``设局``): it starts
#: with a joining word or a unit's ending, or is too short to be a name of its own.
_NAME_GOES_ON_RE = re.compile(r"^(?:[和与及暨、，,（(]|委员|局|会|部|办|室|处|科|厅|中心|站|所|队|院|馆|组|司)")
#: A line that says it goes on (a list or a name cut after 、，or an open bracket).
_LINE_GOES_ON_RE = re.compile(r"[、，,；;（(《“/／]$")


def join_cell_lines(lines: list[str]) -> str:
    """The lines of one table cell as its text: a cell listing its units one a line (``县水务局`` / ``县住建局`` /
    ``县护城河指挥部``: a web page's ``<p>`` per unit, a Word cell's paragraphs, a PDF cell's lines) is a list,
    joined with 、; a line that wrapped (mid-name: ``市人力资源`` / ``和社会保障局``, mid-sentence, after 、) goes on
    with no separator, as before.  Two lines are two names when both look like units (``roles.looks_like_unit``),
    the second has three characters or more and does not start like a name's continuation (和…, 委员会, 办公室)."""
    from kb.parser import roles
    from kb.registry import EMPTY

    vocab = roles.load_vocabulary()
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if (out and not _LINE_GOES_ON_RE.search(out) and len(line) >= 3 and not _NAME_GOES_ON_RE.match(line)
                and roles.looks_like_unit(line, vocab, EMPTY) and roles.looks_like_unit(_last_name(out), vocab, EMPTY)):
            out += "、" + line
        elif out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " " + line  # (Latin words keep their space)
        else:
            out += line
    return out


def _last_name(text: str) -> str:
    """The text after its last list separator (the name a cell's line ends with)."""
    return re.split(r"[、，,；;]", text)[-1]


# --- rule 1: take task tables out of the text ------------------------------------------


#: A row of a table written with bars (a Markdown table, a web page's table copied as text,
#: kb's own ``｜`` rows): ``| 序号 | 重点任务 | 牵头单位 |``.
_BAR_ROW_RE = re.compile(r"^\s*[|｜]?(?:[^|｜\n]*[|｜]){2,}[^|｜\n]*$")
#: A Markdown alignment row (``|---|:---:|``): no cells.
_BAR_RULE_RE = re.compile(r"^\s*[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$")


def bar_rows_to_tabs(text: str) -> str:
    """Tables written with bars → tab-separated rows (the form ingestion writes), so they are read
    like any table: two or more consecutive lines of two or more bars with the same number of
    cells (Markdown alignment rows dropped).  A lone line with bars stays as it is."""
    if "|" not in text and "｜" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        rows: list[list[str]] = []
        while j < len(lines) and (_BAR_ROW_RE.match(lines[j]) or (rows and _BAR_RULE_RE.match(lines[j]))):
            if not _BAR_RULE_RE.match(lines[j]):
                cells = re.split(r"[|｜]", lines[j].strip())
                if cells and not cells[0].strip():
                    cells = cells[1:]
                if cells and not cells[-1].strip():
                    cells = cells[:-1]
                rows.append([c.strip() for c in cells])
            j += 1
        if len(rows) >= 2 and len({len(r) for r in rows}) == 1 and len(rows[0]) >= 2:
            out.extend("\t".join(r) for r in rows)
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


#: A page field's key cell: a short run of letters (letter-spaced ``索 引 号``), a colon closing it or not.
_FIELD_KEY_RE = re.compile(r"^([\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,9})[ \u3000]*([：:]?)$")


@lru_cache(maxsize=4)
def _page_field_labels(vocab: TableVocabulary) -> frozenset[str]:
    from kb.ingest.vocab import load_vocabulary as ingest_vocabulary

    return frozenset(ingest_vocabulary().page_metadata_labels) | frozenset(vocab.catalogue_fields)


def page_field_row(line: str, vocab: TableVocabulary | None = None) -> list[str] | None:
    """A web page's metadata row copied as bars (``索 引 号: | 000014349/2024-14622 | 主题分类: | 综合政务 |``,
    ``来源|市政府办公室|发布时间|2023-05-12``: the government information catalogue above the article) → its fields as
    ``key：value`` (a key whose value the copy left out: ``key：``), else None.  Its filled cells pair up: each key cell a
    page field label (kb/data/ingest.yaml page_metadata_labels and tables.yaml catalogue_fields; spaces and a closing
    colon aside) followed by at most one
    value cell; a key not listed is one only when it closes with a colon, names no table column and stands in a row with
    a listed one (``所属专题: | …``).  A table's header, a row opening with its number, a record's ``牵头单位: | …`` and two
    values in a row are none."""
    if "|" not in line and "｜" not in line:
        return None
    vocab = vocab or load_vocabulary()
    labels = _page_field_labels(vocab)
    cells = [c.strip() for c in re.split(r"[|｜]", line.strip())]
    cells = [c for c in cells if c]
    fields: list[str] = []
    listed = False
    expect_key = True
    for cell in cells:
        m = _FIELD_KEY_RE.match(cell)
        key = re.sub(r"[ \u3000]", "", m.group(1)) if m else ""
        if key and key in labels:
            fields.append(f"{key}：")
            listed = True
        elif key and m.group(2) and not header_columns([key], vocab):
            fields.append(f"{key}：")
        elif expect_key:
            return None  # a value with no key before it (a row of a table, two values in a row)
        else:
            fields[-1] += cell
            expect_key = True
            continue
        expect_key = False
    return fields if listed else None


#: A page field's key written with no colon and not listed (所属机构, 信息类别, 公开方式): a short word of ideographs.
_BARE_KEY_RE = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _bare_field_row(line: str, vocab: TableVocabulary) -> list[str] | None:
    """A bar row of two or more key | value pairs whose keys are short words naming no table column, at most half of them
    ending like a unit (所属机构 |
    某区人民政府办公室 | 信息类别 | 通知公告 |) → its fields as ``key：value``, else None (``page_field_rows`` takes such rows only
    in a run at the page's head)."""
    if "|" not in line and "｜" not in line:
        return None
    cells = [c.strip() for c in re.split(r"[|｜]", line.strip())]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    if len(cells) < 4 or len(cells) % 2:
        return None
    keys, values = cells[0::2], cells[1::2]
    if not all(_BARE_KEY_RE.fullmatch(k) and not header_columns([k], vocab) for k in keys) \
            or sum(1 for k in keys if _unit_like(k)) * 2 > len(keys):
        return None  # (keys mostly units' names — 区住建局 | 2024年 | 区民政局 | 2025年 — are a table's cells; 所属机构 is one)
    if any(_BARE_KEY_RE.fullmatch(v) and v in keys for v in values) or not any(values):
        return None
    return [f"{k}：{v}" for k, v in zip(keys, values)]


def page_field_rows(text: str, vocab: TableVocabulary | None = None) -> tuple[str, list[str]]:
    """(the text without its page metadata rows written with bars, their fields as ``key：value`` lines in order): the
    page's fields, never a task, a table row nor the title — they join the document's preface (``rule_page_fields``).
    Only rows in the page's head (before any line holding a sentence's stop) or two or more in a run."""
    if "|" not in text and "｜" not in text:
        return text, []
    vocab = vocab or load_vocabulary()
    lines = text.split("\n")
    rows = [page_field_row(line, vocab) if len(line) <= 400 else None for line in lines]
    filled = [k for k, line in enumerate(lines) if line.strip()]
    # (rows of keys neither listed nor closed by a colon — 所属机构 | … | 信息类别 | … — only in a run of two or more field
    # rows in the page's head: one alone, or a run after the plan's first sentence, is not proved the page's)
    bare = [_bare_field_row(line, vocab) if rows[k] is None and len(line) <= 400 else None for k, line in enumerate(lines)]
    head = next((k for k, line in enumerate(lines) if re.search(r"[。；;！？]", line)), len(lines))
    # (and only above a task table's header, whose block they would join and hide: rows under it, 优化养老服务 | 为全区… |
    # 民政局 | 各街道, are its rows)
    if any(bare):
        header = next((k for k, line in enumerate(lines[:head]) if re.search(r"[|｜]", line) and len(line) <= 200
                       and _delimited_header(line, vocab) is not None), None)
        head = 0 if header is None else header  # (no table under them: left as they are)
    for a in range(len(filled)):
        b = a
        while b < len(filled) and filled[b] < head and (rows[filled[b]] is not None or bare[filled[b]] is not None):
            b += 1
        if b - a >= 2 and any(bare[filled[x]] is not None for x in range(a, b)):
            for x in range(a, b):
                rows[filled[x]] = rows[filled[x]] or bare[filled[x]]
        if b > a:
            break  # (the head's first run of field rows)
    # (a row in the page's head, before any sentence of the plan, or one of two or more field rows in a run: a record
    # table's lone 来源 | 国家统计局 row further down is that table's, never the page's)
    run = set()
    for a, b in zip(filled, filled[1:]):
        if rows[a] is not None and rows[b] is not None:
            run.update((a, b))
    kept: list[str] = []
    fields: list[str] = []
    in_head = True
    for k, line in enumerate(lines):
        if rows[k] is not None and (in_head or k in run):
            fields.extend(rows[k])
            continue
        kept.append(line)
        in_head = in_head and not re.search(r"[。；;！？]", line)
    return ("\n".join(kept), fields) if fields else (text, [])


#: Delimiters a task table's row may be written with on one line, tried in this order: bars (``|``/``｜``, with or
#: without outer bars, a Markdown table, a web page's table copied as text) and runs of two or more spaces (a
#: PDF's text layer, a table pasted from a viewer).  Tabs are the form everything is turned into; a single
#: space between cells is ``kb.parser.flattened.split_spaced_rows``'s (its cells need regrouping).
_DELIMITERS = (("bar", re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*")), ("spaces", re.compile(r"[ \t\u3000]{2,}|\u3000")))
#: A cell that is a row's own number (``1``, ``12.``, ``（3）``).
_SERIAL_RE = re.compile(r"^[（(]?\d{1,3}[)）.．、]?$")
_HEADER_CELL_MAX = 20


#: The spaces between the letters of a letter-spaced word (``牵 头 部 门``: typesetting spreads a short column name over
#: a wide cell).
_LETTER_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_LETTER_SPACED_RE = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+")


def _unspaced(cell: str) -> str:
    """A header cell written letter-spaced (``牵 头 部 门``, ``序  号``: each character apart) closed up; any other cell as
    it is."""
    return _LETTER_GAP_RE.sub("", cell) if _LETTER_SPACED_RE.fullmatch(cell.strip()) else cell


def _split_cells(line: str, delimiter: re.Pattern) -> list[str]:
    """A line's cells at ``delimiter``; the empty cells outside the outer bars dropped."""
    cells = [c.strip() for c in delimiter.split(line.strip())]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _delimited_header(line: str, vocab: TableVocabulary):
    """(delimiter name, pattern, cells, columns) when ``line`` is a task table's header written with one of
    ``_DELIMITERS``: two or more cells, each short, every one naming a column with the
    words of tables.yaml (with bars, one cell may name none: kept as a field), a task column and someone
    responsible or a deadline among them; else None."""
    for name, delimiter in _DELIMITERS:
        if name == "bar" and "|" not in line and "｜" not in line:
            continue
        cells = _split_cells(line, delimiter)
        if name == "spaces":
            cells = _broken_words_joined(cells, vocab)
        else:
            cells = [_unspaced(c) for c in cells]  # (between bars a cell's own spaces are its letter-spacing)
        if len(cells) < 2 or any(not c or len(c) > _HEADER_CELL_MAX for c in cells):
            continue
        unknown = [c for c in cells if not header_columns([c], vocab)]
        if len(unknown) > (1 if name == "bar" and len(cells) >= 4 else 0) and not _fields_of_a_numbered_header(cells, unknown, vocab):
            continue
        columns = header_columns(cells, vocab)
        if is_task_header(columns):
            return name, delimiter, cells, columns
    return None


def _fields_of_a_numbered_header(cells: list[str], unknown: list[str], vocab: TableVocabulary) -> bool:
    """True when a header's cells naming no column (权力责任类别, 权力责任事项: a 权责清单's own columns) are its fields: the
    header opens with 序号, they are fewer than the cells naming one, each short with no figure, quote or bracket (as
    a flattened header's: ``flattened.unknown_header_cell``)."""
    from kb.parser.flattened import unknown_header_cell

    return (header_columns([cells[0]], vocab).get("number") == 0 and len(unknown) * 2 < len(cells)
            and all(unknown_header_cell(c) for c in unknown))


def _broken_words_joined(cells: list[str], vocab: TableVocabulary) -> list[str]:
    """Header cells split inside a word (a letter-spaced ``序  号``, ``责任  单位`` between wider gaps): two neighbours
    that together name a column, one of them naming none, are one cell — when the first names none or together they
    are a column word exactly (``序`` + ``号``; never ``工作任务`` + ``责任``): ``flattened.joins_broken_word``."""
    from kb.parser.flattened import joins_broken_word

    out: list[str] = []
    for cell in cells:
        if out and joins_broken_word(out[-1], cell, vocab, header_columns, _exact_words(vocab)):
            out[-1] += cell
        else:
            out.append(cell)
    return out


@lru_cache(maxsize=4)
def _exact_words(vocab: TableVocabulary) -> frozenset[str]:
    return frozenset(w for w, _ in vocab.words)


def delimited_rows_to_tabs(text: str, vocab: TableVocabulary | None = None) -> str:
    """Task tables written one row a line with any consistent delimiter → tab-separated rows (the form
    ingestion writes), so one reader reads every form.

    The table is found by its header line: its cells, split at bars or at runs of two or more spaces, name
    the columns (序号 / 事项 / 任务 / 目标 / 责任单位 / 牵头单位 / 配合单位 / 完成时限 …, ``header_columns``).
    The rows are the lines after it split by the same delimiter into two or more cells (a blank line between
    two rows, a Markdown alignment row and a repeat of the header are skipped; a short line with no
    delimiter between two rows is a row spanning the table, kept as its text for the tab reader).  The table
    ends at the first other line.  Rows whose first cell is a number under a header without a number
    column (``实事项目 | …`` over ``1 | 新建…``) give the header a 序号 column.  Rows split at spaces must
    mostly (two in three) give the header's number of cells, else the lines are left to the regrouping of
    ``split_spaced_rows`` (a cell holding a space)."""
    if "|" not in text and "｜" not in text and "  " not in text and "\u3000" not in text:
        return text
    vocab = vocab or load_vocabulary()
    # A header holds a delimiter and a word naming someone responsible or a deadline: the other lines (nearly
    # every line of a plan) are never tried.
    words = _role_header_re(vocab)
    lines = text.split("\n")
    starts = {k for k, line in enumerate(lines)
              if ("|" in line or "｜" in line or "  " in line or "\u3000" in line.strip())
              and (words.search(line) or words.search(_LETTER_GAP_RE.sub("", line)))}
    if not starts:
        return text
    _bar_header_rows_joined(lines, starts, vocab)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        found = _delimited_header(line, vocab) if i in starts and "\t" not in line and len(line) <= 200 else None
        if found is None:
            out.append(line)
            i += 1
            continue
        name, delimiter, header, columns = found
        rows: list[list[str]] = []
        # Rows closed by a bar (`… | 区住建局 |`): a row line that ends without one is unfinished, its last cell goes on
        # on the next line (a cell holding a line break: `区住建局` / `区自然资源局 |`).
        closing = name == "bar" and re.search(r"[|｜]\s*$", line) is not None
        open_row = False
        end = j = i + 1
        while j < len(lines):
            cur = lines[j].strip()
            if not cur or _BAR_RULE_RE.match(cur):
                j += 1
                continue
            cells = _split_cells(cur, delimiter)
            if cells == header or [_unspaced(c) for c in cells] == header:
                j = end = j + 1  # the header repeated (a page break)
                continue
            if "\t" in cur:
                break
            if rows and open_row and cells and _SERIAL_RE.match(cells[0]) and _SERIAL_RE.match(rows[-1][0].strip()) \
                    and len(cells) >= 2:
                # the unfinished row is followed by the next row (it opens with its 序号): cut, never joined
                rows[-1].append(_CUT_CELL)
                open_row = False
            if rows and open_row and cells:
                rows[-1][-1] = join_cell_lines([rows[-1][-1], cells[0]])  # the unfinished row's last cell goes on
                rows[-1].extend(cells[1:])
            elif rows and _goes_on_row(rows[-1], cells, header, columns):
                rows[-1][-1] = join_cell_lines([rows[-1][-1], cells[0]])  # a cell that wrapped onto the next line: the row goes on (units one a line: a list)
                rows[-1].extend(cells[1:])
            elif len(cells) >= 2:
                rows.append(cells)
            elif len(cells) == 1 and _spanning_text(cur, vocab) and _next_is_row(lines, j + 1, delimiter):
                rows.append([cur])
            else:
                break
            open_row = closing and len(rows[-1]) > 1 and re.search(r"[|｜]\s*$", cur) is None
            j = end = j + 1
        if rows and open_row:
            rows[-1].append(_CUT_CELL)  # (the table, or the text, ends inside its last row: cut — kb/parser/tables.py _aligned_rows)
        full = sum(1 for r in rows if len(r) in (len(header), len(header) + 1))
        if not any(len(r) > 1 for r in rows) or (name == "spaces" and full * 3 < len([r for r in rows if len(r) > 1]) * 2):
            out.append(line)
            i += 1
            continue
        out.append("\t".join(_with_serial_column(header, columns, rows)))
        out.extend("\t".join(r) for r in rows)
        if end < len(lines) and lines[end].strip():
            out.append("")
        i = end
    return "\n".join(out)


def _bar_header_rows_joined(lines: list[str], starts: set[int], vocab: TableVocabulary) -> None:
    """A bar table's header written over TWO rows — a group cell (责任单位) with its other cells left empty, then a row
    naming the cells under it (``序号 | 工作任务 | 责任单位 | | 完成时限 |`` over ``| | 牵头单位 | 配合单位 | |``) — → one
    header line in the first's place (each column named by the second row's word, else the first's), the second line
    blank.  Only when the first row holds an empty cell and is no header as it stands, the two rows have as many cells
    (cut the way the first row writes its bars), every word of the second row names a column and stands under an empty
    cell or under a cell the first row writes once over it (the group), and the joined line is a task table's header
    (``_delimited_header``).  In place, on ``lines`` (tests/test_tables_bar_two_header_rows.py)."""
    for k in sorted(starts):
        line = lines[k].strip()
        if not re.search(r"[|｜]", line) or "\t" in line or _delimited_header(lines[k], vocab) is not None:
            continue
        j = k + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or not re.search(r"[|｜]", lines[j]):
            continue
        opens, closes = bool(re.match(r"[|｜]", line)), bool(re.search(r"[|｜]$", line))

        def cells(text: str) -> list[str]:
            pieces = [c.strip() for c in re.split(r"[|｜]", text.strip())]
            return pieces[1 if opens else 0: len(pieces) - 1 if closes else len(pieces)]

        first, second = cells(line), cells(lines[j])
        if len(first) != len(second) or len(first) < 3 or all(first) or sum(1 for c in second if c) < 2:
            continue
        if any(c and (not header_columns([c], vocab) or (first[x] and not any(not a for a in first[x + 1: x + 2])))
               for x, c in enumerate(second)):
            continue  # (a word under a cell of its own that no empty cell follows: a row of the table, not a header's)
        if any(not a and not b for a, b in zip(first, second)):
            continue  # (a column neither row names)
        bar = "｜" if "｜" in line else "|"
        joined = f" {bar} ".join(b or a for a, b in zip(first, second)) + f" {bar}"
        if _delimited_header(joined, vocab) is None:
            continue
        lines[k], lines[j] = joined, ""


#: The cell closing a row whose line ends inside a cell (a bar table's row cut by the text's end, or followed by the next
#: row): read by ``rule_find_tables`` and never left in the text (a private-use character no plan writes).
_CUT_CELL = "\ue000"


def _cut_rows(block: list[list[str]]) -> tuple[list[list[str]], frozenset[int]]:
    """The block's rows without their cut marks, and the indices of the rows that were cut."""
    cut = frozenset(k for k, cells in enumerate(block) if cells and cells[-1] == _CUT_CELL)
    return [cells[:-1] if k in cut else cells for k, cells in enumerate(block)], cut


@lru_cache(maxsize=4)
def _role_header_re(vocab: TableVocabulary) -> re.Pattern:
    """The words naming someone responsible or a deadline: a line holding none is no task table's header."""
    words = "|".join(re.escape(w) for w, col in vocab.words if col in ("lead", "support", "responsible", "deadline"))
    return re.compile(words)


def _with_serial_column(header: list[str], columns: dict[str, int], rows: list[list[str]]) -> list[str]:
    """The header with a 序号 cell put first when it names no number column and most rows have one cell more
    than it, a number first (``实事项目 | …`` over ``1 | 新建…``): the rows number themselves."""
    many = [r for r in rows if len(r) > 1]
    serial = [r for r in many if len(r) == len(header) + 1 and _SERIAL_RE.match(r[0].strip())]
    if "number" not in columns and serial and len(serial) * 2 >= len(many):
        return ["序号", *header]
    return header


def _goes_on_row(row: list[str], cells: list[str], header: list[str], columns: dict[str, int]) -> bool:
    """True when ``cells`` continue ``row`` (a cell holding a line break, the row written over several lines): the
    rows number themselves, ``row`` does and is short of the header's width, ``cells`` start with no number, and
    either the two together make the width exactly (the wrapped cell counted once) or ``cells`` is the wrapped
    cell's next line alone after a cell ending in 、，； (a merged-cell row, short by itself, is never extended
    by a heading line)."""
    width = len(header) + (0 if "number" in columns else 1)
    if len(row) < 2 or not _SERIAL_RE.match(row[0]) or len(row) >= width or _SERIAL_RE.match(cells[0]):
        return False
    if len(cells) == 1:  # a line of the wrapped cell alone: only after a cell that says it goes on (，、…)
        return bool(re.search(r"[，、,；;（(《“]$", row[-1])) and len(row) + len(cells) - 1 < width
    return len(row) + len(cells) - 1 == width


def _spanning_text(text: str, vocab: TableVocabulary) -> bool:
    """A row spanning the table copied as its text alone: short, no sentence, no attachment caption."""
    return len(text) <= 40 and not re.search(r"[。；;]", text) and not vocab.caption.match(text)


def _next_is_row(lines: list[str], k: int, delimiter: re.Pattern) -> bool:
    while k < len(lines) and not lines[k].strip():
        k += 1
    return k < len(lines) and len(_split_cells(lines[k], delimiter)) >= 2


def rule_find_tables(state) -> None:
    """Take task tables (and their captions) out of ``state.text``; other tables become ``｜`` lines."""
    from kb.parser.flattened import (cells_one_a_line, glued_cell_lines, glued_header_tables, glued_row_lines_joined,
                                     glued_tables, headerless_tables,
                                     self_numbered_rows, split_spaced_rows)

    from kb.parser.cleanup import remove_pinyin_glosses

    state.text, state.page_fields = page_field_rows(state.text)
    if load_vocabulary().target_tables:
        # (a table of targets one cell a paragraph → tab rows, before the task-table rules look for headers)
        from kb.parser.flattened import flattened_target_tables

        state.text = flattened_target_tables(state.text, target_header, load_vocabulary().target_tables[0])
    if "(" in state.text or "（" in state.text:
        # (a mirror's pinyin glosses — 县发(fā)展和改革局 — break a table cell's unit names and the cell's fit to its column;
        # cleanup drops them from the text later, the tables are taken out before: the same function, run first here)
        state.text = "\n".join(remove_pinyin_glosses(state.text.split("\n")))
    state.text = glued_row_lines_joined(state.text, load_vocabulary(), header_columns, is_task_header)
    state.text, uncut = glued_header_tables(state.text, load_vocabulary(), header_columns, is_task_header, _unit_like,
                                            _time_like)
    if uncut:
        state.doc.warnings.append(warning("table_glued_rows_uncut", count=uncut))
    state.text = glued_tables(state.text, load_vocabulary(), header_columns, is_task_header)
    state.text, unproved = glued_cell_lines(state.text, load_vocabulary(), header_columns, is_task_header, _unit_like,
                                            _time_like)
    if unproved:
        state.doc.warnings.append(warning("table_glued_cells_unproved", count=unproved))
    state.text = delimited_rows_to_tabs(cells_one_a_line(quoted_tab_cells(state.text)))
    state.text = split_spaced_rows(state.text, load_vocabulary(), header_columns, is_task_header)
    state.text = self_numbered_rows(state.text, load_vocabulary(), header_columns, is_task_header, _unit_like, _time_like)
    state.text, categories = headerless_tables(state.text, load_vocabulary(), header_columns, _unit_like, _time_like)
    _take_flattened(state, categories)
    state.text = bar_rows_to_tabs(state.text)
    if "\t" not in state.text:
        return
    vocab = load_vocabulary()
    state.text = _caption_rows_as_lines(state.text, vocab)
    lines = state.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    page = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" not in line:
            page += line.count("\f")
            out.append(line)
            i += 1
            continue
        j = i
        while j < len(lines) and ("\t" in lines[j] or _spanning_line(lines, j, vocab) or _blank_within(lines, i, j, vocab)):
            j += 1
        while j > i and not lines[j - 1].strip():
            j -= 1
        block, cut = _cut_rows([ln.split("\t") for ln in lines[i:j]])
        block = _records_as_rows(block, vocab)
        paged = "\f" in state.text
        previous = state.tables[-1] if state.tables else None
        if previous is not None and _goes_on(previous, block, out, paged):
            _continue_table(previous, block, page)
            out.append("")
            i = j
            continue
        table = _task_table(block, vocab, page if paged else None, cut)
        if table is None and _is_grid(block):
            out.extend("｜".join(c.strip() for c in cells if c.strip()) for cells in block)
        elif table is None:
            out.extend(ln.replace("\t" + _CUT_CELL, "") for ln in lines[i:j])  # tabs used as spacing: plain text
        else:
            table.number = len(state.tables) + 1
            table.end = len(out) + 1
            table.caption, table.title = _take_caption(out, vocab)
            table.lines_before = _lines_before(out)
            table.lines_beside = _lines_beside(lines, j, out)
            state.tables.append(table)
            out.append("")
        i = j
    state.text = "\n".join(out)


def rule_page_fields(state) -> None:
    """The page metadata rows ``rule_find_tables`` took out of the text (``page_field_rows``) open the document's
    preface, as a page's metadata lines do (the page's date and 文号 are read there)."""
    if state.page_fields:
        state.doc.preface = "\n".join([*state.page_fields, *([state.doc.preface] if state.doc.preface else [])])


def _caption_rows_as_lines(text: str, vocab: TableVocabulary) -> str:
    """A table's first row that is one cell across it naming the attachment (``附件2 某市…任务分工表`` in a web page's or a
    DOCX table, written with the other cells empty) is the table's caption, a line of its own: it ends the table before
    it (else the two tables are one block and neither is read) and is taken as the next table's caption (cited
    ``附件2``).  Only a cell opening with a caption word (tables.yaml annex_words) and a number or a title, no sentence."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if "\t" not in line:
            continue
        filled = [c.strip() for c in line.split("\t") if c.strip()]
        if len(filled) == 1 and vocab.caption.match(filled[0]) \
                and len(filled[0]) <= 60 and not re.search(r"[。；;，,]", filled[0]):
            lines[k] = filled[0]
    return "\n".join(lines)


_TIME_RE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|全年|年内|年底|年末|季度|[上下]半年|长期|持续|常态|每[年月季]|前完成|\d{4}[-—–]\d{2,4}")


def _time_like(cell: str) -> bool:
    """A time cell: short, and a date or time words (2019年3月, 全年, 长期坚持, 2023-2025)."""
    return len(cell) <= 25 and bool(_TIME_RE.search(cell)) and not re.search(r"[。；]", cell)


def _unit_like(cell: str) -> bool:
    """A cell of units: no sentence, and most of its names end like units or are generic groups."""
    from kb.parser import roles
    from kb.registry import EMPTY

    vocab = roles.load_vocabulary()
    rule = _CELL_RULE_RE.search(cell)
    if rule and vocab.any_lead_rule.search(rule.group(1)):
        cell = cell[: rule.start()].rstrip("，,；; ")  # (a cell closing with its lead rule: the rule is no name)
    if re.search(r"[。；;：:]", cell) or len(cell) > 200:
        return False
    # (its names as written, never cut as glued units: a sentence's words cut at a level character — 健全社|区学院, the 区
    # of 社区 — would end like units; tests/test_tables_misfit_sentence.py)
    names = [vocab.list_tail.sub("", n).strip() for seg, _ in roles.cell_segments(cell, "sole", vocab) for n in _written_names(seg)]
    names = [n for n in names if n]
    if not names:
        return False
    good = sum(1 for n in names if roles.looks_like_unit(n, vocab, EMPTY))
    return good * 2 >= len(names) and all(len(n) <= 30 for n in names)


def _take_flattened(state, categories: frozenset[str] = frozenset()) -> None:
    """Flattened task tables (one cell a paragraph) → TaskTables; their paragraphs leave the text.  ``categories``: the
    category rows of tables found without their header (rows spanning the table)."""
    from kb.parser.flattened import find_flattened

    vocab = load_vocabulary()
    found = find_flattened(state.text, vocab, header_columns, is_task_header, _unit_like, _time_like, categories)
    if not found:
        return
    lines = state.text.split("\n")
    out: list[str] = []
    i = 0
    for first, after, flat in found:
        out.extend(lines[i:first])
        columns = header_columns(flat.header, vocab)
        named = set(columns.values())
        category = next((c for c in range(columns.get("number", 0)) if c not in named), None)
        if category is not None and "name" not in columns:
            columns["name"] = category  # (a column before 序号 naming no column: the rows' category, as the regrouping read it)
        rows = [(r.number, _task_cell_kept(r, columns), None) for r in flat.rows]
        table = TaskTable(list(flat.header), columns, rows, None, None, len(state.tables) + 1, flat=True)
        # (by the row's place in the table: a row's second line under its merged 序号 shares its number)
        table.row_notes = {k: (r.notes, r.warnings) for k, r in enumerate(flat.rows) if r.number and (r.notes or r.warnings)}
        table.units_unplaced = {k: r.units_unplaced for k, r in enumerate(flat.rows) if r.number and r.units_unplaced}
        unsure = sum(1 for r in flat.rows if r.warnings)
        if unsure:
            table.warnings.append(warning("table_rows_uncertain", count=unsure))
        table.caption, table.title = _take_caption(out, vocab)
        table.lines_before = _lines_before(out)
        table.lines_beside = _lines_beside(lines, after, out)
        state.tables.append(table)
        state.doc.warnings.extend(table.warnings)
        out.append("")
        i = after
    out.extend(lines[i:])
    state.text = "\n".join(out)


def _task_cell_kept(row, columns: dict[str, int]) -> list[str]:
    """A flattened row's cells; when its task cell is not proved (two ways place the row's paragraphs apart: a person
    or a category's name beside the task), the paragraphs no cell took are its task cell — the row keeps its text (with
    its warning; they give no role), never vanishes for want of a task cell."""
    task = columns.get("task")
    if task is None or not row.number or task >= len(row.cells) or row.cells[task] or not row.warnings:
        return row.cells
    placed = "".join((c or "").replace("\n", "") for c in row.cells)
    left = [p.replace("\n", "") for p in row.own if p.replace("\n", "") not in placed and p.strip() not in ("—", "|")]
    if not left:
        return row.cells
    return row.cells[:task] + ["；".join(left)] + row.cells[task + 1:]


def _records_as_rows(block: list[list[str]], vocab: TableVocabulary) -> list[list[str]]:
    """A table of key–value records turned on its side (广州 2023: ``重点工作: | 135.… |`` /
    ``牵头单位: | 市城市管理综合执法局 |`` / ``年度阶段性工作目标: | … |``) → a header row of its keys and
    one row per record, so it is read like any task table.  Only a block of two-cell rows whose
    keys name a task column and someone responsible or a deadline; a record starts at each task key."""
    if len(block) < 2 or any(len([c for c in cells if c.strip()]) > 2 or len(cells) != 2 for cells in block):
        return block
    keys = [header_columns([cells[0]], vocab) for cells in block]
    named = {col for k in keys for col in k}
    if not keys[0].get("task") == 0 or not is_task_header({c: 0 for c in named}):
        return block
    header: list[str] = []
    records: list[dict[str, str]] = []
    for cells, key in zip(block, keys):
        name = re.sub(r"[\s:：]+$", "", cells[0].strip())
        if key.get("task") == 0:
            records.append({})
        if name not in header:
            header.append(name)
        records[-1][name] = cells[1].strip()
    return [header] + [[r.get(h, "") for h in header] for r in records]


def _lines_beside(lines: list[str], j: int, out: list[str]) -> list[str]:
    """Up to three non-blank lines of the text from ``j`` (under a table), then up to three of ``out`` from its end (above
    it), nearest first."""
    def first_three(seq) -> list[str]:
        found: list[str] = []
        for ln in seq:
            ln = ln.replace("\f", "").strip()
            if ln and "\t" not in ln:
                found.append(ln)
                if len(found) == 3:
                    break
        return found

    return first_three(lines[j:]) + first_three(reversed(out))


def _table_lead_rule(state, table: TaskTable, vocab) -> str | None:
    """The lead rule a table's rows are read under when none of its cells states one: a note beside it (the lines right
    under it, then those right above it: 注：主要责任单位第一个为牵头单位) else the plan's own (its cover notice, a tag: the
    rule the plan states once for its lists).  A table's 主要责任单位 cell is such a list."""
    from kb.parser import roles

    for line in table.lines_beside:
        rule = roles.DocumentRules().read(line, vocab)
        if rule:
            table.lead_rule_text = line
            return rule
    table.lead_rule_text = state.rules.lead_rule_text or ""
    return state.rules.lead_rule


def _lines_before(out: list[str]) -> list[str]:
    """Up to five non-blank lines of the rebuilt text before a table (five: one more than a title may have)."""
    found: list[str] = []
    for ln in out:
        ln = ln.replace("\f", "").strip()
        if ln:
            found.append(ln)
            if len(found) == 5:
                break
    return found


#: What a document's title line holds none of: sentence punctuation.
_SENTENCE_PUNCT_RE = re.compile(r"[。，,；;！？!?：:]")


def rule_table_title(state) -> None:
    """A document that is a task table under a short line naming it (``临安区2022年民生实事项目``, ``XX区2022年预期
    目标任务分解表``) has that line as its title, though it ends in no document word (方案, 计划 …) the structure
    rule knows: the first table stands after at most four lines, none a sentence (the title, a date line, an
    issuer), and the structure rule found no title.  Without such a line, the caption's title of a table
    that is the whole text (``附件`` / ``重点任务清单`` / table) names the document.  The line is the title, no
    paragraph (so never a task)."""
    if not state.tables or state.outline is None or state.outline.title != state.doc.id:
        return
    from kb.parser.cleanup import PART_HEADING_RE, SECTION_HEADING_RE, strip_glued_page_number

    first = state.tables[0]
    before = [strip_glued_page_number(ln) for ln in first.lines_before]  # (—1—《…》…: cleanup drops the page number)
    if len(before) > 4 or any(_SENTENCE_PUNCT_RE.search(ln) or len(ln) > 60 for ln in before):
        return
    if before:
        line = before[0]
        if (PART_HEADING_RE.match(line) or SECTION_HEADING_RE.match(line) or _SERIAL_RE.match(line)
                or re.fullmatch(r"[\d年月日.\-/（）()]+", line)):
            return  # a heading, a number or a date line names no document
        blocks = state.outline.blocks
        if not blocks or blocks[0].text.strip() != line or blocks[0].part:
            return
        del blocks[0]
        state.outline.title = state.doc.title = line
    elif first.title:
        state.outline.title = state.doc.title = first.title


def _blank_within(lines: list[str], first: int, j: int, vocab: TableVocabulary) -> bool:
    """A blank line between two rows of one tab table (a text with a blank line after each paragraph): the
    next non-blank line is a row as wide as the row above, and no header of a table of its own."""
    if lines[j].strip() or "\f" in lines[j] or "\t" not in lines[first]:
        return False  # (a page break is no blank line: the next page's part is joined by _goes_on)
    k = j + 1
    while k < len(lines) and not lines[k].strip() and "\f" not in lines[k] and k < j + 3:
        k += 1
    if k >= len(lines) or "\t" not in lines[k]:
        return False
    above = j - 1
    while above > first and not lines[above].strip():
        above -= 1
    cells = lines[k].split("\t")
    return len(cells) == len(lines[above].split("\t")) and not is_task_header(header_columns(cells, vocab))


def _is_grid(block: list[list[str]]) -> bool:
    """Rows of a table: two or more, most with two or more filled cells."""
    filled = [sum(1 for c in cells if c.strip()) for cells in block]
    return len(block) >= 2 and sum(n >= 2 for n in filled) * 2 > len(block)


def _spanning_line(lines: list[str], j: int, vocab: TableVocabulary) -> bool:
    """A line without a tab between two tab-separated rows: a row spanning the table copied as text (a web
    table pasted from the browser writes its merged heading row as its text alone).  Short, no sentence,
    no attachment caption, and the lines before and after it are rows."""
    text = lines[j].strip()
    if not text or "\t" in lines[j] or len(text) > 40 or re.search(r"[。；;]", text) or vocab.caption.match(text):
        return False
    if j == 0 or "\t" not in lines[j - 1]:
        return False
    k = j + 1
    while k < len(lines) and not lines[k].strip() and k < j + 3:  # (a blank line or two may stand between)
        k += 1
    return k < len(lines) and "\t" in lines[k]


def _task_table(block: list[list[str]], vocab: TableVocabulary, page: int | None,
                cut: frozenset[int] = frozenset()) -> TaskTable | None:
    """The task table a block of rows is (its header among its first three rows), else None; ``cut``: the block's rows
    cut off inside a cell (``_CUT_CELL``)."""
    for h, cells in enumerate(block[:3]):
        columns = header_columns(cells, vocab)
        # (a table of named items with no unit column — an indicator system 一级指标 | 二级指标 | 评价标准 | 指标含义 — is read
        # row by row too: each row an item, name first, its header row never an item)
        items = "task" in columns and len(cells) >= 3 and names_items(cells[columns["task"]], vocab) and len(block) > h + 1 \
            and target_header(cells, vocab) is None  # (a table of targets is a value table: rule_target_rows)
        if is_task_header(columns) or items:
            sub = _sub_header(cells, block[h + 1] if h + 1 < len(block) else [], vocab)
            if sub is not None:
                # a second header row naming the columns under a merged group cell (责任单位 over 牵头单位 | 配合单位)
                cells, columns, h = sub, header_columns(sub, vocab), h + 1
            header = _with_serial_column([c.strip() for c in cells], columns, [[c.strip() for c in r] for r in block[h + 1 :]])
            if len(header) > len(cells):
                columns = header_columns(header, vocab)
            table = TaskTable(header, columns, [], None, None, 0)
            table.rows = _aligned_rows(table, [[c.strip() for c in r] for r in block[h + 1 :]], h + 2, page,
                                       frozenset(k - h - 1 for k in cut if k > h))
            group_column(table, vocab)
            return table
    return None


@dataclass(slots=True)
class TargetHeader:
    """The header of a table of targets (tables.yaml ``target_tables``)."""

    name: int
    """The indicator's column."""
    unit: int | None
    """The unit column, if any."""
    target: int
    """The column of the figure to reach: the last value column whose header holds no base word."""
    year: int | None
    """The year its header names (2025年 → 2025), else None (目标值)."""
    width: int
    """The number of header cells."""


_HEADER_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")


def target_header(cells: list[str], vocab: TableVocabulary | None = None) -> TargetHeader | None:
    """The header of a table of targets (``指标名称 | 单位 | 2022年 | 2025年 | 属性``, ``序号 | 指标 | 单位 | 目标值``), else
    None: an indicator word first (after an optional 序号), then only unit, value and attribute headers, at least one
    value column that is no base (2020年基期值, 现状值)."""
    vocab = vocab or load_vocabulary()
    if not vocab.target_tables:
        return None
    names, units, value, base, attributes = vocab.target_tables
    keys = [re.sub(r"[\s:：]", "", c) for c in cells]
    first = 1 if keys and header_columns([keys[0]], vocab).get("number") == 0 else 0
    if len(keys) - first < 3 or keys[first] not in names:
        return None
    unit = target = year = None
    for i in range(first + 1, len(keys)):
        key = keys[i]
        if key in units and unit is None:
            unit = i
        elif value.fullmatch(key):
            if not any(w in key for w in base):
                target = i
                m = _HEADER_YEAR_RE.match(key)
                year = int(m.group(1)) if m else None
        elif key not in attributes:
            return None
    if target is None:
        return None
    return TargetHeader(first, unit, target, year, len(keys))


#: The shortest mean length of a work column's cells (a text column, never a column of short codes or names).
_WORK_CELL_MIN = 8


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of equal consecutive values (an empty value is a run of its own)."""
    out: list[tuple[int, int]] = []
    for k, v in enumerate(values):
        if out and v and values[out[-1][0]] == v:
            out[-1] = (out[-1][0], k + 1)
        else:
            out.append((k, k + 1))
    return out


def group_column(table: TaskTable, vocab: TableVocabulary | None = None) -> None:
    """A task column that is the rows' CATEGORY (decision, session 18, tables7): its cells repeat over runs of rows (a
    merged cell — a web page's rowspan, a Word or Excel merged cell, a PDF's merged cell filled from above all come here
    as the value in every row it covers) while a later text column naming no column (工作要求, 具体工作要求, 推进措施)
    changes on every row of each run: the changing column is each row's task.  The category then becomes

    * the rows' GROUP (``table.columns["group"]``): a heading over its run, a part (``一、…``) or section as a row
      spanning the table would be — the row's task text is its work cell, the group title its section; or
    * the rows' NAME (``table.columns["name"]``) when the 序号 column runs with it (one numbered item cut into sub-rows:
      ``附件2-1-1``, as a 工作事项 over its 主要内容).

    A table whose task column changes every row, whose repeating column sits beside units or dates only, or whose task
    column names items (指标名称, 一级指标: an indicator system has its own reading) is left as it is."""
    vocab = vocab or load_vocabulary()
    t = table.columns.get("task")
    if t is None or names_items(table.header[t], vocab):
        return
    data = [cells for _, cells, _ in table.rows if sum(1 for c in cells if c.strip()) >= 2]
    if len(data) < 3:
        return

    def column(i: int) -> list[str]:
        return [cells[i].strip() if i < len(cells) else "" for cells in data]

    groups = column(t)
    runs = _runs(groups)
    if not any(e - s >= 2 for s, e in runs) or len(runs) == len(data) or not all(groups):
        return
    for w in range(t + 1, len(table.header)):
        if w in table.columns.values() or header_columns([table.header[w]], vocab):
            continue  # (a column the header names — units, dates, a field — is no work column)
        work = column(w)
        if not all(work) or sum(len(c) for c in work) < _WORK_CELL_MIN * len(work) \
                or sum(1 for c in work if _unit_like(c) or _time_like(c)) * 2 > len(work):
            continue
        if any(len(set(work[s:e])) < e - s for s, e in runs):
            continue  # (an item repeated inside its category is no item of its own)
        numbers = column(table.columns["number"]) if "number" in table.columns else []
        table.columns["task"] = w
        if numbers and all(len({n for n in numbers[s:e] if n}) <= 1 for s, e in runs) and len(_runs(numbers)) < len(data):
            table.columns["name"] = t  # (序号 runs with it: one numbered item in sub-rows, the category its name)
        else:
            table.columns["group"] = t
        return


def _sub_header(cells: list[str], below: list[str], vocab: TableVocabulary) -> list[str] | None:
    """A header row followed by a second one (a group cell merged over sub-columns: 责任单位 over 牵头单位 | 配合单位, 责任单位及
    责任人 over 牵头单位 | 责任领导; the other cells merged down, written empty — or repeated, as a web page's rowspan, Word's
    and Excel's merged cells and a PDF's come) → the header's cells with the second row's words in their places; None when
    the row below is not such a row: its number cell is empty or the first row's, every cell it writes anew names a
    column, at least one of them names someone responsible or a person (lead, support, responsible, leader: a person is
    never a unit — session 18), and one stands under a cell the first row leaves empty."""
    if len(below) != len(cells) or below[0].strip() not in ("", cells[0].strip()):
        return None
    written = [i for i, c in enumerate(below) if c.strip() and c.strip() != cells[i].strip()]
    if not written or any(not header_columns([below[i]], vocab) for i in written):
        return None
    roles = {col for i in written for col in header_columns([below[i]], vocab)}
    if not roles & {"lead", "support", "responsible", "leader"} or not any(not cells[i].strip() for i in written):
        return None
    return [below[i].strip() or cells[i].strip() for i in range(len(cells))]


def _aligned_rows(table: TaskTable, rows: list[list[str]], first: int, page: int | None,
                  cut: frozenset[int] = frozenset()) -> list[tuple[int, list[str], int | None]]:
    """Rows numbered from ``first``; a row with fewer cells than the header and more than one (a web table
    copied as text leaves out the cells a merged cell covers: ``2 | 新建… `` under ``1 | “光伏+地铁”工程 |
    充分利用… | 申通地铁集团``) has its cells put in their columns by the regrouping's costs
    (``kb.parser.flattened.align_row``) and takes the columns it lacks from the row above, with a note;
    when its cells' columns are not certain it is kept as it is, with a warning."""
    from kb.parser.flattened import align_row, column_kinds, may_merge

    width = len(table.header)
    kinds = column_kinds(table.header, table.columns, load_vocabulary())
    names = {idx: col for col, idx in table.columns.items()}
    if "lead" in table.columns and "responsible" in table.columns \
            and "support" in joined_roles_of(table.header[table.columns["responsible"]]):
        names[table.columns["responsible"]] = "support"  # (配合/责任单位 beside 牵头单位: a cell a row may lack, never merged)
    table_names = dict(names)
    if "lead" not in table.columns and "responsible" in table.columns:
        # 责任单位 without a 牵头 column is the row's main unit column: a row leaves it out less often than its
        # 配合单位 (its absence costs what a lead cell's does), so ``… | 区委宣传部`` fills 责任单位, not 配合单位.
        names[table.columns["responsible"]] = "lead"
    out: list[tuple[int, list[str], int | None]] = []
    above: list[str] | None = None
    for k, cells in enumerate(rows):
        number = first + k
        filled = [c for c in cells if c]
        if len(filled) <= 1:
            out.append((number, cells, page))
            if filled:
                above = None  # a row of one cell is a heading row: a merged cell never runs across it
            continue
        if k in cut:
            # A row whose line ends inside a cell (no closing bar: the text ends there, or the next row follows): it
            # writes its first cells, the rest are not in the text — read left to right, nothing taken from the row
            # above (a merged cell is not provable), and said (tests/test_tables_cut_rows.py).
            table.row_notes[number] = ([], [warning("table_row_cut", number=number, column=table.header[len(cells)]
                                                    if len(cells) < width else table.header[-1])])
            table.cut_rows.add(number)
            out.append((number, cells, page))
            above = None
            continue
        # Only a row written with fewer cells than the header is short; a full row's empty cells stay
        # where they stand (ingestion writes every row at the table's width).
        at = _numbered_continuation(filled, above) if len(cells) < width and above is not None else None
        if at is not None:
            # The row's first cell numbers the item after the one in column ``at`` of the row above (2.… under 1.…): the
            # cells before that column are merged over both rows (a category, 工作任务 一、… over its items — group_column
            # reads it) and the row writes from that column on; its later cells placed by the costs, none taken from above.
            tail = filled if len(filled) == width - at else align_row(
                filled, kinds[at:], _unit_like, _time_like, {i - at: n for i, n in names.items() if i >= at})
            if tail is not None:
                notes = [f"{table.header[c]}：{above[c]}（合并单元格，取自上一行）" for c in range(at) if above[c]]
                cells = above[:at] + [v or "" for v in tail]
                table.row_notes[number] = (notes, [])
                out.append((number, cells, page))
                above = cells
                continue
        if len(cells) < width:
            placed = align_row(filled, kinds, _unit_like, _time_like, names)
            if placed is not None:
                notes = []
                row = []
                for c, value in enumerate(placed):
                    if value is None and above is not None and above[c] and may_merge(table_names.get(c, "other")):
                        notes.append(f"{table.header[c]}：{above[c]}（合并单元格，取自上一行）")
                        value = above[c]
                    row.append(value or "")
                table.row_notes[number] = (notes, [])
                cells = row
            else:
                table.row_notes[number] = ([], [f"表格第{number}行只有{len(filled)}格，少于表头的{width}格，不能确定各格属于哪一列：按从左到右读取"])
        out.append((number, cells, page))
        if len(cells) >= width:
            above = cells
    return out


#: A cell opening with its item's number (``2.围绕…``, ``12、推进…``).
_ITEM_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*[.．、](?!\d)")


def _numbered_continuation(filled: list[str], above: list[str]) -> int | None:
    """The column of the row above whose item this short row's first cell numbers on (``2.…`` after ``1.…`` in column
    2, the cells before it a category merged over both rows), else None; never column 0 (no merged cell before it)."""
    m = _ITEM_NUMBER_RE.match(filled[0]) if filled else None
    if m is None:
        return None
    for at, cell in enumerate(above):
        n = _ITEM_NUMBER_RE.match(cell)
        if n and int(n.group(1)) + 1 == int(m.group(1)):
            return at if at > 0 and all(above[:at]) and len(filled) <= len(above) - at else None
    return None


def _goes_on(table: TaskTable, block: list[list[str]], out: list[str], paged: bool) -> bool:
    """True for a block that continues ``table`` on the next PDF page: only page breaks and
    blank lines between them, and as many columns."""
    if not paged or getattr(table, "end", None) is None:
        return False
    between = out[table.end :]
    return (any("\f" in ln for ln in between) and all(not ln.replace("\f", "").strip() for ln in between)
            and max(len(r) for r in block) == len(table.header))


def _continue_table(table: TaskTable, block: list[list[str]], page: int) -> None:
    """Rows of the next page's part of ``table``; a repeated header row is no row of its own."""
    number = table.rows[-1][0] if table.rows else 1
    for cells in block:
        cells = [c.strip() for c in cells]
        if cells == table.header:
            continue
        number += 1
        table.rows.append((number, cells, page))


#: A title line that names a table (任务分工表, 重点任务清单, 责任分解, 台账).
_TABLE_NAME_END_RE = re.compile(r"(?:表|清单|台账|分解|分工|方案|计划|体系)[)）]?$")


def _take_caption(out: list[str], vocab: TableVocabulary) -> tuple[str | None, str | None]:
    """Take the caption (``附件1``, then up to two title lines) standing right before a table.

    Without an attachment caption nothing is taken: a title line before the table is then
    the document's own title.
    """
    seen: list[int] = []
    k = len(out) - 1
    while k >= 0 and len(seen) < 3:
        text = out[k].replace("\f", "").strip()
        if text:
            m = vocab.caption.match(text)
            if m:
                lines = ([text[m.end() :].strip()] if text[m.end() :].strip() else []) + [out[i].replace("\f", "").strip() for i in reversed(seen)]
                # The title runs to the last line that names the table (任务分工表, 重点任务清单); a line after
                # it is a note on the table (打*的为具体项目), kept in brackets after the title.
                named = max((n for n, ln in enumerate(lines) if _TABLE_NAME_END_RE.search(ln)), default=len(lines) - 1)
                notes = lines[named + 1 :]
                title = "".join(lines[: named + 1]) + "".join(f"（{n}）" for n in notes) if lines else None
                for idx in seen + [k]:
                    out[idx] = "\f" * out[idx].count("\f")
                return vocab.caption_cite(m), title  # 附件1, 附表1
            if len(text) > 40 or any(p in text for p in "。；"):
                break
            seen.append(k)
        k -= 1
    return None, None


# --- rule 2: rows → tasks --------------------------------------------------------------


def rule_table_tasks(state) -> None:
    """Rows of task tables → roles of the text's paragraphs they restate, or tasks of their own.

    When the text has parts of its own (the table is an attachment), each row is matched to the text's
    paragraphs (``_matching_task``) and the rows are given per paragraph (decision, session 10):

    * The table never removes a paragraph of the text: the body's items, its counts and labels stay.
    * A paragraph is linked one-to-one to a row only by a **strong** match — the row's name cell (工作事项,
      任务名称) is the paragraph's title, or its task cell is the title or the paragraph's own text (up to
      punctuation; rapidfuzz ≥ 95 only confirms a text that opens as the paragraph's does) — and only when no
      other row of the table names that paragraph.  The linked paragraph takes the row's roles (when its own
      tag has none; a disagreement is a warning), its time cell, its other cells as fields (year columns,
      备注) and, when the row words the task otherwise, the row's task cell as a field under its header word.
    * A row whose task cell is only a part of a paragraph (the table cuts the paragraph into rows), or a
      paragraph several rows name (one 工作事项 over 1–4 sub-rows): the rows stay rows, each a task of its
      own with its roles, time words and fields, cited by the caption, 序号 and sub-row (``附件2-1-2``); the
      paragraph keeps its text, roles only if its own tag writes them, and a note naming its rows.  When its
      own tag names units, a row naming the same units adds only its citation (it would list the same work
      twice for those units); a row naming others is a task of its own.
    * A row only loosely like a paragraph (rapidfuzz partial ratio alone) is linked to nothing."""
    if not state.tables:
        return
    from kb.parser import roles

    vocab = roles.load_vocabulary()
    attached = bool(state.outline and state.outline.parts)
    taken: set[int] = set()
    normed: dict[int, tuple[str, frozenset[str], str]] = {}
    for table in state.tables:
        rows = _table_rows(state, table, attached, vocab)
        if attached and target_header(table.header) is None:
            # (a row of a table of targets restates no paragraph: 规模以上电子信息制造业营业收入 standing in a task's text
            # made the row a part of it, and the row was lost)
            for row in rows:
                row.match, row.strong = _matching_task(state.tasks, row, taken, normed)
        groups: dict[int, list[_Row]] = {}
        for row in rows:
            if row.match is not None:
                groups.setdefault(id(row.match), []).append(row)
        linked: set[int] = set()  # rows (by id) whose paragraph takes them one-to-one
        for members in groups.values():
            para = members[0].match
            if len(members) == 1 and members[0].strong:
                linked.add(id(members[0]))
                continue
            if any(para.departments("any")):
                # The paragraph's own tag names its units: a row naming the same ones adds nothing but its
                # citation; a row naming others is a task of its own (the table divides the paragraph).
                mine = {n for role in ROLES for n in getattr(para, role)}
                parted = [r for r in members if r.role_key and {n for _, names in r.role_key for n in names} != mine]
                linked.update(id(r) for r in members if r not in parted)
            else:
                parted = members
            if not parted:
                continue
            keys = {_item_key(table, r) for r in members}
            if len(keys) == 1 and "" not in keys:
                # (the rows of one 序号 restating it: the paragraph is that numbered item, its rows shown under it)
                para.item = para.item or keys.pop()
            cites = "、".join(r.cite.split(" ", 1)[-1] for r in members)
            para.notes.append(f"{table.cite}{cites}复述本段的一部分，为一项任务，有自己的责任单位" if len(members) == 1 else
                              f"{table.cite}把本段分为{len(members)}行：{cites}；"
                              + "、".join(r.cite.split(" ", 1)[-1] for r in parted) + "各为一项任务，有各自的责任单位")
        for row in rows:
            if id(row) in linked:
                taken.add(id(row.match))
                _give_row(table, row.match, row)
                row.match.warnings.extend(w for w in row.warnings if w not in row.match.warnings)
            else:
                _own_task(state, table, row)


@dataclass(slots=True)
class _Row:
    """A row of a task table read into what a task needs (before it is matched to the text)."""

    number: int
    """Its row number (header row = 1) or 序号 (flattened tables)."""
    page: int | None
    """The PDF page it stands on."""
    body: str
    """The task cell."""
    name: str
    """The name cell (任务名称, 事项), else empty."""
    serial: str
    """The 序号 cell."""
    tag: str | None
    """The role cells labelled with the header's words."""
    parsed: object
    """The tag reader's reading of its role cells, or None."""
    deadline_cell: str
    """The time cell."""
    cite: str
    """``附件1 第3行`` / ``附表1 序号3``."""
    notes: list[str]
    """Notes of the row (责任领导, a merged cell taken from above)."""
    warnings: list[str]
    """Warnings of the regrouping."""
    fields: dict[str, str]
    """Cells of columns that hold no role."""
    place: tuple
    """(part, part title, section, section title) it stands under."""
    match: object = None
    """The text's paragraph naming it, if any."""
    text: str = ""
    """The row written out (the task's text before its tag): its task cell, or for an item (权力责任名称, 指标名称) its name,
    then its description cells and basis (``公路的具体管理：区交通委按照其职责权限…。设定依据：…``)."""
    dated: bool = True
    """Whether its task cell's own words give deadlines: False for an item's name and description (a year inside
    ``2000年底以前建成小区改造完成率`` qualifies the item; only the time column dates it)."""
    strong: bool = False
    """True when ``match`` is named strongly (its title, or its own text): a one-to-one link if no other row
    names it; False for a row holding a part of the paragraph."""
    units_unplaced: list[str] = field(default_factory=list)
    """The units it writes whose column is not known (TaskTable.units_unplaced): a task without roles, not a paragraph;
    they stay in a field (tables.yaml ``unplaced_units_field``)."""
    cut: bool = False
    """Its line ends inside a cell (TaskTable.cut_rows): a task row whose units are not in the text, not a paragraph."""

    @property
    def role_key(self) -> frozenset:
        """Its roles as a comparable value (empty when it names no one)."""
        if not self.parsed or not self.parsed.has_roles:
            return frozenset()
        return frozenset((role, frozenset(names)) for role, names in self.parsed.roles.items() if names)


def _table_rows(state, table: TaskTable, attached: bool, vocab) -> list[_Row]:
    """The table's task rows in order; rows spanning the table become parts and sections on the way."""
    from kb.parser import roles, structure

    part = part_title = ""
    section = section_title = None
    if attached or _beside_paragraphs(state):
        # (a plan without parts whose paragraphs stand beside the table — 为推进…, then the table: its rows are cited by
        # the table and their 序号, 表1-3 / 附件1-3, never numbered on from the paragraphs as 5, 6, 7)
        part, part_title = table.cite, table.title or ""
    n_sections = 0
    out: list[_Row] = []
    table.known_names = table_names(table)
    divisions = _division_columns(table)
    # (whether the task column names items is the header's, one answer for every row)
    item = "task" in table.columns and names_items(table.header[table.columns["task"]], load_vocabulary())
    if table.lead_rule is None:
        table.lead_rule = _table_lead_rule(state, table, vocab)
    group = table.columns.get("group")
    last_group = None
    for place, (row_no, cells, row_page) in enumerate(table.rows):
        if not any(cells):
            continue
        cells = cells + [""] * (len(table.header) - len(cells))
        filled = [c for c in cells if c]
        spanning = row_no == 0 if table.flat else (
            len(cells) > 1 and (len(set(filled)) == 1 and (len(filled) == 1 or len(filled) == len(cells))))
        if spanning:
            last_group = None
        elif group is not None and cells[group].strip() and cells[group].strip() != last_group:
            # a category merged over its rows (group_column): a heading over them, as a row spanning the table
            last_group = cells[group].strip()
            part, part_title, section, section_title, n_sections = _open_heading(
                state, last_group, attached, (part, part_title, section, section_title, n_sections))
        if spanning and not table.flat and _goes_on_task_cell(filled[0], out, row_no):
            # a second line of the row above's task cell under its merged cells (新改扩建公办中小学校1所 / 新增学位810个):
            # a figure to reach is no heading (a row spanning the table names an area, not a target)
            out[-1].body += "；" + filled[0]
            out[-1].notes.append(f"{table.cite} 第{row_no}行“{filled[0]}”是上一行任务单元格的第二行（其余单元格合并）")
            continue
        if spanning:
            part, part_title, section, section_title, n_sections = _open_heading(
                state, filled[0], attached, (part, part_title, section, section_title, n_sections))
            continue
        get = lambda col: cells[table.columns[col]].strip() if col in table.columns and table.columns[col] < len(cells) else ""  # noqa: E731
        body = get("task")
        if not body:
            continue
        row_notes, row_warnings = table.row_notes.get(place if table.flat else row_no, ([], []))
        unreadable: list[str] = []
        tag, composed, notes = _row_tag(table, get, _carried_columns(table, row_notes), unreadable)
        parsed = roles.parse_tag_content(composed, state.registry, vocab) if composed else None
        if parsed is not None and parsed.roles.get("lead") and parsed.roles.get("support"):
            # (责任单位 | 牵头单位: the 责任单位 cell lists every unit, its lead too — the lead is not its own 配合)
            parsed.roles["support"] = [n for n in parsed.roles["support"] if n not in parsed.roles["lead"]]
        if parsed is not None and parsed.roles.get("lead") and parsed.roles.get("sole"):
            # beside the row's lead its implementer is not alone (单独负责 would be false): it carries the row out with
            # the lead leading — shared, one unit or several (README "Task tables", tests/test_tables_implementer.py)
            parsed.roles["shared"] = list(dict.fromkeys(parsed.roles.get("shared", []) + parsed.roles["sole"]))
            parsed.roles["sole"] = []
        if parsed is not None and "lead" not in table.columns:
            # one statement = one row: with no lead column, the unit the row's 配合 supports leads (责任单位 | 配合单位 as
            # （X负责，Y配合） — roles.supported_lead, README "The unit the others support leads")
            roles.supported_lead(parsed.roles)
        if parsed is not None and divisions:
            _division_subunits(parsed, divisions, cells, state.registry)
        cite = f"{table.cite} 序号{row_no}" if table.flat else f"{table.cite} 第{row_no}行"
        notes = notes + [n for n in row_notes if n not in notes]
        fields = _other_fields(table, cells)
        mark = row_number(get("number"))
        if mark and mark[0]:
            fields["序号标记"] = mark[0]  # (*1: the table's own mark of the row, its meaning written elsewhere)
        # (a row naming an item is titled by that name: an indicator system's 一级指标 is a category kept in the fields,
        # else every row of a category read the same title — 附件1-1 签约数量指标, 附件1-2 签约数量指标 …)
        # (names glued in a cell that cannot be cut: one unreadable unit each, no role — kept beside the units whose
        # column is not known, and said)
        row_warnings = list(row_warnings) + [warning("table_names_glued", cite=cite, name=n) for n in unreadable]
        out.append(_Row(row_no, row_page, body, get("task") if item else get("name"), get("number"), tag, parsed,
                        get("deadline"), cite, notes, row_warnings, fields, (part, part_title, section, section_title),
                        dated=not item, text=_item_text(body, table, cells) if item else body,
                        units_unplaced=(list(table.units_unplaced.get(place, [])) if table.flat else []) + unreadable,
                        cut=not table.flat and row_no in table.cut_rows))
    return out


def _open_heading(state, heading: str, attached: bool, place: tuple) -> tuple:
    """A heading over a table's rows (a row spanning the table, or a category merged over its rows): ``一、…`` a part of
    the document (not in an attachment), else a section of the current part (its own numeral, or the next).  ``place``
    and the result: (part, part title, section, section title, sections so far)."""
    part, part_title, section, section_title, n_sections = place
    m = _PART_ROW_RE.match(heading)
    if m and not attached:
        part, part_title = m.group(1), m.group(2).rstrip("。")
        state.doc.parts.append((part, part_title))
        return part, part_title, None, None, n_sections
    m = _SECTION_ROW_RE.match(heading) or _PART_ROW_RE.match(heading)
    numeral = m.group(1) if m else chinese_number(n_sections + 1)  # the 11th is 十一, not 一 again
    section = f"{part}（{numeral}）"
    section_title = (m.group(2) if m else heading).rstrip("。")
    state.doc.sections.append((section, section_title))
    return part, part_title, section, section_title, n_sections + 1


def _beside_paragraphs(state) -> bool:
    """Whether the text outside the tables holds paragraphs of its own, with no part or section (a plan without parts):
    the tables' rows then share their numbering with them unless cited by their table."""
    return any(not t.part and t.section is None for t in state.tasks)


def _item_text(name: str, table: TaskTable, cells: list[str]) -> str:
    """A row naming an item (权力责任名称, 指标名称) written name first: ``name：description…。设定依据：basis``.  The
    description cells are those of field columns whose header ends like a description (权力责任事项, 说明), in the
    table's order; the basis cells (a header holding 依据) come last, labelled with their header."""
    vocab = load_vocabulary()
    used = set(table.columns.values()) - {table.columns.get("other", -1)}
    describe, basis = [], []
    for i, head in enumerate(table.header):
        key = re.sub(r"[\s:：]", "", head)
        cell = cells[i].strip() if i < len(cells) else ""
        if i in used or not cell or cell == name or _EMPTY_MARK_RE.match(cell):
            continue
        if any(w in key for w in vocab.basis_words):
            basis.append(f"{key}：{cell}")
        elif key.endswith(vocab.description_endings):
            describe.append(cell)
    text = name
    if describe:
        text += "：" + "；".join(d.rstrip("；;") for d in describe)
    for b in basis:
        text += ("" if text.endswith(("。", "；")) else "。") + b
    return text


_EMPTY_MARK_RE = re.compile(r"^(?:[—\-－―–/／]{1,2}|无|暂无)$")


#: Role words a division column's header names its role with (市卫健委内牵头处室: the bureau before it).
_DIVISION_ROLE_WORDS = ("牵头", "主责", "责任", "负责", "配合", "协办", "协同", "参与")


def _division_columns(table: TaskTable) -> list[tuple[int, str, str]]:
    """(column, bureau, role) of the columns naming a bureau's internal divisions beside the plan's unit columns
    (``市卫健委内牵头处室`` → 市卫健委, lead; ``市卫健委内配合处室`` → support); a header naming no bureau (牵头处室)
    gives none: its cells stay fields only."""
    vocab = load_vocabulary()
    if not vocab.inner_endings or not any(c in table.columns for c in _UNIT_COLUMNS):
        return []
    out = []
    for i, cell in enumerate(table.header):
        key = re.sub(r"[\s:：]", "", cell)
        if not key.endswith(vocab.inner_endings) or i in table.columns.values() and table.columns.get("other") != i:
            continue
        role = _division_role(key, vocab)
        at = min((key.find(w) for w in _DIVISION_ROLE_WORDS if w in key), default=-1)
        bureau = key[:at].removesuffix("内") if at > 0 else ""
        if role and len(bureau) >= 2:
            out.append((i, bureau, role))
    return out


def _division_subunits(parsed, divisions: list[tuple[int, str, str]], cells: list[str], registry) -> None:
    """A row's divisions of the bureau a division column names, as that bureau's sub-units (decision, session 10:
    README "Internal divisions"): the divisions of its 牵头/责任 column do the bureau's part, whatever role the row
    gives the bureau; those of its 配合 column only where the bureau supports the row (where it leads, a supporting
    division leads nothing: its cell stays a field).  A bureau the row's unit cells do not name gets none."""
    for i, bureau, role in divisions:
        names = _names(cells[i]) if i < len(cells) else []
        if not names:
            continue
        canonical = registry.canonical(bureau) if registry is not None else None
        held = {r: [n for n in ns if n in (bureau, canonical)] for r, ns in parsed.roles.items()}
        if not any(held.values()):
            # (the header's short name of a unit the cells write in full — 市卫健委内牵头处室 beside 市卫生健康委 — when
            # one unit of the row is so shortened)
            full = {n for ns in parsed.roles.values() for n in ns if shortens(bureau, n)}
            if len(full) == 1:
                held = {r: [n for n in ns if n in full] for r, ns in parsed.roles.items()}
        holders = [n for ns in held.values() for n in ns]
        if not holders or (role == "support" and any(ns for r, ns in held.items() if r != "support")):
            continue
        bucket = parsed.subunits.setdefault(holders[0], [])
        bucket.extend(n for n in names if n not in bucket)


#: A figure to reach: a number and its measure (810个, 1所, 2.5公里, 30%).
_QUANTITY_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:[万亿千百]?(?:个|所|家|人|名|项|座|套|台|辆|户|公里|千米|米|吨|亩|公顷|平方米|元|条|处|批|张|场|次|件|床|间)|%|％)")


def _goes_on_task_cell(text: str, out: list, row_no: int) -> bool:
    """True for a one-cell row right after a task row (the row above it) whose text is a figure to reach, short, with
    no heading marker: the task cell's second line, the row's other cells merged over it."""
    return (bool(out) and out[-1].number == row_no - 1 and len(text) <= 40 and bool(_QUANTITY_RE.search(text))
            and not _PART_ROW_RE.match(text) and not _SECTION_ROW_RE.match(text) and not re.search(r"[。：:]", text))


#: A task cell's own item number (``4.更新…``, ``12、推进…``; never ``2.5万`` or a date).
_OWN_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*[.．、](?!\d)")


def _own_task(state, table: TaskTable, row: _Row) -> None:
    """A row no paragraph of the text holds (or one of the rows a paragraph is cut into): a task of its own."""
    from kb.parser import deadlines, structure, targets
    from kb.parser.core import Piece, split_clauses
    from kb.model import Task

    part, part_title, section, section_title = row.place
    number = _NUMBER_RE.match(row.serial) or _NUMBER_RE.match(row.serial.strip().lstrip(load_vocabulary().row_marks))
    if number is None and not row.serial.strip():
        # (no 序号: the item's own number, 4.更新… under 二、 → 二4 as the plan numbers it, never its place in the part)
        number = _OWN_NUMBER_RE.match(row.body)
    block = structure.Block(part, part_title, section, section_title, int(number.group(1)) if number else None,
                            "paragraph", row.body, _own_title(row, structure))
    parsed = row.parsed
    task = Task(id="", doc=state.doc.id, label="", part=part, part_title=part_title, section=section,
                section_title=section_title, kind="task" if parsed and parsed.has_roles or row.units_unplaced or row.cut else "paragraph",
                title=block.title, text=(row.text or row.body) + (row.tag or ""), body=row.body, tag=row.tag,
                source=row.cite + (f"，第{row.page}页" if row.page else ""),
                column=re.sub(r"\s+", "", table.header[table.columns["task"]]) if "task" in table.columns else "")
    task.item = _item_key(table, row)
    if parsed:
        _set_roles(task, parsed)
    task.notes.extend(row.notes)
    task.fields.update(row.fields)
    if row.units_unplaced:
        task.fields[load_vocabulary().unplaced_units_field] = "、".join(row.units_unplaced)
    task.warnings.extend(row.warnings)
    task.clauses = split_clauses(row.body)
    if row.dated:
        deadlines.apply_deadlines(task)
    if row.deadline_cell:  # the time column is read like a tag's time words (A7): 全年, 长期坚持 are kept
        task.clauses.append(row.deadline_cell)
        task.deadlines.extend(deadlines.tag_deadlines(row.deadline_cell, len(task.clauses) - 1))
    targets.apply_targets(task)
    state.tasks.append(task)
    state.pieces.append(Piece(block, task.text, row.body, None, task.warnings))


def _other_fields(table: TaskTable, cells: list[str]) -> dict[str, str]:
    """Cells of the columns that hold no role, deadline or task (任务名称, 参考文件, 备注): the task's fields."""
    used = {i for col, i in table.columns.items() if col not in ("name", "other")}
    # (a cell written as empty, —, is no field's value)
    return {table.header[i].rstrip(":："): cells[i].strip() for i in range(min(len(cells), len(table.header)))
            if i not in used and cells[i].strip() and not _EMPTY_MARK_RE.match(cells[i].strip())}


#: The note a merged cell taken from the row above leaves (flattened.py and the short-row alignment write it).
_CARRIED_NOTE = "（合并单元格，取自上一行）"


def _carried_columns(table: TaskTable, row_notes: list[str]) -> frozenset[str]:
    """The role columns (lead, support, responsible) whose cell this row took from the row above (a merged cell)."""
    headers = {n.split("：", 1)[0] for n in row_notes if n.endswith(_CARRIED_NOTE)}
    return frozenset(col for col in ("lead", "support", "responsible")
                     if col in table.columns and table.header[table.columns[col]] in headers)


def _one_role_each(by_role: dict[str, list[str]], carried: frozenset[str]) -> None:
    """A unit the row names in two role columns keeps one role (README "Task tables", tests/test_tables_one_role.py):
    the row's own cell over one carried from the row above; else a named role (牵头, 配合) over the implementer reading
    of 实施主体 / 落实单位 (``sole``: an interpretation of the column)."""
    named_cols = {"lead": "lead", "support": "support"}
    for role, col in named_cols.items():
        for name in [n for n in by_role[role] if n in by_role["sole"]]:
            if col in carried and "responsible" not in carried:
                by_role[role].remove(name)  # the row's own 实施主体 cell said it
            else:
                by_role["sole"].remove(name)


def _row_tag(table: TaskTable, get, carried: frozenset[str] = frozenset(),
             unreadable: list[str] | None = None) -> tuple[str | None, str, list[str]]:
    """(the row's role cells labelled with the header's words, the tag reader's verb form, notes); ``carried``: the
    role columns whose cell the row took from the row above; ``unreadable`` collects the names glued together that
    cannot be cut (given no role)."""
    from kb.parser.roles import cell_segments, is_generic as roles_is_generic, load_vocabulary as role_vocabulary
    from kb.parser.roles import rule_ranks_any_unit

    # A role cell holding its own labels (``牵头单位:县发改局;责任单位:县财政局、县住建局等`` under 责任单位) is a
    # labelled tag (B): read as written, its 责任单位 after the 牵头单位 label supporting; never split into names.
    role_vocab = role_vocabulary()
    label_re = role_vocab.label_re
    # A unit cell closing with its own lead rule in brackets (县水利局、县发改局（列在首位的为牵头部门）): the rule is the
    # cell's — its row's — never a name; the cell's names are read without it, the rule applied below.
    rules: dict[str, str] = {}
    rule_texts: dict[str, str] = {}  # (the words stating each column's rule)
    written = get
    stripped: dict[str, str] = {}
    for col in ("lead", "support", "responsible"):
        m = _CELL_RULE_RE.search(written(col)) if written(col) else None
        rule = next((r for r, pattern in role_vocab.lead_rules if m and pattern.search(m.group(1))), None)
        if rule:
            rules[col], stripped[col] = rule, written(col)[: m.start()].rstrip("，,；; ")
            rule_texts[col] = m.group(1)
            if any(w in m.group(1) for w in load_vocabulary().rule_goes_on):
                table.lead_rule = rule  # (…下同: the table's later rows are read under it too)
                table.lead_rule_text = m.group(1)
    if table.lead_rule and "responsible" not in rules:
        rules["responsible"] = table.lead_rule  # (stated with 下同 in an earlier row's cell)
        rule_texts["responsible"] = table.lead_rule_text

    def get(col: str) -> str:  # noqa: F811 (the row's cells, a cell's own lead rule taken out)
        return stripped.get(col, written(col))

    labelled_cells = {c: get(c) for c in ("lead", "support", "responsible") if get(c) and label_re.search(get(c))}
    by_role: dict[str, list[str]] = {role: [] for role in _CELL_ROLE_WORDS}
    for col, role in (("lead", "lead"), ("support", "support"), ("responsible", "sole")):
        if col in labelled_cells:
            continue
        for names, here in cell_segments(get(col), role):
            # A cell's own role word sets its names' role (省科技厅按职责分工负责); a plain 负责 repeats the column's.
            by_role[here].extend(_names(names, table.known_names, unreadable))
    lead, responsible = by_role["lead"], by_role["sole"]
    # Names marked （牵头） inside a 责任单位 cell lead.
    marked = [n for n in responsible if _INLINE_LEAD_RE.search(n)]
    if marked:
        lead.extend(_INLINE_LEAD_RE.sub("", n) for n in marked)
        responsible = [n for n in responsible if n not in marked]
        if "lead" not in table.columns:
            by_role["support"], responsible = by_role["support"] + responsible, []
    if (rules.get("responsible") == "first_is_lead" and not lead and len(responsible) >= 2
            and (not roles_is_generic(responsible[0]) or rule_ranks_any_unit(rule_texts.get("responsible", "")))):
        # (a generic group listed first leads too — 主要责任单位第一个为牵头单位 says so — unless the rule ranks one class
        # of units, 县直部门中列在首位的…, that the group is outside of)
        lead.append(responsible[0])  # (the cell's own rule: its first unit leads, the others support)
        by_role["support"], responsible = by_role["support"] + responsible[1:], []
    if "lead" in table.columns and responsible and not carries_out(table.header[table.columns["responsible"]],
                                                                   "support" in table.columns) \
            and (lead or "support" not in joined_roles_of(table.header[table.columns["responsible"]])):
        # 责任单位 after 牵头单位: the supporting units — a 配合/责任单位 column's only beside a lead the row names (its lead
        # cell empty, they are the ones responsible: nobody to support; decision, session 18)
        by_role["support"], responsible = by_role["support"] + responsible, []
    by_role["sole"] = responsible
    _one_role_each(by_role, carried)
    segments = ["、".join(names) + _CELL_ROLE_WORDS[role] for role, names in by_role.items() if names]
    composed = "；".join(["，".join(segments)] * bool(segments) + list(labelled_cells.values()))
    labelled = []
    for col in sorted(("lead", "support", "responsible", "leader", "deadline"), key=lambda c: table.columns.get(c, 99)):
        value = written(col)  # in the header's order (责任单位 before 配合单位 as the table writes them), as written
        if col in labelled_cells:
            labelled.append(value)  # its own labels
        elif value and not _EMPTY_MARK_RE.match(value):  # (配合单位：/ says nothing)
            labelled.append(f"{table.header[table.columns[col]].rstrip(':：')}：{value}")
    notes = [f"{table.header[table.columns['leader']].rstrip(':：')}：{get('leader')}"] if get("leader") else []
    tag = "（" + "；".join(labelled) + "）" if labelled else None
    return tag, composed, notes


#: A bracket closing a cell (…（列在首位的为牵头部门）): its words may be the cell's lead rule (roles.yaml lead_rules).
_CELL_RULE_RE = re.compile(r"[（(]([^（）()]{4,60})[)）]\s*[。.]?\s*$")


def carries_out(header: str, support_named: bool) -> bool:
    """Whether a responsible column (or label) after a lead names who CARRIES the work out rather than the supporting
    units: its word is an implementer's (roles.yaml ``implementer_labels``: 实施主体, 实施单位, 落实单位 …), or the table
    (the tag) names its support apart (牵头 | 配合 | 责任单位).  Such units carry the work out, never support — beside a
    lead shared, one unit or several (``_table_rows``; a tag's label likewise); a bare 责任单位 right after 牵头单位 stays the
    supporting units (鄂政发〔2018〕26号).  One decision for table columns and tag labels (tests/test_tables_implementer.py)."""
    from kb.parser.roles import load_vocabulary as role_vocabulary

    key = re.sub(r"[\s:：]", "", header)
    return support_named or any(key == w or key.endswith(w) for w in role_vocabulary().implementer_labels)


#: The role word each role's names are read with, in the order they are composed (a 按职责分工负责 list after a
#: lead supports it, as in a tag).
_CELL_ROLE_WORDS = {"lead": "牵头", "guide": "指导", "support": "配合", "shared": "按职责分工负责", "sole": "负责"}


def _names(cell: str, known: frozenset[str] = frozenset(), unreadable: list[str] | None = None) -> list[str]:
    """Names of a cell: split at 、，；/ and line ends, brackets kept with their name; names glued together cut
    (``glued_reading``, ``known``: the table's own names).  With ``unreadable`` (a list), a name proved glued that cannot be
    cut is put there instead of among the names (no role is given to it)."""
    out = []
    for n in _written_names(cell):
        pieces, lost = glued_reading(n, known)
        if lost and unreadable is not None:
            unreadable.append(n)
        else:
            out.extend(pieces)
    return out


def _written_names(cell: str) -> list[str]:
    """The names of a cell as written: split at 、，；/ and line ends, brackets kept with their name, nothing cut."""
    from kb.parser.roles import is_none_marker, split_top

    cell = cell.strip().rstrip("。")
    if not cell or is_none_marker(cell):
        return []  # 无 / 暂无 / — : the row names no unit in this column
    return [n for n in split_top(_NAME_SEP_RE.sub("、", cell), "、") if n and not is_none_marker(n)]


def table_names(table: "TaskTable") -> frozenset[str]:
    """The names a table's unit cells write (each between separators, as written): its own vocabulary, which proves
    where names glued in another of its cells end (``glued_reading``)."""
    cols = [table.columns[c] for c in _UNIT_COLUMNS if c in table.columns]
    return frozenset(n for _, cells, _ in table.rows for c in cols if c < len(cells) for n in _written_names(cells[c]))


#: Where a unit's name may open right after another's in one cell (市发展改革委市财政局): a level's character, not opening
#: a word that is no level (市场, 区域, 县域, 市域); 各 after anything but a government or committee (县政府各部门 is one group).
_GLUED_OPENER_RE = re.compile(r"[省市县区](?!场|域)|各")
_GOVERNMENT_END_RE = re.compile(r"(?:政府|委)$")
_PLACE_END_RE = re.compile(r"[省市县区州盟镇乡]$")


def _glued_units(name: str, known: frozenset[str] = frozenset()) -> list[str]:
    """A cell's name holding several units run together → its units (``glued_reading``); a name that cannot be read so
    stays as written (``_names`` callers that must withhold its role ask ``glued_reading`` itself)."""
    return glued_reading(name, known)[0]


#: Characters opening the rest of a name that go on the name before (县政府办公|室 is never cut: 局, 会, 室 …).
_GOES_ON_CHARS = "会员局部办室处科厅站所队院馆组司）)、，,"
#: The most places a glued name is tried at (beyond it the name stays as written).
_GLUED_MAX_CUTS = 12


def glued_reading(name: str, known: frozenset[str] = frozenset()) -> tuple[list[str], bool]:
    """(the units of a cell's name that holds several run together, unreadable).  A name is cut where a name ending like a
    unit is followed by one opening like a unit of a level (省…, 市…, 县…, 区…; 各… after anything but a government), where a
    piece is one of ``known`` (the names the table writes alone in its cells), or where a body's name ends and another
    begins (tables.yaml ``glued_names``) — only when EVERY piece is a unit's name (three characters or more, or a known
    one); of several such readings the one cutting most, when it is the only one.  ``unreadable``: the name is proved
    glued (a level opens a next name, or a known name stands in it) but no such reading exists — one unreadable unit."""
    from kb.parser.roles import load_vocabulary as role_vocabulary

    if len(name) < 5:
        return [name], False
    vocab, tv = role_vocabulary(), load_vocabulary()
    bodies, organs, goes_on = tv.glued("body_endings"), tv.glued("organ_endings"), tv.glued("goes_on")
    subs, place_organs = tv.glued("sub_unit_endings"), tv.glued("place_organs")
    places = "".join(tv.glued("place_endings"))
    depth, d = [], 0
    for c in name:
        depth.append(d)
        if c in "（(":
            d += 1
        elif c in "）)" and d:
            d -= 1
    depth.append(d)
    n = len(name)

    def chunk_end(j: int) -> int | None:
        # the shortest name ending like a unit from j (its first chunk)
        return next((e for e in range(j + 2, n + 1) if depth[e] == 0 and vocab.department_re.search(name[j:e])), None)

    def name_ends(j: int) -> bool:
        # a name may end at j and another begin
        if depth[j] or j < 2 or n - j < 2 or name[j] in _GOES_ON_CHARS:
            return False
        if name[:j].endswith(organs) or name[j:].startswith(goes_on) or name[j:].startswith(bodies):
            return False  # (县委|组织部, 区政府|办公室; 集团|有限公司, 铁路局|集团有限公司: one name)
        if not vocab.department_re.search(name[:j]) or (_PLACE_END_RE.search(name[:j])
                                                        and not any(name[:j].endswith(k) for k in seen)):
            return False  # (无锡|市商务局: a place's name before a unit's is that unit's, never a name of its own)
        if any((m := vocab.department_re.search(name[:end])) and m.start() < j for end in range(j + 1, min(n, j + 3) + 1)):
            return False  # (委属部|门单位: a unit's ending written over the place — 部门, 单位 — is not cut)
        e = chunk_end(j)
        return e is not None and not name[j:e].endswith(subs)  # (县公安局|交警大队, 区发改局|市场科: the body's sub-unit)

    def allowed(j: int) -> bool:
        if not name_ends(j):
            return False
        e = chunk_end(j)
        # (国家税务总局|某某县税务局: a place followed by a body not its own organ is the body's own office — one name)
        return not (name[e - 1] in places and e < n and not name[e:].startswith(place_organs) and name[e] not in "（(、，,")

    def level(j: int) -> bool:
        if j < 3 or n - j < 3 or not _GLUED_OPENER_RE.match(name, j):
            return False
        if name[j] == "各" and _GOVERNMENT_END_RE.search(name[:j]):
            return False
        # (a place's name before its own body is one unit: 浦东新区区政府, 某县县委 — never a cut after 区/县/市)
        return bool(vocab.department_re.search(name[:j])) and not _PLACE_END_RE.search(name[:j])

    seen = [k for k in known if 2 <= len(k) < n and k in name]
    known_at = {j for k in seen for at in _occurrences(name, k) for j in (at, at + len(k)) if 0 < j < n}
    shape = {j for j in range(2, n - 1) if name[:j].endswith(bodies)}
    levels = {j for j in range(3, n - 2) if level(j)}
    cuts = sorted(j for j in (known_at | shape | levels) if (j in levels or allowed(j)))
    proved = bool(levels) or any(name_ends(j) for j in known_at)
    if not cuts or len(cuts) > _GLUED_MAX_CUTS:
        return [name], proved

    def valid(piece: str) -> bool:
        if piece in known:
            return True
        if len(piece) < 3 or not (vocab.department_re.search(piece) or vocab.generic.search(piece)):
            return False
        # a place followed by another place inside one piece (湘湖度假区|蜀山街道, 瓜沥镇|临浦镇): two units, not proved
        inner = 0
        for k, c in enumerate(piece[:-2]):
            inner += c in "（("
            inner -= c in "）)" and inner > 0
            if not inner and k >= 2 and c in places and piece[k + 1] not in "（(" \
                    and not piece[k + 1:].startswith(place_organs) and piece[-1] in places + "道":
                return False
        return True

    best: list[list[str]] = []
    for mask in range(1, 1 << len(cuts)):
        at = [cuts[b] for b in range(len(cuts)) if mask >> b & 1]
        pieces = [name[a:b] for a, b in zip([0, *at], [*at, n])]
        if all(valid(p) for p in pieces):
            if not best or len(pieces) > len(best[0]):
                best = [pieces]
            elif len(pieces) == len(best[0]):
                best.append(pieces)
    if len(best) == 1:
        return best[0], False
    return [name], proved


def _occurrences(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _set_roles(task, parsed) -> None:
    from kb.model import ROLES

    for role in ROLES:
        setattr(task, role, list(parsed.roles.get(role, [])))
    task.subunits = dict(parsed.subunits)
    task.notes.extend(n for n in parsed.notes if n not in task.notes)
    task.warnings.extend(parsed.warnings)


def _give_row(table: TaskTable, task, row: "_Row") -> None:
    """A paragraph of the text linked to one row: it gets the row's roles (unless its own tag has some), its time
    cell, its other cells as fields, the row's task cell as a field when the row words the task otherwise, and the
    row's citation."""
    from kb.parser import deadlines

    parsed, tag, deadline_cell, cite = row.parsed, row.tag, row.deadline_cell, row.cite
    if parsed and parsed.has_roles:
        if any(task.departments("any")):
            if set(task.departments("any")) != {n for names in parsed.roles.values() for n in names}:
                task.warnings.append(warning("table_other_departments", cite=cite, tag=tag))
        else:
            _set_roles(task, parsed)
            task.kind = "task"
            if task.tag is None:
                task.tag = tag
    task.notes.extend(n for n in row.notes if n not in task.notes)
    for key, value in row.fields.items():
        task.fields.setdefault(key, value)
    if "task" in table.columns and _norm(row.body) not in _norm(task.text):
        task.fields.setdefault(table.header[table.columns["task"]].rstrip(":："), row.body)
    if deadline_cell and not any(d.text in deadline_cell or deadline_cell in d.text for d in task.deadlines):
        task.clauses.append(deadline_cell)
        task.deadlines.extend(deadlines.tag_deadlines(deadline_cell, len(task.clauses) - 1))
    task.source = f"{task.source}，{cite}" if task.source else cite
    task.item = task.item or _item_key(table, row)


def _item_key(table: TaskTable, row: "_Row") -> str:
    """The table's numbered item ``row`` belongs to (``附件2 序号6``: rows of a merged 序号 share it), or '' when the
    row has no 序号."""
    number = _NUMBER_RE.match(row.serial) or _NUMBER_RE.match(row.serial.strip().lstrip(load_vocabulary().row_marks))
    return f"{table.cite} 序号{number.group(1)}" if number else ""


def _norm(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


#: The marker opening a paragraph of the text (1. （一） 一、 (2)), not part of its wording.
_ITEM_MARK_RE = re.compile(r"^\s*(?:[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．])\s*")


def _wordings(task) -> tuple[str, frozenset[str], str]:
    """(its title, the wordings a row restating it may have — its body without its marker, and that without its
    title —, its whole text), letters and digits only."""
    title = _norm(task.title or "")
    plain = _norm(_ITEM_MARK_RE.sub("", task.body or task.text or "", count=1))
    forms = {plain} if plain else set()
    if title and plain.startswith(title) and len(plain) > len(title):
        forms.add(plain[len(title):])
    return title, frozenset(forms), _norm(task.text)


def _matching_task(tasks, row: "_Row", taken: set[int], normed: dict | None = None):
    """(the text's paragraph the row restates, strong) or (None, False).

    Strong: the row's name cell is the paragraph's title, or its task cell is the title or the paragraph's own
    wording (rapidfuzz ≥ 95 confirms a wording that opens as the paragraph's does, never decides alone).  Not
    strong: the task cell stands in the paragraph's text (6 letters or more), a part of it.  ``normed`` keeps each
    task's wordings across the rows of a table (id → ``_wordings``)."""
    key, name = _norm(row.body), _norm(row.name)
    if len(key) < 6 and len(name) < 4:
        return None, False
    from rapidfuzz import fuzz

    normed = {} if normed is None else normed
    part = None
    for t in tasks:
        if id(t) in taken or t.kind not in ("task", "paragraph", "measure"):
            continue
        words = normed.get(id(t))
        if words is None:
            words = normed[id(t)] = _wordings(t)
        title, forms, text = words
        if not text:
            continue
        if title and title in (key, name):
            return t, True
        for form in forms:
            if key == form or (len(key) >= 12 and key[:8] == form[:8]
                               and fuzz.ratio(key, form, score_cutoff=95) >= 95):
                return t, True
        if part is None and len(key) >= 6 and key in text:
            part = t
    return part, False


def _own_title(row: "_Row", structure) -> str | None:
    """A row's title: its name cell (任务名称, 事项), unless the row's task cell numbers it (（11）…) and the name cell is a
    numbered group heading the table writes over several rows (任务分类 ``（二）提升交通出行服务体验``, 主要方向 ``7、提升…``)
    or its section's title: then its own task cell's (``既有运营车站出入口增加电扶梯``) — four rows titled alike by their
    group named none of them."""
    # (only where the task cell numbers the row itself, （11）既有…: a table whose rows are named 1.… in a 任务名称 column
    # and whose task cells are unnumbered keeps its names)
    heading = row.name and _ITEM_MARK_RE.match(row.body) and (
        _PART_ROW_RE.match(row.name) or _SECTION_ROW_RE.match(row.name) or _GROUP_ROW_RE.match(row.name)
        or row.name.strip() in (row.place[1], row.place[3]))
    if row.name and not heading:
        return row.name
    own = _row_title(_ITEM_MARK_RE.sub("", row.body, count=1), structure)
    if own is None and row.name:
        # (a long task cell: its first clause, its number dropped — （5）开展人行道平整度、舒适度、通行空间专项整治)
        first = re.split(r"[，,。；;：:]", _ITEM_MARK_RE.sub("", row.body, count=1), maxsplit=1)[0].strip()
        own = first if 4 <= len(first) <= 40 else None
    return own or row.name or None


#: A group heading numbered 1、 / 7、 (a 主要方向 cell over several rows).
_GROUP_ROW_RE = re.compile(r"^\d{1,2}[、．.](?!\d)\s*\S")


def _row_title(body: str, structure) -> str | None:
    title = structure.heading_title(body)
    if title:
        return title
    plain = body.rstrip("。；;")
    return plain if len(plain) <= 40 and not any(p in plain for p in "。；;") else None


# --- rule 2b: the rows of a table of targets ---------------------------------------------------

#: A figure cell of a table of targets: a comparator before it (≥95, ＞90), the number, a measure glued to it (95%), a
#: comparator word after it (95以上).
_FIGURE_CELL_RE = re.compile(r"^([≥≤＞＜><]|不低于|不少于|不高于|不超过|大于|小于)?\s*(\d+(?:\.\d+)?)\s*([%％‰]|[^\d\s以]{0,4})?\s*(以上|以下|以内)?$")
_CELL_COMPARATORS = {"≥": "≥", "不低于": "≥", "不少于": "≥", "以上": "≥", "≤": "≤", "不高于": "≤", "不超过": "≤",
                     "以下": "≤", "以内": "≤", ">": ">", "＞": ">", "大于": ">", "<": "<", "＜": "<", "小于": "<"}
#: A unit cell that says there is none (—, /, 无).
_NO_UNIT_RE = re.compile(r"^(?:[—\-－―–/／]{1,2}|无)$")


def rule_target_rows(state) -> None:
    """The rows of a table of targets (tables.yaml ``target_tables``; its rows the ``｜`` lines of a table that is no
    task table) each carry ONE target (decision, session 18, tables7): the name cell its metric, the target column's
    figure its value (≥95 at least 95; a figure in words, 持续改善, none), the unit cell its unit (or a measure glued to
    the figure), the header's year its year.  The header line and the rows stay paragraphs: never tasks, no role.  A row
    whose cells do not line up with the header (a ``｜`` line keeps no empty cell) gets none."""
    vocab = load_vocabulary()
    if not vocab.target_tables:
        return
    header: TargetHeader | None = None
    for task in state.tasks:
        if "｜" not in task.text or task.kind == "task":
            header = None
            continue
        cells = [c.strip() for c in task.text.split("｜")]
        found = target_header(cells, vocab)
        if found is not None:
            header = found
            task.targets = []
        elif header is not None:
            task.targets = row_target(header, cells)


def row_target(header: TargetHeader, cells: list[str]) -> list:
    """The one target of a row of a table of targets (``rule_target_rows``), or none when its cells do not line up with
    the header or its figure is words."""
    if len(cells) != header.width:
        return []
    m = _FIGURE_CELL_RE.match(cells[header.target].strip())
    if not m or not cells[header.name].strip():
        return []
    unit = cells[header.unit].strip() if header.unit is not None else ""
    unit = "" if _NO_UNIT_RE.match(unit) else unit
    glued = (m.group(3) or "").strip()
    unit = unit or glued
    comparator = _CELL_COMPARATORS.get(m.group(1) or m.group(4) or "", "=")
    name = cells[header.name].strip()
    value = float(m.group(2))
    figure = cells[header.target].strip() + ("" if glued or not unit else unit)
    # (2.0 is said as the table writes it, never 2: Target.written)
    written = figure if m.group(2) != f"{value:g}" else ""
    return [Target(text=f"{name}：{figure}", metric=name, value=value, unit=unit, comparator=comparator, year=header.year,
                   written=written)]


# --- rule 3: labels of attachment rows ----------------------------------------------------


def rule_table_labels(state) -> None:
    """Rows of an attachment are cited ``附件1-3``: caption, section, then 序号 (else the row's order).  Rows
    sharing one 序号 (a 工作事项 over several sub-rows, each its own task) are told apart by their place under
    it: ``附件2-1-1``, ``附件2-1-2`` (a single row keeps ``附件2-1``)."""
    if not state.tables:
        return
    cites = {t.cite for t in state.tables}
    _register_annex_tables(state)
    order: dict[tuple[str, str | None], int] = {}
    labelled: list[tuple[object, tuple]] = []
    for task, piece in zip(state.tasks, state.pieces):
        if task.part not in cites:
            continue
        key = (task.part, task.section)
        order[key] = order.get(key, 0) + 1
        number = piece.block.number or order[key]
        where = task.section[len(task.part) :] if task.section else ""
        task.label = f"{task.part}{where}-{number}"
        labelled.append((task, (task.doc, task.label)))
    shared: dict[tuple, int] = {}
    for _, key in labelled:
        shared[key] = shared.get(key, 0) + 1
    seen: dict[tuple, int] = {}
    for task, key in labelled:
        if shared[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            task.label = f"{task.label}-{seen[key]}"


def _register_annex_tables(state) -> None:
    """A table captioned ``附件N`` (or another caption word of tables.yaml annex_words: 附表1) whose rows are tasks is an annex of the document (``Document.annexes``), as a prose
    annex is: 附件1有几条 / 附件有几条 name it by its cite or title.  Before, only prose annexes were listed, so a plan
    whose annexes are tables answered 附件1有几条 with "no item of 附件1"."""
    from kb.annexes import caption_word

    vocab = load_vocabulary()
    known = {cite for cite, _ in state.doc.annexes}
    parts = {t.part for t in state.tasks}
    for table in state.tables:
        cite = table.cite
        if table.caption and caption_word(cite, vocab.annex_words) and cite in parts and cite not in known:
            state.doc.annexes.append((cite, table.title or ""))
            known.add(cite)

