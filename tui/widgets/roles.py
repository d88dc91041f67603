"""How roles look on screen: one style per role, used by every widget that shows departments.

Styles are Textual content styles with theme variables, so they follow the
light and dark themes.
"""

from __future__ import annotations

from kb.model import ROLE_NAMES

#: Role → content style of a department name with that role.
ROLE_STYLES = {
    "lead": "bold $accent",
    "guide": "bold $secondary",
    "support": "$success",
    "sole": "bold $primary",
    "shared": "$warning",
    "implied": "italic $text-muted",
}

#: Role → one-character badge shown next to a task (牵头 → 牵).
ROLE_BADGES = {"lead": "牵", "guide": "指", "support": "配", "sole": "责", "shared": "共", "implied": "落"}

#: Order roles are listed in on screen.
ROLE_ORDER = ("lead", "guide", "support", "sole", "shared", "implied")


def role_name(role: str) -> str:
    """Chinese name of ``role`` (牵头, 配合 …)."""
    return ROLE_NAMES.get(role, role)
