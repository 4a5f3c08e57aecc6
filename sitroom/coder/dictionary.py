"""Events as a PETRARCH/TABARI verb dictionary codes them, with sitroom's actors."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from ..actors import ActorKB
from .verbcodes import CodedFrame, coded_frames
from ..records import Actor, Article, CodedEvent, Evidence, stable_id
from ..verbs.dictionary import VerbDictionary
from .arguments import coordinated
from .merge import _same_party
from .parties import _known, home_country, resolve_participant, resolve_speaker
from .status import attribution_of, status_of


def _party(doc: Doc, token: Token, on: date, kb: ActorKB, home: str | None,
           other: Token | None = None) -> list[Actor]:
    """The resolvable actors a participant names: itself and its conjuncts."""
    found = [_known(resolve_participant(doc, t, on, kb, home, other))
             for t in (token, *coordinated(token))]
    return [a for a in found if a is not None]


def _first_party(doc: Doc, candidates: tuple[int, ...], on: date, kb: ActorKB,
                 home: str | None, verb: Token) -> list[Actor]:
    """The first candidate that names a party in its own words, else the first that resolves
    at all: a bare role word waits ("sent troops to Russia": Russia)."""
    fallback: list[Actor] = []
    for i in candidates:
        party = _party(doc, doc[i], on, kb, home, verb)
        if not party:
            continue
        own = kb.resolve(party[0].text, on)
        if own.country or own.entity:
            return party
        fallback = fallback or party
    return fallback


def coded_event(doc: Doc, frame: CodedFrame, article: Article, kb: ActorKB,
                home: str | None) -> list[CodedEvent]:
    """The events of one dictionary-coded verb: each source toward each party of the first
    target candidate that resolves to an actor, or toward nobody (a compound's members toward
    each other); a `[a:b]` code also gives the target's act toward the source."""
    on = article.date
    verb = doc[frame.verb]
    sources = [a for i in frame.sources for a in (
        [_known(resolve_participant(doc, doc[i], on, kb, home))] if frame.compound
        else _party(doc, doc[i], on, kb, home)) if a is not None]
    if frame.compound:
        pairs = [(a, b) for k, a in enumerate(sources) for j, b in enumerate(sources) if k != j]
    else:
        if frame.listed:
            targets = [a for i in frame.targets
                       for a in [_known(resolve_participant(doc, doc[i], on, kb, home, verb))]
                       if a is not None]
        else:
            targets = _first_party(doc, frame.targets, on, kb, home, verb)
        pairs = [(a, b) for a in sources for b in (targets or [None])]
    sent = doc[frame.sent_start:frame.sent_end]
    evidence = Evidence(sent.text, sent.start_char, sent.end_char)
    status = status_of(verb)  # what the dictionary does not say: was it done, or only talked of
    said_by = resolve_speaker(doc, attribution_of(verb, sent), on, kb, home)
    out = []
    for k, (source, target) in enumerate(pairs):
        if target is not None and (target.text, target.start) == (source.text, source.start):
            continue
        directions = [(frame.code, source, target)]
        if frame.reverse and target is not None and not frame.compound:
            directions.append((frame.reverse, target, source))
        for j, (code, who, whom) in enumerate(directions):
            if code is None:
                continue
            out.append(CodedEvent(
                event_id=stable_id(article.id, verb.idx, code, k, j),
                article_id=article.id, origin=article.origin, article_date=on,
                code=code, source=who, target=whom, verb=verb.text,
                pattern=frame.pattern, line=frame.line, evidence=evidence, status=status,
                said_by=None if said_by is None or _same_party(said_by, who) else said_by))
    return out


def coded_events(doc: Doc, article: Article, kb: ActorKB,
                 verbs: VerbDictionary) -> tuple[CodedEvent, ...]:
    """Every event a PETRARCH/TABARI verb dictionary codes in a parsed article."""
    home = home_country(doc, kb)
    return tuple(e for frame in coded_frames(doc, verbs)
                 for e in coded_event(doc, frame, article, kb, home))
