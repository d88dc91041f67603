"""Build or update a corpus's search index in a process of its own, for the TUI.

``python -m tui.indexer [CORPUS]`` runs what ``kb index --update`` runs
(``kb.qa.index.open_index``) and reports on stdout, one JSON object a line:
``{"step": "正在写入索引 1200/75000 段", "done": 1200, "total": 75000}`` for each
progress step, ``{"notice": "…"}`` for a notice (a broken index replaced, a long
build announced), then ``{"ready": true}``; a failure is ``{"error": "…"}`` and
exit status 2.

Why a process: building the Whoosh index of 1,000 plans (75,000 paragraphs) is
minutes of pure Python.  In the TUI's own worker thread it held the GIL, and the
first screen took 32 s to draw; in a child process the screen stays quick and
the status line shows the child's progress (``IndexBuild`` reads it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path


def _emit(**fields) -> None:
    sys.stdout.write(json.dumps(fields, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Open (build or update) the index of the corpus named in ``argv`` (default: kb's usual corpus)."""
    from kb.errors import KbError

    argv = sys.argv[1:] if argv is None else argv
    corpus = argv[0] if argv else None
    try:
        from kb.qa.index import open_index
        from kb.store import load_plan

        plan = load_plan(corpus)

        def progress(step) -> None:
            _emit(step=str(step), done=getattr(step, "done", 0), total=getattr(step, "total", 0))

        index = open_index(plan, progress=progress, notice=lambda message: _emit(notice=str(message)))
        index.close()
    except KbError as exc:
        _emit(error=str(exc))
        return 2
    _emit(ready=True)
    return 0


def corpus_of(plan) -> str | None:
    """The corpus argument that loads exactly ``plan``'s files (a folder, or one file); None if there is none.

    Only a plan read from the store (``kb.store.StoredPlan``, which knows its files) qualifies:
    an index built by a child process is found by the parent only if both read the same files.
    """
    refs = getattr(plan, "refs", None)
    if not refs:
        return None
    from kb.store import corpus_files

    paths = [Path(r.path) for r in refs]
    if len(paths) == 1:
        return str(paths[0])
    folder = paths[0].parent
    try:
        if all(p.parent == folder for p in paths) and [f.resolve() for f in corpus_files(folder)] == [
            p.resolve() for p in paths
        ]:
            return str(folder)
    except Exception:  # noqa: BLE001 - any doubt: the caller builds in its own process
        return None
    return None


class IndexBuild:
    """A running ``python -m tui.indexer``: its progress lines go to ``on_step(text, done, total)``."""

    def __init__(self, corpus: str, on_step, on_notice) -> None:
        self.error: str | None = None
        """The child's error line, or why it could not run (None while fine)."""
        self._on_step, self._on_notice = on_step, on_notice
        env = dict(os.environ)
        # The child must import this kb/tui even when it is not installed (a checkout on sys.path).
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui.indexer", corpus],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env, text=True, encoding="utf-8", errors="replace",
        )
        self._stderr: list[str] = []
        self._drain = threading.Thread(target=self._read_stderr, daemon=True)
        self._drain.start()

    def _read_stderr(self) -> None:
        for line in self.process.stderr:
            self._stderr.append(line.rstrip("\n"))
            del self._stderr[:-20]

    def wait(self) -> bool:
        """Read the child's lines until it ends; True if the index is ready."""
        ready = False
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if not isinstance(message, dict):
                continue
            if "step" in message:
                self._on_step(str(message["step"]), int(message.get("done") or 0), int(message.get("total") or 0))
            elif "notice" in message:
                self._on_notice(str(message["notice"]))
            elif "error" in message:
                self.error = str(message["error"])
            elif message.get("ready"):
                ready = True
        status = self.process.wait()
        self._drain.join(timeout=1)
        if not ready and self.error is None:
            last = next((line for line in reversed(self._stderr) if line.strip()), "")
            self.error = f"建立索引的子进程意外退出（状态 {status}）{('：' + last) if last else ''}"
        return ready and status == 0

    def stop(self) -> None:
        """End the child (the app is closing); a build cut short leaves no index behind, only its temporary folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()


if __name__ == "__main__":
    sys.exit(main())
