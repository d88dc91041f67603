"""The plan picker draws its options whole; control characters put into an input are shown escaped."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import pytest

from tui.app import KbApp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def screen_rows(app) -> list[str]:
    """The text of each row of the screen as drawn (from Textual's SVG screenshot)."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(float(y), []).append((float(x), text))
    import html

    return [html.unescape("".join(t for _, t in sorted(parts))).replace("\xa0", " ") for _, parts in sorted(rows.items())]


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    from kb.store import load_plan

    folder = tmp_path_factory.mktemp("two-plans")
    shutil.copy(ROOT / "corpus" / "zigong-blue-sky-plan.txt", folder)
    shutil.copy(ROOT / "tests" / "fixtures" / "plans" / "05_guangzhou_rencaijiju_2012.txt", folder)
    return load_plan(str(folder))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_open_plan_picker_draws_every_option_whole(two_plans, size):
    app = KbApp(two_plans)
    async with app.run_test(size=size) as pilot:
        await asyncio.wait_for(app.index_ready.wait(), 60)
        await pilot.pause()
        app.screen.query_one("#plan-picker").focus()
        await pilot.press("enter")
        await pilot.pause(0.2)
        rows = screen_rows(app)
        # Each option starts with 方案： (its first, wide character was cut: " 案：…"); at 80 columns
        # the options wrap (方案：自贡市打赢蓝天保卫战 / 实施方案).
        assert sum(r.count("方案：") for r in rows) == 2, rows[:10]
        assert not any(re.search(r"(^|│| )案：", r) for r in rows), rows[:10]
        assert any("方案：自贡市打赢蓝天保卫战" in r for r in rows), rows[:10]


# (pasted text, what the input shows and holds, why)
PASTES = [
    ("交通局\x1b[2J牵头哪些任务", "交通局\\x1b[2J牵头哪些任务", "ESC of a clear-screen sequence"),
    ("秸秆\u202e禁烧", "秸秆<U+202E>禁烧", "a right-to-left override"),
    ("发改委\x07", "发改委\\x07", "BEL"),
    ("交通局牵头哪些任务", "交通局牵头哪些任务", "clean text is unchanged"),
]


@pytest.mark.parametrize(("pasted", "shown", "why"), PASTES, ids=[p[2] for p in PASTES])
async def test_controls_pasted_into_the_question_are_shown_escaped(plan, pasted, shown, why):
    from textual import events

    from tui.widgets.question_input import QuestionInput

    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(app.index_ready.wait(), 60)
        box = app.screen.query_one(QuestionInput)
        box.focus()
        box.post_message(events.Paste(pasted))
        await pilot.pause()
        assert box.value == shown, why
        assert any(shown in row for row in screen_rows(app)), why


async def test_a_control_typed_in_the_department_filter_is_shown_escaped(plan):
    from textual.widgets import Input

    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(app.index_ready.wait(), 60)
        await pilot.press("ctrl+g")
        box = app.screen.query_one("#dept-filter", Input)
        box.insert_text_at_cursor("交通\x1b")
        await pilot.pause()
        assert box.value == "交通\\x1b"
