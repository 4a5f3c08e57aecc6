"""Counts the number finder used to pass over (issue 17, tune-split misses), through the real
pipeline: each sentence gives its claims, and the look-alikes that are no count stay out."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import Extractor

ON = date(2020, 1, 1)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _claims(extractor: Extractor, text: str) -> list[tuple[float, str | None, str]]:
    return [(c.value, c.unit, c.role) for c in extractor.extract_text(text, ON).claims]


@pytest.mark.parametrize("text, want", [
    # a year-like number before a noun of people counts them (spaCy tags it DATE)
    ("Out of these, 1846 persons were hospitalized and 1720 had already been discharged, while "
     "81 had lost their lives.", [(1846, "person"), (1720, "person"), (81, "person")]),
    ("The march was attended by 2000 people according to Scotland Yard.", [(2000, "person")]),
    # no noun: the subject of a state only people are in, the measure of a population
    ("These latest figures mean that out of Finland's population of 5.3 million, 161,000 were "
     "jobless in July, compared with 179,000 at the same time last year.",
     [(5_300_000, "person"), (161_000, "person"), (179_000, "person")]),
    # a label naming a gathering, before a colon, even with names after the figure
    ("Berlin, Germany\n\nCrowd: 100,000 Crosby, Stills and Nash Lauryn Hill Brian Wilson",
     [(100_000, "person")]),
    # a tie in a vote: both sides, even where spaCy reads "64-64" as a date
    ("The devolved parliament was tied 64-64 on the motion to approve the budget.",
     [(64, "vote"), (64, "vote")]),
])
def test_counts_found(extractor: Extractor, text: str, want: list[tuple[float, str]]) -> None:
    got = [(v, u) for v, u, _ in _claims(extractor, text)]
    for figure in want:
        assert figure in got, (figure, got)
    assert sorted(v for v, _ in got if v in {w[0] for w in want}) == sorted(v for v, _ in want)


def test_crowd_label_is_a_crowd(extractor: Extractor) -> None:
    claims = _claims(extractor, "Rome, Italy\n\nCrowd: 100,000 Duran Duran Faith Hill")
    assert (100_000, "person", "crowd") in claims


@pytest.mark.parametrize("text, year", [
    ("In 2000 people voted for him.", 2000),           # a year before a temporal preposition
    ("Elsewhere, 2019 was a record year.", 2019),      # a bare year, nothing counted
    ("The 2008-09 budget vote was delayed.", 2008),    # a span of years, not a tally
    ("The match was tied 2-2 at half time.", 2),       # a sports score, no vote
])
def test_years_and_scores_stay_out(extractor: Extractor, text: str, year: float) -> None:
    assert all(v != year for v, _, _ in _claims(extractor, text))


def test_a_range_matches_gold_at_either_end(extractor: Extractor) -> None:
    """The gold writes "between 36 and 40" as two claims (docs/annotation.md, "Ranges"); the
    scorer finds our one range claim for each, and for no figure outside it."""
    from sitroom.eval import _claim_found

    text = ("Russian Emergencies Minister Yevgeny Zinichev said there were presumably between 36 "
            "and 40 people under the rubble.")
    claims = extractor.extract_text(text, ON).claims
    assert [(c.value, c.value_max) for c in claims] == [(36, 40)]
    minister = {"text": "Emergencies Minister Yevgeny Zinichev", "country": "RUS"}
    for value in (36, 40):
        assert _claim_found({"value": value, "claimant": minister}, claims) is claims[0]
    assert _claim_found({"value": 38, "claimant": minister}, claims) is None
    assert _claim_found({"value": 40, "claimant": {"country": "USA"}}, claims) is None


def test_a_retirement_age_is_no_claim(extractor: Extractor) -> None:
    """GUIDE: ages are no claims; "retire at 60" is an age (store sample seed 18)."""
    text = ("The Local Government Association claims that if 1,200 council workers continue to "
            "be able to retire at 60, it will increase the levels of Council Tax.")
    assert [v for v, _, _ in _claims(extractor, text)] == [1200]
