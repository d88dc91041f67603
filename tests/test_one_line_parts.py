"""A plan whose parts are its tasks, one line each (工作要点, a short 工作方案): ``一、加快…建设。由市发展改革委牵头…``.

Such a part (no section under it) is a task: its heading is the task's title and stays in its text, its label is its
numeral.  Before, a heading with its tag and nothing under it made no task at all, a heading line over a label line
made ONE task of every part's label lines, and an inline heading's task held only ``由X牵头…`` — an answer listed no
work.  A normal plan's part headings (``一、总体要求`` over its paragraphs, ``三、重点任务`` over sections) make no
task of their own.  Rows: plan text → (label, title, text, roles) of every task → why."""

import pytest

from kb.parser import parse_document

TITLE = "某某市2024年优化营商环境工作要点\n"


def _rows(text: str):
    _, tasks = parse_document(TITLE + text, "t")
    return [(t.label, t.title, t.text, {r: getattr(t, r) for r in ("lead", "support", "sole", "shared") if getattr(t, r)})
            for t in tasks]


CASES = [
    ("一、加快政务服务中心建设。由市发展改革委牵头，市财政局配合。\n"
     "二、深化工程建设项目审批制度改革。由市住房城乡建设局牵头。\n"
     "三、优化企业开办服务。由市市场监管局牵头。\n",
     [("一", "加快政务服务中心建设", "加快政务服务中心建设。由市发展改革委牵头，市财政局配合。",
       {"lead": ["市发展改革委"], "support": ["市财政局"]}),
      ("二", "深化工程建设项目审批制度改革", "深化工程建设项目审批制度改革。由市住房城乡建设局牵头。",
       {"lead": ["市住房城乡建设局"]}),
      ("三", "优化企业开办服务", "优化企业开办服务。由市市场监管局牵头。", {"lead": ["市市场监管局"]})],
     "an inline heading over its prose roles: the heading is the title and stays in the text (it held 由X牵头 only)"),
    ("一、加快政务服务中心建设（市发展改革委牵头，市财政局配合）\n"
     "二、深化工程建设项目审批制度改革（市住房城乡建设局牵头）\n"
     "三、优化企业开办服务（市市场监管局牵头）\n"
     "四、加强组织保障\n各部门要加强领导。\n",
     [("一", "加快政务服务中心建设", "加快政务服务中心建设（市发展改革委牵头，市财政局配合）",
       {"lead": ["市发展改革委"], "support": ["市财政局"]}),
      ("二", "深化工程建设项目审批制度改革", "深化工程建设项目审批制度改革（市住房城乡建设局牵头）",
       {"lead": ["市住房城乡建设局"]}),
      ("三", "优化企业开办服务", "优化企业开办服务（市市场监管局牵头）", {"lead": ["市市场监管局"]}),
      ("四", None, "各部门要加强领导。", {})],
     "a heading with its tag and nothing under it is a task (no task before); a heading over its paragraph is as before"),
    ("一、加快政务服务中心建设。\n牵头单位：市发展改革委；配合单位：市财政局\n"
     "二、深化工程建设项目审批制度改革。\n牵头单位：市住房城乡建设局\n"
     "三、优化企业开办服务。\n牵头单位：市市场监管局\n",
     [("一", "加快政务服务中心建设", "加快政务服务中心建设。", {"lead": ["市发展改革委"], "support": ["市财政局"]}),
      ("二", "深化工程建设项目审批制度改革", "深化工程建设项目审批制度改革。", {"lead": ["市住房城乡建设局"]}),
      ("三", "优化企业开办服务", "优化企业开办服务。", {"lead": ["市市场监管局"]})],
     "a heading line over a label line: the line closes the heading (before: ONE task 一 held all three parts' units)"),
    ("一、加快政务服务中心建设\n责任单位：市发展改革委、市财政局\n"
     "二、深化工程建设项目审批制度改革\n责任单位：市住房城乡建设局\n",
     [("一", "加快政务服务中心建设", "加快政务服务中心建设", {"shared": ["市发展改革委", "市财政局"]}),
      ("二", "深化工程建设项目审批制度改革", "深化工程建设项目审批制度改革", {"sole": ["市住房城乡建设局"]})],
     "a heading with no full stop over a 责任单位 line: the same"),
    ("一、加快政务服务中心建设。（市发展改革委牵头，市财政局配合）\n"
     "二、优化企业开办服务。（市市场监管局牵头）\n",
     [("一", "加快政务服务中心建设", "加快政务服务中心建设。（市发展改革委牵头，市财政局配合）",
       {"lead": ["市发展改革委"], "support": ["市财政局"]}),
      ("二", "优化企业开办服务", "优化企业开办服务。（市市场监管局牵头）", {"lead": ["市市场监管局"]})],
     "a heading and its tag after the full stop: the task's text held the tag alone"),
    ("一、总体要求\n以习近平新时代中国特色社会主义思想为指导，持续优化营商环境。\n"
     "二、加快政务服务中心建设。由市发展改革委牵头，市财政局配合。\n"
     "三、保障措施\n（一）加强组织领导\n各部门要高度重视。\n",
     [("一", None, "以习近平新时代中国特色社会主义思想为指导，持续优化营商环境。", {}),
      ("二", "加快政务服务中心建设", "加快政务服务中心建设。由市发展改革委牵头，市财政局配合。",
       {"lead": ["市发展改革委"], "support": ["市财政局"]}),
      ("三（一）", "加强组织领导", "各部门要高度重视。", {"sole": ["各部门"]})],
     "a normal part heading over its paragraph, and one over sections, make no task of their own"),
    ("一、总体要求\n二、重点任务\n（一）加快建设\n推进政务服务中心改造。（市发展改革委牵头）\n",
     [("二（一）", "推进政务服务中心改造", "推进政务服务中心改造。（市发展改革委牵头）", {"lead": ["市发展改革委"]})],
     "a bare heading with nothing under it (no tag) is no task: a contents line"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_one_line_parts(text, expected, why):
    assert _rows(text) == expected, why


#: Real plans whose part headings carry their tag over paragraphs of their own (婺城 2025 一、强化科技创新(区科技局牵头),
#: 苍南 2023 一、扩大有效投资政策(由县发改局牵头实施)): the heading is no task of its own — the tasks are those before
#: this rule (hand-checked: the heading's tag still reaches its paragraphs).
REAL_PLANS = [
    ("tests/fixtures/plans/47_wucheng_gaozhiliang_2025.txt", [("引言", []), ("一", ["区科技局"])]),
    ("tests/fixtures/plans/16_cangnan_gaozhiliang_2023.txt", [("引言", []), ("一1", ["县发改局"]), ("一2", ["县发改局"])]),
]


@pytest.mark.parametrize(("path", "expected"), REAL_PLANS, ids=[p[0].rsplit("/", 1)[1] for p in REAL_PLANS])
def test_tagged_heading_over_paragraphs_is_no_task(path, expected):
    _, tasks = parse_document(open(path, encoding="utf-8").read(), "t")
    assert [(t.label, t.lead) for t in tasks] == expected


MORE = [
    ("一、加快政务服务中心建设\n（市发展改革委牵头，市财政局配合）\n二、优化企业开办服务\n（市市场监管局牵头）\n",
     [("一", "加快政务服务中心建设", "加快政务服务中心建设", {"lead": ["市发展改革委"], "support": ["市财政局"]}),
      ("二", "优化企业开办服务", "优化企业开办服务", {"lead": ["市市场监管局"]})],
     "a tag alone on the line under the heading closes it, as a label line does"),
    ("一、加快政务服务中心建设\n完成时限：2024年12月底\n二、优化企业开办服务\n完成时限：2024年6月底\n",
     [("一", None, "完成时限：2024年12月底", {}), ("二", None, "完成时限：2024年6月底", {})],
     "a time line names no doer: the heading stays a heading, the line a paragraph (as before)"),
    ("一、市发改委：负责统筹协调创建工作，牵头制定年度创建计划。\n二、市财政局：负责落实创建资金。\n"
     "三、市教育局：负责校园环境整治。\n",
     [("一", None, "市发改委：负责统筹协调创建工作，牵头制定年度创建计划。", {"sole": ["市发改委"]}),
      ("二", None, "市财政局：负责落实创建资金。", {"sole": ["市财政局"]}),
      ("三", None, "市教育局：负责校园环境整治。", {"sole": ["市教育局"]})],
     "a short line naming its unit (read as a heading with nothing under it: no task at all before): the unit's duty, "
     "no title — longer lines (inline headings) keep their reading, tests/test_heading_units.py"),
    ("一、加快政务服务中心建设，年底前完成主体工程。\n二、优化企业开办服务，压缩开办时间。\n三、加强组织领导\n各部门要加强领导。\n",
     [("一", "加快政务服务中心建设，年底前完成主体工程", "加快政务服务中心建设，年底前完成主体工程。", {}),
      ("二", "优化企业开办服务，压缩开办时间", "优化企业开办服务，压缩开办时间。", {}),
      ("三", None, "各部门要加强领导。", {"sole": ["各部门"]})],
     "short lines of work (a sentence, not a title) with nothing under them: tasks (no task for them before)"),
    ("一、优化营商环境\n二、扩大有效投资\n三、促进消费升级\n",
     [],
     "titles alone, no work stated (a contents list, headings over a table): no task — as before"),
    ("一、总体要求\n坚持稳中求进。\n二、重点任务。\n序号\t工作任务\t责任单位\t完成时限\n"
     "1\t推进县城污水管网改造\t县住建局\t2024年12月\n2\t完成高标准农田建设2万亩\t县农业农村局\t2024年10月\n三、保障措施。\n",
     [("一", None, "坚持稳中求进。", {}),
      ("表1-1", "推进县城污水管网改造", "推进县城污水管网改造（责任单位：县住建局；完成时限：2024年12月）", {"sole": ["县住建局"]}),
      ("表1-2", "完成高标准农田建设2万亩", "完成高标准农田建设2万亩（责任单位：县农业农村局；完成时限：2024年10月）",
       {"sole": ["县农业农村局"]})],
     "a title with its full stop over a task table (二、重点任务。) and one over nothing: no task of their own"),
]


@pytest.mark.parametrize(("text", "expected", "why"), MORE, ids=[c[2][:40] for c in MORE])
def test_one_line_parts_more(text, expected, why):
    assert _rows(text) == expected, why
