"""kb: a rule-based knowledge base of Chinese government action plans.

The core library: ``kb.store.load_plan()`` gives the parsed ``kb.model.Plan``;
``kb.parser`` turns plan text into it; ``kb.qa`` answers questions; ``kb.grep``
searches clauses; ``kb.export`` writes duty lists.  Nothing here imports textual.
"""

__version__ = "0.1.0"
