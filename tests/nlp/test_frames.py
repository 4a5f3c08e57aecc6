"""The rule-based frame finder on real sentences (real spaCy model)."""
from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.nlp.frames import find_frames, phrase_bounds
from sitroom.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def frames(nlp: Language, text: str) -> list[tuple[str, str | None, str, str | None, str | None, str | None]]:
    """(type, mode, status, actor phrase, recipient phrase, said_by phrase) per frame."""
    doc = nlp(text)

    def phrase(i: int | None) -> str | None:
        return None if i is None else doc[slice(*phrase_bounds(doc[i]))].text

    return [(f.type, f.mode, f.status, phrase(f.actor), phrase(f.recipient), phrase(f.said_by))
            for f in find_frames(doc)]


def test_verb_with_subject_and_object(nlp: Language) -> None:
    assert ("ACCUSE", "disapprove", "asserted", "He", "Russia's collaboration",
            None) in frames(nlp, "He condemned Russia's collaboration with North Korea.")


def test_passive_agent_is_the_actor(nlp: Language) -> None:
    found = frames(nlp, "The protesters were arrested by police on Sunday.")
    assert found[0][:5] == ("COERCE", "arrest", "asserted", "police", "The protesters")


def test_request_with_object_control(nlp: Language) -> None:
    found = frames(nlp, "Zelenskyy urged Western allies to respond decisively.")
    assert found[0][:5] == ("REQUEST", None, "asserted", "Zelenskyy", "Western allies")


def test_request_inner_event_gives_mode_not_a_second_event(nlp: Language) -> None:
    found = frames(nlp, "The minister called on Russia to withdraw its troops from Ukraine.")
    assert [f[0] for f in found] == ["REQUEST"]
    assert found[0][1] == "yield" and found[0][4] == "Russia"


def test_light_verb_noun_event(nlp: Language) -> None:
    found = frames(nlp, "Japan expressed deep concern over Russia's cooperation with North Korea.")
    assert ("ACCUSE", "disapprove", "asserted", "Japan", "Russia's cooperation", None) in found
    assert ("COOPERATE", None, "asserted", "Russia's", "North Korea", None) in found


def test_attribution_of_a_reported_event(nlp: Language) -> None:
    found = frames(nlp, "Officials said rebels attacked a military base in the north.")
    assert found == [("ASSAULT", None, "asserted", "rebels", "a military base", "Officials")]
    found = frames(nlp, "According to the police, gunmen killed three villagers.")
    assert found[0][3] == "gunmen" and found[0][5] == "the police"


@pytest.mark.parametrize(("text", "status"), [
    ("The army did not attack the village.", "negated"),
    ("The army will attack the village.", "future"),
    ("The army plans to attack the village.", "future"),
    ("The army could attack the village.", "hypothetical"),
    ("If talks fail, the army would attack the village.", "hypothetical"),
    ("The army attacked the village.", "asserted"),
])
def test_status(nlp: Language, text: str, status: str) -> None:
    assert frames(nlp, text)[0][2] == status


def test_promise_to_cooperate_is_agree(nlp: Language) -> None:
    found = frames(nlp, "China will provide aid to Pakistan.")
    assert found[0][0] == "AGREE" and found[0][2] == "asserted"


def test_announced_withdrawal_is_concede(nlp: Language) -> None:
    found = frames(nlp, "Trump announced the withdrawal of US troops from Syria.")
    assert found[0][0] == "CONCEDE"


def test_verbal_attack_on_an_abstract_target_is_accuse(nlp: Language) -> None:
    found = frames(nlp, "Trump attacked the impeachment investigation as a witch hunt.")
    assert found[0][0] == "ACCUSE"


def test_numbers_and_dates_are_not_participants(nlp: Language) -> None:
    found = frames(nlp, "Bombs kill at least 20 at cathedral.")
    assert all(f[4] is None for f in found)


def test_headline_is_its_own_sentence(nlp: Language) -> None:
    doc = nlp("Xi Jinping can intervene in the situation\n\nJournalists draw attention to it.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Xi Jinping can intervene in the situation", "Journalists draw attention to it."]


def test_participle_adjective_is_not_a_trigger(nlp: Language) -> None:
    assert frames(nlp, "Its silence is striking.") == []
