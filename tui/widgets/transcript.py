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

from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.widgets.roles import ROLE_BADGES, ROLE_ORDER, ROLE_STYLES, role_name
from tui.widgets.task_list import TaskList

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


def numbered_options(result, roles: dict[str, list[str]], exclude: str | None) -> tuple[list[Option], list[str]]:
    """The Result's numbered task items as list options (group headings disabled), and their task ids."""
    options: list[Option] = []
    ids: list[str] = []
    for group in result.groups:
        tasks = [i for i in group.items if i.task is not None]
        if not tasks:
            continue
        if group.title:
            options.append(Option(Content.styled(f"【{group.title}】{group.tail}", "bold"), disabled=True))
        for item in tasks:
            task = item.task
            prompt = answer_prompt(item, roles.get(task.id), item.exclude or exclude)
            option_id = task.id if task.id not in ids else f"{task.id}@{len(options)}"
            options.append(Option(prompt, id=option_id))
            ids.append(task.id)
    return options, ids


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


class QuestionBubble(Static):
    """A question as asked."""

    def __init__(self, question: str) -> None:
        super().__init__(Content.assemble(("问：", "bold"), question), classes="question", markup=False)
        self.question = question


class AnswerCard(Vertical):
    """The answer to one question.

    Usually the answer is known before the card is mounted (``set_answer``), and the card is
    mounted whole: one layout of the transcript per answer.  While the index is still being
    opened the card is mounted at once showing 正在回答…, and ``show_answer`` fills it in later.
    """

    def __init__(self, question: str) -> None:
        super().__init__(classes="answer -pending")
        self.question = question
        self.answer = None
        """The kb.qa.Answer shown, once it has arrived."""
        self.opened = False
        """True once the answer is laid out and the transcript scrolled to its question (tests wait for it)."""
        self.border_title = "正在回答…"
        self._parts: list | None = None
        self.mounting = None
        """The awaitable of the mount that put the card (and its question) in the transcript."""

    def compose(self):
        if self._parts is None:
            yield Static("正在回答…（索引就绪后立即作答）", classes="answer-head")
        else:
            yield from self._parts

    def set_answer(self, answer):
        """Lay out ``answer`` (a kb.qa.Answer) into the card's widgets; a mounted card mounts them
        at once (returns the awaitable of that mount), an unmounted one when it is mounted."""
        self._parts = self._answer_widgets(answer)
        return self._replace_parts()

    def show_answer(self, answer):
        """Render ``answer`` in the card (mounted or not: widgets are made once, mounted with the card)."""
        return self.set_answer(answer)

    def _replace_parts(self):
        if not self.is_mounted:
            return None
        self.remove_children()
        return self.mount_all(self._parts)

    def _answer_widgets(self, answer) -> list:
        """The card's widgets for ``answer``, from its structured Result; sets the card's classes and title."""
        from kb.qa.result import Result, item_line

        self.answer = answer
        status = getattr(answer, "status", "answered")
        result = getattr(answer, "result", None) or Result(heading=answer.text.splitlines())
        self.remove_class("-pending")
        exact = answer.exact and status == "answered"
        self.add_class("-exact" if exact else "-inexact")
        if not answer.tasks:
            self.add_class("-empty")
        self.border_title = STATUS_TITLES.get(status, "规则答案") if answer.exact or status != "answered" else "全文检索（非精确匹配）"
        head = list(result.heading)
        # lines of groups with no task item (a department with its counts, a target) read as text
        for group in result.groups:
            if not any(i.task is not None for i in group.items):
                if group.title:
                    head.append(f"【{group.title}】{group.tail}")
                head.extend(item_line(i) for i in group.items)
        widgets = [Static(Content("\n".join(head)), classes="answer-head")]
        by_role = departments_by_role(answer) if answer.tasks else {}
        if by_role:
            widgets.append(Static(roles_line(by_role), classes="answer-roles"))
        if answer.candidates and not any(c in answer.text for c in answer.candidates):
            widgets.append(Static(Content("可选：" + "、".join(answer.candidates)), classes="answer-note"))
        exclude = answer.departments[0] if len(answer.departments) == 1 else None
        options, ids = numbered_options(result, answer.roles, exclude)
        if options:
            task_list = TaskList(options=options, classes="answer-tasks")
            task_list.task_ids = ids
            widgets.append(task_list)
        free = [item_line(i) for g in result.groups if any(x.task is not None for x in g.items)
                for i in g.items if i.task is None]
        if free or result.notes:
            widgets.append(Static(Content("\n".join(free + list(result.notes))), classes="answer-note"))
        if result.related:
            from kb.qa.wording import load_answer_words

            related = [item_line(i) for i in result.related]
            widgets.append(Static(Content("\n".join([load_answer_words()["related_title"], *related])),
                                  classes="answer-note answer-related"))
        return widgets

    def show_error(self, message: str) -> None:
        """Show a one-line problem instead of an answer."""
        self.remove_class("-pending")
        self.add_class("-error")
        self.border_title = "出错了"
        self._parts = [Static(Content(message), classes="answer-head")]
        return self._replace_parts()

    @property
    def task_list(self) -> TaskList | None:
        """The answer's task list, if it has tasks."""
        found = self.query(TaskList)
        return found.first() if found else None


class Transcript(VerticalScroll):
    """Questions and answer cards, newest at the bottom; the oldest turns go beyond MAX_TURNS."""

    MAX_TURNS = 12
    """Answers kept on screen: layout time grows with the transcript, and the last dozen answers are what people scroll back to."""

    def compose(self):
        yield Static(WELCOME, classes="welcome", markup=False)

    def add_turn(self, question: str, card: AnswerCard | None = None, *, scroll_end: bool = True) -> AnswerCard:
        """Mount ``question`` (no bubble when blank) and its answer card (a new empty one if None); return the card.

        ``scroll_end``: show the end of the transcript (a card still waiting for its answer); a card
        mounted with its answer is scrolled to its question by the caller instead.
        """
        card = card if card is not None else AnswerCard(question)
        cards = self.cards
        if len(cards) >= self.MAX_TURNS:
            # Drop the oldest turn: its card and the bubble before it.
            old = cards[0]
            children = list(self.children)
            before = children[children.index(old) - 1]
            stale = [old] + ([before] if isinstance(before, QuestionBubble) else [])
            self.remove_children(stale)
        widgets = ([QuestionBubble(question)] if question.strip() else []) + [card]
        mounted = self.mount_all(widgets)
        if scroll_end:
            self.scroll_end(animate=False)
        card.mounting = mounted
        return card

    @property
    def cards(self) -> list[AnswerCard]:
        """The answer cards mounted, oldest first."""
        return [child for child in self.children if isinstance(child, AnswerCard)]
