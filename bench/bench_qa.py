"""Benchmark of answering, run by hand (`make bench` or `.venv/bin/python bench/bench_qa.py`).

Prints, measured in this run:
- the baseline: wall time of `python -c "import jieba; jieba.initialize()"`;
- cold `kb ask` on a department question (target ≤ 0.3× the baseline) and on topic
  questions (target ≤ 0.5×), with the plan, vocabulary and index caches warm;
- warm p95 answer time over the question set of tests/test_qa_questions.py, in process (target ≤ 10 ms);
- index build time of the bundled plan (target ≤ 3 s), and how build time and warm
  query time grow with 10× and 100× copies of the plan as separate documents.
"""

from __future__ import annotations

import copy
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timing import median_wall  # bench/ is sys.path[0] when a bench runs as a script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CACHE = Path(tempfile.mkdtemp(prefix="kb-bench-qa-"))
os.environ["KB_CACHE_DIR"] = str(CACHE)
os.environ.pop("KB_CORPUS", None)

RUNS = 7
DEPARTMENT_Q = "交通局牵头哪些任务"
TOPIC_QS = ["秸秆禁烧由谁负责", "国六标准什么时候实施", "哪些任务涉及VOCs", "大气污染防治考核暂行办法"]


def wall(cmd: list[str], runs: int = RUNS) -> float:
    """Median wall time of a command, in seconds."""
    return median_wall(cmd, runs, cwd=ROOT)


def kb_cmd() -> list[str]:
    script = Path(sys.executable).parent / "kb"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kb.cli"]


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(round(0.95 * len(values))) - 1)]


def copies(plan, n: int):
    """``n`` copies of the plan as separate documents (ids renamed)."""
    from kb.model import Plan

    out = Plan(registry=plan.registry)
    for k in range(n):
        for doc in plan.documents:
            d = copy.copy(doc)
            d.id = f"{doc.id}-{k}"
            out.documents.append(d)
        for t in plan.tasks:
            c = copy.copy(t)
            c.doc = f"{t.doc}-{k}"
            c.id = c.doc + t.id[len(t.doc):]
            out.tasks.append(c)
    return out


def build_and_query(plan, label: str) -> tuple[float, float]:
    from kb.qa import index

    path = CACHE / f"bench-{label}"
    shutil.rmtree(path, ignore_errors=True)
    seconds = index.build(plan, path)
    ix = index._open(path)
    queries = ["秸秆 禁烧", "国六 标准", "VOCs", "散乱污企业整治", "机械化清扫率", "重污染天气 红色 预警", "扬尘", "加油站 抽检"]
    times = []
    for _ in range(5):
        for q in queries:
            t = time.perf_counter()
            ix.search(q, limit=10)
            times.append(time.perf_counter() - t)
    ix.close()
    shutil.rmtree(path, ignore_errors=True)
    return seconds, p95(times)


#: Nouns a named-set question tries (the reader tries several candidates, its executor the one found).
NAMED_NOUNS = ["三项负面清单", "阶段", "重点任务", "工作目标", "保障措施", "配套文件", "领导小组", "成员", "四个一批", "主要内容"]


def named_set_questions(count: int = 100) -> None:
    """Named sets over ``count`` distinct plans (bench_scale.generate), in process: a question's reader and executor
    each ask ``named_sets`` for its nouns.  Baseline, this run: one plain scan of every paragraph's text for each noun
    (``noun in text``), the least any reading of the plan does.  Printed: the first question (the plan's noun index
    is built) and the next ones (read from it), as ratios to the baseline."""
    from bench_scale import generate

    from kb.qa.named_sets import named_sets
    from kb.store import parse_in_memory

    folder = CACHE / "named-sets"
    generate(folder, count)
    plan = parse_in_memory(sorted(folder.glob("*.txt")))
    texts = [t.text or "" for t in plan.tasks]
    t = time.perf_counter()
    for noun in NAMED_NOUNS:
        sum(noun in text for text in texts)
    baseline = time.perf_counter() - t

    def question(nouns) -> float:
        t = time.perf_counter()
        for noun in nouns:
            named_sets(plan, noun)  # the reader
            named_sets(plan, noun)  # the executor
        return time.perf_counter() - t

    half = len(NAMED_NOUNS) // 2
    first = question(NAMED_NOUNS[:half])  # (the plan's noun index is built)
    other = question(NAMED_NOUNS[half:])  # (other nouns: read from the index)
    again = question(NAMED_NOUNS[:half])  # (the same nouns: the sets found before)
    print(f"named-set questions ({half} nouns each, reader + executor) over {count} plans ({len(texts)} paragraphs; "
          f"baseline: one plain scan of every paragraph for those nouns, {baseline * 500:.1f} ms): "
          f"first {first * 1000:.1f} ms ({first / baseline * 2:.1f}×), another {other * 1000:.1f} ms "
          f"({other / baseline * 2:.1f}×), the first again {again * 1000:.2f} ms ({again / baseline * 2:.2f}×)")


def main() -> int:
    print(f"cache: {CACHE}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set: every process compiles its modules (kb's and jieba's alike)")
    baseline = wall([sys.executable, "-c", "import jieba; jieba.initialize()"])
    bare = wall([sys.executable, "-c", "pass"])
    print(f"baseline  python -c 'import jieba; jieba.initialize()': {baseline * 1000:7.1f} ms   (python -c pass: {bare * 1000:.1f} ms)")

    from kb.qa import Session, index
    from kb.store import load_plan

    plan = load_plan()
    t = time.perf_counter()
    ix = index.open_index(plan)
    first_build = time.perf_counter() - t
    ix.close()
    Session().ask(DEPARTMENT_Q)  # warm the vocabulary cache
    print(f"index build, bundled plan ({len(plan.tasks)} paragraphs, jieba included): {first_build:.2f} s   "
          f"target ≤ 3 s  {'OK' if first_build <= 3 else 'MISSED'}")

    cold = wall(kb_cmd() + ["ask", DEPARTMENT_Q])
    ratio = cold / baseline
    print(f"cold kb ask {DEPARTMENT_Q}: {cold * 1000:7.1f} ms = {ratio:.2f}× baseline   target ≤ 0.30×  {'OK' if ratio <= 0.3 else 'MISSED'}")
    for q in TOPIC_QS:
        cold = wall(kb_cmd() + ["ask", q])
        ratio = cold / baseline
        print(f"cold kb ask {q}: {cold * 1000:7.1f} ms = {ratio:.2f}× baseline   target ≤ 0.50×  {'OK' if ratio <= 0.5 else 'MISSED'}")

    from test_qa_chat import CONVERSATIONS
    from test_qa_questions import QUESTIONS

    session = Session(plan=plan)
    session.ensure_index()
    for q, _, _ in QUESTIONS:  # warm: lazy parts loaded once
        session.ask(q)
    times, cpu = [], []
    for _ in range(3):
        for q, _, _ in QUESTIONS:
            s = Session(plan=plan)
            s._index, s._voc, s._lexicon, s._folded = session._index, session._voc, session._lexicon, session._folded
            s._charset, s._plan_text = session._charset, session._plan_text
            t, c = time.perf_counter(), time.process_time()
            s.ask(q)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        for turns in CONVERSATIONS.values():
            for q, _, _ in turns:
                t, c = time.perf_counter(), time.process_time()
                session.ask(q)
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
    print(f"warm answers ({len(times)} asks): median {statistics.median(times) * 1000:.2f} ms, "
          f"p95 {p95(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms   target p95 ≤ 10 ms  "
          f"{'OK' if p95(times) <= 0.010 else 'MISSED'}")
    # On a shared, loaded machine wall time includes waiting for a core; CPU time does not.
    print(f"warm answers, CPU time: median {statistics.median(cpu) * 1000:.2f} ms, p95 {p95(cpu) * 1000:.2f} ms   "
          f"target p95 ≤ 10 ms  {'OK' if p95(cpu) <= 0.010 else 'MISSED'}")

    reads, read_cpu = [], []
    for _ in range(3):
        for q, _, _ in QUESTIONS:
            t, c = time.perf_counter(), time.process_time()
            session.read_query(q)
            reads.append(time.perf_counter() - t)
            read_cpu.append(time.process_time() - c)
    print(f"reading a question into a Query ({len(reads)} reads): median {statistics.median(reads) * 1000:.3f} ms, "
          f"p95 {p95(reads) * 1000:.3f} ms (CPU p95 {p95(read_cpu) * 1000:.3f} ms)   target p95 ≤ 1 ms  "
          f"{'OK' if p95(read_cpu) <= 0.001 else 'MISSED'}")

    named_set_questions()

    print("growth with copies of the plan as separate documents:")
    base_build = base_query = None
    for n in (1, 10, 100):
        build_s, query_p95 = build_and_query(copies(plan, n), f"x{n}")
        base_build = base_build or build_s
        base_query = base_query or query_p95
        print(f"  {n:3d}× ({n * len(plan.tasks):5d} paragraphs): build {build_s:6.2f} s ({build_s / base_build:5.1f}×), "
              f"search p95 {query_p95 * 1000:6.2f} ms ({query_p95 / base_query:5.1f}×)")
    shutil.rmtree(CACHE, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
