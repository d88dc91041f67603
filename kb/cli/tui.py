"""``kb tui``: open the terminal interface (also what ``kb`` alone runs on a terminal)."""

from __future__ import annotations

import sys

from kb.errors import KbError


def add_arguments(parser, name: str) -> None:
    """Options of ``kb tui``."""
    parser.add_argument("--theme", choices=("dark", "light"), default=None, help="启动时的配色：dark 深色、light 浅色（默认沿用上次的选择；界面中 Ctrl+T 切换）")


def run(args) -> int:
    """Load the plan (errors are one line, before the screen opens), then run the app."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise KbError("kb tui 需要在终端中运行（脚本和管道中请用 kb ask 或 kb chat）")
    from kb.store import load_plan

    plan = load_plan(args.corpus)
    from tui.app import KbApp  # textual is imported only here

    app = KbApp(plan, theme=args.theme)  # None: the theme remembered from the last run
    try:
        app.run()
    except OSError:  # the terminal went away while the screen was being restored
        return 1
    return app.return_code or 0
