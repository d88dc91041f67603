"""The TUI as officials use it (issue #14): exports that open, settings remembered, answers acted on.

Pilot tests; exports are opened with their library and checked.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from textual.widgets import Input, Static  # noqa: E402

from tui import config  # noqa: E402
from tui.app import KbApp, answer_plain_text  # noqa: E402
from tui.screens.export import ANSWER, ExportDialog  # noqa: E402
from tui.widgets.question_input import QuestionInput  # noqa: E402
from tui.widgets.transcript import Transcript  # noqa: E402
from tui_pilot import SIZE, ask, ready  # noqa: E402

TRANSPORT = "市交通运输局"


async def export_with(app, pilot, *, subject=None, fmt=None, path=None):
    """Open the dialog, set what is given, press 导出; return the dialog."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    if subject is not None:
        dialog.query_one("#export-subject").value = subject
        await pilot.pause()
    if fmt is not None:
        buttons = {b.name: b for b in dialog.query("RadioButton")}
        buttons[fmt].value = True
        await pilot.pause()
    if path is not None:
        dialog.query_one("#export-path", Input).value = str(path)
    dialog.query_one("#export-go").press()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


def result_text(dialog) -> str:
    return str(dialog.query_one("#export-result", Static).render())


# ---------------------------------------------------------------- item 1: the extension decides nothing silently


async def test_docx_under_an_xlsx_name_is_refused_in_chinese(plan, tmp_path):
    app = KbApp(plan, export_folder=tmp_path, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.show_department(TRANSPORT)
        await pilot.pause()
        dialog = await export_with(app, pilot, fmt="docx", path=tmp_path / "清单.xlsx")
        assert dialog.written is None
        assert dialog.query_one("#export-result").has_class("-error")
        text = result_text(dialog)
        assert "未能导出" in text and "扩展名是 .xlsx" in text and "docx" in text
        assert list(tmp_path.iterdir()) == [], "nothing written under the wrong name"


async def test_docx_with_its_own_extension_opens_in_word(plan, tmp_path):
    import docx

    app = KbApp(plan, export_folder=tmp_path, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.show_department(TRANSPORT)
        await pilot.pause()
        dialog = await export_with(app, pilot, fmt="docx", path=tmp_path / "清单.docx")
        assert dialog.written == tmp_path / "清单.docx"
        document = docx.Document(dialog.written)
        assert document.paragraphs[0].text == f"{TRANSPORT}责任清单"


# ---------------------------------------------------------------- items 12, 15: folders and settings


def test_documents_folder(tmp_path):
    assert config.documents_folder(tmp_path) == tmp_path  # neither: home
    (tmp_path / "Documents").mkdir()
    assert config.documents_folder(tmp_path) == tmp_path / "Documents"
    (tmp_path / "文档").mkdir()
    assert config.documents_folder(tmp_path) == tmp_path / "文档"  # the Chinese desktop's name first


def test_default_export_folder_is_the_documents_folder_never_the_checkout(plan, tmp_path, monkeypatch):
    from pathlib import Path

    home = tmp_path / "home"
    (home / "文档").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    app = KbApp(plan, settings_path=tmp_path / "tui.json")
    assert app.export_folder == home / "文档"
    assert Path.cwd() not in (app.export_folder, *app.export_folder.parents) or Path.cwd() == home


SETTINGS_ROWS = [
    # file content, theme read, folder read, why
    ('{"theme": "nord", "export_folder": "/tmp"}', "nord", "/tmp", "both remembered"),
    ("not json", None, None, "a damaged file is ignored"),
    ('["theme"]', None, None, "not an object"),
    ('{"theme": 3, "export_folder": ""}', None, None, "wrong types and empty values are ignored"),
    ('{"theme": "nord", "extra": 1}', "nord", None, "unknown keys are ignored"),
]


@pytest.mark.parametrize("content, theme, folder, why", SETTINGS_ROWS)
def test_settings_file_is_read_as_data(tmp_path, content, theme, folder, why):
    path = tmp_path / "tui.json"
    path.write_text(content, encoding="utf-8")
    settings = config.load(path)
    assert (settings.theme, settings.export_folder) == (theme, folder), why


def test_settings_are_written_atomically_under_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert config.config_path() == tmp_path / "cfg" / "kb" / "tui.json"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/path")  # not absolute: the spec says ignore it
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config.config_path() == tmp_path / ".config" / "kb" / "tui.json"
    path = tmp_path / "cfg" / "kb" / "tui.json"
    assert config.save(config.Settings("textual-light", "/x"), path)
    assert json.loads(path.read_text(encoding="utf-8")) == {"theme": "textual-light", "export_folder": "/x"}
    assert [p.name for p in path.parent.iterdir()] == ["tui.json"], "no temporary file left"


async def test_theme_and_export_folder_are_remembered_between_runs(plan, tmp_path):
    settings = tmp_path / "tui.json"
    out = tmp_path / "out"
    out.mkdir()
    app = KbApp(plan, export_folder=tmp_path, settings_path=settings)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        app.show_department(TRANSPORT)
        await pilot.pause()
        dialog = await export_with(app, pilot, path=out)
        assert dialog.written == out / f"{TRANSPORT}-责任清单.xlsx"
    saved = json.loads(settings.read_text(encoding="utf-8"))
    assert saved == {"theme": "textual-light", "export_folder": str(out)}
    again = KbApp(plan, settings_path=settings)
    async with again.run_test(size=SIZE) as pilot:
        await ready(again, pilot)
        assert again.theme == "textual-light"
        assert again.export_folder == out


async def test_palette_theme_choice_and_ctrl_t_agree(plan, tmp_path):
    settings = tmp_path / "tui.json"
    app = KbApp(plan, settings_path=settings)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.theme = "nord"  # what the palette's theme list does
        await pilot.pause()
        assert json.loads(settings.read_text(encoding="utf-8"))["theme"] == "nord"
        await pilot.press("ctrl+t")  # nord is dark: Ctrl+T goes light
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"
        assert json.loads(settings.read_text(encoding="utf-8"))["theme"] == "textual-dark"


async def test_palette_commands_are_chinese(plan, tmp_path):
    app = KbApp(plan, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["总览", "导出", "复制答案", "帮助", "切换浅色 / 深色", "选择配色主题", "退出"]


# ---------------------------------------------------------------- item 14: copy and export the current answer


async def test_copy_answer_puts_question_and_labelled_text_on_the_clipboard(plan, tmp_path):
    app = KbApp(plan, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局牵头哪些任务")
        await pilot.press("ctrl+y")
        await pilot.pause()
        copied = app.clipboard
        assert copied == answer_plain_text("交通局牵头哪些任务", card.answer)
        assert copied.startswith("问：交通局牵头哪些任务\n")
        for task in plan.tasks_of(TRANSPORT, "lead"):
            assert task.label in copied


def test_answer_plain_text_drops_control_characters():
    class A:
        text = "共 1 项\x1b[31m：\n1. 三（一）1 x\x07"

    assert answer_plain_text("问\x00题", A()) == "问：问题\n共 1 项[31m：\n1. 三（一）1 x\n"


async def test_export_the_current_answer(plan, tmp_path):
    import openpyxl

    app = KbApp(plan, export_folder=tmp_path, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "哪些任务涉及VOCs")
        assert card.answer.tasks
        dialog = await export_with(app, pilot, subject=ANSWER)
        assert dialog.written == tmp_path / "哪些任务涉及VOCs-任务清单.xlsx"
        sheet = openpyxl.load_workbook(dialog.written).active
        labels = [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)]
        assert labels == [t.label for t in card.answer.tasks]


# ---------------------------------------------------------------- item 13: the TUI acts on its answers


def numbered(card) -> dict[int, str]:
    """Item number → task id, read from the answer's structured Result (as 第N项 counts)."""
    return {i.n: i.task.id for g in card.answer.result.groups for i in g.items if i.task is not None and i.n is not None}


async def test_a_number_key_on_the_answer_opens_that_item(plan):
    from tui.screens.task_detail import TaskDetailScreen

    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "生态环境局有哪些任务")
        items = numbered(card)
        assert len(items) == 41
        card.focus()
        await pilot.press("1", "2")  # two digits in a row: item 12
        await pilot.pause(card.NUMBER_PAUSE + 0.3)
        assert isinstance(app.screen, TaskDetailScreen)
        assert app.screen.task_shown.id == items[12]
        await pilot.press("escape")
        card.focus()
        await pilot.press("9", "9")
        await pilot.pause(card.NUMBER_PAUSE + 0.3)
        assert not isinstance(app.screen, TaskDetailScreen), "no item 99: nothing opened"


async def test_arrow_keys_move_through_the_items_and_enter_opens_the_highlighted_one(plan):
    from tui.screens.task_detail import TaskDetailScreen

    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局参与哪些任务")  # two groups: the headings are skipped
        items = numbered(card)
        card.focus()
        await pilot.press("down", "down", "up", "down")
        assert card.highlighted == 2
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetailScreen)
        assert app.screen.task_shown.id == items[3] == card.task_ids[2]
        await pilot.press("escape")
        card.focus()
        await pilot.press("end")
        assert card.highlighted == len(card.task_ids) - 1
        await pilot.press("home", "up")
        assert card.highlighted == 0


async def test_a_click_on_an_item_opens_it(plan):
    from tui.screens.task_detail import TaskDetailScreen

    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局牵头哪些任务")
        transcript = app.screen.query_one(Transcript)
        first_line, height = card.item_lines(1, transcript.card_width())
        assert height >= 1
        # the item's last line: after the question's margin and line and the card's top border; inside
        # the transcript's padding, the card's border and its padding (1 cell each)
        y = transcript.top_of(card) + 3 + first_line + height - 1 - transcript.scroll_offset.y
        await pilot.click(transcript, offset=(4, y))
        await pilot.pause()
        assert isinstance(app.screen, TaskDetailScreen)
        assert app.screen.task_shown.id == card.task_ids[1]


async def test_a_bare_number_in_the_input_opens_that_item_of_the_last_answer(plan):
    from tui.screens.task_detail import TaskDetailScreen

    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局牵头哪些任务")
        items = numbered(card)
        app.screen.query_one(QuestionInput).focus()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetailScreen)
        assert app.screen.task_shown.id == items[3]
        assert len(app.screen_stack[0].query_one(Transcript).cards) == 1, "no question asked"


async def test_from_a_task_jump_to_a_departments_duties(plan):
    from textual.widgets import TabbedContent

    from tui.screens.task_detail import TaskDetailScreen
    from tui.widgets.duty_view import DutyView

    task = plan.tasks_of(TRANSPORT, "lead")[1]  # 三（一）14: 牵头 交通局、经信局, 配合 生态环境局
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.open_task(task.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TaskDetailScreen)
        listed = screen.query_one("#detail-departments")
        names = [o.id for o in listed.options]
        assert names == [*task.lead, *task.support, *task.implied]  # the implementers of 三 too (落实)
        await pilot.press("d", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TaskDetailScreen)
        assert app.screen.query_one(DutyView).department == names[1]
        assert app.screen.query_one(TabbedContent).active == "duties"


# ---------------------------------------------------------------- issue #9: several plans, pick one or all


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    """The bundled plan and the Guangzhou plan (tests/fixtures/plans) as one corpus."""
    import shutil
    from pathlib import Path

    from kb.store import load_plan

    root = Path(__file__).resolve().parent.parent
    folder = tmp_path_factory.mktemp("two-plans")
    shutil.copy(root / "corpus" / "zigong-blue-sky-plan.txt", folder)
    shutil.copy(root / "tests" / "fixtures" / "plans" / "05_guangzhou_rencaijiju_2012.txt", folder)
    return load_plan(str(folder))


async def test_pick_one_plan_or_all(two_plans, tmp_path):
    from kb.duties import department_counts
    from tui.widgets.department_list import DepartmentList

    ids = [d.id for d in two_plans.documents]
    assert ids == ["05_guangzhou_rencaijiju_2012", "zigong-blue-sky-plan"]
    app = KbApp(two_plans, export_folder=tmp_path, settings_path=tmp_path / "tui.json")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        picker = app.screen.query_one("#plan-picker")
        assert [label for label, _ in picker._options][0].startswith("全部方案（2 个）")
        sidebar = app.screen.query_one(DepartmentList)
        assert list(sidebar.rows) == [n for n, _ in department_counts(two_plans)]
        picker.value = "zigong-blue-sky-plan"
        await asyncio.wait_for(app.index_ready.wait(), 60)
        await pilot.pause()
        zigong = [t for t in two_plans.tasks if t.doc == "zigong-blue-sky-plan"]
        assert [d.id for d in app.plan.documents] == ["zigong-blue-sky-plan"] and app.plan.tasks == zigong
        assert list(sidebar.rows) == [n for n, _ in department_counts(app.plan)]
        assert "市交通运输局" in sidebar.rows
        card = await ask(app, pilot, "交通局牵头哪些任务")
        assert card.answer.tasks and all(t.doc == "zigong-blue-sky-plan" for t in card.answer.tasks)
        # the export of the picked plan is named after it
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#export-subject").value = "table"
        await pilot.pause()
        assert app.screen.query_one("#export-path").value.endswith("自贡市打赢蓝天保卫战实施方案-任务分工表.xlsx")
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#plan-picker").value = "*"
        await pilot.pause()
        assert app.plan is app.full_plan
