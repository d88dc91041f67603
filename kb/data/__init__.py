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
    "ingest vocabulary": "文件读取词表",
    "department registry": "部门名录",
    "line-breaking rules": "断行规则",
    "plan term vocabulary": "方案主题词表",
    "script table": "繁简字表",
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
