"""Exports of the plan for officials: duty lists (责任清单), the task division table (任务分工表), the matrix.

Formats: ``xlsx`` (openpyxl), ``docx`` (python-docx), ``md``, ``csv`` (UTF-8 with a
BOM so that Excel opens it), ``json`` (the task objects of ``kb tasks --json``).
The library behind ``kb export`` and the TUI's export dialog::

    from kb.export import export_duty_list, export_table, default_filename, FORMATS
    path = export_duty_list(plan, "交通局", "xlsx")             # ./市交通运输局-责任清单.xlsx
    path = export_table(plan, "xlsx", "out/", matrix=True)      # out/<plan title>-任务分工表.xlsx, 2 sheets

Department names go through ``kb.registry.resolve_department`` (aliases,
sub-units, typos).  Files are written to a temporary name in the target
directory and renamed; an existing file is kept unless ``force``.  Every
problem is a ``KbError`` with one line.  openpyxl and python-docx are imported
only when a file of their format is written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from kb.errors import KbError, reason
from kb.export.files import check_extension, check_writable, output_folder, sanitize_filename, target_path, write_atomic
from kb.model import Plan

__all__ = [
    "FORMATS",
    "TEXT_FORMATS",
    "KINDS",
    "default_filename",
    "export_duty_list",
    "export_table",
    "export_all",
    "export_departments",
    "export_tasks",
    "plan_name",
    "render_duty_list",
    "render_table",
    "render_tasks",
    "resolve_export_department",
    "sanitize_filename",
]

#: Every format kb exports, the default first.
FORMATS = ("xlsx", "docx", "md", "csv", "json")

#: Formats that are text (may be written to stdout with ``-o -``).
TEXT_FORMATS = ("md", "csv", "json")

#: What an export is → the words ending its default file name.
KINDS = {"duties": "责任清单", "table": "任务分工表", "matrix": "分工矩阵", "tasks": "任务清单"}


def _check_format(fmt: str) -> str:
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise KbError(f"未知的导出格式 {fmt!r}：可用的格式为 {', '.join(FORMATS)}")
    return fmt


def default_filename(name: str | None, fmt: str, kind: str = "duties") -> str:
    """The file name an export gets when none is given, e.g. ``市交通运输局-责任清单.xlsx``.

    ``name`` is the department (duty lists) or the plan title (table, matrix), or
    None; it is sanitized (no path separators, no leading dots).
    """
    fmt = _check_format(fmt)
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    stem = f"{name}-{KINDS[kind]}" if name else KINDS[kind]
    return f"{sanitize_filename(stem)}.{fmt}"


def resolve_export_department(plan: Plan, dept: str) -> str:
    """The canonical department (or sub-unit) ``dept`` names; KbError naming the closest known ones if none."""
    from kb.duties import resolve_or_fail

    return resolve_or_fail(dept, plan).name


def plan_name(plan: Plan) -> str | None:
    """The plan's name (``Document.name``) that starts the table's file names (a corpus of one plan), else None."""
    titles = {d.name for d in plan.documents if d.name}
    return titles.pop() if len(titles) == 1 else None


# ---------------------------------------------------------------- rendering to bytes


def render_duty_list(plan: Plan, dept: str, fmt: str, *, bom: bool = True, selection=None) -> bytes:
    """The bytes of ``dept``'s duty list in ``fmt`` (``bom``: start a CSV with the UTF-8 BOM; ``selection``:
    only the tasks it accepts, kb/select.py)."""
    fmt = _check_format(fmt)
    return _render_duties(plan, resolve_export_department(plan, dept), fmt, bom, selection)


def _render_duties(plan: Plan, department: str, fmt: str, bom: bool = True, selection=None) -> bytes:
    from kb.export.content import build_duty_list

    export = build_duty_list(plan, department, selection)
    if not export.groups:
        if selection is not None and build_duty_list(plan, department).groups:
            # (a filter left nothing: never "the plan assigns it nothing" of a unit that has tasks)
            raise KbError(f"{department} 没有符合筛选条件的任务：没有可导出的内容", exit_code=1)
        raise KbError(f"方案没有给 {department} 分配任务：没有可导出的内容", exit_code=1)
    if fmt == "xlsx":
        from kb.export.xlsx_writer import duty_xlsx

        return duty_xlsx(export)
    if fmt == "docx":
        from kb.export.docx_writer import duty_docx

        return duty_docx(export)
    from kb.export import text

    rendered = {"md": text.duty_md, "json": text.duty_json}.get(fmt)
    return (rendered(export) if rendered else text.duty_csv(export, bom)).encode("utf-8")


def render_table(plan: Plan, fmt: str, matrix: bool = False, *, bom: bool = True, selection=None) -> bytes:
    """The bytes of the task division table in ``fmt``.

    ``matrix``: in xlsx, add the matrix as a second sheet; in the other formats
    the matrix is its own document, and this returns the matrix instead of the table.
    ``selection``: only the tasks it accepts (kb/select.py: the filter ``kb grep`` and ``kb ask`` use).
    """
    fmt = _check_format(fmt)
    from kb.export import content, text

    if matrix and fmt != "xlsx":
        grid = content.build_matrix(plan, selection)
        if fmt == "docx":
            from kb.export.docx_writer import matrix_docx

            return matrix_docx(grid)
        rendered = {"md": text.matrix_md, "json": text.matrix_json}.get(fmt)
        return (rendered(grid) if rendered else text.matrix_csv(grid, bom)).encode("utf-8")
    table = content.build_table(plan, selection=selection)
    return _table_bytes(table, fmt, bom, content.build_matrix(plan, selection) if matrix else None)


def render_tasks(plan: Plan, tasks, fmt: str, title: str | None = None, *, bom: bool = True) -> bytes:
    """The bytes of a list of tasks (an answer: Task objects or ids) as a table in ``fmt``, titled ``title``."""
    from kb.export import content

    fmt = _check_format(fmt)
    chosen = _tasks(plan, tasks)
    table = content.build_table(plan, chosen, f"：{title}" if title else KINDS["tasks"])
    return _table_bytes(table, fmt, bom)


def _table_bytes(table, fmt: str, bom: bool, matrix=None) -> bytes:
    """A built table (TableExport) in ``fmt``; ``matrix`` (xlsx only) its second sheet."""
    from kb.export import text

    if fmt == "xlsx":
        from kb.export.xlsx_writer import table_xlsx

        return table_xlsx(table, matrix)
    if fmt == "docx":
        from kb.export.docx_writer import table_docx

        return table_docx(table)
    rendered = {"md": text.table_md, "json": text.table_json}.get(fmt)
    return (rendered(table) if rendered else text.table_csv(table, bom)).encode("utf-8")


def _tasks(plan: Plan, tasks) -> list:
    """Task objects from Task objects or ids/labels; an unknown id is a KbError."""
    chosen = []
    for item in tasks:
        if isinstance(item, str):
            found = plan.task(item)
            if found is None:
                raise KbError(f"方案中没有任务 {item}（请给出任务编号，如 {plan.tasks[0].id if plan.tasks else '…'}，或条目号）")
            item = found
        chosen.append(item)
    if not chosen:
        raise KbError("没有可导出的任务：列表为空", exit_code=1)
    return chosen


# ---------------------------------------------------------------- writing files


def export_duty_list(plan: Plan, dept: str, fmt: str, path: str | os.PathLike | None = None, force: bool = False,
                     selection=None) -> Path:
    """Write ``dept``'s duty list (责任清单) in ``fmt``; return the path written.

    ``dept``: any name kb resolves (交通局, 市能源办, a near typo).  ``path``: None →
    the default name in the current directory; a directory → the default name
    inside it; else the file itself.  An existing file is kept unless ``force``.
    """
    fmt = _check_format(fmt)
    department = resolve_export_department(plan, dept)
    target = _target(path, default_filename(department, fmt, "duties"), fmt)
    check_writable(target, force)  # before the work of rendering
    return write_atomic(target, _render_duties(plan, department, fmt, selection=selection), force)


def export_table(plan: Plan, fmt: str, path: str | os.PathLike | None = None, force: bool = False, matrix: bool = False,
                 selection=None) -> Path:
    """Write the task division table (任务分工表) in ``fmt``; return the path written.

    ``matrix``: xlsx — the matrix (分工矩阵) is added as a second sheet; other
    formats — the matrix is written instead, as its own file (default name
    ``…-分工矩阵.<fmt>``).  ``path`` and ``force`` as in ``export_duty_list``.
    """
    fmt = _check_format(fmt)
    kind = "matrix" if matrix and fmt != "xlsx" else "table"
    target = _target(path, default_filename(plan_name(plan), fmt, kind), fmt)
    check_writable(target, force)
    return write_atomic(target, render_table(plan, fmt, matrix, selection=selection), force)


def export_tasks(
    plan: Plan, tasks, fmt: str, path: str | os.PathLike | None = None, force: bool = False, title: str | None = None
) -> Path:
    """Write a list of tasks (an answer: Task objects or ids) as a table in ``fmt``; return the path written.

    ``title`` (e.g. ``市交通运输局牵头的任务``) heads the document and names the
    file (``市交通运输局牵头的任务-任务清单.xlsx``).  ``path`` and ``force`` as in
    ``export_duty_list``.
    """
    fmt = _check_format(fmt)
    target = _target(path, default_filename(title, fmt, "tasks"), fmt)
    check_writable(target, force)
    return write_atomic(target, render_tasks(plan, tasks, fmt, title), force)


def _target(path, default_name: str, fmt: str) -> Path:
    """The file to write (``target_path``), refused if its extension names another format."""
    target = target_path(path, default_name)
    check_extension(target, fmt, FORMATS)
    return target


def export_departments(plan: Plan) -> list[str]:
    """Every department and sub-unit with tasks (``kb depts`` order: most tasks first)."""
    from kb.duties import department_counts

    return [name for name, counts in department_counts(plan) if counts["total"] or counts["implied"]]


def export_all(
    plan: Plan,
    fmt: str,
    directory: str | os.PathLike | None = None,
    force: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[Path]:
    """Write every department's duty list and the table (with the matrix) into ``directory``; return the paths.

    ``directory`` (default: the current one) is created if missing (its parent
    must exist).  Every target is checked before anything is written, so an
    existing file without ``force`` stops the export with nothing written.
    ``progress(i, n, department)`` is called before each duty list.
    """
    fmt = _check_format(fmt)
    folder = Path(directory).expanduser() if directory is not None else Path.cwd()
    if folder.exists() and not folder.is_dir():
        raise KbError(f"{folder} 不是文件夹：--all 为每个部门各写一个文件，须写入文件夹（请用 -o 换一个位置）")

    def cannot_create(exc: OSError) -> KbError:
        if isinstance(exc, FileNotFoundError):
            return KbError(f"无法创建文件夹 {folder}：上级文件夹不存在（请先创建，或用 -o 换一个位置）")
        return KbError(f"无法创建文件夹 {folder}：{reason(exc)}（请用 -o 换一个位置）")

    with output_folder(folder, cannot_create) as written:
        return _export_all_into(plan, fmt, folder, force, progress, written)


def _export_all_into(plan: Plan, fmt: str, folder: Path, force: bool, progress, written: list[Path]) -> list[Path]:
    """``export_all`` once ``folder`` exists; every file written is added to ``written``."""
    departments = export_departments(plan)
    targets: list[Path] = []
    used: set[str] = set()
    for name in departments:
        file_name = default_filename(name, fmt, "duties")
        n = 2
        while file_name in used:  # two names sanitized alike: keep both
            file_name = default_filename(f"{name}-{n}", fmt, "duties")
            n += 1
        used.add(file_name)
        targets.append(folder / file_name)
    table_kinds = ["table"] if fmt == "xlsx" else ["table", "matrix"]
    table_targets = [folder / default_filename(plan_name(plan), fmt, k) for k in table_kinds]
    for target in targets + table_targets:
        check_writable(target, force)
    # Render every file before writing any: a department that cannot be rendered
    # stops the export with nothing written, not half a folder.
    rendered: list[tuple[Path, bytes]] = []
    for i, (name, target) in enumerate(zip(departments, targets), 1):
        if progress is not None:
            progress(i, len(departments), name)
        rendered.append((target, _render_duties(plan, name, fmt)))
    for kind, target in zip(table_kinds, table_targets):
        rendered.append((target, render_table(plan, fmt, matrix=(fmt == "xlsx" or kind == "matrix"))))
    for target, data in rendered:
        written.append(write_atomic(target, data, force))
    return list(written)
