"""An implementer column (实施主体, 实施单位, 落实单位, 责任单位) in a task table that also has a lead column AND a support
column (tables2, session 13; holdout13 cause 2: jx06 / jx17 read 市道运中心 and 久事集团, the 实施主体, as 配合).

Decision (README "Task tables"): a unit column after a lead column is the supporting one only when the table has no
support column of its own (鄂政发 ``牵头单位 | 责任单位``: the 责任单位 support).  When the table writes 牵头 | 配合 | 实施主体,
the support is taken, and the third column names who CARRIES OUT the row: ``shared`` (共同负责: units carrying out a row
under its lead, model.Task.shared), one unit as well as several — never ``sole``, which is one unit ALONE, while the row
has its lead (a row without a lead cell: its one implementer is sole) — so ``Z负责哪些任务`` and Z's duty list hold the
row, and ``谁配合`` no longer names Z.  Expectations written before the code (the first draft expected ``sole`` for one
implementer, as the tag reader reads ``X牵头，Z负责落实``; kb then answered "申通集团单独负责的任务" beside "牵头：轨道交通处")."""

from __future__ import annotations

import pytest

from kb.parser import parse_document


def _rows(text: str):
    _, tasks = parse_document(text, "plan", "plan.txt")
    return [t for t in tasks if t.source and ("序号" in t.source or "第" in t.source)]


def _roles(t) -> dict[str, list[str]]:
    return {r: getattr(t, r) for r in ("lead", "support", "sole", "shared") if getattr(t, r)}


def _tab(title: str, header: list[str], rows: list[list[str]]) -> str:
    return "\n".join([title, "", "附件", "重点任务分工表", "\t".join(header), *("\t".join(r) for r in rows)]) + "\n"


#: (plan title, header, rows, expected roles per row, why)
CASES = [
    ("上海市交通领域精细化管理三年行动计划",
     ["序号", "重点任务", "牵头部门", "配合部门", "实施主体"],
     [["1", "推进内环高架年轻化工程。", "设施养护处", "计划财务处", "市道运中心"],
      ["2", "持续改善水路客运交通出行服务。", "港监处", "市港航中心", "久事集团"]],
     [{"lead": ["设施养护处"], "support": ["计划财务处"], "shared": ["市道运中心"]},
      {"lead": ["港监处"], "support": ["市港航中心"], "shared": ["久事集团"]}],
     "市 level, 牵头 | 配合 | 实施主体: one implementer carries the row out under its lead (shared), never a 配合 unit"),
    ("某省交通运输领域安全整治行动方案",
     ["序号", "主要任务", "牵头单位", "配合单位", "实施单位"],
     [["1", "优化船舶污染物免费接收体系。", "省交通运输厅", "省生态环境厅", "各设区市人民政府、省港航集团"]],
     [{"lead": ["省交通运输厅"], "support": ["省生态环境厅"], "shared": ["各设区市人民政府", "省港航集团"]}],
     "省 level, 实施单位 with two units: they carry it out together (shared, as X牵头，A、B负责落实)"),
    ("某县农村人居环境整治工作方案",
     ["序号", "工作任务", "牵头单位", "协办单位", "落实单位", "完成时限"],
     [["1", "开展村庄清洁行动。", "县农业农村局", "县卫生健康局", "各乡镇人民政府", "2025年12月底前"]],
     [{"lead": ["县农业农村局"], "support": ["县卫生健康局"], "shared": ["各乡镇人民政府"]}],
     "县 level, 协办单位 is the support column, 落实单位 the implementer (a time column after it)"),
    ("某区营商环境优化工作方案",
     ["序号", "重点任务", "牵头单位", "配合单位", "责任单位"],
     [["1", "推行企业开办一网通办。", "区政务服务中心", "区市场监管局", "各街道办事处"]],
     [{"lead": ["区政务服务中心"], "support": ["区市场监管局"], "shared": ["各街道办事处"]}],
     "区 level, 责任单位 as a third unit column: the support column is taken, so it names who carries the row out"),
    ("某市优化营商环境若干措施",
     ["序号", "重点任务", "牵头单位", "责任单位"],
     [["1", "压缩企业开办时间。", "市市场监管局", "市公安局、市税务局"]],
     [{"lead": ["市市场监管局"], "support": ["市公安局", "市税务局"]}],
     "control: no support column — 责任单位 after 牵头单位 is the supporting units (鄂政发〔2018〕26号's convention), unchanged"),
    ("某市交通设施品质提升行动计划",
     ["序号", "重点任务", "牵头部门", "配合部门", "实施主体"],
     [["1", "开展桥梁检测。", "—", "市道运中心", "各区"]],
     [{"support": ["市道运中心"], "sole": ["各区"]}],
     "a row whose 牵头 cell is empty: its one implementer is alone responsible (sole), its 配合 supports"),
    ("某区交通精细化管理工作方案",
     ["序号", "重点任务", "实施主体", "完成时限"],
     [["1", "建设慢行交通精品区。", "区建设管理委", "2025年底前"]],
     [{"sole": ["区建设管理委"]}],
     "control: 实施主体 alone is the unit responsible (sole), unchanged"),
    ("某市交通设施品质提升行动计划",
     ["序号", "重点任务", "牵头部门", "配合部门", "实施主体"],
     [["1", "对危及运行安全设施开展集中整治。", "设施养护处", "市道运中心", "市道运中心"],
      ["2", "推进人行道断头贯通。", "设施养护处", "—", "各区"]],
     [{"lead": ["设施养护处"], "support": ["市道运中心"], "shared": ["市道运中心"]},
      {"lead": ["设施养护处"], "shared": ["各区"]}],
     "the same unit under 配合 and 实施主体 holds both roles, as the table writes; an empty 配合 cell (—) gives no support"),
]


@pytest.mark.parametrize(("title", "header", "rows", "expected", "why"), CASES, ids=[c[4][:40] for c in CASES])
def test_implementer_column(title, header, rows, expected, why):
    got = _rows(_tab(title, header, rows))
    assert [_roles(t) for t in got] == expected, why


#: The same table flattened one cell a paragraph (a web page's annex), the header cells wrapped over two lines.
FLAT = "\n\n".join([
    "某市交通领域精细化管理工作方案", "附件", "任务清单",
    "任务", "分类", "重点任务（2024-2026）", "2025年计划", "2026年计划", "牵头", "部门", "配合", "部门", "实施", "主体",
    "（一）提升交通出行服务体验",
    "（1）既有运营车站出入口增加电扶梯。", "新增电扶梯7台。", "新增电扶梯10台。", "轨道交通处", "各相关部门和单位", "申通集团",
    "（2）持续改善水路客运交通出行服务。", "创建轮渡服务品牌。", "推动轮渡设施升级。", "港监处", "市港航中心", "久事集团、各区",
]) + "\n"


def test_implementer_column_flattened():
    got = [_roles(t) for t in _rows(FLAT)]
    assert got == [{"lead": ["轨道交通处"], "support": ["各相关部门和单位"], "shared": ["申通集团"]},
                   {"lead": ["港监处"], "support": ["市港航中心"], "shared": ["久事集团", "各区"]}], \
        "flattened: the wrapped 实施 / 主体 column is the implementer, not a second 配合"
