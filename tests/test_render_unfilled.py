"""No answer prints a literal ``None`` (holdout17 a03: 最接近的条目没有写到“None”): every wording text of answers.yaml is
a ``Wording`` whose ``format`` refuses a field given None, and an unstrict session answers such a question with the
full-text answer and a notice, never the broken sentence.  Table: every text of answers.yaml holding a {field} (nested
mappings and lists walked) formatted with each of its fields None → UnfilledWording; with every field filled → no None."""

from __future__ import annotations

import pytest


def _templates():
    """(key path, field names) of every text of answers.yaml holding a {field}, nested mappings and lists walked."""
    from string import Formatter

    from kb.qa.wording import load_answer_words

    out = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, (*path, k))
        elif isinstance(value, list):
            for k, v in enumerate(value):
                walk(v, (*path, k))
        elif isinstance(value, str):
            fields = list(dict.fromkeys(f for _, f, _, _ in Formatter().parse(value) if f))
            if fields:
                out.append((path, fields))

    walk(load_answer_words(), ())
    return out


TEMPLATES = _templates()


def _text(path):
    from kb.qa.wording import load_answer_words

    value = load_answer_words()
    for k in path:
        value = value[k]
    return value


def test_every_field_template_is_checked():
    # (the table below is not empty: the wording file has templates with fields, nested ones among them)
    assert len(TEMPLATES) > 100 and any(len(path) == 2 for path, _ in TEMPLATES)


@pytest.mark.parametrize("path,fields", TEMPLATES, ids=[".".join(map(str, p)) for p, _ in TEMPLATES])
def test_a_field_given_none_is_refused(path, fields):
    from kb.qa.wording import UnfilledWording

    text = _text(path)
    filled = {n: "甲" for n in fields}
    assert "None" not in text.format(**filled)
    for name in fields:
        with pytest.raises(UnfilledWording):
            text.format(**{**filled, name: None})


def test_lists_and_plain_texts_stay_strings():
    from kb.qa.wording import Wording, load_answer_words

    words = load_answer_words()
    assert isinstance(words["not_understood"], Wording) and isinstance(words["not_understood"], str)
    assert all(isinstance(w, str) for w in words["unit_mark_words"])


def test_unstrict_session_never_prints_the_none(monkeypatch):
    # an executor formatting a wording with a None (as partial_only did for 船舶污染治理由哪几家牵头): a strict session
    # raises; an unstrict one gives the official the full-text answer and the maintainers a notice, never 没有写到“None”
    from kb.qa import Session, exec_topics
    from kb.qa.wording import UnfilledWording, load_answer_words

    def partial(question, env, words):
        return load_answer_words()["topic_absent"].format(topic="、".join(words), missing=None)

    monkeypatch.setattr(exec_topics, "partial_only", partial)
    with pytest.raises(UnfilledWording):
        Session(strict=True).ask("船舶污染治理由谁牵头？")
    notices = []
    answer = Session(strict=False, notice=notices.append).ask("船舶污染治理由谁牵头？")
    assert "None" not in answer.text and answer.text
    assert len(notices) == 1 and "UnfilledWording" in notices[0]
