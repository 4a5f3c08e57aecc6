"""Batch ingest: a local process pool (`local`) or a Dask cluster (`cluster`), one per-partition
function (`work.process_partition`) behind both. docs/scaling.md has the figures and the how-to.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..settings import Settings

TRIAGE_DEFAULT = Settings.triage
"""Sentence triage on by default in `sitroom ingest`/`run` (measured in docs/scaling.md)."""


def run_ingest(items: Iterable[Any], store: Any, settings: Settings = Settings(),
               on_error: Callable[[Any], None] | None = None,
               on_progress: Callable[[int], None] | None = None,
               parts: str | Path | None = None) -> Any:
    """The CLI's ingest: the engine, workers, triage and sizes of `settings`; an IngestReport."""
    from .local import default_workers, ingest

    if settings.engine == "dask" or settings.scheduler:
        from .cluster import ingest_dask

        return ingest_dask(items, store, parts=parts, scheduler=settings.scheduler,
                           workers=settings.workers, triage=settings.triage, on_error=on_error,
                           on_progress=on_progress, chunk_size=settings.chunk_size)
    return ingest(items, store, batch_size=settings.batch_size, on_error=on_error,
                  on_progress=on_progress, workers=settings.workers or default_workers(),
                  triage=settings.triage, chunk_size=settings.chunk_size)
