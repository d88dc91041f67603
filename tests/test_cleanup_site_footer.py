"""A web page's site footer is debris (kb.parser.cleanup.remove_site_footers; notes-review-diff R3).

A page copied with its footer (``主办单位：XX市人民政府办公室 承办：… 网站标识码：…``) left it after the plan's last item:
read as a label block, the site's owner became the last task's lead (ai-zhengce-tong b3 大病保险: lead
广州市人民政府办公厅), and a footer line glued to the text after it carried the article's time limits into that task.
A footer is known by its make-up, not by one site's words: a line holding no sentence with a site identifier
(网站标识码, an ICP 备案 number, a 公网安备 number) or three of a site's fields together (主办, 承办, 技术支持, 版权所有,
联系我们 …), and the short field lines standing with it.  A plan's own 主办单位/承办单位 label block (an event plan) and a
sentence about ICP 备案 stay.

The plans are written by hand for this test (县, 市, 区; one-line and one-field-a-line footers); the expectations were
written before the code.
"""

import pytest

from kb.parser import parse_document
from kb.parser.cleanup import clean_paragraphs

BODY = """某{level}优化营商环境工作方案
一、重点任务
1.深化商事制度改革。推行企业开办全程网办。
责任单位：{level}市场监管局
2.加强督查考核。定期通报工作进展。
责任单位：{level}政府督查室
"""

# (level, what follows the plan, the lines that must be gone, the lines that must stay, why)
FOOTER_ROWS = [
    ("县", "主办单位：某县人民政府办公室 承办：某县融媒体中心 网站标识码：3412000001",
     ["网站标识码"], [], "one line: two site fields and the site identifier"),
    ("市", "版权所有：某市人民政府\n主办单位：某市人民政府办公室\n技术支持：某某网络科技有限公司\n网站标识码：1301000001\n"
     "冀ICP备05012345号\n冀公网安备 13010202000123号",
     ["版权所有", "主办单位", "技术支持", "网站标识码", "ICP备", "公网安备"], [],
     "one field a line: the identifier lines and the field lines standing with them"),
    ("区", "主办：某区人民政府  承办：某区政务服务和数据管理局  ICP备案号：浙ICP备12345678号-1",
     ["ICP备案号", "主办："], [], "an ICP 备案 number with no 网站标识码"),
    ("市", "主办单位：某市人民政府办公室  承办单位：某市大数据中心  技术支持：某某信息技术有限公司",
     ["技术支持"], [], "no identifier, but three of a site's fields on one line"),
    ("县", "\n版权所有 © 2024 某县人民政府\n\n网站标识码：3412000001  皖ICP备12345678号\n联系电话：0551-12345678",
     ["版权所有", "网站标识码", "联系电话"], [], "blank lines between the footer's lines"),
]


@pytest.mark.parametrize("level, footer, gone, stay, why", FOOTER_ROWS, ids=[r[4][:30] for r in FOOTER_ROWS])
def test_footer_dropped(level, footer, gone, stay, why):
    text = BODY.format(level=level) + footer + "\n"
    paragraphs = clean_paragraphs(text)
    for word in gone:
        assert not any(word in p for p in paragraphs), (why, word, paragraphs)
    doc, tasks = parse_document(text, "f")
    last = next(t for t in tasks if t.text.startswith("2.加强督查考核"))
    assert last.sole == [f"{level}政府督查室"] and not last.lead and not last.support, (why, last.lead, last.sole)
    assert not any("办公室" in n for t in tasks for n in t.lead + t.sole + t.support + t.shared), why


# (text, words that must stay in the paragraphs, why) — a plan's own lines, no footer
KEEP_ROWS = [
    ("某县2024年全民阅读活动方案\n一、活动安排\n1.举办读书分享会。\n主办单位：县委宣传部\n承办单位：县文化馆\n协办单位：各乡镇人民政府\n",
     ["主办单位：县委宣传部", "承办单位：县文化馆"], "an event plan's own label block: two site-like fields, no identifier"),
    ("某市网络安全工作方案\n一、重点任务\n1.规范网站管理。督促全市政府网站完成ICP备案和公安联网备案，主办单位要落实网站安全责任。\n"
     "责任单位：市委网信办\n", ["ICP备案和公安联网备案"], "a sentence about ICP 备案 is the plan's text"),
    ("某区数字政府建设方案\n一、重点任务\n（三）强化技术支持。由区大数据中心提供技术支持，主办单位负责内容保障。\n",
     ["强化技术支持"], "a heading and a sentence naming 技术支持 and 主办单位"),
    ("某市会展业发展方案\n一、重点任务\n1.办好品牌展会。\n主办单位：市商务局；承办单位：市会展中心\n",
     ["主办单位：市商务局"], "two fields of an event on one line, no identifier: the task's label block"),
]


@pytest.mark.parametrize("text, stay, why", KEEP_ROWS, ids=[r[2][:30] for r in KEEP_ROWS])
def test_plan_lines_kept(text, stay, why):
    joined = "\n".join(clean_paragraphs(text))
    for word in stay:
        assert word in joined, (why, word, joined)


def test_event_label_block_still_read():
    """Control: the event plan's 主办单位 label block still names the item's lead."""
    doc, tasks = parse_document(KEEP_ROWS[0][0], "e")
    task = next(t for t in tasks if t.text.startswith("1.举办读书分享会"))
    assert "县委宣传部" in task.lead, (task.lead, task.sole)
