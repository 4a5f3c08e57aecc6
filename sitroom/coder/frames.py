"""The coder's stages for one sentence, in order: candidate -> arguments -> type -> status ->
parties, each applying its named rules (`frame_rules.py`) to a `Candidate`, then the frames."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from . import frame_rules as r
from .arguments import (_event_agent, _hint_index, _noun_actor, _noun_recipient, _stand_in,
                        _verb_args, actor_or_owner, blamed_party, coordinated, means_mode,
                        valid_participant)
from .candidate import Candidate
from .candidates import match_predicate, split_subject_of
from .conditions import _reported_demand
from .frame import Frame
from .rules import first
from .status import attribution_of, quote_speaker, status_of
from .syntax import _child, prep_object
from .words import (ABSTRACT_TARGETS, ACCEPTING, CARRYING_ON, EMBEDDING, FIRST_PERSON,
                    INSTRUMENT_NOUNS, LIGHT_VERBS, MODE_FROM_INNER, MUTUAL_TYPES, OWN_PRONOUNS,
                    SUBJECTS, THREAT_MODE, THREAT_PROTEST)

Trace = list[tuple[int, str]]
"""Rules fired over a document, as (trigger token index, rule name), in the order they fired."""

CANDIDATE_VETOES = (r.VERB_AS_MODIFIER, r.PROTEST_PURPOSE, r.AS_OPPOSED, r.FORCE_PURPOSE,
                    r.NOT_A_CONCESSION, r.PART_OF_NAME, r.EMBEDDED, r.ACT_STOPPED,
                    r.RESTATED_BY_VERB)


def _candidate(token: Token, sent: Span, perpetrator: Token | None) -> Candidate | None:
    """Stage 1: the token's lexicon row, unless a candidate rule vetoes it."""
    pred = match_predicate(token)
    if pred is None and (token.pos_ != "VERB" or token.lemma_.lower() not in ACCEPTING):
        return None  # no lexicon row; only a verb of accepting can get one (r.NOT_ACCEPTED)
    c = Candidate(token, pred or r.NO_ROW, sent, perpetrator)
    if c.pred == r.NO_ROW and not r.NOT_ACCEPTED.fires(c, c.fired):
        return None
    return c


def _arguments(c: Candidate) -> bool:
    """Stage 2: the actor, recipient and speaker tokens; False when a rule vetoes."""
    token, pred, fired = c.token, c.pred, c.fired
    if pred.pos == "NOUN":
        actor, recipient = _noun_actor(token, pred), _noun_recipient(token, pred)
    else:
        actor, recipient = _verb_args(token, pred, c.sent)
    c.abstract_target = recipient is not None and recipient.lemma_.lower() in ABSTRACT_TARGETS
    c.actor, c.recipient = _event_agent(_stand_in(actor), token), _stand_in(recipient)
    r.PLACE_NOT_ATTACKER.fires(c, fired)
    if r.PUBLISHED_ATTACK.fires(c, fired):
        return False
    r.THING_ACTOR.fires(c, fired)
    c.recipient = _event_agent(c.recipient, token) or c.recipient
    if c.recipient is not None and c.recipient.lemma_.lower() in INSTRUMENT_NOUNS:
        c.instrument = c.recipient
    first(c, fired, r.INSTRUMENT_TARGET, r.THING_RECIPIENT)
    c.speaker = attribution_of(token, c.sent)
    if c.speaker is None or c.speaker.lower_ in FIRST_PERSON:
        c.speaker = quote_speaker(token, c.sent) or c.speaker
    r.FIRST_PERSON_SPEAKER.fires(c, fired)
    c.actor, c.recipient = valid_participant(c.actor), valid_participant(c.recipient)
    first(c, fired, r.DATED_ELSEWHERE, r.PERPETRATOR)
    c.blamed = c.perpetrator is not None and c.actor == c.perpetrator
    r.NOT_ITS_OWN_RECIPIENT.fires(c, fired)
    return True


def _inner(c: Candidate) -> None:
    """The complement clause the trigger embeds ("urged X to leave"), or a request's object."""
    c.inner = _child(c.token, "xcomp", "ccomp")
    if c.inner is None and c.pred.type == "REQUEST":
        c.inner = prep_object(c.token, frozenset({"for"}))
    c.inner_pred = match_predicate(c.inner) if c.inner is not None else None


def _type(c: Candidate) -> bool:
    """Stage 3: the event type and mode; False when a rule vetoes."""
    pred, fired = c.pred, c.fired
    c.type, c.mode = pred.type, pred.mode
    if c.type == "ASSAULT" and c.mode is None and pred.pos == "VERB":
        c.mode = means_mode(c.token)  # "killed in a car bombing": explosives
    first(c, fired, r.CROWD_CONTROL, r.HEAVY_WEAPONS)
    r.JOINT_EXERCISE.fires(c, fired)
    r.PEACEKEEPERS.fires(c, fired)
    first(c, fired, r.ABSTRACT_TARGET, r.VERBAL_ATTACK)
    _inner(c)
    if r.PREPARED_NOTHING.fires(c, fired):
        return False
    if pred.type in EMBEDDING and c.inner_pred is not None:
        r.VOWED_FORCE.fires(c, fired)
        c.mode = THREAT_MODE.get(c.inner_pred.type) if c.type == "THREATEN" else \
            MODE_FROM_INNER.get(c.inner_pred.type, c.mode)
        if c.recipient is None and c.inner is not None:
            c.recipient = _child(c.inner, "dobj") or prep_object(c.inner, c.inner_pred.preps)
    else:
        r.READY_TO_IMPOSE.fires(c, fired)
    r.CONCESSION_TOWARD.fires(c, fired)
    r.PROTESTED.fires(c, fired)
    c.recipient = actor_or_owner(c.recipient)
    return True


def _status(c: Candidate) -> None:
    """Stage 4: done, negated, future or hypothetical; promises and threats."""
    token, fired = c.token, c.fired
    c.status = status_of(token)
    r.NOT_ACCEPTED_REJECT.fires(c, fired)
    own_act = c.pred.pos == "VERB" or (token.dep_ == "dobj" and token.head.lemma_.lower()
                                       in LIGHT_VERBS | CARRYING_ON)  # "would tighten a blockade"
    c.own_word = own_act and c.status == "future" and c.speaker is not None and \
        c.actor is not None and c.actor.lower_ in OWN_PRONOUNS and not c.first_person
    c.threat_mode = THREAT_MODE.get(c.type) or (
        "restrict" if c.type == "PROTEST" and c.mode in THREAT_PROTEST else None)
    r.OWN_WORD.fires(c, fired)
    first(c, fired, r.ULTIMATUM, r.FUTURE_THREAT, r.VOWED)
    first(c, fired, r.PROMISED_COOPERATION, r.PROMISED_RELEASE, r.RETREAT_ANNOUNCED)


Pair = tuple[Token | None, Token | None]
ONE_WAY_OFFERS = frozenset({"offer", "promise", "pledge", "propose", "invite", "reaffirm",
                            "willing", "prepared", "ready", "committed", "open", "invitation",
                            "willingness", "readiness"})
"""AGREE words that tell what the parties offer together, not an agreement between them: "Cruz
and Rooney proposed term limits" is one proposal of both, not each proposing to the other."""


def _pairs(c: Candidate) -> list[Pair]:
    """Stage 5: one (actor, recipient) pair per coordinated party: "met with the IMF, then
    with Trump", "cooperation between Russia and the DPRK" (each toward the other)."""
    actor, recipient = c.actor, c.recipient
    pairs: list[Pair] = [(actor, recipient)]
    if recipient is not None:
        pairs += [(actor, other) for other in coordinated(recipient)
                  if actor is None or other.i != actor.i]
    mutual = actor is not None and recipient is None and (
        (actor.dep_ == "pobj" and actor.head.lower_ in ("between", "among"))
        or (c.type in MUTUAL_TYPES and c.pred.lemma not in ONE_WAY_OFFERS))
    if actor is not None and mutual and coordinated(actor):
        others = coordinated(actor)
        pairs = [(actor, other) for other in others] + \
            ([(others[0], actor)] if len(others) == 1 else [])  # two: both ways
    elif actor is not None and not c.blamed and (
            c.pred.pos == "NOUN" or actor.dep_ in SUBJECTS or split_subject_of(actor)):
        taken = {t.i for _, t in pairs if t is not None}
        whoms = [whom for _, whom in pairs]  # "A and B welcomed ties between C and D": 4
        pairs += [(other, whom) for other in coordinated(actor) if other.i not in taken
                  for whom in whoms]
    return pairs


def _frames(c: Candidate) -> Iterator[Frame]:
    token, speaker, sent = c.token, c.speaker, c.sent
    rules = tuple(c.fired)
    for part, (who, whom) in enumerate(_pairs(c)):
        yield Frame(trigger=token.i, lemma=c.lemma, type=c.type, mode=c.mode, status=c.status,
                    actor=who.i if who is not None else None,
                    recipient=whom.i if whom is not None else None,
                    said_by=speaker.i if speaker is not None and speaker != who else None,
                    location_hint=_hint_index(token, c.pred),
                    sent_start=sent.start, sent_end=sent.end, part=part, rules=rules)


def _coded(c: Candidate) -> bool:
    """Run stages 1-4 on a candidate; False when a rule vetoes it."""
    if any(rule.fires(c, c.fired) for rule in CANDIDATE_VETOES):
        return False
    if not _arguments(c) or not _type(c):
        return False
    _status(c)
    return True


def frames_in_sentence(sent: Span, perpetrator: Token | None = None,
                       trace: Trace | None = None) -> Iterator[Frame]:
    """Every event frame whose trigger lies in this sentence; `perpetrator` is who the article
    blames for attacks whose agent goes unnamed; `trace` collects the rules that fired."""
    fired: list[str] = []
    if r.QUESTION.fires(sent, fired):
        if trace is not None:
            trace.append((sent.start, r.QUESTION.name))
        return
    for token in sent:
        demand = _reported_demand(token)
        if demand is not None:
            if trace is not None:
                trace.append((token.i, r.REPORTED_DEMAND.name))
            yield replace(demand, rules=(r.REPORTED_DEMAND.name,))
            continue
        c = _candidate(token, sent, perpetrator)
        if c is None:
            continue
        coded = _coded(c)
        if trace is not None:
            trace.extend((token.i, name) for name in c.fired)
        if coded:
            yield from _frames(c)


def find_frames(doc: Doc, trace: Trace | None = None) -> list[Frame]:
    """All frames in a parsed document, in text order; `trace` collects the rules that fired."""
    perpetrator = blamed_party(doc)
    return [frame for sent in doc.sents for frame in frames_in_sentence(sent, perpetrator, trace)]
