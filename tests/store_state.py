"""kb.store as a new ``kb`` process finds it, for tests that run kb several times in one test process; and a corpus of
several plans to store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The fixture plans (tests/fixtures/plans).
FIXTURES = ROOT / "tests" / "fixtures" / "plans"


def two_cities_corpus(folder: Path, others: tuple[str, ...]) -> Path:
    """``folder`` made a corpus: the bundled plan twice (自贡's and, renamed, 绵阳's: plan-00, plan-01) and the fixture
    plans ``others``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = next((ROOT / "corpus").glob("*.txt")).read_text(encoding="utf-8")
    for n, city in enumerate(["自贡", "绵阳"]):
        (folder / f"plan-{n:02d}.txt").write_text(text.replace("自贡", city), encoding="utf-8")
    for name in others:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def forget_store_state() -> None:
    """Forget what kb.store keeps for the life of a process: the messages said once, the cache folders found
    unwritable and those already swept of leftovers."""
    import kb.store as store

    store._SAID.clear()
    store._SWEPT.clear()
    store._UNWRITABLE.clear()


def load_fresh(monkeypatch, cache: Path, corpus=None):
    """``load_plan(corpus)`` (None: the bundled plan) with the cache folder ``cache``, as a new process would."""
    import kb.store as store

    monkeypatch.setenv("KB_CACHE_DIR", str(cache))
    forget_store_state()
    return store.load_plan(corpus)


def run_kb(args: list[str], cache: Path, *, corpus: Path | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    """``kb [--corpus corpus] ARGS`` in a new process with the cache folder ``cache`` (no $KB_CORPUS), from the
    repository's root; text out."""
    env = dict(os.environ, KB_CACHE_DIR=str(cache))
    env.pop("KB_CORPUS", None)
    cmd = [sys.executable, "-m", "kb.cli"] + (["--corpus", str(corpus)] if corpus else []) + args
    return subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
