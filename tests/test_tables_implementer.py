"""An implementer column (实施主体, 实施单位, 落实单位, 责任单位) in a task table that also has a lead column AND a support
column (tables2, session 13; holdout13 cause 2: jx06 / jx17 read 市道运中心 and 久事集团, the 实施主体, as 配合).

Decision (README "Task tables"): a unit column after a lead column is the supporting one only when the table has no
support column of its own (鄂政发 ``牵头单位 | 责任单位``: the 责任单位 support).  When the table writes 牵头 | 配合 | 实施主体,
the support is taken, and the third column names who CARRIES OUT the row: read as the tag reader reads
``X牵头，Y配合，Z负责落实`` — ``shared`` (tables3: beside a row's lead no unit is alone, one implementer or several) —
so ``Z负责哪些任务`` and Z's duty list hold the row, and ``谁配合`` no longer names Z.  Expectations written before the code."""

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
     "市 level, 牵头 | 配合 | 实施主体: one implementer carries the row out with the lead leading (shared: not alone "
     "beside a lead — tables3), never a 配合 unit"),
    ("某省交通运输领域安全整治行动方案",
     ["序号", "主要任务", "牵头单位", "配合单位", "实施单位"],
     [["1", "优化船舶污染物免费接收体系。", "省交通运输厅", "省生态环境厅", "各设区市人民政府、省港航集团"]],
     [{"lead": ["省交通运输厅"], "support": ["省生态环境厅"], "shared": ["各设区市人民政府", "省港航集团"]}],
     "省 level, 实施单位 with two units: they carry it out together (shared, as X牵头，A、B负责落实)"),
    ("某县农村人居环境整治工作方案",
     ["序号", "工作任务", "牵头单位", "协办单位", "落实单位", "完成时限"],
     [["1", "开展村庄清洁行动。", "县农业农村局", "县卫生健康局", "各乡镇人民政府", "2025年12月底前"]],
     [{"lead": ["县农业农村局"], "support": ["县卫生健康局"], "shared": ["各乡镇人民政府"]}],
     "县 level, 协办单位 is the support column, 落实单位 the implementer (a time column after it): shared under the lead"),
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
     "a row whose 牵头 cell is empty: its one implementer is responsible (sole), its 配合 supports"),
    ("某区交通精细化管理工作方案",
     ["序号", "重点任务", "实施主体", "完成时限"],
     [["1", "建设慢行交通精品区。", "区建设管理委", "2025年底前"]],
     [{"sole": ["区建设管理委"]}],
     "control: 实施主体 alone is the unit responsible (sole), unchanged"),
    ("某市交通设施品质提升行动计划",
     ["序号", "重点任务", "牵头部门", "配合部门", "实施主体"],
     [["1", "对危及运行安全设施开展集中整治。", "设施养护处", "市道运中心", "市道运中心"],
      ["2", "推进人行道断头贯通。", "设施养护处", "—", "各区"]],
     [{"lead": ["设施养护处"], "support": ["市道运中心"]},
      {"lead": ["设施养护处"], "shared": ["各区"]}],
     "the same unit under 配合 and 实施主体 keeps one role, the named 配合 (tables3, tests/test_tables_one_role.py); an "
     "empty 配合 cell (—) gives no support"),
]


CASES.append(
    ("某县2024年重点工作任务分解",
     ["序号", "类别", "重点任务", "责任单位", "牵头单位"],
     [["1", "产业发展", "推进工业园区基础设施建设。", "县发改局、县财政局、县自然资源局", "县发改局"],
      ["2", "民生保障", "建设县养老服务中心。", "县民政局", "县民政局"]],
     [{"lead": ["县发改局"], "support": ["县财政局", "县自然资源局"]},
      {"lead": ["县民政局"]}],
     "县 level, 责任单位 BEFORE 牵头单位 (the 责任单位 cell lists every unit, its lead too): the lead is not also its own "
     "配合 — the others support"))


# One statement = one row (the lead's 10:15 routing of prose4's decision, README "The unit the others support leads"):
# in a table with no lead column, the unit a row's 配合 units support is its lead, as ``（X负责，Y配合）`` and
# ``责任单位：X；配合单位：Y`` are read; several such units lead together.  A table with a lead column keeps its columns'
# roles (an empty 牵头 cell names no lead: its implementer is not promoted).
CASES.extend([
    ("某县义务教育优质均衡发展实施方案",
     ["序号", "重点任务", "责任单位", "配合单位"],
     [["1", "新建学校3所。", "县教育局", "县财政局、县自然资源局"],
      ["2", "配齐专任教师。", "县教育局、县人社局", "县财政局"],
      ["3", "完善校园安全设施。", "县教育局", "—"]],
     [{"lead": ["县教育局"], "support": ["县财政局", "县自然资源局"]},
      {"lead": ["县教育局", "县人社局"], "support": ["县财政局"]},
      {"sole": ["县教育局"]}],
     "县 level, 责任单位 | 配合单位 with no lead column: the unit the row's 配合 supports leads (several lead together); a "
     "row with no 配合 keeps its one responsible unit sole"),
    ("某区老旧小区改造工作方案",
     ["序号", "工作任务", "实施主体", "配合单位", "完成时限"],
     [["1", "完成老旧小区改造20个。", "区住房城乡建设管理委", "各街道", "2025年底前"]],
     [{"lead": ["区住房城乡建设管理委"], "support": ["各街道"]}],
     "区 level, 实施主体 | 配合单位: the unit its 配合 supports leads"),
])


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


# --- one decision for columns and labels (holdout14, routed: ``（牵头部门：A；实施部门：B）`` read B as 配合) ------------------
# An implementer word (roles.yaml implementer_labels: 实施单位, 实施部门, 实施主体, 落实单位, 执行单位) names who carries the work
# out, as a column header or as a label of a tag: never support, even right after a lead (with no support column or
# label); a bare 责任单位 after a lead stays the supporting units unless a support column / label is there too.
# Implementers under a lead are shared, one or several (tables3: beside a lead no unit is alone).

#: (plan text, expected roles of its one task, why)
TAGS = [
    ("某市交通运输安全整治方案\n一、主要任务\n（一）整治船舶污染。优化船舶污染物接收体系（牵头部门：市交通委；实施部门：市港航中心）。\n",
     {"lead": ["市交通委"], "shared": ["市港航中心"]},
     "inline labels, 实施部门 right after 牵头部门 and no 配合 label: it carries the work out with the lead leading (shared), not 配合"),
    ("某县人居环境整治方案\n一、主要任务\n（一）开展村庄清洁行动（牵头单位：县农业农村局；配合单位：县财政局；实施单位：各乡镇人民政府、县城投公司）。\n",
     {"lead": ["县农业农村局"], "support": ["县财政局"], "shared": ["各乡镇人民政府", "县城投公司"]},
     "县 level: lead, support and two implementers (shared)"),
    ("某区营商环境优化方案\n一、主要任务\n（一）推行一网通办（牵头单位：区政务服务中心；配合单位：区司法局；责任单位：各街道办事处）。\n",
     {"lead": ["区政务服务中心"], "support": ["区司法局"], "shared": ["各街道办事处"]},
     "a bare 责任单位 after 牵头 AND 配合 labels: the support is named, so it carries the work out"),
    ("某省优化营商环境若干意见\n一、主要任务\n（一）压缩企业开办时间。全面推行企业开办一日办结（牵头单位：省市场监管局；责任单位：省公安厅、省税务局）。\n",
     {"lead": ["省市场监管局"], "support": ["省公安厅", "省税务局"]},
     "control: 责任单位 right after 牵头单位 with no 配合 label is the supporting units (鄂政发〔2018〕26号), unchanged"),
    ("某区交通设施提升方案\n一、主要任务\n（一）建设慢行交通精品区。新建慢行交通精品区5个（实施主体：区建设管理委）。\n",
     {"sole": ["区建设管理委"]},
     "control: 实施主体 alone is the unit responsible (sole)"),
]


@pytest.mark.parametrize(("text", "expected", "why"), TAGS, ids=[t[2][:40] for t in TAGS])
def test_implementer_label(text, expected, why):
    _, tasks = parse_document(text, "plan", "plan.txt")
    tagged = [t for t in tasks if t.tag]
    assert len(tagged) == 1, (why, [t.text for t in tasks])
    assert _roles(tagged[0]) == expected, why


def test_implementer_column_without_a_support_column():
    """牵头单位 | 实施单位, no 配合 column: the implementer word decides — it carries the row out, never 配合."""
    got = _rows(_tab("某市老旧小区改造工作方案", ["序号", "重点任务", "牵头单位", "实施单位", "完成时限"],
                     [["1", "完成老旧小区改造30个。", "市住房城乡建设局", "各区人民政府", "2025年12月底前"]]))
    assert [_roles(t) for t in got] == [{"lead": ["市住房城乡建设局"], "shared": ["各区人民政府"]}]
