"""Dependency-parse helpers the coder's stages share: phrases, subjects, objects, voice."""
from __future__ import annotations

from spacy.tokens import Token

from .words import (CARRIERS, CARRYING_ON, DURATIONS, EFFORT_NOUNS, FEELINGS, LIGHT_VERBS,
                    MESSAGE_NOUNS, PACTS, PARTY_ENTS, PATIENT_VERBS, PHRASE_SKIP, STATES,
                    SUBJECTS)


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by `head`, without clauses."""
    lo = hi = head.i
    stack = [head]
    while stack:
        tok = stack.pop()
        lo, hi = min(lo, tok.i), max(hi, tok.i)
        for child in tok.children:
            if child.dep_ in PHRASE_SKIP:
                continue
            if child.dep_ == "prep" and child.lower_ != "of":
                continue
            stack.append(child)
    return lo, hi + 1


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _to_infinitive(verb: Token) -> bool:
    """The verb is a "to" infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            obj = _child(child, "pobj", "pcomp")
            if obj is not None:
                return obj
    return None


def _object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "compound", "attr", "oprd"):
            lemmas.add(child.lemma_.lower())
            if child.lemma_.lower() in EFFORT_NOUNS | PACTS:  # "ended mediation efforts",
                # "violated the ceasefire agreement"
                lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
            if child.dep_ == "dobj":  # "a letter of intent", "a barrage of missiles"
                of = prep_object(child, frozenset({"of"}))
                if of is not None:
                    lemmas.add(of.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            obj = _child(child, "pobj")
            if obj is not None:
                lemmas.add(obj.lemma_.lower())
    return lemmas


def _is_light(noun: Token) -> bool:
    head = noun.head
    if _message_noun(noun) is not None:
        return True  # "sent a letter of support"
    if noun.dep_ in ("dobj", "attr") and head.lemma_.lower() in CARRIERS and (
            head.lemma_.lower() in LIGHT_VERBS or noun.lemma_.lower() not in FEELINGS):
        return True  # "launched an offensive", "tightened the blockade"; a feeling is
        # expressed, not carried on ("intensifying concern about the market")
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return True
    if noun.dep_ == "pobj" and head.lower_ == "of" and _held_span(head.head):
        return True  # "held three days of talks"
    if noun.dep_ == "pobj" and head.lower_ == "during" and noun.lemma_.lower() in STATES:
        return False  # "headed the government during martial law": a time, not an act
    return noun.dep_ == "pobj" and head.lower_ in ("in", "for", "during", "after")


def shared_conjunct(verb: Token) -> Token | None:
    """The next coordinated verb whose complements a bare verb shares ("fired and landed a live
    round on a protester": "on a protester" is also where the fire went); None when `verb`
    has complements of its own."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "dative")
                                  and c.i > verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)


def _free_relative(clause: Token) -> bool:
    """A clause that is a noun phrase: "protest what they saw as complicity"."""
    return clause.dep_ == "ccomp" and clause.left_edge.lower_ in ("what", "whatever")


def _date_pp(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Tuesday"): says when, not to whom."""
    obj = _child(prep, "pobj")
    return prep.dep_ == "prep" and obj is not None and obj.ent_type_ in ("DATE", "TIME")


def governing_verb(token: Token) -> Token:
    """The verb whose clause contains `token` (the token itself for verbs)."""
    cur = token
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            return cur
        cur = cur.head
    return cur


def _message_noun(noun: Token) -> Token | None:
    """The message noun this event noun is the content of ("a letter of support", "statements
    of condemnation"), or None."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in MESSAGE_NOUNS:
        return prep.head
    return None


def _held_span(holder: Token) -> bool:
    """A stretch of time that a light verb's subject holds ("launched ten days of games")."""
    return holder.lemma_.lower() in DURATIONS and holder.dep_ in ("dobj", "attr", "npadvmod") and \
        holder.head.lemma_.lower() in LIGHT_VERBS | CARRYING_ON


def _raised_passive(verb: Token) -> Token | None:
    """The patient a participle takes from a passive verb above it: "13 sailors have been
    reported killed", "were arrested and later released", a headline's "Spanish councillor
    shot and killed": the sailors were killed."""
    head = verb.head
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd", "conj") or head == verb \
            or _child(verb, *SUBJECTS, "nsubjpass", "aux", "auxpass") is not None:
        return None
    return _child(head, "nsubjpass") or (headline_passive(head) if verb.dep_ == "conj" else None)


def headline_passive(verb: Token) -> Token | None:
    """The patient of a headline's bare participle ("Protesters arrested in Hong Kong",
    "Opposition leader detained in Minsk"): a transitive act with no object and no auxiliary
    whose subject suffered it."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBD") or \
            verb.lemma_.lower() not in PATIENT_VERBS or \
            _child(verb, "dobj", "dative", "aux", "auxpass", "ccomp", "xcomp", "prt") is not None:
        return None
    subj = _child(verb, "nsubj")
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def absolute_participle(verb: Token) -> Token | None:
    """"with one lecturer arrested", "without anyone detained": a bare past participle after
    "with" is passive; the one it was done to (its parsed subject, or the noun it hangs on)."""
    if verb.tag_ != "VBN" or _child(verb, "aux", "auxpass") is not None:
        return None
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("with", "without"):
        return _child(verb, "nsubj")
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and \
            verb.head.head.lower_ in ("with", "without"):
        return verb.head
    return None


def passive_voice(verb: Token) -> bool:
    """The verb is in the passive: it has a passive subject or a passive auxiliary."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def party_modifier(noun: Token) -> Token | None:
    """A named party among the words before a noun, directly or through the nouns modifying it:
    "Israeli air strikes" (Israeli), "recent US Predator attacks" and "a US drone strike" (US),
    "a Saudi-led coalition airstrike" (Saudi): whose act or weapon the noun names."""
    level = [noun]
    for _ in range(3):
        below = []
        for tok in level:
            for child in tok.children:
                if child.i > noun.i or not (child.dep_ in ("amod", "compound", "nmod") or (
                        child.dep_ == "npadvmod" and tok.lemma_ == "lead" and tok.tag_ == "VBN")):
                    continue
                if child.ent_type_ in PARTY_ENTS:
                    return child
                below.append(child)
        level = below
    return None
