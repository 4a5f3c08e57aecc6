"""Shared by the whole-sentence coder tests: one Extractor (real spaCy model) for the session,
and `coded`, the (type, actor country, recipient country) triples of a sentence's events."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from sitroom.extract import Extractor

DAY = date(2020, 1, 8)
Triples = set[tuple[str, str | None, str | None]]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def coded(extractor: Extractor) -> Callable[[str], Triples]:
    def triples(text: str) -> Triples:
        return {(e.type, e.actor.country, e.recipient.country if e.recipient else None)
                for e in extractor.extract_text(text, DAY).events}
    return triples
