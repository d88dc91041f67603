"""Value and date answers for the causes the holdout12–14 blind sets left (session 14, helper values2).

Rows: (plan, question, status, words the answer holds, words it must not hold, why).  Written before the mechanisms;
every figure read by hand from the plan (quoted in ``why``).  The plans written here vary the level (区/县/省), the
heading dialect (（一）2025年3月底前 alone / 起步阶段（2024年底前） / 第一阶段：…) and the wording; the released blind
plans (tests/fixtures/holdout13, holdout14) reproduce the causes.

Mechanisms:
- A clause repeated under a dated heading (holdout14 ad11): the body's item states 启动交通、海事联合执法专项行动 with no
  limit; 三、时间节点 （二）2023年6月底前 repeats it.  When the paragraph found first sets no limit, the dated paragraph
  holding the words answers — its heading's limit too — and says where (出处); never "方案没有规定…时限".
- A heading-dated figure asked by year (holdout13 dk01/dk02): each phase paragraph states a cumulative figure under a
  heading with its year (（二）建设及试运行阶段（2025年年底前）); a year asked picks the figure of the paragraph whose
  own limit — its heading's when it states none — ends in that year; the clause's own year wins over the heading's.
- Value tables read as rows × columns (holdout12 jdwf annex): a table that is no task table, with a row-name column
  (街镇 / 乡镇 / 区 / 单位 …) and figure columns, is read from its delimited rows (tabs, ``|``): a question naming a row and
  a column's words is answered from that cell (with the header's unit, the row quoted); 哪个X…最大 from the column's
  largest figure; 几个X from its rows.  A row whose cells do not line up with the header (a 合计 row with empty cells
  dropped) is never read; a row name or column the table does not hold leaves the question to the other readings.
- One item of a distributive sentence asked (ROUTED values2, holdout15 cause 3: ``A、B和C…分别达到30%、20%和10%`` answered
  with all three): the item the question names — by words of its own no other item holds, the metric written after the
  last item taken off it — gives its value; an item not named alone leaves every value (never a guess).
- The words asked choose among one paragraph's figures (ROUTED values2): a target whose own words (held by no other target
  found) the question writes wins (单个项目 → 200万元, not the 50% beside it); a share asked in other words than the plan's
  (流片费用补助比例 of 对流片费用给予不超过30%的补助) is quoted, never "原文中没有补助比例"; a sentence whose first clause names
  the noun asked and whose next clause states the figure asked answers (技术改造贷款的贴息比例); a 专栏's title words reach
  the box's items (数字化转型重点工程要建成多少家智能工厂 → 100家), and a box title's own number (专栏1) is no value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_sessions import first_question_asker

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "ad": ROOT / "tests/fixtures/holdout14/ad_andian_hujiaoke2023-233.txt",
    "dk": ROOT / "tests/fixtures/holdout13/dk_dikong_hujiaokong2024-870.txt",
}

#: 区级: body items tagged, undated; 二、时间节点 repeats some of their clauses under dated headings written alone.
NODES = """某区2025年老旧小区改造工作方案
一、主要任务
（一）开展摸底调查。全面排查全区老旧小区基础设施状况，建立改造项目库。组织召开街镇推进会。（牵头单位：区房管局；配合单位：各街镇）
（二）推进加装电梯。加快既有多层住宅加装电梯，全年完成加装电梯120台。启动小区停车设施专项整治行动。（牵头单位：区房管局；配合单位：区规划资源局、各街镇）
（三）完善配套设施。新建社区养老服务站8个，改造小区道路12公里。（牵头单位：区民政局；配合单位：区建管委）
二、时间节点
（一）2025年3月底前
建立改造项目库。组织召开街镇推进会。
（二）2025年6月底前
启动小区停车设施专项整治行动。完成加装电梯60台。
（三）2025年12月底前
完成加装电梯120台。
"""

#: 县级: phases whose headings carry the year, each over one paragraph of cumulative figures; one clause dated itself.
PHASES = """某县数字乡村建设三年行动方案（2024—2026年）
一、总体要求
以数字技术赋能乡村振兴，推动城乡数字鸿沟持续缩小。
二、阶段目标
（一）起步阶段（2024年底前）
建成村级数字服务站50个，培育农村电商示范村10个。
（二）推广阶段（2025年底前）
累计建成村级数字服务站120个，培育农村电商示范村25个，2024年内完成光纤到村改造80个行政村。
（三）深化阶段（2026年底前）
累计建成村级数字服务站200个，培育农村电商示范村40个。
三、保障措施
（一）加强组织领导。成立县数字乡村建设工作专班，统筹推进各项工作。（牵头单位：县农业农村局；配合单位：县委网信办、县工信局）
"""

#: 省级, the 第一阶段： heading dialect (a heading line inside its part, over numbered items).
STAGES = """某省新能源汽车推广应用实施方案
一、重点任务
（一）加快充电设施建设。推进公共充电桩建设，新建公共充电桩5万个。开展充电设施安全专项检查。（牵头单位：省能源局；配合单位：省住房城乡建设厅）
（二）推广公共领域车辆电动化。推动公交、出租、环卫车辆电动化。（牵头单位：省交通运输厅）
二、实施步骤
第一阶段：2024年9月底前
1.开展充电设施安全专项检查。
2.制定公共领域车辆电动化推进方案。
第二阶段：2025年12月底前
1.累计建成公共充电桩5万个。
2.公交车辆电动化比例达到90%。
"""

#: 县级, a tab-separated 任务分解表 of 乡镇 (no role column: no task table) after the body; a 合计 row with empty cells.
FARM = """某县2025年高标准农田建设实施方案
一、目标任务
全县共有12个乡镇，2025年全县新建高标准农田4.5万亩，各乡镇任务详见附件。
二、保障措施
（一）加强组织领导。县农业农村局牵头抓总，各乡镇负责组织实施。（牵头单位：县农业农村局；责任单位：各乡镇人民政府）
附件
某县2025年高标准农田建设任务分解表
序号\t乡镇\t建设面积（万亩）\t总投资（万元）\t完成时限
1\t城关镇\t1.2\t2400\t2025年6月底前
2\t河口镇\t0.8\t1600\t2025年9月底前
3\t石桥乡\t2.5\t5000\t2025年12月底前
合计\t\t4.5\t9000\t
"""

#: 区级, a ``|`` table of 街镇 with dated progress columns (the holdout12 jdwf annex's shape, written delimited here).
STREETS = """某区2026年违法用地整治工作方案
一、目标任务
2026年全区应完成违法用地整治任务量900亩（各街镇任务详见附件）。
二、工作要求
（一）加强督办。区规划资源局每月通报各街镇进度。（牵头单位：区规划资源局；配合单位：各街镇）
附件
各街镇2026年度违法用地整治任务表
| 序号 | 街镇 | 2026年任务量 | 3月底前完成20% | 6月底前完成60% | 其中CD类整治任务量 |
|---|---|---|---|---|---|
| 1 | 东湖街道 | 120.5 | 24.1 | 72.3 | 0 |
| 2 | 西山镇 | 480.0 | 96.0 | 288.0 | 35.6 |
| 3 | 南桥镇 | 299.5 | 59.9 | 179.7 | 12.0 |
"""

#: 省级, an indicator table in a Markdown ``|`` form (指标名称 names the rows: read as item rows with cells).
FOREST = """某省林业高质量发展实施方案
一、主要目标
到2025年，全省森林覆盖率达到46.5%，主要指标见附表。
二、重点任务
（一）实施国土绿化行动。科学开展大规模国土绿化，每年完成造林100万亩。（牵头单位：省林业局；配合单位：省自然资源厅）
附表
| 序号 | 指标名称 | 单位 | 2022年 | 2025年 |
|---|---|---|---|---|
| 1 | 森林覆盖率 | % | 45.2 | 46.5 |
| 2 | 森林蓄积量 | 亿立方米 | 1.8 | 2.0 |
| 3 | 湿地保护率 | % | 52 | 55 |
"""

#: 市级, clauses with qualifiers and a distributive sentence (ROUTED values2: numbers chosen by the words asked).
QUALIFIED = """某市推进物流降本增效行动方案
一、主要任务
（一）提升通关效率。优化通关流程，一般货物通关时间压缩至48小时以内，易腐货物通关时间压缩至6小时以内。（牵头单位：市商务局；配合单位：市交通运输局）
（二）支持工业互联网平台建设。对新认定的企业级工业互联网平台，给予最高100万元补助；对跨行业跨领域工业互联网平台，给予最高3000万元补助。（牵头单位：市工业和信息化局）
（三）培育优质企业。到2025年，全市高新技术企业、专精特新企业和专精特新“小巨人”企业营业收入占比分别达到30%、20%和10%。（牵头单位：市科技局；配合单位：市工业和信息化局）
（四）推进垃圾分类。到2025年，城市生活垃圾回收利用率达到35%以上，资源化利用率达到80%。（牵头单位：市城市管理局）
（五）优化重点行业布局。推动化工、建材和钢铁行业能耗分别下降8%、6%、5%。（牵头单位：市发展改革委）
"""

#: 省级, shares written in other words than asked, a figure beside another in one sentence, a 专栏 with items.
BOXES = """某省制造业数字化转型行动方案
一、重点任务
（一）推进芯片设计能力提升。支持企业开展多项目晶圆流片，对流片费用给予不超过30%的补助，单个企业每年最高500万元。（牵头单位：省工业和信息化厅）
（二）强化数据安全。推进工业数据分类分级管理，到2025年，完成1000家企业数据分类分级，建设数据安全监测平台1个。（牵头单位：省委网信办）
专栏1 数字化转型重点工程
1.智能工厂建设工程。到2025年，建成省级智能工厂100家、数字化车间500个。
2.工业互联网平台培育工程。培育省级工业互联网平台50个。
二、保障措施
（一）加大财政支持。对企业技术改造贷款给予贴息，贴息比例最高不超过50%，单个项目贴息最高200万元。（牵头单位：省财政厅）
"""

#: NODES without its 时间节点 part, one more dated sentence: a limit of one sentence is no limit of another.
NODES2 = """某区2025年老旧小区改造工作方案
一、主要任务
（一）开展摸底调查。全面排查全区老旧小区基础设施状况，建立改造项目库。组织召开街镇推进会。（牵头单位：区房管局；配合单位：各街镇）
（二）推进加装电梯。加快既有多层住宅加装电梯，全年完成加装电梯120台。启动小区停车设施专项整治行动。（牵头单位：区房管局；配合单位：区规划资源局、各街镇）
（三）完善配套设施。2025年6月底前新建社区养老服务站8个，改造小区道路12公里。（牵头单位：区民政局；配合单位：区建管委）
"""

TEXTS = {"nodes2": NODES2, "boxes": BOXES, "qualified": QUALIFIED, "forest": FOREST, "nodes": NODES, "phases": PHASES, "stages": STAGES, "farm": FARM, "streets": STREETS}


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return first_question_asker(tmp_path_factory.mktemp("values_s14"), TEXTS,
                                lambda corpus: None if corpus is None else str(FILES[corpus]))


ROWS = [
    # ---- a clause repeated under a dated heading: the limit, and where
    ("ad", "交通、海事联合执法专项行动什么时候前启动？", "answered", ["2023年6月底前", "三（二）", "启动交通、海事联合执法专项行动。",
                                                             "二（四）也写了"], ["没有规定"],
     "二（四） …启动交通、海事联合执法专项行动… (no limit); 三、时间节点 （二）2023年6月底前 …启动交通、海事联合执法专项行动。 "
     "(holdout14 ad11 said 方案没有规定…时限)"),
    ("ad", "大治河浦星公路桥停泊区岸电设施标准化建设什么时候完成？", "answered", ["2023年12月底前"], ["没有规定"],
     "control: only 三（三） 2023年12月底前 holds it"),
    ("nodes", "小区停车设施专项整治行动什么时候启动？", "answered", ["2025年6月底前", "二（二）"], ["没有规定"],
     "一（二） 启动小区停车设施专项整治行动 (undated); 二（二）2025年6月底前 repeats it"),
    ("nodes", "什么时候建立改造项目库", "answered", ["2025年3月底前", "一（一）也写了"], ["没有规定", "6月底前"],
     "一（一） 建立改造项目库 (undated); 二（一）2025年3月底前 建立改造项目库 — the undated copy is named. (改造项目库什么时候"
     "建立 reads its topic as 库/建立, a question-reading matter: notes-values2)"),
    ("nodes", "街镇推进会什么时候召开", "answered", ["2025年3月底前"], ["没有规定"],
     "一（一） 组织召开街镇推进会; 二（一）2025年3月底前 组织召开街镇推进会"),
    ("stages", "充电设施安全专项检查什么时候开展？", "answered", ["2024年9月底前"], ["没有规定"],
     "一（一） 开展充电设施安全专项检查 (undated); 第一阶段：2024年9月底前 1.开展充电设施安全专项检查 — the heading-line dialect"),
    ("nodes2", "小区停车设施专项整治行动什么时候启动？", "not_in_plan", ["没有规定", "启动小区停车设施专项整治行动。",
                                                                 "不是这项工作的时限"], ["启动的时限"],
     "honest: 一（二）'s 全年 is 全年完成加装电梯120台's; the sentence 启动小区停车设施专项整治行动。 sets none (it was "
     "answered 全年, quoting the 加装电梯 sentence)"),
    ("nodes2", "小区道路改造什么时候完成", "answered", ["2025年6月底前"], ["没有规定"],
     "control: 2025年6月底前新建…，改造小区道路12公里 — the date opens the sentence holding the words"),
    ("nodes2", "加装电梯什么时候完成", "answered", ["全年"], ["没有规定"], "control: the sentence holding 加装电梯 sets 全年"),
    ("nodes", "社区养老服务站什么时候建成", "not_in_plan", ["没有规定"], ["2025年"],
     "honest: 一（三） 新建社区养老服务站8个 is undated and no dated paragraph repeats it (the title's 2025年 is no limit)"),
    # ---- a heading-dated figure asked by year
    ("dk", "到2025年年底累计要划设多少条低空飞行航线？", "answered", ["150条"], ["400条"],
     "二（二）建设及试运行阶段（2025年年底前）: 累计划设低空飞行航线不少于150条 (holdout13 dk01 listed 150 and 400 alike)"),
    ("dk", "2027年年底前低空飞行航线的目标是多少条", "answered", ["400条"], ["150条"],
     "二（三）优化提升阶段（2027年年底前）: …不少于400条 (holdout13 dk02)"),
    ("phases", "到2025年底要建成多少个村级数字服务站？", "answered", ["120个"], ["50个", "200个"],
     "（二）推广阶段（2025年底前）: 累计建成村级数字服务站120个"),
    ("phases", "2026年农村电商示范村要培育多少个", "answered", ["40个"], ["10个", "25个"],
     "（三）深化阶段（2026年底前）: 培育农村电商示范村40个"),
    ("phases", "2024年建成多少个村级数字服务站", "answered", ["50个"], ["120个", "200个"],
     "（一）起步阶段（2024年底前）: 建成村级数字服务站50个"),
    ("phases", "2024年要完成多少个行政村的光纤到村改造", "answered", ["80个"], ["50个"],
     "the clause's own year wins over its heading's: 2024年内完成光纤到村改造80个行政村 stands under （二）…（2025年底前）"),
    ("phases", "村级数字服务站一共要建成多少个", "answered", ["200个"], [],
     "control, no year asked: the figures are listed (200 among them), none dropped"),
    ("phases", "2028年要建成多少个村级数字服务站", None, [], ["共 1 处", "120个", "50个"],
     "honest: no clause or heading gives 2028 — no single figure of another year is given as the 2028 figure"),
    # ---- value tables: rows × columns (the answer quotes the header and the row: a cell of another column may stand
    # there, written between ｜; the answer's own lines write "header：cell")
    ("farm", "河口镇的建设面积是多少", "answered", ["河口镇", "0.8", "万亩"], ["1.2", "2.5", "没有写明"],
     "附件 row 2: 2｜河口镇｜0.8｜1600 — the cell under 建设面积（万亩）"),
    ("farm", "石桥乡总投资多少万元", "answered", ["5000"], ["2400", "1600"],
     "附件 row 3: 石桥乡 总投资（万元） 5000"),
    ("farm", "哪个乡镇的建设面积最大", "answered", ["石桥乡", "2.5"], ["城关镇：", "合计"],
     "the column 建设面积（万亩）: 1.2, 0.8, 2.5 — 石桥乡; the 合计 row (4.5) is no 乡镇"),
    ("farm", "任务分解表里有几个乡镇", "answered", ["3"], ["4 个"],
     "三 rows 城关镇, 河口镇, 石桥乡; 合计 is no 乡镇"),
    ("farm", "全县一共有几个乡镇", None, [], ["共 3 个"],
     "honest: the county's 乡镇 are asked (一 全县共有12个乡镇) — the table lists only those given a task"),
    ("farm", "新城镇的建设面积是多少", "not_in_plan", [], ["0.8", "1.2", "2.5"],
     "honest: 新城镇 is no row of the table — no cell of another row"),
    ("farm", "城关镇的亩均投资是多少", None, [], ["2400"],
     "honest: no column 亩均投资 — 总投资（万元） 2400 is another measure"),
    ("streets", "西山镇2026年的任务量是多少？", "answered", ["西山镇：2026年任务量：480.0"], ["：96.0", "：120.5"],
     "附件 row 2: 西山镇 2026年任务量 480.0 (holdout12 wf11's shape)"),
    ("streets", "南桥镇6月底前要完成多少", "answered", ["南桥镇：6月底前完成60%：179.7"], ["：299.5", "：59.9"],
     "the column 6月底前完成60% of 南桥镇 (holdout12 wf12's shape)"),
    ("streets", "哪个街镇的任务量最大？", "answered", ["西山镇", "480.0"], ["东湖街道：", "南桥镇："],
     "2026年任务量: 120.5, 480.0, 299.5 — 西山镇 (holdout12 wf13's shape)"),
    ("streets", "东湖街道CD类整治任务量是多少？", "answered", ["东湖街道", "0"], ["35.6", "没有写明"],
     "其中CD类整治任务量 of 东湖街道: 0 — a figure 0 is the plan's answer (holdout12 wf14's shape)"),
    ("streets", "北站街道2026年的任务量是多少？", None, [], ["480.0", "120.5", "299.5"],
     "honest: no row 北站街道"),
    ("forest", "2025年森林蓄积量要达到多少", "answered", ["2025年：2.0"], ["2022年：1.8"],
     "附表 row 2: 森林蓄积量 | 亿立方米 | 1.8 | 2.0 — the year asked picks its column"),
    ("forest", "湿地保护率2022年是多少", "answered", ["2022年：52"], ["2025年：55"], "附表 row 3, the 2022年 column"),
    ("forest", "湿地保护率是多少", "answered", ["湿地保护率：55%（到2025年）", "3｜湿地保护率｜%｜52｜55"], [],
     "control, no year: the row's target (its 2025年 figure, its unit) with the row quoted — 2022年's 52 stands in it "
     "(tables7 s18: a table of targets' row carries its target; before, both cells were said as fields, no unit)"),
    ("qualified", "易腐货物通关时间压缩到多少小时？", "answered", ["6小时"], ["48小时"],
     "一（一） …一般货物…48小时以内，易腐货物通关时间压缩至6小时以内 — the clause naming 易腐货物"),
    ("qualified", "跨行业跨领域平台最高补助多少万元？", "answered", ["3000万元"], ["100万元"],
     "一（二） 企业级…最高100万元；跨行业跨领域…最高3000万元 — the clause naming 跨行业跨领域"),
    ("qualified", "专精特新企业营业收入占比要达到多少", "answered", ["：达到20%"], ["：达到30%", "：达到10%"],
     "一（三） 高新技术企业、专精特新企业和专精特新“小巨人”企业营业收入占比分别达到30%、20%和10% — the second item"),
    ("qualified", "小巨人企业营业收入占比目标是多少", "answered", ["：达到10%"], ["：达到30%", "：达到20%"],
     "一（三）: the third item, its metric (营业收入占比) written after it and taken off to tell it from 专精特新企业"),
    ("qualified", "建材行业能耗要下降多少", "answered", ["：下降6%"], ["：下降8%", "：下降5%"], "一（五） 化工、建材和钢铁行业能耗分别下降8%、6%、5%"),
    ("qualified", "营业收入占比要达到多少", "answered", ["30%", "20%", "10%"], [],
     "control: no item named — every value, none dropped"),
    ("qualified", "城市生活垃圾回收利用率和资源化利用率分别要达到多少", "answered", ["35%以上", "80%"], ["没有写明"],
     "一（四）: X和Y分别 from two clauses, each its own"),
    ("boxes", "流片费用补助比例是多少", "answered", ["30%"], ["原文中没有", "没有涉及"],
     "一（一） 对流片费用给予不超过30%的补助 — the share of the 补助, written without 比例"),
    ("boxes", "流片费用奖励比例是多少", "not_in_plan", [], ["30%"], "honest: no 奖励 in the plan"),
    ("boxes", "技术改造贷款的贴息比例是多少", "answered", ["50%"], ["没有写明它的数值"],
     "二（一） 对企业技术改造贷款给予贴息，贴息比例最高不超过50% — the figure in the clause after the one naming the noun"),
    ("boxes", "技术改造贷款贴息单个项目最高多少", "answered", ["200万元"], ["：50%"],
     "二（一） …贴息比例最高不超过50%，单个项目贴息最高200万元 — 单个项目 names the second"),
    ("boxes", "数字化转型重点工程要建成多少家智能工厂", "answered", ["100家"], ["专栏1数字化转型重点工程："],
     "专栏1 数字化转型重点工程 / 1.…建成省级智能工厂100家 — the title's words reach its items"),
    ("boxes", "数字化转型重点工程要培育多少个工业互联网平台", "answered", ["50个"], ["500个"], "专栏1 item 2"),
    ("boxes", "数字化转型重点工程要建设多少个数据中心", None, [], ["500个", "100家", "50个"],
     "honest: no 数据中心 in the box (the reading keeps 建设 only): no item's figure"),
    (None, "PM2.5年均浓度要下降多少", "answered", ["27.9%", "31.4%"], [],
     "control (bundled plan): the target and its stretch (力争) — no qualifier asked, none dropped"),
    ("forest", "2030年森林覆盖率是多少", None, [], ["46.5", "45.2"], "honest: the table has no 2030年 column"),
]


@pytest.mark.parametrize("corpus,question,status,has,has_not,why", ROWS, ids=[f"{r[0] or 'bundled'}:{r[1]}" for r in ROWS])
def test_value_row(ask, corpus, question, status, has, has_not, why):
    answer = ask(corpus, question)
    text = answer.text
    if status is not None:
        assert answer.status == status, f"{why}\n{text}"
    for word in has:
        assert word in text, f"{word!r} missing — {why}\n{text}"
    for word in has_not:
        assert word not in text, f"{word!r} present — {why}\n{text}"
