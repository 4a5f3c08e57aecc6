"""Pages of events by row id: the order of a whole table computed once, and a filter's rows
sorted into it without sorting them again in SQL.

On a million events a page of `events.event_rows` sorts the filter's rows by
(`coalesce(date, article_date)`, `event_id`) every time: 20-60 ms a page, most of it comparing
event ids, plus a second scan to count them. Here a table's date order is read once
(`DateOrder.of`: every row id in `DATE_ORDER`, 0.4 s) and kept, with each row id's place in it;
a filter then costs one unsorted scan for its row ids (`matching_rowids`: they give the total
too) and a sort of their places in memory (a few ms), and a page is a slice of that, read by row
id (`rows_by_rowid`). Row ids are fixed while the file is open read-only, so the order and any
filter's row ids hold until the next write (the API keeps them per version of the file:
sitroom.api.service.Service). The rows and their order are those of `events.event_rows`
(tests/store/test_paging.py).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .events import DATE_ORDER, DESC_DATE_ORDER, _table
from .filters import EventFilter
from .sql import Connection, fetch


MASK_SHARE = 64
"""`DateOrder.sort` marks a mask rather than sorting where a filter keeps over 1 row in this
many (sorting n places costs about n log n, the mask the table's length)."""


@dataclass(frozen=True)
class DateOrder:
    """Every row id of an event table in date order (`order`), and each row id's place in it
    (`place[rowid]`)."""

    order: np.ndarray
    place: np.ndarray

    @classmethod
    def of(cls, con: Connection, table: str = "events", descending: bool = False) -> DateOrder:
        """The table's rows in `DATE_ORDER` (or `DESC_DATE_ORDER`)."""
        sort = DESC_DATE_ORDER if descending else DATE_ORDER
        order = _rowids(con, f"SELECT rowid FROM {_table(table)} {sort}")
        place = np.zeros(int(order.max()) + 1 if len(order) else 0, dtype=np.int64)
        place[order] = np.arange(len(order), dtype=np.int64)
        return cls(order, place)

    def sort(self, rowids: np.ndarray) -> np.ndarray:
        """These row ids in this order (each row id at most once, as a scan gives them). A few
        are sorted by place; many (over 1 in MASK_SHARE of the table) are marked in a mask over
        the whole order and read off in one pass: no comparisons (a country's 216,000 of a
        million events: 13 -> 6 ms; a quad class's 369,000: 21 -> 5 ms)."""
        places = self.place[rowids]
        if len(places) * MASK_SHARE < len(self.order):
            return self.order[np.sort(places)]
        kept = np.zeros(len(self.order), dtype=bool)
        kept[places] = True
        return self.order[kept]


def _rowids(con: Connection, sql: str, params: list[Any] | None = None) -> np.ndarray:
    ids = con.execute(sql, params or []).fetchnumpy()["rowid"]
    return np.asarray(ids, dtype=np.int64)


def unpaged(where: EventFilter) -> EventFilter:
    """The filter without its page (what a filter's row ids are kept under)."""
    return replace(where, limit=None, offset=0)


def matching_rowids(con: Connection, where: EventFilter, table: str = "events") -> np.ndarray:
    """The row ids of the events the filter keeps (paging aside), in no order."""
    sql_where, params = where.where()
    return _rowids(con, f"SELECT rowid FROM {_table(table)} {sql_where}", params)


def rows_by_rowid(con: Connection, rowids: np.ndarray, table: str = "events",
                  descending: bool = False) -> list[dict[str, Any]]:
    """The rows of these row ids, in date order (as `events.event_rows` gives a page)."""
    if not len(rowids):
        return []
    order = DESC_DATE_ORDER if descending else DATE_ORDER
    # the bounds let the scan skip the row groups outside them (half the time where a page's
    # rows lie close together, as rows stored in about date order do)
    return fetch(con, f"SELECT * FROM {_table(table)} WHERE rowid BETWEEN ? AND ? AND rowid IN "
                      f"(SELECT unnest(?::BIGINT[])) {order}",
                 [int(rowids.min()), int(rowids.max()), rowids.tolist()])


def rows_of_rowids(con: Connection, rowids: np.ndarray, table: str = "events"
                   ) -> dict[int, dict[str, Any]]:
    """The rows of these row ids, by row id (for a caller that keeps rows it has read and
    orders them itself)."""
    if not len(rowids):
        return {}
    cur = con.execute(f"SELECT rowid, * FROM {_table(table)} WHERE rowid BETWEEN ? AND ? "
                      f"AND rowid IN (SELECT unnest(?::BIGINT[]))",
                      [int(rowids.min()), int(rowids.max()), rowids.tolist()])
    names = [d[0] for d in cur.description][1:]
    return {row[0]: dict(zip(names, row[1:])) for row in cur.fetchall()}
