"""Cues that a number counts people where the number finder would otherwise pass it over
(docs/claims.md, "Counts that look like something else"). Each cue is a function of the
number's tokens in a parsed sentence; `find_quantities` asks them.

- `year_counts_people`: a year-like number (1600-2099) that counts people: "1846 persons were
  hospitalized" (the noun of people it modifies; a year never modifies "persons"), "... and 1720
  had already been discharged" (a bare subject after a count of people in the same sentence).
- `people_label`: a label naming a gathering of people before a colon: "Crowd: 100,000".
- `people_unit`: a number with no noun that counts people by what it is the subject of ("161,000
  were jobless": a state only people are in) or the measure of ("a population of 5.3 million").
- `tally_sides`: "passed 72-39", "tied 64-64 on the motion": the two sides of a vote tally.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

YEAR_LIKE = re.compile(r"(?:1[6-9]|20)\d\d")
PEOPLE_NOUNS = frozenset("""person people individual resident civilian child adult patient worker
employee soldier troop protester demonstrator student voter refugee migrant passenger citizen
inhabitant villager prisoner detainee hostage pilgrim spectator fan supporter""".split())
"""Nouns of people (lemmas): a year-like number before one counts them."""
_TEMPORAL_PREPS = frozenset("in since until till during from before after".split())
"""Prepositions before which a year-like number stays a year: "in 2000 people voted"."""
PEOPLE_GATHERINGS = frozenset("""crowd crowds attendance audience turnout population workforce
electorate spectators attendees""".split())
"""Nouns of a body of people: "Crowd: 100,000", "a population of 5.3 million"."""
PEOPLE_STATES = frozenset("""jobless unemployed homeless employed missing unaccounted stranded
trapped hospitalised hospitalized infected ill sick evacuated displaced""".split())
"""States only people are in: "161,000 were jobless"."""
_LINKING = frozenset("be become remain stay".split())
_TALLY_WORDS = re.compile(r"(?i)\bvot|\b(?:decision|ruling|verdict|judgment|judgement)s?\b")
"""Words that make "N-M" (larger first) a tally: "passed 72-39 votes", "in a 5-4 decision" (a
court's split), never a range."""
_TIE_WORDS = re.compile(r"(?i)\b(?:vot\w*|motion|bill|amendment|ballot|division)\b")
"""Words that make an equal-sided "N-N" a vote tally: "tied 64-64 on the motion"."""
_TALLY = re.compile(r"(\d{1,4})\s*(?:-to-|-|–|\s+to\s+)\s*(\d{1,4})")


def _number_head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[-1])


def year_counts_people(tokens: list[Token], text: str, after_people: bool) -> bool:
    """A year-like number that counts people: it modifies a plural noun of people, or (with a
    count of people before it in the sentence, `after_people`) it is a bare clause subject."""
    if not YEAR_LIKE.fullmatch(text):
        return False
    first = tokens[0]
    prev = first.doc[first.i - 1] if first.i > first.sent.start else None
    if prev is not None and prev.lower_ in _TEMPORAL_PREPS:
        return False
    head = _number_head(tokens)
    noun = head.head
    if head.dep_ == "nummod" and noun.i > head.i and noun.tag_ in ("NNS", "NNPS") and \
            (noun.lemma_.lower() in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS):
        return True
    return after_people and head.dep_ in ("nsubj", "nsubjpass") and noun.pos_ in ("VERB", "AUX")


def people_label(tokens: list[Token]) -> bool:
    """The number follows "<gathering>:" ("Crowd: 100,000"): it counts the people of that label."""
    first = next((t for t in tokens if t.like_num), tokens[0])
    return first.i - 2 >= first.sent.start and first.doc[first.i - 1].text == ":" and \
        first.doc[first.i - 2].lower_ in PEOPLE_GATHERINGS


def people_unit(tokens: list[Token]) -> bool:
    """A number with no noun that counts people: the subject of "be"/"remain" + a state of
    people ("161,000 were jobless"), or the "of" object of a body of people ("a population of
    5.3 million")."""
    head = _number_head(tokens)
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in _LINKING and \
            any(c.dep_ in ("acomp", "attr") and c.lower_ in PEOPLE_STATES for c in verb.children):
        return True
    if head.dep_ == "pobj" and verb.lower_ == "of":
        return verb.head.lower_ in PEOPLE_GATHERINGS
    return False


def tally_sides(num_text: str, value: float, value_max: float | None,
                sentence: str) -> list[tuple[str, int, int]]:
    """The two sides of a vote tally (each figure with its offsets in `num_text`), or []: "N-M"
    with the larger first or "N-to-M" in a sentence about a vote or ruling ("passed 72-39"), or
    equal sides in a sentence about a vote ("tied 64-64 on the motion": a tie, never a range of
    one value, even where spaCy reads it as a DATE)."""
    m = _TALLY.fullmatch(num_text)
    if m is None or value_max is None:
        return []
    if YEAR_LIKE.fullmatch(m.group(1)) and len(m.group(2)) in (2, 4):
        return []  # a span of years: "the 2008-09 vote"
    tie = m.group(1) == m.group(2) and bool(_TIE_WORDS.search(sentence))
    split = (value_max < value or "-to-" in num_text) and bool(_TALLY_WORDS.search(sentence))
    if not tie and not split:
        return []
    return [(m.group(k), *m.span(k)) for k in (1, 2)]
