"""Conditions the frame rules test: purposes, promises, ultimatums, crowd control."""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.lexicon import Predicate
from .arguments import _stand_in, thing_noun, valid_participant
from .candidates import match_predicate, subject_of
from .frame import Frame
from .status import status_of
from .syntax import _child, _to_infinitive, governing_verb, prep_object
from .words import (ANNOUNCING, CARRIERS, CROWD_CONTROL, DECLARING, INSTRUMENT_NOUNS,
                    MODE_FROM_INNER, MUST, OWN_PRONOUNS, PEACEKEEPING, PROMISING, RELATIVE,
                    STATIVE, VOWS)


def _reported_demand(token: Token) -> Frame | None:
    """"X said Y must return the helicopter", "X declared that Y must drop barriers": a demand
    (REQUEST) by the speaker on Y, coded on the required act."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ccomp" or not any(
            c.dep_ == "aux" and c.lower_ in MUST for c in token.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children):
        return None  # "plaintiffs should have considered ...": a reproach about the past
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
           for c in token.children):
        return None  # "must not": a prohibition, left to the act's own frame; "whether ...
        # should be approved": an open question
    speech = token.head
    if speech.lemma_ not in DECLARING or speech.pos_ != "VERB":
        return None
    speaker = valid_participant(_stand_in(subject_of(speech)))
    target = _child(token, "nsubj", "nsubjpass")
    if target is not None and target.lower_ in RELATIVE:
        return None
    target = valid_participant(_stand_in(target))
    if speaker is None or target is None or target.lower_ in OWN_PRONOUNS \
            or target.lower_ in ("you", "everyone", "everybody") or thing_noun(target) \
            or target.i == speaker.i:
        return None  # "we must", "it must": not a demand on another party
    inner = match_predicate(token)
    mode = MODE_FROM_INNER.get(inner.type) if inner is not None else None
    sent = token.sent
    return Frame(trigger=token.i, lemma=token.lemma_.lower(), type="REQUEST", mode=mode,
                 status="negated" if any(c.dep_ == "neg" for c in speech.children) else "asserted",
                 actor=speaker.i, recipient=target.i, said_by=None, location_hint=None,
                 sent_start=sent.start, sent_end=sent.end)


def _protest_purpose(token: Token, nouns_only: bool = False) -> bool:
    """A demand that is a protest's purpose ("staged demonstrations to demand reforms",
    "demonstrated in Kirkuk calling for independence") is the protest's content. `nouns_only`:
    the protest is the head verb's object ("started a hunger strike to protest X"), not the
    verb itself ("rallied to protest X", whose purpose names what is protested)."""
    if token.dep_ not in ("advcl", "xcomp") or token.head == token:
        return False
    head = token.head
    for cand in ((_child(head, "dobj"),) if nouns_only else (head, _child(head, "dobj"))):
        if cand is None or cand.i == token.i:
            continue
        pred = match_predicate(cand)
        if pred is not None and pred.type == "PROTEST":
            return True
    return False


def _carried_act(verb: Token) -> Predicate | None:
    """The act a light verb's object names ("to impose martial law", "to launch an
    offensive")."""
    obj = _child(verb, "dobj")
    if obj is None or verb.lemma_.lower() not in CARRIERS:
        return None
    return match_predicate(obj)


def _eventful(inner: Token | None, inner_pred: Predicate | None) -> bool:
    """A complement that is an event: its verb, or the noun it takes, is in the lexicon."""
    if inner is None:
        return False
    obj = _child(inner, "dobj")
    return inner_pred is not None or (obj is not None and match_predicate(obj) is not None)


def _force_purpose(token: Token) -> bool:
    """The act is what force was used for ("opened fire to disperse the crowd"), or a
    precaution ("more officers to prevent violent protests"): not an act of its own."""
    head = token.head
    if token.dep_ != "advcl" or head == token or not _to_infinitive(token):
        return False
    if token.lemma_.lower() == "prevent":
        return True
    tool = _child(head, "dobj")
    if tool is not None and tool.lemma_.lower() in INSTRUMENT_NOUNS:
        return True  # "used tear gas to disperse them": the tear gas is the act
    pred = match_predicate(head)
    return pred is not None and pred.type == "ASSAULT"


def _protested(verb: Token) -> Token | None:
    """What a verb's "to protest X" purpose names ("started a strike to protest X")."""
    purpose = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp")
                    and c.lemma_.lower() == "protest"), None)
    if purpose is None:
        return None
    return _child(purpose, "dobj") or prep_object(purpose, frozenset({"against"}))


def _peacekeepers(trigger: Token) -> bool:
    """The forces moved are peacekeepers ("NATO peacekeeping troops arrived", "deployed UN
    peacekeepers", "the deployment of peacekeepers")."""
    for force in (c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep")):
        if force.dep_ == "prep":
            force = _child(force, "pobj") if force.lower_ == "of" else None
        if force is not None and (force.lemma_.lower() in PEACEKEEPING or any(
                c.lemma_.lower() in PEACEKEEPING for c in force.children
                if c.dep_ in ("amod", "compound", "nmod"))):
            return True
    return False


def _vowed(trigger: Token) -> bool:
    """The act is what its subject vowed or swore to do ("vowed to retaliate", "have sworn to
    fight"): a warning of force, not force used."""
    return trigger.pos_ == "VERB" and trigger.dep_ in ("xcomp", "advcl") and \
        trigger.head.lemma_.lower() in VOWS and _force_on_party(trigger) and \
        _to_infinitive(trigger)


def _promised(trigger: Token) -> bool:
    """A release or an opening its giver says it will make ("Iran said it would release the
    sailors", "said it would allow inspectors back"): an offer (PLOVER AGREE; CAMEO 0354 and
    0355, intent to release or to allow involvement). Withdrawals, ceasefires and ended strikes
    said to come stay CONCEDE, as plover.json words it ("declaring (not implementing)"), and so
    does a release announced or decided ("announced that the prisoners would be freed")."""
    clause = governing_verb(trigger)
    for _ in range(4):
        if clause.lemma_.lower() in ANNOUNCING:
            return False  # "said: I have decided to resign": a decision, not an offer
        if clause.dep_ not in ("xcomp", "conj", "acomp") or clause.head == clause:
            break
        clause = clause.head
    said = clause.head.lemma_.lower()
    if clause.dep_ != "ccomp" or said not in PROMISING:
        return False
    subj = _child(clause, "nsubj", "nsubjpass")  # "Russia said Ukrainian troops would leave":
    return said not in ("say", "tell") or (  # not Russia's offer
        subj is not None and subj.lower_ in OWN_PRONOUNS)


def _force_on_party(act: Token) -> bool:
    """The act is aimed at a party or at nobody named ("to fight on", "to retaliate against
    Israel"), not at an ill ("to fight corruption", "to combat terrorism"): only then is a vow
    of it a threat."""
    target = _child(act, "dobj") or prep_object(act, frozenset({"against"}))
    return target is None or not thing_noun(target)


def _ultimatum(trigger: Token) -> bool:
    """A future act made conditional with "unless": "will withdraw its force unless ..."."""
    verb = governing_verb(trigger)
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                          for m in c.children) for c in verb.children)


def _concession_allowed(token: Token) -> bool:
    """"allowed X to hold rallies" eases a restriction on X; "the constitution allows re-election",
    "has allowed Hong Kong to have its own legislature" (a standing state), "will not allow Iran
    to ..." (a refusal) do not."""
    if status_of(token) not in ("asserted", "future"):
        return False
    subj = subject_of(token)
    if subj is None or (subj.pos_ == "NOUN" and thing_noun(subj)):
        return False
    party = _child(token, "dobj")
    inner = _child(token, "xcomp", "ccomp")
    if party is None and inner is not None:
        party = _child(inner, "nsubj", "nsubjpass")
    if party is None or thing_noun(party):
        return False
    return inner is None or inner.lemma_.lower() not in STATIVE


def _dated_elsewhere(trigger: Token) -> bool:
    """An attack noun with its own date ("the December 31 attack", "last week's bombing") is
    another attack than the article's main one."""
    mods = [c for c in trigger.children
            if c.dep_ in ("compound", "nmod", "npadvmod", "amod", "poss", "nummod")]
    mods += [g for c in mods if c.dep_ == "compound" for g in c.children
             if g.dep_ in ("nummod", "amod", "compound")]  # "the 2008 Mumbai attacks"
    return trigger.pos_ == "NOUN" and any(c.ent_type_ in ("DATE", "TIME") for c in mods)


def _crowd_control(trigger: Token, instrument: Token | None) -> bool:
    """The weapon used is a crowd-control one: "fired tear gas", "dispersed them with water
    cannon", "rubber bullets"."""
    tools = [instrument] if instrument is not None else []
    used = prep_object(trigger, frozenset({"with", "using"}))
    if used is not None:
        tools.append(used)
    for tool in tools:
        words = {tool.lemma_.lower()} | {c.lower_ for c in tool.children
                                          if c.dep_ in ("compound", "amod")}
        if tool.lemma_.lower() in CROWD_CONTROL - {"bullet", "grenade", "pellet"} or \
                words & {"tear", "rubber", "plastic", "water", "pepper", "stun"}:
            return True
    return False
