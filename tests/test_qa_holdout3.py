"""Third holdout set (tests/fixtures/questions_holdout3.yaml) through kb.qa.Session, scored.

154 questions nobody tuned kb on: 100 on three State Council documents new to the repository
(tests/fixtures/plans/11_tiyu…, 12_zongbao…, 13_zimaoqu…: bare lists with no lead rule and
mid-paragraph tags; a first-is-lead rule after a comma; labelled `负责部门：…；适用范围：…` tags),
4 of them with the three loaded together; 22 on the bundled plan and the two shared plans in new
wordings; 32 out of scope, injections or about something the plan does not hold.  Their answers
were counted by hand from the plan texts and committed on their own (in /work/coord/holdout3's
git history, commit "holdout questions 3: …") before kb was run on any of them, so the score
measures how kb's question reading generalises.  Do not tune kb on these rows: a fix should
come from a mechanism and show up here as an XPASS.

A row passes as tests/holdout_set.py says (status, the exact item set, departments and values the
row gives; items matched as this set's matcher does: the one prefix starting a task's text or title names it).

Rows kb fails today are in KNOWN_FAILURES, run as strict xfail: a row that starts passing fails
the test until its id is removed, so the list only shrinks.  An exception raised by kb is never
an expected failure.  The score per plan and per shape, with every failing row:

    .venv/bin/python tests/test_qa_holdout3.py            # add --markdown for a report
"""

from __future__ import annotations

import sys

from holdout_set import HoldoutSet

KNOWN_FAILURES: set[str] = {
    # measured on main 7fb181e (2026-12-06), 118 / 154; on main 9c25414 119 / 154 (out-zb-hainan passes;
    # ty-part-five-tasks now lists the closing exhortation, no longer the signature); the parser reads all three new plans right (21 / 21 / 53
    # tasks, zongbao's comma rule, ziyou's 适用范围 fields, tiyu's mid-paragraph tags): these are qa
    # --- a role or a date no task of the plan gives: honest text (共 0 项), status answered, not not_in_plan
    # (session 6: zb-deadline-absent, out-zb-year-2020 pass since a plan whose tasks set no date says so, not_in_plan)
    # (ty-lead-absent, zm-lead-absent pass since the lead's roles_given fix, made from this list of causes)
    # --- the 适用范围 field (Task.fields) is not searched: a fluent "no such item"
    # (session 6, reading helper: zm-scope-fujian, zm-scope-shaanxi, zm-scope-zhejiang, zm-follow-caac-shaanxi pass
    # since field values are read as such — kb/qa/query.py read_field — no longer blind)
    # --- plan-level item numbers and other nouns for items (条, 措施)
    # (session 6: zb-item-number-ten, zm-item-22, out-zm-item-60, zm-rank-most-departments pass since the plan's own
    # item numbers and 条/措施 as task nouns are read; zb-section-three-tasks, out-zb-section-eight, nj-count-talent-part
    # since sections by number after a part's name and fillers 这部分 are — no longer blind)
    # --- parts and sections named loosely
    # (session 11: ty-part-five-tasks passes since a list of a part leaves out, as its count does, the closing
    # paragraph with no number — tests/test_count_equals_list.py)
    # (session 6: ty-count-part-three passes since one head of a two-head part title names the part when an area
    # is marked (那部分); zg-when-china6 since 从什么时候开始 is a when-word and 标准 inside the topic names it)
    # --- role, department and plan reading
    # (session 6: ty-ask-back-zongju passes since 总局, ending several names, is asked back — no longer blind)
    # --- topics, values and dates
    "zm-who-parallel-import",  # 汽车平行进口的事归谁管: only （二十五）; （十九）'s title holds it too
    "zm-value-patent-shareholders",  # 最多占多少 (五分之一): not_understood, the right item only under 相关条目
    "zg-who-tomb-sweeping",  # 清明上坟烧纸: not_in_plan (everyday words for 文明祭祀 / 丧葬制品)
    # --- follow-ups
    "zg-follow-straw-support",  # 配合的是谁 after 秸秆综合利用谁牵头: keeps 三（五）3 (秸秆禁烧)
    "nj-follow-samr-support",  # 配合单位有哪些 after 市场监管总局牵头哪项: a plan-wide ranking of supporters, no task
    # --- out of scope answered as if the plan held it (partial words)
    # (session 6, reading helper: out-ty-qatar, out-zg-current-pm25, out-rc-beijing, out-zb-how-many,
    # multi-named-zongbao-drug, multi-list-loaded pass since a name the plan never writes beside a shared word, a
    # present-day value, a place owning the topic in a local plan, a plan named by 意见 and "which files" are read —
    # no longer blind)
    "out-zb-yangshan",  # 洋山特殊综合保税区: answered 21 推广创新制度
    "out-zg-carbon-neutral",  # 碳中和: answered with the CO2 intensity target (二)
    # --- out of scope, honest but another status
}
"""Ids of rows kb does not answer as expected yet (strict xfail; remove an id once it passes)."""

SET = HoldoutSet(3, KNOWN_FAILURES)
test_holdout3_row, test_known_failures_name_rows, test_zz_score = SET.tests()

if __name__ == "__main__":
    SET.main(sys.argv[1:])
