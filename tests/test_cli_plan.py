"""``kb tasks``, ``kb depts``, ``kb duties``: output, JSON shape, errors and bad input files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "zigong-blue-sky-plan.txt"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_tasks_json_shape(capsys):
    code, out, _ = run(capsys, "tasks", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["document"]["title"] == "自贡市打赢蓝天保卫战实施方案"
    assert len(data["tasks"]) == 74
    t = next(t for t in data["tasks"] if t["label"] == "三（二）1")
    for key in ("id", "label", "section", "title", "text", "lead", "support", "sole", "shared", "implied", "subunits", "deadlines", "targets", "clauses"):
        assert key in t
    assert t["lead"] == ["市发展改革委"] and t["subunits"] == {"市发展改革委": ["市能源办"]}
    assert "\\u" not in out  # Chinese unescaped


def test_tasks_text_lists_every_paragraph(capsys):
    code, out, _ = run(capsys, "tasks")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 75  # header + 74 paragraphs
    assert lines[1].startswith("一\t") and lines[-1].startswith("四（八）\t深化全民共治")


def test_depts_sorted_by_total(capsys):
    code, out, _ = run(capsys, "depts", "--json")
    rows = json.loads(out)["departments"]
    assert [r["name"] for r in rows[:3]] == ["市生态环境局", "市经济和信息化局", "市发展改革委"]
    eco = rows[0]
    assert (eco["lead"], eco["support"], eco["sole"], eco["shared"], eco["total"]) == (24, 13, 1, 3, 41)
    energy = next(r for r in rows if r["name"] == "市能源办")
    assert energy["parent"] == "市发展改革委" and energy["total"] == 8
    assert all(r["registered"] for r in rows)
    totals = [r["total"] for r in rows]
    assert totals == sorted(totals, reverse=True)


@pytest.mark.parametrize(
    "argv,labels",
    [
        (["duties", "市交通运输局", "--role", "lead"], ["三（一）13", "三（一）14", "三（三）1", "三（三）2", "三（三）6", "三（三）8", "三（三）9", "三（三）14"]),
        (["duties", "交通局", "--role", "support"], ["三（一）16", "三（三）12", "三（三）15", "三（三）16", "三（四）2", "三（四）3", "三（四）4"]),
        (["duties", "市生态环境局", "--role", "sole"], ["三（一）20"]),
        (["duties", "科技局", "--role", "shared"], ["三（一）19"]),
        (["duties", "能源办", "--role", "support"], ["三（一）3", "三（二）7", "三（三）9"]),
        (["duties", "成员单位"], ["三（六）1", "三（六）2", "三（六）3", "三（六）4"]),
    ],
)
def test_duties_json(capsys, argv, labels):
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 0
    assert [t["label"] for t in json.loads(out)["tasks"]] == labels


def test_duties_groups_in_order(capsys):
    code, out, _ = run(capsys, "duties", "交通局", "--json")
    data = json.loads(out)
    assert data["department"] == "市交通运输局" and data["resolved_by"] == "alias"
    assert list(data["groups"]) == ["lead", "shared", "support"]
    assert data["counts"]["lead"] == 8 and data["counts"]["support"] == 7 and data["counts"]["shared"] == 4


def test_duties_implied_implementers(capsys):
    code, out, _ = run(capsys, "duties", "区县政府", "--json")
    data = json.loads(out)
    assert data["counts"]["implied"] == 64 and data["counts"]["support"] == 1
    assert len(data["tasks"]) == 64


def test_duties_text(capsys):
    code, out, _ = run(capsys, "duties", "市城管执法局")
    assert code == 0
    assert out.splitlines()[0] == "市城管执法局：牵头 4 项，共同负责 1 项，配合 2 项"
    assert "  三（四）7\t严控垃圾、落叶露天焚烧\t（配合：市生态环境局）" in out


@pytest.mark.parametrize(
    "role, same_as",
    [("牵头", "lead"), ("配合", "support"), ("负责", "sole"), ("按职责分工负责", "shared"), ("落实", "implied"), ("全部", "any")],
)
def test_duties_accepts_chinese_role_words(capsys, role, same_as):
    assert run(capsys, "duties", "区县政府" if same_as == "implied" else "市生态环境局", "--role", role, "--json")[1] == \
        run(capsys, "duties", "区县政府" if same_as == "implied" else "市生态环境局", "--role", same_as, "--json")[1]


def test_duties_text_shows_deadlines_targets_and_first_clause(capsys):
    code, out, _ = run(capsys, "duties", "交通局", "--role", "牵头")
    lines = out.splitlines()
    # 三（一）14 has no title: its first clause names it; its target follows on the next line.
    i = next(i for i, line in enumerate(lines) if line.startswith("  三（一）14\t"))
    assert lines[i].split("\t")[1] == "全面推进汽油储油库、油罐车、加油站油气回收治理改造"
    assert lines[i + 1] == "  \t目标指标：已安装油气回收设施 油气回收率 提高到 ≥80%"
    # 三（三）8 加快淘汰老旧车辆 states its deadlines.
    j = next(i for i, line in enumerate(lines) if line.startswith("  三（三）8\t"))
    assert lines[j + 1].startswith("  \t完成时限：")


def test_duties_every_group_lists_its_count(capsys):
    code, out, _ = run(capsys, "duties", "各区县政府")
    assert out.splitlines()[0] == "各区县政府：配合 1 项，落实 64 项"
    assert "【落实（方案要求各项工作均需落实）】64 项" in out  # 三（一）1 stands under 配合 and 落实


@pytest.mark.parametrize(
    "argv,message",
    [
        (["duties", "市教育局"], "kb: 方案中没有部门“市教育局”；最接近的："),
        (["duties", "交通局", "--role", "boss"], "参数 --role：不认识的职责 'boss'"),
        (["--corpus", "/nonexistent/plan.txt", "tasks"], "kb: 找不到方案：/nonexistent/plan.txt"),
        (["nosuchcommand"], "参数 命令：无效的取值 'nosuchcommand'"),
    ],
)
def test_usage_errors_exit_2(capsys, argv, message):
    with pytest.raises(SystemExit) if "参数" in message else _nullcontext():
        code = main(argv)
        assert code == 2
    _, err = capsys.readouterr()
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) <= 2


class _nullcontext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _kb(*argv, env=None):
    return subprocess.run(
        [sys.executable, "-m", "kb.cli", *argv], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_corpus_option_and_env(tmp_path):
    gbk = tmp_path / "gbk-plan.txt"
    gbk.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    runs = [
        (("--corpus", str(gbk), "duties", "交通局", "--json"), None),
        (("duties", "交通局", "--json"), {"KB_CORPUS": str(tmp_path)}),
    ]
    for argv, env in runs:
        proc = _kb(*argv, env=env)
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        assert data["counts"]["lead"] == 8
        assert all(t["doc"] == "gbk-plan" for t in data["tasks"])


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "文件是空的"),
        (b"\x00\x01\x02binary\xff\xfe", "像是二进制文件"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "像是二进制文件"),
    ],
)
def test_bad_files(tmp_path, content, message):
    f = tmp_path / "plan.txt"
    f.write_bytes(content)
    proc = _kb("--corpus", str(f), "tasks")
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_broken_tags_are_reported_not_lost(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("某市测试方案\n三、重点任务\n（一）第一节。\n甲任务。（市生态环境局牵头，市公安局配合\n乙任务。（市生态环境局督办）\n", encoding="utf-8")
    proc = _kb("--corpus", str(f), "tasks", "--json")
    assert proc.returncode == 0
    tasks = json.loads(proc.stdout)["tasks"]
    assert [t["label"] for t in tasks] == ["三（一）1", "三（一）2"]
    assert tasks[0]["lead"] == ["市生态环境局"] and tasks[0]["support"] == ["市公安局"]
    assert "三（一）1: 职责标注的括号没有闭合" in proc.stderr
    assert "三（一）2: 段末括号像职责标注，但没有职责词" in proc.stderr


def test_ten_megabyte_line(tmp_path):
    # 992 万字 in one line is no plan (kb reads 300 万字 at most: kb/ingest MAX_TEXT_CHARS): one line, exit 2,
    # before the parser spends minutes on it.  (The parser's work on long paragraphs stays linear:
    # tests/test_safety.py TestLinearTargets.)
    f = tmp_path / "plan.txt"
    f.write_text(("加强管理，推进工作" * 50 + "。") * 22000, encoding="utf-8")
    proc = _kb("--corpus", str(f), "tasks", "--json")
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "正文太长（992 万字）" in proc.stderr, proc.stderr


def test_unregistered_department_is_listed_with_warning(tmp_path):
    # A Zigong plan is read with Zigong's vocabulary: a name it lacks is kept and reported.
    f = tmp_path / "plan.txt"
    f.write_text("自贡市测试方案\n三、重点任务\n甲任务。（市新设局牵头，市公安局配合）\n", encoding="utf-8")
    proc = _kb("--corpus", str(f), "depts")
    assert proc.returncode == 0
    assert "市新设局 *\t1\t0" in proc.stdout
    assert "市新设局 不在发文单位的部门名录中" in proc.stderr


def test_other_city_plan_needs_no_registry(tmp_path):
    # Another city's plan: names as written, no vocabulary, nothing to report.
    f = tmp_path / "plan.txt"
    f.write_text("某市测试方案\n三、重点任务\n甲任务。（市新设局牵头，市交通局配合）\n", encoding="utf-8")
    proc = _kb("--corpus", str(f), "depts")
    assert proc.returncode == 0 and proc.stderr == ""
    assert "市新设局\t1\t0" in proc.stdout and "市交通局\t0\t1" in proc.stdout


PLANS = ROOT / "tests" / "fixtures" / "plans"


@pytest.mark.parametrize("corpus,header,why", [
    (SEED, "部门\t牵头\t配合\t负责\t共同负责\t合计\t落实（隐含）",
     "the bundled plan gives all four roles and a part note names implementers (各区县政府)"),
    (PLANS / "25_jingan_chengshigengxin_2023.txt", "部门\t负责\t共同负责\t合计",
     "bare 负责 lists only (24 rows of several units: shared; rows 12–14 区绿化市容局 alone): no column of zeros for "
     "牵头/配合/落实"),
    (PLANS / "21_songjiang_chengshigengxin_2025.txt", "部门\t牵头\t配合\t合计",
     "牵头单位 and 支撑单位 (read as 配合) only"),
])
def test_depts_shows_only_counted_role_columns(capsys, corpus, header, why):
    code, out, _ = run(capsys, "--corpus", str(corpus), "depts")
    lines = out.splitlines()
    assert code == 0 and lines[0] == header, why
    width = header.count("\t") + 1
    assert all(ln.count("\t") + 1 == width for ln in lines[1:] if not ln.startswith("*")), "every row as wide as the header"


def test_depts_json_keeps_every_key(capsys):
    code, out, _ = run(capsys, "--corpus", str(PLANS / "25_jingan_chengshigengxin_2023.txt"), "depts", "--json")
    first = json.loads(out)["departments"][0]
    assert code == 0 and first["name"] == "区建设管理委"
    assert {k: first[k] for k in ("lead", "support", "sole", "shared", "implied", "total")} == {
        "lead": 0, "support": 0, "sole": 0, "shared": 18, "implied": 0, "total": 18}  # never alone in its 18 rows


def test_depts_of_several_plans_one_header_per_table(tmp_path, capsys):
    for name in ("21_songjiang_chengshigengxin_2025.txt", "25_jingan_chengshigengxin_2023.txt"):
        (tmp_path / name).write_bytes((PLANS / name).read_bytes())
    code, out, _ = run(capsys, "--corpus", str(tmp_path), "depts")
    heads = [ln for ln in out.splitlines() if ln.startswith("部门\t")]
    assert code == 0 and heads == ["部门\t牵头\t配合\t负责\t共同负责\t合计", "部门\t牵头\t配合\t合计", "部门\t负责\t共同负责\t合计"]


def test_tasks_json_of_a_plan_without_tasks_is_valid(capsys, tmp_path):
    """A text kb reads no task in (a notice on one line: all preface) still prints valid JSON, ``"tasks": []`` —
    the streamed list printed ``"tasks": ]``."""
    plan = tmp_path / "notice.txt"
    plan.write_text("某某省人民政府办公厅关于印发某方案的通知 各市县人民政府：现将方案印发给你们，请认真贯彻执行。", "utf-8")
    code, out, _ = run(capsys, "tasks", "--json", "--corpus", str(plan))
    assert code == 0
    assert json.loads(out)["tasks"] == []


def test_duties_text_counts_items_and_says_rows(capsys):
    """kb duties counts the plan's numbered items as kb depts does, and says the rows when a 任务分工表 序号 spans
    several: plan 89's 市卫生健康委 printed 牵头 21 项 where kb depts said 13 (review-rest).  Hand counts: 13 items led in
    21 rows, 13 supported in 16 rows."""
    plan = Path(__file__).parent / "fixtures" / "plans" / "89_guangzhou_jiatingyisheng_2023.txt"
    code, out, _ = run(capsys, "duties", "市卫生健康委", "--corpus", str(plan))
    assert code == 0
    assert out.splitlines()[0] == "市卫生健康委：牵头 13 项（21 行），配合 13 项（16 行）"
    assert "【牵头】13 项（21 行）" in out and "【配合】13 项（16 行）" in out
