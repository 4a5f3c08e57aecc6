"""Named queries of the exporters: which table to export, and the filtered events joined to
their articles, streamed a chunk at a time."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import SitroomError
from .events import EVENT_TABLES
from .filters import EventFilter
from .sql import scalar

if TYPE_CHECKING:
    from .db import Store

CHUNK = 2048
ORDER = "ORDER BY coalesce(e.date, e.article_date), e.event_id"
CANONICAL_TABLE = "canonical_events"


def check_canonical(store: Store, canonical: bool) -> str:
    """The table to export from; canonical events need the story rebuild to have run."""
    if not canonical:
        return "events"
    events = scalar(store.con, "SELECT count(*) AS n FROM events")
    merged = scalar(store.con, f"SELECT count(*) AS n FROM {CANONICAL_TABLE}")
    if events and not merged:
        raise SitroomError(
            f"{store.path}: canonical events have not been built for this store: they are "
            "rebuilt after each `sitroom ingest`; ingest again, or export without --canonical")
    return CANONICAL_TABLE


def select_sql(columns: str, table: str = "events", where: EventFilter | None = None
               ) -> tuple[str, list[Any]]:
    """`SELECT columns` over the filtered events `e` (every report, or the canonical events)
    joined to their articles `a`, in date order."""
    if table not in EVENT_TABLES:
        raise SitroomError(f"unknown event table {table!r}")
    sql_where, params = (where or EventFilter()).where()
    sql = (f"SELECT {columns} FROM (SELECT * FROM {table} {sql_where}) AS e "
           f"LEFT JOIN articles AS a ON a.id = e.article_id {ORDER}")
    return sql, params


def stream(store: Store, columns: str, table: str = "events",
           where: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Rows of `select_sql` as dicts, fetched a chunk at a time."""
    sql, params = select_sql(columns, table, where)
    return _chunked(store, sql, params)


def _chunked(store: Store, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    """Rows of a query as dicts, fetched a chunk at a time on a cursor of their own."""
    cursor = store.con.cursor()
    try:
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(CHUNK):
            for row in rows:
                yield dict(zip(names, row))
    finally:
        cursor.close()


def arrow_table(store: Store, columns: str, table: str = "events",
                where: EventFilter | None = None) -> Any:
    """`select_sql` as one Arrow table, read on its own cursor."""
    sql, params = select_sql(columns, table, where)
    cursor = store.con.cursor()
    try:
        return cursor.sql(sql, params=params).to_arrow_table()
    finally:
        cursor.close()


def claim_rows(store: Store, columns: str) -> Iterator[dict[str, Any]]:
    """`SELECT columns` over every claim `c` with its group `g`, event `e`, the event's
    canonical mention `m` and article `a`, by article date, article and offset; a chunk at a
    time."""
    return _chunked(store, f"SELECT {columns} FROM claims c "
                           "LEFT JOIN claim_groups g ON g.group_id = c.group_id "
                           "LEFT JOIN events e ON e.event_id = c.event_id "
                           "LEFT JOIN event_mentions m ON m.event_id = c.event_id "
                           "LEFT JOIN articles a ON a.id = c.article_id "
                           "ORDER BY c.article_date, c.article_id, c.evidence_start, "
                           "c.claim_id", [])
