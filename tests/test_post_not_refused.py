"""A person asked by a post (办公室主任是谁) is refused as outside the plans (shapes.yaml ``person``) only when no sentence
of the plan fills that post: where the plan writes 张三同志兼任办公室主任 the sentence answers (read_post), never "方案不涉及
具体人员" (routed from holdout15 to lookup2, cause 8).  Mechanism: kb.qa.query._post_stated — the post (the asked phrase
less 是谁) and a verb filling it (shapes.yaml post_verbs) in one sentence.  Plans written for these tests."""

from __future__ import annotations

import pytest

from kb.cli import main

FILLED = "\n".join([
    "某省数字经济发展行动方案", "", "一、主要任务", "", "（一）强化组织领导", "",
    "1.成立数字经济发展专项工作组，专项工作组办公室设在省经济和信息化厅，张三同志兼任办公室主任。", "",
    "2.推进数据中心建设。（牵头单位：省发展改革委）", ""]) + "\n"
NAMED_ONLY = "\n".join([
    "某市数据治理方案", "", "一、主要任务", "", "（一）强化组织领导", "",
    "1.办公室主任要定期调度工作进展。", "",
    "2.推进数据中心建设。（牵头单位：市发展改革委）", ""]) + "\n"
REFUSAL = "方案不涉及具体人员"

#: (plan, question, words the answer holds, words it must not hold, why)
ROWS = [
    (FILLED, "办公室主任是谁", ["张三同志兼任办公室主任"], [REFUSAL], "the plan fills the post: its sentence"),
    (FILLED, "专项工作组办公室设在哪个单位？办公室主任是谁？", ["省经济和信息化厅", "张三同志兼任办公室主任"], [REFUSAL],
     "the sentence answering both asks"),
    (FILLED, "局长是谁", [REFUSAL], [], "no sentence fills 局长: refused (control)"),
    (FILLED, "数据中心建设的负责人是谁", [REFUSAL], [], "no sentence fills 负责人 (control)"),
    (NAMED_ONLY, "办公室主任是谁", [REFUSAL], ["调度"], "the post named, filled by no sentence: refused as before"),
]


@pytest.mark.parametrize(("text", "question", "held", "absent", "why"), ROWS, ids=[r[1] for r in ROWS])
def test_post_filled_by_the_plan_is_answered(tmp_path, capsys, text, question, held, absent, why):
    (tmp_path / "plan.txt").write_text(text, encoding="utf-8")
    assert main(["--corpus", str(tmp_path), "ask", question]) == 0
    out, _ = capsys.readouterr()
    for word in held:
        assert word in out, (why, word, out)
    for word in absent:
        assert word not in out, (why, word, out)
