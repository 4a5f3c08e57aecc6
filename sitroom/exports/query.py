"""Reading events out of a Store for the exporters: one filtered SELECT, streamed in chunks."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import SitroomError
from ..store.db import Store, event_filters

CHUNK = 2048
ORDER = "ORDER BY coalesce(e.date, e.article_date), e.event_id"
CANONICAL_TABLE = "canonical_events"


def check_canonical(store: Store, canonical: bool) -> None:
    """Refuse `canonical=True` until story deduplication has built its table in this store."""
    if not canonical:
        return
    found = store.query("SELECT table_name FROM information_schema.tables WHERE table_name = ?",
                        [CANONICAL_TABLE])
    if not found:
        raise SitroomError(
            f"{store.path}: canonical events are not available yet (no {CANONICAL_TABLE} table: "
            "story deduplication has not been run on this store); export without canonical "
            "for one row per reported event")
    raise SitroomError(f"{store.path}: exporting canonical events is not supported yet")


def select_sql(columns: str, **filters: Any) -> tuple[str, list[Any]]:
    """`SELECT columns` over the filtered events `e` joined to their articles `a`, in date order."""
    where, params = event_filters(**filters)
    sql = (f"SELECT {columns} FROM (SELECT * FROM events {where}) AS e "
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
