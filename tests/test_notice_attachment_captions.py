"""An attachments list written one attachment a line, each number glued to its caption (附件1：X / 附件2：Y / 附件3：Z, or
附件1.X), after the body — before the signature, at the file's end, or before the annexes' own captions: the plan names
its attachments (附件有哪些 lists the three titles, said to be absent), never three empty annexes (kb answered
"请输入一个关于方案的问题", as if nothing were asked) nor one title glued to the next (附件1 titled X附件2：Y: printed lines
ran the two lines together).  A caption followed by its annex's text still opens that annex.  Rows written before the
code (docs4 s17; docs3 s16 found it)."""

import pytest

from kb.parser import parse_document
from kb.qa import Session
from kb.store import load_plan

BODY = ("某某区开展营商环境提升年活动实施方案\n一、工作目标\n到2016年底，全区营商环境明显改善。\n二、工作任务\n"
        "（一）开展审批提速行动。（区审改办牵头）\n（二）开展服务提质行动。（区效能办牵头）\n三、工作要求\n各单位要高度重视，认真抓好落实。\n")
TITLES = ["营商环境提升年活动任务分解表", "审批提速行动责任表", "服务提质行动责任表"]
SIGNED = "某某区人民政府办公室\n2016年3月1日\n"

# (what follows the body, why)
CASES = [
    ("附件1：营商环境提升年活动任务分解表\n附件2：审批提速行动责任表\n附件3：服务提质行动责任表\n", "区: 附件N： lines at the file's end"),
    ("附件1：营商环境提升年活动任务分解表\n附件2：审批提速行动责任表\n附件3：服务提质行动责任表\n" + SIGNED,
     "区: the same before the signature and date"),
    ("附件1.营商环境提升年活动任务分解表\n附件2.审批提速行动责任表\n附件3.服务提质行动责任表\n", "附件N. lines"),
]


def test_list_then_the_first_annex():
    """The list before the signature, then the first annex under its own caption: the list is the closing's (no annex 附件3
    whose item is the signature — kb listed 附件3-1 某某区人民政府办公室2016年3月1日), the annex 附件1 holds its item."""
    text = (BODY + "附件1：营商环境提升年活动任务分解表\n附件2：审批提速行动责任表\n附件3：服务提质行动责任表\n" + SIGNED
            + "附件1\n营商环境提升年活动任务分解表\n1.压缩审批时限。（区审改办牵头）\n")
    doc, tasks = parse_document(text, "p")
    assert doc.annexes == [("附件1", "营商环境提升年活动任务分解表")]
    assert [t.label for t in tasks if t.part.startswith("附件")] == ["附件1-1"]
    assert all(title in (doc.closing or "") for title in TITLES)


@pytest.mark.parametrize("after, why", CASES, ids=[c[1][:40] for c in CASES])
def test_attachment_caption_lines(tmp_path, after, why):
    text = BODY + after
    doc, tasks = parse_document(text, "p")
    assert not any(t.text.startswith("附件") for t in tasks), why  # (no item of the last part, no annex paragraph)
    assert not any(title == TITLES[0] + "附件2：" + TITLES[1] for _, title in doc.annexes), why
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    a = Session(plan=load_plan(corpus=str(tmp_path)), strict=True).ask("附件有哪些")
    assert "附件 3 个" in a.text, (a.text, why)
    for k, title in enumerate(TITLES, 1):
        assert f"{k}. {title}\n" in a.text + "\n", (a.text, why)


def test_caption_with_its_annex_text_opens_the_annex():
    """附件1：X with the annex's items under it, then 附件2：Y with its own: two annexes as before (no list)."""
    text = (BODY + SIGNED + "附件1：营商环境提升年活动任务分解表\n1.压缩审批时限。（区审改办牵头）\n2.推行网上审批。（区审改办牵头）\n"
            "附件2：审批提速行动责任表\n1.建立责任清单。（区效能办牵头）\n")
    doc, tasks = parse_document(text, "p")
    assert [cite for cite, _ in doc.annexes] == ["附件1", "附件2"]
    assert [t.label for t in tasks if t.part.startswith("附件")] == ["附件1-1", "附件1-2", "附件2-1"]
