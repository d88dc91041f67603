"""One plan writes a unit with its level prefix first (市国土房管局) and bare later (国土房管局):
one unit, merged to the prefixed form within that plan (kb/parser/prefixes.py)."""

import pytest

from kb.parser import parse_document
from kb.parser.prefixes import issuer_level, level_merges

# (names one plan writes, issuer level, expected merges, why)
MERGE_CASES = [
    (["市国土房管局", "国土房管局", "市财政局"], "市", {"国土房管局": "市国土房管局"}, "prefix dropped after first mention"),
    (["区住建委", "住建委"], "区", {"住建委": "区住建委"}, "a district plan drops 区"),
    (["县农业农村局", "农业农村局"], "县", {"农业农村局": "县农业农村局"}, "a county plan drops 县"),
    (["市政府", "政府"], "市", {}, "control: 政府 is no one body"),
    (["市人民政府", "人民政府"], "市", {}, "control: 人民政府 is no one body"),
    (["省发展改革委", "市发展改革委", "发展改革委"], "市", {}, "control: 省 and 市 both written, bare ambiguous"),
    (["省发展改革委", "发展改革委"], "市", {}, "control: 省 is not the city plan's level"),
    (["市公安局", "区公安局", "公安局"], "市", {}, "control: 市 and 区 both written, bare ambiguous"),
    (["市国土房管局", "市财政局"], "市", {}, "no bare spelling: nothing to merge"),
    (["市国土房管局", "国土房管局"], None, {}, "no level known: nothing merged"),
]


@pytest.mark.parametrize("names,level,expected,why", MERGE_CASES, ids=[c[-1] for c in MERGE_CASES])
def test_level_merges(names, level, expected, why):
    assert level_merges(names, level) == expected, why


def test_known_different_body_is_not_merged():
    known = {"发改委": "国家发展改革委", "市发改委": "市发展改革委"}.get
    assert level_merges(["市发改委", "发改委"], "市", known) == {}, "bare name is a different known body"


@pytest.mark.parametrize("title,names,level", [
    ("自贡市人民政府关于印发大气污染防治行动计划的通知", [], "市"),
    ("北京市朝阳区关于印发…的通知", [], "区"),
    ("某县任务清单", [], "县"),
    ("标题实施方案", ["区财政局", "区住建委", "市公安局"], "区"),
])
def test_issuer_level(title, names, level):
    assert issuer_level(title, names) == level


PLAN = """某市土地管理实施方案
一、重点任务
（一）用地。
1.盘活存量土地。（市国土房管局牵头，市财政局配合）
2.清理闲置土地。（国土房管局牵头，财政局配合）
3.完善供地政策。（市发展改革委牵头，国土房管局、市公安局、区公安局配合）
4.整治违法用地。（公安局牵头，市政府督办）
"""


def test_whole_plan_merges_within_plan():
    _, tasks = parse_document(PLAN, "p")
    tagged = [t for t in tasks if t.kind == "task"]
    assert [t.lead for t in tagged] == [["市国土房管局"], ["市国土房管局"], ["市发展改革委"], ["公安局"]]
    assert tagged[1].support == ["市财政局"]
    assert tagged[2].support == ["市国土房管局", "市公安局", "区公安局"]
    assert all("国土房管局" not in t.lead + t.support for t in tagged)
