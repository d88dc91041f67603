"""The ``kb`` command: a thin dispatcher over kb's library.

Each sub-command lives in its own module of this package with two functions,
``add_arguments(parser)`` and ``run(args) -> int``.  Only the module of the
command being run is imported, so ``kb grep`` never pays for whoosh, jieba or
textual.  Modules here import heavy libraries inside ``run`` only.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from kb.errors import KbError

#: Sub-commands: name -> (module, one-line description).
COMMANDS: dict[str, tuple[str, str]] = {
    "tasks": ("kb.cli.plan", "list every paragraph of the plan with its departments"),
    "depts": ("kb.cli.plan", "list the departments with their task counts per role"),
    "duties": ("kb.cli.plan", "list the tasks of one department"),
    "ask": ("kb.cli.qa", "answer one question"),
    "chat": ("kb.cli.qa", "answer questions read from stdin, one per line, keeping context"),
    "search": ("kb.cli.qa", "ranked full-text search"),
    "index": ("kb.cli.qa", "show or rebuild the search index"),
    "grep": ("kb.cli.grep", "grep-style search over the plan's clauses"),
    "export": ("kb.cli.export", "export duty lists and the task division table"),
    "tui": ("kb.cli.tui", "open the terminal interface"),
    "ingest": ("kb.cli.ingest", "print the clean text kb reads from plan files (PDF, DOCX, web page …)"),
}


def add_corpus_option(parser: argparse.ArgumentParser, default=None) -> None:
    """The ``--corpus`` option every command takes (also before the command name)."""
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        default=default,
        help="plan file or folder of plans (default: $KB_CORPUS, else the bundled plan)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit status 2 (its default too, kept explicit)."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The argument parser, with only ``command``'s sub-parser filled in."""
    parser = _Parser(prog="kb", description="Knowledge base of government action plans.")
    add_corpus_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == command:
            add_corpus_option(p, default=argparse.SUPPRESS)
            importlib.import_module(module).add_arguments(p, name)
    return parser


def _command_name(argv: list[str]) -> str | None:
    """The sub-command named in ``argv`` (skipping ``--corpus PATH``), if any."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--corpus":
            skip = True
        elif arg.startswith("--corpus="):
            continue
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kb`` console script; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv and sys.stdin.isatty() and sys.stdout.isatty():
        argv = ["tui"]
    command = _command_name(argv)
    try:
        args = build_parser(command).parse_args(argv)
        if args.command is None:
            build_parser(None).print_usage(sys.stderr)
            print("kb: error: name a command (kb --help lists them)", file=sys.stderr)
            return 2
        module = importlib.import_module(COMMANDS[args.command][0])
        return module.run(args)
    except KbError as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`kb grep 的 | head -1`): stop quietly, like grep.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
