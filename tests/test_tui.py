"""The TUI driven with Textual's Pilot: asking, follow-ups, departments, task detail, export, help, overview.

Expected task lists are the hand-counted ones of tests/test_qa_questions.py (LEAD_JT …: labels read off the
plan's tags), not lists kb computes, so a screen and the library agreeing on a wrong list fails here.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from textual.widgets import Button, Input, OptionList, Static, TabbedContent  # noqa: E402

from kb.duties import department_counts, duty_list  # noqa: E402
from test_qa_questions import ANY_NY, ANY_ZJ, LEAD_JT, SUPPORT_JT  # noqa: E402
from tui.app import KbApp  # noqa: E402
from tui.screens.export import ExportDialog  # noqa: E402
from tui.screens.help import HelpScreen  # noqa: E402
from tui.screens.overview import OverviewScreen, chart_rows  # noqa: E402
from tui.screens.task_detail import TaskDetailScreen, section_neighbours  # noqa: E402
from tui.widgets.bar_chart import BarChart  # noqa: E402
from tui.widgets.department_list import DepartmentList  # noqa: E402
from tui.widgets.duty_view import DutyView  # noqa: E402
from tui.widgets.question_input import QuestionInput  # noqa: E402
from tui.widgets.task_list import TaskList  # noqa: E402
from tui.widgets.transcript import AnswerCard, Transcript  # noqa: E402
from tui_pilot import SIZE, ask, choose_in_palette, ready  # noqa: E402

TRANSPORT = "市交通运输局"


def head_text(card: AnswerCard) -> str:
    return card.text_of("answer-head")


def labels(plan, task_ids) -> str:
    """The labels of ``task_ids``, space-separated as the hand-counted lists are written."""
    return " ".join(plan.task(i).label for i in task_ids)


#: 市交通运输局's duty list as the TUI groups it (牵头, 按职责分工负责, 配合), by hand from the plan's tags.
DUTIES_JT = LEAD_JT + " 三（三）4 三（三）13 三（四）1 三（四）6 " + SUPPORT_JT


async def test_lead_question_shows_exactly_the_lead_tasks(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局牵头哪些任务")
        assert card.has_class("-exact") and not card.has_class("-inexact")
        assert labels(plan, card.task_ids) == LEAD_JT
        assert len(card.prompts()) == 8
        assert "8 项" in head_text(card)
        assert TRANSPORT in card.text_of("answer-roles")


async def test_follow_up_keeps_the_department(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, "交通局牵头哪些任务")
        card = await ask(app, pilot, "配合的呢")
        assert labels(plan, card.task_ids) == SUPPORT_JT
        assert len(app.screen.query_one(Transcript).cards) == 2


async def test_history_walks_back_and_forth(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, "交通局牵头哪些任务")
        await ask(app, pilot, "配合的呢")
        box = app.screen.query_one(QuestionInput)
        await pilot.press(*"草稿")
        await pilot.press("up")
        assert box.value == "配合的呢"
        await pilot.press("up", "up")
        assert box.value == "交通局牵头哪些任务"
        await pilot.press("down", "down")
        assert box.value == "草稿"


async def test_unknown_department_question_is_a_friendly_answer(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "市教育局牵头哪些任务")
        assert not card.task_ids
        assert card.has_class("-empty")
        assert "市教育局" in head_text(card)
        assert "Traceback" not in head_text(card)


async def test_empty_question_is_a_friendly_answer(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "")
        assert not card.task_ids
        assert "请输入" in head_text(card)
        assert app.screen.query_one(Transcript).questions_shown() == [], "a blank question gets no question bubble"


async def test_full_text_answer_looks_different(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        exact = await ask(app, pilot, "交通局牵头哪些任务")
        fallback = await ask(app, pilot, "天气怎么样")
        assert fallback.answer.exact is False
        assert fallback.has_class("-inexact") and not fallback.has_class("-exact")
        assert fallback.border_title != exact.border_title


async def test_while_the_index_opens_a_department_question_is_answered_and_a_topic_question_waits(plan):
    """At 1,000 plans the index takes ~20 min to build: only the questions that need it wait for it."""
    from kb.qa import Session

    gate = threading.Event()

    class SlowSession(Session):
        def ensure_index(self, progress=None):
            if progress:
                progress("正在建立索引")
            gate.wait(30)
            return super().ensure_index(progress)

    app = KbApp(plan, session=SlowSession(plan=plan))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = app.screen.query_one("#index-status", Static)
        await pilot.press(*"交通局牵头哪些任务", "enter")
        for _ in range(100):  # answered while the index is still being opened
            await pilot.pause(0.05)
            duties = app.screen.query_one(Transcript).cards[-1]
            if duties.answer is not None:
                break
        assert not app.index_ready.is_set()
        assert labels(plan, duties.task_ids) == LEAD_JT
        await pilot.press(*"国六标准什么时候实施", "enter")  # found through the index
        await pilot.pause(0.2)
        topic = app.screen.query_one(Transcript).cards[-1]
        assert topic is not duties
        assert topic.answer is None and topic.has_class("-pending")
        assert status.display and "索引" in str(status.render())
        gate.set()
        await asyncio.wait_for(app.index_ready.wait(), 60)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert topic.answer is not None and topic.answer.status == "answered" and "2019年7月1日" in topic.answer.text
        assert not status.display



async def test_the_question_vocabulary_is_read_when_the_user_starts_asking(plan):
    # Not before the first screen (~40 ms it would add to it), but at the first key typed in the
    # question input; a question submitted before that read is done waits for it and is answered.
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await app.workers.wait_for_complete()
        assert app._prepared == {}, "the first screen read the question vocabulary"
        app.screen.query_one(QuestionInput).focus()
        await pilot.press("交")
        await pilot.pause()
        done = app._prepared.get(id(app.session))
        assert done is not None, "typing did not start reading the question vocabulary"
        assert await asyncio.to_thread(done.wait, 60)
        card = await ask(app, pilot, "通局牵头哪些任务")
        assert labels(plan, card.task_ids) == LEAD_JT
    fresh = KbApp(plan)
    async with fresh.run_test(size=SIZE) as pilot:
        await ready(fresh, pilot)
        box = fresh.screen.query_one(QuestionInput)
        box.value = "交通局牵头哪些任务"  # set and submitted at once (a paste and Enter): the read runs meanwhile
        await box.action_submit()
        await fresh.workers.wait_for_complete()
        await pilot.pause()
        assert id(fresh.session) in fresh._prepared
        card = fresh.screen.query_one(Transcript).cards[-1]
        assert card.answer is not None and labels(plan, card.task_ids) == LEAD_JT

@pytest.mark.parametrize(
    "typed, expected, listed_labels, ordered",
    [
        ("交通局", TRANSPORT, DUTIES_JT, True),  # alias
        ("市交通运输居", TRANSPORT, DUTIES_JT, True),  # typo
        ("交通运输", TRANSPORT, DUTIES_JT, True),  # part of the name
        ("住建局", "市住房城乡建设局", ANY_ZJ, False),  # (hand list of every task, not grouped: compared as a set)
        ("能源办", "市能源办", ANY_NY, True),  # sub-unit: 牵头 then 配合
    ],
)
async def test_selecting_a_department_shows_its_duties(plan, typed, expected, listed_labels, ordered):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+g", *typed, "enter")
        await pilot.pause()
        view = app.screen.query_one(DutyView)
        assert view.department == expected
        assert app.screen.query_one(TabbedContent).active == "duties"
        listed = app.screen.query_one("#duty-tasks", TaskList)
        shown = labels(plan, listed.task_ids)
        assert (shown if ordered else sorted(shown.split())) == (listed_labels if ordered else sorted(listed_labels.split()))
        header = str(app.screen.query_one("#duty-header", Static).render())
        counts = dict(department_counts(plan))[expected]
        assert f"牵头 {counts['lead']}" in header if counts["lead"] else "牵头" not in header


async def test_department_list_shows_counts_and_selects_with_enter(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        sidebar = app.screen.query_one(DepartmentList)
        assert sidebar.shown == [name for name, _ in department_counts(plan)]
        options = sidebar.query_one("#dept-options", OptionList)
        options.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one(DutyView).department == sidebar.shown[1]


async def test_typing_in_the_department_list_filters_it(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        sidebar = app.screen.query_one(DepartmentList)
        sidebar.query_one("#dept-options", OptionList).focus()
        await pilot.press(*"公安")
        assert sidebar.query_one("#dept-filter", Input).value == "公安"
        assert sidebar.shown == ["市公安局"]


async def test_unknown_department_in_the_filter_gives_a_hint(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+g", *"市教育局")
        await pilot.pause()
        hint = app.screen.query_one("#dept-hint", Static)
        assert hint.display
        assert "方案没有给“市教育局”分配任务" in str(hint.render())


async def test_opening_a_task_shows_its_detail(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局牵头哪些任务")
        card.focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TaskDetailScreen)
        first = plan.task(card.task_ids[0])
        assert screen.task_shown.id == first.id
        assert str(screen.query_one("#detail-text", Static).render()) == first.text
        path = str(screen.query_one("#detail-path", Static).render())
        assert all(part in path for part in first.section_path)
        roles = str(screen.query_one("#detail-roles", Static).render())
        assert all(name in roles for name in first.departments("any"))
        previous, following = section_neighbours(plan.tasks, first)
        await pilot.press("right")
        assert screen.task_shown.id == (following or first).id
        await pilot.press("left")
        assert screen.task_shown.id == first.id
        await pilot.press("escape")
        assert not isinstance(app.screen, TaskDetailScreen)


async def test_task_from_the_duty_list_opens_detail(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.show_department(TRANSPORT)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetailScreen)
        assert app.screen.task_shown.label == LEAD_JT.split()[1]


async def test_export_dialog_writes_an_xlsx_that_opens(plan, tmp_path):
    import openpyxl

    app = KbApp(plan, export_folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.show_department(TRANSPORT)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.subject == f"dept:{TRANSPORT}"
        box = dialog.query_one("#export-path", Input)
        assert box.value == str(tmp_path / f"{TRANSPORT}-责任清单.xlsx")
        await pilot.click("#export-go")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert dialog.written == tmp_path / f"{TRANSPORT}-责任清单.xlsx"
        result = str(dialog.query_one("#export-result", Static).render())
        assert str(dialog.written) in result
        book = openpyxl.load_workbook(dialog.written)
        cells = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
        for task in duty_list(plan, TRANSPORT).tasks:
            assert task.label in cells
        # Again without 覆盖: the exporter refuses, the dialog says why.
        dialog.query_one("#export-go", Button).press()  # (a click could land on the toast)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        result_widget = dialog.query_one("#export-result", Static)
        assert result_widget.has_class("-error")
        assert "未能导出" in str(result_widget.render())


async def test_export_dialog_follows_format_and_writes_the_table(plan, tmp_path):
    app = KbApp(plan, export_folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert dialog.subject == "table"  # nothing in view: the whole table
        dialog.query_one("#export-format").query("RadioButton")[3].value = True  # csv
        await pilot.pause()
        box = dialog.query_one("#export-path", Input)
        assert box.value.endswith("任务分工表.csv")
        await pilot.click("#export-go")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert dialog.written is not None and dialog.written.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_screen_opens_and_closes(plan, key):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.screen.query_one("#dept-options", OptionList).focus()  # "?" typed in an input is text
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_question_mark_in_the_input_is_text(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press(*"谁负责?")
        assert app.screen.query_one(QuestionInput).value == "谁负责?"
        assert not isinstance(app.screen, HelpScreen)


async def test_overview_screen_opens_with_the_chart(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        chart = screen.query_one(BarChart)
        counts = dict(department_counts(plan))
        assert chart.rows == chart_rows(plan)
        assert {name for name, _, _ in chart.rows} == {n for n, c in counts.items() if c["lead"] or c["support"]}
        for name, lead, support in chart.rows:
            assert (lead, support) == (counts[name]["lead"], counts[name]["support"])
        goals = [str(w.render()) for w in screen.query(".goal")]
        assert len(goals) == len([t for t in plan.tasks if t.kind == "paragraph"])
        await pilot.press("escape")
        assert not isinstance(app.screen, OverviewScreen)


async def test_theme_toggles_between_light_and_dark(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


async def test_palette_offers_departments(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose_in_palette(pilot, "交通运输局")
        assert app.screen.query_one(DutyView).department == TRANSPORT


async def test_sidebar_toggles_for_narrow_terminals(plan):
    app = KbApp(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        side = app.screen.query_one("#side")  # the department list (and the plan picker, with several plans)
        assert app.screen.query_one(DepartmentList) in side.children
        await pilot.press("ctrl+b")
        assert not side.display
        await pilot.press("ctrl+g")
        assert side.display


async def test_transcript_keeps_the_last_turns(plan, monkeypatch):
    monkeypatch.setattr(Transcript, "MAX_TURNS", 3)
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        for q in ["交通局牵头哪些任务", "配合的呢", "", "发改委牵头几项任务", "秸秆禁烧由谁负责"]:
            await ask(app, pilot, q)
        transcript = app.screen.query_one(Transcript)
        assert [c.question for c in transcript.cards] == ["", "发改委牵头几项任务", "秸秆禁烧由谁负责"]
        assert transcript.questions_shown() == ["发改委牵头几项任务", "秸秆禁烧由谁负责"]


async def test_palette_offers_tasks(plan):
    task = plan.tasks_of(TRANSPORT, "lead")[2]
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose_in_palette(pilot, f"任务：{task.label} {task.title or ''}".strip())
        assert isinstance(app.screen, TaskDetailScreen)
        assert app.screen.task_shown.id == task.id


def test_kb_tui_without_a_terminal_is_one_line_and_exit_2():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "kb.cli", "tui"], stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and proc.stderr.startswith("kb: ")
    assert "Traceback" not in proc.stderr


async def test_export_from_an_answer_offers_its_department(plan, tmp_path):
    app = KbApp(plan, export_folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, "住建局牵头哪些任务")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.subject == "dept:市住房城乡建设局"
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportDialog)


async def test_palette_offers_actions(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose_in_palette(pilot, "总览")
        assert isinstance(app.screen, OverviewScreen)
