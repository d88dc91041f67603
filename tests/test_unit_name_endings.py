"""A 责任单位 list of parks, factories, schools or farms only is a unit list (roles.yaml department_suffixes: the make-up
of names, never a list of places).

``责任单位：XX物流园、XX水厂`` read no unit — no name ended like one — so the tag stayed text and the task had no unit;
``XX大学`` was warned about as a broken name.  Names ending in 管委会, 公司, 集团, 委员会, 中心, 站, 所, 队 were units
already (rows kept here so they stay so).  Rows: tag → its roles → why."""

import pytest

from kb.parser import parse_document
from kb.parser.roles import load_vocabulary, parse_tag_content
from kb.registry import EMPTY

ROWS = [
    ("责任单位：高新区管委会、各工业园区管委会", {"sole": ["高新区管委会", "各工业园区管委会"]}, "park committees (as before)"),
    ("责任单位：国网XX供电公司", {"sole": ["国网XX供电公司"]}, "a company (as before)"),
    ("责任单位：市燃气集团、市城投公司", {"sole": ["市燃气集团", "市城投公司"]}, "a group and a company (as before)"),
    ("责任单位：市职业技能鉴定所、市就业服务站、市消防救援支队", {"sole": ["市职业技能鉴定所", "市就业服务站", "市消防救援支队"]},
     "所, 站, 队 (as before)"),
    ("责任单位：XX高新技术产业开发区管理委员会", {"sole": ["XX高新技术产业开发区管理委员会"]}, "委员会 (as before)"),
    ("责任单位：XX物流园、XX水厂", {"sole": ["XX物流园", "XX水厂"]}, "a park without 区 and a factory: no unit before"),
    ("责任单位：XX工业园", {"sole": ["XX工业园"]}, "one park alone: the tag stayed text"),
    ("责任单位：XX机场、国有林场", {"sole": ["XX机场", "国有林场"]}, "an airport and a forest farm"),
    ("责任单位：XX大学、XX职业技术学院", {"sole": ["XX大学", "XX职业技术学院"]}, "a university: no broken-name warning"),
    ("牵头单位：高新区管委会；责任单位：各工业园区管委会", {"lead": ["高新区管委会"], "support": ["各工业园区管委会"]},
     "lead and support by their labels"),
    ("责任单位：市场监管局", {"sole": ["市场监管局"]}, "市场 is no ending of its own: the bureau's name is whole"),
]


@pytest.mark.parametrize(("tag", "roles", "why"), ROWS, ids=[r[0][5:20] for r in ROWS])
def test_unit_list_by_name_endings(tag, roles, why):
    t = parse_tag_content(tag, EMPTY, load_vocabulary())
    assert {k: v for k, v in t.roles.items() if v} == roles, why
    assert not t.warnings, why


def test_park_list_gives_the_task_its_units():
    text = ("某某市工业园区提质增效行动方案\n一、重点任务\n1.完善园区供水供电设施，推进标准厂房建设。\n责任单位：XX工业园、XX物流园\n"
            "2.推进园区污水处理。（责任单位：XX水厂）\n")
    _, tasks = parse_document(text, "t")
    assert [(t.label, t.departments()) for t in tasks] == [("一1", ["XX工业园", "XX物流园"]), ("一2", ["XX水厂"])]
