"""The ingest service: skip known -> extract -> store -> update stories -> regroup claims.

One function for every way in: `sitroom ingest` and `sitroom run`, `POST /api/articles` and the
Python API. The batch runners (`sitroom.batch.local` on this machine, `sitroom.batch.cluster`
on Dask) do the first three steps; the stories and claim groups follow here, once per call,
only where something new was stored.

    >>> from sitroom.service import ingest                           # doctest: +SKIP
    >>> with sitroom.Store("s.duckdb") as store:                     # doctest: +SKIP
    ...     report = ingest(sitroom.read("articles/"), store, workers=4)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import SitroomError

if TYPE_CHECKING:
    from .batch.local import IngestReport
    from .records import Extraction
    from .store.db import Store


def ingest(items: Iterable[Any], store: Store, batch_size: int = 64,
           on_error: Callable[[SitroomError], None] | None = None,
           on_progress: Callable[[int], None] | None = None, workers: int | None = None,
           engine: str = "local", scheduler: str | None = None, triage: bool | None = None,
           parts: str | Path | None = None, extractor: Any = None,
           on_stored: Callable[[list[Extraction]], None] | None = None) -> IngestReport:
    """Store the new articles of `items` (Articles, and InputErrors to report) with their events
    and claims, then bring the stories and claim groups up to date; returns the report.

    `workers`, `engine`, `scheduler`, `triage` and `parts` choose the runner (see
    `sitroom.batch.run_ingest`); `extractor` is used where extraction runs in this process;
    `on_stored` receives each batch of extractions once it is written (local engine)."""
    from .batch import run_ingest

    report = run_ingest(items, store, batch_size=batch_size, on_error=on_error,
                        on_progress=on_progress, workers=workers, engine=engine,
                        scheduler=scheduler, triage=triage, parts=parts, extractor=extractor,
                        on_stored=on_stored)
    if report.stored:
        store.update_stories()  # only what the new articles change
        store.regroup_claims()  # only the stories with new claims or changed members
    return report
