"""Who claims a figure (issue 17): the claimant rules' examples through the real pipeline, each
giving its claimant's country, and the link of a toll told again of an attack already told."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.coder.claims import CLAIMANT_RULES, LINK_RULES, ClaimRule
from sitroom.extract import Extractor
from sitroom.nlp.numbers import parse_number

ON = date(2024, 5, 10)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _claim(extractor: Extractor, text: str, figure: str):  # type: ignore[no-untyped-def]
    parsed = parse_number(figure)
    assert parsed is not None, figure
    claims = extractor.extract_text(text, ON).claims
    return next(c for c in claims if c.value == float(parsed[0]))


@pytest.mark.parametrize("rule", CLAIMANT_RULES, ids=lambda r: r.name)
def test_claimant_rule_example(rule: ClaimRule, extractor: Extractor) -> None:
    assert rule.reason.startswith(("GUIDE", "linguistic"))
    claim = _claim(extractor, rule.example, rule.figure)
    assert claim.claimant is not None and claim.claimant.country == rule.gives


def test_the_source_is_the_party_behind_the_document(extractor: Extractor) -> None:
    """Not "A report" or "data": the government and the WHO."""
    claim = _claim(extractor, "A report from the Mexican government said eight people died in "
                   "the attack.", "eight")
    assert claim.claimant is not None and claim.claimant.text == "the Mexican government"
    claim = _claim(extractor, "According to data from the World Health Organisation, there "
                   "were 140,000 deaths from measles last year.", "140,000")
    assert claim.claimant is not None and claim.claimant.country == "UNO"


def test_an_inverted_speaker_is_named_without_its_verb(extractor: Extractor) -> None:
    rule = next(r for r in CLAIMANT_RULES if r.name == "claimant_inverted")
    claim = _claim(extractor, rule.example, rule.figure)
    assert claim.claimant is not None and claim.claimant.text == "officials"


@pytest.mark.parametrize(("text", "figure"), [
    ("The fine is 200 francs per person.", "200"),                # "per" of a rate
    ("The firm paid 5 dollars per share to 300 investors.", "300"),
    ("In a meeting that day he was told by Russian Emergencies Minister Yevgeny Zinichev of "
     "36 people under the rubble.", "36"),                        # no source holding its figure
])
def test_no_claimant_from_a_rate_or_from_the_figure_s_own_phrase(
        text: str, figure: str, extractor: Extractor) -> None:
    claim = _claim(extractor, text, figure)
    assert claim.claimant is None or figure not in claim.claimant.text


def test_a_toll_told_again_goes_to_the_attack_told(extractor: Extractor) -> None:
    """"Two people were killed in the initial shelling": the Israeli shelling's toll, not an
    agentless second attack's."""
    rule = next(r for r in LINK_RULES if r.name == "link_attack_again")
    result = extractor.extract_text(rule.example, ON)
    claim = next(c for c in result.claims if c.value == 2)
    linked = next(e for e in result.events if e.event_id == claim.event_id)
    assert linked.type == "ASSAULT" and linked.actor.country == "ISR"


@pytest.mark.parametrize("text", [
    'Police said: "In the chaos, three villagers died." However, villagers claimed that the '
    'protest was peaceful.',
    'The summary includes "a total of 1,325 images of abuse." Salon claims their source is an '
    'officer.',
])
def test_a_statement_after_a_quotation_does_not_claim_it(text: str,
                                                         extractor: Extractor) -> None:
    """The next sentence's speaker, with a complement of its own, is not the quotation's."""
    claim = next(c for c in extractor.extract_text(text, ON).claims if c.value in (3, 1325))
    assert claim.claimant is None or claim.claimant.text not in ("villagers", "Salon")


@pytest.mark.parametrize("text", [
    "The ministry met on Monday. That showed 20 new cases in the north.",   # no figure before
    "The ministry reported 5,667 cases this year. In the north, 81 people had died.",  # no tie
])
def test_only_a_sentence_pointing_back_at_figures_goes_on_with_their_source(
        text: str, extractor: Extractor) -> None:
    claim = next(c for c in extractor.extract_text(text, ON).claims if c.value in (20, 81))
    assert claim.claimant is None
