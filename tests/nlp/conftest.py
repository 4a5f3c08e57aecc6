"""Shared by the whole-sentence coder tests: one Extractor (real spaCy model) for the session,
and `coded`, the (type, actor country, recipient country) triples of a sentence's events."""
from __future__ import annotations

import pytest
from coderkit import DAY, Coded, Triples

from sitroom.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(judged=False)  # the rules alone: what these tests pin down


@pytest.fixture(scope="session")
def coded(extractor: Extractor) -> Coded:
    def triples(text: str) -> Triples:
        return {(e.type, e.actor.country, e.recipient.country if e.recipient else None)
                for e in extractor.extract_text(text, DAY).events}
    return triples
