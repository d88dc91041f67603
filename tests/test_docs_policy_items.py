"""A file holding two documents where one of them numbers its measures as long ``一、…。（X牵头）`` paragraphs (no heading
of their own: 若干政策 / 若干措施) and the other writes part headings (一、总体要求): each long paragraph is an item of its
document (若干政策一, 若干政策二 …, the plan's number kept) and the second document's title opens it — before, with part
headings anywhere in the file no top-level item was read, the policy's items became the plan's 引言2, 引言3 … and the
file was not split.  Rows written before the code (docs3, session 16); whole-file figures counted by hand."""

import pytest

from kb.parser import parse_document

NOTICE = ("某某市人民政府办公室关于印发某某市支持数字经济发展若干政策和某某市数字经济创新发展行动计划的通知\n各区人民政府，市政府各部门：\n"
          "《某某市支持数字经济发展若干政策》《某某市数字经济创新发展行动计划（2024—2026年）》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
          "某某市人民政府办公室\n2024年3月1日\n")
POLICY = ("某某市支持数字经济发展若干政策\n为加快发展数字经济，制定以下政策。\n"
          "一、支持数字经济企业做大做强，对年营业收入首次突破10亿元的企业给予一次性奖励100万元。（市工业和信息化局牵头，市财政局配合）\n"
          "二、支持企业上云用数，对企业购买云服务的给予50%补贴，单个企业最高20万元。（市工业和信息化局牵头）\n"
          "三、支持数字人才引进，对引进的高层次数字人才给予安家补贴，最高50万元。（市人力资源社会保障局牵头，市财政局配合）\n")
PLAN = ("某某市数字经济创新发展行动计划（2024—2026年）\n为推动数字经济高质量发展，制定本行动计划。\n"
        "一、总体要求\n到2026年，全市数字经济核心产业增加值达到1000亿元。\n二、重点任务\n"
        "（一）推进数字产业化。培育一批数字经济龙头企业。（市工业和信息化局牵头）\n"
        "（二）推进产业数字化。推动规上工业企业数字化改造全覆盖。（市工业和信息化局牵头，市科技局配合）\n"
        "三、保障措施\n（一）加强组织领导。建立工作推进机制。（市发展改革委牵头）\n")
COUNTY_MEASURES = ("某某县促进县域商业发展若干措施\n为促进县域商业体系建设，结合我县实际，制定如下措施。\n"
                   "一、完善县域商业网点布局，对新建乡镇商贸中心给予最高30万元补助。（县商务局牵头，县财政局配合）\n"
                   "二、发展农村电子商务，对年网络零售额超过500万元的企业给予奖励。（县商务局牵头）\n"
                   "三、提升农产品冷链物流能力，新建冷库按库容给予补助。（县农业农村局牵头）\n"
                   "四、培育消费新场景，支持打造特色商业街区。（县商务局、县住房城乡建设局牵头）\n")
COUNTY_PLAN = ("某某县县域商业体系建设实施方案\n为贯彻落实省有关部署，制定本方案。\n一、总体目标\n到2025年，建成乡镇商贸中心10个。\n"
               "二、主要任务\n（一）改造提升乡镇商贸中心。（县商务局负责）\n（二）完善村级便民商店。（县供销社负责）\n")

# (text, expected (division cites, labels with their leads), why)
CASES = [
    (NOTICE + POLICY + "本政策自2024年4月1日起施行。\n" + PLAN,
     (["若干政策", "行动计划"],
      [("若干政策一", ["市工业和信息化局"]), ("若干政策二", ["市工业和信息化局"]), ("若干政策三1", ["市人力资源社会保障局"])]),
     "市: three long policy items, a closing line, then the action plan's title, preamble and 一、总体要求"),
    (COUNTY_MEASURES + COUNTY_PLAN,
     (["若干措施", "实施方案"],
      [("若干措施一", ["县商务局"]), ("若干措施二", ["县商务局"]), ("若干措施三", ["县农业农村局"]),
       ("若干措施四", ["县商务局", "县住房城乡建设局"])]),
     "县, no cover notice: four long measures (the last with two leads), then the 实施方案"),
    (COUNTY_PLAN + COUNTY_MEASURES,
     (["实施方案", "若干措施"],
      [("若干措施一", ["县商务局"]), ("若干措施二", ["县商务局"]), ("若干措施三", ["县农业农村局"]),
       ("若干措施四", ["县商务局", "县住房城乡建设局"])]),
     "the other order: the plan with headings first, the measures after it are each an item of their own"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[2][:40] for c in CASES])
def test_long_items_of_a_document(text, expected, why):
    doc, tasks = parse_document(text, "p")
    cites, items = expected
    assert [c for c, _ in doc.divisions] == cites, why
    prefix = items[0][0][:4]
    got = [(t.label, t.lead) for t in tasks if t.label.startswith(prefix) and t.lead]
    assert got == items, why
    assert len({t.label for t in tasks}) == len(tasks) and len({t.id for t in tasks}) == len(tasks), why


def test_one_document_of_long_items_unchanged():
    """A file of the measures alone: its parts are its items, as before (item_parts, labels 一 … 四)."""
    doc, tasks = parse_document(COUNTY_MEASURES, "p")
    assert doc.divisions == [] and doc.item_parts
    assert [t.label for t in tasks if t.lead] == ["一", "二", "三", "四"]
