"""Answering officials' questions about the plan.

``Session`` keeps a conversation (``ask`` returns an ``Answer``): the scan of
kb/qa/question.py and the readers of kb/qa/query.py read a question into a ``Query``,
executors (kb/qa/executors.py, exec_*.py) answer it; words in kb/data/intents.yaml,
shapes.yaml and topics.yaml, wording in answers.yaml, the Whoosh index in kb/qa/index.py
(the only module importing whoosh).  Importing this package is cheap: nothing
heavy is loaded until a question needs it.
"""

from kb.qa.answer import Answer
from kb.qa.session import Session

__all__ = ["Answer", "Session"]
