"""The DuckDB store: articles, events and claims in one file, written a batch per transaction."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Actor, Article, Claim, CodedEvent, Event, Evidence, Extraction
from .migrations import MIGRATIONS

DEFAULT_DB = "sitroom.duckdb"


def _actor_cols(prefix: str, actor: Actor | None, entity: bool = True) -> dict[str, Any]:
    cols = {f"{prefix}_text": actor.text if actor else None,
            f"{prefix}_country": actor.country if actor else None}
    if prefix in ("actor", "recipient", "source", "target"):
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


def article_row(article: Article) -> dict[str, Any]:
    """One articles-table (or coded_articles-table) row for an Article record."""
    return {"id": article.id, "date": article.date, "title": article.title, "text": article.text,
            "source": article.source, "url": article.url, "origin": article.origin}


@dataclass(frozen=True)
class DictionaryFile:
    """The verb dictionary file that coded events: its name and the SHA-256 of its bytes, under
    which its coded events are stored (an edited dictionary is another dictionary)."""

    name: str
    sha256: str

    @classmethod
    def of(cls, path: str | Path) -> DictionaryFile:
        """The name and content hash of the file at `path`."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the verb dictionary: {exc}") from None
        return cls(Path(path).name, hashlib.sha256(data).hexdigest())


def coded_event_row(event: CodedEvent, dictionary: DictionaryFile) -> dict[str, Any]:
    """One coded_events-table row for a CodedEvent record coded by `dictionary`."""
    return {
        "dictionary_sha256": dictionary.sha256, "event_id": event.event_id,
        "article_id": event.article_id, "origin": event.origin,
        "article_date": event.article_date, "code": event.code,
        **_actor_cols("source", event.source), **_actor_cols("target", event.target),
        "verb": event.verb, "pattern": event.pattern, "line": event.line, "status": event.status,
        **_actor_cols("said_by", event.said_by), "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
    }


def _actor_dict(row: dict[str, Any], prefix: str, sector: bool = True) -> dict[str, Any] | None:
    """A row's `prefix_*` actor columns back in the contract's shape (None where empty)."""
    if row.get(f"{prefix}_text") is None and row.get(f"{prefix}_country") is None:
        return None
    out = {"text": row[f"{prefix}_text"], "country": row[f"{prefix}_country"]}
    if sector:
        out["sector"] = row[f"{prefix}_sector"]
    out["entity"] = row[f"{prefix}_entity"]
    return out


def _iso(day: Any) -> Any:
    return day.isoformat() if isinstance(day, date) else day


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """An events-table row back in the output contract's shape."""
    location = None
    if row.get("location_name") is not None:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "admin1": row["location_admin1"], "lat": row["lat"], "lon": row["lon"]}
    return {
        "kind": "event", "event_id": row["event_id"], "article_id": row["article_id"],
        "origin": row["origin"], "article_date": _iso(row["article_date"]), "type": row["type"],
        "mode": row["mode"], "status": row["status"],
        "actor": (_actor_dict(row, "actor")
                  or {"text": "", "country": None, "sector": None, "entity": None}),
        "recipient": _actor_dict(row, "recipient"), "date": _iso(row["date"]),
        "date_precision": row["date_precision"], "location": location,
        "quantities": json.loads(row["quantities"] or "{}"),
        "said_by": _actor_dict(row, "said_by", False),
        "cameo_root": row["cameo_root"], "goldstein": row["goldstein"],
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
        "confidence": row["confidence"],
    }


def coded_event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A coded_events-table row back in the output contract's shape (`CodedEvent.to_dict`)."""
    return {
        "kind": "coded_event", "event_id": row["event_id"], "article_id": row["article_id"],
        "origin": row["origin"], "article_date": _iso(row["article_date"]), "code": row["code"],
        "source": (_actor_dict(row, "source")
                   or {"text": "", "country": None, "sector": None, "entity": None}),
        "target": _actor_dict(row, "target"), "verb": row["verb"], "pattern": row["pattern"],
        "line": row["line"], "status": row["status"],
        "said_by": _actor_dict(row, "said_by", False),
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
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
            with self._transaction(f"migration {number} failed"):
                self.con.execute(sql)
                self.con.execute("DELETE FROM schema_version")
                self.con.execute("INSERT INTO schema_version VALUES (?)", [number])

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
        articles = [article_row(x.article) for x in fresh.values()]
        events = [event_row(e) for x in fresh.values() for e in x.events]
        claims = [claim_row(c) for x in fresh.values() for c in x.claims]
        with self._transaction("write failed, batch rolled back"):
            self._insert("articles", articles)
            self._insert("events", events)
            self._insert("claims", claims)
        return len(fresh)

    @contextmanager
    def _transaction(self, failure: str) -> Iterator[None]:
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
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows)  # noqa: F841  (read by DuckDB's replacement scan)
        ignore = " OR IGNORE" if or_ignore else ""
        self.con.execute(f"INSERT{ignore} INTO {table} BY NAME SELECT * FROM arrow")

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
        with self._transaction("write failed, batch rolled back"):
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

    def _partition_sql(self) -> str:
        """SQL for a claims row's partition (`c` joined to story_articles `s`), as in
        `sitroom.claims.groups.partition_key`: NULL (one partition) before stories are built."""
        row = self.con.execute("SELECT EXISTS (SELECT 1 FROM story_articles)").fetchone()
        return "coalesce(s.story_id, c.article_id)" if row and row[0] else "NULL::VARCHAR"

    def stale_claim_partitions(self) -> set[str | None] | None:
        """The partitions (story ids; None: the one partition before stories are built) whose
        stored claim groups are not what grouping the stored claims gives now: those with a
        claim not yet grouped, a claim that has left or joined since (its story changed), or a
        group whose count is off. None when the groups must all be redone (stored before
        migration 5). Reads only; `regroup_claims` regroups these."""
        legacy = self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM claim_groups WHERE base_id IS NULL)").fetchone()
        if legacy and legacy[0]:
            return None
        key = self._partition_sql()
        rows = self.con.execute(f"""
            WITH cur AS (
                SELECT c.group_id, {key} AS key FROM claims c
                LEFT JOIN story_articles s ON s.article_id = c.article_id),
            counts AS (SELECT group_id, count(*) AS n FROM claims
                       WHERE group_id IS NOT NULL GROUP BY group_id)
            SELECT DISTINCT cur.key AS now, g.partition_key AS was, g.group_id IS NOT NULL AS stored
            FROM cur LEFT JOIN claim_groups g ON g.group_id = cur.group_id
            WHERE g.group_id IS NULL OR cur.key IS DISTINCT FROM g.partition_key
            UNION
            SELECT g.partition_key, g.partition_key, true FROM claim_groups g
            LEFT JOIN counts USING (group_id) WHERE coalesce(counts.n, 0) <> g.n_claims
            """).fetchall()
        stale: set[str | None] = set()
        for now, was, stored in rows:
            stale.add(now)
            if stored:
                stale.add(was)
        return stale

    def claim_groups(self) -> list[Any] | None:
        """The stored claim groups (sitroom.claims.ClaimGroup, founding order, claims in their
        founding order), or None when they are not up to date with the stored claims and
        stories (`stale_claim_partitions`): an older store, or one whose stories changed
        without a regroup. `latest_by_claimant` is derived from the stored members."""
        from ..claims.groups import ClaimGroup, claim_order, latest_by_claimant

        if self.stale_claim_partitions() != set():
            return None
        members: dict[str, list[Claim]] = {}
        for row in self.query("SELECT * FROM claims WHERE group_id IS NOT NULL"):
            claim = claim_from_row(row)
            members.setdefault(claim.group_id or "", []).append(claim)
        groups = []
        for g in self.query("SELECT * FROM claim_groups"):
            claims = sorted(members.get(g["group_id"], []), key=claim_order)
            groups.append(ClaimGroup(g["group_id"], g["about"], g["unit"], tuple(claims),
                                     g["min"], g["max"], bool(g["contested"]),
                                     latest_by_claimant(claims), g["parent_group_id"]))
        groups.sort(key=lambda grp: claim_order(grp.claims[0]) if grp.claims else ())
        return groups

    def regroup_claims(self, full: bool = False) -> list[Any]:
        """Bring the stored claim groups up to date after an ingest or a story update (run it
        after the stories are updated): only the partitions (stories) with a new claim or a
        changed membership (`stale_claim_partitions`) are grouped again, and groups elsewhere
        that share a description with them are renumbered where the founding order says so,
        so that the tables equal a full regroup's. `full=True` (or groups stored before
        migration 5) regroups every stored claim. Returns the groups (re)computed (all of them
        on a full regroup); sitroom.claims.ClaimGroup records. docs/claims.md, "In the store"."""
        stale = None if full else self.stale_claim_partitions()
        if stale is None or None in stale:
            return self._regroup_all()
        if not stale:
            return []
        return self._regroup_partitions(stale)

    @staticmethod
    def _group_row(group: Any, pending: Any) -> dict[str, Any]:
        return {"group_id": group.group_id, "about": group.about, "unit": group.unit,
                "min": group.min, "max": group.max, "contested": group.contested,
                "parent_group_id": group.parent_group_id, "n_claims": len(group.claims),
                "partition_key": pending.partition, "base_id": pending.base_id,
                "alt_id": pending.alt_id, "founder_claim_id": pending.founder.claim_id}

    def _regroup_all(self) -> list[Any]:
        from ..claims.groups import assign_group_ids, complete_groups, pending_groups

        pending = pending_groups(self.claims(), story_of=self.claim_partitions())
        ids = assign_group_ids((p.order, p.base_id, p.alt_id, id(p)) for p in pending)
        groups = complete_groups(pending, ids)
        rows = [self._group_row(g, p) for g, p in zip(groups, pending)]
        members = [{"claim_id": c.claim_id, "group_id": g.group_id}
                   for g in groups for c in g.claims]
        self._write_groups(["DELETE FROM claim_groups"], rows, members)
        return groups

    def _regroup_partitions(self, stale: set[str | None]) -> list[Any]:
        from ..claims.groups import assign_group_ids, complete_groups, pending_groups

        keys = sorted(k for k in stale if k is not None)
        rows = self.query(
            "SELECT c.*, coalesce(s.story_id, c.article_id) AS partition_key FROM claims c "
            "LEFT JOIN story_articles s ON s.article_id = c.article_id "
            "WHERE coalesce(s.story_id, c.article_id) IN (SELECT unnest(?))", [keys])
        story_of = {r["article_id"]: r["partition_key"] for r in rows}
        pending = pending_groups([claim_from_row(r) for r in rows], story_of=story_of)
        dropped = self.query("SELECT group_id, base_id FROM claim_groups "
                             "WHERE partition_key IN (SELECT unnest(?))", [keys])
        bases = sorted({p.base_id for p in pending} | {d["base_id"] for d in dropped})
        # groups of untouched partitions that share a description with a regrouped one: the
        # founding order across all of them decides who keeps the plain id
        others = self.query(
            "SELECT g.group_id, g.base_id, g.alt_id, c.article_date, c.article_id, "
            "c.evidence_start, c.claim_id FROM claim_groups g "
            "JOIN claims c ON c.claim_id = g.founder_claim_id "
            "WHERE g.base_id IN (SELECT unnest(?)) "
            "AND g.partition_key NOT IN (SELECT unnest(?))", [bases, keys])
        ids = assign_group_ids(
            [(p.order, p.base_id, p.alt_id, id(p)) for p in pending]
            + [((o["article_date"], o["article_id"], o["evidence_start"], o["claim_id"]),
                o["base_id"], o["alt_id"], o["group_id"]) for o in others])
        renamed = {o["group_id"]: ids[o["group_id"]] for o in others
                   if ids[o["group_id"]] != o["group_id"]}
        groups = complete_groups(pending, ids)
        new_rows = [self._group_row(g, p) for g, p in zip(groups, pending)]
        members = [{"claim_id": c.claim_id, "group_id": g.group_id}
                   for g in groups for c in g.claims]
        deletes: list[Any] = [("DELETE FROM claim_groups WHERE partition_key IN "
                               "(SELECT unnest(?))", [keys])]
        if renamed:
            old = sorted(renamed)
            moved = self.query("SELECT * FROM claim_groups WHERE group_id IN (SELECT unnest(?))",
                               [old])
            for r in moved:
                r["group_id"] = renamed[r["group_id"]]
                r["parent_group_id"] = renamed.get(r["parent_group_id"], r["parent_group_id"])
            new_rows += moved
            members += [{"claim_id": r["claim_id"], "group_id": renamed[r["group_id"]]}
                        for r in self.query("SELECT claim_id, group_id FROM claims "
                                            "WHERE group_id IN (SELECT unnest(?))", [old])]
            deletes.append(("DELETE FROM claim_groups WHERE group_id IN (SELECT unnest(?))",
                            [old]))
        self._write_groups(deletes, new_rows, members, renamed)
        return groups

    def _write_groups(self, deletes: list[Any], rows: list[dict[str, Any]],
                      members: list[dict[str, str]],
                      renamed: dict[str, str] | None = None) -> None:
        """In one transaction: the DELETEs (SQL, or (SQL, params)), the group rows, each
        member claim's group_id, and parent links to renamed groups."""
        with self._transaction("regrouping claims failed"):
            for sql in deletes:
                if isinstance(sql, tuple):
                    self.con.execute(*sql)
                else:
                    self.con.execute(sql)
            if renamed:
                links = pa.Table.from_pylist(  # noqa: F841  (DuckDB replacement scan)
                    [{"old": k, "new": v} for k, v in renamed.items()])
                self.con.execute("UPDATE claim_groups SET parent_group_id = links.new "
                                 "FROM links WHERE claim_groups.parent_group_id = links.old")
            self._insert("claim_groups", rows)
            if members:
                grouping = pa.Table.from_pylist(members)  # noqa: F841  (DuckDB replacement scan)
                self.con.execute("UPDATE claims SET group_id = grouping.group_id FROM grouping "
                                 "WHERE claims.claim_id = grouping.claim_id")

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
