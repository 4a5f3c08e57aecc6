"""Article tolls: figures stated apart from the attack go to the article's first attack."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from ..nlp.dates import resolve_date
from ..nlp.quantities import Quantity, additional, one_person, sentence_casualties
from ..records import Event
from .dates import BACKGROUND_DAYS, _clause_dates


def _sentence_of(doc: Doc, event: Event) -> Span | None:
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _background_sentence(sent: Span, on: date) -> bool:
    """The sentence is dated more than BACKGROUND_DAYS before the article ("an assault in
    Ghazni in August 2018, with 150 killed"). By the date's first day, not latest_day: a toll
    over a period that began earlier ("Eight soldiers have died this month", "so far in
    2006") counts more than the attack."""
    for expression in _clause_dates(sent):
        got = resolve_date(expression, on)
        if got is not None and got.date is not None and (on - got.date).days > BACKGROUND_DAYS:
            return True
    return False


def _toll_holder(event: Event) -> bool:
    """An event an article's toll can belong to: a reported attack or riot."""
    return event.status == "asserted" and (
        event.type == "ASSAULT" or (event.type == "PROTEST" and event.mode == "riot"))


def _at_one_person(doc: Doc, event: Event) -> bool:
    """An attack on one unnamed person ("police landed a live round on a protester"): a toll
    of many is not its own unless told as adding to it ("12 other people also died")."""
    victim = event.recipient
    if event.type != "ASSAULT" or victim is None or victim.start is None or victim.end is None:
        return False
    span = doc.char_span(victim.start, victim.end, alignment_mode="expand")
    return span is not None and one_person(span)


def with_article_casualties(doc: Doc, events: list[Event],
                            quantities: dict[int, list[Quantity]]) -> list[Event]:
    """Tolls stated apart from the attack ("At least 20 were killed") go to the article's
    first attack or riot (every event of its type coded from its sentence), for the roles it
    has no figure for; the first statement of a toll wins. Figures of an attack on another
    date, of another kind of event ("71 were arrested") or of a sentence dated in the
    background stay out. "Five other civilians also died" in the attack's own paragraph adds
    to the toll stated before. Where the first attack is on one person, only such added
    figures are its own; the rest go to the first attack or riot on more people."""
    holders = [i for i, e in enumerate(events) if _toll_holder(e)]
    if not holders:
        return events
    if not _at_one_person(doc, events[holders[0]]):
        return _give_tolls(doc, events, holders[0], quantities, added=None)
    out = _give_tolls(doc, events, holders[0], quantities, added=True)
    crowd = next((i for i in holders if not _at_one_person(doc, events[i])), None)
    return out if crowd is None else _give_tolls(doc, out, crowd, quantities, added=False)


def _give_tolls(doc: Doc, events: list[Event], main: int, quantities: dict[int, list[Quantity]],
                added: bool | None) -> list[Event]:
    """with_article_casualties for one event; `added` keeps only the figures told as adding
    to a toll (True) or only the others (False)."""
    head = events[main]
    main_sent = _sentence_of(doc, head)
    if main_sent is None:
        return events
    own = {_sentence_of(doc, e) for e in events
           if e.type == "ASSAULT" and e.quantities and e.date != head.date}
    own = {sent.start for sent in own if sent is not None} | {main_sent.start}
    held = {(s.start, role) for e in events if (s := _sentence_of(doc, e)) is not None
            for role in e.quantities if e.type != head.type}  # the arrest's own "71 arrested"
    tolls: dict[str, float] = {}
    more: dict[str, float] = {}
    text = doc.text  # built anew (joined from every token) at each access
    for start, found in sorted(quantities.items()):
        sent = doc[start].sent
        if start in own or _background_sentence(sent, head.article_date):
            continue
        stated = sentence_casualties(sent, found)
        extra = sentence_casualties(sent, [q for q in found if additional(q, text)])
        same_paragraph = start > main_sent.start and \
            "\n" not in text[main_sent.end_char:sent.start_char]
        for role, value in stated.items():
            if (start, role) in held or (added is not None and added != (extra.get(role) == value)):
                continue
            if same_paragraph and extra.get(role) == value and role in head.quantities:
                more[role] = more.get(role, 0.0) + value
            else:
                tolls.setdefault(role, value)
    out = list(events)
    for i, event in enumerate(events):
        sent = _sentence_of(doc, event)
        if event.type != head.type or sent is None or sent.start != main_sent.start:
            continue
        plus = {k: v for k, v in tolls.items() if k not in event.quantities}
        plus.update({k: event.quantities[k] + v for k, v in more.items()
                     if k in event.quantities})
        if plus:
            out[i] = replace(event, quantities={**event.quantities, **plus})
    return out
