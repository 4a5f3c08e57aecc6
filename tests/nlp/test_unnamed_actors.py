"""Unknown actors still count (issue 21): agentless reports of violence are attacks by an
unidentified attacker, and unnamed crowds are of the country where they act."""
from __future__ import annotations

import pytest
from coderkit import Coded


@pytest.mark.parametrize(("text", "expected"), [
    # the cause told with "amid", on the coordinated harm verb
    ("Four people were killed and three injured amid revenge killings between rival clans in "
     "Mogadishu on Sunday.", ("ASSAULT", None, "SOM")),
    # a participle adjunct: the bomb of the clause it hangs on did the killing
    ("A car bomb exploded near a market in Baghdad, killing 12 people.", ("ASSAULT", None, "IRQ")),
    # the means as the object of a when-clause
    ("Three soldiers were killed when their convoy hit a roadside bomb in Helmand province.",
     ("ASSAULT", None, "AFG")),
    # an unnamed crowd acts for the country of its place
    ("Rioters set fire to shops in Nairobi.", ("ASSAULT", "KEN", None)),
    ("Protesters marched in Lyon on Sunday.", ("PROTEST", "FRA", None)),
    ("Students protested outside the parliament in Nairobi.", ("PROTEST", "KEN", None)),
])
def test_unknown_actors_still_count(coded: Coded, text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize("text", [
    # harm with no cause given may be an accident: no attack
    "Three people were killed in Mogadishu on Sunday.",
    # an accident named as the cause
    "Four people were killed when their bus hit a truck in Nairobi.",
    "A gas explosion ripped through a building in Baghdad, killing 12 people.",
])
def test_accidents_and_causeless_harm_are_no_attacks(coded: Coded, text: str) -> None:
    assert not any(t == "ASSAULT" for t, _, _ in coded(text))
