"""Reading events out of a Store for the exporters: one filtered SELECT, streamed in chunks."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import SitroomError
from ..store.db import Store, event_filters

CHUNK = 2048
ORDER = "ORDER BY coalesce(e.date, e.article_date), e.event_id"
CANONICAL_TABLE = "canonical_events"


def check_canonical(store: Store, canonical: bool) -> str:
    """The table to export from; canonical events need the story rebuild to have run."""
    if not canonical:
        return "events"
    events = store.query("SELECT count(*) AS n FROM events")[0]["n"]
    merged = store.query(f"SELECT count(*) AS n FROM {CANONICAL_TABLE}")[0]["n"]
    if events and not merged:
        raise SitroomError(
            f"{store.path}: canonical events have not been built for this store: they are "
            "rebuilt after each `sitroom ingest`; ingest again, or export without --canonical")
    return CANONICAL_TABLE


def select_sql(columns: str, table: str = "events", **filters: Any) -> tuple[str, list[Any]]:
    """`SELECT columns` over the filtered events `e` (every report, or the canonical events)
    joined to their articles `a`, in date order."""
    if table not in ("events", CANONICAL_TABLE):
        raise SitroomError(f"unknown event table {table!r}")
    where, params = event_filters(**filters)
    sql = (f"SELECT {columns} FROM (SELECT * FROM {table} {where}) AS e "
           f"LEFT JOIN articles AS a ON a.id = e.article_id {ORDER}")
    return sql, params


def stream(store: Store, columns: str, **filters: Any) -> Iterator[dict[str, Any]]:
    """Rows of `select_sql` as dicts, fetched a chunk at a time."""
    sql, params = select_sql(columns, **filters)
    cursor = store.con.cursor()
    try:
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(CHUNK):
            for row in rows:
                yield dict(zip(names, row))
    finally:
        cursor.close()
