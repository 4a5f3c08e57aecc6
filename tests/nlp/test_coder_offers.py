"""Offers, stances and crowd control on whole sentences (real spaCy model): a concession its
giver says it will make is an offer (AGREE), one announced is CONCEDE; readiness to coerce is a
threat; "is opposed to" is a stance; breaking up a protest is COERCE; an aspect verb ("sped up")
carries on its object's act; an event noun's doer can be named in a participle ("organised by")."""
from __future__ import annotations

import pytest
from coderkit import DAY, Coded

from sitroom.extract import Extractor
from sitroom.coder.frames import find_frames


@pytest.mark.parametrize(("text", "expected"), [
    # an offer of a concession: AGREE (CAMEO 035, intent to yield)
    ("Kenya said on Monday it would release the Ugandan fishermen.", ("AGREE", "KEN", "UGA")),
    ("Uganda said it was prepared to lift the curfew in Kampala.", ("AGREE", "UGA", None)),
    ("Kenya promised that it would withdraw its troops from Somalia.", ("AGREE", "KEN", "SOM")),
    # announced, not offered: CONCEDE, as before
    ("Kenya announced on Monday that its troops would withdraw from Somalia.",
     ("CONCEDE", "KEN", "SOM")),
    # readiness to coerce is a threat, whatever the object
    ("Uganda said it was prepared to impose martial law in Kampala.", ("THREATEN", "UGA", None)),
    # a stance, parsed as a passive
    ("Kenya is opposed to Ugandan mediation in the border dispute.", ("REJECT", "KEN", "UGA")),
    ("Kenya is strongly opposed to the Ugandan military presence.", ("ACCUSE", "KEN", "UGA")),
    ("Kenya opposed the Ugandan proposal on Monday.", ("REJECT", "KEN", None)),
    # crowd control short of force
    ("Kenyan police dispersed the protesters in Nairobi on Monday.", ("COERCE", "KEN", None)),
    ("Kenyan police broke up the rally in Nairobi on Monday.", ("COERCE", "KEN", None)),
    # an aspect verb carries on its object's act
    ("Kenya sped up the withdrawal of its troops from Somalia on Monday.",
     ("RETREAT", "KEN", "SOM")),
    ("Israel reimposed a blockade on Gaza on Monday.", ("COERCE", "ISR", "PSE")),
    # the doer of an event noun named in a participle
    ("Police broke up a demonstration organised by Kenyan students in Nairobi on Monday.",
     ("PROTEST", "KEN", None)),
    ("Kenyan and Somali forces violated the ceasefire on Monday, monitors said.",
     ("ASSAULT", "KEN", None)),
    ("Kenya and Uganda reached a consensus on border security on Monday.",
     ("AGREE", "KEN", "UGA")),
    # a decision noun's infinitive is its owner's act to come
    ("Kenya's decision to withdraw its troops from Somalia angered Uganda.",
     ("CONCEDE", "KEN", "SOM")),
    ("The Kenyan government confirmed its intention to send troops to Somalia.",
     ("MOBILIZE", "KEN", None)),
    # a stretch of time held: its act is the holder's
    ("Kenya and Uganda held three days of talks in Nairobi on Monday.", ("CONSULT", "KEN", "UGA")),
    ("Kenyan troops began ten days of war games near the border on Monday.",
     ("MOBILIZE", "KEN", None)),
    # exercises by the forces of two countries are joint (plover.json: COOPERATE)
    ("Kenyan and Ugandan troops began military exercises on Monday.", ("COOPERATE", "KEN", None)),
    # an effort noun's kind is what was ended
    ("Kenyan officers on Monday ended mediation efforts between the rival militias.",
     ("SANCTION", "KEN", None)),
    # "guilty of violating": the adjective's subject did it
    ("Kenyan troops are guilty of violating the ceasefire agreement, monitors said on Monday.",
     ("ASSAULT", "KEN", None)),
    # an attack on a policy or a response is words, not force
    ("Kenya's opposition leader stepped up his attack on the government's response to the floods.",
     ("ACCUSE", "KEN", "KEN")),
    # "has committed to" is still a commitment
    ("Kenya has committed to holding talks with Uganda.", ("AGREE", "KEN", None)),
    # a protest about an election is still a protest
    ("Thousands of Kenyans joined election protests in Nairobi on Sunday.",
     ("PROTEST", "KEN", None)),
    # "protested" with a clause: a complaint in words, not a street protest
    ("Kenya is failing its refugees, Amnesty International protested on Monday.",
     ("ACCUSE", "NGO", None)),
])
def test_coded(coded: Coded, text: str, expected: tuple) -> None:
    found = coded(text)
    assert expected in found, found


@pytest.mark.parametrize(("text", "unwanted"), [
    # what force was used for is not a second event
    ("Kenyan police opened fire on the crowd to disperse the protesters in Nairobi.", "COERCE"),
    # "protest what they saw as": a noun phrase, not a complaint in words
    ("Thousands of Kenyans gathered in Nairobi to protest what they saw as police brutality.",
     "ACCUSE"),
    # a law imposed is not martial law
    ("Kenya imposed a sweeping new security law on Monday.", "COERCE"),
    # a joint deployment is still a deployment, not joint exercises
    ("Kenyan and Ugandan troops began a deployment near the border on Monday.", "COOPERATE"),
    # another party's act reported is not the speaker's offer
    ("Kenya said Ugandan troops would withdraw from the town on Monday.", "AGREE"),
    ("The Kenyan general told reporters that the rebels would release the hostages.", "AGREE"),
    # a time, not an act; a feeling carried on is not an act; an accident is no sanction
    ("Moi, who headed the Kenyan government during the emergency, declined to comment.",
     "COERCE"),
    ("Kenya Airways slumped 12%, further intensifying concern about the market.", "ACCUSE"),
    ("A pipeline rupture in Kenya has reduced the supply of gas to Uganda by 30%.", "SANCTION"),
    # got ready, not offered
    ("Kenya's president prepared to address the nation on Monday.", "AGREE"),
    # a refusal is no act
    ("Ugandans still resent Kenya's refusal to apologize for the raid.", "CONCEDE"),
    # canvassing, not dissent
    ("A re-election campaign rally held by the Kenyan president drew thousands.", "PROTEST"),
    # the one given aid is not its giver
    ("The Kenyan minister was being given medical assistance when he died.", "AID"),
    # "called genocide by X" names X's words, not X's attacks
    ("The attacks, called genocide by the Kenyan government, continued in the north.", "ASSAULT"),
])
def test_not_coded(coded: Coded, text: str, unwanted: str) -> None:
    found = coded(text)
    assert not any(t == unwanted for t, _, _ in found), found


def test_a_refusal_with_neither_is_negated(extractor: Extractor) -> None:
    doc = extractor.nlp('The Kenyan commander said "We will quit neither the town nor the base."')
    quits = [f for f in find_frames(doc) if f.lemma == "quit"]
    assert quits and all(f.status == "negated" for f in quits), quits


def test_not_guilty_is_negated(extractor: Extractor) -> None:
    doc = extractor.nlp("The Kenyan soldiers are not guilty of killing the villagers.")
    kills = [f for f in find_frames(doc) if f.lemma == "kill"]
    assert kills and all(f.status == "negated" for f in kills), kills


def test_a_hunger_strike_to_protest_is_one_protest(extractor: Extractor) -> None:
    events = extractor.extract_text(
        "A Kenyan lawmaker started a hunger strike on Monday to protest the government's failure.",
        DAY).events
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "hunger")], events
    assert events[0].recipient is not None and events[0].recipient.country == "KEN"
