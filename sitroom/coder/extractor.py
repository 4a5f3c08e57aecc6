"""The Extractor: the pipeline from a parsed article to events and claims."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..actors import ActorKB, load_kb
from ..errors import ExtractionError
from ..ingest.common import article_id
from ..nlp.chunks import Pieces, parse, pipe_articles
from ..nlp.pipeline import load_pipeline
from ..nlp.quantities import Quantity, find_quantities
from ..nlp.typeclf import TypeClassifier, TypePrediction
from ..places import Gazetteer, load_gazetteer
from ..records import Actor, Article, Claim, CodedEvent, Event, Evidence, Extraction, stable_id
from ..verbs.dictionary import VerbDictionary
from .casualties import with_article_casualties
from .claims import claims_in_sentence, dedup_claims, link_claims
from .dates import narrative_times
from .dictionary import coded_events
from .event import ALLEGATION, allegation, event_from_frame
from .frames import Trace, find_frames
from .judge import context_features, event_features, load_judge
from .merge import dedup
from .parties import home_country
from .propose import proposed_frames


@dataclass(frozen=True)
class Candidates:
    """One article's events before judgement: which came from broad proposals, and where its
    headline ends (both read by the judge), with the article's claims."""

    events: list[Event]
    claims: tuple[Claim, ...]
    proposed: frozenset[str]
    headline_end: int


class Extractor:
    """Holds the spaCy pipeline and knowledge bases, loaded once; turns articles into records."""

    def __init__(self, nlp: Language | None = None, kb: ActorKB | None = None,
                 gazetteer: Gazetteer | None = None,
                 classifier: TypeClassifier | None = None, judged: bool = True,
                 decide: bool = True) -> None:
        self.nlp = nlp or load_pipeline()
        self.kb = kb or load_kb()
        self.gazetteer = gazetteer or load_gazetteer()
        self.classifier = classifier or TypeClassifier.load()
        self.judge = load_judge() if judged else None
        self.decide = decide  # drop the events the judge rejects (False: keep, scored)
        self.propose = self.judge is not None and self.judge.meta.get("proposals", False)

    def from_doc(self, doc: Doc, article: Article, trace: Trace | None = None,
                 home: str | None = None, decide: bool | None = None) -> Extraction:
        """Events (and claims) for one parsed article; `trace` collects the rules that fired,
        as (trigger token index, rule name); `home`, the article's country where `doc` is only
        a piece of it; `decide` (default: the extractor's) drops the events the judge rejects,
        and unlinks the claims that counted for them."""
        cands = self.candidates(doc, article, trace, home)
        events = self._second_opinion(doc, cands)
        claims = cands.claims
        if self.decide if decide is None else decide:
            events = [e for e in events if not self.rejects(e)]
            kept = {e.event_id for e in events}
            claims = tuple(c if c.event_id is None or c.event_id in kept
                           else replace(c, event_id=None) for c in claims)
        return Extraction(article=article, events=tuple(events), claims=claims)

    def rejects(self, event: Event) -> bool:
        """Whether the judge's decision drops this scored event (never without a judge)."""
        return self.judge is not None and not self.judge.keeps(event.confidence)

    def from_parsed(self, parsed: Doc | Pieces, article: Article) -> Extraction:
        """`from_doc`, or `from_pieces` for a long article parsed in pieces."""
        if isinstance(parsed, Pieces):
            return self.from_pieces(parsed, article)
        return self.from_doc(parsed, article)

    def from_pieces(self, pieces: Iterable[tuple[int, Doc]], article: Article) -> Extraction:
        """A long article parsed in pieces (`sitroom.nlp.chunks`): each piece coded as the
        article's text from its offset, every span shifted into the whole text and each id
        made the piece's (the same offset in two pieces is two events); a mention repeated in
        another piece counts once, as within one piece."""
        events: list[Event] = []
        claims: list[Claim] = []
        home: str | None = None
        for start, doc in pieces:
            part = replace(article, text=doc.text, title=article.title if not start else "")
            if not start:
                home = home_country(doc, self.kb)  # the lead's, for every piece (where
                # the lead names none, each piece looks in its own first tokens)
            found = self.from_doc(doc, part, home=home)
            events.extend(_shift_event(e, start) for e in found.events)
            claims.extend(_shift_claim(c, start) for c in found.claims)
        headline_end = len(article.title) if article.title and \
            article.text.startswith(article.title) else 0
        return Extraction(article=article, events=dedup(events, headline_end),
                          claims=dedup_claims(claims, headline_end))

    def candidates(self, doc: Doc, article: Article, trace: Trace | None = None,
                   home: str | None = None) -> Candidates:
        """The rules' events (and the broad proposals, where the judge takes them) before
        judgement, with the article's claims; `home` as in `from_doc`."""
        events = []
        claims: list[Claim] = []
        figures: dict[str, Quantity] = {}
        home = home or home_country(doc, self.kb)
        quantities: dict[int, list[Quantity]] = {}
        unit: str | None = None
        for sent in doc.sents:
            found = find_quantities(sent, prev_unit=unit)
            if found:
                quantities[sent.start] = found
                unit = found[-1].unit or unit
                for claim, q in claims_in_sentence(doc, sent, found, article, self.kb, home):
                    claims.append(claim)
                    figures[claim.claim_id] = q
        headline_end = len(article.title) if article.title and \
            article.text.startswith(article.title) else 0
        times = narrative_times(doc, headline_end, article.date)
        frames = find_frames(doc, trace)
        proposals = proposed_frames(doc, self.classifier, {f.trigger for f in frames}) \
            if self.propose else []
        proposed: set[str] = set()
        for frame, is_proposal in [*((f, False) for f in frames), *((f, True) for f in proposals)]:
            event = event_from_frame(doc, frame, article, self.kb, home, self.gazetteer,
                                     quantities.get(frame.sent_start),
                                     times.get(frame.sent_start),
                                     doc[frame.sent_start].idx < headline_end, trace)
            if event is not None:
                events.append(event)
                if is_proposal:
                    proposed.add(event.event_id)
                alleged = allegation(event)
                if alleged is not None:
                    events.append(alleged)
                    if trace is not None:
                        trace.append((frame.trigger, ALLEGATION.name))
        events = with_article_casualties(doc, list(dedup(events, headline_end)), quantities)
        claims_out = link_claims(doc, dedup_claims(claims, headline_end), figures, events)
        return Candidates(events, claims_out, frozenset(proposed), headline_end)

    def judge_features(self, doc: Doc, cands: Candidates) -> list[list[str]]:
        """What the judge reads of each candidate event."""
        beliefs = self._type_beliefs(doc, cands.events)
        return [event_features(doc, e, p, cands.headline_end, len(cands.events),
                               e.event_id in cands.proposed) + context
                for e, p, context in zip(cands.events, beliefs, context_features(cands.events))]

    def _type_beliefs(self, doc: Doc, events: list[Event]) -> list[TypePrediction]:
        spans = [doc.char_span(e.evidence.start, e.evidence.end, alignment_mode="expand")
                 for e in events]
        return self.classifier.predict([s if s is not None else e.evidence.text
                                        for s, e in zip(spans, events)], threshold=0)

    def _second_opinion(self, doc: Doc, cands: Candidates) -> list[Event]:
        """The learned judge's verdict: each event's confidence is its probability of being a
        real event of the article's time, rightly typed, with the right actor country. Without a
        judge, the type classifier's belief in the type is blended into confidence."""
        events = cands.events
        if not events:
            return events
        if self.judge is None:
            return [replace(e, confidence=round(0.7 * e.confidence + 0.3 * p.prob(e.type), 3))
                    for e, p in zip(events, self._type_beliefs(doc, events))]
        probs = self.judge.probabilities(self.judge_features(doc, cands))
        return [replace(e, confidence=round(float(p), 3)) for e, p in zip(events, probs)]

    def parse_pairs(self, pairs: Iterable[tuple[Any, Any]], batch_size: int = 32,
                    piece: Any = None) -> Iterator[tuple[Doc | Pieces, Any]]:
        """(text, context) pairs parsed in order, a long text as `Pieces`
        (`sitroom.nlp.chunks.pipe_articles`; `piece` as there)."""
        return pipe_articles(self.nlp, pairs, batch_size=batch_size, piece=piece)

    def extract(self, articles: Iterable[Article],
                batch_size: int = 32) -> Iterator[Extraction | ExtractionError]:
        """Stream extractions for a stream of articles (one spaCy pass, batched).

        A failure on one article is yielded as an ExtractionError naming it; the stream goes on.
        A text over the pipeline's `max_length` is parsed in pieces (`sitroom.nlp.chunks`).
        """
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.parse_pairs(pairs, batch_size=batch_size):
            try:
                yield self.from_parsed(doc, article)
            except Exception as exc:  # noqa: BLE001  (a coder bug must not stop a batch)
                yield ExtractionError(f"{article.origin}: extraction failed: {exc!r}")

    def code(self, articles: Iterable[Article], verbs: VerbDictionary,
             batch_size: int = 32) -> Iterator[tuple[Article, tuple[CodedEvent, ...]] |
                                                ExtractionError]:
        """Stream each article's events as a PETRARCH/TABARI verb dictionary codes them (the
        actors from this extractor's knowledge base); a failure is yielded, naming the article."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.parse_pairs(pairs, batch_size=batch_size):
            try:
                if isinstance(doc, Pieces):
                    raise ValueError(f"a text of {len(article.text):,} characters is coded with "
                                     "a verb dictionary in one piece only")
                yield article, coded_events(doc, article, self.kb, verbs)
            except Exception as exc:  # noqa: BLE001  (a coder bug must not stop a batch)
                yield ExtractionError(f"{article.origin}: coding failed: {exc!r}")

    def extract_text(self, text: str, on: date, origin: str = "<text>") -> Extraction:
        """Extract from one text dated `on` (the Python API's entry point)."""
        article = Article(id=article_id(on, text), date=on, title="", text=text, source=None,
                          origin=origin)
        return self.from_parsed(parse(self.nlp, text), article)


def _shift_actor(actor: Actor | None, by: int) -> Actor | None:
    if actor is None or actor.start is None or actor.end is None:
        return actor
    return replace(actor, start=actor.start + by, end=actor.end + by)


def _shift_evidence(evidence: Evidence, by: int) -> Evidence:
    return replace(evidence, start=evidence.start + by, end=evidence.end + by)


def _shift_event(event: Event, by: int) -> Event:
    """An event of a piece starting at `by`, in the whole text's offsets and ids."""
    if not by:
        return event
    return replace(event, event_id=stable_id(event.event_id, by),
                   evidence=_shift_evidence(event.evidence, by),
                   actor=_shift_actor(event.actor, by),  # type: ignore[arg-type]
                   recipient=_shift_actor(event.recipient, by),
                   said_by=_shift_actor(event.said_by, by))


def _shift_claim(claim: Claim, by: int) -> Claim:
    """A claim of a piece starting at `by`, in the whole text's offsets and ids."""
    if not by:
        return claim
    return replace(claim, claim_id=stable_id(claim.claim_id, by),
                   evidence=_shift_evidence(claim.evidence, by),
                   claimant=_shift_actor(claim.claimant, by))
