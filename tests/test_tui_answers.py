"""TUI answer cards laid out from the structured Result (issue 14 item 13): numbered items as in
the CLI, 第N项 follow-ups, group headings, statuses, and related entries kept apart."""

from __future__ import annotations

from test_tui import SIZE, TRANSPORT, ask, head_text, ready  # noqa: E402
from tui.app import KbApp  # noqa: E402


def prompts(card) -> list[str]:
    return card.prompts()


async def test_items_are_numbered_and_the_second_one_answers_a_follow_up(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局牵头哪些任务")
        leads = plan.tasks_of(TRANSPORT, "lead")
        shown = prompts(card)
        assert [p.split(" ")[0] for p in shown] == [f"{n}." for n in range(1, len(leads) + 1)]
        assert shown[1].startswith("2. ") and f" {leads[1].label} " in shown[1]
        # under 交通局's own lead list a co-lead reads 其他牵头单位, as in the CLI
        assert "其他牵头单位：市经济和信息化局" in shown[1]
        follow = await ask(app, pilot, "第二项的时限")
        assert follow.answer.intent == "item_deadline"
        assert [t.id for t in follow.answer.tasks] == [leads[1].id]


async def test_group_headings_and_numbers_run_across_groups(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "交通局参与哪些任务")
        shown = prompts(card)
        headings = [p for p in shown if p.startswith("【")]
        assert headings[0].startswith("【牵头】")
        numbers = [int(p.split(".")[0]) for p in shown if not p.startswith("【")]
        assert numbers == list(range(1, len(numbers) + 1))


async def test_not_understood_shows_related_entries_apart(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "激光雷达走航")
        assert card.answer.status == "not_understood"
        assert not card.task_ids and card.has_class("-inexact")
        assert "没有读懂" in head_text(card)
        assert "相关条目" in card.text_of("answer-related")


async def test_not_in_plan_is_no_rule_answer(plan):
    app = KbApp(plan)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "方案第五部分是什么")
        assert card.answer.status == "not_in_plan"
        assert card.has_class("-inexact") and card.border_title == "方案中没有"
        assert "没有第五部分" in head_text(card)
