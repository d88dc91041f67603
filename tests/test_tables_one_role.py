"""One unit, one role per task in a task table (tables3, session 13).  Since the implementer column (实施主体 read as
负责落实, 9599e5d) and the carried unit block (d098972), the holdout13 交通精细化 table gave 12 rows one unit two roles:
its row 8 writes 市道运中心 under 配合部门 AND under 实施主体, so answers listed it both as 配合 and as 负责 of one task.

Decision (README "Task tables"): a unit a row names in two role columns gets one role —
- a named role (牵头, 配合 column) wins over the implementer reading of 实施主体 / 实施单位 / 落实单位 (an interpretation);
- the row's own cell wins over one carried from the row above (a merged cell, 合并单元格，取自上一行): the row said it.
Expectations written before the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.parser import parse_document


def _roles(t) -> dict[str, list[str]]:
    return {r: getattr(t, r) for r in ("lead", "support", "sole", "shared") if getattr(t, r)}


def _tab(title: str, header: list[str], rows: list[list[str]]) -> str:
    return "\n".join([title, "", "附件", "重点任务分工表", "\t".join(header), *("\t".join(r) for r in rows)]) + "\n"


def _rows(text: str):
    _, tasks = parse_document(text, "plan", "plan.txt")
    return [t for t in tasks if t.source and ("序号" in t.source or "第" in t.source)]


#: (title, header, rows, expected roles of each row, why)
CASES = [
    ("上海市交通领域精细化管理三年行动计划",
     ["序号", "重点任务", "牵头部门", "配合部门", "实施主体"],
     [["1", "对老旧设施开展集中整治。", "设施养护处", "市道运中心", "市道运中心"]],
     [{"lead": ["设施养护处"], "support": ["市道运中心"]}],
     "市 level, the jx row 8 shape: the same unit under 配合 and 实施主体 — the named 配合 wins, not also 负责"),
    ("某省交通运输领域安全整治行动方案",
     ["序号", "主要任务", "牵头单位", "配合单位", "实施单位"],
     [["1", "优化船舶污染物接收体系。", "省交通运输厅", "省港航集团", "各设区市人民政府、省港航集团"]],
     [{"lead": ["省交通运输厅"], "support": ["省港航集团"], "shared": ["各设区市人民政府"]}],
     "省 level, one of two implementers is also 配合: it supports; the one implementer left carries the row out"),
    ("某区营商环境优化工作方案",
     ["序号", "重点任务", "牵头单位", "协办单位", "落实单位"],
     [["1", "推行企业开办一网通办。", "区政务服务中心", "区市场监管局", "区政务服务中心、各街道办事处"]],
     [{"lead": ["区政务服务中心"], "support": ["区市场监管局"], "shared": ["各街道办事处"]}],
     "区 level, the lead listed again among the 落实单位: it leads, once"),
    ("某县农村人居环境整治工作方案",
     ["序号", "工作任务", "牵头单位", "配合单位", "实施单位"],
     [["1", "开展村庄清洁行动。", "县农业农村局", "县卫生健康局", "各乡镇人民政府"]],
     [{"lead": ["县农业农村局"], "support": ["县卫生健康局"], "shared": ["各乡镇人民政府"]}],
     "control, 县 level: three different units keep their three roles"),
]


@pytest.mark.parametrize("title, header, rows, expected, why", CASES, ids=[c[0] for c in CASES])
def test_one_role_per_unit_in_a_row(title, header, rows, expected, why):
    got = [_roles(t) for t in _rows(_tab(title, header, rows))]
    assert got == expected, why


#: (roles the row's cells give, role columns carried from the row above, expected, why)
SETTLE = [
    ({"lead": ["A处"], "support": ["B中心"], "sole": ["B中心"]}, frozenset(),
     {"lead": ["A处"], "support": ["B中心"], "sole": []}, "both own cells: the named 配合 wins over the implementer"),
    ({"lead": ["A处"], "support": ["B中心"], "sole": ["B中心"]}, frozenset({"support"}),
     {"lead": ["A处"], "support": [], "sole": ["B中心"]}, "配合 carried from above, 实施主体 the row's own: own wins"),
    ({"lead": ["A处"], "support": ["B中心"], "sole": ["B中心"]}, frozenset({"support", "responsible"}),
     {"lead": ["A处"], "support": ["B中心"], "sole": []}, "both carried (the jx row 9 block): as the row above, 配合"),
    ({"lead": ["A处"], "support": ["B中心"], "sole": ["B中心"]}, frozenset({"responsible"}),
     {"lead": ["A处"], "support": ["B中心"], "sole": []}, "实施主体 carried, 配合 own: the own 配合 wins"),
    ({"lead": ["A局"], "support": [], "sole": ["A局", "C镇"]}, frozenset(),
     {"lead": ["A局"], "support": [], "sole": ["C镇"]}, "the lead listed among the implementers leads, once"),
    ({"lead": ["A局"], "support": ["B局"], "sole": ["C镇"]}, frozenset({"support"}),
     {"lead": ["A局"], "support": ["B局"], "sole": ["C镇"]}, "control: different units, nothing moves"),
]


@pytest.mark.parametrize("by_role, carried, expected, why", SETTLE, ids=[c[3] for c in SETTLE])
def test_one_role_each_rule(by_role, carried, expected, why):
    from kb.parser.tables import _one_role_each

    by_role = {k: list(v) for k, v in by_role.items()}
    _one_role_each(by_role, carried)
    assert by_role == expected, why


def _two_roles(tasks) -> list[tuple[str, str, list[str]]]:
    out = []
    for t in tasks:
        held: dict[str, list[str]] = {}
        for role in ("lead", "support", "sole", "shared"):
            for unit in getattr(t, role):
                held.setdefault(unit, []).append(role)
        out += [(t.id, unit, roles) for unit, roles in held.items() if len(roles) > 1]
    return out


FIXTURES = sorted((Path(__file__).parent / "fixtures" / "plans").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_no_task_gives_a_unit_two_roles_fixture(path):
    """Guard over every fixture plan (the .txt ones): no task gives one unit two of lead/support/sole/shared."""
    _, tasks = parse_document(path.read_text("utf-8"), path.stem, str(path))
    assert _two_roles(tasks) == []


def test_no_task_gives_a_unit_two_roles_bundled(plan):
    assert _two_roles(plan.tasks) == []
