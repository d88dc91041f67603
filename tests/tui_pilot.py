"""The steps the TUI's Pilot tests share: the terminal size they run in, waiting for the app, asking a question."""

from __future__ import annotations

import asyncio

from tui.widgets.question_input import QuestionInput
from tui.widgets.transcript import AnswerCard, Transcript

#: Columns and rows of the terminal the Pilot tests run in (wide enough for the sidebar beside the transcript).
SIZE = (120, 40)


async def ready(app, pilot) -> None:
    """Wait until the index is open and the screen settled."""
    await asyncio.wait_for(app.index_ready.wait(), 60)
    await pilot.pause()


async def ask(app, pilot, question: str) -> AnswerCard:
    """Type ``question``, press Enter, wait for the answer; return its card."""
    app.screen.query_one(QuestionInput).focus()
    await pilot.press(*question)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    card = app.screen.query_one(Transcript).cards[-1]
    assert card.answer is not None, "the answer never arrived"
    return card


async def choose_in_palette(pilot, typed: str) -> None:
    """Open the command palette (Ctrl+P), type ``typed``, give its providers time to list hits, take the first."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause()
