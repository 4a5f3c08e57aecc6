"""The DuckDB store: articles, events and claims in one file, written a batch per transaction.

`Store` owns the connection and the writes; the named queries it runs live beside it (`events`,
`articles`, `claims`, `stories`, `exports`, `parts`), and the rows it writes in `rows`."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Article, Claim, CodedEvent, Extraction
from . import claims as claim_tables
from . import steps
from . import stories as story_tables
from .articles import known_article_ids
from .events import event_rows
from .filters import EventFilter
from .migrations import MIGRATIONS
from .rows import (DictionaryFile, article_row, claim_from_row, claim_row, coded_event_dict,
                   coded_event_row, event_dict, event_row)
from .sql import fetch, insert

__all__ = ["DEFAULT_DB", "DictionaryFile", "EventFilter", "Store", "article_row",
           "claim_from_row", "claim_row", "coded_event_dict", "coded_event_row", "event_dict",
           "event_row"]

DEFAULT_DB = "sitroom.duckdb"


def lock_message(path: str, read_only: bool, problem: str) -> str:
    """What to tell whoever cannot open the file, and what to do about a lock."""
    if "lock" not in problem.lower():
        return f"cannot open database {path}: {problem}"
    found = re.search(r"PID (\d+)", problem)
    holder = f"process {found.group(1)}" if found else "another process"
    if read_only:
        return (f"{path} is being written by {holder} (`sitroom ingest`, `stories` or `code "
                "--db`, or a server storing POSTed articles): run this again when it is done")
    return (f"{path} is open in {holder}; if that is `sitroom serve`, reads keep working while "
            "it serves, but to write stop the server first, or send the articles to its POST "
            "/api/articles (it stores them and rebuilds the stories)")


class Store:
    """A sitroom DuckDB file. Use as a context manager; writes are one transaction per batch."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}: ingest articles first "
                             f"(sitroom ingest PATH --db {self.path})")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(lock_message(self.path, read_only, str(exc))) from None
        if not read_only:
            self._migrate()

    @classmethod
    def reading(cls, con: duckdb.DuckDBPyConnection, path: str | Path) -> Store:
        """A Store over an open connection or cursor (of the file at `path`), for its reads:
        the API reads claim groups on a request's own cursor. Closing it closes `con`."""
        store = cls.__new__(cls)
        store.path, store.con = str(path), con
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.con.close()

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        current = self.schema_version()
        for number, sql in enumerate(MIGRATIONS[current:], start=current + 1):
            with self.transaction(f"migration {number} failed"):
                self.con.execute(sql)
                self.con.execute("DELETE FROM schema_version")
                self.con.execute("INSERT INTO schema_version VALUES (?)", [number])

    def schema_version(self) -> int:
        """The number of migrations applied to this file."""
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of these article ids already stored."""
        return known_article_ids(self.con, ids)

    def add(self, batch: Sequence[Extraction]) -> int:
        """Store new articles with their events and claims, all or nothing; returns how many."""
        known = self.known_ids(x.article.id for x in batch)
        fresh: dict[str, Extraction] = {}
        for item in batch:
            if item.article.id not in known:
                fresh.setdefault(item.article.id, item)
        if not fresh:
            return 0
        articles = [article_row(x.article) for x in fresh.values()]
        events = [event_row(e) for x in fresh.values() for e in x.events]
        claims = [claim_row(c) for x in fresh.values() for c in x.claims]
        with self.transaction("write failed, batch rolled back"):
            self._insert("articles", articles)
            self._insert("events", events)
            self._insert("claims", claims)
            steps.mark_pending(self.con)  # stories and claim groups are owed (store/steps.py)
        return len(fresh)

    def pending_steps(self) -> set[str]:
        """The steps owed after articles were stored (`steps.POST_INGEST`: the story update and
        the claim regrouping), left by a write whose ingest has not finished them."""
        return steps.pending_steps(self.con)

    def clear_pending(self, step: str = steps.POST_INGEST) -> None:
        """Record that `step` has run to the end."""
        steps.clear_pending(self.con, step)

    @contextmanager
    def transaction(self, failure: str) -> Iterator[None]:
        """One transaction: committed, or on a DuckDB error rolled back and raised as a
        StoreError `PATH: failure: error`."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {failure}: {exc}") from None

    def _insert(self, table: str, rows: list[dict[str, Any]], or_ignore: bool = False) -> None:
        insert(self.con, table, rows, or_ignore)

    def add_coded(self, batch: Sequence[tuple[Article, Sequence[CodedEvent]]],
                  dictionary: DictionaryFile) -> int:
        """Store articles with the events `dictionary` coded in them, all or nothing; returns
        how many events. An article coded with this dictionary before has its coded events
        replaced; other dictionaries' codes are kept. The articles go to `coded_articles`
        (once each), not to `articles`, which ingest reads as the articles it has extracted."""
        fresh: dict[str, tuple[Article, Sequence[CodedEvent]]] = {}
        for article, coded in batch:
            fresh.setdefault(article.id, (article, coded))
        if not fresh:
            return 0
        rows = [coded_event_row(e, dictionary) for _, coded in fresh.values() for e in coded]
        with self.transaction("write failed, batch rolled back"):
            self.con.execute("INSERT OR IGNORE INTO verb_dictionaries (sha256, name) "
                             "VALUES (?, ?)", [dictionary.sha256, dictionary.name])
            self._insert("coded_articles", [article_row(a) for a, _ in fresh.values()],
                         or_ignore=True)
            self.con.execute("DELETE FROM coded_events WHERE dictionary_sha256 = ? "
                             "AND article_id IN (SELECT unnest(?))",
                             [dictionary.sha256, list(fresh)])
            self._insert("coded_events", rows)
        return len(rows)

    def _has_table(self, name: str) -> bool:
        row = self.con.execute("SELECT count(*) FROM information_schema.tables "
                               "WHERE table_name = ?", [name]).fetchone()
        return bool(row and row[0])

    def verb_dictionaries(self, match: str | None = None) -> list[dict[str, Any]]:
        """The verb dictionaries with stored coded events (sha256, name, first_coded_at,
        events), by name; `match` keeps those of that file name or whose SHA-256 starts with
        it. Empty for a store made before migration 6 (opened read-only, so not migrated)."""
        if not self._has_table("verb_dictionaries"):
            return []
        where, params = "", []
        if match:
            where, params = "WHERE d.name = ? OR starts_with(d.sha256, lower(?))", [match, match]
        return self.query(
            "SELECT d.sha256, d.name, d.first_coded_at, count(e.event_id) AS events "
            "FROM verb_dictionaries d LEFT JOIN coded_events e ON e.dictionary_sha256 = d.sha256 "
            f"{where} GROUP BY ALL ORDER BY d.name, d.first_coded_at", params)

    def coded_events(self, dictionary: str, code: str | None = None, since: date | None = None,
                     until: date | None = None) -> list[dict[str, Any]]:
        """The events the dictionary with this SHA-256 coded, in the contract's shape, by
        article date, article and place in it; `code` keeps codes that start with it ("12":
        12, 120, 121, ...), `since`/`until` bound the article date."""
        if not self._has_table("coded_events"):
            return []
        clauses, params = ["dictionary_sha256 = ?"], [dictionary]
        for clause, value in (("starts_with(code, ?)", code), ("article_date >= ?", since),
                              ("article_date <= ?", until)):
            if value:
                clauses.append(clause)
                params.append(value)
        rows = self.query(f"SELECT * FROM coded_events WHERE {' AND '.join(clauses)} "
                          "ORDER BY article_date, article_id, evidence_start, event_id", params)
        return [coded_event_dict(r) for r in rows]

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in ("articles", "events", "claims", "claim_groups", "coded_articles",
                         "coded_events", "verb_dictionaries"):
            raise StoreError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised query as dicts."""
        return fetch(self.con, sql, params)

    def claims(self) -> list[Claim]:
        """Every stored claim, in date order."""
        return claim_tables.claims(self)

    def claim_partitions(self) -> dict[str, str] | None:
        """article id -> story id, within which claims group (None before stories are built:
        then claims group across the whole store)."""
        return claim_tables.claim_partitions(self)

    def stale_claim_partitions(self) -> set[str | None] | None:
        """The partitions whose stored claim groups are out of date (None: all of them); see
        sitroom.store.claims.stale_claim_partitions."""
        return claim_tables.stale_claim_partitions(self)

    def claim_groups(self) -> list[Any] | None:
        """The stored claim groups (sitroom.claims.ClaimGroup), or None when they are not up
        to date with the stored claims and stories; see sitroom.store.claims.claim_groups."""
        return claim_tables.claim_groups(self)

    def claim_events(self) -> dict[str, str]:
        """event id -> canonical event id for the events claims link to; see
        sitroom.store.claims.claim_events."""
        return claim_tables.claim_events(self)

    def listed_claim_groups(self) -> tuple[list[Any], bool]:
        """(the claim groups as the CLI, API and exports list them, whether they were grouped
        now because the stored ones are out of date); see
        sitroom.store.claims.listed_claim_groups."""
        return claim_tables.listed_claim_groups(self)

    def regroup_claims(self, full: bool = False) -> list[Any]:
        """Bring the stored claim groups up to date after an ingest or a story update (run it
        after the stories are updated); `full=True` regroups every stored claim. Returns the
        groups (re)computed. docs/claims.md, "In the store"."""
        return claim_tables.regroup_claims(self, full)

    def events(self, where: EventFilter | None = None, **fields: Any) -> list[dict[str, Any]]:
        """Events in the contract's shape, filtered by `where` (or its fields as keywords:
        actor=, type=, since=, limit=, ...); actor/recipient match country or text."""
        return [event_dict(r) for r in event_rows(self.con, where or EventFilter(**fields))]

    def rebuild_stories(self) -> Any:
        """Recompute near-duplicates, story clusters and canonical events over the whole store
        (one transaction); returns the counts and seconds taken (sitroom.stories.RebuildStats).
        After an ingest, `update_stories` gives the same tables for less."""
        return story_tables.rebuild_stories(self)

    def update_stories(self) -> Any:
        """Bring the story tables up to date with the articles stored since the last rebuild:
        the same tables as `rebuild_stories`, at a cost in proportion to what the new articles
        can change (see sitroom.store.stories.update_stories)."""
        return story_tables.update_stories(self)

    def canonical_events(self, where: EventFilter | None = None, mentions: bool = True,
                         **fields: Any) -> list[dict[str, Any]]:
        """Canonical events (one per occurrence, with counts and mentions), filtered as in
        `events` (see sitroom.store.stories.canonical_events)."""
        return story_tables.canonical_events(self, where, mentions, **fields)
