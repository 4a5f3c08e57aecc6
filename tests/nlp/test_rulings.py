"""A court finding a law or act unlawful is SANCTION convict (the guide), on whole sentences
through the real model (sitroom/coder/rulings.py, the lexicon's `unlawful` rows)."""
from __future__ import annotations

import pytest
from coderkit import Coded


@pytest.mark.parametrize("text, expected", [
    ("The Kenyan High Court ruled on Monday that the Ugandan government's ban on trade is "
     "unlawful.", ("SANCTION", "KEN", "UGA")),
    ("A Kenyan judge ruled that the Ugandan company's contract violated Kenyan law.",
     ("SANCTION", "KEN", "UGA")),
    ("The High Court of Kenya declared the new election law unconstitutional.",
     ("SANCTION", "KEN", None)),
])
def test_a_court_finding_unlawful_sanctions(coded: Coded, text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize("text", [
    # the finding denied, no finding at all, a speaker who is no court, a ruling told as
    # what a law is (a relative clause)
    "The Kenyan High Court ruled that the government's ban on protests was not unconstitutional.",
    "The Kenyan High Court ruled on the government's appeal on Monday.",
    "The Kenyan opposition leader said the government's ban on protests is unconstitutional.",
    "Kenya repealed the 1967 press law, which the High Court later ruled unconstitutional.",
])
def test_no_sanction_without_a_court_finding_unlawful(coded: Coded, text: str) -> None:
    assert not any(t == "SANCTION" for t, _, _ in coded(text))
