"""Table-driven tests of the TUI's small pieces: filtering, answer splitting, highlighting, history, layout helpers."""

from __future__ import annotations

import pytest

from kb.model import Task  # noqa: E402
from tui.screens.task_detail import format_number, section_neighbours  # noqa: E402
from tui.widgets.bar_chart import _fit  # noqa: E402
from tui.widgets.department_list import counts_line, filter_departments  # noqa: E402
from tui.widgets.question_input import QuestionInput  # noqa: E402
from tui.widgets.roles import ROLE_STYLES  # noqa: E402
from tui.widgets.task_list import task_heading  # noqa: E402
from tui.widgets.task_text import highlighted_text  # noqa: E402
from tui.widgets.transcript import numbered_blocks  # noqa: E402


def no_duplicate_rows(rows):
    keys = [repr(r[:-1]) if isinstance(r[-1], (list, tuple, str)) else repr(r) for r in rows]
    assert len(keys) == len(set(keys)), "a row is listed twice"
    return rows


# ---------------------------------------------------------------- department filter

FILTER_ROWS = no_duplicate_rows(
    [
        # typed, first name listed, hint contains
        ("", "市生态环境局", ""),
        ("交通局", "市交通运输局", "→ 市交通运输局"),
        ("市交通运输局", "市交通运输局", ""),
        ("交通运输", "市交通运输局", ""),
        ("市交通运输居", "市交通运输局", "→ 市交通运输局"),
        ("住建局", "市住房城乡建设局", "→"),
        ("发改委", "市发展改革委", "→"),
        ("能源办", "市能源办", ""),
        ("公安", "市公安局", ""),
        ("ＰＭ", None, "方案没有给"),
        ("市教育局", None, "方案没有给“市教育局”分配任务"),
        ("  ", "市生态环境局", ""),
    ]
)


@pytest.mark.parametrize("typed, first, hint", FILTER_ROWS)
def test_filter_departments(plan, typed, first, hint):
    from kb.duties import department_counts

    names = [n for n, _ in department_counts(plan)]
    shown, line = filter_departments(names, typed, plan)
    if first is None:
        assert first not in shown and hint in line
        assert all(n in names for n in shown)
    else:
        assert shown and shown[0] == first
        assert hint in line if hint else line == ""
    assert len(shown) == len(set(shown))


COUNTS_ROWS = no_duplicate_rows(
    [
        ({"lead": 8, "support": 7, "sole": 0, "shared": 4, "implied": 0, "total": 19}, "牵8 配7 共4"),
        ({"lead": 0, "support": 0, "sole": 0, "shared": 0, "implied": 64, "total": 0}, "牵0 配0 落64"),
        # 各区县政府: one 配合 task and the 64 it implements: the sidebar shows the 落实 load too
        ({"lead": 0, "support": 1, "sole": 0, "shared": 0, "implied": 64, "total": 1}, "牵0 配1 落64"),
        ({"lead": 24, "support": 13, "sole": 1, "shared": 3, "implied": 0, "total": 41}, "牵24 配13 责1 共3"),
        ({"lead": 1, "support": 0, "total": 1}, "牵1 配0"),
    ]
)


@pytest.mark.parametrize("counts, line", COUNTS_ROWS)
def test_counts_line(counts, line):
    assert counts_line(counts) == line


# ---------------------------------------------------------------- answer layout (from the Result, never its text)


def _result(*spec):
    """A Result of groups: (title or None, [(n, label) …]); a label None is a free line."""
    from kb.qa.result import Group, Item, Result

    groups = []
    for title, items in spec:
        groups.append(Group(title, [Item(n, make_task("x", label=label) if label else None, text="" if label else "free")
                                    for n, label in items], tail=" 2 项" if title else ""))
    return Result(heading=["head"], groups=groups)


LAYOUT_ROWS = [
    # groups, expected list lines (text: group headings and items), task ids
    ([(None, [(1, "三（一）1"), (2, "三（一）2")])], ["1. 三（一）1", "2. 三（一）2"], ["三（一）1", "三（一）2"]),
    ([("牵头", [(1, "三（一）1")]), ("配合", [(2, "三（一）2")])],
     ["【牵头】 2 项", "1. 三（一）1", "【配合】 2 项", "2. 三（一）2"], ["三（一）1", "三（一）2"]),
    ([(None, [(1, None), (2, None)])], [], []),  # free lines (department counts) are text, not options
    ([(None, [(1, "三（一）1"), (None, None)])], ["1. 三（一）1"], ["三（一）1"]),
]


@pytest.mark.parametrize("spec, prompts, ids", LAYOUT_ROWS)
def test_numbered_items_come_from_the_result(spec, prompts, ids):
    blocks = numbered_blocks(_result(*spec), {}, None)
    assert [b.content.plain.split(" x")[0].split("\n")[0] for b in blocks] == prompts
    assert [b.task_id for b in blocks if b.item is not None] == [f"d#{i}" for i in ids]
    assert [b.item for b in blocks if b.item is not None] == list(range(len(ids)))


# ---------------------------------------------------------------- highlighting


def make_task(text, label="三（一）1", section="三（一）", kind="task", title=None, **roles):
    return Task(
        id=f"d#{label}", doc="d", label=label, part="三", part_title="重点任务", section=section,
        section_title="调整产业结构", kind=kind, title=title, text=text, body=text, **roles,
    )


HIGHLIGHT_ROWS = no_duplicate_rows(
    [
        ("（市交通运输局牵头，市公安局配合）", {"lead": ["市交通运输局"], "support": ["市公安局"]},
         [("市交通运输局", "lead"), ("市公安局", "support")]),
        # name written without 市
        ("（科技局牵头）", {"lead": ["市科技局"]}, [("科技局", "lead")]),
        # sub-unit in brackets: parent and sub-unit both take the role
        ("（市发展改革委（市能源办）牵头）", {"lead": ["市发展改革委"], "subunits": {"市发展改革委": ["市能源办"]}},
         [("市发展改革委", "lead"), ("市能源办", "lead")]),
        # a name twice
        ("市生态环境局要…（市生态环境局负责）", {"sole": ["市生态环境局"]}, [("市生态环境局", "sole"), ("市生态环境局", "sole")]),
        # shared
        ("（市公安局、市商务局按职责分工负责）", {"shared": ["市公安局", "市商务局"]}, [("市公安局", "shared"), ("市商务局", "shared")]),
        # nothing to highlight
        ("加强组织领导。", {}, []),
    ]
)


@pytest.mark.parametrize("text, roles, expected", HIGHLIGHT_ROWS)
def test_highlighted_text_marks_departments_by_role(text, roles, expected):
    content = highlighted_text(make_task(text, **roles))
    assert content.plain == text
    spans = sorted((s.start, s.end, str(s.style)) for s in content.spans)
    found = [(text[start:end], style) for start, end, style in spans]
    assert found == [(name, ROLE_STYLES[role]) for name, role in expected]


# ---------------------------------------------------------------- small helpers

HEADING_ROWS = no_duplicate_rows(
    [
        (make_task("加大力度。推进……", title="加大力度"), "加大力度"),
        (make_task("短文本。"), "短文本"),
        # no title: the first clause, up to the first ，；。 outside brackets
        (make_task("强化“三线一单”（红线、底线）约束，明确禁止的行业。"), "强化“三线一单”（红线、底线）约束"),
        (make_task("新、改、扩建项目，推广使用涂料。"), "新、改、扩建项目"),
        (make_task("长" * 41), "长" * 40 + "…"),
        (make_task("长" * 40), "长" * 40),
    ]
)


@pytest.mark.parametrize("task, heading", HEADING_ROWS)
def test_task_heading(task, heading):
    assert task_heading(task) == heading


@pytest.mark.parametrize(
    "value, text", no_duplicate_rows([(27.9, "27.9"), (30.0, "30"), (0.34, "0.34"), (18.98, "18.98"), (100.0, "100")])
)
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    "name, width, fitted",
    no_duplicate_rows(
        [
            ("市公安局", 10, "市公安局  "),
            ("市重污染天气应急指挥部成员单位", 10, "市重污染… "),
            ("ab", 3, "ab "),
            ("市公安局", 8, "市公安局"),
        ]
    ),
)
def test_fit_name_to_cells(name, width, fitted):
    assert _fit(name, width) == fitted


def test_section_neighbours():
    a, b, c = (make_task(x, label=f"三（一）{i}") for i, x in enumerate("abc", 1))
    other = make_task("d", label="三（二）1", section="三（二）")
    tasks = [a, b, c, other]
    assert section_neighbours(tasks, a) == (None, b)
    assert section_neighbours(tasks, b) == (a, c)
    assert section_neighbours(tasks, c) == (b, None)
    assert section_neighbours(tasks, other) == (None, None)


HISTORY_ROWS = no_duplicate_rows(
    [
        # asked, keys, value shown
        (["a", "b"], ["up"], "b"),
        (["a", "b"], ["up", "up"], "a"),
        (["a", "b"], ["up", "up", "up"], "a"),
        (["a", "b"], ["up", "down"], ""),
        (["a", "a", "b"], ["up", "up"], "a"),
        (["a", "", "b"], ["up", "up"], "a"),
        ([], ["up"], ""),
        (["a"], ["down"], ""),
    ]
)


@pytest.mark.parametrize("asked, keys, shown", HISTORY_ROWS)
async def test_question_history(asked, keys, shown):
    from textual.app import App

    class OneInput(App):
        def compose(self):
            yield QuestionInput()

    app = OneInput()
    async with app.run_test() as pilot:
        box = app.query_one(QuestionInput)
        for q in asked:
            box.remember(q)
        await pilot.press(*keys)
        assert box.value == shown
