"""Second holdout set (tests/fixtures/questions_holdout2.yaml) through kb.qa.Session, scored.

184 questions nobody tuned kb on, over seven plans (the bundled one, the two shared plans, the
three found plans and a fourth found for this set; 11 rows load several plans at once), 41 of
them out of scope, injections or about something the plan does not hold.  Their answers were
counted by hand from the plan texts and committed on their own (the commits "holdout questions
2: …" and "…, batch 2: …") before kb was run on any of them, so the score measures how kb's
question reading generalises.  Do not tune kb on these rows: a fix should come from a mechanism
and show up here as an XPASS.

A row passes as tests/holdout_set.py says (status, the exact item set, departments and values the
row gives; items matched as this set's matcher does: the one prefix starting a task's text or title names it).

Rows kb fails today are in KNOWN_FAILURES, run as strict xfail: a row that starts passing fails
the test until its id is removed, so the list only shrinks.  An exception raised by kb is never
an expected failure.  The score per plan and per shape, with every failing row:

    .venv/bin/python tests/test_qa_holdout2.py            # add --markdown for a report
"""

from __future__ import annotations

import sys

from holdout_set import HoldoutSet

KNOWN_FAILURES: set[str] = {
    # first measured on main f256d5c; comments describe kb on 23dbaf0
    "nj-set-both-roles",  # 既当牵头又当配合的部委: not_in_plan
    "nj-meta-date",  # 啥时候发的: not_in_plan, the closing date 2018年12月21日 is stated
    "rc-structure-support-systems",  # not_understood: 三大人才开发支撑体系 are the sections of 三
    "ls-count-streets",  # misses item 6 (责任单位:各街道,各相关单位)
    "ls-rank-most-support",  # 责任单位最多: five items instead of the two with three units
    "cd-when-workplan",  # not_in_plan: 2023年1月15日前 stands in the cover notice
    "lsh-lead-hrss",  # 分别牵头: no task for 市人力社保局 as lead
    "sc-implied-prefectures",  # not_in_plan: 市(州)人民政府 implied by 下同
    # batch 2 (8cdf2ec), same main
    "zg-value-staggered-industries",  # right task, but 水泥/砖瓦/陶瓷 not in the answer
    "zg-follow-straw",  # 那秸秆综合利用呢 keeps 秸秆禁烧 (三（五）3) too
    "rc-section-international-label",  # 第二部分第六项行动计划: every item of part 二
    "multi-list-plans",  # not_understood: 你这里都有哪些方案
    "multi-named-lishui",  # several plans: 市经信局 in 丽水 only item 10, misses items 2 (sole) and 4
    # a regression: passed on f256d5c, fails since 709cc04 (qa: topic questions by executors)
}
"""Ids of rows kb does not answer as expected yet (strict xfail; remove an id once it passes)."""

SET = HoldoutSet(2, KNOWN_FAILURES)
test_holdout2_row, test_known_failures_name_rows, test_zz_score = SET.tests()

if __name__ == "__main__":
    SET.main(sys.argv[1:])
