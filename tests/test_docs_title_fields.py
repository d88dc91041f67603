"""A 政府公报 page or a 法宝 export writes its reference fields before the title (索引号：…, 发文机关：…, 成文日期：…,
发文字号：…, 废止时间：…, often twice): those lines are the page's, not paragraphs of the plan, and do not count in the
window in which the title is looked for — before, with ten of them the title (found only among the first six
paragraphs) was never read, the file's name stood for it and the notice became the plan's 引言1…9.  Rows written
before the code (docs3, session 16)."""

import pytest

from kb.parser import parse_document

FIELDS_TWICE = ("当前位置：首页>政务公开>政府公报\n索引号：000014349/2024-001 主题分类：城乡建设\n发文机关：市政府办公室 成文日期：2024-03-01\n"
                "发文字号：某政办发〔2024〕9号\n废止时间：0000-00-00\n索引号：000014349/2024-001\n主题分类：城乡建设\n"
                "发文机关：市政府办公室\n成文日期：2024-03-01\n发文字号：某政办发〔2024〕9号\n")
PLAN = ("一、总体要求\n到2025年，全市城市更新项目达到100个。\n二、重点任务\n（一）推进老旧小区改造。（市住房城乡建设局牵头）\n"
        "（二）推进城中村改造。（市自然资源和规划局牵头）\n")

# (text, expected title, expected count of tasks with a lead, why)
CASES = [
    (FIELDS_TWICE + "某某市人民政府办公室关于印发某某市城市更新行动方案的通知\n各区人民政府：\n"
     "现将《某某市城市更新行动方案》印发给你们，请认真贯彻执行。\n某某市人民政府办公室\n2024年3月1日\n某某市城市更新行动方案\n" + PLAN,
     "某某市人民政府办公室关于印发某某市城市更新行动方案的通知", 2,
     "ten field lines before the notice's title: the title is read, the notice is the cover"),
    ("【法宝引证码】CLI.12.555\n【发布部门】某某县人民政府\n【发文字号】某政发〔2023〕3号\n【发布日期】2023.02.01\n【实施日期】2023.02.01\n"
     "【时效性】现行有效\n【效力级别】地方规范性文件\n某某县城市更新行动方案\n" + PLAN.replace("市", "县"),
     "某某县城市更新行动方案", 2,
     "a 法宝 export's 【…】 fields, seven lines: the title after them"),
    ("某某市城市更新行动方案\n" + PLAN, "某某市城市更新行动方案", 2, "no fields: as before"),
    ("某某市城市更新工作情况\n一是推进老旧小区改造，完成80个。\n二是推进城中村改造。\n三是加强组织保障。\n四是强化资金保障。\n"
     "五是加强宣传引导。\n六是强化督查考核。\n某某市城市更新行动方案\n" + PLAN,
     "p", 2,
     "six ordinary paragraphs before a title-like line: the window still counts them (nothing new found late)"),
]


@pytest.mark.parametrize("text, title, led, why", CASES, ids=[c[3][:40] for c in CASES])
def test_title_after_reference_lines(text, title, led, why):
    doc, tasks = parse_document(text, "p")
    assert doc.title == title, why
    assert sum(1 for t in tasks if t.lead) == led, why
    assert not any("发文机关" in t.text or "发布部门" in t.text for t in tasks), why
