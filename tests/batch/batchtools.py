"""Helpers for the batch tests, importable by name in spawned worker processes."""
from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import duckdb
from spacy.language import Language

from sitroom.extract import Extractor
from sitroom.nlp.pipeline import load_pipeline


def table(db: Path, name: str) -> list[tuple[Any, ...]]:
    """Every row of a store table, sorted, without the ingest timestamp."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        cols = "* EXCLUDE (ingested_at)" if name == "articles" else "*"
        return sorted(con.execute(f"SELECT {cols} FROM {name}").fetchall(), key=repr)
    finally:
        con.close()


class PoisonExtractor(Extractor):
    """Fails on an article that says POISON; dies (SIGKILL) on one that says CRASH."""

    def from_doc(self, doc: Any, article: Any) -> Any:
        if "CRASH" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "POISON" in article.text:
            raise RuntimeError("poisoned article")
        return super().from_doc(doc, article)


def poison_factory() -> PoisonExtractor:
    """A picklable factory for worker processes."""
    return PoisonExtractor()


@Language.component("sitroom_test_parser_failure")
def parser_failure(doc: Any) -> Any:
    """Fails inside the spaCy pipeline (out of `nlp.pipe`, as E088 did) on a text saying
    PARSERFAIL, taking the rest of its batch with it unless the runner isolates it."""
    if "PARSERFAIL" in doc.text:
        raise RuntimeError("the pipeline failed on this text")
    return doc


def parser_failure_factory() -> Extractor:
    """An Extractor whose own pipeline (not the cached one) fails on PARSERFAIL texts."""
    nlp = load_pipeline.__wrapped__()  # a fresh copy: the cached pipeline stays clean
    nlp.add_pipe("sitroom_test_parser_failure", first=True)
    return Extractor(nlp=nlp)


def hostile_factory() -> PoisonExtractor:
    """Fails on POISON (the coder), on PARSERFAIL (the pipeline), dies on CRASH."""
    nlp = load_pipeline.__wrapped__()
    nlp.add_pipe("sitroom_test_parser_failure", first=True)
    return PoisonExtractor(nlp=nlp)
