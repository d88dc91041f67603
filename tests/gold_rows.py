"""What the whole-plan tests of real plans (tests/test_found_*.py) share to hold a plan's tasks against its gold rows."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kb.ingest import read_document
from kb.model import ROLES
from kb.parser import parse_document

#: The fixture plans (tests/fixtures/plans), whose gold rows the tests hold them against.
PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
#: A gold row's role keys, in the order of ``kb.model.ROLES``, then the units a carry-forward note implies.
KEYS = (*ROLES, "implied")


def bare(text: str) -> str:
    """``text`` without white space: cleanup removes spaces next to CJK characters, and a PDF or copied text breaks
    lines anywhere, so prefixes, quotes and tags are compared bare."""
    return "".join(text.split())


def roles(task) -> dict:
    """The task's units by role key (``KEYS``), as a gold row writes them."""
    return {k: getattr(task, k) for k in KEYS}


def check_tag_row(tasks, row: dict, source: str | None) -> None:
    """The one task tagged whose text starts with the row's ``prefix`` carries the row's tag (white space ignored), the
    role source ``source``, the row's roles and its time words (each once, in the order written).  A gold row holds the
    item's own words (its clauses and its tag): a limit the item takes from its heading (``Deadline.heading``: 蔡甸 2023's
    ``一、2023年全区经济社会发展的主要预期目标``) is held by tests/test_heading_deadlines.py."""
    hits = [t for t in tasks if t.tag and bare(t.text).startswith(bare(row["prefix"]))]
    assert len(hits) == 1, [t.text[:20] for t in tasks if t.tag]
    t = hits[0]
    assert bare(t.tag) == bare(row["tag"]) and t.role_source == source
    assert roles(t) == {k: row[k] for k in KEYS}
    assert list(dict.fromkeys(d.text for d in t.deadlines if not d.heading)) == row["deadlines"]


@cache
def parsed_plan(name: str):
    """(Document, tasks) of the fixture plan ``name`` (a path below PLANS) parsed from its text, once a test run."""
    return parse_document((PLANS / name).read_text("utf-8"), Path(name).stem, str(PLANS / name))


def read_plan(path: Path):
    """(Document, tasks) of the file as officials receive it (any form kb.ingest reads), read afresh (no cache)."""
    extracted = read_document(path, use_cache=False)
    return parse_document(extracted.text, path.name.split(".")[0], str(path))


def quote_case(row: dict, not_yet: tuple[str, ...]):
    """A quote row (``quote``: a paragraph's words) as a test case: a strict xfail when the quote opens with one of
    ``not_yet`` (gold rows kb does not read yet: each fails today and passes the day a mechanism reads it)."""
    import pytest

    marks = [pytest.mark.xfail(strict=True, reason="not read yet")] if row["quote"].startswith(not_yet) else []
    return pytest.param(row, marks=marks, id=f"{row['doc'][:3]}-{row['quote'][:10]}")


def check_quote_row(tasks, row: dict):
    """The one task holding the row's ``quote`` (white space ignored) has the row's roles, the names of a role compared as
    a set (a paragraph of several sentences names its bodies in the order its sentences do; the gold claims no order);
    returns that task."""
    hits = [t for t in tasks if bare(row["quote"]) in bare(t.text)]
    assert len(hits) == 1, [t.text[:20] for t in hits]
    assert {k: sorted(getattr(hits[0], k)) for k in KEYS} == {k: sorted(row[k]) for k in KEYS}, row["note"]
    return hits[0]
