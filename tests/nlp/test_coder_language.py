"""Coder language on whole sentences (real spaCy model): reactions name an act's parties; words
that look like events but tell of a game, a question or the past are not coded."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import Extractor

DAY = date(2020, 1, 8)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def coded(extractor: Extractor, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.actor.country, e.recipient.country if e.recipient else None)
            for e in extractor.extract_text(text, DAY).events}


@pytest.mark.parametrize("text", [
    # a contest: a score, a game or vote word, or a state as the winner
    "Greece beat the United States 101-95 in the semifinals of the world championship.",
    "Germany beat Argentina 4-0 in the World Cup quarter-final in Cape Town.",
    "Kadima beat the Likud party in elections last week by one seat.",
    # a question, not a request
    '"Why did Kenya not act?" the Ugandan foreign minister asked.',
    "Kenyan lawmakers asked whether Uganda would withdraw its troops.",
    # an undated earlier time, not news
    "Kenya, which originally opposed the deployment, said it would send troops to Somalia.",
])
def test_not_events(extractor: Extractor, text: str) -> None:
    found = coded(extractor, text)
    assert not any(t in ("ASSAULT", "REQUEST") for t, _, _ in found), found
    assert ("ACCUSE", "KEN", None) not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenyan police beat protesters with batons in Nairobi on Monday.", ("ASSAULT", "KEN", "KEN")),
    ("Kenyan troops beat back an attack by al-Shabaab militants on Monday.",
     ("ASSAULT", "KEN", "SOM")),
    ("Kenya asked Uganda to withdraw its troops.", ("REQUEST", "KEN", "UGA")),
    ("The Kenyan government asked the UN for food aid.", ("REQUEST", "KEN", "UNO")),
    ("Kenya attacked Uganda once more on Monday.", ("ASSAULT", "KEN", "UGA")),
])
def test_still_events(extractor: Extractor, text: str, expected: tuple) -> None:
    assert expected in coded(extractor, text)


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
    assert coded(extractor, text) == expected


def test_a_possessor_stays_the_party(extractor: Extractor) -> None:
    """"Russia's collaboration with North Korea": Russia is the one condemned."""
    found = coded(extractor, "Ukraine condemned Russia's collaboration with North Korea.")
    assert ("ACCUSE", "UKR", "RUS") in found and ("ACCUSE", "UKR", "PRK") not in found
