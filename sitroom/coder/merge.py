"""An article's events counted once: repeated mentions, implied actors, restated attacks."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Actor, Event


def _same_party(a: Actor, b: Actor) -> bool:
    if a.entity and a.entity == b.entity:
        return True
    return a.text.lower() in b.text.lower() or b.text.lower() in a.text.lower()


def _party_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.entity or (f"{actor.country}/{actor.sector}" if actor.country else actor.text.lower())


def dedup(events: Iterable[Event], headline_end: int = 0) -> tuple[Event, ...]:
    """One event per (type, actor, recipient, status) in an article: repeated mentions count once.

    A body mention is kept over the headline's, which usually restates it, and a mention that
    names its actor over one whose actor is implied ("[protesters]").
    """
    best: dict[tuple[Any, ...], Event] = {}
    for ev in events:
        key = (ev.type, _party_key(ev.actor), _party_key(ev.recipient), ev.status,
               ev.date.isocalendar()[:2] if ev.date else None,  # last week's attack is another
               ev.mode if ev.type in ("ASSAULT", "COERCE") else None)  # a shot and tear gas,
        # a dispersal and arrests, are two acts
        old = best.get(key)
        if old is None or (old.evidence.start < headline_end <= ev.evidence.start) or \
                (_implied(old.actor) and not _implied(ev.actor)):
            best[key] = ev
    named = [e for e in best.values() if not _implied(e.actor)]
    best = {k: e for k, e in best.items() if not _implied(e.actor) or not any(
        (n.type, n.actor.country, n.status) == (e.type, e.actor.country, e.status) and
        (e.recipient is None or _party_key(n.recipient) == _party_key(e.recipient))
        for n in named)}
    # an implied actor ("[protesters]") goes when the article names one of that country doing
    # the same (to the same party, if the implied one has one)
    moded = {k[:-1] for k in best if k[-1] is not None}
    best = {k: e for k, e in best.items() if k[-1] is not None or k[:-1] not in moded}
    # an attack told once with its means and once without is one attack
    # in one sentence, "the airstrike" and "the airstrike that killed X" are one event: the
    # mention without a recipient goes when the same act with a recipient is there
    targeted = {(e.type, _party_key(e.actor), e.status, e.evidence.start)
                for e in best.values() if e.recipient is not None}
    # and "Dozens died in the attack, conducted by X" restates X's attack on the base that day
    attacks = {(e.type, _party_key(e.actor), e.status, e.date) for e in best.values()
               if e.recipient is not None and e.type == "ASSAULT" and e.date is not None}
    kept = [e for e in best.values() if e.recipient is not None or (
            (e.type, _party_key(e.actor), e.status, e.evidence.start) not in targeted
            and (e.type, _party_key(e.actor), e.status, e.date) not in attacks)]
    # "killed 11 peacekeepers and injured 15 others": the others are victims of the same act
    named = {(e.type, _party_key(e.actor), e.status, e.evidence.start) for e in kept
             if e.recipient is not None and not _others(e.recipient)}
    kept = [e for e in kept if e.recipient is None or not _others(e.recipient) or
            (e.type, _party_key(e.actor), e.status, e.evidence.start) not in named]
    # "four were killed" with no doer named, in an article that tells an attack of that day:
    # the attack's toll told again, not another attack
    told = [e for e in kept if e.type == "ASSAULT" and e.actor.sector != "UNK"]
    kept = [e for e in kept if e.type != "ASSAULT" or e.actor.sector != "UNK" or not any(
        t.status == e.status and (t.date is None or e.date is None
                                  or abs((t.date - e.date).days) <= 1) for t in told)]
    # the headline restates the lead: a headline event goes when the body tells the same act
    # by the same side ("RadioShack CEO resigns" and "CEO of RadioShack Corp. ... resigned")
    body = [e for e in kept if e.evidence.start >= headline_end]
    kept = [e for e in kept if e.evidence.start >= headline_end or not any(
        _restated(e, b) for b in body)]
    return tuple(sorted(kept, key=lambda e: (e.evidence.start, e.event_id)))


def _restated(head: Event, body: Event) -> bool:
    """`body` tells the act `head` tells: same type and status, the same party acting, and no
    other party acted on."""
    same_side = head.actor.country == body.actor.country and (
        (head.actor.entity is not None and head.actor.entity == body.actor.entity)
        or (len(head.actor.text.split()) > 1 and _same_party(head.actor, body.actor)))
    # a bare "Israeli" or "Scottish" names a side, not the party: many of theirs act
    hr = head.recipient.country if head.recipient else None
    br = body.recipient.country if body.recipient else None
    return head.type == body.type and head.status == body.status and same_side and \
        (hr is None or br is None or hr == br) and \
        (head.date is None or body.date is None or head.date == body.date)


def _implied(party: Actor) -> bool:
    """An actor the text does not name but implies ("[authorities]", "[protesters]")."""
    return party.text.startswith("[")


def _others(party: Actor) -> bool:
    """"others", "15 others", "other civilians": more victims of an act told with its main ones."""
    words = party.text.lower().split()
    return party.country is None and party.entity is None and bool(words) and (
        words[-1] == "others" or "other" in words[:3])
