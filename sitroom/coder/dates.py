"""Event dates: the date a trigger's clause carries, and the narrative's reference time."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..nlp.dates import DateResolution, find_date_expressions, reference_times, resolve_date
from ..records import Article
from .frame import Frame
from .syntax import governing_verb
from .words import (NOUN_MODIFIER_DEPS, PARTICIPANT_DEPS, PAST_AUX, PRESENT_AUX, PROMISE_AUX,
                    QUOTES, REPORTING)


def _attachment(span: Span, trigger: Token, verb: Token) -> int | None:
    """Steps from the expression up to the trigger or its clause's verb; None if it belongs to
    another clause (it meets a different verb first)."""
    cur = span.root
    for steps in range(6):
        if cur in (trigger, verb):
            return steps
        if cur.head in (trigger, verb):
            return steps + 1
        if (cur.pos_ in ("VERB", "AUX") and cur.i != span.root.i) or cur.head == cur \
                or cur.dep_ in PARTICIPANT_DEPS:
            return None  # another clause, or a date inside a participant's description
        cur = cur.head
    return None


def _in_description(span: Span, trigger: Token) -> bool:
    """The expression sits in a relative or participle clause that describes a noun and does
    not hold the trigger ("rebels who entered two years ago", "nationals suspected of ... in
    1988")."""
    cur = span.root
    for _ in range(8):
        if cur.head == cur:
            return False
        if cur.i != span.root.i and cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("relcl", "acl") \
                and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return not cur.left_edge.i <= trigger.i <= cur.right_edge.i
        cur = cur.head
    return False


def _past_tense(trigger: Token) -> bool:
    """The trigger's clause is told in the simple or perfect past ("met", "was signed", "had
    met"), not the present perfect or present ("has called", "says")."""
    verb = governing_verb(trigger)
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & PRESENT_AUX:
        return False
    return bool(aux & PAST_AUX) or verb.tag_ == "VBD"


def date_expressions(sent: Span) -> list[tuple[str, int, int, Span | None]]:
    """The sentence's temporal expressions: each one's text, its character offsets in the doc,
    and the token span that covers it (None where no token span aligns)."""
    out = []
    for start, end in find_date_expressions(sent.text):
        a, b = sent.start_char + start, sent.start_char + end
        out.append((sent.text[start:end], a, b,
                    sent.doc.char_span(a, b, alignment_mode="expand")))
    return out


def quotation(sent: Span, trigger: Token) -> tuple[int, int] | None:
    """The token bounds of the quotation in the sentence that holds the trigger, if any: the
    marks are paired in order (an unpaired mark opens a quotation that runs to the sentence's
    end, or closes one that began at its start)."""
    marks = [t.i for t in sent if t.text in QUOTES]
    if not marks:
        return None
    if len(marks) % 2:  # a quotation carried over from, or on to, another sentence
        marks = [sent.start - 1, *marks] if trigger.i < marks[0] else [*marks, sent.end]
    for a, b in zip(marks[::2], marks[1::2]):
        if a < trigger.i < b:
            return a, b
    return None


def statement_date(sent: Span, quote: tuple[int, int], on: date) -> DateResolution | None:
    """The date of the statement that a quotation reports: a temporal expression outside the
    quotation that dates a reporting verb ("'...,' the army said on Monday")."""
    for text, _, _, span in date_expressions(sent):
        if span is None or quote[0] <= span.start < quote[1]:
            continue
        head = span.root.head if span.root.dep_ in ("pobj", "npadvmod") else span.root
        head = head.head if head.dep_ == "prep" else head
        if head.lemma_.lower() not in REPORTING:
            continue
        resolved = resolve_date(text, on, prefer="past")
        if resolved is not None and resolved.date is not None and resolved.date <= on:
            return resolved
    return None


def event_date(doc: Doc, frame: Frame, article: Article,
               reference: DateResolution | None = None,
               headline: bool = False) -> tuple[date | None, str | None]:
    """The event's date from the temporal expression attached to its trigger (else the closest
    one in its sentence); else, for a happened event told in the past tense (or in the
    headline), the narrative's reference time (`reference`: "On Tuesday, X met Y. The deal was
    signed by ..."); else the article date for reported-as-new events; None for what has not
    happened yet. A happened event cannot be dated after its article."""
    sent = doc[frame.sent_start:frame.sent_end]
    trigger = doc[frame.trigger]
    verb = governing_verb(trigger)
    happened = frame.status in ("asserted", "negated")
    prefer = "past" if happened or frame.status == "hypothetical" else "future"
    if {c.lower_ for c in verb.children if c.dep_ == "aux"} & PROMISE_AUX:
        prefer = "future"  # "X will evacuate in mid-August": a promise (AGREE) dated by its act
    best = None
    own_future = False  # the trigger's clause has its own date, after the article's
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                   and c.i > trigger.i] if trigger.pos_ == "VERB" else []
    quote = quotation(sent, trigger)
    statement = statement_date(sent, quote, article.date) if quote else None
    for text, a, b, span in date_expressions(sent):
        # inside a quotation, relative times count from the statement's date (the guide)
        quoted = statement is not None and span is not None and quote[0] < span.start < quote[1]
        resolved = resolve_date(text, statement.date if quoted else article.date,  # type: ignore[union-attr]
                                prefer=prefer, anchor=None if quoted else reference)
        if span is None or resolved is None or resolved.date is None:
            continue
        steps = _attachment(span, trigger, verb)
        if _since_now(text, span, verb):
            continue  # "have killed eight leaders since last July": up to now, not last July
        if any(inner.left_edge.i <= span.root.i <= inner.right_edge.i for inner in complements):
            continue  # "agreed to lift embargoes in late February": the lifting's date
        if happened and resolved.date > article.date:
            own_future = own_future or steps is not None
            continue
        # an old date describing a participant ("rebels who entered two years ago"). Its
        # first day, not latest_day: a description that may be old ("whose party won the
        # elections in March", "earlier this year") does not date the event
        if steps is None and (article.date - resolved.date).days > BACKGROUND_DAYS \
                and _in_description(span, trigger):
            continue
        key = (0, steps) if steps is not None else (1, min(abs(a - trigger.idx), abs(b - trigger.idx)))
        if best is None or key < best[0]:
            best = (key, resolved)
    if best is not None and not (own_future and best[0][0] == 1):
        return best[1].date, best[1].precision  # not another clause's date for a promise
    if happened and reference is not None and reference.date is not None \
            and reference.date <= article.date and (headline or _past_tense(trigger)):
        return reference.date, reference.precision
    if happened:
        return article.date, "day"
    return None, None


def _since_now(text: str, span: Span, verb: Token) -> bool:
    """A "since" date of a present-perfect clause starts a period that lasts until now."""
    first = text.split(None, 1)[0].lower() if text.strip() else ""
    since = first == "since" or (span.start > 0 and span.doc[span.start - 1].lower_ == "since")
    return since and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                         for c in verb.children)


def _clause_dates(sent: Span) -> list[str]:
    """The sentence's temporal expressions that date a clause, not those that only describe a
    noun ("repeating his January 2 remarks", "the December 20 signing")."""
    return [text for text, _, _, span in date_expressions(sent)
            if span is not None and not (span.root.dep_ in NOUN_MODIFIER_DEPS
                                         and span.root.head.pos_ in ("NOUN", "PROPN")
                                         and span.root.head.i >= span.end)]


def narrative_times(doc: Doc, headline_end: int, on: date) -> dict[int, DateResolution | None]:
    """The narrative's reference time at each sentence (keyed by its first token): the last
    recent day or week the body set before it (see dates.reference_times). Headline sentences
    take the lead's: the first one the first body paragraph sets ("Trump announces withdrawal"
    over "Late on Sunday, Trump announced ...")."""
    sents = list(doc.sents)
    body = [s for s in sents if s.start_char >= headline_end]
    flags, prev_end = [], None
    text = doc.text  # built anew (joined from every token) at each access
    for sent in body:
        gap = text[prev_end:sent.start_char] if prev_end is not None else "\n"
        flags.append("\n" in gap)
        prev_end = sent.end_char
    refs = reference_times([(_clause_dates(s), f) for s, f in zip(body, flags)], on,
                           BACKGROUND_DAYS)
    out: dict[int, DateResolution | None] = {s.start: r[0] for s, r in zip(body, refs)}
    lead = None
    for i, (_, after) in enumerate(refs):
        if i > 0 and flags[i]:
            break  # only the first paragraph
        if after is not None:
            lead = after
            break
    for sent in sents:
        if sent.start_char < headline_end:
            out[sent.start] = lead
    return out


BACKGROUND_DAYS = 14
"""Events dated this many days before their article are background (annotation guide)."""
