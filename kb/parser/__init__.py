"""The parser: plan text → ``Document`` and ``Task`` objects (see ``kb.parser.core.RULES``).

``RULES`` and ``parse_document`` are loaded on first use (PEP 562): a command that reads one leaf module of the package
(a value table's reader, the deadline vocabulary) does not import every parser rule — importing ``kb.parser.core``
costs ~0.1–0.4 s, more than the rest of a cold department question."""

__all__ = ["RULES", "parse_document"]


def __getattr__(name: str):
    if name in __all__:
        from kb.parser import core

        return getattr(core, name)
    raise AttributeError(f"module 'kb.parser' has no attribute {name!r}")
