"""Who issued a plan, read from the file's own reference lines and signature (docs3, session 16; rows written before the
code):

* a reference field naming the issuing body — a 法宝 export's ``【发布部门】X``, a page's ``发布部门：X`` / ``发文机关：X``
  / ``制定机关：X`` (kb/data/documents.yaml ``issuer_fields``) — is the issuer as the file states it, whole;
* a signature whose name the notice's title opens with (X关于印发… / X2022年3月23日) names ONE body X, even when X holds
  characters a body's name pattern does not (安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室): before, the
  name was cut at its quotes and at 领导小组 into two false bodies;
* a joint signature (two bodies one after another) is still read as two bodies; a plan naming none still says so."""

import pytest

from kb.qa import Session
from kb.store import load_plan

PLAN_BODY = ("一、总体要求\n到2025年，全省外贸进出口总额达到1000亿元。\n二、重点任务\n"
             "（一）扩大对外贸易。支持企业开拓国际市场。（省商务厅牵头）\n（二）优化营商环境。（省市场监管局负责）\n")

# (file text, words the answer holds, words it must not hold, why)
CASES = [
    ("【法宝引证码】CLI.12.123456\n【发布部门】某某省人民政府办公厅\n【发文字号】某政办〔2023〕5号\n【发布日期】2023.05.10\n"
     "某某省外贸稳规模优结构实施方案\n" + PLAN_BODY,
     ["某某省人民政府办公厅"], ["发文字号", "法宝"],
     "法宝 export: the 【发布部门】 field names the issuer whole (nothing else in the file names it)"),
    ("索引号：000014349/2023-001\n发布机构：某某市商务局\n发文日期：2023-05-10\n"
     "某某市外贸稳规模优结构实施方案\n" + PLAN_BODY.replace("省", "市"),
     ["某某市商务局"], ["发文日期"],
     "a page's 发布机构： field before the title"),
    ("某某县外贸稳规模优结构实施方案\n制定机关：某某县人民政府办公室\n" + PLAN_BODY.replace("省", "县"),
     ["某某县人民政府办公室"], [],
     "制定机关： right under the title (page metadata)"),
    ("某某省推进“三地一区”建设领导小组改革开放新高地执行小组办公室关于印发某某省对接经贸新规则实施意见的通知\n省有关单位：\n"
     "《某某省对接经贸新规则实施意见》现印发给你们，请认真贯彻执行。\n"
     "某某省推进“三地一区”建设领导小组改革开放新高地执行小组办公室\n2022年3月23日\n某某省对接经贸新规则实施意见\n" + PLAN_BODY,
     ["共 1 个：某某省推进“三地一区”建设领导小组改革开放新高地执行小组办公室"], ["共 2 个", "：建设领导小组"],
     "the notice's title opens with the name that signs it: one body, quotes and all"),
    ("某某市发展和改革委员会某某市财政局关于印发某某市价格监测实施方案的通知\n各区发展改革委、财政局：\n"
     "现将《某某市价格监测实施方案》印发给你们，请认真贯彻执行。\n某某市发展和改革委员会某某市财政局\n2023年6月15日\n"
     "某某市价格监测实施方案\n" + PLAN_BODY.replace("省", "市"),
     ["共 2 个：某某市发展和改革委员会、某某市财政局"], ["共 1 个"],
     "a joint signature written without separators: still two bodies (each name whole)"),
    ("某某省外贸稳规模优结构实施方案\n" + PLAN_BODY,
     ["没有写明印发单位"], ["省商务厅"],
     "no field, no notice, no signature: not stated (never a department given tasks)"),
]


@pytest.mark.parametrize("text, has, hasnt, why", CASES, ids=[c[3][:40] for c in CASES])
def test_issuer_read(tmp_path, text, has, hasnt, why):
    (tmp_path / "plan.txt").write_text(text, encoding="utf-8")
    a = Session(plan=load_plan(corpus=str(tmp_path)), strict=True).ask("这个方案是哪个单位印发的")
    assert a.intent == "issuers", (a.text, why)
    for w in has:
        assert w in a.text, (a.text, why)
    for w in hasnt:
        assert w not in a.text, (a.text, why)
