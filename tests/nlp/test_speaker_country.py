"""Whose side an unnamed speaker is on (real spaCy model): a role word that reports a clause
("the minister", "a spokesman", "officials") speaks for the state or government that makes the
reported statement, demand or agreement, and never takes its country from the party the clause
is done to. For an attack or an arrest the act is no sure sign of side (the party hit reports
it as often), so the doer's words stay an ordinary nearest-country cue and only the target's
country is ruled out."""
from __future__ import annotations

from datetime import date

import pytest
from coderkit import DAY

from sitroom.extract import Extractor, coded_events
from sitroom.records import Article
from sitroom.verbs.dictionary import load_verb_dictionary


def speakers(extractor: Extractor, text: str) -> dict[str, str | None]:
    """Each PLOVER event's type -> its speaker's country."""
    return {e.type: e.said_by.country for e in extractor.extract_text(text, DAY).events
            if e.said_by is not None}


@pytest.mark.parametrize("text, kind, country", [
    # the reported act's doer is a state that speaks for itself; the target is the other side
    ("Canada condemned Mexico's decision, the minister said.", "ACCUSE", "CAN"),
    ("Norway criticised Chile's fishing fleet, a spokesman said on Tuesday.", "ACCUSE", "NOR"),
    ("The government of Ghana rejected Togo's offer, the spokesman said.", "REJECT", "GHA"),
    ("Peru threatened to block Bolivia's bid for the seat, officials said.", "THREATEN", "PER"),
    ("The Dutch government summoned the Belgian envoy, the spokeswoman said.", "ACCUSE", "NLD"),
    ("Vietnam urged Cambodia to reopen the border, the ministry said.", "REQUEST", "VNM"),
    # the clause first, then who says it
    ("The ministry said Portugal had condemned Angola's decision.", "ACCUSE", "PRT"),
    # an attack: the doer stays a nearest-country cue; the country attacked never is
    ("Officials said Ethiopian troops had attacked a camp in Sudan.", "ASSAULT", "ETH"),
])
def test_a_role_word_speaks_for_the_state_that_acts(extractor: Extractor, text: str, kind: str,
                                                    country: str) -> None:
    assert speakers(extractor, text).get(kind) == country


def test_a_speakers_own_country_and_an_earlier_title_still_win(extractor: Extractor) -> None:
    """What the speaker's words name, or the fuller mention the title refers back to, comes
    before the reported doer."""
    own = speakers(extractor, "Chile condemned Peru's decision, Argentine officials said.")
    assert own.get("ACCUSE") == "ARG"
    earlier = speakers(extractor, "Colombia's foreign minister visited Lima on Monday. "
                                  "Ecuador rejected Peru's proposal, the minister said.")
    assert earlier.get("REJECT") == "COL"


def test_the_target_of_a_nested_act_is_not_the_speakers(extractor: Extractor) -> None:
    """The invasion inside what Canada condemned is reported by the same Canadian minister."""
    events = extractor.extract_text(
        "Canada condemned Mexico's invasion of Belize, the minister said.", DAY).events
    assert {e.said_by.country for e in events if e.said_by is not None} == {"CAN"}


def test_sitroom_codes_the_same_speaker(extractor: Extractor, tmp_path) -> None:
    """The verb-dictionary coder resolves its speaker the same way."""
    path = tmp_path / "t.verbs.txt"
    path.write_text("--- CONDEMN [111] ---\nCONDEMN\n")
    text = "Canada condemned Mexico's decision, the minister said."
    article = Article(id="t", date=date(2024, 11, 1), title="", text=text, source=None,
                      origin="t")
    events = coded_events(extractor.nlp(text), article, extractor.kb, load_verb_dictionary(path))
    assert [(e.code, e.said_by.country if e.said_by else None) for e in events] == \
        [("111", "CAN")]
