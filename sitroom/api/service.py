"""The one Store of an app, with per-request read cursors and a write lock.

The server holds its DuckDB file read-only, so `sitroom events`, `claims`, `export` and other
readers keep working while it serves (DuckDB lets several processes read a file, or one write
it). A write (POST /api/articles) waits for the reads in flight, reopens the file read-write
for its one transaction and goes back to read-only; where another process has the file open
just then, it retries for a few seconds and then answers 503, saying so.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import SitroomError, StoreError
from ..store import articles as article_queries
from ..store import events as event_queries
from ..store.db import Store
from .body import MAX_BODY_BYTES
from .errors import NotBuilt

T = TypeVar("T")
NOT_BUILT = ("canonical events have not been built for this store; they are rebuilt after every "
             "ingest (`sitroom ingest`, POST /api/articles) or by Store.rebuild_stories()")


MISSING = object()

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
        self.version = 0
        self._memo: dict[Any, Any] = {}
        self._memo_locks: dict[Any, threading.Lock] = {}
        self._opened()

    def _opened(self) -> None:
        """A new version of the file is open (at start, after a write here, or reopened after
        another process wrote it): drop what was computed from the last one."""
        self.version += 1
        self._memo = {}
        self._memo_locks = {}

    def close(self) -> None:
        with self.access.exclusive():
            if self.store is not None:
                self.store.close()
                self.store = None

    def _reader(self) -> Store:
        """The read-only Store, reopened where a write left it closed."""
        with self.cursor_lock:
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

    def memo(self, key: Any, query: Callable[..., T], *args: Any) -> T:
        """`query(cursor, *args)` computed once per version of the file (`version`) under
        `key`. While it is served only this process writes the file (DuckDB's lock: readers
        elsewhere cannot write), and every write here, or reopening after a write elsewhere,
        starts a new version, so what is kept is what the query gives now."""
        with self.cursor() as cur:  # shared: no write until this is done
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
