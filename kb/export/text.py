"""The text formats: Markdown, CSV (UTF-8 with BOM for Excel) and JSON (the ``kb tasks --json`` task shape)."""

from __future__ import annotations

import csv
import io
from kb.safetext import json_dumps

from kb.export.content import (
    COUNT_HEADERS,
    matrix_legend,
    DutyExport,
    MatrixExport,
    Row,
    TableExport,
    join_cell,
)

# ---------------------------------------------------------------- Markdown

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md_escape(text: str) -> str:
    """Text safe inside a Markdown line (emphasis, links, HTML, table bars escaped)."""
    return text.translate(_MD_SPECIAL)


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells):
        return "| " + " | ".join(md_escape(c).replace("\n", "<br>") for c in cells) + " |"

    return [line(headers), "|" + "|".join(" --- " for _ in headers) + "|", *(line(r) for r in rows)]


def _md_meta(meta: list[tuple[str, str]]) -> list[str]:
    return [f"- {label}：{md_escape(text)}" for label, text in meta]


def duty_md(export: DutyExport) -> str:
    """A duty list as Markdown: header lines, a heading per role, a block per task."""
    out = [f"# {md_escape(export.title)}", "", *_md_meta(export.meta)]
    labels = {c.key: c.header for c in export.columns}
    for group in export.groups:
        out += ["", f"## {md_escape(group.heading)}"]
        for row in group.rows:
            c = row.cells
            head = f"{c['label']} {c['title']}".strip()
            out += ["", f"### {md_escape(head)}", ""]
            for key in ("doc", "section", "lead", "guide", "support", "responsible", "starts", "deadlines", "targets"):
                value = join_cell(key, c.get(key, ""))
                if value and key in labels:
                    out.append(f"- {labels[key]}：{md_escape(value)}")
            out += ["", "> " + md_escape(c["text"]).replace("\n", "\n> ")]
    return "\n".join(out) + "\n"


def table_md(table: TableExport) -> str:
    """The task division table as a Markdown table under its title and header lines."""
    headers = [c.header for c in table.columns]
    rows = [[join_cell(c.key, row.cells.get(c.key, "")) for c in table.columns] for row in table.rows]
    return "\n".join([f"# {md_escape(table.title)}", "", *_md_meta(table.meta), "", *_md_table(headers, rows)]) + "\n"


def matrix_md(matrix: MatrixExport) -> str:
    """The matrix as a Markdown table: departments down, counts then one column per task."""
    headers, rows = matrix_grid(matrix)
    return "\n".join([f"# {md_escape(matrix.title)}", "", *_md_meta(matrix.meta), "", *_md_table(headers, rows)]) + "\n"


def matrix_grid(matrix: MatrixExport) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the matrix as strings (shared by md, csv and xlsx)."""
    keys = (*matrix.roles, "total")
    headers = ["单位", *(COUNT_HEADERS[k] for k in keys), *matrix.labels]
    rows = [[r.display, *(r.count_text(k) for k in keys), *r.marks] for r in matrix.rows]
    return headers, rows


# ---------------------------------------------------------------- CSV

BOM = "\ufeff"


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR (``=HYPERLINK(…)``,
    ``@SUM(…)``) gets a leading ``'``, as OWASP recommends; Excel and LibreOffice
    then show the text as written.  xlsx needs none of this: openpyxl cells are
    typed strings (see xlsx_writer._put).
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(headers: list[str], rows: list[list[str]], bom: bool) -> str:
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.writer(buf)
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return buf.getvalue()


def duty_csv(export: DutyExport, bom: bool = True) -> str:
    """A duty list as CSV: one row per task and role (部门 and 职责 first), no header lines (``row_note``: a 说明
    column last)."""
    cols = export.columns
    headers = ["部门", *(c.header for c in cols)]
    name = export.department
    rows = [[name, *(join_cell(c.key, row.cells.get(c.key, "")) for c in cols)] for row in export.rows]
    if export.row_note:
        # (a CSV has no header lines: a note that concerns whose every row is, 办公室 of two bureaus, goes on each row)
        headers.append("说明")
        rows = [[*row, export.row_note] for row in rows]
    return _csv(headers, rows, bom)


def table_csv(table: TableExport, bom: bool = True) -> str:
    """The task division table as CSV, one row per task."""
    headers = [c.header for c in table.columns]
    rows = [[join_cell(c.key, row.cells.get(c.key, "")) for c in table.columns] for row in table.rows]
    return _csv(headers, rows, bom)


def matrix_csv(matrix: MatrixExport, bom: bool = True) -> str:
    """The matrix as CSV: one row per department."""
    headers, rows = matrix_grid(matrix)
    return _csv(headers, rows, bom)


# ---------------------------------------------------------------- JSON


def _dump(obj) -> str:
    return json_dumps(obj, indent=1) + "\n"


def _task_dict(row: Row, roles: list[str] | None = None) -> dict:
    d = row.task.to_dict()
    if roles is not None:
        d["roles"] = roles
    return d


def duty_json(export: DutyExport) -> str:
    """A duty list as JSON: the header, the task ids per role and each task once (``Task.to_dict()``)."""
    tasks: dict[str, dict] = {}
    for row in export.rows:
        if row.task.id not in tasks:
            tasks[row.task.id] = _task_dict(row, row.task.roles_of(export.department))
    return _dump({
        "department": export.department,
        "parent": export.parent,
        "plan": export.plan_title,
        "exported": export.exported.isoformat(),
        "counts": export.counts,
        "total": export.total,
        "notes": export.notes,
        "groups": {g.role: [r.task.id for r in g.rows] for g in export.groups},
        "tasks": list(tasks.values()),
    })


def table_json(table: TableExport) -> str:
    """The table's tasks as JSON, the same objects as ``kb tasks --json``."""
    return _dump({
        "plan": table.plan_title,
        "exported": table.exported.isoformat(),
        "notes": table.notes,
        "tasks": [_task_dict(r) for r in table.rows],
    })


def matrix_json(matrix: MatrixExport) -> str:
    """The matrix as JSON: task columns, then departments with counts and marks by task id."""
    return _dump({
        "plan": matrix.plan_title,
        "exported": matrix.exported.isoformat(),
        "legend": matrix_legend(matrix.roles, matrix.rows_said),
        "tasks": [{"id": t.id, "plan": t.doc, "label": t.label, "title": t.title} for t in matrix.tasks],
        "departments": [
            {"name": r.department, "display": r.display, "plan": r.plan, "counts": r.counts, "rows": r.rows,
             "marks": {t.id: m for t, m in zip(matrix.tasks, r.marks) if m}}
            for r in matrix.rows
        ],
    })
