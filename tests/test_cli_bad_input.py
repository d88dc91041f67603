"""Bad input to every sub-command: one Chinese line on stderr, exit 2 (1 for no match), no traceback, no control
character of the input printed raw.

Each row: the command line → the exit status and words the one stderr line must hold → why.  Written by hand before
the run; the failures they showed (a 10,000-character argument repeated whole in a 30 KB error line, `kb ingest
FOLDER` said to be "a kind of file kb does not read") are fixed in kb/cli.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import main

LONG = "交" * 10000
CLIPPED = "交" * 40 + "…（共 10000 个字符）"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad-input")
    (d / "empty").mkdir()
    (d / "bad-utf8.txt").write_bytes("某市行动方案\n一、任务\n1.建立".encode() + b"\xff\xfe" + "网络。（市交通局牵头）\n".encode())
    (d / "a-file").write_text("x", encoding="utf-8")
    return d


def _rows(d: Path):
    empty, bad, a_file = str(d / "empty"), str(d / "bad-utf8.txt"), str(d / "a-file")
    return [
        (["duties", LONG], 2, [f"方案中没有部门“{CLIPPED}”"], "a 10,000-character name: its start and its length"),
        (["export", LONG, "-o", str(d / "x.xlsx")], 2, [CLIPPED], "the same through export"),
        (["tasks", LONG], 2, [f"无法识别的参数：{CLIPPED}"], "argparse's message clipped too"),
        (["depts", LONG], 2, [CLIPPED], "depts takes no name"),
        (["ingest", LONG], 2, [CLIPPED, "文件名太长"], "a file name the system refuses"),
        (["grep", LONG], 1, [], "no match: exit 1 and nothing said, as grep"),
        (["search", LONG], 1, [], "no paragraph holds it"),
        (["ingest", empty], 2, ["是文件夹", "kb --corpus"], "a folder is not a plan file: say what reads it"),
        (["ingest", str(d / "nosuch")], 2, ["不存在"], "a missing file without an extension"),
        (["--corpus", empty, "tasks"], 2, ["中没有方案文件"], "a folder with no plans"),
        (["--corpus", empty, "ask", "交通局牵头哪些任务"], 2, ["中没有方案文件"], "…for a question"),
        (["--corpus", empty, "grep", "交通"], 2, ["中没有方案文件"], "…for grep"),
        (["--corpus", empty, "search", "交通"], 2, ["中没有方案文件"], "…for search"),
        (["--corpus", empty, "depts"], 2, ["中没有方案文件"], "…for depts"),
        (["--corpus", empty, "duties", "交通局"], 2, ["中没有方案文件"], "…for duties"),
        (["--corpus", empty, "export", "--table", "-o", str(d / "t.xlsx")], 2, ["中没有方案文件"], "…for export"),
        (["--corpus", bad, "tasks"], 2, ["无法按 UTF-8 或 GBK/GB18030 解码"], "invalid UTF-8 in the plan file"),
        (["--corpus", bad, "duties", "交通局"], 2, ["无法按 UTF-8"], "…whatever the command"),
        (["export", "交通局", "-o", f"{a_file}/x.xlsx"], 2, ["不是文件夹"], "an output path under a file"),
        (["export", "--all", "-o", f"{a_file}/sub"], 2, ["a-file"], "an output folder under a file"),
        (["duties", "交通\x1b[31m局"], 2, ["\\x1b[31m"], "a control character of the input is shown escaped"),
        (["grep", "--color", "bogus", "秸秆"], 2, ["无效的取值"], "--color takes auto, always or never"),
        (["search", "--color", "bogus", "秸秆"], 2, ["无效的取值"], "…for search too"),
    ]


def test_bad_input_rows(files, capsys):
    for argv, status, said, why in _rows(files):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's usage errors end the process (the console script's exit status)
            code = exc.code
        out, err = capsys.readouterr()
        assert code == status, (why, err)
        if status == 1:
            assert out == "" and err == "", why
            continue
        assert err.count("\n") == 1 and err.endswith("\n"), (why, err[:300])
        assert "Traceback" not in err and len(err) < 400, (why, err[:300])
        assert not any(ch in err for ch in "\x1b\x07\x00"), why
        for words in said:
            assert words in err, (why, err)


def test_long_question_is_answered_not_echoed(capsys):
    assert main(["ask", LONG]) == 0
    out, err = capsys.readouterr()
    assert err == "" and LONG not in out and len(out) < 1000


@pytest.mark.parametrize("argv", [
    ["tasks"], ["depts"], ["duties", "交通局"], ["grep", "的"], ["search", "排放"], ["ask", "市生态环境局牵头哪些任务"],
    ["export", "交通局", "-o", "-", "-f", "md"],
])
def test_closed_pipe_is_quiet(argv):
    """`kb … | head -1`: the reader goes after one line; kb ends quietly (exit 0, nothing on stderr)."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root))
    p = subprocess.Popen([sys.executable, "-m", "kb.cli", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env)
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    assert first and p.wait(timeout=120) == 0 and err == b"", (argv, err)
