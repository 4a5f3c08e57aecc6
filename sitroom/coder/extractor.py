"""The Extractor: the pipeline from a parsed article to events and claims."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..actors import ActorKB, load_kb
from ..errors import ExtractionError
from ..ingest.common import article_id
from ..nlp.pipeline import load_pipeline
from ..nlp.quantities import Quantity, find_quantities
from ..nlp.typeclf import TypeClassifier
from ..places import Gazetteer, load_gazetteer
from ..records import Article, Claim, CodedEvent, Event, Extraction
from ..verbs.dictionary import VerbDictionary
from .casualties import with_article_casualties
from .claims import claims_in_sentence, dedup_claims
from .dates import narrative_times
from .dictionary import coded_events
from .event import ALLEGATION, allegation, event_from_frame
from .frames import Trace, find_frames
from .merge import dedup
from .parties import home_country


class Extractor:
    """Holds the spaCy pipeline and knowledge bases, loaded once; turns articles into records."""

    def __init__(self, nlp: Language | None = None, kb: ActorKB | None = None,
                 gazetteer: Gazetteer | None = None,
                 classifier: TypeClassifier | None = None) -> None:
        self.nlp = nlp or load_pipeline()
        self.kb = kb or load_kb()
        self.gazetteer = gazetteer or load_gazetteer()
        self.classifier = classifier or TypeClassifier.load()

    def from_doc(self, doc: Doc, article: Article, trace: Trace | None = None) -> Extraction:
        """Events (and claims) for one parsed article; `trace` collects the rules that fired,
        as (trigger token index, rule name)."""
        events = []
        claims: list[Claim] = []
        home = home_country(doc, self.kb)
        quantities: dict[int, list[Quantity]] = {}
        unit: str | None = None
        for sent in doc.sents:
            found = find_quantities(sent, prev_unit=unit)
            if found:
                quantities[sent.start] = found
                unit = found[-1].unit or unit
                claims.extend(claims_in_sentence(doc, sent, found, article, self.kb, home))
        headline_end = len(article.title) if article.title and \
            article.text.startswith(article.title) else 0
        times = narrative_times(doc, headline_end, article.date)
        for frame in find_frames(doc, trace):
            event = event_from_frame(doc, frame, article, self.kb, home, self.gazetteer,
                                     quantities.get(frame.sent_start),
                                     times.get(frame.sent_start),
                                     doc[frame.sent_start].idx < headline_end, trace)
            if event is not None:
                events.append(event)
                alleged = allegation(event)
                if alleged is not None:
                    events.append(alleged)
                    if trace is not None:
                        trace.append((frame.trigger, ALLEGATION.name))
        events = with_article_casualties(doc, list(dedup(events, headline_end)), quantities)
        events = self._second_opinion(doc, events)
        return Extraction(article=article, events=tuple(events),
                          claims=dedup_claims(claims, headline_end))

    def _second_opinion(self, doc: Doc, events: list[Event]) -> list[Event]:
        """Blend the learned type classifier's belief in each event's type into its confidence
        (where both agree the type is right ~9 times in 10)."""
        if not events:
            return events
        spans = [doc.char_span(e.evidence.start, e.evidence.end, alignment_mode="expand")
                 for e in events]
        predictions = self.classifier.predict([s if s is not None else e.evidence.text
                                               for s, e in zip(spans, events)], threshold=0)
        return [replace(e, confidence=round(0.7 * e.confidence + 0.3 * p.prob(e.type), 3))
                for e, p in zip(events, predictions)]

    def extract(self, articles: Iterable[Article],
                batch_size: int = 32) -> Iterator[Extraction | ExtractionError]:
        """Stream extractions for a stream of articles (one spaCy pass, batched).

        A failure on one article is yielded as an ExtractionError naming it; the stream goes on.
        """
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield self.from_doc(doc, article)
            except Exception as exc:  # noqa: BLE001  (a coder bug must not stop a batch)
                yield ExtractionError(f"{article.origin}: extraction failed: {exc!r}")

    def code(self, articles: Iterable[Article], verbs: VerbDictionary,
             batch_size: int = 32) -> Iterator[tuple[Article, tuple[CodedEvent, ...]] |
                                                ExtractionError]:
        """Stream each article's events as a PETRARCH/TABARI verb dictionary codes them (the
        actors from this extractor's knowledge base); a failure is yielded, naming the article."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield article, coded_events(doc, article, self.kb, verbs)
            except Exception as exc:  # noqa: BLE001  (a coder bug must not stop a batch)
                yield ExtractionError(f"{article.origin}: coding failed: {exc!r}")

    def extract_text(self, text: str, on: date, origin: str = "<text>") -> Extraction:
        """Extract from one text dated `on` (the Python API's entry point)."""
        article = Article(id=article_id(on, text), date=on, title="", text=text, source=None,
                          origin=origin)
        return self.from_doc(self.nlp(text), article)
