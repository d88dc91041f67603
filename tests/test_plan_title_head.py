"""The plan's title where a web page's lines come before it: a title whose first lines cleanup ran into the page's lines
(【字体：大 中 小】…周口市人民政府办公室 / 关于印发周口市促进民营经济 / 高质量发展若干措施的通知) is read whole, the page's lines
left in the preface — not its last line alone (高质量发展若干措施的通知 was the plan's title).  The texts are written here
in the shapes of real government pages (none is a real page); the expected titles were written before the code."""

import pytest

from kb.parser.core import parse_document

# text → (title, plan title) — why
ROWS = [
    ("信息来源：市发展改革委  发布日期：2022年03月04日  浏览次数：1024\n【字体：大 中 小】【打印本页】【关闭窗口】\n"
     "周口市人民政府办公室\n关于印发周口市促进民营经济\n高质量发展若干措施的通知\n周政办〔2022〕5号\n"
     "各县（市、区）人民政府，市人民政府各部门：\n现将《周口市促进民营经济高质量发展若干措施》印发给你们，请认真贯彻执行。\n"
     "周口市人民政府办公室\n2022年3月1日\n周口市促进民营经济高质量发展若干措施\n一、优化营商环境\n（一）压缩开办时间。（市市场监管局牵头）\n",
     "周口市人民政府办公室关于印发周口市促进民营经济高质量发展若干措施的通知", "周口市促进民营经济高质量发展若干措施",
     "a notice title on three lines after a page's button row: its first lines were run into the page's lines"),
    ("【发布单位】南阳市人民政府\n【发布文号】宛政〔2020〕12号\n【发布日期】2020-04-20\n南阳市人民政府关于印发南阳市\n加快5G产业发展\n"
     "实施方案的通知\n各县区人民政府：\n现将《南阳市加快5G产业发展实施方案》印发给你们，请认真贯彻执行。\n南阳市人民政府\n2020年4月20日\n"
     "南阳市加快5G产业发展实施方案\n一、重点任务\n（一）建设基站。（市工信局牵头）\n",
     "南阳市人民政府关于印发南阳市加快5G产业发展实施方案的通知", "南阳市加快5G产业发展实施方案",
     "【field】 lines then a title on three lines (a date field before it, digits not part of the title)"),
    ("来源：漯河市人民政府\n发布时间：2023-05-06 09:12\n浏览次数：888\n字号：大 中 小\n漯河市关于加快推进新型城镇化的实施方案\n"
     "为推进新型城镇化，制定本方案。\n一、重点任务\n（一）推进户籍制度改革。（市公安局牵头）\n",
     "漯河市关于加快推进新型城镇化的实施方案", None,
     "control: page fields on lines of their own, a one-line title — nothing of 大 中 小 joins it"),
    ("漯河市推进城乡供水一体化\n高质量发展实施方案\n为推进供水，制定本方案。\n一、重点任务\n（一）建设水厂。（市水利局牵头）\n",
     "漯河市推进城乡供水一体化高质量发展实施方案", None, "control: a title on two lines, no page lines"),
    ("首页 > 政务公开 > 政策文件\n发布时间：2021-07-01  来源：信阳市人民政府办公室  访问量：320\n信阳市2021年优化营商环境\n攻坚行动方案\n"
     "一、工作目标\n2021年底前完成。\n二、重点任务\n（一）优化审批。（市政务服务局牵头）\n",
     "信阳市2021年优化营商环境攻坚行动方案", None, "control: a breadcrumb and fields, a title on two lines"),
    ("各县区人民政府，市直各单位：\n现就做好2023年春季农业生产工作通知如下。\n一、抓好粮食生产\n（一）稳定播种面积。（市农业农村局牵头）\n",
     "e_none", None, "no title: the file's name stands for it (listed as such, kb.qa.executors.shown_name)"),
]


@pytest.mark.parametrize("text,title,plan_title,why", ROWS, ids=[r[3][:40] for r in ROWS])
def test_title_after_page_lines(text, title, plan_title, why):
    doc, _ = parse_document(text, "e_none")
    assert (doc.title, doc.plan_title) == (title, plan_title), why
