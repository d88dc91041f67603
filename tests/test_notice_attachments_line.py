"""An attachments list written on ONE line at the end of the body (附件：1.X；2.Y；3.Z / 附件：1.X 2.Y 3.Z), the annexes'
contents absent from the file: the plan names its annexes — 附件有哪些 lists each title, said to be absent — never "正文
之后没有附件" (the list was a paragraph of the last part) nor one glued title.  Rows written before the code (docs3 s16,
routed: the lead's untuned 平潭 check)."""

import pytest

from kb.parser import parse_document
from kb.qa import Session
from kb.store import load_plan

BODY = ("某某区开展营商环境提升年活动实施方案\n一、工作目标\n到2016年底，全区营商环境明显改善。\n二、工作任务\n"
        "（一）开展审批提速行动。（区审改办牵头）\n（二）开展服务提质行动。（区效能办牵头）\n三、工作要求\n各单位要高度重视，认真抓好落实。\n")
TITLES = ["营商环境提升年活动任务分解表", "审批提速行动责任表", "服务提质行动责任表"]

# (the list line(s), why)
CASES = [
    ("附件：1.营商环境提升年活动任务分解表；2.审批提速行动责任表；3.服务提质行动责任表", "items apart by ；"),
    ("附件：1.营商环境提升年活动任务分解表 2.审批提速行动责任表 3.服务提质行动责任表", "items apart by spaces"),
    ("附件：1.营商环境提升年活动任务分解表2.审批提速行动责任表3.服务提质行动责任表", "items run together"),
    ("附件：1、营商环境提升年活动任务分解表；2、审批提速行动责任表；3、服务提质行动责任表。", "1、 numbering, a full stop at the end"),
    ("附件：1.营商环境提升年活动任务分解表\n2.审批提速行动责任表\n3.服务提质行动责任表", "one a line (as before)"),
]

# Titles opening with a year (the lead's untuned 平潭 check at the final head: 附件：1.2016年重点项目…计划表 / 2.2016年… one a
# line — the lines joined as a wrapped sentence, and 2.2016 was no number: "列出附件 1 个", the five titles glued).
YEAR_TITLES = ["2016年重点项目开竣工计划表", "2016年重点项目投资任务表", "2016年重点项目征迁任务计划表"]
YEAR_CASES = [
    ("附件：1.2016年重点项目开竣工计划表\n2.2016年重点项目投资任务表\n3.2016年重点项目征迁任务计划表", "one a line"),
    ("附件：1.2016年重点项目开竣工计划表2.2016年重点项目投资任务表3.2016年重点项目征迁任务计划表", "run together"),
]


def test_attachment_lines_run_on_after_a_title_without_a_year(tmp_path):
    """附件：1.2016年…/2.2016年…/3.2016年…/4.“…”…表/5.2016年…, one a line (the lead's 平潭 check after 346b2d3): cleanup
    ran 1–3 together and 4–5 together (2.2016 and 5.2016 read as figures going on the line before); the 4–5 line was
    over the listed line's length, became a task of the last part, and kb listed 3 attachments of 5."""
    lines = ("附件：1.2016年重点项目开竣工计划表\n2.2016年重点项目投资任务表\n3.2016年重点项目征迁任务计划表\n"
             "4.“百日攻坚战役”招商引资任务未完成任务分解表、“8.18”签约项目期间落地任务分解表\n5.2016年重点项目前期项目任务表")
    text = BODY + lines + "\n"
    _, tasks = parse_document(text, "p")
    assert not any("附件" in t.text or "分解表" in t.text for t in tasks)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    a = Session(plan=load_plan(corpus=str(tmp_path)), strict=True).ask("附件有哪些")
    assert "附件 5 个" in a.text, a.text
    assert "4. “百日攻坚战役”招商引资任务未完成任务分解表、“8.18”签约项目期间落地任务分解表\n" in a.text, a.text
    assert "5. 2016年重点项目前期项目任务表" in a.text, a.text


@pytest.mark.parametrize("lines, why", YEAR_CASES, ids=[c[1] for c in YEAR_CASES])
def test_attachment_titles_opening_with_a_year(tmp_path, lines, why):
    (tmp_path / "a.txt").write_text(BODY + lines + "\n", encoding="utf-8")
    a = Session(plan=load_plan(corpus=str(tmp_path)), strict=True).ask("附件有哪些")
    assert "附件 3 个" in a.text, (a.text, why)
    for k, title in enumerate(YEAR_TITLES, 1):
        assert f"{k}. {title}\n" in a.text + "\n", (a.text, why)


@pytest.mark.parametrize("lines, why", CASES, ids=[c[1][:40] for c in CASES])
def test_one_line_attachments(tmp_path, lines, why):
    text = BODY + lines + "\n"
    doc, tasks = parse_document(text, "p")
    assert not any("附件" in t.text for t in tasks), why  # (no item of the last part)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    a = Session(plan=load_plan(corpus=str(tmp_path)), strict=True).ask("附件有哪些")
    assert "附件 3 个" in a.text, (a.text, why)
    for k, title in enumerate(TITLES, 1):
        assert f"{k}. {title}\n" in a.text + "\n", (a.text, why)
