"""What the TUI shows is whole (issue #14 items 3–6, 16): long answers, resizes, the overview, counts, wrapping.

Pilot tests reading what is on screen (rendered lines), not only widget state.
"""

from __future__ import annotations

import re

import pytest

from textual.app import App  # noqa: E402
from textual.widgets import DataTable, Footer, Static  # noqa: E402

from kb.duties import department_counts  # noqa: E402
from tui.app import KbApp  # noqa: E402
from tui.screens.export import ExportDialog  # noqa: E402
from tui.screens.overview import OverviewScreen  # noqa: E402
from tui.widgets.department_list import DepartmentList  # noqa: E402
from tui.widgets.duty_view import DutyView  # noqa: E402
from tui.widgets.question_input import QuestionInput  # noqa: E402
from tui.widgets.task_list import TaskList  # noqa: E402
from tui.widgets.transcript import Transcript  # noqa: E402
from tui_pilot import ready  # noqa: E402

ECOLOGY = "市生态环境局"
DISTRICTS = "各区县政府"


async def ask(app, pilot, question: str):
    app.screen.query_one(QuestionInput).focus()
    await pilot.press(*question, "enter")
    await app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()
    return app.screen.query_one(Transcript).cards[-1]


def rendered_lines(widget) -> list[str]:
    """The text of every line the widget renders (its whole height)."""
    return [widget.render_line(y).text for y in range(widget.size.height)]



def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- item 4: long answers


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_long_answer_opens_at_its_top_whole_and_scrolls_from_the_input(plan, size):
    app = KbApp(plan)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "生态环境局有哪些任务")
        transcript = app.screen.query_one(Transcript)
        assert len(card.answer.tasks) == 41
        # Whole: the card is as tall as its lines (nothing hidden in the card), the last item drawn.
        lines = card.lines()
        assert transcript.height_of(card) == len(lines) + 2  # and its border
        assert squeeze(card.blocks[-1].content.plain)[-8:] in squeeze("".join(lines[-4:]))
        assert transcript.height_of(card) > transcript.size.height, "the answer is longer than the screen"
        # At its top: the question (after its one-line margin) is the first line in view.
        assert transcript.scroll_offset.y == transcript.top_of(card)
        assert "问：生态环境局有哪些任务" in transcript.render_line(1).text
        # PageDown in the input scrolls a page; the input keeps the focus.
        top = transcript.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        assert transcript.scroll_y > top
        assert isinstance(app.focused, QuestionInput)
        await pilot.press("pageup")
        await pilot.pause()
        assert transcript.scroll_y == top


async def test_an_answer_is_placed_and_typed_without_a_layout_of_the_screen(plan, monkeypatch):
    """A layout pass arranges and redraws the whole screen (an answer cost 2–4 of them when the
    transcript was a container of widgets): the transcript draws its turns itself, so the oldest
    turn removed and the new answer opened at its question take a refresh of its lines, no layout."""
    from textual.screen import Screen

    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        layouts: list[str] = []
        real = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout", lambda self, *a, **k: (layouts.append("layout"), real(self, *a, **k))[1])
        monkeypatch.setattr(Transcript, "MAX_TURNS", 2)  # the third answer also removes the first turn
        transcript = app.screen.query_one(Transcript)
        box = app.screen.query_one(QuestionInput)
        # (the first answer longer than the view brings the transcript's scroll bar: a layout of its own, once)
        await ask(app, pilot, "生态环境局有哪些任务")
        for question in ["交通局牵头哪些任务", "配合的呢", "区县政府要落实哪些任务"]:
            box.focus()
            await pilot.pause()
            layouts.clear()
            await pilot.press(*question)
            for _ in range(3):
                await pilot.pause()
            assert layouts == [], f"typing {question!r} laid the screen out"
            await pilot.press("enter")
            for _ in range(100):
                await pilot.pause()
                cards = transcript.cards
                if cards and cards[-1].question == question and cards[-1].opened:
                    break
            for _ in range(3):
                await pilot.pause()
            assert cards[-1].opened and cards[-1].answer is not None
            assert layouts == [], f"{question!r}: {len(layouts)} layouts"
        assert [c.question for c in transcript.cards] == ["配合的呢", "区县政府要落实哪些任务"]
        assert transcript.scroll_offset.y == transcript.top_of(transcript.cards[-1])
        assert "问：区县政府要落实哪些任务" in transcript.render_line(1).text


async def test_no_answer_line_loses_characters_after_a_resize(plan):
    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "生态环境局有哪些任务")
        for size in [(80, 24), (100, 30), (120, 40)]:
            await pilot.resize_terminal(*size)
            for _ in range(3):
                await pilot.pause()
            shown = squeeze("".join(card.lines()))
            for block in card.blocks:
                assert squeeze(block.content.plain) in shown, f"{block.content.plain!r} cut at {size}"
            for line in card.lines():
                assert not line.lstrip().startswith(("、", "，", "；", "）", "。")), line


# ---------------------------------------------------------------- item 5: Chinese line breaking on screen


async def test_textual_wraps_with_kbs_chinese_rules():
    import textual.content

    from tui import linebreak

    text = "各项指标不低于85%，到2020年完成；（市生态环境局牵头）、市公安局配合。"

    class One(App):
        CSS = "Static { width: 14; }"

        def compose(self):
            yield Static(text)

    assert textual.content.divide_line is linebreak.divide_line
    app = One()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        lines = [line.strip() for line in rendered_lines(app.query_one(Static))]
        assert "".join(lines) == text
        assert any("85%" in line for line in lines) and any("2020年" in line for line in lines)
        for line in lines[1:]:
            assert line[0] not in "、，；）。%", lines


# ---------------------------------------------------------------- item 3: the overview


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_overview_shows_every_target(plan, size):
    targets = [(task.label, t.metric) for task in plan.tasks for t in task.targets]
    assert len(targets) == 20
    app = KbApp(plan)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        table = app.screen.query_one("#overview-targets", DataTable)
        assert table.row_count == 20
        assert table.size.height >= table.row_count + 1, "every row drawn (no height cap): the screen scrolls"
        text = "".join(rendered_lines(table))
        assert "红色级别减排比例" in text or "减排比例" in text


# ---------------------------------------------------------------- item 6: one count everywhere


async def test_districts_counts_agree_everywhere(plan):
    counts = dict(department_counts(plan))[DISTRICTS]
    assert (counts["support"], counts["implied"]) == (1, 64)
    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        sidebar = app.screen.query_one(DepartmentList)
        option = sidebar.query_one("#dept-options").get_option(DISTRICTS)
        assert "落64" in option.prompt.plain
        app.show_department(DISTRICTS)
        await pilot.pause()
        header = str(app.screen.query_one("#duty-header", Static).render())
        assert "落实 64" in header and "配合 1" in header
        listed = app.screen.query_one("#duty-tasks", TaskList)
        headings = [o.prompt.plain for o in listed.options if o.disabled]
        assert headings == ["配合（1）", "落实（方案要求各项工作均需落实）（64）"]
        assert len(listed.task_ids) == 65  # 三（一）1 under 配合 and under 落实


async def test_duty_list_shows_deadlines_targets_and_first_clause(plan):
    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        app.show_department("市交通运输局")
        await pilot.pause()
        listed = app.screen.query_one("#duty-tasks", TaskList)
        prompts = {o.id: o.prompt.plain for o in listed.options if not o.disabled}
        by_label = {plan.task(i.split("@")[0]).label: p for i, p in prompts.items()}
        assert by_label["三（一）14"].startswith("三（一）14 全面推进汽油储油库、油罐车、加油站油气回收治理改造\n")
        assert "目标指标：已安装油气回收设施 油气回收率 提高到 ≥80%" in by_label["三（一）14"]
        assert "完成时限：" in by_label["三（三）8"]


# ---------------------------------------------------------------- item 16: small things


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_sidebar_counts_are_never_broken(plan, size):
    app = KbApp(plan)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        options = app.screen.query_one("#dept-options")
        lines = rendered_lines(options)
        for name, counts in department_counts(plan):
            from tui.widgets.department_list import counts_line

            line = counts_line(counts)
            assert any(line in row for row in lines) or options.max_scroll_y, f"{line} broken at {size}"
        if size[0] >= 120:
            assert any("市重污染天气应急指挥部成员单位 牵0 配4" in row for row in lines), "one line at 120 columns"


async def test_filter_title_says_how_many_match(plan):
    app = KbApp(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        sidebar = app.screen.query_one(DepartmentList)
        total = len(department_counts(plan))
        assert sidebar.border_title == f"部门（{total}）"
        await pilot.press("ctrl+g", *"公安")
        await pilot.pause()
        assert sidebar.border_title == f"部门（1/{total}）"


async def test_modal_footers_show_esc_to_close(plan, tmp_path):
    app = KbApp(plan, export_folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for key, screen_type in (("ctrl+s", ExportDialog), ("f1", None)):
            app.screen.query_one("#dept-options").focus()
            await pilot.press(key)
            await pilot.pause()
            if screen_type is not None:
                assert isinstance(app.screen, screen_type)
            footer = app.screen.query_one(Footer)
            text = " ".join(str(key.render()) for key in footer.query("FooterKey"))
            assert "Esc" in text and "关闭" in text, text
            await pilot.press("escape")
            await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_open_subject_list_stays_inside_the_export_dialog(plan, tmp_path, size):
    app = KbApp(plan, export_folder=tmp_path)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen.query_one("#export-dialog")
        app.screen.query_one("#export-subject").focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = app.screen.query_one("SelectOverlay")
        inner = dialog.region.shrink((1, 1, 1, 1))  # inside the border
        assert inner.contains_region(overlay.region), (overlay.region, dialog.region)
        keys = " ".join(str(k.render()) for k in app.screen.query_one(Footer).query("FooterKey"))
        assert "关闭列表" in keys and "Dismiss" not in keys
