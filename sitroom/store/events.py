"""Named queries over events and canonical events: lists, one event, counts per bucket, actors
and the actor network. Each takes a connection or a cursor (the API reads on its own cursors)."""
from __future__ import annotations

from typing import Any

from ..errors import StoreError
from ..ontology import QUAD_CLASS
from .filters import EventFilter, contains_pattern
from .sql import Connection, fetch, scalar

EVENT_TABLES = ("events", "canonical_events")
DATE_ORDER = "ORDER BY coalesce(date, article_date), event_id"
DESC_DATE_ORDER = "ORDER BY coalesce(date, article_date) DESC, event_id DESC"


def _table(table: str) -> str:
    if table not in EVENT_TABLES:
        raise StoreError(f"unknown event table {table!r}")
    return table


def event_rows(con: Connection, where: EventFilter, table: str = "events",
               descending: bool = False) -> list[dict[str, Any]]:
    """Rows of the filtered events (or canonical events) in date order, paged by the filter."""
    sql_where, params = where.where()
    page, paging = where.page()
    order = DESC_DATE_ORDER if descending else DATE_ORDER
    table = _table(table)
    if not page:
        return fetch(con, f"SELECT * FROM {table} {sql_where} {order}", params)
    # a page: sort the row ids alone, then read the page's rows (2-3 times faster than sorting
    # whole rows on a million events)
    return fetch(con, f"SELECT * FROM {table} WHERE rowid IN (SELECT rowid FROM {table} "
                      f"{sql_where} {order}{page}) {order}", params + paging)


def event_by_id(con: Connection, event_id: str) -> dict[str, Any] | None:
    """The events row of this id, or None."""
    rows = fetch(con, "SELECT * FROM events WHERE event_id = ?", [event_id])
    return rows[0] if rows else None


def canonical_id_of(con: Connection, event_id: str) -> str | None:
    """The id of the canonical event this report is merged into (None: not merged, or none)."""
    return scalar(con, "SELECT canonical_id FROM event_mentions WHERE event_id = ?", [event_id])


def canonical_by_id(con: Connection, canonical_id: str) -> dict[str, Any] | None:
    """The canonical_events row of this id, or None."""
    rows = fetch(con, "SELECT * FROM canonical_events WHERE event_id = ?", [canonical_id])
    return rows[0] if rows else None


def report_rows(con: Connection, canonical_id: str) -> list[dict[str, Any]]:
    """The reports merged into a canonical event (events rows with `repeat` and their article's
    title and source), in the order they were published."""
    return fetch(con, "SELECT e.*, m.repeat, a.title, a.source FROM event_mentions m "
                      "JOIN events e USING (event_id) LEFT JOIN articles a ON a.id = e.article_id "
                      "WHERE m.canonical_id = ? "
                      "ORDER BY e.article_date, e.article_id, e.evidence_start, e.event_id",
                 [canonical_id])


def story_counts(con: Connection) -> tuple[int, int]:
    """(reports stored, reports merged into canonical events)."""
    row = con.execute("SELECT (SELECT count(*) FROM events), "
                      "(SELECT count(*) FROM event_mentions)").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def type_buckets(con: Connection, where: EventFilter, interval: str,
                 table: str = "events") -> list[dict[str, Any]]:
    """Events per (date bucket, type): rows bucket, type, n, by bucket."""
    sql_where, params = where.where()
    return fetch(con, f"SELECT date_trunc(?, coalesce(date, article_date))::DATE AS bucket, "
                      f"type, count(*) AS n FROM {_table(table)} {sql_where} "
                      f"GROUP BY ALL ORDER BY bucket", [interval] + params)


def quad_buckets(con: Connection, where: EventFilter, interval: str,
                 table: str = "events") -> list[tuple[Any, int, int, int, int, int]]:
    """Events per date bucket, by bucket: (bucket, count, then the count of each quad class 1-4)
    tuples, a type with no quad class counted as 1 (as `ontology.QUAD_CLASS.get(type, 1)`).
    What `type_buckets` gives, summed over types in SQL: a busy filter's monthly timeline over
    174 years is 2,000 rows here, not 20,000 of (bucket, type) summed in Python (0.1 s)."""
    sql_where, params = where.where()
    quads = [[t for t, q in QUAD_CLASS.items() if q == k] for k in (2, 3, 4)]
    counts = ", ".join(f"count(*) FILTER (WHERE list_contains(?::VARCHAR[], type)) AS q{k}"
                       for k in (2, 3, 4))
    return [(bucket, n, n - q2 - q3 - q4, q2, q3, q4) for bucket, n, q2, q3, q4 in con.execute(
        f"SELECT date_trunc(?, coalesce(date, article_date))::DATE AS bucket, count(*) AS n, "
        f"{counts} FROM {_table(table)} {sql_where} GROUP BY 1 ORDER BY 1",
        [interval] + quads + params).fetchall()]


def goldstein_buckets(con: Connection, where: EventFilter, interval: str,
                      table: str = "events") -> list[tuple[str, int, float, float | None]]:
    """Events per date bucket, by bucket: (bucket date, count, summed Goldstein, mean
    Goldstein) tuples, not dicts (a day series of a busy dyad has thousands)."""
    sql_where, params = where.where()
    return con.execute(f"SELECT date_trunc(?, coalesce(date, article_date))::DATE AS bucket, "
                       f"count(*) AS count, coalesce(sum(goldstein), 0) AS goldstein, "
                       f"avg(goldstein) AS mean_goldstein FROM {_table(table)} {sql_where} "
                       f"GROUP BY 1 ORDER BY 1", [interval] + params).fetchall()


_SIDE = ("SELECT coalesce(upper({p}_country), {p}_text) AS key, {p}_country AS country, "
         "{p}_text AS text, {a} AS as_actor, {r} AS as_recipient FROM {table} {where}")


def _actors_sql(table: str, text: str | None) -> tuple[str, list[Any]]:
    sides = " UNION ALL ".join([
        _SIDE.format(p="actor", a=1, r=0, where="", table=_table(table)),
        _SIDE.format(p="recipient", a=0, r=1, table=table,
                     where="WHERE recipient_text IS NOT NULL OR recipient_country IS NOT NULL")])
    having, params = "", []
    if text:
        having = "HAVING key ILIKE ? ESCAPE '\\' OR bool_or(text ILIKE ? ESCAPE '\\')"
        params = [contains_pattern(text), contains_pattern(text)]
    return (f"SELECT key, any_value(country) AS country, mode(text) AS label, "
            f"sum(as_actor) AS as_actor, sum(as_recipient) AS as_recipient, "
            f"count(*) AS events FROM ({sides}) WHERE key IS NOT NULL GROUP BY key {having}",
            params)


def actor_counts(con: Connection, text: str | None, limit: int, offset: int,
                 table: str = "events") -> tuple[int, list[dict[str, Any]]]:
    """(actors in all, a page of them): each actor (country code, else text) with its events as
    actor, as recipient and in all, busiest first; `text` matches key or text, literally."""
    base, params = _actors_sql(table, text)
    total = int(scalar(con, f"SELECT count(*) FROM ({base})", params))
    rows = fetch(con, f"{base} ORDER BY events DESC, key LIMIT ? OFFSET ?",
                 params + [limit, offset])
    return total, rows


ACTOR_SIDE = ("({p}_country IS NOT NULL OR {p}_entity IS NOT NULL OR {p}_sector IS NOT NULL)")
"""A side that is an actor: a state or other coded party, a named entity or a sector (not "the
pipeline" or "a series of benefits", which the coder kept as text only)."""


def network_edges(con: Connection, where: EventFilter, limit: int,
                  table: str = "events", actors_only: bool = True) -> list[dict[str, Any]]:
    """Actor -> recipient edges (country code, else text) with count and mean Goldstein,
    busiest first; events with both sides only, and with `actors_only` both sides actors."""
    sql_where, params = where.where()
    if actors_only:
        both = f"{ACTOR_SIDE.format(p='actor')} AND {ACTOR_SIDE.format(p='recipient')}"
    else:
        both = ("(actor_text IS NOT NULL OR actor_country IS NOT NULL) AND "
                "(recipient_text IS NOT NULL OR recipient_country IS NOT NULL)")
    sql_where = f"{sql_where} AND {both}" if sql_where else f"WHERE {both}"
    return fetch(con, f"SELECT coalesce(upper(actor_country), actor_text) AS source, "
                      f"coalesce(upper(recipient_country), recipient_text) AS target, "
                      f"count(*) AS count, avg(goldstein) AS mean_goldstein FROM {_table(table)} "
                      f"{sql_where} GROUP BY 1, 2 ORDER BY count DESC, source, target LIMIT ?",
                 params + [limit])


def date_range(con: Connection) -> dict[str, Any]:
    """first and last event date, events and located events (lat/lon known) in the store."""
    return fetch(con, "SELECT min(coalesce(date, article_date)) AS first, "
                      "max(coalesce(date, article_date)) AS last, count(*) AS events, "
                      "count(lat) AS located FROM events")[0]


def events_by_type(con: Connection) -> list[tuple[str, int]]:
    """(type, events) for every type in the store, most events first."""
    rows = fetch(con, "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
    return [(r["type"], r["n"]) for r in rows]


def top_dyads(con: Connection, top: int) -> list[tuple[str, str, int]]:
    """The `top` busiest (actor, recipient, events) pairs, of events with a country actor."""
    rows = fetch(con, """SELECT coalesce(actor_country, actor_text) AS a,
                  coalesce(recipient_country, recipient_text) AS b, count(*) AS n
           FROM events WHERE recipient_text IS NOT NULL AND actor_country IS NOT NULL
           GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?""", [top])
    return [(r["a"], r["b"], r["n"]) for r in rows]


def main_event_rows(con: Connection, top: int) -> list[dict[str, Any]]:
    """The main events: each article's lead event (the first it tells with a country actor, not
    hypothetical: what a headline or lead paragraph reports), most confident first, then the
    other events by confidence; `top` in all."""
    return fetch(con, """WITH ranked AS (
               SELECT *, row_number() OVER (PARTITION BY article_id
                                            ORDER BY evidence_start, event_id) AS place
               FROM events WHERE actor_country IS NOT NULL AND status <> 'hypothetical')
           SELECT * EXCLUDE (place) FROM ranked
           ORDER BY place > 1, confidence DESC, coalesce(date, article_date), event_id
           LIMIT ?""", [top])
