"""Legacy binary files (``.doc``, ``.wps``, ``.xls``): converted by LibreOffice when installed.

``soffice --headless --convert-to docx`` (``xlsx`` for ``.xls``) writes the converted file
into a private temporary folder, which is then read like any DOCX/XLSX.  Without
LibreOffice the user is told, in one line, to save the file as DOCX (or XLSX).  kb never
runs macros: LibreOffice's headless conversion does not execute them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kb.errors import KbError, reason

#: Seconds a conversion may take before it is given up.
CONVERT_TIMEOUT = 120

_TARGET = {"doc": "docx", "wps": "docx", "xls": "xlsx"}


def soffice() -> str | None:
    """Path of LibreOffice's ``soffice`` (or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(raw: bytes, where: str, fmt: str):
    """Convert a ``.doc``/``.wps``/``.xls`` through LibreOffice, then read the result."""
    target = _TARGET[fmt]
    # OLE2 (Word 97–2003, WPS, Excel 97–2003) or RTF, which Word also saves under a .doc name.
    if not (raw.startswith(b"\xd0\xcf\x11\xe0") or raw.startswith(b"{\\rtf")):
        raise KbError(f"{where}：不是 Word/WPS/Excel 文件（没有 OLE2 或 RTF 文件头）；请把方案重新另存为 {target.upper()}")
    exe = soffice()
    if exe is None:
        raise KbError(f"{where}：读取 .{fmt} 文件需要 LibreOffice（soffice），但没有安装：请用 Word 或 WPS 打开并另存为 {target.upper()}")
    with tempfile.TemporaryDirectory(prefix="kb-convert-") as tmp:
        src = Path(tmp) / f"plan.{fmt}"
        src.write_bytes(raw)
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=CONVERT_TIMEOUT, check=False, env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired as exc:
            raise KbError(f"{where}：LibreOffice 在 {CONVERT_TIMEOUT} 秒内没有完成转换；请用 Word 或 WPS 另存为 {target.upper()}") from exc
        except OSError as exc:
            raise KbError(f"{where}：无法运行 LibreOffice（{reason(exc)}）；请用 Word 或 WPS 另存为 {target.upper()}") from exc
        out = Path(tmp) / f"plan.{target}"
        if not out.exists():
            raise KbError(f"{where}：LibreOffice 未能转换（文件损坏或有密码保护，或没有安装 LibreOffice "
                          f"{'Writer' if target == 'docx' else 'Calc'}）；请用 Word 或 WPS 另存为 {target.upper()}")
        converted = out.read_bytes()
    if target == "docx":
        from kb.ingest.docx import read_docx

        extracted = read_docx(converted, where)
    else:
        from kb.ingest.xlsx import read_xlsx

        extracted = read_xlsx(converted, where)
    extracted.format = fmt
    return extracted
