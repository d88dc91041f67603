"""Answering officials' questions about the plan.

``Session`` keeps a conversation (``ask`` returns an ``Answer``); rules live in
kb/qa/intents.py, question reading in kb/qa/question.py, words in
kb/data/intents.yaml and kb/data/topics.yaml, the Whoosh index in kb/qa/index.py
(the only module importing whoosh).  Importing this package is cheap: nothing
heavy is loaded until a question needs it.
"""

from kb.qa.answer import Answer
from kb.qa.session import Session

__all__ = ["Answer", "Session"]
