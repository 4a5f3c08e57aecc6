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
from collections.abc import Callable, Iterator, Sequence
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


def _stream(extractor: Any, articles: Sequence[Article],
            triage: bool) -> Iterator[Extraction | ExtractionError]:
    if triage:
        from ..nlp.triage import extract_triaged

        return extract_triaged(extractor, articles)  # type: ignore[return-value]
    return extractor.extract(articles)  # type: ignore[no-any-return]


def extract_articles(extractor: Any, articles: Sequence[Article],
                     triage: bool) -> list[Extraction | ExtractionError]:
    """Run one extractor over articles, with or without sentence triage; one item per article,
    never raising. The coder's own failures are already one error per article; where the
    parser itself fails (spaCy raises out of its batch), the articles not yet returned are
    extracted again one at a time, so only the one that fails is an error, named by its
    origin, and every other article of the batch is extracted."""
    outcomes: list[Extraction | ExtractionError] = []
    try:
        outcomes.extend(_stream(extractor, articles, triage))
    except Exception:  # noqa: BLE001  (isolated below, article by article)
        for article in articles[len(outcomes):]:
            try:
                outcomes.extend(_stream(extractor, [article], triage))
            except Exception as exc:  # noqa: BLE001  (this article alone fails)
                outcomes.append(ExtractionError(f"{article.origin}: extraction failed: "
                                                f"{exc!r}"))
    return outcomes


def process_partition(articles: Sequence[Article], settings: Settings = Settings()) -> list[Result]:
    """Extract a partition of articles; an article that fails becomes an error Result naming
    it, and the others are extracted (`extract_articles`)."""
    extractor = get_extractor(settings)
    outcomes = extract_articles(extractor, articles, settings.triage)
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
