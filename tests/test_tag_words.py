"""Words of tags and markers the blind tag set tagsblind6 found unread (session 11), as mechanisms: compatibility
forms of item-marker punctuation, labels known by their kind (a person, support, a division written as a verb-style
tag), names holding a label never units, manner words inside a list, a plan written on one line.  Rows: input →
expected → why; examples are our own (other cities, other units) besides the blind plans' forms."""

from __future__ import annotations

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean
from kb.parser.roles import load_vocabulary, parse_tag_content, read_prose
from kb.registry import EMPTY, load_registry

REG = load_registry()
VOCAB = load_vocabulary()

# ------------------------------------------------------------------ 1. marker punctuation folded once (cleanup)
#: (raw text, cleaned lines, why)
FOLD_CASES = [
    ("1﹒加强管理。\n2﹒推进建设。", ["1.加强管理。", "2.推进建设。"], "U+FE52 small full stop after a number is the item's full stop"),
    ("一﹑总体要求\n（一﹚目标", ["一、总体要求", "（一)目标"],
     "U+FE51 small ideographic comma after a part number; the small parenthesis folds to its ASCII form"),
    ("3､完善机制。", ["3、完善机制。"], "U+FF64 halfwidth ideographic comma"),
    ("到2025年增长2﹒5%。", ["到2025年增长2.5%。"], "inside a figure the fold is a decimal point as written (NFKC)"),
    ("1.加强管理。", ["1.加强管理。"], "canonical forms untouched"),
    ("１．加强管理。", ["１．加强管理。"], "full-width forms are canonical (kept as written)"),
]


@pytest.mark.parametrize(("raw", "lines", "why"), FOLD_CASES, ids=[c[2] for c in FOLD_CASES])
def test_marker_punctuation_folds(raw, lines, why):
    assert clean(raw).split("\n") == lines, why
    assert clean(clean(raw)) == clean(raw), "idempotent"


def test_small_full_stop_items_are_items():
    text = ("某市2024年重点工作责任分解\n一、主要目标\n1﹒全市生产总值增长6%左右。\n牵头单位:市发展改革委。\n"
            "2﹒一般公共预算收入增长5%。\n牵头单位:市财政局。\n协同单位:市税务局。\n")
    _, tasks = parse_document(text, "t")
    tagged = [t for t in tasks if t.tag]
    assert [(t.text[:6], t.lead, t.support) for t in tagged] == [
        ("1.全市生产", ["市发展改革委"], []), ("2.一般公共", ["市财政局"], ["市税务局"])]


def test_label_lines_repeated_under_two_items_are_kept():
    text = ("某省重点工作责任分解\n一、主要目标\n1﹒地区生产总值增长6%。\n分管领导:王某。\n牵头单位:省发展改革委。\n"
            "协同单位:省政府各部门、省统计局、省财政厅、国家统计局某调查总队等。\n2﹒固定资产投资增长8%。\n分管领导:王某。\n"
            "牵头单位:省发展改革委。\n协同单位:省政府各部门、省统计局、省财政厅、国家统计局某调查总队等。\n")
    _, tasks = parse_document(text, "t")
    tagged = [(t.text[:2], t.lead, len(t.support)) for t in tasks if t.tag]
    assert tagged == [("1.", ["省发展改革委"], 4), ("2.", ["省发展改革委"], 4)], \
        "the second item's label lines repeat the first's: they are its own, not a repeated rendition"


# ------------------------------------------------------------------ 2. labels known by their kind
#: (tag content, roles {role: names}, fields, why)
LABEL_CASES = [
    ("牵头负责领导:王某；牵头责任单位:省发展改革委；协同责任单位:省财政厅、省统计局",
     {"lead": ["省发展改革委"], "support": ["省财政厅", "省统计局"]}, {"牵头负责领导": "王某"},
     "协同责任单位 is support; 牵头负责领导 names a person (a field), never a unit"),
    ("分管市领导:李某；牵头单位:市商务局", {"lead": ["市商务局"]}, {"分管市领导": "李某"},
     "分管 + a level + 领导: a person"),
    ("分管县领导:赵某；部门分工:县财政局牵头，县税务局、县统计局配合",
     {"lead": ["县财政局"], "support": ["县税务局", "县统计局"]}, {"分管县领导": "赵某"},
     "部门分工 is a label whose value is a verb-style tag: its role words win"),
    ("部门分工:市民政局负责", {"sole": ["市民政局"]}, {}, "部门分工 with a plain 负责: the unit alone"),
    ("联系领导:周某；责任单位:区教育局", {"sole": ["区教育局"]}, {"联系领导": "周某"}, "联系领导 is a person"),
    ("责任科室：综合科", {"sole": ["综合科"]}, {}, "责任科室 names the responsible division (芜湖, tagsblind7 — a warning before)"),
    ("牵头单位:市卫生健康委；协助责任单位:市医保局", {"lead": ["市卫生健康委"], "support": ["市医保局"]}, {},
     "协助责任单位: support by its kind"),
    ("牵头单位:市交通局；参与实施单位:市公安局", {"lead": ["市交通运输局"], "support": ["市公安局"]}, {},
     "参与实施单位: support by its kind"),
    ("责任单位:市司法局；具体负责人:钱某", {"sole": ["市司法局"]}, {"具体负责人": "钱某"}, "…负责人 is a person"),
]


@pytest.mark.parametrize(("content", "roles", "fields", "why"), LABEL_CASES, ids=[c[3] for c in LABEL_CASES])
def test_label_kinds(content, roles, fields, why):
    tag = parse_tag_content(content, REG)
    got = {r: v for r, v in tag.roles.items() if v}
    assert got == roles, why
    assert tag.fields == fields, why


#: (label, kind or None, why)
LABEL_KIND_CASES = [
    ("分管省领导", "field", "a person"),
    ("牵头市领导", "field", "listed word"),
    ("协同责任单位", "support", "support by its qualifier"),
    ("配合责任单位", "support", "listed word"),
    ("部门分工", "responsible", "a division of work: its value names the roles"),
    ("责任科室", "responsible", "a bureau's division named under a label (芜湖, tagsblind7): responsible, as 责任单位"),
    ("牵头处室", "lead", "a lead division"),
    ("配合科室", "support", "a supporting division"),
    ("领导小组", None, "a body, not a label of a person"),
    ("协调领导小组", None, "a body whose name holds 协调领导: no person (review of 6f2f64d)"),
    ("领导", None, "bare 领导 (党的领导：) is no label"),
    ("负责同志", None, "not a field of a person by this form"),
]


@pytest.mark.parametrize(("label", "kind", "why"), LABEL_KIND_CASES, ids=[c[2] for c in LABEL_KIND_CASES])
def test_label_kind_by_form(label, kind, why):
    assert VOCAB.label_kind(label) == kind, why
    assert bool(VOCAB.label_line_re.match(label + "：X")) is (kind is not None), why


def test_label_lines_with_a_leader_and_a_division():
    text = ("某市2023年政府工作报告重点任务分工方案\n一、主要预期目标\n1.全市生产总值增长6%以上。\n分管市领导:王某\n"
            "部门分工:市发展改革委牵头,各区、各部门配合。\n2.一般公共预算收入增长5%左右。\n分管市领导:李某\n"
            "部门分工:市财政局牵头,市税务局配合。\n")
    _, tasks = parse_document(text, "t")
    tagged = [t for t in tasks if t.tag]
    assert [(t.text[:6], t.lead, t.support, t.fields) for t in tagged] == [
        ("1.全市生产", ["市发展改革委"], ["各区", "各部门"], {"分管市领导": "王某"}),
        ("2.一般公共", ["市财政局"], ["市税务局"], {"分管市领导": "李某"})]
    assert not any("王某" in n or "：" in n or ":" in n for t in tasks for r in ("lead", "support", "sole", "shared")
                   for n in getattr(t, r))


# ------------------------------------------------------------------ 3. a name holding a label is no unit (prose)
#: (clause, unit that must not be read, why)
PROSE_CASES = [
    ("分管省领导:林某部门分工:省财政厅牵头,各地配合。", "分管省领导:林某部门分工:省财政厅", "a colon is never inside a unit's name"),
    ("责任单位：市住建局牵头推进老旧小区改造。", "责任单位：市住建局", "a label word opens no unit's name"),
]


#: (paragraph, lead, support, why) — a body whose name holds a person label's form (…协调领导小组办公室) is a unit
BODY_WITH_LEADER_WORD_CASES = [
    ("由市旅游产业综合协调领导小组办公室牵头，市文化旅游局配合，制定年度计划。",
     ["市旅游产业综合协调领导小组办公室"], ["市文化旅游局"], "由X牵头，Y配合: 协调领导 inside a 领导小组's name is no person"),
    ("市旅游产业综合协调领导小组办公室会同市发展改革委编制旅游产业规划。",
     ["市旅游产业综合协调领导小组办公室"], ["市发展改革委"], "X会同Y: the same body, plain verb"),
]


@pytest.mark.parametrize(("text", "lead", "support", "why"), BODY_WITH_LEADER_WORD_CASES,
                         ids=[c[3] for c in BODY_WITH_LEADER_WORD_CASES])
def test_a_body_named_with_a_leader_word_keeps_its_role(text, lead, support, why):
    from kb.parser import parse_document

    _, tasks = parse_document(f"某市旅游产业发展工作方案\n一、主要任务\n（一）加强统筹。{text}\n", "x")
    task = next(t for t in tasks if t.label == "一（一）")
    assert (task.lead, task.support) == (lead, support), why


@pytest.mark.parametrize(("clause", "bad", "why"), PROSE_CASES, ids=[c[2] for c in PROSE_CASES])
def test_prose_name_with_a_label_is_no_unit(clause, bad, why):
    tag = read_prose([clause], EMPTY, VOCAB)
    names = [n for v in (tag.roles.values() if tag else []) for n in v]
    assert bad not in names and not any(":" in n or "：" in n for n in names), why


#: (clause, unit a prose rule reads, why) — controls: a label word inside a body's own name
PROSE_KEEP_CASES = [
    ("市养老服务指导单位负责全市老年人助餐服务的资金清算。", "市养老服务指导单位",
     "指导单位 ends a body's name (沪 养老 2019, untuned check: the first version of the rule dropped it)"),
    ("区项目实施单位负责项目建设管理。", "区项目实施单位", "实施单位 inside a body's name"),
]


@pytest.mark.parametrize(("clause", "unit", "why"), PROSE_KEEP_CASES, ids=[c[2] for c in PROSE_KEEP_CASES])
def test_prose_name_holding_a_label_word_inside(clause, unit, why):
    tag = read_prose([clause], EMPTY, VOCAB)
    assert tag is not None and unit in [n for v in tag.roles.values() for n in v], why


# ------------------------------------------------------------------ 4. a plan written on one line
ONE_LINE_PLAN = (
    "某县关于支持企业发展的六条措施一、加大资金支持1.设立专项资金500万元,(县财政局、县发改局负责)"
    "2.落实贷款贴息政策,(县金融办负责)二、优化服务3.推行企业服务专员制度。(县工信局牵头,各乡镇配合)"
    "4.力争到2025年研发投入增长2.5%,(县科技局负责)")


def test_one_line_plan_is_read_item_by_item():
    _, tasks = parse_document(ONE_LINE_PLAN, "t")
    tagged = [(t.text[:2], t.lead, t.support, t.sole, t.shared) for t in tasks if t.tag]
    assert tagged == [
        ("1.", [], [], [], ["县财政局", "县发改局"]),
        ("2.", [], [], ["县金融办"], []),
        ("3.", ["县工信局"], ["各乡镇"], [], []),
        ("4.", [], [], ["县科技局"], []),
    ], "a tag after a comma closes its item; 2.5% is no marker"


#: (one-line text, lines after cleanup, why)
SPLIT_CASES = [
    ("通知 豫政〔2099〕1号 现将任务分解如下。 一、稳定增长 (一)扩大消费。 1.落实消费政策。(省商务厅负责) 2.改善消费条件。"
     "(省发展改革委牵头,省财政厅配合)",
     # (the document number stands on its own line since 4a728a2: a number run into the next words at the top of
     # the text is split off — the sentence after it is no part of it)
     ["通知豫政〔2099〕1号", "现将任务分解如下。", "一、稳定增长", "(一)扩大消费。", "1.落实消费政策。(省商务厅负责)",
      "2.改善消费条件。(省发展改革委牵头,省财政厅配合)"],
     "headings and items after a space or a full stop open paragraphs (spaces between CJK are debris, dropped)"),
    ("某区方案 到2025年第2.阶段增长2.5%,完成3.5万户改造,统一、规范管理。" * 3,
     ["某区方案到2025年第2.阶段增长2.5%,完成3.5万户改造,统一、规范管理。" * 3],
     "2.5%, 3.5万, 第2. and 统一、 are no markers: nothing splits"),
]


@pytest.mark.parametrize(("raw", "lines", "why"), SPLIT_CASES, ids=[c[2] for c in SPLIT_CASES])
def test_one_line_plan_splits_at_markers(raw, lines, why):
    assert clean(raw).split("\n") == lines, why


#: (a line of a plan with line breaks, lines after cleanup, why)
TAG_THEN_ITEM_CASES = [
    ("1.加强监管,(市A局负责)2.完善机制,(市B局、市C局负责)", ["1.加强监管,(市A局负责)", "2.完善机制,(市B局、市C局负责)"],
     "a tag closing item 1 right before 2.: item 2 opens its own paragraph"),
    ("3.推进建设（牵头单位：市D局）4.强化保障（市E局牵头，市F局配合）5.抓好落实。",
     ["3.推进建设（牵头单位：市D局）", "4.强化保障（市E局牵头，市F局配合）", "5.抓好落实。"],
     "labelled and verb-style tags; the numbering goes on from the line's own number"),
    ("1.完善制度（试行）2.推进建设", ["1.完善制度（试行）2.推进建设"], "a bracket that is no tag closes no item"),
    ("1.加强监管（市A局负责）7.推进建设", ["1.加强监管（市A局负责）7.推进建设"], "7 does not follow 1: no item of this list"),
    ("1.加强监管（市A局负责）2.5%的企业完成改造", ["1.加强监管（市A局负责）2.5%的企业完成改造"], "2.5% is a figure"),
    ("加强监管（市A局负责）2.推进建设", ["加强监管（市A局负责）2.推进建设"], "a line that is no numbered item has no numbering to follow"),
]


@pytest.mark.parametrize(("line", "lines", "why"), TAG_THEN_ITEM_CASES, ids=[c[2] for c in TAG_THEN_ITEM_CASES])
def test_tag_before_next_item_number(line, lines, why):
    text = "某市实施方案\n一、重点任务\n" + line + "\n二、保障措施\n（一）加强组织领导。各部门要落实责任。\n"
    assert clean(text).split("\n")[2:-2] == lines, why


def test_tag_before_next_item_number_gives_each_item_its_roles():
    text = "某市实施方案\n一、重点任务\n1.加强监管,(市A局负责)2.完善机制,(市B局、市C局负责)\n3.推进建设。（市D局负责）\n"
    _, tasks = parse_document(text, "t")
    assert [(t.label, t.sole, t.shared) for t in tasks if t.tag] == [
        ("一1", ["市A局"], []), ("一2", [], ["市B局", "市C局"]), ("一3", ["市D局"], [])]


def test_inline_markers_in_a_plan_with_line_breaks_stay():
    text = "一、主要任务\n1.加强管理，主要包括：1.建立台账；2.定期检查。（市A局负责）\n2.推进建设。（市B局负责）\n"
    assert clean(text).split("\n")[1] == "1.加强管理，主要包括：1.建立台账；2.定期检查。（市A局负责）", \
        "a plan with line breaks keeps its paragraphs: only a plan on one line is split at markers"


# ------------------------------------------------------------------ 5. manner words inside a list
#: (tag content, roles, why)
MANNER_CASES = [
    ("市应急局牵头负责，市住房城乡建设管理委按职责分工负责落实", {"lead": ["市应急局"], "sole": ["市住房城乡建设管理委"]},
     "按职责分工 before 负责落实 is manner, no part of the name (负责落实 after a lead stays sole, as before)"),
    ("各部门按职责分工牵头负责", {"lead": ["各部门"]}, "按职责分工 before 牵头负责"),
    ("市城管局牵头，市民政局按职责组织配合", {"lead": ["市城管执法局"], "support": ["市民政局"]},
     "组织配合 is a support word; 按职责 is manner"),
    ("市水务局牵头，市绿化市容局配合做好", {"lead": ["市水务局"], "support": ["市绿化市容局"]}, "配合做好 is a support word"),
    ("区教育局、区财政局按照职责分工负责", {"shared": ["区教育局", "区财政局"]}, "按照职责分工负责 stays the shared word "
     "(two units: one unit alone is sole since ROUTED s17 (f), whatever the word)"),
]


@pytest.mark.parametrize(("content", "roles", "why"), MANNER_CASES, ids=[c[2] for c in MANNER_CASES])
def test_manner_words_leave_names(content, roles, why):
    tag = parse_tag_content(content, REG)
    assert {r: v for r, v in tag.roles.items() if v} == roles, why
