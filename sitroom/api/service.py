"""The one Store of an app, with per-request read cursors and a write lock."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import SitroomError
from ..store import articles as article_queries
from ..store import events as event_queries
from ..store.db import Store
from .body import MAX_BODY_BYTES
from .errors import NotBuilt

T = TypeVar("T")
NOT_BUILT = ("canonical events have not been built for this store; they are rebuilt after every "
             "ingest (`sitroom ingest`, POST /api/articles) or by Store.rebuild_stories()")


class Service:
    """The one Store of an app, with per-request read cursors and a write lock."""

    def __init__(self, db_path: str, extractor: Any = None,
                 max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.store = Store(db_path)
        self.max_body_bytes = max_body_bytes
        self.write_lock = threading.Lock()
        self.cursor_lock = threading.Lock()
        self._extractor = extractor
        self._story_state: tuple[int, int] | None = None

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        with self.cursor_lock:
            cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def read(self, query: Callable[..., T], *args: Any) -> T:
        """A named query (`sitroom.store.events`, `.articles`) run on a cursor of its own."""
        with self.cursor() as cur:
            return query(cur, *args)

    def story_state(self) -> tuple[int, int]:
        """(reports stored, reports merged into canonical events). Cached: only this process
        writes the file while it is served (DuckDB's lock), and `ingest` drops the cache."""
        state = self._story_state
        if state is None:
            state = self._story_state = self.read(event_queries.story_counts)
        return state

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
        """The claim groups as `sitroom claims` lists them (`Store.listed_claim_groups`), read
        under the write lock (they are read on the store's own connection)."""
        with self.write_lock:
            return self.store.listed_claim_groups()[0]

    def ingest(self, articles: list[Any]) -> dict[str, Any]:
        """Extract and store new articles (`sitroom.service.ingest`, one transaction, stories and
        claim groups updated); known ones (and repeats) are stored once."""
        from ..service import ingest

        stored: dict[str, Any] = {}
        errors: list[SitroomError] = []
        with self.write_lock:
            known = self.read(article_queries.known_article_ids, list({a.id: a for a in articles}))
            try:
                ingest(articles, self.store, batch_size=max(1, len(articles)), workers=1,
                       triage=False, extractor=self._extractor, on_error=errors.append,
                       on_stored=lambda batch: stored.update((x.article.id, x) for x in batch))
            finally:
                self._story_state = None
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
