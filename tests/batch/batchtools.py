"""Helpers for the batch tests, importable by name in spawned worker processes."""
from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import duckdb

from sitroom.extract import Extractor


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
