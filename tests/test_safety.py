"""Hardening (issue 13): hostile plan text, questions, patterns, paths and outputs.

One test class per class of fault the adversarial run found.  Each test failed
before its fix; the hostile plan below is written by hand (controls, bidi
overrides and formulas inside an otherwise ordinary plan).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import main
from kb.safetext import escape, escape_data, json_dumps

ROOT = Path(__file__).resolve().parent.parent

ESC_CLEAR = "\x1b[2J"
OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CSI_8BIT = "\x9b31m"
RLO = "\u202e"

HOSTILE_PLAN = (
    "某市大气污染防治行动方案\n"
    "一、重点任务\n"
    "（一）加强管理\n"
    f"1.加强秸秆{OSC_TITLE}禁烧管控{ESC_CLEAR}，全面落实{CSI_8BIT}责任{OSC_CLIPBOARD}。"
    f"到2020年，全市秸秆综合利用率达到88%以上。（市交通{RLO}运输局牵头，市\x1b[31m公安局配合）\n"
    '2.推进=HYPERLINK("http://evil.example/","点击")治理，@SUM(1+1)与+1-2同步。（市生态环境局负责）\n'
    "（二）=HYPERLINK(\"http://evil.example/\")\n"
    "1.@SUM(1+1)。（-市环保局牵头）\n"
)

#: Sequences that must never reach a terminal from data: (sequence, what it does).
RAW_CONTROLS = [
    ("\x1b[2J", "clears the screen"),
    ("\x1b]0;", "sets the window title (OSC 0)"),
    ("\x1b]52;", "writes the clipboard (OSC 52)"),
    ("\x07", "BEL ends an OSC"),
    ("\x9b", "8-bit CSI"),
    ("\u202e", "right-to-left override"),
    ("\x1b[31m", "colour from data"),
]


@pytest.fixture()
def hostile(tmp_path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(HOSTILE_PLAN, encoding="utf-8")
    return path


def run_kb(*args: str, stdin: bytes | None = None, env: dict | None = None, timeout: float = 120, **kw):
    """``kb ARGS`` in a fresh interpreter (bytes in, bytes out)."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "kb.cli", *args], input=stdin, capture_output=True, env=full_env, timeout=timeout, **kw
    )


def strings(obj):
    """Every string inside a JSON value."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def assert_no_raw_controls(text: str, where: str) -> None:
    for seq, what in RAW_CONTROLS:
        assert seq not in text, f"{where}: {what} ({seq!r}) printed raw"


# ---------------------------------------------------------------- 4. terminal injection


class TestEscaper:
    @pytest.mark.parametrize(
        "raw, shown, why",
        [
            ("a\x1b[2Jb", "a\\x1b[2Jb", "ESC shown as \\x1b"),
            ("\x1b]0;t\x07", "\\x1b]0;t\\x07", "OSC and BEL"),
            ("x\x9by", "x\\x9by", "C1 CSI"),
            ("\x85", "\\x85", "C1 NEL"),
            ("\x7f", "\\x7f", "DEL"),
            ("abc\u202edef", "abc<U+202E>def", "right-to-left override"),
            ("\u2066x\u2069", "<U+2066>x<U+2069>", "isolates"),
            ("\u200f", "<U+200F>", "right-to-left mark"),
            ("a\tb\nc", "a\tb\nc", "tab and newline kept in multi-line text"),
            ("a\rb", "a\\x0db", "CR would overwrite the line"),
            ("市交通运输局　牵头", "市交通运输局　牵头", "Chinese and the ideographic space untouched"),
        ],
    )
    def test_escape(self, raw, shown, why):
        assert escape(raw) == shown, why

    @pytest.mark.parametrize(
        "raw, shown, why",
        [
            ("交通\n牵头\t配合\n", "交通\n牵头\t配合\n", "printable but for tabs and newlines: written as it is"),
            ("交通\n牵头\x1b[2J\n", "交通\n牵头\\x1b[2J\n", "a control after a newline"),
            ("一\n二\u202e三", "一\n二<U+202E>三", "a bidi control after a newline"),
            ("一\n二\u3000三", "一\n二\u3000三", "an ideographic space (not printable, not escaped)"),
            ("一\u3000二\x85", "一\u3000二\\x85", "a C1 control beside an ideographic space"),
            ("", "", "nothing"),
        ],
    )
    def test_stream_writes_as_escape(self, raw, shown, why):
        from kb.safetext import SafeStream

        out = io.StringIO()
        SafeStream(out).write(raw)
        assert out.getvalue() == shown == escape(raw), why

    def test_every_escaped_character_is_unprintable(self):
        # SafeStream writes text that is printable but for tabs and newlines without searching it: sound only
        # while every character escape() changes is one str.isprintable rejects.
        from kb.safetext import _MULTILINE

        assert not [c for c in _MULTILINE if chr(c).isprintable()]

    def test_one_line_escapes_newline(self):
        assert escape("a\nb", keep="") == "a\\x0ab"

    @pytest.mark.parametrize("raw", ["\x85", "\x9b", RLO, "\u2066", "\x7f", "\x1b"])
    def test_json_escapes_c1_and_bidi(self, raw):
        text = json_dumps({"t": f"交{raw}通"})
        assert raw not in text
        assert json.loads(text) == {"t": f"交{raw}通"}
        assert "交" in text  # Chinese stays unescaped

    def test_escape_data_returns_clean_objects_unchanged(self, plan):
        import copy

        memory = copy.deepcopy(plan)  # a plain Plan in memory: walked, not copied
        assert escape_data(memory) is memory
        # A plan read from the store is not walked (that loaded every task: 75,000 at 1,000
        # plans): it becomes a view escaping each task as it is read, equal to it when clean.
        view = escape_data(plan)
        assert view is not plan and type(view) is type(plan)
        assert view.tasks == plan.tasks and view.documents == plan.documents


class TestTerminalInjection:
    @pytest.mark.parametrize(
        "args",
        [
            ["tasks"],
            ["depts"],
            ["duties", f"市交通{RLO}运输局"],
            ["grep", "秸秆"],
            ["grep", "--task", "秸秆"],
            ["grep", "-o", "禁烧.*"],
            ["grep", "-C", "1", "落实"],
            ["grep", "--color", "always", "秸秆"],
            ["grep", "--color", "always", "--task", "禁烧"],
            ["grep", "--color", "always", "-o", "禁烧.{0,20}"],
            ["ask", "秸秆禁烧由谁负责"],
            ["ask", f"交通局{ESC_CLEAR}牵头哪些任务{RLO}"],
            ["search", "--color", "always", "秸秆"],
            ["search", "秸秆"],
            ["duties", f"市公安{ESC_CLEAR}局"],
            ["export", f"市交通{RLO}运输局", "--format", "md", "-o", "-"],
            ["export", f"市交通{RLO}运输局", "--format", "csv", "-o", "-"],
        ],
    )
    def test_human_output_shows_escapes(self, hostile, args):
        r = run_kb("--corpus", str(hostile), *args)
        out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
        assert "Traceback" not in err
        assert_no_raw_controls(out, f"kb {' '.join(args)} stdout")
        assert_no_raw_controls(err, f"kb {' '.join(args)} stderr")

    def test_escapes_are_visible(self, hostile):
        r = run_kb("--corpus", str(hostile), "tasks")
        out = r.stdout.decode()
        assert "\\x1b]0;pwned\\x07" in out and "\\x9b" in out
        assert "市交通<U+202E>运输局" in out
        warnings = r.stderr.decode()
        assert "市\\x1b[31m公安局" in warnings  # the parser's warning about the unknown name

    def test_color_emits_only_kb_codes(self, hostile):
        r = run_kb("--corpus", str(hostile), "grep", "--color", "always", "禁烧")
        out = r.stdout.decode()
        # kb's own SGR codes are there, and every ESC in the output starts one of them.
        assert "\x1b[1;31m禁烧\x1b[0m" in out
        import re

        for m in re.finditer("\x1b", out):
            assert re.match(r"\x1b\[(?:1;31|32|35|0)m", out[m.start():]), out[m.start(): m.start() + 12]

    @pytest.mark.parametrize(
        "args",
        [
            ["tasks", "--json"],
            ["depts", "--json"],
            ["duties", f"市交通{RLO}运输局", "--json"],
            ["grep", "--json", "秸秆"],
            ["grep", "--json", "-l", "秸秆"],
            ["ask", "--json", "秸秆禁烧由谁负责"],
            ["search", "--json", "秸秆"],
            ["export", f"市交通{RLO}运输局", "--format", "json", "-o", "-"],
        ],
    )
    def test_json_is_valid_and_escaped(self, hostile, args):
        r = run_kb("--corpus", str(hostile), *args)
        text = r.stdout.decode("utf-8")
        assert_no_raw_controls(text, f"kb {' '.join(args)}")
        assert "\x85" not in text
        lines = [text] if args[0] in ("tasks", "depts", "duties", "export") else text.splitlines()
        objs = [json.loads(line) for line in lines if line.strip()]
        assert objs
        assert any("\x1b" in t or RLO in t for t in strings(objs)), "the data itself is kept (escaped in JSON, not altered)"

    def test_chat_question_echo(self, hostile):
        r = run_kb("--corpus", str(hostile), "chat", stdin=f"秸秆{OSC_TITLE}禁烧由谁负责\n{ESC_CLEAR}\n".encode())
        assert r.returncode == 0
        assert_no_raw_controls(r.stdout.decode(), "kb chat")


class TestTuiInjection:
    """Pilot: text from data never reaches the terminal as control codes or markup."""

    def _terminal_bytes(self, app) -> str:
        """What the compositor would send to the terminal for the whole screen."""
        from rich.console import Console

        update = app.screen._compositor.render_update(full=True)
        console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=120)
        return update.render_segments(console)

    def test_hostile_plan_on_screen(self, hostile):
        import asyncio

        from kb.store import load_plan
        from tui.app import KbApp

        plan = load_plan(str(hostile))

        async def go():
            app = KbApp(plan)
            async with app.run_test(size=(120, 40)) as pilot:
                await asyncio.wait_for(app.index_ready.wait(), 60)
                await pilot.pause()
                screens = [self._terminal_bytes(app)]
                app.show_department(app.plan.departments()[0])
                await pilot.pause()
                screens.append(self._terminal_bytes(app))
                app.open_task(app.plan.tasks[0].id)
                await pilot.pause()
                screens.append(self._terminal_bytes(app))
                return screens

        screens = asyncio.run(go())
        for i, screen in enumerate(screens):
            for seq in ("\x1b]", "\x07", "\x9b", RLO, ESC_CLEAR):  # Textual's own codes are CSI sequences
                assert seq not in screen, f"screen {i}: {seq!r} reached the terminal"
        assert any("\\x1b]0;pwned\\x07" in s or "<U+202E>" in s for s in screens), "escapes are shown visibly"

    def test_markup_in_data_is_text(self, tmp_path):
        import asyncio

        from kb.store import load_plan
        from tui.app import KbApp

        path = tmp_path / "plan.txt"
        path.write_text(
            "某市行动方案\n一、重点任务\n（一）加强管理\n1.加强[bold]秸秆[/bold]禁烧[@click=app.quit]管控[/]。（市[red]交通局[/red]牵头）\n",
            encoding="utf-8",
        )
        plan = load_plan(str(path))

        async def go():
            app = KbApp(plan)
            async with app.run_test(size=(120, 40)) as pilot:
                await asyncio.wait_for(app.index_ready.wait(), 60)
                await pilot.pause()
                app.open_task(app.plan.tasks[0].id)
                await pilot.pause()
                return self._terminal_bytes(app)

        screen = asyncio.run(go())
        assert "[@click=app.quit]" in screen and "[bold]" in screen, "markup in data is shown as written"

    def test_markup_in_command_palette(self, tmp_path):
        """The palette parses str prompts as markup: a department name must reach it as text."""
        import asyncio

        from textual.command import CommandPalette

        from kb.store import load_plan
        from tui.app import KbApp

        path = tmp_path / "plan.txt"
        path.write_text("某市行动方案\n一、重点任务\n（一）加强管理\n1.加强秸秆禁烧管控。（市[@click=app.quit]交通局牵头）\n",
                        encoding="utf-8")
        plan = load_plan(str(path))

        async def go():
            app = KbApp(plan)
            async with app.run_test(size=(120, 40)) as pilot:
                await asyncio.wait_for(app.index_ready.wait(), 60)
                await pilot.pause()
                app.action_command_palette()
                await pilot.pause()
                await pilot.press(*"部门")
                await asyncio.sleep(0.5)
                await pilot.pause()
                palette = app.screen
                assert isinstance(palette, CommandPalette)
                return self._terminal_bytes(app)

        screen = asyncio.run(go())
        assert "市[@click=app.quit]交通局" in screen, "the name is shown as written, not run as markup"


# ---------------------------------------------------------------- 2. regex memory


class TestRegexBounds:
    @pytest.mark.parametrize(
        "pattern, weight, why",
        [
            ("秸秆", 2, "two literals"),
            ("a{1000}", 1000, "a counted repeat is written out"),
            ("(ab){10}", 20, "a group's items times its count"),
            ("(a{100}){100}", 10_000, "nested counts multiply"),
            ("a{0,100000}", 1, "a maximum alone is looped, not copied"),
            ("a{3,}", 3, "open-ended: the minimum"),
            ("x|y{5}", 6, "alternatives add up"),
            ("[a{]{4}", 4, "a class is one item; its { is no repeat"),
            (r"\{1000}", 6, "an escaped { is a literal"),
            (r"\p{Han}{3}", 3, r"\p{…} is one item"),
            ("a{999999999}", 999_999_999, "the pattern that took 24 GB"),
        ],
    )
    def test_repeat_weight(self, pattern, weight, why):
        from kb.grep import repeat_weight

        assert repeat_weight(pattern) == weight, why

    @pytest.mark.parametrize("pattern", ["a{999999999}", "(a{1000}){1000}", "((a{100}){100}){100}", "x{100100}"])
    def test_refused_before_compiling(self, pattern, monkeypatch):
        import regex

        from kb.errors import KbError
        from kb.grep import build_matcher

        def no_compile(*a, **k):
            raise AssertionError("the regex engine was asked to compile it")

        monkeypatch.setattr(regex, "compile", no_compile)
        with pytest.raises(KbError, match="重复次数太多"):
            build_matcher([pattern])

    def test_cli_one_line_exit_2(self):
        import resource

        def limit():  # should the bound fail, the test must not take the machine down
            resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

        r = run_kb("grep", "a{999999999}", preexec_fn=limit)
        err = r.stderr.decode()
        assert r.returncode == 2 and r.stdout == b""
        assert err.count("\n") == 1 and "重复次数太多" in err, err

    def test_moderate_counts_still_work(self, capsys):
        assert main(["grep", "-o", "秸秆.{0,3}综合利用率"]) == 0
        assert "三（五）2:秸秆综合利用率" in capsys.readouterr().out


# ---------------------------------------------------------------- 3. CSV formula injection


class TestCsvFormulas:
    @pytest.mark.parametrize(
        "cell, written, why",
        [
            ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")', "formula"),
            ("+1-2", "'+1-2", "plus starts a formula"),
            ("-5%", "'-5%", "minus starts a formula (OWASP: also neutralised)"),
            ("@SUM(1+1)", "'@SUM(1+1)", "at-sign function"),
            ("\tx", "'\tx", "tab"),
            ("\rx", "'\rx", "carriage return"),
            ("加强=管理", "加强=管理", "an = inside is harmless"),
            ("市交通运输局", "市交通运输局", "ordinary text unchanged"),
            ("", "", "empty"),
        ],
    )
    def test_cell(self, cell, written, why):
        from kb.export.text import csv_cell

        assert csv_cell(cell) == written, why

    def test_exported_csv_neutralised_and_xlsx_strings(self, hostile, tmp_path):
        from openpyxl import load_workbook

        for fmt in ("csv", "xlsx"):
            r = run_kb("--corpus", str(hostile), "export", "--table", "--format", fmt, "-o", str(tmp_path / f"t.{fmt}"))
            assert r.returncode == 0, r.stderr
        rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig"))))
        cells = [c for row in rows for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], "a cell starts a formula"
        assert "'@SUM(1+1)" in cells and "'-市环保局" in cells  # the title and the department, neutralised
        wb = load_workbook(tmp_path / "t.xlsx")
        values = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
        assert values and all(c.data_type == "s" for c in values), "xlsx cells stay strings"


# ---------------------------------------------------------------- 6. invalid UTF-8


class TestInvalidUtf8:
    def test_chat_answers_every_line(self):
        r = run_kb("chat", stdin="交通局牵头哪些任务\n".encode() + b"\xff\n" + "秸秆禁烧由谁负责\n".encode())
        assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr
        answers = r.stdout.decode("utf-8").strip().split("\n\n")
        assert len(answers) == 3
        assert "三（三）1" in answers[0] and "三（五）3" in answers[2]

    def test_chat_json_stays_utf8(self):
        r = run_kb("chat", "--json", stdin=b"\xff\xfe\n" + "秸秆禁烧由谁负责\n".encode())
        assert r.returncode == 0, r.stderr
        lines = r.stdout.decode("utf-8").splitlines()  # raises if not UTF-8
        objs = [json.loads(line) for line in lines]
        assert len(objs) == 2 and objs[0]["question"] == "\ufffd\ufffd"

    @pytest.mark.parametrize("command", ["ask", "grep", "duties", "search"])
    def test_bad_bytes_in_argv(self, command):
        arg = b"\xff" + "秸秆".encode()
        r = subprocess.run([sys.executable, "-m", "kb.cli", command, arg], capture_output=True, timeout=120)
        assert b"Traceback" not in r.stderr and b"UnicodeEncodeError" not in r.stderr, r.stderr
        assert r.returncode in (0, 1, 2)
        r.stdout.decode("utf-8")
        r.stderr.decode("utf-8")


# ---------------------------------------------------------------- 7. corpus not a file or folder


class TestCorpusKinds:
    @pytest.fixture(params=["fifo", "/dev/null", "/dev/zero"])
    def odd_corpus(self, request, tmp_path) -> str:
        if request.param != "fifo":
            return request.param
        path = tmp_path / "plan.txt"
        os.mkfifo(path)
        return str(path)

    @pytest.mark.parametrize(
        "args",
        [["tasks"], ["depts"], ["duties", "交通局"], ["ask", "交通局牵头哪些任务"], ["chat"], ["grep", "秸秆"],
         ["search", "秸秆"], ["index"], ["export", "交通局", "-o", "-", "--format", "md"]],
    )
    def test_one_line_exit_2(self, odd_corpus, args):
        r = run_kb("--corpus", odd_corpus, *args, stdin=b"", timeout=60)
        err = r.stderr.decode()
        assert r.returncode == 2, (r.returncode, err, r.stdout[:200])
        assert err.count("\n") == 1 and "corpus" in err and "Traceback" not in err, err

    @pytest.mark.parametrize("args", [["tasks"], ["ask", "交通局牵头哪些任务"], ["chat"], ["grep", "秸秆"]])
    def test_unreadable_folder(self, tmp_path, monkeypatch, capsys, args):
        """A folder kb may not list (chmod 0 does not bind root, so the refusal is simulated)."""
        folder = tmp_path / "plans"
        folder.mkdir()
        (folder / "a.txt").write_text(HOSTILE_PLAN, encoding="utf-8")
        real = Path.iterdir

        def iterdir(self):
            if self == folder:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "iterdir", iterdir)
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        assert main(["--corpus", str(folder), *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "没有权限" in err and str(folder) in err, err

    def test_ingest_reads_its_own_files(self, tmp_path):
        """kb ingest names its files: a broken $KB_CORPUS is none of its business."""
        plan = tmp_path / "plan.txt"
        plan.write_text(HOSTILE_PLAN, encoding="utf-8")
        r = run_kb("ingest", str(plan), env={"KB_CORPUS": "/dev/null"})
        assert r.returncode == 0, r.stderr.decode()

    def test_kb_corpus_env_too(self):
        r = run_kb("ask", "交通局牵头哪些任务", env={"KB_CORPUS": "/dev/null"})
        assert r.returncode == 2 and "是设备文件" in r.stderr.decode()


# ---------------------------------------------------------------- 9. output errors


class TestOutputErrors:
    @pytest.mark.parametrize("args", [["tasks"], ["tasks", "--json"], ["grep", "的"], ["ask", "交通局牵头哪些任务"]])
    def test_full_disk(self, args):
        with open("/dev/full", "w") as full:
            r = subprocess.run([sys.executable, "-m", "kb.cli", *args], stdout=full, stderr=subprocess.PIPE, timeout=120)
        err = r.stderr.decode()
        assert r.returncode == 2 and err.count("\n") == 1 and "磁盘已满" in err, err

    @pytest.mark.parametrize("args", [["tasks"], ["grep", "的"]])
    def test_closed_stdout(self, args):
        r = subprocess.run(
            [sys.executable, "-m", "kb.cli", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120,
            pass_fds=(), preexec_fn=lambda: os.close(1),
        )
        err = r.stderr.decode()
        assert r.returncode == 2 and err.count("\n") == 1 and "已关闭" in err, err

    def test_closed_pipe_is_quiet(self):
        p = subprocess.Popen([sys.executable, "-m", "kb.cli", "tasks"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.read(10)
        p.stdout.close()
        err = p.stderr.read()
        assert p.wait(timeout=120) in (0, 141) and err == b"", err

    def test_file_name_too_long(self, tmp_path):
        name = str(tmp_path / ("长" * 200 + ".xlsx"))
        r = run_kb("export", "交通局", "-o", name)
        err = r.stderr.decode()
        assert r.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err, err
        assert not list(tmp_path.iterdir())


class TestUnexpectedErrors:
    """A bug of kb's (an exception no rule of kb expected) is still one line and exit 2, never a traceback;
    KB_DEBUG=1 lets it through for the developer.  (The docx task table of a plan with 指导 raised
    KeyError: 'guide' as a 30-line traceback.)"""

    @pytest.fixture
    def broken(self, monkeypatch):
        import kb.cli.plan

        def run(args):
            raise KeyError("guide\x1b[2J")

        monkeypatch.setattr(kb.cli.plan, "run", run)
        monkeypatch.delenv("KB_DEBUG", raising=False)

    def test_one_line_exit_2(self, broken, capsys):
        assert main(["tasks"]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and "Traceback" not in err, err
        assert err.startswith("kb：内部错误：") and "KeyError" in err and "KB_DEBUG=1" in err
        assert "\x1b" not in err  # the message's data is escaped like any other

    def test_kb_debug_shows_the_traceback(self, broken, monkeypatch):
        monkeypatch.setenv("KB_DEBUG", "1")
        with pytest.raises(KeyError):
            main(["tasks"])


# ---------------------------------------------------------------- 10. linear targets


class TestLinearTargets:
    def _work(self, n: int, monkeypatch) -> int:
        """Characters handed to the deadline reader and the target parser for a paragraph of n clauses."""
        import dataclasses

        from kb.parser import targets
        from kb.store import load_plan

        seen = [0]
        real_find, real_parse = targets.find_deadlines, targets.parse_targets

        def find(text, *a, **k):
            seen[0] += len(text)
            return real_find(text, *a, **k)

        def parse(clause, index=0, context=None):
            seen[0] += len(clause) + (len(context) if isinstance(context, str) else 0)
            return real_parse(clause, index, context)

        monkeypatch.setattr(targets, "find_deadlines", find)
        monkeypatch.setattr(targets, "parse_targets", parse)
        clauses = ["到2020年，全市秸秆综合利用率达到88%以上。"] + ["二氧化硫（SO2）、氮氧化物（NOx）分别下降15%、10%。", "加强管理。"] * n
        task = dataclasses.replace(load_plan().tasks[0], clauses=clauses, targets=[])
        targets.apply_targets(task)
        monkeypatch.undo()
        assert task.targets and task.targets[-1].year == 2020 and task.targets[-1].metric.startswith("氮氧化物")
        return seen[0]

    def test_work_grows_linearly(self, monkeypatch):
        small, large = self._work(200, monkeypatch), self._work(1600, monkeypatch)
        assert large / small < 10, f"8x the clauses cost {large / small:.1f}x the work"

    def test_same_targets_as_joined_context(self, plan):
        """The incremental context reads what the joined earlier clauses read, on the bundled plan."""
        from kb.parser.targets import parse_targets

        for task in plan.tasks:
            joined = [t for i, c in enumerate(task.clauses) for t in parse_targets(c, i, "".join(task.clauses[:i]))]
            assert joined == task.targets, task.label


# ---------------------------------------------------------------- 8. long names in docx, 12. export leftovers, 13. names


LONG_NAME = "市" + "超长名称" * 70 + "局"  # 282 characters: over python-docx's 255 for a core property


class TestExportNames:
    @pytest.fixture()
    def long_plan(self, tmp_path) -> Path:
        path = tmp_path / "long.txt"
        path.write_text(
            f"某市行动方案\n一、重点任务\n（一）加强管理\n1.加强秸秆禁烧管控。（{LONG_NAME}牵头）\n2.推进治理。（市生态环境局负责）\n",
            encoding="utf-8",
        )
        return path

    @pytest.mark.parametrize("fmt", ["docx", "xlsx"])
    def test_long_department_name(self, long_plan, tmp_path, fmt):
        out = tmp_path / "out"
        r = run_kb("--corpus", str(long_plan), "export", "--all", "--format", fmt, "-o", str(out))
        assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr.decode()
        files = sorted(out.iterdir())
        assert len(files) == (4 if fmt == "docx" else 3)
        if fmt == "docx":
            from docx import Document

            long_file = next(f for f in files if f.name.startswith("市超长名称"))
            title = Document(long_file).core_properties.title
            assert len(title) == 255 and title.endswith("…")

    def test_all_renders_everything_before_writing(self, hostile, tmp_path, monkeypatch):
        from kb import export
        from kb.errors import KbError
        from kb.store import load_plan

        plan = load_plan(str(hostile))
        calls = []
        real = export._render_duties

        def render(plan, name, fmt, bom=True):
            calls.append(name)
            if len(calls) == 2:
                raise KbError("cannot render")
            return real(plan, name, fmt, bom)

        monkeypatch.setattr(export, "_render_duties", render)
        with pytest.raises(KbError):
            export.export_all(plan, "md", tmp_path / "out")
        # nothing was written before every file was rendered, and the folder the export made is gone again
        assert not (tmp_path / "out").exists(), "a failed export left its folder (or a file in it)"

    @pytest.mark.parametrize(
        "name, file_name, why",
        [
            ("-市环保局", "_-市环保局-责任清单.xlsx", "a leading - is no option to rm or ls"),
            (f"市交通{RLO}运输局", "市交通_运输局-责任清单.xlsx", "a bidi override would make the listing lie"),
            ("市\x9b公安局", "市_公安局-责任清单.xlsx", "C1 control"),
            ("市\x1b[31m公安局", "市_[31m公安局-责任清单.xlsx", "ESC"),
            ("市交通运输局", "市交通运输局-责任清单.xlsx", "ordinary names unchanged"),
        ],
    )
    def test_file_names(self, name, file_name, why):
        from kb.export import default_filename

        assert default_filename(name, "xlsx") == file_name, why

    def test_hostile_names_on_disk(self, hostile, tmp_path):
        out = tmp_path / "out"
        r = run_kb("--corpus", str(hostile), "export", "--all", "--format", "md", "-o", str(out))
        assert r.returncode == 0, r.stderr
        names = sorted(p.name for p in out.iterdir())
        assert not [n for n in names if n.startswith("-") or any(c in n for c in (RLO, "\x1b", "\x9b"))], names
        assert "_-市环保局-责任清单.md" in names

    @pytest.mark.parametrize("fmt", ["xlsx", "docx"])
    def test_source_date_epoch_reproducible(self, tmp_path, fmt):
        import time
        import zipfile

        env = {"SOURCE_DATE_EPOCH": "1700000000"}
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert run_kb("export", "交通局", "--format", fmt, "-o", str(a), env=env).returncode == 0
        time.sleep(2.1)  # zip times have a 2-second resolution
        assert run_kb("export", "交通局", "--format", fmt, "-o", str(b), env=env).returncode == 0
        assert a.read_bytes() == b.read_bytes()
        with zipfile.ZipFile(a) as z:
            assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
            core = z.read("docProps/core.xml").decode()
        assert core.count("2023-11-14T22:13:20Z") == 2, core  # created and modified

    def test_stale_temporaries_swept(self, tmp_path):
        import time

        out = tmp_path / "out"
        out.mkdir()
        old = time.time() - 3600
        stale = [out / ".市交通运输局-责任清单.xlsx.ab12cd_9.tmp", out / ".plan-任务分工表.docx.zz99zz99.tmp"]
        fresh = out / ".市交通运输局-责任清单.xlsx.q1w2e3r4.tmp"  # an export running now
        others = [out / ".notes.txt.ab12cd34.tmp", out / "report.xlsx.ab12cd34.tmp", out / ".x.xlsx.ab12.tmp"]
        for p in stale + [fresh] + others:
            p.write_bytes(b"partial")
            if p is not fresh:
                os.utime(p, (old, old))
        r = run_kb("export", "交通局", "-o", str(out))
        assert r.returncode == 0, r.stderr
        left = {p.name for p in out.iterdir()}
        assert not {p.name for p in stale} & left, "stale temporaries of kb's naming stay"
        assert {fresh.name, *(p.name for p in others)} <= left, "a file kb did not leave was removed"
        assert "市交通运输局-责任清单.xlsx" in left

    def test_temporary_name_keeps_extension(self):
        from kb.export.files import _TEMP_NAME, _temp_prefix

        prefix = _temp_prefix(Path("/x") / (LONG_NAME + "-责任清单.docx"))
        assert _TEMP_NAME.fullmatch(prefix + "abcd1234.tmp")


class TestCachedPlanPath:
    def test_cached_plan_reports_this_path(self, tmp_path):
        """Same bytes in two places share a cache entry; each load names its own file."""
        from kb.store import load_plan

        src = (ROOT / "corpus").glob("*.txt").__next__().read_bytes()
        paths = []
        for where in ("a", "b"):
            (tmp_path / where).mkdir()
            paths.append(tmp_path / where / "plan.txt")
            paths[-1].write_bytes(src)
        first = load_plan(str(tmp_path / "a"))
        assert first.documents[0].path == str(paths[0])
        second = load_plan(str(tmp_path / "b"))  # from the cache written by the first
        assert second.documents[0].path == str(paths[1])
        again = load_plan(str(paths[0]))
        assert again.documents[0].path == str(paths[0])


# ---------------------------------------------------------------- 13. a long item number is no year


class TestQuestionNumbers:
    """Item 13: 第19999项 is an item number, never the year 1999 (the reading is qa's, kb/qa/question.py)."""

    @pytest.mark.parametrize("question", ["第19999项工作是谁负责", "第20201项工作是谁负责"])
    def test_long_number_is_no_year(self, question):
        from kb.qa import Session

        answer = Session().ask(question)
        for year in ("1999", "2020"):
            assert f"{year}年" not in answer.text, answer.text
        # No item has that number: never an answer as if it had (a year's deadline list was one).
        assert answer.status != "answered", answer.text
