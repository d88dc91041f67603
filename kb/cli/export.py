"""``kb export``: duty lists, the task division table and the matrix as xlsx, docx, md, csv or json files."""

from __future__ import annotations

import sys
from pathlib import Path

from kb.errors import KbError, reason

#: Same as kb.export.FORMATS (not imported here so that `kb --help` stays light).
_FORMATS = ("xlsx", "docx", "md", "csv", "json")


def add_arguments(parser, name: str) -> None:
    """Options of ``kb export``."""
    parser.add_argument("departments", nargs="*", metavar="DEPT", help="部门名称或简称（交通局、发改委、市能源办……），可给多个")
    parser.add_argument("--all", action="store_true", help="导出全部部门的责任清单和任务分工表，写入 -o 指定的文件夹")
    parser.add_argument("--table", action="store_true", help="任务分工表：每项任务一行")
    parser.add_argument(
        "--matrix",
        action="store_true",
        help="分工矩阵（部门 × 任务）：xlsx 中为任务分工表的第二个工作表，其他格式为单独文件",
    )
    parser.add_argument(
        "-f", "--format", choices=_FORMATS, default=None,
        help="文件格式（默认：按 -o 的扩展名，否则 xlsx）",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", default=None,
        help="写入的文件或文件夹（默认：当前文件夹中按内容命名的文件）；- 表示输出到标准输出（仅 md、csv、json）",
    )
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")
    from kb.cli.grep import add_task_filters

    add_task_filters(parser.add_argument_group("任务筛选（与 kb grep 相同；给出的每一项都须满足）"))


def run(args) -> int:
    """Resolve every name, check every target, then write; print one line per file written."""
    from kb import export
    from kb.store import load_plan

    if not (args.departments or args.all or args.table or args.matrix):
        raise KbError("请给出部门名称（如 kb export 交通局），或使用 --all、--table、--matrix")
    if args.all and args.departments:
        raise KbError("--all 已导出全部部门：请去掉部门名称或 --all")
    fmt = _format(args.format, args.output)
    plan = load_plan(args.corpus)
    selection = _selection(plan, args)
    if selection is not None and args.all:
        raise KbError("--all 导出全部内容，不能与任务筛选（--dept、--lead、--year 等）同用")

    jobs = _jobs(plan, args, fmt)
    if args.output == "-":
        return _to_stdout(plan, jobs, fmt, selection)
    out = sys.stdout
    if args.all:
        progress = _progress if sys.stderr.isatty() else None
        for path in export.export_all(plan, fmt, args.output, args.force, progress):
            out.write(f"{path}\n")
        _say_if_empty(plan, ["table"] + (["matrix"] if fmt == "xlsx" or args.matrix else []), None)
        return 0
    folder = _folder(args.output, len(jobs))
    if folder is None:
        return _write_jobs(plan, args, fmt, jobs, None, selection, [])
    from kb.export.files import output_folder

    def cannot_create(exc: OSError) -> KbError:
        return KbError(f"无法创建文件夹 {args.output}：{reason(exc)}（请先创建，或用 -o 换一个位置）")

    with output_folder(folder, cannot_create) as written:  # (a failed export leaves no folder of its own)
        return _write_jobs(plan, args, fmt, jobs, folder, selection, written)


def _write_jobs(plan, args, fmt: str, jobs, folder: Path | None, selection, written: list[Path]) -> int:
    """Check every target, then write each file (added to ``written``); print the paths once all are written (a
    failure in a folder ``output_folder`` made removes the files written before it)."""
    from kb import export

    targets = []
    for kind, name in jobs:
        default = export.default_filename(name if kind == "duties" else export.plan_name(plan), fmt, kind)
        target = export.target_path(folder if folder is not None else args.output, default)
        export.check_writable(target, args.force)
        targets.append(target)
    for (kind, name), target in zip(jobs, targets):
        if kind == "duties":
            path = export.export_duty_list(plan, name, fmt, target, args.force, selection=selection)
        else:
            path = export.export_table(plan, fmt, target, args.force, matrix=(kind == "matrix" or (fmt == "xlsx" and args.matrix)),
                                       selection=selection)
        written.append(path)
    sys.stdout.write("".join(f"{path}\n" for path in written))
    kinds = [kind for kind, _ in jobs if kind != "duties"]
    _say_if_empty(plan, kinds + (["matrix"] if "table" in kinds and fmt == "xlsx" and args.matrix else []), selection)
    return 0


def _say_if_empty(plan, kinds: list[str], selection) -> None:
    """One stderr line when a task table or matrix written has no task row, saying why (a file that only says
    任务数：0 项 is easily taken for a failed export, or for a plan that assigns nothing)."""
    if not kinds:
        return
    from kb.export.content import table_rows
    from kb.select import EVERY_PARAGRAPH

    empty = []
    if "table" in kinds and not table_rows(plan, selection):
        empty.append("任务分工表")
    if "matrix" in kinds and not any(t.departments("any") for t in (selection or EVERY_PARAGRAPH).select(plan)):
        empty.append("分工矩阵")
    if empty:
        why = "没有符合筛选条件的任务" if selection is not None else "方案没有给任何部门分配任务（没有“牵头”“负责”等责任标注）"
        print(f"kb: 提示：{'和'.join(empty)}中没有任务行：{why}", file=sys.stderr)


def _format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one the -o extension names, else xlsx; a contradiction is an error."""
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    if fmt is None:
        return suffix if suffix in _FORMATS else "xlsx"
    if suffix in _FORMATS and suffix != fmt:
        raise KbError(f"-o {output} 的扩展名是 .{suffix}，但 --format 是 {fmt}：请让两者一致")
    return fmt


def _jobs(plan, args, fmt: str) -> list[tuple[str, str | None]]:
    """What to write, as (kind, canonical department or None); every name resolved before anything is written."""
    from kb.duties import resolve_or_fail

    jobs: list[tuple[str, str | None]] = []
    for name in args.departments:
        res = resolve_or_fail(name, plan)
        if res.how == "fuzzy":  # a typo was corrected: say so, the file name shows the result
            print(f"kb: 提示：按“{res.name}”理解“{name}”", file=sys.stderr)
        job = ("duties", res.name)
        if job not in jobs:  # 交通局 and 市交通运输局 are one file
            jobs.append(job)
    if args.table or (args.matrix and fmt == "xlsx"):
        jobs.append(("table", None))  # the xlsx table carries the matrix as its second sheet
    if args.matrix and fmt != "xlsx":
        jobs.append(("matrix", None))
    return jobs


def _folder(output: str | None, count: int) -> Path | None:
    """With several files, -o names a folder (made by ``output_folder`` if missing); None when -o names the one
    file."""
    if count < 2 or output is None:
        return None
    folder = Path(output).expanduser()
    if folder.suffix.lower().lstrip(".") in _FORMATS and not folder.is_dir():
        raise KbError(f"要写入 {count} 个文件：-o 须是文件夹，而不是 {output}")
    if folder.exists() and not folder.is_dir():
        raise KbError(f"要写入 {count} 个文件：-o 须是文件夹，而 {output} 是一个文件")
    return folder


def _selection(plan, args):
    """The filters given, as kb grep reads them (``kb.grep.TaskFilter``: one ``kb.select`` selection), or None."""
    from kb.cli.grep import task_filter

    filters = task_filter(plan, args)
    return None if filters.empty else filters.selection()


def _to_stdout(plan, jobs, fmt: str, selection=None) -> int:
    from kb.export import TEXT_FORMATS, render_duty_list, render_table

    if fmt not in TEXT_FORMATS:
        raise KbError(f"-o - 只能把文本格式（{', '.join(TEXT_FORMATS)}）输出到标准输出；{fmt} 请给出文件名")
    if len(jobs) != 1:
        raise KbError("-o - 只能把一份导出输出到标准输出；导出多份请用 -o 给出文件夹")
    kind, name = jobs[0]
    # No BOM on stdout: it is for Excel opening a file, and breaks pipes into other tools.
    data = (render_duty_list(plan, name, fmt, bom=False, selection=selection) if kind == "duties"
            else render_table(plan, fmt, kind == "matrix", bom=False, selection=selection))
    # Control and bidi characters from the plan are shown escaped here too (kb.safetext);
    # CSV's CRLF record ends are kb's own and stay.
    from kb.safetext import escape

    text = "\r\n".join(escape(part) for part in data.decode("utf-8").split("\r\n"))
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    if kind != "duties":
        _say_if_empty(plan, [kind], selection)
    return 0


def _progress(i: int, n: int, name: str) -> None:
    print(f"kb: [{i}/{n}] {name}", file=sys.stderr, flush=True)
