"""Reactions to an act name the act's parties as recipients (real spaCy model)."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import Extractor

DAY = date(2020, 1, 8)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def dyads(extractor: Extractor, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.actor.country, e.recipient.country if e.recipient else None)
            for e in extractor.extract_text(text, DAY).events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan welcomed the resumption of diplomatic ties with Iran after a 12-year rift.",
     {("SUPPORT", "JPN", "IRN")}),
    ("France welcomed a resumption of formal diplomatic ties between Egypt and Iran.",
     {("SUPPORT", "FRA", "EGY"), ("SUPPORT", "FRA", "IRN")}),
    ("The United Nations condemned the agreement between Russia and Iran.",
     {("ACCUSE", "UNO", "RUS"), ("ACCUSE", "UNO", "IRN")}),
    ("Egypt and Jordan welcomed their resumption of ties with Iran.",
     {("SUPPORT", "EGY", "IRN"), ("SUPPORT", "JOR", "IRN")}),
    # every actor toward every party
    ("Japan, China and India welcomed a resumption of ties between Egypt and Iran.",
     {("SUPPORT", a, b) for a in ("JPN", "CHN", "IND") for b in ("EGY", "IRN")}),
    ("Japan and South Korea condemned Russia and North Korea.",
     {("ACCUSE", a, b) for a in ("JPN", "KOR") for b in ("RUS", "PRK")}),
])
def test_the_party_of_a_welcomed_or_condemned_act(extractor: Extractor, text: str,
                                                  expected: set) -> None:
    assert dyads(extractor, text) == expected


def test_a_possessor_stays_the_party(extractor: Extractor) -> None:
    """"Russia's collaboration with North Korea": Russia is the one condemned."""
    found = dyads(extractor, "Ukraine condemned Russia's collaboration with North Korea.")
    assert ("ACCUSE", "UKR", "RUS") in found and ("ACCUSE", "UKR", "PRK") not in found
