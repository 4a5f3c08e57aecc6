"""Event location from one parsed sentence: the place tied to the event's trigger, in its clause.

Rules (docs/places.md has the long form):

* candidates are the sentence's GPE/LOC/FAC entities, plus other entities (NER often calls a
  small town PERSON/ORG) whose text the gazetteer knows as a city/region/subdivision;
* each candidate is scored by how it attaches to the trigger in the dependency tree: a
  locative preposition ("in/at/near/outside/across/on/...", or "north of", "outskirts of")
  on the way up to the trigger or to one of its arguments is best; a place that is the
  subject of the trigger, or the object of a trigger that does not take a place as its object
  (everything but capture/patrol/shell/...), is an actor and is skipped;
* places in another clause of the same sentence are a fallback only if locative themselves;
* never anything outside the sentence; None where nothing qualifies.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitroom.records import Place

if TYPE_CHECKING:  # spaCy is only needed by callers that already hold a parsed sentence
    from spacy.tokens import Span, Token

    from .gazetteer import Gazetteer

PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"}
LOC_PREPS = {"in", "at", "near", "outside", "across", "on", "inside", "into", "around",
             "throughout", "within", "along", "off", "over", "between", "onto", "through",
             "toward", "towards", "beyond", "past", "outside of", "among", "amid", "upon"}
WEAK_PREPS = {"from", "to", "of"}
# "north of X", "outskirts of X", "the town of X": `of` is locative after these heads.
OF_HEADS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
            "southwest", "northern", "southern", "eastern", "western", "central",
            "outskirts", "suburbs", "suburb", "centre", "center", "heart", "edge", "part",
            "parts", "area", "areas", "outside", "km", "kilometers", "kilometres", "miles",
            "town", "city", "village", "villages", "district", "province", "region",
            "neighbourhood", "neighborhood", "streets", "street", "capital", "port", "camp",
            "countryside", "state", "county", "island", "islands", "territory", "province",
            "governorate", "municipality", "border", "coast", "vicinity", "environs"}
# Verbs whose direct object is itself the place where the event happens.
PLACE_OBJECT_VERBS = {"capture", "recapture", "seize", "patrol", "shell", "bomb", "raid",
                      "storm", "occupy", "besiege", "liberate", "overrun", "invade", "enter",
                      "attack", "hit", "strike", "take", "control", "surround", "encircle",
                      "blockade", "evacuate", "flee", "leave", "visit", "tour", "bombard",
                      "target", "retake", "reach", "cross", "flood", "rock", "shake"}
SAME_PHRASE = {"compound", "appos", "conj", "amod", "nmod", "flat", "nummod", "cc", "punct",
               "det", "quantmod"}
MIN_SCORE = 1.5
OTHER_CLAUSE_PENALTY = 1.0
NON_PLACE_PENALTY = 1.0


def _mentions(sent: Span, gazetteer: Gazetteer) -> list[Span]:
    out: list[Span] = []
    doc = sent.doc
    for ent in doc.ents:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if ent.label_ in PLACE_LABELS:
            out.append(ent)
        elif ent.label_ in OTHER_LABELS and ent.label_ != "NORP":
            out.append(ent)
    return out


def _strip_ent(ent: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the",):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end] if end > start else ent


def _score(ent: Span, trigger: Token, gazetteer: Gazetteer) -> float | None:
    """How strongly the entity is the event's location; None where it is an actor."""
    root = ent.root
    node = root
    locative = 0.0
    steps = 0
    reached = node == trigger
    below_trigger: str | None = None  # the dependency of the path's child of the trigger
    possessive = False
    while not reached and steps < 12:
        head = node.head
        if head == node:
            break
        dep = node.dep_
        if dep == "poss" and steps <= 1:
            possessive = True
        if dep == "pobj" and head.dep_ in ("prep", "agent", "dative") or dep == "pcomp":
            prep = head.lower_
            if prep in LOC_PREPS:
                locative = max(locative, 3.0 - 0.4 * steps)
            elif prep == "of" and head.head.lower_ in OF_HEADS:
                locative = max(locative, 2.6 - 0.4 * steps)
            if head.head == trigger:
                below_trigger = "prep"
                reached = True
                break
            node = head.head
        else:
            if head == trigger:
                below_trigger = dep
                reached = True
                break
            node = head
        steps += 1
    if reached and below_trigger in ("nsubj", "nsubjpass", "csubj", "expl") and node == root:
        return None  # the place is the trigger's subject: an actor
    if reached and below_trigger == "dobj" and node == root:
        if trigger.lemma_.lower() not in PLACE_OBJECT_VERBS:
            return None  # object of e.g. "accuse", "warn": an actor
        return 2.5
    if reached and below_trigger == "dobj" and not locative:
        # "captured the town of Bakwa", "patrolled the streets of Reynosa"
        if trigger.lemma_.lower() in PLACE_OBJECT_VERBS:
            return 2.2
    score = locative
    if possessive and not locative:
        score = 1.5  # "Grozny's streets are patrolled"
    if not score:
        return None  # neither locative nor possessive: a mention, not a location
    if reached:
        score += 1.0 - 0.05 * steps
    else:
        score -= OTHER_CLAUSE_PENALTY  # another clause of the sentence: fallback only
    return score


def locate_span(sent: Span, trigger_i: int, gazetteer: Gazetteer,
                context_countries: Sequence[str] = ()) -> tuple[Span, Place] | None:
    """The entity span chosen as the event's location and the place it resolves to.

    `trigger_i` is the trigger's index in the Doc (`Token.i`). An entity the gazetteer cannot
    resolve still yields a `Place` carrying its name only (country etc. None).
    """
    doc = sent.doc
    if not sent.start <= trigger_i < sent.end:
        return None
    trigger = doc[trigger_i]
    best: tuple[float, int, Span] | None = None
    for ent in _mentions(sent, gazetteer):
        if ent.start <= trigger_i < ent.end:
            continue
        score = _score(ent, trigger, gazetteer)
        if score is not None and ent.label_ not in PLACE_LABELS:
            # NER often calls a small town PERSON/ORG: keep it when the gazetteer knows the
            # name, or when the tree puts it firmly in a place slot.
            score -= 0.3 if gazetteer.is_place(ent.text) else NON_PLACE_PENALTY
        if score is None or score < MIN_SCORE:
            continue
        key = (score, -abs(ent.start - trigger_i))
        if best is None or key > best[:2]:
            best = (score, -abs(ent.start - trigger_i), ent)
    if best is None:
        return None
    span = _strip_ent(best[2])
    place = gazetteer.resolve(span.text, context_countries)
    if place is None:
        place = Place(name=span.text)
    return span, place


def locate(sent: Span, trigger_i: int, gazetteer: Gazetteer,
           context_countries: Sequence[str] = ()) -> Place | None:
    """The event's location in its own sentence (see module doc), or None."""
    found = locate_span(sent, trigger_i, gazetteer, context_countries)
    return found[1] if found else None
