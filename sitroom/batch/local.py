"""Ingest on this machine: read -> skip known -> extract -> store, a batch per transaction.

With `workers=1` everything runs in this process. With `workers>1` extraction runs in a
`concurrent.futures.ProcessPoolExecutor` (each worker loads the spaCy pipeline once, in its
initializer) while this process reads the input, skips articles already stored (the manifest,
before any parsing), keeps at most `max_in_flight` chunks submitted (bounded memory on inputs of
any size) and alone writes DuckDB, `batch_size` articles per transaction.

A worker that dies (killed, out of memory, a crash on one article) breaks the pool: what finished
is stored, a new pool is started, and the articles that were in flight run again one at a time,
so the one that kills its worker again is an error naming it and the run goes on. Past
`MAX_POOL_RESTARTS` new pools (or in `extract`'s input order) the run stops instead, and the
report carries a `WorkerCrashError` saying so; rerunning the same command resumes (stored
articles are skipped). Killing the runner itself (`kill -9`) loses at most the
uncommitted batch; see `sitroom.batch.manifest`.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..errors import ExtractionError, InputError, SitroomError
from ..records import Article, Extraction
from ..store.db import Store
from .manifest import Manifest
from .work import (ExtractorFactory, Settings, extract_articles, get_extractor, init_worker,
                   process_partition, rebuild)

ErrorHandler = Callable[[SitroomError], None]
DEFAULT_CHUNK = 32


class WorkerCrashError(SitroomError):
    """A worker process died; the run stopped with everything finished before it stored."""


@dataclass
class IngestReport:
    """What one ingest did."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    claims: int = 0
    errors: list[SitroomError] = field(default_factory=list)
    aborted: bool = False

    @property
    def ok(self) -> bool:
        """True when every input went in."""
        return not self.errors


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most `size` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class _Writer:
    """Buffers extractions and writes them a batch per transaction; the one DuckDB writer."""

    def __init__(self, store: Store, manifest: Manifest, report: IngestReport, batch_size: int,
                 on_error: ErrorHandler | None, on_progress: Callable[[int], None] | None,
                 on_stored: Callable[[list[Extraction]], None] | None = None):
        self.store, self.manifest, self.report = store, manifest, report
        self.batch_size = max(1, batch_size)
        self.on_error, self.on_progress, self.on_stored = on_error, on_progress, on_stored
        self.buffer: list[Extraction] = []
        self.settled: list[str] = []

    def error(self, err: SitroomError) -> None:
        self.report.errors.append(err)
        if self.on_error:
            self.on_error(err)

    def add(self, chunk: list[Article], done: list[Extraction],
            errors: list[ExtractionError]) -> None:
        for err in errors:
            self.error(err)
        self.buffer.extend(done)
        self.settled.extend(a.id for a in chunk)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        if self.on_progress:
            self.on_progress(len(chunk))

    def flush(self) -> None:
        while self.buffer:
            batch, self.buffer = self.buffer[:self.batch_size], self.buffer[self.batch_size:]
            stored = self.store.add(batch)
            self.report.stored += stored
            self.report.already_stored += len(batch) - stored
            self.report.events += sum(len(x.events) for x in batch)
            self.report.claims += sum(len(x.claims) for x in batch)
            if self.on_stored:
                self.on_stored(batch)
        self.manifest.committed(self.settled)
        self.settled = []


def fresh_chunks(items: Iterable[Article | InputError], manifest: Manifest, report: IngestReport,
                 on_error: ErrorHandler, chunk_size: int,
                 on_known: Callable[[int], None] | None = None) -> Iterator[list[Article]]:
    """Chunks of articles not yet stored (the skip-known step of both runners); input errors
    go to `on_error`, known articles are counted (and passed to `on_known`) here."""
    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                on_error(item)
                continue
            report.read += 1
            yield item

    for chunk in batched(articles(), chunk_size):
        fresh, known = manifest.split(chunk)
        report.already_stored += known
        if known and on_known:
            on_known(known)
        if fresh:
            yield fresh


Outcome = tuple[list[Article], list[Extraction], list[ExtractionError]]
"""One chunk of articles with what extraction gave: the extractions and the errors."""


def ingest(items: Iterable[Article | InputError], store: Store, extractor: Any = None,
           batch_size: int = 64, on_error: ErrorHandler | None = None,
           on_progress: Callable[[int], None] | None = None, *, workers: int = 1,
           chunk_size: int = DEFAULT_CHUNK, triage: bool = False,
           factory: ExtractorFactory | None = None, max_in_flight: int | None = None,
           on_stored: Callable[[list[Extraction]], None] | None = None) -> IngestReport:
    """Extract and store every new article; errors are collected and reported, never fatal.

    `extractor` is used when extraction runs in this process (`workers=1`, or an input of one
    chunk); worker processes build their own with `factory` (a picklable top-level callable,
    default `sitroom.extract.Extractor`), so the caller need not load spaCy at all.
    `triage=True` parses only the sentences `sitroom.nlp.triage` keeps. `on_stored` receives
    each batch of extractions once it is written.
    """
    report = IngestReport()
    manifest = Manifest(store)
    writer = _Writer(store, manifest, report, batch_size, on_error, on_progress, on_stored)
    settings = Settings(triage=triage, factory=factory)
    chunks = fresh_chunks(items, manifest, report, writer.error, max(1, chunk_size),
                          writer.on_progress)
    try:
        with closing(extract_chunks(chunks, settings, workers, extractor,
                                    max_in_flight)) as outcomes:
            for chunk, done, errors in outcomes:
                writer.add(chunk, done, errors)
    except BrokenProcessPool as crash:
        writer.flush()
        report.aborted = True
        writer.error(WorkerCrashError(
            f"a worker process died (killed, or out of memory?); the run stopped. "
            f"{report.stored} articles stored in this run are safe; {crash.args[0]} articles "
            f"in progress and the rest of the input were not processed. Run the same command "
            f"again to resume: stored articles are skipped."))
    finally:
        writer.flush()
    return report


def extract_all(items: Iterable[Article | InputError], on_error: ErrorHandler | None = None,
                *, workers: int = 1, triage: bool = False, chunk_size: int = DEFAULT_CHUNK,
                extractor: Any = None, factory: ExtractorFactory | None = None,
                max_in_flight: int | None = None) -> Iterator[Extraction]:
    """Every article's extraction, in input order, on the same runner as `ingest` (no store:
    nothing is skipped); input and extraction errors go to `on_error` and the rest go on."""
    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                if on_error:
                    on_error(item)
            else:
                yield item

    settings = Settings(triage=triage, factory=factory)
    chunks = batched(articles(), max(1, chunk_size))
    with closing(extract_chunks(chunks, settings, workers, extractor, max_in_flight,
                                ordered=True)) as outcomes:
        for _, done, errors in outcomes:
            for err in errors:
                if on_error:
                    on_error(err)
            yield from done


def extract_chunks(chunks: Iterator[list[Article]], settings: Settings, workers: int = 1,
                   extractor: Any = None, max_in_flight: int | None = None,
                   ordered: bool = False) -> Iterator[Outcome]:
    """Each chunk with its outcome: in this process (`workers=1`, or one chunk at most), else on
    a pool of `workers` processes, at most `max_in_flight` chunks out; as they finish, or in
    input order with `ordered`. A dead worker raises BrokenProcessPool(articles lost) after the
    chunks that finished."""
    if workers > 1:
        head = list(islice(chunks, 2))
        chunks = _chain(head, chunks)
        if len(head) >= 2:  # more than one chunk: worth starting processes
            yield from _run_pool(chunks, settings, workers, max_in_flight or 2 * workers,
                                 ordered)
            return
    for chunk in chunks:
        extractor = extractor or get_extractor(settings)
        outcomes = extract_articles(extractor, chunk, settings.triage)
        yield (chunk, [x for x in outcomes if isinstance(x, Extraction)],
               [x for x in outcomes if isinstance(x, ExtractionError)])


def _chain(head: list[list[Article]], rest: Iterator[list[Article]]) -> Iterator[list[Article]]:
    yield from head
    yield from rest


MAX_POOL_RESTARTS = 8
"""Pools started again after a worker died, in one run, before the run stops instead."""


def _start_pool(settings: Settings, workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")  # no forked DuckDB or spaCy state
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                               initargs=(settings, os.getpid()))


def _run_pool(chunks: Iterator[list[Article]], settings: Settings, workers: int,
              max_in_flight: int, ordered: bool) -> Iterator[Outcome]:
    """The pool loop. When a worker dies, every article it had in flight is quarantined: run
    on a new pool one at a time, nothing else in flight, so one that kills its worker again is
    known and is an error naming it, and the run goes on. In input order (`ordered`), or after
    MAX_POOL_RESTARTS new pools, a death stops the run instead: BrokenProcessPool(articles
    lost) after the chunks that finished."""
    pool = _start_pool(settings, workers)
    inflight: dict[Future[Any], list[Article]] = {}  # in submission order
    quarantine: list[Article] = []
    restarts = 0
    broken = False
    waiting: list[Article] | None = None  # taken from the input, not yet sent
    alone: Article | None = None  # the quarantined article in flight

    def ready() -> Iterable[Future[Any]]:
        if ordered:
            first = next(iter(inflight))
            wait([first])
            return [first]
        return wait(inflight, return_when=FIRST_COMPLETED).done

    def settle(futures: Iterable[Future[Any]]) -> Iterator[Outcome]:
        for future in futures:
            results = future.result()  # raises BrokenProcessPool with the chunk still in flight
            chunk = inflight.pop(future)
            done, errors = rebuild(chunk, results)
            yield chunk, done, errors

    try:
        while True:
            try:
                if quarantine:
                    while inflight:
                        yield from settle(ready())
                    alone = quarantine[0]
                    future = pool.submit(process_partition, [alone], settings)
                    inflight[future] = [alone]
                    yield from settle([wait([future]) and future])
                    quarantine.pop(0)
                    alone = None
                    continue
                waiting = next(chunks, None)
                if waiting is None:
                    if not inflight:
                        return
                    yield from settle(ready())
                    continue
                while len(inflight) >= max_in_flight:
                    yield from settle(ready())
                inflight[pool.submit(process_partition, waiting, settings)] = waiting
                waiting = None
            except BrokenProcessPool:
                yield from settle([f for f in list(inflight) if f.done() and not f.cancelled()
                                   and f.exception() is None])
                restarts += 1
                if ordered or restarts > MAX_POOL_RESTARTS:
                    broken = True
                    lost = sum(len(c) for c in inflight.values()) + len(quarantine)
                    raise BrokenProcessPool(lost) from None
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _start_pool(settings, workers)
                if alone is not None:
                    yield [alone], [], [ExtractionError(
                        f"{alone.origin}: extraction failed: its worker process died (with "
                        "this article alone in flight)")]
                    quarantine.pop(0)
                    alone, inflight = None, {}  # it was all there was in flight
                quarantine.extend(a for c in inflight.values() for a in c)
                quarantine.extend(waiting or [])
                inflight, waiting = {}, None
    finally:
        pool.shutdown(wait=not broken, cancel_futures=True)
