"""A tag naming who a unit supports: ``（X配合Y落实）`` / ``（X协助Y实施）`` / ``（X协助Y）`` → X support, Y lead (the unit
the others support leads: session 13's convention, ``roles.supported_lead``).  It was ONE glued name ``X配合Y``, sole —
a role word inside a unit's name, a confident wrong answer (tagsblind11 cause 6, 江苏 2006 ``（省人事厅配合省委有关部门落实）``).
A support word with nobody before it (``（配合市公安局落实）``: who supports is not written) gives no role: never a name
holding 配合.  Rows written by hand before the code; levels 省/市/县/区."""

from __future__ import annotations

import pytest

from kb.parser import roles
from kb.registry import registry_for

REG = registry_for("", "")


def _read(content: str) -> dict:
    tag = roles.parse_tag_content(content, REG)
    return {k: v for k, v in tag.roles.items() if v}


ROWS = [
    ("省人事厅配合省委有关部门落实", {"lead": ["省委有关部门"], "support": ["省人事厅"]}, "省: the routed form (江苏 2006)"),
    ("市住房城乡建设局配合市城管局落实", {"lead": ["市城管局"], "support": ["市住房城乡建设局"]}, "市: 配合Y落实"),
    ("县财政局协助县农业农村局实施", {"lead": ["县农业农村局"], "support": ["县财政局"]}, "县: 协助Y实施"),
    ("区卫生健康委、区民政局配合区医保局落实", {"lead": ["区医保局"], "support": ["区卫生健康委", "区民政局"]},
     "区: several supporters before 配合"),
    ("区财政局协助区农业农村局", {"lead": ["区农业农村局"], "support": ["区财政局"]}, "no verb after the one supported"),
    ("市教育局积极配合市卫生健康委做好", {"lead": ["市卫生健康委"], "support": ["市教育局"]}, "积极配合…做好"),
    ("省发展改革委配合", {"support": ["省发展改革委"]}, "control: 配合 closing the list"),
    ("市X局牵头，市Y局配合", {"lead": ["市X局"], "support": ["市Y局"]}, "control: the common form"),
]


@pytest.mark.parametrize(("content", "expected", "why"), ROWS, ids=[r[2][:20] for r in ROWS])
def test_supports_named_unit(content, expected, why):
    assert _read(content) == expected, why


@pytest.mark.parametrize("content", ["配合市公安局落实", "协助区商务局推进"])
def test_no_supporter_named_gives_no_glued_name(content):
    """Who supports is not written: no unit holds the support word, no role is guessed for the one named."""
    got = _read(content)
    assert not any("配合" in n or "协助" in n for names in got.values() for n in names), got
    assert not got.get("sole") and not got.get("lead"), got
