"""`sitroom code`: coding with a user's PETRARCH verb dictionary over the real spaCy parse. The
dictionary and the sentences are written for these tests; the peer suite is in test_peers.py."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitroom.extract import Extractor, coded_events
from sitroom.records import Article
from sitroom.verbs.dictionary import VerbDictionary, load_verb_dictionary

VERBS = """&HOW_
+SHARPLY
+IN_STRONG_TERMS

--- CRITICIZE [111] ---
CRITICIZE
CONDEMN
- * + &HOW [112]
- RIOT_* [---]

--- MEET  [040:041] ---
MEET {MET}
- % * [042]

--- SEND [---] ---
SEND {SENT}
- * TROOPS TO + [150]
- * AID [070]

--- BREAK [---] ---
BREAK {BROKE BROKEN}
+BREAK_OFF {+BROKE_OFF} [161]

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- SAY [010] ---
SAY {SAID}

--- SHOOT [---] ---
SHOOT {SHOT}
- * DOWN PROPOSAL [111]

--- FIRE_WEAPON [190] ---
SHOOT {SHOT}
"""


@pytest.fixture(scope="module")
def verbs(tmp_path_factory: pytest.TempPathFactory) -> VerbDictionary:
    path = tmp_path_factory.mktemp("verbs") / "test.verbs.txt"
    path.write_text(VERBS)
    return load_verb_dictionary(path)


def code(extractor: Extractor, verbs: VerbDictionary, text: str) -> set[tuple]:
    doc = extractor.nlp(text)
    article = Article(id="t", date=date(2024, 11, 1), title="", text=text, source=None,
                      origin="t")
    return {(e.code, e.source.country, e.target.country if e.target else None)
            for e in coded_events(doc, article, extractor.kb, verbs)}


@pytest.mark.parametrize("text, expected", [
    # the bare verb's code; its object is the target
    ("Ukraine criticized Russia on Friday.", {("111", "UKR", "RUS")}),
    ("Ukraine condemned Russia.", {("111", "UKR", "RUS")}),
    # the longest matching pattern wins: a synset phrase right after the target
    ("Ukraine condemned Russia in strong terms.", {("112", "UKR", "RUS")}),
    ("Ukraine sharply condemned Russia.", {("111", "UKR", "RUS")}),
    # a `---` pattern codes nothing, and neither does a `---` verb without a pattern
    ("Riot police were deployed.", set()),
    ("North Korea sent a letter to Russia.", set()),
    # `+` binds the target where the pattern says; a bare role word is no target
    ("North Korea sent troops to Russia.", {("150", "PRK", "RUS")}),
    ("Japan sent aid to Ukraine.", {("070", "JPN", "UKR")}),
    # a phrasal verb needs its particle, adjacent or not
    ("Georgia broke off relations with Russia.", {("161", "GEO", "RUS")}),
    ("Georgia broke the vase.", set()),
    # `[a:b]`: the target's act toward the source too
    ("Putin met Kim Jong-un in Moscow.", {("040", "RUS", "PRK"), ("041", "PRK", "RUS")}),
    # `%` before the verb: the compound's members toward each other
    ("Japan and South Korea met in Seoul.", {("042", "JPN", "KOR"), ("042", "KOR", "JPN")}),
    # `+` before the verb and `$` after it: the roles the pattern gives
    ("Five Israeli hostages were freed from Syria.", {("067", "SYR", "ISR")}),
    ("Syria freed the hostages.", {("066", "SYR", None)}),
    # compound subjects each act; a passive's agent is the source
    ("France and Germany condemned Russia.", {("111", "FRA", "RUS"), ("111", "DEU", "RUS")}),
    ("Russia was condemned by France.", {("111", "FRA", "RUS")}),
    # a verb listed in two blocks: the pattern of either, else the listing that codes
    ("Myanmar soldiers shot Thai fishermen.", {("190", "MMR", "THA")}),
    ("Germany shot down the French proposal.", {("111", "DEU", "FRA")}),
    # a reporting verb with nobody named after it has no target
    ("France said the talks would resume.", {("010", "FRA", None)}),
])
def test_coding(extractor: Extractor, verbs: VerbDictionary, text: str,
                expected: set[tuple]) -> None:
    assert code(extractor, verbs, text) == expected


def test_provenance(extractor: Extractor, verbs: VerbDictionary) -> None:
    text = "Ukraine condemned Russia in strong terms."
    doc = extractor.nlp(text)
    article = Article(id="t", date=date(2024, 11, 1), title="", text=text, source=None,
                      origin="t")
    [event] = coded_events(doc, article, extractor.kb, verbs)
    assert event.pattern == "- * + &HOW [112]" and event.line == 8
    assert event.verb == "condemned" and event.evidence.text == text
    assert event.to_dict()["source"]["text"] == "Ukraine"


def test_status_and_source(extractor: Extractor, verbs: VerbDictionary) -> None:
    """What the dictionary does not say, sitroom does: was it done, and who says so."""
    def first(text: str):
        doc = extractor.nlp(text)
        article = Article(id="t", date=date(2024, 11, 1), title="", text=text, source=None,
                          origin="t")
        return coded_events(doc, article, extractor.kb, verbs)[0]

    assert first("Japan condemned Russia.").status == "asserted"
    assert first("Japan will not condemn Russia.").status == "negated"
    assert first("Japan could condemn Russia.").status == "hypothetical"
    assert first("Japan will condemn Russia.").status == "future"
    reported = first("Japan condemned Russia, Prime Minister Shigeru Ishiba said.")
    assert reported.said_by is not None and reported.said_by.country == "JPN"
    assert first("Japan condemned Russia.").said_by is None
