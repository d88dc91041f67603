"""The issuers' department registries are read from a JSON copy in the cache directory while their YAML is
unchanged (kb.data.load_cached_yaml): importing PyYAML and parsing them cost each question ~50 ms at 1,000
plans.  The copy must give the same registry, and a damaged or refused copy must never be trusted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import kb.data
from kb.errors import KbError
from kb.registry import REGISTRY_PATH, load_registry


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    load_registry.cache_clear()
    yield tmp_path / "cache"
    load_registry.cache_clear()


def _copies(cache: Path) -> list[Path]:
    return sorted(cache.glob("yaml-departments-*.json"))


def _no_yaml(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("the YAML was read")

    monkeypatch.setattr(kb.data, "read_versioned_yaml", refuse)


def test_the_copy_gives_the_same_registry_without_reading_the_yaml(cache, monkeypatch):
    first = load_registry(str(REGISTRY_PATH))
    assert len(_copies(cache)) == 1
    load_registry.cache_clear()
    _no_yaml(monkeypatch)
    again = load_registry(str(REGISTRY_PATH))
    assert again == first and again.lookup["交通局"] == "市交通运输局"


@pytest.mark.parametrize(
    "damage,why",
    [
        ("not json {", "a truncated copy"),
        ('{"version": 1, "departments": "oops", "issuer": {"name": "x"}}', "a mapping the registry's checks refuse"),
        ('{"version": 2}', "a copy of another version"),
        ("[1, 2]", "not a mapping"),
    ],
)
def test_a_damaged_copy_is_read_again_from_the_yaml_and_rewritten(cache, damage, why):
    expected = load_registry(str(REGISTRY_PATH))
    (copy,) = _copies(cache)
    copy.write_text(damage, encoding="utf-8")
    load_registry.cache_clear()
    assert load_registry(str(REGISTRY_PATH)) == expected, why
    assert json.loads(copy.read_text(encoding="utf-8"))["version"] == 1, why


def test_an_edited_yaml_is_read_again(cache, tmp_path):
    src = tmp_path / "departments-test.yaml"
    shutil.copy(REGISTRY_PATH, src)
    assert "市测试局" not in load_registry(str(src)).departments
    text = src.read_text(encoding="utf-8").replace("departments:\n", "departments:\n  - name: 市测试局\n", 1)
    src.write_text(text, encoding="utf-8")
    load_registry.cache_clear()
    assert "市测试局" in load_registry(str(src)).departments
    assert len(list(cache.glob("yaml-departments-test-*.json"))) == 2  # one copy per content


def test_a_bad_yaml_is_still_one_clear_error(cache, tmp_path):
    src = tmp_path / "departments-bad.yaml"
    src.write_text("version: 1\ndepartments: [\n", encoding="utf-8")
    with pytest.raises(KbError, match="departments-bad.yaml"):
        load_registry(str(src))
    assert not list(cache.glob("yaml-departments-bad-*.json"))
