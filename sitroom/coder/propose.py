"""Broad proposals: a candidate frame for every plausible trigger the lexicon rules did not take.

The rules find events whose predicate is in the lexicon and whose reading passes their vetoes;
news says the same things in many more words ("issued a summary judgment against", "scrambled
fighter jets", "walked out of the committee"). Here every clause-heading verb that no rule took,
and that has a subject, is typed by the learned type classifier; a clause it reads as a PLOVER
event becomes a frame with the verb's subject as actor and its object as recipient. These
proposals go through the same resolution as the rules' frames, and the judge (sitroom/coder/judge.py)
decides which stand: it knows they were proposed, not matched by a rule (sitroom/coder/judge.py).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..nlp.typeclf import OTHER, TypeClassifier
from .candidates import subject_of
from .frame import Frame
from .status import attribution_of, status_of

CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl"})
RECIPIENT_PREPS = frozenset({"against", "to", "on", "with", "from", "for", "at"})
MIN_PROB = 0.3
"""The type classifier's least probability for a proposal (its own best type, OTHER excluded)."""


def _clause(verb: Token) -> Span:
    """The verb's clause: its subtree, without a following coordinated clause."""
    doc = verb.doc
    end = max((t.i for t in verb.subtree
               if not (t.dep_ == "conj" and t.head == verb and t.pos_ in ("VERB", "AUX"))
               and not any(a.dep_ == "conj" and a.head == verb and a.i <= t.i
                           and a.pos_ in ("VERB", "AUX") for a in t.ancestors)),
              default=verb.i)
    return doc[verb.left_edge.i:end + 1]


def _recipient(verb: Token) -> Token | None:
    """The verb's direct object, dative, or the object of a recipient-like preposition."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _candidates(doc: Doc, taken: set[int]) -> Iterable[tuple[Token, Token, Span]]:
    for sent in doc.sents:
        for verb in sent:
            if verb.pos_ != "VERB" or verb.dep_ not in CLAUSE_DEPS or verb.i in taken:
                continue
            subject = subject_of(verb)
            if subject is not None:
                yield verb, subject, sent


def proposed_frames(doc: Doc, classifier: TypeClassifier, taken: set[int],
                    min_prob: float = MIN_PROB) -> list[Frame]:
    """Frames for the clause verbs no rule took (`taken`: their trigger indices) that the type
    classifier reads as a PLOVER event with at least `min_prob`."""
    cands = list(_candidates(doc, taken))
    if not cands:
        return []
    predictions = classifier.predict([_clause(verb) for verb, _, _ in cands], threshold=0)
    frames = []
    for (verb, subject, sent), pred in zip(cands, predictions):
        if pred.type == OTHER or pred.type_prob < min_prob:
            continue
        recipient = _recipient(verb)
        speaker = attribution_of(verb, sent)
        frames.append(Frame(trigger=verb.i, lemma=verb.lemma_.lower(), type=pred.type,
                            mode=pred.mode, status=status_of(verb), actor=subject.i,
                            recipient=recipient.i if recipient is not None else None,
                            said_by=speaker.i if speaker is not None else None,
                            location_hint=None, sent_start=sent.start, sent_end=sent.end))
    return frames
