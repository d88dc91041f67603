"""Rules on their own: the tokenizer, vocabulary validation, question reading, and the deadline
and target rules on a small plan built by hand (so they are tested whatever the parser yields)."""

from __future__ import annotations

from collections import Counter

import pytest

from kb.errors import KbError
from kb.model import Deadline, Document, Plan, Target, Task

# ---------------------------------------------------------------- tokenizer

SEGMENTS = [
    # (vocabulary, text, tokens)
    (["秸秆", "禁烧"], "加强秸秆禁烧", ["加", "强", "秸秆", "禁烧"]),
    (["排放", "标准", "排放标准", "国六"], "国六排放标准", ["国六", "排放标准", "排放", "标准"]),
    ([], "PM2.5浓度", ["pm2.5", "浓", "度"]),
    ([], "ＰＭ２．５", ["pm2.5"]),
    (["挥发性有机物"], "VOCs（挥发性有机物）", ["vocs", "挥发性有机物"]),
    ([], "到 2020 年", ["到", "2020", "年"]),
    ([], "", []),
    ([], "？！…", []),
    (["市交通运输局", "交通"], "市交通运输局牵头", ["市交通运输局", "交通", "牵", "头"]),
    (["散乱污"], "“散乱污”企业", ["散乱污", "企", "业"]),
]


@pytest.mark.parametrize("words,text,tokens", SEGMENTS)
def test_segmenter(words, text, tokens):
    from kb.qa.tokenizer import Segmenter

    assert Segmenter(words).tokens(text) == tokens


def test_segmenter_pickles_small_and_whole():
    import pickle

    from kb.qa.tokenizer import Segmenter

    seg = Segmenter(["秸秆", "禁烧"])
    back = pickle.loads(pickle.dumps(seg))
    assert back.words == seg.words and back.tokens("秸秆禁烧") == ["秸秆", "禁烧"]


def test_analyzer_positions_are_in_order():
    from kb.qa.index import PlanAnalyzer
    from kb.qa.tokenizer import Segmenter

    an = PlanAnalyzer(Segmenter(["秸秆", "禁烧"]))
    toks = [(t.text, t.pos) for t in an("秸秆禁烧", positions=True)]
    # a word shares the position of its first character; characters are consecutive
    assert toks == [("秸秆", 0), ("秸", 0), ("秆", 1), ("禁烧", 2), ("禁", 2), ("烧", 3)]
    toks = [(t.text, t.pos) for t in an("PM2.5年均", positions=True)]
    assert toks == [("pm2.5", 0), ("年", 1), ("均", 2)]


# ---------------------------------------------------------------- vocabulary files


def _intents(**over):
    import yaml

    from kb.qa.vocab import INTENTS_PATH

    data = yaml.safe_load(INTENTS_PATH.read_text(encoding="utf-8"))
    data.update(over)
    return data


BAD_VOCAB = [
    ({"roles": {"lead": ["牵头"]}}, "roles 缺少 support"),
    ({"roles": dict(_intents()["roles"], boss=["老大"])}, "roles 中不认识的职责 boss"),
    ({"count": "多少"}, "count 应为词语列表"),
    ({"help": ""}, "help 应为帮助答案的文字"),
    ({"overview": {"goals": {"ask": ["目标"]}}}, "overview.goals.part 应为词语列表"),
    ({"structure": {"three_leads": ["三个部门牵头"]}}, "structure 中不认识的类别 three_leads"),
    ({"dates": {"by_before": ["到"]}}, "dates.period_end 应为词语列表"),
    ({"dates": dict(_intents()["dates"], someday=["改天"])}, "dates 中不认识的键 someday"),
]


@pytest.mark.parametrize("change,message", BAD_VOCAB)
def test_vocabulary_is_validated(change, message):
    from kb.qa.vocab import parse_vocabulary

    with pytest.raises(KbError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_vocabulary(_intents(**change), {"version": 1, "topics": []})


def test_vocabulary_needs_version_and_keys(tmp_path):
    from kb.qa.vocab import _read, parse_vocabulary

    p = tmp_path / "intents.yaml"
    p.write_text("roles: {}\n", encoding="utf-8")
    with pytest.raises(KbError, match="version: 1"):
        _read(p)
    p.write_text("version: 1\nroles: [\n", encoding="utf-8")
    with pytest.raises(KbError, match="无法读取"):
        _read(p)
    data = _intents()
    del data["who"]
    with pytest.raises(KbError, match="缺少键 who"):
        parse_vocabulary(data, {"version": 1, "topics": []})
    with pytest.raises(KbError, match="topics"):
        parse_vocabulary(_intents(), {"version": 1, "topics": "VOCs"})


def test_bundled_vocabulary_loads_and_has_no_repeats():
    import yaml

    from kb.qa.vocab import INTENTS_PATH, TOPICS_PATH, load_vocabulary

    voc = load_vocabulary()
    assert voc.roles["lead"] and voc.topics
    data = yaml.safe_load(INTENTS_PATH.read_text(encoding="utf-8"))
    for key, words in data.items():
        if isinstance(words, list):
            assert [w for w, n in Counter(map(str, words)).items() if n > 1] == [], key
    for role, words in data["roles"].items():
        assert [w for w, n in Counter(words).items() if n > 1] == [], role
    groups = yaml.safe_load(TOPICS_PATH.read_text(encoding="utf-8"))["topics"]
    seen = Counter(w for g in groups for w in g)
    assert [w for w, n in seen.items() if n > 1] == []


# ---------------------------------------------------------------- reading questions

READS = [
    # (question, departments, role, flags that must be present, topic)
    ("交通局牵头哪些任务", ["市交通运输局"], "lead", set(), []),
    ("请问交通局负责牵头哪些任务？", ["市交通运输局"], "lead", set(), []),
    ("市交通运输居参与什么", ["市交通运输局"], "any", set(), []),
    ("市交通运输居协助什么", ["市交通运输局"], "support", set(), []),
    ("发改委牵头几项", ["市发展改革委"], "lead", {"count"}, []),
    ("市生态环境局和市经济和信息化局共同牵头哪些任务", ["市生态环境局", "市经济和信息化局"], "lead", {"joint"}, []),
    ("秸秆禁烧由谁负责", [], "any", {"who"}, ["秸秆禁烧"]),
    ("荣县的机械化清扫率", [], None, {"target"}, ["荣县", "机械化清扫率"]),
    ("哪些任务涉及VOCs", [], "any", {"topic_mark"}, ["vocs"]),
    ("那它配合哪些？", [], "support", {"pronoun", "opener"}, []),
    ("配合的呢", [], "support", {"opener"}, []),
    ("哪些工作按职责分工负责", [], "shared", set(), []),
    ("市能源办参与哪些任务", ["市能源办"], "any", set(), []),
    ("国六标准什么时候实施", [], None, {"when"}, ["国六标准"]),
    ("区县政府要落实哪些任务", ["各区县政府"], "any", set(), []),  # (落实: every role, its 落实 tasks among them)
]


@pytest.fixture(scope="module")
def session(plan):
    from kb.qa import Session

    return Session(plan=plan, strict=True)


@pytest.mark.parametrize("question,departments,role,flags,topic", READS)
def test_read_question(session, question, departments, role, flags, topic):
    q = session.read(question)
    assert q.departments == departments
    assert q.role == role
    assert flags <= q.flags
    assert q.topic == topic


DATES = [
    ("哪些任务要在2019年完成", "in", "2019-12-31"),
    ("2020年年底前要完成什么", "by", "2020-12-31"),
    ("2020年底前", "by", "2020-12-31"),
    ("到2020年", "by", "2020-12-31"),
    ("2019年7月1日起", "from", "2019-07-01"),
    ("2019年6月底前", "by", "2019-06-30"),
    ("2020年2月前", "by", "2020-02-29"),
    ("２０２０年年底前", "by", "2020-12-31"),
    ("二〇一九年要完成哪些任务", "in", "2019-12-31"),
    ("二零二零年底前", "by", "2020-12-31"),
]


@pytest.mark.parametrize("question,mode,iso", DATES)
def test_read_dates(session, question, mode, iso):
    d = session.read(question).date
    assert (d.mode, d.iso) == (mode, iso)


@pytest.mark.parametrize("question,n,ask", [("第二项的时限", 2, "deadline"), ("第3项谁牵头", 3, "departments"),
                                            ("第十二项是什么", 12, "text"), ("第二十一条的目标", 21, "target")])
def test_read_ordinals(session, question, n, ask):
    q = session.read(question)
    assert (q.ordinal, q.item_ask) == (n, ask)


# ---------------------------------------------------------------- deadlines and targets on a hand-built plan


def _task(label, n, title, body, kind="task", part="三", **kw):
    return Task(id=f"p#{n}", doc="p", label=label, part=part, part_title="重点任务" if part == "三" else "工作目标",
                section="三（一）" if part == "三" else None, section_title="测试" if part == "三" else None, kind=kind,
                title=title, text=body + (f"（{kw.get('tag', '')}）" if kind == "task" else ""), body=body,
                clauses=[c + "。" for c in body.split("。") if c], **{k: v for k, v in kw.items() if k != "tag"})


def _hand_plan() -> Plan:
    by2020 = Deadline("到2020年", "by", None, "2020-12-31")
    tasks = [
        _task("二", 0, None, "到2020年，主城区细颗粒物（PM2.5）年均浓度较2015年下降27.9%以上，力争下降31.4%以上。",
              kind="paragraph", part="二", deadlines=[by2020], targets=[
                  Target("下降27.9%以上", "细颗粒物（PM2.5）年均浓度", 27.9, "%", "≥", "下降", 2015, False, "主城区", 2020),
                  Target("力争下降31.4%以上", "细颗粒物（PM2.5）年均浓度", 31.4, "%", "≥", "下降", 2015, True, "主城区", 2020)]),
        _task("三（一）1", 1, "加快散乱污企业整治", "加快“散乱污”企业整治。2020年年底前基本完成“散乱污”企业整治。",
              lead=["市经济和信息化局"], support=["市公安局"], deadlines=[Deadline("2020年年底前", "by", None, "2020-12-31", 1)]),
        _task("三（一）2", 2, "加快淘汰老旧车辆", "加快淘汰老旧车辆。2019年基本淘汰老旧车辆。", lead=["市公安局"],
              deadlines=[Deadline("2019年", "during", "2019-01-01", "2019-12-31", 1)]),
        _task("三（一）3", 3, "严格实施排放标准", "严格实施排放标准。自2019年7月1日起，提前实施国六排放标准。",
              shared=["市公安局", "市生态环境局"], deadlines=[Deadline("自2019年7月1日起", "from", "2019-07-01", None, 1)]),
        _task("三（一）4", 4, "加大道路清扫保洁力度", "加大道路清扫保洁力度。到2020年，城市建成区道路机械化清扫率不低于85%，荣县、富顺县达到70%以上。",
              lead=["市城管执法局"], deadlines=[Deadline("到2020年", "by", None, "2020-12-31", 1)], targets=[
                  Target("不低于85%", "道路机械化清扫率", 85, "%", "≥", None, None, False, "城市建成区", 2020, 1),
                  Target("达到70%以上", "道路机械化清扫率", 70, "%", "≥", "达到", None, False, "荣县、富顺县", 2020, 1)]),
        _task("三（一）5", 5, "有效应对重污染天气", "有效应对重污染天气。黄色、橙色、红色级别减排比例原则上分别不低于10%、20%、30%。",
              lead=["市生态环境局"], targets=[
                  Target("不低于10%", "黄色级别减排比例", 10, "%", "≥", clause=1),
                  Target("不低于20%", "橙色级别减排比例", 20, "%", "≥", clause=1),
                  Target("不低于30%", "红色级别减排比例", 30, "%", "≥", clause=1)]),
    ]
    return Plan([Document("p", "测试方案", "p.txt", "", parts=[("二", "工作目标"), ("三", "重点任务")])], tasks)


HAND = [
    # due in 2019, then apart what runs during 2019 (自2019年7月1日起), as `kb grep --year 2019` selects
    ("哪些任务要在2019年完成", "deadline_list", ["三（一）2"], ["2019年", "另有 1 项在2019年内执行", "三（一）3"]),
    # a limit the plan writes (三（一）1 2020年年底前, 三（一）4 到2020年): the items due on it, 三（一）2 (2019年) in the note
    ("2020年年底前要完成什么", "deadline_list", ["三（一）1", "三（一）4"], ["另有 1 项", "三（一）2（2019年内）"]),
    ("截至2020年底要完成什么", "deadline_list", ["三（一）1", "三（一）2", "三（一）4"], []),
    ("哪些任务2019年起实施", "deadline_list", ["三（一）3"], ["自2019年7月1日起"]),
    # a year the plan never states (its years: 2015, 2019, 2020): not in the plan, with the years it does state
    ("2018年底前要完成哪些任务", "outside_year", [], ["没有写到2018年", "2019年、2020年"]),
    ("PM2.5要下降多少", "target", ["二"], ["27.9%", "31.4%", "2015", "力争", "主城区"]),
    ("ＰＭ２．５的目标", "target", ["二"], ["27.9%"]),
    ("荣县的机械化清扫率", "target", ["三（一）4"], ["70%", "荣县"]),
    ("道路机械化清扫率要达到多少", "target", ["三（一）4"], ["85%", "70%"]),
    ("红色预警减排比例", "target", ["三（一）5"], ["30%"]),
    ("排放标准什么时候实施", "topic_deadline", ["三（一）3"], ["2019年7月1日"]),  # dates as officials write them
    ("散乱污企业整治什么时候完成", "topic_deadline", ["三（一）1"], ["2020年年底前"]),
]


@pytest.mark.parametrize("question,intent,labels,words", HAND)
def test_hand_plan(question, intent, labels, words):
    from kb.qa import Session

    answer = Session(plan=_hand_plan(), strict=True).ask(question)
    assert answer.intent == intent, answer.text
    assert [t.label for t in answer.tasks] == labels, answer.text
    for w in words:
        assert w in answer.text
    if question.startswith("红色"):
        assert "10%" not in answer.text.split("原文")[0]
    if question.startswith("荣县"):
        assert "85%" not in answer.text.split("原文")[0]


def test_hand_plan_follow_ups():
    from kb.qa import Session

    s = Session(plan=_hand_plan(), strict=True)
    assert [t.label for t in s.ask("城管局牵头哪些任务").tasks] == ["三（一）4"]
    a = s.ask("第一项的目标")
    assert a.intent == "item_target" and "85%" in a.text and "70%" in a.text
    a = s.ask("第一项的时限")
    assert a.intent == "item_deadline" and "到2020年" in a.text
    a = s.ask("目标是多少？")
    assert a.intent == "context_target" and "85%" in a.text and [t.label for t in a.tasks] == ["三（一）4"]
    a = s.ask("加大道路清扫保洁力度由谁负责")
    assert a.intent == "topic_who"
    a = s.ask("目标是多少")
    assert a.intent == "context_target" and "70%" in a.text
    s.ask("PM2.5要下降多少")
    a = s.ask("什么时候完成")
    assert a.intent == "context_deadline" and "到2020年" in a.text
