"""``kb ask`` / ``kb chat`` / ``kb search`` / ``kb index``: output shapes and exit codes."""

from __future__ import annotations

import io
import json

import pytest

from kb.cli import main
from test_qa_questions import LEAD_JT, SUPPORT_JT


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_ask_json(capsys):
    assert main(["ask", "--json", "交通局牵头哪些任务"]) == 0
    (obj,) = _json_lines(capsys.readouterr().out)
    assert set(obj) >= {"question", "intent", "answer", "departments", "tasks"}
    assert obj["question"] == "交通局牵头哪些任务" and obj["intent"] == "department_tasks"
    assert obj["departments"] == ["市交通运输局"]
    assert [t["label"] for t in obj["tasks"]] == LEAD_JT.split()
    assert "共 8 项" in obj["answer"]
    # the task objects are those of `kb tasks --json`
    assert main(["tasks", "--json"]) == 0
    every = {t["id"]: t for t in json.loads(capsys.readouterr().out)["tasks"]}
    assert all(t == every[t["id"]] for t in obj["tasks"])


def test_ask_text_and_words_joined(capsys):
    assert main(["ask", "交通局", "牵头哪些任务"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("市交通运输局牵头的任务共 8 项") and "三（一）13" in out


def test_ask_unknown_department_and_empty_are_answers(capsys):
    assert main(["ask", "--json", "市教育局牵头哪些任务"]) == 0
    (obj,) = _json_lines(capsys.readouterr().out)
    assert obj["tasks"] == [] and "市教育局" in obj["answer"]
    assert main(["ask", "--json"]) == 2  # no question: a usage error, one Chinese line on stderr
    captured = capsys.readouterr()
    assert captured.out == "" and "请在命令后写上问题" in captured.err
    assert main(["ask", "  "]) == 2


def test_chat_json_one_object_per_line(capsys, monkeypatch):
    lines = "交通局牵头哪些任务\n配合的呢\n\n   \n第二项谁牵头\nAND OR NOT * ? : ( ) \" ~ ^ [ ] \\\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["chat", "--json"]) == 0
    objs = _json_lines(capsys.readouterr().out)
    assert len(objs) == 6
    assert [t["label"] for t in objs[0]["tasks"]] == LEAD_JT.split()
    assert [t["label"] for t in objs[1]["tasks"]] == SUPPORT_JT.split()
    assert objs[2]["intent"] == objs[3]["intent"] == "help"
    assert [t["label"] for t in objs[4]["tasks"]] == ["三（三）12"]
    assert objs[5]["question"].startswith("AND OR NOT")


def test_chat_text(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("秸秆禁烧由谁负责\r\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "三（五）3" in out and "市农业农村局" in out


def test_search_highlights_and_labels(capsys):
    assert main(["search", "--color", "never", "秸秆", "禁烧", "-n", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1. 三（五）3 加强【秸秆禁烧】")  # words that touch are one mark
    # a hit holds every word: 三（五）3 alone has both (三（五）2 has 秸秆 only, 三（四）10 禁烧 only)
    assert sum(1 for line in out if line[:1].isdigit()) == 1
    assert main(["search", "--color", "always", "秸秆"]) == 0
    assert "\x1b[1;31m秸秆\x1b[0m" in capsys.readouterr().out


def test_search_json_and_no_match(capsys):
    assert main(["search", "--json", "散乱污"]) == 0
    objs = _json_lines(capsys.readouterr().out)
    assert objs[0]["label"] == "三（一）4" and objs[0]["rank"] == 1 and objs[0]["task"]["label"] == "三（一）4"
    capsys.readouterr()
    assert main(["search", "😀😀"]) == 2  # nothing searchable: said, not a silent empty list
    assert "没有可检索的汉字、字母或数字" in capsys.readouterr().err
    assert main(["search", "AND", "OR", "NOT", "*", "?", ":", "(", ")"]) in (0, 1)


def test_search_usage_errors(capsys):
    assert main(["search", "秸秆", "-n", "0"]) == 2
    assert "--limit" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["search"])
    assert exc.value.code == 2


def test_index_command(capsys):
    assert main(["index", "--rebuild"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("索引：") and "index-" in lines[0] and lines[1] == "状态：就绪", out
    assert lines[2].startswith("已编入：") and lines[2].endswith(" 段") and lines[3].endswith(" 个词")
    # Every word of it is Chinese (it was English: "state: ready", "other cached indexes here"); the path aside.
    assert not any(ch.isascii() and ch.isalpha() for line in lines[1:] for ch in line.split("（")[0]), out
    assert main(["index", "--json"]) == 0
    (obj,) = _json_lines(capsys.readouterr().out)
    assert obj["state"] == "ready" and obj["documents"] > 0


def test_bad_corpus_is_a_usage_error(capsys, tmp_path):
    assert main(["--corpus", str(tmp_path / "missing"), "ask", "交通局牵头哪些任务"]) == 2
    assert capsys.readouterr().err.startswith("kb: 找不到方案")
