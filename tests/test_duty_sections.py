"""Dialect G: duty sections (四、职责分工 / 三、工作职责) whose heads name units.  Table-driven: text → the roles of
each paragraph → why."""

import pytest

from kb.parser import parse_document

HEAD = "一、重点任务\n（一）加强管理。做好工作。（区建管委负责）\n"

CASES = [
    ("二、职责分工\n（一）区建管委\n牵头协调海绵城市建设。\n负责规划修编。\n（二）区财政局\n落实资金保障。\n",
     {"牵头协调": ["区建管委"], "负责规划": ["区建管委"], "落实资金": ["区财政局"]},
     "a unit on its own line heads every paragraph below it"),
    ("二、工作职责\n（一）区发展改革委：负责审批。\n（二）各镇、街道、开发区：推进本地区建设;推进立体绿化建设，增加绿化和森林面积。\n",
     {"（一）区发展": ["区发展改革委"], "（二）各镇": ["各镇", "街道", "开发区"]},
     "one line per unit, short or long; a list of units heads the second"),
    ("二、职责分工\n（一）加强组织领导\n建立协调机制。\n",
     {"建立协调": []},
     "a section head that names no unit gives no role"),
    ("二、保障措施\n（一）区财政局：落实资金保障。\n",
     {},
     "outside a duty part a unit before a colon is a section heading, no duty"),
    ("二、职责分工\n（一）区建管委\n统筹推进建设。（区建管委牵头，区水务局配合）\n",
     {"统筹推进": ["区建管委", "区水务局"]},
     "a paragraph's own tag wins over its section's head"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_duty_sections(text, expected, why):
    _, tasks = parse_document(HEAD + text, "t")
    got = {start: t.departments() for t in tasks for start in expected if t.text.startswith(start)}
    assert got == expected, why
    assert all(t.role_source == "duty" for t in tasks if t.part == "二" and t.departments() and not t.tag), why
