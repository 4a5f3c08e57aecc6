"""The per-partition function every engine runs, and the once-per-process extractor behind it.

`process_partition(articles)` is the unit of work of the local process pool and of Dask: it takes
a list of Articles and returns, per article, either its events/claims or an error message. It
loads the extractor (spaCy pipeline + knowledge base) once per process and caches it at module
level, so a pool initializer or a Dask worker pays the load once, then every partition reuses it.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ExtractionError
from ..records import Article, Claim, Event, Extraction

ExtractorFactory = Callable[[], Any]

_EXTRACTORS: dict[Any, Any] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build its extractor: picklable, small."""

    triage: bool = False
    factory: ExtractorFactory | None = None  # top-level callable; default: sitroom's Extractor


def default_factory() -> Any:
    """sitroom's own Extractor (spaCy pipeline + knowledge bases)."""
    from ..extract import Extractor

    return Extractor()


def get_extractor(settings: Settings) -> Any:
    """The extractor for these settings, built once per process (thread-safe)."""
    key = settings.factory or default_factory
    with _LOCK:
        if key not in _EXTRACTORS:
            _EXTRACTORS[key] = key()
        return _EXTRACTORS[key]


@dataclass(frozen=True)
class Result:
    """One article's outcome, without the article itself (the caller holds it)."""

    index: int
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    error: str | None = None


def extract_articles(extractor: Any, articles: Sequence[Article],
                     triage: bool) -> list[Extraction | ExtractionError]:
    """Run one extractor over articles, with or without sentence triage; one item per article."""
    if triage:
        from ..nlp.triage import extract_triaged

        return list(extract_triaged(extractor, articles))  # type: ignore[arg-type]
    return list(extractor.extract(articles))


def process_partition(articles: Sequence[Article], settings: Settings = Settings()) -> list[Result]:
    """Extract a partition of articles; an article that fails becomes an error Result."""
    extractor = get_extractor(settings)
    try:
        outcomes = extract_articles(extractor, articles, settings.triage)
    except Exception as exc:  # noqa: BLE001  (spaCy itself failed: name every article)
        return [Result(i, error=f"{a.origin}: extraction failed: {exc!r}")
                for i, a in enumerate(articles)]
    results = []
    for i, outcome in enumerate(outcomes):
        if isinstance(outcome, ExtractionError):
            results.append(Result(i, error=str(outcome)))
        else:
            results.append(Result(i, events=outcome.events, claims=outcome.claims))
    return results


def rebuild(articles: Sequence[Article], results: Sequence[Result]
            ) -> tuple[list[Extraction], list[ExtractionError]]:
    """Join results back to the caller's articles."""
    done, errors = [], []
    for res in results:
        if res.error is not None:
            errors.append(ExtractionError(res.error))
        else:
            done.append(Extraction(article=articles[res.index], events=res.events,
                                   claims=res.claims))
    return done, errors


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)  # the runner was killed: do not linger as an orphan


def init_worker(settings: Settings, parent: int) -> None:
    """Process-pool initializer: exit with the parent, load the pipeline once."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    get_extractor(settings)
