"""Paragraph-aware sentence starts: every line of the article text begins a new sentence.

spaCy's parser otherwise merges a headline (no final period) into the sentence after it.
Runs before the parser, which respects the boundaries set here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("sitroom_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first non-space token after a line break as a sentence start."""
    for prev, token in zip(doc[:-1], doc[1:]):
        if not token.is_space and ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)):
            token.is_sent_start = True
    return doc
