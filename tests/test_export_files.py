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
    with pytest.raises(KbError, match=r"a\.md already exists: pass --force to overwrite it"):
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
    with pytest.raises(KbError, match="already exists"):
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
    assert str(info.value) == f"disk full: could not write {target} (free some space or choose another -o); nothing was written"
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_full_disk_keeps_the_old_file_with_force(tmp_path, monkeypatch):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr(files, "_write_all", lambda fh, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(KbError, match="disk full"):
        write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_unwritable_directory(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    with pytest.raises(KbError) as info:
        write_atomic(tmp_path / "a.md", b"x")
    assert str(info.value) == f"cannot write in {tmp_path}: Permission denied (choose another -o)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_directory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(KbError, match="cannot write in"):
            write_atomic(folder / "a.md", b"x")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda t: t / "missing" / "a.md", "directory {t}/missing does not exist (create it or choose another -o)"),
        (lambda t: t / "file.txt" / "a.md", "{t}/file.txt is not a directory (choose another -o)"),
        (lambda t: t / "sub", "it is a directory"),
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
    with pytest.raises(KbError, match="does not exist"):
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
