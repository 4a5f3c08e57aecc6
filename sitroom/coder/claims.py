"""Claims: every countable figure, who asserts it and when."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..actors import ActorKB
from ..claims.about import about_text
from ..nlp.dates import find_date_expressions, resolve_date
from ..nlp.quantities import Quantity
from ..ontology import QUAD_CLASS
from ..records import Actor, Article, Claim, Evidence, stable_id
from .candidates import match_predicate, subject_of
from .parties import resolve_speaker
from .status import attribution_of
from .syntax import governing_verb
from .words import REPORTING


def _claim_date(doc: Doc, speaker_verb: Token | None, article: Article) -> date:
    """When a claim was made: a date attached to its reporting verb, else the article date."""
    if speaker_verb is None:
        return article.date
    sent = speaker_verb.sent
    for start, end in find_date_expressions(sent.text):
        span = doc.char_span(sent.start_char + start, sent.start_char + end,
                             alignment_mode="expand")
        resolved = resolve_date(sent.text[start:end], article.date)
        if span is not None and resolved is not None and resolved.date is not None \
                and resolved.date <= article.date and span.root.head == speaker_verb:
            return resolved.date
    return article.date


def _speech_verb(verb: Token) -> bool:
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_ in REPORTING or verb.lemma_ in ("estimate", "describe", "put"):
        return True
    pred = match_predicate(verb)
    return pred is not None and QUAD_CLASS.get(pred.type) in (1, 3)


def claimant_of(doc: Doc, anchor: Token, sent: Span, article: Article, kb: ActorKB,
                home: str | None) -> tuple[Actor | None, Token | None]:
    """Who asserts the figure at `anchor`: the first speaker above it that names someone
    ("X said/estimated/condemned ... N"), else "according to X"; with the speech verb."""
    cur = governing_verb(anchor)
    for _ in range(8):
        if _speech_verb(cur):
            subj = subject_of(cur)
            speaker = resolve_speaker(doc, subj, article.date, kb, home)
            nobody = subj is not None and speaker is not None and subj.pos_ == "NOUN" and \
                not subj.ent_type_ and speaker.sector is None and speaker.role is None \
                and speaker.entity is None  # "with projections suggesting ...": no one
            if speaker is not None and (speaker.country or speaker.sector) and not nobody:
                return speaker, cur
        if cur.head == cur:
            break
        cur = cur.head
    speaker_tok = attribution_of(anchor, sent)
    return resolve_speaker(doc, speaker_tok, article.date, kb, home), None


def claims_in_sentence(doc: Doc, sent: Span, quantities: list[Quantity], article: Article,
                       kb: ActorKB, home: str | None) -> list[Claim]:
    """A Claim for every countable figure: what, how many, who says so, and when."""
    out = []
    for q in quantities:
        anchor = doc[q.head_i] if q.head_i is not None else (doc[q.num_i] if q.num_i >= 0 else None)
        if anchor is None or not q.unit:
            continue
        claimant, verb = claimant_of(doc, anchor, sent, article, kb, home)
        text = sent.text.strip()
        lead = len(sent.text) - len(sent.text.lstrip())
        out.append(Claim(
            claim_id=stable_id(article.id, q.start, q.value), article_id=article.id,
            origin=article.origin, article_date=article.date, about=about_text(q, sent),
            unit=q.unit, value=q.value, value_max=q.value_max, qualifier=q.qualifier,
            claimant=claimant, date=_claim_date(doc, verb, article),
            evidence=Evidence(text=text, start=sent.start_char + lead,
                              end=sent.start_char + lead + len(text))))
    return out


def dedup_claims(claims: list[Claim], headline_end: int = 0) -> tuple[Claim, ...]:
    """A headline figure that the body repeats (same value, unit and claimant) counts once."""
    body = {(c.value, c.unit, c.claimant.country if c.claimant else None)
            for c in claims if c.evidence.start >= headline_end}
    return tuple(c for c in claims if c.evidence.start >= headline_end or
                 (c.value, c.unit, c.claimant.country if c.claimant else None) not in body)
