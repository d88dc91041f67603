"""Fifth holdout set (tests/fixtures/questions_holdout5.yaml) through kb.qa.Session, scored.

185 questions nobody tuned kb on: 147 in scope on three 上海 plans new to the project when the set was
written (31_shanghai_gongyuan_tizhi_2026: bare `（责任单位：…）` lists and no lead; 32_fengxian_…_2021:
`(牵头单位：X;配合单位：Y)` and a 工作职责 list; 26_putuo_haimian_2025: responsibility only by body in
职责分工), 14 of them with the three loaded together, 30 on the bundled plan in new wordings; 38 out of
scope, injections, nonsense or about something the plan does not hold.  Written by a helper who saw
no code change of the session and committed in /work/coord/holdout5's own git history (764e2c8,
13:40-15:00 UTC on 2026-12-06) before kb was run on any row; scored once, at the end of the session,
on main a68095e: 154 / 185.

Blindness, honestly: the parser helper of the same session found the 普陀 and 奉贤 plans on its own
and added them as fixtures 26 and 27 with hand-written gold (dialect G, duty sections, was built on
them) before the score; another helper diffed the deadlines kb read on the three plans while
checking its own changes (it read no expected answer).  So on 奉贤 and 普陀 the plan reading is not
blind, the questions are; 上海公园提质增效 (gongyuan), the bundled plan's rows and the out-of-scope
rows are blind.

A row passes as tests/holdout_set.py says (holdout4's item matcher: ``A|B`` alternatives and a
prefix within the first 40 characters of a task's text).  Rows kb fails are in KNOWN_FAILURES, run
as strict xfail: a row that starts passing fails the test until its id is removed.  Score per plan
and per shape, with every failing row:

    .venv/bin/python tests/test_qa_holdout5.py            # add --markdown for a report
"""

from __future__ import annotations

import sys

from holdout_set import HoldoutSet

KNOWN_FAILURES: set[str] = {
    # measured on main a68095e (2026-12-06 15:40 UTC): 154 / 185; kb's answer after each id
    "gy-who-dogs-colloquial",  # 带狗进公园的事归哪些单位管: kb not_in_plan [] departments [] (status not_in_plan)
    "gy-value-total-parks",  # 到2028年底全市公园总数要达到多少座: kb answered ['?改善生态景观质量'] (no '1400座' in the text)
    "gy-value-pilot-parks",  # 公园房屋资源盘活先在几座市属公园试点: kb not_in_plan [] (status not_in_plan; no '6座' in the text)
    "pt-fenbie-targets",  # 2025年底和2030年底的达标面积比例分别是多少: kb not_in_plan [] (status not_in_plan; no '40%' in the text; no '80%' in the text)
    "pt-meta-meeting",  # 这个方案是哪次会议审议通过的: kb not_in_plan [] (status not_in_plan; no '第75次常务会' in the text)
    "pt-value-system-plan",  # 系统方案要覆盖哪一年的达标区域: kb not_in_plan [] (status not_in_plan; no '2030' in the text)
    "zg-who-straw-colloquial",  # 地里烧秸秆的事归哪个部门: kb not_in_plan [] departments [] (status not_in_plan)
    "out-gy-guarantees",  # 这个方案的保障措施有哪些: kb ask_back [] (status ask_back)
}
"""Ids of rows kb does not answer as expected yet (strict xfail; remove an id once it passes)."""

SET = HoldoutSet(5, KNOWN_FAILURES, contains_window=40)
test_holdout5_row, test_known_failures_name_rows, test_zz_score = SET.tests()

if __name__ == "__main__":
    SET.main(sys.argv[1:])
