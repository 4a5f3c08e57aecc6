"""Named domain errors. The CLI and the API each turn them into a user message in one place."""
from __future__ import annotations


class SitroomError(Exception):
    """Base class for every error sitroom reports to a user."""


class InputError(SitroomError):
    """An input (file, record, request body) cannot be read as an article."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class ExtractionError(SitroomError):
    """The NLP pipeline failed on an article that was read correctly."""


class StoreError(SitroomError):
    """The database cannot be opened, migrated or written."""


class KnowledgeBaseError(SitroomError):
    """A knowledge-base file (actors, places, dictionaries) is malformed."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
