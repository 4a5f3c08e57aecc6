"""What the event rules test: implied actors ("[authorities]"), places, trade, stances."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..actors import ActorKB
from ..ontology import QUAD_CLASS
from ..places import Gazetteer, locate_span
from ..records import Actor, Place
from .arguments import agentless_harm, unnamed_attack
from .candidates import subject_of
from .frame import Frame
from .syntax import absolute_participle, governing_verb, headline_passive
from .words import (COMPANY, JOINING, OCCURRING, STANCE_VERBS, STATE_ACTS, STATE_SECTORS, TRADE_TYPES,
                    UNDATED_PAST)


def event_location(doc: Doc, frame: Frame, gazetteer: Gazetteer,
                   context: list[str]) -> Place | None:
    """The place tied to the trigger in its own sentence (a MOBILIZE destination first)."""
    sent = doc[frame.sent_start:frame.sent_end]
    if frame.location_hint is not None:
        hint = doc[frame.location_hint]
        for ent in sent.ents:
            if ent.start <= hint.i < ent.end or (ent.label_ in ("GPE", "LOC")
                                                 and hint.left_edge.i <= ent.start
                                                 and ent.end <= hint.right_edge.i + 1):
                place = gazetteer.resolve(ent.text, context)
                if place is not None:
                    return place
    found = locate_span(sent, frame.trigger, gazetteer, context)
    if found is None:
        return None
    span, place = found
    if QUAD_CLASS.get(frame.type) in (1, 3) and not _where_said(span, doc[frame.trigger]):
        return None  # a verbal act happens where it is said, not where its topic is
    return place


def _where_said(span: Span, trigger: Token) -> bool:
    """True when `span` is the object of in/at attached to the trigger's own clause."""
    prep = span.root.head
    verb = governing_verb(trigger)
    return prep.dep_ == "prep" and prep.lower_ in ("in", "at", "during") and \
        prep.head in (trigger, verb)


def _place_modifier(token: Token, gazetteer: Gazetteer, kb: ActorKB, on: date) -> bool:
    """A city named as a modifier ("a Kabul car bombing") says where, not who; so does one the
    tagger reads as an organisation ("the Mumbai attacks") that the actor KB knows as no
    group ("a Hamas attack": Hamas did it)."""
    if token.dep_ != "compound" or token.ent_type_ not in ("GPE", "LOC", "FAC", "ORG"):
        return False
    kinds = {c.kind for c in gazetteer.lookup(token.text)}
    if not kinds or "country" in kinds:
        return False
    if token.ent_type_ != "ORG":
        return True
    known = kb.resolve(token.text, on)
    return known.entity is None and known.sector is None


def _business_act(kind: str, actor: Actor, recipient: Actor | None) -> bool:
    """A company supplying, funding, offering or negotiating with customers or other companies:
    trade, not a political act. A company's act toward a state or armed party stays an event."""
    if kind not in TRADE_TYPES:
        return False
    if actor.sector != "BUS" and (actor.sector in STATE_SECTORS or not COMPANY.search(actor.text)):
        return False
    return recipient is None or recipient.sector not in STATE_SECTORS


def _standing_position(trigger: Token) -> bool:
    """A stance verb in the simple present, in the narrative's own words: "The Green Party
    supports electoral reform", "Turkey acknowledges that Armenians were killed". A lead or
    headline ("Egypt supports truce plan"), a quotation ("We support the plan") or a report
    ("X said it supports ...") is a statement of the day and stays."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VBZ", "VBP") or \
            trigger.lemma_.lower() not in STANCE_VERBS or trigger.sent.start == 0:
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in trigger.children) or \
            trigger.dep_ in ("ccomp", "xcomp"):
        return False
    subj = subject_of(trigger)
    if subj is not None and subj.lower_ in ("i", "we"):
        return False
    before = trigger.doc.text[trigger.sent.start_char:trigger.idx]
    quotes = sum(before.count(q) for q in '"\u201c\u201d')
    return quotes % 2 == 0


LONG_UNITS = frozenset(("month", "year", "decade", "century"))
MANY = frozenset("several many numerous multiple various countless repeated".split())


def _span_of_time(prep: Token) -> bool:
    """A phrase that spans or places the clause in a stretch of the past, not a day of news:
    "over the last two months", "in the past", "at the time", "on several occasions", "in the
    1920s". Not "since June": a toll counted since then ("have killed eight leaders since last
    July") is an event to the PLOVER gold standard, though background to our analysts."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    word, lemma = prep.lower_, obj.lemma_.lower()
    mods = {c.lower_ for c in obj.children}
    if word in ("over", "during", "in", "for") and lemma in LONG_UNITS and mods & {"last", "past"}:
        return True
    if word == "in" and (lemma == "past" and "the" in mods or
                         (len(obj.text) == 5 and obj.text[:4].isdigit() and obj.text.endswith("0s"))):
        return True
    if word == "at" and lemma == "time" and mods == {"the"}:
        return True
    return word == "on" and lemma == "occasion" and bool(mods & MANY)


def _undated_past(trigger: Token) -> bool:
    """The clause tells of some earlier time, not of news: "have used force before", "had
    previously met", "complained in the past", "arrested on several occasions"."""
    verb = governing_verb(trigger)
    heads = (verb, trigger) if trigger != verb else (verb,)
    return any(c.dep_ == "advmod" and c.lower_ in UNDATED_PAST and not any(c.children)
               for c in verb.children) or \
        any(c.dep_ == "prep" and _span_of_time(c) for h in heads for c in h.children)


UNNAMED_ATTACKER = "[unidentified attackers]"
"""The actor of an attack whose attacker goes unnamed; brackets mark an implied actor, as in the
annotation guide (country unknown, sector UAF: unidentified armed force)."""


def unnamed_attacker(doc: Doc, frame: Frame, recipient: Actor | None) -> Actor | None:
    """The implied actor of a reported attack with no named attacker and a named victim: "a
    roadside bomb killed three soldiers", "two policemen were shot dead". None for accidents,
    for harm with no cause given, and for what has not happened."""
    if frame.type != "ASSAULT" or frame.status != "asserted" or recipient is None:
        return None
    if unnamed_attack(doc[frame.trigger]) is None:
        return None
    return Actor(text=UNNAMED_ATTACKER, country=None, sector="UAF", confidence=0.3)


UNKNOWN_ACTOR = "[unknown]"
"""The actor of violence told with no doer and no cause (docs/annotation.md): country unknown,
sector UNK."""


def unknown_attacker(doc: Doc, frame: Frame) -> Actor | None:
    """The implied actor of violent harm told with no doer, no cause and no accident, in a
    sentence that tells of violence: "four were killed and three injured amid clashes between
    rival clans" ([unknown], sector UNK). None for what has not happened."""
    if frame.type != "ASSAULT" or frame.status != "asserted" or \
            not agentless_harm(doc[frame.trigger]):
        return None
    return Actor(text=UNKNOWN_ACTOR, country=None, sector="UNK", confidence=0.2)


def attack_owner(doc: Doc, frame: Frame, kb: ActorKB, on: date,
                 gazetteer: Gazetteer | None) -> Token | None:
    """The party named in the own phrase of an attack whose attacker the parse left unnamed: a
    country, people or organisation the knowledge base knows among the capitalised words before
    the attack noun ("US Predator attacks killed ...", "killed in a US drone strike"). A town
    there says where ("a Kabul car bombing"), not who."""
    if frame.type != "ASSAULT" or frame.status != "asserted":
        return None
    means = unnamed_attack(doc[frame.trigger])
    if means is None or means.i == frame.trigger:
        return None
    level = [means]
    for _ in range(3):
        below = [c for tok in level for c in tok.children
                 if c.i < means.i and c.dep_ in ("amod", "compound", "nmod")]
        for tok in below:
            if not tok.text[:1].isupper() or tok.i == tok.sent.start or \
                    tok.ent_type_ in ("PERSON", "DATE", "TIME"):
                continue
            if gazetteer is not None and (kinds := {c.kind for c in gazetteer.lookup(tok.text)}) \
                    and "country" not in kinds:
                continue
            res = kb.resolve(tok.text, on)
            if res.country is not None or res.entity is not None:
                return tok
        level = below
    return None


AUTHORITIES = "[authorities]"
COURTS = "[courts]"
PROTESTERS = "[protesters]"


def _place_country(doc: Doc, frame: Frame, home: str | None,
                   gazetteer: Gazetteer | None) -> str | None:
    """The country where the frame's act happened, else the article's home country."""
    place = event_location(doc, frame, gazetteer, [home] if home else []) if gazetteer else None
    return place.country if place is not None and place.country else home


def state_authority(doc: Doc, frame: Frame, recipient: Actor | None, home: str | None,
                    gazetteer: Gazetteer | None) -> Actor | None:
    """The implied actor of an act only a state does, told with no agent (`STATE_ACTS`): "X was
    arrested in Lebanon" (its police), "X was sentenced to ten years" (its courts), of the
    country where it happened, else of the article's home country. Not for a participle
    raised from a passive ("were beaten and arrested"): in the 30 of 5,804 Wikinews articles
    with one (and the 202 seed ones) that gave two events, both wrong (a misparse of "and
    currently imprisoned, Jean-Juste"; "not known if any have been injured or arrested")."""
    trigger = doc[frame.trigger]
    sector = STATE_ACTS.get((frame.type, frame.mode or ""))
    if sector is None or frame.status != "asserted" or \
            recipient is None or trigger.pos_ != "VERB" or \
            not (any(c.dep_ == "auxpass" for c in trigger.children)
                 or headline_passive(trigger) is not None
                 or absolute_participle(trigger) is not None) or \
            any(c.dep_ == "agent" for c in trigger.children):
        return None
    country = _place_country(doc, frame, home, gazetteer)
    if country is None:
        return None
    return Actor(text=AUTHORITIES if sector == "COP" else COURTS, country=country, sector=sector,
                 confidence=0.3)


def unnamed_protesters(doc: Doc, frame: Frame, home: str | None,
                       gazetteer: Gazetteer | None) -> Actor | None:
    """The implied actor of a protest told with no protester named ("Protests erupted in San
    Salvador", "a general strike began on Monday", "thousands joined a protest in Nairobi"):
    protesters of the country where it
    happened, else of the article's home country, as ACLED codes "Protesters (Country)"."""
    trigger = doc[frame.trigger]
    told = (trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in OCCURRING) \
        or (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in JOINING)  # "thousands
    # joined a protest in Nairobi": the crowd is unnamed
    if frame.type != "PROTEST" or frame.status != "asserted" or trigger.pos_ != "NOUN" or \
            not told:
        return None  # "amid protests", "after last week's protests": a mention, not the news
    country = _place_country(doc, frame, home, gazetteer)
    if country is None:
        return None
    return Actor(text=PROTESTERS, country=country, sector="CVL", confidence=0.3)
