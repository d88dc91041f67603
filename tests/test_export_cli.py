"""``kb export``: files written, lines printed, stdout, progress, and one-line errors with exit 2."""

import csv
import io
import json
import sys

import openpyxl
import pytest

from kb.cli import main
from kb.export import export_departments


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch, fixed_export_date):
    """Each test in its own folder (files written by default names land there), exports dated 2025-01-01."""
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_name_in_current_folder(capsys, tmp_path):
    code, out, err = run(capsys, "export", "交通局", "--format", "xlsx")
    assert (code, err) == (0, "")
    assert out == f"{tmp_path / '市交通运输局-责任清单.xlsx'}\n"
    ws = openpyxl.load_workbook(tmp_path / "市交通运输局-责任清单.xlsx").active
    assert ws.max_row == 3 + 19


def test_several_departments_into_a_folder_once_each(capsys, tmp_path):
    code, out, _ = run(capsys, "export", "交通局", "市交通运输局", "能源办", "--format", "csv", "-o", "out")
    assert code == 0
    assert out.splitlines() == ["out/市交通运输局-责任清单.csv", "out/市能源办-责任清单.csv"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["市交通运输局-责任清单.csv", "市能源办-责任清单.csv"]


def test_format_from_the_output_name(capsys, tmp_path):
    code, out, _ = run(capsys, "export", "交通局", "-o", "list.docx")
    assert code == 0 and out == "list.docx\n" and (tmp_path / "list.docx").read_bytes()[:2] == b"PK"


def test_stdout_for_text_formats(capsys):
    code, out, _ = run(capsys, "export", "交通局", "--format", "md", "-o", "-")
    assert code == 0 and out.startswith("# 市交通运输局责任清单\n")
    code, out, _ = run(capsys, "export", "--table", "--format", "json", "-o", "-")
    assert code == 0 and len([t for t in json.loads(out)["tasks"] if t["part"] == "三"]) == 64


def test_stdout_csv_has_no_bom(capsysbinary):
    assert main(["export", "交通局", "-f", "csv", "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith("部门,职责".encode()) and len(list(csv.reader(io.StringIO(out.decode())))) == 20


def test_table_and_matrix(capsys, tmp_path):
    code, out, _ = run(capsys, "export", "--table", "--matrix", "--format", "xlsx", "-o", "t.xlsx")
    assert code == 0 and out == "t.xlsx\n"
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames == ["任务分工表", "分工矩阵"]
    code, out, _ = run(capsys, "export", "--table", "--matrix", "--format", "csv", "-o", "d")
    assert code == 0 and out.splitlines() == [
        "d/自贡市打赢蓝天保卫战实施方案-任务分工表.csv", "d/自贡市打赢蓝天保卫战实施方案-分工矩阵.csv"]
    code, out, _ = run(capsys, "export", "--matrix", "--format", "md")
    assert code == 0 and out.strip().endswith("自贡市打赢蓝天保卫战实施方案-分工矩阵.md")


def test_all(capsys, tmp_path, plan):
    code, out, err = run(capsys, "export", "--all", "--format", "xlsx", "-o", "all")
    names = export_departments(plan)
    assert code == 0 and err == ""  # no progress lines when stderr is not a terminal
    assert len(names) == 25
    assert out.splitlines() == [f"all/{n}-责任清单.xlsx" for n in names] + ["all/自贡市打赢蓝天保卫战实施方案-任务分工表.xlsx"]
    assert len(list((tmp_path / "all").iterdir())) == 26
    code, out, err = run(capsys, "export", "--all", "--format", "csv", "-o", "all")
    assert code == 0 and len(out.splitlines()) == 27  # csv: the matrix is a file of its own


def test_all_prints_progress_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run(capsys, "export", "--all", "--format", "md", "-o", "all")
    lines = err.splitlines()
    assert code == 0 and len(lines) == 25
    assert lines[0] == "kb: [1/25] 市生态环境局" and lines[-1].startswith("kb: [25/25] ")


def test_all_refuses_to_overwrite_and_writes_nothing(capsys, tmp_path):
    (tmp_path / "all").mkdir()
    (tmp_path / "all" / "市交通运输局-责任清单.md").write_text("mine")
    code, out, err = run(capsys, "export", "--all", "--format", "md", "-o", "all")
    assert code == 2 and out == ""
    assert err == "kb: all/市交通运输局-责任清单.md 已存在：要覆盖请加 --force（导出对话框中勾选“覆盖已有文件”），或换一个文件名\n"
    assert [p.name for p in (tmp_path / "all").iterdir()] == ["市交通运输局-责任清单.md"]
    code, out, err = run(capsys, "export", "--all", "--format", "md", "-o", "all", "--force")
    assert code == 0 and (tmp_path / "all" / "市交通运输局-责任清单.md").read_text() != "mine"


def test_typo_is_corrected_and_said(capsys):
    code, out, err = run(capsys, "export", "市交通运输居", "-f", "md")
    assert code == 0 and err == "kb: 提示：按“市交通运输局”理解“市交通运输居”\n"


ERRORS = [
    (["export"], "kb: 请给出部门名称（如 kb export 交通局），或使用 --all、--table、--matrix"),
    (["export", "市不存在局"], "kb: 方案中没有部门“市不存在局”；最接近的："),
    (["export", "交通局", "--all"], "kb: --all 已导出全部部门：请去掉部门名称或 --all"),
    (["export", "交通局", "-o", "-"], "kb: -o - 只能把文本格式（md, csv, json）输出到标准输出；xlsx 请给出文件名"),
    (["export", "交通局", "-f", "csv", "-o", "x.xlsx"], "kb: -o x.xlsx 的扩展名是 .xlsx，但 --format 是 csv：请让两者一致"),
    (["export", "交通局", "发改委", "-f", "md", "-o", "-"], "kb: -o - 只能把一份导出输出到标准输出；导出多份请用 -o 给出文件夹"),
    (["export", "交通局", "发改委", "-o", "two.xlsx"], "kb: 要写入 2 个文件：-o 须是文件夹，而不是 two.xlsx"),
    (["export", "交通局", "-o", "nodir/x.xlsx"], "kb: 无法写入 nodir/x.xlsx：文件夹 nodir 不存在（请先创建，或换一个保存位置）"),
    (["export", "交通局", "-o", "nodir/"], "kb: 文件夹 nodir 不存在（请先创建，或换一个保存位置）"),
    (["export", "--all", "-o", "a/b/c"], "kb: 无法创建文件夹 a/b/c：上级文件夹不存在（请先创建，或用 -o 换一个位置）"),
    (["export", "交通局", "-f", "pdf"], "kb export：错误：参数 -f/--format：无效的取值 'pdf'"),
]


@pytest.mark.parametrize("argv,message", ERRORS)
def test_errors_are_one_line_and_exit_2(capsys, argv, message):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_error_rows_unique():
    assert len({repr(a) for a, _ in ERRORS}) == len(ERRORS)


def test_existing_file_needs_force(capsys, tmp_path):
    (tmp_path / "市交通运输局-责任清单.md").write_text("mine")
    code, out, err = run(capsys, "export", "交通局", "-f", "md")
    assert code == 2 and "已存在：要覆盖请加 --force" in err and out == ""
    assert (tmp_path / "市交通运输局-责任清单.md").read_text() == "mine"
    code, out, err = run(capsys, "export", "交通局", "-f", "md", "--force")
    assert code == 0 and (tmp_path / "市交通运输局-责任清单.md").read_text().startswith("# 市交通运输局责任清单")


def test_bad_department_writes_nothing(capsys, tmp_path):
    code, out, err = run(capsys, "export", "交通局", "市不存在局", "-f", "md", "-o", "out")
    assert code == 2 and out == "" and not (tmp_path / "out").exists()


def test_cli_formats_match_the_library():
    from kb.cli.export import _FORMATS
    from kb.export import FORMATS

    assert _FORMATS == FORMATS


# ---------------------------------------------------------------- an export without task rows says why

UNTAGGED = "某县推进工作方案\n一、重点任务\n1.加强道路建设。\n2.推进绿化工作。\n"
NO_ROLES = "kb: 提示：{}中没有任务行：方案没有给任何部门分配任务（没有“牵头”“负责”等责任标注）\n"


@pytest.mark.parametrize("untagged,argv,said,why", [
    (True, ["--table", "-f", "md", "-o", "-"], NO_ROLES.format("任务分工表"), "a plan without tags: an empty table"),
    (True, ["--matrix", "-f", "md", "-o", "-"], NO_ROLES.format("分工矩阵"), "and an empty matrix"),
    (False, ["--table", "--year", "1999", "-f", "md", "-o", "-"],
     "kb: 提示：任务分工表中没有任务行：没有符合筛选条件的任务\n", "a filter nothing meets"),
    (False, ["--table", "-f", "md", "-o", "-"], "", "the bundled plan's table has rows: nothing said"),
])
def test_export_without_task_rows_says_why(tmp_path, capsys, untagged, argv, said, why):
    from kb.cli import main

    corpus = []
    if untagged:
        (tmp_path / "u.txt").write_text(UNTAGGED, encoding="utf-8")
        corpus = ["--corpus", str(tmp_path / "u.txt")]
    assert main([*corpus, "export", *argv]) == 0, why
    err = capsys.readouterr().err
    assert [ln for ln in err.splitlines(keepends=True) if "提示" in ln] == ([said] if said else []), why


def test_empty_matrix_legend_says_why():
    from kb.export.content import matrix_legend

    assert matrix_legend(()) == "方案没有给任何部门分配任务（没有“牵头”“负责”等责任标注），矩阵中没有单位"
    assert matrix_legend(("lead", "support")) == "牵＝牵头，配＝配合；合计为不重复的任务数"
