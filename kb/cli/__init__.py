"""The ``kb`` command: a thin dispatcher over kb's library.

Each sub-command lives in its own module of this package with two functions,
``add_arguments(parser)`` and ``run(args) -> int``.  Only the module of the
command being run is imported, so ``kb grep`` never pays for whoosh, jieba or
textual.  Modules here import heavy libraries inside ``run`` only.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys

from kb.errors import KbError, reason

#: Sub-commands: name -> (module, one-line description).
COMMANDS: dict[str, tuple[str, str]] = {
    "tasks": ("kb.cli.plan", "按顺序列出方案的每一段及其责任单位"),
    "depts": ("kb.cli.plan", "列出各部门及其牵头、配合等任务数"),
    "duties": ("kb.cli.plan", "列出一个部门的全部任务（责任清单）"),
    "ask": ("kb.cli.qa", "回答一个问题"),
    "chat": ("kb.cli.qa", "从标准输入逐行读问题并回答，保留上下文"),
    "search": ("kb.cli.qa", "按相关度全文检索"),
    "index": ("kb.cli.qa", "查看或重建检索索引"),
    "grep": ("kb.cli.grep", "像 grep 一样逐句搜索方案"),
    "export": ("kb.cli.export", "导出责任清单、任务分工表、分工矩阵"),
    "tui": ("kb.cli.tui", "打开终端界面"),
    "ingest": ("kb.cli.ingest", "显示 kb 从方案文件（PDF、DOCX、网页……）读出的纯文本"),
}

#: Shown under ``kb --help``.
DESCRIPTION = "kb：政府行动方案知识库。把方案解析为结构化数据，回答谁牵头、谁配合、何时完成、指标多少。"
EPILOG = "不带参数在终端中运行 kb 即打开界面。每个命令的选项见 kb 命令 --help（如 kb export --help）。"


def add_corpus_option(parser: argparse.ArgumentParser, default=None) -> None:
    """The ``--corpus`` option every command takes (also before the command name)."""
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        default=default,
        help="方案文件或存放方案的文件夹（默认：$KB_CORPUS，否则为自带方案）",
    )


class _Parser(argparse.ArgumentParser):
    """argparse with one-line Chinese errors and exit status 2 (its default too, kept explicit)."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.exit(2, f"{self.prog}：错误：{message}（用法见 {self.prog} --help）\n")


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The argument parser, with only ``command``'s sub-parser filled in."""
    from kb.cli import zh

    zh.install()
    parser = _Parser(prog="kb", description=DESCRIPTION, epilog=EPILOG)
    add_corpus_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
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
    """Entry point of the ``kb`` console script; returns the exit status.

    Around every command: arguments and stdin are read with undecodable bytes
    replaced (U+FFFD), stdout/stderr escape control and bidi characters from
    data (kb.safetext; not for the TUI, which draws its own screen), and an
    output that cannot be written (a full disk, a closed stdout) is one line and
    exit 2 — a closed pipe ends quietly, like grep.
    """
    argv = sys.argv[1:] if argv is None else argv
    argv = [_readable(arg) for arg in argv]
    if sys.stdout is None:  # started with stdout closed (kb tasks >&-)
        if sys.stderr is not None:
            sys.stderr.write("kb：错误：标准输出已关闭，无法输出（请重定向到文件或 /dev/null）\n")
        return 2
    if not argv and sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty():
        argv = ["tui"]
    command = _command_name(argv)
    saved = sys.stdout, sys.stderr
    if command != "tui":
        _replace_undecodable_input()
        sys.stdout = _safe_stream(sys.stdout)
        sys.stderr = _clipping_stream(_safe_stream(sys.stderr), argv)
    try:
        return _run(argv, command)
    finally:
        sys.stdout, sys.stderr = saved


def _run(argv: list[str], command: str | None) -> int:
    try:
        try:
            args = build_parser(command).parse_args(argv)
            if args.command is None:
                build_parser(None).print_usage(sys.stderr)
                print("kb：错误：请给出一个命令（kb --help 列出全部命令）", file=sys.stderr)
                return 2
            _check_corpus(args)
            module = importlib.import_module(COMMANDS[args.command][0])
            status = module.run(args)
        except KbError as exc:
            print(f"kb: {exc}", file=sys.stderr)
            status = exc.exit_code
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk shows here, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (`kb grep 的 | head -1`): stop quietly, like grep.
        _discard_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno in _OUTPUT_ERRNOS and _is_stdout_error(exc):
            _discard_stdout()
            print(f"kb：错误：无法写出结果：{reason(exc)}（请腾出空间或重定向到别处）", file=sys.stderr)
            return 2
        where = f" {exc.filename}" if exc.filename else ""
        print(f"kb：错误：无法使用{where}：{reason(exc)}（请检查路径，或换一个文件名或位置）", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a bug of kb's: still one line for the user, never a traceback
        if os.environ.get("KB_DEBUG"):
            raise
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        print(f"kb：内部错误：{detail}（这是 kb 的缺陷，请报告并附上这一行；设置 KB_DEBUG=1 可看到详情）", file=sys.stderr)
        return 2


def use_color(choice: str, stream) -> bool:
    """--color of every command that colours: always, never, or auto = a terminal, no NO_COLOR (a non-empty
    value) and TERM is not dumb."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _check_corpus(args) -> None:
    """Refuse a corpus that is not a plan file or a readable folder of them before the command starts.

    Commands that read the plan lazily (``kb chat`` on empty input) would otherwise
    end without a word about a corpus that is a FIFO or a device.
    """
    if args.command in _NO_CORPUS:
        return
    from kb.store import check_corpus_path

    check_corpus_path(getattr(args, "corpus", None))


#: Commands that read the files named on their command line, not the corpus.
_NO_CORPUS = {"ingest"}


#: errno values meaning "this output cannot take more": full disk, quota, I/O error, closed descriptor.
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EFBIG}


def _is_stdout_error(exc: OSError) -> bool:
    """An OSError raised by writing stdout (no file name attached)."""
    return exc.filename is None


def _discard_stdout() -> None:
    """Point fd 1 at /dev/null so the buffered rest is dropped at exit without another error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except OSError:
        pass


def _readable(arg: str) -> str:
    """An argument as text: bytes that are not UTF-8 (kept by Python as surrogates) become U+FFFD."""
    try:
        arg.encode("utf-8")
        return arg
    except UnicodeEncodeError:
        return os.fsencode(arg).decode("utf-8", "replace")


def _replace_undecodable_input() -> None:
    """Read stdin with undecodable bytes replaced, so one bad line does not end ``kb chat``."""
    stdin = sys.stdin
    if stdin is not None and hasattr(stdin, "reconfigure"):
        try:
            stdin.reconfigure(errors="replace")
        except (ValueError, OSError):  # pragma: no cover - a stream that cannot change
            pass


#: An argument longer than this many characters is shortened where a message repeats it.
LONGEST_ECHO = 80


def clip_argument(arg: str) -> str:
    """A long argument as a message shows it: its start, then how long it is (``交交…（共 10000 个字符）``)."""
    return f"{arg[:LONGEST_ECHO // 2]}…（共 {len(arg)} 个字符）"


class _ClippingStream:
    """stderr that shortens the long arguments of the command line wherever a message repeats them: a
    10,000-character department name made a 30 KB error "line" (argparse's, kb's "没有部门“…”", a path)."""

    def __init__(self, stream, long_args: list[str]) -> None:
        self._stream = stream
        # longest first: an argument that holds another is replaced whole
        self._long = sorted(long_args, key=len, reverse=True)

    def write(self, text: str) -> int:
        for arg in self._long:
            if arg in text:
                text = text.replace(arg, clip_argument(arg))
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _clipping_stream(stream, argv: list[str]):
    """``stream`` wrapped by ``_ClippingStream`` when some argument is long (else as it is)."""
    long_args = {a.strip() for a in argv if len(a.strip()) > LONGEST_ECHO} | {a for a in argv if len(a) > LONGEST_ECHO}
    if stream is None or not long_args:
        return stream
    return _ClippingStream(stream, list(long_args))


def _safe_stream(stream):
    """``stream`` wrapped so that control and bidi characters from data show as escapes."""
    from kb.safetext import SafeStream

    if stream is None or isinstance(stream, SafeStream):
        return stream
    if hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(errors="replace")  # a lone surrogate never ends a command
        except (ValueError, OSError):  # pragma: no cover
            pass
    return SafeStream(stream)
