"""The side list of departments with their lead / support counts, filtered by typing.

The filter keeps names containing what is typed and adds the department
``kb.registry.resolve_department`` finds for it, so aliases (交通局) and typos
(交通运输居) find their department too.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.containers import Vertical
from textual.css.scalar import Unit
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kb.registry import normalize_name, resolve_department
from tui.widgets.roles import ROLE_BADGES
from tui.widgets.safe_input import SafeInput


def counts_line(counts: dict[str, int]) -> str:
    """``牵8 配7`` plus 责/共/落 when the department has such tasks (落: the tasks it implements by the plan's note)."""
    parts = [f"{ROLE_BADGES['lead']}{counts.get('lead', 0)}", f"{ROLE_BADGES['support']}{counts.get('support', 0)}"]
    for role in ("guide", "sole", "shared", "implied"):
        if counts.get(role):
            parts.append(f"{ROLE_BADGES[role]}{counts[role]}")
    return " ".join(parts)


def department_prompt(name: str, counts: str, width: int) -> Content:
    """A department and its counts on one line if they fit in ``width`` cells, else the counts on a line of their own.

    The counts are never broken inside (``牵14 配`` / ``17``): they move down whole.
    """
    if cell_len(name) + 1 + cell_len(counts) <= width:
        return Content.assemble(name, " ", (counts, "$text-muted"))
    return Content.assemble(name, "\n  ", (counts, "$text-muted"))


def filter_departments(names: list[str], typed: str, plan) -> tuple[list[str], str]:
    """The names matching ``typed`` (substring, then what the registry resolves it to) and a hint line."""
    key = normalize_name(typed)
    if not key:
        return names, ""
    hits = [n for n in names if key in n]
    res = resolve_department(typed, plan)
    if res.ok:
        target = res.name if res.name in names else None
        if not target or target in hits:
            return hits, ""
        # An alias or a typo: say what it was read as, so the list's first line is no surprise.
        return [target, *hits], f"“{typed}” → {target}"
    if hits:
        return hits, ""
    if res.how == "ambiguous":
        return [c for c in res.candidates if c in names], f"“{typed}”可能指：{'、'.join(res.candidates)}"
    near = f"；最接近：{'、'.join(res.candidates)}" if res.candidates else ""
    return [c for c in res.candidates if c in names], f"方案没有给“{typed}”分配任务{near}"


class DepartmentOptions(OptionList):
    """The department list's OptionList, with its lines counted as soon as it is given a size.

    Textual's OptionList counts its lines when first drawn and, finding it taller than the
    nothing it was before, asks for a layout of the whole screen: a second layout of every
    first screen.  Counted when its size is set (in the layout, before drawing), the list is
    drawn with the height it has; only a change of its scroll bar still needs a layout.
    """

    _quiet_layout = False

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        scrollbar = self.show_vertical_scrollbar
        self._quiet_layout = True
        try:
            self._update_lines()
        finally:
            self._quiet_layout = False
        if self.show_vertical_scrollbar != scrollbar:
            self.refresh(layout=True)  # the scroll bar comes or goes: that is a layout
        return resized

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        # (Only while the lines are counted in _size_updated: their height needs no new layout.)
        return super().refresh(*regions, repaint=repaint, layout=layout and not self._quiet_layout,
                               recompose=recompose)


class DepartmentList(Vertical):
    """Filter input, hint line and the list of departments; posts ``DepartmentSelected``."""

    @dataclass
    class DepartmentSelected(Message):
        """A department was chosen in the list."""

        name: str
        """Canonical name (or sub-unit) of the department."""

    MAX_ROWS = 200
    """Departments listed at most (the filter reaches the others)."""

    def __init__(self, plan, rows: list[tuple[str, dict[str, int]]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan = plan
        self.rows = dict(rows)
        """Department → its counts per role (kb.duties.department_counts order)."""
        self.shown: list[str] = []
        """Names in the list now, in list order."""
        self._prompt_width = 0

    def compose(self):
        yield SafeInput(placeholder="筛选部门（简称也可）", id="dept-filter", select_on_focus=False)
        yield Static("", id="dept-hint", markup=False)
        yield DepartmentOptions(id="dept-options")

    def on_mount(self) -> None:
        self.show(list(self.rows), "")

    def set_rows(self, plan, rows: list[tuple[str, dict[str, int]]]) -> None:
        """List the departments of another plan (the plan picker)."""
        self.plan = plan
        self.rows = dict(rows)
        self.query_one("#dept-filter", Input).value = ""
        self.show(list(self.rows), "")

    def _width(self) -> int:
        """Cells a prompt has in the list (its width less the options' padding)."""
        option_list = self.query_one("#dept-options", OptionList)
        padding = option_list.get_component_styles("option-list--option").padding
        width = option_list.scrollable_content_region.width
        if not width:
            # Not laid out yet (the list filled on mount): the width the stylesheet gives the side
            # bar.  The prompts were made for 8 cells, then made again after the first layout: two
            # more layouts of the first screen.
            width = self._styled_width(option_list)
        return max(width - padding.width, 8)

    def _styled_width(self, option_list: OptionList) -> int:
        """The list's width from the stylesheet's width of the side bar in cells (0 if not in cells)."""
        scalar = self.styles.width
        if scalar is None or scalar.unit != Unit.CELLS:
            return 0
        return int(scalar.value) - self.styles.gutter.width - option_list.styles.gutter.width

    def show(self, names: list[str], hint: str, keep: bool = False) -> None:
        """List ``names`` and show ``hint`` (hidden when empty); ``keep`` keeps the highlighted line."""
        self.shown = names
        total = len(self.rows)
        # The title says how many the filter keeps: 部门（1/25）.
        self.border_title = f"部门（{total}）" if len(names) == total else f"部门（{len(names)}/{total}）"
        width = self._prompt_width = self._width()
        options = [Option(department_prompt(name, counts_line(self.rows[name]), width), id=name)
                   for name in names[:self.MAX_ROWS]]
        if len(names) > self.MAX_ROWS:
            # Thousands of departments (1,000 plans each with its own 海关): the list shows the first ones,
            # most tasks first; typing finds any of them.  (Laying out 1,000 rows cost the first screen ~0.3 s.)
            options.append(Option(Content.styled(f"……另有 {len(names) - self.MAX_ROWS} 个，输入名称筛选", "$text-muted"),
                                  disabled=True))
        option_list = self.query_one("#dept-options", OptionList)
        highlighted = option_list.highlighted
        option_list.set_options(options)
        if options:
            option_list.highlighted = highlighted if keep and highlighted is not None and highlighted < len(options) else 0
        label = self.query_one("#dept-hint", Static)
        label.update(hint)
        label.display = bool(hint)

    def on_resize(self) -> None:
        # The prompts are laid out for a width: lay them out again when it changes.
        self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        if self._width() != self._prompt_width:
            self.show(self.shown, str(self.query_one("#dept-hint", Static).render()), keep=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show(*filter_departments(list(self.rows), event.value, self.plan))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.shown:
            self.post_message(self.DepartmentSelected(self.shown[0]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.DepartmentSelected(event.option.id))

    def on_key(self, event: events.Key) -> None:
        # Letters typed while the list has focus go to the filter (type to filter, like a file picker);
        # punctuation such as ? stays a key binding.
        option_list = self.query_one("#dept-options", OptionList)
        if option_list.has_focus and event.character and event.character.isalnum():
            box = self.query_one("#dept-filter", Input)
            box.focus()
            box.insert_text_at_cursor(event.character)
            event.stop()
