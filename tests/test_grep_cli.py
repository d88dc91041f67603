"""``kb grep`` over the bundled plan: exact output lines and exit status for every option.

Expected lines were read off the plan text by hand (corpus/zigong-blue-sky-plan.txt,
the clean rendition at the top of the file), not copied from kb's output.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOC = "zigong-blue-sky-plan"

QIAN_GAN = [  # every clause naming 秸秆, in plan order
    "三（五）1:充分利用我市优势资源进行种植业结构调整，在确保粮食稳定发展的前提下，积极引导发展高效特色经济作物，减少秸秆产生。",
    "三（五）2:推进农业秸秆综合利用。",
    "三（五）2:重点推进秸秆直接还田利用，推广秸秆粉碎还田、深翻还田、快速腐解。",
    "三（五）2:大力推进秸秆能源化利用，推广秸秆成型燃料利用和农村秸秆气化应用。",
    "三（五）2:推进秸秆饲料化利用，推广青贮饲料、压块饲料等。",
    "三（五）2:推动秸秆基料化利用，发展食用菌栽培。",
    "三（五）2:积极引导以秸秆为原料的生物质燃油、乙醇、发电、造纸、板材等产业发展。",
    "三（五）2:到2020年，全市秸秆综合利用率达到88%以上。",
    "三（五）3:加强秸秆禁烧。",
    "三（五）3:全面加强秸秆禁烧管控，落实市、县、乡、村四级主体责任，建立网格化监管制度。",
    "三（五）3:坚持疏堵结合、以疏为主，加强重点区域和重点时段秸秆禁烧管控。",
    "三（五）3:在秋收和夏收阶段开展秸秆禁烧专项巡查，强化川南区域联动。",
    "三（五）3:加强秸秆禁烧宣传，普及秸秆综合利用知识。",
]

# Tasks whose tag names 市交通运输局, and its roles there (read from the tags).
TRANSPORT_LEAD = ["三（一）13", "三（一）14", "三（三）1", "三（三）2", "三（三）6", "三（三）8", "三（三）9", "三（三）14"]
TRANSPORT_SUPPORT = ["三（一）16", "三（三）12", "三（三）15", "三（三）16", "三（四）2", "三（四）3", "三（四）4"]
TRANSPORT_SHARED = ["三（三）4", "三（三）13", "三（四）1", "三（四）6"]
TRANSPORT_ALL = [
    "三（一）13", "三（一）14", "三（一）16", "三（三）1", "三（三）2", "三（三）4", "三（三）6", "三（三）8",
    "三（三）9", "三（三）12", "三（三）13", "三（三）14", "三（三）15", "三（三）16", "三（四）1", "三（四）2",
    "三（四）3", "三（四）4", "三（四）6",
]

VOCS_ONLY = (["二:VOCs"] + ["三（一）8:VOCs"] * 4 + ["三（一）9:VOCs"] * 2 + ["三（一）10:VOCs"] * 3
             + ["三（一）11:VOCs", "三（一）14:VOCs", "三（一）16:VOCs", "三（一）20:VOCs", "四（二）:VOCs", "四（四）:VOCs"])

ROWS = [
    # (argv after "grep", expected stdout lines, exit status)
    # --- patterns
    (["秸秆"], QIAN_GAN, 0),
    (["不存在的说法"], [], 1),
    (["-F", "秸秆"], QIAN_GAN, 0),
    (["秸\\w"], QIAN_GAN, 0),
    (["-e", "腊肉", "-e", "文明祭祀", "-l"], ["三（四）8", "三（四）10"], 0),
    (["-c", "vocs"], ["0"], 1),
    (["-c", "-i", "vocs"], ["13"], 0),
    (["-c", "ＶＯＣｓ"], ["13"], 0),
    (["-o", "-i", "vocs"], VOCS_ONLY, 0),
    (["-o", "ＰＭ２．５"], ["二:PM2.5"], 0),
    (["-o", "PM2\\.5"], ["二:PM2.5"], 0),
    (["-o", "-F", "(I/M)"], ["三（三）7:（I/M）"], 0),  # half-width finds full-width; printed as written
    (["-o", "(I/M)"], ["三（三）7:I/M"], 0),  # a regular expression: the brackets are a group
    (["-o", "（I/M）"], ["三（三）7:（I/M）"], 0),  # full-width brackets in a pattern are text
    (["-c", "-F", "."], ["4"], 0),  # 二 has three clauses with decimals, 三（二）1 one
    (["-v", "秸秆", "--section", "三（五）"], [
        "三（五）1:优化种植业结构。",
        "三（五）1:以市场需求为导向，不断优化粮油种植面积。",
        "三（五）1:（市农业农村局牵头）",
        "三（五）2:（市发展改革委、市农业农村局牵头，市财政局配合）",
        "三（五）3:（市生态环境局、市农业农村局按职责分工负责）",
        "三（五）4:加强农业氨排放控制。",
        "三（五）4:加强种植业氨排放控制。",
        "三（五）4:开展化肥减量增效示范和有机肥替代化肥试点，增加有机肥使用量，减少化肥农药使用量，化肥农药使用量达到国家限定要求。",
        "三（五）4:改进施肥方式，调整施肥结构，降低氨排放。",
        "三（五）4:加强养殖业氨排放治理。",
        "三（五）4:推广低蛋白饲料，改进养殖场通风环境，强化畜禽粪污资源化利用。",
        "三（五）4:鼓励农村地区实施规模化畜禽养殖，推广种养结合的生态农业循环模式，降低大气氨排放。",
        "三（五）4:（市农业农村局牵头，市生态环境局配合）",
    ], 0),
    (["-l", "-v", "秸秆", "--section", "三（五）"], ["三（五）4"], 0),  # tasks with no matching clause
    (["-l", "-v", "扬尘", "--section", "三（四）"], ["三（四）4", "三（四）7", "三（四）8", "三（四）9", "三（四）10", "三（四）12"], 0),
    (["-l", "-v", "", "--section", "三（五）"], [], 1),
    # --- the responsibility tag is the last unit of a task
    (["市口岸物流办"], ["三（三）2:（市交通运输局、市口岸物流办牵头，市发展改革委、市公安局配合）"], 0),
    (["--no-tag", "市口岸物流办"], [], 1),
    (["-l", "市交通运输局"], TRANSPORT_ALL, 0),
    (["-c", "市交通运输局"], ["19"], 0),
    (["-c", "--no-tag", "市交通运输局"], ["0"], 1),
    # --- output options
    (["-c", "秸秆"], ["13"], 0),
    (["-c", "--task", "秸秆"], ["3"], 0),
    (["-c", "--no-label", "秸秆"], ["13"], 0),
    (["-l", "秸秆"], ["三（五）1", "三（五）2", "三（五）3"], 0),
    (["--task", "禁烧"], [
        "三（四）10:倡导文明祭祀。按照《自贡市人民政府关于禁止在殡葬服务区域燃放烟花爆竹和禁烧不达环保要求丧葬制品的通告》要求，执行禁燃禁放禁烧相关规定。（市民政局牵头，市公安局、市应急局、市城管执法局配合）",
        "三（五）3:加强秸秆禁烧。全面加强秸秆禁烧管控，落实市、县、乡、村四级主体责任，建立网格化监管制度。坚持疏堵结合、以疏为主，加强重点区域和重点时段秸秆禁烧管控。在秋收和夏收阶段开展秸秆禁烧专项巡查，强化川南区域联动。加强秸秆禁烧宣传，普及秸秆综合利用知识。（市生态环境局、市农业农村局按职责分工负责）",
    ], 0),
    (["--task", "-m", "1", "腊肉"], ["三（四）8:严控城区露天熏制腊肉。加强宣传和引导，防止腌腊制品熏制污染大气环境。（市城管执法局牵头，市生态环境局配合）"], 0),
    (["-m", "2", "秸秆"], QIAN_GAN[:2], 0),
    (["-m", "0", "秸秆"], [], 1),
    (["-c", "-m", "5", "秸秆"], ["5"], 0),
    (["-l", "-m", "2", "秸秆"], ["三（五）1", "三（五）2"], 0),
    (["-o", "-m", "1", "秸秆"], ["三（五）1:秸秆"], 0),
    (["-o", "-m", "2", "秸秆"], ["三（五）1:秸秆", "三（五）2:秸秆"], 0),
    (["-o", "-v", "秸秆", "--section", "三（五）"], [], 0),  # -o -v selects but prints nothing, as grep
    (["--no-label", "食用菌"], ["推动秸秆基料化利用，发展食用菌栽培。"], 0),
    (["-C", "1", "食用菌"], [
        "三（五）2-推进秸秆饲料化利用，推广青贮饲料、压块饲料等。",
        "三（五）2:推动秸秆基料化利用，发展食用菌栽培。",
        "三（五）2-积极引导以秸秆为原料的生物质燃油、乙醇、发电、造纸、板材等产业发展。",
    ], 0),
    (["-A", "1", "秸秆综合利用率"], [
        "三（五）2:到2020年，全市秸秆综合利用率达到88%以上。",
        "三（五）2-（市发展改革委、市农业农村局牵头，市财政局配合）",
    ], 0),
    (["-B", "2", "四级主体责任"], [
        "三（五）3-加强秸秆禁烧。",
        "三（五）3:全面加强秸秆禁烧管控，落实市、县、乡、村四级主体责任，建立网格化监管制度。",
    ], 0),
    (["-A", "1", "-e", "腊肉", "-e", "文明祭祀"], [
        "三（四）8:严控城区露天熏制腊肉。",
        "三（四）8-加强宣传和引导，防止腌腊制品熏制污染大气环境。",
        "--",
        "三（四）10:倡导文明祭祀。",
        "三（四）10-按照《自贡市人民政府关于禁止在殡葬服务区域燃放烟花爆竹和禁烧不达环保要求丧葬制品的通告》要求，执行禁燃禁放禁烧相关规定。",
    ], 0),
    (["-C", "1", "--no-tag", "秸秆综合利用率"], ["三（五）2-积极引导以秸秆为原料的生物质燃油、乙醇、发电、造纸、板材等产业发展。",
                                              "三（五）2:到2020年，全市秸秆综合利用率达到88%以上。"], 0),
    (["--color", "always", "腊肉"], ["\x1b[32m三（四）8\x1b[0m:严控城区露天熏制\x1b[1;31m腊肉\x1b[0m。"], 0),
    (["--color", "never", "腊肉"], ["三（四）8:严控城区露天熏制腊肉。"], 0),
    (["--color", "auto", "腊肉"], ["三（四）8:严控城区露天熏制腊肉。"], 0),  # not a terminal here
    # --- structure filters, alone and with -c / -l
    (["--lead", "交通局", "-l", ""], TRANSPORT_LEAD, 0),
    (["--lead", "市交通运输局", "-l", ""], TRANSPORT_LEAD, 0),
    (["--support", "交通局", "-l", ""], TRANSPORT_SUPPORT, 0),
    (["--dept", "交通局", "-l", ""], TRANSPORT_ALL, 0),
    (["--dept", "交通运输局", "-l", ""], TRANSPORT_ALL, 0),  # without 市
    (["--dept", "市交通运输局", "--dept", "市城管执法局", "-l", ""], ["三（四）2", "三（四）3", "三（四）4"], 0),
    (["--lead", "交通局", "-l", "柴油货车"], ["三（三）8", "三（三）14"], 0),
    (["--support", "交通局", "-c", ""], ["31"], 0),  # 2+6+3+3+4+6+7 units (clauses + tag)
    (["--support", "交通局", "-c", "--task", ""], ["7"], 0),
    (["--lead", "市能源办", "-l", ""], ["三（一）7", "三（二）1", "三（二）2", "三（二）4", "三（二）5"], 0),
    (["--lead", "市农业农村局", "--support", "市财政局", "秸秆"], QIAN_GAN[1:8], 0),
    (["--dept", "市民政局", "--task", "--no-label", ""], [
        "倡导文明祭祀。按照《自贡市人民政府关于禁止在殡葬服务区域燃放烟花爆竹和禁烧不达环保要求丧葬制品的通告》要求，执行禁燃禁放禁烧相关规定。（市民政局牵头，市公安局、市应急局、市城管执法局配合）"], 0),
    (["--section", "三（六）", "-c", ""], ["22"], 0),  # 4 + 4 + 5 + 9
    (["--section", "三(六)", "-c", ""], ["22"], 0),
    (["--section", "四", "-l", ""], [f"四（{n}）" for n in "一二三四五六七八"], 0),
    (["--section", "三（五）", "-l", "秸秆"], ["三（五）1", "三（五）2", "三（五）3"], 0),
    (["--section", "三（四）", "秸秆"], [], 1),
    (["--section", "一", ""], ["一:以改善大气环境质量为目标，强化全域协同共治，坚持质量导向、系统防治，科学管控、精准施治，联防联控、社会共治，大力调整产业结构、能源结构、运输结构和用地结构，狠抓重污染天气应对，坚决打赢蓝天保卫战，实现环境、经济和社会效益多赢。"], 0),
    (["--section", "三（四）8", ""], ["三（四）8:严控城区露天熏制腊肉。", "三（四）8:加强宣传和引导，防止腌腊制品熏制污染大气环境。",
                                    "三（四）8:（市城管执法局牵头，市生态环境局配合）"], 0),
    (["--section", "三（一）", "--section", "三（五）", "-l", "秸秆|挥发性"], ["三（一）8", "三（一）13", "三（五）1", "三（五）2", "三（五）3"], 0),
]

ERROR_ROWS = [
    # (argv after "grep", text expected in the one-line stderr)
    (["a("], "kb: 正则表达式 'a(' 有误：圆括号 ( 没有配对的 )（第 2 个字符处）"),
    (["-e", "ok", "-e", "[z"], "kb: 正则表达式 '[z' 有误"),
    ([], "kb: 没有给出模式"),
    (["-e", "甲", "乙"], "又给了 PATTERN '乙'"),
    (["--no-such-option", "x"], "无法识别的参数：--no-such-option"),
    (["--dept", "国防部", "x"], "kb: --dept: 方案中没有部门“国防部”"),
    (["--lead", "交通据", "x"], "kb: --lead: 方案中没有部门“交通据”；最接近的：市交通运输局"),
    (["--section", "三（九）", "x"], "kb: 方案中没有部分或节 '三（九）'"),
    (["--section", "五", "x"], "kb: 方案中没有部分或节 '五'"),
    (["--due-before", "2020-13-01", "x"], "kb: --due-before 需要 YYYY-MM-DD 格式的日期"),
    (["--due-before", "2020", "x"], "kb: --due-before 需要 YYYY-MM-DD 格式的日期"),
    (["--year", "20", "x"], "参数 --year：应为四位数的年份"),
    (["--year", "next", "x"], "参数 --year：应为四位数的年份"),
    (["-m", "-1", "x"], "参数 -m/--max-count：应为 0 或更大的数"),
    (["-C", "x", "y"], "参数 -C/--context：应为整数"),
    (["--color", "sometimes", "x"], "参数 --color/--colour：无效的取值 'sometimes'"),
    (["--timeout", "0", "x"], "参数 --timeout：应大于 0 秒"),
    (["--timeout", "0.3", "(\\w|\\w\\w)+$"], "kb: 模式匹配超过了 0.3 秒"),
]


def _dupes(rows):
    keys = [repr(r[0]) for r in rows]
    return sorted({k for k in keys if keys.count(k) > 1})


def test_rows_are_unique():
    assert _dupes(ROWS) == [] and _dupes(ERROR_ROWS) == []


def _run(argv, capsys):
    code = main(["grep", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv,lines,status", ROWS, ids=[" ".join(r[0]) for r in ROWS])
def test_grep(argv, lines, status, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, err = _run(argv, capsys)
    assert out.splitlines() == lines
    assert code == status
    assert err == ""


@pytest.mark.parametrize("argv,message", ERROR_ROWS, ids=[" ".join(r[0]) for r in ERROR_ROWS])
def test_grep_errors(argv, message, capsys):
    try:
        code = main(["grep", *argv])
    except SystemExit as exc:  # argparse errors
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_fuzzy_department_is_noted(capsys):
    code, out, err = _run(["--lead", "市交通运输居", "-l", ""], capsys)
    assert (code, out.splitlines()) == (0, TRANSPORT_LEAD)
    assert err == "kb: 提示：--lead 市交通运输居：按“市交通运输局”理解\n"


# --- JSON Lines -------------------------------------------------------------

def _json_lines(argv, capsys):
    code, out, err = _run(["--json", *argv], capsys)
    assert err == ""
    for line in out.splitlines():
        assert "\\u" not in line  # Chinese unescaped
    return code, [json.loads(line) for line in out.splitlines()]


def test_json_matches_with_filter(capsys):
    code, objs = _json_lines(["--lead", "交通局", "柴油货车"], capsys)
    assert code == 0
    m1, m2, m3, summary = objs
    assert m1 == {"type": "match", "data": {
        "document": DOC, "label": "三（三）8", "task": f"{DOC}#3.3.8", "clause": 2, "kind": "clause",
        "text": "制定营运柴油货车和燃气车辆提前淘汰更新目标及实施计划。",
        "submatches": [{"match": {"text": "柴油货车"}, "start": 4, "end": 8, "byte_start": 12, "byte_end": 24}]}}
    assert (m2["data"]["label"], m2["data"]["clause"], m2["data"]["text"]) == ("三（三）14", 0, "开展柴油货车污染整治。")
    assert [(s["start"], s["end"], s["byte_start"], s["byte_end"]) for s in m3["data"]["submatches"]] == [
        (2, 6, 6, 18), (53, 57, 159, 171)]  # 加强柴油货车 after 53 characters of the clause
    data = summary["data"]
    assert summary["type"] == "summary"
    assert {k: data[k] for k in ("documents", "documents_with_match", "tasks_searched", "clauses_searched",
                                 "matched_clauses", "matched_tasks", "matches", "offsets")} == {
        "documents": 1, "documents_with_match": 1, "tasks_searched": 8, "clauses_searched": 42,
        "matched_clauses": 3, "matched_tasks": 2, "matches": 4, "offsets": "char"}
    assert data["elapsed_ms"] >= 0


def test_json_tag_match_and_context(capsys):
    code, objs = _json_lines(["-B", "1", "市口岸物流办"], capsys)
    assert code == 0
    assert [(o["type"], o["data"].get("kind"), o["data"].get("clause")) for o in objs[:-1]] == [
        ("context", "clause", 4), ("match", "tag", 5)]
    assert objs[0]["data"]["text"] == "推进货物运输公铁、铁水等多式联运。"
    assert objs[1]["data"]["submatches"][0]["start"] == 8  # after （市交通运输局、 (1 + 6 + 1 characters)


def test_json_count_and_labels(capsys):
    code, objs = _json_lines(["-c", "--section", "三（五）", "秸秆"], capsys)
    assert code == 0
    assert objs[0] == {"type": "count", "data": {"document": DOC, "count": 13}}
    assert objs[1]["data"]["matched_clauses"] == 13 and objs[1]["data"]["tasks_searched"] == 4
    code, objs = _json_lines(["-l", "--dept", "市民政局", ""], capsys)
    assert code == 0
    assert [o["type"] for o in objs] == ["task", "summary"]
    task = objs[0]["data"]
    assert (task["label"], task["lead"], task["support"]) == ("三（四）10", ["市民政局"], ["市公安局", "市应急局", "市城管执法局"])
    assert objs[1]["data"]["matched_tasks"] == 1


def test_json_task_and_invert(capsys):
    code, objs = _json_lines(["--task", "腊肉"], capsys)
    assert code == 0
    d = objs[0]["data"]
    assert d["label"] == "三（四）8" and d["clauses"] == [0]
    assert d["text"][d["submatches"][0]["start"]:d["submatches"][0]["end"]] == "腊肉"
    code, objs = _json_lines(["-v", "--section", "三（五）1", "秸秆"], capsys)
    assert [o["data"]["clause"] for o in objs[:-1]] == [0, 1, 3]
    assert all(o["data"]["submatches"] == [] for o in objs[:-1])


def test_json_nothing_found(capsys):
    code, objs = _json_lines(["不存在的说法"], capsys)
    assert code == 1
    assert [o["type"] for o in objs] == ["summary"]
    assert objs[0]["data"]["matched_clauses"] == 0 and objs[0]["data"]["tasks_searched"] == 74


# --- colour -----------------------------------------------------------------

class _Tty:
    def __init__(self, tty):
        self.tty = tty

    def isatty(self):
        return self.tty


COLOR_ROWS = [
    ("auto", {}, True, True),
    ("auto", {}, False, False),
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": ""}, True, True),  # NO_COLOR counts only when non-empty
    ("auto", {"TERM": "dumb"}, True, False),
    ("always", {"NO_COLOR": "1"}, False, True),  # an explicit flag wins over NO_COLOR
    ("never", {}, True, False),
]


class _TtyText(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.mark.parametrize("command", [["grep", "秸秆"], ["search", "秸秆", "-n", "1"]])
@pytest.mark.parametrize("choice,env,tty,expected", COLOR_ROWS)
def test_every_coloured_command_follows_one_rule(command, choice, env, tty, expected, monkeypatch):
    # kb search coloured a terminal whose TERM is dumb: it had a rule of its own.
    from kb.cli import main

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    out = _TtyText(tty)
    monkeypatch.setattr(sys, "stdout", out)
    assert main([command[0], "--color", choice, *command[1:]]) == 0
    assert ("\x1b[" in out.getvalue()) is expected, out.getvalue()


@pytest.mark.parametrize("choice,env,tty,expected", COLOR_ROWS)
def test_use_color(choice, env, tty, expected, monkeypatch):
    from kb.cli.grep import use_color

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert use_color(choice, _Tty(tty)) is expected


# --- processes: imports, closed pipe, several documents, runaway patterns ---

def _kb(*argv, env=None, **kw):
    return subprocess.run([sys.executable, "-m", "kb.cli", *argv], capture_output=True, text=True,
                          env=env or os.environ.copy(), cwd=ROOT, **kw)


IMPORT_CHECK = """
import sys
from kb.cli import main
code = main({argv!r})
heavy = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})
print('HEAVY', heavy, file=sys.stderr)
sys.exit(code)
"""

IMPORT_ROWS = [
    # json is allowed: the store's task rows are JSON (decoding the few matching tasks; a 4 ms import).
    (["grep", "秸秆"], ["jieba", "whoosh", "textual", "regex", "rapidfuzz", "yaml"]),
    (["grep", "-i", "vocs"], ["jieba", "whoosh", "textual", "rapidfuzz", "yaml"]),
    (["grep", "--dept", "交通局", "-c", ""], ["jieba", "whoosh", "textual", "rapidfuzz", "regex"]),
    (["grep", "--json", "秸秆"], ["jieba", "whoosh", "textual", "rapidfuzz", "regex"]),
    (["grep", "--dept", "市交通运输居", "-c", ""], ["jieba", "whoosh", "textual"]),
]


@pytest.mark.parametrize("argv,forbidden", IMPORT_ROWS, ids=[" ".join(r[0]) for r in IMPORT_ROWS])
def test_grep_stays_light(argv, forbidden):
    code = IMPORT_CHECK.format(argv=argv, forbidden=forbidden)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr


def test_closed_pipe_is_quiet(tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    text = (ROOT / "corpus" / f"{DOC}.txt").read_text(encoding="utf-8")
    for i in range(20):  # output larger than a pipe buffer, so writes hit the closed pipe
        # (each its own city's plan: one plan copied twice is read once, tests/test_same_plan_twice.py)
        (corpus / f"p{i:02d}.txt").write_text(text.replace("自贡", f"城{i:02d}"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "--corpus", str(corpus), "grep", "的"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert first.decode().startswith("p00:")
    assert err == b""
    assert proc.returncode == 0


def test_several_documents_prefix_the_document(tmp_path):
    corpus = tmp_path / "two"
    corpus.mkdir()
    text = (ROOT / "corpus" / f"{DOC}.txt").read_text(encoding="utf-8")
    for name, city in (("a", "自贡"), ("b", "内江")):  # (two cities' plans: one plan twice is read once)
        (corpus / f"{name}.txt").write_text(text.replace("自贡", city), encoding="utf-8")
    proc = _kb("--corpus", str(corpus), "grep", "腊肉")
    assert proc.stdout.splitlines() == ["a:三（四）8:严控城区露天熏制腊肉。", "b:三（四）8:严控城区露天熏制腊肉。"]
    proc = _kb("--corpus", str(corpus), "grep", "-c", "秸秆")
    assert proc.stdout.splitlines() == ["a:13", "b:13"]
    proc = _kb("--corpus", str(corpus), "grep", "-l", "-m", "1", "秸秆")
    assert proc.stdout.splitlines() == ["a:三（五）1", "b:三（五）1"]
    proc = _kb("--corpus", str(corpus), "grep", "--section", "三（五）", "-c", "腊肉")
    assert (proc.stdout.splitlines(), proc.returncode) == (["a:0", "b:0"], 1)


def test_huge_alternation_does_not_hang():
    words = [f"w{i:06d}x" for i in range(12000)]
    argv = []
    for k in range(10):  # ten -e of 12000 alternatives each: ~1 MB of pattern
        argv += ["-e", "|".join(w + str(k) for w in words)]
    proc = _kb("grep", "--timeout", "1", *argv, timeout=30)
    assert proc.returncode == 2
    assert "编译超过了 1 秒" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("pattern,said,why", [
    ("(", "圆括号 ( 没有配对的 )（第 1 个字符处）", "the library says 'missing )' at position 1, past the end"),
    ("a)", "多了一个 )，前面没有配对的 (（第 2 个字符处）", "unbalanced parenthesis at 0-based 1"),
    ("[秸秆", "方括号 [ 没有配对的 ]（第 3 个字符处）", "unterminated character set, found at the end"),
    ("*秸秆", "重复符号（* + ? {n}）前面没有可以重复的内容（第 1 个字符处）", "nothing to repeat at 0: counted from 1"),
    ("秸秆{3,1}", "{m,n} 中 m 大于 n", "min repeat greater than max repeat"),
    ("[z-a]", "字符范围无效（如 [z-a]，起点应不大于终点）", "bad character range"),
    ("(?Z)", "(? 后的写法无法识别", "unknown extension"),
    ("\\p{Foo}", "\\p{…} 中的字符属性无法识别", "unknown property"),
])
def test_regex_errors_are_said_in_chinese(capsys, pattern, said, why):
    assert main(["grep", pattern]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err, (why, err)
    import regex

    try:
        regex.compile(pattern)
    except regex.error as exc:
        assert exc.msg not in err, ("the library's English is not shown", err)
