"""Stage 3, status and source: negation, modality, intention; who said it."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .candidates import _controlled_infinitive, _decided_act, _hosted_gerund, subject_of
from .syntax import _child, governing_verb, phrase_bounds
from .words import (DECLARING, ENABLING, FIRST_PERSON, FUTURE_AUX, HYPOTHETICAL_AUX, INTENT,
                    NEGATING, QUOTES, REPORTING)


def status_of(trigger: Token) -> str:
    """asserted, negated, future or hypothetical, from the trigger's clause and its controllers."""
    verb = governing_verb(trigger)
    chain = [trigger, verb] if verb != trigger else [trigger]
    if verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        chain.append(verb.head)  # "will destroy and obliterate": both future
    cur = verb
    while (cur.dep_ in ("xcomp", "ccomp") or _controlled_infinitive(cur)
           or _hosted_gerund(cur)) and cur.head != cur and len(chain) < 6:
        if cur.dep_ == "ccomp" and cur.head.lemma_ not in INTENT:
            break
        cur = governing_verb(cur.head.head) if cur.dep_ == "pcomp" else cur.head
        # "are not guilty of killing": the adjective's verb, with its negation
        chain.append(cur)
    status = "asserted"
    for tok in chain:
        kids = list(tok.children)
        if any(c.dep_ == "neg" for c in kids) or (tok != trigger and tok != verb
                                                   and tok.lemma_ in NEGATING):
            return "negated"
        if tok.pos_ in ("VERB", "AUX") and any(  # "will quit neither post nor mission"
                c.dep_ == "dobj" and any(d.dep_ == "preconj" and d.lower_ == "neither"
                                         for d in c.children) for c in kids):
            return "negated"
        auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if _reported_would(tok, auxes, kids):
            auxes = (auxes - {"would"}) | {"will"}  # "X said they would meet": a promise
        if auxes & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in kids):
            status = "hypothetical"
        elif auxes & FUTURE_AUX and status == "asserted":
            status = "future"
        if tok != trigger and tok.lemma_ in INTENT and status == "asserted":
            status = "future"
        if tok != trigger and tok.lemma_ in ENABLING and tok.pos_ == "VERB":
            status = "hypothetical"  # "new laws enable police to detain suspects": may, not did
    if verb.dep_ == "advcl" and any(c.lower_ == "if" for c in verb.children if c.dep_ == "mark"):
        status = "hypothetical"
    if status == "asserted" and _decided_act(verb):
        status = "future"  # "the decision to expand the offensive": decided, not yet done
    return status


def _reported_would(verb: Token, auxes: set[str], kids: list[Token]) -> bool:
    """"would" in a clause reported by a declaring verb is the reported "will" (sequence of
    tenses): "X said they would boycott the talks" is future, not hypothetical; "would have" is
    still a counterfactual."""
    if "would" not in auxes or "have" in auxes or verb.dep_ != "ccomp":
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in kids):
        return False
    return verb.head.lemma_ in DECLARING and verb.head.pos_ == "VERB"


def attribution_of(trigger: Token, sent: Span) -> Token | None:
    """The speaker the trigger's clause is attributed to, if any."""
    cur = governing_verb(trigger)
    for _ in range(6):
        if cur != trigger and cur.lemma_ in REPORTING and cur.pos_ == "VERB":
            return subject_of(cur)
        if cur.head == cur:
            break
        cur = cur.head
    return according_to(sent, trigger)


def according_to(sent: Span, outside: Token | None = None) -> Token | None:
    """X of the sentence's "according to X" (`outside`: not an X whose phrase holds it)."""
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            to = _child(tok, "prep")
            obj = _child(to, "pobj") if to is not None else None
            if obj is not None and (outside is None or
                                    not obj.i <= outside.i < phrase_bounds(obj)[1]):
                return obj
    return None


def quote_speaker(trigger: Token, sent: Span) -> Token | None:
    """Who speaks a quotation holding the trigger: the subject of the sentence's main verb,
    outside the quotation marks ('X defended his decision, "... I will destroy ..."': X)."""
    marks = [t.i for t in sent if t.text in QUOTES]
    inside = sum(1 for i in marks if i < trigger.i) % 2 == 1
    if not inside:
        return None
    subj = subject_of(sent.root)
    if subj is None or subj.lower_ in FIRST_PERSON or subj.pos_ == "PRON" and \
            subj.lower_ not in ("he", "she", "they"):
        return None
    first = min(i for i in marks if i < trigger.i)
    return subj if subj.i < first else None
