"""A cover notice that writes its OWN requirements 一、二、三 before the plan it hands on (现印发给你们，并就有关事项通知如
下：一、… 二、… 三、… / signature and date / the plan's title / 一、…): the notice's items are no parts of the plan.  The
notice is split off as the cover only when that is proved — a sentence handing the plan on, then the signature and
date, then the plan's own title line, then the plan's parts from 一 again.  A notice with requirements and no plan after
its signature, or with no sentence handing a plan on, stays as it was.  Rows written before the code (docs3, s16)."""

import pytest

from kb.parser import parse_document

NOTICE_QU = (
    "区人民政府办公室关于印发2024年重点工作责任分解方案的通知\n"
    "各街道办事处，区人民政府各部门：\n"
    "《2024年重点工作责任分解方案》已经区人民政府同意，现印发给你们，并就有关事项通知如下：\n"
    "一、各责任单位要高度重视，切实加强领导，制订工作方案，明确责任和时间节点，并于2024年2月15日前报区人民政府办公室。\n"
    "二、区绩效考评机构要将重点工作纳入绩效管理考核范围，加强过程考核，确保各项工作落到实处。\n"
    "三、各责任单位要在每季度最后一个月的25日前报送进展情况，区人民政府办公室适时通报。\n"
    "某某区人民政府办公室\n2024年1月8日\n"
)
PLAN_QU = (
    "2024年重点工作责任分解方案\n"
    "一、主要预期目标\n（一）地区生产总值增长6%以上\n责任单位：区发展和改革局\n"
    "（二）固定资产投资增长8%以上\n责任单位：区发展和改革局\n"
    "二、重点工作任务\n（一）推进项目建设，全年开工项目50个。\n责任单位：区住房和城乡建设局\n"
)

NOTICE_SHENG = (
    "某某省人民政府关于印发某某省数字政府建设实施方案的通知\n"
    "各市人民政府，省政府各部门：\n"
    "现将《某某省数字政府建设实施方案》印发给你们，请结合实际认真贯彻执行。同时提出以下要求：\n"
    "一、加强组织领导。各地各部门要把数字政府建设摆上重要议事日程，主要负责同志亲自抓。\n"
    "二、强化督促检查。省政府办公厅要加强跟踪督办，定期通报进展情况。\n"
    "某某省人民政府2023年6月1日\n"
)
PLAN_SHENG = (
    "某某省数字政府建设实施方案\n"
    "为加快数字政府建设，制定本方案。\n"
    "一、总体要求\n到2025年，政务服务事项网上可办率达到98%。\n"
    "二、主要任务\n（一）建设一体化政务服务平台。（省政务服务数据管理局牵头）\n"
    "（二）推进数据共享。（省大数据中心牵头）\n"
    "三、保障措施\n（一）加强资金保障。（省财政厅负责）\n"
)

# (text, expected (plan_title, part numerals, cover holds the notice's 一、), why)
CASES = [
    (NOTICE_QU + PLAN_QU, ("2024年重点工作责任分解方案", ["一", "二"], True),
     "区: the notice's 一二三 then signature, date on its own line, the plan's title, 一、: the cover holds them"),
    (NOTICE_SHENG + PLAN_SHENG, ("某某省数字政府建设实施方案", ["一", "二", "三"], True),
     "省: 同时提出以下要求 with 一、二、, signature and date on one line, title, a preamble, then 一、"),
    (NOTICE_QU.replace("某某区人民政府办公室\n2024年1月8日\n", "") + PLAN_QU.split("\n", 1)[1],
     (None, None, False),
     "no signature and no plan title between the notice's items and the plan's 一、: nothing proves the notice ended"),
    ("县人民政府关于做好2024年春耕生产工作的通知\n各乡镇人民政府，县直各部门：\n为做好春耕生产，现就有关事项通知如下：\n"
     "一、加强组织领导。各乡镇要成立春耕生产领导小组，主要负责同志亲自抓。\n"
     "二、强化物资保障。县农业农村局要做好种子化肥调度，确保供应。\n"
     "三、做好技术服务。县农技中心要组织技术人员下乡指导。\n某某县人民政府\n2024年2月20日\n",
     (None, ["一", "二", "三"], False),
     "a notice of its own requirements handing no plan on (no 印发给你们, nothing after the date): its 一二三 are its parts"),
    ("区人民政府办公室关于印发2024年重点工作责任分解方案的通知\n各街道办事处，区人民政府各部门：\n"
     "现将《2024年重点工作责任分解方案》印发给你们，请认真贯彻执行。\n某某区人民政府办公室\n2024年1月8日\n" + PLAN_QU,
     ("2024年重点工作责任分解方案", ["一", "二"], False),
     "an ordinary cover with no items of its own: split as before"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[2][:40] for c in CASES])
def test_notice_own_items(text, expected, why):
    doc, tasks = parse_document(text, "p")
    plan_title, numerals, cover_items = expected
    assert doc.plan_title == plan_title, why
    if numerals is not None:
        assert [n for n, _ in doc.parts] == numerals, why
    assert ("一、" in (doc.cover or "")) == cover_items, why
    if cover_items:
        assert not any("绩效" in t.text or "督办" in t.text for t in tasks), why
