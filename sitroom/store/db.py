"""The DuckDB store: articles, events and claims in one file, written a batch per transaction."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Actor, Claim, Event, Evidence, Extraction
from .migrations import MIGRATIONS

DEFAULT_DB = "sitroom.duckdb"


def _actor_cols(prefix: str, actor: Actor | None, entity: bool = True) -> dict[str, Any]:
    cols = {f"{prefix}_text": actor.text if actor else None,
            f"{prefix}_country": actor.country if actor else None}
    if prefix in ("actor", "recipient"):
        cols[f"{prefix}_sector"] = actor.sector if actor else None
    if entity:
        cols[f"{prefix}_entity"] = actor.entity if actor else None
    return cols


def event_row(event: Event) -> dict[str, Any]:
    """One events-table row for an Event record."""
    loc = event.location
    return {
        "event_id": event.event_id, "article_id": event.article_id, "origin": event.origin,
        "article_date": event.article_date, "type": event.type, "mode": event.mode,
        "status": event.status, **_actor_cols("actor", event.actor),
        **_actor_cols("recipient", event.recipient),
        "date": event.date, "date_precision": event.date_precision,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None, "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None, "quantities": json.dumps(event.quantities, sort_keys=True),
        **_actor_cols("said_by", event.said_by), "cameo_root": event.cameo_root,
        "goldstein": event.goldstein, "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "confidence": event.confidence,
    }


def claim_row(claim: Claim) -> dict[str, Any]:
    """One claims-table row for a Claim record."""
    return {
        "claim_id": claim.claim_id, "article_id": claim.article_id, "origin": claim.origin,
        "article_date": claim.article_date, "about": claim.about, "unit": claim.unit,
        "value": claim.value, "value_max": claim.value_max, "qualifier": claim.qualifier,
        **_actor_cols("claimant", claim.claimant), "date": claim.date, "group_id": claim.group_id,
        "evidence_text": claim.evidence.text, "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
    }


def claim_from_row(row: dict[str, Any]) -> Claim:
    """A claims-table row back as a Claim record."""
    claimant = None
    if row.get("claimant_text") is not None:
        claimant = Actor(text=row["claimant_text"], country=row["claimant_country"],
                         entity=row["claimant_entity"])
    return Claim(
        claim_id=row["claim_id"], article_id=row["article_id"], origin=row["origin"],
        article_date=row["article_date"], about=row["about"], unit=row["unit"],
        value=row["value"], value_max=row["value_max"], qualifier=row["qualifier"],
        claimant=claimant, date=row["date"], group_id=row["group_id"],
        evidence=Evidence(row["evidence_text"], row["evidence_start"], row["evidence_end"]))


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """An events-table row back in the output contract's shape."""
    def actor(prefix: str, sector: bool = True) -> dict[str, Any] | None:
        if row.get(f"{prefix}_text") is None and row.get(f"{prefix}_country") is None:
            return None
        out = {"text": row[f"{prefix}_text"], "country": row[f"{prefix}_country"]}
        if sector:
            out["sector"] = row[f"{prefix}_sector"]
        out["entity"] = row[f"{prefix}_entity"]
        return out

    iso = lambda d: d.isoformat() if isinstance(d, date) else d  # noqa: E731
    location = None
    if row.get("location_name") is not None:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "admin1": row["location_admin1"], "lat": row["lat"], "lon": row["lon"]}
    return {
        "kind": "event", "event_id": row["event_id"], "article_id": row["article_id"],
        "origin": row["origin"], "article_date": iso(row["article_date"]), "type": row["type"],
        "mode": row["mode"], "status": row["status"],
        "actor": actor("actor") or {"text": "", "country": None, "sector": None, "entity": None},
        "recipient": actor("recipient"), "date": iso(row["date"]),
        "date_precision": row["date_precision"], "location": location,
        "quantities": json.loads(row["quantities"] or "{}"), "said_by": actor("said_by", False),
        "cameo_root": row["cameo_root"], "goldstein": row["goldstein"],
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
        "confidence": row["confidence"],
    }


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
            raise StoreError(f"cannot open database {self.path}: {exc}") from None
        if not read_only:
            self._migrate()

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
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("DELETE FROM schema_version")
                self.con.execute("INSERT INTO schema_version VALUES (?)", [number])
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {number} failed: {exc}") from None

    def schema_version(self) -> int:
        """The number of migrations applied to this file."""
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of these article ids already stored."""
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def add(self, batch: Sequence[Extraction]) -> int:
        """Store new articles with their events and claims, all or nothing; returns how many."""
        known = self.known_ids(x.article.id for x in batch)
        fresh: dict[str, Extraction] = {}
        for item in batch:
            if item.article.id not in known:
                fresh.setdefault(item.article.id, item)
        if not fresh:
            return 0
        articles = [{"id": x.article.id, "date": x.article.date, "title": x.article.title,
                     "text": x.article.text, "source": x.article.source, "url": x.article.url,
                     "origin": x.article.origin} for x in fresh.values()]
        events = [event_row(e) for x in fresh.values() for e in x.events]
        claims = [claim_row(c) for x in fresh.values() for c in x.claims]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("articles", articles)
            self._insert("events", events)
            self._insert("claims", claims)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed, batch rolled back: {exc}") from None
        return len(fresh)

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows)  # noqa: F841  (read by DuckDB's replacement scan)
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in ("articles", "events", "claims", "claim_groups"):
            raise StoreError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised query as dicts."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def claims(self) -> list[Claim]:
        """Every stored claim, in date order."""
        rows = self.query("SELECT * FROM claims ORDER BY coalesce(date, article_date), claim_id")
        return [claim_from_row(r) for r in rows]

    def claim_partitions(self) -> dict[str, str] | None:
        """article id -> story id, within which claims group (None before stories are built:
        then claims group across the whole store)."""
        rows = self.query("SELECT article_id, story_id FROM story_articles")
        return {r["article_id"]: r["story_id"] for r in rows} if rows else None

    def regroup_claims(self) -> list[Any]:
        """Group every stored claim across articles and dates, within stories (run it after
        the stories are updated); store the groups; return them."""
        from ..claims import group_claims

        groups = group_claims(self.claims(), story_of=self.claim_partitions())
        members = [{"claim_id": c.claim_id, "group_id": g.group_id}
                   for g in groups for c in g.claims]
        rows = [{"group_id": g.group_id, "about": g.about, "unit": g.unit, "min": g.min,
                 "max": g.max, "contested": g.contested, "parent_group_id": g.parent_group_id,
                 "n_claims": len(g.claims)} for g in groups]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM claim_groups")
            self._insert("claim_groups", rows)
            if members:
                grouping = pa.Table.from_pylist(members)  # noqa: F841  (DuckDB replacement scan)
                self.con.execute("UPDATE claims SET group_id = grouping.group_id FROM grouping "
                                 "WHERE claims.claim_id = grouping.claim_id")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: regrouping claims failed: {exc}") from None
        return groups

    def events(self, actor: str | None = None, recipient: str | None = None,
               type: str | None = None, since: date | None = None, until: date | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Events in the contract's shape, filtered; actor/recipient match country or text."""
        where, params = event_filters(actor=actor, recipient=recipient, type=type,
                                      since=since, until=until)
        sql = f"SELECT * FROM events {where} ORDER BY coalesce(date, article_date), event_id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [event_dict(r) for r in self.query(sql, params)]

    def rebuild_stories(self) -> Any:
        """Recompute near-duplicates, story clusters and canonical events over the whole store
        (one transaction); returns the counts and seconds taken (sitroom.stories.RebuildStats).
        After an ingest, `update_stories` gives the same tables for less."""
        from ..stories import rebuild_stories

        return rebuild_stories(self)

    def update_stories(self) -> Any:
        """Bring the story tables up to date with the articles stored since the last rebuild:
        the same tables as `rebuild_stories`, at a cost in proportion to what the new articles
        can change (see sitroom.stories.update_stories)."""
        from ..stories import update_stories

        return update_stories(self)

    def canonical_events(self, **filters: Any) -> list[dict[str, Any]]:
        """Canonical events (one per occurrence, with counts and mentions), filtered as in
        `events` (see sitroom.stories.canonical_events)."""
        from ..stories import canonical_events

        return canonical_events(self, **filters)


def contains_pattern(value: str) -> str:
    """An ILIKE pattern (with ESCAPE '\\') matching `value` literally anywhere."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def event_filters(actor: str | None = None, recipient: str | None = None,
                  type: str | None = None, since: date | None = None,
                  until: date | None = None) -> tuple[str, list[Any]]:
    """A WHERE clause and its bound parameters for the common event filters."""
    clauses: list[str] = []
    params: list[Any] = []
    for prefix, value in (("actor", actor), ("recipient", recipient)):
        if value:
            like = contains_pattern(value)
            clauses.append(f"(upper({prefix}_country) = upper(?) OR {prefix}_text ILIKE ? "
                           f"ESCAPE '\\' OR {prefix}_entity ILIKE ? ESCAPE '\\')")
            params += [value, like, like]
    if type:
        clauses.append("type = upper(?)")
        params.append(type)
    if since:
        clauses.append("coalesce(date, article_date) >= ?")
        params.append(since)
    if until:
        clauses.append("coalesce(date, article_date) <= ?")
        params.append(until)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params
