"""Learned judgement over the rules' events: is this a real event of the article's time, coded
the way an analyst would code it?

The rules propose; this model judges. It is a logistic regression over what the rules saw
(type, mode, status, the trigger's lemma and tense, modality, quotation and background cues around
it, the parties found, the date offset, where in the article it stands, whether an earlier event
already told the same occasion) and the type classifier's belief in the type and in "no event".
Its probability is the event's `confidence`, which users filter on (`--min-confidence`). It
decides too: an event whose probability is under the judge's `decision_threshold` is not output
(the highest cut-off at which, out of fold, no matched event of the tune split is lost;
docs/judge.md gives the trade-off; `sitroom explain` shows what it dropped). Plain numpy, no
training code at run time. Weights:
``sitroom/nlp/data/judge.json``, rebuilt (byte for byte) by ``scripts/train_judge.py`` from the
tune split of the blind-annotated corpus (docs/annotation.md) and analysts' verdicts.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

from ..nlp.typeclf import OTHER, TypePrediction
from ..records import Event

DATA = Path(__file__).resolve().parent.parent / "nlp" / "data" / "judge.json"
MODALS = frozenset("would could might may should will can must".split())
PRONOUNS = frozenset("he she they it we i you who which that this these those".split())
QUOTES = frozenset('"\u201c\u201d')


def _bucket(value: float, edges: Sequence[float]) -> int:
    """The index of the first edge above value (len(edges) past the last)."""
    return next((i for i, edge in enumerate(edges) if value < edge), len(edges))


def _span(doc: Doc, event: Event) -> Span | None:
    return doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")


def _in_quotation(sent: Span, start: int) -> bool:
    """True when an odd number of quotation marks precede `start` in the sentence."""
    before = sent.doc.text[sent.start_char:max(start, sent.start_char)]
    return sum(before.count(q) for q in QUOTES) % 2 == 1


def _party_features(role: str, text: str | None, country: str | None, sector: str | None,
                    entity: str | None) -> list[str]:
    if text is None:
        return [f"{role}=none"]
    kind = ("implied" if text.startswith("[") else
            "pronoun" if text.lower() in PRONOUNS else
            "entity" if entity else "text")
    return [f"{role}_kind={kind}", f"{role}_country={'yes' if country else 'no'}",
            f"{role}_sector={sector or 'none'}"]


def _sentence_features(doc: Doc, event: Event, headline_end: int) -> list[str]:
    span = _span(doc, event)
    if span is None:
        return ["span=none"]
    sent, root = span.sent, span.root
    words = {t.lower_ for t in span}
    index = sum(1 for _ in doc[:sent.start].sents) if sent.start else 0
    feats = [f"root={root.lemma_.lower()}", f"type_root={event.type}|{root.lemma_.lower()}",
             f"root_tag={root.tag_}", f"sent_index={min(index, 6)}",
             f"span_len={_bucket(len(span), (4, 8, 16, 32))}",
             f"headline={event.evidence.start < headline_end}"]
    feats += [f"modal={w}" for w in sorted(words & MODALS)]
    if any(t.dep_ == "neg" for t in span):
        feats.append("negation")
    if any(t.lower_ == "if" for t in sent):
        feats.append("if_in_sentence")
    if sent.text.rstrip().endswith("?"):
        feats.append("question")
    if any(q in sent.text for q in QUOTES):
        feats.append("quote_in_sentence")
    if _in_quotation(sent, event.evidence.start):
        feats.append("inside_quotation")
    if {t.lower_ for t in sent} & {"we", "i", "our", "us"}:
        feats.append("first_person")
    return feats + _time_features(sent, event)


BACKGROUND_CUES = frozenset("previously earlier formerly since ago once long past before".split())


def _time_features(sent: Span, event: Event) -> list[str]:
    """Cues that a clause tells background: an earlier year named, or a background adverb."""
    feats = []
    years = [int(t.text) for t in sent if t.like_num and len(t.text) == 4 and t.text.isdigit()
             and 1900 < int(t.text) < 2100]
    if any(y < event.article_date.year for y in years):
        feats.append("earlier_year_in_sentence")
    feats += [f"cue={t.lower_}" for t in sent if t.lower_ in BACKGROUND_CUES]
    if any(t.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in t.children) for t in sent):
        feats.append("present_perfect")
    return feats


def context_features(events: Sequence[Event]) -> list[list[str]]:
    """Per event, whether an earlier candidate of the article already tells the same occasion
    (same actor country and type; also the same recipient country; in the same sentence)."""
    out = []
    for i, event in enumerate(events):
        before = events[:i]
        key = (event.actor.country, event.type)
        rec = event.recipient.country if event.recipient else None
        feats = []
        if any((e.actor.country, e.type) == key for e in before):
            feats.append("repeat_actor_type")
        if any((e.actor.country, e.type, e.recipient.country if e.recipient else None)
               == (*key, rec) for e in before):
            feats.append("repeat_dyad")
        if any(e.evidence.start == event.evidence.start for e in before):
            feats.append("same_evidence_as_earlier")
        if any(e.type == event.type and abs(e.evidence.start - event.evidence.start) < 200
               for e in before):
            feats.append("same_type_nearby")
        out.append(feats)
    return out


def _date_feature(event: Event) -> str:
    if event.date is None:
        return "date=none"
    days = (event.article_date - event.date).days
    return f"date={'future' if days < 0 else _bucket(days, (1, 2, 8, 15, 60))}"


def event_features(doc: Doc, event: Event, prediction: TypePrediction, headline_end: int,
                   n_events: int, proposed: bool = False) -> list[str]:
    """The feature names the judge reads for one event of a parsed article; `proposed`: it came
    from a broad proposal (sitroom/coder/propose.py), not a lexicon rule."""
    source = "proposed" if proposed else "rule"
    feats = ["bias", f"source={source}", f"type={event.type}", f"source_type={source}|{event.type}", f"mode={event.type}|{event.mode}",
             f"status={event.status}", f"type_status={event.type}|{event.status}",
             _date_feature(event), f"said_by={'yes' if event.said_by else 'no'}",
             f"events_in_article={_bucket(n_events, (2, 4, 8, 16))}",
             f"clf_type={_bucket(prediction.prob(event.type), (0.1, 0.25, 0.5, 0.75))}",
             f"clf_other={_bucket(prediction.prob(OTHER), (0.1, 0.25, 0.5, 0.75))}",
             f"clf_agrees={prediction.type == event.type}",
             f"location={'yes' if event.location else 'no'}",
             f"quantities={'yes' if event.quantities else 'no'}"]
    a, r = event.actor, event.recipient
    feats += _party_features("actor", a.text, a.country, a.sector, a.entity)
    feats += _party_features("recipient", r.text if r else None, r.country if r else None,
                             r.sector if r else None, r.entity if r else None)
    feats.append(f"type_recipient={event.type}|{'yes' if r and r.country else 'no'}")
    return feats + _sentence_features(doc, event, headline_end)


@dataclass(frozen=True)
class EventJudge:
    """A trained judge: feature index, weights (the feature `bias` is the intercept), the
    confidence cut-off with the best out-of-fold F1 on the tune split (a suggestion to users),
    and `calibration` (a, b): the score s becomes the probability 1 / (1 + exp(-(a s + b))),
    fitted on the tune split's out-of-fold scores, so that the analysts' stricter verdicts on
    other articles sharpen the ranking without skewing the probabilities on annotated news.
    `decision_threshold`: events under it are not output (`keeps`)."""

    vocab: dict[str, int]
    weights: np.ndarray
    suggested_min_confidence: float
    meta: dict[str, Any]
    calibration: tuple[float, float] = (1.0, 0.0)
    decision_threshold: float = 0.0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventJudge:
        """A judge from the dictionary `to_json` wrote."""
        return cls(vocab={f: i for i, f in enumerate(data["features"])},
                   weights=np.asarray(data["weights"], dtype=np.float64),
                   suggested_min_confidence=float(data["suggested_min_confidence"]),
                   meta=data.get("meta", {}),
                   calibration=tuple(data.get("calibration", (1.0, 0.0))),  # type: ignore[arg-type]
                   decision_threshold=float(data.get("decision_threshold", 0.0)))

    def to_json(self) -> dict[str, Any]:
        """The weights file's content (floats rounded so that a retrain compares byte for byte)."""
        order = sorted(self.vocab, key=self.vocab.__getitem__)
        return {"features": order, "weights": [round(float(w), 6) for w in self.weights],
                "suggested_min_confidence": round(self.suggested_min_confidence, 4),
                "calibration": [round(float(c), 6) for c in self.calibration],
                "decision_threshold": round(self.decision_threshold, 4), "meta": self.meta}

    def scores(self, feature_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """The linear score (log-odds before calibration) of each event's features."""
        return np.array([sum(self.weights[self.vocab[f]] for f in feats if f in self.vocab)
                         for feats in feature_lists], dtype=np.float64)

    def keeps(self, probability: float) -> bool:
        """Whether an event of this probability is output (the judge's decision)."""
        return probability >= self.decision_threshold

    def probabilities(self, feature_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """P(real, rightly coded event) for each event's features."""
        a, b = self.calibration
        return 1.0 / (1.0 + np.exp(-(a * self.scores(feature_lists) + b)))


@lru_cache(maxsize=2)
def load_judge(path: Path = DATA) -> EventJudge | None:
    """The shipped judge, or None where no weights file exists (the rules' events then stand)."""
    if not path.is_file():
        return None
    return EventJudge.from_json(json.loads(path.read_text(encoding="utf-8")))
