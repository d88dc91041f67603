"""A place asked of that no loaded plan's own words name (title, notice, page fields, signature): "已载入的方案不涉及X"
is true only of plans that state their own place.  A plan whose text names no place at all (我市, 市发改委 — fixture 50,
成都's, never writes 成都) may be X's: the answer says which plans state no place and that kb cannot tell, never a flat
"does not concern X" (a confident wrong answer an official forwards).  A place written only in a reference field
(【发布部门】成都市人民政府办公厅) still names its plan.  Rows written before the code (docs3, session 16)."""

import pytest

from kb.qa import Session
from kb.store import load_plan

UNPLACED = ("各区（市）县政府，市政府各部门：\n为推进实施更加积极的就业政策，现就做好我市就业创业工作提出以下实施意见。\n"
            "一、深入实施就业优先战略\n（一）建立经济发展与扩大就业联动机制。（责任单位：市发改委、市统计局）\n"
            "（二）发展吸纳就业能力强的产业。（责任单位：市经信委）\n")
CAIDIAN = ("蔡甸区人民政府办公室关于印发2023年重点工作责任分解方案的通知\n各街道办事处：\n现将《2023年重点工作责任分解方案》印发给你们，请认真贯彻执行。\n"
           "蔡甸区人民政府办公室\n2023年1月3日\n2023年重点工作责任分解方案\n一、主要目标\n（一）地区生产总值增长7%以上\n责任单位：区发展和改革局\n")
COUNTY = ("某某县2024年春耕生产工作方案\n一、主要任务\n（一）做好种子化肥调度。（县农业农村局牵头）\n")
FIELD = ("【法宝引证码】CLI.12.777\n【发布部门】成都市人民政府办公厅\n【发文字号】成办发〔2016〕9号\n关于促进就业创业的实施意见\n"
         "一、主要任务\n（一）扩大就业规模。（市人社局牵头）\n")

# (files, question, words the answer holds, words it must not hold, why)
CASES = [
    ({"jiuye.txt": UNPLACED, "caidian.txt": CAIDIAN}, "成都的方案有哪些任务", ["没有写明", "jiuye"], ["不涉及“成都”"],
     "one plan states no place: kb cannot say the plans do not concern 成都"),
    ({"jiuye.txt": UNPLACED}, "成都市发改委牵头哪些任务", ["没有写明", "jiuye"], ["不涉及“成都”"],
     "the only plan states no place: the same, for a department question"),
    ({"caidian.txt": CAIDIAN, "county.txt": COUNTY}, "成都的方案有哪些任务", ["不涉及“成都”"], ["无法判断"],
     "every plan states its own place (蔡甸区, 某某县): 不涉及 stays"),
    ({"field.txt": FIELD, "caidian.txt": CAIDIAN}, "成都的方案有哪些任务", ["扩大就业规模"], ["不涉及", "地区生产总值"],
     "a place written only in the 【发布部门】 field names that plan"),
]


@pytest.mark.parametrize("files, question, has, hasnt, why", CASES, ids=[c[4][:40] for c in CASES])
def test_place_unstated(tmp_path, files, question, has, hasnt, why):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    a = Session(plan=load_plan(corpus=str(tmp_path)), strict=True).ask(question)
    for w in has:
        assert w in a.text, (a.text, why)
    for w in hasnt:
        assert w not in a.text, (a.text, why)
