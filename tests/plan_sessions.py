"""One kb session a plan, each question asked as a first question (for the table-driven qa tests).

The qa row tests ask many questions of a few plans: a plan is parsed once (one ``Session`` a corpus name), and before
each question the session forgets the conversation (no last query, a fresh ``Context``), so that a row never reads as
a follow-up of the row before it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path


def first_question_asker(root: Path, texts: Mapping[str, str], plan_path: Callable[[str], object]):
    """``ask(corpus, question)`` -> the ``Answer``.

    ``corpus`` is a key of ``texts`` (a plan written here: saved as ``root/<corpus>.txt`` the first time it is asked),
    or else a name ``plan_path`` turns into the plan's path (a file or folder; ``None``: the bundled plan).
    """
    sessions = {}

    def ask(corpus: str, question: str):
        from kb.qa import Session
        from kb.qa.context import Context

        if corpus not in sessions:
            if corpus in texts:
                path = root / f"{corpus}.txt"
                path.write_text(texts[corpus], encoding="utf-8")
            else:
                path = plan_path(corpus)
            sessions[corpus] = Session(None if path is None else str(path), strict=True)
        session = sessions[corpus]
        session.last_query, session.context = None, Context()
        return session.ask(question)

    return ask


def plan_loader(plans: Mapping[str, Path | None], folders: Mapping[str, tuple[str, ...]] | None = None):
    """``plan_of(alias)`` -> the loaded plan, once per alias: a file of ``plans`` (``None``: the bundled plan), or a
    folder of copies of several of them (``folders``: alias → the plans' aliases) — plans loaded together."""
    from functools import cache

    folders = folders or {}

    @cache
    def plan_of(alias: str):
        import shutil
        import tempfile

        from kb.store import load_plan

        if alias in folders:
            folder = Path(tempfile.mkdtemp(prefix="plans_"))
            for one in folders[alias]:
                shutil.copy(plans[one], folder)
            return load_plan(str(folder))
        path = plans[alias]
        return load_plan() if path is None else load_plan(str(path))

    return plan_of


def said(text: str, quoted: tuple[str, ...] = ("原文",)) -> str:
    """The answer without its quoted lines (原文：…; ``quoted`` may add 出处): a quote holds the other figures of its
    sentence, so a figure asserted absent is looked for only in what kb says itself."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(quoted))


def check_answer_row(answer, status, has, has_not, why, quoted: tuple[str, ...] = ("原文",)) -> None:
    """One answer row of the value and date tables (tests/test_qa_values_s1*.py, test_date_clauses_s18.py): ``status``
    ``"honest"`` = anything but answered, None = not checked, else that status; every word of ``has`` in the text,
    none of ``has_not`` in what kb says (``said``)."""
    text = answer.text
    if status == "honest":
        assert answer.status != "answered", f"{why}\n{text}"
    elif status is not None:
        assert answer.status == status, f"{why}\n{text}"
    for word in has:
        assert word in text, f"{word!r} missing — {why}\n{text}"
    for word in has_not:
        assert word not in said(text, quoted), f"{word!r} present — {why}\n{text}"
