"""The parser's warnings in the words users read (Chinese), from ``kb/data/parser_warnings.yaml``.

``warning(key, **values)`` fills one message's ``{placeholders}``.  The file is validated on load: every
key the parser uses must be there with exactly its placeholders (a one-line KbError names the file)."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from kb.data import DATA_DIR
from kb.errors import KbError

MESSAGES_PATH = DATA_DIR / "parser_warnings.yaml"

#: Every message the parser says → the placeholders it fills.
KEYS: dict[str, frozenset[str]] = {
    "traditional_script": frozenset(),
    "no_text": frozenset(),
    "no_tags": frozenset(),
    "tag_without_text": frozenset({"tag"}),
    "label_line_without_item": frozenset(),
    "label_line_without_unit": frozenset({"text"}),
    "segment_without_role": frozenset({"segment"}),
    "not_in_registry": frozenset({"name"}),
    "not_unit_like": frozenset({"name"}),
    "name_cut_short": frozenset({"name"}),
    "places_unproved": frozenset({"name"}),
    "double_brackets": frozenset({"content"}),
    "label_without_names": frozenset({"label"}),
    "rule_without_list": frozenset({"text"}),
    "bracket_without_role": frozenset({"text"}),
    "unclosed_bracket": frozenset({"text"}),
    "table_rows_uncertain": frozenset({"count"}),
    "table_glued_rows_uncut": frozenset({"count"}),
    "table_glued_cells_unproved": frozenset({"count"}),
    "table_other_departments": frozenset({"cite", "tag"}),
    "unknown_label": frozenset({"label"}),
    "flat_cell_uncertain": frozenset({"number", "cells", "choices"}),
    "flat_cell_uncertain_first": frozenset({"cells"}),
    "flat_name_after_units": frozenset({"number", "column", "cell"}),
    "flat_row_units_run_on": frozenset({"number", "line"}),
    "flat_remark_unit": frozenset({"number", "column", "value"}),
    "table_names_glued": frozenset({"cite", "name"}),
    "table_row_cut": frozenset({"number", "column"}),
    "flat_row_misfit": frozenset({"number", "header"}),
    "flat_row_cut_off": frozenset({"number", "column"}),
    "flat_row_cut_off_units_own": frozenset({"number", "column"}),
    "flat_row_unproved": frozenset({"number", "misfits", "rows"}),
    "flat_cell_merged_unknown": frozenset({"number", "column", "value"}),
    "flat_cell_merged_unknown_support": frozenset({"number", "column", "value"}),
}


@lru_cache(maxsize=2)
def load_messages(path: str | None = None) -> dict[str, str]:
    """Read and validate the messages file."""
    from kb.data import read_versioned_yaml

    src = Path(path) if path else MESSAGES_PATH
    data = read_versioned_yaml(src, "parser warnings")
    messages = data.get("messages")
    if not isinstance(messages, dict) or set(messages) != set(KEYS):
        have = set(messages) if isinstance(messages, dict) else set()
        raise KbError(f"{src}：messages 缺少的键：{'、'.join(sorted(set(KEYS) - have)) or '无'}；"
                      f"不认识的键：{'、'.join(sorted(have - set(KEYS))) or '无'}；请修正，或从代码仓库恢复这个文件")
    for key, text in messages.items():
        if not isinstance(text, str) or not text.strip():
            raise KbError(f"{src}：messages.{key} 应为一句话；请修正，或从代码仓库恢复这个文件")
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as exc:
            raise KbError(f"{src}：messages.{key} 的花括号不成对（{exc}）；请修正，或从代码仓库恢复这个文件") from exc
        if fields != KEYS[key]:
            want = "、".join("{" + f + "}" for f in sorted(KEYS[key])) or "无"
            raise KbError(f"{src}：messages.{key} 应恰好含这些占位符：{want}；请修正，或从代码仓库恢复这个文件")
    return dict(messages)


def warning(key: str, **values) -> str:
    """The message ``key`` with its placeholders filled."""
    return load_messages()[key].format(**values)
