"""A folder of plans is one knowledge base: every listing names the plan (figures counted by hand
from gold.json and the bundled plan's figures in test_plan.py)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.registry import resolve_department
from kb.store import load_plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "tests" / "fixtures" / "plans"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("three-plans")
    shutil.copy(ROOT / "corpus" / "zigong-blue-sky-plan.txt", d)
    for name in ("02_nongjihua_guofa2018-42.txt", "05_guangzhou_rencaijiju_2012.txt"):
        shutil.copy(PLANS / name, d)
    return d


def kb(folder, *argv):
    proc = subprocess.run([sys.executable, "-m", "kb.cli", "--corpus", str(folder), *argv], capture_output=True, text=True)
    assert "Traceback" not in proc.stderr
    return proc


def test_tasks_json_names_the_plan_of_every_task(folder):
    data = json.loads(kb(folder, "tasks", "--json").stdout)
    assert len(data["documents"]) == 3 and data["document"] is None
    assert all(t["plan"]["file"].endswith(".txt") and t["plan"]["title"] for t in data["tasks"])
    titles = {t["plan"]["title"] for t in data["tasks"]}
    assert "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见" in titles


def test_tasks_text_names_the_plan_on_every_line(folder):
    lines = [ln for ln in kb(folder, "tasks").stdout.splitlines() if not ln.startswith("# ")]
    assert lines and all(ln.endswith(".txt）") for ln in lines)


def test_duties_group_by_plan(folder):
    # 市发展改革委 is a body of Zigong and of Guangzhou: two plans, two groups.
    out = kb(folder, "duties", "市发展改革委").stdout
    assert out.splitlines()[0] == "市发展改革委：牵头 9 项，共同负责 1 项，配合 15 项（2 个方案）"
    assert "# 《05_guangzhou_rencaijiju_2012》（05_guangzhou_rencaijiju_2012.txt）：牵头 1 项，配合 3 项" in out
    assert "# 《自贡市打赢蓝天保卫战实施方案》（zigong-blue-sky-plan.txt）：牵头 8 项，共同负责 1 项，配合 12 项" in out
    data = json.loads(kb(folder, "duties", "市发展改革委", "--json").stdout)
    assert [(p["file"], p["counts"]["lead"], p["counts"]["support"]) for p in data["plans"]] == [
        ("05_guangzhou_rencaijiju_2012.txt", 1, 3), ("zigong-blue-sky-plan.txt", 8, 12)]
    assert all("plan" in t for t in data["tasks"])


def test_ministry_is_not_the_city_bureau(folder):
    out = kb(folder, "duties", "发展改革委").stdout
    assert out.splitlines()[0] == "发展改革委：配合 10 项（1 个方案）"
    assert "02_nongjihua_guofa2018-42.txt" in out and "zigong" not in out


def test_depts_per_plan_and_total(folder):
    data = json.loads(kb(folder, "depts", "--json").stdout)
    by = {d["name"]: d for d in data["departments"]}
    ndrc = by["市发展改革委"]
    assert (ndrc["lead"], ndrc["support"]) == (9, 15)
    assert [(p["file"], p["lead"], p["support"]) for p in ndrc["plans"]] == [
        ("05_guangzhou_rencaijiju_2012.txt", 1, 3), ("zigong-blue-sky-plan.txt", 8, 12)]
    assert by["发展改革委"]["support"] == 10 and by["各区、县级市"]["support"] == 33
    assert len(data["plans"]) == 3
    text = kb(folder, "depts").stdout
    assert text.startswith("# 全部 3 个方案合计\n") and text.count("\n# 《") == 3


def test_resolve_names_of_other_plans(folder):
    plan = load_plan(str(folder))
    assert resolve_department("交通局", plan).name == "市交通运输局"  # Zigong's alias still works
    assert resolve_department("发展改革委", plan).name == "发展改革委"  # the ministry, as written
    assert resolve_department("市人力资源和社会保障", plan).name == "市人力资源和社会保障局"  # fuzzy, Guangzhou's own name
