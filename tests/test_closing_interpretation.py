"""A closing line saying who interprets the document (``本政策由X负责解释``, ``本方案由X负责解释，自印发之日起施行``) is no
task of X: it was read as X's sole duty (seen in print, 安徽 若干政策) — 省发展改革委负责哪些任务 listed the closing line.
A 负责解释 with nothing after it in its clause (or 对本方案进行解释) is the document's interpretation; explaining a policy to
the public (负责政策解释和宣传, 负责解释医保政策) is work and keeps its role.  Rows written by hand before the code;
levels 省/市/县/区, tagged and untagged plans."""

import pytest

from kb.parser import parse_document

KEYS = ("lead", "support", "sole", "shared", "guide")


def _roles(t) -> dict:
    return {k: getattr(t, k) for k in KEYS if getattr(t, k)}


TAGGED = "某省支持产业发展若干政策\n一、支持企业扩大投资\n对新建项目给予补助。（省发展改革委负责）\n二、支持企业创新\n对研发投入给予奖励。（省科技厅负责）\n"
UNTAGGED = "某市2024年优化营商环境实施方案\n一、重点任务\n1.压缩审批时限。将审批时限压缩至5个工作日。\n2.推进一网通办。实现全程网办。\n"

# (plan, closing line, expected roles of the task holding it, why)
ROWS = [
    (TAGGED, "本政策自印发之日起施行，由省发展改革委负责解释。", {}, "省, tagged plan: 施行，由X负责解释"),
    (UNTAGGED, "本方案由市发展改革委负责解释，自印发之日起施行。", {}, "市, untagged plan: 由X负责解释，施行"),
    (UNTAGGED.replace("某市", "某县"), "本措施由县商务局负责解释。", {}, "县: the line alone"),
    (UNTAGGED.replace("某市", "某区"), "本细则由区教育局负责对本细则进行解释。", {}, "区: 负责对本细则进行解释"),
    (UNTAGGED, "本办法由市住房城乡建设委负责解释工作。", {}, "负责解释工作"),
    # ---- controls: explaining a policy to the public is work
    (UNTAGGED, "3.加强政策宣传。由市人力资源社会保障局负责解释就业政策，做好群众咨询。",
     {"sole": ["市人力资源社会保障局"]}, "解释 with an object: a duty"),
]


@pytest.mark.parametrize(("plan", "line", "expected", "why"), ROWS, ids=[r[3][:24] for r in ROWS])
def test_interpretation_clause_is_no_task(plan, line, expected, why):
    _, tasks = parse_document(plan + line + "\n", "p")
    task = next(t for t in tasks if line[:8] in t.text)
    assert _roles(task) == expected, why
