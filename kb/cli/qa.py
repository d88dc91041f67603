"""``kb ask``, ``kb chat``, ``kb search`` and ``kb index``: questions and full-text search."""

from __future__ import annotations

import sys
from functools import lru_cache

from kb.cli import use_color
from kb.safetext import json_dumps


def add_arguments(parser, name: str) -> None:
    """Options of the four commands."""
    if name == "ask":
        parser.add_argument("question", nargs="*", metavar="QUESTION", help="问题（如：交通局牵头哪些任务）")
    if name == "search":
        parser.add_argument("query", nargs="+", metavar="QUERY", help="要检索的词（如：秸秆 禁烧）")
        parser.add_argument("-n", "--limit", type=int, default=10, metavar="N", help="最多显示 N 条结果（默认 10）")
    if name == "index":
        parser.add_argument("--rebuild", action="store_true", help="即使索引是最新的也重新建立")
        parser.add_argument("--update", action="store_true",
                            help="索引缺失时建立；否则只增删有改动的方案（终端上显示进度）")
        parser.add_argument("--procs", type=int, default=None, metavar="N",
                            help="完整建立时的工作进程数（Whoosh 多进程写入；默认：5000 段以上每个 CPU 一个，至多 4 个）")
        parser.add_argument("--progress-lines", action="store_true",
                            help="把进度逐行写到标准错误（kb-progress、已完成、总数、说明，以制表符分隔；供终端界面读取）")
    if name in ("ask", "chat", "search", "index"):
        parser.add_argument("--json", action="store_true", help="输出 JSON Lines（中文不转义）")
    if name == "search":
        parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                            help="高亮匹配：auto（默认，仅在终端中、未设 NO_COLOR 且 TERM 不是 dumb 时）、always、never")


def run(args) -> int:
    """Dispatch to the command."""
    return {"ask": _ask, "chat": _chat, "search": _search, "index": _index}[args.command](args)


def _line(obj) -> None:
    sys.stdout.write(json_dumps(obj) + "\n")


def _ask(args) -> int:
    from kb.qa import Session

    question = " ".join(args.question)
    if not question.strip():
        # (kb chat answers a blank line with a hint; one `kb ask` without a question is a usage error)
        sys.stderr.write("kb ask: 请在命令后写上问题，例如：kb ask 交通局牵头哪些任务\n")
        return 2
    session = Session(args.corpus)
    _write_answer(session.ask(question), args.json, "\n")
    return 0


def _write_answer(answer, as_json: bool, end: str) -> None:
    """An answer on stdout: its JSON on one line, or its text followed by ``end``."""
    if as_json:
        _line(answer.to_dict())
    else:
        sys.stdout.write(answer.text + end)


def _chat(args) -> int:
    from kb.qa import Session

    session = Session(args.corpus)
    interactive = sys.stdin.isatty() and not args.json
    while True:
        if interactive:
            sys.stdout.write("问> ")
            sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            break
        question = line.rstrip("\r\n")
        _write_answer(session.ask(question), args.json, "\n\n")  # a blank line between answers
        sys.stdout.flush()
    return 0


def _search(args) -> int:
    from kb.qa import Session
    from kb.qa.text import fold, task_head
    from kb.safetext import trusted

    if args.limit < 1:
        from kb.errors import KbError

        raise KbError(f"--limit 至少为 1（现在是 {args.limit}）")
    query = " ".join(args.query)
    if not query.strip():
        sys.stderr.write(f"kb search: 请在命令后写上要检索的词，例如：{_SEARCH_EXAMPLE}\n")
        return 2
    session = Session(args.corpus)
    index = session.ensure_index()
    stop = function_characters()
    phrases = index.query_phrases(query, stop)
    if not phrases:
        # (a query of lone 的/在/不 would list paragraphs matched on nothing but them: say so instead)
        tokens = index.tokens(query)
        said = "、".join(dict.fromkeys(tokens))
        why = f"只有虚词（{said}），单独检索它们找不到有意义的结果" if tokens else "没有可检索的汉字、字母或数字"
        sys.stderr.write(f"kb search: “{_printable(query)}”{why}；请写上实词，例如：{_SEARCH_EXAMPLE}\n")
        return 2
    hits = index.search_phrases(phrases, limit=args.limit)
    color = use_color(args.color, sys.stdout)
    # With several plans each hit names its plan (Document.name), as answers do: 〔plan〕 after the task.
    names = dict(session.plan.document_names())
    several = len(names) > 1
    for rank, hit in enumerate(hits, 1):
        task = session.plan.task(hit.task_id)
        if task is None:
            continue
        clause = _best_clause(task, hit.terms, fold)
        plan_name = names.get(task.doc) or task.doc
        if args.json:
            _line({"rank": rank, "score": round(hit.score, 3), "label": task.label, "plan": plan_name,
                   "terms": hit.terms, "excerpt": clause, "task": task.to_dict()})
            continue
        mark = _highlighter(hit.terms, color)
        where = f"〔{_plain(plan_name, color)}〕" if several else ""
        line = f"{rank}. {_plain(task.label, color)} {mark(task_head(task))}{where}  [{hit.score:.1f}]\n   {mark(clause)}\n"
        # Coloured lines escape their data themselves (kb.safetext) and hold kb's own codes only.
        (trusted(sys.stdout) if color else sys.stdout).write(line)
    return 0 if hits else 1


_SEARCH_EXAMPLE = "kb search 秸秆 禁烧"


@lru_cache(maxsize=1)
def function_characters() -> frozenset[str]:
    """Characters ``kb search`` drops when they stand alone in a query (kb/data/search.yaml, checked on load)."""
    from kb.data import DATA_DIR, load_cached_yaml
    from kb.errors import KbError

    path = DATA_DIR / "search.yaml"

    def build(data: dict) -> frozenset[str]:
        chars = data.get("function_characters")
        if set(data) != {"version", "function_characters"} or not isinstance(chars, list) or not chars or not all(
                isinstance(c, str) and len(c) == 1 for c in chars):
            raise KbError(f"{path}：应恰好有 version 和 function_characters 两个键，后者为单个汉字的列表；请从代码仓库恢复这个文件")
        return frozenset(chars)

    return load_cached_yaml(path, "search vocabulary", build)


def _printable(text: str) -> str:
    """``text`` for a one-line message: control characters (tab and newline too) shown escaped, never raw."""
    from kb.safetext import escape_line

    return escape_line(text)


def _best_clause(task, terms: list[str], fold) -> str:
    """The clause of the task holding the most query terms (the excerpt shown)."""
    clauses = task.clauses or [task.text]
    return max(clauses, key=lambda c: sum(1 for t in terms if t in fold(c)))


def _highlighter(terms: list[str], color: bool):
    """A function marking the terms in a text: ANSI bold red on a terminal, 【】 otherwise."""
    import re
    import unicodedata

    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words:
        return lambda text: _plain(text, color)

    def mark(text: str) -> str:
        # Match on the NFKC/lower form character by character so the original characters are kept.
        norm = [unicodedata.normalize("NFKC", ch).lower() for ch in text]
        flat = "".join(norm)
        if len(flat) != len(text):
            return _plain(text, color)  # a character changed length under NFKC: leave the text unmarked
        spans: list[tuple[int, int]] = []
        for w in words:
            for m in re.finditer(re.escape(w), flat):
                if not any(a < m.end() and m.start() < b for a, b in spans):
                    spans.append((m.start(), m.end()))
        merged: list[list[int]] = []
        for a, b in sorted(spans):  # words that touch are one mark: 【秸秆禁烧】, not 【秸秆】【禁烧】
            if merged and merged[-1][1] == a:
                merged[-1][1] = b
            else:
                merged.append([a, b])
        out, last = [], 0
        for a, b in merged:
            out.append(_plain(text[last:a], color))
            out.append(f"\x1b[1;31m{_plain(text[a:b], color)}\x1b[0m" if color else f"【{text[a:b]}】")
            last = b
        out.append(_plain(text[last:], color))
        return "".join(out)

    return mark


def _plain(text: str, color: bool) -> str:
    """Data in a coloured line, escaped here (the line is written past kb.safetext's stream)."""
    if not color:
        return text
    from kb.safetext import escape

    return escape(text)


def _index(args) -> int:
    from kb.qa import index as qaindex
    from kb.store import load_plan

    plan = load_plan(args.corpus)
    memory = None
    if args.rebuild or args.update:
        progress = None
        if args.progress_lines:
            def progress(step) -> None:
                done, total = getattr(step, "done", 0), getattr(step, "total", 0)
                print(f"{qaindex.PROGRESS_MARK}\t{done}\t{total}\t{step}", file=sys.stderr, flush=True)
        ix = qaindex.open_index(plan, rebuild=args.rebuild, notice=lambda m: print(f"kb: {m}", file=sys.stderr),
                                progress=progress, procs=None if args.procs is None else max(1, args.procs))
        if ix.path is None:
            memory = ix
        else:
            ix.close()
    st = qaindex.state(plan)
    others = sorted(p.name for p in st.path.parent.glob("index-*") if p != st.path) if st.state != "memory" else []
    if memory is not None or st.state == "memory":
        info = memory.info if memory is not None else {}
        st = qaindex.IndexState(st.path, "memory", memory.doc_count if memory else 0, info.get("vocabulary", 0),
                                info.get("built"), info.get("build_seconds"), len(info.get("plans", {})))
        if memory is not None:
            memory.close()
    if args.json:
        _line({"path": str(st.path), "state": st.state, "documents": st.documents, "vocabulary": st.vocabulary,
               "built": st.built, "build_seconds": st.build_seconds, "plans": st.plans, "pending": st.pending,
               "other_indexes": others})
        return 0
    out = sys.stdout
    where = st.path if st.state != "memory" else "在内存中（缓存目录无法使用）"
    out.write(f"索引：{where}\n状态：{_INDEX_STATES.get(st.state, st.state)}\n")
    if st.state in ("ready", "stale") or (st.state == "memory" and st.documents):
        built = f"{st.built.replace('T', ' ').removesuffix('Z')}（UTC）" if st.built else "不详"
        out.write(f"已编入：{st.documents} 段\n词汇：{st.vocabulary} 个词\n建立于：{built}，用时 {st.build_seconds} 秒\n")
    if st.state == "stale":
        out.write(f"此后有变动的方案：{st.pending} 个（下一个需要索引的问题会更新它；现在更新：kb index --update）\n")
    elif st.state == "missing":
        out.write("尚未建立：第一个需要索引的问题会建立它（现在建立：kb index --update）\n")
    elif st.state == "broken":
        out.write("无法打开：下一个问题会重建它（现在重建：kb index --rebuild）\n")
    elif st.state == "memory" and not st.documents:
        out.write("每个需要索引的命令都在内存中建立它（缓存目录无法使用，不能缓存）\n")
    if others:
        out.write(f"此处另有 {len(others)} 个缓存的索引：其他方案集或旧版本的（可以删除）\n")
    return 0


#: ``kb index``'s states in words (``--json`` keeps the keys).
_INDEX_STATES = {"ready": "就绪", "stale": "待更新", "missing": "未建立", "broken": "无法打开", "memory": "仅在内存中"}
