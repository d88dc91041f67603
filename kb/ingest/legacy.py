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

from kb.errors import KbError

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
        raise KbError(f"{where}: not a Word/WPS/Excel file (no OLE2 or RTF header); save the plan again as {target.upper()}")
    exe = soffice()
    if exe is None:
        raise KbError(f"{where}: .{fmt} files need LibreOffice (soffice), which is not installed: open it in Word or WPS and save it as {target.upper()}")
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
            raise KbError(f"{where}: LibreOffice did not convert it within {CONVERT_TIMEOUT} s; save it as {target.upper()} in Word or WPS") from exc
        except OSError as exc:
            raise KbError(f"{where}: LibreOffice cannot be run ({exc.strerror}); save the file as {target.upper()} in Word or WPS") from exc
        out = Path(tmp) / f"plan.{target}"
        if not out.exists():
            raise KbError(f"{where}: LibreOffice could not convert it (a damaged or password-protected file, or LibreOffice "
                          f"{'Writer' if target == 'docx' else 'Calc'} is not installed); save it as {target.upper()} in Word or WPS")
        converted = out.read_bytes()
    if target == "docx":
        from kb.ingest.docx import read_docx

        extracted = read_docx(converted, where)
    else:
        from kb.ingest.xlsx import read_xlsx

        extracted = read_xlsx(converted, where)
    extracted.format = fmt
    return extracted
