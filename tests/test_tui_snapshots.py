"""Snapshots of the TUI at fixed sizes (pytest-textual-snapshot).

Regenerate after a deliberate change of the screens with
``.venv/bin/python -m pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs.  Nothing time-, path- or machine-dependent is on these
screens: the index is ready before the picture is taken.
"""

from __future__ import annotations

import pytest

pytest.importorskip("textual")

from tui.app import KbApp  # noqa: E402

TRANSPORT = "市交通运输局"


async def _ready(pilot) -> None:
    await pilot.app.index_ready.wait()
    await pilot.app.workers.wait_for_complete()
    # A blinking cursor is drawn or not depending on when the picture is taken (on a loaded
    # machine either): keep it steady so the snapshot does not depend on timing.
    from textual.widgets import Input

    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_main_screen_80x24(snap_compare, plan):
    assert snap_compare(KbApp(plan), terminal_size=(80, 24), run_before=_ready)


def test_main_screen_with_an_answer_120x40(snap_compare, plan):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press(*"交通局牵头哪些任务", "enter")
        await _ready(pilot)

    assert snap_compare(KbApp(plan), terminal_size=(120, 40), run_before=run_before)


def test_department_duties_120x40(snap_compare, plan):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("ctrl+g", *"交通局", "enter")
        await _ready(pilot)

    assert snap_compare(KbApp(plan), terminal_size=(120, 40), run_before=run_before)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_task_detail(snap_compare, plan, size):
    task = plan.tasks_of(TRANSPORT, "lead")[1]

    async def run_before(pilot):
        await _ready(pilot)
        pilot.app.open_task(task.id)
        await _ready(pilot)

    assert snap_compare(KbApp(plan), terminal_size=size, run_before=run_before)
