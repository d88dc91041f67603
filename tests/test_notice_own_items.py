"""A cover notice that writes its OWN requirements 一、二、三 before the plan it hands on (现印发给你们，并就有关事项通知如
下：一、… 二、… 三、… / signature and date / the plan's title / 一、…): the notice's items are no parts of the plan, and the
plan's own title is read.  The notice is split off as the cover only when that is proved — a sentence handing the plan
on, then the signature and date, then the plan's own title line, then the plan's parts from 一 again.  A notice with
requirements and no plan after its signature, or with no sentence handing a plan on, stays as it was.

The notice's items stay READABLE: they are paragraphs of the notice (labelled 通知一, 通知二 … by the notice's own
numbers, no task proper), so grep, topic search, when-questions and the fallback answers find them as they
found the same paragraphs when they were the plan's 引言 — the split of session 16 (cec4bff) moved them into the cover
alone, where none of these look, and 蔡甸's 工作方案什么时候报区人民政府办公室 (2023年1月15日前) became a confident
"共 0 项" (review-diff s16 R1; reverted 6851d27).  Rows written before the code (docs3 s16, docs4 s17)."""

import pytest

from kb.cli import main
from kb.parser import parse_document
from kb.qa import Session
from kb.store import load_plan
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plans"

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
    "二、强化督促检查。省政府办公厅要加强跟踪督办，每年12月底前通报进展情况。\n"
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

PLAN_QU_MORE = (
    "三、保障措施\n"
    "（一）加强组织领导。各责任单位要把重点工作摆在突出位置，主要负责同志亲自抓，分管负责同志具体抓，确保各项工作任务按时保质完成。\n"
    "（二）强化督查考核。区人民政府督查室要加强对重点工作推进情况的跟踪督办，定期通报工作进展，对工作推进不力的单位进行约谈。\n"
    "（三）加强宣传引导。各责任单位要加大对重点工作的宣传力度，及时总结推广好经验好做法，营造全社会共同参与的良好氛围。\n"
    "（四）强化要素保障。区财政局要统筹安排重点工作所需资金，区自然资源和规划局要优先保障重点项目用地，确保项目落地见效。\n"
    "（五）严格责任追究。对因工作不力、推诿扯皮造成重点工作任务未能按期完成的单位和个人，依规依纪严肃追究相关责任。\n"
    "（六）加强信息报送。各责任单位要明确一名信息联络员，负责重点工作推进情况的信息报送工作，确保信息报送及时准确完整。\n"
)


def _wrap(text: str, width: int = 26, indent: int = 0) -> str:
    """Paragraphs as a PDF's copied text gives them: each first line ``indent`` characters short, then lines of
    ``width`` characters, cut wherever they fall; short lines (titles, signature, date) as they are."""
    lines = []
    for p in text.split("\n"):
        if len(p) <= width - indent:
            lines.append(p)
            continue
        first = width - indent
        lines.append(p[:first])
        lines.extend(p[i: i + width] for i in range(first, len(p), width))
    return "\n".join(lines)


# (text, expected (plan_title, part numerals, the notice's item labels), why)
CASES = [
    (NOTICE_QU + PLAN_QU, ("2024年重点工作责任分解方案", ["一", "二"], ["通知一", "通知二", "通知三"]),
     "区: the notice's 一二三 then signature, date on its own line, the plan's title, 一、: the notice's items apart"),
    (NOTICE_SHENG + PLAN_SHENG, ("某某省数字政府建设实施方案", ["一", "二", "三"], ["通知一", "通知二"]),
     "省: 同时提出以下要求 with 一、二、, signature and date on one line, title, a preamble, then 一、"),
    ("区人民政府办公室关于印发2024年重点工作\n责任分解方案的通知\n" + _wrap(NOTICE_QU.split("\n", 1)[1] + PLAN_QU + PLAN_QU_MORE),
     ("2024年重点工作责任分解方案", ["一", "二", "三"], ["通知一", "通知二", "通知三"]),
     "区, PDF-like: the title centred on two lines, every paragraph in printed lines of 26 characters"),
    (NOTICE_QU.replace("某某区人民政府办公室\n2024年1月8日\n", "") + PLAN_QU.split("\n", 1)[1],
     (None, None, []),
     "no signature and no plan title between the notice's items and the plan's 一、: nothing proves the notice ended"),
    ("县人民政府关于做好2024年春耕生产工作的通知\n各乡镇人民政府，县直各部门：\n为做好春耕生产，现就有关事项通知如下：\n"
     "一、加强组织领导。各乡镇要成立春耕生产领导小组，主要负责同志亲自抓。\n"
     "二、强化物资保障。县农业农村局要做好种子化肥调度，确保供应。\n"
     "三、做好技术服务。县农技中心要组织技术人员下乡指导。\n某某县人民政府\n2024年2月20日\n",
     (None, ["一", "二", "三"], []),
     "a notice of its own requirements handing no plan on (no 印发给你们, nothing after the date): its 一二三 are its parts"),
    ("区人民政府办公室关于印发2024年重点工作责任分解方案的通知\n各街道办事处，区人民政府各部门：\n"
     "现将《2024年重点工作责任分解方案》印发给你们，请认真贯彻执行。\n某某区人民政府办公室\n2024年1月8日\n" + PLAN_QU,
     ("2024年重点工作责任分解方案", ["一", "二"], []),
     "an ordinary cover with no items of its own: split as before"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[2][:40] for c in CASES])
def test_notice_own_items(text, expected, why):
    doc, tasks = parse_document(text, "p")
    plan_title, numerals, notice_labels = expected
    assert doc.plan_title == plan_title, why
    if numerals is not None:
        assert [n for n, _ in doc.parts] == numerals, why
    notice = [t for t in tasks if t.label.startswith("通知")]
    assert [t.label for t in notice] == notice_labels, why
    # the notice's items: paragraphs of their own, no task proper (a duty its prose states is read as any paragraph's:
    # 省政府办公厅要加强跟踪督办); in the cover as well (its issuer, date, attachments are read there)
    assert all(t.kind == "paragraph" for t in notice), why
    assert all(t.text.split("。")[0][2:12] in (doc.cover or "").replace("\n", "") for t in notice), why


def test_notice_items_keep_their_limits():
    """The notice's dated requirement stays a dated paragraph (2024年2月15日前), cited 通知一."""
    _, tasks = parse_document(NOTICE_QU + PLAN_QU, "p")
    first = next(t for t in tasks if t.label == "通知一")
    assert [d.end for d in first.deadlines] == ["2024-02-15"]


# (text, question, the answer holds, why) — the notice's requirements answered from the notice
ASKS = [
    (NOTICE_QU + PLAN_QU, "工作方案什么时候报区人民政府办公室", ["2024年2月15日前", "通知一"],
     "区: the notice's 一 states the limit — found and cited by the notice's own number"),
    (NOTICE_SHENG + PLAN_SHENG, "什么时候通报进展情况", ["12月底前", "通知二"],
     "省: the notice's 二 states the limit"),
]


@pytest.mark.parametrize("text, question, holds, why", ASKS, ids=[a[3][:30] for a in ASKS])
def test_notice_requirements_answered(tmp_path, text, question, holds, why):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    a = Session(plan=load_plan(corpus=str(tmp_path)), strict=True).ask(question)
    for h in holds:
        assert h in a.text, (a.text, why)
    assert "共 0 项" not in a.text, (a.text, why)


def test_caidian_notice_limit_answered():
    """Fixture 07 蔡甸 2023 (review-diff s16 R1): the notice's 一 asks for each unit's 工作方案 by 2023年1月15日前 —
    answered at the start of session 16 (cited 引言3), a confident 共 0 项 after the first split."""
    plan = load_plan(corpus=str(FIXTURES / "07_caidian_2023_zeren.txt"))
    a = Session(plan=plan, strict=True).ask("工作方案什么时候报区人民政府办公室")
    assert "2023年1月15日前" in a.text and "共 0 项" not in a.text, a.text


def test_notice_lines_grepped(tmp_path, capsys):
    """kb grep finds the notice's dated line (it found nothing once the notice moved into the cover alone)."""
    (tmp_path / "a.txt").write_text(NOTICE_QU + PLAN_QU, encoding="utf-8")
    code = main(["grep", "--corpus", str(tmp_path), "2月15日"])
    out = capsys.readouterr().out
    assert code == 0 and "通知一" in out and "2024年2月15日前" in out, out


COVER_DATED = ("某某市人民政府办公厅关于印发某某市城市更新行动方案的通知\n各区人民政府，市政府各委、办、局：\n"
               "现将《某某市城市更新行动方案》印发给你们，请认真贯彻执行。各区要在2018年9月30日前将本区实施细则报市住房城乡建设委备案。\n"
               "某某市人民政府办公厅\n2018年6月1日\n某某市城市更新行动方案\n一、总体要求\n到2020年，完成老旧小区改造100个。\n"
               "二、重点任务\n（一）推进老旧小区改造。（市住房城乡建设委牵头，各区政府负责）\n（二）推进棚户区改造。（市住房城乡建设委牵头）\n")


def test_cover_sentence_with_a_limit_stays_readable(tmp_path, capsys):
    """An ordinary cover (no 一、二、三 of its own) whose sentence sets a limit (各区要在2018年9月30日前将本区实施细则报…备案):
    the sentence is a paragraph of the notice (通知), found by grep and when-questions; the sentence handing the plan on,
    the addressees and the signature are not."""
    doc, tasks = parse_document(COVER_DATED, "p")
    notice = [t for t in tasks if t.label.startswith("通知")]
    assert [(t.label, t.text) for t in notice] == [("通知", "各区要在2018年9月30日前将本区实施细则报市住房城乡建设委备案。")]
    assert notice[0].kind == "paragraph" and doc.plan_title == "某某市城市更新行动方案"
    (tmp_path / "a.txt").write_text(COVER_DATED, encoding="utf-8")
    assert main(["grep", "--corpus", str(tmp_path), "9月30日"]) == 0
    assert "通知" in capsys.readouterr().out


def test_cover_without_a_limit_adds_nothing():
    """A cover whose sentences set no limit (请认真贯彻执行, 实施中遇到的问题请径向省发展改革委反映) adds no paragraph."""
    text = COVER_DATED.replace("各区要在2018年9月30日前将本区实施细则报市住房城乡建设委备案。", "实施中遇到的问题，请径向市住房城乡建设委反映。")
    _, tasks = parse_document(text, "p")
    assert not any(t.label.startswith("通知") for t in tasks)
