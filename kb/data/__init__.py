"""Vocabulary as data: departments, role words, deadline/target words, question words.

``read_versioned_yaml`` is the one way kb reads these files: any read or syntax
error, or a file that is not a ``version: 1`` mapping, is a one-line KbError
naming the file and what to do.
"""

from __future__ import annotations

from pathlib import Path

from kb.errors import KbError

DATA_DIR = Path(__file__).resolve().parent


#: What each vocabulary file is, as the one-line errors name it (callers pass the English name).
WHAT_NAMES = {
    "deadline/target vocabulary": "时限和指标词表",
    "deadline and target vocabulary": "时限和指标词表",
    "task table vocabulary": "任务表词表",
    "role vocabulary": "职责词表",
    "question vocabulary": "提问词表",
    "question shapes": "问句句式表",
    "answer wording": "答案措辞表",
    "unit line wording": "单位措辞表",
    "ingest vocabulary": "文件读取词表",
    "department registry": "部门名录",
    "line-breaking rules": "断行规则",
    "plan term vocabulary": "方案主题词表",
    "script table": "繁简字表",
    "parser warnings": "解析警告措辞表",
    "search vocabulary": "检索虚词表",
    "grep wording": "grep 错误说明表",
    "named-set words": "列举词表",
    "value table vocabulary": "数值表词表",
    "unit heading words": "单位标题词表",
    "document kinds": "文件类别词表",
}


def read_versioned_yaml(path: str | Path, what: str) -> dict:
    """The mapping in ``path`` (``what`` names it in errors), checked for ``version: 1``."""
    import yaml

    src = Path(path)
    try:
        data = yaml.load(src.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise KbError(f"{src}：无法读取{WHAT_NAMES.get(what, what)}（{exc.__class__.__name__}）；请修复文件，或从代码仓库恢复") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise KbError(f"{src}：{WHAT_NAMES.get(what, what)}开头应为“version: 1”；请从代码仓库恢复这个文件")
    return data


def load_cached_yaml(path: str | Path, what: str, build):
    """``build(mapping)`` of the YAML file ``path``, the mapping read from a JSON copy in the cache directory
    when the file's bytes have not changed (``yaml-<name>-<hash>.json``).

    For vocabularies every command reads (the issuers' department registries): importing PyYAML and parsing
    them cost ~50 ms of each question at 1,000 plans.  ``build`` validates: a copy it refuses (KbError,
    ValueError, TypeError) is read again from the YAML and rewritten; a mapping JSON cannot hold as it is
    is not copied.  Without a usable cache directory the YAML is read each time.
    """
    import hashlib
    import json

    src = Path(path)
    try:
        raw = src.read_bytes()
    except OSError:
        return build(read_versioned_yaml(src, what))  # (says what is wrong with the file)
    from kb.store import atomic_write_bytes, cache_dir, cache_problem

    folder = cache_dir()
    usable = cache_problem(folder) is None
    copy = folder / f"yaml-{src.stem}-{hashlib.sha256(raw).hexdigest()[:16]}.json"
    if usable:
        try:
            data = json.loads(copy.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == 1:
                return build(data)
        except (OSError, ValueError, TypeError, KbError):
            pass  # no copy yet, or a damaged one: read the YAML
    data = read_versioned_yaml(src, what)
    if usable:
        try:
            text = json.dumps(data, ensure_ascii=False)
            if json.loads(text) == data:
                atomic_write_bytes(copy, text.encode("utf-8"))
        except (TypeError, ValueError, OSError):
            pass  # not JSON as it is, or an unwritable cache: the YAML is read next time
    return build(data)
