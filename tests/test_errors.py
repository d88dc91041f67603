"""The system's errors in the user's language (kb.errors.reason): every line kb prints is Chinese."""

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.errors import reason

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("code, words, why", [
    (errno.ENOENT, "不存在", "a path that is not there"),
    (errno.EACCES, "没有权限", "a file or folder the user may not read or write"),
    (errno.ENOSPC, "磁盘已满", "a full disk"),
    (errno.EROFS, "文件系统是只读的", "a read-only mount"),
    (errno.ENAMETOOLONG, "文件名太长", "a name over 255 bytes"),
    (errno.ENOTDIR, "不是文件夹", "a file where a folder should be"),
])
def test_reason_in_chinese(code, words, why):
    assert words in reason(OSError(code, os.strerror(code))), why


def test_an_error_without_words_keeps_the_systems():
    assert reason(OSError(errno.ECHILD, "No child processes")) == "No child processes"
    assert reason(ValueError("x")) == "x"


def _run(*args):
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("args", [
    ["ingest", "/nonexistent/plan.txt"],
    ["export", "交通局", "-o", "/nonexistent/folder/x.xlsx"],
    ["export", "--all", "-o", "/proc/version/sub"],
])
def test_error_lines_name_the_reason_in_chinese(args):
    r = _run(*args)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    assert not any(w in r.stderr for w in ("No such file", "Not a directory", "Permission denied")), r.stderr
