"""The chat transcript: questions and the answers kb gives, oldest at the top.

An answer card is laid out from the answer's structured ``Result`` (kb/qa/result.py),
never by parsing its text: the heading lines, the departments by role, then the
numbered items as a selectable TaskList (group headings as disabled rows; the number
is the one 第N项 refers to, as in the CLI), the notes, and — apart, under its own
heading — the related entries of a not-understood answer.  Only ``answered`` is drawn
as a rule answer; every other status (``Answer.status``) gets the ``-inexact`` class
and its own border title.
"""

from __future__ import annotations

from dataclasses import dataclass

import textual.content

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Static

from tui.widgets.roles import ROLE_BADGES, ROLE_ORDER, ROLE_STYLES, role_name
from tui.widgets.task_list import NUMBER_PAUSE, TaskList, number_key

#: Border titles by Answer.status.
STATUS_TITLES = {
    "answered": "规则答案",
    "not_in_plan": "方案中没有",
    "not_understood": "未能理解（非精确匹配）",
    "ask_back": "请选择",
}

WELCOME = (
    "在下方输入问题，按 Enter 提问；↑/↓ 翻看历史问题。例如：\n"
    "  交通局牵头哪些任务　·　配合的呢　·　秸秆禁烧由谁负责\n"
    "  哪些任务涉及VOCs　·　PM2.5要下降多少\n"
    "左侧是部门列表（输入可筛选，简称和错别字也能识别）；F1 查看帮助。"
)


def answer_prompt(item, roles: list[str] | None, exclude: str | None) -> Content:
    """A numbered task item: number, role badges, label, title; below, its other departments in the
    answer's wording (其他牵头单位：… under the asked department's own list, as the CLI says)."""
    from kb.qa.result import describe, head_of

    task = item.task
    parts: list = [(f"{item.n}. " if item.n is not None else "", "bold")]
    for role in roles or []:
        if role in ROLE_BADGES:
            parts += [(f"[{ROLE_BADGES[role]}]", ROLE_STYLES[role]), " "]
    parts += [(task.label, "bold $text-primary"), " ", head_of(task)]
    if item.plan:
        parts += [(f"〔{item.plan}〕", "$text-muted")]
    others = describe(task, exclude)
    if others:
        parts += ["\n", (others, "$text-muted")]
    return Content.assemble(*parts)


def departments_by_role(answer) -> dict[str, list[str]]:
    """Role → the answer's departments that hold it in at least one of the answer's tasks."""
    out: dict[str, list[str]] = {}
    for name in answer.departments:
        roles = {r for t in answer.tasks for r in t.roles_of(name)}
        for role in ROLE_ORDER:
            if role in roles:
                out.setdefault(role, []).append(name)
    return out


def roles_line(by_role: dict[str, list[str]]) -> Content:
    """``牵头：A、B ｜ 配合：C`` with each name in its role's style."""
    parts: list = []
    for role in ROLE_ORDER:
        names = by_role.get(role)
        if not names:
            continue
        if parts:
            parts.append(("　｜　", "$text-muted"))
        parts.append(f"{role_name(role)}：")
        for i, name in enumerate(names):
            if i:
                parts.append("、")
            parts.append((name, ROLE_STYLES[role]))
    return Content.assemble(*parts)


class LaidOutOnce:
    """A widget that takes its new size from a layout without asking for another layout.

    Textual sets each widget's virtual size during a layout through a reactive that asks for
    a layout again: every new card, its question and the transcript around them cost a
    second layout pass and render after each answer, which changed nothing (the compositor
    has just computed those sizes; a scroll bar appearing still asks for its own layout).
    """

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class Welcome(LaidOutOnce, Static):
    """The hint above the first question."""


class QuestionBubble(LaidOutOnce, Static):
    """A question as asked."""

    def __init__(self, question: str) -> None:
        super().__init__(Content.assemble(("问：", "bold"), question), classes="question", markup=False)
        self.question = question


def text_height(text: str, width: int) -> int:
    """Lines ``text`` takes wrapped at ``width`` cells, as Textual wraps a Content (its line breaking
    is kb's, cached per line in tui.linebreak: a long answer's height is not wrapped again)."""
    divide_line = textual.content.divide_line
    return sum(len(divide_line(line, width)) + 1 if width > 0 else 1 for line in text.split("\n"))


@dataclass(slots=True)
class Block:
    """One part of an answer card: a heading, a line of roles, a note, a group heading or a task item."""

    content: Content
    """What it shows (may hold several lines; wrapped to the card's width)."""
    component: str
    """Its component class (AnswerCard.COMPONENT_CLASSES): how it is styled."""
    item: int | None = None
    """For a task item: its index in ``AnswerCard.task_ids``; None for text."""
    task_id: str | None = None
    """For a task item: the task's id."""


def numbered_blocks(result, roles: dict[str, list[str]], exclude: str | None) -> list[Block]:
    """The Result's numbered task items as blocks, each group's heading before its items
    (groups with no task item are text, laid out with the heading)."""
    blocks: list[Block] = []
    count = 0
    for group in result.groups:
        tasks = [i for i in group.items if i.task is not None]
        if not tasks:
            continue
        if group.title:
            blocks.append(Block(Content.styled(f"【{group.title}】{group.tail}", "bold"), "answer-group"))
        for item in tasks:
            prompt = answer_prompt(item, roles.get(item.task.id), item.exclude or exclude)
            blocks.append(Block(prompt, "answer-item", count, item.task.id))
            count += 1
    return blocks


class AnswerCard(LaidOutOnce, Widget):
    """The answer to one question, drawn whole by one widget (Textual's line API).

    The card was a container of a Static per part plus an OptionList of the items: five or six
    widgets per answer for the compositor to arrange and draw in layers, the OptionList the
    costliest to draw.  It is one widget now: ``Block``s (heading, roles, notes, group headings,
    numbered task items) wrapped to the card's width and drawn line by line, each line cached.
    The items keep what the list offered: a highlighted item (↑ ↓ Home End when the card has
    the focus), Enter or a click opens it, and a number key opens the item of that number.

    Usually the answer is known before the card is mounted (``set_answer``), and the card is
    mounted whole.  While the index is still being opened the card is mounted at once showing
    正在回答…, and ``show_answer`` fills it in later.
    """

    COMPONENT_CLASSES = {"answer-head", "answer-note", "answer-group", "answer-item--highlighted"}
    #: Block kind → the component class that styles it (None: the card's own style).  Few
    #: component classes: each is styled by the stylesheet whenever a card is mounted.
    STYLES = {"answer-head": "answer-head", "answer-note": "answer-note", "answer-related": "answer-note",
              "answer-group": "answer-group", "answer-roles": None, "answer-item": None}
    BINDINGS = [
        Binding("up", "cursor(-1)", "上一项", show=False),
        Binding("down", "cursor(1)", "下一项", show=False),
        Binding("home", "cursor_to(0)", "第一项", show=False),
        Binding("end", "cursor_to(-1)", "最后一项", show=False),
        Binding("enter", "choose", "打开", show=False),
    ]
    NUMBER_PAUSE = NUMBER_PAUSE

    def __init__(self, question: str) -> None:
        super().__init__(classes="answer -pending")
        self.question = question
        self.answer = None
        """The kb.qa.Answer shown, once it has arrived."""
        self.opened = False
        """True once the answer is laid out and the transcript scrolled to its question (tests wait for it)."""
        self.border_title = "正在回答…"
        self.mounting = None
        """The awaitable of the mount that put the card (and its question) in the transcript."""
        self.blocks: list[Block] = [Block(Content("正在回答…（索引就绪后立即作答）"), "answer-head")]
        """What the card shows, top to bottom."""
        self.task_ids: list[str] = []
        """Ids of the task items, in order (the same task may stand in two groups)."""
        self.highlighted: int | None = None
        """Index (in ``task_ids``) of the highlighted item."""
        self._lines: list[tuple[int, int]] | None = None  # (block, line in block) per line at _width
        self._width = 0
        self._strips: dict = {}

    # ---------------------------------------------------------------- content
    def set_answer(self, answer) -> None:
        """Lay out ``answer`` (a kb.qa.Answer) into the card (drawn when mounted, or redrawn if it is)."""
        self._set_blocks(self._answer_blocks(answer))

    def show_answer(self, answer) -> None:
        """Render ``answer`` in the card (mounted or not)."""
        self.set_answer(answer)

    def show_error(self, message: str) -> None:
        """Show a one-line problem instead of an answer."""
        self.remove_class("-pending")
        self.add_class("-error")
        self.border_title = "出错了"
        self._set_blocks([Block(Content(message), "answer-head")])

    def _set_blocks(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.task_ids = [b.task_id for b in blocks if b.item is not None]
        self.highlighted = 0 if self.task_ids else None
        self.can_focus = bool(self.task_ids)
        self._forget()
        if self.is_mounted:
            self.refresh(layout=True)

    def _forget(self) -> None:
        self._lines = None
        self._strips.clear()

    def _answer_blocks(self, answer) -> list[Block]:
        """The card's blocks for ``answer``, from its structured Result; sets the card's classes and title."""
        from kb.qa.result import Result, item_line

        self.answer = answer
        status = getattr(answer, "status", "answered")
        result = getattr(answer, "result", None) or Result(heading=answer.text.splitlines())
        # (before the card is mounted, the classes are set without styling it: the mount styles it once)
        update = self.is_mounted
        self.remove_class("-pending", update=update)
        exact = answer.exact and status == "answered"
        self.add_class("-exact" if exact else "-inexact", update=update)
        if not answer.tasks:
            self.add_class("-empty", update=update)
        self.border_title = STATUS_TITLES.get(status, "规则答案") if answer.exact or status != "answered" else "全文检索（非精确匹配）"
        head = list(result.heading)
        # lines of groups with no task item (a department with its counts, a target) read as text
        for group in result.groups:
            if not any(i.task is not None for i in group.items):
                if group.title:
                    head.append(f"【{group.title}】{group.tail}")
                head.extend(item_line(i) for i in group.items)
        blocks = [Block(Content("\n".join(head)), "answer-head")]
        by_role = departments_by_role(answer) if answer.tasks else {}
        if by_role:
            blocks.append(Block(roles_line(by_role), "answer-roles"))
        if answer.candidates and not any(c in answer.text for c in answer.candidates):
            blocks.append(Block(Content("可选：" + "、".join(answer.candidates)), "answer-note"))
        exclude = answer.departments[0] if len(answer.departments) == 1 else None
        blocks += numbered_blocks(result, answer.roles, exclude)
        free = [item_line(i) for g in result.groups if any(x.task is not None for x in g.items)
                for i in g.items if i.task is None]
        if free or result.notes:
            blocks.append(Block(Content("\n".join(free + list(result.notes))), "answer-note"))
        if result.related:
            from kb.qa.wording import load_answer_words

            related = [item_line(i) for i in result.related]
            blocks.append(Block(Content("\n".join([load_answer_words()["related_title"], *related])), "answer-related"))
        return blocks

    def text_of(self, component: str) -> str:
        """The plain text of the card's blocks of ``component`` (e.g. ``answer-head``), one per line."""
        return "\n".join(b.content.plain for b in self.blocks if b.component == component)

    def prompts(self) -> list[str]:
        """The list part of the card as plain text: group headings and numbered items, in order."""
        return [b.content.plain for b in self.blocks if b.component in ("answer-group", "answer-item")]

    def numbers(self) -> dict[int, str]:
        """Item number → task id: the answer's own numbering (its Result, as 第N项 counts), else list order."""
        result = getattr(self.answer, "result", None)
        if result is not None:
            found = {i.n: i.task.id for g in result.groups for i in g.items if i.task is not None and i.n is not None}
            if found:
                return found
        return {n: task_id for n, task_id in enumerate(self.task_ids, 1)}

    # ---------------------------------------------------------------- drawing
    def _line_map(self, width: int) -> list[tuple[int, int]]:
        """(block, line within the block) for every line of the card at ``width`` cells."""
        if self._lines is None or width != self._width:
            self._width = width
            self._strips.clear()
            lines: list[tuple[int, int]] = []
            for index, block in enumerate(self.blocks):
                lines.extend((index, n) for n in range(text_height(block.content.plain, width)))
            self._lines = lines
        return self._lines

    def get_content_width(self, container, viewport) -> int:
        return container.width

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._line_map(width))

    def _style(self, block: Block):
        component = self.STYLES[block.component]
        names = (component,) if component else ()
        if block.item is not None and block.item == self.highlighted:
            names += ("answer-item--highlighted",)
        return self.get_visual_style(*names)

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        lines = self._line_map(width)
        if not 0 <= y < len(lines):
            return Strip.blank(width, self.rich_style)
        index, n = lines[y]
        block = self.blocks[index]
        style = self._style(block)
        key = (index, style)
        strips = self._strips.get(key)
        if strips is None:
            strips = self._strips[key] = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in Visual.to_strips(self, block.content, width, None, style)
            ]
        return strips[n] if n < len(strips) else Strip.blank(width, style.rich_style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()

    def _on_focus(self, event) -> None:
        self.refresh()

    def _on_blur(self, event) -> None:
        self.refresh()

    # ---------------------------------------------------------------- the items
    def _item_lines(self, item: int) -> tuple[int, int]:
        """First line and line count of task item ``item`` at the current width."""
        lines = self._line_map(self.content_region.width)
        found = [y for y, (b, _) in enumerate(lines) if self.blocks[b].item == item]
        return (found[0], len(found)) if found else (0, 0)

    def action_cursor(self, step: int) -> None:
        """Highlight the previous (-1) or next (1) item."""
        if self.highlighted is not None:
            self.action_cursor_to(max(0, min(len(self.task_ids) - 1, self.highlighted + step)))

    def action_cursor_to(self, item: int) -> None:
        """Highlight item ``item`` (-1: the last one) and scroll it into view."""
        if not self.task_ids:
            return
        self.highlighted = item % len(self.task_ids)
        self.refresh()
        y, height = self._item_lines(self.highlighted)
        region = self.content_region.translate(-self.region.offset)
        if self.parent is not None and height:
            offset = self.virtual_region.offset + region.offset
            self.parent.scroll_to_region(Region(offset.x, offset.y + y, region.width, height), animate=False, immediate=True)

    def action_choose(self) -> None:
        """Open the highlighted item's task."""
        if self.highlighted is not None:
            self.post_message(TaskList.TaskChosen(self.task_ids[self.highlighted]))

    def on_click(self, event) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._lines is None or not 0 <= offset.y < len(self._lines):
            return
        item = self.blocks[self._lines[offset.y][0]].item
        if item is not None:
            self.highlighted = item
            self.refresh()
            self.post_message(TaskList.TaskChosen(self.task_ids[item]))

    def on_key(self, event) -> None:
        number_key(self, event)


class Transcript(LaidOutOnce, VerticalScroll):
    """Questions and answer cards, newest at the bottom; the oldest turns go beyond MAX_TURNS.

    A new answer is opened at its question in the same layout that places it: ``open_at``
    names the card, and ``arrange`` (which the compositor calls just before it places the
    children at the scroll offset) sets the offset from the arrangement it has just made.
    Scrolling after the layout instead (``scroll_to_widget`` once the card was laid out)
    cost a second layout and a second render of the transcript per answer — the first one
    drawing the new card at the old offset, a frame nobody needed.
    """

    MAX_TURNS = 12
    """Answers kept on screen: the last dozen answers are what people scroll back to."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._open_at: AnswerCard | None = None

    def compose(self):
        yield Welcome(WELCOME, classes="welcome", markup=False)

    def add_turn(self, question: str, card: AnswerCard | None = None) -> AnswerCard:
        """Mount ``question`` (no bubble when blank) and its answer card (a new empty one if None) at
        the end of the transcript and show the end (a card still waiting for its answer); return the card."""
        card = card if card is not None else AnswerCard(question)
        _, card.mounting = self._append(question, card)
        self.scroll_end(animate=False)
        return card

    async def place(self, question: str, card: AnswerCard) -> None:
        """Mount ``question`` and ``card`` (with its answer) and open the card at its question:
        the oldest turn removed, the new one mounted and the scroll offset set in one layout and
        one render (the mounts are awaited inside a batch, so no layout sees half a card)."""
        with self.app.batch_update():
            removal, card.mounting = self._append(question, card)
            if removal is not None:
                await removal
            await card.mounting
        self.open_at(card)

    def _append(self, question: str, card: AnswerCard):
        """Start removing the oldest turn beyond MAX_TURNS and mounting the new one; their awaitables."""
        cards = self.cards
        removal = None
        if len(cards) >= self.MAX_TURNS:
            # Drop the oldest turn: its card and the bubble before it.
            old = cards[0]
            children = list(self.children)
            before = children[children.index(old) - 1]
            removal = self.remove_children([old] + ([before] if isinstance(before, QuestionBubble) else []))
        widgets = ([QuestionBubble(question)] if question.strip() else []) + [card]
        return removal, self.mount_all(widgets)

    def open_at(self, card: AnswerCard) -> None:
        """Show ``card`` from its question (else its top) at the next layout, however long it is.

        Sets ``card.opened`` once the transcript is drawn that way (tests and the bench wait for it).
        """
        card.opened = False
        self._open_at = card
        self.refresh(layout=True)

    def arrange(self, size, optimal: bool = False):
        arrangement = super().arrange(size, optimal)
        card = self._open_at
        if card is None:
            return arrangement
        # The question before the card, else the card: its top (with its margin) at the top of the view,
        # or as far as the transcript scrolls — what scroll_to_widget(top=True) computes.
        children = list(self.children)
        if card not in children:
            return arrangement
        i = children.index(card)
        anchor = children[i - 1] if i and isinstance(children[i - 1], QuestionBubble) else card
        placement = next((p for p in arrangement.placements if p.widget is anchor), None)
        if placement is None:
            return arrangement
        self._open_at = None
        view = self.container_size.height - self.scrollbar_size_horizontal
        bottom = arrangement.total_region.bottom
        top = max(0, min(placement.region.y - placement.margin.top, bottom - view))
        # (set as the compositor's own anchoring does: no watcher, no second refresh)
        self.set_reactive(Widget.scroll_y, top)
        self.set_reactive(Widget.scroll_target_y, top)
        self.vertical_scrollbar._reactive_position = top
        self.call_after_refresh(setattr, card, "opened", True)
        return arrangement

    @property
    def cards(self) -> list[AnswerCard]:
        """The answer cards mounted, oldest first."""
        return [child for child in self.children if isinstance(child, AnswerCard)]
