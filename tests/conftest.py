"""Shared fixtures: every test session uses its own cache directory."""

import os
import tempfile

import pytest

# Set before any kb import so no test reads or writes the user's ~/.cache/kb.
os.environ["KB_CACHE_DIR"] = tempfile.mkdtemp(prefix="kb-test-cache-")
os.environ.pop("KB_CORPUS", None)


@pytest.fixture(scope="session")
def plan():
    """The bundled plan, parsed once per session."""
    from kb.store import load_plan

    return load_plan()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the score lines tests recorded (tests/test_qa_fresh.py: "fresh questions: N passed of M")."""
    for line in getattr(config, "kb_score_lines", []):
        terminalreporter.write_line(line)
