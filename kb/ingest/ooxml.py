"""The check shared by the two Office Open XML readers (DOCX, XLSX) before their library opens a file.

python-docx and openpyxl answer a non-zip or a zip of another kind with an exception
that names neither the file nor what to do; this check turns each case into kb's one line.
"""

from __future__ import annotations

import io
import zipfile

from kb.errors import KbError


def check_package(raw: bytes, where: str, kind: str, part: str, resave: str) -> None:
    """Raise a KbError unless ``raw`` is a zip holding ``part`` (word/document.xml, xl/workbook.xml).

    ``kind`` names the format in the message (DOCX, XLSX); ``resave`` is what the user should do.
    """
    if not raw.startswith(b"PK"):
        raise KbError(f"{where}：不是 {kind} 文件（{kind} 是 zip 压缩包）；{resave}")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise KbError(f"{where}：不是有效的 {kind} 文件（zip 压缩包已损坏）；{resave}") from exc
    if part not in names:
        raise KbError(f"{where}：是 zip 压缩包但不是 {kind}（没有 {part}）；{resave}")


def open_failed(where: str, kind: str, exc: Exception, app: str) -> KbError:
    """The one line for a package that passed the check but its library could not open."""
    return KbError(f"{where}：无法打开这个 {kind}（{exc.__class__.__name__}）；请用 {app} 打开后重新保存")
