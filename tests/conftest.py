"""Shared fixtures: every test session uses its own cache directory."""

import os
import tempfile

import pytest

# Set before any kb import so no test reads or writes the user's ~/.cache/kb.
os.environ["KB_CACHE_DIR"] = tempfile.mkdtemp(prefix="kb-test-cache-")
# Nor the user's TUI settings (theme, export folder) in ~/.config/kb.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kb-test-config-")
os.environ.pop("KB_CORPUS", None)

# Helper modules holding asserts: rewritten like a test module's, so that a failing one says what it compared.
pytest.register_assert_rewrite("gold_rows", "tui_pilot", "question_rows")


@pytest.fixture
def fixed_export_date(monkeypatch):
    """Exports dated 2025-01-01 ($SOURCE_DATE_EPOCH), so the bytes a test compares do not depend on the day it runs."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")


@pytest.fixture(scope="session")
def plan():
    """The bundled plan, parsed once per session."""
    from kb.store import load_plan

    return load_plan()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the score lines tests recorded (tests/test_qa_fresh.py: "fresh questions: N passed of M")."""
    for line in getattr(config, "kb_score_lines", []):
        terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _own_config_home(tmp_path_factory, monkeypatch):
    """Each test its own XDG config folder: a theme or export folder one test saves never reaches another."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
