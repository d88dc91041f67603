"""Text copied out of a typeset PDF (one printed line a line, no blank lines between paragraphs): kb reads the same
paragraphs as from the web text and as from the PDF itself (kb/parser/cleanup.py ``join_printed_lines``).

Rows: printed lines (``|`` between them) in a column of 20 ideographs, each paragraph's first line indented two,
after a paragraph of context that fixes the column's width → the paragraphs → why.  Controls must not join: a short
last line, a heading, a list of short items.  Whole plans: tests/fixtures/printed/README.md (two real plans kb had
never seen, as pdfplumber and pypdf give them; the expected paragraphs are the published web text)."""

import json
from pathlib import Path

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean, clean_paragraphs, printed_width

PRINTED = Path(__file__).resolve().parent / "fixtures" / "printed"
PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"

#: Context: 沪粮仓〔2025〕18号's opening paragraph as it is printed in a column of 20 ideographs (the first line indented).
CONTEXT = ("为充分利用全市粮库场址优势资源，发展", "环保低碳型粮食产业，推进绿色储粮新技术应", "用，实现经济效益和科技储粮有效融合，按照",
           "相关文件要求，现就在全市粮食系统推进实施", "“仓顶光伏工程”制定如下方案，请各区发展", "和改革委员会、各区粮食和物资储备局，各相",
           "关单位认真组织实施，确保储粮安全和光伏项", "目建设同步推进。")
CONTEXT_PARAGRAPH = "".join(CONTEXT)

CASES = [
 ("1．要落实属地监管职责。督促使用单位和|施工单位切实履行好燃气管道安全管理职责。|从严管控燃气管道施工质量和日常管理，切实|保障燃气管道安全运行。",
  ["1．要落实属地监管职责。督促使用单位和施工单位切实履行好燃气管道安全管理职责。从严管控燃气管道施工质量和日常管理，切实保障燃气管道安全运行。"],
  "a full line ending in 。 goes on: the sentence ended at the margin, the item did not"),
 ("电网企业应优化配电网规划设计运行，提|高配电网智能化水平。|新建粮库，应同步设计和建设光伏发电设施。",
  ["电网企业应优化配电网规划设计运行，提高配电网智能化水平。", "新建粮库，应同步设计和建设光伏发电设施。"],
  "control: a line that stops short ends its paragraph"),
 ("2．要强化法定检验职责。各检验机构要严|格按照安全技术规范要求开展法定检验工作。|3．要落实属地监管职责。",
  ["2．要强化法定检验职责。各检验机构要严格按照安全技术规范要求开展法定检验工作。", "3．要落实属地监管职责。"],
  "a full line, then an item label: a new paragraph"),
 ("各区要结合本区粮仓情况，持续开展既有|屋顶资源梳理排查，建立屋顶资源项目清单，|（二）积极发展粮仓综合能源服务",
  ["各区要结合本区粮仓情况，持续开展既有屋顶资源梳理排查，建立屋顶资源项目清单，", "（二）积极发展粮仓综合能源服务"],
  "a full line, then a section heading: a new paragraph whatever the line above ends with"),
 ("推动各类投资主体积极参与光伏开发建设|运营，做好粮仓光伏建设标准指引和政策引导|四、保障措施",
  ["推动各类投资主体积极参与光伏开发建设运营，做好粮仓光伏建设标准指引和政策引导", "四、保障措施"],
  "a part heading after a full line"),
 ("依法履行好市场监管职责，切实保障人民|群众生命财产安全。（牵头单位：市局特种设|备安全监察处；配合单位：各区市场监管局|、市市场监管局执法总队）",
  ["依法履行好市场监管职责，切实保障人民群众生命财产安全。（牵头单位：市局特种设备安全监察处；配合单位：各区市场监管局、市市场监管局执法总队）"],
  "a labelled tag wrapped over three lines, the third opening with 、"),
 ("严厉打击各环节的违法违规行为。（牵头|单位：市局特种设备安全监察处；|配合单位：各区市场监管局）",
  ["严厉打击各环节的违法违规行为。（牵头单位：市局特种设备安全监察处；配合单位：各区市场监管局）"],
  "a bracket still open goes on although its line stops short at ；: the tag is not cut after two lines"),
 ("开展国家组织药品集中采购和使用试点工作|，制定本方案。",
  ["开展国家组织药品集中采购和使用试点工作，制定本方案。"], "a line opening with ， goes on the line above"),
 ("（一）着力落实燃气管道使用单位主体责|任，夯实强化属地监管和法定检验工作|各区市场监管局和市市场监管局执法总队|要充分吸取事故经验教训，夯实强化工作。",
  ["（一）着力落实燃气管道使用单位主体责任，夯实强化属地监管和法定检验工作", "各区市场监管局和市市场监管局执法总队要充分吸取事故经验教训，夯实强化工作。"],
  "a heading wrapped over two lines is one heading; the body under it (its first line indented) is its own paragraph"),
 ("（一）加强组织领导。各区行业主管部门|、有关涉粮企业要充分认识推进光伏项目建设|的重要意义。",
  ["（一）加强组织领导。各区行业主管部门、有关涉粮企业要充分认识推进光伏项目建设的重要意义。"],
  "a section whose heading runs into its first sentence (（一）加强组织领导。…) goes on while its lines are full"),
 ("要按照《双重预防机制建设推进工作方案|（2019—2022）》要求，切实做好本单位燃|气管道双重预防工作。",
  ["要按照《双重预防机制建设推进工作方案（2019—2022）》要求，切实做好本单位燃气管道双重预防工作。"],
  "a line holding digits is full a few cells early (a digit is wider than half an ideograph); a line ending in 方案 is no title"),
 ("仓房以2010年以后新建的平房仓为主，屋|顶荷载应达到|0.35kN/m2以上。",
  ["仓房以2010年以后新建的平房仓为主，屋顶荷载应达到", "0.35kN/m2以上。"],
  "control: a short line ends its paragraph even before a number (the typesetter had room for it)"),
 ("1．单个库区可利用屋面总面积1500平方米|以上；|2．基本满足当地电网接入条件。|3．仓房屋面为折线型或双T板型屋架结构；",
  ["1．单个库区可利用屋面总面积1500平方米以上；", "2．基本满足当地电网接入条件。", "3．仓房屋面为折线型或双T板型屋架结构；"],
  "control: a list of short items stays a list"),
 ("深入剖析燃气安全隐患产生的深层次原因|，建立健全燃气安全长效管理体制机制建设。|认真总结推广专项整治中好的经验做法和|典型案例，及时总结提炼并巩固整治成果。",
  ["深入剖析燃气安全隐患产生的深层次原因，建立健全燃气安全长效管理体制机制建设。", "认真总结推广专项整治中好的经验做法和典型案例，及时总结提炼并巩固整治成果。"],
  "a sentence ending at the margin, then a line of a first line's width (indented two): a new paragraph"),
 ("推动绿色储粮新技术应用，抓好以下工作：|——加快既有粮仓屋顶资源开发利用。",
  ["推动绿色储粮新技术应用，抓好以下工作：", "——加快既有粮仓屋顶资源开发利用。"],
  "a line opening with —— starts a list item, never the rest of a word"),
 ("（1）动用中央储备粮的品种、数量、质量、|库存成本、销售价格和中央储备粮的动用命令。|（2）动用中央储备粮的资金安排和补贴来源。",
  ["（1）动用中央储备粮的品种、数量、质量、库存成本、销售价格和中央储备粮的动用命令。", "（2）动用中央储备粮的资金安排和补贴来源。"],
  "a sub-item marker opens a paragraph after a full line"),
 ("国务院关于促进综合保税区发展的若干意见|国发〔2019〕3号",
  ["国务院关于促进综合保税区发展的若干意见", "国发〔2019〕3号"], "a document number stands on its own line"),
 ("各单位应于2022年1月14日前将排查整治工|— 2 —|作部署情况报市局特种设备安全监察处。",
  ["各单位应于2022年1月14日前将排查整治工作部署情况报市局特种设备安全监察处。"],
  "a page footer between two lines of a paragraph goes; the paragraph goes on at the next page's top"),
]


def test_no_duplicate_rows():
    assert len({c[0] for c in CASES}) == len(CASES) and len({c[2] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("lines,expected,why", CASES, ids=[c[2][:50] for c in CASES])
def test_printed_lines(lines, expected, why):
    text = "\n".join([*CONTEXT, *lines.split("|")])
    assert printed_width(text.split("\n")) == 40
    assert clean_paragraphs(text) == [CONTEXT_PARAGRAPH, *expected], why


@pytest.mark.parametrize("lines,expected,why", CASES, ids=[c[2][:50] for c in CASES])
def test_printed_lines_cleanup_is_idempotent(lines, expected, why):
    once = clean("\n".join([*CONTEXT, *lines.split("|")]))
    assert clean(once) == once


# Which texts are printed lines: (lines, full width in cells or None, why)
WIDTH_CASES = [
    (list(CONTEXT), 40, "a paragraph's printed lines: the column is 20 ideographs"),
    (list(CONTEXT[:7]), None, "fewer than eight lines: too few to tell"),
    ([CONTEXT_PARAGRAPH] * 3 + list(CONTEXT), None, "paragraphs longer than any printed line: a web text"),
    (["一、总体要求", "（一）加强组织领导", "1.完善机制。", "2.压实责任。", "二、工作任务", "（二）强化保障", "3.加强宣传。", "4.做好报送。"],
     None, "short headings and items only: no full line"),
    (["到", "2020", "年，", "细颗粒物（", "PM2.5", "）年均浓度下降", "27.9%", "以上。"], None, "web fragments (dialects.md §4)"),
]


@pytest.mark.parametrize("lines,full,why", WIDTH_CASES, ids=[c[2][:40] for c in WIDTH_CASES])
def test_printed_width(lines, full, why):
    assert printed_width(lines) == full, why


def _bare(paragraphs):
    return ["".join(p.split()) for p in paragraphs]


PLAN_FORMS = [(plan, form) for plan in ("81_shijianju_ranqi_2022", "82_liangcang_guangfu_2025")
              for form in ("pdfplumber", "pypdf", "pdfium")]


@pytest.mark.parametrize("plan,form", PLAN_FORMS, ids=[f"{p[:2]}-{f}" for p, f in PLAN_FORMS])
def test_whole_plan_printed_text_reads_as_its_web_text(plan, form):
    """Every paragraph of the published text, none split or glued (36 and 27 paragraphs; before this rule 38 and 32:
    wrapped section headings cut, a line ending in 方案 taken for a title, a line opening with 0.35kN taken for an item)."""
    web = clean_paragraphs((PRINTED / f"{plan}.txt").read_text("utf-8"))
    printed = clean_paragraphs((PRINTED / f"{plan}.{form}.txt").read_text("utf-8"))
    assert len(web) == {"81_shijianju_ranqi_2022": 36, "82_liangcang_guangfu_2025": 27}[plan]
    assert _bare(printed) == _bare(web)


GOLD = json.loads((PRINTED / "gold_printed.json").read_text("utf-8"))
#: The tag of 二（一）3 ends in a carry-forward note (以下各项工作均需要各单位负责，不再单独列出): read as a note (A5,
#: roles.yaml all-later-tasks-responsible; it was a unit 以下各项工作均需要各单位 before 5cccc7e).
GOLD_FORMS = [pytest.param(row, form, id=f"{row['prefix'][:8]}-{form}")
              for row in GOLD for form in ("txt", "pdfplumber.txt", "pypdf.txt", "pdfium.txt")]


@pytest.mark.parametrize("row,form", GOLD_FORMS)
def test_gold_tags(row, form):
    _, tasks = parse_document((PRINTED / f"{row['doc']}.{form}").read_text("utf-8"), row["doc"], row["doc"])
    bare = "".join(row["prefix"].split())
    hits = [t for t in tasks if "".join(t.text.split()).startswith(bare)]
    assert len(hits) == 1
    t = hits[0]
    assert "".join(t.tag.split()) == "".join(row["tag"].split())
    assert {k: list(getattr(t, k)) for k in ("lead", "support", "guide", "sole", "shared")} == {
        k: row[k] for k in ("lead", "support", "guide", "sole", "shared")}
    assert [d.text for d in t.deadlines] == row["deadlines"]


#: Fixture plans (tests/fixtures/plans) typeset the same way (make_printed_text.py over their paragraphs) and extracted
#: by pdfplumber, as an untuned check: the rules were written on 81 and 82 only.  Of the 12 plans so typeset (02, 05, 09,
#: 11, 12, 13, 22, 26, 46, 51, 71, 72; 626 paragraphs), 11 read exactly as their text (0 before this rule: 396
#: paragraphs cut or glued); 22 glues two one-line tag paragraphs (（责任单位：…）) to the paragraph above whose last line
#: ends at the margin — the same roles.  These four are kept: a quotation mark on a full line (13), a notice title
#: wrapped inside 《》 (26, 71), sub-items （1） (51).
UNTUNED = ["13_zimaoqu_guofa2018-38", "26_putuo_haimian_2025", "51_liangshi_yingji_guobanhan2005-57",
           "71_huancheng_shengtaigongyuandai_2021"]


@pytest.mark.parametrize("plan", UNTUNED)
def test_untuned_plans_printed_text_reads_as_their_text(plan):
    text = clean_paragraphs((PLANS / f"{plan}.txt").read_text("utf-8"))
    printed = clean_paragraphs((PRINTED / f"{plan}.pdfplumber.txt").read_text("utf-8"))
    assert _bare(printed) == _bare(text)
