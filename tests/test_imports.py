"""kb is a library: importable, and usable, without the TUI's textual."""

import pkgutil
import subprocess
import sys

import kb


def test_no_kb_module_imports_textual():
    modules = sorted(m.name for m in pkgutil.walk_packages(kb.__path__, "kb.") if not m.name.endswith("__main__"))
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from kb.store import load_plan\n"
        "load_plan()\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "kb.parser.core" in modules and "kb.registry" in modules
