"""Precision on unseen news (real spaCy model): sentences that read like events but are not
news of an act (a question, a habit, a reproach, a name, trade between companies, an idiom, a
published text), next to the events that must survive the same rules."""
from __future__ import annotations

import pytest
from coderkit import DAY, Coded

from sitroom.extract import Extractor
from sitroom.coder.frames import find_frames


@pytest.mark.parametrize("text", [
    # a question puts the act in doubt
    "Is this Kenyan general who wants to attack Uganda a menace, or a messiah?",
    "Which Kenyan ministers would you ask to join the talks with Uganda?",
    # a habit, not an act of the day
    "Kenyan journalists will often ask Ugandan officials to explain the border closures.",
    # a company's trade with customers or other companies
    "The Kenya Power Company made an offer to buy Ugandan power plants.",
    "Kenyan telecom giant Safaricom will supply phones to Ugandan customers.",
    # a capitalised verb inside a name
    "Kenya's Safaricom is near a deal to buy search engine Ask Jeeves.",
    # an idiom: walking off angrily is no assault
    "The Kenyan minister stormed out of the meeting with Ugandan officials.",
    # a published text: not set free, and words are no attack
    "The Kenyan opposition was going to release brochures attacking Ugandan President Museveni.",
    # "should have" reproaches the past; an empty "suggested" proposes nothing
    "The Kenyan foreign minister said Uganda should have considered the consequences.",
    'The Kenyan foreign minister suggested "',
    # a headline's act noun with a stopping participle: the act is stopped, not made
    "Kenya's military offensive suspended",
    "Kenyan election negotiations break off.",
])
def test_not_events(coded: Coded, text: str) -> None:
    assert coded(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya asked Uganda on Monday to withdraw its troops from the border.",
     ("REQUEST", "KEN", "UGA")),
    ("Kenyan police stormed the Ugandan embassy in Nairobi on Monday.", ("ASSAULT", "KEN", "UGA")),
    # abuse told as a practice stays an event
    ("Kenyan soldiers routinely beat Ugandan detainees, a court was told on Monday.",
     ("ASSAULT", "KEN", "UGA")),
    # a state's supply and offer are no trade between companies
    ("Kenya will supply weapons to the Ugandan army.", ("AGREE", "KEN", "UGA")),
    ("Kenya offered Uganda a ceasefire on Monday.", ("AGREE", "KEN", "UGA")),
    # a reported "should" (not "should have") stays a demand: test_coder_language.py
])
def test_still_events(coded: Coded, text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_an_arrest_after_with_names_the_arrested(extractor: Extractor, coded: Coded) -> None:
    """"with one lecturer arrested": the lecturer was arrested, he arrested nobody."""
    events = extractor.extract_text(
        "Kenyans used the poll to protest in Nairobi, with one Kenyan lecturer arrested for voting "
        "in blood.", DAY).events
    assert [(e.actor.sector, e.recipient.text if e.recipient else None) for e in events
            if e.type == "COERCE"] == [("COP", "Kenyan lecturer")]
    assert ("COERCE", "KEN", "KEN") in coded(
        "Kenyan students protested on Monday, with five students arrested by Kenyan police.")


def test_a_relative_clause_end_of_term_is_no_concession(coded: Coded) -> None:
    """"X, who will be stepping down": the end of a term, told by the way, not announced; an
    announced resignation is still a concession."""
    aside = coded("The Kenyan president, who will step down in March, met the Ugandan "
                  "president on Monday.")
    assert ("CONSULT", "KEN", "UGA") in aside and not any(t == "CONCEDE" for t, _, _ in aside)
    assert ("CONCEDE", "KEN", None) in coded(
        "Kenyan President Kibaki will step down in March, he announced on Monday.")


def test_a_recipient_in_the_actors_own_words_is_dropped(extractor: Extractor) -> None:
    """"the Deputy Speaker Ian Causley asked him to withdraw": "him" resolved back to Causley is
    a misreading; the request stays, with no recipient."""
    events = extractor.extract_text(
        "Kenyan MP Smith called the plan a bribe before the Kenyan Deputy Speaker Ian Causley "
        "asked him to withdraw.", DAY).events
    asks = [e for e in events if e.type == "REQUEST"]
    assert asks and all(e.recipient is None or e.recipient.text != "Ian Causley" for e in asks)


def test_an_act_as_a_clause_subject_is_nobodys_act(extractor: Extractor) -> None:
    """'"Attacking those patriotic Americans ... does not provide us a plan," Reid said': an act
    talked about; the article's speaker would otherwise be made its attacker."""
    doc = extractor.nlp('Senate Minority Leader Harry Reid responded "Attacking those patriotic '
                        'Americans who have raised serious questions does not provide us a '
                        'plan," Reid said.')
    assert [f for f in find_frames(doc) if f.type == "ASSAULT"] == []
    doc = extractor.nlp("Kenyan troops attacking Ugandan posts was a mistake, the minister said.")
    assert [f.type for f in find_frames(doc)] == ["ASSAULT"]  # a subject of its own: an act


def test_a_stance_in_the_simple_present_is_no_act(coded: Coded) -> None:
    """"Most Kenyans support the new constitution": a position held. The lead sentence, a
    report of what someone said and a denial stay."""
    found = coded("Uganda met Tanzania on Monday. Most Kenyans support the new Ugandan "
                  "constitution. The Green Party supports electoral reform.")
    assert not any(t == "SUPPORT" for t, _, _ in found)
    assert ("SUPPORT", "KEN", None) in coded(
        "Uganda met Tanzania on Monday. The Kenyan minister said Kenya supports the Ugandan "
        "plan.")
    assert ("SUPPORT", "KEN", "UGA") in coded("Kenya supports Uganda's peace plan.")


@pytest.mark.parametrize("text", [
    # a thing made by someone is no party acted on
    "A statement released by the Kenyan foreign ministry on Monday gave no details.",
    "A poll released by the Nigerian electoral commission on Monday showed a close race.",
    # a standing tie that describes a group is not an act of the day
    "Militias backed by Iran control the border town.",
    # "called" naming a noun, or misparsed, with no doer: nothing done to the noun
    "A Syrian newspaper called Tishreen reported the fighting.",
])
def test_a_described_noun_is_no_party_acted_on(extractor: Extractor, text: str) -> None:
    assert not [e for e in extractor.extract_text(text, DAY).events
                if e.type in ("RETREAT", "SUPPORT", "COERCE")], \
        extractor.extract_text(text, DAY).events
