"""Unknown actors still count (issue 21): agentless reports of violence are attacks by an
unidentified attacker, and unnamed crowds are of the country where they act."""
from __future__ import annotations

import pytest
from coderkit import DAY, Coded

from sitroom.extract import Extractor


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
    # no doer and no cause, but the sentence tells of violence: an [unknown] attacker
    ("Four were killed and three injured amid clashes between rival clans in Jonglei.",
     ("ASSAULT", None, None)),
    # ... or the victims are armed forces
    ("Two soldiers were killed in Kandahar on Monday.", ("ASSAULT", None, "AFG")),
    # a crowd whose verb the parse hung on the root noun ("a group [that was] protested")
    ("A group of drivers protested in Guatire on Monday to demand fuel.", ("PROTEST", "VEN", None)),
])
def test_unknown_actors_still_count(coded: Coded, text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize("text", [
    # harm with no cause given may be an accident: no attack
    "Three people were killed in Mogadishu on Sunday.",
    # an accident named as the cause
    "Four people were killed when their bus hit a truck in Nairobi.",
    "A gas explosion ripped through a building in Baghdad, killing 12 people.",
    # violence words do not make an accident an attack
    "Two soldiers were killed in a helicopter crash near Kandahar on Monday.",
    # a mention inside a report, not a report
    "This is the first report of a protester being shot with live ammunition.",
])
def test_accidents_and_causeless_harm_are_no_attacks(coded: Coded, text: str) -> None:
    assert not any(t == "ASSAULT" for t, _, _ in coded(text))


def test_an_agentless_toll_is_the_attack_of_that_day(extractor: Extractor) -> None:
    """"Gunmen attacked ...; four were killed amid the clashes": one attack, not a second by an
    unknown actor; and its toll is the named attack's."""
    events = extractor.extract_text("Gunmen attacked a police station in Kaduna on Monday. Four "
                                    "were killed and three injured amid the clashes, police "
                                    "said.", DAY).events
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].actor.sector != "UNK"


@pytest.mark.parametrize(("text", "expected"), [
    ("The RMT union began a work stoppage in London on Monday.", ("PROTEST", "GBR", None)),
    ("Israel scrambled two fighter jets to intercept a suspicious aircraft.",
     ("MOBILIZE", "ISR", None)),
    ("Indonesia has grounded five airlines over safety concerns.", ("SANCTION", "IDN", None)),
    # the model lemmatises "fined" as "fin"
    ("The European Commission fined Google two billion euros.", ("SANCTION", "EUR", "USA")),
    ("The Kenyan government rebutted accusations of bribery.", ("REJECT", "KEN", None)),
])
def test_common_news_wordings(coded: Coded, text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_a_country_named_far_off_in_the_sentence_does_not_place_a_party(
        extractor: Extractor) -> None:
    """"two men who had travelled ... to watch the match between Germany and Australia": the
    countries belong to another phrase; the men are of the article's country (Kenya)."""
    events = extractor.extract_text(
        "Kenyan officials met in Nairobi on Monday. The police arrested two men on Tuesday who "
        "had travelled to the city to watch the football match between Germany and Australia.",
        DAY).events
    arrests = [e for e in events if e.type == "COERCE"]
    assert [(e.actor.country, e.recipient.country if e.recipient else None)
            for e in arrests] == [("KEN", "KEN")]


def test_a_joint_proposal_is_no_proposal_to_each_other(extractor: Extractor) -> None:
    """"Cruz and Rooney proposed to set term limits": both propose; neither proposes to the
    other (a mirror pair analysts judge a duplicate). "agreed" stays mutual."""
    events = extractor.extract_text("US Senator Ted Cruz and US Representative Francis Rooney "
                                    "proposed to set term limits for Congress on Thursday.",
                                    DAY).events
    assert events and all(e.type == "AGREE" and e.recipient is None for e in events)


def test_what_is_discussed_is_a_topic_not_a_party(coded: Coded) -> None:
    """"discussed Syria with Erdogan": Erdogan is met, Syria is talked about; "discusses his
    background, the pandemic and the economy" is one act, not a meeting with each topic."""
    assert coded("Putin discussed Syria with Erdogan on Monday.") == {("CONSULT", "RUS", "TUR")}
    assert not any(r is not None for _, _, r in coded(
        "Russian President Vladimir Putin discussed the economy, the pandemic and the war."))
