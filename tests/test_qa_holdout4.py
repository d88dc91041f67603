"""Fourth holdout set (tests/fixtures/questions_holdout4.yaml) through kb.qa.Session, scored.

140 questions nobody tuned kb on: 97 on three LOCAL plans new to the repository (Shanghai district
documents, tests/fixtures/plans/21_songjiang…, 22_huangpu…, 23_baoshan…: labelled tags with a new
support label `支撑单位`; `责任单位` lines on their own line after a heading and a body, with no lead;
untagged prose plus a task table flattened one cell a line, with 牵头部门 / 配合部门 / 时间节点
columns), 4 of them with the three loaded together; 11 on the bundled plan in new wordings; 32 out
of scope, injections, nonsense or about something the plan does not hold.  Their answers were
counted by hand from the plan texts and committed on their own (in /work/coord/holdout4's git
history, commit "holdout questions 4: …") before kb was run on any of them, so the score measures
how kb's plan reading and question reading generalise.  Do not tune kb on these rows: a fix should
come from a mechanism and show up here as an XPASS.

A row passes as tests/holdout_set.py says (status, the exact item set, departments and values the
row gives; items matched as this set's matcher does: ``A|B`` alternatives, and a prefix within the first 40 characters of a task's text).

Rows kb fails today are in KNOWN_FAILURES, run as strict xfail: a row that starts passing fails
the test until its id is removed, so the list only shrinks.  An exception raised by kb is never
an expected failure.  The score per plan and per shape, with every failing row:

    .venv/bin/python tests/test_qa_holdout4.py            # add --markdown for a report
"""

from __future__ import annotations

import sys

from holdout_set import HoldoutSet

KNOWN_FAILURES: set[str] = {
    # measured on main 58bbb85 (2026-12-06 12:50 UTC): 80 of 140 pass; 87 after the lead's two mechanism
    # fixes made from this set's causes (支撑单位 as a support label; a role no task gives is not_in_plan):
    # hp-follow-lead-absent, hp-lead-absent, multi-economy-lead, sj-any-planning, sj-count-economy-lead, sj-traditional-economy, sj-who-old-house-lead pass since, no longer blind
    # bs-lead-civil-affairs, bs-any-market-regulation, bs-any-propaganda, bs-follow-when pass since the tables helper's session-7 rule: a paragraph the table cuts into several rows is no task of the first row's units (each row its own task)
    # bs-when-june passes since session 8 (values): 时间节点为2019年6月 counts every date a task names in that month (DateSpan test node)
    # bs-count-greening-support, bs-lead-organisation-dept pass since session 10 (tables4): a row restating only a part of a paragraph, or only loosely like it (rows 2, 11, 12), is a task of its own — it no longer gives the whole paragraph its units
    # bs-count-greening-all passes since session 9 (tables): a flattened table writing one lead a row reads row 14's and 23's undecided unit paragraphs after the lead as 配合 (noted), so 区绿化市容局 counts 31
    # --- plan reading (kb/parser): baoshan's task table, flattened one cell a line (序号/任务名称/任务内容/牵头部门/配合部门/时间节点), is not read as rows - cells merge into paragraphs with no roles and the plan is reported as having no tags
    "bs-count-source-reduction",
    "bs-section-enforcement",
    "bs-when-mobilisation",
    "bs-who-hotels-colloquial",
    # --- plan reading (kb/parser): songjiang's `支撑单位：` label is unknown - the supporters are read as leads, the first one named `支撑单位：区X`
    "sj-rank-with-support",
    "sj-follow-support-of-task",
    # --- short names not derived from the plan's names: 房管局 (区住房保障房屋管理局), 文旅局 (区文化旅游局), 发改委 (区发展改革委), 财政局 beside another name (区财政局)
    # (session 6: bs-lead-post 邮政局 → 区邮政局, bs-any-culture-short 文旅局 → 区文旅局 pass since the parser reads
    # baoshan's table and short names are read by mechanism — no longer blind)
    # (session 6, reading helper: sj-any-housing-short, sj-support-culture-short, hp-count-ndrc-short,
    # hp-two-depts-invest-finance pass since short names are read by mechanism — the issuer's level left off, usual
    # abbreviations of name pieces in kb/data/shapes.yaml name_pieces, two short names joined by 和 — no longer blind)
    # --- a role or a date no task gives: 共 0 项 with status answered instead of not_in_plan
    # --- question shapes not read (not_understood / not_in_plan to a well-formed question)
    "sj-count-total",
    "sj-meta-date",
    "hp-topic-campus-pv",
    # (session 6, reading helper: sj-item-number-13, out-sj-item-30, out-hp-task-twelve, out-bs-row-45 pass since the
    # plan's own item numbers are read; out-zg-section-seven since a section the part lacks is not_in_plan — no longer blind)
    # (session 6: sj-fenbie-pipes passes since 分别 with a unit is each item's number in it; out-multi-jiading-sponge
    # since a district shaped like the plans' own that they never write (嘉定区 beside 松江区) is another place)
    # --- out of scope answered as if the plan held it
    # --- out of scope, honest in substance but another status (not_understood instead of not_in_plan)
    "out-bs-battery",
}
"""Ids of rows kb does not answer as expected yet (strict xfail; remove an id once it passes)."""

SET = HoldoutSet(4, KNOWN_FAILURES, contains_window=40)
test_holdout4_row, test_known_failures_name_rows, test_zz_score = SET.tests()

if __name__ == "__main__":
    SET.main(sys.argv[1:])
