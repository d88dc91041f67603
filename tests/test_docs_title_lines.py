"""Titles set on several short lines, as a notice's head and a plan's title are printed (centred, broken where the
typesetter chose), read whole: the run of short lines with no sentence mark before the 文号, the addressees or the first
body sentence.  Three ways it went wrong (holdout17, 平潭 2015–2017): the title lost its second line (《…水污染防治行动
计划》 without 工作方案, which became a paragraph 引言1), the title lost its first lines (a 文号 line glued to the issuer's
line above the title kept them out: 《规划调整工作分工方案的通知》), and the preamble was swallowed into the plan's title
(…改革创新六项措施为进一步深化…（岚综委〔2017〕58号）…, which hid the basis document).  Forms written here by hand, at
省/市/县/区 level (none is a real page); the expected titles were written before the code (docs4 s17)."""

import pytest

from kb.parser.core import parse_document

COVER = ("各片区管理局，区直各单位：\n现将《{name}》印发给你们，请认真贯彻执行。\n{issuer}\n2017年9月28日\n")
BODY = "一、总体要求\n到2020年，水质达标率达到90%。\n二、主要任务\n（一）取缔小型企业。（区环境局牵头，区经济发展局配合）\n"

# text → (title, plan title, the first task's text opens with) — why
ROWS = [
    ("岚综管综〔2017〕175号\n某某综合实验区管委会\n关于某某综合实验区生态红线\n规划调整工作分工方案的通知\n"
     "各片区项目建设指挥部，区直各单位：\n现将分工方案通知如下：\n一、由区规划局牵头，建立联席会议制度。\n"
     "二、区环境局配合区规划局对水源水库界线进行确认。\n",
     "某某综合实验区管委会关于某某综合实验区生态红线规划调整工作分工方案的通知", None, "各片区项目建设指挥部",
     "区: a 文号 line, then the notice's title over three lines (issuer / 关于… / …的通知) — its first lines were lost"),
    ("岚综管综〔2015〕278号\n某某综合实验区管委会关于\n印发水污染防治行动计划工作方案的通知\n"
     + COVER.format(name="某某综合实验区水污染防治行动计划工作方案", issuer="某某综合实验区管委会")
     + "某某综合实验区水污染防治行动计划\n工作方案\n为加大水污染防治力度，制定本工作方案。\n" + BODY,
     "某某综合实验区管委会关于印发水污染防治行动计划工作方案的通知", "某某综合实验区水污染防治行动计划工作方案", "为加大",
     "区: the plan's title after the cover on two lines, the second a kind alone (工作方案) — it became a paragraph"),
    ("某某市人民政府关于印发\n某某市大气污染防治行动计划实施方案的通知\n"
     + COVER.format(name="某某市大气污染防治行动计划实施方案", issuer="某某市人民政府")
     + "某某市大气污染防治行动计划\n实施方案\n一、总体要求\n到2020年，细颗粒物浓度下降15%。\n",
     "某某市人民政府关于印发某某市大气污染防治行动计划实施方案的通知", "某某市大气污染防治行动计划实施方案", "到2020年",
     "市: the same, no preamble — the part 一、 right after"),
    ("某某县管委会关于印发《2017年某某县深化\n“放管服”改革创新六项措施》的通知\n"
     + COVER.format(name="2017年某某县深化“放管服”改革创新六项措施", issuer="某某县管委会")
     + "2017年某某县深化“放管服”\n改革创新六项措施\n为进一步深化行政审批制度改革，按照《某某县关于县领导牵头推进改革创新重点工作的通知》"
       "（县委〔2017〕58号）的要求，现制定以下六项工作措施。\n一、实施档案电子化，构建行政审批“一张网”\n推进档案电子化工程。\n"
       "牵头单位：县行政审批局\n",
     "某某县管委会关于印发《2017年某某县深化“放管服”改革创新六项措施》的通知", "2017年某某县深化“放管服”改革创新六项措施",
     "为进一步深化",
     "县: a title over two lines ending in 措施 (no 若干), then the preamble naming the basis document — swallowed before"),
    ("某某省人民政府办公厅关于印发某某省\n促进民营经济发展若干措施的通知\n各市人民政府，省政府各部门：\n"
     "现将《某某省促进民营经济发展若干措施》印发给你们，请认真贯彻执行。\n某某省人民政府办公厅\n2023年5月6日\n"
     "某某省促进民营经济发展若干措施\n一、优化营商环境\n（一）压缩开办时间。（省市场监管局牵头）\n",
     "某某省人民政府办公厅关于印发某某省促进民营经济发展若干措施的通知", "某某省促进民营经济发展若干措施", "（一）压缩开办时间",
     "省: control — a notice title on two lines, a one-line plan title (read right before)"),
    ("某某市推进数字经济发展三年行动计划\n（2024—2026年）\n为加快数字经济发展，制定本行动计划。\n" + BODY,
     "某某市推进数字经济发展三年行动计划（2024—2026年）", None, "为加快",
     "市: a title whose years stand on the second line in brackets — no paragraph of their own"),
    ("某某县农村人居环境整治实施意见\n（试行）\n为改善农村人居环境，制定本意见。\n" + BODY,
     "某某县农村人居环境整治实施意见（试行）", None, "为改善", "县: （试行） on the line after the title is its last line"),
    ("某某市重点任务分工清单\n(上接第三版)\n一、总体要求\n到2020年，水质达标率达到90%。\n", "某某市重点任务分工清单", None, None,
     "市: a page's note in brackets after the title (上接第三版) is no part of it"),
    ("某某区2024年城市更新实施方案\n某某区人民政府办公室\n2024年3月1日\n为推进城市更新，制定本方案。\n" + BODY,
     "某某区2024年城市更新实施方案", None, None,
     "区: control — the issuer and the date under the title are no part of it"),
]


@pytest.mark.parametrize("text,title,plan_title,first,why", ROWS, ids=[r[4][:40] for r in ROWS])
def test_title_lines(text, title, plan_title, first, why):
    doc, tasks = parse_document(text, "e_none")
    assert (doc.title, doc.plan_title) == (title, plan_title), why
    if first is not None:  # (None: what follows the title is not this test's business)
        assert tasks[0].text.startswith(first), why


def test_basis_document_stays_in_the_text():
    """The preamble after a two-line title is the plan's opening paragraph (引言), so the basis it names (县委〔2017〕58号)
    stays where questions about the basis find it — not inside the title."""
    doc, tasks = parse_document(ROWS[3][0], "e_none")
    assert "58号" not in (doc.plan_title or "") and "58号" not in doc.title
    assert any("县委〔2017〕58号" in t.text for t in tasks)
