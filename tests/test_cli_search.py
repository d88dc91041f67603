"""``kb search``: an empty query and a query of lone function characters are said, not searched (review 7, 17).

Expected outputs written by hand: the messages are kb's wording; the matched terms are the query's words.
"""

import json

import pytest

from kb.cli import main
from kb.cli.qa import function_characters

EXAMPLE = "例如：kb search 秸秆 禁烧"


@pytest.mark.parametrize("argv,said,why", [
    ([""], "请在命令后写上要检索的词", "an empty query (kb ask '' says the same kind of line)"),
    (["  ", ""], "请在命令后写上要检索的词", "blanks only"),
    (["的"], "“的”只有虚词（的）", "one function character"),
    (["在", "不", "了"], "“在 不 了”只有虚词（在、不、了）", "several, as separate words"),
    (["的了吗"], "“的了吗”只有虚词（的、了、吗）", "run together: each is a lone token"),
    (["😀😀"], "“😀😀”没有可检索的汉字、字母或数字", "no token at all"),
    (["的\x1b\n吗"], "“的\\x1b\\x0a吗”", "control characters of the query are shown escaped, on one line"),
])
def test_nothing_to_search_is_said(capsys, argv, said, why):
    assert main(["search", *argv]) == 2, why
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and said in lines[0] and EXAMPLE in lines[0], why
    assert "\x1b" not in captured.err


@pytest.mark.parametrize("query,allowed,why", [
    ("秸秆的", {"秸秆"}, "的 after a word is dropped"),
    ("在秸秆和禁烧", {"秸秆", "禁烧", "秸秆禁烧"}, "在 and 和 around the words are dropped"),
    ("不存在的词汇啊", {"存", "词", "汇"}, "不/在/的/啊 alone never match (review 7's evidence)"),
])
def test_lone_function_characters_never_match(capsys, query, allowed, why):
    code = main(["search", "--json", "-n", "20", query])
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == (0 if hits else 1)
    for hit in hits:
        assert set(hit["terms"]) <= allowed, (why, hit["label"], hit["terms"])


def test_function_character_inside_a_word_still_counts(capsys):
    # 不合格 (the bundled plan's 三（三）11: 不合格油品) is one word of the plan: its 不 is not a lone character
    assert main(["search", "--json", "不合格"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hits[0]["label"] == "三（三）11"


def test_search_vocabulary_is_single_characters():
    chars = function_characters()
    assert {"的", "在", "不", "了", "和"} <= chars
    assert all(len(c) == 1 for c in chars)
    assert not chars & {"煤", "车", "秸", "气"}  # content characters are searched
