"""Damaged vocabulary files (kb/data/*.yaml): one Chinese line naming the file, the key and what to do.

Each row damages one bundled file the way a hand edit would (a list emptied, a key misspelt,
a bad pattern, a role word listed twice …) and names the exact message expected after
``<file>：``.  The loaders are called on the damaged copy; one row per file also runs the
``kb`` command that reads it, from a copy of the package holding the damaged file: exit 2,
the line on stderr, no traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.errors import KbError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kb" / "data"
FIX = "请修正，或从代码仓库恢复这个文件"


def _load(name: str, path: Path):
    """Load the vocabulary file ``name`` from ``path`` with the loader kb uses for it."""
    if name == "roles.yaml":
        from kb.parser.roles import load_vocabulary

        return load_vocabulary(str(path))
    if name == "tables.yaml":
        from kb.parser.tables import load_vocabulary

        return load_vocabulary(str(path))
    if name == "targets.yaml":
        from kb.parser.targets import load_vocabulary

        return load_vocabulary(str(path))
    if name == "ingest.yaml":
        from kb.ingest.vocab import load_vocabulary

        return load_vocabulary(str(path))
    if name == "intents.yaml":
        from kb.qa.vocab import load_vocabulary

        return load_vocabulary(str(path), str(DATA / "topics.yaml"))
    if name == "topics.yaml":
        from kb.qa.vocab import load_vocabulary

        return load_vocabulary(str(DATA / "intents.yaml"), str(path))
    if name == "shapes.yaml":
        from kb.qa.query import load_shapes

        return load_shapes(str(path))
    if name == "answers.yaml":
        from kb.qa.wording import load_answer_words

        return load_answer_words(str(path))
    if name == "script.yaml":
        from kb.parser.script import load_script

        return load_script(str(path))
    if name == "parser_warnings.yaml":
        from kb.parser.messages import load_messages

        return load_messages(str(path))
    if name == "heads.yaml":
        from kb.parser.core import load_head_words

        return load_head_words(str(path))
    raise AssertionError(name)


# (file, text replaced, replacement, message after "<file>：", why)
ROWS = [
    ("roles.yaml", "  guide: [指导, 负责指导]\n", "", f"“roles”应恰好为这些职责列出词语：lead, guide, support, sole, shared；{FIX}",
     "a role left out"),
    ("roles.yaml", "  guide: [指导, 负责指导]\n", "  guide: []\n", f"roles.guide 应为非空的词语列表；{FIX}", "a role with no words"),
    ("roles.yaml", "  guide: [指导, 负责指导]\n", "  guide: [指导, 负责指导, 配合]\n",
     "职责词“配合”同时列在 roles.guide 和 roles.support 下（请只保留一处）", "one word, two roles"),
    ("roles.yaml", "field_labels: [适用范围,", "field_labels: [牵头单位, 适用范围,",
     "标签词“牵头单位”列了两次（在 labels、field_labels、time_labels 中请只保留一处）", "a label twice"),
    ("roles.yaml", "ongoing_words:", "ongoing_word:", f"缺少的键：ongoing_words；不认识的键：ongoing_word；{FIX}",
     "a misspelt key"),
    ("tables.yaml", "attachment_caption: '^{annex_word}\\s*([0-9０-９一二三四五六七八九十]{0,3})\\s*[:：]?'",
     "attachment_caption: '^{annex_word}'", f"attachment_caption 需要一个分组来取附件编号；{FIX}", "no group for the number"),
    ("tables.yaml", "attachment_caption: '^{", "attachment_caption: '(^{",
     "attachment_caption 不是有效的正则表达式（missing ), unterminated subpattern at position 0）；" + FIX,
     "an unbalanced bracket"),
    ("targets.yaml", "stretch_words: [力争, 争取, 努力]", "stretch_words: []", f"stretch_words 应为非空的词语列表；{FIX}",
     "an emptied list"),
    ("targets.yaml", "fillers:", "filler:", f"缺少的键：fillers；不认识的键：filler；{FIX}", "a misspelt key"),
    ("targets.yaml", '  不低于: "≥"', '  不低于: "=>"', f"comparators_before 应把每个词对应到 ≥ ≤ > < = 之一；{FIX}",
     "a sign kb does not know"),
    ("targets.yaml", "scope_pattern: '^(?P<scope>", "scope_pattern: '^(?P<place>",
     f"scope_pattern 需要一个存放地名的 (?P<scope>…) 分组；{FIX}", "the group renamed"),
    ("ingest.yaml", "min_article_chars: 80", "min_article_chars: 0", f"“min_article_chars”应为正整数；{FIX}",
     "zero characters"),
    ("ingest.yaml", "drop_tags: [script,", "drop_tags: []\nold_drop_tags: [script,",
     f"“drop_tags”应为非空字符串的列表；{FIX}", "an emptied list"),
    ("intents.yaml", "count: [任务数,", "count_words: [任务数,", f"缺少键 count；{FIX}", "a misspelt key"),
    ("intents.yaml", "help: \"请输入", "help: \"\"\nold_help: \"请输入", f"help 应为帮助答案的文字；{FIX}", "an empty help"),
    ("topics.yaml", "topics:", "topic:", f"应有“topics”列表（每项为一组同义词）；{FIX}", "a misspelt key"),
    ("shapes.yaml", "most: [最多, 最多的, 最大]", "most: 最多", f"most 应为词语列表；{FIX}", "a word instead of a list"),
    ("shapes.yaml", "least:", "fewest:", f"缺少键 least；{FIX}", "a misspelt key"),
    ("answers.yaml", 'no_role: "方案没有给任何部门分配“{role}”职责。"', 'no_role: "方案没有给任何部门分配职责。"',
     f"no_role 的文字必须保留占位符 {{role}}；{FIX}", "a placeholder lost"),
    ("answers.yaml", 'plans_held: "kb 目前载入的方案：{plans}。"', 'plans_held: ""', f"plans_held 应为非空的文字；{FIX}",
     "an emptied text"),
    ("roles.yaml", "weak_role_words: [落实]", "weak_role_words: [落到实处]",
     f"weak_role_words 中的词“落到实处”不在 roles 下；{FIX}", "a weak role word that is no role word"),
    ("script.yaml", "  - 丟並乾亂", "  - 丟丟乾亂",
     f"traditional 与 simplified 应一样长、一字对一字，且 traditional 中每个字只出现一次；{FIX}", "a character twice"),
    ("script.yaml", "min_share: 0.05", "min_share: some", None, "a share that is no number"),
    ("parser_warnings.yaml", "  no_text: 文件中没有文字\n", "", f"messages 缺少的键：no_text；不认识的键：无；{FIX}",
     "a warning's wording removed"),
    ("parser_warnings.yaml", "名称不像单位名称（可能是断行？按原文保留）：{name}", "名称不像单位名称：{名称}",
     f"messages.not_unit_like 应恰好含这些占位符：{{name}}；{FIX}", "a placeholder renamed"),
    ("parser_warnings.yaml", "标签后没有单位名称：{label}", "标签后没有单位名称：{label",
     None, "an unclosed brace"),
    ("tables.yaml", "header_qualifier: '^(?:", "header_qualifier: '^((?:",
     "header_qualifier 不是有效的正则表达式（missing ), unterminated subpattern at position 1）；" + FIX,
     "an unbalanced bracket in the header qualifier"),  # (last: COMMANDS index the rows above)
    ("tables.yaml", "annex_words: [附件, 附表, 附录]", "annex_words: 附件",
     f"annex_words 应为附件标题词的列表（附件、附表……，每个至少两个字）；{FIX}", "the annex caption words not a list"),
    ("tables.yaml", "annex_words: [附件, 附表, 附录]", "annex_words: [附件, 附]",
     f"annex_words 应为附件标题词的列表（附件、附表……，每个至少两个字）；{FIX}", "a one-character caption word (附 opens 附近)"),
    ("heads.yaml", "name_opening_verbs: [成立, 设立, 组建, 建立, 筹建, 设置, 组成]", "name_opening_verbs: []",
     f"name_opening_verbs 应为非空的词语列表；{FIX}", "an emptied list"),
    ("heads.yaml", "(?P<units>", "(?P<names>", f"earlier_items_notes[0] 需要一个 (?P<units>…) 分组；{FIX}",
     "the group renamed"),
]


def _damaged(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update the row"
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "old", "new", "message", "why"), ROWS, ids=[f"{r[0]}: {r[4]}" for r in ROWS])
def test_damaged_vocabulary_is_one_chinese_line(tmp_path, name, old, new, message, why):
    path = _damaged(tmp_path, name, old, new)
    with pytest.raises(KbError) as caught:
        _load(name, path)
    if message is None:  # the message quotes the parser's own words: only its start is fixed
        assert str(caught.value).startswith(f"{path}："), why
    else:
        assert str(caught.value) == f"{path}：{message}", why
    assert "\n" not in str(caught.value)


# One damage per file through the command that reads it: (file, row index in ROWS, kb arguments).
COMMANDS = [
    ("roles.yaml", 2, ["tasks"]),
    ("tables.yaml", 5, ["--corpus", "{table_plan}", "tasks"]),  # read only for a plan with a table
    ("targets.yaml", 7, ["tasks"]),
    ("ingest.yaml", 11, ["ingest", "{html}"]),
    ("intents.yaml", 13, ["ask", "交通局牵头哪些任务"]),
    ("topics.yaml", 15, ["ask", "交通局牵头哪些任务"]),
    ("shapes.yaml", 16, ["ask", "交通局牵头哪些任务"]),
    ("answers.yaml", 18, ["ask", "交通局牵头哪些任务"]),
]


@pytest.mark.parametrize(("name", "row", "args"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_damaged_vocabulary_stops_kb_with_exit_2(tmp_path, name, row, args):
    _, old, new, message, why = ROWS[row]
    assert ROWS[row][0] == name
    package = tmp_path / "site"
    shutil.copytree(ROOT / "kb", package / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    damaged = _damaged(package / "kb" / "data", name, old, new)
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>" + "推进大气污染防治工作。" * 20 + "</p></article></body></html>",
                    encoding="utf-8")
    table_plan = tmp_path / "table_plan.txt"
    table_plan.write_text("某市行动方案\n一、重点任务\n序号\t重点任务\t牵头单位\n1\t推进公交优先\t市交通运输局\n",
                          encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(package), KB_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    argv = [a.replace("{html}", str(page)).replace("{table_plan}", str(table_plan)) for a in args]
    if "--corpus" not in argv:
        argv = ["--corpus", str(ROOT / "corpus"), *argv]
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from kb.cli import main; sys.exit(main())", *argv],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"kb: {damaged}：{message}\n", why
