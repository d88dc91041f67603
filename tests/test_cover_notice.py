"""The transmittal notice before a plan (关于印发/转发…的通知) is the document's ``cover``, not paragraphs of the
plan; the plan's own title after it is ``plan_title`` (kb/parser/structure.py ``split_cover``).
Table-driven: paragraphs → (cover, plan title, first paragraph of the plan) → why."""

from pathlib import Path

import pytest

from kb.parser import parse_document
from kb.parser.structure import split_cover
from kb.select import plan_tasks
from kb.model import Plan

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"

CASES = [
    (["各镇人民政府、街道办事处，区政府各部门：", "经区政府第97次常务会议通过，现将《X实施计划》转发给你们，请遵照执行。",
      "2025年7月15日X实施计划", "为深入贯彻…，制定本计划。", "一、行动任务"],
     (3, "X实施计划", "为深入贯彻…，制定本计划。"),
     "the date and the plan's own title joined on one line (neither ends a sentence): split at the date"),
    (["各镇人民政府：", "《关于贯彻〈条例〉推进分类的实施方案》已经区政府同意，现印发给你们，请认真按照执行。",
      "上海市宝山区人民政府办公室2019年5月5日关于贯彻《条例》", "推进分类的实施方案", "为全面贯彻…", "一、指导思想"],
     (3, "关于贯彻《条例》推进分类的实施方案", "为全面贯彻…"),
     "the plan's title on two lines after the signature and date"),
    (["苍政发〔2023〕22号各乡镇人民政府,县直属各单位:", "《若干政策》已经县政府常务会议研究同意,现印发给你们,请结合实际认真组织实施。",
      "苍南县人民政府2023年10月13日", "关于推动经济高质量发展的若干政策", "为深入贯彻…", "一、扩大有效投资政策"],
     (3, "关于推动经济高质量发展的若干政策", "为深入贯彻…"),
     "the title on its own line after the date"),
    (["区政府各委、办、局：", "现将《行动方案》印发给你们，请认真按照执行。", "特此通知。",
      "黄浦区发展和改革委员会黄浦区建设和管理委员会黄浦区规划和自然资源局2025年2月24日", "黄浦区可再生能源发展行动方案",
      "为深入贯彻…", "一、总体要求"],
     (4, "黄浦区可再生能源发展行动方案", "为深入贯彻…"),
     "特此通知 and a signature of several bodies"),
    (["为深入贯彻…，2023年5月5日起施行的办法要求…", "2023年5月5日", "一、总体要求"],
     (0, None, "为深入贯彻…，2023年5月5日起施行的办法要求…"),
     "a date line without any sentence handing a plan on is no cover notice"),
    (["2023年《方案》已报经区人民政府同意,现印发给你们,并就有关事项通知如下:", "一、各责任单位要高度重视。",
      "蔡甸区人民政府办公室2023年1月3日"],
     (0, None, "2023年《方案》已报经区人民政府同意,现印发给你们,并就有关事项通知如下:"),
     "a notice with parts of its own (通知如下: 一、二、三) and its date after them: not read as a cover (its parts are read)"),
]


@pytest.mark.parametrize(("paragraphs", "expected", "why"), CASES, ids=[c[2][:40] for c in CASES])
def test_split_cover(paragraphs, expected, why):
    cover, title, rest = split_cover(paragraphs)
    n, plan_title, first = expected
    assert (len(cover), title, rest[0]) == (n, plan_title, first), why


def _parsed(name):
    return parse_document((PLANS / name).read_text("utf-8"), Path(name).stem, str(PLANS / name))


def test_songjiang_cover_and_tasks_proper():
    """Counted by hand: 22 tagged items are the tasks; the cover notice (3 paragraphs) is no paragraph of the
    plan; the preamble, the part's lead paragraph and the six untagged 工作保障 paragraphs are paragraphs of
    the plan (kind paragraph: listed by kb tasks as its text, never counted or answered as tasks)."""
    doc, tasks = _parsed("21_songjiang_chengshigengxin_2025.txt")
    assert doc.plan_title == "松江区城市更新2025年度实施计划"
    assert doc.cover.split("\n") == ["各镇人民政府、街道办事处，区政府各部门：",
                                     "经区政府第97次常务会议通过，现将《松江区城市更新2025年度实施计划》转发给你们，请遵照执行。",
                                     "2025年7月15日"]
    assert not any("转发给你们" in t.text or t.text.startswith("2025年7月15日") for t in tasks)
    proper = plan_tasks(Plan(documents=[doc], tasks=tasks))
    assert len(proper) == 22 and all(t.departments() for t in proper)
    safeguards = [t for t in tasks if t.part == "二"]
    assert len(safeguards) == 6 and all(t.kind == "paragraph" and not t.departments() for t in safeguards)
    assert [t.label for t in tasks if t.kind == "paragraph"] == ["引言", "一", "二（一）", "二（二）", "二（三）", "二（四）", "二（五）", "二（六）"]
    assert not any(d.text == "2025年7月15日" for t in tasks for d in t.deadlines)


@pytest.mark.parametrize("name,plan_title", [
    ("06_lishan_2023_fengong.txt", "立山区政府2023年重点工作任务分解和责任分工方案"),
    ("16_cangnan_gaozhiliang_2023.txt", "关于推动经济高质量发展的若干政策"),
    ("22_huangpu_kezaishengnengyuan_2025.txt", "黄浦区可再生能源发展行动方案"),
    ("23_baoshan_lajifenlei_2019.txt", "关于贯彻《上海市生活垃圾管理条例》推进全程分类体系建设的实施方案"),
    ("24_jiading_haimian_2024.txt", "嘉定区系统化全域推进海绵城市建设的实施方案"),
    ("25_jingan_chengshigengxin_2023.txt", "静安区“卓越城区”城市更新行动方案（2023-2025年）"),
    ("02_nongjihua_guofa2018-42.txt", None),
    # (a notice with its own 一、二、三, then signature, date and the plan's title: split, its items 通知一… kept readable)
    ("07_caidian_2023_zeren.txt", "2023年区《政府工作报告》确定的主要目标任务责任分解方案"),
])
def test_cover_notices_of_the_fixture_plans(name, plan_title):
    doc, tasks = _parsed(name)
    assert doc.plan_title == plan_title
    assert (doc.cover is not None) == (plan_title is not None)
    assert not any(t.text == plan_title for t in tasks)
