"""The chat transcript: questions and the answers kb gives, oldest at the top.

An answer card is laid out from the answer's structured ``Result`` (kb/qa/result.py),
never by parsing its text: the heading lines, the departments by role, then the
numbered items (group headings between them; the number is the one 第N项 refers to,
as in the CLI), the notes, and — apart, under its own heading — the related entries of
a not-understood answer.  Only ``answered`` is drawn as a rule answer; every other
status (``Answer.status``) gets the ``-inexact`` class and its own border title.

The whole transcript is one widget (Textual's line API).  It was a scrolling container
of widgets — a Static per question, a container per answer holding a Static per part and
an OptionList of the items — and each answer cost Textual a mount (styling every new
widget), a layout of every turn and a redraw of every widget in view, layer over layer:
~100 ms of CPU per answer where ``Session.ask`` takes 1–20.  Now an answer is appended
to a list, its lines are wrapped once at the current width, and one refresh draws the
lines in view.  Each question and each card is still drawn by Textual's own renderer
of a styled box (``StylesCache``: the border with its title, padding, background) from
the stylesheet's rules (component classes of the transcript), so it looks as before.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import textual.content
from textual._styles_cache import StylesCache
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual

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


class AnswerCard:
    """The answer to one question: what the transcript draws for it (not a widget of its own).

    Usually the answer is known before the card is placed (``set_answer``), and the card is
    placed whole.  While the index is still being opened the card is placed at once showing
    正在回答…, and ``show_answer`` fills it in later.
    """

    NUMBER_PAUSE = NUMBER_PAUSE

    def __init__(self, question: str) -> None:
        self.question = question
        self.answer = None
        """The kb.qa.Answer shown, once it has arrived."""
        self.opened = False
        """True once the transcript is drawn with this answer opened at its question (tests wait for it)."""
        self.border_title = "正在回答…"
        self.classes: set[str] = {"answer", "-pending"}
        """Its state as CSS-like classes: -pending, -exact / -inexact, -empty, -error."""
        self.blocks: list[Block] = [Block(Content("正在回答…（索引就绪后立即作答）"), "answer-head")]
        """What the card shows, top to bottom."""
        self.task_ids: list[str] = []
        """Ids of the task items, in order (the same task may stand in two groups)."""
        self.highlighted: int | None = None
        """Index (in ``task_ids``) of the highlighted item."""
        self.transcript: Transcript | None = None
        """The transcript showing the card, once placed."""
        self._lines: list[tuple[int, int]] | None = None  # (block, line in block) per line at _width
        self._width = 0
        self._strips: dict = {}
        self._box = StylesCache()  # the card drawn as a styled box (border, padding)
        self._bubble = StylesCache()  # its question

    # ---------------------------------------------------------------- content
    def has_class(self, name: str) -> bool:
        return name in self.classes

    @property
    def parent(self):
        """The transcript showing the card (None before it is placed)."""
        return self.transcript

    def set_answer(self, answer) -> None:
        """Lay out ``answer`` (a kb.qa.Answer) into the card (drawn when placed, or redrawn if it is)."""
        self._set_blocks(self._answer_blocks(answer))

    def show_answer(self, answer) -> None:
        """Render ``answer`` in the card (placed or not)."""
        self.set_answer(answer)

    def show_error(self, message: str) -> None:
        """Show a one-line problem instead of an answer."""
        self.classes.discard("-pending")
        self.classes.add("-error")
        self.border_title = "出错了"
        self._set_blocks([Block(Content(message), "answer-head")])

    def _set_blocks(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.task_ids = [b.task_id for b in blocks if b.item is not None]
        self.highlighted = 0 if self.task_ids else None
        self.forget()
        if self.transcript is not None:
            self.transcript.card_changed(self)

    def forget(self) -> None:
        """Drop what was drawn (the card or the styles changed)."""
        self._lines = None
        self._strips.clear()
        self._box.clear()
        self._bubble.clear()

    def _answer_blocks(self, answer) -> list[Block]:
        """The card's blocks for ``answer``, from its structured Result; sets the card's classes and title."""
        from kb.qa.result import Result, item_line

        self.answer = answer
        status = getattr(answer, "status", "answered")
        result = getattr(answer, "result", None) or Result(heading=answer.text.splitlines())
        self.classes.discard("-pending")
        exact = answer.exact and status == "answered"
        self.classes.add("-exact" if exact else "-inexact")
        if not answer.tasks:
            self.classes.add("-empty")
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
            title = result.related_title or load_answer_words()["related_title"]
            blocks.append(Block(Content("\n".join([title, *related])), "answer-related"))
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

    def focus(self) -> None:
        """Give the keyboard to this card's items (the transcript takes the focus)."""
        if self.transcript is not None:
            self.transcript.focus_card(self)

    def lines(self) -> list[str]:
        """The text of every line inside the card's border, as drawn at the transcript's width."""
        transcript = self.transcript
        width = transcript.card_width()
        return [self.content_line(y, width, transcript).text for y in range(len(self.line_map(width)))]

    # ---------------------------------------------------------------- drawing (by the transcript)
    def line_map(self, width: int) -> list[tuple[int, int]]:
        """(block, line within the block) for every line inside the card at ``width`` cells."""
        if self._lines is None or width != self._width:
            self._width = width
            self._strips.clear()
            lines: list[tuple[int, int]] = []
            for index, block in enumerate(self.blocks):
                lines.extend((index, n) for n in range(text_height(block.content.plain, width)))
            self._lines = lines
        return self._lines

    def content_line(self, y: int, width: int, transcript: "Transcript") -> Strip:
        """Line ``y`` inside the card's border (its text, ``width`` cells)."""
        lines = self.line_map(width)
        if not 0 <= y < len(lines):
            return Strip.blank(width)
        index, n = lines[y]
        block = self.blocks[index]
        cursor = None
        if block.item is not None and block.item == self.highlighted:
            cursor = "focused" if transcript.has_focus and transcript.current is self else "blurred"
        style = transcript.block_style(self, block.component, cursor)
        key = (index, style)
        strips = self._strips.get(key)
        if strips is None:
            strips = self._strips[key] = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in Visual.to_strips(transcript, block.content, width, None, style)
            ]
        return strips[n] if n < len(strips) else Strip.blank(width, style.rich_style)

    def item_lines(self, item: int, width: int) -> tuple[int, int]:
        """First line (inside the border) and line count of task item ``item``."""
        lines = self.line_map(width)
        found = [y for y, (b, _) in enumerate(lines) if self.blocks[b].item == item]
        return (found[0], len(found)) if found else (0, 0)

    def item_at(self, y: int, width: int) -> int | None:
        """The task item drawn on line ``y`` inside the border, if any."""
        lines = self.line_map(width)
        return self.blocks[lines[y][0]].item if 0 <= y < len(lines) else None


@dataclass(slots=True)
class Part:
    """A box of the transcript at the current width: the welcome text, a question or a card."""

    kind: str
    """welcome, question or card."""
    y: int
    """First line (in the whole transcript), margins excluded."""
    height: int
    """Lines."""
    card: AnswerCard | None = None


class Transcript(ScrollView, can_focus=True):
    """Questions and answer cards, newest at the bottom; the oldest turns go beyond MAX_TURNS.

    Keys, when it has the focus: ↑ ↓ Home End move the highlight through the items (from one
    answer to the next), Enter or a click opens the highlighted task, a number opens the item of
    that number in the answer of the highlight.
    """

    COMPONENT_CLASSES = {
        "transcript--welcome", "transcript--question",
        "answer", "answer--inexact", "answer--pending", "answer--error",
        "answer-head", "answer-head--warning", "answer-note", "answer-group",
        "answer-item--highlighted", "answer-item--highlighted-focus",
    }
    #: Block kind → the component class that styles its text (None: the card's own style).
    BLOCK_STYLES = {"answer-head": "answer-head", "answer-note": "answer-note", "answer-related": "answer-note",
                    "answer-group": "answer-group", "answer-roles": None, "answer-item": None}
    BINDINGS = [
        Binding("up", "cursor(-1)", "上一项", show=False),
        Binding("down", "cursor(1)", "下一项", show=False),
        Binding("home", "cursor_to(0)", "第一项", show=False),
        Binding("end", "cursor_to(-1)", "最后一项", show=False),
        Binding("enter", "choose", "打开", show=False),
    ]
    NUMBER_PAUSE = NUMBER_PAUSE

    MAX_TURNS = 12
    """Answers kept: the last dozen answers are what people scroll back to."""

    def __init__(self, *args, **kwargs) -> None:
        self._styles_memo: dict = {}
        self._background = None
        self._pass: tuple | None = None
        super().__init__(*args, **kwargs)
        self.turns: list[AnswerCard] = []
        """The cards shown, oldest first."""
        self.current: AnswerCard | None = None
        """The card whose highlighted item the keys act on (the newest with items, or the one chosen)."""
        self._parts: list[Part] | None = None
        self._starts: list[int] = []
        self._width = 0
        self._welcome = StylesCache()

    @property
    def cards(self) -> list[AnswerCard]:
        """The answer cards shown, oldest first."""
        return list(self.turns)

    # ---------------------------------------------------------------- turns
    def add_turn(self, question: str, card: AnswerCard | None = None) -> AnswerCard:
        """Show ``question`` (no bubble when blank) and its answer card (a new empty one if None) at
        the end of the transcript, scrolled to the end (a card still waiting for its answer)."""
        card = card if card is not None else AnswerCard(question)
        self._append(card)
        self.scroll_to(y=max(0, self.virtual_size.height - self.scrollable_content_region.height),
                       animate=False, immediate=True)
        return card

    async def place(self, question: str, card: AnswerCard) -> None:
        """Show ``card`` (with its answer) after the last turn, opened at its question: one refresh."""
        self._append(card)
        self.open_at(card)

    def _append(self, card: AnswerCard) -> None:
        if len(self.turns) >= self.MAX_TURNS:
            old = self.turns.pop(0)
            old.transcript = None
            if self.current is old:
                self.current = None
        card.transcript = self
        self.turns.append(card)
        if card.task_ids:
            self.current = card
        self._relayout()

    def card_changed(self, card: AnswerCard) -> None:
        """``card`` has new content (its answer arrived): lay the transcript out again and open it there."""
        if card.task_ids:
            self.current = card
        self._relayout()
        self.open_at(card)

    def open_at(self, card: AnswerCard) -> None:
        """Scroll so that ``card``'s question (else its top) is at the top of the view, however long it is.

        Sets ``card.opened`` once the transcript is drawn that way (tests and the bench wait for it).
        """
        card.opened = False
        part = self._part_of(card)
        if part is None:
            return
        top = part.y - (1 if part.kind == "question" else 0)  # with the question's margin, as scroll_to_widget does
        top = max(0, min(top, self.virtual_size.height - self.scrollable_content_region.height))
        self.scroll_to(y=top, animate=False, immediate=True)
        self.refresh()
        self.call_after_refresh(setattr, card, "opened", True)

    def top_of(self, card: AnswerCard) -> int:
        """The transcript line where ``card``'s turn starts (its question's margin, else the card)."""
        part = self._part_of(card)
        return part.y - (1 if part.kind == "question" else 0)

    def height_of(self, card: AnswerCard) -> int:
        """Lines of ``card``'s box (border included)."""
        return next(p.height for p in self._layout() if p.card is card and p.kind == "card")

    def questions_shown(self) -> list[str]:
        """The questions drawn as a bubble, oldest first (a blank question has none)."""
        return [p.card.question for p in self._layout() if p.kind == "question"]

    def _part_of(self, card: AnswerCard) -> Part | None:
        parts = [p for p in self._layout() if p.card is card]
        return parts[0] if parts else None

    # ---------------------------------------------------------------- layout
    def card_width(self) -> int:
        """Cells inside a card's border and padding at the current width."""
        return max(1, self._content_width() - self._styles(("answer",)).gutter.width)

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def _layout(self) -> list[Part]:
        width = self._pass[0] if self._pass else self._content_width()
        if self._parts is None or width != self._width:
            self._relayout()
        return self._parts

    def _relayout(self) -> None:
        """The parts at the current width, and the virtual size (no layout of the screen: a refresh)."""
        width = self._content_width()
        if width != self._width:
            for card in self.turns:
                card.forget()
            self._welcome.clear()
        self._width = width
        parts: list[Part] = []
        welcome = self._styles(("transcript--welcome",))
        y = text_height(WELCOME, max(1, width - welcome.gutter.width)) + welcome.gutter.height
        parts.append(Part("welcome", 0, y))
        question_styles = self._styles(("transcript--question",))
        card_gutter = self._styles(("answer",)).gutter
        for card in self.turns:
            if card.question.strip():
                y += question_styles.margin.top
                height = text_height("问：" + card.question, max(1, width - question_styles.gutter.width))
                parts.append(Part("question", y, height, card))
                y += height
            height = len(card.line_map(self.card_width())) + card_gutter.height
            parts.append(Part("card", y, height, card))
            y += height
        self._parts = parts
        self._starts = [p.y for p in parts]
        size = Size(width, y)
        if size != self.virtual_size:
            # (the reactive would ask for a layout of the whole screen; the size of the widget is fixed)
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def on_resize(self, event) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles_memo.clear()
        self._background = None
        for card in self.turns:
            card.forget()
        self._welcome.clear()
        self._parts = None

    # ---------------------------------------------------------------- drawing
    def block_style(self, card: AnswerCard, component: str, cursor: str | None) -> VisualStyle:
        """The style of a block of ``card`` (its box's background under it)."""
        names = self._box_names(card)
        block = self.BLOCK_STYLES[component]
        if block:
            names += (block,)
            if block == "answer-head" and ("-empty" in card.classes or "-inexact" in card.classes):
                names += ("answer-head--warning",)
        if cursor:
            names += ("answer-item--highlighted-focus" if cursor == "focused" else "answer-item--highlighted",)
        return self.get_visual_style(*names)

    def _box_names(self, card: AnswerCard) -> tuple[str, ...]:
        for state in ("-error", "-pending", "-inexact"):
            if state in card.classes:
                return ("answer", f"answer--{state[1:]}")
        return ("answer",)

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of this pass needs, looked up once (each was a walk of the DOM or the theme).
        app = self.app
        self._pass = (self._content_width(), app.ansi_theme, app.native_ansi_color)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        width = self._pass[0] if self._pass else self._content_width()
        parts = self._layout()
        line = self.scroll_offset.y + y
        index = bisect_right(self._starts, line) - 1
        part = parts[index] if index >= 0 else None
        if part is None or line >= part.y + part.height:
            return Strip.blank(width, self.rich_style)  # a margin, or below the last turn
        return self._render_part(part, line - part.y, width)

    def _styles(self, names: tuple[str, ...]):
        """The component styles of ``names`` merged (kept until the styles change)."""
        styles = self._styles_memo.get(names)
        if styles is None:
            styles = self._styles_memo[names] = self.get_component_styles(*names)
        return styles

    def _render_part(self, part: Part, y: int, width: int) -> Strip:
        if part.kind == "welcome":
            names, cache, title = ("transcript--welcome",), self._welcome, None
        elif part.kind == "question":
            names, cache, title = ("transcript--question",), part.card._bubble, None
        else:
            names, cache, title = self._box_names(part.card), part.card._box, part.card.border_title
        styles = self._styles(names)
        if self._background is None:
            self._background = self.background_colors[1]
        base_background = self._background
        background = base_background + styles.background
        gutter = styles.gutter
        inner_width = max(1, width - gutter.width)
        if part.kind == "card":
            card = part.card

            def render_content_line(line: int) -> Strip:
                return card.content_line(line, inner_width, self)
        else:
            drawn: list = []

            def render_content_line(line: int) -> Strip:
                # (made on the first line asked: the box's cache keeps the lines)
                style = self.get_visual_style(*names)
                if not drawn:
                    content = (Content(WELCOME) if part.kind == "welcome"
                               else Content.assemble(("问：", "bold"), part.card.question))
                    drawn.extend(Visual.to_strips(self, content, inner_width, None, style))
                return drawn[line] if line < len(drawn) else Strip.blank(inner_width, style.rich_style)
        border_title = None
        if title:
            color = (base_background.get_contrast_text(styles.border_title_color.a)
                     if styles.auto_border_title_color else styles.border_title_color)
            border_title = (Content(title), color, styles.border_title_background,
                            VisualStyle.from_rich_style(styles.border_title_style))
        if self._pass:
            _, ansi_theme, native_ansi = self._pass
        else:
            ansi_theme, native_ansi = self.app.ansi_theme, self.app.native_ansi_color
        return cache.render(
            styles, Size(width, part.height), base_background, background, render_content_line, [],
            border_title, None, content_size=Size(inner_width, part.height - gutter.height),
            padding=styles.padding, crop=Region(0, y, width, 1), opacity=1.0,
            ansi_theme=ansi_theme, native_ansi=native_ansi,
        )[0]

    # ---------------------------------------------------------------- the items
    def on_focus(self, event) -> None:
        if self.current is None:
            self.current = next((c for c in reversed(self.turns) if c.task_ids), None)
        self._redraw(self.current)

    def on_blur(self, event) -> None:
        self._redraw(self.current)

    def _redraw(self, card: AnswerCard | None) -> None:
        if card is not None:
            card.forget()
            self.refresh()

    def focus_card(self, card: AnswerCard) -> None:
        """Give the keys to ``card``'s items and focus the transcript."""
        previous, self.current = self.current, card
        self._redraw(previous)
        self._redraw(card)
        self.focus()

    def _items(self) -> list[tuple[AnswerCard, int]]:
        return [(card, i) for card in self.turns for i in range(len(card.task_ids))]

    def action_cursor(self, step: int) -> None:
        """Highlight the previous (-1) or next (1) item, across answers."""
        card = self.current
        if card is None or card.highlighted is None:
            return
        items = self._items()
        at = items.index((card, card.highlighted))
        self._highlight(*items[max(0, min(len(items) - 1, at + step))])

    def action_cursor_to(self, item: int) -> None:
        """Highlight item ``item`` (-1: the last one) of the current answer."""
        card = self.current
        if card is not None and card.task_ids:
            self._highlight(card, item % len(card.task_ids))

    def _highlight(self, card: AnswerCard, item: int) -> None:
        previous, self.current = self.current, card
        card.highlighted = item
        self._redraw(previous)
        self._redraw(card)
        part = next(p for p in self._layout() if p.card is card and p.kind == "card")
        y, height = card.item_lines(item, self.card_width())
        top = self._styles(self._box_names(card)).gutter.top
        self.scroll_to_region(Region(0, part.y + top + y, self._content_width(), height), animate=False, immediate=True)

    def action_choose(self) -> None:
        """Open the highlighted item's task."""
        card = self.current
        if card is not None and card.highlighted is not None:
            self.post_message(TaskList.TaskChosen(card.task_ids[card.highlighted]))

    def numbers(self) -> dict[int, str]:
        """Item number → task id in the answer of the highlight (what a number key opens)."""
        return self.current.numbers() if self.current is not None else {}

    def on_click(self, event) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self.scroll_offset.y + offset.y
        for part in self._layout():
            if part.kind == "card" and part.y <= line < part.y + part.height:
                card = part.card
                top = self._styles(self._box_names(card)).gutter.top
                item = card.item_at(line - part.y - top, self.card_width())
                if item is not None:
                    self.focus_card(card)
                    self._highlight(card, item)
                    self.post_message(TaskList.TaskChosen(card.task_ids[item]))
                return

    def on_key(self, event) -> None:
        number_key(self, event)
