"""Golden files for the text exports (md, csv), byte for byte.

Two sets: a small hand-made plan (with deadlines and targets, so their layout is
pinned whatever the parser finds), and the bundled plan (市交通运输局's duty
list, the task division table, the matrix).  When a deliberate change alters
them, regenerate with ``KB_UPDATE_GOLDEN=1 pytest tests/test_export_golden.py``
and read the diff before committing it.
"""

import os
from pathlib import Path

import pytest
from test_export_content import hand_plan

from kb.export import render_duty_list, render_table

GOLDEN = Path(__file__).resolve().parent / "golden"

CASES = [
    # (golden file, plan: "hand" or "bundled", render)
    ("hand-市交通运输局-责任清单.md", "hand", lambda p: render_duty_list(p, "交通局", "md")),
    ("hand-市交通运输局-责任清单.csv", "hand", lambda p: render_duty_list(p, "交通局", "csv")),
    ("hand-各区县政府-责任清单.md", "hand", lambda p: render_duty_list(p, "各区县政府", "md")),
    ("hand-任务分工表.md", "hand", lambda p: render_table(p, "md")),
    ("hand-任务分工表.csv", "hand", lambda p: render_table(p, "csv")),
    ("hand-分工矩阵.md", "hand", lambda p: render_table(p, "md", matrix=True)),
    ("hand-分工矩阵.csv", "hand", lambda p: render_table(p, "csv", matrix=True)),
    ("市交通运输局-责任清单.md", "bundled", lambda p: render_duty_list(p, "市交通运输局", "md")),
    ("市交通运输局-责任清单.csv", "bundled", lambda p: render_duty_list(p, "市交通运输局", "csv")),
    ("任务分工表.csv", "bundled", lambda p: render_table(p, "csv")),
    ("分工矩阵.csv", "bundled", lambda p: render_table(p, "csv", matrix=True)),
]


@pytest.mark.parametrize("name,which,render", CASES, ids=[c[0] for c in CASES])
def test_golden(name, which, render, plan, fixed_export_date):
    data = render(hand_plan() if which == "hand" else plan)
    path = GOLDEN / name
    if os.environ.get("KB_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"missing golden file {path}: run with KB_UPDATE_GOLDEN=1 once"
    assert data.decode("utf-8") == path.read_bytes().decode("utf-8")
    assert data == path.read_bytes()  # line endings and BOM too


def test_golden_files_are_all_used():
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(c[0] for c in CASES)
