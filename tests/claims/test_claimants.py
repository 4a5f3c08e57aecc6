"""Who claims a figure and which event it counts (issue 17): the link of a toll told again of an
attack already told."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.coder.claims import LINK_RULES
from sitroom.extract import Extractor

ON = date(2024, 5, 10)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_a_toll_told_again_goes_to_the_attack_told(extractor: Extractor) -> None:
    """"Two people were killed in the initial shelling": the Israeli shelling's toll, not an
    agentless second attack's."""
    rule = next(r for r in LINK_RULES if r.name == "link_attack_again")
    result = extractor.extract_text(rule.example, ON)
    claim = next(c for c in result.claims if c.value == 2)
    linked = next(e for e in result.events if e.event_id == claim.event_id)
    assert linked.type == "ASSAULT" and linked.actor.country == "ISR"
