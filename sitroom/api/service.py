"""The one Store of an app, with per-request read cursors and a write lock.

The server holds its DuckDB file read-only, so `sitroom events`, `claims`, `export` and other
readers keep working while it serves (DuckDB lets several processes read a file, or one write
it). A write (POST /api/articles) waits for the reads in flight, reopens the file read-write
for its one transaction and goes back to read-only; where another process has the file open
just then, it retries for a few seconds and then answers 503, saying so.
"""
from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import numpy as np

from ..errors import SitroomError, StoreError
from ..store import articles as article_queries
from ..store import events as event_queries
from ..store import paging, summaries
from ..store.db import Store
from ..store.filters import EventFilter
from .body import MAX_BODY_BYTES
from .errors import NotBuilt

T = TypeVar("T")
NOT_BUILT = ("canonical events have not been built for this store; they are rebuilt after every "
             "ingest (`sitroom ingest`, POST /api/articles) or by Store.rebuild_stories()")


MISSING = object()
ROWID_CACHE_BYTES = 256 << 20
"""At most this much of filters' row ids kept (8 bytes an event: 32 filters of a million)."""
RESPONSE_CACHE_BYTES = 256 << 20
"""At most this much of JSON responses kept (sitroom.api.cache). A million events' answers are
large (a page of 300 events 240 KB, a dyad's day series 650 KB): the bench's 664 distinct
answers come to 100 MB, and at 64 MiB one repeat in nine was evicted and computed again."""
EVENT_JSON_BYTES = 64 << 20
"""At most this much of events' JSON kept (`Service.event_page_json`: about 80,000 events)."""

WRITE_OPEN_TRIES = 25
WRITE_OPEN_PAUSE = 0.2  # seconds between tries: five seconds in all


class SharedLock:
    """Many readers or one writer; a waiting writer holds back new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._writer:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            while self._writer:
                self._cond.wait()
            self._writer = True
            while self._readers:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class BoundedCache:
    """Values by key, the least recently used dropped once their sizes pass `budget` bytes;
    safe across threads. A value larger than a quarter of the budget is not kept."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self._items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return MISSING
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        if size > self.budget // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self.size -= old[1] if old else 0
            self._items[key] = (value, size)
            self.size += size
            while self.size > self.budget:
                _, (_, dropped) = self._items.popitem(last=False)
                self.size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0


class Service:
    """The one Store of an app (read-only between writes), with per-request read cursors and a
    write lock."""

    def __init__(self, db_path: str, extractor: Any = None,
                 max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.path = db_path
        Store(db_path).close()  # create and migrate the file, then let go of the write lock
        self.store: Store | None = Store(db_path, read_only=True)
        self.max_body_bytes = max_body_bytes
        self.write_lock = threading.Lock()
        self.cursor_lock = threading.Lock()
        self.access = SharedLock()
        self._extractor = extractor
        self.closed = False
        self.warming = False  # warm each new version after a write here (`warm`)
        self.version = 0
        self._memo: dict[Any, Any] = {}
        self._memo_locks: dict[Any, threading.Lock] = {}
        self.rowids = BoundedCache(ROWID_CACHE_BYTES)
        self.responses = BoundedCache(RESPONSE_CACHE_BYTES)
        self.event_json = BoundedCache(EVENT_JSON_BYTES)
        self._opened()

    def _opened(self) -> None:
        """A new version of the file is open (at start, after a write here, or reopened after
        another process wrote it): drop what was computed from the last one."""
        self.version += 1
        self._memo = {}
        self._memo_locks = {}
        self.rowids.clear()
        self.responses.clear()
        self.event_json.clear()

    def close(self) -> None:
        self.closed = True
        with self.access.exclusive():
            if self.store is not None:
                self.store.close()
                self.store = None

    def _reader(self) -> Store:
        """The read-only Store, reopened where a write left it closed."""
        with self.cursor_lock:
            if self.closed:
                raise StoreError(f"{self.path} is closed: the server is shutting down")
            if self.store is None:
                self.store = Store(self.path, read_only=True)
                self._opened()
            return self.store

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        with self.access.shared():
            store = self._reader()
            with self.cursor_lock:
                cur = store.con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    def read(self, query: Callable[..., T], *args: Any) -> T:
        """A named query (`sitroom.store.events`, `.articles`) run on a cursor of its own."""
        with self.cursor() as cur:
            return query(cur, *args)

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The file open read-write, once the reads in flight are done; read-only after."""
        with self.access.exclusive():
            if self.store is not None:
                self.store.close()
                self.store = None
            store = None
            for attempt in range(WRITE_OPEN_TRIES):
                try:
                    store = Store(self.path)
                    break
                except StoreError:
                    if attempt == WRITE_OPEN_TRIES - 1:
                        raise StoreError(f"{self.path} is open in another process (a `sitroom` "
                                         "command reading or writing it): the write waited "
                                         f"{WRITE_OPEN_TRIES * WRITE_OPEN_PAUSE:.0f}s; send it "
                                         "again when that command is done") from None
                    time.sleep(WRITE_OPEN_PAUSE)
            assert store is not None
            try:
                yield store
            finally:
                store.close()
                try:
                    self.store = Store(self.path, read_only=True)
                except StoreError:
                    self.store = None  # reopened by the next read
                self._opened()
                if self.warming:
                    self.warm_in_background()

    def memo(self, key: Any, query: Callable[..., T], *args: Any) -> T:
        """`query(cursor, *args)` computed once per version of the file (`version`) under
        `key`. While it is served only this process writes the file (DuckDB's lock: readers
        elsewhere cannot write), and every write here, or reopening after a write elsewhere,
        starts a new version, so what is kept is what the query gives now."""
        with self.cursor() as cur:  # shared: no write until this is done
            return self._memo_on(cur, key, query, *args)

    def _memo_on(self, cur: Any, key: Any, query: Callable[..., T], *args: Any) -> T:
        """`memo` on a cursor already held (a second one could wait on a writer forever)."""
        version = self.version
        value = self._memo.get(key, MISSING)
        if value is not MISSING:
            return value
        with self.cursor_lock:
            lock = self._memo_locks.setdefault(key, threading.Lock())
        with lock:  # concurrent first requests compute it once
            value = self._memo.get(key, MISSING)
            if value is MISSING:
                value = query(cur, *args)
                if self.version == version:
                    self._memo[key] = value
        return value

    def timeline_summary(self, interval: str, table: str) -> list[dict[str, Any]]:
        """Events per (date bucket, type) of a whole table (`summaries.timeline_summary`)."""
        return self.memo(("timeline", interval, table), summaries.timeline_summary, interval,
                         table)

    def edge_summary(self, table: str) -> list[dict[str, Any]]:
        """Events per (type, actor, recipient) of a whole table (`summaries.edge_summary`)."""
        return self.memo(("edges", table), summaries.edge_summary, table)

    def warm(self) -> None:
        """Compute what a version's first requests would otherwise wait for: the story counts,
        the claim groups, both tables' date orders and the page's summaries (a few seconds on
        a million events, on one thread). Stops where the app closes or the file is written
        (the next version is warmed after the write)."""
        version = self.version
        steps: list[Callable[[], Any]] = [self.story_state, self.claim_groups]
        for table in ("events", "canonical_events"):
            steps += [lambda t=table: self.timeline_summary("month", t),
                      lambda t=table: self.edge_summary(t),
                      lambda t=table: self.event_page(EventFilter(limit=1), t),
                      lambda t=table: self.event_page(EventFilter(limit=1), t, True)]
        for step in steps:
            if self.closed or self.version != version:
                return
            step()

    def warm_in_background(self) -> threading.Thread:
        """`warm` on a thread of its own (daemon: it keeps no process alive)."""
        thread = threading.Thread(target=self._warm_quietly, name="sitroom-warm", daemon=True)
        thread.start()
        return thread

    def _warm_quietly(self) -> None:
        try:
            self.warm()
        except Exception:  # noqa: BLE001 - a request that needs it computes it and reports why
            pass

    def event_page(self, where: EventFilter, table: str = "events", descending: bool = False
                   ) -> tuple[int, list[dict[str, Any]]]:
        """(events the filter keeps, its page of them in date order): the filter's row ids are
        found and sorted once per version of the file (`sitroom.store.paging`) and kept while
        there is room (ROWID_CACHE_BYTES), so its other pages, and its total, read no more
        than the page's rows."""
        with self.cursor() as cur:  # shared: no write until this is done
            ids = self._page_ids(cur, where, table, descending)
            return len(ids), paging.rows_by_rowid(cur, self._page(ids, where), table,
                                                  descending)

    def event_page_json(self, where: EventFilter, table: str, descending: bool,
                        shape: Callable[[dict[str, Any]], dict[str, Any]]
                        ) -> tuple[int, list[bytes]]:
        """`event_page` with each event as `shape` gives it, encoded as JSONResponse encodes
        it: each event's JSON is kept per version of the file (at most EVENT_JSON_BYTES, by
        table and row id), so a page that shares events with one asked before (another page
        size, the other direction, another filter) reads and encodes only the others."""
        with self.cursor() as cur:  # shared: no write until this is done
            version = self.version
            ids = self._page_ids(cur, where, table, descending)
            page = self._page(ids, where)
            out = [self.event_json.get((table, rowid)) for rowid in page.tolist()]
            missing = np.fromiter((r for r, o in zip(page.tolist(), out) if o is MISSING),
                                  dtype=np.int64)
            if len(missing):
                rows = paging.rows_of_rowids(cur, missing, table)
                for i, rowid in enumerate(page.tolist()):
                    if out[i] is MISSING:
                        out[i] = json_bytes(shape(rows[rowid]))
                        if self.version == version:
                            self.event_json.put((table, rowid), out[i], len(out[i]))
            return len(ids), out

    def _page_ids(self, cur: Any, where: EventFilter, table: str, descending: bool
                  ) -> np.ndarray:
        """The row ids of the events the filter keeps, in date order (kept per version)."""
        version = self.version
        key = (table, descending, paging.unpaged(where))
        ids = self.rowids.get(key)
        if ids is MISSING:
            order = self._memo_on(cur, ("date_order", table, descending),
                                  paging.DateOrder.of, table, descending)
            if where.where()[0]:
                ids = order.sort(paging.matching_rowids(cur, where, table))
            else:
                ids = order.order
            if self.version == version:
                self.rowids.put(key, ids, ids.nbytes)
        return ids

    @staticmethod
    def _page(ids: np.ndarray, where: EventFilter) -> np.ndarray:
        start = where.offset
        return ids[start:len(ids) if where.limit is None else start + where.limit]

    def story_state(self) -> tuple[int, int]:
        """(reports stored, reports merged into canonical events), once per version."""
        return self.memo("story_state", event_queries.story_counts)

    def counting(self, canonical: bool | None) -> tuple[str, dict[str, Any]]:
        """The table to count from and how it counts: canonical events unless `canonical` is
        False; where none are built, reports when `canonical` was left out, else 409."""
        if canonical is False:
            return "events", {"counting": "reports"}
        reports, merged = self.story_state()
        if reports and not merged:
            if canonical:
                raise NotBuilt(NOT_BUILT)
            return "events", {"counting": "reports",
                              "note": NOT_BUILT + "; counting every report instead"}
        info: dict[str, Any] = {"counting": "canonical"}
        if merged < reports:
            info["note"] = (f"{reports - merged} reports are not merged into canonical events "
                            "yet (stories are rebuilt after every ingest)")
        return "canonical_events", info

    def claim_groups(self) -> list[Any]:
        """The claim groups as `sitroom claims` lists them (`Store.listed_claim_groups`), once
        per version of the file (grouping them reads every story's articles: 0.5 s on a
        million events, and was done under the write lock for every request)."""
        return self.memo("claim_groups",
                         lambda cur: Store.reading(cur, self.path).listed_claim_groups()[0])

    def ingest(self, articles: list[Any]) -> dict[str, Any]:
        """Extract and store new articles (`sitroom.service.ingest`, one transaction, stories and
        claim groups updated); known ones (and repeats) are stored once."""
        from ..service import ingest

        stored: dict[str, Any] = {}
        errors: list[SitroomError] = []
        with self.write_lock:
            known = self.read(article_queries.known_article_ids, list({a.id: a for a in articles}))
            with self.writing() as store:  # a new version of the file after it
                ingest(articles, store, batch_size=max(1, len(articles)), workers=1,
                       triage=False, extractor=self._extractor, on_error=errors.append,
                       on_stored=lambda batch: stored.update((x.article.id, x)
                                                             for x in batch))
        return ingest_report(articles, known, stored, errors)


def ingest_report(articles: list[Any], known: set[str], stored: dict[str, Any],
                  errors: list[SitroomError]) -> dict[str, Any]:
    """The POST response: each article stored, already stored or failed, and the totals."""
    fresh = set(stored)
    report = []
    for art in articles:
        x = stored.get(art.id)
        status = "stored" if art.id in fresh else (
            "failed" if art.id not in known and x is None else "already_stored")
        if status == "stored":
            fresh.discard(art.id)  # a repeat within this request counts once
        report.append({"id": art.id, "origin": art.origin, "status": status,
                       "events": len(x.events) if x and status == "stored" else 0,
                       "claims": len(x.claims) if x and status == "stored" else 0})
    return {"stored": sum(r["status"] == "stored" for r in report),
            "already_stored": sum(r["status"] == "already_stored" for r in report),
            "events": sum(r["events"] for r in report),
            "claims": sum(r["claims"] for r in report),
            "articles": report, "errors": [str(e) for e in errors]}


def json_bytes(value: Any) -> bytes:
    """`value` encoded as Starlette's JSONResponse encodes a body."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":")).encode("utf-8")
