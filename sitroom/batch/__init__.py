"""Batch ingest: a local process pool (`local`) or a Dask cluster (`cluster`), one per-partition
function (`work.process_partition`) behind both. docs/scaling.md has the figures and the how-to.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

TRIAGE_DEFAULT = True
"""Sentence triage on by default in `sitroom ingest`/`run` (measured in docs/scaling.md)."""


def run_ingest(items: Iterable[Any], store: Any, batch_size: int = 64,
               on_error: Callable[[Any], None] | None = None,
               on_progress: Callable[[int], None] | None = None, workers: int | None = None,
               engine: str = "local", scheduler: str | None = None,
               triage: bool | None = None, parts: str | Path | None = None,
               extractor: Any = None, on_stored: Callable[[Any], None] | None = None) -> Any:
    """Skip known -> extract -> store on the chosen engine, defaults filled in; returns an
    IngestReport (`sitroom.service.ingest` runs this, then updates stories and claim groups).
    `extractor` and `on_stored` apply to the local engine."""
    from .local import default_workers, ingest

    triage = TRIAGE_DEFAULT if triage is None else triage
    if engine == "dask" or scheduler:
        from .cluster import ingest_dask

        return ingest_dask(items, store, parts=parts, scheduler=scheduler, workers=workers,
                           triage=triage, on_error=on_error, on_progress=on_progress)
    return ingest(items, store, extractor, batch_size=batch_size, on_error=on_error,
                  on_progress=on_progress, workers=workers or default_workers(), triage=triage,
                  on_stored=on_stored)
