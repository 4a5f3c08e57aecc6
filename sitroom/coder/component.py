"""The `sitroom_events` spaCy factory: the coder builds the component `sitroom.nlp.component`
defines, and hands it its `Extractor.from_doc` (docs/python.md)."""
from __future__ import annotations

from spacy.language import Language

from ..nlp.component import EventsComponent, add_sitroom_pipes


@Language.factory("sitroom_events", default_config={"date": None, "origin": "<doc>",
                                                    "paragraphs": True})
def make_events_component(nlp: Language, name: str, date: str | None, origin: str,
                          paragraphs: bool) -> EventsComponent:
    """Build the component; with `paragraphs`, add sitroom_paragraphs before the parser too;
    add the lemma fixes after the lemmatizer as sitroom's own pipeline does."""
    from .extractor import Extractor  # here: spaCy imports every factory module at each load

    add_sitroom_pipes(nlp, paragraphs)
    return EventsComponent(Extractor(nlp=nlp).from_doc, name, date=date, origin=origin)
