"""Snapshots of the TUI at fixed sizes (pytest-textual-snapshot).

Regenerate after a deliberate change of the screens with
``.venv/bin/python -m pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs.  Nothing time-, path- or machine-dependent is on these
screens: the index is ready before the picture is taken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
    await _settled(pilot)


def _underline_in_place(tabs) -> bool:
    """Whether the underline of ``tabs`` sits under its active tab (not still to be moved or moving)."""
    from textual.css.query import NoMatches
    from textual.widgets._tabs import Underline

    try:
        active = tabs.query_one("#tabs-list > Tab.-active")
    except NoMatches:
        return True
    underline = tabs.query_one(Underline)
    span = active.virtual_region.shrink(active.styles.gutter).column_span
    return (underline.highlight_start, underline.highlight_end) == span


async def _settled(pilot) -> None:
    """Wait until nothing on any visible screen is still changing by itself.

    Switching tabs moves the underline in a callback 0.02 s later, after that screen's next
    refresh, then animates it for 0.3 s; a pressed button keeps its pressed colours 0.2 s.  The
    export-dialog snapshot opened the dialog right after switching to the 职责 tab: the
    underline then moved beneath the modal, from a callback that Textual's "wait for
    animations" cannot see before it is scheduled, so on a loaded machine the picture caught it
    half-way (same text, other colours).  Wait for the state itself, not for a time.
    """
    from textual.widgets import Button, Tabs

    for _ in range(500):
        await pilot.wait_for_scheduled_animations()
        screens = [pilot.app.screen, *pilot.app._background_screens]
        if all(
            _underline_in_place(tabs) for screen in screens for tabs in screen.query(Tabs)
        ) and not any(button.has_class("-active") for screen in screens for button in screen.query(Button)):
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError("the screen did not settle in 5 s (a tab underline or a pressed button)")


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


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_long_answer_opens_at_its_top(snap_compare, plan, size):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press(*"生态环境局有哪些任务", "enter")
        await _ready(pilot)
        # The card is scrolled to its top once its widgets are laid out (two refreshes later, which
        # on a loaded machine took longer than the 0.3 s once waited here): wait for that, not a time.
        card = pilot.app.main_screen.query_one("Transcript").cards[-1]
        for _ in range(500):
            if card.opened:
                break
            await pilot.pause(0.01)
        assert card.opened, "the answer was not scrolled to its question in 5 s"
        await _ready(pilot)

    assert snap_compare(KbApp(plan), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_overview_with_all_targets(snap_compare, plan, size):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("ctrl+o")
        await _ready(pilot)
        # Scroll to the targets table: all 20 rows follow one another, the screen scrolls.
        table = pilot.app.screen.query_one("#overview-targets")
        pilot.app.screen.query_one("#overview").scroll_to_widget(table, top=True, animate=False)
        await pilot.pause()

    assert snap_compare(KbApp(plan), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_export_dialog_with_an_error_in_chinese(snap_compare, plan, size):
    async def run_before(pilot):
        await _ready(pilot)
        pilot.app.show_department(TRANSPORT)
        await _ready(pilot)  # the 职责 tab's underline in place before the dialog covers it
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = pilot.app.screen
        next(b for b in dialog.query("RadioButton") if b.name == "docx").value = True
        await pilot.pause()
        dialog.query_one("#export-path").value = "/nonexistent-kb-folder/清单.xlsx"
        dialog.query_one("#export-go").press()
        await _ready(pilot)  # the export has failed and the button is no longer drawn pressed

    assert snap_compare(KbApp(plan, export_folder=Path("/nonexistent-kb-folder")), terminal_size=size, run_before=run_before)
