"""The ingest service: skip known -> extract -> store -> update stories -> regroup claims.

One function for every way in: `sitroom ingest` and `sitroom run`, `POST /api/articles` and the
Python API. The batch runners (`sitroom.batch.local` on this machine, `sitroom.batch.cluster`
on Dask) do the first three steps; the stories and claim groups follow here, once per call,
only where they are owed: the store marks them in the transaction that stores articles and
this clears the mark when they are done, so a run killed between the steps is finished by the
next (`sitroom/store/steps.py`).

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
           on_stored: Callable[[list[Extraction]], None] | None = None,
           on_step: Callable[[str], None] | None = None) -> IngestReport:
    """Store the new articles of `items` (Articles, and InputErrors to report) with their events
    and claims, then bring the stories and claim groups up to date; returns the report.

    `workers`, `engine`, `scheduler`, `triage` and `parts` choose the runner (see
    `sitroom.batch.run_ingest`); `extractor` is used where extraction runs in this process;
    `on_stored` receives each batch of extractions once it is written (local engine). The
    stories and claim groups are brought up to date whenever steps are owed, also those a
    killed ingest left (`finish_post_ingest`; `on_step` sees each step boundary)."""
    from .batch import run_ingest

    report = run_ingest(items, store, batch_size=batch_size, on_error=on_error,
                        on_progress=on_progress, workers=workers, engine=engine,
                        scheduler=scheduler, triage=triage, parts=parts, extractor=extractor,
                        on_stored=on_stored)
    finish_post_ingest(store, on_step)
    return report


POST_INGEST_STEPS = ("stored", "stories", "claims")
"""The boundaries `on_step` is called at: articles stored, stories updated, claims regrouped."""


def finish_post_ingest(store: Store, on_step: Callable[[str], None] | None = None) -> bool:
    """Run the steps owed after articles were stored, by this ingest or by one killed before it
    finished them (`Store.pending_steps`, written with the articles): update the stories, then
    regroup the claims, then clear the mark. Each step is one transaction that brings its
    tables up to date with what is stored, so running them again is safe. Returns whether
    anything was owed. `on_step(name)` is called at each boundary (`POST_INGEST_STEPS`)."""
    step = on_step or (lambda name: None)
    if not store.pending_steps():
        return False
    step("stored")
    store.update_stories()  # only what the new articles change
    step("stories")
    store.regroup_claims()  # only the stories with new claims or changed members
    step("claims")
    store.clear_pending()
    return True
