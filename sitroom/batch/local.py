"""Ingest on this machine: read -> skip known -> extract -> store, a batch per transaction."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..errors import ExtractionError, InputError, SitroomError
from ..extract import Extractor
from ..records import Article, Extraction
from ..store.db import Store

ErrorHandler = Callable[[SitroomError], None]


@dataclass
class IngestReport:
    """What one ingest did."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    claims: int = 0
    errors: list[SitroomError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input went in."""
        return not self.errors


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most `size` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest(items: Iterable[Article | InputError], store: Store, extractor: Extractor,
           batch_size: int = 64, on_error: ErrorHandler | None = None,
           on_progress: Callable[[int], None] | None = None) -> IngestReport:
    """Extract and store every new article; errors are collected and reported, never fatal."""
    report = IngestReport()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                report.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            report.read += 1
            yield item

    for chunk in batched(articles(), batch_size):
        known = store.known_ids(a.id for a in chunk)
        fresh = [a for a in chunk if a.id not in known]
        report.already_stored += len(chunk) - len(fresh)
        results: list[Extraction] = []
        for result in extractor.extract(fresh):
            if isinstance(result, ExtractionError):
                report.errors.append(result)
                if on_error:
                    on_error(result)
            else:
                results.append(result)
        stored = store.add(results)
        report.stored += stored
        report.already_stored += len(results) - stored
        report.events += sum(len(r.events) for r in results)
        report.claims += sum(len(r.claims) for r in results)
        if on_progress:
            on_progress(len(chunk))
    return report
