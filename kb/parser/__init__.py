"""The parser: plan text → ``Document`` and ``Task`` objects (see ``kb.parser.core.RULES``)."""

from kb.parser.core import RULES, parse_document

__all__ = ["RULES", "parse_document"]
