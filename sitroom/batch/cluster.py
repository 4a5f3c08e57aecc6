"""Ingest on a Dask cluster: partitions -> Parquet parts on the workers -> DuckDB loads them.

The client (this process) reads the input, reports bad inputs, skips articles already stored
(the manifest, before parsing) and submits chunks of articles, at most `max_in_flight` at a time.
Each task runs the same per-partition function as the local runner
(`work.process_partition`, the extractor loaded once per worker process by a WorkerPlugin) and
writes three Parquet files, `articles/`, `events/` and `claims/` under `parts`, with the exact
column types of the DuckDB tables. The `parts` folder must be one the workers and the client both
see (the same machine for a LocalCluster; a shared filesystem for a real cluster). At the end
DuckDB loads every part in one transaction, skipping known article ids
(`INSERT ... SELECT FROM read_parquet(...)`); the parts stay, for querying in place.

Resuming: parts written by an interrupted run are loaded first, so their articles are skipped.
"""
from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ExtractionError, InputError, SitroomError
from ..ingest.warc import WarcSlice, read_warc_slice
from ..records import Article
from ..store.db import Store, article_row, claim_row, event_row
from ..store.parts import load_parts, table_schemas
from .local import DEFAULT_CHUNK, ErrorHandler, IngestReport, default_workers, fresh_chunks
from .manifest import Manifest
from .work import ExtractorFactory, Settings, get_extractor, process_partition, rebuild

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the optional `dask` extra is not installed
    WorkerPlugin = object  # type: ignore[assignment,misc]

LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    # Dask spawns workers with MALLOC_TRIM_THRESHOLD_=65536: glibc then hands freed memory back
    # to the OS at once and takes it again for the next document (5x the page faults, ~6% more
    # CPU time for spaCy). None unsets it.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # the workers' statistical profiler samples the (deep) spaCy stacks: ~5% CPU
    "distributed.worker.profile.enabled": False,
    # the nanny's and worker's memory polls (psutil), every 100 ms by default, and the system
    # monitor (every 500 ms, with disk counters) wake a worker's event loop, which then takes the
    # GIL from the spaCy thread; tasks here take seconds, so a second or two is plenty
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    # partitions are alike and at most `max_in_flight` are out: nothing to rebalance
    "distributed.scheduler.work-stealing": False,
    # one task on a worker at a time (tasks take seconds): a task queued behind one whose
    # article kills the worker is not counted as a suspect of its death
    "distributed.scheduler.worker-saturation": 1.0,
}
"""Dask settings of the LocalCluster that `ingest_dask` starts (docs/scaling.md has the figures
and the same settings as a YAML file for a real cluster)."""


def _write(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)  # a part is whole or absent, whenever the task dies


@dataclass(frozen=True)
class PartSummary:
    """What one partition task did (small: travels back to the client)."""

    articles: int
    events: int
    claims: int
    errors: tuple[str, ...]
    read: int = 0  # articles read on the worker (a WARC slice)
    input_errors: tuple[tuple[str, str], ...] = ()  # (origin, problem) of pages that failed


def partition_to_parquet(articles: Sequence[Article], parts: str,
                         settings: Settings = Settings(), name: str | None = None,
                         input_errors: Sequence[InputError] = (), read: int = 0) -> PartSummary:
    """The Dask task: extract one partition and write its Parquet parts."""
    done, errors = rebuild(articles, process_partition(articles, settings))
    schemas = table_schemas()
    name = (name or hashlib.sha1("\n".join(a.id for a in articles).encode()).hexdigest()[:20]) \
        + ".parquet"
    events = [event_row(e) for x in done for e in x.events]
    claims = [claim_row(c) for x in done for c in x.claims]
    root = Path(parts)
    # articles last: an article part marks its events and claims as written
    _write(pa.Table.from_pylist(events, schema=schemas["events"]), root / "events" / name)
    _write(pa.Table.from_pylist(claims, schema=schemas["claims"]), root / "claims" / name)
    _write(pa.Table.from_pylist([article_row(x.article) for x in done],
                                schema=schemas["articles"]), root / "articles" / name)
    return PartSummary(len(done), len(events), len(claims), tuple(str(e) for e in errors), read,
                       tuple((e.origin, e.problem) for e in input_errors))


def warc_slice_to_parquet(part: WarcSlice, parts: str,
                          settings: Settings = Settings()) -> PartSummary:
    """The Dask task for a slice of a WARC: read its pages here, on the worker (trafilatura
    costs about 40% of extracting a page), then extract and write parts as for any partition.
    Articles already stored are extracted again and skipped when the parts are loaded (their
    ids are only known once the page is read)."""
    items = list(read_warc_slice(part))
    articles = [i for i in items if isinstance(i, Article)]
    name = hashlib.sha1(f"{part.path}\n{part.records}".encode()).hexdigest()[:20]
    return partition_to_parquet(articles, parts, settings, name,
                                [i for i in items if isinstance(i, InputError)], len(articles))


class Preload(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Dask WorkerPlugin: load the spaCy pipeline once when each worker starts."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        factory = getattr(settings.factory, "__name__", "")
        self.name = f"sitroom-extractor-{settings.triage}-{factory}"

    def setup(self, worker: Any) -> None:
        get_extractor(self.settings)


def ingest_dask(items: Iterable[Article | InputError], store: Store,
                parts: str | Path | None = None, scheduler: str | None = None,
                workers: int | None = None, triage: bool = False,
                chunk_size: int = DEFAULT_CHUNK, max_in_flight: int | None = None,
                on_error: ErrorHandler | None = None,
                on_progress: Callable[[int], None] | None = None,
                client: Any = None, factory: ExtractorFactory | None = None) -> IngestReport:
    """Extract on Dask (a scheduler address, a given `client`, or a new LocalCluster of
    `workers` single-threaded processes) into Parquet parts, then load them into `store`.

    One bad record fails no other: an article the coder or the parser fails on is one error
    naming it (`work.extract_articles`), and a task that fails whole (its worker died) is
    submitted again an article a task (an article alone twice), so only the article that
    kills a worker is lost.
    `factory` builds each worker's extractor (a picklable top-level callable).

    `warc.WarcSlice` items (`read_paths(..., split_warc=True)`) are read on the workers;
    everything else is read here."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise SitroomError("--engine dask needs Dask: pip install 'sitroom[dask]'") from None

    parts = Path(parts) if parts else Path(f"{store.path}.parts")
    report = IngestReport()
    settings = Settings(triage=triage, factory=factory)

    def error(err: Any) -> None:
        report.errors.append(err)
        if on_error:
            on_error(err)

    resumed = load_parts(store, parts)  # an interrupted run's parts: stored, hence skipped
    report.stored += resumed[0]
    report.events += resumed[1]
    report.claims += resumed[2]

    cluster = own_client = None
    if client is None:
        own_client, cluster = _connect(Client, LocalCluster, scheduler, workers)
        client = own_client
    try:
        client.register_plugin(Preload(settings))
        limit = max_in_flight or 2 * max(1, sum(client.nthreads().values()))
        manifest = Manifest(store)
        pending = as_completed()
        chunks: dict[Any, list[Article]] = {}
        slices: dict[Any, WarcSlice] = {}
        retried: set[str] = set()
        extracted = 0

        def submit(chunk: list[Article]) -> None:
            future = client.submit(partition_to_parquet, chunk, str(parts), settings, pure=False)
            chunks[future] = chunk
            pending.add(future)

        def settle(future: Any) -> None:
            nonlocal extracted
            if future in slices:
                extracted += settle_slice(slices.pop(future), future)
                return
            chunk = chunks.pop(future)
            try:
                summary: PartSummary = future.result()
            except Exception as exc:  # noqa: BLE001  (a task that failed on every try)
                if len(chunk) > 1 or chunk[0].id not in retried:
                    # an article killed its worker: each again alone, and an article alone
                    # once more (it may have died beside the guilty one), to find it
                    retried.update(a.id for a in chunk if len(chunk) == 1)
                    for article in chunk:
                        submit([article])
                    return
                error(ExtractionError(f"{chunk[0].origin}: extraction failed on Dask (its "
                                      f"worker died or the task failed): {exc!r}"))
            else:
                extracted += summary.articles
                for message in summary.errors:
                    error(ExtractionError(message))
            if on_progress:
                on_progress(len(chunk))

        def settle_slice(part: WarcSlice, future: Any) -> int:
            try:
                summary: PartSummary = future.result()
            except Exception as exc:  # noqa: BLE001  (its worker died on every try)
                error(ExtractionError(f"{part.origin}: records {part.records[0][0]} to "
                                      f"{part.records[-1][0]} failed on Dask: {exc!r}"))
                return 0
            report.read += summary.read
            for origin, problem in summary.input_errors:
                error(InputError(origin, problem))
            for message in summary.errors:
                error(ExtractionError(message))
            if on_progress:
                on_progress(summary.read)
            return summary.articles

        def articles(source: Iterable[Any]) -> Iterator[Article | InputError]:
            """The items read here; WARC slices go to the workers as they come."""
            for item in source:
                if not isinstance(item, WarcSlice):
                    yield item
                    continue
                while pending.count() >= limit:
                    settle(next(pending))
                future = client.submit(warc_slice_to_parquet, item, str(parts), settings,
                                       pure=False)
                slices[future] = item
                pending.add(future)

        for fresh in fresh_chunks(articles(items), manifest, report, error, chunk_size):
            while pending.count() >= limit:
                settle(next(pending))
            submit(fresh)
        for future in pending:
            settle(future)
    except BaseException:
        _shutdown(own_client, cluster)
        raise
    added = _load_while_closing(store, parts, own_client, cluster)
    report.already_stored += max(0, extracted - added[0])  # WARC pages known once read
    report.stored += added[0]
    report.events += added[1]
    report.claims += added[2]
    return report


def _connect(client_type: Any, cluster_type: Any, scheduler: str | None,
             workers: int | None) -> tuple[Any, Any]:
    """(a client of the scheduler, None), or of a new LocalCluster: (client, cluster)."""
    if scheduler:
        return client_type(scheduler), None
    import dask

    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = cluster_type(n_workers=workers or default_workers(), threads_per_worker=1,
                               processes=True, dashboard_address=None)
    return client_type(cluster), cluster


def _load_while_closing(store: Store, parts: Path, client: Any,
                        cluster: Any) -> tuple[int, int, int]:
    """Load the parts into the store while the workers stop (seconds: spaCy processes exit
    slowly); every part is written by now."""
    closing: list[BaseException] = []
    closer = threading.Thread(target=_shutdown, args=(client, cluster, closing),
                              name="sitroom-dask-close")
    closer.start()
    try:
        added = load_parts(store, parts)
    finally:
        closer.join()
    if closing:
        raise closing[0]
    return added


def _shutdown(client: Any, cluster: Any, failures: list[BaseException] | None = None) -> None:
    """Close the client and the cluster this run started (either may be None)."""
    try:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    except BaseException as exc:  # noqa: BLE001  (re-raised by the caller, in its thread)
        if failures is None:
            raise
        failures.append(exc)
