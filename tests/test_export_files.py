"""Writing export files: no overwrite without force, no half files, one-line errors for bad places and full disks."""

import errno
import os
import stat
from pathlib import Path

import pytest

from kb.errors import KbError
from kb.export import files
from kb.export.files import target_path, write_atomic


def leftovers(folder):
    """Files of ``folder`` other than the expected ones: temporary files must never stay."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_keeps_no_temporary_file(tmp_path):
    target = tmp_path / "a.md"
    assert write_atomic(target, b"hello") == target
    assert target.read_bytes() == b"hello" and leftovers(tmp_path) == []


def test_written_file_has_ordinary_permissions(tmp_path):
    target = write_atomic(tmp_path / "a.md", b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_existing_file_is_kept_without_force(tmp_path):
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    with pytest.raises(KbError, match=r"a\.md 已存在：要覆盖请加 --force"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_force_overwrites(tmp_path):
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new" and leftovers(tmp_path) == []


def test_file_appearing_while_writing_is_not_overwritten(tmp_path, monkeypatch):
    target = tmp_path / "a.md"

    def racing_write(fh, data):
        target.write_bytes(b"theirs")  # another process creates the file meanwhile
        fh.write(data)

    monkeypatch.setattr(files, "_write_all", racing_write)
    with pytest.raises(KbError, match="已存在"):
        write_atomic(target, b"ours")
    assert target.read_bytes() == b"theirs" and leftovers(tmp_path) == []


def test_full_disk_leaves_nothing(tmp_path, monkeypatch):
    def full(fh, data):
        fh.write(data[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_write_all", full)
    target = tmp_path / "a.xlsx"
    with pytest.raises(KbError) as info:
        write_atomic(target, b"x" * 100)
    assert str(info.value) == f"磁盘已满，未能写入 {target}（请腾出空间或换一个保存位置）；没有写入任何内容"
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_full_disk_keeps_the_old_file_with_force(tmp_path, monkeypatch):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr(files, "_write_all", lambda fh, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(KbError, match="磁盘已满"):
        write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_unwritable_directory(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    with pytest.raises(KbError) as info:
        write_atomic(tmp_path / "a.md", b"x")
    assert str(info.value) == f"无法在 {tmp_path} 中写入：没有写入权限（请换一个保存位置）"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_directory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(KbError, match="无法在 .* 中写入"):
            write_atomic(folder / "a.md", b"x")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda t: t / "missing" / "a.md", "文件夹 {t}/missing 不存在（请先创建，或换一个保存位置）"),
        (lambda t: t / "file.txt" / "a.md", "{t}/file.txt 不是文件夹（请换一个保存位置）"),
        (lambda t: t / "sub", "这是一个文件夹"),
    ],
)
def test_bad_places(tmp_path, make, message):
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    with pytest.raises(KbError, match=None) as info:
        write_atomic(make(tmp_path), b"x")
    assert message.format(t=tmp_path) in str(info.value)
    assert "\n" not in str(info.value)


def test_target_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dir").mkdir()
    assert target_path(None, "x.md") == tmp_path / "x.md"
    assert target_path(tmp_path / "dir", "x.md") == tmp_path / "dir" / "x.md"
    assert target_path(str(tmp_path / "y.md"), "x.md") == tmp_path / "y.md"
    assert target_path("清单", "x.xlsx") == Path("清单.xlsx")  # no extension: the format's
    assert target_path("v1.2", "x.xlsx") == Path("v1.2")
    with pytest.raises(KbError, match="不存在"):
        target_path(str(tmp_path / "nodir") + "/", "x.md")


def test_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupted(fh, data):
        fh.write(data[:3])
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "a.xlsx", b"x" * 100)
    assert list(tmp_path.iterdir()) == []


def test_department_name_cannot_escape_the_folder(tmp_path):
    from test_export_content import hand_plan

    from kb.export import export_duty_list

    plan = hand_plan()
    plan.tasks[2].lead.append("../市坏局")
    (tmp_path / "out").mkdir()
    path = export_duty_list(plan, "../市坏局", "md", tmp_path / "out")
    assert path == tmp_path / "out" / "_市坏局-责任清单.md"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


EXTENSION_ROWS = [
    # file name, format, refused, why
    ("清单.xlsx", "docx", True, "Word content under .xlsx: Excel cannot open it"),
    ("清单.DOCX", "xlsx", True, "extensions are compared without case"),
    ("清单.docx", "docx", False, "the format's own extension"),
    ("清单.txt", "md", False, "an extension that is no export format is the user's choice"),
    ("清单", "csv", False, "no extension: the format's is added"),
    ("v1.2", "xlsx", False, "a dot inside a name is no format"),
]


@pytest.mark.parametrize("name, fmt, refused, why", EXTENSION_ROWS)
def test_export_refuses_an_extension_of_another_format(plan, tmp_path, name, fmt, refused, why):
    from kb.export import export_duty_list

    if refused:
        with pytest.raises(KbError) as info:
            export_duty_list(plan, "交通局", fmt, tmp_path / name)
        assert f"选择的格式是 {fmt}" in str(info.value) and "\n" not in str(info.value), why
        assert list(tmp_path.iterdir()) == [], "nothing is written"
    else:
        written = export_duty_list(plan, "交通局", fmt, tmp_path / name)
        assert written.exists(), why


# ---------------------------------------------------------------- a failed export leaves no folder of its own


def _fail_at(monkeypatch, n: int, exc: BaseException, before=None):
    """Make the ``n``-th file written (1-based) fail with ``exc``, after calling ``before()`` if given (what happens
    meanwhile); earlier ones are written."""
    real = files._write_all
    count = {"n": 0}

    def write(fh, data):
        count["n"] += 1
        if count["n"] == n:
            if before is not None:
                before()
            raise exc
        real(fh, data)

    monkeypatch.setattr(files, "_write_all", write)


FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("argv,fail_at,exc,code,why", [
    (["--all"], 1, FULL, 2, "disk full at the first file: the folder made for it was left empty (review 16)"),
    (["--all"], 3, FULL, 2, "disk full at the third: the two files written and the folder go"),
    (["--all"], 2, KeyboardInterrupt(), 130, "Ctrl-C while writing"),
    (["交通局", "发改委", "--table"], 2, FULL, 2, "named departments into a new folder: the same rule"),
])
def test_failed_export_removes_the_folder_it_made(tmp_path, monkeypatch, capsys, argv, fail_at, exc, code, why):
    from kb.cli import main

    _fail_at(monkeypatch, fail_at, exc)
    new = tmp_path / "new"
    assert main(["export", *argv, "-o", str(new)]) == code, why
    assert not new.exists(), why
    assert list(tmp_path.iterdir()) == [], why
    captured = capsys.readouterr()
    assert captured.out == "", "no path printed for a file that is not there"
    if code == 2:
        assert captured.err.count("\n") == 1 and "磁盘已满" in captured.err


def test_failed_export_keeps_a_folder_that_was_there(tmp_path, monkeypatch, capsys):
    from kb.cli import main

    old = tmp_path / "old"
    old.mkdir()
    (old / "mine.txt").write_text("用户自己的文件", encoding="utf-8")
    _fail_at(monkeypatch, 3, FULL)
    assert main(["export", "--all", "-o", str(old)]) == 2
    names = sorted(p.name for p in old.iterdir())
    assert "mine.txt" in names and (old / "mine.txt").read_text(encoding="utf-8") == "用户自己的文件"
    assert len(names) == 3 and leftovers(old) == []  # mine.txt and the two whole files written before the failure


def test_rendering_failure_leaves_no_folder(tmp_path, monkeypatch):
    from kb import export
    from kb.cli import main

    def broken(*a, **k):
        raise KbError("渲染失败")

    monkeypatch.setattr(export, "_render_duties", broken)
    new = tmp_path / "new"
    assert main(["export", "--all", "-o", str(new)]) == 2
    assert not new.exists()


def test_folder_with_a_stranger_file_is_kept(tmp_path, monkeypatch):
    """A file another program put in the new folder while kb wrote: the folder stays, with that file."""
    from kb.cli import main

    new = tmp_path / "new"
    _fail_at(monkeypatch, 2, FULL, before=lambda: (new / "other.txt").write_text("x", encoding="utf-8"))
    assert main(["export", "--all", "-o", str(new)]) == 2
    assert sorted(p.name for p in new.iterdir()) == ["other.txt"]
