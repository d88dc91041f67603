"""Exports select tasks through kb/select.py: the export, ``kb grep`` filters and ``kb ask`` agree.

Each row: the filter given to ``kb export --table`` and ``kb grep … -l ''``, the question asked of
``kb ask``, and the labels all three must give — read by hand from the bundled plan's text (line
numbers of corpus/zigong-blue-sky-plan.txt in the reasons; 三（三）'s paragraphs start at line 39).
"""

from __future__ import annotations

import json

import openpyxl
import pytest

from kb.cli import main

ROWS = [
    (["--year", "2019"], "2019年要完成哪些任务",
     ["三（三）4", "三（三）8", "三（三）11", "三（三）15"],
     "a year: due in it (46 2019年基本淘汰, 53 2019年建设完善) or running in it (42 自2019年7月1日起, "
     "49 2018至2020年); kb ask answers both, in two groups"),
    (["--lead", "交通局"], "交通局牵头哪些任务",
     ["三（一）13", "三（一）14", "三（三）1", "三（三）2", "三（三）6", "三（三）8", "三（三）9", "三（三）14"],
     "市交通运输局 before 牵头 in the tags of lines 21, 22, 39, 40, 44, 46, 47, 52 (交通局: the issuer's alias)"),
]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch, fixed_export_date):
    """Each test in its own folder (files written by default names land there), exports dated 2025-01-01."""
    monkeypatch.chdir(tmp_path)


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize("filters,question,labels,why", ROWS, ids=[r[1] for r in ROWS])
def test_export_grep_and_ask_agree(capsys, tmp_path, filters, question, labels, why):
    from kb.qa import Session

    exported = json.loads(_run(capsys, "export", "--table", *filters, "-f", "json", "-o", "-"))
    export_labels = [t["label"] for t in exported["tasks"]]
    grep_labels = _run(capsys, "grep", *filters, "-l", "").split()
    answer = Session().ask(question)
    asked = [t.label for t in answer.tasks]
    assert export_labels == labels, why
    assert grep_labels == labels, why
    # kb ask lists what falls due; what only runs during the year it names after 另有 (its second group)
    running = answer.text.partition("另有")[2]
    assert asked and set(asked) <= set(labels), why
    assert all(label in running for label in labels if label not in asked), why
    # the xlsx export, opened with its library, holds the same rows
    _run(capsys, "export", "--table", *filters, "-f", "xlsx", "-o", "t.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert all(any(cell == label for cell in cells) for label in labels)


@pytest.mark.parametrize("year,labels", [
    ("2019", ["三（三）8", "三（三）15"]),  # 2019年基本淘汰 / 2019年建设完善; not 自2019年7月1日起 (a start), not 2018至2020年
    ("2020", ["二", "三（一）4", "三（一）5", "三（一）7", "三（一）12", "三（一）15", "三（一）17", "三（二）1", "三（三）11",
              "三（四）4", "三（五）2"]),  # 到2020年 / 2020年底前 / 2020年 (三（一）12) / 2018至2020年 ends in 2020
])
def test_due_in_is_the_first_group_of_ask(capsys, year, labels):
    """kb grep/export --due-in YYYY select exactly the items kb ask lists as due in that year (its first group)."""
    from kb.qa import Session

    grep_labels = _run(capsys, "grep", "--due-in", year, "-l", "").split()
    exported = json.loads(_run(capsys, "export", "--table", "--due-in", year, "-f", "json", "-o", "-"))
    asked = [t.label for t in Session().ask(f"{year}年要完成哪些任务").tasks]
    assert grep_labels == labels
    assert [t["label"] for t in exported["tasks"]] == labels
    # (二 is the goals paragraph, no task: grep and the table take every paragraph with a limit, kb ask lists tasks)
    assert asked == [label for label in labels if label != "二"]


def test_duty_list_filtered_by_year(capsys):
    """kb export 交通局 --year 2019: the department's groups keep only what kb grep --dept 交通局 --year 2019 lists."""
    data = json.loads(_run(capsys, "export", "交通局", "--year", "2019", "-f", "json", "-o", "-"))
    listed = [t["label"] for t in data["tasks"]]
    grep_labels = _run(capsys, "grep", "--dept", "交通局", "--year", "2019", "-l", "").split()
    # by hand: 42 shared (按职责分工负责), 46 lead, 53 support; 49's tag does not name 交通运输局
    assert sorted(listed) == sorted(grep_labels) == ["三（三）15", "三（三）4", "三（三）8"]
    assert data["counts"] == {"lead": 1, "sole": 0, "shared": 1, "support": 1, "implied": 0}


def test_unfiltered_table_is_unchanged(capsys):
    """No filter: every paragraph with a department, a deadline or a target, as before."""
    exported = json.loads(_run(capsys, "export", "--table", "-f", "json", "-o", "-"))
    assert len(exported["tasks"]) == 65  # the 64 tasks of 三 and 二's goals paragraph (line 6)


def test_filter_with_all_is_refused(capsys):
    assert main(["export", "--all", "--year", "2019", "-o", "out"]) == 2
    assert "不能与任务筛选" in capsys.readouterr().err
