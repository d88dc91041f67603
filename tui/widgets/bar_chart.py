"""A horizontal bar chart of departments by tasks led and supported, drawn with block characters."""

from __future__ import annotations

from rich.cells import cell_len

from textual.content import Content
from textual.widget import Widget

from tui.widgets.roles import ROLE_STYLES

_NAME_CELLS = 30  # widest name column; longer names are cut with …


def _fit(name: str, width: int) -> str:
    """``name`` cut to ``width`` cells (… marks a cut) and padded with spaces."""
    if cell_len(name) > width:
        while cell_len(name) > width - 1:
            name = name[:-1]
        name += "…"
    return name + " " * (width - cell_len(name))


class BarChart(Widget):
    """One row per department: lead bar, support bar, then the two numbers."""

    def __init__(self, rows: list[tuple[str, int, int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        """(department, tasks led, tasks supported), in display order."""

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.rows) + 1

    def render(self) -> Content:
        width = max(self.content_size.width, 20)
        name_cells = min(_NAME_CELLS, max((cell_len(n) for n, _, _ in self.rows), default=4), width // 2)
        biggest = max((lead + support for _, lead, support in self.rows), default=0) or 1
        room = max(width - name_cells - 10, 1)
        lines: list = [
            Content.assemble(
                " " * (name_cells + 1), ("█ 牵头", ROLE_STYLES["lead"]), "  ", ("█ 配合", ROLE_STYLES["support"])
            )
        ]
        for name, lead, support in self.rows:
            lead_cells = max(1, round(lead * room / biggest)) if lead else 0
            support_cells = max(1, round(support * room / biggest)) if support else 0
            lines.append(
                Content.assemble(
                    _fit(name, name_cells),
                    " ",
                    ("█" * lead_cells, ROLE_STYLES["lead"]),
                    ("█" * support_cells, ROLE_STYLES["support"]),
                    (f" {lead}/{support}", "$text-muted"),
                )
            )
        return Content("\n").join(lines)
